/*
 * test_converge.c - the property-based convergence suite.
 *
 * For random schema pairs (A, B = mutate(A)) on SQLite and PostgreSQL:
 * create A from an empty database, fill it with rows, migrate to B with
 * the plan diff(live, B), check the database now is B, run the downgrade,
 * check it is A again and that the rows of every column A and B share
 * survived the round trip. A failing pair is shrunk (tables, columns,
 * constraints removed while the same stage still fails) and printed with
 * the seed that reproduces it:
 *
 *     tools/converge --db sqlite --seed S --pair K
 *
 * `--suite sqlite` (or no argument) is the Check suite with the generator
 * tests and the SQLite pairs; `--suite postgresql` the PostgreSQL pairs
 * (skipped without a server). Any other argument is the long mode used by
 * tools/converge (`--pairs N`, `--pair K`, ...).
 */
#include "harness.h"

#include "db/db.h"
#include "diff/plan.h"
#include "emit/dialect.h"
#include "introspect/introspect.h"
#include "normalize/normalize.h"
#include "gen/schemagen.h"
#include "model/load.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * Mutation kinds and generator features switched off by default because
 * they break in another module today (their shrunk pairs are under
 * testdata/converge/cases/). Turn them back on with --mutations all /
 * --features all, or SD_CONVERGE_ALL=1. None at the moment: the
 * combinations once here (SD_GEN_REINDEX_RENAMED on SQLite,
 * SD_GEN_DROP_RENAMED_REFS and SD_GEN_BACKFILL_CAST on PostgreSQL) are
 * fixed and their cases replay as passing regressions.
 */
#define CONVERGE_OFF_SQLITE 0u
#define CONVERGE_OFF_POSTGRES 0u
#define CONVERGE_FEATURES_OFF_SQLITE 0u
#define CONVERGE_FEATURES_OFF_POSTGRES 0u

/* Pairs per database in the test suite. */
#define SUITE_PAIRS_SQLITE 2000
#define SUITE_PAIRS_POSTGRES 500
/* Pairs per direction of the portable suite (PostgreSQL both ways) */
#define SUITE_PAIRS_PORTABLE 150
/*
 * Mutations the portable suite leaves out, per generating database: what
 * the other dialect's section gets wrong today because the state before
 * the change is lifted from the generating database's catalog, which
 * knows less than the models did (diff/lift.c). A dropped table, column
 * or unique constraint comes back in the downgrade as that catalog shows
 * it: from SQLite without key names, enum types or unique constraints
 * (a unique index instead), from PostgreSQL with its own expression text
 * ('{}'::json) that SQLite does not parse; so does the old default of a
 * column whose type changes ('dx'::character varying), and its old
 * type's spelling. Enum values are invisible on
 * SQLite. A renamed table loses its name in the SQLite downgrade when
 * generated on PostgreSQL. `check --replay` on both dialects catches
 * each of them before they ship.
 */
#define PORTABLE_OFF_FROM_SQLITE                                              \
	(SD_MUT_DROP_TABLE | SD_MUT_DROP_COLUMN | SD_MUT_DROP_UNIQUE |        \
	 SD_MUT_ENUM_ADD_VALUE | SD_MUT_ENUM_DROP_VALUE)
#define PORTABLE_OFF_FROM_POSTGRES                                            \
	(SD_MUT_DROP_TABLE | SD_MUT_DROP_COLUMN | SD_MUT_RENAME_TABLE |       \
	 SD_MUT_TYPE_WIDEN | SD_MUT_TYPE_NARROW | SD_MUT_TYPE_CAST |          \
	 SD_MUT_SET_DEFAULT | SD_MUT_DROP_DEFAULT)
#define SUITE_SEED 20261129u
/* PostgreSQL pairs wait on the server: a few connections use the cores */
#define SUITE_WORKERS_POSTGRES 3

/* ------------------------------------------------------------------ */
/* Running one pair                                                    */
/* ------------------------------------------------------------------ */

typedef enum stage {
	ST_OK = 0,
	ST_SETUP,        /* fresh database, normalise, introspect */
	ST_CREATE_DIFF,  /* diff(empty, A) or its emit failed */
	ST_CREATE_RUN,   /* the SQL creating A failed */
	ST_INSERT,       /* rows for A did not insert */
	ST_A_CONVERGE,   /* diff(live, A) not empty after creating A */
	ST_UP_DIFF,      /* diff(live A, B) or its emit failed */
	ST_UP_RUN,       /* the upgrade failed */
	ST_B_CONVERGE,   /* diff(live, B) not empty after the upgrade */
	ST_DOWN_RUN,     /* the downgrade failed */
	ST_A_AGAIN,      /* diff(live, A) not empty after the downgrade */
	ST_ROWS,         /* rows of shared columns changed */
	ST__COUNT
} stage;

static const char *const stage_names[ST__COUNT] = {
	"ok",          "setup",           "create-diff", "create-run",
	"insert-rows", "create-converge", "upgrade-diff", "upgrade-run",
	"upgrade-converge", "downgrade-run", "downgrade-converge", "rows",
};

typedef struct conv_ctx {
	bool postgres;
	const sd_db_driver *drv;
	/*
	 * NULL: each revision is diffed against the database it runs on.
	 * Else the portable revision's section for this database, as
	 * `generate` writes it when connected to a database of gen_on's kind
	 * (`dialects: [sqlite, postgresql]`): diffed from the models' state
	 * before the change that gen_on's catalog shows (sd_diff_opts.before).
	 */
	const sd_db_driver *gen_on;
	sd_db *pg;          /* PostgreSQL: one connection to our database */
	char *pg_admin_url; /* the server's test database, for CREATE DATABASE */
	char *pg_dbname;
	sd_gen_opts gen;
	bool no_shrink;
} conv_ctx;

/* Wall time per step, summed over a run (--timing). */
static double step_time[8];
static const char *const step_names[8] = {
	"fresh", "normalize", "introspect", "diff+emit", "apply", "insert",
	"snapshot", "other"};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* step_time[k] += the time since t0 */
static void timed(int k, double t0)
{
	step_time[k] += now_s() - t0;
}

typedef struct pair_result {
	stage st;
	sd_buf report; /* error, plan, SQL, residual diff */
} pair_result;

static void put_errors(sd_buf *out, const sd_error *err)
{
	const sd_diag *d;

	for (d = err->first; d; d = d->next) {
		sd_buf_put(out, "  error: ");
		sd_diag_format(out, d);
		sd_buf_putc(out, '\n');
	}
}

static void put_plan(sd_buf *out, const char *title, const sd_plan *p)
{
	size_t i;

	sd_buf_printf(out, "%s (%zu ops):\n", title, p->nops);
	for (i = 0; i < p->nops; i++) {
		char marker = '~';
		sd_buf line = SD_BUF_INIT;
		sd_op_describe(&line, p->ops[i], &marker);
		sd_buf_printf(out, "  %c %s [%s]\n", marker, sd_buf_cstr(&line),
		              sd_op_kind_name(p->ops[i]->kind));
		sd_buf_free(&line);
	}
}

static void put_sql(sd_buf *out, const char *title, const char *sql)
{
	sd_buf_printf(out, "%s:\n%s%s", title, sql,
	              *sql && sql[strlen(sql) - 1] != '\n' ? "\n" : "");
}

static int fresh_db(conv_ctx *cx, sd_db **out, sd_error *err)
{
	double t0_ = now_s();
	int rc;

	if (!cx->postgres) {
		rc = sd_db_open(out, "sqlite:///:memory:", NULL, err);
		timed(0, t0_);
		return rc;
	}
	rc = cx->pg->driver->exec(
		cx->pg,
		"DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
		err);
	if (!rc)
		*out = cx->pg;
	return timed(0, t0_), rc;
}

static void done_db(conv_ctx *cx, sd_db *db)
{
	if (db && db != cx->pg)
		sd_db_close(db);
}

/* The pairs need a PostgreSQL database: to run on, or to generate on. */
static bool needs_pg(const conv_ctx *cx)
{
	return cx->postgres || cx->gen_on == &sd_driver_postgres;
}

/* Runs one script in a transaction (unless the plan says it cannot),
 * checking SQLite's foreign keys before commit as the runner does. */
static int apply_sql(sd_db *db, const char *sql, bool no_tx, sd_error *err)
{
	double t0_ = now_s();
	const sd_db_driver *drv = db->driver;
	sd_error ignore = SD_ERROR_INIT;
	sd_rows *rows = NULL;
	int rc;

	if (!*sql)
		return timed(4, t0_), SD_OK;
	if (!no_tx && (rc = drv->begin(db, err)))
		return timed(4, t0_), rc;
	rc = drv->exec(db, sql, err);
	if (!rc && strcmp(drv->name, "sqlite") == 0) {
		rc = drv->query(db, "PRAGMA foreign_key_check", NULL, 0, &rows,
		                err);
		if (!rc && rows->nrows > 0)
			rc = sd_error_set(err, SD_ERUNTIME,
			                  "%zu row(s) violate foreign keys (table %s)",
			                  rows->nrows, sd_rows_get(rows, 0, 0));
		sd_rows_free(rows);
	}
	if (!no_tx) {
		if (rc)
			drv->rollback(db, &ignore);
		else
			rc = drv->commit(db, err);
	}
	sd_error_clear(&ignore);
	return timed(4, t0_), rc;
}

static int introspect(sd_db *db, sd_schema **out, sd_error *err)
{
	double t0_ = now_s();
	sd_introspect_opts io;
	int rc;

	memset(&io, 0, sizeof(io));
	rc = sd_introspect(out, db, &io, err);
	timed(2, t0_);
	return rc;
}

static int diff(sd_plan **out, const sd_schema *from, const sd_schema *to,
                const sd_dialect *d, sd_error *err)
{
	double t0_ = now_s();
	sd_diff_opts o;
	int rc;

	memset(&o, 0, sizeof(o));
	o.drop_unlisted = true;
	o.caps = d->caps;
	rc = sd_diff(out, from, to, &o, err);
	timed(3, t0_);
	return rc;
}

