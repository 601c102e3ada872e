/*
 * differ.h - internal to the diff layer: the state the differ's files
 * share (diff.c drives the passes; columns.c, constraints.c, rebuild.c,
 * order.c and enums.c each own one part) and the functions they call
 * across files.
 */
#ifndef SD_DIFF_DIFFER_H
#define SD_DIFF_DIFFER_H

#include "diff/plan.h"

/*
 * The priority of each kind of change, pg_dump's per-kind priority: the
 * plan is sorted by phase, then by the order ops were queued, except where
 * a dependency between two ops says otherwise (depend.c).
 */
enum phase {
	PH_CREATE_NS,
	PH_DROP_LOGIC,    /* views, triggers, policies, rules, grants that go
	                     or come back changed; functions recreated */
	PH_CREATE_EXT,    /* extensions, before the types that use them */
	PH_ENUM,
	PH_CREATE_TYPE,   /* collations, sequences, domains, composite and
	                     range types, each after what it uses */
	PH_ALTER_TYPE,
	PH_CREATE_FUNC,   /* functions and procedures, before the defaults,
	                     checks and indexes that call them */
	PH_DROP_FK,
	PH_DETACH,        /* partitions detached, NO INHERIT, sequences
	                     no longer owned */
	PH_DROP_CONS,
	PH_RECREATE_ENUM, /* after the checks and indexes that go away */
	PH_RENAME_TABLE,
	PH_RENAME,
	PH_CREATE_TABLE,
	PH_COLUMNS,
	PH_REBUILD,
	PH_ADD_CONS,
	PH_ATTACH,        /* partitions attached, INHERIT, sequences owned */
	PH_ADD_FK,
	PH_CREATE_LOGIC,  /* views, triggers, policies, rules, grants */
	PH_DROP_COLUMN,
	PH_DROP_TABLE,
	PH_DROP_FUNC,     /* functions nothing uses any more */
	PH_DROP_TYPE,     /* each before what it uses */
	PH_DROP_ENUM,
	PH_DROP_EXT,
	PH_DROP_NS,
	PH_COMMENT,
};

typedef struct pending {
	sd_op *op;
	int phase;
	size_t seq;
	sd_strlist extra_warnings; /* folded ops' warnings (rebuilds) */
	size_t index;              /* position while the plan is sorted */
} pending;

/* A table of `from` matched with one of `to`; both are working copies. */
typedef struct tpair {
	sd_table *old;
	sd_table *new_;
	bool renamed;
	sd_map *col_o2n;      /* old column name -> new sd_column */
	sd_map *col_n2o;      /* new column name -> old sd_column */
	sd_map *type_changed; /* old column name -> old sd_column */
	sd_vec dropped_keys;  /* sd_strlist*: old pk/unique column lists */
	sd_vec added_keys;    /* sd_strlist*: new pk/unique column lists */
	sd_vec ops;           /* pending*, sequenced when flushed */
	bool options_changed; /* table_options differ: rebuild */
	bool recreate;        /* PostgreSQL: recreated (recreate.c) */
} tpair;

typedef struct dctx {
	sd_plan *plan;
	sd_arena *a;       /* the plan's arena */
	sd_arena *scratch; /* expression folding */
	const sd_diff_opts *opts;
	const sd_schema *from;
	const sd_schema *to;
	sd_dialect_caps caps;
	bool (*type_eq)(const sd_column *, const sd_column *);
	sd_vec pending;
	size_t seq;
	sd_map *old_tp;  /* old qualified name -> tpair */
	sd_map *new_tp;  /* new qualified name -> tpair */
	sd_vec pairs;    /* tpair*, in target name order */
	sd_vec created;  /* sd_table* (working copies), name order */
	sd_vec dropped;  /* sd_table* (working copies), name order */
	sd_map *inherited; /* qualified names of INHERITS parents (both sides) */
	/* dependencies of each side, "dependent uses referenced" (sd_dep*):
	 * the catalog's own, or read from the SQL text (depend.c) */
	sd_vec from_deps;
	sd_vec to_deps;
} dctx;

/* diff.c */
const char *sd_diff_qname(dctx *c, const char *schema, const char *name);
const char *sd_diff_tname(dctx *c, const sd_table *t);
sd_op *sd_diff_op_new(dctx *c, sd_op_kind kind, const sd_table *t);
pending *sd_diff_emit(dctx *c, sd_op *op, int phase);
void sd_diff_tp_emit(dctx *c, tpair *tp, sd_op *op, int phase);
void sd_diff_add_warning(dctx *c, sd_op *op, unsigned hazard,
                         const char *text);
bool sd_diff_table_ignored(const sd_diff_opts *o, const sd_table *t);
int sd_diff_cmp_object_ptr(const void *a, const void *b);
void *sd_diff_dup_ptrs(dctx *c, const void *src, size_t n, size_t size);
sd_table *sd_diff_work_copy(dctx *c, const sd_table *src, bool target);
bool sd_diff_expr_mentions(const char *sql, const char *name,
                           sd_sql_lang lang);

/* columns.c */
bool sd_diff_autoinc(const sd_column *col);
bool sd_diff_column_type_equal(dctx *c, const sd_column *o,
                               const sd_column *n);
sd_column *sd_diff_find_col(const sd_table *t, const char *name);
bool sd_diff_needs_value(const sd_column *n);
const char *sd_diff_zero_literal(dctx *c, const sd_column *col);
/* The zero value rows get when a database-to-database diff adds NOT NULL
 * column n without a default to a table that may hold rows; NULL when
 * nothing is filled (columns.c). */
