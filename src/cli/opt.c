/*
 * opt.c - the command line's options: the global ones (accepted before
 * and after the command) and each command's, with a suggestion for an
 * unknown one.
 */
#include "cli/cli.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

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
int sd_cli_resolve_color(sd_cli *cli)
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
/* The global options that take a value: -cPATH, -c PATH, --config PATH,
 * --config=PATH. */
static const struct {
	char short_name; /* 0: none */
	const char *long_name;
	size_t slot;     /* offset of the const char * in sd_cli */
} value_options[] = {
	{0, "--database", offsetof(sd_cli, database)},
	{'c', "--config", offsetof(sd_cli, config_path)},
	{0, "--color", offsetof(sd_cli, color_when)},
	{0, "--targets", offsetof(sd_cli, targets)},
	{'j', "--jobs", offsetof(sd_cli, jobs)},
	{0, "--canary", offsetof(sd_cli, canary)},
};

int sd_cli_global_option(sd_cli *cli, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	const char **slot;
	size_t k, n;

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
	for (k = 0; k < SD_ARRAY_LEN(value_options); k++) {
		slot = (const char **)((char *)cli + value_options[k].slot);
		n = strlen(value_options[k].long_name);
		if (strncmp(a, value_options[k].long_name, n) == 0 &&
		    (a[n] == '\0' || a[n] == '=')) {
			if (a[n] == '=') {
				*slot = a + n + 1;
				return 1;
			}
			break;
		}
		if (value_options[k].short_name && a[0] == '-' &&
		    a[1] == value_options[k].short_name) {
			if (a[2] == '\0')
				break;
			if (a[2] == '=')
				return 0;
			*slot = a + 2; /* -cPATH, -j8 */
			return 1;
		}
	}
	if (k == SD_ARRAY_LEN(value_options))
		return 0;
	/* a URL never starts with '-': `diagram --database -o x.svg` is
	 * the database as a source, not a URL "-o" */
	if (*i + 1 >= argc || (slot == &cli->database && argv[*i + 1][0] == '-'))
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
		k = (size_t)sd_cli_global_option(cli, argc, argv, &i);
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
	return sd_cli_resolve_color(cli);
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

int sd_cli_parse_one(sd_cli *cli, const char *name, const sd_cli_opt *opts,
                     int argc, char **argv, const char **arg, const char *what)
{
	static const sd_cli_opt none[] = {{0}};
	const char **pos;
	size_t npos;
	int rc = sd_cli_parse(cli, sd_cli_find_command(name), opts ? opts : none,
	                      argc, argv, &pos, &npos);

	if (rc)
		return rc;
	if (npos != 1)
		return sd_error_set(&cli->err, SD_EINPUT, "%s needs %s", name,
		                    what);
	*arg = pos[0];
	return SD_OK;
}

/* Parses global options up to the command name; returns its index. */
int sd_cli_parse_global(sd_cli *cli, int argc, char **argv, int *cmd_index)
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
			sd_cli_usage(stdout);
			return -1;
		}
		if (strcmp(a, "--version") == 0) {
			sd_cli_print_version();
			return -1;
		}
		rc = sd_cli_global_option(cli, argc, argv, &i);
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
	rc = sd_cli_resolve_color(cli);
	if (rc)
		return rc;
	*cmd_index = i;
	return SD_OK;
}
