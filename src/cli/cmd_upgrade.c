/*
 * cmd_upgrade.c - `upgrade`, `downgrade` (online and --sql) and `stamp`.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "capi/capi.h"

typedef struct progress {
	sd_cli *cli;
	const char *where;
	bool line_open; /* "upgrade X ..." printed, waiting for its timing */
	bool stmt_open; /* -v: a statement printed, waiting for its timing */
	double stmt_start;
	const char *backup; /* --backup PATH, or NULL */
	bool force;         /* --force: the backup may replace a file */
	bool backed_up;
} progress;

/*
 * -v: the statement printed last has finished when the next one starts or
 * its revision ends; its duration goes under it. The last statement of a
 * revision also counts the version update and the COMMIT.
 */
static void end_statement(progress *p)
{
	char line[64];

	if (!p->stmt_open)
		return;
	snprintf(line, sizeof(line), "    -- %.1f ms",
	         (sd_cli_now() - p->stmt_start) * 1000.0);
	fprintf(stderr, "%s\n", sd_cli_paint(p->cli, false, SD_CLI_DIM, line));
	p->stmt_open = false;
}

static void on_wait(void *ctx)
{
	progress *p = ctx;

	sd_cli_err(p->cli,
	           "waiting for another schemadiff to finish with %s ...",
	           p->where ? p->where : "the database");
}

static void on_revision(void *ctx, const sd_revision *r, bool upgrade,
                        double elapsed)
{
	progress *p = ctx;
	sd_cli *cli = p->cli;

	if (cli->verbosity < 0)
		return;
	/* one line per revision, as it starts, so a log shows which one
	 * runs (or hangs); a terminal gets its time on the same line */
	if (elapsed < 0) {
		sd_buf b = SD_BUF_INIT;
		sd_buf_printf(&b, "%s %s  %s%s", upgrade ? "upgrade  " : "downgrade",
		              r->id, r->message ? r->message : "",
		              cli->stderr_tty ? " ..." : "\n");
		sd_cli_write(cli, stderr, sd_buf_cstr(&b));
		sd_buf_free(&b);
		fflush(stderr);
		p->line_open = cli->stderr_tty;
		return;
	}
	end_statement(p);
	if (p->line_open)
		fprintf(stderr, " %.0f ms\n", elapsed * 1000.0);
	else if (cli->stderr_tty)
		fprintf(stderr, "  (%.0f ms)\n", elapsed * 1000.0);
	p->line_open = false;
}

static void on_statement(void *ctx, const char *sql)
{
	progress *p = ctx;
	sd_buf b = SD_BUF_INIT;

	if (p->cli->verbosity <= 0)
		return;
	end_statement(p);
	if (p->line_open)
		fputc('\n', stderr);
	p->line_open = false;
	sd_buf_printf(&b, "    %s;\n", sql);
	sd_cli_write(p->cli, stderr, sd_buf_cstr(&b));
	fflush(stderr);
	sd_buf_free(&b);
	p->stmt_open = true;
	p->stmt_start = sd_cli_now();
}

/*
 * --backup: runs once the lock is held and something is pending, before
 * the first revision; when it fails, nothing runs (exit 3).
 */
static int take_backup(void *ctx, sd_db *db, size_t nrevisions, sd_error *err)
{
	progress *p = ctx;
	long long bytes = 0;
	double t0 = sd_cli_now();
	int rc;

	(void)nrevisions;
	if (!p->backup)
		return SD_OK;
	rc = sd_db_backup(db, p->backup, p->force, &bytes, err);
	if (rc)
		sd_error_hint(err, "nothing was applied");
	p->backed_up = rc == SD_OK;
	if (!rc && p->cli->verbosity >= 0)
		sd_cli_err(p->cli, "backed up %s to %s (%lld bytes, %.0f ms)",
		           db->display_url, p->backup, bytes,
		           (sd_cli_now() - t0) * 1000.0);
	return rc;
}

/* Resumed steps, retries after a lock timeout, rebuilt indexes. */
static void on_note(void *ctx, const char *msg)
{
	progress *p = ctx;

	end_statement(p);
	if (p->line_open)
		fputc('\n', stderr);
	p->line_open = false;
	sd_cli_err(p->cli, "%s", msg);
}

