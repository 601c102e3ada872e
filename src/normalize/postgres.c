/*
 * normalize/postgres.c - makes the models' expressions comparable with
 * what a PostgreSQL server stores, by asking the server.
 *
 * The server tells what it stores for an expression only once it stored
 * it, so the models' expressions are created in a scratch schema inside a
 * transaction that is always rolled back. Only what normalisation can
 * change goes there: defaults, generated columns, checks, index
 * expressions and predicates, verbatim (RAW) types, and the enums they
 * use. Plain portable columns, keys and plain indexes need nothing; models
 * without any of that cost no round trip at all.
 *
 * Creating objects is what costs on a big catalog, so everything is packed
 * into a few wide scratch tables:
 *   - every default and RAW type becomes one column "sd_d<n>" of a carrier
 *     table (a default cannot refer to a column);
 *   - a table with checks, generated columns or expression indexes lends
 *     its columns, under their own names, to a shared table where no other
 *     table has a same-named column of another type; its checks
 *     ("sd_k<n>") and expression indexes ("sd_x<n>") go on that shared
 *     table and so see the same columns as in the model.
 * A batch of wide tables is created under a savepoint, read back with one
 * query over those tables alone, and rolled back, which releases its
 * locks: max_locks_per_transaction's default
 * holds whatever the size of the models.
 */
#include "normalize/normalize.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/postgres.h"
#include "emit/dialect.h"
#include "introspect/postgres.h"
#include "util/sql.h"

