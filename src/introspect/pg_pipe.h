/*
 * pg_pipe.h - catalog queries sent ahead in one pipeline (libpq's pipeline
 * mode): the server answers them back to back while the client converts
 * the earlier results, one round trip for a whole stage of the catalog
 * read instead of one per query.
 *
 * The reader queues the queries of a stage in the order it will ask for
 * them (sd_pg_pipe_send, then sd_pg_pipe_sync); sd_pg_pipe_query then
 * takes a queued query's result. A query asked out of that order (one
 * with parameters made from an earlier result, or one the stage did not
 * queue) first ends the pipeline: the results not taken yet are dropped
 * and their queries run on their own when asked, so the order only
 * matters for speed, never for what is read.
 */
#ifndef SD_INTROSPECT_PG_PIPE_H
#define SD_INTROSPECT_PG_PIPE_H

#include "introspect/postgres.h"

SD_LAYER_HEADER(INTROSPECT);

typedef struct sd_pg_pipe {
	PGconn *conn;
	char **sql;  /* the queued queries, malloc'ed */
	size_t n;    /* how many were queued */
	size_t next; /* the next one whose result is to be taken */
	size_t cap;
	bool on;     /* the connection is in pipeline mode */
	bool synced; /* the Sync of the queued queries is sent */
} sd_pg_pipe;

/* Queues sql (no parameters) on the pipeline (entering pipeline mode);
 * a query that cannot be sent is simply not queued. */
void sd_pg_pipe_send(sd_pg_pipe *p, PGconn *conn, const char *sql);

/* Ends the stage: the server may answer all queued queries now. */
void sd_pg_pipe_sync(sd_pg_pipe *p);

/* Whether sql is the next queued query (its results are next on the
 * connection). */
bool sd_pg_pipe_next(const sd_pg_pipe *p, const char *sql);

/* The next queued query's results have all been read (up to the NULL of
 * PQgetResult): leaves pipeline mode after the last one. */
void sd_pg_pipe_taken(sd_pg_pipe *p);

/* Drops what is still queued and leaves pipeline mode. */
void sd_pg_pipe_end(sd_pg_pipe *p);

/* sd_pg_catalog_query through the pipeline p (may be NULL): the queued
 * result when sql is next, else the query run on its own. */
PGresult *sd_pg_pipe_query(sd_pg_pipe *p, PGconn *conn, const char *sql,
                           int nparams, const char *const *params,
                           size_t *nqueries, sd_error *err);

#endif
