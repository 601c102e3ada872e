CREATE TABLE n (id integer PRIMARY KEY, name text);
CREATE INDEX ix_n_name ON n (name);
INSERT INTO n VALUES (1, 'b'), (2, 'A');
