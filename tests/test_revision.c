/*
 * test_revision.c - revision headers, the revision graph, target resolution
 * and migration paths, statement splitting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "revision/replay.h"
#include "revision/revision.h"

#define A1 "aaaaaaaaaaa1"
#define B1 "bbbbbbbbbbb1"
#define C1 "ccccccccccc1"
#define D1 "ddddddddddd1"
#define M1 "eeeeeeeeeee1"

static const char good_header[] =
	"-- Add email to User\n"
	"--\n"
	"-- revision: 3f2a9c1b7e4d\n"
	"-- revises: 1a2b3c4d5e6f, 0a2b3c4d5e6f\n"
	"-- created: 2026-11-24T10:15:00Z\n"
	"-- dialect: sqlite\n"
	"-- warning: drop column users.x\n"
	"-- transaction: none\n"
	"\n"
	"-- schemadiff:upgrade\n"
	"THIS IS NEVER READ;\n";

START_TEST(header_good)
{
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_revision r;

	ck_assert_int_eq(sd_rev_parse_header(&r, a, good_header,
	                                     strlen(good_header), "x.sql", &err),
	                 SD_OK);
	ck_assert_str_eq(r.id, "3f2a9c1b7e4d");
	ck_assert_str_eq(r.message, "Add email to User");
	ck_assert_uint_eq(r.nparents, 2);
	ck_assert_str_eq(r.parents[0], "1a2b3c4d5e6f");
	ck_assert_str_eq(r.parents[1], "0a2b3c4d5e6f");
	ck_assert_str_eq(r.created, "2026-11-24T10:15:00Z");
	ck_assert_str_eq(r.dialect, "sqlite");
	ck_assert_uint_eq(r.warnings.n, 1);
	ck_assert_str_eq(r.warnings.items[0], "drop column users.x");
	ck_assert(r.no_transaction);
	ck_assert_int_eq(r.body_line, 10);
	ck_assert_int_eq(r.format, SD_REV_SQL);
	sd_arena_free(a);
}
END_TEST

START_TEST(header_roundtrip)
{
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_revision r, back;
	sd_buf b = SD_BUF_INIT;

	ck_assert_int_eq(sd_rev_parse_header(&r, a, good_header,
	                                     strlen(good_header), "x.sql", &err),
	                 SD_OK);
	sd_rev_format_header(&b, &r, SD_REV_SQL);
	sd_buf_put(&b, SD_REV_UPGRADE_MARKER "\n");
	ck_assert_str_eq(sd_buf_cstr(&b),
	                 "-- Add email to User\n--\n-- revision: 3f2a9c1b7e4d\n"
	                 "-- revises: 1a2b3c4d5e6f, 0a2b3c4d5e6f\n"
	                 "-- created: 2026-11-24T10:15:00Z\n-- dialect: sqlite\n"
	                 "-- warning: drop column users.x\n"
	                 "-- transaction: none\n\n-- schemadiff:upgrade\n");
	/* The C form carries the same lines in a comment. */
	sd_buf_truncate(&b, 0);
	sd_rev_format_header(&b, &r, SD_REV_C);
	sd_buf_put(&b, "#include <schemadiff/revision.h>\n");
	ck_assert_int_eq(sd_rev_parse_header(&back, a, b.data, b.len, "x.c", &err),
	                 SD_OK);
	ck_assert_str_eq(back.id, r.id);
	ck_assert_str_eq(back.message, r.message);
	ck_assert_uint_eq(back.nparents, 2);
	ck_assert_str_eq(back.parents[1], "0a2b3c4d5e6f");
	ck_assert(back.no_transaction);
	ck_assert_int_eq(back.format, SD_REV_C);
	sd_buf_free(&b);
	sd_arena_free(a);
}
END_TEST

