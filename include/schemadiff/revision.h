/*
 * revision.h - the operation API a C revision calls.
 *
 * A C revision is a C file in the versions directory that starts with the
 * revision header in a block comment and defines two functions:
 *
 *     #include <schemadiff/revision.h>
 *
 *     int upgrade(sd_migration *m)
 *     {
 *         sd_table_def *t = sd_table_begin(m, "users");
 *         sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
 *         sd_table_column(t, "username", "string(50)", SD_COL_NOT_NULL);
 *         return sd_create_table(m, t);
 *     }
 *
 *     int downgrade(sd_migration *m)
 *     {
 *         return sd_drop_table(m, "users");
 *     }
 *
 * `schemadiff upgrade` compiles the file into a cached shared object, loads
 * it and calls upgrade() inside the revision's transaction; `downgrade`
 * calls downgrade(). Every operation builds the same operation the
 * schema differ would and is emitted through the database's SQL dialect,
 * so a C revision runs exactly the SQL an SQL revision would.
 *
 * Conventions, the same for every function here:
 *
 *  - Return value: 0 on success, or a negative SD_ERR_* code. The message
 *    is kept in the migration (sd_migration_error()). A revision returns
 *    that code: `if ((rc = sd_add_column(...)) < 0) return rc;`.
 *  - Errors are sticky: after the first failure every further call does
 *    nothing and returns the same code, and the revision fails even if the
 *    function goes on to return 0. The transaction is rolled back and the
 *    database stays at the previous revision.
 *  - Names are plain identifiers, never quoted by the caller: schemadiff
 *    quotes them for the dialect. Names in another schema (PostgreSQL) are
 *    reached through sd_use_schema().
 *  - Types are the portable types of the models ("integer",
 *    "string(120)", "timestamptz", "enum(status)", ...) or any type the
 *    database knows, passed verbatim ("inet", "integer[]").
 *  - Defaults, CHECK bodies and index expressions are SQL, written as SQL.
 *  - Values are never spliced into SQL: sd_execute() and sd_query() bind
 *    them to $1, $2, ... placeholders (on every dialect).
 *  - Everything a revision gets from the API (table definitions, cursors,
 *    strings) belongs to the migration and is released when the revision
 *    returns, unless a function says otherwise.
 *
 * Offline mode (`upgrade --sql`): operations are recorded as SQL instead of
 * run; bound values are shown as literals; queries return no rows. A
 * revision can ask with sd_migration_offline().
 *
 * This header compiles as strict C11 and stands alone: a revision can be
 * checked by a reviewer with
 *     cc -shared -fPIC $(pkg-config --cflags schemadiff) rev.c
 */
#ifndef SCHEMADIFF_REVISION_H
#define SCHEMADIFF_REVISION_H

#include <stdbool.h>
#include <stddef.h>

#include <schemadiff/schemadiff.h>

#if defined(__GNUC__) || defined(__clang__)
#define SD_API __attribute__((visibility("default")))
#else
#define SD_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* The migration                                                       */
/* ------------------------------------------------------------------ */

/*
 * The running revision: its connection, its transaction, its SQL dialect
 * and the first error. Created by schemadiff for each upgrade() or
 * downgrade() call and destroyed when it returns; a revision never frees
 * it.
 */
typedef struct sd_migration sd_migration;

/* Result codes. 0 is success; errors are negative. */
#define SD_ERR_INPUT (-2)   /* bad arguments: unknown type, missing name */
#define SD_ERR_DB (-3)      /* the database refused a statement */

/*
 * The functions every C revision defines. `upgrade` applies the change,
 * `downgrade` reverts it. Return 0, or the negative code of the call that
 * failed.
 */
SD_API int upgrade(sd_migration *m);
SD_API int downgrade(sd_migration *m);

/*
 * sd_migration_error - the message of the first failure.
 *
 * @m: the migration
 * Returns: the message ("users: column 'email' already exists"), or NULL
 *          when nothing has failed. Owned by the migration.
 *
 * Example:
 *     if (sd_add_column(m, "users", c) < 0)
 *         fprintf(stderr, "%s\n", sd_migration_error(m));
 */
SD_API const char *sd_migration_error(const sd_migration *m);

/*
 * sd_migration_status - the code of the first failure, 0 when none.
 *
 * Because errors are sticky, a revision may make its calls one after the
 * other and end with this:
 *     sd_drop_column(m, "users", "legacy");
 *     sd_drop_index(m, "users", "ix_users_legacy");
 *     return sd_migration_status(m);
 */
