/*
 * pg_read.h - internal to the PostgreSQL catalog reader: its state, shared
 * by postgres.c (tables, columns, constraints, indexes), pg_stats.c
 * (extended statistics) and pg_logic.c
 * (views, functions, triggers, policies, rules, grants, dependencies),
 * and the SQL fragments that pick the user's objects.
 */
#ifndef SD_INTROSPECT_PG_READ_H
#define SD_INTROSPECT_PG_READ_H

#include "introspect/postgres.h"
#include "introspect/pg_pipe.h"

#define USER_NSP SD_PG_USER_NSP

/* The OIDs of every table in a user schema (partitions and extension
 * tables too: their column names are needed for foreign keys). */
#define USER_TABLES                                                           \
	" (SELECT c.oid FROM pg_class c WHERE c.relkind IN ('r', 'p')"        \
	"  AND c.relnamespace IN" USER_NSP ") "

#define NOT_EXTENSION(catalog, oid) SD_PG_NOT_EXTENSION(catalog, oid)

/* Not a function a type made for itself (a range type's constructors,
 * its multirange's): it comes and goes with the type. */
#define NOT_TYPE_OWN_PROC(oid)                                                \
	" NOT EXISTS (SELECT 1 FROM pg_depend i"                              \
	"  WHERE i.classid = 'pg_proc'::regclass AND i.objid = " oid          \
	"  AND i.deptype = 'i') "

/* Tables and materialized views: what has indexes. */
#define USER_RELS                                                             \
	" (SELECT c.oid FROM pg_class c WHERE c.relkind IN ('r', 'p', 'm')"   \
	"  AND c.relnamespace IN" USER_NSP ") "

/* What is known of one table by OID: its model object (NULL when it is
 * left out) and its column names and collations by attribute number. */
typedef struct pg_rel {
	sd_table *table;
	int natt;             /* highest attribute number */
	int cap;              /* room in the arrays below */
	const char **att;     /* [1..natt], NULL for dropped */
	const char **attcoll; /* collation OID text per attribute */
	sd_column **cols;     /* the table's columns by attribute number */
} pg_rel;

typedef struct pg_read {
	PGconn *conn;
	sd_schema *s;
	const sd_introspect_opts *opts;
	size_t *nqueries;
	sd_error *err;
	sd_map *rels; /* oid text -> pg_rel* */
	sd_arena *tmp; /* for the reading only (NULL: the schema's) */
	sd_pg_pipe *pipe; /* the queries sent ahead, NULL for none */
	sd_vec managed; /* the pg_rel of every table read */
	/* The session's current schema, which unqualified names (the
	 * models' schema NULL) stand for: public unless the search path
	 * says otherwise. */
	const char *default_nsp;
	/* The OIDs of the user schemas as read first, " (0,2200,...) ":
	 * what USER_NSP selects, put in its place in the queries after. */
	const char *nsp_list;
	/* The rarer kinds the schemas have (letters of PRESENT_KINDS in
	 * postgres.c), NULL when not known: every query is sent. */
	const char *present;
	/* Another set of schemas than the user's (the normaliser's scratch
	 * schemas): an SQL fragment " (SELECT oid ...) " for the queries,
	 * and what each of its schemas stands for (NULL: the default). */
	const char *nsp_sql;
	const char *(*nsp_map)(void *ctx, const char *nspname);
	void *nsp_ctx;
	/* pg_logic.c: views by relation OID, and the materialized ones
	 * (sd_view*) whose stand-in tables collect their indexes */
	sd_map *views;
	sd_vec matviews;
	/* postgres.c: the indexes and keys of partitioned tables by the
	 * OID of their index, NULL when there is none */
	sd_map *index_oids;
} pg_read;

/* Queues sql (made with the same substitutions as sd_pgr_query's) on
 * r->pipe, when there is one. */
void sd_pgr_send(pg_read *r, const char *sql);
/* One catalog query with text parameters: the result, or NULL with the
 * error added. Counts in r->nqueries. */
PGresult *sd_pgr_query(pg_read *r, const char *sql, int nparams,
                       const char *const *params);
/* A cell's text, NULL for SQL NULL; a boolean cell. */
const char *sd_pgr_cell(PGresult *res, int row, int col);
bool sd_pgr_true(PGresult *res, int row, int col);
/* The elements of a text[] as the server prints it ({a,"b c"}). */
void sd_pgr_text_array(sd_arena *a, sd_strlist *out, const char *lit);
/* Whether the schemas have no object of a kind (a PRESENT_KINDS letter):
 * its query need not be sent. */
bool sd_pgr_absent(const pg_read *r, char kind);
/* The schema a catalog namespace stands for: NULL for the default. */
const char *sd_pgr_nsp(const pg_read *r, const char *nspname);
/* The relation of an OID, created when first seen. */
pg_rel *sd_pgr_rel(pg_read *r, const char *oid);
/* Records attribute attnum's name of rel (for index keys). */
void sd_pgr_attribute(pg_read *r, pg_rel *rel, int attnum, const char *name);
/* STORAGE other than the type's, COMPRESSION, SET STATISTICS of column
 * c, the type's own STORAGE and the attribute options, from the five
 * cells of row i from `first` on: a.attstorage, a.attcompression,
 * a.attstattarget, t.typstorage, a.attoptions (PG_COLUMN_SETTINGS). */
#define PG_COLUMN_SETTINGS                                                    \
	" a.attstorage, a.attcompression, a.attstattarget, t.typstorage,"     \
	" a.attoptions"
void sd_pgr_column_settings(sd_arena *a, PGresult *res, int i, int first,
                            sd_column *c);
/* Left out: the version table and its companions, ignore globs. */
bool sd_pgr_skip(const pg_read *r, const char *schema, const char *name);

/* pg_stats.c: extended statistics, sent after the logic's queries and
 * read after them (once the tables and their columns are in). */
void sd_pgr_send_statistics(pg_read *r);
int sd_pgr_read_statistics(pg_read *r);

/* pg_zero.c: a literal of their type for the NOT NULL columns without
 * default whose type the differ knows no value of (sd_column.zero), once
 * the tables are read; no round trip when there is none. */
int sd_pgr_read_zeros(pg_read *r);

/* pg_logic.c: views and materialized views, once the tables are read
 * (before the indexes, which are read for materialized views too)... */
int sd_pgr_read_views(pg_read *r);
/* Queue what sd_pgr_read_views and sd_pgr_read_logic will ask, in
 * their order (sd_pgr_send). */
void sd_pgr_send_views(pg_read *r);
void sd_pgr_send_logic(pg_read *r);
/* ... and the rest of the logic once the indexes are in. */
int sd_pgr_read_logic(pg_read *r);

#endif
