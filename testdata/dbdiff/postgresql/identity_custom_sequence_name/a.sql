CREATE TABLE parts (sku text PRIMARY KEY);
INSERT INTO parts VALUES ('p1');
