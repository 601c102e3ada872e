/*
 * normalize/postgres.c - makes the models' expressions comparable with
 * what a PostgreSQL server stores, by asking the server.
 *
 * The server tells what it stores for an expression only once it stored
 * it, so the models' expressions are created in a scratch schema inside a
 * transaction that is always rolled back. Only what normalisation can
 * change goes there: defaults, generated columns, checks, index
 * expressions, predicates, operator classes, collations and parameters,
 * verbatim (RAW) types, and the enums they use; and of those only what
 * the live catalog does not already spell the same way (pg_live.c).
 * Models without any of that cost no round trip at all.
 *
 * Creating objects is what costs on a big catalog, so everything is packed
 * into a few wide scratch tables:
 *   - every default and RAW type becomes one column "sd_d<n>" of a carrier
 *     table (a default cannot refer to a column); the same default text on
 *     the same type is asked once;
 *   - a table with checks, generated columns or detailed indexes lends
 *     its columns, under their own names, to a shared table where no other
 *     table has a same-named column of another type; its checks
 *     ("sd_k<n>") and indexes ("sd_x<n>") go on that shared table and so
 *     see the same columns as in the model.
 * The wide tables come in runs of at most BATCH_LOCKS locks, each created
 * under a savepoint, read back and rolled back, which releases its locks:
 * max_locks_per_transaction's default holds whatever the size of the
 * models. All the runs go to the server as one script: one round trip.
 *
 * When the server refuses a run, the models hold an error (or an
 * expression that needs its table's own name). That run's tables are
 * created again one by one under their own names, every column, default,
 * check and index in a block of its own (a DO block that catches each
 * error), so each problem is reported at its line in the models with the
 * server's message, and whatever is right still gets its canonical form;
 * the later runs go on as before, in the same round trip.
 */
#include "normalize/pgnorm.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pg_query.h>

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
/* Locks one run may take: about three per table (itself, its TOAST
 * table and TOAST index) and one per index. */
#define BATCH_LOCKS 200

const char *sd_pgnorm_key(pg_norm *nm, const void *object)
{
	return sd_arena_printf(nm->tmp, "%p", object);
}

/*
 * Reads back what a run created: one row per column ('c'), check ('k')
 * index key ('i') and statistics expression ('s') of the tables named in
 * $rels in the schemas named in $nsps (both text[] literals spliced in:
 * the script has no parameters). Index keys come with their operator class and collation
 * where they are not the default (as the catalog reader has them), the
 * operator class's parameters, the index's storage parameters and, for
 * exclusion constraints, the operator. The first column's name carries
 * the run's number.
 */
static const char q_readback_head[] =
	"WITH w AS MATERIALIZED (SELECT c.oid, n.nspname::text AS nsp,"
	"  c.relname::text AS rel FROM pg_class c"
	"  JOIN pg_namespace n ON n.oid = c.relnamespace"
	"  WHERE c.relkind = 'r' AND n.nspname = ANY(";
static const char q_readback_mid[] = "::text[]) AND c.relname = ANY(";
static const char q_readback_run[] = "::text[])) SELECT 'c' AS ";
static const char q_readback_tail[] =
	", w.nsp, w.rel, a.attname::text,"
	" format_type(a.atttypid, a.atttypmod),"
	" pg_get_expr(ad.adbin, ad.adrelid), a.attgenerated::text,"
	" t.typtype::text, tn.nspname::text, t.typname::text,"
	" NULL, NULL, NULL"
	" FROM w JOIN pg_attribute a ON a.attrelid = w.oid"
	"  AND a.attnum > 0 AND NOT a.attisdropped"
	" JOIN pg_type t ON t.oid = a.atttypid"
	" JOIN pg_namespace tn ON tn.oid = t.typnamespace"
	" LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid"
	"  AND ad.adnum = a.attnum"
	" UNION ALL"
	" SELECT 'k', w.nsp, w.rel, co.conname::text,"
	" pg_get_expr(co.conbin, co.conrelid), NULL, NULL, NULL, NULL, NULL,"
	" NULL, NULL, NULL"
	" FROM w JOIN pg_constraint co ON co.conrelid = w.oid"
	"  AND co.contype = 'c'"
	" UNION ALL"
	" SELECT 'i', w.nsp, w.rel, ic.relname::text,"
	" pg_get_expr(i.indpred, i.indrelid), k.k::text,"
	" CASE WHEN i.indkey[k.k - 1] = 0"
	"  THEN pg_get_indexdef(i.indexrelid, k.k, false) END,"
	" (SELECT CASE WHEN NOT oc.opcdefault THEN"
	"   CASE WHEN pg_opclass_is_visible(oc.oid) THEN quote_ident(oc.opcname)"
	"   ELSE quote_ident(opn.nspname) || '.' || quote_ident(oc.opcname)"
	"   END END FROM pg_opclass oc"
	"  JOIN pg_namespace opn ON opn.oid = oc.opcnamespace"
	"  WHERE oc.oid = i.indclass[k.k - 1]),"
	" (SELECT cl.collname::text FROM pg_collation cl"
	"  WHERE cl.oid = i.indcollation[k.k - 1]"
	"  AND cl.oid <> COALESCE((SELECT NULLIF(ka.attcollation, 0)"
	"   FROM pg_attribute ka WHERE ka.attrelid = i.indrelid"
	"   AND ka.attnum = i.indkey[k.k - 1] AND i.indkey[k.k - 1] <> 0), 100)),"
	" (SELECT ia.attoptions::text FROM pg_attribute ia"
	"  WHERE ia.attrelid = i.indexrelid AND ia.attnum = k.k),"
	" ic.reloptions::text,"
	" (SELECT CASE WHEN pg_operator_is_visible(o.oid) THEN o.oprname::text"
	"   ELSE 'OPERATOR(' || quote_ident(xn.nspname) || '.' || o.oprname"
	"   || ')' END FROM pg_constraint x"
	"  JOIN pg_operator o ON o.oid = x.conexclop[k.k]"
	"  JOIN pg_namespace xn ON xn.oid = o.oprnamespace"
	"  WHERE x.conindid = i.indexrelid AND x.contype = 'x'), NULL"
	" FROM w JOIN pg_index i ON i.indrelid = w.oid"
	" JOIN pg_class ic ON ic.oid = i.indexrelid"
	" CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) k(k)"
	" UNION ALL"
	" SELECT 's', w.nsp, w.rel, s.stxname::text, e.x, e.n::text,"
	" NULL, NULL, NULL, NULL, NULL, NULL, NULL"
	" FROM w JOIN pg_statistic_ext s ON s.stxrelid = w.oid"
	" CROSS JOIN LATERAL unnest(pg_get_statisticsobjdef_expressions(s.oid))"
	"  WITH ORDINALITY e(x, n)";

/* One wide scratch table of a fast run, in scratch[0]. */
typedef struct norm_wide {
	sd_table t;
	sd_vec cols;    /* sd_column* */
	sd_vec checks;  /* sd_check* */
	sd_vec indexes; /* sd_index* */
	sd_vec stats;   /* sd_statistics* */
	sd_map *shape;  /* shared table: column name -> type key */
	sd_map *asked;  /* shared table: check text -> its scratch name */
	bool carrier;
} norm_wide;

typedef enum norm_kind {
	NORM_CARRIER,   /* a model column's default and/or RAW type */
	NORM_GENERATED, /* a model column's generation expression */
	NORM_CHECK,
	NORM_INDEX,
	NORM_STATS,     /* a model table's statistics' expressions */
} norm_kind;

/* A model object waiting for the server's text of a scratch object. */
typedef struct norm_target {
	norm_kind kind;
	sd_column *col;
	sd_check *check;
	sd_index *index;
	sd_statistics *stats;
	struct norm_target *next; /* same scratch object (shared columns) */
} norm_target;

/*
 * One step of an isolated run, for the error it may raise: where the
 * models say it, and what it is.
 */
typedef struct norm_item {
	const char *sql;
	sd_vec deps;        /* size_t indexes (1-based) of items it needs */
	const sd_loc *loc;
	const char *object; /* "users.email" */
	const char *what;   /* "type", "default", "check", ... */
} norm_item;

