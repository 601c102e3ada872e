/*
 * cli.c - global options, the command table, dispatch, help, and the
 * helpers the commands share.
 */
#include "cli/cli.h"

#include "introspect/introspect.h"
#include "normalize/normalize.h"

#include <limits.h>
#include <malloc.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "sd_config.h"

static const sd_cli_command commands[] = {
	{"init", "init [--format sql|c]",
	 "create schemadiff.yaml, an example models.yaml and migrations/versions/",
	 "  --format sql|c    revision format `generate` writes (default sql)\n",
	 "schemadiff init", sd_cmd_init},
	{"generate", "generate -m MSG [--format sql|c] [--sql]",
	 "diff the models against the database and write a revision",
	 "  -m, --message MSG  what the revision does (required)\n"
	 "  --format sql|c     revision format (default: the config's format)\n"
	 "  --sql              print the upgrade SQL instead of writing a file\n",
	 "schemadiff generate -m \"Add email to User\"", sd_cmd_generate},
	{"revision", "revision -m MSG [--format sql|c]",
	 "write an empty revision to fill in by hand",
	 "  -m, --message MSG  what the revision does (required)\n"
	 "  --format sql|c     revision format (default: the config's format)\n",
	 "schemadiff revision -m \"Backfill user names\"", sd_cmd_revision},
	{"upgrade", "upgrade [TARGET] [--sql | --backup PATH [--force]]",
	 "apply revisions up to TARGET (default head)",
	 "  TARGET         revision id or unique prefix, head, heads, +N\n"
	 "  --sql          print the SQL instead of running it; TARGET may be\n"
	 "                 FROM:TO (then no database is needed)\n"
	 "  --backup PATH  first back the database up into PATH (mode 0600):\n"
	 "                 pg_dump -Fc, or SQLite's online backup; nothing runs\n"
	 "                 when it cannot be written\n"
	 "  --force        let --backup replace an existing PATH\n",
	 "schemadiff upgrade --backup before-upgrade.dump", sd_cmd_upgrade},
	{"downgrade", "downgrade [TARGET] [--sql | --backup PATH [--force]]",
	 "revert revisions down to TARGET (default -1)",
	 "  TARGET         revision id or unique prefix, base, -N\n"
	 "  --sql          print the SQL instead of running it; TARGET may be\n"
	 "                 FROM:TO\n"
	 "  --backup PATH  first back the database up into PATH (as upgrade)\n"
	 "  --force        let --backup replace an existing PATH\n",
	 "schemadiff downgrade -1", sd_cmd_downgrade},
	{"stamp", "stamp REV",
	 "record REV (or head, heads, base) as applied without running anything",
	 "  REV      revision id or unique prefix, head, heads, base\n", "schemadiff stamp head", sd_cmd_stamp},
	{"current", "current [--json]",
	 "print the revision(s) the database is at",
	 "  --json   machine-readable output\n", "schemadiff current",
	 sd_cmd_current},
	{"status", "status [--json]",
	 "list every revision, base first: applied or pending, when, and edited since",
	 "  --json   machine-readable output: applied and pending lists, one entry\n"
	 "           per revision\n",
	 "schemadiff status", sd_cmd_status},
	{"heads", "heads [--json]", "print the newest revision of every branch",
	 "  --json   machine-readable output\n", "schemadiff heads", sd_cmd_heads},
	{"branches", "branches", "print the revisions where the history forks",
	 NULL, "schemadiff branches", sd_cmd_branches},
	{"history", "history [-r FROM:TO] [--json]",
	 "list revisions, newest first",
	 "  -r, --rev-range FROM:TO  only revisions between FROM and TO\n"
	 "  --json                   machine-readable output\n",
	 "schemadiff history -r base:head", sd_cmd_history},
	{"show", "show REV", "print a revision's header, message and SQL",
	 "  REV      revision id, unique prefix, or head\n",
	 "schemadiff show head", sd_cmd_show},
	{"merge", "merge -m MSG heads | REV REV...",
	 "write a revision that joins several heads",
	 "  -m, --message MSG  what the merge does (required)\n",
	 "schemadiff merge -m \"Merge branches\" heads", sd_cmd_merge},
	{"check", "check [--json]",
	 "compare the models with the database (exit 1 when they differ)",
	 "  --json   machine-readable output\n", "schemadiff check", sd_cmd_check},
	{"diff", "diff --from SRC --to SRC [--json] [--exit-code]",
	 "print the SQL that turns one schema source into another",
	 "  --from SRC     models path or database URL (current state)\n"
	 "  --to SRC       models path or database URL (desired state)\n"
	 "  --json         the operations as JSON instead of SQL\n"
	 "  --exit-code    exit 1 when there are differences\n",
	 "schemadiff diff --from sqlite:///app.db --to models.yaml", sd_cmd_diff},
	{"dump", "dump", "write the database's schema as models YAML to stdout",
	 NULL, "schemadiff dump > models.yaml", sd_cmd_dump},
};

