/*
 * sqlite.c - the SQLite driver: a connection, statements with bound $N
 * parameters, transactions and the cross-process lock.
 *
 * `PRAGMA foreign_keys` stays OFF on this connection (SQLite's default):
 * revisions that rebuild a table drop the old one while other tables still
 * reference it, which only works with enforcement off. The revision runner
 * runs `PRAGMA foreign_key_check` before COMMIT instead.
 */
#include "db/sqlite.h"

#include "util/sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How long ordinary statements wait for another writer, and how long
 * begin() waits for the lock once it has told the caller it is waiting. */
#define BUSY_TIMEOUT_MS 5000
#define LOCK_WAIT_MS (10 * 60 * 1000)

typedef struct sqlite_db {
	sd_db base;
	sqlite3 *conn;
	char *path;
	void (*wait_cb)(void *);
	void *wait_ctx;
} sqlite_db;

static sqlite3 *conn_of(sd_db *db)
{
	return ((sqlite_db *)db)->conn;
}

sqlite3 *sd_sqlite_conn(sd_db *db)
{
	return db && db->driver == &sd_driver_sqlite ? conn_of(db) : NULL;
}

/*
 * Resolves the file part of a sqlite URL into a malloc'ed path:
 *     "sqlite:///app.db",  base "/p"  -> "/p/app.db"
 *     "sqlite:////tmp/x.db"           -> "/tmp/x.db"
 *     "sqlite:///:memory:"            -> ":memory:"
 * Returns NULL when the URL is malformed (no third slash, empty path).
 */
static char *url_to_path(const char *url, const char *base_dir)
{
	const char *rest;
	size_t n;
	sd_buf b = SD_BUF_INIT;

	if (!sd_startswith(url, "sqlite:///"))
		return NULL;
	rest = url + strlen("sqlite:///");
	n = strcspn(rest, "?#");
	if (n == 0)
		return NULL;
	if (rest[0] == '/' || (n == 8 && strncmp(rest, ":memory:", 8) == 0)) {
		sd_buf_putn(&b, rest, n);
	} else {
		sd_buf_put(&b, base_dir && *base_dir ? base_dir : ".");
		if (b.data[b.len - 1] != '/')
			sd_buf_putc(&b, '/');
		sd_buf_putn(&b, rest, n);
	}
	return sd_buf_detach(&b);
}

static int sqlite_error(sd_error *err, sqlite3 *conn, const char *what)
{
	return sd_error_set(err, SD_ERUNTIME, "sqlite: %s: %s", what,
	                    sqlite3_errmsg(conn));
}

static void sqlite_close(sd_db *db)
{
	sqlite_db *s = (sqlite_db *)db;

	if (!s)
		return;
	sqlite3_close_v2(s->conn);
	free(s->path);
	free(s->base.display_url);
	free(s);
}

/*
 * Opens the database file of url, creating it when missing unless flags
 * has SD_DB_OPEN_NO_CREATE: then a missing file is served by an empty
 * in-memory database, so read-only commands leave no file behind. Reads
 * sqlite_schema once so that a file that is not a database fails here,
 * not in the middle of a command. *out is untouched on failure.
 */
