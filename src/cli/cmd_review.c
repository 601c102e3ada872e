/*
 * cmd_review.c - `show REV --html`: the review page of a revision.
 *
 * The page is built from the revision file (header, message, SQL) and from
 * a replay of the revision files on a scratch database (the operations,
 * their locks, the diagram). When the replay cannot run (no PostgreSQL
 * server for a PostgreSQL revision, a revision that fails) the page is
 * still written, saying why those parts are missing, and a warning says
 * so on stderr.
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

#include "capi/capi.h"
#include "diagram/review.h"
#include "sd_config.h"

/* An SQL revision's sections for dialect (NULL: its only ones) into out. */
static void section_sql(sd_cli *cli, const sd_revision *r,
                        const char *dialect, sd_review_sql *out)
{
	char *up = NULL, *down = NULL;
	sd_error err = SD_ERROR_INIT;

	if (sd_rev_read_body_for(&up, &down, NULL, NULL, r, dialect, &err) == SD_OK) {
		out->upgrade = sd_arena_strdup(cli->arena, up);
		out->downgrade = sd_arena_strdup(cli->arena, down);
	} else {
		out->note = sd_arena_strdup(cli->arena, err.first ? err.first->message : "unreadable");
	}
	free(up);
	free(down);
	sd_error_clear(&err);
}

/* The SQL of each dialect (out holds two): an SQL revision's own
 * sections, each dialect's of a portable revision; a C revision's
 * statements as it would run them offline, in both dialects. */
static size_t review_sql(sd_cli *cli, const sd_revision *r,
                         sd_review_sql *out, const char *text)
{
	static const sd_dialect *const dialects[] = {&sd_dialect_sqlite,
	                                             &sd_dialect_postgres};
	sd_capi_ctx cctx;
	size_t n = 0, i;

	if (r->format == SD_REV_SQL && r->dialects.n > 1) {
		for (i = 0; i < r->dialects.n && n < SD_ARRAY_LEN(dialects); i++) {
			out[n].dialect = r->dialects.items[i];
			section_sql(cli, r, r->dialects.items[i], &out[n++]);
		}
		return n;
	}
	if (r->format == SD_REV_SQL) {
		const sd_dialect *d = r->dialect ? sd_dialect_find(r->dialect) : NULL;
		out[0].dialect = d ? d->name : "SQL (no dialect: line in the header)";
		section_sql(cli, r, NULL, &out[0]);
		return 1;
	}
	(void)text;
	sd_cli_capi_ctx(cli, &cctx, cli->config);
	for (i = 0; i < SD_ARRAY_LEN(dialects); i++) {
		sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
		sd_error err = SD_ERROR_INIT;
		out[n].dialect = dialects[i]->name;
		if (sd_capi_sql(&cctx, &up, dialects[i], r, true, &err) == SD_OK &&
		    sd_capi_sql(&cctx, &down, dialects[i], r, false, &err) == SD_OK) {
			out[n].upgrade = sd_arena_strdup(cli->arena, sd_buf_cstr(&up));
			out[n].downgrade = sd_arena_strdup(cli->arena, sd_buf_cstr(&down));
			out[n].note = "the statements the C revision runs, as `upgrade --sql` shows them";
		} else {
			sd_buf msg = SD_BUF_INIT;
			if (err.first)
				sd_diag_format(&msg, err.first);
			out[n].note = sd_arena_printf(cli->arena, "not known without a database: %s",
			                              sd_buf_cstr(&msg));
			sd_buf_free(&msg);
		}
		sd_buf_free(&up);
		sd_buf_free(&down);
		sd_error_clear(&err);
		n++;
	}
	return n;
}

