/*
 * pg_objects.c - extensions, collations, sequences, domains, composite and
 * range types from the PostgreSQL catalog, one query per kind (see
 * pg_objects.h).
 */
#include "introspect/pg_objects.h"
#include "introspect/pg_pipe.h"

#include <stdlib.h>
#include <string.h>

static const char *cell(PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

static bool cell_true(PGresult *res, int row, int col)
{
	const char *v = cell(res, row, col);

	return v && v[0] == 't';
}

/* The query template q with its namespaces put in for every %s. */
static const char *sql_of(const sd_pg_objread *r, const char *q, sd_buf *sql)
{
	const char *p;

	for (p = q; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			sd_buf_put(sql, r->nsp_oids);
			p++;
		} else {
			sd_buf_putc(sql, *p);
		}
	}
	return sd_buf_cstr(sql);
}

/* Runs the query template q (taken from r->pipe when sent ahead). */
static PGresult *run(sd_pg_objread *r, const char *q)
{
	sd_buf sql = SD_BUF_INIT;
	PGresult *res;

	res = sd_pg_pipe_query(r->pipe, r->conn, sql_of(r, q, &sql), 0, NULL,
	                       r->nqueries, r->err);
	sd_buf_free(&sql);
	return res;
}

/* Sends the query template q ahead on r->pipe. */
static void send(sd_pg_objread *r, const char *q)
{
	sd_buf sql = SD_BUF_INIT;

	if (r->pipe)
		sd_pg_pipe_send(r->pipe, r->conn, sql_of(r, q, &sql));
	sd_buf_free(&sql);
}

static const char *collations_query(const sd_pg_objread *r);

static const char *nsp(const sd_pg_objread *r, const char *nspname)
{
	if (!nspname || (r->default_nsp && strcmp(nspname, r->default_nsp) == 0))
		return NULL;
	return nspname;
}

static const char *dup(sd_pg_objread *r, const char *s)
{
	return sd_arena_strdup(r->s->arena, s);
}

/* A type from format_type(), an enum given by its schema and name. */
static sd_type type_of(sd_pg_objread *r, const char *ft, const char *typtype,
                       const char *tnsp, const char *tname)
{
	sd_type t;

	if (typtype && typtype[0] == 'e')
		sd_pg_type_from_catalog(r->s->arena, ft, nsp(r, tnsp), tname, &t);
	else
		sd_pg_type_from_catalog(r->s->arena, ft, NULL, NULL, &t);
	return t;
}

/* ------------------------------------------------------------------ */
/* Extensions                                                          */
/* ------------------------------------------------------------------ */

/* plpgsql is in every database. The comment is kept only where it is
 * not the extension's own. A session whose schema is not the default
 * one (a tenant) sees the extensions of its schema alone. */
static const char q_extensions[] =
	"SELECT e.extname, n.nspname, e.extversion,"
	" NULLIF(ds.description, (SELECT av.comment"
	"  FROM pg_available_extensions av WHERE av.name = e.extname))"
	" FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = e.oid"
	"  AND ds.classoid = 'pg_extension'::regclass AND ds.objsubid = 0"
	" WHERE e.extname <> 'plpgsql'"
	" AND (e.extnamespace IN %s OR n.nspname = 'pg_catalog')"
	" ORDER BY 1";

