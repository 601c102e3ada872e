CREATE UNLOGGED TABLE staging (id integer PRIMARY KEY, data text);
CREATE UNLOGGED TABLE staging_items (id integer PRIMARY KEY, staging_id integer REFERENCES staging);