/* Each malformed header: the message fragment and the line it names. */
static const struct {
	const char *text;
	const char *want;
	int line;
} bad_headers[] = {
	{"-- m\n--\n-- revision: 3F2A9C1B7E4D\n-- revises:\n-- created: x\n"
	 "-- schemadiff:upgrade\n", "bad revision id", 3},
	{"-- m\n--\n-- revision: 3f2a9c1b7e4d\n-- revises: abc\n-- created: x\n"
	 "-- schemadiff:upgrade\n", "bad parent id 'abc'", 4},
	{"-- m\n--\n-- revison: 3f2a9c1b7e4d\n-- revises:\n-- created: x\n"
	 "-- schemadiff:upgrade\n", "unknown key 'revison'", 3},
	{"-- m\n--\n-- revision: 3f2a9c1b7e4d\n-- created: x\n"
	 "-- schemadiff:upgrade\n", "missing 'revises:'", 5},
	{"-- m\n--\n-- revision: 3f2a9c1b7e4d\n-- revises:\n-- created: x\n",
	 "missing '-- schemadiff:upgrade'", 5},
	{"-- m\nCREATE TABLE x;\n-- schemadiff:upgrade\n",
	 "expected a comment line", 2},
	{"-- m\n--\n-- revision: 3f2a9c1b7e4d\n-- revises:\n-- created: x\n"
	 "-- dialect: oracle\n-- schemadiff:upgrade\n", "unknown dialect 'oracle'", 6},
	{"-- m\n--\n-- revision: 3f2a9c1b7e4d\n-- revises: 1a2b3c4d5e6f, 1a2b3c4d5e6f\n"
	 "-- created: x\n-- schemadiff:upgrade\n", "listed twice", 4},
	{"-- m\n--\n-- revision: 3f2a9c1b7e4d\n-- revises:\n-- created: x\n"
	 "-- revision: 1a2b3c4d5e6f\n-- schemadiff:upgrade\n",
	 "'revision:' appears twice", 6},
};

/* A file named for one id whose header names another is refused. */
START_TEST(header_name_mismatch)
{
	static const char text[] =
		"-- m\n--\n-- revision: 3f2a9c1b7e4d\n-- revises:\n"
		"-- created: x\n-- schemadiff:upgrade\n";
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_revision r;

	ck_assert_int_eq(sd_rev_parse_header(&r, a, text, strlen(text),
	                                     "v/1a2b3c4d5e6f_m.sql", &err),
	                 SD_EINPUT);
	ck_assert_ptr_nonnull(strstr(err.first->message,
	                             "revision 3f2a9c1b7e4d does not match the "
	                             "file name (1a2b3c4d5e6f)"));
	ck_assert_int_eq(err.first->line, 3);
	sd_error_clear(&err);
	ck_assert_int_eq(sd_rev_parse_header(&r, a, text, strlen(text),
	                                     "v/3f2a9c1b7e4d_m.sql", &err),
	                 SD_OK);
	sd_arena_free(a);
}
END_TEST

START_TEST(header_bad)
{
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_revision r;
	sd_buf msg = SD_BUF_INIT;
	const char *text = bad_headers[_i].text;

	ck_assert_int_eq(sd_rev_parse_header(&r, a, text, strlen(text),
	                                     "v/x.sql", &err),
	                 SD_EINPUT);
	ck_assert_ptr_nonnull(err.first);
	sd_diag_format(&msg, err.first);
	ck_assert_msg(strstr(sd_buf_cstr(&msg), bad_headers[_i].want),
	              "got '%s', want '%s'", sd_buf_cstr(&msg),
	              bad_headers[_i].want);
	ck_assert_str_eq(err.first->path, "v/x.sql");
	ck_assert_int_eq(err.first->line, bad_headers[_i].line);
	sd_buf_free(&msg);
	sd_error_clear(&err);
	sd_arena_free(a);
}
END_TEST

START_TEST(new_id)
{
	char a[13], b[13];
	sd_error err = SD_ERROR_INIT;

	ck_assert_int_eq(sd_rev_new_id(a, &err), SD_OK);
	ck_assert_int_eq(sd_rev_new_id(b, &err), SD_OK);
	ck_assert(sd_rev_id_valid(a));
	ck_assert(sd_rev_id_valid(b));
	ck_assert_str_ne(a, b);
	ck_assert(!sd_rev_id_valid("abc"));
	ck_assert(!sd_rev_id_valid("ABCDEFABCDEF"));
}
END_TEST

/* ---- graphs on disk ------------------------------------------------ */

static char tmpdir[256];

static void write_rev_body(const char *id, const char *parents,
                           const char *created, const char *slug,
                           const char *up, const char *down)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s_%s.sql", tmpdir, id, slug);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "-- %s\n--\n-- revision: %s\n-- revises: %s\n"
	           "-- created: %s\n-- dialect: sqlite\n\n"
	           "-- schemadiff:upgrade\n%s\n\n-- schemadiff:downgrade\n"
	           "%s\n",
	        slug, id, parents, created, up, down);
	fclose(f);
}

static void write_rev(const char *id, const char *parents, const char *created,
                      const char *slug)
{
	write_rev_body(id, parents, created, slug, "SELECT 1;", "SELECT 2;");
}

