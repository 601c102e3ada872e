CREATE TYPE person_t AS (name text, born date);
