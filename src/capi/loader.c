/*
 * loader.c - compiles a C revision, loads it and runs its upgrade() or
 * downgrade(): the runner's run_c and sql_c hooks.
 *
 * What gets loaded is always bytes schemadiff holds in memory and has
 * hashed: an object it just built in a private directory, or one read from
 * its cache and verified against the manifest written when it was built
 * (cache.c). Those bytes go into a sealed memory file that dlopen() maps,
 * so what was checked is exactly what runs. The API symbols the object
 * calls resolve against the schemadiff executable, which exports them
 * (SD_API, export_dynamic).
 */
#define _GNU_SOURCE /* memfd_create */
#include "capi/capi.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sd_config.h"

/* The header directory revisions compile against: the source tree's when
 * this binary was built from one that still exists, else the installed
 * one. */
static const char *include_dir(sd_arena *a, const sd_capi_ctx *ctx)
{
	if (ctx->include_dir)
		return ctx->include_dir;
	if (sd_file_exists(sd_path_join(a, SD_SOURCE_INCLUDEDIR,
	                                "schemadiff/revision.h")))
		return SD_SOURCE_INCLUDEDIR;
	return SD_INCLUDEDIR;
}

/* The compiler and its flags, as run and as recorded in the manifest. */
typedef struct compiler {
	const char *cc;     /* $CC as written, else "cc" */
	const char **argv;  /* $CC split on blanks, then the flags; room
	                     * for "-o OUT SRC" and the terminator */
	size_t argc;
	const char *flags;  /* the flags joined by spaces */
} compiler;

/* $CC split on blanks ("ccache gcc" works), else "cc", plus the flags
 * every revision is built with. */
static void compiler_init(compiler *c, sd_arena *a, const sd_capi_ctx *ctx)
{
	const char *cc = getenv("CC");
	char *copy, *tok, *save = NULL;
	sd_buf flags = SD_BUF_INIT;
	size_t i, first;

	if (!cc || !*cc)
		cc = "cc";
	c->cc = cc;
	copy = sd_arena_strdup(a, cc);
	c->argv = sd_arena_alloc(a, (strlen(cc) / 2 + 12) * sizeof(char *));
	c->argc = 0;
	for (tok = strtok_r(copy, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save))
		c->argv[c->argc++] = tok;
	first = c->argc;
	c->argv[c->argc++] = "-shared";
	c->argv[c->argc++] = "-fPIC";
	c->argv[c->argc++] = "-O1";
	c->argv[c->argc++] = sd_arena_printf(a, "-I%s", include_dir(a, ctx));
	for (i = first; i < c->argc; i++)
		sd_buf_printf(&flags, "%s%s", i > first ? " " : "", c->argv[i]);
	c->flags = sd_arena_strdup(a, sd_buf_cstr(&flags));
	sd_buf_free(&flags);
}

/*
 * What an object is made of, the manifest's first lines (cache.c), and
 * its key, the SHA-256 of that description.
 */
static const char *describe(sd_arena *a, const compiler *c, const char *src,
                            size_t len, char key[65])
{
	char hex[65];
	const char *desc;

	sd_sha256_hex(src, len, hex);
	desc = sd_arena_printf(a,
	                       "schemadiff C revision object 1\n"
	                       "source-sha256: %s\nabi: %d\ncompiler: %s\n"
	                       "flags: %s\n",
	                       hex, SCHEMADIFF_REVISION_ABI, c->cc, c->flags);
	sd_sha256_hex(desc, strlen(desc), key);
	return desc;
}

/*
 * Builds the source text src (read from path) into *object, in the private
 * directory dir. The compiler sees a copy of exactly the bytes that were
 * hashed, headed by a #line that keeps its messages naming path.
 */
static int build(sd_buf *object, sd_arena *a, compiler *c, const char *dir,
                 const char *path, const char *src, size_t len, sd_error *err)
{
	const char *env[2] = {NULL, NULL};
	const char *copy = sd_path_join(a, dir, "revision.c");
	const char *out = sd_path_join(a, dir, "revision.so");
	sd_buf text = SD_BUF_INIT, output = SD_BUF_INIT;
	const char *p;
	char *data = NULL;
	size_t n;
	int rc, status;

	sd_buf_put(&text, "#line 1 \"");
	for (p = path; *p; p++) {
		if (*p == '"' || *p == '\\')
			sd_buf_putc(&text, '\\');
		sd_buf_putc(&text, *p == '\n' ? '?' : *p);
	}
	sd_buf_put(&text, "\"\n");
	sd_buf_putn(&text, src, len);
	rc = sd_file_write_private(copy, text.data, text.len, err);
	if (rc)
		goto done;
	c->argv[c->argc] = "-o";
	c->argv[c->argc + 1] = out;
	c->argv[c->argc + 2] = copy;
	c->argv[c->argc + 3] = NULL;
	/* the compiler's own temporary files stay in the private directory */
	env[0] = sd_arena_printf(a, "TMPDIR=%s", dir);
	status = sd_proc_run(c->argv, env, -1, &output);
	if (status != 0) {
		n = output.len;
		while (n && output.data[n - 1] == '\n')
			n--;
		sd_buf_truncate(&output, n);
		rc = sd_error_add(err, SD_EINPUT, path, 0, 0, NULL,
		                  "cannot compile the C revision (%s %s):\n%s",
		                  c->argv[0],
		                  status < 0 ? "could not run"
		                             : sd_arena_printf(a, "exited with status %d", status),
		                  sd_buf_cstr(&output));
		goto done;
	}
	rc = sd_file_read(&data, &n, out, err);
	if (rc)
		goto done;
	sd_buf_truncate(object, 0);
	sd_buf_putn(object, data, n);
done:
	free(data);
	sd_buf_free(&text);
	sd_buf_free(&output);
	return rc;
}

