CREATE TABLE counters (name text PRIMARY KEY, n bigint NOT NULL DEFAULT 0);
CREATE PROCEDURE bump(c text, by_n integer DEFAULT 1) LANGUAGE sql AS $$ UPDATE counters SET n = n + by_n WHERE name = c $$;