static void setup_dir(void)
{
	strcpy(tmpdir, "/tmp/sdrevXXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown_dir(void)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

/*   A1 -> B1 -> M1
 *     \-> C1 --/      and D1 on top of M1 when with_d */
static sd_rev_graph *diamond(bool with_d)
{
	sd_rev_graph *g = NULL;
	sd_error err = SD_ERROR_INIT;

	write_rev(A1, "", "2026-01-01T00:00:00Z", "a");
	write_rev(B1, A1, "2026-01-02T00:00:00Z", "b");
	write_rev(C1, A1, "2026-01-03T00:00:00Z", "c");
	write_rev(M1, B1 ", " C1, "2026-01-04T00:00:00Z", "merge");
	if (with_d)
		write_rev(D1, M1, "2026-01-05T00:00:00Z", "d");
	ck_assert_int_eq(sd_rev_graph_load(&g, tmpdir, &err), SD_OK);
	return g;
}

static const char *path_ids(sd_arena *a, const sd_rev_path *p)
{
	sd_buf b = SD_BUF_INIT;
	size_t i;
	char *s;

	for (i = 0; i < p->n; i++)
		sd_buf_printf(&b, "%s%c", i ? " " : "", p->revs[i]->id[0]);
	s = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return s;
}

START_TEST(graph_order_and_heads)
{
	sd_rev_graph *g = diamond(true);
	size_t i;

	ck_assert_uint_eq(g->n, 5);
	ck_assert_uint_eq(g->nheads, 1);
	ck_assert_str_eq(g->heads[0]->id, D1);
	/* parents first, siblings oldest first */
	ck_assert_str_eq(g->revs[0]->id, A1);
	ck_assert_str_eq(g->revs[1]->id, B1);
	ck_assert_str_eq(g->revs[2]->id, C1);
	ck_assert_str_eq(g->revs[3]->id, M1);
	for (i = 0; i < g->n; i++)
		ck_assert_uint_eq(g->revs[i]->topo, i);
	ck_assert_uint_eq(sd_rev_graph_get(g, A1)->nchildren, 2);
	sd_rev_graph_free(g);
}
END_TEST

START_TEST(graph_lookup)
{
	sd_rev_graph *g = diamond(false);
	sd_error err = SD_ERROR_INIT;
	sd_revision *r = NULL;

	ck_assert_int_eq(sd_rev_graph_lookup(&r, g, "bbb", &err), SD_OK);
	ck_assert_str_eq(r->id, B1);
	ck_assert_int_eq(sd_rev_graph_lookup(&r, g, C1, &err), SD_OK);
	ck_assert_str_eq(r->id, C1);
	write_rev("bbbbbbbbbbb2", A1, "2026-01-05T00:00:00Z", "b2");
	sd_rev_graph_free(g);
	ck_assert_int_eq(sd_rev_graph_load(&g, tmpdir, &err), SD_OK);
	ck_assert_int_eq(sd_rev_graph_lookup(&r, g, "bbb", &err), SD_EINPUT);
	ck_assert_ptr_nonnull(strstr(err.first->message, "ambiguous"));
	ck_assert_ptr_nonnull(strstr(err.first->message, B1));
	ck_assert_ptr_nonnull(strstr(err.first->message, "bbbbbbbbbbb2"));
	sd_error_clear(&err);
	ck_assert_int_eq(sd_rev_graph_lookup(&r, g, "f00", &err), SD_EINPUT);
	sd_error_clear(&err);
	sd_rev_graph_free(g);
}
END_TEST

START_TEST(graph_plans)
{
	sd_rev_graph *g = diamond(true);
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_rev_path p;
	sd_revision *cur[2];

	/* from base to head: everything, parents first */
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "head", true, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "a b c e d");
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "+2", true, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "a b");
	/* up to one branch only */
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "ccc", true, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "a c");
	/* from B: the other branch, the merge, D */
	cur[0] = sd_rev_graph_get(g, B1);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "head", true, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "c e d");
	/* at both branch heads: just the merge and D */
	cur[1] = sd_rev_graph_get(g, C1);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 2, "heads", true, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "e d");
	/* at D: downgrade -2 reverts D and the merge */
	cur[0] = sd_rev_graph_get(g, D1);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "-2", false, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "d e");
	/* -3 is ambiguous after the merge is gone: two heads */
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "-3", false, &err), SD_EINPUT);
	sd_error_clear(&err);
	/* down to B: revert everything above B, children first */
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "bbb", false, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "d e");
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "aaa", false, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "d e c b");
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "base", false, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "d e c b a");
	/* nothing above the head */
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "head", true, &err), SD_OK);
	ck_assert_uint_eq(p.n, 0);
	/* upgrading to the current revision is nothing to do ... */
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, D1, true, &err), SD_OK);
	ck_assert_uint_eq(p.n, 0);
	/* ... but to one below it, or to base, is a downgrade in disguise */
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "bbb", true, &err), SD_EINPUT);
	ck_assert_ptr_nonnull(strstr(err.first->message, "use `schemadiff downgrade"));
	sd_error_clear(&err);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "base", true, &err), SD_EINPUT);
	sd_error_clear(&err);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "base", true, &err), SD_OK);
	ck_assert_uint_eq(p.n, 0);
	/* ranges for history -r and --sql FROM:TO */
	sd_rev_range(&p, a, g, sd_rev_graph_get(g, B1), sd_rev_graph_get(g, D1), false);
	ck_assert_str_eq(path_ids(a, &p), "b e d");
	sd_arena_free(a);
	sd_rev_graph_free(g);
}
END_TEST

