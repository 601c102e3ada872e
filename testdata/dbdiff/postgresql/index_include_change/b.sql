CREATE TABLE orders (id integer PRIMARY KEY, customer integer, total numeric, status text);
CREATE INDEX ix_orders_customer ON orders (customer) INCLUDE (total, status);
