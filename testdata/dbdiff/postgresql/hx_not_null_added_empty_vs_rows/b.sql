CREATE TABLE empty_one (id integer PRIMARY KEY, v text NOT NULL, w integer NOT NULL);
CREATE TABLE filled (id integer PRIMARY KEY, v text NOT NULL DEFAULT 'none', w integer NOT NULL DEFAULT 0);
