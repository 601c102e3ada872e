/*
 * cmd_generate.c - `generate` (models vs database -> a revision) and
 * `revision` (an empty revision to fill in by hand).
 */
#include "cli/cli.h"

#include <string.h>

#include "capi/capi.h"
#include "revision/lint.h"

/*
 * Refuses to generate on top of a database that is not at the single head:
 * a revision diffed against an old database would repeat the changes of the
 * revisions not yet applied.
 */
static int require_at_head(sd_cli *cli, sd_db *db, void *graph)
{
	const sd_rev_graph *g = graph;
	sd_revision **cur;
	size_t ncur;
	int rc;

	if (g->nheads > 1)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "there are %zu heads (%s, %s%s); run `schemadiff merge -m MSG heads` first",
		                    g->nheads, g->heads[0]->id, g->heads[1]->id,
		                    g->nheads > 2 ? ", ..." : "");
	rc = sd_cli_current(cli, db, g, &cur, &ncur);
	if (rc)
		return rc;
	if (g->nheads == 1 && (ncur != 1 || cur[0] != g->heads[0]))
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "the database is not at head (%s is at %s, head is %s); run `schemadiff upgrade` first",
		                    db->display_url ? db->display_url : "database",
		                    ncur ? cur[0]->id : "base", g->heads[0]->id);
	return SD_OK;
}

static int check_format(sd_cli *cli, const char *format)
{
	if (strcmp(format, "sql") == 0)
		return SD_OK;
	if (strcmp(format, "c") == 0)
		return SD_OK;
	return sd_error_set(&cli->err, SD_EINPUT,
	                    "--format must be sql or c, not '%s'", format);
}

/* Fills the header fields every new revision shares. */
static int new_revision(sd_cli *cli, sd_revision *r, const char *message,
                        sd_revision *const *parents, size_t nparents,
                        const char *dialect)
{
	char now[32];
	size_t i;
	int rc;

	memset(r, 0, sizeof(*r));
	rc = sd_rev_new_id(r->id, &cli->err);
	if (rc)
		return rc;
	sd_rev_now(now);
	r->created = sd_arena_strdup(cli->arena, now);
	r->message = message;
	r->dialect = dialect;
	r->parents = sd_arena_alloc(cli->arena, (nparents + 1) * sizeof(char *));
	for (i = 0; i < nparents; i++)
		r->parents[i] = parents[i]->id;
	r->nparents = nparents;
	return SD_OK;
}

/* What `generate` and `revision` share: -m and --format, the project's
 * configuration and its revision graph. */
typedef struct {
	const char *message, *format;
	sd_config *c;
	sd_rev_graph *g;
} rev_args;

/* Parses OPTS (which bind a->message and a->format), requires a message,
 * and loads the configuration and the graph; the caller frees a->g. */
static int rev_start(sd_cli *cli, const char *cmd, const sd_cli_opt *opts,
                     int argc, char **argv, rev_args *a, const char *example)
{
	int rc = sd_cli_parse_options(cli, cmd, opts, argc, argv,
	                              "the message goes after -m");

	if (rc)
		return rc;
	if (!a->message || !*a->message)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "%s needs a message: -m \"%s\"", cmd, example);
	rc = sd_cli_config(cli, &a->c);
	if (rc)
		return rc;
	if (!a->format)
		a->format = a->c->format;
	rc = check_format(cli, a->format);
	if (rc)
		return rc;
	return sd_cli_graph(cli, &a->g);
}

/* Writes revision R in the chosen format, a C file from PLAN or SQL, then
 * prints PLAN's warnings and the new file's path. */
static int rev_write(sd_cli *cli, const rev_args *a, const sd_revision *r,
                     const sd_plan *plan, const sd_dialect *d,
                     const char *up, const char *down)
{
	const char *path;
	int rc;

	if (strcmp(a->format, "c") == 0)
		rc = sd_capi_write(&path, cli->arena, a->c->versions, r, plan,
		                   d, &cli->err);
	else
		rc = sd_rev_write_sql(&path, cli->arena, a->c->versions, r, up,
		                      down, &cli->err);
	if (rc)
		return rc;
	if (plan)
		sd_cli_warn_each(cli, &plan->warnings);
	sd_cli_out(cli, "%s", sd_cli_display_path(cli, path));
	return rc;
}