static const char *cell(PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

/* Columns per wide scratch table (PostgreSQL allows 1600). */
#define WIDE_COLUMNS 1000
/* Locks one batch may take: about three per table (itself, its TOAST
 * table and TOAST index) and one per index. */
#define BATCH_LOCKS 200

/*
 * What the wide tables of a batch hold ($1: the scratch schema, $2: the
 * tables' names), keyed by table.column, check name or index name. Driven
 * by the tables' OIDs, so it costs what the batch holds, not what the
 * catalog holds.
 */
static const char q_scratch[] =
	"WITH w AS MATERIALIZED (SELECT c.oid, c.relname::text AS relname"
	"  FROM pg_class c WHERE c.relname = ANY($2::name[])"
	"  AND c.relnamespace = (SELECT oid FROM pg_namespace"
	"   WHERE nspname = $1))"
	" SELECT 'c', w.relname, a.attname::text,"
	" format_type(a.atttypid, a.atttypmod),"
	" pg_get_expr(ad.adbin, ad.adrelid), a.attgenerated::text,"
	" t.typtype::text, tn.nspname::text, t.typname::text"
	" FROM w JOIN pg_attribute a ON a.attrelid = w.oid"
	"  AND a.attnum > 0 AND NOT a.attisdropped"
	" JOIN pg_type t ON t.oid = a.atttypid"
	" JOIN pg_namespace tn ON tn.oid = t.typnamespace"
	" LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid"
	"  AND ad.adnum = a.attnum"
	" UNION ALL"
	" SELECT 'k', w.relname, co.conname::text,"
	" pg_get_expr(co.conbin, co.conrelid), NULL, NULL, NULL, NULL, NULL"
	" FROM w JOIN pg_constraint co ON co.conrelid = w.oid"
	"  AND co.contype = 'c'"
	" UNION ALL"
	" SELECT 'i', w.relname, ic.relname::text,"
	" pg_get_expr(i.indpred, i.indrelid), k.k::text,"
	" CASE WHEN i.indkey[k.k - 1] = 0"
	"  THEN pg_get_indexdef(i.indexrelid, k.k, false)"
	"  ELSE (SELECT a.attname::text FROM pg_attribute a"
	"   WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k.k - 1])"
	"  END, NULL, NULL, NULL"
	" FROM w JOIN pg_index i ON i.indrelid = w.oid"
	" JOIN pg_class ic ON ic.oid = i.indexrelid"
	" CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) k(k)";

typedef struct pg_norm {
	PGconn *conn;
	sd_schema *models;
	sd_error *err;
	sd_arena *tmp;
	const char **scratch; /* scratch schema names */
	const char **orig;    /* the model schema each stands for */
	size_t nscratch;
	size_t seq;           /* numbers scratch object names */
	/* In the names of scratch tables and indexes: every run's names are
	 * new, so the lookups by name never wade through the dead catalog
	 * rows that earlier (rolled back) runs left behind. */
	const char *tag;
} pg_norm;

/* One wide scratch table in scratch[0]. */
typedef struct norm_wide {
	sd_table t;
	sd_vec cols;    /* sd_column* */
	sd_vec checks;  /* sd_check* */
	sd_vec indexes; /* sd_index* */
	sd_map *shape;  /* shared table: column name -> type key */
	bool carrier;
} norm_wide;

typedef enum norm_kind {
	NORM_CARRIER,   /* a model column's default and/or RAW type */
	NORM_GENERATED, /* a model column's generation expression */
	NORM_CHECK,
	NORM_INDEX,
} norm_kind;

/* A model object waiting for the server's text of a scratch object. */
typedef struct norm_target {
	norm_kind kind;
	sd_column *col;
	sd_check *check;
	sd_index *index;
	struct norm_target *next; /* same scratch object (shared columns) */
} norm_target;

typedef struct norm_batch {
	sd_vec wides;     /* norm_wide* */
	norm_wide *carrier;
	sd_vec tables;    /* the model tables in this batch */
	sd_map *targets;  /* scratch key -> norm_target* */
	size_t locks;
} norm_batch;

/* Runs statements that return no rows; on failure an error naming what
 * (or nothing) with the server's message. */
static int server_error(pg_norm *nm, sd_code code, const char *object,
                        const char *doing, PGresult *res)
{
	sd_buf msg = SD_BUF_INIT;
	int rc;

	sd_pg_message(&msg, PQresultErrorMessage(res));
	rc = sd_error_add(nm->err, code, NULL, 0, 0, object, "%s: %s", doing,
	                  sd_buf_cstr(&msg));
	sd_buf_free(&msg);
	return rc;
}

#define NOT_COMPILING "the models do not compile on PostgreSQL"

static int norm_exec(pg_norm *nm, const char *sql, const char *what)
{
	PGresult *res = PQexec(nm->conn, sql);
	int rc = SD_OK;

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = server_error(nm, SD_EINPUT, what, NOT_COMPILING, res);
	PQclear(res);
	return rc;
}

static const char *scratch_for(const pg_norm *nm, const char *schema)
{
	size_t i;

	schema = sd_namespace_key(schema);
	for (i = 0; i < nm->nscratch; i++)
		if (sd_streq(nm->orig[i], schema))
			return nm->scratch[i];
	return schema; /* not a model schema: a live one, left alone */
}

static void add_nsp(pg_norm *nm, const char *schema)
{
	size_t i;

	schema = sd_namespace_key(schema);
	for (i = 0; i < nm->nscratch; i++)
		if (sd_streq(nm->orig[i], schema))
			return;
	nm->orig[nm->nscratch] = schema;
	nm->scratch[nm->nscratch] =
		sd_arena_printf(nm->tmp, "sd_norm_%s_%zu", nm->tag,
		                nm->nscratch);
	nm->nscratch++;
}

/*
 * The server qualifies names of scratch schemas that are not on the search
 * path ("'x'::sd_norm_1_2_1.status"); puts the model's schema back
 * ("'x'::billing.status"), or nothing for the default namespace. Returns a
 * copy in the models' arena.
 */
static const char *unscratch(const pg_norm *nm, const char *text)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = text, *out;
	size_t i;

	if (!text)
		return NULL;
	if (!strstr(text, "sd_norm_"))
		return sd_arena_strdup(nm->models->arena, text);
	while (*p) {
		bool hit = false;
		for (i = 0; i < nm->nscratch && !hit; i++) {
			size_t n = strlen(nm->scratch[i]);
			if (strncmp(p, nm->scratch[i], n) == 0 && p[n] == '.') {
				if (nm->orig[i])
					sd_buf_printf(&b, "%s.", nm->orig[i]);
				p += n + 1;
				hit = true;
			}
		}
		if (!hit)
			sd_buf_putc(&b, *p++);
	}
	out = sd_arena_strdup(nm->models->arena, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/* A copy of column src of t with nothing but its type (whose enum points
 * at the scratch twin), collation and generation expression. */
static sd_column *scratch_column(pg_norm *nm, const sd_table *t,
                                 const sd_column *src, const char *name)
{
	sd_column *col = sd_arena_alloc(nm->tmp, sizeof(*col));

	memset(col, 0, sizeof(*col));
	col->base = src->base;
	col->base.name = name;
	col->type = src->type;
	col->collation = src->collation;
	col->generated = src->generated;
	col->nullable = true;
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

/* Whether t has expressions that refer to its columns. */
static bool table_needs_shared(const sd_table *t)
{
	size_t i;

	if (t->nchecks)
		return true;
	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i]->generated.sql)
			return true;
	for (i = 0; i < t->nindexes; i++)
		if (index_has_expression(t->indexes[i]))
			return true;
	return false;
}

/* Whether the server has anything to say about t: an expression somewhere
 * or a type spelled in the database's own words. */
static bool table_needs_server(const sd_table *t)
{
	size_t i;

	if (table_needs_shared(t))
		return true;
	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i]->default_value.sql ||
		    t->columns[i]->type.kind == SD_T_RAW)
			return true;
	return false;
}

