/*
 * usage.c - the command table (each command's synopsis, summary, options
 * and example, and the function that runs it), the help built from it,
 * `help` itself and --version.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "sd_config.h"

static const sd_cli_command commands[] = {
	{"init", "init [--format sql|c]",
	 "create schemadiff.yaml, an example models.yaml and migrations/versions/",
	 "  --format sql|c    revision format `generate` writes (default sql)\n",
	 "schemadiff init", sd_cmd_init, false},
	{"generate", "generate -m MSG [--format sql|c] [--sql] [--allow-empty] [--baseline] [--staged] [--no-online] [--fail-on LEVEL] [--dev-database URL]",
	 "diff the models against the database and write a revision",
	 "  -m, --message MSG  what the revision does (required)\n"
	 "  --format sql|c     revision format (default: the config's format)\n"
	 "  --sql              print the upgrade SQL instead of writing a file\n"
	 "  --allow-empty      accept models with no table although the database\n"
	 "                     has some (the revision drops every table)\n"
	 "  --baseline         the first revision: the whole models from an empty\n"
	 "                     database, without reading the database (then\n"
	 "                     `stamp head` on a database that has them)\n"
	 "  --staged           write an expand revision and a contract revision\n"
	 "                     (NOT NULL, drops) to deploy the application\n"
	 "                     between\n"
	 "  --no-online        PostgreSQL: the plain statements in one\n"
	 "                     transaction instead of the online steps\n"
	 "  --fail-on LEVEL    write nothing, exit 1, when `lint` finds a hazard\n"
	 "                     at LEVEL or above (info, warning, blocking,\n"
	 "                     data-loss)\n"
	 "  --dev-database URL  PostgreSQL server to replay the revisions'\n"
	 "                     PostgreSQL sections on, generating them on\n"
	 "                     SQLite (default: the config's dev_database)\n",
	 "schemadiff generate -m \"Add email to User\"", sd_cmd_generate, true},
	{"revision", "revision -m MSG [--format sql|c]",
	 "write an empty revision to fill in by hand",
	 "  -m, --message MSG  what the revision does (required)\n"
	 "  --format sql|c     revision format (default: the config's format)\n",
	 "schemadiff revision -m \"Backfill user names\"", sd_cmd_revision, true},
	{"upgrade", "upgrade [TARGET] [--sql | --backup PATH [--force]] [--lock-timeout DUR] [--lock-retries N] [--batch-size N]",
	 "apply revisions up to TARGET (default head)",
	 "  TARGET              revision id or unique prefix, head, heads, +N\n"
	 "  --sql               print the SQL instead of running it; TARGET may\n"
	 "                      be FROM:TO (then no database is needed)\n"
	 "  --backup PATH       first back the database up into PATH (mode\n"
	 "                      0600): pg_dump -Fc, or SQLite's online backup;\n"
	 "                      nothing runs when it cannot be written\n"
	 "  --force             let --backup replace an existing PATH\n"
	 "  --lock-timeout DUR  PostgreSQL: each statement's lock wait (default\n"
	 "                      lock_timeout, 2s; 0 waits forever)\n"
	 "  --lock-retries N    tries after a lock timeout (default 5)\n"
	 "  --batch-size N      rows per batch of a batch step (default 10000)\n",
	 "schemadiff upgrade --backup before-upgrade.dump", sd_cmd_upgrade, true},
	{"downgrade", "downgrade [TARGET] [--sql | --backup PATH [--force]] [--lock-timeout DUR] [--lock-retries N] [--batch-size N]",
	 "revert revisions down to TARGET (default -1)",
	 "  TARGET              revision id or unique prefix, base, -N\n"
	 "  --sql               print the SQL instead of running it; TARGET may\n"
	 "                      be FROM:TO\n"
	 "  --backup PATH       first back the database up into PATH (as\n"
	 "                      upgrade)\n"
	 "  --force             let --backup replace an existing PATH\n"
	 "  --lock-timeout DUR  as upgrade\n"
	 "  --lock-retries N    as upgrade\n"
	 "  --batch-size N      as upgrade\n",
	 "schemadiff downgrade -1", sd_cmd_downgrade, true},
	{"stamp", "stamp REV",
	 "record REV (or head, heads, base) as applied without running anything",
	 "  REV      revision id or unique prefix, head, heads, base\n", "schemadiff stamp head", sd_cmd_stamp, true},
	{"current", "current [--json]",
	 "print the revision(s) the database is at",
	 "  --json   machine-readable output\n", "schemadiff current",
	 sd_cmd_current, false},
	{"status", "status [--json]",
	 "list every revision, base first: applied or pending, when, and edited since",
	 "  --json   machine-readable output: applied and pending lists, one entry\n"
	 "           per revision\n",
	 "schemadiff status", sd_cmd_status, false},
	{"heads", "heads [--json]", "print the newest revision of every branch",
	 "  --json   machine-readable output\n", "schemadiff heads", sd_cmd_heads, false},
	{"branches", "branches", "print the revisions where the history forks",
	 NULL, "schemadiff branches", sd_cmd_branches, false},
	{"history", "history [-r FROM:TO] [--json]",
	 "list revisions, newest first",
	 "  -r, --rev-range FROM:TO  only revisions between FROM and TO\n"
	 "  --json                   machine-readable output\n",
	 "schemadiff history -r base:head", sd_cmd_history, false},
	{"show", "show REV [--html] [-o PATH] [--dev-database URL]",
	 "print a revision's header, message and SQL, or its review page",
	 "  REV                 revision id, unique prefix, or head\n"
	 "  --html              a self-contained HTML page: message, warnings with\n"
	 "                      their locks, SQL per dialect, the change's diagram\n"
	 "  -o, --output PATH   write there instead of stdout\n"
	 "  --dev-database URL  PostgreSQL server for the scratch database the\n"
	 "                      revisions are replayed on (default: dev_database:)\n",
	 "schemadiff show head --html -o review.html", sd_cmd_show, false},
	{"merge", "merge -m MSG heads | REV REV...",
	 "write a revision that joins several heads",
	 "  -m, --message MSG  what the merge does (required)\n",
	 "schemadiff merge -m \"Merge branches\" heads", sd_cmd_merge, true},
	{"lint", "lint [REV...] [--fail-on LEVEL] [--json]",
	 "report the hazards of revisions: locks, rewrites, data loss",
	 "  REV              a revision id or prefix, head, or FROM:TO; default:\n"
	 "                   the revisions the database has not applied (the\n"
	 "                   heads when it cannot be reached)\n"
	 "  --fail-on LEVEL  exit 1 at this level or above (info, warning,\n"
	 "                   blocking, data-loss; default blocking)\n"
	 "  --json           machine-readable output\n",
	 "schemadiff lint --fail-on data-loss", sd_cmd_lint, false},
	{"check", "check [--json] [--diagram PATH] [--replay [--dev-database URL]]",
	 "compare the models with the database (exit 1 when they differ)",
	 "  --json           machine-readable output\n"
	 "  --diagram PATH   also write a diagram of the differences (format from\n"
	 "                   the extension: .svg, .dot, .mmd)\n"
	 "  --replay         compare with what the revision files produce on a\n"
	 "                   scratch database instead; the database is not used\n"
	 "  --dev-database URL  PostgreSQL server for --replay's scratch database\n",
	 "schemadiff check --diagram drift.svg", sd_cmd_check, false},
	{"diff", "diff --from SRC --to SRC [--json] [--exit-code]",
	 "print the SQL that turns one schema source into another",
	 "  --from SRC     models path or database URL (current state)\n"
	 "  --to SRC       models path or database URL (desired state)\n"
	 "  --json         the operations as JSON instead of SQL\n"
	 "  --exit-code    exit 1 when there are differences\n",
	 "schemadiff diff --from sqlite:///app.db --to models.yaml", sd_cmd_diff, false},
	{"dump", "dump", "write the database's schema as models YAML to stdout",
	 NULL, "schemadiff dump > models.yaml", sd_cmd_dump, false},
	{"diagram",
	 "diagram [--revision REV | --models | --database] [--format svg|dot|mermaid]\n"
	 "                  [-o PATH] [--around TABLE [--depth N]] [--dev-database URL]",
	 "draw the models, the database or a revision's change as an ER diagram",
	 "  --models            the models (default)\n"
	 "  --database [URL]    the database's catalog\n"
	 "  -r, --revision REV  what REV adds, drops and changes, marked; only the\n"
	 "                      changed tables and their neighbours by default\n"
	 "  -f, --format F      svg (default), dot or mermaid; without it, the\n"
	 "                      output's extension (.svg .dot .gv .mmd .md)\n"
	 "  -o, --output PATH   write there instead of stdout\n"
	 "  --around TABLE      only TABLE and the tables near it\n"
	 "  --depth N           how many foreign keys from TABLE (default 1)\n"
	 "  --dev-database URL  PostgreSQL server for the scratch database a\n"
	 "                      revision is replayed on (default: dev_database:)\n",
	 "schemadiff diagram --revision head -o change.svg", sd_cmd_diagram, false},
};

static const char *const command_names[] = {
	"init", "generate", "revision", "upgrade", "downgrade", "stamp",
	"current", "status", "heads", "branches", "history", "show", "merge", "lint",
	"check", "diff", "dump", "diagram", "help", NULL,
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
	"schemadiff help upgrade", NULL, false,
};

void sd_cli_usage(FILE *f)
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

/*
 * What users of other migration tools type, answered in schemadiff's
 * words: Flask-Migrate (`flask db migrate`), Alembic, Django, Rails,
 * goose and golang-migrate.
 */
