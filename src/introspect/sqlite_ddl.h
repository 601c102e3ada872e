/*
 * sqlite_ddl.h - internal to the introspect layer: the SQLite catalog
 * reader (sqlite.c) asks the DDL text reader (sqlite_ddl.c) for what only
 * the CREATE TABLE and CREATE INDEX texts hold.
 */
#ifndef SD_INTROSPECT_SQLITE_DDL_H
#define SD_INTROSPECT_SQLITE_DDL_H

#include "introspect/sqlite.h"
#include "util/sql.h"

typedef struct sd_ddl_check {
	const char *name;
	const char *expr;
	const char *on_conflict; /* table CHECK's resolution word, or NULL */
} sd_ddl_check;

typedef struct sd_ddl_unique {
	const char *name;
	sd_strlist columns;
	bool used;
	const char *on_conflict; /* resolution word, NULL = none */
} sd_ddl_unique;

typedef struct sd_ddl_fk {
	const char *name;
	sd_strlist columns;
	const char *ref_table;
	bool deferrable;
	bool initially_deferred;
	bool update_first; /* ON UPDATE before ON DELETE */
	bool delete_written, update_written; /* ON DELETE/UPDATE given */
	bool match_full, match_simple;       /* MATCH FULL / SIMPLE given */
	bool used;
} sd_ddl_fk;

/* A column definition read from the CREATE TABLE text, as
 * pragma_table_xinfo would report it. */
typedef struct sd_ddl_column {
	const char *name;
	const char *type;  /* "" when none; standard names upper-cased */
	const char *dflt;  /* NULL when none */
	bool notnull;
	bool pk;           /* column-level PRIMARY KEY */
} sd_ddl_column;

typedef struct sd_ddl_table {
	const char *pk_name;
	bool without_rowid;
	bool strict;
	bool autoinc_kw;          /* PRIMARY KEY ... AUTOINCREMENT */
	const char *pk_conflict;  /* PRIMARY KEY ON CONFLICT word */
	sd_map *nn_conflicts;     /* column -> NOT NULL ON CONFLICT word */
	/* Column definitions (malloc'd, freed once the columns are made)
	 * and the table-level PRIMARY KEY list. cols_bad: the text holds
	 * something this reader does not account for exactly (generated
	 * columns, quoted type names, ...), so pragma_table_xinfo decides. */
	sd_ddl_column *cols;
	size_t ncols, capcols;
	sd_strlist pk_list;
	/* key columns written DESC; pk_inline_desc: on the column
	 * ("id INTEGER PRIMARY KEY DESC", which is no rowid alias) */
	sd_strlist pk_desc;
	bool pk_inline_desc;
	bool cols_bad;
	sd_vec checks;   /* sd_ddl_check* */
	sd_vec uniques;  /* sd_ddl_unique* */
	sd_vec fks;      /* sd_ddl_fk* */
	sd_map *collations; /* column -> collation */
	sd_map *generated;  /* column -> expression */
	/* column -> the order of its attributes (sd_column.sqlite_order),
	 * only for a column whose order is not the usual one */
	sd_map *orders;
	/* column -> "(x)": a DEFAULT written in parentheses around what
	 * could go without them (a literal, CURRENT_TIMESTAMP), which the
	 * pragma reports bare; the parentheses are part of the text */
	sd_map *paren_defaults;
	/* column -> const char *[SD_ATTR__COUNT]: the CONSTRAINT names of
	 * its attributes (sd_column.sqlite_names), only for a column that
	 * names one */
	sd_map *attr_names;
} sd_ddl_table;

typedef struct sd_ddl_index {
	sd_vec keys;        /* const char* key text without ASC/DESC/COLLATE */
	sd_vec collations;  /* const char* or NULL, same order */
	sd_vec ascs;        /* non-NULL where ASC is written, same order */
	const char *where;
} sd_ddl_index;

/*
 * Reads what only the CREATE TABLE text holds. A statement without a
 * column list (CREATE TABLE x AS SELECT ...) leaves p empty.
 */
void sd_sqlite_parse_table(sd_arena *a, const char *sql, sd_ddl_table *p);

/*
 * A view's and a trigger's CREATE text read into s's logic
 * (sqlite_logic.c): false, nothing added, for a text these readers do not
 * follow (the caller records the object as unmanaged).
 */
bool sd_sqlite_read_view(sd_schema *s, const char *name, const char *sql);
bool sd_sqlite_read_trigger(sd_schema *s, const char *name,
                            const char *table, const char *sql);

/* What follows USING in a CREATE VIRTUAL TABLE text, as written
 * ("fts5(a, b)"); NULL when there is no USING. */
const char *sd_sqlite_virtual_using(sd_arena *a, const char *sql);

/* The '(' that opens a CREATE INDEX's key list: the first at depth 0
 * after ON. false when there is none. */
bool sd_sqlite_index_key_list(const sd_tokens *t, size_t *open);

/*
 *     CREATE UNIQUE INDEX "i" ON "t" (lower(email) COLLATE nocase DESC, b)
 *         WHERE email IS NOT NULL
 * -> keys ["lower(email)", "b"], collations ["nocase", NULL],
 *    where "email IS NOT NULL"
 */
void sd_sqlite_parse_index(sd_arena *a, const char *sql, sd_ddl_index *p);

#endif
