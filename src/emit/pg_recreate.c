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
 * the same attributes in the same order. When another composite type
 * or a domain holds the type, neither can change while a column uses
 * it: every column holding the type at any depth is then parked as text
 * and the type altered in place.
 */
#include "emit/pg_emit.h"
#include "model/schema.h"

#include <stdint.h>
#include <string.h>

/*
 * Inside a DO block that declares r record, saved text[] := '{}' and i
 * integer, once the new type `newq` exists: every column of type `oldq`
 * or an array of it (not inherited ones: their parent's conversion
 * reaches them) converted through text, its default set aside; the old
 * type dropped, the new one renamed to `name`, the defaults put back.
 */
void sd_pg_emit_convert_columns(pg_emit *e, const char *oldq,
                                const char *newq, const char *name,
                                bool via_text)
{
	sd_buf lit = SD_BUF_INIT, nlit = SD_BUF_INIT, conv = SD_BUF_INIT;
	const char *l;

	sd_quote_literal_std(&lit, oldq);
	sd_quote_literal_std(&nlit, newq);
	l = sd_buf_cstr(&lit);
	/* through the text form (an enum's labels, a composite's fields), or
	 * (a domain) by the cast from the old base type to the new one */
	if (via_text)
		sd_buf_printf(&conv,
			"        EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %s%%s USING %%I::text%%s::%s%%s',\n"
			"                       r.tbl, r.col, r.dims, r.col, r.dims, r.dims);\n",
			newq, newq);
	else
		sd_buf_printf(&conv,
			"        EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %s%%s USING %%I::%s%%s',\n"
			"                       r.tbl, r.col, r.dims, r.col, r.dims);\n",
			newq, newq);
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
		"%s"
		"        saved := saved || ARRAY[r.tbl, r.col, r.def];\n"
		"    END LOOP;\n"
		"    FOR r IN SELECT c.oid::regclass::text AS tbl FROM pg_class c WHERE c.reloftype = %s::regtype\n"
		"    LOOP\n"
		"        -- a typed table: its columns take the new attributes' types, then the new type\n"
		"        EXECUTE format('ALTER TABLE %%s NOT OF', r.tbl);\n"
		"        FOR i IN SELECT a.attnum FROM pg_attribute a JOIN pg_attribute b ON b.attname = a.attname\n"
		"                 WHERE a.attrelid = (SELECT typrelid FROM pg_type WHERE oid = %s::regtype)\n"
		"                   AND b.attrelid = r.tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped\n"
		"                   AND NOT b.attisdropped AND (a.atttypid, a.atttypmod) <> (b.atttypid, b.atttypmod)\n"
		"        LOOP\n"
		"            EXECUTE (SELECT format('ALTER TABLE %%s ALTER COLUMN %%I TYPE %%s USING %%I::%%s', r.tbl, a.attname,\n"
		"                                   format_type(a.atttypid, a.atttypmod), a.attname, format_type(a.atttypid, a.atttypmod))\n"
		"                     FROM pg_attribute a WHERE a.attrelid = (SELECT typrelid FROM pg_type WHERE oid = %s::regtype)\n"
		"                       AND a.attnum = i);\n"
		"        END LOOP;\n"
		"        EXECUTE format('ALTER TABLE %%s OF %s', r.tbl);\n"
		"    END LOOP;\n"
		"    DROP TYPE %s;\n"
		"    ALTER TYPE %s RENAME TO ",
		l, l, l, sd_buf_cstr(&conv), l, sd_buf_cstr(&nlit),
		sd_buf_cstr(&nlit), newq, oldq, newq);
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
	sd_buf_free(&nlit);
	sd_buf_free(&conv);
}

/*
 * Inside the DO block of sd_pg_emit_composite_retype: when another
 * composite type or a domain holds the type (`l`, a literal naming it),
 * neither the type nor the one holding it can be altered or recreated
 * while a table column uses either. Every column whose type holds it at
 * any depth (through composite types, row types, domains and arrays, the
 * type's own columns too) is then parked as text, outermost first, the
 * type altered by `alter` in place, and the columns converted back from
 * text, innermost first, their defaults put back.
 */
