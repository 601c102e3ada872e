/*
 * test_capi.c - C revisions: the C emitter against golden files
 * (testdata/crev/<case>.c, SD_UPDATE_GOLDEN=1 rewrites them) and every
 * emitted file compiled with the system compiler; the operation API's SQL
 * offline and on a real SQLite database (bound hostile values, rebuilds,
 * sticky errors); the object cache (what it accepts, what it rebuilds, the
 * directories it refuses) and compile errors.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capi/capi.h"
#include "diff/plan.h"
#include "emit/dialect.h"
#include "harness.h"
#include "model/load.h"

static const char *root(void)
{
	const char *r = getenv("SD_SOURCE_ROOT");
	return r ? r : ".";
}

static sd_schema *models(const char *yaml)
{
	sd_schema *s = NULL;
	sd_error err = SD_ERROR_INIT;
	int rc = sd_models_load_data(&s, yaml, strlen(yaml), "models.yaml",
	                             &sd_naming_default, &err);

	ck_assert_msg(rc == SD_OK, "models: %s",
	              err.first ? err.first->message : "?");
	return s;
}

/* Compiles text as a C revision would be (syntax only, warnings fatal). */
static void compiles(const char *name, const char *text)
{
	char src[] = "/tmp/sd_capi_XXXXXX.c";
	char cmd[2048];
	int fd = mkstemps(src, 2), rc;
	const char *cc = getenv("CC");

	ck_assert(fd >= 0);
	ck_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	snprintf(cmd, sizeof(cmd),
	         "%s -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only "
	         "-I'%s/include' '%s' 2>&1",
	         cc && *cc ? cc : "cc", root(), src);
	rc = system(cmd);
	unlink(src);
	ck_assert_msg(rc == 0, "%s: the emitted C does not compile", name);
}

static void golden(const char *name, const char *text)
{
	char path[1024];

	snprintf(path, sizeof(path), "testdata/crev/%s.c", name);
	sd_test_golden(path, text);
}

/* Which op kinds the golden cases exercised, for the coverage test. */
static bool seen[SD_OP__COUNT];

static void emit_case(const char *name, const sd_dialect *d,
                      const char *from_yaml, const char *to_yaml)
{
	sd_schema *from = models(from_yaml), *to = models(to_yaml);
	sd_plan *plan = NULL;
	sd_diff_opts o;
	sd_error err = SD_ERROR_INIT;
	sd_buf out = SD_BUF_INIT;
	size_t i;

	memset(&o, 0, sizeof(o));
	o.caps = d->caps;
	o.drop_unlisted = true;
	ck_assert_msg(sd_diff(&plan, from, to, &o, &err) == SD_OK, "diff: %s",
	              err.first ? err.first->message : "?");
	for (i = 0; i < plan->nops; i++)
		seen[plan->ops[i]->kind] = true;
	sd_buf_put(&out, "/* golden: ");
	sd_buf_put(&out, name);
	sd_buf_put(&out, " */\n");
	ck_assert_msg(sd_emit_c(&out, plan, d, &err) == SD_OK, "emit: %s",
	              err.first ? err.first->message : "?");
	golden(name, sd_buf_cstr(&out));
	compiles(name, sd_buf_cstr(&out));
	sd_buf_free(&out);
	sd_plan_free(plan);
	sd_schema_free(from);
	sd_schema_free(to);
}

static const char empty_models[] = "tables: []\n";

static const char shop_models[] =
	"tables:\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: username, type: string(50), nullable: false}\n"
	"      - {name: email, type: string(120), unique: true}\n"
	"      - {name: created_at, type: timestamptz, default: now(), nullable: false}\n"
	"  - name: posts\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: user_id, type: integer, references: users.id, on_delete: cascade}\n"
	"      - {name: title, type: text, nullable: false}\n"
	"    indexes:\n"
	"      - {name: ix_posts_title, columns: [title]}\n"
	"      - {name: ix_posts_lower_title, expressions: [\"lower(title)\"], where: \"title IS NOT NULL\"}\n"
	"    checks:\n"
	"      - {name: ck_posts_title, expression: \"length(title) > 0\"}\n";

static const char shop_changed[] =
	"tables:\n"
	"  - name: accounts\n"
	"    renamed_from: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: login, type: string(80), nullable: false, renamed_from: username}\n"
	"      - {name: created_at, type: timestamptz, default: now(), nullable: false}\n"
	"      - {name: karma, type: integer, nullable: false, default: \"0\"}\n"
	"  - name: posts\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: user_id, type: integer, references: accounts.id, on_delete: cascade}\n"
	"      - {name: title, type: text, nullable: false}\n"
	"      - {name: body, type: text, default: \"''\"}\n"
	"    indexes:\n"
	"      - {name: ix_posts_title, columns: [title], unique: true}\n";

