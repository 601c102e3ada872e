CREATE TABLE s (id serial PRIMARY KEY, v text);
INSERT INTO s (v) VALUES ('a'), ('b');