static void park_holders(pg_emit *e, const char *l, const char *alter)
{
	sd_buf_printf(e->out,
		"    IF EXISTS (SELECT 1 FROM pg_type y LEFT JOIN pg_class k ON k.oid = y.typrelid\n"
		"               WHERE y.typtype = 'd' AND y.typbasetype IN (%s::regtype, (SELECT typarray FROM pg_type WHERE oid = %s::regtype))\n"
		"                  OR k.relkind = 'c' AND EXISTS (SELECT 1 FROM pg_attribute a\n"
		"                                                 WHERE a.attrelid = k.oid AND a.attnum > 0 AND NOT a.attisdropped\n"
		"                                                   AND a.atttypid IN (%s::regtype, (SELECT typarray FROM pg_type WHERE oid = %s::regtype)))) THEN\n"
		"        -- a type holding this one blocks ALTER TYPE while a column uses it: every column\n"
		"        -- holding the type at any depth goes through text around the change (rewrites its\n"
		"        -- table), the indexes reading into it by an expression or predicate set aside\n"
		"        FOR r IN WITH RECURSIVE held(t, depth) AS (\n"
		"                     SELECT %s::regtype::oid, 0\n"
		"                     UNION\n"
		"                     SELECT y.oid, h.depth + 1 FROM pg_type y JOIN held h\n"
		"                       ON y.typtype = 'd' AND y.typbasetype IN (h.t, (SELECT typarray FROM pg_type WHERE oid = h.t))\n"
		"                       OR y.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_attribute a\n"
		"                                                      WHERE a.attrelid = y.typrelid AND a.attnum > 0 AND NOT a.attisdropped\n"
		"                                                        AND a.atttypid IN (h.t, (SELECT typarray FROM pg_type WHERE oid = h.t))))\n"
		"                 SELECT a.attrelid AS rel, a.attnum AS num, a.attinhcount AS inh,\n"
		"                        a.attrelid::regclass::text AS tbl, a.attname::text AS col,\n"
		"                        format_type(a.atttypid, a.atttypmod) AS typ, pg_get_expr(d.adbin, d.adrelid) AS def\n"
		"                 FROM pg_attribute a\n"
		"                 JOIN pg_class c ON c.oid = a.attrelid\n"
		"                 JOIN pg_type y ON y.oid = a.atttypid\n"
		"                 JOIN (SELECT t, max(depth) AS depth FROM held GROUP BY t) h ON h.t IN (y.oid, y.typelem)\n"
		"                 LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
		"                 WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')\n"
		"                 ORDER BY h.depth DESC, 4, 5\n"
		"        LOOP\n"
		"            FOR x IN SELECT i.indexrelid::regclass::text AS idx, pg_get_indexdef(i.indexrelid) AS def,\n"
		"                            obj_description(i.indexrelid, 'pg_class') AS note\n"
		"                     FROM pg_index i\n"
		"                     WHERE i.indrelid = r.rel AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL)\n"
		"                       AND EXISTS (SELECT 1 FROM pg_depend p WHERE p.classid = 'pg_class'::regclass\n"
		"                                     AND p.objid = i.indexrelid AND p.refobjid = r.rel AND p.refobjsubid = r.num)\n"
		"                       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)\n"
		"                       AND NOT EXISTS (SELECT 1 FROM pg_inherits n WHERE n.inhrelid = i.indexrelid)\n"
		"            LOOP\n"
		"                EXECUTE format('DROP INDEX %%s', x.idx);\n"
		"                kept := kept || ARRAY[x.idx, x.def, x.note];\n"
		"            END LOOP;\n"
		"            IF r.inh = 0 THEN\n"
		"                saved := saved || ARRAY[r.tbl, r.col, r.typ, r.def];\n"
		"            END IF;\n"
		"        END LOOP;\n"
		"        FOR i IN 1 .. coalesce(array_length(saved, 1), 0) / 4 LOOP\n"
		"            IF saved[i * 4] IS NOT NULL THEN\n"
		"                EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I DROP DEFAULT', saved[i * 4 - 3], saved[i * 4 - 2]);\n"
		"            END IF;\n"
		"            EXECUTE format('ALTER TABLE %%s ALTER COLUMN %%I TYPE text USING %%I::text',\n"
		"                           saved[i * 4 - 3], saved[i * 4 - 2], saved[i * 4 - 2]);\n"
		"        END LOOP;\n"
		"        EXECUTE ",
		l, l, l, l, l);
	sd_quote_literal_std(e->out, alter);
	put(e, ";\n"
	       "        FOR i IN REVERSE coalesce(array_length(saved, 1), 0) / 4 .. 1 LOOP\n"
	       "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s USING %I::%s', saved[i * 4 - 3],\n"
	       "                           saved[i * 4 - 2], saved[i * 4 - 1], saved[i * 4 - 2], saved[i * 4 - 1]);\n"
	       "            IF saved[i * 4] IS NOT NULL THEN\n"
	       "                EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s',\n"
	       "                               saved[i * 4 - 3], saved[i * 4 - 2], saved[i * 4]);\n"
	       "            END IF;\n"
	       "        END LOOP;\n"
	       "        FOR i IN 1 .. coalesce(array_length(kept, 1), 0) / 3 LOOP\n"
	       "            EXECUTE kept[i * 3 - 1];\n"
	       "            IF kept[i * 3] IS NOT NULL THEN\n"
	       "                EXECUTE format('COMMENT ON INDEX %s IS %L', kept[i * 3 - 2], kept[i * 3]);\n"
	       "            END IF;\n"
	       "        END LOOP;\n"
	       "        RETURN;\n"
	       "    END IF;\n");
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
		"    x record;\n"
		"    saved text[] := '{}';\n"
		"    kept text[] := '{}';\n"
		"    i integer;\n"
		"BEGIN\n");
	sd_buf_printf(&stmt, "ALTER TYPE %s%s", sd_buf_cstr(&oldq), retype);
	park_holders(e, sd_buf_cstr(&lit), sd_buf_cstr(&stmt));
	sd_buf_printf(e->out,
		"    IF NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid\n"
		"                   WHERE a.atttypid IN (%s::regtype, (SELECT typarray FROM pg_type WHERE oid = %s::regtype))\n"
		"                     AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')) THEN\n"
		"        EXECUTE ",
		sd_buf_cstr(&lit), sd_buf_cstr(&lit));
	sd_quote_literal_std(e->out, sd_buf_cstr(&stmt));
	put(e, ";\n        RETURN;\n    END IF;\n    EXECUTE ");
	sd_buf_truncate(&stmt, 0);
	sd_buf_printf(&stmt, "CREATE TYPE %s AS (%s)", sd_buf_cstr(&newq), defs);
	sd_quote_literal_std(e->out, sd_buf_cstr(&stmt));
	put(e, ";\n");
	sd_pg_emit_convert_columns(e, sd_buf_cstr(&oldq), sd_buf_cstr(&newq),
	                           type->name, true);
	put(e, "END\n"
	       "$schemadiff$;\n");
	sd_buf_free(&tmp);
	sd_buf_free(&oldq);
	sd_buf_free(&newq);
	sd_buf_free(&lit);
	sd_buf_free(&stmt);
}

