/*
 * schema.h - sd_schema, the one in-memory description of a database schema.
 *
 * Every source of schema produces this: the YAML models (model/load.c), a
 * SQLite file (introspect/sqlite.c), a PostgreSQL catalog
 * (introspect/postgres.c). The differ compares two of them and knows nothing
 * of where they came from.
 *
 * Ownership: everything hanging off an sd_schema, strings included, lives in
 * schema->arena and is released by sd_schema_free(). Objects are never freed
 * one by one.
 *
 * Names: `schema` fields are NULL for "the default namespace" (SQLite's
 * main, PostgreSQL's search path default, which the models spell as no
 * schema or "public"). Loaders and introspectors store NULL for the default
 * schema, so the differ can compare names with sd_streq without knowing the
 * dialect.
 */
#ifndef SD_SCHEMA_H
#define SD_SCHEMA_H

#include "util/layer.h"
#include "util/util.h"
#include "util/sql.h"

#include <stdint.h>

SD_LAYER_HEADER(MODEL);

/*
 * The default namespace: stored as NULL, spelled "public" by the models
 * and by PostgreSQL. Every place that spells it goes through these (SQL
 * text through the macro); a PostgreSQL session whose search path names
 * another schema has that one as its default (introspect/postgres.c).
 *     sd_namespace_key("public") -> NULL     sd_namespace_key("") -> NULL
 *     sd_namespace_key("billing") -> "billing"
 */
#define SD_NAMESPACE_DEFAULT "public"
/* The comment initdb gives the public schema. The default namespace's
 * comment is kept under its name in sd_schema.namespace_comments only
 * when it is another: "" for none (PostgreSQL). */
#define SD_PUBLIC_COMMENT "standard public schema"
const char *sd_namespace_default(void);
const char *sd_namespace_key(const char *name);

/* The longest name the models may give: PostgreSQL's (NAMEDATALEN - 1),
 * which it would otherwise truncate silently. */
#define SD_MAX_IDENT 63

/*
 * Appends to b the name PostgreSQL gives an implicit object of name1's
 * name2 ("orders", "id", "seq" -> "orders_id_seq"; name2 may be NULL),
 * with name1 and name2 cut as the server cuts them to fit SD_MAX_IDENT
 * (the longer one first, never inside a UTF-8 character).
 */
void sd_name_implicit_put(sd_buf *b, const char *name1, const char *name2,
                          const char *label);

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

/*
 * The portable types of SPEC "Models". SD_T_RAW is any other type, passed to
 * the database verbatim and compared by its (case-folded, whitespace-folded)
 * spelling, or by the dialect's canonical spelling when one was filled in.
 */
typedef enum sd_type_kind {
	SD_T_RAW = 0,
	SD_T_SMALLINT,
	SD_T_INTEGER,
	SD_T_BIGINT,
	SD_T_BOOLEAN,
	SD_T_REAL,
	SD_T_FLOAT,
	SD_T_NUMERIC,     /* numeric(p,s), numeric(p), numeric */
	SD_T_STRING,      /* string(n) = varchar(n); string = varchar */
	SD_T_CHAR,        /* char(n) */
	SD_T_TEXT,
	SD_T_DATE,
	SD_T_TIME,
	SD_T_TIMESTAMP,
	SD_T_TIMESTAMPTZ,
	SD_T_INTERVAL,
	SD_T_JSON,
	SD_T_JSONB,
	SD_T_UUID,
	SD_T_BINARY,
	SD_T_ENUM,        /* enum(name): name in `name`, maybe "schema.name" */
	SD_T__COUNT
} sd_type_kind;

typedef struct sd_type {
	sd_type_kind kind;
	int length;       /* string(n), char(n); -1 when absent */
	int precision;    /* numeric(p,s); -1 when absent */
	int scale;        /* numeric(p,s); -1 when absent */
	const char *name; /* SD_T_ENUM: enum name; SD_T_RAW: the verbatim text */
	const char *enum_schema; /* SD_T_ENUM: schema of the enum, NULL default */
} sd_type;

/*
 * Parses a type as written in the models ("string(120)", "enum(status)",
 * "integer[]"). Returns SD_OK, or SD_EINPUT with *why set to a static
 * message (and *suggest to the closest portable name, or NULL) when the
 * text is not a type at all: empty, unbalanced parentheses, a portable name
 * with bad arguments ("string(abc)"), or a near-miss of a portable name
 * ("strng").
 */
int sd_type_parse(sd_arena *a, const char *text, sd_type *out,
                  const char **why, const char **suggest);
/* smallint, integer or bigint. */
bool sd_type_is_integer(sd_type_kind k);
/*
 * Appends t's arguments: "(120)" for string(120) and char(120), "(10,2)"
 * or "(10)" for numeric; nothing for an absent one (-1). Every producer of
 * types keeps present arguments positive (a SQLite VARCHAR(0) reads as a
 * raw type), so this is the one rule for the portable spelling and for
 * every dialect.
 */
void sd_type_put_args(sd_buf *out, const sd_type *t);
/*
 * Appends t in a dialect's words: names[kind] and the arguments; a raw
 * type as written (names[SD_T_RAW] when it has no text). The caller writes
 * the kinds names leaves NULL (PostgreSQL's enums: their qualified name).
 */
void sd_type_put_sql(sd_buf *out, const sd_type *t,
                     const char *const names[SD_T__COUNT]);
