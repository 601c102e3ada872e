CREATE EXTENSION pg_trgm;
CREATE TABLE articles (id integer PRIMARY KEY, title text);
INSERT INTO articles VALUES (1, 'hello');
