/*
 * diff.c - sd_schema x sd_schema -> ordered sd_plan.
 *
 * The differ works in passes over "table pairs" (a table of `from` matched
 * with one of `to`, by name or by renamed_from):
 *   A. columns, primary key, uniques, checks, indexes of every pair, noting
 *      which keys go away and which columns change type;
 *   B. foreign keys, which need A's notes about the tables they reference
 *      (an FK must be dropped before the key it points at);
 *   C. capability check: a pair whose ops need what the dialect lacks is
 *      folded into one REBUILD_TABLE;
 * then created and dropped tables (topologically ordered by FKs), enums and
 * namespaces. Every op gets a phase (pg_dump's priority per object kind);
 * the plan is the ops sorted by phase, stable inside a phase, and the ops of
 * a phase are pushed in an order that is already valid (tables sorted by
 * name, creates and drops topologically).
 *
 * Every op sequence produced here is also valid backwards (inverted, in
 * reverse order), which is what makes the generated downgrade exact.
 *
 * Complexity: lookups go through sd_map; the only per-table quadratic work is
 * inside one table (its constraints), never across tables. No recursion.
 */
#include "diff/plan.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum phase {
	PH_CREATE_NS,
	PH_ENUM,
	PH_DROP_FK,
	PH_DROP_CONS,
	PH_RECREATE_ENUM, /* after the checks and indexes that go away */
	PH_RENAME_TABLE,
	PH_RENAME,
	PH_CREATE_TABLE,
	PH_COLUMNS,
	PH_REBUILD,
	PH_ADD_CONS,
	PH_ADD_FK,
	PH_DROP_COLUMN,
	PH_DROP_TABLE,
	PH_DROP_ENUM,
	PH_DROP_NS,
	PH_COMMENT,
};

typedef struct pending {
	sd_op *op;
	int phase;
	size_t seq;
	sd_strlist extra_warnings; /* folded ops' warnings (rebuilds) */
} pending;

/* A table of `from` matched with one of `to`; both are working copies. */
typedef struct tpair {
	sd_table *old;
	sd_table *new_;
	bool renamed;
	sd_map *col_o2n;      /* old column name -> new sd_column */
	sd_map *col_n2o;      /* new column name -> old sd_column */
	sd_map *type_changed; /* old column name -> old sd_column */
	sd_vec dropped_keys;  /* sd_strlist*: old pk/unique column lists */
	sd_vec added_keys;    /* sd_strlist*: new pk/unique column lists */
	sd_vec ops;           /* pending*, sequenced when flushed */
	bool options_changed; /* table_options differ: rebuild */
} tpair;

typedef struct dctx {
	sd_plan *plan;
	sd_arena *a;       /* the plan's arena */
	sd_arena *scratch; /* expression folding */
	const sd_diff_opts *opts;
	const sd_schema *from;
	const sd_schema *to;
	sd_dialect_caps caps;
	bool (*type_eq)(const sd_column *, const sd_column *);
	sd_vec pending;
	size_t seq;
	sd_map *old_tp;  /* old qualified name -> tpair */
	sd_map *new_tp;  /* new qualified name -> tpair */
	sd_vec pairs;    /* tpair*, in target name order */
	sd_vec created;  /* sd_table* (working copies), name order */
	sd_vec dropped;  /* sd_table* (working copies), name order */
} dctx;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static const char *qname(dctx *c, const char *schema, const char *name)
{
	return sd_qualified_name(c->a, schema, name);
}

static const char *tname(dctx *c, const sd_table *t)
{
	return qname(c, t->base.schema, t->base.name);
}

static sd_op *op_new(dctx *c, sd_op_kind kind, const sd_table *t)
{
	sd_op *op = sd_arena_alloc(c->a, sizeof(*op));

	op->kind = kind;
	op->table = t;
	return op;
}

static pending *pending_new(dctx *c, sd_op *op, int phase)
{
	pending *p = sd_arena_alloc(c->a, sizeof(*p));

	p->op = op;
	p->phase = phase;
	return p;
}

/* Queues op in the plan, after everything queued before in its phase. */
static pending *emit(dctx *c, sd_op *op, int phase)
{
	pending *p = pending_new(c, op, phase);

	p->seq = c->seq++;
	sd_vec_push(c->a, &c->pending, p);
	return p;
}

/* Queues op with its table pair; pass C flushes or folds it. */
static void tp_emit(dctx *c, tpair *tp, sd_op *op, int phase)
{
	sd_vec_push(c->a, &tp->ops, pending_new(c, op, phase));
}

static void add_warning(dctx *c, sd_op *op, unsigned hazard,
                        const char *text)
{
	op->hazards |= hazard;
	if (op->warning)
		op->warning = sd_arena_printf(c->a, "%s; %s", op->warning, text);
	else
		op->warning = text;
}

static bool table_ignored(const sd_diff_opts *o, const sd_table *t)
{
	const char *name = t->base.name;
	size_t i;

	if (o->version_table) {
		size_t n = strlen(o->version_table);
		if (strcmp(name, o->version_table) == 0 ||
		    (strncmp(name, o->version_table, n) == 0 &&
		     name[n] == '_'))
			return true;
	}
	for (i = 0; o->ignore && o->ignore[i]; i++) {
		if (fnmatch(o->ignore[i], name, 0) == 0)
			return true;
		if (t->base.schema) {
			char buf[512];
			snprintf(buf, sizeof(buf), "%s.%s", t->base.schema,
			         name);
			if (fnmatch(o->ignore[i], buf, 0) == 0)
				return true;
		}
	}
	return false;
}

static int cmp_object_ptr(const void *a, const void *b)
{
	const sd_object *x = *(const sd_object *const *)a;
	const sd_object *y = *(const sd_object *const *)b;
	int r = sd_strcmp_null(x->schema, y->schema);

	return r ? r : sd_strcmp_null(x->name, y->name);
}

static void *dup_ptrs(dctx *c, const void *src, size_t n, size_t size)
{
	void *p;

	if (!n)
		return NULL;
	p = sd_arena_alloc(c->a, n * size);
	memcpy(p, src, n * size);
	return p;
}

#define DUP_SORTED(c, arr, n)                                                \
	do {                                                                 \
		(arr) = dup_ptrs((c), (arr), (n), sizeof(*(arr)));           \
		if ((n) > 1)                                                 \
			qsort((arr), (n), sizeof(*(arr)), cmp_object_ptr);   \
	} while (0)

/* A unique constraint as the unique index a unique_as_index dialect keeps. */
static sd_index *unique_to_index(dctx *c, const sd_unique *u)
{
	sd_index *ix = sd_arena_alloc(c->a, sizeof(*ix));
	size_t i;

	ix->base = u->base;
	ix->base.kind = SD_OBJ_INDEX;
	ix->nkeys = u->columns.n;
	ix->keys = sd_arena_alloc(c->a, (ix->nkeys ? ix->nkeys : 1) *
	                                    sizeof(*ix->keys));
	for (i = 0; i < ix->nkeys; i++)
		ix->keys[i].column = u->columns.items[i];
	ix->unique = true;
	ix->nulls_not_distinct = u->nulls_not_distinct;
	ix->comment = u->comment;
	return ix;
}

/*
 * Returns a shallow copy of src in the plan arena with its own, sorted
 * constraint and index arrays (inputs are const and maybe unsorted), its own
 * column map, and, for unique_as_index dialects, uniques turned into
 * indexes. Columns and objects are shared with src.
 */
static sd_table *work_copy(dctx *c, const sd_table *src)
{
	sd_table *t = sd_arena_alloc(c->a, sizeof(*t));
	size_t i;

	*t = *src;
	t->columns = dup_ptrs(c, src->columns, src->ncolumns,
	                      sizeof(*src->columns));
	if (c->caps.unique_as_index && src->nuniques) {
		size_t n = src->nindexes + src->nuniques;
		sd_index **ix = sd_arena_alloc(c->a, n * sizeof(*ix));
		if (src->nindexes)
			memcpy(ix, src->indexes,
			       src->nindexes * sizeof(*ix));
		for (i = 0; i < src->nuniques; i++)
			ix[src->nindexes + i] =
				unique_to_index(c, src->uniques[i]);
		t->indexes = ix;
		t->nindexes = n;
		t->uniques = NULL;
		t->nuniques = 0;
		if (n > 1)
			qsort(t->indexes, n, sizeof(*t->indexes),
			      cmp_object_ptr);
	} else {
		DUP_SORTED(c, t->uniques, t->nuniques);
		DUP_SORTED(c, t->indexes, t->nindexes);
	}
	DUP_SORTED(c, t->foreign_keys, t->nforeign_keys);
	DUP_SORTED(c, t->checks, t->nchecks);
	t->column_map = t->ncolumns > SD_COLUMN_MAP_MIN
		                 ? sd_map_new(c->a, t->ncolumns)
		                 : NULL;
	for (i = 0; t->column_map && i < t->ncolumns; i++)
		sd_map_put(t->column_map, t->columns[i]->base.name,
		           t->columns[i]);
	return t;
}

/*
 * True when the SQL text names identifier `name` outside string literals,
 * case-insensitively ("lower(Email)" mentions email). Used to find what a
 * dropped column is still used by.
 */