/* The portable spelling: "string(120)", "numeric(10,2)", "enum(status)". */
void sd_type_format(sd_buf *out, const sd_type *t);
/* Same meaning (kind and arguments; RAW by folded spelling). */
bool sd_type_equal(const sd_type *a, const sd_type *b);
/* Portable names, NULL-terminated, for suggestions and the JSON Schema. */
extern const char *const sd_type_names[];

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

typedef enum sd_obj_kind {
	SD_OBJ_NAMESPACE,
	SD_OBJ_ENUM,
	SD_OBJ_SEQUENCE,
	SD_OBJ_TABLE,
	SD_OBJ_COLUMN,
	SD_OBJ_PRIMARY_KEY,
	SD_OBJ_UNIQUE,
	SD_OBJ_FOREIGN_KEY,
	SD_OBJ_CHECK,
	SD_OBJ_INDEX,
	SD_OBJ_EXTENSION,
	SD_OBJ_COLLATION,
	SD_OBJ_DOMAIN,
	SD_OBJ_COMPOSITE, /* composite types */
	SD_OBJ_RANGE,     /* range types */
	SD_OBJ_STATISTICS, /* extended statistics of a table */
	/* the catalog's logic (model/logic.h) */
	SD_OBJ_VIEW,
	SD_OBJ_FUNCTION,
	SD_OBJ_TRIGGER,
	SD_OBJ_POLICY,
	SD_OBJ_RULE,
	SD_OBJ_EVENT_TRIGGER, /* database-wide: no schema */
	SD_OBJ_GRANT,
	SD_OBJ_UNMANAGED, /* aggregates, ... */
	SD_OBJ__COUNT
} sd_obj_kind;

/* Where an object was declared; path NULL for introspected objects. */
typedef struct sd_loc {
	const char *path;
	int line;
	int col;
} sd_loc;

/*
 * The common base every object embeds first, pg_dump style, so that sorting,
 * naming and dependency ordering work on every kind alike.
 */
typedef struct sd_object {
	sd_obj_kind kind;
	/* Nobody named it (an unnamed SQLite constraint, a primary key
	 * the models leave unnamed): `name` was made up by the naming
	 * convention, and a dialect that can writes none. */
	bool unnamed;
	/* unnamed, and the made-up name is not the convention's: another
	 * object held that one (sd_schema_unclash_unnamed); models spell
	 * it, with unnamed: true */
	bool name_unclashed;
	const char *schema; /* NULL = default namespace */
	const char *name;
	sd_loc loc;
} sd_object;

typedef struct sd_strlist {
	const char **items;
	size_t n;
} sd_strlist;

/*
 * An SQL expression (default, check, index predicate, generated column).
 * `sql` is what the user wrote or the catalog holds and what gets emitted.
 * `canon` is a dialect-canonical form used only for comparison, filled in by
 * the dialect's normaliser (PostgreSQL: the text the server stores after a
 * round trip through a scratch schema). When either side has no canon, the
 * differ compares sd_expr_fold(sql) instead.
 */
typedef struct sd_expr {
	const char *sql;
	const char *canon;
} sd_expr;

typedef enum sd_identity {
	SD_IDENTITY_NONE = 0,
	SD_IDENTITY_ALWAYS,
	SD_IDENTITY_BY_DEFAULT,
} sd_identity;

/*
 * The options of a sequence (CREATE SEQUENCE, an identity column's
 * sequence). A member counts only when its bit is in `set`; the others
 * are PostgreSQL's defaults for the type and the direction, which
 * sd_seqopts_effective fills in, so that "MAXVALUE 2147483647" on an
 * integer sequence equals no MAXVALUE at all.
 */
enum {
	SD_SEQ_TYPE = 1 << 0,
	SD_SEQ_START = 1 << 1,
	SD_SEQ_INCREMENT = 1 << 2,
	SD_SEQ_MIN = 1 << 3,
	SD_SEQ_MAX = 1 << 4,
	SD_SEQ_CACHE = 1 << 5,
	SD_SEQ_CYCLE = 1 << 6,
};

typedef struct sd_seqopts {
	sd_type_kind type; /* SD_T_SMALLINT, SD_T_INTEGER or SD_T_BIGINT */
	int64_t start, increment, min, max, cache;
	bool cycle;
	unsigned set;      /* SD_SEQ_* given */
} sd_seqopts;

/*
 * out = in with every member that is not set given its default: the type
 * deftype (bigint for a sequence, the column's type for an identity),
 * INCREMENT 1, MINVALUE 1 and MAXVALUE the type's maximum going up (the
 * type's minimum and -1 going down), START the MINVALUE going up (the
 * MAXVALUE going down), CACHE 1, NO CYCLE. Every bit is set in out.
 */
void sd_seqopts_effective(const sd_seqopts *in, sd_type_kind deftype,
                          sd_seqopts *out);
/* Same effective options (in may be NULL: all defaults). */
bool sd_seqopts_equal(const sd_seqopts *a, const sd_seqopts *b,
                      sd_type_kind deftype);
/* The smallest and largest value of an integer kind. */
int64_t sd_int_kind_min(sd_type_kind k);
int64_t sd_int_kind_max(sd_type_kind k);

/* An identity column's sequence, when anything of it is not the default. */
typedef struct sd_identity_options {
	sd_seqopts opts;
	/* SEQUENCE NAME (in the table's schema); NULL: PostgreSQL's own
	 * choice, <table>_<column>_seq */
	const char *sequence;
	const char *comment; /* COMMENT ON SEQUENCE */
} sd_identity_options;

