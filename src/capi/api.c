/*
 * api.c - the operation API of C revisions (include/schemadiff/revision.h).
 *
 * Each call builds the sd_op the differ would build for the same change,
 * emits it through the dialect's emit_op and runs the statements on the
 * connection, inside the transaction the runner opened. Offline, the
 * statements are recorded instead. So a C revision and an SQL revision
 * with the same operations run the same SQL.
 *
 * Definitions (tables, columns, constraints) are sd_schema objects built in
 * a scratch schema owned by the migration; everything is freed with it.
 */
#include "capi/capi.h"

#include "introspect/introspect.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct sd_cursor {
	sd_rows *rows;         /* NULL offline: no rows */
	size_t next;           /* index of the row sd_cursor_next moves to */
	struct sd_cursor *prev, *nextc;
	sd_migration *m;
};

struct sd_migration {
	sd_arena *arena;
	sd_schema *defs;       /* owns the objects of definitions */
	sd_db *db;             /* NULL offline */
	const sd_dialect *d;
	sd_buf *offline;
	void (*on_statement)(void *, const char *);
	void *ctx;
	const char *schema;    /* sd_use_schema(); NULL = default */
	int code;              /* first failure, 0 when none */
	char *error;
	sd_schema *live;       /* the database's schema, NULL when stale */
	sd_cursor *cursors;    /* open cursors, freed with the migration */
};

struct sd_column_def {
	sd_migration *m;
	sd_column *c;
	unsigned flags;
	const char *bad_type;  /* message when the type does not parse */
};

struct sd_table_def {
	sd_migration *m;
	sd_table *t;
	sd_column_def **cols;
	size_t ncols, cap;
	const char *error;     /* first definition error */
};

/* ------------------------------------------------------------------ */
/* The migration and its errors                                        */
/* ------------------------------------------------------------------ */

sd_migration *sd_migration_new(sd_db *db, const sd_dialect *d,
                               sd_buf *offline,
                               void (*on_statement)(void *, const char *),
                               void *ctx)
{
	sd_migration *m = sd_xcalloc(1, sizeof(*m));

	m->defs = sd_schema_new();
	m->arena = m->defs->arena;
	m->db = db;
	m->d = db ? sd_db_dialect(db) : d;
	m->offline = db ? NULL : offline;
	m->on_statement = on_statement;
	m->ctx = ctx;
	return m;
}

void sd_migration_free(sd_migration *m)
{
	if (!m)
		return;
	while (m->cursors)
		sd_cursor_free(m->cursors);
	sd_schema_free(m->live);
	sd_schema_free(m->defs);
	free(m);
}

int sd_migration_code(const sd_migration *m)
{
	return m->code;
}

/* Records the first failure; later ones keep the first. Returns the code
 * now in force. */
static int fail(sd_migration *m, int code, const char *fmt, ...)
	SD_PRINTF(3, 4);
static int fail(sd_migration *m, int code, const char *fmt, ...)
{
	va_list ap;

	if (m->code)
		return m->code;
	va_start(ap, fmt);
	m->error = sd_arena_vprintf(m->arena, fmt, ap);
	va_end(ap);
	m->code = code;
	return code;
}

/* Moves the first diagnostic of e into the migration. */
static int fail_diag(sd_migration *m, int code, sd_error *e)
{
	sd_buf b = SD_BUF_INIT;
	int rc;

	if (e->first)
		sd_diag_format(&b, e->first);
	rc = fail(m, code, "%s", e->first ? sd_buf_cstr(&b) : "failed");
	sd_buf_free(&b);
	sd_error_clear(e);
	return rc;
}

const char *sd_migration_error(const sd_migration *m)
{
	return m ? m->error : NULL;
}

int sd_migration_status(const sd_migration *m)
{
	return m->code;
}

int sd_migration_fail(sd_migration *m, const char *message)
{
	return fail(m, SD_ERR_INPUT, "%s", message ? message : "failed");
}

const char *sd_migration_dialect(const sd_migration *m)
{
	return m->d->name;
}

bool sd_migration_offline(const sd_migration *m)
{
	return m->db == NULL;
}

int sd_use_schema(sd_migration *m, const char *schema)
{
	/* the default namespace is NULL everywhere (model/schema.h) */
	m->schema = sd_arena_strdup(m->arena, sd_namespace_key(schema));
	return 0;
}

/* ------------------------------------------------------------------ */
/* Running statements                                                  */
/* ------------------------------------------------------------------ */

/* The $n placeholders outside quotes and comments replaced by literals
 * for offline display: "... = $1" -> "... = 'O''Brien'". */
static void render_params(sd_buf *out, const sd_dialect *d, const char *sql,
                          size_t n, const char *const *params)
{
	const char *copied = sql;
	sd_lexer lx;
	sd_token t;

	sd_lex_init(&lx, sql, strlen(sql), sd_sql_lang_of(d->name),
	            SD_LEX_COMMENTS);
	while (sd_lex_next(&lx, &t)) {
		unsigned long k;
		char *end;
		if (t.kind != SD_TOK_PARAM || t.s[0] != '$' ||
		    !(t.s[1] >= '1' && t.s[1] <= '9'))
			continue;
		k = strtoul(t.s + 1, &end, 10);
		if (end != t.s + t.n || k < 1 || k > n)
			continue;
		sd_buf_putn(out, copied, (size_t)(t.s - copied));
		if (params[k - 1])
			d->quote_literal(out, params[k - 1]);
		else
			sd_buf_put(out, "NULL");
		copied = t.s + t.n;
	}
	sd_buf_put(out, copied);
}

