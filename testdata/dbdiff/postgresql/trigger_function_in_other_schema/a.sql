CREATE SCHEMA audit;
CREATE TABLE audit.log (at timestamptz NOT NULL DEFAULT now(), tbl text NOT NULL, op text NOT NULL);
CREATE TABLE orders (id integer PRIMARY KEY);
INSERT INTO orders VALUES (1);
