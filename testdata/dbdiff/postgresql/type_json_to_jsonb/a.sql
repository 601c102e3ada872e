CREATE TABLE docs (id integer PRIMARY KEY, body json, meta text);
INSERT INTO docs VALUES (1, '{"a": 1}', '{"b": 2}');
