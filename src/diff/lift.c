/*
 * lift.c - the schema the models had before a change, for another dialect.
 *
 * A portable revision holds one section per dialect, but `generate` reads
 * only one database: the one it is connected to. Every other dialect's
 * section is diffed from "the same models state": the state the models had
 * when the connected database was at head, which that database shows,
 * though only as far as its dialect can tell. The plan from its catalog
 * (`from`) to the models (`to`) says exactly what changes; everything it
 * leaves alone is, by the connected dialect's own comparison, the same as
 * the models, so it is taken from the models as they are written:
 *
 *   object                              in the lifted schema
 *   untouched by the plan               the models' own (their spelling,
 *                                       their types, what the database
 *                                       cannot show: comments, enums, a
 *                                       time zone SQLite does not keep)
 *   created by the plan                 absent
 *   dropped by the plan                 the database's
 *   column altered by the plan          the models' column, with the
 *                                       database's value for each
 *                                       attribute that changes
 *   changed constraint or index         the database's
 *   renamed table, column, constraint   the old name, and references to
 *                                       it (foreign keys, key columns)
 *                                       use it too
 *
 * Expressions keep the models' text across a column rename: both
 * databases rewrite them when the column is renamed.
 *
 * The lifted schema shares every untouched object with `from` and `to` (it
 * must not outlive them); what it changes lives in its own arena.
 */
#include "diff/differ.h"

#include <string.h>

/* What the plan does to one pair of tables. */
typedef struct pair_changes {
	tpair *tp;
	const sd_table *old_t;  /* the originals of tp->old and tp->new_ */
	const sd_table *new_t;
	sd_map *col_changes;    /* new column name -> unsigned SD_CHANGE_* + 1 */
	sd_map *touched;        /* constraint/index names the plan changes */
	sd_map *renamed_new;    /* new constraint/index name -> old name */
	sd_map *renamed_old;    /* old name -> new name */
	bool pk_touched;
	bool comment_touched;
	bool has_renamed_columns;
} pair_changes;

typedef struct lift {
	dctx *c;
	sd_schema *s;           /* the result */
	sd_map *by_new;         /* new qualified name -> pair_changes */
	sd_map *by_old;         /* old qualified name -> pair_changes */
	sd_map *enums_touched;  /* qualified enum name -> "created"/"changed" */
} lift;

static pair_changes *pair_of(lift *L, const sd_table *t)
{
	pair_changes *pc;

	if (!t)
		return NULL;
	pc = sd_map_get(L->by_new, sd_diff_tname(L->c, t));
	if (pc && pc->tp->new_ == t)
		return pc;
	pc = sd_map_get(L->by_old, sd_diff_tname(L->c, t));
	if (pc && pc->tp->old == t)
		return pc;
	return NULL;
}

static void touch(pair_changes *pc, const sd_object *o)
{
	if (!o)
		return;
	if (o->kind == SD_OBJ_PRIMARY_KEY)
		pc->pk_touched = true;
	else if (o->name)
		sd_map_put(pc->touched, o->name, (void *)o);
}

