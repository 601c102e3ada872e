CREATE TABLE invoices (id integer PRIMARY KEY, customer text NOT NULL, amount numeric(10,2) NOT NULL, paid boolean NOT NULL DEFAULT false);
INSERT INTO invoices VALUES (1, 'acme', 120.00, true), (2, 'acme', 80.00, false), (3, 'globex', 42.00, true);
CREATE MATERIALIZED VIEW customer_balances AS
  SELECT customer, sum(amount) AS balance FROM invoices GROUP BY customer;
ALTER MATERIALIZED VIEW customer_balances ALTER COLUMN customer SET STATISTICS 300;
ALTER MATERIALIZED VIEW customer_balances ALTER COLUMN customer SET STORAGE MAIN;
