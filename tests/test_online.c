/*
 * test_online.c - PostgreSQL's online forms without a server: the exact
 * SQL and steps a plan on tables that exist is written in (golden files
 * testdata/online/<case>.sql, SD_UPDATE_GOLDEN=1 rewrites them), the
 * staged cut, revision sections read back into steps, and `lint` on
 * hand-written statements (each finding's level, line and lock).
 */
#include <stdlib.h>
#include <string.h>

#include "diff/plan.h"
#include "emit/dialect.h"
#include "harness.h"
#include "model/load.h"
#include "revision/lint.h"
#include "revision/revision.h"

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

static sd_plan *plan_of(const sd_schema *from, const sd_schema *to,
                        bool online)
{
	sd_diff_opts o;
	sd_plan *p = NULL;
	sd_error err = SD_ERROR_INIT;

	memset(&o, 0, sizeof(o));
	o.caps = sd_dialect_postgres.caps;
	o.drop_unlisted = true;
	o.online = o.concurrently = online;
	ck_assert_msg(sd_diff(&p, from, to, &o, &err) == SD_OK, "diff: %s",
	              err.first ? err.first->message : "?");
	return p;
}

/* "-- upgrade\n...-- downgrade\n..." of plan, online; *steps says
 * whether a marker was written. */
static char *online_sql(const sd_plan *p, bool *steps)
{
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT, all = SD_BUF_INIT;
	sd_emit_opts eo = {true};
	sd_error err = SD_ERROR_INIT;

	*steps = false;
	ck_assert(sd_emit_plan_opts(&up, &down, p, &sd_dialect_postgres, &eo,
	                            steps, &err) == SD_OK);
	sd_buf_printf(&all, "-- upgrade\n%s-- downgrade\n%s", sd_buf_cstr(&up),
	              sd_buf_cstr(&down));
	sd_buf_free(&up);
	sd_buf_free(&down);
	return sd_buf_detach(&all);
}

static const char before[] =
	"enums:\n"
	"  - {name: plan, values: [free, pro]}\n"
	"tables:\n"
	"  - name: orgs\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: email, type: string(120)}\n"
	"      - {name: org_id, type: integer}\n"
	"      - {name: age, type: integer}\n"
	"      - {name: username, type: text}\n"
	"      - {name: tier, type: enum(plan)}\n"
	"    indexes:\n"
	"      - {name: ix_users_old, columns: [age]}\n";

static const char after[] =
	"enums:\n"
	"  - {name: plan, values: [free, pro, team]}\n"
	"tables:\n"
	"  - name: orgs\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: email, type: string(120), unique: true}\n"
	"      - {name: org_id, type: integer, references: orgs.id}\n"
	"      - {name: age, type: integer, nullable: false}\n"
	"      - {name: username, type: text}\n"
	"      - {name: tier, type: enum(plan), default: \"'team'\"}\n"
	"      - {name: plan, type: text, nullable: false, backfill: \"'free'\"}\n"
	"      - {name: nick, type: text, nullable: false, backfill: \"username || '!'\"}\n"
	"      - {name: score, type: integer, nullable: false, default: \"0\"}\n"
	"    indexes:\n"
	"      - {name: ix_users_username, columns: [username]}\n"
	"    checks:\n"
	"      - {name: ck_users_age, expression: \"age >= 0\"}\n"
	"  - name: teams\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: org_id, type: integer, references: orgs.id, nullable: false}\n"
	"    indexes:\n"
	"      - {name: ix_teams_org_id, columns: [org_id]}\n";

/*
 * Every online form at once: a unique constraint through an index built
 * concurrently, FK and check NOT VALID then validated, SET NOT NULL
 * through a validated check, a constant backfill as a default, an
 * expression backfill in a batch step, an enum label committed before a
 * default uses it, an index built and one dropped concurrently; the new
 * table keeps the plain forms.
 */
