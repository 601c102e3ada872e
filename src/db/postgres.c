/*
 * postgres.c - sd_driver_postgres: a libpq connection behind the driver
 * table. libpq parses the URL itself (postgresql://, postgres://, PGPASSWORD,
 * .pgpass, sslmode, ...); this file only validates it first so a malformed
 * URL is bad input rather than a connection failure.
 */
#include "db/db.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "introspect/postgres.h"

/*
 * The advisory lock key that serialises schemadiff processes: FNV-1a 64 of
 * "schemadiff" as a signed bigint. A constant, so every version agrees.
 */
#define SD_PG_LOCK_KEY "519877209462169973"

typedef struct pg_db {
	sd_db base;
	PGconn *conn;
	bool locked;
} pg_db;

static PGconn *conn_of(sd_db *db)
{
	return ((pg_db *)db)->conn;
}

/* Notices go nowhere: library code never prints. */
static void ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/*
 * Appends msg as one line with any password masked: newlines become "; ",
 * runs of spaces one, trailing separators dropped.
 *     "connection to server ... failed: FATAL:  password authentication
 *      failed for user \"x\"\n" -> "... failed: FATAL: password ..."
 */
static void one_line(sd_buf *out, const char *msg)
{
	sd_buf masked = SD_BUF_INIT;
	const char *p;
	size_t start = out->len;

	sd_mask_password(&masked, msg ? msg : "");
	for (p = sd_buf_cstr(&masked); *p; p++) {
		char c = *p;
		if (c == '\n') {
			if (p[1])
				sd_buf_put(out, "; ");
			continue;
		}
		if (c == ' ' && out->len > start &&
		    out->data[out->len - 1] == ' ')
			continue;
		sd_buf_putc(out, c);
	}
	while (out->len > start && (out->data[out->len - 1] == ' ' ||
	                            out->data[out->len - 1] == ';'))
		sd_buf_truncate(out, out->len - 1);
	sd_buf_free(&masked);
}

static int pg_error(sd_error *err, const char *what, const char *msg)
{
	sd_buf line = SD_BUF_INIT;
	int rc;

	one_line(&line, msg);
	rc = sd_error_add(err, SD_ERUNTIME, NULL, 0, 0, NULL, "%s: %s", what,
	                  sd_buf_cstr(&line));
	sd_buf_free(&line);
	return rc;
}

static void pg_close(sd_db *db)
{
	pg_db *p = (pg_db *)db;

	if (!p)
		return;
	if (p->conn)
		PQfinish(p->conn);
	free(p->base.display_url);
	free(p);
}

/*
 * Connects to url. *out is a new connection on success, untouched on
 * failure; messages carry the URL with its password masked.
 */
static int pg_open(sd_db **out, const char *url, const char *base_dir,
                   sd_error *err)
{
	const char *keys[] = {"dbname", "fallback_application_name", NULL};
	const char *vals[] = {url, "schemadiff", NULL};
	PQconninfoOption *opts;
	char *why = NULL;
	sd_buf shown = SD_BUF_INIT;
	pg_db *p = NULL;
	PGresult *res;
	int rc = SD_OK;

	(void)base_dir;
	sd_mask_password(&shown, url);
	opts = PQconninfoParse(url, &why);
	if (!opts) {
		sd_buf line = SD_BUF_INIT;
		one_line(&line, why ? why : "cannot parse");
		rc = sd_error_set(err, SD_EINPUT, "invalid database URL '%s': %s",
		                  sd_buf_cstr(&shown), sd_buf_cstr(&line));
		sd_buf_free(&line);
		PQfreemem(why);
		goto done;
	}
	PQconninfoFree(opts);

	p = sd_xcalloc(1, sizeof(*p));
	p->base.driver = &sd_driver_postgres;
	p->base.display_url = sd_xstrdup(sd_buf_cstr(&shown));
	p->conn = PQconnectdbParams(keys, vals, 1);
	if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
		sd_buf what = SD_BUF_INIT;
		sd_buf_printf(&what, "cannot connect to %s", sd_buf_cstr(&shown));
		rc = pg_error(err, sd_buf_cstr(&what),
		              p->conn ? PQerrorMessage(p->conn)
		                      : "out of memory");
		sd_buf_free(&what);
		goto done;
	}
	PQsetNoticeProcessor(p->conn, ignore_notice, NULL);
	res = PQexec(p->conn, "SET client_min_messages = warning");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_error(err, "setting up the session",
		              PQresultErrorMessage(res));
	PQclear(res);
done:
	if (rc == SD_OK)
		*out = &p->base;
	else
		pg_close(p ? &p->base : NULL);
	sd_buf_free(&shown);
	return rc;
}

static int pg_exec(sd_db *db, const char *sql, sd_error *err)
{
	PGresult *res = PQexec(conn_of(db), sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = SD_OK;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
	    st != PGRES_EMPTY_QUERY)
		rc = pg_error(err, "PostgreSQL", PQresultErrorMessage(res));
	PQclear(res);
	return rc;
}

