/*
 * cache.c - the private cache of compiled C revisions.
 *
 * Loading an object runs its code, so only objects schemadiff built itself
 * are ever loaded. The cache lives outside the project ($XDG_CACHE_HOME/
 * schemadiff, else ~/.cache/schemadiff, or the config's `cache:`), where a
 * pull request cannot plant files: a name computable from reviewed source
 * must never be enough to get code run. Each object sits beside a manifest
 * written when it was built:
 *
 *     schemadiff C revision object 1
 *     source-sha256: 5d41402abc4b2a76b9719d911017c592...
 *     abi: 1
 *     compiler: cc
 *     flags: -shared -fPIC -O1 -I/usr/include
 *     object-sha256: 9f86d081884c7d659a2feaa0c55ad015...
 *
 * Both are named by the SHA-256 of everything above the last line (the
 * "description"), so another compiler, other flags, another ABI or an
 * edited file never share an object. An object is used only when the
 * directory and every directory above it are safe (owned by root or the
 * user, and nobody else can write or rename entries), the cache directory
 * and both files belong to the user and are private, the manifest holds
 * exactly the expected description, and the object's own SHA-256 matches
 * it. The bytes are read once from an open descriptor, hashed, and those
 * same bytes are what the loader maps (loader.c).
 */
#include "capi/capi.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MANIFEST_MAGIC "schemadiff C revision object 1\n"
/* Larger files are not objects schemadiff built: never read them whole. */
#define MAX_OBJECT_BYTES (256u << 20)
#define MAX_MANIFEST_BYTES 65536u

/* $XDG_CACHE_HOME/schemadiff when that is an absolute path (the XDG spec
 * ignores relative ones), else ~/.cache/schemadiff; NULL without a home. */
static const char *default_dir(sd_arena *a)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct passwd *pw;

	if (xdg && xdg[0] == '/')
		return sd_path_join(a, xdg, "schemadiff");
	if (!home || home[0] != '/') {
		pw = getpwuid(geteuid());
		home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
	}
	return home ? sd_path_join(a, home, ".cache/schemadiff") : NULL;
}

/*
 * dir as an absolute path whose existing part has its symbolic links
 * resolved; the part that does not exist yet is appended as written.
 *     "~/.cache/schemadiff" (no .cache yet) -> "/home/u/.cache/schemadiff"
 * NULL when even the existing part cannot be resolved.
 */
static char *resolve(sd_arena *a, const char *dir)
{
	char real[PATH_MAX];
	char *head = sd_arena_strdup(a, dir), *slash;
	const char *rest = "", *name;

	for (;;) {
		if (realpath(*head ? head : ".", real))
			return *rest ? sd_path_join(a, real, rest)
			             : sd_arena_strdup(a, real);
		if (errno != ENOENT)
			return NULL;
		slash = strrchr(head, '/');
		name = slash ? slash + 1 : head;
		if (*name)
			rest = *rest ? sd_arena_printf(a, "%s/%s", name, rest)
			             : sd_arena_strdup(a, name);
		if (!slash)
			*head = '\0';
		else if (slash == head)
			head[1] = '\0';
		else
			*slash = '\0';
	}
}

/*
 * Opens the directory real (an absolute path without symlinks) component
 * by component without following links, checking each before going on:
 * the directories above must belong to root or the user and be writable
 * by nobody else unless sticky (like /tmp, where others cannot rename our
 * entries); the last must belong to the user and be writable by nobody
 * else. A missing component is created (0700) only below directories that
 * passed, so nothing is ever created where it could not be used. Returns
 * the descriptor, or -1 with the reason in *why.
 */
