/*
 * postgres.c - PostgreSQL catalog -> sd_schema (pg_dump's way: one bulk
 * query per object kind, merged client-side through hash maps), and the
 * normaliser that round-trips model expressions through scratch schemas.
 */
#include "introspect/postgres.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Catalog queries                                                     */
/* ------------------------------------------------------------------ */

/*
 * Every query takes $1: NULL for "every user schema", or a text[] of the
 * only schemas to read (the normaliser's scratch schemas).
 */
#define NSP_FILTER                                                            \
	" (CASE WHEN $1::text[] IS NULL THEN"                                 \
	"   n.nspname NOT IN ('pg_catalog', 'information_schema')"            \
	"   AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'"        \
	"   AND n.nspname !~ '^sd_norm_'"                                     \
	"   AND NOT EXISTS (SELECT 1 FROM pg_depend d"                        \
	"     WHERE d.classid = 'pg_namespace'::regclass"                     \
	"     AND d.objid = n.oid AND d.deptype = 'e')"                       \
	"  ELSE n.nspname = ANY($1::text[]) END) "

#define NOT_EXTENSION(catalog, oid)                                           \
	" NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" catalog \
	"'::regclass AND e.objid = " oid " AND e.deptype = 'e') "

static const char q_namespaces[] =
	"SELECT n.nspname FROM pg_namespace n WHERE" NSP_FILTER
	"AND n.nspname <> 'public' ORDER BY 1";

static const char q_enums[] =
	"SELECT n.nspname, t.typname, e.enumlabel,"
	" ds.description"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" JOIN pg_enum e ON e.enumtypid = t.oid"
	" LEFT JOIN pg_description ds ON ds.objoid = t.oid"
	"  AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0"
	" WHERE t.typtype = 'e' AND" NSP_FILTER
	"AND" NOT_EXTENSION("pg_type", "t.oid")
	"ORDER BY n.nspname, t.typname, e.enumsortorder";

static const char q_tables[] =
	"SELECT c.oid, n.nspname, c.relname, ds.description"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = c.oid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0"
	" WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND"
	NSP_FILTER "AND" NOT_EXTENSION("pg_class", "c.oid")
	"ORDER BY n.nspname, c.relname";

static const char q_columns[] =
	"SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod),"
	" a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid), a.attidentity,"
	" a.attgenerated,"
	" CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation"
	"  THEN co.collname END,"
	" ds.description, t.typtype, tn.nspname,"
	" t.typname, sq.relname"
	" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" JOIN pg_type t ON t.oid = a.atttypid"
	" JOIN pg_namespace tn ON tn.oid = t.typnamespace"
	" LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid"
	"  AND ad.adnum = a.attnum"
	" LEFT JOIN pg_collation co ON co.oid = a.attcollation"
	" LEFT JOIN pg_description ds ON ds.objoid = a.attrelid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum"
	" LEFT JOIN (SELECT d.refobjid, d.refobjsubid, s.relname"
	"  FROM pg_depend d JOIN pg_class s ON s.oid = d.objid"
	"  WHERE d.classid = 'pg_class'::regclass"
	"  AND d.refclassid = 'pg_class'::regclass"
	"  AND d.deptype = 'a' AND s.relkind = 'S') sq"
	"  ON sq.refobjid = a.attrelid AND sq.refobjsubid = a.attnum"
	" WHERE a.attnum > 0 AND NOT a.attisdropped"
	" AND c.relkind IN ('r', 'p') AND" NSP_FILTER
	"ORDER BY a.attrelid, a.attnum";

static const char q_constraints[] =
	"SELECT co.conrelid, co.conname, co.contype,"
	" ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY"
	"  k(num, ord) JOIN pg_attribute a ON a.attrelid = co.conrelid"
	"  AND a.attnum = k.num ORDER BY k.ord)::text[],"
	" rn.nspname, rc.relname,"
	" ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY"
	"  k(num, ord) JOIN pg_attribute a ON a.attrelid = co.confrelid"
	"  AND a.attnum = k.num ORDER BY k.ord)::text[],"
	" co.confdeltype, co.confupdtype, co.condeferrable, co.condeferred,"
	" co.convalidated, pg_get_expr(co.conbin, co.conrelid),"
	" ds.description, COALESCE(ix.indnullsnotdistinct, false),"
	" CASE WHEN co.contype = 'x' THEN pg_get_constraintdef(co.oid, true) END"
	" FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_class rc ON rc.oid = co.confrelid"
	" LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = co.oid"
	"  AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0"
	" LEFT JOIN pg_index ix ON ix.indexrelid = co.conindid"
	"  AND co.contype IN ('p', 'u')"
	" WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')"
	" AND c.relkind IN ('r', 'p') AND" NSP_FILTER
	"ORDER BY co.conrelid, co.conname";

/* One row per index column (keys, then INCLUDE columns). */
static const char q_indexes[] =
	"SELECT i.indrelid, ic.relname, i.indisunique, am.amname,"
	" pg_get_expr(i.indpred, i.indrelid), i.indnullsnotdistinct,"
	" i.indnkeyatts, k.ord, a.attname,"
	" CASE WHEN i.indkey[k.ord] = 0"
	"  THEN pg_get_indexdef(i.indexrelid, k.ord + 1, false) END,"
	" i.indoption[k.ord],"
	" CASE WHEN NOT oc.opcdefault THEN oc.opcname END,"
	" CASE WHEN ico.oid IS NOT NULL"
	"  AND ico.oid <> COALESCE(NULLIF(a.attcollation, 0), 100)"
	"  THEN ico.collname END,"
	" ds.description"
	" FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
	" LEFT JOIN pg_description ds ON ds.objoid = ic.oid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0"
	" JOIN pg_class c ON c.oid = i.indrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" JOIN pg_am am ON am.oid = ic.relam"
	" CROSS JOIN LATERAL generate_series(0, i.indnatts - 1) k(ord)"
	" LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid"
	"  AND a.attnum = i.indkey[k.ord] AND i.indkey[k.ord] > 0"
	" LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[k.ord]"
	" LEFT JOIN pg_collation ico ON ico.oid = i.indcollation[k.ord]"
	" WHERE c.relkind IN ('r', 'p') AND" NSP_FILTER
	" AND NOT EXISTS (SELECT 1 FROM pg_constraint x"
	"  WHERE x.conindid = i.indexrelid AND x.conrelid = i.indrelid"
	"  AND x.contype IN ('p', 'u', 'x'))"
	"ORDER BY i.indrelid, ic.relname, k.ord";