static bool expr_mentions(const char *sql, const char *name)
{
	const char *p = sql;
	size_t n = strlen(name);

	if (!sql)
		return false;
	while (*p) {
		if (*p == '\'') {
			for (p++; *p && *p != '\''; p++)
				;
			if (*p)
				p++;
		} else if (*p == '"') {
			const char *s = ++p;
			while (*p && *p != '"')
				p++;
			if ((size_t)(p - s) == n && strncmp(s, name, n) == 0)
				return true;
			if (*p)
				p++;
		} else if (isalnum((unsigned char)*p) || *p == '_') {
			const char *s = p;
			while (isalnum((unsigned char)*p) || *p == '_' ||
			       *p == '$')
				p++;
			if ((size_t)(p - s) == n && strncasecmp(s, name, n) == 0)
				return true;
		} else {
			p++;
		}
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Columns                                                             */
/* ------------------------------------------------------------------ */

static bool autoinc(const sd_column *col)
{
	return col->autoincrement || col->identity != SD_IDENTITY_NONE;
}

static bool column_type_equal(dctx *c, const sd_column *o,
                              const sd_column *n)
{
	if (c->type_eq)
		return c->type_eq(o, n);
	return sd_type_equal(&o->type, &n->type);
}

static int int_rank(sd_type_kind k)
{
	switch (k) {
	case SD_T_SMALLINT:
		return 1;
	case SD_T_INTEGER:
		return 2;
	case SD_T_BIGINT:
		return 3;
	default:
		return 0;
	}
}

/*
 * True when converting values of type o to type n may lose data:
 * string(120) -> string(50), bigint -> integer, numeric(10,2) ->
 * numeric(8,2), and any change of kind that is not a known widening.
 */
static bool type_narrows(const sd_type *o, const sd_type *n)
{
	if (sd_type_equal(o, n))
		return false;
	if (o->kind == n->kind) {
		switch (o->kind) {
		case SD_T_STRING:
		case SD_T_CHAR:
			if (n->length < 0)
				return false;
			return o->length < 0 || n->length < o->length;
		case SD_T_NUMERIC: {
			int os = o->scale < 0 ? 0 : o->scale;
			int ns = n->scale < 0 ? 0 : n->scale;
			if (n->precision < 0)
				return false;
			if (o->precision < 0)
				return true;
			return ns < os || n->precision - ns < o->precision - os;
		}
		default:
			return true; /* raw spellings, other enums: unknown */
		}
	}
	if (int_rank(o->kind) && int_rank(n->kind))
		return int_rank(n->kind) < int_rank(o->kind);
	if (int_rank(o->kind) && n->kind == SD_T_NUMERIC)
		return n->precision >= 0;
	switch (n->kind) {
	case SD_T_TEXT:
		return !(o->kind == SD_T_STRING || o->kind == SD_T_CHAR ||
		         o->kind == SD_T_ENUM);
	case SD_T_STRING:
		return !((o->kind == SD_T_CHAR &&
		          (n->length < 0 || n->length >= o->length)) ||
		         (o->kind == SD_T_ENUM && n->length < 0));
	case SD_T_FLOAT:
		return !(o->kind == SD_T_REAL || o->kind == SD_T_SMALLINT ||
		         o->kind == SD_T_INTEGER);
	case SD_T_TIMESTAMP:
	case SD_T_TIMESTAMPTZ:
		return !(o->kind == SD_T_DATE || o->kind == SD_T_TIMESTAMP ||
		         o->kind == SD_T_TIMESTAMPTZ);
	case SD_T_JSONB:
		return o->kind != SD_T_JSON;
	case SD_T_JSON:
		return o->kind != SD_T_JSONB;
	default:
		return true;
	}
}

/* The SD_CHANGE_* bits between a database column and a desired one. */
static unsigned column_changes(dctx *c, const sd_column *o,
                               const sd_column *n)
{
	unsigned ch = 0;

	if (!column_type_equal(c, o, n))
		ch |= SD_CHANGE_TYPE;
	if (o->nullable != n->nullable)
		ch |= SD_CHANGE_NULLABLE;
	if (!sd_expr_equal(c->scratch, &o->default_value, &n->default_value))
		ch |= SD_CHANGE_DEFAULT;
	/* serial and identity both autoincrement; ALWAYS is its own kind. */
	if (autoinc(o) != autoinc(n) ||
	    (o->identity == SD_IDENTITY_ALWAYS) !=
	        (n->identity == SD_IDENTITY_ALWAYS))
		ch |= SD_CHANGE_IDENTITY;
	if (!sd_streq(o->collation, n->collation))
		ch |= SD_CHANGE_COLLATION;
	if (!sd_expr_equal(c->scratch, &o->generated, &n->generated))
		ch |= SD_CHANGE_GENERATED;
	if (c->caps.comments && !sd_streq(o->comment, n->comment))
		ch |= SD_CHANGE_COMMENT;
	return ch;
}

static sd_column *find_col(const sd_table *t, const char *name)
{
	return name ? sd_table_find_column(t, name) : NULL;
}

/*
 * True for a default that is a plain literal: 7, -1.5, 'x', NULL, TRUE.
 * Dialects without in-place ALTER COLUMN (SQLite) add columns only with
 * such defaults; anything else (CURRENT_TIMESTAMP, now(), (expr)) needs
 * a rebuild there.
 */
static bool default_is_literal(const char *sql)
{
	const char *p = sql;

	if (!sql)
		return true;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\'') {
		for (p++; *p; p++) {
			if (*p == '\'' && p[1] == '\'')
				p++;
			else if (*p == '\'')
				break;
		}
		if (*p)
			p++;
		while (isspace((unsigned char)*p))
			p++;
		return *p == '\0';
	}
	if (*p == '-' || *p == '+')
		p++;
	if (isdigit((unsigned char)*p) || *p == '.') {
		while (isalnum((unsigned char)*p) || *p == '.')
			p++;
		while (isspace((unsigned char)*p))
			p++;
		return *p == '\0';
	}
	return strcasecmp(p, "null") == 0 || strcasecmp(p, "true") == 0 ||
	       strcasecmp(p, "false") == 0;
}

/* A new NOT NULL column that nothing fills for the existing rows. */
static bool needs_value(const sd_column *n)
{
	return !n->nullable && !n->default_value.sql && !autoinc(n) &&
	       !n->generated.sql;
}

/*
 * A value of the column's type for rows that must get one when a dropped
 * NOT NULL column without default comes back in a downgrade: the data is
 * gone either way, and a placeholder keeps the downgrade runnable. NULL
 * when the type is not known well enough (raw types).
 */
static const char *zero_literal(dctx *c, const sd_column *col)
{
	size_t i;

	switch (col->type.kind) {
	case SD_T_SMALLINT:
	case SD_T_INTEGER:
	case SD_T_BIGINT:
	case SD_T_REAL:
	case SD_T_FLOAT:
	case SD_T_NUMERIC:
		return "0";
	case SD_T_BOOLEAN:
		return "false";
	case SD_T_STRING:
	case SD_T_CHAR:
	case SD_T_TEXT:
	case SD_T_BINARY:
		return "''";
	case SD_T_DATE:
		return "'1970-01-01'";
	case SD_T_TIME:
		return "'00:00:00'";
	case SD_T_TIMESTAMP:
	case SD_T_TIMESTAMPTZ:
		return "'1970-01-01 00:00:00'";
	case SD_T_INTERVAL:
		return "'0 seconds'";
	case SD_T_JSON:
	case SD_T_JSONB:
		return "'{}'";
	case SD_T_UUID:
		return "'00000000-0000-0000-0000-000000000000'";
	case SD_T_ENUM:
		for (i = 0; i < c->from->nenums; i++) {
			const sd_enum *e = c->from->enums[i];
			sd_buf b = SD_BUF_INIT;
			const char *q, *r;
			if (!sd_streq(e->base.name, col->type.name) ||
			    !sd_streq(e->base.schema, col->type.enum_schema) ||
			    !e->values.n)
				continue;
			sd_buf_putc(&b, '\'');
			for (q = e->values.items[0]; *q; q++) {
				if (*q == '\'')
					sd_buf_putc(&b, '\'');
				sd_buf_putc(&b, *q);
			}
			sd_buf_putc(&b, '\'');
			r = sd_arena_strdup(c->a, b.data);
			sd_buf_free(&b);
			return r;
		}
		return NULL;
	default:
		return NULL;
	}
}

static void match_columns(dctx *c, tpair *tp)
{
	size_t i;

	tp->col_o2n = sd_map_new(c->a, tp->new_->ncolumns);
	tp->col_n2o = sd_map_new(c->a, tp->new_->ncolumns);
	tp->type_changed = sd_map_new(c->a, 4);
	for (i = 0; i < tp->new_->ncolumns; i++) {
		sd_column *n = tp->new_->columns[i];
		sd_column *o = find_col(tp->old, n->base.name);
		if (!o && n->renamed_from &&
		    !find_col(tp->new_, n->renamed_from)) {
			o = find_col(tp->old, n->renamed_from);
			if (o && sd_map_get(tp->col_o2n, o->base.name))
				o = NULL;
		}
		if (o) {
			sd_map_put(tp->col_o2n, o->base.name, n);
			sd_map_put(tp->col_n2o, n->base.name, o);
		}
	}
}

/* The new name of an old column (itself when unmatched). */
static const char *map_col(const tpair *tp, const char *old_name)
{
	const sd_column *n = tp ? sd_map_get(tp->col_o2n, old_name) : NULL;

	return n ? n->base.name : old_name;
}

/* True when sql mentions `name` as a whole identifier, bare or quoted. */
static bool sql_mentions(const char *sql, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = sql; n && (p = strstr(p, name)) != NULL; p++) {
		unsigned char before = p == sql ? ' ' : (unsigned char)p[-1];
		unsigned char after = (unsigned char)p[n];
		if (!isalnum(before) && before != '_' && !isalnum(after) &&
		    after != '_')
			return true;
	}
	return false;
}

/*
 * Marks in regen[i] the generated columns of the pair's new table that read
 * a column whose type or collation changes. PostgreSQL refuses that ALTER
 * ("cannot alter type of a column used by a generated column"), so such a
 * column is dropped before and added back after; its values are computed,
 * so nothing is lost. A mention inside a string literal only costs the
 * same drop and add.
 */
static void mark_regenerated(dctx *c, tpair *tp, bool *regen)
{
	sd_table *nt = tp->new_;
	size_t i, j;

	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *g = nt->columns[i];
		sd_column *og = sd_map_get(tp->col_n2o, g->base.name);
		if (!g->generated.sql || !og || !og->generated.sql)
			continue;
		for (j = 0; j < nt->ncolumns && !regen[i]; j++) {
			sd_column *n = nt->columns[j];
			sd_column *o = sd_map_get(tp->col_n2o, n->base.name);
			if (j == i || !o ||
			    !(column_changes(c, o, n) &
			      (SD_CHANGE_TYPE | SD_CHANGE_COLLATION)))
				continue;
			regen[i] = sql_mentions(g->generated.sql,
			                        n->base.name) ||
			           sql_mentions(og->generated.sql,
			                        o->base.name);
		}
	}
}

/*
 * Queues the ALTER_COLUMN that turns old column o into n (changes ch),
 * with its narrowing and NOT NULL warnings, and notes a type change for
 * the foreign keys that point at the column.
 */
