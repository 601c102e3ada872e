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

/* One dialect's part of a revision: its plan and its two sections. */
typedef struct dialect_part {
	const sd_dialect *d;
	sd_plan *plan;        /* owned unless it is the compare's */
	bool own_plan;
	sd_buf up, down;
	bool steps;           /* the sections were written in steps */
	/* the schemas a replayed plan points into (parts_plan) */
	sd_schema *models, *replayed;
} dialect_part;

/* A revision's parts, one per dialect of the project. */
typedef struct rev_parts {
	dialect_part *p;
	size_t n;
	sd_schema *before;    /* the models' state before, for the others */
} rev_parts;

static void parts_free(rev_parts *rp)
{
	size_t i;

	for (i = 0; i < rp->n; i++) {
		if (rp->p[i].own_plan)
			sd_plan_free(rp->p[i].plan);
		sd_buf_free(&rp->p[i].up);
		sd_buf_free(&rp->p[i].down);
		sd_schema_free(rp->p[i].models);
		sd_schema_free(rp->p[i].replayed);
	}
	sd_schema_free(rp->before);
	memset(rp, 0, sizeof(*rp));
}

/* Allocates rp's n parts with empty sections; the caller sets each d. */
static void parts_alloc(sd_cli *cli, rev_parts *rp, size_t n)
{
	size_t i;

	rp->p = sd_arena_alloc(cli->arena, (n + 1) * sizeof(*rp->p));
	rp->n = n;
	for (i = 0; i < n; i++) {
		rp->p[i].up = (sd_buf)SD_BUF_INIT;
		rp->p[i].down = (sd_buf)SD_BUF_INIT;
	}
}

/* Sets up one part per dialect of the project (connected: the database
 * generate reads, or NULL). */
static int parts_init(sd_cli *cli, rev_parts *rp, const sd_dialect *connected)
{
	const sd_dialect **ds;
	size_t n, i;
	int rc = sd_cli_dialects(cli, connected, &ds, &n);

	if (rc)
		return rc;
	if (connected) {
		for (i = 0; i < n && ds[i] != connected; i++)
			;
		if (i == n) {
			sd_error_set(&cli->err, SD_EINPUT,
			             "the database is %s, which 'dialects:' in %s does not list",
			             connected->name,
			             cli->config->path ? sd_cli_display_path(cli, cli->config->path)
			                               : "schemadiff.yaml");
			sd_error_hint(&cli->err, "add %s to 'dialects:', or generate against a database of a listed dialect",
			              connected->name);
			return SD_EINPUT;
		}
	}
	parts_alloc(cli, rp, n);
	for (i = 0; i < n; i++)
		rp->p[i].d = ds[i];
	return SD_OK;
}

/* Fills the header fields every new revision shares. */
static int new_revision(sd_cli *cli, sd_revision *r, const char *message,
                        sd_revision *const *parents, size_t nparents,
                        const rev_parts *rp)
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
	if (rp) {
		const char **names = sd_arena_alloc(cli->arena,
		                                    (rp->n + 1) * sizeof(char *));
		for (i = 0; i < rp->n; i++)
			names[i] = rp->p[i].d->name;
		sd_rev_set_dialects(r, cli->arena, names, rp->n);
	}
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

/* true when every operation of p creates something: nothing the lifted
 * state would have to remember (the old side of a drop or change). */
static bool plan_only_creates(const sd_plan *p)
{
	size_t i;

	for (i = 0; i < p->nops; i++)
		switch (p->ops[i]->kind) {
		case SD_OP_CREATE_NAMESPACE:
		case SD_OP_CREATE_ENUM:
		case SD_OP_CREATE_TABLE:
		case SD_OP_ADD_COLUMN:
		case SD_OP_ADD_CONSTRAINT:
		case SD_OP_CREATE_INDEX:
		case SD_OP_CREATE_OBJECT:
			break;
		default:
			return false;
		}
	return true;
}