SD_API int sd_migration_status(const sd_migration *m);

/*
 * sd_migration_fail - makes the revision fail with a message of its own.
 *
 * @m: the migration
 * @message: printed by schemadiff as the revision's error (copied)
 * Returns: SD_ERR_INPUT, so a revision can write
 *     return sd_migration_fail(m, "users without email remain");
 */
SD_API int sd_migration_fail(sd_migration *m, const char *message);

/*
 * sd_migration_dialect - the SQL dialect the revision runs against.
 *
 * Returns: "sqlite" or "postgresql". For the rare revision that needs
 * dialect-specific SQL in sd_execute().
 */
SD_API const char *sd_migration_dialect(const sd_migration *m);

/*
 * sd_migration_offline - whether statements are only recorded.
 *
 * Returns: true under `upgrade --sql` / `downgrade --sql`, where nothing
 * runs and sd_query() returns no rows.
 */
SD_API bool sd_migration_offline(const sd_migration *m);

/*
 * sd_use_schema - the schema (PostgreSQL namespace) later names refer to.
 *
 * @m: the migration
 * @schema: a schema name, or NULL for the default one (the search path)
 * Returns: 0. Applies to table, index and enum names of every following
 * call until the next sd_use_schema().
 *
 * Example:
 *     sd_use_schema(m, "billing");
 *     sd_drop_table(m, "invoices");      -- DROP TABLE "billing"."invoices"
 *     sd_use_schema(m, NULL);
 */
SD_API int sd_use_schema(sd_migration *m, const char *schema);

/* ------------------------------------------------------------------ */
/* Column and table definitions                                        */
/* ------------------------------------------------------------------ */

/* Column flags for sd_table_column() and sd_column_begin(). */
enum {
	SD_COL_NULLABLE = 0,            /* the default */
	SD_COL_NOT_NULL = 1 << 0,
	SD_COL_PRIMARY_KEY = 1 << 1,    /* implies NOT NULL; an integer
	                                   key autoincrements */
	SD_COL_UNIQUE = 1 << 2,         /* a unique constraint uq_<t>_<c> */
	SD_COL_IDENTITY_ALWAYS = 1 << 3,     /* PostgreSQL identity kinds */
	SD_COL_IDENTITY_BY_DEFAULT = 1 << 4,
	SD_COL_NO_AUTOINCREMENT = 1 << 5     /* an integer primary key that
	                                        does not autoincrement */
};

/* A column being defined; owned by the migration. */
typedef struct sd_column_def sd_column_def;
/* A table being defined; owned by the migration. */
typedef struct sd_table_def sd_table_def;

/*
 * SD_NAMES - a NULL-terminated list of names (or expressions or labels)
 * for the fields and functions below that take `const char *const *`.
 *
 *     SD_NAMES("org_id", "username")
 */
#define SD_NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})

/*
 * sd_column_begin - defines a column for sd_add_column().
 *
 * @m: the migration
 * @name: column name
 * @type: portable or verbatim type, e.g. "string(120)"
 * @flags: SD_COL_* flags or'ed together
 * Returns: the definition (owned by the migration), never NULL. A bad type
 * is reported by the call that uses the definition.
 *
 * Example:
 *     sd_column_def *c = sd_column_begin(m, "status", "string(20)",
 *                                        SD_COL_NOT_NULL);
 *     sd_column_default(c, "'active'");
 *     sd_add_column(m, "users", c);
 */
SD_API sd_column_def *sd_column_begin(sd_migration *m, const char *name,
                                      const char *type, unsigned flags);

/*
 * sd_column_default - sets a column's DEFAULT.
 *
 * @c: the column
 * @sql: an SQL expression ("now()", "'en'", "0"), or NULL for none (copied)
 * Returns: c, so calls can be chained into sd_add_column().
 */
SD_API sd_column_def *sd_column_default(sd_column_def *c, const char *sql);

/*
 * sd_column_collation, sd_column_comment, sd_column_generated - the
 * column's COLLATE, its comment (PostgreSQL), and a stored generated
 * expression (GENERATED ALWAYS AS (sql) STORED). Arguments are copied;
 * NULL clears. Return c.
 */
SD_API sd_column_def *sd_column_collation(sd_column_def *c,
                                          const char *collation);
