/*
 * load.c - the YAML models (SPEC "Models (YAML)") into an sd_schema.
 *
 * Three steps per load:
 *   1. every file is read by libyaml into a position tree (yamldoc.c) and
 *      bound from it into the m_* structs below (ybind.c); the first
 *      problem per file becomes a diagnostic with line, column and
 *      suggestion, and every unknown key is reported;
 *   2. the structs of all files are lowered into one sd_schema: enums, then
 *      tables and columns, then keys, uniques, indexes and checks, then
 *      foreign keys (which need every target's keys), column shorthands
 *      becoming table-level objects on the way;
 *   3. unnamed objects get names from the naming convention, and names that
 *      PostgreSQL wants unique per namespace are checked.
 * Every problem is reported and the load goes on, so a user fixes a file in
 * one pass; the schema is handed out only when there were none.
 */
#include "model/load_objects.h"
#include "model/load_logic.h"
#include "model/yamldoc.h"

#include <ctype.h>
#include <dirent.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

const sd_naming sd_naming_default = {
	"pk_%(table)",
	"ix_%(table)_%(columns)",
	"uq_%(table)_%(columns)",
	"fk_%(table)_%(columns)_%(ref_table)",
	"ck_%(table)_%(constraint_name)",
};

/* ------------------------------------------------------------------ */
/* The models as they are bound                                        */
/* ------------------------------------------------------------------ */

/* Booleans are strict, so that `nullable: maybe` is an error rather than
 * a lenient "true": 0 = absent, 1 = false, 2 = true. */
enum {
	TRI_UNSET = SD_YBOOL_UNSET,
	TRI_FALSE = SD_YBOOL_FALSE,
	TRI_TRUE = SD_YBOOL_TRUE,
};

typedef struct m_enum_rename {
	char *name;
	char *renamed_from;
} m_enum_rename;

typedef struct m_enum {
	char *name;
	char *schema;
	char **values;
	unsigned values_count;
	char *comment;
	m_enum_rename *renamed_values;
	unsigned renamed_values_count;
} m_enum;

/* sqlite_names: the CONSTRAINT names of a column's attributes */
typedef struct m_attr_names {
	char *not_null;
	char *default_;
	char *collation;
	char *generated;
} m_attr_names;

static const sd_yfield attr_name_fields[] = {
	SD_YF_STR_OPT("not_null", m_attr_names, not_null),
	SD_YF_STR_OPT("default", m_attr_names, default_),
	SD_YF_STR_OPT("collation", m_attr_names, collation),
	SD_YF_STR_OPT("generated", m_attr_names, generated), SD_YF_END};

/* A column's rarely set keys: a models file has thousands of columns,
 * most of which set none of these (NULL: every member unset). */
typedef struct m_column_x {
	char *on_delete;
	char *on_update;
	char *identity;
	char *generated;
	char *collation;
	char *renamed_from;
	char *backfill;
	int virtual_;
	int autoincrement;
	int sqlite_nullable_key;
	int inherited;
	char *not_null_on_conflict;
	char **sqlite_order;
	unsigned sqlite_order_count;
	m_seqopts *identity_options;
	m_attr_names *sqlite_names;
	char *storage;
	char *compression;
	char *statistics;
} m_column_x;

typedef struct m_column {
	char *name;
	char *type;
	char *default_;
	char *references;
	char *comment;
	int nullable;
	int primary_key;
	int unique;
	m_column_x *x;
} m_column;

static const m_column_x no_column_x;

static const m_column_x *column_x(const m_column *mc)
{
	return mc->x ? mc->x : &no_column_x;
}

typedef struct m_ref {
	char *table;
	char **columns;
	unsigned columns_count;
} m_ref;

typedef struct m_fk {
	char *name;
	char **columns;
	unsigned columns_count;
	m_ref *references;
	char *on_delete;
	char *on_update;
	char **on_delete_columns;
	unsigned on_delete_columns_count;
	int deferrable;
	int initially_deferred;
	int not_valid;
	char *match;
	char *comment;
	char **sqlite_order;
	unsigned sqlite_order_count;
	int unnamed;
} m_fk;

typedef struct m_unique {
	char *name;
	char **columns;
	unsigned columns_count;
	int nulls_not_distinct;
	int deferrable;
	int initially_deferred;
	char *comment;
	char *on_conflict;
	char **include;
	unsigned include_count;
	char *tablespace;
	int unnamed;
} m_unique;

typedef struct m_check {
	char *name;
	char *expression;
	int not_valid;
	int no_inherit;
	char *comment;
	char *on_conflict;
	int unnamed;
} m_check;

typedef struct m_exclusion {
	char *name;
	char *using_;
	char **include;
	unsigned include_count;
	char *where;
	char *tablespace;
	int deferrable;
	int initially_deferred;
	char *comment;
} m_exclusion;

typedef struct m_statistics {
	char *name;
	char *schema;
	char **kinds;
	unsigned kinds_count;
	char **columns;
	unsigned columns_count;
	char **expressions;
	unsigned expressions_count;
	char *target;
	char *comment;
} m_statistics;

typedef struct m_table {
	char *name;
	char *schema;
	char *comment;
	char *renamed_from;
	m_column *columns;
	unsigned columns_count;
	m_index *indexes;
	unsigned indexes_count;
	m_unique *unique;
	unsigned unique_count;
	m_fk *foreign_keys;
	unsigned foreign_keys_count;
	m_check *checks;
	unsigned checks_count;
	m_exclusion *exclusions;
	unsigned exclusions_count;
	m_statistics *statistics;
	unsigned statistics_count;
	int without_rowid;
	int strict;
	char *using_;
	int sqlite_autoincrement;
	char *partition_by;
	char *partition_of;
	char *of;
	char *partition_bound;
	char **inherits;
	unsigned inherits_count;
	m_trigger *triggers;
	unsigned triggers_count;
	m_policy *policies;
	unsigned policies_count;
	m_rule *rules;
	unsigned rules_count;
	int row_level_security;
	int force_row_level_security;
	int unlogged;
	char *replica_identity;
	char *cluster_on;
} m_table;

typedef struct m_models {
	m_enum *enums;
	unsigned enums_count;
	m_table *tables;
	unsigned tables_count;
	m_objects objects; /* load_objects.h */
	m_view *views;
	unsigned views_count;
	m_function *functions;
	unsigned functions_count;
	m_function *procedures;
	unsigned procedures_count;
	m_function *aggregates;
	unsigned aggregates_count;
	m_grant *grants;
	unsigned grants_count;
	m_grant *default_privileges;
	unsigned default_privileges_count;
	m_event_trigger *event_triggers;
	unsigned event_triggers_count;
} m_models;

/* Each mapping of the models: its keys, what each binds to (yamldoc.h). */
static const sd_yfield enum_rename_fields[] = {
	SD_YF_STR("name", m_enum_rename, name),
	SD_YF_STR("renamed_from", m_enum_rename, renamed_from), SD_YF_END};

static const sd_yfield enum_fields[] = {
	SD_YF_STR("name", m_enum, name), SD_YF_STR_OPT("schema", m_enum, schema),
	SD_YF_STRS("values", true, m_enum, values),
	SD_YF_STR_OPT("comment", m_enum, comment),
	SD_YF_LIST_OPT("renamed_values", m_enum, renamed_values, m_enum_rename,
	               enum_rename_fields),
	SD_YF_END};

#define X_STR(key, m) SD_YF_X_STR_OPT(key, m_column, x, m_column_x, m)
#define X_BOOL(key, m) SD_YF_X_BOOL_OPT(key, m_column, x, m_column_x, m)
static const sd_yfield column_fields[] = {
	SD_YF_STR("name", m_column, name), SD_YF_STR("type", m_column, type),
	SD_YF_BOOL_OPT("nullable", m_column, nullable),
	SD_YF_BOOL_OPT("primary_key", m_column, primary_key),
	SD_YF_BOOL_OPT("unique", m_column, unique),
	SD_YF_STR_OPT("default", m_column, default_),
	SD_YF_STR_OPT("references", m_column, references),
	X_STR("on_delete", on_delete),
	X_STR("on_update", on_update),
	X_STR("identity", identity),
	X_STR("generated", generated),
	X_STR("collation", collation),
	SD_YF_STR_OPT("comment", m_column, comment),
	X_STR("renamed_from", renamed_from),
	X_STR("backfill", backfill),
	X_BOOL("virtual", virtual_),
	X_BOOL("autoincrement", autoincrement),
	X_BOOL("sqlite_nullable_key", sqlite_nullable_key),
	X_STR("not_null_on_conflict", not_null_on_conflict),
	SD_YF_X_STRS("sqlite_order", m_column, x, m_column_x, sqlite_order),
	SD_YF_X_MAP("sqlite_names", m_column, x, m_column_x, sqlite_names,
	            m_attr_names, attr_name_fields),
	SD_YF_X_MAP("identity_options", m_column, x, m_column_x,
	            identity_options, m_seqopts, sd_models_identity_fields),
	X_STR("storage", storage),
	X_STR("compression", compression),
	X_STR("statistics", statistics),
	X_BOOL("inherited", inherited),
	SD_YF_ANY("options", NULL),
	SD_YF_END};
#undef X_STR
#undef X_BOOL

static const sd_yfield ref_fields[] = {
	SD_YF_STR("table", m_ref, table),
	SD_YF_STRS("columns", false, m_ref, columns), SD_YF_END};

static const sd_yfield fk_fields[] = {
	SD_YF_STR_OPT("name", m_fk, name),
	SD_YF_STRS("columns", true, m_fk, columns),
	SD_YF_MAP("references", true, m_fk, references, m_ref, ref_fields),
	SD_YF_STR_OPT("on_delete", m_fk, on_delete),
	SD_YF_STR_OPT("on_update", m_fk, on_update),
	SD_YF_STRS("on_delete_columns", false, m_fk, on_delete_columns),
	SD_YF_BOOL_OPT("deferrable", m_fk, deferrable),
	SD_YF_BOOL_OPT("initially_deferred", m_fk, initially_deferred),
	SD_YF_BOOL_OPT("not_valid", m_fk, not_valid),
	SD_YF_STR_OPT("match", m_fk, match),
	SD_YF_STR_OPT("comment", m_fk, comment),
	SD_YF_STRS("sqlite_order", false, m_fk, sqlite_order),
	SD_YF_BOOL_OPT("unnamed", m_fk, unnamed), SD_YF_END};

static const sd_yfield unique_fields[] = {
	SD_YF_STR_OPT("name", m_unique, name),
	SD_YF_STRS("columns", true, m_unique, columns),
	SD_YF_BOOL_OPT("nulls_not_distinct", m_unique, nulls_not_distinct),
	SD_YF_BOOL_OPT("deferrable", m_unique, deferrable),
	SD_YF_BOOL_OPT("initially_deferred", m_unique, initially_deferred),
	SD_YF_STR_OPT("comment", m_unique, comment),
	SD_YF_STR_OPT("on_conflict", m_unique, on_conflict),
	SD_YF_STRS("include", false, m_unique, include),
	SD_YF_ANY("with", NULL), SD_YF_ANY("index_comment", NULL),
	SD_YF_ANY("partition_names", NULL),
	SD_YF_STR_OPT("tablespace", m_unique, tablespace),
	SD_YF_BOOL_OPT("unnamed", m_unique, unnamed), SD_YF_END};

static const sd_yfield check_fields[] = {
	SD_YF_STR_OPT("name", m_check, name),
	SD_YF_STR("expression", m_check, expression),
	SD_YF_BOOL_OPT("not_valid", m_check, not_valid),
	SD_YF_BOOL_OPT("no_inherit", m_check, no_inherit),
	SD_YF_STR_OPT("comment", m_check, comment),
	SD_YF_STR_OPT("on_conflict", m_check, on_conflict),
	SD_YF_BOOL_OPT("unnamed", m_check, unnamed), SD_YF_END};

const sd_yfield sd_m_index_fields[] = {
	SD_YF_STR_OPT("name", m_index, name),
	SD_YF_STRS("columns", false, m_index, columns),
	SD_YF_STRS("expressions", false, m_index, expressions),
	SD_YF_BOOL_OPT("unique", m_index, unique),
	SD_YF_STR_OPT("where", m_index, where),
	SD_YF_STR_OPT("using", m_index, using_),
	SD_YF_STRS("include", false, m_index, include),
	SD_YF_BOOL_OPT("nulls_not_distinct", m_index, nulls_not_distinct),
	SD_YF_STR_OPT("comment", m_index, comment),
	SD_YF_ANY("keys", NULL), SD_YF_ANY("with", NULL),
	SD_YF_ANY("partition_names", NULL),
	SD_YF_STR_OPT("tablespace", m_index, tablespace), SD_YF_END};

static const sd_yfield exclusion_fields[] = {
	SD_YF_STR("name", m_exclusion, name),
	SD_YF_STR_OPT("using", m_exclusion, using_),
	SD_YF_ANY("keys", NULL),
	SD_YF_STRS("include", false, m_exclusion, include),
	SD_YF_STR_OPT("where", m_exclusion, where),
	SD_YF_ANY("with", NULL), SD_YF_ANY("index_comment", NULL),
	SD_YF_ANY("partition_names", NULL),
	SD_YF_STR_OPT("tablespace", m_exclusion, tablespace),
	SD_YF_BOOL_OPT("deferrable", m_exclusion, deferrable),
	SD_YF_BOOL_OPT("initially_deferred", m_exclusion, initially_deferred),
	SD_YF_STR_OPT("comment", m_exclusion, comment), SD_YF_END};

