CREATE EXTENSION btree_gist;
CREATE TABLE shifts (id integer PRIMARY KEY, nurse integer, during tstzrange, cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT ex_shifts_nurse EXCLUDE USING gist (nurse WITH =, during WITH &&) WHERE (NOT cancelled));
