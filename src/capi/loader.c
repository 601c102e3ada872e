/*
 * loader.c - compiles a C revision into a cached shared object, loads it
 * and runs its upgrade() or downgrade(): the runner's run_c and sql_c
 * hooks.
 *
 * The object is cached under <project>/.schemadiff-cache/ by the SHA-256 of
 * the file's contents and the revision ABI, so an edited revision (or a
 * schemadiff with another ABI) compiles afresh and an unchanged one is
 * loaded as it is. The API symbols the object calls resolve against the
 * schemadiff executable, which exports them (SD_API, export_dynamic).
 */
#include "capi/capi.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
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

/* $CC split on blanks ("ccache gcc" works), else "cc". argv is arena
 * memory with room for `extra` more entries and the terminator. */
static char **compiler_argv(sd_arena *a, size_t extra, size_t *argc)
{
	const char *cc = getenv("CC");
	char *copy, *tok, *save = NULL;
	char **argv;
	size_t n = 0;

	if (!cc || !*cc)
		cc = "cc";
	copy = sd_arena_strdup(a, cc);
	argv = sd_arena_alloc(a, (strlen(cc) / 2 + 2 + extra) * sizeof(char *));
	for (tok = strtok_r(copy, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save))
		argv[n++] = tok;
	*argc = n;
	return argv;
}

/*
 * Runs argv with stdout and stderr captured into *output. Returns the exit
 * status (0 = success), or -1 when it could not be started (the reason in
 * *output).
 */
static int run_captured(char *const *argv, sd_buf *output)
{
	int fds[2], status = 0;
	pid_t pid;
	char chunk[4096];
	ssize_t got;

	if (pipe(fds) != 0) {
		sd_buf_printf(output, "pipe: %s", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		sd_buf_printf(output, "fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run the C compiler '%s': %s\n", argv[0],
		        strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	while ((got = read(fds[0], chunk, sizeof(chunk))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		sd_buf_putn(output, chunk, (size_t)got);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

int sd_capi_compile(const char **so_path, sd_arena *a, sd_capi_ctx *ctx,
                    const char *path, sd_error *err)
{
	char *data = NULL;
	size_t len = 0, argc;
	char hex[65];
	sd_buf key = SD_BUF_INIT, output = SD_BUF_INIT;
	const char *cache, *so, *tmp;
	char **argv;
	int rc, status;

	rc = sd_file_read(&data, &len, path, err);
	if (rc)
		goto done;
	sd_buf_putn(&key, data, len);
	sd_buf_printf(&key, "\n/* schemadiff revision ABI %d */\n",
	              SCHEMADIFF_REVISION_ABI);
	sd_sha256_hex(key.data, key.len, hex);
	cache = sd_path_join(a, ctx->project_dir ? ctx->project_dir : ".",
	                     ".schemadiff-cache");
	so = sd_path_join(a, cache, sd_arena_printf(a, "%s.so", hex));
	snprintf(ctx->last_object, sizeof(ctx->last_object), "%s", so);
	if (sd_file_exists(so)) {
		ctx->last_compiled = false;
		*so_path = so;
		goto done;
	}
	rc = sd_mkdir_p(cache, err);
	if (rc)
		goto done;
	/* compile beside the final name, then rename: a concurrent run never
	 * loads a half-written object */
	tmp = sd_arena_printf(a, "%s.%ld.tmp", so, (long)getpid());
	argv = compiler_argv(a, 10, &argc);
	argv[argc++] = "-shared";
	argv[argc++] = "-fPIC";
	argv[argc++] = "-O1";
	argv[argc++] = sd_arena_printf(a, "-I%s", include_dir(a, ctx));
	argv[argc++] = "-o";
	argv[argc++] = (char *)tmp;
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	status = run_captured(argv, &output);
	if (status != 0) {
		size_t n = output.len;
		while (n && output.data[n - 1] == '\n')
			n--;
		sd_buf_truncate(&output, n);
		unlink(tmp);
		rc = sd_error_add(err, SD_EINPUT, path, 0, 0, NULL,
		                  "cannot compile the C revision (%s %s):\n%s",
		                  argv[0],
		                  status < 0 ? "could not run"
		                             : sd_arena_printf(a, "exited with status %d", status),
		                  sd_buf_cstr(&output));
		goto done;
	}
	if (rename(tmp, so) != 0) {
		rc = sd_error_add(err, SD_ERUNTIME, so, 0, 0, NULL,
		                  "cannot store the compiled revision: %s",
		                  strerror(errno));
		unlink(tmp);
		goto done;
	}
	ctx->last_compiled = true;
	*so_path = so;
done:
	free(data);
	sd_buf_free(&key);
	sd_buf_free(&output);
	return rc;
}

/*
 * Compiles (or finds) r's object, loads it and calls upgrade() or
 * downgrade() with a migration on db (online) or recording into out
 * (offline, db NULL).
 */
static int run_revision(sd_capi_ctx *ctx, sd_db *db, const sd_dialect *d,
                        sd_buf *out, const sd_revision *r, bool upgrade,
                        sd_error *err)
{
	const char *fname = upgrade ? "upgrade" : "downgrade";
	sd_arena *a = sd_arena_new();
	const char *so = NULL;
	void *handle = NULL;
	int (*fn)(sd_migration *);
	sd_migration *m = NULL;
	int rc, ret, code;

	rc = sd_capi_compile(&so, a, ctx, r->path, err);
	if (rc)
		goto done;
	handle = dlopen(so, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		rc = sd_error_add(err, SD_EINPUT, r->path, 0, 0, NULL,
		                  "cannot load the compiled C revision: %s",
		                  dlerror());
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

void sd_capi_runner_opts(sd_runner_opts *opts, sd_capi_ctx *ctx)
{
	if (!ctx->on_statement) {
		ctx->on_statement = opts->on_statement;
		ctx->ctx = opts->ctx;
	}
	opts->run_c = sd_capi_run;
	opts->sql_c = sd_capi_sql;
	opts->c_ctx = ctx;
}