START_TEST(graph_two_heads)
{
	sd_rev_graph *g;
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_rev_path p;

	write_rev(A1, "", "2026-01-01T00:00:00Z", "a");
	write_rev(B1, A1, "2026-01-02T00:00:00Z", "b");
	write_rev(C1, A1, "2026-01-03T00:00:00Z", "c");
	ck_assert_int_eq(sd_rev_graph_load(&g, tmpdir, &err), SD_OK);
	ck_assert_uint_eq(g->nheads, 2);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "head", true, &err), SD_EINPUT);
	ck_assert_ptr_nonnull(strstr(err.first->message, "2 heads"));
	sd_error_clear(&err);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "heads", true, &err), SD_OK);
	ck_assert_str_eq(path_ids(a, &p), "a b c");
	sd_arena_free(a);
	sd_rev_graph_free(g);
}
END_TEST

static void expect_load_error(const char *fragment, const char *file)
{
	sd_rev_graph *g = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_buf msg = SD_BUF_INIT;

	ck_assert_int_eq(sd_rev_graph_load(&g, tmpdir, &err), SD_EINPUT);
	ck_assert_ptr_null(g);
	ck_assert_ptr_nonnull(err.first);
	sd_diag_format(&msg, err.first);
	ck_assert_msg(strstr(sd_buf_cstr(&msg), fragment), "got '%s'",
	              sd_buf_cstr(&msg));
	ck_assert_msg(strstr(sd_buf_cstr(&msg), file), "'%s' names no %s",
	              sd_buf_cstr(&msg), file);
	sd_buf_free(&msg);
	sd_error_clear(&err);
}

START_TEST(graph_errors)
{
	write_rev(A1, "", "2026-01-01T00:00:00Z", "a");
	write_rev(B1, "ffffffffffff", "2026-01-02T00:00:00Z", "b");
	expect_load_error("does not exist", B1 "_b.sql");
	write_rev(B1, C1, "2026-01-02T00:00:00Z", "b");
	write_rev(C1, B1, "2026-01-02T00:00:00Z", "c");
	expect_load_error("cycle", "_b.sql");
	write_rev(B1, A1, "2026-01-02T00:00:00Z", "b");
	write_rev(C1, A1, "2026-01-02T00:00:00Z", "c");
	write_rev(C1, A1, "2026-01-02T00:00:00Z", "c_copy");
	expect_load_error("duplicate revision id", C1 "_c_copy.sql");
}
END_TEST

START_TEST(graph_long_chain)
{
	/* 20000 revisions: nothing may recurse per revision. */
	sd_rev_graph *g;
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_rev_path p;
	char id[13], prev[13] = "";
	int i;

	for (i = 0; i < 20000; i++) {
		snprintf(id, sizeof(id), "%012x", i + 1);
		write_rev(id, prev, "2026-01-01T00:00:00Z", "r");
		strcpy(prev, id);
	}
	ck_assert_int_eq(sd_rev_graph_load(&g, tmpdir, &err), SD_OK);
	ck_assert_uint_eq(g->nheads, 1);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "head", true, &err), SD_OK);
	ck_assert_uint_eq(p.n, 20000);
	ck_assert_str_eq(p.revs[0]->id, "000000000001");
	sd_arena_free(a);
	sd_rev_graph_free(g);
}
END_TEST