/*
 * Another dialect's plan, lifted: from the models' state before the
 * change as the connected database shows it (sd_diff_opts.before, shared
 * by every lifted dialect). Exact for what that database keeps; a warning
 * when the plan drops or changes something, whose old state it may keep
 * only in part (always, with ALWAYS).
 */
static int part_lifted(sd_cli *cli, rev_parts *rp, dialect_part *p,
                       sd_cli_compare *cmp, const char *why, bool always)
{
	const sd_dialect *conn = sd_db_dialect(cmp->db);
	sd_plan *again = NULL;
	int rc = SD_OK;

	if (!rp->before) {
		rc = sd_cli_diff_before(cli, cmp->live, cmp->models, conn, &again,
		                        &rp->before);
		sd_plan_free(again);
	}
	if (!rc)
		rc = sd_cli_diff(cli, rp->before, cmp->models, p->d, &p->plan);
	p->own_plan = rc == SD_OK;
	if (!rc && (always || !plan_only_creates(p->plan)))
		sd_cli_warn(cli, "the %s sections are diffed from the state %s shows (%s): a dropped or changed object is taken as %s keeps it; set dev_database: to replay the revisions on a scratch %s database instead",
		            p->d->name, conn->name, why, conn->name, p->d->name);
	return rc;
}

/*
 * p's models and the state its revisions replay to (sd_cli_replayed).
 * When the revision files do not build a database of p's kind (a revision
 * without its section, or one that fails there), *why says so and the
 * failure is no error.
 */
static int replay_part(sd_cli *cli, const sd_rev_graph *g,
                       const sd_db_driver *drv, const char *dev,
                       dialect_part *p, const char **why)
{
	sd_error kept = SD_ERROR_INIT;
	sd_buf msg = SD_BUF_INIT;
	int rc;

	*why = NULL;
	sd_error_move(&kept, &cli->err);
	rc = sd_cli_replayed(cli, g, drv, dev,
	                     sd_arena_printf(cli->arena, "the %s sections",
	                                     p->d->name),
	                     &p->models, &p->replayed);
	if ((rc == SD_EINPUT || rc == SD_ERUNTIME) && cli->err.first) {
		sd_diag_format(&msg, cli->err.first);
		*why = sd_arena_printf(cli->arena,
		                       "its revisions do not replay: %s",
		                       sd_buf_cstr(&msg));
		sd_error_clear(&cli->err);
		rc = SD_OK;
	}
	sd_error_move(&kept, &cli->err);
	sd_error_move(&cli->err, &kept);
	sd_buf_free(&msg);
	return rc;
}

/*
 * Every dialect's plan for the same models: the connected dialect's is
 * the compare's (its catalog against the models). Every other dialect's
 * is diffed from what its own database would hold at head: the revision
 * files replayed on a scratch database of its kind (an in-memory SQLite
 * database; PostgreSQL on dev_database), against the models as that kind
 * of database normalises them. Without a server for the replay, or when
 * the revisions do not replay on it, the state is lifted (part_lifted).
 */
static int parts_plan(sd_cli *cli, rev_parts *rp, sd_cli_compare *cmp,
                      const sd_rev_graph *g, const char *dev)
{
	const sd_dialect *conn = sd_db_dialect(cmp->db);
	sd_config *c;
	size_t i;
	int rc = sd_cli_config(cli, &c);

	for (i = 0; !rc && i < rp->n; i++) {
		dialect_part *p = &rp->p[i];
		const sd_db_driver *drv = sd_db_driver_find(p->d->name);
		const char *why;
		if (p->d == conn) {
			p->plan = cmp->plan;
			continue;
		}
		if (!drv || (drv->scratch_open != sd_driver_sqlite.scratch_open &&
		             !dev && !c->dev_database)) {
			rc = part_lifted(cli, rp, p, cmp, "no dev_database",
			                 false);
			continue;
		}
		rc = replay_part(cli, g, drv, dev, p, &why);
		if (why) {
			rc = part_lifted(cli, rp, p, cmp, why, true);
			continue;
		}
		if (!rc)
			rc = sd_cli_diff(cli, p->replayed, p->models, p->d, &p->plan);
		p->own_plan = rc == SD_OK;
	}
	return rc;
}