typedef struct norm_run {
	bool isolated;
	sd_vec wides;     /* fast: norm_wide* */
	norm_wide *carrier;
	sd_vec tables;    /* the model tables in this run */
	sd_map *targets;  /* "nsp|rel|name" -> norm_target* */
	sd_map *defaults; /* fast: type key + default text -> carrier key */
	sd_vec items;     /* isolated: norm_item* */
	sd_vec nsps, rels;/* isolated: what the read-back reads */
	size_t locks;
} norm_run;

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

const char *sd_pgn_scratch_for(const pg_norm *nm, const char *schema)
{
	return sd_pg_scratch_for(&nm->sc, schema); /* set by scratch_schemas */
}

static void add_nsp(void *ctx, const char *schema)
{
	pg_norm *nm = ctx;
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
 * ("'x'::billing.status"), or nothing for the default namespace; quoted
 * mentions ("sd_norm_1_2_1") become the model schema's name. Returns a
 * copy in a. Valid once scratch_schemas has named the twins.
 */
static const char *unscratch(const pg_norm *nm, sd_arena *a, const char *text)
{
	return sd_pg_unscratch_in(&nm->sc, a, text, true);
}

const char *sd_pgn_unscratch(const pg_norm *nm, const char *text)
{
	return unscratch(nm, nm->models->arena, text);
}

int sd_pgn_error(pg_norm *nm, sd_code code, const char *object,
                 const char *doing, PGresult *res)
{
	sd_buf msg = SD_BUF_INIT;
	int rc;

	sd_pg_message(&msg, PQresultErrorMessage(res));
	rc = sd_error_add(nm->err, code, NULL, 0, 0, object, "%s: %s", doing,
	                  unscratch(nm, nm->tmp, sd_buf_cstr(&msg)));
	sd_buf_free(&msg);
	return rc;
}

int sd_pgn_exec(pg_norm *nm, const char *sql, const char *what)
{
	PGresult *res = PQexec(nm->conn, sql);
	int rc = SD_OK;

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = sd_pgn_error(nm, SD_EINPUT, what,
		                  "the models do not compile on PostgreSQL",
		                  res);
	PQclear(res);
	return rc;
}

static const char *target_key(pg_norm *nm, const char *nsp, const char *rel,
                              const char *name)
{
	return sd_arena_printf(nm->tmp, "%s|%s|%s", nsp, rel, name);
}

/* ------------------------------------------------------------------ */
/* What needs the server                                               */
/* ------------------------------------------------------------------ */

static bool type_pending(pg_norm *nm, const sd_column *c)
{
	return c->type.kind == SD_T_RAW &&
	       !sd_map_get(nm->resolved, sd_pgnorm_key(nm, c));
}

static bool default_pending(const sd_column *c)
{
	return c->default_value.sql && !c->default_value.canon;
}

static bool generated_pending(const sd_column *c)
{
	return sd_column_x(c)->generated.sql && !sd_column_x(c)->generated.canon;
}

/* An index the server has something to say about: an expression or
 * predicate not yet canonical, or details the live catalog does not
 * spell alike. */
static bool index_pending(pg_norm *nm, const sd_index *ix)
{
	size_t k;
	bool details = ix->storage.with.n != 0;

	if (ix->where.sql && !ix->where.canon)
		return true;
	for (k = 0; k < ix->nkeys; k++) {
		const sd_index_key *key = &ix->keys[k];
		if (!key->column && !key->expression.canon)
			return true;
		if (key->opclass || key->collation || key->op ||
		    key->opclass_params.n)
			details = true;
	}
	return details && !sd_map_get(nm->resolved, sd_pgnorm_key(nm, ix));
}

/* Statistics whose expressions are not yet the server's text: created
 * on the shared table like an index (only in fast runs: an isolated run
 * leaves them to the folded comparison). */
static bool stats_pending(const sd_statistics *st)
{
	size_t k;

	for (k = 0; k < st->nexpressions; k++)
		if (!st->expressions[k].canon)
			return true;
	return false;
}

/* Whether t has anything for a shared table (expressions that refer to
 * its columns). */
static bool table_needs_shared(pg_norm *nm, const sd_table *t)
{
	size_t i;

	for (i = 0; i < t->nstatistics; i++)
		if (stats_pending(t->statistics[i]))
			return true;
	for (i = 0; i < t->nchecks; i++)
		if (!t->checks[i]->expression.canon)
			return true;
	for (i = 0; i < t->ncolumns; i++)
		if (generated_pending(t->columns[i]))
			return true;
	for (i = 0; i < t->nindexes; i++)
		if (index_pending(nm, t->indexes[i]))
			return true;
	return false;
}

static bool table_needs_server(pg_norm *nm, const sd_table *t)
{
	size_t i;

	if (table_needs_shared(nm, t))
		return true;
	for (i = 0; i < t->ncolumns; i++)
		if (default_pending(t->columns[i]) ||
		    type_pending(nm, t->columns[i]))
			return true;
	return false;
}

static size_t pending_indexes(pg_norm *nm, const sd_table *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->nindexes; i++)
		if (index_pending(nm, t->indexes[i]))
			n++;
	return n;
}

/* ------------------------------------------------------------------ */
/* Scratch objects                                                     */
/* ------------------------------------------------------------------ */

/* A copy of column src of t with nothing but its type (whose enum points
 * at the scratch twin), collation and generation expression. */
sd_column *sd_pgn_scratch_column(pg_norm *nm, const sd_table *t,
                                 const sd_column *src, const char *name)
{
	sd_column *col = sd_arena_alloc(nm->tmp, sizeof(*col));

	memset(col, 0, sizeof(*col));
	col->base = src->base;
	col->base.name = name;
	col->type = src->type;
	if (sd_column_x(src)->collation || sd_column_x(src)->generated.sql) {
		sd_column_ext *x = sd_column_xw(nm->tmp, col);
		x->collation = sd_column_x(src)->collation;
		x->generated = sd_column_x(src)->generated;
	}
	col->nullable = true;
	if (col->type.kind == SD_T_ENUM) {
		const char *es = col->type.enum_schema;
		if (!es && t->base.schema &&
		    sd_schema_find_enum(nm->models, t->base.schema,
		                        col->type.name))
			es = t->base.schema;
		col->type.enum_schema = sd_pgn_scratch_for(nm, es);
	} else if (col->type.kind == SD_T_RAW) {
		/* a type of another model schema: its twin's */
		col->type.name = sd_pg_scratch_type(&nm->sc, col->type.name);
	}
	return col;
}

/* A copy of model index ix as a scratch index named name, in schema. */
static sd_index *scratch_index(pg_norm *nm, const sd_index *ix,
                               const char *schema, const char *name)
{
	sd_index *x = sd_arena_alloc(nm->tmp, sizeof(*x));

	*x = *ix;
	x->base.schema = schema;
	x->base.name = name;
	x->comment = NULL;
	x->storage.tablespace = NULL;
	x->where.sql = sd_pgn_to_scratch(nm, ix->where.sql);
	if (ix->nkeys) {
		size_t k;
		x->keys = sd_arena_alloc(nm->tmp, ix->nkeys * sizeof(*x->keys));
		for (k = 0; k < ix->nkeys; k++) {
			x->keys[k] = ix->keys[k];
			x->keys[k].expression.sql = sd_pgn_to_scratch(
				nm, ix->keys[k].expression.sql);
			x->keys[k].opclass =
				sd_pgn_to_scratch(nm, ix->keys[k].opclass);
		}
	}
	return x;
}

/* A copy of model statistics st as scratch statistics named name, in
 * schema: its kinds, columns and expressions only. */
static sd_statistics *scratch_stats(pg_norm *nm, const sd_statistics *st,
                                    const char *schema, const char *name)
{
	sd_statistics *x = sd_arena_alloc(nm->tmp, sizeof(*x));
	size_t k;

	*x = *st;
	x->base.schema = schema;
	x->base.name = name;
	x->comment = NULL;
	x->target_set = false;
	x->expressions = sd_arena_alloc(nm->tmp, (st->nexpressions + 1) *
	                                             sizeof(*x->expressions));
	for (k = 0; k < st->nexpressions; k++) {
		x->expressions[k] = st->expressions[k];
		x->expressions[k].sql =
			sd_pgn_to_scratch(nm, st->expressions[k].sql);
	}
	return x;
}

