CREATE TABLE orders (id integer PRIMARY KEY, amount integer NOT NULL, customer text);
CREATE VIEW order_amounts AS SELECT id, amount, customer FROM orders;
CREATE VIEW customer_totals AS SELECT customer, sum(amount) AS total FROM order_amounts GROUP BY customer;
CREATE VIEW top_customers AS SELECT customer FROM customer_totals WHERE total > 100;
INSERT INTO orders VALUES (1, 150, 'acme'), (2, 20, 'globex');
