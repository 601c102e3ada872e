/*
 * runner.c - the version table and the runner that applies revisions.
 *
 * The version table holds one row per applied head, as in Alembic:
 * applying a revision replaces its parents' rows by its own, so a merge
 * replaces several; reverting a merge restores its parents. The applied set
 * is always "every ancestor of a row", never stored.
 */
#include "revision/revision.h"
#include "revision/lint.h"
#include "revision/run.h"
#include "revision/testhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* Version table                                                       */
/* ------------------------------------------------------------------ */

void sd_version_table_ddl(sd_buf *out, const sd_dialect *d,
                          const char *table)
{
	sd_buf_put(out, "CREATE TABLE IF NOT EXISTS ");
	d->quote_ident(out, table);
	sd_buf_put(out, " (");
	d->quote_ident(out, "revision");
	sd_buf_put(out, " VARCHAR(32) NOT NULL PRIMARY KEY)");
}

const char *sd_version_log_table(sd_arena *a, const char *table)
{
	return sd_arena_printf(a, "%s_log", table);
}

void sd_version_log_ddl(sd_buf *out, const sd_dialect *d, const char *table)
{
	sd_arena *a = sd_arena_new();

	sd_buf_put(out, "CREATE TABLE IF NOT EXISTS ");
	d->quote_ident(out, sd_version_log_table(a, table));
	sd_buf_put(out, " (");
	d->quote_ident(out, "revision");
	sd_buf_put(out, " VARCHAR(32) NOT NULL, ");
	d->quote_ident(out, "operation");
	sd_buf_put(out, " VARCHAR(16) NOT NULL, ");
	d->quote_ident(out, "checksum");
	sd_buf_put(out, " VARCHAR(64), ");
	d->quote_ident(out, "applied_at");
	sd_buf_put(out, " VARCHAR(32) NOT NULL)");
	sd_arena_free(a);
}

/*
 * The log row of one step: revision, operation ("upgrade", "downgrade",
 * "stamp"), the file's SHA-256 and the UTC time. Bound ($1..$4) when
 * literals is NULL, else spelled with the literals (for --sql).
 */
static void log_stmt(sd_buf *out, const sd_dialect *d, const char *table,
                     const char *const *literals)
{
	sd_arena *a = sd_arena_new();
	static const char *const cols[] = {"revision", "operation", "checksum",
	                                   "applied_at"};
	size_t i;

	sd_buf_put(out, "INSERT INTO ");
	d->quote_ident(out, sd_version_log_table(a, table));
	sd_buf_put(out, " (");
	for (i = 0; i < 4; i++) {
		if (i)
			sd_buf_put(out, ", ");
		d->quote_ident(out, cols[i]);
	}
	sd_buf_put(out, ") VALUES (");
	for (i = 0; i < 4; i++) {
		if (i)
			sd_buf_put(out, ", ");
		if (!literals)
			sd_buf_printf(out, "$%zu", i + 1);
		else if (literals[i])
			d->quote_literal(out, literals[i]);
		else
			sd_buf_put(out, "NULL");
	}
	sd_buf_putc(out, ')');
	sd_arena_free(a);
}

