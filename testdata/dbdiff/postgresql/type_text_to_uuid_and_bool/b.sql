CREATE TABLE flags (id integer PRIMARY KEY, ext uuid, on_off boolean, n integer);