static void on_capi_warning(void *ctx, const char *msg)
{
	sd_cli_warn(ctx, "%s", msg);
}

void sd_cli_capi_ctx(sd_cli *cli, sd_capi_ctx *cctx, const sd_config *c)
{
	memset(cctx, 0, sizeof(*cctx));
	cctx->cache_dir = c->cache;
	cctx->project_dir = c->dir;
	cctx->on_warning = on_capi_warning;
	cctx->warn_ctx = cli;
}

/*
 * The runner's options for this project: its version table, lock timeout,
 * retries and batch size and, with cctx, C revisions compiled into the
 * cache (the config's `cache:`, else the user's cache directory).
 */
void sd_cli_runner_opts(sd_runner_opts *ro, sd_capi_ctx *cctx, sd_cli *cli,
                        const sd_config *c)
{
	memset(ro, 0, sizeof(*ro));
	ro->version_table = c->version_table;
	ro->lock_timeout_ms = c->lock_timeout_ms;
	ro->lock_retries = c->lock_retries;
	ro->batch_size = c->batch_size;
	if (cctx) {
		sd_cli_capi_ctx(cli, cctx, c);
		sd_capi_runner_opts(ro, cctx);
	}
}

/* sd_cli_runner_opts with progress to prog (NULL: none). */
static void runner_opts(sd_runner_opts *ro, sd_capi_ctx *cctx, sd_cli *cli,
                        const sd_config *c, progress *prog)
{
	sd_cli_runner_opts(ro, cctx, cli, c);
	if (prog) {
		ro->wait_cb = on_wait;
		ro->on_revision = on_revision;
		ro->on_statement = on_statement;
		ro->on_note = on_note;
		ro->ctx = prog;
	}
	if (prog && prog->backup)
		ro->before_run = take_backup;
}

/* Resolves "base" or a revision for the FROM of an offline range. */
static int resolve_from(sd_cli *cli, const sd_rev_graph *g, const char *text,
                        sd_revision ***cur, size_t *ncur)
{
	sd_revision *r;
	size_t i;
	int rc;

	*cur = sd_arena_alloc(cli->arena, (g->nheads + 1) * sizeof(void *));
	*ncur = 0;
	if (!*text || strcmp(text, "base") == 0)
		return SD_OK;
	if (strcmp(text, "heads") == 0 || strcmp(text, "head") == 0) {
		if (strcmp(text, "head") == 0 && g->nheads > 1)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "there are %zu heads; 'head' is ambiguous",
			                    g->nheads);
		for (i = 0; i < g->nheads; i++)
			(*cur)[(*ncur)++] = g->heads[i];
		return SD_OK;
	}
	rc = sd_rev_graph_lookup(&r, g, text, &cli->err);
	if (rc)
		return rc;
	(*cur)[(*ncur)++] = r;
	return SD_OK;
}

/*
 * --sql: prints what would run. With FROM:TO no database is opened; the
 * dialect comes from the configured URL's scheme.
 */