static sd_check *scratch_check(pg_norm *nm, const sd_check *src,
                               const char *name)
{
	sd_check *ck = sd_arena_alloc(nm->tmp, sizeof(*ck));

	*ck = *src;
	ck->base.name = name;
	ck->not_valid = false;
	ck->comment = NULL;
	ck->expression.sql = sd_pgn_to_scratch(nm, src->expression.sql);
	return ck;
}

static void run_init(pg_norm *nm, norm_run *b, bool isolated)
{
	memset(b, 0, sizeof(*b));
	b->isolated = isolated;
	b->targets = sd_map_new(nm->tmp, 64);
	b->defaults = sd_map_new(nm->tmp, 64);
}

static void add_target(pg_norm *nm, norm_run *b, const char *key,
                       norm_kind kind, void *obj)
{
	norm_target *t = sd_arena_alloc(nm->tmp, sizeof(*t));

	memset(t, 0, sizeof(*t));
	t->kind = kind;
	if (kind == NORM_CHECK)
		t->check = obj;
	else if (kind == NORM_INDEX)
		t->index = obj;
	else if (kind == NORM_STATS)
		t->stats = obj;
	else
		t->col = obj;
	t->next = sd_map_get(b->targets, key);
	sd_map_put(b->targets, key, t);
}

/* ------------------------------------------------------------------ */
/* Fast runs: wide tables                                              */
/* ------------------------------------------------------------------ */

/* Two same-named columns can be one scratch column when this matches. */
static const char *type_key(pg_norm *nm, const sd_column *c)
{
	return sd_arena_printf(nm->tmp, "%d|%s|%d|%d|%d|%s|%s|%s",
	                       (int)c->type.kind,
	                       c->type.name ? c->type.name : "",
	                       c->type.length, c->type.precision,
	                       c->type.scale,
	                       c->type.enum_schema ? c->type.enum_schema : "",
	                       sd_column_x(c)->collation ? sd_column_x(c)->collation : "",
	                       sd_column_x(c)->generated.sql ? sd_column_x(c)->generated.sql : "");
}

static norm_wide *new_wide(pg_norm *nm, norm_run *b, bool carrier)
{
	norm_wide *w = sd_arena_alloc(nm->tmp, sizeof(*w));

	memset(w, 0, sizeof(*w));
	w->t.base.kind = SD_OBJ_TABLE;
	w->t.base.schema = nm->scratch[0];
	w->t.base.name = sd_arena_printf(nm->tmp, "sd_w%s_%zu", nm->tag,
	                                 nm->seq++);
	w->carrier = carrier;
	if (!carrier) {
		w->shape = sd_map_new(nm->tmp, 64);
		w->asked = sd_map_new(nm->tmp, 16);
	}
	sd_vec_push(nm->tmp, &b->wides, w);
	b->locks += 3;
	return w;
}

/* The shared table where the n columns fit by name and type, or a new
 * one. */
static norm_wide *shared_for(pg_norm *nm, norm_run *b, sd_column **cols,
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
 * indexes (over-inclusive by design: a function named like a column only
 * costs a column).
 */
static bool column_used(const sd_column *c, const sd_map *words)
{
	char lower[128];
	size_t k;

	if (sd_column_x(c)->generated.sql || sd_map_get(words, c->base.name))
		return true;
	for (k = 0; c->base.name[k] && k + 1 < sizeof(lower); k++)
		lower[k] = (char)((c->base.name[k] >= 'A' &&
		                   c->base.name[k] <= 'Z')
		                      ? c->base.name[k] - 'A' + 'a'
		                      : c->base.name[k]);
	lower[k] = '\0';
	return sd_map_get(words, lower) != NULL;
}

/* The columns and expression words of index ix into words. */
static void index_words_into(pg_norm *nm, sd_map *words, const sd_index *ix)
{
	size_t k;

	expression_words(nm, words, ix->where.sql);
	for (k = 0; k < ix->nkeys; k++) {
		if (ix->keys[k].column)
			sd_map_put(words, ix->keys[k].column,
			           (void *)ix->keys[k].column);
		expression_words(nm, words, ix->keys[k].expression.sql);
	}
	for (k = 0; k < ix->include.n; k++)
		sd_map_put(words, ix->include.items[k],
		           (void *)ix->include.items[k]);
}

static sd_map *index_words(pg_norm *nm, const sd_index *ix)
{
	sd_map *words = sd_map_new(nm->tmp, 8);

	index_words_into(nm, words, ix);
	return words;
}

/* The words of every expression of t that goes to the server. */
static sd_map *table_words(pg_norm *nm, const sd_table *t)
{
	sd_map *words = sd_map_new(nm->tmp, 16);
	size_t i;

	for (i = 0; i < t->nchecks; i++)
		expression_words(nm, words, t->checks[i]->expression.sql);
	for (i = 0; i < t->ncolumns; i++)
		expression_words(nm, words, sd_column_x(t->columns[i])->generated.sql);
	for (i = 0; i < t->nindexes; i++)
		if (index_pending(nm, t->indexes[i]))
			index_words_into(nm, words, t->indexes[i]);
	for (i = 0; i < t->nstatistics; i++) {
		const sd_statistics *st = t->statistics[i];
		size_t k;
		if (!stats_pending(st))
			continue;
		for (k = 0; k < st->columns.n; k++)
			sd_map_put(words, st->columns.items[k],
			           (void *)st->columns.items[k]);
		for (k = 0; k < st->nexpressions; k++)
			expression_words(nm, words, st->expressions[k].sql);
	}
	return words;
}

/* The defaults and verbatim types of t into the run's carrier tables;
 * the same default on the same type is asked once. */
static void carry_columns(pg_norm *nm, norm_run *b, sd_table *t)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++) {
		sd_column *c = t->columns[i], *sc;
		const char *dkey = NULL, *key;
		if (!default_pending(c) && !type_pending(nm, c))
			continue;
		if (default_pending(c) || !type_pending(nm, c))
			dkey = sd_arena_printf(nm->tmp, "%s|%s|%s",
			                       type_key(nm, c),
			                       default_pending(c)
			                               ? c->default_value.sql
			                               : "",
			                       t->base.schema ? t->base.schema
			                                      : "");
		else
			dkey = sd_arena_printf(nm->tmp, "%s|", type_key(nm, c));
		key = sd_map_get(b->defaults, dkey);
		if (key) {
			add_target(nm, b, key, NORM_CARRIER, c);
			continue;
		}
		if (!b->carrier || b->carrier->cols.n >= WIDE_COLUMNS)
			b->carrier = new_wide(nm, b, true);
		sc = sd_pgn_scratch_column(nm, t, c,
		                    sd_arena_printf(nm->tmp, "sd_d%zu",
		                                    nm->seq++));
		if (sc->ext) {
			sd_column_ext *x = sd_column_xw(nm->tmp, sc);
			x->collation = NULL;
			x->generated.sql = NULL;
		}
		if (default_pending(c)) {
			sc->default_value = c->default_value;
			sc->default_value.sql =
				sd_pgn_to_scratch(nm, c->default_value.sql);
		}
		sd_vec_push(nm->tmp, &b->carrier->cols, sc);
		key = target_key(nm, nm->scratch[0], b->carrier->t.base.name,
		                 sc->base.name);
		sd_map_put(b->defaults, dkey, (void *)key);
		add_target(nm, b, key, NORM_CARRIER, c);
	}
}

