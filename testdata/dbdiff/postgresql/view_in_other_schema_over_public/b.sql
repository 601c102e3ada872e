CREATE SCHEMA api;
CREATE TABLE public.users (id integer PRIMARY KEY, email text, password_hash text);
CREATE VIEW api.users AS SELECT id, email FROM public.users;
