CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW sales_by_region AS SELECT region, sum(amount) AS total FROM sales GROUP BY region WITH NO DATA;
CREATE UNIQUE INDEX sales_by_region_region ON sales_by_region (region);
CREATE INDEX sales_by_region_total ON sales_by_region (total DESC);
COMMENT ON MATERIALIZED VIEW sales_by_region IS 'refreshed nightly';
COMMENT ON COLUMN sales_by_region.total IS 'sum of amounts';
