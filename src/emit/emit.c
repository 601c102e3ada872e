/*
 * emit.c - what every SQL dialect shares: finding a dialect by name,
 * walking a plan up and down, and the small pieces of DDL that read the
 * same everywhere (column lists, index keys, REFERENCES clauses).
 */
#include "emit/dialect.h"

#include <string.h>

const sd_dialect *sd_db_dialect(const sd_db *db)
{
	return db ? sd_dialect_find(db->driver->name) : NULL;
}

const sd_dialect *sd_dialect_find(const char *name)
{
	if (!name)
		return NULL;
	if (sd_strieq(name, "sqlite") || sd_strieq(name, "sqlite3"))
		return &sd_dialect_sqlite;
	if (sd_strieq(name, "postgresql") || sd_strieq(name, "postgres"))
		return &sd_dialect_postgres;
	return NULL;
}

/* The standard SQL names; the dialects override what they spell apart. */
static const char *const sql_types[SD_T__COUNT] = {
	[SD_T_SMALLINT] = "SMALLINT",   [SD_T_INTEGER] = "INTEGER",
	[SD_T_BIGINT] = "BIGINT",       [SD_T_BOOLEAN] = "BOOLEAN",
	[SD_T_REAL] = "REAL",           [SD_T_NUMERIC] = "NUMERIC",
	[SD_T_STRING] = "VARCHAR",      [SD_T_CHAR] = "CHAR",
	[SD_T_TEXT] = "TEXT",           [SD_T_DATE] = "DATE",
	[SD_T_TIME] = "TIME",           [SD_T_TIMESTAMP] = "TIMESTAMP",
	[SD_T_TIMESTAMPTZ] = "TIMESTAMPTZ", [SD_T_INTERVAL] = "INTERVAL",
	[SD_T_JSON] = "JSON",           [SD_T_JSONB] = "JSONB",
	[SD_T_UUID] = "UUID",
};

void sd_emit_type(sd_buf *out, const sd_type *t,
                  const char *const own[SD_T__COUNT])
{
	const char *names[SD_T__COUNT];
	size_t k;

	for (k = 0; k < SD_T__COUNT; k++)
		names[k] = own[k] ? own[k] : sql_types[k];
	sd_type_put_sql(out, t, names);
}

void sd_emit_qualified(sd_buf *out, const sd_dialect *d, const char *schema,
                       const char *name)
{
	if ((schema = sd_namespace_key(schema)) != NULL) {
		d->quote_ident(out, schema);
		sd_buf_putc(out, '.');
	}
	d->quote_ident(out, name);
}

/*
 * The upgrade is the plan's operations in order; the downgrade is each
 * operation inverted, last first (sd_plan_inverse). Both buffers are appended
 * to. Stops at the first operation the dialect cannot express. Online,
 * each sequence goes to the dialect's emit_online as a whole, since a
 * step boundary depends on the operations around it.
 */
static int emit_ops(sd_buf *out, sd_op *const *ops, size_t n,
                    const sd_dialect *d, const sd_emit_opts *o, bool *steps,
                    sd_error *err)
{
	size_t i;
	int rc = SD_OK;

	if (d->prologue)
		d->prologue(out, ops, n);
	if (o && o->online && d->emit_online)
		return d->emit_online(out, ops, n, steps, err);
	for (i = 0; i < n && rc == SD_OK; i++)
		rc = d->emit_op(out, ops[i], err);
	return rc;
}

int sd_emit_plan_opts(sd_buf *up, sd_buf *down, const sd_plan *plan,
                      const sd_dialect *d, const sd_emit_opts *o,
                      bool *steps, sd_error *err)
{
	sd_arena *scratch = NULL;
	int rc = SD_OK;

	if (up)
		rc = emit_ops(up, plan->ops, plan->nops, d, o, steps, err);
	if (rc == SD_OK && down) {
		scratch = sd_arena_new();
		rc = emit_ops(down, sd_plan_inverse(scratch, plan), plan->nops,
		              d, o, steps, err);
	}
	sd_arena_free(scratch);
	return rc;
}

/*
 * The upgrade as a script psql or sqlite3 runs as it is: one transaction
 * (BEGIN ... COMMIT) around the statements; an operation that cannot run
 * inside one (CREATE INDEX CONCURRENTLY) comes between transactions, after
 * a comment that says so, in its place in the order:
 *     BEGIN; CREATE TABLE ...; COMMIT;
 *     -- cannot run inside a transaction block:
 *     CREATE INDEX CONCURRENTLY ...;
 *     BEGIN; ...; COMMIT;
 */
int sd_emit_script(sd_buf *out, const sd_plan *plan, const sd_dialect *d,
                   sd_error *err)
{
	bool open = false;
	size_t i;
	int rc;

	if (d->prologue)
		d->prologue(out, plan->ops, plan->nops);
	for (i = 0; i < plan->nops; i++) {
		bool outside = (plan->ops[i]->hazards &
		                SD_HAZARD_NO_TRANSACTION) != 0;
		size_t start = out->len;
		if (outside && open) {
			sd_buf_printf(out, "%s\n", d->commit_sql);
			open = false;
		}
		if (outside)
			sd_buf_put(out, "-- cannot run inside a transaction "
			                "block:\n");
		else if (!open)
			sd_buf_printf(out, "%s\n", d->begin_sql);
		open = !outside;
		rc = d->emit_op(out, plan->ops[i], err);
		if (rc != SD_OK) {
			sd_buf_truncate(out, start);
			return rc;
		}
	}
	if (open)
		sd_buf_printf(out, "%s\n", d->commit_sql);
	return SD_OK;
}

