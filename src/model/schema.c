/*
 * schema.c - building, indexing, sorting and dumping sd_schema values.
 */
#include "model/logic.h"

#include <fnmatch.h>
#include <stdint.h>

#include "util/sql.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define GROW(s, arr, n)                                                      \
	do {                                                                 \
		if (((n) & ((n)-1)) == 0) {                                  \
			size_t cap_ = (n) ? (n)*2 : 4;                       \
			void *p_ = sd_arena_alloc((s)->arena,                \
			                          cap_ * sizeof(*(arr)));    \
			if (n)                                               \
				memcpy(p_, (arr), (n) * sizeof(*(arr)));     \
			(arr) = p_;                                          \
		}                                                            \
	} while (0)

/* Object arrays grow to powers of two: the capacity is implied by n. */
#define APPEND(s, arr, n, obj)                                               \
	do {                                                                 \
		GROW(s, arr, n);                                             \
		(arr)[(n)++] = (obj);                                        \
	} while (0)

sd_schema *sd_schema_new(void)
{
	sd_arena *a = sd_arena_new();
	sd_schema *s = sd_arena_alloc(a, sizeof(*s));

	s->arena = a;
	return s;
}

void sd_schema_free(sd_schema *s)
{
	if (s)
		sd_arena_free(s->arena);
}

/* Where each kind keeps its comment; 0: it has none (a column keeps
 * its own in its sd_column_ext). */
static const size_t comment_at[SD_OBJ__COUNT] = {
	[SD_OBJ_TABLE] = offsetof(sd_table, comment),
	[SD_OBJ_ENUM] = offsetof(sd_enum, comment),
	[SD_OBJ_PRIMARY_KEY] = offsetof(sd_primary_key, comment),
	[SD_OBJ_UNIQUE] = offsetof(sd_unique, comment),
	[SD_OBJ_FOREIGN_KEY] = offsetof(sd_foreign_key, comment),
	[SD_OBJ_CHECK] = offsetof(sd_check, comment),
	[SD_OBJ_INDEX] = offsetof(sd_index, comment),
	[SD_OBJ_SEQUENCE] = offsetof(sd_sequence, comment),
	[SD_OBJ_EXTENSION] = offsetof(sd_extension, comment),
	[SD_OBJ_COLLATION] = offsetof(sd_collation, comment),
	[SD_OBJ_DOMAIN] = offsetof(sd_domain, comment),
	[SD_OBJ_COMPOSITE] = offsetof(sd_composite, comment),
	[SD_OBJ_RANGE] = offsetof(sd_range, comment),
	[SD_OBJ_STATISTICS] = offsetof(sd_statistics, comment),
	[SD_OBJ_VIEW] = offsetof(sd_view, comment),
	[SD_OBJ_FUNCTION] = offsetof(sd_function, comment),
	[SD_OBJ_TRIGGER] = offsetof(sd_trigger, comment),
	[SD_OBJ_POLICY] = offsetof(sd_policy, comment),
	[SD_OBJ_RULE] = offsetof(sd_rule, comment),
	[SD_OBJ_EVENT_TRIGGER] = offsetof(sd_event_trigger, comment),
};

static const char **comment_of(const sd_object *o)
{
	if ((unsigned)o->kind >= SD_OBJ__COUNT || !comment_at[o->kind])
		return NULL;
	return (const char **)((char *)(uintptr_t)o + comment_at[o->kind]);
}

const char *sd_object_comment(const sd_object *o)
{
	const char **at = comment_of(o);

	if (o->kind == SD_OBJ_COLUMN)
		return sd_column_x((const sd_column *)o)->comment;
	return at ? *at : NULL;
}

void sd_object_set_comment(sd_object *o, const char *comment)
{
	const char **at = comment_of(o);

	if (at)
		*at = comment;
}

void sd_qualified_put(sd_buf *out, const char *schema, const char *name)
{
	if (schema) {
		sd_buf_put(out, schema);
		sd_buf_putc(out, '.');
	}
	sd_buf_put(out, name);
}