/* true when no dialect's plan holds anything. */
static bool parts_empty(const rev_parts *rp)
{
	size_t i;

	for (i = 0; i < rp->n; i++)
		if (rp->p[i].plan->nops)
			return false;
	return true;
}

/*
 * The header's warnings: those every dialect's plan has, once, then each
 * dialect's own, prefixed with its name ("sqlite: rebuilds table users").
 */
static sd_strlist parts_warnings(sd_cli *cli, const rev_parts *rp)
{
	sd_strlist out = {0};
	size_t i, k, j;

	if (rp->n == 1)
		return rp->p[0].plan->warnings;
	for (i = 0; i < rp->n; i++) {
		const sd_strlist *w = &rp->p[i].plan->warnings;
		for (k = 0; k < w->n; k++) {
			bool everywhere = true;
			for (j = 0; j < rp->n && everywhere; j++)
				everywhere = sd_strlist_contains(&rp->p[j].plan->warnings,
				                                 w->items[k]);
			if (everywhere && i == 0)
				sd_strlist_push(cli->arena, &out, w->items[k]);
			else if (!everywhere)
				sd_strlist_push(cli->arena, &out,
				                sd_arena_printf(cli->arena, "%s: %s",
				                                rp->p[i].d->name,
				                                w->items[k]));
		}
	}
	return out;
}

static int parts_emit(sd_cli *cli, rev_parts *rp, const sd_emit_opts *eo)
{
	size_t i;
	int rc = SD_OK;

	for (i = 0; !rc && i < rp->n; i++)
		rc = sd_emit_plan_opts(&rp->p[i].up, &rp->p[i].down,
		                       rp->p[i].plan, rp->p[i].d, eo,
		                       &rp->p[i].steps, &cli->err);
	return rc;
}

/*
 * --staged: every dialect's plan cut into an expand part (into ex) and a
 * contract part (into co), both sharing rp's operations, so rp must
 * outlive them. *split is false when no dialect has anything that needs
 * the application deployed in between.
 */
static int parts_stage(sd_cli *cli, const rev_parts *rp, rev_parts *ex,
                       rev_parts *co, bool *split)
{
	size_t i;
	int rc = SD_OK;

	*split = false;
	parts_alloc(cli, ex, rp->n);
	parts_alloc(cli, co, rp->n);
	for (i = 0; !rc && i < rp->n; i++) {
		ex->p[i].d = co->p[i].d = rp->p[i].d;
		rc = sd_plan_stage(&ex->p[i].plan, &co->p[i].plan, rp->p[i].plan);
		ex->p[i].own_plan = co->p[i].own_plan = rc == SD_OK;
		if (!rc && ex->p[i].plan->nops && co->p[i].plan->nops)
			*split = true;
	}
	return rc;
}

/*
 * The part a C revision is written from: C revisions call the revision
 * API, which does each change the way the database it runs on needs
 * (SQLite rebuilds a table where PostgreSQL alters it), so one plan
 * serves every dialect: the one that changes tables in place.
 */
static const dialect_part *c_part(const rev_parts *rp)
{
	size_t i;

	for (i = 0; i < rp->n; i++)
		if (rp->p[i].d->caps->alter_column)
			return &rp->p[i];
	return &rp->p[0];
}

/* Writes revision R in the chosen format: a C file, or SQL with each
 * part's sections; then prints the warnings and the new file's path. */
