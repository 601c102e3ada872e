CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL, CONSTRAINT amount_positive CHECK (amount > 0));
CREATE TABLE refunds (id INTEGER PRIMARY KEY, amount REAL, CONSTRAINT amount_positive CHECK (amount > 0));
