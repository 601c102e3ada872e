/*
 * normalize.c - the normaliser of each driver, by the driver's name.
 */
#include "normalize/normalize.h"

#include <string.h>

static const struct {
	const char *driver;
	int (*normalize)(sd_db *db, sd_schema *models, const sd_schema *live,
	                 sd_error *err);
} normalizers[] = {
	{"postgresql", sd_pg_normalize},
	{"sqlite", sd_sqlite_normalize},
};

int sd_normalize(sd_db *db, sd_schema *models, const sd_schema *live,
                 sd_error *err)
{
	size_t i;

	if (!db)
		return SD_OK;
	for (i = 0; i < SD_ARRAY_LEN(normalizers); i++)
		if (strcmp(db->driver->name, normalizers[i].driver) == 0)
			return normalizers[i].normalize(db, models, live, err);
	return SD_OK;
}
