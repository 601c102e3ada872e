CREATE TABLE years (y integer PRIMARY KEY, leap boolean NOT NULL DEFAULT false);
CREATE TABLE months (y integer NOT NULL REFERENCES years (y), m smallint NOT NULL, days smallint, PRIMARY KEY (y, m));
