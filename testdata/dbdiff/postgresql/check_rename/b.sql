CREATE TABLE t (id integer PRIMARY KEY, v integer CONSTRAINT ck_t_v_small CHECK (v < 10));
