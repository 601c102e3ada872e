CREATE TABLE s (id integer PRIMARY KEY, a text, b text, c numeric, d text);
INSERT INTO s (id) VALUES (1);