/*
 * Runs (or records) one statement. nparams < 0: no binding at all, the
 * driver's exec (DDL). Any statement may change the schema, so the cached
 * live schema is dropped.
 */
static int run_stmt(sd_migration *m, const char *sql, long nparams,
                    const char *const *params, sd_rows **rows)
{
	sd_error e = SD_ERROR_INIT;
	size_t len = strlen(sql);
	int rc;

	while (len && (sql[len - 1] == ';' || sql[len - 1] == '\n' ||
	               sql[len - 1] == ' '))
		len--;
	if (!m->db) {
		sd_buf stmt = SD_BUF_INIT;
		sd_buf_putn(&stmt, sql, len);
		if (nparams > 0)
			render_params(m->offline, m->d, sd_buf_cstr(&stmt),
			              (size_t)nparams, params);
		else
			sd_buf_put(m->offline, sd_buf_cstr(&stmt));
		sd_buf_put(m->offline, ";\n");
		sd_buf_free(&stmt);
		return 0;
	}
	if (m->on_statement)
		m->on_statement(m->ctx, sql);
	sd_schema_free(m->live);
	m->live = NULL;
	if (nparams < 0)
		rc = m->db->driver->exec(m->db, sql, &e);
	else
		rc = m->db->driver->query(m->db, sql, params, (size_t)nparams,
		                          rows, &e);
	if (rc)
		return fail_diag(m, SD_ERR_DB, &e);
	return 0;
}

/* Runs a script statement by statement, as the runner runs an SQL
 * revision, so both print and fail alike. */
static int run_script(sd_migration *m, const char *sql)
{
	sd_arena *a = sd_arena_new();
	const char **stmts;
	size_t n, i;
	int rc = 0;

	n = sd_sql_split(&stmts, NULL, a, sql, sd_sql_lang_of(m->d->name));
	for (i = 0; i < n && !rc; i++)
		rc = run_stmt(m, stmts[i], -1, NULL, NULL);
	sd_arena_free(a);
	return rc;
}

/* Emits op in the migration's dialect and runs the statements. */
static int run_op(sd_migration *m, const sd_op *op)
{
	sd_buf sql = SD_BUF_INIT;
	sd_error e = SD_ERROR_INIT;
	int rc;

	rc = m->d->emit_op(&sql, op, &e);
	if (rc)
		rc = fail_diag(m, SD_ERR_INPUT, &e);
	else
		rc = run_script(m, sd_buf_cstr(&sql));
	sd_buf_free(&sql);
	return rc;
}

static sd_op *new_op(sd_migration *m, sd_op_kind kind)
{
	sd_op *op = sd_arena_alloc(m->arena, sizeof(*op));

	op->kind = kind;
	return op;
}

/* A table known only by name, in the current schema: what most
 * statements need of it. */
static sd_table *table_stub(sd_migration *m, const char *name)
{
	sd_table *t = sd_arena_alloc(m->arena, sizeof(*t));

	t->base.kind = SD_OBJ_TABLE;
	t->base.schema = m->schema;
	t->base.name = sd_arena_strdup(m->arena, name);
	return t;
}

static bool bad_name(const char *s)
{
	return !s || !*s;
}

/* The table as the database has it now (introspected once per change):
 * what a SQLite rebuild and an ALTER COLUMN's old state need. */
static int live_table(sd_migration *m, const char *name, const char *why,
                      const sd_table **out)
{
	sd_introspect_opts io;
	sd_error e = SD_ERROR_INIT;
	const sd_table *t;

	if (!m->db)
		return fail(m, SD_ERR_INPUT,
		            "%s: %s needs the table's definition in the database, which offline mode (--sql) does not read",
		            name, why);
	if (!m->live) {
		memset(&io, 0, sizeof(io));
		if (sd_introspect(&m->live, m->db, &io, &e))
			return fail_diag(m, SD_ERR_DB, &e);
	}
	t = sd_schema_find_table(m->live, m->schema, name);
	if (!t)
		return fail(m, SD_ERR_INPUT, "%s: no such table", name);
	*out = t;
	return 0;
}

/* A copy of t whose member arrays can be changed without touching t. */
static sd_table *table_copy(sd_migration *m, const sd_table *t)
{
	sd_table *c = sd_arena_alloc(m->arena, sizeof(*c));

#define COPY_ARRAY(field, count)                                           \
	do {                                                               \
		c->field = sd_arena_alloc(m->arena,                        \
		                          (t->count + 1) * sizeof(*c->field)); \
		if (t->count)                                              \
			memcpy(c->field, t->field,                         \
			       t->count * sizeof(*c->field));              \
	} while (0)
	*c = *t;
	COPY_ARRAY(columns, ncolumns);
	COPY_ARRAY(uniques, nuniques);
	COPY_ARRAY(foreign_keys, nforeign_keys);
	COPY_ARRAY(checks, nchecks);
	COPY_ARRAY(indexes, nindexes);
#undef COPY_ARRAY
	c->column_map = NULL; /* lookups scan the copied columns */
	return c;
}

/* SQLite: from the live table to `to` by the documented rebuild. */
static int run_rebuild(sd_migration *m, const sd_table *from,
                       const sd_table *to)
{
	sd_op *op = new_op(m, SD_OP_REBUILD_TABLE);

	op->table = to;
	op->table_old = from;
	op->table_new = to;
	op->hazards = SD_HAZARD_REBUILD;
	return run_op(m, op);
}

/* ------------------------------------------------------------------ */
/* Definitions                                                         */
/* ------------------------------------------------------------------ */

/* Sets c's name, type and flags; a type that does not parse is kept as a
 * message for the call that uses the definition. */
