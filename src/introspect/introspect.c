/*
 * introspect.c - the catalog reader of each driver, by the driver's name.
 */
#include "introspect/introspect.h"

#include <string.h>

#include "db/postgres.h"
#include "db/sqlite.h"
#include "introspect/postgres.h"
#include "introspect/sqlite.h"

static int read_sqlite(sd_schema **out, sd_db *db,
                       const sd_introspect_opts *opts, sd_error *err)
{
	return sd_introspect_sqlite(out, sd_sqlite_conn(db), opts, err);
}

static int read_postgres(sd_schema **out, sd_db *db,
                         const sd_introspect_opts *opts, sd_error *err)
{
	return sd_pg_introspect(out, sd_pg_conn(db), opts, NULL, err);
}

static const struct {
	const char *driver;
	int (*read)(sd_schema **out, sd_db *db,
	            const sd_introspect_opts *opts, sd_error *err);
} readers[] = {
	{"sqlite", read_sqlite},
	{"postgresql", read_postgres},
};

const sd_introspect_opts sd_introspect_none;

int sd_introspect(sd_schema **out, sd_db *db, const sd_introspect_opts *opts,
                  sd_error *err)
{
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(readers); i++)
		if (strcmp(db->driver->name, readers[i].driver) == 0)
			return readers[i].read(out, db, opts, err);
	return sd_error_set(err, SD_ERUNTIME,
	                    "%s: reading the catalog is not supported",
	                    db->driver->name);
}
