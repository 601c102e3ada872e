CREATE DOMAIN order_code AS varchar(8) CHECK (VALUE ~ '^PO');
CREATE TABLE purchase (id int PRIMARY KEY, code order_code NOT NULL);
CREATE VIEW open_purchase AS SELECT id, code FROM purchase;
INSERT INTO purchase VALUES (1, 'PO1'), (2, 'PO22');