static void column_init(sd_migration *m, sd_column_def *cd, const char *name,
                        const char *type, unsigned flags)
{
	sd_column *c = cd->c;
	const char *why = NULL, *suggest = NULL;

	cd->m = m;
	cd->flags = flags;
	c->base.kind = SD_OBJ_COLUMN;
	c->base.name = sd_arena_strdup(m->arena, name ? name : "");
	c->nullable = !(flags & (SD_COL_NOT_NULL | SD_COL_PRIMARY_KEY |
	                         SD_COL_IDENTITY_ALWAYS |
	                         SD_COL_IDENTITY_BY_DEFAULT));
	if (flags & SD_COL_IDENTITY_ALWAYS)
		c->identity = SD_IDENTITY_ALWAYS;
	else if (flags & SD_COL_IDENTITY_BY_DEFAULT)
		c->identity = SD_IDENTITY_BY_DEFAULT;
	if (bad_name(name))
		cd->bad_type = "a column needs a name";
	else if (!type || sd_type_parse(m->arena, type, &c->type, &why,
	                                &suggest) != SD_OK)
		cd->bad_type = sd_arena_printf(
			m->arena, "column '%s': bad type '%s'%s%s%s%s", name,
			type ? type : "(null)", why ? ": " : "", why ? why : "",
			suggest ? "; did you mean " : "",
			suggest ? suggest : "");
}

sd_column_def *sd_column_begin(sd_migration *m, const char *name,
                               const char *type, unsigned flags)
{
	sd_column_def *cd = sd_arena_alloc(m->arena, sizeof(*cd));

	cd->c = sd_arena_alloc(m->arena, sizeof(*cd->c));
	column_init(m, cd, name, type, flags);
	return cd;
}

/* The column setters: each keeps a copy of its text. */
#define COLUMN_SETTER(fn, field)                                             \
	sd_column_def *fn(sd_column_def *c, const char *text)                \
	{                                                                    \
		c->c->field = sd_arena_strdup(c->m->arena, text);            \
		return c;                                                    \
	}

/* The same for the fields of the column's sd_column_ext. */
#define COLUMN_EXT_SETTER(fn, field)                                         \
	sd_column_def *fn(sd_column_def *c, const char *text)                \
	{                                                                    \
		sd_column_xw(c->m->arena, c->c)->field =                     \
			sd_arena_strdup(c->m->arena, text);                  \
		return c;                                                    \
	}

COLUMN_SETTER(sd_column_default, default_value.sql)
COLUMN_EXT_SETTER(sd_column_collation, collation)
COLUMN_EXT_SETTER(sd_column_comment, comment)
COLUMN_EXT_SETTER(sd_column_generated, generated.sql)
COLUMN_EXT_SETTER(sd_column_backfill, backfill)

sd_table_def *sd_table_begin(sd_migration *m, const char *name)
{
	sd_table_def *td = sd_arena_alloc(m->arena, sizeof(*td));

	td->m = m;
	td->t = sd_schema_add_table(m->defs, m->schema, name ? name : "");
	if (bad_name(name))
		td->error = "a table needs a name";
	return td;
}

sd_column_def *sd_table_column(sd_table_def *t, const char *name,
                               const char *type, unsigned flags)
{
	sd_migration *m = t->m;
	sd_column_def *cd = sd_arena_alloc(m->arena, sizeof(*cd));

	cd->c = sd_table_add_column(m->defs, t->t, name ? name : "");
	column_init(m, cd, name, type, flags);
	if (t->ncols == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		sd_column_def **n = sd_arena_alloc(m->arena, cap * sizeof(*n));
		if (t->ncols)
			memcpy(n, t->cols, t->ncols * sizeof(*n));
		t->cols = n;
		t->cap = cap;
	}
	t->cols[t->ncols++] = cd;
	if (cd->bad_type && !t->error)
		t->error = cd->bad_type;
	return cd;
}

void sd_table_comment(sd_table_def *t, const char *comment)
{
	t->t->comment = sd_arena_strdup(t->m->arena, comment);
}

static void strlist_from(sd_arena *a, sd_strlist *l, const char *const *v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		sd_strlist_push(a, l, sd_arena_strdup(a, v[i]));
}

/* NULL, with *why saying what the constraint named name lacks. */
static sd_object *incomplete(sd_arena *a, const char **why, const char *fmt,
                             const char *name) SD_PRINTF(3, 0);

static sd_object *incomplete(sd_arena *a, const char **why, const char *fmt,
                             const char *name)
{
	*why = sd_arena_printf(a, fmt, name);
	return NULL;
}

/* The foreign key c describes, on table t; NULL with *why when c is
 * incomplete. */
static sd_object *fk_build(sd_migration *m, sd_table *t,
                           const sd_constraint_def *c, const char **why)
{
	sd_arena *a = m->arena;
	sd_foreign_key *fk;

	if (bad_name(c->ref_table))
		return incomplete(a, why, "foreign key '%s' needs ref_table",
		                  c->name);
	fk = sd_table_add_foreign_key(m->defs, t, c->name);
	strlist_from(a, &fk->columns, c->columns);
	/* NULL: the table's own schema; "public": the default one */
	fk->ref_schema = c->ref_schema
	                     ? sd_arena_strdup(a, sd_namespace_key(c->ref_schema))
	                     : t->base.schema;
	fk->ref_table = sd_arena_strdup(a, c->ref_table);
	strlist_from(a, &fk->ref_columns, c->ref_columns);
	if ((c->on_delete && sd_fk_action_parse(c->on_delete, &fk->on_delete)) ||
	    (c->on_update && sd_fk_action_parse(c->on_update, &fk->on_update))) {
		*why = sd_arena_printf(a, "foreign key '%s': bad action '%s'",
		                       c->name,
		                       c->on_delete ? c->on_delete : c->on_update);
		return NULL;
	}
	fk->deferrable = c->deferrable;
	fk->initially_deferred = c->initially_deferred;
	fk->not_valid = c->not_valid;
	return &fk->base;
}

