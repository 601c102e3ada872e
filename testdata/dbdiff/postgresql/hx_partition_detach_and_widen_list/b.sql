CREATE TABLE orders (id integer NOT NULL, region text NOT NULL, total numeric) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu', 'uk');
CREATE TABLE orders_us (id integer NOT NULL, region text NOT NULL, total numeric);
