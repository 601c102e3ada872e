CREATE TABLE events (id integer PRIMARY KEY, at date NOT NULL);
CREATE TABLE events_archive (id integer PRIMARY KEY, at date NOT NULL);
CREATE PROCEDURE archive(days integer) LANGUAGE sql AS $$ INSERT INTO events_archive SELECT * FROM events WHERE at < current_date - days ON CONFLICT DO NOTHING $$;
CREATE PROCEDURE archive(days integer, INOUT moved integer DEFAULT 0) LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events_archive SELECT * FROM events WHERE at < current_date - days ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS moved = ROW_COUNT;
END
$$;