static const char pg_models[] =
	"enums:\n"
	"  - name: user_status\n"
	"    values: [active, banned]\n"
	"tables:\n"
	"  - name: orgs\n"
	"    schema: billing\n"
	"    comment: Paying customers\n"
	"    columns:\n"
	"      - {name: id, type: bigint, primary_key: true}\n"
	"      - {name: name, type: text, nullable: false, comment: Legal name}\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: org_id, type: bigint, references: billing.orgs.id}\n"
	"      - {name: status, type: enum(user_status), default: \"'active'\"}\n"
	"      - {name: score, type: \"numeric(10,2)\", nullable: false, default: \"0\"}\n"
	"      - {name: tags, type: \"text[]\"}\n"
	"    indexes:\n"
	"      - {name: ix_users_status, columns: [status, org_id]}\n"
	"    checks:\n"
	"      - {name: ck_users_score, expression: \"score >= 0\"}\n";

static const char pg_changed[] =
	"enums:\n"
	"  - name: user_status\n"
	"    values: [active, suspended, banned]\n"
	"  - name: plan\n"
	"    values: [free, pro]\n"
	"tables:\n"
	"  - name: orgs\n"
	"    schema: billing\n"
	"    comment: Customers\n"
	"    columns:\n"
	"      - {name: id, type: bigint, primary_key: true}\n"
	"      - {name: name, type: text, nullable: false, comment: Legal name}\n"
	"      - {name: plan, type: enum(plan), nullable: false, backfill: \"'free'\"}\n"
	"      - {name: slug, type: text, nullable: false, backfill: \"lower(name)\"}\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: org_id, type: bigint, references: billing.orgs.id, nullable: false}\n"
	"      - {name: status, type: enum(user_status)}\n"
	"      - {name: score, type: \"numeric(12,2)\", nullable: false, default: \"0\"}\n"
	"      - {name: tags, type: text}\n"
	"    unique:\n"
	"      - {name: uq_users_org_id, columns: [org_id]}\n";

static const char pg_enum_shrunk[] =
	"enums:\n"
	"  - name: user_status\n"
	"    values: [active]\n"
	"tables: []\n";

static const char pg_enum_full[] =
	"enums:\n"
	"  - name: user_status\n"
	"    values: [active, banned]\n"
	"tables: []\n";

static const char hostile_models[] =
	"tables:\n"
	"  - name: \"we\\\"ird\\\\na?\?/me */ x\"\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: \"it's \\\"col\\\"\\n2\", type: text, default: \"'a\\\\b ?\?= \\\"q\\\"'\"}\n";

START_TEST(golden_sqlite_create)
{
	emit_case("sqlite_create", &sd_dialect_sqlite, empty_models, shop_models);
	emit_case("sqlite_drop", &sd_dialect_sqlite, shop_models, empty_models);
}
END_TEST

START_TEST(golden_sqlite_alter)
{
	emit_case("sqlite_alter", &sd_dialect_sqlite, shop_models, shop_changed);
}
END_TEST

/* PostgreSQL's column settings, a key index's comment and extended
 * statistics have no API words: their statements as they are. */
static const char pg_settings_models[] =
	"tables:\n"
	"  - name: addresses\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: zip, type: text, options: {n_distinct: 500}}\n"
	"      - {name: city, type: text, compression: lz4}\n"
	"    unique:\n"
	"      - {name: uq_addresses_zip, columns: [zip],"
	" index_comment: lookups}\n"
	"    statistics:\n"
	"      - {name: addresses_zip_city, kinds: [dependencies],"
	" columns: [zip, city], target: 300}\n";

START_TEST(golden_postgres_create)
{
	emit_case("postgres_create", &sd_dialect_postgres, empty_models, pg_models);
	emit_case("postgres_settings_create", &sd_dialect_postgres,
	          empty_models, pg_settings_models);
	emit_case("postgres_drop", &sd_dialect_postgres, pg_models, empty_models);
}
END_TEST

START_TEST(golden_postgres_alter)
{
	emit_case("postgres_alter", &sd_dialect_postgres, pg_models, pg_changed);
	emit_case("postgres_shop_alter", &sd_dialect_postgres, shop_models,
	          shop_changed);
	emit_case("postgres_enum_value_removed", &sd_dialect_postgres,
	          pg_enum_full, pg_enum_shrunk);
}
END_TEST

START_TEST(golden_hostile_names)
{
	emit_case("sqlite_hostile", &sd_dialect_sqlite, empty_models, hostile_models);
	emit_case("postgres_hostile", &sd_dialect_postgres, empty_models,
	          hostile_models);
}
END_TEST

/* Every op kind the differ makes in these cases is one the emitter and
 * the compiler saw (each test runs in its own process, so this one runs
 * all cases again). */
