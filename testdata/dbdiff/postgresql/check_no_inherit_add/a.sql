CREATE TABLE parent_t (id integer NOT NULL, kind text);
