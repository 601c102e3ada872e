/*
 * parents.c - partitions and INHERITS children of a table pair: a table
 * that becomes a partition is attached (and detached on the way back),
 * never rebuilt; a bound that changes is a detach and an attach; an
 * INHERITS list that changes is NO INHERIT and INHERIT.
 *
 * Detaching comes early (before the columns and constraints change),
 * attaching late (once the child has what the parent requires), so both
 * directions of a plan run.
 */
#include "diff/differ.h"

#include <string.h>

/* The pair of the table `schema.name` names on the new side, or NULL. */
static tpair *new_pair(dctx *c, const char *schema, const char *name)
{
	return name ? sd_map_get(c->new_tp, sd_diff_qname(c, schema, name))
	            : NULL;
}

/* The new-side key of an old parent reference, through table renames. */
static const char *old_parent_key(dctx *c, const char *schema,
                                  const char *name)
{
	tpair *tp = sd_map_get(c->old_tp, sd_diff_qname(c, schema, name));

	return tp ? sd_diff_tname(c, tp->new_) : sd_diff_qname(c, schema, name);
}

/* The table object a parent reference names on one side (for the op's
 * statement), falling back to a bare object with that name. */
static const sd_object *parent_object(dctx *c, const sd_schema *s,
                                      const char *schema, const char *name)
{
	sd_table *t = sd_schema_find_table(s, schema, name);
	sd_object *o;

	if (t)
		return &t->base;
	o = sd_arena_alloc(c->a, sizeof(*o));
	o->kind = SD_OBJ_TABLE;
	o->schema = schema;
	o->name = name;
	return o;
}

static void parent_op(dctx *c, tpair *tp, sd_op_kind kind,
                      const sd_table *t, const sd_object *parent)
{
	sd_op *op = sd_diff_op_new(c, kind, t);
	bool up = kind == SD_OP_ATTACH_PARTITION || kind == SD_OP_INHERIT;

	if (up)
		op->obj_new = parent;
	else
		op->obj_old = parent;
	sd_diff_tp_emit(c, tp, op, up ? PH_ATTACH : PH_DETACH);
}

/* The check named name of t, or NULL. */
static const sd_check *check_named(const sd_table *t, const char *name)
{
	size_t i;

	for (i = 0; t && i < t->nchecks; i++)
		if (sd_streq(t->checks[i]->base.name, name))
			return t->checks[i];
	return NULL;
}

/* The target parent table t becomes a partition of, or NULL. */
static const sd_table *new_parent(dctx *c, const sd_table *t)
{
	return t->partition_of ? sd_schema_find_table(c->to,
	                                              t->partition_of_schema,
	                                              t->partition_of)
	                       : NULL;
}

bool sd_diff_check_of_parent(dctx *c, const sd_table *t, const char *name)
{
	const sd_check *ck = check_named(new_parent(c, t), name);

	return ck && !ck->no_inherit;
}

/*
 * ATTACH PARTITION wants the table to have its parent's checks already
 * ("child table is missing constraint"): the ones it lacks are added
 * first, and the attach makes them the parent's (not local).
 */
static void attach_checks(dctx *c, tpair *tp, const sd_object *parent)
{
	const sd_table *p;
	size_t i;

	if (!parent || parent->kind != SD_OBJ_TABLE)
		return;
	p = (const sd_table *)parent;
	for (i = 0; i < p->nchecks; i++) {
		const sd_check *ck = p->checks[i];
		sd_op *op;
		if (ck->no_inherit || check_named(tp->old, ck->base.name))
			continue;
		op = sd_diff_op_new(c, SD_OP_ADD_CONSTRAINT, tp->new_);
		op->obj_new = &ck->base;
		sd_diff_tp_emit(c, tp, op, PH_ADD_CONS);
	}
}

static void partition_ops(dctx *c, tpair *tp)
{
	const sd_table *o = tp->old, *n = tp->new_;
	bool same = false;

	if (o->partition_of && n->partition_of)
		same = sd_streq(old_parent_key(c, o->partition_of_schema,
		                               o->partition_of),
		                sd_diff_qname(c, n->partition_of_schema,
		                              n->partition_of)) &&
		       sd_expr_equal(c->scratch, &o->partition_bound,
		                     &n->partition_bound);
	else
		same = !o->partition_of && !n->partition_of;
	if (same)
		return;
	if (o->partition_of)
		parent_op(c, tp, SD_OP_DETACH_PARTITION, o,
		          parent_object(c, c->from, o->partition_of_schema,
		                        o->partition_of));
	if (n->partition_of) {
		const sd_object *p = parent_object(c, c->to,
		                                   n->partition_of_schema,
		                                   n->partition_of);
		attach_checks(c, tp, p);
		parent_op(c, tp, SD_OP_ATTACH_PARTITION, n, p);
	}
}

/* The composite type t is a typed table of, as an object. */
static const sd_object *of_type_object(dctx *c, const sd_table *t)
{
	sd_object *ty = sd_arena_alloc(c->a, sizeof(*ty));

	ty->kind = SD_OBJ_COMPOSITE;
	ty->schema = t->of_type_schema;
	ty->name = t->of_type;
	return ty;
}

/* A typed table's composite type (CREATE TABLE ... OF): NOT OF and OF,
 * as INHERIT ops whose parent is the type. */
