CREATE TABLE keep (id integer PRIMARY KEY, v text);
CREATE TABLE c (id integer PRIMARY KEY, b_id integer);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer);
CREATE TABLE a (id integer PRIMARY KEY, keep_id integer REFERENCES keep);
ALTER TABLE c ADD FOREIGN KEY (b_id) REFERENCES b;
ALTER TABLE b ADD FOREIGN KEY (a_id) REFERENCES a;
