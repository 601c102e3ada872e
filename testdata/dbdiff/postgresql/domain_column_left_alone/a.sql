CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE t (id integer PRIMARY KEY, n posint, v text);
INSERT INTO t VALUES (1, 5, 'x');
