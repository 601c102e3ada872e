/*
 * cmd_status.c - `status [--json]`: every revision, base first, applied or
 * pending, when it was applied and whether its file changed since. Exit 1
 * while any revision is pending, so a deploy script can ask "behind?".
 */
#include "cli/cli.h"

#include <cjson/cJSON.h>
#include <string.h>

int sd_cli_status_read(sd_rev_state **st, size_t *npending, sd_arena *a,
                       sd_db *db, const sd_rev_graph *g, const char *table,
                       sd_error *err)
{
	sd_revision **cur;
	size_t ncur, i;
	int rc = sd_runner_current(&cur, &ncur, a, db, g, table, err);

	if (!rc)
		rc = sd_rev_status(st, a, db, g, table, cur, ncur, err);
	if (rc)
		return rc;
	*npending = 0;
	for (i = 0; i < g->n; i++)
		if (!(*st)[i].applied)
			(*npending)++;
	return SD_OK;
}

static cJSON *status_json(const sd_rev_graph *g, const sd_rev_state *st)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *applied = cJSON_AddArrayToObject(root, "applied");
	cJSON *pending = cJSON_AddArrayToObject(root, "pending");
	cJSON *revs = cJSON_AddArrayToObject(root, "revisions");
	size_t i, npending = 0;

	for (i = 0; i < g->n; i++) {
		const sd_rev_state *s = &st[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToArray(s->applied ? applied : pending,
		                     cJSON_CreateString(s->rev->id));
		npending += !s->applied;
		cJSON_AddStringToObject(o, "revision", s->rev->id);
		cJSON_AddStringToObject(o, "message",
		                        s->rev->message ? s->rev->message : "");
		cJSON_AddStringToObject(o, "path", s->rev->path);
		cJSON_AddStringToObject(o, "state",
		                        s->applied ? "applied" : "pending");
		if (s->applied_at)
			cJSON_AddStringToObject(o, "applied_at", s->applied_at);
		else
			cJSON_AddNullToObject(o, "applied_at");
		if (s->how)
			cJSON_AddStringToObject(o, "how", s->how);
		else
			cJSON_AddNullToObject(o, "how");
		cJSON_AddBoolToObject(o, "changed", s->changed);
		cJSON_AddItemToArray(revs, o);
	}
	cJSON_AddBoolToObject(root, "at_head", npending == 0);
	return root;
}

/*
 * One line per revision:
 *     1a2b3c4d5e6f  applied  2026-11-24T10:15:00Z  Initial
 *     3f2a9c1b7e4d  applied  2026-11-24T10:20:00Z  Add email  (file changed since)
 *     5b1e0c9d2a77  pending                        Split names
 */
static void status_print(sd_cli *cli, const sd_rev_graph *g,
                         const sd_rev_state *st, size_t npending)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		const sd_rev_state *s = &st[i];
		const char *at = s->applied_at ? s->applied_at
		                 : s->applied  ? "-"
		                               : "";
		sd_cli_out(cli, "%s  %s  %-20s  %s%s", s->rev->id,
		           sd_cli_paint(cli, true,
		                        s->applied ? SD_CLI_GREEN : SD_CLI_YELLOW,
		                        s->applied ? "applied" : "pending"),
		           at, s->rev->message ? s->rev->message : "",
		           s->changed ? sd_cli_paint(cli, true, SD_CLI_RED,
		                                     "  (file changed since)")
		                      : "");
	}
	if (npending)
		sd_cli_err(cli, "%zu pending: run `schemadiff upgrade`", npending);
	else
		sd_cli_err(cli, "at head");
}

int sd_cmd_status(sd_cli *cli, int argc, char **argv)
{
	bool json = false;
	const sd_cli_opt opts[] = {
		{"json", 0, false, NULL, &json},
		{0},
	};
	sd_config *c;
	sd_rev_graph *g = NULL;
	sd_db *db = NULL;
	sd_rev_state *st;
	size_t npending = 0;
	int rc;

	rc = sd_cli_parse_options(cli, "status", opts, argc, argv, NULL);
	if (rc)
		return rc;
	rc = sd_cli_graph_db(cli, &c, &g, &db, SD_DB_OPEN_NO_CREATE);
	if (!rc)
		rc = sd_cli_status_read(&st, &npending, cli->arena, db, g,
		                        c->version_table, &cli->err);
	if (rc)
		goto done;
	if (json)
		sd_cli_print_json(cli, status_json(g, st));
	else
		status_print(cli, g, st, npending);
	rc = npending ? SD_DIFFERS : SD_OK;
done:
	sd_db_close(db);
	sd_rev_graph_free(g);
	return rc;
}
