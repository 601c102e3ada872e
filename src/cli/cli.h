/*
 * cli.h - the command line: global options, the command table, and the
 * helpers every command shares (config discovery, database URL precedence,
 * printing with passwords masked). Only this module prints or exits.
 */
#ifndef SD_CLI_H
#define SD_CLI_H

#include <stdio.h>

#include "model/load.h"
#include "revision/revision.h"

SD_LAYER_HEADER(CLI);

typedef struct sd_cli {
	const char *config_path; /* -c */
	const char *database;    /* --database */
	const char *color_when;  /* --color: auto (NULL), always, never */
	int verbosity;           /* -1 quiet, 0 normal, 1 verbose */
	bool color;              /* colour on stderr */
	bool color_out;          /* colour on stdout */
	bool stderr_tty;
	bool stdout_tty;
	const char *prog;
	sd_error err;            /* diagnostics printed by main at the end */
	const char *targets;     /* --targets FILE ("-": stdin) */
	const char *jobs;        /* -j N */
	const char *canary;      /* --canary N */
	bool fail_fast;          /* --fail-fast */
	bool json;               /* --json: errors go to stdout as JSON too */
	bool json_printed;       /* a JSON document is on stdout already */
	bool diff_online;        /* generate: the plan is for the dialect's
	                          * online forms (sd_cli_diff) */
	sd_config *config;       /* loaded on demand */
	sd_arena *arena;         /* lives as long as the process run */
} sd_cli;

typedef struct sd_cli_command {
	const char *name;
	const char *synopsis; /* "upgrade [TARGET] [--sql]" */
	const char *summary;  /* one line */
	const char *options;  /* option lines, or NULL */
	const char *example;  /* one real example */
	int (*run)(sd_cli *cli, int argc, char **argv);
	bool writes;          /* changes files or a database: needs a project */
} sd_cli_command;

/* Runs the program; returns the exit status. */
int sd_cli_main(int argc, char **argv);

/* ---- option parsing for commands -------------------------------- */

typedef struct sd_cli_opt {
	const char *name;   /* "message" (for --message) */
	char short_name;    /* 'm', or 0 */
	bool has_value;
	const char **value; /* set for options with a value */
	bool *flag;         /* set for flags */
} sd_cli_opt;

/*
 * Parses argv (argv[0] is the command name) against opts (terminated by a
 * zeroed entry). Positional arguments go to pos (arena array, *npos).
 * "--help" prints the command's help and returns -1 (caller exits 0).
 * Unknown options get a suggestion and SD_EINPUT.
 */
int sd_cli_parse(sd_cli *cli, const sd_cli_command *cmd,
                 const sd_cli_opt *opts, int argc, char **argv,
                 const char ***pos, size_t *npos);

/*
 * sd_cli_parse for a command that takes options only: a positional
 * argument is bad usage, "NAME takes no arguments (got 'X')" plus hint
 * (NULL: none). Returns as sd_cli_parse does (-1 after --help).
 */
int sd_cli_parse_options(sd_cli *cli, const char *name,
                         const sd_cli_opt *opts, int argc, char **argv,
                         const char *hint);
/*
 * sd_cli_parse for a command that takes exactly one argument, into *arg,
 * and the options opts (NULL: none); otherwise "NAME needs WHAT" is bad
 * usage.
 */
int sd_cli_parse_one(sd_cli *cli, const char *name, const sd_cli_opt *opts,
                     int argc, char **argv, const char **arg,
                     const char *what);

/* ---- shared helpers ----------------------------------------------- */

/* Printing through the password mask. out: stdout; err: stderr. */
void sd_cli_out(sd_cli *cli, const char *fmt, ...) SD_PRINTF(2, 3);
void sd_cli_err(sd_cli *cli, const char *fmt, ...) SD_PRINTF(2, 3);
/* A warning on stderr; silent under -q. */
void sd_cli_warn(sd_cli *cli, const char *fmt, ...) SD_PRINTF(2, 3);
/* ANSI colours for sd_cli_paint. */
#define SD_CLI_GREEN "32"
#define SD_CLI_RED "31"
#define SD_CLI_YELLOW "33"
#define SD_CLI_DIM "2"
/*
 * text wrapped in the colour's escapes when the stream it goes to (stdout
 * when out, else stderr) is coloured, else text itself. Arena-allocated.
 */
