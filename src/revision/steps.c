/*
 * steps.c - revisions in steps: PostgreSQL's online forms need statements
 * that cannot share the revision's transaction (CREATE INDEX
 * CONCURRENTLY), validations that must not hold the lock of the statement
 * before them, and updates too big for one transaction. Such a revision
 * says `transaction: steps` in its header and cuts its sections with
 * marker lines:
 *
 *   -- schemadiff:upgrade
 *   ALTER TABLE "users" ADD COLUMN "nick" TEXT;          (step 1: one
 *   ALTER TABLE "orders" ADD CONSTRAINT ... NOT VALID;     transaction)
 *
 *   -- schemadiff:step nontransactional                  (step 2: each
 *   CREATE INDEX CONCURRENTLY "ix" ON "users" ("email");   statement on
 *                                                          its own)
 *   -- schemadiff:step batch                             (step 3: one
 *   UPDATE "users" SET "nick" = "name" WHERE "nick" IS NULL;  UPDATE, in
 *                                                          batches)
 *   -- schemadiff:step                                   (step 4: a
 *   ALTER TABLE "orders" VALIDATE CONSTRAINT "fk";         transaction)
 *
 * Each finished step is recorded in the bookkeeping table
 * "<version table>_steps" in the transaction that finishes it (a
 * statement outside a transaction: right after it; a batch: with each
 * batch), so a run stopped by an error, a lock timeout or SIGKILL
 * continues with the first unfinished step and never repeats a finished
 * one. The version row is written last, in a transaction of its own that
 * also clears the revision's step rows. The whole revision holds the
 * session-level upgrade lock, which needs a direct connection (not a
 * transaction pooler), as CONCURRENTLY does anyway.
 */
#include "revision/revision.h"
#include "revision/run.h"
#include "revision/testhook.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sd_step_kind_name(sd_step_kind k)
{
	switch (k) {
	case SD_STEP_NONTRANSACTIONAL:
		return SD_STEP_WORD_NONTX;
	case SD_STEP_BATCHED:
		return SD_STEP_WORD_BATCH;
	default:
		return "transaction";
	}
}

/* ------------------------------------------------------------------ */
/* Reading steps                                                       */
/* ------------------------------------------------------------------ */