static const char q_unmanaged[] =
	"SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN"
	"  'materialized view' ELSE 'sequence' END, n.nspname, c.relname,"
	"  NULL, CASE WHEN c.relkind IN ('v', 'm')"
	"  THEN pg_get_viewdef(c.oid, true) END"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE (c.relkind IN ('v', 'm') OR (c.relkind = 'S'"
	"  AND NOT EXISTS (SELECT 1 FROM pg_depend d"
	"  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
	"  AND d.deptype IN ('a', 'i'))))"
	" AND" NSP_FILTER "AND" NOT_EXTENSION("pg_class", "c.oid")
	"UNION ALL"
	" SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN"
	"  'aggregate' WHEN 'w' THEN 'window function' ELSE 'function' END,"
	"  n.nspname,"
	"  p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',"
	"  NULL, p.prosrc"
	" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
	" WHERE" NSP_FILTER "AND" NOT_EXTENSION("pg_proc", "p.oid")
	"UNION ALL"
	" SELECT 'trigger', n.nspname, t.tgname, c.relname,"
	"  pg_get_triggerdef(t.oid, true)"
	" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE NOT t.tgisinternal AND" NSP_FILTER
	"AND" NOT_EXTENSION("pg_trigger", "t.oid")
	"UNION ALL"
	" SELECT 'policy', n.nspname, po.polname, c.relname,"
	"  pg_get_expr(po.polqual, po.polrelid)"
	" FROM pg_policy po JOIN pg_class c ON c.oid = po.polrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE" NSP_FILTER
	"ORDER BY 1, 2, 3";

/* ------------------------------------------------------------------ */
/* Reading context                                                     */
/* ------------------------------------------------------------------ */

typedef struct pg_read {
	PGconn *conn;
	sd_schema *s;
	const sd_introspect_opts *opts;
	size_t *nqueries;
	sd_error *err;
	/* Scratch mode: read only these schemas, renamed to the originals
	 * (NULL = the default namespace). */
	const char *nsp_param;
	const char *const *scratch;
	const char *const *orig;
	size_t nscratch;
	sd_map *tables; /* oid text -> sd_table* */
} pg_read;

/* Runs one catalog query; returns the result or NULL with err set. */
static PGresult *run(pg_read *r, const char *sql)
{
	const char *params[1] = {r->nsp_param};
	PGresult *res;
	sd_buf msg = SD_BUF_INIT;

	if (r->nqueries)
		(*r->nqueries)++;
	res = PQexecParams(r->conn, sql, 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		return res;
	sd_mask_password(&msg, PQresultErrorMessage(res));
	while (msg.len && (msg.data[msg.len - 1] == '\n'))
		sd_buf_truncate(&msg, msg.len - 1);
	sd_error_add(r->err, SD_ERUNTIME, NULL, 0, 0, NULL,
	             "reading the PostgreSQL catalog: %s", sd_buf_cstr(&msg));
	sd_buf_free(&msg);
	PQclear(res);
	return NULL;
}

static const char *cell(PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

static bool cell_true(PGresult *res, int row, int col)
{
	const char *v = cell(res, row, col);
	return v && v[0] == 't';
}

/* The schema a catalog namespace stands for: NULL for public (or for the
 * scratch schema of the default namespace). */
static const char *map_nsp(const pg_read *r, const char *nspname)
{
	size_t i;

	if (!nspname)
		return NULL;
	if (r->scratch) {
		for (i = 0; i < r->nscratch; i++)
			if (strcmp(r->scratch[i], nspname) == 0)
				return r->orig[i];
		return nspname;
	}
	return strcmp(nspname, "public") == 0 ? NULL : nspname;
}

/*
 * Scratch mode: the server qualifies names of scratch schemas that are not
 * on the search path ("'x'::sd_norm_1_2.status"); put the model's schema
 * back ("'x'::billing.status"), or nothing for the default namespace.
 */
static const char *unscratch(const pg_read *r, const char *text)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = text, *out;
	size_t i;

	if (!text || !r->scratch)
		return text ? sd_arena_strdup(r->s->arena, text) : NULL;
	while (*p) {
		bool hit = false;
		for (i = 0; i < r->nscratch && !hit; i++) {
			size_t n = strlen(r->scratch[i]);
			if (strncmp(p, r->scratch[i], n) == 0 && p[n] == '.') {
				if (r->orig[i])
					sd_buf_printf(&b, "%s.", r->orig[i]);
				p += n + 1;
				hit = true;
			}
		}
		if (!hit)
			sd_buf_putc(&b, *p++);
	}
	out = sd_arena_strdup(r->s->arena, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static void set_expr(const pg_read *r, sd_expr *e, const char *text)
{
	e->sql = unscratch(r, text);
	e->canon = e->sql;
}

/*
 * Splits a text[] literal as the server prints it ({a,"b c","d\"e"}) into
 * the list. Names never come out as NULL elements.
 */
static void parse_text_array(sd_arena *a, sd_strlist *out, const char *lit)
{
	sd_buf item = SD_BUF_INIT;
	const char *p = lit;

	if (!p || *p != '{')
		return;
	p++;
	while (*p && *p != '}') {
		sd_buf_truncate(&item, 0);
		sd_buf_put(&item, "");
		if (*p == '"') {
			p++;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1])
					p++;
				sd_buf_putc(&item, *p++);
			}
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ',' && *p != '}')
				sd_buf_putc(&item, *p++);
		}
		sd_strlist_push(a, out, sd_buf_cstr(&item));
		if (*p == ',')
			p++;
	}
	sd_buf_free(&item);
}

/* Tables left out: the version table and its companions, ignore globs. */
static bool skip_table(const pg_read *r, const char *schema, const char *name)
{
	const sd_introspect_opts *o = r->opts;
	size_t i, n;

	if (!o)
		return false;
	if (o->version_table) {
		n = strlen(o->version_table);
		if (strcmp(name, o->version_table) == 0 ||
		    (strncmp(name, o->version_table, n) == 0 && name[n] == '_'))
			return true;
	}
	for (i = 0; o->ignore && o->ignore[i]; i++) {
		if (fnmatch(o->ignore[i], name, 0) == 0)
			return true;
		if (schema) {
			char *q = sd_xmalloc(strlen(schema) + strlen(name) + 2);
			bool m;
			strcpy(q, schema);
			strcat(q, ".");
			strcat(q, name);
			m = fnmatch(o->ignore[i], q, 0) == 0;
			free(q);
			if (m)
				return true;
		}
	}
	return false;
}

static void progress(const pg_read *r, const char *what, size_t done,
                     size_t total)
{
	if (r->opts && r->opts->progress)
		r->opts->progress(r->opts->progress_ctx, what, done, total);
}

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

void sd_pg_type_from_catalog(sd_arena *a, const char *ft,
                             const char *enum_schema, const char *enum_name,
                             sd_type *out)
{
	static const struct {
		const char *name;
		sd_type_kind kind;
	} plain[] = {
		{"smallint", SD_T_SMALLINT},
		{"integer", SD_T_INTEGER},
		{"bigint", SD_T_BIGINT},
		{"boolean", SD_T_BOOLEAN},
		{"real", SD_T_REAL},
		{"double precision", SD_T_FLOAT},
		{"numeric", SD_T_NUMERIC},
		{"character varying", SD_T_STRING},
		{"text", SD_T_TEXT},
		{"date", SD_T_DATE},
		{"time without time zone", SD_T_TIME},
		{"timestamp without time zone", SD_T_TIMESTAMP},
		{"timestamp with time zone", SD_T_TIMESTAMPTZ},
		{"interval", SD_T_INTERVAL},
		{"json", SD_T_JSON},
		{"jsonb", SD_T_JSONB},
		{"uuid", SD_T_UUID},
		{"bytea", SD_T_BINARY},
	};
	size_t i;
	int x, y;
	char tail;

	memset(out, 0, sizeof(*out));
	out->length = out->precision = out->scale = -1;
	if (enum_name) {
		out->kind = SD_T_ENUM;
		out->name = sd_arena_strdup(a, enum_name);
		out->enum_schema = sd_arena_strdup(a, enum_schema);
		return;
	}
	for (i = 0; i < SD_ARRAY_LEN(plain); i++) {
		if (strcmp(ft, plain[i].name) == 0) {
			out->kind = plain[i].kind;
			return;
		}
	}
	if (sscanf(ft, "character varying(%d%c", &x, &tail) == 2 &&
	    tail == ')') {
		out->kind = SD_T_STRING;
		out->length = x;
		return;
	}
	if (sscanf(ft, "character(%d%c", &x, &tail) == 2 && tail == ')') {
		out->kind = SD_T_CHAR;
		out->length = x;
		return;
	}
	if (sscanf(ft, "numeric(%d,%d%c", &x, &y, &tail) == 3 && tail == ')') {
		out->kind = SD_T_NUMERIC;
		out->precision = x;
		out->scale = y;
		return;
	}
	out->kind = SD_T_RAW;
	out->name = sd_arena_strdup(a, ft);
}

/*
 * The only canonicalisation done in C, on top of the server's text, for
 * defaults equal in meaning but stored differently (real server outputs,
 * see test_postgres.c):
 *     CURRENT_TIMESTAMP, transaction_timestamp()  -> now()
 *     'x'::text on a varchar column                -> 'x'::character varying
 *     'x'::character varying on a text column      -> 'x'::text
 * Anything else is returned as is.
 */
const char *sd_pg_canon_default(sd_arena *a, const sd_type *type,
                                const char *text)
{
	static const char *const casts[] = {"::text", "::character varying",
	                                    "::bpchar"};
	const char *want = NULL, *p;
	size_t i;

	if (!text)
		return NULL;
	if (strcmp(text, "CURRENT_TIMESTAMP") == 0 ||
	    strcmp(text, "transaction_timestamp()") == 0)
		return "now()";
	if (type->kind == SD_T_STRING)
		want = casts[1];
	else if (type->kind == SD_T_TEXT)
		want = casts[0];
	if (!want || text[0] != '\'')
		return text;
	for (p = text + 1; *p; p++) {
		if (*p == '\'' && p[1] == '\'')
			p++;
		else if (*p == '\'')
			break;
	}
	if (*p != '\'')
		return text;
	for (i = 0; i < 2; i++)
		if (strcmp(p + 1, casts[i]) == 0)
			return sd_arena_printf(a, "%.*s%s", (int)(p + 1 - text),
			                       text, want);
	return text;
}

/* ------------------------------------------------------------------ */
/* One reader per object kind                                          */
/* ------------------------------------------------------------------ */

static int read_namespaces(pg_read *r)
{
	PGresult *res = run(r, q_namespaces);
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = map_nsp(r, cell(res, i, 0));
		if (ns)
			sd_schema_add_namespace(r->s, ns);
	}
	PQclear(res);
	return SD_OK;
}