static int print_sql(sd_cli *cli, const sd_rev_graph *g, const char *target,
                     bool upgrade)
{
	sd_config *c = cli->config;
	const char *colon = target ? strchr(target, ':') : NULL;
	sd_revision **cur = NULL;
	size_t ncur = 0;
	sd_rev_path path;
	const sd_dialect *d;
	sd_db *db = NULL;
	sd_buf out = SD_BUF_INIT;
	bool create_table = false;
	int rc;

	if (colon) {
		const char *url = sd_cli_database_url(cli);
		const sd_db_driver *drv = sd_db_driver_for_url(url);
		char *from = sd_arena_strndup(cli->arena, target, (size_t)(colon - target));
		if (!drv)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "cannot tell the SQL dialect: the database URL '%s' is not sqlite:// or postgresql://",
			                    url ? url : "");
		d = sd_dialect_find(drv->name);
		rc = resolve_from(cli, g, from, &cur, &ncur);
		if (rc)
			return rc;
		target = colon[1] ? colon + 1 : (upgrade ? "heads" : "base");
		create_table = upgrade && ncur == 0;
	} else {
		bool exists = false;
		rc = sd_cli_open_db(cli, &db, SD_DB_OPEN_NO_CREATE);
		if (rc)
			return rc;
		d = sd_db_dialect(db);
		rc = db->driver->table_exists(db, NULL, c->version_table, &exists,
		                              &cli->err);
		if (!rc)
			rc = sd_cli_current(cli, db, g, &cur, &ncur);
		if (rc)
			goto done;
		create_table = upgrade && !exists;
	}
	rc = sd_rev_plan(&path, cli->arena, g, cur, ncur, target, upgrade,
	                 &cli->err);
	if (rc)
		goto done;
	{
		sd_runner_opts ro;
		sd_capi_ctx cctx;
		runner_opts(&ro, &cctx, cli, c, NULL);
		rc = sd_runner_sql_opts(&out, d, g, &path, cur, ncur,
		                        create_table && path.n > 0, &ro,
		                        &cli->err);
	}
	if (!rc)
		sd_cli_write(cli, stdout, sd_buf_cstr(&out));
done:
	sd_buf_free(&out);
	sd_db_close(db);
	return rc;
}

/*
 * --backup PATH is refused before anything is opened when it cannot make
 * sense: with --sql (nothing runs), or naming a file that exists (without
 * --force). --force means nothing without --backup.
 */
static int check_backup_options(sd_cli *cli, const char *backup, bool force,
                                bool sql)
{
	struct stat st;

	if (force && !backup)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--force only applies to --backup");
	if (!backup)
		return SD_OK;
	if (sql)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--backup cannot be used with --sql: nothing runs, so nothing is backed up");
	if (!*backup)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--backup needs a file name");
	if (!force && lstat(backup, &st) == 0) {
		sd_error_set(&cli->err, SD_EINPUT,
		             "%s exists; not overwriting it with the backup",
		             backup);
		sd_error_hint(&cli->err, "choose another file, or add --force to replace it");
		return SD_EINPUT;
	}
	return SD_OK;
}

/*
 * Resolves the run before anything is created: the database is opened
 * without creating it, its revision read, the path planned and checked
 * (sd_runner_preflight: bodies read, C revisions compiled). A bad target
 * (unknown, ambiguous, `head` with several heads, `+5` past head) or a
 * broken revision is bad input with no file made. Only an upgrade with
 * work to do on a database that is not there yet opens it for real.
 * *db is open on success; *path is the plan (the runner plans again under
 * its lock).
 */
static int open_planned(sd_cli *cli, const sd_config *c, const sd_rev_graph *g,
                        const char *target, bool upgrade,
                        const sd_runner_opts *ro, sd_db **db,
                        sd_rev_path *path)
{
	sd_revision **cur;
	size_t ncur;
	int rc = sd_cli_open_db(cli, db, SD_DB_OPEN_NO_CREATE);

	if (!rc)
		rc = sd_runner_current(&cur, &ncur, cli->arena, *db, g,
		                       c->version_table, &cli->err);
	if (!rc)
		rc = sd_rev_plan(path, cli->arena, g, cur, ncur, target, upgrade,
		                 &cli->err);
	if (!rc && path->n)
		rc = sd_runner_preflight(path, *db, ro, &cli->err);
	if (!rc && path->n && (*db)->absent) {
		sd_db_close(*db);
		*db = NULL;
		rc = sd_cli_open_db(cli, db, 0);
	}
	return rc;
}

/* "cccc00000003 (head)", "aaaa00000001, bbbb00000002", or "base". */
static const char *where_text(sd_cli *cli, sd_revision *const *cur,
                              size_t ncur)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;
	size_t i;

	for (i = 0; i < ncur; i++)
		sd_buf_printf(&b, "%s%s%s", i ? ", " : "", cur[i]->id,
		              cur[i]->nchildren == 0 ? " (head)" : "");
	out = sd_arena_strdup(cli->arena, ncur ? sd_buf_cstr(&b) : "base");
	sd_buf_free(&b);
	return out;
}

