CREATE TABLE orders (id bigint PRIMARY KEY, customer integer, region text, country text, placed date);
CREATE STATISTICS orders_region_country (ndistinct, mcv) ON country, region FROM orders;
CREATE STATISTICS orders_customer_region ON customer, region FROM orders;
ALTER STATISTICS orders_customer_region SET STATISTICS 1000;
COMMENT ON STATISTICS orders_customer_region IS 'new note';
CREATE STATISTICS orders_month_expr ON (date_trunc('month', placed::timestamp)) FROM orders;
CREATE STATISTICS orders_lower_region (mcv) ON lower(region), customer FROM orders;
