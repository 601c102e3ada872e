/*
 * cmd_generate.c - `generate` (models vs database -> a revision) and
 * `revision` (an empty revision to fill in by hand).
 */
#include "cli/cli.h"

#include <string.h>

#include "capi/capi.h"

/*
 * Refuses to generate on top of a database that is not at the single head:
 * a revision diffed against an old database would repeat the changes of the
 * revisions not yet applied.
 */
static int require_at_head(sd_cli *cli, sd_db *db, void *graph)
{
	const sd_rev_graph *g = graph;
	sd_revision **cur;
	size_t ncur;
	int rc;

	if (g->nheads > 1)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "there are %zu heads (%s, %s%s); run `schemadiff merge -m MSG heads` first",
		                    g->nheads, g->heads[0]->id, g->heads[1]->id,
		                    g->nheads > 2 ? ", ..." : "");
	rc = sd_cli_current(cli, db, g, &cur, &ncur);
	if (rc)
		return rc;
	if (g->nheads == 1 && (ncur != 1 || cur[0] != g->heads[0]))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "the database is not at head (%s is at %s, head is %s); run `schemadiff upgrade` first",
		                    db->display_url ? db->display_url : "database",
		                    ncur ? cur[0]->id : "base", g->heads[0]->id);
	return SD_OK;
}

static int check_format(sd_cli *cli, const char *format)
{
	if (strcmp(format, "sql") == 0)
		return SD_OK;
	if (strcmp(format, "c") == 0)
		return SD_OK;
	return sd_error_set(&cli->err, SD_EINPUT,
	                    "--format must be sql or c, not '%s'", format);
}

/* Fills the header fields every new revision shares. */
static int new_revision(sd_cli *cli, sd_revision *r, const char *message,
                        sd_revision *const *parents, size_t nparents,
                        const char *dialect)
{
	char now[32];
	size_t i;
	int rc;

	memset(r, 0, sizeof(*r));
	rc = sd_rev_new_id(r->id, &cli->err);
	if (rc)
		return rc;
	sd_rev_now(now);
	r->created = sd_arena_strdup(cli->arena, now);
	r->message = message;
	r->dialect = dialect;
	r->parents = sd_arena_alloc(cli->arena, (nparents + 1) * sizeof(char *));
	for (i = 0; i < nparents; i++)
		r->parents[i] = parents[i]->id;
	r->nparents = nparents;
	return SD_OK;
}

int sd_cmd_generate(sd_cli *cli, int argc, char **argv)
{
	const char *message = NULL, *format = NULL;
	bool sql_only = false;
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &message, NULL},
		{"format", 0, true, &format, NULL},
		{"sql", 0, false, NULL, &sql_only},
		{0},
	};
	sd_config *c;
	sd_rev_graph *g = NULL;
	sd_cli_compare cmp = {0};
	const sd_plan *plan;
	const sd_dialect *d;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_revision r;
	const char *path;
	int rc;

	rc = sd_cli_parse_options(cli, "generate", opts, argc, argv,
	                          "the message goes after -m");
	if (rc)
		return rc;
	if (!message || !*message)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "generate needs a message: -m \"what changed\"");
	rc = sd_cli_config(cli, &c);
	if (rc)
		goto done;
	rc = check_format(cli, format ? format : c->format);
	if (rc)
		goto done;
	rc = sd_cli_graph(cli, &g);
	if (rc)
		goto done;
	rc = sd_cli_compare_models(cli, &cmp, require_at_head, g);
	if (rc)
		goto done;
	plan = cmp.plan;
	d = sd_db_dialect(cmp.db);
	sd_cli_warn_each(cli, &plan->notes);
	if (plan->nops == 0) {
		if (cli->verbosity >= 0)
			sd_cli_out(cli, "no changes");
		goto done;
	}
	rc = sd_emit_plan(&up, &down, plan, d, &cli->err);
	if (rc)
		goto done;
	if (sql_only) {
		sd_cli_write(cli, stdout, sd_buf_cstr(&up));
		fflush(stdout);
		sd_cli_warn_each(cli, &plan->warnings);
		goto done;
	}
	rc = new_revision(cli, &r, message, g->heads, g->nheads, d->name);
	if (rc)
		goto done;
	r.warnings = plan->warnings;
	r.no_transaction = plan->no_transaction;
	if (strcmp(format ? format : c->format, "c") == 0)
		rc = sd_capi_write(&path, cli->arena, c->versions, &r, plan,
		                   d, &cli->err);
	else
		rc = sd_rev_write_sql(&path, cli->arena, c->versions, &r,
		                      sd_buf_cstr(&up), sd_buf_cstr(&down),
		                      &cli->err);
	if (rc)
		goto done;
	sd_cli_warn_each(cli, &plan->warnings);
	sd_cli_out(cli, "%s", sd_cli_display_path(cli, path));
done:
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_cli_compare_free(&cmp);
	sd_rev_graph_free(g);
	return rc;
}

/* The dialect a hand-written revision is for: the configured database's,
 * when the URL names one; nothing is opened. */
static const char *configured_dialect(sd_cli *cli)
{
	const char *url = sd_cli_database_url(cli);
	const sd_db_driver *d = sd_db_driver_for_url(url);

	return d ? sd_dialect_find(d->name)->name : NULL;
}

int sd_cmd_revision(sd_cli *cli, int argc, char **argv)
{
	const char *message = NULL, *format = NULL;
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &message, NULL},
		{"format", 0, true, &format, NULL},
		{0},
	};
	sd_config *c;
	sd_rev_graph *g = NULL;
	sd_revision r;
	const char *path;
	int rc;

	rc = sd_cli_parse_options(cli, "revision", opts, argc, argv,
	                          "the message goes after -m");
	if (rc)
		return rc;
	if (!message || !*message)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "revision needs a message: -m \"what it does\"");
	rc = sd_cli_config(cli, &c);
	if (!rc)
		rc = check_format(cli, format ? format : c->format);
	if (!rc)
		rc = sd_cli_graph(cli, &g);
	if (rc)
		goto done;
	if (g->nheads > 1) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "there are %zu heads; run `schemadiff merge -m MSG heads` first",
		                  g->nheads);
		goto done;
	}
	rc = new_revision(cli, &r, message, g->heads, g->nheads,
	                  configured_dialect(cli));
	if (!rc && strcmp(format ? format : c->format, "c") == 0)
		rc = sd_capi_write(&path, cli->arena, c->versions, &r, NULL,
		                   NULL, &cli->err);
	else if (!rc)
		rc = sd_rev_write_sql(&path, cli->arena, c->versions, &r, "", "",
		                      &cli->err);
	if (!rc)
		sd_cli_out(cli, "%s", sd_cli_display_path(cli, path));
done:
	sd_rev_graph_free(g);
	return rc;
}

/* Used by cmd_merge.c: a revision with several parents, empty sections. */
int sd_cli_write_merge(sd_cli *cli, const char *message,
                       sd_revision *const *parents, size_t nparents,
                       const char **path)
{
	sd_config *c;
	sd_revision r;
	int rc = sd_cli_config(cli, &c);

	if (!rc)
		rc = new_revision(cli, &r, message, parents, nparents,
		                  configured_dialect(cli));
	if (!rc)
		rc = sd_rev_write_sql(path, cli->arena, c->versions, &r, "", "",
		                      &cli->err);
	return rc;
}
