/*
 * lint.c - a revision's statements read by PostgreSQL's grammar
 * (libpg_query's JSON parse tree) and held against what each takes and
 * blocks (lint.h).
 *
 * Each statement becomes one or more actions: the operation of a plan it
 * stands for (sd_op: the dialect's lock table takes the same input the
 * review page gives it) and the facts the rules need (CONCURRENTLY, NOT
 * VALID, USING INDEX, a volatile default...). The rules then look at the
 * action in its place: a table created earlier in the revision has no
 * rows, so nothing on it is a hazard.
 */
#include "revision/lint.h"

#include <cjson/cJSON.h>
#include <pg_query.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sd_lint_level_name(sd_lint_level level)
{
	static const char *const names[] = {"info", "warning", "blocking",
	                                    "data-loss"};

	return (unsigned)level < SD_ARRAY_LEN(names) ? names[level] : "?";
}

bool sd_lint_level_parse(const char *name, sd_lint_level *out)
{
	sd_lint_level l;

	if (sd_streq(name, "data_loss"))
		name = "data-loss";
	for (l = SD_LINT_INFO; l <= SD_LINT_DATA_LOSS; l++)
		if (sd_streq(name, sd_lint_level_name(l))) {
			*out = l;
			return true;
		}
	return false;
}

void sd_lint_init(sd_lint *l)
{
	memset(l, 0, sizeof(*l));
	l->a = sd_arena_new();
}

void sd_lint_free(sd_lint *l)
{
	sd_arena_free(l->a);
	memset(l, 0, sizeof(*l));
}

size_t sd_lint_count(const sd_lint *l, sd_lint_level level)
{
	size_t i, n = 0;

	for (i = 0; i < l->findings.n; i++)
		if (((const sd_lint_finding *)l->findings.items[i])->level >= level)
			n++;
	return n;
}

/* ------------------------------------------------------------------ */
/* The parse tree                                                      */
/* ------------------------------------------------------------------ */