static void alter_column_op(dctx *c, tpair *tp, const sd_column *o,
                            const sd_column *n, unsigned ch)
{
	sd_op *op = op_new(c, SD_OP_ALTER_COLUMN, tp->new_);
	const char *tn = tname(c, tp->new_);

	op->column_old = o;
	if (!sd_streq(o->base.name, n->base.name)) {
		/* Renamed earlier in the plan: both sides carry the name the
		 * column has when the ALTER runs, upgrade and downgrade
		 * alike. */
		sd_column *cur = sd_arena_alloc(c->a, sizeof(*cur));
		*cur = *o;
		cur->base.name = n->base.name;
		op->column_old = cur;
	}
	op->column_new = n;
	op->changes = ch;
	if ((ch & SD_CHANGE_TYPE) && type_narrows(&o->type, &n->type)) {
		sd_buf b = SD_BUF_INIT;
		sd_buf_printf(&b, "narrows %s.%s: ", tn, n->base.name);
		sd_type_format(&b, &o->type);
		sd_buf_put(&b, " -> ");
		sd_type_format(&b, &n->type);
		sd_buf_put(&b, " (may lose data)");
		add_warning(c, op, SD_HAZARD_DATA_LOSS,
		            sd_arena_strdup(c->a, b.data));
		sd_buf_free(&b);
	}
	if (ch & SD_CHANGE_TYPE)
		sd_map_put(tp->type_changed, o->base.name, (void *)o);
	if ((ch & SD_CHANGE_NULLABLE) && !n->nullable && !n->backfill)
		add_warning(c, op, SD_HAZARD_NOT_NULL,
		            sd_arena_printf(c->a,
		                            "sets NOT NULL on %s.%s: fails if "
		                            "existing rows hold NULL (add "
		                            "backfill:)",
		                            tn, n->base.name));
	tp_emit(c, tp, op, PH_COLUMNS);
}