START_TEST(golden_covers_op_kinds)
{
	static const sd_op_kind want[] = {
		SD_OP_CREATE_NAMESPACE, SD_OP_CREATE_ENUM, SD_OP_DROP_ENUM,
		SD_OP_ADD_ENUM_VALUE, SD_OP_RECREATE_ENUM, SD_OP_CREATE_TABLE,
		SD_OP_DROP_TABLE, SD_OP_RENAME_TABLE, SD_OP_REBUILD_TABLE,
		SD_OP_ADD_COLUMN, SD_OP_DROP_COLUMN, SD_OP_RENAME_COLUMN,
		SD_OP_ALTER_COLUMN, SD_OP_ADD_CONSTRAINT, SD_OP_CREATE_INDEX,
		SD_OP_DROP_INDEX, SD_OP_SET_COMMENT, SD_OP_BACKFILL,
	};
	size_t i;

	emit_case("sqlite_create", &sd_dialect_sqlite, empty_models, shop_models);
	emit_case("sqlite_drop", &sd_dialect_sqlite, shop_models, empty_models);
	emit_case("sqlite_alter", &sd_dialect_sqlite, shop_models, shop_changed);
	emit_case("postgres_create", &sd_dialect_postgres, empty_models, pg_models);
	emit_case("postgres_drop", &sd_dialect_postgres, pg_models, empty_models);
	emit_case("postgres_alter", &sd_dialect_postgres, pg_models, pg_changed);
	emit_case("postgres_shop_alter", &sd_dialect_postgres, shop_models,
	          shop_changed);
	emit_case("postgres_enum_value_removed", &sd_dialect_postgres,
	          pg_enum_full, pg_enum_shrunk);
	for (i = 0; i < SD_ARRAY_LEN(want); i++)
		ck_assert_msg(seen[want[i]], "no golden case has a %s operation",
		              sd_op_kind_name(want[i]));
}
END_TEST

/* ------------------------------------------------------------------ */
/* The API offline: the exact statements                               */
/* ------------------------------------------------------------------ */

/* A script in pieces runs as the pieces joined (generated revisions
 * write long statements so). */
START_TEST(api_script_parts)
{
	static const char *const parts[] = {"CREATE TABLE \"t\" (", "\"id\" ",
	                                    "INTEGER);\nDROP TABLE \"t\";\n",
	                                    NULL};
	sd_buf out = SD_BUF_INIT;
	sd_migration *m = sd_migration_new(NULL, &sd_dialect_sqlite, &out,
	                                   NULL, NULL);

	ck_assert_int_eq(sd_execute_script_parts(m, parts), 0);
	ck_assert_str_eq(sd_buf_cstr(&out),
	                 "CREATE TABLE \"t\" (\"id\" INTEGER);\n"
	                 "DROP TABLE \"t\";\n");
	ck_assert_int_eq(sd_execute_script_parts(m, NULL), SD_ERR_INPUT);
	sd_migration_free(m);
	sd_buf_free(&out);
}
END_TEST

START_TEST(api_offline_sqlite)
{
	sd_buf out = SD_BUF_INIT;
	sd_migration *m = sd_migration_new(NULL, &sd_dialect_sqlite, &out,
	                                   NULL, NULL);
	sd_table_def *t = sd_table_begin(m, "users");

	sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
	sd_column_default(sd_table_column(t, "name", "string(50)", SD_COL_NOT_NULL),
	                  "'x'");
	ck_assert_int_eq(sd_create_table(m, t), 0);
	ck_assert_int_eq(sd_add_column(m, "users",
	                               sd_column_begin(m, "email", "string(120)",
	                                               SD_COL_UNIQUE)), 0);
	ck_assert_int_eq(sd_create_index(m, "users", &(sd_index_def){
		.name = "ix_users_name", .columns = SD_NAMES("name")}), 0);
	ck_assert_int_eq(sd_execute(m, "UPDATE users SET name = $1 WHERE id = $2 -- $1",
	                            "x'); DROP TABLE users; --", NULL), 0);
	ck_assert_int_eq(sd_rename_column(m, "users", "name", "login"), 0);
	ck_assert_int_eq(sd_drop_index(m, "users", "ix_users_name"), 0);
	ck_assert_int_eq(sd_create_enum(m, "status", SD_NAMES("a")), 0);
	ck_assert_str_eq(sd_buf_cstr(&out),
		"CREATE TABLE \"users\" (\n"
		"    \"id\" INTEGER PRIMARY KEY,\n"
		"    \"name\" VARCHAR(50) NOT NULL DEFAULT 'x'\n"
		");\n"
		"ALTER TABLE \"users\" ADD COLUMN \"email\" VARCHAR(120);\n"
		"CREATE UNIQUE INDEX \"uq_users_email\" ON \"users\" (\"email\");\n"
		"CREATE INDEX \"ix_users_name\" ON \"users\" (\"name\");\n"
		"UPDATE users SET name = 'x''); DROP TABLE users; --' WHERE id = NULL -- $1;\n"
		"ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"login\";\n"
		"DROP INDEX \"ix_users_name\";\n");
	/* the table's definition is needed for a SQLite ALTER COLUMN */
	ck_assert_int_eq(sd_alter_column_type(m, "users", "login", "text"),
	                 SD_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(sd_migration_error(m), "offline"));
	sd_migration_free(m);
	sd_buf_free(&out);
}
END_TEST