/* Records what one operation (a rebuild: each it stands for) changes. */
static void note_op(lift *L, const sd_op *op)
{
	pair_changes *pc;
	size_t i;

	if (op->kind == SD_OP_REBUILD_TABLE) {
		for (i = 0; i < op->nfolded; i++)
			note_op(L, op->folded[i]);
		return;
	}
	switch (op->kind) {
	case SD_OP_CREATE_ENUM:
	case SD_OP_DROP_ENUM:
	case SD_OP_ADD_ENUM_VALUE:
	case SD_OP_DROP_ENUM_VALUE:
	case SD_OP_RENAME_ENUM_VALUE:
	case SD_OP_RECREATE_ENUM: {
		const sd_object *e = op->obj_new ? op->obj_new : op->obj_old;
		sd_map_put(L->enums_touched,
		           sd_diff_qname(L->c, e->schema, e->name),
		           op->kind == SD_OP_CREATE_ENUM ? "created" : "changed");
		return;
	}
	case SD_OP_SET_COMMENT:
		if (op->obj_old && op->obj_old->kind == SD_OBJ_ENUM) {
			sd_map_put(L->enums_touched,
			           sd_diff_qname(L->c, op->obj_old->schema,
			                         op->obj_old->name),
			           "changed");
			return;
		}
		break;
	default:
		break;
	}
	pc = pair_of(L, op->table);
	if (!pc)
		return;
	switch (op->kind) {
	case SD_OP_ALTER_COLUMN: {
		const char *name = op->column_new->base.name;
		uintptr_t ch = (uintptr_t)sd_map_get(pc->col_changes, name);
		ch = ((ch ? ch - 1 : 0) | op->changes) + 1;
		sd_map_put(pc->col_changes, name, (void *)ch);
		break;
	}
	case SD_OP_RENAME_CONSTRAINT:
	case SD_OP_RENAME_INDEX:
		sd_map_put(pc->renamed_new, op->obj_new->name,
		           (void *)op->obj_old->name);
		sd_map_put(pc->renamed_old, op->obj_old->name,
		           (void *)op->obj_new->name);
		/* fall through */
	case SD_OP_ADD_CONSTRAINT:
	case SD_OP_DROP_CONSTRAINT:
	case SD_OP_CREATE_INDEX:
	case SD_OP_DROP_INDEX:
		touch(pc, op->obj_old);
		touch(pc, op->obj_new);
		break;
	case SD_OP_SET_COMMENT:
		if (op->obj_old || op->obj_new) {
			touch(pc, op->obj_old);
			touch(pc, op->obj_new);
		} else if (!op->column_old && !op->column_new) {
			pc->comment_touched = true;
		}
		break;
	default:
		break;
	}
}

/* The old name of new column `name` of a pair (itself when kept). */
static const char *old_column_name(const pair_changes *pc, const char *name)
{
	const sd_column *o = pc ? sd_map_get(pc->tp->col_n2o, name) : NULL;

	return o ? o->base.name : name;
}

/* A list of new column names as the old table calls them; the list
 * itself when none is renamed. */
static sd_strlist old_columns(lift *L, const pair_changes *pc,
                              const sd_strlist *cols)
{
	sd_strlist out = {0};
	size_t i;

	if (!pc || !pc->has_renamed_columns)
		return *cols;
	for (i = 0; i < cols->n; i++)
		sd_strlist_push(L->s->arena, &out,
		                old_column_name(pc, cols->items[i]));
	return out;
}

/* A copy of *p (size bytes) in the result's arena. */
static void *dup(lift *L, const void *p, size_t size)
{
	void *q = sd_arena_alloc(L->s->arena, size);

	memcpy(q, p, size);
	return q;
}

/*
 * A column of the database as the other dialects read it: its portable
 * type without the database's spelling of it ("character varying(16)"
 * is string(16), which SQLite declares VARCHAR(16)). Itself when there is
 * no spelling to drop.
 */
static sd_column *catalog_column(lift *L, const sd_column *o)
{
	sd_column *c;

	if (!o->type_sql || o->type.kind == SD_T_RAW)
		return (sd_column *)o;
	c = dup(L, o, sizeof(*o));
	c->type_sql = NULL;
	return c;
}

/*
 * The indexes of t as the other dialects read them: the index of a SQLite
 * inline UNIQUE is a unique index of that name there, as SQLite makes the
 * models' unique constraints of an existing table. Copies what it
 * changes.
 */
static void plain_indexes(lift *L, sd_table *t)
{
	sd_index **v;
	size_t i;

	for (i = 0; i < t->nindexes; i++)
		if (t->indexes[i]->constraint_backed)
			break;
	if (i == t->nindexes)
		return;
	v = dup(L, t->indexes, (t->nindexes + 1) * sizeof(*v));
	for (i = 0; i < t->nindexes; i++) {
		if (!v[i]->constraint_backed)
			continue;
		v[i] = dup(L, v[i], sizeof(*v[i]));
		v[i]->constraint_backed = false;
		v[i]->on_conflict = NULL;
	}
	t->indexes = v;
}