START_TEST(body_sections)
{
	sd_rev_graph *g = diamond(false);
	sd_error err = SD_ERROR_INIT;
	char *up, *down;
	int ul, dl;

	ck_assert_int_eq(sd_rev_read_body(&up, &down, &ul, &dl,
	                                  sd_rev_graph_get(g, A1), &err), SD_OK);
	ck_assert_str_eq(up, "SELECT 1;\n\n");
	ck_assert_str_eq(down, "SELECT 2;\n");
	ck_assert_int_eq(ul, 9);
	ck_assert_int_eq(dl, 12);
	free(up);
	free(down);
	sd_rev_graph_free(g);
}
END_TEST

/* The same layout in both dialects: a statement holding semicolons at
 * lines 4-7 (a trigger body, a BEGIN ATOMIC function body). */
#define SPLIT_SCRIPT(body4to7, line8)                                        \
	"-- lead comment\n"                                                  \
	"CREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; here');\n"              \
	"/* c; */ INSERT INTO t VALUES (1);\n" body4to7 line8                 \
	"-- trailing comment only\n"

START_TEST(split_statements_sqlite)
{
	sd_arena *a = sd_arena_new();
	const char **s;
	int *lines;
	size_t n = sd_sql_split(&s, &lines, a,
	        SPLIT_SCRIPT("CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
	                     "  UPDATE t SET x = 1;\n  DELETE FROM u;\nEND;\n",
	                     "SELECT `x;y`, [a;b] FROM t;\n"),
	        SD_SQL_SQLITE);

	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(s[0], "-- lead comment\nCREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; here')");
	ck_assert_str_eq(s[1], "/* c; */ INSERT INTO t VALUES (1)");
	ck_assert_str_eq(s[2], "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
	                       "  UPDATE t SET x = 1;\n  DELETE FROM u;\nEND");
	ck_assert_str_eq(s[3], "SELECT `x;y`, [a;b] FROM t");
	ck_assert_int_eq(lines[0], 1);
	ck_assert_int_eq(lines[1], 3);
	ck_assert_int_eq(lines[2], 4);
	ck_assert_int_eq(lines[3], 8);
	/* unterminated quotes and comments still reach the database */
	n = sd_sql_split(&s, NULL, a, "SELECT 1;\nINSERT INTO t VALUES ('abc",
	                 SD_SQL_SQLITE);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(s[1], "INSERT INTO t VALUES ('abc");
	n = sd_sql_split(&s, NULL, a, "SELECT \"x", SD_SQL_SQLITE);
	ck_assert_uint_eq(n, 1);
	n = sd_sql_split(&s, NULL, a, "SELECT 1 /* open", SD_SQL_SQLITE);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(s[0], "SELECT 1 /* open");
	n = sd_sql_split(&s, NULL, a,
	                 "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;",
	                 SD_SQL_SQLITE);
	ck_assert_uint_eq(n, 1);
	/* a CASE ... END inside a trigger body does not end the trigger */
	n = sd_sql_split(&s, NULL, a,
	        "CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN\n"
	        "  UPDATE x SET a = CASE WHEN new.b THEN 1 ELSE 2 END;\n"
	        "  SELECT 'end;';\nEND;\nSELECT 2;", SD_SQL_SQLITE);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(s[1], "SELECT 2");
	sd_arena_free(a);
}
END_TEST

