CREATE TABLE visits (site integer, day date, n integer);
CREATE INDEX ix_visits ON visits (site, day);