static const char *const command_names[] = {
	"init", "generate", "revision", "upgrade", "downgrade", "stamp",
	"current", "status", "heads", "branches", "history", "show", "merge", "check",
	"diff", "dump", "help", NULL,
};

const sd_cli_command *sd_cli_find_command(const char *name)
{
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

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

/* ------------------------------------------------------------------ */
/* Help                                                                */
/* ------------------------------------------------------------------ */

/* The column where the descriptions of an options text start, so the
 * lines added below it line up: "  --json   machine..." -> 11. */
static int description_column(const char *options)
{
	const char *p = options, *gap, *eol;

	if (!p)
		return 11;
	while (*p == ' ')
		p++;
	gap = strstr(p, "  ");
	eol = strchr(p, '\n');
	if (!gap || (eol && gap > eol))
		return 11;
	while (*gap == ' ')
		gap++;
	return (int)(gap - options);
}

void sd_cli_command_help(const sd_cli_command *cmd, FILE *f)
{
	int col = description_column(cmd->options);

	fprintf(f, "usage: schemadiff [GLOBAL OPTIONS] %s\n\n%s\n", cmd->synopsis,
	        cmd->summary);
	fputs("\noptions:\n", f);
	if (cmd->options)
		fputs(cmd->options, f);
	else
		fputs("  (none of its own)\n", f);
	fprintf(f, "  %-*s%s\n", col - 2, "--help", "this help");
	fputs("\nglobal options (before or after the command):\n"
	      "  -c, --config PATH  --database URL  -q, --quiet  -v, --verbose\n"
	      "  --color WHEN       --targets FILE  -j N  --canary N  --fail-fast\n"
	      "                     see `schemadiff --help`\n",
	      f);
	fprintf(f, "\nexample:\n  %s\n", cmd->example);
}

/* `help` is a command too, with a help of its own. */
static const sd_cli_command help_command = {
	"help", "help [COMMAND]",
	"list the commands, or show one command's synopsis, options and example",
	"  COMMAND   the command to explain (default: list them all)\n",
	"schemadiff help upgrade", NULL,
};

static void usage(FILE *f)
{
	size_t i;

	fputs("usage: schemadiff [-c CONFIG] [--database URL] [-q|--quiet] "
	      "[-v|--verbose]\n"
	      "                  [--color=auto|always|never] COMMAND [ARGS]\n\n"
	      "commands:\n",
	      f);
	for (i = 0; i < SD_ARRAY_LEN(commands); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nglobal options:\n"
	      "  -c, --config PATH   config file (default: schemadiff.yaml here or above)\n"
	      "  --database URL      database (default: $SCHEMADIFF_DATABASE_URL,\n"
	      "                      $DATABASE_URL, then the config's database)\n"
	      "  -q, --quiet         only errors\n"
	      "  -v, --verbose       print each statement as it runs\n"
	      "  --color WHEN        auto, always or never (NO_COLOR is honoured)\n"
	      "  --targets FILE      run upgrade, downgrade, current, status, check or\n"
	      "                      stamp over the databases listed in FILE (- for stdin)\n"
	      "  -j, --jobs N        with targets: N at once (default 4)\n"
	      "  --canary N          with targets: the first N first; stop if one fails\n"
	      "  --fail-fast         with targets: start none after a failure\n"
	      "  --version           print versions and exit\n"
	      "  -h, --help          this help; `schemadiff help COMMAND` for one command\n\n"
	      "exit status: 0 success, 1 differences found (check, diff --exit-code),\n"
	      "2 bad usage or input, 3 database or runtime failure\n",
	      f);
}

/* ------------------------------------------------------------------ */
/* Option parsing                                                      */
/* ------------------------------------------------------------------ */

static int unknown_option(sd_cli *cli, const sd_cli_command *cmd,
                          const sd_cli_opt *opts, const char *arg)
{
	const char *names[64];
	char *bufs[64];
	size_t n = 0, i;
	const char *s;
	int rc;

	for (i = 0; opts[i].name && n < 56; i++) {
		bufs[n] = sd_arena_printf(cli->arena, "--%s", opts[i].name);
		names[n] = bufs[n];
		n++;
	}
	{
		static const char *const globals[] = {
			"--help", "--config", "--database", "--quiet", "--verbose",
			"--color", "--targets", "--jobs", "--canary", "--fail-fast",
		};
		for (i = 0; i < SD_ARRAY_LEN(globals); i++)
			names[n++] = globals[i];
	}
	names[n] = NULL;
	{
		char *plain = sd_arena_strdup(cli->arena, arg);
		char *eq = strchr(plain, '=');
		if (eq)
			*eq = '\0';
		s = sd_suggest(plain, names);
	}
	rc = sd_error_set(&cli->err, SD_EINPUT, "unknown option '%s' for '%s'",
	                  arg, cmd->name);
	if (s)
		sd_error_hint(&cli->err, "did you mean '%s'?", s);
	else
		sd_error_hint(&cli->err, "see `schemadiff %s --help`", cmd->name);
	return rc;
}

/* NO_COLOR (no-color.org): set and not empty turns colour off; an explicit
 * --color=always still wins. */
static bool no_color(void)
{
	const char *v = getenv("NO_COLOR");

	return v && *v;
}

/* Turns --color WHEN into colour on stderr and on stdout, each only on a
 * terminal under "auto". */
static int resolve_color(sd_cli *cli)
{
	const char *when = cli->color_when ? cli->color_when : "auto";

	if (strcmp(when, "always") == 0) {
		cli->color = cli->color_out = true;
	} else if (strcmp(when, "never") == 0) {
		cli->color = cli->color_out = false;
	} else if (strcmp(when, "auto") == 0) {
		cli->color = cli->stderr_tty && !no_color();
		cli->color_out = cli->stdout_tty && !no_color();
	} else {
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--color must be auto, always or never, not '%s'",
		                    when);
	}
	return SD_OK;
}

