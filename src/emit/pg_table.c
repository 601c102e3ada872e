/*
 * pg_table.c - PostgreSQL's table settings: SET LOGGED / UNLOGGED, the
 * storage parameters (SET / RESET), REPLICA IDENTITY, CLUSTER ON / SET
 * WITHOUT CLUSTER, and a column's SET STORAGE, SET COMPRESSION and SET
 * STATISTICS (diff/tables.c says when). A materialized view has the
 * storage parameters and the column settings too (diff/logic.c), the
 * same statements but for ALTER MATERIALIZED VIEW.
 */
#include "emit/pg_emit.h"
#include "model/logic.h"

#include <string.h>

/* "ALTER TABLE t " or "ALTER MATERIALIZED VIEW v ": rel is the table or
 * the materialized view. */
static void alter_table(pg_emit *e, const sd_object *rel)
{
	put(e, rel->kind == SD_OBJ_VIEW ? "ALTER MATERIALIZED VIEW "
	                                : "ALTER TABLE ");
	sd_pg_emit_qname(e, rel->schema, rel->name);
	put(e, " ");
}

/* The name part of "name=value". */
static size_t option_name_len(const char *item)
{
	const char *eq = strchr(item, '=');

	return eq ? (size_t)(eq - item) : strlen(item);
}

/* Whether l has an option named like item. */
static bool has_option(const sd_strlist *l, const char *item)
{
	size_t i, n = option_name_len(item);

	for (i = 0; i < l->n; i++)
		if (option_name_len(l->items[i]) == n &&
		    strncmp(l->items[i], item, n) == 0)
			return true;
	return false;
}

/*
 * ALTER TABLE t RESET and SET, so that the table ends with to's
 * parameters in to's order: SET keeps the parameters it does not name
 * where they are and appends the ones it names. Past the longest common
 * start of from and to, from's parameters that to lacks are RESET and
 * to's are SET, in order.
 */
static void storage_parameters(pg_emit *e, const sd_object *t,
                               const sd_strlist *from, const sd_strlist *to)
{
	sd_strlist set = {to->items, to->n};
	size_t i, k = 0;
	bool first = true;

	while (k < from->n && k < to->n &&
	       sd_option_equal(from->items[k], to->items[k]))
		k++;
	for (i = k; i < from->n; i++) {
		if (has_option(to, from->items[i]))
			continue;
		if (first) {
			alter_table(e, t);
			put(e, "RESET (");
		} else {
			put(e, ", ");
		}
		sd_buf_putn(e->out, from->items[i],
		            option_name_len(from->items[i]));
		first = false;
	}
	if (!first)
		put(e, ");\n");
	set.items += k;
	set.n -= k;
	if (set.n) {
		alter_table(e, t);
		put(e, "SET (");
		sd_options_put(e->out, &set, " = ");
		put(e, ");\n");
	}
}

static void replica_identity(pg_emit *e, const sd_table *t,
                             const sd_table *to)
{
	alter_table(e, &t->base);
	put(e, "REPLICA IDENTITY ");
	switch (to->replica_identity) {
	case SD_REPLICA_FULL: put(e, "FULL"); break;
	case SD_REPLICA_NOTHING: put(e, "NOTHING"); break;
	case SD_REPLICA_INDEX:
		put(e, "USING INDEX ");
		sd_pg_emit_ident(e, to->replica_index);
		break;
	default: put(e, "DEFAULT"); break;
	}
	put(e, ";\n");
}

static void cluster_on(pg_emit *e, const sd_table *t, const sd_table *to)
{
	alter_table(e, &t->base);
	if (to->cluster_on) {
		put(e, "CLUSTER ON ");
		sd_pg_emit_ident(e, to->cluster_on);
	} else {
		put(e, "SET WITHOUT CLUSTER");
	}
	put(e, ";\n");
}