static const sd_yfield statistics_fields[] = {
	SD_YF_STR("name", m_statistics, name),
	SD_YF_STR_OPT("schema", m_statistics, schema),
	SD_YF_STRS("kinds", false, m_statistics, kinds),
	SD_YF_STRS("columns", false, m_statistics, columns),
	SD_YF_STRS("expressions", false, m_statistics, expressions),
	SD_YF_STR_OPT("target", m_statistics, target),
	SD_YF_STR_OPT("comment", m_statistics, comment), SD_YF_END};

/* `primary_key` is either a list or a mapping: load_table_pk reads it from
 * the tree; these are the keys its mapping form takes. */
static const sd_yfield pk_fields[] = {
	SD_YF_ANY("name", NULL), SD_YF_ANY("columns", NULL),
	SD_YF_ANY("include", NULL), SD_YF_ANY("with", NULL),
	SD_YF_ANY("tablespace", NULL), SD_YF_ANY("deferrable", NULL),
	SD_YF_ANY("initially_deferred", NULL), SD_YF_ANY("comment", NULL),
	SD_YF_ANY("on_conflict", NULL), SD_YF_ANY("index_comment", NULL),
	SD_YF_ANY("partition_names", NULL), SD_YF_END};

static const sd_yfield table_fields[] = {
	SD_YF_STR("name", m_table, name),
	SD_YF_STR_OPT("schema", m_table, schema),
	SD_YF_STR_OPT("comment", m_table, comment),
	SD_YF_STR_OPT("renamed_from", m_table, renamed_from),
	SD_YF_LIST_OPT("columns", m_table, columns, m_column, column_fields),
	SD_YF_ANY("primary_key", pk_fields),
	SD_YF_LIST_OPT("indexes", m_table, indexes, m_index,
	               sd_m_index_fields),
	SD_YF_LIST_OPT("unique", m_table, unique, m_unique, unique_fields),
	SD_YF_LIST_OPT("foreign_keys", m_table, foreign_keys, m_fk,
	               fk_fields),
	SD_YF_LIST_OPT("checks", m_table, checks, m_check, check_fields),
	SD_YF_LIST_OPT("exclusions", m_table, exclusions, m_exclusion,
	               exclusion_fields),
	SD_YF_LIST_OPT("statistics", m_table, statistics, m_statistics,
	               statistics_fields),
	SD_YF_BOOL_OPT("without_rowid", m_table, without_rowid),
	SD_YF_BOOL_OPT("strict", m_table, strict),
	SD_YF_STR_OPT("using", m_table, using_),
	SD_YF_BOOL_OPT("sqlite_autoincrement", m_table, sqlite_autoincrement),
	SD_YF_STR_OPT("partition_by", m_table, partition_by),
	SD_YF_STR_OPT("partition_of", m_table, partition_of),
	SD_YF_STR_OPT("of", m_table, of),
	SD_YF_STR_OPT("partition_bound", m_table, partition_bound),
	SD_YF_STRS("inherits", false, m_table, inherits),
	SD_YF_LIST_OPT("triggers", m_table, triggers, m_trigger,
	               sd_m_trigger_fields),
	SD_YF_LIST_OPT("policies", m_table, policies, m_policy,
	               sd_m_policy_fields),
	SD_YF_LIST_OPT("rules", m_table, rules, m_rule, sd_m_rule_fields),
	SD_YF_BOOL_OPT("row_level_security", m_table, row_level_security),
	SD_YF_BOOL_OPT("force_row_level_security", m_table,
	               force_row_level_security),
	SD_YF_BOOL_OPT("unlogged", m_table, unlogged),
	SD_YF_STR_OPT("replica_identity", m_table, replica_identity),
	SD_YF_STR_OPT("cluster_on", m_table, cluster_on),
	SD_YF_ANY("with", NULL),
	SD_YF_END};

static const sd_yfield models_fields[] = {
	SD_YF_LIST_OPT("enums", m_models, enums, m_enum, enum_fields),
	SD_YF_LIST_OPT("tables", m_models, tables, m_table, table_fields),
	SD_MODELS_OBJECT_FIELDS(m_models, objects),

	SD_YF_LIST_OPT("views", m_models, views, m_view, sd_m_view_fields),
	SD_YF_LIST_OPT("functions", m_models, functions, m_function,
	               sd_m_function_fields),
	SD_YF_LIST_OPT("procedures", m_models, procedures, m_function,
	               sd_m_procedure_fields),
	SD_YF_LIST_OPT("aggregates", m_models, aggregates, m_function,
	               sd_m_aggregate_fields),
	SD_YF_LIST_OPT("grants", m_models, grants, m_grant, sd_m_grant_fields),
	SD_YF_LIST_OPT("default_privileges", m_models, default_privileges,
	               m_grant, sd_m_default_privilege_fields),
	SD_YF_LIST_OPT("event_triggers", m_models, event_triggers,
	               m_event_trigger, sd_m_event_trigger_fields),
	SD_YF_END};

/* ------------------------------------------------------------------ */
/* Valid keys per place, shared with the JSON Schema test              */
/* ------------------------------------------------------------------ */

const sd_model_keys sd_model_key_table[] = {
	{"", models_fields},
	{"enums[]", enum_fields},
	{"tables[]", table_fields},
	{"tables[].columns[]", column_fields},
	{"tables[].primary_key", pk_fields},
	{"tables[].indexes[]", sd_m_index_fields},
	{"tables[].triggers[]", sd_m_trigger_fields},
	{"tables[].policies[]", sd_m_policy_fields},
	{"tables[].rules[]", sd_m_rule_fields},
	{"views[]", sd_m_view_fields},
	{"views[].column_options[]", sd_m_column_option_fields},
	{"views[].indexes[]", sd_m_index_fields},
	{"views[].triggers[]", sd_m_trigger_fields},
	{"views[].rules[]", sd_m_rule_fields},
	{"functions[]", sd_m_function_fields},
	{"functions[].arguments[]", sd_m_argument_fields},
	{"procedures[]", sd_m_procedure_fields},
	{"procedures[].arguments[]", sd_m_argument_fields},
	{"aggregates[]", sd_m_aggregate_fields},
	{"aggregates[].arguments[]", sd_m_argument_fields},
	{"grants[]", sd_m_grant_fields},
	{"default_privileges[]", sd_m_default_privilege_fields},
	{"event_triggers[]", sd_m_event_trigger_fields},
	{"tables[].unique[]", unique_fields},
	{"tables[].foreign_keys[]", fk_fields},
	{"tables[].foreign_keys[].references", ref_fields},
	{"tables[].checks[]", check_fields},
	{"tables[].exclusions[]", exclusion_fields},
	{"tables[].indexes[].keys[]", sd_index_key_fields},
	{"tables[].exclusions[].keys[]", sd_index_key_fields},
	{"tables[].columns[].identity_options", sd_models_identity_fields},
	{"tables[].columns[].sqlite_names", attr_name_fields},
	{"schemas[]", sd_models_namespace_fields},
	{"extensions[]", sd_models_extension_fields},
	{"collations[]", sd_models_collation_fields},
	{"sequences[]", sd_models_sequence_fields},
	{"domains[]", sd_models_domain_fields},
	{"domains[].checks[]", sd_models_domain_check_fields},
	{"composite_types[]", sd_models_composite_fields},
	{"composite_types[].attributes[]", sd_models_attribute_fields},
	{"range_types[]", sd_models_range_fields},
	{NULL, NULL},
};

/* ------------------------------------------------------------------ */
/* Loader state                                                        */
/* ------------------------------------------------------------------ */

typedef struct file_ctx {
	sd_ydoc doc;
	const sd_ynode *tables; /* the `tables` sequence, or NULL */
	m_models *m;    /* bound into doc's arena; strings are doc's */
	bool parsed; /* read and bound */
} file_ctx;

/* One table of the models and where it came from. */
typedef struct tinfo {
	sd_table *t;
	file_ctx *f;
	const m_table *mt;
	unsigned index;  /* position in its file's tables list */
	const sd_ynode *node;    /* its mapping in the position tree */
	const sd_ynode *columns; /* its `columns` sequence */
	const char *qname;
	bool pk_from_columns;
} tinfo;

/* Where a constraint or index name was first used, per namespace. */
typedef struct name_use {
	const char *table;
	const char *path;
	int line;
} name_use;

typedef struct loader {
	sd_schema *s;
	sd_arena *a; /* = s->arena */
	sd_arena *tmp; /* paths, object names, map keys: freed after the load */
	sd_error *err;
	const sd_naming *naming;
	file_ctx *files;
	size_t nfiles;
	tinfo *tables;
	size_t ntables;
	sd_map *tinfo_map;  /* qualified name -> tinfo* */
	sd_map *enum_lines; /* qualified name -> "path:line" */
	sd_map *names;      /* schema + "\x1f" + name -> name_use* */
} loader;

static int lerr(loader *L, const file_ctx *f, const char *path,
                const char *object, const char *fmt, ...) SD_PRINTF(5, 6);

/* Adds an error at the line of path (or its nearest ancestor) in f. */
static int lerr(loader *L, const file_ctx *f, const char *path,
                const char *object, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sd_error_vadd(L->err, SD_EINPUT, f->doc.path,
	                   sd_ydoc_line(&f->doc, path), 0, object, fmt, ap);
	va_end(ap);
	return rc;
}

static const char *normalize_schema(const char *schema)
{
	return sd_namespace_key(schema);
}

/* The cheap test before bad_name, whose path argument costs a format. */
static bool name_ok(const char *name)
{
	return name && *name && strlen(name) <= SD_MAX_IDENT;
}

static bool bad_name(loader *L, const file_ctx *f, const char *path,
                     const char *object, const char *what, const char *name)
{
	if (!name || !*name) {
		lerr(L, f, path, object, "empty %s name", what);
		return true;
	}
	if (strlen(name) > SD_MAX_IDENT) {
		lerr(L, f, path, object,
		     "%s name '%s' is longer than %d bytes", what, name,
		     SD_MAX_IDENT);
		return true;
	}
	return false;
}

static const char *dup(loader *L, const char *s)
{
	return sd_arena_strdup(L->a, s);
}

/* Writes v in decimal at p; returns the end. */
static char *put_uint(char *p, unsigned v)
{
	char tmp[12];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		*p++ = tmp[--n];
	return p;
}

/*
 * Paths and object names are only needed by diagnostics, so the hot loops
 * build them on demand from these, never per column on a clean load:
 *     item_path(L, ti, "columns", 2, "type") -> "tables[7].columns[2].type"
 *     obj_name(L, ti, "email")               -> "users.email"
 * A clean load still builds one path per table and list entry, so they
 * are put together without printf (vsnprintf was 4% of loading a
 * 5,000-table file). entry_path: "tables[7]", then ".columns[2]" when
 * list is not NULL, then ".type" when key is not NULL.
 */
static const char *entry_path(loader *L, unsigned table, const char *list,
                              unsigned j, const char *key)
{
	char buf[160], *p = buf;
	size_t ll = list ? strlen(list) : 0, kl = key ? strlen(key) : 0;

	if (ll + kl > sizeof(buf) - 40)
		return sd_arena_printf(L->tmp, "tables[%u].%s[%u]%s%s", table,
		                       list ? list : "", j, key ? "." : "",
		                       key ? key : "");
	memcpy(p, "tables[", 7);
	p = put_uint(p + 7, table);
	*p++ = ']';
	if (list) {
		*p++ = '.';
		memcpy(p, list, ll);
		p += ll;
		*p++ = '[';
		p = put_uint(p, j);
		*p++ = ']';
	}
	if (key) {
		*p++ = '.';
		memcpy(p, key, kl);
		p += kl;
	}
	return sd_arena_strndup(L->tmp, buf, (size_t)(p - buf));
}

static const char *item_path(loader *L, const tinfo *ti, const char *list,
                             unsigned j, const char *key)
{
	return entry_path(L, ti->index, list, j, key);
}

static const char *obj_name(loader *L, const tinfo *ti, const char *name)
{
	return name ? sd_qualified_name(L->tmp, ti->qname, name) : ti->qname;
}

/* 1-based line of entry j of the table's list (`columns`, `indexes`...). */
static int item_line(const tinfo *ti, const char *list, unsigned j)
{
	const sd_ynode *seq = strcmp(list, "columns") == 0
	                          ? ti->columns
	                          : sd_ynode_get(ti->node, list);
	const sd_ynode *n = sd_ynode_item(seq, j);

	return n ? sd_ynode_line(n) : sd_ynode_line(ti->node);
}

/* ------------------------------------------------------------------ */
/* Step 1: parse                                                       */
/* ------------------------------------------------------------------ */