bool sd_table_is_tool(const char *name)
{
	static const char *const tool_tables[] = {"alembic_version"};
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(tool_tables); i++)
		if (strcmp(name, tool_tables[i]) == 0)
			return true;
	return false;
}

bool sd_table_is_ignored(const char *schema, const char *name,
                         const char *version_table,
                         const char *const *ignore)
{
	sd_buf q = SD_BUF_INIT;
	bool hit = false;
	size_t i;

	if (version_table && *version_table) {
		size_t n = strlen(version_table);
		if (strncmp(name, version_table, n) == 0 &&
		    (name[n] == '\0' || name[n] == '_'))
			return true;
	}
	for (i = 0; ignore && ignore[i] && !hit; i++) {
		hit = fnmatch(ignore[i], name, 0) == 0;
		if (!hit && schema) {
			if (!q.len)
				sd_qualified_put(&q, schema, name);
			hit = fnmatch(ignore[i], q.data, 0) == 0;
		}
	}
	sd_buf_free(&q);
	return hit;
}

const char *sd_qualified_name(sd_arena *a, const char *schema,
                              const char *name)
{
	size_t sl, nl;
	char *q;

	if (!schema)
		return sd_arena_strdup(a, name);
	/* on every table's path through loaders and the differ: no printf */
	sl = strlen(schema);
	nl = strlen(name);
	q = sd_arena_alloc(a, sl + nl + 2);
	memcpy(q, schema, sl);
	q[sl] = '.';
	memcpy(q + sl + 1, name, nl + 1);
	return q;
}

/* A zeroed object of size bytes (its sd_object base first) in the
 * schema's arena, with kind, schema and name set (copied). */
static void *object_new(sd_schema *s, size_t size, sd_obj_kind kind,
                        const char *schema, const char *name)
{
	sd_object *o = sd_arena_alloc(s->arena, size);

	o->kind = kind;
	o->schema = sd_arena_strdup(s->arena, schema);
	o->name = sd_arena_strdup(s->arena, name);
	return o;
}

/* Appends obj to the schema's array arr, and to map under "schema.name"
 * when the maps exist (sd_schema_index). */
#define APPEND_NAMED(s, arr, n, map, obj)                                    \
	do {                                                                 \
		APPEND(s, arr, n, obj);                                      \
		if (map)                                                     \
			sd_map_put(map,                                      \
			           sd_qualified_name((s)->arena,             \
			                             (obj)->base.schema,     \
			                             (obj)->base.name),      \
			           obj);                                     \
	} while (0)

sd_table *sd_schema_add_table(sd_schema *s, const char *schema,
                              const char *name)
{
	sd_table *t = object_new(s, sizeof(*t), SD_OBJ_TABLE, schema, name);

	APPEND_NAMED(s, s->tables, s->ntables, s->table_map, t);
	return t;
}

sd_enum *sd_schema_add_enum(sd_schema *s, const char *schema,
                            const char *name)
{
	sd_enum *e = object_new(s, sizeof(*e), SD_OBJ_ENUM, schema, name);

	APPEND_NAMED(s, s->enums, s->nenums, s->enum_map, e);
	return e;
}

sd_unmanaged *sd_schema_add_unmanaged(sd_schema *s, const char *what,
                                      const char *schema, const char *name)
{
	sd_unmanaged *u =
		object_new(s, sizeof(*u), SD_OBJ_UNMANAGED, schema, name);

	u->what = sd_arena_strdup(s->arena, what);
	APPEND(s, s->unmanaged, s->nunmanaged, u);
	return u;
}

void sd_schema_add_namespace(sd_schema *s, const char *name)
{
	if (!name || sd_strlist_contains(&s->namespaces, name))
		return;
	sd_strlist_push(s->arena, &s->namespaces, name);
}

const char *sd_schema_namespace_comment(const sd_schema *s, const char *name)
{
	return s->namespace_comments && name
		       ? sd_map_get(s->namespace_comments, name)
		       : NULL;
}

void sd_schema_set_namespace_comment(sd_schema *s, const char *name,
                                     const char *comment)
{
	if (!name)
		return;
	if (!s->namespace_comments)
		s->namespace_comments = sd_map_new(s->arena, 8);
	sd_map_put(s->namespace_comments, sd_arena_strdup(s->arena, name),
	           (void *)sd_arena_strdup(s->arena, comment));
}

