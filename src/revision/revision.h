/*
 * revision.h - revision files, the revision graph, the version table and the
 * runner that applies revisions to a database.
 *
 * A revision file is `<12 hex>_<slug>.sql` (or `.c`) in the versions
 * directory. Its header (message, revision, revises, created, dialect,
 * warnings, transaction mode) is read without touching the body, so loading
 * a graph of thousands of revisions reads a few lines of each file.
 *
 * SQL header:
 *   -- Add email to User
 *   --
 *   -- revision: 3f2a9c1b7e4d
 *   -- revises: 1a2b3c4d5e6f          (empty for the first, "a, b" merges)
 *   -- created: 2026-11-24T10:15:00Z
 *   -- dialect: sqlite
 *   -- warning: drop column users.x   (zero or more)
 *   -- transaction: none              (only when needed)
 *   -- transaction: steps             (a body in steps, see steps.c)
 *
 *   -- schemadiff:upgrade
 *   ...
 *   -- schemadiff:downgrade
 *   ...
 *
 * A portable revision (`dialect: sqlite, postgresql`) holds one upgrade
 * and one downgrade section per dialect; a section header line names it:
 *
 *   -- schemadiff:upgrade sqlite
 *   ...
 *   -- schemadiff:downgrade sqlite
 *   ...
 *   -- schemadiff:upgrade postgresql
 *   ...
 *
 * A section header line is "-- schemadiff:KIND" and attributes separated
 * by spaces: a bare word is a dialect (short for dialect=NAME), any other
 * attribute is key=value. Unmarked sections are for every dialect of the
 * header (any dialect when the header names none). Other "--
 * schemadiff:" lines inside a section (steps) belong to its text.
 *
 * A C revision carries the same lines in its leading block comment, each
 * line prefixed with " * " (or "-- ") instead; the header ends where that
 * comment closes.
 *
 * Everything here allocates in the graph's (or the caller's) arena, never
 * prints, and reports problems as sd_diag entries naming the file and line.
 */
#ifndef SD_REVISION_H
#define SD_REVISION_H

#include "emit/dialect.h"

SD_LAYER_HEADER(REVISION);

#define SD_REV_ID_LEN 12
#define SD_REV_SLUG_MAX 40
#define SD_REV_UPGRADE_MARKER "-- schemadiff:upgrade"
#define SD_REV_DOWNGRADE_MARKER "-- schemadiff:downgrade"
/* Every marker line of a revision body starts with this. */
#define SD_REV_MARKER_PREFIX "-- schemadiff:"

typedef enum sd_rev_format {
	SD_REV_SQL = 0,
	SD_REV_C = 1,
} sd_rev_format;

/* One revision: its header, plus its place in the graph once loaded. */
typedef struct sd_revision {
	char id[SD_REV_ID_LEN + 1];
	const char *message;
	const char **parents;   /* parent ids, as written in `revises:` */
	size_t nparents;
	const char *created;    /* "2026-11-24T10:15:00Z" */
	const char *dialect;    /* the header's list as written back:
	                         * "sqlite", "sqlite, postgresql", or NULL */
	sd_strlist dialects;    /* the same, one canonical name each */
	sd_strlist warnings;    /* `-- warning:` lines */
	bool no_transaction;    /* `-- transaction: none` */
	bool steps;             /* `-- transaction: steps`: the body is cut
	                         * into steps (SD_STEP_MARKER), each its own
	                         * transaction or none, resumable */
	sd_rev_format format;
	const char *path;       /* the file, as found in the versions dir */
	int body_line;          /* line of the upgrade marker (SQL) */
	int id_line;            /* lines of the `revision:` and `revises:` */
	int parents_line;       /* header lines, for the graph's errors */

	/* Filled in by sd_rev_graph_load. */
	struct sd_revision **parent_revs; /* nparents entries */
	struct sd_revision **children;
	size_t nchildren;
	size_t topo;            /* index in graph->revs (parents first) */
} sd_revision;

typedef struct sd_rev_graph {
	sd_arena *arena;
	const char *dir;
	sd_revision **revs;     /* topological: every parent before its children */
	size_t n;
	sd_map *by_id;
	sd_revision **heads;    /* revisions without children, oldest first */
	size_t nheads;
} sd_rev_graph;

/* ------------------------------------------------------------------ */
/* Files                                                               */
/* ------------------------------------------------------------------ */