/* A column attribute that can carry a CONSTRAINT name (SQLite). */
typedef enum sd_column_attr {
	SD_ATTR_NOT_NULL = 0, /* NOT NULL, or an explicit NULL */
	SD_ATTR_DEFAULT,
	SD_ATTR_COLLATE,
	SD_ATTR_GENERATED,
	SD_ATTR__COUNT
} sd_column_attr;


/*
 * The fields of a column most columns leave unset, apart: a schema holds
 * one sd_column per field of every table, and these would double its
 * size. Reached through sd_column.ext, NULL while none is set; read them
 * with sd_column_x (the defaults when NULL), set them through
 * sd_column_ext (which adds the block on first use).
 */
typedef struct sd_column_ext {
	const char *sequence;     /* serial's owned sequence, PostgreSQL */
	sd_expr generated;        /* GENERATED ALWAYS AS (expr) STORED */
	const char *collation;
	const char *comment;
	const char *renamed_from; /* models only */
	const char *backfill;     /* models only: SQL expression */
	/* introspected (PostgreSQL), a NOT NULL column without default: a
	 * literal of its type (the first the server accepts of a few, its
	 * own output) for rows that must get a value; NULL: none known */
	const char *zero;
	/* SQLite: "ON CONFLICT IGNORE" etc. of the NOT NULL constraint, the
	 * resolution word only ("IGNORE"); NULL when none. Models:
	 * not_null_on_conflict. */
	const char *not_null_conflict;
	/* SQLite: the order the column's attributes are written in after
	 * its type, one letter each: 'N' NOT NULL (or nothing when
	 * nullable), 'n' the same but an explicit NULL when nullable, 'D'
	 * DEFAULT, 'C' COLLATE, 'G' the generated expression. NULL: "NDCG".
	 * The CREATE text keeps it; models: sqlite_order. */
	const char *sqlite_order;
	/* SQLite: the names of its attributes' CONSTRAINT clauses
	 * ("email TEXT CONSTRAINT email_nn NOT NULL"), indexed by
	 * sd_column_attr; NULL when none is named. The CREATE text keeps
	 * them; models: sqlite_names. */
	const char *const *sqlite_names;
	/* the identity's sequence options; NULL: all defaults */
	const sd_identity_options *identity_options;
	/* PostgreSQL: SET COMPRESSION ("pglz", "lz4"); NULL: the server's
	 * default_toast_compression */
	const char *compression;
	/* PostgreSQL: the attribute options ALTER COLUMN ... SET (...)
	 * gives (n_distinct, n_distinct_inherited), an option list (see
	 * sd_options_parse); empty: none */
	sd_strlist options;
	/* PostgreSQL: SET STATISTICS n, when statistics_set */
	int statistics;
	/* PostgreSQL: SET STORAGE 'p'lain, 'e'xternal, e'x'tended, 'm'ain;
	 * 0: the type's own */
	char storage;
	bool statistics_set;
	/* The generated column is VIRTUAL (computed when read; SQLite's
	 * default), not STORED. Models: virtual: true. */
	bool generated_virtual;
	/* the column that added the block: a copy of it (a struct
	 * assignment) reads the block too, and gets a block of its own
	 * when it sets one of these fields */
	const struct sd_column *owner;
} sd_column_ext;

typedef struct sd_column {
	sd_object base;           /* kind SD_OBJ_COLUMN; schema unused */
	sd_type type;
	const char *type_sql;     /* declared spelling in the database, or NULL */
	sd_expr default_value;    /* sql NULL = no default */
	/* the rarely set fields; NULL: all their defaults (see above) */
	sd_column_ext *ext;
	/* (the flags last, packed: a schema holds one column per field of
	 * every table, 112 bytes each) */
	bool nullable;
	/* Models: a primary-key column SQLite declares without NOT NULL
	 * (sqlite_nullable_key: it then lets the key hold NULL, unless it
	 * is the rowid or the table is WITHOUT ROWID); `nullable` stays
	 * false, as every other database has it. */
	bool key_nullable;
	/*
	 * An integer primary key "autoincrements" (SPEC): new tables get
	 * identity on PostgreSQL and INTEGER PRIMARY KEY on SQLite. The
	 * introspectors set it for identity, for serial (owned sequence +
	 * nextval default, then default_value is left empty and `sequence`
	 * names the sequence) and for SQLite rowid aliases.
	 */
	bool autoincrement;
	/* SQLite: the rowid alias is declared AUTOINCREMENT (ids are never
	 * reused; sqlite_sequence keeps the counter). Models: the table's
	 * sqlite_autoincrement key. */
	bool autoincrement_keyword;
	/*
	 * The column comes from a parent table (a partition's columns all
	 * do; an INHERITS child's do unless it declares them too): its type
	 * follows the parent's, and adding or dropping it is the parent's
	 * business. Its default, NOT NULL and comment are its own.
	 */
	bool inherited;
	/* sd_identity, the explicit identity (models: identity key); a
	 * byte, so that the column stays 112 bytes */
	unsigned char identity;
	/* introspected: the type's own STORAGE (pg_type.typstorage), so
	 * that a model's explicit one on a verbatim type compares; set on
	 * every column the PostgreSQL catalog gives, so not in the ext */
	char type_storage;
} sd_column;

_Static_assert(sizeof(sd_column) <= 112, "sd_column: keep rare fields in sd_column_ext");

/* The rarely set fields of c: its block, or one with every default
 * (zeroed) when it has none. Read only. */
