/*
 * config.c - the project config, schemadiff.yaml (SPEC "A user's project").
 *
 *     database: sqlite:///app.db
 *     models: models.yaml          # relative to this file
 *     versions: migrations/versions
 *     format: sql                  # sql | c
 *     version_table: schemadiff_version
 *     ignore: [spatial_ref_sys, "legacy_*"]
 *     naming: {pk: "pk_%(table)", ix: ..., uq: ..., fk: ..., ck: ...}
 *     cache: ~/.cache/schemadiff   # compiled C revisions; default by XDG
 *     targets: tenants.txt         # or a list of URLs, for fleet runs
 *     dev_database: postgresql://localhost/postgres   # replays' server
 *     lock_timeout: 2s             # PostgreSQL: each statement's lock wait
 *     lock_retries: 5              # tries again after a lock timeout
 *     batch_size: 10000            # rows per batch of a batch step
 *     dialects: [sqlite, postgresql]   # the sections each revision holds
 *
 * Read and bound like the models (yamldoc.h); unknown keys are errors with
 * a suggestion, missing keys take the defaults.
 */
#include "model/yamldoc.h"

#include <stdlib.h>
#include <string.h>

typedef struct c_naming {
	char *pk, *ix, *uq, *fk, *ck;
} c_naming;

typedef struct c_config {
	char *database;
	char *models;
	char *versions;
	char *format;
	char *version_table;
	char **ignore;
	unsigned ignore_count;
	c_naming *naming;
	char *cache;
	char *dev_database;
	char *lock_timeout;
	char *lock_retries;
	char *batch_size;
	int privileges;
} c_config;

static const sd_yfield naming_fields[] = {
	SD_YF_STR_OPT("pk", c_naming, pk), SD_YF_STR_OPT("ix", c_naming, ix),
	SD_YF_STR_OPT("uq", c_naming, uq), SD_YF_STR_OPT("fk", c_naming, fk),
	SD_YF_STR_OPT("ck", c_naming, ck), SD_YF_END};

static const sd_yfield config_fields[] = {
	SD_YF_STR_OPT("database", c_config, database),
	SD_YF_STR_OPT("models", c_config, models),
	SD_YF_STR_OPT("versions", c_config, versions),
	SD_YF_STR_OPT("format", c_config, format),
	SD_YF_STR_OPT("version_table", c_config, version_table),
	SD_YF_STRS("ignore", false, c_config, ignore),
	SD_YF_MAP("naming", false, c_config, naming, c_naming, naming_fields),
	SD_YF_STR_OPT("cache", c_config, cache),
	SD_YF_STR_OPT("lock_timeout", c_config, lock_timeout),
	SD_YF_STR_OPT("lock_retries", c_config, lock_retries),
	SD_YF_STR_OPT("batch_size", c_config, batch_size),
	SD_YF_BOOL_OPT("privileges", c_config, privileges),
	/* a file name or a list: read from the position tree (take_targets) */
	SD_YF_ANY("targets", NULL),
	SD_YF_STR_OPT("dev_database", c_config, dev_database),
	/* a name or a list: read from the position tree (take_dialects) */
	SD_YF_ANY("dialects", NULL),
	SD_YF_END};

/* The ignore list: the config's globs (other tools' bookkeeping tables
 * are the differ's business: sd_table_is_tool). */
static const char **ignore_list(sd_arena *a, char **globs, size_t n)
{
	const char **l = sd_arena_alloc(a, (n + 1) * sizeof(char *));
	size_t i;

	for (i = 0; i < n; i++)
		l[i] = sd_arena_strdup(a, globs[i]);
	return l;
}

static sd_config *config_new(const char *path, const char *dir)
{
	sd_arena *a = sd_arena_new();
	sd_config *c = sd_arena_alloc(a, sizeof(*c));

	c->arena = a;
	c->path = sd_arena_strdup(a, path);
	c->dir = sd_arena_strdup(a, dir && *dir ? dir : ".");
	c->database = "sqlite:///app.db";
	c->models = sd_path_join(a, c->dir, "models.yaml");
	c->versions = sd_path_join(a, c->dir, "migrations/versions");
	c->format = "sql";
	c->version_table = "schemadiff_version";
	c->ignore = ignore_list(a, NULL, 0);
	c->naming = sd_naming_default;
	c->lock_timeout_ms = 2000;
	c->lock_retries = 5;
	c->batch_size = 10000;
	return c;
}

sd_config *sd_config_default(const char *dir)
{
	return config_new(NULL, dir);
}

void sd_config_free(sd_config *c)
{
	if (c)
		sd_arena_free(c->arena);
}

static int cfg_error(sd_error *err, const sd_ydoc *d, const char *path,
                     const char *fmt, const char *arg)
{
	return sd_error_add(err, SD_EINPUT, d->path, sd_ydoc_line(d, path), 0,
	                    NULL, fmt, arg);
}

