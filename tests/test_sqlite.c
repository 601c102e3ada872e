/*
 * test_sqlite.c - the SQLite driver, introspection and dialect.
 *
 * Introspection is compared with golden dumps in testdata/sqlite/
 * (SD_UPDATE_GOLDEN=1 rewrites them); emitted SQL is compared verbatim;
 * rebuilds run on a real database file and the rows, indexes, triggers
 * and foreign keys are checked afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "db/db.h"
#include "diff/plan.h"
#include "emit/dialect.h"
#include "db/sqlite.h"
#include "introspect/sqlite.h"
#include "model/logic.h"

static char tmpdir[256];

static void make_tmpdir(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/sd_test_sqlite_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void remove_tmpdir(void)
{
	char cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

/* A fresh database file in tmpdir, opened through a URL. */
static sd_db *open_temp(const char *file)
{
	char url[400];
	sd_db *db = NULL;
	sd_error err = SD_ERROR_INIT;

	snprintf(url, sizeof(url), "sqlite:///%s", file);
	ck_assert_int_eq(sd_db_open(&db, url, tmpdir, &err), SD_OK);
	return db;
}

static void exec_ok(sd_db *db, const char *sql)
{
	sd_error err = SD_ERROR_INIT;
	int rc = sd_db_exec(db, sql, &err);

	if (rc != SD_OK) {
		fprintf(stderr, "exec failed: %s\nSQL:\n%s\n",
		        err.first->message, sql);
		ck_abort_msg("exec failed: %.200s", err.first->message);
	}
}

/* The first column of every row, joined with "|" per cell and "\n" per
 * row: a compact picture of a query result. */
static char *query_text(sd_db *db, const char *sql)
{
	sd_rows *rows = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_buf b = SD_BUF_INIT;
	size_t r, c;

	if (sd_db_query(db, sql, NULL, 0, &rows, &err) != SD_OK)
		ck_abort_msg("query failed: %s", err.first->message);
	for (r = 0; r < rows->nrows; r++) {
		for (c = 0; c < rows->ncols; c++) {
			const char *v = sd_rows_get(rows, r, c);
			sd_buf_printf(&b, "%s%s", c ? "|" : "", v ? v : "NULL");
		}
		sd_buf_putc(&b, '\n');
	}
	sd_buf_put(&b, "");
	sd_rows_free(rows);
	return sd_buf_detach(&b);
}

/* Like ck_assert_str_eq, for texts longer than Check's message limit. */
static void expect_text(const char *actual, const char *expected)
{
	if (strcmp(actual, expected) == 0)
		return;
	fprintf(stderr, "--- expected\n%s\n--- actual\n%s\n", expected,
	        actual);
	ck_abort_msg("texts differ (both printed on stderr)");
}

static void check_golden(const char *name, const char *actual)
{
	char path[512];

	snprintf(path, sizeof(path), "testdata/sqlite/%s", name);
	sd_test_golden(path, actual);
}

static char *read_fixture(const char *name)
{
	const char *root = getenv("SD_SOURCE_ROOT");
	char path[512];
	char *data = NULL;
	size_t len;
	sd_error err = SD_ERROR_INIT;

	snprintf(path, sizeof(path), "%s/testdata/sqlite/%s",
	         root ? root : ".", name);
	ck_assert_int_eq(sd_file_read(&data, &len, path, &err), SD_OK);
	return data;
}

static sd_schema *introspect(sd_db *db, const char *const *ignore)
{
	sd_schema *s = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_introspect_opts opts;

	memset(&opts, 0, sizeof(opts));
	opts.version_table = "schemadiff_version";
	opts.ignore = ignore;
	if (sd_introspect(&s, db, &opts, &err) != SD_OK)
		ck_abort_msg("introspect failed: %s", err.first->message);
	return s;
}

/* ------------------------------------------------------------------ */
/* Introspection                                                       */
/* ------------------------------------------------------------------ */

START_TEST(introspect_catalog)
{
	static const char *const ignore[] = {"legacy_*", NULL};
	char *ddl = read_fixture("catalog.sql");
	sd_db *db;
	sd_schema *s;
	sd_table *t;
	sd_column *c;
	sd_buf dump = SD_BUF_INIT;
	char *text;
	size_t i;

	make_tmpdir();
	db = open_temp("catalog.db");
	exec_ok(db, ddl);
	/* the read shrinks the page cache while it runs, then puts back
	 * whatever the connection had */
	exec_ok(db, "PRAGMA cache_size = -777");
	s = introspect(db, ignore);
	text = query_text(db, "PRAGMA cache_size");
	expect_text(text, "-777\n");
	free(text);
	sd_schema_dump(&dump, s);
	check_golden("catalog.golden", sd_buf_cstr(&dump));

	/* the facts that matter, independent of the dump format */
	ck_assert_ptr_null(sd_schema_find_table(s, NULL, "schemadiff_version"));
	ck_assert_ptr_null(
		sd_schema_find_table(s, NULL, "schemadiff_version_log"));
	ck_assert_ptr_null(sd_schema_find_table(s, NULL, "legacy_stuff"));
	ck_assert_ptr_null(sd_schema_find_table(s, NULL, "sqlite_sequence"));

	t = sd_schema_find_table(s, NULL, "users");
	ck_assert_ptr_nonnull(t);
	c = sd_table_find_column(t, "id");
	ck_assert(c->autoincrement);
	ck_assert(!c->nullable);
	ck_assert_uint_eq(sd_logic_of(s)->ntriggers, 1);
	ck_assert_str_eq(sd_logic_of(s)->triggers[0]->base.name,
	                 "tr_users_touch");
	ck_assert_str_eq(sd_table_find_index(t, "ix_users_lower_email")
	                     ->where.sql,
	                 "email IS NOT NULL");
	ck_assert_str_eq(sd_table_find_index(t, "ix_users_lower_email")
	                     ->keys[0]
	                     .expression.sql,
	                 "lower(email)");
	ck_assert_str_eq(t->foreign_keys[0]->base.name, "fk_users_org");
	ck_assert_str_eq(t->foreign_keys[0]->ref_columns.items[0], "id");
	ck_assert_int_eq(t->foreign_keys[0]->on_delete, SD_FK_SET_NULL);

	t = sd_schema_find_table(s, NULL, "memberships");
	ck_assert_uint_eq(t->primary_key->columns.n, 2);
	ck_assert_str_eq(t->primary_key->base.name, "pk_memberships");
	ck_assert(!sd_table_find_column(t, "org_id")->autoincrement);
	ck_assert_uint_eq(t->nchecks, 4);
	ck_assert_str_eq(t->checks[0]->base.name, "ck_memberships_1");
	ck_assert_str_eq(t->checks[1]->base.name, "ck_memberships_2");
	ck_assert_str_eq(t->checks[3]->base.name, "ck_ref2");
	ck_assert_str_eq(t->checks[2]->base.name, "ck_memberships_nested");
	ck_assert_str_eq(t->checks[2]->expression.sql,
	                 "((length(role) > 2)\n        AND (role <> ')')) OR "
	                 "role = '\"'");
	ck_assert_uint_eq(t->nforeign_keys, 3);
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_streq(t->foreign_keys[i]->base.name,
		             "fk_memberships_user")) {
			ck_assert(t->foreign_keys[i]->deferrable);
			ck_assert(t->foreign_keys[i]->initially_deferred);
			ck_assert_int_eq(t->foreign_keys[i]->on_update,
			                 SD_FK_SET_NULL);
		}
	ck_assert_ptr_nonnull(
		sd_table_find_index(t, "uq_memberships_user_id_role"));
	ck_assert(sd_table_find_index(t, "uq_memberships_user_id_role")
	              ->constraint_backed);

	t = sd_schema_find_table(s, NULL, "orgs");
	ck_assert_str_eq(sd_column_x(sd_table_find_column(t, "name"))->collation, "NOCASE");
	ck_assert(sd_table_find_index(t, "uq_orgs_name")->constraint_backed);

	t = sd_schema_find_table(s, NULL, "we\"ird [name]");
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(sd_table_find_column(t, "col \"q\""));
	ck_assert_ptr_nonnull(sd_table_find_column(t, "b`t"));
	ck_assert_ptr_nonnull(sd_table_find_index(t, "ix \"hostile\""));

	t = sd_schema_find_table(s, NULL, "keyed");
	ck_assert(!sd_table_find_column(t, "code")->autoincrement);

	/* the view and the trigger are managed, read into their parts */
	ck_assert_uint_eq(s->nunmanaged, 0);
	ck_assert_uint_eq(sd_logic_of(s)->nviews, 1);
	ck_assert_str_eq(sd_logic_of(s)->views[0]->query.sql,
	                 "SELECT * FROM users WHERE status = 'active'");
	ck_assert_str_eq(sd_logic_of(s)->triggers[0]->timing, "after");
	ck_assert_str_eq(sd_logic_of(s)->triggers[0]->columns.items[0],
	                 "email");
	ck_assert_str_eq(sd_logic_of(s)->triggers[0]->body,
	                 "UPDATE users SET status = 'changed' WHERE id = "
	                 "NEW.id;");

	sd_buf_free(&dump);
	sd_schema_free(s);
	sd_db_close(db);
	free(ddl);
	remove_tmpdir();
}
END_TEST

/* Emitting an introspected schema and introspecting the result gives the
 * same schema back: names, checks, collations, keys, autoincrement. */
