CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT, amount REAL);
CREATE VIEW sales_by_region AS SELECT region, sum(amount) AS amount FROM sales GROUP BY region;
CREATE VIEW top_region AS SELECT region FROM sales_by_region ORDER BY amount DESC LIMIT 1;
