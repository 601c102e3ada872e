/*
 * pg_stats.c - PostgreSQL extended statistics: CREATE STATISTICS with its
 * target and comment, DROP STATISTICS, ALTER STATISTICS ... SET
 * STATISTICS.
 *     CREATE STATISTICS "addresses_zip_city" (ndistinct, dependencies)
 *         ON "zip", "city" FROM "addresses";
 *     CREATE STATISTICS "addresses_mcv" (mcv) ON "country", (lower(city))
 *         FROM "addresses";
 * Expressions are written in parentheses (CREATE STATISTICS takes any
 * expression so), the columns first, as the catalog keeps them.
 */
#include "emit/pg_emit.h"

static void stat_name(pg_emit *e, const sd_statistics *s)
{
	sd_pg_emit_qname(e, s->base.schema, s->base.name);
}

static void set_target(pg_emit *e, const sd_statistics *s, int target)
{
	put(e, "ALTER STATISTICS ");
	stat_name(e, s);
	sd_buf_printf(e->out, " SET STATISTICS %d;\n", target);
}

static void create_statistics(pg_emit *e, const sd_table *t,
                              const sd_statistics *s)
{
	const char *sep = "";
	size_t i;

	put(e, "CREATE STATISTICS ");
	stat_name(e, s);
	if (s->kinds.n) {
		put(e, " (");
		for (i = 0; i < s->kinds.n; i++)
			sd_buf_printf(e->out, "%s%s", i ? ", " : "",
			              s->kinds.items[i]);
		put(e, ")");
	}
	put(e, " ON ");
	for (i = 0; i < s->columns.n; i++) {
		put(e, sep);
		sd_pg_emit_ident(e, s->columns.items[i]);
		sep = ", ";
	}
	for (i = 0; i < s->nexpressions; i++) {
		sd_buf_printf(e->out, "%s(%s)", sep, s->expressions[i].sql);
		sep = ", ";
	}
	put(e, " FROM ");
	sd_pg_emit_qname(e, t->base.schema, t->base.name);
	put(e, ";\n");
	if (s->target_set)
		set_target(e, s, s->target);
	if (s->comment)
		sd_pg_emit_object_comment(e, &s->base, s->comment);
}

int sd_pg_emit_statistics_op(pg_emit *e, const sd_op *op, sd_error *err)
{
	const sd_statistics *o = (const sd_statistics *)op->obj_old;
	const sd_statistics *n = (const sd_statistics *)op->obj_new;

	switch (op->kind) {
	case SD_OP_CREATE_OBJECT:
		create_statistics(e, op->table, n);
		return SD_OK;
	case SD_OP_DROP_OBJECT:
		put(e, "DROP STATISTICS ");
		stat_name(e, o);
		put(e, ";\n");
		return SD_OK;
	case SD_OP_ALTER_OBJECT:
		set_target(e, n, n->target_set ? n->target : -1);
		return SD_OK;
	default:
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: cannot emit operation %s on "
		                    "statistics",
		                    sd_op_kind_name(op->kind));
	}
}
