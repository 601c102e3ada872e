/*
 * cmd_views.c - read-only views of the revision graph and the database's
 * place in it: current, heads, branches, history, show.
 */
#include "cli/cli.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static bool is_head(const sd_rev_graph *g, const sd_revision *r)
{
	(void)g;
	return r->nchildren == 0;
}

static cJSON *rev_json(const sd_rev_graph *g, const sd_revision *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *parents = cJSON_AddArrayToObject(o, "revises");
	size_t i;

	cJSON_AddStringToObject(o, "revision", r->id);
	for (i = 0; i < r->nparents; i++)
		cJSON_AddItemToArray(parents, cJSON_CreateString(r->parents[i]));
	cJSON_AddStringToObject(o, "message", r->message ? r->message : "");
	cJSON_AddStringToObject(o, "created", r->created ? r->created : "");
	if (r->dialect)
		cJSON_AddStringToObject(o, "dialect", r->dialect);
	cJSON_AddBoolToObject(o, "head", is_head(g, r));
	cJSON_AddBoolToObject(o, "merge", r->nparents > 1);
	cJSON_AddBoolToObject(o, "branchpoint", r->nchildren > 1);
	cJSON_AddStringToObject(o, "path", r->path);
	return o;
}

/* "3f2a9c1b7e4d (head)", "(branchpoint)", "(mergepoint)" */
static void rev_marks(sd_buf *b, const sd_revision *r)
{
	if (r->nchildren == 0)
		sd_buf_put(b, " (head)");
	if (r->nchildren > 1)
		sd_buf_put(b, " (branchpoint)");
	if (r->nparents > 1)
		sd_buf_put(b, " (mergepoint)");
}

/* current, heads: --json and nothing else. */
static int json_only_parse(sd_cli *cli, const char *name, int argc,
                           char **argv, bool *json)
{
	const sd_cli_opt with_json[] = {
		{"json", 0, false, NULL, json},
		{0},
	};
	return sd_cli_parse_options(cli, name, with_json, argc, argv, NULL);
}

int sd_cmd_current(sd_cli *cli, int argc, char **argv)
{
	bool json = false;
	size_t i;
	sd_rev_graph *g = NULL;
	sd_db *db = NULL;
	sd_revision **cur;
	size_t ncur;
	int rc;

	rc = json_only_parse(cli, "current", argc, argv, &json);
	if (rc)
		return rc;
	rc = sd_cli_graph_db(cli, NULL, &g, &db, SD_DB_OPEN_NO_CREATE);
	if (!rc)
		rc = sd_cli_current(cli, db, g, &cur, &ncur);
	if (rc)
		goto done;
	sd_cli_warn_edited(cli, db, g, cur, ncur);
	if (json) {
		cJSON *root = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(root, "current");
		for (i = 0; i < ncur; i++)
			cJSON_AddItemToArray(arr, rev_json(g, cur[i]));
		cJSON_AddBoolToObject(root, "at_head",
		                      ncur == g->nheads &&
		                      (ncur == 0 || cur[0]->nchildren == 0));
		sd_cli_print_json(cli, root);
		goto done;
	}
	for (i = 0; i < ncur; i++) {
		sd_buf b = SD_BUF_INIT;
		sd_buf_put(&b, cur[i]->id);
		if (is_head(g, cur[i]))
			sd_buf_put(&b, " (head)");
		if (cli->verbosity > 0)
			sd_buf_printf(&b, "  %s", cur[i]->message);
		sd_cli_out(cli, "%s", sd_buf_cstr(&b));
		sd_buf_free(&b);
	}
	if (ncur == 0 && cli->verbosity >= 0)
		sd_cli_err(cli, "(base: no revision applied)");
done:
	sd_db_close(db);
	sd_rev_graph_free(g);
	return rc;
}

int sd_cmd_heads(sd_cli *cli, int argc, char **argv)
{
	bool json = false;
	size_t i;
	sd_rev_graph *g = NULL;
	int rc;

	rc = json_only_parse(cli, "heads", argc, argv, &json);
	if (rc)
		return rc;
	rc = sd_cli_graph(cli, &g);
	if (rc)
		return rc;
	if (json) {
		cJSON *root = cJSON_CreateObject();
		cJSON *arr = cJSON_AddArrayToObject(root, "heads");
		for (i = 0; i < g->nheads; i++)
			cJSON_AddItemToArray(arr, rev_json(g, g->heads[i]));
		sd_cli_print_json(cli, root);
	} else {
		for (i = 0; i < g->nheads; i++)
			sd_cli_out(cli, "%s (head)  %s", g->heads[i]->id,
			           g->heads[i]->message);
	}
	sd_rev_graph_free(g);
	return SD_OK;
}

int sd_cmd_branches(sd_cli *cli, int argc, char **argv)
{
	const sd_cli_opt opts[] = {{0}};
	size_t i, k;
	sd_rev_graph *g = NULL;
	int rc;

	rc = sd_cli_parse_options(cli, "branches", opts, argc, argv, NULL);
	if (rc)
		return rc;
	rc = sd_cli_graph(cli, &g);
	if (rc)
		return rc;
	for (i = g->n; i-- > 0;) {
		sd_revision *r = g->revs[i];
		if (r->nchildren < 2)
			continue;
		sd_cli_out(cli, "%s (branchpoint)  %s", r->id, r->message);
		for (k = 0; k < r->nchildren; k++) {
			sd_buf b = SD_BUF_INIT;
			rev_marks(&b, r->children[k]);
			sd_cli_out(cli, "  -> %s%s  %s", r->children[k]->id,
			           sd_buf_cstr(&b), r->children[k]->message);
			sd_buf_free(&b);
		}
	}
	sd_rev_graph_free(g);
	return SD_OK;
}

