CREATE TABLE a_tab (id integer PRIMARY KEY, n integer);
CREATE TABLE b_tab (id integer PRIMARY KEY, n integer);
CREATE SEQUENCE shared_seq OWNED BY b_tab.n;
ALTER TABLE b_tab ALTER n SET DEFAULT nextval('shared_seq');
