CREATE TABLE contact (id bigint NOT NULL, email text NOT NULL);
CREATE TABLE supplier_contact (id bigint NOT NULL, email text NOT NULL, supplier_code text);
ALTER TABLE supplier_contact INHERIT contact;
INSERT INTO contact VALUES (1, 'a@example.com');
INSERT INTO supplier_contact VALUES (2, 'b@example.com', 'SUP-9');