static int file_parse(file_ctx *f, const char *data, size_t len,
                      const char *path, sd_error *err)
{
	void *m = NULL;
	int rc;

	rc = sd_ydoc_parse(&f->doc, data, len, path, err);
	if (rc != SD_OK)
		return rc;
	if (!f->doc.root)
		return SD_OK; /* empty file: no models */
	f->tables = sd_ynode_get(f->doc.root, "tables");
	rc = sd_ydoc_bind(&m, &f->doc, models_fields, sizeof(m_models),
	                  f->doc.arena, err);
	if (rc != SD_OK)
		return rc;
	f->m = m;
	f->parsed = true;
	return SD_OK;
}

static void file_fini(file_ctx *f)
{
	f->m = NULL;
	sd_ydoc_fini(&f->doc);
}

/* ------------------------------------------------------------------ */
/* Step 2: lower into sd_schema                                        */
/* ------------------------------------------------------------------ */

static void load_enum_renames(loader *L, file_ctx *f, const char *path,
                              const char *qname, const m_enum *me,
                              sd_enum *e);

static void load_enums(loader *L, file_ctx *f)
{
	unsigned i, j;

	for (i = 0; f->m && i < f->m->enums_count; i++) {
		const m_enum *me = &f->m->enums[i];
		char *path = sd_arena_printf(L->tmp, "enums[%u]", i);
		const char *schema = normalize_schema(me->schema);
		const char *qname, *first;
		sd_enum *e;

		if (bad_name(L, f, path, NULL, "enum", me->name))
			continue;
		qname = sd_qualified_name(L->a, schema, me->name);
		first = sd_map_get(L->enum_lines, qname);
		if (first) {
			lerr(L, f, path, qname, "duplicate enum '%s'", qname);
			sd_error_hint(L->err, "first declared at %s", first);
			continue;
		}
		sd_map_put(L->enum_lines, qname,
		           sd_arena_printf(L->tmp, "%s:%d", f->doc.path,
		                           sd_ydoc_line(&f->doc, path)));
		e = sd_schema_add_enum(L->s, schema, me->name);
		e->base.loc.path = f->doc.path;
		e->base.loc.line = sd_ydoc_line(&f->doc, path);
		e->comment = dup(L, me->comment);
		if (schema)
			sd_schema_add_namespace(L->s, schema);
		if (me->values_count == 0)
			lerr(L, f, path, qname, "enum '%s' has no values",
			     qname);
		for (j = 0; j < me->values_count; j++) {
			char *vpath = sd_arena_printf(L->tmp, "%s.values[%u]",
			                              path, j);
			if (!*me->values[j]) {
				lerr(L, f, vpath, qname, "empty enum value");
				continue;
			}
			if (sd_strlist_contains(&e->values, me->values[j])) {
				lerr(L, f, vpath, qname,
				     "duplicate value '%s' in enum '%s'",
				     me->values[j], qname);
				continue;
			}
			sd_strlist_push(L->a, &e->values, me->values[j]);
		}
		load_enum_renames(L, f, path, qname, me, e);
	}
}

/*
 * An enum's renamed_values: each names one of its labels and the old
 * label it had, which must not be a label of the enum any more; a label
 * is renamed at most once and from one old label.
 */
static void load_enum_renames(loader *L, file_ctx *f, const char *path,
                              const char *qname, const m_enum *me, sd_enum *e)
{
	unsigned j;
	size_t k;

	for (j = 0; j < me->renamed_values_count; j++) {
		const m_enum_rename *r = &me->renamed_values[j];
		char *rpath = sd_arena_printf(L->tmp, "%s.renamed_values[%u]",
		                              path, j);
		bool dup = false;
		if (!sd_strlist_contains(&e->values, r->name)) {
			lerr(L, f, rpath, qname,
			     "renamed value '%s' is not a value of enum '%s'",
			     r->name, qname);
			continue;
		}
		if (sd_strlist_contains(&e->values, r->renamed_from) ||
		    !*r->renamed_from) {
			lerr(L, f, rpath, qname,
			     "value '%s' of enum '%s' cannot be renamed from "
			     "'%s': that is still a value of the enum",
			     r->name, qname, r->renamed_from);
			continue;
		}
		for (k = 0; k + 1 < e->renamed_values.n; k += 2)
			dup = dup ||
			      sd_streq(e->renamed_values.items[k], r->name) ||
			      sd_streq(e->renamed_values.items[k + 1],
			               r->renamed_from);
		if (dup) {
			lerr(L, f, rpath, qname,
			     "enum '%s' renames value '%s' or '%s' twice",
			     qname, r->name, r->renamed_from);
			continue;
		}
		sd_strlist_push(L->a, &e->renamed_values, r->name);
		sd_strlist_push(L->a, &e->renamed_values, r->renamed_from);
	}
}

/* Database spellings of integer types, which may carry an identity. */
static bool raw_integer(const char *name)
{
	static const char *const ints[] = {"int", "int2", "int4", "int8",
	                                   "smallint", "bigint", NULL};
	size_t i;

	for (i = 0; ints[i]; i++)
		if (sd_strieq(name, ints[i]))
			return true;
	return false;
}

/* Whether one of the n objects (each starting with its sd_object) is
 * schema.name. */
static bool object_named(void *const *objs, size_t n, const char *schema,
                         const char *name)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const sd_object *o = objs[i];
		if (sd_streq(o->schema, schema) && sd_streq(o->name, name))
			return true;
	}
	return false;
}

/*
 * Whether type ("name" or "schema.name", no arguments) is a domain,
 * composite or range type of the models: PostgreSQL takes such a name
 * for that type even where it spells a portable one ("year", "string").
 */
static bool models_type(loader *L, const char *type)
{
	const sd_schema *s = L->s;
	const char *dot = strchr(type, '.');
	const char *schema = NULL, *name = type;

	if (strpbrk(type, "()[] \"\t"))
		return false;
	if (dot) {
		schema = sd_namespace_key(
			sd_arena_strndup(L->tmp, type, (size_t)(dot - type)));
		name = dot + 1;
	}
	return object_named((void *const *)s->domains, s->ndomains, schema,
	                    name) ||
	       object_named((void *const *)s->composites, s->ncomposites,
	                    schema, name) ||
	       object_named((void *const *)s->ranges, s->nranges, schema,
	                    name);
}

/* PostgreSQL's STORAGE, COMPRESSION, SET STATISTICS and attribute
 * options of column j (sd_load_column_settings). */
static void column_settings(loader *L, tinfo *ti, unsigned j, sd_column *c)
{
	const m_column *mc = &ti->mt->columns[j];
	const m_column_x *mx = column_x(mc);
	sd_column_words w = {mx->storage, mx->compression, mx->statistics,
	                     sd_ynode_get(sd_ynode_item(ti->columns, j),
	                                  "options")};
	sd_logic_src src = {&ti->f->doc, L->s, L->err, L->tmp};

	if (!w.storage && !w.compression && !w.statistics && !w.options)
		return;
	sd_load_column_settings(&src, item_path(L, ti, "columns", j, NULL),
	                        obj_name(L, ti, mc->name), c, &w);
}

/* `type: null` (or ~): a column without a type, which SQLite allows. */
static bool typeless(const char *type)
{
	return strcmp(type, "~") == 0 || strcmp(type, "null") == 0 ||
	       strcmp(type, "Null") == 0 || strcmp(type, "NULL") == 0;
}

/*
 * SQLite's ON CONFLICT resolution word of a NOT NULL, PRIMARY KEY or
 * UNIQUE, upper-cased: "replace" -> "REPLACE". NULL for none; an error
 * for anything else.
 */
static const char *conflict_word(loader *L, const file_ctx *f,
                                 const char *path, const char *object,
                                 const char *text)
{
	static const char *const words[] = {"ROLLBACK", "ABORT", "FAIL",
	                                    "IGNORE", "REPLACE", NULL};
	size_t i;

	if (!text)
		return NULL;
	for (i = 0; words[i]; i++)
		if (sd_strieq(text, words[i]))
			return words[i];
	lerr(L, f, path, object,
	     "an ON CONFLICT resolution is rollback, abort, fail, ignore "
	     "or replace, not '%s'",
	     text);
	return NULL;
}

/*
 * sqlite_order: [default, not_null] -> "DN" (sd_column.sqlite_order):
 * the order of the column's attributes in SQLite's CREATE TABLE text.
 * Each word at most once.
 */
static const char *sqlite_order(loader *L, tinfo *ti, unsigned j)
{
	static const char *const words[] = {"not_null", "null", "default",
	                                    "collation", "generated", NULL};
	static const char letters[] = "NnDCG";
	const m_column *mc = &ti->mt->columns[j];
	const m_column_x *mx = column_x(mc);
	char *out;
	unsigned i;
	size_t k;

	if (!mx->sqlite_order_count)
		return NULL;
	out = sd_arena_alloc(L->a, mx->sqlite_order_count + 1);
	for (i = 0; i < mx->sqlite_order_count; i++) {
		for (k = 0; words[k]; k++)
			if (sd_strieq(mx->sqlite_order[i], words[k]))
				break;
		if (!words[k] || memchr(out, letters[k], i)) {
			lerr(L, ti->f, item_path(L, ti, "columns", j,
			                         "sqlite_order"),
			     obj_name(L, ti, mc->name),
			     "'sqlite_order' lists not_null, null, default, "
			     "collation and generated, each once, not '%s'",
			     mx->sqlite_order[i]);
			return NULL;
		}
		out[i] = letters[k];
	}
	out[i] = '\0';
	return out;
}

/*
 * unnamed: true on a constraint the models name: the database holds it
 * without a name, and schemadiff knows it by this one (the convention's
 * was taken by another object: sd_schema_unclash_unnamed).
 */
static void spelled_unnamed(sd_object *o, int unnamed)
{
	if (unnamed != TRI_TRUE || !o->name)
		return;
	o->unnamed = true;
	o->name_unclashed = true;
}

/* sqlite_names: {not_null: nn, default: df} -> sd_column.sqlite_names */
static const char *const *attr_names(loader *L, const m_attr_names *m)
{
	const char **names;

	if (!m || !(m->not_null || m->default_ || m->collation ||
	            m->generated))
		return NULL;
	names = sd_arena_alloc(L->a, SD_ATTR__COUNT * sizeof(*names));
	names[SD_ATTR_NOT_NULL] = dup(L, m->not_null);
	names[SD_ATTR_DEFAULT] = dup(L, m->default_);
	names[SD_ATTR_COLLATE] = dup(L, m->collation);
	names[SD_ATTR_GENERATED] = dup(L, m->generated);
	return names;
}

