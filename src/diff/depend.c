/*
 * depend.c - dependencies between objects, and what they mean for a plan.
 *
 * Every operation establishes and/or removes objects, named by their keys
 * (model/logic.h): CREATE TABLE establishes the table and its columns,
 * DROP COLUMN removes one, ALTER COLUMN ... TYPE removes the column as
 * its users knew it and establishes the new one. The dependencies of each
 * side ("X uses Y": the catalog's own from pg_depend, or read from the SQL
 * of models and SQLite) then say two things:
 *
 *   - what a change takes along (sd_diff_dependants): PostgreSQL refuses
 *     to drop or retype what a view, policy, trigger, rule, default, check
 *     or index still uses, so every such dependant the plan leaves alone
 *     is dropped first and created again after, transitively (a view over
 *     that view too), in the same plan and so in its downgrade;
 *   - the order (sd_diff_order): X is created after what it uses is
 *     established, and removed before what it used is removed; an object
 *     removed and established again by two operations is removed first.
 *
 * The order itself is pg_dump_sort.c's idea: operations keep their
 * priority (the phase of their kind, then the order they were queued in),
 * and a topological sort moves only what a dependency forces to move.
 * Without dependencies the plan is exactly the phase order.
 */
#include "diff/differ.h"
#include "model/logic.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Keys and renames                                                    */
/* ------------------------------------------------------------------ */

/* The parts of a key: kind, schema, name, sub (NULL when empty). */
typedef struct keyparts {
	int kind;
	const char *schema;
	const char *name;
	const char *sub;
} keyparts;

static void key_split(sd_arena *a, const char *key, keyparts *kp)
{
	const char *p = key + 2, *q;

	kp->kind = sd_objkey_kind(key);
	q = strchr(p, '\x1f');
	kp->schema = q > p ? sd_arena_strndup(a, p, (size_t)(q - p)) : NULL;
	p = q + 1;
	q = strchr(p, '\x1f');
	kp->name = q > p ? sd_arena_strndup(a, p, (size_t)(q - p)) : NULL;
	kp->sub = q[1] ? q + 1 : NULL;
}

/* The pair whose old side is the table schema.name, or NULL. */
static tpair *old_pair(dctx *c, const char *schema, const char *name)
{
	return name ? sd_map_get(c->old_tp, sd_diff_qname(c, schema, name))
	            : NULL;
}

/* Kinds whose name is a table's: they follow its renames. */
static bool table_scoped(int kind)
{
	return kind == SD_KEY_REL || kind == SD_KEY_COLUMN ||
	       kind == SD_KEY_DEFAULT || kind == SD_KEY_TRIGGER ||
	       kind == SD_KEY_POLICY || kind == SD_KEY_RULE ||
	       kind == SD_KEY_CONSTRAINT;
}

/*
 * A key of `from` in the target's naming: tables the plan renames under
 * their new name, columns it renames too. Every key the plan compares is
 * in that naming, so that an object meets itself across a rename.
 */
static const char *to_naming(dctx *c, const char *key)
{
	keyparts kp;
	tpair *tp;

	if (!table_scoped(sd_objkey_kind(key)))
		return key;
	key_split(c->a, key, &kp);
	tp = old_pair(c, kp.schema, kp.name);
	if (!tp || (!tp->renamed && !(kp.sub && (kp.kind == SD_KEY_COLUMN ||
	                                         kp.kind == SD_KEY_DEFAULT))))
		return key;
	return sd_objkey(c->a, kp.kind, tp->new_->base.schema,
	                 tp->new_->base.name,
	                 kp.kind == SD_KEY_COLUMN || kp.kind == SD_KEY_DEFAULT
	                         ? sd_diff_map_col(tp, kp.sub)
	                         : kp.sub);
}

/* Whether t is the old side of a pair (its names are the source's). */
static tpair *old_side(dctx *c, const sd_table *t)
{
	tpair *tp = t ? old_pair(c, t->base.schema, t->base.name) : NULL;

	return tp && tp->old == t ? tp : NULL;
}

/* The key of a table-scoped object of t (sub: a column or object name),
 * in the target's naming. */
static const char *tkey(dctx *c, int kind, const sd_table *t,
                        const char *sub)
{
	tpair *tp = old_side(c, t);

	if (tp)
		return sd_objkey(c->a, kind, tp->new_->base.schema,
		                 tp->new_->base.name,
		                 (kind == SD_KEY_COLUMN || kind == SD_KEY_DEFAULT)
		                         ? sd_diff_map_col(tp, sub)
		                         : sub);
	return sd_objkey(c->a, kind, t->base.schema, t->base.name, sub);
}

/* ------------------------------------------------------------------ */
/* What each operation establishes and removes                         */
/* ------------------------------------------------------------------ */

typedef struct opkeys {
	sd_vec est; /* const char* keys */
	sd_vec rem;
} opkeys;

static void put(dctx *c, sd_vec *v, const char *key)
{
	sd_vec_push(c->a, v, (void *)key);
}

