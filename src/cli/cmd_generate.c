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

/* What `generate` and `revision` share: -m and --format, the project's
 * configuration and its revision graph. */
typedef struct {
	const char *message, *format;
	sd_config *c;
	sd_rev_graph *g;
} rev_args;

/* Parses OPTS (which bind a->message and a->format), requires a message,
 * and loads the configuration and the graph; the caller frees a->g. */
static int rev_start(sd_cli *cli, const char *cmd, const sd_cli_opt *opts,
                     int argc, char **argv, rev_args *a, const char *example)
{
	int rc = sd_cli_parse_options(cli, cmd, opts, argc, argv,
	                              "the message goes after -m");

	if (rc)
		return rc;
	if (!a->message || !*a->message)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "%s needs a message: -m \"%s\"", cmd, example);
	rc = sd_cli_config(cli, &a->c);
	if (rc)
		return rc;
	if (!a->format)
		a->format = a->c->format;
	rc = check_format(cli, a->format);
	if (rc)
		return rc;
	return sd_cli_graph(cli, &a->g);
}

/* Writes revision R in the chosen format, a C file from PLAN or SQL, then
 * prints PLAN's warnings and the new file's path. */
static int rev_write(sd_cli *cli, const rev_args *a, const sd_revision *r,
                     const sd_plan *plan, const sd_dialect *d,
                     const char *up, const char *down)
{
	const char *path;
	int rc;

	if (strcmp(a->format, "c") == 0)
		rc = sd_capi_write(&path, cli->arena, a->c->versions, r, plan,
		                   d, &cli->err);
	else
		rc = sd_rev_write_sql(&path, cli->arena, a->c->versions, r, up,
		                      down, &cli->err);
	if (rc)
		return rc;
	if (plan)
		sd_cli_warn_each(cli, &plan->warnings);
	sd_cli_out(cli, "%s", sd_cli_display_path(cli, path));
	return rc;
}

/*
 * Models without a single table against a database that has tables: most
 * likely the wrong models path or an emptied file, and the revision would
 * drop every table. Bad input unless --allow-empty says it is meant.
 */
static int refuse_empty_models(sd_cli *cli, const sd_config *c,
                               const sd_cli_compare *cmp)
{
	if (cmp->models->ntables > 0 || cmp->live->ntables == 0)
		return SD_OK;
	sd_error_add(&cli->err, SD_EINPUT, sd_cli_display_path(cli, c->models),
	             0, 0, NULL,
	             "the models declare no table, and %s has %zu: the revision would drop every table",
	             sd_cli_database_url(cli),
	             cmp->live->ntables);
	sd_error_hint(&cli->err, "pass --allow-empty if that is what you want");
	return SD_EINPUT;
}

int sd_cmd_generate(sd_cli *cli, int argc, char **argv)
{
	rev_args a = {0};
	bool sql_only = false, allow_empty = false;
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &a.message, NULL},
		{"format", 0, true, &a.format, NULL},
		{"sql", 0, false, NULL, &sql_only},
		{"allow-empty", 0, false, NULL, &allow_empty},
		{0},
	};
	sd_cli_compare cmp = {0};
	const sd_plan *plan;
	const sd_dialect *d;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	sd_revision r;
	int rc;

	rc = rev_start(cli, "generate", opts, argc, argv, &a, "what changed");
	if (!rc)
		rc = sd_cli_compare_models(cli, &cmp, require_at_head, a.g);
	if (rc)
		goto done;
	if (!allow_empty) {
		rc = refuse_empty_models(cli, a.c, &cmp);
		if (rc)
			goto done;
	}
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
	rc = new_revision(cli, &r, a.message, a.g->heads, a.g->nheads, d->name);
	if (rc)
		goto done;
	r.warnings = plan->warnings;
	r.no_transaction = plan->no_transaction;
	rc = rev_write(cli, &a, &r, plan, d, sd_buf_cstr(&up),
	               sd_buf_cstr(&down));
done:
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_cli_compare_free(&cmp);
	sd_rev_graph_free(a.g);
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
	rev_args a = {0};
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &a.message, NULL},
		{"format", 0, true, &a.format, NULL},
		{0},
	};
	sd_revision r;
	int rc;

	rc = rev_start(cli, "revision", opts, argc, argv, &a, "what it does");
	if (rc)
		goto done;
	if (a.g->nheads > 1) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "there are %zu heads; run `schemadiff merge -m MSG heads` first",
		                  a.g->nheads);
		goto done;
	}
	rc = new_revision(cli, &r, a.message, a.g->heads, a.g->nheads,
	                  configured_dialect(cli));
	if (!rc)
		rc = rev_write(cli, &a, &r, NULL, NULL, "", "");
done:
	sd_rev_graph_free(a.g);
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