const char *sd_diff_readd_zero(dctx *c, const sd_column *n);
void sd_diff_match_columns(dctx *c, tpair *tp);
const char *sd_diff_map_col(const tpair *tp, const char *old_name);
void sd_diff_columns(dctx *c, tpair *tp);

/* partnames.c: renames of the partitions' copies of indexes and keys
 * the models name (partition_names; PostgreSQL) */
void sd_diff_partition_names(dctx *c);

/* constraints.c */
bool sd_diff_fk_target_disturbed(dctx *c, const sd_table *t,
                                 const sd_foreign_key *fk);
bool sd_diff_fk_target_added(dctx *c, const sd_foreign_key *fk);
bool sd_diff_fk_target_renamed(dctx *c, const sd_table *t,
                               const sd_foreign_key *fk);
void sd_diff_comment_object(dctx *c, const sd_table *t, const sd_object *o,
                            const sd_object *n);
void sd_diff_pair_a(dctx *c, tpair *tp);
void sd_diff_pair_b(dctx *c, tpair *tp);
void sd_diff_table_options_pair(dctx *c, tpair *tp);
/* unique_as_index: whether each of the models' unique constraints of a
 * table pair is an inline UNIQUE or a unique index (constraints.c). */
void sd_diff_unique_form_pair(dctx *c, tpair *tp);

/* rebuild.c */
void sd_diff_flush_pair(dctx *c, tpair *tp);
/* recreate.c: whether a pair's table must be recreated (PostgreSQL);
 * the rebuild op of such a pair split in its two steps */
bool sd_diff_needs_recreate(dctx *c, const tpair *tp);
/* whether an ALTER_OBJECT op retypes an attribute of a composite type
 * (which recreates the type under the columns of that type); whether
 * column type t is the type o (RAW: named, maybe qualified, an array) */
bool sd_diff_composite_retyped(const sd_op *op);
/* Whether op recreates a domain whose base type or collation changes,
 * converting the columns of it (PostgreSQL cannot change either in
 * place). */
bool sd_diff_domain_retyped(const sd_op *op);
bool sd_diff_type_is(const sd_type *t, const sd_object *o);
void sd_diff_recreate_split(dctx *c, tpair *tp, sd_op *copy, pending *p);
/* whether target table t is a partition (at any level) of a table whose
 * partition key changes (tables of each side by qualified name): it is
 * created anew, its old self dropped with the recreated table */
bool sd_diff_recreated_partition(dctx *c, sd_map *from, sd_map *to,
                                 const sd_table *t);

/* order.c */
void sd_diff_sort(dctx *c);
void sd_diff_create_tables(dctx *c);
void sd_diff_drop_tables(dctx *c);

/* objects.c */
void sd_diff_objects(dctx *c, const sd_schema *from, const sd_schema *to);
bool sd_diff_implicit_autoinc(const sd_column *col);
bool sd_diff_serial(const sd_column *col);

/* parents.c */
/* Whether the parent t becomes a partition of has a check named name
 * that t takes from it (a standalone table's own copy stays for the
 * attach). */
bool sd_diff_check_of_parent(dctx *c, const sd_table *t, const char *name);
void sd_diff_parents_pair(dctx *c, tpair *tp);
tpair *sd_diff_parent_pair(dctx *c, const sd_table *t, const char *column);
bool sd_diff_has_children(const dctx *c, const sd_table *t);
void sd_diff_note_parents(dctx *c);
/* constraints.c, shared with the logic differ */
bool sd_diff_index_equal(dctx *c, const tpair *tp, const sd_object *a,
                         const sd_object *b);

/* logic.c: views, functions, triggers, policies, rules, row-level
 * security and grants */
void sd_diff_logic(dctx *c);
void sd_diff_grants(dctx *c);
/* The working copy of a table of `to` (a pair's new side, or a created
 * table) by its qualified name, or NULL. */
const sd_table *sd_diff_to_table(dctx *c, const char *qname);

/* depend.c: dependencies, the dependants a change must take along, and
 * the edges of the plan's order (before -> after, pending indexes) */
typedef struct sd_diff_edge {
	size_t from, to;
} sd_diff_edge;
typedef struct sd_diff_edges {
	sd_diff_edge *v; /* malloc'ed */
	size_t n, cap;
} sd_diff_edges;
void sd_diff_read_deps(dctx *c);
void sd_diff_dependants(dctx *c);
void sd_diff_collect_edges(dctx *c, sd_diff_edges *e);
/* lift.c: the schema `to` had before the plan, for another dialect
 * (sd_diff_opts.before). */
int sd_diff_lift(dctx *c, sd_schema **out);

/* statistics.c: PostgreSQL's extended statistics (caps.table_settings) */
void sd_diff_statistics(dctx *c);

/* tables.c: PostgreSQL's table settings (caps.table_settings) */
bool sd_diff_column_settings_equal(const sd_column *o, const sd_column *n);
/* fk points at a table that becomes logged or unlogged: a created or
 * dropped table's FK then goes in a statement of its own. */
bool sd_diff_fk_target_relogged(dctx *c, const sd_foreign_key *fk);
void sd_diff_table_settings(dctx *c);

/* enums.c */
void sd_diff_enums(dctx *c, const sd_schema *from, const sd_schema *to);
void sd_diff_namespaces(dctx *c, const sd_schema *from,
                        const sd_schema *to, sd_map *kept_from);

#endif