static void diff_columns(dctx *c, tpair *tp)
{
	sd_table *ot = tp->old, *nt = tp->new_;
	const char *tn = tname(c, nt);
	sd_op **added = sd_arena_alloc(c->a, (nt->ncolumns + 1) *
	                                         sizeof(*added));
	bool *used = sd_arena_alloc(c->a, ot->ncolumns + 1);
	bool *regen = sd_arena_alloc(c->a, nt->ncolumns + 1);
	size_t i, j;
	int pass;

	if (c->caps.alter_column)
		mark_regenerated(c, tp, regen);
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i];
		sd_column *o = sd_map_get(tp->col_n2o, n->base.name);
		if (o && !sd_streq(o->base.name, n->base.name)) {
			sd_op *op = op_new(c, SD_OP_RENAME_COLUMN, nt);
			op->column_old = o;
			op->column_new = n;
			tp_emit(c, tp, op, PH_RENAME);
		}
	}
	/* Generated columns in the way of a type change go first... */
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i];
		sd_column *o = sd_map_get(tp->col_n2o, n->base.name);
		sd_op *op;
		if (!regen[i])
			continue;
		op = op_new(c, SD_OP_DROP_COLUMN, nt);
		op->column_old = o;
		if (!sd_streq(o->base.name, n->base.name)) {
			/* renamed earlier in the plan */
			sd_column *cur = sd_arena_alloc(c->a, sizeof(*cur));
			*cur = *o;
			cur->base.name = n->base.name;
			op->column_old = cur;
		}
		tp_emit(c, tp, op, PH_COLUMNS);
	}
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i];
		sd_column *o = sd_map_get(tp->col_n2o, n->base.name);
		sd_op *op;
		if (regen[i])
			continue;
		if (o) {
			unsigned ch = column_changes(c, o, n);
			bool sets_nn = (ch & SD_CHANGE_NULLABLE) && !n->nullable;
			if (!ch)
				continue;
			if (sets_nn && n->backfill) {
				/* The backfill expression is of the new type:
				 * the type changes first, the column tightens
				 * after (and the downgrade loosens it before
				 * casting back). */
				if (ch & SD_CHANGE_TYPE) {
					sd_column *mid = sd_arena_alloc(
						c->a, sizeof(*mid));
					*mid = *n;
					mid->nullable = true;
					alter_column_op(c, tp, o, mid,
					                ch & ~(unsigned)
					                         SD_CHANGE_NULLABLE);
					o = mid;
					ch = SD_CHANGE_NULLABLE;
				}
				op = op_new(c, SD_OP_BACKFILL, nt);
				op->column_new = n;
				tp_emit(c, tp, op, PH_COLUMNS);
			}
			alter_column_op(c, tp, o, n, ch);
			continue;
		}
		op = op_new(c, SD_OP_ADD_COLUMN, nt);
		added[i] = op;
		if (needs_value(n) && n->backfill) {
			/* Staged: add nullable, fill, then tighten. */
			sd_column *tmp = sd_arena_alloc(c->a, sizeof(*tmp));
			sd_op *fill, *tighten;
			*tmp = *n;
			tmp->nullable = true;
			op->column_new = tmp;
			tp_emit(c, tp, op, PH_COLUMNS);
			fill = op_new(c, SD_OP_BACKFILL, nt);
			fill->column_new = n;
			tp_emit(c, tp, fill, PH_COLUMNS);
			tighten = op_new(c, SD_OP_ALTER_COLUMN, nt);
			tighten->column_old = tmp;
			tighten->column_new = n;
			tighten->changes = SD_CHANGE_NULLABLE;
			tp_emit(c, tp, tighten, PH_COLUMNS);
			continue;
		}
		op->column_new = n;
		if (needs_value(n))
			add_warning(c, op, SD_HAZARD_NOT_NULL,
			            sd_arena_printf(c->a,
			                            "sets NOT NULL on %s.%s: fails "
			                            "if existing rows hold NULL "
			                            "(add backfill:)",
			                            tn, n->base.name));
		tp_emit(c, tp, op, PH_COLUMNS);
	}

	/* ... and come back after it. */
	for (i = 0; i < nt->ncolumns; i++) {
		sd_op *op;
		if (!regen[i])
			continue;
		op = op_new(c, SD_OP_ADD_COLUMN, nt);
		op->column_new = nt->columns[i];
		tp_emit(c, tp, op, PH_COLUMNS);
	}

	/* A drop and an add of the same type look like a forgotten rename. */
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i];
		if (!added[i])
			continue;
		for (j = 0; j < ot->ncolumns; j++) {
			sd_column *o = ot->columns[j];
			if (used[j] || sd_map_get(tp->col_o2n, o->base.name) ||
			    !column_type_equal(c, o, n))
				continue;
			used[j] = true;
			add_warning(c, added[i], SD_HAZARD_MAYBE_RENAME,
			            sd_arena_printf(c->a,
			                            "possible rename: %s.%s -> "
			                            "%s.%s (add renamed_from to "
			                            "keep data)",
			                            tn, o->base.name, tn,
			                            n->base.name));
			break;
		}
	}

	/* Generated columns go first: they may use the other dropped ones.
	 * Last column first, so the downgrade (the inverse, in reverse
	 * order) adds them back in their original column order. */
	for (pass = 0; pass < 2; pass++) {
		for (j = ot->ncolumns; j-- > 0;) {
			sd_column *o = ot->columns[j];
			sd_op *op;
			if (sd_map_get(tp->col_o2n, o->base.name) ||
			    (pass == 0) != (o->generated.sql != NULL))
				continue;
			const char *zero = needs_value(o) ? zero_literal(c, o)
			                                  : NULL;
			op = op_new(c, SD_OP_DROP_COLUMN, nt);
			op->column_old = o;
			add_warning(c, op, SD_HAZARD_DATA_LOSS,
			            sd_arena_printf(c->a,
			                            "drops column %s.%s (data loss)",
			                            tn, o->base.name));
			if (zero && c->caps.alter_column) {
				/* Staged, so the downgrade reads: add nullable,
				 * fill with the placeholder, set NOT NULL. */
				sd_column *loose = sd_arena_alloc(c->a,
				                                  sizeof(*loose));
				sd_column *fill = sd_arena_alloc(c->a,
				                                 sizeof(*fill));
				sd_op *relax = op_new(c, SD_OP_ALTER_COLUMN, nt);
				sd_op *noop = op_new(c, SD_OP_NOOP, nt);
				*loose = *o;
				loose->nullable = true;
				*fill = *o;
				fill->backfill = zero;
				relax->column_old = o;
				relax->column_new = loose;
				relax->changes = SD_CHANGE_NULLABLE;
				noop->column_old = fill;
				op->column_old = loose;
				tp_emit(c, tp, relax, PH_DROP_COLUMN);
				tp_emit(c, tp, noop, PH_DROP_COLUMN);
			}
			tp_emit(c, tp, op, PH_DROP_COLUMN);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Constraints and indexes                                             */
/* ------------------------------------------------------------------ */

/* Old column list, through the pair's renames, equals the new one. */
static bool cols_equal_mapped(const tpair *tp, const sd_strlist *o,
                              const sd_strlist *n)
{
	size_t i;

	if (o->n != n->n)
		return false;
	for (i = 0; i < o->n; i++)
		if (!sd_streq(map_col(tp, o->items[i]), n->items[i]))
			return false;
	return true;
}

static bool strlist_same_set(const sd_strlist *a, const sd_strlist *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (!sd_strlist_contains(b, a->items[i]))
			return false;
	return true;
}

/* The column list of a key an FK can point at, or NULL. */
static const sd_strlist *key_columns(dctx *c, const sd_object *o)
{
	if (o->kind == SD_OBJ_PRIMARY_KEY)
		return &((const sd_primary_key *)o)->columns;
	if (o->kind == SD_OBJ_UNIQUE)
		return &((const sd_unique *)o)->columns;
	if (o->kind == SD_OBJ_INDEX) {
		const sd_index *ix = (const sd_index *)o;
		sd_strlist *l;
		size_t i;
		if (!ix->unique || ix->where.sql)
			return NULL;
		l = sd_arena_alloc(c->a, sizeof(*l));
		for (i = 0; i < ix->nkeys; i++) {
			if (!ix->keys[i].column)
				return NULL;
			sd_strlist_push(c->a, l, ix->keys[i].column);
		}
		return l;
	}
	return NULL;
}

static bool unique_equal(dctx *c, const tpair *tp, const sd_object *a,
                         const sd_object *b)
{
	const sd_unique *o = (const sd_unique *)a, *n = (const sd_unique *)b;

	(void)c;
	return cols_equal_mapped(tp, &o->columns, &n->columns) &&
	       o->nulls_not_distinct == n->nulls_not_distinct &&
	       o->deferrable == n->deferrable &&
	       o->initially_deferred == n->initially_deferred;
}

static bool check_equal(dctx *c, const tpair *tp, const sd_object *a,
                        const sd_object *b)
{
	const sd_check *o = (const sd_check *)a, *n = (const sd_check *)b;

	(void)tp;
	return sd_expr_equal(c->scratch, &o->expression, &n->expression);
}

static bool index_equal(dctx *c, const tpair *tp, const sd_object *a,
                        const sd_object *b)
{
	const sd_index *o = (const sd_index *)a, *n = (const sd_index *)b;
	size_t i;

	if (o->nkeys != n->nkeys || o->unique != n->unique ||
	    o->nulls_not_distinct != n->nulls_not_distinct ||
	    !sd_strieq(o->method ? o->method : "btree",
	               n->method ? n->method : "btree") ||
	    !sd_expr_equal(c->scratch, &o->where, &n->where) ||
	    !cols_equal_mapped(tp, &o->include, &n->include))
		return false;
	for (i = 0; i < o->nkeys; i++) {
		const sd_index_key *x = &o->keys[i], *y = &n->keys[i];
		if (!x->column != !y->column)
			return false;
		if (x->column && !sd_streq(map_col(tp, x->column), y->column))
			return false;
		if (!x->column &&
		    !sd_expr_equal(c->scratch, &x->expression, &y->expression))
			return false;
		if (x->desc != y->desc || x->nulls != y->nulls ||
		    !sd_streq(x->collation, y->collation) ||
		    !sd_strieq(x->opclass, y->opclass))
			return false;
	}
	return true;
}

/* The pair an old FK points at (NULL: a table not matched). */
static tpair *fk_old_target(dctx *c, const sd_table *t,
                            const sd_foreign_key *fk)
{
	(void)t;
	return sd_map_get(c->old_tp, qname(c, fk->ref_schema, fk->ref_table));
}

/*
 * True when an existing FK must be dropped before, and re-added after, the
 * key or column it points at changes: PostgreSQL refuses to drop a unique
 * constraint an FK depends on, and rechecks FKs on a type change.
 */
static bool fk_target_disturbed(dctx *c, const sd_table *t,
                                const sd_foreign_key *fk)
{
	tpair *rt;
	size_t i;

	if (!c->caps.alter_constraints)
		return false;
	rt = fk_old_target(c, t, fk);
	if (!rt)
		return false;
	for (i = 0; i < rt->dropped_keys.n; i++)
		if (strlist_same_set(rt->dropped_keys.items[i],
		                     &fk->ref_columns))
			return true;
	for (i = 0; i < fk->ref_columns.n; i++)
		if (sd_map_get(rt->type_changed, fk->ref_columns.items[i]))
			return true;
	return false;
}

/*
 * True when a new FK points at a key of an existing table that the plan
 * only adds later (phase "add constraints"), so the FK cannot be created
 * inline with a new table.
 */
static bool fk_target_added(dctx *c, const sd_foreign_key *fk)
{
	tpair *rt;
	size_t i;

	if (!c->caps.alter_constraints)
		return false;
	rt = sd_map_get(c->new_tp, qname(c, fk->ref_schema, fk->ref_table));
	if (!rt)
		return false;
	for (i = 0; i < rt->added_keys.n; i++)
		if (strlist_same_set(rt->added_keys.items[i],
		                     &fk->ref_columns))
			return true;
	for (i = 0; i < fk->ref_columns.n; i++)
		if (!sd_map_get(rt->col_n2o, fk->ref_columns.items[i]))
			return true;
	return false;
}

/*
 * True when an FK points at a table the plan renames, or at a column it
 * renames. The renames run early; a table dropped in the same plan is
 * dropped late, so its inverse (CREATE TABLE ... REFERENCES old names)
 * would run in the downgrade before the renames are undone. Such an FK is
 * dropped on its own before the renames instead, and so comes back last.
 */
static bool fk_target_renamed(dctx *c, const sd_table *t,
                              const sd_foreign_key *fk)
{
	tpair *rt = fk_old_target(c, t, fk);
	size_t i;

	if (!rt)
		return false;
	if (rt->renamed)
		return true;
	for (i = 0; i < fk->ref_columns.n; i++)
		if (!sd_streq(map_col(rt, fk->ref_columns.items[i]),
		              fk->ref_columns.items[i]))
			return true;
	return false;
}

static bool fk_equal(dctx *c, const tpair *tp, const sd_object *a,
                     const sd_object *b)
{
	const sd_foreign_key *o = (const sd_foreign_key *)a;
	const sd_foreign_key *n = (const sd_foreign_key *)b;
	tpair *rt = fk_old_target(c, tp->old, o);
	const char *ref_schema = o->ref_schema, *ref_table = o->ref_table;

	if (rt) {
		ref_schema = rt->new_->base.schema;
		ref_table = rt->new_->base.name;
	}
	if (!sd_streq(ref_schema, n->ref_schema) ||
	    !sd_streq(ref_table, n->ref_table) ||
	    !cols_equal_mapped(tp, &o->columns, &n->columns) ||
	    !cols_equal_mapped(rt, &o->ref_columns, &n->ref_columns) ||
	    o->on_delete != n->on_delete || o->on_update != n->on_update ||
	    o->deferrable != n->deferrable ||
	    o->initially_deferred != n->initially_deferred)
		return false;
	return !fk_target_disturbed(c, tp->old, o);
}

typedef bool (*obj_equal_fn)(dctx *, const tpair *, const sd_object *,
                             const sd_object *);

/* How one kind of object is added, dropped and renamed. */
typedef struct obj_kind {
	sd_op_kind add, drop, rename;
	int add_phase, drop_phase;
	obj_equal_fn equal;
} obj_kind;

static void drop_object(dctx *c, tpair *tp, const obj_kind *k,
                        const sd_object *o)
{
	sd_op *op = op_new(c, k->drop, tp->old);
	const sd_strlist *key = key_columns(c, o);

	op->obj_old = o;
	if (key)
		sd_vec_push(c->a, &tp->dropped_keys, (void *)key);
	tp_emit(c, tp, op, k->drop_phase);
}

static void add_object(dctx *c, tpair *tp, const obj_kind *k,
                       const sd_object *n)
{
	sd_op *op = op_new(c, k->add, tp->new_);
	const sd_strlist *key = key_columns(c, n);

	op->obj_new = n;
	if (key)
		sd_vec_push(c->a, &tp->added_keys, (void *)key);
	if (k->add == SD_OP_CREATE_INDEX && c->caps.alter_column) {
		if (c->opts->concurrently) {
			op->concurrently = true;
			op->hazards |= SD_HAZARD_NO_TRANSACTION;
		} else {
			add_warning(c, op, SD_HAZARD_LOCKS,
			            sd_arena_printf(
				            c->a,
				            "builds index %s on %s without "
				            "CONCURRENTLY (blocks writes)",
				            n->name, tname(c, tp->new_)));
		}
	}
	tp_emit(c, tp, op, k->add_phase);
}

/* SET_COMMENT on an index, constraint or enum whose comment changed. */
static void comment_object(dctx *c, const sd_table *t, const sd_object *o,
                           const sd_object *n)
{
	sd_op *op;

	if (!c->caps.comments ||
	    sd_streq(sd_object_comment(o), sd_object_comment(n)))
		return;
	op = op_new(c, SD_OP_SET_COMMENT, t);
	op->obj_old = o;
	op->obj_new = n;
	op->name_old = sd_object_comment(o);
	op->name_new = sd_object_comment(n);
	emit(c, op, PH_COMMENT);
}

/*
 * The old index o as the catalog holds it once the pair's columns are
 * renamed (a column rename rewrites the indexes on it). A RENAME_INDEX runs
 * after the column renames in the upgrade and, inverted, before they are
 * undone in the downgrade, so both of its sides name the new columns.
 * Dialects that rename an index by drop and create (SQLite) then build the
 * old index of the downgrade on the columns that exist at that point; the
 * column renames back carry it to the old names. Returns o itself when no
 * key column is renamed, else a copy in the plan's arena.
 */
static const sd_object *index_as_renamed(dctx *c, const tpair *tp,
                                         const sd_object *o)
{
	const sd_index *ix = (const sd_index *)o;
	sd_index *cur;
	bool moved = false;
	size_t i;

	for (i = 0; i < ix->nkeys; i++)
		if (ix->keys[i].column &&
		    !sd_streq(map_col(tp, ix->keys[i].column),
		              ix->keys[i].column))
			moved = true;
	for (i = 0; i < ix->include.n; i++)
		if (!sd_streq(map_col(tp, ix->include.items[i]),
		              ix->include.items[i]))
			moved = true;
	if (!moved)
		return o;
	cur = sd_arena_alloc(c->a, sizeof(*cur));
	*cur = *ix;
	cur->keys = sd_arena_alloc(c->a, (ix->nkeys + 1) * sizeof(*cur->keys));
	for (i = 0; i < ix->nkeys; i++) {
		cur->keys[i] = ix->keys[i];
		if (ix->keys[i].column)
			cur->keys[i].column = map_col(tp, ix->keys[i].column);
	}
	memset(&cur->include, 0, sizeof(cur->include));
	for (i = 0; i < ix->include.n; i++)
		sd_strlist_push(c->a, &cur->include,
		                map_col(tp, ix->include.items[i]));
	return &cur->base;
}

/*
 * Diffs one kind of object of a pair: same name and definition is no
 * change; same name, other definition is drop + add; an unmatched new
 * object whose definition equals an unmatched old one is a rename; the
 * rest are drops and adds. Quadratic only in the table's own objects.
 */
static void diff_objects(dctx *c, tpair *tp, const obj_kind *k,
                         const sd_object **olds, size_t no,
                         const sd_object **news, size_t nn)
{
	bool *om = sd_arena_alloc(c->a, no + 1);
	bool *nm = sd_arena_alloc(c->a, nn + 1);
	size_t i, j;

	for (j = 0; j < nn; j++) {
		for (i = 0; i < no; i++) {
			if (om[i] || !sd_streq(olds[i]->name, news[j]->name))
				continue;
			om[i] = nm[j] = true;
			if (!k->equal(c, tp, olds[i], news[j])) {
				drop_object(c, tp, k, olds[i]);
				add_object(c, tp, k, news[j]);
			} else {
				comment_object(c, tp->new_, olds[i], news[j]);
			}
			break;
		}
	}
	for (j = 0; j < nn; j++) {
		if (nm[j])
			continue;
		for (i = 0; i < no; i++) {
			sd_op *op;
			if (om[i] || !k->equal(c, tp, olds[i], news[j]))
				continue;
			om[i] = nm[j] = true;
			op = op_new(c, k->rename, tp->new_);
			op->obj_old = k->rename == SD_OP_RENAME_INDEX
			                  ? index_as_renamed(c, tp, olds[i])
			                  : olds[i];
			op->obj_new = news[j];
			tp_emit(c, tp, op, PH_RENAME);
			break;
		}
	}
	for (i = 0; i < no; i++)
		if (!om[i])
			drop_object(c, tp, k, olds[i]);
	for (j = 0; j < nn; j++)
		if (!nm[j])
			add_object(c, tp, k, news[j]);
}

#define OBJECTS(c, arr, n, out)                                              \
	do {                                                                 \
		size_t i_;                                                   \
		(out) = sd_arena_alloc((c)->a, ((n) + 1) * sizeof(*(out)));  \
		for (i_ = 0; i_ < (n); i_++)                                 \
			(out)[i_] = &(arr)[i_]->base;                        \
	} while (0)

static const obj_kind kind_unique = {
	SD_OP_ADD_CONSTRAINT, SD_OP_DROP_CONSTRAINT, SD_OP_RENAME_CONSTRAINT,
	PH_ADD_CONS, PH_DROP_CONS, unique_equal};
static const obj_kind kind_check = {
	SD_OP_ADD_CONSTRAINT, SD_OP_DROP_CONSTRAINT, SD_OP_RENAME_CONSTRAINT,
	PH_ADD_CONS, PH_DROP_CONS, check_equal};
static const obj_kind kind_index = {
	SD_OP_CREATE_INDEX, SD_OP_DROP_INDEX, SD_OP_RENAME_INDEX,
	PH_ADD_CONS, PH_DROP_CONS, index_equal};
static const obj_kind kind_fk = {
	SD_OP_ADD_CONSTRAINT, SD_OP_DROP_CONSTRAINT, SD_OP_RENAME_CONSTRAINT,
	PH_ADD_FK, PH_DROP_FK, fk_equal};
static const obj_kind kind_pk = {
	SD_OP_ADD_CONSTRAINT, SD_OP_DROP_CONSTRAINT, SD_OP_RENAME_CONSTRAINT,
	PH_ADD_CONS, PH_DROP_CONS, NULL};

static void diff_primary_key(dctx *c, tpair *tp)
{
	const sd_primary_key *o = tp->old->primary_key;
	const sd_primary_key *n = tp->new_->primary_key;

	if (o && n && cols_equal_mapped(tp, &o->columns, &n->columns)) {
		if (c->caps.named_primary_keys && o->base.name &&
		    n->base.name && !sd_streq(o->base.name, n->base.name)) {
			sd_op *op = op_new(c, SD_OP_RENAME_CONSTRAINT, tp->new_);
			op->obj_old = &o->base;
			op->obj_new = &n->base;
			tp_emit(c, tp, op, PH_RENAME);
		}
		return;
	}
	if (o)
		drop_object(c, tp, &kind_pk, &o->base);
	if (n)
		add_object(c, tp, &kind_pk, &n->base);
}

/* Pass A: everything of a pair except its foreign keys. */
static void diff_pair_a(dctx *c, tpair *tp)
{
	const sd_object **o, **n;

	if (tp->renamed) {
		sd_op *op = op_new(c, SD_OP_RENAME_TABLE, tp->old);
		op->table_old = tp->old;
		op->table_new = tp->new_;
		tp_emit(c, tp, op, PH_RENAME_TABLE);
	}
	diff_columns(c, tp);
	diff_primary_key(c, tp);
	OBJECTS(c, tp->old->uniques, tp->old->nuniques, o);
	OBJECTS(c, tp->new_->uniques, tp->new_->nuniques, n);
	diff_objects(c, tp, &kind_unique, o, tp->old->nuniques, n,
	             tp->new_->nuniques);
	OBJECTS(c, tp->old->checks, tp->old->nchecks, o);
	OBJECTS(c, tp->new_->checks, tp->new_->nchecks, n);
	diff_objects(c, tp, &kind_check, o, tp->old->nchecks, n,
	             tp->new_->nchecks);
	OBJECTS(c, tp->old->indexes, tp->old->nindexes, o);
	OBJECTS(c, tp->new_->indexes, tp->new_->nindexes, n);
	diff_objects(c, tp, &kind_index, o, tp->old->nindexes, n,
	             tp->new_->nindexes);
	if (c->caps.comments &&
	    !sd_streq(tp->old->comment, tp->new_->comment)) {
		sd_op *op = op_new(c, SD_OP_SET_COMMENT, tp->new_);
		op->name_old = tp->old->comment;
		op->name_new = tp->new_->comment;
		emit(c, op, PH_COMMENT);
	}
}

/* Pass B: foreign keys, once every pair's key changes are known. */
static void diff_pair_b(dctx *c, tpair *tp)
{
	const sd_object **o, **n;

	OBJECTS(c, tp->old->foreign_keys, tp->old->nforeign_keys, o);
	OBJECTS(c, tp->new_->foreign_keys, tp->new_->nforeign_keys, n);
	diff_objects(c, tp, &kind_fk, o, tp->old->nforeign_keys, n,
	             tp->new_->nforeign_keys);
}

/* ------------------------------------------------------------------ */
/* Table options (caps.table_options: SQLite)                          */
/* ------------------------------------------------------------------ */

static const char *conflict_of(const sd_primary_key *pk)
{
	return pk ? pk->on_conflict : NULL;
}

/* True when the options the table's CREATE text carries differ:
 * WITHOUT ROWID, STRICT, AUTOINCREMENT and ON CONFLICT clauses. */
static bool table_options_differ(const sd_table *o, const sd_table *n)
{
	size_t i;

	if (o->without_rowid != n->without_rowid || o->strict != n->strict ||
	    !sd_streq(conflict_of(o->primary_key), conflict_of(n->primary_key)))
		return true;
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *nc = n->columns[i];
		const sd_column *oc = find_col(o, nc->base.name);
		if (!oc)
			continue;
		if (oc->autoincrement_keyword != nc->autoincrement_keyword ||
		    !sd_streq(oc->not_null_conflict, nc->not_null_conflict))
			return true;
	}
	for (i = 0; i < n->nindexes; i++) {
		const sd_index *ni = n->indexes[i];
		const sd_index *oi = sd_table_find_index(o, ni->base.name);
		if (oi && !sd_streq(oi->on_conflict, ni->on_conflict))
			return true;
	}
	return false;
}

/*
 * A model never asks for these options, so against models the database
 * keeps what it has: the target's working copy takes them over (columns
 * and key copied, never the caller's objects), and a rebuild for other
 * reasons recreates them. Between two databases the target is taken
 * literally: a difference rebuilds the table.
 */
static void table_options_pair(dctx *c, tpair *tp)
{
	sd_table *n = tp->new_;
	const sd_table *o = tp->old;
	size_t i;

	if (!c->caps.table_options || !c->from->dialect)
		return;
	if (c->to->dialect) {
		tp->options_changed = table_options_differ(o, n);
		return;
	}
	n->without_rowid = o->without_rowid;
	n->strict = o->strict;
	if (n->primary_key && conflict_of(o->primary_key)) {
		sd_primary_key *pk = sd_arena_alloc(c->a, sizeof(*pk));
		*pk = *n->primary_key;
		pk->on_conflict = o->primary_key->on_conflict;
		n->primary_key = pk;
	}
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *oc = find_col(o, n->columns[i]->base.name);
		sd_column *col;
		if (!oc || (!oc->autoincrement_keyword && !oc->not_null_conflict))
			continue;
		col = sd_arena_alloc(c->a, sizeof(*col));
		*col = *n->columns[i];
		col->autoincrement_keyword = oc->autoincrement_keyword;
		col->not_null_conflict = oc->not_null_conflict;
		n->columns[i] = col;
		if (n->column_map)
			sd_map_put(n->column_map, col->base.name, col);
	}
	/* a UNIQUE with a conflict clause only exists inline: the model's
	 * unique on the same columns stays that constraint */
	for (i = 0; i < n->nindexes; i++) {
		const sd_index *oi =
			sd_table_find_index(o, n->indexes[i]->base.name);
		sd_index *ix;
		size_t k;
		if (!oi || !oi->on_conflict || !n->indexes[i]->unique ||
		    oi->nkeys != n->indexes[i]->nkeys ||
		    n->indexes[i]->where.sql)
			continue;
		for (k = 0; k < oi->nkeys; k++)
			if (!oi->keys[k].column ||
			    !sd_streq(oi->keys[k].column,
			              n->indexes[i]->keys[k].column))
				break;
		if (k < oi->nkeys)
			continue;
		ix = sd_arena_alloc(c->a, sizeof(*ix));
		*ix = *n->indexes[i];
		ix->constraint_backed = true;
		ix->on_conflict = oi->on_conflict;
		n->indexes[i] = ix;
	}
}

