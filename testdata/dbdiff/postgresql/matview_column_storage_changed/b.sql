CREATE TABLE articles (id integer PRIMARY KEY, title text NOT NULL, body text NOT NULL, tags text[]);
INSERT INTO articles VALUES (1, 'Release notes', 'Many changes.', '{news}'), (2, 'Roadmap', 'Plans.', NULL);
CREATE MATERIALIZED VIEW article_search AS
  SELECT id, title, body, tags FROM articles;
ALTER MATERIALIZED VIEW article_search ALTER COLUMN title SET STORAGE PLAIN;
ALTER MATERIALIZED VIEW article_search ALTER COLUMN body SET STORAGE EXTERNAL;
