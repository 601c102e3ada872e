CREATE TYPE b_enum AS ENUM ('p', 'q', 'r');
CREATE TYPE c_enum AS ENUM ('one', 'two words', 'it''s');
CREATE TABLE t (id integer PRIMARY KEY);
