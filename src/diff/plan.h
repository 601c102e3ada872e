/*
 * plan.h - sd_plan: the ordered operations that turn one schema into another.
 *
 * The differ (diff.c) produces a plan from two sd_schema values; the emitters
 * turn it into SQL or C. An operation refers to objects of the two schemas it
 * was computed from (`from` = the current database, `to` = the desired
 * models); those schemas must outlive the plan.
 *
 * Every operation is reversible by construction: the downgrade is the plan's
 * operations inverted (sd_op_invert) and applied in reverse order. So the
 * downgrade is generated, never guessed, and "exact inverse" is a property of
 * the data structure rather than of each emitter.
 */
#ifndef SD_PLAN_H
#define SD_PLAN_H

#include "model/schema.h"
#include "util/sql.h"

SD_LAYER_HEADER(DIFF);

/*
 * What a dialect can do in place: all the differ asks of it. A table
 * whose changes need more is rebuilt (SD_OP_REBUILD_TABLE). The emitters'
 * dialect tables (emit/dialect.h) point at these.
 */
typedef struct sd_dialect_caps {
	sd_sql_lang lang;        /* how its SQL text is read (util/sql.h) */
	bool transactional_ddl;  /* DDL commits with the version update */
	bool alter_column;       /* ALTER COLUMN type/null/default in place */
	bool alter_constraints;  /* ADD/DROP CONSTRAINT on existing tables */
	bool drop_column;        /* ALTER TABLE DROP COLUMN (plain columns) */
	bool enums;              /* native enum types */
	bool namespaces;         /* CREATE SCHEMA */
	bool comments;           /* COMMENT ON */
	bool named_primary_keys; /* primary key names survive in the catalog */
	/* a constraint may have no name at all (SQLite): two unnamed ones
	 * are told apart by their definitions, never by the names made up
	 * for them */
	bool unnamed_constraints;
	/* extensions, collations, sequences, domains, composite and range
	 * types, partitioning and INHERITS (PostgreSQL) */
	bool db_objects;
	bool unique_as_index;    /* unique constraints are created as unique
	                            indexes (SQLite: ALTER cannot add them) */
	size_t max_identifier;   /* bytes; 0 = unlimited */
	bool or_replace;         /* CREATE OR REPLACE views, functions */
	bool row_triggers_only;  /* every trigger fires for each row (SQLite):
	                            FOR EACH ROW written or not is the same */
	/* SQLite: AUTOINCREMENT, WITHOUT ROWID, STRICT and ON CONFLICT
	 * clauses are part of a table's definition (a change = rebuild) */
	bool table_options;
	/* PostgreSQL: index storage parameters (WITH), tablespaces, INCLUDE
	 * columns of keys and NOT VALID / NO INHERIT constraints exist and
	 * are compared; without, the models' are ignored */
	bool index_storage;
	/* PostgreSQL: UNLOGGED, table storage parameters, REPLICA IDENTITY,
	 * CLUSTER ON, column STORAGE, COMPRESSION, SET STATISTICS and
	 * options, and extended statistics are compared (diff/tables.c,
	 * diff/statistics.c); without, the models' are ignored */
	bool table_settings;
	/*
	 * Same column type by meaning in this dialect (SQLite: enum(x) is
	 * TEXT; an autoincrementing integer key is INTEGER whatever its
	 * declared width). NULL means sd_type_equal. `a` is the current
	 * (database) column, `b` the desired one.
	 */
	bool (*column_type_equal)(const sd_column *a, const sd_column *b);
	/*
	 * Whether turning column `from` into `to` in place rewrites the
	 * table (PostgreSQL: a type change that is not binary-compatible, a
	 * new generation expression); from NULL asks about adding `to` to a
	 * table that has rows (a volatile default, a stored generated
	 * column). NULL: the dialect never rewrites in place.
	 */
	bool (*column_rewrites)(const sd_column *from, const sd_column *to);
} sd_dialect_caps;

extern const sd_dialect_caps sd_caps_sqlite;
extern const sd_dialect_caps sd_caps_postgres;
extern const sd_dialect_caps sd_caps_all; /* no dialect: all in place */

