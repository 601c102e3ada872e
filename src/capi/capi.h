/*
 * capi.h - C revisions inside schemadiff: the migration behind the public
 * operation API (include/schemadiff/revision.h), and the loader that
 * compiles a revision into a shared object and runs it as the
 * runner's run_c / sql_c hooks.
 *
 * The public API builds sd_op values and emits them through the
 * connection's dialect, so a C revision runs the SQL an SQL revision with
 * the same operations would. Objects are cached outside the project and
 * loaded only when schemadiff built them (cache.c).
 */
#ifndef SD_CAPI_H
#define SD_CAPI_H

#include <schemadiff/revision.h>

#include "revision/revision.h"

SD_LAYER_HEADER(CAPI);

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
	/* The object cache: the config's `cache:` (NULL: $XDG_CACHE_HOME/
	 * schemadiff, else ~/.cache/schemadiff). A configured cache inside
	 * project_dir is not used. */
	const char *cache_dir;
	const char *project_dir;
	const char *include_dir;  /* NULL: the source tree's, else installed */
	void (*on_statement)(void *ctx, const char *sql);
	void *ctx;
	/* Why the cache was not used or an object in it was rebuilt (may be
	 * NULL); the loader says each reason once. */
	void (*on_warning)(void *warn_ctx, const char *msg);
	void *warn_ctx;
	bool warned_cache;
	/* Filled in by the loader, for tests: whether the last load compiled
	 * (false: a verified cached object was used), whether its object is
	 * in the cache, and the cached object's path ("" when not cached). */
	bool last_compiled;
	bool last_cached;
	char last_object[4096];
} sd_capi_ctx;

/*
 * The object of the C revision at path, as bytes that are safe to load:
 * either built now from the file's content in a private directory, or
 * read from the cache and verified against its manifest (cache.c). A new
 * object is stored in the cache when the cache is safe. A compile error is
 * SD_EINPUT naming the file, with the compiler's output.
 */
int sd_capi_compile(sd_buf *object, sd_capi_ctx *ctx, const char *path,
                    sd_error *err);

/*
 * dlopen() of exactly the bytes of object: mapped from a sealed memory
 * file (memfd) that nothing can change after the check, else, or with
 * private_file, from a private temporary file removed right after. The
 * handle is never one of an object already loaded under the same name.
 * NULL with *why (arena) on failure.
 */
void *sd_capi_load(const sd_buf *object, bool private_file, const char **why,
                   sd_arena *a);

/* ---- the object cache (cache.c) ---------------------------------- */

typedef struct sd_capi_cache {
	int dirfd;        /* the verified cache directory; -1: not used */
	const char *path; /* its real path */
	const char *why;  /* when not used: the reason */
} sd_capi_cache;

/* Opens and verifies ctx's cache directory, creating it (mode 0700) when
 * missing. c->dirfd is -1 with c->why when it must not be used. */
void sd_capi_cache_open(sd_capi_cache *c, sd_arena *a, const sd_capi_ctx *ctx);
void sd_capi_cache_close(sd_capi_cache *c);
/*
 * true with the cached object for key in *object when the object and its
 * manifest are the user's private files, the manifest holds desc and the
 * object's SHA-256. false otherwise; *why then says why an object that was
 * there is not used (NULL when there was none).
 */
bool sd_capi_cache_get(const sd_capi_cache *c, sd_arena *a, const char *key,
                       const char *desc, sd_buf *object, const char **why);
/* Stores object and its manifest under key, through private files in
 * build_dir renamed into place. Nothing to do when c is not used. */
int sd_capi_cache_put(const sd_capi_cache *c, sd_arena *a,
                      const char *build_dir, const char *key,
                      const char *desc, const sd_buf *object, sd_error *err);
/* A new private directory (mkdtemp, 0700): in the cache when it is used,
 * so its files rename into place, else under $TMPDIR. */
int sd_capi_private_dir(char **out, sd_arena *a, const sd_capi_cache *c,
                        sd_error *err);

/* sd_runner_opts.run_c: runs r's upgrade() or downgrade() on db. */
int sd_capi_run(void *c_ctx, sd_db *db, const sd_revision *r, bool upgrade,
                sd_error *err);
/* sd_runner_opts.sql_c: appends the statements r would run (offline). */
int sd_capi_sql(void *c_ctx, sd_buf *out, const sd_dialect *d,
                const sd_revision *r, bool upgrade, sd_error *err);

/*
 * Writes a new C revision into dir: r's header in a leading comment, then
 * upgrade() and downgrade() for plan (NULL: empty functions to fill in by
 * hand), computed for dialect d, to run on each of all (nall, d among
 * them; sd_emit_c_dialects). *path_out (arena) is the new file. Atomic.
 */
int sd_capi_write(const char **path_out, sd_arena *a, const char *dir,
                  const sd_revision *r, const sd_plan *plan,
                  const sd_dialect *d, const sd_dialect *const *all,
                  size_t nall, sd_error *err);

/* Sets run_c, sql_c and c_ctx of runner options to the loader. */
void sd_capi_runner_opts(sd_runner_opts *opts, sd_capi_ctx *ctx);

#endif