/* Copies a result into an sd_rows whose strings are all malloc'ed. */
static sd_rows *rows_from(PGresult *res)
{
	sd_rows *r = sd_xcalloc(1, sizeof(*r));
	size_t i, j;

	r->nrows = (size_t)PQntuples(res);
	r->ncols = (size_t)PQnfields(res);
	r->names = sd_xcalloc(r->ncols ? r->ncols : 1, sizeof(char *));
	r->cells = sd_xcalloc(r->nrows * r->ncols + 1, sizeof(char *));
	for (j = 0; j < r->ncols; j++)
		r->names[j] = sd_xstrdup(PQfname(res, (int)j));
	for (i = 0; i < r->nrows; i++)
		for (j = 0; j < r->ncols; j++)
			if (!PQgetisnull(res, (int)i, (int)j))
				r->cells[i * r->ncols + j] = sd_xstrdup(
					PQgetvalue(res, (int)i, (int)j));
	return r;
}

static int pg_query(sd_db *db, const char *sql, const char *const *params,
                    size_t nparams, sd_rows **out, sd_error *err)
{
	PGresult *res = PQexecParams(conn_of(db), sql, (int)nparams, NULL,
	                             params, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	int rc = SD_OK;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		rc = pg_error(err, "PostgreSQL", PQresultErrorMessage(res));
		goto done;
	}
	if (out)
		*out = rows_from(res);
done:
	PQclear(res);
	return rc;
}

/* Runs a query whose one cell answers yes or no. */
static int ask(sd_db *db, const char *sql, const char *const *params,
               int nparams, bool *yes, sd_error *err)
{
	PGresult *res = PQexecParams(conn_of(db), sql, nparams, NULL, params,
	                             NULL, NULL, 0);
	int rc = SD_OK;

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = pg_error(err, "PostgreSQL", PQresultErrorMessage(res));
		goto done;
	}
	*yes = PQntuples(res) > 0 && !PQgetisnull(res, 0, 0) &&
	       PQgetvalue(res, 0, 0)[0] == 't';
done:
	PQclear(res);
	return rc;
}

/*
 * Takes the session advisory lock; tries first so wait_cb can tell the user
 * that another schemadiff holds it, then waits.
 */
static int pg_lock(sd_db *db, void (*wait_cb)(void *), void *ctx,
                   sd_error *err)
{
	pg_db *p = (pg_db *)db;
	bool got = false;
	int rc;

	if (p->locked)
		return SD_OK;
	rc = ask(db, "SELECT pg_try_advisory_lock(" SD_PG_LOCK_KEY ")", NULL,
	         0, &got, err);
	if (rc != SD_OK)
		return rc;
	if (!got) {
		if (wait_cb)
			wait_cb(ctx);
		rc = pg_exec(db, "SELECT pg_advisory_lock(" SD_PG_LOCK_KEY ")",
		             err);
		if (rc != SD_OK)
			return rc;
	}
	p->locked = true;
	return SD_OK;
}

static int pg_unlock(sd_db *db, sd_error *err)
{
	pg_db *p = (pg_db *)db;
	bool released = false;
	int rc;

	if (!p->locked)
		return SD_OK;
	rc = ask(db, "SELECT pg_advisory_unlock(" SD_PG_LOCK_KEY ")", NULL, 0,
	         &released, err);
	if (rc == SD_OK)
		p->locked = false;
	return rc;
}

static int pg_begin(sd_db *db, sd_error *err)
{
	return pg_exec(db, "BEGIN", err);
}

static int pg_commit(sd_db *db, sd_error *err)
{
	return pg_exec(db, "COMMIT", err);
}

static int pg_rollback(sd_db *db, sd_error *err)
{
	return pg_exec(db, "ROLLBACK", err);
}

static int pg_introspect(sd_db *db, const sd_introspect_opts *opts,
                         sd_schema **out, sd_error *err)
{
	return sd_pg_introspect(out, conn_of(db), opts, NULL, err);
}

static int pg_normalize(sd_db *db, sd_schema *models, sd_error *err)
{
	return sd_pg_normalize(conn_of(db), models, err);
}

/* schema NULL is the first schema on the search path, as for unqualified
 * names in the revisions. */
static int pg_table_exists(sd_db *db, const char *schema, const char *table,
                           bool *exists, sd_error *err)
{
	const char *params[2] = {schema, table};

	return ask(db,
	           "SELECT EXISTS (SELECT 1 FROM pg_class c"
	           " JOIN pg_namespace n ON n.oid = c.relnamespace"
	           " WHERE n.nspname = COALESCE($1, current_schema())"
	           " AND c.relname = $2 AND c.relkind IN ('r', 'p'))",
	           params, 2, exists, err);
}

const sd_db_driver sd_driver_postgres = {
	.name = "postgresql",
	.dialect = &sd_dialect_postgres,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.query = pg_query,
	.lock = pg_lock,
	.unlock = pg_unlock,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.introspect = pg_introspect,
	.normalize = pg_normalize,
	.table_exists = pg_table_exists,
};
