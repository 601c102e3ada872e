CREATE TYPE k AS ENUM ('a', 'b');
CREATE TABLE p (id serial PRIMARY KEY, name varchar(20) NOT NULL UNIQUE, k k DEFAULT 'a', at timestamptz DEFAULT now(), CHECK (length(name) > 1));
CREATE TABLE c (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, p integer REFERENCES p ON DELETE CASCADE, v numeric(5,2) DEFAULT 0.0);
CREATE INDEX ix_c_p ON c (p) WHERE v > 0;
COMMENT ON TABLE p IS 'parent';