const char *sd_cli_paint(sd_cli *cli, bool out, const char *color,
                         const char *text);
/* Seconds on a monotonic clock, for timings. */
double sd_cli_now(void);
/* Writes text verbatim to stdout through the mask. */
void sd_cli_write(sd_cli *cli, FILE *f, const char *text);
/* One warning per item of l (plan notes, plan warnings). */
void sd_cli_warn_each(sd_cli *cli, const sd_strlist *l);
/* Prints a cJSON document (struct cJSON *) on stdout through the mask
 * and frees it. */
struct cJSON;
void sd_cli_print_json(sd_cli *cli, struct cJSON *root);
/* "view v_users", "trigger trg on users": an object schemadiff does not
 * manage, for messages. Arena-allocated. */
const char *sd_cli_unmanaged_name(sd_cli *cli, const sd_unmanaged *u);

/* Loads the config once (discovery: -c, ./schemadiff.yaml upwards,
 * defaults). */
int sd_cli_config(sd_cli *cli, sd_config **out);
/* --database, SCHEMADIFF_DATABASE_URL, DATABASE_URL, config. */
const char *sd_cli_database_url(sd_cli *cli);
/* Opens the configured database (flags: SD_DB_OPEN_*, e.g.
 * SD_DB_OPEN_NO_CREATE for commands that only read). */
int sd_cli_open_db(sd_cli *cli, sd_db **out, unsigned flags);
int sd_cli_open_url(sd_cli *cli, const char *url, sd_db **out,
                    unsigned flags);
int sd_cli_graph(sd_cli *cli, sd_rev_graph **out);
/*
 * The config (c may be NULL), the revision graph and the database
 * (flags as sd_cli_open_db): what the commands that read or move the
 * version table start with. The caller frees *g and closes *db, which
 * are left NULL when not made.
 */
int sd_cli_graph_db(sd_cli *cli, sd_config **c, sd_rev_graph **g,
                    sd_db **db, unsigned flags);
/*
 * Checks a revision argument (an id or prefix, head, heads, base, +N, -N)
 * against g before any database is opened, so a bad one (unknown,
 * ambiguous, `head` with several heads) is bad input with nothing
 * created. stamp: head and heads need at least one revision. Relative
 * targets are checked against the database later.
 */
int sd_cli_check_target(sd_cli *cli, const sd_rev_graph *g, const char *text,
                        bool stamp);
/* Reads the version rows and resolves them to revisions. */
int sd_cli_current(sd_cli *cli, sd_db *db, const sd_rev_graph *g,
                   sd_revision ***out, size_t *n);
/* Warns about applied revisions whose file changed since they ran. */
void sd_cli_warn_edited(sd_cli *cli, sd_db *db, const sd_rev_graph *g,
                        sd_revision *const *cur, size_t ncur);
/*
 * Reads db's schema, leaving out the version table and the ignored
 * tables; on a terminal, shows on stderr where it is. *out: caller frees.
 */
/* With `privileges: true`, the models hold every grant (none listed: none). */
void sd_cli_models_privileges(const sd_config *c, sd_schema *models);
int sd_cli_introspect(sd_cli *cli, sd_db *db, sd_schema **out);
/* Loads models; normalises them through the driver when db is given,
 * taking what live (db's catalog, may be NULL) spells alike from it. */
int sd_cli_models(sd_cli *cli, const char *path, sd_db *db,
                  const sd_schema *live, sd_schema **out);
/* The plan turning from into to in dialect d, with the config's ignore
 * globs and version table; tables missing from `to` are dropped. With
 * cli->diff_online and a dialect that has online forms, index builds are
 * concurrent and enum labels may be added and used in one revision. */