/*
 * The global options, accepted before the command and after it, as users
 * type them (`schemadiff upgrade --database URL`). Returns 1 when argv[*i]
 * was one (and advances *i past its value), 2 when its value is missing,
 * else 0.
 */
static int global_option(sd_cli *cli, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char **slot = NULL;

	if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
		cli->verbosity = -1;
		return 1;
	}
	if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
		cli->verbosity = 1;
		return 1;
	}
	if (strcmp(a, "--fail-fast") == 0) {
		cli->fail_fast = true;
		return 1;
	}
	if (sd_startswith(a, "-j") && a[2]) {
		cli->jobs = a + 2; /* -j8 */
		return 1;
	}
	if (sd_startswith(a, "-c") && a[2] && a[2] != '=' && a[1] != '-') {
		cli->config_path = a + 2; /* -cPATH */
		return 1;
	}
	if (strcmp(a, "--database") == 0 || sd_startswith(a, "--database="))
		slot = &cli->database;
	else if (strcmp(a, "-c") == 0 || strcmp(a, "--config") == 0 ||
	         sd_startswith(a, "--config="))
		slot = &cli->config_path;
	else if (strcmp(a, "--color") == 0 || sd_startswith(a, "--color="))
		slot = &cli->color_when;
	else if (strcmp(a, "--targets") == 0 || sd_startswith(a, "--targets="))
		slot = &cli->targets;
	else if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0 ||
	         sd_startswith(a, "--jobs="))
		slot = &cli->jobs;
	else if (strcmp(a, "--canary") == 0 || sd_startswith(a, "--canary="))
		slot = &cli->canary;
	else
		return 0;
	if (strchr(a, '=')) {
		*slot = strchr(a, '=') + 1;
		return 1;
	}
	if (*i + 1 >= argc)
		return 2;
	*slot = argv[++*i];
	return 1;
}

