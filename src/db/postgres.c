/*
 * postgres.c - sd_driver_postgres: a libpq connection behind the driver
 * table. libpq parses the URL itself (postgresql://, postgres://, PGPASSWORD,
 * .pgpass, sslmode, ...); this file only validates it first so a malformed
 * URL is bad input rather than a connection failure.
 */
#include "db/postgres.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/*
 * The advisory lock that serialises schemadiff processes on one schema:
 * the pair (SD_PG_LOCK_CLASS, hashtext(current_schema())), so tenants kept
 * as schemas of one database never wait for each other, and the pair space
 * cannot meet a single-key lock an application takes. The class is "SDIF"
 * read as a 32-bit integer: a constant, so every version agrees.
 */
#define SD_PG_LOCK_CLASS "1396984134"
#define SD_PG_LOCK_ARGS SD_PG_LOCK_CLASS ", hashtext(COALESCE(current_schema(), ''))"

typedef struct pg_db {
	sd_db base;
	PGconn *conn;
	char *url; /* as given, for the client tools (pg_dump) */
	bool session_locked;      /* pg_session_lock(db, true) holds it */
	void (*wait_cb)(void *);  /* told once per run when begin() waits */
	void *wait_ctx;
	bool waited;
	/* A scratch database (pg_scratch_open): its name, and the URL of the
	 * server connection it was created through, to drop it again. */
	char *scratch_name;
	char *scratch_admin_url;
	char sqlstate[6];         /* of the last statement that failed */
} pg_db;

static PGconn *conn_of(sd_db *db)
{
	return ((pg_db *)db)->conn;
}

PGconn *sd_pg_conn(sd_db *db)
{
	return db && db->driver == &sd_driver_postgres ? conn_of(db) : NULL;
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

void sd_pg_message(sd_buf *out, const char *msg)
{
	sd_mask_password(out, msg ? msg : "");
	while (out->len && out->data[out->len - 1] == '\n')
		sd_buf_truncate(out, out->len - 1);
}

int sd_pg_error(sd_error *err, const char *what, const char *msg)
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
	free(p->url);
	free(p->scratch_name);
	free(p->scratch_admin_url);
	free(p);
}

/*
 * Connects to url, or to database dbname on url's server when dbname is
 * not NULL. *out is a new connection on success, untouched on failure;
 * messages carry the URL with its password masked.
 */
static int pg_connect(sd_db **out, const char *url, const char *dbname,
                      sd_error *err)
{
	/* libpq expands the first dbname (the URL); a second one, after it,
	 * overrides the database the URL names. */
	const char *keys[] = {"dbname", "fallback_application_name",
	                      dbname ? "dbname" : NULL, NULL};
	const char *vals[] = {url, "schemadiff", dbname, NULL};
	PQconninfoOption *opts;
	char *why = NULL;
	sd_buf shown = SD_BUF_INIT;
	pg_db *p = NULL;
	int rc = SD_OK;

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
	p->url = sd_xstrdup(url);
	p->conn = PQconnectdbParams(keys, vals, 1);
	if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
		sd_buf what = SD_BUF_INIT;
		sd_buf_printf(&what, "cannot connect to %s", sd_buf_cstr(&shown));
		rc = sd_pg_error(err, sd_buf_cstr(&what),
		              p->conn ? PQerrorMessage(p->conn)
		                      : "out of memory");
		sd_buf_free(&what);
		goto done;
	}
	/* Notices are dropped here rather than by a session SET, which a
	 * transaction pooler would leave on whichever server connection it
	 * ran on. */
	PQsetNoticeProcessor(p->conn, ignore_notice, NULL);
done:
	if (rc == SD_OK)
		*out = &p->base;
	else
		pg_close(p ? &p->base : NULL);
	sd_buf_free(&shown);
	return rc;
}

static int pg_open(sd_db **out, const char *url, const char *base_dir,
                   sd_error *err)
{
	(void)base_dir;
	return pg_connect(out, url, NULL, err);
}

/* Keeps the SQLSTATE of a failed result for lock_timed_out. */
static void note_state(sd_db *db, const PGresult *res)
{
	const char *code = PQresultErrorField(res, PG_DIAG_SQLSTATE);

	snprintf(((pg_db *)db)->sqlstate, sizeof(((pg_db *)db)->sqlstate),
	         "%s", code ? code : "");
}

const char *sd_pg_sqlstate(sd_db *db)
{
	return ((pg_db *)db)->sqlstate;
}

static int pg_exec(sd_db *db, const char *sql, sd_error *err)
{
	PGresult *res = PQexec(conn_of(db), sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = SD_OK;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
	    st != PGRES_EMPTY_QUERY) {
		note_state(db, res);
		rc = sd_pg_error(err, "PostgreSQL", PQresultErrorMessage(res));
	}
	PQclear(res);
	return rc;
}

