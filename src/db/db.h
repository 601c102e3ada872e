/*
 * db.h - a database connection behind a driver table (SQLite, PostgreSQL).
 *
 * The revision runner, the version table and `check` talk to databases only
 * through this interface. What the layers above know of a database is
 * found by its driver's name: its dialect (emit/dialect.h), its catalog
 * reader (introspect/introspect.h), its normaliser (normalize/normalize.h).
 *
 * SQL given to exec/query uses $1, $2, ... placeholders on every driver;
 * values are always bound, never spliced into SQL text.
 */
#ifndef SD_DB_H
#define SD_DB_H

#include "util/layer.h"
#include "util/sql.h"
#include "util/util.h"

SD_LAYER_HEADER(DB);

typedef struct sd_db sd_db;

/* A fully materialised result: rows x cols cells, NULL for SQL NULL. */
typedef struct sd_rows {
	size_t nrows;
	size_t ncols;
	char **names; /* ncols column names */
	char **cells; /* nrows * ncols, row-major */
} sd_rows;

const char *sd_rows_get(const sd_rows *r, size_t row, size_t col);
void sd_rows_free(sd_rows *r);

/*
 * Where a batch step is, kept by the runner in its bookkeeping table so a
 * stopped step resumes at its next batch. The table is walked in ranges
 * of pages (ctid), twice: pass 1 over the pages it had when the step
 * began, pass 2 over all of them again, for rows that writers moved or
 * added behind the first pass. The UPDATE's own WHERE must leave out the
 * rows already done (`WHERE col IS NULL`), which also makes pass 2 cheap.
 */
typedef struct sd_batch {
	int pass;           /* 0 before the first batch, then 1, 2 */
	long long position; /* next page of the pass */
	long long until;    /* pages of the pass */
	long long pages;    /* pages per batch, adapted to `rows` */
	long target;        /* rows wanted per batch */
	long long rows;     /* rows the last batch updated */
	long long total;    /* rows updated by the whole step */
	bool done;
} sd_batch;

typedef struct sd_db_driver {
	const char *name;               /* "sqlite", "postgresql" */
	/* url is the full URL; base_dir resolves relative sqlite paths. */
	int (*open)(sd_db **out, const char *url, const char *base_dir,
	            sd_error *err);
	void (*close)(sd_db *db);
	/* Runs one or more statements without parameters. */
	int (*exec)(sd_db *db, const char *sql, sd_error *err);
	/* Runs one statement with bound text parameters (NULL = SQL NULL).
	 * out may be NULL when no rows are wanted. */
	int (*query)(sd_db *db, const char *sql, const char *const *params,
	             size_t nparams, sd_rows **out, sd_error *err);
	/*
	 * Starts a run that changes the schema. The lock itself is taken by
	 * every begin() until unlock(): a transaction-level advisory lock on
	 * PostgreSQL (it holds through a transaction pooler), BEGIN IMMEDIATE
	 * on SQLite. wait_cb is called once in the run if begin() has to wait
	 * for another schemadiff.
	 */
	int (*lock)(sd_db *db, void (*wait_cb)(void *), void *ctx,
	            sd_error *err);
	int (*unlock)(sd_db *db, sd_error *err);
	/* Opens a transaction; holds the lock until it ends (see lock). */
	int (*begin)(sd_db *db, sd_error *err);
	/*
	 * Takes (take) or releases the same lock outside any transaction,
	 * for statements that cannot run in one. Holds only on a direct
	 * connection. May be NULL: begin() alone serialises.
	 */
	int (*session_lock)(sd_db *db, bool take, sd_error *err);
	int (*commit)(sd_db *db, sd_error *err);
	int (*rollback)(sd_db *db, sd_error *err);
	/* true when the table exists (schema NULL = default). */
	int (*table_exists)(sd_db *db, const char *schema, const char *table,
	                    bool *exists, sd_error *err);
	/*
	 * open() with SD_DB_OPEN_* flags. May be NULL: the driver has no
	 * flags that matter (sd_db_open_flags then calls open()).
	 */
	int (*open_flags)(sd_db **out, const char *url, const char *base_dir,
	                  unsigned flags, sd_error *err);
	/*
	 * Writes a consistent backup of the database into the new, empty,
	 * private file path, open as fd (backup.c made it): SQLite's online
	 * backup, pg_dump -Fc on PostgreSQL. NULL: no backups.
	 */
	int (*backup)(sd_db *db, int fd, const char *path, sd_error *err);
	/*
	 * Runner steps only some databases need. May be NULL.
	 * preflight: before a revision's transaction of stmts runs, refuses
	 * one the server cannot hold (PostgreSQL: its shared lock table).
	 * verify: before the revision commits, checks what the database
	 * does not check itself (SQLite: foreign keys, not enforced on this
	 * connection while tables are rebuilt).
	 * Both name the revision file (path) and the step (what, "revision
	 * 2adf0de98a75") in their messages; SD_ERUNTIME stops the run.
	 */
	int (*preflight)(sd_db *db, const char *const *stmts, size_t nstmts,
	                 const char *path, const char *what, sd_error *err);
	int (*verify)(sd_db *db, const char *path, const char *what,
	              sd_error *err);
	/*
	 * A throwaway database of this kind, for replaying revisions: SQLite
	 * an in-memory database (url ignored), PostgreSQL a new database
	 * created on url's server. scratch_drop closes it and removes what
	 * scratch_open created.
	 */
	int (*scratch_open)(sd_db **out, const char *url, sd_error *err);
	int (*scratch_drop)(sd_db *db, sd_error *err);
	/*
	 * Revisions in steps and lock timeouts (PostgreSQL, pg_online.c);
	 * NULL where the database has no such thing (SQLite: a revision is
	 * one transaction, its lock is the whole file).
	 *
	 * lock_timeout: how long a statement may wait for a lock, ms (0:
	 * forever). in_tx: for the open transaction only (SET LOCAL, which a
	 * transaction pooler keeps to the transaction); else for the session
	 * (steps outside a transaction, which need a direct connection), ms
	 * < 0 putting the session's setting back.
	 */
	int (*lock_timeout)(sd_db *db, long ms, bool in_tx, sd_error *err);
	/* true when the last statement that failed gave up waiting for a
	 * lock (the lock timeout) */
	bool (*lock_timed_out)(sd_db *db);
	/*
	 * Before a statement of a step outside a transaction runs: an index
	 * that an interrupted CREATE INDEX CONCURRENTLY left invalid is
	 * dropped (*note says so, arena a), never taken as built. resuming:
	 * the step started in an earlier run, so an index that is there and
	 * valid, or one to be dropped that is gone, means the statement
	 * finished then: *skip. *concurrent: a CONCURRENTLY form, which
	 * blocks no reader or writer while it waits and so runs without the
	 * lock timeout (a timeout would only leave an invalid index).
	 */
	int (*nontx_prepare)(sd_db *db, const char *stmt, bool resuming,
	                     sd_arena *a, bool *skip, bool *concurrent,
	                     const char **note, sd_error *err);
	/*
	 * One batch of a batch step's UPDATE (sd_batch), inside the
	 * transaction the runner opened; b NULL only checks that stmt can
	 * run in batches (SD_EINPUT saying why not).
	 */
	int (*batch)(sd_db *db, const char *stmt, sd_batch *b,
	             sd_error *err);
	/*
	 * The sessions holding a lock on relation (as SQL writes it, quoted
	 * or not), one "pid N (mode, state for N s: query)" per line, for the
	 * message of a lock that could not be had.
	 */
	int (*lock_holders)(sd_db *db, const char *relation, sd_buf *out,
	                    sd_error *err);
	/* The table's size by the catalog: rows (reltuples, -1 unknown) and
	 * bytes with its indexes and TOAST (pg_total_relation_size). */
	int (*table_size)(sd_db *db, const char *schema, const char *table,
	                  double *rows, long long *bytes, sd_error *err);
} sd_db_driver;