static int rev_write(sd_cli *cli, const rev_args *a, sd_revision *r,
                     const rev_parts *rp)
{
	const char **ups = sd_arena_alloc(cli->arena, (rp->n + 1) * sizeof(char *));
	const char **downs = sd_arena_alloc(cli->arena, (rp->n + 1) * sizeof(char *));
	const char *path;
	size_t i;
	int rc;

	for (i = 0; i < rp->n; i++) {
		ups[i] = sd_buf_cstr(&rp->p[i].up);
		downs[i] = sd_buf_cstr(&rp->p[i].down);
	}
	if (strcmp(a->format, "c") == 0) {
		const dialect_part *p = c_part(rp);
		const sd_dialect **ds = sd_arena_alloc(cli->arena, (rp->n + 1) * sizeof(void *));
		for (i = 0; i < rp->n; i++)
			ds[i] = rp->p[i].d;
		rc = sd_capi_write(&path, cli->arena, a->c->versions, r,
		                   p->plan, p->d, ds, rp->n, &cli->err);
	} else {
		rc = sd_rev_write_sql_dialects(&path, cli->arena, a->c->versions,
		                               r, ups, downs, &cli->err);
	}
	if (rc)
		return rc;
	sd_cli_warn_each(cli, &r->warnings);
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

/* One revision to write: its message and each dialect's part. */
typedef struct gen_rev {
	const char *message;
	rev_parts *parts;
	sd_revision r;
} gen_rev;

/* How generate writes its revisions. */
typedef struct gen_opts {
	bool sql_only;         /* --sql: print the upgrades, write nothing */
	const char *fail_on;   /* --fail-on LEVEL, or NULL */
	sd_lint_level level;   /* its level */
	sd_emit_opts eo;
} gen_opts;

/*
 * The hazards of the SQL about to be written (`--fail-on`), with the
 * same rules as `lint`, each dialect's upgrade with its own: exit 1 (and
 * nothing written) at or above the level.
 */
static int gate(sd_cli *cli, const gen_rev *revs, size_t n,
                sd_lint_level level)
{
	sd_lint l;
	size_t i, k, hits;
	int rc = SD_OK;

	sd_lint_init(&l);
	for (i = 0; i < n && !rc; i++) {
		const rev_parts *rp = revs[i].parts;
		for (k = 0; k < rp->n && !rc; k++) {
			const dialect_part *p = &rp->p[k];
			sd_rev_step *steps;
			size_t nsteps;
			sd_revision r = revs[i].r;
			r.path = rp->n > 1 ? sd_arena_printf(cli->arena, "(%s, %s)",
			                                     revs[i].message,
			                                     p->d->name)
			                   : sd_arena_printf(cli->arena, "(%s)",
			                                     revs[i].message);
			r.steps = p->steps;
			rc = sd_rev_steps(&steps, &nsteps, l.a, &r,
			                  sd_buf_cstr(&p->up), 1,
			                  sd_sql_lang_of(p->d->name), &cli->err);
			if (!rc)
				sd_lint_steps(&l, p->d, &r, steps, nsteps);
		}
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

/* --sql: each revision's upgrades (under its message when several), each
 * dialect's under its section line when several; then the warnings of
 * the whole change. */
static void print_upgrades(sd_cli *cli, const gen_rev *revs, size_t n,
                           const rev_parts *whole)
{
	sd_strlist w = parts_warnings(cli, whole);
	size_t i, k;

	for (i = 0; i < n; i++) {
		const rev_parts *rp = revs[i].parts;
		if (n > 1)
			printf("-- %s\n", revs[i].message);
		for (k = 0; k < rp->n; k++) {
			if (rp->n > 1)
				sd_cli_out(cli, "%s%s %s", k ? "\n" : "",
				           SD_REV_UPGRADE_MARKER, rp->p[k].d->name);
			sd_cli_write(cli, stdout, sd_buf_cstr(&rp->p[k].up));
		}
	}
	fflush(stdout);
	sd_cli_warn_each(cli, &w);
}

/*
 * Emits the revisions of revs, checks them (--fail-on) and writes them,
 * each on top of the one before (the first on the graph's heads), or
 * prints them (--sql). whole: the parts of the whole change, whose
 * warnings --sql prints.
 */
static int rev_finish(sd_cli *cli, const rev_args *a, gen_rev *revs,
                      size_t n, const rev_parts *whole, const gen_opts *o)
{
	size_t i, k;
	int rc = SD_OK;

	for (i = 0; i < n && !rc; i++)
		rc = parts_emit(cli, revs[i].parts, &o->eo);
	if (!rc && o->fail_on)
		rc = gate(cli, revs, n, o->level);
	if (rc)
		return rc;
	if (o->sql_only) {
		print_upgrades(cli, revs, n, whole);
		return SD_OK;
	}
	for (i = 0; i < n && !rc; i++) {
		sd_revision *r = &revs[i].r;
		const rev_parts *rp = revs[i].parts;
		sd_revision *const *parents = i ? (sd_revision *const[]){&revs[i - 1].r}
		                                : a->g->heads;
		rc = new_revision(cli, r, revs[i].message, parents,
		                  i ? 1 : a->g->nheads, rp);
		if (rc)
			break;
		r->warnings = parts_warnings(cli, rp);
		for (k = 0; k < rp->n; k++)
			r->steps |= rp->p[k].steps;
		for (k = 0; k < rp->n; k++)
			r->no_transaction |= !r->steps &&
			                     rp->p[k].plan->no_transaction;
		rc = rev_write(cli, a, r, rp);
	}
	return rc;
}

/*
 * --baseline: one revision that creates the whole models from an empty
 * database, for every dialect of the project, without opening the
 * database (adoption: `stamp head` then records it where the schema is
 * already there). The graph must be empty: a baseline is the first
 * revision.
 */
static int generate_baseline(sd_cli *cli, rev_args *a, const gen_opts *o)
{
	rev_parts rp = {0};
	gen_rev rev = {0};
	sd_schema *models = NULL, *empty = sd_schema_new();
	size_t i;
	int rc;

	sd_schema_index(empty);
	if (a->g->n) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "a baseline is the first revision, and %s holds %zu already",
		                  sd_cli_display_path(cli, a->c->versions), a->g->n);
		sd_error_hint(&cli->err, "run `schemadiff generate -m MSG` for a change on top of them");
		goto done;
	}
	rc = parts_init(cli, &rp, NULL);
	if (!rc)
		rc = sd_models_load(&models, a->c->models, &a->c->naming, &cli->err);
	for (i = 0; !rc && i < rp.n; i++) {
		rc = sd_cli_diff(cli, empty, models, rp.p[i].d, &rp.p[i].plan);
		rp.p[i].own_plan = rc == SD_OK;
	}
	if (rc)
		goto done;
	sd_cli_warn_each(cli, &rp.p[0].plan->notes);
	if (parts_empty(&rp)) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "the models hold nothing to create: no baseline written");
		goto done;
	}
	rev.message = a->message;
	rev.parts = &rp;
	rc = rev_finish(cli, a, &rev, 1, &rp, o);