typedef enum sd_op_kind {
	SD_OP_CREATE_NAMESPACE,   /* obj_new: namespace name in `name` */
	SD_OP_DROP_NAMESPACE,
	SD_OP_CREATE_ENUM,        /* enum_new */
	SD_OP_DROP_ENUM,          /* enum_old */
	SD_OP_ADD_ENUM_VALUE,     /* enum_new, value, before/after */
	SD_OP_DROP_ENUM_VALUE,    /* inverse of ADD_ENUM_VALUE: recreate type */
	SD_OP_RECREATE_ENUM,      /* enum_old -> enum_new (values removed or
	                             reordered): new type, cast columns, swap */
	SD_OP_CREATE_TABLE,       /* table_new (with its inline constraints) */
	SD_OP_DROP_TABLE,         /* table_old */
	SD_OP_RENAME_TABLE,       /* table_old -> table_new */
	SD_OP_REBUILD_TABLE,      /* table_old -> table_new, by copy (SQLite) */
	SD_OP_ADD_COLUMN,         /* table, column_new */
	SD_OP_DROP_COLUMN,        /* table, column_old */
	SD_OP_RENAME_COLUMN,      /* table, column_old -> column_new */
	SD_OP_ALTER_COLUMN,       /* table, column_old -> column_new, `changes` */
	SD_OP_ADD_CONSTRAINT,     /* table, obj_new: pk/unique/fk/check */
	SD_OP_DROP_CONSTRAINT,    /* table, obj_old */
	SD_OP_RENAME_CONSTRAINT,  /* table, obj_old -> obj_new */
	SD_OP_CREATE_INDEX,       /* table, obj_new (sd_index) */
	SD_OP_DROP_INDEX,         /* table, obj_old */
	SD_OP_RENAME_INDEX,       /* table, obj_old -> obj_new */
	SD_OP_SET_COMMENT,        /* table [, column], comment_old -> comment_new */
	SD_OP_BACKFILL,           /* UPDATE table SET column = backfill WHERE
	                             column IS NULL; inverse is SD_OP_NOOP */
	SD_OP_VALIDATE_CONSTRAINT,/* PostgreSQL NOT VALID -> VALIDATE; inverse NOOP */
	/* Objects that stand on their own, whatever their kind: extensions,
	 * collations, sequences, domains, composite and range types; views,
	 * functions, triggers, policies, rules, grants (model/logic.h). */
	SD_OP_CREATE_OBJECT,      /* obj_new [, table: the one it is on] */
	SD_OP_DROP_OBJECT,        /* obj_old */
	SD_OP_ALTER_OBJECT,       /* obj_old -> obj_new, `changes` */
	SD_OP_REPLACE_OBJECT,     /* obj_old -> obj_new in place (CREATE OR
	                             REPLACE, ALTER); a table's row-level
	                             security: the table on both sides */
	SD_OP_ATTACH_PARTITION,   /* table: the partition with its bound;
	                             obj_new: the parent table */
	SD_OP_DETACH_PARTITION,   /* table; obj_old: the parent table */
	SD_OP_INHERIT,            /* table: the child; obj_new: the parent */
	SD_OP_NO_INHERIT,         /* table; obj_old: the parent */
	SD_OP_RENAME_ENUM_VALUE,  /* obj_old -> obj_new: label name_old becomes
	                             name_new in place (rows keep it) */
	SD_OP_NOOP,
	SD_OP__COUNT
} sd_op_kind;

/* What an SD_OP_ALTER_COLUMN changes (bit set). */
enum {
	SD_CHANGE_TYPE = 1 << 0,
	SD_CHANGE_NULLABLE = 1 << 1,
	SD_CHANGE_DEFAULT = 1 << 2,
	SD_CHANGE_IDENTITY = 1 << 3,   /* identity kind, serial <-> identity */
	SD_CHANGE_COLLATION = 1 << 4,
	SD_CHANGE_GENERATED = 1 << 5,
	SD_CHANGE_COMMENT = 1 << 6,
	/* ALTER_COLUMN (an identity's sequence) and ALTER_OBJECT: */
	SD_CHANGE_OPTIONS = 1 << 7,     /* sequence options, name, comment */
	SD_CHANGE_OWNER = 1 << 8,       /* sequence OWNED BY */
	SD_CHANGE_SCHEMA = 1 << 9,      /* extension SET SCHEMA */
	SD_CHANGE_VERSION = 1 << 10,    /* extension UPDATE TO */
	SD_CHANGE_CHECKS = 1 << 11,     /* a domain's checks */
	SD_CHANGE_ATTRIBUTES = 1 << 12, /* a composite type's attributes */
	SD_CHANGE_PERSISTENCE = 1 << 13,/* UNLOGGED sequence or table */
	SD_CHANGE_REPLACE = 1 << 14,    /* dropped and created again (a
	                                   collation, a range type, a
	                                   domain's base type) */
	/* ALTER_COLUMN: STORAGE, COMPRESSION, SET STATISTICS; ALTER_OBJECT
	 * of a materialized view: those of its columns (and
	 * SD_CHANGE_OPTIONS, its storage parameters) */
	SD_CHANGE_STORAGE = 1 << 15,
	/* ALTER_OBJECT of a table (also SD_CHANGE_PERSISTENCE and
	 * SD_CHANGE_OPTIONS, its storage parameters): */
	SD_CHANGE_REPLICA = 1 << 16,    /* REPLICA IDENTITY */
	SD_CHANGE_CLUSTER = 1 << 17,    /* CLUSTER ON */
};

