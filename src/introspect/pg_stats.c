/*
 * pg_stats.c - PostgreSQL extended statistics (CREATE STATISTICS) from
 * the catalog: one query for every table's, sent with the last stage of
 * the reading and only when the user schemas have any (PRESENT_KINDS 't'
 * in postgres.c).
 *
 * The catalog keeps the columns as attribute numbers (stxkeys, in the
 * table's order) and the kinds as letters (stxkind: d ndistinct,
 * f dependencies, m mcv, e the expressions' own, added by the server);
 * the server deparses only the expressions.
 */
#include "introspect/pg_read.h"

#include <stdlib.h>
#include <string.h>

/* The statistics of the user tables, an extension's left out. */
static const char q_statistics[] =
	"SELECT s.stxrelid, n.nspname, s.stxname, s.stxkeys, s.stxkind,"
	" CASE WHEN s.stxexprs IS NOT NULL"
	"  THEN pg_get_statisticsobjdef_expressions(s.oid) END,"
	" s.stxstattarget, ds.description"
	" FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = s.oid"
	"  AND ds.classoid = 'pg_statistic_ext'::regclass AND ds.objsubid = 0"
	" WHERE s.stxrelid IN" USER_TABLES
	"AND" NOT_EXTENSION("pg_statistic_ext", "s.oid")
	"ORDER BY 1, 3";

void sd_pgr_send_statistics(pg_read *r)
{
	if (!sd_pgr_absent(r, 't'))
		sd_pgr_send(r, q_statistics);
}

/*
 * stxkind ("{d,f,m,e}") -> the kinds asked for, none when every one of
 * ndistinct, dependencies and mcv is (as CREATE STATISTICS without a
 * list, and as pg_get_statisticsobjdef leaves the list out).
 */
static void read_kinds(sd_arena *a, const char *letters, sd_strlist *out)
{
	static const char codes[] = "dfm";
	size_t i, n = 0;

	for (i = 0; letters && codes[i]; i++)
		if (strchr(letters, codes[i]))
			n++;
	if (n == 3)
		return;
	for (i = 0; letters && codes[i]; i++)
		if (strchr(letters, codes[i]))
			sd_strlist_push(a, out, sd_statistics_kinds[i]);
}

/* One row: the statistics of a table read (not of one left out). */
static void statistics_row(pg_read *r, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	pg_rel *rel = sd_pgr_rel(r, sd_pgr_cell(res, i, 0));
	const char *keys = sd_pgr_cell(res, i, 3);
	const char *target = sd_pgr_cell(res, i, 6);
	sd_strlist exprs = {0};
	sd_statistics *st;
	char *end;
	size_t k;

	if (!rel->table)
		return;
	st = sd_table_add_statistics(r->s, rel->table, sd_pgr_cell(res, i, 2));
	st->base.schema = sd_arena_strdup(
		a, sd_pgr_nsp(r, sd_pgr_cell(res, i, 1)));
	for (const char *p = keys; p && *p; p = end) {
		long attnum = strtol(p, &end, 10);
		if (end == p)
			break;
		if (attnum > 0 && attnum <= rel->natt && rel->att[attnum])
			sd_strlist_push(a, &st->columns, rel->att[attnum]);
	}
	read_kinds(a, sd_pgr_cell(res, i, 4), &st->kinds);
	if (sd_pgr_cell(res, i, 5))
		sd_pgr_text_array(r->s->arena, &exprs, sd_pgr_cell(res, i, 5));
	for (k = 0; k < exprs.n; k++) {
		sd_statistics_add_expression(r->s, st, exprs.items[k]);
		/* the server's text is its canon */
		st->expressions[k].canon = st->expressions[k].sql;
	}
	if (target && atoi(target) >= 0) {
		st->target = atoi(target);
		st->target_set = true;
	}
	st->comment = sd_arena_strdup(a, sd_pgr_cell(res, i, 7));
}

int sd_pgr_read_statistics(pg_read *r)
{
	PGresult *res;
	int i;

	if (sd_pgr_absent(r, 't'))
		return SD_OK;
	res = sd_pgr_query(r, q_statistics, 0, NULL);
	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++)
		statistics_row(r, res, i);
	PQclear(res);
	return SD_OK;
}