SD_API sd_column_def *sd_column_comment(sd_column_def *c,
                                        const char *comment);
SD_API sd_column_def *sd_column_generated(sd_column_def *c,
                                          const char *sql);

/*
 * sd_column_backfill - an SQL expression that fills existing rows when the
 * column is added NOT NULL to a table that has rows (SQLite rebuilds the
 * table with it; see the models' `backfill`). Copied. Returns c.
 */
SD_API sd_column_def *sd_column_backfill(sd_column_def *c, const char *sql);

/*
 * sd_table_begin - starts the definition of a new table.
 *
 * @m: the migration
 * @name: the table name (in the schema of sd_use_schema())
 * Returns: the definition, owned by the migration, never NULL. Add
 * columns and constraints, then pass it to sd_create_table().
 *
 * Example:
 *     sd_table_def *t = sd_table_begin(m, "users");
 *     sd_table_column(t, "id", "integer", SD_COL_PRIMARY_KEY);
 *     sd_column_default(sd_table_column(t, "created_at", "timestamptz",
 *                                       SD_COL_NOT_NULL), "now()");
 *     sd_table_unique(t, "uq_users_email", SD_NAMES("email"));
 *     return sd_create_table(m, t);
 */
SD_API sd_table_def *sd_table_begin(sd_migration *m, const char *name);

/*
 * sd_table_column - appends a column to a table definition.
 *
 * @t: the table
 * @name, @type, @flags: as for sd_column_begin()
 * Returns: the new column, for sd_column_default() and friends.
 */
SD_API sd_column_def *sd_table_column(sd_table_def *t, const char *name,
                                      const char *type, unsigned flags);

/*
 * sd_table_comment - the table's comment (PostgreSQL COMMENT ON TABLE).
 * Copied; NULL clears.
 */
SD_API void sd_table_comment(sd_table_def *t, const char *comment);

/* ------------------------------------------------------------------ */
/* Constraints                                                         */
/* ------------------------------------------------------------------ */

typedef enum sd_constraint_kind {
	SD_PRIMARY_KEY = 1,
	SD_UNIQUE,
	SD_FOREIGN_KEY,
	SD_CHECK
} sd_constraint_kind;

/*
 * A constraint, for sd_table_constraint() and sd_add_constraint(). Use a
 * compound literal with designated initialisers; fields that do not apply
 * to the kind stay zero. The strings are copied by the call.
 *
 *     sd_add_constraint(m, "users", &(sd_constraint_def){
 *         .kind = SD_FOREIGN_KEY, .name = "fk_users_org_id_orgs",
 *         .columns = SD_NAMES("org_id"),
 *         .ref_table = "orgs", .ref_columns = SD_NAMES("id"),
 *         .on_delete = "cascade"});
 */
typedef struct sd_constraint_def {
	sd_constraint_kind kind;
	const char *name;                /* required */
	const char *const *columns;      /* PK, UNIQUE, FOREIGN KEY */
	const char *check;               /* CHECK: the SQL expression */
	const char *ref_schema;          /* FOREIGN KEY: NULL = same schema */
	const char *ref_table;           /* FOREIGN KEY */
	const char *const *ref_columns;  /* FOREIGN KEY */
	const char *on_delete;           /* "cascade", "set null", "restrict",
	                                    "set default"; NULL = no action */
	const char *on_update;
	bool deferrable;                 /* UNIQUE, FOREIGN KEY */
	bool initially_deferred;
	bool not_valid;                  /* FOREIGN KEY, CHECK (PostgreSQL) */
	bool nulls_not_distinct;         /* UNIQUE (PostgreSQL 15+) */
	const char *comment;             /* PostgreSQL */
} sd_constraint_def;

/*
 * sd_table_constraint - adds a constraint to a table definition; it is
 * created with the table. Returns 0 or SD_ERR_INPUT (a missing name or
 * column list; also recorded in the migration).
 */
SD_API int sd_table_constraint(sd_table_def *t, const sd_constraint_def *c);

/*
 * sd_table_primary_key, sd_table_unique, sd_table_check - shorthands for
 * sd_table_constraint() with the kind of their name.
 *
 *     sd_table_primary_key(t, "pk_memberships",
 *                          SD_NAMES("user_id", "org_id"));
 *     sd_table_check(t, "ck_users_age", "age >= 0");
 */
