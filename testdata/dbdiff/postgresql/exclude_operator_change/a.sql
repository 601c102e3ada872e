CREATE EXTENSION btree_gist;
CREATE TABLE rooms (id integer PRIMARY KEY, building integer, floor integer, CONSTRAINT ex_rooms EXCLUDE USING gist (building WITH =, floor WITH =));
