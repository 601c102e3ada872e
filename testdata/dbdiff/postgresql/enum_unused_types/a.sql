CREATE TYPE a_enum AS ENUM ('x');
CREATE TYPE b_enum AS ENUM ('p', 'q');
CREATE TABLE t (id integer PRIMARY KEY);
