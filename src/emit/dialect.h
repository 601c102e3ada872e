/*
 * dialect.h - everything that differs between SQL dialects, behind one
 * table of function pointers (the way SQLite's VFS and pg_dump's archive
 * formats are done). The differ asks capabilities; the emitters ask quoting,
 * type names and statements. No `if (dialect == SQLITE)` anywhere else.
 */
#ifndef SD_DIALECT_H
#define SD_DIALECT_H

#include "diff/plan.h"

typedef struct sd_dialect_caps {
	bool transactional_ddl;  /* DDL commits with the version update */
	bool alter_column;       /* ALTER COLUMN type/null/default in place */
	bool alter_constraints;  /* ADD/DROP CONSTRAINT on existing tables */
	bool drop_column;        /* ALTER TABLE DROP COLUMN (plain columns) */
	bool enums;              /* native enum types */
	bool namespaces;         /* CREATE SCHEMA */
	bool comments;           /* COMMENT ON */
	bool named_primary_keys; /* primary key names survive in the catalog */
	bool unique_as_index;    /* unique constraints are created as unique
	                            indexes (SQLite: ALTER cannot add them) */
	size_t max_identifier;   /* bytes; 0 = unlimited */
	/* SQLite: AUTOINCREMENT, WITHOUT ROWID, STRICT and ON CONFLICT
	 * clauses are part of a table's definition (a change = rebuild) */
	bool table_options;
} sd_dialect_caps;

/*
 * The lock an operation takes on the objects it names, for reviewers:
 * the lock's name ("ACCESS EXCLUSIVE", "SHARE"), what waits while it is
 * held ("reads and writes", "writes"), and whether it is held for a scan,
 * rewrite, copy or index build of the table's rows (long) rather than for
 * a catalog update (brief, once it is granted).
 */
typedef struct sd_op_lock {
	const char *lock;
	const char *blocks;
	bool long_held;
} sd_op_lock;

typedef struct sd_dialect {
	const char *name; /* "sqlite", "postgresql": the revision header value */
	sd_dialect_caps caps;
	/* Appends name as a quoted identifier: "users", "we""ird". */
	void (*quote_ident)(sd_buf *out, const char *name);
	/* Appends s as a string literal: 'it''s'. */
	void (*quote_literal)(sd_buf *out, const char *s);
	/* Appends the column type in this dialect: VARCHAR(120), TEXT... */
	void (*type_sql)(sd_buf *out, const sd_type *type);
	/*
	 * Same column type by meaning in this dialect (SQLite: enum(x) is
	 * TEXT; an autoincrementing integer key is INTEGER whatever its
	 * declared width). NULL means sd_type_equal. `a` is the current
	 * (database) column, `b` the desired one.
	 */
	bool (*column_type_equal)(const sd_column *a, const sd_column *b);
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
} sd_dialect;

extern const sd_dialect sd_dialect_sqlite;
extern const sd_dialect sd_dialect_postgres;

/* The dialects' op_lock (locks.c). */
void sd_pg_op_lock(sd_op_lock *out, const sd_op *op);
void sd_sqlite_op_lock(sd_op_lock *out, const sd_op *op);

/*
 * SQL-standard quoting, which both dialects use: an identifier in double
 * quotes, a literal in single quotes, the quote character doubled inside
 * ("we""ird", 'it''s'). NULL quotes as empty. PostgreSQL runs with
 * standard_conforming_strings on (the default since 9.1), so backslashes
 * are ordinary characters.
 */
void sd_quote_ident_std(sd_buf *out, const char *name);
void sd_quote_literal_std(sd_buf *out, const char *s);

/* "sqlite" or "postgresql" (also "postgres") -> dialect, else NULL. */
const sd_dialect *sd_dialect_find(const char *name);

/* Appends schema.name, or name alone when schema is NULL. */
void sd_emit_qualified(sd_buf *out, const sd_dialect *d, const char *schema,
                       const char *name);

/*
 * Emits the upgrade (ops in order) and the downgrade (inverted ops in reverse
 * order) of a plan. Returns SD_OK or the first emit error.
 */
int sd_emit_plan(sd_buf *up, sd_buf *down, const sd_plan *plan,
                 const sd_dialect *d, sd_error *err);

/* ------------------------------------------------------------------ */
/* Helpers shared by the SQL emitters (emit.c).                        */
/* ------------------------------------------------------------------ */

/* Appends quoted identifiers separated by ", ": "a", "b". */
void sd_emit_column_list(sd_buf *out, const sd_dialect *d,
                         const sd_strlist *columns);
/*
 * Appends an index's key list with its parentheses:
 *     ("email" COLLATE nocase DESC, lower(name))
 * paren_exprs wraps expression keys in their own parentheses (PostgreSQL
 * needs that for anything but a function call; SQLite does not).
 */
void sd_emit_index_keys(sd_buf *out, const sd_dialect *d,
                        const sd_index *ix, bool paren_exprs);
/*
 * Appends the REFERENCES clause of a foreign key, leaving out what is the
 * default: ` REFERENCES "orgs" ("id") ON DELETE CASCADE DEFERRABLE`.
 */
void sd_emit_fk_references(sd_buf *out, const sd_dialect *d,
                           const sd_foreign_key *fk);

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

#endif