extern const sd_column_ext sd_column_ext_none;
static inline const sd_column_ext *sd_column_x(const sd_column *c)
{
	return c->ext ? c->ext : &sd_column_ext_none;
}

/* The rarely set fields of c for setting one: adds the block from a
 * (zeroed) when c has none, or c's own copy of the block it shares
 * with the column it was copied from. */
sd_column_ext *sd_column_xw(sd_arena *a, sd_column *c);

/* Sets the pointer or scalar field of c's sd_column_ext to v, adding no
 * block for a zero v (NULL, false, 0) when c has none. v is evaluated
 * twice: no side effects. */
#define SD_COLUMN_XSET(a, c, field, v)                                       \
	do {                                                                 \
		if ((c)->ext || (v))                                         \
			sd_column_xw((a), (c))->field = (v);                 \
	} while (0)

/* The name of c's attribute attr's CONSTRAINT clause, or NULL. */
const char *sd_column_attr_name(const sd_column *c, sd_column_attr attr);
/* Whether two columns name their attributes alike. */
bool sd_column_attr_names_equal(const sd_column *a, const sd_column *b);

typedef enum sd_fk_action {
	SD_FK_NO_ACTION = 0,
	SD_FK_RESTRICT,
	SD_FK_CASCADE,
	SD_FK_SET_NULL,
	SD_FK_SET_DEFAULT,
	SD_FK__COUNT
} sd_fk_action;

const char *sd_fk_action_sql(sd_fk_action a);  /* "NO ACTION", "SET NULL" */
const char *sd_fk_action_word(sd_fk_action a); /* "no action", "set null" */
/* Parses "cascade", "set null", "set_null", "no action" (any case). */
int sd_fk_action_parse(const char *text, sd_fk_action *out);

/*
 * Where and how PostgreSQL stores an index, also the one behind a key or
 * unique constraint: storage parameters ("fillfactor=70", an option list,
 * see sd_options_parse) and the tablespace (NULL: the database's
 * default).
 */
typedef struct sd_index_storage {
	sd_strlist with;
	const char *tablespace;
	/* COMMENT ON INDEX of the index behind a key, unique or exclusion
	 * constraint (the constraint's own is its `comment`; a plain
	 * index's is sd_index.comment); NULL: none */
	const char *comment;
	/* PostgreSQL, an index or key of a partitioned table: the names of
	 * its copies on partitions that are not the ones PostgreSQL would
	 * choose (sd_pg_partition_index_name), in pairs: partition (its
	 * name, "schema.name" when not in the parent's schema), index name
	 * (in the partition's schema); sorted by partition */
	sd_strlist partition_names;
} sd_index_storage;

/* The index settings of a primary key, unique constraint or index o;
 * NULL for other objects. */
const sd_index_storage *sd_index_storage_of(const sd_object *o);

/* The name of partition part's copy in st's partition_names (part
 * written as there); NULL when it has none. */
const char *sd_partition_name_of(const sd_index_storage *st,
                                 const char *part);

/*
 * The name PostgreSQL gives the copy on a partition named part of index,
 * primary key, unique or exclusion constraint o of its parent, as its
 * ChooseIndexName does when nothing else holds that name: part_pkey,
 * part_<columns>_key, part_<columns>_excl, part_<columns>_idx (key and
 * INCLUDE columns, an expression named by its function where it is a
 * plain call; NULL for any other expression, whose name depends on how
 * the copy came to be). Cut to 63 bytes as PostgreSQL cuts it.
 */
const char *sd_pg_partition_index_name(sd_arena *a, const char *part,
                                       const sd_object *o);

typedef struct sd_primary_key {
	sd_object base; /* kind SD_OBJ_PRIMARY_KEY; name may be NULL (unnamed) */
	sd_strlist columns;
	const char *on_conflict; /* SQLite: resolution word, NULL = none */
	/* SQLite: the key columns written DESC (models: "id desc" in its
	 * columns). A one-column INTEGER key that does not autoincrement
	 * is then written on its column (INTEGER PRIMARY KEY DESC, which
	 * SQLite does not make the rowid alias); one that autoincrements
	 * at table level (PRIMARY KEY ("id" DESC), which it does). */
	sd_strlist desc;
	/* PostgreSQL: */
	sd_strlist include; /* INCLUDE columns */
	sd_index_storage storage;
	bool deferrable, initially_deferred;
	const char *comment;
} sd_primary_key;

typedef struct sd_unique {
	sd_object base; /* kind SD_OBJ_UNIQUE */
	sd_strlist columns;
	bool nulls_not_distinct;
	bool deferrable, initially_deferred;
	const char *comment;
	const char *on_conflict; /* SQLite: resolution word, NULL = none */
	/* PostgreSQL: */
	sd_strlist include; /* INCLUDE columns */
	sd_index_storage storage;
} sd_unique;

typedef struct sd_foreign_key {
	sd_object base; /* kind SD_OBJ_FOREIGN_KEY */
	sd_strlist columns;
	const char *ref_schema; /* NULL = default namespace */
	const char *ref_table;
	sd_strlist ref_columns;
	sd_fk_action on_delete, on_update;
	/* PostgreSQL 15: ON DELETE SET NULL / SET DEFAULT (columns), the
	 * columns set; empty = all the key's columns */
	sd_strlist on_delete_columns;
	bool deferrable, initially_deferred;
	bool not_valid;
	bool match_full; /* MATCH FULL (else SIMPLE, the default) */
	/* MATCH SIMPLE written out (SQLite keeps the text so; models:
	 * match: simple) */
	bool match_simple;
	/* SQLite: ON UPDATE is written before ON DELETE (the CREATE text
	 * keeps the order); models: sqlite_order: [on_update, on_delete] */
	bool update_first;
	/* REFERENCES t without columns: the parent's primary key, which
	 * SQLite keeps so in its text; models: references without columns */
	bool ref_implicit;
	/* ON DELETE / ON UPDATE NO ACTION written out (SQLite keeps the
	 * text so; models: on_delete: no action given) */
	bool delete_written, update_written;
	const char *comment;
} sd_foreign_key;

