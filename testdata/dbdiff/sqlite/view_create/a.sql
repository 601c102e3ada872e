CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, active INTEGER NOT NULL DEFAULT 1);
INSERT INTO customers VALUES (1, 'a', 1), (2, 'b', 0);