static int read_enums(pg_read *r)
{
	PGresult *res = run(r, q_enums);
	sd_enum *e = NULL;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = map_nsp(r, cell(res, i, 0));
		const char *name = cell(res, i, 1);
		if (!e || !sd_streq(e->base.schema, ns) ||
		    strcmp(e->base.name, name) != 0) {
			e = sd_schema_add_enum(r->s, ns, name);
			e->comment = sd_arena_strdup(r->s->arena,
			                             cell(res, i, 3));
		}
		sd_strlist_push(r->s->arena, &e->values, cell(res, i, 2));
	}
	PQclear(res);
	return SD_OK;
}

static int read_tables(pg_read *r)
{
	PGresult *res = run(r, q_tables);
	int i, n;

	if (!res)
		return SD_ERUNTIME;
	n = PQntuples(res);
	r->tables = sd_map_new(r->s->arena, (size_t)n);
	for (i = 0; i < n; i++) {
		const char *ns = map_nsp(r, cell(res, i, 1));
		const char *name = cell(res, i, 2);
		sd_table *t;
		if (skip_table(r, ns, name))
			continue;
		t = sd_schema_add_table(r->s, ns, name);
		t->comment = sd_arena_strdup(r->s->arena, cell(res, i, 3));
		sd_map_put(r->tables, sd_arena_strdup(r->s->arena,
		                                      cell(res, i, 0)),
		           t);
	}
	PQclear(res);
	progress(r, "tables", (size_t)n, (size_t)n);
	return SD_OK;
}