static void load_column(loader *L, tinfo *ti, unsigned j)
{
	const m_column *mc = &ti->mt->columns[j];
	const m_column_x *mx = column_x(mc);
	file_ctx *f = ti->f;
	const char *why, *suggest;
	sd_column *c;
	sd_type type;

/* diagnostics only: see item_path */
#define COL_PATH(key) item_path(L, ti, "columns", j, key)
#define COL_OBJECT obj_name(L, ti, mc->name)
	if (!name_ok(mc->name) &&
	    bad_name(L, f, COL_PATH(NULL), ti->qname, "column", mc->name))
		return;
	if (sd_table_find_column(ti->t, mc->name)) {
		lerr(L, f, COL_PATH(NULL), COL_OBJECT, "duplicate column '%s'",
		     mc->name);
		return;
	}
	c = sd_table_add_column(L->s, ti->t, mc->name);
	c->base.loc.path = f->doc.path;
	c->base.loc.line = item_line(ti, "columns", j);
	if (typeless(mc->type) || models_type(L, mc->type)) {
		/* type: null, a SQLite column declared without a type (the
		 * dialects that need one refuse it) */
		memset(&type, 0, sizeof(type));
		type.kind = SD_T_RAW;
		type.name = typeless(mc->type) ? "" : dup(L, mc->type);
		type.length = type.precision = type.scale = -1;
	} else if (sd_type_parse(L->a, mc->type, &type, &why, &suggest) !=
	           SD_OK) {
		const char *tpath = COL_PATH("type");
		const char *object = COL_OBJECT;
		if (strcmp(why, "unknown type") == 0)
			lerr(L, f, tpath, object, "unknown type '%s'", mc->type);
		else
			lerr(L, f, tpath, object, "bad type '%s': %s", mc->type,
			     why);
		if (suggest)
			sd_error_hint(L->err, "did you mean '%s'?", suggest);
		type.kind = SD_T_RAW;
		type.name = dup(L, mc->type);
		type.length = type.precision = type.scale = -1;
		type.enum_schema = NULL;
	}
	c->type = type;
	c->nullable = mc->nullable != TRI_FALSE;
	if (mc->default_)
		c->default_value.sql = dup(L, mc->default_);
	if (mx->generated)
		sd_column_xw(L->a, c)->generated.sql = dup(L, mx->generated);
	if (mx->virtual_ == TRI_TRUE)
		sd_column_xw(L->a, c)->generated_virtual = true;
	if (sd_column_x(c)->generated_virtual && !mx->generated)
		lerr(L, f, COL_PATH("virtual"), COL_OBJECT,
		     "'virtual' needs a 'generated' expression");
	if (mx->collation)
		sd_column_xw(L->a, c)->collation = dup(L, mx->collation);
	if (mc->comment)
		sd_column_xw(L->a, c)->comment = dup(L, mc->comment);
	/* the diagnostic's path and object only when there is a word: made
	 * for every column, they were a tenth of a big model's memory */
	if (mx->not_null_on_conflict)
		sd_column_xw(L->a, c)->not_null_conflict = conflict_word(
			L, f, COL_PATH("not_null_on_conflict"), COL_OBJECT,
			mx->not_null_on_conflict);
	{
		const char *order = sqlite_order(L, ti, j);
		const char *const *names = attr_names(L, mx->sqlite_names);
		if (order)
			sd_column_xw(L->a, c)->sqlite_order = order;
		if (names)
			sd_column_xw(L->a, c)->sqlite_names = names;
	}
	if (mx->renamed_from)
		sd_column_xw(L->a, c)->renamed_from = dup(L, mx->renamed_from);
	if (mx->backfill)
		sd_column_xw(L->a, c)->backfill = dup(L, mx->backfill);
	/* a parent's column: the entry only carries the child's default,
	 * NOT NULL, comment and settings (sd_load_children) */
	c->inherited = mx->inherited == TRI_TRUE;
	if (c->inherited &&
	    (mc->primary_key == TRI_TRUE || mc->unique == TRI_TRUE ||
	     mc->references || mx->identity || mx->generated ||
	     mx->collation || mx->renamed_from || mx->backfill))
		lerr(L, f, COL_PATH("inherited"), COL_OBJECT,
		     "an inherited column takes only 'default', 'nullable', "
		     "'comment' and its settings: the rest is its parent's");
	if (mx->identity) {
		const char *ipath = COL_PATH("identity");
		const char *object = COL_OBJECT;
		if (sd_strieq(mx->identity, "always"))
			c->identity = SD_IDENTITY_ALWAYS;
		else if (sd_strieq(mx->identity, "by default") ||
		         sd_strieq(mx->identity, "by_default"))
			c->identity = SD_IDENTITY_BY_DEFAULT;
		else
			lerr(L, f, ipath, object,
			     "'identity' must be 'always' or 'by default', not "
			     "'%s'",
			     mx->identity);
		if (c->identity != SD_IDENTITY_NONE) {
			if (type.kind != SD_T_RAW && !sd_type_is_integer(type.kind)) {
				sd_buf b = SD_BUF_INIT;
				sd_type_format(&b, &type);
				lerr(L, f, ipath, object,
				     "identity needs an integer column, not '%s'",
				     b.data);
				sd_buf_free(&b);
			} else if (type.kind == SD_T_RAW &&
			           !raw_integer(type.name)) {
				lerr(L, f, ipath, object,
				     "identity needs an integer column, not '%s'",
				     mc->type);
			}
			if (mc->nullable == TRI_TRUE)
				lerr(L, f, COL_PATH("nullable"), object,
				     "identity column '%s' cannot be nullable",
				     mc->name);
			c->nullable = false;
		}
	}
	if (mx->identity_options) {
		sd_lobj lo = {L->s, L->tmp, L->err, &f->doc};
		if (c->identity == SD_IDENTITY_NONE)
			lerr(L, f, COL_PATH("identity_options"), COL_OBJECT,
			     "identity_options without identity");
		else
			sd_column_xw(L->a, c)->identity_options = sd_load_identity_options(
				&lo, mx->identity_options,
				COL_PATH("identity_options"), COL_OBJECT);
	}
	column_settings(L, ti, j, c);
	if (mc->primary_key == TRI_TRUE) {
		if (mc->nullable == TRI_TRUE)
			lerr(L, f, COL_PATH("nullable"), COL_OBJECT,
			     "primary key column '%s' cannot be nullable",
			     mc->name);
		c->nullable = false;
	}
#undef COL_PATH
#undef COL_OBJECT
}

/* Resolves "enum(x)" against the declared enums: the table's own schema
 * first, then the default one (PostgreSQL's search path). */
static void resolve_enum_types(loader *L, tinfo *ti)
{
	size_t j;

	for (j = 0; j < ti->t->ncolumns; j++) {
		sd_column *c = ti->t->columns[j];
		sd_enum *e = NULL;
		const char *schema;
		if (c->type.kind != SD_T_ENUM)
			continue;
		schema = c->type.enum_schema
		             ? normalize_schema(c->type.enum_schema)
		             : ti->t->base.schema;
		e = sd_schema_find_enum(L->s, schema, c->type.name);
		if (!e && !c->type.enum_schema && schema)
			e = sd_schema_find_enum(L->s, NULL, c->type.name);
		if (!e) {
			const char *names[64];
			size_t k, n = 0;
			for (k = 0; k < L->s->nenums && n < 63; k++)
				names[n++] = L->s->enums[k]->base.name;
			names[n] = NULL;
			sd_error_add(L->err, SD_EINPUT, c->base.loc.path,
			             c->base.loc.line, 0,
			             obj_name(L, ti, c->base.name),
			             "unknown enum '%s' in type 'enum(%s)'",
			             c->type.name, c->type.name);
			{
				const char *s = sd_suggest(c->type.name, names);
				if (s)
					sd_error_hint(L->err, "did you mean '%s'?",
					              s);
			}
			continue;
		}
		c->type.enum_schema = e->base.schema;
		c->type.name = e->base.name;
	}
}

static bool has_column(loader *L, const file_ctx *f, const sd_table *t,
                       const char *name, const char *path,
                       const char *object, const char *fmt, ...)
	SD_PRINTF(7, 8);

/*
 * true when t has a column name; else an error (fmt, at the line of path)
 * with the closest column of t as a hint.
 */
static bool has_column(loader *L, const file_ctx *f, const sd_table *t,
                       const char *name, const char *path,
                       const char *object, const char *fmt, ...)
{
	const char **names;
	const char *s;
	va_list ap;
	size_t i;

	if (sd_table_find_column(t, name))
		return true;
	va_start(ap, fmt);
	sd_error_vadd(L->err, SD_EINPUT, f->doc.path,
	              sd_ydoc_line(&f->doc, path), 0, object, fmt, ap);
	va_end(ap);
	names = sd_arena_alloc(L->tmp, (t->ncolumns + 1) * sizeof(char *));
	for (i = 0; i < t->ncolumns; i++)
		names[i] = t->columns[i]->base.name;
	if ((s = sd_suggest(name, names)) != NULL)
		sd_error_hint(L->err, "did you mean '%s'?", s);
	return false;
}

/* Reports a column list entry that names no column of t; true if all ok. */
static bool check_columns(loader *L, tinfo *ti, const char *path,
                          const char *object, const char *what,
                          const sd_strlist *cols)
{
	bool ok = true;
	size_t i, j;

	if (cols->n == 0) {
		lerr(L, ti->f, path, object, "%s has no columns", what);
		return false;
	}
	for (i = 0; i < cols->n; i++) {
		if (!has_column(L, ti->f, ti->t, cols->items[i], path, object,
		                "%s names missing column '%s'", what,
		                cols->items[i]))
			ok = false;
		for (j = 0; j < i; j++)
			if (strcmp(cols->items[i], cols->items[j]) == 0) {
				lerr(L, ti->f, path, object,
				     "%s lists column '%s' twice", what,
				     cols->items[i]);
				ok = false;
			}
	}
	return ok;
}

static void strlist_from(loader *L, sd_strlist *out, char **items,
                         unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		sd_strlist_push(L->a, out, items[i]);
}

/* What the value of key of a primary_key mapping must be; NULL for an
 * unknown key. */
static const char *pk_value_kind(const char *key)
{
	if (strcmp(key, "columns") == 0 || strcmp(key, "include") == 0)
		return "a list";
	if (strcmp(key, "deferrable") == 0 ||
	    strcmp(key, "initially_deferred") == 0)
		return "true or false";
	if (strcmp(key, "name") == 0 || strcmp(key, "tablespace") == 0 ||
	    strcmp(key, "comment") == 0 || strcmp(key, "on_conflict") == 0 ||
	    strcmp(key, "index_comment") == 0)
		return "a single value";
	return NULL;
}

/* A scalar's boolean: 1 true, 0 false, -1 neither. */
static int yes_no(const sd_ynode *v)
{
	static const char *const words[] = {"false", "true", "no", "yes",
	                                    "off",   "on"};
	size_t i;

	for (i = 0; v->type == SD_YSCALAR && i < SD_ARRAY_LEN(words); i++)
		if (strcasecmp(v->u.str, words[i]) == 0)
			return (int)(i & 1);
	return -1;
}

/* Table-level `primary_key`: [cols] or {name, columns}, from the position
 * tree (a field table binds one kind of value per key). */
static void load_table_pk(loader *L, tinfo *ti)
{
	file_ctx *f = ti->f;
	const sd_ynode *n = sd_ynode_get(ti->node, "primary_key"), *cols = NULL;
	const sd_ynode *include = NULL, *with = NULL, *parts = NULL;
	const char *path, *name = NULL, *tablespace = NULL, *comment = NULL;
	const char *on_conflict = NULL, *index_comment = NULL;
	sd_strlist list = {NULL, 0}, desc = {NULL, 0};
	bool deferrable = false, initially_deferred = false;
	sd_primary_key *pk;
	size_t i;

	if (!n)
		return;
	path = entry_path(L, ti->index, NULL, 0, "primary_key");
	if (ti->pk_from_columns) {
		lerr(L, f, path, ti->qname,
		     "primary key declared both on columns and at table level");
		return;
	}
	if (n->type == SD_YSEQUENCE) {
		cols = n;
	} else if (n->type == SD_YMAPPING) {
		size_t p;
		for (p = 0; p + 1 < n->n; p += 2) {
			const sd_ynode *k = &n->u.kids[p];
			const sd_ynode *v = &n->u.kids[p + 1];
			const char *key = k->type == SD_YSCALAR ? k->u.str : "";
			if (strcmp(key, "name") == 0 &&
			    v->type == SD_YSCALAR) {
				name = v->u.str;
			} else if (strcmp(key, "columns") == 0 &&
			           v->type == SD_YSEQUENCE) {
				cols = v;
			} else if (strcmp(key, "include") == 0 &&
			           v->type == SD_YSEQUENCE) {
				include = v;
			} else if (strcmp(key, "with") == 0) {
				with = v;
			} else if (strcmp(key, "partition_names") == 0) {
				parts = v;
			} else if (strcmp(key, "tablespace") == 0 &&
			           v->type == SD_YSCALAR) {
				tablespace = v->u.str;
			} else if (strcmp(key, "comment") == 0 &&
			           v->type == SD_YSCALAR) {
				comment = v->u.str;
			} else if (strcmp(key, "on_conflict") == 0 &&
			           v->type == SD_YSCALAR) {
				on_conflict = v->u.str;
			} else if (strcmp(key, "index_comment") == 0 &&
			           v->type == SD_YSCALAR) {
				index_comment = v->u.str;
			} else if ((strcmp(key, "deferrable") == 0 ||
			            strcmp(key, "initially_deferred") == 0) &&
			           yes_no(v) >= 0) {
				if (key[0] == 'd')
					deferrable = yes_no(v) == 1;
				else
					initially_deferred = yes_no(v) == 1;
			} else if (pk_value_kind(key)) {
				sd_error_add(L->err, SD_EINPUT, f->doc.path,
				             sd_ynode_line(v), sd_ynode_col(v),
				             ti->qname, "'%s' must be %s", key,
				             pk_value_kind(key));
				return;
			} else {
				const char *s = sd_yfields_suggest(
					L->tmp, key, pk_fields);
				sd_error_add(L->err, SD_EINPUT, f->doc.path,
				             sd_ynode_line(k), sd_ynode_col(k),
				             ti->qname, "unknown key '%s'", key);
				if (s)
					sd_error_hint(L->err,
					              "did you mean '%s'?", s);
				return;
			}
		}
		if (!cols) {
			lerr(L, f, path, ti->qname,
			     "missing required key 'columns'");
			return;
		}
		if (name && bad_name(L, f, path, ti->qname, "primary key",
		                     name))
			return;
	} else {
		lerr(L, f, path, ti->qname,
		     "'primary_key' must be a list of columns or a mapping "
		     "with name and columns");
		return;
	}
	for (i = 0; i < cols->n; i++) {
		const sd_ynode *c = &cols->u.kids[i];
		if (c->type != SD_YSCALAR) {
			lerr(L, f, path, ti->qname,
			     "primary key columns must be column names");
			return;
		}
		/* "id desc": SQLite keeps a key column's order */
		{
			sd_index_key key;
			const char *col = sd_index_key_parse(L->a, c->u.str,
			                                     &key);
			sd_strlist_push(L->a, &list, col);
			if (key.desc)
				sd_strlist_push(L->a, &desc, col);
		}
	}
	if (!check_columns(L, ti, path, ti->qname, "primary key", &list))
		return;
	pk = sd_table_set_primary_key(L->s, ti->t, name);
	pk->deferrable = deferrable;
	pk->initially_deferred = initially_deferred;
	pk->storage.tablespace = dup(L, tablespace);
	pk->storage.comment = dup(L, index_comment);
	pk->comment = dup(L, comment);
	pk->on_conflict = conflict_word(L, f, path, ti->qname, on_conflict);
	pk->desc = desc;
	for (i = 0; include && i < include->n; i++)
		if (include->u.kids[i].type == SD_YSCALAR)
			sd_strlist_push(L->a, &pk->include,
			                include->u.kids[i].u.str);
	if (pk->include.n)
		check_columns(L, ti, path, ti->qname, "primary key include",
		              &pk->include);
	if (with)
		sd_models_options(L->a, &f->doc, with, ti->qname,
		                  &pk->storage.with, L->err);
	if (parts)
		sd_models_partition_names(L->a, &f->doc, parts, ti->qname,
		                          &pk->storage, L->err);
	pk->base.loc.path = f->doc.path;
	pk->base.loc.line = sd_ynode_line(n);
	pk->columns = list;
	for (i = 0; i < list.n; i++) {
		sd_column *c = sd_table_find_column(ti->t, list.items[i]);
		unsigned j;
		/* find the column's entry to see whether nullable was set */
		for (j = 0; j < ti->mt->columns_count; j++) {
			if (!sd_streq(ti->mt->columns[j].name, list.items[i]))
				continue;
			if (ti->mt->columns[j].nullable == TRI_TRUE)
				lerr(L, f,
				     sd_arena_printf(L->tmp,
				                     "tables[%u].columns[%u]."
				                     "nullable",
				                     ti->index, j),
				     obj_name(L, ti, list.items[i]),
				     "primary key column '%s' cannot be "
				     "nullable",
				     list.items[i]);
			break;
		}
		c->nullable = false;
	}
}