/* Puts what t needs from the server into a fast run. */
static void fast_add(pg_norm *nm, norm_run *b, sd_table *t)
{
	size_t i, j, n = 0;
	const char **keys;
	sd_column **cols, **orig;
	sd_map *words;
	norm_wide *w;

	sd_vec_push(nm->tmp, &b->tables, t);
	carry_columns(nm, b, t);
	if (!table_needs_shared(nm, t))
		return;
	keys = sd_arena_alloc(nm->tmp, (t->ncolumns + 1) * sizeof(char *));
	cols = sd_arena_alloc(nm->tmp, (t->ncolumns + 1) * sizeof(sd_column *));
	orig = sd_arena_alloc(nm->tmp, (t->ncolumns + 1) * sizeof(sd_column *));
	words = table_words(nm, t);
	for (i = 0; i < t->ncolumns; i++) {
		if (!column_used(t->columns[i], words))
			continue;
		orig[n] = t->columns[i];
		cols[n] = sd_pgn_scratch_column(nm, t, t->columns[i],
		                         t->columns[i]->base.name);
		keys[n] = type_key(nm, cols[n]);
		n++;
	}
	w = shared_for(nm, b, cols, keys, n);
	for (i = 0; i < n; i++) {
		const char *name = cols[i]->base.name;
		if (!sd_map_get(w->shape, name)) {
			sd_map_put(w->shape, name, (void *)keys[i]);
			sd_vec_push(nm->tmp, &w->cols, cols[i]);
		}
		if (generated_pending(orig[i]))
			add_target(nm, b,
			           target_key(nm, nm->scratch[0],
			                      w->t.base.name, name),
			           NORM_GENERATED, orig[i]);
	}
	for (i = 0; i < t->nchecks; i++) {
		const char *text = t->checks[i]->expression.sql;
		const char *name;
		if (t->checks[i]->expression.canon)
			continue;
		/* the same check text on the same columns: asked once */
		name = sd_map_get(w->asked, text);
		if (!name) {
			name = sd_arena_printf(nm->tmp, "sd_k%zu", nm->seq++);
			sd_map_put(w->asked, text, (void *)name);
			sd_vec_push(nm->tmp, &w->checks,
			            scratch_check(nm, t->checks[i], name));
		}
		add_target(nm, b,
		           target_key(nm, nm->scratch[0], w->t.base.name, name),
		           NORM_CHECK, t->checks[i]);
	}
	for (j = 0; j < t->nindexes; j++) {
		const char *name;
		if (!index_pending(nm, t->indexes[j]))
			continue;
		name = sd_arena_printf(nm->tmp, "sd_x%s_%zu", nm->tag,
		                       nm->seq++);
		sd_vec_push(nm->tmp, &w->indexes,
		            scratch_index(nm, t->indexes[j], nm->scratch[0],
		                          name));
		add_target(nm, b,
		           target_key(nm, nm->scratch[0], w->t.base.name, name),
		           NORM_INDEX, t->indexes[j]);
		b->locks++;
	}
	for (j = 0; j < t->nstatistics; j++) {
		const char *name;
		if (!stats_pending(t->statistics[j]))
			continue;
		name = sd_arena_printf(nm->tmp, "sd_s%s_%zu", nm->tag,
		                       nm->seq++);
		sd_vec_push(nm->tmp, &w->stats,
		            scratch_stats(nm, t->statistics[j], nm->scratch[0],
		                          name));
		add_target(nm, b,
		           target_key(nm, nm->scratch[0], w->t.base.name, name),
		           NORM_STATS, t->statistics[j]);
	}
}

static int emit(pg_norm *nm, sd_buf *sql, sd_op *op)
{
	return sd_dialect_postgres.emit_op(sql, op, nm->err);
}

/* The statements creating a fast run's wide tables and indexes. */
static int fast_sql(pg_norm *nm, norm_run *b, sd_buf *sql)
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
		if ((rc = emit(nm, sql, &op)) != SD_OK)
			return rc;
	}
	for (i = 0; i < b->wides.n; i++) {
		norm_wide *w = b->wides.items[i];
		for (j = 0; j < w->indexes.n; j++) {
			memset(&op, 0, sizeof(op));
			op.kind = SD_OP_CREATE_INDEX;
			op.table = &w->t;
			op.obj_new = &((sd_index *)w->indexes.items[j])->base;
			if ((rc = emit(nm, sql, &op)) != SD_OK)
				return rc;
		}
		for (j = 0; j < w->stats.n; j++) {
			memset(&op, 0, sizeof(op));
			op.kind = SD_OP_CREATE_OBJECT;
			op.table = &w->t;
			op.obj_new =
				&((sd_statistics *)w->stats.items[j])->base;
			if ((rc = emit(nm, sql, &op)) != SD_OK)
				return rc;
		}
	}
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Isolated runs: each table alone, each step in its own block         */
/* ------------------------------------------------------------------ */

static size_t add_item(pg_norm *nm, norm_run *b, sd_buf *sql,
                       const sd_loc *loc, const char *object,
                       const char *what)
{
	norm_item *it = sd_arena_alloc(nm->tmp, sizeof(*it));

	memset(it, 0, sizeof(*it));
	it->sql = sd_arena_strdup(nm->tmp, sd_buf_cstr(sql));
	it->loc = loc;
	it->object = object;
	it->what = what;
	sd_vec_push(nm->tmp, &b->items, it);
	sd_buf_truncate(sql, 0);
	return b->items.n;
}

static void add_dep(pg_norm *nm, norm_run *b, size_t item, size_t dep)
{
	norm_item *it = b->items.items[item - 1];

	if (dep)
		sd_vec_push(nm->tmp, &it->deps, (void *)(uintptr_t)dep);
}

static void push_unique(pg_norm *nm, sd_vec *v, const char *s)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->items[i], s) == 0)
			return;
	sd_vec_push(nm->tmp, v, (void *)s);
}

/*
 * Puts model table t into an isolated run: created under its own name in
 * its schema's twin, then every column, default, check and index as a
 * step of its own that needs the steps it builds on.
 */
