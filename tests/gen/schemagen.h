/*
 * schemagen.h - a seeded random generator and mutator of sd_schema values,
 * and the rows that fit them, for the property-based convergence suite.
 *
 * Everything is a pure function of the seed: the same seed and options give
 * the same schema, the same mutation and the same rows, on every machine
 * (own PRNG; never rand()).
 *
 * Schemas are built the way the models loader leaves them: every constraint
 * and index named, a single integer primary key marked autoincrement, NOT
 * NULL primary-key columns, defaults written as SQL constants of the
 * column's type in the target dialect.
 *
 * Data invariants the mutator keeps, so that a mutated schema B still
 * accepts the rows generated for A:
 *  - row i holds sd_gen_value(type, i) in every column ("key" types:
 *    integers, numeric, strings, uuid, date), so any set of key columns is
 *    unique and any foreign key column matches row i of the referenced
 *    table; key columns never hold NULL;
 *  - only non-key columns hold NULLs, and they are never part of a unique
 *    constraint, index or foreign key; making one NOT NULL sets a backfill;
 *  - enum columns hold the enum's first value, which is never removed;
 *  - strings are at most 4 characters, numbers small and positive, so
 *    narrowing type changes and checks (`c > 0`, `length(c) > 0`) hold.
 */
#ifndef SD_SCHEMAGEN_H
#define SD_SCHEMAGEN_H

#include "model/schema.h"

/* splitmix64-seeded xoshiro256** */
typedef struct sd_rng {
	uint64_t s[4];
} sd_rng;

void sd_rng_seed(sd_rng *r, uint64_t seed);
uint64_t sd_rng_next(sd_rng *r);
/* Uniform in [0, n); 0 when n is 0. */
unsigned sd_rng_below(sd_rng *r, unsigned n);
/* true with probability percent/100. */
bool sd_rng_chance(sd_rng *r, unsigned percent);
/* splitmix64 step: mixes a seed and an index into a new seed. */
uint64_t sd_rng_mix(uint64_t seed, uint64_t index);

/* Mutation kinds, as bits of sd_gen_opts.mutations. */
enum {
	SD_MUT_ADD_TABLE = 1u << 0,
	SD_MUT_DROP_TABLE = 1u << 1,
	SD_MUT_RENAME_TABLE = 1u << 2,
	SD_MUT_ADD_COLUMN = 1u << 3,
	SD_MUT_DROP_COLUMN = 1u << 4,
	SD_MUT_RENAME_COLUMN = 1u << 5,
	SD_MUT_TYPE_WIDEN = 1u << 6,
	SD_MUT_TYPE_NARROW = 1u << 7,
	SD_MUT_TYPE_CAST = 1u << 8,   /* integer/date/uuid <-> text */
	SD_MUT_SET_NOT_NULL = 1u << 9, /* with backfill */
	SD_MUT_DROP_NOT_NULL = 1u << 10,
	SD_MUT_SET_DEFAULT = 1u << 11, /* add or change */
	SD_MUT_DROP_DEFAULT = 1u << 12,
	SD_MUT_ADD_INDEX = 1u << 13,
	SD_MUT_DROP_INDEX = 1u << 14,
	SD_MUT_ADD_UNIQUE = 1u << 15,
	SD_MUT_DROP_UNIQUE = 1u << 16,
	SD_MUT_ADD_CHECK = 1u << 17,
	SD_MUT_DROP_CHECK = 1u << 18,
	SD_MUT_ADD_FK = 1u << 19,
	SD_MUT_DROP_FK = 1u << 20,
	SD_MUT_ENUM_ADD_VALUE = 1u << 21,
	SD_MUT_ENUM_DROP_VALUE = 1u << 22,
	SD_MUT_TABLE_SETTINGS = 1u << 23, /* PostgreSQL: UNLOGGED, storage
	                                     parameters, REPLICA IDENTITY,
	                                     a column's STORAGE/STATISTICS */
	SD_MUT__COUNT = 24,
	SD_MUT_ALL = (1u << 24) - 1,
};