static bool key_in(const sd_vec *v, const char *key)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->items[i], key) == 0)
			return true;
	return false;
}

/* A whole table: itself, its columns, their defaults, its constraints. */
static void table_keys(dctx *c, sd_vec *v, const sd_table *t)
{
	size_t i;

	put(c, v, tkey(c, SD_KEY_REL, t, NULL));
	for (i = 0; i < t->ncolumns; i++) {
		put(c, v, tkey(c, SD_KEY_COLUMN, t, t->columns[i]->base.name));
		if (t->columns[i]->default_value.sql)
			put(c, v, tkey(c, SD_KEY_DEFAULT, t,
			               t->columns[i]->base.name));
	}
	for (i = 0; i < t->nchecks; i++)
		put(c, v, tkey(c, SD_KEY_CONSTRAINT, t, t->checks[i]->base.name));
}

/* A logic object, and a view's columns. */
static void logic_keys(dctx *c, sd_vec *v, const sd_object *o)
{
	size_t i;

	put(c, v, sd_logic_key(c->a, o));
	if (o->kind == SD_OBJ_VIEW) {
		const sd_view *w = (const sd_view *)o;
		for (i = 0; i < w->ncolumns; i++)
			put(c, v, sd_objkey(c->a, SD_KEY_COLUMN, o->schema,
			                    o->name, w->columns[i]->base.name));
	}
}

static bool enum_typed(const sd_type *t, const sd_object *e)
{
	return t->kind == SD_T_ENUM && sd_streq(t->name, e->name) &&
	       sd_streq(t->enum_schema, e->schema);
}

/* The columns of schema s of type e, an enum or (when `typed` says so)
 * another type, for a type recreated under them. */
static void type_columns(dctx *c, sd_vec *v, const sd_schema *s,
                         const sd_object *e,
                         bool (*typed)(const sd_type *, const sd_object *))
{
	size_t i, j;

	for (i = 0; i < s->ntables; i++)
		for (j = 0; j < s->tables[i]->ncolumns; j++) {
			const sd_column *col = s->tables[i]->columns[j];
			if (typed(&col->type, e))
				put(c, v,
				    to_naming(c, sd_objkey(c->a, SD_KEY_COLUMN,
				                           s->tables[i]->base.schema,
				                           s->tables[i]->base.name,
				                           col->base.name)));
		}
}

/*
 * The columns of s whose type is composite type e or holds it through
 * other composite types or domains (arrays of either too): a retyped
 * attribute converts all of them (emit/pg_recreate.c parks the outer
 * ones as text). depth bounds a cycle the models could state.
 */
static void holder_columns(dctx *c, sd_vec *v, const sd_schema *s,
                           const sd_object *e, int depth)
{
	size_t i, k;

	type_columns(c, v, s, e, sd_diff_type_is);
	if (depth > 16)
		return;
	for (i = 0; i < s->ncomposites; i++) {
		const sd_composite *d = s->composites[i];
		for (k = 0; k < d->nattributes; k++)
			if (sd_diff_type_is(&d->attributes[k]->type, e))
				break;
		if (k < d->nattributes && &d->base != e)
			holder_columns(c, v, s, &d->base, depth + 1);
	}
	for (i = 0; i < s->ndomains; i++)
		if (sd_diff_type_is(&s->domains[i]->type, e))
			holder_columns(c, v, s, &s->domains[i]->base,
			               depth + 1);
}

static const char *index_key(dctx *c, const sd_op *op, const sd_object *ix)
{
	return sd_objkey(c->a, SD_KEY_INDEX,
	                 op->table ? op->table->base.schema : ix->schema,
	                 ix->name, NULL);
}

/*
 * A recreated partitioned table's partitions (recreate.c): those dropped
 * with the old table (folded into the copy step) and those created with
 * the new one (folded into the set-aside step), removed and established
 * by both steps as the table itself is, so that what is on them (triggers,
 * grants, owners) goes before the old tree is set aside and comes back
 * once the rows are in the new one.
 */
static void recreated_partitions(dctx *c, const sd_op *op, opkeys *k)
{
	size_t i, j;

	for (i = 0; i < c->pending.n; i++) {
		const sd_op *s = ((pending *)c->pending.items[i])->op;
		if (s->kind != SD_OP_REBUILD_TABLE ||
		    s->table_old != op->table_old)
			continue;
		for (j = 0; j < s->nfolded; j++) {
			const sd_op *f = s->folded[j];
			if (f->kind == SD_OP_DROP_TABLE && f->table_old)
				table_keys(c, &k->rem, f->table_old);
			else if (f->kind == SD_OP_CREATE_TABLE && f->table_new)
				table_keys(c, &k->est, f->table_new);
		}
	}
}