static int isolated_add(pg_norm *nm, norm_run *b, sd_table *t)
{
	const char *nsp = sd_pgn_scratch_for(nm, t->base.schema);
	const char *tq = sd_qualified_name(nm->tmp, t->base.schema,
	                                   t->base.name);
	sd_table st;
	sd_buf sql = SD_BUF_INIT;
	size_t *colitem = sd_arena_alloc(nm->tmp,
	                                 (t->ncolumns + 1) * sizeof(size_t));
	size_t create, i, k, pass;
	sd_map *words;
	sd_op op;
	int rc = SD_OK;

	memset(&st, 0, sizeof(st));
	st.base = t->base;
	st.base.schema = nsp;
	sd_vec_push(nm->tmp, &b->tables, t);
	push_unique(nm, &b->nsps, nsp);
	push_unique(nm, &b->rels, t->base.name);
	b->locks += 3 + t->nindexes;
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_CREATE_TABLE;
	op.table = op.table_new = &st;
	if ((rc = emit(nm, &sql, &op)) != SD_OK)
		goto done;
	create = add_item(nm, b, &sql, &t->base.loc, tq, "table");
	/* plain columns first: generated ones read them */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < t->ncolumns; i++) {
			sd_column *c = t->columns[i], *sc;
			if (!sd_column_x(c)->generated.sql != !pass)
				continue;
			sc = sd_pgn_scratch_column(nm, t, c, c->base.name);
			memset(&op, 0, sizeof(op));
			op.kind = SD_OP_ADD_COLUMN;
			op.table = &st;
			op.column_new = sc;
			if ((rc = emit(nm, &sql, &op)) != SD_OK)
				goto done;
			colitem[i] = add_item(
				nm, b, &sql, &c->base.loc,
				sd_qualified_name(nm->tmp, tq, c->base.name),
				sd_column_x(c)->generated.sql ? "generated" : "type");
			add_dep(nm, b, colitem[i], create);
			for (k = 0; pass && k < t->ncolumns; k++)
				if (!sd_column_x(t->columns[k])->generated.sql)
					add_dep(nm, b, colitem[i], colitem[k]);
			if (sd_column_x(c)->generated.sql)
				add_target(nm, b,
				           target_key(nm, nsp, t->base.name,
				                      c->base.name),
				           NORM_GENERATED, c);
			if (type_pending(nm, c) || default_pending(c))
				add_target(nm, b,
				           target_key(nm, nsp, t->base.name,
				                      c->base.name),
				           NORM_CARRIER, c);
		}
	}
	for (i = 0; i < t->ncolumns; i++) {
		sd_column *c = t->columns[i];
		size_t it;
		/* a default already canonical (a nextval of a sequence the
		 * models create, canon_nextval) has nothing to ask */
		if (!default_pending(c) || sd_column_x(c)->generated.sql)
			continue;
		sd_buf_put(&sql, "ALTER TABLE ");
		sd_emit_qualified(&sql, &sd_dialect_postgres, nsp,
		                  t->base.name);
		sd_buf_put(&sql, " ALTER COLUMN ");
		sd_quote_ident_std(&sql, c->base.name);
		sd_buf_printf(&sql, " SET DEFAULT %s;\n",
		              sd_pgn_to_scratch(nm, c->default_value.sql));
		it = add_item(nm, b, &sql, &c->base.loc,
		              sd_qualified_name(nm->tmp, tq, c->base.name),
		              "default");
		add_dep(nm, b, it, colitem[i]);
	}
	for (i = 0; i < t->nchecks; i++) {
		size_t it;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_ADD_CONSTRAINT;
		op.table = &st;
		op.obj_new = &scratch_check(nm, t->checks[i],
		                            t->checks[i]->base.name)->base;
		if ((rc = emit(nm, &sql, &op)) != SD_OK)
			goto done;
		it = add_item(nm, b, &sql, &t->checks[i]->base.loc,
		              sd_qualified_name(nm->tmp, tq,
		                                t->checks[i]->base.name),
		              "check");
		words = sd_map_new(nm->tmp, 8);
		expression_words(nm, words, t->checks[i]->expression.sql);
		for (k = 0; k < t->ncolumns; k++)
			if (column_used(t->columns[k], words))
				add_dep(nm, b, it, colitem[k]);
		add_target(nm, b,
		           target_key(nm, nsp, t->base.name,
		                      t->checks[i]->base.name),
		           NORM_CHECK, t->checks[i]);
	}
	for (i = 0; i < t->nindexes; i++) {
		sd_index *ix = t->indexes[i];
		size_t it;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_INDEX;
		op.table = &st;
		op.obj_new = &scratch_index(nm, ix, nsp, ix->base.name)->base;
		if ((rc = emit(nm, &sql, &op)) != SD_OK)
			goto done;
		it = add_item(nm, b, &sql, &ix->base.loc,
		              sd_qualified_name(nm->tmp, tq, ix->base.name),
		              ix->exclusion ? "exclusion constraint" : "index");
		words = index_words(nm, ix);
		for (k = 0; k < t->ncolumns; k++)
			if (column_used(t->columns[k], words))
				add_dep(nm, b, it, colitem[k]);
		add_target(nm, b, target_key(nm, nsp, t->base.name,
		                             ix->base.name),
		           NORM_INDEX, ix);
	}
done:
	sd_buf_free(&sql);
	return rc;
}

/*
 * The DO block of an isolated run: each step in a block of its own that
 * catches its error; a step whose prerequisite failed is skipped. The
 * failures ("<step>\x1f<message>\x1e"...) are left in the setting
 * sd.norm_failed for the SELECT that follows.
 */
static void isolated_sql(pg_norm *nm, norm_run *b, sd_buf *sql)
{
	sd_buf body = SD_BUF_INIT;
	const char *tag;
	size_t i, d, n = 0;

	sd_buf_put(&body,
	           "DECLARE r record; failed int[] := '{}'; out text := '';\n"
	           "BEGIN\n FOR r IN SELECT * FROM (VALUES\n");
	for (i = 0; i < b->items.n; i++) {
		const norm_item *it = b->items.items[i];
		sd_buf_printf(&body, "%s (%zu, ", i ? ",\n" : "", i + 1);
		sd_quote_literal_std(&body, it->sql);
		sd_buf_put(&body, ", '{");
		for (d = 0; d < it->deps.n; d++)
			sd_buf_printf(&body, "%s%zu", d ? "," : "",
			              (size_t)(uintptr_t)it->deps.items[d]);
		sd_buf_put(&body, "}'::int[])");
	}
	sd_buf_put(&body,
	           ") v(i, stmt, deps) ORDER BY i LOOP\n"
	           "  IF r.deps && failed THEN failed := failed || r.i;"
	           " CONTINUE; END IF;\n"
	           "  BEGIN EXECUTE r.stmt;\n"
	           "  EXCEPTION WHEN OTHERS THEN failed := failed || r.i;\n"
	           "   out := out || r.i || chr(31) || SQLERRM || chr(30);\n"
	           "  END;\n END LOOP;\n"
	           " PERFORM set_config('sd.norm_failed', out, true);\nEND");
	/* a dollar-quote tag the body does not hold */
	do
		tag = sd_arena_printf(nm->tmp, "$sd%zu$", n++);
	while (strstr(sd_buf_cstr(&body), tag));
	sd_buf_printf(sql, "DO %s\n%s\n%s;\n", tag, sd_buf_cstr(&body), tag);
	sd_buf_put(sql, "SELECT current_setting('sd.norm_failed') AS "
	                "sd_failed;\n");
	sd_buf_free(&body);
}

/* ------------------------------------------------------------------ */
/* Reading back                                                        */
/* ------------------------------------------------------------------ */

