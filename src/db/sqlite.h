/*
 * sqlite.h - what the SQLite driver offers beyond the driver table.
 */
#ifndef SD_DB_SQLITE_H
#define SD_DB_SQLITE_H

#include <sqlite3.h>

#include "db/db.h"

/* The connection's SQLite handle (owned by db), NULL when db is not a
 * SQLite connection. For the catalog reader. */
sqlite3 *sd_sqlite_conn(sd_db *db);

#endif
