CREATE TABLE labels (id integer PRIMARY KEY, name text COLLATE "C");
