CREATE TABLE counters (id integer PRIMARY KEY, n bigint);
CREATE INDEX ix_counters_n ON counters (n);