static int prepare(conv_ctx *cx, sd_db *db, const sd_schema *m,
                   sd_schema **out, sd_error *err);

/* The schemas a cross_plan's plan points into: freed after it. */
typedef struct cross {
	sd_schema *from, *to, *live, *before;
} cross;

static void cross_free(cross *x)
{
	sd_schema_free(x->before); /* shares objects with the others */
	sd_schema_free(x->live);
	sd_schema_free(x->from);
	sd_schema_free(x->to);
	memset(x, 0, sizeof(*x));
}

/*
 * The plan of a portable revision for dialect d, taking `from_model` to
 * `to_model` (from_model NULL: from an empty database), as `generate`
 * makes it on a database of cx->gen_on's kind: that database built to
 * from_model, its catalog diffed against the models (normalised by it),
 * the models' state before the change lifted from that diff, and the
 * lifted state diffed against the models for d. *gen_sql gets the
 * generating dialect's own upgrade (for the report). The plan points
 * into *x: cross_free(x) after freeing it.
 */
static int cross_plan(conv_ctx *cx, sd_plan **out, cross *x,
                      const sd_schema *from_model, const sd_schema *to_model,
                      const sd_dialect *d, sd_buf *gen_sql, sd_error *err)
{
	conv_ctx g = *cx;
	sd_db *db = NULL;
	sd_schema *from = NULL, *to = NULL, *live = NULL, *before = NULL;
	sd_plan *p0 = NULL, *p = NULL;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	const sd_dialect *gd;
	sd_diff_opts o;
	int rc;

	g.postgres = cx->gen_on == &sd_driver_postgres;
	if ((rc = fresh_db(&g, &db, err)))
		return rc;
	gd = sd_db_dialect(db);
	live = sd_schema_new();
	live->dialect = db->driver->name;
	sd_schema_index(live);
	rc = prepare(&g, db, to_model, &to, err);
	if (!rc && from_model)
		rc = prepare(&g, db, from_model, &from, err);
	if (!rc && from) {
		rc = diff(&p0, live, from, gd, err);
		if (!rc)
			rc = sd_emit_plan(&up, &down, p0, gd, err);
		if (!rc)
			rc = apply_sql(db, sd_buf_cstr(&up), p0->no_transaction,
			               err);
		sd_schema_free(live);
		live = NULL;
		if (!rc)
			rc = introspect(db, &live, err);
	}
	if (!rc) {
		memset(&o, 0, sizeof(o));
		o.drop_unlisted = true;
		o.caps = gd->caps;
		o.before = &before;
		rc = sd_diff(&p, live, to, &o, err);
	}
	sd_buf_truncate(&up, 0);
	sd_buf_truncate(&down, 0);
	if (!rc && gen_sql && sd_emit_plan(&up, &down, p, gd, err) == SD_OK)
		sd_buf_put(gen_sql, sd_buf_cstr(&up));
	if (!rc)
		rc = diff(out, before, to, d, err);

	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_plan_free(p0);
	sd_plan_free(p);
	x->from = from;
	x->to = to;
	x->live = live;
	x->before = before;
	done_db(&g, db);
	return rc;
}

/* Inserts SD_GEN_ROWS rows into every table of a. Foreign keys are not
 * enforced while inserting (row i matches row i by construction; cycles
 * would otherwise need an order). */
static int insert_rows(conv_ctx *cx, sd_db *db, const sd_schema *a,
                       sd_error *err)
{
	double t0_ = now_s();
	const sd_dialect *d = sd_db_dialect(db);
	sd_error ignore = SD_ERROR_INIT;
	size_t i, j;
	unsigned row;
	int rc;

	if ((rc = db->driver->begin(db, err)))
		return timed(5, t0_), rc;
	if (cx->postgres)
		rc = db->driver->exec(
			db, "SET LOCAL session_replication_role = replica", err);
	for (i = 0; !rc && i < a->ntables; i++) {
		const sd_table *t = a->tables[i];
		sd_buf sql = SD_BUF_INIT;
		const char **params = sd_xcalloc(t->ncolumns + 1, sizeof(char *));
		sd_buf_put(&sql, "INSERT INTO ");
		d->quote_ident(&sql, t->base.name);
		sd_buf_put(&sql, " (");
		for (j = 0; j < t->ncolumns; j++) {
			if (j)
				sd_buf_put(&sql, ", ");
			d->quote_ident(&sql, t->columns[j]->base.name);
		}
		sd_buf_put(&sql, ") VALUES (");
		for (j = 0; j < t->ncolumns; j++)
			sd_buf_printf(&sql, "%s$%zu", j ? ", " : "", j + 1);
		sd_buf_put(&sql, ")");
		for (row = 0; !rc && row < SD_GEN_ROWS; row++) {
			for (j = 0; j < t->ncolumns; j++)
				params[j] = sd_gen_value(a, t, t->columns[j], row,
				                         cx->postgres);
			rc = db->driver->query(db, sd_buf_cstr(&sql), params,
			                       t->ncolumns, NULL, err);
		}
		free(params);
		sd_buf_free(&sql);
	}
	if (rc)
		db->driver->rollback(db, &ignore);
	else
		rc = db->driver->commit(db, err);
	sd_error_clear(&ignore);
	return timed(5, t0_), rc;
}

/*
 * The columns of A that B keeps (by A's names): for every table of A that
 * B has (same name or renamed_from), every column B has too, except those
 * B backfills (their NULLs legitimately change).
 */
typedef struct shared_col {
	const char *table;
	const char *column;
} shared_col;