int sd_cli_diff(sd_cli *cli, const sd_schema *from, const sd_schema *to,
                const sd_dialect *d, sd_plan **out);
/* The same, and *before (when not NULL): the state of `to` before the
 * change as d shows it, for another dialect's plan (sd_diff_opts.before;
 * it shares objects with from and to). */
int sd_cli_diff_before(sd_cli *cli, const sd_schema *from,
                       const sd_schema *to, const sd_dialect *d,
                       sd_plan **out, sd_schema **before);
/*
 * The dialects a revision of this project holds sections for: the
 * config's `dialects:`, else the one of `d` (the connected or configured
 * database's; NULL: from the database URL). *n of them (arena). Bad
 * input when the URL names no dialect and the config lists none.
 */
int sd_cli_dialects(sd_cli *cli, const sd_dialect *d,
                    const sd_dialect ***out, size_t *n);

/* What `check` and `generate` compare: the models against the database. */
typedef struct sd_cli_compare {
	sd_db *db;
	sd_schema *models; /* normalised through db */
	sd_schema *live;
	sd_plan *plan;     /* live -> models */
} sd_cli_compare;
/*
 * Loads the config, then the models on a second thread while the database
 * is opened (never creating a SQLite file) and introspected. Bad models
 * fail first, whatever the database said. Then calls at_open (may be NULL;
 * a non-zero return stops there), normalises the models and diffs.
 * Everything in *cmp is freed by sd_cli_compare_free, also after a failure.
 */
int sd_cli_compare_models(sd_cli *cli, sd_cli_compare *cmp,
                          int (*at_open)(sd_cli *cli, sd_db *db, void *ctx),
                          void *ctx);
void sd_cli_compare_free(sd_cli_compare *cmp);
/*
 * Where every revision of g stands on db (cmd_status.c): *st has g->n
 * entries (arena a), *npending counts those not applied.
 */
int sd_cli_status_read(sd_rev_state **st, size_t *npending, sd_arena *a,
                       sd_db *db, const sd_rev_graph *g, const char *table,
                       sd_error *err);
/* Writes a revision with several parents and empty sections (merge). */
int sd_cli_write_merge(sd_cli *cli, const char *message,
                       sd_revision *const *parents, size_t nparents,
                       const char **path);
/* One end of a range A:B (history -r, lint): empty or "base" -> NULL,
 * "head" -> the single head (NULL when several), else a revision. */
int sd_cli_range_end(sd_cli *cli, const sd_rev_graph *g, const char *text,
                     bool is_to, sd_revision **out);
/* path relative to the working directory when it lies below it. */
const char *sd_cli_display_path(sd_cli *cli, const char *path);
/* Prints the help of one command. */
void sd_cli_command_help(const sd_cli_command *cmd, FILE *f);

/* ---- fleets: one command over many targets (fleet.c) -------------- */

/* true for the commands that take targets. */
bool sd_cli_fleet_capable(const char *command);
/*
 * Whether command runs over targets: --targets, or the config's targets:
 * unless --database names one database. Bad usage (--targets with another
 * command, -j without targets) is SD_EINPUT.
 */
int sd_cli_fleet_wanted(sd_cli *cli, const char *command, bool *wanted);
/* Runs cmd over every target (argv as the command's). */
int sd_cli_fleet(sd_cli *cli, const sd_cli_command *cmd, int argc,
                 char **argv);
/*
 * The runner's options for the project of config c: its version table,
 * lock timeout, retries and batch size, and with cctx C revisions
 * compiled into the cache (the config's `cache:`, else the user's cache
 * directory). No progress reporting (cmd_upgrade.c).
 */
struct sd_capi_ctx;
void sd_cli_runner_opts(sd_runner_opts *ro, struct sd_capi_ctx *cctx,
                        sd_cli *cli, const sd_config *c);
/*
 * Prints lint findings (cmd_lint.c): one "path:line: level: message" line
 * each on stdout, with the lock and what it blocks, the statement under
 * it; or the JSON document. level: what --fail-on counts.
 */
