/*
 * load_logic.h - internal to the models loader: how views, functions,
 * procedures, triggers, policies, rules and grants are written in YAML
 * (the m_* structs and their field tables, bound by ybind.c), and their
 * lowering into sd_schema (load_logic.c). load.c hooks them in: the
 * nested lists into its table mapping, the top-level ones into the
 * document's.
 */
#ifndef SD_LOAD_LOGIC_H
#define SD_LOAD_LOGIC_H

#include "model/logic.h"
#include "model/yamldoc.h"

typedef struct m_argument {
	char *name;
	char *type;
	char *mode;
	char *default_;
} m_argument;

typedef struct m_function {
	char *name;
	char *schema;
	m_argument *arguments;
	unsigned arguments_count;
	char *returns;
	char *language;
	char *body;
	char *volatility;
	int strict;
	int security_definer;
	int leakproof;
	char *parallel;
	char *cost;
	char *rows;
	char **set;
	unsigned set_count;
	char *comment;
} m_function;

typedef struct m_trigger {
	char *name;
	char *timing;
	char **events;
	unsigned events_count;
	char **columns;
	unsigned columns_count;
	char *for_each;
	char *when;
	char *function;
	char **arguments;
	unsigned arguments_count;
	int constraint;
	int deferrable;
	int initially_deferred;
	char *old_table;
	char *new_table;
	char *enabled;
	char *body;
	char *comment;
} m_trigger;

typedef struct m_policy {
	char *name;
	char *command;
	int restrictive;
	char **roles;
	unsigned roles_count;
	char *using_;
	char *with_check;
	char *comment;
} m_policy;

typedef struct m_rule {
	char *name;
	char *event;
	char *where;
	int instead;
	char *actions;
	char *comment;
} m_rule;

typedef struct m_column_option {
	char *column;
	char *default_;
	char *comment;
	char *storage;     /* materialized views only */
	char *compression;
	char *statistics;
} m_column_option;

/* An index, of a table or of a materialized view. */
typedef struct m_index {
	char *name;
	char **columns;
	unsigned columns_count;
	char **expressions;
	unsigned expressions_count;
	int unique;
	char *where;
	char *using_;
	char **include;
	unsigned include_count;
	int nulls_not_distinct;
	char *comment;
	char *tablespace;
} m_index;

typedef struct m_view {
	char *name;
	char *schema;
	char *query;
	char **columns;
	unsigned columns_count;
	int materialized;
	int with_data;
	char *check_option;
	int security_barrier;
	int security_invoker;
	char **options;
	unsigned options_count;
	char *comment;
	m_column_option *column_options;
	unsigned column_options_count;
	m_index *indexes;
	unsigned indexes_count;
	m_trigger *triggers;
	unsigned triggers_count;
	m_rule *rules;
	unsigned rules_count;
} m_view;

typedef struct m_grant {
	char *on;
	char *to;
	char *owner;
	char *schema;    /* default privileges: IN SCHEMA */
	char *for_role;  /* default privileges: FOR ROLE */
	char **privileges;
	unsigned privileges_count;
	char **columns;
	unsigned columns_count;
	char **revoked;
	unsigned revoked_count;
	int grant_option;
} m_grant;

typedef struct m_event_trigger {
	char *name;
	char *event;
	char **tags;
	unsigned tags_count;
	char *function;
	char *enabled;
	char *comment;
} m_event_trigger;

extern const sd_yfield sd_m_event_trigger_fields[];
extern const sd_yfield sd_m_function_fields[];
extern const sd_yfield sd_m_procedure_fields[];
extern const sd_yfield sd_m_aggregate_fields[];
extern const sd_yfield sd_m_trigger_fields[];
extern const sd_yfield sd_m_policy_fields[];
extern const sd_yfield sd_m_rule_fields[];
extern const sd_yfield sd_m_grant_fields[];
extern const sd_yfield sd_m_default_privilege_fields[];
extern const sd_yfield sd_m_argument_fields[];
extern const sd_yfield sd_m_column_option_fields[];
extern const sd_yfield sd_m_view_fields[];
extern const sd_yfield sd_m_index_fields[]; /* load.c */

/* What load.c hands over per file: its position tree and the lists. */
typedef struct sd_logic_src {
	const sd_ydoc *doc;
	sd_schema *s;
	sd_error *err;
	sd_arena *tmp;
} sd_logic_src;

/* A column's PostgreSQL settings as the models write them (NULL: not
 * given): `storage`, `compression`, `statistics` and the `options`
 * mapping (n_distinct). */
typedef struct sd_column_words {
	const char *storage;
	const char *compression;
	const char *statistics;
	const sd_ynode *options;
} sd_column_words;

/*
 * Sets c's STORAGE (kept only when not its type's own), COMPRESSION, SET
 * STATISTICS and attribute options from w, reporting each bad value at
 * the line of its key under the column's entry `path`
 * ("tables[3].columns[2]", "views[0].column_options[1]"); object names
 * the column in messages ("users.email").
 */
void sd_load_column_settings(const sd_logic_src *src, const char *path,
                             const char *object, sd_column *c,
                             const sd_column_words *w);

/*
 * Lowers index mi (at path, of `table` in schema) into ix, load.c's own
 * code for tables' indexes: keys, options, the naming convention when it
 * has no name. Columns are not checked here (a view's are not known).
 */
typedef void (*sd_index_lower_fn)(void *ctx, sd_index *ix,
                                  const m_index *mi, const char *path,
                                  const char *table);

void sd_load_views(const sd_logic_src *src, const m_view *views,
                   unsigned n, sd_index_lower_fn lower_index, void *ctx);
typedef enum sd_fn_list {
	SD_FN_FUNCTION,
	SD_FN_PROCEDURE,
	SD_FN_AGGREGATE,
} sd_fn_list;
void sd_load_functions(const sd_logic_src *src, const m_function *fns,
                       unsigned n, sd_fn_list kind);
/* The nested lists of table `tpath` ("tables[3]") schema.table. */
void sd_load_table_logic(const sd_logic_src *src, const char *tpath,
                         const char *schema, const char *table,
                         const m_trigger *triggers, unsigned ntriggers,
                         const m_policy *policies, unsigned npolicies,
                         const m_rule *rules, unsigned nrules);
/* The models' default_privileges (ALTER DEFAULT PRIVILEGES): grants of
 * kind "default tables", "default functions"... (model/logic.h). */
void sd_load_default_privileges(const sd_logic_src *src,
                                const m_grant *grants, unsigned n);
void sd_load_grants(const sd_logic_src *src, const m_grant *grants,
                    unsigned n);
/* The models' event_triggers (PostgreSQL, database-wide). */
void sd_load_event_triggers(const sd_logic_src *src,
                            const m_event_trigger *triggers, unsigned n);
/* Checks across objects once every file is in: triggers and policies on
 * tables or views that exist, duplicate names. */
void sd_load_logic_check(sd_schema *s, sd_error *err, sd_arena *tmp);

#endif
