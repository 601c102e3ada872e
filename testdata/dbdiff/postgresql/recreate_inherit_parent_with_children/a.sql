CREATE TABLE audited (
    created_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00+00',
    created_by text
);
CREATE TABLE documents (
    id integer NOT NULL,
    title text NOT NULL CHECK (title <> ''),
    created_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00+00',
    created_by text
);
CREATE TABLE invoices (
    amount numeric(12,2) NOT NULL,
    CONSTRAINT invoices_amount_check CHECK (amount >= 0)
) INHERITS (documents);
CREATE TABLE contracts (signed boolean NOT NULL DEFAULT false) INHERITS (documents);
CREATE TABLE invoice_corrections (reason text) INHERITS (invoices);
CREATE INDEX invoices_id_idx ON invoices (id);
INSERT INTO documents (id, title, created_by) VALUES (1, 'memo', 'ann');
INSERT INTO invoices (id, title, created_at, amount) VALUES (2, 'inv-2', '2024-05-05 12:00+00', 120.50);
INSERT INTO contracts (id, title, signed) VALUES (3, 'lease', true), (4, 'nda', false);
INSERT INTO invoice_corrections (id, title, amount, reason) VALUES (5, 'inv-2b', 20, 'typo');
