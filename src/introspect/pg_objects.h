/*
 * pg_objects.h - PostgreSQL's schema-level objects besides tables and
 * enums, read in one bulk query per kind: extensions, collations,
 * sequences (and identity columns' sequence options), domains, composite
 * and range types.
 *
 * The readers are shared by the catalog reader (postgres.c, every user
 * namespace) and the normaliser (the scratch namespaces it fills), which
 * is why the namespaces are a parameter.
 */
#ifndef SD_INTROSPECT_PG_OBJECTS_H
#define SD_INTROSPECT_PG_OBJECTS_H

#include "introspect/postgres.h"

SD_LAYER_HEADER(INTROSPECT);

typedef struct sd_pg_objread {
	PGconn *conn;
	sd_schema *s;         /* where the objects go */
	/* SQL: a parenthesised query of the OIDs of the namespaces to read
	 * (SD_PG_USER_NSP for a database's schema) */
	const char *nsp_oids;
	/* the kinds present ('o' collations, 'c' composite and 'r' range
	 * types), NULL when not known: the others are not read */
	const char *present;
	/* the namespace stored as NULL (the session's current schema) */
	const char *default_nsp;
	size_t *nqueries;     /* counts the queries, may be NULL */
	struct sd_pg_pipe *pipe; /* the queries sent ahead, may be NULL */
	sd_error *err;
	/* called per identity column with its sequence's options (allocated
	 * in s), relid being the table's OID as text; may be NULL */
	void (*identity)(void *ctx, const char *relid, int attnum,
	                 sd_identity_options *opts);
	void *ctx;
} sd_pg_objread;

/*
 * Reads extensions (not plpgsql), collations, sequences, domains,
 * composite and range types of r->nsp_oids into r->s, leaving out what an
 * extension owns. Returns SD_OK or SD_ERUNTIME with r->err set.
 */
int sd_pg_read_objects(sd_pg_objread *r);

/* Queues the queries sd_pg_read_objects(r) sends, in its order, on
 * r->pipe (pg_pipe.h). */
void sd_pg_send_objects(sd_pg_objread *r);

#endif