/* A table of the database as the other dialects read it (catalog_column
 * for each column, plain_indexes). */
static sd_table *catalog_table(lift *L, const sd_table *t)
{
	sd_table *c = dup(L, t, sizeof(*t));
	size_t i;

	c->columns = sd_arena_alloc(L->s->arena,
	                            (t->ncolumns + 1) * sizeof(*c->columns));
	for (i = 0; i < t->ncolumns; i++)
		c->columns[i] = catalog_column(L, t->columns[i]);
	c->column_map = NULL;
	if (t->ncolumns > SD_COLUMN_MAP_MIN) {
		c->column_map = sd_map_new(L->s->arena, t->ncolumns);
		for (i = 0; i < t->ncolumns; i++)
			sd_map_put(c->column_map, c->columns[i]->base.name,
			           c->columns[i]);
	}
	plain_indexes(L, c);
	return c;
}

/* The database's column, for the attributes the plan changes. */
static sd_column *lift_column(lift *L, const sd_column *n,
                              const sd_column *o, unsigned ch)
{
	sd_column *c = dup(L, n, sizeof(*n));

	c->base.name = o->base.name;
	SD_COLUMN_XSET(L->s->arena, c, renamed_from, NULL);
	SD_COLUMN_XSET(L->s->arena, c, backfill, NULL);
	if (ch & SD_CHANGE_TYPE) {
		c->type = o->type;
		c->type_sql = catalog_column(L, o)->type_sql;
	}
	if (ch & SD_CHANGE_NULLABLE)
		c->nullable = o->nullable;
	if (ch & SD_CHANGE_DEFAULT)
		c->default_value = o->default_value;
	if (ch & SD_CHANGE_IDENTITY) {
		c->identity = o->identity;
		c->autoincrement = o->autoincrement;
		sd_column_xw(L->s->arena, c)->sequence = sd_column_x(o)->sequence;
	}
	if (ch & SD_CHANGE_COLLATION)
		sd_column_xw(L->s->arena, c)->collation = sd_column_x(o)->collation;
	if ((ch & SD_CHANGE_GENERATED) && (c->ext || o->ext))
		sd_column_xw(L->s->arena, c)->generated = sd_column_x(o)->generated;
	if (ch & SD_CHANGE_COMMENT)
		sd_column_xw(L->s->arena, c)->comment = sd_column_x(o)->comment;
	return c;
}

static void lift_columns(lift *L, sd_table *t, const pair_changes *pc)
{
	const sd_table *nt = pc->new_t, *ot = pc->old_t;
	sd_column **cols = sd_arena_alloc(L->s->arena,
	                                  (nt->ncolumns + ot->ncolumns + 1) *
	                                          sizeof(*cols));
	size_t n = 0, i, j;

	for (i = 0; i < nt->ncolumns; i++) {
		const sd_column *c = nt->columns[i];
		const sd_column *o = sd_map_get(pc->tp->col_n2o, c->base.name);
		uintptr_t ch = (uintptr_t)sd_map_get(pc->col_changes, c->base.name);
		if (!o)
			continue; /* added */
		if (ch || sd_column_x(c)->renamed_from || sd_column_x(c)->backfill ||
		    !sd_streq(c->base.name, o->base.name))
			cols[n++] = lift_column(L, c, o,
			                        ch ? (unsigned)(ch - 1) : 0);
		else
			cols[n++] = (sd_column *)c;
	}
	/* dropped columns, where the database has them */
	for (j = 0; j < ot->ncolumns; j++) {
		const sd_column *o = ot->columns[j];
		size_t at = j < n ? j : n;
		if (sd_map_get(pc->tp->col_o2n, o->base.name))
			continue;
		memmove(&cols[at + 1], &cols[at], (n - at) * sizeof(*cols));
		cols[at] = catalog_column(L, o);
		n++;
	}
	t->columns = cols;
	t->ncolumns = n;
	t->column_map = NULL;
	if (n > SD_COLUMN_MAP_MIN) {
		t->column_map = sd_map_new(L->s->arena, n);
		for (i = 0; i < n; i++)
			sd_map_put(t->column_map, cols[i]->base.name, cols[i]);
	}
}