int sd_pg_exec_count(sd_db *db, const char *sql, long long *rows,
                     sd_error *err)
{
	PGresult *res = PQexec(conn_of(db), sql);
	int rc = SD_OK;

	*rows = 0;
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		note_state(db, res);
		rc = sd_pg_error(err, "PostgreSQL", PQresultErrorMessage(res));
	} else {
		*rows = atoll(PQcmdTuples(res));
	}
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
		note_state(db, res);
		rc = sd_pg_error(err, "PostgreSQL", PQresultErrorMessage(res));
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
		rc = sd_pg_error(err, "PostgreSQL", PQresultErrorMessage(res));
		goto done;
	}
	*yes = PQntuples(res) > 0 && !PQgetisnull(res, 0, 0) &&
	       PQgetvalue(res, 0, 0)[0] == 't';
done:
	PQclear(res);
	return rc;
}

/*
 * The run's lock. Nothing is held between transactions, because a
 * transaction pooler (pgbouncer in transaction mode) hands each
 * transaction to any server connection and a session lock would stay
 * behind on one of them: every transaction begin() opens takes the
 * transaction-level lock instead, which the server releases at COMMIT or
 * ROLLBACK on the connection that took it, pooled or not. This only
 * remembers whom to tell about a wait.
 */
static int pg_lock(sd_db *db, void (*wait_cb)(void *), void *ctx,
                   sd_error *err)
{
	pg_db *p = (pg_db *)db;

	(void)err;
	p->wait_cb = wait_cb;
	p->wait_ctx = ctx;
	p->waited = false;
	return SD_OK;
}

static int pg_unlock(sd_db *db, sd_error *err)
{
	pg_db *p = (pg_db *)db;

	(void)err;
	p->wait_cb = NULL;
	p->wait_ctx = NULL;
	return SD_OK;
}

/*
 * Waiting for the lock never keeps a transaction (or a statement) open:
 * the holder may be building an index CONCURRENTLY, which waits for every
 * transaction older than its own, so a waiter sitting in
 * pg_advisory_lock() would wait for the builder while the builder waits
 * for it (the server calls that a deadlock). The waiter tries, lets go
 * and naps instead: 20 ms doubling to half a second. The first miss is
 * told (wait_cb) once per run.
 */
static void nap(pg_db *p, int attempt)
{
	struct timespec ts = {0, 0};
	long ms = 20L << (attempt < 5 ? attempt : 5);

	if (p->wait_cb && !p->waited)
		p->wait_cb(p->wait_ctx);
	p->waited = true;
	if (ms > 500)
		ms = 500;
	ts.tv_nsec = ms * 1000000L;
	nanosleep(&ts, NULL);
}

/*
 * BEGIN plus the transaction-level advisory lock, in one round trip, until
 * it is had (nap). Whoever reads the version table after this sees every
 * revision a previous holder committed.
 */
static int pg_begin(sd_db *db, sd_error *err)
{
	pg_db *p = (pg_db *)db;
	int attempt;

	p->sqlstate[0] = '\0';
	for (attempt = 0;; attempt++) {
		PGresult *res = PQexec(p->conn,
		                       "BEGIN; SELECT pg_try_advisory_xact_lock("
		                       SD_PG_LOCK_ARGS ")");
		bool got;
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			int rc = sd_pg_error(err, "PostgreSQL",
			                     PQresultErrorMessage(res));
			PQclear(res);
			/* the BEGIN may have run: leave no transaction behind */
			PQclear(PQexec(p->conn, "ROLLBACK"));
			return rc;
		}
		got = PQntuples(res) > 0 && PQgetvalue(res, 0, 0)[0] == 't';
		PQclear(res);
		if (got)
			return SD_OK;
		PQclear(PQexec(p->conn, "ROLLBACK"));
		nap(p, attempt);
	}
}

/*
 * The same lock at session level, for the statements of a revision that
 * cannot run in a transaction. It holds only on a direct connection: the
 * release checks that this session still had it, which a transaction
 * pooler breaks, and says so.
 */
static int pg_session_lock(sd_db *db, bool take, sd_error *err)
{
	pg_db *p = (pg_db *)db;
	bool yes = false;
	int rc, attempt;

	if (take == p->session_locked)
		return SD_OK;
	if (take) {
		for (attempt = 0;; attempt++) {
			rc = ask(db, "SELECT pg_try_advisory_lock(" SD_PG_LOCK_ARGS ")",
			         NULL, 0, &yes, err);
			if (rc || yes)
				break;
			nap(p, attempt);
		}
		p->session_locked = rc == SD_OK;
		return rc;
	}
	p->session_locked = false;
	rc = ask(db, "SELECT pg_advisory_unlock(" SD_PG_LOCK_ARGS ")", NULL, 0,
	         &yes, err);
	if (!rc && !yes)
		rc = sd_error_set(err, SD_ERUNTIME,
		                  "the session lock was gone when released: is a "
		                  "transaction pooler between schemadiff and the "
		                  "server? A revision in steps or with `transaction: "
		                  "none` needs a direct connection");
	return rc;
}