/* Checks a value that must not be empty; returns it copied or NULL. */
static const char *take(sd_config *c, const sd_ydoc *d, const char *key,
                        const char *value, sd_error *local)
{
	/* `key: ""` and `key: ~` bind as absent; the position tree tells a
	 * written-but-empty key from a missing one. */
	if (!value && !sd_ydoc_node(d, key))
		return NULL;
	if (!value || !*value) {
		cfg_error(local, d, key, "'%s' must not be empty", key);
		return NULL;
	}
	return sd_arena_strdup(c->arena, value);
}

static void take_template(sd_config *c, const sd_ydoc *d, const char *key,
                          const char *value, const char **slot,
                          sd_error *local)
{
	char *path;
	const char *bad;

	path = sd_arena_printf(c->arena, "naming.%s", key);
	if (!value && !sd_ydoc_node(d, path))
		return;
	if (!value || !*value) {
		cfg_error(local, d, path, "'%s' must not be empty", path);
		return;
	}
	bad = sd_naming_check(c->arena, value);
	if (bad) {
		sd_error_add(local, SD_EINPUT, d->path, sd_ydoc_line(d, path), 0,
		             NULL, "unknown placeholder '%s' in naming.%s", bad,
		             key);
		sd_error_hint(local, "use %%(table), %%(columns), "
		                     "%%(column_0_name), %%(ref_table) or "
		                     "%%(constraint_name)");
		return;
	}
	*slot = sd_arena_strdup(c->arena, value);
}

/* `cache:` as a path: "~/x" is below $HOME, a relative path below the
 * config's directory. */
static const char *cache_path(sd_config *c, const char *v)
{
	const char *home = getenv("HOME");

	if (v[0] == '~' && (v[1] == '/' || v[1] == '\0') && home && *home)
		return sd_path_join(c->arena, home, v[1] ? v + 2 : ".");
	return sd_path_join(c->arena, c->dir, v);
}

/*
 * targets: a file of URLs (relative to the config) or a list of URLs:
 *     targets: tenants.txt
 *     targets: [postgresql://db1/t1, postgresql://db2/t2]
 */
static void take_targets(sd_config *c, const sd_ydoc *d, sd_error *local)
{
	const sd_ynode *n = sd_ydoc_node(d, "targets");
	size_t i;

	if (!n)
		return;
	if (n->type == SD_YSCALAR) {
		if (!n->n)
			cfg_error(local, d, "targets", "'%s' must not be empty",
			          "targets");
		else
			c->targets_file = sd_path_join(c->arena, c->dir, n->u.str);
		return;
	}
	if (n->type != SD_YSEQUENCE) {
		cfg_error(local, d, "targets",
		          "'%s' must be a file name or a list of database URLs",
		          "targets");
		return;
	}
	c->targets = sd_arena_alloc(c->arena, (n->n + 1) * sizeof(char *));
	for (i = 0; i < n->n; i++) {
		const sd_ynode *item = sd_ynode_item(n, i);
		if (item->type != SD_YSCALAR || !item->n) {
			sd_error_add(local, SD_EINPUT, d->path, sd_ynode_line(item),
			             sd_ynode_col(item), NULL,
			             "targets[%zu] must be a database URL", i);
			continue;
		}
		c->targets[c->ntargets++] = sd_arena_strdup(c->arena, item->u.str);
	}
	c->targets[c->ntargets] = NULL;
}

/* The dialect names a config may list, as the revision headers spell
 * them (a second spelling maps to the first of its row). */
static const char *dialect_name(const char *v)
{
	if (sd_strieq(v, "sqlite") || sd_strieq(v, "sqlite3"))
		return "sqlite";
	if (sd_strieq(v, "postgresql") || sd_strieq(v, "postgres"))
		return "postgresql";
	return NULL;
}

/*
 * dialects: the SQL dialects every revision holds sections for:
 *     dialects: [sqlite, postgresql]
 *     dialects: postgresql
 */
static void take_dialects(sd_config *c, const sd_ydoc *d, sd_error *local)
{
	const sd_ynode *n = sd_ydoc_node(d, "dialects");
	size_t i, k, count;

	if (!n)
		return;
	if (n->type != SD_YSEQUENCE && n->type != SD_YSCALAR) {
		cfg_error(local, d, "dialects",
		          "'%s' must be a list of dialects: [sqlite, postgresql]",
		          "dialects");
		return;
	}
	count = n->type == SD_YSCALAR ? 1 : n->n;
	c->dialects = sd_arena_alloc(c->arena, (count + 1) * sizeof(char *));
	for (i = 0; i < count; i++) {
		const sd_ynode *item = n->type == SD_YSCALAR ? n : sd_ynode_item(n, i);
		const char *name = item->type == SD_YSCALAR && item->n
		                       ? dialect_name(item->u.str) : NULL;
		if (!name) {
			sd_error_add(local, SD_EINPUT, d->path, sd_ynode_line(item),
			             sd_ynode_col(item), NULL,
			             "unknown dialect '%s' in 'dialects' (want sqlite or postgresql)",
			             item->type == SD_YSCALAR ? item->u.str : "");
			continue;
		}
		for (k = 0; k < c->ndialects; k++)
			if (strcmp(c->dialects[k], name) == 0)
				break;
		if (k < c->ndialects) {
			sd_error_add(local, SD_EINPUT, d->path, sd_ynode_line(item),
			             sd_ynode_col(item), NULL,
			             "dialect '%s' listed twice in 'dialects'", name);
			continue;
		}
		c->dialects[c->ndialects++] = name;
	}
	c->dialects[c->ndialects] = NULL;
	if (!c->ndialects && !sd_error_has(local))
		cfg_error(local, d, "dialects", "'%s' must not be empty",
		          "dialects");
}