/* ------------------------------------------------------------------ */
/* Pass C: capabilities and rebuilds                                   */
/* ------------------------------------------------------------------ */

/* True when an old column is used by a key, index, FK, check or
 * generated column, which an in-place DROP COLUMN cannot cope with.
 * Indexes named in gone_indexes are dropped earlier in the plan and do not
 * count. */
static bool column_in_use(const sd_table *t, const char *name,
                          const sd_map *gone_indexes)
{
	size_t i, j;

	if (t->primary_key &&
	    sd_strlist_contains(&t->primary_key->columns, name))
		return true;
	for (i = 0; i < t->nuniques; i++)
		if (sd_strlist_contains(&t->uniques[i]->columns, name))
			return true;
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_strlist_contains(&t->foreign_keys[i]->columns, name))
			return true;
	for (i = 0; i < t->nchecks; i++)
		if (expr_mentions(t->checks[i]->expression.sql, name))
			return true;
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		if (sd_map_get(gone_indexes, ix->base.name))
			continue;
		if (expr_mentions(ix->where.sql, name) ||
		    sd_strlist_contains(&ix->include, name))
			return true;
		for (j = 0; j < ix->nkeys; j++)
			if (sd_streq(ix->keys[j].column, name) ||
			    expr_mentions(ix->keys[j].expression.sql, name))
				return true;
	}
	for (i = 0; i < t->ncolumns; i++)
		if (!sd_streq(t->columns[i]->base.name, name) &&
		    expr_mentions(t->columns[i]->generated.sql, name))
			return true;
	return false;
}

