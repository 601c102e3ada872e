/*
 * cmd_diagram.c - `diagram`: entity-relationship diagrams of the models,
 * the database or one revision's change; and the helpers `show --html`
 * and `check --diagram` share with it (replaying a revision, writing a
 * diagram in a format).
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include "capi/capi.h"
#include "diagram/diagram.h"
#include "revision/replay.h"

/* What `--format` (or the output file's extension) asks for. */
typedef enum diagram_format {
	FORMAT_SVG = 0,
	FORMAT_DOT,
	FORMAT_MERMAID,
} diagram_format;

/*
 * --format wins; else the extension of path (.svg, .dot/.gv, .mmd/.mermaid/
 * .md); else SVG.
 */
static int pick_format(sd_cli *cli, const char *format, const char *path,
                       diagram_format *out)
{
	static const struct {
		const char *name;
		diagram_format f;
	} names[] = {
		{"svg", FORMAT_SVG}, {"dot", FORMAT_DOT}, {"gv", FORMAT_DOT},
		{"mermaid", FORMAT_MERMAID}, {"mmd", FORMAT_MERMAID},
	};
	const char *ext = path ? strrchr(path, '.') : NULL;
	size_t i;

	*out = FORMAT_SVG;
	if (format) {
		for (i = 0; i < SD_ARRAY_LEN(names); i++)
			if (strcmp(format, names[i].name) == 0) {
				*out = names[i].f;
				return SD_OK;
			}
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--format must be svg, dot or mermaid, not '%s'",
		                    format);
	}
	if (ext && (strcmp(ext, ".md") == 0 || strcmp(ext, ".mermaid") == 0)) {
		*out = FORMAT_MERMAID;
		return SD_OK;
	}
	for (i = 0; ext && i < SD_ARRAY_LEN(names); i++)
		if (strcmp(ext + 1, names[i].name) == 0)
			*out = names[i].f;
	return SD_OK;
}

int sd_cli_write_diagram(sd_cli *cli, const sd_diagram *d,
                         const char *format, const char *path)
{
	diagram_format f;
	sd_buf out = SD_BUF_INIT;
	int rc = pick_format(cli, format, path, &f);

	if (rc)
		return rc;
	if (f == FORMAT_DOT)
		sd_diagram_dot(&out, d);
	else if (f == FORMAT_MERMAID)
		sd_diagram_mermaid(&out, d);
	else
		rc = sd_diagram_svg(&out, d, &cli->err);
	if (!rc && path)
		rc = sd_file_write_atomic(path, out.data ? out.data : "", out.len,
		                          &cli->err);
	else if (!rc)
		fwrite(out.data ? out.data : "", 1, out.len, stdout);
	sd_buf_free(&out);
	return rc;
}

int sd_cli_drift_diagram(sd_cli *cli, const sd_cli_compare *cmp,
                         const char *path)
{
	sd_diagram *d = sd_diagram_of_change(cmp->live, cmp->models, cmp->plan);
	sd_buf url = SD_BUF_INIT;
	int rc;

	/* the file is not written through the password mask: mask here */
	sd_mask_password(&url, sd_cli_database_url(cli));
	d->title = sd_arena_printf(d->arena, "%s: the models against %s",
	                           cmp->plan->nops ? "drift" : "no drift",
	                           sd_buf_cstr(&url));
	sd_buf_free(&url);
	sd_diagram_changed_only(d);
	rc = sd_cli_write_diagram(cli, d, NULL, path);
	if (!rc)
		sd_cli_err(cli, "wrote %s", sd_cli_display_path(cli, path));
	sd_diagram_free(d);
	return rc;
}

/* The driver whose dialect a revision is written in: its header, else
 * the configured database's. Drivers and dialects share their names. */
static const sd_db_driver *revision_driver(sd_cli *cli, const sd_revision *r)
{
	static const sd_db_driver *const drivers[] = {&sd_driver_sqlite,
	                                              &sd_driver_postgres};
	const sd_dialect *d = r->dialect ? sd_dialect_find(r->dialect) : NULL;
	size_t i;

	if (!d) {
		const sd_db_driver *drv = sd_db_driver_for_url(sd_cli_database_url(cli));
		return drv ? drv : &sd_driver_sqlite;
	}
	for (i = 0; i < SD_ARRAY_LEN(drivers); i++)
		if (strcmp(drivers[i]->name, d->name) == 0)
			return drivers[i];
	return &sd_driver_sqlite;
}

