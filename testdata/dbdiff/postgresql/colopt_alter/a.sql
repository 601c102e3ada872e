CREATE TABLE events (id bigint PRIMARY KEY, account integer, kind text, payload jsonb);
ALTER TABLE events ALTER COLUMN account SET (n_distinct = 1000, n_distinct_inherited = 2000);
ALTER TABLE events ALTER COLUMN kind SET (n_distinct = 12);
INSERT INTO events VALUES (1, 7, 'click', '{}');
