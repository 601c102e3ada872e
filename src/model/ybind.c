/*
 * ybind.c - the loaders' structs filled straight from the position tree,
 * by tables of fields (sd_yfield), and every unknown key reported.
 *
 * The tree is walked in document order and the first problem stops the
 * binding, so a file with a problem gets one diagnostic from here (plus
 * the unknown keys found everywhere else) at the node it is about:
 *     unknown key, repeated key   the key
 *     missing required key        the mapping
 *     wrong kind of value, bad boolean   the value
 * The object in the message is what the list entries along the way name
 * with their `name` (and `schema`) keys: "users.email".
 */
#include "model/yamldoc.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/* Entries (items of lists) from the root down to the node being bound:
 * they name the object a message is about. */
#define MAX_DEPTH 64

typedef struct binder {
	const sd_ydoc *d;
	sd_arena *a;
	sd_error *err;
	const sd_ynode *entries[MAX_DEPTH];
	size_t nentries;
	const sd_ynode *failed_key; /* the key the first problem is about */
} binder;

/* "users.email": the `name` of every mapping entry along the way, with
 * its `schema` when that is not the default namespace. NULL for none. */
static char *object_name(sd_arena *a, const sd_ynode *const *entries,
                         size_t n)
{
	sd_buf obj = SD_BUF_INIT;
	char *out = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		const sd_ynode *name = sd_ynode_get(entries[i], "name");
		const sd_ynode *schema = sd_ynode_get(entries[i], "schema");
		if (!name || name->type != SD_YSCALAR || !*name->u.str)
			continue;
		if (obj.len)
			sd_buf_putc(&obj, '.');
		if (schema && schema->type == SD_YSCALAR &&
		    sd_namespace_key(schema->u.str)) {
			sd_buf_put(&obj, schema->u.str);
			sd_buf_putc(&obj, '.');
		}
		sd_buf_put(&obj, name->u.str);
	}
	if (obj.len)
		out = sd_arena_strdup(a, obj.data);
	sd_buf_free(&obj);
	return out;
}

static int fail(binder *b, const sd_ynode *at, const char *fmt, ...)
	SD_PRINTF(3, 4);

/* The first problem: at the node's line and column. */
static int fail(binder *b, const sd_ynode *at, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sd_error_vadd(b->err, SD_EINPUT, b->d->path, sd_ynode_line(at),
	                   sd_ynode_col(at),
	                   object_name(b->d->arena, b->entries, b->nentries),
	                   fmt, ap);
	va_end(ap);
	return rc;
}

const char *sd_yfields_suggest(sd_arena *a, const char *word,
                               const sd_yfield *fields)
{
	const char **keys;
	size_t n = 0, i;

	while (fields[n].key)
		n++;
	keys = sd_arena_alloc(a, (n + 1) * sizeof(*keys));
	for (i = 0; i < n; i++)
		keys[i] = fields[i].key;
	return sd_suggest(word, keys);
}

static void hint_unknown(binder *b, const char *key, const sd_yfield *fields)
{
	const char *sugg = sd_yfields_suggest(b->d->arena, key, fields);

	if (sugg)
		sd_error_hint(b->err, "did you mean '%s'?", sugg);
	else if (strchr(key, ')'))
		/* {type: numeric(10, 2)}: the comma split the value */
		sd_error_hint(b->err, "quote a value that contains a comma "
		                      "inside {...}");
}

static const char *kind_name(sd_ynode_type t)
{
	return t == SD_YSEQUENCE ? "a list"
	       : t == SD_YMAPPING ? "a mapping"
	                          : "a single value";
}

/*
 * A value of the wrong kind: "'columns' must be a list" for the value of a
 * key, "each entry must be a mapping" for an item of a list, "the document
 * must be a mapping of keys" for the root.
 */
static int wrong_kind(binder *b, const sd_ynode *v, const char *key,
                      sd_ynode_type want)
{
	if (key)
		return fail(b, v, "'%s' must be %s", key, kind_name(want));
	if (v == b->d->root)
		return fail(b, v, "the document must be a mapping of keys");
	return fail(b, v, "each entry must be %s", kind_name(want));
}