int sd_cli_parse(sd_cli *cli, const sd_cli_command *cmd,
                 const sd_cli_opt *opts, int argc, char **argv,
                 const char ***pos, size_t *npos)
{
	int i;
	size_t k;
	bool only_pos = false;

	*pos = sd_arena_alloc(cli->arena, ((size_t)argc + 1) * sizeof(char *));
	*npos = 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const sd_cli_opt *o = NULL;
		const char *val = NULL;

		if (only_pos || a[0] != '-' || !a[1] ||
		    /* "-1", "-2": relative downgrade targets */
		    (a[1] >= '0' && a[1] <= '9')) {
			(*pos)[(*npos)++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			sd_cli_command_help(cmd, stdout);
			return -1;
		}
		k = (size_t)global_option(cli, argc, argv, &i);
		if (k == 1)
			continue;
		if (k == 2)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "option '%s' needs a value", a);
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			for (k = 0; opts[k].name; k++)
				if (strlen(opts[k].name) == len &&
				    strncmp(opts[k].name, a + 2, len) == 0)
					o = &opts[k];
			if (o && eq) {
				if (!o->has_value)
					return sd_error_set(&cli->err, SD_EINPUT,
					                    "option '--%s' takes no value",
					                    o->name);
				val = eq + 1;
			}
		} else {
			for (k = 0; opts[k].name; k++)
				if (opts[k].short_name == a[1])
					o = &opts[k];
			if (o && a[2]) {
				if (!o->has_value)
					o = NULL;
				else
					val = a + 2;
			}
		}
		if (!o)
			return unknown_option(cli, cmd, opts, a);
		if (o->has_value) {
			if (!val) {
				if (i + 1 >= argc)
					return sd_error_set(&cli->err, SD_EINPUT,
					                    "option '--%s' needs a value",
					                    o->name);
				val = argv[++i];
			}
			*o->value = val;
		} else {
			*o->flag = true;
		}
	}
	return resolve_color(cli);
}