/* The object of the old table called name, of any kind (SQLite keeps a
 * unique constraint as a unique index), or NULL. */
static const sd_object *old_object(const sd_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nuniques; i++)
		if (sd_streq(t->uniques[i]->base.name, name))
			return &t->uniques[i]->base;
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_streq(t->foreign_keys[i]->base.name, name))
			return &t->foreign_keys[i]->base;
	for (i = 0; i < t->nchecks; i++)
		if (sd_streq(t->checks[i]->base.name, name))
			return &t->checks[i]->base;
	for (i = 0; i < t->nindexes; i++)
		if (sd_streq(t->indexes[i]->base.name, name))
			return &t->indexes[i]->base;
	return NULL;
}

/* The old name of a constraint or index the plan renames, else name. */
static const char *old_object_name(const pair_changes *pc, const char *name)
{
	const char *old = name ? sd_map_get(pc->renamed_new, name) : NULL;

	return old ? old : name;
}

/*
 * One object of the models' table for the lifted table: the models' own
 * when untouched (its columns under their old names), the database's when
 * the plan changes it, NULL when the plan adds it. A unique constraint the
 * database keeps as a unique index comes back as a constraint.
 */
static const sd_object *lift_object(lift *L, const pair_changes *pc,
                                    const sd_object *n)
{
	const sd_object *o;

	if (!n->name || !sd_map_get(pc->touched, n->name))
		return n;
	o = old_object(pc->old_t, old_object_name(pc, n->name));
	if (o && n->kind == SD_OBJ_UNIQUE && o->kind == SD_OBJ_INDEX) {
		const sd_index *ix = (const sd_index *)o;
		sd_unique *u = dup(L, n, sizeof(sd_unique));
		size_t k;
		memset(&u->columns, 0, sizeof(u->columns));
		u->base.name = o->name;
		for (k = 0; k < ix->nkeys; k++)
			sd_strlist_push(L->s->arena, &u->columns,
			                ix->keys[k].column ? ix->keys[k].column : "");
		return &u->base;
	}
	return o && o->kind == n->kind ? o : NULL;
}

/* true when old object o is dropped by the plan (not renamed to, nor
 * kept as, an object of the models' table). */
static bool dropped_object(const pair_changes *pc, const sd_object *o)
{
	return o->name && sd_map_get(pc->touched, o->name) &&
	       !sd_map_get(pc->renamed_old, o->name) &&
	       !old_object(pc->new_t, o->name);
}

/* Appends to *out (n of them) the lifted versions of objects of one kind. */
#define LIFT_OBJECTS(L, pc, t, field, count, type)                           \
	do {                                                                 \
		const sd_table *nt_ = (pc)->new_t, *ot_ = (pc)->old_t;       \
		type **v_ = sd_arena_alloc((L)->s->arena,                    \
		                           (nt_->count + ot_->count + 1) *   \
		                                   sizeof(type *));          \
		size_t n_ = 0, i_;                                           \
		for (i_ = 0; i_ < nt_->count; i_++) {                        \
			const sd_object *o_ =                                \
				lift_object(L, pc, &nt_->field[i_]->base);   \
			if (o_ && o_->kind == nt_->field[i_]->base.kind)     \
				v_[n_++] = (type *)o_;                       \
		}                                                            \
		for (i_ = 0; i_ < ot_->count; i_++)                          \
			if (dropped_object(pc, &ot_->field[i_]->base))    \
				v_[n_++] = ot_->field[i_];                   \
		(t)->field = v_;                                             \
		(t)->count = n_;                                             \
	} while (0)