void sd_pg_emit_table_settings(pg_emit *e, const sd_op *op)
{
	const sd_table *t = op->table;
	const sd_table *from = (const sd_table *)op->obj_old;
	const sd_table *to = (const sd_table *)op->obj_new;

	if (op->changes & SD_CHANGE_PERSISTENCE) {
		alter_table(e, &t->base);
		put(e, to->unlogged ? "SET UNLOGGED;\n" : "SET LOGGED;\n");
	}
	if (op->changes & SD_CHANGE_OPTIONS)
		storage_parameters(e, &t->base, &from->with, &to->with);
	if (op->changes & SD_CHANGE_REPLICA)
		replica_identity(e, t, to);
	if (op->changes & SD_CHANGE_CLUSTER)
		cluster_on(e, t, to);
}

void sd_pg_emit_create_settings(pg_emit *e, const sd_table *t)
{
	if (!t->with.n)
		return;
	put(e, " WITH (");
	sd_options_put(e->out, &t->with, " = ");
	put(e, ")");
}

static void alter_column(pg_emit *e, const sd_object *t, const char *col)
{
	alter_table(e, t);
	put(e, "ALTER COLUMN ");
	sd_pg_emit_ident(e, col);
	put(e, " ");
}

/* "SET STORAGE MAIN;\n" */
static void storage_word(pg_emit *e, char storage)
{
	const char *w = sd_storage_word(storage);

	put(e, "SET STORAGE ");
	for (; w && *w; w++)
		sd_buf_putc(e->out, (char)(*w - 'a' + 'A'));
	put(e, ";\n");
}

/*
 * SET STORAGE back to the type's own: its word where the portable type
 * says it, else the catalog's (a verbatim type), read when it runs.
 */
static void default_storage(pg_emit *e, const sd_object *t,
                            const sd_column *c)
{
	const char *word = sd_storage_word(sd_type_default_storage(&c->type));
	sd_buf rel = SD_BUF_INIT, stmt = SD_BUF_INIT;
	pg_emit inner = *e;

	if (word) {
		alter_column(e, t, c->base.name);
		storage_word(e, sd_type_default_storage(&c->type));
		return;
	}
	inner.out = &rel;
	sd_pg_emit_qname(&inner, t->schema, t->name);
	inner.out = &stmt;
	alter_column(&inner, t, c->base.name);
	put(e, "DO $sd$BEGIN EXECUTE ");
	sd_quote_literal_std(e->out, sd_buf_cstr(&stmt));
	put(e, " || (SELECT CASE ty.typstorage WHEN 'p' THEN 'SET STORAGE "
	       "PLAIN' WHEN 'e' THEN 'SET STORAGE EXTERNAL' WHEN 'm' THEN "
	       "'SET STORAGE MAIN' ELSE 'SET STORAGE EXTENDED' END FROM "
	       "pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid WHERE "
	       "a.attrelid = ");
	sd_quote_literal_std(e->out, sd_buf_cstr(&rel));
	put(e, "::regclass AND a.attname = ");
	sd_quote_literal_std(e->out, c->base.name);
	put(e, "); END$sd$;\n");
	if (inner.too_long && !e->too_long)
		e->too_long = inner.too_long;
	sd_buf_free(&rel);
	sd_buf_free(&stmt);
}

/*
 * The attribute options from has and to lacks, then those to has anew
 * or with another value:
 *     ALTER TABLE "t" ALTER COLUMN "c" RESET (n_distinct_inherited);
 *     ALTER TABLE "t" ALTER COLUMN "c" SET (n_distinct = -0.05);
 */
static void column_options(pg_emit *e, const sd_object *t,
                           const sd_column *from, const sd_column *to)
{
	const char *sep = "";
	size_t i, k;

	if (sd_options_same(&sd_column_x(from)->options, &sd_column_x(to)->options))
		return;
	for (i = 0; i < sd_column_x(from)->options.n; i++) {
		const char *o = sd_column_x(from)->options.items[i];
		if (has_option(&sd_column_x(to)->options, o))
			continue;
		if (!*sep) {
			alter_column(e, t, to->base.name);
			put(e, "RESET (");
		}
		put(e, sep);
		sd_buf_putn(e->out, o, option_name_len(o));
		sep = ", ";
	}
	if (*sep)
		put(e, ");\n");
	sep = "";
	for (i = 0; i < sd_column_x(to)->options.n; i++) {
		sd_strlist one = {&sd_column_x(to)->options.items[i], 1};
		for (k = 0; k < sd_column_x(from)->options.n; k++)
			if (sd_option_equal(sd_column_x(from)->options.items[k],
			                    sd_column_x(to)->options.items[i]))
				break;
		if (k < sd_column_x(from)->options.n)
			continue;
		if (!*sep) {
			alter_column(e, t, to->base.name);
			put(e, "SET (");
		}
		put(e, sep);
		sd_options_put(e->out, &one, " = ");
		sep = ", ";
	}
	if (*sep)
		put(e, ");\n");
}

