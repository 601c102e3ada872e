CREATE TABLE page_views (id integer PRIMARY KEY, path text NOT NULL, visitor_id integer NOT NULL);
INSERT INTO page_views VALUES (1, '/pricing', 7), (2, '/docs', 7), (3, '/pricing', 9);
CREATE MATERIALIZED VIEW page_view_counts AS
  SELECT path, count(*) AS views, count(DISTINCT visitor_id) AS visitors
  FROM page_views GROUP BY path;
ALTER MATERIALIZED VIEW page_view_counts ALTER COLUMN path SET STATISTICS 500;
ALTER MATERIALIZED VIEW page_view_counts ALTER COLUMN visitors SET STATISTICS 0;
