CREATE SCHEMA sales; CREATE SCHEMA archive;
CREATE TABLE sales.orders (id integer PRIMARY KEY, total numeric(12,2) NOT NULL DEFAULT 0, status text);
CREATE TABLE archive.orders (id integer PRIMARY KEY, total numeric, archived_at timestamptz,
  source_id integer REFERENCES sales.orders (id));
CREATE INDEX orders_total_idx ON sales.orders (total);
CREATE INDEX orders_total_idx ON archive.orders (total);
CREATE TABLE public.orders (id integer PRIMARY KEY, note text);