static cJSON *get(const cJSON *o, const char *key)
{
	return o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = get(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool flag(const cJSON *o, const char *key)
{
	return cJSON_IsTrue(get(o, key));
}

/* The last String of a name list: [{"String":{"sval":"pg_catalog"}},
 * {"String":{"sval":"int4"}}] -> "int4". */
static const char *last_name(const cJSON *list)
{
	const cJSON *it, *last = NULL;

	cJSON_ArrayForEach(it, list)
		last = it;
	return str(get(last, "String"), "sval");
}

/* Whether the tree under o calls a volatile function (util/sql.h). */
static bool calls_volatile(const cJSON *o)
{
	const cJSON *it;

	if (!o)
		return false;
	if (cJSON_IsObject(o) && get(o, "FuncCall") &&
	    sd_sql_function_volatile(last_name(get(get(o, "FuncCall"),
	                                           "funcname"))))
		return true;
	for (it = o->child; it; it = it->next)
		if (calls_volatile(it))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

/* What one statement (or one command of an ALTER TABLE) does. */
typedef struct action {
	sd_op op;            /* for the dialect's lock table */
	const char *rel;     /* the relation's key: schema.name or name */
	const char *column;
	const char *name;    /* constraint or index */
	bool concurrent;
	bool not_valid;
	bool using_index;
	bool rewrites;       /* ADD COLUMN with a value computed per row */
	bool not_null;       /* ADD COLUMN ... NOT NULL */
	bool has_default;
	bool has_where;      /* UPDATE, DELETE */
	bool to_string;      /* ALTER TYPE to text or varchar */
	const char *nn_column; /* CHECK (col IS NOT NULL) */
	const sd_strlist *targets; /* UPDATE: the columns set */
	const char *copy_from;     /* INSERT INTO rel SELECT ... FROM this */
	const char *what;    /* short words for the statement */
} action;

typedef struct reader {
	sd_arena *a;
	sd_vec actions;
} reader;

static action *act(reader *rd, sd_op_kind kind, const char *rel,
                   const char *what)
{
	action *x = sd_arena_alloc(rd->a, sizeof(*x));

	x->op.kind = kind;
	x->rel = rel;
	x->what = what;
	sd_vec_push(rd->a, &rd->actions, x);
	return x;
}

/* A RangeVar as "schema.name" (or "name"). */
static const char *range_var(reader *rd, const cJSON *rv)
{
	const char *schema = str(rv, "schemaname"), *name = str(rv, "relname");

	if (!name)
		return NULL;
	return schema ? sd_arena_printf(rd->a, "%s.%s", schema, name)
	              : sd_arena_strdup(rd->a, name);
}

/* A List of Strings (DROP objects) as "a.b". */
static const char *dotted(reader *rd, const cJSON *list)
{
	sd_buf b = SD_BUF_INIT;
	const cJSON *it, *items = get(list, "items");
	const char *out;

	if (!items)
		items = list;
	cJSON_ArrayForEach(it, items)
	{
		const char *s = str(get(it, "String"), "sval");
		if (!s)
			continue;
		sd_buf_printf(&b, "%s%s", b.len ? "." : "", s);
	}
	out = sd_arena_strdup(rd->a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/* The objects the actions point at, made once so the lock table sees
 * what a plan would give it. */
static void set_obj(reader *rd, action *x, sd_obj_kind kind)
{
	switch (kind) {
	case SD_OBJ_FOREIGN_KEY: {
		sd_foreign_key *fk = sd_arena_alloc(rd->a, sizeof(*fk));
		fk->base.kind = kind;
		fk->not_valid = x->not_valid;
		x->op.obj_new = &fk->base;
		break;
	}
	case SD_OBJ_CHECK: {
		sd_check *ck = sd_arena_alloc(rd->a, sizeof(*ck));
		ck->base.kind = kind;
		ck->not_valid = x->not_valid;
		x->op.obj_new = &ck->base;
		break;
	}
	default: {
		sd_object *o = sd_arena_alloc(rd->a, sizeof(*o));
		o->kind = kind;
		x->op.obj_new = o;
		break;
	}
	}
	if (x->op.obj_new)
		((sd_object *)x->op.obj_new)->name = x->name;
}

static void add_column(reader *rd, const char *rel, const cJSON *def)
{
	const cJSON *c, *cons = get(def, "constraints");
	const char *type = last_name(get(get(def, "typeName"), "names"));
	action *x = act(rd, SD_OP_ADD_COLUMN, rel, "ADD COLUMN");

	x->column = str(def, "colname");
	cJSON_ArrayForEach(c, cons)
	{
		const cJSON *k = get(c, "Constraint");
		const char *t = str(k, "contype");
		if (sd_streq(t, "CONSTR_NOTNULL") || sd_streq(t, "CONSTR_PRIMARY"))
			x->not_null = true;
		if (sd_streq(t, "CONSTR_DEFAULT")) {
			x->has_default = true;
			x->rewrites |= calls_volatile(get(k, "raw_expr"));
		}
		if (sd_streq(t, "CONSTR_IDENTITY") ||
		    sd_streq(t, "CONSTR_GENERATED"))
			x->rewrites = x->has_default = true;
	}
	if (type && (sd_streq(type, "serial") || sd_streq(type, "bigserial") ||
	             sd_streq(type, "smallserial")))
		x->rewrites = x->has_default = true;
}

static void add_constraint(reader *rd, const char *rel, const cJSON *k)
{
	const char *t = str(k, "contype");
	action *x = act(rd, SD_OP_ADD_CONSTRAINT, rel, "ADD CONSTRAINT");
	sd_obj_kind kind = SD_OBJ_CHECK;

	x->name = str(k, "conname");
	x->not_valid = flag(k, "skip_validation");
	x->using_index = str(k, "indexname") != NULL;
	x->op.concurrently = x->using_index;
	if (sd_streq(t, "CONSTR_FOREIGN")) {
		kind = SD_OBJ_FOREIGN_KEY;
		x->what = "ADD FOREIGN KEY";
	} else if (sd_streq(t, "CONSTR_UNIQUE") ||
	           sd_streq(t, "CONSTR_EXCLUSION")) {
		kind = SD_OBJ_UNIQUE;
		x->what = "ADD UNIQUE";
	} else if (sd_streq(t, "CONSTR_PRIMARY")) {
		kind = SD_OBJ_PRIMARY_KEY;
		x->what = "ADD PRIMARY KEY";
	} else {
		const cJSON *nt = get(get(k, "raw_expr"), "NullTest");
		x->what = "ADD CHECK";
		if (nt && sd_streq(str(nt, "nulltesttype"), "IS_NOT_NULL"))
			x->nn_column = last_name(get(get(get(nt, "arg"),
			                                 "ColumnRef"),
			                             "fields"));
	}
	set_obj(rd, x, kind);
}

static void alter_column(reader *rd, action *x, unsigned changes,
                         bool nullable)
{
	sd_column *c = sd_arena_alloc(rd->a, sizeof(*c));

	c->base.kind = SD_OBJ_COLUMN;
	c->base.name = x->column;
	c->nullable = nullable;
	x->op.column_new = c;
	x->op.changes = changes;
}

/*
 * The table settings of ALTER TABLE (emit/pg_table.c's statements): SET
 * LOGGED / UNLOGGED rewrites the table; CLUSTER ON, SET WITHOUT CLUSTER,
 * SET / RESET (storage parameters) and SET STATISTICS take SHARE UPDATE
 * EXCLUSIVE. False for another command.
 */
static bool table_setting(reader *rd, const char *rel, const char *sub)
{
	static const struct {
		const char *sub;
		unsigned changes;
		const char *what;
	} settings[] = {
		{"AT_SetLogged", SD_CHANGE_PERSISTENCE, "SET LOGGED"},
		{"AT_SetUnLogged", SD_CHANGE_PERSISTENCE, "SET UNLOGGED"},
		{"AT_ClusterOn", SD_CHANGE_CLUSTER, "CLUSTER ON"},
		{"AT_DropCluster", SD_CHANGE_CLUSTER, "SET WITHOUT CLUSTER"},
		{"AT_SetRelOptions", SD_CHANGE_OPTIONS, "SET (...)"},
		{"AT_ResetRelOptions", SD_CHANGE_OPTIONS, "RESET (...)"},
		/* a column's, under the storage parameters' lock */
		{"AT_SetStatistics", SD_CHANGE_OPTIONS, "SET STATISTICS"},
	};
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(settings); i++) {
		sd_table *t;
		action *x;
		if (!sd_streq(sub, settings[i].sub))
			continue;
		t = sd_arena_alloc(rd->a, sizeof(*t));
		t->base.kind = SD_OBJ_TABLE;
		t->base.name = rel;
		x = act(rd, SD_OP_ALTER_OBJECT, rel, settings[i].what);
		x->op.changes = settings[i].changes;
		x->op.obj_old = x->op.obj_new = &t->base;
		x->rewrites = settings[i].changes == SD_CHANGE_PERSISTENCE;
		return true;
	}
	return false;
}

static void alter_table(reader *rd, const cJSON *s)
{
	const char *rel = range_var(rd, get(s, "relation"));
	const cJSON *c;

	cJSON_ArrayForEach(c, get(s, "cmds"))
	{
		const cJSON *cmd = get(c, "AlterTableCmd");
		const char *sub = str(cmd, "subtype");
		const cJSON *def = get(cmd, "def");
		action *x;
		if (sd_streq(sub, "AT_AddColumn")) {
			add_column(rd, rel, get(def, "ColumnDef"));
		} else if (sd_streq(sub, "AT_DropColumn")) {
			x = act(rd, SD_OP_DROP_COLUMN, rel, "DROP COLUMN");
			x->column = str(cmd, "name");
		} else if (sd_streq(sub, "AT_AlterColumnType")) {
			const char *type = last_name(get(get(get(def, "ColumnDef"),
			                                     "typeName"),
			                                 "names"));
			x = act(rd, SD_OP_ALTER_COLUMN, rel, "ALTER COLUMN TYPE");
			x->column = str(cmd, "name");
			x->to_string = sd_streq(type, "text") ||
			               sd_streq(type, "varchar") ||
			               sd_streq(type, "numeric");
			alter_column(rd, x, SD_CHANGE_TYPE, true);
		} else if (sd_streq(sub, "AT_SetNotNull")) {
			x = act(rd, SD_OP_ALTER_COLUMN, rel, "SET NOT NULL");
			x->column = str(cmd, "name");
			alter_column(rd, x, SD_CHANGE_NULLABLE, false);
		} else if (sd_streq(sub, "AT_AddConstraint")) {
			add_constraint(rd, rel, get(def, "Constraint"));
		} else if (table_setting(rd, rel, sub)) {
			continue;
		} else if (sd_streq(sub, "AT_ValidateConstraint")) {
			x = act(rd, SD_OP_VALIDATE_CONSTRAINT, rel,
			        "VALIDATE CONSTRAINT");
			x->name = str(cmd, "name");
		} else {
			/* the other commands update the catalog under
			 * ACCESS EXCLUSIVE (or less): drops of constraints and
			 * defaults, DROP NOT NULL, options */
			x = act(rd, SD_OP_DROP_CONSTRAINT, rel, "ALTER TABLE");
			x->column = str(cmd, "name");
		}
	}
}

static void drop(reader *rd, const cJSON *s)
{
	const char *type = str(s, "removeType");
	const cJSON *o;

	cJSON_ArrayForEach(o, get(s, "objects"))
	{
		action *x;
		if (sd_streq(type, "OBJECT_TABLE")) {
			x = act(rd, SD_OP_DROP_TABLE, dotted(rd, get(o, "List")),
			        "DROP TABLE");
		} else if (sd_streq(type, "OBJECT_INDEX")) {
			x = act(rd, SD_OP_DROP_INDEX, dotted(rd, get(o, "List")),
			        "DROP INDEX");
			x->concurrent = x->op.concurrently = flag(s, "concurrent");
		} else if (sd_streq(type, "OBJECT_SCHEMA")) {
			x = act(rd, SD_OP_DROP_NAMESPACE,
			        str(get(o, "String"), "sval"), "DROP SCHEMA");
			x->has_where = !sd_streq(str(s, "behavior"),
			                         "DROP_CASCADE");
		} else {
			act(rd, SD_OP_DROP_ENUM, NULL, "DROP");
		}
	}
}

static void update(reader *rd, const cJSON *s)
{
	action *x = act(rd, SD_OP_BACKFILL, range_var(rd, get(s, "relation")),
	                "UPDATE");
	sd_strlist *targets = sd_arena_alloc(rd->a, sizeof(*targets));
	const cJSON *t;

	x->has_where = get(s, "whereClause") && !get(s, "fromClause") &&
	               !get(s, "returningList");
	cJSON_ArrayForEach(t, get(s, "targetList"))
	{
		const char *col = str(get(t, "ResTarget"), "name");
		if (col)
			sd_strlist_push(rd->a, targets, sd_arena_strdup(rd->a, col));
	}
	x->targets = targets;
}

/* INSERT INTO a SELECT ... FROM b: what a table rebuild copies from. */
static void insert(reader *rd, const cJSON *s)
{
	action *x = act(rd, SD_OP_NOOP, range_var(rd, get(s, "relation")),
	                "INSERT");
	const cJSON *sel = get(get(s, "selectStmt"), "SelectStmt");
	const cJSON *from = get(sel, "fromClause");

	if (cJSON_GetArraySize(from) == 1)
		x->copy_from = range_var(rd, get(cJSON_GetArrayItem(from, 0),
		                                 "RangeVar"));
}

static void rename_stmt(reader *rd, const cJSON *s)
{
	const char *type = str(s, "renameType");
	const char *rel = range_var(rd, get(s, "relation"));
	action *x;

	if (sd_streq(type, "OBJECT_COLUMN")) {
		x = act(rd, SD_OP_RENAME_COLUMN, rel, "RENAME COLUMN");
		x->column = str(s, "subname");
	} else if (sd_streq(type, "OBJECT_TABLE")) {
		x = act(rd, SD_OP_RENAME_TABLE, rel, "RENAME TABLE");
		x->name = str(s, "newname");
	} else {
		act(rd, SD_OP_RENAME_INDEX, rel, "RENAME");
	}
}

/* Reads the actions of one statement, false when it does not parse. */
static bool read_statement(reader *rd, const char *sql, cJSON **tree)
{
	PgQueryParseResult r = pg_query_parse(sql);
	const cJSON *it;

	*tree = NULL;
	if (r.error) {
		pg_query_free_parse_result(r);
		return false;
	}
	*tree = cJSON_Parse(r.parse_tree);
	pg_query_free_parse_result(r);
	cJSON_ArrayForEach(it, get(*tree, "stmts"))
	{
		const cJSON *st = get(it, "stmt");
		const cJSON *s = st ? st->child : NULL;
		const char *kind = s ? s->string : "";
		action *x;
		if (strcmp(kind, "IndexStmt") == 0) {
			x = act(rd, SD_OP_CREATE_INDEX,
			        range_var(rd, get(s, "relation")), "CREATE INDEX");
			x->name = str(s, "idxname");
			x->concurrent = x->op.concurrently = flag(s, "concurrent");
		} else if (strcmp(kind, "CreateStmt") == 0) {
			act(rd, SD_OP_CREATE_TABLE, range_var(rd, get(s, "relation")),
			    "CREATE TABLE");
		} else if (strcmp(kind, "AlterTableStmt") == 0) {
			alter_table(rd, s);
		} else if (strcmp(kind, "DropStmt") == 0) {
			drop(rd, s);
		} else if (strcmp(kind, "UpdateStmt") == 0) {
			update(rd, s);
		} else if (strcmp(kind, "InsertStmt") == 0) {
			insert(rd, s);
		} else if (strcmp(kind, "DeleteStmt") == 0) {
			x = act(rd, SD_OP_NOOP, range_var(rd, get(s, "relation")),
			        "DELETE");
			x->has_where = get(s, "whereClause") != NULL;
		} else if (strcmp(kind, "TruncateStmt") == 0) {
			const cJSON *rv;
			cJSON_ArrayForEach(rv, get(s, "relations"))
				act(rd, SD_OP_DROP_TABLE,
				    range_var(rd, get(rv, "RangeVar")), "TRUNCATE");
		} else if (strcmp(kind, "RenameStmt") == 0) {
			rename_stmt(rd, s);
		} else if (strcmp(kind, "AlterEnumStmt") == 0) {
			act(rd, SD_OP_ADD_ENUM_VALUE, NULL, "ALTER TYPE");
		} else if (strcmp(kind, "DoStmt") == 0) {
			act(rd, SD_OP__COUNT, NULL, "DO");
		} else {
			act(rd, SD_OP_NOOP, NULL, kind);
		}
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* The rules                                                           */
/* ------------------------------------------------------------------ */

/* What the revision has done before the statement at hand. */
typedef struct context {
	sd_lint *l;
	const sd_dialect *d;
	const sd_revision *r;
	bool online;         /* the dialect has lock-safe forms (PostgreSQL) */
	sd_map *created;     /* tables created in the revision */
	sd_map *copied;      /* table -> the table a rebuild copied it to */
	sd_map *tx_locked;   /* table -> "LOCK (since line N)": a lock that
	                      * blocks writes, held by the current
	                      * transactional step */
	sd_map *nn_checks;   /* constraint -> "table.column" (NOT NULL checks
	                      * added NOT VALID) */
	sd_map *proven;      /* "table.column" with a valid NOT NULL check */
	sd_map *filled;      /* "table.column" updated by the revision */
	const sd_rev_step *step;
	const char *stmt;
	int line;
} context;

static const char *one_line(sd_arena *a, const char *sql)
{
	sd_buf b = SD_BUF_INIT;
	const char *p, *out;
	bool space = false;

	for (p = sql; *p && b.len < 100; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			sd_buf_putc(&b, ' ');
		space = false;
		sd_buf_putc(&b, *p);
	}
	if (*p)
		sd_buf_put(&b, " ...");
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static void report(context *c, const action *x, sd_lint_level level,
                   const char *hazard, const char *fmt, ...) SD_PRINTF(5, 6);

static void report(context *c, const action *x, sd_lint_level level,
                   const char *hazard, const char *fmt, ...)
{
	sd_lint_finding *f = sd_arena_alloc(c->l->a, sizeof(*f));
	sd_buf msg = SD_BUF_INIT;
	sd_op_lock lk = {"?", "?", false};
	va_list ap;

	va_start(ap, fmt);
	sd_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (x && x->op.kind < SD_OP__COUNT && c->d->op_lock)
		c->d->op_lock(&lk, &x->op);
	f->level = level;
	f->hazard = hazard;
	f->path = c->r->path;
	f->line = c->line;
	f->revision = c->r->id[0] ? c->r->id : NULL;
	f->relation = x ? x->rel : NULL;
	f->lock = x && x->op.kind < SD_OP__COUNT ? lk.lock : NULL;
	f->blocks = x && x->op.kind < SD_OP__COUNT ? lk.blocks : NULL;
	f->statement = c->stmt ? one_line(c->l->a, c->stmt) : NULL;
	f->message = sd_arena_strdup(c->l->a, sd_buf_cstr(&msg));
	sd_vec_push(c->l->a, &c->l->findings, f);
	sd_buf_free(&msg);
}

static const char *col_key(context *c, const char *rel, const char *col)
{
	return sd_arena_printf(c->l->a, "%s.%s", rel ? rel : "",
	                       col ? col : "");
}

static bool in_tx(const context *c)
{
	return c->step->kind != SD_STEP_NONTRANSACTIONAL;
}

static void rule_index(context *c, const action *x)
{
	if (x->concurrent && in_tx(c))
		report(c, x, SD_LINT_BLOCKING, "transaction",
		       "%s CONCURRENTLY cannot run inside a transaction: put it "
		       "in a `%s %s` step",
		       x->what, SD_STEP_MARKER, SD_STEP_WORD_NONTX);
	else if (x->concurrent)
		report(c, x, SD_LINT_INFO, "index-build",
		       "%s %s concurrently: reads and writes of %s go on; an "
		       "interrupted build is dropped and built again by the "
		       "next run",
		       x->op.kind == SD_OP_CREATE_INDEX ? "builds index"
		                                        : "drops index",
		       x->name ? x->name : x->rel, x->rel);
	else if (x->op.kind == SD_OP_CREATE_INDEX)
		report(c, x, SD_LINT_BLOCKING, "index-build",
		       "builds index %s on %s: writes wait until the build ends; "
		       "use CREATE INDEX CONCURRENTLY in a `%s %s` step",
		       x->name ? x->name : "(unnamed)", x->rel, SD_STEP_MARKER,
		       SD_STEP_WORD_NONTX);
	else
		report(c, x, SD_LINT_WARNING, "index-drop",
		       "drops index %s under ACCESS EXCLUSIVE on its table; "
		       "DROP INDEX CONCURRENTLY in a `%s %s` step waits for "
		       "nobody",
		       x->rel, SD_STEP_MARKER, SD_STEP_WORD_NONTX);
}

static void rule_constraint(context *c, const action *x)
{
	if (x->nn_column && x->not_valid && x->name)
		sd_map_put(c->nn_checks, x->name,
		           (void *)col_key(c, x->rel, x->nn_column));
	if (x->using_index || x->not_valid)
		return;
	if (x->nn_column)
		sd_map_put(c->proven, col_key(c, x->rel, x->nn_column), "");
	report(c, x, SD_LINT_BLOCKING, "validation",
	       "%s %s checks every row of %s while the lock is held; %s",
	       x->what, x->name ? x->name : "", x->rel,
	       x->op.obj_new->kind == SD_OBJ_UNIQUE ||
	               x->op.obj_new->kind == SD_OBJ_PRIMARY_KEY
	           ? "build a unique index CONCURRENTLY in a nontransactional "
	             "step, then ADD CONSTRAINT ... USING INDEX"
	           : "add it NOT VALID, then VALIDATE CONSTRAINT in a later "
	             "step");
}

static void rule_validate(context *c, const action *x)
{
	const char *nn = x->name ? sd_map_get(c->nn_checks, x->name) : NULL;
	const char *held = sd_map_get(c->tx_locked, x->rel);

	if (nn)
		sd_map_put(c->proven, nn, "");
	if (held && in_tx(c))
		report(c, x, SD_LINT_BLOCKING, "validation",
		       "validates %s while this transaction holds %s on %s: "
		       "writers wait through the scan; validate in a step of "
		       "its own",
		       x->name, held, x->rel);
	else
		report(c, x, SD_LINT_INFO, "validation",
		       "validates %s: scans %s, reads and writes go on", x->name,
		       x->rel);
}

static void rule_alter_column(context *c, const action *x)
{
	const char *key = col_key(c, x->rel, x->column);

	if (x->op.changes & SD_CHANGE_TYPE) {
		report(c, x, x->to_string ? SD_LINT_WARNING : SD_LINT_BLOCKING,
		       "rewrite",
		       "changes the type of %s.%s: %s", x->rel, x->column,
		       x->to_string
		           ? "a longer string or numeric keeps the rows as they "
		             "are; anything else rewrites the table and its "
		             "indexes while reads and writes wait"
		           : "rewrites the table and its indexes while reads and "
		             "writes wait");
		return;
	}
	if (sd_map_get(c->proven, key))
		return;
	report(c, x, SD_LINT_BLOCKING, "not-null",
	       "SET NOT NULL on %s.%s scans the table while reads and writes "
	       "wait; add CHECK (%s IS NOT NULL) NOT VALID and VALIDATE it in "
	       "an earlier step, so the server proves it without a scan",
	       x->rel, x->column, x->column);
	if (!sd_map_get(c->filled, key))
		report(c, x, SD_LINT_WARNING, "not-null",
		       "SET NOT NULL on %s.%s without a backfill in this "
		       "revision: fails if a row holds NULL",
		       x->rel, x->column);
}

static void rule_add_column(context *c, const action *x)
{
	if (x->rewrites)
		report(c, x, SD_LINT_BLOCKING, "rewrite",
		       "adds %s.%s with a value computed per row: rewrites %s "
		       "while reads and writes wait; add it without, then fill "
		       "it in a batch step",
		       x->rel, x->column, x->rel);
	else if (x->not_null && !x->has_default)
		report(c, x, SD_LINT_WARNING, "not-null",
		       "adds NOT NULL column %s.%s without a default: fails if "
		       "%s has rows (give it a default or a backfill)",
		       x->rel, x->column, x->rel);
}

static void rule_update(context *c, const action *x)
{
	size_t i;

	for (i = 0; x->targets && i < x->targets->n; i++)
		sd_map_put(c->filled, col_key(c, x->rel, x->targets->items[i]),
		           "");
	if (c->step->kind == SD_STEP_BATCHED) {
		if (!x->has_where)
			report(c, x, SD_LINT_BLOCKING, "batch",
			       "a batch step's UPDATE needs a WHERE that leaves out "
			       "the rows already done, and no FROM or RETURNING");
		else
			report(c, x, SD_LINT_INFO, "batch",
			       "updates %s in batches, each its own short "
			       "transaction", x->rel);
		return;
	}
	report(c, x, SD_LINT_WARNING, "rows",
	       "updates rows of %s in one transaction: their writers wait "
	       "until it commits; a `%s %s` step updates in short batches",
	       x->rel, SD_STEP_MARKER, SD_STEP_WORD_BATCH);
}

static void rule_drop_table(context *c, const action *x)
{
	const char *to = sd_map_get(c->copied, x->rel);

	if (to) {
		report(c, x, SD_LINT_INFO, "rebuild",
		       "rebuilds %s: its rows were copied into %s", x->rel, to);
		return;
	}
	report(c, x, SD_LINT_DATA_LOSS, "data-loss", "%s %s: its rows are gone",
	       x->what, x->rel);
}

static void apply_rules(context *c, const action *x)
{
	bool fresh = x->rel && sd_map_get(c->created, x->rel);

	if (x->op.kind == SD_OP__COUNT) {
		report(c, x, SD_LINT_WARNING, "unanalysed",
		       "a DO block: the statements it runs are not analysed");
		return;
	}
	if (x->op.kind == SD_OP_CREATE_TABLE) {
		sd_map_put(c->created, x->rel, "");
		return;
	}
	if (x->op.kind == SD_OP_RENAME_TABLE && x->name)
		sd_map_put(c->created, x->name, fresh ? "" : NULL);
	if (x->copy_from)
		sd_map_put(c->copied, x->copy_from, (void *)x->rel);
	if (fresh && sd_streq(x->what, "INSERT"))
		sd_map_put(c->created, x->rel, NULL); /* rows now: a rebuild */
	if (fresh)
		return;
	switch (x->op.kind) {
	case SD_OP_DROP_TABLE:
		rule_drop_table(c, x);
		return;
	case SD_OP_DROP_COLUMN:
		report(c, x, SD_LINT_DATA_LOSS, "data-loss",
		       "drops column %s.%s: its values are gone", x->rel,
		       x->column);
		return;
	case SD_OP_DROP_NAMESPACE:
		if (!x->has_where)
			report(c, x, SD_LINT_DATA_LOSS, "data-loss",
			       "drops schema %s with CASCADE: every table in it "
			       "goes", x->rel);
		return;
	case SD_OP_NOOP:
		if (sd_streq(x->what, "DELETE"))
			report(c, NULL, x->has_where ? SD_LINT_WARNING
			                             : SD_LINT_DATA_LOSS,
			       "data-loss", "deletes %s rows of %s",
			       x->has_where ? "some" : "all", x->rel);
		return;
	case SD_OP_RENAME_COLUMN:
	case SD_OP_RENAME_TABLE:
		/* the copy of a rebuild taking the old table's name back */
		if (x->op.kind == SD_OP_RENAME_TABLE && x->name &&
		    sd_streq(sd_map_get(c->copied, x->name), x->rel))
			return;
		report(c, x, SD_LINT_WARNING, "rename",
		       "renames %s%s%s: statements of the running application "
		       "that use the old name fail until it is deployed",
		       x->rel, x->column ? "." : "", x->column ? x->column : "");
		return;
	default:
		break;
	}
	if (x->op.kind == SD_OP_BACKFILL) {
		rule_update(c, x);
		return;
	}
	if (!c->online)
		return;
	switch (x->op.kind) {
	case SD_OP_CREATE_INDEX:
	case SD_OP_DROP_INDEX:
		rule_index(c, x);
		break;
	case SD_OP_ADD_CONSTRAINT:
		rule_constraint(c, x);
		break;
	case SD_OP_VALIDATE_CONSTRAINT:
		rule_validate(c, x);
		break;
	case SD_OP_ALTER_COLUMN:
		rule_alter_column(c, x);
		break;
	case SD_OP_ADD_COLUMN:
		rule_add_column(c, x);
		break;
	case SD_OP_ALTER_OBJECT:
		if (x->rewrites)
			report(c, x, SD_LINT_BLOCKING, "rewrite",
			       "%s rewrites %s and its indexes while reads and "
			       "writes wait", x->what, x->rel);
		break;
	default:
		break;
	}
}

/* Notes a lock the action holds to the end of its transaction that
 * keeps writers out. */
static void hold(context *c, const action *x)
{
	sd_op_lock lk = {NULL, NULL, false};

	if (!x->rel || !in_tx(c) || x->op.kind >= SD_OP__COUNT ||
	    !c->d->op_lock || sd_map_get(c->tx_locked, x->rel))
		return;
	c->d->op_lock(&lk, &x->op);
	if (lk.blocks && strstr(lk.blocks, "writes"))
		sd_map_put(c->tx_locked, x->rel,
		           sd_arena_printf(c->l->a, "%s (since line %d)",
		                           lk.lock, c->line));
}

void sd_lint_steps(sd_lint *l, const sd_dialect *d, const sd_revision *r,
                   const sd_rev_step *steps, size_t nsteps)
{
	context c;
	sd_arena *a = sd_arena_new();
	sd_vec trees = {0}; /* kept to the end: the actions point into them */
	size_t i, k, j;

	memset(&c, 0, sizeof(c));
	c.l = l;
	c.d = d;
	c.r = r;
	c.online = d->emit_online != NULL;
	c.created = sd_map_new(a, 16);
	c.copied = sd_map_new(a, 16);
	c.nn_checks = sd_map_new(a, 16);
	c.proven = sd_map_new(a, 16);
	c.filled = sd_map_new(a, 16);
	for (i = 0; i < nsteps; i++) {
		c.step = &steps[i];
		c.tx_locked = sd_map_new(a, 16);
		if (c.online && steps[i].kind == SD_STEP_NONTRANSACTIONAL &&
		    r->steps) {
			c.stmt = NULL;
			c.line = steps[i].line;
			report(&c, NULL, SD_LINT_INFO, "nontransactional",
			       "step %zu runs outside a transaction: each statement "
			       "commits on its own, and a run stopped in it resumes "
			       "after the last one that finished",
			       i + 1);
		}
		for (k = 0; k < steps[i].n; k++) {
			reader rd;
			cJSON *tree;
			memset(&rd, 0, sizeof(rd));
			rd.a = l->a;
			c.stmt = steps[i].stmts[k];
			c.line = steps[i].lines[k];
			if (!read_statement(&rd, c.stmt, &tree)) {
				report(&c, NULL, SD_LINT_WARNING, "unparsed",
				       "not read by the %s grammar, so not analysed",
				       d->name);
				continue;
			}
			sd_vec_push(a, &trees, tree);
			for (j = 0; j < rd.actions.n; j++) {
				apply_rules(&c, rd.actions.items[j]);
				hold(&c, rd.actions.items[j]);
			}
		}
	}
	for (i = 0; i < trees.n; i++)
		cJSON_Delete(trees.items[i]);
	sd_arena_free(a);
}

/* The line of "upgrade(" (or "downgrade(") in a C revision, 0 if none. */
static int c_function_line(const char *text, bool upgrade)
{
	const char *p = strstr(text, upgrade ? "int upgrade(" : "int downgrade(");
	int line = 1;

	if (!p)
		return 0;
	for (; text < p; text++)
		if (*text == '\n')
			line++;
	return line;
}

int sd_lint_revision(sd_lint *l, const sd_dialect *d, const sd_revision *r,
                     const sd_runner_opts *opts, sd_error *err)
{
	sd_arena *a = sd_arena_new();
	sd_rev_step *steps = NULL, one;
	size_t n = 0, i;
	char *up = NULL, *down = NULL;
	int line = 0, rc;

	if (r->format == SD_REV_C) {
		sd_buf sql = SD_BUF_INIT;
		char *text = NULL;
		size_t len;
		rc = opts && opts->sql_c
		         ? opts->sql_c(opts->c_ctx, &sql, d, r, true, err)
		         : sd_error_add(err, SD_EINPUT, r->path, 0, 0, NULL,
		                        "C revisions cannot be read by this build");
		if (!rc)
			rc = sd_file_read(&text, &len, r->path, err);
		if (!rc) {
			memset(&one, 0, sizeof(one));
			one.n = sd_sql_split(&one.stmts, &one.lines, a,
			                     sd_buf_cstr(&sql), sd_sql_lang_of(d->name));
			line = c_function_line(text, true);
			for (i = 0; i < one.n; i++)
				one.lines[i] = line;
			steps = &one;
			n = 1;
		}
		free(text);
		sd_buf_free(&sql);
	} else {
		rc = sd_rev_read_body_for(&up, &down, &line, NULL, r, d->name,
		                          err);
		if (!rc)
			rc = sd_rev_steps(&steps, &n, a, r, up, line,
			                  sd_sql_lang_of(d->name), err);
	}
	if (!rc)
		sd_lint_steps(l, d, r, steps, n);
	free(up);
	free(down);
	sd_arena_free(a);
	return rc;
}

void sd_stmt_lock_of(sd_stmt_lock *out, sd_arena *a, const sd_dialect *d,
                     const char *stmt)
{
	reader rd;
	cJSON *tree = NULL;
	sd_op_lock lk = {NULL, NULL, false};
	size_t i;

	memset(out, 0, sizeof(*out));
	out->lock = "a lock";
	out->blocks = "whoever holds a conflicting one";
	memset(&rd, 0, sizeof(rd));
	rd.a = a;
	if (!stmt || !read_statement(&rd, stmt, &tree))
		return;
	for (i = 0; i < rd.actions.n; i++) {
		const action *x = rd.actions.items[i];
		if (!x->rel || x->op.kind >= SD_OP__COUNT || !d->op_lock)
			continue;
		d->op_lock(&lk, &x->op);
		out->relation = x->rel;
		out->lock = lk.lock;
		out->blocks = lk.blocks;
		break;
	}
	cJSON_Delete(tree);
}
