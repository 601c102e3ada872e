CREATE TABLE customer (id INTEGER PRIMARY KEY, region TEXT, name TEXT);
CREATE TABLE orders (
	id INTEGER PRIMARY KEY,
	customer_id INTEGER REFERENCES customer (id) MATCH SIMPLE ON DELETE CASCADE,
	placed TEXT,
	backup_id INTEGER,
	FOREIGN KEY (backup_id) REFERENCES customer (id) MATCH FULL
);
CREATE INDEX ix_customer_region ON customer (region ASC, name DESC);
CREATE INDEX ix_orders_placed ON orders (placed ASC);
CREATE UNIQUE INDEX ux_orders_customer ON orders (customer_id ASC, placed COLLATE NOCASE ASC);
