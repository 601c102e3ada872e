CREATE TABLE audited (
    created_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00+00',
    created_by text
);
CREATE TABLE documents (
    id integer NOT NULL,
    title text NOT NULL CHECK (title <> '')
) INHERITS (audited);
CREATE TABLE invoices (
    amount numeric(12,2) NOT NULL,
    CONSTRAINT invoices_amount_check CHECK (amount >= 0)
) INHERITS (documents);
CREATE TABLE contracts (signed boolean NOT NULL DEFAULT false) INHERITS (documents);
CREATE TABLE invoice_corrections (reason text) INHERITS (invoices);
CREATE INDEX invoices_id_idx ON invoices (id);