static void typed_ops(dctx *c, tpair *tp)
{
	const sd_table *o = tp->old, *n = tp->new_;

	if (!o->of_type && !n->of_type)
		return;
	if (o->of_type && n->of_type &&
	    sd_streq(sd_diff_qname(c, o->of_type_schema, o->of_type),
	             sd_diff_qname(c, n->of_type_schema, n->of_type)))
		return;
	if (o->of_type)
		parent_op(c, tp, SD_OP_NO_INHERIT, o, of_type_object(c, o));
	if (n->of_type)
		parent_op(c, tp, SD_OP_INHERIT, n, of_type_object(c, n));
}

/* INHERITS lists: the parents that go, then (when the order changed,
 * all of them again, in order) those that come. */
static void inherit_ops(dctx *c, tpair *tp)
{
	const sd_table *o = tp->old, *n = tp->new_;
	size_t i, k, kept = 0;
	bool ordered = true;
	const char **okeys = sd_arena_alloc(c->a, (o->ninherits + 1) *
	                                              sizeof(char *));

	for (i = 0; i < o->ninherits; i++)
		okeys[i] = old_parent_key(c, o->inherits[i].schema,
		                          o->inherits[i].name);
	/* the kept parents must be in the same relative order */
	for (i = 0, k = 0; i < n->ninherits; i++) {
		const char *key = sd_diff_qname(c, n->inherits[i].schema,
		                                n->inherits[i].name);
		size_t j;
		for (j = 0; j < o->ninherits; j++)
			if (sd_streq(okeys[j], key))
				break;
		if (j == o->ninherits)
			continue;
		if (j < k)
			ordered = false;
		k = j;
		kept++;
	}
	if (ordered && kept == o->ninherits && kept == n->ninherits)
		return;
	for (i = 0; i < o->ninherits; i++) {
		bool stays = false;
		for (k = 0; k < n->ninherits && ordered; k++)
			stays = stays ||
			        sd_streq(okeys[i],
			                 sd_diff_qname(c, n->inherits[k].schema,
			                               n->inherits[k].name));
		if (!stays)
			parent_op(c, tp, SD_OP_NO_INHERIT, o,
			          parent_object(c, c->from, o->inherits[i].schema,
			                        o->inherits[i].name));
	}
	for (k = 0; k < n->ninherits; k++) {
		const char *key = sd_diff_qname(c, n->inherits[k].schema,
		                                n->inherits[k].name);
		bool had = false;
		for (i = 0; i < o->ninherits && ordered; i++)
			had = had || sd_streq(okeys[i], key);
		if (!had)
			parent_op(c, tp, SD_OP_INHERIT, n,
			          parent_object(c, c->to, n->inherits[k].schema,
			                        n->inherits[k].name));
	}
}

void sd_diff_parents_pair(dctx *c, tpair *tp)
{
	if (!c->caps.db_objects)
		return;
	partition_ops(c, tp);
	inherit_ops(c, tp);
	typed_ops(c, tp);
	if (!sd_expr_equal(c->scratch, &tp->old->partition_by,
	                   &tp->new_->partition_by) &&
	    !sd_diff_needs_recreate(c, tp))
		sd_strlist_push(c->a, &c->plan->notes,
		                sd_arena_printf(c->a,
		                                "partitioning of %s changes (%s "
		                                "-> %s): not diffed, the table "
		                                "must be recreated by hand",
		                                sd_diff_tname(c, tp->new_),
		                                tp->old->partition_by.sql
		                                    ? tp->old->partition_by.sql
		                                    : "none",
		                                tp->new_->partition_by.sql
		                                    ? tp->new_->partition_by.sql
		                                    : "none"));
}

/*
 * The pair of the parent that gives new-side table t its column named
 * `column` (t's partition parent, or the first INHERITS parent that has
 * it), when that parent is a table of both sides; NULL otherwise.
 */
tpair *sd_diff_parent_pair(dctx *c, const sd_table *t, const char *column)
{
	size_t i;
	tpair *tp;

	if (t->partition_of)
		return new_pair(c, t->partition_of_schema, t->partition_of);
	for (i = 0; i < t->ninherits; i++) {
		tp = new_pair(c, t->inherits[i].schema, t->inherits[i].name);
		if (tp && sd_diff_find_col(tp->new_, column))
			return tp;
	}
	return NULL;
}

/* Whether t (a table of either side) has partitions or INHERITS
 * children. */
bool sd_diff_has_children(const dctx *c, const sd_table *t)
{
	return t->partition_by.sql ||
	       (c->inherited &&
	        sd_map_get(c->inherited, sd_qualified_name(c->a, t->base.schema,
	                                                   t->base.name)));
}

/* Fills c->inherited from both sides' INHERITS lists. */
void sd_diff_note_parents(dctx *c)
{
	const sd_schema *sides[2] = {c->from, c->to};
	size_t s, i, k;

	c->inherited = sd_map_new(c->a, 8);
	for (s = 0; s < 2; s++)
		for (i = 0; i < sides[s]->ntables; i++) {
			const sd_table *x = sides[s]->tables[i];
			for (k = 0; k < x->ninherits; k++) {
				const char *q = sd_diff_qname(
					c, x->inherits[k].schema,
					x->inherits[k].name);
				sd_map_put(c->inherited, q, (void *)q);
			}
		}
}
