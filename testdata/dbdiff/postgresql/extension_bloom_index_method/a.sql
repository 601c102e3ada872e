CREATE TABLE facts (a integer, b integer, c integer);
INSERT INTO facts VALUES (1, 2, 3);
