/*
 * dialect.h - everything that differs between SQL dialects, behind one
 * table of function pointers (the way SQLite's VFS and pg_dump's archive
 * formats are done). The differ asks capabilities; the emitters ask quoting,
 * type names and statements. No `if (dialect == SQLITE)` anywhere else.
 */
#ifndef SD_DIALECT_H
#define SD_DIALECT_H

#include "db/db.h"
#include "diff/plan.h"
#include "util/sql.h"

SD_LAYER_HEADER(EMIT);

/* The lock an operation takes on the objects it names, for reviewers. */
typedef struct sd_op_lock {
	const char *lock;   /* its name: "ACCESS EXCLUSIVE", "SHARE" */
	const char *blocks; /* what waits while it is held: "writes" */
	/* Held for a scan, rewrite, copy or index build of the table's rows
	 * (long) rather than for a catalog update (brief, once granted). */
	bool long_held;
} sd_op_lock;

typedef struct sd_dialect {
	const char *name; /* "sqlite", "postgresql": the revision header value */
	const sd_dialect_caps *caps;
	/* Appends name as a quoted identifier: "users", "we""ird". */
	void (*quote_ident)(sd_buf *out, const char *name);
	/* Appends s as a string literal: 'it''s'. */
	void (*quote_literal)(sd_buf *out, const char *s);
	/* Appends the column type in this dialect: VARCHAR(120), TEXT... */
	void (*type_sql)(sd_buf *out, const sd_type *type);
	/*
	 * Appends the statements of one operation, each ending in ";\n".
	 * Returns SD_OK, or an error when the operation cannot be expressed.
	 */
	int (*emit_op)(sd_buf *out, const sd_op *op, sd_error *err);
	/* Statements around a revision: BEGIN/COMMIT and any pragmas. */
	const char *begin_sql;
	const char *commit_sql;
	/* The lock op takes (locks.c). */
	void (*op_lock)(sd_op_lock *out, const sd_op *op);
	/*
	 * The online forms (sd_emit_opts.online): appends the statements of
	 * ops, in order, cut into steps by SD_STEP_MARKER lines; sets *steps
	 * when it wrote a marker. NULL: the dialect has none (every revision
	 * is one transaction).
	 */
	int (*emit_online)(sd_buf *out, sd_op *const *ops, size_t n,
	                   bool *steps, sd_error *err);
	/*
	 * Appends the settings a run of ops needs before its first
	 * statement (PostgreSQL: function bodies left unchecked where
	 * functions are created, as pg_dump does). NULL: none.
	 */
	void (*prologue)(sd_buf *out, sd_op *const *ops, size_t n);
} sd_dialect;

/*
 * A revision section in steps: statements before the first marker form a
 * transaction; each marker line starts a step, a transaction unless a kind
 * follows: "-- schemadiff:step nontransactional" (statements run one by
 * one outside any transaction), "-- schemadiff:step batch" (one UPDATE,
 * run by the runner in batches, each its own transaction). The revision
 * header says "transaction: steps" (revision/steps.c reads them).
 */
#define SD_STEP_MARKER "-- schemadiff:step"
#define SD_STEP_WORD_NONTX "nontransactional"
#define SD_STEP_WORD_BATCH "batch"

/* PostgreSQL's online forms (pg_online.c). */
int sd_pg_emit_online(sd_buf *out, sd_op *const *ops, size_t n, bool *steps,
                      sd_error *err);

extern const sd_dialect sd_dialect_sqlite;
extern const sd_dialect sd_dialect_postgres;

/* The dialects' op_lock (locks.c). */
void sd_pg_op_lock(sd_op_lock *out, const sd_op *op);
void sd_sqlite_op_lock(sd_op_lock *out, const sd_op *op);

/* "sqlite" or "postgresql" (also "postgres") -> dialect, else NULL. */
const sd_dialect *sd_dialect_find(const char *name);
/* The dialect of a connection (by its driver's name); NULL for NULL. */
const sd_dialect *sd_db_dialect(const sd_db *db);

/* Appends schema.name quoted, or name alone in the default namespace. */
void sd_emit_qualified(sd_buf *out, const sd_dialect *d, const char *schema,
                       const char *name);

/*
 * Emits the upgrade (ops in order) and the downgrade (inverted ops in reverse
 * order) of a plan. Returns SD_OK or the first emit error.
 */
int sd_emit_plan(sd_buf *up, sd_buf *down, const sd_plan *plan,
                 const sd_dialect *d, sd_error *err);

/*
 * Appends the upgrade of a plan as a script to run as it is: one
 * transaction, with each statement that cannot run inside one between
 * transactions after a comment saying so. Returns SD_OK or the first emit
 * error.
 */
int sd_emit_script(sd_buf *out, const sd_plan *plan, const sd_dialect *d,
                   sd_error *err);

