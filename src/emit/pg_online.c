/*
 * pg_online.c - PostgreSQL's online forms: the operations of a revision
 * on tables that exist before it, written so that readers and writers of
 * those tables never wait for more than a catalog update.
 *
 *   index                 CREATE [UNIQUE] INDEX CONCURRENTLY, in a step
 *                         of its own outside any transaction (it cannot
 *                         run inside one); DROP INDEX CONCURRENTLY
 *   unique, primary key   the unique index built concurrently, then
 *                         ADD CONSTRAINT ... UNIQUE USING INDEX
 *   foreign key, check    ADD ... NOT VALID (a catalog update), then
 *                         VALIDATE CONSTRAINT in a transaction of its own,
 *                         which only takes SHARE UPDATE EXCLUSIVE
 *   SET NOT NULL          CHECK (col IS NOT NULL) NOT VALID, validated in
 *                         its own transaction, then SET NOT NULL, which
 *                         PostgreSQL 12+ proves from the valid check
 *                         without a scan, then the check is dropped
 *   backfill              a batch step: the runner updates the rows a few
 *                         thousand at a time, each batch committed
 *   enum label added      its step commits before anything uses it
 * SET LOGGED / UNLOGGED has no online form (it rewrites the table under
 * ACCESS EXCLUSIVE whatever is done): it stays, with its hazard; CLUSTER
 * ON, storage parameters and SET STATISTICS only take SHARE UPDATE
 * EXCLUSIVE and need none.
 * Tables created earlier in the same sequence have no rows yet and keep
 * the plain forms, inside the revision's transaction.
 *
 * The result is the revision's section cut into steps by marker lines
 * (SD_STEP_MARKER): statements before the first marker are one
 * transaction, each "-- schemadiff:step" starts another,
 * "... nontransactional" one whose statements run on their own, "...
 * batch" one UPDATE the runner runs in batches. The runner records each
 * finished step, so a revision stopped part-way resumes where it stopped.
 */
#include "emit/dialect.h"

#include <string.h>

typedef enum step_state {
	ST_START,  /* nothing written: a transaction needs no marker */
	ST_TX,     /* inside a transactional step */
	ST_CLOSED, /* the next statement starts a new step */
} step_state;

typedef struct online {
	sd_buf *out;
	sd_arena *a;
	sd_error *err;
	sd_map *created; /* tables created earlier in the sequence */
	sd_map *dropped; /* tables the sequence drops */
	sd_vec validate; /* VALIDATE_CONSTRAINT ops due when the step ends */
	step_state state;
	bool steps;      /* a marker was written */
	int rc;
} online;

static const char *table_key(online *o, const sd_table *t)
{
	return sd_qualified_name(o->a, t->base.schema, t->base.name);
}

/* The op's table existed before the sequence (it may hold rows) and stays
 * after it: a table the sequence drops is locked whole by its DROP TABLE
 * anyway, so what comes before it on that table (the indexes the downgrade
 * of its creation drops first) keeps the plain form. */
static bool existing(online *o, const sd_op *op)
{
	return op->table && !sd_map_get(o->created, table_key(o, op->table)) &&
	       !sd_map_get(o->dropped, table_key(o, op->table));
}

static void marker(online *o, const char *kind)
{
	if (o->out->len)
		sd_buf_putc(o->out, '\n');
	sd_buf_put(o->out, SD_STEP_MARKER);
	if (kind)
		sd_buf_printf(o->out, " %s", kind);
	sd_buf_putc(o->out, '\n');
	o->steps = true;
}

static void emit(online *o, const sd_op *op)
{
	if (o->rc == SD_OK)
		o->rc = sd_dialect_postgres.emit_op(o->out, op, o->err);
}

/* Writes op into the current transactional step, starting one when the
 * last step is over. */
static void in_tx(online *o, const sd_op *op)
{
	if (o->state == ST_CLOSED)
		marker(o, NULL);
	o->state = ST_TX;
	emit(o, op);
}

/* Each validation waiting for its table's constraint, one transaction
 * apiece, so the lock of the step that added the constraint is not held
 * through the scan. */