/* Whether a key's ON DELETE / ON UPDATE clause is written: an action
 * other than NO ACTION, or NO ACTION spelled out. */
bool sd_fk_delete_written(const sd_foreign_key *fk);
bool sd_fk_update_written(const sd_foreign_key *fk);

typedef struct sd_check {
	sd_object base; /* kind SD_OBJ_CHECK */
	sd_expr expression;
	bool not_valid;
	bool no_inherit; /* PostgreSQL: NO INHERIT */
	const char *comment;
	/* SQLite: a table CHECK's ON CONFLICT resolution word, which it
	 * accepts and keeps in the text (and ignores); NULL = none */
	const char *on_conflict;
} sd_check;

typedef enum sd_nulls_order {
	SD_NULLS_DEFAULT = 0,
	SD_NULLS_FIRST,
	SD_NULLS_LAST,
} sd_nulls_order;

typedef struct sd_index_key {
	const char *column;   /* either a column name ... */
	sd_expr expression;   /* ... or an expression (column NULL) */
	bool desc;
	/* ASC written out (SQLite keeps the text so; models: "a asc") */
	bool asc;
	sd_nulls_order nulls;
	const char *collation;
	const char *opclass;  /* NULL: the type's default operator class */
	/* the operator class's parameters, "siglen=64", sorted */
	sd_strlist opclass_params;
	/* exclusion constraints: the operator ("&&", "OPERATOR(s.=)") */
	const char *op;
} sd_index_key;

typedef struct sd_index {
	sd_object base; /* kind SD_OBJ_INDEX; schema = the table's schema */
	sd_index_key *keys;
	size_t nkeys;
	bool unique;
	bool nulls_not_distinct;
	sd_expr where;        /* partial index predicate; sql NULL = none */
	const char *method;   /* "btree" when NULL */
	sd_strlist include;
	const char *comment;
	sd_index_storage storage; /* PostgreSQL */
	/* PostgreSQL: an EXCLUDE constraint (every key has its operator),
	 * created and dropped as a constraint of the table */
	bool exclusion;
	bool deferrable, initially_deferred; /* exclusion only */
	/*
	 * SQLite: the index is the automatic index of an inline UNIQUE or
	 * PRIMARY KEY table constraint and can only go away with a rebuild.
	 */
	bool constraint_backed;
	/* SQLite, constraint_backed only: the UNIQUE's ON CONFLICT
	 * resolution word ("REPLACE"), NULL when none. */
	const char *on_conflict;
} sd_index;

/*
 * Option lists (options.c): storage parameters and operator class
 * parameters as "name=value" items sorted by name, names lower case,
 * values unquoted and as written; sd_options_equal compares them by
 * meaning (on, true and yes alike).
 *     sd_options_parse("{fillfactor=70,deduplicate_items=off}")
 *       -> deduplicate_items=off, fillfactor=70
 * sd_options_parse reads "a=1, b='x'", "(a=1)" or the catalog's
 * "{a=1,b=x}"; SD_EINPUT when an item is not name=value. sd_options_add
 * adds one (replacing a same-named one). sd_options_put writes them
 * "name<sep>value, ..." with values quoted where they are not plain words.
 */
int sd_options_add(sd_arena *a, sd_strlist *l, const char *name,
                   size_t nlen, const char *value, size_t vlen);
int sd_options_parse(sd_arena *a, const char *text, sd_strlist *out);
bool sd_options_equal(const sd_strlist *a, const sd_strlist *b);
/* One "name=value" item equal to another by meaning. */
bool sd_option_equal(const char *x, const char *y);
/*
 * A table's storage parameters keep the order they were given in (the
 * catalog keeps it too): sd_options_append adds at the end (replacing a
 * same-named one in place); sd_options_same compares by meaning in any
 * order.
 */
int sd_options_append(sd_arena *a, sd_strlist *l, const char *name,
                      size_t nlen, const char *value, size_t vlen);
bool sd_options_same(const sd_strlist *a, const sd_strlist *b);
/* sd_options_parse keeping the order of the text. */
int sd_options_parse_ordered(sd_arena *a, const char *text, sd_strlist *out);
void sd_options_put(sd_buf *out, const sd_strlist *l, const char *sep);
/* "gist_trgm_ops(siglen=64)" -> name "gist_trgm_ops", params
 * [siglen=64]; SD_EINPUT when malformed. */
int sd_opclass_parse(sd_arena *a, const char *text, const char **name,
                     sd_strlist *params);
/*
 * Column STORAGE (sd_column.storage): the word of a letter ('x' ->
 * "extended"; NULL for 0), the letter of a word ("MAIN" -> 'm'; 0 when
 * none), and the type's own where the portable type says it (0 for
 * verbatim types: only the server knows).
 */
const char *sd_storage_word(char storage);
char sd_storage_parse(const char *word);
char sd_type_default_storage(const sd_type *t);

