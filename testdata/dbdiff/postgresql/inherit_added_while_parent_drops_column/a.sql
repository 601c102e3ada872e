CREATE TABLE contact (id bigint NOT NULL, email text NOT NULL, fax text);
CREATE TABLE supplier_contact (id bigint NOT NULL, email text NOT NULL, supplier_code text);
INSERT INTO contact VALUES (1, 'a@example.com', '+1 555 0100');
INSERT INTO supplier_contact VALUES (2, 'b@example.com', 'SUP-9');
