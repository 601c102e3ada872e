/*
 * run.h - internal to the revision layer: what the runner (runner.c) and
 * the steps of online revisions (steps.c) share.
 */
#ifndef SD_REVISION_RUN_H
#define SD_REVISION_RUN_H

#include "revision/revision.h"

SD_LAYER_HEADER(REVISION);

/* One attempt at a transaction or step, and what its failure was. */
typedef struct sd_run_try {
	int attempt;        /* tries made before this one */
	bool lock_timeout;  /* statements run with opts->lock_timeout_ms */
	bool timed_out;     /* the failure was a lock timeout */
	char *stmt;         /* a copy of the statement that failed */
	int line;           /* its line in the revision file */
} sd_run_try;

/* Notes stmt (at line) as the attempt's failed statement: a copy, which
 * outlives the statements of the attempt for the give-up message. */
void sd_run_try_failed(sd_run_try *t, const char *stmt, int line);
/* Frees what the tries of t kept (after the last one). */
void sd_run_try_end(sd_run_try *t);

/* Resets t for a new attempt on db (its attempt count stays). */
void sd_run_try_begin(sd_run_try *t, sd_db *db, const sd_runner_opts *opts);
/* Sets the lock timeout for the open transaction, when there is one. */
int sd_run_lock_timeout(sd_run_try *t, sd_db *db, const sd_runner_opts *opts,
                        sd_error *err);
/*
 * Runs one statement of r (line: its line in the file), telling
 * on_statement first and the crash test hook after; a failure names the
 * file and line and is noted in t.
 */
int sd_run_exec(sd_run_try *t, sd_db *db, const sd_revision *r,
                const char *stmt, int line, bool upgrade,
                const sd_runner_opts *opts, sd_error *err);
/*
 * After a failed attempt: true (after a backoff) when it was a lock
 * timeout and tries are left; see runner.c.
 */
bool sd_run_retry(sd_run_try *t, sd_db *db, const sd_revision *r,
                  const sd_runner_opts *opts, sd_error *attempt_err);
/*
 * The end of an attempt that returned rc, in a loop that tries again:
 * true when it goes again (sd_run_retry said so; the attempt's error is
 * cleared); else false, the attempt's error moved to err and t's
 * keepings freed, and the caller returns rc.
 */
bool sd_run_again(sd_run_try *t, int rc, sd_db *db, const sd_revision *r,
                  const sd_runner_opts *opts, sd_error *attempt_err,
                  sd_error *err);
/* The lock-timeout failure once the tries are used up: replaces the
 * attempt's error with one naming the table, the lock and its holders. */
void sd_run_lock_give_up(sd_run_try *t, sd_db *db, const sd_revision *r,
                         const sd_runner_opts *opts, sd_error *attempt_err);

/* Moves the driver's message into a diagnostic naming the revision file
 * and line ("upgrade of revision X failed: ..."). Returns SD_ERUNTIME. */
int sd_run_fail_in_file(sd_error *err, sd_error *dberr, const sd_revision *r,
                        int line, const char *what);
/* SD_ERUNTIME when r cannot be applied (a parent missing) or reverted (a
 * child applied) on the applied set. */
int sd_run_check_order(const sd_revision *r, bool upgrade,
                       const bool *applied, sd_error *err);
/*
 * In the open transaction, records r as applied (upgrade) or reverted:
 * the version rows (applied: the set before), the log row, the driver's
 * verify.
 */
int sd_run_record(sd_db *db, const sd_revision *r, bool upgrade,
                  const bool *applied, const sd_runner_opts *opts,
                  sd_arena *a, sd_error *err);
/* Releases the session-level upgrade lock; rc, the run's result so far,
 * wins over a failure to release it. Returns the run's result. */
int sd_run_session_unlock(sd_db *db, int rc, sd_error *err);
/* Commits, between the crash test hook's points; a failure is rolled
 * back and names r. */
int sd_run_commit(sd_db *db, const sd_revision *r, sd_error *err);

/* steps.c */

/*
 * Applies or reverts a revision in steps (r->steps) on a driver that runs
 * steps, resuming after the last step recorded as finished.
 */
int sd_run_steps(sd_db *db, const sd_rev_graph *g, sd_revision *r,
                 bool upgrade, const sd_runner_opts *opts, bool *skipped,
                 sd_error *err);
/* Before anything runs: r's section cut into steps without error, and
 * each batch step's statement one the driver can batch (SD_EINPUT). */
int sd_run_steps_check(sd_db *db, sd_arena *a, const sd_revision *r,
                       const char *section, int first_line, sd_error *err);
/*
 * Refuses a run that would leave a revision half done behind: when the
 * steps table shows a revision part-way through, only the run that
 * continues it (its revision first on path, the same direction) may
 * start. SD_ERUNTIME with the way out otherwise.
 */
int sd_run_steps_pending(sd_db *db, sd_arena *a, const sd_rev_path *path,
                         const sd_runner_opts *opts, sd_error *err);

#endif
