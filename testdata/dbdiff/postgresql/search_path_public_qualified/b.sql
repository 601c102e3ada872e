CREATE TABLE public.a (id integer PRIMARY KEY, name text);
CREATE TABLE public.b (id integer PRIMARY KEY, a_id integer REFERENCES public.a ON DELETE SET NULL);