int sd_cli_parse_options(sd_cli *cli, const char *name,
                         const sd_cli_opt *opts, int argc, char **argv,
                         const char *hint)
{
	const char **pos;
	size_t npos;
	int rc = sd_cli_parse(cli, sd_cli_find_command(name), opts, argc, argv,
	                      &pos, &npos);

	if (rc || !npos)
		return rc;
	rc = sd_error_set(&cli->err, SD_EINPUT,
	                  "%s takes no arguments (got '%s')", name, pos[0]);
	if (hint)
		sd_error_hint(&cli->err, "%s", hint);
	return rc;
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
			cli->config = sd_config_default(getcwd(cwd, sizeof(cwd)) ? cwd : ".");
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

/* The progress line of one introspection, on a terminal's stderr. */
typedef struct reading {
	sd_cli *cli;
	const char *where;
} reading;

/* "\r\033[K" rewrites the line in place, so the terminal keeps one line. */
static void reading_progress(void *ctx, const char *what, size_t done,
                             size_t total)
{
	reading *r = ctx;

	fprintf(stderr, "\r\033[Kschemadiff: reading %s: %s (%zu/%zu)",
	        r->where, what, done, total);
	fflush(stderr);
}

int sd_cli_introspect(sd_cli *cli, sd_db *db, sd_schema **out)
{
	sd_introspect_opts o;
	reading r;
	bool show = cli->stderr_tty && cli->verbosity >= 0;
	int rc;

	memset(&o, 0, sizeof(o));
	if (cli->config) {
		o.version_table = cli->config->version_table;
		o.ignore = cli->config->ignore;
	}
	if (show) {
		r.cli = cli;
		r.where = db->display_url ? db->display_url : "the database";
		o.progress = reading_progress;
		o.progress_ctx = &r;
		fprintf(stderr, "schemadiff: reading %s ...", r.where);
		fflush(stderr);
	}
	rc = sd_introspect(out, db, &o, &cli->err);
	if (show) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	return rc;
}

/* Fills canonical forms into models read from YAML (normalize.h). */
static int normalize(sd_cli *cli, sd_db *db, sd_schema *models)
{
	return sd_normalize(db, models, &cli->err);
}

int sd_cli_models(sd_cli *cli, const char *path, sd_db *db, sd_schema **out)
{
	sd_config *c;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	rc = sd_models_load(out, path, &c->naming, &cli->err);
	if (rc)
		return rc;
	rc = normalize(cli, db, *out);
	if (rc) {
		sd_schema_free(*out);
		*out = NULL;
	}
	return rc;
}

int sd_cli_diff(sd_cli *cli, const sd_schema *from, const sd_schema *to,
                const sd_dialect *d, sd_plan **out)
{
	sd_config *c;
	sd_diff_opts o;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	memset(&o, 0, sizeof(o));
	o.ignore = c->ignore;
	o.version_table = c->version_table;
	o.drop_unlisted = true;
	o.caps = d ? d->caps : NULL;
	return sd_diff(out, from, to, &o, &cli->err);
}

/* A no-op close for detach_db's stand-in. */
static void detached_close(sd_db *db)
{
	(void)db;
}

/*
 * Closes db and returns a stand-in that keeps only its driver's name and
 * dialect (all that check and generate read once the live schema is in),
 * so the connection and SQLite's parsed schema are freed before the
 * differ runs. The stand-in is static storage; closing it does nothing.
 */
static sd_db *detach_db(sd_db *db)
{
	static sd_db_driver driver;
	static sd_db stand_in;

	memset(&driver, 0, sizeof(driver));
	driver.name = db->driver->name;
	driver.close = detached_close;
	stand_in.driver = &driver;
	stand_in.display_url = NULL;
	sd_db_close(db);
	return &stand_in;
}

/*
 * The models are read on a second thread while the database is opened and
 * its catalog read: the YAML parse is CPU work in this process, the catalog
 * read is mostly the database's (SQLite parsing its schema, a PostgreSQL
 * server answering), so on two cores the two overlap almost completely.
 * The loader touches nothing shared: its own arena, its own sd_error, the
 * config read before the thread starts (libyaml's position recorder is
 * thread-local).
 */
typedef struct models_job {
	const char *path;
	const sd_naming *naming;
	sd_schema *schema;
	sd_error err;
	int rc;
} models_job;

static void *models_job_run(void *arg)
{
	models_job *j = arg;

	j->rc = sd_models_load(&j->schema, j->path, j->naming, &j->err);
	/* its garbage (YAML text, position tree, libcyaml's tree) sits in
	 * this thread's malloc arena: give it back while the catalog is
	 * still being read */
	malloc_trim(0);
	return NULL;
}

int sd_cli_compare_models(sd_cli *cli, sd_cli_compare *cmp,
                          int (*at_open)(sd_cli *cli, sd_db *db, void *ctx),
                          void *ctx)
{
	sd_config *c;
	models_job job;
	pthread_t tid;
	sd_error saved, db_err;
	bool threaded;
	int rc, db_rc;

	memset(cmp, 0, sizeof(*cmp));
	rc = sd_cli_config(cli, &c);
	if (rc)
		return rc;
	memset(&job, 0, sizeof(job));
	job.path = c->models;
	job.naming = &c->naming;
	threaded = pthread_create(&tid, NULL, models_job_run, &job) == 0;
	if (!threaded)
		models_job_run(&job);
	/* the database's diagnostics are held back until the models are in */
	saved = cli->err;
	memset(&cli->err, 0, sizeof(cli->err));
	db_rc = sd_cli_open_db(cli, &cmp->db, SD_DB_OPEN_NO_CREATE);
	if (!db_rc)
		db_rc = sd_cli_introspect(cli, cmp->db, &cmp->live);
	db_err = cli->err;
	cli->err = saved;
	if (threaded)
		pthread_join(tid, NULL);
	cmp->models = job.schema;
	sd_error_move(&cli->err, &job.err);
	/* Bad models fail first, whatever the database said. */
	if (job.rc) {
		sd_error_clear(&db_err);
		return job.rc;
	}
	sd_error_move(&cli->err, &db_err);
	rc = db_rc;
	if (!rc && at_open)
		rc = at_open(cli, cmp->db, ctx);
	if (!rc)
		rc = normalize(cli, cmp->db, cmp->models);
	if (!rc)
		cmp->db = detach_db(cmp->db);
	if (!rc)
		rc = sd_cli_diff(cli, cmp->live, cmp->models,
		                 sd_db_dialect(cmp->db), &cmp->plan);
	return rc;
}

void sd_cli_compare_free(sd_cli_compare *cmp)
{
	sd_plan_free(cmp->plan);
	sd_schema_free(cmp->live);
	sd_schema_free(cmp->models);
	sd_db_close(cmp->db);
	memset(cmp, 0, sizeof(*cmp));
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

/* An unknown command, with the nearest one when there is one. */
static int unknown_command(sd_cli *cli, const char *name)
{
	const char *s = sd_suggest(name, command_names);

	sd_error_set(&cli->err, SD_EINPUT, "unknown command '%s'", name);
	if (s)
		sd_error_hint(&cli->err, "did you mean '%s'?", s);
	else
		sd_error_hint(&cli->err, "see `schemadiff --help`");
	return SD_EINPUT;
}

static int cmd_help(sd_cli *cli, int argc, char **argv)
{
	const sd_cli_command *cmd;

	if (argc < 2) {
		usage(stdout);
		return SD_OK;
	}
	if (argc > 2)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "help takes one command (got '%s' too)", argv[2]);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		sd_cli_command_help(&help_command, stdout);
		return SD_OK;
	}
	cmd = sd_cli_find_command(argv[1]);
	if (!cmd)
		return unknown_command(cli, argv[1]);
	sd_cli_command_help(cmd, stdout);
	return SD_OK;
}

