CREATE TABLE docs (id integer PRIMARY KEY, tags text[], meta jsonb, ref integer[], at date);