/*
 * Parses the header of a revision held in memory (data need not contain the
 * body; parsing stops at the upgrade marker or, for C, the end of the
 * leading comment). Strings are allocated in a. Returns SD_OK, or SD_EINPUT
 * with a diagnostic "path:line: ..." for a malformed header.
 */
int sd_rev_parse_header(sd_revision *out, sd_arena *a, const char *data,
                        size_t len, const char *path, sd_error *err);
/* Reads only the header lines of the file at path and parses them. */
int sd_rev_read_header(sd_revision *out, sd_arena *a, const char *path,
                       sd_error *err);

/* One section of an SQL revision's body. */
typedef struct sd_rev_section {
	bool upgrade;
	const char *dialect; /* canonical name; NULL for an unmarked section */
	int marker_line;     /* line of its header line */
	int first_line;      /* line of its text's first line */
	const char *text;    /* up to the next section header line */
} sd_rev_section;

/*
 * Splits an SQL revision body held in memory (the whole file) into its
 * sections, in file order, allocated in a. Bad input (SD_EINPUT naming
 * path and line): text before the first section, an unknown attribute, a
 * dialect the header does not list (when it lists any), the same section
 * twice, marked and unmarked sections mixed, a dialect with an upgrade
 * but no downgrade (or the reverse), no upgrade section at all.
 */
int sd_rev_parse_sections(sd_rev_section **out, size_t *n, sd_arena *a,
                          const sd_revision *r, const char *data,
                          sd_error *err);

/* true when r's SQL sections (or, for a C revision, its header) are for
 * dialect: a section names it, or unmarked sections and a header that
 * lists it or no dialect at all. */
bool sd_rev_sections_have(const sd_revision *r, const sd_rev_section *s,
                          size_t n, const char *dialect);

/*
 * Reads the body of an SQL revision for one dialect: its upgrade section
 * into *up, its downgrade into *down (both malloc'ed, caller frees).
 * *up_line / *down_line get the line numbers where the sections' text
 * starts (may be NULL). dialect NULL: the revision's only set of sections
 * (unmarked, or marked for a single dialect). A revision without a
 * section for dialect is SD_EINPUT naming the revision, the dialects it
 * is written for and the one asked for.
 */
int sd_rev_read_body_for(char **up, char **down, int *up_line,
                         int *down_line, const sd_revision *r,
                         const char *dialect, sd_error *err);
/* sd_rev_read_body_for(..., NULL, err). */
int sd_rev_read_body(char **up, char **down, int *up_line, int *down_line,
                     const sd_revision *r, sd_error *err);
/*
 * Refuses (SD_EINPUT, naming the revision, the dialects it is written for
 * and dialect) a revision with nothing to run on a database of dialect:
 * an SQL revision without its sections, a C revision whose header lists
 * other dialects. Reads the body of SQL revisions.
 */
int sd_rev_check_dialect(const sd_revision *r, const char *dialect,
                         sd_error *err);

/* 12 lowercase hex digits from /dev/urandom. */
int sd_rev_new_id(char out[SD_REV_ID_LEN + 1], sd_error *err);
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
void sd_rev_now(char out[32]);
/* true for exactly 12 lowercase hex digits. */
bool sd_rev_id_valid(const char *s);

/*
 * Appends the header lines for r (message, revision, revises, created,
 * dialect, warnings, transaction) in the given format: "-- " prefixed for
 * SQL, inside a leading comment for C. The SQL form ends with the blank
 * line before the upgrade marker; the C form with the closing comment.
 */
void sd_rev_format_header(sd_buf *out, const sd_revision *r,
                          sd_rev_format format);

/*
 * Writes text as a new revision file of dir, named after r's id and
 * message ("3f2a9c1b7e4d_add_email.sql" or ".c"), creating dir when
 * missing. *path_out (arena) is the new file's path. Atomic.
 */
int sd_rev_write_file(const char **path_out, sd_arena *a, const char *dir,
                      const sd_revision *r, sd_rev_format format,
                      const sd_buf *text, sd_error *err);
/*
 * Writes a new SQL revision file into dir: header, then the upgrade and
 * downgrade sections. *path_out (arena) is the new file's path. Atomic.
 */
int sd_rev_write_sql(const char **path_out, sd_arena *a, const char *dir,
                     const sd_revision *r, const char *up, const char *down,
                     sd_error *err);