/*
 * Models without a single table against a database that has tables: most
 * likely the wrong models path or an emptied file, and the revision would
 * drop every table. Bad input unless --allow-empty says it is meant.
 */
static int refuse_empty_models(sd_cli *cli, const sd_config *c,
                               const sd_cli_compare *cmp)
{
	if (cmp->models->ntables > 0 || cmp->live->ntables == 0)
		return SD_OK;
	sd_error_add(&cli->err, SD_EINPUT, sd_cli_display_path(cli, c->models),
	             0, 0, NULL,
	             "the models declare no table, and %s has %zu: the revision would drop every table",
	             sd_cli_database_url(cli),
	             cmp->live->ntables);
	sd_error_hint(&cli->err, "pass --allow-empty if that is what you want");
	return SD_EINPUT;
}

/* One revision to write: its plan, message and the SQL emitted for it. */
typedef struct gen_rev {
	const sd_plan *plan;
	const char *message;
	sd_buf up, down;
	bool steps;
	sd_revision r;
} gen_rev;

/*
 * The sizes of the tables a rewrite warning names, from the catalog, put
 * into the warning with the lock it holds meanwhile: "... (rewrites users;
 * users: ~1000000 rows, 87 MB; ACCESS EXCLUSIVE for the whole rewrite,
 * which blocks reads and writes)". The catalog is asked once per table;
 * a database that cannot say leaves the warnings as they are.
 */
static void size_warnings(sd_cli *cli, sd_plan *plan, const sd_schema *live,
                          const sd_dialect *d)
{
	sd_db *db = NULL;
	sd_error ignore = SD_ERROR_INIT;
	size_t i, t, k;

	for (i = 0; i < plan->nops && !db; i++)
		if (plan->ops[i]->hazards & SD_HAZARD_REWRITE)
			sd_cli_open_db(cli, &db, SD_DB_OPEN_NO_CREATE);
	if (!db || !db->driver->table_size)
		goto done;
	/* the opened db's diagnostics belong to no command output */
	sd_error_clear(&cli->err);
	memset(&plan->warnings, 0, sizeof(plan->warnings));
	for (i = 0; i < plan->nops; i++) {
		sd_op *op = plan->ops[i];
		const sd_object *en = op->obj_new ? op->obj_new : op->obj_old;
		sd_buf w = SD_BUF_INIT;
		sd_op_lock lk;
		if (!(op->hazards & SD_HAZARD_REWRITE) || !op->warning)
			goto next;
		sd_buf_put(&w, op->warning);
		for (t = 0; t < live->ntables; t++) {
			const sd_table *tb = live->tables[t];
			bool uses = op->table &&
			            sd_streq(op->table->base.name, tb->base.name) &&
			            sd_streq(sd_namespace_key(op->table->base.schema),
			                     sd_namespace_key(tb->base.schema));
			double rows;
			long long bytes;
			for (k = 0; !op->table && en && k < tb->ncolumns; k++)
				uses |= tb->columns[k]->type.kind == SD_T_ENUM &&
				        sd_streq(tb->columns[k]->type.name, en->name);
			if (!uses || db->driver->table_size(db, tb->base.schema,
			                                    tb->base.name, &rows,
			                                    &bytes, &ignore))
				continue;
			sd_buf_printf(&w, "; %s: ~%.0f rows, %.1f MB",
			              sd_qualified_name(cli->arena, tb->base.schema,
			                                tb->base.name),
			              rows < 0 ? 0 : rows,
			              (double)bytes / (1024.0 * 1024.0));
		}
		d->op_lock(&lk, op);
		sd_buf_printf(&w, "; %s for the whole rewrite, which blocks %s",
		              lk.lock, lk.blocks);
		op->warning = sd_arena_strdup(plan->arena, sd_buf_cstr(&w));
		sd_buf_free(&w);
next:
		if (op->warning)
			sd_strlist_push(plan->arena, &plan->warnings, op->warning);
	}
done:
	sd_error_clear(&ignore);
	sd_db_close(db);
}

