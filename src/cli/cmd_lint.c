/*
 * cmd_lint.c - `lint [REV...] [--fail-on LEVEL] [--json]`: the hazards of
 * revisions (revision/lint.h), hand-written ones included, before they
 * run.
 *
 * Which revisions: those named (ids, prefixes, head, heads, FROM:TO
 * ranges as `history -r` reads them); by default the ones the database
 * has not applied. When the database cannot be reached (a CI job with
 * only the files), the heads: the newest revision of each branch, which
 * is what a change under review adds; `lint base:head` lints them all.
 */
#include "cli/cli.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "capi/capi.h"
#include "revision/lint.h"

void sd_cli_lint_print(sd_cli *cli, const sd_lint *l, int level, bool json)
{
	cJSON *root, *arr;
	size_t i;

	if (!json) {
		for (i = 0; i < l->findings.n; i++) {
			const sd_lint_finding *f = l->findings.items[i];
			const char *lv = sd_lint_level_name(f->level);
			sd_buf b = SD_BUF_INIT;
			sd_buf_printf(&b, "%s:%d: %s: %s", sd_cli_display_path(cli, f->path),
			              f->line,
			              sd_cli_paint(cli, true,
			                           (int)f->level >= level ? SD_CLI_RED
			                                                  : SD_CLI_YELLOW,
			                           lv),
			              f->message);
			if (f->lock)
				sd_buf_printf(&b, "\n    lock: %s%s%s, blocks %s", f->lock,
				              f->relation ? " on " : "",
				              f->relation ? f->relation : "", f->blocks);
			if (f->statement)
				sd_buf_printf(&b, "\n    %s",
				              sd_cli_paint(cli, true, SD_CLI_DIM,
				                           f->statement));
			sd_cli_out(cli, "%s", sd_buf_cstr(&b));
			sd_buf_free(&b);
		}
		return;
	}
	root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "fail_on",
	                        sd_lint_level_name((sd_lint_level)level));
	cJSON_AddBoolToObject(root, "failed",
	                      sd_lint_count(l, (sd_lint_level)level) > 0);
	arr = cJSON_AddArrayToObject(root, "findings");
	for (i = 0; i < l->findings.n; i++) {
		const sd_lint_finding *f = l->findings.items[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "level", sd_lint_level_name(f->level));
		cJSON_AddStringToObject(o, "hazard", f->hazard);
		cJSON_AddStringToObject(o, "file", sd_cli_display_path(cli, f->path));
		cJSON_AddNumberToObject(o, "line", f->line);
		if (f->revision)
			cJSON_AddStringToObject(o, "revision", f->revision);
		if (f->relation)
			cJSON_AddStringToObject(o, "table", f->relation);
		if (f->lock) {
			cJSON_AddStringToObject(o, "lock", f->lock);
			cJSON_AddStringToObject(o, "blocks", f->blocks);
		}
		if (f->statement)
			cJSON_AddStringToObject(o, "statement", f->statement);
		cJSON_AddStringToObject(o, "message", f->message);
		cJSON_AddItemToArray(arr, o);
	}
	sd_cli_print_json(cli, root);
}

/* The revisions the arguments name, each once, parents first. */
static int named(sd_cli *cli, const sd_rev_graph *g, const char **args,
                 size_t nargs, bool *seen)
{
	size_t i, k;
	int rc = SD_OK;

	for (i = 0; i < nargs && !rc; i++) {
		const char *colon = strchr(args[i], ':');
		sd_revision *from = NULL, *to = NULL;
		sd_rev_path path;
		if (strcmp(args[i], "heads") == 0) {
			for (k = 0; k < g->nheads; k++)
				seen[g->heads[k]->topo] = true;
			continue;
		}
		if (!colon) {
			rc = strcmp(args[i], "head") == 0 && g->nheads > 1
			         ? sd_error_set(&cli->err, SD_EINPUT,
			                        "there are %zu heads; name one, or lint heads",
			                        g->nheads)
			         : sd_cli_range_end(cli, g, args[i], true, &to);
			if (!rc && to)
				seen[to->topo] = true;
			continue;
		}
		rc = sd_cli_range_end(cli, g,
		                      sd_arena_strndup(cli->arena, args[i],
		                                       (size_t)(colon - args[i])),
		                      false, &from);
		if (!rc)
			rc = sd_cli_range_end(cli, g, colon + 1, true, &to);
		if (rc)
			break;
		sd_rev_range(&path, cli->arena, g, from, to, false);
		for (k = 0; k < path.n; k++)
			seen[path.revs[k]->topo] = true;
	}
	return rc;
}

/*
 * The revisions the database has not applied, or, when it cannot be
 * reached, the heads (said on stderr). *dialect: the database's.
 */