START_TEST(api_offline_postgres)
{
	sd_buf out = SD_BUF_INIT;
	sd_migration *m = sd_migration_new(NULL, &sd_dialect_postgres, &out,
	                                   NULL, NULL);

	sd_use_schema(m, "billing");
	ck_assert_int_eq(sd_add_constraint(m, "orgs", &(sd_constraint_def){
		.kind = SD_FOREIGN_KEY, .name = "fk_orgs_owner",
		.columns = SD_NAMES("owner_id"), .ref_schema = "public",
		.ref_table = "users", .ref_columns = SD_NAMES("id"),
		.on_delete = "set null"}), 0);
	sd_use_schema(m, NULL);
	ck_assert_int_eq(sd_alter_column_nullable(m, "users", "email", false), 0);
	ck_assert_int_eq(sd_alter_column_default(m, "users", "email", NULL), 0);
	ck_assert_int_eq(sd_add_enum_value(m, "status", "gone", NULL, "a"), 0);
	ck_assert_int_eq(sd_drop_constraint(m, "users", "ck_x"), 0);
	ck_assert_int_eq(sd_execute(m, "SELECT $1", "O'Brien"), 0);
	ck_assert_str_eq(sd_buf_cstr(&out),
		"ALTER TABLE \"billing\".\"orgs\" ADD CONSTRAINT \"fk_orgs_owner\" FOREIGN KEY (\"owner_id\") REFERENCES \"users\" (\"id\") ON DELETE SET NULL;\n"
		"ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL;\n"
		"ALTER TABLE \"users\" ALTER COLUMN \"email\" DROP DEFAULT;\n"
		"ALTER TYPE \"status\" ADD VALUE 'gone' AFTER 'a';\n"
		"ALTER TABLE \"users\" DROP CONSTRAINT \"ck_x\";\n"
		"SELECT 'O''Brien';\n");
	sd_migration_free(m);
	sd_buf_free(&out);
}
END_TEST

