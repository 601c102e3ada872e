/*
 * test_diff.c - the differ: plans from pairs of schemas built in C, compared
 * as sd_op_describe listings (with kinds, hazards and the inverted
 * downgrade) against golden files in testdata/diff/<case>.txt.
 * SD_UPDATE_GOLDEN=1 rewrites the golden files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diff/plan.h"
#include "emit/dialect.h"
#include "harness.h"
#include "model/schema.h"

/* ------------------------------------------------------------------ */
/* Fake dialects: only caps and column_type_equal matter to the differ. */
/* ------------------------------------------------------------------ */

static const sd_dialect_caps fake_sqlite_caps = {
	.transactional_ddl = true,
	.alter_column = false,
	.alter_constraints = false,
	.drop_column = true,
	.enums = false,
	.namespaces = false,
	.comments = false,
	.named_primary_keys = false,
	.unique_as_index = true,
};

static const sd_dialect fake_sqlite = {
	.name = "fake-a",
	.caps = &fake_sqlite_caps,
};

static const sd_dialect_caps fake_pg_caps = {
	.transactional_ddl = true,
	.alter_column = true,
	.alter_constraints = true,
	.drop_column = true,
	.enums = true,
	.namespaces = true,
	.comments = true,
	.named_primary_keys = true,
	.unique_as_index = false,
	.max_identifier = 63,
};

static const sd_dialect fake_pg = {
	.name = "fake-b",
	.caps = &fake_pg_caps,
};

/* ------------------------------------------------------------------ */
/* Builders                                                            */
/* ------------------------------------------------------------------ */

static void list(sd_arena *a, sd_strlist *l, const char *csv)
{
	char buf[512];
	char *tok, *save = NULL;

	if (!csv)
		return;
	snprintf(buf, sizeof(buf), "%s", csv);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		sd_strlist_push(a, l, tok);
}

/* "name" or "ns.name" */
static sd_table *T(sd_schema *s, const char *qualified)
{
	const char *dot = strchr(qualified, '.');
	char ns[64];

	if (!dot)
		return sd_schema_add_table(s, NULL, qualified);
	snprintf(ns, sizeof(ns), "%.*s", (int)(dot - qualified), qualified);
	return sd_schema_add_table(s, ns, dot + 1);
}

static sd_column *C(sd_schema *s, sd_table *t, const char *name,
                    const char *type)
{
	sd_column *c = sd_table_add_column(s, t, name);
	const char *why = NULL, *sug = NULL;

	ck_assert_int_eq(sd_type_parse(s->arena, type, &c->type, &why, &sug),
	                 SD_OK);
	return c;
}

static sd_column *CNN(sd_schema *s, sd_table *t, const char *name,
                      const char *type)
{
	sd_column *c = C(s, t, name, type);
	c->nullable = false;
	return c;
}

/* An autoincrementing integer primary key "id". */
static sd_column *ID(sd_schema *s, sd_table *t)
{
	sd_column *c = CNN(s, t, "id", "integer");
	sd_primary_key *pk = sd_table_set_primary_key(
		s, t, sd_arena_printf(s->arena, "pk_%s", t->base.name));
	c->autoincrement = true;
	sd_strlist_push(s->arena, &pk->columns, "id");
	return c;
}

static sd_unique *UQ(sd_schema *s, sd_table *t, const char *name,
                     const char *cols)
{
	sd_unique *u = sd_table_add_unique(s, t, name);
	list(s->arena, &u->columns, cols);
	return u;
}

/* ref: "table" or "ns.table" */
static sd_foreign_key *FK(sd_schema *s, sd_table *t, const char *name,
                          const char *cols, const char *ref,
                          const char *refcols)
{
	sd_foreign_key *f = sd_table_add_foreign_key(s, t, name);
	const char *dot = strchr(ref, '.');

	list(s->arena, &f->columns, cols);
	list(s->arena, &f->ref_columns, refcols);
	if (dot) {
		f->ref_schema = sd_arena_strndup(s->arena, ref,
		                                 (size_t)(dot - ref));
		f->ref_table = sd_arena_strdup(s->arena, dot + 1);
	} else {
		f->ref_schema = t->base.schema;
		f->ref_table = sd_arena_strdup(s->arena, ref);
	}
	return f;
}

/* keys: "a,b desc,lower(email)" */
static sd_index *IX(sd_schema *s, sd_table *t, const char *name,
                    const char *keys)
{
	sd_index *ix = sd_table_add_index(s, t, name);
	sd_strlist l = {0};
	size_t i;

	list(s->arena, &l, keys);
	ix->keys = sd_arena_alloc(s->arena, (l.n + 1) * sizeof(*ix->keys));
	ix->nkeys = l.n;
	for (i = 0; i < l.n; i++) {
		char *k = sd_arena_strdup(s->arena, l.items[i]);
		char *sp = strstr(k, " desc");
		if (sp) {
			*sp = '\0';
			ix->keys[i].desc = true;
		}
		if (strchr(k, '('))
			ix->keys[i].expression.sql = k;
		else
			ix->keys[i].column = k;
	}
	return ix;
}

static sd_check *CK(sd_schema *s, sd_table *t, const char *name,
                    const char *expr)
{
	sd_check *c = sd_table_add_check(s, t, name);
	c->expression.sql = sd_arena_strdup(s->arena, expr);
	return c;
}

static sd_enum *EN(sd_schema *s, const char *name, const char *values)
{
	sd_enum *e = sd_schema_add_enum(s, NULL, name);
	list(s->arena, &e->values, values);
	return e;
}

/* users(id pk, username string(50) not null) */
static sd_table *users_base(sd_schema *s)
{
	sd_table *t = T(s, "users");
	ID(s, t);
	CNN(s, t, "username", "string(50)");
	return t;
}

/* ------------------------------------------------------------------ */
/* Running and rendering                                               */
/* ------------------------------------------------------------------ */

static sd_diff_opts opts_for(const sd_dialect *d)
{
	sd_diff_opts o;

	memset(&o, 0, sizeof(o));
	o.caps = d->caps;
	o.drop_unlisted = true;
	o.version_table = "schemadiff_version";
	return o;
}

static sd_plan *run_opts(sd_schema *from, sd_schema *to,
                         const sd_diff_opts *o)
{
	sd_plan *p = NULL;
	sd_error err = SD_ERROR_INIT;

	sd_schema_index(from);
	sd_schema_index(to);
	ck_assert_int_eq(sd_diff(&p, from, to, o, &err), SD_OK);
	ck_assert_ptr_nonnull(p);
	sd_error_clear(&err);
	return p;
}

static sd_plan *run(sd_schema *from, sd_schema *to, const sd_dialect *d)
{
	sd_diff_opts o = opts_for(d);
	return run_opts(from, to, &o);
}

static void render_op(sd_buf *b, const sd_op *op)
{
	size_t i;

	sd_op_describe(b, op, NULL);
	sd_buf_printf(b, "    [%s", sd_op_kind_name(op->kind));
	if (op->hazards)
		sd_buf_printf(b, " hazards=%#x", op->hazards);
	if (op->changes)
		sd_buf_printf(b, " changes=%#x", op->changes);
	if (op->concurrently)
		sd_buf_put(b, " concurrently");
	for (i = 0; i < op->deferred_fks.n; i++)
		sd_buf_printf(b, "%s%s", i ? "," : " deferred=",
		              op->deferred_fks.items[i]);
	sd_buf_put(b, "]\n");
}