static int log_step(sd_db *db, const char *table, const char *id,
                    const char *operation, const char *checksum,
                    sd_error *err)
{
	sd_buf sql = SD_BUF_INIT;
	char now[32];
	const char *params[4];
	int rc;

	sd_rev_now(now);
	params[0] = id;
	params[1] = operation;
	params[2] = checksum;
	params[3] = now;
	log_stmt(&sql, sd_db_dialect(db), table, NULL);
	rc = db->driver->query(db, sd_buf_cstr(&sql), params, 4, NULL, err);
	sd_buf_free(&sql);
	return rc;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int sd_version_read(const char ***ids, size_t *n, sd_arena *a, sd_db *db,
                    const char *table, sd_error *err)
{
	const sd_db_driver *drv = db->driver;
	sd_buf sql = SD_BUF_INIT;
	sd_rows *rows = NULL;
	bool exists = false;
	size_t i;
	int rc;

	*ids = NULL;
	*n = 0;
	rc = drv->table_exists(db, NULL, table, &exists, err);
	if (rc || !exists)
		goto done;
	sd_buf_put(&sql, "SELECT ");
	sd_db_dialect(db)->quote_ident(&sql, "revision");
	sd_buf_put(&sql, " FROM ");
	sd_db_dialect(db)->quote_ident(&sql, table);
	{
		/* The table is there but cannot be read as ours: a table of
		 * the same name that is not a version table is bad input. */
		sd_error local = SD_ERROR_INIT;
		rc = drv->query(db, sd_buf_cstr(&sql), NULL, 0, &rows, &local);
		if (rc) {
			rc = sd_error_set(err, SD_EINPUT,
			                  "table '%s' is not a schemadiff version "
			                  "table: %s",
			                  table,
			                  local.first ? local.first->message : "");
			sd_error_hint(err, "its rows must be in a column "
			                   "'revision'; set version_table in the "
			                   "config to use another name");
			sd_error_clear(&local);
			goto done;
		}
	}
	*ids = sd_arena_alloc(a, (rows->nrows + 1) * sizeof(char *));
	for (i = 0; i < rows->nrows; i++) {
		const char *v = sd_rows_get(rows, i, 0);
		if (v)
			(*ids)[(*n)++] = sd_arena_strdup(a, v);
	}
	qsort(*ids, *n, sizeof(char *), cmp_cstr);
done:
	sd_rows_free(rows);
	sd_buf_free(&sql);
	return rc;
}

int sd_version_edited(sd_revision ***out, size_t *nout, sd_arena *a,
                      sd_db *db, const sd_rev_graph *g, const char *table,
                      sd_revision *const *current, size_t ncurrent,
                      sd_error *err)
{
	sd_rev_state *st;
	size_t i;
	int rc = sd_rev_status(&st, a, db, g, table, current, ncurrent, err);

	*out = NULL;
	*nout = 0;
	if (rc)
		return rc;
	*out = sd_arena_alloc(a, (g->n + 1) * sizeof(void *));
	for (i = 0; i < g->n; i++)
		if (st[i].changed)
			(*out)[(*nout)++] = st[i].rev;
	return SD_OK;
}

int sd_version_ensure(sd_db *db, const char *table, sd_error *err)
{
	sd_buf sql = SD_BUF_INIT;
	int rc;

	sd_version_table_ddl(&sql, sd_db_dialect(db), table);
	rc = db->driver->exec(db, sd_buf_cstr(&sql), err);
	if (!rc) {
		sd_buf_truncate(&sql, 0);
		sd_version_log_ddl(&sql, sd_db_dialect(db), table);
		rc = db->driver->exec(db, sd_buf_cstr(&sql), err);
	}
	sd_buf_free(&sql);
	return rc;
}

/*
 * One version-table statement: DELETE or INSERT of one id. Built once and
 * either run with the id bound ($1) or printed with the id as a literal
 * (--sql), so both paths say exactly the same thing.
 */
static void version_stmt(sd_buf *out, const sd_dialect *d, const char *table,
                         bool insert, const char *literal_id)
{
	if (insert) {
		sd_buf_put(out, "INSERT INTO ");
		d->quote_ident(out, table);
		sd_buf_put(out, " (");
		d->quote_ident(out, "revision");
		sd_buf_put(out, ") VALUES (");
	} else {
		sd_buf_put(out, "DELETE FROM ");
		d->quote_ident(out, table);
		sd_buf_put(out, " WHERE ");
		d->quote_ident(out, "revision");
		sd_buf_put(out, " = ");
	}
	if (literal_id)
		d->quote_literal(out, literal_id);
	else
		sd_buf_put(out, "$1");
	if (insert)
		sd_buf_putc(out, ')');
}

static int version_change(sd_db *db, const char *table, bool insert,
                          const char *id, sd_error *err)
{
	sd_buf sql = SD_BUF_INIT;
	const char *params[1] = {id};
	int rc;

	version_stmt(&sql, sd_db_dialect(db), table, insert, NULL);
	rc = db->driver->query(db, sd_buf_cstr(&sql), params, 1, NULL, err);
	sd_buf_free(&sql);
	return rc;
}

int sd_version_set(sd_db *db, const char *table, const char *const *ids,
                   size_t n, sd_error *err)
{
	sd_buf sql = SD_BUF_INIT;
	size_t i;
	int rc;

	sd_buf_put(&sql, "DELETE FROM ");
	sd_db_dialect(db)->quote_ident(&sql, table);
	rc = db->driver->exec(db, sd_buf_cstr(&sql), err);
	for (i = 0; !rc && i < n; i++)
		rc = version_change(db, table, true, ids[i], err);
	sd_buf_free(&sql);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Head bookkeeping                                                    */
/* ------------------------------------------------------------------ */

/*
 * The rows that change when r is applied (upgrade) or reverted, given the
 * applied set before the step: upgrade deletes r's parents that are rows
 * (heads of the applied set) and inserts r; downgrade deletes r and inserts
 * each parent that no other applied revision still sits on.
 */
static void step_rows(const sd_revision *r, bool upgrade, const bool *applied,
                      const sd_revision **del, size_t *ndel,
                      const sd_revision **ins, size_t *nins)
{
	size_t i, c;

	*ndel = *nins = 0;
	if (upgrade) {
		for (i = 0; i < r->nparents; i++) {
			const sd_revision *p = r->parent_revs[i];
			bool covered = false;
			for (c = 0; c < p->nchildren; c++)
				if (applied[p->children[c]->topo])
					covered = true;
			if (!covered)
				del[(*ndel)++] = p;
		}
		ins[(*nins)++] = r;
	} else {
		del[(*ndel)++] = r;
		for (i = 0; i < r->nparents; i++) {
			const sd_revision *p = r->parent_revs[i];
			bool covered = false;
			for (c = 0; c < p->nchildren; c++)
				if (p->children[c] != r && applied[p->children[c]->topo])
					covered = true;
			if (!covered)
				ins[(*nins)++] = p;
		}
	}
}

/* Resolves version rows to revisions; an id without a file is an error. */
static int resolve_rows(sd_revision ***out, size_t *nout, sd_arena *a,
                        const sd_rev_graph *g, const char *const *ids,
                        size_t n, const char *table, sd_error *err)
{
	size_t i;

	*out = sd_arena_alloc(a, (n + 1) * sizeof(void *));
	*nout = 0;
	for (i = 0; i < n; i++) {
		sd_revision *r = sd_rev_graph_get(g, ids[i]);
		if (!r)
			return sd_error_set(err, SD_EINPUT,
			                    "the database is at revision %s (table %s), which has no file in %s",
			                    ids[i], table, g->dir);
		(*out)[(*nout)++] = r;
	}
	return SD_OK;
}

int sd_runner_current(sd_revision ***cur, size_t *ncur, sd_arena *a,
                      sd_db *db, const sd_rev_graph *g, const char *table,
                      sd_error *err)
{
	const char **ids;
	size_t n;
	int rc = sd_version_read(&ids, &n, a, db, table, err);

	if (rc)
		return rc;
	return resolve_rows(cur, ncur, a, g, ids, n, table, err);
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int sd_run_fail_in_file(sd_error *err, sd_error *dberr, const sd_revision *r,
                        int line, const char *what)
{
	const char *msg = dberr->first ? dberr->first->message : "failed";

	sd_error_add(err, SD_ERUNTIME, r->path, line, 0, NULL,
	             "%s of revision %s failed: %s", what, r->id, msg);
	sd_error_clear(dberr);
	return SD_ERUNTIME;
}

void sd_run_try_begin(sd_run_try *t, sd_db *db, const sd_runner_opts *opts)
{
	const sd_db_driver *drv = db->driver;

	t->timed_out = false;
	sd_run_try_failed(t, NULL, 0);
	t->lock_timeout = drv->lock_timeout && opts->lock_timeout_ms > 0;
}

void sd_run_try_failed(sd_run_try *t, const char *stmt, int line)
{
	free(t->stmt);
	t->stmt = stmt ? sd_xstrdup(stmt) : NULL;
	t->line = line;
}

void sd_run_try_end(sd_run_try *t)
{
	sd_run_try_failed(t, NULL, 0);
}

int sd_run_exec(sd_run_try *t, sd_db *db, const sd_revision *r,
                const char *stmt, int line, bool upgrade,
                const sd_runner_opts *opts, sd_error *err)
{
	sd_error dberr = SD_ERROR_INIT;
	int rc;

	if (opts->on_statement)
		opts->on_statement(opts->ctx, stmt);
	rc = db->driver->exec(db, stmt, &dberr);
	if (rc) {
		sd_run_try_failed(t, stmt, line);
		t->timed_out = db->driver->lock_timed_out &&
		               db->driver->lock_timed_out(db);
		return sd_run_fail_in_file(err, &dberr, r, line,
		                           upgrade ? "upgrade" : "downgrade");
	}
	sd_testhook_statement();
	return SD_OK;
}

int sd_run_lock_timeout(sd_run_try *t, sd_db *db, const sd_runner_opts *opts,
                        sd_error *err)
{
	if (!t->lock_timeout)
		return SD_OK;
	return db->driver->lock_timeout(db, opts->lock_timeout_ms, true, err);
}

bool sd_run_again(sd_run_try *t, int rc, sd_db *db, const sd_revision *r,
                  const sd_runner_opts *opts, sd_error *attempt_err,
                  sd_error *err)
{
	if (rc && sd_run_retry(t, db, r, opts, attempt_err)) {
		sd_error_clear(attempt_err);
		return true;
	}
	sd_error_move(err, attempt_err);
	sd_run_try_end(t);
	return false;
}

/*
 * After an attempt that failed: when a statement gave up waiting for a
 * lock and tries are left, sleeps the attempt's backoff (250 ms doubling,
 * at most 8 s, +-25 % so that two runs do not keep meeting), says so, and
 * returns true: the caller clears the attempt's error and goes again.
 * Otherwise false; a lock timeout with no tries left turns the attempt's
 * error into one that names the table, the lock and who holds it.
 */
bool sd_run_retry(sd_run_try *t, sd_db *db, const sd_revision *r,
                  const sd_runner_opts *opts, sd_error *attempt_err)
{
	double ms;
	char note[256];
	struct timespec ts;

	if (!t->timed_out)
		return false;
	if (t->attempt >= opts->lock_retries) {
		sd_run_lock_give_up(t, db, r, opts, attempt_err);
		return false;
	}
	ms = 250.0 * (double)(1 << (t->attempt < 5 ? t->attempt : 5));
	if (ms > 8000)
		ms = 8000;
	ms *= 0.75 + 0.5 * (double)(rand() % 1000) / 1000.0;
	t->attempt++;
	if (opts->on_note) {
		snprintf(note, sizeof(note),
		         "revision %s: lock timeout (%ld ms) at line %d; trying again "
		         "in %.0f ms (%d of %d)",
		         r->id, opts->lock_timeout_ms, t->line, ms, t->attempt,
		         opts->lock_retries);
		opts->on_note(opts->ctx, note);
	}
	ts.tv_sec = (time_t)(ms / 1000.0);
	ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000.0) * 1e6);
	nanosleep(&ts, NULL);
	return true;
}

void sd_run_lock_give_up(sd_run_try *t, sd_db *db, const sd_revision *r,
                         const sd_runner_opts *opts, sd_error *attempt_err)
{
	sd_arena *a = sd_arena_new();
	sd_stmt_lock lk;
	sd_buf holders = SD_BUF_INIT;
	sd_error ignore = SD_ERROR_INIT;

	sd_stmt_lock_of(&lk, a, sd_db_dialect(db), t->stmt);
	if (lk.relation && db->driver->lock_holders)
		db->driver->lock_holders(db, lk.relation, &holders, &ignore);
	sd_error_clear(&ignore);
	sd_error_clear(attempt_err);
	sd_error_add(attempt_err, SD_ERUNTIME, r->path, t->line, 0, NULL,
	             "revision %s: could not lock %s (%s, which blocks %s) within %ld ms, %d tr%s%s%s",
	             r->id, lk.relation ? lk.relation : "its table", lk.lock,
	             lk.blocks, opts->lock_timeout_ms, t->attempt + 1,
	             t->attempt ? "ies" : "y",
	             holders.len ? "; held by " : "",
	             sd_buf_cstr(&holders));
	sd_error_hint(attempt_err, "what committed stays: run the command again once the lock is free, or give it longer (--lock-timeout, --lock-retries)");
	sd_buf_free(&holders);
	sd_arena_free(a);
}

/*
 * Runs one section of a revision statement by statement, so a failure
 * names the file and line of the statement that failed.
 */
static int run_sql(sd_run_try *t, sd_db *db, const sd_revision *r,
                   bool upgrade, const sd_runner_opts *opts, sd_error *err)
{
	sd_arena *a = sd_arena_new();
	char *up = NULL, *down = NULL;
	const char **stmts;
	int *lines, up_line = 0, down_line = 0, rc;
	size_t n, i;

	rc = sd_rev_read_body_for(&up, &down, &up_line, &down_line, r,
	                          sd_db_dialect(db)->name, err);
	if (rc)
		goto done;
	n = sd_sql_split(&stmts, &lines, a, upgrade ? up : down,
	                 sd_sql_lang_of(db->driver->name));
	for (i = 0; i < n && !rc; i++)
		rc = sd_run_exec(t, db, r, stmts[i],
		                 (upgrade ? up_line : down_line) + lines[i] - 1,
		                 upgrade, opts, err);
done:
	free(up);
	free(down);
	sd_arena_free(a);
	return rc;
}

/*
 * Whether r can be applied (upgrade) or reverted on the applied set: its
 * parents applied, or no child of it applied. SD_ERUNTIME naming the
 * revision otherwise.
 */
int sd_run_check_order(const sd_revision *r, bool upgrade,
                       const bool *applied, sd_error *err)
{
	size_t i;

	if (upgrade) {
		for (i = 0; i < r->nparents; i++)
			if (!applied[r->parent_revs[i]->topo])
				return sd_error_add(err, SD_ERUNTIME, r->path, 0, 0,
				                    NULL,
				                    "cannot apply %s: its parent %s is not applied",
				                    r->id, r->parents[i]);
	} else {
		for (i = 0; i < r->nchildren; i++)
			if (applied[r->children[i]->topo])
				return sd_error_add(err, SD_ERUNTIME, r->path, 0, 0,
				                    NULL,
				                    "cannot revert %s: %s, which builds on it, is applied",
				                    r->id, r->children[i]->id);
	}
	return SD_OK;
}

int sd_run_record(sd_db *db, const sd_revision *r, bool upgrade,
                  const bool *applied, const sd_runner_opts *opts,
                  sd_arena *a, sd_error *err)
{
	const sd_db_driver *drv = db->driver;
	const sd_revision **del = sd_arena_alloc(a, (r->nparents + 2) * sizeof(void *));
	const sd_revision **ins = sd_arena_alloc(a, (r->nparents + 2) * sizeof(void *));
	size_t i, ndel, nins;
	int rc = sd_version_ensure(db, opts->version_table, err);

	if (rc)
		return rc;
	step_rows(r, upgrade, applied, del, &ndel, ins, &nins);
	for (i = 0; !rc && i < ndel; i++)
		rc = version_change(db, opts->version_table, false, del[i]->id, err);
	for (i = 0; !rc && i < nins; i++)
		rc = version_change(db, opts->version_table, true, ins[i]->id, err);
	if (!rc)
		rc = log_step(db, opts->version_table, r->id,
		              upgrade ? "upgrade" : "downgrade",
		              sd_rev_file_checksum(a, r->path), err);
	if (!rc && drv->verify)
		rc = drv->verify(db, r->path,
		                 sd_arena_printf(a, "revision %s", r->id), err);
	return rc;
}

int sd_run_commit(sd_db *db, const sd_revision *r, sd_error *err)
{
	sd_error ignore = SD_ERROR_INIT;
	int rc;

	sd_testhook_statement();
	rc = db->driver->commit(db, err);
	sd_testhook_statement();
	if (rc) {
		db->driver->rollback(db, &ignore);
		sd_error_add(err, SD_ERUNTIME, r->path, 0, 0, NULL,
		             "commit of revision %s failed", r->id);
		sd_error_clear(&ignore);
	}
	return rc;
}

int sd_run_session_unlock(sd_db *db, int rc, sd_error *err)
{
	sd_error ignore = SD_ERROR_INIT;
	int urc = db->driver->session_lock(db, false, rc ? &ignore : err);

	sd_error_clear(&ignore);
	return rc ? rc : urc;
}

/*
 * One attempt at applying or reverting a revision with its version
 * update. Returns SD_OK and *skipped = true when another process already
 * did it.
 */
static int run_once(sd_run_try *t, sd_db *db, const sd_rev_graph *g,
                    sd_revision *r, bool upgrade, const sd_runner_opts *opts,
                    bool *skipped, sd_error *err)
{
	const sd_db_driver *drv = db->driver;
	sd_arena *a = sd_arena_new();
	sd_revision **cur;
	size_t ncur;
	bool *applied, in_tx = false, session_locked = false;
	sd_error ignore = SD_ERROR_INIT;
	int rc;

	*skipped = false;
	sd_run_try_begin(t, db, opts);
	if (r->no_transaction && drv->session_lock) {
		rc = drv->session_lock(db, true, err);
		if (rc)
			goto done;
		session_locked = true;
	}
	if (!r->no_transaction) {
		rc = drv->begin(db, err);
		if (rc)
			goto done;
		in_tx = true;
		rc = sd_run_lock_timeout(t, db, opts, err);
		if (rc)
			goto done;
	}
	/* Re-read under the lock: another schemadiff may have moved the
	 * database since we planned. */
	rc = sd_runner_current(&cur, &ncur, a, db, g, opts->version_table, err);
	if (rc)
		goto done;
	applied = sd_rev_graph_closure(g, a, cur, ncur);
	if (upgrade ? applied[r->topo] : !applied[r->topo]) {
		*skipped = true;
		goto done;
	}
	rc = sd_run_check_order(r, upgrade, applied, err);
	if (rc)
		goto done;
	if (r->format == SD_REV_C) {
		rc = opts->run_c(opts->c_ctx, db, r, upgrade, err);
		t->timed_out = rc && drv->lock_timed_out && drv->lock_timed_out(db);
	} else {
		rc = run_sql(t, db, r, upgrade, opts, err);
	}
	if (rc)
		goto done;
	if (!in_tx) {
		rc = drv->begin(db, err);
		if (rc)
			goto done;
		in_tx = true;
	}
	rc = sd_run_record(db, r, upgrade, applied, opts, a, err);
	if (rc)
		goto done;
	in_tx = false;
	rc = sd_run_commit(db, r, err);
done:
	if (in_tx)
		drv->rollback(db, &ignore);
	if (session_locked)
		rc = sd_run_session_unlock(db, rc, err);
	sd_error_clear(&ignore);
	sd_arena_free(a);
	return rc;
}

/* Refuses a path holding a revision with nothing for dialect (bad
 * input), before anything runs. */
static int check_dialects(const sd_rev_path *path, const char *dialect,
                          sd_error *err)
{
	size_t i;
	int rc = SD_OK;

	for (i = 0; !rc && i < path->n; i++)
		rc = sd_rev_check_dialect(path->revs[i], dialect, err);
	if (rc)
		sd_error_hint(err, "nothing was run; list both under 'dialects:' "
		                   "in schemadiff.yaml so that revisions hold a "
		                   "section for each, or add the %s sections by hand",
		              dialect);
	return rc;
}

/*
 * Applies or reverts one revision: a revision in steps step by step
 * (steps.c) where the driver runs steps, else in one transaction, tried
 * again after a lock timeout while opts allow.
 */
static int run_one(sd_db *db, const sd_rev_graph *g, sd_revision *r,
                   bool upgrade, const sd_runner_opts *opts, bool *skipped,
                   sd_error *err)
{
	sd_run_try t;
	int rc;

	if (r->format == SD_REV_C && !opts->run_c)
		return sd_error_add(err, SD_EINPUT, r->path, 0, 0, NULL,
		                    "C revisions are not supported by this build");
	if (r->steps && db->driver->batch)
		return sd_run_steps(db, g, r, upgrade, opts, skipped, err);
	memset(&t, 0, sizeof(t));
	for (;;) {
		sd_error attempt = SD_ERROR_INIT;
		rc = run_once(&t, db, g, r, upgrade, opts, skipped, &attempt);
		if (!sd_run_again(&t, rc, db, r, opts, &attempt, err))
			return rc;
	}
}

/*
 * Reads the body of every SQL revision on the path before any of them runs,
 * so a malformed or unreadable file further along, or a revision with no
 * section for this database's dialect (bad input, exit 2), is reported
 * with the database untouched rather than after the revisions before it
 * were committed; C revisions are compiled for the same reason. Likewise
 * a revision too big for one transaction on this server (PostgreSQL's
 * lock table) is refused up front. Returns SD_OK or the first file's
 * error.
 */
int sd_runner_preflight(const sd_rev_path *path, sd_db *db,
                        const sd_runner_opts *opts, sd_error *err)
{
	bool upgrade = path->upgrade;
	sd_sql_lang lang = sd_sql_lang_of(db->driver->name);
	const char *dialect = sd_db_dialect(db)->name;
	size_t i;
	int rc = check_dialects(path, dialect, err);

	for (i = 0; !rc && i < path->n; i++) {
		const sd_revision *r = path->revs[i];
		sd_arena *a;
		char *up = NULL, *down = NULL;
		int up_line = 0, down_line = 0;
		if (r->format == SD_REV_C && opts->prepare_c)
			rc = opts->prepare_c(opts->c_ctx, r, err);
		if (r->format != SD_REV_SQL)
			continue;
		rc = sd_rev_read_body_for(&up, &down, &up_line, &down_line, r,
		                          dialect, err);
		a = sd_arena_new();
		if (!rc && r->steps) {
			/* malformed steps are bad input before anything runs;
			 * each step is its own, small, transaction */
			rc = sd_run_steps_check(db, a, r, upgrade ? up : down,
			                        upgrade ? up_line : down_line, err);
		} else if (!rc && !r->no_transaction && db->driver->preflight) {
			const char **stmts;
			int *lines;
			size_t n = sd_sql_split(&stmts, &lines, a,
			                        upgrade ? up : down, lang);
			rc = db->driver->preflight(
				db, stmts, n, r->path,
				sd_arena_printf(a, "%s of revision %s",
				                upgrade ? "upgrade" : "downgrade",
				                r->id),
				err);
		}
		sd_arena_free(a);
		free(up);
		free(down);
	}
	return rc;
}

int sd_runner_migrate(sd_run_result *res, sd_db *db, const sd_rev_graph *g,
                      const char *target, bool upgrade,
                      const sd_runner_opts *opts, sd_error *err)
{
	const sd_db_driver *drv = db->driver;
	sd_arena *a = sd_arena_new();
	sd_revision **cur;
	size_t ncur, i;
	sd_rev_path path;
	bool locked = false;
	sd_error ignore = SD_ERROR_INIT;
	int rc;

	memset(res, 0, sizeof(*res));
	if (drv->lock) {
		rc = drv->lock(db, opts->wait_cb, opts->ctx, err);
		if (rc)
			goto done;
		locked = true;
	}
	/* Read after the lock: the other run may have finished meanwhile. */
	rc = sd_runner_current(&cur, &ncur, a, db, g, opts->version_table, err);
	if (rc)
		goto done;
	rc = sd_rev_plan(&path, a, g, cur, ncur, target, upgrade, err);
	if (rc)
		goto done;
	res->planned = path.n;
	rc = sd_runner_preflight(&path, db, opts, err);
	if (!rc)
		rc = sd_run_steps_pending(db, a, &path, opts, err);
	if (!rc && path.n > 0 && opts->before_run)
		rc = opts->before_run(opts->ctx, db, path.n, err);
	if (rc)
		goto done;
	for (i = 0; i < path.n; i++) {
		bool skipped;
		double t0 = now_seconds();
		if (opts->on_revision)
			opts->on_revision(opts->ctx, path.revs[i], upgrade, -1);
		rc = run_one(db, g, path.revs[i], upgrade, opts, &skipped, err);
		if (rc)
			goto done;
		if (!skipped)
			res->applied++;
		if (opts->on_revision && !skipped)
			opts->on_revision(opts->ctx, path.revs[i], upgrade,
			                  now_seconds() - t0);
	}
	res->nothing_to_do = res->applied == 0;
done:
	if (locked && drv->unlock)
		drv->unlock(db, &ignore);
	sd_error_clear(&ignore);
	sd_arena_free(a);
	return rc;
}

int sd_runner_stamp(sd_db *db, const sd_rev_graph *g, const char *target,
                    const sd_runner_opts *opts, sd_error *err)
{
	const sd_db_driver *drv = db->driver;
	const char **ids = NULL;
	size_t n = 0, i;
	sd_arena *a = sd_arena_new();
	sd_error ignore = SD_ERROR_INIT;
	bool locked = false, in_tx = false;
	int rc = SD_OK;

	if (strcmp(target, "heads") == 0 || strcmp(target, "head") == 0) {
		if (g->nheads == 0) {
			rc = sd_error_set(err, SD_EINPUT,
			                  "there are no revisions in %s: nothing to stamp as %s",
			                  g->dir, target);
			goto done;
		}
		if (strcmp(target, "head") == 0 && g->nheads > 1) {
			rc = sd_error_set(err, SD_EINPUT,
			                  "there are %zu heads; stamp 'heads' or one revision",
			                  g->nheads);
			goto done;
		}
		ids = sd_arena_alloc(a, (g->nheads + 1) * sizeof(char *));
		for (i = 0; i < g->nheads; i++)
			ids[n++] = g->heads[i]->id;
	} else if (strcmp(target, "base") != 0) {
		sd_revision *r;
		rc = sd_rev_graph_lookup(&r, g, target, err);
		if (rc)
			goto done;
		ids = sd_arena_alloc(a, sizeof(char *));
		ids[n++] = r->id;
	}
	if (drv->lock) {
		rc = drv->lock(db, opts->wait_cb, opts->ctx, err);
		if (rc)
			goto done;
		locked = true;
	}
	rc = drv->begin(db, err);
	if (rc)
		goto done;
	in_tx = true;
	rc = sd_version_ensure(db, opts->version_table, err);
	if (!rc)
		rc = sd_version_set(db, opts->version_table, ids, n, err);
	for (i = 0; !rc && i < n; i++)
		rc = log_step(db, opts->version_table, ids[i], "stamp",
		              sd_rev_file_checksum(a, sd_rev_graph_get(g, ids[i])->path),
		              err);
	if (!rc) {
		rc = drv->commit(db, err);
		in_tx = false;
	}
done:
	if (in_tx)
		drv->rollback(db, &ignore);
	if (locked && drv->unlock)
		drv->unlock(db, &ignore);
	sd_error_clear(&ignore);
	sd_arena_free(a);
	return rc;
}

/* "BEGIN", "BEGIN;\n" or NULL -> "BEGIN;\n" */
static void put_stmt(sd_buf *out, const char *sql, const char *fallback)
{
	const char *s = sql ? sql : fallback;
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == ';'))
		n--;
	sd_buf_putn(out, s, n);
	sd_buf_put(out, ";\n");
}

