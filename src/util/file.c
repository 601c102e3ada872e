/*
 * file.c - whole-file reads, atomic writes, directories and paths.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

int sd_file_read(char **out, size_t *len, const char *path, sd_error *err)
{
	FILE *f = fopen(path, "rb");
	sd_buf b = SD_BUF_INIT;
	char chunk[65536];
	size_t n;

	if (!f)
		return sd_error_add(err, SD_EINPUT, path, 0, 0, NULL,
		                    "cannot read: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sd_buf_putn(&b, chunk, n);
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		sd_buf_free(&b);
		return sd_error_add(err, SD_EINPUT, path, 0, 0, NULL,
		                    "cannot read: %s", strerror(e));
	}
	fclose(f);
	if (len)
		*len = b.len;
	*out = sd_buf_detach(&b);
	return SD_OK;
}

int sd_file_write_atomic(const char *path, const char *data, size_t len,
                         sd_error *err)
{
	sd_buf tmp = SD_BUF_INIT;
	int fd, rc = SD_OK;
	size_t off = 0;

	sd_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	/* A leftover of a crashed run with our pid goes; whatever appears in
	 * its place meanwhile (a planted link) makes O_EXCL fail. The mode
	 * is the user's umask: revisions and reports are ordinary files. */
	(void)unlink(tmp.data);
	fd = open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	          0666);
	if (fd < 0) {
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write: %s", strerror(errno));
		goto done;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
			                  "cannot write: %s", strerror(errno));
			close(fd);
			unlink(tmp.data);
			goto done;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write: %s", strerror(errno));
		unlink(tmp.data);
		goto done;
	}
	if (rename(tmp.data, path) != 0) {
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write: %s", strerror(errno));
		unlink(tmp.data);
	}
done:
	sd_buf_free(&tmp);
	return rc;
}

int sd_file_write_private(const char *path, const char *data, size_t len,
                          sd_error *err)
{
	size_t off = 0;
	ssize_t w;
	int fd, rc = SD_OK;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	          0600);
	if (fd < 0)
		return sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                    "cannot write: %s", strerror(errno));
	while (off < len) {
		w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		off += (size_t)w;
	}
	if (off < len || fsync(fd) != 0)
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write: %s", strerror(errno));
	if (close(fd) != 0 && !rc)
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write: %s", strerror(errno));
	if (rc)
		unlink(path);
	return rc;
}

int sd_dir_make_private(char **out, sd_arena *a, const char *parent,
                        sd_error *err)
{
	const char *tmp = getenv("TMPDIR");
	char *templ;

	if (!parent)
		parent = tmp && tmp[0] == '/' ? tmp : "/tmp";
	templ = sd_path_join(a, parent, "schemadiff-XXXXXX");
	if (!mkdtemp(templ))
		return sd_error_add(err, SD_ERUNTIME, templ, 0, 0, NULL,
		                    "cannot create a private directory: %s",
		                    strerror(errno));
	*out = templ;
	return SD_OK;
}

void sd_dir_remove(const char *dir)
{
	struct dirent *e;
	DIR *d;

	if (!dir)
		return;
	d = opendir(dir);
	if (d) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0)
				(void)unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	(void)rmdir(dir);
}

bool sd_file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool sd_dir_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int sd_mkdir_p(const char *path, sd_error *err)
{
	char *p = sd_xstrdup(path), *s;
	int rc = SD_OK;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = sd_error_add(err, SD_ERUNTIME, p, 0, 0, NULL,
			                  "cannot create directory: %s",
			                  strerror(errno));
			goto done;
		}
		*s = '/';
	}
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		rc = sd_error_add(err, SD_ERUNTIME, p, 0, 0, NULL,
		                  "cannot create directory: %s",
		                  strerror(errno));
done:
	free(p);
	return rc;
}

char *sd_path_join(sd_arena *a, const char *dir, const char *name)
{
	if (!dir || !*dir || name[0] == '/' || sd_streq(dir, "."))
		return sd_arena_strdup(a, name);
	if (sd_endswith(dir, "/"))
		return sd_arena_printf(a, "%s%s", dir, name);
	return sd_arena_printf(a, "%s/%s", dir, name);
}

char *sd_path_dirname(sd_arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return sd_arena_strdup(a, ".");
	if (slash == path)
		return sd_arena_strdup(a, "/");
	return sd_arena_strndup(a, path, (size_t)(slash - path));
}
