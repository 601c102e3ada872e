/*
 * postgres.h - PostgreSQL catalog -> sd_schema, and the type and default
 * spellings the catalog reader and the normaliser share.
 *
 * The reader works on a libpq connection that the driver (db/postgres.c)
 * owns.
 */
#ifndef SD_INTROSPECT_POSTGRES_H
#define SD_INTROSPECT_POSTGRES_H

#include <libpq-fe.h>

#include "introspect/introspect.h"

/* The OIDs of user schemas: not system, not temporary, not a leftover
 * scratch schema, not created by an extension. A session whose current
 * schema is not public (a tenant kept as a schema, reached through
 * `options=-csearch_path=tenant_17`) sees that schema alone: the other
 * tenants beside it are other databases as far as it is concerned. */
#define SD_PG_USER_NSP                                                        \
	" (SELECT n.oid FROM pg_namespace n"                                  \
	"  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')"       \
	"  AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'"         \
	"  AND n.nspname !~ '^sd_norm_'"                                      \
	"  AND (COALESCE(current_schema(), '" SD_NAMESPACE_DEFAULT "')"      \
	"   = '" SD_NAMESPACE_DEFAULT "'"                                     \
	"   OR n.nspname = current_schema())"                                 \
	"  AND NOT EXISTS (SELECT 1 FROM pg_depend d"                         \
	"   WHERE d.classid = 'pg_namespace'::regclass"                       \
	"   AND d.objid = n.oid AND d.deptype = 'e')) "

/* Not an object of an extension (catalog: its pg_depend class). */
#define SD_PG_NOT_EXTENSION(catalog, oid)                                     \
	" NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" catalog \
	"'::regclass AND e.objid = " oid " AND e.deptype = 'e') "

/*
 * Reads the whole database, pg_dump style: one query per object kind for
 * all tables at once, merged client-side. Leaves out system and extension
 * objects, the version table (and tables named after it + "_") and tables
 * matching opts->ignore. Every expression gets canon = sql (the server's
 * text is already canonical).
 *
 * On success *out is a new schema (free with sd_schema_free). When nqueries
 * is not NULL, the number of queries sent is added to it (the tests check
 * that it does not grow with the number of tables).
 */
int sd_pg_introspect(sd_schema **out, PGconn *conn,
                     const sd_introspect_opts *opts, size_t *nqueries,
                     sd_error *err);

/*
 * Reads the views (with their columns), functions, triggers, policies and
 * rules of the schemas nsp_sql selects (an SQL fragment, " (SELECT oid
 * FROM pg_namespace WHERE ...) "), each schema named by nsp_map(ctx, name)
 * (NULL: the default one): the normaliser reads its scratch schemas back
 * with the very queries that read a catalog. *out: a new schema.
 */
int sd_pg_read_logic_in(sd_schema **out, PGconn *conn, const char *nsp_sql,
                        const char *(*nsp_map)(void *ctx, const char *nsp),
                        void *ctx, sd_error *err);

/*
 * The portable type for a format_type() text: "character varying(50)" ->
 * string(50), "integer[]" -> RAW. enum_name (with enum_schema, NULL for
 * public) is given when the column's type is an enum.
 */
void sd_pg_type_from_catalog(sd_arena *a, const char *format_type,
                             const char *enum_schema, const char *enum_name,
                             sd_type *out);

/*
 * The little canonicalisation done in C on a default's server text, for
 * spellings equal in meaning that the server keeps apart: CURRENT_TIMESTAMP
 * -> now(); a string literal cast to text or varchar -> cast to the
 * column's own string type. Returns text itself when nothing applies.
 */
const char *sd_pg_canon_default(sd_arena *a, const sd_type *type,
                                const char *text);

/*
 * Runs one catalog query with text parameters and counts it in *nqueries
 * (may be NULL). Returns the result, or NULL with err set ("reading the
 * PostgreSQL catalog: ...").
 */
PGresult *sd_pg_catalog_query(PGconn *conn, const char *sql, int nparams,
                              const char *const *params, size_t *nqueries,
                              sd_error *err);

/* res when it holds rows, else NULL with err set as above (res cleared). */
PGresult *sd_pg_catalog_result(PGresult *res, sd_error *err);

#endif