/* Attaches the constraint c describes to table t (objects in defs).
 * Returns NULL with *why set when c is incomplete. */
static sd_object *constraint_build(sd_migration *m, sd_table *t,
                                   const sd_constraint_def *c,
                                   const char **why)
{
	sd_arena *a = m->arena;
	sd_object *o = NULL;

	*why = NULL;
	if (!c || bad_name(c->name)) {
		*why = "a constraint needs a name";
		return NULL;
	}
	if (c->kind != SD_CHECK && (!c->columns || !c->columns[0]))
		return incomplete(a, why, "constraint '%s' needs columns",
		                  c->name);
	switch (c->kind) {
	case SD_PRIMARY_KEY: {
		sd_primary_key *pk = sd_table_set_primary_key(m->defs, t, c->name);
		size_t i;
		strlist_from(a, &pk->columns, c->columns);
		for (i = 0; i < pk->columns.n; i++) {
			sd_column *col = sd_table_find_column(t, pk->columns.items[i]);
			if (col)
				col->nullable = false;
		}
		return &pk->base;
	}
	case SD_UNIQUE: {
		sd_unique *u = sd_table_add_unique(m->defs, t, c->name);
		strlist_from(a, &u->columns, c->columns);
		u->nulls_not_distinct = c->nulls_not_distinct;
		u->deferrable = c->deferrable;
		u->initially_deferred = c->initially_deferred;
		o = &u->base;
		break;
	}
	case SD_FOREIGN_KEY:
		o = fk_build(m, t, c, why);
		break;
	case SD_CHECK: {
		sd_check *ck;
		if (bad_name(c->check))
			return incomplete(a, why, "check '%s' needs an expression",
			                  c->name);
		ck = sd_table_add_check(m->defs, t, c->name);
		ck->expression.sql = sd_arena_strdup(a, c->check);
		ck->not_valid = c->not_valid;
		o = &ck->base;
		break;
	}
	}
	if (o) {
		sd_object_set_comment(o, sd_arena_strdup(a, c->comment));
		return o;
	}
	if (*why)
		return NULL;
	*why = sd_arena_printf(a, "constraint '%s': unknown kind %d", c->name,
	                       (int)c->kind);
	return NULL;
}

int sd_table_constraint(sd_table_def *t, const sd_constraint_def *c)
{
	const char *why;

	if (!constraint_build(t->m, t->t, c, &why)) {
		if (!t->error)
			t->error = why;
		return fail(t->m, SD_ERR_INPUT, "%s: %s", t->t->base.name, why);
	}
	return 0;
}

int sd_table_primary_key(sd_table_def *t, const char *name,
                         const char *const *columns)
{
	sd_constraint_def c = {.kind = SD_PRIMARY_KEY, .name = name,
	                       .columns = columns};
	return sd_table_constraint(t, &c);
}

int sd_table_unique(sd_table_def *t, const char *name,
                    const char *const *columns)
{
	sd_constraint_def c = {.kind = SD_UNIQUE, .name = name,
	                       .columns = columns};
	return sd_table_constraint(t, &c);
}

int sd_table_check(sd_table_def *t, const char *name, const char *expression)
{
	sd_constraint_def c = {.kind = SD_CHECK, .name = name,
	                       .check = expression};
	return sd_table_constraint(t, &c);
}

/* The models' rule (SPEC): a one-column integer primary key
 * autoincrements, unless the revision said otherwise or gave it a default
 * or an expression of its own. */
static void mark_autoincrement(sd_table *t, sd_column_def *const *cols,
                               size_t ncols)
{
	sd_column *c;
	size_t i;

	if (!t->primary_key || t->primary_key->columns.n != 1)
		return;
	c = sd_table_find_column(t, t->primary_key->columns.items[0]);
	if (!c || !sd_type_is_integer(c->type.kind) || c->default_value.sql ||
	    sd_column_x(c)->generated.sql)
		return;
	for (i = 0; i < ncols; i++)
		if (cols[i]->c == c &&
		    (cols[i]->flags & SD_COL_NO_AUTOINCREMENT))
			return;
	c->autoincrement = true;
}

