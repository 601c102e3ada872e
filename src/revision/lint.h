/*
 * lint.h - the hazards of a revision's statements, as `lint` and
 * `generate --fail-on` report them.
 *
 * Every statement is parsed by PostgreSQL's own grammar (libpg_query),
 * hand-written revisions included, and read with what the revision says
 * around it: which step it is in (a transaction, outside one, a batch),
 * which tables the revision created (no rows yet: no hazard), which locks
 * its transaction already holds, which NOT NULL checks an earlier step
 * validated. The lock a statement takes and what it blocks come from the
 * dialect's lock table (emit/locks.c), the same one the review page shows.
 *
 * Levels, lowest first:
 *   info       worth knowing, blocks nobody: a concurrent index build, a
 *              validation, a step outside a transaction
 *   warning    may hurt the running application or fail: renames, a NOT
 *              NULL without a backfill, updates of many rows in one
 *              transaction, statements it cannot analyse
 *   blocking   readers or writers of a table that has rows wait for a
 *              scan, a rewrite or an index build: CREATE INDEX without
 *              CONCURRENTLY, constraints validated while they are added,
 *              type changes that rewrite, volatile defaults, SET NOT NULL
 *              without a validated check, VALIDATE in the transaction
 *              that holds the table's ACCESS EXCLUSIVE
 *   data-loss  drops of tables and columns, TRUNCATE, DELETE of all rows
 */
#ifndef SD_REVISION_LINT_H
#define SD_REVISION_LINT_H

#include "revision/revision.h"

SD_LAYER_HEADER(REVISION);

typedef enum sd_lint_level {
	SD_LINT_INFO = 0,
	SD_LINT_WARNING,
	SD_LINT_BLOCKING,
	SD_LINT_DATA_LOSS,
} sd_lint_level;

/* "info", "warning", "blocking", "data-loss". */
const char *sd_lint_level_name(sd_lint_level level);
/* The level a name says (also "data_loss"); false for anything else. */
bool sd_lint_level_parse(const char *name, sd_lint_level *out);

typedef struct sd_lint_finding {
	sd_lint_level level;
	const char *hazard;    /* "index-build", "validation", "rewrite",
	                        * "not-null", "data-loss", "rename", ... */
	const char *path;      /* the revision file (or what was linted) */
	int line;
	const char *revision;  /* its id, or NULL */
	const char *relation;  /* the table (or index) it concerns, or NULL */
	const char *lock;      /* the lock it takes */
	const char *blocks;    /* what waits while it is held */
	const char *statement; /* the statement, on one line, shortened */
	const char *message;
} sd_lint_finding;

/* The findings of one lint run, in the order found. */
typedef struct sd_lint {
	sd_arena *a;
	sd_vec findings; /* sd_lint_finding* */
} sd_lint;

void sd_lint_init(sd_lint *l);
void sd_lint_free(sd_lint *l);
/* How many findings are at or above level. */
size_t sd_lint_count(const sd_lint *l, sd_lint_level level);

/*
 * Lints a revision section already cut into steps (sd_rev_steps), in
 * dialect d. r gives the file, id and header (may be a stand-in for
 * generated text).
 */
void sd_lint_steps(sd_lint *l, const sd_dialect *d, const sd_revision *r,
                   const sd_rev_step *steps, size_t nsteps);

/*
 * Lints the upgrade of revision r: an SQL revision's section for d as
 * written, a C revision through the statements it emits (opts->sql_c
 * compiles it), found at the line of its upgrade function. d is the
 * revision's dialect (one of a portable revision's). SD_EINPUT for a
 * malformed file or one with no section for d, other errors as sql_c
 * gives.
 */
int sd_lint_revision(sd_lint *l, const sd_dialect *d, const sd_revision *r,
                     const sd_runner_opts *opts, sd_error *err);

/* The lock a statement takes, for messages: the table it names (as
 * written, NULL when it names none), the lock and what it blocks. */
typedef struct sd_stmt_lock {
	const char *relation;
	const char *lock;
	const char *blocks;
} sd_stmt_lock;

void sd_stmt_lock_of(sd_stmt_lock *out, sd_arena *a, const sd_dialect *d,
                     const char *stmt);

#endif
