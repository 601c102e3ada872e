/* golden: postgres_enum_value_removed */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	/* ~ enum user_status: (active, banned) -> (active) */
	sd_execute_script(m,
		"CREATE TYPE \"user_status__sd_new\" AS ENUM ('active');\n"
		"DO $schemadiff$\n"
		"DECLARE\n"
		"    r record;\n"
		"    saved text[] := '{}';\n"
		"    i integer;\n"
		"BEGIN\n"
		"    FOR r IN SELECT a.attrelid::regclass::text AS tbl, a.attname::text AS col,\n"
		"                    pg_get_expr(d.adbin, d.adrelid) AS def\n"
		"             FROM pg_attribute a\n"
		"             JOIN pg_class c ON c.oid = a.attrelid\n"
		"             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
		"             WHERE a.atttypid = '\"user_status\"'::regtype AND a.attnum > 0\n"
		"               AND NOT a.attisdropped AND c.relkind IN ('r', 'p')\n"
		"    LOOP\n"
		"        IF r.def IS NOT NULL THEN\n"
		"            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', r.tbl, r.col);\n"
		"        END IF;\n"
		"        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE \"user_status__sd_new\" USING %I::text::\"user_status__sd_new\"',\n"
		"                       r.tbl, r.col, r.col);\n"
		"        saved := saved || ARRAY[r.tbl, r.col, r.def];\n"
		"    END LOOP;\n"
		"    DROP TYPE \"user_status\";\n"
		"    ALTER TYPE \"user_status__sd_new\" RENAME TO \"user_status\";\n"
		"    FOR i IN 1 .. coalesce(array_length(saved, 1), 0) / 3 LOOP\n"
		"        IF saved[i * 3] IS NOT NULL THEN\n"
		"            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s',\n"
		"                           saved[i * 3 - 2], saved[i * 3 - 1], saved[i * 3]);\n"
		"        END IF;\n"
		"    END LOOP;\n"
		"END\n"
		"$schemadiff$;\n");

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	/* ~ enum user_status: (active) -> (active, banned) */
	sd_execute_script(m,
		"CREATE TYPE \"user_status__sd_new\" AS ENUM ('active', 'banned');\n"
		"DO $schemadiff$\n"
		"DECLARE\n"
		"    r record;\n"
		"    saved text[] := '{}';\n"
		"    i integer;\n"
		"BEGIN\n"
		"    FOR r IN SELECT a.attrelid::regclass::text AS tbl, a.attname::text AS col,\n"
		"                    pg_get_expr(d.adbin, d.adrelid) AS def\n"
		"             FROM pg_attribute a\n"
		"             JOIN pg_class c ON c.oid = a.attrelid\n"
		"             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
		"             WHERE a.atttypid = '\"user_status\"'::regtype AND a.attnum > 0\n"
		"               AND NOT a.attisdropped AND c.relkind IN ('r', 'p')\n"
		"    LOOP\n"
		"        IF r.def IS NOT NULL THEN\n"
		"            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', r.tbl, r.col);\n"
		"        END IF;\n"
		"        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE \"user_status__sd_new\" USING %I::text::\"user_status__sd_new\"',\n"
		"                       r.tbl, r.col, r.col);\n"
		"        saved := saved || ARRAY[r.tbl, r.col, r.def];\n"
		"    END LOOP;\n"
		"    DROP TYPE \"user_status\";\n"
		"    ALTER TYPE \"user_status__sd_new\" RENAME TO \"user_status\";\n"
		"    FOR i IN 1 .. coalesce(array_length(saved, 1), 0) / 3 LOOP\n"
		"        IF saved[i * 3] IS NOT NULL THEN\n"
		"            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s',\n"
		"                           saved[i * 3 - 2], saved[i * 3 - 1], saved[i * 3]);\n"
		"        END IF;\n"
		"    END LOOP;\n"
		"END\n"
		"$schemadiff$;\n");

	return sd_migration_status(m);
}