SD_API int sd_table_primary_key(sd_table_def *t, const char *name,
                                const char *const *columns);
SD_API int sd_table_unique(sd_table_def *t, const char *name,
                           const char *const *columns);
SD_API int sd_table_check(sd_table_def *t, const char *name,
                          const char *expression);

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

/*
 * sd_create_table - CREATE TABLE from a definition, with its columns and
 * constraints (and on SQLite the unique indexes of its unique
 * constraints).
 *
 * @m: the migration
 * @t: from sd_table_begin(); still owned by the migration afterwards
 * Returns: 0, SD_ERR_INPUT (bad type, no columns, unknown column in a
 *          constraint) or SD_ERR_DB.
 */
SD_API int sd_create_table(sd_migration *m, sd_table_def *t);

/*
 * sd_drop_table - DROP TABLE.
 * Returns: 0, SD_ERR_INPUT or SD_ERR_DB (for example, the table is
 * missing).
 */
SD_API int sd_drop_table(sd_migration *m, const char *table);

/*
 * sd_rename_table - ALTER TABLE ... RENAME TO. Both names are in the
 * current schema. Returns 0 or a negative code.
 */
SD_API int sd_rename_table(sd_migration *m, const char *from,
                           const char *to);

/* ------------------------------------------------------------------ */
/* Columns                                                             */
/* ------------------------------------------------------------------ */

/*
 * sd_add_column - ALTER TABLE ... ADD COLUMN.
 *
 * @m: the migration
 * @table: the table
 * @c: from sd_column_begin()
 * Returns: 0, SD_ERR_INPUT (bad type; on SQLite a NOT NULL column without
 *          a constant default, which needs one) or SD_ERR_DB.
 *
 * Example:
 *     sd_add_column(m, "users",
 *                   sd_column_begin(m, "email", "string(120)", 0));
 */
SD_API int sd_add_column(sd_migration *m, const char *table,
                         sd_column_def *c);

/* sd_drop_column - ALTER TABLE ... DROP COLUMN. Returns 0 or negative. */
SD_API int sd_drop_column(sd_migration *m, const char *table,
                          const char *column);

/* sd_rename_column - ALTER TABLE ... RENAME COLUMN. Returns 0 or negative. */
SD_API int sd_rename_column(sd_migration *m, const char *table,
                            const char *from, const char *to);

/*
 * sd_alter_column_type - changes a column's type, converting the values
 * (PostgreSQL: ALTER COLUMN ... TYPE t USING col::t; a default that may
 * not survive the cast is dropped and put back). SQLite cannot alter a
 * column in place: the table is rebuilt from its definition in the
 * database, so this needs a connection (not in offline mode).
 *
 * @type: the new type, as for sd_column_begin()
 * Returns: 0 or a negative code.
 */
SD_API int sd_alter_column_type(sd_migration *m, const char *table,
                                const char *column, const char *type);

/*
 * sd_alter_column_nullable - SET NOT NULL (nullable false) or DROP NOT
 * NULL (true). SQLite: a table rebuild, as for sd_alter_column_type().
 * Returns: 0 or a negative code (SD_ERR_DB when rows hold NULL).
 */
SD_API int sd_alter_column_nullable(sd_migration *m, const char *table,
                                    const char *column, bool nullable);

/*
 * sd_alter_column_default - SET DEFAULT sql, or DROP DEFAULT when sql is
 * NULL. SQLite: a table rebuild, as for sd_alter_column_type().
 * Returns: 0 or a negative code.
 */
SD_API int sd_alter_column_default(sd_migration *m, const char *table,
                                   const char *column, const char *sql);

/* ------------------------------------------------------------------ */
/* Indexes and constraints on existing tables                          */
/* ------------------------------------------------------------------ */

/* One key of an index: a column or an expression, with its modifiers. */
typedef struct sd_index_key_def {
	const char *column;      /* a column name, or NULL and ... */
	const char *expression;  /* ... an SQL expression: "lower(email)" */
	bool desc;
	int nulls;               /* 0 default, 1 NULLS FIRST, 2 NULLS LAST */
	const char *collation;
	const char *opclass;     /* PostgreSQL operator class */
} sd_index_key_def;

/*
 * An index, for sd_create_index(). Give either `columns` (plain column
 * keys) or `keys` (an array of nkeys entries).
 *
 *     sd_create_index(m, "users", &(sd_index_def){
 *         .name = "ix_users_lower_email", .unique = true,
 *         .expressions = SD_NAMES("lower(email)"),
 *         .where = "email IS NOT NULL"});
 */
