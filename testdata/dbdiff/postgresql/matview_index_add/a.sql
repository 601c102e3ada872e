CREATE TABLE events (id integer PRIMARY KEY, kind text, at date);
CREATE MATERIALIZED VIEW daily_events AS SELECT at, kind, count(*) AS n FROM events GROUP BY at, kind;