/* Parses "table.column" / "schema.table.column" of a column shorthand. */
static bool parse_reference(loader *L, const char *text, const char *own,
                            const char **schema, const char **table,
                            const char **column)
{
	const char *d1 = strchr(text, '.'), *d2;

	if (!d1 || d1 == text || !d1[1])
		return false;
	d2 = strchr(d1 + 1, '.');
	if (!d2) {
		*schema = own;
		*table = sd_arena_strndup(L->a, text, (size_t)(d1 - text));
		*column = dup(L, d1 + 1);
		return true;
	}
	if (d2 == d1 + 1 || !d2[1] || strchr(d2 + 1, '.'))
		return false;
	*schema = normalize_schema(sd_arena_strndup(L->a, text,
	                                            (size_t)(d1 - text)));
	*table = sd_arena_strndup(L->a, d1 + 1, (size_t)(d2 - d1 - 1));
	*column = dup(L, d2 + 1);
	return true;
}

/* "billing.invoices" -> schema billing, "invoices" -> own schema. */
static void split_table(loader *L, const char *text, const char *own,
                        const char **schema, const char **table)
{
	const char *dot = strchr(text, '.');

	if (!dot) {
		*schema = own;
		*table = dup(L, text);
		return;
	}
	*schema = normalize_schema(sd_arena_strndup(L->a, text,
	                                            (size_t)(dot - text)));
	*table = dup(L, dot + 1);
}

/* list/j name the entry (`columns`/`foreign_keys`), name its object. */
static bool parse_action(loader *L, tinfo *ti, const char *list, unsigned j,
                         const char *name, const char *key, const char *text,
                         sd_fk_action *out)
{
	const char *words[SD_FK__COUNT + 1], *s;
	int i;

	*out = SD_FK_NO_ACTION;
	if (!text)
		return true;
	if (sd_fk_action_parse(text, out) == SD_OK)
		return true;
	lerr(L, ti->f, item_path(L, ti, list, j, key), obj_name(L, ti, name),
	     "bad %s value '%s': expected no action, restrict, cascade, set "
	     "null or set default",
	     key, text);
	for (i = 0; i < SD_FK__COUNT; i++)
		words[i] = sd_fk_action_word((sd_fk_action)i);
	words[i] = NULL;
	s = sd_suggest(text, words);
	if (s)
		sd_error_hint(L->err, "did you mean '%s'?", s);
	return false;
}

/* An index's or exclusion's `keys:` list; its column keys must exist. */
static void load_keys(loader *L, tinfo *ti, const sd_ynode *keys,
                      const char *path, bool exclusion, sd_index *ix)
{
	const char *object = obj_name(L, ti, ix->base.name);
	sd_strlist cols = {NULL, 0};
	size_t k;

	if (sd_models_keys(L->a, &ti->f->doc, keys, object, exclusion, ix,
	                   L->err) != SD_OK)
		return;
	for (k = 0; k < ix->nkeys; k++)
		if (ix->keys[k].column)
			sd_strlist_push(L->tmp, &cols, ix->keys[k].column);
	for (k = 0; k < cols.n; k++)
		has_column(L, ti->f, ti->t, cols.items[k], path, object,
		           "%s names missing column '%s'",
		           exclusion ? "exclusion constraint" : "index",
		           cols.items[k]);
}

/* The `with` mapping, `tablespace` and `index_comment` (of a constraint's
 * index) of entry j of the table's list. */
static void load_storage(loader *L, tinfo *ti, const char *list, unsigned j,
                         sd_index_storage *st, const char *tablespace)
{
	const sd_ynode *item = sd_ynode_item(sd_ynode_get(ti->node, list), j);
	const sd_ynode *with = sd_ynode_get(item, "with");
	const sd_ynode *note = sd_ynode_get(item, "index_comment");
	const sd_ynode *parts = sd_ynode_get(item, "partition_names");

	st->tablespace = dup(L, tablespace);
	if (parts)
		sd_models_partition_names(L->a, &ti->f->doc, parts, ti->qname,
		                          st, L->err);
	if (note && note->type == SD_YSCALAR)
		st->comment = dup(L, note->u.str);
	else if (note)
		lerr(L, ti->f, item_path(L, ti, list, j, "index_comment"),
		     ti->qname, "'index_comment' must be a single value");
	if (with)
		sd_models_options(L->a, &ti->f->doc, with, ti->qname, &st->with,
		                  L->err);
}

/* An EXCLUDE constraint: an index of the table whose keys have operators. */
static void load_exclusion(loader *L, tinfo *ti, unsigned j)
{
	const m_exclusion *me = &ti->mt->exclusions[j];
	const char *path = item_path(L, ti, "exclusions", j, NULL);
	const sd_ynode *keys = sd_ynode_get(
		sd_ynode_item(sd_ynode_get(ti->node, "exclusions"), j), "keys");
	sd_index *ix;

	if (bad_name(L, ti->f, path, ti->qname, "exclusion constraint",
	             me->name))
		return;
	if (!keys) {
		lerr(L, ti->f, path, ti->qname,
		     "missing required key 'keys'");
		return;
	}
	ix = sd_table_add_index(L->s, ti->t, me->name);
	ix->base.loc.path = ti->f->doc.path;
	ix->base.loc.line = item_line(ti, "exclusions", j);
	ix->exclusion = true;
	load_keys(L, ti, keys, path, true, ix);
	ix->method = dup(L, me->using_);
	if (me->where)
		ix->where.sql = dup(L, me->where);
	strlist_from(L, &ix->include, me->include, me->include_count);
	if (ix->include.n)
		check_columns(L, ti, path, ti->qname,
		              "exclusion constraint include", &ix->include);
	ix->deferrable = me->deferrable == TRI_TRUE;
	ix->initially_deferred = me->initially_deferred == TRI_TRUE;
	ix->comment = dup(L, me->comment);
	load_storage(L, ti, "exclusions", j, &ix->storage, me->tablespace);
}

/*
 * Extended statistics (PostgreSQL CREATE STATISTICS): on two or more
 * columns and expressions, or on one expression alone (which takes no
 * kinds); kinds among ndistinct, dependencies and mcv.
 */
static void load_statistics(loader *L, tinfo *ti, unsigned j)
{
	const m_statistics *ms = &ti->mt->statistics[j];
	const char *path = item_path(L, ti, "statistics", j, NULL);
	const char *object = ti->qname;
	const char *what = sd_arena_printf(L->tmp, "statistics '%s'", ms->name);
	sd_statistics *st;
	unsigned k;
	char *end;
	long n;

	if (bad_name(L, ti->f, path, ti->qname, "statistics", ms->name))
		return;
	st = sd_table_add_statistics(L->s, ti->t, ms->name);
	st->base.loc.path = ti->f->doc.path;
	st->base.loc.line = item_line(ti, "statistics", j);
	if (ms->schema)
		st->base.schema = sd_namespace_key(dup(L, ms->schema));
	strlist_from(L, &st->columns, ms->columns, ms->columns_count);
	if (st->columns.n)
		check_columns(L, ti, path, object, what, &st->columns);
	for (k = 0; k < ms->expressions_count; k++) {
		if (!ms->expressions[k][0])
			lerr(L, ti->f, path, object, "%s: empty expression",
			     what);
		sd_statistics_add_expression(L->s, st, ms->expressions[k]);
	}
	if (st->columns.n + st->nexpressions < 2 && st->nexpressions != 1)
		lerr(L, ti->f, path, object,
		     "%s needs two or more columns and expressions, or one "
		     "expression alone", what);
	for (k = 0; k < ms->kinds_count; k++) {
		size_t i;
		for (i = 0; sd_statistics_kinds[i]; i++)
			if (sd_strieq(ms->kinds[k], sd_statistics_kinds[i]))
				break;
		if (!sd_statistics_kinds[i])
			lerr(L, ti->f, path, object,
			     "%s: unknown kind '%s' (ndistinct, dependencies, "
			     "mcv)", what, ms->kinds[k]);
		else if (!sd_strlist_contains(&st->kinds,
		                              sd_statistics_kinds[i]))
			sd_strlist_push(L->a, &st->kinds,
			                sd_statistics_kinds[i]);
	}
	if (st->kinds.n && !st->columns.n && st->nexpressions == 1)
		lerr(L, ti->f, path, object,
		     "%s on one expression takes no kinds", what);
	/* the canonical order, and every kind is none written */
	if (st->kinds.n) {
		sd_strlist sorted = {0};
		size_t i;
		for (i = 0; sd_statistics_kinds[i]; i++)
			if (sd_strlist_contains(&st->kinds,
			                        sd_statistics_kinds[i]))
				sd_strlist_push(L->a, &sorted,
				                sd_statistics_kinds[i]);
		st->kinds = sorted.n == 3 ? (sd_strlist){0} : sorted;
	}
	if (ms->target) {
		n = strtol(ms->target, &end, 10);
		if (*end || end == ms->target || n < -1 || n > 10000)
			lerr(L, ti->f, path, object,
			     "%s: 'target' must be a number from 0 to 10000 "
			     "(-1: the default), not '%s'", what, ms->target);
		else if (n >= 0) {
			st->target = (int)n;
			st->target_set = true;
		}
	}
	st->comment = dup(L, ms->comment);
}

/*
 * SPEC: a one-column integer primary key autoincrements (an identity on
 * PostgreSQL, the rowid on SQLite) unless the model says otherwise:
 * `autoincrement: false`, or a default of its own (a sequence's nextval,
 * a natural key's value), or a generation expression. `autoincrement:
 * true` is the rule's own spelling and only fits where the rule applies.
 */
static void autoincrement_rule(loader *L, tinfo *ti)
{
	const sd_table *t = ti->t;
	const sd_column *key = NULL;
	unsigned j;

	if (t->primary_key && t->primary_key->columns.n == 1)
		key = sd_table_find_column(t, t->primary_key->columns.items[0]);
	for (j = 0; j < ti->mt->columns_count; j++) {
		const m_column *mc = &ti->mt->columns[j];
		const m_column_x *mx = column_x(mc);
		sd_column *c;
		if (!mc->name || !(c = sd_table_find_column(t, mc->name)))
			continue;
		if (c != key || !sd_type_is_integer(c->type.kind) ||
		    sd_column_x(c)->generated.sql || c->default_value.sql) {
			if (mx->autoincrement == TRI_TRUE)
				lerr(L, ti->f,
				     item_path(L, ti, "columns", j,
				               "autoincrement"),
				     obj_name(L, ti, mc->name),
				     "autoincrement applies to the integer "
				     "column of a one-column primary key "
				     "without a default (use identity: for "
				     "other columns)");
			continue;
		}
		c->autoincrement = mx->autoincrement != TRI_FALSE;
	}
}

/*
 * sqlite_nullable_key: true on a primary-key column: SQLite declares it
 * without NOT NULL, and then lets it hold NULL (its legacy rule; not the
 * rowid, nor a WITHOUT ROWID key). The column is NOT NULL everywhere
 * else, as every key column is.
 */
static void nullable_keys(loader *L, tinfo *ti)
{
	const sd_table *t = ti->t;
	unsigned j;

	for (j = 0; j < ti->mt->columns_count; j++) {
		const m_column *mc = &ti->mt->columns[j];
		const m_column_x *mx = column_x(mc);
		sd_column *c;
		if (mx->sqlite_nullable_key != TRI_TRUE || !mc->name ||
		    !(c = sd_table_find_column(t, mc->name)))
			continue;
		if (!t->primary_key ||
		    !sd_strlist_contains(&t->primary_key->columns, mc->name)) {
			lerr(L, ti->f,
			     item_path(L, ti, "columns", j,
			               "sqlite_nullable_key"),
			     obj_name(L, ti, mc->name),
			     "sqlite_nullable_key applies to a primary key "
			     "column");
			continue;
		}
		c->key_nullable = true;
	}
}

/* The keys and options of index mi into ix (whose name and place the
 * caller set); the key columns are appended to cols for checking. */
