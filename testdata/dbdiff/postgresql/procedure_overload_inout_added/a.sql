CREATE TABLE events (id integer PRIMARY KEY, at date NOT NULL);
INSERT INTO events VALUES (1, '2020-01-01'), (2, '2026-01-01');
CREATE TABLE events_archive (id integer PRIMARY KEY, at date NOT NULL);
CREATE PROCEDURE archive(days integer) LANGUAGE sql AS $$ INSERT INTO events_archive SELECT * FROM events WHERE at < current_date - days $$;