int sd_cli_replay_opts(sd_cli *cli, const sd_db_driver *drv,
                       const char *dev_database, bool configured_server,
                       const char *what, sd_replay_opts *ro,
                       sd_runner_opts *run, sd_capi_ctx *cctx)
{
	sd_config *c;
	int rc = sd_cli_config(cli, &c);

	if (rc)
		return rc;
	memset(ro, 0, sizeof(*ro));
	memset(run, 0, sizeof(*run));
	sd_cli_capi_ctx(cli, cctx, c);
	sd_capi_runner_opts(run, cctx);
	ro->driver = drv;
	ro->version_table = c->version_table;
	ro->ignore = c->ignore;
	ro->runner = run;
	if (drv->scratch_open != sd_driver_sqlite.scratch_open) {
		const char *url = dev_database ? dev_database : c->dev_database;
		if (!url && configured_server &&
		    sd_db_driver_for_url(sd_cli_database_url(cli)) == drv)
			url = sd_cli_database_url(cli);
		if (!url) {
			rc = sd_error_set(&cli->err, SD_EINPUT,
			                  "%s: replaying it needs a %s server", what,
			                  drv->name);
			sd_error_hint(&cli->err, "give --dev-database URL, or dev_database: in schemadiff.yaml");
			return rc;
		}
		ro->server_url = url;
	}
	return SD_OK;
}

int sd_cli_replay_revision(sd_cli *cli, sd_revision *r, const sd_rev_graph *g,
                           const char *dev_database, sd_schema **before,
                           sd_schema **after, const sd_dialect **dialect)
{
	sd_replay_opts ro;
	sd_runner_opts run;
	sd_capi_ctx cctx;
	const sd_db_driver *drv = revision_driver(cli, r);
	int rc = sd_cli_replay_opts(cli, drv, dev_database, true,
	                            sd_arena_printf(cli->arena,
	                                            "revision %s is for %s",
	                                            r->id, drv->name),
	                            &ro, &run, &cctx);

	if (rc)
		return rc;
	*dialect = sd_dialect_find(ro.driver->name);
	return sd_replay_revision(before, after, g, r, &ro, &cli->err);
}

int sd_cli_replayed(sd_cli *cli, const sd_rev_graph *g,
                    const sd_db_driver *drv, const char *dev_database,
                    const char *what, sd_schema **models,
                    sd_schema **replayed)
{
	sd_config *c;
	sd_replay_opts ro;
	sd_runner_opts run;
	sd_capi_ctx cctx;
	sd_db *server = NULL;
	int rc = sd_cli_config(cli, &c);

	*models = *replayed = NULL;
	if (!rc)
		rc = sd_cli_replay_opts(cli, drv, dev_database, false, what, &ro,
		                        &run, &cctx);
	if (!rc && ro.server_url)
		rc = sd_cli_open_url(cli, ro.server_url, &server,
		                     SD_DB_OPEN_NO_CREATE);
	if (!rc)
		rc = sd_cli_models(cli, c->models, server, NULL, models);
	sd_db_close(server);
	if (!rc)
		rc = sd_replay_schema(replayed, g, "heads", &ro, &cli->err);
	if (rc) {
		sd_schema_free(*models);
		*models = NULL;
	}
	return rc;
}

/* "head" (the one head) or an id or unique prefix. */
int sd_cli_lookup_revision(sd_cli *cli, const sd_rev_graph *g,
                           const char *text, sd_revision **out)
{
	if (strcmp(text, "head") == 0) {
		if (g->nheads != 1)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    g->nheads ? "there are several heads; name one"
			                              : "there are no revisions");
		*out = g->heads[0];
		return SD_OK;
	}
	return sd_rev_graph_lookup(out, g, text, &cli->err);
}

int sd_cli_revision_change(sd_cli *cli, const sd_rev_graph *g,
                           sd_revision *r, const char *dev_database,
                           sd_cli_change *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = sd_cli_replay_revision(cli, r, g, dev_database, &out->before,
	                            &out->after, &out->dialect);
	if (!rc)
		rc = sd_cli_diff(cli, out->before, out->after, out->dialect,
		                 &out->plan);
	if (rc)
		sd_cli_change_free(out);
	return rc;
}

void sd_cli_change_free(sd_cli_change *ch)
{
	sd_plan_free(ch->plan);
	sd_schema_free(ch->before);
	sd_schema_free(ch->after);
	memset(ch, 0, sizeof(*ch));
}

