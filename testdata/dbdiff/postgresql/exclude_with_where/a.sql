CREATE EXTENSION btree_gist;
CREATE TABLE shifts (id integer PRIMARY KEY, nurse integer, during tstzrange, cancelled boolean NOT NULL DEFAULT false);