START_TEST(split_statements_postgres)
{
	sd_arena *a = sd_arena_new();
	const char **s;
	int *lines;
	size_t n = sd_sql_split(&s, &lines, a,
	        SPLIT_SCRIPT("CREATE FUNCTION g() RETURNS void LANGUAGE sql BEGIN ATOMIC\n"
	                     "  UPDATE t SET x = 1;\n  DELETE FROM u;\nEND;\n",
	                     "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"),
	        SD_SQL_POSTGRES);

	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(s[0], "-- lead comment\nCREATE TABLE \"a;b\" (x TEXT DEFAULT 'it''s; here')");
	ck_assert_str_eq(s[1], "/* c; */ INSERT INTO t VALUES (1)");
	ck_assert_str_eq(s[2], "CREATE FUNCTION g() RETURNS void LANGUAGE sql BEGIN ATOMIC\n"
	                       "  UPDATE t SET x = 1;\n  DELETE FROM u;\nEND");
	ck_assert_str_eq(s[3], "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql");
	ck_assert_int_eq(lines[0], 1);
	ck_assert_int_eq(lines[1], 3);
	ck_assert_int_eq(lines[2], 4);
	ck_assert_int_eq(lines[3], 8);
	/* what does not parse is split by the lexer and still reaches the
	 * server, which says what is wrong */
	n = sd_sql_split(&s, &lines, a,
	                 "SELECT 1;\nSELEC E'it\\'s; (' FROM t;\n"
	                 "SELECT $q$ ; $q$, (1;\n2);\nSELECT 3",
	                 SD_SQL_POSTGRES);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(s[1], "SELEC E'it\\'s; (' FROM t");
	ck_assert_str_eq(s[2], "SELECT $q$ ; $q$, (1;\n2)");
	ck_assert_int_eq(lines[3], 5);
	n = sd_sql_split(&s, NULL, a, "SELECT 1;\nINSERT INTO t VALUES ('abc",
	                 SD_SQL_POSTGRES);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(s[1], "INSERT INTO t VALUES ('abc");
	n = sd_sql_split(&s, NULL, a, "SELECT \"x", SD_SQL_POSTGRES);
	ck_assert_uint_eq(n, 1);
	n = sd_sql_split(&s, NULL, a, "SELECT 1 /* open", SD_SQL_POSTGRES);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(s[0], "SELECT 1 /* open");
	n = sd_sql_split(&s, NULL, a, "SELECT $$ open", SD_SQL_POSTGRES);
	ck_assert_uint_eq(n, 1);
	n = sd_sql_split(&s, NULL, a, "-- nothing\n;/* at all */;",
	                 SD_SQL_POSTGRES);
	ck_assert_uint_eq(n, 0);
	sd_arena_free(a);
}
END_TEST

/* Drops the log rows (checksum and time vary) from --sql output. */
static const char *without_log(sd_arena *a, const char *sql)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = sql, *nl;
	char *s;

	for (; *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		if (sd_startswith(p, "INSERT INTO \"schemadiff_version_log\"") ||
		    sd_startswith(p, "INSERT INTO \"v_log\""))
			continue;
		sd_buf_putn(&b, p, nl ? (size_t)(nl - p) + 1 : strlen(p));
	}
	s = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return s;
}

START_TEST(offline_sql)
{
	sd_rev_graph *g = diamond(false);
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_rev_path p;
	sd_buf out = SD_BUF_INIT;
	sd_revision *cur[1];

	/* base -> B: version table DDL, then a and b each in a transaction */
	cur[0] = sd_rev_graph_get(g, B1);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, NULL, 0, "bbb", true, &err), SD_OK);
	ck_assert_int_eq(sd_runner_sql(&out, &sd_dialect_sqlite, g, &p, NULL, 0,
	                               "schemadiff_version", true, &err), SD_OK);
	ck_assert_str_eq(without_log(a, sd_buf_cstr(&out)),
		"CREATE TABLE IF NOT EXISTS \"schemadiff_version\" (\"revision\" VARCHAR(32) NOT NULL PRIMARY KEY);\n"
		"CREATE TABLE IF NOT EXISTS \"schemadiff_version_log\" (\"revision\" VARCHAR(32) NOT NULL, "
		"\"operation\" VARCHAR(16) NOT NULL, \"checksum\" VARCHAR(64), \"applied_at\" VARCHAR(32) NOT NULL);\n"
		"\n"
		"-- upgrade " A1 ": a\n"
		"BEGIN;\n"
		"SELECT 1;\n"
		"INSERT INTO \"schemadiff_version\" (\"revision\") VALUES ('" A1 "');\n"
		"COMMIT;\n"
		"\n"
		"-- upgrade " B1 ": b\n"
		"BEGIN;\n"
		"SELECT 1;\n"
		"DELETE FROM \"schemadiff_version\" WHERE \"revision\" = '" A1 "';\n"
		"INSERT INTO \"schemadiff_version\" (\"revision\") VALUES ('" B1 "');\n"
		"COMMIT;\n\n");
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&out),
		"INSERT INTO \"schemadiff_version_log\" (\"revision\", \"operation\", \"checksum\", \"applied_at\") VALUES ('" B1 "', 'upgrade', '"));

	/* B -> M: C keeps A's row away (B still sits on A), the merge
	 * replaces both branch rows */
	sd_buf_truncate(&out, 0);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "head", true, &err), SD_OK);
	ck_assert_int_eq(sd_runner_sql(&out, &sd_dialect_sqlite, g, &p, cur, 1,
	                               "v", false, &err), SD_OK);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&out),
		"-- upgrade " C1 ": c\nBEGIN;\nSELECT 1;\n"
		"INSERT INTO \"v\" (\"revision\") VALUES ('" C1 "');\n"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&out),
		"-- upgrade " M1 ": merge\nBEGIN;\nSELECT 1;\n"
		"DELETE FROM \"v\" WHERE \"revision\" = '" B1 "';\n"
		"DELETE FROM \"v\" WHERE \"revision\" = '" C1 "';\n"
		"INSERT INTO \"v\" (\"revision\") VALUES ('" M1 "');\n"));

	/* and back down from M to A: the merge restores both parents */
	cur[0] = sd_rev_graph_get(g, M1);
	sd_buf_truncate(&out, 0);
	ck_assert_int_eq(sd_rev_plan(&p, a, g, cur, 1, "-1", false, &err), SD_OK);
	ck_assert_int_eq(sd_runner_sql(&out, &sd_dialect_sqlite, g, &p, cur, 1,
	                               "v", false, &err), SD_OK);
	ck_assert_str_eq(without_log(a, sd_buf_cstr(&out)),
		"-- downgrade " M1 ": merge\n"
		"BEGIN;\n"
		"SELECT 2;\n"
		"DELETE FROM \"v\" WHERE \"revision\" = '" M1 "';\n"
		"INSERT INTO \"v\" (\"revision\") VALUES ('" B1 "');\n"
		"INSERT INTO \"v\" (\"revision\") VALUES ('" C1 "');\n"
		"COMMIT;\n\n");
	sd_buf_free(&out);
	sd_arena_free(a);
	sd_rev_graph_free(g);
}
END_TEST