struct sd_lint;
void sd_cli_lint_print(sd_cli *cli, const struct sd_lint *l, int level,
                       bool json);
/* Whether check reports op (cmd_check.c): not a helper step. */
bool sd_cli_op_shown(const sd_op *op);
/*
 * The differences of plan as JSON objects appended to the array diffs
 * (cmd_check.c), the one shape `check --json` and `diff --json` share:
 *     {"op", "object", "description", "where", "warning"?, "sql"?}
 * "sql" is the operation's statements in dialect d; an operation folded
 * into another (the changes of one SQLite table rebuild) lists each change,
 * the first carrying the statements of them all. "where" names the sides
 * to and from: "in models, missing in database". Returns how many.
 */
size_t sd_cli_json_differences(sd_cli *cli, struct cJSON *diffs,
                               const sd_plan *plan, const sd_dialect *d,
                               const char *to, const char *from);

/* C revisions of this project: compiled into the config's cache (else the
 * user's cache directory), the loader's warnings on stderr
 * (cmd_upgrade.c). */
struct sd_capi_ctx;
void sd_cli_capi_ctx(sd_cli *cli, struct sd_capi_ctx *cctx,
                     const sd_config *c);

/* ---- diagrams and review pages (cmd_diagram.c) -------------------- */

struct sd_diagram;
/* Writes d as format ("svg", "dot", "mermaid"; NULL: from path's
 * extension, else SVG) to path (atomically), or stdout when path is NULL. */
int sd_cli_write_diagram(sd_cli *cli, const struct sd_diagram *d,
                         const char *format, const char *path);
/* "head" (when there is one) or a revision id or unique prefix. */
int sd_cli_lookup_revision(sd_cli *cli, const sd_rev_graph *g,
                           const char *text, sd_revision **out);
/* What one revision changes, from replaying the revision files. */
typedef struct sd_cli_change {
	sd_schema *before;        /* the revision's parents applied */
	sd_schema *after;         /* and the revision too */
	sd_plan *plan;            /* before -> after */
	const sd_dialect *dialect; /* the revision's (the replay's) */
} sd_cli_change;
/*
 * Replays the revision files up to r's parents and then r on a scratch
 * database of r's dialect (PostgreSQL: on dev_database, else the config's
 * dev_database, else the configured server) and diffs the two states.
 * Free *out with sd_cli_change_free, also after a failure.
 */
int sd_cli_revision_change(sd_cli *cli, const sd_rev_graph *g,
                           sd_revision *r, const char *dev_database,
                           sd_cli_change *out);
void sd_cli_change_free(sd_cli_change *ch);
/*
 * Options for a replay on a scratch database of drv's kind (the project's
 * version table, ignore list and C revisions; ro->runner = run, cctx
 * filled). PostgreSQL's server: dev_database, else the config's
 * dev_database, else (configured_server) the configured database's
 * server; none is bad input "WHAT: replaying it needs a postgresql
 * server" with a hint.
 */
struct sd_replay_opts;
int sd_cli_replay_opts(sd_cli *cli, const sd_db_driver *drv,
                       const char *dev_database, bool configured_server,
                       const char *what, struct sd_replay_opts *ro,
                       sd_runner_opts *run, struct sd_capi_ctx *cctx);
int sd_cli_replay_revision(sd_cli *cli, sd_revision *r, const sd_rev_graph *g,
                           const char *dev_database, sd_schema **before,
                           sd_schema **after, const sd_dialect **dialect);
/*
 * The models as a database of drv's kind normalises them (PostgreSQL: the
 * replay's server; SQLite: as written) and the schema the revision files
 * produce at the graph's heads on a scratch database of that kind
 * (sd_cli_replay_opts, never the configured server). WHAT names the
 * sections in errors. Both new schemas; neither set on failure.
 */