static void op_keys(dctx *c, const sd_op *op, opkeys *k)
{
	const sd_table *t = op->table;

	/* A helper undoes part of the op before it (the default that
	 * filled a new NOT NULL column): it stays right after that op. */
	if (op->role == SD_ROLE_HELPER)
		return;
	switch (op->kind) {
	case SD_OP_CREATE_TABLE:
		table_keys(c, &k->est, op->table_new);
		break;
	case SD_OP_DROP_TABLE:
		table_keys(c, &k->rem, op->table_old);
		break;
	case SD_OP_REBUILD_TABLE: {
		/* the rebuild holds copies of the pair's tables: the old one
		 * is named through the pair, so that a rename the rebuild
		 * makes too reaches the dependants by their target names */
		tpair *tp = old_pair(c, op->table_old->base.schema,
		                     op->table_old->base.name);
		table_keys(c, &k->rem, tp ? tp->old : op->table_old);
		table_keys(c, &k->est, op->table_new);
		if (op->table_old->partition_by.sql ||
		    op->table_new->partition_by.sql)
			recreated_partitions(c, op, k);
		break;
	}
	case SD_OP_ADD_COLUMN:
		put(c, &k->est, tkey(c, SD_KEY_COLUMN, t,
		                     op->column_new->base.name));
		if (op->column_new->default_value.sql)
			put(c, &k->est, tkey(c, SD_KEY_DEFAULT, t,
			                     op->column_new->base.name));
		break;
	case SD_OP_DROP_COLUMN:
		put(c, &k->rem, tkey(c, SD_KEY_COLUMN, t,
		                     op->column_old->base.name));
		put(c, &k->rem, tkey(c, SD_KEY_DEFAULT, t,
		                     op->column_old->base.name));
		break;
	case SD_OP_ALTER_COLUMN: {
		const char *col = op->column_new->base.name;
		bool retype = op->changes & (SD_CHANGE_TYPE |
		                             SD_CHANGE_COLLATION |
		                             SD_CHANGE_GENERATED);
		if (retype) {
			put(c, &k->rem, tkey(c, SD_KEY_COLUMN, t, col));
			put(c, &k->est, tkey(c, SD_KEY_COLUMN, t, col));
		}
		if ((op->changes & SD_CHANGE_DEFAULT) || retype) {
			if (op->column_old->default_value.sql)
				put(c, &k->rem, tkey(c, SD_KEY_DEFAULT, t, col));
			if (op->column_new->default_value.sql)
				put(c, &k->est, tkey(c, SD_KEY_DEFAULT, t, col));
		}
		break;
	}
	case SD_OP_ADD_CONSTRAINT:
		put(c, &k->est, tkey(c, SD_KEY_CONSTRAINT, t, op->obj_new->name));
		break;
	case SD_OP_DROP_CONSTRAINT:
		put(c, &k->rem, tkey(c, SD_KEY_CONSTRAINT, t, op->obj_old->name));
		break;
	case SD_OP_CREATE_INDEX:
		put(c, &k->est, index_key(c, op, op->obj_new));
		break;
	case SD_OP_DROP_INDEX:
		put(c, &k->rem, index_key(c, op, op->obj_old));
		break;
	case SD_OP_CREATE_ENUM:
		put(c, &k->est, sd_objkey(c->a, SD_KEY_TYPE, op->obj_new->schema,
		                          op->obj_new->name, NULL));
		break;
	case SD_OP_DROP_ENUM:
		put(c, &k->rem, sd_objkey(c->a, SD_KEY_TYPE, op->obj_old->schema,
		                          op->obj_old->name, NULL));
		break;
	case SD_OP_RECREATE_ENUM:
	case SD_OP_DROP_ENUM_VALUE: {
		const sd_object *e = op->obj_new ? op->obj_new : op->obj_old;
		const char *key = sd_objkey(c->a, SD_KEY_TYPE, e->schema,
		                            e->name, NULL);
		put(c, &k->rem, key);
		put(c, &k->est, key);
		type_columns(c, &k->rem, c->from, e, enum_typed);
		type_columns(c, &k->est, c->to, e, enum_typed);
		break;
	}
	case SD_OP_CREATE_OBJECT:
		logic_keys(c, &k->est, op->obj_new);
		break;
	case SD_OP_DROP_OBJECT: {
		/* a `from` object: its keys in the target's naming, as
		 * everything the plan compares (a trigger on a renamed
		 * table is dropped once, not again as a dependant) */
		sd_vec v = {0};
		size_t i;
		logic_keys(c, &v, op->obj_old);
		for (i = 0; i < v.n; i++)
			put(c, &k->rem, to_naming(c, v.items[i]));
		break;
	}
	case SD_OP_REPLACE_OBJECT:
		if (op->obj_new->kind != SD_OBJ_TABLE)
			logic_keys(c, &k->est, op->obj_new);
		break;
	case SD_OP_ALTER_OBJECT:
		/* a composite type recreated under its columns (an
		 * attribute retyped) converts them */
		if (sd_diff_composite_retyped(op)) {
			holder_columns(c, &k->rem, c->from, op->obj_old, 0);
			holder_columns(c, &k->est, c->to, op->obj_new, 0);
		}
		/* a domain recreated under its columns converts them; what
		 * uses the type itself (a function's signature, a cast in a
		 * view) goes and comes back around it */
		if (sd_diff_domain_retyped(op)) {
			const char *key = sd_objkey(c->a, SD_KEY_TYPE,
			                            op->obj_new->schema,
			                            op->obj_new->name, NULL);
			put(c, &k->rem, key);
			put(c, &k->est, key);
			type_columns(c, &k->rem, c->from, op->obj_old,
			             sd_diff_type_is);
			type_columns(c, &k->est, c->to, op->obj_new,
			             sd_diff_type_is);
		}
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------ */
/* Reading the dependencies                                            */
/* ------------------------------------------------------------------ */

/* A side's dependencies; the target's (what orders creations) leave
 * out what quoted SQL bodies name (body_users has it). */
static void side_deps(dctx *c, const sd_schema *s, sd_vec *out, bool target)
{
	const sd_logic *l = sd_logic_of(s);
	size_t i;

	if (l->deps_exact) {
		for (i = 0; i < l->ndeps; i++)
			sd_vec_push(c->a, out, &l->deps[i]);
		return;
	}
	if (target)
		sd_logic_create_deps(s, c->caps.lang, c->a, out);
	else
		sd_logic_lexical_deps(s, c->caps.lang, c->a, out);
}

/* Adds "user uses R" to out for every R the functions reached from key
 * (a function) name, through the functions they call; seen: keys done. */
static void body_reach(dctx *c, sd_map *calls, sd_map *seen, const char *user,
                       const char *key, sd_vec *out)
{
	const sd_vec *v = sd_map_get(calls, key);
	size_t i;

	for (i = 0; v && i < v->n; i++) {
		const char *r = v->items[i];
		sd_dep *d;
		if (sd_map_get(seen, r))
			continue;
		sd_map_put(seen, r, (void *)1);
		d = sd_arena_alloc(c->a, sizeof(*d));
		d->dependent = user;
		d->referenced = r;
		sd_vec_push(c->a, out, d);
		if (sd_objkey_kind(r) == SD_KEY_FUNCTION)
			body_reach(c, calls, seen, user, r, out);
	}
}

/*
 * What a quoted SQL body names is not needed to create its function (the
 * scripts leave bodies unchecked, as pg_dump does: a function a default
 * calls may read the default's own table) but wherever the body runs
 * during the migration: a default filled into existing rows, a check
 * validated, an index or a materialized view built. So each user of a
 * function (anything but another function) follows what the bodies of
 * the functions it reaches name.
 */
static void body_users(dctx *c)
{
	sd_vec body = {NULL, 0, 0};
	sd_map *calls;
	size_t i, n = c->to_deps.n;

	sd_logic_body_deps(c->to, c->caps.lang, c->a, &body);
	if (!body.n)
		return;
	calls = sd_map_new(c->a, body.n + 1);
	for (i = 0; i < body.n + n; i++) {
		const sd_dep *d = i < body.n ? body.items[i]
		                             : c->to_deps.items[i - body.n];
		sd_vec *v;
		if (sd_objkey_kind(d->dependent) != SD_KEY_FUNCTION)
			continue;
		if (!(v = sd_map_get(calls, d->dependent))) {
			v = sd_arena_alloc(c->a, sizeof(*v));
			memset(v, 0, sizeof(*v));
			sd_map_put(calls, d->dependent, v);
		}
		sd_vec_push(c->a, v, (void *)d->referenced);
	}
	for (i = 0; i < n; i++) {
		const sd_dep *d = c->to_deps.items[i];
		if (sd_objkey_kind(d->dependent) == SD_KEY_FUNCTION ||
		    sd_objkey_kind(d->referenced) != SD_KEY_FUNCTION)
			continue;
		body_reach(c, calls, sd_map_new(c->a, 8), d->dependent,
		           d->referenced, &c->to_deps);
	}
}

void sd_diff_read_deps(dctx *c)
{
	side_deps(c, c->from, &c->from_deps, false);
	side_deps(c, c->to, &c->to_deps, true);
	body_users(c);
	/* an event trigger's function runs during the migration itself */
	sd_logic_event_body_deps(c->from, c->caps.lang, c->a, &c->from_deps);
	sd_logic_event_body_deps(c->to, c->caps.lang, c->a, &c->to_deps);
}

/* ------------------------------------------------------------------ */
/* Dependants a change takes along                                     */
/* ------------------------------------------------------------------ */

/* Objects by key, on one side: where the dependants come from. */
typedef struct objmap {
	sd_map *logic;    /* key -> sd_object* (views, functions, ...) */
	sd_map *defaults; /* key -> sd_column* (its table in tables) */
	sd_map *checks;   /* key -> sd_check* */
	sd_map *indexes;  /* key -> sd_index* */
	sd_map *tables;   /* key of a default/check/index -> sd_table* */
} objmap;

static void objmap_table(dctx *c, objmap *m, const sd_table *t)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++) {
		const char *k;
		if (!t->columns[i]->default_value.sql)
			continue;
		k = tkey(c, SD_KEY_DEFAULT, t, t->columns[i]->base.name);
		sd_map_put(m->defaults, k, t->columns[i]);
		sd_map_put(m->tables, k, (void *)t);
	}
	for (i = 0; i < t->nchecks; i++) {
		const char *k = tkey(c, SD_KEY_CONSTRAINT, t,
		                     t->checks[i]->base.name);
		sd_map_put(m->checks, k, t->checks[i]);
		sd_map_put(m->tables, k, (void *)t);
	}
	for (i = 0; i < t->nindexes; i++) {
		const char *k = sd_objkey(c->a, SD_KEY_INDEX, t->base.schema,
		                          t->indexes[i]->base.name, NULL);
		sd_map_put(m->indexes, k, t->indexes[i]);
		sd_map_put(m->tables, k, (void *)t);
	}
}