/* The plan, its warnings and its downgrade (inverted, reversed). */
static char *render(const sd_plan *p)
{
	sd_buf b = SD_BUF_INIT;
	sd_arena *a = sd_arena_new();
	size_t i;

	sd_buf_put(&b, "-- upgrade\n");
	for (i = 0; i < p->nops; i++)
		render_op(&b, p->ops[i]);
	for (i = 0; i < p->warnings.n; i++)
		sd_buf_printf(&b, "-- warning: %s\n", p->warnings.items[i]);
	sd_buf_put(&b, "-- downgrade\n");
	for (i = p->nops; i-- > 0;)
		render_op(&b, sd_op_invert(a, p->ops[i]));
	sd_arena_free(a);
	return sd_buf_detach(&b);
}

static void golden(const char *name, const char *text)
{
	char path[1024];

	snprintf(path, sizeof(path), "testdata/diff/%s.txt", name);
	sd_test_golden(path, text);
}

static void check_golden(const char *name, sd_schema *from, sd_schema *to,
                         const sd_diff_opts *o)
{
	sd_plan *p = run_opts(from, to, o);
	char *text = render(p);

	golden(name, text);
	free(text);
	sd_plan_free(p);
}

/* ------------------------------------------------------------------ */
/* Cases                                                               */
/* ------------------------------------------------------------------ */

/* The Flask-Migrate tutorial's step: add email with a unique constraint. */
static void seed_pair(sd_schema **from, sd_schema **to)
{
	sd_table *t;

	*from = sd_schema_new();
	users_base(*from);
	*to = sd_schema_new();
	t = users_base(*to);
	C(*to, t, "email", "string(120)");
	UQ(*to, t, "uq_users_email", "email");
}