/* Every column a constraint names exists in t. */
static const char *check_columns(sd_migration *m, const sd_table *t)
{
	const sd_strlist *lists[64];
	size_t n = 0, i, k;

	if (t->primary_key)
		lists[n++] = &t->primary_key->columns;
	for (i = 0; i < t->nuniques && n < 64; i++)
		lists[n++] = &t->uniques[i]->columns;
	for (i = 0; i < t->nforeign_keys && n < 64; i++)
		lists[n++] = &t->foreign_keys[i]->columns;
	for (i = 0; i < n; i++)
		for (k = 0; k < lists[i]->n; k++)
			if (!sd_table_find_column(t, lists[i]->items[k]))
				return sd_arena_printf(m->arena,
				                       "a constraint names column '%s', which the table does not have",
				                       lists[i]->items[k]);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

int sd_create_table(sd_migration *m, sd_table_def *td)
{
	sd_table *t;
	sd_strlist pkcols = {NULL, 0};
	const char *why;
	sd_op *op;
	size_t i;

	if (m->code)
		return m->code;
	if (!td)
		return fail(m, SD_ERR_INPUT, "sd_create_table: no table definition");
	t = td->t;
	if (td->error)
		return fail(m, SD_ERR_INPUT, "%s: %s", t->base.name, td->error);
	if (!td->ncols)
		return fail(m, SD_ERR_INPUT, "%s: a table needs columns",
		            t->base.name);
	for (i = 0; i < td->ncols; i++) {
		sd_column_def *cd = td->cols[i];
		if (cd->flags & SD_COL_PRIMARY_KEY)
			sd_strlist_push(m->arena, &pkcols, cd->c->base.name);
		if (cd->flags & SD_COL_UNIQUE) {
			sd_unique *u = sd_table_add_unique(
				m->defs, t,
				sd_arena_printf(m->arena, "uq_%s_%s", t->base.name,
				                cd->c->base.name));
			sd_strlist_push(m->arena, &u->columns, cd->c->base.name);
		}
	}
	if (pkcols.n && !t->primary_key) {
		sd_primary_key *pk = sd_table_set_primary_key(
			m->defs, t, sd_arena_printf(m->arena, "pk_%s", t->base.name));
		pk->base.unnamed = true; /* as the models' unnamed keys */
		pk->columns = pkcols;
	}
	if ((why = check_columns(m, t)) != NULL)
		return fail(m, SD_ERR_INPUT, "%s: %s", t->base.name, why);
	mark_autoincrement(t, td->cols, td->ncols);
	op = new_op(m, SD_OP_CREATE_TABLE);
	op->table = t;
	op->table_new = t;
	return run_op(m, op);
}

int sd_drop_table(sd_migration *m, const char *table)
{
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(table))
		return fail(m, SD_ERR_INPUT, "sd_drop_table: no table name");
	op = new_op(m, SD_OP_DROP_TABLE);
	op->table = op->table_old = table_stub(m, table);
	return run_op(m, op);
}

int sd_rename_table(sd_migration *m, const char *from, const char *to)
{
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(from) || bad_name(to))
		return fail(m, SD_ERR_INPUT, "sd_rename_table: a name is missing");
	op = new_op(m, SD_OP_RENAME_TABLE);
	op->table_old = table_stub(m, from);
	op->table = op->table_new = table_stub(m, to);
	return run_op(m, op);
}

/* ------------------------------------------------------------------ */
/* Columns                                                             */
/* ------------------------------------------------------------------ */

int sd_add_column(sd_migration *m, const char *table, sd_column_def *cd)
{
	sd_table *t;
	sd_op *op;
	int rc;

	if (m->code)
		return m->code;
	if (bad_name(table) || !cd)
		return fail(m, SD_ERR_INPUT, "sd_add_column: table or column missing");
	if (cd->bad_type)
		return fail(m, SD_ERR_INPUT, "%s: %s", table, cd->bad_type);
	t = table_stub(m, table);
	if (cd->flags & SD_COL_PRIMARY_KEY) {
		sd_primary_key *pk = sd_arena_alloc(m->arena, sizeof(*pk));
		pk->base.kind = SD_OBJ_PRIMARY_KEY;
		pk->base.name = sd_arena_printf(m->arena, "pk_%s", table);
		sd_strlist_push(m->arena, &pk->columns, cd->c->base.name);
		t->primary_key = pk;
	}
	op = new_op(m, SD_OP_ADD_COLUMN);
	op->table = t;
	op->column_new = cd->c;
	rc = run_op(m, op);
	if (!rc && (cd->flags & SD_COL_PRIMARY_KEY))
		rc = sd_add_constraint(m, table, &(sd_constraint_def){
			.kind = SD_PRIMARY_KEY, .name = t->primary_key->base.name,
			.columns = (const char *const[]){cd->c->base.name, NULL}});
	if (!rc && (cd->flags & SD_COL_UNIQUE))
		rc = sd_add_constraint(m, table, &(sd_constraint_def){
			.kind = SD_UNIQUE,
			.name = sd_arena_printf(m->arena, "uq_%s_%s", table,
			                        cd->c->base.name),
			.columns = (const char *const[]){cd->c->base.name, NULL}});
	return rc;
}

int sd_drop_column(sd_migration *m, const char *table, const char *column)
{
	sd_column *c;
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(table) || bad_name(column))
		return fail(m, SD_ERR_INPUT, "sd_drop_column: table or column missing");
	c = sd_arena_alloc(m->arena, sizeof(*c));
	c->base.kind = SD_OBJ_COLUMN;
	c->base.name = sd_arena_strdup(m->arena, column);
	op = new_op(m, SD_OP_DROP_COLUMN);
	op->table = table_stub(m, table);
	op->column_old = c;
	return run_op(m, op);
}

int sd_rename_column(sd_migration *m, const char *table, const char *from,
                     const char *to)
{
	sd_column *a, *b;
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(table) || bad_name(from) || bad_name(to))
		return fail(m, SD_ERR_INPUT, "sd_rename_column: a name is missing");
	a = sd_arena_alloc(m->arena, sizeof(*a));
	b = sd_arena_alloc(m->arena, sizeof(*b));
	a->base.kind = b->base.kind = SD_OBJ_COLUMN;
	a->base.name = sd_arena_strdup(m->arena, from);
	b->base.name = sd_arena_strdup(m->arena, to);
	op = new_op(m, SD_OP_RENAME_COLUMN);
	op->table = table_stub(m, table);
	op->column_old = a;
	op->column_new = b;
	return run_op(m, op);
}

/*
 * One ALTER COLUMN. The old state comes from the database when there is
 * one (PostgreSQL drops and restores a default around a type change; SQLite
 * rebuilds the table from it); offline, a column with only a name stands
 * in for it. change() edits the copy that becomes the new state.
 */
