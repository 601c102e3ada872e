CREATE TABLE parent_t (id integer NOT NULL, kind text, CONSTRAINT ck_parent_kind CHECK (kind IS NULL) NO INHERIT);
