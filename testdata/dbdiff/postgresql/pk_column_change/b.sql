CREATE TABLE codes (id integer NOT NULL, code text PRIMARY KEY, v text);