sd_sequence *sd_schema_add_sequence(sd_schema *s, const char *schema,
                                    const char *name)
{
	sd_sequence *q = object_new(s, sizeof(*q), SD_OBJ_SEQUENCE, schema,
	                            name);

	APPEND_NAMED(s, s->sequences, s->nsequences, s->sequence_map, q);
	return q;
}

/* The builders of the other schema-level objects, each appending to its
 * own array of the schema. */
#define SCHEMA_ADDER(type, fn, kind, arr, count)                             \
	type *fn(sd_schema *s, const char *schema, const char *name)         \
	{                                                                    \
		type *o = object_new(s, sizeof(*o), kind, schema, name);     \
		APPEND(s, s->arr, s->count, o);                              \
		return o;                                                    \
	}

SCHEMA_ADDER(sd_extension, sd_schema_add_extension, SD_OBJ_EXTENSION,
             extensions, nextensions)
SCHEMA_ADDER(sd_collation, sd_schema_add_collation, SD_OBJ_COLLATION,
             collations, ncollations)
SCHEMA_ADDER(sd_domain, sd_schema_add_domain, SD_OBJ_DOMAIN, domains,
             ndomains)
SCHEMA_ADDER(sd_composite, sd_schema_add_composite, SD_OBJ_COMPOSITE,
             composites, ncomposites)
SCHEMA_ADDER(sd_range, sd_schema_add_range, SD_OBJ_RANGE, ranges, nranges)

sd_check *sd_domain_add_check(sd_schema *s, sd_domain *d, const char *name)
{
	sd_check *o = object_new(s, sizeof(*o), SD_OBJ_CHECK, d->base.schema,
	                         name);

	APPEND(s, d->checks, d->nchecks, o);
	return o;
}

const sd_column_ext sd_column_ext_none;

sd_column_ext *sd_column_xw(sd_arena *a, sd_column *c)
{
	sd_column_ext *x;

	if (c->ext && c->ext->owner == c)
		return c->ext;
	x = sd_arena_alloc(a, sizeof(*x));
	if (c->ext)
		*x = *c->ext;
	x->owner = c;
	c->ext = x;
	return x;
}

/* A new column named name of an object of schema: nullable, its type's
 * length, precision and scale unset. */
static sd_column *column_new(sd_schema *s, const char *schema,
                             const char *name)
{
	sd_column *c = object_new(s, sizeof(*c), SD_OBJ_COLUMN, schema, name);

	c->nullable = true;
	c->type.length = c->type.precision = c->type.scale = -1;
	return c;
}

sd_column *sd_composite_add_attribute(sd_schema *s, sd_composite *t,
                                      const char *name)
{
	sd_column *c = column_new(s, t->base.schema, name);

	APPEND(s, t->attributes, t->nattributes, c);
	return c;
}

void sd_table_add_inherits(sd_schema *s, sd_table *t, const char *schema,
                           const char *name)
{
	sd_table_ref r;

	r.schema = sd_arena_strdup(s->arena, schema);
	r.name = sd_arena_strdup(s->arena, name);
	APPEND(s, t->inherits, t->ninherits, r);
}

sd_column *sd_table_add_column(sd_schema *s, sd_table *t, const char *name)
{
	sd_column *c = column_new(s, t->base.schema, name);

	APPEND(s, t->columns, t->ncolumns, c);
	if (t->column_map)
		sd_map_put(t->column_map, c->base.name, c);
	return c;
}

/* The builders of a table's constraints and indexes, each appending to
 * its own array of the table. */
#define TABLE_ADDER(type, fn, kind, arr, count)                              \
	type *fn(sd_schema *s, sd_table *t, const char *name)                \
	{                                                                    \
		type *o = object_new(s, sizeof(*o), kind, t->base.schema,    \
		                     name);                                  \
		APPEND(s, t->arr, t->count, o);                              \
		return o;                                                    \
	}