/* ------------------------------------------------------------------ */
/* Recreated tables (diff/recreate.c)                                  */
/* ------------------------------------------------------------------ */

/*
 * A table set aside lives in this schema until its rows are copied; what
 * must be done again once the new table exists (kind 'own': sequences'
 * OWNED BY, row-level security, grants) or once the rows are back (kind
 * 'fk': other tables' foreign keys to it, their comments) waits in its
 * table `redo`.
 */
#define ASIDE "schemadiff_recreate"

/* The grantee and grant option of an aclexplode() row `a`, for a
 * format('GRANT ... TO %s%s'). */
#define GRANTEE                                                               \
	"CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE "                          \
	"quote_ident(pg_get_userbyid(a.grantee)) END, "                        \
	"CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END"

/* The table's name as a SQL literal naming it (for ::regclass). */
static void table_lit(sd_buf *out, const sd_table *t)
{
	sd_buf q = SD_BUF_INIT;
	pg_emit tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.out = &q;
	sd_pg_emit_qname(&tmp, t->base.schema, t->base.name);
	sd_quote_literal_std(out, sd_buf_cstr(&q));
	sd_buf_free(&q);
}

/* The name t has while set aside (unquoted): its own, qualified by its
 * schema when that is not the default one (tables of one name in two
 * schemas may be recreated together), shortened with a hash of it past
 * the length PostgreSQL keeps. */