/* Where db is now, as where_text, or NULL when it cannot be read. */
static const char *db_where(sd_cli *cli, sd_db *db, const sd_rev_graph *g,
                            const sd_config *c)
{
	sd_revision **cur;
	size_t ncur;
	sd_error ignore = SD_ERROR_INIT;
	const char *out = NULL;

	if (sd_runner_current(&cur, &ncur, cli->arena, db, g, c->version_table,
	                      &ignore) == SD_OK)
		out = where_text(cli, cur, ncur);
	sd_error_clear(&ignore);
	return out;
}

/*
 * A run that stopped: where the database is now, and how much of the run
 * got there. Once a revision was applied the database has changed, so the
 * failure is a runtime one (exit 3) whatever stopped it: exit 2 means
 * nothing was written.
 */
static int explain_stop(sd_cli *cli, sd_db *db, const sd_rev_graph *g,
                        const sd_config *c, const sd_run_result *res,
                        bool upgrade, int rc)
{
	const char *where = db_where(cli, db, g, c);

	if (res->planned == 0)
		return rc;
	if (res->applied)
		sd_error_note(&cli->err, "%s %zu of %zu revisions before the failure; the database is now at %s",
		               upgrade ? "applied" : "reverted", res->applied,
		               res->planned, where ? where : "an unknown revision");
	else if (where)
		sd_error_note(&cli->err, "nothing was %s; the database is still at %s",
		               upgrade ? "applied" : "reverted", where);
	return res->applied && rc == SD_EINPUT ? SD_ERUNTIME : rc;
}

/*
 * --lock-timeout DUR, --lock-retries N and --batch-size N over the
 * config's values; a malformed one is bad usage.
 */
static int lock_options(sd_cli *cli, sd_config *c, const char *timeout,
                        const char *retries, const char *batch)
{
	long n;

	if (timeout && !sd_parse_duration_ms(timeout, &c->lock_timeout_ms))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--lock-timeout takes a duration such as 500ms, 2s or 0 (no limit), not '%s'",
		                    timeout);
	if (retries) {
		if (!sd_parse_count(retries, 0, &n))
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "--lock-retries takes a whole number, not '%s'",
			                    retries);
		c->lock_retries = (int)n;
	}
	if (batch && !sd_parse_count(batch, 1, &c->batch_size))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--batch-size takes a number of rows (1 or more), not '%s'",
		                    batch);
	return SD_OK;
}