static size_t expression_indexes(const sd_table *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->nindexes; i++)
		if (index_has_expression(t->indexes[i]))
			n++;
	return n;
}

/* Two same-named columns can be one scratch column when this matches. */
static const char *type_key(pg_norm *nm, const sd_column *c)
{
	return sd_arena_printf(nm->tmp, "%d|%s|%d|%d|%d|%s|%s|%s",
	                       (int)c->type.kind,
	                       c->type.name ? c->type.name : "",
	                       c->type.length, c->type.precision,
	                       c->type.scale,
	                       c->type.enum_schema ? c->type.enum_schema : "",
	                       c->collation ? c->collation : "",
	                       c->generated.sql ? c->generated.sql : "");
}

static norm_wide *new_wide(pg_norm *nm, norm_batch *b, bool carrier)
{
	norm_wide *w = sd_arena_alloc(nm->tmp, sizeof(*w));

	memset(w, 0, sizeof(*w));
	w->t.base.kind = SD_OBJ_TABLE;
	w->t.base.schema = nm->scratch[0];
	w->t.base.name = sd_arena_printf(nm->tmp, "sd_w%s_%zu", nm->tag,
	                                 nm->seq++);
	w->carrier = carrier;
	if (!carrier)
		w->shape = sd_map_new(nm->tmp, 64);
	sd_vec_push(nm->tmp, &b->wides, w);
	b->locks += 3;
	return w;
}

static void add_target(pg_norm *nm, norm_batch *b, const char *key,
                       norm_kind kind, void *obj)
{
	norm_target *t = sd_arena_alloc(nm->tmp, sizeof(*t));

	memset(t, 0, sizeof(*t));
	t->kind = kind;
	if (kind == NORM_CHECK)
		t->check = obj;
	else if (kind == NORM_INDEX)
		t->index = obj;
	else
		t->col = obj;
	t->next = sd_map_get(b->targets, key);
	sd_map_put(b->targets, key, t);
}

/* The shared table where the n columns fit by name and type, or a new
 * one. */
static norm_wide *shared_for(pg_norm *nm, norm_batch *b, sd_column **cols,
                             const char **keys, size_t n)
{
	size_t i, j;

	for (i = 0; i < b->wides.n; i++) {
		norm_wide *w = b->wides.items[i];
		size_t fresh = 0;
		bool fits = !w->carrier;
		for (j = 0; fits && j < n; j++) {
			const char *have = sd_map_get(w->shape,
			                              cols[j]->base.name);
			if (!have)
				fresh++;
			else if (strcmp(have, keys[j]) != 0)
				fits = false;
		}
		if (fits && w->cols.n + fresh <= WIDE_COLUMNS)
			return w;
	}
	return new_wide(nm, b, false);
}