TABLE_ADDER(sd_unique, sd_table_add_unique, SD_OBJ_UNIQUE, uniques, nuniques)
TABLE_ADDER(sd_foreign_key, sd_table_add_foreign_key, SD_OBJ_FOREIGN_KEY,
            foreign_keys, nforeign_keys)
TABLE_ADDER(sd_check, sd_table_add_check, SD_OBJ_CHECK, checks, nchecks)
TABLE_ADDER(sd_index, sd_table_add_index, SD_OBJ_INDEX, indexes, nindexes)
TABLE_ADDER(sd_statistics, sd_table_add_statistics, SD_OBJ_STATISTICS,
            statistics, nstatistics)

void sd_statistics_add_expression(sd_schema *s, sd_statistics *st,
                                  const char *sql)
{
	sd_expr e = {sd_arena_strdup(s->arena, sql), NULL};

	APPEND(s, st->expressions, st->nexpressions, e);
}

const char *const sd_statistics_kinds[] = {"ndistinct", "dependencies",
                                           "mcv", NULL};

bool sd_statistics_kinds_equal(const sd_strlist *a, const sd_strlist *b)
{
	size_t i;

	for (i = 0; sd_statistics_kinds[i]; i++) {
		const char *k = sd_statistics_kinds[i];
		if ((!a->n || sd_strlist_contains(a, k)) !=
		    (!b->n || sd_strlist_contains(b, k)))
			return false;
	}
	return true;
}

sd_primary_key *sd_table_set_primary_key(sd_schema *s, sd_table *t,
                                         const char *name)
{
	sd_primary_key *pk = object_new(s, sizeof(*pk), SD_OBJ_PRIMARY_KEY,
	                                t->base.schema, name);

	t->primary_key = pk;
	return pk;
}

void sd_strlist_push(sd_arena *a, sd_strlist *l, const char *item)
{
	if ((l->n & (l->n - 1)) == 0) {
		size_t cap = l->n ? l->n * 2 : 4;
		const char **items = sd_arena_alloc(a, cap * sizeof(char *));
		if (l->n)
			memcpy(items, l->items, l->n * sizeof(char *));
		l->items = items;
	}
	l->items[l->n++] = sd_arena_strdup(a, item);
}

void sd_strlist_copy(sd_arena *a, sd_strlist *dst, const sd_strlist *src)
{
	size_t i;

	dst->items = NULL;
	dst->n = 0;
	for (i = 0; i < src->n; i++)
		sd_strlist_push(a, dst, src->items[i]);
}

static bool strlist_same(const sd_strlist *a, const sd_strlist *b,
                         bool (*eq)(const char *, const char *))
{
	size_t i;

	for (i = 0; a->n == b->n && i < a->n; i++)
		if (!eq(a->items[i], b->items[i]))
			return false;
	return a->n == b->n;
}

bool sd_strlist_equal(const sd_strlist *a, const sd_strlist *b)
{
	return strlist_same(a, b, sd_streq);
}

bool sd_strlist_iequal(const sd_strlist *a, const sd_strlist *b)
{
	return strlist_same(a, b, sd_strieq);
}

bool sd_strlist_contains(const sd_strlist *l, const char *item)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (sd_streq(l->items[i], item))
			return true;
	return false;
}

bool sd_strlist_same_set(const sd_strlist *a, const sd_strlist *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (!sd_strlist_contains(b, a->items[i]))
			return false;
	return true;
}

void sd_schema_index(sd_schema *s)
{
	size_t i, j;

	s->table_map = sd_map_new(s->arena, s->ntables);
	for (i = 0; i < s->ntables; i++) {
		sd_table *t = s->tables[i];
		sd_map_put(s->table_map,
		           sd_qualified_name(s->arena, t->base.schema,
		                             t->base.name),
		           t);
		t->column_map = NULL;
		if (t->ncolumns <= SD_COLUMN_MAP_MIN)
			continue;
		t->column_map = sd_map_new(s->arena, t->ncolumns);
		for (j = 0; j < t->ncolumns; j++)
			sd_map_put(t->column_map, t->columns[j]->base.name,
			           t->columns[j]);
	}
	s->enum_map = sd_map_new(s->arena, s->nenums);
	for (i = 0; i < s->nenums; i++)
		sd_map_put(s->enum_map,
		           sd_qualified_name(s->arena, s->enums[i]->base.schema,
		                             s->enums[i]->base.name),
		           s->enums[i]);
	s->sequence_map = sd_map_new(s->arena, s->nsequences);
	for (i = 0; i < s->nsequences; i++)
		sd_map_put(s->sequence_map,
		           sd_qualified_name(s->arena,
		                             s->sequences[i]->base.schema,
		                             s->sequences[i]->base.name),
		           s->sequences[i]);
}