static int migrate(sd_cli *cli, int argc, char **argv, bool upgrade)
{
	bool sql = false, force = false;
	const char *backup = NULL, *timeout = NULL, *retries = NULL;
	const char *batch = NULL;
	const sd_cli_opt opts[] = {
		{"sql", 0, false, NULL, &sql},
		{"backup", 0, true, &backup, NULL},
		{"force", 0, false, NULL, &force},
		{"lock-timeout", 0, true, &timeout, NULL},
		{"lock-retries", 0, true, &retries, NULL},
		{"batch-size", 0, true, &batch, NULL},
		{0},
	};
	const char **pos;
	size_t npos;
	sd_config *c;
	sd_rev_graph *g = NULL;
	sd_db *db = NULL;
	sd_runner_opts ro;
	sd_capi_ctx cctx;
	sd_run_result res;
	sd_rev_path path;
	progress prog = {cli, NULL, false, false, 0, NULL, false, false};
	const char *target;
	double t0 = sd_cli_now();
	int rc;

	memset(&res, 0, sizeof(res));
	rc = sd_cli_parse(cli, sd_cli_find_command(upgrade ? "upgrade" : "downgrade"),
	                  opts, argc, argv, &pos, &npos);
	if (rc)
		return rc;
	if (npos > 1)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "%s takes one TARGET, got %zu arguments",
		                    upgrade ? "upgrade" : "downgrade", npos);
	target = npos ? pos[0] : (upgrade ? "head" : "-1");
	if (!sql && strchr(target, ':'))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "a range FROM:TO needs --sql");
	rc = check_backup_options(cli, backup, force, sql);
	if (rc)
		return rc;
	prog.backup = backup;
	prog.force = force;
	rc = sd_cli_config(cli, &c);
	if (!rc)
		rc = lock_options(cli, c, timeout, retries, batch);
	if (!rc)
		rc = sd_cli_graph(cli, &g);
	if (rc)
		goto done;
	if (sql) {
		rc = print_sql(cli, g, target, upgrade);
		goto done;
	}
	rc = sd_cli_check_target(cli, g, target, false);
	if (rc)
		goto done;
	runner_opts(&ro, &cctx, cli, c, &prog);
	rc = open_planned(cli, c, g, target, upgrade, &ro, &db, &path);
	if (rc)
		goto done;
	prog.where = db->display_url;
	if (path.n)
		rc = sd_runner_migrate(&res, db, g, target, upgrade, &ro,
		                       &cli->err);
	else
		res.nothing_to_do = true;
	if (rc) {
		rc = explain_stop(cli, db, g, c, &res, upgrade, rc);
		goto done;
	}
	{
		sd_revision **cur;
		size_t ncur;
		sd_error ignore = SD_ERROR_INIT;
		if (!db->absent &&
		    !sd_runner_current(&cur, &ncur, cli->arena, db, g,
		                       c->version_table, &ignore))
			sd_cli_warn_edited(cli, db, g, cur, ncur);
		sd_error_clear(&ignore);
	}
	if (res.nothing_to_do && g->n == 0)
		sd_cli_err(cli, "no revisions in %s yet: nothing to %s",
		           sd_cli_display_path(cli, g->dir),
		           upgrade ? "apply (write one with schemadiff generate)"
		                   : "revert");
	else if (res.nothing_to_do)
		sd_cli_err(cli, "%s%s", upgrade ? "already at head" : "nothing to downgrade",
		           backup && !prog.backed_up ? "; no backup taken" : "");
	else
		sd_cli_err(cli, "%s %zu revision%s in %.2f s; the database is at %s",
		           upgrade ? "applied" : "reverted", res.applied,
		           res.applied == 1 ? "" : "s", sd_cli_now() - t0,
		           db_where(cli, db, g, c));
done:
	sd_db_close(db);
	sd_rev_graph_free(g);
	return rc;
}

int sd_cmd_upgrade(sd_cli *cli, int argc, char **argv)
{
	return migrate(cli, argc, argv, true);
}

int sd_cmd_downgrade(sd_cli *cli, int argc, char **argv)
{
	return migrate(cli, argc, argv, false);
}

int sd_cmd_stamp(sd_cli *cli, int argc, char **argv)
{
	const char *rev;
	sd_config *c;
	sd_rev_graph *g = NULL;
	sd_db *db = NULL;
	sd_runner_opts ro;
	progress prog = {cli, NULL, false, false, 0, NULL, false, false};
	int rc;

	rc = sd_cli_parse_one(cli, "stamp", NULL, argc, argv, &rev,
	                      "exactly one revision (or head, heads, base)");
	if (rc)
		return rc;
	/* the revision is resolved before the database is opened: a bad
	 * one creates nothing */
	rc = sd_cli_config(cli, &c);
	if (!rc)
		rc = sd_cli_graph(cli, &g);
	if (!rc)
		rc = sd_cli_check_target(cli, g, rev, true);
	if (!rc)
		rc = sd_cli_open_db(cli, &db, SD_DB_OPEN_NO_CREATE);
	if (rc)
		goto done;
	if (db->absent && strcmp(rev, "base") == 0) {
		sd_cli_err(cli, "%s does not exist: it is at base already",
		           db->display_url);
		goto done;
	}
	if (db->absent) {
		sd_db_close(db);
		db = NULL;
		rc = sd_cli_open_db(cli, &db, 0);
		if (rc)
			goto done;
	}
	/* stamp runs no revision: only the lock wait is worth telling */
	runner_opts(&ro, NULL, cli, c, &prog);
	ro.on_revision = NULL;
	ro.on_statement = NULL;
	rc = sd_runner_stamp(db, g, rev, &ro, &cli->err);
	if (!rc)
		sd_cli_err(cli, "stamped %s", rev);
done:
	sd_db_close(db);
	sd_rev_graph_free(g);
	return rc;
}
