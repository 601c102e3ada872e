/*
 * keys.c - the parts of the models that are read straight from the
 * position tree rather than bound by a field table: index and exclusion
 * keys (`keys:`, a list of column names or mappings) and storage
 * parameters (`with:`, a mapping of any names).
 *
 *     keys:
 *       - tenant_id                                  # a column
 *       - created_at desc nulls last                 # a column, ordered
 *       - {expression: "lower(name)", collation: C, opclass: text_pattern_ops}
 *       - {column: name, opclass: "gist_trgm_ops(siglen=64)"}
 *       - {column: during, operator: "&&"}           # exclusion constraints
 *     with: {fillfactor: 70, deduplicate_items: off}
 */
#include "model/yamldoc.h"

#include <string.h>
#include <strings.h>

/*
 * When text[0..*len) ends with " word" (any case, trailing blanks ignored),
 * cuts it off and returns true; otherwise leaves *len alone.
 */
static bool strip_word(const char *text, size_t *len, const char *word)
{
	size_t n = *len, w = strlen(word);

	while (n > 0 && text[n - 1] == ' ')
		n--;
	if (n <= w || text[n - w - 1] != ' ' ||
	    strncasecmp(text + n - w, word, w) != 0)
		return false;
	n -= w;
	while (n > 0 && text[n - 1] == ' ')
		n--;
	*len = n;
	return true;
}

/*
 * Splits an index column entry such as "created_at desc nulls last" into
 * the column name (returned, allocated in a) and the key's direction and
 * nulls order. The nulls order is kept only where it is not the default for
 * the direction (FIRST for DESC, LAST for ASC), the way the introspectors
 * read it back, so "id desc nulls first" equals "id desc".
 */
const char *sd_index_key_parse(sd_arena *a, const char *text,
                               sd_index_key *key)
{
	size_t len = strlen(text), keep = len;

	key->nulls = SD_NULLS_DEFAULT;
	if (strip_word(text, &len, "first") && strip_word(text, &len, "nulls"))
		key->nulls = SD_NULLS_FIRST;
	else if ((len = keep, strip_word(text, &len, "last")) &&
	         strip_word(text, &len, "nulls"))
		key->nulls = SD_NULLS_LAST;
	else
		len = keep;
	key->desc = false;
	key->asc = false;
	if (strip_word(text, &len, "desc"))
		key->desc = true;
	else
		key->asc = strip_word(text, &len, "asc");
	if (key->nulls == (key->desc ? SD_NULLS_FIRST : SD_NULLS_LAST))
		key->nulls = SD_NULLS_DEFAULT;
	return sd_arena_strndup(a, text, len);
}

/* The keys of a `keys:` entry's mapping form (also the JSON Schema's). */
const sd_yfield sd_index_key_fields[] = {
	SD_YF_ANY("column", NULL),    SD_YF_ANY("expression", NULL),
	SD_YF_ANY("opclass", NULL),   SD_YF_ANY("collation", NULL),
	SD_YF_ANY("order", NULL),     SD_YF_ANY("nulls", NULL),
	SD_YF_ANY("operator", NULL),  SD_YF_END};

static int node_err(sd_error *err, const sd_ydoc *d, const sd_ynode *n,
                    const char *object, const char *fmt, ...) SD_PRINTF(5, 6);

static int node_err(sd_error *err, const sd_ydoc *d, const sd_ynode *n,
                    const char *object, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sd_error_vadd(err, SD_EINPUT, d->path, sd_ynode_line(n),
	                   sd_ynode_col(n), object, fmt, ap);
	va_end(ap);
	return rc;
}

static const char *scalar(const sd_ynode *n)
{
	return n && n->type == SD_YSCALAR ? n->u.str : NULL;
}

/*
 * One mapping entry of `keys:` into key. Returns false after reporting a
 * problem.
 */
static bool key_mapping(sd_arena *a, const sd_ydoc *d, const sd_ynode *m,
                        const char *object, sd_index_key *key,
                        sd_error *err)
{
	size_t p;

	for (p = 0; p + 1 < m->n; p += 2) {
		const sd_ynode *k = &m->u.kids[p], *v = &m->u.kids[p + 1];
		const char *name = scalar(k) ? scalar(k) : "";
		const char *val = scalar(v);
		size_t f;

		for (f = 0; sd_index_key_fields[f].key; f++)
			if (strcmp(name, sd_index_key_fields[f].key) == 0)
				break;
		if (!sd_index_key_fields[f].key) {
			const char *s = sd_yfields_suggest(a, name,
			                                   sd_index_key_fields);
			node_err(err, d, k, object, "unknown key '%s'", name);
			if (s)
				sd_error_hint(err, "did you mean '%s'?", s);
			return false;
		}
		if (!val || !*val) {
			node_err(err, d, v, object, "'%s' must be a single value",
			         name);
			return false;
		}
		if (strcmp(name, "column") == 0) {
			key->column = sd_arena_strdup(a, val);
		} else if (strcmp(name, "expression") == 0) {
			key->expression.sql = sd_arena_strdup(a, val);
		} else if (strcmp(name, "collation") == 0) {
			key->collation = sd_arena_strdup(a, val);
		} else if (strcmp(name, "operator") == 0) {
			key->op = sd_arena_strdup(a, val);
		} else if (strcmp(name, "opclass") == 0) {
			if (sd_opclass_parse(a, val, &key->opclass,
			                     &key->opclass_params) != SD_OK) {
				node_err(err, d, v, object,
				         "bad opclass '%s': expected name or "
				         "name(parameter=value, ...)",
				         val);
				return false;
			}
		} else if (strcmp(name, "order") == 0) {
			if (strcasecmp(val, "desc") != 0 &&
			    strcasecmp(val, "asc") != 0) {
				node_err(err, d, v, object,
				         "'order' must be asc or desc, not '%s'",
				         val);
				return false;
			}
			key->desc = strcasecmp(val, "desc") == 0;
			key->asc = !key->desc;
		} else if (strcmp(name, "nulls") == 0) {
			if (strcasecmp(val, "first") != 0 &&
			    strcasecmp(val, "last") != 0) {
				node_err(err, d, v, object,
				         "'nulls' must be first or last, not '%s'",
				         val);
				return false;
			}
			key->nulls = strcasecmp(val, "first") == 0 ? SD_NULLS_FIRST
			                                           : SD_NULLS_LAST;
		}
	}
	if (!key->column == !key->expression.sql) {
		node_err(err, d, m, object,
		         "a key names either a 'column' or an 'expression'");
		return false;
	}
	/* the default nulls order for the direction is no order at all */
	if (key->nulls == (key->desc ? SD_NULLS_FIRST : SD_NULLS_LAST))
		key->nulls = SD_NULLS_DEFAULT;
	return true;
}

