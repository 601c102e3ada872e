/*
 * test_diagram.c - diagrams built from schemas and plans, their
 * neighbourhoods, the Mermaid and DOT writers, escaping and SQL
 * highlighting. (SVG and the review page in a browser: cli_diagram.sh,
 * cli_review_html.sh.)
 */
#include <string.h>

#include "diagram/diagram.h"
#include "diagram/review.h"
#include "emit/dialect.h"
#include "harness.h"
#include "model/load.h"

static const char *escaped(sd_arena *a, const char *s, unsigned flags)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;

	sd_xml_escape(&b, s, flags);
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

START_TEST(xml_escape)
{
	sd_arena *a = sd_arena_new();

	ck_assert_str_eq(escaped(a, "x<script>alert(1)</script>", 0),
	                 "x&lt;script&gt;alert(1)&lt;/script&gt;");
	ck_assert_str_eq(escaped(a, "a&b \"c\" 'd'", 0),
	                 "a&amp;b &quot;c&quot; &#39;d&#39;");
	/* control characters cannot be in XML at all */
	ck_assert_str_eq(escaped(a, "a\x01z\x1f", 0), "a\xef\xbf\xbdz\xef\xbf\xbd");
	/* line breaks: spaces, or kept */
	ck_assert_str_eq(escaped(a, "a\nb\tc\r\nd", 0), "a b c  d");
	ck_assert_str_eq(escaped(a, "a\nb\tc\r\nd", SD_XML_KEEP_LINES),
	                 "a\nb\tc\nd");
	/* valid UTF-8 passes, invalid is replaced byte by byte */
	ck_assert_str_eq(escaped(a, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x98", 0),
	                 "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\x98");
	ck_assert_str_eq(escaped(a, "\xff", 0), "\xef\xbf\xbd");
	ck_assert_str_eq(escaped(a, "\xc3", 0), "\xef\xbf\xbd");           /* cut */
	ck_assert_str_eq(escaped(a, "\xc0\xbc", 0),                        /* overlong < */
	                 "\xef\xbf\xbd\xef\xbf\xbd");
	ck_assert_str_eq(escaped(a, "\xed\xa0\x80", 0),                    /* surrogate */
	                 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	ck_assert_str_eq(escaped(a, "\xef\xbf\xbe", 0), "\xef\xbf\xbd");   /* U+FFFE */
	ck_assert_str_eq(escaped(a, NULL, 0), "");
	sd_arena_free(a);
}
END_TEST

START_TEST(sql_highlight)
{
	sd_buf b = SD_BUF_INIT;

	sd_sql_highlight(&b, "CREATE TABLE \"we\"\"ird\" (x VARCHAR(12) DEFAULT 'it''s</pre>'); -- <b>\n"
	                     "SELECT $1, $f$ a;b $f$ /* c /* d */ e */ 1.5", "postgresql");
	ck_assert_str_eq(sd_buf_cstr(&b),
		"<span class=\"k\">CREATE</span> <span class=\"k\">TABLE</span> "
		"<span class=\"i\">&quot;we&quot;&quot;ird&quot;</span> (<span class=\"i\">x</span> "
		"<span class=\"t\">VARCHAR</span>(<span class=\"n\">12</span>) "
		"<span class=\"k\">DEFAULT</span> <span class=\"s\">&#39;it&#39;&#39;s&lt;/pre&gt;&#39;</span>); "
		"<span class=\"c\">-- &lt;b&gt;</span>\n"
		"<span class=\"k\">SELECT</span> <span class=\"n\">$1</span>, "
		"<span class=\"s\">$f$ a;b $f$</span> "
		"<span class=\"c\">/* c /* d */ e */</span> <span class=\"n\">1.5</span>");
	sd_buf_truncate(&b, 0);
	/* SQLite's block comments do not nest; [x] is an identifier there */
	sd_sql_highlight(&b, "/* a /* b */ [c] */", "sqlite");
	ck_assert_str_eq(sd_buf_cstr(&b),
	                 "<span class=\"c\">/* a /* b */</span> <span class=\"i\">[c]</span> */");
	sd_buf_truncate(&b, 0);
	/* an unterminated string runs to the end, escaped */
	sd_sql_highlight(&b, "x '<script>", "sqlite");
	ck_assert_str_eq(sd_buf_cstr(&b),
	                 "<span class=\"i\">x</span> <span class=\"s\">&#39;&lt;script&gt;</span>");
	sd_buf_free(&b);
}
END_TEST

static sd_schema *models(const char *yaml)
{
	sd_schema *s = NULL;
	sd_error err = SD_ERROR_INIT;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml), "m.yaml",
	                                     &sd_naming_default, &err), SD_OK);
	sd_schema_index(s);
	return s;
}

