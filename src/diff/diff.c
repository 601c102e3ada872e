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
#include "diff/differ.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

const char *sd_diff_qname(dctx *c, const char *schema, const char *name)
{
	return sd_qualified_name(c->a, schema, name);
}

const char *sd_diff_tname(dctx *c, const sd_table *t)
{
	return sd_diff_qname(c, t->base.schema, t->base.name);
}

sd_op *sd_diff_op_new(dctx *c, sd_op_kind kind, const sd_table *t)
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
pending *sd_diff_emit(dctx *c, sd_op *op, int phase)
{
	pending *p = pending_new(c, op, phase);

	p->seq = c->seq++;
	sd_vec_push(c->a, &c->pending, p);
	return p;
}

/* Queues op with its table pair; pass C flushes or folds it. */
void sd_diff_tp_emit(dctx *c, tpair *tp, sd_op *op, int phase)
{
	sd_vec_push(c->a, &tp->ops, pending_new(c, op, phase));
}

void sd_diff_add_warning(dctx *c, sd_op *op, unsigned hazard,
                         const char *text)
{
	op->hazards |= hazard;
	if (op->warning)
		op->warning = sd_arena_printf(c->a, "%s; %s", op->warning, text);
	else
		op->warning = text;
}

bool sd_diff_table_ignored(const sd_diff_opts *o, const sd_table *t)
{
	return sd_table_is_ignored(t->base.schema, t->base.name,
	                           o->version_table, o->ignore);
}

int sd_diff_cmp_object_ptr(const void *a, const void *b)
{
	const sd_object *x = *(const sd_object *const *)a;
	const sd_object *y = *(const sd_object *const *)b;
	int r = sd_strcmp_null(x->schema, y->schema);

	return r ? r : sd_strcmp_null(x->name, y->name);
}

void *sd_diff_dup_ptrs(dctx *c, const void *src, size_t n, size_t size)
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
		(arr) = sd_diff_dup_ptrs((c), (arr), (n), sizeof(*(arr)));           \
		if ((n) > 1)                                                 \
			qsort((arr), (n), sizeof(*(arr)), sd_diff_cmp_object_ptr);   \
	} while (0)

/*
 * A unique constraint as the unique index a unique_as_index dialect keeps;
 * inline: the index of an inline UNIQUE, as a table the models create
 * has it (sd_diff_unique_form_pair settles an existing table's).
 */
static sd_index *unique_to_index(dctx *c, const sd_unique *u, bool inline_)
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
	ix->constraint_backed = inline_;
	ix->on_conflict = u->on_conflict;
	return ix;
}

/*
 * Returns a shallow copy of src in the plan arena with its own, sorted
 * constraint and index arrays (inputs are const and maybe unsorted), its own
 * column map, and, for unique_as_index dialects, uniques turned into
 * indexes (of inline UNIQUEs on the target side). Columns and objects are
 * shared with src.
 */
