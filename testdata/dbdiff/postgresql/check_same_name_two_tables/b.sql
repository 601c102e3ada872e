CREATE TABLE invoices (id integer PRIMARY KEY, amount numeric, CONSTRAINT amount_positive CHECK (amount > 0));
CREATE TABLE refunds (id integer PRIMARY KEY, amount numeric, CONSTRAINT amount_positive CHECK (amount > 0));
