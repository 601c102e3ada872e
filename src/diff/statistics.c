/*
 * statistics.c - PostgreSQL extended statistics (CREATE STATISTICS) of
 * the tables, under caps.table_settings.
 *
 * A table's statistics are matched by schema and name. One whose
 * definition changes (kinds, columns, expressions) is dropped with the
 * constraints, before any column it uses is dropped or retyped, and
 * created again with them, once the columns it names exist; the
 * downgrade, run backwards, does the same the other way. A changed
 * target alone is an ALTER_OBJECT (ALTER STATISTICS ... SET STATISTICS).
 * A new table's statistics come after it; a dropped table's go with it.
 * A table recreated (recreate.c) has its old statistics dropped before it
 * is set aside and its new ones created once it is back.
 */
#include "diff/differ.h"

#include <string.h>

static const char *key_of(dctx *c, const sd_statistics *s)
{
	return sd_diff_qname(c, s->base.schema, s->base.name);
}

/* The same statistics: kinds, columns (old ones renamed as the pair
 * renames them, any order) and expressions. */
static bool same_definition(dctx *c, const tpair *tp, const sd_statistics *o,
                            const sd_statistics *n)
{
	size_t i;

	if (!sd_statistics_kinds_equal(&o->kinds, &n->kinds) ||
	    o->columns.n != n->columns.n || o->nexpressions != n->nexpressions)
		return false;
	for (i = 0; i < o->columns.n; i++)
		if (!sd_strlist_contains(&n->columns,
		                         sd_diff_map_col(tp, o->columns.items[i])))
			return false;
	for (i = 0; i < o->nexpressions; i++)
		if (!sd_expr_equal(c->scratch, &o->expressions[i],
		                   &n->expressions[i]))
			return false;
	return true;
}

static void statistics_op(dctx *c, sd_op_kind kind, const sd_table *t,
                          const sd_statistics *o, const sd_statistics *n,
                          int phase)
{
	sd_op *op = sd_diff_op_new(c, kind, t);

	op->obj_old = o ? &o->base : NULL;
	op->obj_new = n ? &n->base : NULL;
	if (kind == SD_OP_ALTER_OBJECT)
		op->changes = SD_CHANGE_OPTIONS;
	sd_diff_emit(c, op, phase);
}

static void create(dctx *c, const sd_table *t, const sd_statistics *n)
{
	statistics_op(c, SD_OP_CREATE_OBJECT, t, NULL, n, PH_ADD_CONS);
}

/* Before the table's renames: the downgrade's CREATE (its inverse) runs
 * after they are undone, so it names the old table. */
static void drop(dctx *c, const sd_table *t, const sd_statistics *o)
{
	statistics_op(c, SD_OP_DROP_OBJECT, t, o, NULL, PH_DROP_CONS);
}

static void diff_pair(dctx *c, const tpair *tp)
{
	const sd_table *ot = tp->old, *nt = tp->new_;
	sd_map *om = sd_map_new(c->a, ot->nstatistics);
	sd_map *kept = sd_map_new(c->a, nt->nstatistics);
	size_t i;

	for (i = 0; i < ot->nstatistics && !tp->recreate; i++)
		sd_map_put(om, key_of(c, ot->statistics[i]),
		           ot->statistics[i]);
	for (i = 0; i < nt->nstatistics; i++) {
		const sd_statistics *n = nt->statistics[i];
		const sd_statistics *o = sd_map_get(om, key_of(c, n));
		if (!o) {
			create(c, nt, n);
			continue;
		}
		sd_map_put(kept, key_of(c, o), (void *)o);
		if (!same_definition(c, tp, o, n)) {
			drop(c, ot, o);
			create(c, nt, n);
			continue;
		}
		if (o->target_set != n->target_set ||
		    (n->target_set && o->target != n->target))
			statistics_op(c, SD_OP_ALTER_OBJECT, nt, o, n,
			              PH_ADD_CONS);
		sd_diff_comment_object(c, nt, &o->base, &n->base);
	}
	for (i = 0; i < ot->nstatistics; i++)
		if (!sd_map_get(kept, key_of(c, ot->statistics[i])))
			drop(c, ot, ot->statistics[i]);
}

void sd_diff_statistics(dctx *c)
{
	size_t i, j;

	for (i = 0; i < c->pairs.n; i++)
		diff_pair(c, c->pairs.items[i]);
	for (i = 0; i < c->created.n; i++) {
		const sd_table *t = c->created.items[i];
		for (j = 0; j < t->nstatistics; j++)
			create(c, t, t->statistics[j]);
	}
}