done:
	parts_free(&rp);
	sd_schema_free(models);
	sd_schema_free(empty);
	return rc;
}

int sd_cmd_generate(sd_cli *cli, int argc, char **argv)
{
	rev_args a = {0};
	gen_opts o = {0};
	bool allow_empty = false, baseline = false, staged = false;
	bool no_online = false, split = false;
	const char *dev = NULL;
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &a.message, NULL},
		{"format", 0, true, &a.format, NULL},
		{"sql", 0, false, NULL, &o.sql_only},
		{"allow-empty", 0, false, NULL, &allow_empty},
		{"baseline", 0, false, NULL, &baseline},
		{"staged", 0, false, NULL, &staged},
		{"no-online", 0, false, NULL, &no_online},
		{"fail-on", 0, true, &o.fail_on, NULL},
		{"dev-database", 0, true, &dev, NULL},
		{0},
	};
	sd_cli_compare cmp = {0};
	rev_parts rp = {0}, expand = {0}, contract = {0};
	gen_rev revs[2];
	size_t n = 1;
	int rc;

	memset(revs, 0, sizeof(revs));
	o.level = SD_LINT_BLOCKING;
	rc = rev_start(cli, "generate", opts, argc, argv, &a, "what changed");
	if (!rc && o.fail_on && !sd_lint_level_parse(o.fail_on, &o.level))
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "--fail-on takes info, warning, blocking or data-loss, not '%s'",
		                  o.fail_on);
	if (rc)
		goto done;
	o.eo.online = !no_online && strcmp(a.format, "sql") == 0;
	cli->diff_online = o.eo.online;
	if (baseline) {
		rc = generate_baseline(cli, &a, &o);
		goto done;
	}
	rc = sd_cli_compare_models(cli, &cmp, require_at_head, a.g);
	if (!rc && !allow_empty)
		rc = refuse_empty_models(cli, a.c, &cmp);
	if (!rc)
		rc = parts_init(cli, &rp, sd_db_dialect(cmp.db));
	if (!rc)
		rc = parts_plan(cli, &rp, &cmp, a.g, dev);
	if (rc)
		goto done;
	sd_cli_warn_each(cli, &cmp.plan->notes);
	if (parts_empty(&rp)) {
		if (cli->verbosity >= 0)
			sd_cli_out(cli, "no changes");
		goto done;
	}
	size_warnings(cli, cmp.plan, cmp.live, sd_db_dialect(cmp.db));
	revs[0].message = a.message;
	revs[0].parts = &rp;
	if (staged) {
		rc = parts_stage(cli, &rp, &expand, &contract, &split);
		if (rc)
			goto done;
		if (split) {
			revs[0].message = sd_arena_printf(cli->arena, "%s (expand)",
			                                  a.message);
			revs[0].parts = &expand;
			revs[1].message = sd_arena_printf(cli->arena,
			                                  "%s (contract)", a.message);
			revs[1].parts = &contract;
			n = 2;
		} else {
			sd_cli_warn(cli, "--staged: nothing needs the application deployed in between; writing one revision");
		}
	}
	rc = rev_finish(cli, &a, revs, n, &rp, &o);
