CREATE UNLOGGED TABLE parents (id integer PRIMARY KEY);
CREATE UNLOGGED TABLE scratch (id integer PRIMARY KEY, parent_id integer REFERENCES parents);
INSERT INTO parents VALUES (1);
