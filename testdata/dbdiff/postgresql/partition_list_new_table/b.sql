CREATE TABLE customers (id integer PRIMARY KEY, region text NOT NULL);
CREATE TABLE orders (id bigint NOT NULL, region text NOT NULL, total numeric(12,2)) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu', 'uk');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
