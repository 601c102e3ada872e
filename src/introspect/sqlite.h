/*
 * introspect/sqlite.h - a SQLite catalog read into an sd_schema.
 */
#ifndef SD_INTROSPECT_SQLITE_H
#define SD_INTROSPECT_SQLITE_H

#include <sqlite3.h>

#include "introspect/introspect.h"

/*
 * Reads the schema of conn's main database with four bulk queries (objects,
 * columns, indexes, foreign keys) merged client-side, plus a small tokenizer
 * over each CREATE TABLE / CREATE INDEX text for what only the text holds:
 * constraint names, CHECK bodies, collations, generated expressions, index
 * expressions and WHERE clauses.
 *
 * Leaves out sqlite_* tables, opts->version_table and tables named
 * "<version_table>_*", and tables matching opts->ignore. Views and
 * triggers are read into the schema's logic (sqlite_logic.c); virtual
 * tables, and a view or trigger whose text the reader does not follow, are
 * recorded as unmanaged objects.
 *
 * On success *out is a new sorted and indexed schema owned by the caller
 * (sd_schema_free); on failure *out is untouched and err says why.
 */
int sd_introspect_sqlite(sd_schema **out, sqlite3 *conn,
                         const sd_introspect_opts *opts, sd_error *err);

/*
 * Maps a declared SQLite column type back to a portable type:
 *     "VARCHAR(120)" -> string(120), "INT" -> integer, "DATETIME" ->
 *     timestamp, "DECIMAL(10,2)" -> numeric(10,2), "geometry" -> raw.
 * Strings are allocated in a (NULL: a raw type's name is decl itself).
 */
void sd_sqlite_type_from_decl(sd_arena *a, const char *decl, sd_type *out);

#endif