/* Logic objects of s by key, in the target's naming (from_side: through
 * the renames). */
static void objmap_logic(dctx *c, objmap *m, const sd_schema *s,
                         bool from_side)
{
	const sd_logic *l = sd_logic_of(s);
	const sd_object *const *lists[] = {
		(const sd_object *const *)(void *)l->views,
		(const sd_object *const *)(void *)l->functions,
		(const sd_object *const *)(void *)l->triggers,
		(const sd_object *const *)(void *)l->policies,
		(const sd_object *const *)(void *)l->rules,
		(const sd_object *const *)(void *)l->event_triggers,
	};
	size_t counts[] = {l->nviews, l->nfunctions, l->ntriggers,
	                   l->npolicies, l->nrules, l->nevent_triggers};
	size_t i, j;

	for (i = 0; i < SD_ARRAY_LEN(lists); i++)
		for (j = 0; j < counts[i]; j++) {
			const char *k = sd_logic_key(c->a, lists[i][j]);
			sd_map_put(m->logic, from_side ? to_naming(c, k) : k,
			           (void *)lists[i][j]);
		}
}

static void objmap_init(dctx *c, objmap *m)
{
	m->logic = sd_map_new(c->a, 64);
	m->defaults = sd_map_new(c->a, 16);
	m->checks = sd_map_new(c->a, 16);
	m->indexes = sd_map_new(c->a, 16);
	m->tables = sd_map_new(c->a, 16);
}

