/*
 * cmd_check.c - `check [--json]`: are the models and the database the same?
 * Read-only, on any database, managed by schemadiff or not.
 * `check --replay`: are the models what the revision files produce? Needs
 * no access to the database at all (CI on every pull request).
 */
#include "cli/cli.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* The two sides of a comparison, as a difference's "where" names them. */
typedef struct {
	const char *to, *from;
} sides;

static const sides check_sides = {"models", "database"};

/* Where the difference lies, in words a reviewer reads at a glance. */
static const char *op_where(sd_arena *a, const sides *s, char marker)
{
	if (marker == '+')
		return sd_arena_printf(a, "in %s, missing in %s", s->to, s->from);
	if (marker == '-')
		return sd_arena_printf(a, "in %s, not in %s", s->from, s->to);
	return "differs";
}

static const char *op_object(sd_arena *a, const sd_op *op)
{
	const sd_table *t = op->table ? op->table
	                    : op->table_new ? op->table_new : op->table_old;
	const sd_column *c = op->column_new ? op->column_new : op->column_old;
	const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
	const char *tn = t ? sd_qualified_name(a, t->base.schema, t->base.name)
	                   : NULL;

	if (c && tn)
		return sd_arena_printf(a, "%s.%s", tn, c->base.name);
	if (o && tn && o->kind != SD_OBJ_ENUM && o->kind != SD_OBJ_TABLE)
		return sd_arena_printf(a, "%s.%s", tn, o->name ? o->name : "");
	if (o)
		return sd_qualified_name(a, o->schema, o->name);
	if (tn)
		return tn;
	return op->name_new ? op->name_new : op->name_old ? op->name_old : "";
}

/* Describes the ops a check shows: everything but the helpers that only
 * exist to make another op work (backfills, validations) and the second
 * halves of others (a created sequence's OWNED BY). */
bool sd_cli_op_shown(const sd_op *op)
{
	return op->kind != SD_OP_NOOP && op->kind != SD_OP_BACKFILL &&
	       op->kind != SD_OP_VALIDATE_CONSTRAINT && op->role == SD_ROLE_OWN;
}

/*
 * Prints (or adds to the JSON array diffs) one difference; with diffs,
 * sql_op (may be NULL) is the operation whose statements in dialect d go
 * with it. Returns 1 when the operation is a difference worth reporting,
 * 0 for bookkeeping ops.
 */
static int report_op(sd_cli *cli, cJSON *diffs, const sides *sd,
                     const sd_op *op, const sd_op *sql_op,
                     const sd_dialect *d)
{
	sd_buf b = SD_BUF_INIT;
	char marker = '~';

	if (!sd_cli_op_shown(op))
		return 0;
	sd_op_describe(&b, op, &marker);
	if (diffs) {
		cJSON *o = cJSON_CreateObject();
		sd_buf sql = SD_BUF_INIT;
		sd_error ignore = SD_ERROR_INIT;
		cJSON_AddStringToObject(o, "op", sd_op_kind_name(op->kind));
		cJSON_AddStringToObject(o, "object", op_object(cli->arena, op));
		cJSON_AddStringToObject(o, "description", sd_buf_cstr(&b));
		cJSON_AddStringToObject(o, "where",
		                        op_where(cli->arena, sd, marker));
		if (op->warning)
			cJSON_AddStringToObject(o, "warning", op->warning);
		/* an operation the dialect cannot express has no "sql" */
		if (sql_op && d && d->emit_op(&sql, sql_op, &ignore) == SD_OK &&
		    sql.len)
			cJSON_AddStringToObject(o, "sql", sd_buf_cstr(&sql));
		sd_error_clear(&ignore);
		sd_buf_free(&sql);
		cJSON_AddItemToArray(diffs, o);
	} else {
		const char *line = sd_arena_printf(cli->arena, "%s (%s)",
		                                   sd_buf_cstr(&b),
		                                   op_where(cli->arena, sd, marker));
		sd_cli_out(cli, "%s",
		           sd_cli_paint(cli, true,
		                        marker == '+'   ? SD_CLI_GREEN
		                        : marker == '-' ? SD_CLI_RED
		                                        : SD_CLI_YELLOW,
		                        line));
	}
	sd_buf_free(&b);
	return 1;
}

/* Every difference of plan, printed or (diffs) as JSON; returns how many. */
static size_t report_ops(sd_cli *cli, cJSON *diffs, const sides *sd,
                         const sd_plan *plan, const sd_dialect *d)
{
	size_t i, k, n = 0;

	for (i = 0; i < plan->nops; i++) {
		const sd_op *op = plan->ops[i];
		for (k = 0; k < (op->nfolded ? op->nfolded : 1); k++)
			n += report_op(cli, diffs, sd,
			               op->nfolded ? op->folded[k] : op,
			               k == 0 ? op : NULL, d);
	}
	return n;
}