static int pg_commit(sd_db *db, sd_error *err)
{
	return pg_exec(db, "COMMIT", err);
}

static int pg_rollback(sd_db *db, sd_error *err)
{
	return pg_exec(db, "ROLLBACK", err);
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

/* Appends value single-quoted for a libpq connection string. */
static void put_conninfo_value(sd_buf *out, const char *value)
{
	const char *p;

	sd_buf_putc(out, '\'');
	for (p = value; *p; p++) {
		if (*p == '\'' || *p == '\\')
			sd_buf_putc(out, '\\');
		sd_buf_putc(out, *p);
	}
	sd_buf_putc(out, '\'');
}

/*
 * The password our connection used (PQpass: from the URL, PGPASSWORD or
 * a .pgpass) as a one-line .pgpass matching any server, written into a
 * new private directory: pg_dump reads it through PGPASSFILE, so it never
 * shows on its command line. A password .pgpass cannot hold (a newline)
 * goes into the child's environment instead, which only the user can
 * read. *env is the variable to set; *dir the directory to remove.
 */
static int password_env(const char **env, char **dir, sd_arena *a,
                        const char *password, sd_error *err)
{
	sd_buf line = SD_BUF_INIT;
	const char *file, *p;
	int rc;

	if (strchr(password, '\n') || strchr(password, '\r')) {
		*env = sd_arena_printf(a, "PGPASSWORD=%s", password);
		return SD_OK;
	}
	rc = sd_dir_make_private(dir, a, NULL, err);
	if (rc)
		return rc;
	file = sd_path_join(a, *dir, "pgpass");
	sd_buf_put(&line, "*:*:*:*:");
	for (p = password; *p; p++) {
		if (*p == ':' || *p == '\\')
			sd_buf_putc(&line, '\\');
		sd_buf_putc(&line, *p);
	}
	sd_buf_putc(&line, '\n');
	rc = sd_file_write_private(file, line.data, line.len, err);
	if (!rc)
		*env = sd_arena_printf(a, "PGPASSFILE=%s", file);
	sd_buf_free(&line);
	return rc;
}

/*
 * pg_dump -Fc of the database into fd. The connection options are libpq's
 * own parse of the URL, minus the password, which travels as
 * password_env() says: nothing secret on a command line any local user
 * can read in /proc.
 */
static int pg_backup(sd_db *db, int fd, const char *path, sd_error *err)
{
	pg_db *p = (pg_db *)db;
	sd_arena *a = sd_arena_new();
	const char *password = PQpass(p->conn);
	const char *set[2] = {NULL, NULL};
	const char *argv[5];
	PQconninfoOption *opts = NULL, *o;
	sd_buf conninfo = SD_BUF_INIT, output = SD_BUF_INIT, line = SD_BUF_INIT;
	char *dir = NULL;
	int rc = SD_OK, status;

	(void)path;
	opts = PQconninfoParse(p->url, NULL);
	if (!opts) {
		rc = sd_error_set(err, SD_ERUNTIME, "cannot read the database URL %s",
		                  db->display_url);
		goto done;
	}
	if (password && !*password)
		password = NULL;
	for (o = opts; o->keyword; o++) {
		if (!o->val || !*o->val || strcmp(o->keyword, "password") == 0 ||
		    (password && strcmp(o->keyword, "passfile") == 0))
			continue;
		sd_buf_printf(&conninfo, "%s%s=", conninfo.len ? " " : "",
		              o->keyword);
		put_conninfo_value(&conninfo, o->val);
	}
	if (password) {
		rc = password_env(&set[0], &dir, a, password, err);
		if (rc)
			goto done;
	}
	argv[0] = "pg_dump";
	argv[1] = "--format=custom";
	argv[2] = "--no-password";
	argv[3] = sd_arena_printf(a, "--dbname=%s", sd_buf_cstr(&conninfo));
	argv[4] = NULL;
	status = sd_proc_run(argv, set, fd, &output);
	if (status < 0) {
		one_line(&line, sd_buf_cstr(&output));
		rc = sd_error_set(err, SD_ERUNTIME,
		                  "backup of %s: %s; pg_dump comes with the PostgreSQL client tools (Debian: postgresql-client)",
		                  db->display_url, sd_buf_cstr(&line));
	} else if (status != 0) {
		one_line(&line, sd_buf_cstr(&output));
		rc = sd_error_set(err, SD_ERUNTIME,
		                  "backup of %s: pg_dump exited with status %d: %s",
		                  db->display_url, status, sd_buf_cstr(&line));
	}
done:
	sd_dir_remove(dir);
	PQconninfoFree(opts);
	sd_buf_free(&conninfo);
	sd_buf_free(&output);
	sd_buf_free(&line);
	sd_arena_free(a);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Scratch databases                                                   */
/* ------------------------------------------------------------------ */

/* "sd_scratch_<16 hex>": random, so concurrent runs never meet. */
static void scratch_name(char out[32])
{
	unsigned char r[8] = {0};
	FILE *f = fopen("/dev/urandom", "rb");
	size_t i;

	if (!f || fread(r, 1, sizeof(r), f) != sizeof(r)) {
		unsigned long x = (unsigned long)getpid() ^ (unsigned long)time(NULL);
		memcpy(r, &x, sizeof(x) < sizeof(r) ? sizeof(x) : sizeof(r));
	}
	if (f)
		fclose(f);
	memcpy(out, "sd_scratch_", 11);
	for (i = 0; i < sizeof(r); i++)
		snprintf(out + 11 + 2 * i, 3, "%02x", r[i]);
}

/* DROP DATABASE name through a new connection to url's server. */
static int drop_database(const char *url, const char *name, sd_error *err)
{
	sd_db *admin = NULL;
	sd_buf sql = SD_BUF_INIT;
	sd_error local = SD_ERROR_INIT;
	int rc;

	rc = pg_connect(&admin, url, NULL, &local);
	if (!rc) {
		sd_buf_put(&sql, "DROP DATABASE IF EXISTS ");
		sd_quote_ident_std(&sql, name);
		/* a backend that has not quite gone yet is no reason to fail */
		if (PQserverVersion(conn_of(admin)) >= 130000)
			sd_buf_put(&sql, " WITH (FORCE)");
		rc = pg_exec(admin, sd_buf_cstr(&sql), &local);
	}
	if (rc)
		sd_error_set(err, rc, "cannot drop the scratch database %s (drop it by hand): %s",
		             name, local.first ? local.first->message : "failed");
	sd_error_clear(&local);
	sd_buf_free(&sql);
	pg_close(admin);
	return rc;
}

/*
 * Creates an empty database (from template0, so nothing of template1 and
 * no other session's use of it gets in the way) on url's server, and
 * connects to it. The user needs CREATEDB.
 */
static int pg_scratch_open(sd_db **out, const char *url, sd_error *err)
{
	sd_db *admin = NULL, *db = NULL;
	sd_buf sql = SD_BUF_INIT;
	char name[32];
	bool created = false;
	int rc;

	scratch_name(name);
	rc = pg_connect(&admin, url, NULL, err);
	if (rc)
		goto done;
	sd_buf_put(&sql, "CREATE DATABASE ");
	sd_quote_ident_std(&sql, name);
	sd_buf_put(&sql, " TEMPLATE template0");
	rc = pg_exec(admin, sd_buf_cstr(&sql), err);
	if (rc) {
		sd_error_hint(err, "the scratch database needs a user with CREATEDB; "
		                   "name another server with --dev-database URL or "
		                   "dev_database: in schemadiff.yaml");
		goto done;
	}
	created = true;
	pg_close(admin);
	admin = NULL;
	rc = pg_connect(&db, url, name, err);
	if (rc)
		goto done;
	((pg_db *)db)->scratch_name = sd_xstrdup(name);
	((pg_db *)db)->scratch_admin_url = sd_xstrdup(url);
	*out = db;
done:
	if (rc && created)
		drop_database(url, name, err);
	pg_close(admin);
	sd_buf_free(&sql);
	return rc;
}

static int pg_scratch_drop(sd_db *db, sd_error *err)
{
	pg_db *p = (pg_db *)db;
	char *name = p->scratch_name, *url = p->scratch_admin_url;
	int rc = SD_OK;

	p->scratch_name = p->scratch_admin_url = NULL;
	pg_close(db);
	if (name)
		rc = drop_database(url, name, err);
	free(name);
	free(url);
	return rc;
}

const sd_db_driver sd_driver_postgres = {
	.name = "postgresql",
	.open = pg_open, .close = pg_close,
	.exec = pg_exec, .query = pg_query,
	.lock = pg_lock, .unlock = pg_unlock,
	.begin = pg_begin, .session_lock = pg_session_lock,
	.commit = pg_commit, .rollback = pg_rollback,
	.table_exists = pg_table_exists,
	.backup = pg_backup,
	.preflight = sd_pg_lock_preflight,
	.scratch_open = pg_scratch_open,
	.scratch_drop = pg_scratch_drop,
	.lock_timeout = sd_pg_lock_timeout,
	.lock_timed_out = sd_pg_lock_timed_out,
	.nontx_prepare = sd_pg_nontx_prepare,
	.batch = sd_pg_batch,
	.lock_holders = sd_pg_lock_holders,
	.table_size = sd_pg_table_size,
};