static size_t shared_columns(shared_col **out, const sd_schema *a,
                             const sd_schema *b)
{
	size_t i, j, k, l, n = 0, cap = 16;
	shared_col *v = sd_xmalloc(cap * sizeof(*v));

	for (i = 0; i < a->ntables; i++) {
		const sd_table *ta = a->tables[i], *tb = NULL;
		for (k = 0; k < b->ntables; k++) {
			const sd_table *c = b->tables[k];
			if (c->renamed_from ? sd_streq(c->renamed_from, ta->base.name)
			                    : sd_streq(c->base.name, ta->base.name)) {
				tb = c;
				break;
			}
		}
		if (!tb)
			continue;
		for (j = 0; j < ta->ncolumns; j++) {
			const sd_column *ca = ta->columns[j];
			for (l = 0; l < tb->ncolumns; l++) {
				const sd_column *cb = tb->columns[l];
				const char *an = sd_column_x(cb)->renamed_from ? sd_column_x(cb)->renamed_from
				                                  : cb->base.name;
				if (!sd_streq(an, ca->base.name))
					continue;
				if (sd_column_x(cb)->backfill && ca->nullable)
					break;
				if (n == cap)
					v = sd_xrealloc(v, (cap *= 2) * sizeof(*v));
				v[n].table = ta->base.name;
				v[n].column = ca->base.name;
				n++;
				break;
			}
		}
	}
	*out = v;
	return n;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* One line per row of the shared columns, table by table, rows sorted:
 * "t1|1|v0|NULL". */
static int snapshot(sd_db *db, const shared_col *cols, size_t n,
                    sd_buf *out, sd_error *err)
{
	double t0_ = now_s();
	const sd_dialect *d = sd_db_dialect(db);
	size_t i = 0, j, r, c;
	int rc = SD_OK;

	while (i < n) {
		sd_buf sql = SD_BUF_INIT;
		sd_rows *rows = NULL;
		char **lines;
		size_t first = i;
		sd_buf_put(&sql, "SELECT ");
		for (j = i; j < n && sd_streq(cols[j].table, cols[i].table); j++) {
			if (j > i)
				sd_buf_put(&sql, ", ");
			d->quote_ident(&sql, cols[j].column);
		}
		sd_buf_put(&sql, " FROM ");
		d->quote_ident(&sql, cols[i].table);
		i = j;
		rc = db->driver->query(db, sd_buf_cstr(&sql), NULL, 0, &rows, err);
		sd_buf_free(&sql);
		if (rc)
			return timed(6, t0_), rc;
		lines = sd_xcalloc(rows->nrows + 1, sizeof(char *));
		for (r = 0; r < rows->nrows; r++) {
			sd_buf line = SD_BUF_INIT;
			sd_buf_put(&line, cols[first].table);
			for (c = 0; c < rows->ncols; c++) {
				const char *v = sd_rows_get(rows, r, c);
				sd_buf_printf(&line, "|%s", v ? v : "NULL");
			}
			lines[r] = sd_buf_detach(&line);
		}
		qsort(lines, rows->nrows, sizeof(char *), cmp_str);
		for (r = 0; r < rows->nrows; r++) {
			sd_buf_printf(out, "%s\n", lines[r]);
			free(lines[r]);
		}
		free(lines);
		sd_rows_free(rows);
	}
	return timed(6, t0_), rc;
}

/* Normalised copy of a model schema for this database. */
static int prepare(conv_ctx *cx, sd_db *db, const sd_schema *m,
                   sd_schema **out, sd_error *err)
{
	double t0_ = now_s();
	sd_schema *c = sd_gen_clone(m);
	int rc = SD_OK;

	rc = sd_normalize(db, c, NULL, err);
	if (rc) {
		sd_schema_free(c);
		return timed(1, t0_), rc;
	}
	*out = c;
	return timed(1, t0_), SD_OK;
}

/*
 * Checks diff(live, want) is empty; fills the report otherwise. The
 * introspected schema is handed back through *live_out when not NULL (the
 * next diff starts from it).
 */
static bool converged(sd_db *db, const sd_schema *want, const char *what,
                      sd_buf *report, sd_schema **live_out, sd_error *err)
{
	sd_schema *live = NULL;
	sd_plan *p = NULL;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	bool ok = false;

	if (introspect(db, &live, err))
		goto done;
	if (diff(&p, live, want, sd_db_dialect(db), err))
		goto done;
	if (p->nops == 0) {
		ok = true;
		goto done;
	}
	sd_buf_printf(report, "residual diff after %s:\n", what);
	put_plan(report, "residual plan", p);
	if (sd_emit_plan(&up, &down, p, sd_db_dialect(db), err) == SD_OK)
		put_sql(report, "residual SQL", sd_buf_cstr(&up));
	sd_buf_put(report, "live schema:\n");
	sd_schema_dump(report, live);
done:
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_plan_free(p);
	if (ok && live_out)
		*live_out = live;
	else
		sd_schema_free(live);
	return ok;
}

/*
 * The property for one pair. Returns the first stage that failed (ST_OK
 * when the pair converges both ways); res->report says why.
 */
static stage run_pair(conv_ctx *cx, const sd_schema *a_model,
                      const sd_schema *b_model, pair_result *res)
{
	sd_error err = SD_ERROR_INIT;
	sd_db *db = NULL;
	sd_schema *a = NULL, *b = NULL, *live = NULL;
	sd_plan *p0 = NULL, *p = NULL;
	sd_buf up0 = SD_BUF_INIT, down0 = SD_BUF_INIT;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_buf before = SD_BUF_INIT, after = SD_BUF_INIT;
	shared_col *cols = NULL;
	size_t ncols;
	stage st = ST_SETUP;
	const sd_dialect *d;
	cross x0 = {0}, x = {0};
	int rc;

	if (fresh_db(cx, &db, &err))
		goto done;
	d = sd_db_dialect(db);
	if (prepare(cx, db, a_model, &a, &err) ||
	    prepare(cx, db, b_model, &b, &err))
		goto done;
	/* the database is empty: an empty schema stands for it (one
	 * introspection less per pair) */
	live = sd_schema_new();
	live->dialect = db->driver->name;
	sd_schema_index(live);

	st = ST_CREATE_DIFF;
	if ((cx->gen_on ? cross_plan(cx, &p0, &x0, NULL, a_model, d, NULL, &err)
	                : diff(&p0, live, a, d, &err)) ||
	    sd_emit_plan(&up0, &down0, p0, d, &err))
		goto done;
	st = ST_CREATE_RUN;
	if (apply_sql(db, sd_buf_cstr(&up0), p0->no_transaction, &err)) {
		put_plan(&res->report, "create plan", p0);
		put_sql(&res->report, "create SQL", sd_buf_cstr(&up0));
		goto done;
	}
	st = ST_INSERT;
	if (insert_rows(cx, db, a_model, &err))
		goto done;
	st = ST_A_CONVERGE;
	sd_schema_free(live);
	live = NULL;
	if (!converged(db, a, "creating A", &res->report, &live, &err)) {
		put_sql(&res->report, "create SQL", sd_buf_cstr(&up0));
		goto done;
	}
	ncols = shared_columns(&cols, a_model, b_model);
	if (snapshot(db, cols, ncols, &before, &err))
		goto done;

	st = ST_UP_DIFF;
	if (cx->gen_on) {
		sd_buf gen = SD_BUF_INIT;
		rc = cross_plan(cx, &p, &x, a_model, b_model, d, &gen, &err);
		sd_buf_printf(&res->report, "generated on %s\n", cx->gen_on->name);
		put_sql(&res->report, "its own upgrade SQL", sd_buf_cstr(&gen));
		sd_buf_free(&gen);
		if (rc)
			goto done;
	} else if (diff(&p, live, b, d, &err)) {
		goto done;
	}
	put_plan(&res->report, "plan", p);
	if (sd_emit_plan(&up, &down, p, d, &err))
		goto done;
	put_sql(&res->report, "upgrade SQL", sd_buf_cstr(&up));
	put_sql(&res->report, "downgrade SQL", sd_buf_cstr(&down));
	st = ST_UP_RUN;
	if (apply_sql(db, sd_buf_cstr(&up), p->no_transaction, &err))
		goto done;
	st = ST_B_CONVERGE;
	if (!converged(db, b, "the upgrade", &res->report, NULL, &err))
		goto done;
	st = ST_DOWN_RUN;
	if (apply_sql(db, sd_buf_cstr(&down), p->no_transaction, &err))
		goto done;
	st = ST_A_AGAIN;
	if (!converged(db, a, "the downgrade", &res->report, NULL, &err))
		goto done;
	st = ST_ROWS;
	if (snapshot(db, cols, ncols, &after, &err))
		goto done;
	if (strcmp(sd_buf_cstr(&before), sd_buf_cstr(&after)) != 0) {
		sd_buf_printf(&res->report, "rows before:\n%srows after:\n%s",
		              sd_buf_cstr(&before), sd_buf_cstr(&after));
		goto done;
	}
	st = ST_OK;
done:
	if (st != ST_OK)
		put_errors(&res->report, &err);
	res->st = st;
	sd_error_clear(&err);
	free(cols);
	sd_buf_free(&up0);
	sd_buf_free(&down0);
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_buf_free(&before);
	sd_buf_free(&after);
	sd_plan_free(p0);
	sd_plan_free(p);
	cross_free(&x0);
	cross_free(&x);
	sd_schema_free(live);
	sd_schema_free(a);
	sd_schema_free(b);
	done_db(cx, db);
	return st;
}

/* ------------------------------------------------------------------ */
/* Pairs from seeds                                                    */
/* ------------------------------------------------------------------ */

/* Pair k of run seed s: A and B, and the mutation log. */
static void make_pair(const conv_ctx *cx, uint64_t seed, uint64_t k,
                      sd_schema **a, sd_schema **b, sd_buf *log,
                      unsigned *applied)
{
	sd_rng r;

	sd_rng_seed(&r, sd_rng_mix(seed, k));
	*a = sd_gen_schema(&r, &cx->gen);
	*b = sd_gen_mutate(&r, *a, &cx->gen, log, applied);
}

/* ------------------------------------------------------------------ */
/* Shrinking                                                           */
/* ------------------------------------------------------------------ */

static sd_table *find_table(const sd_schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->ntables; i++)
		if (sd_streq(s->tables[i]->base.name, name))
			return s->tables[i];
	return NULL;
}

/* The table of b that is a's table `name` (renamed or not), or NULL. */
static sd_table *counterpart(const sd_schema *b, const char *name)
{
	size_t i;

	for (i = 0; i < b->ntables; i++) {
		const sd_table *t = b->tables[i];
		if (t->renamed_from ? sd_streq(t->renamed_from, name)
		                    : sd_streq(t->base.name, name))
			return b->tables[i];
	}
	return NULL;
}

static size_t table_pos(const sd_schema *s, const sd_table *t)
{
	size_t i;

	for (i = 0; i < s->ntables; i++)
		if (s->tables[i] == t)
			return i;
	return (size_t)-1;
}

static void remove_column_named(sd_schema *s, sd_table *t, const char *name,
                                bool by_old_name)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		if (by_old_name ? sd_streq(sd_column_x(c)->renamed_from ? sd_column_x(c)->renamed_from
		                                           : c->base.name,
		                           name)
		                : sd_streq(c->base.name, name)) {
			sd_gen_remove_column(s, t, i);
			return;
		}
	}
}

/* Removes the constraint or index called name from t, whatever it is. */
static bool remove_object_named(sd_schema *s, sd_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nuniques; i++)
		if (sd_streq(t->uniques[i]->base.name, name)) {
			sd_gen_remove_unique(s, t, i);
			return true;
		}
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_streq(t->foreign_keys[i]->base.name, name)) {
			sd_gen_remove_fk(t, i);
			return true;
		}
	for (i = 0; i < t->nchecks; i++)
		if (sd_streq(t->checks[i]->base.name, name)) {
			sd_gen_remove_check(t, i);
			return true;
		}
	for (i = 0; i < t->nindexes; i++)
		if (sd_streq(t->indexes[i]->base.name, name)) {
			sd_gen_remove_index(t, i);
			return true;
		}
	return false;
}

/* A shrinking step, as data so candidates can be listed then tried. */
typedef enum cand_kind {
	C_TABLE_BOTH,   /* a's table name and its counterpart in b */
	C_TABLE_B,      /* a table only b has */
	C_COLUMN_BOTH,  /* a's column (table, column) and its counterpart */
	C_COLUMN_B,     /* a column only b has */
	C_OBJECT_BOTH,  /* constraint/index by name in a's table + b's */
	C_OBJECT_A,
	C_OBJECT_B,
	C_ENUM_BOTH,    /* an enum no column uses */
} cand_kind;

typedef struct cand {
	cand_kind kind;
	const char *table;
	const char *name;
} cand;

static bool enum_used(const sd_schema *s, const char *name)
{
	size_t i, j;

	for (i = 0; i < s->ntables; i++)
		for (j = 0; j < s->tables[i]->ncolumns; j++)
			if (s->tables[i]->columns[j]->type.kind == SD_T_ENUM &&
			    sd_streq(s->tables[i]->columns[j]->type.name, name))
				return true;
	return false;
}