/* Hazards: why a reviewer should look twice (SPEC "Review aids"). */
enum {
	SD_HAZARD_DATA_LOSS = 1 << 0,      /* drop table/column, narrowing */
	SD_HAZARD_LOCKS = 1 << 1,          /* blocking index build, rewrite */
	SD_HAZARD_REBUILD = 1 << 2,        /* SQLite table rebuild */
	SD_HAZARD_NOT_NULL = 1 << 3,       /* NOT NULL on existing rows */
	SD_HAZARD_MAYBE_RENAME = 1 << 4,   /* a drop + add that looks like one */
	SD_HAZARD_NO_TRANSACTION = 1 << 5, /* cannot run in a transaction */
	SD_HAZARD_REWRITE = 1 << 6,        /* rewrites a table that has rows
	                                      (type change, volatile default,
	                                      enum recreated) */
};

/*
 * What an operation is to the plan. Only SD_ROLE_OWN ones are differences
 * `check` reports:
 *   SD_ROLE_OWN        a difference of its own
 *   SD_ROLE_HELPER     only makes another op possible (a default that
 *                      fills a new NOT NULL column, dropped again): it
 *                      stays right after that op, out of the ordering
 *   SD_ROLE_COMPANION  the second half of another op on the same object
 *                      (a created sequence's OWNED BY, given after its
 *                      table exists; a dropped one's, given up before):
 *                      ordered as what it does
 */
typedef enum sd_op_role {
	SD_ROLE_OWN = 0,
	SD_ROLE_HELPER,
	SD_ROLE_COMPANION,
} sd_op_role;

typedef struct sd_op {
	sd_op_kind kind;
	/* The table the statement names, in the state it has when the
	 * operation runs (after renames for ops that follow them). */
	const sd_table *table;
	const sd_table *table_old; /* CREATE/DROP/RENAME/REBUILD_TABLE */
	const sd_table *table_new;
	const sd_column *column_old;
	const sd_column *column_new;
	const sd_object *obj_old;  /* constraint or index or enum */
	const sd_object *obj_new;
	const char *name_old;      /* namespaces; enum values; comments */
	const char *name_new;
	const char *value_anchor;  /* ADD_ENUM_VALUE: neighbour label */
	bool anchor_before;        /* ADD_ENUM_VALUE: BEFORE (else AFTER) */
	unsigned changes;          /* SD_CHANGE_* for ALTER_COLUMN */
	unsigned hazards;          /* SD_HAZARD_* */
	const char *warning;       /* the "-- warning:" text, or NULL */
	/* Constraints (FKs) created with a CREATE TABLE are part of it; those
	 * that close a cycle come as separate ADD_CONSTRAINT ops instead. */
	sd_strlist deferred_fks;   /* CREATE_TABLE: FK names left out */
	/* REBUILD_TABLE: the column, constraint and index operations it
	 * stands for, so `check` can say what differs, not just "rebuild". */
	struct sd_op **folded;
	size_t nfolded;
	sd_op_role role;
	/*
	 * Made by sd_op_invert: the op runs in a downgrade, after the
	 * inverses of the ops that came after it in the upgrade. The two
	 * sides of an op do not always say which way it runs, and two
	 * PostgreSQL statements depend on it: REBUILD_TABLE, split into a
	 * set-aside-and-create half (SD_ROLE_COMPANION) and a copy-and-drop
	 * half, whose inverses are drop-the-aside and set-aside-create-copy
	 * (emit/pg_recreate.c); RENAME_TABLE, whose identity sequences are
	 * renamed after the columns as they are when it runs: the upgrade's
	 * old names, `from`'s in the upgrade and `to`'s in the downgrade
	 * (emit/postgres.c).
	 */
	bool inverted;
	/* Appended by the differ: */
	bool concurrently;         /* CREATE/DROP_INDEX: CONCURRENTLY (set when
	                              opts->concurrently, table exists; the op
	                              then has SD_HAZARD_NO_TRANSACTION) */
	/* ALTER_COLUMN, ADD_COLUMN of a table with partitions or INHERITS
	 * children: what would recurse to them (a default) is the table's
	 * alone; an identity is added in steps */
	bool only;
	/* DROP_OBJECT / CREATE_OBJECT of a view or function the plan drops
	 * and creates again while grants are not managed: the grants and
	 * owner it had are kept by the database, saved before the drop and
	 * put back after the create; REBUILD_TABLE of a recreated table, the
	 * same for its partitions recreated under their names */
	bool keep_acl;
} sd_op;