static int open_safe_dir(sd_arena *a, const char *real, const char **why)
{
	uid_t me = geteuid();
	char *copy = sd_arena_strdup(a, real), *name, *save = NULL;
	const char *shown = "/";
	int fd, next, e;
	struct stat st;
	bool last;

	fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	name = strtok_r(copy, "/", &save);
	for (;;) {
		if (fd < 0 || fstat(fd, &st) != 0) {
			*why = sd_arena_printf(a, "cannot open %s: %s", shown,
			                       strerror(errno));
			goto fail;
		}
		last = name == NULL;
		if (last ? st.st_uid != me : st.st_uid != me && st.st_uid != 0) {
			*why = sd_arena_printf(a, "%s belongs to uid %ld, not to you (uid %ld)",
			                       shown, (long)st.st_uid, (long)me);
			goto fail;
		}
		if ((st.st_mode & (S_IWGRP | S_IWOTH)) &&
		    (last || !(st.st_mode & S_ISVTX))) {
			*why = sd_arena_printf(a, "%s is writable by %s (mode %04o)",
			                       shown,
			                       (st.st_mode & S_IWOTH) ? "others" : "its group",
			                       (unsigned)(st.st_mode & 07777));
			goto fail;
		}
		if (last)
			return fd;
		shown = sd_arena_printf(a, "%s/%s", strcmp(shown, "/") ? shown : "",
		                        name);
		next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (next < 0 && errno == ENOENT && mkdirat(fd, name, 0700) == 0) {
			next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			                            O_CLOEXEC);
			if (next >= 0)
				(void)fchmod(next, 0700); /* whatever the umask */
		}
		e = errno;
		close(fd);
		fd = next;
		errno = e;
		name = strtok_r(NULL, "/", &save);
	}
fail:
	if (fd >= 0)
		close(fd);
	return -1;
}

/* true when path is dir or lies below it (both real paths). */
static bool path_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return true;
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

void sd_capi_cache_open(sd_capi_cache *c, sd_arena *a, const sd_capi_ctx *ctx)
{
	const char *dir = ctx->cache_dir;
	char project[PATH_MAX], *real;

	memset(c, 0, sizeof(*c));
	c->dirfd = -1;
	if (!dir) {
		dir = default_dir(a);
		if (!dir) {
			c->why = "there is no home directory for a cache";
			return;
		}
	}
	real = resolve(a, dir);
	if (!real) {
		c->why = sd_arena_printf(a, "cannot use the cache %s: %s", dir,
		                         strerror(errno));
		return;
	}
	/* A cache the repository can fill is no cache: its files would be
	 * whatever the last commit put there. */
	if (ctx->cache_dir && ctx->project_dir &&
	    realpath(ctx->project_dir, project) && path_within(real, project)) {
		c->why = sd_arena_printf(a, "the cache %s lies inside the project %s",
		                         real, project);
		return;
	}
	c->dirfd = open_safe_dir(a, real, &c->why);
	if (c->dirfd < 0) {
		c->why = sd_arena_printf(a, "the cache %s is not safe: %s", real,
		                         c->why);
		return;
	}
	/* Only the user could write in it: its content can be trusted, and
	 * made private without losing anything. */
	{
		struct stat st;
		if (fstat(c->dirfd, &st) == 0 && (st.st_mode & 077))
			(void)fchmod(c->dirfd, 0700);
	}
	c->path = real;
}

void sd_capi_cache_close(sd_capi_cache *c)
{
	if (c->dirfd >= 0)
		close(c->dirfd);
	c->dirfd = -1;
}

/*
 * Reads the file name of the directory dirfd into *out when it is a regular
 * file of the user's, private (no access for group or others) and at most
 * max bytes. Returns 0, ENOENT when there is no such file, or another
 * errno-like reason (EPERM for the wrong owner or mode). The content comes
 * from the descriptor that was checked.
 */
static int read_private(int dirfd, const char *name, size_t max, sd_buf *out)
{
	struct stat st;
	char chunk[65536];
	ssize_t got;
	int fd, rc = 0;

	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno == ELOOP ? EPERM : errno;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 077) ||
	    (size_t)st.st_size > max) {
		rc = EPERM;
		goto done;
	}
	while ((got = read(fd, chunk, sizeof(chunk))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			rc = errno;
			goto done;
		}
		sd_buf_putn(out, chunk, (size_t)got);
		if (out->len > max) {
			rc = EPERM;
			goto done;
		}
	}