/* Applies a candidate to copies; false when it does not apply. */
static bool apply_cand(const cand *c, sd_schema *a, sd_schema *b)
{
	sd_table *ta, *tb;
	size_t i;

	switch (c->kind) {
	case C_TABLE_BOTH:
		ta = find_table(a, c->table);
		if (!ta)
			return false;
		tb = counterpart(b, c->table);
		sd_gen_remove_table(a, table_pos(a, ta));
		if (tb)
			sd_gen_remove_table(b, table_pos(b, tb));
		return a->ntables > 0 || b->ntables > 0;
	case C_TABLE_B:
		tb = find_table(b, c->table);
		if (!tb)
			return false;
		sd_gen_remove_table(b, table_pos(b, tb));
		return true;
	case C_COLUMN_BOTH:
		ta = find_table(a, c->table);
		if (!ta || ta->ncolumns < 2)
			return false;
		remove_column_named(a, ta, c->name, false);
		tb = counterpart(b, c->table);
		if (tb && tb->ncolumns >= 2)
			remove_column_named(b, tb, c->name, true);
		return true;
	case C_COLUMN_B:
		tb = find_table(b, c->table);
		if (!tb || tb->ncolumns < 2)
			return false;
		remove_column_named(b, tb, c->name, false);
		return true;
	case C_OBJECT_BOTH:
	case C_OBJECT_A:
	case C_OBJECT_B: {
		bool hit = false;
		ta = find_table(a, c->table);
		tb = counterpart(b, c->table);
		if (c->kind != C_OBJECT_B && ta)
			hit |= remove_object_named(a, ta, c->name);
		if (c->kind == C_OBJECT_B)
			tb = find_table(b, c->table);
		if (c->kind != C_OBJECT_A && tb)
			hit |= remove_object_named(b, tb, c->name);
		return hit;
	}
	case C_ENUM_BOTH:
		if (enum_used(a, c->name) || enum_used(b, c->name))
			return false;
		for (i = 0; i < a->nenums; i++)
			if (sd_streq(a->enums[i]->base.name, c->name)) {
				memmove(&a->enums[i], &a->enums[i + 1],
				        (a->nenums - i - 1) * sizeof(void *));
				a->nenums--;
				break;
			}
		for (i = 0; i < b->nenums; i++)
			if (sd_streq(b->enums[i]->base.name, c->name)) {
				memmove(&b->enums[i], &b->enums[i + 1],
				        (b->nenums - i - 1) * sizeof(void *));
				b->nenums--;
				break;
			}
		sd_schema_index(a);
		sd_schema_index(b);
		return true;
	}
	return false;
}

static void push_cand(cand **v, size_t *n, size_t *cap, cand_kind k,
                      const char *table, const char *name)
{
	if (*n == *cap)
		*v = sd_xrealloc(*v, (*cap = *cap ? *cap * 2 : 32) * sizeof(cand));
	(*v)[*n].kind = k;
	(*v)[*n].table = table;
	(*v)[*n].name = name;
	(*n)++;
}

static void table_objects(cand **v, size_t *n, size_t *cap, const sd_table *t,
                          cand_kind k)
{
	size_t i;

	for (i = 0; i < t->nforeign_keys; i++)
		push_cand(v, n, cap, k, t->base.name, t->foreign_keys[i]->base.name);
	for (i = 0; i < t->nuniques; i++)
		push_cand(v, n, cap, k, t->base.name, t->uniques[i]->base.name);
	for (i = 0; i < t->nchecks; i++)
		push_cand(v, n, cap, k, t->base.name, t->checks[i]->base.name);
	for (i = 0; i < t->nindexes; i++)
		push_cand(v, n, cap, k, t->base.name, t->indexes[i]->base.name);
}

/* Every removal worth trying on (a, b), biggest first. Names point into
 * a and b. */
static size_t candidates(cand **out, const sd_schema *a, const sd_schema *b)
{
	cand *v = NULL;
	size_t n = 0, cap = 0, i, j;

	for (i = 0; i < a->ntables; i++)
		push_cand(&v, &n, &cap, C_TABLE_BOTH, a->tables[i]->base.name, NULL);
	for (i = 0; i < b->ntables; i++)
		if (!b->tables[i]->renamed_from &&
		    !find_table(a, b->tables[i]->base.name))
			push_cand(&v, &n, &cap, C_TABLE_B, b->tables[i]->base.name,
			          NULL);
	for (i = 0; i < a->ntables; i++) {
		const sd_table *t = a->tables[i];
		table_objects(&v, &n, &cap, t, C_OBJECT_BOTH);
		for (j = 0; j < t->ncolumns; j++)
			push_cand(&v, &n, &cap, C_COLUMN_BOTH, t->base.name,
			          t->columns[j]->base.name);
	}
	for (i = 0; i < b->ntables; i++) {
		const sd_table *t = b->tables[i];
		table_objects(&v, &n, &cap, t, C_OBJECT_B);
		for (j = 0; j < t->ncolumns; j++)
			if (!sd_column_x(t->columns[j])->renamed_from)
				push_cand(&v, &n, &cap, C_COLUMN_B, t->base.name,
				          t->columns[j]->base.name);
	}
	for (i = 0; i < a->ntables; i++)
		table_objects(&v, &n, &cap, a->tables[i], C_OBJECT_A);
	for (i = 0; i < a->nenums; i++)
		push_cand(&v, &n, &cap, C_ENUM_BOTH, NULL, a->enums[i]->base.name);
	*out = v;
	return n;
}

/*
 * Shrinks a failing pair in place while the same stage keeps failing.
 * Returns the number of successful reductions.
 */
static unsigned shrink(conv_ctx *cx, sd_schema **a, sd_schema **b, stage st,
                       unsigned max_runs)
{
	unsigned runs = 0, reductions = 0;
	bool progress = true;

	while (progress && runs < max_runs) {
		cand *cs = NULL;
		size_t n = candidates(&cs, *a, *b), i;
		progress = false;
		for (i = 0; i < n && runs < max_runs; i++) {
			sd_schema *na = sd_gen_clone(*a), *nb = sd_gen_clone(*b);
			pair_result r = {ST_OK, SD_BUF_INIT};
			bool keep = false;
			if (apply_cand(&cs[i], na, nb) &&
			    sd_gen_validate(na, cx->postgres, NULL) &&
			    sd_gen_validate(nb, cx->postgres, NULL)) {
				runs++;
				keep = run_pair(cx, na, nb, &r) == st;
			}
			sd_buf_free(&r.report);
			if (keep) {
				sd_schema_free(*a);
				sd_schema_free(*b);
				*a = na;
				*b = nb;
				reductions++;
				progress = true;
				break;
			}
			sd_schema_free(na);
			sd_schema_free(nb);
		}
		free(cs);
	}
	return reductions;
}

/* ------------------------------------------------------------------ */
/* PostgreSQL database of our own                                      */
/* ------------------------------------------------------------------ */

/* url with its database name replaced by dbname (malloc'ed). */
static char *url_with_db(const char *url, const char *dbname)
{
	const char *scheme = strstr(url, "://");
	const char *slash, *q;
	sd_buf b = SD_BUF_INIT;

	if (!scheme)
		return NULL;
	slash = strchr(scheme + 3, '/');
	q = strchr(scheme + 3, '?');
	if (!slash || (q && slash > q))
		slash = q;
	if (slash)
		sd_buf_putn(&b, url, (size_t)(slash - url));
	else
		sd_buf_put(&b, url);
	sd_buf_printf(&b, "/%s", dbname);
	if (q)
		sd_buf_put(&b, q);
	return sd_buf_detach(&b);
}

/* Creates a database of our own so parallel suites never collide.
 * Returns false (with a reason) when no server is reachable. */
static bool pg_setup(conv_ctx *cx, sd_buf *why)
{
	const char *uri = getenv("SCHEMADIFF_TEST_PGURI");
	sd_error err = SD_ERROR_INIT;
	sd_db *admin = NULL;
	char *url = NULL;
	bool ok = false;

	if (!uri || !*uri) {
		sd_buf_put(why, "SCHEMADIFF_TEST_PGURI is not set");
		return false;
	}
	if (sd_db_open(&admin, uri, NULL, &err)) {
		sd_buf_put(why, "PostgreSQL unreachable: ");
		if (err.first)
			sd_diag_format(why, err.first);
		goto done;
	}
	cx->pg_admin_url = sd_xstrdup(uri);
	cx->pg_dbname = malloc(64);
	snprintf(cx->pg_dbname, 64, "sd_converge_%ld_%ld", (long)getpid(),
	         (long)time(NULL) % 100000);
	{
		sd_buf sql = SD_BUF_INIT;
		sd_buf_put(&sql, "CREATE DATABASE ");
		sd_db_dialect(admin)->quote_ident(&sql, cx->pg_dbname);
		if (admin->driver->exec(admin, sd_buf_cstr(&sql), &err)) {
			sd_buf_put(why, "cannot create a database: ");
			if (err.first)
				sd_diag_format(why, err.first);
			sd_buf_free(&sql);
			goto done;
		}
		sd_buf_free(&sql);
	}
	url = url_with_db(uri, cx->pg_dbname);
	if (!url || sd_db_open(&cx->pg, url, NULL, &err)) {
		sd_buf_put(why, "cannot connect to the new database");
		goto done;
	}
	/* stable text forms for the row comparison */
	cx->pg->driver->exec(cx->pg, "SET TimeZone = 'UTC'", &err);
	ok = true;
done:
	free(url);
	sd_db_close(admin);
	sd_error_clear(&err);
	return ok;
}

static void pg_teardown(conv_ctx *cx)
{
	sd_error err = SD_ERROR_INIT;
	sd_db *admin = NULL;

	if (cx->pg) {
		sd_db_close(cx->pg);
		cx->pg = NULL;
	}
	if (cx->pg_dbname && cx->pg_admin_url &&
	    sd_db_open(&admin, cx->pg_admin_url, NULL, &err) == SD_OK) {
		sd_buf sql = SD_BUF_INIT;
		sd_buf_put(&sql, "DROP DATABASE IF EXISTS ");
		sd_db_dialect(admin)->quote_ident(&sql, cx->pg_dbname);
		admin->driver->exec(admin, sd_buf_cstr(&sql), &err);
		sd_buf_free(&sql);
		sd_db_close(admin);
	}
	sd_error_clear(&err);
	free(cx->pg_dbname);
	free(cx->pg_admin_url);
	cx->pg_dbname = cx->pg_admin_url = NULL;
}

static void ctx_init(conv_ctx *cx, bool postgres, bool all)
{
	memset(cx, 0, sizeof(*cx));
	cx->postgres = postgres;
	sd_gen_opts_default(&cx->gen, postgres);
	if (postgres) {
		/* smaller schemas: every pair costs server round trips */
		cx->gen.max_tables = 3;
		cx->gen.max_columns = 4;
	}
	if (!all && !getenv("SD_CONVERGE_ALL")) {
		cx->gen.mutations &= ~(postgres ? CONVERGE_OFF_POSTGRES
		                                : CONVERGE_OFF_SQLITE);
		cx->gen.features &= ~(postgres ? CONVERGE_FEATURES_OFF_POSTGRES
		                               : CONVERGE_FEATURES_OFF_SQLITE);
	}
}

