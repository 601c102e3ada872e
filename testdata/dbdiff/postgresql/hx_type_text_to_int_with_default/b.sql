CREATE TABLE settings (id integer PRIMARY KEY, retries integer NOT NULL DEFAULT 3, threshold numeric(4,2) DEFAULT 0.5);
