/*
 * cli.c - dispatch (sd_cli_main), printing, and the helpers the commands
 * share: config discovery, database URLs, the revision graph. The command
 * table and help are in usage.c, options in opt.c, the models-against-
 * database pipeline in compare.c.
 */
#include "cli/cli.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

void sd_cli_write(sd_cli *cli, FILE *f, const char *text)
{
	sd_buf masked = SD_BUF_INIT;

	(void)cli;
	sd_mask_password(&masked, text);
	fputs(sd_buf_cstr(&masked), f);
	sd_buf_free(&masked);
}

void sd_cli_print_json(sd_cli *cli, cJSON *root)
{
	char *text = cJSON_Print(root);

	sd_cli_write(cli, stdout, text);
	fputc('\n', stdout);
	free(text);
	cJSON_Delete(root);
	cli->json_printed = true;
}

const char *sd_cli_unmanaged_name(sd_cli *cli, const sd_unmanaged *u)
{
	return sd_arena_printf(cli->arena, "%s %s%s%s",
	                       u->what ? u->what : "object",
	                       sd_qualified_name(cli->arena, u->base.schema,
	                                         u->base.name),
	                       u->table ? " on " : "", u->table ? u->table : "");
}

static void vprint(sd_cli *cli, FILE *f, const char *prefix,
                   const char *fmt, va_list ap)
{
	sd_buf b = SD_BUF_INIT;

	if (prefix)
		sd_buf_put(&b, prefix);
	sd_buf_vprintf(&b, fmt, ap);
	sd_buf_putc(&b, '\n');
	sd_cli_write(cli, f, sd_buf_cstr(&b));
	sd_buf_free(&b);
}

void sd_cli_out(sd_cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(cli, stdout, NULL, fmt, ap);
	va_end(ap);
}

void sd_cli_err(sd_cli *cli, const char *fmt, ...)
{
	va_list ap;

	if (cli->verbosity < 0)
		return;
	va_start(ap, fmt);
	vprint(cli, stderr, NULL, fmt, ap);
	va_end(ap);
}

const char *sd_cli_paint(sd_cli *cli, bool out, const char *color,
                         const char *text)
{
	if (!(out ? cli->color_out : cli->color))
		return text;
	return sd_arena_printf(cli->arena, "\033[%sm%s\033[0m", color, text);
}

double sd_cli_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sd_cli_warn(sd_cli *cli, const char *fmt, ...)
{
	va_list ap;
	const char *prefix;

	if (cli->verbosity < 0)
		return;
	prefix = cli->color ? "schemadiff: \033[33mwarning:\033[0m "
	                    : "schemadiff: warning: ";
	va_start(ap, fmt);
	vprint(cli, stderr, prefix, fmt, ap);
	va_end(ap);
}

void sd_cli_warn_each(sd_cli *cli, const sd_strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		sd_cli_warn(cli, "%s", l->items[i]);
}

static void print_diags(sd_cli *cli)
{
	const sd_diag *d;
	sd_buf b = SD_BUF_INIT;

	for (d = cli->err.first; d; d = d->next) {
		if (d->severity != SD_SEV_ERROR && cli->verbosity < 0)
			continue;
		sd_buf_truncate(&b, 0);
		if (d->severity == SD_SEV_ERROR)
			sd_buf_put(&b, cli->color ? "schemadiff: \033[31merror:\033[0m "
			                          : "schemadiff: error: ");
		else if (d->severity == SD_SEV_WARNING)
			sd_buf_put(&b, cli->color ? "schemadiff: \033[33mwarning:\033[0m "
			                          : "schemadiff: warning: ");
		else
			sd_buf_put(&b, "schemadiff: note: ");
		sd_diag_format(&b, d);
		sd_buf_putc(&b, '\n');
		sd_cli_write(cli, stderr, sd_buf_cstr(&b));
	}
	sd_buf_free(&b);
}