typedef struct closure {
	dctx *c;
	objmap from, to;
	sd_map *removed;    /* key -> non-NULL: some op removes it */
	sd_map *replaced;   /* key -> sd_op* REPLACE_OBJECT */
	sd_map *altered;    /* key -> sd_op* ALTER_OBJECT of a materialized
	                       view (its settings) */
	sd_map *users;      /* referenced key -> sd_vec* of dependent keys */
	sd_map *dropped;    /* column key -> non-NULL: a DROP COLUMN removes
	                       it (its indexes go with it) */
	sd_map *reset;      /* default key -> the ALTER COLUMN that drops
	                       and sets it again (a retype) */
	sd_vec work;        /* keys whose dependants are still to visit */
} closure;

static void mark_removed(closure *cl, const char *key)
{
	if (sd_map_get(cl->removed, key))
		return;
	sd_map_put(cl->removed, key, (void *)key);
	sd_vec_push(cl->c->a, &cl->work, (void *)key);
}

static sd_op *new_op(dctx *c, sd_op_kind kind, const sd_table *t,
                     int phase)
{
	sd_op *op = sd_diff_op_new(c, kind, t);

	sd_diff_emit(c, op, phase);
	return op;
}

/* The table pair side a default, check or index of `to` is on: the new
 * side of its pair, else the table itself. */
static const sd_table *work_table(dctx *c, const sd_table *t, bool new_side)
{
	tpair *tp = sd_map_get(new_side ? c->new_tp : c->old_tp,
	                       sd_diff_tname(c, t));

	return tp ? (new_side ? tp->new_ : tp->old) : t;
}

/*
 * Drops dependant `key` (of `from`) before the change and creates it
 * again (as `to` has it) after. Returns false when the key names nothing
 * the plan can drop and create.
 */