static void text_array(sd_buf *out, const sd_vec *v)
{
	sd_buf lit = SD_BUF_INIT;
	size_t i;

	sd_buf_putc(&lit, '{');
	for (i = 0; i < v->n; i++) {
		const char *p;
		sd_buf_put(&lit, i ? ",\"" : "\"");
		for (p = v->items[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				sd_buf_putc(&lit, '\\');
			sd_buf_putc(&lit, *p);
		}
		sd_buf_putc(&lit, '"');
	}
	sd_buf_putc(&lit, '}');
	sd_quote_literal_std(out, sd_buf_cstr(&lit));
	sd_buf_free(&lit);
}

/* The read-back of run number i: its first column is named sd_run<i>. */
static void readback_sql(pg_norm *nm, const norm_run *b, size_t i,
                         sd_buf *sql)
{
	sd_vec nsps = {NULL, 0, 0}, rels = {NULL, 0, 0};
	size_t k;

	if (b->isolated) {
		nsps = b->nsps;
		rels = b->rels;
	} else {
		sd_vec_push(nm->tmp, &nsps, (void *)nm->scratch[0]);
		for (k = 0; k < b->wides.n; k++)
			sd_vec_push(nm->tmp, &rels,
			            (void *)((norm_wide *)b->wides.items[k])
			                    ->t.base.name);
	}
	sd_buf_put(sql, q_readback_head);
	text_array(sql, &nsps);
	sd_buf_put(sql, q_readback_mid);
	text_array(sql, &rels);
	sd_buf_printf(sql, "%ssd_run%zu%s;\n", q_readback_run, i,
	              q_readback_tail);
}

/* Copies the server's index details of one read-back key row into the
 * model index. */
static void apply_index_key(pg_norm *nm, sd_index *ix, PGresult *res, int row)
{
	sd_arena *a = nm->models->arena;
	long k = atol(cell(res, row, 5)) - 1;
	const char *text = unscratch(nm, a, cell(res, row, 4));
	sd_index_key *key;
	sd_strlist params = {NULL, 0}, with = {NULL, 0};

	if (ix->where.sql && text)
		ix->where.canon = text;
	if (k < 0 || (size_t)k >= ix->nkeys)
		return;
	key = &ix->keys[k];
	if (key->expression.sql && cell(res, row, 6))
		key->expression.canon = unscratch(nm, a, cell(res, row, 6));
	key->opclass = unscratch(nm, a, cell(res, row, 7));
	key->collation = sd_arena_strdup(a, cell(res, row, 8));
	sd_options_parse(a, cell(res, row, 9), &params);
	key->opclass_params = params;
	if (key->op && cell(res, row, 11))
		key->op = unscratch(nm, a, cell(res, row, 11));
	if (k == 0) {
		sd_options_parse_ordered(a, cell(res, row, 10), &with);
		ix->storage.with = with;
	}
}

/* A model column's type and default as the carrier column has them. */
static void apply_carrier(pg_norm *nm, sd_column *col, PGresult *res,
                          int row)
{
	sd_arena *a = nm->models->arena;
	const char *text = unscratch(nm, nm->tmp, cell(res, row, 4));
	const char *typtype = cell(res, row, 7);
	const char *def = unscratch(nm, a, cell(res, row, 5));
	const char *nsp = cell(res, row, 8);
	sd_type type;
	size_t k;

	for (k = 0; nsp && k < nm->nscratch; k++)
		if (strcmp(nsp, nm->scratch[k]) == 0)
			nsp = nm->orig[k] ? nm->orig[k] : sd_namespace_default();
	if (typtype && typtype[0] == 'e')
		sd_pg_type_from_catalog(a, text, sd_namespace_key(nsp),
		                        cell(res, row, 9), &type);
	else
		sd_pg_type_from_catalog(a, text, NULL, NULL, &type);
	if (col->default_value.sql && def)
		col->default_value.canon = sd_pg_canon_default(a, &type, def);
	if (col->type.kind == SD_T_RAW)
		col->type = type;
}

/* Copies the server's texts of the read-back rows into the models. */
static void readback_apply(pg_norm *nm, norm_run *b, PGresult *res)
{
	sd_arena *a = nm->models->arena;
	int i;

	for (i = 0; i < PQntuples(res); i++) {
		const char *key = target_key(nm, cell(res, i, 1),
		                             cell(res, i, 2), cell(res, i, 3));
		norm_target *t;

		for (t = sd_map_get(b->targets, key); t; t = t->next) {
			if (t->kind == NORM_CARRIER) {
				apply_carrier(nm, t->col, res, i);
			} else if (t->kind == NORM_GENERATED) {
				const char *gen = cell(res, i, 6);
				if (gen && gen[0] == 's' && cell(res, i, 5))
					sd_column_xw(a, t->col)->generated.canon =
						unscratch(nm, a, cell(res, i, 5));
			} else if (t->kind == NORM_CHECK) {
				t->check->expression.canon =
					unscratch(nm, a, cell(res, i, 4));
			} else if (t->kind == NORM_INDEX) {
				apply_index_key(nm, t->index, res, i);
			} else if (t->kind == NORM_STATS) {
				long k = atol(cell(res, i, 5)) - 1;
				if (k >= 0 &&
				    (size_t)k < t->stats->nexpressions &&
				    cell(res, i, 4))
					t->stats->expressions[k].canon =
						unscratch(nm, a, cell(res, i, 4));
			}
		}
	}
}

/* The failures an isolated run left ("3\x1fmessage\x1e..."), reported
 * at their lines in the models. */
static void report_failures(pg_norm *nm, norm_run *b, const char *text)
{
	const char *p = text;

	while (p && *p) {
		const char *sep = strchr(p, '\x1f');
		const char *end = sep ? strchr(sep, '\x1e') : NULL;
		size_t n;
		const norm_item *it;
		if (!sep || !end)
			break;
		n = (size_t)atol(p);
		if (n >= 1 && n <= b->items.n) {
			const char *msg = unscratch(
				nm, nm->tmp,
				sd_arena_strndup(nm->tmp, sep + 1,
				                 (size_t)(end - sep - 1)));
			it = b->items.items[n - 1];
			sd_error_add(nm->err, SD_EINPUT, it->loc->path,
			             it->loc->line, 0, it->object, "%s: %s",
			             it->what, msg);
		}
		p = end + 1;
	}
}

/* ------------------------------------------------------------------ */
/* The round trips                                                     */
/* ------------------------------------------------------------------ */

/*
 * Appends the statements of run number i: its savepoint, its objects,
 * its read-back (first column named sd_run<i>), and its roll back.
 */
static int run_sql(pg_norm *nm, norm_run *b, size_t i, sd_buf *sql)
{
	int rc = SD_OK;

	sd_buf_put(sql, "SAVEPOINT sd_norm_run;\n");
	if (b->isolated)
		isolated_sql(nm, b, sql);
	else if ((rc = fast_sql(nm, b, sql)) != SD_OK)
		return rc;
	readback_sql(nm, b, i, sql);
	sd_buf_put(sql, "ROLLBACK TO SAVEPOINT sd_norm_run;\n"
	                "RELEASE SAVEPOINT sd_norm_run;\n");
	return rc;
}

/*
 * Sends the script and reads every result: the read-back of each run is
 * applied as it comes, an isolated run's failures are reported. Returns
 * SD_OK with *failed_run = the number of the run the server refused (or
 * runs->n when none was), or an error.
 */
static int send_script(pg_norm *nm, sd_vec *runs, size_t first,
                       const char *sql, size_t *failed_run, bool *unparsed)
{
	PGresult *res;
	size_t current = first;
	int rc = SD_OK;
	bool failed = false, ready = first > 0, any = false;

	*failed_run = runs->n;
	*unparsed = false;
	if (!PQsendQuery(nm->conn, sql)) {
		sd_buf msg = SD_BUF_INIT;
		sd_pg_message(&msg, PQerrorMessage(nm->conn));
		rc = sd_error_add(nm->err, SD_ERUNTIME, NULL, 0, 0, NULL,
		                  "normalising the models: %s",
		                  sd_buf_cstr(&msg));
		sd_buf_free(&msg);
		return rc;
	}
	while ((res = PQgetResult(nm->conn))) {
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_TUPLES_OK && PQnfields(res) > 0) {
			const char *f = PQfname(res, 0);
			if (strcmp(f, "sd_ready") == 0) {
				ready = true;
			} else if (strncmp(f, "sd_run", 6) == 0) {
				size_t r = (size_t)atol(f + 6);
				if (r < runs->n)
					readback_apply(nm, runs->items[r], res);
				current = r + 1;
			} else if (strcmp(f, "sd_failed") == 0 &&
			           current < runs->n) {
				report_failures(nm, runs->items[current],
				                cell(res, 0, 0));
			}
		} else if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
		           !failed) {
			const char *state =
				PQresultErrorField(res, PG_DIAG_SQLSTATE);
			failed = true;
			*failed_run = current;
			if (!any && state && strcmp(state, "42601") == 0) {
				/* the script did not parse: nothing ran */
				*unparsed = true;
			} else if (!ready || current >= runs->n ||
			    ((norm_run *)runs->items[current])->isolated) {
				/* not the models' fault: the scratch setup */
				sd_buf msg = SD_BUF_INIT;
				sd_pg_message(&msg, PQresultErrorMessage(res));
				rc = sd_error_add(nm->err, SD_ERUNTIME, NULL, 0,
				                  0, NULL,
				                  "normalising the models: %s",
				                  unscratch(nm, nm->tmp,
				                            sd_buf_cstr(&msg)));
				sd_buf_free(&msg);
			}
		}
		any = true;
		PQclear(res);
	}
	return rc;
}

/* Splits the tables that need the server into fast runs. */
static void plan_runs(pg_norm *nm, sd_vec *runs)
{
	norm_run *b = NULL;
	size_t i;

	for (i = 0; i < nm->models->ntables; i++) {
		sd_table *t = nm->models->tables[i];
		/* worst case: a new carrier and a new shared table */
		size_t need = 6 + pending_indexes(nm, t);
		if (!table_needs_server(nm, t))
			continue;
		if (!b || (b->locks + need > BATCH_LOCKS && b->tables.n)) {
			b = sd_arena_alloc(nm->tmp, sizeof(*b));
			run_init(nm, b, false);
			sd_vec_push(nm->tmp, runs, b);
		}
		fast_add(nm, b, t);
	}
}

/*
 * The runs from `from` on, with run `bad` (refused by the server) replaced
 * by isolated runs of its tables.
 */
