CREATE TABLE parents (id integer NOT NULL, code text PRIMARY KEY);
CREATE TABLE kids (id integer PRIMARY KEY, p integer);
