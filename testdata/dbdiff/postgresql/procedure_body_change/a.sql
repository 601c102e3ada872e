CREATE TABLE counters (name text PRIMARY KEY, n bigint NOT NULL DEFAULT 0);
CREATE PROCEDURE bump(c text) LANGUAGE sql AS $$ UPDATE counters SET n = n + 1 WHERE name = c $$;