typedef struct alter_args {
	unsigned changes;
	const char *type;
	bool nullable;
	const char *def;
} alter_args;

static int alter_column(sd_migration *m, const char *table,
                        const char *column, const alter_args *x)
{
	const sd_table *live = NULL;
	const sd_column *old = NULL;
	sd_column *neu;
	sd_type type;
	const char *why = NULL, *suggest = NULL;
	sd_op *op;
	size_t i;

	if (m->code)
		return m->code;
	if (bad_name(table) || bad_name(column))
		return fail(m, SD_ERR_INPUT, "alter column: table or column missing");
	if ((x->changes & SD_CHANGE_TYPE) &&
	    (!x->type || sd_type_parse(m->arena, x->type, &type, &why,
	                               &suggest) != SD_OK))
		return fail(m, SD_ERR_INPUT, "%s.%s: bad type '%s'%s%s", table,
		            column, x->type ? x->type : "(null)",
		            why ? ": " : "", why ? why : "");
	if (m->db || !m->d->caps->alter_column) {
		if (live_table(m, table, "altering a column", &live))
			return m->code;
		old = sd_table_find_column(live, column);
		if (!old)
			return fail(m, SD_ERR_INPUT, "%s: no column '%s'", table, column);
	} else {
		sd_column *stub = sd_arena_alloc(m->arena, sizeof(*stub));
		stub->base.kind = SD_OBJ_COLUMN;
		stub->base.name = sd_arena_strdup(m->arena, column);
		stub->nullable = true;
		old = stub;
	}
	neu = sd_arena_alloc(m->arena, sizeof(*neu));
	*neu = *old;
	if (x->changes & SD_CHANGE_TYPE) {
		neu->type = type;
		neu->type_sql = NULL;
	}
	if (x->changes & SD_CHANGE_NULLABLE)
		neu->nullable = x->nullable;
	if (x->changes & SD_CHANGE_DEFAULT) {
		neu->default_value.sql = sd_arena_strdup(m->arena, x->def);
		neu->default_value.canon = NULL;
	}
	if (!m->d->caps->alter_column) {
		sd_table *to = table_copy(m, live);
		for (i = 0; i < to->ncolumns; i++)
			if (to->columns[i] == old)
				to->columns[i] = neu;
		return run_rebuild(m, live, to);
	}
	op = new_op(m, SD_OP_ALTER_COLUMN);
	op->table = live ? live : table_stub(m, table);
	op->column_old = old;
	op->column_new = neu;
	op->changes = x->changes;
	return run_op(m, op);
}

int sd_alter_column_type(sd_migration *m, const char *table,
                         const char *column, const char *type)
{
	alter_args x = {.changes = SD_CHANGE_TYPE, .type = type};
	return alter_column(m, table, column, &x);
}

int sd_alter_column_nullable(sd_migration *m, const char *table,
                             const char *column, bool nullable)
{
	alter_args x = {.changes = SD_CHANGE_NULLABLE, .nullable = nullable};
	return alter_column(m, table, column, &x);
}

int sd_alter_column_default(sd_migration *m, const char *table,
                            const char *column, const char *sql)
{
	alter_args x = {.changes = SD_CHANGE_DEFAULT, .def = sql};
	return alter_column(m, table, column, &x);
}

/* ------------------------------------------------------------------ */
/* Indexes and constraints                                             */
/* ------------------------------------------------------------------ */

int sd_create_index(sd_migration *m, const char *table,
                    const sd_index_def *d)
{
	sd_index *ix;
	sd_op *op;
	size_t i, n = 0, cap = 0;

	if (m->code)
		return m->code;
	if (bad_name(table) || !d || bad_name(d->name))
		return fail(m, SD_ERR_INPUT, "sd_create_index: table or index name missing");
	for (i = 0; d->columns && d->columns[i]; i++)
		cap++;
	for (i = 0; d->expressions && d->expressions[i]; i++)
		cap++;
	cap += d->keys ? d->nkeys : 0;
	if (!cap)
		return fail(m, SD_ERR_INPUT, "index %s: no columns or keys", d->name);
	ix = sd_arena_alloc(m->arena, sizeof(*ix));
	ix->base.kind = SD_OBJ_INDEX;
	ix->base.schema = m->schema;
	ix->base.name = sd_arena_strdup(m->arena, d->name);
	ix->keys = sd_arena_alloc(m->arena, cap * sizeof(*ix->keys));
	for (i = 0; d->columns && d->columns[i]; i++)
		ix->keys[n++].column = sd_arena_strdup(m->arena, d->columns[i]);
	for (i = 0; d->expressions && d->expressions[i]; i++)
		ix->keys[n++].expression.sql =
			sd_arena_strdup(m->arena, d->expressions[i]);
	for (i = 0; d->keys && i < d->nkeys; i++) {
		const sd_index_key_def *k = &d->keys[i];
		sd_index_key *o = &ix->keys[n++];
		if (bad_name(k->column) && bad_name(k->expression))
			return fail(m, SD_ERR_INPUT,
			            "index %s: key %zu has neither column nor expression",
			            d->name, i + 1);
		o->column = k->column ? sd_arena_strdup(m->arena, k->column) : NULL;
		if (!o->column)
			o->expression.sql = sd_arena_strdup(m->arena, k->expression);
		o->desc = k->desc;
		o->nulls = k->nulls == 1   ? SD_NULLS_FIRST
		           : k->nulls == 2 ? SD_NULLS_LAST
		                           : SD_NULLS_DEFAULT;
		o->collation = sd_arena_strdup(m->arena, k->collation);
		o->opclass = sd_arena_strdup(m->arena, k->opclass);
	}
	ix->nkeys = n;
	ix->unique = d->unique;
	ix->nulls_not_distinct = d->nulls_not_distinct;
	ix->where.sql = sd_arena_strdup(m->arena, d->where);
	ix->method = sd_arena_strdup(m->arena, d->method);
	strlist_from(m->arena, &ix->include, d->include);
	ix->comment = sd_arena_strdup(m->arena, d->comment);
	op = new_op(m, SD_OP_CREATE_INDEX);
	op->table = table_stub(m, table);
	op->obj_new = &ix->base;
	if (d->concurrently) {
		op->concurrently = true;
		op->hazards |= SD_HAZARD_NO_TRANSACTION;
	}
	return run_op(m, op);
}

