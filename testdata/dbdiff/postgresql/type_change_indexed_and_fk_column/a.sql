CREATE TABLE parents (code varchar(10) PRIMARY KEY, v text);
CREATE TABLE kids (id integer PRIMARY KEY, parent varchar(10) REFERENCES parents (code), n integer);
CREATE INDEX ix_kids_parent ON kids (parent);
CREATE INDEX ix_kids_n ON kids (n) WHERE n > 0;
INSERT INTO parents VALUES ('a', 'x');
INSERT INTO kids VALUES (1, 'a', 2);
