CREATE TABLE orders (id bigint PRIMARY KEY, customer integer, region text, country text, placed date);
CREATE STATISTICS orders_region_country (ndistinct) ON region, country FROM orders;
CREATE STATISTICS orders_customer_region ON customer, region FROM orders;
ALTER STATISTICS orders_customer_region SET STATISTICS 200;
CREATE STATISTICS orders_gone (dependencies) ON customer, placed FROM orders;
COMMENT ON STATISTICS orders_customer_region IS 'old note';
INSERT INTO orders VALUES (1, 1, 'eu', 'de', '2026-01-01');
