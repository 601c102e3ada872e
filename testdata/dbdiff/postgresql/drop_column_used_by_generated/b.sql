CREATE TABLE boxes (id integer PRIMARY KEY, w integer, label text);