int sd_drop_index(sd_migration *m, const char *table, const char *name)
{
	sd_index *ix;
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(table) || bad_name(name))
		return fail(m, SD_ERR_INPUT, "sd_drop_index: table or index name missing");
	ix = sd_arena_alloc(m->arena, sizeof(*ix));
	ix->base.kind = SD_OBJ_INDEX;
	ix->base.schema = m->schema;
	ix->base.name = sd_arena_strdup(m->arena, name);
	op = new_op(m, SD_OP_DROP_INDEX);
	op->table = table_stub(m, table);
	op->obj_old = &ix->base;
	return run_op(m, op);
}

int sd_add_constraint(sd_migration *m, const char *table,
                      const sd_constraint_def *c)
{
	const char *why;
	sd_object *o;
	sd_table *t;
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(table))
		return fail(m, SD_ERR_INPUT, "sd_add_constraint: no table name");
	if (!m->d->caps->alter_constraints && c && c->kind != SD_UNIQUE) {
		/* SQLite: the table is rebuilt with the constraint */
		const sd_table *live;
		if (live_table(m, table, "adding this constraint", &live))
			return m->code;
		t = table_copy(m, live);
		if (c->kind == SD_PRIMARY_KEY) {
			size_t i;
			/* the key's columns become NOT NULL in the copy only */
			for (i = 0; i < t->ncolumns; i++) {
				sd_column *col = sd_arena_alloc(m->arena, sizeof(*col));
				*col = *t->columns[i];
				t->columns[i] = col;
			}
		}
		if (!constraint_build(m, t, c, &why))
			return fail(m, SD_ERR_INPUT, "%s: %s", table, why);
		return run_rebuild(m, live, t);
	}
	t = table_stub(m, table);
	if (!(o = constraint_build(m, t, c, &why)))
		return fail(m, SD_ERR_INPUT, "%s: %s", table, why);
	op = new_op(m, SD_OP_ADD_CONSTRAINT);
	op->table = t;
	op->obj_new = o;
	return run_op(m, op);
}

/* Removes the i-th entry of an array of n pointers. */
#define REMOVE_AT(arr, n, i)                                               \
	do {                                                               \
		memmove(&(arr)[i], &(arr)[(i) + 1],                        \
		        ((n) - (i) - 1) * sizeof(*(arr)));                 \
		(n)--;                                                     \
	} while (0)

/* SQLite: a unique constraint is an index (dropped as one); any other
 * kind goes with a rebuild of the table without it. */
static int drop_constraint_rebuild(sd_migration *m, const char *table,
                                   const char *name)
{
	const sd_table *live;
	sd_table *t;
	size_t i;

	if (live_table(m, table, "dropping a constraint", &live))
		return m->code;
	t = table_copy(m, live);
	for (i = 0; i < t->nuniques; i++)
		if (sd_streq(t->uniques[i]->base.name, name)) {
			sd_op *op = new_op(m, SD_OP_DROP_CONSTRAINT);
			op->table = live;
			op->obj_old = &t->uniques[i]->base;
			return run_op(m, op);
		}
	for (i = 0; i < t->nindexes; i++)
		if (sd_streq(t->indexes[i]->base.name, name) &&
		    (t->indexes[i]->unique || t->indexes[i]->constraint_backed)) {
			if (!t->indexes[i]->constraint_backed) {
				sd_op *op = new_op(m, SD_OP_DROP_INDEX);
				op->table = live;
				op->obj_old = &t->indexes[i]->base;
				return run_op(m, op);
			}
			REMOVE_AT(t->indexes, t->nindexes, i);
			return run_rebuild(m, live, t);
		}
	for (i = 0; i < t->nchecks; i++)
		if (sd_streq(t->checks[i]->base.name, name)) {
			REMOVE_AT(t->checks, t->nchecks, i);
			return run_rebuild(m, live, t);
		}
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_streq(t->foreign_keys[i]->base.name, name)) {
			REMOVE_AT(t->foreign_keys, t->nforeign_keys, i);
			return run_rebuild(m, live, t);
		}
	if (t->primary_key && sd_streq(t->primary_key->base.name, name)) {
		t->primary_key = NULL;
		return run_rebuild(m, live, t);
	}
	return fail(m, SD_ERR_INPUT, "%s: no constraint '%s'", table, name);
}

int sd_drop_constraint(sd_migration *m, const char *table, const char *name)
{
	sd_check *stub;
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(table) || bad_name(name))
		return fail(m, SD_ERR_INPUT, "sd_drop_constraint: table or name missing");
	if (!m->d->caps->alter_constraints)
		return drop_constraint_rebuild(m, table, name);
	/* PostgreSQL drops any kind by name */
	stub = sd_arena_alloc(m->arena, sizeof(*stub));
	stub->base.kind = SD_OBJ_CHECK;
	stub->base.schema = m->schema;
	stub->base.name = sd_arena_strdup(m->arena, name);
	op = new_op(m, SD_OP_DROP_CONSTRAINT);
	op->table = table_stub(m, table);
	op->obj_old = &stub->base;
	return run_op(m, op);
}

