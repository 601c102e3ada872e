/*
 * yamldoc.h - internal to the model module: YAML read once, by libyaml's
 * event stream, into a compact tree that keeps every node's position
 * (sd_ynode); the binder that fills the loaders' structs from that tree
 * by a table of fields (sd_yfield), reporting the first problem in
 * document order with its line and column; and the naming-convention
 * expander.
 *
 * A path such as "tables[3].columns[2]" is resolved by walking the tree,
 * so nothing is formatted or hashed per node: at 5,000 tables the tree is
 * a few MiB.
 */
#ifndef SD_MODEL_YAMLDOC_H
#define SD_MODEL_YAMLDOC_H

#include <stddef.h>

#include "model/load.h"

typedef enum sd_ynode_type {
	SD_YSCALAR = 1,
	SD_YSEQUENCE = 2,
	SD_YMAPPING = 3,
} sd_ynode_type;

/*
 * One node of the position tree, 16 bytes. A mapping's kids are its keys
 * and values alternating (key, value, key, value...), stored by value in
 * one array. Positions past line 4,194,304 or column 1,024 are kept as
 * that limit.
 */
typedef struct sd_ynode {
	union {
		const char *str;               /* scalar: its value, NUL-ended */
		const struct sd_ynode *kids;   /* sequence and mapping */
	} u;
	unsigned n : 30;    /* scalar: value length; sequence: items;
	                     * mapping: 2 x pairs */
	unsigned type : 2;  /* sd_ynode_type */
	unsigned line : 22; /* 0-based, like libyaml's marks */
	unsigned col : 10;  /* 0-based */
} sd_ynode;

typedef struct sd_ydoc {
	const char *path;  /* file name used in diagnostics */
	sd_ynode *root;    /* NULL for an empty file */
	sd_arena *arena;   /* the tree and scratch strings; owned */
} sd_ydoc;

/* How deep sequences and mappings may nest: a models file needs 7
 * levels (tables, a table, its foreign keys, one, its reference, its
 * columns), a config 3. */
#define SD_YAML_MAX_DEPTH 64

/*
 * Reads data with libyaml (events; the first document, then one event
 * more, so a broken start of a second document is a syntax error too) into
 * the position tree. Aliases are refused (their expansion grows
 * exponentially; models and config are plain data), and so is nesting
 * deeper than SD_YAML_MAX_DEPTH, at its first event past the limit.
 * Returns SD_OK, or
 * SD_EINPUT with a "YAML syntax error" diagnostic at the problem's line
 * and column. Always call sd_ydoc_fini afterwards.
 */
int sd_ydoc_parse(sd_ydoc *d, const char *data, size_t len, const char *path,
                  sd_error *err);
void sd_ydoc_fini(sd_ydoc *d);
/* The node at exactly this path ("" is the root), or NULL. */
const sd_ynode *sd_ydoc_node(const sd_ydoc *d, const char *path);
/* 1-based line of the node at path or of its nearest existing ancestor. */
int sd_ydoc_line(const sd_ydoc *d, const char *path);
/* The nth (0-based) key node named key in the mapping at path, or NULL. */
const sd_ynode *sd_ydoc_key(const sd_ydoc *d, const char *path,
                            const char *key, int nth);
/* The value of the first key named key in mapping m, or NULL. */
const sd_ynode *sd_ynode_get(const sd_ynode *m, const char *key);
/* Item i of sequence s, or NULL. */
const sd_ynode *sd_ynode_item(const sd_ynode *s, size_t i);
/* 1-based line and column of n, 0 for NULL. */
int sd_ynode_line(const sd_ynode *n);
int sd_ynode_col(const sd_ynode *n);

/* ------------------------------------------------------------------ */
/* Binding                                                             */
/* ------------------------------------------------------------------ */

