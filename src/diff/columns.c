/*
 * columns.c - the columns of a table pair: matching them (by name or
 * renamed_from), what changed in each (type, nullability, default,
 * identity, collation, generation, comment), and the literals a rebuild or
 * a downgrade needs for rows that must get a value.
 */
#include "diff/differ.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Columns                                                             */
/* ------------------------------------------------------------------ */

bool sd_diff_autoinc(const sd_column *col)
{
	return col->autoincrement || col->identity != SD_IDENTITY_NONE;
}

bool sd_diff_column_type_equal(dctx *c, const sd_column *o,
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

/* A column moving from one enum to another loses nothing when the new
 * enum has every label of the old one (an enum replaced by a renamed
 * copy). */
static bool enum_labels_kept(dctx *c, const sd_type *o, const sd_type *n)
{
	const sd_enum *x, *y;
	size_t i;

	if (o->kind != SD_T_ENUM || n->kind != SD_T_ENUM)
		return false;
	x = sd_schema_find_enum(c->from, o->enum_schema, o->name);
	y = sd_schema_find_enum(c->to, n->enum_schema, n->name);
	if (!x || !y)
		return false;
	for (i = 0; i < x->values.n; i++)
		if (!sd_strlist_contains(&y->values, x->values.items[i]))
			return false;
	return true;
}

/* How a column gets its values: which identity, serial, or the models'
 * plain "autoincrement", which says no more. */
typedef enum id_form {
	ID_NONE,
	ID_IMPLICIT,
	ID_SERIAL,
	ID_ALWAYS,
	ID_BY_DEFAULT,
} id_form;

static id_form identity_form(const sd_column *col)
{
	if (col->identity == SD_IDENTITY_ALWAYS)
		return ID_ALWAYS;
	if (col->identity == SD_IDENTITY_BY_DEFAULT)
		return ID_BY_DEFAULT;
	if (sd_diff_serial(col))
		return ID_SERIAL;
	if (sd_diff_implicit_autoinc(col))
		return ID_IMPLICIT;
	return ID_NONE;
}

/* Same form; the models' plain autoincrement is any of serial and BY
 * DEFAULT identity (SPEC), never ALWAYS. */
static bool identity_same(id_form a, id_form b)
{
	if (a == b)
		return true;
	if (a == ID_IMPLICIT)
		return b == ID_SERIAL || b == ID_BY_DEFAULT;
	if (b == ID_IMPLICIT)
		return a == ID_SERIAL || a == ID_BY_DEFAULT;
	return false;
}

/* An identity's sequence: options (for the column's type), name and
 * comment. */
static bool identity_options_equal(const sd_column *o, const sd_column *n)
{
	const sd_identity_options *a = sd_column_x(o)->identity_options;
	const sd_identity_options *b = sd_column_x(n)->identity_options;

	return sd_seqopts_equal(a ? &a->opts : NULL, b ? &b->opts : NULL,
	                        n->type.kind) &&
	       sd_streq(a ? a->sequence : NULL, b ? b->sequence : NULL) &&
	       sd_streq(a ? a->comment : NULL, b ? b->comment : NULL);
}

/* The SD_CHANGE_* bits between a database column and a desired one. */
static unsigned column_changes(dctx *c, const sd_column *o,
                               const sd_column *n)
{
	id_form fo = identity_form(o), fn = identity_form(n);
	bool io = fo == ID_ALWAYS || fo == ID_BY_DEFAULT;
	bool in = fn == ID_ALWAYS || fn == ID_BY_DEFAULT;
	unsigned ch = 0;

	if (!sd_diff_column_type_equal(c, o, n))
		ch |= SD_CHANGE_TYPE;
	if (o->nullable != n->nullable)
		ch |= SD_CHANGE_NULLABLE;
	/* a serial's nextval default is what the models' autoincrement
	 * stands for */
	if (!sd_expr_equal(c->scratch, &o->default_value, &n->default_value) &&
	    !(fo == ID_SERIAL && fn == ID_IMPLICIT) &&
	    !(fo == ID_IMPLICIT && fn == ID_SERIAL))
		ch |= SD_CHANGE_DEFAULT;
	/* ALWAYS <-> BY DEFAULT keeps the sequence: its options are
	 * compared too (SET GENERATED changes none of them) */
	if (!identity_same(fo, fn))
		ch |= SD_CHANGE_IDENTITY;
	if (((io && in) || (identity_same(fo, fn) && (io || in))) &&
	    !identity_options_equal(o, n))
		ch |= SD_CHANGE_OPTIONS;
	if (!sd_streq(sd_column_x(o)->collation, sd_column_x(n)->collation))
		ch |= SD_CHANGE_COLLATION;
	if (!sd_expr_equal(c->scratch, &sd_column_x(o)->generated, &sd_column_x(n)->generated) ||
	    (sd_column_x(o)->generated.sql && sd_column_x(n)->generated.sql &&
	     sd_column_x(o)->generated_virtual != sd_column_x(n)->generated_virtual))
		ch |= SD_CHANGE_GENERATED;
	if (c->caps.comments && !sd_streq(sd_column_x(o)->comment, sd_column_x(n)->comment))
		ch |= SD_CHANGE_COMMENT;
	if (c->caps.table_settings && !sd_diff_column_settings_equal(o, n))
		ch |= SD_CHANGE_STORAGE;
	return ch;
}

sd_column *sd_diff_find_col(const sd_table *t, const char *name)
{
	return name ? sd_table_find_column(t, name) : NULL;
}

/* A new NOT NULL column that nothing fills for the existing rows. */
bool sd_diff_needs_value(const sd_column *n)
{
	return !n->nullable && !n->default_value.sql && !sd_diff_autoinc(n) &&
	       !sd_column_x(n)->generated.sql;
}

/*
 * A value of the column's type for rows that must get one when a dropped
 * NOT NULL column without default comes back in a downgrade: the data is
 * gone either way, and a placeholder keeps the downgrade runnable: the
 * server's own when the catalog read gave one (any type PostgreSQL has a
 * value for), NULL when the type is not known well enough.
 */
const char *sd_diff_zero_literal(dctx *c, const sd_column *col)
{
	size_t i;

	if (sd_column_x(col)->zero)
		return sd_column_x(col)->zero;
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
			const char *r;
			if (!sd_streq(e->base.name, col->type.name) ||
			    !sd_streq(e->base.schema, col->type.enum_schema) ||
			    !e->values.n)
				continue;
			sd_quote_literal_std(&b, e->values.items[0]);
			r = sd_arena_strdup(c->a, b.data);
			sd_buf_free(&b);
			return r;
		}
		return NULL;
	default:
		return NULL;
	}
}