/* Adds the identifiers of an SQL expression to words: unquoted ones
 * folded to lower case, quoted ones as written. */
static void expression_words(pg_norm *nm, sd_map *words, const char *sql)
{
	sd_lexer lx;
	sd_token t;

	if (!sql)
		return;
	sd_lex_init(&lx, sql, strlen(sql), SD_SQL_POSTGRES, 0);
	while (sd_lex_next(&lx, &t)) {
		char *w;
		if (!sd_tok_is_name(&t))
			continue;
		w = sd_tok_ident(nm->tmp, &t, true);
		sd_map_put(words, w, w);
	}
}

/*
 * Whether column c of t can matter to t's expressions: it is generated,
 * or its name is one of the words of the checks, generated columns and
 * expression indexes (over-inclusive by design: a function named like a
 * column only costs a column). With all, every column does.
 */
static bool column_used(const sd_column *c, const sd_map *words, bool all)
{
	char lower[128];
	size_t k;

	if (all || c->generated.sql || sd_map_get(words, c->base.name))
		return true;
	for (k = 0; c->base.name[k] && k + 1 < sizeof(lower); k++)
		lower[k] = (char)((c->base.name[k] >= 'A' &&
		                   c->base.name[k] <= 'Z')
		                      ? c->base.name[k] - 'A' + 'a'
		                      : c->base.name[k]);
	lower[k] = '\0';
	return sd_map_get(words, lower) != NULL;
}

/* The words of every expression of t (see column_used). */
static sd_map *table_words(pg_norm *nm, const sd_table *t)
{
	sd_map *words = sd_map_new(nm->tmp, 16);
	size_t i, k;

	for (i = 0; i < t->nchecks; i++)
		expression_words(nm, words, t->checks[i]->expression.sql);
	for (i = 0; i < t->ncolumns; i++)
		expression_words(nm, words, t->columns[i]->generated.sql);
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		if (!index_has_expression(ix))
			continue;
		expression_words(nm, words, ix->where.sql);
		for (k = 0; k < ix->nkeys; k++) {
			if (ix->keys[k].column)
				sd_map_put(words, ix->keys[k].column,
				           (void *)ix->keys[k].column);
			expression_words(nm, words,
			                 ix->keys[k].expression.sql);
		}
		for (k = 0; k < ix->include.n; k++)
			sd_map_put(words, ix->include.items[k],
			           (void *)ix->include.items[k]);
	}
	return words;
}

/* Puts what t needs from the server into the batch: with all_columns,
 * every column of t goes to its shared table, not only those its
 * expressions name (the fallback when a batch fails). */