static int read_columns(pg_read *r)
{
	PGresult *res = run(r, q_columns);
	sd_arena *a = r->s->arena;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_table *t = sd_map_get(r->tables, cell(res, i, 0));
		const char *def = cell(res, i, 4);
		const char *ident = cell(res, i, 5);
		const char *gen = cell(res, i, 6);
		const char *typtype = cell(res, i, 9);
		const char *seq = cell(res, i, 12);
		sd_column *c;

		if (!t)
			continue;
		c = sd_table_add_column(r->s, t, cell(res, i, 1));
		c->type_sql = unscratch(r, cell(res, i, 2));
		if (typtype && typtype[0] == 'e')
			sd_pg_type_from_catalog(a, c->type_sql,
			                        map_nsp(r, cell(res, i, 10)),
			                        cell(res, i, 11), &c->type);
		else
			sd_pg_type_from_catalog(a, c->type_sql, NULL, NULL,
			                        &c->type);
		c->nullable = !cell_true(res, i, 3);
		c->collation = sd_arena_strdup(a, cell(res, i, 7));
		c->comment = sd_arena_strdup(a, cell(res, i, 8));
		if (ident && ident[0] == 'a')
			c->identity = SD_IDENTITY_ALWAYS;
		else if (ident && ident[0] == 'd')
			c->identity = SD_IDENTITY_BY_DEFAULT;
		if (c->identity != SD_IDENTITY_NONE)
			c->autoincrement = true;
		if (gen && gen[0] == 's') {
			set_expr(r, &c->generated, def);
		} else if (def && seq && sd_startswith(def, "nextval(")) {
			/* serial: owned sequence + nextval default */
			c->autoincrement = true;
			c->sequence = sd_arena_strdup(a, seq);
		} else if (def) {
			set_expr(r, &c->default_value, def);
			c->default_value.canon = sd_pg_canon_default(
				a, &c->type, c->default_value.sql);
		}
	}
	PQclear(res);
	return SD_OK;
}

static sd_fk_action fk_action(const char *code)
{
	switch (code ? code[0] : 'a') {
	case 'r': return SD_FK_RESTRICT;
	case 'c': return SD_FK_CASCADE;
	case 'n': return SD_FK_SET_NULL;
	case 'd': return SD_FK_SET_DEFAULT;
	default: return SD_FK_NO_ACTION;
	}
}

static int read_constraints(pg_read *r)
{
	PGresult *res = run(r, q_constraints);
	sd_arena *a = r->s->arena;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_table *t = sd_map_get(r->tables, cell(res, i, 0));
		const char *name = cell(res, i, 1);
		const char *comment = cell(res, i, 13);
		char type = cell(res, i, 2)[0];

		if (!t)
			continue;
		if (type == 'p') {
			sd_primary_key *pk = sd_table_set_primary_key(r->s, t,
			                                              name);
			parse_text_array(a, &pk->columns, cell(res, i, 3));
		} else if (type == 'u') {
			sd_unique *u = sd_table_add_unique(r->s, t, name);
			parse_text_array(a, &u->columns, cell(res, i, 3));
			u->deferrable = cell_true(res, i, 9);
			u->initially_deferred = cell_true(res, i, 10);
			u->nulls_not_distinct = cell_true(res, i, 14);
			u->comment = sd_arena_strdup(a, comment);
		} else if (type == 'f') {
			sd_foreign_key *f = sd_table_add_foreign_key(r->s, t,
			                                             name);
			parse_text_array(a, &f->columns, cell(res, i, 3));
			f->ref_schema = sd_arena_strdup(
				a, map_nsp(r, cell(res, i, 4)));
			f->ref_table = sd_arena_strdup(a, cell(res, i, 5));
			parse_text_array(a, &f->ref_columns, cell(res, i, 6));
			f->on_delete = fk_action(cell(res, i, 7));
			f->on_update = fk_action(cell(res, i, 8));
			f->deferrable = cell_true(res, i, 9);
			f->initially_deferred = cell_true(res, i, 10);
			f->not_valid = !cell_true(res, i, 11);
			f->comment = sd_arena_strdup(a, comment);
		} else if (type == 'c') {
			sd_check *c = sd_table_add_check(r->s, t, name);
			set_expr(r, &c->expression, cell(res, i, 12));
			c->not_valid = !cell_true(res, i, 11);
			c->comment = sd_arena_strdup(a, comment);
		} else if (type == 'x') {
			sd_unmanaged *u = sd_schema_add_unmanaged(
				r->s, "exclusion constraint", t->base.schema,
				name);
			u->table = t->base.name;
			u->definition = unscratch(r, cell(res, i, 15));
		}
	}
	PQclear(res);
	return SD_OK;
}