size_t sd_cli_json_differences(sd_cli *cli, cJSON *diffs, const sd_plan *plan,
                               const sd_dialect *d, const char *to,
                               const char *from)
{
	const sides s = {to, from};

	return report_ops(cli, diffs, &s, plan, d);
}

/*
 * On a database schemadiff manages, warns (never fails: check works on any
 * database) when an applied revision's file was edited after it ran or is
 * gone, since the models then no longer tell what the revisions did.
 */
static int warn_applied_files(sd_cli *cli, sd_db *db, void *ctx)
{
	const sd_config *c = cli->config;
	sd_error ignore = SD_ERROR_INIT;
	sd_rev_graph *g = NULL;
	sd_revision **cur;
	const char **ids;
	size_t n, ncur = 0, i;

	if (sd_version_read(&ids, &n, cli->arena, db, c->version_table,
	                    &ignore) || n == 0)
		goto done;
	if (sd_rev_graph_load(&g, c->versions, &ignore)) {
		sd_cli_warn(cli, "cannot verify the applied revisions: %s",
		            ignore.first ? ignore.first->message : "unreadable revision files");
		goto done;
	}
	cur = sd_arena_alloc(cli->arena, (n + 1) * sizeof(void *));
	for (i = 0; i < n; i++) {
		sd_revision *r = sd_rev_graph_get(g, ids[i]);
		if (r)
			cur[ncur++] = r;
		else
			sd_cli_warn(cli, "the database is at revision %s, which has no file in %s (deleted after it was applied?)",
			            ids[i], sd_cli_display_path(cli, c->versions));
	}
	sd_cli_warn_edited(cli, db, g, cur, ncur);
done:
	(void)ctx;
	sd_error_clear(&ignore);
	sd_rev_graph_free(g);
	return SD_OK;
}

/*
 * The end of a check: the JSON document *root (NULL: text) with its
 * status, printed and handed over, or `clean` on stderr when nothing
 * differs. SD_DIFFERS when ndiff.
 */
static int finish(sd_cli *cli, cJSON **root, size_t ndiff, const char *clean)
{
	if (*root) {
		cJSON_ReplaceItemInObject(*root, "status",
		                          cJSON_CreateString(ndiff ? "differs" : "clean"));
		sd_cli_print_json(cli, *root);
		*root = NULL;
	} else if (!ndiff) {
		sd_cli_err(cli, "%s", clean);
	}
	return ndiff ? SD_DIFFERS : SD_OK;
}

/*
 * One dialect of `check --replay`: the models (normalised by the scratch
 * server for PostgreSQL) against what the revision files produce on a
 * scratch database of that dialect. Adds the differences to *ndiff.
 */
static int replay_dialect(sd_cli *cli, const sd_rev_graph *g,
                          const sd_db_driver *drv, const sd_dialect *d,
                          const char *dev, bool several, cJSON *diffs,
                          size_t *ndiff)
{
	sd_schema *models = NULL, *replayed = NULL;
	sd_plan *plan = NULL;
	int rc = sd_cli_replayed(cli, g, drv, dev,
	                         sd_arena_printf(cli->arena, "the %s sections",
	                                         d->name),
	                         &models, &replayed);

	if (!rc)
		rc = sd_cli_diff(cli, replayed, models, d, &plan);
	if (!rc) {
		/* "in models, missing in the sqlite revisions" */
		const sides s = {"models",
		                 several ? sd_arena_printf(cli->arena,
		                                           "the %s revisions",
		                                           d->name)
		                         : "the revisions"};
		*ndiff += report_ops(cli, diffs, &s, plan, d);
		sd_cli_warn_each(cli, &plan->notes);
	}
	sd_plan_free(plan);
	sd_schema_free(replayed);
	sd_schema_free(models);
	return rc;
}

/*
 * `check --replay`: every dialect of the project (`dialects:`, else the
 * configured database's, which is never opened); PostgreSQL's sections
 * need a server for the scratch database (--dev-database or
 * dev_database:). Without one, they are skipped with a warning when
 * another dialect is replayed, and bad input when none is.
 */
