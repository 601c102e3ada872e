/*
 * constraints.c - the keys, uniques, checks, foreign keys and indexes of a
 * table pair (passes A and B of diff.c), their comments, and SQLite's
 * table options, which only a rebuild changes.
 */
#include "diff/differ.h"

#include <string.h>

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
		if (!sd_streq(sd_diff_map_col(tp, o->items[i]), n->items[i]))
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

/* Storage parameters and tablespace of two indexes, where the dialect
 * has them (INCLUDE columns apart: they are columns, renames apply). */
static bool storage_equal(const dctx *c, const sd_index_storage *o,
                          const sd_index_storage *n)
{
	return !c->caps.index_storage ||
	       (sd_options_same(&o->with, &n->with) &&
	        sd_streq(o->tablespace, n->tablespace));
}

static bool include_equal(const dctx *c, const tpair *tp,
                          const sd_strlist *o, const sd_strlist *n)
{
	return !c->caps.index_storage || cols_equal_mapped(tp, o, n);
}

static bool unique_equal(dctx *c, const tpair *tp, const sd_object *a,
                         const sd_object *b)
{
	const sd_unique *o = (const sd_unique *)a, *n = (const sd_unique *)b;

	return cols_equal_mapped(tp, &o->columns, &n->columns) &&
	       o->nulls_not_distinct == n->nulls_not_distinct &&
	       o->deferrable == n->deferrable &&
	       o->initially_deferred == n->initially_deferred &&
	       include_equal(c, tp, &o->include, &n->include) &&
	       storage_equal(c, &o->storage, &n->storage);
}

/* NOT VALID and NO INHERIT are part of a constraint where the dialect
 * keeps them: a VALID constraint is not the NOT VALID one of the target
 * (DB-to-DB reproduces the target as it is), and the other way round. */
static bool validity_equal(const dctx *c, bool o_not_valid, bool n_not_valid)
{
	return !c->caps.index_storage || o_not_valid == n_not_valid;
}

/*
 * What only SQLite's CREATE text keeps (an explicit ASC, MATCH SIMPLE, a
 * CHECK's ON CONFLICT; caps.table_options): between two databases the
 * target is taken as written (same: the two texts agree); against models
 * what they say counts (n_says), what they leave unsaid the database
 * keeps.
 */
static bool text_kept_equal(const dctx *c, bool same, bool n_says)
{
	if (!c->caps.table_options || !c->from->dialect || same)
		return true;
	return !c->to->dialect && !n_says;
}

static bool check_equal(dctx *c, const tpair *tp, const sd_object *a,
                        const sd_object *b)
{
	const sd_check *o = (const sd_check *)a, *n = (const sd_check *)b;

	(void)tp;
	return sd_expr_equal(c->scratch, &o->expression, &n->expression) &&
	       validity_equal(c, o->not_valid, n->not_valid) &&
	       text_kept_equal(c, sd_streq(o->on_conflict, n->on_conflict),
	                       n->on_conflict != NULL) &&
	       (!c->caps.index_storage || o->no_inherit == n->no_inherit);
}

bool sd_diff_index_equal(dctx *c, const tpair *tp, const sd_object *a,
                         const sd_object *b)
{
	const sd_index *o = (const sd_index *)a, *n = (const sd_index *)b;
	size_t i;

	if (o->nkeys != n->nkeys || o->unique != n->unique ||
	    o->nulls_not_distinct != n->nulls_not_distinct ||
	    !sd_strieq(o->method ? o->method : "btree",
	               n->method ? n->method : "btree") ||
	    !sd_expr_equal(c->scratch, &o->where, &n->where) ||
	    !cols_equal_mapped(tp, &o->include, &n->include) ||
	    !storage_equal(c, &o->storage, &n->storage) ||
	    o->exclusion != n->exclusion || o->deferrable != n->deferrable ||
	    o->initially_deferred != n->initially_deferred)
		return false;
	/* SQLite between two databases: an inline UNIQUE and a CREATE
	 * UNIQUE INDEX are the same by meaning, not in the catalog, and
	 * the target's form is taken */
	if (c->caps.unique_as_index && c->from->dialect && c->to->dialect &&
	    o->constraint_backed != n->constraint_backed)
		return false;
	for (i = 0; i < o->nkeys; i++) {
		const sd_index_key *x = &o->keys[i], *y = &n->keys[i];
		if (!x->column != !y->column)
			return false;
		if (x->column && !sd_streq(sd_diff_map_col(tp, x->column), y->column))
			return false;
		if (!x->column &&
		    !sd_expr_equal(c->scratch, &x->expression, &y->expression))
			return false;
		if (!text_kept_equal(c, x->asc == y->asc, y->asc))
			return false;
		if (x->desc != y->desc || x->nulls != y->nulls ||
		    !sd_streq(x->collation, y->collation) ||
		    !sd_strieq(x->opclass, y->opclass) ||
		    !sd_options_equal(&x->opclass_params, &y->opclass_params) ||
		    !sd_streq(x->op, y->op))
			return false;
	}
	return true;
}

