/*
 * load.h - YAML models and the project config (schemadiff.yaml).
 *
 * Both are read once by libyaml into a tree that keeps every node's line
 * and column, and bound from it into plain structs (model/yamldoc.h), so
 * every diagnostic, from a syntax error to a foreign key to a missing
 * table, names its file, line and column.
 */
#ifndef SD_LOAD_H
#define SD_LOAD_H

#include "model/schema.h"

/* Naming convention templates (SPEC), overridable under `naming:`.
 * Placeholders: %(table) %(columns) %(column_0_name) %(ref_table)
 * %(constraint_name). Defaults:
 *   pk "pk_%(table)"           ix "ix_%(table)_%(columns)"
 *   uq "uq_%(table)_%(columns)" ck "ck_%(table)_%(constraint_name)"
 *   fk "fk_%(table)_%(columns)_%(ref_table)"
 * %(columns) joins column names with "_"; an expression key contributes
 * "expr". Unnamed checks without a usable name get their 1-based position.
 */
typedef struct sd_naming {
	const char *pk;
	const char *ix;
	const char *uq;
	const char *fk;
	const char *ck;
} sd_naming;

extern const sd_naming sd_naming_default;

/*
 * Loads models from a file or a directory of *.yaml / *.yml files (sorted by
 * name) into one schema. Validates everything SPEC lists: unknown keys (with
 * a suggestion), unknown types, duplicate names, foreign keys to missing
 * tables or columns, primary keys on nullable columns, bad enum references.
 * Fills in names from the naming convention and lowers column shorthands
 * (primary_key, unique, references) into table-level constraints.
 *
 * Returns SD_OK with *out set, or SD_EINPUT with one diagnostic per problem
 * (path, line, object) and *out untouched.
 */
int sd_models_load(sd_schema **out, const char *path, const sd_naming *naming,
                   sd_error *err);
/* Same from a memory buffer (fuzzing, tests); path is used in messages. */
int sd_models_load_data(sd_schema **out, const char *data, size_t len,
                        const char *path, const sd_naming *naming,
                        sd_error *err);

/* Every key the models format accepts, per mapping, for the JSON Schema
 * test: "tables[].columns[]" -> the fields of a column, whose `key`s are
 * "name", "type", ... (yamldoc.h). Ends with a NULL where. */
struct sd_yfield;
typedef struct sd_model_keys {
	const char *where;
	const struct sd_yfield *fields;
} sd_model_keys;
extern const sd_model_keys sd_model_key_table[];

/* ------------------------------------------------------------------ */
/* Project config                                                      */
/* ------------------------------------------------------------------ */

typedef struct sd_config {
	sd_arena *arena;
	const char *path;          /* the config file, or NULL for defaults */
	const char *dir;           /* its directory: base of relative paths */
	const char *database;      /* URL as written */
	const char *models;        /* resolved against dir */
	const char *versions;      /* resolved against dir */
	const char *format;        /* "sql" | "c" */
	const char *version_table;
	const char **ignore;       /* NULL-terminated globs: `ignore:`, then
	                            * other tools' bookkeeping tables
	                            * (alembic_version) */
	sd_naming naming;
	const char *cache;         /* compiled C revisions, resolved against
	                            * dir; NULL: the user's cache directory */
	/* targets: for fleet runs, a file of URLs (resolved against dir) or
	 * a list (NULL-terminated, ntargets); both NULL when not set. */
	const char *targets_file;
	const char **targets;
	size_t ntargets;
	/* PostgreSQL server for scratch databases (replays), or NULL */
	const char *dev_database;
	/* PostgreSQL upgrades: each statement's lock timeout (ms, 0 = none),
	 * the tries after a timeout, rows per batch of a batch step. */
	long lock_timeout_ms;
	int lock_retries;
	long batch_size;
	/* PostgreSQL grants are compared and changed (`privileges: true`);
	 * by default they are left alone. */
	bool privileges;
	/* dialects: the dialects each revision holds sections for, as
	 * canonical names ("sqlite", "postgresql"), NULL-terminated; NULL
	 * when not set (the configured database's dialect). */
	const char **dialects;
	size_t ndialects;
} sd_config;

/*
 * Loads schemadiff.yaml. Missing keys take the SPEC defaults. Unknown keys
 * and bad values are SD_EINPUT with file:line. On success *out is a new
 * config (free with sd_config_free).
 */
int sd_config_load(sd_config **out, const char *path, sd_error *err);
int sd_config_load_data(sd_config **out, const char *data, size_t len,
                        const char *path, sd_error *err);
/* A config with every default, for commands run outside a project. */
sd_config *sd_config_default(const char *dir);
void sd_config_free(sd_config *c);

#endif