static const sd_dg_node *node(const sd_diagram *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nnodes; i++)
		if (strcmp(d->nodes[i]->name, name) == 0)
			return d->nodes[i];
	return NULL;
}

static const sd_dg_row *row(const sd_dg_node *n, const char *name)
{
	size_t i;

	for (i = 0; n && i < n->nrows; i++)
		if (strcmp(n->rows[i].name, name) == 0)
			return &n->rows[i];
	return NULL;
}

static const char before_yaml[] =
	"enums:\n"
	"  - {name: mood, values: [happy, sad]}\n"
	"tables:\n"
	"  - name: a\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: old, type: text}\n"
	"      - {name: m, type: enum(mood)}\n"
	"  - name: b\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: a_id, type: integer, references: a.id}\n"
	"  - name: far\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"  - name: gone\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: a_id, type: integer, references: a.id}\n";

static const char after_yaml[] =
	"enums:\n"
	"  - {name: mood, values: [happy, sad, meh]}\n"
	"tables:\n"
	"  - name: a\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: m, type: enum(mood)}\n"
	"      - {name: email, type: string(80), unique: true, nullable: false}\n"
	"  - name: b\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: a_id, type: integer, references: a.id}\n"
	"  - name: far\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"  - name: c\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: a_id, type: integer, nullable: false, references: a.id}\n"
	"      - {name: b_id, type: integer, unique: true, references: b.id}\n";

START_TEST(change_marks)
{
	sd_schema *before = models(before_yaml), *after = models(after_yaml);
	sd_diff_opts o;
	sd_plan *plan = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_diagram *d;
	const sd_dg_node *n;
	size_t i, fk_added = 0, fk_dropped = 0;

	memset(&o, 0, sizeof(o));
	o.drop_unlisted = true;
	o.caps = &sd_caps_postgres;
	ck_assert_int_eq(sd_diff(&plan, before, after, &o, &err), SD_OK);
	d = sd_diagram_of_change(before, after, plan);
	ck_assert(d->marked);
	ck_assert_int_eq(node(d, "c")->state, SD_DG_ADDED);
	ck_assert_int_eq(node(d, "gone")->state, SD_DG_DROPPED);
	ck_assert_int_eq(node(d, "b")->state, SD_DG_SAME);
	n = node(d, "a");
	ck_assert_int_eq(n->state, SD_DG_CHANGED);
	ck_assert_int_eq(row(n, "old")->state, SD_DG_DROPPED);
	ck_assert_int_eq(row(n, "email")->state, SD_DG_ADDED);
	ck_assert_int_eq(row(n, "id")->state, SD_DG_SAME);
	ck_assert_uint_eq(row(n, "email")->marks, SD_DG_UQ | SD_DG_NN);
	ck_assert_uint_eq(row(n, "id")->marks, SD_DG_PK);
	ck_assert_int_eq(node(d, "mood")->state, SD_DG_CHANGED);
	ck_assert_int_eq(row(node(d, "mood"), "meh")->state, SD_DG_ADDED);
	for (i = 0; i < d->nedges; i++) {
		const sd_dg_edge *e = d->edges[i];
		if (e->kind != SD_DG_EDGE_FK)
			continue;
		fk_added += e->state == SD_DG_ADDED;
		fk_dropped += e->state == SD_DG_DROPPED;
		if (strcmp(e->name, "fk_c_a_id_a") == 0) {
			ck_assert(!e->optional);
			ck_assert(!e->one_to_one);
			ck_assert_str_eq(e->from->rows[e->from_row].name, "a_id");
			ck_assert_str_eq(e->to->rows[e->to_row].name, "id");
		}
		if (strcmp(e->name, "fk_c_b_id_b") == 0) {
			ck_assert(e->optional);
			ck_assert(e->one_to_one);
		}
	}
	ck_assert_uint_eq(fk_added, 2);   /* c's two keys */
	ck_assert_uint_eq(fk_dropped, 1); /* gone's */

	/* the default neighbourhood: the changes and what touches them */
	sd_diagram_changed_only(d);
	ck_assert_ptr_null(node(d, "far"));
	ck_assert_ptr_nonnull(node(d, "b"));
	ck_assert(node(d, "b")->context);
	ck_assert(!node(d, "a")->context);
	for (i = 0; i < d->nnodes; i++)
		ck_assert_uint_eq(d->nodes[i]->index, i);
	sd_diagram_free(d);
	sd_plan_free(plan);
	sd_schema_free(before);
	sd_schema_free(after);
}
END_TEST

