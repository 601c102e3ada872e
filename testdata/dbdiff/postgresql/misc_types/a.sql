CREATE TABLE misc (id integer PRIMARY KEY, ip text, net text, blob text, span text, money_col numeric, t time, tz timetz, bits text, pt text);
INSERT INTO misc (id) VALUES (1);
