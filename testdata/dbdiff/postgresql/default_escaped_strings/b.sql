CREATE TABLE s (id integer PRIMARY KEY, a text DEFAULT E'line\nbreak', b text DEFAULT 'it''s "q"', c numeric DEFAULT 0::numeric, d text DEFAULT '$x$');