/* ---- replay ------------------------------------------------------ */

static void write_ddl_rev(const char *id, const char *parents,
                          const char *slug, const char *up, const char *down)
{
	write_rev_body(id, parents, "2026-01-01T00:00:00Z", slug, up, down);
}

/* "t_a t_b": the schema's tables, sorted, for comparisons. */
static const char *table_names(sd_arena *a, sd_schema *s)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;
	size_t i;

	sd_schema_sort(s);
	for (i = 0; i < s->ntables; i++)
		sd_buf_printf(&b, "%s%s", i ? " " : "", s->tables[i]->base.name);
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/*   A (t_a) -> B (t_b) -> M (t_m, merge)
 *     \-> C (t_c) ----/                                            */
static sd_rev_graph *ddl_diamond(void)
{
	sd_rev_graph *g = NULL;
	sd_error err = SD_ERROR_INIT;

	write_ddl_rev(A1, "", "a", "CREATE TABLE t_a (id INTEGER PRIMARY KEY);",
	              "DROP TABLE t_a;");
	write_ddl_rev(B1, A1, "b", "CREATE TABLE t_b (id INTEGER PRIMARY KEY,"
	              " a_id INTEGER REFERENCES t_a (id));", "DROP TABLE t_b;");
	write_ddl_rev(C1, A1, "c", "CREATE TABLE t_c (id INTEGER PRIMARY KEY);",
	              "DROP TABLE t_c;");
	write_ddl_rev(M1, B1 ", " C1, "merge",
	              "CREATE TABLE t_m (id INTEGER PRIMARY KEY);"
	              " ALTER TABLE t_a ADD COLUMN note TEXT;",
	              "DROP TABLE t_m;");
	ck_assert_int_eq(sd_rev_graph_load(&g, tmpdir, &err), SD_OK);
	return g;
}

static void replay_opts(sd_replay_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->driver = &sd_driver_sqlite;
	o->version_table = "schemadiff_version";
}

START_TEST(replay_merge_revision)
{
	sd_rev_graph *g = ddl_diamond();
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_replay_opts o;
	sd_schema *before = NULL, *after = NULL;

	replay_opts(&o);
	/* a merge's before is both parents applied */
	ck_assert_int_eq(sd_replay_revision(&before, &after, g,
	                                    sd_rev_graph_get(g, M1), &o, &err),
	                 SD_OK);
	ck_assert_str_eq(table_names(a, before), "t_a t_b t_c");
	ck_assert_str_eq(table_names(a, after), "t_a t_b t_c t_m");
	ck_assert_uint_eq(sd_schema_find_table(before, NULL, "t_a")->ncolumns, 1);
	ck_assert_uint_eq(sd_schema_find_table(after, NULL, "t_a")->ncolumns, 2);
	/* the version table is left out */
	ck_assert_ptr_null(sd_schema_find_table(after, NULL, "schemadiff_version"));
	sd_schema_free(before);
	sd_schema_free(after);
	sd_arena_free(a);
	sd_rev_graph_free(g);
}
END_TEST