/* The line of text[pos] (1-based) in a section starting at first_line. */
static int line_of(const char *text, size_t pos, int first_line)
{
	int line = first_line;
	size_t i;

	for (i = 0; i < pos; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/* Appends the statements of text[from, to) as step kind, unless there are
 * none. */
static void add_step(sd_vec *steps, sd_arena *a, const char *text,
                     size_t from, size_t to, int first_line, int marker_line,
                     sd_step_kind kind, sd_sql_lang lang)
{
	sd_rev_step *st = sd_arena_alloc(a, sizeof(*st));
	char *chunk = sd_arena_strndup(a, text + from, to - from);
	int base = line_of(text, from, first_line);
	size_t i;

	st->kind = kind;
	st->line = marker_line;
	st->n = sd_sql_split(&st->stmts, &st->lines, a, chunk, lang);
	for (i = 0; i < st->n; i++)
		st->lines[i] += base - 1;
	if (st->n)
		sd_vec_push(a, steps, st);
}

int sd_rev_steps(sd_rev_step **out, size_t *nsteps, sd_arena *a,
                 const sd_revision *r, const char *section, int first_line,
                 sd_sql_lang lang, sd_error *err)
{
	size_t len = strlen(section), from = 0, mlen = strlen(SD_STEP_MARKER), i;
	sd_step_kind kind = r->no_transaction ? SD_STEP_NONTRANSACTIONAL
	                                      : SD_STEP_TRANSACTION;
	int marker_line = 0;
	sd_vec steps = {0};
	sd_lexer lx;
	sd_token t;

	sd_lex_init(&lx, section, len, lang, SD_LEX_COMMENTS);
	while (sd_lex_next(&lx, &t)) {
		size_t at = (size_t)(t.s - section);
		const char *rest;
		char word[32];
		size_t w = 0;
		if (t.kind != SD_TOK_COMMENT || t.n < mlen ||
		    strncmp(t.s, SD_STEP_MARKER, mlen) != 0 ||
		    (t.n > mlen && t.s[mlen] != ' ' && t.s[mlen] != '\t' &&
		     t.s[mlen] != '\r'))
			continue;
		if (!r->steps)
			return sd_error_add(err, SD_EINPUT, r->path,
			                    line_of(section, at, first_line), 0,
			                    NULL,
			                    "a step marker in a revision whose header does not say 'transaction: steps'");
		add_step(&steps, a, section, from, at, first_line, marker_line,
		         kind, lang);
		marker_line = line_of(section, at, first_line);
		for (rest = t.s + mlen; rest < t.s + t.n &&
		                        (*rest == ' ' || *rest == '\t');
		     rest++)
			;
		while (rest + w < t.s + t.n && rest[w] != ' ' &&
		       rest[w] != '\t' && rest[w] != '\r' && w + 1 < sizeof(word)) {
			word[w] = rest[w];
			w++;
		}
		word[w] = '\0';
		if (!*word)
			kind = SD_STEP_TRANSACTION;
		else if (strcmp(word, SD_STEP_WORD_NONTX) == 0)
			kind = SD_STEP_NONTRANSACTIONAL;
		else if (strcmp(word, SD_STEP_WORD_BATCH) == 0)
			kind = SD_STEP_BATCHED;
		else
			return sd_error_add(err, SD_EINPUT, r->path, marker_line, 0,
			                    NULL,
			                    "unknown step kind '%s' (a step is a transaction unless it says '%s' or '%s')",
			                    word, SD_STEP_WORD_NONTX,
			                    SD_STEP_WORD_BATCH);
		from = at + t.n;
	}
	add_step(&steps, a, section, from, len, first_line, marker_line, kind,
	         lang);
	for (i = 0; i < steps.n; i++) {
		const sd_rev_step *st = steps.items[i];
		if (st->kind == SD_STEP_BATCHED && st->n != 1)
			return sd_error_add(err, SD_EINPUT, r->path, st->line, 0,
			                    NULL,
			                    "a batch step holds one UPDATE statement, this one has %zu",
			                    st->n);
	}
	*out = sd_arena_alloc(a, (steps.n + 1) * sizeof(**out));
	for (i = 0; i < steps.n; i++)
		(*out)[i] = *(sd_rev_step *)steps.items[i];
	*nsteps = steps.n;
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* The bookkeeping table                                               */
/* ------------------------------------------------------------------ */

const char *sd_version_steps_table(sd_arena *a, const char *table)
{
	return sd_arena_printf(a, "%s_steps", table);
}

/* What the table holds for one step. */
typedef struct progress {
	bool found;
	bool done;
	long long position; /* statements finished (nontransactional) */
	sd_batch batch;     /* batch steps */
	const char *checksum;
} progress;

/* The columns of the table; the first three are its key. */
static const struct {
	const char *name, *type;
} progress_cols[] = {
	{"revision", "VARCHAR(32) NOT NULL"}, {"operation", "VARCHAR(16) NOT NULL"},
	{"step", "INTEGER NOT NULL"},         {"state", "VARCHAR(16) NOT NULL"},
	{"position", "BIGINT NOT NULL"},      {"pass", "INTEGER NOT NULL"},
	{"until_page", "BIGINT NOT NULL"},    {"pages", "BIGINT NOT NULL"},
	{"total", "BIGINT NOT NULL"},         {"checksum", "VARCHAR(64)"},
	{"updated_at", "VARCHAR(32) NOT NULL"},
};
#define NKEY 3
#define NCOLS SD_ARRAY_LEN(progress_cols)

/* Appends the column names from..to (exclusive), comma-separated, each
 * followed by its type when typed. */
static void put_cols(sd_buf *out, const sd_dialect *d, size_t from,
                     size_t to, bool typed)
{
	size_t i;

	for (i = from; i < to; i++) {
		sd_buf_put(out, i > from ? ", " : "");
		d->quote_ident(out, progress_cols[i].name);
		if (typed)
			sd_buf_printf(out, " %s", progress_cols[i].type);
	}
}

/* "<verb> table (<every column>", typed or not. */
static void table_cols(sd_buf *out, const sd_dialect *d, const char *verb,
                       const char *table, bool typed)
{
	sd_buf_put(out, verb);
	d->quote_ident(out, table);
	sd_buf_put(out, " (");
	put_cols(out, d, 0, NCOLS, typed);
}

static int ensure_table(sd_db *db, const char *table, sd_error *err)
{
	const sd_dialect *d = sd_db_dialect(db);
	sd_buf sql = SD_BUF_INIT;
	int rc;

	table_cols(&sql, d, "CREATE TABLE IF NOT EXISTS ", table, true);
	sd_buf_put(&sql, ", PRIMARY KEY (");
	put_cols(&sql, d, 0, NKEY, false);
	sd_buf_put(&sql, "))");
	rc = sd_db_exec(db, sd_buf_cstr(&sql), err);
	sd_buf_free(&sql);
	return rc;
}

/*
 * "SELECT step, state, ... FROM table WHERE revision = $1 AND operation =
 * $2" (select) or "DELETE FROM table WHERE <the first nkeys key columns>",
 * run with params bound.
 */
static int by_keys(sd_db *db, const char *table, bool select,
                   const char *const *params, size_t nkeys, sd_rows **rows,
                   sd_error *err)
{
	const sd_dialect *d = sd_db_dialect(db);
	sd_buf sql = SD_BUF_INIT;
	size_t i;
	int rc;

	if (select) {
		sd_buf_put(&sql, "SELECT ");
		put_cols(&sql, d, NKEY - 1, NCOLS, false);
		sd_buf_put(&sql, " FROM ");
	} else {
		sd_buf_put(&sql, "DELETE FROM ");
	}
	d->quote_ident(&sql, table);
	for (i = 0; i < nkeys; i++) {
		sd_buf_put(&sql, i ? " AND " : " WHERE ");
		d->quote_ident(&sql, progress_cols[i].name);
		sd_buf_printf(&sql, " = $%zu", i + 1);
	}
	rc = sd_db_query(db, sd_buf_cstr(&sql), params, nkeys, rows, err);
	sd_buf_free(&sql);
	return rc;
}

/* The rows of r's run in this direction into prog[step - 1]. */
static int progress_read(sd_db *db, const char *table, const sd_revision *r,
                         const char *operation, progress *prog, size_t n,
                         sd_arena *a, sd_error *err)
{
	const char *params[2] = {r->id, operation};
	sd_rows *rows = NULL;
	size_t i;
	int rc = by_keys(db, table, true, params, 2, &rows, err);

	for (i = 0; !rc && i < rows->nrows; i++) {
		long step = atol(sd_rows_get(rows, i, 0));
		progress *p;
		if (step < 1 || (size_t)step > n)
			continue;
		p = &prog[step - 1];
		p->found = true;
		p->done = sd_streq(sd_rows_get(rows, i, 1), "done");
		p->position = atoll(sd_rows_get(rows, i, 2));
		p->batch.position = p->position;
		p->batch.pass = atoi(sd_rows_get(rows, i, 3));
		p->batch.until = atoll(sd_rows_get(rows, i, 4));
		p->batch.pages = atoll(sd_rows_get(rows, i, 5));
		p->batch.total = atoll(sd_rows_get(rows, i, 6));
		p->checksum = sd_arena_strdup(a, sd_rows_get(rows, i, 7));
	}
	sd_rows_free(rows);
	return rc;
}

static int progress_clear(sd_db *db, const char *table, const sd_revision *r,
                          const char *operation, sd_error *err)
{
	const char *params[2] = {r->id, operation};

	return by_keys(db, table, false, params, 2, NULL, err);
}

/* Replaces step's row with p (inside the caller's transaction). */
static int progress_write(sd_db *db, const char *table, const sd_revision *r,
                          const char *operation, size_t step,
                          const progress *p, const char *checksum,
                          sd_error *err)
{
	const sd_dialect *d = sd_db_dialect(db);
	sd_buf sql = SD_BUF_INIT;
	char nums[6][32], now[32];
	const char *params[NCOLS];
	size_t i;
	int rc;

	snprintf(nums[0], sizeof(nums[0]), "%zu", step);
	snprintf(nums[1], sizeof(nums[1]), "%lld",
	         p->batch.pass ? p->batch.position : p->position);
	snprintf(nums[2], sizeof(nums[2]), "%d", p->batch.pass);
	snprintf(nums[3], sizeof(nums[3]), "%lld", p->batch.until);
	snprintf(nums[4], sizeof(nums[4]), "%lld", p->batch.pages);
	snprintf(nums[5], sizeof(nums[5]), "%lld", p->batch.total);
	sd_rev_now(now);
	params[0] = r->id;
	params[1] = operation;
	params[2] = nums[0];
	params[3] = p->done ? "done" : "started";
	for (i = 1; i <= 5; i++)
		params[3 + i] = nums[i];
	params[9] = checksum;
	params[10] = now;
	rc = by_keys(db, table, false, params, NKEY, NULL, err);
	if (rc)
		goto done;
	table_cols(&sql, d, "INSERT INTO ", table, false);
	sd_buf_put(&sql, ") VALUES (");
	for (i = 0; i < NCOLS; i++)
		sd_buf_printf(&sql, "%s$%zu", i ? ", " : "", i + 1);
	sd_buf_putc(&sql, ')');
	rc = sd_db_query(db, sd_buf_cstr(&sql), params, NCOLS, NULL, err);
done:
	sd_buf_free(&sql);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */
/* ------------------------------------------------------------------ */

/* What one run of a revision's steps works with. */
typedef struct steps_run {
	sd_db *db;
	const sd_revision *r;
	bool upgrade;
	const char *operation; /* "upgrade" | "downgrade" */
	const sd_runner_opts *opts;
	const char *table;     /* the steps table */
	const char *checksum;  /* of the revision file */
	sd_rev_step *steps;
	size_t n;
	progress *prog;
	sd_arena *a;
} steps_run;

static void note(const steps_run *s, const char *fmt, ...) SD_PRINTF(2, 3);

static void note(const steps_run *s, const char *fmt, ...)
{
	sd_buf b = SD_BUF_INIT;
	va_list ap;

	if (!s->opts->on_note)
		return;
	va_start(ap, fmt);
	sd_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	s->opts->on_note(s->opts->ctx, sd_buf_cstr(&b));
	sd_buf_free(&b);
}

/* Writes step i's progress in a transaction of its own. */
static int record_alone(steps_run *s, size_t i, sd_error *err)
{
	sd_error ignore = SD_ERROR_INIT;
	int rc = s->db->driver->begin(s->db, err);

	if (rc)
		return rc;
	rc = progress_write(s->db, s->table, s->r, s->operation, i + 1,
	                    &s->prog[i], s->checksum, err);
	if (rc) {
		s->db->driver->rollback(s->db, &ignore);
		sd_error_clear(&ignore);
		return rc;
	}
	return sd_run_commit(s->db, s->r, err);
}

/*
 * One transaction of a step: begin, the lock timeout, body(), the step's
 * progress, commit; a lock timeout goes again while tries are left. body
 * runs the statements; it updates s->prog[i] for the record.
 */
typedef int (*tx_body)(steps_run *s, size_t i, sd_run_try *t, void *arg,
                       sd_error *err);

static int in_transaction(steps_run *s, size_t i, tx_body body, void *arg,
                          sd_error *err)
{
	const sd_db_driver *drv = s->db->driver;
	sd_run_try t;
	progress saved = s->prog[i];
	int rc;

	memset(&t, 0, sizeof(t));
	for (;;) {
		sd_error attempt = SD_ERROR_INIT, ignore = SD_ERROR_INIT;
		bool in_tx = false;
		sd_run_try_begin(&t, s->db, s->opts);
		s->prog[i] = saved;
		rc = drv->begin(s->db, &attempt);
		in_tx = rc == SD_OK;
		if (!rc)
			rc = sd_run_lock_timeout(&t, s->db, s->opts, &attempt);
		if (!rc)
			rc = body(s, i, &t, arg, &attempt);
		if (!rc)
			rc = progress_write(s->db, s->table, s->r, s->operation,
			                    i + 1, &s->prog[i], s->checksum,
			                    &attempt);
		if (!rc) {
			in_tx = false;
			rc = sd_run_commit(s->db, s->r, &attempt);
		}
		if (in_tx)
			drv->rollback(s->db, &ignore);
		sd_error_clear(&ignore);
		if (!sd_run_again(&t, rc, s->db, s->r, s->opts, &attempt, err))
			return rc;
	}
}

static int tx_statements(steps_run *s, size_t i, sd_run_try *t, void *arg,
                         sd_error *err)
{
	const sd_rev_step *st = &s->steps[i];
	size_t k;
	int rc = SD_OK;

	(void)arg;
	for (k = 0; k < st->n && !rc; k++)
		rc = sd_run_exec(t, s->db, s->r, st->stmts[k], st->lines[k],
		                 s->upgrade, s->opts, err);
	s->prog[i].done = true;
	return rc;
}

static int tx_batch(steps_run *s, size_t i, sd_run_try *t, void *arg,
                    sd_error *err)
{
	const sd_rev_step *st = &s->steps[i];
	sd_error dberr = SD_ERROR_INIT;
	sd_batch *b = &s->prog[i].batch;
	int rc;

	(void)arg;
	rc = s->db->driver->batch(s->db, st->stmts[0], b, &dberr);
	if (rc) {
		sd_run_try_failed(t, st->stmts[0], st->lines[0]);
		t->timed_out = s->db->driver->lock_timed_out &&
		               s->db->driver->lock_timed_out(s->db);
		return sd_run_fail_in_file(err, &dberr, s->r, st->lines[0],
		                           s->operation);
	}
	s->prog[i].done = b->done;
	return SD_OK;
}

/* A batch step: batches until the driver says the pages are covered,
 * each batch and its position committed together. */
static int run_batches(steps_run *s, size_t i, sd_error *err)
{
	const sd_rev_step *st = &s->steps[i];
	sd_batch *b = &s->prog[i].batch;
	long long batches = 0;
	int rc = SD_OK;

	b->target = s->opts->batch_size > 0 ? s->opts->batch_size : 10000;
	if (s->opts->on_statement)
		s->opts->on_statement(s->opts->ctx, st->stmts[0]);
	if (b->pass)
		note(s, "revision %s: batch step %zu resumes at page %lld of "
		        "pass %d (%lld rows done)",
		     s->r->id, i + 1, b->position, b->pass, b->total);
	while (!rc && !s->prog[i].done) {
		rc = in_transaction(s, i, tx_batch, NULL, err);
		batches++;
	}
	if (!rc)
		note(s, "revision %s: batch step %zu updated %lld rows in %lld "
		        "batches",
		     s->r->id, i + 1, b->total, batches);
	return rc;
}

/* One statement of a step outside a transaction, with the session's
 * lock timeout unless it is a CONCURRENTLY form. */
static int nontx_statement(steps_run *s, size_t i, size_t k, bool resuming,
                           sd_error *err)
{
	const sd_db_driver *drv = s->db->driver;
	const sd_rev_step *st = &s->steps[i];
	sd_run_try t;
	bool skip = false, concurrent = false;
	const char *why = NULL;
	int rc;

	memset(&t, 0, sizeof(t));
	if (drv->nontx_prepare) {
		rc = drv->nontx_prepare(s->db, st->stmts[k], resuming, s->a,
		                        &skip, &concurrent, &why, err);
		if (rc)
			return rc;
		if (why)
			note(s, "revision %s: %s", s->r->id, why);
		if (skip)
			return SD_OK;
	}
	for (;;) {
		sd_error attempt = SD_ERROR_INIT, ignore = SD_ERROR_INIT;
		sd_run_try_begin(&t, s->db, s->opts);
		t.lock_timeout = t.lock_timeout && !concurrent;
		rc = t.lock_timeout ? drv->lock_timeout(s->db,
		                                        s->opts->lock_timeout_ms,
		                                        false, &attempt)
		                    : SD_OK;
		if (!rc)
			rc = sd_run_exec(&t, s->db, s->r, st->stmts[k],
			                 st->lines[k], s->upgrade, s->opts,
			                 &attempt);
		if (t.lock_timeout)
			drv->lock_timeout(s->db, -1, false, &ignore);
		sd_error_clear(&ignore);
		if (!sd_run_again(&t, rc, s->db, s->r, s->opts, &attempt, err))
			return rc;
	}
}

/* A step outside a transaction: marked started, then each statement
 * with its count recorded after it. */
static int run_nontx(steps_run *s, size_t i, sd_error *err)
{
	const sd_rev_step *st = &s->steps[i];
	progress *p = &s->prog[i];
	bool started = p->found;
	size_t k;
	int rc = SD_OK;

	if (!started)
		rc = record_alone(s, i, err);
	for (k = (size_t)p->position; !rc && k < st->n; k++) {
		rc = nontx_statement(s, i, k, started && k == (size_t)p->position,
		                     err);
		if (rc)
			break;
		p->position = (long long)k + 1;
		p->done = k + 1 == st->n;
		rc = record_alone(s, i, err);
	}
	return rc;
}

/* The last transaction: the version rows, the log, and the step rows
 * gone, together. */
static int finish(steps_run *s, const sd_rev_graph *g, sd_error *err)
{
	const sd_db_driver *drv = s->db->driver;
	sd_revision **cur;
	size_t ncur;
	sd_error ignore = SD_ERROR_INIT;
	int rc = drv->begin(s->db, err);

	if (rc)
		return rc;
	rc = sd_runner_current(&cur, &ncur, s->a, s->db, g,
	                       s->opts->version_table, err);
	if (!rc)
		rc = sd_run_record(s->db, s->r, s->upgrade,
		                   sd_rev_graph_closure(g, s->a, cur, ncur),
		                   s->opts, s->a, err);
	if (!rc)
		rc = progress_clear(s->db, s->table, s->r, s->operation, err);
	if (rc) {
		drv->rollback(s->db, &ignore);
		sd_error_clear(&ignore);
		return rc;
	}
	return sd_run_commit(s->db, s->r, err);
}

/*
 * Under the lock, in one transaction: whether r still needs running, the
 * steps table, and what it says of r. A file edited since its first
 * steps ran is refused: the step numbers would no longer mean the same.
 */
static int start(steps_run *s, const sd_rev_graph *g, bool *skipped,
                 sd_error *err)
{
	const sd_db_driver *drv = s->db->driver;
	sd_revision **cur;
	size_t ncur, i, done = 0;
	bool *applied;
	sd_error ignore = SD_ERROR_INIT;
	int rc = drv->begin(s->db, err);

	if (rc)
		return rc;
	rc = sd_runner_current(&cur, &ncur, s->a, s->db, g,
	                       s->opts->version_table, err);
	if (rc)
		goto done;
	applied = sd_rev_graph_closure(g, s->a, cur, ncur);
	if (s->upgrade ? applied[s->r->topo] : !applied[s->r->topo]) {
		*skipped = true;
		goto done;
	}
	rc = sd_run_check_order(s->r, s->upgrade, applied, err);
	if (!rc)
		rc = ensure_table(s->db, s->table, err);
	if (!rc)
		rc = progress_read(s->db, s->table, s->r, s->operation, s->prog,
		                   s->n, s->a, err);
	for (i = 0; !rc && i < s->n; i++) {
		if (!s->prog[i].found)
			continue;
		if (!sd_streq(s->prog[i].checksum, s->checksum)) {
			rc = sd_error_add(err, SD_ERUNTIME, s->r->path, 0, 0,
			                  NULL,
			                  "revision %s changed since its first steps ran: its %s stopped after step %zu of the file as it was then",
			                  s->r->id, s->operation, i + 1);
			sd_error_hint(err, "put the file back as it was and run again; or, if the database is known to match, delete the revision's rows from %s",
			              s->table);
			goto done;
		}
		if (s->prog[i].done)
			done++;
	}
	if (done)
		note(s, "revision %s: %zu of %zu steps finished in an earlier run; resuming",
		     s->r->id, done, s->n);
	if (!rc) {
		rc = drv->commit(s->db, err);
		if (!rc)
			return rc;
	}
done:
	drv->rollback(s->db, &ignore);
	sd_error_clear(&ignore);
	return rc;
}

int sd_run_steps(sd_db *db, const sd_rev_graph *g, sd_revision *r,
                 bool upgrade, const sd_runner_opts *opts, bool *skipped,
                 sd_error *err)
{
	const sd_db_driver *drv = db->driver;
	steps_run s;
	char *up = NULL, *down = NULL;
	int up_line = 0, down_line = 0, rc;
	bool locked = false;
	size_t i;

	memset(&s, 0, sizeof(s));
	*skipped = false;
	s.db = db;
	s.r = r;
	s.upgrade = upgrade;
	s.operation = upgrade ? "upgrade" : "downgrade";
	s.opts = opts;
	s.a = sd_arena_new();
	s.table = sd_version_steps_table(s.a, opts->version_table);
	s.checksum = sd_rev_file_checksum(s.a, r->path);
	rc = sd_rev_read_body_for(&up, &down, &up_line, &down_line, r,
	                          sd_db_dialect(db)->name, err);
	if (!rc)
		rc = sd_rev_steps(&s.steps, &s.n, s.a, r, upgrade ? up : down,
		                  upgrade ? up_line : down_line,
		                  sd_sql_lang_of(drv->name), err);
	if (rc)
		goto done;
	s.prog = sd_arena_alloc(s.a, (s.n + 1) * sizeof(*s.prog));
	if (drv->session_lock) {
		rc = drv->session_lock(db, true, err);
		if (rc)
			goto done;
		locked = true;
	}
	rc = start(&s, g, skipped, err);
	for (i = 0; !rc && !*skipped && i < s.n; i++) {
		if (s.prog[i].done)
			continue;
		switch (s.steps[i].kind) {
		case SD_STEP_NONTRANSACTIONAL:
			rc = run_nontx(&s, i, err);
			break;
		case SD_STEP_BATCHED:
			rc = run_batches(&s, i, err);
			break;
		default:
			rc = in_transaction(&s, i, tx_statements, NULL, err);
			break;
		}
		if (rc && i)
			sd_error_hint(err, "the steps before step %zu (of %zu) are done and recorded; running the command again resumes at step %zu",
			              i + 1, s.n, i + 1);
	}
	if (!rc && !*skipped)
		rc = finish(&s, g, err);
done:
	if (locked)
		rc = sd_run_session_unlock(db, rc, err);
	free(up);
	free(down);
	sd_arena_free(s.a);
	return rc;
}

int sd_run_steps_check(sd_db *db, sd_arena *a, const sd_revision *r,
                       const char *section, int first_line, sd_error *err)
{
	sd_rev_step *steps;
	size_t n, i;
	int rc = sd_rev_steps(&steps, &n, a, r, section, first_line,
	                      sd_sql_lang_of(db->driver->name), err);

	for (i = 0; !rc && i < n; i++) {
		sd_error why = SD_ERROR_INIT;
		if (steps[i].kind != SD_STEP_BATCHED || !db->driver->batch ||
		    !db->driver->batch(db, steps[i].stmts[0], NULL, &why))
			continue;
		rc = sd_error_add(err, SD_EINPUT, r->path, steps[i].lines[0], 0,
		                  NULL, "%s",
		                  why.first ? why.first->message : "bad batch step");
		sd_error_clear(&why);
	}
	return rc;
}

int sd_run_steps_pending(sd_db *db, sd_arena *a, const sd_rev_path *path,
                         const sd_runner_opts *opts, sd_error *err)
{
	const char *table = sd_version_steps_table(a, opts->version_table);
	const sd_dialect *d = sd_db_dialect(db);
	sd_buf sql = SD_BUF_INIT;
	sd_rows *rows = NULL;
	bool exists = false;
	size_t i;
	int rc = db->driver->table_exists(db, NULL, table, &exists, err);

	if (rc || !exists || !db->driver->batch)
		return rc;
	sd_buf_put(&sql, "SELECT ");
	put_cols(&sql, d, 0, 2, false);
	sd_buf_put(&sql, ", count(*) FROM ");
	d->quote_ident(&sql, table);
	sd_buf_put(&sql, " GROUP BY 1, 2 ORDER BY 1, 2");
	rc = sd_db_query(db, sd_buf_cstr(&sql), NULL, 0, &rows, err);
	for (i = 0; !rc && i < rows->nrows; i++) {
		const char *id = sd_rows_get(rows, i, 0);
		const char *op = sd_rows_get(rows, i, 1);
		bool up = sd_streq(op, "upgrade");
		if (path->n && sd_streq(path->revs[0]->id, id) &&
		    up == path->upgrade)
			continue;
		rc = sd_error_set(err, SD_ERUNTIME,
		                  "revision %s is part-way through its %s (%s steps recorded in %s); finish that first",
		                  id, op, sd_rows_get(rows, i, 2), table);
		sd_error_hint(err, "run `schemadiff %s` to complete it",
		              up ? sd_arena_printf(a, "upgrade %s", id)
		                 : "downgrade -1");
	}
	sd_rows_free(rows);
	sd_buf_free(&sql);
	return rc;
}