static int pending(sd_cli *cli, const sd_rev_graph *g, bool *seen,
                   const sd_dialect **dialect)
{
	sd_error saved = cli->err, local = SD_ERROR_INIT;
	sd_revision **cur;
	size_t ncur, i;
	bool *applied;
	sd_db *db = NULL;
	int rc;

	memset(&cli->err, 0, sizeof(cli->err));
	rc = sd_cli_open_db(cli, &db, SD_DB_OPEN_NO_CREATE);
	local = cli->err;
	cli->err = saved;
	if (rc == SD_ERUNTIME) {
		sd_buf heads = SD_BUF_INIT;
		for (i = 0; i < g->nheads; i++) {
			seen[g->heads[i]->topo] = true;
			sd_buf_printf(&heads, "%s%s", i ? ", " : "", g->heads[i]->id);
		}
		sd_cli_warn(cli, "cannot reach the database (%s): linting the head revision%s %s; name revisions, or base:head, to lint others",
		            local.first ? local.first->message : "no connection",
		            g->nheads == 1 ? "" : "s", sd_buf_cstr(&heads));
		sd_buf_free(&heads);
		sd_error_clear(&local);
		return SD_OK;
	}
	sd_error_move(&cli->err, &local);
	if (rc)
		return rc;
	*dialect = sd_db_dialect(db);
	rc = sd_cli_current(cli, db, g, &cur, &ncur);
	if (!rc) {
		applied = sd_rev_graph_closure(g, cli->arena, cur, ncur);
		for (i = 0; i < g->n; i++)
			seen[i] = !applied[i];
	}
	sd_db_close(db);
	return rc;
}

/* The dialect revision r is written for: its header's (one), else the
 * database's, else the configured URL's, else PostgreSQL's. */
static const sd_dialect *dialect_of(sd_cli *cli, const sd_revision *r,
                                    const sd_dialect *db_dialect)
{
	const sd_db_driver *drv;

	if (r->dialect && sd_dialect_find(r->dialect))
		return sd_dialect_find(r->dialect);
	if (db_dialect)
		return db_dialect;
	drv = sd_db_driver_for_url(sd_cli_database_url(cli));
	return drv ? sd_dialect_find(drv->name) : &sd_dialect_postgres;
}

/* Lints r for each dialect it is written for (a portable revision's
 * sections one dialect after the other), else for dialect_of's. */
static int lint_one(sd_cli *cli, sd_lint *l, const sd_revision *r,
                    const sd_dialect *db_dialect, const sd_runner_opts *ro)
{
	size_t k;
	int rc = SD_OK;

	if (r->dialects.n < 2)
		return sd_lint_revision(l, dialect_of(cli, r, db_dialect), r, ro,
		                        &cli->err);
	for (k = 0; !rc && k < r->dialects.n; k++)
		rc = sd_lint_revision(l, sd_dialect_find(r->dialects.items[k]), r,
		                      ro, &cli->err);
	return rc;
}

int sd_cmd_lint(sd_cli *cli, int argc, char **argv)
{
	bool json = false;
	const char *fail_on = NULL;
	const sd_cli_opt opts[] = {
		{"fail-on", 0, true, &fail_on, NULL},
		{"json", 0, false, NULL, &json},
		{0},
	};
	const char **args;
	size_t nargs, i, nrevs = 0;
	sd_lint_level level = SD_LINT_BLOCKING;
	const sd_dialect *db_dialect = NULL;
	sd_rev_graph *g = NULL;
	sd_config *c;
	sd_runner_opts ro;
	sd_capi_ctx cctx;
	sd_lint l;
	bool *seen;
	int rc;

	sd_lint_init(&l);
	rc = sd_cli_parse(cli, sd_cli_find_command("lint"), opts, argc, argv,
	                  &args, &nargs);
	if (rc)
		goto done;
	if (fail_on && !sd_lint_level_parse(fail_on, &level)) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "--fail-on takes info, warning, blocking or data-loss, not '%s'",
		                  fail_on);
		goto done;
	}
	rc = sd_cli_config(cli, &c);
	if (!rc)
		rc = sd_cli_graph(cli, &g);
	if (rc)
		goto done;
	seen = sd_arena_alloc(cli->arena, g->n + 1);
	rc = nargs ? named(cli, g, args, nargs, seen)
	           : pending(cli, g, seen, &db_dialect);
	if (rc)
		goto done;
	sd_cli_runner_opts(&ro, &cctx, cli, c);
	for (i = 0; i < g->n && !rc; i++) {
		if (!seen[i])
			continue;
		nrevs++;
		rc = lint_one(cli, &l, g->revs[i], db_dialect, &ro);
	}
	if (rc)
		goto done;
	sd_cli_lint_print(cli, &l, (int)level, json);
	if (!json && cli->verbosity >= 0) {
		size_t hits = sd_lint_count(&l, level);
		sd_cli_err(cli, "%zu revision%s, %zu finding%s, %zu at %s or above",
		           nrevs, nrevs == 1 ? "" : "s", l.findings.n,
		           l.findings.n == 1 ? "" : "s", hits,
		           sd_lint_level_name(level));
	}
	if (sd_lint_count(&l, level))
		rc = 1;
done:
	sd_lint_free(&l);
	sd_rev_graph_free(g);
	return rc;
}