static bool take_along(closure *cl, const char *key)
{
	dctx *c = cl->c;
	const sd_object *o = sd_map_get(cl->from.logic, key);
	const sd_object *n = sd_map_get(cl->to.logic, key);
	const sd_column *col;
	const sd_check *ck;
	const sd_index *ix;
	sd_op *op;

	if (o) {
		sd_op *rep = sd_map_get(cl->replaced, key);
		if (!rep)
			rep = sd_map_get(cl->altered, key);
		op = new_op(c, SD_OP_DROP_OBJECT, NULL, PH_DROP_LOGIC);
		op->obj_old = o;
		if (rep) {
			/* CREATE OR REPLACE (or ALTER MATERIALIZED VIEW)
			 * cannot happen with the object gone: the
			 * replacement becomes its creation */
			rep->kind = SD_OP_CREATE_OBJECT;
			rep->obj_old = NULL;
			rep->changes = 0;
		} else if (n || !c->opts->drop_unlisted) {
			/* as the target has it; one the target does not list
			 * and the plan leaves alone comes back as it was */
			op = new_op(c, SD_OP_CREATE_OBJECT, NULL,
			            (n ? n : o)->kind == SD_OBJ_FUNCTION
			                    ? PH_CREATE_FUNC
			                    : PH_CREATE_LOGIC);
			op->obj_new = n ? n : o;
		}
		return true;
	}
	if ((col = sd_map_get(cl->from.defaults, key)) != NULL) {
		const sd_table *ot = sd_map_get(cl->from.tables, key);
		const sd_column *nc = sd_map_get(cl->to.defaults, key);
		sd_column *bare = sd_arena_alloc(c->a, sizeof(*bare));
		*bare = *col;
		memset(&bare->default_value, 0, sizeof(bare->default_value));
		op = new_op(c, SD_OP_ALTER_COLUMN, work_table(c, ot, false),
		            PH_DROP_LOGIC);
		op->column_old = col;
		op->column_new = bare;
		op->changes = SD_CHANGE_DEFAULT;
		if (nc) {
			sd_column *from = sd_arena_alloc(c->a, sizeof(*from));
			*from = *nc;
			memset(&from->default_value, 0,
			       sizeof(from->default_value));
			op = new_op(c, SD_OP_ALTER_COLUMN,
			            work_table(c, sd_map_get(cl->to.tables, key),
			                       true),
			            PH_CREATE_LOGIC);
			op->column_old = from;
			op->column_new = nc;
			op->changes = SD_CHANGE_DEFAULT;
		}
		return true;
	}
	if ((ck = sd_map_get(cl->from.checks, key)) != NULL) {
		const sd_check *nk = sd_map_get(cl->to.checks, key);
		op = new_op(c, SD_OP_DROP_CONSTRAINT,
		            work_table(c, sd_map_get(cl->from.tables, key), false),
		            PH_DROP_LOGIC);
		op->obj_old = &ck->base;
		if (nk) {
			op = new_op(c, SD_OP_ADD_CONSTRAINT,
			            work_table(c, sd_map_get(cl->to.tables, key),
			                       true),
			            PH_CREATE_LOGIC);
			op->obj_new = &nk->base;
		}
		return true;
	}
	if ((ix = sd_map_get(cl->from.indexes, key)) != NULL) {
		const sd_index *nx = sd_map_get(cl->to.indexes, key);
		op = new_op(c, SD_OP_DROP_INDEX,
		            work_table(c, sd_map_get(cl->from.tables, key), false),
		            PH_DROP_LOGIC);
		op->obj_old = &ix->base;
		if (nx) {
			op = new_op(c, SD_OP_CREATE_INDEX,
			            work_table(c, sd_map_get(cl->to.tables, key),
			                       true),
			            PH_CREATE_LOGIC);
			op->obj_new = &nx->base;
		}
		return true;
	}
	return false;
}

/*
 * A default that an ALTER COLUMN drops and sets again around a retype,
 * when a function it calls is dropped and created again: the op alone
 * would need the function both gone and back, so its DROP DEFAULT goes
 * first on its own, with the dependants, and the op sets the default.
 */
static void split_reset(closure *cl, const char *key)
{
	dctx *c = cl->c;
	sd_op *alter = sd_map_get(cl->reset, key), *op;
	sd_column *bare;

	if (!alter)
		return;
	sd_map_put(cl->reset, key, NULL);
	bare = sd_arena_alloc(c->a, sizeof(*bare));
	*bare = *alter->column_old;
	memset(&bare->default_value, 0, sizeof(bare->default_value));
	op = new_op(c, SD_OP_ALTER_COLUMN, alter->table, PH_DROP_LOGIC);
	op->column_old = alter->column_old;
	op->column_new = bare;
	op->changes = SD_CHANGE_DEFAULT;
	alter->column_old = bare;
	alter->changes |= SD_CHANGE_DEFAULT;
}

/* The keys an object of `from` removes when dropped (a view: its
 * columns too), for the dependants of its dependants. */
static void removed_with(closure *cl, const char *key)
{
	const sd_object *o = sd_map_get(cl->from.logic, key);
	sd_vec v = {0};
	size_t i;

	mark_removed(cl, key);
	if (!o)
		return;
	logic_keys(cl->c, &v, o);
	for (i = 0; i < v.n; i++)
		mark_removed(cl, to_naming(cl->c, v.items[i]));
}