static int check_replay(sd_cli *cli, bool json, const char *dev)
{
	const sd_dialect **ds;
	sd_rev_graph *g = NULL;
	sd_config *c;
	cJSON *root = NULL, *done = NULL;
	cJSON *diffs = NULL;
	size_t n, i, ndiff = 0, nreplayed = 0;
	int rc = sd_cli_dialects(cli, NULL, &ds, &n);

	if (!rc)
		rc = sd_cli_config(cli, &c);
	if (!rc)
		rc = sd_cli_graph(cli, &g);
	if (rc)
		goto done;
	if (json) {
		root = cJSON_CreateObject();
		cJSON_AddStringToObject(root, "status", "clean");
		diffs = cJSON_AddArrayToObject(root, "differences");
		done = cJSON_AddArrayToObject(root, "replayed");
	}
	for (i = 0; i < n; i++) {
		const sd_db_driver *drv = sd_db_driver_find(ds[i]->name);
		if (!drv) {
			rc = sd_error_set(&cli->err, SD_EINPUT,
			                  "no database driver for dialect %s",
			                  ds[i]->name);
			goto done;
		}
		if (drv->scratch_open != sd_driver_sqlite.scratch_open && !dev &&
		    !c->dev_database && n > 1) {
			sd_cli_warn(cli, "the %s sections are not replayed: give --dev-database URL, or dev_database: in schemadiff.yaml",
			            ds[i]->name);
			continue;
		}
		rc = replay_dialect(cli, g, drv, ds[i], dev, n > 1, diffs, &ndiff);
		if (rc)
			goto done;
		nreplayed++;
		if (done)
			cJSON_AddItemToArray(done, cJSON_CreateString(ds[i]->name));
	}
	if (!nreplayed) {
		rc = sd_error_set(&cli->err, SD_EINPUT,
		                  "no dialect could be replayed");
		goto done;
	}
	rc = finish(cli, &root, ndiff, "the revisions produce the models");
done:
	cJSON_Delete(root);
	sd_rev_graph_free(g);
	return rc;
}

int sd_cmd_check(sd_cli *cli, int argc, char **argv)
{
	bool json = false, replay = false;
	const char *diagram = NULL, *dev = NULL;
	const sd_cli_opt opts[] = {
		{"json", 0, false, NULL, &json},
		{"diagram", 0, true, &diagram, NULL},
		{"replay", 0, false, NULL, &replay},
		{"dev-database", 0, true, &dev, NULL},
		{0},
	};
	size_t i, ndiff = 0;
	sd_cli_compare cmp = {0};
	const sd_plan *plan;
	const sd_schema *live;
	cJSON *root = NULL, *diffs = NULL, *warns = NULL, *unmanaged = NULL;
	int rc;

	rc = sd_cli_parse_options(cli, "check", opts, argc, argv, NULL);
	if (rc)
		return rc;
	if (replay && diagram)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--diagram draws the database's drift: it does not go with --replay");
	if (dev && !replay)
		return sd_error_set(&cli->err, SD_EINPUT,
		                    "--dev-database is the server of --replay's scratch database");
	if (replay)
		return check_replay(cli, json, dev);
	rc = sd_cli_compare_models(cli, &cmp, warn_applied_files, NULL);
	if (rc)
		goto done;
	plan = cmp.plan;
	live = cmp.live;
	if (json) {
		root = cJSON_CreateObject();
		cJSON_AddStringToObject(root, "status", "clean");
		diffs = cJSON_AddArrayToObject(root, "differences");
		warns = cJSON_AddArrayToObject(root, "warnings");
		unmanaged = cJSON_AddArrayToObject(root, "unmanaged");
	}
	ndiff = report_ops(cli, json ? diffs : NULL, &check_sides, plan,
	                   sd_db_dialect(cmp.db));
	for (i = 0; i < plan->warnings.n; i++) {
		if (json)
			cJSON_AddItemToArray(warns, cJSON_CreateString(plan->warnings.items[i]));
	}
	for (i = 0; json && i < plan->notes.n; i++)
		cJSON_AddItemToArray(warns, cJSON_CreateString(plan->notes.items[i]));
	if (!json)
		sd_cli_warn_each(cli, &plan->notes);
	for (i = 0; i < live->nunmanaged; i++) {
		const sd_unmanaged *u = live->unmanaged[i];
		if (json) {
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "kind", u->what ? u->what : "object");
			cJSON_AddStringToObject(o, "name",
			                        sd_qualified_name(cli->arena, u->base.schema,
			                                          u->base.name));
			if (u->table)
				cJSON_AddStringToObject(o, "table", u->table);
			cJSON_AddItemToArray(unmanaged, o);
		} else {
			sd_cli_out(cli, "  not managed: %s", sd_cli_unmanaged_name(cli, u));
		}
	}
	rc = finish(cli, &root, ndiff, "models and database match");
	if (diagram) {
		int drc = sd_cli_drift_diagram(cli, &cmp, diagram);
		if (drc)
			rc = drc;
	}
done:
	cJSON_Delete(root);
	sd_cli_compare_free(&cmp);
	return rc;
}