START_TEST(api_errors_are_sticky)
{
	sd_buf out = SD_BUF_INIT;
	sd_migration *m = sd_migration_new(NULL, &sd_dialect_sqlite, &out,
	                                   NULL, NULL);
	sd_table_def *t = sd_table_begin(m, "t");

	sd_table_column(t, "a", "strng(5)", 0);
	ck_assert_int_eq(sd_create_table(m, t), SD_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(sd_migration_error(m), "strng(5)"));
	ck_assert_int_eq(sd_drop_table(m, "t"), SD_ERR_INPUT);
	ck_assert_int_eq(sd_migration_status(m), SD_ERR_INPUT);
	ck_assert_uint_eq(out.len, 0);
	sd_migration_free(m);
	sd_buf_free(&out);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The API on a SQLite database                                        */
/* ------------------------------------------------------------------ */

static sd_db *temp_sqlite(char *dir)
{
	sd_db *db = NULL;
	sd_error err = SD_ERROR_INIT;
	char url[512];

	ck_assert(mkdtemp(dir) != NULL);
	snprintf(url, sizeof(url), "sqlite:///%s/t.db", dir);
	ck_assert_msg(sd_db_open(&db, url, "/", &err) == SD_OK, "open: %s",
	              err.first ? err.first->message : "?");
	return db;
}

START_TEST(api_sqlite_data_and_rebuild)
{
	static const char *const values[] = {
		"x'); DROP TABLE people; --", "O'Brien", "Zoë 日本語 \\ \"q\"", NULL};
	char dir[] = "/tmp/sd_capi_db_XXXXXX";
	sd_db *db = temp_sqlite(dir);
	sd_error err = SD_ERROR_INIT;
	sd_migration *m;
	sd_table_def *t;
	sd_cursor *c;
	size_t i, n = 0;
	char id[8];
	sd_rows *rows = NULL;

	ck_assert_int_eq(db->driver->begin(db, &err), SD_OK);
	m = sd_migration_new(db, NULL, NULL, NULL, NULL);
	t = sd_table_begin(m, "people");
	sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
	sd_table_column(t, "name", "text", 0);
	sd_table_column(t, "age", "string(10)", 0);
	sd_table_check(t, "ck_people_age", "age <> 'x'");
	ck_assert_int_eq(sd_create_table(m, t), 0);
	for (i = 0; i < SD_ARRAY_LEN(values); i++) {
		snprintf(id, sizeof(id), "%zu", i + 1);
		ck_assert_int_eq(sd_execute(m, "INSERT INTO people (id, name, age) VALUES ($1, $2, '4' || $1)",
		                            id, values[i]), 0);
	}
	ck_assert_int_eq(sd_query(&c, m, "SELECT name FROM people ORDER BY id"), 0);
	ck_assert_uint_eq(sd_cursor_columns(c), 1);
	ck_assert_str_eq(sd_cursor_name(c, 0), "name");
	while (sd_cursor_next(c)) {
		const char *v = sd_cursor_text(c, 0);
		if (values[n])
			ck_assert_str_eq(v, values[n]);
		else
			ck_assert_ptr_null(v);
		n++;
	}
	ck_assert_uint_eq(n, 4);
	sd_cursor_free(c);
	/* SQLite: ALTER COLUMN and DROP CONSTRAINT rebuild the table from its
	 * live definition; the rows come along */
	ck_assert_msg(sd_alter_column_type(m, "people", "age", "integer") == 0,
	              "%s", sd_migration_error(m));
	ck_assert_msg(sd_drop_constraint(m, "people", "ck_people_age") == 0,
	              "%s", sd_migration_error(m));
	ck_assert_int_eq(sd_migration_status(m), 0);
	sd_migration_free(m);
	ck_assert_int_eq(db->driver->commit(db, &err), SD_OK);

	ck_assert_int_eq(sd_db_query(db, "SELECT sql FROM sqlite_schema WHERE name = 'people'",
	                             NULL, 0, &rows, &err), SD_OK);
	ck_assert_ptr_nonnull(strstr(sd_rows_get(rows, 0, 0), "\"age\" INTEGER"));
	ck_assert_ptr_null(strstr(sd_rows_get(rows, 0, 0), "ck_people_age"));
	sd_rows_free(rows);
	ck_assert_int_eq(sd_db_query(db, "SELECT count(*), sum(age), max(name) FROM people",
	                             NULL, 0, &rows, &err), SD_OK);
	ck_assert_str_eq(sd_rows_get(rows, 0, 0), "4");
	ck_assert_str_eq(sd_rows_get(rows, 0, 1), "170"); /* 41+42+43+44 */
	sd_rows_free(rows);

	/* a database error is SD_ERR_DB with the driver's message */
	ck_assert_int_eq(db->driver->begin(db, &err), SD_OK);
	m = sd_migration_new(db, NULL, NULL, NULL, NULL);
	ck_assert_int_eq(sd_drop_table(m, "nope"), SD_ERR_DB);
	ck_assert_ptr_nonnull(strstr(sd_migration_error(m), "nope"));
	sd_migration_free(m);
	db->driver->rollback(db, &err);
	sd_db_close(db);
	sd_error_clear(&err);
	{
		char cmd[600];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		ck_assert_int_eq(system(cmd), 0);
	}
}
END_TEST

/* ------------------------------------------------------------------ */
/* The loader's compile cache                                          */
/* ------------------------------------------------------------------ */

/* The warnings the loader gives, one per line. */
static void capture_warning(void *ctx, const char *msg)
{
	sd_buf_printf(ctx, "%s\n", msg);
}

static const char cache_rev[] =
	"/*\n * x\n */\n#include <schemadiff/revision.h>\n"
	"int upgrade(sd_migration *m) { return sd_drop_table(m, \"a\"); }\n"
	"int downgrade(sd_migration *m) { return sd_migration_status(m); }\n";

/* A project <dir>/proj with abc_rev.c in it and a context whose cache is
 * <dir>/cache (created by the first compile). */
static void cache_setup(char *dir, char *path, size_t n, sd_capi_ctx *ctx,
                        char *inc, char *cache, sd_buf *warnings)
{
	sd_error err = SD_ERROR_INIT;
	static char project[300];

	ck_assert(mkdtemp(dir) != NULL);
	snprintf(project, sizeof(project), "%s/proj", dir);
	ck_assert_int_eq(mkdir(project, 0755), 0);
	snprintf(path, n, "%s/abc_rev.c", project);
	snprintf(inc, 600, "%s/include", root());
	snprintf(cache, 600, "%s/cache", dir);
	memset(ctx, 0, sizeof(*ctx));
	ctx->project_dir = project;
	ctx->cache_dir = cache;
	ctx->include_dir = inc;
	ctx->on_warning = capture_warning;
	ctx->warn_ctx = warnings;
	ck_assert(sd_file_write_atomic(path, cache_rev, strlen(cache_rev), &err) == SD_OK);
}

static void rm_rf(const char *dir)
{
	char cmd[700];

	snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s'; rm -rf '%s'", dir, dir);
	ck_assert_int_eq(system(cmd), 0);
}

static unsigned mode_of(const char *path)
{
	struct stat st;

	ck_assert_int_eq(stat(path, &st), 0);
	return (unsigned)(st.st_mode & 07777);
}

static void compile_ok(sd_buf *object, sd_capi_ctx *ctx, const char *path)
{
	sd_error err = SD_ERROR_INIT;

	ck_assert_msg(sd_capi_compile(object, ctx, path, &err) == SD_OK, "%s",
	              err.first ? err.first->message : "?");
}

START_TEST(compile_cache_and_errors)
{
	char dir[] = "/tmp/sd_capi_cc_XXXXXX";
	char path[600], first[4096], inc[600], cache[600], real[4096];
	sd_capi_ctx ctx;
	sd_error err = SD_ERROR_INIT;
	sd_buf text = SD_BUF_INIT, object = SD_BUF_INIT, warnings = SD_BUF_INIT;
	char *stored;

	cache_setup(dir, path, sizeof(path), &ctx, inc, cache, &warnings);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_compiled);
	ck_assert(ctx.last_cached);
	ck_assert(object.len > 0);
	/* the object and its manifest are private files in a private dir */
	ck_assert(realpath(cache, real) != NULL);
	ck_assert_msg(strncmp(ctx.last_object, real, strlen(real)) == 0, "%s",
	              ctx.last_object);
	ck_assert_uint_eq(mode_of(cache), 0700);
	ck_assert_uint_eq(mode_of(ctx.last_object), 0600);
	snprintf(first, sizeof(first), "%s", ctx.last_object);
	strcpy(first + strlen(first) - 3, ".manifest");
	ck_assert_uint_eq(mode_of(first), 0600);
	stored = sd_test_slurp(ctx.last_object);
	ck_assert(memcmp(stored, object.data, object.len) == 0);
	free(stored);
	/* nothing in the project */
	snprintf(first, sizeof(first), "%s/proj/.schemadiff-cache", dir);
	ck_assert(!sd_dir_exists(first));
	snprintf(first, sizeof(first), "%s", ctx.last_object);
	compile_ok(&object, &ctx, path);
	ck_assert(!ctx.last_compiled);
	ck_assert_str_eq(ctx.last_object, first);
	sd_buf_put(&text, cache_rev);
	sd_buf_put(&text, "/* edited */\n");
	ck_assert(sd_file_write_atomic(path, text.data, text.len, &err) == SD_OK);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_compiled);
	ck_assert_str_ne(ctx.last_object, first);
	ck_assert_str_eq(sd_buf_cstr(&warnings), "");

	sd_buf_put(&text, "int broken( {\n");
	ck_assert(sd_file_write_atomic(path, text.data, text.len, &err) == SD_OK);
	ck_assert_int_eq(sd_capi_compile(&object, &ctx, path, &err), SD_EINPUT);
	ck_assert_str_eq(err.first->path, path);
	ck_assert_ptr_nonnull(strstr(err.first->message, "error"));
	/* the compiler's messages name the revision file and its line */
	ck_assert_msg(strstr(err.first->message, "abc_rev.c:8:") != NULL, "%s",
	              err.first->message);
	sd_error_clear(&err);
	sd_buf_free(&text);
	sd_buf_free(&object);
	sd_buf_free(&warnings);
	rm_rf(dir);
}
END_TEST