/* The default change diagram of before -> after as Mermaid: what a
 * reviewer reads in a pull request. */
START_TEST(change_mermaid)
{
	sd_schema *before = models(before_yaml), *after = models(after_yaml);
	sd_diff_opts o;
	sd_plan *plan = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_diagram *d;
	sd_buf b = SD_BUF_INIT;

	memset(&o, 0, sizeof(o));
	o.drop_unlisted = true;
	o.caps = &sd_caps_postgres;
	ck_assert_int_eq(sd_diff(&plan, before, after, &o, &err), SD_OK);
	d = sd_diagram_of_change(before, after, plan);
	sd_diagram_changed_only(d);
	sd_diagram_mermaid(&b, d);
	sd_test_golden("testdata/diagram/change.mmd", sd_buf_cstr(&b));
	sd_buf_free(&b);
	sd_diagram_free(d);
	sd_plan_free(plan);
	sd_schema_free(before);
	sd_schema_free(after);
}
END_TEST

START_TEST(around_depth)
{
	sd_schema *s = models(after_yaml);
	sd_diagram *d = sd_diagram_of_schema(s);
	sd_error err = SD_ERROR_INIT;

	ck_assert(!d->marked);
	ck_assert_int_eq(sd_diagram_around(d, "b", 0, &err), SD_OK);
	ck_assert_uint_eq(d->nnodes, 1);
	ck_assert_uint_eq(d->nedges, 0);
	sd_diagram_free(d);
	d = sd_diagram_of_schema(s);
	/* b - a (its key), b - c (c's key to b); depth 1 leaves far and mood */
	ck_assert_int_eq(sd_diagram_around(d, "b", 1, &err), SD_OK);
	ck_assert_uint_eq(d->nnodes, 3);
	ck_assert_ptr_null(node(d, "far"));
	ck_assert_ptr_null(node(d, "mood"));
	sd_diagram_free(d);
	d = sd_diagram_of_schema(s);
	ck_assert_int_eq(sd_diagram_around(d, "b", 2, &err), SD_OK);
	ck_assert_ptr_nonnull(node(d, "mood")); /* a's column uses it */
	ck_assert_int_eq(sd_diagram_around(d, "nope", 1, &err), SD_EINPUT);
	sd_error_clear(&err);
	sd_diagram_free(d);
	sd_schema_free(s);
}
END_TEST

/* The diagram of the models yaml, written by writer. */
static const char *render(sd_arena *a, const char *yaml,
                          void (*writer)(sd_buf *, const sd_diagram *))
{
	sd_schema *s = models(yaml);
	sd_diagram *d = sd_diagram_of_schema(s);
	sd_buf b = SD_BUF_INIT;
	const char *out;

	writer(&b, d);
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	sd_diagram_free(d);
	sd_schema_free(s);
	return out;
}

START_TEST(mermaid_words)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: one\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: pk, type: \"numeric(10,2)\", comment: 'say \"hi\" <b>%%{x}%% ~a~ #1'}\n"
		"      - {name: 9lives, type: text}\n"
		"  - name: \"one \"\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n";
	sd_arena *a = sd_arena_new();

	ck_assert_str_eq(render(a, yaml, sd_diagram_mermaid),
		"erDiagram\n"
		"    one_ {\n"
		"        integer id PK\n"
		"        numeric(10_2) _pk \"name: pk; type: numeric(10,2); say #quot;hi#quot; #lt;b#gt;#37;#37;{x}#37;#37; #126;a#126; #35;1\"\n"
		"        text _9lives \"name: 9lives\"\n"
		"    }\n"
		"    one__2 {\n"
		"        integer id PK\n"
		"    }\n");
	sd_arena_free(a);
}
END_TEST

