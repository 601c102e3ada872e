CREATE TABLE n (id integer PRIMARY KEY, name text COLLATE "C");
CREATE INDEX ix_n_name ON n (name);