typedef enum sd_yfield_kind {
	SD_YF_STRING,     /* a single value, kept as written ("~" too) */
	SD_YF_STRING_OPT, /* a single value; ~, null, Null, NULL and "" are
	                   * the key's absence (NULL) */
	SD_YF_BOOL,       /* true/false, yes/no, on/off in any case, into an
	                   * int: SD_YBOOL_UNSET, _FALSE or _TRUE */
	SD_YF_STRINGS,    /* a list of single values: char ** and a count */
	SD_YF_LIST,       /* a list of mappings of `fields`: an array of
	                   * `size`-byte structs and a count */
	SD_YF_MAPPING,    /* a mapping of `fields`: a pointer to a struct */
	SD_YF_ANY,        /* any value, read from the tree by the caller; may
	                   * repeat; `fields` (if any) only name its keys when
	                   * it is a mapping */
} sd_yfield_kind;

enum { SD_YBOOL_UNSET = 0, SD_YBOOL_FALSE = 1, SD_YBOOL_TRUE = 2 };

/* One key of a mapping and where its value goes in the struct. The
 * counts of lists are `unsigned`. A table ends with a NULL key.
 * A struct bound by the thousand (a models file's columns) can keep its
 * rarely set members in a side block: ext_at is then 1 + the offset of
 * the struct's pointer to it, and the first such key adds the block
 * (ext_size bytes, zeroed); offset and count_offset are the block's. */
typedef struct sd_yfield {
	const char *key;
	sd_yfield_kind kind;
	bool required;
	size_t offset;         /* the member */
	size_t count_offset;   /* STRINGS, LIST: the member's count */
	const struct sd_yfield *fields; /* LIST, MAPPING (and ANY) */
	size_t size;           /* LIST, MAPPING: the struct's size */
	size_t ext_at;         /* 0: the member is in the struct itself */
	size_t ext_size;
} sd_yfield;

#define SD_YF_STR(key, st, m)                                                \
	{key, SD_YF_STRING, true, offsetof(st, m), 0, NULL, 0, 0, 0}
#define SD_YF_STR_OPT(key, st, m)                                            \
	{key, SD_YF_STRING_OPT, false, offsetof(st, m), 0, NULL, 0, 0, 0}
#define SD_YF_BOOL_OPT(key, st, m)                                           \
	{key, SD_YF_BOOL, false, offsetof(st, m), 0, NULL, 0, 0, 0}