/* ------------------------------------------------------------------ */
/* Enums                                                               */
/* ------------------------------------------------------------------ */

static sd_enum *enum_stub(sd_migration *m, const char *name)
{
	sd_enum *e = sd_arena_alloc(m->arena, sizeof(*e));

	e->base.kind = SD_OBJ_ENUM;
	e->base.schema = m->schema;
	e->base.name = sd_arena_strdup(m->arena, name);
	return e;
}

int sd_create_enum(sd_migration *m, const char *name,
                   const char *const *values)
{
	sd_enum *e;
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(name) || !values || !values[0])
		return fail(m, SD_ERR_INPUT, "sd_create_enum: a name and values are needed");
	e = enum_stub(m, name);
	strlist_from(m->arena, &e->values, values);
	op = new_op(m, SD_OP_CREATE_ENUM);
	op->obj_new = &e->base;
	return run_op(m, op);
}

int sd_drop_enum(sd_migration *m, const char *name)
{
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(name))
		return fail(m, SD_ERR_INPUT, "sd_drop_enum: no name");
	op = new_op(m, SD_OP_DROP_ENUM);
	op->obj_old = &enum_stub(m, name)->base;
	return run_op(m, op);
}

int sd_add_enum_value(sd_migration *m, const char *name, const char *value,
                      const char *before, const char *after)
{
	sd_op *op;

	if (m->code)
		return m->code;
	if (bad_name(name) || !value)
		return fail(m, SD_ERR_INPUT, "sd_add_enum_value: name or value missing");
	if (before && after)
		return fail(m, SD_ERR_INPUT,
		            "sd_add_enum_value: give before or after, not both");
	op = new_op(m, SD_OP_ADD_ENUM_VALUE);
	op->obj_new = &enum_stub(m, name)->base;
	op->name_new = sd_arena_strdup(m->arena, value);
	op->value_anchor = sd_arena_strdup(m->arena, before ? before : after);
	op->anchor_before = before != NULL;
	return run_op(m, op);
}

/* ------------------------------------------------------------------ */
/* Data                                                                */
/* ------------------------------------------------------------------ */

int sd_execute_params(sd_migration *m, const char *sql, size_t nparams,
                      const char *const *params)
{
	if (m->code)
		return m->code;
	if (!sql)
		return fail(m, SD_ERR_INPUT, "sd_execute: no SQL");
	return run_stmt(m, sql, (long)nparams, params, NULL);
}

int sd_execute_list(sd_migration *m, size_t n, const char *const *list)
{
	return sd_execute_params(m, list[0], n, list + 1);
}

int sd_execute_script(sd_migration *m, const char *sql)
{
	if (m->code)
		return m->code;
	if (!sql)
		return fail(m, SD_ERR_INPUT, "sd_execute_script: no SQL");
	return run_script(m, sql);
}

int sd_execute_script_parts(sd_migration *m, const char *const *parts)
{
	sd_buf sql = SD_BUF_INIT;
	size_t i;
	int rc;

	if (m->code)
		return m->code;
	if (!parts)
		return fail(m, SD_ERR_INPUT, "sd_execute_script_parts: no SQL");
	for (i = 0; parts[i]; i++)
		sd_buf_put(&sql, parts[i]);
	rc = run_script(m, sd_buf_cstr(&sql));
	sd_buf_free(&sql);
	return rc;
}

int sd_query_params(sd_cursor **out, sd_migration *m, const char *sql,
                    size_t nparams, const char *const *params)
{
	sd_rows *rows = NULL;
	sd_cursor *c;
	int rc;

	if (m->code)
		return m->code;
	if (!sql || !out)
		return fail(m, SD_ERR_INPUT, "sd_query: no SQL or no cursor");
	if (m->db) {
		/* a query reads: keep the live schema, report the statement */
		sd_error e = SD_ERROR_INIT;
		if (m->on_statement)
			m->on_statement(m->ctx, sql);
		rc = m->db->driver->query(m->db, sql, params, nparams, &rows, &e);
		if (rc)
			return fail_diag(m, SD_ERR_DB, &e);
	}
	c = sd_xcalloc(1, sizeof(*c));
	c->rows = rows;
	c->m = m;
	c->nextc = m->cursors;
	if (m->cursors)
		m->cursors->prev = c;
	m->cursors = c;
	*out = c;
	return 0;
}

int sd_query_list(sd_cursor **out, sd_migration *m, size_t n,
                  const char *const *list)
{
	return sd_query_params(out, m, list[0], n, list + 1);
}

bool sd_cursor_next(sd_cursor *c)
{
	if (!c || !c->rows || c->next >= c->rows->nrows)
		return false;
	c->next++;
	return true;
}

const char *sd_cursor_text(const sd_cursor *c, size_t col)
{
	if (!c || !c->rows || c->next == 0 || col >= c->rows->ncols)
		return NULL;
	return sd_rows_get(c->rows, c->next - 1, col);
}

size_t sd_cursor_columns(const sd_cursor *c)
{
	return c && c->rows ? c->rows->ncols : 0;
}

const char *sd_cursor_name(const sd_cursor *c, size_t col)
{
	if (!c || !c->rows || col >= c->rows->ncols)
		return NULL;
	return c->rows->names[col];
}

void sd_cursor_free(sd_cursor *c)
{
	if (!c)
		return;
	if (c->prev)
		c->prev->nextc = c->nextc;
	else
		c->m->cursors = c->nextc;
	if (c->nextc)
		c->nextc->prev = c->prev;
	sd_rows_free(c->rows);
	free(c);
}
