CREATE TABLE t (id integer PRIMARY KEY, v integer CONSTRAINT v_small CHECK (v < 10));