int sd_runner_sql(sd_buf *out, const sd_dialect *d, const sd_rev_graph *g,
                  const sd_rev_path *path, sd_revision *const *current,
                  size_t ncurrent, const char *version_table,
                  bool create_table, sd_error *err)
{
	sd_runner_opts opts;

	memset(&opts, 0, sizeof(opts));
	opts.version_table = version_table;
	return sd_runner_sql_opts(out, d, g, path, current, ncurrent,
	                          create_table, &opts, err);
}

/*
 * The statements of a revision in steps, as the runner would run them:
 * each transactional step in its BEGIN/COMMIT, the others said in a
 * comment (the runner's lock timeouts, retries and ctid ranges are not
 * SQL a script can hold).
 */
static int steps_sql(sd_buf *out, const sd_dialect *d, const sd_revision *r,
                     bool upgrade, const sd_runner_opts *opts, sd_error *err)
{
	sd_arena *a = sd_arena_new();
	char *up = NULL, *down = NULL;
	int up_line = 0, down_line = 0;
	sd_rev_step *steps;
	size_t n, i, k;
	int rc = sd_rev_read_body_for(&up, &down, &up_line, &down_line, r,
	                              d->name, err);

	if (!rc)
		rc = sd_rev_steps(&steps, &n, a, r, upgrade ? up : down,
		                  upgrade ? up_line : down_line,
		                  sd_sql_lang_of(d->name), err);
	for (i = 0; !rc && i < n; i++) {
		const sd_rev_step *st = &steps[i];
		if (st->kind == SD_STEP_NONTRANSACTIONAL)
			sd_buf_printf(out, "-- step %zu: outside a transaction\n",
			              i + 1);
		else if (st->kind == SD_STEP_BATCHED)
			sd_buf_printf(out, "-- step %zu: in batches of %ld rows, each "
			                   "its own transaction\n",
			              i + 1,
			              opts->batch_size > 0 ? opts->batch_size : 10000);
		else
			put_stmt(out, d->begin_sql, "BEGIN");
		for (k = 0; k < st->n; k++)
			sd_buf_printf(out, "%s;\n", st->stmts[k]);
		if (st->kind == SD_STEP_TRANSACTION)
			put_stmt(out, d->commit_sql, "COMMIT");
	}
	free(up);
	free(down);
	sd_arena_free(a);
	return rc;
}

