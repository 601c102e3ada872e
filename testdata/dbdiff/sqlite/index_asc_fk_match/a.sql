CREATE TABLE customer (id INTEGER PRIMARY KEY, region TEXT, name TEXT);
CREATE TABLE orders (
	id INTEGER PRIMARY KEY,
	customer_id INTEGER REFERENCES customer (id),
	placed TEXT
);
CREATE INDEX ix_customer_region ON customer (region, name DESC);
INSERT INTO customer VALUES (1, 'eu', 'ann');
INSERT INTO orders VALUES (1, 1, '2024-01-01');
