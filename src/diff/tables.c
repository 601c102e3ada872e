/*
 * tables.c - PostgreSQL's table settings (caps.table_settings): UNLOGGED
 * and the storage parameters of a table, REPLICA IDENTITY and CLUSTER ON,
 * and the STORAGE, COMPRESSION and SET STATISTICS of its columns (the
 * last are part of ALTER_COLUMN, columns.c).
 *
 * A table's settings change by one ALTER_OBJECT whose two sides are the
 * table as it is and as it becomes (`changes` says which settings):
 *
 *   - UNLOGGED and the storage parameters, with the columns. SET LOGGED
 *     needs the tables a table references logged first, SET UNLOGGED the
 *     tables that reference it unlogged first: tables becoming logged go
 *     referenced first, those becoming unlogged referencing first (the
 *     downgrade, in reverse, keeps both rules).
 *   - REPLICA IDENTITY USING INDEX and CLUSTER ON name an index, which
 *     must exist when they are set; the marks go with the index when it
 *     is dropped. So they are set after the indexes are created, and an
 *     index that is dropped (also to be created again) loses its marks
 *     first, in an operation of their own before the drops: its inverse
 *     puts them back in the downgrade once the index is back.
 *
 * A created table gets UNLOGGED and WITH in its CREATE TABLE and its
 * marks once its indexes exist; a dropped one loses its marks before its
 * indexes go, so that its downgrade gets them back. The foreign keys of
 * created and dropped tables to a table that becomes logged or unlogged
 * come and go on their own (order.c), after and before the change.
 */
#include "diff/differ.h"

#include <string.h>

/* A column's STORAGE, its type's own when it has none: known for the
 * portable types, and from the catalog for the others (the database
 * side's, when the type is the same). 0 when nobody knows. */
static char storage_of(const sd_column *c, const sd_column *other)
{
	if (sd_column_x(c)->storage)
		return sd_column_x(c)->storage;
	if (c->type_storage)
		return c->type_storage;
	if (sd_type_default_storage(&c->type))
		return sd_type_default_storage(&c->type);
	return sd_type_equal(&c->type, &other->type) ? other->type_storage : 0;
}

bool sd_diff_column_settings_equal(const sd_column *o, const sd_column *n)
{
	char so = storage_of(o, n), sn = storage_of(n, o);

	return (so && sn ? so == sn : sd_column_x(o)->storage == sd_column_x(n)->storage) &&
	       sd_streq(sd_column_x(o)->compression, sd_column_x(n)->compression) &&
	       sd_options_same(&sd_column_x(o)->options, &sd_column_x(n)->options) &&
	       sd_column_x(o)->statistics_set == sd_column_x(n)->statistics_set &&
	       (!sd_column_x(n)->statistics_set || sd_column_x(o)->statistics == sd_column_x(n)->statistics);
}

bool sd_diff_fk_target_relogged(dctx *c, const sd_foreign_key *fk)
{
	const char *q = sd_diff_qname(c, fk->ref_schema, fk->ref_table);
	const tpair *tp = sd_map_get(c->new_tp, q);

	if (!c->caps.table_settings)
		return false;
	if (!tp)
		tp = sd_map_get(c->old_tp, q);
	return tp && tp->old->unlogged != tp->new_->unlogged;
}

/* The index marks of a table: REPLICA IDENTITY and CLUSTER ON. */
typedef struct marks {
	char replica;
	const char *replica_index;
	const char *cluster_on;
} marks;

static marks marks_of(const sd_table *t)
{
	marks m = {t->replica_identity, t->replica_index, t->cluster_on};

	if (m.replica != SD_REPLICA_INDEX)
		m.replica_index = NULL;
	return m;
}

static unsigned marks_changes(const marks *a, const marks *b)
{
	unsigned ch = 0;

	if (a->replica != b->replica ||
	    !sd_streq(a->replica_index, b->replica_index))
		ch |= SD_CHANGE_REPLICA;
	if (!sd_streq(a->cluster_on, b->cluster_on))
		ch |= SD_CHANGE_CLUSTER;
	return ch;
}