static void warn(sd_capi_ctx *ctx, const char *msg)
{
	if (ctx->on_warning)
		ctx->on_warning(ctx->warn_ctx, msg);
}

int sd_capi_compile(sd_buf *object, sd_capi_ctx *ctx, const char *path,
                    sd_error *err)
{
	sd_arena *a = sd_arena_new();
	sd_capi_cache cache;
	compiler cc;
	char *src = NULL;
	size_t len = 0;
	char key[65];
	const char *desc, *why;
	char *dir = NULL;
	int rc;

	ctx->last_compiled = false;
	ctx->last_cached = false;
	ctx->last_object[0] = '\0';
	sd_capi_cache_open(&cache, a, ctx);
	if (cache.dirfd < 0 && !ctx->warned_cache) {
		warn(ctx, sd_arena_printf(a, "%s; C revisions are compiled in a private temporary directory instead", cache.why));
		ctx->warned_cache = true;
	}
	rc = sd_file_read(&src, &len, path, err);
	if (rc)
		goto done;
	compiler_init(&cc, a, ctx);
	desc = describe(a, &cc, src, len, key);
	if (cache.dirfd >= 0)
		snprintf(ctx->last_object, sizeof(ctx->last_object), "%s/%s.so",
		         cache.path, key);
	if (sd_capi_cache_get(&cache, a, key, desc, object, &why)) {
		ctx->last_cached = true;
		goto done;
	}
	if (why)
		warn(ctx, sd_arena_printf(a, "not loading the cached object %s of %s: %s; rebuilding it",
		                          ctx->last_object, path, why));
	rc = sd_capi_private_dir(&dir, a, &cache, err);
	if (!rc)
		rc = build(object, a, &cc, dir, path, src, len, err);
	if (rc)
		goto done;
	ctx->last_compiled = true;
	if (cache.dirfd >= 0) {
		sd_error store = SD_ERROR_INIT;
		if (sd_capi_cache_put(&cache, a, dir, key, desc, object, &store) == SD_OK)
			ctx->last_cached = true;
		else
			warn(ctx, store.first->message);
		sd_error_clear(&store);
	}
done:
	if (!ctx->last_cached)
		ctx->last_object[0] = '\0';
	sd_dir_remove(dir);
	sd_capi_cache_close(&cache);
	free(src);
	sd_arena_free(a);
	return rc;
}

/*
 * dlopen() of a file name nothing else is loaded under. NULL with *taken
 * when an earlier object under this name is still mapped (the dynamic
 * loader would hand that one back instead of reading ours), else NULL
 * with *why from dlerror() when it could not be loaded.
 */
static void *open_unique(const char *name, bool *taken, const char **why,
                         sd_arena *a)
{
	void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
	const char *e;

	*taken = h != NULL;
	if (h) {
		dlclose(h);
		return NULL;
	}
	dlerror();
	h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!h && (e = dlerror()) != NULL)
		*why = sd_arena_strdup(a, e);
	return h;
}

/*
 * Maps object through a sealed memory file: nobody, not even this
 * process, can change the bytes between the check and the load. NULL when
 * the system offers no such file (or forbids mapping it executable);
 * *why then holds the loader's message when there is one.
 */
