CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text);
INSERT INTO cache VALUES ('a', 'b');