/*
 * `diagram --database` names the source, but --database URL is also the
 * global option: a bare --database (last, or before another option) is
 * the source flag; --database URL both names the database and, unless
 * --revision or --models is given, makes it the source.
 */
static char **database_flag(sd_cli *cli, int argc, char **argv, bool *flag,
                            bool *with_url)
{
	char **out = sd_arena_alloc(cli->arena, ((size_t)argc + 1) * sizeof(char *));
	int i;

	for (i = 0; i < argc; i++) {
		out[i] = argv[i];
		if (i == 0)
			continue;
		if (strcmp(argv[i], "--database") == 0 &&
		    (i + 1 == argc || argv[i + 1][0] == '-')) {
			out[i] = "--database-source";
			*flag = true;
		} else if (strcmp(argv[i], "--database") == 0 ||
		           sd_startswith(argv[i], "--database=")) {
			*with_url = true;
		}
	}
	return out;
}

int sd_cmd_diagram(sd_cli *cli, int argc, char **argv)
{
	const char *revision = NULL, *format = NULL, *output = NULL;
	const char *around = NULL, *depth_text = NULL, *dev = NULL;
	bool models = false, database = false, database_url = false;
	const sd_cli_opt opts[] = {
		{"revision", 'r', true, &revision, NULL},
		{"models", 0, false, NULL, &models},
		{"database-source", 0, false, NULL, &database},
		{"format", 'f', true, &format, NULL},
		{"output", 'o', true, &output, NULL},
		{"around", 0, true, &around, NULL},
		{"depth", 0, true, &depth_text, NULL},
		{"dev-database", 0, true, &dev, NULL},
		{0},
	};
	sd_config *c;
	sd_schema *s = NULL;
	sd_rev_graph *g = NULL;
	sd_db *db = NULL;
	sd_diagram *d = NULL;
	sd_cli_change ch = {0};
	diagram_format f;
	unsigned long depth = 1;
	int rc;

	argv = database_flag(cli, argc, argv, &database, &database_url);
	rc = sd_cli_parse_options(cli, "diagram", opts, argc, argv,
	                          "a revision goes after --revision: --revision REV");
	if (rc)
		return rc;
	if (database_url && !revision && !models)
		database = true;
	if ((revision != NULL) + models + database > 1)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--revision, --models and --database are alternatives: give one");
	if (depth_text) {
		char *end;
		if (!around)
			return sd_error_set(&cli->err, SD_EINPUT, "--depth needs --around TABLE");
		depth = strtoul(depth_text, &end, 10);
		if (*end || !*depth_text || depth > 1000)
			return sd_error_set(&cli->err, SD_EINPUT,
			                    "--depth must be a number of hops from 0 to 1000, not '%s'",
			                    depth_text);
	}
	rc = pick_format(cli, format, output, &f);
	if (!rc)
		rc = sd_cli_config(cli, &c);
	if (rc)
		return rc;
	if (revision) {
		sd_revision *r;
		rc = sd_cli_graph(cli, &g);
		if (!rc)
			rc = sd_cli_lookup_revision(cli, g, revision, &r);
		if (!rc)
			rc = sd_cli_revision_change(cli, g, r, dev, &ch);
		if (!rc) {
			d = sd_diagram_of_change(ch.before, ch.after, ch.plan);
			d->title = sd_arena_printf(d->arena, "revision %s: %s", r->id,
			                           r->message ? r->message : "");
			if (!around)
				sd_diagram_changed_only(d);
		}
	} else if (database) {
		rc = sd_cli_open_db(cli, &db, SD_DB_OPEN_NO_CREATE);
		if (!rc)
			rc = sd_cli_introspect(cli, db, &s);
		if (!rc)
			d = sd_diagram_of_schema(s);
	} else {
		rc = sd_cli_models(cli, c->models, NULL, NULL, &s);
		if (!rc)
			d = sd_diagram_of_schema(s);
	}
	if (!rc && around)
		rc = sd_diagram_around(d, around, (unsigned)depth, &cli->err);
	if (!rc)
		rc = sd_cli_write_diagram(cli, d, format, output);
	if (!rc && output)
		sd_cli_err(cli, "wrote %s", sd_cli_display_path(cli, output));
	sd_diagram_free(d);
	sd_cli_change_free(&ch);
	sd_schema_free(s);
	sd_db_close(db);
	sd_rev_graph_free(g);
	return rc;
}
