CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a);
CREATE TABLE c (id integer PRIMARY KEY, b_id integer REFERENCES b);
CREATE TABLE keep (id integer PRIMARY KEY, v text);
INSERT INTO keep VALUES (1, 'x');