static bool op_needs_rebuild(dctx *c, const tpair *tp, const sd_op *op,
                             const sd_map *gone_indexes)
{
	const sd_dialect_caps *caps = &c->caps;

	switch (op->kind) {
	case SD_OP_ALTER_COLUMN:
		return !caps->alter_column;
	case SD_OP_ADD_CONSTRAINT:
	case SD_OP_DROP_CONSTRAINT:
	case SD_OP_RENAME_CONSTRAINT:
		return !caps->alter_constraints;
	case SD_OP_DROP_INDEX:
	case SD_OP_RENAME_INDEX:
		return ((const sd_index *)op->obj_old)->constraint_backed;
	case SD_OP_DROP_COLUMN:
		return !caps->drop_column ||
		       (!caps->alter_constraints &&
		        column_in_use(tp->old, op->column_old->base.name,
		                      gone_indexes));
	case SD_OP_ADD_COLUMN: {
		const sd_column *n = op->column_new;
		const sd_primary_key *pk = tp->new_->primary_key;
		if (!caps->alter_constraints && pk &&
		    sd_strlist_contains(&pk->columns, n->base.name))
			return true;
		return !caps->alter_column &&
		       (needs_value(n) || n->generated.sql || autoinc(n) ||
		        !default_is_literal(n->default_value.sql));
	}
	default:
		return false;
	}
}

/*
 * Copies a pair's table for a rebuild op, with renamed_from set exactly to
 * the other side's name for each renamed column (NULL for columns that keep
 * their name), so an emitter maps columns old -> new, and the inverse (old
 * and new swapped) maps them back.
 */
static sd_table *rebuild_side(dctx *c, const tpair *tp, bool new_side)
{
	const sd_table *src = new_side ? tp->new_ : tp->old;
	const sd_table *other = new_side ? tp->old : tp->new_;
	sd_table *t = sd_arena_alloc(c->a, sizeof(*t));
	size_t i;

	*t = *src;
	t->renamed_from = tp->renamed ? tname(c, other) : NULL;
	t->columns = sd_arena_alloc(c->a, (src->ncolumns + 1) *
	                                      sizeof(*t->columns));
	t->column_map = src->ncolumns > SD_COLUMN_MAP_MIN
		                 ? sd_map_new(c->a, src->ncolumns)
		                 : NULL;
	for (i = 0; i < src->ncolumns; i++) {
		sd_column *col = sd_arena_alloc(c->a, sizeof(*col));
		const sd_column *peer =
			sd_map_get(new_side ? tp->col_n2o : tp->col_o2n,
			           src->columns[i]->base.name);
		*col = *src->columns[i];
		/* The old side is the inverse rebuild's target: a column it
		 * brings back needs a value for the existing rows. */
		if (!new_side && !peer && needs_value(col) && !col->backfill)
			col->backfill = zero_literal(c, col);
		col->renamed_from =
			peer && !sd_streq(peer->base.name, col->base.name)
				? peer->base.name
				: NULL;
		t->columns[i] = col;
		if (t->column_map)
			sd_map_put(t->column_map, col->base.name, col);
	}
	return t;
}

static void flush_pair(dctx *c, tpair *tp)
{
	bool rebuild = false;
	size_t i;
	sd_op *op;
	pending *p;
	sd_map *dropped_ix = sd_map_new(c->a, 4);
	sd_map *created_ix = sd_map_new(c->a, 4);
	tpair swapped = *tp;

	/* The downgrade runs the inverse ops against the new table, so an op
	 * needs a rebuild when it or its inverse does (dropping a NOT NULL
	 * column is fine in place; adding it back is not). */
	swapped.old = tp->new_;
	swapped.new_ = tp->old;
	for (i = 0; i < tp->ops.n; i++) {
		const sd_op *f = ((pending *)tp->ops.items[i])->op;
		if (f->kind == SD_OP_DROP_INDEX && f->obj_old->name)
			sd_map_put(dropped_ix, f->obj_old->name, (void *)f);
		if (f->kind == SD_OP_CREATE_INDEX && f->obj_new->name)
			sd_map_put(created_ix, f->obj_new->name, (void *)f);
	}
	rebuild = tp->options_changed;
	for (i = 0; i < tp->ops.n && !rebuild; i++) {
		const sd_op *f = ((pending *)tp->ops.items[i])->op;
		rebuild = op_needs_rebuild(c, tp, f, dropped_ix) ||
		          op_needs_rebuild(c, &swapped,
		                           sd_op_invert(c->a, f), created_ix);
	}
	if (!rebuild) {
		for (i = 0; i < tp->ops.n; i++) {
			p = tp->ops.items[i];
			p->seq = c->seq++;
			sd_vec_push(c->a, &c->pending, p);
		}
		return;
	}
	op = op_new(c, SD_OP_REBUILD_TABLE, NULL);
	op->table_old = rebuild_side(c, tp, false);
	op->table_new = rebuild_side(c, tp, true);
	op->table = op->table_old;
	add_warning(c, op, SD_HAZARD_REBUILD,
	            sd_arena_printf(c->a,
	                            "rebuilds table %s (SQLite copies every "
	                            "row)",
	                            tname(c, tp->new_)));
	p = emit(c, op, PH_REBUILD);
	op->folded = sd_arena_alloc(c->a, tp->ops.n * sizeof(sd_op *));
	for (i = 0; i < tp->ops.n; i++) {
		const sd_op *f = ((pending *)tp->ops.items[i])->op;
		op->folded[op->nfolded++] = (sd_op *)f;
		/* Index builds are the rebuild's own; their lock warning is
		 * moot. Other risks (drops, narrowing) still hold. */
		if (!f->warning || (f->hazards & SD_HAZARD_LOCKS))
			continue;
		op->hazards |= f->hazards;
		sd_strlist_push(c->a, &p->extra_warnings, f->warning);
	}
}

/* ------------------------------------------------------------------ */
/* Created and dropped tables: topological order                       */
/* ------------------------------------------------------------------ */

/*
 * Orders tables so that every table comes after the tables its FKs point
 * at (Kahn's algorithm, iterative, ties by name). When only cycles remain,
 * the first remaining table by name goes next and its FKs to tables not yet
 * placed are appended to deferred[i] (sd_vec of sd_foreign_key*): they are
 * the ones that close a cycle. Self-references are no edges.
 * Returns a malloc'ed array of n indexes into ts.
 */
static size_t *topo_order(dctx *c, sd_table **ts, size_t n, sd_vec *deferred)
{
	sd_map *idx = sd_map_new(c->a, n);
	size_t *order = sd_xcalloc(n + 1, sizeof(size_t));
	size_t *indeg = sd_xcalloc(n + 1, sizeof(size_t));
	size_t *start = sd_xcalloc(n + 2, sizeof(size_t));
	size_t *queue = sd_xcalloc(n + 1, sizeof(size_t));
	bool *placed = sd_xcalloc(n + 1, sizeof(bool));
	size_t nedges = 0, *adj, *fill, *ref_of, nfks = 0;
	size_t i, j, e, k = 0, head = 0, tail = 0, cursor = 0;

	for (i = 0; i < n; i++) {
		sd_map_put(idx, tname(c, ts[i]), (void *)(uintptr_t)(i + 1));
		nfks += ts[i]->nforeign_keys;
	}
	/* ref_of[e]: target index + 1 of the e-th FK in table order, or 0. */
	ref_of = sd_xcalloc(nfks + 1, sizeof(size_t));
	for (i = 0, e = 0; i < n; i++) {
		for (j = 0; j < ts[i]->nforeign_keys; j++, e++) {
			const sd_foreign_key *fk = ts[i]->foreign_keys[j];
			size_t r = (uintptr_t)sd_map_get(
				idx, qname(c, fk->ref_schema, fk->ref_table));
			if (r && r - 1 != i) {
				ref_of[e] = r;
				indeg[i]++;
				start[r - 1]++;
				nedges++;
			}
		}
	}
	/* Compressed adjacency: dependants of each referenced table. */
	for (i = 0, e = 0; i <= n; i++) {
		size_t cnt = start[i];
		start[i] = e;
		e += cnt;
	}
	adj = sd_xcalloc(nedges + 1, sizeof(size_t));
	fill = sd_xcalloc(n + 1, sizeof(size_t));
	for (i = 0, e = 0; i < n; i++)
		for (j = 0; j < ts[i]->nforeign_keys; j++, e++)
			if (ref_of[e]) {
				size_t r = ref_of[e] - 1;
				adj[start[r] + fill[r]++] = i;
			}

	for (i = 0; i < n; i++)
		if (!indeg[i])
			queue[tail++] = i;
	while (k < n) {
		if (head == tail) {
			while (placed[cursor])
				cursor++;
			i = cursor;
			for (j = 0; j < ts[i]->nforeign_keys; j++) {
				const sd_foreign_key *fk = ts[i]->foreign_keys[j];
				size_t r = (uintptr_t)sd_map_get(
					idx,
					qname(c, fk->ref_schema, fk->ref_table));
				if (r && r - 1 != i && !placed[r - 1])
					sd_vec_push(c->a, &deferred[i],
					            (void *)fk);
			}
		} else {
			i = queue[head++];
		}
		placed[i] = true;
		order[k++] = i;
		for (e = start[i]; e < start[i + 1]; e++) {
			size_t d = adj[e];
			if (!placed[d] && --indeg[d] == 0)
				queue[tail++] = d;
		}
	}
	free(indeg);
	free(start);
	free(queue);
	free(placed);
	free(adj);
	free(fill);
	free(ref_of);
	return order;
}

static bool fk_in(const sd_vec *v, const sd_foreign_key *fk)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->items[i] == fk)
			return true;
	return false;
}

static void create_tables(dctx *c)
{
	size_t n = c->created.n, i, j, k;
	sd_table **ts = (sd_table **)c->created.items;
	sd_vec *deferred = sd_xcalloc(n + 1, sizeof(sd_vec));
	size_t *order = topo_order(c, ts, n, deferred);

	for (k = 0; k < n; k++) {
		sd_table *t = ts[order[k]];
		sd_op *op = op_new(c, SD_OP_CREATE_TABLE, t);
		op->table_new = t;
		emit(c, op, PH_CREATE_TABLE);
		for (j = 0; j < t->nforeign_keys && c->caps.alter_constraints;
		     j++) {
			sd_foreign_key *fk = t->foreign_keys[j];
			sd_op *add;
			if (!fk_in(&deferred[order[k]], fk) &&
			    !fk_target_added(c, fk))
				continue;
			sd_strlist_push(c->a, &op->deferred_fks, fk->base.name);
			add = op_new(c, SD_OP_ADD_CONSTRAINT, t);
			add->obj_new = &fk->base;
			emit(c, add, PH_ADD_FK);
		}
		for (i = 0; i < t->nindexes; i++) {
			sd_op *ix = op_new(c, SD_OP_CREATE_INDEX, t);
			ix->obj_new = &t->indexes[i]->base;
			emit(c, ix, PH_ADD_CONS);
		}
	}
	free(order);
	free(deferred);
}