START_TEST(introspect_emit_roundtrip)
{
	static const char *const ignore[] = {"legacy_*", NULL};
	char *ddl = read_fixture("catalog.sql");
	sd_db *db, *db2;
	sd_schema *s, *s2;
	sd_buf sql = SD_BUF_INIT, d1 = SD_BUF_INIT, d2 = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	size_t i, k;

	make_tmpdir();
	db = open_temp("a.db");
	exec_ok(db, ddl);
	s = introspect(db, ignore);
	for (i = 0; i < s->ntables; i++) {
		sd_op op;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_TABLE;
		op.table = op.table_new = s->tables[i];
		ck_assert_int_eq(sd_dialect_sqlite.emit_op(&sql, &op, &err),
		                 SD_OK);
		/* indexes follow as their own ops, as the differ plans them */
		for (k = 0; k < s->tables[i]->nindexes; k++) {
			op.kind = SD_OP_CREATE_INDEX;
			op.obj_new = &s->tables[i]->indexes[k]->base;
			ck_assert_int_eq(
				sd_dialect_sqlite.emit_op(&sql, &op, &err),
				SD_OK);
		}
	}
	check_golden("catalog_emit.golden", sd_buf_cstr(&sql));
	db2 = open_temp("b.db");
	exec_ok(db2, sd_buf_cstr(&sql));
	s2 = introspect(db2, ignore);
	/* the view and trigger are not part of CREATE TABLE */
	s->nunmanaged = 0;
	s->logic = NULL;
	sd_schema_dump(&d1, s);
	sd_schema_dump(&d2, s2);
	expect_text(sd_buf_cstr(&d2), sd_buf_cstr(&d1));
	sd_buf_free(&sql);
	sd_buf_free(&d1);
	sd_buf_free(&d2);
	sd_schema_free(s);
	sd_schema_free(s2);
	sd_db_close(db);
	sd_db_close(db2);
	free(ddl);
	remove_tmpdir();
}
END_TEST

START_TEST(declared_types)
{
	static const char *const cases[][2] = {
		{"VARCHAR(120)", "string(120)"},
		{"nvarchar(40)", "string(40)"},
		{"VARCHAR", "string"},
		{"character varying ( 9 )", "string(9)"},
		{"INT", "integer"},
		{"INTEGER", "integer"},
		{"BIGINT", "bigint"},
		{"SMALLINT", "smallint"},
		{"BOOLEAN", "boolean"},
		{"DATETIME", "timestamp"},
		{"TIMESTAMP", "timestamp"},
		{"TIMESTAMPTZ", "timestamptz"},
		{"NUMERIC(10,2)", "numeric(10,2)"},
		{"DECIMAL(8)", "numeric(8)"},
		{"decimal", "numeric"},
		{"REAL", "real"},
		{"FLOAT", "float"},
		{"DOUBLE", "float"},
		{"DOUBLE PRECISION", "float"},
		{"TEXT", "text"},
		{"CLOB", "text"},
		{"BLOB", "binary"},
		{"JSON", "json"},
		{"JSONB", "jsonb"},
		{"UUID", "uuid"},
		{"DATE", "date"},
		{"TIME", "time"},
		{"INTERVAL", "interval"},
		{"CHAR(3)", "char(3)"},
		{"geometry", "geometry"},
		{"INTEGER(5)", "INTEGER(5)"},
		{"VARCHAR(1,2)", "VARCHAR(1,2)"},
		/* what the models cannot say stays as declared */
		{"VARCHAR(0)", "VARCHAR(0)"},
		{"DECIMAL(0)", "DECIMAL(0)"},
		{"DECIMAL(3,5)", "DECIMAL(3,5)"},
		{"NUMERIC(10,0)", "numeric(10,0)"},
		{"UNSIGNED BIG INT", "UNSIGNED BIG INT"},
		{"", ""},
	};
	sd_arena *a = sd_arena_new();
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(cases); i++) {
		sd_type t;
		sd_buf b = SD_BUF_INIT;
		sd_sqlite_type_from_decl(a, cases[i][0], &t);
		sd_type_format(&b, &t);
		ck_assert_msg(strcmp(sd_buf_cstr(&b), cases[i][1]) == 0,
		              "%s -> %s, expected %s", cases[i][0],
		              sd_buf_cstr(&b), cases[i][1]);
		sd_buf_free(&b);
	}
	sd_arena_free(a);
}
END_TEST

/* Every portable type survives portable -> declared -> portable, except
 * enum, which is TEXT here and compares equal to text. */
START_TEST(type_roundtrip)
{
	static const char *const portable[] = {
		"smallint", "integer", "bigint", "boolean", "real", "float",
		"numeric(10,2)", "numeric(7)", "numeric", "string(120)",
		"string", "char(2)", "text", "date", "time", "timestamp",
		"timestamptz", "interval", "json", "jsonb", "uuid", "binary",
		"inet"};
	static const char *const declared[] = {
		"SMALLINT", "INTEGER", "BIGINT", "BOOLEAN", "REAL", "FLOAT",
		"NUMERIC(10,2)", "NUMERIC(7)", "NUMERIC", "VARCHAR(120)",
		"VARCHAR", "CHAR(2)", "TEXT", "DATE", "TIME", "TIMESTAMP",
		"TIMESTAMPTZ", "INTERVAL", "JSON", "JSONB", "UUID", "BLOB",
		"inet"};
	sd_arena *a = sd_arena_new();
	sd_column x, y;
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(portable); i++) {
		sd_type t, back;
		sd_buf b = SD_BUF_INIT;
		const char *why, *sug;
		ck_assert_int_eq(sd_type_parse(a, portable[i], &t, &why, &sug),
		                 SD_OK);
		sd_dialect_sqlite.type_sql(&b, &t);
		ck_assert_str_eq(sd_buf_cstr(&b), declared[i]);
		sd_sqlite_type_from_decl(a, sd_buf_cstr(&b), &back);
		ck_assert_msg(sd_type_equal(&t, &back), "%s", portable[i]);
		sd_buf_free(&b);
	}
	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	sd_sqlite_type_from_decl(a, "TEXT", &x.type);
	ck_assert_int_eq(sd_type_parse(a, "enum(status)", &y.type,
	                               &(const char *){NULL},
	                               &(const char *){NULL}),
	                 SD_OK);
	ck_assert(sd_caps_sqlite.column_type_equal(&x, &y));
	/* the rowid alias stands for any autoincrementing integer width */
	sd_sqlite_type_from_decl(a, "INTEGER", &x.type);
	sd_sqlite_type_from_decl(a, "BIGINT", &y.type);
	ck_assert(!sd_caps_sqlite.column_type_equal(&x, &y));
	x.autoincrement = y.autoincrement = true;
	ck_assert(sd_caps_sqlite.column_type_equal(&x, &y));
	sd_sqlite_type_from_decl(a, "VARCHAR(10)", &y.type);
	ck_assert(!sd_caps_sqlite.column_type_equal(&x, &y));
	sd_arena_free(a);
}
END_TEST

/* One rule for type arguments in every dialect and the portable spelling:
 * only an absent argument (-1) is left out. A declared type the models
 * cannot say (VARCHAR(0)) is raw and written back exactly as declared. */
START_TEST(type_arguments_one_rule)
{
	static const struct {
		const char *portable, *sqlite, *postgres;
	} cases[] = {
		{"string(1)", "VARCHAR(1)", "VARCHAR(1)"},
		{"char(3)", "CHAR(3)", "CHAR(3)"},
		{"numeric(10,2)", "NUMERIC(10,2)", "NUMERIC(10,2)"},
		{"numeric(10,0)", "NUMERIC(10,0)", "NUMERIC(10,0)"},
		{"numeric(5)", "NUMERIC(5)", "NUMERIC(5)"},
		{"numeric", "NUMERIC", "NUMERIC"},
		{"string", "VARCHAR", "VARCHAR"},
	};
	sd_arena *a = sd_arena_new();
	sd_buf b = SD_BUF_INIT;
	sd_type t;
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(cases); i++) {
		const char *why, *sug;
		ck_assert_int_eq(sd_type_parse(a, cases[i].portable, &t, &why,
		                               &sug),
		                 SD_OK);
		sd_buf_truncate(&b, 0);
		sd_type_format(&b, &t);
		ck_assert_str_eq(sd_buf_cstr(&b), cases[i].portable);
		sd_buf_truncate(&b, 0);
		sd_dialect_sqlite.type_sql(&b, &t);
		ck_assert_str_eq(sd_buf_cstr(&b), cases[i].sqlite);
		sd_buf_truncate(&b, 0);
		sd_dialect_postgres.type_sql(&b, &t);
		ck_assert_str_eq(sd_buf_cstr(&b), cases[i].postgres);
	}
	/* an explicit zero argument is written, not dropped */
	memset(&t, 0, sizeof(t));
	t.kind = SD_T_STRING;
	t.length = 0;
	t.precision = t.scale = -1;
	sd_buf_truncate(&b, 0);
	sd_dialect_sqlite.type_sql(&b, &t);
	ck_assert_str_eq(sd_buf_cstr(&b), "VARCHAR(0)");
	sd_sqlite_type_from_decl(a, "VARCHAR(0)", &t);
	ck_assert_int_eq(t.kind, SD_T_RAW);
	sd_buf_truncate(&b, 0);
	sd_dialect_sqlite.type_sql(&b, &t);
	ck_assert_str_eq(sd_buf_cstr(&b), "VARCHAR(0)");
	sd_buf_free(&b);
	sd_arena_free(a);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Emitting                                                            */
/* ------------------------------------------------------------------ */

static sd_column *add_col(sd_schema *s, sd_table *t, const char *name,
                          const char *type, bool nullable)
{
	sd_column *c = sd_table_add_column(s, t, name);
	const char *why, *sug;

	ck_assert_int_eq(sd_type_parse(s->arena, type, &c->type, &why, &sug),
	                 SD_OK);
	c->nullable = nullable;
	return c;
}

/* users(id integer pk, username string(50) not null) as the models give
 * it; emitters get their schemas from here. */
static sd_table *users_table(sd_schema *s)
{
	sd_table *t = sd_schema_add_table(s, NULL, "users");
	sd_column *id = add_col(s, t, "id", "integer", false);
	sd_primary_key *pk = sd_table_set_primary_key(s, t, "pk_users");

	id->autoincrement = true;
	sd_strlist_push(s->arena, &pk->columns, "id");
	add_col(s, t, "username", "string(50)", false);
	return t;
}

static char *emit(const sd_op *op, int expect_rc)
{
	sd_buf b = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	int rc = sd_dialect_sqlite.emit_op(&b, op, &err);

	ck_assert_msg(rc == expect_rc, "rc %d: %s", rc,
	              err.first ? err.first->message : "");
	if (rc != SD_OK) {
		sd_buf_free(&b);
		sd_buf_put(&b, err.first->message);
	}
	sd_error_clear(&err);
	sd_buf_put(&b, "");
	return sd_buf_detach(&b);
}