/* The lifted table of one pair. */
static sd_table *lift_pair(lift *L, pair_changes *pc)
{
	sd_table *t = dup(L, pc->new_t, sizeof(sd_table));

	/* the models' spelling of the schema unless the table moves */
	if (pc->tp->renamed)
		t->base.schema = pc->old_t->base.schema;
	t->base.name = pc->old_t->base.name;
	t->renamed_from = NULL;
	if (pc->comment_touched)
		t->comment = pc->old_t->comment;
	lift_columns(L, t, pc);
	if (pc->pk_touched && pc->old_t->primary_key &&
	    !pc->old_t->primary_key->base.name && pc->new_t->primary_key) {
		/* a dialect that keeps no key names: the models' name */
		sd_primary_key *pk = dup(L, pc->old_t->primary_key, sizeof(*pk));
		pk->base.name = pc->new_t->primary_key->base.name;
		t->primary_key = pk;
	} else if (pc->pk_touched) {
		t->primary_key = pc->old_t->primary_key;
	}
	LIFT_OBJECTS(L, pc, t, uniques, nuniques, sd_unique);
	LIFT_OBJECTS(L, pc, t, checks, nchecks, sd_check);
	LIFT_OBJECTS(L, pc, t, indexes, nindexes, sd_index);
	LIFT_OBJECTS(L, pc, t, foreign_keys, nforeign_keys, sd_foreign_key);
	plain_indexes(L, t);
	return t;
}

/*
 * Key columns and references as the lifted schema names them: columns of
 * a table with renamed columns, and foreign keys to renamed tables or
 * columns, under their old names. Copies what it changes.
 */
static void rename_references(lift *L, sd_table *t, pair_changes *own)
{
	size_t i, k;

	if (own && own->has_renamed_columns) {
		if (t->primary_key) {
			sd_primary_key *pk = dup(L, t->primary_key, sizeof(*pk));
			pk->columns = old_columns(L, own, &pk->columns);
			t->primary_key = pk;
		}
		for (i = 0; i < t->nuniques; i++) {
			sd_unique *u = dup(L, t->uniques[i], sizeof(*u));
			u->columns = old_columns(L, own, &u->columns);
			t->uniques[i] = u;
		}
		for (i = 0; i < t->nindexes; i++) {
			sd_index *ix = dup(L, t->indexes[i], sizeof(*ix));
			ix->keys = dup(L, ix->keys, (ix->nkeys + 1) * sizeof(*ix->keys));
			for (k = 0; k < ix->nkeys; k++)
				if (ix->keys[k].column)
					ix->keys[k].column =
						old_column_name(own, ix->keys[k].column);
			ix->include = old_columns(L, own, &ix->include);
			t->indexes[i] = ix;
		}
	}
	for (i = 0; i < t->nforeign_keys; i++) {
		const sd_foreign_key *fk = t->foreign_keys[i];
		pair_changes *ref = sd_map_get(
			L->by_new,
			sd_diff_qname(L->c, fk->ref_schema ? fk->ref_schema
			                                   : t->base.schema,
			              fk->ref_table));
		sd_foreign_key *c;
		bool ref_renamed = ref && ref->tp->renamed;
		if (!ref_renamed && !(ref && ref->has_renamed_columns) &&
		    !(own && own->has_renamed_columns))
			continue;
		c = dup(L, fk, sizeof(*c));
		if (own)
			c->columns = old_columns(L, own, &c->columns);
		if (ref) {
			c->ref_columns = old_columns(L, ref, &c->ref_columns);
			if (ref_renamed) {
				c->ref_table = ref->old_t->base.name;
				c->ref_schema = ref->old_t->base.schema;
			}
		}
		t->foreign_keys[i] = c;
	}
}