typedef struct sd_emit_opts {
	/* Operations on tables that exist before the revision take the
	 * dialect's online forms, in steps (emit_online), where it has
	 * them. */
	bool online;
} sd_emit_opts;

/*
 * sd_emit_plan with options (o NULL: none). *steps (may be NULL) is set
 * when either section was written in steps, so the revision's header must
 * say "transaction: steps".
 */
int sd_emit_plan_opts(sd_buf *up, sd_buf *down, const sd_plan *plan,
                      const sd_dialect *d, const sd_emit_opts *o,
                      bool *steps, sd_error *err);

/* ------------------------------------------------------------------ */
/* Helpers shared by the SQL emitters (emit.c).                        */
/* ------------------------------------------------------------------ */

/* Appends quoted identifiers separated by ", ": "a", "b". */
void sd_emit_column_list(sd_buf *out, const sd_dialect *d,
                         const sd_strlist *columns);
/*
 * Appends an index's key list with its parentheses:
 *     ("email" COLLATE nocase DESC, lower(name))
 * SD_KEYS_PAREN_EXPRS wraps expression keys in their own parentheses
 * (PostgreSQL needs that for anything but a function call; SQLite does
 * not); SD_KEYS_QUOTED_COLLATION quotes every collation name (PostgreSQL
 * would fold a bare "C" to "c").
 */
enum { SD_KEYS_PAREN_EXPRS = 1u << 0, SD_KEYS_QUOTED_COLLATION = 1u << 1 };
void sd_emit_index_keys(sd_buf *out, const sd_dialect *d,
                        const sd_index *ix, unsigned flags);
/*
 * Appends t in SQL: the name in own[kind] where the dialect has its own,
 * else the standard one (SMALLINT, VARCHAR, TIMESTAMPTZ...), then the
 * arguments; a raw type as written (own[SD_T_RAW] when it has no text).
 * A kind with neither (enums where own leaves them out) is written as its
 * name: the caller handles it first.
 */
void sd_emit_type(sd_buf *out, const sd_type *t,
                  const char *const own[SD_T__COUNT]);
/* A collation name, bare when it is a plain word, so "nocase" reads as
 * SQLite users write it; quoted otherwise. */
void sd_emit_collation(sd_buf *out, const sd_dialect *d, const char *name);
/*
 * Appends the REFERENCES clause of a foreign key, leaving out what is the
 * default: ` REFERENCES "orgs" ("id") ON DELETE CASCADE DEFERRABLE`.
 */
void sd_emit_fk_references(sd_buf *out, const sd_dialect *d,
                           const sd_foreign_key *fk);
/* " DEFERRABLE [INITIALLY DEFERRED]" when deferrable, else nothing. */
void sd_emit_deferrable(sd_buf *out, bool deferrable, bool initially_deferred);

/*
 * Appends the body of a C revision for plan (NULL: empty functions): the
 * #include, then `int upgrade(sd_migration *m)` calling the revision API
 * for the operations in order and `int downgrade(sd_migration *m)` for
 * their inverses in reverse order. Operations no API call reproduces
 * exactly are written as sd_execute_script() with d's statements. The
 * header comment is the caller's. Returns SD_OK or the first emit error.
 */
int sd_emit_c(sd_buf *out, const sd_plan *plan, const sd_dialect *d,
              sd_error *err);
/*
 * The same for a revision of several dialects (all, nall of them, d among
 * them): the API calls serve every dialect; an operation without one gets
 * each dialect's statements behind a test of sd_migration_dialect() (the
 * file then includes <string.h>), or one sd_execute_script() when they
 * are the same everywhere.
 */
int sd_emit_c_dialects(sd_buf *out, const sd_plan *plan, const sd_dialect *d,
                       const sd_dialect *const *all, size_t nall,
                       sd_error *err);

/*
 * PostgreSQL's statements for views, functions, triggers, policies,
 * rules, row-level security and grants (pg_logic.c): the three object
 * operations (SD_OP_CREATE/DROP/REPLACE_OBJECT), and COMMENT ON such an
 * object (false, nothing written, for other kinds).
 */
int sd_pg_emit_logic(sd_buf *out, const sd_op *op, sd_error *err);
/*
 * PostgreSQL's prologue: "SET check_function_bodies = false;" when ops
 * create or replace a function, so that a SQL function may come before
 * the tables its body names (a default calling a function that reads its
 * own table is a cycle otherwise). Session-wide, as in pg_dump's scripts:
 * it holds through every transaction of a revision in steps.
 */
void sd_pg_logic_prologue(sd_buf *out, sd_op *const *ops, size_t n);
bool sd_pg_logic_comment(sd_buf *out, const sd_object *o, const char *text);

/* SQLite's statements for views and triggers (sqlite_logic.c): the three
 * object operations on them. */
int sd_sqlite_emit_logic(sd_buf *out, const sd_op *op, sd_error *err);

#endif
