/*
 * pgnorm.h - internal to the PostgreSQL normaliser: its state, shared by
 * postgres.c (the scratch schema round trip) and pg_live.c (what the live
 * catalog already answers).
 */
#ifndef SD_NORMALIZE_PGNORM_H
#define SD_NORMALIZE_PGNORM_H

#include <libpq-fe.h>

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

#endif
