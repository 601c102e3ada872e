CREATE SCHEMA old;
CREATE TABLE old.things (id integer PRIMARY KEY);
CREATE VIEW public.all_things AS SELECT id FROM old.things;
CREATE TABLE public.keep (id integer PRIMARY KEY);