START_TEST(replay_states)
{
	sd_rev_graph *g = ddl_diamond();
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	sd_replay_opts o;
	sd_replay *rp = NULL;
	sd_revision *b = sd_rev_graph_get(g, B1), *c = sd_rev_graph_get(g, C1);
	sd_schema *s = NULL;

	replay_opts(&o);
	ck_assert_int_eq(sd_replay_open(&rp, g, &o, &err), SD_OK);
	ck_assert_int_eq(sd_replay_state(rp, NULL, 0, &s, &err), SD_OK);
	ck_assert_str_eq(table_names(a, s), "");
	sd_schema_free(s);
	ck_assert_int_eq(sd_replay_state(rp, &b, 1, &s, &err), SD_OK);
	ck_assert_str_eq(table_names(a, s), "t_a t_b");
	sd_schema_free(s);
	/* sideways, from B to C: B's table must not stay */
	ck_assert_int_eq(sd_replay_state(rp, &c, 1, &s, &err), SD_OK);
	ck_assert_str_eq(table_names(a, s), "t_a t_c");
	sd_schema_free(s);
	ck_assert_int_eq(sd_replay_close(rp, &err), SD_OK);

	ck_assert_int_eq(sd_replay_schema(&s, g, "heads", &o, &err), SD_OK);
	ck_assert_str_eq(table_names(a, s), "t_a t_b t_c t_m");
	sd_schema_free(s);
	ck_assert_int_eq(sd_replay_schema(&s, g, "base", &o, &err), SD_OK);
	ck_assert_str_eq(table_names(a, s), "");
	sd_schema_free(s);
	ck_assert_int_eq(sd_replay_schema(&s, g, "ccc", &o, &err), SD_OK);
	ck_assert_str_eq(table_names(a, s), "t_a t_c");
	sd_schema_free(s);
	ck_assert_int_eq(sd_error_has(&err), false);
	sd_arena_free(a);
	sd_rev_graph_free(g);
}
END_TEST

START_TEST(replay_failing_revision)
{
	sd_rev_graph *g = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_replay_opts o;
	sd_schema *before = NULL, *after = NULL;

	write_ddl_rev(A1, "", "a", "CREATE TABLE t_a (id INTEGER PRIMARY KEY);",
	              "DROP TABLE t_a;");
	write_ddl_rev(B1, A1, "b", "\nALTER TABLE nosuch ADD COLUMN x TEXT;",
	              "SELECT 1;");
	ck_assert_int_eq(sd_rev_graph_load(&g, tmpdir, &err), SD_OK);
	replay_opts(&o);
	ck_assert_int_eq(sd_replay_revision(&before, &after, g,
	                                    sd_rev_graph_get(g, B1), &o, &err),
	                 SD_ERUNTIME);
	ck_assert_ptr_null(before);
	ck_assert_ptr_null(after);
	/* the runner's message: the file, the statement's line, the cause */
	ck_assert_ptr_nonnull(err.first);
	ck_assert_ptr_nonnull(strstr(err.first->path, B1 "_b.sql"));
	ck_assert_int_eq(err.first->line, 10);
	ck_assert_ptr_nonnull(strstr(err.first->message, "no such table: nosuch"));
	sd_error_clear(&err);
	sd_rev_graph_free(g);
}
END_TEST

static Suite *revision_suite(void)
{
	Suite *s = suite_create("revision");

	SD_TEST(s, header_good, 60);
	SD_TEST(s, header_roundtrip, 60);
	SD_TEST(s, header_name_mismatch, 60);
	SD_TEST_LOOP(s, header_bad, 60, 0, (int)SD_ARRAY_LEN(bad_headers));
	SD_TEST(s, new_id, 60);
	SD_TEST(s, split_statements_sqlite, 60);
	SD_TEST(s, split_statements_postgres, 60);
	SD_TEST_FIXTURE(s, graph_order_and_heads, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, graph_lookup, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, graph_plans, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, graph_two_heads, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, graph_errors, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, graph_long_chain, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, body_sections, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, offline_sql, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, replay_merge_revision, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, replay_states, 120, setup_dir, teardown_dir);
	SD_TEST_FIXTURE(s, replay_failing_revision, 120, setup_dir, teardown_dir);
	return s;
}

SD_TEST_MAIN(revision_suite)