/*
 * The hazards of the SQL about to be written (`--fail-on`), with the
 * same rules as `lint`: exit 1 (and nothing written) at or above the
 * level.
 */
static int gate(sd_cli *cli, const sd_dialect *d, gen_rev *revs, size_t n,
                sd_lint_level level)
{
	sd_lint l;
	size_t i, hits;
	int rc = SD_OK;

	sd_lint_init(&l);
	for (i = 0; i < n && !rc; i++) {
		sd_rev_step *steps;
		size_t nsteps;
		sd_revision r = revs[i].r;
		r.path = sd_arena_printf(cli->arena, "(%s)", revs[i].message);
		r.steps = revs[i].steps;
		rc = sd_rev_steps(&steps, &nsteps, l.a, &r,
		                  sd_buf_cstr(&revs[i].up), 1,
		                  sd_sql_lang_of(d->name), &cli->err);
		if (!rc)
			sd_lint_steps(&l, d, &r, steps, nsteps);
	}
	hits = rc ? 0 : sd_lint_count(&l, level);
	if (hits) {
		sd_cli_lint_print(cli, &l, level, false);
		rc = 1;
		sd_cli_err(cli, "%zu hazard%s at %s or above: nothing written",
		           hits, hits == 1 ? "" : "s", sd_lint_level_name(level));
	}
	sd_lint_free(&l);
	return rc;
}

int sd_cmd_generate(sd_cli *cli, int argc, char **argv)
{
	rev_args a = {0};
	bool sql_only = false, allow_empty = false, staged = false;
	bool no_online = false;
	const char *fail_on = NULL;
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &a.message, NULL},
		{"format", 0, true, &a.format, NULL},
		{"sql", 0, false, NULL, &sql_only},
		{"allow-empty", 0, false, NULL, &allow_empty},
		{"staged", 0, false, NULL, &staged},
		{"no-online", 0, false, NULL, &no_online},
		{"fail-on", 0, true, &fail_on, NULL},
		{0},
	};
	sd_cli_compare cmp = {0};
	sd_plan *expand = NULL, *contract = NULL;
	const sd_dialect *d;
	sd_lint_level level = SD_LINT_BLOCKING;
	sd_emit_opts eo = {0};
	gen_rev revs[2];
	size_t n = 1, i;
	int rc;

	memset(revs, 0, sizeof(revs));
	rc = rev_start(cli, "generate", opts, argc, argv, &a, "what changed");
	if (!rc && fail_on && !sd_lint_level_parse(fail_on, &level))
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "--fail-on takes info, warning, blocking or data-loss, not '%s'",
		                  fail_on);
	if (rc)
		goto done;
	eo.online = !no_online && strcmp(a.format, "sql") == 0;
	cli->diff_online = eo.online;
	rc = sd_cli_compare_models(cli, &cmp, require_at_head, a.g);
	if (rc)
		goto done;
	if (!allow_empty) {
		rc = refuse_empty_models(cli, a.c, &cmp);
		if (rc)
			goto done;
	}
	d = sd_db_dialect(cmp.db);
	sd_cli_warn_each(cli, &cmp.plan->notes);
	if (cmp.plan->nops == 0) {
		if (cli->verbosity >= 0)
			sd_cli_out(cli, "no changes");
		goto done;
	}
	size_warnings(cli, cmp.plan, cmp.live, d);
	revs[0].plan = cmp.plan;
	revs[0].message = a.message;
	if (staged) {
		rc = sd_plan_stage(&expand, &contract, cmp.plan);
		if (rc)
			goto done;
		if (contract->nops && expand->nops) {
			revs[0].plan = expand;
			revs[0].message = sd_arena_printf(cli->arena, "%s (expand)",
			                                  a.message);
			revs[1].plan = contract;
			revs[1].message = sd_arena_printf(cli->arena,
			                                  "%s (contract)", a.message);
			n = 2;
		} else {
			sd_cli_warn(cli, "--staged: nothing needs the application deployed in between; writing one revision");
		}
	}
	for (i = 0; i < n && !rc; i++)
		rc = sd_emit_plan_opts(&revs[i].up, &revs[i].down, revs[i].plan,
		                       d, &eo, &revs[i].steps, &cli->err);
	if (!rc && fail_on)
		rc = gate(cli, d, revs, n, level);
	if (rc)
		goto done;
	if (sql_only) {
		for (i = 0; i < n; i++) {
			if (n > 1)
				printf("-- %s\n", revs[i].message);
			sd_cli_write(cli, stdout, sd_buf_cstr(&revs[i].up));
		}
		fflush(stdout);
		sd_cli_warn_each(cli, &cmp.plan->warnings);
		goto done;
	}
	for (i = 0; i < n && !rc; i++) {
		sd_revision *const *parents = i ? (sd_revision *const[]){&revs[0].r}
		                                : a.g->heads;
		rc = new_revision(cli, &revs[i].r, revs[i].message, parents,
		                  i ? 1 : a.g->nheads, d->name);
		if (rc)
			break;
		revs[i].r.warnings = revs[i].plan->warnings;
		revs[i].r.steps = revs[i].steps;
		revs[i].r.no_transaction = !revs[i].steps &&
		                           revs[i].plan->no_transaction;
		rc = rev_write(cli, &a, &revs[i].r, revs[i].plan, d,
		               sd_buf_cstr(&revs[i].up),
		               sd_buf_cstr(&revs[i].down));
	}
