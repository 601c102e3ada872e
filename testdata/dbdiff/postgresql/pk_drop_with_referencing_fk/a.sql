CREATE TABLE parents (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE kids (id integer PRIMARY KEY, p integer REFERENCES parents (id));
INSERT INTO parents VALUES (1, 'a');
INSERT INTO kids VALUES (1, 1);