static void batch_add(pg_norm *nm, norm_batch *b, sd_table *t,
                      bool all_columns)
{
	size_t i, j;

	sd_vec_push(nm->tmp, &b->tables, t);
	for (i = 0; i < t->ncolumns; i++) {
		sd_column *c = t->columns[i], *sc;
		if (!c->default_value.sql && c->type.kind != SD_T_RAW)
			continue;
		if (!b->carrier || b->carrier->cols.n >= WIDE_COLUMNS)
			b->carrier = new_wide(nm, b, true);
		sc = scratch_column(nm, t, c,
		                    sd_arena_printf(nm->tmp, "sd_d%zu",
		                                    nm->seq++));
		sc->collation = NULL;
		sc->generated.sql = NULL;
		sc->default_value = c->default_value;
		sd_vec_push(nm->tmp, &b->carrier->cols, sc);
		add_target(nm, b,
		           sd_arena_printf(nm->tmp, "%s.%s",
		                           b->carrier->t.base.name,
		                           sc->base.name),
		           NORM_CARRIER, c);
	}
	if (table_needs_shared(t)) {
		const char **keys = sd_arena_alloc(
			nm->tmp, (t->ncolumns + 1) * sizeof(char *));
		sd_column **cols = sd_arena_alloc(
			nm->tmp, (t->ncolumns + 1) * sizeof(sd_column *));
		sd_column **orig = sd_arena_alloc(
			nm->tmp, (t->ncolumns + 1) * sizeof(sd_column *));
		sd_map *words = table_words(nm, t);
		size_t n = 0;
		norm_wide *w;
		for (i = 0; i < t->ncolumns; i++) {
			if (!column_used(t->columns[i], words, all_columns))
				continue;
			orig[n] = t->columns[i];
			cols[n] = scratch_column(nm, t, t->columns[i],
			                         t->columns[i]->base.name);
			keys[n] = type_key(nm, cols[n]);
			n++;
		}
		if (all_columns) {
			/* alone and under its own name, so that whole-row and
			 * table-qualified references resolve too */
			w = new_wide(nm, b, false);
			w->t.base.name = t->base.name;
		} else {
			w = shared_for(nm, b, cols, keys, n);
		}
		for (i = 0; i < n; i++) {
			const char *name = cols[i]->base.name;
			if (!sd_map_get(w->shape, name)) {
				sd_map_put(w->shape, name, (void *)keys[i]);
				sd_vec_push(nm->tmp, &w->cols, cols[i]);
			}
			if (cols[i]->generated.sql)
				add_target(nm, b,
				           sd_arena_printf(nm->tmp, "%s.%s",
				                           w->t.base.name, name),
				           NORM_GENERATED, orig[i]);
		}
		for (i = 0; i < t->nchecks; i++) {
			sd_check *ck = sd_arena_alloc(nm->tmp, sizeof(*ck));
			*ck = *t->checks[i];
			ck->base.name = sd_arena_printf(nm->tmp, "sd_k%zu",
			                                nm->seq++);
			ck->not_valid = false;
			ck->comment = NULL;
			sd_vec_push(nm->tmp, &w->checks, ck);
			add_target(nm, b, ck->base.name, NORM_CHECK,
			           t->checks[i]);
		}
		for (j = 0; j < t->nindexes; j++) {
			sd_index *ix;
			if (!index_has_expression(t->indexes[j]))
				continue;
			ix = sd_arena_alloc(nm->tmp, sizeof(*ix));
			*ix = *t->indexes[j];
			ix->base.schema = nm->scratch[0];
			ix->base.name = sd_arena_printf(nm->tmp, "sd_x%s_%zu",
			                                nm->tag,
			                                nm->seq++);
			ix->comment = NULL;
			sd_vec_push(nm->tmp, &w->indexes, ix);
			add_target(nm, b, ix->base.name, NORM_INDEX,
			           t->indexes[j]);
			b->locks++;
		}
	}
}

/* Appends the statements creating the batch's wide tables and indexes. */
static int batch_sql(pg_norm *nm, norm_batch *b, sd_buf *sql)
{
	size_t i, j;
	sd_op op;
	int rc;

	for (i = 0; i < b->wides.n; i++) {
		norm_wide *w = b->wides.items[i];
		w->t.columns = (sd_column **)w->cols.items;
		w->t.ncolumns = w->cols.n;
		w->t.checks = (sd_check **)w->checks.items;
		w->t.nchecks = w->checks.n;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_TABLE;
		op.table = op.table_new = &w->t;
		if ((rc = sd_dialect_postgres.emit_op(sql, &op, nm->err)) !=
		    SD_OK)
			return rc;
	}
	for (i = 0; i < b->wides.n; i++) {
		norm_wide *w = b->wides.items[i];
		for (j = 0; j < w->indexes.n; j++) {
			memset(&op, 0, sizeof(op));
			op.kind = SD_OP_CREATE_INDEX;
			op.table = &w->t;
			op.obj_new = &((sd_index *)w->indexes.items[j])->base;
			if ((rc = sd_dialect_postgres.emit_op(sql, &op,
			                                      nm->err)) != SD_OK)
				return rc;
		}
	}
	return SD_OK;
}