#define EXPECT_SQL(op, text)                                                 \
	do {                                                                 \
		char *got_ = emit((op), SD_OK);                              \
		ck_assert_str_eq(got_, (text));                              \
		free(got_);                                                  \
	} while (0)

/* The SPEC's own example, upgrade and downgrade, through sd_emit_plan. */
START_TEST(emit_spec_example)
{
	sd_schema *s = sd_schema_new();
	sd_table *t = users_table(s);
	sd_column *email = add_col(s, t, "email", "string(120)", true);
	sd_unique *uq = sd_table_add_unique(s, t, "uq_users_email");
	sd_op ops[2], *opp[2];
	sd_plan plan;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;

	sd_strlist_push(s->arena, &uq->columns, "email");
	memset(ops, 0, sizeof(ops));
	ops[0].kind = SD_OP_ADD_COLUMN;
	ops[0].table = t;
	ops[0].column_new = email;
	ops[1].kind = SD_OP_ADD_CONSTRAINT;
	ops[1].table = t;
	ops[1].obj_new = &uq->base;
	opp[0] = &ops[0];
	opp[1] = &ops[1];
	memset(&plan, 0, sizeof(plan));
	plan.arena = s->arena;
	plan.ops = opp;
	plan.nops = 2;
	ck_assert_int_eq(sd_emit_plan(&up, &down, &plan, &sd_dialect_sqlite,
	                              &err),
	                 SD_OK);
	ck_assert_str_eq(sd_buf_cstr(&up),
	                 "ALTER TABLE \"users\" ADD COLUMN \"email\" "
	                 "VARCHAR(120);\n"
	                 "CREATE UNIQUE INDEX \"uq_users_email\" ON \"users\" "
	                 "(\"email\");\n");
	ck_assert_str_eq(sd_buf_cstr(&down),
	                 "DROP INDEX \"uq_users_email\";\n"
	                 "ALTER TABLE \"users\" DROP COLUMN \"email\";\n");
	ck_assert_ptr_eq(sd_dialect_find("sqlite"), &sd_dialect_sqlite);
	ck_assert_ptr_eq(sd_dialect_find("postgres"), &sd_dialect_postgres);
	ck_assert_ptr_null(sd_dialect_find("oracle"));
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_schema_free(s);
}
END_TEST

START_TEST(emit_create_table)
{
	sd_schema *s = sd_schema_new();
	sd_table *orgs = sd_schema_add_table(s, NULL, "orgs");
	sd_table *m = sd_schema_add_table(s, NULL, "member\"ships");
	sd_primary_key *pk;
	sd_column *c;
	sd_check *ck;
	sd_foreign_key *fk;
	sd_unique *uq;
	sd_index *ix;
	sd_op op;

	c = add_col(s, orgs, "id", "bigint", false);
	c->autoincrement = true;
	pk = sd_table_set_primary_key(s, orgs, "pk_orgs");
	sd_strlist_push(s->arena, &pk->columns, "id");
	c = add_col(s, orgs, "name", "string(80)", false);
	sd_column_xw(s->arena, c)->collation = "NOCASE";
	c = add_col(s, orgs, "status", "enum(org_status)", false);
	c->default_value.sql = "'active'";
	c = add_col(s, orgs, "created_at", "timestamp", false);
	c->default_value.sql = "CURRENT_TIMESTAMP";
	c = add_col(s, orgs, "slug", "text", true);
	c->default_value.sql = "lower('X')";
	c = add_col(s, orgs, "price", "numeric(10,2)", true);
	c->default_value.sql = "-1.5e3";
	uq = sd_table_add_unique(s, orgs, "uq_orgs_name");
	sd_strlist_push(s->arena, &uq->columns, "name");
	ix = sd_table_add_index(s, orgs, "ix_orgs_lower_slug");
	ix->nkeys = 2;
	ix->keys = sd_arena_alloc(s->arena, 2 * sizeof(sd_index_key));
	ix->keys[0].expression.sql = "lower(slug)";
	ix->keys[1].column = "id";
	ix->keys[1].desc = true;
	ix->where.sql = "slug IS NOT NULL";
	ck = sd_table_add_check(s, orgs, "ck_orgs_name");
	ck->expression.sql = "length(name) > 2";

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_CREATE_TABLE;
	op.table = op.table_new = orgs;
	EXPECT_SQL(&op,
	           "CREATE TABLE \"orgs\" (\n"
	           "    \"id\" INTEGER CONSTRAINT \"pk_orgs\" PRIMARY KEY,\n"
	           "    \"name\" VARCHAR(80) NOT NULL COLLATE NOCASE,\n"
	           "    \"status\" TEXT NOT NULL DEFAULT 'active',\n"
	           "    \"created_at\" TIMESTAMP NOT NULL DEFAULT "
	           "CURRENT_TIMESTAMP,\n"
	           "    \"slug\" TEXT DEFAULT (lower('X')),\n"
	           "    \"price\" NUMERIC(10,2) DEFAULT -1.5e3,\n"
	           "    CONSTRAINT \"ck_orgs_name\" CHECK (length(name) > 2)\n"
	           ");\n"
	           "CREATE UNIQUE INDEX \"uq_orgs_name\" ON \"orgs\" "
	           "(\"name\");\n");
	op.kind = SD_OP_CREATE_INDEX;
	op.obj_new = &ix->base;
	EXPECT_SQL(&op, "CREATE INDEX \"ix_orgs_lower_slug\" ON \"orgs\" "
	                "(lower(slug), \"id\" DESC) WHERE slug IS NOT NULL;\n");
	ix->constraint_backed = true;
	EXPECT_SQL(&op, "");
	ix->constraint_backed = false;

	/* composite key, foreign keys with actions, hostile name */
	add_col(s, m, "org_id", "bigint", false);
	add_col(s, m, "user_id", "integer", false);
	pk = sd_table_set_primary_key(s, m, NULL);
	sd_strlist_push(s->arena, &pk->columns, "org_id");
	sd_strlist_push(s->arena, &pk->columns, "user_id");
	fk = sd_table_add_foreign_key(s, m, "fk_m_org");
	sd_strlist_push(s->arena, &fk->columns, "org_id");
	fk->ref_table = "orgs";
	sd_strlist_push(s->arena, &fk->ref_columns, "id");
	fk->on_delete = SD_FK_CASCADE;
	fk->on_update = SD_FK_SET_NULL;
	fk->deferrable = fk->initially_deferred = true;
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_CREATE_TABLE;
	op.table = op.table_new = m;
	EXPECT_SQL(&op,
	           "CREATE TABLE \"member\"\"ships\" (\n"
	           "    \"org_id\" BIGINT NOT NULL,\n"
	           "    \"user_id\" INTEGER NOT NULL,\n"
	           "    PRIMARY KEY (\"org_id\", \"user_id\"),\n"
	           "    CONSTRAINT \"fk_m_org\" FOREIGN KEY (\"org_id\") "
	           "REFERENCES \"orgs\" (\"id\") ON DELETE CASCADE ON UPDATE "
	           "SET NULL DEFERRABLE INITIALLY DEFERRED\n"
	           ");\n");

	op.kind = SD_OP_DROP_TABLE;
	op.table = op.table_old = m;
	op.table_new = NULL;
	EXPECT_SQL(&op, "DROP TABLE \"member\"\"ships\";\n");
	sd_schema_free(s);
}
END_TEST

