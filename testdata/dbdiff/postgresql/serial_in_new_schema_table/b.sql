CREATE TABLE users (id integer PRIMARY KEY);
CREATE SCHEMA billing;
CREATE TABLE billing.charges (id bigserial PRIMARY KEY, user_id integer REFERENCES public.users (id), cents integer NOT NULL);