static int isolate(pg_norm *nm, sd_vec *runs, size_t bad, sd_vec *out)
{
	norm_run *src = runs->items[bad], *b = NULL;
	size_t i;
	int rc;

	for (i = 0; i < src->tables.n; i++) {
		sd_table *t = src->tables.items[i];
		size_t need = 3 + t->nindexes;
		if (!b || (b->locks + need > BATCH_LOCKS && b->tables.n)) {
			b = sd_arena_alloc(nm->tmp, sizeof(*b));
			run_init(nm, b, true);
			sd_vec_push(nm->tmp, out, b);
		}
		if ((rc = isolated_add(nm, b, t)) != SD_OK)
			return rc;
	}
	for (i = bad + 1; i < runs->n; i++)
		sd_vec_push(nm->tmp, out, runs->items[i]);
	return SD_OK;
}

const char *sd_pgn_syntax_error(sd_arena *a, const char *sql)
{
	PgQuerySplitResult r = pg_query_split_with_parser(sql);
	const char *msg = NULL;

	if (r.error)
		msg = sd_arena_strdup(a, r.error->message);
	pg_query_free_split_result(r);
	return msg;
}

/*
 * The server parses a whole script before it runs any of it: an
 * expression of the models that does not parse on its own ("status IN
 * ('a', 'b'" without its ')') breaks out of its CHECK (...) and makes
 * the server refuse everything, with nothing to say which line of the
 * models is wrong. When a script did not parse, the fast runs whose
 * statements do not (PostgreSQL's own grammar, from libpg_query) are
 * replaced by isolated runs and the transaction starts again: there each
 * statement is a string the DO block executes, and its error is reported
 * at its line with the server's message. Models that parse pay nothing.
 */
static int isolate_unparsable(pg_norm *nm, sd_vec *runs)
{
	sd_buf sql = SD_BUF_INIT;
	size_t i, k;
	int rc = SD_OK;

	for (i = 0; i < runs->n; i++) {
		norm_run *b = runs->items[i];
		sd_vec next = {NULL, 0, 0};
		if (b->isolated)
			continue;
		sd_buf_truncate(&sql, 0);
		if ((rc = fast_sql(nm, b, &sql)) != SD_OK)
			break;
		if (!sd_pgn_syntax_error(nm->tmp, sd_buf_cstr(&sql)))
			continue;
		for (k = 0; k < i; k++)
			sd_vec_push(nm->tmp, &next, runs->items[k]);
		if ((rc = isolate(nm, runs, i, &next)) != SD_OK)
			break;
		*runs = next;
	}
	sd_buf_free(&sql);
	return rc;
}