/*
 * Flags for sd_db_open_flags.
 * SD_DB_OPEN_NO_CREATE: for commands that only read. A SQLite file that
 * does not exist reads as an empty database and is not created; an
 * existing file opens as usual. Other drivers ignore it.
 */
enum { SD_DB_OPEN_NO_CREATE = 1u << 0 };

/* Every connection starts with its driver. */
struct sd_db {
	const sd_db_driver *driver;
	char *display_url; /* password masked: safe to print */
	bool absent;       /* SD_DB_OPEN_NO_CREATE found no database: this is
	                    * an empty stand-in, and nothing was created */
};

extern const sd_db_driver sd_driver_sqlite;
extern const sd_db_driver sd_driver_postgres;

/*
 * Opens a database by URL (SPEC): sqlite:///rel.db (relative to base_dir),
 * sqlite:////abs.db, postgresql://..., postgres://...
 * Errors: SD_EINPUT for a malformed or unknown URL, SD_ERUNTIME when the
 * database cannot be reached. Messages never contain the password.
 */
int sd_db_open(sd_db **out, const char *url, const char *base_dir,
               sd_error *err);
/* sd_db_open with SD_DB_OPEN_* flags (0: the same as sd_db_open). */
int sd_db_open_flags(sd_db **out, const char *url, const char *base_dir,
                     unsigned flags, sd_error *err);
void sd_db_close(sd_db *db);
/*
 * Opens a scratch database of driver's kind (see scratch_open above); url
 * names the PostgreSQL server to create it on (its own database is only
 * connected to, never changed). The PostgreSQL user needs CREATEDB. *out
 * is closed and the database removed by sd_db_scratch_drop.
 */
int sd_db_scratch_open(sd_db **out, const sd_db_driver *driver,
                       const char *url, sd_error *err);
/* Closes a scratch database and drops it; accepts NULL. SD_ERUNTIME when
 * the drop failed (the message names the database to remove by hand). */
int sd_db_scratch_drop(sd_db *db, sd_error *err);
/* The driver for a URL's scheme, or NULL. */
const sd_db_driver *sd_db_driver_for_url(const char *url);
/* The driver named "sqlite" or "postgresql" (also "postgres"), or NULL. */
const sd_db_driver *sd_db_driver_find(const char *name);

/*
 * Backs db up into path (`upgrade --backup`): written under a temporary
 * name of mode 0600 beside path, then linked into place, so path never
 * holds a partial backup. An existing path is kept unless force (then
 * replaced). *bytes (may be NULL) is the backup's size. SD_ERUNTIME with
 * the reason when it cannot be written; nothing is left behind then.
 */
int sd_db_backup(sd_db *db, const char *path, bool force, long long *bytes,
                 sd_error *err);

/*
 * Splits an SQL script of a dialect into statements, each without its ';'
 * and trimmed of blanks (comments before it kept), by the dialect's own
 * rules (split.c): honours quotes, comments, dollar quotes, CREATE TRIGGER
 * ... END and function bodies. Comment-only pieces are dropped. Each
 * statement's 1-based line within the script goes into lines (may be
 * NULL). Arena-allocated; returns the number of statements.
 */
size_t sd_sql_split(const char ***stmts, int **lines, sd_arena *a,
                    const char *sql, sd_sql_lang lang);

/* Convenience wrappers over the driver table. */
int sd_db_exec(sd_db *db, const char *sql, sd_error *err);
int sd_db_query(sd_db *db, const char *sql, const char *const *params,
                size_t nparams, sd_rows **out, sd_error *err);

#endif
