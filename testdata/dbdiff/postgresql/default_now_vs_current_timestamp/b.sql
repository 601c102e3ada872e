CREATE TABLE audit (id integer PRIMARY KEY, created timestamptz DEFAULT CURRENT_TIMESTAMP, updated timestamptz DEFAULT now(), d date DEFAULT now());