int sd_cli_replayed(sd_cli *cli, const sd_rev_graph *g,
                    const sd_db_driver *drv, const char *dev_database,
                    const char *what, sd_schema **models,
                    sd_schema **replayed);
/* `check --diagram PATH`: what the models add, drop and change against
 * the database, marked, the changed tables and their neighbours only;
 * the format from path's extension. */
int sd_cli_drift_diagram(sd_cli *cli, const sd_cli_compare *cmp,
                         const char *path);
/* `show REV --html`: writes r's review page to output (NULL: stdout)
 * (cmd_review.c). */
int sd_cli_show_html(sd_cli *cli, const sd_rev_graph *g, sd_revision *r,
                     const char *output, const char *dev_database);

/* ---- command groups (one file each) ------------------------------ */

int sd_cmd_init(sd_cli *cli, int argc, char **argv);
int sd_cmd_generate(sd_cli *cli, int argc, char **argv);
int sd_cmd_revision(sd_cli *cli, int argc, char **argv);
int sd_cmd_upgrade(sd_cli *cli, int argc, char **argv);
int sd_cmd_downgrade(sd_cli *cli, int argc, char **argv);
int sd_cmd_stamp(sd_cli *cli, int argc, char **argv);
int sd_cmd_current(sd_cli *cli, int argc, char **argv);
int sd_cmd_status(sd_cli *cli, int argc, char **argv);
int sd_cmd_heads(sd_cli *cli, int argc, char **argv);
int sd_cmd_branches(sd_cli *cli, int argc, char **argv);
int sd_cmd_history(sd_cli *cli, int argc, char **argv);
int sd_cmd_show(sd_cli *cli, int argc, char **argv);
int sd_cmd_merge(sd_cli *cli, int argc, char **argv);
int sd_cmd_check(sd_cli *cli, int argc, char **argv);
int sd_cmd_lint(sd_cli *cli, int argc, char **argv);
int sd_cmd_diff(sd_cli *cli, int argc, char **argv);
int sd_cmd_dump(sd_cli *cli, int argc, char **argv);
int sd_cmd_diagram(sd_cli *cli, int argc, char **argv);

const sd_cli_command *sd_cli_find_command(const char *name);

/* ---- usage.c: help, `help`, --version ----------------------------- */

/* The program's usage: every command and the global options. */
void sd_cli_usage(FILE *f);
/* `help [COMMAND]`. */
int sd_cli_help(sd_cli *cli, int argc, char **argv);
/* SD_EINPUT for an unknown command, with the nearest one as a hint. */
int sd_cli_unknown_command(sd_cli *cli, const char *name);
void sd_cli_print_version(void);

/* ---- opt.c: global options ---------------------------------------- */

/*
 * The global options, accepted before the command and after it, as users
 * type them (`schemadiff upgrade --database URL`). Returns 1 when argv[*i]
 * was one (and advances *i past its value), 2 when its value is missing,
 * else 0.
 */
int sd_cli_global_option(sd_cli *cli, int argc, char **argv, int *i);
/* Turns --color WHEN into colour on stderr and on stdout, each only on a
 * terminal under "auto". */
int sd_cli_resolve_color(sd_cli *cli);
/* Parses the global options up to the command name into cli; *cmd_index
 * gets its index. Returns -1 after --help or --version (exit 0). */
int sd_cli_parse_global(sd_cli *cli, int argc, char **argv, int *cmd_index);

/* Writes a schema as models YAML (cmd_dump.c; also used by tests). */
void sd_cli_schema_yaml(sd_buf *out, const sd_schema *s);
/* A YAML scalar: plain when that reads back the same, else quoted. */
void sd_cli_yaml_scalar(sd_buf *out, const char *s);
/* dump_logic.c: a table's triggers, policies, rules and row-level
 * security (inside its mapping), and the schema's views, functions,
 * procedures and grants (top-level lists). */
void sd_cli_table_logic_yaml(sd_buf *out, const sd_schema *s,
                             const sd_table *t);
void sd_cli_logic_yaml(sd_buf *out, const sd_schema *s);

#endif