/* ~, null, Null, NULL and the empty value: no value at all. */
static bool is_null(const sd_ynode *v)
{
	const char *s = v->u.str;

	return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	       strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

static int bind_mapping(binder *b, const sd_ynode *m,
                        const sd_yfield *fields, void *out);

/* A list of single values into a char ** and its count. */
static int bind_strings(binder *b, const sd_ynode *v, char ***items,
                        unsigned *count)
{
	size_t i;

	*items = sd_arena_alloc_raw8(b->a, (v->n ? v->n : 1) * sizeof(char *));
	for (i = 0; i < v->n; i++) {
		const sd_ynode *e = &v->u.kids[i];
		if (e->type != SD_YSCALAR) {
			if (b->nentries < MAX_DEPTH)
				b->entries[b->nentries++] = e;
			return wrong_kind(b, e, NULL, SD_YSCALAR);
		}
		(*items)[i] = (char *)e->u.str;
		*count = (unsigned)i + 1;
	}
	return SD_OK;
}

/* A list of mappings of `f->fields` into an array and its count. */
static int bind_list(binder *b, const sd_ynode *v, const sd_yfield *f,
                     void **items, unsigned *count)
{
	char *array = sd_arena_alloc(b->a, (v->n ? v->n : 1) * f->size);
	size_t i;
	int rc = SD_OK;

	*items = array;
	if (b->nentries == MAX_DEPTH)
		return fail(b, v, "the document nests too deeply");
	for (i = 0; i < v->n && rc == SD_OK; i++) {
		const sd_ynode *e = &v->u.kids[i];
		*count = (unsigned)i + 1;
		b->entries[b->nentries++] = e;
		rc = e->type == SD_YMAPPING
		         ? bind_mapping(b, e, f->fields, array + i * f->size)
		         : wrong_kind(b, e, NULL, SD_YMAPPING);
		if (rc == SD_OK)
			b->nentries--;
	}
	return rc;
}

/* The side block of the struct at out that f's member is in, added
 * (zeroed) when the struct has none yet. */
static char *side_block(binder *b, const sd_yfield *f, char *out)
{
	void **at = (void **)(out + f->ext_at - 1);

	if (!*at)
		*at = sd_arena_alloc(b->a, f->ext_size);
	return *at;
}

/* The value v of key k into the member f of the struct at out. */
static int bind_value(binder *b, const sd_ynode *k, const sd_ynode *v,
                      const sd_yfield *f, char *out)
{
	static const struct {
		const char *word;
		int value;
	} bools[] = {
		{"false", SD_YBOOL_FALSE}, {"true", SD_YBOOL_TRUE},
		{"no", SD_YBOOL_FALSE},    {"yes", SD_YBOOL_TRUE},
		{"off", SD_YBOOL_FALSE},   {"on", SD_YBOOL_TRUE},
	};
	const char *key = k->u.str;
	size_t i;

	if (f->ext_at) {
		/* a null optional value adds no block */
		if (f->kind == SD_YF_STRING_OPT && v->type == SD_YSCALAR &&
		    is_null(v))
			return SD_OK;
		out = side_block(b, f, out);
	}
	switch (f->kind) {
	case SD_YF_STRING_OPT:
		if (v->type == SD_YSCALAR && is_null(v))
			return SD_OK;
		/* fall through */
	case SD_YF_STRING:
		if (v->type != SD_YSCALAR)
			return wrong_kind(b, v, key, SD_YSCALAR);
		*(const char **)(out + f->offset) = v->u.str;
		return SD_OK;
	case SD_YF_BOOL:
		if (v->type != SD_YSCALAR)
			return wrong_kind(b, v, key, SD_YSCALAR);
		for (i = 0; i < SD_ARRAY_LEN(bools); i++)
			if (strcasecmp(v->u.str, bools[i].word) == 0) {
				*(int *)(out + f->offset) = bools[i].value;
				return SD_OK;
			}
		return fail(b, v, "'%s' must be true or false, not '%s'", key,
		            v->u.str);
	case SD_YF_STRINGS:
		if (v->type != SD_YSEQUENCE)
			return wrong_kind(b, v, key, SD_YSEQUENCE);
		return bind_strings(b, v, (char ***)(out + f->offset),
		                    (unsigned *)(out + f->count_offset));
	case SD_YF_LIST:
		if (v->type != SD_YSEQUENCE)
			return wrong_kind(b, v, key, SD_YSEQUENCE);
		return bind_list(b, v, f, (void **)(out + f->offset),
		                 (unsigned *)(out + f->count_offset));
	case SD_YF_MAPPING: {
		void *sub;
		if (v->type != SD_YMAPPING)
			return wrong_kind(b, v, key, SD_YMAPPING);
		sub = sd_arena_alloc(b->a, f->size);
		*(void **)(out + f->offset) = sub;
		return bind_mapping(b, v, f->fields, sub);
	}
	case SD_YF_ANY:
	default:
		return SD_OK;
	}
}

/*
 * The keys of mapping m into the struct at out: each key once (but ANY
 * keys), every required key present. Missing keys leave their member
 * zeroed.
 */
static int bind_mapping(binder *b, const sd_ynode *m,
                        const sd_yfield *fields, void *out)
{
	uint64_t seen = 0;
	size_t p, i;
	int rc;

	for (p = 0; p + 1 < m->n; p += 2) {
		const sd_ynode *k = &m->u.kids[p];
		const sd_yfield *f = NULL;
		if (k->type != SD_YSCALAR)
			return fail(b, k, "a key must be a single value, not %s",
			            kind_name((sd_ynode_type)k->type));
		for (i = 0; fields[i].key && !f; i++)
			if (strcmp(fields[i].key, k->u.str) == 0)
				f = &fields[i];
		if (!f) {
			b->failed_key = k;
			rc = fail(b, k, "unknown key '%s'", k->u.str);
			hint_unknown(b, k->u.str, fields);
			return rc;
		}
		i = (size_t)(f - fields);
		if (f->kind != SD_YF_ANY && (seen >> i & 1)) {
			b->failed_key = k;
			return fail(b, k, "key '%s' appears twice", f->key);
		}
		seen |= (uint64_t)1 << i;
		rc = bind_value(b, k, &m->u.kids[p + 1], f, out);
		if (rc != SD_OK)
			return rc;
	}
	for (i = 0; fields[i].key; i++)
		if (fields[i].required && !(seen >> i & 1))
			return fail(b, m, "missing required key '%s'",
			            fields[i].key);
	return SD_OK;
}

int sd_ydoc_bind(void **out, const sd_ydoc *d, const sd_yfield *fields,
                 size_t size, sd_arena *a, sd_error *err)
{
	binder b;
	void *data = sd_arena_alloc(a, size);
	int rc = SD_OK;

	memset(&b, 0, sizeof(b));
	b.d = d;
	b.a = a;
	b.err = err;
	if (d->root && d->root->type != SD_YMAPPING)
		rc = wrong_kind(&b, d->root, NULL, SD_YMAPPING);
	else if (d->root)
		rc = bind_mapping(&b, d->root, fields, data);
	if (rc != SD_OK) {
		/* the others too: a user fixes the file in one pass */
		sd_ydoc_unknown_keys(d, fields, b.failed_key, err);
		return rc;
	}
	*out = data;
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Every unknown key                                                   */
/* ------------------------------------------------------------------ */

/* Reports the keys of n (valid: fields) that fields does not list, then
 * descends into the values of the keys it does. */
static void walk_unknown(binder *b, const sd_ynode *n, const sd_yfield *fields,
                         const sd_ynode *skip, int depth)
{
	size_t i, j;

	if (!n || !fields || depth > MAX_DEPTH || n->type != SD_YMAPPING)
		return;
	for (i = 0; i + 1 < n->n; i += 2) {
		const sd_ynode *k = &n->u.kids[i], *v = &n->u.kids[i + 1];
		const sd_yfield *f = NULL;
		if (k->type != SD_YSCALAR)
			continue;
		for (j = 0; fields[j].key && !f; j++)
			if (strcmp(fields[j].key, k->u.str) == 0)
				f = &fields[j];
		if (!f) {
			if (k != skip) {
				fail(b, k, "unknown key '%s'", k->u.str);
				hint_unknown(b, k->u.str, fields);
			}
			continue;
		}
		if (v->type == SD_YMAPPING && f->kind != SD_YF_LIST) {
			walk_unknown(b, v, f->fields, skip, depth + 1);
		} else if (v->type == SD_YSEQUENCE &&
		           b->nentries < MAX_DEPTH) {
			for (j = 0; j < v->n; j++) {
				b->entries[b->nentries++] = &v->u.kids[j];
				walk_unknown(b, &v->u.kids[j],
				             f->kind == SD_YF_LIST ? f->fields
				                                   : NULL,
				             skip, depth + 1);
				b->nentries--;
			}
		}
	}
}

void sd_ydoc_unknown_keys(const sd_ydoc *d, const sd_yfield *fields,
                          const sd_ynode *skip, sd_error *err)
{
	binder b;

	memset(&b, 0, sizeof(b));
	b.d = d;
	b.err = err;
	walk_unknown(&b, d->root, fields, skip, 0);
}
