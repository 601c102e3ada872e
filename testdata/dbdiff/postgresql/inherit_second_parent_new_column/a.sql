CREATE TABLE tracked (created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE soft_deleted (deleted_at timestamptz);
CREATE TABLE invoices (id integer NOT NULL, total numeric(12,2)) INHERITS (tracked);
INSERT INTO invoices (id, total, created_at) VALUES (1, 99.50, '2024-05-01 09:00:00+00'), (2, 12.00, '2024-05-02 09:00:00+00');