START_TEST(emit_alter_ops)
{
	sd_schema *s = sd_schema_new(), *s2 = sd_schema_new();
	sd_table *t = users_table(s), *t2 = users_table(s2);
	sd_column *c, *c2;
	sd_unique *uq;
	sd_index *ix, *ix2;
	sd_check *ck;
	sd_op op;
	char *msg;

	sd_arena_free(NULL);
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_RENAME_TABLE;
	op.table = op.table_old = t;
	t2->base.name = "people";
	op.table_new = t2;
	EXPECT_SQL(&op, "ALTER TABLE \"users\" RENAME TO \"people\";\n");

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_RENAME_COLUMN;
	op.table = t;
	op.column_old = sd_table_find_column(t, "username");
	c2 = add_col(s2, t2, "login", "string(50)", false);
	op.column_new = c2;
	EXPECT_SQL(&op, "ALTER TABLE \"users\" RENAME COLUMN \"username\" TO "
	                "\"login\";\n");

	/* ADD COLUMN and SQLite's restrictions on it */
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_ADD_COLUMN;
	op.table = t;
	c = add_col(s, t, "active", "boolean", false);
	c->default_value.sql = "1";
	op.column_new = c;
	EXPECT_SQL(&op, "ALTER TABLE \"users\" ADD COLUMN \"active\" BOOLEAN "
	                "NOT NULL DEFAULT 1;\n");
	c->default_value.sql = NULL;
	msg = emit(&op, SD_EINPUT);
	ck_assert(strstr(msg, "NOT NULL column 'active'") != NULL);
	free(msg);
	c->default_value.sql = "CURRENT_TIMESTAMP";
	msg = emit(&op, SD_EINPUT);
	ck_assert(strstr(msg, "non-constant default") != NULL);
	free(msg);
	op.column_new = sd_table_find_column(t, "id");
	msg = emit(&op, SD_EINPUT);
	ck_assert(strstr(msg, "primary key column 'id'") != NULL);
	free(msg);

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_DROP_COLUMN;
	op.table = t;
	op.column_old = c;
	EXPECT_SQL(&op, "ALTER TABLE \"users\" DROP COLUMN \"active\";\n");

	/* indexes: create, drop, rename (drop + create) */
	ix = sd_table_add_index(s, t, "ix_users_username");
	ix->nkeys = 1;
	ix->keys = sd_arena_alloc(s->arena, sizeof(sd_index_key));
	ix->keys[0].column = "username";
	ix->keys[0].collation = "my coll";
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_CREATE_INDEX;
	op.table = t;
	op.obj_new = &ix->base;
	EXPECT_SQL(&op, "CREATE INDEX \"ix_users_username\" ON \"users\" "
	                "(\"username\" COLLATE \"my coll\");\n");
	op.kind = SD_OP_DROP_INDEX;
	op.obj_old = &ix->base;
	op.obj_new = NULL;
	EXPECT_SQL(&op, "DROP INDEX \"ix_users_username\";\n");
	ix2 = sd_table_add_index(s2, t2, "ix_users_login");
	*ix2 = *ix;
	ix2->base.name = "ix_users_login";
	op.kind = SD_OP_RENAME_INDEX;
	op.obj_new = &ix2->base;
	EXPECT_SQL(&op, "DROP INDEX \"ix_users_username\";\n"
	                "CREATE INDEX \"ix_users_login\" ON \"users\" "
	                "(\"username\" COLLATE \"my coll\");\n");
	ix->constraint_backed = true;
	msg = emit(&op, SD_EINPUT);
	ck_assert(strstr(msg, "table rebuild") != NULL);
	free(msg);
	op.kind = SD_OP_DROP_INDEX;
	EXPECT_SQL(&op, "");

	/* unique constraints are unique indexes; other constraints are not
	 * possible in place */
	uq = sd_table_add_unique(s, t, "uq_users_username");
	sd_strlist_push(s->arena, &uq->columns, "username");
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_DROP_CONSTRAINT;
	op.table = t;
	op.obj_old = &uq->base;
	EXPECT_SQL(&op, "DROP INDEX \"uq_users_username\";\n");
	ck = sd_table_add_check(s, t, "ck_users_x");
	ck->expression.sql = "1";
	op.kind = SD_OP_ADD_CONSTRAINT;
	op.obj_old = NULL;
	op.obj_new = &ck->base;
	msg = emit(&op, SD_EINPUT);
	ck_assert_str_eq(msg, "SQLite cannot add a constraint in place: it "
	                      "needs a table rebuild");
	free(msg);

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_ALTER_COLUMN;
	op.table = t;
	op.column_old = sd_table_find_column(t, "username");
	op.column_new = c2;
	op.changes = SD_CHANGE_TYPE;
	msg = emit(&op, SD_EINPUT);
	ck_assert(strstr(msg, "needs a table rebuild") != NULL);
	free(msg);
	op.changes = SD_CHANGE_COMMENT;
	EXPECT_SQL(&op, "");

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_BACKFILL;
	op.table = t;
	sd_column_xw(s->arena, c)->backfill = "'it''s'";
	op.column_new = c;
	EXPECT_SQL(&op, "UPDATE \"users\" SET \"active\" = 'it''s' WHERE "
	                "\"active\" IS NULL;\n");

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_CREATE_ENUM;
	EXPECT_SQL(&op, "");
	op.kind = SD_OP_CREATE_NAMESPACE;
	op.name_new = "billing";
	msg = emit(&op, SD_EINPUT);
	ck_assert(strstr(msg, "no schemas") != NULL);
	free(msg);
	sd_schema_free(s);
	sd_schema_free(s2);
}
END_TEST