/* Copies the server's texts of the read-back rows into the models. */
static void batch_apply(pg_norm *nm, norm_batch *b, PGresult *res)
{
	sd_arena *a = nm->models->arena;
	int i;

	for (i = 0; i < PQntuples(res); i++) {
		const char *kind = cell(res, i, 0);
		const char *key = kind[0] == 'c'
		                      ? sd_arena_printf(nm->tmp, "%s.%s",
		                                        cell(res, i, 1),
		                                        cell(res, i, 2))
		                      : cell(res, i, 2);
		const char *text = unscratch(nm, cell(res, i, 3));
		norm_target *t;

		for (t = sd_map_get(b->targets, key); t; t = t->next) {
			if (t->kind == NORM_CARRIER) {
				sd_type type;
				const char *typtype = cell(res, i, 6);
				const char *def = unscratch(nm, cell(res, i, 4));
				size_t k;
				const char *nsp = cell(res, i, 7);
				for (k = 0; nsp && k < nm->nscratch; k++)
					if (strcmp(nsp, nm->scratch[k]) == 0)
						nsp = nm->orig[k] ? nm->orig[k]
						                  : sd_namespace_default();
				if (typtype && typtype[0] == 'e')
					sd_pg_type_from_catalog(
						a, text, sd_namespace_key(nsp),
						cell(res, i, 8), &type);
				else
					sd_pg_type_from_catalog(a, text, NULL,
					                        NULL, &type);
				if (t->col->default_value.sql && def)
					t->col->default_value.canon =
						sd_pg_canon_default(a, &type,
						                    def);
				if (t->col->type.kind == SD_T_RAW)
					t->col->type = type;
			} else if (t->kind == NORM_GENERATED) {
				const char *gen = cell(res, i, 5);
				if (gen && gen[0] == 's' && cell(res, i, 4))
					t->col->generated.canon =
						unscratch(nm, cell(res, i, 4));
			} else if (t->kind == NORM_CHECK) {
				t->check->expression.canon = text;
			} else if (t->kind == NORM_INDEX) {
				sd_index *ix = t->index;
				long k = atol(cell(res, i, 4)) - 1;
				if (ix->where.sql && text)
					ix->where.canon = text;
				if (k >= 0 && (size_t)k < ix->nkeys &&
				    ix->keys[k].expression.sql && cell(res, i, 5))
					ix->keys[k].expression.canon =
						unscratch(nm, cell(res, i, 5));
			}
		}
	}
}

/*
 * Creates one batch under a savepoint, reads it back and rolls it back:
 * two round trips. When the server refuses the batch, *failed is set and
 * nothing is applied; with name_errors (a batch of one table) the error
 * names the table instead.
 */
static int batch_run(pg_norm *nm, norm_batch *b, bool name_errors,
                     bool *failed)
{
	sd_buf sql = SD_BUF_INIT, names = SD_BUF_INIT;
	PGresult *res = NULL;
	const char *params[2];
	size_t i;
	int rc;

	*failed = false;
	sd_buf_put(&sql, "SAVEPOINT sd_norm_batch;\n");
	if ((rc = batch_sql(nm, b, &sql)) != SD_OK)
		goto done;
	res = PQexec(nm->conn, sd_buf_cstr(&sql));
	if (PQresultStatus(res) == PGRES_COMMAND_OK) {
		/* scratch names are plain: sd_w<tag>_<n> */
		sd_buf_putc(&names, '{');
		for (i = 0; i < b->wides.n; i++)
			sd_buf_printf(&names, "%s%s", i ? "," : "",
			              ((norm_wide *)b->wides.items[i])
			                      ->t.base.name);
		sd_buf_putc(&names, '}');
		params[0] = nm->scratch[0];
		params[1] = sd_buf_cstr(&names);
		PQclear(res);
		res = PQexecParams(nm->conn, q_scratch, 2, NULL, params, NULL,
		                   NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			rc = server_error(nm, SD_ERUNTIME, NULL,
			                  "reading the scratch schema back", res);
			goto done;
		}
		batch_apply(nm, b, res);
	} else if (name_errors) {
		const sd_table *t = b->tables.items[0];
		rc = server_error(nm, SD_EINPUT,
		                  sd_qualified_name(nm->tmp, t->base.schema,
		                                    t->base.name),
		                  NOT_COMPILING, res);
		goto done;
	} else {
		*failed = true;
	}
	rc = norm_exec(nm, "ROLLBACK TO SAVEPOINT sd_norm_batch", NULL);
done:
	PQclear(res);
	sd_buf_free(&sql);
	sd_buf_free(&names);
	return rc;
}