done:
	for (i = 0; i < 2; i++) {
		sd_buf_free(&revs[i].up);
		sd_buf_free(&revs[i].down);
	}
	sd_plan_free(expand);
	sd_plan_free(contract);
	sd_cli_compare_free(&cmp);
	sd_rev_graph_free(a.g);
	return rc;
}

/* The dialect a hand-written revision is for: the configured database's,
 * when the URL names one; nothing is opened. */
static const char *configured_dialect(sd_cli *cli)
{
	const char *url = sd_cli_database_url(cli);
	const sd_db_driver *d = sd_db_driver_for_url(url);

	return d ? sd_dialect_find(d->name)->name : NULL;
}

int sd_cmd_revision(sd_cli *cli, int argc, char **argv)
{
	rev_args a = {0};
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &a.message, NULL},
		{"format", 0, true, &a.format, NULL},
		{0},
	};
	sd_revision r;
	int rc;

	rc = rev_start(cli, "revision", opts, argc, argv, &a, "what it does");
	if (rc)
		goto done;
	if (a.g->nheads > 1) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "there are %zu heads; run `schemadiff merge -m MSG heads` first",
		                  a.g->nheads);
		goto done;
	}
	rc = new_revision(cli, &r, a.message, a.g->heads, a.g->nheads,
	                  configured_dialect(cli));
	if (!rc)
		rc = rev_write(cli, &a, &r, NULL, NULL, "", "");
done:
	sd_rev_graph_free(a.g);
	return rc;
}

/* Used by cmd_merge.c: a revision with several parents, empty sections. */
int sd_cli_write_merge(sd_cli *cli, const char *message,
                       sd_revision *const *parents, size_t nparents,
                       const char **path)
{
	sd_config *c;
	sd_revision r;
	int rc = sd_cli_config(cli, &c);

	if (!rc)
		rc = new_revision(cli, &r, message, parents, nparents,
		                  configured_dialect(cli));
	if (!rc)
		rc = sd_rev_write_sql(path, cli->arena, c->versions, &r, "", "",
		                      &cli->err);
	return rc;
}