done:
	parts_free(&expand);
	parts_free(&contract);
	parts_free(&rp);
	sd_cli_compare_free(&cmp);
	sd_rev_graph_free(a.g);
	return rc;
}

int sd_cmd_revision(sd_cli *cli, int argc, char **argv)
{
	rev_args a = {0};
	const sd_cli_opt opts[] = {
		{"message", 'm', true, &a.message, NULL},
		{"format", 0, true, &a.format, NULL},
		{0},
	};
	rev_parts rp = {0};
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
	/* empty sections for each dialect; nothing is opened */
	rc = parts_init(cli, &rp, NULL);
	if (!rc)
		rc = new_revision(cli, &r, a.message, a.g->heads, a.g->nheads,
		                  &rp);
	if (!rc)
		rc = rev_write(cli, &a, &r, &rp);
done:
	parts_free(&rp);
	sd_rev_graph_free(a.g);
	return rc;
}

/* Used by cmd_merge.c: a revision with several parents, empty sections
 * for each dialect. */
int sd_cli_write_merge(sd_cli *cli, const char *message,
                       sd_revision *const *parents, size_t nparents,
                       const char **path)
{
	rev_parts rp = {0};
	sd_config *c;
	sd_revision r;
	size_t i;
	int rc = sd_cli_config(cli, &c);

	if (!rc)
		rc = parts_init(cli, &rp, NULL);
	if (!rc)
		rc = new_revision(cli, &r, message, parents, nparents, &rp);
	if (!rc) {
		const char **empty = sd_arena_alloc(cli->arena,
		                                    (rp.n + 1) * sizeof(char *));
		for (i = 0; i < rp.n; i++)
			empty[i] = "";
		rc = sd_rev_write_sql_dialects(path, cli->arena, c->versions, &r,
		                               empty, empty, &cli->err);
	}
	parts_free(&rp);
	return rc;
}
