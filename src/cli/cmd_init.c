/*
 * cmd_init.c - `schemadiff init`: a new project in the working directory.
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include "sd_config.h"

static const char config_template[] =
	"# schemadiff project configuration. Paths are relative to this file.\n"
	"\n"
	"# The database to migrate. sqlite:///rel/path.db (relative to this file),\n"
	"# sqlite:////abs/path.db, or a libpq URI: postgresql://user@host:5432/db\n"
	"# Overridden by --database, $SCHEMADIFF_DATABASE_URL and $DATABASE_URL.\n"
	"database: %s\n"
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
	"%s"
	"# The declarative models: edit them, then run\n"
	"#   schemadiff generate -m \"what changed\"\n"
	"#   schemadiff upgrade\n"
	"tables:\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: username, type: string(50), nullable: false}\n";

/* Whether text has line as one of its lines. */
static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = text; (p = strstr(p, line)) != NULL; p += n)
		if ((p == text || p[-1] == '\n') &&
		    (p[n] == '\n' || p[n] == '\0' || p[n] == '\r'))
			return true;
	return false;
}

/* url as a YAML scalar: plain when nothing in it means something to YAML,
 * else double-quoted. */
static const char *yaml_scalar(sd_cli *cli, const char *url)
{
	sd_buf b = SD_BUF_INIT;
	const char *p, *out;

	if (strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                "0123456789:/@._%+?=&,-~") == strlen(url) &&
	    !strstr(url, ": "))
		return url;
	sd_buf_putc(&b, '"');
	for (p = url; *p; p++) {
		if (*p == '"' || *p == '\\')
			sd_buf_putc(&b, '\\');
		sd_buf_putc(&b, *p);
	}
	sd_buf_putc(&b, '"');
	out = sd_arena_strdup(cli->arena, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/* Where a project keeps the models' JSON Schema, relative to its config
 * (and so to models.yaml): committed with the project, it serves every
 * clone, whether or where schemadiff is installed. */
#define PROJECT_SCHEMA ".schemadiff/models.schema.json"

/* The models' JSON Schema this schemadiff knows: the installed copy, else
 * the source tree's when the binary runs from a build. NULL: neither. */
static const char *schema_source(sd_cli *cli)
{
	const char *p = sd_path_join(cli->arena, SD_DATADIR, "models.schema.json");

	if (sd_file_exists(p))
		return p;
	p = sd_path_join(cli->arena,
	                 sd_path_dirname(cli->arena, SD_SOURCE_INCLUDEDIR),
	                 "schemas/models.schema.json");
	return sd_file_exists(p) ? p : NULL;
}

/*
 * Copies the JSON Schema into the project (dir/PROJECT_SCHEMA, kept when
 * it exists) and returns the modeline for models.yaml, "" when there is no
 * schema to copy.
 */
static int copy_schema(const char **modeline, sd_cli *cli, const char *dir)
{
	const char *from = schema_source(cli);
	const char *to = *dir ? sd_path_join(cli->arena, dir, PROJECT_SCHEMA)
	                      : PROJECT_SCHEMA;
	char *data = NULL;
	size_t len;
	int rc = SD_OK;

	*modeline = "";
	if (!sd_file_exists(to)) {
		if (!from)
			return SD_OK;
		rc = sd_mkdir_p(sd_path_dirname(cli->arena, to), &cli->err);
		if (!rc)
			rc = sd_file_read(&data, &len, from, &cli->err);
		if (!rc)
			rc = sd_file_write_atomic(to, data, len, &cli->err);
		free(data);
		if (rc)
			return rc;
		if (cli->verbosity >= 0)
			sd_cli_out(cli, "created %s", to);
	}
	*modeline = "# yaml-language-server: $schema=" PROJECT_SCHEMA "\n#\n";
	return SD_OK;
}

/*
 * Compiled C revisions never live in the project (README, C revisions),
 * but a cache pointed at the project by mistake must not be committed:
 * appends the entry to dir/.gitignore unless it is there.
 */
static int write_gitignore(sd_cli *cli, const char *dir)
{
	static const char entry[] = ".schemadiff-cache/";
	const char *path = *dir ? sd_path_join(cli->arena, dir, ".gitignore")
	                        : ".gitignore";
	char *data = NULL;
	size_t len = 0;
	sd_buf text = SD_BUF_INIT;
	int rc = SD_OK;

	if (sd_file_exists(path)) {
		rc = sd_file_read(&data, &len, path, &cli->err);
		if (rc)
			goto done;
		if (has_line(data, entry))
			goto done;
		sd_buf_put(&text, data);
		if (len && data[len - 1] != '\n')
			sd_buf_putc(&text, '\n');
	}
	sd_buf_printf(&text, "# compiled C revisions (schemadiff caches them outside the project)\n%s\n",
	              entry);
	rc = sd_file_write_atomic(path, text.data, text.len, &cli->err);
done:
	free(data);
	sd_buf_free(&text);
	return rc;
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
	const char *dir, *models, *versions, *modeline;
	const char *database = cli->database ? cli->database : "sqlite:///app.db";
	sd_buf text = SD_BUF_INIT;
	int rc;

	rc = sd_cli_parse_options(cli, "init", opts, argc, argv, NULL);
	if (rc)
		return rc;
	if (strcmp(format, "sql") != 0 && strcmp(format, "c") != 0)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--format must be sql or c, not '%s'", format);
	if (!sd_db_driver_for_url(database) || strpbrk(database, "\n\r\t"))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--database '%s' is not a database URL (sqlite:///app.db, postgresql://user@host/db)",
		                    database);
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
	sd_buf_printf(&text, config_template, yaml_scalar(cli, database),
	              format);
	rc = sd_file_write_atomic(cfg_path, text.data, text.len, &cli->err);
	if (rc)
		goto done;
	if (cli->verbosity >= 0)
		sd_cli_out(cli, "created %s", cfg_path);
	if (!sd_file_exists(models) &&
	    !sd_dir_exists(*dir ? sd_path_join(cli->arena, dir, "models") : "models")) {
		rc = copy_schema(&modeline, cli, dir);
		if (rc)
			goto done;
		sd_buf_truncate(&text, 0);
		sd_buf_printf(&text, models_template, modeline);
		rc = sd_file_write_atomic(models, text.data, text.len, &cli->err);
		if (rc)
			goto done;
		if (cli->verbosity >= 0)
			sd_cli_out(cli, "created %s", models);
	}
	if (cli->verbosity >= 0)
		sd_cli_out(cli, "created %s/", versions);
	rc = write_gitignore(cli, dir);
done:
	sd_buf_free(&text);
	return rc;
}