static const void *find_qualified(const sd_map *m, const char *schema,
                                  const char *name)
{
	char stack[256];
	size_t ns, nn;

	if (!m || !name)
		return NULL;
	if (!schema)
		return sd_map_get(m, name);
	ns = strlen(schema);
	nn = strlen(name);
	if (ns + nn + 2 <= sizeof(stack)) {
		memcpy(stack, schema, ns);
		stack[ns] = '.';
		memcpy(stack + ns + 1, name, nn + 1);
		return sd_map_get(m, stack);
	} else {
		char *key = sd_xmalloc(ns + nn + 2);
		const void *v;
		memcpy(key, schema, ns);
		key[ns] = '.';
		memcpy(key + ns + 1, name, nn + 1);
		v = sd_map_get(m, key);
		free(key);
		return v;
	}
}

sd_table *sd_schema_find_table(const sd_schema *s, const char *schema,
                               const char *name)
{
	return (sd_table *)find_qualified(s->table_map, schema, name);
}

sd_enum *sd_schema_find_enum(const sd_schema *s, const char *schema,
                             const char *name)
{
	return (sd_enum *)find_qualified(s->enum_map, schema, name);
}

sd_sequence *sd_schema_find_sequence(const sd_schema *s, const char *schema,
                                     const char *name)
{
	return (sd_sequence *)find_qualified(s->sequence_map, schema, name);
}

sd_table *sd_table_partition_parent(const sd_schema *s, const sd_table *t)
{
	return t->partition_of ? sd_schema_find_table(s, t->partition_of_schema,
	                                              t->partition_of)
	                       : NULL;
}

bool sd_table_is_child(const sd_table *t)
{
	return t->partition_of || t->ninherits;
}

sd_column *sd_table_find_column(const sd_table *t, const char *name)
{
	size_t i;

	if (t->column_map)
		return sd_map_get(t->column_map, name);
	for (i = 0; i < t->ncolumns; i++)
		if (sd_streq(t->columns[i]->base.name, name))
			return t->columns[i];
	return NULL;
}

sd_index *sd_table_find_index(const sd_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nindexes; i++)
		if (sd_streq(t->indexes[i]->base.name, name))
			return t->indexes[i];
	return NULL;
}

bool sd_table_is_key(const sd_table *t, const sd_strlist *cols)
{
	const sd_primary_key *pk = t->primary_key;
	size_t i, k;

	if (pk && sd_strlist_same_set(&pk->columns, cols))
		return true;
	for (i = 0; i < t->nuniques; i++)
		if (sd_strlist_same_set(&t->uniques[i]->columns, cols))
			return true;
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		bool all = ix->unique && !ix->where.sql && ix->nkeys == cols->n;
		for (k = 0; all && k < ix->nkeys; k++)
			all = ix->keys[k].column &&
			      sd_strlist_contains(cols, ix->keys[k].column);
		if (all)
			return true;
	}
	return false;
}

static int cmp_object(const void *a, const void *b)
{
	const sd_object *x = *(const sd_object *const *)a;
	const sd_object *y = *(const sd_object *const *)b;
	int c = sd_strcmp_null(x->schema, y->schema);

	return c ? c : sd_strcmp_null(x->name, y->name);
}

#define SORT(arr, n)                                                         \
	do {                                                                 \
		if ((n) > 1)                                                 \
			qsort((arr), (n), sizeof(*(arr)), cmp_object);       \
	} while (0)