/*
 * PostgreSQL extended statistics (CREATE STATISTICS) on columns and
 * expressions of one table. The catalog keeps the columns in the table's
 * order whatever the order written: they compare as a set; the
 * expressions keep theirs.
 */
typedef struct sd_statistics {
	sd_object base;      /* kind SD_OBJ_STATISTICS; schema: its own */
	/* "ndistinct", "dependencies", "mcv", in that order; empty: every
	 * kind the server builds (which the catalog also says so) */
	sd_strlist kinds;
	sd_strlist columns;
	sd_expr *expressions;
	size_t nexpressions;
	int target;          /* ALTER STATISTICS ... SET STATISTICS, when */
	bool target_set;     /* target_set */
	const char *comment;
} sd_statistics;

/* The kinds in their canonical order, NULL-terminated. */
extern const char *const sd_statistics_kinds[];
/* Whether a and b ask for the same kinds (none written = all). */
bool sd_statistics_kinds_equal(const sd_strlist *a, const sd_strlist *b);

/* A table named by its schema (NULL = default) and name. */
typedef struct sd_table_ref {
	const char *schema;
	const char *name;
} sd_table_ref;

/* Tables up to this many columns have no column map: a scan of their
 * column pointers is as fast and costs no memory. */
#define SD_COLUMN_MAP_MIN 16

typedef struct sd_table {
	sd_object base; /* kind SD_OBJ_TABLE */
	const char *comment;
	const char *renamed_from; /* models only; may be "schema.name" */
	sd_column **columns;
	size_t ncolumns;
	sd_primary_key *primary_key; /* NULL when the table has none */
	sd_unique **uniques;
	size_t nuniques;
	sd_foreign_key **foreign_keys;
	size_t nforeign_keys;
	sd_check **checks;
	size_t nchecks;
	sd_index **indexes;
	size_t nindexes;
	sd_statistics **statistics; /* PostgreSQL extended statistics */
	size_t nstatistics;
	/* name -> sd_column*, built by sd_schema_index() for tables of more
	 * than SD_COLUMN_MAP_MIN columns; smaller ones are scanned */
	sd_map *column_map;
	/*
	 * PostgreSQL partitioning and inheritance. partition_by is the key
	 * as pg_get_partkeydef prints it ("RANGE (occurred_at)"); a partition
	 * names its parent and its bound ("FOR VALUES IN ('a')", "DEFAULT");
	 * an INHERITS child its parents, in order.
	 */
	sd_expr partition_by;
	const char *partition_of_schema; /* NULL = default namespace */
	const char *partition_of;
	sd_expr partition_bound;
	sd_table_ref *inherits;
	size_t ninherits;
	/* PostgreSQL typed table (CREATE TABLE ... OF type): the composite
	 * type, NULL when none; its columns are listed as any table's */
	const char *of_type_schema; /* NULL = default namespace */
	const char *of_type;
	/* SQLite virtual table: what follows USING, as written
	 * ("fts5(title, body, content='notes')"); NULL for a table. Its
	 * columns are the module's business: none are listed. */
	const char *sqlite_using;
	/* SQLite table options (CREATE TABLE ... ) WITHOUT ROWID, STRICT. */
	bool without_rowid;
	bool strict;
	/* PostgreSQL: ENABLE / FORCE ROW LEVEL SECURITY */
	bool row_security;
	bool force_row_security;
	/*
	 * PostgreSQL table settings: UNLOGGED, the storage parameters
	 * (WITH (fillfactor=70); the TOAST table's as "toast.name=value"),
	 * REPLICA IDENTITY (SD_REPLICA_*; USING INDEX names replica_index)
	 * and the index CLUSTER ON marks (NULL: none).
	 */
	bool unlogged;
	char replica_identity;
	const char *replica_index;
	const char *cluster_on;
	sd_strlist with;
} sd_table;

/* sd_table.replica_identity: the catalog's relreplident letters. */
enum {
	SD_REPLICA_DEFAULT = 0,
	SD_REPLICA_FULL = 'f',
	SD_REPLICA_NOTHING = 'n',
	SD_REPLICA_INDEX = 'i',
};

typedef struct sd_enum {
	sd_object base; /* kind SD_OBJ_ENUM */
	sd_strlist values; /* in declaration order */
	const char *comment;
	/* models only: pairs (label, its old name), the label renamed in
	 * place rather than dropped and added */
	sd_strlist renamed_values;
} sd_enum;

/*
 * A sequence that is not an identity column's: free-standing, or owned by
 * a column (serial: the column's default is its nextval, and the column
 * autoincrements).
 */
typedef struct sd_sequence {
	sd_object base; /* kind SD_OBJ_SEQUENCE */
	sd_seqopts opts;
	/* OWNED BY, a table of the sequence's own schema; NULL: none */
	const char *owned_by_table;
	const char *owned_by_column;
	const char *comment;
	bool unlogged;
} sd_sequence;

/*
 * An extension. Its name is unique in the database; base.schema is where
 * it put its objects (NULL = the default namespace). What belongs to an
 * extension is never an object of the schema on its own.
 */
typedef struct sd_extension {
	sd_object base; /* kind SD_OBJ_EXTENSION */
	const char *version; /* NULL: whatever is installed, or the default */
	const char *comment; /* NULL: the extension's own */
} sd_extension;

typedef struct sd_collation {
	sd_object base;       /* kind SD_OBJ_COLLATION */
	const char *provider; /* "libc" (NULL) or "icu" */
	const char *locale;   /* icu; libc when LC_COLLATE = LC_CTYPE */
	const char *lc_collate, *lc_ctype; /* libc, when they differ */
	const char *comment;
	bool nondeterministic;
} sd_collation;

