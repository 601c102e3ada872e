/*
 * load_objects.h - internal to the model module: the schema-level objects
 * of the models besides tables and enums (schemas, extensions, collations,
 * sequences, domains, composite and range types), identity options, and
 * the columns partitions and INHERITS children take from their parents.
 *
 * load.c binds these keys with the rest of the document (the m_* structs
 * and field tables below) and calls the lowering functions at their place
 * in its build; each reports every problem with its file and line and
 * goes on.
 */
#ifndef SD_MODEL_LOAD_OBJECTS_H
#define SD_MODEL_LOAD_OBJECTS_H

#include "model/yamldoc.h"

SD_LAYER_HEADER(MODEL);

/* Sequence options as written: numbers are bound as text and parsed when
 * lowered, so that "12x" is an error at its line. */
typedef struct m_seqopts {
	char *name;   /* sequences: the sequence; identity: SEQUENCE NAME */
	char *schema;
	char *type;
	char *start;
	char *increment;
	char *min;
	char *max;
	char *cache;
	int cycle;
	char *owned_by;
	int unlogged;
	char *comment;
} m_seqopts;

typedef struct m_namespace {
	char *name;
	char *comment;
} m_namespace;

typedef struct m_extension {
	char *name;
	char *schema;
	char *version;
	char *comment;
} m_extension;

typedef struct m_collation {
	char *name;
	char *schema;
	char *provider;
	char *locale;
	char *lc_collate;
	char *lc_ctype;
	int deterministic;
	char *comment;
} m_collation;

typedef struct m_domain_check {
	char *name;
	char *expression;
	int not_valid;
	char *comment;
} m_domain_check;

typedef struct m_domain {
	char *name;
	char *schema;
	char *type;
	char *default_;
	int nullable;
	char *collation;
	m_domain_check *checks;
	unsigned checks_count;
	char *comment;
} m_domain;

typedef struct m_attribute {
	char *name;
	char *type;
	char *collation;
	char *comment;
} m_attribute;

typedef struct m_composite {
	char *name;
	char *schema;
	m_attribute *attributes;
	unsigned attributes_count;
	char *comment;
} m_composite;

typedef struct m_range {
	char *name;
	char *schema;
	char *subtype;
	char *subtype_opclass;
	char *collation;
	char *canonical;
	char *subtype_diff;
	char *multirange;
	char *comment;
} m_range;

/* The top-level lists, bound into load.c's m_models. */
typedef struct m_objects {
	m_namespace *schemas;
	unsigned schemas_count;
	m_extension *extensions;
	unsigned extensions_count;
	m_collation *collations;
	unsigned collations_count;
	m_seqopts *sequences;
	unsigned sequences_count;
	m_domain *domains;
	unsigned domains_count;
	m_composite *composite_types;
	unsigned composite_types_count;
	m_range *range_types;
	unsigned range_types_count;
} m_objects;

extern const sd_yfield sd_models_namespace_fields[];
extern const sd_yfield sd_models_extension_fields[];
extern const sd_yfield sd_models_collation_fields[];
extern const sd_yfield sd_models_sequence_fields[];
extern const sd_yfield sd_models_identity_fields[];
extern const sd_yfield sd_models_domain_fields[];
extern const sd_yfield sd_models_domain_check_fields[];
extern const sd_yfield sd_models_composite_fields[];
extern const sd_yfield sd_models_attribute_fields[];
extern const sd_yfield sd_models_range_fields[];

/* The keys of m_objects, spliced into the document's root fields. */
#define SD_MODELS_OBJECT_FIELDS(st, m)                                       \
	SD_YF_LIST_OPT("schemas", st, m.schemas, m_namespace,                \
	               sd_models_namespace_fields),                          \
	SD_YF_LIST_OPT("extensions", st, m.extensions, m_extension,          \
	               sd_models_extension_fields),                          \
	SD_YF_LIST_OPT("collations", st, m.collations, m_collation,          \
	               sd_models_collation_fields),                          \
	SD_YF_LIST_OPT("sequences", st, m.sequences, m_seqopts,              \
	               sd_models_sequence_fields),                           \
	SD_YF_LIST_OPT("domains", st, m.domains, m_domain,                   \
	               sd_models_domain_fields),                             \
	SD_YF_LIST_OPT("composite_types", st, m.composite_types,             \
	               m_composite, sd_models_composite_fields),             \
	SD_YF_LIST_OPT("range_types", st, m.range_types, m_range,            \
	               sd_models_range_fields)

/* What the lowering functions need of the loader. */
typedef struct sd_lobj {
	sd_schema *s;
	sd_arena *tmp;
	sd_error *err;
	const sd_ydoc *doc; /* the file being lowered */
} sd_lobj;

/*
 * Lowers one file's schemas, extensions, collations, domains, composite
 * and range types into L->s (duplicates across files are errors).
 * Sequences wait for the tables (OWNED BY): sd_load_sequences.
 */
void sd_load_objects(sd_lobj *L, const m_objects *m);
void sd_load_sequences(sd_lobj *L, const m_objects *m);

/*
 * Parses identity options (a column's identity_options mapping at path)
 * into a new sd_identity_options; NULL (and errors) when they do not
 * parse.
 */
const sd_identity_options *sd_load_identity_options(sd_lobj *L,
                                                    const m_seqopts *m,
                                                    const char *path,
                                                    const char *object);

/*
 * Gives every partition and INHERITS child the columns of its parents
 * (parents first, in order), each a copy marked inherited. A partition's
 * own column entries only set the default, NOT NULL and comment of a
 * parent's column of the same name and type; an INHERITS child's are its
 * own columns (merged with a parent's of the same name). Missing parents,
 * cycles and columns a partition may not have are errors. Call once
 * every table's own columns are in and enum types resolved.
 */
void sd_load_children(sd_lobj *L);

#endif