static void lift_tables(lift *L)
{
	const sd_schema *to = L->c->to, *from = L->c->from;
	sd_table **tables = sd_arena_alloc(L->s->arena,
	                                   (to->ntables + from->ntables + 1) *
	                                           sizeof(*tables));
	size_t n = 0, i;

	for (i = 0; i < to->ntables; i++) {
		const sd_table *t = to->tables[i];
		pair_changes *pc = sd_map_get(L->by_new, sd_diff_tname(L->c, t));
		if (pc) {
			tables[n++] = lift_pair(L, pc);
			continue;
		}
		/* created by the plan, unless the differ leaves it alone */
		if (!sd_diff_table_ignored(L->c->opts, t)) {
			size_t k;
			bool created = false;
			for (k = 0; k < L->c->created.n && !created; k++)
				created = sd_streq(sd_diff_tname(L->c, L->c->created.items[k]),
				                   sd_diff_tname(L->c, t));
			if (created)
				continue;
		}
		tables[n++] = (sd_table *)t;
	}
	for (i = 0; i < L->c->dropped.n; i++) {
		const sd_table *d = L->c->dropped.items[i];
		tables[n++] = catalog_table(L, sd_schema_find_table(
		                                       from, d->base.schema,
		                                       d->base.name));
	}
	/* references under their old names, in what comes from the models
	 * (the dropped tables are the database's already) */
	for (i = 0; i < n - L->c->dropped.n; i++) {
		pair_changes *own = sd_map_get(L->by_old,
		                               sd_diff_qname(L->c, tables[i]->base.schema,
		                                             tables[i]->base.name));
		size_t k;
		bool refs = false;
		if (own && own->new_t == tables[i])
			own = NULL; /* an unpaired table that an old name matches */
		for (k = 0; k < tables[i]->nforeign_keys && !refs; k++) {
			const sd_foreign_key *fk = tables[i]->foreign_keys[k];
			pair_changes *ref = sd_map_get(
				L->by_new,
				sd_diff_qname(L->c, fk->ref_schema ? fk->ref_schema
				                                   : tables[i]->base.schema,
				              fk->ref_table));
			refs = ref && (ref->tp->renamed || ref->has_renamed_columns);
		}
		if (!refs && !(own && own->has_renamed_columns))
			continue;
		if (!own) {
			/* a table of the models, shared: copy what changes */
			sd_table *t = dup(L, tables[i], sizeof(*t));
			t->foreign_keys = dup(L, t->foreign_keys,
			                      (t->nforeign_keys + 1) * sizeof(void *));
			tables[i] = t;
		}
		rename_references(L, tables[i], own);
	}
	L->s->tables = tables;
	L->s->ntables = n;
}

/* true when a column of the lifted tables has enum type e. */
static bool enum_used(const lift *L, const sd_enum *e)
{
	const char *want = sd_diff_qname(L->c, e->base.schema, e->base.name);
	size_t i, k;

	for (i = 0; i < L->s->ntables; i++) {
		const sd_table *t = L->s->tables[i];
		for (k = 0; k < t->ncolumns; k++) {
			const sd_type *ty = &t->columns[k]->type;
			if (ty->kind == SD_T_ENUM &&
			    strcmp(sd_diff_qname(L->c, ty->enum_schema, ty->name),
			           want) == 0)
				return true;
		}
	}
	return false;
}

/*
 * Enums: the models', less those the plan creates, plus those it drops.
 * A dialect without enum types (SQLite: TEXT) shows none of them: an
 * enum was there before exactly when a column of the lifted tables uses
 * it (a new enum comes with the columns that use it).
 */
static void lift_enums(lift *L)
{
	const sd_schema *to = L->c->to, *from = L->c->from;
	sd_enum **e = sd_arena_alloc(L->s->arena,
	                             (to->nenums + from->nenums + 1) * sizeof(*e));
	size_t n = 0, i;

	for (i = 0; i < to->nenums; i++) {
		const sd_enum *x = to->enums[i];
		const char *how = sd_map_get(L->enums_touched,
		                             sd_diff_qname(L->c, x->base.schema,
		                                           x->base.name));
		if (how && strcmp(how, "created") == 0)
			continue;
		if (!L->c->caps.enums && !enum_used(L, x))
			continue;
		e[n++] = how ? sd_schema_find_enum(from, x->base.schema,
		                                   x->base.name)
		             : (sd_enum *)x;
		if (!e[n - 1])
			n--;
	}
	for (i = 0; i < from->nenums; i++) {
		const sd_enum *x = from->enums[i];
		if (sd_map_get(L->enums_touched,
		               sd_diff_qname(L->c, x->base.schema, x->base.name)) &&
		    !sd_schema_find_enum(to, x->base.schema, x->base.name))
			e[n++] = (sd_enum *)x; /* dropped */
	}
	L->s->enums = e;
	L->s->nenums = n;
}