void sd_diff_match_columns(dctx *c, tpair *tp)
{
	size_t i;

	tp->col_o2n = sd_map_new(c->a, tp->new_->ncolumns);
	tp->col_n2o = sd_map_new(c->a, tp->new_->ncolumns);
	tp->type_changed = sd_map_new(c->a, 4);
	for (i = 0; i < tp->new_->ncolumns; i++) {
		sd_column *n = tp->new_->columns[i];
		sd_column *o = sd_diff_find_col(tp->old, n->base.name);
		if (!o && sd_column_x(n)->renamed_from &&
		    !sd_diff_find_col(tp->new_, sd_column_x(n)->renamed_from)) {
			o = sd_diff_find_col(tp->old, sd_column_x(n)->renamed_from);
			if (o && sd_map_get(tp->col_o2n, o->base.name))
				o = NULL;
		}
		if (o) {
			sd_map_put(tp->col_o2n, o->base.name, n);
			sd_map_put(tp->col_n2o, n->base.name, o);
		}
	}
}

/* The old column a new one is matched with, or NULL. */
static sd_column *old_of(const tpair *tp, const sd_column *n)
{
	return sd_map_get(tp->col_n2o, n->base.name);
}

/* The new name of an old column (itself when unmatched). */
const char *sd_diff_map_col(const tpair *tp, const char *old_name)
{
	const sd_column *n = tp ? sd_map_get(tp->col_o2n, old_name) : NULL;

	return n ? n->base.name : old_name;
}

/*
 * Marks in regen[i] the generated columns of the pair's new table that read
 * a column whose type or collation changes. PostgreSQL refuses that ALTER
 * ("cannot alter type of a column used by a generated column"), so such a
 * column is dropped before and added back after; its values are computed,
 * so nothing is lost.
 */