typedef struct sd_domain {
	sd_object base;        /* kind SD_OBJ_DOMAIN */
	sd_type type;          /* the base type */
	sd_expr default_value; /* sql NULL = none */
	const char *collation;
	sd_check **checks;     /* named; schema = the domain's */
	size_t nchecks;
	const char *comment;
	bool not_null;
} sd_domain;

/* A composite type; its attributes are columns (name, type, collation,
 * comment; nothing else applies). */
typedef struct sd_composite {
	sd_object base; /* kind SD_OBJ_COMPOSITE */
	sd_column **attributes;
	size_t nattributes;
	const char *comment;
} sd_composite;

/* A range type. Members other than the subtype are NULL for the
 * defaults. */
typedef struct sd_range {
	sd_object base; /* kind SD_OBJ_RANGE */
	sd_type subtype;
	const char *subtype_opclass;
	const char *collation;
	const char *canonical;
	const char *subtype_diff;
	const char *multirange; /* the multirange type's name */
	const char *comment;
} sd_range;

/* Something in the database that schemadiff does not manage: reported by
 * check, never dropped. */
typedef struct sd_unmanaged {
	sd_object base;     /* kind SD_OBJ_UNMANAGED */
	const char *what;   /* "view", "function", "trigger", "policy", ... */
	const char *table;  /* owning table, when there is one */
	const char *definition; /* body, for "changed view" reports; may be NULL */
} sd_unmanaged;

typedef struct sd_schema {
	sd_arena *arena;
	const char *dialect;    /* "sqlite", "postgresql", or NULL for models */
	sd_strlist namespaces;  /* non-default schemas in use (PostgreSQL) */
	sd_table **tables;
	size_t ntables;
	sd_enum **enums;
	size_t nenums;
	sd_sequence **sequences;
	size_t nsequences;
	sd_extension **extensions;
	size_t nextensions;
	sd_collation **collations;
	size_t ncollations;
	sd_domain **domains;
	size_t ndomains;
	sd_composite **composites;
	size_t ncomposites;
	sd_range **ranges;
	size_t nranges;
	sd_unmanaged **unmanaged;
	size_t nunmanaged;
	/* namespace name -> its comment (NULL until one is set) */
	sd_map *namespace_comments;
	sd_map *table_map; /* "schema.name" or "name" -> sd_table* */
	sd_map *enum_map;
	sd_map *sequence_map;
	/* views, functions, triggers, policies, rules, grants and the
	 * dependencies between objects (model/logic.h); NULL when none */
	struct sd_logic *logic;
} sd_schema;

/* ------------------------------------------------------------------ */
/* Construction and lookup                                             */
/* ------------------------------------------------------------------ */

/* A new empty schema with its own arena (never NULL). */
sd_schema *sd_schema_new(void);
void sd_schema_free(sd_schema *s);

/*
 * Builders: allocate in the schema's arena, zero-initialise, set base.kind,
 * base.schema and base.name (copied), append to the owner and return the new
 * object. They do not check for duplicates; the loader validates.
 */
sd_table *sd_schema_add_table(sd_schema *s, const char *schema,
                              const char *name);
sd_enum *sd_schema_add_enum(sd_schema *s, const char *schema,
                            const char *name);
sd_unmanaged *sd_schema_add_unmanaged(sd_schema *s, const char *what,
                                      const char *schema, const char *name);
void sd_schema_add_namespace(sd_schema *s, const char *name);
/* The comment of a namespace; NULL for none. */
const char *sd_schema_namespace_comment(const sd_schema *s,
                                        const char *name);
void sd_schema_set_namespace_comment(sd_schema *s, const char *name,
                                     const char *comment);
sd_sequence *sd_schema_add_sequence(sd_schema *s, const char *schema,
                                    const char *name);
sd_extension *sd_schema_add_extension(sd_schema *s, const char *schema,
                                      const char *name);
sd_collation *sd_schema_add_collation(sd_schema *s, const char *schema,
                                      const char *name);
sd_domain *sd_schema_add_domain(sd_schema *s, const char *schema,
                                const char *name);
sd_composite *sd_schema_add_composite(sd_schema *s, const char *schema,
                                      const char *name);
sd_range *sd_schema_add_range(sd_schema *s, const char *schema,
                              const char *name);
sd_check *sd_domain_add_check(sd_schema *s, sd_domain *d, const char *name);
sd_column *sd_composite_add_attribute(sd_schema *s, sd_composite *t,
                                      const char *name);
/* Appends a parent to t's INHERITS list. */
void sd_table_add_inherits(sd_schema *s, sd_table *t, const char *schema,
                           const char *name);
sd_column *sd_table_add_column(sd_schema *s, sd_table *t, const char *name);
sd_unique *sd_table_add_unique(sd_schema *s, sd_table *t, const char *name);
sd_foreign_key *sd_table_add_foreign_key(sd_schema *s, sd_table *t,
                                         const char *name);
sd_check *sd_table_add_check(sd_schema *s, sd_table *t, const char *name);
sd_index *sd_table_add_index(sd_schema *s, sd_table *t, const char *name);
/* Extended statistics of t, in the table's schema until told otherwise. */
sd_statistics *sd_table_add_statistics(sd_schema *s, sd_table *t,
                                       const char *name);
/* Appends an expression (copied) to st's. */
void sd_statistics_add_expression(sd_schema *s, sd_statistics *st,
                                  const char *sql);