typedef struct sd_index_def {
	const char *name;                /* required */
	const char *const *columns;      /* plain column keys ... */
	const char *const *expressions;  /* ... then expression keys ... */
	const sd_index_key_def *keys;    /* ... or full keys */
	size_t nkeys;
	bool unique;
	bool nulls_not_distinct;         /* PostgreSQL 15+ */
	const char *where;               /* partial index predicate (SQL) */
	const char *method;              /* PostgreSQL: "gin", ...; NULL btree */
	const char *const *include;      /* PostgreSQL INCLUDE columns */
	bool concurrently;               /* PostgreSQL CONCURRENTLY (the
	                                    revision must then have the header
	                                    line `transaction: none`) */
	const char *comment;
} sd_index_def;

/*
 * sd_create_index - CREATE [UNIQUE] INDEX on table.
 * Returns: 0, SD_ERR_INPUT (no name, no keys) or SD_ERR_DB.
 */
SD_API int sd_create_index(sd_migration *m, const char *table,
                           const sd_index_def *ix);

/*
 * sd_drop_index - DROP INDEX name (of table; the table gives the schema).
 * Returns: 0 or a negative code.
 */
SD_API int sd_drop_index(sd_migration *m, const char *table,
                         const char *name);

/*
 * sd_add_constraint - adds a primary key, unique, foreign key or check
 * constraint to an existing table (ALTER TABLE ... ADD CONSTRAINT). On
 * SQLite a unique constraint is a unique index, and the other kinds need
 * a table rebuild from the table's definition in the database (not in
 * offline mode).
 * Returns: 0, SD_ERR_INPUT or SD_ERR_DB.
 */
SD_API int sd_add_constraint(sd_migration *m, const char *table,
                             const sd_constraint_def *c);

/*
 * sd_drop_constraint - drops the constraint called name. On SQLite a
 * unique constraint's index is dropped; other kinds rebuild the table.
 * Returns: 0 or a negative code (SD_ERR_INPUT on SQLite when the table has
 * no such constraint).
 */
SD_API int sd_drop_constraint(sd_migration *m, const char *table,
                              const char *name);

/* ------------------------------------------------------------------ */
/* Enums (PostgreSQL; on SQLite enum columns are TEXT and these do      */
/* nothing)                                                             */
/* ------------------------------------------------------------------ */

/*
 * sd_create_enum - CREATE TYPE name AS ENUM (values...).
 * @values: SD_NAMES("active", "banned")
 * Returns: 0 or a negative code.
 */
SD_API int sd_create_enum(sd_migration *m, const char *name,
                          const char *const *values);

/* sd_drop_enum - DROP TYPE name. Returns 0 or a negative code. */
SD_API int sd_drop_enum(sd_migration *m, const char *name);

/*
 * sd_add_enum_value - ALTER TYPE name ADD VALUE value [BEFORE b | AFTER a].
 *
 * @before, @after: the neighbour label, at most one of them non-NULL;
 *                  both NULL appends.
 * Returns: 0 or a negative code. The new label cannot be used in the same
 * transaction (PostgreSQL).
 */
SD_API int sd_add_enum_value(sd_migration *m, const char *name,
                             const char *value, const char *before,
                             const char *after);

/* ------------------------------------------------------------------ */
/* Data migrations                                                     */
/* ------------------------------------------------------------------ */

/*
 * sd_execute_params - runs one SQL statement with bound parameters.
 *
 * @m: the migration
 * @sql: one statement with $1, $2, ... placeholders
 * @nparams: how many values params holds
 * @params: the values as text, NULL entries are SQL NULL; the database
 *          converts text to the column's type. Not kept after the call.
 * Returns: 0, or SD_ERR_DB with the database's message.
 *
 * Offline mode shows the statement with the values as SQL literals.
 *
 * Example:
 *     const char *v[] = {"O'Brien", NULL};
 *     sd_execute_params(m, "UPDATE users SET name = $1 WHERE note = $2",
 *                       2, v);
 */
SD_API int sd_execute_params(sd_migration *m, const char *sql,
                             size_t nparams, const char *const *params);