/*
 * The same for a revision with one upgrade and one downgrade per dialect
 * of r->dialects: ups[i] and downs[i] are the sections of
 * r->dialects.items[i]. With one dialect the sections are unmarked (the
 * single-dialect layout); with several each names its dialect.
 */
int sd_rev_write_sql_dialects(const char **path_out, sd_arena *a,
                              const char *dir, const sd_revision *r,
                              const char *const *ups,
                              const char *const *downs, sd_error *err);
/* Sets r->dialects (and r->dialect, its text) from names (canonical
 * dialect names, n of them; allocated in a). */
void sd_rev_set_dialects(sd_revision *r, sd_arena *a,
                         const char *const *names, size_t n);

/* ------------------------------------------------------------------ */
/* Graph                                                               */
/* ------------------------------------------------------------------ */

/*
 * Loads every *.sql and *.c revision header of dir. A missing dir is an
 * empty graph. Duplicate ids, missing parents, cycles and malformed headers
 * are SD_EINPUT naming the file. On success *out is a new graph.
 */
int sd_rev_graph_load(sd_rev_graph **out, const char *dir, sd_error *err);
void sd_rev_graph_free(sd_rev_graph *g);
sd_revision *sd_rev_graph_get(const sd_rev_graph *g, const char *id);

/*
 * Resolves a full id or unique prefix. Ambiguous prefixes list the
 * candidates. Returns SD_OK or SD_EINPUT.
 */
int sd_rev_graph_lookup(sd_revision **out, const sd_rev_graph *g,
                        const char *text, sd_error *err);

/* The set of applied revisions: every ancestor of the given heads. Returns
 * a bool array of g->n entries indexed by topo (arena). */
bool *sd_rev_graph_closure(const sd_rev_graph *g, sd_arena *a,
                           sd_revision *const *heads, size_t nheads);
/* true when anc is an ancestor of (or equal to) rev. */
bool sd_rev_is_ancestor(const sd_rev_graph *g, const sd_revision *anc,
                        const sd_revision *rev);

/*
 * A resolved migration step list: revisions in the order they run, and the
 * direction.
 */
typedef struct sd_rev_path {
	sd_revision **revs;
	size_t n;
	bool upgrade;
} sd_rev_path;

/*
 * Plans an upgrade or downgrade from the current heads (the version table's
 * rows, resolved to revisions) to target. Targets: id or prefix, "head",
 * "heads", "base", "+N", "-N". Upgrade: every ancestor of the target not yet
 * applied, parents first. Downgrade: every applied revision above the
 * target, children first. Returns SD_OK or SD_EINPUT (unknown or ambiguous
 * target, several heads where one is needed, a target below/above the
 * current state).
 */
int sd_rev_plan(sd_rev_path *out, sd_arena *a, const sd_rev_graph *g,
                sd_revision *const *current, size_t ncurrent,
                const char *target, bool upgrade, sd_error *err);

/*
 * The revisions from..to for `history -r` and `--sql FROM:TO`: ancestors of
 * `to` (inclusive) that are descendants of `from` (exclusive when
 * exclusive_from), parents first. from NULL = base, to NULL = all heads.
 */
int sd_rev_range(sd_rev_path *out, sd_arena *a, const sd_rev_graph *g,
                 const sd_revision *from, const sd_revision *to,
                 bool exclusive_from);

/* ------------------------------------------------------------------ */
/* Version table                                                       */
/* ------------------------------------------------------------------ */

/* The DDL creating the version table (idempotent: IF NOT EXISTS). */
void sd_version_table_ddl(sd_buf *out, const sd_dialect *d,
                          const char *table);
/*
 * Reads the version rows (applied heads) into *ids (arena, sorted), *n
 * their count. A missing table means nothing applied.
 */
int sd_version_read(const char ***ids, size_t *n, sd_arena *a, sd_db *db,
                    const char *table, sd_error *err);
/*
 * The applied log: "<table>_log" (revision, operation, checksum,
 * applied_at), one row per upgrade, downgrade or stamp, so an edited
 * revision file can be told from the one that ran. The name starts with
 * the version table's, so introspection and the differ leave it alone.
 */
const char *sd_version_log_table(sd_arena *a, const char *table);
void sd_version_log_ddl(sd_buf *out, const sd_dialect *d, const char *table);
/*
 * The applied revisions (ancestors of current) whose file no longer matches
 * any checksum it was applied with: edited after it ran. Revisions applied
 * before the log existed are not reported. *out is arena-allocated.
 */
