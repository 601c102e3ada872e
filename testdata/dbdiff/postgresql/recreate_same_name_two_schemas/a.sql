CREATE SCHEMA archive;
CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    at date NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (id, at)
);
CREATE INDEX events_kind_idx ON events (kind);
CREATE TABLE archive.events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    at date NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (id, at)
);
CREATE INDEX events_kind_idx ON archive.events (kind);
INSERT INTO events (at, kind) VALUES ('2024-02-01', 'login'), ('2024-08-01', 'logout');
INSERT INTO archive.events (at, kind) VALUES ('2019-03-01', 'login'), ('2020-03-01', 'purge'), ('2021-03-01', 'purge');