done:
	close(fd);
	return rc;
}

bool sd_capi_cache_get(const sd_capi_cache *c, sd_arena *a, const char *key,
                       const char *desc, sd_buf *object, const char **why)
{
	sd_buf manifest = SD_BUF_INIT;
	const char *so = sd_arena_printf(a, "%s.so", key);
	const char *mf = sd_arena_printf(a, "%s.manifest", key);
	const char *want;
	char hex[65];
	size_t dlen = strlen(desc);
	int e;
	bool ok = false;

	*why = NULL;
	if (c->dirfd < 0)
		return false;
	sd_buf_truncate(object, 0);
	e = read_private(c->dirfd, so, MAX_OBJECT_BYTES, object);
	if (e == ENOENT)
		goto done; /* never built: nothing to say */
	if (e) {
		*why = e == EPERM ? "it is not a private file of yours"
		                  : sd_arena_strdup(a, strerror(e));
		goto done;
	}
	e = read_private(c->dirfd, mf, MAX_MANIFEST_BYTES, &manifest);
	if (e) {
		*why = e == ENOENT ? "it has no manifest"
		                   : "its manifest is not a private file of yours";
		goto done;
	}
	want = sd_buf_cstr(&manifest);
	if (manifest.len != dlen + strlen("object-sha256: ") + 65 ||
	    strncmp(want, desc, dlen) != 0 ||
	    strncmp(want + dlen, "object-sha256: ", 15) != 0 ||
	    want[manifest.len - 1] != '\n') {
		*why = "its manifest does not describe this revision";
		goto done;
	}
	sd_sha256_hex(object->data, object->len, hex);
	if (strncmp(want + dlen + 15, hex, 64) != 0) {
		*why = "its SHA-256 differs from the one recorded when it was built";
		goto done;
	}
	ok = true;
done:
	if (!ok)
		sd_buf_truncate(object, 0);
	sd_buf_free(&manifest);
	return ok;
}

int sd_capi_cache_put(const sd_capi_cache *c, sd_arena *a, const char *build_dir,
                      const char *key, const char *desc, const sd_buf *object,
                      sd_error *err)
{
	const char *tmp_so = sd_path_join(a, build_dir, "cached.so");
	const char *tmp_mf = sd_path_join(a, build_dir, "cached.manifest");
	sd_buf manifest = SD_BUF_INIT;
	char hex[65];
	int rc;

	if (c->dirfd < 0)
		return SD_OK;
	sd_sha256_hex(object->data, object->len, hex);
	sd_buf_printf(&manifest, "%sobject-sha256: %s\n", desc, hex);
	/* The object first, its manifest last: an interrupted store leaves an
	 * object without a manifest, which is rebuilt, never trusted. */
	rc = sd_file_write_private(tmp_so, object->data, object->len, err);
	if (!rc)
		rc = sd_file_write_private(tmp_mf, manifest.data, manifest.len, err);
	if (!rc && (renameat(AT_FDCWD, tmp_so, c->dirfd,
	                     sd_arena_printf(a, "%s.so", key)) != 0 ||
	            renameat(AT_FDCWD, tmp_mf, c->dirfd,
	                     sd_arena_printf(a, "%s.manifest", key)) != 0))
		rc = sd_error_add(err, SD_ERUNTIME, c->path, 0, 0, NULL,
		                  "cannot store the compiled revision: %s",
		                  strerror(errno));
	sd_buf_free(&manifest);
	return rc;
}

int sd_capi_private_dir(char **out, sd_arena *a, const sd_capi_cache *c,
                        sd_error *err)
{
	return sd_dir_make_private(out, a, c && c->dirfd >= 0 ? c->path : NULL,
	                           err);
}
