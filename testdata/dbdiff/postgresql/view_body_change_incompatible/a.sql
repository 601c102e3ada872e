CREATE TABLE orders (id integer PRIMARY KEY, total numeric, customer text);
CREATE VIEW order_summary AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer;