void sd_schema_sort(sd_schema *s)
{
	size_t i;

	SORT(s->tables, s->ntables);
	SORT(s->enums, s->nenums);
	SORT(s->sequences, s->nsequences);
	SORT(s->extensions, s->nextensions);
	SORT(s->collations, s->ncollations);
	SORT(s->domains, s->ndomains);
	SORT(s->composites, s->ncomposites);
	SORT(s->ranges, s->nranges);
	SORT(s->unmanaged, s->nunmanaged);
	for (i = 0; i < s->ndomains; i++)
		SORT(s->domains[i]->checks, s->domains[i]->nchecks);
	for (i = 0; i < s->ntables; i++) {
		sd_table *t = s->tables[i];
		SORT(t->uniques, t->nuniques);
		SORT(t->foreign_keys, t->nforeign_keys);
		SORT(t->checks, t->nchecks);
		SORT(t->indexes, t->nindexes);
		SORT(t->statistics, t->nstatistics);
	}
}

/* ------------------------------------------------------------------ */
/* Sequence options                                                    */
/* ------------------------------------------------------------------ */

int64_t sd_int_kind_min(sd_type_kind k)
{
	return k == SD_T_SMALLINT  ? INT16_MIN
	       : k == SD_T_INTEGER ? INT32_MIN
	                           : INT64_MIN;
}

int64_t sd_int_kind_max(sd_type_kind k)
{
	return k == SD_T_SMALLINT  ? INT16_MAX
	       : k == SD_T_INTEGER ? INT32_MAX
	                           : INT64_MAX;
}

void sd_seqopts_effective(const sd_seqopts *in, sd_type_kind deftype,
                          sd_seqopts *out)
{
	static const sd_seqopts none;
	const sd_seqopts *o = in ? in : &none;

	memset(out, 0, sizeof(*out));
	out->type = (o->set & SD_SEQ_TYPE) ? o->type : deftype;
	if (!sd_type_is_integer(out->type))
		out->type = SD_T_BIGINT;
	out->increment = (o->set & SD_SEQ_INCREMENT) && o->increment
		                 ? o->increment
		                 : 1;
	out->min = (o->set & SD_SEQ_MIN) ? o->min
	           : out->increment > 0  ? 1
	                                 : sd_int_kind_min(out->type);
	out->max = (o->set & SD_SEQ_MAX) ? o->max
	           : out->increment > 0  ? sd_int_kind_max(out->type)
	                                 : -1;
	out->start = (o->set & SD_SEQ_START) ? o->start
	             : out->increment > 0    ? out->min
	                                     : out->max;
	out->cache = (o->set & SD_SEQ_CACHE) && o->cache > 0 ? o->cache : 1;
	out->cycle = (o->set & SD_SEQ_CYCLE) && o->cycle;
	out->set = SD_SEQ_TYPE | SD_SEQ_START | SD_SEQ_INCREMENT | SD_SEQ_MIN |
	           SD_SEQ_MAX | SD_SEQ_CACHE | SD_SEQ_CYCLE;
}

bool sd_seqopts_equal(const sd_seqopts *a, const sd_seqopts *b,
                      sd_type_kind deftype)
{
	sd_seqopts x, y;

	sd_seqopts_effective(a, deftype, &x);
	sd_seqopts_effective(b, deftype, &y);
	return x.type == y.type && x.start == y.start &&
	       x.increment == y.increment && x.min == y.min &&
	       x.max == y.max && x.cache == y.cache && x.cycle == y.cycle;
}

/* ------------------------------------------------------------------ */
/* The default namespace                                               */
/* ------------------------------------------------------------------ */

const char *sd_namespace_default(void)
{
	return SD_NAMESPACE_DEFAULT;
}

const char *sd_namespace_key(const char *name)
{
	if (!name || !*name || strcmp(name, sd_namespace_default()) == 0)
		return NULL;
	return name;
}

/* ------------------------------------------------------------------ */
/* Expressions                                                         */
/* ------------------------------------------------------------------ */

static bool is_punct(char c)
{
	return c && strchr("(),=<>!+-*/%|&:;[]", c) != NULL;
}

/* Tokens whose text is kept as written: quoted names and literals. */
static bool kept_as_written(const sd_token *t)
{
	return t->kind == SD_TOK_QUOTED || t->kind == SD_TOK_STRING ||
	       t->kind == SD_TOK_DOLLAR;
}

