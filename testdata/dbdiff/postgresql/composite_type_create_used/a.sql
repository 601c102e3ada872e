CREATE TABLE shops (id integer PRIMARY KEY, name text);
INSERT INTO shops VALUES (1, 'corner');