/* A copy of t with marks m. */
static const sd_table *with_marks(dctx *c, const sd_table *t, const marks *m)
{
	sd_table *x = sd_arena_alloc(c->a, sizeof(*x));

	*x = *t;
	x->replica_identity = m->replica;
	x->replica_index = m->replica_index;
	x->cluster_on = m->cluster_on;
	return x;
}

/* Queues ALTER_OBJECT o -> n of table t (named as it is when it runs). */
static sd_op *queue(dctx *c, const sd_table *t, const sd_table *o,
                    const sd_table *n, unsigned changes, int phase)
{
	sd_op *op = sd_diff_op_new(c, SD_OP_ALTER_OBJECT, t);

	op->obj_old = &o->base;
	op->obj_new = &n->base;
	op->changes = changes;
	sd_diff_emit(c, op, phase);
	return op;
}

/* What the plan does to indexes by name: dropped ("%p d name", the old
 * table) and renamed ("%p r old" -> new name, the new table). */
static sd_map *index_ops(dctx *c)
{
	sd_map *m = sd_map_new(c->a, 64);
	size_t i;

	for (i = 0; i < c->pending.n; i++) {
		const sd_op *op = ((const pending *)c->pending.items[i])->op;
		const sd_object *o = op->obj_old;
		bool keyed = o && (o->kind == SD_OBJ_INDEX ||
		                   o->kind == SD_OBJ_PRIMARY_KEY ||
		                   o->kind == SD_OBJ_UNIQUE);
		if (!keyed || !op->table || !o->name)
			continue;
		if (op->kind == SD_OP_DROP_INDEX ||
		    op->kind == SD_OP_DROP_CONSTRAINT)
			sd_map_put(m, sd_arena_printf(c->a, "%p d %s",
			                              (void *)op->table, o->name),
			           (void *)o->name);
		else if ((op->kind == SD_OP_RENAME_INDEX ||
		          op->kind == SD_OP_RENAME_CONSTRAINT) &&
		         op->obj_new && op->obj_new->name)
			sd_map_put(m, sd_arena_printf(c->a, "%p r %s",
			                              (void *)op->table, o->name),
			           (void *)op->obj_new->name);
	}
	return m;
}

/* The index *name of tp's old table after its indexes are dropped and
 * renamed: NULL when dropped (then true), its new name when renamed. */
static bool follow(dctx *c, sd_map *ix, const tpair *tp, const char **name)
{
	const char *to;

	if (!*name)
		return false;
	if (sd_map_get(ix, sd_arena_printf(c->a, "%p d %s", (void *)tp->old,
	                                   *name))) {
		*name = NULL;
		return true;
	}
	to = sd_map_get(ix, sd_arena_printf(c->a, "%p r %s", (void *)tp->new_,
	                                    *name));
	if (to)
		*name = to;
	return false;
}

/*
 * The marks of tp's old table as they are after its indexes are dropped
 * and renamed: a mark on a dropped index is gone (REPLICA IDENTITY back
 * to DEFAULT), one on a renamed index follows it. *dropped: a mark went.
 */
static marks marks_between(dctx *c, sd_map *ix, const tpair *tp,
                           bool *dropped)
{
	marks m = marks_of(tp->old);
	bool replica_gone = follow(c, ix, tp, &m.replica_index);

	if (replica_gone)
		m.replica = SD_REPLICA_DEFAULT;
	*dropped = follow(c, ix, tp, &m.cluster_on) || replica_gone;
	return m;
}

static void pair_marks(dctx *c, sd_map *ix, const tpair *tp)
{
	marks o = marks_of(tp->old), n = marks_of(tp->new_);
	bool dropped;
	marks mid = marks_between(c, ix, tp, &dropped);
	const sd_table *between = with_marks(c, tp->new_, &mid);
	const sd_table *before = with_marks(c, tp->new_, &o);
	unsigned ch;
	sd_op *op;

	if (dropped) {
		op = queue(c, tp->old, before, between,
		           marks_changes(&o, &mid), PH_DROP_FK);
		op->role = SD_ROLE_HELPER;
	}
	ch = marks_changes(&mid, &n);
	if (ch) {
		op = queue(c, tp->new_, between, tp->new_, ch, PH_ADD_FK);
		if (dropped && !marks_changes(&o, &n))
			op->role = SD_ROLE_HELPER;
	}
}

