CREATE TABLE events (id integer PRIMARY KEY, kind text, at date);
CREATE MATERIALIZED VIEW daily_events AS SELECT at, kind, count(*) AS n FROM events GROUP BY at, kind;
CREATE UNIQUE INDEX ux_daily_events ON daily_events (at, kind);
CREATE INDEX ix_daily_events_kind ON daily_events (kind);