/*
 * A command run with --json that failed before printing its document:
 *     {"status": "error", "exit": 2, "errors": [{"message": ...,
 *      "file": ..., "line": ..., "column": ..., "object": ...,
 *      "hint": ...}], "warnings": ["..."]}
 * on stdout (stderr has the same errors for a person).
 */
static void print_json_errors(sd_cli *cli, int rc)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *errors, *warnings;
	const sd_diag *d;
	sd_buf b = SD_BUF_INIT;

	cJSON_AddStringToObject(root, "status", "error");
	cJSON_AddNumberToObject(root, "exit", rc);
	errors = cJSON_AddArrayToObject(root, "errors");
	warnings = cJSON_AddArrayToObject(root, "warnings");
	for (d = cli->err.first; d; d = d->next) {
		cJSON *o;
		if (d->severity != SD_SEV_ERROR) {
			sd_buf_truncate(&b, 0);
			sd_diag_format(&b, d);
			cJSON_AddItemToArray(warnings,
			                     cJSON_CreateString(sd_buf_cstr(&b)));
			continue;
		}
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "message", d->message);
		if (d->path)
			cJSON_AddStringToObject(o, "file", d->path);
		if (d->line)
			cJSON_AddNumberToObject(o, "line", d->line);
		if (d->col)
			cJSON_AddNumberToObject(o, "column", d->col);
		if (d->object)
			cJSON_AddStringToObject(o, "object", d->object);
		if (d->hint)
			cJSON_AddStringToObject(o, "hint", d->hint);
		cJSON_AddItemToArray(errors, o);
	}
	sd_buf_free(&b);
	sd_cli_print_json(cli, root);
}

/* ------------------------------------------------------------------ */
/* Config and database                                                 */
/* ------------------------------------------------------------------ */

/* Walks up from the working directory to the root, like git. */
static char *find_config(sd_arena *a)
{
	char cwd[PATH_MAX];
	char *dir;

	if (!getcwd(cwd, sizeof(cwd)))
		return NULL;
	dir = sd_arena_strdup(a, cwd);
	for (;;) {
		char *p = sd_path_join(a, dir, "schemadiff.yaml");
		char *slash;
		if (sd_file_exists(p))
			return p;
		slash = strrchr(dir, '/');
		if (!slash || slash == dir) {
			if (strcmp(dir, "/") == 0)
				return NULL;
			dir = sd_arena_strdup(a, "/");
			continue;
		}
		*slash = '\0';
	}
}

const char *sd_cli_display_path(sd_cli *cli, const char *path)
{
	char cwd[PATH_MAX];
	size_t n;

	if (!path || path[0] != '/' || !getcwd(cwd, sizeof(cwd)))
		return path;
	n = strlen(cwd);
	if (strncmp(path, cwd, n) == 0 && path[n] == '/')
		return sd_arena_strdup(cli->arena, path + n + 1);
	return path;
}

int sd_cli_config(sd_cli *cli, sd_config **out)
{
	int rc = SD_OK;

	if (!cli->config) {
		const char *path = cli->config_path;
		if (!path)
			path = find_config(cli->arena);
		if (path) {
			if (!sd_file_exists(path))
				return sd_error_set(&cli->err, SD_EINPUT,
				                    "config file %s does not exist",
				                    path);
			rc = sd_config_load(&cli->config, path, &cli->err);
		} else {
			char cwd[PATH_MAX];
			const char *here = getcwd(cwd, sizeof(cwd)) ? cwd : ".";
			/* only read-only commands get here (run_command
			 * refuses the others): say what they go on with */
			sd_cli_err(cli, "schemadiff: note: no schemadiff.yaml found in %s or above; going on with the defaults (run `schemadiff init` to make a project)",
			           here);
			cli->config = sd_config_default(here);
		}
	}
	if (!rc)
		*out = cli->config;
	return rc;
}