START_TEST(quoting)
{
	sd_buf b = SD_BUF_INIT;

	sd_dialect_sqlite.quote_ident(&b, "we\"ird");
	sd_buf_putc(&b, ' ');
	sd_dialect_sqlite.quote_literal(&b, "it's");
	sd_buf_putc(&b, ' ');
	sd_emit_qualified(&b, &sd_dialect_sqlite, "aux", "t");
	ck_assert_str_eq(sd_buf_cstr(&b), "\"we\"\"ird\" 'it''s' \"aux\".\"t\"");
	sd_buf_free(&b);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Rebuild on a real database                                          */
/* ------------------------------------------------------------------ */

static const char rebuild_ddl[] =
	"CREATE TABLE parent (id INTEGER PRIMARY KEY, price REAL, "
	"name TEXT, old_name TEXT);\n"
	"INSERT INTO parent VALUES (1, 12.5, 'a', 'x'), (2, 3, 'b', 'y'), "
	"(3, NULL, NULL, 'z');\n"
	"CREATE INDEX ix_parent_name ON parent (name);\n"
	"CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER "
	"REFERENCES parent (id));\n"
	"INSERT INTO child VALUES (1, 1), (2, 3);\n"
	"CREATE VIEW v_parent AS SELECT id, price FROM parent;\n";

START_TEST(rebuild_keeps_data)
{
	sd_db *db;
	sd_schema *from, *models = sd_schema_new();
	sd_table *old, *t;
	sd_column *c;
	sd_primary_key *pk;
	sd_index *ix;
	sd_check *ck;
	sd_op op, *inv;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	char *text;

	make_tmpdir();
	db = open_temp("rebuild.db");
	exec_ok(db, rebuild_ddl);
	from = introspect(db, NULL);
	old = sd_schema_find_table(from, NULL, "parent");
	ck_assert_ptr_nonnull(old);

	/* the desired table: name NOT NULL with a backfill, old_name
	 * renamed, a new NOT NULL column with a default, a check */
	t = sd_schema_add_table(models, NULL, "parent");
	c = add_col(models, t, "id", "integer", false);
	c->autoincrement = true;
	pk = sd_table_set_primary_key(models, t, NULL);
	sd_strlist_push(models->arena, &pk->columns, "id");
	add_col(models, t, "price", "real", true);
	c = add_col(models, t, "name", "string(50)", false);
	sd_column_xw(models->arena, c)->backfill = "'unnamed'";
	c = add_col(models, t, "new_name", "text", true);
	sd_column_xw(models->arena, c)->renamed_from = "old_name";
	c = add_col(models, t, "flag", "boolean", false);
	c->default_value.sql = "0";
	ck = sd_table_add_check(models, t, "ck_parent_price");
	ck->expression.sql = "price IS NULL OR price >= 0";
	ix = sd_table_add_index(models, t, "ix_parent_name");
	ix->nkeys = 1;
	ix->keys = sd_arena_alloc(models->arena, sizeof(sd_index_key));
	ix->keys[0].column = "name";
	sd_schema_index(models);

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_REBUILD_TABLE;
	op.table = op.table_old = old;
	op.table_new = t;
	ck_assert_int_eq(sd_dialect_sqlite.emit_op(&up, &op, &err), SD_OK);
	ck_assert_str_eq(
		sd_buf_cstr(&up),
		"ALTER TABLE \"parent\" RENAME COLUMN \"old_name\" TO "
		"\"new_name\";\n"
		"CREATE TABLE \"_sd_new_parent\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"price\" REAL,\n"
		"    \"name\" VARCHAR(50) NOT NULL,\n"
		"    \"new_name\" TEXT,\n"
		"    \"flag\" BOOLEAN NOT NULL DEFAULT 0,\n"
		"    CONSTRAINT \"ck_parent_price\" CHECK (price IS NULL OR "
		"price >= 0)\n"
		");\n"
		"INSERT INTO \"_sd_new_parent\" (\"id\", \"price\", \"name\", "
		"\"new_name\")\n"
		"    SELECT \"id\", \"price\", coalesce(\"name\", 'unnamed'), "
		"\"new_name\" FROM \"parent\";\n"
		"DROP TABLE \"parent\";\n"
		"PRAGMA legacy_alter_table = ON;\n"
		"ALTER TABLE \"_sd_new_parent\" RENAME TO \"parent\";\n"
		"PRAGMA legacy_alter_table = OFF;\n"
		"CREATE INDEX \"ix_parent_name\" ON \"parent\" (\"name\");\n");

	ck_assert_int_eq(db->driver->begin(db, &err), SD_OK);
	exec_ok(db, sd_buf_cstr(&up));
	text = query_text(db, "PRAGMA foreign_key_check");
	ck_assert_str_eq(text, "");
	free(text);
	ck_assert_int_eq(db->driver->commit(db, &err), SD_OK);

	text = query_text(db, "SELECT id, price, typeof(price), name, "
	                      "new_name, flag FROM parent ORDER BY id");
	ck_assert_str_eq(text, "1|12.5|real|a|x|0\n"
	                       "2|3.0|real|b|y|0\n"
	                       "3|NULL|null|unnamed|z|0\n");
	free(text);
	text = query_text(db, "SELECT name FROM sqlite_schema WHERE "
	                      "tbl_name = 'parent' ORDER BY name");
	ck_assert_str_eq(text, "ix_parent_name\nparent\n");
	free(text);
	exec_ok(db, "INSERT INTO parent (id, name) VALUES (4, 'd')");
	text = query_text(db, "SELECT count(*) FROM v_parent");
	ck_assert_str_eq(text, "4\n");
	free(text);

	/* and back: the downgrade restores the old shape and the rows */
	inv = sd_op_invert(models->arena, &op);
	ck_assert_int_eq(sd_dialect_sqlite.emit_op(&down, inv, &err), SD_OK);
	ck_assert_int_eq(db->driver->begin(db, &err), SD_OK);
	exec_ok(db, sd_buf_cstr(&down));
	text = query_text(db, "PRAGMA foreign_key_check");
	ck_assert_str_eq(text, "");
	free(text);
	ck_assert_int_eq(db->driver->commit(db, &err), SD_OK);
	text = query_text(db, "SELECT id, price, name, old_name FROM parent "
	                      "ORDER BY id");
	ck_assert_str_eq(text, "1|12.5|a|x\n2|3.0|b|y\n3|NULL|unnamed|z\n"
	                       "4|NULL|d|NULL\n");
	free(text);
	text = query_text(db, "SELECT sql FROM sqlite_schema WHERE name = "
	                      "'parent'");
	ck_assert_str_eq(text, "CREATE TABLE \"parent\" (\n"
	                       "    \"id\" INTEGER PRIMARY KEY,\n"
	                       "    \"price\" REAL,\n"
	                       "    \"name\" TEXT,\n"
	                       "    \"old_name\" TEXT\n"
	                       ")\n");
	free(text);

	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_schema_free(from);
	sd_schema_free(models);
	sd_db_close(db);
	remove_tmpdir();
}
END_TEST

/* Renames that come with a rebuild keep other tables' foreign keys and
 * views pointing at the right table and column, swaps included. */
START_TEST(rebuild_renames_keep_references)
{
	sd_db *db;
	sd_schema *from, *models = sd_schema_new();
	sd_table *t;
	sd_column *c;
	sd_primary_key *pk;
	sd_op op, *inv;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	char *text;

	make_tmpdir();
	db = open_temp("renames.db");
	exec_ok(db, "CREATE TABLE t1 (id INTEGER PRIMARY KEY, a TEXT, b TEXT);"
	            "INSERT INTO t1 VALUES (1, 'A', 'B'), (2, 'A2', 'B2');"
	            "CREATE TABLE t2 (r1 INTEGER REFERENCES t1 (id));"
	            "INSERT INTO t2 VALUES (1), (2);"
	            "CREATE VIEW v AS SELECT a FROM t1;");
	from = introspect(db, NULL);

	t = sd_schema_add_table(models, NULL, "t9");
	t->renamed_from = "t1";
	c = add_col(models, t, "n1", "integer", false);
	c->autoincrement = true;
	sd_column_xw(models->arena, c)->renamed_from = "id";
	pk = sd_table_set_primary_key(models, t, NULL);
	sd_strlist_push(models->arena, &pk->columns, "n1");
	c = add_col(models, t, "a", "text", true);
	sd_column_xw(models->arena, c)->renamed_from = "b";
	c = add_col(models, t, "b", "text", false);
	sd_column_xw(models->arena, c)->renamed_from = "a";
	sd_schema_index(models);

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_REBUILD_TABLE;
	op.table = op.table_old = sd_schema_find_table(from, NULL, "t1");
	op.table_new = t;
	ck_assert_int_eq(sd_dialect_sqlite.emit_op(&up, &op, &err), SD_OK);
	ck_assert(strncmp(sd_buf_cstr(&up),
	                  "ALTER TABLE \"t1\" RENAME TO \"t9\";\n"
	                  "ALTER TABLE \"t9\" RENAME COLUMN \"id\" TO "
	                  "\"_sd_tmp_0\";\n",
	                  60) == 0);
	ck_assert_int_eq(db->driver->begin(db, &err), SD_OK);
	exec_ok(db, sd_buf_cstr(&up));
	text = query_text(db, "PRAGMA foreign_key_check");
	ck_assert_str_eq(text, "");
	free(text);
	ck_assert_int_eq(db->driver->commit(db, &err), SD_OK);
	text = query_text(db, "SELECT n1, a, b FROM t9 ORDER BY n1");
	ck_assert_str_eq(text, "1|B|A\n2|B2|A2\n");
	free(text);
	text = query_text(db, "SELECT \"table\", \"to\" FROM "
	                      "pragma_foreign_key_list('t2')");
	ck_assert_str_eq(text, "t9|n1\n");
	free(text);
	text = query_text(db, "SELECT * FROM v ORDER BY 1");
	ck_assert_str_eq(text, "A\nA2\n");
	free(text);

	inv = sd_op_invert(models->arena, &op);
	ck_assert_int_eq(sd_dialect_sqlite.emit_op(&down, inv, &err), SD_OK);
	ck_assert_int_eq(db->driver->begin(db, &err), SD_OK);
	exec_ok(db, sd_buf_cstr(&down));
	text = query_text(db, "PRAGMA foreign_key_check");
	ck_assert_str_eq(text, "");
	free(text);
	ck_assert_int_eq(db->driver->commit(db, &err), SD_OK);
	text = query_text(db, "SELECT id, a, b FROM t1 ORDER BY id");
	ck_assert_str_eq(text, "1|A|B\n2|A2|B2\n");
	free(text);
	text = query_text(db, "SELECT \"table\", \"to\" FROM "
	                      "pragma_foreign_key_list('t2')");
	ck_assert_str_eq(text, "t1|id\n");
	free(text);

	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_schema_free(from);
	sd_schema_free(models);
	sd_db_close(db);
	remove_tmpdir();
}
END_TEST

/*
 * A column renamed and its index re-added under another name: SQLite
 * renames an index by drop and create, and the downgrade does that before
 * the column is renamed back, so it must build the index on the column as
 * it is named then (a stale "id" would be read as a string literal and the
 * rename back would fail).
 */
START_TEST(rename_column_reindexed_both_ways)
{
	sd_db *db;
	sd_schema *from, *to = sd_schema_new();
	sd_table *t;
	sd_column *c;
	sd_primary_key *pk;
	sd_index *ix;
	sd_plan *p = NULL;
	sd_diff_opts o;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	char *text;

	make_tmpdir();
	db = open_temp("reindex.db");
	exec_ok(db, "CREATE TABLE \"t1\" (\"id\" INTEGER NOT NULL PRIMARY KEY);"
	            "CREATE INDEX \"ix1\" ON \"t1\" (\"id\");"
	            "INSERT INTO t1 VALUES (1), (2);");
	from = introspect(db, NULL);
	t = sd_schema_add_table(to, NULL, "t1");
	c = add_col(to, t, "n1", "integer", false);
	sd_column_xw(to->arena, c)->renamed_from = "id";
	c->autoincrement = true;
	pk = sd_table_set_primary_key(to, t, "pk_t1");
	sd_strlist_push(to->arena, &pk->columns, "n1");
	ix = sd_table_add_index(to, t, "ix2");
	ix->keys = sd_arena_alloc(to->arena, sizeof(*ix->keys));
	ix->nkeys = 1;
	ix->keys[0].column = "n1";
	sd_schema_index(to);

	memset(&o, 0, sizeof(o));
	o.caps = sd_dialect_sqlite.caps;
	o.drop_unlisted = true;
	ck_assert_int_eq(sd_diff(&p, from, to, &o, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, p, &sd_dialect_sqlite, &err),
	                 SD_OK);
	expect_text(sd_buf_cstr(&up),
	            "ALTER TABLE \"t1\" RENAME COLUMN \"id\" TO \"n1\";\n"
	            "DROP INDEX \"ix1\";\n"
	            "CREATE INDEX \"ix2\" ON \"t1\" (\"n1\");\n");
	expect_text(sd_buf_cstr(&down),
	            "DROP INDEX \"ix2\";\n"
	            "CREATE INDEX \"ix1\" ON \"t1\" (\"n1\");\n"
	            "ALTER TABLE \"t1\" RENAME COLUMN \"n1\" TO \"id\";\n");
	exec_ok(db, sd_buf_cstr(&up));
	exec_ok(db, sd_buf_cstr(&down));
	text = query_text(db, "SELECT name, sql FROM sqlite_schema WHERE "
	                      "type = 'index'");
	ck_assert_str_eq(text, "ix1|CREATE INDEX \"ix1\" ON \"t1\" "
	                       "(\"id\")\n");
	free(text);
	text = query_text(db, "SELECT id FROM t1 ORDER BY id");
	ck_assert_str_eq(text, "1\n2\n");
	free(text);

	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_plan_free(p);
	sd_schema_free(from);
	sd_schema_free(to);
	sd_db_close(db);
	remove_tmpdir();
}
END_TEST

/* A rebuild that breaks a reference is caught by foreign_key_check,
 * which the runner runs before COMMIT. */
START_TEST(rebuild_foreign_key_check)
{
	sd_db *db;
	char *text;

	make_tmpdir();
	db = open_temp("fk.db");
	exec_ok(db, rebuild_ddl);
	exec_ok(db, "DELETE FROM parent WHERE id = 3");
	text = query_text(db, "PRAGMA foreign_key_check");
	ck_assert_str_eq(text, "child|2|parent|0\n");
	free(text);
	sd_db_close(db);
	remove_tmpdir();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Driver                                                              */
/* ------------------------------------------------------------------ */

START_TEST(url_handling)
{
	sd_db *db = NULL;
	sd_error err = SD_ERROR_INIT;
	char url[512], path[512];
	FILE *f;
	bool exists = false;

	make_tmpdir();
	/* relative to the config's directory */
	ck_assert_int_eq(sd_db_open(&db, "sqlite:///rel.db", tmpdir, &err),
	                 SD_OK);
	ck_assert_str_eq(db->display_url, "sqlite:///rel.db");
	ck_assert_str_eq(db->driver->name, "sqlite");
	ck_assert_ptr_eq(sd_db_dialect(db), &sd_dialect_sqlite);
	exec_ok(db, "CREATE TABLE \"x y\" (a)");
	ck_assert_int_eq(db->driver->table_exists(db, NULL, "x y", &exists,
	                                          &err),
	                 SD_OK);
	ck_assert(exists);
	ck_assert_int_eq(db->driver->table_exists(db, NULL, "nope", &exists,
	                                          &err),
	                 SD_OK);
	ck_assert(!exists);
	sd_db_close(db);
	snprintf(path, sizeof(path), "%s/rel.db", tmpdir);
	ck_assert(sd_file_exists(path));

	/* absolute */
	snprintf(url, sizeof(url), "sqlite:///%s/abs.db", tmpdir);
	ck_assert_int_eq(sd_db_open(&db, url, "/nonexistent", &err), SD_OK);
	sd_db_close(db);
	snprintf(path, sizeof(path), "%s/abs.db", tmpdir);
	ck_assert(sd_file_exists(path));

	/* bad scheme: input error, password masked */
	db = NULL;
	ck_assert_int_eq(sd_db_open(&db, "mysql://bob:s3cret@h/db", tmpdir,
	                            &err),
	                 SD_EINPUT);
	ck_assert_ptr_null(db);
	ck_assert(strstr(err.first->message, "s3cret") == NULL);
	ck_assert(strstr(err.first->message, "mysql://bob:****@h/db") != NULL);
	sd_error_clear(&err);
	ck_assert_int_eq(sd_db_open(&db, "sqlite://host/x.db", tmpdir, &err),
	                 SD_EINPUT);
	ck_assert(strstr(err.first->message, "malformed SQLite URL") != NULL);
	sd_error_clear(&err);
	ck_assert_int_eq(sd_db_open(&db, "", tmpdir, &err), SD_EINPUT);
	sd_error_clear(&err);
	ck_assert_ptr_eq(sd_db_driver_for_url("postgres://h/db"),
	                 &sd_driver_postgres);
	ck_assert_ptr_eq(sd_db_driver_for_url("postgresql://h/db"),
	                 &sd_driver_postgres);

	/* a file that is no database fails at open */
	snprintf(path, sizeof(path), "%s/notadb.db", tmpdir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("this is a text file, not a SQLite database at all; padding "
	      "it well beyond the size of a database header to be sure.\n",
	      f);
	fclose(f);
	ck_assert_int_eq(sd_db_open(&db, "sqlite:///notadb.db", tmpdir, &err),
	                 SD_ERUNTIME);
	ck_assert_ptr_null(db);
	ck_assert(strstr(err.first->message, "notadb.db: file is not a "
	                                     "database") != NULL);
	sd_error_clear(&err);

	/* a directory that does not exist */
	ck_assert_int_eq(sd_db_open(&db, "sqlite:///no/such/dir/x.db", tmpdir,
	                            &err),
	                 SD_ERUNTIME);
	sd_error_clear(&err);
	remove_tmpdir();
}
END_TEST

START_TEST(query_binds_parameters)
{
	static const char hostile[] = "x'); DROP TABLE users; --";
	sd_db *db;
	sd_rows *rows = NULL;
	sd_error err = SD_ERROR_INIT;
	const char *params[3];

	make_tmpdir();
	db = open_temp("q.db");
	exec_ok(db, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, "
	            "note TEXT); CREATE TABLE other (x)");
	params[0] = hostile;
	params[1] = NULL;
	params[2] = "7";
	ck_assert_int_eq(sd_db_query(db,
	                             "INSERT INTO users (id, name, note) "
	                             "VALUES ($3, $1, $2)",
	                             params, 3, NULL, &err),
	                 SD_OK);
	params[0] = "7";
	ck_assert_int_eq(sd_db_query(db,
	                             "SELECT name, note, id AS ident FROM "
	                             "users WHERE id = $1",
	                             params, 1, &rows, &err),
	                 SD_OK);
	ck_assert_uint_eq(rows->nrows, 1);
	ck_assert_uint_eq(rows->ncols, 3);
	ck_assert_str_eq(rows->names[2], "ident");
	ck_assert_str_eq(sd_rows_get(rows, 0, 0), hostile);
	ck_assert_ptr_null(sd_rows_get(rows, 0, 1));
	ck_assert_str_eq(sd_rows_get(rows, 0, 2), "7");
	ck_assert_ptr_null(sd_rows_get(rows, 1, 0));
	sd_rows_free(rows);
	sd_rows_free(NULL);

	/* a failing statement names itself */
	ck_assert_int_eq(sd_db_exec(db, "SELECT 1; SELEKT 2;", &err),
	                 SD_ERUNTIME);
	ck_assert(strstr(err.first->message, "SELEKT 2") != NULL);
	sd_error_clear(&err);

	/* rollback undoes; a second rollback is harmless */
	ck_assert_int_eq(db->driver->begin(db, &err), SD_OK);
	exec_ok(db, "DELETE FROM users");
	ck_assert_int_eq(db->driver->rollback(db, &err), SD_OK);
	ck_assert_int_eq(db->driver->rollback(db, &err), SD_OK);
	ck_assert_int_eq(sd_db_query(db, "SELECT count(*) FROM users", NULL, 0,
	                             &rows, &err),
	                 SD_OK);
	ck_assert_str_eq(sd_rows_get(rows, 0, 0), "1");
	sd_rows_free(rows);
	sd_db_close(db);
	sd_db_close(NULL);
	remove_tmpdir();
}
END_TEST

static int waited;

static void on_wait(void *ctx)
{
	(void)ctx;
	waited++;
}

/* BEGIN IMMEDIATE is the cross-process lock: while another process
 * holds it, begin() tells the caller once that it waits, then gets it. */
START_TEST(lock_waits)
{
	sd_db *a;
	sd_error err = SD_ERROR_INIT;
	int fds[2], status;
	char ch;
	pid_t pid;

	make_tmpdir();
	a = open_temp("lock.db");
	exec_ok(a, "CREATE TABLE t (x)");
	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		sd_db *h = NULL;
		sd_error e = SD_ERROR_INIT;
		if (sd_db_open(&h, "sqlite:///lock.db", tmpdir, &e) != SD_OK ||
		    h->driver->begin(h, &e) != SD_OK)
			_exit(1);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		usleep(400 * 1000);
		h->driver->commit(h, &e);
		sd_db_close(h);
		_exit(0);
	}
	ck_assert_int_eq(read(fds[0], &ch, 1), 1);
	waited = 0;
	ck_assert_int_eq(a->driver->lock(a, on_wait, NULL, &err), SD_OK);
	ck_assert_int_eq(a->driver->begin(a, &err), SD_OK);
	ck_assert_int_eq(waited, 1);
	exec_ok(a, "INSERT INTO t VALUES (1)");
	ck_assert_int_eq(a->driver->commit(a, &err), SD_OK);
	ck_assert_int_eq(a->driver->unlock(a, &err), SD_OK);
	/* uncontended: no waiting reported */
	ck_assert_int_eq(a->driver->lock(a, on_wait, NULL, &err), SD_OK);
	ck_assert_int_eq(a->driver->begin(a, &err), SD_OK);
	ck_assert_int_eq(a->driver->commit(a, &err), SD_OK);
	ck_assert_int_eq(waited, 1);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fds[0]);
	close(fds[1]);
	sd_db_close(a);
	remove_tmpdir();
}
END_TEST

/* ------------------------------------------------------------------ */
/* Table options: AUTOINCREMENT, WITHOUT ROWID, STRICT, ON CONFLICT    */
/* ------------------------------------------------------------------ */

/* The upgrade SQL from database file `a` to `b` (both built by their
 * scripts), the way `diff --from DB --to DB` computes it. */
static char *db_diff_both(const char *a_sql, const char *b_sql, sd_db **a_out,
                          char **down_out)
{
	sd_db *a = open_temp("opt_a.db"), *b = open_temp("opt_b.db");
	sd_schema *from, *to;
	sd_plan *p = NULL;
	sd_diff_opts o;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;

	exec_ok(a, a_sql);
	exec_ok(b, b_sql);
	from = introspect(a, NULL);
	to = introspect(b, NULL);
	memset(&o, 0, sizeof(o));
	o.caps = sd_dialect_sqlite.caps;
	o.drop_unlisted = true;
	ck_assert_int_eq(sd_diff(&p, from, to, &o, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, p, &sd_dialect_sqlite, &err),
	                 SD_OK);
	if (down_out)
		*down_out = sd_buf_detach(&down);
	sd_buf_free(&down);
	sd_plan_free(p);
	sd_schema_free(from);
	sd_schema_free(to);
	sd_db_close(b);
	*a_out = a;
	return sd_buf_detach(&up);
}

static char *db_diff_sql(const char *a_sql, const char *b_sql, sd_db **a_out)
{
	return db_diff_both(a_sql, b_sql, a_out, NULL);
}

START_TEST(autoincrement_rebuild_keeps_sequence)
{
	sd_db *a;
	sd_schema *from, *models = sd_schema_new();
	sd_table *t;
	sd_column *c;
	sd_primary_key *pk;
	sd_plan *p = NULL;
	sd_diff_opts o;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	char *sql, *text;

	make_tmpdir();
	sql = db_diff_sql(
		"CREATE TABLE logs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
		"msg TEXT);\n"
		"INSERT INTO logs (msg) VALUES ('a'), ('b'), ('c');\n"
		"DELETE FROM logs WHERE id = 3;",
		"CREATE TABLE logs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
		"msg TEXT NOT NULL DEFAULT '', level INTEGER);",
		&a);
	expect_text(
		sql,
		"CREATE TABLE \"_sd_new_logs\" (\n"
		"    \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n"
		"    \"msg\" TEXT NOT NULL DEFAULT '',\n"
		"    \"level\" INTEGER\n"
		");\n"
		"INSERT INTO \"_sd_new_logs\" (\"id\", \"msg\")\n"
		"    SELECT \"id\", coalesce(\"msg\", '') FROM \"logs\";\n"
		"UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM "
		"sqlite_sequence WHERE name IN ('logs', '_sd_new_logs')) "
		"WHERE name = '_sd_new_logs';\n"
		"INSERT INTO sqlite_sequence (name, seq) SELECT '_sd_new_logs', "
		"seq FROM sqlite_sequence WHERE name = 'logs' AND NOT EXISTS "
		"(SELECT 1 FROM sqlite_sequence WHERE name = '_sd_new_logs');\n"
		"DROP TABLE \"logs\";\n"
		"PRAGMA legacy_alter_table = ON;\n"
		"ALTER TABLE \"_sd_new_logs\" RENAME TO \"logs\";\n"
		"PRAGMA legacy_alter_table = OFF;\n");
	exec_ok(a, sql);
	exec_ok(a, "INSERT INTO logs (msg) VALUES ('d')");
	text = query_text(a, "SELECT id FROM logs ORDER BY id");
	ck_assert_str_eq(text, "1\n2\n4\n"); /* 3 is never reused */
	free(text);
	text = query_text(a, "SELECT name, seq FROM sqlite_sequence");
	ck_assert_str_eq(text, "logs|4\n");
	free(text);
	free(sql);

	/* against models, which never ask for AUTOINCREMENT, the database
	 * keeps it: no drift, and a rebuild for another reason keeps it */
	from = introspect(a, NULL);
	ck_assert(sd_table_find_column(sd_schema_find_table(from, NULL,
	                                                    "logs"),
	                               "id")
	              ->autoincrement_keyword);
	t = sd_schema_add_table(models, NULL, "logs");
	c = add_col(models, t, "id", "integer", false);
	c->autoincrement = true;
	pk = sd_table_set_primary_key(models, t, NULL);
	sd_strlist_push(models->arena, &pk->columns, "id");
	add_col(models, t, "msg", "text", true);
	add_col(models, t, "level", "integer", true);
	sd_schema_index(models);
	memset(&o, 0, sizeof(o));
	o.caps = sd_dialect_sqlite.caps;
	ck_assert_int_eq(sd_diff(&p, from, models, &o, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, p, &sd_dialect_sqlite, &err),
	                 SD_OK);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&up),
	                             "\"id\" INTEGER PRIMARY KEY "
	                             "AUTOINCREMENT,\n"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&down),
	                             "\"id\" INTEGER PRIMARY KEY "
	                             "AUTOINCREMENT,\n"));
	exec_ok(a, sd_buf_cstr(&up));
	exec_ok(a, "INSERT INTO logs (msg) VALUES ('e')");
	text = query_text(a, "SELECT max(id) FROM logs");
	ck_assert_str_eq(text, "5\n");
	free(text);

	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_plan_free(p);
	sd_schema_free(from);
	sd_schema_free(models);
	sd_db_close(a);
	remove_tmpdir();
}
END_TEST

