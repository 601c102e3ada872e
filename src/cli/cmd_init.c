/*
 * cmd_init.c - `schemadiff init`: a new project in the working directory.
 */
#include "cli/cli.h"

#include <string.h>

#include "sd_config.h"

static const char config_template[] =
	"# schemadiff project configuration. Paths are relative to this file.\n"
	"\n"
	"# The database to migrate. sqlite:///rel/path.db (relative to this file),\n"
	"# sqlite:////abs/path.db, or a libpq URI: postgresql://user@host:5432/db\n"
	"# Overridden by --database, $SCHEMADIFF_DATABASE_URL and $DATABASE_URL.\n"
	"database: sqlite:///app.db\n"
	"\n"
	"# The declarative models: one YAML file or a directory of *.yaml files.\n"
	"models: models.yaml\n"
	"\n"
	"# Where revision files live.\n"
	"versions: migrations/versions\n"
	"\n"
	"# Revision format `schemadiff generate` writes: sql or c.\n"
	"format: %s\n"
	"\n"
	"# Table recording the applied revision(s); other bookkeeping tables\n"
	"# start with this name.\n"
	"version_table: schemadiff_version\n"
	"\n"
	"# Tables schemadiff never touches (globs); they are not dropped even\n"
	"# when they are missing from the models.\n"
	"# ignore: [spatial_ref_sys, \"legacy_*\"]\n"
	"\n"
	"# Naming convention for unnamed constraints and indexes.\n"
	"# naming:\n"
	"#   pk: \"pk_%%(table)\"\n"
	"#   ix: \"ix_%%(table)_%%(columns)\"\n"
	"#   uq: \"uq_%%(table)_%%(columns)\"\n"
	"#   fk: \"fk_%%(table)_%%(columns)_%%(ref_table)\"\n"
	"#   ck: \"ck_%%(table)_%%(constraint_name)\"\n";

static const char models_template[] =
	"# yaml-language-server: $schema=%s\n"
	"#\n"
	"# The declarative models: edit them, then run\n"
	"#   schemadiff generate -m \"what changed\"\n"
	"#   schemadiff upgrade\n"
	"tables:\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: username, type: string(50), nullable: false}\n";

/* The JSON Schema of the models: the source tree's copy when this binary
 * was built from one that has it, else the installed location. */
static const char *schema_location(sd_cli *cli)
{
	char *src = sd_path_dirname(cli->arena, SD_SOURCE_INCLUDEDIR);
	char *p = sd_path_join(cli->arena, src, "schemas/models.schema.json");

	if (sd_file_exists(p))
		return p;
	src = sd_path_dirname(cli->arena, SD_INCLUDEDIR);
	return sd_path_join(cli->arena, src, "share/schemadiff/models.schema.json");
}

int sd_cmd_init(sd_cli *cli, int argc, char **argv)
{
	const char *format = "sql";
	const sd_cli_opt opts[] = {
		{"format", 0, true, &format, NULL},
		{0},
	};
	const char *cfg_path = cli->config_path ? cli->config_path
	                                        : "schemadiff.yaml";
	const char *dir, *models, *versions;
	sd_buf text = SD_BUF_INIT;
	int rc;

	rc = sd_cli_parse_options(cli, "init", opts, argc, argv, NULL);
	if (rc)
		return rc;
	if (strcmp(format, "sql") != 0 && strcmp(format, "c") != 0)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--format must be sql or c, not '%s'", format);
	if (sd_file_exists(cfg_path))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "%s already exists; not overwriting it", cfg_path);
	dir = sd_path_dirname(cli->arena, cfg_path);
	if (strcmp(dir, ".") == 0)
		dir = "";
	models = *dir ? sd_path_join(cli->arena, dir, "models.yaml") : "models.yaml";
	versions = *dir ? sd_path_join(cli->arena, dir, "migrations/versions")
	                : "migrations/versions";

	rc = sd_mkdir_p(versions, &cli->err);
	if (rc)
		goto done;
	sd_buf_printf(&text, config_template, format);
	rc = sd_file_write_atomic(cfg_path, text.data, text.len, &cli->err);
	if (rc)
		goto done;
	if (cli->verbosity >= 0)
		sd_cli_out(cli, "created %s", cfg_path);
	if (!sd_file_exists(models) &&
	    !sd_dir_exists(*dir ? sd_path_join(cli->arena, dir, "models") : "models")) {
		sd_buf_truncate(&text, 0);
		sd_buf_printf(&text, models_template, schema_location(cli));
		rc = sd_file_write_atomic(models, text.data, text.len, &cli->err);
		if (rc)
			goto done;
		if (cli->verbosity >= 0)
			sd_cli_out(cli, "created %s", models);
	}
	if (cli->verbosity >= 0)
		sd_cli_out(cli, "created %s/", versions);
done:
	sd_buf_free(&text);
	return rc;
}