static void drop_tables(dctx *c)
{
	size_t n = c->dropped.n, i, j, k;
	sd_table **ts = (sd_table **)c->dropped.items;
	sd_vec *deferred = sd_xcalloc(n + 1, sizeof(sd_vec));
	size_t *order = topo_order(c, ts, n, deferred);

	/* Referencing tables go before the tables they reference. */
	for (k = n; k-- > 0;) {
		sd_table *t = ts[order[k]];
		sd_op *op = op_new(c, SD_OP_DROP_TABLE, t);
		op->table_old = t;
		for (j = 0; j < t->nforeign_keys && c->caps.alter_constraints;
		     j++) {
			sd_foreign_key *fk = t->foreign_keys[j];
			sd_op *drop;
			if (!fk_in(&deferred[order[k]], fk) &&
			    !fk_target_disturbed(c, t, fk) &&
			    !fk_target_renamed(c, t, fk))
				continue;
			sd_strlist_push(c->a, &op->deferred_fks, fk->base.name);
			drop = op_new(c, SD_OP_DROP_CONSTRAINT, t);
			drop->obj_old = &fk->base;
			emit(c, drop, PH_DROP_FK);
		}
		/* Explicit, so the inverse (CREATE TABLE) gets them back. */
		for (i = 0; i < t->nindexes; i++) {
			sd_op *ix;
			if (t->indexes[i]->constraint_backed)
				continue;
			ix = op_new(c, SD_OP_DROP_INDEX, t);
			ix->obj_old = &t->indexes[i]->base;
			emit(c, ix, PH_DROP_CONS);
		}
		add_warning(c, op, SD_HAZARD_DATA_LOSS,
		            sd_arena_printf(c->a, "drops table %s (data loss)",
		                            tname(c, t)));
		emit(c, op, PH_DROP_TABLE);
	}
	free(order);
	free(deferred);
}

/* ------------------------------------------------------------------ */
/* Enums and namespaces                                                */
/* ------------------------------------------------------------------ */

/* An enum with the values of `to` that are old or among the first k new. */
static sd_enum *enum_step(dctx *c, const sd_enum *from, const sd_enum *to,
                          size_t k)
{
	sd_enum *e = sd_arena_alloc(c->a, sizeof(*e));
	size_t i, added = 0;

	*e = *to;
	memset(&e->values, 0, sizeof(e->values));
	for (i = 0; i < to->values.n; i++) {
		const char *v = to->values.items[i];
		if (sd_strlist_contains(&from->values, v)) {
			sd_strlist_push(c->a, &e->values, v);
		} else if (added++ < k) {
			sd_strlist_push(c->a, &e->values, v);
		}
	}
	return e;
}

/* True when b is a with values inserted (same relative order). */
static bool enum_only_adds(const sd_strlist *a, const sd_strlist *b)
{
	size_t i = 0, j;

	for (j = 0; j < b->n && i < a->n; j++)
		if (sd_streq(a->items[i], b->items[j]))
			i++;
	return i == a->n;
}

static bool expr_has(const sd_expr *e, const char *needle)
{
	return e->sql && strstr(e->sql, needle);
}

/*
 * True when an expression of `s` (a default, a generated column, a check,
 * an index key or predicate) holds the SQL literal 'value'. A label added
 * by ALTER TYPE ... ADD VALUE cannot be used before its transaction commits
 * ("unsafe use of new value"), while the labels of a type created in the
 * same transaction can, so such a plan recreates the type instead. A
 * literal of another type with the same spelling only costs a recreate.
 */
static bool schema_uses_literal(dctx *c, const sd_schema *s,
                                const char *value)
{
	sd_buf b = SD_BUF_INIT;
	const char *p, *lit;
	size_t t, j, k;
	bool found = false;

	sd_buf_putc(&b, '\'');
	for (p = value; *p; p++) {
		if (*p == '\'')
			sd_buf_putc(&b, '\'');
		sd_buf_putc(&b, *p);
	}
	sd_buf_putc(&b, '\'');
	lit = sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
	sd_buf_free(&b);
	for (t = 0; t < s->ntables && !found; t++) {
		const sd_table *tb = s->tables[t];
		for (j = 0; j < tb->ncolumns && !found; j++)
			found = expr_has(&tb->columns[j]->default_value, lit) ||
			        expr_has(&tb->columns[j]->generated, lit);
		for (j = 0; j < tb->nchecks && !found; j++)
			found = expr_has(&tb->checks[j]->expression, lit);
		for (j = 0; j < tb->nindexes && !found; j++) {
			const sd_index *ix = tb->indexes[j];
			found = expr_has(&ix->where, lit);
			for (k = 0; k < ix->nkeys && !found; k++)
				found = expr_has(&ix->keys[k].expression, lit);
		}
	}
	return found;
}

/* True when the plan must use a value that n adds to o (see above). */
static bool enum_new_value_used(dctx *c, const sd_enum *o, const sd_enum *n,
                                const sd_schema *to)
{
	size_t i;

	for (i = 0; i < n->values.n; i++)
		if (!sd_strlist_contains(&o->values, n->values.items[i]) &&
		    schema_uses_literal(c, to, n->values.items[i]))
			return true;
	return false;
}

static void diff_enum_values(dctx *c, const sd_enum *o, const sd_enum *n,
                             const sd_schema *to)
{
	size_t i, k = 0;
	const sd_enum *prev = o;

	if (!enum_only_adds(&o->values, &n->values) ||
	    enum_new_value_used(c, o, n, to)) {
		sd_op *op = op_new(c, SD_OP_RECREATE_ENUM, NULL);
		op->obj_old = &o->base;
		op->obj_new = &n->base;
		emit(c, op, PH_RECREATE_ENUM);
		return;
	}
	for (i = 0; i < n->values.n; i++) {
		const char *v = n->values.items[i];
		sd_enum *next;
		sd_op *op;
		if (sd_strlist_contains(&o->values, v))
			continue;
		next = enum_step(c, o, n, ++k);
		op = op_new(c, SD_OP_ADD_ENUM_VALUE, NULL);
		op->obj_old = &prev->base;
		op->obj_new = &next->base;
		op->name_new = v;
		/* The value before it exists by now (old or added earlier);
		 * a new first value goes before the first old one. */
		if (i > 0) {
			op->value_anchor = n->values.items[i - 1];
		} else if (o->values.n) {
			op->value_anchor = o->values.items[0];
			op->anchor_before = true;
		}
		emit(c, op, PH_ENUM);
		prev = next;
	}
}

static sd_enum **sorted_enums(dctx *c, const sd_schema *s)
{
	sd_enum **e = dup_ptrs(c, s->enums, s->nenums, sizeof(*s->enums));

	if (s->nenums > 1)
		qsort(e, s->nenums, sizeof(*e), cmp_object_ptr);
	return e;
}

static void diff_enums(dctx *c, const sd_schema *from, const sd_schema *to)
{
	sd_enum **fe = sorted_enums(c, from), **te = sorted_enums(c, to);
	sd_map *fm = sd_map_new(c->a, from->nenums), *tm;
	size_t i;

	tm = sd_map_new(c->a, to->nenums);
	for (i = 0; i < from->nenums; i++)
		sd_map_put(fm, qname(c, fe[i]->base.schema, fe[i]->base.name),
		           fe[i]);
	for (i = 0; i < to->nenums; i++) {
		const char *key = qname(c, te[i]->base.schema, te[i]->base.name);
		sd_enum *o = sd_map_get(fm, key);
		sd_map_put(tm, key, te[i]);
		if (!o) {
			sd_op *op = op_new(c, SD_OP_CREATE_ENUM, NULL);
			op->obj_new = &te[i]->base;
			emit(c, op, PH_ENUM);
		} else {
			if (!sd_strlist_equal(&o->values, &te[i]->values))
				diff_enum_values(c, o, te[i], to);
			comment_object(c, NULL, &o->base, &te[i]->base);
		}
	}
	for (i = 0; i < from->nenums; i++) {
		if (sd_map_get(tm, qname(c, fe[i]->base.schema,
		                         fe[i]->base.name)))
			continue;
		sd_op *op = op_new(c, SD_OP_DROP_ENUM, NULL);
		op->obj_old = &fe[i]->base;
		emit(c, op, PH_DROP_ENUM);
	}
}

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void ns_add(dctx *c, sd_map *m, sd_vec *list, const char *ns)
{
	if (!ns || sd_map_get(m, ns))
		return;
	sd_map_put(m, ns, (void *)ns);
	if (list)
		sd_vec_push(c->a, list, (void *)ns);
}

/*
 * CREATE_NAMESPACE for schemas the target uses and the source lacks;
 * DROP_NAMESPACE for schemas whose every object goes away and that nothing
 * left behind (ignored or unlisted tables) still lives in.
 */
