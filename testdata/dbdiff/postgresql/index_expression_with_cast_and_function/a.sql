CREATE TABLE orders (id integer PRIMARY KEY, placed timestamptz, meta jsonb);