START_TEST(table_options_rebuild)
{
	sd_db *a;
	char *sql, *text;

	make_tmpdir();
	sql = db_diff_sql(
		"CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT);\n"
		"CREATE TABLE s (id INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID;\n"
		"INSERT INTO kv VALUES ('a', '1');",
		"CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;\n"
		"CREATE TABLE s (id INTEGER PRIMARY KEY, v TEXT) STRICT, "
		"WITHOUT ROWID;",
		&a);
	expect_text(sql,
	            "CREATE TABLE \"_sd_new_kv\" (\n"
	            "    \"k\" TEXT,\n"
	            "    \"v\" TEXT,\n"
	            "    PRIMARY KEY (\"k\")\n"
	            ") WITHOUT ROWID;\n"
	            "INSERT INTO \"_sd_new_kv\" (\"k\", \"v\")\n"
	            "    SELECT \"k\", \"v\" FROM \"kv\";\n"
	            "DROP TABLE \"kv\";\n"
	            "PRAGMA legacy_alter_table = ON;\n"
	            "ALTER TABLE \"_sd_new_kv\" RENAME TO \"kv\";\n"
	            "PRAGMA legacy_alter_table = OFF;\n"
	            "CREATE TABLE \"_sd_new_s\" (\n"
	            "    \"id\" INTEGER,\n"
	            "    \"v\" TEXT,\n"
	            "    PRIMARY KEY (\"id\")\n"
	            ") STRICT, WITHOUT ROWID;\n"
	            "INSERT INTO \"_sd_new_s\" (\"id\", \"v\")\n"
	            "    SELECT \"id\", \"v\" FROM \"s\";\n"
	            "DROP TABLE \"s\";\n"
	            "PRAGMA legacy_alter_table = ON;\n"
	            "ALTER TABLE \"_sd_new_s\" RENAME TO \"s\";\n"
	            "PRAGMA legacy_alter_table = OFF;\n");
	exec_ok(a, sql);
	text = query_text(a, "SELECT name, wr, strict FROM pragma_table_list "
	                     "WHERE schema = 'main' AND name IN ('kv', 's') "
	                     "ORDER BY name");
	ck_assert_str_eq(text, "kv|1|0\ns|1|1\n");
	free(text);
	free(sql);
	sd_db_close(a);
	remove_tmpdir();
}
END_TEST

