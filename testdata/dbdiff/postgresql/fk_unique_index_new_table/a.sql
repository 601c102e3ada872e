CREATE TABLE currencies (id integer PRIMARY KEY, code char(3) NOT NULL);
INSERT INTO currencies VALUES (1, 'EUR');
