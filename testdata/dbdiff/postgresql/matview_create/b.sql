CREATE TABLE orders (id integer PRIMARY KEY, customer integer, total numeric);
CREATE MATERIALIZED VIEW customer_totals AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer;