int sd_cli_range_end(sd_cli *cli, const sd_rev_graph *g, const char *text,
                     bool is_to, sd_revision **out)
{
	*out = NULL;
	if (!*text || strcmp(text, "base") == 0)
		return SD_OK;
	if (strcmp(text, "heads") == 0 || strcmp(text, "head") == 0) {
		if (!is_to)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "a range cannot start at '%s'", text);
		if (g->nheads == 1)
			*out = g->heads[0];
		return SD_OK;
	}
	return sd_rev_graph_lookup(out, g, text, &cli->err);
}

int sd_cmd_history(sd_cli *cli, int argc, char **argv)
{
	bool json = false;
	const char *range = NULL;
	const sd_cli_opt opts[] = {
		{"rev-range", 'r', true, &range, NULL},
		{"json", 0, false, NULL, &json},
		{0},
	};
	size_t i, k;
	sd_rev_graph *g = NULL;
	sd_rev_path path;
	cJSON *root = NULL, *arr = NULL;
	int rc;

	rc = sd_cli_parse_options(cli, "history", opts, argc, argv,
	                          "a range goes after -r: -r FROM:TO");
	if (rc)
		return rc;
	rc = sd_cli_graph(cli, &g);
	if (rc)
		return rc;
	if (range) {
		const char *colon = strchr(range, ':');
		sd_revision *from = NULL, *to = NULL;
		if (!colon) {
			rc = sd_error_set(&cli->err, SD_EINPUT,
			                  "-r wants FROM:TO, e.g. base:head or 3f2a:");
			goto done;
		}
		rc = sd_cli_range_end(cli, g, sd_arena_strndup(cli->arena, range, (size_t)(colon - range)),
		               false, &from);
		if (!rc)
			rc = sd_cli_range_end(cli, g, colon + 1, true, &to);
		if (rc)
			goto done;
		sd_rev_range(&path, cli->arena, g, from, to, false);
	} else {
		sd_rev_range(&path, cli->arena, g, NULL, NULL, false);
	}
	if (json) {
		root = cJSON_CreateObject();
		arr = cJSON_AddArrayToObject(root, "history");
	}
	/* newest first: the reverse of the topological order */
	for (i = path.n; i-- > 0;) {
		sd_revision *r = path.revs[i];
		sd_buf b = SD_BUF_INIT;
		if (json) {
			cJSON_AddItemToArray(arr, rev_json(g, r));
			continue;
		}
		if (r->nparents == 0)
			sd_buf_put(&b, "<base>");
		for (k = 0; k < r->nparents; k++)
			sd_buf_printf(&b, "%s%s", k ? ", " : "", r->parents[k]);
		sd_buf_printf(&b, " -> %s", r->id);
		rev_marks(&b, r);
		sd_buf_printf(&b, ", %s", r->message);
		sd_cli_out(cli, "%s", sd_buf_cstr(&b));
		sd_buf_free(&b);
	}
	if (json)
		sd_cli_print_json(cli, root);
done:
	sd_rev_graph_free(g);
	return rc;
}

int sd_cmd_show(sd_cli *cli, int argc, char **argv)
{
	bool html = false;
	const char *output = NULL, *dev = NULL;
	const sd_cli_opt opts[] = {
		{"html", 0, false, NULL, &html},
		{"output", 'o', true, &output, NULL},
		{"dev-database", 0, true, &dev, NULL},
		{0},
	};
	const char *rev;
	size_t len;
	sd_rev_graph *g = NULL;
	sd_revision *r;
	char *text = NULL;
	int rc;

	rc = sd_cli_parse_one(cli, "show", opts, argc, argv, &rev,
	                      "one revision (id, prefix or head)");
	if (rc)
		return rc;
	rc = sd_cli_graph(cli, &g);
	if (rc)
		return rc;
	rc = sd_cli_lookup_revision(cli, g, rev, &r);
	if (rc)
		goto done;
	if (html) {
		rc = sd_cli_show_html(cli, g, r, output, dev);
		goto done;
	}
	rc = sd_file_read(&text, &len, r->path, &cli->err);
	if (rc)
		goto done;
	if (output) {
		sd_buf b = SD_BUF_INIT;
		sd_buf_printf(&b, "Revision: %s\nFile: %s\n\n%s", r->id, r->path, text);
		rc = sd_file_write_atomic(output, b.data, b.len, &cli->err);
		sd_buf_free(&b);
		goto done;
	}
	sd_cli_out(cli, "Revision: %s", r->id);
	sd_cli_out(cli, "File: %s", r->path);
	sd_cli_write(cli, stdout, "\n");
	sd_cli_write(cli, stdout, text);
done:
	free(text);
	sd_rev_graph_free(g);
	return rc;
}