static int read_indexes(pg_read *r)
{
	PGresult *res = run(r, q_indexes);
	sd_arena *a = r->s->arena;
	sd_index *ix = NULL;
	sd_table *ix_table = NULL;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_table *t = sd_map_get(r->tables, cell(res, i, 0));
		const char *name = cell(res, i, 1);
		int ord = atoi(cell(res, i, 7));
		int nkey = atoi(cell(res, i, 6));
		const char *col = cell(res, i, 8);
		sd_index_key *key;
		int option;

		if (!t)
			continue;
		if (!ix || ix_table != t || strcmp(ix->base.name, name) != 0) {
			const char *method = cell(res, i, 3);
			ix = sd_table_add_index(r->s, t, name);
			ix_table = t;
			ix->unique = cell_true(res, i, 2);
			ix->method = strcmp(method, "btree") == 0
			                 ? NULL
			                 : sd_arena_strdup(a, method);
			if (cell(res, i, 4))
				set_expr(r, &ix->where, cell(res, i, 4));
			ix->nulls_not_distinct = cell_true(res, i, 5);
			ix->comment = sd_arena_strdup(a, cell(res, i, 13));
			ix->keys = sd_arena_alloc(a, (size_t)nkey *
			                                 sizeof(sd_index_key));
		}
		if (ord >= nkey) {
			sd_strlist_push(a, &ix->include, col);
			continue;
		}
		key = &ix->keys[ix->nkeys++];
		if (col)
			key->column = sd_arena_strdup(a, col);
		else
			set_expr(r, &key->expression, cell(res, i, 9));
		option = cell(res, i, 10) ? atoi(cell(res, i, 10)) : 0;
		key->desc = (option & 1) != 0;
		/* NULLS FIRST is the default for DESC, LAST for ASC. */
		if (key->desc && !(option & 2))
			key->nulls = SD_NULLS_LAST;
		else if (!key->desc && (option & 2))
			key->nulls = SD_NULLS_FIRST;
		key->opclass = sd_arena_strdup(a, cell(res, i, 11));
		key->collation = sd_arena_strdup(a, cell(res, i, 12));
	}
	PQclear(res);
	return SD_OK;
}

static int read_unmanaged(pg_read *r)
{
	PGresult *res = run(r, q_unmanaged);
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = map_nsp(r, cell(res, i, 1));
		const char *table = cell(res, i, 3);
		const char *name = cell(res, i, 2);
		sd_unmanaged *u;

		if (skip_table(r, ns, table ? table : name))
			continue;
		u = sd_schema_add_unmanaged(r->s, cell(res, i, 0), ns, name);
		u->table = sd_arena_strdup(r->s->arena, table);
		u->definition = unscratch(r, cell(res, i, 4));
	}
	PQclear(res);
	return SD_OK;
}

/* Reads everything into r->s, which the caller created. */
static int read_catalog(pg_read *r, bool with_unmanaged)
{
	int rc;

	r->s->dialect = "postgresql";
	if ((rc = read_namespaces(r)) != SD_OK ||
	    (rc = read_enums(r)) != SD_OK ||
	    (rc = read_tables(r)) != SD_OK ||
	    (rc = read_columns(r)) != SD_OK ||
	    (rc = read_constraints(r)) != SD_OK ||
	    (rc = read_indexes(r)) != SD_OK)
		return rc;
	if (with_unmanaged && (rc = read_unmanaged(r)) != SD_OK)
		return rc;
	sd_schema_sort(r->s);
	sd_schema_index(r->s);
	return SD_OK;
}

int sd_pg_introspect(sd_schema **out, PGconn *conn,
                     const sd_introspect_opts *opts, size_t *nqueries,
                     sd_error *err)
{
	pg_read r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.conn = conn;
	r.opts = opts;
	r.nqueries = nqueries;
	r.err = err;
	r.s = sd_schema_new();
	rc = read_catalog(&r, true);
	if (rc != SD_OK) {
		sd_schema_free(r.s);
		return rc;
	}
	*out = r.s;
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Normaliser                                                          */
/* ------------------------------------------------------------------ */

/* Tables per savepoint: each new table takes several locks (table, its
 * indexes, toast, identity sequence); 64 locks per transaction times the
 * default connection slots leave room for a few hundred at a time. */
#define NORMALIZE_CHUNK 100

typedef struct pg_norm {
	PGconn *conn;
	sd_schema *models;
	sd_error *err;
	sd_arena *tmp;
	const char **scratch; /* scratch schema names */
	const char **orig;    /* the model schema each stands for */
	size_t nscratch;
	const char *nsp_param; /* {scratch...} */
	sd_table **work;       /* the model tables that need the server */
	size_t nwork;
} pg_norm;

static int norm_exec(pg_norm *nm, const char *sql, const char *what)
{
	PGresult *res = PQexec(nm->conn, sql);
	int rc = SD_OK;

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		sd_buf msg = SD_BUF_INIT;
		sd_mask_password(&msg, PQresultErrorMessage(res));
		while (msg.len && msg.data[msg.len - 1] == '\n')
			sd_buf_truncate(&msg, msg.len - 1);
		rc = sd_error_add(nm->err, SD_EINPUT, NULL, 0, 0, what,
		                  "the models do not compile on PostgreSQL: %s",
		                  sd_buf_cstr(&msg));
		sd_buf_free(&msg);
	}
	PQclear(res);
	return rc;
}

static const char *scratch_for(const pg_norm *nm, const char *schema)
{
	size_t i;

	if (schema && strcmp(schema, "public") == 0)
		schema = NULL;
	for (i = 0; i < nm->nscratch; i++)
		if (sd_streq(nm->orig[i], schema))
			return nm->scratch[i];
	return schema; /* not a model schema: a live one, left alone */
}