static void flush_validations(online *o)
{
	size_t i;

	for (i = 0; i < o->validate.n; i++) {
		if (o->state != ST_START)
			marker(o, NULL);
		emit(o, o->validate.items[i]);
		o->state = ST_CLOSED;
	}
	o->validate.n = 0;
}

/* op in a step of its own of the given kind ("nontransactional",
 * "batch"); what follows starts a new step. */
static void own_step(online *o, const sd_op *op, const char *kind)
{
	flush_validations(o);
	marker(o, kind);
	emit(o, op);
	o->state = ST_CLOSED;
}

static sd_op *op_copy(online *o, const sd_op *op)
{
	sd_op *c = sd_arena_alloc(o->a, sizeof(*c));

	*c = *op;
	c->warning = NULL;
	return c;
}

static sd_op *op_new(online *o, sd_op_kind kind, const sd_table *t)
{
	sd_op *c = sd_arena_alloc(o->a, sizeof(*c));

	c->kind = kind;
	c->table = t;
	return c;
}

/* COMMENT ON the index or constraint n, in the current transaction. */
static void comment(online *o, const sd_table *t, const sd_object *n,
                    const char *text)
{
	sd_op *c;

	if (!text)
		return;
	c = op_new(o, SD_OP_SET_COMMENT, t);
	c->obj_new = n;
	c->name_new = text;
	in_tx(o, c);
}

static void create_index(online *o, const sd_op *op)
{
	const sd_index *ix = (const sd_index *)op->obj_new;
	sd_index *bare = sd_arena_alloc(o->a, sizeof(*bare));
	sd_op *c = op_copy(o, op);

	*bare = *ix;
	bare->comment = NULL;
	c->obj_new = &bare->base;
	c->concurrently = true;
	c->hazards |= SD_HAZARD_NO_TRANSACTION;
	own_step(o, c, SD_STEP_WORD_NONTX);
	comment(o, op->table, op->obj_new, ix->comment);
}

static void drop_index(online *o, const sd_op *op)
{
	sd_op *c = op_copy(o, op);

	c->concurrently = true;
	c->hazards |= SD_HAZARD_NO_TRANSACTION;
	own_step(o, c, SD_STEP_WORD_NONTX);
}

/*
 * A primary key or unique constraint: its unique index built
 * concurrently, then taken over by the constraint, which only updates the
 * catalog (the index keeps the constraint's name).
 */
static void key_using_index(online *o, const sd_op *op)
{
	const sd_object *k = op->obj_new;
	const sd_table *t = op->table;
	const sd_strlist *cols, *include;
	sd_index *ix = sd_arena_alloc(o->a, sizeof(*ix));
	sd_op *build = op_new(o, SD_OP_CREATE_INDEX, t);
	sd_buf *out = o->out;
	const char *name = k->name;
	const sd_index_storage *st;
	bool deferrable = false, deferred = false;
	size_t i;

	if (k->kind == SD_OBJ_PRIMARY_KEY) {
		cols = &((const sd_primary_key *)k)->columns;
		include = &((const sd_primary_key *)k)->include;
		st = &((const sd_primary_key *)k)->storage;
		if (!name)
			name = sd_arena_printf(o->a, "%s_pkey", t->base.name);
	} else {
		const sd_unique *u = (const sd_unique *)k;
		cols = &u->columns;
		include = &u->include;
		st = &u->storage;
		ix->nulls_not_distinct = u->nulls_not_distinct;
		deferrable = u->deferrable;
		deferred = u->initially_deferred;
	}
	ix->base.kind = SD_OBJ_INDEX;
	ix->base.schema = t->base.schema;
	ix->base.name = name;
	ix->unique = true;
	ix->nkeys = cols->n;
	ix->keys = sd_arena_alloc(o->a, (cols->n + 1) * sizeof(*ix->keys));
	for (i = 0; i < cols->n; i++)
		ix->keys[i].column = cols->items[i];
	/* the key's index as the key would make it: INCLUDE, WITH and
	 * TABLESPACE (its comment comes after the constraint) */
	ix->include = *include;
	ix->storage.with = st->with;
	ix->storage.tablespace = st->tablespace;
	build->obj_new = &ix->base;
	build->concurrently = true;
	build->hazards |= SD_HAZARD_NO_TRANSACTION;
	own_step(o, build, SD_STEP_WORD_NONTX);
	if (o->rc != SD_OK)
		return;
	marker(o, NULL);
	o->state = ST_TX;
	sd_buf_put(out, "ALTER TABLE ");
	sd_emit_qualified(out, &sd_dialect_postgres, t->base.schema,
	                  t->base.name);
	sd_buf_put(out, " ADD CONSTRAINT ");
	sd_quote_ident_std(out, name);
	sd_buf_put(out, k->kind == SD_OBJ_PRIMARY_KEY ? " PRIMARY KEY"
	                                              : " UNIQUE");
	sd_buf_put(out, " USING INDEX ");
	sd_quote_ident_std(out, name);
	sd_emit_deferrable(out, deferrable, deferred);
	sd_buf_put(out, ";\n");
	comment(o, t, k, sd_object_comment(k));
	/* the index keeps a comment of its own (COMMENT ON INDEX) */
	comment(o, t, &ix->base, st->comment);
}

