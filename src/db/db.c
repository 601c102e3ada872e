/*
 * db.c - opening a database by URL and the thin wrappers over the driver
 * table. Which driver serves a URL is decided here, by scheme only; every
 * driver parses the rest of its own URL.
 */
#include "db/db.h"

#include <stdlib.h>
#include <string.h>

/*
 * Returns the driver for a URL's scheme, or NULL:
 *     "sqlite:///app.db"            -> sd_driver_sqlite
 *     "postgresql://u@h/db"         -> sd_driver_postgres
 *     "mysql://..."                 -> NULL
 */
const sd_db_driver *sd_db_driver_for_url(const char *url)
{
	if (!url)
		return NULL;
	if (sd_startswith(url, "sqlite://"))
		return &sd_driver_sqlite;
	if (sd_startswith(url, "postgresql://") ||
	    sd_startswith(url, "postgres://"))
		return &sd_driver_postgres;
	return NULL;
}

const sd_db_driver *sd_db_driver_find(const char *name)
{
	if (sd_strieq(name, "sqlite"))
		return &sd_driver_sqlite;
	if (sd_strieq(name, "postgresql") || sd_strieq(name, "postgres"))
		return &sd_driver_postgres;
	return NULL;
}

/*
 * Opens url through its driver. On success *out is a new connection, closed
 * with sd_db_close. On failure *out is untouched; the message names the URL
 * with its password masked.
 */
int sd_db_open(sd_db **out, const char *url, const char *base_dir,
               sd_error *err)
{
	return sd_db_open_flags(out, url, base_dir, 0, err);
}

/* sd_db_open, with SD_DB_OPEN_* flags passed to drivers that take them. */
int sd_db_open_flags(sd_db **out, const char *url, const char *base_dir,
                     unsigned flags, sd_error *err)
{
	const sd_db_driver *driver;
	sd_buf shown = SD_BUF_INIT;
	int rc;

	if (!url || !*url) {
		rc = sd_error_set(err, SD_EINPUT, "no database URL given");
		goto done;
	}
	driver = sd_db_driver_for_url(url);
	if (!driver) {
		sd_mask_password(&shown, url);
		rc = sd_error_set(err, SD_EINPUT,
		                  "unsupported database URL '%s': expected "
		                  "sqlite:///relative/path.db, "
		                  "sqlite:////absolute/path.db or "
		                  "postgresql://user@host:port/dbname",
		                  sd_buf_cstr(&shown));
		goto done;
	}
	if (flags && driver->open_flags)
		rc = driver->open_flags(out, url, base_dir, flags, err);
	else
		rc = driver->open(out, url, base_dir, err);
done:
	sd_buf_free(&shown);
	return rc;
}

void sd_db_close(sd_db *db)
{
	if (db)
		db->driver->close(db);
}

int sd_db_scratch_open(sd_db **out, const sd_db_driver *driver,
                       const char *url, sd_error *err)
{
	if (!driver->scratch_open)
		return sd_error_set(err, SD_ERUNTIME,
		                    "%s has no scratch databases", driver->name);
	return driver->scratch_open(out, url, err);
}

int sd_db_scratch_drop(sd_db *db, sd_error *err)
{
	if (!db)
		return SD_OK;
	return db->driver->scratch_drop(db, err);
}

int sd_db_exec(sd_db *db, const char *sql, sd_error *err)
{
	return db->driver->exec(db, sql, err);
}

int sd_db_query(sd_db *db, const char *sql, const char *const *params,
                size_t nparams, sd_rows **out, sd_error *err)
{
	return db->driver->query(db, sql, params, nparams, out, err);
}


/* The cell's text, NULL for SQL NULL or out of range. The rows own it. */
const char *sd_rows_get(const sd_rows *r, size_t row, size_t col)
{
	if (!r || row >= r->nrows || col >= r->ncols)
		return NULL;
	return r->cells[row * r->ncols + col];
}

/* Frees a result set made by any driver: every string is malloc'ed. */
void sd_rows_free(sd_rows *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->ncols; i++)
		free(r->names ? r->names[i] : NULL);
	for (i = 0; i < r->nrows * r->ncols; i++)
		free(r->cells ? r->cells[i] : NULL);
	free(r->names);
	free(r->cells);
	free(r);
}
