CREATE SCHEMA archive;
CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    at date NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_kind_idx ON events (kind);
CREATE TABLE archive.events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    at date NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE archive.events_2019 PARTITION OF archive.events FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');
CREATE TABLE archive.events_other PARTITION OF archive.events DEFAULT;
CREATE INDEX events_kind_idx ON archive.events (kind);
