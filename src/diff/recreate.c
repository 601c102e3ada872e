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
#include "model/logic.h"

#include <string.h>

/* ptrs (n of them) in a new array of room for `room`. */
static sd_op **grow_folded(dctx *c, sd_op **ptrs, size_t n,
                                     size_t room)
{
	sd_op **grown = sd_arena_alloc(c->a, room * sizeof(sd_op *));

	if (n)
		memcpy(grown, ptrs, n * sizeof(sd_op *));
	return grown;
}

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

/* Whether a parent that o and n both have (names as written) has the
 * column named col, as it was (`now` false) or as it becomes; an unknown
 * parent is taken to have it. */
static bool kept_parent_has(dctx *c, const sd_table *o, const sd_table *n,
                            const char *col, bool now)
{
	size_t i, k;

	for (i = 0; i < o->ninherits; i++) {
		const char *key = sd_diff_qname(c, o->inherits[i].schema,
		                                o->inherits[i].name);
		const tpair *pp;
		const sd_table *p;
		bool kept = false;
		for (k = 0; k < n->ninherits && !kept; k++)
			kept = sd_streq(sd_diff_qname(c, n->inherits[k].schema,
			                              n->inherits[k].name),
			                key);
		if (!kept)
			continue;
		pp = sd_map_get(c->new_tp, key);
		p = pp ? (now ? pp->new_ : pp->old) : NULL;
		if (!p || sd_table_find_column(p, col))
			return true;
	}
	return false;
}

/* Whether a column n inherits only would be left its own by NO INHERIT
 * and INHERIT: o inherits it only from parents that all go (NO INHERIT
 * makes it local), or o lacks it and no parent it keeps gives it (it is
 * added to n before INHERIT, as n's own). */
static bool reparent_keeps_local(dctx *c, const sd_table *o,
                                 const sd_table *n)
{
	size_t i;

	if (!n->ninherits || n->partition_of || o->partition_of)
		return false;
	for (i = 0; i < n->ncolumns; i++) {
		const char *name = n->columns[i]->base.name;
		const sd_column *oc;
		if (!n->columns[i]->inherited)
			continue;
		oc = sd_table_find_column(o, name);
		if (oc ? oc->inherited && !kept_parent_has(c, o, n, name, false)
		       : !kept_parent_has(c, o, n, name, true))
			return true;
	}
	return false;
}

static bool needs_recreate(dctx *c, const tpair *tp, int depth);

/* Whether a table partitioned on both sides (a partition itself too: a
 * sub-partitioned one) changes its partition key or strategy: its
 * partitions are then recreated too (never paired,
 * sd_diff_recreated_partition). */
static bool rekeyed(dctx *c, const sd_table *o, const sd_table *n)
{
	return o->partition_by.sql && n->partition_by.sql &&
	       !sd_expr_equal(c->scratch, &o->partition_by, &n->partition_by);
}

/* The pair of an INHERITS parent of n, a parent of o too (names as
 * written), that is recreated; NULL if none. depth bounds the walk up. */
static const tpair *recreated_parent(dctx *c, const sd_table *o,
                                     const sd_table *n, int depth)
{
	size_t i, k;

	for (i = 0; i < n->ninherits && depth < 32; i++) {
		const char *key = sd_diff_qname(c, n->inherits[i].schema,
		                                n->inherits[i].name);
		const tpair *pp = sd_map_get(c->new_tp, key);
		bool had = false;
		for (k = 0; k < o->ninherits && !had; k++)
			had = sd_streq(sd_diff_qname(c, o->inherits[k].schema,
			                             o->inherits[k].name),
			               key);
		if (had && pp && needs_recreate(c, pp, depth + 1))
			return pp;
	}
	return NULL;
}

bool sd_diff_needs_recreate(dctx *c, const tpair *tp)
{
	return needs_recreate(c, tp, 0);
}

/* depth: how many INHERITS children down from the first table asked */
static bool needs_recreate(dctx *c, const tpair *tp, int depth)
{
	const sd_table *o = tp->old, *n = tp->new_;

	if (!c->caps.db_objects)
		return false;
	/* under a recreated INHERITS parent: ALTER TABLE ... INHERIT would
	 * make the columns and checks it inherits its own; recreated too */
	if (recreated_parent(c, o, n, depth))
		return true;
	/* plain <-> partitioned (a partition too: it is detached when set
	 * aside and its successor created in its place), or another
	 * partitioning */
	if (!o->partition_by.sql != !n->partition_by.sql)
		return true;
	if (rekeyed(c, o, n))
		return true;
	/* either direction must run: INHERIT keeps the columns local */
	if ((gains_parent(c, o, n) && inherit_keeps_local(o, n)) ||
	    (gains_parent(c, n, o) && inherit_keeps_local(n, o)))
		return true;
	/* a parent that goes leaves the columns it gave local, and a
	 * column only a new parent gives is added as n's own */
	if (reparent_keeps_local(c, o, n))
		return true;
	/* a column of its own becomes inherited only under the same
	 * parents (a parent adds it back: ADD COLUMN merges it with the
	 * child's, which stays local) */
	return n->ninherits && !n->partition_of && !o->partition_of &&
	       inherit_keeps_local(o, n);
}