static void *load_sealed(const sd_buf *object, const char **why, sd_arena *a)
{
	const unsigned seals = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE |
	                       F_SEAL_SEAL;
	void *h = NULL;
	char name[64];
	size_t off = 0;
	ssize_t w;
	bool taken;
	int fd, tries, other;

	fd = memfd_create("schemadiff-revision", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return NULL;
	while (off < object->len) {
		w = write(fd, object->data + off, object->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto done;
		off += (size_t)w;
	}
	if (fcntl(fd, F_ADD_SEALS, seals) != 0)
		goto done;
	for (tries = 0; tries < 8 && !h; tries++) {
		snprintf(name, sizeof(name), "/proc/self/fd/%d", fd);
		if (access(name, R_OK) != 0)
			break;
		h = open_unique(name, &taken, why, a);
		if (h || !taken)
			break;
		/* move to a descriptor number no loaded object is named after */
		other = fcntl(fd, F_DUPFD_CLOEXEC, fd + 1);
		close(fd);
		fd = other;
		if (fd < 0)
			return NULL;
	}
done:
	close(fd);
	return h;
}

/* The fallback: object written to a private temporary file, loaded, and
 * removed. */
static void *load_private_file(const sd_buf *object, const char **why,
                               sd_arena *a)
{
	char *dir = NULL;
	const char *file;
	sd_error err = SD_ERROR_INIT;
	void *h = NULL;

	if (sd_capi_private_dir(&dir, a, NULL, &err) == SD_OK) {
		file = sd_path_join(a, dir, "revision.so");
		if (sd_file_write_private(file, object->data, object->len, &err) == SD_OK) {
			bool taken;
			h = open_unique(file, &taken, why, a);
		}
	}
	if (!h && sd_error_has(&err))
		*why = sd_arena_strdup(a, err.first->message);
	sd_error_clear(&err);
	sd_dir_remove(dir);
	return h;
}

void *sd_capi_load(const sd_buf *object, bool private_file, const char **why,
                   sd_arena *a)
{
	void *h = NULL;

	*why = "cannot load it";
	if (!private_file)
		h = load_sealed(object, why, a);
	if (!h)
		h = load_private_file(object, why, a);
	return h;
}

/*
 * Builds (or finds) r's object, loads it and calls upgrade() or
 * downgrade() with a migration on db (online) or recording into out
 * (offline, db NULL).
 */
static int run_revision(sd_capi_ctx *ctx, sd_db *db, const sd_dialect *d,
                        sd_buf *out, const sd_revision *r, bool upgrade,
                        sd_error *err)
{
	const char *fname = upgrade ? "upgrade" : "downgrade";
	sd_arena *a = sd_arena_new();
	sd_buf object = SD_BUF_INIT;
	const char *why;
	void *handle = NULL;
	int (*fn)(sd_migration *);
	sd_migration *m = NULL;
	int rc, ret, code;

	rc = sd_capi_compile(&object, ctx, r->path, err);
	if (rc)
		goto done;
	handle = sd_capi_load(&object, false, &why, a);
	if (!handle) {
		rc = sd_error_add(err, SD_EINPUT, r->path, 0, 0, NULL,
		                  "cannot load the compiled C revision: %s", why);
		goto done;
	}
	*(void **)(&fn) = dlsym(handle, fname);
	if (!fn) {
		rc = sd_error_add(err, SD_EINPUT, r->path, 0, 0, NULL,
		                  "the C revision defines no `int %s(sd_migration *m)`",
		                  fname);
		goto done;
	}
	m = sd_migration_new(db, d, out, ctx->on_statement, ctx->ctx);
	ret = fn(m);
	code = sd_migration_code(m);
	if (code) {
		rc = sd_error_add(err, code == SD_ERR_DB ? SD_ERUNTIME : SD_EINPUT,
		                  r->path, 0, 0, NULL,
		                  "%s of revision %s failed: %s", fname, r->id,
		                  sd_migration_error(m));
	} else if (ret != 0) {
		rc = sd_error_add(err, SD_ERUNTIME, r->path, 0, 0, NULL,
		                  "%s of revision %s failed: %s() returned %d",
		                  fname, r->id, fname, ret);
	}
done:
	sd_migration_free(m);
	if (handle)
		dlclose(handle);
	sd_buf_free(&object);
	sd_arena_free(a);
	return rc;
}

int sd_capi_run(void *c_ctx, sd_db *db, const sd_revision *r, bool upgrade,
                sd_error *err)
{
	return run_revision(c_ctx, db, NULL, NULL, r, upgrade, err);
}

int sd_capi_sql(void *c_ctx, sd_buf *out, const sd_dialect *d,
                const sd_revision *r, bool upgrade, sd_error *err)
{
	return run_revision(c_ctx, NULL, d, out, r, upgrade, err);
}

/* The runner's prepare_c: compiles r into the cache (or finds it there)
 * before anything of the run is applied. */
static int prepare_revision(void *c_ctx, const sd_revision *r, sd_error *err)
{
	sd_buf object = SD_BUF_INIT;
	int rc = sd_capi_compile(&object, c_ctx, r->path, err);

	sd_buf_free(&object);
	return rc;
}

void sd_capi_runner_opts(sd_runner_opts *opts, sd_capi_ctx *ctx)
{
	if (!ctx->on_statement) {
		ctx->on_statement = opts->on_statement;
		ctx->ctx = opts->ctx;
	}
	opts->run_c = sd_capi_run;
	opts->prepare_c = prepare_revision;
	opts->sql_c = sd_capi_sql;
	opts->c_ctx = ctx;
}
