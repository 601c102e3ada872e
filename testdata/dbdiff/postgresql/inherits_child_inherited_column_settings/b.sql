CREATE TABLE events (id bigint PRIMARY KEY, payload text, region text, kind text);
CREATE TABLE archived_events (archived_on date) INHERITS (events);
CREATE TABLE replayed_events (replayed_at timestamptz) INHERITS (events);
ALTER TABLE ONLY archived_events ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE ONLY archived_events ALTER COLUMN region SET STATISTICS 500;
ALTER TABLE ONLY archived_events ALTER COLUMN region SET (n_distinct = 12);
ALTER TABLE ONLY archived_events ALTER COLUMN kind SET STATISTICS 50;
