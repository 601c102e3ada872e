CREATE TABLE codes (id integer PRIMARY KEY, code text NOT NULL, v text);
INSERT INTO codes VALUES (1, 'a', 'x'), (2, 'b', 'y');