static void batch_init(pg_norm *nm, norm_batch *b)
{
	memset(b, 0, sizeof(*b));
	b->targets = sd_map_new(nm->tmp, 64);
}

/* Runs a batch; when the server refuses it, table by table, each alone
 * under its own name with all its columns, so that the error names the
 * table at fault and references to the table's own name resolve. */
static int batch_flush(pg_norm *nm, norm_batch *b)
{
	bool failed, alone_failed;
	size_t i;
	int rc;

	if (b->tables.n == 0)
		return SD_OK;
	rc = batch_run(nm, b, false, &failed);
	for (i = 0; rc == SD_OK && failed && i < b->tables.n; i++) {
		norm_batch one;
		batch_init(nm, &one);
		batch_add(nm, &one, b->tables.items[i], true);
		rc = batch_run(nm, &one, true, &alone_failed);
	}
	batch_init(nm, b);
	return rc;
}

static atomic_long norm_calls;

int sd_pg_normalize(sd_db *db, sd_schema *models, sd_error *err)
{
	PGconn *conn = sd_pg_conn(db);
	pg_norm nm;
	norm_batch batch;
	sd_buf sql = SD_BUF_INIT;
	size_t i, j, max, nwork = 0;
	int rc = SD_OK;
	bool began = false;

	memset(&nm, 0, sizeof(nm));
	nm.conn = conn;
	nm.models = models;
	nm.err = err;
	nm.tmp = sd_arena_new();
	/* unique per call: several threads may normalise on one database */
	nm.tag = sd_arena_printf(nm.tmp, "%ld_%ld_%ld", (long)getpid(),
	                         (long)time(NULL) % 100000,
	                         (long)atomic_fetch_add(&norm_calls, 1));

	for (i = 0; i < models->ntables; i++)
		if (table_needs_server(models->tables[i]))
			nwork++;
	if (nwork == 0)
		goto done;

	/* Every schema the models name gets a scratch twin. */
	max = 1 + models->ntables + models->nenums + models->namespaces.n;
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

	if ((rc = norm_exec(&nm, "BEGIN", NULL)) != SD_OK)
		goto done;
	began = true;
	for (i = 0; i < nm.nscratch; i++) {
		sd_buf_put(&sql, "CREATE SCHEMA ");
		sd_quote_ident_std(&sql, nm.scratch[i]);
		sd_buf_put(&sql, ";\n");
	}
	/* Unqualified names resolve to the default namespace's twin first,
	 * then along the session's own search path (functions, extensions,
	 * a tenant's schema). The twin is also current_schema(), which the
	 * read-back query relies on. SET LOCAL: it ends with the
	 * transaction, on whichever connection a pooler gave it. */
	{
		sd_buf twin = SD_BUF_INIT;
		sd_quote_ident_std(&twin, nm.scratch[0]);
		sd_buf_put(&sql, "SELECT set_config('search_path', ");
		sd_quote_literal_std(&sql, sd_buf_cstr(&twin));
		sd_buf_put(&sql, " || ', ' || current_setting('search_path'),"
		                 " true);\n");
		sd_buf_free(&twin);
	}
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

	batch_init(&nm, &batch);
	for (i = 0; i < models->ntables; i++) {
		sd_table *t = models->tables[i];
		/* worst case: a new carrier and a new shared table */
		size_t need = 6 + expression_indexes(t);
		if (!table_needs_server(t))
			continue;
		if (batch.locks + need > BATCH_LOCKS &&
		    (rc = batch_flush(&nm, &batch)) != SD_OK)
			goto done;
		batch_add(&nm, &batch, t, false);
	}
	rc = batch_flush(&nm, &batch);
done:
	if (began) {
		PGresult *res = PQexec(conn, "ROLLBACK");
		PQclear(res);
	}
	sd_buf_free(&sql);
	sd_arena_free(nm.tmp);
	return rc;
}