START_TEST(seed_sqlite)
{
	sd_schema *a, *b;
	sd_diff_opts o = opts_for(&fake_sqlite);

	seed_pair(&a, &b);
	check_golden("seed_sqlite", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(seed_postgres)
{
	sd_schema *a, *b;
	sd_diff_opts o = opts_for(&fake_pg);

	seed_pair(&a, &b);
	check_golden("seed_postgres", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(no_changes_is_empty)
{
	sd_schema *a, *b;
	sd_plan *p;

	seed_pair(&a, &b);
	p = run(b, b, &fake_pg);
	ck_assert_uint_eq(p->nops, 0);
	sd_plan_free(p);
	p = run(b, b, &fake_sqlite);
	ck_assert_uint_eq(p->nops, 0);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* orgs <- users <- posts <- comments, declared in a shuffled order. */
static void chain_schema(sd_schema *s)
{
	sd_table *t;

	t = T(s, "comments");
	ID(s, t);
	C(s, t, "post_id", "integer");
	C(s, t, "user_id", "integer");
	FK(s, t, "fk_comments_post_id_posts", "post_id", "posts", "id");
	FK(s, t, "fk_comments_user_id_users", "user_id", "users", "id");
	IX(s, t, "ix_comments_post_id", "post_id");
	t = T(s, "users");
	ID(s, t);
	C(s, t, "org_id", "integer");
	FK(s, t, "fk_users_org_id_orgs", "org_id", "orgs", "id");
	t = T(s, "posts");
	ID(s, t);
	C(s, t, "user_id", "integer");
	FK(s, t, "fk_posts_user_id_users", "user_id", "users", "id");
	t = T(s, "orgs");
	ID(s, t);
	C(s, t, "name", "text");
}

START_TEST(create_drop_fk_chain)
{
	sd_schema *empty = sd_schema_new(), *s = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);

	chain_schema(s);
	check_golden("create_fk_chain", empty, s, &o);
	check_golden("drop_fk_chain", s, empty, &o);
	o.drop_unlisted = false;
	{
		sd_plan *p = run_opts(s, empty, &o);
		ck_assert_uint_eq(p->nops, 0);
		sd_plan_free(p);
	}
	sd_schema_free(empty);
	sd_schema_free(s);
}
END_TEST

/* a <-> b cycle plus a self-reference on a, and c -> a. */
static void cycle_schema(sd_schema *s)
{
	sd_table *t;

	t = T(s, "a");
	ID(s, t);
	C(s, t, "b_id", "integer");
	C(s, t, "parent_id", "integer");
	FK(s, t, "fk_a_b_id_b", "b_id", "b", "id");
	FK(s, t, "fk_a_parent_id_a", "parent_id", "a", "id");
	t = T(s, "b");
	ID(s, t);
	C(s, t, "a_id", "integer");
	FK(s, t, "fk_b_a_id_a", "a_id", "a", "id");
	t = T(s, "c");
	ID(s, t);
	C(s, t, "a_id", "integer");
	FK(s, t, "fk_c_a_id_a", "a_id", "a", "id");
}

START_TEST(fk_cycles)
{
	sd_schema *empty = sd_schema_new(), *s = sd_schema_new();
	sd_diff_opts pg = opts_for(&fake_pg), lite = opts_for(&fake_sqlite);

	cycle_schema(s);
	check_golden("cycle_create_postgres", empty, s, &pg);
	check_golden("cycle_drop_postgres", s, empty, &pg);
	check_golden("cycle_create_sqlite", empty, s, &lite);
	sd_schema_free(empty);
	sd_schema_free(s);
}
END_TEST

/* t0 <- t1 <- ... <- t999, declared backwards: no recursion, right order. */
START_TEST(fk_chain_1000)
{
	sd_schema *empty = sd_schema_new(), *s = sd_schema_new();
	sd_plan *p;
	size_t i, creates = 0;
	int n = 1000, k;
	int *pos = calloc((size_t)n, sizeof(int));
	clock_t t0 = clock();

	for (k = n - 1; k >= 0; k--) {
		char name[32];
		sd_table *t;
		snprintf(name, sizeof(name), "t%04d", (k * 7919) % n);
		t = T(s, name);
		ID(s, t);
		C(s, t, "prev_id", "integer");
	}
	/* chain by creation rank r: table with rank r references rank r-1,
	 * where names are permuted so name order is not chain order. */
	for (k = 1; k < n; k++) {
		char name[32], ref[32];
		sd_table *t;
		snprintf(name, sizeof(name), "t%04d", (k * 7919) % n);
		snprintf(ref, sizeof(ref), "t%04d", ((k - 1) * 7919) % n);
		sd_schema_index(s);
		t = sd_schema_find_table(s, NULL, name);
		FK(s, t, sd_arena_printf(s->arena, "fk_%s_prev", name),
		   "prev_id", ref, "id");
	}
	p = run(empty, s, &fake_pg);
	for (i = 0; i < p->nops; i++) {
		const sd_op *op = p->ops[i];
		if (op->kind != SD_OP_CREATE_TABLE)
			continue;
		ck_assert_uint_eq(op->deferred_fks.n, 0);
		pos[atoi(op->table_new->base.name + 1)] = (int)creates++;
	}
	ck_assert_uint_eq(creates, (size_t)n);
	for (k = 1; k < n; k++)
		ck_assert_int_lt(pos[((k - 1) * 7919) % n], pos[(k * 7919) % n]);
	sd_plan_free(p);

	/* Dropping: referencing first. */
	p = run(s, empty, &fake_pg);
	creates = 0;
	for (i = 0; i < p->nops; i++)
		if (p->ops[i]->kind == SD_OP_DROP_TABLE)
			pos[atoi(p->ops[i]->table_old->base.name + 1)] =
				(int)creates++;
	ck_assert_uint_eq(creates, (size_t)n);
	for (k = 1; k < n; k++)
		ck_assert_int_gt(pos[((k - 1) * 7919) % n], pos[(k * 7919) % n]);
	sd_plan_free(p);
	ck_assert_msg((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0,
	              "1,000-table chain too slow");
	free(pos);
	sd_schema_free(empty);
	sd_schema_free(s);
}
END_TEST

/* 20,000 tables, each referencing its predecessor: creating them, and
 * diffing the schema against a copy of itself, stay fast. */
START_TEST(tables_20000)
{
	sd_schema *empty = sd_schema_new(), *s = sd_schema_new();
	sd_schema *s2 = sd_schema_new();
	sd_schema *both[2] = {s, s2};
	sd_plan *p;
	int n = 20000, k, j;
	clock_t t0;

	for (j = 0; j < 2; j++) {
		for (k = 0; k < n; k++) {
			char name[32], ref[32];
			sd_table *t;
			snprintf(name, sizeof(name), "t%05d", k);
			t = T(both[j], name);
			ID(both[j], t);
			C(both[j], t, "prev_id", "integer");
			IX(both[j], t,
			   sd_arena_printf(both[j]->arena, "ix_%s_prev", name),
			   "prev_id");
			if (k) {
				snprintf(ref, sizeof(ref), "t%05d", k - 1);
				FK(both[j], t,
				   sd_arena_printf(both[j]->arena, "fk_%s", name),
				   "prev_id", ref, "id");
			}
		}
	}
	t0 = clock();
	p = run(empty, s, &fake_pg);
	ck_assert_uint_eq(p->nops, 2 * (size_t)n);
	ck_assert_str_eq(p->ops[0]->table_new->base.name, "t00000");
	sd_plan_free(p);
	p = run(s, s2, &fake_pg);
	ck_assert_uint_eq(p->nops, 0);
	sd_plan_free(p);
	ck_assert_msg((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0,
	              "20,000 tables too slow: %.1fs",
	              (double)(clock() - t0) / CLOCKS_PER_SEC);
	sd_schema_free(empty);
	sd_schema_free(s);
	sd_schema_free(s2);
}
END_TEST

START_TEST(renames)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;
	sd_column *c;

	t = T(a, "people");
	ID(a, t);
	CNN(a, t, "name", "string(50)");
	C(a, t, "org_id", "integer");
	IX(a, t, "ix_people_name", "name");
	CK(a, t, "ck_people_name", "length(name) > 0");
	FK(a, t, "fk_people_org", "org_id", "orgs", "id");
	t = T(a, "orgs");
	ID(a, t);
	t = T(a, "stays");
	ID(a, t);
	C(a, t, "person_id", "integer");
	FK(a, t, "fk_stays_person", "person_id", "people", "id");

	t = T(b, "users");
	t->renamed_from = "people";
	ID(b, t);
	c = CNN(b, t, "full_name", "string(50)");
	sd_column_xw(b->arena, c)->renamed_from = "name";
	c->default_value.sql = "''";
	C(b, t, "org_id", "integer");
	IX(b, t, "ix_users_full_name", "full_name");
	CK(b, t, "ck_users_name", "length(name) > 0");
	FK(b, t, "fk_users_org_id_orgs", "org_id", "orgs", "id");
	t = T(b, "orgs");
	ID(b, t);
	t = T(b, "stays");
	ID(b, t);
	C(b, t, "person_id", "integer");
	FK(b, t, "fk_stays_person", "person_id", "users", "id");
	check_golden("renames_postgres", a, b, &o);
	{
		/* The ALTER after the rename names the column as it is then,
		 * on both sides, so its inverse (run before the rename back)
		 * names it right too. */
		sd_plan *p = run_opts(a, b, &o);
		size_t i;
		int alters = 0;
		for (i = 0; i < p->nops; i++) {
			if (p->ops[i]->kind != SD_OP_ALTER_COLUMN)
				continue;
			alters++;
			ck_assert_str_eq(p->ops[i]->column_old->base.name,
			                 "full_name");
			ck_assert_str_eq(p->ops[i]->column_new->base.name,
			                 "full_name");
			ck_assert_uint_eq(p->ops[i]->changes, SD_CHANGE_DEFAULT);
		}
		ck_assert_int_eq(alters, 1);
		sd_plan_free(p);
	}

	/* The same models after the rename was applied: nothing to do
	 * (renamed_from stays in the models). */
	{
		sd_plan *p = run(b, b, &fake_pg);
		ck_assert_uint_eq(p->nops, 0);
		sd_plan_free(p);
	}
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/*
 * Tables up to SD_COLUMN_MAP_MIN columns are searched by scanning, wider
 * ones through a column map (in the schemas and the differ's copies):
 * both sides of the boundary must match columns the same way.
 */
static void wide_table(sd_schema *s, int ncols, bool changed)
{
	char name[32];
	sd_table *t;
	sd_column *c;
	int i;

	snprintf(name, sizeof(name), "w%d", ncols);
	t = T(s, name);
	ID(s, t);
	for (i = 1; i < ncols; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		if (changed && i == 1) {
			c = C(s, t, "first", "integer");
			sd_column_xw(s->arena, c)->renamed_from = "c1";
		} else if (changed && i == ncols - 1) {
			C(s, t, name, "bigint");
		} else {
			C(s, t, name, "integer");
		}
	}
	if (changed)
		C(s, t, "added", "integer");
}

START_TEST(wide_tables)
{
	static const int widths[] = {3, 16, 17, 40};
	const sd_dialect *dialects[] = {&fake_pg, &fake_sqlite};
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	size_t i, d;

	for (i = 0; i < SD_ARRAY_LEN(widths); i++) {
		wide_table(a, widths[i], false);
		wide_table(b, widths[i], true);
	}
	for (d = 0; d < 2; d++) {
		sd_plan *p = run(a, b, dialects[d]);
		int adds = 0, nrenames = 0, alters = 0, rebuilds = 0;
		for (i = 0; i < p->nops; i++) {
			const sd_op *op = p->ops[i];
			size_t k, n = op->nfolded ? op->nfolded : 1;
			for (k = 0; k < n; k++) {
				const sd_op *o = op->nfolded ? op->folded[k] : op;
				adds += o->kind == SD_OP_ADD_COLUMN;
				nrenames += o->kind == SD_OP_RENAME_COLUMN;
				alters += o->kind == SD_OP_ALTER_COLUMN;
			}
			rebuilds += op->kind == SD_OP_REBUILD_TABLE;
		}
		/* per table: the rename, the type change, the new column */
		ck_assert_int_eq(adds, 4);
		ck_assert_int_eq(nrenames, 4);
		ck_assert_int_eq(alters, 4);
		ck_assert_int_eq(rebuilds, d == 1 ? 4 : 0);
		sd_plan_free(p);
		p = run(b, b, dialects[d]);
		ck_assert_uint_eq(p->nops, 0);
		sd_plan_free(p);
	}
	sd_schema_index(a);
	for (i = 0; i < a->ntables; i++) {
		sd_table *t = a->tables[i];
		ck_assert(!t->column_map == (t->ncolumns <= SD_COLUMN_MAP_MIN));
		ck_assert_ptr_eq(sd_table_find_column(t, "c2"), t->columns[2]);
		ck_assert_ptr_null(sd_table_find_column(t, "nope"));
	}
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(maybe_rename_warning)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;

	t = users_base(a);
	C(a, t, "name", "string(80)");
	t = users_base(b);
	C(b, t, "full_name", "string(80)");
	C(b, t, "age", "integer");
	check_golden("maybe_rename", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* One column per SD_CHANGE_* bit, plus things that must not differ. */
static void alter_pair(sd_schema *a, sd_schema *b)
{
	sd_table *t, *u;
	sd_column *c;

	t = T(a, "items");
	u = T(b, "items");
	t->comment = "things";
	u->comment = "things for sale";
	c = ID(a, t); /* serial: autoincrement, no identity */
	c = ID(b, u);
	c->identity = SD_IDENTITY_BY_DEFAULT; /* same meaning: no change */

	c = CNN(a, t, "code", "integer");
	c->identity = SD_IDENTITY_BY_DEFAULT;
	c->autoincrement = true;
	c = CNN(b, u, "code", "integer");
	c->identity = SD_IDENTITY_ALWAYS;

	C(a, t, "title", "string(120)");
	C(b, u, "title", "string(50)"); /* narrowing */
	C(a, t, "qty", "integer");
	C(b, u, "qty", "bigint"); /* widening */
	C(a, t, "note", "text");
	c = CNN(b, u, "note", "text"); /* NOT NULL without backfill */
	c = C(a, t, "status", "text");
	c->default_value.sql = "'new'";
	c = C(b, u, "status", "text");
	c->default_value.sql = "'open'";
	c = C(a, t, "created", "timestamptz");
	c->default_value.sql = "NOW( )";
	c = C(b, u, "created", "timestamptz");
	c->default_value.sql = "now()"; /* folds equal */
	c = C(a, t, "label", "text");
	sd_column_xw(a->arena, c)->collation = "C";
	c = C(b, u, "label", "text");
	sd_column_xw(b->arena, c)->collation = "en_US";
	c = C(a, t, "total", "numeric(10,2)");
	sd_column_xw(a->arena, c)->generated.sql = "qty * 2";
	c = C(b, u, "total", "numeric(10,2)");
	sd_column_xw(b->arena, c)->generated.sql = "qty * 3";
	c = C(a, t, "memo", "text");
	c = C(b, u, "memo", "text");
	sd_column_xw(b->arena, c)->comment = "free text";
	C(a, t, "price", "numeric(10,2)");
	C(b, u, "price", "numeric(8,2)"); /* narrowing precision */
}

START_TEST(alter_bits)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);

	alter_pair(a, b);
	check_golden("alter_bits_postgres", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(checks_and_indexes)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t, *u;
	sd_index *ix;

	t = users_base(a);
	u = users_base(b);
	C(a, t, "email", "text");
	C(b, u, "email", "text");
	/* same body spelled differently: no change */
	CK(a, t, "ck_same", "LENGTH( username )>2");
	CK(b, u, "ck_same", "(length(username) > 2)");
	CK(a, t, "ck_body", "length(username) > 2");
	CK(b, u, "ck_body", "length(username) > 3");
	CK(a, t, "ck_gone", "id > 0");
	/* index details */
	IX(a, t, "ix_keep", "username");
	IX(b, u, "ix_keep", "username");
	IX(a, t, "ix_desc", "username");
	IX(b, u, "ix_desc", "username desc");
	IX(a, t, "ix_expr", "lower(email)");
	IX(b, u, "ix_expr", "upper(email)");
	ix = IX(a, t, "ix_where", "email");
	ix->where.sql = "email IS NOT NULL";
	ix = IX(b, u, "ix_where", "email");
	ix->where.sql = "email is not null"; /* same */
	ix = IX(a, t, "ix_method", "email");
	ix = IX(b, u, "ix_method", "email");
	ix->method = "hash";
	ix = IX(a, t, "ix_btree", "email");
	ix = IX(b, u, "ix_btree", "email");
	ix->method = "BTREE"; /* NULL = btree */
	ix = IX(a, t, "ix_incl", "username");
	ix = IX(b, u, "ix_incl", "username");
	sd_strlist_push(b->arena, &ix->include, "email");
	ix = IX(a, t, "ix_uniq", "email");
	ix = IX(b, u, "ix_uniq", "email");
	ix->unique = true;
	ix = IX(a, t, "ix_opc", "email");
	ix = IX(b, u, "ix_opc", "email");
	ix->keys[0].opclass = "text_pattern_ops";
	/* renamed only */
	IX(a, t, "ix_old_name", "username,email");
	IX(b, u, "ix_new_name", "username,email");
	UQ(a, t, "uq_old", "email,username");
	UQ(b, u, "uq_new", "email,username");
	IX(b, u, "ix_added", "email desc");
	check_golden("checks_indexes_postgres", a, b, &o);
	o.concurrently = true;
	check_golden("indexes_concurrently", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(primary_keys)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t, *u;
	sd_primary_key *pk;

	t = T(a, "memberships");
	CNN(a, t, "user_id", "integer");
	CNN(a, t, "org_id", "integer");
	pk = sd_table_set_primary_key(a, t, "memberships_pkey");
	list(a->arena, &pk->columns, "user_id");
	u = T(b, "memberships");
	CNN(b, u, "user_id", "integer");
	CNN(b, u, "org_id", "integer");
	pk = sd_table_set_primary_key(b, u, "pk_memberships");
	list(b->arena, &pk->columns, "user_id,org_id");
	t = T(a, "tags");
	CNN(a, t, "id", "integer");
	pk = sd_table_set_primary_key(a, t, "tags_pkey");
	list(a->arena, &pk->columns, "id");
	u = T(b, "tags");
	CNN(b, u, "id", "integer");
	pk = sd_table_set_primary_key(b, u, "pk_tags");
	list(b->arena, &pk->columns, "id");
	check_golden("primary_keys_postgres", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* The referenced unique changes: the FK goes first, comes back last. */
START_TEST(fk_depends_on_unique)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;
	sd_unique *u;

	t = T(a, "accounts");
	ID(a, t);
	CNN(a, t, "code", "string(10)");
	UQ(a, t, "uq_accounts_code", "code");
	t = T(a, "invoices");
	ID(a, t);
	C(a, t, "account_code", "string(10)");
	FK(a, t, "fk_invoices_account", "account_code", "accounts", "code");
	t = T(a, "old_refs");
	ID(a, t);
	C(a, t, "account_code", "string(10)");
	FK(a, t, "fk_old_refs_account", "account_code", "accounts", "code");

	t = T(b, "accounts");
	ID(b, t);
	CNN(b, t, "code", "string(10)");
	u = UQ(b, t, "uq_accounts_code", "code");
	u->deferrable = true;
	t = T(b, "invoices");
	ID(b, t);
	C(b, t, "account_code", "string(10)");
	FK(b, t, "fk_invoices_account", "account_code", "accounts", "code");
	/* a new table pointing at a new unique of an existing table */
	t = T(b, "notes");
	ID(b, t);
	C(b, t, "account_id", "integer");
	C(b, t, "ref", "text");
	FK(b, t, "fk_notes_ref", "ref", "tags", "label");
	t = T(a, "tags");
	ID(a, t);
	C(a, t, "label", "text");
	t = T(b, "tags");
	ID(b, t);
	C(b, t, "label", "text");
	UQ(b, t, "uq_tags_label", "label");
	check_golden("fk_depends_on_unique", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(enums)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;
	sd_column *c;

	EN(a, "status", "active,banned");
	EN(b, "status", "pending,new,active,paused,banned,gone");
	EN(a, "mood", "happy,sad,meh");
	EN(b, "mood", "sad,happy");
	EN(a, "legacy", "x,y");
	EN(b, "color", "red,green");
	t = users_base(a);
	c = C(a, t, "status", "enum(status)");
	c = C(a, t, "old", "enum(legacy)");
	t = users_base(b);
	c = C(b, t, "status", "enum(status)");
	c = C(b, t, "color", "enum(color)");
	(void)c;
	check_golden("enums_postgres", a, b, &o);
	{
		/* Each ADD_ENUM_VALUE carries the states before and after it,
		 * so its inverse can recreate the type without the value. */
		sd_plan *p = run_opts(a, b, &o);
		const sd_enum *first = NULL, *last = NULL, *mid = NULL;
		size_t i;
		for (i = 0; i < p->nops; i++) {
			if (p->ops[i]->kind != SD_OP_ADD_ENUM_VALUE)
				continue;
			if (!first)
				first = (const sd_enum *)p->ops[i]->obj_old;
			else if (!mid)
				mid = (const sd_enum *)p->ops[i]->obj_old;
			last = (const sd_enum *)p->ops[i]->obj_new;
		}
		ck_assert_ptr_nonnull(first);
		ck_assert_uint_eq(first->values.n, 2);
		ck_assert_uint_eq(mid->values.n, 3);
		ck_assert_str_eq(mid->values.items[0], "pending");
		ck_assert_uint_eq(last->values.n, 6);
		ck_assert_str_eq(last->values.items[5], "gone");
		sd_plan_free(p);
	}
	/* A dialect without native enums diffs none. */
	o = opts_for(&fake_sqlite);
	{
		sd_plan *p = run_opts(a, b, &o);
		size_t i;
		for (i = 0; i < p->nops; i++)
			ck_assert_int_ne(p->ops[i]->kind, SD_OP_CREATE_ENUM);
		sd_plan_free(p);
	}
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* The kinds of a plan's ops, in order, as "kind,kind,...". */
static const char *op_kinds(sd_arena *a, const sd_plan *p)
{
	const char *s = "";
	size_t i;

	for (i = 0; i < p->nops; i++)
		s = sd_arena_printf(a, "%s%s%s", s, i ? "," : "",
		                    sd_op_kind_name(p->ops[i]->kind));
	return s;
}

/* The ALTER_COLUMN of column `name` in p, or NULL. */
static const sd_op *column_op(const sd_plan *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nops; i++)
		if (p->ops[i]->kind == SD_OP_ALTER_COLUMN &&
		    p->ops[i]->column_new &&
		    strcmp(p->ops[i]->column_new->base.name, name) == 0)
			return p->ops[i];
	return NULL;
}

/*
 * A column moved to another enum is narrowed only when that enum lacks
 * some label of the old one: a renamed copy with every label (and more)
 * loses nothing, and is not warned.
 */
START_TEST(enum_to_enum_narrowing)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;
	sd_plan *p;
	const sd_op *op;

	EN(a, "order_state", "new,paid,shipped");
	t = users_base(a);
	C(a, t, "wide", "enum(order_state)");
	C(a, t, "narrow", "enum(order_state)");
	EN(b, "order_status", "new,paid,shipped,returned");
	EN(b, "order_stage", "new,paid");
	t = users_base(b);
	C(b, t, "wide", "enum(order_status)");
	C(b, t, "narrow", "enum(order_stage)");
	p = run_opts(a, b, &o);
	op = column_op(p, "wide");
	ck_assert_ptr_nonnull(op);
	ck_assert(!(op->hazards & SD_HAZARD_DATA_LOSS));
	op = column_op(p, "narrow");
	ck_assert_ptr_nonnull(op);
	ck_assert(op->hazards & SD_HAZARD_DATA_LOSS);
	ck_assert_ptr_nonnull(strstr(op->warning, "narrows users.narrow"));
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/*
 * A label renamed in place: named by the models' renamed_values, or the
 * lone label that differs in the same place (a warned guess). Anything
 * else stays drops and adds.
 */
START_TEST(enum_value_renames)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_enum *e;
	sd_plan *p;
	sd_arena *tmp = sd_arena_new();

	EN(a, "state", "new,payed,shipped");
	EN(b, "state", "new,paid,shipped");
	p = run_opts(a, b, &o);
	ck_assert_str_eq(op_kinds(tmp, p), "rename_enum_value");
	ck_assert_str_eq(p->ops[0]->name_old, "payed");
	ck_assert_str_eq(p->ops[0]->name_new, "paid");
	ck_assert(p->ops[0]->hazards & SD_HAZARD_MAYBE_RENAME);
	ck_assert_ptr_nonnull(strstr(p->ops[0]->warning, "assumes value 'payed'"));
	sd_plan_free(p);
	sd_schema_free(b);

	/* two labels differ: no guess, the type is recreated */
	b = sd_schema_new();
	EN(b, "state", "new,paid,sent");
	p = run_opts(a, b, &o);
	ck_assert_str_eq(op_kinds(tmp, p), "recreate_enum");
	sd_plan_free(p);

	/* the models say which: renamed, then the rest as usual */
	e = b->enums[0];
	sd_strlist_push(b->arena, &e->renamed_values, "paid");
	sd_strlist_push(b->arena, &e->renamed_values, "payed");
	sd_strlist_push(b->arena, &e->renamed_values, "sent");
	sd_strlist_push(b->arena, &e->renamed_values, "shipped");
	p = run_opts(a, b, &o);
	ck_assert_str_eq(op_kinds(tmp, p),
	                 "rename_enum_value,rename_enum_value");
	ck_assert_ptr_null(p->ops[0]->warning);
	ck_assert_uint_eq(((const sd_enum *)p->ops[1]->obj_new)->values.n, 3);
	sd_plan_free(p);
	sd_schema_free(b);

	/* a hint and an added label */
	b = sd_schema_new();
	e = EN(b, "state", "new,paid,shipped,lost");
	sd_strlist_push(b->arena, &e->renamed_values, "paid");
	sd_strlist_push(b->arena, &e->renamed_values, "payed");
	p = run_opts(a, b, &o);
	ck_assert_str_eq(op_kinds(tmp, p), "rename_enum_value,add_enum_value");
	ck_assert_str_eq(p->ops[1]->value_anchor, "shipped");
	/* the inverse renames back */
	{
		sd_op *inv = sd_op_invert(tmp, p->ops[0]);
		ck_assert_int_eq(inv->kind, SD_OP_RENAME_ENUM_VALUE);
		ck_assert_str_eq(inv->name_old, "paid");
		ck_assert_str_eq(inv->name_new, "payed");
	}
	sd_plan_free(p);
	sd_schema_free(b);
	sd_schema_free(a);
	sd_arena_free(tmp);
}
END_TEST

/*
 * PostgreSQL cannot make a plain table partitioned in place: it is
 * recreated in two steps around its new partitions, the old partitions
 * folded into the copy step; and the inverse of each step is a step.
 */
START_TEST(recreate_partitioned)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o;
	sd_table *t, *part;
	sd_plan *p;
	sd_arena *tmp = sd_arena_new();
	size_t i;

	memset(&o, 0, sizeof(o));
	o.caps = &sd_caps_postgres;
	o.drop_unlisted = true;
	t = T(a, "notes");
	C(a, t, "id", "bigint")->nullable = false;
	C(a, t, "at", "date")->nullable = false;
	t = T(b, "notes");
	C(b, t, "id", "bigint")->nullable = false;
	C(b, t, "at", "date")->nullable = false;
	t->partition_by.sql = "RANGE (at)";
	part = T(b, "notes_2024");
	C(b, part, "id", "bigint")->nullable = false;
	C(b, part, "at", "date")->nullable = false;
	part->partition_of = "notes";
	part->partition_bound.sql =
		"FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')";

	p = run_opts(a, b, &o);
	ck_assert_str_eq(op_kinds(tmp, p),
	                 "rebuild_table,create_table,rebuild_table");
	ck_assert(p->ops[0]->role == SD_ROLE_COMPANION);
	ck_assert(p->ops[2]->role == SD_ROLE_OWN);
	ck_assert(p->ops[2]->hazards & SD_HAZARD_REWRITE);
	ck_assert_ptr_nonnull(strstr(p->ops[2]->warning, "recreates table notes"));
	ck_assert(sd_op_invert(tmp, p->ops[0])->role == SD_ROLE_COMPANION);
	sd_plan_free(p);

	/* back: the partition goes with the table set aside */
	p = run_opts(b, a, &o);
	ck_assert_str_eq(op_kinds(tmp, p), "rebuild_table,rebuild_table");
	for (i = 0; i < p->ops[1]->nfolded; i++)
		if (p->ops[1]->folded[i]->kind == SD_OP_DROP_TABLE)
			break;
	ck_assert_uint_lt(i, p->ops[1]->nfolded);
	ck_assert_str_eq(p->ops[1]->folded[i]->table_old->base.name,
	                 "notes_2024");
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
	sd_arena_free(tmp);
}
END_TEST

START_TEST(namespaces)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;

	users_base(a);
	t = T(a, "legacy.things");
	ID(a, t);
	users_base(b);
	t = T(b, "billing.invoices");
	ID(b, t);
	C(b, t, "user_id", "integer");
	FK(b, t, "fk_invoices_user_id_users", "user_id", "users", "id");
	t->foreign_keys[0]->ref_schema = NULL;
	check_golden("namespaces_postgres", a, b, &o);
	o = opts_for(&fake_sqlite);
	{
		sd_plan *p = run_opts(a, b, &o);
		size_t i;
		for (i = 0; i < p->nops; i++)
			ck_assert_int_ne(p->ops[i]->kind,
			                 SD_OP_CREATE_NAMESPACE);
		sd_plan_free(p);
	}
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* SQLite-like: anything beyond add/rename/plain drop becomes one rebuild,
 * with the table and column renames folded in. */
START_TEST(rebuild_sqlite)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_sqlite);
	sd_table *t;
	sd_column *c;

	t = T(a, "people");
	ID(a, t);
	C(a, t, "name", "string(50)");
	C(a, t, "nick", "text");
	C(a, t, "org_id", "integer");
	IX(a, t, "ix_people_nick", "nick");
	t = T(a, "orgs");
	ID(a, t);
	t = T(a, "plain");
	ID(a, t);
	C(a, t, "gone", "text");
	C(a, t, "old_name", "text");
	t = T(a, "indexed");
	ID(a, t);
	C(a, t, "code", "text");
	IX(a, t, "ix_indexed_code", "code");

	t = T(b, "users");
	t->renamed_from = "people";
	ID(b, t);
	c = C(b, t, "full_name", "string(80)"); /* type change */
	sd_column_xw(b->arena, c)->renamed_from = "name";
	C(b, t, "org_id", "integer");
	FK(b, t, "fk_users_org_id_orgs", "org_id", "orgs", "id");
	IX(b, t, "ix_users_org_id", "org_id");
	t = T(b, "orgs");
	ID(b, t);
	/* plain: drop a plain column, rename one, add a nullable one:
	 * all in place */
	t = T(b, "plain");
	ID(b, t);
	c = C(b, t, "new_name", "text");
	sd_column_xw(b->arena, c)->renamed_from = "old_name";
	C(b, t, "extra", "text");
	UQ(b, t, "uq_plain_extra", "extra");
	/* indexed: the index on the dropped column goes first, so the
	 * column drops in place */
	t = T(b, "indexed");
	ID(b, t);
	check_golden("rebuild_sqlite", a, b, &o);
	{
		sd_plan *p = run_opts(a, b, &o);
		size_t i;
		const sd_op *rb = NULL;
		for (i = 0; i < p->nops; i++)
			if (p->ops[i]->kind == SD_OP_REBUILD_TABLE &&
			    strcmp(p->ops[i]->table_new->base.name, "users") == 0)
				rb = p->ops[i];
		ck_assert_ptr_nonnull(rb);
		ck_assert_str_eq(rb->table_new->renamed_from, "people");
		ck_assert_str_eq(rb->table_old->renamed_from, "users");
		ck_assert_str_eq(
			sd_column_x(sd_table_find_column(rb->table_new,
			                                 "full_name"))
				->renamed_from,
			"name");
		ck_assert_ptr_null(
			sd_column_x(sd_table_find_column(rb->table_new,
			                                 "org_id"))
				->renamed_from);
		ck_assert_str_eq(
			sd_column_x(sd_table_find_column(rb->table_old, "name"))->renamed_from,
			"full_name");
		sd_plan_free(p);
	}
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* SQLite-like: an op whose inverse cannot run in place (re-adding a
 * dropped NOT NULL column) and a non-constant default both rebuild. */
START_TEST(rebuild_when_inverse_needs_it)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_table *t;
	sd_column *c;
	sd_plan *p;

	t = users_base(a);
	CNN(a, t, "token", "uuid");
	users_base(b);
	p = run(a, b, &fake_sqlite);
	ck_assert_uint_eq(p->nops, 1);
	ck_assert_int_eq(p->ops[0]->kind, SD_OP_REBUILD_TABLE);
	sd_plan_free(p);
	/* PostgreSQL-like: the drop is staged so that the downgrade adds
	 * the column nullable, refills it and sets NOT NULL again. */
	p = run(a, b, &fake_pg);
	{
		char *text = render(p);
		ck_assert_str_eq(
			text,
			"-- upgrade\n"
			"~ column users.token: not null -> null    "
			"[alter_column changes=0x2]\n"
			"~ column users.token: no-op (its inverse fills with "
			"'00000000-0000-0000-0000-000000000000')    [noop]\n"
			"- column users.token    [drop_column hazards=0x1]\n"
			"-- warning: drops column users.token (data loss)\n"
			"-- downgrade\n"
			"+ column users.token    [add_column]\n"
			"~ backfill users.token = "
			"'00000000-0000-0000-0000-000000000000'    [backfill]\n"
			"~ column users.token: null -> not null    "
			"[alter_column changes=0x2]\n");
		free(text);
	}
	sd_plan_free(p);
	p = run(a, b, &fake_sqlite);
	ck_assert_str_eq(sd_column_x(sd_table_find_column(p->ops[0]->table_old,
	                                                  "token"))
	                     ->backfill,
	                 "'00000000-0000-0000-0000-000000000000'");
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);

	a = sd_schema_new();
	b = sd_schema_new();
	users_base(a);
	t = users_base(b);
	c = C(b, t, "seen", "timestamptz");
	c->default_value.sql = "CURRENT_TIMESTAMP";
	c = C(b, t, "score", "integer");
	c->default_value.sql = "-1";
	p = run(a, b, &fake_sqlite);
	ck_assert_uint_eq(p->nops, 1);
	ck_assert_int_eq(p->ops[0]->kind, SD_OP_REBUILD_TABLE);
	sd_plan_free(p);
	sd_schema_free(b);
	b = sd_schema_new();
	t = users_base(b);
	c = C(b, t, "score", "integer");
	c->default_value.sql = "-1";
	c = C(b, t, "tag", "text");
	c->default_value.sql = "'it''s'";
	p = run(a, b, &fake_sqlite);
	ck_assert_uint_eq(p->nops, 2);
	ck_assert_int_eq(p->ops[0]->kind, SD_OP_ADD_COLUMN);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(backfill_staging)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;
	sd_column *c;

	t = users_base(a);
	C(a, t, "nick", "text");
	C(a, t, "bio", "text");
	C(a, t, "status", "text");
	C(a, t, "level", "integer");
	t = users_base(b);
	c = CNN(b, t, "nick", "text");
	sd_column_xw(b->arena, c)->backfill = "username";
	C(b, t, "bio", "text");
	/* NOT NULL with a default: its NULLs take it first (warned) */
	CNN(b, t, "status", "text")->default_value.sql = "'new'";
	CNN(b, t, "level", "integer"); /* no default: hazard */
	c = CNN(b, t, "plan", "string(20)");
	sd_column_xw(b->arena, c)->backfill = "'free'";
	CNN(b, t, "karma", "integer"); /* no backfill: hazard */
	check_golden("backfill_postgres", a, b, &o);
	o = opts_for(&fake_sqlite);
	check_golden("backfill_sqlite", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/*
 * Tables dropped in the plan that renames what their FKs point at: the FKs
 * are dropped on their own before the renames, so the downgrade creates
 * the tables, undoes the renames, then adds the FKs (to the old names).
 */
START_TEST(drop_table_referencing_renamed)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;
	sd_column *c;

	t = T(a, "orgs");
	ID(a, t);
	t = T(a, "members");
	ID(a, t);
	C(a, t, "org_id", "integer");
	FK(a, t, "fk_members_org", "org_id", "orgs", "id");
	t = T(a, "tags");
	ID(a, t);
	CNN(a, t, "code", "text");
	UQ(a, t, "uq_tags_code", "code");
	t = T(a, "tag_links");
	C(a, t, "tag_code", "text");
	FK(a, t, "fk_tag_links_tag", "tag_code", "tags", "code");
	t = T(a, "kept");
	ID(a, t);
	C(a, t, "tag_id", "integer");
	FK(a, t, "fk_kept_tag", "tag_id", "tags", "id");

	t = T(b, "teams");
	t->renamed_from = "orgs";
	ID(b, t);
	t = T(b, "tags");
	ID(b, t);
	c = CNN(b, t, "label", "text");
	sd_column_xw(b->arena, c)->renamed_from = "code";
	UQ(b, t, "uq_tags_code", "label");
	t = T(b, "kept");
	ID(b, t);
	C(b, t, "tag_id", "integer");
	FK(b, t, "fk_kept_tag", "tag_id", "tags", "id");
	check_golden("drop_table_referencing_renamed", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/*
 * A column made NOT NULL with a backfill and cast to another type: the
 * backfill is an expression of the new type, so the type changes first,
 * then the UPDATE, then SET NOT NULL (downgrade: DROP NOT NULL, cast back).
 */
START_TEST(backfill_after_type_change)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t;
	sd_column *c;

	t = users_base(a);
	C(a, t, "code", "bigint");
	C(a, t, "note", "string(20)");
	t = users_base(b);
	c = CNN(b, t, "code", "text");
	sd_column_xw(b->arena, c)->backfill = "'none'";
	c = CNN(b, t, "remark", "text");
	sd_column_xw(b->arena, c)->renamed_from = "note";
	sd_column_xw(b->arena, c)->backfill = "'-'";
	check_golden("backfill_after_type_change", a, b, &o);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(ignore_and_version_table)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	const char *ignore[] = {"spatial_ref_sys", "legacy_*", NULL};
	sd_plan *p;
	char *text;
	sd_table *t;

	users_base(a);
	T(a, "schemadiff_version");
	T(a, "schemadiff_version_log");
	T(a, "spatial_ref_sys");
	T(a, "legacy_orders");
	T(a, "dropme");
	users_base(b);
	t = T(b, "legacy_new");
	ID(b, t);
	o.ignore = ignore;
	p = run_opts(a, b, &o);
	text = render(p);
	ck_assert_str_eq(text, "-- upgrade\n"
	                       "- table dropme    [drop_table hazards=0x1]\n"
	                       "-- warning: drops table dropme (data loss)\n"
	                       "-- downgrade\n"
	                       "+ table dropme    [create_table]\n");
	free(text);
	sd_plan_free(p);
	o.drop_unlisted = false;
	p = run_opts(a, b, &o);
	ck_assert_uint_eq(p->nops, 0);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* Same plan whatever the declaration order of the inputs. */
START_TEST(deterministic)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_schema *c = sd_schema_new();
	sd_plan *p1, *p2;
	char *t1, *t2;
	sd_table *t;

	chain_schema(b);
	/* c: the same tables, declared in reverse with reversed objects */
	t = T(c, "orgs");
	ID(c, t);
	C(c, t, "name", "text");
	t = T(c, "posts");
	ID(c, t);
	C(c, t, "user_id", "integer");
	FK(c, t, "fk_posts_user_id_users", "user_id", "users", "id");
	t = T(c, "users");
	ID(c, t);
	C(c, t, "org_id", "integer");
	FK(c, t, "fk_users_org_id_orgs", "org_id", "orgs", "id");
	t = T(c, "comments");
	ID(c, t);
	C(c, t, "post_id", "integer");
	C(c, t, "user_id", "integer");
	IX(c, t, "ix_comments_post_id", "post_id");
	FK(c, t, "fk_comments_user_id_users", "user_id", "users", "id");
	FK(c, t, "fk_comments_post_id_posts", "post_id", "posts", "id");
	p1 = run(a, b, &fake_pg);
	p2 = run(a, c, &fake_pg);
	t1 = render(p1);
	t2 = render(p2);
	ck_assert_str_eq(t1, t2);
	free(t1);
	free(t2);
	sd_plan_free(p1);
	sd_plan_free(p2);
	sd_schema_free(a);
	sd_schema_free(b);
	sd_schema_free(c);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Inverse property: diff(A,B) inverted has the effect of diff(B,A).   */
/* Compared as sorted description multisets (order may differ inside   */
/* a phase; both are valid).                                           */
/* ------------------------------------------------------------------ */

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static char *sorted_lines(const sd_plan *p, bool invert)
{
	sd_arena *a = sd_arena_new();
	char **lines = calloc(p->nops + 1, sizeof(char *));
	sd_buf out = SD_BUF_INIT;
	size_t i, n = 0;

	for (i = 0; i < p->nops; i++) {
		const sd_op *op = invert ? sd_op_invert(a, p->ops[i]) : p->ops[i];
		sd_buf b = SD_BUF_INIT;
		if (op->kind == SD_OP_NOOP)
			continue;
		sd_op_describe(&b, op, NULL);
		lines[n++] = sd_buf_detach(&b);
	}
	qsort(lines, n, sizeof(char *), cmp_str);
	for (i = 0; i < n; i++) {
		sd_buf_printf(&out, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	sd_arena_free(a);
	return sd_buf_detach(&out);
}

static void assert_inverse(sd_schema *a, sd_schema *b, const sd_dialect *d)
{
	sd_plan *ab = run(a, b, d), *ba = run(b, a, d);
	char *inv = sorted_lines(ab, true), *back = sorted_lines(ba, false);

	ck_assert_msg(ab->nops > 0, "pair has no differences");
	ck_assert_str_eq(inv, back);
	free(inv);
	free(back);
	sd_plan_free(ab);
	sd_plan_free(ba);
}

START_TEST(inverse_property)
{
	sd_schema *a, *b;
	sd_table *t;
	int d;
	const sd_dialect *dialects[2] = {&fake_pg, &fake_sqlite};

	for (d = 0; d < 2; d++) {
		seed_pair(&a, &b);
		assert_inverse(a, b, dialects[d]);
		sd_schema_free(a);
		sd_schema_free(b);

		a = sd_schema_new();
		b = sd_schema_new();
		chain_schema(b);
		assert_inverse(a, b, dialects[d]);
		sd_schema_free(a);
		sd_schema_free(b);

		a = sd_schema_new();
		b = sd_schema_new();
		cycle_schema(b);
		users_base(a);
		assert_inverse(a, b, dialects[d]);
		sd_schema_free(a);
		sd_schema_free(b);

		a = sd_schema_new();
		b = sd_schema_new();
		alter_pair(a, b);
		assert_inverse(a, b, dialects[d]);
		sd_schema_free(a);
		sd_schema_free(b);

		/* enums created/dropped, recreated; namespaces */
		a = sd_schema_new();
		b = sd_schema_new();
		EN(a, "mood", "happy,sad");
		EN(b, "mood", "sad,happy");
		EN(b, "color", "red");
		t = T(b, "billing.invoices");
		ID(b, t);
		users_base(a);
		t = users_base(b);
		CK(b, t, "ck_users_username", "length(username) > 2");
		IX(b, t, "ix_users_username", "username desc");
		assert_inverse(a, b, dialects[d]);
		sd_schema_free(a);
		sd_schema_free(b);
	}
}
END_TEST

/* Staged NOT NULL backwards: ALTER back, NOOP, DROP COLUMN. */
START_TEST(inverse_of_staged_add)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_table *t;
	sd_column *c;
	sd_plan *p;
	sd_arena *ar = sd_arena_new();
	const sd_op *i0, *i1, *i2;

	users_base(a);
	t = users_base(b);
	c = CNN(b, t, "plan", "text");
	sd_column_xw(b->arena, c)->backfill = "lower(username)";
	p = run(a, b, &fake_pg);
	ck_assert_uint_eq(p->nops, 3);
	ck_assert_int_eq(p->ops[0]->kind, SD_OP_ADD_COLUMN);
	ck_assert(p->ops[0]->column_new->nullable);
	ck_assert_int_eq(p->ops[1]->kind, SD_OP_BACKFILL);
	ck_assert_int_eq(p->ops[2]->kind, SD_OP_ALTER_COLUMN);
	i0 = sd_op_invert(ar, p->ops[2]);
	i1 = sd_op_invert(ar, p->ops[1]);
	i2 = sd_op_invert(ar, p->ops[0]);
	ck_assert_int_eq(i0->kind, SD_OP_ALTER_COLUMN);
	ck_assert(!i0->column_old->nullable);
	ck_assert(i0->column_new->nullable);
	ck_assert_int_eq(i1->kind, SD_OP_NOOP);
	ck_assert_int_eq(i2->kind, SD_OP_DROP_COLUMN);
	ck_assert_str_eq(i2->column_old->base.name, "plan");
	sd_plan_free(p);
	sd_arena_free(ar);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

/* A backfill that is one value for every row (no column, nothing
 * volatile) needs no UPDATE: the column is added NOT NULL with it as the
 * default, and the default dropped; the inverse puts it back and drops
 * the column. A volatile one is an UPDATE like any expression. */
START_TEST(constant_backfill_as_default)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_table *t;
	sd_column *c, *v;
	sd_plan *p;
	sd_arena *ar = sd_arena_new();
	const sd_op *i0, *i1;

	users_base(a);
	t = users_base(b);
	c = CNN(b, t, "plan", "text");
	sd_column_xw(b->arena, c)->backfill = "'free'";
	v = CNN(b, t, "token", "text");
	sd_column_xw(b->arena, v)->backfill = "md5(random()::text)";
	p = run(a, b, &fake_pg);
	ck_assert_uint_eq(p->nops, 5);
	ck_assert_int_eq(p->ops[0]->kind, SD_OP_ADD_COLUMN);
	ck_assert(!p->ops[0]->column_new->nullable);
	ck_assert_str_eq(p->ops[0]->column_new->default_value.sql, "'free'");
	ck_assert_int_eq(p->ops[1]->kind, SD_OP_ALTER_COLUMN);
	ck_assert_uint_eq(p->ops[1]->changes, SD_CHANGE_DEFAULT);
	ck_assert(p->ops[1]->role == SD_ROLE_HELPER);
	ck_assert_ptr_null(p->ops[1]->column_new->default_value.sql);
	ck_assert_int_eq(p->ops[2]->kind, SD_OP_ADD_COLUMN);
	ck_assert(p->ops[2]->column_new->nullable);
	ck_assert_int_eq(p->ops[3]->kind, SD_OP_BACKFILL);
	i0 = sd_op_invert(ar, p->ops[1]);
	i1 = sd_op_invert(ar, p->ops[0]);
	ck_assert_int_eq(i0->kind, SD_OP_ALTER_COLUMN);
	ck_assert_str_eq(i0->column_new->default_value.sql, "'free'");
	ck_assert_int_eq(i1->kind, SD_OP_DROP_COLUMN);
	sd_plan_free(p);
	sd_arena_free(ar);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(comments_and_notes)
{
	sd_schema *a = sd_schema_new(), *b = sd_schema_new();
	sd_diff_opts o = opts_for(&fake_pg);
	sd_table *t, *u;
	sd_unmanaged *x;
	sd_enum *e;
	sd_plan *p;
	char *text;

	t = users_base(a);
	u = users_base(b);
	IX(a, t, "ix_users_username", "username")->comment = "old";
	IX(b, u, "ix_users_username", "username")->comment = "lookups";
	e = EN(a, "mood", "sad,happy");
	e = EN(b, "mood", "sad,happy");
	e->comment = "how it feels";
	x = sd_schema_add_unmanaged(a, "view", NULL, "active_users");
	x->definition = "SELECT * FROM users WHERE active";
	x = sd_schema_add_unmanaged(b, "view", NULL, "active_users");
	x->definition = "SELECT id FROM users WHERE active";
	sd_schema_add_unmanaged(a, "function", "util", "f");
	p = run_opts(a, b, &o);
	text = render(p);
	ck_assert_str_eq(text,
	                 "-- upgrade\n"
	                 "~ comment on enum mood    [set_comment]\n"
	                 "~ comment on index ix_users_username    "
	                 "[set_comment]\n"
	                 "-- downgrade\n"
	                 "~ comment on index ix_users_username    "
	                 "[set_comment]\n"
	                 "~ comment on enum mood    [set_comment]\n");
	ck_assert_uint_eq(p->notes.n, 2);
	ck_assert_str_eq(p->notes.items[0], "view active_users changed: not "
	                                    "diffed, update it by hand");
	ck_assert_str_eq(p->notes.items[1],
	                 "function util.f is not managed by schemadiff");
	free(text);
	sd_plan_free(p);
	/* Without comment support nothing differs. */
	o = opts_for(&fake_sqlite);
	p = run_opts(a, b, &o);
	ck_assert_uint_eq(p->nops, 0);
	sd_plan_free(p);
	sd_schema_free(a);
	sd_schema_free(b);
}
END_TEST

START_TEST(describe_and_names)
{
	sd_op op;
	sd_buf b = SD_BUF_INIT;
	char m = 0;
	sd_schema *s = sd_schema_new();
	sd_table *t = users_base(s);
	sd_index *ix = IX(s, t, "ix_users_name", "username");

	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_DROP_INDEX;
	op.table = t;
	op.obj_old = &ix->base;
	sd_op_describe(&b, &op, &m);
	ck_assert_str_eq(b.data, "- index ix_users_name");
	ck_assert_int_eq(m, '-');
	ck_assert_str_eq(sd_op_kind_name(SD_OP_REBUILD_TABLE), "rebuild_table");
	ck_assert_str_eq(sd_op_kind_name((sd_op_kind)999), "unknown");
	sd_buf_free(&b);
	sd_plan_free(NULL);
	sd_schema_free(s);
}
END_TEST


static Suite *diff_suite(void)
{
	Suite *s = suite_create("diff");

	SD_TEST(s, seed_sqlite, 120);
	SD_TEST(s, seed_postgres, 120);
	SD_TEST(s, no_changes_is_empty, 120);
	SD_TEST(s, create_drop_fk_chain, 120);
	SD_TEST(s, fk_cycles, 120);
	SD_TEST(s, fk_chain_1000, 120);
	SD_TEST(s, tables_20000, 120);
	SD_TEST(s, renames, 120);
	SD_TEST(s, wide_tables, 120);
	SD_TEST(s, maybe_rename_warning, 120);
	SD_TEST(s, alter_bits, 120);
	SD_TEST(s, checks_and_indexes, 120);
	SD_TEST(s, primary_keys, 120);
	SD_TEST(s, fk_depends_on_unique, 120);
	SD_TEST(s, enums, 120);
	SD_TEST(s, enum_value_renames, 120);
	SD_TEST(s, enum_to_enum_narrowing, 60);
	SD_TEST(s, recreate_partitioned, 120);
	SD_TEST(s, namespaces, 120);
	SD_TEST(s, rebuild_sqlite, 120);
	SD_TEST(s, rebuild_when_inverse_needs_it, 120);
	SD_TEST(s, backfill_staging, 120);
	SD_TEST(s, drop_table_referencing_renamed, 120);
	SD_TEST(s, backfill_after_type_change, 120);
	SD_TEST(s, ignore_and_version_table, 120);
	SD_TEST(s, deterministic, 120);
	SD_TEST(s, inverse_property, 120);
	SD_TEST(s, inverse_of_staged_add, 120);
	SD_TEST(s, constant_backfill_as_default, 120);
	SD_TEST(s, comments_and_notes, 120);
	SD_TEST(s, describe_and_names, 120);
	return s;
}

SD_TEST_MAIN(diff_suite)