static void index_lower(loader *L, sd_index *ix, const m_index *mi,
                        sd_strlist *cols)
{
	size_t k, nkeys = mi->columns_count + mi->expressions_count;

	if (nkeys) { /* else `keys:` gave them */
		ix->keys = sd_arena_alloc(L->a,
		                          (nkeys + 1) * sizeof(*ix->keys));
		ix->nkeys = nkeys;
	}
	/* "email desc nulls last" orders the key */
	for (k = 0; k < mi->columns_count; k++) {
		const char *col = sd_index_key_parse(L->a, mi->columns[k],
		                                  &ix->keys[k]);
		ix->keys[k].column = col;
		sd_strlist_push(L->a, cols, col);
	}
	for (k = 0; k < mi->expressions_count; k++)
		ix->keys[mi->columns_count + k].expression.sql =
			dup(L, mi->expressions[k]);
	ix->unique = mi->unique == TRI_TRUE;
	ix->nulls_not_distinct = mi->nulls_not_distinct == TRI_TRUE;
	if (mi->where)
		ix->where.sql = dup(L, mi->where);
	ix->method = dup(L, mi->using_);
	strlist_from(L, &ix->include, mi->include, mi->include_count);
	ix->comment = dup(L, mi->comment);
}

static void load_constraints(loader *L, tinfo *ti)
{
	const m_table *mt = ti->mt;
	file_ctx *f = ti->f;
	sd_table *t = ti->t;
	sd_strlist pkcols = {NULL, 0};
	unsigned j;

	/* column shorthands: primary_key, unique */
	for (j = 0; j < mt->columns_count; j++) {
		const m_column *mc = &mt->columns[j];
		if (!mc->name || !sd_table_find_column(t, mc->name))
			continue;
		if (mc->primary_key == TRI_TRUE)
			sd_strlist_push(L->a, &pkcols, mc->name);
		if (mc->unique == TRI_TRUE) {
			sd_unique *u = sd_table_add_unique(L->s, t, NULL);
			u->base.loc.path = f->doc.path;
			u->base.loc.line = sd_ynode_line(sd_ynode_get(
				sd_ynode_item(ti->columns, j), "unique"));
			sd_strlist_push(L->a, &u->columns, mc->name);
		}
	}
	if (pkcols.n) {
		sd_primary_key *pk = sd_table_set_primary_key(L->s, t, NULL);
		pk->columns = pkcols;
		pk->base.loc.path = f->doc.path;
		pk->base.loc.line = sd_ynode_line(ti->node);
		ti->pk_from_columns = true;
	}
	load_table_pk(L, ti);
	autoincrement_rule(L, ti);
	nullable_keys(L, ti);
	if (t->primary_key && t->primary_key->columns.n == 1) {
		sd_column *c = sd_table_find_column(
			t, t->primary_key->columns.items[0]);
		if (c && c->autoincrement && !t->without_rowid &&
		    mt->sqlite_autoincrement == TRI_TRUE)
			c->autoincrement_keyword = true;
	}
	if (mt->sqlite_autoincrement == TRI_TRUE &&
	    !(t->primary_key && t->primary_key->columns.n == 1 &&
	      sd_table_find_column(t, t->primary_key->columns.items[0])
	              ->autoincrement_keyword))
		lerr(L, f, entry_path(L, ti->index, NULL, 0,
		                      "sqlite_autoincrement"),
		     ti->qname,
		     "sqlite_autoincrement needs a one-column integer primary "
		     "key and a table with a rowid");

	for (j = 0; j < mt->unique_count; j++) {
		const m_unique *mu = &mt->unique[j];
		const char *path = item_path(L, ti, "unique", j, NULL);
		sd_strlist cols = {NULL, 0};
		sd_unique *u;
		if (mu->name && bad_name(L, f, path, ti->qname,
		                         "unique constraint", mu->name))
			continue;
		strlist_from(L, &cols, mu->columns, mu->columns_count);
		if (!check_columns(L, ti, path, ti->qname, "unique constraint",
		                   &cols))
			continue;
		u = sd_table_add_unique(L->s, t, mu->name);
		u->base.loc.path = f->doc.path;
		u->base.loc.line = item_line(ti, "unique", j);
		u->columns = cols;
		spelled_unnamed(&u->base, mu->unnamed);
		u->nulls_not_distinct = mu->nulls_not_distinct == TRI_TRUE;
		u->deferrable = mu->deferrable == TRI_TRUE;
		u->initially_deferred = mu->initially_deferred == TRI_TRUE;
		u->comment = dup(L, mu->comment);
		u->on_conflict = conflict_word(L, f, path, ti->qname,
		                               mu->on_conflict);
		strlist_from(L, &u->include, mu->include, mu->include_count);
		if (u->include.n)
			check_columns(L, ti, path, ti->qname,
			              "unique constraint include", &u->include);
		load_storage(L, ti, "unique", j, &u->storage, mu->tablespace);
	}

	for (j = 0; j < mt->indexes_count; j++) {
		const m_index *mi = &mt->indexes[j];
		const char *path = item_path(L, ti, "indexes", j, NULL);
		const sd_ynode *keys;
		sd_strlist cols = {NULL, 0};
		sd_index *ix;
		size_t nkeys;
		if (mi->name && bad_name(L, f, path, ti->qname, "index",
		                         mi->name))
			continue;
		keys = sd_ynode_get(sd_ynode_item(sd_ynode_get(ti->node,
		                                               "indexes"), j),
		                    "keys");
		nkeys = mi->columns_count + mi->expressions_count;
		if (nkeys == 0 && !keys) {
			lerr(L, f, path, ti->qname,
			     "index needs 'columns', 'expressions' or 'keys'");
			continue;
		}
		if (nkeys && keys) {
			lerr(L, f, path, ti->qname,
			     "an index has either 'keys' or 'columns' and "
			     "'expressions'");
			continue;
		}
		ix = sd_table_add_index(L->s, t, mi->name);
		ix->base.loc.path = f->doc.path;
		ix->base.loc.line = item_line(ti, "indexes", j);
		if (keys)
			load_keys(L, ti, keys, path, false, ix);
		index_lower(L, ix, mi, &cols);
		if (cols.n)
			check_columns(L, ti, path, ti->qname, "index", &cols);
		if (ix->include.n)
			check_columns(L, ti, path, ti->qname, "index include",
			              &ix->include);
		load_storage(L, ti, "indexes", j, &ix->storage,
		             mi->tablespace);
	}

	for (j = 0; j < mt->exclusions_count; j++)
		load_exclusion(L, ti, j);
	for (j = 0; j < mt->statistics_count; j++)
		load_statistics(L, ti, j);

	for (j = 0; j < mt->checks_count; j++) {
		const m_check *mk = &mt->checks[j];
		const char *path = item_path(L, ti, "checks", j, NULL);
		sd_check *ck;
		if (mk->name && bad_name(L, f, path, ti->qname, "check",
		                         mk->name))
			continue;
		if (!*mk->expression) {
			lerr(L, f, path, ti->qname, "empty check expression");
			continue;
		}
		ck = sd_table_add_check(L->s, t, mk->name);
		ck->base.loc.path = f->doc.path;
		ck->base.loc.line = item_line(ti, "checks", j);
		ck->expression.sql = dup(L, mk->expression);
		ck->comment = dup(L, mk->comment);
		ck->not_valid = mk->not_valid == TRI_TRUE;
		ck->no_inherit = mk->no_inherit == TRI_TRUE;
		ck->on_conflict = conflict_word(L, f, path, ti->qname,
		                                mk->on_conflict);
		spelled_unnamed(&ck->base, mk->unnamed);
		if (!mk->name) /* the naming convention numbers it */
			ck->base.name = sd_arena_printf(L->a, "\x01%u", j + 1);
	}
}

static const char **table_names(loader *L, const char *schema)
{
	const char **names = sd_arena_alloc(L->a, (L->ntables + 1) *
	                                              sizeof(char *));
	size_t i, n = 0;

	for (i = 0; i < L->ntables; i++)
		if (sd_streq(L->tables[i].t->base.schema, schema))
			names[n++] = L->tables[i].t->base.name;
	return names;
}

/*
 * Checks one foreign key against its target and stores it on the table.
 * cols/ref_cols are already filled; ref_cols empty means "the target's
 * primary key".
 */
static sd_foreign_key *add_foreign_key(loader *L, tinfo *ti,
                                       const char *path,
                            const char *object, const char *name,
                            sd_strlist *cols, const char *ref_schema,
                            const char *ref_table, sd_strlist *ref_cols,
                            sd_fk_action on_delete, sd_fk_action on_update,
                            bool deferrable, bool initially_deferred,
                            const char *comment)
{
	/* returns the key, or NULL after reporting why there is none */
	const char *rq = sd_qualified_name(L->tmp, ref_schema, ref_table);
	tinfo *target = sd_map_get(L->tinfo_map, rq);
	sd_foreign_key *fk;
	bool implicit = false;
	bool ok = true;
	size_t k;

	if (!check_columns(L, ti, path, object, "foreign key", cols))
		ok = false;
	if (!target) {
		const char *s = sd_suggest(ref_table,
		                           table_names(L, ref_schema));
		lerr(L, ti->f, path, object,
		     "foreign key references missing table '%s'", rq);
		if (s)
			sd_error_hint(L->err, "did you mean '%s'?", s);
		return NULL;
	}
	if (ref_cols->n == 0) {
		implicit = true;
		if (!target->t->primary_key) {
			lerr(L, ti->f, path, object,
			     "foreign key names no columns of '%s', which has "
			     "no primary key",
			     rq);
			return NULL;
		}
		*ref_cols = target->t->primary_key->columns;
	}
	for (k = 0; k < ref_cols->n; k++) {
		if (!has_column(L, ti->f, target->t, ref_cols->items[k], path,
		                object,
		                "foreign key references missing column '%s.%s'",
		                rq, ref_cols->items[k]))
			ok = false;
	}
	if (!ok)
		return NULL;
	if (cols->n != ref_cols->n) {
		lerr(L, ti->f, path, object,
		     "foreign key has %zu column%s but references %zu", cols->n,
		     cols->n == 1 ? "" : "s", ref_cols->n);
		return NULL;
	}
	if (!sd_table_is_key(target->t, ref_cols)) {
		sd_buf b = SD_BUF_INIT;
		for (k = 0; k < ref_cols->n; k++)
			sd_buf_printf(&b, "%s%s", k ? ", " : "",
			              ref_cols->items[k]);
		lerr(L, ti->f, path, object,
		     "foreign key references %s(%s), which is neither the "
		     "primary key nor unique",
		     rq, b.data);
		sd_error_hint(L->err, "add a unique constraint on %s(%s)", rq,
		              b.data);
		sd_buf_free(&b);
		return NULL;
	}
	fk = sd_table_add_foreign_key(L->s, ti->t, name);
	fk->base.loc.path = ti->f->doc.path;
	fk->base.loc.line = sd_ydoc_line(&ti->f->doc, path);
	fk->columns = *cols;
	fk->ref_schema = ref_schema;
	fk->ref_table = target->t->base.name;
	fk->ref_columns = *ref_cols;
	fk->ref_implicit = implicit;
	fk->on_delete = on_delete;
	fk->on_update = on_update;
	fk->deferrable = deferrable;
	fk->initially_deferred = initially_deferred;
	fk->comment = comment;
	return fk;
}

/*
 * on_delete_columns: the key's columns ON DELETE SET NULL / SET DEFAULT
 * sets (PostgreSQL 15), a subset of the key's own columns.
 */
static void set_delete_columns(loader *L, tinfo *ti, unsigned j,
                               const char *object, const m_fk *mf,
                               sd_foreign_key *fk)
{
	const char *path;
	unsigned k;

	if (!mf->on_delete_columns_count)
		return;
	path = item_path(L, ti, "foreign_keys", j, "on_delete_columns");
	if (fk->on_delete != SD_FK_SET_NULL &&
	    fk->on_delete != SD_FK_SET_DEFAULT) {
		lerr(L, ti->f, path, object,
		     "on_delete_columns needs on_delete: set null or set "
		     "default");
		return;
	}
	for (k = 0; k < mf->on_delete_columns_count; k++) {
		if (!sd_strlist_contains(&fk->columns,
		                         mf->on_delete_columns[k])) {
			lerr(L, ti->f, path, object,
			     "on_delete_columns names '%s', which is not a "
			     "column of the foreign key",
			     mf->on_delete_columns[k]);
			return;
		}
	}
	strlist_from(L, &fk->on_delete_columns, mf->on_delete_columns,
	             mf->on_delete_columns_count);
}

