CREATE TABLE customers (id integer PRIMARY KEY, name text, active boolean NOT NULL DEFAULT true);
CREATE VIEW active_customers AS SELECT id, name FROM customers WHERE active;
