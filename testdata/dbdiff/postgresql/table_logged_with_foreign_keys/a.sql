CREATE UNLOGGED TABLE parents (id integer PRIMARY KEY);
CREATE UNLOGGED TABLE children (id integer PRIMARY KEY, parent_id integer REFERENCES parents);
CREATE UNLOGGED TABLE grandchildren (id integer PRIMARY KEY, child_id integer REFERENCES children);
INSERT INTO parents VALUES (1);
INSERT INTO children VALUES (1, 1);