static const struct {
	const char *theirs;
	const char *hint;
} other_tools[] = {
	{"migrate", "did you mean `generate`? `flask db migrate` is `schemadiff generate -m MSG`; to apply revisions, as Django's migrate does: `schemadiff upgrade`"},
	{"makemigrations", "did you mean `generate`? Django's makemigrations is `schemadiff generate -m MSG`"},
	{"autogenerate", "did you mean `generate`? `schemadiff generate -m MSG` writes a revision from the models"},
	{"showmigrations", "did you mean `status`?"},
	{"sqlmigrate", "did you mean `upgrade --sql`?"},
	{"rollback", "did you mean `downgrade`?"},
	{"up", "did you mean `upgrade`?"},
	{"down", "did you mean `downgrade`?"},
	{"db", "schemadiff's commands are Flask-Migrate's without `db`: `schemadiff upgrade`, `schemadiff generate -m MSG`"},
};

/* An unknown command, with the nearest one when there is one. */
int sd_cli_unknown_command(sd_cli *cli, const char *name)
{
	const char *s = sd_suggest(name, command_names);
	size_t i;

	sd_error_set(&cli->err, SD_EINPUT, "unknown command '%s'", name);
	for (i = 0; i < SD_ARRAY_LEN(other_tools); i++)
		if (strcmp(name, other_tools[i].theirs) == 0) {
			sd_error_hint(&cli->err, "%s", other_tools[i].hint);
			return SD_EINPUT;
		}
	if (s)
		sd_error_hint(&cli->err, "did you mean '%s'?", s);
	else
		sd_error_hint(&cli->err, "see `schemadiff --help`");
	return SD_EINPUT;
}

int sd_cli_help(sd_cli *cli, int argc, char **argv)
{
	const sd_cli_command *cmd;

	if (argc < 2) {
		sd_cli_usage(stdout);
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
		return sd_cli_unknown_command(cli, argv[1]);
	sd_cli_command_help(cmd, stdout);
	return SD_OK;
}

void sd_cli_print_version(void)
{
	int pqv = PQlibVersion();

	printf("schemadiff %s\n", SD_VERSION);
	printf("SQLite %s\n", sqlite3_libversion());
	printf("libpq %d.%d\n", pqv / 10000, pqv % 10000);
}