typedef struct sd_plan {
	sd_arena *arena;
	sd_op **ops;
	size_t nops;
	sd_strlist warnings;      /* header "-- warning:" lines, in op order */
	sd_strlist notes;         /* not-managed objects, undiffable changes */
	bool no_transaction;      /* some op cannot run inside a transaction */
} sd_plan;

/* Options that steer the differ. */
typedef struct sd_diff_opts {
	const char *const *ignore;    /* table-name globs, NULL-terminated */
	const char *version_table;    /* never diffed */
	bool drop_unlisted;           /* drop tables absent from the target
	                                 (generate: true; SPEC) */
	bool concurrently;            /* PostgreSQL: CREATE INDEX CONCURRENTLY */
	/* The plan is emitted in online steps (sd_emit_opts.online): a label
	 * added to an enum commits in its own step, so the revision may use
	 * it afterwards instead of recreating the type. */
	bool online;
	bool privileges;              /* grants are compared (config
	                                 `privileges: true`) */
	/* What the target dialect can do in place (NULL: everything). */
	const sd_dialect_caps *caps;
	/*
	 * When not NULL, *before receives the state of `to` before this
	 * change, as `from`'s dialect shows it (diff/lift.c): `to` where the
	 * plan leaves it alone, `from` where the plan changes it. Another
	 * dialect's plan is diffed from it. It shares objects with `from`
	 * and `to` and must not outlive them; free with sd_schema_free.
	 */
	sd_schema **before;
} sd_diff_opts;

/*
 * Computes the operations that turn `from` into `to`.
 *
 * On success *out is a new plan (free with sd_plan_free) and SD_OK is
 * returned; an empty plan (nops == 0) means the schemas match. On failure
 * *out is untouched and err says why (for example, a change the dialect
 * cannot express at all).
 */
int sd_diff(sd_plan **out, const sd_schema *from, const sd_schema *to,
            const sd_diff_opts *opts, sd_error *err);

void sd_plan_free(sd_plan *p);

/*
 * Cuts plan in two for a staged change (stage.c): *expand, what the
 * running application survives, and *contract, what needs the new
 * application deployed first (columns becoming NOT NULL, with their
 * backfill repeated; dropped columns, tables, enums and schemas). Both
 * share plan's operations, so plan must outlive them; free each with
 * sd_plan_free. *contract has no operations when nothing needs staging.
 */
int sd_plan_stage(sd_plan **expand, sd_plan **contract, const sd_plan *plan);

/*
 * The inverse of op, allocated in arena: CREATE <-> DROP, ADD <-> DROP,
 * renames and alters with old/new swapped, BACKFILL -> NOOP.
 */
sd_op *sd_op_invert(sd_arena *arena, const sd_op *op);

/*
 * The downgrade of plan: its operations inverted (sd_op_invert), last
 * first, plan->nops of them in an array allocated in arena (one slot
 * more, NULL, so an empty plan gives a valid array).
 */
sd_op **sd_plan_inverse(sd_arena *arena, const sd_plan *plan);

/*
 * One line per operation for `check` and `diff` listings:
 *   "+ table users", "+ column users.email", "~ column users.name: type
 *   string(50) -> string(80)", "- index ix_users_name".
 * marker is '+', '-' or '~'.
 */
void sd_op_describe(sd_buf *out, const sd_op *op, char *marker);
const char *sd_op_kind_name(sd_op_kind k);

#endif
