/*
 * yamldoc.h - internal to the model module: the libyaml position index that
 * gives semantic errors their line numbers, the capture of libcyaml's log
 * into diagnostics, and the naming-convention expander.
 *
 * libcyaml binds YAML to structs but tells where a problem is only through
 * its log callback, and only for the first problem. The loaders therefore
 * read every file twice: once as libyaml events into a compact tree of
 * positions (sd_ynode), once with libcyaml into structs. A path such as
 * "tables[3].columns[2]" is resolved by walking the tree, so nothing is
 * formatted or hashed per node: at 5,000 tables the tree is a few MiB.
 */
#ifndef SD_MODEL_YAMLDOC_H
#define SD_MODEL_YAMLDOC_H

#include <cyaml/cyaml.h>
#include <yaml.h>

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

/*
 * Reads data with libyaml (events, first document only) into the position
 * tree. Returns SD_OK, or SD_EINPUT with a "YAML syntax error" diagnostic at
 * the problem's line. The arena argument is unused (the tree has its own,
 * freed by sd_ydoc_fini). Always call sd_ydoc_fini afterwards.
 */
int sd_ydoc_parse(sd_ydoc *d, sd_arena *a, const char *data, size_t len,
                  const char *path, sd_error *err);
void sd_ydoc_fini(sd_ydoc *d);
/*
 * cyaml_load_data that also builds d's position tree from the same libyaml
 * events, so the file is scanned once. *recorded is true when the tree is
 * complete (the first document read to its end without problems); when it
 * is false, d is empty and the caller runs sd_ydoc_parse itself (the slow
 * path, which also produces the syntax errors). Returns libcyaml's code;
 * *out as cyaml_load_data. Always call sd_ydoc_fini afterwards.
 */
cyaml_err_t sd_ydoc_cyaml_load(sd_ydoc *d, const char *path,
                               const char *data, size_t len,
                               const cyaml_config_t *cfg,
                               const cyaml_schema_value_t *schema,
                               cyaml_data_t **out, bool *recorded);
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
/* "tables[3].columns[2]" -> "tables[].columns[]", in the arena. */
char *sd_ydoc_where(sd_arena *a, const char *path);
/* The object a path is inside, from the `name` (and `schema`) keys of the
 * mappings along it: "tables[0].columns[1].type" -> "users.email". */
char *sd_ydoc_object(const sd_ydoc *d, const char *path);
/* Keys valid at a where-string, or NULL when the table has no entry. */
const char *const *sd_keys_for(const sd_model_keys *table, const char *where);

/*
 * Reports every mapping key that the key table does not list for its
 * place, except the key node at skip_line:skip_col (already reported by
 * libcyaml, which stops at its first problem).
 */
void sd_ydoc_unknown_keys(const sd_ydoc *d, const sd_model_keys *keys,
                          int skip_line, int skip_col, sd_error *err);

/* What the log callback collected during one cyaml_load_data call. */
typedef struct sd_cyaml_log {
	char *message;       /* first error line, without "Load: " */
	sd_buf path;         /* path built from the backtrace */
	char *last_field;    /* innermost "mapping field" of the backtrace */
	bool innermost_field;/* the innermost frame was a mapping field */
	int line, col;       /* innermost frame, 1-based */
	bool in_backtrace;
	bool done;
	/* frames innermost first, as reported */
	struct sd_cyaml_frame {
		int kind; /* 0 field, 1 entry, 2 other */
		char *name;
		int entry;
		int line, col;
	} frames[64];
	int nframes;
} sd_cyaml_log;

void sd_cyaml_log_fn(cyaml_log_t level, void *ctx, const char *fmt,
                     va_list args);
void sd_cyaml_log_free(sd_cyaml_log *log);
/* A cyaml config that logs errors into log. */
void sd_cyaml_config(cyaml_config_t *cfg, sd_cyaml_log *log);
/*
 * Where cfg's loads allocate (an arena, and the heap for grown sequences):
 * the loaded data is released by sd_cyaml_mem_free, never by cyaml_free.
 * Call sd_cyaml_mem_init after sd_cyaml_config.
 */
typedef struct sd_cyaml_mem {
	sd_arena *arena;
	sd_vec heap;
} sd_cyaml_mem;
void sd_cyaml_mem_init(sd_cyaml_mem *m, cyaml_config_t *cfg);
void sd_cyaml_mem_free(sd_cyaml_mem *m);
/*
 * Turns the captured failure of a cyaml load into one diagnostic:
 *     models.yaml:8:9: users.email: unknown key 'nulable'
 *                                     (did you mean 'nullable'?)
 * keys is the table of valid keys per place, for suggestions.
 */
int sd_cyaml_report(sd_error *err, const sd_cyaml_log *log, cyaml_err_t rc,
                    const sd_ydoc *d, const sd_model_keys *keys);

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

#define SD_MAX_IDENT 63

#endif
