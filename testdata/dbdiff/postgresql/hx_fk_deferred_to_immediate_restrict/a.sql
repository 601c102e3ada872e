CREATE TABLE parents (id integer PRIMARY KEY);
CREATE TABLE children (id integer PRIMARY KEY, parent_id integer REFERENCES parents DEFERRABLE INITIALLY DEFERRED);
INSERT INTO parents VALUES (1); INSERT INTO children VALUES (1, 1);