/* ------------------------------------------------------------------ */
/* Running many pairs                                                  */
/* ------------------------------------------------------------------ */

typedef struct run_stats {
	unsigned pairs;
	unsigned failed;
	unsigned by_stage[ST__COUNT];
	unsigned fail_by_mutation[SD_MUT__COUNT];
	unsigned runs_by_mutation[SD_MUT__COUNT];
	uint64_t first_failed_pair;
} run_stats;

/* Prints the failing pair k, shrunk, to f. */
static void save_pair(const char *dir, const sd_schema *a, const sd_schema *b,
                      const char *report, FILE *f)
{
	sd_error err = SD_ERROR_INIT;
	sd_arena *ar = sd_arena_new();
	sd_buf y = SD_BUF_INIT;

	if (sd_mkdir_p(dir, &err) == SD_OK) {
		sd_gen_write_yaml(&y, a);
		sd_file_write_atomic(sd_path_join(ar, dir, "a.yaml"),
		                     sd_buf_cstr(&y), y.len, &err);
		sd_buf_truncate(&y, 0);
		sd_gen_write_yaml(&y, b);
		sd_file_write_atomic(sd_path_join(ar, dir, "b.yaml"),
		                     sd_buf_cstr(&y), y.len, &err);
		sd_file_write_atomic(sd_path_join(ar, dir, "report.txt"), report,
		                     strlen(report), &err);
	}
	if (sd_error_has(&err))
		fprintf(f, "could not save the pair under %s\n", dir);
	else
		fprintf(f, "saved: %s/a.yaml, b.yaml, report.txt\n", dir);
	sd_buf_free(&y);
	sd_error_clear(&err);
	sd_arena_free(ar);
}

static const char *save_dir; /* --save DIR: where report_failure writes */

static void report_failure(conv_ctx *cx, FILE *f, uint64_t seed, uint64_t k,
                           bool do_shrink)
{
	sd_schema *a, *b;
	sd_buf log = SD_BUF_INIT, dump = SD_BUF_INIT;
	pair_result r = {ST_OK, SD_BUF_INIT};
	unsigned applied;
	stage st;

	make_pair(cx, seed, k, &a, &b, &log, &applied);
	st = run_pair(cx, a, b, &r);
	fprintf(f, "%s %s seed=%" PRIu64 " pair=%" PRIu64 " stage=%s\n",
	        st == ST_OK ? "PASS" : "FAIL",
	        cx->postgres ? "postgresql" : "sqlite", seed, k,
	        stage_names[st]);
	fprintf(f, "  reproduce: tools/converge --db %s --seed %" PRIu64
	           " --pair %" PRIu64 " --mutations 0x%x --features 0x%x\n",
	        cx->postgres ? "postgresql" : "sqlite", seed, k,
	        cx->gen.mutations, cx->gen.features);
	fprintf(f, "mutations:\n%s", sd_buf_cstr(&log));
	if (st != ST_OK && do_shrink) {
		unsigned red = shrink(cx, &a, &b, st, 400);
		sd_buf_free(&r.report);
		r.report.data = NULL;
		r.report.len = r.report.cap = 0;
		st = run_pair(cx, a, b, &r);
		fprintf(f, "shrunk (%u reductions), stage=%s\n", red,
		        stage_names[st]);
	}
	sd_schema_dump(&dump, a);
	fprintf(f, "--- A:\n%s", sd_buf_cstr(&dump));
	sd_buf_truncate(&dump, 0);
	sd_schema_dump(&dump, b);
	fprintf(f, "--- B:\n%s", sd_buf_cstr(&dump));
	fprintf(f, "--- report:\n%s\n", sd_buf_cstr(&r.report));
	if (save_dir && st != ST_OK) {
		char dir[4096];
		snprintf(dir, sizeof(dir), "%s/%s-%" PRIu64 "-%" PRIu64, save_dir,
		         cx->postgres ? "postgresql" : "sqlite", seed, k);
		save_pair(dir, a, b, sd_buf_cstr(&r.report), f);
	}
	sd_buf_free(&dump);
	sd_buf_free(&log);
	sd_buf_free(&r.report);
	sd_schema_free(a);
	sd_schema_free(b);
}

/* Runs pairs [first, first+count) of seed; failures go to f (NULL: quiet).
 * max_reports limits the detailed (shrunk) reports. */
static void run_pairs(conv_ctx *cx, uint64_t seed, uint64_t first,
                      unsigned stride, unsigned count, run_stats *stats,
                      FILE *f, unsigned max_reports, bool progress)
{
	unsigned i, reports = 0, m;
	time_t t0 = time(NULL);

	for (i = 0; i < count; i++) {
		uint64_t k = first + (uint64_t)i * stride;
		sd_schema *a, *b;
		unsigned applied;
		pair_result r = {ST_OK, SD_BUF_INIT};
		stage st;

		make_pair(cx, seed, k, &a, &b, NULL, &applied);
		st = run_pair(cx, a, b, &r);
		stats->pairs++;
		stats->by_stage[st]++;
		for (m = 0; m < SD_MUT__COUNT; m++)
			if (applied & (1u << m)) {
				stats->runs_by_mutation[m]++;
				if (st != ST_OK)
					stats->fail_by_mutation[m]++;
			}
		if (st != ST_OK) {
			if (stats->failed == 0 || k < stats->first_failed_pair)
				stats->first_failed_pair = k;
			stats->failed++;
			if (f && reports < max_reports) {
				reports++;
				report_failure(cx, f, seed, k, !cx->no_shrink);
			} else if (f) {
				fprintf(f, "FAIL %s seed=%" PRIu64 " pair=%" PRIu64
				           " stage=%s\n",
				        cx->postgres ? "postgresql" : "sqlite",
				        seed, k, stage_names[st]);
			}
		}
		sd_buf_free(&r.report);
		sd_schema_free(a);
		sd_schema_free(b);
		if (progress && ((i + 1) % 500 == 0 || i + 1 == count)) {
			fprintf(stderr, "converge %s: %u/%u pairs, %u failed, %lds\n",
			        cx->postgres ? "postgresql" : "sqlite", i + 1,
			        count, stats->failed, (long)(time(NULL) - t0));
		}
	}
}

static bool read_full(int fd, void *buf, size_t n)
{
	char *p = buf;

	while (n > 0) {
		ssize_t r = read(fd, p, n);
		if (r <= 0)
			return false;
		p += r;
		n -= (size_t)r;
	}
	return true;
}

