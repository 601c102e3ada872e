CREATE TABLE rentals (id integer PRIMARY KEY, tags text[], period daterange);
CREATE INDEX ix_rentals_tags ON rentals USING gin (tags array_ops);
CREATE INDEX ix_rentals_period ON rentals USING gist (period);