/* A quoted identifier that reads the same bare: a lower-case word (any
 * case where names are case-insensitive). */
static bool plain_word(const char *s, bool any_case)
{
	size_t i;

	if (!s || !*s || isdigit((unsigned char)s[0]))
		return false;
	for (i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(c == '_' || isdigit(c) || c >= 0x80 ||
		      (c >= 'a' && c <= 'z') ||
		      (any_case && c >= 'A' && c <= 'Z')))
			return false;
	}
	return true;
}

enum { FOLD_EXPR = 1 << 0, FOLD_UNQUOTE = 1 << 1 };

/* sd_expr_fold (FOLD_EXPR) and sd_sql_fold (FOLD_UNQUOTE) */
static const char *fold_sql(sd_arena *a, const char *sql, sd_sql_lang lang,
                            unsigned how)
{
	sd_buf b = SD_BUF_INIT;
	sd_lexer lx;
	sd_token t;
	bool space = false;
	const char *out;
	size_t i;

	if (!sql)
		return NULL;
	sd_lex_init(&lx, sql, strlen(sql), lang,
	            SD_LEX_SPACE | (how & FOLD_EXPR ? SD_LEX_COMMENTS : 0));
	sd_buf_put(&b, "");
	while (sd_lex_next(&lx, &t)) {
		const char *text = t.s;
		size_t n = t.n;
		bool kept = kept_as_written(&t) || t.kind == SD_TOK_COMMENT;
		if (t.kind == SD_TOK_SPACE) {
			space = true;
			continue;
		}
		if ((how & FOLD_UNQUOTE) && t.kind == SD_TOK_QUOTED) {
			char *name = sd_tok_ident(a, &t, false);
			if (plain_word(name, lang == SD_SQL_SQLITE)) {
				text = name;
				n = strlen(name);
				kept = false;
			}
		}
		if (space && b.len && !is_punct(b.data[b.len - 1]) &&
		    (kept_as_written(&t) || !is_punct(t.s[0])))
			sd_buf_putc(&b, ' ');
		space = false;
		if (kept) {
			sd_buf_putn(&b, text, n);
			continue;
		}
		for (i = 0; i < n; i++)
			sd_buf_putc(&b, (char)tolower((unsigned char)text[i]));
	}
	if (how & FOLD_EXPR) {
		/* One layer of redundant outer parentheses: "(a > 1)" ->
		 * "a > 1". */
		if (b.len >= 2 && sd_sql_is_parenthesized(b.data, lang))
			out = sd_arena_strndup(a, b.data + 1, b.len - 2);
		else
			out = sd_arena_strdup(a, b.data);
	} else {
		while (b.len && (b.data[b.len - 1] == ';' ||
		                 b.data[b.len - 1] == ' '))
			sd_buf_truncate(&b, b.len - 1);
		out = sd_arena_strdup(a, sd_buf_cstr(&b));
	}
	sd_buf_free(&b);
	return out;
}

const char *sd_expr_fold(sd_arena *a, const char *sql)
{
	return fold_sql(a, sql, SD_SQL_SQLITE, FOLD_EXPR);
}

const char *sd_sql_fold(sd_arena *a, const char *sql, sd_sql_lang lang)
{
	return fold_sql(a, sql, lang, FOLD_UNQUOTE);
}

bool sd_expr_equal(sd_arena *scratch, const sd_expr *a, const sd_expr *b)
{
	if (!a->sql || !b->sql)
		return !a->sql && !b->sql;
	if (a->canon && b->canon)
		return strcmp(a->canon, b->canon) == 0;
	return strcmp(sd_expr_fold(scratch, a->sql),
	              sd_expr_fold(scratch, b->sql)) == 0;
}

/* ------------------------------------------------------------------ */
/* FK actions                                                          */
/* ------------------------------------------------------------------ */

