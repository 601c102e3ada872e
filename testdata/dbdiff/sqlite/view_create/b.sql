CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, active INTEGER NOT NULL DEFAULT 1);
CREATE VIEW active_customers AS SELECT id, name FROM customers WHERE active;