/*
 * sd_execute - runs one SQL statement, the values following the SQL:
 *
 *     sd_execute(m, "UPDATE users SET display = $1 WHERE id = $2",
 *                name, id_text);
 *     sd_execute(m, "DELETE FROM sessions");
 *
 * A macro over sd_execute_list(): the arguments after m become an array
 * (SQL first), so NULL values are fine and no terminator is needed.
 * Returns: as sd_execute_params().
 */
#define sd_execute(m, ...)                                                 \
	sd_execute_list((m), SD__NARGS(__VA_ARGS__), SD__ARGS(__VA_ARGS__))

/* The function behind sd_execute(): list[0] is the SQL, list[1..n] the
 * n values. */
SD_API int sd_execute_list(sd_migration *m, size_t n,
                           const char *const *list);

/*
 * sd_execute_script - runs SQL statements separated by ';' as they are,
 * without parameters (DDL the API has no call for, or statements
 * schemadiff wrote for a revision: a SQLite table rebuild, an enum
 * recreated). Returns: 0 or SD_ERR_DB naming the statement that failed.
 */
SD_API int sd_execute_script(sd_migration *m, const char *sql);

/*
 * sd_execute_script_parts - sd_execute_script() of the pieces of a
 * NULL-terminated array joined in order: how a generated revision writes
 * a statement longer than the 4095 characters a C string literal may
 * portably hold.
 */
SD_API int sd_execute_script_parts(sd_migration *m,
                                   const char *const *parts);

/* The rows of a query, read one at a time. Owned by the caller until
 * sd_cursor_free(), or by the migration if never freed. */
typedef struct sd_cursor sd_cursor;

/*
 * sd_query_params - runs a query with bound parameters and returns a
 * cursor over its rows.
 *
 * @out: receives the cursor (positioned before the first row); untouched
 *       on failure
 * @m, @sql, @nparams, @params: as for sd_execute_params()
 * Returns: 0, or SD_ERR_DB. Offline mode: 0 and a cursor without rows.
 */
SD_API int sd_query_params(sd_cursor **out, sd_migration *m,
                           const char *sql, size_t nparams,
                           const char *const *params);

/*
 * sd_query - sd_query_params() with the values following the SQL, as for
 * sd_execute():
 *
 *     sd_cursor *c;
 *     if ((rc = sd_query(&c, m, "SELECT id, name FROM users WHERE org = $1",
 *                        org)) < 0)
 *         return rc;
 *     while (sd_cursor_next(c)) {
 *         const char *id = sd_cursor_text(c, 0);
 *         const char *name = sd_cursor_text(c, 1);   -- NULL for SQL NULL
 *         rc = sd_execute(m, "UPDATE users SET slug = lower($1) WHERE id = $2",
 *                         name, id);
 *         if (rc < 0)
 *             break;
 *     }
 *     sd_cursor_free(c);
 */
#define sd_query(out, m, ...)                                              \
	sd_query_list((out), (m), SD__NARGS(__VA_ARGS__), SD__ARGS(__VA_ARGS__))

/* The function behind sd_query(): list[0] is the SQL, list[1..n] the n
 * values. */
SD_API int sd_query_list(sd_cursor **out, sd_migration *m, size_t n,
                         const char *const *list);

/*
 * sd_cursor_next - moves to the next row.
 * Returns: true when there is one, false after the last (or for NULL).
 */
SD_API bool sd_cursor_next(sd_cursor *c);

/*
 * sd_cursor_text - a value of the current row as text.
 *
 * @col: 0-based column
 * Returns: the value (valid until sd_cursor_free()), or NULL for SQL NULL,
 * for a column out of range, or before the first sd_cursor_next().
 */
SD_API const char *sd_cursor_text(const sd_cursor *c, size_t col);

/* sd_cursor_columns - the number of columns; sd_cursor_name - the name of
 * column col, or NULL when out of range. */
SD_API size_t sd_cursor_columns(const sd_cursor *c);
SD_API const char *sd_cursor_name(const sd_cursor *c, size_t col);

/* sd_cursor_free - releases a cursor and its rows. Accepts NULL. */
SD_API void sd_cursor_free(sd_cursor *c);

/* Helpers of the sd_execute()/sd_query() macros; not part of the API. */
#define SD__ARGS(...) ((const char *const[]){__VA_ARGS__})
#define SD__NARGS(...)                                                     \
	(sizeof(SD__ARGS(__VA_ARGS__)) / sizeof(const char *) - 1)

#ifdef __cplusplus
}
#endif

#endif