static void aside_ident(sd_buf *name, const sd_table *t)
{
	uint32_t h = 2166136261u;
	const char *p;

	if (t->base.schema)
		sd_buf_printf(name, "%s.", t->base.schema);
	sd_buf_put(name, t->base.name);
	if (name->len <= 63)
		return;
	for (p = sd_buf_cstr(name); *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	p = sd_buf_cstr(name);
	h = h ? h : 1;
	{
		size_t len = 54;
		while (len && ((unsigned char)p[len] & 0xC0) == 0x80)
			len--; /* on a character boundary */
		sd_buf_truncate(name, len);
	}
	sd_buf_printf(name, "_%08x", (unsigned)h);
}

static void aside_name(pg_emit *e, const sd_table *t)
{
	sd_buf name = SD_BUF_INIT;

	aside_ident(&name, t);
	put(e, ASIDE ".");
	sd_pg_emit_ident(e, sd_buf_cstr(&name));
	sd_buf_free(&name);
}

/* The column of `from` that `c` (of the other side) takes its rows from. */
static const sd_column *source_column(const sd_table *from,
                                      const sd_column *c)
{
	return sd_table_find_column(from, sd_column_x(c)->renamed_from ? sd_column_x(c)->renamed_from
	                                                  : c->base.name);
}

/* Runs the statements of `kind` waiting for t, in order. */
static void redo(pg_emit *e, const sd_table *t, const char *kind)
{
	put(e, "DO $schemadiff$\nDECLARE\n    r record;\nBEGIN\n"
	       "    FOR r IN SELECT stmt FROM " ASIDE ".redo WHERE tbl = ");
	table_lit(e->out, t);
	sd_buf_printf(e->out, " AND kind = '%s' ORDER BY n LOOP\n"
	              "        EXECUTE r.stmt;\n    END LOOP;\n"
	              "    DELETE FROM " ASIDE ".redo WHERE tbl = ", kind);
	table_lit(e->out, t);
	sd_buf_printf(e->out, " AND kind = '%s';\nEND\n$schemadiff$;\n", kind);
}

/*
 * Moves t (`l`: its name as a literal) to the aside schema under its
 * aside name, with its partitions at every level; the names the new
 * table or another one set aside may want are given up first: its
 * partitions', their indexes' and identity sequences' (each then named
 * after its oid, which no other has).
 */
static void move_aside(pg_emit *e, const sd_table *t, const char *l)
{
	sd_buf name = SD_BUF_INIT;

	sd_buf_printf(e->out,
		"DO $schemadiff$\n"
		"DECLARE\n"
		"    r record;\n"
		"BEGIN\n"
		"    FOR r IN WITH tree AS (SELECT %s::regclass AS relid\n"
		"                           UNION SELECT relid FROM pg_partition_tree(%s::regclass))\n"
		"             SELECT i.indexrelid AS oid, 'INDEX' AS kind, false AS part FROM pg_index i\n"
		"             WHERE i.indrelid IN (SELECT relid FROM tree)\n"
		"             UNION ALL SELECT d.objid, 'SEQUENCE', false FROM pg_depend d\n"
		"             WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass\n"
		"               AND d.refobjid IN (SELECT relid FROM tree) AND d.deptype = 'i'\n"
		"               AND d.objid IN (SELECT oid FROM pg_class WHERE relkind = 'S')\n"
		"             UNION ALL SELECT relid, 'TABLE', true FROM tree WHERE relid <> %s::regclass\n"
		"    LOOP\n"
		"        EXECUTE format('ALTER %%s %%s RENAME TO %%I', r.kind, r.oid::regclass, 'sd_' || r.oid);\n"
		"        IF r.part THEN\n"
		"            EXECUTE format('ALTER TABLE %%s SET SCHEMA " ASIDE "', r.oid::regclass);\n"
		"        END IF;\n"
		"    END LOOP;\n"
		"END\n"
		"$schemadiff$;\n",
		l, l, l);
	aside_ident(&name, t);
	put(e, "ALTER TABLE ");
	sd_pg_emit_qname(e, t->base.schema, t->base.name);
	if (!sd_streq(sd_buf_cstr(&name), t->base.name)) {
		put(e, " RENAME TO ");
		sd_pg_emit_ident(e, sd_buf_cstr(&name));
		put(e, ";\nALTER TABLE ");
		sd_pg_emit_qname(e, t->base.schema, sd_buf_cstr(&name));
	}
	put(e, " SET SCHEMA " ASIDE ";\n");
	sd_buf_free(&name);
}

/*
 * Notes for n (`nl`) what t (`l`) has that the table-wide grants do not
 * cover: its columns' grants (under n's names for them) and its owner
 * when that is not the role running the migration (owners are not
 * managed otherwise: the recreated table keeps the one it had), last, so
 * that the grants are the owner's.
 */
static void keep_column_grants_and_owner(pg_emit *e, const sd_table *t,
                                         const sd_table *n, const char *l,
                                         const char *nl)
{
	sd_buf map = SD_BUF_INIT;
	pg_emit q = *e;
	size_t i;

	q.out = &map;
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *s = source_column(t, n->columns[i]);
		if (!s)
			continue;
		put(&q, map.len ? ", (" : "(");
		sd_quote_literal_std(&map, s->base.name);
		put(&q, ", ");
		sd_quote_literal_std(&map, n->columns[i]->base.name);
		put(&q, ")");
	}
	sd_buf_printf(e->out,
		"INSERT INTO " ASIDE ".redo\n"
		"SELECT (SELECT count(*) FROM " ASIDE ".redo) + row_number() OVER (ORDER BY k), %s, 'own', g\n"
		"FROM (SELECT 0 AS k, ", nl);
	sd_pg_emit_acl_regrant(e->out, "x", "TABLE", nl, "m.col");
	sd_buf_printf(e->out, " AS g\n"
		"      FROM pg_attribute a CROSS JOIN LATERAL aclexplode(a.attacl) x\n"
		"      JOIN (VALUES %s) m(att, col) ON m.att = a.attname\n"
		"      WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL\n"
		"      UNION ALL SELECT 1, format('ALTER TABLE %%s OWNER TO %%I', %s, pg_get_userbyid(c.relowner))\n"
		"      FROM pg_class c WHERE c.oid = %s::regclass AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)) s;\n",
		map.len ? sd_buf_cstr(&map) : "(NULL::name, NULL::text)",
		l, nl, l);
	sd_buf_free(&map);
}

