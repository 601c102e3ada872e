/*
 * pg_norm.h - internal to the normalize layer: the scratch namespaces of
 * PostgreSQL's normaliser (postgres.c), shared with the normalisation of
 * the schema-level objects and of partitioning (pg_objects.c).
 */
#ifndef SD_NORMALIZE_PG_NORM_H
#define SD_NORMALIZE_PG_NORM_H

#include <libpq-fe.h>

#include "normalize/normalize.h"

SD_LAYER_HEADER(NORMALIZE);

/* The scratch twins of the models' namespaces, inside the normaliser's
 * transaction. */
typedef struct sd_pg_scratch {
	PGconn *conn;
	sd_schema *models;
	sd_arena *tmp;
	sd_error *err;
	const char *const *scratch; /* scratch schema names */
	const char *const *orig;    /* the model schema each stands for */
	size_t n;
	const char *tag;            /* unique per run */
} sd_pg_scratch;

/* NULL when sql parses by PostgreSQL's grammar (libpg_query's), else the
 * parser's message in a: "syntax error at or near \")\"". The server
 * parses a whole script before running any of it, so a statement of the
 * models that does not parse is kept out of it and reported at its line
 * with this message. */
const char *sd_pgn_syntax_error(sd_arena *a, const char *sql);

/* The scratch twin of a model schema (NULL: the default), or the name
 * itself when it is none of the models'. */
const char *sd_pg_scratch_for(const sd_pg_scratch *s, const char *schema);
/* A type's text with a leading model schema ("common.code") put into
 * its scratch twin; other texts as they are. Allocated in s->tmp. */
const char *sd_pg_scratch_type(const sd_pg_scratch *s, const char *text);
/* The server's text with the scratch twins' names put back (NULL for
 * NULL), allocated in the models' arena. */
const char *sd_pg_unscratch(const sd_pg_scratch *s, const char *text);
/* The same into arena a; with bare, a scratch name standing alone or
 * quoted ("sd_norm_..." in a message) becomes the model schema's name
 * too (the default namespace's for the default). */
const char *sd_pg_unscratch_in(const sd_pg_scratch *s, sd_arena *a,
                               const char *text, bool bare);

/* Whether the models have objects pg_objects.c canonicalises. */
bool sd_pg_norm_objects_wanted(const sd_schema *models);
/*
 * Appends to sql the statements creating the models' extensions (when
 * missing), collations, domains, composite and range types in their
 * scratch twins, each after what it uses.
 */
int sd_pg_norm_objects_sql(const sd_pg_scratch *s, sd_buf *sql);
/* Reads them back: the server's texts of domains' types, defaults and
 * checks, composite attributes' and range subtypes' types. */
int sd_pg_norm_objects_read(const sd_pg_scratch *s);
/* Domain d's canonical type, default and checks from r, the server's
 * (read from the scratch twins or the live catalog). */
void sd_pg_norm_domain_canon(const sd_pg_scratch *s, sd_domain *d,
                             const sd_domain *r);
/*
 * The server's texts of partition keys and bounds: the models'
 * partitioned tables and partitions are created in the scratch schema
 * under a savepoint, read back, and rolled back.
 */
int sd_pg_norm_partitions(const sd_pg_scratch *s);
/*
 * The server's text of a default that only calls nextval on a sequence
 * named plainly ("nextval('billing.seq')"), worked out here so that the
 * sequence need not exist; NULL for any other text. With a NULL, only
 * whether it can: sql itself or NULL.
 */
const char *sd_pg_canon_nextval(sd_arena *a, const char *sql);

#endif