/* A foreign key or check added NOT VALID now and validated once the
 * step is over. One the models want NOT VALID stays as it is. */
static void add_not_valid(online *o, const sd_op *op)
{
	const sd_object *k = op->obj_new;
	sd_op *add = op_copy(o, op), *check;
	sd_object *copy;

	if (k->kind == SD_OBJ_FOREIGN_KEY) {
		sd_foreign_key *fk = sd_arena_alloc(o->a, sizeof(*fk));
		*fk = *(const sd_foreign_key *)k;
		if (fk->not_valid) {
			in_tx(o, op);
			return;
		}
		fk->not_valid = true;
		copy = &fk->base;
	} else {
		sd_check *ck = sd_arena_alloc(o->a, sizeof(*ck));
		*ck = *(const sd_check *)k;
		if (ck->not_valid) {
			in_tx(o, op);
			return;
		}
		ck->not_valid = true;
		copy = &ck->base;
	}
	add->obj_new = copy;
	in_tx(o, add);
	check = op_new(o, SD_OP_VALIDATE_CONSTRAINT, op->table);
	check->obj_new = k;
	sd_vec_push(o->a, &o->validate, check);
}

/*
 * The name of the helper check that proves a column NOT NULL:
 * "sd_nn_<column>", or, when that would pass PostgreSQL's 63 bytes, the
 * column's first bytes and a hash of the whole name. The prefix keeps it
 * apart from the names PostgreSQL gives its own not-null constraints.
 */
static const char *helper_name(online *o, const char *column)
{
	char hex[65];

	if (strlen(column) + 6 <= 63)
		return sd_arena_printf(o->a, "sd_nn_%s", column);
	sd_sha256_hex(column, strlen(column), hex);
	return sd_arena_printf(o->a, "sd_nn_%.48s_%.8s", column, hex);
}

/*
 * SET NOT NULL without a scan under ACCESS EXCLUSIVE (HARD-PARTS): the
 * other changes of the ALTER first, then CHECK (col IS NOT NULL) NOT
 * VALID, its validation in a transaction of its own, then SET NOT NULL
 * with the helper check dropped, then what must follow a NOT NULL (an
 * identity) and the comment.
 */