/*
 * Notes, for the partitions `op` creates again under the names of
 * partitions of t's old tree (`l`), the grants, column grants and owner
 * those had, when grants are not managed (sd_op.keep_acl): the plan says
 * nothing of them, so the partitions keep what they had, as t does. With
 * grants managed, the plan grants the target's on what it creates.
 */
static void keep_partition_acls(pg_emit *e, const sd_op *op, const char *l,
                                const char *nl)
{
	sd_buf names = SD_BUF_INIT, q = SD_BUF_INIT;
	pg_emit tmp = *e;
	const char *x;
	size_t i;

	tmp.out = &q;
	for (i = 0; op->keep_acl && i < op->nfolded; i++) {
		const sd_op *f = op->folded[i];
		const sd_table *p = f->kind == SD_OP_CREATE_TABLE ? f->table_new
		                    : f->kind == SD_OP_DROP_TABLE ? f->table_old
		                                                  : NULL;
		if (!p)
			continue;
		sd_buf_truncate(&q, 0);
		sd_pg_emit_qname(&tmp, p->base.schema, p->base.name);
		sd_buf_put(&names, names.len ? ", " : "");
		sd_quote_literal_std(&names, sd_buf_cstr(&q));
	}
	if (!names.len)
		goto done;
	x = sd_buf_cstr(&names);
	sd_buf_printf(e->out,
		"WITH p AS (SELECT x, c.oid, c.relacl, c.relowner FROM unnest(ARRAY[%s]::text[]) x\n"
		"           JOIN pg_class c ON c.oid = to_regclass(x)\n"
		"           WHERE c.oid IN (SELECT relid FROM pg_partition_tree(%s::regclass)))\n"
		"INSERT INTO " ASIDE ".redo\n"
		"SELECT (SELECT count(*) FROM " ASIDE ".redo) + row_number() OVER (ORDER BY k, x, g), %s, 'own', g\n"
		"FROM (SELECT 0 AS k, p.x, format('GRANT %%s ON %%s TO %%s%%s', a.privilege_type, p.x, " GRANTEE ") AS g\n"
		"      FROM p CROSS JOIN LATERAL aclexplode(p.relacl) a WHERE a.grantee <> p.relowner\n"
		"      UNION ALL SELECT 0, p.x, format('GRANT %%s (%%I) ON %%s TO %%s%%s', a.privilege_type, t.attname, p.x, " GRANTEE ")\n"
		"      FROM p JOIN pg_attribute t ON t.attrelid = p.oid AND t.attnum > 0 AND NOT t.attisdropped\n"
		"       AND t.attacl IS NOT NULL CROSS JOIN LATERAL aclexplode(t.attacl) a\n"
		"      UNION ALL SELECT 1, p.x, format('ALTER TABLE %%s OWNER TO %%I', p.x, pg_get_userbyid(p.relowner))\n"
		"      FROM p WHERE p.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)) s;\n",
		x, l, nl);
done:
	sd_buf_free(&names);
	sd_buf_free(&q);
}