static void add_nsp(pg_norm *nm, const char *schema)
{
	size_t i;

	if (schema && strcmp(schema, "public") == 0)
		schema = NULL;
	for (i = 0; i < nm->nscratch; i++)
		if (sd_streq(nm->orig[i], schema))
			return;
	nm->orig[nm->nscratch] = schema;
	nm->scratch[nm->nscratch] =
		sd_arena_printf(nm->tmp, "sd_norm_%ld_%ld_%zu", (long)getpid(),
		                (long)time(NULL) % 100000, nm->nscratch);
	nm->nscratch++;
}

/* A copy of column src of t whose enum type points at the scratch twin. */
static sd_column *scratch_column(pg_norm *nm, const sd_table *t,
                                 const sd_column *src)
{
	sd_column *col = sd_arena_alloc(nm->tmp, sizeof(*col));

	*col = *src;
	col->comment = NULL;
	col->identity = SD_IDENTITY_NONE;
	col->autoincrement = false;
	col->sequence = NULL;
	if (col->type.kind == SD_T_ENUM) {
		const char *es = col->type.enum_schema;
		if (!es && t->base.schema &&
		    sd_schema_find_enum(nm->models, t->base.schema,
		                        col->type.name))
			es = t->base.schema;
		col->type.enum_schema = scratch_for(nm, es);
	}
	return col;
}

/*
 * A copy of t that lives in the scratch schemas, reduced to what holds
 * expressions: columns (types, defaults, generated), checks. No keys, no
 * identity, no comments: creating tables is what costs (about 8 ms each
 * with keys and sequences), and none of those hold an expression.
 */
static sd_table *scratch_table(pg_norm *nm, const sd_table *t)
{
	sd_table *c = sd_arena_alloc(nm->tmp, sizeof(*c));
	size_t i;

	*c = *t;
	c->base.schema = scratch_for(nm, t->base.schema);
	c->nforeign_keys = 0;
	c->nuniques = 0;
	c->primary_key = NULL;
	c->nindexes = 0;
	c->comment = NULL;
	c->columns = sd_arena_alloc(nm->tmp,
	                            (t->ncolumns + 1) * sizeof(sd_column *));
	for (i = 0; i < t->ncolumns; i++)
		c->columns[i] = scratch_column(nm, t, t->columns[i]);
	return c;
}

static bool index_has_expression(const sd_index *ix)
{
	size_t k;

	if (ix->where.sql)
		return true;
	for (k = 0; k < ix->nkeys; k++)
		if (!ix->keys[k].column)
			return true;
	return false;
}

/* Whether the server has anything to say about t: an expression somewhere
 * or a type spelled in the database's own words. */
static bool table_needs_server(const sd_table *t)
{
	size_t i;

	if (t->nchecks)
		return true;
	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		if (c->default_value.sql || c->generated.sql ||
		    c->type.kind == SD_T_RAW)
			return true;
	}
	for (i = 0; i < t->nindexes; i++)
		if (index_has_expression(t->indexes[i]))
			return true;
	return false;
}

/* Appends the statements creating one table and its expression indexes. */
static int scratch_table_sql(pg_norm *nm, sd_buf *sql, const sd_table *t)
{
	sd_table *c = scratch_table(nm, t);
	sd_op op;
	size_t i;
	int rc;

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_CREATE_TABLE;
	op.table = op.table_new = c;
	if ((rc = sd_dialect_postgres.emit_op(sql, &op, nm->err)) != SD_OK)
		return rc;
	for (i = 0; i < t->nindexes; i++) {
		if (!index_has_expression(t->indexes[i]))
			continue;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_INDEX;
		op.table = c;
		op.obj_new = &t->indexes[i]->base;
		if ((rc = sd_dialect_postgres.emit_op(sql, &op, nm->err)) !=
		    SD_OK)
			return rc;
	}
	return SD_OK;
}

static const char *keep(pg_norm *nm, const char *s)
{
	return sd_arena_strdup(nm->models->arena, s);
}

/* Copies the server's text of the scratch twin into the model table. */
static void apply_canon(pg_norm *nm, sd_table *t, const sd_table *st)
{
	size_t i, k;

	for (i = 0; i < t->ncolumns; i++) {
		sd_column *c = t->columns[i];
		const sd_column *sc = sd_table_find_column(st, c->base.name);
		if (!sc)
			continue;
		if (c->default_value.sql && sc->default_value.sql)
			c->default_value.canon =
				keep(nm, sc->default_value.canon);
		if (c->generated.sql && sc->generated.sql)
			c->generated.canon = keep(nm, sc->generated.sql);
		if (c->type.kind == SD_T_RAW) {
			c->type = sc->type;
			c->type.name = keep(nm, sc->type.name);
			c->type.enum_schema = keep(nm, sc->type.enum_schema);
		}
	}
	for (i = 0; i < t->nchecks; i++) {
		for (k = 0; k < st->nchecks; k++) {
			if (sd_streq(t->checks[i]->base.name,
			             st->checks[k]->base.name)) {
				t->checks[i]->expression.canon = keep(
					nm, st->checks[k]->expression.sql);
				break;
			}
		}
	}
	for (i = 0; i < t->nindexes; i++) {
		sd_index *ix = t->indexes[i];
		const sd_index *six = sd_table_find_index(st, ix->base.name);
		if (!six)
			continue;
		if (ix->where.sql && six->where.sql)
			ix->where.canon = keep(nm, six->where.sql);
		for (k = 0; k < ix->nkeys && k < six->nkeys; k++) {
			sd_index_key *key = &ix->keys[k];
			const sd_index_key *sk = &six->keys[k];
			if (!key->expression.sql)
				continue;
			key->expression.canon = keep(
				nm, sk->expression.sql ? sk->expression.sql
			                               : sk->column);
		}
	}
}

