CREATE TABLE sales (id integer PRIMARY KEY, region text, amount numeric, sold date);
CREATE VIEW sales_2024 AS SELECT * FROM sales WHERE sold >= '2024-01-01' AND sold < '2025-01-01';
CREATE VIEW sales_2024_by_region AS SELECT region, sum(amount) AS amount FROM sales_2024 GROUP BY region;
CREATE VIEW top_regions_2024 AS SELECT region FROM sales_2024_by_region ORDER BY amount DESC LIMIT 3;
