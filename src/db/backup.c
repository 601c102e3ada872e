/*
 * backup.c - `upgrade --backup PATH`: the file around a driver's backup.
 *
 * A backup holds every row of the database, so it is created private
 * (0600, whatever the umask) and exclusively: written under a temporary
 * name beside PATH and linked into place at the end, so that PATH never
 * holds half a backup, and an existing file is never replaced unless the
 * caller says so.
 */
#include "db/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Makes a finished temporary file path's: link() never replaces, rename()
 * does. Filesystems without hard links get an existence check first. */
static int put_in_place(const char *tmp, const char *path, bool force)
{
	struct stat st;

	if (force)
		return rename(tmp, path) == 0 ? 0 : errno;
	if (link(tmp, path) == 0)
		return 0;
	if (errno == EEXIST)
		return EEXIST;
	if (lstat(path, &st) == 0)
		return EEXIST;
	return rename(tmp, path) == 0 ? 0 : errno;
}

int sd_db_backup(sd_db *db, const char *path, bool force, long long *bytes,
                 sd_error *err)
{
	sd_arena *a = sd_arena_new();
	const char *slash = strrchr(path, '/');
	char *tmp;
	struct stat st;
	int fd = -1, rc, e;

	if (!db->driver->backup) {
		rc = sd_error_set(err, SD_ERUNTIME,
		                  "%s databases cannot be backed up",
		                  db->driver->name);
		goto done;
	}
	tmp = slash ? sd_arena_printf(a, "%.*s/.%s.XXXXXX", (int)(slash - path),
	                              path, slash + 1)
	            : sd_arena_printf(a, ".%s.XXXXXX", path);
	fd = mkstemp(tmp); /* O_CREAT | O_EXCL, mode 0600 */
	if (fd < 0) {
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write the backup: %s", strerror(errno));
		goto done;
	}
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	(void)fchmod(fd, 0600);
	rc = db->driver->backup(db, fd, tmp, err);
	if (!rc && (fsync(fd) != 0 || fstat(fd, &st) != 0))
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write the backup: %s", strerror(errno));
	if (!rc && (e = put_in_place(tmp, path, force)) != 0)
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "cannot write the backup: %s",
		                  e == EEXIST ? "the file exists (--force replaces it)"
		                              : strerror(e));
	if (!rc && bytes)
		*bytes = (long long)st.st_size;
	if (!rc && !force)
		unlink(tmp);
	if (rc)
		unlink(tmp);
	close(fd);
done:
	sd_arena_free(a);
	return rc;
}
