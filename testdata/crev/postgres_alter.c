/* golden: postgres_alter */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	sd_column_def *c;

	/* + enum plan (free, pro) */
	sd_create_enum(m, "plan", SD_NAMES("free", "pro"));
	/* + enum value user_status.suspended after active */
	sd_add_enum_value(m, "user_status", "suspended", NULL, "active");
	/* - check ck_users_score */
	sd_drop_constraint(m, "users", "ck_users_score");
	/* - index ix_users_status */
	sd_drop_index(m, "users", "ix_users_status");
	/* ~ column users.org_id: null -> not null */
	sd_alter_column_nullable(m, "users", "org_id", false);
	/* ~ column users.status: default 'active' -> none */
	sd_alter_column_default(m, "users", "status", NULL);
	/* ~ column users.score: type numeric(10,2) -> numeric(12,2) */
	sd_execute_script(m,
		"ALTER TABLE \"users\" ALTER COLUMN \"score\" DROP DEFAULT;\n"
		"ALTER TABLE \"users\" ALTER COLUMN \"score\" TYPE NUMERIC(12,2);\n"
		"ALTER TABLE \"users\" ALTER COLUMN \"score\" SET DEFAULT 0;\n");
	/* ~ column users.tags: type text[] -> text */
	sd_alter_column_type(m, "users", "tags", "text");
	/* + column billing.orgs.plan */
	sd_use_schema(m, "billing");
	c = sd_column_begin(m, "plan", "enum(plan)", SD_COL_NOT_NULL);
	sd_column_default(c, "'free'");
	sd_column_backfill(c, "'free'");
	sd_add_column(m, "orgs", c);
	/* ~ column billing.orgs.plan: default 'free' -> none */
	sd_alter_column_default(m, "orgs", "plan", NULL);
	/* + column billing.orgs.slug */
	c = sd_column_begin(m, "slug", "text", 0);
	sd_column_backfill(c, "lower(name)");
	sd_add_column(m, "orgs", c);
	/* ~ backfill billing.orgs.slug = lower(name) */
	sd_execute_script(m,
		"UPDATE \"billing\".\"orgs\" SET \"slug\" = lower(name) WHERE \"slug\" IS NULL;\n");
	/* ~ column billing.orgs.slug: null -> not null */
	sd_alter_column_nullable(m, "orgs", "slug", false);
	/* + unique uq_users_org_id */
	sd_use_schema(m, NULL);
	sd_add_constraint(m, "users",
		&(sd_constraint_def){.kind = SD_UNIQUE, .name = "uq_users_org_id",
		.columns = SD_NAMES("org_id")});
	/* ~ comment on table billing.orgs */
	sd_execute_script(m,
		"COMMENT ON TABLE \"billing\".\"orgs\" IS 'Customers';\n");

	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	/* ~ comment on table billing.orgs */
	sd_execute_script(m,
		"COMMENT ON TABLE \"billing\".\"orgs\" IS 'Paying customers';\n");
	/* - unique uq_users_org_id */
	sd_drop_constraint(m, "users", "uq_users_org_id");
	/* ~ column billing.orgs.slug: not null -> null */
	sd_use_schema(m, "billing");
	sd_alter_column_nullable(m, "orgs", "slug", true);
	/* - column billing.orgs.slug */
	sd_drop_column(m, "orgs", "slug");
	/* ~ column billing.orgs.plan: default none -> 'free' */
	sd_alter_column_default(m, "orgs", "plan", "'free'");
	/* - column billing.orgs.plan */
	sd_drop_column(m, "orgs", "plan");
	/* ~ column users.tags: type text -> text[] */
	sd_use_schema(m, NULL);
	sd_alter_column_type(m, "users", "tags", "text[]");
	/* ~ column users.score: type numeric(12,2) -> numeric(10,2) */
	sd_execute_script(m,
		"ALTER TABLE \"users\" ALTER COLUMN \"score\" DROP DEFAULT;\n"
		"ALTER TABLE \"users\" ALTER COLUMN \"score\" TYPE NUMERIC(10,2);\n"
		"ALTER TABLE \"users\" ALTER COLUMN \"score\" SET DEFAULT 0;\n");
	/* ~ column users.status: default none -> 'active' */
	sd_alter_column_default(m, "users", "status", "'active'");
	/* ~ column users.org_id: not null -> null */
	sd_alter_column_nullable(m, "users", "org_id", true);
	/* + index ix_users_status */
	sd_create_index(m, "users", &(sd_index_def){
		.name = "ix_users_status", .columns = SD_NAMES("status", "org_id")});
	/* + check ck_users_score */
	sd_add_constraint(m, "users",
		&(sd_constraint_def){.kind = SD_CHECK, .name = "ck_users_score",
		.check = "score >= 0"});
	/* - enum value user_status.suspended */
	{
		static const char *const script[] = {
			"CREATE TYPE \"user_status__sd_new\" AS ENUM ('active', 'banned');\n",
			"DO $schemadiff$\n",
			"DECLARE\n",
			"    r record;\n",
			"    saved text[] := '{}';\n",
			"    deps text[] := '{}';\n",
			"    i integer;\n",
			"BEGIN\n",
			"    -- checks and indexes holding values of the old type would compare\n",
			"    -- the converted column with them: set them aside until the end\n",
			"    FOR r IN SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname) AS undo,\n",
			"                    format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname,\n",
			"                           pg_get_constraintdef(k.oid)) AS redo,\n",
			"                    format('COMMENT ON CONSTRAINT %I ON %s IS %L', k.conname, k.conrelid::regclass,\n",
			"                           obj_description(k.oid, 'pg_constraint')) AS note\n",
			"             FROM pg_constraint k\n",
			"             WHERE k.contype = 'c' AND k.conrelid <> 0 AND k.oid IN (SELECT objid FROM pg_depend\n",
			"                 WHERE classid = 'pg_constraint'::regclass AND refclassid = 'pg_type'::regclass\n",
			"                   AND refobjid IN ('\"user_status\"'::regtype, (SELECT typarray FROM pg_type WHERE oid = '\"user_status\"'::regtype)))\n",
			"             UNION ALL\n",
			"             SELECT format('DROP INDEX %s', x.indexrelid::regclass), pg_get_indexdef(x.indexrelid),\n",
			"                    format('COMMENT ON INDEX %s IS %L', x.indexrelid::regclass,\n",
			"                           obj_description(x.indexrelid, 'pg_class'))\n",
			"             FROM pg_index x\n",
			"             WHERE x.indexrelid IN (SELECT objid FROM pg_depend\n",
			"                 WHERE classid = 'pg_class'::regclass AND refclassid = 'pg_type'::regclass\n",
			"                   AND refobjid IN ('\"user_status\"'::regtype, (SELECT typarray FROM pg_type WHERE oid = '\"user_status\"'::regtype)))\n",
			"               AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid\n",
			"                                  AND k.contype IN ('p', 'u', 'x'))\n",
			"    LOOP\n",
			"        EXECUTE r.undo;\n",
			"        deps := deps || r.redo;\n",
			"        IF r.note IS NOT NULL THEN\n",
			"            deps := deps || r.note;\n",
			"        END IF;\n",
			"    END LOOP;\n",
			"    FOR r IN SELECT a.attrelid::regclass::text AS tbl, a.attname::text AS col,\n",
			"                    pg_get_expr(d.adbin, d.adrelid) AS def,\n",
			"                    CASE WHEN a.atttypid = '\"user_status\"'::regtype THEN '' ELSE '[]' END AS dims\n",
			"             FROM pg_attribute a\n",
			"             JOIN pg_class c ON c.oid = a.attrelid\n",
			"             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n",
			"             WHERE a.atttypid IN ('\"user_status\"'::regtype, (SELECT typarray FROM pg_type WHERE oid = '\"user_status\"'::regtype))\n",
			"               AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')\n",
			"               AND a.attinhcount = 0\n",
			"    LOOP\n",
			"        IF r.def IS NOT NULL THEN\n",
			"            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', r.tbl, r.col);\n",
			"        END IF;\n",
			"        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE \"user_status__sd_new\"%s USING %I::text%s::\"user_status__sd_new\"%s',\n",
			"                       r.tbl, r.col, r.dims, r.col, r.dims, r.dims);\n",
			"        saved := saved || ARRAY[r.tbl, r.col, r.def];\n",
			"    END LOOP;\n",
			"    FOR r IN SELECT c.oid::regclass::text AS tbl FROM pg_class c WHERE c.reloftype = '\"user_status\"'::regtype\n",
			"    LOOP\n",
			"        -- a typed table: its columns take the new attributes' types, then the new type\n",
			"        EXECUTE format('ALTER TABLE %s NOT OF', r.tbl);\n",
			"        FOR i IN SELECT a.attnum FROM pg_attribute a JOIN pg_attribute b ON b.attname = a.attname\n",
			"                 WHERE a.attrelid = (SELECT typrelid FROM pg_type WHERE oid = '\"user_status__sd_new\"'::regtype)\n",
			"                   AND b.attrelid = r.tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped\n",
			"                   AND NOT b.attisdropped AND (a.atttypid, a.atttypmod) <> (b.atttypid, b.atttypmod)\n",
			"        LOOP\n",
			"            EXECUTE (SELECT format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::%s', r.tbl, a.attname,\n",
			"                                   format_type(a.atttypid, a.atttypmod), a.attname, format_type(a.atttypid, a.atttypmod))\n",
			"                     FROM pg_attribute a WHERE a.attrelid = (SELECT typrelid FROM pg_type WHERE oid = '\"user_status__sd_new\"'::regtype)\n",
			"                       AND a.attnum = i);\n",
			"        END LOOP;\n",
			"        EXECUTE format('ALTER TABLE %s OF \"user_status__sd_new\"', r.tbl);\n",
			"    END LOOP;\n",
			"    DROP TYPE \"user_status\";\n",
			"    ALTER TYPE \"user_status__sd_new\" RENAME TO \"user_status\";\n",
			"    FOR i IN 1 .. coalesce(array_length(saved, 1), 0) / 3 LOOP\n",
			"        IF saved[i * 3] IS NOT NULL THEN\n",
			"            BEGIN\n",
			"                EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s',\n",
			"                               saved[i * 3 - 2], saved[i * 3 - 1], saved[i * 3]);\n",
			"            EXCEPTION WHEN invalid_text_representation THEN\n",
			"                NULL; -- a value the new type lacks: the plan sets the column's new default\n",
			"            END;\n",
			"        END IF;\n",
			"    END LOOP;\n",
			"    FOR i IN 1 .. coalesce(array_length(deps, 1), 0) LOOP\n",
			"        EXECUTE deps[i];\n",
			"    END LOOP;\n",
			"END\n",
			"$schemadiff$;\n",
			NULL};
		sd_execute_script_parts(m, script);
	}
	/* - enum plan */
	sd_drop_enum(m, "plan");

	return sd_migration_status(m);
}