START_TEST(conflict_clauses_rebuild)
{
	sd_db *a;
	sd_schema *from, *models = sd_schema_new();
	sd_table *t;
	sd_column *c;
	sd_primary_key *pk;
	sd_plan *p = NULL;
	sd_diff_opts o;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	char *sql, *text;

	make_tmpdir();
	sql = db_diff_sql(
		"CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);\n"
		"INSERT INTO t VALUES (1, 'x', 'y');",
		"CREATE TABLE t (id INTEGER PRIMARY KEY ON CONFLICT REPLACE, "
		"a TEXT NOT NULL ON CONFLICT IGNORE DEFAULT '', "
		"b TEXT CONSTRAINT uq_b UNIQUE ON CONFLICT FAIL);",
		&a);
	expect_text(sql,
	            "CREATE TABLE \"_sd_new_t\" (\n"
	            "    \"id\" INTEGER PRIMARY KEY ON CONFLICT REPLACE,\n"
	            "    \"a\" TEXT NOT NULL ON CONFLICT IGNORE DEFAULT '',\n"
	            "    \"b\" TEXT,\n"
	            "    CONSTRAINT \"uq_b\" UNIQUE (\"b\") ON CONFLICT FAIL\n"
	            ");\n"
	            "INSERT INTO \"_sd_new_t\" (\"id\", \"a\", \"b\")\n"
	            "    SELECT \"id\", coalesce(\"a\", ''), \"b\" FROM \"t\";\n"
	            "DROP TABLE \"t\";\n"
	            "PRAGMA legacy_alter_table = ON;\n"
	            "ALTER TABLE \"_sd_new_t\" RENAME TO \"t\";\n"
	            "PRAGMA legacy_alter_table = OFF;\n");
	exec_ok(a, sql);
	exec_ok(a, "INSERT INTO t VALUES (1, 'p', 'q')");
	exec_ok(a, "INSERT INTO t (id, a, b) VALUES (2, NULL, 'r')");
	text = query_text(a, "SELECT id, a, b FROM t ORDER BY id");
	ck_assert_str_eq(text, "1|p|q\n");
	free(text);
	free(sql);

	/* models know no conflict clauses: a rebuild they cause keeps the
	 * database's, the UNIQUE staying inline where its clause lives */
	from = introspect(a, NULL);
	t = sd_schema_add_table(models, NULL, "t");
	c = add_col(models, t, "id", "integer", false);
	c->autoincrement = true;
	pk = sd_table_set_primary_key(models, t, NULL);
	sd_strlist_push(models->arena, &pk->columns, "id");
	add_col(models, t, "a", "text", false)->default_value.sql = "''";
	add_col(models, t, "b", "text", true);
	sd_strlist_push(models->arena,
	                &sd_table_add_unique(models, t, "uq_b")->columns, "b");
	sd_table_add_check(models, t, "ck_t_a")->expression.sql = "a <> 'z'";
	sd_schema_index(models);
	memset(&o, 0, sizeof(o));
	o.caps = sd_dialect_sqlite.caps;
	ck_assert_int_eq(sd_diff(&p, from, models, &o, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, p, &sd_dialect_sqlite, &err),
	                 SD_OK);
	expect_text(sd_buf_cstr(&up),
	            "CREATE TABLE \"_sd_new_t\" (\n"
	            "    \"id\" INTEGER PRIMARY KEY ON CONFLICT REPLACE,\n"
	            "    \"a\" TEXT NOT NULL ON CONFLICT IGNORE DEFAULT '',\n"
	            "    \"b\" TEXT,\n"
	            "    CONSTRAINT \"uq_b\" UNIQUE (\"b\") ON CONFLICT FAIL,\n"
	            "    CONSTRAINT \"ck_t_a\" CHECK (a <> 'z')\n"
	            ");\n"
	            "INSERT INTO \"_sd_new_t\" (\"id\", \"a\", \"b\")\n"
	            "    SELECT \"id\", \"a\", \"b\" FROM \"t\";\n"
	            "DROP TABLE \"t\";\n"
	            "PRAGMA legacy_alter_table = ON;\n"
	            "ALTER TABLE \"_sd_new_t\" RENAME TO \"t\";\n"
	            "PRAGMA legacy_alter_table = OFF;\n");
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_plan_free(p);
	sd_schema_free(from);
	sd_schema_free(models);
	sd_db_close(a);
	remove_tmpdir();
}
END_TEST


/*
 * Views and triggers through a table rebuild: the views over the table (and
 * the view over that view) and its trigger are dropped before the rebuild,
 * dependants first, and created again after it, in dependency order; the
 * rows stay and the trigger fires; the downgrade brings back the catalog
 * the database had.
 */
static const char logic_a[] =
	"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, qty INT);\n"
	"CREATE TABLE audit (item INTEGER, what TEXT);\n"
	"CREATE VIEW stocked AS SELECT id, name FROM items WHERE qty > 0;\n"
	"CREATE VIEW stocked_names (n) AS SELECT name FROM stocked;\n"
	"CREATE TRIGGER tr_qty AFTER UPDATE OF qty ON items FOR EACH ROW\n"
	"WHEN new.qty <> old.qty BEGIN\n"
	"  INSERT INTO audit VALUES (new.id, 'qty; changed');\n"
	"END;\n"
	"INSERT INTO items VALUES (1, 'a', 1), (2, 'b', 0);\n";