const char *sd_cli_database_url(sd_cli *cli)
{
	const char *v;
	sd_config *c = NULL;

	if (cli->database)
		return cli->database;
	v = getenv("SCHEMADIFF_DATABASE_URL");
	if (v && *v)
		return v;
	v = getenv("DATABASE_URL");
	if (v && *v)
		return v;
	if (sd_cli_config(cli, &c))
		return NULL;
	return c->database;
}

int sd_cli_dialects(sd_cli *cli, const sd_dialect *d,
                    const sd_dialect ***out, size_t *n)
{
	sd_config *c;
	size_t i;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	*out = sd_arena_alloc(cli->arena, (c->ndialects + 2) * sizeof(void *));
	*n = 0;
	for (i = 0; i < c->ndialects; i++)
		(*out)[(*n)++] = sd_dialect_find(c->dialects[i]);
	if (*n)
		return SD_OK;
	if (!d) {
		const char *url = sd_cli_database_url(cli);
		const sd_db_driver *drv = sd_db_driver_for_url(url);
		d = drv ? sd_dialect_find(drv->name) : NULL;
	}
	if (!d)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "cannot tell the SQL dialect: the database URL is not sqlite:// or postgresql:// and the config lists no 'dialects:'");
	(*out)[(*n)++] = d;
	return SD_OK;
}

int sd_cli_open_url(sd_cli *cli, const char *url, sd_db **out,
                    unsigned flags)
{
	sd_config *c;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	/* Relative sqlite paths are relative to the config file (SPEC); a
	 * --database given on the command line is relative to the config
	 * too, so one project means one database wherever you stand. */
	return sd_db_open_flags(out, url, c->dir, flags, &cli->err);
}

int sd_cli_open_db(sd_cli *cli, sd_db **out, unsigned flags)
{
	sd_config *c;
	const char *url;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	url = sd_cli_database_url(cli);
	if (!url)
		return sd_error_set(&cli->err, SD_EINPUT, "no database configured");
	return sd_cli_open_url(cli, url, out, flags);
}

int sd_cli_graph(sd_cli *cli, sd_rev_graph **out)
{
	sd_config *c;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	return sd_rev_graph_load(out, c->versions, &cli->err);
}

int sd_cli_graph_db(sd_cli *cli, sd_config **c, sd_rev_graph **g,
                    sd_db **db, unsigned flags)
{
	sd_config *config;
	int rc = sd_cli_config(cli, c ? c : &config);

	if (!rc)
		rc = sd_cli_graph(cli, g);
	if (!rc)
		rc = sd_cli_open_db(cli, db, flags);
	return rc;
}

int sd_cli_check_target(sd_cli *cli, const sd_rev_graph *g, const char *text,
                        bool stamp)
{
	sd_revision *r;
	bool head = strcmp(text, "head") == 0;

	if (stamp && (head || strcmp(text, "heads") == 0) && g->nheads == 0)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "there are no revisions in %s: nothing to stamp as %s (write one with schemadiff generate)",
		                    sd_cli_display_path(cli, g->dir), text);
	if (strcmp(text, "heads") == 0 || strcmp(text, "base") == 0 ||
	    text[0] == '+' || text[0] == '-')
		return SD_OK;
	if (head) {
		if (g->nheads > 1)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "there are %zu heads; 'head' is ambiguous "
			                    "(use heads, or run merge)",
			                    g->nheads);
		return SD_OK;
	}
	return sd_rev_graph_lookup(&r, g, text, &cli->err);
}

int sd_cli_current(sd_cli *cli, sd_db *db, const sd_rev_graph *g,
                   sd_revision ***out, size_t *n)
{
	sd_config *c;
	const char **ids;
	size_t nids, i;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	rc = sd_version_read(&ids, &nids, cli->arena, db, c->version_table,
	                     &cli->err);
	if (rc)
		return rc;
	*out = sd_arena_alloc(cli->arena, (nids + 1) * sizeof(void *));
	*n = 0;
	for (i = 0; i < nids; i++) {
		sd_revision *r = sd_rev_graph_get(g, ids[i]);
		if (!r)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "the database is at revision %s, which has no file in %s",
			                    ids[i], g->dir);
		(*out)[(*n)++] = r;
	}
	return SD_OK;
}