static void diff_namespaces(dctx *c, const sd_schema *from,
                            const sd_schema *to, sd_map *kept_from)
{
	sd_map *has = sd_map_new(c->a, 8), *used = sd_map_new(c->a, 8);
	sd_map *seen = sd_map_new(c->a, 8);
	sd_vec creates = {0}, drops = {0};
	size_t i;

	for (i = 0; i < from->namespaces.n; i++)
		ns_add(c, has, NULL, from->namespaces.items[i]);
	for (i = 0; i < from->ntables; i++)
		ns_add(c, has, NULL, from->tables[i]->base.schema);
	for (i = 0; i < from->nenums; i++)
		ns_add(c, has, NULL, from->enums[i]->base.schema);
	for (i = 0; i < to->namespaces.n; i++)
		ns_add(c, used, NULL, to->namespaces.items[i]);
	for (i = 0; i < to->ntables; i++)
		if (!table_ignored(c->opts, to->tables[i]))
			ns_add(c, used, NULL, to->tables[i]->base.schema);
	for (i = 0; i < to->nenums; i++)
		ns_add(c, used, NULL, to->enums[i]->base.schema);

	for (i = 0; i < to->namespaces.n; i++)
		if (!sd_map_get(has, to->namespaces.items[i]))
			ns_add(c, seen, &creates, to->namespaces.items[i]);
	for (i = 0; i < to->ntables; i++) {
		const char *ns = to->tables[i]->base.schema;
		if (ns && sd_map_get(used, ns) && !sd_map_get(has, ns))
			ns_add(c, seen, &creates, ns);
	}
	for (i = 0; i < to->nenums; i++) {
		const char *ns = to->enums[i]->base.schema;
		if (ns && !sd_map_get(has, ns))
			ns_add(c, seen, &creates, ns);
	}
	for (i = 0; i < from->ntables; i++) {
		const char *ns = from->tables[i]->base.schema;
		if (ns && !sd_map_get(used, ns) &&
		    !sd_map_get(kept_from, ns))
			ns_add(c, seen, &drops, ns);
	}
	for (i = 0; i < from->nenums; i++) {
		const char *ns = from->enums[i]->base.schema;
		if (ns && !sd_map_get(used, ns) &&
		    !sd_map_get(kept_from, ns))
			ns_add(c, seen, &drops, ns);
	}
	if (creates.n > 1)
		qsort(creates.items, creates.n, sizeof(void *), cmp_str_ptr);
	if (drops.n > 1)
		qsort(drops.items, drops.n, sizeof(void *), cmp_str_ptr);
	for (i = 0; i < creates.n; i++) {
		sd_op *op = op_new(c, SD_OP_CREATE_NAMESPACE, NULL);
		op->name_new = creates.items[i];
		emit(c, op, PH_CREATE_NS);
	}
	for (i = 0; i < drops.n; i++) {
		sd_op *op = op_new(c, SD_OP_DROP_NAMESPACE, NULL);
		op->name_old = drops.items[i];
		emit(c, op, PH_DROP_NS);
	}
}

/* ------------------------------------------------------------------ */
/* Matching tables and putting it together                             */
/* ------------------------------------------------------------------ */

static sd_table **sorted_tables(dctx *c, const sd_schema *s, size_t *n)
{
	sd_table **t = sd_arena_alloc(c->a, (s->ntables + 1) * sizeof(*t));
	size_t i, k = 0;

	for (i = 0; i < s->ntables; i++)
		if (!table_ignored(c->opts, s->tables[i]))
			t[k++] = s->tables[i];
	if (k > 1)
		qsort(t, k, sizeof(*t), cmp_object_ptr);
	*n = k;
	return t;
}

/*
 * Splits a renamed_from "schema.name" (or "name": the table's schema).
 * "public.name" names the default schema, which tables store as none.
 */
static const char *renamed_key(dctx *c, const sd_table *t)
{
	if (strncmp(t->renamed_from, "public.", 7) == 0)
		return t->renamed_from + 7;
	if (strchr(t->renamed_from, '.'))
		return t->renamed_from;
	return qname(c, t->base.schema, t->renamed_from);
}

static void match_tables(dctx *c, const sd_schema *from, const sd_schema *to,
                         sd_map *kept_from)
{
	size_t nf, nt, i;
	sd_table **ft = sorted_tables(c, from, &nf);
	sd_table **tt = sorted_tables(c, to, &nt);
	sd_map *fmap = sd_map_new(c->a, nf), *tmap = sd_map_new(c->a, nt);
	sd_map *taken = sd_map_new(c->a, nt);

	for (i = 0; i < nf; i++)
		sd_map_put(fmap, tname(c, ft[i]), ft[i]);
	for (i = 0; i < nt; i++)
		sd_map_put(tmap, tname(c, tt[i]), tt[i]);
	c->old_tp = sd_map_new(c->a, nt);
	c->new_tp = sd_map_new(c->a, nt);

	for (i = 0; i < nt; i++) {
		const char *key = tname(c, tt[i]);
		const sd_table *o = sd_map_get(fmap, key);
		const char *okey = key;
		bool renamed = false;
		tpair *tp;
		if (!o && tt[i]->renamed_from) {
			okey = renamed_key(c, tt[i]);
			if (!sd_map_get(tmap, okey) && !sd_map_get(taken, okey)) {
				o = sd_map_get(fmap, okey);
				renamed = o != NULL;
			}
		}
		if (!o) {
			sd_vec_push(c->a, &c->created, work_copy(c, tt[i]));
			continue;
		}
		sd_map_put(taken, okey, (void *)o);
		tp = sd_arena_alloc(c->a, sizeof(*tp));
		tp->old = work_copy(c, o);
		tp->new_ = work_copy(c, tt[i]);
		tp->renamed = renamed;
		table_options_pair(c, tp);
		match_columns(c, tp);
		sd_map_put(c->old_tp, okey, tp);
		sd_map_put(c->new_tp, key, tp);
		sd_vec_push(c->a, &c->pairs, tp);
	}
	for (i = 0; i < nf; i++) {
		if (sd_map_get(taken, tname(c, ft[i])))
			continue;
		if (c->opts->drop_unlisted)
			sd_vec_push(c->a, &c->dropped, work_copy(c, ft[i]));
		else if (ft[i]->base.schema)
			sd_map_put(kept_from, ft[i]->base.schema,
			           (void *)ft[i]->base.schema);
	}
	for (i = 0; i < from->ntables; i++)
		if (table_ignored(c->opts, from->tables[i]) &&
		    from->tables[i]->base.schema)
			sd_map_put(kept_from, from->tables[i]->base.schema,
			           (void *)from->tables[i]->base.schema);
}

/*
 * Notes (never ops) for what the differ does not manage: objects of the
 * database it leaves alone, and those whose definition changed between the
 * two sides, so nothing is skipped silently.
 */
static void note_unmanaged(dctx *c, const sd_schema *from,
                           const sd_schema *to)
{
	sd_map *tm = sd_map_new(c->a, to->nunmanaged);
	sd_unmanaged **fu = dup_ptrs(c, from->unmanaged, from->nunmanaged,
	                             sizeof(*from->unmanaged));
	size_t i;

	if (from->nunmanaged > 1)
		qsort(fu, from->nunmanaged, sizeof(*fu), cmp_object_ptr);
	for (i = 0; i < to->nunmanaged; i++) {
		const sd_unmanaged *u = to->unmanaged[i];
		sd_map_put(tm,
		           sd_arena_printf(c->a, "%s %s", u->what,
		                           qname(c, u->base.schema,
		                                 u->base.name)),
		           (void *)u);
	}
	for (i = 0; i < from->nunmanaged; i++) {
		const sd_unmanaged *u = fu[i];
		const char *what = u->what ? u->what : "object";
		const char *name = qname(c, u->base.schema, u->base.name);
		const sd_unmanaged *v = sd_map_get(
			tm, sd_arena_printf(c->a, "%s %s", u->what, name));
		if (v && u->definition && v->definition &&
		    !sd_streq(u->definition, v->definition))
			sd_strlist_push(c->a, &c->plan->notes,
			                sd_arena_printf(c->a,
			                                "%s %s changed: not diffed, "
			                                "update it by hand",
			                                what, name));
		else if (!v)
			sd_strlist_push(c->a, &c->plan->notes,
			                sd_arena_printf(c->a,
			                                "%s %s is not managed by "
			                                "schemadiff",
			                                what, name));
	}
}

static int cmp_pending(const void *a, const void *b)
{
	const pending *x = *(const pending *const *)a;
	const pending *y = *(const pending *const *)b;

	if (x->phase != y->phase)
		return x->phase < y->phase ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static const sd_dialect_caps full_caps = {
	.transactional_ddl = true,
	.alter_column = true,
	.alter_constraints = true,
	.drop_column = true,
	.enums = true,
	.namespaces = true,
	.comments = true,
	.named_primary_keys = true,
};

int sd_diff(sd_plan **out, const sd_schema *from, const sd_schema *to,
            const sd_diff_opts *opts, sd_error *err)
{
	static const sd_diff_opts no_opts;
	sd_plan *plan = NULL;
	dctx c;
	sd_map *kept_from;
	size_t i;
	int rc = SD_OK;

	if (!out || !from || !to) {
		rc = sd_error_set(err, SD_EINPUT, "diff: missing schema");
		goto done;
	}
	if (!opts)
		opts = &no_opts;
	memset(&c, 0, sizeof(c));
	{
		sd_arena *pa = sd_arena_new();
		plan = sd_arena_alloc(pa, sizeof(*plan));
		plan->arena = pa;
	}
	c.plan = plan;
	c.a = plan->arena;
	c.scratch = sd_arena_new();
	c.opts = opts;
	c.from = from;
	c.to = to;
	c.caps = opts->caps ? *opts->caps : full_caps;
	c.type_eq = c.caps.column_type_equal;
	kept_from = sd_map_new(c.a, 8);

	match_tables(&c, from, to, kept_from);
	if (c.caps.namespaces)
		diff_namespaces(&c, from, to, kept_from);
	if (c.caps.enums)
		diff_enums(&c, from, to);
	for (i = 0; i < c.pairs.n; i++)
		diff_pair_a(&c, c.pairs.items[i]);
	for (i = 0; i < c.pairs.n; i++)
		diff_pair_b(&c, c.pairs.items[i]);
	for (i = 0; i < c.pairs.n; i++)
		flush_pair(&c, c.pairs.items[i]);
	create_tables(&c);
	drop_tables(&c);
	note_unmanaged(&c, from, to);

	if (c.pending.n > 1)
		qsort(c.pending.items, c.pending.n, sizeof(void *), cmp_pending);
	plan->nops = c.pending.n;
	plan->ops = sd_arena_alloc(c.a, (plan->nops + 1) * sizeof(sd_op *));
	for (i = 0; i < c.pending.n; i++) {
		pending *p = c.pending.items[i];
		size_t w;
		plan->ops[i] = p->op;
		if (p->op->warning)
			sd_strlist_push(c.a, &plan->warnings, p->op->warning);
		for (w = 0; w < p->extra_warnings.n; w++)
			sd_strlist_push(c.a, &plan->warnings,
			                p->extra_warnings.items[w]);
		if (p->op->hazards & SD_HAZARD_NO_TRANSACTION)
			plan->no_transaction = true;
	}
	sd_arena_free(c.scratch);
	/* Ownership: the plan and everything its ops allocated. */
	*out = plan;
	plan = NULL;
done:
	sd_plan_free(plan);
	return rc;
}
