/*
 * cmd_diff.c - `diff --from SRC --to SRC`: the upgrade SQL between any two
 * schema sources, each a models path or a database URL.
 */
#include "cli/cli.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct source {
	const char *text;
	sd_db *db;         /* when the source is a database */
	sd_schema *schema;
} source;

static bool is_url(const char *s)
{
	return strstr(s, "://") != NULL;
}

/* A database source is only read: a missing SQLite file is empty (and
 * said so). */
static int open_source(sd_cli *cli, source *s)
{
	int rc;

	if (!is_url(s->text))
		return SD_OK;
	rc = sd_cli_open_url(cli, s->text, &s->db, SD_DB_OPEN_NO_CREATE);
	if (rc)
		return rc;
	return sd_cli_introspect(cli, s->db, &s->schema);
}

/* Whether path is the project's versions directory. */
static bool is_versions_dir(sd_cli *cli, const char *path)
{
	char a[PATH_MAX], b[PATH_MAX];

	return cli->config && realpath(path, a) &&
	       realpath(cli->config->versions, b) && strcmp(a, b) == 0;
}

static int load_models(sd_cli *cli, source *s, sd_db *normalizer,
                       const sd_schema *live)
{
	if (s->schema)
		return SD_OK;
	if (is_versions_dir(cli, s->text)) {
		sd_error_add(&cli->err, SD_EINPUT, s->text, 0, 0, NULL,
		             "this is the versions directory: diff compares models and databases, not revision histories");
		sd_error_hint(&cli->err, "to see what the revisions do: `schemadiff upgrade --sql base:head`, or upgrade a scratch database and diff against it");
		return SD_EINPUT;
	}
	if (!sd_file_exists(s->text) && !sd_dir_exists(s->text))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "'%s' is neither a models file or directory nor a database URL",
		                    s->text);
	return sd_cli_models(cli, s->text, normalizer, live, &s->schema);
}

static void warn_unmanaged(sd_cli *cli, const source *s)
{
	size_t i;

	if (!s->db)
		return;
	for (i = 0; i < s->schema->nunmanaged; i++) {
		const sd_unmanaged *u = s->schema->unmanaged[i];
		sd_cli_warn(cli, "not managed: %s (in %s)",
		            sd_cli_unmanaged_name(cli, u),
		            s->db->display_url ? s->db->display_url : s->text);
	}
}

int sd_cmd_diff(sd_cli *cli, int argc, char **argv)
{
	const char *from_text = NULL, *to_text = NULL;
	bool json = false, exit_code = false;
	const sd_cli_opt opts[] = {
		{"from", 0, true, &from_text, NULL},
		{"to", 0, true, &to_text, NULL},
		{"json", 0, false, NULL, &json},
		{"exit-code", 0, false, NULL, &exit_code},
		{0},
	};
	const char **pos;
	size_t npos, i;
	source from = {0}, to = {0};
	const sd_dialect *d = NULL;
	sd_db *normalizer;
	sd_config *c;
	sd_plan *plan = NULL;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	int rc;

	rc = sd_cli_parse(cli, sd_cli_find_command("diff"), opts, argc, argv,
	                  &pos, &npos);
	if (rc)
		return rc;
	if (npos || !from_text || !to_text)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "diff needs --from SRC and --to SRC (a models path or a database URL each)");
	rc = sd_cli_config(cli, &c);
	if (rc)
		goto done;
	from.text = from_text;
	to.text = to_text;
	rc = open_source(cli, &from);
	if (!rc)
		rc = open_source(cli, &to);
	if (rc)
		goto done;
	normalizer = from.db ? from.db : to.db;
	if (normalizer) {
		d = sd_db_dialect(normalizer);
	} else {
		const sd_db_driver *drv = sd_db_driver_for_url(sd_cli_database_url(cli));
		d = drv ? sd_dialect_find(drv->name) : &sd_dialect_sqlite;
	}
	/* the database side's catalog answers for what it spells alike */
	rc = load_models(cli, &from, normalizer, to.schema);
	if (!rc)
		rc = load_models(cli, &to, normalizer, from.schema);
	if (rc)
		goto done;
	/* a misspelt path would otherwise read as "create everything" */
	for (i = 0; i < 2; i++) {
		const source *s = i ? &to : &from;
		if (s->db && s->db->absent && cli->verbosity >= 0)
			sd_cli_err(cli, "schemadiff: note: %s: no such database file; read as an empty database",
			           s->db->display_url);
	}
	warn_unmanaged(cli, &from);
	warn_unmanaged(cli, &to);
	rc = sd_cli_diff(cli, from.schema, to.schema, d, &plan);
	if (rc)
		goto done;
	sd_cli_warn_each(cli, &plan->notes);
	if (plan->nops) {
		rc = sd_emit_plan(&up, &down, plan, d, &cli->err);
		if (rc)
			goto done;
	}
	if (json) {
		cJSON *root = cJSON_CreateObject();
		cJSON *ops = cJSON_AddArrayToObject(root, "differences");
		cJSON *warns = cJSON_AddArrayToObject(root, "warnings");
		cJSON_AddStringToObject(root, "status", plan->nops ? "differs" : "clean");
		cJSON_AddStringToObject(root, "dialect", d->name);
		sd_cli_json_differences(cli, ops, plan, d, "--to", "--from");
		for (i = 0; i < plan->warnings.n; i++)
			cJSON_AddItemToArray(warns, cJSON_CreateString(plan->warnings.items[i]));
		cJSON_AddStringToObject(root, "sql", sd_buf_cstr(&up));
		sd_cli_print_json(cli, root);
	} else if (plan->nops) {
		sd_buf script = SD_BUF_INIT;
		for (i = 0; i < plan->warnings.n; i++)
			sd_cli_out(cli, "-- warning: %s", plan->warnings.items[i]);
		rc = sd_emit_script(&script, plan, d, &cli->err);
		if (!rc)
			sd_cli_write(cli, stdout, sd_buf_cstr(&script));
		sd_buf_free(&script);
	} else {
		sd_cli_err(cli, "no differences");
	}
	if (exit_code && plan->nops)
		rc = SD_DIFFERS;
done:
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_plan_free(plan);
	sd_schema_free(from.schema);
	sd_schema_free(to.schema);
	sd_db_close(from.db);
	sd_db_close(to.db);
	return rc;
}
