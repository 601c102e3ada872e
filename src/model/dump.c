/*
 * dump.c - a stable, readable text form of an sd_schema, for golden tests
 * and debugging. Not a file format anyone parses.
 */
#include "model/schema.h"

static void put_list(sd_buf *out, const sd_strlist *l)
{
	size_t i;

	sd_buf_putc(out, '(');
	for (i = 0; i < l->n; i++)
		sd_buf_printf(out, "%s%s", i ? ", " : "", l->items[i]);
	sd_buf_putc(out, ')');
}

static void put_expr(sd_buf *out, const char *label, const sd_expr *e)
{
	if (!e->sql)
		return;
	sd_buf_printf(out, " %s=[%s]", label, e->sql);
	if (e->canon)
		sd_buf_printf(out, "{%s}", e->canon);
}

/* " label=value" (brackets: " label=[value]") when there is a value. */
static void put_opt(sd_buf *out, const char *label, const char *value,
                    bool brackets)
{
	if (value)
		sd_buf_printf(out, brackets ? " %s=[%s]" : " %s=%s", label,
		              value);
}

static void dump_table(sd_buf *out, const sd_table *t)
{
	static const char *const identity[] = {
		[SD_IDENTITY_NONE] = "",
		[SD_IDENTITY_ALWAYS] = " identity=always",
		[SD_IDENTITY_BY_DEFAULT] = " identity=by-default",
	};
	size_t i, k;

	sd_buf_printf(out, "table %s%s%s", t->base.schema ? t->base.schema : "",
	              t->base.schema ? "." : "", t->base.name);
	put_opt(out, "comment", t->comment, true);
	sd_buf_putc(out, '\n');
	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		sd_buf_printf(out, "  column %s ", c->base.name);
		sd_type_format(out, &c->type);
		sd_buf_put(out, c->nullable ? " null" : " not-null");
		put_expr(out, "default", &c->default_value);
		sd_buf_put(out, c->autoincrement ? " autoincrement" : "");
		sd_buf_put(out, identity[c->identity]);
		put_expr(out, "generated", &c->generated);
		put_opt(out, "collation", c->collation, false);
		put_opt(out, "comment", c->comment, true);
		put_opt(out, "renamed_from", c->renamed_from, false);
		put_opt(out, "backfill", c->backfill, true);
		sd_buf_putc(out, '\n');
	}
	if (t->primary_key) {
		sd_buf_printf(out, "  primary-key %s ",
		              t->primary_key->base.name
		                  ? t->primary_key->base.name
		                  : "-");
		put_list(out, &t->primary_key->columns);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < t->nuniques; i++) {
		sd_buf_printf(out, "  unique %s ", t->uniques[i]->base.name);
		put_list(out, &t->uniques[i]->columns);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < t->nforeign_keys; i++) {
		const sd_foreign_key *f = t->foreign_keys[i];
		sd_buf_printf(out, "  foreign-key %s ", f->base.name);
		put_list(out, &f->columns);
		sd_buf_printf(out, " -> %s%s%s", f->ref_schema ? f->ref_schema : "",
		              f->ref_schema ? "." : "", f->ref_table);
		put_list(out, &f->ref_columns);
		sd_buf_printf(out, " on-delete=%s on-update=%s%s\n",
		              sd_fk_action_sql(f->on_delete),
		              sd_fk_action_sql(f->on_update),
		              f->deferrable ? " deferrable" : "");
	}
	for (i = 0; i < t->nchecks; i++) {
		sd_buf_printf(out, "  check %s", t->checks[i]->base.name);
		put_expr(out, "expr", &t->checks[i]->expression);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		sd_buf_printf(out, "  %sindex %s (", ix->unique ? "unique-" : "",
		              ix->base.name);
		for (k = 0; k < ix->nkeys; k++) {
			const sd_index_key *key = &ix->keys[k];
			if (k)
				sd_buf_put(out, ", ");
			if (key->column)
				sd_buf_put(out, key->column);
			else
				sd_buf_printf(out, "[%s]",
				              key->expression.sql
				                  ? key->expression.sql
				                  : "");
			if (key->desc)
				sd_buf_put(out, " desc");
		}
		sd_buf_putc(out, ')');
		put_expr(out, "where", &ix->where);
		if (ix->method)
			sd_buf_printf(out, " using=%s", ix->method);
		sd_buf_putc(out, '\n');
	}
}

void sd_schema_dump(sd_buf *out, const sd_schema *s)
{
	size_t i;

	for (i = 0; i < s->namespaces.n; i++)
		sd_buf_printf(out, "namespace %s\n", s->namespaces.items[i]);
	for (i = 0; i < s->nenums; i++) {
		const sd_enum *e = s->enums[i];
		sd_buf_printf(out, "enum %s%s%s ", e->base.schema ? e->base.schema : "",
		              e->base.schema ? "." : "", e->base.name);
		put_list(out, &e->values);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->ntables; i++)
		dump_table(out, s->tables[i]);
	for (i = 0; i < s->nunmanaged; i++)
		sd_buf_printf(out, "unmanaged %s %s\n", s->unmanaged[i]->what,
		              s->unmanaged[i]->base.name);
}