int sd_runner_sql_opts(sd_buf *out, const sd_dialect *d,
                       const sd_rev_graph *g, const sd_rev_path *path,
                       sd_revision *const *current, size_t ncurrent,
                       bool create_table, const sd_runner_opts *opts,
                       sd_error *err)
{
	const char *version_table = opts->version_table;
	sd_arena *a = sd_arena_new();
	bool *applied = sd_rev_graph_closure(g, a, current, ncurrent);
	size_t i, k, ndel, nins;
	int rc = check_dialects(path, d->name, err);

	if (rc)
		goto done;
	if (create_table) {
		sd_version_table_ddl(out, d, version_table);
		sd_buf_put(out, ";\n");
		sd_version_log_ddl(out, d, version_table);
		sd_buf_put(out, ";\n\n");
	}
	for (i = 0; i < path->n; i++) {
		sd_revision *r = path->revs[i];
		const sd_revision **del = sd_arena_alloc(a, (r->nparents + 2) * sizeof(void *));
		const sd_revision **ins = sd_arena_alloc(a, (r->nparents + 2) * sizeof(void *));
		char *up = NULL, *down = NULL;

		bool stepped = r->steps && d->emit_online;

		sd_buf_printf(out, "-- %s %s: %s\n", path->upgrade ? "upgrade" : "downgrade",
		              r->id, r->message ? r->message : "");
		if (!r->no_transaction && !stepped)
			put_stmt(out, d->begin_sql, "BEGIN");
		if (stepped) {
			rc = steps_sql(out, d, r, path->upgrade, opts, err);
			if (rc)
				goto done;
		} else if (r->format == SD_REV_C && opts->sql_c) {
			rc = opts->sql_c(opts->c_ctx, out, d, r, path->upgrade, err);
			if (rc)
				goto done;
		} else if (r->format == SD_REV_C) {
			sd_buf_printf(out, "-- (C revision %s: its statements are known only when it runs)\n",
			              r->id);
		} else {
			const char **stmts;
			size_t n;
			rc = sd_rev_read_body_for(&up, &down, NULL, NULL, r,
			                          d->name, err);
			if (rc)
				goto done;
			n = sd_sql_split(&stmts, NULL, a,
			                 path->upgrade ? up : down,
			                 sd_sql_lang_of(d->name));
			for (k = 0; k < n; k++)
				sd_buf_printf(out, "%s;\n", stmts[k]);
			free(up);
			free(down);
		}
		if (r->no_transaction || stepped)
			put_stmt(out, d->begin_sql, "BEGIN");
		step_rows(r, path->upgrade, applied, del, &ndel, ins, &nins);
		for (k = 0; k < ndel; k++) {
			version_stmt(out, d, version_table, false, del[k]->id);
			sd_buf_put(out, ";\n");
		}
		for (k = 0; k < nins; k++) {
			version_stmt(out, d, version_table, true, ins[k]->id);
			sd_buf_put(out, ";\n");
		}
		{
			char now[32];
			const char *lit[4];
			sd_rev_now(now);
			lit[0] = r->id;
			lit[1] = path->upgrade ? "upgrade" : "downgrade";
			lit[2] = sd_rev_file_checksum(a, r->path);
			lit[3] = now;
			log_stmt(out, d, version_table, lit);
			sd_buf_put(out, ";\n");
		}
		put_stmt(out, d->commit_sql, "COMMIT");
		sd_buf_putc(out, '\n');
		applied[r->topo] = path->upgrade;
	}
done:
	sd_arena_free(a);
	return rc;
}