/* Reads the scratch schemas back and applies their text to the models. */
static int norm_read_back(pg_norm *nm, size_t from, size_t to)
{
	pg_read r;
	size_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	r.conn = nm->conn;
	r.err = nm->err;
	r.nsp_param = nm->nsp_param;
	r.scratch = nm->scratch;
	r.orig = nm->orig;
	r.nscratch = nm->nscratch;
	r.s = sd_schema_new();
	rc = read_catalog(&r, false);
	if (rc == SD_OK) {
		for (i = from; i < to; i++) {
			sd_table *t = nm->work[i];
			const sd_table *st = sd_schema_find_table(
				r.s, t->base.schema, t->base.name);
			if (st)
				apply_canon(nm, t, st);
		}
	}
	sd_schema_free(r.s);
	return rc;
}

/* Columns per wide scratch table (PostgreSQL allows 1600). */
#define WIDE_COLUMNS 1000

/* No column references anywhere: its defaults can be read elsewhere. */
static bool table_defaults_only(const sd_table *t)
{
	size_t i;

	if (t->nchecks)
		return false;
	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i]->generated.sql)
			return false;
	for (i = 0; i < t->nindexes; i++)
		if (index_has_expression(t->indexes[i]))
			return false;
	return true;
}

/*
 * Defaults cannot refer to columns, so the defaults (and RAW types) of
 * many tables are read back through a few wide scratch tables: a handful
 * of CREATE TABLEs instead of one per model table, which is what costs on
 * a big catalog. On a server error *failed is set and nothing is applied;
 * the caller then goes table by table to name the culprit.
 */
static int norm_defaults(pg_norm *nm, sd_table **tables, size_t ntables,
                         bool *failed)
{
	sd_column **cols;
	const sd_table **owner;
	size_t ncols = 0, i, j, start;
	sd_buf sql = SD_BUF_INIT;
	pg_read r;
	int rc;

	*failed = false;
	for (i = 0; i < ntables; i++)
		ncols += tables[i]->ncolumns;
	cols = sd_arena_alloc(nm->tmp, (ncols + 1) * sizeof(*cols));
	owner = sd_arena_alloc(nm->tmp, (ncols + 1) * sizeof(*owner));
	ncols = 0;
	for (i = 0; i < ntables; i++) {
		for (j = 0; j < tables[i]->ncolumns; j++) {
			sd_column *c = tables[i]->columns[j];
			if (!c->default_value.sql && c->type.kind != SD_T_RAW)
				continue;
			owner[ncols] = tables[i];
			cols[ncols++] = c;
		}
	}
	if ((rc = norm_exec(nm, "SAVEPOINT sd_norm_defaults", NULL)) != SD_OK)
		goto done;
	for (start = 0; start < ncols; start += WIDE_COLUMNS) {
		sd_table wide;
		sd_op op;
		size_t n = ncols - start < WIDE_COLUMNS ? ncols - start
		                                        : WIDE_COLUMNS;
		memset(&wide, 0, sizeof(wide));
		wide.base.kind = SD_OBJ_TABLE;
		wide.base.schema = nm->scratch[0];
		wide.base.name = sd_arena_printf(nm->tmp, "sd_norm_wide_%zu",
		                                 start / WIDE_COLUMNS);
		wide.columns = sd_arena_alloc(nm->tmp, n * sizeof(sd_column *));
		wide.ncolumns = n;
		for (j = 0; j < n; j++) {
			sd_column *c = scratch_column(nm, owner[start + j],
			                              cols[start + j]);
			c->base.name = sd_arena_printf(nm->tmp, "c%zu", j);
			c->nullable = true;
			c->collation = NULL;
			wide.columns[j] = c;
		}
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_TABLE;
		op.table = op.table_new = &wide;
		if ((rc = sd_dialect_postgres.emit_op(&sql, &op, nm->err)) !=
		    SD_OK)
			goto done;
	}
	{
		PGresult *res = PQexec(nm->conn, sd_buf_cstr(&sql));
		*failed = PQresultStatus(res) != PGRES_COMMAND_OK &&
		          PQresultStatus(res) != PGRES_EMPTY_QUERY;
		PQclear(res);
	}
	if (!*failed) {
		memset(&r, 0, sizeof(r));
		r.conn = nm->conn;
		r.err = nm->err;
		r.nsp_param = nm->nsp_param;
		r.scratch = nm->scratch;
		r.orig = nm->orig;
		r.nscratch = nm->nscratch;
		r.s = sd_schema_new();
		rc = read_catalog(&r, false);
		for (start = 0; rc == SD_OK && start < ncols;
		     start += WIDE_COLUMNS) {
			const sd_table *st = sd_schema_find_table(
				r.s, NULL,
				sd_arena_printf(nm->tmp, "sd_norm_wide_%zu",
				                start / WIDE_COLUMNS));
			for (j = 0; st && j < st->ncolumns &&
			            start + j < ncols; j++) {
				sd_column *c = cols[start + j];
				const sd_column *sc = st->columns[j];
				if (c->default_value.sql && sc->default_value.sql)
					c->default_value.canon =
						keep(nm, sc->default_value.canon);
				if (c->type.kind == SD_T_RAW) {
					c->type = sc->type;
					c->type.name = keep(nm, sc->type.name);
					c->type.enum_schema =
						keep(nm, sc->type.enum_schema);
				}
			}
		}
		sd_schema_free(r.s);
	}
	if (rc == SD_OK)
		rc = norm_exec(nm, "ROLLBACK TO SAVEPOINT sd_norm_defaults",
		               NULL);
done:
	sd_buf_free(&sql);
	return rc;
}

/* Runs one chunk of tables under a savepoint that is always rolled back,
 * which releases its locks. On failure finds the table at fault. */
