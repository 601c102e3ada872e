CREATE TABLE lines (id integer PRIMARY KEY, qty integer NOT NULL, unit_price numeric(10,2) NOT NULL, discount numeric(4,2) NOT NULL DEFAULT 0,
  total numeric(12,2) GENERATED ALWAYS AS (qty * unit_price * (1 - discount)) STORED);
