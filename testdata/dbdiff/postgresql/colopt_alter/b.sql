CREATE TABLE events (id bigint PRIMARY KEY, account integer, kind text, payload jsonb);
ALTER TABLE events ALTER COLUMN account SET (n_distinct = -0.2);
ALTER TABLE events ALTER COLUMN kind SET (n_distinct = 12, n_distinct_inherited = 15);
ALTER TABLE events ALTER COLUMN payload SET (n_distinct = -1);