/* Sets t aside (n: the table that replaces it): what refers to it from outside is noted and let go
 * (other tables' foreign keys, the sequences it owns, which stay where
 * their defaults find them), then it moves to the aside schema with its
 * indexes, constraints and identity sequences. */
static void set_aside(pg_emit *e, const sd_op *op, const sd_table *t,
                      const sd_table *n)
{
	sd_buf lit = SD_BUF_INIT, nlit = SD_BUF_INIT;
	const char *l, *nl;

	table_lit(&lit, t);
	table_lit(&nlit, n);
	l = sd_buf_cstr(&lit);
	nl = sd_buf_cstr(&nlit);
	put(e, "CREATE SCHEMA IF NOT EXISTS " ASIDE ";\n"
	       "CREATE TABLE IF NOT EXISTS " ASIDE ".redo (n integer, tbl text, "
	       "kind text, stmt text);\n");
	sd_buf_printf(e->out,
		"DO $schemadiff$\n"
		"DECLARE\n"
		"    r record;\n"
		"    t regclass := %s::regclass;\n"
		"BEGIN\n"
		"    FOR r IN SELECT k.conrelid::regclass AS tbl, k.conname, pg_get_constraintdef(k.oid) AS def,\n"
		"                    obj_description(k.oid, 'pg_constraint') AS note\n"
		"             FROM pg_constraint k\n"
		"             WHERE k.contype = 'f' AND k.confrelid = t AND k.conrelid <> t AND k.conparentid = 0\n"
		"             ORDER BY 1::text, 2\n"
		"    LOOP\n"
		"        EXECUTE format('ALTER TABLE %%s DROP CONSTRAINT %%I', r.tbl, r.conname);\n"
		"        INSERT INTO " ASIDE ".redo SELECT count(*), %s, 'fk',\n"
		"               format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', r.tbl, r.conname, r.def) FROM " ASIDE ".redo;\n"
		"        IF r.note IS NOT NULL THEN\n"
		"            INSERT INTO " ASIDE ".redo SELECT count(*), %s, 'fk',\n"
		"                   format('COMMENT ON CONSTRAINT %%I ON %%s IS %%L', r.conname, r.tbl, r.note) FROM " ASIDE ".redo;\n"
		"        END IF;\n"
		"    END LOOP;\n"
		"    FOR r IN SELECT d.objid::regclass AS seq, a.attname\n"
		"             FROM pg_depend d\n"
		"             JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'\n"
		"             JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid\n"
		"             WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass\n"
		"               AND d.refobjid = t AND d.deptype = 'a'\n"
		"    LOOP\n"
		"        EXECUTE format('ALTER SEQUENCE %%s OWNED BY NONE', r.seq);\n"
		"        INSERT INTO " ASIDE ".redo SELECT count(*), %s, 'own',\n"
		"               format('ALTER SEQUENCE %%s OWNED BY %%s.%%I', r.seq, %s, r.attname) FROM " ASIDE ".redo;\n"
		"    END LOOP;\n"
		"    INSERT INTO " ASIDE ".redo\n"
		"    SELECT (SELECT count(*) FROM " ASIDE ".redo) + row_number() OVER (), %s, 'own', g\n"
		"    FROM (SELECT ",
		l, nl, nl, nl, nl, nl);
	sd_pg_emit_acl_regrant(e->out, "a", "TABLE", nl, NULL);
	sd_buf_printf(e->out, " AS g\n"
		"          FROM pg_class c, aclexplode(c.relacl) a\n"
		"          WHERE c.oid = t AND a.grantee <> c.relowner\n"
		"          UNION ALL SELECT format('ALTER TABLE %%s ENABLE ROW LEVEL SECURITY', %s)\n"
		"          FROM pg_class c WHERE c.oid = t AND c.relrowsecurity\n"
		"          UNION ALL SELECT format('ALTER TABLE %%s FORCE ROW LEVEL SECURITY', %s)\n"
		"          FROM pg_class c WHERE c.oid = t AND c.relforcerowsecurity) s;\n"
		"END\n"
		"$schemadiff$;\n",
		nl, nl);
	keep_column_grants_and_owner(e, t, n, l, nl);
	keep_partition_acls(e, op, l, nl);
	/* a partition (sub-partitioned, or becoming so) leaves its parent:
	 * the new table takes its bound */
	if (t->partition_of) {
		put(e, "ALTER TABLE ");
		sd_pg_emit_qname(e, t->partition_of_schema, t->partition_of);
		put(e, " DETACH PARTITION ");
		sd_pg_emit_qname(e, t->base.schema, t->base.name);
		put(e, ";\n");
	}
	move_aside(e, t, l);
	sd_buf_free(&lit);
	sd_buf_free(&nlit);
}

