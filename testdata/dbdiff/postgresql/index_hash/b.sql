CREATE TABLE urls (id integer PRIMARY KEY, url text);
CREATE INDEX ix_urls_url_hash ON urls USING hash (url);
