/*
 * pg_pipe.c - catalog queries sent ahead in one pipeline (pg_pipe.h).
 */
#include <stdlib.h>
#include <string.h>

#include "introspect/pg_pipe.h"
#include "util/util.h"

void sd_pg_pipe_send(sd_pg_pipe *p, PGconn *conn, const char *sql)
{
	if (!p->on) {
		if (p->n || !PQenterPipelineMode(conn))
			return;
		p->on = true;
		p->synced = false;
		p->conn = conn;
	}
	if (p->conn != conn ||
	    !PQsendQueryParams(conn, sql, 0, NULL, NULL, NULL, NULL, 0))
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->sql = sd_xrealloc(p->sql, p->cap * sizeof(*p->sql));
	}
	p->sql[p->n++] = sd_xstrdup(sql);
}

/* Back to no pipeline: nothing queued, the connection out of pipeline
 * mode (after the Sync's result and anything else still to be read). */
static void pipe_close(sd_pg_pipe *p)
{
	PGresult *res;
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->sql[i]);
	p->n = p->next = 0;
	if (!p->on)
		return;
	p->on = false;
	if (PQexitPipelineMode(p->conn))
		return;
	/* the Sync's result (no NULL follows it), then what is left */
	while ((res = PQgetResult(p->conn)) &&
	       PQresultStatus(res) != PGRES_PIPELINE_SYNC)
		PQclear(res);
	PQclear(res);
	while ((res = PQgetResult(p->conn)))
		PQclear(res);
	PQexitPipelineMode(p->conn);
}

void sd_pg_pipe_sync(sd_pg_pipe *p)
{
	if (!p->on)
		return;
	if (p->next == p->n || !PQpipelineSync(p->conn)) {
		p->next = p->n; /* nothing of it is to be read */
		sd_pg_pipe_end(p);
		return;
	}
	p->synced = true;
}

bool sd_pg_pipe_next(const sd_pg_pipe *p, const char *sql)
{
	return p && p->on && p->next < p->n &&
	       strcmp(p->sql[p->next], sql) == 0;
}

void sd_pg_pipe_taken(sd_pg_pipe *p)
{
	if (++p->next == p->n)
		pipe_close(p);
}

void sd_pg_pipe_end(sd_pg_pipe *p)
{
	PGresult *res;

	if (!p)
		return;
	if (p->on && !p->synced && !PQpipelineSync(p->conn))
		p->next = p->n;
	/* each query's results end with a NULL */
	for (; p->on && p->next < p->n; p->next++)
		while ((res = PQgetResult(p->conn)))
			PQclear(res);
	pipe_close(p);
	free(p->sql);
	p->sql = NULL;
	p->cap = 0;
}

PGresult *sd_pg_pipe_query(sd_pg_pipe *p, PGconn *conn, const char *sql,
                           int nparams, const char *const *params,
                           size_t *nqueries, sd_error *err)
{
	PGresult *res, *more;

	if (nparams == 0 && sd_pg_pipe_next(p, sql)) {
		if (nqueries)
			(*nqueries)++;
		res = PQgetResult(conn);
		while ((more = PQgetResult(conn)))
			PQclear(more);
		sd_pg_pipe_taken(p);
		res = sd_pg_catalog_result(res, err);
		if (!res)
			sd_pg_pipe_end(p);
		return res;
	}
	if (p && p->on)
		sd_pg_pipe_end(p);
	return sd_pg_catalog_query(conn, sql, nparams, params, nqueries, err);
}
