CREATE TABLE parents (id integer PRIMARY KEY, v text);
CREATE TABLE kids (id integer PRIMARY KEY, parent_id integer REFERENCES parents (id));
INSERT INTO parents VALUES (1, 'a');
INSERT INTO kids VALUES (1, 1);