#define SD_YF_STRS(key, required, st, m)                                     \
	{key, SD_YF_STRINGS, required, offsetof(st, m),                      \
	 offsetof(st, m##_count), NULL, 0, 0, 0}
#define SD_YF_LIST_OPT(key, st, m, est, efields)                             \
	{key, SD_YF_LIST, false, offsetof(st, m), offsetof(st, m##_count),   \
	 efields, sizeof(est), 0, 0}
#define SD_YF_MAP(key, required, st, m, est, efields)                        \
	{key, SD_YF_MAPPING, required, offsetof(st, m), 0, efields,          \
	 sizeof(est), 0, 0}
#define SD_YF_ANY(key, efields) {key, SD_YF_ANY, false, 0, 0, efields, 0, 0, 0}
#define SD_YF_END {NULL, SD_YF_ANY, false, 0, 0, NULL, 0, 0, 0}

/* The same, for a member of the side block xst that st's member x points
 * to (see sd_yfield). */
#define SD_YF_X_(st, x, xst) offsetof(st, x) + 1, sizeof(xst)
#define SD_YF_X_STR_OPT(key, st, x, xst, m)                                  \
	{key, SD_YF_STRING_OPT, false, offsetof(xst, m), 0, NULL, 0,         \
	 SD_YF_X_(st, x, xst)}
#define SD_YF_X_BOOL_OPT(key, st, x, xst, m)                                 \
	{key, SD_YF_BOOL, false, offsetof(xst, m), 0, NULL, 0,               \
	 SD_YF_X_(st, x, xst)}
#define SD_YF_X_STRS(key, st, x, xst, m)                                     \
	{key, SD_YF_STRINGS, false, offsetof(xst, m), offsetof(xst, m##_count), \
	 NULL, 0, SD_YF_X_(st, x, xst)}
#define SD_YF_X_MAP(key, st, x, xst, m, est, efields)                        \
	{key, SD_YF_MAPPING, false, offsetof(xst, m), 0, efields,            \
	 sizeof(est), SD_YF_X_(st, x, xst)}

/*
 * Binds the document's root mapping by `fields` into a new zeroed struct
 * of `size` bytes in a (*out). Strings point into the tree: d must outlive
 * *out. Like a schema-driven YAML binder, it stops at the first problem in
 * document order and reports it (SD_EINPUT) at its line and column, inside
 * the object the entries along the way name ("users.email"):
 *     unknown key 'nulable' (did you mean 'nullable'?)
 *     key 'name' appears twice            missing required key 'type'
 *     'nullable' must be true or false, not 'maybe'
 *     'columns' must be a list            each entry must be a mapping
 *     the document must be a mapping of keys
 * An empty document binds to an all-zero struct. The other unknown keys of
 * the file are then reported too (sd_ydoc_unknown_keys).
 */
int sd_ydoc_bind(void **out, const sd_ydoc *d, const sd_yfield *fields,
                 size_t size, sd_arena *a, sd_error *err);

/* The key of fields closest to word (sd_suggest), or NULL. */
const char *sd_yfields_suggest(sd_arena *a, const char *word,
                               const sd_yfield *fields);

/*
 * Reports every mapping key that `fields` (and the fields of the lists
 * and mappings below) do not list, except the key node skip (already
 * reported by sd_ydoc_bind, which stops at its first problem).
 */
void sd_ydoc_unknown_keys(const sd_ydoc *d, const sd_yfield *fields,
                          const sd_ynode *skip, sd_error *err);

/* ------------------------------------------------------------------ */
/* Models read from the tree (keys.c)                                  */
/* ------------------------------------------------------------------ */

/*
 * Splits an index column entry such as "created_at desc nulls last" into
 * the column name (returned, allocated in a) and the key's direction and
 * nulls order (the default nulls order of the direction is none).
 */
const char *sd_index_key_parse(sd_arena *a, const char *text,
                               sd_index_key *key);
/* The keys a `keys:` entry's mapping takes. */
extern const sd_yfield sd_index_key_fields[];
/*
 * An index's or exclusion constraint's `keys:` list (seq) into ix->keys;
 * with exclusion, every key needs its operator. Reports each problem
 * (object names the owner) and returns SD_EINPUT, else SD_OK.
 */
int sd_models_keys(sd_arena *a, const sd_ydoc *d, const sd_ynode *seq,
                   const char *object, bool exclusion, sd_index *ix,
                   sd_error *err);
/* A `with:` mapping of storage parameters into out, in the order written
 * (the catalog keeps it; options.c). */
int sd_models_options(sd_arena *a, const sd_ydoc *d, const sd_ynode *m,
                      const char *object, sd_strlist *out, sd_error *err);
/* A `partition_names:` mapping (partition: index name) into st's
 * partition_names, sorted by partition. */
int sd_models_partition_names(sd_arena *a, const sd_ydoc *d,
                              const sd_ynode *m, const char *object,
                              sd_index_storage *st, sd_error *err);

/*
 * Expands a naming template. columns may be NULL; ref_table and
 * constraint_name may be NULL. Names longer than 63 bytes are cut and get
 * a short hash suffix so they stay unique and deterministic.
 */
char *sd_naming_expand(sd_arena *a, const char *tmpl, const char *table,
                       const sd_strlist *columns, const char *ref_table,
                       const char *constraint_name);
/* NULL when the template is fine, else the bad placeholder (static or
 * arena). */
const char *sd_naming_check(sd_arena *a, const char *tmpl);


#endif