static int norm_chunk(pg_norm *nm, size_t from, size_t to)
{
	sd_buf sql = SD_BUF_INIT;
	size_t i;
	int rc;

	if ((rc = norm_exec(nm, "SAVEPOINT sd_norm_chunk", NULL)) != SD_OK)
		goto done;
	for (i = from; i < to; i++)
		if ((rc = scratch_table_sql(nm, &sql, nm->work[i])) != SD_OK)
			goto done;
	{
		PGresult *res = PQexec(nm->conn, sd_buf_cstr(&sql));
		bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
		PQclear(res);
		if (!ok) {
			/* Again one table at a time, for a message that names
			 * the table. */
			norm_exec(nm, "ROLLBACK TO SAVEPOINT sd_norm_chunk",
			          NULL);
			for (i = from; i < to; i++) {
				const sd_table *t = nm->work[i];
				sd_buf_truncate(&sql, 0);
				scratch_table_sql(nm, &sql, t);
				rc = norm_exec(nm, sd_buf_cstr(&sql),
				               sd_qualified_name(nm->tmp,
				                                 t->base.schema,
				                                 t->base.name));
				if (rc != SD_OK)
					goto done;
			}
			rc = sd_error_add(nm->err, SD_EINPUT, NULL, 0, 0, NULL,
			                  "the models do not compile on "
			                  "PostgreSQL");
			goto done;
		}
	}
	rc = norm_read_back(nm, from, to);
done:
	sd_buf_free(&sql);
	return rc;
}

int sd_pg_normalize(PGconn *conn, sd_schema *models, sd_error *err)
{
	pg_norm nm;
	sd_buf sql = SD_BUF_INIT;
	size_t i, j, max, nsimple = 0;
	sd_table **simple;
	int rc = SD_OK;
	bool began = false;

	memset(&nm, 0, sizeof(nm));
	nm.conn = conn;
	nm.models = models;
	nm.err = err;
	nm.tmp = sd_arena_new();

	/* Every schema the models name gets a scratch twin. */
	max = 1 + models->ntables * 2 + models->nenums + models->namespaces.n;
	for (i = 0; i < models->ntables; i++)
		max += models->tables[i]->ncolumns;
	nm.scratch = sd_arena_alloc(nm.tmp, max * sizeof(char *));
	nm.orig = sd_arena_alloc(nm.tmp, max * sizeof(char *));
	add_nsp(&nm, NULL);
	for (i = 0; i < models->namespaces.n; i++)
		add_nsp(&nm, models->namespaces.items[i]);
	for (i = 0; i < models->nenums; i++)
		add_nsp(&nm, models->enums[i]->base.schema);
	for (i = 0; i < models->ntables; i++) {
		const sd_table *t = models->tables[i];
		add_nsp(&nm, t->base.schema);
		for (j = 0; j < t->ncolumns; j++)
			if (t->columns[j]->type.kind == SD_T_ENUM &&
			    t->columns[j]->type.enum_schema)
				add_nsp(&nm, t->columns[j]->type.enum_schema);
	}
	nm.work = sd_arena_alloc(nm.tmp, (models->ntables + 1) *
	                                     sizeof(sd_table *));
	simple = sd_arena_alloc(nm.tmp, (models->ntables + 1) *
	                                    sizeof(sd_table *));
	for (i = 0; i < models->ntables; i++) {
		sd_table *t = models->tables[i];
		if (!table_needs_server(t))
			continue;
		if (table_defaults_only(t))
			simple[nsimple++] = t;
		else
			nm.work[nm.nwork++] = t;
	}
	if (nm.nwork == 0 && nsimple == 0)
		goto done;
	sd_buf_putc(&sql, '{');
	for (i = 0; i < nm.nscratch; i++)
		sd_buf_printf(&sql, "%s%s", i ? "," : "", nm.scratch[i]);
	sd_buf_putc(&sql, '}');
	nm.nsp_param = sd_arena_strdup(nm.tmp, sd_buf_cstr(&sql));

	if ((rc = norm_exec(&nm, "BEGIN", NULL)) != SD_OK)
		goto done;
	began = true;
	sd_buf_truncate(&sql, 0);
	for (i = 0; i < nm.nscratch; i++) {
		sd_buf_put(&sql, "CREATE SCHEMA ");
		sd_dialect_postgres.quote_ident(&sql, nm.scratch[i]);
		sd_buf_put(&sql, ";\n");
	}
	/* Unqualified names resolve to the default namespace's twin first,
	 * then to the live public schema (functions, extensions). */
	sd_buf_put(&sql, "SET LOCAL search_path = ");
	sd_dialect_postgres.quote_ident(&sql, nm.scratch[0]);
	sd_buf_put(&sql, ", public;\n");
	for (i = 0; i < models->nenums; i++) {
		sd_enum e = *models->enums[i];
		sd_op op;
		e.base.schema = scratch_for(&nm, e.base.schema);
		e.comment = NULL;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_ENUM;
		op.obj_new = &e.base;
		if ((rc = sd_dialect_postgres.emit_op(&sql, &op, err)) != SD_OK)
			goto done;
	}
	if ((rc = norm_exec(&nm, sd_buf_cstr(&sql), NULL)) != SD_OK)
		goto done;
	if (nsimple) {
		bool failed;
		if ((rc = norm_defaults(&nm, simple, nsimple, &failed)) !=
		    SD_OK)
			goto done;
		if (failed) {
			/* one by one, to name the table at fault */
			norm_exec(&nm, "ROLLBACK TO SAVEPOINT sd_norm_defaults",
			          NULL);
			for (i = 0; i < nsimple; i++)
				nm.work[nm.nwork++] = simple[i];
		}
	}
	for (i = 0; i < nm.nwork; i += NORMALIZE_CHUNK) {
		size_t to = i + NORMALIZE_CHUNK;
		if (to > nm.nwork)
			to = nm.nwork;
		if ((rc = norm_chunk(&nm, i, to)) != SD_OK)
			goto done;
		if ((rc = norm_exec(&nm, "ROLLBACK TO SAVEPOINT sd_norm_chunk",
		                    NULL)) != SD_OK)
			goto done;
	}
done:
	if (began) {
		PGresult *res = PQexec(conn, "ROLLBACK");
		PQclear(res);
	}
	sd_buf_free(&sql);
	sd_arena_free(nm.tmp);
	return rc;
}
