CREATE TABLE document (id bigint NOT NULL, title text NOT NULL, legacy_ref text);
CREATE TABLE invoice_document (amount numeric(12,2)) INHERITS (document);
INSERT INTO document VALUES (1, 'readme', 'R-1');
INSERT INTO invoice_document VALUES (2, 'invoice 7', 'INV-7', 120.50);
