/*
 * recreate.c - PostgreSQL tables whose change cannot be made in place: a
 * plain table that becomes partitioned or the reverse, a table that comes
 * under an INHERITS parent with columns it must not keep as its own. The
 * table is recreated: the old one is set aside, the new one created under
 * its name, its rows copied over, the old one dropped (emit/pg_recreate.c).
 *
 * Two operations, so that the new table's partitions (created as usual,
 * after the first) are there when the rows arrive:
 *   - the set-aside step (companion REBUILD_TABLE, with the creates): the
 *     old table moves aside, the new one is created empty;
 *   - the copy step (REBUILD_TABLE, with the rebuilds): rows copied, the
 *     old table dropped with the partitions it had, which are folded into
 *     it as DROP_TABLE operations rather than dropped on their own.
 * Backwards (the downgrade runs the inverses in reverse order), the copy
 * step's inverse sets the new table aside, creates the old one with its
 * partitions and copies the rows back before the new partitions go; the
 * set-aside step's inverse drops what was set aside.
 */
#include "diff/differ.h"

#include <string.h>

/* Whether the columns t inherits only (not its own) include one that old
 * has as its own: INHERIT would leave it local. */
static bool inherit_keeps_local(const sd_table *old, const sd_table *t)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *o;
		if (!t->columns[i]->inherited)
			continue;
		o = sd_table_find_column(old, t->columns[i]->base.name);
		if (o && !o->inherited)
			return true;
	}
	return false;
}

/* Whether a parent of `n` is not one of `o`'s (names as written). */
static bool gains_parent(dctx *c, const sd_table *o, const sd_table *n)
{
	size_t i, k;

	for (i = 0; i < n->ninherits; i++) {
		bool had = false;
		for (k = 0; k < o->ninherits && !had; k++)
			had = sd_streq(sd_diff_qname(c, o->inherits[k].schema,
			                             o->inherits[k].name),
			               sd_diff_qname(c, n->inherits[i].schema,
			                             n->inherits[i].name));
		if (!had)
			return true;
	}
	return false;
}

bool sd_diff_needs_recreate(dctx *c, const tpair *tp)
{
	const sd_table *o = tp->old, *n = tp->new_;

	if (!c->caps.db_objects)
		return false;
	/* plain <-> partitioned (not one partitioning for another: its
	 * partitions would have to be recreated too) */
	if (!o->partition_by.sql != !n->partition_by.sql &&
	    !o->partition_of && !n->partition_of)
		return true;
	/* either direction must run: INHERIT keeps the columns local */
	return (gains_parent(c, o, n) && inherit_keeps_local(o, n)) ||
	       (gains_parent(c, n, o) && inherit_keeps_local(n, o));
}

/* The partitions of `t` that the plan drops: taken out of the drops and
 * folded into the copy step, which drops them with their parent. */
static void absorb_partitions(dctx *c, sd_op *copy, const sd_table *t)
{
	const char *key = sd_diff_tname(c, t);
	size_t i, kept = 0;

	for (i = 0; i < c->dropped.n; i++) {
		sd_table *p = c->dropped.items[i];
		sd_op *op;
		if (!p->partition_of ||
		    !sd_streq(sd_diff_qname(c, p->partition_of_schema,
		                            p->partition_of),
		              key)) {
			c->dropped.items[kept++] = p;
			continue;
		}
		op = sd_diff_op_new(c, SD_OP_DROP_TABLE, p);
		op->table_old = p;
		op->obj_old = &t->base;
		copy->folded[copy->nfolded++] = op;
	}
	c->dropped.n = kept;
}

void sd_diff_recreate_split(dctx *c, tpair *tp, sd_op *copy, pending *p)
{
	sd_op *aside = sd_diff_op_new(c, SD_OP_REBUILD_TABLE, copy->table);
	sd_op **folded = sd_arena_alloc(c->a, (copy->nfolded + c->dropped.n + 1) *
	                                          sizeof(sd_op *));
	const char *why = tp->old->partition_by.sql != NULL ||
	                          tp->new_->partition_by.sql != NULL
	                          ? "partitioning changes"
	                          : "columns become inherited only";

	memcpy(folded, copy->folded, copy->nfolded * sizeof(sd_op *));
	copy->folded = folded;
	absorb_partitions(c, copy, tp->old);
	aside->table_old = copy->table_old;
	aside->table_new = copy->table_new;
	aside->role = SD_ROLE_COMPANION;
	sd_diff_emit(c, aside, PH_CREATE_TABLE);
	sd_diff_add_warning(c, copy, SD_HAZARD_REWRITE | SD_HAZARD_LOCKS,
	                    sd_arena_printf(
		c->a,
		"recreates table %s (%s; PostgreSQL cannot do it in place): "
		"every row is copied under an ACCESS EXCLUSIVE lock and its "
		"dependants are recreated",
		sd_diff_tname(c, tp->new_), why));
	(void)p;
}

bool sd_diff_composite_retyped(const sd_op *op)
{
	const sd_composite *o, *n;
	size_t i, j;

	if (op->kind != SD_OP_ALTER_OBJECT || !op->obj_new ||
	    op->obj_new->kind != SD_OBJ_COMPOSITE ||
	    !(op->changes & SD_CHANGE_ATTRIBUTES))
		return false;
	o = (const sd_composite *)op->obj_old;
	n = (const sd_composite *)op->obj_new;
	for (i = 0; i < n->nattributes; i++)
		for (j = 0; j < o->nattributes; j++)
			if (sd_streq(n->attributes[i]->base.name,
			             o->attributes[j]->base.name) &&
			    sd_streq(n->attributes[i]->collation,
			             o->attributes[j]->collation) &&
			    !sd_type_equal(&n->attributes[i]->type,
			                   &o->attributes[j]->type))
				return true;
	return false;
}

bool sd_diff_type_is(const sd_type *t, const sd_object *o)
{
	size_t len;
	const char *name;

	if (t->kind != SD_T_RAW || !t->name)
		return false;
	len = strlen(t->name);
	while (len >= 2 && t->name[len - 2] == '[' && t->name[len - 1] == ']')
		len -= 2;
	name = t->name;
	if (o->schema && len > strlen(o->schema) + 1 &&
	    strncmp(name, o->schema, strlen(o->schema)) == 0 &&
	    name[strlen(o->schema)] == '.') {
		name += strlen(o->schema) + 1;
		len -= strlen(o->schema) + 1;
	}
	return strlen(o->name) == len && strncmp(name, o->name, len) == 0;
}