static int read_extensions(sd_pg_objread *r, sd_arena *a)
{
	PGresult *res = run(r, q_extensions);
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_extension *e = sd_schema_add_extension(
			r->s, nsp(r, cell(res, i, 1)), cell(res, i, 0));
		e->version = dup(r, cell(res, i, 2));
		e->comment = dup(r, cell(res, i, 3));
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Collations                                                          */
/* ------------------------------------------------------------------ */

/* PostgreSQL 15 and 16 keep an ICU locale in colliculocale, 17 in
 * colllocale. */
static const char q_collations_15[] =
	"SELECT n.nspname, c.collname, c.collprovider, c.collcollate,"
	" c.collctype, c.colliculocale, c.collisdeterministic, ds.description"
	" FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = c.oid"
	"  AND ds.classoid = 'pg_collation'::regclass AND ds.objsubid = 0"
	" WHERE c.collnamespace IN %s"
	" AND" SD_PG_NOT_EXTENSION("pg_collation", "c.oid");
static const char q_collations_17[] =
	"SELECT n.nspname, c.collname, c.collprovider, c.collcollate,"
	" c.collctype, c.colllocale, c.collisdeterministic, ds.description"
	" FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = c.oid"
	"  AND ds.classoid = 'pg_collation'::regclass AND ds.objsubid = 0"
	" WHERE c.collnamespace IN %s"
	" AND" SD_PG_NOT_EXTENSION("pg_collation", "c.oid");

static int read_collations(sd_pg_objread *r, sd_arena *a)
{
	PGresult *res = run(r, collations_query(r));
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_collation *c = sd_schema_add_collation(
			r->s, nsp(r, cell(res, i, 0)), cell(res, i, 1));
		const char *prov = cell(res, i, 2);
		const char *lcc = cell(res, i, 3), *lct = cell(res, i, 4);
		if (prov && prov[0] == 'i') {
			c->provider = "icu";
			c->locale = dup(r, cell(res, i, 5));
		} else if (sd_streq(lcc, lct)) {
			c->locale = dup(r, lcc);
		} else {
			c->lc_collate = dup(r, lcc);
			c->lc_ctype = dup(r, lct);
		}
		c->nondeterministic = !cell_true(res, i, 6);
		c->comment = dup(r, cell(res, i, 7));
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Sequences                                                           */
/* ------------------------------------------------------------------ */

/*
 * Every sequence with its options, its owner (OWNED BY: deptype 'a';
 * an identity column's: 'i') and comment.
 */
static const char q_sequences[] =
	"SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL),"
	" s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,"
	" s.seqcycle, c.relpersistence = 'u', ds.description, d.deptype,"
	" d.refobjid, d.refobjsubid, oc.relname, oa.attname"
	" FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass"
	"  AND d.objid = c.oid AND d.objsubid = 0"
	"  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
	" LEFT JOIN pg_class oc ON oc.oid = d.refobjid"
	" LEFT JOIN pg_attribute oa ON oa.attrelid = d.refobjid"
	"  AND oa.attnum = d.refobjsubid"
	" LEFT JOIN pg_description ds ON ds.objoid = c.oid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0"
	" WHERE c.relnamespace IN %s"
	" AND" SD_PG_NOT_EXTENSION("pg_class", "c.oid");

static sd_type_kind int_kind(const char *ft)
{
	if (sd_streq(ft, "smallint"))
		return SD_T_SMALLINT;
	if (sd_streq(ft, "integer"))
		return SD_T_INTEGER;
	return SD_T_BIGINT;
}

static void seqopts_row(PGresult *res, int i, sd_seqopts *o)
{
	memset(o, 0, sizeof(*o));
	o->type = int_kind(cell(res, i, 2));
	o->start = strtoll(cell(res, i, 3), NULL, 10);
	o->increment = strtoll(cell(res, i, 4), NULL, 10);
	o->min = strtoll(cell(res, i, 5), NULL, 10);
	o->max = strtoll(cell(res, i, 6), NULL, 10);
	o->cache = strtoll(cell(res, i, 7), NULL, 10);
	o->cycle = cell_true(res, i, 8);
	o->set = SD_SEQ_TYPE | SD_SEQ_START | SD_SEQ_INCREMENT | SD_SEQ_MIN |
	         SD_SEQ_MAX | SD_SEQ_CACHE | SD_SEQ_CYCLE;
}

static int read_sequences(sd_pg_objread *r, sd_arena *a)
{
	PGresult *res = run(r, q_sequences);
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *dep = cell(res, i, 11);
		if (dep && dep[0] == 'i') {
			sd_identity_options *o;
			sd_buf want = SD_BUF_INIT;
			if (!r->identity)
				continue;
			o = sd_arena_alloc(r->s->arena, sizeof(*o));
			seqopts_row(res, i, &o->opts);
			sd_name_implicit_put(&want, cell(res, i, 14),
			                     cell(res, i, 15), "seq");
			if (!sd_streq(sd_buf_cstr(&want), cell(res, i, 1)))
				o->sequence = dup(r, cell(res, i, 1));
			sd_buf_free(&want);
			o->comment = dup(r, cell(res, i, 10));
			r->identity(r->ctx, cell(res, i, 12),
			            atoi(cell(res, i, 13)), o);
			continue;
		}
		{
			sd_sequence *q = sd_schema_add_sequence(
				r->s, nsp(r, cell(res, i, 0)), cell(res, i, 1));
			seqopts_row(res, i, &q->opts);
			q->unlogged = cell_true(res, i, 9);
			q->comment = dup(r, cell(res, i, 10));
			if (dep) {
				q->owned_by_table = dup(r, cell(res, i, 14));
				q->owned_by_column = dup(r, cell(res, i, 15));
			}
		}
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Domains                                                             */
/* ------------------------------------------------------------------ */

/* One row per domain and CHECK constraint (NULLs for a domain without
 * any): the base type (an enum's schema and name), NOT NULL, the default,
 * a collation other than the base type's, the checks' expressions. */
static const char q_domains[] =
	"SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),"
	" bt.typtype, bn.nspname, bt.typname, t.typnotnull,"
	" pg_get_expr(t.typdefaultbin, 0),"
	" CASE WHEN t.typcollation <> bt.typcollation THEN"
	"  (SELECT co.collname FROM pg_collation co"
	"   WHERE co.oid = t.typcollation) END,"
	" ds.description, k.conname, pg_get_expr(k.conbin, 0),"
	" k.convalidated, kds.description"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" JOIN pg_type bt ON bt.oid = t.typbasetype"
	" JOIN pg_namespace bn ON bn.oid = bt.typnamespace"
	" LEFT JOIN pg_constraint k ON k.contypid = t.oid AND k.contype = 'c'"
	" LEFT JOIN pg_description ds ON ds.objoid = t.oid"
	"  AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0"
	" LEFT JOIN pg_description kds ON kds.objoid = k.oid"
	"  AND kds.classoid = 'pg_constraint'::regclass"
	" WHERE t.typtype = 'd' AND t.typnamespace IN %s"
	" AND" SD_PG_NOT_EXTENSION("pg_type", "t.oid")
	" ORDER BY n.nspname, t.typname, k.conname";

static int read_domains(sd_pg_objread *r, sd_arena *a)
{
	PGresult *res = run(r, q_domains);
	sd_domain *d = NULL;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = nsp(r, cell(res, i, 0));
		if (!d || !sd_streq(d->base.schema, ns) ||
		    !sd_streq(d->base.name, cell(res, i, 1))) {
			d = sd_schema_add_domain(r->s, ns, cell(res, i, 1));
			d->type = type_of(r, cell(res, i, 2), cell(res, i, 3),
			                  cell(res, i, 4), cell(res, i, 5));
			d->not_null = cell_true(res, i, 6);
			if (cell(res, i, 7)) {
				d->default_value.sql = dup(r, cell(res, i, 7));
				d->default_value.canon = d->default_value.sql;
			}
			d->collation = dup(r, cell(res, i, 8));
			d->comment = dup(r, cell(res, i, 9));
		}
		if (cell(res, i, 10)) {
			sd_check *ck = sd_domain_add_check(r->s, d,
			                                   cell(res, i, 10));
			ck->expression.sql = dup(r, cell(res, i, 11));
			ck->expression.canon = ck->expression.sql;
			ck->not_valid = !cell_true(res, i, 12);
			ck->comment = dup(r, cell(res, i, 13));
		}
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Composite types                                                     */
/* ------------------------------------------------------------------ */

static const char q_composites[] =
	"SELECT n.nspname, t.typname, a.attname,"
	" format_type(a.atttypid, a.atttypmod), at.typtype, an.nspname,"
	" at.typname,"
	" CASE WHEN a.attcollation <> at.typcollation THEN"
	"  (SELECT co.collname FROM pg_collation co"
	"   WHERE co.oid = a.attcollation) END,"
	" ds.description, ads.description"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'"
	" LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
	"  AND NOT a.attisdropped"
	" LEFT JOIN pg_type at ON at.oid = a.atttypid"
	" LEFT JOIN pg_namespace an ON an.oid = at.typnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = t.oid"
	"  AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0"
	" LEFT JOIN pg_description ads ON ads.objoid = c.oid"
	"  AND ads.classoid = 'pg_class'::regclass AND ads.objsubid = a.attnum"
	" WHERE t.typtype = 'c' AND t.typnamespace IN %s"
	" AND" SD_PG_NOT_EXTENSION("pg_type", "t.oid")
	" ORDER BY n.nspname, t.typname, a.attnum";

static int read_composites(sd_pg_objread *r, sd_arena *a)
{
	PGresult *res = run(r, q_composites);
	sd_composite *t = NULL;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = nsp(r, cell(res, i, 0));
		sd_column *c;
		if (!t || !sd_streq(t->base.schema, ns) ||
		    !sd_streq(t->base.name, cell(res, i, 1))) {
			t = sd_schema_add_composite(r->s, ns, cell(res, i, 1));
			t->comment = dup(r, cell(res, i, 8));
		}
		if (!cell(res, i, 2))
			continue;
		c = sd_composite_add_attribute(r->s, t, cell(res, i, 2));
		c->type_sql = dup(r, cell(res, i, 3));
		c->type = type_of(r, cell(res, i, 3), cell(res, i, 4),
		                  cell(res, i, 5), cell(res, i, 6));
		if (cell(res, i, 7))
			sd_column_xw(r->s->arena, c)->collation =
				dup(r, cell(res, i, 7));
		if (cell(res, i, 9))
			sd_column_xw(r->s->arena, c)->comment =
				dup(r, cell(res, i, 9));
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Range types                                                         */
/* ------------------------------------------------------------------ */

/* The operator class only when it is not the subtype's default, the
 * multirange's name only when it is not the one PostgreSQL makes up. */
static const char q_ranges[] =
	"SELECT n.nspname, t.typname, format_type(r.rngsubtype, NULL),"
	" st.typtype, sn.nspname, st.typname,"
	" CASE WHEN NOT oc.opcdefault THEN oc.opcname END,"
	" CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation"
	"  THEN (SELECT co.collname FROM pg_collation co"
	"   WHERE co.oid = r.rngcollation) END,"
	" NULLIF(r.rngcanonical, 0)::regproc::text,"
	" NULLIF(r.rngsubdiff, 0)::regproc::text, mt.typname,"
	" CASE WHEN t.typname ~ 'range'"
	"  THEN regexp_replace(t.typname, 'range', 'multirange')"
	"  ELSE t.typname || '_multirange' END, ds.description"
	" FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid"
	" JOIN pg_namespace n ON n.oid = t.typnamespace"
	" JOIN pg_type st ON st.oid = r.rngsubtype"
	" JOIN pg_namespace sn ON sn.oid = st.typnamespace"
	" LEFT JOIN pg_opclass oc ON oc.oid = r.rngsubopc"
	" LEFT JOIN pg_type mt ON mt.oid = r.rngmultitypid"
	" LEFT JOIN pg_description ds ON ds.objoid = t.oid"
	"  AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0"
	" WHERE t.typnamespace IN %s"
	" AND" SD_PG_NOT_EXTENSION("pg_type", "t.oid");

static int read_ranges(sd_pg_objread *r, sd_arena *a)
{
	PGresult *res = run(r, q_ranges);
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_range *g = sd_schema_add_range(r->s, nsp(r, cell(res, i, 0)),
		                                  cell(res, i, 1));
		g->subtype = type_of(r, cell(res, i, 2), cell(res, i, 3),
		                     cell(res, i, 4), cell(res, i, 5));
		g->subtype_opclass = dup(r, cell(res, i, 6));
		g->collation = dup(r, cell(res, i, 7));
		g->canonical = dup(r, cell(res, i, 8));
		g->subtype_diff = dup(r, cell(res, i, 9));
		if (!sd_streq(cell(res, i, 10), cell(res, i, 11)))
			g->multirange = dup(r, cell(res, i, 10));
		g->comment = dup(r, cell(res, i, 12));
	}
	PQclear(res);
	return SD_OK;
}

static const char *collations_query(const sd_pg_objread *r)
{
	return PQserverVersion(r->conn) >= 170000 ? q_collations_17
	                                          : q_collations_15;
}

/* None of the kind in the schemas (r->present): its query is not sent. */
static bool absent(const sd_pg_objread *r, char kind)
{
	return r->present && !strchr(r->present, kind);
}

int sd_pg_read_objects(sd_pg_objread *r)
{
	sd_arena *a = sd_arena_new();
	int rc;

	if ((rc = read_extensions(r, a)) == SD_OK &&
	    (absent(r, 'o') || (rc = read_collations(r, a)) == SD_OK) &&
	    (rc = read_sequences(r, a)) == SD_OK &&
	    (rc = read_domains(r, a)) == SD_OK &&
	    (absent(r, 'c') || (rc = read_composites(r, a)) == SD_OK) &&
	    !absent(r, 'r'))
		rc = read_ranges(r, a);
	sd_arena_free(a);
	return rc;
}

void sd_pg_send_objects(sd_pg_objread *r)
{
	send(r, q_extensions);
	if (!absent(r, 'o'))
		send(r, collations_query(r));
	send(r, q_sequences);
	send(r, q_domains);
	if (!absent(r, 'c'))
		send(r, q_composites);
	if (!absent(r, 'r'))
		send(r, q_ranges);
}