int sd_version_edited(sd_revision ***out, size_t *nout, sd_arena *a,
                      sd_db *db, const sd_rev_graph *g, const char *table,
                      sd_revision *const *current, size_t ncurrent,
                      sd_error *err);
/* SHA-256 (hex) of a revision file, or NULL when it cannot be read. */
const char *sd_rev_file_checksum(sd_arena *a, const char *path);

/* Where one revision stands on a database (sd_rev_status). */
typedef struct sd_rev_state {
	sd_revision *rev;
	bool applied;           /* an ancestor of (or) a version row */
	const char *applied_at; /* its latest upgrade or stamp in the log,
	                         * "2026-11-24T10:15:00Z"; NULL when the log
	                         * does not say (stamped below a head, or
	                         * applied before the log existed) */
	const char *how;        /* "upgrade" or "stamp" with applied_at */
	bool changed;           /* applied, and the file matches none of the
	                         * checksums it was applied with */
} sd_rev_state;

/*
 * One entry per revision of g, in g's order (parents first), for a
 * database whose version rows resolve to current. *out is arena-allocated
 * (g->n entries). A missing log leaves applied_at NULL everywhere.
 */
int sd_rev_status(sd_rev_state **out, sd_arena *a, sd_db *db,
                  const sd_rev_graph *g, const char *table,
                  sd_revision *const *current, size_t ncurrent,
                  sd_error *err);

/* Creates the version table and its log when missing. */
int sd_version_ensure(sd_db *db, const char *table, sd_error *err);
/* Replaces every row with ids (n may be 0). Must run in a transaction. */
int sd_version_set(sd_db *db, const char *table, const char *const *ids,
                   size_t n, sd_error *err);

/* ------------------------------------------------------------------ */
/* Runner                                                              */
/* ------------------------------------------------------------------ */

typedef struct sd_runner_opts {
	const char *version_table;
	/* Called once if another schemadiff holds the lock. */
	void (*wait_cb)(void *ctx);
	/* Progress: before and after each revision (elapsed seconds, or -1
	 * before), and for each statement as it runs. All may be NULL. */
	void (*on_revision)(void *ctx, const sd_revision *r, bool upgrade,
	                    double elapsed);
	void (*on_statement)(void *ctx, const char *sql);
	void *ctx;
	/*
	 * Called with ctx once the lock is held and the revisions to run are
	 * known, before the first runs; not called when none is pending. May
	 * be NULL. A failure (its code) stops the run with nothing applied:
	 * `--backup` takes its backup here.
	 */
	int (*before_run)(void *ctx, sd_db *db, size_t nrevisions,
	                  sd_error *err);
	/*
	 * C revisions: runs r's upgrade (or downgrade) on db inside the
	 * transaction the runner opened. NULL: C revisions are refused.
	 */
	int (*run_c)(void *c_ctx, sd_db *db, const sd_revision *r,
	             bool upgrade, sd_error *err);
	/*
	 * C revisions: makes r ready to run (compiles it) before any
	 * revision of the run is applied, so a revision that does not
	 * compile stops the run with nothing applied. May be NULL.
	 */
	int (*prepare_c)(void *c_ctx, const sd_revision *r, sd_error *err);
	void *c_ctx;
	/*
	 * Offline (sd_runner_sql_opts): appends the statements r's upgrade
	 * (or downgrade) would run, as "stmt;\n" lines of dialect d. NULL:
	 * a comment says they are known only when it runs.
	 */
	int (*sql_c)(void *c_ctx, sd_buf *out, const sd_dialect *d,
	             const sd_revision *r, bool upgrade, sd_error *err);
	/*
	 * Databases with lock timeouts (PostgreSQL): how long each
	 * statement may wait for a lock, ms (0: forever), and how many times
	 * a transaction or step that waited too long is tried again, after
	 * 250 ms, 500 ms, 1 s... (jittered). When the tries run out the run
	 * fails naming the table and the lock; what committed stays.
	 */
	long lock_timeout_ms;
	int lock_retries;
	/* Rows per batch of a batch step (0: 10,000). */
	long batch_size;
	/* A line worth telling while it runs: a revision resumed at a step,
	 * a retry after a lock timeout, an invalid index built again. May be
	 * NULL. */
	void (*on_note)(void *ctx, const char *msg);
} sd_runner_opts;

/* ------------------------------------------------------------------ */
/* Steps (steps.c)                                                     */
/* ------------------------------------------------------------------ */

