CREATE TABLE addresses (id integer PRIMARY KEY, zip text, city text, country text);
INSERT INTO addresses VALUES (1, '12345', 'x', 'de');
