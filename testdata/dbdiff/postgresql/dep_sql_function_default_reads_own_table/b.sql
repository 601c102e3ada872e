SET check_function_bodies = false;
CREATE FUNCTION next_ticket_no() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT coalesce(max(no), 0) + 1 FROM public.tickets $$;
CREATE FUNCTION title_is_new(t text) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT NOT EXISTS (SELECT 1 FROM public.tickets WHERE title = t) $$;
CREATE TABLE tickets (id integer PRIMARY KEY, title text NOT NULL, no integer DEFAULT next_ticket_no());
ALTER TABLE tickets ADD CONSTRAINT ck_title CHECK (title_is_new(title)) NOT VALID;
