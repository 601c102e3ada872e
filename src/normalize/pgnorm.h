/*
 * pgnorm.h - internal to the PostgreSQL normaliser: its state, shared by
 * postgres.c (the scratch schema round trip), pg_live.c (what the live
 * catalog already answers) and pg_logic.c (views, functions, triggers,
 * policies and rules, in a transaction of their own on the same scratch
 * schemas).
 */
#ifndef SD_NORMALIZE_PGNORM_H
#define SD_NORMALIZE_PGNORM_H

#include <libpq-fe.h>

#include "model/logic.h"
#include "normalize/normalize.h"
#include "normalize/pg_norm.h"

SD_LAYER_HEADER(NORMALIZE);

typedef struct pg_norm {
	PGconn *conn;
	sd_schema *models;
	const sd_schema *live; /* the database's catalog, or NULL */
	sd_error *err;
	sd_arena *tmp;
	const char **scratch; /* scratch schema names */
	const char **orig;    /* the model schema each stands for */
	size_t nscratch;
	size_t seq;           /* numbers scratch object names */
	/* In the names of scratch tables and indexes: every run's names are
	 * new, so the lookups by name never wade through the dead catalog
	 * rows that earlier (rolled back) runs left behind. */
	const char *tag;
	/* Model columns whose verbatim type, and indexes whose operator
	 * classes, collations and parameters, the live catalog already
	 * spells alike (keys: sd_pgnorm_key). */
	sd_map *resolved;
	/* Model tables whose every column has the live twin's type and
	 * collation (keys: sd_pgnorm_key): what names them means the same
	 * on both sides. */
	sd_map *same;
	sd_pg_scratch sc; /* the same, for pg_objects.c */
} pg_norm;

/* The key of a model object in nm->resolved. */
const char *sd_pgnorm_key(pg_norm *nm, const void *object);

/*
 * Fills in, from nm->live, the canonical forms of whatever the models
 * spell exactly as the catalog does (pg_live.c); the rest is left for the
 * server.
 */
void sd_pgnorm_adopt_live(pg_norm *nm);
/*
 * When every view, function, trigger, policy and rule of the models is
 * spelled as its live twin, on tables that kept their columns: their
 * canonical texts from the live catalog, and true (the logic's round
 * trip is not needed). Else false, and nothing changed.
 */
bool sd_pgnorm_adopt_logic(pg_norm *nm);
/* The same for the models' extensions, collations, domains, composite
 * and range types (their read-back is not needed when true)... */
bool sd_pgnorm_adopt_objects(pg_norm *nm);
/* ... and for the partition keys and bounds. */
bool sd_pgnorm_adopt_partitions(pg_norm *nm);

/* postgres.c, shared with pg_logic.c */
/* The scratch twin of a model schema (NULL: the default one). */
const char *sd_pgn_scratch_for(const pg_norm *nm, const char *schema);
/* sql with every "schema." prefix naming a model schema replaced by its
 * scratch twin ("'x'::billing.status" -> "'x'::sd_norm_..._1.status"),
 * in nm->tmp; NULL for NULL. */
const char *sd_pgn_to_scratch(pg_norm *nm, const char *sql);
/* Text the server printed with scratch schemas, with the models' schemas
 * put back (nothing for the default one); a copy in the models' arena. */
const char *sd_pgn_unscratch(const pg_norm *nm, const char *text);
/* A copy of column src of t under `name` with nothing but its type (an
 * enum's pointing at its scratch twin), collation and generation. */
sd_column *sd_pgn_scratch_column(pg_norm *nm, const sd_table *t,
                                 const sd_column *src, const char *name);
/* Runs statements; on failure an error naming `what` (may be NULL). */
int sd_pgn_exec(pg_norm *nm, const char *sql, const char *what);
/* Adds "<doing>: <server message>" naming object (may be NULL). */
int sd_pgn_error(pg_norm *nm, sd_code code, const char *object,
                 const char *doing, PGresult *res);

/* pg_logic.c: whether the models have logic to normalise, and doing it
 * (inside the normaliser's transaction, scratch schemas made). */
bool sd_pgn_has_logic(const sd_schema *models);
/* Calls add(ctx, schema) for every schema the logic names; returns how
 * many calls that makes (add NULL: only counts). */
size_t sd_pgn_logic_schemas(const sd_schema *models,
                            void (*add)(void *ctx, const char *schema),
                            void *ctx);
int sd_pgn_logic(pg_norm *nm);
/* View v's columns as the server has them in s (the scratch twin or the
 * live view), the models' comments and defaults kept on them by name. */
void sd_pgn_view_columns(pg_norm *nm, sd_view *v, const sd_view *s);
/* The models' functions that defaults, checks, generated columns and
 * indexes call, created in the scratch schemas before the tables'
 * round trip (those whose bodies need no table). */
int sd_pgn_table_functions_sql(pg_norm *nm, sd_buf *sql);

#endif
