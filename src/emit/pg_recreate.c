/*
 * pg_recreate.c - PostgreSQL changes that cannot be made in place and are
 * made by creating the new form under a temporary name, moving what uses
 * the old one over, dropping the old and renaming the new.
 *
 * A composite type's attribute that changes type: ALTER TYPE ... ALTER
 * ATTRIBUTE ... TYPE is refused while a table column uses the type (or
 * an array of it). The type is then recreated and every such column
 * converted through the type's text form, which keeps the rows: the
 * attributes were dropped and added in place first, so both forms have
 * the same attributes in the same order.
 */
#include "emit/pg_emit.h"

#include <string.h>

static void put(pg_emit *e, const char *s)
{
	sd_buf_put(e->out, s);
}

/*
 * Inside a DO block that declares r record, saved text[] := '{}' and i
 * integer, once the new type `newq` exists: every column of type `oldq`
 * or an array of it (not inherited ones: their parent's conversion
 * reaches them) converted through text, its default set aside; the old
 * type dropped, the new one renamed to `name`, the defaults put back.
 */
void sd_pg_emit_convert_columns(pg_emit *e, const char *oldq,
                                const char *newq, const char *name)
{
	sd_buf lit = SD_BUF_INIT;
	const char *l;

	sd_quote_literal_std(&lit, oldq);
	l = sd_buf_cstr(&lit);
	sd_buf_printf(e->out,
		"    FOR r IN SELECT a.attrelid::regclass::text AS tbl, a.attname::text AS col,\n"
		"                    pg_get_expr(d.adbin, d.adrelid) AS def,\n"
		"                    CASE WHEN a.atttypid = %s::regtype THEN '' ELSE '[]' END AS dims\n"
		"             FROM pg_attribute a\n"
		"             JOIN pg_class c ON c.oid = a.attrelid\n"
		"             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
		"             WHERE a.atttypid IN (%s::regtype, (SELECT typarray FROM pg_type WHERE oid = %s::regtype))\n"
		"               AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')\n"
		"               AND a.attinhcount = 0\n"
		"    LOOP\n"
		"        IF r.def IS NOT NULL THEN\n"
		"            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I DROP DEFAULT', r.tbl, r.col);\n"
		"        END IF;\n"
		"        EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %s%%s USING %%I::text%%s::%s%%s',\n"
		"                       r.tbl, r.col, r.dims, r.col, r.dims, r.dims);\n"
		"        saved := saved || ARRAY[r.tbl, r.col, r.def];\n"
		"    END LOOP;\n"
		"    DROP TYPE %s;\n"
		"    ALTER TYPE %s RENAME TO ",
		l, l, l, newq, newq, oldq, newq);
	sd_pg_emit_ident(e, name);
	put(e, ";\n"
	       "    FOR i IN 1 .. coalesce(array_length(saved, 1), 0) / 3 LOOP\n"
	       "        IF saved[i * 3] IS NOT NULL THEN\n"
	       "            BEGIN\n"
	       "                EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s',\n"
	       "                               saved[i * 3 - 2], saved[i * 3 - 1], saved[i * 3]);\n"
	       "            EXCEPTION WHEN invalid_text_representation THEN\n"
	       "                NULL; -- a value the new type lacks: the plan sets the column's new default\n"
	       "            END;\n"
	       "        END IF;\n"
	       "    END LOOP;\n");
	sd_buf_free(&lit);
}

void sd_pg_emit_composite_retype(pg_emit *e, const sd_object *type,
                                 const char *retype, const char *defs)
{
	sd_buf tmp = SD_BUF_INIT, oldq = SD_BUF_INIT, newq = SD_BUF_INIT;
	sd_buf lit = SD_BUF_INIT, stmt = SD_BUF_INIT;
	pg_emit q = *e;

	sd_buf_printf(&tmp, "%s__sd_new", type->name);
	if (strlen(sd_buf_cstr(&tmp)) > 63 && !e->too_long)
		e->too_long = type->name;
	q.out = &oldq;
	sd_pg_emit_qname(&q, type->schema, type->name);
	q.out = &newq;
	sd_pg_emit_qname(&q, type->schema, sd_buf_cstr(&tmp));
	sd_quote_literal_std(&lit, sd_buf_cstr(&oldq));

	put(e, "-- a column of the type blocks ALTER ATTRIBUTE ... TYPE: then "
	       "the type is recreated\n-- and each such column converted "
	       "(rewrites its table)\n");
	sd_buf_printf(e->out,
		"DO $schemadiff$\n"
		"DECLARE\n"
		"    r record;\n"
		"    saved text[] := '{}';\n"
		"    i integer;\n"
		"BEGIN\n"
		"    IF NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid\n"
		"                   WHERE a.atttypid IN (%s::regtype, (SELECT typarray FROM pg_type WHERE oid = %s::regtype))\n"
		"                     AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')) THEN\n"
		"        EXECUTE ",
		sd_buf_cstr(&lit), sd_buf_cstr(&lit));
	sd_buf_printf(&stmt, "ALTER TYPE %s%s", sd_buf_cstr(&oldq), retype);
	sd_quote_literal_std(e->out, sd_buf_cstr(&stmt));
	put(e, ";\n        RETURN;\n    END IF;\n    EXECUTE ");
	sd_buf_truncate(&stmt, 0);
	sd_buf_printf(&stmt, "CREATE TYPE %s AS (%s)", sd_buf_cstr(&newq), defs);
	sd_quote_literal_std(e->out, sd_buf_cstr(&stmt));
	put(e, ";\n");
	sd_pg_emit_convert_columns(e, sd_buf_cstr(&oldq), sd_buf_cstr(&newq),
	                           type->name);
	put(e, "END\n"
	       "$schemadiff$;\n");
	sd_buf_free(&tmp);
	sd_buf_free(&oldq);
	sd_buf_free(&newq);
	sd_buf_free(&lit);
	sd_buf_free(&stmt);
}