/* Each action as SQL writes it and as the models write it. */
static const struct {
	const char *sql, *word;
} fk_actions[] = {
	[SD_FK_NO_ACTION] = {"NO ACTION", "no action"},
	[SD_FK_RESTRICT] = {"RESTRICT", "restrict"},
	[SD_FK_CASCADE] = {"CASCADE", "cascade"},
	[SD_FK_SET_NULL] = {"SET NULL", "set null"},
	[SD_FK_SET_DEFAULT] = {"SET DEFAULT", "set default"},
};

bool sd_fk_delete_written(const sd_foreign_key *fk)
{
	return fk->on_delete != SD_FK_NO_ACTION || fk->delete_written;
}

bool sd_fk_update_written(const sd_foreign_key *fk)
{
	return fk->on_update != SD_FK_NO_ACTION || fk->update_written;
}

const char *sd_fk_action_sql(sd_fk_action a)
{
	return fk_actions[(unsigned)a < SD_ARRAY_LEN(fk_actions) ? a : 0].sql;
}

const char *sd_fk_action_word(sd_fk_action a)
{
	return fk_actions[(unsigned)a < SD_ARRAY_LEN(fk_actions) ? a : 0].word;
}

int sd_fk_action_parse(const char *text, sd_fk_action *out)
{
	size_t i, j;

	for (i = 0; i < SD_ARRAY_LEN(fk_actions); i++) {
		const char *w = fk_actions[i].word;
		for (j = 0; text[j] && w[j]; j++)
			if (tolower((unsigned char)text[j]) != w[j] &&
			    !(text[j] == '_' && w[j] == ' '))
				break;
		if (!text[j] && !w[j]) {
			*out = (sd_fk_action)i;
			return SD_OK;
		}
	}
	return SD_EINPUT;
}

const char *sd_column_attr_name(const sd_column *c, sd_column_attr attr)
{
	return sd_column_x(c)->sqlite_names ? sd_column_x(c)->sqlite_names[attr] : NULL;
}

bool sd_column_attr_names_equal(const sd_column *a, const sd_column *b)
{
	int i;

	for (i = 0; i < SD_ATTR__COUNT; i++)
		if (!sd_streq(sd_column_attr_name(a, (sd_column_attr)i),
		              sd_column_attr_name(b, (sd_column_attr)i)))
			return false;
	return true;
}

/* The objects of t that may be unnamed, in a fixed order, into v. */
static void table_named_objects(sd_arena *a, sd_table *t, sd_vec *v)
{
	size_t i;

	v->n = 0;
	if (t->primary_key)
		sd_vec_push(a, v, &t->primary_key->base);
	for (i = 0; i < t->nuniques; i++)
		sd_vec_push(a, v, &t->uniques[i]->base);
	for (i = 0; i < t->nindexes; i++)
		sd_vec_push(a, v, &t->indexes[i]->base);
	for (i = 0; i < t->nchecks; i++)
		sd_vec_push(a, v, &t->checks[i]->base);
	for (i = 0; i < t->nforeign_keys; i++)
		sd_vec_push(a, v, &t->foreign_keys[i]->base);
}

void sd_schema_unclash_unnamed(sd_schema *s)
{
	sd_arena *tmp = sd_arena_new();
	sd_map *taken = sd_map_new(tmp, 64);
	sd_vec objs = {NULL, 0, 0};
	size_t i, k;

	for (i = 0; i < s->ntables; i++) {
		table_named_objects(tmp, s->tables[i], &objs);
		for (k = 0; k < objs.n; k++) {
			const sd_object *o = objs.items[k];
			if (o->name && !o->unnamed)
				sd_map_put(taken, o->name, (void *)o);
		}
	}
	for (i = 0; i < s->ntables; i++) {
		table_named_objects(tmp, s->tables[i], &objs);
		for (k = 0; k < objs.n; k++) {
			sd_object *o = objs.items[k];
			const char *name;
			unsigned n = 0;
			if (!o->name || !o->unnamed || !sd_map_get(taken, o->name))
				continue;
			do
				name = sd_arena_printf(tmp, "%s_%u", o->name, ++n);
			while (sd_map_get(taken, name));
			o->name = sd_arena_strdup(s->arena, name);
			o->name_unclashed = true;
			sd_map_put(taken, o->name, o);
		}
	}
	sd_arena_free(tmp);
}