sd_table *sd_diff_work_copy(dctx *c, const sd_table *src, bool target)
{
	sd_table *t = sd_arena_alloc(c->a, sizeof(*t));
	size_t i;

	*t = *src;
	t->columns = sd_diff_dup_ptrs(c, src->columns, src->ncolumns,
	                              sizeof(*src->columns));
	if (c->caps.unique_as_index && src->nuniques) {
		size_t n = src->nindexes + src->nuniques;
		sd_index **ix = sd_arena_alloc(c->a, n * sizeof(*ix));
		if (src->nindexes)
			memcpy(ix, src->indexes,
			       src->nindexes * sizeof(*ix));
		for (i = 0; i < src->nuniques; i++)
			ix[src->nindexes + i] =
				unique_to_index(c, src->uniques[i], target);
		t->indexes = ix;
		t->nindexes = n;
		t->uniques = NULL;
		t->nuniques = 0;
		if (n > 1)
			qsort(t->indexes, n, sizeof(*t->indexes),
			      sd_diff_cmp_object_ptr);
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
 * True when the SQL text names identifier `name` outside string literals
 * (a word in any case, a quoted identifier exactly): "lower(Email)"
 * mentions email. Used to find what a dropped column is still used by,
 * and which generated columns read a column whose type changes.
 */
bool sd_diff_expr_mentions(const char *sql, const char *name,
                           sd_sql_lang lang)
{
	sd_lexer lx;
	sd_token t;

	if (!sql)
		return false;
	sd_lex_init(&lx, sql, strlen(sql), lang, 0);
	while (sd_lex_next(&lx, &t))
		if (sd_tok_names(&t, name))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Matching tables and putting it together                             */
/* ------------------------------------------------------------------ */

static sd_table **sorted_tables(dctx *c, const sd_schema *s, size_t *n)
{
	sd_table **t = sd_arena_alloc(c->a, (s->ntables + 1) * sizeof(*t));
	size_t i, k = 0;

	for (i = 0; i < s->ntables; i++)
		if (!sd_diff_table_ignored(c->opts, s->tables[i]))
			t[k++] = s->tables[i];
	if (k > 1)
		qsort(t, k, sizeof(*t), sd_diff_cmp_object_ptr);
	*n = k;
	return t;
}

/*
 * Splits a renamed_from "schema.name" (or "name": the table's schema).
 * "public.name" names the default schema, which tables store as none.
 */
static const char *renamed_key(dctx *c, const sd_table *t)
{
	const char *def = sd_namespace_default();
	size_t n = strlen(def);

	if (strncmp(t->renamed_from, def, n) == 0 &&
	    t->renamed_from[n] == '.')
		return t->renamed_from + n + 1;
	if (strchr(t->renamed_from, '.'))
		return t->renamed_from;
	return sd_diff_qname(c, t->base.schema, t->renamed_from);
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
		sd_map_put(fmap, sd_diff_tname(c, ft[i]), ft[i]);
	for (i = 0; i < nt; i++)
		sd_map_put(tmap, sd_diff_tname(c, tt[i]), tt[i]);
	c->old_tp = sd_map_new(c->a, nt);
	c->new_tp = sd_map_new(c->a, nt);

	for (i = 0; i < nt; i++) {
		const char *key = sd_diff_tname(c, tt[i]);
		const sd_table *o = sd_map_get(fmap, key);
		const char *okey = key;
		bool renamed = false;
		tpair *tp;
		if (o && sd_diff_recreated_partition(c, fmap, tmap, tt[i])) {
			/* its tree is recreated: dropped and created */
			sd_vec_push(c->a, &c->dropped,
			            sd_diff_work_copy(c, o, false));
			sd_map_put(taken, key, (void *)o);
			o = NULL;
		}
		if (!o && tt[i]->renamed_from) {
			okey = renamed_key(c, tt[i]);
			if (!sd_map_get(tmap, okey) && !sd_map_get(taken, okey)) {
				o = sd_map_get(fmap, okey);
				renamed = o != NULL;
			}
		}
		if (!o) {
			sd_vec_push(c->a, &c->created,
			            sd_diff_work_copy(c, tt[i], true));
			continue;
		}
		sd_map_put(taken, okey, (void *)o);
		tp = sd_arena_alloc(c->a, sizeof(*tp));
		tp->old = sd_diff_work_copy(c, o, false);
		tp->new_ = sd_diff_work_copy(c, tt[i], true);
		tp->renamed = renamed;
		sd_diff_unique_form_pair(c, tp);
		sd_diff_table_options_pair(c, tp);
		sd_diff_match_columns(c, tp);
		sd_map_put(c->old_tp, okey, tp);
		sd_map_put(c->new_tp, key, tp);
		sd_vec_push(c->a, &c->pairs, tp);
	}
	for (i = 0; i < nf; i++) {
		if (sd_map_get(taken, sd_diff_tname(c, ft[i])))
			continue;
		if (sd_table_is_tool(ft[i]->base.name)) {
			if (ft[i]->base.schema)
				sd_map_put(kept_from, ft[i]->base.schema,
				           (void *)ft[i]->base.schema);
			continue;
		}
		if (c->opts->drop_unlisted)
			sd_vec_push(c->a, &c->dropped,
			            sd_diff_work_copy(c, ft[i], false));
		else if (ft[i]->base.schema)
			sd_map_put(kept_from, ft[i]->base.schema,
			           (void *)ft[i]->base.schema);
	}
	for (i = 0; i < from->ntables; i++)
		if (sd_diff_table_ignored(c->opts, from->tables[i]) &&
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
	sd_unmanaged **fu = sd_diff_dup_ptrs(c, from->unmanaged, from->nunmanaged,
	                                     sizeof(*from->unmanaged));
	size_t i;

	if (from->nunmanaged > 1)
		qsort(fu, from->nunmanaged, sizeof(*fu), sd_diff_cmp_object_ptr);
	for (i = 0; i < to->nunmanaged; i++) {
		const sd_unmanaged *u = to->unmanaged[i];
		sd_map_put(tm,
		           sd_arena_printf(c->a, "%s %s", u->what,
		                           sd_diff_qname(c, u->base.schema,
		                                         u->base.name)),
		           (void *)u);
	}
	for (i = 0; i < from->nunmanaged; i++) {
		const sd_unmanaged *u = fu[i];
		const char *what = u->what ? u->what : "object";
		const char *name = sd_diff_qname(c, u->base.schema, u->base.name);
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
	c.caps = opts->caps ? *opts->caps : sd_caps_all;
	c.type_eq = c.caps.column_type_equal;
	kept_from = sd_map_new(c.a, 8);

	if (c.caps.db_objects)
		sd_diff_note_parents(&c);
	match_tables(&c, from, to, kept_from);
	if (c.caps.namespaces)
		sd_diff_namespaces(&c, from, to, kept_from);
	if (c.caps.enums)
		sd_diff_enums(&c, from, to);
	if (c.caps.db_objects)
		sd_diff_objects(&c, from, to);
	for (i = 0; i < c.pairs.n; i++)
		sd_diff_pair_a(&c, c.pairs.items[i]);
	for (i = 0; i < c.pairs.n; i++)
		sd_diff_pair_b(&c, c.pairs.items[i]);
	for (i = 0; i < c.pairs.n; i++)
		sd_diff_flush_pair(&c, c.pairs.items[i]);
	sd_diff_create_tables(&c);
	sd_diff_drop_tables(&c);
	sd_diff_logic(&c);
	sd_diff_read_deps(&c);
	sd_diff_dependants(&c);
	if (c.caps.table_settings) {
		sd_diff_table_settings(&c);
		sd_diff_statistics(&c);
		sd_diff_partition_names(&c);
	}
	sd_diff_grants(&c);
	note_unmanaged(&c, from, to);

	sd_diff_sort(&c);
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
	if (opts->before)
		rc = sd_diff_lift(&c, opts->before);
	/* Ownership: the plan and everything its ops allocated. */
	*out = plan;
	plan = NULL;
done:
	sd_plan_free(plan);
	return rc;
}