void sd_cli_warn_edited(sd_cli *cli, sd_db *db, const sd_rev_graph *g,
                        sd_revision *const *cur, size_t ncur)
{
	sd_revision **edited;
	size_t n, i;
	sd_error ignore = SD_ERROR_INIT;

	if (!cli->config || sd_version_edited(&edited, &n, cli->arena, db, g,
	                                      cli->config->version_table, cur,
	                                      ncur, &ignore)) {
		sd_error_clear(&ignore);
		return;
	}
	for (i = 0; i < n; i++)
		sd_cli_warn(cli, "%s: revision %s was edited after it was applied; the database may not match it",
		            sd_cli_display_path(cli, edited[i]->path), edited[i]->id);
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

/*
 * The global options given after the command, read ahead (sd_cli_parse
 * reads them again, to the same effect) so that --targets, -j or a -c
 * naming a config with `targets:` decide whether the command runs over a
 * fleet. --help always gets the command's own help.
 */
static int run_command(sd_cli *cli, const sd_cli_command *cmd, int argc,
                       char **argv)
{
	bool fleet = false;
	int i, rc;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--json") == 0)
			cli->json = true;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return cmd->run(cli, argc, argv);
		if (sd_cli_global_option(cli, argc, argv, &i) == 2)
			break; /* the command's parse reports it */
	}
	if (cmd->writes && !cli->config_path) {
		/* a command that writes never guesses where: with no project
		 * it would create app.db or revision files wherever it is */
		char cwd[PATH_MAX];
		if (!find_config(cli->arena)) {
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "%s needs a project: no schemadiff.yaml found in %s or above (run schemadiff init, or pass -c)",
			                    cmd->name,
			                    getcwd(cwd, sizeof(cwd)) ? cwd : ".");
		}
	}
	rc = sd_cli_fleet_wanted(cli, cmd->name, &fleet);
	if (rc)
		return rc;
	return fleet ? sd_cli_fleet(cli, cmd, argc, argv)
	             : cmd->run(cli, argc, argv);
}

int sd_cli_main(int argc, char **argv)
{
	sd_cli cli;
	const sd_cli_command *cmd;
	int rc, idx = 0;

	memset(&cli, 0, sizeof(cli));
	cli.arena = sd_arena_new();
	cli.stderr_tty = isatty(2);
	cli.stdout_tty = isatty(1);
	rc = sd_cli_parse_global(&cli, argc, argv, &idx);
	if (rc < 0) {
		rc = SD_OK;
		goto done;
	}
	if (rc)
		goto done;
	if (idx >= argc) {
		sd_cli_usage(stderr);
		rc = SD_EINPUT;
		goto done;
	}
	if (strcmp(argv[idx], "help") == 0) {
		rc = sd_cli_help(&cli, argc - idx, argv + idx);
		goto done;
	}
	cmd = sd_cli_find_command(argv[idx]);
	if (!cmd) {
		rc = sd_cli_unknown_command(&cli, argv[idx]);
		goto done;
	}
	rc = run_command(&cli, cmd, argc - idx, argv + idx);
	if (rc < 0)
		rc = SD_OK; /* --help */
	/* An error code without a diagnostic still deserves a line. */
	if (rc >= SD_EINPUT && cli.err.nerrors == 0)
		sd_error_set(&cli.err, (sd_code)rc, "%s failed", cmd->name);
done:
	if (rc == SD_OK && cli.err.nerrors)
		rc = cli.err.code;
	if (cli.json && !cli.json_printed && rc >= SD_EINPUT)
		print_json_errors(&cli, rc);
	fflush(stdout);
	print_diags(&cli);
	sd_error_clear(&cli.err);
	sd_config_free(cli.config);
	sd_arena_free(cli.arena);
	return rc;
}