int sd_models_keys(sd_arena *a, const sd_ydoc *d, const sd_ynode *seq,
                   const char *object, bool exclusion, sd_index *ix,
                   sd_error *err)
{
	size_t i;
	bool ok = true;

	if (seq->type != SD_YSEQUENCE || seq->n == 0)
		return node_err(err, d, seq, object,
		                "'keys' must be a list of columns or mappings");
	ix->keys = sd_arena_alloc(a, seq->n * sizeof(*ix->keys));
	ix->nkeys = seq->n;
	for (i = 0; i < seq->n; i++) {
		const sd_ynode *n = &seq->u.kids[i];
		sd_index_key *key = &ix->keys[i];
		if (n->type == SD_YSCALAR && *n->u.str) {
			key->column = sd_index_key_parse(a, n->u.str, key);
		} else if (n->type == SD_YMAPPING) {
			if (!key_mapping(a, d, n, object, key, err)) {
				ok = false;
				continue;
			}
		} else {
			node_err(err, d, n, object,
			         "each key is a column name or a mapping");
			ok = false;
			continue;
		}
		if (exclusion && !key->op) {
			node_err(err, d, n, object,
			         "an exclusion key needs its 'operator' "
			         "({column: c, operator: \"&&\"})");
			ok = false;
		} else if (!exclusion && key->op) {
			node_err(err, d, n, object,
			         "'operator' belongs to exclusion constraints");
			ok = false;
		}
	}
	return ok ? SD_OK : SD_EINPUT;
}

int sd_models_options(sd_arena *a, const sd_ydoc *d, const sd_ynode *m,
                      const char *object, sd_strlist *out, sd_error *err)
{
	size_t p;

	if (m->type != SD_YMAPPING)
		return node_err(err, d, m, object,
		                "'with' must be a mapping of storage parameters "
		                "({fillfactor: 70})");
	for (p = 0; p + 1 < m->n; p += 2) {
		const sd_ynode *k = &m->u.kids[p], *v = &m->u.kids[p + 1];
		const char *name = scalar(k), *val = scalar(v);
		if (!name || !val ||
		    sd_options_append(a, out, name, strlen(name), val,
		                      strlen(val)) != SD_OK)
			return node_err(err, d, k, object,
			                "bad storage parameter '%s'",
			                name ? name : "");
	}
	return SD_OK;
}

int sd_models_partition_names(sd_arena *a, const sd_ydoc *d,
                              const sd_ynode *m, const char *object,
                              sd_index_storage *st, sd_error *err)
{
	sd_strlist *l = &st->partition_names;
	size_t p, i;

	if (m->type != SD_YMAPPING)
		return node_err(err, d, m, object,
		                "'partition_names' must be a mapping of "
		                "partitions to index names "
		                "({events_2024: events_2024_created_idx})");
	for (p = 0; p + 1 < m->n; p += 2) {
		const sd_ynode *k = &m->u.kids[p], *v = &m->u.kids[p + 1];
		const char *part = scalar(k), *name = scalar(v);
		const char **items;
		if (!part || !*part || !name || !*name)
			return node_err(err, d, k, object,
			                "each partition_names entry is a "
			                "partition and an index name");
		if (sd_partition_name_of(st, part))
			return node_err(err, d, k, object,
			                "partition '%s' named twice in "
			                "'partition_names'", part);
		/* sorted by partition; the names outlive the document */
		part = sd_arena_strdup(a, part);
		name = sd_arena_strdup(a, name);
		sd_strlist_push(a, l, part);
		sd_strlist_push(a, l, name);
		items = l->items;
		for (i = l->n - 2; i >= 2 && strcmp(items[i - 2], part) > 0;
		     i -= 2) {
			items[i] = items[i - 2];
			items[i + 1] = items[i - 1];
			items[i - 2] = part;
			items[i - 1] = name;
		}
	}
	return SD_OK;
}