static void load_foreign_keys(loader *L, tinfo *ti)
{
	const m_table *mt = ti->mt;
	const char *own = ti->t->base.schema;
	unsigned j;

	for (j = 0; j < mt->columns_count; j++) {
		const m_column *mc = &mt->columns[j];
		const m_column_x *mx = column_x(mc);
		const char *rs, *rt, *rc;
		sd_fk_action del, upd;
		sd_strlist cols = {NULL, 0}, refs = {NULL, 0};
		bool ok;
		if (!mc->name || !*mc->name)
			continue;
		if (!mc->references && !mx->on_delete && !mx->on_update)
			continue; /* the common case: no paths to build */
		ok = parse_action(L, ti, "columns", j, mc->name, "on_delete",
		                  mx->on_delete, &del);
		ok = parse_action(L, ti, "columns", j, mc->name, "on_update",
		                  mx->on_update, &upd) &&
		     ok;
		if (!mc->references) {
			lerr(L, ti->f, item_path(L, ti, "columns", j, NULL),
			     obj_name(L, ti, mc->name),
			     "on_delete/on_update without references");
			continue;
		}
		if (!parse_reference(L, mc->references, own, &rs, &rt, &rc)) {
			lerr(L, ti->f,
			     item_path(L, ti, "columns", j, "references"),
			     obj_name(L, ti, mc->name),
			     "bad references '%s': expected table.column or "
			     "schema.table.column",
			     mc->references);
			continue;
		}
		if (!ok)
			continue;
		sd_strlist_push(L->a, &cols, mc->name);
		sd_strlist_push(L->a, &refs, rc);
		add_foreign_key(L, ti,
		                item_path(L, ti, "columns", j, "references"),
		                obj_name(L, ti, mc->name), NULL, &cols, rs, rt,
		                &refs, del, upd, false, false, NULL);
	}
	for (j = 0; j < mt->foreign_keys_count; j++) {
		const m_fk *mf = &mt->foreign_keys[j];
		const char *path = item_path(L, ti, "foreign_keys", j, NULL);
		const char *object = obj_name(L, ti, mf->name);
		const char *rs, *rt;
		sd_foreign_key *fk;
		sd_fk_action del, upd;
		sd_strlist cols = {NULL, 0}, refs = {NULL, 0};
		bool ok;
		if (mf->name && bad_name(L, ti->f, path, ti->qname,
		                         "foreign key", mf->name))
			continue;
		ok = parse_action(L, ti, "foreign_keys", j, mf->name,
		                  "on_delete", mf->on_delete, &del);
		ok = parse_action(L, ti, "foreign_keys", j, mf->name,
		                  "on_update", mf->on_update, &upd) &&
		     ok;
		if (!ok)
			continue;
		if (!*mf->references->table) {
			lerr(L, ti->f, path, object, "empty table name");
			continue;
		}
		split_table(L, mf->references->table, own, &rs, &rt);
		strlist_from(L, &cols, mf->columns, mf->columns_count);
		strlist_from(L, &refs, mf->references->columns,
		             mf->references->columns_count);
		if (mf->match && !sd_strieq(mf->match, "full") &&
		    !sd_strieq(mf->match, "simple")) {
			lerr(L, ti->f,
			     item_path(L, ti, "foreign_keys", j, "match"),
			     object, "'match' must be full or simple, not '%s'",
			     mf->match);
			continue;
		}
		fk = add_foreign_key(L, ti, path, object, mf->name, &cols, rs,
		                     rt, &refs, del, upd,
		                     mf->deferrable == TRI_TRUE,
		                     mf->initially_deferred == TRI_TRUE,
		                     dup(L, mf->comment));
		if (mf->sqlite_order_count &&
		    (mf->sqlite_order_count != 2 ||
		     !((sd_strieq(mf->sqlite_order[0], "on_update") &&
		        sd_strieq(mf->sqlite_order[1], "on_delete")) ||
		       (sd_strieq(mf->sqlite_order[0], "on_delete") &&
		        sd_strieq(mf->sqlite_order[1], "on_update"))))) {
			lerr(L, ti->f,
			     item_path(L, ti, "foreign_keys", j, "sqlite_order"),
			     object,
			     "'sqlite_order' of a foreign key is [on_update, "
			     "on_delete] or [on_delete, on_update]");
			continue;
		}
		if (fk) {
			fk->not_valid = mf->not_valid == TRI_TRUE;
			fk->match_full = sd_strieq(mf->match, "full");
			fk->match_simple = sd_strieq(mf->match, "simple");
			spelled_unnamed(&fk->base, mf->unnamed);
			fk->delete_written = mf->on_delete != NULL;
			fk->update_written = mf->on_update != NULL;
			fk->update_first =
				mf->sqlite_order_count &&
				sd_strieq(mf->sqlite_order[0], "on_update");
			set_delete_columns(L, ti, j, object, mf, fk);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Step 3: names                                                       */
/* ------------------------------------------------------------------ */

static void key_columns(loader *L, const sd_index *ix, sd_strlist *out)
{
	size_t k;

	for (k = 0; k < ix->nkeys; k++)
		sd_strlist_push(L->a, out,
		                ix->keys[k].column ? ix->keys[k].column : "expr");
}

static void apply_naming(loader *L, tinfo *ti)
{
	const sd_naming *n = L->naming;
	sd_table *t = ti->t;
	const char *tn = t->base.name;
	size_t i;

	/* a constraint the models leave unnamed stays so where the
	 * dialect can (SQLite keeps no name it is not given); the others
	 * take the convention's */
	if (t->primary_key && !t->primary_key->base.name) {
		t->primary_key->base.name = sd_naming_expand(
			L->a, n->pk, tn, &t->primary_key->columns, NULL, NULL);
		t->primary_key->base.unnamed = true;
	}
	for (i = 0; i < t->nuniques; i++)
		if (!t->uniques[i]->base.name) {
			t->uniques[i]->base.name = sd_naming_expand(
				L->a, n->uq, tn, &t->uniques[i]->columns, NULL,
				NULL);
			t->uniques[i]->base.unnamed = true;
		}
	for (i = 0; i < t->nforeign_keys; i++)
		if (!t->foreign_keys[i]->base.name) {
			t->foreign_keys[i]->base.name = sd_naming_expand(
				L->a, n->fk, tn, &t->foreign_keys[i]->columns,
				t->foreign_keys[i]->ref_table, NULL);
			t->foreign_keys[i]->base.unnamed = true;
		}
	for (i = 0; i < t->nchecks; i++) {
		const char *name = t->checks[i]->base.name;
		if (name && name[0] == '\x01') {
			t->checks[i]->base.name = sd_naming_expand(
				L->a, n->ck, tn, NULL, NULL, name + 1);
			t->checks[i]->base.unnamed = true;
		}
	}
	for (i = 0; i < t->nindexes; i++) {
		if (!t->indexes[i]->base.name) {
			sd_strlist cols = {NULL, 0};
			key_columns(L, t->indexes[i], &cols);
			t->indexes[i]->base.name = sd_naming_expand(
				L->a, n->ix, tn, &cols, NULL, NULL);
		}
	}
}

/*
 * Names PostgreSQL wants unique: those of indexes and of the constraints
 * an index backs (primary key, unique, exclusion) per namespace, as
 * relations; every constraint's per table (per_table: the key is the
 * table's name, so a CHECK name may repeat on another table).
 */
static void claim_name(loader *L, tinfo *ti, const sd_object *o,
                       const char *what, bool per_table)
{
	const char *schema = per_table
	                         ? sd_arena_printf(L->tmp, "\x1e%s", ti->qname)
	                     : o->schema ? o->schema
	                                 : "";
	size_t ns = strlen(schema), nn = strlen(o->name);
	char *key = sd_arena_alloc(L->tmp, ns + nn + 2);
	name_use *prev;

	memcpy(key, schema, ns);
	key[ns] = '\x1f';
	memcpy(key + ns + 1, o->name, nn + 1);
	prev = sd_map_get(L->names, key);

	if (prev) {
		sd_error_add(L->err, SD_EINPUT, o->loc.path, o->loc.line, 0,
		             ti->qname, "duplicate %s name '%s'", what, o->name);
		sd_error_hint(L->err, "already used on table '%s' at %s:%d",
		              prev->table, prev->path, prev->line);
		return;
	}
	prev = sd_arena_alloc(L->tmp, sizeof(*prev));
	prev->table = ti->qname;
	prev->path = o->loc.path;
	prev->line = o->loc.line;
	sd_map_put(L->names, key, prev);
}

static void check_names(loader *L, tinfo *ti)
{
	sd_table *t = ti->t;
	size_t i;

	if (t->primary_key) {
		claim_name(L, ti, &t->primary_key->base, "constraint", false);
		claim_name(L, ti, &t->primary_key->base, "constraint", true);
	}
	for (i = 0; i < t->nuniques; i++) {
		claim_name(L, ti, &t->uniques[i]->base, "constraint", false);
		claim_name(L, ti, &t->uniques[i]->base, "constraint", true);
	}
	for (i = 0; i < t->nforeign_keys; i++)
		claim_name(L, ti, &t->foreign_keys[i]->base, "constraint",
		           true);
	for (i = 0; i < t->nchecks; i++)
		claim_name(L, ti, &t->checks[i]->base, "constraint", true);
	for (i = 0; i < t->nindexes; i++) {
		claim_name(L, ti, &t->indexes[i]->base, "index", false);
		if (t->indexes[i]->exclusion)
			claim_name(L, ti, &t->indexes[i]->base, "constraint",
			           true);
	}
}

/* The index a table setting (key) names is one of the table's: an
 * index, or the one behind its primary key or a unique constraint. */
static void check_marked_index(loader *L, tinfo *ti, const char *key,
                               const char *name)
{
	const sd_table *t = ti->t;
	const sd_primary_key *pk = t->primary_key;
	size_t i;

	if (!name || sd_table_find_index(t, name))
		return;
	for (i = 0; i < t->nuniques; i++)
		if (sd_streq(t->uniques[i]->base.name, name))
			return;
	if (pk && (pk->base.name ? sd_streq(pk->base.name, name)
	                         : sd_streq(sd_arena_printf(L->tmp, "%s_pkey",
	                                                    t->base.name),
	                                    name)))
		return;
	lerr(L, ti->f,
	     sd_arena_printf(L->tmp, "%s.%s",
	                     entry_path(L, ti->index, NULL, 0, NULL), key),
	     ti->qname, "'%s' names index '%s', which table '%s' does not have",
	     key, name, ti->qname);
}

/* ------------------------------------------------------------------ */
/* Driver                                                              */
/* ------------------------------------------------------------------ */

/*
 * partition_by, partition_of with partition_bound, inherits. A bound
 * written without its "FOR VALUES" gets it ("IN ('a')").
 */
static void load_table_parents(loader *L, tinfo *ti)
{
	const m_table *mt = ti->mt;
	sd_table *t = ti->t;
	const char *path = entry_path(L, ti->index, NULL, 0, NULL);
	unsigned k;

	if (mt->partition_by)
		t->partition_by.sql = dup(L, mt->partition_by);
	if (!mt->partition_of != !mt->partition_bound)
		lerr(L, ti->f, path, ti->qname,
		     "partition_of and partition_bound go together");
	if (mt->partition_of && mt->partition_bound) {
		const char *b = mt->partition_bound;
		split_table(L, mt->partition_of, t->base.schema,
		            &t->partition_of_schema, &t->partition_of);
		if (sd_strieq(b, "default") ||
		    strncasecmp(b, "for values", 10) == 0)
			t->partition_bound.sql = dup(L, b);
		else
			t->partition_bound.sql =
				sd_arena_printf(L->a, "FOR VALUES %s", b);
		if (mt->inherits_count)
			lerr(L, ti->f, path, ti->qname,
			     "a partition inherits from its parent alone "
			     "(partition_of and inherits together)");
	}
	for (k = 0; k < mt->inherits_count; k++) {
		const char *schema, *name;
		split_table(L, mt->inherits[k], t->base.schema, &schema, &name);
		sd_table_add_inherits(L->s, t, schema, name);
	}
	if (mt->of) {
		split_table(L, mt->of, t->base.schema, &t->of_type_schema,
		            &t->of_type);
		if (mt->partition_of || mt->inherits_count)
			lerr(L, ti->f, path, ti->qname,
			     "a typed table (of) is no partition and inherits "
			     "nothing");
	}
}

/* A table's `with`, in the order written (the catalog keeps it). */
static void table_options(loader *L, tinfo *ti, const sd_ynode *with)
{
	sd_strlist sorted = {NULL, 0};
	size_t p, k;

	if (sd_models_options(L->a, &ti->f->doc, with, ti->qname, &sorted,
	                      L->err) != SD_OK)
		return;
	for (p = 0; p + 1 < with->n; p += 2) {
		const sd_ynode *key = &with->u.kids[p];
		size_t n = key->type == SD_YSCALAR ? strlen(key->u.str) : 0;
		for (k = 0; k < sorted.n; k++) {
			const char *item = sorted.items[k];
			const char *eq = strchr(item, '=');
			if (n && (size_t)(eq - item) == n &&
			    strncasecmp(item, key->u.str, n) == 0)
				sd_options_append(L->a, &ti->t->with, item, n,
				                  eq + 1, strlen(eq + 1));
		}
	}
}

/*
 * unlogged, with, replica_identity (default, full, nothing or "using
 * index NAME") and cluster_on.
 */
static void load_table_settings(loader *L, tinfo *ti)
{
	const m_table *mt = ti->mt;
	sd_table *t = ti->t;
	const sd_ynode *with = sd_ynode_get(ti->node, "with");
	const char *ri = mt->replica_identity;

	t->unlogged = mt->unlogged == TRI_TRUE;
	t->cluster_on = dup(L, mt->cluster_on);
	if (with)
		table_options(L, ti, with);
	if (!ri || sd_strieq(ri, "default"))
		return;
	if (sd_strieq(ri, "full")) {
		t->replica_identity = SD_REPLICA_FULL;
	} else if (sd_strieq(ri, "nothing")) {
		t->replica_identity = SD_REPLICA_NOTHING;
	} else {
		if (strncasecmp(ri, "using ", 6) == 0)
			ri += 6;
		if (strncasecmp(ri, "index ", 6) == 0 && ri[6]) {
			t->replica_identity = SD_REPLICA_INDEX;
			t->replica_index = dup(L, ri + 6);
		} else {
			lerr(L, ti->f,
			     sd_arena_printf(L->tmp, "%s.replica_identity",
			                     entry_path(L, ti->index, NULL, 0,
			                                NULL)),
			     ti->qname,
			     "'replica_identity' must be default, full, nothing "
			     "or 'using index NAME', not '%s'",
			     mt->replica_identity);
		}
	}
}

static void load_tables(loader *L, file_ctx *f)
{
	unsigned i, j;

	for (i = 0; f->m && i < f->m->tables_count; i++) {
		const m_table *mt = &f->m->tables[i];
		const char *path = entry_path(L, i, NULL, 0, NULL);
		const char *schema = normalize_schema(mt->schema);
		const char *qname;
		tinfo *prev, *ti;

		if (!name_ok(mt->name) &&
		    bad_name(L, f, path, NULL, "table", mt->name))
			continue;
		if (mt->schema && !name_ok(mt->schema) &&
		    bad_name(L, f,
		             sd_arena_printf(L->tmp, "%s.schema", path),
		             mt->name, "schema", mt->schema))
			continue;
		qname = sd_qualified_name(L->tmp, schema, mt->name);
		prev = sd_map_get(L->tinfo_map, qname);
		if (prev) {
			lerr(L, f, path, qname, "duplicate table '%s'", qname);
			sd_error_hint(L->err, "first declared at %s:%d",
			              prev->f->doc.path, prev->t->base.loc.line);
			continue;
		}
		ti = &L->tables[L->ntables++];
		ti->f = f;
		ti->mt = mt;
		ti->index = i;
		ti->node = sd_ynode_item(f->tables, i);
		ti->columns = sd_ynode_get(ti->node, "columns");
		ti->qname = qname;
		ti->t = sd_schema_add_table(L->s, schema, mt->name);
		ti->t->base.loc.path = f->doc.path;
		ti->t->base.loc.line = sd_ynode_line(ti->node);
		ti->t->comment = dup(L, mt->comment);
		ti->t->renamed_from = dup(L, mt->renamed_from);
		ti->t->without_rowid = mt->without_rowid == TRI_TRUE;
		ti->t->strict = mt->strict == TRI_TRUE;
		ti->t->sqlite_using = dup(L, mt->using_);
		load_table_parents(L, ti);
		load_table_settings(L, ti);
		sd_map_put(L->tinfo_map, qname, ti);
		if (schema)
			sd_schema_add_namespace(L->s, schema);
		/* an explicit `columns: []` is a column-less table, which
		 * PostgreSQL has; a table without the key is a mistake */
		if (mt->columns_count == 0 && !mt->partition_of &&
		    !mt->inherits_count && !mt->using_ &&
		    !sd_ynode_get(ti->node, "columns"))
			lerr(L, f, path, qname, "table '%s' has no columns",
			     qname);
		for (j = 0; j < mt->columns_count; j++)
			load_column(L, ti, j);
	}
}

/* What a view's index lowering needs of the loader. */
typedef struct view_index_ctx {
	loader *L;
	file_ctx *f;
} view_index_ctx;

/* An index of a materialized view: as a table's, named by the
 * convention when it has no name; its columns are the view's. */
static void view_index_lower(void *ctx, sd_index *ix, const m_index *mi,
                             const char *path, const char *table)
{
	view_index_ctx *vc = ctx;
	loader *L = vc->L;
	sd_strlist cols = {NULL, 0};

	if (mi->name)
		bad_name(L, vc->f, path, table, "index", mi->name);
	if (mi->columns_count + mi->expressions_count == 0)
		lerr(L, vc->f, path, table,
		     "index needs 'columns' or 'expressions'");
	index_lower(L, ix, mi, &cols);
	ix->storage.tablespace = dup(L, mi->tablespace);
	if (mi->name) {
		ix->base.name = dup(L, mi->name);
	} else {
		sd_strlist keys = {NULL, 0};
		key_columns(L, ix, &keys);
		ix->base.name = sd_naming_expand(L->a, L->naming->ix, table,
		                                 &keys, NULL, NULL);
	}
}

/* Views, functions, procedures, grants of one file, and the triggers,
 * policies, rules and row-level security of its tables. */
static void load_logic(loader *L, file_ctx *f)
{
	sd_logic_src src = {&f->doc, L->s, L->err, L->tmp};
	view_index_ctx vc = {L, f};
	size_t i;

	if (!f->m)
		return;
	sd_load_functions(&src, f->m->functions, f->m->functions_count,
	                  SD_FN_FUNCTION);
	sd_load_functions(&src, f->m->procedures, f->m->procedures_count,
	                  SD_FN_PROCEDURE);
	sd_load_functions(&src, f->m->aggregates, f->m->aggregates_count,
	                  SD_FN_AGGREGATE);
	sd_load_views(&src, f->m->views, f->m->views_count, view_index_lower,
	              &vc);
	if (f->m->grants_count)
		sd_load_grants(&src, f->m->grants, f->m->grants_count);
	if (f->m->default_privileges_count)
		sd_load_default_privileges(&src, f->m->default_privileges,
		                           f->m->default_privileges_count);
	sd_load_event_triggers(&src, f->m->event_triggers,
	                       f->m->event_triggers_count);
	for (i = 0; i < L->ntables; i++) {
		tinfo *ti = &L->tables[i];
		const m_table *mt = ti->mt;
		if (ti->f != f)
			continue;
		ti->t->row_security = mt->row_level_security == TRI_TRUE;
		ti->t->force_row_security =
			mt->force_row_level_security == TRI_TRUE;
		sd_load_table_logic(&src, entry_path(L, ti->index, NULL, 0,
		                                     NULL),
		                    ti->t->base.schema, ti->t->base.name,
		                    mt->triggers, mt->triggers_count,
		                    mt->policies, mt->policies_count, mt->rules,
		                    mt->rules_count);
	}
}

/*
 * Lowers the parsed files into L->s. Returns SD_OK or SD_EINPUT; the
 * diagnostics are in L->err either way.
 */
static int build(loader *L)
{
	size_t i, total = 0;

	for (i = 0; i < L->nfiles; i++)
		if (L->files[i].m)
			total += L->files[i].m->tables_count;
	/* the loader's own tables go with L->tmp, not into the schema */
	L->tables = sd_arena_alloc(L->tmp, (total + 1) * sizeof(*L->tables));
	L->tinfo_map = sd_map_new(L->tmp, total);
	L->enum_lines = sd_map_new(L->tmp, 16);
	L->names = sd_map_new(L->tmp, total * 4);
	for (i = 0; i < L->nfiles; i++)
		load_enums(L, &L->files[i]);
	for (i = 0; i < L->nfiles; i++)
		if (L->files[i].m) {
			sd_lobj lo = {L->s, L->tmp, L->err, &L->files[i].doc};
			sd_load_objects(&lo, &L->files[i].m->objects);
		}
	for (i = 0; i < L->nfiles; i++)
		load_tables(L, &L->files[i]);
	sd_schema_index(L->s);
	for (i = 0; i < L->nfiles; i++)
		if (L->files[i].m) {
			sd_lobj lo = {L->s, L->tmp, L->err, &L->files[i].doc};
			sd_load_sequences(&lo, &L->files[i].m->objects);
		}
	for (i = 0; i < L->ntables; i++)
		resolve_enum_types(L, &L->tables[i]);
	{
		sd_lobj lo = {L->s, L->tmp, L->err, NULL};
		sd_load_children(&lo);
	}
	for (i = 0; i < L->ntables; i++)
		load_constraints(L, &L->tables[i]);
	for (i = 0; i < L->ntables; i++)
		load_foreign_keys(L, &L->tables[i]);
	for (i = 0; i < L->ntables; i++) {
		apply_naming(L, &L->tables[i]);
		check_names(L, &L->tables[i]);
		check_marked_index(L, &L->tables[i], "replica_identity",
		                   L->tables[i].t->replica_index);
		check_marked_index(L, &L->tables[i], "cluster_on",
		                   L->tables[i].t->cluster_on);
	}
	for (i = 0; i < L->nfiles; i++)
		load_logic(L, &L->files[i]);
	sd_load_logic_check(L->s, L->err, L->tmp);
	return sd_error_has(L->err) ? SD_EINPUT : SD_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The *.yaml / *.yml files of dir, sorted, in the arena. */
static int list_dir(const char ***out, size_t *n, sd_arena *a,
                    const char *dir, sd_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	sd_vec v = {NULL, 0, 0};

	if (!d)
		return sd_error_add(err, SD_EINPUT, dir, 0, 0, NULL,
		                    "cannot read the models directory");
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (sd_endswith(e->d_name, ".yaml") ||
		    sd_endswith(e->d_name, ".yml"))
			sd_vec_push(a, &v, sd_path_join(a, dir, e->d_name));
	}
	closedir(d);
	/* an empty set of models would drop everything: a directory without
	 * models (a versions folder, a mistyped path) is bad input */
	if (v.n == 0)
		return sd_error_add(err, SD_EINPUT, dir, 0, 0, NULL,
		                    "no models file (*.yaml, *.yml) in this directory");
	if (v.n > 1)
		qsort(v.items, v.n, sizeof(void *), cmp_str);
	*out = (const char **)v.items;
	*n = v.n;
	return SD_OK;
}

/*
 * Shared by both entry points: files[i] holds (path, data, len). Parses,
 * builds, names, validates; on success hands over the schema. With
 * free_datas, each text is freed (and its slot cleared) once parsed.
 */
static int load_all(sd_schema **out, const char *const *paths,
                    char **datas, const size_t *lens, size_t n,
                    bool free_datas, const sd_naming *naming, sd_error *err)
{
	sd_error local = SD_ERROR_INIT;
	sd_schema *s = sd_schema_new();
	loader L;
	bool parsed = true;
	size_t i;
	int rc;

	memset(&L, 0, sizeof(L));
	L.s = s;
	L.a = s->arena;
	L.tmp = sd_arena_new();
	L.err = &local;
	L.naming = naming ? naming : &sd_naming_default;
	L.files = sd_arena_alloc(L.a, (n + 1) * sizeof(*L.files));
	L.nfiles = n;
	for (i = 0; i < n; i++) {
		const char *p = sd_arena_strdup(L.a, paths[i]);
		if (file_parse(&L.files[i], datas[i], lens[i], p, &local) !=
		    SD_OK)
			parsed = false;
		/* everything build() reads was copied out of the text */
		if (free_datas) {
			free(datas[i]);
			datas[i] = NULL;
		}
	}
	rc = parsed ? build(&L) : SD_EINPUT;
	for (i = 0; i < n; i++)
		file_fini(&L.files[i]);
	sd_arena_free(L.tmp);
	if (rc == SD_OK) {
		/* build() indexed the tables and columns already, and sorting
		 * moves no object: the maps stay valid */
		sd_schema_sort(s);
		sd_logic_sort(s);
		*out = s;
		s = NULL;
	} else {
		rc = local.code ? (int)local.code : SD_EINPUT;
	}
	sd_error_move(err ? err : &local, &local);
	if (!err)
		sd_error_clear(&local);
	sd_schema_free(s);
	return rc;
}

int sd_models_load_data(sd_schema **out, const char *data, size_t len,
                        const char *path, const sd_naming *naming,
                        sd_error *err)
{
	const char *p = path ? path : "models.yaml";
	char *d = (char *)data;

	return load_all(out, &p, &d, &len, 1, false, naming, err);
}

int sd_models_load(sd_schema **out, const char *path, const sd_naming *naming,
                   sd_error *err)
{
	sd_arena *a = sd_arena_new();
	const char **paths = NULL;
	char **datas = NULL;
	size_t *lens = NULL, n = 0, i;
	int rc = SD_OK;

	if (sd_dir_exists(path)) {
		rc = list_dir(&paths, &n, a, path, err);
		if (rc != SD_OK)
			goto done;
	} else if (sd_file_exists(path)) {
		paths = sd_arena_alloc(a, sizeof(*paths));
		paths[0] = sd_arena_strdup(a, path);
		n = 1;
	} else {
		rc = sd_error_add(err, SD_EINPUT, path, 0, 0, NULL,
		                  "models file or directory not found");
		goto done;
	}
	datas = sd_xcalloc(n + 1, sizeof(*datas));
	lens = sd_xcalloc(n + 1, sizeof(*lens));
	for (i = 0; i < n; i++)
		if (sd_file_read(&datas[i], &lens[i], paths[i], err) != SD_OK)
			rc = SD_EINPUT;
	if (rc == SD_OK)
		rc = load_all(out, paths, datas, lens, n, true, naming, err);
done:
	for (i = 0; datas && i < n; i++)
		free(datas[i]);
	free(datas);
	free(lens);
	sd_arena_free(a);
	return rc;
}
