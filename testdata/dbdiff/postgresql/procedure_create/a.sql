CREATE TABLE archive (id integer PRIMARY KEY, at date);
CREATE TABLE live (id integer PRIMARY KEY, at date);
