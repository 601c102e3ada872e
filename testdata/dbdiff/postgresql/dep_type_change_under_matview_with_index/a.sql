CREATE TABLE sales (id integer PRIMARY KEY, region varchar(10), amount integer);
CREATE MATERIALIZED VIEW region_sales AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE UNIQUE INDEX ux_region_sales ON region_sales (region);
INSERT INTO sales VALUES (1, 'eu', 5);
