CREATE TABLE wide (id integer PRIMARY KEY, c1 text, c3 boolean, c4 date, c6 text, c8 integer, c9 jsonb, c10 text NOT NULL DEFAULT '');