START_TEST(dot_escapes)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: \"t\\\\N<b>\\\"\"\n"
		"    comment: \"</pre><img src=x onerror=alert(1)>\"\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n";
	sd_arena *a = sd_arena_new();
	const char *dot = render(a, yaml, sd_diagram_dot);

	/* Graphviz would substitute \N: the backslash is doubled */
	ck_assert_ptr_nonnull(strstr(dot, "<B>t\\\\N&lt;b&gt;&quot;</B>"));
	ck_assert_ptr_nonnull(strstr(dot,
	                             "<I>&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;</I>"));
	ck_assert_ptr_null(strstr(dot, "<img"));
	sd_arena_free(a);
}
END_TEST

/* The lock an operation's op_lock reports, as "LOCK / BLOCKS / long". */
static const char *lock_of(sd_arena *a, const sd_dialect *d, const sd_op *op)
{
	sd_op_lock l;

	d->op_lock(&l, op);
	return sd_arena_printf(a, "%s / %s / %s", l.lock, l.blocks,
	                       l.long_held ? "long" : "brief");
}

START_TEST(op_locks)
{
	sd_arena *a = sd_arena_new();
	const sd_dialect *pg = &sd_dialect_postgres;
	sd_foreign_key fk;
	sd_check ck;
	sd_column notnull, c1, c2;
	sd_table t1, t2;
	sd_object dom;
	sd_op op;

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_DROP_TABLE;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	op.kind = SD_OP_CREATE_ENUM;
	ck_assert_str_eq(lock_of(a, pg, &op), "none on tables / nothing / brief");
	op.kind = SD_OP_CREATE_INDEX;
	ck_assert_str_eq(lock_of(a, pg, &op), "SHARE / writes / long");
	op.concurrently = true;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "SHARE UPDATE EXCLUSIVE / schema changes only / long");
	op.kind = SD_OP_DROP_INDEX;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "SHARE UPDATE EXCLUSIVE / schema changes only / brief");
	op.concurrently = false;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	/* a type change rewrites the table; SET NOT NULL scans it */
	op.kind = SD_OP_ALTER_COLUMN;
	op.changes = SD_CHANGE_COMMENT;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	op.changes = SD_CHANGE_TYPE;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / long");
	memset(&notnull, 0, sizeof(notnull));
	op.changes = SD_CHANGE_NULLABLE;
	op.column_new = &notnull;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / long");
	/* a foreign key locks both tables; NOT VALID skips the scan */
	memset(&fk, 0, sizeof(fk));
	fk.base.kind = SD_OBJ_FOREIGN_KEY;
	op.kind = SD_OP_ADD_CONSTRAINT;
	op.obj_new = &fk.base;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "SHARE ROW EXCLUSIVE on both tables / writes / long");
	fk.not_valid = true;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "SHARE ROW EXCLUSIVE on both tables / writes / brief");
	memset(&ck, 0, sizeof(ck));
	ck.base.kind = SD_OBJ_CHECK;
	ck.not_valid = true;
	op.obj_new = &ck.base;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	ck.not_valid = false;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / long");
	/* a domain whose base type changes is recreated under its
	 * columns, rewriting their tables; its checks alone are not */
	memset(&dom, 0, sizeof(dom));
	dom.kind = SD_OBJ_DOMAIN;
	op.kind = SD_OP_ALTER_OBJECT;
	op.obj_old = op.obj_new = &dom;
	op.changes = SD_CHANGE_REPLACE;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE on every table using the domain, "
	                 "rewriting it / reads and writes / long");
	op.changes = SD_CHANGE_CHECKS;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	/* a table's settings: SET LOGGED rewrites it, REPLICA IDENTITY is
	 * a catalog update under ACCESS EXCLUSIVE, CLUSTER ON and storage
	 * parameters take SHARE UPDATE EXCLUSIVE, user_catalog_table
	 * excepted; a column's SET STATISTICS alone the same */
	memset(&t1, 0, sizeof(t1));
	t1.base.kind = SD_OBJ_TABLE;
	t2 = t1;
	op.kind = SD_OP_ALTER_OBJECT;
	op.obj_old = &t1.base;
	op.obj_new = &t2.base;
	op.changes = SD_CHANGE_PERSISTENCE;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / long");
	op.changes = SD_CHANGE_REPLICA | SD_CHANGE_CLUSTER;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	op.changes = SD_CHANGE_CLUSTER | SD_CHANGE_OPTIONS;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "SHARE UPDATE EXCLUSIVE / schema changes only / brief");
	sd_strlist_push(a, &t2.with, "user_catalog_table=true");
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	memset(&c1, 0, sizeof(c1));
	c2 = c1;
	sd_column_xw(a, &c2)->statistics_set = true;
	op.kind = SD_OP_ALTER_COLUMN;
	op.obj_old = op.obj_new = NULL;
	op.column_old = &c1;
	op.column_new = &c2;
	op.changes = SD_CHANGE_STORAGE;
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "SHARE UPDATE EXCLUSIVE / schema changes only / brief");
	sd_column_xw(a, &c2)->storage = 'm';
	ck_assert_str_eq(lock_of(a, pg, &op),
	                 "ACCESS EXCLUSIVE / reads and writes / brief");
	/* SQLite: the database's write lock, for every statement */
	op.kind = SD_OP_REBUILD_TABLE;
	ck_assert_str_eq(lock_of(a, &sd_dialect_sqlite, &op),
	                 "database write lock, to the end of the revision / "
	                 "other writers / long");
	sd_arena_free(a);
}
END_TEST