/* CREATE TABLE and CREATE INDEX of t (a partition of parent, or NULL). */
static int create(pg_emit *e, const sd_table *t, const sd_table *parent,
                  sd_error *err)
{
	sd_op sub;
	size_t i;
	int rc;

	memset(&sub, 0, sizeof(sub));
	sub.kind = SD_OP_CREATE_TABLE;
	sub.table = sub.table_new = t;
	sub.obj_new = parent ? &parent->base : NULL;
	if ((rc = sd_dialect_postgres.emit_op(e->out, &sub, err)) != SD_OK)
		return rc;
	for (i = 0; i < t->nindexes; i++) {
		memset(&sub, 0, sizeof(sub));
		sub.kind = SD_OP_CREATE_INDEX;
		sub.table = t;
		sub.obj_new = &t->indexes[i]->base;
		if ((rc = sd_dialect_postgres.emit_op(e->out, &sub, err)) !=
		    SD_OK)
			return rc;
	}
	return SD_OK;
}

/* Rows of the set-aside `from` into `to`, column by column by name; the
 * identities go on from where they were; the foreign keys to it come
 * back. */
static void copy_rows(pg_emit *e, const sd_table *from, const sd_table *to)
{
	sd_buf cols = SD_BUF_INIT, vals = SD_BUF_INIT, *out = e->out;
	bool always = false;
	size_t i;

	for (i = 0; i < to->ncolumns; i++) {
		const sd_column *c = to->columns[i];
		const sd_column *s = source_column(from, c);
		if (sd_column_x(c)->generated.sql || (!s && !sd_column_x(c)->backfill))
			continue;
		e->out = &cols;
		put(e, cols.len ? ", " : "");
		sd_pg_emit_ident(e, c->base.name);
		e->out = &vals;
		put(e, vals.len ? ", " : "");
		if (s)
			sd_pg_emit_ident(e, s->base.name);
		else
			put(e, sd_column_x(c)->backfill);
		always = always || c->identity == SD_IDENTITY_ALWAYS;
	}
	e->out = out;
	if (cols.len) {
		put(e, "INSERT INTO ");
		sd_pg_emit_qname(e, to->base.schema, to->base.name);
		/* ONLY: an INHERITS child's rows are its own to copy */
		sd_buf_printf(e->out, " (%s)%s SELECT %s FROM %s", sd_buf_cstr(&cols),
		              always ? " OVERRIDING SYSTEM VALUE" : "",
		              sd_buf_cstr(&vals),
		              from->partition_by.sql ? "" : "ONLY ");
		aside_name(e, from);
		put(e, ";\n");
	}
	for (i = 0; i < to->ncolumns; i++) {
		const sd_column *c = to->columns[i];
		const sd_column *s = source_column(from, c);
		sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
		if (c->identity == SD_IDENTITY_NONE || !s ||
		    s->identity == SD_IDENTITY_NONE)
			continue;
		sd_buf_put(&a, ASIDE ".");
		aside_ident(&b, from);
		sd_quote_ident_std(&a, sd_buf_cstr(&b));
		sd_buf_truncate(&b, 0);
		sd_buf_put(&b, "SELECT setval(pg_get_serial_sequence(");
		table_lit(&b, to);
		sd_buf_put(&b, ", ");
		sd_quote_literal_std(&b, c->base.name);
		sd_buf_put(&b, "), last_value, is_called) FROM %s");
		put(e, "DO $schemadiff$ BEGIN EXECUTE format(");
		sd_quote_literal_std(e->out, sd_buf_cstr(&b));
		put(e, ", pg_get_serial_sequence(");
		sd_quote_literal_std(e->out, sd_buf_cstr(&a));
		put(e, ", ");
		sd_quote_literal_std(e->out, s->base.name);
		put(e, ")); END $schemadiff$;\n");
		sd_buf_free(&a);
		sd_buf_free(&b);
	}
	redo(e, to, "fk");
	sd_buf_free(&cols);
	sd_buf_free(&vals);
}

