CREATE TABLE ranges (id integer PRIMARY KEY, lo integer, hi integer, CONSTRAINT ck_range CHECK (hi IS NULL OR hi > lo));
CREATE INDEX ix_ranges_hi ON ranges (hi);
