/*
 * introspect.h - a live database's catalog read into an sd_schema.
 *
 * One reader per driver (sqlite.c, postgres.c), found by the driver's
 * name; everything above this layer calls sd_introspect.
 */
#ifndef SD_INTROSPECT_H
#define SD_INTROSPECT_H

#include "db/db.h"
#include "model/schema.h"

SD_LAYER_HEADER(INTROSPECT);

/* What to leave out, and whom to tell how far the reading got. */
typedef struct sd_introspect_opts {
	const char *version_table;      /* left out of the schema */
	const char *const *ignore;      /* table-name globs, NULL-terminated */
	bool privileges;                /* read grants (`privileges: true`) */
	/* Called now and then during long introspection (may be NULL). */
	void (*progress)(void *ctx, const char *what, size_t done, size_t total);
	void *progress_ctx;
	/* Called once, before the bulk of the catalog (columns, keys,
	 * indexes) is read, where its results are large (PostgreSQL): a
	 * caller with other memory-heavy work running finishes it first, so
	 * that the two peaks never add up (may be NULL). */
	void (*before_bulk)(void *ctx);
	void *before_bulk_ctx;
} sd_introspect_opts;

/* Nothing left out, no progress. */
extern const sd_introspect_opts sd_introspect_none;

/*
 * Reads db's schema, leaving out the version table (and tables named
 * after it + "_") and the tables opts->ignore matches (opts may be NULL).
 * On success *out is a new sorted and indexed schema owned by the caller
 * (sd_schema_free); on failure *out is untouched and err says why.
 */
int sd_introspect(sd_schema **out, sd_db *db, const sd_introspect_opts *opts,
                  sd_error *err);

#endif