/* Replaces the file at path with data, keeping it a private file of the
 * user's: only the content differs from what schemadiff wrote. */
static void replace_private(const char *path, const char *data, size_t len)
{
	sd_error err = SD_ERROR_INIT;

	ck_assert_int_eq(unlink(path), 0);
	ck_assert(sd_file_write_private(path, data, len, &err) == SD_OK);
}

START_TEST(cache_rebuilds_what_it_did_not_build)
{
	char dir[] = "/tmp/sd_capi_tamper_XXXXXX";
	char path[600], inc[600], cache[600], so[4096], manifest[4200];
	sd_capi_ctx ctx;
	sd_buf object = SD_BUF_INIT, warnings = SD_BUF_INIT, evil = SD_BUF_INIT;
	char *again;

	cache_setup(dir, path, sizeof(path), &ctx, inc, cache, &warnings);
	compile_ok(&object, &ctx, path);
	snprintf(so, sizeof(so), "%s", ctx.last_object);
	snprintf(manifest, sizeof(manifest), "%.*s.manifest",
	         (int)strlen(so) - 3, so);

	/* another object under the right name, same owner and mode */
	sd_buf_putn(&evil, object.data, object.len);
	evil.data[evil.len / 2] ^= 0x5a;
	replace_private(so, evil.data, evil.len);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_compiled);
	ck_assert(object.len != evil.len || memcmp(object.data, evil.data, evil.len) != 0);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&warnings), "SHA-256 differs"));
	again = sd_test_slurp(so);
	ck_assert(memcmp(again, object.data, object.len) == 0); /* rebuilt */
	free(again);
	compile_ok(&object, &ctx, path);
	ck_assert(!ctx.last_compiled);

	/* a readable-by-others object is not one schemadiff wrote */
	ck_assert_int_eq(chmod(so, 0644), 0);
	sd_buf_truncate(&warnings, 0);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_compiled);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&warnings), "not a private file"));
	ck_assert_uint_eq(mode_of(so), 0600);

	/* no manifest: rebuilt */
	ck_assert_int_eq(unlink(manifest), 0);
	sd_buf_truncate(&warnings, 0);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_compiled);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&warnings), "no manifest"));
	ck_assert(sd_file_exists(manifest));

	/* a manifest for other flags (another compiler): rebuilt */
	again = sd_test_slurp(manifest);
	*strstr(again, "-O1") = 'X';
	replace_private(manifest, again, strlen(again));
	free(again);
	sd_buf_truncate(&warnings, 0);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_compiled);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&warnings), "does not describe"));

	/* a symlink in place of the object is never followed */
	ck_assert_int_eq(unlink(so), 0);
	ck_assert_int_eq(symlink(manifest, so), 0);
	sd_buf_truncate(&warnings, 0);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_compiled);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&warnings), "not a private file"));
	sd_buf_free(&object);
	sd_buf_free(&evil);
	sd_buf_free(&warnings);
	rm_rf(dir);
}
END_TEST