/* Generator features, as bits of sd_gen_opts.features. */
enum {
	SD_GEN_ENUMS = 1u << 0,        /* enum types and enum(x) columns */
	SD_GEN_EXPR_INDEX = 1u << 1,   /* lower(c) index keys */
	SD_GEN_PARTIAL_INDEX = 1u << 2,/* WHERE c IS NOT NULL / c > 0 */
	SD_GEN_FK_CYCLES = 1u << 3,    /* FKs to later tables and self */
	SD_GEN_FUNC_DEFAULTS = 1u << 4,/* CURRENT_TIMESTAMP, CURRENT_DATE */
	SD_GEN_COMPOSITE_PK = 1u << 5,
	SD_GEN_CHECKS = 1u << 6,
	SD_GEN_JSON = 1u << 7,         /* json, jsonb columns */
	SD_GEN_BINARY = 1u << 8,       /* binary columns */
	SD_GEN_INTERVAL = 1u << 9,     /* interval columns */
	/* Combinations inside one pair (off = the mutator avoids them): */
	SD_GEN_DROP_RENAMED_REFS = 1u << 10, /* drop a table whose FKs point
	                                        at a table/column renamed in
	                                        the same pair */
	SD_GEN_REINDEX_RENAMED = 1u << 11,   /* add/drop indexes on a table
	                                        whose columns are renamed */
	SD_GEN_BACKFILL_CAST = 1u << 12,     /* NOT NULL with backfill on a
	                                        column cast to another type
	                                        in the same pair */
	SD_GEN_INDEX_DESC = 1u << 13,        /* descending index keys */
	SD_GEN_FK_OPTIONS = 1u << 14,        /* on_update, deferrable FKs
	                                        (PostgreSQL) */
	SD_GEN_COMMENTS = 1u << 15,          /* table and column comments
	                                        (PostgreSQL) */
	SD_GEN_SQLITE_LOGIC = 1u << 16,      /* a view over a table and a
	                                        trigger on it (SQLite), taken
	                                        along by its renames, drops
	                                        and rebuilds */
	SD_GEN_PG_TABLE_SETTINGS = 1u << 17, /* UNLOGGED (never referenced
	                                        by a logged table), fillfactor,
	                                        REPLICA IDENTITY FULL, column
	                                        STORAGE and STATISTICS
	                                        (PostgreSQL) */
	SD_GEN_PG_LOGIC = 1u << 18,          /* a view naming a column of a
	                                        table, and a trigger on it
	                                        with its plpgsql function
	                                        (PostgreSQL): taken along
	                                        by renames and drops, dropped
	                                        and created again around a
	                                        type change */
	SD_GEN_FEATURES_ALL = (1u << 19) - 1,
};

typedef struct sd_gen_opts {
	bool postgres;        /* dialect of the defaults and values */
	bool portable;        /* defaults both databases take (true/false);
	                         turn SD_GEN_BINARY off too: no binary
	                         literal is portable */
	unsigned max_tables;  /* >= 1 */
	unsigned max_columns; /* >= 2, per table, before FK columns */
	unsigned max_mutations;/* per mutate call, >= 1 */
	unsigned mutations;   /* SD_MUT_* allowed */
	unsigned features;    /* SD_GEN_* allowed */
} sd_gen_opts;

/* Sensible defaults for a dialect: every mutation and feature on. */
void sd_gen_opts_default(sd_gen_opts *o, bool postgres);

/* A new random schema (caller frees with sd_schema_free). */
sd_schema *sd_gen_schema(sd_rng *r, const sd_gen_opts *o);

/*
 * A deep copy of s (renamed_from and backfill included), indexed. Caller
 * frees with sd_schema_free.
 */
sd_schema *sd_gen_clone(const sd_schema *s);

/*
 * B = a mutated copy of a: 1..max_mutations mutations of the allowed
 * kinds. renamed_from is set on renamed tables and columns, backfill on
 * columns made NOT NULL. When log is not NULL, one line per applied
 * mutation is appended ("drop column t1.c2"). *applied (may be NULL)
 * receives the SD_MUT_* bits actually applied. Never returns a schema
 * equal to a unless no allowed mutation applies at all.
 */
sd_schema *sd_gen_mutate(sd_rng *r, const sd_schema *a, const sd_gen_opts *o,
                         sd_buf *log, unsigned *applied);

/* Name of a mutation bit ("drop_column"), or NULL. */
const char *sd_gen_mutation_name(unsigned bit);
/* Parses a comma list of mutation names into bits; false on unknown. */
bool sd_gen_mutations_parse(const char *list, unsigned *out);

/*
 * Checks the generator's own invariants: unique names per table and per
 * constraint/index namespace, columns of keys exist, FK columns have the
 * referenced types and point at a PK or unique, enums referenced exist.
 * Returns true when valid; otherwise appends the reason to why.
 */
bool sd_gen_validate(const sd_schema *s, bool postgres, sd_buf *why);

/* ------------------------------------------------------------------ */
/* Rows                                                                */
/* ------------------------------------------------------------------ */

/* Rows per table. */
#define SD_GEN_ROWS 3

/* true for types whose sd_gen_value is injective in the row and never
 * NULL (usable in keys, uniques, indexes and foreign keys). */
bool sd_gen_type_is_key(const sd_type *t);

/*
 * The text value of column c (of table t in schema s) in row i, as bound
 * parameter text for the dialect, or NULL for SQL NULL. Static or
 * arena-allocated in s.
 */
const char *sd_gen_value(const sd_schema *s, const sd_table *t,
                         const sd_column *c, unsigned row, bool postgres);

/* Removal helpers for the shrinker (each keeps the schema valid by also
 * removing what depends on the removed object). */
void sd_gen_remove_table(sd_schema *s, size_t ti);
void sd_gen_remove_column(sd_schema *s, sd_table *t, size_t ci);
void sd_gen_remove_unique(sd_schema *s, sd_table *t, size_t i);
void sd_gen_remove_fk(sd_table *t, size_t i);
void sd_gen_remove_check(sd_table *t, size_t i);
void sd_gen_remove_index(sd_table *t, size_t i);
/* true when expression sql mentions identifier name as a token. */
bool sd_gen_expr_mentions(const char *sql, const char *name);

/*
 * Appends s as a models file (SPEC "Models"), renamed_from and backfill
 * included, so a shrunk pair can be kept under testdata/converge/ and
 * replayed through the loader, or run by hand with `schemadiff diff`.
 */
void sd_gen_write_yaml(sd_buf *out, const sd_schema *s);

#endif
