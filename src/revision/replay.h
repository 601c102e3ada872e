/*
 * replay.h - the schema the revision files alone produce.
 *
 * A replay runs revision files, exactly as `upgrade` would, on a scratch
 * database that schemadiff creates for the purpose and removes afterwards,
 * then reads that database's catalog back into an sd_schema. No real
 * database is touched:
 *
 *   SQLite      an in-memory database
 *   PostgreSQL  a database "sd_scratch_<16 hex>" created from template0 on
 *               a server the caller names (the configured one, or a dev
 *               server), dropped when the replay closes; the user needs
 *               CREATEDB
 *
 * Uses: the before and after schemas of one revision (`diagram
 * --revision`, `show --html`: what a revision adds, drops and changes is
 * the diff of the two), and the models compared with what the revisions
 * produce (`check --replay`).
 *
 * A replay moves forward through the graph: each sd_replay_state call
 * applies what the requested revisions need on top of what is applied
 * already. Asking for a state that is not a superset of the current one
 * starts again from an empty scratch database.
 *
 *     sd_replay *rp;
 *     sd_schema *before, *after;
 *     sd_replay_open(&rp, g, &opts, &err);
 *     sd_replay_state(rp, rev->parent_revs, rev->nparents, &before, &err);
 *     sd_replay_state(rp, &rev, 1, &after, &err);
 *     sd_replay_close(rp, &err);
 *
 * Errors: a revision that fails on the scratch database is SD_ERUNTIME
 * naming its file and line (the runner's message); a scratch database that
 * cannot be created is SD_ERUNTIME with a hint; unreadable revision files
 * are SD_EINPUT. Nothing here prints.
 */
#ifndef SD_REPLAY_H
#define SD_REPLAY_H

#include "revision/revision.h"

SD_LAYER_HEADER(REVISION);

typedef struct sd_replay_opts {
	/* The kind of database to replay on (&sd_driver_sqlite, ...). */
	const sd_db_driver *driver;
	/* PostgreSQL: a URL of the server to create the scratch database
	 * on; only connected to, never changed. Ignored for SQLite. */
	const char *server_url;
	/* The version table (left out of the schemas read back). */
	const char *version_table;
	/* Table-name globs left out of the schemas, NULL-terminated; may be
	 * NULL. */
	const char *const *ignore;
	/*
	 * Runner options for C revisions (run_c, c_ctx) and progress
	 * (on_revision, on_statement). May be NULL: SQL revisions only.
	 * Its version_table is replaced by the one above.
	 */
	const sd_runner_opts *runner;
} sd_replay_opts;

typedef struct sd_replay sd_replay;

/*
 * Creates the scratch database. g and opts (and what they point to) must
 * outlive the replay. On failure *out is untouched.
 */
int sd_replay_open(sd_replay **out, const sd_rev_graph *g,
                   const sd_replay_opts *opts, sd_error *err);

/*
 * Brings the scratch database to the state where revs and every ancestor
 * of them are applied, and nothing else (n == 0: base, nothing applied),
 * then reads its schema. *out is a new schema (sd_schema_free), untouched
 * on failure; after a failure the replay can only be closed.
 */
int sd_replay_state(sd_replay *rp, sd_revision *const *revs, size_t n,
                    sd_schema **out, sd_error *err);

/* Removes the scratch database and frees rp; accepts NULL. Returns
 * SD_ERUNTIME when the database could not be dropped. */
int sd_replay_close(sd_replay *rp, sd_error *err);

/*
 * One-shot: the schema at target ("head", "heads", "base", an id or a
 * unique prefix) as the revision files produce it.
 */
int sd_replay_schema(sd_schema **out, const sd_rev_graph *g,
                     const char *target, const sd_replay_opts *opts,
                     sd_error *err);

/*
 * The schema with rev's parents applied (*before) and with rev applied
 * too (*after), both read from one scratch database. Both are new schemas;
 * on failure neither is set.
 */
int sd_replay_revision(sd_schema **before, sd_schema **after,
                       const sd_rev_graph *g, sd_revision *rev,
                       const sd_replay_opts *opts, sd_error *err);

#endif