/* Compiles once with the cache as it is; the cache must not be used. */
static void refused(sd_capi_ctx *ctx, const char *path, sd_buf *warnings,
                    const char *why)
{
	sd_buf object = SD_BUF_INIT;

	sd_buf_truncate(warnings, 0);
	ctx->warned_cache = false;
	compile_ok(&object, ctx, path);
	ck_assert(ctx->last_compiled);
	ck_assert(!ctx->last_cached);
	ck_assert_str_eq(ctx->last_object, "");
	ck_assert(object.len > 0); /* still built, privately */
	ck_assert_msg(strstr(sd_buf_cstr(warnings), why) != NULL,
	              "want '%s' in: %s", why, sd_buf_cstr(warnings));
	sd_buf_free(&object);
}

static size_t entries(const char *dir)
{
	char cmd[700], line[64];
	FILE *f;

	snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
	f = popen(cmd, "r");
	ck_assert(f && fgets(line, sizeof(line), f));
	pclose(f);
	return (size_t)strtoul(line, NULL, 10);
}

START_TEST(cache_refuses_unsafe_dirs)
{
	char dir[] = "/tmp/sd_capi_unsafe_XXXXXX";
	char path[600], inc[600], cache[600], inner[700], parent[700];
	sd_capi_ctx ctx;
	sd_buf object = SD_BUF_INIT, warnings = SD_BUF_INIT;
	size_t n;

	cache_setup(dir, path, sizeof(path), &ctx, inc, cache, &warnings);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_cached);
	n = entries(cache);

	ck_assert_int_eq(chmod(cache, 0777), 0);
	refused(&ctx, path, &warnings, "is writable by others (mode 0777)");
	ck_assert_uint_eq(entries(cache), n); /* nothing written there */
	ck_assert_int_eq(chmod(cache, 0770), 0);
	refused(&ctx, path, &warnings, "is writable by its group (mode 0770)");
	ck_assert_uint_eq(entries(cache), n);

	/* readable but not writable by others: used, and made private */
	ck_assert_int_eq(chmod(cache, 0755), 0);
	compile_ok(&object, &ctx, path);
	ck_assert(!ctx.last_compiled);
	ck_assert_uint_eq(mode_of(cache), 0700);

	/* a directory above it that others can write to (not sticky) */
	snprintf(parent, sizeof(parent), "%s/shared", dir);
	snprintf(inner, sizeof(inner), "%s/shared/cache", dir);
	ck_assert_int_eq(mkdir(parent, 0777), 0);
	ck_assert_int_eq(chmod(parent, 0777), 0);
	ctx.cache_dir = inner;
	refused(&ctx, path, &warnings, "shared is writable by others");
	/* sticky, like /tmp: others cannot move our entries */
	ck_assert_int_eq(chmod(parent, 01777), 0);
	compile_ok(&object, &ctx, path);
	ck_assert(ctx.last_cached);

	/* a configured cache inside the project */
	snprintf(inner, sizeof(inner), "%s/proj/.schemadiff-cache", dir);
	ctx.cache_dir = inner;
	refused(&ctx, path, &warnings, "lies inside the project");
	ctx.cache_dir = NULL; /* the default is never refused for that */

	/* missing directories are created private, whatever the umask */
	snprintf(inner, sizeof(inner), "%s/new/a/cache", dir);
	ctx.cache_dir = inner;
	{
		mode_t old = umask(0);
		compile_ok(&object, &ctx, path);
		umask(old);
	}
	ck_assert(ctx.last_cached);
	snprintf(parent, sizeof(parent), "%s/new", dir);
	ck_assert_uint_eq(mode_of(parent), 0700);
	ck_assert_uint_eq(mode_of(inner), 0700);

	/* another user's directory, and nothing created below one */
	if (geteuid() == 0) {
		ctx.cache_dir = cache;
		ck_assert_int_eq(chown(cache, 65534, 65534), 0);
		refused(&ctx, path, &warnings, "belongs to uid 65534");
		ck_assert_int_eq(chown(cache, 0, 0), 0);
		snprintf(parent, sizeof(parent), "%s/alice", dir);
		ck_assert_int_eq(mkdir(parent, 0755), 0);
		ck_assert_int_eq(chown(parent, 65534, 65534), 0);
		snprintf(inner, sizeof(inner), "%s/alice/.cache/schemadiff", dir);
		ctx.cache_dir = inner;
		refused(&ctx, path, &warnings, "alice belongs to uid 65534");
		snprintf(inner, sizeof(inner), "%s/alice/.cache", dir);
		ck_assert(!sd_dir_exists(inner));
	}
	sd_buf_free(&object);
	sd_buf_free(&warnings);
	rm_rf(dir);
}
END_TEST