static void write_full(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

/*
 * run_pairs over `workers` processes, each with a database of its own
 * (PostgreSQL pairs spend their time in server round trips, so a few
 * connections at once use the cores). Pair k goes to worker k % workers;
 * stats are merged and reports copied to f in worker order. Must be called
 * without an open PostgreSQL connection in cx (children open their own).
 */
static void run_pairs_parallel(conv_ctx *cx, uint64_t seed, uint64_t first,
                               unsigned count, run_stats *stats, FILE *f,
                               unsigned max_reports, bool progress,
                               unsigned workers)
{
	int fds[16];
	pid_t pids[16];
	unsigned w, i;

	if (workers > 16)
		workers = 16;
	if (workers <= 1 || count < workers) {
		bool opened = false;
		if (needs_pg(cx) && !cx->pg) {
			sd_buf why = SD_BUF_INIT;
			if (!pg_setup(cx, &why)) {
				stats->pairs += count;
				stats->failed += count;
				stats->by_stage[ST_SETUP] += count;
				if (f)
					fprintf(f, "setup: %s\n", sd_buf_cstr(&why));
				sd_buf_free(&why);
				return;
			}
			opened = true;
		}
		run_pairs(cx, seed, first, 1, count, stats, f, max_reports,
		          progress);
		if (opened)
			pg_teardown(cx);
		return;
	}
	fflush(NULL);
	for (w = 0; w < workers; w++) {
		int p[2];
		if (pipe(p) != 0) {
			workers = w;
			break;
		}
		pids[w] = fork();
		if (pids[w] == 0) {
			conv_ctx c = *cx;
			run_stats st;
			char *out = NULL;
			size_t len = 0;
			FILE *mem = open_memstream(&out, &len);
			unsigned n = (count - w + workers - 1) / workers;
			close(p[0]);
			c.pg = NULL;
			c.pg_dbname = c.pg_admin_url = NULL;
			memset(&st, 0, sizeof(st));
			if (needs_pg(&c)) {
				sd_buf why = SD_BUF_INIT;
				if (!pg_setup(&c, &why)) {
					st.pairs = st.failed = n;
					st.by_stage[ST_SETUP] = n;
					fprintf(mem, "setup: %s\n", sd_buf_cstr(&why));
					n = 0;
				}
				sd_buf_free(&why);
			}
			if (n)
				run_pairs(&c, seed, first + w, workers, n, &st, mem,
				          (max_reports + workers - 1 - w) / workers,
				          progress && w == 0);
			if (needs_pg(&c))
				pg_teardown(&c);
			fclose(mem);
			write_full(p[1], &st, sizeof(st));
			write_full(p[1], &len, sizeof(len));
			write_full(p[1], out, len);
			close(p[1]);
			free(out);
			_exit(0);
		}
		close(p[1]);
		fds[w] = p[0];
		if (pids[w] < 0) {
			close(p[0]);
			workers = w;
			break;
		}
	}
	for (w = 0; w < workers; w++) {
		run_stats st;
		size_t len = 0;
		char *out;
		int status;
		if (!read_full(fds[w], &st, sizeof(st)) ||
		    !read_full(fds[w], &len, sizeof(len))) {
			memset(&st, 0, sizeof(st));
			st.failed = 1;
			st.pairs = 1;
			st.by_stage[ST_SETUP] = 1;
			len = 0;
		}
		out = sd_xmalloc(len + 1);
		if (!read_full(fds[w], out, len))
			len = 0;
		out[len] = '\0';
		if (f)
			fputs(out, f);
		free(out);
		close(fds[w]);
		waitpid(pids[w], &status, 0);
		if (st.failed && (stats->failed == 0 ||
		                  st.first_failed_pair < stats->first_failed_pair))
			stats->first_failed_pair = st.first_failed_pair;
		stats->pairs += st.pairs;
		stats->failed += st.failed;
		for (i = 0; i < ST__COUNT; i++)
			stats->by_stage[i] += st.by_stage[i];
		for (i = 0; i < SD_MUT__COUNT; i++) {
			stats->runs_by_mutation[i] += st.runs_by_mutation[i];
			stats->fail_by_mutation[i] += st.fail_by_mutation[i];
		}
	}
}

static void print_summary(FILE *f, const conv_ctx *cx, uint64_t seed,
                          const run_stats *s)
{
	unsigned i;

	fprintf(f, "summary %s seed=%" PRIu64 ": %u pairs, %u converged, %u failed\n",
	        cx->postgres ? "postgresql" : "sqlite", seed, s->pairs,
	        s->by_stage[ST_OK], s->failed);
	for (i = 1; i < ST__COUNT; i++)
		if (s->by_stage[i])
			fprintf(f, "  failed at %-20s %u\n", stage_names[i],
			        s->by_stage[i]);
	if (getenv("SD_CONVERGE_TIMING"))
		for (i = 0; i < 8; i++)
			fprintf(f, "  time %-12s %.2fs\n", step_names[i],
			        step_time[i]);
	for (i = 0; i < SD_MUT__COUNT; i++)
		if (s->runs_by_mutation[i])
			fprintf(f, "  mutation %-16s %5u pairs, %4u failed%s\n",
			        sd_gen_mutation_name(1u << i),
			        s->runs_by_mutation[i], s->fail_by_mutation[i],
			        (cx->gen.mutations & (1u << i)) ? "" : " (off)");
}

/* ------------------------------------------------------------------ */
/* Regression seeds                                                    */
/* ------------------------------------------------------------------ */

/*
 * testdata/converge/seeds.txt, one pair per line:
 *     <db> <seed> <pair> <mutations-mask> <features-mask> <expect> [# note]
 * expect is pass or fail. "fail" lines are known bugs of other modules:
 * they are run and counted, not asserted, so the file keeps the reproducer
 * until the bug is fixed (then flip it to pass and it guards the fix).
 */
static unsigned run_seed_file(conv_ctx *cx, const char *db, unsigned *fixed,
                              unsigned *known, sd_buf *failures)
{
	const char *root = getenv("SD_SOURCE_ROOT");
	char path[4096], line[1024];
	FILE *f;
	unsigned n = 0;
	sd_gen_opts saved = cx->gen;

	*fixed = *known = 0;
	snprintf(path, sizeof(path), "%s/testdata/converge/seeds.txt",
	         root ? root : ".");
	f = fopen(path, "r");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char dbname[32], expect[16];
		unsigned long long seed, k;
		unsigned muts, feats;
		sd_schema *a, *b;
		pair_result r = {ST_OK, SD_BUF_INIT};
		stage st;

		if (line[0] == '#' ||
		    sscanf(line, "%31s %llu %llu %x %x %15s", dbname, &seed, &k,
		           &muts, &feats, expect) != 6 ||
		    strcmp(dbname, db) != 0)
			continue;
		n++;
		cx->gen.mutations = muts;
		cx->gen.features = feats;
		make_pair(cx, seed, k, &a, &b, NULL, NULL);
		st = run_pair(cx, a, b, &r);
		if (strcmp(expect, "pass") == 0 && st != ST_OK)
			sd_buf_printf(failures, "%s seed %llu pair %llu: %s\n%s\n",
			              db, seed, k, stage_names[st],
			              sd_buf_cstr(&r.report));
		if (strcmp(expect, "fail") == 0) {
			(*known)++;
			if (st == ST_OK)
				(*fixed)++;
		}
		sd_buf_free(&r.report);
		sd_schema_free(a);
		sd_schema_free(b);
		cx->gen = saved;
	}
	fclose(f);
	return n;
}

/*
 * testdata/converge/cases/<name>/: a shrunk pair kept as models (a.yaml,
 * b.yaml, written by tools/converge --save) and `expect`, lines of
 * "<db> pass|fail" or "<db> refused TEXT". Replayed through the models
 * loader, so the case stays the same pair whatever happens to the
 * generator. "refused TEXT" asserts the right failure: the upgrade must
 * stop (in its transaction) with an error containing TEXT, as when rows
 * do not fit a narrowed type and converging would mean losing data.
 */
static unsigned run_case_dir(conv_ctx *cx, const char *db, unsigned *known,
                             unsigned *fixed, sd_buf *failures)
{
	const char *root = getenv("SD_SOURCE_ROOT");
	sd_arena *ar = sd_arena_new();
	const char *dir = sd_path_join(ar, root ? root : ".",
	                               "testdata/converge/cases");
	struct dirent **ents = NULL;
	int n, i;
	unsigned ran = 0;

	*known = *fixed = 0;
	n = scandir(dir, &ents, NULL, alphasort);
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		const char *cdir = sd_path_join(ar, dir, name);
		char *exp = NULL, *line;
		size_t len;
		sd_schema *a = NULL, *b = NULL;
		sd_error err = SD_ERROR_INIT;
		const char *want = NULL;
		pair_result r = {ST_OK, SD_BUF_INIT};
		stage st;

		if (name[0] == '.' ||
		    sd_file_read(&exp, &len, sd_path_join(ar, cdir, "expect"),
		                 &err) != SD_OK) {
			sd_error_clear(&err);
			free(ents[i]);
			continue;
		}
		for (line = strtok(exp, "\n"); line; line = strtok(NULL, "\n")) {
			size_t dl = strlen(db);
			if (strncmp(line, db, dl) == 0 && line[dl] == ' ')
				want = sd_arena_strdup(ar, line + dl + 1);
		}
		free(exp);
		free(ents[i]);
		if (!want)
			continue;
		if (sd_models_load(&a, sd_path_join(ar, cdir, "a.yaml"), NULL,
		                   &err) ||
		    sd_models_load(&b, sd_path_join(ar, cdir, "b.yaml"), NULL,
		                   &err)) {
			sd_buf_printf(failures, "case %s: models do not load\n",
			              name);
			put_errors(failures, &err);
			sd_error_clear(&err);
			sd_schema_free(a);
			continue;
		}
		ran++;
		st = run_pair(cx, a, b, &r);
		if (strncmp(want, "pass", 4) == 0 && st != ST_OK)
			sd_buf_printf(failures, "case %s (%s): %s\n%s\n", name, db,
			              stage_names[st], sd_buf_cstr(&r.report));
		if (strncmp(want, "refused ", 8) == 0 &&
		    (st != ST_UP_RUN ||
		     !strstr(sd_buf_cstr(&r.report), want + 8)))
			sd_buf_printf(failures,
			              "case %s (%s): expected the upgrade to be "
			              "refused with \"%s\", got stage %s\n%s\n",
			              name, db, want + 8, stage_names[st],
			              sd_buf_cstr(&r.report));
		if (strncmp(want, "fail", 4) == 0) {
			(*known)++;
			if (st == ST_OK)
				(*fixed)++;
		}
		sd_buf_free(&r.report);
		sd_schema_free(a);
		sd_schema_free(b);
	}
	free(ents);
	sd_arena_free(ar);
	return ran;
}

/* ------------------------------------------------------------------ */
/* Check suite                                                         */
/* ------------------------------------------------------------------ */

START_TEST(gen_is_deterministic)
{
	sd_gen_opts o;
	int pg;

	for (pg = 0; pg < 2; pg++) {
		uint64_t seed;
		sd_gen_opts_default(&o, pg);
		for (seed = 1; seed < 50; seed++) {
			sd_rng r1, r2;
			sd_schema *a1, *a2, *b1, *b2;
			sd_buf d1 = SD_BUF_INIT, d2 = SD_BUF_INIT;
			sd_rng_seed(&r1, seed);
			sd_rng_seed(&r2, seed);
			a1 = sd_gen_schema(&r1, &o);
			a2 = sd_gen_schema(&r2, &o);
			b1 = sd_gen_mutate(&r1, a1, &o, NULL, NULL);
			b2 = sd_gen_mutate(&r2, a2, &o, NULL, NULL);
			sd_schema_dump(&d1, a1);
			sd_schema_dump(&d1, b1);
			sd_schema_dump(&d2, a2);
			sd_schema_dump(&d2, b2);
			ck_assert_str_eq(sd_buf_cstr(&d1), sd_buf_cstr(&d2));
			sd_buf_free(&d1);
			sd_buf_free(&d2);
			sd_schema_free(a1);
			sd_schema_free(a2);
			sd_schema_free(b1);
			sd_schema_free(b2);
		}
	}
}
END_TEST

START_TEST(gen_rng_known_values)
{
	sd_rng r;
	uint64_t first;

	/* pinned: a change here silently re-seeds every stored seed */
	sd_rng_seed(&r, 1);
	first = sd_rng_next(&r);
	ck_assert_uint_eq(first, UINT64_C(0xb3f2af6d0fc710c5));
	ck_assert_uint_eq(sd_rng_mix(1, 2), sd_rng_mix(1, 2));
	ck_assert_uint_ne(sd_rng_mix(1, 2), sd_rng_mix(1, 3));
}
END_TEST