sd_primary_key *sd_table_set_primary_key(sd_schema *s, sd_table *t,
                                         const char *name);
void sd_strlist_push(sd_arena *a, sd_strlist *l, const char *item);
/* dst becomes a copy of src in arena a (src may live in another one). */
void sd_strlist_copy(sd_arena *a, sd_strlist *dst, const sd_strlist *src);
bool sd_strlist_equal(const sd_strlist *a, const sd_strlist *b);
/* The same, names compared ASCII case folded (SQLite's rule). */
bool sd_strlist_iequal(const sd_strlist *a, const sd_strlist *b);
bool sd_strlist_contains(const sd_strlist *l, const char *item);
/* The same members in any order (lists without repeats). */
bool sd_strlist_same_set(const sd_strlist *a, const sd_strlist *b);

/*
 * (Re)builds the lookup maps. Call after the last builder call and before
 * any lookup; the builders keep the maps current once they exist.
 */
/*
 * An unnamed constraint goes by its conventional name (uq_t_email, ck_t_1,
 * fk_...); where an object named explicitly holds that name (CREATE INDEX
 * uq_t_email ON t (login)), the unnamed one takes the first free
 * "<name>_<n>" (n = 1, 2, ...) and is marked name_unclashed, so that
 * names stay unique and the models dumped from the catalog spell it
 * (unnamed: true). Catalog readers call it once every name is set.
 */
void sd_schema_unclash_unnamed(sd_schema *s);
void sd_schema_index(sd_schema *s);
/* Lookup by schema (NULL = default) and name. */
sd_table *sd_schema_find_table(const sd_schema *s, const char *schema,
                               const char *name);
sd_enum *sd_schema_find_enum(const sd_schema *s, const char *schema,
                             const char *name);
sd_sequence *sd_schema_find_sequence(const sd_schema *s, const char *schema,
                                     const char *name);
/* The table t is a partition of, or NULL (none, or not in s). */
sd_table *sd_table_partition_parent(const sd_schema *s, const sd_table *t);
/* Whether t is a partition or an INHERITS child. */
bool sd_table_is_child(const sd_table *t);
sd_column *sd_table_find_column(const sd_table *t, const char *name);
sd_index *sd_table_find_index(const sd_table *t, const char *name);
/*
 * True when cols is, in any order, the primary key of t, one of its
 * unique constraints or a plain (column-only, not partial) unique index:
 * PostgreSQL's rule for a foreign key's target.
 */
bool sd_table_is_key(const sd_table *t, const sd_strlist *cols);
/*
 * Whether a table is left out of introspection and diffs: the version
 * table, tables named after it + "_" (its log), and tables whose name or
 * "schema.name" matches a glob of ignore (NULL-terminated, may be NULL).
 */
bool sd_table_is_ignored(const char *schema, const char *name,
                         const char *version_table,
                         const char *const *ignore);
/*
 * Whether a table is another migration tool's bookkeeping
 * (alembic_version): read and dumped like any table, but one the models
 * lack is left alone, never dropped or reported, so that a database that
 * tool manages is adopted as it is.
 */
bool sd_table_is_tool(const char *name);
/* "users", "billing.invoices": the key used by table_map and messages
 * (schema NULL: the name alone). sd_qualified_put appends it to out. */
void sd_qualified_put(sd_buf *out, const char *schema, const char *name);
/* The comment of a table, column, enum, constraint, index, sequence,
 * extension, collation, domain, composite or range type; NULL for none
 * and for kinds that carry none. */
const char *sd_object_comment(const sd_object *o);
/* Sets it (not copied); nothing for kinds that carry none, nor for a
 * column (sd_column_xw: its comment is in its sd_column_ext). */
void sd_object_set_comment(sd_object *o, const char *comment);
const char *sd_qualified_name(sd_arena *a, const char *schema,
                              const char *name);
/* How partition_names names partition part of table parent: its name,
 * "schema.name" when the two are in different schemas. */
const char *sd_partition_key(sd_arena *a, const sd_table *parent,
                             const sd_table *part);

/*
 * Sorts tables, enums and each table's constraints and indexes by name
 * (columns keep their order), so everything downstream is deterministic.
 */
void sd_schema_sort(sd_schema *s);

/*
 * Folds an SQL expression for comparison when no dialect canon exists:
 * whitespace runs outside quotes become one space (none next to
 * punctuation), keywords and identifiers outside quotes are lowercased,
 * one layer of redundant outer parentheses is removed. The text is read
 * with SQLite's lexer rules (PostgreSQL expressions get a server canon).
 *     "LENGTH( username )>2"  ->  "length(username)>2"
 */
const char *sd_expr_fold(sd_arena *a, const char *sql);
/*
 * The same for a whole statement where no server canon exists (SQLite's
 * views and triggers): no parentheses taken off, a final ';' dropped,
 * comments dropped, and a quoted identifier that reads the same bare
 * written bare (SQLite: any case, as its names are case-insensitive).
 *     CREATE VIEW "V" AS SELECT  A FROM t;  ->  create view v as select a from t
 */
const char *sd_sql_fold(sd_arena *a, const char *sql, sd_sql_lang lang);
/* Compares two expressions by canon when both have one, else by fold. */
bool sd_expr_equal(sd_arena *scratch, const sd_expr *a, const sd_expr *b);

/* Writes a readable dump of the schema (stable; used by golden tests). */
void sd_schema_dump(sd_buf *out, const sd_schema *s);

#endif