int sd_config_load_data(sd_config **out, const char *data, size_t len,
                        const char *path, sd_error *err)
{
	sd_error local = SD_ERROR_INIT;
	const char *p = path ? path : "schemadiff.yaml";
	sd_config *c = NULL;
	c_config *raw = NULL;
	void *bound = NULL;
	sd_ydoc doc;
	const char *v;
	int rc;

	c = config_new(p, NULL);
	c->dir = sd_path_dirname(c->arena, p);
	c->models = sd_path_join(c->arena, c->dir, "models.yaml");
	c->versions = sd_path_join(c->arena, c->dir, "migrations/versions");
	rc = sd_ydoc_parse(&doc, data, len, c->path, &local);
	if (rc != SD_OK || !sd_ydoc_node(&doc, ""))
		goto done; /* syntax error, or an empty file: all defaults */
	if (sd_ydoc_bind(&bound, &doc, config_fields, sizeof(*raw), doc.arena,
	                 &local) != SD_OK)
		goto done;
	raw = bound;
	if ((v = take(c, &doc, "database", raw->database, &local)))
		c->database = v;
	if ((v = take(c, &doc, "models", raw->models, &local)))
		c->models = sd_path_join(c->arena, c->dir, v);
	if ((v = take(c, &doc, "versions", raw->versions, &local)))
		c->versions = sd_path_join(c->arena, c->dir, v);
	if ((v = take(c, &doc, "version_table", raw->version_table, &local)))
		c->version_table = v;
	if ((v = take(c, &doc, "cache", raw->cache, &local)))
		c->cache = cache_path(c, v);
	if ((v = take(c, &doc, "dev_database", raw->dev_database, &local)))
		c->dev_database = v;
	if ((v = take(c, &doc, "lock_timeout", raw->lock_timeout, &local)) &&
	    !sd_parse_duration_ms(v, &c->lock_timeout_ms))
		cfg_error(&local, &doc, "lock_timeout",
		          "'lock_timeout' must be a duration such as 2s, 500ms "
		          "or 0 (no limit), not '%s'", v);
	if ((v = take(c, &doc, "lock_retries", raw->lock_retries, &local))) {
		long n;
		if (sd_parse_count(v, 0, &n))
			c->lock_retries = (int)n;
		else
			cfg_error(&local, &doc, "lock_retries",
			          "'lock_retries' must be a whole number, not '%s'", v);
	}
	if ((v = take(c, &doc, "batch_size", raw->batch_size, &local)) &&
	    !sd_parse_count(v, 1, &c->batch_size))
		cfg_error(&local, &doc, "batch_size",
		          "'batch_size' must be a number of rows (1 or more), not '%s'",
		          v);
	if ((v = take(c, &doc, "format", raw->format, &local))) {
		if (strcmp(v, "sql") == 0 || strcmp(v, "c") == 0)
			c->format = v;
		else
			cfg_error(&local, &doc, "format",
			          "'format' must be sql or c, not '%s'", v);
	}
	c->privileges = raw->privileges == SD_YBOOL_TRUE;
	c->ignore = ignore_list(c->arena, raw->ignore, raw->ignore_count);
	if (raw->naming) {
		take_template(c, &doc, "pk", raw->naming->pk, &c->naming.pk,
		              &local);
		take_template(c, &doc, "ix", raw->naming->ix, &c->naming.ix,
		              &local);
		take_template(c, &doc, "uq", raw->naming->uq, &c->naming.uq,
		              &local);
		take_template(c, &doc, "fk", raw->naming->fk, &c->naming.fk,
		              &local);
		take_template(c, &doc, "ck", raw->naming->ck, &c->naming.ck,
		              &local);
	}
	take_targets(c, &doc, &local);
	take_dialects(c, &doc, &local);
done:
	sd_ydoc_fini(&doc);
	if (sd_error_has(&local)) {
		rc = local.code;
		sd_config_free(c);
	} else {
		rc = SD_OK;
		*out = c;
	}
	if (err)
		sd_error_move(err, &local);
	else
		sd_error_clear(&local);
	return rc;
}

int sd_config_load(sd_config **out, const char *path, sd_error *err)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	rc = sd_file_read(&data, &len, path, err);
	if (rc != SD_OK)
		return rc;
	rc = sd_config_load_data(out, data, len, path, err);
	free(data);
	return rc;
}