static void mark_regenerated(dctx *c, tpair *tp, bool *regen)
{
	sd_table *nt = tp->new_;
	size_t i, j;

	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *g = nt->columns[i];
		sd_column *og = old_of(tp, g);
		if (!sd_column_x(g)->generated.sql || !og || !sd_column_x(og)->generated.sql)
			continue;
		for (j = 0; j < nt->ncolumns && !regen[i]; j++) {
			sd_column *n = nt->columns[j];
			sd_column *o = old_of(tp, n);
			if (j == i || !o ||
			    !(column_changes(c, o, n) &
			      (SD_CHANGE_TYPE | SD_CHANGE_COLLATION)))
				continue;
			regen[i] = sd_diff_expr_mentions(sd_column_x(g)->generated.sql,
			                                 n->base.name,
			                                 c->caps.lang) ||
			           sd_diff_expr_mentions(sd_column_x(og)->generated.sql,
			                                 o->base.name,
			                                 c->caps.lang);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Columns a table has from its parent                                 */
/* ------------------------------------------------------------------ */

/* Whether old table t was already a partition or child of pair pp. */
static bool was_child_of(dctx *c, const sd_table *t, const tpair *pp)
{
	size_t i;

	if (t->partition_of &&
	    sd_map_get(c->old_tp, sd_diff_qname(c, t->partition_of_schema,
	                                        t->partition_of)) == pp)
		return true;
	for (i = 0; i < t->ninherits; i++)
		if (sd_map_get(c->old_tp,
		               sd_diff_qname(c, t->inherits[i].schema,
		                             t->inherits[i].name)) == pp)
			return true;
	return false;
}

/*
 * The pair of the parent whose column `name` the pair's table takes from
 * it and whose ALTERs reach it by themselves: a table of both sides, of
 * which the table was a child already. NULL when there is none (a table
 * that becomes a partition needs its columns right before it is
 * attached).
 */
static tpair *propagating_parent(dctx *c, tpair *tp, const char *name)
{
	tpair *pp;

	if (!c->caps.db_objects || !sd_table_is_child(tp->new_))
		return NULL;
	pp = sd_diff_parent_pair(c, tp->new_, name);
	return pp && was_child_of(c, tp->old, pp) ? pp : NULL;
}

/*
 * What the pair's table's column n (the parent's column) is once the
 * parent's own ALTERs ran: o (the table's old column, NULL when the
 * parent adds it) with the parent's NOT NULL, or the parent's new column.
 * Its type, collation and generation are the parent's business, its
 * default is its own (the parent's default changes only the parent).
 */
static const sd_column *after_parent(dctx *c, const tpair *pp,
                                     const sd_column *o, const sd_column *n)
{
	const sd_column *pn = sd_diff_find_col(pp->new_, n->base.name);
	const sd_column *po = pn ? sd_map_get(pp->col_n2o, pn->base.name)
	                         : NULL;
	sd_column *e = sd_arena_alloc(c->a, sizeof(*e));

	if (!pn)
		return o;
	if (o) {
		*e = *o;
		if (po && po->nullable != pn->nullable)
			e->nullable = pn->nullable;
	} else {
		*e = *pn;
		e->identity = SD_IDENTITY_NONE;
		SD_COLUMN_XSET(c->a, e, identity_options, NULL);
		e->autoincrement = false;
		SD_COLUMN_XSET(c->a, e, sequence, NULL);
		SD_COLUMN_XSET(c->a, e, comment, NULL);
	}
	e->type = n->type;
	e->type_sql = n->type_sql;
	SD_COLUMN_XSET(c->a, e, collation, sd_column_x(n)->collation);
	if (e->ext || n->ext)
		sd_column_xw(c->a, e)->generated = sd_column_x(n)->generated;
	e->identity = n->identity;
	SD_COLUMN_XSET(c->a, e, identity_options,
	               sd_column_x(n)->identity_options);
	e->autoincrement = n->autoincrement;
	SD_COLUMN_XSET(c->a, e, sequence, sd_column_x(n)->sequence);
	e->inherited = true;
	return e;
}

/* Whether the pair's table is a typed table of the same composite type on
 * both sides: ALTER TYPE ... CASCADE adds, drops and retypes its columns
 * (ALTER TABLE may not), which are then what after_type says. */
static bool typed_alike(dctx *c, const tpair *tp)
{
	return c->caps.db_objects && tp->old->of_type && tp->new_->of_type &&
	       sd_streq(sd_diff_qname(c, tp->old->of_type_schema,
	                              tp->old->of_type),
	                sd_diff_qname(c, tp->new_->of_type_schema,
	                              tp->new_->of_type));
}

/* Column n of a typed table once its type's ALTERs ran: o (NULL when the
 * type adds the attribute: a plain column) with n's type and collation. */
static const sd_column *after_type(dctx *c, const sd_column *o,
                                   const sd_column *n)
{
	sd_column *e = sd_arena_alloc(c->a, sizeof(*e));

	*e = o ? *o : *n;
	if (!o) {
		e->nullable = true;
		memset(&e->default_value, 0, sizeof(e->default_value));
		SD_COLUMN_XSET(c->a, e, comment, NULL);
	}
	e->type = n->type;
	e->type_sql = n->type_sql;
	SD_COLUMN_XSET(c->a, e, collation, sd_column_x(n)->collation);
	return e;
}

/* Whether a parent of both sides that the pair's table stays a child of
 * had column o and drops it, so that its DROP COLUMN takes o along. */
static bool parent_drops(dctx *c, tpair *tp, const sd_column *o)
{
	size_t i, np = tp->new_->partition_of ? 1 : tp->new_->ninherits;

	for (i = 0; i < np; i++) {
		const char *schema = tp->new_->partition_of
			                     ? tp->new_->partition_of_schema
			                     : tp->new_->inherits[i].schema;
		const char *name = tp->new_->partition_of
			                   ? tp->new_->partition_of
			                   : tp->new_->inherits[i].name;
		tpair *pp = sd_map_get(c->new_tp, sd_diff_qname(c, schema, name));
		if (pp && was_child_of(c, tp->old, pp) &&
		    sd_diff_find_col(pp->old, o->base.name) &&
		    !sd_map_get(pp->col_o2n, o->base.name))
			return true;
	}
	return false;
}

/*
 * Whether an INHERITS child of the pair's table, its child on both sides,
 * keeps column `name` as its own once the table drops it: the DROP
 * COLUMN is then the table's ONLY (recursing, it would take the child's
 * column and its values along where the child only inherited it; ONLY
 * leaves it to the child as its own).
 */
static bool child_keeps(dctx *c, tpair *tp, const char *name)
{
	const char *q = sd_diff_qname(c, tp->new_->base.schema,
	                              tp->new_->base.name);
	size_t i, k;

	for (i = 0; i < c->to->ntables; i++) {
		const sd_table *t = c->to->tables[i];
		const sd_column *nc;
		tpair *cp;
		bool child = false;
		for (k = 0; k < t->ninherits && !child; k++)
			child = sd_streq(sd_diff_qname(c, t->inherits[k].schema,
			                               t->inherits[k].name),
			                 q);
		if (!child || t->partition_of)
			continue;
		nc = sd_table_find_column(t, name);
		cp = sd_map_get(c->new_tp,
		                sd_diff_qname(c, t->base.schema, t->base.name));
		if (nc && !nc->inherited && cp && was_child_of(c, cp->old, tp) &&
		    sd_diff_find_col(cp->old, name))
			return true;
	}
	return false;
}

/*
 * Whether a table becomes a partition or an INHERITS child of the pair's
 * table (a table of both sides, not its child before) without column
 * `name`: PostgreSQL's ATTACH PARTITION and INHERIT want every column of
 * the parent, so the parent's DROP COLUMN of it goes before them.
 */
static bool attached_lacking(dctx *c, tpair *tp, const char *name)
{
	const char *q = sd_diff_qname(c, tp->new_->base.schema,
	                              tp->new_->base.name);
	size_t i, k;

	for (i = 0; i < c->to->ntables; i++) {
		const sd_table *t = c->to->tables[i];
		tpair *cp;
		bool child = t->partition_of &&
		             sd_streq(sd_diff_qname(c, t->partition_of_schema,
		                                    t->partition_of),
		                      q);
		for (k = 0; k < t->ninherits && !child; k++)
			child = sd_streq(sd_diff_qname(c, t->inherits[k].schema,
			                               t->inherits[k].name),
			                 q);
		if (!child)
			continue;
		cp = sd_map_get(c->new_tp,
		                sd_diff_qname(c, t->base.schema, t->base.name));
		if (cp && !was_child_of(c, cp->old, tp) &&
		    !sd_diff_find_col(cp->old, name))
			return true;
	}
	return false;
}

/* The warning of a NOT NULL that rows already there may not satisfy:
 * set on column n of table, or n added (added) without a value for
 * them. */
static void warn_not_null(dctx *c, sd_op *op, const char *table,
                          const sd_column *n, bool added)
{
	sd_diff_add_warning(
		c, op, SD_HAZARD_NOT_NULL,
		added ? sd_arena_printf(c->a,
		                        "adds NOT NULL column %s.%s without a "
		                        "default: fails if %s has rows (give it "
		                        "a default or backfill:)",
		                        table, n->base.name, table)
		      : sd_arena_printf(c->a,
		                        "sets NOT NULL on %s.%s: fails if "
		                        "existing rows hold NULL (add backfill:)",
		                        table, n->base.name));
}

static sd_column *column_copy(dctx *c, const sd_column *n)
{
	sd_column *x = sd_arena_alloc(c->a, sizeof(*x));

	*x = *n;
	return x;
}

/*
 * A column that becomes NOT NULL and has a default: the rows holding NULL
 * get the default first (UPDATE ... WHERE c IS NULL), or SET NOT NULL
 * fails on them. Returns a copy of n whose backfill is its default, with
 * *why the warning to put on the fill; n itself when it has a backfill of
 * its own, no default, or a value of its own kind (identity, generated).
 */
static const sd_column *default_fill(dctx *c, const char *table,
                                     const sd_column *n, const char **why)
{
	sd_column *x;

	*why = NULL;
	if (sd_column_x(n)->backfill || !n->default_value.sql || sd_diff_autoinc(n) ||
	    sd_column_x(n)->generated.sql)
		return n;
	x = column_copy(c, n);
	sd_column_xw(c->a, x)->backfill = n->default_value.sql;
	*why = sd_arena_printf(c->a,
	                       "fills the NULLs of %s.%s with its default %s "
	                       "as it becomes NOT NULL (changes rows; the "
	                       "downgrade cannot restore the NULLs)",
	                       table, n->base.name, n->default_value.sql);
	return x;
}

/*
 * A NOT NULL column without a default that a database-to-database diff
 * adds to a table that may hold rows (the target's rows got their values
 * somehow; the source's have none): they get the zero value of the
 * column's type, through a temporary default dropped right after (no
 * rewrite since PostgreSQL 11), or in the copy of a rebuild (SQLite).
 * NULL, nothing to do, for the models (their revision says what fills
 * the rows: a default or backfill:) and a type without a known zero value.
 */
const char *sd_diff_readd_zero(dctx *c, const sd_column *n)
{
	if (!c->to->dialect || sd_column_x(n)->backfill || !sd_diff_needs_value(n))
		return NULL;
	return sd_diff_zero_literal(c, n);
}

/*
 * The warning of a change that rewrites a table holding rows: a type
 * change (old type given) or an added column that needs a value per row.
 * The CLI adds the table's size and the lock.
 */
static void warn_rewrite(dctx *c, sd_op *op, const char *table,
                         const sd_column *n, const sd_type *old_type)
{
	sd_buf b = SD_BUF_INIT;

	if (old_type && !sd_type_equal(old_type, &n->type)) {
		sd_buf_printf(&b, "changes the type of %s.%s: ", table,
		              n->base.name);
		sd_type_format(&b, old_type);
		sd_buf_put(&b, " -> ");
		sd_type_format(&b, &n->type);
	} else if (old_type) {
		sd_buf_printf(&b, "changes the generation expression of %s.%s",
		              table, n->base.name);
	} else {
		sd_buf_printf(&b, "adds %s.%s with a value computed per row",
		              table, n->base.name);
	}
	sd_buf_printf(&b, " (rewrites %s)", table);
	sd_diff_add_warning(c, op, SD_HAZARD_REWRITE,
	                    sd_arena_strdup(c->a, sd_buf_cstr(&b)));
	sd_buf_free(&b);
}

/*
 * True when a backfill expression is the same value for every row, so a
 * default can carry it: it names no column of t, calls nothing volatile
 * and reads no table (a default cannot hold a subquery).
 *     "'free'", "0", "now()" -> true; "username", "random()" -> false
 */
static bool backfill_constant(dctx *c, const sd_table *t, const char *expr)
{
	sd_lexer lx;
	sd_token tok;
	size_t i;

	if (sd_sql_calls_volatile(expr, c->caps.lang))
		return false;
	sd_lex_init(&lx, expr, strlen(expr), c->caps.lang, 0);
	while (sd_lex_next(&lx, &tok)) {
		if (sd_tok_is(&tok, "select"))
			return false;
		for (i = 0; i < t->ncolumns; i++)
			if (sd_tok_names(&tok, t->columns[i]->base.name))
				return false;
	}
	return true;
}

/* Queues ALTER_COLUMN from -> to (changes) of the pair in phase. */
static sd_op *queue_alter(dctx *c, tpair *tp, const sd_column *from,
                          const sd_column *to, unsigned changes, int phase)
{
	sd_op *op = sd_diff_op_new(c, SD_OP_ALTER_COLUMN, tp->new_);

	op->column_old = from;
	op->column_new = to;
	op->changes = changes;
	sd_diff_tp_emit(c, tp, op, phase);
	return op;
}

/*
 * Queues the ALTER_COLUMN that turns old column o into n (changes ch),
 * with its narrowing and NOT NULL warnings, and notes a type change for
 * the foreign keys that point at the column.
 */
static void alter_column_op(dctx *c, tpair *tp, const sd_column *o,
                            const sd_column *n, unsigned ch)
{
	sd_op *op = sd_diff_op_new(c, SD_OP_ALTER_COLUMN, tp->new_);
	const char *tn = sd_diff_tname(c, tp->new_);

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
	op->only = sd_diff_has_children(c, tp->new_);
	/* serial <-> identity: the serial's sequence goes or comes with the
	 * column (objects.c leaves it out) */
	if ((ch & SD_CHANGE_IDENTITY) && sd_diff_serial(o) &&
	    n->identity != SD_IDENTITY_NONE)
		op->obj_old = (const sd_object *)sd_schema_find_sequence(
			c->from, tp->old->base.schema, sd_column_x(o)->sequence);
	if ((ch & SD_CHANGE_IDENTITY) && sd_diff_serial(n) &&
	    o->identity != SD_IDENTITY_NONE)
		op->obj_new = (const sd_object *)sd_schema_find_sequence(
			c->to, tp->new_->base.schema, sd_column_x(n)->sequence);
	if ((ch & SD_CHANGE_TYPE) && type_narrows(&o->type, &n->type) &&
	    !enum_labels_kept(c, &o->type, &n->type)) {
		sd_buf b = SD_BUF_INIT;
		sd_buf_printf(&b, "narrows %s.%s: ", tn, n->base.name);
		sd_type_format(&b, &o->type);
		sd_buf_put(&b, " -> ");
		sd_type_format(&b, &n->type);
		sd_buf_put(&b, " (may lose data)");
		sd_diff_add_warning(c, op, SD_HAZARD_DATA_LOSS,
		                    sd_arena_strdup(c->a, b.data));
		sd_buf_free(&b);
	}
	if ((ch & (SD_CHANGE_TYPE | SD_CHANGE_GENERATED)) &&
	    c->caps.column_rewrites && c->caps.column_rewrites(o, n))
		warn_rewrite(c, op, tn, n, &o->type);
	if (ch & SD_CHANGE_TYPE)
		sd_map_put(tp->type_changed, o->base.name, (void *)o);
	if ((ch & SD_CHANGE_NULLABLE) && !n->nullable && !sd_column_x(n)->backfill)
		warn_not_null(c, op, tn, n, false);
	sd_diff_tp_emit(c, tp, op, PH_COLUMNS);
}

void sd_diff_columns(dctx *c, tpair *tp)
{
	sd_table *ot = tp->old, *nt = tp->new_;
	const char *tn = sd_diff_tname(c, nt);
	sd_op **added = sd_arena_alloc(c->a, (nt->ncolumns + 1) *
	                                         sizeof(*added));
	bool *used = sd_arena_alloc(c->a, ot->ncolumns + 1);
	bool *regen = sd_arena_alloc(c->a, nt->ncolumns + 1);
	tpair *pp;
	const char *readd;
	size_t i, j;
	int pass, phase;

	if (c->caps.alter_column)
		mark_regenerated(c, tp, regen);
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i], *o = old_of(tp, n);
		if (o && !sd_streq(o->base.name, n->base.name)) {
			sd_op *op = sd_diff_op_new(c, SD_OP_RENAME_COLUMN, nt);
			op->column_old = o;
			op->column_new = n;
			sd_diff_tp_emit(c, tp, op, PH_RENAME);
		}
	}
	/* Generated columns in the way of a type change go first... */
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i], *o = old_of(tp, n);
		sd_op *op;
		if (!regen[i])
			continue;
		op = sd_diff_op_new(c, SD_OP_DROP_COLUMN, nt);
		op->column_old = o;
		if (!sd_streq(o->base.name, n->base.name)) {
			/* renamed earlier in the plan */
			sd_column *cur = sd_arena_alloc(c->a, sizeof(*cur));
			*cur = *o;
			cur->base.name = n->base.name;
			op->column_old = cur;
		}
		sd_diff_tp_emit(c, tp, op, PH_COLUMNS);
	}
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i], *o = old_of(tp, n);
		sd_op *op;
		if (regen[i])
			continue;
		if (typed_alike(c, tp)) {
			const sd_column *e = after_type(c, o, n);
			unsigned ch = column_changes(c, e, n);
			if (ch)
				alter_column_op(c, tp, e, n, ch);
			continue;
		}
		if (n->inherited && (pp = propagating_parent(c, tp, n->base.name))) {
			/* the parent's ALTERs got here first */
			const sd_column *e = after_parent(c, pp, o, n);
			unsigned ch = column_changes(c, e, n);
			if (ch)
				alter_column_op(c, tp, e, n, ch);
			continue;
		}
		if (o) {
			unsigned ch = column_changes(c, o, n);
			bool sets_nn = (ch & SD_CHANGE_NULLABLE) && !n->nullable;
			const char *why = NULL;
			if (!ch)
				continue;
			if (sets_nn)
				n = (sd_column *)default_fill(c, tn, n, &why);
			if (sets_nn && sd_column_x(n)->backfill) {
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
				op = sd_diff_op_new(c, SD_OP_BACKFILL, nt);
				op->column_new = n;
				if (why)
					sd_diff_add_warning(c, op,
					                    SD_HAZARD_DATA_LOSS, why);
				sd_diff_tp_emit(c, tp, op, PH_COLUMNS);
			}
			alter_column_op(c, tp, o, n, ch);
			continue;
		}
		op = sd_diff_op_new(c, SD_OP_ADD_COLUMN, nt);
		op->only = sd_diff_has_children(c, nt);
		added[i] = op;
		if (sd_diff_needs_value(n) && sd_column_x(n)->backfill) {
			/* One value for every row: added NOT NULL with it as
			 * the default (no rewrite since PostgreSQL 11), then
			 * the default the models want is put back. Else
			 * staged: added nullable, filled, then tightened. */
			sd_column *first = column_copy(c, n);
			bool constant = c->caps.alter_column &&
			                backfill_constant(c, ot, sd_column_x(n)->backfill);
			if (constant)
				first->default_value.sql = sd_column_x(n)->backfill;
			else
				first->nullable = true;
			op->column_new = first;
			sd_diff_tp_emit(c, tp, op, PH_COLUMNS);
			if (!constant) {
				sd_op *fill = sd_diff_op_new(c, SD_OP_BACKFILL, nt);
				fill->column_new = n;
				sd_diff_tp_emit(c, tp, fill, PH_COLUMNS);
			}
			queue_alter(c, tp, first, n,
			            constant ? SD_CHANGE_DEFAULT : SD_CHANGE_NULLABLE,
			            PH_COLUMNS)->role =
				constant ? SD_ROLE_HELPER : SD_ROLE_OWN;
			continue;
		}
		if ((readd = sd_diff_readd_zero(c, n))) {
			/* added with the zero value as its default, which
			 * goes right after: the target has none */
			sd_column *first = column_copy(c, n);
			first->default_value.sql = readd;
			op->column_new = c->caps.alter_column ? first : n;
			sd_diff_add_warning(
				c, op, SD_HAZARD_NOT_NULL,
				sd_arena_printf(c->a,
				                "adds NOT NULL column %s.%s without "
				                "a default: rows already in %s get "
				                "%s (a temporary default, dropped "
				                "right after)",
				                tn, n->base.name, tn, readd));
			sd_diff_tp_emit(c, tp, op, PH_COLUMNS);
			if (!c->caps.alter_column)
				continue; /* the rebuild's copy fills it */
			queue_alter(c, tp, first, n, SD_CHANGE_DEFAULT,
			            PH_COLUMNS)->role = SD_ROLE_HELPER;
			continue;
		}
		op->column_new = n;
		if (sd_diff_needs_value(n))
			warn_not_null(c, op, tn, n, true);
		else if (c->caps.column_rewrites &&
		         c->caps.column_rewrites(NULL, n))
			warn_rewrite(c, op, tn, n, NULL);
		sd_diff_tp_emit(c, tp, op, PH_COLUMNS);
	}

	/* ... and come back after it. */
	for (i = 0; i < nt->ncolumns; i++) {
		sd_op *op;
		if (!regen[i])
			continue;
		op = sd_diff_op_new(c, SD_OP_ADD_COLUMN, nt);
		op->column_new = nt->columns[i];
		sd_diff_tp_emit(c, tp, op, PH_COLUMNS);
	}

	/* A drop and an add of the same type look like a forgotten rename. */
	for (i = 0; i < nt->ncolumns; i++) {
		sd_column *n = nt->columns[i];
		if (!added[i])
			continue;
		for (j = 0; j < ot->ncolumns; j++) {
			sd_column *o = ot->columns[j];
			if (used[j] || sd_map_get(tp->col_o2n, o->base.name) ||
			    !sd_diff_column_type_equal(c, o, n))
				continue;
			used[j] = true;
			sd_diff_add_warning(c, added[i], SD_HAZARD_MAYBE_RENAME,
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
			    (pass == 0) != (sd_column_x(o)->generated.sql != NULL))
				continue;
			/* the parent's DROP COLUMN takes it along, or the
			 * type's DROP ATTRIBUTE */
			if ((o->inherited && c->caps.db_objects &&
			     parent_drops(c, tp, o)) ||
			    typed_alike(c, tp))
				continue;
			/* before a table lacking it is attached or
			 * inherits; else last, after what uses it */
			phase = c->caps.db_objects &&
			                attached_lacking(c, tp, o->base.name)
			            ? PH_COLUMNS
			            : PH_DROP_COLUMN;
			const char *zero = sd_diff_needs_value(o) ? sd_diff_zero_literal(c, o)
			                                  : NULL;
			op = sd_diff_op_new(c, SD_OP_DROP_COLUMN, nt);
			op->column_old = o;
			op->only = c->caps.db_objects && !nt->partition_by.sql &&
			           child_keeps(c, tp, o->base.name);
			sd_diff_add_warning(c, op, SD_HAZARD_DATA_LOSS,
			                    sd_arena_printf(c->a,
			                                    "drops column %s.%s (data loss)",
			                                    tn, o->base.name));
			if (zero && c->caps.alter_column) {
				/* Staged, so the downgrade reads: add nullable,
				 * fill with the placeholder, set NOT NULL. */
				sd_column *loose = column_copy(c, o);
				sd_column *fill = column_copy(c, o);
				sd_op *noop = sd_diff_op_new(c, SD_OP_NOOP, nt);
				loose->nullable = true;
				sd_column_xw(c->a, fill)->backfill = zero;
				noop->column_old = fill;
				op->column_old = loose;
				queue_alter(c, tp, o, loose, SD_CHANGE_NULLABLE,
				            phase);
				sd_diff_tp_emit(c, tp, noop, phase);
			}
			sd_diff_tp_emit(c, tp, op, phase);
		}
	}
}