START_TEST(views_triggers_through_rebuild)
{
	sd_error err = SD_ERROR_INIT;
	sd_db *a;
	char *up, *down, *text, *before;

	make_tmpdir();
	up = db_diff_both(
		logic_a,
		"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
		" qty INT);\n"
		"CREATE TABLE audit (item INTEGER, what TEXT);\n"
		"CREATE VIEW stocked AS SELECT id, name FROM items WHERE qty > 0;\n"
		"CREATE VIEW stocked_names (n) AS SELECT name FROM stocked;\n"
		"CREATE TRIGGER tr_qty AFTER UPDATE OF qty ON items FOR EACH ROW\n"
		"WHEN new.qty <> old.qty BEGIN\n"
		"  INSERT INTO audit VALUES (new.id, 'qty; changed');\n"
		"END;\n"
		"CREATE TRIGGER tr_keep BEFORE DELETE ON items BEGIN\n"
		"  SELECT RAISE(ABORT, 'kept');\n"
		"END;\n",
		&a, &down);
	/* dependants first, created again in dependency order */
	expect_text(up,
	            "DROP TRIGGER \"tr_qty\";\n"
	            "DROP VIEW \"stocked_names\";\n"
	            "DROP VIEW \"stocked\";\n"
	            "CREATE TABLE \"_sd_new_items\" (\n"
	            "    \"id\" INTEGER PRIMARY KEY,\n"
	            "    \"name\" TEXT NOT NULL,\n"
	            "    \"qty\" INT\n"
	            ");\n"
	            "INSERT INTO \"_sd_new_items\" (\"id\", \"name\", \"qty\")\n"
	            "    SELECT \"id\", \"name\", \"qty\" FROM \"items\";\n"
	            "DROP TABLE \"items\";\n"
	            "PRAGMA legacy_alter_table = ON;\n"
	            "ALTER TABLE \"_sd_new_items\" RENAME TO \"items\";\n"
	            "PRAGMA legacy_alter_table = OFF;\n"
	            "CREATE TRIGGER tr_keep BEFORE DELETE ON items BEGIN\n"
	            "  SELECT RAISE(ABORT, 'kept');\n"
	            "END;\n"
	            "CREATE VIEW stocked AS SELECT id, name FROM items WHERE "
	            "qty > 0;\n"
	            "CREATE TRIGGER tr_qty AFTER UPDATE OF qty ON items FOR "
	            "EACH ROW\n"
	            "WHEN new.qty <> old.qty BEGIN\n"
	            "  INSERT INTO audit VALUES (new.id, 'qty; changed');\n"
	            "END;\n"
	            "CREATE VIEW stocked_names (n) AS SELECT name FROM "
	            "stocked;\n");
	/* the downgrade: the inverse, in the reverse order */
	ck_assert_ptr_nonnull(strstr(
		down, "DROP VIEW \"stocked_names\";\n"
		      "DROP TRIGGER \"tr_qty\";\n"
		      "DROP VIEW \"stocked\";\n"
		      "DROP TRIGGER \"tr_keep\";\n"
		      "CREATE TABLE \"_sd_new_items\""));
	before = query_text(a, "SELECT type, name, tbl_name, sql FROM "
	                       "sqlite_schema WHERE type IN ('view', "
	                       "'trigger') ORDER BY name");
	exec_ok(a, up);
	text = query_text(a, "SELECT type, name, tbl_name FROM sqlite_schema "
	                     "WHERE type IN ('view', 'trigger') ORDER BY name");
	ck_assert_str_eq(text, "view|stocked|stocked\n"
	                       "view|stocked_names|stocked_names\n"
	                       "trigger|tr_keep|items\n"
	                       "trigger|tr_qty|items\n");
	free(text);
	text = query_text(a, "SELECT * FROM stocked_names");
	ck_assert_str_eq(text, "a\n");
	free(text);
	exec_ok(a, "UPDATE items SET qty = 5 WHERE id = 2");
	text = query_text(a, "SELECT * FROM audit");
	ck_assert_str_eq(text, "2|qty; changed\n");
	free(text);
	/* the new trigger fires too */
	ck_assert_int_ne(sd_db_exec(a, "DELETE FROM items", &err), SD_OK);
	sd_error_clear(&err);
	exec_ok(a, down);
	text = query_text(a, "SELECT type, name, tbl_name, sql FROM "
	                     "sqlite_schema WHERE type IN ('view', "
	                     "'trigger') ORDER BY name");
	expect_text(text, before);
	free(text);
	text = query_text(a, "SELECT id, name, qty FROM items ORDER BY id");
	ck_assert_str_eq(text, "1|a|1\n2|b|5\n");
	free(text);
	free(before);
	free(up);
	free(down);
	sd_db_close(a);
	remove_tmpdir();
}
END_TEST

/*
 * Models against a database: the same view and trigger written otherwise
 * (blanks, case, quotes, a final ';', FOR EACH ROW left out) are no
 * change; a changed body is a drop and a create from the models' parts.
 */
START_TEST(views_triggers_by_meaning)
{
	sd_db *db, *other;
	sd_schema *from, *models;
	sd_view *v;
	sd_trigger *tr;
	sd_plan *p = NULL;
	sd_diff_opts o;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	char *text;

	make_tmpdir();
	db = open_temp("meaning.db");
	exec_ok(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT);\n"
	            "CREATE TABLE log (x INT);\n"
	            "CREATE VIEW \"big\" (k) AS SELECT id FROM t WHERE n > 1;\n"
	            "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW\n"
	            "WHEN NEW.n > 0 BEGIN INSERT INTO log VALUES (NEW.n); END;\n");
	from = introspect(db, NULL);
	/* the models: the same tables, the logic written otherwise */
	other = open_temp("meaning_models.db");
	exec_ok(other, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT);\n"
	               "CREATE TABLE log (x INT);\n");
	models = introspect(other, NULL);
	sd_db_close(other);
	v = sd_logic_add_view(models, NULL, "big");
	v->query.sql = "select ID from \"t\"\n  where N > 1;";
	sd_strlist_push(models->arena, &v->column_names, "k");
	tr = sd_logic_add_trigger(models, NULL, "t", "tr");
	tr->timing = "after";
	tr->events = SD_TRIG_INSERT;
	tr->when.sql = "new.n > 0";
	tr->body = "insert into LOG values (new.n)";
	sd_logic_sort(models);

	memset(&o, 0, sizeof(o));
	o.caps = sd_dialect_sqlite.caps;
	o.drop_unlisted = true;
	ck_assert_int_eq(sd_diff(&p, from, models, &o, &err), SD_OK);
	ck_assert_uint_eq(p->nops, 0);
	sd_plan_free(p);

	tr->body = "INSERT INTO log VALUES (new.n * 2)";
	ck_assert_int_eq(sd_diff(&p, from, models, &o, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, p, &sd_dialect_sqlite, &err),
	                 SD_OK);
	expect_text(sd_buf_cstr(&up),
	            "DROP TRIGGER \"tr\";\n"
	            "CREATE TRIGGER \"tr\" AFTER INSERT ON \"t\"\n"
	            "WHEN new.n > 0\n"
	            "BEGIN\n"
	            "INSERT INTO log VALUES (new.n * 2);\n"
	            "END;\n");
	/* the downgrade puts back the text the database had */
	expect_text(sd_buf_cstr(&down),
	            "DROP TRIGGER \"tr\";\n"
	            "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW\n"
	            "WHEN NEW.n > 0 BEGIN INSERT INTO log VALUES (NEW.n); "
	            "END;\n");
	exec_ok(db, sd_buf_cstr(&up));
	exec_ok(db, "INSERT INTO t VALUES (1, 3)");
	text = query_text(db, "SELECT x FROM log");
	ck_assert_str_eq(text, "6\n");
	free(text);
	exec_ok(db, sd_buf_cstr(&down));
	text = query_text(db, "SELECT sql FROM sqlite_schema WHERE name = 'tr'");
	ck_assert_str_eq(text, "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH "
	                       "ROW\nWHEN NEW.n > 0 BEGIN INSERT INTO log "
	                       "VALUES (NEW.n); END\n");
	free(text);

	sd_plan_free(p);
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_schema_free(from);
	sd_schema_free(models);
	sd_db_close(db);
	remove_tmpdir();
}
END_TEST

/*
 * A plan that leaves unlisted objects alone (drop_unlisted off) still
 * takes a trigger along through a rebuild of its table: dropped before,
 * created again as the database had it.
 */
START_TEST(unlisted_trigger_through_rebuild)
{
	sd_db *db, *other;
	sd_schema *from, *to;
	sd_plan *p = NULL;
	sd_diff_opts o;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	char *text;

	make_tmpdir();
	db = open_temp("unlisted.db");
	exec_ok(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT);\n"
	            "CREATE TABLE log (x INT);\n"
	            "CREATE TRIGGER tr AFTER INSERT ON t BEGIN "
	            "INSERT INTO log VALUES (new.n); END;\n");
	other = open_temp("unlisted_models.db");
	exec_ok(other, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INT NOT "
	               "NULL);\nCREATE TABLE log (x INT);\n");
	from = introspect(db, NULL);
	to = introspect(other, NULL);
	memset(&o, 0, sizeof(o));
	o.caps = sd_dialect_sqlite.caps;
	ck_assert_int_eq(sd_diff(&p, from, to, &o, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, p, &sd_dialect_sqlite, &err),
	                 SD_OK);
	ck_assert(strncmp(sd_buf_cstr(&up), "DROP TRIGGER \"tr\";\n", 19) == 0);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&up),
	                             "PRAGMA legacy_alter_table = OFF;\n"
	                             "CREATE TRIGGER tr AFTER INSERT ON t BEGIN "
	                             "INSERT INTO log VALUES (new.n); END;\n"));
	exec_ok(db, sd_buf_cstr(&up));
	exec_ok(db, "INSERT INTO t VALUES (1, 7)");
	text = query_text(db, "SELECT x FROM log");
	ck_assert_str_eq(text, "7\n");
	free(text);

	sd_plan_free(p);
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_schema_free(from);
	sd_schema_free(to);
	sd_db_close(other);
	sd_db_close(db);
	remove_tmpdir();
}
END_TEST

static Suite *sqlite_suite(void)
{
	Suite *s = suite_create("sqlite");

	SD_TEST(s, introspect_catalog, 60);
	SD_TEST(s, introspect_emit_roundtrip, 60);
	SD_TEST(s, declared_types, 60);
	SD_TEST(s, type_roundtrip, 60);
	SD_TEST(s, type_arguments_one_rule, 60);
	SD_TEST(s, emit_spec_example, 60);
	SD_TEST(s, emit_create_table, 60);
	SD_TEST(s, emit_alter_ops, 60);
	SD_TEST(s, quoting, 60);
	SD_TEST(s, rebuild_keeps_data, 60);
	SD_TEST(s, rebuild_renames_keep_references, 60);
	SD_TEST(s, rename_column_reindexed_both_ways, 60);
	SD_TEST(s, rebuild_foreign_key_check, 60);
	SD_TEST(s, url_handling, 60);
	SD_TEST(s, query_binds_parameters, 60);
	SD_TEST(s, lock_waits, 60);
	SD_TEST(s, autoincrement_rebuild_keeps_sequence, 60);
	SD_TEST(s, table_options_rebuild, 60);
	SD_TEST(s, conflict_clauses_rebuild, 60);
	SD_TEST(s, views_triggers_through_rebuild, 60);
	SD_TEST(s, views_triggers_by_meaning, 60);
	SD_TEST(s, unlisted_trigger_through_rebuild, 60);
	return s;
}

SD_TEST_MAIN(sqlite_suite)
