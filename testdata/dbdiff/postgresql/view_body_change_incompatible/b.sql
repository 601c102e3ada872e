CREATE TABLE orders (id integer PRIMARY KEY, total numeric, customer text);
CREATE VIEW order_summary AS SELECT customer, count(*) AS orders, sum(total)::numeric(14,2) AS revenue FROM orders GROUP BY customer;