/* The names of live's event triggers that fire ("a, b"), or NULL. */
static const char *firing_event_triggers(pg_norm *nm)
{
	const sd_logic *l = sd_logic_of(nm->live);
	sd_buf b = SD_BUF_INIT;
	const char *out = NULL;
	size_t i;

	for (i = 0; i < l->nevent_triggers; i++)
		if (l->event_triggers[i]->enabled != 'D')
			sd_buf_printf(&b, "%s%s", b.len ? ", " : "",
			              l->event_triggers[i]->base.name);
	if (b.len)
		out = sd_arena_strdup(nm->tmp, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/*
 * The database's event triggers fire on the scratch schemas' DDL too (a
 * guard refusing CREATE TABLE would fail the models): a superuser's
 * scratch transaction disables them, and its rollback enables them
 * again, unseen by any other session. (ALTER EVENT TRIGGER fires none.)
 */
static void quiet_event_triggers(pg_norm *nm, sd_buf *sql)
{
	if (nm->live && !firing_event_triggers(nm))
		return;
	sd_buf_put(sql,
	           "DO $sd_evt$ DECLARE e name; BEGIN\n"
	           " IF current_setting('is_superuser') = 'on' THEN\n"
	           "  FOR e IN SELECT evtname FROM pg_event_trigger"
	           " WHERE evtenabled <> 'D' ORDER BY 1 LOOP\n"
	           "   EXECUTE format('ALTER EVENT TRIGGER %I DISABLE', e);\n"
	           "  END LOOP;\n"
	           " END IF;\n"
	           "END $sd_evt$;\n");
}

/* The statements that open the transaction: scratch schemas, the search
 * path, the enums' twins. */
static int setup_sql(pg_norm *nm, sd_buf *sql, bool functions)
{
	size_t i;
	int rc;

	sd_buf_put(sql, "BEGIN;\n");
	quiet_event_triggers(nm, sql);
	for (i = 0; i < nm->nscratch; i++) {
		sd_buf_put(sql, "CREATE SCHEMA ");
		sd_quote_ident_std(sql, nm->scratch[i]);
		sd_buf_put(sql, ";\n");
	}
	/* Unqualified names resolve to the default namespace's twin first,
	 * then along the session's own search path (functions, extensions,
	 * a tenant's schema). SET LOCAL: it ends with the transaction, on
	 * whichever connection a pooler gave it. */
	{
		sd_buf twin = SD_BUF_INIT;
		sd_quote_ident_std(&twin, nm->scratch[0]);
		sd_buf_put(sql, "SELECT set_config('search_path', ");
		sd_quote_literal_std(sql, sd_buf_cstr(&twin));
		sd_buf_put(sql, " || ', ' || current_setting('search_path'),"
		                " true);\n");
		sd_buf_free(&twin);
	}
	for (i = 0; i < nm->models->nenums; i++) {
		sd_enum e = *nm->models->enums[i];
		sd_op op;
		e.base.schema = sd_pgn_scratch_for(nm, e.base.schema);
		e.comment = NULL;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_ENUM;
		op.obj_new = &e.base;
		if ((rc = emit(nm, sql, &op)) != SD_OK)
			return rc;
	}
	if (sd_pg_norm_objects_wanted(nm->models) &&
	    (rc = sd_pg_norm_objects_sql(&nm->sc, sql)) != SD_OK)
		return rc;
	if (functions && (rc = sd_pgn_table_functions_sql(nm, sql)) != SD_OK)
		return rc;
	sd_buf_put(sql, "SELECT 1 AS sd_ready;\n");
	return SD_OK;
}

static void scratch_schemas(pg_norm *nm)
{
	const sd_schema *m = nm->models;
	size_t i, j, max = 1 + m->ntables + m->nenums + m->namespaces.n +
	                   m->nextensions + m->ncollations + m->ndomains +
	                   m->ncomposites + m->nranges +
	                   sd_pgn_logic_schemas(m, NULL, NULL);

	for (i = 0; i < m->ntables; i++)
		max += m->tables[i]->ncolumns;
	nm->scratch = sd_arena_alloc(nm->tmp, max * sizeof(char *));
	nm->orig = sd_arena_alloc(nm->tmp, max * sizeof(char *));
	add_nsp(nm, NULL);
	for (i = 0; i < m->namespaces.n; i++)
		add_nsp(nm, m->namespaces.items[i]);
	for (i = 0; i < m->nenums; i++)
		add_nsp(nm, m->enums[i]->base.schema);
	for (i = 0; i < m->ntables; i++) {
		const sd_table *t = m->tables[i];
		add_nsp(nm, t->base.schema);
		for (j = 0; j < t->ncolumns; j++)
			if (t->columns[j]->type.kind == SD_T_ENUM &&
			    t->columns[j]->type.enum_schema)
				add_nsp(nm, t->columns[j]->type.enum_schema);
	}
#define ADD_NSPS(arr, n)                                                     \
	for (i = 0; i < m->n; i++)                                           \
		add_nsp(nm, m->arr[i]->base.schema)
	ADD_NSPS(extensions, nextensions);
	ADD_NSPS(collations, ncollations);
	ADD_NSPS(domains, ndomains);
	ADD_NSPS(composites, ncomposites);
	ADD_NSPS(ranges, nranges);
#undef ADD_NSPS
	sd_pgn_logic_schemas(m, add_nsp, nm);
	nm->sc.conn = nm->conn;
	nm->sc.models = nm->models;
	nm->sc.tmp = nm->tmp;
	nm->sc.err = nm->err;
	nm->sc.scratch = nm->scratch;
	nm->sc.orig = nm->orig;
	nm->sc.n = nm->nscratch;
	nm->sc.tag = nm->tag;
}

/*
 * A default that only calls nextval on a sequence takes its canonical
 * text here: the sequence may not exist yet.
 */
static void canon_nextval(pg_norm *nm)
{
	size_t i, j;

	for (i = 0; i < nm->models->ntables; i++) {
		sd_table *t = nm->models->tables[i];
		for (j = 0; j < t->ncolumns; j++) {
			sd_column *c = t->columns[j];
			if (c->default_value.sql && !c->default_value.canon)
				c->default_value.canon = sd_pg_canon_nextval(
					nm->models->arena, c->default_value.sql);
		}
	}
}

/* Whether the models have partitioned tables or partitions. */
static bool has_partitions(const sd_schema *m)
{
	size_t i;

	for (i = 0; i < m->ntables; i++)
		if (m->tables[i]->partition_by.sql || m->tables[i]->partition_of)
			return true;
	return false;
}

/*
 * The setup, then the read-backs of the schema-level objects and of the
 * partitions, which take round trips of their own; the runs' script then
 * starts ready.
 */
static int objects_pass(pg_norm *nm, sd_buf *sql, bool objects,
                        bool parts)
{
	PGresult *res = PQexec(nm->conn, sd_buf_cstr(sql));
	int rc = SD_OK;

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		sd_buf msg = SD_BUF_INIT;
		sd_pg_message(&msg, PQresultErrorMessage(res));
		rc = sd_error_add(nm->err, SD_EINPUT, NULL, 0, 0, NULL,
		                  "the models do not compile on PostgreSQL: %s",
		                  unscratch(nm, nm->tmp, sd_buf_cstr(&msg)));
		sd_buf_free(&msg);
	}
	PQclear(res);
	sd_buf_truncate(sql, 0);
	if (rc == SD_OK && objects)
		rc = sd_pg_norm_objects_read(&nm->sc);
	if (rc == SD_OK && parts)
		rc = sd_pg_norm_partitions(&nm->sc);
	sd_buf_put(sql, "SELECT 1 AS sd_ready;\n");
	return rc;
}

/*
 * Views, functions, procedures, triggers, policies and rules (pg_logic.c)
 * need the tables they name: a transaction of their own after the
 * tables' round trip, on the same scratch schemas and enums.
 */
static int logic_round_trip(pg_norm *nm)
{
	sd_buf sql = SD_BUF_INIT;
	int rc;

	if ((rc = setup_sql(nm, &sql, false)) == SD_OK &&
	    (rc = sd_pgn_exec(nm, sd_buf_cstr(&sql), NULL)) == SD_OK)
		rc = sd_pgn_logic(nm);
	sd_buf_free(&sql);
	return rc;
}

static atomic_long norm_calls;

/*
 * What only SQLite has, refused at the models' line: a virtual table
 * (using:) and a column without a type (type: null).
 */
static int sqlite_only(const sd_schema *models, sd_error *err)
{
	size_t i, k;
	int rc = SD_OK;

	for (i = 0; i < models->ntables; i++) {
		const sd_table *t = models->tables[i];
		if (t->sqlite_using)
			rc = sd_error_add(err, SD_EINPUT, t->base.loc.path,
			                  t->base.loc.line, 0, t->base.name,
			                  "a virtual table (using: %s) is "
			                  "SQLite's: PostgreSQL has none",
			                  t->sqlite_using);
		for (k = 0; k < t->ncolumns; k++) {
			const sd_column *c = t->columns[k];
			if (c->type.kind != SD_T_RAW || !c->type.name ||
			    *c->type.name)
				continue;
			rc = sd_error_add(err, SD_EINPUT, c->base.loc.path,
			                  c->base.loc.line, 0, t->base.name,
			                  "column '%s' has no type (type: null "
			                  "is SQLite's): PostgreSQL needs one",
			                  c->base.name);
		}
	}
	return rc;
}

int sd_pg_normalize(sd_db *db, sd_schema *models, const sd_schema *live,
                    sd_error *err)
{
	pg_norm nm;
	sd_vec runs = {NULL, 0, 0};
	sd_buf sql = SD_BUF_INIT;
	size_t i, first = 0, failed;
	int rc = SD_OK;
	bool began = false, objects, parts, unparsed, reparsed = false;

	if ((rc = sqlite_only(models, err)) != SD_OK)
		return rc;
	memset(&nm, 0, sizeof(nm));
	nm.conn = sd_pg_conn(db);
	nm.models = models;
	nm.live = live;
	nm.err = err;
	nm.tmp = sd_arena_new();
	nm.resolved = sd_map_new(nm.tmp, 64);
	nm.same = sd_map_new(nm.tmp, 64);
	/* unique per call: several threads may normalise on one database */
	nm.tag = sd_arena_printf(nm.tmp, "%ld_%ld_%ld", (long)getpid(),
	                         (long)time(NULL) % 100000,
	                         (long)atomic_fetch_add(&norm_calls, 1));

	sd_pgnorm_adopt_live(&nm);
	canon_nextval(&nm);
	scratch_schemas(&nm);
	plan_runs(&nm, &runs);
	objects = sd_pg_norm_objects_wanted(models) &&
	          !sd_pgnorm_adopt_objects(&nm);
	parts = has_partitions(models) && !sd_pgnorm_adopt_partitions(&nm);
	if (runs.n == 0 && !objects && !parts)
		goto logic;
restart:
	if ((rc = setup_sql(&nm, &sql, true)) != SD_OK)
		goto done;
	began = true;
	if ((objects || parts) &&
	    (rc = objects_pass(&nm, &sql, objects, parts)) != SD_OK)
		goto done;
	if (runs.n == 0) {
		PGresult *res = PQexec(nm.conn, "ROLLBACK");
		PQclear(res);
		sd_buf_truncate(&sql, 0);
		began = false;
		goto logic;
	}
	for (;;) {
		for (i = first; i < runs.n; i++)
			if ((rc = run_sql(&nm, runs.items[i], i, &sql)) != SD_OK)
				goto done;
		sd_buf_put(&sql, "ROLLBACK;\n");
		rc = send_script(&nm, &runs, first, sd_buf_cstr(&sql),
		                 &failed, &unparsed);
		sd_buf_truncate(&sql, 0);
		if (rc == SD_OK && unparsed) {
			PGresult *res = PQexec(nm.conn, "ROLLBACK");
			PQclear(res);
			if (reparsed) {
				rc = sd_error_add(err, SD_ERUNTIME, NULL, 0, 0,
				                  NULL,
				                  "normalising the models: the "
				                  "server cannot parse the scratch "
				                  "script");
				break;
			}
			reparsed = true;
			if ((rc = isolate_unparsable(&nm, &runs)) != SD_OK)
				goto done;
			first = 0;
			goto restart;
		}
		if (rc != SD_OK || failed >= runs.n)
			break;
		/* a fast run the server refused: its tables again, one by
		 * one, then the runs after it */
		{
			sd_vec next = {NULL, 0, 0};
			size_t k;
			for (k = 0; k < failed; k++)
				sd_vec_push(nm.tmp, &next, runs.items[k]);
			if ((rc = isolate(&nm, &runs, failed, &next)) != SD_OK)
				goto done;
			runs = next;
			first = failed;
		}
		sd_buf_put(&sql, "ROLLBACK TO SAVEPOINT sd_norm_run;\n"
		                 "RELEASE SAVEPOINT sd_norm_run;\n");
	}
	began = rc != SD_OK || failed < runs.n;
	if (rc == SD_OK && sd_error_has(err))
		rc = SD_EINPUT;
logic:
	if (rc == SD_OK && sd_pgn_has_logic(models) &&
	    !sd_pgnorm_adopt_logic(&nm)) {
		began = true;
		rc = logic_round_trip(&nm);
	}
done:
	if (began && PQtransactionStatus(nm.conn) != PQTRANS_IDLE) {
		PGresult *res = PQexec(nm.conn, "ROLLBACK");
		PQclear(res);
	}
	if (rc == SD_ERUNTIME && firing_event_triggers(&nm))
		sd_error_hint(err,
		              "the database's event triggers (%s) fire on the "
		              "scratch schema's DDL too; they are disabled "
		              "for it (and only for it) when connected as a "
		              "superuser",
		              firing_event_triggers(&nm));
	sd_buf_free(&sql);
	sd_arena_free(nm.tmp);
	return rc;
}