/* Builds an object whose which() returns n (no API calls: this test
 * program does not export the API to objects). */
static void build_which(sd_buf *object, sd_capi_ctx *ctx, const char *dir,
                        int n)
{
	char path[700], text[300];
	sd_error err = SD_ERROR_INIT;

	snprintf(path, sizeof(path), "%s/which_%d.c", dir, n);
	snprintf(text, sizeof(text),
	         "int which(void);\nint which(void) { return %d; }\n", n);
	ck_assert(sd_file_write_atomic(path, text, strlen(text), &err) == SD_OK);
	compile_ok(object, ctx, path);
}

static int call_which(void *h)
{
	int (*fn)(void);

	*(void **)(&fn) = dlsym(h, "which");
	ck_assert(fn != NULL);
	return fn();
}

/* Both ways of loading map the bytes given, and a second object is never
 * mistaken for one still loaded under the same /proc/self/fd name. */
START_TEST(load_maps_the_bytes_given)
{
	char dir[] = "/tmp/sd_capi_load_XXXXXX";
	char path[600], inc[600], cache[600];
	sd_capi_ctx ctx;
	sd_buf one = SD_BUF_INIT, two = SD_BUF_INIT, warnings = SD_BUF_INIT;
	sd_arena *a = sd_arena_new();
	const char *why;
	void *h1, *h2, *h3;

	cache_setup(dir, path, sizeof(path), &ctx, inc, cache, &warnings);
	build_which(&one, &ctx, dir, 1);
	build_which(&two, &ctx, dir, 2);
	h1 = sd_capi_load(&one, false, &why, a);
	ck_assert_msg(h1 != NULL, "%s", why);
	h2 = sd_capi_load(&two, false, &why, a); /* h1 still loaded */
	ck_assert_msg(h2 != NULL, "%s", why);
	ck_assert_ptr_ne(h1, h2);
	ck_assert_int_eq(call_which(h1), 1);
	ck_assert_int_eq(call_which(h2), 2);
	h3 = sd_capi_load(&two, true, &why, a); /* the private-file way */
	ck_assert_msg(h3 != NULL, "%s", why);
	ck_assert_ptr_ne(h3, h2);
	ck_assert_int_eq(call_which(h3), 2);
	dlclose(h3);
	dlclose(h2);
	dlclose(h1);
	/* not an object at all */
	sd_buf_truncate(&one, 0);
	sd_buf_put(&one, "not an ELF file");
	ck_assert_ptr_null(sd_capi_load(&one, false, &why, a));
	ck_assert_ptr_nonnull(why);
	sd_buf_free(&one);
	sd_buf_free(&two);
	sd_buf_free(&warnings);
	sd_arena_free(a);
	rm_rf(dir);
}
END_TEST

static Suite *capi_suite(void)
{
	Suite *s = suite_create("capi");

	SD_TEST(s, golden_sqlite_create, 120);
	SD_TEST(s, golden_sqlite_alter, 120);
	SD_TEST(s, golden_postgres_create, 120);
	SD_TEST(s, golden_postgres_alter, 120);
	SD_TEST(s, api_script_parts, 30);
	SD_TEST(s, golden_hostile_names, 120);
	SD_TEST(s, golden_covers_op_kinds, 120);
	SD_TEST(s, api_offline_sqlite, 120);
	SD_TEST(s, api_offline_postgres, 120);
	SD_TEST(s, api_errors_are_sticky, 120);
	SD_TEST(s, api_sqlite_data_and_rebuild, 120);
	SD_TEST(s, compile_cache_and_errors, 120);
	SD_TEST(s, cache_rebuilds_what_it_did_not_build, 120);
	SD_TEST(s, cache_refuses_unsafe_dirs, 120);
	SD_TEST(s, load_maps_the_bytes_given, 120);
	return s;
}

SD_TEST_MAIN(capi_suite)