void sd_diff_dependants(dctx *c)
{
	closure cl;
	size_t i, j, w;

	memset(&cl, 0, sizeof(cl));
	cl.c = c;
	objmap_init(c, &cl.from);
	objmap_init(c, &cl.to);
	cl.removed = sd_map_new(c->a, 64);
	cl.replaced = sd_map_new(c->a, 16);
	cl.altered = sd_map_new(c->a, 16);
	cl.users = sd_map_new(c->a, c->from_deps.n + 1);
	cl.reset = sd_map_new(c->a, 16);
	cl.dropped = sd_map_new(c->a, 16);
	if (!c->from_deps.n)
		return;
	for (i = 0; i < c->pairs.n; i++) {
		tpair *tp = c->pairs.items[i];
		objmap_table(c, &cl.from, tp->old);
		objmap_table(c, &cl.to, tp->new_);
	}
	for (i = 0; i < c->dropped.n; i++)
		objmap_table(c, &cl.from, c->dropped.items[i]);
	for (i = 0; i < c->created.n; i++)
		objmap_table(c, &cl.to, c->created.items[i]);
	objmap_logic(c, &cl.from, c->from, true);
	objmap_logic(c, &cl.to, c->to, false);
	for (i = 0; i < c->from_deps.n; i++) {
		const sd_dep *d = c->from_deps.items[i];
		const char *ref = to_naming(c, d->referenced);
		sd_vec *v = sd_map_get(cl.users, ref);
		if (!v) {
			v = sd_arena_alloc(c->a, sizeof(*v));
			sd_map_put(cl.users, ref, v);
		}
		sd_vec_push(c->a, v, (void *)to_naming(c, d->dependent));
	}
	for (i = 0; i < c->pending.n; i++) {
		sd_op *op = ((pending *)c->pending.items[i])->op;
		opkeys k;
		memset(&k, 0, sizeof(k));
		op_keys(c, op, &k);
		for (j = 0; j < k.rem.n; j++) {
			mark_removed(&cl, k.rem.items[j]);
			if (op->kind == SD_OP_DROP_COLUMN)
				sd_map_put(cl.dropped, k.rem.items[j],
				           (void *)op);
			if (op->kind == SD_OP_ALTER_COLUMN &&
			    sd_objkey_kind(k.rem.items[j]) == SD_KEY_DEFAULT &&
			    key_in(&k.est, k.rem.items[j]))
				sd_map_put(cl.reset, k.rem.items[j],
				           (void *)op);
		}
		if (op->kind == SD_OP_REPLACE_OBJECT &&
		    op->obj_new->kind != SD_OBJ_TABLE)
			sd_map_put(cl.replaced, sd_logic_key(c->a, op->obj_new),
			           (void *)op);
		if (op->kind == SD_OP_ALTER_OBJECT &&
		    op->obj_new->kind == SD_OBJ_VIEW)
			sd_map_put(cl.altered, sd_logic_key(c->a, op->obj_new),
			           (void *)op);
	}
	/*
	 * An object replaced in place whose old definition uses a table or
	 * column the plan renames: its CREATE OR REPLACE names the new
	 * name, and the downgrade's the old one before the rename is undone.
	 * It is dropped before the rename and created after instead, both
	 * ways round.
	 */
	for (i = 0; i < c->from_deps.n; i++) {
		const sd_dep *d = c->from_deps.items[i];
		const char *dep = to_naming(c, d->dependent);
		if (strcmp(to_naming(c, d->referenced), d->referenced) == 0 ||
		    !sd_map_get(cl.replaced, dep) ||
		    sd_map_get(cl.removed, dep))
			continue;
		if (take_along(&cl, dep))
			removed_with(&cl, dep);
	}
	/*
	 * ALTER TYPE ... ADD VALUE blocks on nothing, but its inverse
	 * recreates the type and casts its columns, which the views, rules
	 * and policies over those columns block: they are taken along
	 * here, so that the downgrade drops and recreates them too. (The
	 * checks and indexes holding its labels the recreate sets aside
	 * itself.)
	 */
	for (i = 0; i < c->pending.n; i++) {
		const sd_op *op = ((pending *)c->pending.items[i])->op;
		sd_vec cols = {0};
		if (op->kind != SD_OP_ADD_ENUM_VALUE)
			continue;
		type_columns(c, &cols, c->from, op->obj_new, enum_typed);
		for (j = 0; j < cols.n; j++) {
			const sd_vec *v = sd_map_get(cl.users, cols.items[j]);
			for (w = 0; v && w < v->n; w++) {
				const char *dep = v->items[w];
				if (sd_map_get(cl.from.logic, dep) &&
				    !sd_map_get(cl.removed, dep) &&
				    take_along(&cl, dep))
					removed_with(&cl, dep);
			}
		}
	}
	/* breadth first: every removed key's users go too, and theirs */
	for (w = 0; w < cl.work.n; w++) {
		const sd_vec *v = sd_map_get(cl.users, cl.work.items[w]);
		for (j = 0; v && j < v->n; j++) {
			const char *dep = v->items[j];
			/* an index outlives a retyped column (PostgreSQL
			 * rebuilds it) and goes with a dropped table: only
			 * a dropped column takes it (and one added again
			 * wants it back) */
			if (sd_objkey_kind(dep) == SD_KEY_INDEX &&
			    sd_objkey_kind(cl.work.items[w]) == SD_KEY_COLUMN &&
			    !sd_map_get(cl.dropped, cl.work.items[w]))
				continue;
			if (sd_map_get(cl.removed, dep)) {
				if (sd_objkey_kind(cl.work.items[w]) ==
				    SD_KEY_FUNCTION)
					split_reset(&cl, dep);
				continue;
			}
			if (take_along(&cl, dep))
				removed_with(&cl, dep);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Edges of the order                                                  */
/* ------------------------------------------------------------------ */

static void edge_add(sd_diff_edges *e, size_t from, size_t to)
{
	if (from == to)
		return;
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->v = sd_xrealloc(e->v, e->cap * sizeof(*e->v));
	}
	e->v[e->n].from = from;
	e->v[e->n].to = to;
	e->n++;
}

/* key -> sd_vec* of pending indexes (+1, so none is NULL) */
static void index_put(dctx *c, sd_map *m, const char *key, size_t i)
{
	sd_vec *v = sd_map_get(m, key);

	if (!v) {
		v = sd_arena_alloc(c->a, sizeof(*v));
		sd_map_put(m, key, v);
	}
	sd_vec_push(c->a, v, (void *)(uintptr_t)(i + 1));
}

/* Edges from every op in a (by key ka) to every op in b (by key kb). */
static void edges_between(sd_diff_edges *e, const sd_map *ma, const char *ka,
                          const sd_map *mb, const char *kb)
{
	const sd_vec *va = sd_map_get(ma, ka), *vb;
	size_t i, j;

	if (!va || !(vb = sd_map_get(mb, kb)))
		return;
	for (i = 0; i < va->n; i++)
		for (j = 0; j < vb->n; j++)
			edge_add(e, (uintptr_t)va->items[i] - 1,
			         (uintptr_t)vb->items[j] - 1);
}

/*
 * The dependency edges between the queued ops (before -> after):
 *   - same key: an op that only removes K before one that only
 *     establishes K (drop, then create again);
 *   - `to` says X uses Y: what establishes Y before what establishes X;
 *   - `from` says X uses Y: what removes X before what removes Y.
 */
void sd_diff_collect_edges(dctx *c, sd_diff_edges *e)
{
	size_t n = c->pending.n, i, j;
	sd_map *est = sd_map_new(c->a, n + 1), *rem = sd_map_new(c->a, n + 1);
	sd_map *pure_est = sd_map_new(c->a, n + 1);
	sd_map *pure_rem = sd_map_new(c->a, n + 1);
	sd_map *seen = sd_map_new(c->a, n + 1);
	sd_vec keys = {0}; /* every key some op removes alone, once */

	for (i = 0; i < n; i++) {
		opkeys k;
		memset(&k, 0, sizeof(k));
		op_keys(c, ((pending *)c->pending.items[i])->op, &k);
		for (j = 0; j < k.est.n; j++) {
			index_put(c, est, k.est.items[j], i);
			if (!key_in(&k.rem, k.est.items[j]))
				index_put(c, pure_est, k.est.items[j], i);
		}
		for (j = 0; j < k.rem.n; j++) {
			index_put(c, rem, k.rem.items[j], i);
			if (key_in(&k.est, k.rem.items[j]))
				continue;
			index_put(c, pure_rem, k.rem.items[j], i);
			if (!sd_map_get(seen, k.rem.items[j])) {
				sd_map_put(seen, k.rem.items[j], (void *)1);
				sd_vec_push(c->a, &keys, k.rem.items[j]);
			}
		}
	}
	for (i = 0; i < keys.n; i++)
		edges_between(e, pure_rem, keys.items[i], pure_est,
		              keys.items[i]);
	/* a table recreated under an INHERITS parent the plan creates:
	 * the parent first (created tables are ordered among themselves,
	 * the recreated one is set aside and created by a step of its own) */
	for (i = 0; i < n; i++) {
		const sd_op *op = ((pending *)c->pending.items[i])->op;
		const sd_table *t = op->table_new;
		if (op->kind != SD_OP_REBUILD_TABLE || !t)
			continue;
		for (j = 0; j < t->ninherits; j++) {
			const sd_table *p = sd_schema_find_table(
				c->to, t->inherits[j].schema, t->inherits[j].name);
			const sd_vec *v;
			size_t k;
			if (!p || !(v = sd_map_get(pure_est,
			                           tkey(c, SD_KEY_REL, p, NULL))))
				continue;
			for (k = 0; k < v->n; k++)
				if ((uintptr_t)v->items[k] - 1 != i)
					edge_add(e, (uintptr_t)v->items[k] - 1, i);
		}
	}
	for (i = 0; i < c->to_deps.n; i++) {
		const sd_dep *d = c->to_deps.items[i];
		edges_between(e, est, d->referenced, est, d->dependent);
	}
	for (i = 0; i < c->from_deps.n; i++) {
		const sd_dep *d = c->from_deps.items[i];
		edges_between(e, rem, to_naming(c, d->dependent), rem,
		              to_naming(c, d->referenced));
	}
}

