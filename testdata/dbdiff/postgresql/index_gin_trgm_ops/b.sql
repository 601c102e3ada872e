CREATE EXTENSION pg_trgm;
CREATE TABLE articles (id integer PRIMARY KEY, title text);
CREATE INDEX ix_articles_title_trgm ON articles USING gin (title gin_trgm_ops);
