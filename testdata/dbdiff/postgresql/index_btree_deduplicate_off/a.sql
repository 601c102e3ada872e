CREATE TABLE events (id integer PRIMARY KEY, kind text);