START_TEST(online_forms_golden)
{
	sd_schema *a = models(before), *b = models(after);
	sd_plan *p = plan_of(a, b, true);
	bool steps;
	char *sql = online_sql(p, &steps);

	ck_assert(steps);
	sd_test_golden("testdata/online/forms.sql", sql);
	/* the enum label is added, not the type recreated (only the
	 * downgrade, which takes it out again, recreates it) */
	ck_assert_ptr_nonnull(strstr(sql, "ADD VALUE 'team'"));
	ck_assert_ptr_nonnull(strstr(sql, "__sd_new"));
	ck_assert(strstr(sql, "__sd_new") > strstr(sql, "-- downgrade"));
	free(sql);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* Without online forms the same plan is plain DDL in one transaction, and
 * the label used by a default means the type is recreated. */
/* A key built online keeps the comment of its index, apart from the
 * constraint's. */
START_TEST(online_key_index_comment)
{
	sd_schema *a = models("tables:\n"
	                      "  - name: t\n"
	                      "    columns: [{name: id, type: integer},"
	                      " {name: code, type: text}]\n");
	sd_schema *b = models("tables:\n"
	                      "  - name: t\n"
	                      "    columns: [{name: id, type: integer},"
	                      " {name: code, type: text}]\n"
	                      "    unique:\n"
	                      "      - {name: uq_t_code, columns: [code],"
	                      " comment: one code, index_comment: lookups}\n");
	sd_plan *p = plan_of(a, b, true);
	bool steps;
	char *sql = online_sql(p, &steps);

	ck_assert_ptr_nonnull(strstr(
		sql, "ALTER TABLE \"t\" ADD CONSTRAINT \"uq_t_code\" UNIQUE "
		     "USING INDEX \"uq_t_code\";\n"
		     "COMMENT ON CONSTRAINT \"uq_t_code\" ON \"t\" IS "
		     "'one code';\n"
		     "COMMENT ON INDEX \"uq_t_code\" IS 'lookups';\n"));
	free(sql);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* A key built concurrently is built as the key itself would be: its
 * INCLUDE columns and storage parameters are the index's. */
START_TEST(online_key_index_include_with)
{
	sd_schema *a = models("tables:\n"
	                      "  - name: t\n"
	                      "    columns: [{name: id, type: integer},"
	                      " {name: code, type: text}, {name: note, type: text}]\n");
	sd_schema *b = models("tables:\n"
	                      "  - name: t\n"
	                      "    columns: [{name: id, type: integer},"
	                      " {name: code, type: text}, {name: note, type: text}]\n"
	                      "    unique:\n"
	                      "      - {name: uq_t_code, columns: [code],"
	                      " include: [note], with: {fillfactor: 70}}\n");
	sd_plan *p = plan_of(a, b, true);
	bool steps;
	char *sql = online_sql(p, &steps);

	ck_assert_msg(strstr(sql, "CREATE UNIQUE INDEX CONCURRENTLY \"uq_t_code\" "
	                          "ON \"t\" (\"code\") INCLUDE (\"note\") "
	                          "WITH (fillfactor = 70);\n") != NULL,
	              "%s", sql);
	free(sql);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* The first revision of a project: its downgrade drops the tables it
 * created, so the indexes on them go in the same transaction (DROP INDEX
 * CONCURRENTLY there made the whole revision one of steps, and its
 * thousands of CREATE TABLE one step that the lock-table preflight, which
 * looks at one-transaction revisions, never saw). */
START_TEST(online_initial_revision_one_transaction)
{
	sd_schema *a = models("tables: []\n"), *b = models(after);
	sd_plan *p = plan_of(a, b, true);
	bool steps;
	char *sql = online_sql(p, &steps);

	ck_assert(!steps);
	ck_assert_ptr_null(strstr(sql, "CONCURRENTLY"));
	ck_assert_ptr_nonnull(strstr(sql, "DROP INDEX \"ix_teams_org_id\""));
	free(sql);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(plain_forms_unchanged)
{
	sd_schema *a = models(before), *b = models(after);
	sd_plan *p = plan_of(a, b, false);
	sd_buf up = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	bool steps = false;

	ck_assert(sd_emit_plan_opts(&up, NULL, p, &sd_dialect_postgres, NULL,
	                            &steps, &err) == SD_OK);
	ck_assert(!steps);
	ck_assert_ptr_null(strstr(sd_buf_cstr(&up), SD_STEP_MARKER));
	ck_assert_ptr_null(strstr(sd_buf_cstr(&up), "CONCURRENTLY"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&up),
	                             "CREATE INDEX \"ix_users_username\""));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&up), "__sd_new"));
	sd_buf_free(&up);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

static const char staged_after[] =
	"enums:\n"
	"  - {name: plan, values: [free, pro]}\n"
	"tables:\n"
	"  - name: orgs\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: email, type: string(120)}\n"
	"      - {name: org_id, type: integer}\n"
	"      - {name: username, type: text}\n"
	"      - {name: tier, type: enum(plan)}\n"
	"      - {name: nick, type: text, nullable: false, backfill: \"username || '!'\"}\n";

/* --staged: the expand revision adds and fills, the contract revision
 * fills again (rows the old application wrote in between), tightens and
 * drops. */
START_TEST(staged_golden)
{
	sd_schema *a = models(before), *b = models(staged_after);
	sd_plan *p = plan_of(a, b, true), *e = NULL, *c = NULL;
	sd_buf both = SD_BUF_INIT;
	bool steps;
	char *sql;

	ck_assert(sd_plan_stage(&e, &c, p) == SD_OK);
	ck_assert_uint_gt(e->nops, 0);
	ck_assert_uint_gt(c->nops, 0);
	sql = online_sql(e, &steps);
	sd_buf_printf(&both, "-- (expand)\n%s", sql);
	free(sql);
	sql = online_sql(c, &steps);
	sd_buf_printf(&both, "-- (contract)\n%s", sql);
	free(sql);
	sd_test_golden("testdata/online/staged.sql", sd_buf_cstr(&both));
	sd_buf_free(&both);
	sd_plan_free(e);
	sd_plan_free(c);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

static sd_revision stand_in(bool steps)
{
	sd_revision r;

	memset(&r, 0, sizeof(r));
	memcpy(r.id, "aaaaaaaaaaa1", 13);
	r.path = "hand.sql";
	r.steps = steps;
	r.dialect = "postgresql";
	return r;
}

START_TEST(steps_read_back)
{
	static const char text[] =
		"ALTER TABLE t ADD COLUMN c int;\n"           /* line 10 */
		"\n"
		"-- schemadiff:step nontransactional\n"       /* 12 */
		"CREATE INDEX CONCURRENTLY ix ON t (c);\n"    /* 13 */
		"-- schemadiff:step batch\n"                  /* 14 */
		"UPDATE t SET c = 1\n"
		"WHERE c IS NULL;\n"
		"-- schemadiff:step\n"                        /* 17 */
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n"
		"-- schemadiff:step batch\n"                  /* in a body */
		"SELECT 1 $$;\n"
		"-- schemadiff:step\n";                       /* empty */
	sd_revision r = stand_in(true), plain = stand_in(false);
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_rev_step *st;
	size_t n;

	ck_assert_int_eq(sd_rev_steps(&st, &n, a, &r, text, 10, SD_SQL_POSTGRES,
	                              &err),
	                 SD_OK);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(st[0].kind, SD_STEP_TRANSACTION);
	ck_assert_int_eq(st[0].line, 0);
	ck_assert_int_eq(st[0].lines[0], 10);
	ck_assert_int_eq(st[1].kind, SD_STEP_NONTRANSACTIONAL);
	ck_assert_int_eq(st[1].line, 12);
	ck_assert_int_eq(st[1].lines[0], 13);
	ck_assert_int_eq(st[2].kind, SD_STEP_BATCHED);
	ck_assert_int_eq(st[2].lines[0], 15);
	ck_assert_int_eq(st[3].kind, SD_STEP_TRANSACTION);
	ck_assert_uint_eq(st[3].n, 1);
	ck_assert_int_eq(st[3].lines[0], 18);

	/* markers without the header line are bad input, with the line */
	ck_assert_int_eq(sd_rev_steps(&st, &n, a, &plain, text, 10,
	                              SD_SQL_POSTGRES, &err),
	                 SD_EINPUT);
	ck_assert_int_eq(err.first->line, 12);
	sd_error_clear(&err);
	ck_assert_int_eq(sd_rev_steps(&st, &n, a, &r,
	                              "SELECT 1;\n-- schemadiff:step later\n"
	                              "SELECT 2;\n",
	                              1, SD_SQL_POSTGRES, &err),
	                 SD_EINPUT);
	ck_assert_int_eq(err.first->line, 2);
	ck_assert_ptr_nonnull(strstr(err.first->message, "unknown step kind 'later'"));
	sd_error_clear(&err);
	ck_assert_int_eq(sd_rev_steps(&st, &n, a, &r,
	                              "-- schemadiff:step batch\n"
	                              "UPDATE t SET c = 1 WHERE c IS NULL;\n"
	                              "UPDATE t SET d = 1 WHERE d IS NULL;\n",
	                              1, SD_SQL_POSTGRES, &err),
	                 SD_EINPUT);
	ck_assert_ptr_nonnull(strstr(err.first->message, "one UPDATE"));
	sd_error_clear(&err);
	sd_arena_free(a);
}
END_TEST

/* "line level hazard table lock" of every finding, one per line. */
static char *lint_text(const char *sql, bool steps)
{
	sd_revision r = stand_in(steps);
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_rev_step *st;
	size_t n, i;
	sd_lint l;
	sd_buf out = SD_BUF_INIT;

	ck_assert_int_eq(sd_rev_steps(&st, &n, a, &r, sql, 1, SD_SQL_POSTGRES,
	                              &err),
	                 SD_OK);
	sd_lint_init(&l);
	sd_lint_steps(&l, &sd_dialect_postgres, &r, st, n);
	for (i = 0; i < l.findings.n; i++) {
		const sd_lint_finding *f = l.findings.items[i];
		sd_buf_printf(&out, "%d %s %s %s %s\n", f->line,
		              sd_lint_level_name(f->level), f->hazard,
		              f->relation ? f->relation : "-",
		              f->lock ? f->lock : "-");
	}
	sd_lint_free(&l);
	sd_arena_free(a);
	return sd_buf_detach(&out);
}

START_TEST(lint_hand_written)
{
	static const char sql[] =
		"CREATE INDEX ix_a ON users (age);\n"                       /* 1 */
		"ALTER TABLE users ADD CONSTRAINT ck_a CHECK (age > 0);\n"  /* 2 */
		"ALTER TABLE users ADD COLUMN t text DEFAULT random()::text;\n"
		"ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n"       /* 4 */
		"ALTER TABLE users ALTER COLUMN id TYPE bigint;\n"          /* 5 */
		"ALTER TABLE users ALTER COLUMN name TYPE varchar(200);\n"  /* 6 */
		"ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID;\n"
		"ALTER TABLE orders VALIDATE CONSTRAINT fk;\n"              /* 8 */
		"UPDATE users SET name = '' WHERE name IS NULL;\n"          /* 9 */
		"ALTER TABLE users DROP COLUMN legacy;\n"                   /* 10 */
		"CREATE TABLE fresh (id int);\n"                            /* 11 */
		"CREATE INDEX ix_fresh ON fresh (id);\n"                    /* 12 */
		"ALTER TABLE fresh ADD CONSTRAINT ck CHECK (id > 0);\n"     /* 13 */
		"CREATE INDEX CONCURRENTLY ix_b ON users (name);\n"         /* 14 */
		"ALTER TABLE users RENAME COLUMN a TO b;\n"                 /* 15 */
		"DROP TABLE old_stuff;\n"                                   /* 16 */
		"DELETE FROM audit;\n"                                      /* 17 */
		"THIS IS NOT SQL;\n";                                       /* 18 */
	char *got = lint_text(sql, false);

	ck_assert_str_eq(got,
	                 "1 blocking index-build users SHARE\n"
	                 "2 blocking validation users ACCESS EXCLUSIVE\n"
	                 "3 blocking rewrite users ACCESS EXCLUSIVE\n"
	                 "4 blocking not-null users ACCESS EXCLUSIVE\n"
	                 "4 warning not-null users ACCESS EXCLUSIVE\n"
	                 "5 blocking rewrite users ACCESS EXCLUSIVE\n"
	                 "6 warning rewrite users ACCESS EXCLUSIVE\n"
	                 "8 blocking validation orders SHARE UPDATE EXCLUSIVE\n"
	                 "9 warning rows users ROW EXCLUSIVE and every NULL row\n"
	                 "10 data-loss data-loss users ACCESS EXCLUSIVE\n"
	                 "14 blocking transaction users SHARE UPDATE EXCLUSIVE\n"
	                 "15 warning rename users ACCESS EXCLUSIVE\n"
	                 "16 data-loss data-loss old_stuff ACCESS EXCLUSIVE\n"
	                 "17 data-loss data-loss - -\n"
	                 "18 warning unparsed - -\n");
	free(got);
}
END_TEST

/* The same changes in their online forms leave only what blocks nobody. */
START_TEST(lint_online_steps)
{
	static const char sql[] =
		"ALTER TABLE users ADD CONSTRAINT ck_a CHECK (age > 0) NOT VALID;\n"
		"ALTER TABLE users ADD CONSTRAINT nn CHECK (name IS NOT NULL) NOT VALID;\n"
		"-- schemadiff:step\n"                                      /* 3 */
		"ALTER TABLE users VALIDATE CONSTRAINT ck_a;\n"
		"-- schemadiff:step\n"
		"ALTER TABLE users VALIDATE CONSTRAINT nn;\n"               /* 6 */
		"-- schemadiff:step\n"
		"ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n"       /* 8 */
		"-- schemadiff:step nontransactional\n"                     /* 9 */
		"CREATE INDEX CONCURRENTLY ix_b ON users (name);\n"         /* 10 */
		"-- schemadiff:step batch\n"
		"UPDATE users SET x = 1 WHERE x IS NULL;\n";                /* 12 */
	char *got = lint_text(sql, true);

	ck_assert_str_eq(got,
	                 "4 info validation users SHARE UPDATE EXCLUSIVE\n"
	                 "6 info validation users SHARE UPDATE EXCLUSIVE\n"
	                 "9 info nontransactional - -\n"
	                 "10 info index-build users SHARE UPDATE EXCLUSIVE\n"
	                 "12 info batch users ROW EXCLUSIVE and every NULL row\n");
	free(got);
}
END_TEST

/* The generated online revision passes the default gate. */
START_TEST(lint_generated_is_clean)
{
	sd_schema *a = models(before), *b = models(after);
	sd_plan *p = plan_of(a, b, true);
	sd_buf up = SD_BUF_INIT;
	sd_emit_opts eo = {true};
	sd_error err = SD_ERROR_INIT;
	sd_revision r = stand_in(true);
	sd_arena *ar = sd_arena_new();
	sd_rev_step *st;
	size_t n;
	sd_lint l;

	ck_assert(sd_emit_plan_opts(&up, NULL, p, &sd_dialect_postgres, &eo,
	                            NULL, &err) == SD_OK);
	ck_assert(sd_rev_steps(&st, &n, ar, &r, sd_buf_cstr(&up), 1,
	                       SD_SQL_POSTGRES, &err) == SD_OK);
	sd_lint_init(&l);
	sd_lint_steps(&l, &sd_dialect_postgres, &r, st, n);
	ck_assert_uint_eq(sd_lint_count(&l, SD_LINT_WARNING), 0);
	ck_assert_uint_gt(l.findings.n, 0);
	sd_lint_free(&l);
	sd_arena_free(ar);
	sd_buf_free(&up);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(levels_and_volatility)
{
	sd_lint_level l;

	ck_assert(sd_lint_level_parse("data-loss", &l) && l == SD_LINT_DATA_LOSS);
	ck_assert(sd_lint_level_parse("data_loss", &l) && l == SD_LINT_DATA_LOSS);
	ck_assert(sd_lint_level_parse("info", &l) && l == SD_LINT_INFO);
	ck_assert(!sd_lint_level_parse("fatal", &l));
	ck_assert(sd_sql_calls_volatile("md5(random()::text)", SD_SQL_POSTGRES));
	ck_assert(sd_sql_calls_volatile("pg_catalog.gen_random_uuid()",
	                                SD_SQL_POSTGRES));
	ck_assert(!sd_sql_calls_volatile("now()", SD_SQL_POSTGRES));
	ck_assert(!sd_sql_calls_volatile("'random()'", SD_SQL_POSTGRES));
	{
		long ms = -1, n = -1;
		ck_assert(sd_parse_duration_ms("500ms", &ms) && ms == 500);
		ck_assert(sd_parse_duration_ms("2s", &ms) && ms == 2000);
		ck_assert(sd_parse_duration_ms("1.5s", &ms) && ms == 1500);
		ck_assert(sd_parse_duration_ms("1min", &ms) && ms == 60000);
		ck_assert(sd_parse_duration_ms("250", &ms) && ms == 250);
		ck_assert(!sd_parse_duration_ms("-1s", &ms));
		ck_assert(!sd_parse_duration_ms("2 hours", &ms));
		ck_assert(sd_parse_count("5", 0, &n) && n == 5);
		ck_assert(!sd_parse_count("0", 1, &n));
		ck_assert(!sd_parse_count("1e3", 0, &n));
	}
}
END_TEST

static Suite *online_suite(void)
{
	Suite *s = suite_create("online");

	SD_TEST(s, online_forms_golden, 60);
	SD_TEST(s, online_key_index_comment, 60);
	SD_TEST(s, online_key_index_include_with, 60);
	SD_TEST(s, online_initial_revision_one_transaction, 60);
	SD_TEST(s, plain_forms_unchanged, 60);
	SD_TEST(s, staged_golden, 60);
	SD_TEST(s, steps_read_back, 60);
	SD_TEST(s, lint_hand_written, 60);
	SD_TEST(s, lint_online_steps, 60);
	SD_TEST(s, lint_generated_is_clean, 60);
	SD_TEST(s, levels_and_volatility, 60);
	return s;
}

SD_TEST_MAIN(online_suite)