START_TEST(review_page_escapes)
{
	sd_revision r;
	sd_review rv;
	sd_review_sql sql = {"sqlite", "SELECT '</pre>';", "", NULL};
	sd_review_op op = {'-', "column t.<b>", {"ACCESS EXCLUSIVE", "reads and writes", true}, false, "drops <i>"};
	sd_arena *a = sd_arena_new();
	sd_buf b = SD_BUF_INIT;

	memset(&r, 0, sizeof(r));
	memset(&rv, 0, sizeof(rv));
	strcpy(r.id, "0123456789ab");
	r.message = "</title><script>x()</script>";
	sd_strlist_push(a, &r.warnings, "drops <i>");
	r.path = "v/0123456789ab_x.sql";
	rv.rev = &r;
	rv.sql = &sql;
	rv.nsql = 1;
	rv.ops = &op;
	rv.nops = 1;
	rv.ops_known = true;
	rv.svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- x -->\n<svg width=\"1pt\"><g/></svg>\n";
	sd_review_html(&b, &rv);
	ck_assert_ptr_null(strstr(sd_buf_cstr(&b), "<script"));
	ck_assert_ptr_null(strstr(sd_buf_cstr(&b), "<i>"));
	ck_assert_ptr_null(strstr(sd_buf_cstr(&b), "<b>"));
	ck_assert_ptr_null(strstr(sd_buf_cstr(&b), "<!--"));
	ck_assert_ptr_null(strstr(sd_buf_cstr(&b), "<?xml"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&b),
	                             "<title>0123456789ab: &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&b), "<svg width=\"1pt\"><g/></svg>"));
	/* the warning is matched to its operation's lock */
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&b),
	                             "drops &lt;i&gt;<span class=\"lock\">lock: ACCESS EXCLUSIVE"));
	sd_buf_free(&b);
	sd_arena_free(a);
}
END_TEST

static Suite *diagram_suite(void)
{
	Suite *s = suite_create("diagram");

	SD_TEST(s, xml_escape, 60);
	SD_TEST(s, sql_highlight, 60);
	SD_TEST(s, change_marks, 60);
	SD_TEST(s, change_mermaid, 60);
	SD_TEST(s, around_depth, 60);
	SD_TEST(s, mermaid_words, 60);
	SD_TEST(s, dot_escapes, 60);
	SD_TEST(s, op_locks, 60);
	SD_TEST(s, review_page_escapes, 60);
	return s;
}

SD_TEST_MAIN(diagram_suite)
