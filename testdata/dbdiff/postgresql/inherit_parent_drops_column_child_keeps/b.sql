CREATE TABLE document (id bigint NOT NULL, title text NOT NULL, legacy_ref text);
CREATE TABLE invoice_document (amount numeric(12,2)) INHERITS (document);
-- the parent gives the column up; the invoices keep theirs
ALTER TABLE ONLY document DROP COLUMN legacy_ref;
INSERT INTO document VALUES (1, 'readme');
INSERT INTO invoice_document VALUES (2, 'invoice 7', 'INV-7', 120.50);