/* SET STORAGE, SET COMPRESSION, SET STATISTICS and the attribute
 * options where from and to differ, of a column of rel (a table or a
 * materialized view). */
static void column_settings(pg_emit *e, const sd_object *t,
                            const sd_column *from, const sd_column *to,
                            bool retyped)
{
	const char *col = to->base.name;

	/* a new type starts with its own storage and compression */
	if (sd_column_x(to)->storage && (retyped || sd_column_x(to)->storage != sd_column_x(from)->storage)) {
		alter_column(e, t, col);
		storage_word(e, sd_column_x(to)->storage);
	} else if (!sd_column_x(to)->storage && sd_column_x(from)->storage && !retyped) {
		default_storage(e, t, to);
	}
	if (!sd_streq(sd_column_x(from)->compression, sd_column_x(to)->compression) ||
	    (retyped && sd_column_x(to)->compression)) {
		alter_column(e, t, col);
		sd_buf_printf(e->out, "SET COMPRESSION %s;\n",
		              sd_column_x(to)->compression ? sd_column_x(to)->compression : "default");
	}
	if (sd_column_x(from)->statistics_set != sd_column_x(to)->statistics_set ||
	    sd_column_x(from)->statistics != sd_column_x(to)->statistics) {
		alter_column(e, t, col);
		sd_buf_printf(e->out, "SET STATISTICS %d;\n",
		              sd_column_x(to)->statistics_set ? sd_column_x(to)->statistics : -1);
	}
	column_options(e, t, from, to);
}

void sd_pg_emit_column_settings(pg_emit *e, const sd_table *t,
                                const sd_column *from, const sd_column *to,
                                bool retyped)
{
	column_settings(e, &t->base, from, to, retyped);
}

/* The settings of column c of rel just created, from the defaults: all
 * but its COMPRESSION when its definition gave that. */
static void created_column_settings(pg_emit *e, const sd_object *rel,
                                    const sd_column *c, bool compressed)
{
	sd_column none;
	sd_column_ext nx;

	memset(&none, 0, sizeof(none));
	memset(&nx, 0, sizeof(nx));
	if (compressed)
		nx.compression = sd_column_x(c)->compression;
	nx.owner = &none;
	none.ext = &nx;
	column_settings(e, rel, &none, c, false);
}

void sd_pg_emit_new_column_settings(pg_emit *e, const sd_table *t,
                                    const sd_column *c)
{
	if (!sd_column_x(c)->storage && !sd_column_x(c)->statistics_set && !sd_column_x(c)->options.n)
		return;
	created_column_settings(e, &t->base, c, true);
}

void sd_pg_emit_view_settings(pg_emit *e, const sd_op *op)
{
	const sd_view *from = (const sd_view *)op->obj_old;
	const sd_view *to = (const sd_view *)op->obj_new;
	size_t i;

	if (op->changes & SD_CHANGE_OPTIONS)
		storage_parameters(e, &to->base, &from->options, &to->options);
	for (i = 0; (op->changes & SD_CHANGE_STORAGE) && i < to->ncolumns; i++) {
		const sd_column *c = to->columns[i];
		const sd_column *was = sd_view_column(from, c->base.name);
		if (was)
			column_settings(e, &to->base, was, c, false);
	}
}

void sd_pg_emit_view_created_settings(pg_emit *e, const sd_view *v)
{
	size_t i;

	if (!v->materialized)
		return;
	for (i = 0; i < v->ncolumns; i++)
		if (v->columns[i]->ext)
			created_column_settings(e, &v->base, v->columns[i],
			                        false);
}