START_TEST(gen_schemas_and_mutations_are_valid)
{
	sd_gen_opts o;
	int pg;

	for (pg = 0; pg < 2; pg++) {
		uint64_t seed;
		sd_gen_opts_default(&o, pg);
		for (seed = 0; seed < 3000; seed++) {
			sd_rng r;
			sd_schema *a, *b;
			sd_buf why = SD_BUF_INIT, log = SD_BUF_INIT, dump = SD_BUF_INIT;
			unsigned applied = 0;
			sd_rng_seed(&r, seed);
			a = sd_gen_schema(&r, &o);
			b = sd_gen_mutate(&r, a, &o, &log, &applied);
			if (!sd_gen_validate(a, pg, &why) ||
			    !sd_gen_validate(b, pg, &why)) {
				sd_schema_dump(&dump, a);
				sd_buf_put(&dump, "---\n");
				sd_schema_dump(&dump, b);
				ck_abort_msg("seed %d/%llu invalid: %s\nmutations:\n%s%s",
				             pg, (unsigned long long)seed,
				             sd_buf_cstr(&why), sd_buf_cstr(&log),
				             sd_buf_cstr(&dump));
			}
			ck_assert_uint_ne(applied, 0);
			ck_assert(a->ntables >= 1);
			sd_buf_free(&why);
			sd_buf_free(&log);
			sd_buf_free(&dump);
			sd_schema_free(a);
			sd_schema_free(b);
		}
	}
}
END_TEST

START_TEST(gen_covers_types_and_mutations)
{
	sd_gen_opts o;
	bool kinds[SD_T__COUNT] = {false};
	unsigned muts = 0, k;
	bool composite = false, self_fk = false, expr_ix = false, partial = false,
	     backfill = false, renamed = false, unlogged = false, with = false,
	     replica = false, storage = false, stats = false;
	uint64_t seed;

	sd_gen_opts_default(&o, true);
	for (seed = 0; seed < 3000; seed++) {
		sd_rng r;
		sd_schema *a, *b;
		unsigned applied = 0;
		size_t i, j;
		sd_rng_seed(&r, seed);
		a = sd_gen_schema(&r, &o);
		b = sd_gen_mutate(&r, a, &o, NULL, &applied);
		muts |= applied;
		for (i = 0; i < b->ntables; i++) {
			const sd_table *t = b->tables[i];
			renamed |= t->renamed_from != NULL;
			unlogged |= t->unlogged;
			with |= t->with.n > 0;
			replica |= t->replica_identity == SD_REPLICA_FULL;
			if (t->primary_key && t->primary_key->columns.n > 1)
				composite = true;
			for (j = 0; j < t->ncolumns; j++) {
				kinds[t->columns[j]->type.kind] = true;
				backfill |= sd_column_x(t->columns[j])->backfill != NULL;
				storage |= sd_column_x(t->columns[j])->storage != 0;
				stats |= sd_column_x(t->columns[j])->statistics_set;
			}
			for (j = 0; j < t->nforeign_keys; j++)
				self_fk |= sd_streq(t->foreign_keys[j]->ref_table,
				                    t->base.name);
			for (j = 0; j < t->nindexes; j++) {
				partial |= t->indexes[j]->where.sql != NULL;
				expr_ix |= t->indexes[j]->keys[0].expression.sql != NULL;
			}
		}
		sd_schema_free(a);
		sd_schema_free(b);
	}
	for (k = SD_T_SMALLINT; k < SD_T__COUNT; k++)
		ck_assert_msg(kinds[k], "type kind %u never generated", k);
	for (k = 0; k < SD_MUT__COUNT; k++)
		ck_assert_msg(muts & (1u << k), "mutation %s never applied",
		              sd_gen_mutation_name(1u << k));
	ck_assert(composite && self_fk && expr_ix && partial && backfill &&
	          renamed);
	ck_assert(unlogged && with && replica && storage && stats);
}
END_TEST

START_TEST(gen_rows_fit_keys)
{
	sd_gen_opts o;
	uint64_t seed;

	sd_gen_opts_default(&o, true);
	for (seed = 0; seed < 500; seed++) {
		sd_rng r;
		sd_schema *a;
		size_t i, j;
		sd_rng_seed(&r, seed);
		a = sd_gen_schema(&r, &o);
		for (i = 0; i < a->ntables; i++)
			for (j = 0; j < a->tables[i]->ncolumns; j++) {
				const sd_table *t = a->tables[i];
				const sd_column *c = t->columns[j];
				const char *v0 = sd_gen_value(a, t, c, 0, true);
				const char *v1 = sd_gen_value(a, t, c, 1, true);
				if (!sd_gen_type_is_key(&c->type))
					continue;
				/* key columns: never NULL, distinct per row */
				ck_assert_ptr_nonnull(v0);
				ck_assert_ptr_nonnull(v1);
				ck_assert_str_ne(v0, v1);
			}
		sd_schema_free(a);
	}
}
END_TEST

START_TEST(gen_shrink_helpers_keep_validity)
{
	sd_gen_opts o;
	uint64_t seed;

	sd_gen_opts_default(&o, true);
	for (seed = 0; seed < 300; seed++) {
		sd_rng r;
		sd_schema *a, *c;
		sd_buf why = SD_BUF_INIT;
		size_t i;
		sd_rng_seed(&r, seed);
		a = sd_gen_schema(&r, &o);
		for (i = 0; i < a->ntables; i++) {
			c = sd_gen_clone(a);
			if (c->tables[i]->ncolumns > 1)
				sd_gen_remove_column(c, c->tables[i], 0);
			ck_assert_msg(sd_gen_validate(c, true, &why), "%s",
			              sd_buf_cstr(&why));
			sd_gen_remove_table(c, i);
			ck_assert_msg(sd_gen_validate(c, true, &why), "%s",
			              sd_buf_cstr(&why));
			sd_schema_free(c);
		}
		sd_buf_free(&why);
		sd_schema_free(a);
	}
}
END_TEST

START_TEST(gen_yaml_loads_back_identically)
{
	sd_gen_opts o;
	int pg;

	for (pg = 0; pg < 2; pg++) {
		uint64_t seed;
		sd_gen_opts_default(&o, pg);
		for (seed = 0; seed < 400; seed++) {
			sd_rng r;
			sd_schema *gen[2], *loaded = NULL;
			sd_error err = SD_ERROR_INIT;
			int i;
			sd_rng_seed(&r, seed);
			gen[0] = sd_gen_schema(&r, &o);
			gen[1] = sd_gen_mutate(&r, gen[0], &o, NULL, NULL);
			for (i = 0; i < 2; i++) {
				sd_buf y = SD_BUF_INIT, d1 = SD_BUF_INIT,
				       d2 = SD_BUF_INIT, e = SD_BUF_INIT;
				sd_gen_write_yaml(&y, gen[i]);
				if (sd_models_load_data(&loaded, y.data, y.len,
				                        "gen.yaml", NULL, &err)) {
					if (err.first)
						sd_diag_format(&e, err.first);
					ck_abort_msg("seed %llu: %s\n%s",
					             (unsigned long long)seed,
					             sd_buf_cstr(&e), sd_buf_cstr(&y));
				}
				sd_schema_dump(&d1, gen[i]);
				sd_schema_dump(&d2, loaded);
				ck_assert_msg(strcmp(sd_buf_cstr(&d1),
				                     sd_buf_cstr(&d2)) == 0,
				              "seed %llu:\n%s---\n%s",
				              (unsigned long long)seed,
				              sd_buf_cstr(&d1), sd_buf_cstr(&d2));
				sd_schema_free(loaded);
				loaded = NULL;
				sd_buf_free(&y);
				sd_buf_free(&d1);
				sd_buf_free(&d2);
				sd_buf_free(&e);
			}
			sd_schema_free(gen[0]);
			sd_schema_free(gen[1]);
		}
	}
}
END_TEST

/* Prints text into the TAP log as comments (it is cut into lines). */
static void print_comments(char *text)
{
	char *line = text, *nl;

	while (line && *line) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		printf("# %s\n", line);
		line = nl ? nl + 1 : NULL;
	}
	fflush(stdout);
}

static void converge_suite(bool postgres, unsigned pairs)
{
	conv_ctx cx;
	run_stats stats;
	sd_buf why = SD_BUF_INIT, failures = SD_BUF_INIT;
	unsigned nseeds, ncases, fixed, known;
	char *out = NULL;
	size_t outlen = 0;
	FILE *mem;

	ctx_init(&cx, postgres, false);
	cx.drv = postgres ? &sd_driver_postgres : &sd_driver_sqlite;
	memset(&stats, 0, sizeof(stats));
	mem = open_memstream(&out, &outlen);
	run_pairs_parallel(&cx, SUITE_SEED, 0, pairs, &stats, mem, 2, false,
	                   postgres ? SUITE_WORKERS_POSTGRES : 1);
	print_summary(mem, &cx, SUITE_SEED, &stats);
	if (postgres && !pg_setup(&cx, &why))
		ck_abort_msg("%s", sd_buf_cstr(&why));
	nseeds = run_seed_file(&cx, postgres ? "postgresql" : "sqlite", &fixed,
	                       &known, &failures);
	fprintf(mem, "regression seeds: %u run, %u known failures, %u of them "
	             "now pass\n",
	        nseeds, known, fixed);
	ncases = run_case_dir(&cx, postgres ? "postgresql" : "sqlite", &known,
	                      &fixed, &failures);
	fprintf(mem, "regression cases: %u run, %u known failures, %u of them "
	             "now pass\n",
	        ncases, known, fixed);
	fclose(mem);
	print_comments(out);
	if (postgres)
		pg_teardown(&cx);
	ck_assert_msg(stats.pairs == pairs, "ran %u pairs", stats.pairs);
	ck_assert_msg(stats.failed == 0,
	              "%u of %u pairs failed (first: pair %llu; the log above "
	              "has the shrunk pairs)",
	              stats.failed, stats.pairs,
	              (unsigned long long)stats.first_failed_pair);
	ck_assert_msg(failures.len == 0, "regression seeds/cases failed:\n%s",
	              sd_buf_cstr(&failures));
	free(out);
	sd_buf_free(&why);
	sd_buf_free(&failures);
}

START_TEST(converge_sqlite_pairs)
{
	converge_suite(false, SUITE_PAIRS_SQLITE);
}
END_TEST

