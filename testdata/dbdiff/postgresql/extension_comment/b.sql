CREATE EXTENSION pg_trgm;
COMMENT ON EXTENSION pg_trgm IS 'fuzzy product search';