/* Drops the set-aside t (with the partitions it had), and the aside
 * schema once nothing else waits there. */
static void drop_aside(pg_emit *e, const sd_table *t)
{
	put(e, "DROP TABLE ");
	aside_name(e, t);
	put(e, ";\n"
	       "DO $schemadiff$ BEGIN\n"
	       "    IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = '" ASIDE "'::regnamespace\n"
	       "                     AND relname <> 'redo')\n"
	       "       AND NOT EXISTS (SELECT 1 FROM " ASIDE ".redo) THEN\n"
	       "        DROP TABLE " ASIDE ".redo;\n"
	       "        DROP SCHEMA " ASIDE ";\n"
	       "    END IF;\n"
	       "END $schemadiff$;\n");
}

int sd_pg_emit_recreate(pg_emit *e, const sd_op *op, sd_error *err)
{
	const sd_table *o = op->table_old, *n = op->table_new;
	size_t i;
	int rc;

	if (op->role == SD_ROLE_COMPANION) {
		if (op->inverted) {
			drop_aside(e, o);
			return SD_OK;
		}
		put(e, "-- recreates the table: set aside, created anew, its "
		       "rows copied back once its partitions exist\n");
		set_aside(e, op, o, n);
		if ((rc = create(e, n, NULL, err)) != SD_OK)
			return rc;
		for (i = 0; i < op->nfolded; i++) {
			const sd_op *f = op->folded[i];
			if (f->kind == SD_OP_CREATE_TABLE && f->table_new &&
			    (rc = create(e, f->table_new,
			                 (const sd_table *)f->obj_new, err)) !=
			        SD_OK)
				return rc;
		}
		redo(e, n, "own");
		return SD_OK;
	}
	if (!op->inverted) {
		copy_rows(e, o, n);
		drop_aside(e, o);
		return SD_OK;
	}
	put(e, "-- recreates the table: set aside, created anew with its "
	       "partitions, its rows copied back\n");
	set_aside(e, op, o, n);
	if ((rc = create(e, n, NULL, err)) != SD_OK)
		return rc;
	for (i = 0; i < op->nfolded; i++) {
		const sd_op *f = op->folded[i];
		if (f->kind == SD_OP_DROP_TABLE && f->table_old &&
		    f->table_old->partition_of &&
		    (rc = create(e, f->table_old,
		                 f->obj_old && f->obj_old->kind == SD_OBJ_TABLE
		                     ? (const sd_table *)f->obj_old
		                     : n,
		                 err)) != SD_OK)
			return rc;
	}
	redo(e, n, "own");
	copy_rows(e, o, n);
	return SD_OK;
}