START_TEST(converge_postgres_pairs)
{
	converge_suite(true, SUITE_PAIRS_POSTGRES);
}
END_TEST

/*
 * Portable revisions: pairs of the portable generator (the SQLite one's
 * types and features) whose revisions are generated against one database
 * and run on the other, base to A to B and back to A, the catalog
 * matching the models and the rows kept at every step.
 *
 * `generate` diffs another dialect's sections from the revision files
 * replayed on a scratch database of that dialect (in-memory SQLite, or
 * PostgreSQL on dev_database): from exactly the state the earlier
 * sections of that dialect build, which is the state the database the
 * pair runs on is in. So for replayed sections the pair runs as it would
 * against its own database: every mutation, both dialects
 * (portable_replayed_*). Without a dev database, generate on SQLite lifts
 * the PostgreSQL sections' state from SQLite's catalog (diff/lift.c):
 * portable_sqlite_revisions_lifted_on_postgres runs those, without
 * PORTABLE_OFF_FROM_SQLITE, which generate warns about. The other way
 * round (lifted from PostgreSQL's catalog: only when the revisions do not
 * replay on SQLite) still fails one pair in 150 besides
 * PORTABLE_OFF_FROM_POSTGRES, so it is not part of the suite.
 */
static void portable_suite(bool run_on_postgres, bool lifted, unsigned pairs)
{
	conv_ctx cx;
	run_stats stats;
	char *out = NULL;
	size_t outlen = 0;
	FILE *mem;

	ctx_init(&cx, false, false);
	cx.gen.max_tables = 3;
	cx.gen.max_columns = 4;
	cx.gen.portable = true;
	/* SQLite's triggers with bodies are not portable */
	cx.gen.features &= ~(unsigned)(SD_GEN_BINARY | SD_GEN_SQLITE_LOGIC);
	if (lifted)
		cx.gen.mutations &= ~(unsigned)(run_on_postgres
		                                    ? PORTABLE_OFF_FROM_SQLITE
		                                    : PORTABLE_OFF_FROM_POSTGRES);
	cx.postgres = run_on_postgres;
	cx.drv = run_on_postgres ? &sd_driver_postgres : &sd_driver_sqlite;
	if (lifted)
		cx.gen_on = run_on_postgres ? &sd_driver_sqlite
		                            : &sd_driver_postgres;
	memset(&stats, 0, sizeof(stats));
	mem = open_memstream(&out, &outlen);
	run_pairs_parallel(&cx, SUITE_SEED, 0, pairs, &stats, mem, 2, false,
	                   SUITE_WORKERS_POSTGRES);
	fprintf(mem, "%s on %s: %u pairs, %u failed\n",
	        lifted ? (run_on_postgres ? "lifted from sqlite"
	                                  : "lifted from postgresql")
	               : "replayed",
	        cx.drv->name, stats.pairs, stats.failed);
	fclose(mem);
	print_comments(out);
	ck_assert_msg(stats.pairs == pairs, "ran %u pairs", stats.pairs);
	ck_assert_msg(stats.failed == 0,
	              "%u of %u pairs failed (first: pair %llu; the log above "
	              "has the shrunk pairs)",
	              stats.failed, stats.pairs,
	              (unsigned long long)stats.first_failed_pair);
	free(out);
}

START_TEST(portable_sqlite_revisions_lifted_on_postgres)
{
	portable_suite(true, true, SUITE_PAIRS_PORTABLE);
}
END_TEST

START_TEST(portable_replayed_on_postgres)
{
	portable_suite(true, false, SUITE_PAIRS_PORTABLE);
}
END_TEST

START_TEST(portable_replayed_on_sqlite)
{
	portable_suite(false, false, SUITE_PAIRS_PORTABLE * 4);
}
END_TEST

static Suite *generator_suite(void)
{
	Suite *s = suite_create("converge");

	SD_TEST(s, gen_rng_known_values, 60);
	SD_TEST(s, gen_is_deterministic, 60);
	SD_TEST(s, gen_schemas_and_mutations_are_valid, 120);
	SD_TEST(s, gen_covers_types_and_mutations, 120);
	SD_TEST(s, gen_rows_fit_keys, 60);
	SD_TEST(s, gen_shrink_helpers_keep_validity, 60);
	SD_TEST(s, gen_yaml_loads_back_identically, 120);
	SD_TEST(s, converge_sqlite_pairs, 600);
	SD_TEST(s, portable_replayed_on_sqlite, 600);
	return s;
}

static Suite *postgres_suite(void)
{
	Suite *s = suite_create("converge_postgres");

	SD_TEST(s, converge_postgres_pairs, 600);
	SD_TEST(s, portable_sqlite_revisions_lifted_on_postgres, 600);
	SD_TEST(s, portable_replayed_on_postgres, 600);
	return s;
}

/* ------------------------------------------------------------------ */
/* Long mode (tools/converge)                                          */
/* ------------------------------------------------------------------ */

static int usage(void)
{
	fprintf(stderr,
	        "usage: converge [--db sqlite|postgresql] [--pairs N] [--seed S]\n"
	        "                [--pair K] [--first K] [--mutations LIST|all|0xMASK]\n"
	        "                [--features all|0xMASK] [--reports N] [--no-shrink]\n"
	        "                [--workers N] [--save DIR] [--tables N]\n"
	        "                [--columns N] [--max-mutations N]\n"
	        "mutations: add_table drop_table rename_table add_column\n"
	        "  drop_column rename_column type_widen type_narrow type_cast\n"
	        "  set_not_null drop_not_null set_default drop_default add_index\n"
	        "  drop_index add_unique drop_unique add_check drop_check add_fk\n"
	        "  drop_fk enum_add_value enum_drop_value\n");
	return 2;
}

static int long_mode(int argc, char **argv)
{
	const char *dbname = "sqlite", *mutations = NULL, *features = NULL;
	uint64_t seed = (uint64_t)time(NULL), first = 0;
	long long pair = -1;
	unsigned pairs = 1000, reports = 5, workers = 0;
	unsigned tables = 0, columns = 0, max_mut = 0;
	bool all_features = false, do_shrink = true;
	conv_ctx cx;
	run_stats stats;
	sd_buf why = SD_BUF_INIT;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--db") == 0 && v) {
			dbname = v;
			i++;
		} else if (strcmp(a, "--pairs") == 0 && v) {
			pairs = (unsigned)strtoul(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--seed") == 0 && v) {
			seed = strtoull(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--pair") == 0 && v) {
			pair = strtoll(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--first") == 0 && v) {
			first = strtoull(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--mutations") == 0 && v) {
			mutations = v;
			i++;
		} else if (strcmp(a, "--reports") == 0 && v) {
			reports = (unsigned)strtoul(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--features") == 0 && v) {
			if (strcmp(v, "all") == 0)
				all_features = true;
			else
				features = v;
			i++;
		} else if (strcmp(a, "--workers") == 0 && v) {
			workers = (unsigned)strtoul(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--tables") == 0 && v) {
			tables = (unsigned)strtoul(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--columns") == 0 && v) {
			columns = (unsigned)strtoul(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--max-mutations") == 0 && v) {
			max_mut = (unsigned)strtoul(v, NULL, 10);
			i++;
		} else if (strcmp(a, "--save") == 0 && v) {
			save_dir = v;
			i++;
		} else if (strcmp(a, "--no-shrink") == 0) {
			do_shrink = false;
		} else {
			return usage();
		}
	}
	if (strcmp(dbname, "sqlite") != 0 && strcmp(dbname, "postgresql") != 0)
		return usage();
	ctx_init(&cx, strcmp(dbname, "postgresql") == 0, false);
	cx.drv = cx.postgres ? &sd_driver_postgres : &sd_driver_sqlite;
	if (mutations) {
		unsigned bits;
		if (!sd_gen_mutations_parse(mutations, &bits))
			return usage();
		cx.gen.mutations = bits;
	}
	if (tables)
		cx.gen.max_tables = tables;
	if (columns >= 2)
		cx.gen.max_columns = columns;
	if (max_mut)
		cx.gen.max_mutations = max_mut;
	if (all_features) {
		sd_gen_opts d;
		sd_gen_opts_default(&d, cx.postgres);
		cx.gen.features = d.features;
	} else if (features) {
		char *end;
		cx.gen.features = (unsigned)strtoul(features, &end, 0);
		if (*end)
			return usage();
	}
	memset(&stats, 0, sizeof(stats));
	if (pair >= 0) {
		if (cx.postgres && !pg_setup(&cx, &why)) {
			fprintf(stderr, "converge: %s\n", sd_buf_cstr(&why));
			sd_buf_free(&why);
			return 77;
		}
		report_failure(&cx, stdout, seed, (uint64_t)pair, do_shrink);
		if (cx.postgres)
			pg_teardown(&cx);
	} else {
		if (!workers)
			workers = cx.postgres ? SUITE_WORKERS_POSTGRES : 1;
		fprintf(stderr, "converge %s: %u pairs from seed %" PRIu64
		                ", %u worker(s)\n",
		        dbname, pairs, seed, workers);
		cx.no_shrink = !do_shrink;
		run_pairs_parallel(&cx, seed, first, pairs, &stats, stdout,
		                   reports, true, workers);
		print_summary(stdout, &cx, seed, &stats);
	}
	sd_buf_free(&why);
	return stats.failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--suite") == 0) {
		if (strcmp(argv[2], "postgresql") == 0) {
			conv_ctx probe;
			sd_buf why = SD_BUF_INIT;
			ctx_init(&probe, true, false);
			if (!pg_setup(&probe, &why)) {
				int rc = sd_test_skip_all(sd_buf_cstr(&why));
				sd_buf_free(&why);
				return rc;
			}
			pg_teardown(&probe);
			return sd_test_run(postgres_suite());
		}
		return sd_test_run(generator_suite());
	}
	if (argc > 1)
		return long_mode(argc, argv);
	return sd_test_run(generator_suite());
}
