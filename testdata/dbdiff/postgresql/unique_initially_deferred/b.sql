CREATE TABLE positions (id integer PRIMARY KEY, ord integer NOT NULL, CONSTRAINT uq_positions_ord UNIQUE (ord) DEFERRABLE INITIALLY DEFERRED);