static int sqlite_open_flags(sd_db **out, const char *url,
                             const char *base_dir, unsigned flags,
                             sd_error *err)
{
	sqlite_db *s = NULL;
	sd_buf shown = SD_BUF_INIT;
	int rc = SD_OK, src;

	sd_mask_password(&shown, url);
	s = sd_xcalloc(1, sizeof(*s));
	s->base.driver = &sd_driver_sqlite;
	s->base.display_url = sd_buf_detach(&shown);
	s->path = url_to_path(url, base_dir);
	if (!s->path) {
		rc = sd_error_set(err, SD_EINPUT,
		                  "malformed SQLite URL '%s': expected "
		                  "sqlite:///relative/path.db or "
		                  "sqlite:////absolute/path.db",
		                  s->base.display_url);
		goto done;
	}
	if ((flags & SD_DB_OPEN_NO_CREATE) && strcmp(s->path, ":memory:") != 0 &&
	    !sd_file_exists(s->path)) {
		s->base.absent = true;
		src = sqlite3_open_v2(":memory:", &s->conn, SQLITE_OPEN_READWRITE,
		                      NULL);
	}
	else
		src = sqlite3_open_v2(s->path, &s->conn,
		                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
		                      NULL);
	if (src != SQLITE_OK) {
		rc = sd_error_set(err, SD_ERUNTIME, "%s: cannot open database: %s",
		                  s->path,
		                  s->conn ? sqlite3_errmsg(s->conn)
		                          : sqlite3_errstr(src));
		goto done;
	}
	sqlite3_busy_timeout(s->conn, BUSY_TIMEOUT_MS);
	/* Double-quoted strings are identifiers, never literals: with the
	 * legacy misfeature a misspelt "column" silently becomes the text
	 * 'column', and an index on a renamed-away "col" indexes a string. */
	sqlite3_db_config(s->conn, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	sqlite3_db_config(s->conn, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	src = sqlite3_exec(s->conn, "SELECT count(*) FROM sqlite_schema", NULL,
	                   NULL, NULL);
	if (src == SQLITE_NOTADB) {
		rc = sd_error_set(err, SD_ERUNTIME, "%s: file is not a database",
		                  s->path);
		goto done;
	}
	if (src != SQLITE_OK) {
		rc = sd_error_set(err, SD_ERUNTIME, "%s: %s", s->path,
		                  sqlite3_errmsg(s->conn));
		goto done;
	}
	*out = &s->base;
	s = NULL;
done:
	sqlite_close(s ? &s->base : NULL);
	return rc;
}

static int sqlite_open(sd_db **out, const char *url, const char *base_dir,
                       sd_error *err)
{
	return sqlite_open_flags(out, url, base_dir, 0, err);
}

/* The start of a statement, for messages: "CREATE TABLE "users" (…". */
static void statement_excerpt(sd_buf *out, const char *sql)
{
	size_t n = 0;

	while (*sql == ' ' || *sql == '\n' || *sql == '\t')
		sql++;
	while (sql[n] && sql[n] != '\n' && n < 72)
		n++;
	sd_buf_putn(out, sql, n);
	if (sql[n] && sql[n] != '\n')
		sd_buf_put(out, "...");
}

/* Runs every statement of a block in order; stops at the first failure,
 * whose message quotes the start of the failing statement. */
static int sqlite_exec(sd_db *db, const char *sql, sd_error *err)
{
	sqlite3 *conn = conn_of(db);
	const char *tail = sql;
	sqlite3_stmt *stmt = NULL;
	int rc = SD_OK, src;

	while (tail && *tail) {
		const char *start = tail;
		src = sqlite3_prepare_v2(conn, start, -1, &stmt, &tail);
		if (src == SQLITE_OK && stmt) {
			while ((src = sqlite3_step(stmt)) == SQLITE_ROW)
				;
			if (src == SQLITE_DONE)
				src = SQLITE_OK;
		}
		if (src != SQLITE_OK) {
			sd_buf ex = SD_BUF_INIT;
			statement_excerpt(&ex, start);
			rc = sd_error_set(err, SD_ERUNTIME, "sqlite: %s (in: %s)",
			                  sqlite3_errmsg(conn), sd_buf_cstr(&ex));
			sd_buf_free(&ex);
			goto done;
		}
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
done:
	sqlite3_finalize(stmt);
	return rc;
}

/*
 * Runs one statement with params bound to $1..$N by name (a parameter the
 * statement does not use is skipped). When out is not NULL it receives
 * every row as text, owned by the caller (sd_rows_free).
 */
static int sqlite_query(sd_db *db, const char *sql, const char *const *params,
                        size_t nparams, sd_rows **out, sd_error *err)
{
	sqlite3 *conn = conn_of(db);
	sqlite3_stmt *stmt = NULL;
	sd_rows *rows = NULL;
	size_t i, cap = 0;
	int rc = SD_OK, src;

	src = sqlite3_prepare_v2(conn, sql, -1, &stmt, NULL);
	if (src != SQLITE_OK || !stmt) {
		rc = src != SQLITE_OK
		         ? sqlite_error(err, conn, "prepare")
		         : sd_error_set(err, SD_EINPUT, "sqlite: empty query");
		goto done;
	}
	for (i = 0; i < nparams; i++) {
		char name[24];
		int idx;
		snprintf(name, sizeof(name), "$%zu", i + 1);
		idx = sqlite3_bind_parameter_index(stmt, name);
		if (idx == 0)
			continue;
		src = params[i] ? sqlite3_bind_text(stmt, idx, params[i], -1,
		                                    SQLITE_TRANSIENT)
		                : sqlite3_bind_null(stmt, idx);
		if (src != SQLITE_OK) {
			rc = sqlite_error(err, conn, "bind");
			goto done;
		}
	}
	rows = sd_xcalloc(1, sizeof(*rows));
	rows->ncols = (size_t)sqlite3_column_count(stmt);
	rows->names = sd_xcalloc(rows->ncols ? rows->ncols : 1, sizeof(char *));
	for (i = 0; i < rows->ncols; i++)
		rows->names[i] = sd_xstrdup(sqlite3_column_name(stmt, (int)i));
	while ((src = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (rows->nrows == cap) {
			cap = cap ? cap * 2 : 16;
			rows->cells = sd_xrealloc(rows->cells,
			                          cap * (rows->ncols ? rows->ncols : 1) *
			                              sizeof(char *));
		}
		for (i = 0; i < rows->ncols; i++) {
			const unsigned char *t = sqlite3_column_text(stmt, (int)i);
			char *cell = NULL;
			if (t) {
				size_t n = (size_t)sqlite3_column_bytes(stmt, (int)i);
				cell = sd_xmalloc(n + 1);
				memcpy(cell, t, n);
				cell[n] = '\0';
			}
			rows->cells[rows->nrows * rows->ncols + i] = cell;
		}
		rows->nrows++;
	}
	if (src != SQLITE_DONE) {
		rc = sqlite_error(err, conn, "query");
		goto done;
	}
	if (out) {
		*out = rows;
		rows = NULL;
	}
done:
	sd_rows_free(rows);
	sqlite3_finalize(stmt);
	return rc;
}

static int sqlite_lock(sd_db *db, void (*wait_cb)(void *), void *ctx,
                       sd_error *err)
{
	sqlite_db *s = (sqlite_db *)db;

	/* The lock is the write transaction itself: begin() takes it. */
	s->wait_cb = wait_cb;
	s->wait_ctx = ctx;
	return SD_OK;
}

static int sqlite_unlock(sd_db *db, sd_error *err)
{
	sqlite_db *s = (sqlite_db *)db;

	s->wait_cb = NULL;
	s->wait_ctx = NULL;
	return SD_OK;
}

/*
 * BEGIN IMMEDIATE takes SQLite's write lock up front, so two upgrades
 * serialise here rather than failing half-way. When another process holds
 * it, the lock's wait_cb is told once and we wait for up to LOCK_WAIT_MS.
 */
static int sqlite_begin(sd_db *db, sd_error *err)
{
	sqlite_db *s = (sqlite_db *)db;
	int src;

	sqlite3_busy_timeout(s->conn, 0);
	src = sqlite3_exec(s->conn, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (src == SQLITE_BUSY) {
		if (s->wait_cb)
			s->wait_cb(s->wait_ctx);
		sqlite3_busy_timeout(s->conn, LOCK_WAIT_MS);
		src = sqlite3_exec(s->conn, "BEGIN IMMEDIATE", NULL, NULL,
		                   NULL);
	}
	sqlite3_busy_timeout(s->conn, BUSY_TIMEOUT_MS);
	if (src != SQLITE_OK)
		return sqlite_error(err, s->conn, "BEGIN IMMEDIATE");
	return SD_OK;
}

static int sqlite_commit(sd_db *db, sd_error *err)
{
	sqlite3 *conn = conn_of(db);

	if (sqlite3_exec(conn, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return sqlite_error(err, conn, "COMMIT");
	return SD_OK;
}

/* Rolls back the open transaction; nothing to do when none is open
 * (SQLite may already have rolled back after certain errors). */
static int sqlite_rollback(sd_db *db, sd_error *err)
{
	sqlite3 *conn = conn_of(db);

	/* a rebuild that failed half-way may have left this on */
	sqlite3_exec(conn, "PRAGMA legacy_alter_table = OFF", NULL, NULL, NULL);
	if (sqlite3_get_autocommit(conn))
		return SD_OK;
	if (sqlite3_exec(conn, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		return sqlite_error(err, conn, "ROLLBACK");
	return SD_OK;
}

/* SQLite only checks deferred foreign keys at commit, and not at all
 * while foreign_keys is off during a rebuild: ask explicitly. */
static int sqlite_verify(sd_db *db, const char *path, const char *what,
                         sd_error *err)
{
	sd_rows *rows = NULL;
	int rc;

	rc = sqlite_query(db, "PRAGMA foreign_key_check", NULL, 0, &rows, err);
	if (!rc && rows->nrows > 0) {
		const char *t = sd_rows_get(rows, 0, 0);
		const char *p = rows->ncols > 2 ? sd_rows_get(rows, 0, 2) : NULL;
		rc = sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                  "%s leaves %zu row(s) violating foreign keys (first: table %s referencing %s)",
		                  what, rows->nrows, t ? t : "?", p ? p : "?");
	}
	sd_rows_free(rows);
	return rc;
}

/* Only the main database is managed; an attached one is looked up in its
 * own schema table. */
static int sqlite_table_exists(sd_db *db, const char *schema,
                               const char *table, bool *exists, sd_error *err)
{
	sd_buf sql = SD_BUF_INIT;
	sd_rows *rows = NULL;
	const char *params[1];
	int rc;

	params[0] = table;
	sd_buf_put(&sql, "SELECT 1 FROM ");
	if (schema && strcmp(schema, "main") != 0) {
		sd_quote_ident_std(&sql, schema);
		sd_buf_putc(&sql, '.');
	}
	sd_buf_put(&sql, "sqlite_schema WHERE type = 'table' AND name = $1");
	rc = sqlite_query(db, sd_buf_cstr(&sql), params, 1, &rows, err);
	if (rc == SD_OK)
		*exists = rows->nrows > 0;
	sd_rows_free(rows);
	sd_buf_free(&sql);
	return rc;
}

/*
 * SQLite's online backup API: every page copied in one step under a read
 * lock, so the copy is consistent even while other processes write; a
 * busy database is retried for a while. The destination is the empty
 * private file path, which SQLite fills as a database of its own (its
 * journal takes the file's mode).
 */
static int sqlite_backup(sd_db *db, int fd, const char *path, sd_error *err)
{
	sqlite_db *s = (sqlite_db *)db;
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int src, tries = 0, rc = SD_OK;

	(void)fd;
	src = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (src != SQLITE_OK) {
		rc = sd_error_set(err, SD_ERUNTIME, "sqlite: backup: %s",
		                  dst ? sqlite3_errmsg(dst) : sqlite3_errstr(src));
		goto done;
	}
	b = sqlite3_backup_init(dst, "main", s->conn, "main");
	if (!b) {
		rc = sqlite_error(err, dst, "backup");
		goto done;
	}
	do {
		src = sqlite3_backup_step(b, -1);
		if (src == SQLITE_BUSY || src == SQLITE_LOCKED)
			sqlite3_sleep(100);
	} while ((src == SQLITE_BUSY || src == SQLITE_LOCKED) &&
	         ++tries < BUSY_TIMEOUT_MS / 100);
	sqlite3_backup_finish(b);
	if (src != SQLITE_DONE)
		rc = sd_error_set(err, SD_ERUNTIME, "sqlite: backup of %s: %s",
		                  s->path, sqlite3_errstr(src));
done:
	sqlite3_close(dst);
	return rc;
}

/* SQLite's scratch database lives in memory and goes with its handle. */
static int sqlite_scratch_open(sd_db **out, const char *url, sd_error *err)
{
	(void)url;
	return sqlite_open_flags(out, "sqlite:///:memory:", NULL, 0, err);
}

static int sqlite_scratch_drop(sd_db *db, sd_error *err)
{
	(void)err;
	sqlite_close(db);
	return SD_OK;
}

const sd_db_driver sd_driver_sqlite = {
	.name = "sqlite",
	.open = sqlite_open, .open_flags = sqlite_open_flags,
	.close = sqlite_close,
	.exec = sqlite_exec, .query = sqlite_query,
	.lock = sqlite_lock, .unlock = sqlite_unlock,
	.begin = sqlite_begin, .commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.table_exists = sqlite_table_exists,
	.backup = sqlite_backup,
	.verify = sqlite_verify,
	.scratch_open = sqlite_scratch_open,
	.scratch_drop = sqlite_scratch_drop,
};