/* Namespaces: the models', less those the plan creates, plus those it
 * drops. */
static void lift_namespaces(lift *L)
{
	const sd_schema *to = L->c->to;
	sd_strlist ns = {0};
	size_t i, k;

	for (i = 0; i < to->namespaces.n; i++) {
		bool created = false;
		for (k = 0; k < L->c->pending.n; k++) {
			const sd_op *op = ((pending *)L->c->pending.items[k])->op;
			created |= op->kind == SD_OP_CREATE_NAMESPACE &&
			           sd_streq(op->name_new, to->namespaces.items[i]);
		}
		if (!created)
			sd_strlist_push(L->s->arena, &ns, to->namespaces.items[i]);
	}
	for (k = 0; k < L->c->pending.n; k++) {
		const sd_op *op = ((pending *)L->c->pending.items[k])->op;
		if (op->kind == SD_OP_DROP_NAMESPACE)
			sd_strlist_push(L->s->arena, &ns, op->name_old);
	}
	L->s->namespaces = ns;
}

int sd_diff_lift(dctx *c, sd_schema **out)
{
	sd_schema *s = sd_schema_new();
	sd_arena *arena = s->arena;
	lift L;
	size_t i;

	/* everything else (sequences, unmanaged objects, kinds to come) as
	 * the models have it */
	*s = *c->to;
	s->arena = arena;
	s->dialect = NULL;
	memset(&L, 0, sizeof(L));
	L.c = c;
	L.s = s;
	L.by_new = sd_map_new(arena, c->pairs.n + 1);
	L.by_old = sd_map_new(arena, c->pairs.n + 1);
	L.enums_touched = sd_map_new(arena, 4);
	for (i = 0; i < c->pairs.n; i++) {
		tpair *tp = c->pairs.items[i];
		pair_changes *pc = sd_arena_alloc(arena, sizeof(*pc));
		size_t k;
		pc->tp = tp;
		pc->old_t = sd_schema_find_table(c->from, tp->old->base.schema,
		                                 tp->old->base.name);
		pc->new_t = sd_schema_find_table(c->to, tp->new_->base.schema,
		                                 tp->new_->base.name);
		pc->col_changes = sd_map_new(arena, 4);
		pc->touched = sd_map_new(arena, 4);
		pc->renamed_new = sd_map_new(arena, 4);
		pc->renamed_old = sd_map_new(arena, 4);
		for (k = 0; k < tp->new_->ncolumns; k++) {
			const sd_column *o = sd_map_get(tp->col_n2o,
			                                tp->new_->columns[k]->base.name);
			if (o && !sd_streq(o->base.name,
			                   tp->new_->columns[k]->base.name))
				pc->has_renamed_columns = true;
		}
		sd_map_put(L.by_new, sd_diff_tname(c, tp->new_), pc);
		sd_map_put(L.by_old, sd_diff_tname(c, tp->old), pc);
	}
	for (i = 0; i < c->pending.n; i++)
		note_op(&L, ((pending *)c->pending.items[i])->op);
	lift_tables(&L);
	lift_enums(&L);
	lift_namespaces(&L);
	s->table_map = NULL;
	s->enum_map = NULL;
	/* the maps, in our arena; shared tables keep their column maps */
	s->table_map = sd_map_new(arena, s->ntables + 1);
	for (i = 0; i < s->ntables; i++)
		sd_map_put(s->table_map,
		           sd_qualified_name(arena, s->tables[i]->base.schema,
		                             s->tables[i]->base.name),
		           s->tables[i]);
	s->enum_map = sd_map_new(arena, s->nenums + 1);
	for (i = 0; i < s->nenums; i++)
		sd_map_put(s->enum_map,
		           sd_qualified_name(arena, s->enums[i]->base.schema,
		                             s->enums[i]->base.name),
		           s->enums[i]);
	*out = s;
	return SD_OK;
}