bool sd_diff_recreated_partition(dctx *c, sd_map *from, sd_map *to,
                                 const sd_table *t)
{
	const sd_table *o, *n;
	size_t depth = 0;

	if (!c->caps.db_objects)
		return false;
	/* up to the root (a bounded walk: a cycle is no tree) */
	while (t->partition_of && depth++ < 64) {
		const char *key = sd_diff_qname(c, t->partition_of_schema,
		                                t->partition_of);
		n = sd_map_get(to, key);
		o = sd_map_get(from, key);
		if (!n)
			return false;
		if (o && rekeyed(c, o, n))
			return true;
		t = n;
	}
	return false;
}

/* The partitions of `parent` in v, the tables the plan drops (or, with
 * `created`, creates): taken out of v and folded into `into` (the copy
 * step, which drops them with their parent; the set-aside step, which
 * creates them with it). */
static void absorb_children(dctx *c, sd_vec *v, sd_op *into,
                            const sd_table *parent, bool created)
{
	const char *key = sd_diff_tname(c, parent);
	size_t i, kept = 0;

	for (i = 0; i < v->n; i++) {
		sd_table *p = v->items[i];
		sd_op *op;
		if (!p->partition_of ||
		    !sd_streq(sd_diff_qname(c, p->partition_of_schema,
		                            p->partition_of),
		              key)) {
			v->items[kept++] = p;
			continue;
		}
		op = sd_diff_op_new(c, created ? SD_OP_CREATE_TABLE
		                               : SD_OP_DROP_TABLE, p);
		if (created) {
			op->table_new = p;
			op->obj_new = &parent->base;
		} else {
			op->table_old = p;
			op->obj_old = &parent->base;
		}
		into->folded[into->nfolded++] = op;
	}
	v->n = kept;
}

/* The partitions of t in v, theirs in turn, parents first (the downgrade
 * creates dropped ones again in that order, each under its parent). */
static void absorb_partitions(dctx *c, sd_vec *v, sd_op *into,
                              const sd_table *t, bool created)
{
	size_t next = into->nfolded;

	into->folded = grow_folded(c, into->folded, into->nfolded,
	                                     into->nfolded + v->n + 1);
	absorb_children(c, v, into, t, created);
	while (next < into->nfolded) {
		const sd_op *f = into->folded[next++];
		absorb_children(c, v, into, created ? f->table_new : f->table_old,
		                created);
	}
}

/*
 * An INHERITS tree recreated: each table is created after its parent (its
 * set-aside step later than the parent's) and its rows copied before the
 * parent's copy step drops the old parent; so the downgrade, which runs
 * the inverses in reverse order, creates the old parent before the old
 * child again. Steps otherwise keep their order.
 */
static void order_steps(dctx *c, const tpair *tp, pending *aside,
                        pending *copy)
{
	const size_t step = (size_t)1 << (sizeof(size_t) > 4 ? 40 : 20);
	const tpair *at = tp;
	size_t depth = 0;

	while (depth < 32 && (at = recreated_parent(c, at->old, at->new_, 0)))
		depth++;
	if (!depth && !sd_diff_has_children(c, tp->new_))
		return;
	aside->seq += depth * step;
	copy->seq += (32 - depth) * step;
}

void sd_diff_recreate_split(dctx *c, tpair *tp, sd_op *copy, pending *p)
{
	sd_op *aside = sd_diff_op_new(c, SD_OP_REBUILD_TABLE, copy->table);
	bool rekey = rekeyed(c, tp->old, tp->new_);
	const tpair *parent = recreated_parent(c, tp->old, tp->new_, 0);
	const char *why = rekey ? "its partition key changes: its "
	                          "partitions are recreated too"
	                  : parent ? sd_arena_printf(c->a, "its INHERITS "
	                                                   "parent %s is "
	                                                   "recreated",
	                                             sd_diff_tname(c, parent->new_))
	                  : tp->old->partition_by.sql != NULL ||
	                          tp->new_->partition_by.sql != NULL
	                          ? "partitioning changes"
	                          : "columns become inherited only";

	const sd_logic *fl = sd_logic_of(c->from), *tl = sd_logic_of(c->to);

	absorb_partitions(c, &c->dropped, copy, tp->old, false);
	/* grants not managed: the partitions recreated under their names
	 * keep the ones they had (emit/pg_recreate.c) */
	copy->keep_acl = aside->keep_acl =
		!c->opts->privileges || !fl->privileges || !tl->privileges;
	aside->table_old = copy->table_old;
	aside->table_new = copy->table_new;
	aside->role = SD_ROLE_COMPANION;
	/* a new key: the old partitions (set aside with the table) may have
	 * the new ones' names; these are created with the table */
	if (rekey)
		absorb_partitions(c, &c->created, aside, tp->new_, true);
	order_steps(c, tp, sd_diff_emit(c, aside, PH_CREATE_TABLE), p);
	sd_diff_add_warning(c, copy, SD_HAZARD_REWRITE | SD_HAZARD_LOCKS,
	                    sd_arena_printf(
		c->a,
		"recreates table %s (%s; PostgreSQL cannot do it in place): "
		"every row is copied under an ACCESS EXCLUSIVE lock and its "
		"dependants are recreated",
		sd_diff_tname(c, tp->new_), why));
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
			    sd_streq(sd_column_x(n->attributes[i])->collation,
			             sd_column_x(o->attributes[j])->collation) &&
			    !sd_type_equal(&n->attributes[i]->type,
			                   &o->attributes[j]->type))
				return true;
	return false;
}

bool sd_diff_domain_retyped(const sd_op *op)
{
	return op->kind == SD_OP_ALTER_OBJECT && op->obj_new &&
	       op->obj_new->kind == SD_OBJ_DOMAIN &&
	       (op->changes & SD_CHANGE_REPLACE);
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