int sd_emit_plan(sd_buf *up, sd_buf *down, const sd_plan *plan,
                 const sd_dialect *d, sd_error *err)
{
	return sd_emit_plan_opts(up, down, plan, d, NULL, NULL, err);
}

void sd_emit_column_list(sd_buf *out, const sd_dialect *d,
                         const sd_strlist *columns)
{
	size_t i;

	for (i = 0; i < columns->n; i++) {
		if (i)
			sd_buf_put(out, ", ");
		d->quote_ident(out, columns->items[i]);
	}
}

void sd_emit_collation(sd_buf *out, const sd_dialect *d, const char *c)
{
	size_t i;
	bool plain = c[0] != '\0' && !(c[0] >= '0' && c[0] <= '9');

	for (i = 0; c[i] && plain; i++)
		plain = (c[i] >= 'a' && c[i] <= 'z') ||
		        (c[i] >= 'A' && c[i] <= 'Z') ||
		        (c[i] >= '0' && c[i] <= '9') || c[i] == '_';
	if (plain)
		sd_buf_put(out, c);
	else
		d->quote_ident(out, c);
}

void sd_emit_index_keys(sd_buf *out, const sd_dialect *d,
                        const sd_index *ix, unsigned flags)
{
	size_t i;

	sd_buf_putc(out, '(');
	for (i = 0; i < ix->nkeys; i++) {
		const sd_index_key *k = &ix->keys[i];
		if (i)
			sd_buf_put(out, ", ");
		if (k->column) {
			d->quote_ident(out, k->column);
		} else if (flags & SD_KEYS_PAREN_EXPRS) {
			sd_buf_printf(out, "(%s)",
			              k->expression.sql ? k->expression.sql : "");
		} else {
			sd_buf_put(out,
			           k->expression.sql ? k->expression.sql : "");
		}
		if (k->collation) {
			sd_buf_put(out, " COLLATE ");
			if (flags & SD_KEYS_QUOTED_COLLATION)
				d->quote_ident(out, k->collation);
			else
				sd_emit_collation(out, d, k->collation);
		}
		if (k->opclass)
			sd_buf_printf(out, " %s", k->opclass);
		if (k->opclass && k->opclass_params.n) {
			sd_buf_put(out, " (");
			sd_options_put(out, &k->opclass_params, " = ");
			sd_buf_putc(out, ')');
		}
		if (k->desc)
			sd_buf_put(out, " DESC");
		else if (k->asc)
			sd_buf_put(out, " ASC");
		if (k->nulls == SD_NULLS_FIRST)
			sd_buf_put(out, " NULLS FIRST");
		else if (k->nulls == SD_NULLS_LAST)
			sd_buf_put(out, " NULLS LAST");
		if (k->op)
			sd_buf_printf(out, " WITH %s", k->op);
	}
	sd_buf_putc(out, ')');
}

void sd_emit_fk_references(sd_buf *out, const sd_dialect *d,
                           const sd_foreign_key *fk)
{
	sd_buf_put(out, " REFERENCES ");
	sd_emit_qualified(out, d, fk->ref_schema, fk->ref_table);
	if (fk->ref_columns.n && !fk->ref_implicit) {
		sd_buf_put(out, " (");
		sd_emit_column_list(out, d, &fk->ref_columns);
		sd_buf_putc(out, ')');
	}
	if (fk->match_full)
		sd_buf_put(out, " MATCH FULL");
	else if (fk->match_simple)
		sd_buf_put(out, " MATCH SIMPLE");
	if (fk->update_first && sd_fk_update_written(fk))
		sd_buf_printf(out, " ON UPDATE %s",
		              sd_fk_action_sql(fk->on_update));
	if (sd_fk_delete_written(fk)) {
		sd_buf_printf(out, " ON DELETE %s",
		              sd_fk_action_sql(fk->on_delete));
		if (fk->on_delete_columns.n) {
			sd_buf_put(out, " (");
			sd_emit_column_list(out, d, &fk->on_delete_columns);
			sd_buf_putc(out, ')');
		}
	}
	if (!fk->update_first && sd_fk_update_written(fk))
		sd_buf_printf(out, " ON UPDATE %s",
		              sd_fk_action_sql(fk->on_update));
	sd_emit_deferrable(out, fk->deferrable, fk->initially_deferred);
}

void sd_emit_deferrable(sd_buf *out, bool deferrable, bool initially_deferred)
{
	if (deferrable)
		sd_buf_put(out, initially_deferred
		                    ? " DEFERRABLE INITIALLY DEFERRED"
		                    : " DEFERRABLE");
}
