CREATE TABLE currencies (id integer PRIMARY KEY, code char(3) NOT NULL);
CREATE TABLE prices (id integer PRIMARY KEY, currency char(3));
INSERT INTO currencies VALUES (1, 'EUR');
INSERT INTO prices VALUES (1, 'EUR');
