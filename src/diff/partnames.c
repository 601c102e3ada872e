/*
 * partnames.c - the names of the copies PostgreSQL makes on partitions of
 * the indexes and keys of a partitioned table, where the models give
 * them one of their own (partition_names): a rename of the copy once
 * the index, the partition and its attachment are in place. A copy the
 * plan makes anew is found by its parent index when the statement runs
 * (emit/postgres.c), whatever name PostgreSQL gave it.
 */
#include "diff/differ.h"

#include <string.h>

/* The old table's object of the same kind and name as n, or NULL. */
static const sd_object *old_object(const sd_table *t, const sd_object *n)
{
	size_t i;

	if (!t)
		return NULL;
	switch (n->kind) {
	case SD_OBJ_PRIMARY_KEY:
		return t->primary_key ? &t->primary_key->base : NULL;
	case SD_OBJ_UNIQUE:
		for (i = 0; i < t->nuniques; i++)
			if (sd_streq(t->uniques[i]->base.name, n->name))
				return &t->uniques[i]->base;
		return NULL;
	case SD_OBJ_INDEX:
		for (i = 0; i < t->nindexes; i++)
			if (sd_streq(t->indexes[i]->base.name, n->name))
				return &t->indexes[i]->base;
		return NULL;
	default:
		return NULL;
	}
}

/* What the plan does that leaves no copy as it was: the old indexes and
 * keys it drops ("%p" of the object) and the tables it attaches or
 * detaches (qualified name). */
static sd_map *copies_lost(dctx *c)
{
	sd_map *m = sd_map_new(c->a, 16);
	size_t i;

	for (i = 0; i < c->pending.n; i++) {
		const sd_op *op = ((pending *)c->pending.items[i])->op;
		if (op->obj_old && (op->kind == SD_OP_DROP_INDEX ||
		                    op->kind == SD_OP_DROP_CONSTRAINT))
			sd_map_put(m, sd_arena_printf(c->a, "%p",
			                              (const void *)op->obj_old),
			           (void *)op);
		if (op->table && (op->kind == SD_OP_ATTACH_PARTITION ||
		                  op->kind == SD_OP_DETACH_PARTITION))
			sd_map_put(m, sd_diff_tname(c, op->table), (void *)op);
	}
	return m;
}

static sd_object *copy_object(dctx *c, const sd_table *part,
                              const char *name, bool look_up)
{
	sd_index *ix = sd_arena_alloc(c->a, sizeof(*ix));

	memset(ix, 0, sizeof(*ix));
	ix->base.kind = SD_OBJ_INDEX;
	ix->base.schema = part->base.schema;
	ix->base.name = name;
	/* the name is PostgreSQL's guess: the statement looks it up */
	ix->base.unnamed = look_up;
	return &ix->base;
}

/* Whether new table p is a partition of new table t. */
static bool partition_of(const sd_table *p, const sd_table *t)
{
	return p->partition_of && sd_streq(p->partition_of, t->base.name) &&
	       sd_streq(sd_namespace_key(p->partition_of_schema),
	                sd_namespace_key(t->base.schema));
}

/* The copy on new partition part of n (old o of old table ot, NULL when
 * new or made again) named as the models say. */
static void name_copy(dctx *c, sd_map *lost, const sd_table *t,
                      const sd_object *n, const sd_table *ot,
                      const sd_object *o, const sd_table *part)
{
	const char *key = sd_partition_key(c->a, t, part);
	const char *want = sd_partition_name_of(sd_index_storage_of(n), key);
	const char *def = sd_pg_partition_index_name(c->a, part->base.name, n);
	const char *target = want ? want : def, *have = NULL;
	tpair *pp = sd_map_get(c->new_tp, sd_diff_tname(c, part));
	const sd_table *op_ = pp && !pp->recreate ? pp->old : NULL;
	bool known = false;
	sd_op *op;

	if (o && op_ && op_->partition_of &&
	    !sd_map_get(lost, sd_diff_tname(c, part))) {
		have = sd_partition_name_of(
			sd_index_storage_of(o), sd_partition_key(c->a, ot, op_));
		if (!have)
			have = sd_pg_partition_index_name(c->a, op_->base.name,
			                                  o);
		known = have != NULL;
	}
	if (!target || (!known && !want) ||
	    (known && strcmp(have, target) == 0))
		return;
	op = sd_diff_op_new(c, SD_OP_RENAME_INDEX, part);
	op->obj_old = copy_object(c, part, known ? have : def ? def : target,
	                          !known);
	op->obj_new = copy_object(c, part, target, false);
	/* the parent's index, by which a copy is found */
	op->name_old = op->name_new = n->name;
	sd_diff_emit(c, op, PH_COMMENT);
}

static void name_copies(dctx *c, sd_map *lost, const sd_table *t,
                        const sd_object *n, const sd_table *ot,
                        const sd_vec *parts)
{
	const sd_object *o = old_object(ot, n);
	size_t i;

	if (!n->name)
		return;
	if (o && sd_map_get(lost, sd_arena_printf(c->a, "%p", (const void *)o)))
		o = NULL;
	for (i = 0; i < parts->n; i++)
		name_copy(c, lost, t, n, ot, o, parts->items[i]);
}

void sd_diff_partition_names(dctx *c)
{
	sd_map *lost = NULL;
	size_t i, k;

	for (i = 0; i < c->to->ntables; i++) {
		const sd_table *t = c->to->tables[i];
		tpair *tp;
		const sd_table *ot;
		sd_vec parts = {0};

		if (!t->partition_by.sql || sd_diff_table_ignored(c->opts, t))
			continue;
		tp = sd_map_get(c->new_tp, sd_diff_tname(c, t));
		ot = tp && !tp->recreate ? tp->old : NULL;
		if (!lost)
			lost = copies_lost(c);
		for (k = 0; k < c->to->ntables; k++)
			if (partition_of(c->to->tables[k], t))
				sd_vec_push(c->a, &parts, c->to->tables[k]);
		if (t->primary_key)
			name_copies(c, lost, t, &t->primary_key->base, ot,
			            &parts);
		for (k = 0; k < t->nuniques; k++)
			name_copies(c, lost, t, &t->uniques[k]->base, ot,
			            &parts);
		for (k = 0; k < t->nindexes; k++)
			name_copies(c, lost, t, &t->indexes[k]->base, ot,
			            &parts);
	}
}
