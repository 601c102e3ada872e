CREATE TABLE tracked (created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE soft_deleted (deleted_at timestamptz);
CREATE TABLE invoices (id integer NOT NULL, total numeric(12,2)) INHERITS (tracked, soft_deleted);
