CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, seen boolean) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE FUNCTION mark_seen() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.seen := true; RETURN NEW; END $$;