/* Whether one of keys (sd_strlist*) is the column set cols. */
static bool has_key(const sd_vec *keys, const sd_strlist *cols)
{
	size_t i;

	for (i = 0; i < keys->n; i++)
		if (sd_strlist_same_set(keys->items[i], cols))
			return true;
	return false;
}

/* The pair an old FK points at (NULL: a table not matched). */
static tpair *fk_old_target(dctx *c, const sd_table *t,
                            const sd_foreign_key *fk)
{
	(void)t;
	return sd_map_get(c->old_tp,
	                  sd_diff_qname(c, fk->ref_schema, fk->ref_table));
}

/*
 * True when an existing FK must be dropped before, and re-added after, the
 * key or column it points at changes: PostgreSQL refuses to drop a unique
 * constraint an FK depends on, and rechecks FKs on a type change.
 */
bool sd_diff_fk_target_disturbed(dctx *c, const sd_table *t,
                                 const sd_foreign_key *fk)
{
	tpair *rt;
	size_t i;

	if (!c->caps.alter_constraints)
		return false;
	rt = fk_old_target(c, t, fk);
	if (!rt)
		return false;
	if (has_key(&rt->dropped_keys, &fk->ref_columns))
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
bool sd_diff_fk_target_added(dctx *c, const sd_foreign_key *fk)
{
	tpair *rt;
	size_t i;

	if (!c->caps.alter_constraints)
		return false;
	rt = sd_map_get(c->new_tp,
	                sd_diff_qname(c, fk->ref_schema, fk->ref_table));
	if (!rt)
		return false;
	if (has_key(&rt->added_keys, &fk->ref_columns))
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
bool sd_diff_fk_target_renamed(dctx *c, const sd_table *t,
                               const sd_foreign_key *fk)
{
	tpair *rt = fk_old_target(c, t, fk);
	size_t i;

	if (!rt)
		return false;
	if (rt->renamed)
		return true;
	for (i = 0; i < fk->ref_columns.n; i++)
		if (!sd_streq(sd_diff_map_col(rt, fk->ref_columns.items[i]),
		              fk->ref_columns.items[i]))
			return true;
	return false;
}

/* ON UPDATE written before ON DELETE, both there (SQLite). */
static bool actions_reversed(const sd_foreign_key *f)
{
	return f->update_first && sd_fk_update_written(f) &&
	       sd_fk_delete_written(f);
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
	    !cols_equal_mapped(tp, &o->on_delete_columns,
	                       &n->on_delete_columns) ||
	    o->deferrable != n->deferrable ||
	    o->initially_deferred != n->initially_deferred ||
	    o->match_full != n->match_full ||
	    !text_kept_equal(c, o->match_simple == n->match_simple,
	                     n->match_simple) ||
	    !validity_equal(c, o->not_valid, n->not_valid))
		return false;
	/* SQLite between two databases: the actions' order is the
	 * target's */
	if (c->caps.table_options && c->from->dialect && c->to->dialect &&
	    (actions_reversed(o) != actions_reversed(n) ||
	     o->ref_implicit != n->ref_implicit ||
	     sd_fk_delete_written(o) != sd_fk_delete_written(n) ||
	     sd_fk_update_written(o) != sd_fk_update_written(n)))
		return false;
	return !sd_diff_fk_target_disturbed(c, tp->old, o);
}

typedef bool (*obj_equal_fn)(dctx *, const tpair *, const sd_object *,
                             const sd_object *);

/* How one kind of object is added, dropped and renamed. */
typedef struct obj_kind {
	sd_op_kind add, drop, rename;
	int add_phase, drop_phase;
	obj_equal_fn equal;
} obj_kind;

/*
 * Queues the drop of o (n NULL) or the addition of n (o NULL), noting the
 * key columns it takes away or brings for the foreign keys of pass B.
 */
static sd_op *queue_object(dctx *c, tpair *tp, const obj_kind *k,
                           const sd_object *o, const sd_object *n)
{
	sd_op *op = sd_diff_op_new(c, n ? k->add : k->drop,
	                           n ? tp->new_ : tp->old);
	const sd_strlist *key = key_columns(c, n ? n : o);

	op->obj_old = o;
	op->obj_new = n;
	if (key)
		sd_vec_push(c->a, n ? &tp->added_keys : &tp->dropped_keys,
		            (void *)key);
	sd_diff_tp_emit(c, tp, op, n ? k->add_phase : k->drop_phase);
	return op;
}

static void drop_object(dctx *c, tpair *tp, const obj_kind *k,
                        const sd_object *o)
{
	queue_object(c, tp, k, o, NULL);
}

static void add_object(dctx *c, tpair *tp, const obj_kind *k,
                       const sd_object *n)
{
	sd_op *op = queue_object(c, tp, k, NULL, n);

	if (k->add != SD_OP_CREATE_INDEX || !c->caps.alter_column)
		return;
	/* (an index on a partitioned table cannot be built CONCURRENTLY) */
	if (c->opts->concurrently && !tp->new_->partition_by.sql) {
		op->concurrently = true;
		op->hazards |= SD_HAZARD_NO_TRANSACTION;
	} else {
		sd_diff_add_warning(c, op, SD_HAZARD_LOCKS,
		                    sd_arena_printf(c->a,
		                                    "builds index %s on %s "
		                                    "without CONCURRENTLY "
		                                    "(blocks writes)",
		                                    n->name,
		                                    sd_diff_tname(c, tp->new_)));
	}
}

/* The index behind key, unique or exclusion constraint o; NULL for
 * other objects. */
static const sd_index_storage *backing_index(const sd_object *o)
{
	if (o->kind == SD_OBJ_INDEX && !((const sd_index *)o)->exclusion)
		return NULL;
	return sd_index_storage_of(o);
}

/* The index behind constraint o as an index of its own (named as the
 * constraint, as PostgreSQL names it) that carries only its comment. */
static const sd_object *index_behind(dctx *c, const sd_object *o,
                                     const char *comment)
{
	sd_index *ix = sd_arena_alloc(c->a, sizeof(*ix));

	memset(ix, 0, sizeof(*ix));
	ix->base = *o;
	ix->base.kind = SD_OBJ_INDEX;
	ix->comment = comment;
	return &ix->base;
}

/* SET_COMMENT (COMMENT ON INDEX) on the index behind constraints o and
 * n when its comment changed. */
static void comment_backing_index(dctx *c, const sd_table *t,
                                  const sd_object *o, const sd_object *n)
{
	const sd_index_storage *so = backing_index(o), *sn = backing_index(n);
	sd_op *op;

	if (!so || !sn || sd_streq(so->comment, sn->comment))
		return;
	op = sd_diff_op_new(c, SD_OP_SET_COMMENT, t);
	op->obj_old = index_behind(c, o, so->comment);
	op->obj_new = index_behind(c, n, sn->comment);
	op->name_old = so->comment;
	op->name_new = sn->comment;
	sd_diff_emit(c, op, PH_COMMENT);
}

/* SET_COMMENT on an index, constraint or enum whose comment changed, and
 * on the index behind a constraint. */
void sd_diff_comment_object(dctx *c, const sd_table *t, const sd_object *o,
                            const sd_object *n)
{
	sd_op *op;

	if (!c->caps.comments)
		return;
	comment_backing_index(c, t, o, n);
	if (sd_streq(sd_object_comment(o), sd_object_comment(n)))
		return;
	op = sd_diff_op_new(c, SD_OP_SET_COMMENT, t);
	op->obj_old = o;
	op->obj_new = n;
	op->name_old = sd_object_comment(o);
	op->name_new = sd_object_comment(n);
	sd_diff_emit(c, op, PH_COMMENT);
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
		    !sd_streq(sd_diff_map_col(tp, ix->keys[i].column),
		              ix->keys[i].column))
			moved = true;
	for (i = 0; i < ix->include.n; i++)
		if (!sd_streq(sd_diff_map_col(tp, ix->include.items[i]),
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
			cur->keys[i].column = sd_diff_map_col(tp, ix->keys[i].column);
	}
	memset(&cur->include, 0, sizeof(cur->include));
	for (i = 0; i < ix->include.n; i++)
		sd_strlist_push(c->a, &cur->include,
		                sd_diff_map_col(tp, ix->include.items[i]));
	return &cur->base;
}

/* Two constraints without names where the dialect keeps none: the
 * names made up for them mean nothing. */
static bool both_unnamed(const dctx *c, const sd_object *o,
                         const sd_object *n)
{
	return c->caps.unnamed_constraints && o->unnamed && n->unnamed;
}

/*
 * Diffs one kind of object of a pair: same name and definition is no
 * change; same name, other definition is drop + add; an unmatched new
 * object whose definition equals an unmatched old one is a rename (no
 * change when neither has a name); the rest are drops and adds.
 * Quadratic only in the table's own objects.
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
			if (om[i] || !sd_streq(olds[i]->name, news[j]->name) ||
			    both_unnamed(c, olds[i], news[j]))
				continue;
			om[i] = nm[j] = true;
			if (!k->equal(c, tp, olds[i], news[j])) {
				drop_object(c, tp, k, olds[i]);
				add_object(c, tp, k, news[j]);
			} else {
				sd_diff_comment_object(c, tp->new_, olds[i], news[j]);
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
			if (both_unnamed(c, olds[i], news[j]))
				break; /* the same nameless constraint */
			op = sd_diff_op_new(c, k->rename, tp->new_);
			op->obj_old = k->rename == SD_OP_RENAME_INDEX
			                  ? index_as_renamed(c, tp, olds[i])
			                  : olds[i];
			op->obj_new = news[j];
			sd_diff_tp_emit(c, tp, op, PH_RENAME);
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

#define CONSTRAINT_OPS                                                       \
	SD_OP_ADD_CONSTRAINT, SD_OP_DROP_CONSTRAINT, SD_OP_RENAME_CONSTRAINT
#define INDEX_OPS SD_OP_CREATE_INDEX, SD_OP_DROP_INDEX, SD_OP_RENAME_INDEX

static const obj_kind kind_unique = {CONSTRAINT_OPS, PH_ADD_CONS, PH_DROP_CONS,
                                     unique_equal};
static const obj_kind kind_check = {CONSTRAINT_OPS, PH_ADD_CONS, PH_DROP_CONS,
                                    check_equal};
static const obj_kind kind_index = {INDEX_OPS, PH_ADD_CONS, PH_DROP_CONS,
                                    sd_diff_index_equal};
static const obj_kind kind_fk = {CONSTRAINT_OPS, PH_ADD_FK, PH_DROP_FK,
                                 fk_equal};
static const obj_kind kind_pk = {CONSTRAINT_OPS, PH_ADD_CONS, PH_DROP_CONS,
                                 NULL};

static void diff_primary_key(dctx *c, tpair *tp)
{
	const sd_primary_key *o = tp->old->primary_key;
	const sd_primary_key *n = tp->new_->primary_key;

	if (o && n && cols_equal_mapped(tp, &o->columns, &n->columns) &&
	    o->deferrable == n->deferrable &&
	    o->initially_deferred == n->initially_deferred &&
	    include_equal(c, tp, &o->include, &n->include) &&
	    storage_equal(c, &o->storage, &n->storage)) {
		if (c->caps.named_primary_keys && o->base.name &&
		    n->base.name && !sd_streq(o->base.name, n->base.name)) {
			sd_op *op = sd_diff_op_new(c, SD_OP_RENAME_CONSTRAINT, tp->new_);
			op->obj_old = &o->base;
			op->obj_new = &n->base;
			sd_diff_tp_emit(c, tp, op, PH_RENAME);
		}
		sd_diff_comment_object(c, tp->new_, &o->base, &n->base);
		return;
	}
	if (o)
		drop_object(c, tp, &kind_pk, &o->base);
	if (n)
		add_object(c, tp, &kind_pk, &n->base);
}

/* The old table's checks, but for those a table about to be attached
 * as a partition keeps for its new parent (a copy it has already). */
static size_t old_checks(dctx *c, tpair *tp, const sd_object ***out)
{
	const sd_table *t = tp->old;
	size_t i, n = 0;

	*out = sd_arena_alloc(c->a, (t->nchecks + 1) * sizeof(**out));
	for (i = 0; i < t->nchecks; i++)
		if (tp->old->partition_of || !tp->new_->partition_of ||
		    !sd_diff_check_of_parent(c, tp->new_,
		                             t->checks[i]->base.name))
			(*out)[n++] = &t->checks[i]->base;
	return n;
}

/* Pass A: everything of a pair except its foreign keys. */
void sd_diff_pair_a(dctx *c, tpair *tp)
{
	const sd_object **o, **n;
	size_t no;

	if (tp->renamed) {
		sd_op *op = sd_diff_op_new(c, SD_OP_RENAME_TABLE, tp->old);
		op->table_old = tp->old;
		op->table_new = tp->new_;
		sd_diff_tp_emit(c, tp, op, PH_RENAME_TABLE);
	}
	sd_diff_columns(c, tp);
	sd_diff_parents_pair(c, tp);
	diff_primary_key(c, tp);
	OBJECTS(c, tp->old->uniques, tp->old->nuniques, o);
	OBJECTS(c, tp->new_->uniques, tp->new_->nuniques, n);
	diff_objects(c, tp, &kind_unique, o, tp->old->nuniques, n,
	             tp->new_->nuniques);
	no = old_checks(c, tp, &o);
	OBJECTS(c, tp->new_->checks, tp->new_->nchecks, n);
	diff_objects(c, tp, &kind_check, o, no, n, tp->new_->nchecks);
	OBJECTS(c, tp->old->indexes, tp->old->nindexes, o);
	OBJECTS(c, tp->new_->indexes, tp->new_->nindexes, n);
	diff_objects(c, tp, &kind_index, o, tp->old->nindexes, n,
	             tp->new_->nindexes);
	if (c->caps.comments &&
	    !sd_streq(tp->old->comment, tp->new_->comment)) {
		sd_op *op = sd_diff_op_new(c, SD_OP_SET_COMMENT, tp->new_);
		op->name_old = tp->old->comment;
		op->name_new = tp->new_->comment;
		sd_diff_emit(c, op, PH_COMMENT);
	}
}

/* Pass B: foreign keys, once every pair's key changes are known. */
void sd_diff_pair_b(dctx *c, tpair *tp)
{
	const sd_object **o, **n;

	OBJECTS(c, tp->old->foreign_keys, tp->old->nforeign_keys, o);
	OBJECTS(c, tp->new_->foreign_keys, tp->new_->nforeign_keys, n);
	diff_objects(c, tp, &kind_fk, o, tp->old->nforeign_keys, n,
	             tp->new_->nforeign_keys);
}

/*
 * The old index a new one is: of the same name, or, neither named, of
 * the same columns.
 */
static const sd_index *old_peer(dctx *c, const tpair *tp, const sd_index *n)
{
	const sd_index *o = sd_table_find_index(tp->old, n->base.name);
	size_t i;

	if (o || !n->base.unnamed)
		return o;
	for (i = 0; i < tp->old->nindexes; i++) {
		const sd_index *x = tp->old->indexes[i];
		size_t k;
		if (!both_unnamed(c, &x->base, &n->base) || !x->unique ||
		    x->nkeys != n->nkeys || x->where.sql)
			continue;
		for (k = 0; k < n->nkeys; k++)
			if (!x->keys[k].column ||
			    !sd_streq(x->keys[k].column, n->keys[k].column))
				break;
		if (k == n->nkeys)
			return x;
	}
	return NULL;
}

/*
 * The models' unique constraints are inline UNIQUEs of the tables they
 * create (unique_to_index). Of an existing table, one the table has
 * keeps the form it has there (a rebuild writes it back so), and a new
 * one is added as a unique index, the only form ALTER can add: the same
 * constraint by meaning.
 */
void sd_diff_unique_form_pair(dctx *c, tpair *tp)
{
	size_t i;

	if (!c->caps.unique_as_index || c->to->dialect)
		return;
	for (i = 0; i < tp->new_->nindexes; i++) {
		sd_index *n = tp->new_->indexes[i];
		const sd_index *o;
		if (!n->constraint_backed)
			continue;
		o = old_peer(c, tp, n);
		n->constraint_backed = o && o->constraint_backed;
	}
}

/* ------------------------------------------------------------------ */
/* Table options (caps.table_options: SQLite)                          */
/* ------------------------------------------------------------------ */

static const char *conflict_of(const sd_primary_key *pk)
{
	return pk ? pk->on_conflict : NULL;
}

static const char *pk_name_of(const sd_primary_key *pk)
{
	return pk ? pk->base.name : NULL;
}

/* Whether two keys write the same columns DESC. */
static bool pk_desc_equal(const sd_primary_key *o, const sd_primary_key *n)
{
	static const sd_strlist none = {NULL, 0};

	return sd_strlist_equal(o ? &o->desc : &none, n ? &n->desc : &none);
}

/*
 * The column's attributes as its SQLite CREATE text orders them, only
 * those it has (sd_column.sqlite_order): "DN" for DEFAULT 0 NOT NULL.
 */
static void attr_order(const sd_column *c, char out[8])
{
	const char *o = sd_column_x(c)->sqlite_order ? sd_column_x(c)->sqlite_order : "NDCG";
	size_t n = 0;

	for (; *o && n < 7; o++)
		if ((*o == 'N' && !c->nullable) ||
		    (*o == 'n') ||
		    (*o == 'D' && c->default_value.sql) ||
		    (*o == 'C' && sd_column_x(c)->collation) ||
		    (*o == 'G' && sd_column_x(c)->generated.sql))
			out[n++] = *o == 'n' && !c->nullable ? 'N' : *o;
	out[n] = '\0';
}

/* True when two columns' CREATE texts differ in what only they keep:
 * AUTOINCREMENT, the NOT NULL's conflict clause, the attributes' order. */
static bool column_text_differs(const sd_column *o, const sd_column *n)
{
	char x[8], y[8];

	attr_order(o, x);
	attr_order(n, y);
	return o->autoincrement_keyword != n->autoincrement_keyword ||
	       !sd_streq(sd_column_x(o)->not_null_conflict, sd_column_x(n)->not_null_conflict) ||
	       strcmp(x, y) != 0;
}

/* True when the options the table's CREATE text carries differ:
 * WITHOUT ROWID, STRICT, AUTOINCREMENT, ON CONFLICT clauses and the
 * primary key's name (kept in that text only). */
static bool table_options_differ(const sd_table *o, const sd_table *n)
{
	size_t i;

	if (o->without_rowid != n->without_rowid || o->strict != n->strict ||
	    !sd_streq(o->sqlite_using, n->sqlite_using) ||
	    !sd_streq(conflict_of(o->primary_key), conflict_of(n->primary_key)) ||
	    !sd_streq(pk_name_of(o->primary_key), pk_name_of(n->primary_key)) ||
	    !pk_desc_equal(o->primary_key, n->primary_key))
		return true;
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *nc = n->columns[i];
		const sd_column *oc = sd_diff_find_col(o, nc->base.name);
		if (!oc)
			continue;
		if (column_text_differs(oc, nc) ||
		    !sd_column_attr_names_equal(oc, nc))
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
 * Against models, the database keeps what the models cannot say (ON
 * CONFLICT clauses, SQLite's own nullability of a primary-key column) and
 * the options they leave unsaid: the target's working copy takes them
 * over (columns and key copied, never the caller's objects), and a
 * rebuild for other reasons recreates them. An option the models ask for
 * (without_rowid, strict, sqlite_autoincrement) and the database lacks
 * rebuilds the table. Between two databases the target is taken
 * literally: a difference rebuilds the table.
 */
void sd_diff_table_options_pair(dctx *c, tpair *tp)
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
	tp->options_changed = (n->without_rowid && !o->without_rowid) ||
	                      (n->strict && !o->strict) ||
	                      !sd_streq(o->sqlite_using, n->sqlite_using);
	n->without_rowid = n->without_rowid || o->without_rowid;
	n->strict = n->strict || o->strict;
	if (n->primary_key && n->primary_key->on_conflict &&
	    !sd_streq(n->primary_key->on_conflict, conflict_of(o->primary_key)))
		tp->options_changed = true;
	if (n->primary_key && n->primary_key->desc.n &&
	    !pk_desc_equal(o->primary_key, n->primary_key))
		tp->options_changed = true;
	if (n->primary_key && o->primary_key &&
	    ((conflict_of(o->primary_key) && !n->primary_key->on_conflict) ||
	     (o->primary_key->desc.n && !n->primary_key->desc.n &&
	      sd_strlist_equal(&o->primary_key->columns,
	                       &n->primary_key->columns)))) {
		sd_primary_key *pk = sd_arena_alloc(c->a, sizeof(*pk));
		*pk = *n->primary_key;
		if (!pk->on_conflict)
			pk->on_conflict = o->primary_key->on_conflict;
		if (!pk->desc.n && sd_strlist_equal(&o->primary_key->columns,
		                                    &pk->columns))
			pk->desc = o->primary_key->desc;
		n->primary_key = pk;
	}
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *oc = sd_diff_find_col(o, n->columns[i]->base.name);
		const sd_column *nc = n->columns[i];
		sd_column *col;
		/* a primary-key column SQLite lets hold NULL (not the rowid):
		 * the models cannot say so, the database keeps it */
		bool pk_null = oc && oc->nullable && !nc->nullable &&
		               !oc->autoincrement && o->primary_key &&
		               n->primary_key &&
		               sd_strlist_contains(&o->primary_key->columns,
		                                   oc->base.name) &&
		               sd_strlist_contains(&n->primary_key->columns,
		                                   nc->base.name);
		/* what the models say of the CREATE text (the NOT NULL's
		 * conflict clause, the attributes' order) they are taken
		 * at; what they leave unsaid the database keeps */
		if (oc && ((nc->autoincrement_keyword &&
		            !oc->autoincrement_keyword) ||
		           (sd_column_x(nc)->not_null_conflict &&
		            !sd_streq(sd_column_x(nc)->not_null_conflict,
		                      sd_column_x(oc)->not_null_conflict)) ||
		           (sd_column_x(nc)->sqlite_order &&
		            column_text_differs(oc, nc)) ||
		           (sd_column_x(nc)->sqlite_names &&
		            !sd_column_attr_names_equal(oc, nc))))
			tp->options_changed = true;
		if (!oc || (!oc->autoincrement_keyword &&
		            !sd_column_x(oc)->not_null_conflict && !sd_column_x(oc)->sqlite_order &&
		            !sd_column_x(oc)->sqlite_names && !pk_null))
			continue;
		col = sd_arena_alloc(c->a, sizeof(*col));
		*col = *nc;
		col->autoincrement_keyword = nc->autoincrement_keyword ||
		                             oc->autoincrement_keyword;
		if (!sd_column_x(nc)->not_null_conflict)
			sd_column_xw(c->a, col)->not_null_conflict = sd_column_x(oc)->not_null_conflict;
		if (!sd_column_x(nc)->sqlite_order)
			sd_column_xw(c->a, col)->sqlite_order = sd_column_x(oc)->sqlite_order;
		if (!sd_column_x(nc)->sqlite_names)
			sd_column_xw(c->a, col)->sqlite_names = sd_column_x(oc)->sqlite_names;
		if (pk_null)
			col->nullable = true;
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
		if (oi && n->indexes[i]->on_conflict &&
		    !sd_streq(oi->on_conflict, n->indexes[i]->on_conflict))
			tp->options_changed = true;
		if (!oi || !oi->on_conflict || n->indexes[i]->on_conflict ||
		    !n->indexes[i]->unique ||
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