typedef enum sd_step_kind {
	SD_STEP_TRANSACTION = 0,  /* its statements in one transaction */
	SD_STEP_NONTRANSACTIONAL, /* each statement on its own */
	SD_STEP_BATCHED,          /* one UPDATE, in batches */
} sd_step_kind;

/* One step of a revision section. */
typedef struct sd_rev_step {
	sd_step_kind kind;
	int line;           /* its marker's line; 0 for the unmarked first */
	const char **stmts;
	int *lines;         /* each statement's line in the file */
	size_t n;
} sd_rev_step;

/*
 * Cuts one section of r (its text, which starts at line first_line of
 * the file) into steps at its SD_STEP_MARKER lines. Without `transaction:
 * steps` in the header the section is one step (a transaction, or
 * nontransactional for `transaction: none`) and a marker is bad input.
 * A marker with an unknown kind, and a batch step holding anything but
 * one statement, are bad input too (SD_EINPUT naming file and line).
 * Steps without statements are left out. Arena-allocated.
 */
int sd_rev_steps(sd_rev_step **out, size_t *nsteps, sd_arena *a,
                 const sd_revision *r, const char *section, int first_line,
                 sd_sql_lang lang, sd_error *err);
/* "transaction", "nontransactional", "batch". */
const char *sd_step_kind_name(sd_step_kind k);

/*
 * The bookkeeping table of steps, "<table>_steps": one row per finished
 * (or started) step of the revision under way, removed when the revision
 * is recorded. Its name starts with the version table's, so
 * introspection and the differ leave it alone.
 */
const char *sd_version_steps_table(sd_arena *a, const char *table);

/* What a run did. */
typedef struct sd_run_result {
	size_t applied;          /* revisions run (also when a later one
	                          * failed) */
	size_t planned;          /* revisions the run set out to apply */
	bool nothing_to_do;      /* already at the target */
} sd_run_result;

/*
 * What is checked before anything of a run along path is applied: every
 * SQL revision's body is read (a malformed file is bad input, exit 2, with
 * the database untouched), each C revision is prepared (opts->prepare_c),
 * and the driver refuses a revision too big for one transaction.
 * sd_runner_migrate calls it; a caller may call it first, e.g. before it
 * creates a database file for the run.
 */
int sd_runner_preflight(const sd_rev_path *path, sd_db *db,
                        const sd_runner_opts *opts, sd_error *err);

/*
 * Upgrades or downgrades db to target under the driver's lock. Each
 * revision runs in its own transaction with its version update; the
 * version table is re-read after the lock is taken and inside every
 * transaction, so concurrent runs never apply a revision twice. On failure
 * the failing revision is rolled back, err names the revision file, and
 * SD_ERUNTIME is returned.
 */
int sd_runner_migrate(sd_run_result *res, sd_db *db, const sd_rev_graph *g,
                      const char *target, bool upgrade,
                      const sd_runner_opts *opts, sd_error *err);

/* The version rows resolved to revisions; a row without a file in the
 * graph is SD_EINPUT. *cur is arena-allocated. */
int sd_runner_current(sd_revision ***cur, size_t *ncur, sd_arena *a,
                      sd_db *db, const sd_rev_graph *g, const char *table,
                      sd_error *err);

/* Records target (a revision, head, heads or base) as applied without
 * running anything. head and heads with no revisions are SD_EINPUT. */
int sd_runner_stamp(sd_db *db, const sd_rev_graph *g, const char *target,
                    const sd_runner_opts *opts, sd_error *err);

/*
 * Appends the SQL an upgrade/downgrade along path would run (offline mode
 * and --sql): version-table DDL when create_table, then per revision
 * BEGIN, its statements, the version update and COMMIT. current/ncurrent
 * are the heads before the path runs.
 */
int sd_runner_sql(sd_buf *out, const sd_dialect *d, const sd_rev_graph *g,
                  const sd_rev_path *path, sd_revision *const *current,
                  size_t ncurrent, const char *version_table,
                  bool create_table, sd_error *err);
/* The same, with opts->version_table, and C revisions through opts->sql_c. */
int sd_runner_sql_opts(sd_buf *out, const sd_dialect *d,
                       const sd_rev_graph *g, const sd_rev_path *path,
                       sd_revision *const *current, size_t ncurrent,
                       bool create_table, const sd_runner_opts *opts,
                       sd_error *err);

#endif
