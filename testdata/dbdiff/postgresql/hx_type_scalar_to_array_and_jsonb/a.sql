CREATE TABLE docs (id integer PRIMARY KEY, tags text, meta text, ref integer, at timestamp);
INSERT INTO docs VALUES (1, 'a', '{"k": 1}', 7, '2024-01-02 03:04:05'), (2, NULL, NULL, NULL, NULL);
