CREATE TABLE invoices (id integer PRIMARY KEY, amount numeric);
CREATE TABLE refunds (id integer PRIMARY KEY, amount numeric);
INSERT INTO invoices VALUES (1, 5);