/* Adds op (and, for a rebuild, the changes it stands for) to ops. */
static void add_op(sd_cli *cli, sd_vec *ops, const sd_op *op,
                   const sd_dialect *d, const sd_plan *plan,
                   const sd_op_lock *inherited)
{
	sd_review_op *ro;
	sd_buf text = SD_BUF_INIT;
	size_t i;

	if (op->kind == SD_OP_NOOP)
		return;
	ro = sd_arena_alloc(cli->arena, sizeof(*ro));
	sd_op_describe(&text, op, &ro->marker);
	ro->text = sd_arena_strdup(cli->arena, sd_buf_cstr(&text) + 2);
	if (inherited)
		ro->lock = *inherited;
	else if (d->op_lock)
		d->op_lock(&ro->lock, op);
	ro->warning = op->warning;
	/* a table this revision creates: nobody can be waiting on it */
	for (i = 0; op->table && op->kind != SD_OP_CREATE_TABLE && i < plan->nops; i++)
		if (plan->ops[i]->kind == SD_OP_CREATE_TABLE &&
		    plan->ops[i]->table_new &&
		    sd_streq(plan->ops[i]->table_new->base.name, op->table->base.name) &&
		    sd_streq(plan->ops[i]->table_new->base.schema, op->table->base.schema))
			ro->new_table = true;
	sd_vec_push(cli->arena, ops, ro);
	sd_buf_free(&text);
	for (i = 0; i < op->nfolded; i++)
		add_op(cli, ops, op->folded[i], d, plan, &ro->lock);
}

int sd_cli_show_html(sd_cli *cli, const sd_rev_graph *g, sd_revision *r,
                     const char *output, const char *dev_database)
{
	sd_review rv;
	sd_review_sql sql[2];
	sd_cli_change ch = {0};
	sd_error saved;
	sd_diagram *dg = NULL;
	sd_buf svg = SD_BUF_INIT, html = SD_BUF_INIT;
	sd_vec ops = {NULL, 0, 0};
	char *text = NULL;
	size_t len, i;
	int rc;

	memset(&rv, 0, sizeof(rv));
	memset(sql, 0, sizeof(sql));
	rc = sd_file_read(&text, &len, r->path, &cli->err);
	if (rc)
		return rc;
	rv.rev = r;
	rv.source_name = sd_cli_display_path(cli, r->path);
	rv.generator = "schemadiff " SD_VERSION;
	rv.sql = sql;
	rv.nsql = review_sql(cli, r, sql, text);
	if (r->format == SD_REV_C)
		rv.c_source = text;

	/* the replay's failure is the page's note and a warning, not an
	 * error of the command */
	saved = cli->err;
	memset(&cli->err, 0, sizeof(cli->err));
	if (sd_cli_revision_change(cli, g, r, dev_database, &ch) == SD_OK) {
		for (i = 0; i < ch.plan->nops; i++)
			add_op(cli, &ops, ch.plan->ops[i], ch.dialect, ch.plan, NULL);
		rv.ops = sd_arena_alloc(cli->arena, (ops.n + 1) * sizeof(sd_review_op));
		for (i = 0; i < ops.n; i++)
			((sd_review_op *)rv.ops)[i] = *(sd_review_op *)ops.items[i];
		rv.nops = ops.n;
		rv.ops_known = true;
		dg = sd_diagram_of_change(ch.before, ch.after, ch.plan);
		dg->title = sd_arena_printf(dg->arena, "revision %s: %s", r->id,
		                            r->message ? r->message : "");
		sd_diagram_changed_only(dg);
		if (sd_diagram_svg(&svg, dg, &cli->err) == SD_OK)
			rv.svg = sd_buf_cstr(&svg);
	}
	if (sd_error_has(&cli->err)) {
		sd_buf msg = SD_BUF_INIT;
		sd_diag_format(&msg, cli->err.first);
		rv.note = sd_arena_printf(cli->arena, "Replaying the revisions failed, so the operations and the diagram are missing: %s",
		                          sd_buf_cstr(&msg));
		sd_buf_free(&msg);
	}
	{
		sd_error replay = cli->err;
		cli->err = saved;
		if (rv.note)
			sd_cli_warn(cli, "%s", rv.note);
		sd_error_clear(&replay);
	}

	sd_review_html(&html, &rv);
	if (output) {
		rc = sd_file_write_atomic(output, html.data, html.len, &cli->err);
		if (!rc)
			sd_cli_err(cli, "wrote %s", sd_cli_display_path(cli, output));
	} else {
		fwrite(html.data, 1, html.len, stdout);
	}
	sd_diagram_free(dg);
	sd_cli_change_free(&ch);
	sd_buf_free(&svg);
	sd_buf_free(&html);
	free(text);
	return rc;
}