/* Whether t references (by a foreign key) a table of `pending` other
 * than itself that is not placed yet. */
static bool waits_for(const tpair *tp, const sd_vec *v,
                      const bool *placed, bool referenced)
{
	const sd_table *t = tp->new_;
	size_t i, k;

	for (i = 0; i < v->n; i++) {
		const tpair *p = v->items[i];
		const sd_table *a = referenced ? t : p->new_;
		const sd_table *b = referenced ? p->new_ : t;
		if (placed[i] || p->new_ == t)
			continue;
		/* a references b */
		for (k = 0; k < a->nforeign_keys; k++)
			if (sd_streq(a->foreign_keys[k]->ref_table, b->base.name) &&
			    sd_streq(a->foreign_keys[k]->ref_schema,
			             b->base.schema))
				return true;
	}
	return false;
}

/* Queues the persistence and storage parameter changes of the pairs in
 * v: SET LOGGED referenced tables first (logged true), SET UNLOGGED
 * referencing tables first. */
static void queue_storage(dctx *c, sd_vec *v, bool logged)
{
	bool *placed = sd_arena_alloc(c->a, v->n + 1);
	size_t done = 0, i;

	memset(placed, 0, v->n + 1);
	for (; done < v->n; done++) {
		const tpair *tp;
		unsigned ch = 0;
		sd_op *op;
		for (i = 0; i < v->n; i++)
			if (!placed[i] &&
			    !waits_for(v->items[i], v, placed, logged))
				break;
		if (i == v->n) /* a cycle: the first one left goes */
			for (i = 0; placed[i]; i++)
				;
		placed[i] = true;
		tp = v->items[i];
		if (tp->old->unlogged != tp->new_->unlogged)
			ch |= SD_CHANGE_PERSISTENCE;
		if (!sd_options_same(&tp->old->with, &tp->new_->with))
			ch |= SD_CHANGE_OPTIONS;
		op = queue(c, tp->new_, tp->old, tp->new_, ch, PH_COLUMNS);
		if (ch & SD_CHANGE_PERSISTENCE)
			sd_diff_add_warning(
				c, op, SD_HAZARD_REWRITE,
				sd_arena_printf(c->a,
				                "SET %s rewrites table %s and "
				                "blocks its reads and writes",
				                tp->new_->unlogged ? "UNLOGGED"
				                                   : "LOGGED",
				                sd_diff_tname(c, tp->new_)));
	}
}

void sd_diff_table_settings(dctx *c)
{
	sd_vec to_logged = {0}, others = {0};
	sd_map *ix = NULL;
	size_t i;
	marks none = {SD_REPLICA_DEFAULT, NULL, NULL};

	for (i = 0; i < c->pairs.n; i++) {
		tpair *tp = c->pairs.items[i];
		marks o = marks_of(tp->old), n = marks_of(tp->new_);
		if (tp->old->unlogged != tp->new_->unlogged ||
		    !sd_options_same(&tp->old->with, &tp->new_->with))
			sd_vec_push(c->a,
			            tp->old->unlogged && !tp->new_->unlogged
			                ? &to_logged
			                : &others,
			            tp);
		if (!o.replica_index && !o.cluster_on && !marks_changes(&o, &n))
			continue;
		if (!ix)
			ix = index_ops(c);
		pair_marks(c, ix, tp);
	}
	queue_storage(c, &to_logged, true);
	queue_storage(c, &others, false);
	for (i = 0; i < c->created.n; i++) {
		const sd_table *t = c->created.items[i];
		marks n = marks_of(t);
		unsigned ch = marks_changes(&none, &n);
		if (ch)
			queue(c, t, with_marks(c, t, &none), t, ch, PH_ADD_FK);
	}
	for (i = 0; i < c->dropped.n; i++) {
		const sd_table *t = c->dropped.items[i];
		marks o = marks_of(t);
		unsigned ch = marks_changes(&o, &none);
		if (ch)
			queue(c, t, t, with_marks(c, t, &none), ch, PH_DROP_FK)
				->role = SD_ROLE_HELPER;
	}
}
