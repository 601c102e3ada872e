CREATE TABLE a_tab (id integer PRIMARY KEY, n integer);
CREATE TABLE b_tab (id integer PRIMARY KEY, n integer);
CREATE SEQUENCE shared_seq OWNED BY a_tab.n;
ALTER TABLE a_tab ALTER n SET DEFAULT nextval('shared_seq');
INSERT INTO a_tab (id) VALUES (1);