static void print_version(void)
{
	int pqv = PQlibVersion();

	printf("schemadiff %s\n", SD_VERSION);
	printf("SQLite %s\n", sqlite3_libversion());
	printf("libpq %d.%d\n", pqv / 10000, pqv % 10000);
}

/* Parses global options up to the command name; returns its index. */
static int parse_global(sd_cli *cli, int argc, char **argv, int *cmd_index)
{
	static const char *const globals[] = {
		"--config", "--database", "--quiet", "--verbose", "--color",
		"--targets", "--jobs", "--canary", "--fail-fast",
		"--version", "--help", NULL,
	};
	int i, rc;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-')
			break;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return -1;
		}
		if (strcmp(a, "--version") == 0) {
			print_version();
			return -1;
		}
		rc = global_option(cli, argc, argv, &i);
		if (rc == 2)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "option '%s' needs a value", a);
		if (rc == 0) {
			char *plain = sd_arena_strdup(cli->arena, a);
			char *eq = strchr(plain, '=');
			const char *s;
			if (eq)
				*eq = '\0';
			s = sd_suggest(plain, globals);
			sd_error_set(&cli->err, SD_EINPUT, "unknown option '%s'", a);
			if (s)
				sd_error_hint(&cli->err, "did you mean '%s'?", s);
			return SD_EINPUT;
		}
	}
	rc = resolve_color(cli);
	if (rc)
		return rc;
	*cmd_index = i;
	return SD_OK;
}

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

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return cmd->run(cli, argc, argv);
		if (global_option(cli, argc, argv, &i) == 2)
			break; /* the command's parse reports it */
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
	rc = parse_global(&cli, argc, argv, &idx);
	if (rc < 0) {
		rc = SD_OK;
		goto done;
	}
	if (rc)
		goto done;
	if (idx >= argc) {
		usage(stderr);
		rc = SD_EINPUT;
		goto done;
	}
	if (strcmp(argv[idx], "help") == 0) {
		rc = cmd_help(&cli, argc - idx, argv + idx);
		goto done;
	}
	cmd = sd_cli_find_command(argv[idx]);
	if (!cmd) {
		rc = unknown_command(&cli, argv[idx]);
		goto done;
	}
	rc = run_command(&cli, cmd, argc - idx, argv + idx);
	if (rc < 0)
		rc = SD_OK; /* --help */
	/* An error code without a diagnostic still deserves a line. */
	if (rc >= SD_EINPUT && cli.err.nerrors == 0)
		sd_error_set(&cli.err, (sd_code)rc, "%s failed", cmd->name);
done:
	fflush(stdout);
	print_diags(&cli);
	if (rc == SD_OK && cli.err.nerrors)
		rc = cli.err.code;
	sd_error_clear(&cli.err);
	sd_config_free(cli.config);
	sd_arena_free(cli.arena);
	return rc;
}