static void set_not_null(online *o, const sd_op *op)
{
	const sd_table *t = op->table;
	const char *col = op->column_new->base.name;
	unsigned late = SD_CHANGE_IDENTITY | SD_CHANGE_COMMENT;
	sd_op *before = op_copy(o, op), *after = op_copy(o, op), *c;
	sd_check *ck = sd_arena_alloc(o->a, sizeof(*ck));
	sd_buf expr = SD_BUF_INIT;

	before->changes = op->changes & ~(SD_CHANGE_NULLABLE | late);
	after->changes = op->changes & late;
	if (before->changes)
		in_tx(o, before);
	sd_quote_ident_std(&expr, col);
	sd_buf_put(&expr, " IS NOT NULL");
	ck->base.kind = SD_OBJ_CHECK;
	ck->base.schema = t->base.schema;
	ck->base.name = helper_name(o, col);
	ck->expression.sql = sd_arena_strdup(o->a, sd_buf_cstr(&expr));
	ck->not_valid = true;
	sd_buf_free(&expr);
	c = op_new(o, SD_OP_ADD_CONSTRAINT, t);
	c->obj_new = &ck->base;
	in_tx(o, c);
	c = op_new(o, SD_OP_VALIDATE_CONSTRAINT, t);
	c->obj_new = &ck->base;
	sd_vec_push(o->a, &o->validate, c);
	flush_validations(o);
	c = op_copy(o, op);
	c->changes = SD_CHANGE_NULLABLE;
	in_tx(o, c);
	c = op_new(o, SD_OP_DROP_CONSTRAINT, t);
	c->obj_old = &ck->base;
	in_tx(o, c);
	if (after->changes)
		in_tx(o, after);
}

static void batch_step(online *o, const sd_op *op)
{
	own_step(o, op, SD_STEP_WORD_BATCH);
}

/* The online form of op on a table that existed before, or NULL when op
 * keeps its plain form in the current transaction. */
static void (*online_form(const sd_op *op))(online *, const sd_op *)
{
	const sd_object *k = op->obj_new;

	switch (op->kind) {
	case SD_OP_CREATE_INDEX:
		return create_index;
	case SD_OP_DROP_INDEX:
		return drop_index;
	case SD_OP_ADD_CONSTRAINT:
		if (k->kind == SD_OBJ_UNIQUE || k->kind == SD_OBJ_PRIMARY_KEY)
			return key_using_index;
		if (k->kind == SD_OBJ_FOREIGN_KEY || k->kind == SD_OBJ_CHECK)
			return add_not_valid;
		return NULL;
	case SD_OP_ALTER_COLUMN:
		if ((op->changes & SD_CHANGE_NULLABLE) && !op->column_new->nullable)
			return set_not_null;
		return NULL;
	case SD_OP_BACKFILL:
		return batch_step;
	default:
		return NULL;
	}
}

static void online_op(online *o, const sd_op *op, const sd_op *next)
{
	void (*form)(online *, const sd_op *);

	switch (op->kind) {
	case SD_OP_CREATE_TABLE: {
		const sd_table *t = op->table_new ? op->table_new : op->table;
		sd_map_put(o->created, table_key(o, t), (void *)t);
		in_tx(o, op);
		return;
	}
	case SD_OP_VALIDATE_CONSTRAINT:
		sd_vec_push(o->a, &o->validate, (void *)op);
		flush_validations(o);
		return;
	case SD_OP_ADD_ENUM_VALUE:
		/* the label is usable once its transaction commits */
		in_tx(o, op);
		if (!next || next->kind != SD_OP_ADD_ENUM_VALUE)
			o->state = ST_CLOSED;
		return;
	default:
		form = existing(o, op) ? online_form(op) : NULL;
		if (form)
			form(o, op);
		else
			in_tx(o, op);
		return;
	}
}

int sd_pg_emit_online(sd_buf *out, sd_op *const *ops, size_t n, bool *steps,
                      sd_error *err)
{
	online o;
	size_t i;

	memset(&o, 0, sizeof(o));
	o.out = out;
	o.err = err;
	o.a = sd_arena_new();
	o.created = sd_map_new(o.a, 16);
	o.dropped = sd_map_new(o.a, 16);
	for (i = 0; i < n; i++)
		if (ops[i]->kind == SD_OP_DROP_TABLE && ops[i]->table)
			sd_map_put(o.dropped, table_key(&o, ops[i]->table),
			           (void *)ops[i]->table);
	for (i = 0; i < n && o.rc == SD_OK; i++)
		online_op(&o, ops[i], i + 1 < n ? ops[i + 1] : NULL);
	flush_validations(&o);
	if (steps && o.steps)
		*steps = true;
	sd_arena_free(o.a);
	return o.rc;
}
