CREATE TABLE items (id integer PRIMARY KEY, code integer, label text);
