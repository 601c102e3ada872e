/*
 * capi.h - C revisions inside schemadiff: the migration behind the public
 * operation API (include/schemadiff/revision.h), and the loader that
 * compiles a revision into a cached shared object and runs it as the
 * runner's run_c / sql_c hooks.
 *
 * The public API builds sd_op values and emits them through the
 * connection's dialect, so a C revision runs the SQL an SQL revision with
 * the same operations would.
 */
#ifndef SD_CAPI_H
#define SD_CAPI_H

#include <schemadiff/revision.h>

#include "db/db.h"
#include "revision/revision.h"

/*
 * A new migration. Online: db is the connection (in the runner's
 * transaction) and statements run on it. Offline: db is NULL, d names the
 * dialect, and statements are appended to *offline as "stmt;\n" lines.
 * on_statement (may be NULL) sees each statement before it runs.
 */
sd_migration *sd_migration_new(sd_db *db, const sd_dialect *d,
                               sd_buf *offline,
                               void (*on_statement)(void *, const char *),
                               void *ctx);
/* Frees the migration, its definitions and any cursor left open. */
void sd_migration_free(sd_migration *m);
/* The first failure's negative code, 0 when none. */
int sd_migration_code(const sd_migration *m);

/* What the runner hooks need to find the compiler and the cache. */
typedef struct sd_capi_ctx {
	const char *project_dir;  /* .schemadiff-cache/ goes here */
	const char *include_dir;  /* NULL: the source tree's, else installed */
	void (*on_statement)(void *ctx, const char *sql);
	void *ctx;
	/* Filled in by the loader, for tests: whether the last load
	 * compiled (false: the cached object was used), and its path. */
	bool last_compiled;
	char last_object[4096];
} sd_capi_ctx;

/*
 * Compiles the C revision at path unless its object is cached:
 * <project_dir>/.schemadiff-cache/<sha256(contents, ABI)>.so. *so_path
 * (arena) is the object. A compile error is SD_EINPUT naming the file, with
 * the compiler's output.
 */
int sd_capi_compile(const char **so_path, sd_arena *a, sd_capi_ctx *ctx,
                    const char *path, sd_error *err);

/* sd_runner_opts.run_c: runs r's upgrade() or downgrade() on db. */
int sd_capi_run(void *c_ctx, sd_db *db, const sd_revision *r, bool upgrade,
                sd_error *err);
/* sd_runner_opts.sql_c: appends the statements r would run (offline). */
int sd_capi_sql(void *c_ctx, sd_buf *out, const sd_dialect *d,
                const sd_revision *r, bool upgrade, sd_error *err);

/*
 * Writes a new C revision into dir: r's header in a leading comment, then
 * upgrade() and downgrade() for plan (NULL: empty functions to fill in by
 * hand), in dialect d. *path_out (arena) is the new file. Atomic.
 */
int sd_capi_write(const char **path_out, sd_arena *a, const char *dir,
                  const sd_revision *r, const sd_plan *plan,
                  const sd_dialect *d, sd_error *err);

/* Sets run_c, sql_c and c_ctx of runner options to the loader. */
void sd_capi_runner_opts(sd_runner_opts *opts, sd_capi_ctx *ctx);

#endif
