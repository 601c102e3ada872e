/*
 * schemagen.c - seeded random schemas, mutations and rows for the
 * convergence suite. See schemagen.h for the invariants the mutator keeps.
 */
#include "gen/schemagen.h"
#include "model/logic.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* PRNG                                                                */
/* ------------------------------------------------------------------ */

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t sd_rng_mix(uint64_t seed, uint64_t index)
{
	uint64_t x = seed ^ (index * 0xd1342543de82ef95ULL);
	return splitmix(&x);
}

void sd_rng_seed(sd_rng *r, uint64_t seed)
{
	uint64_t x = seed;
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t sd_rng_next(sd_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

unsigned sd_rng_below(sd_rng *r, unsigned n)
{
	if (n == 0)
		return 0;
	return (unsigned)(sd_rng_next(r) % n);
}

bool sd_rng_chance(sd_rng *r, unsigned percent)
{
	return sd_rng_below(r, 100) < percent;
}

/* ------------------------------------------------------------------ */
/* Options and names                                                   */
/* ------------------------------------------------------------------ */

void sd_gen_opts_default(sd_gen_opts *o, bool postgres)
{
	memset(o, 0, sizeof(*o));
	o->postgres = postgres;
	o->max_tables = 4;
	o->max_columns = 5;
	o->max_mutations = 3;
	o->mutations = SD_MUT_ALL;
	o->features = SD_GEN_FEATURES_ALL;
	if (!postgres) {
		o->features &= ~(unsigned)(SD_GEN_EXPR_INDEX |
		                           SD_GEN_PARTIAL_INDEX |
		                           SD_GEN_FK_OPTIONS | SD_GEN_COMMENTS |
		                           SD_GEN_PG_TABLE_SETTINGS |
		                           SD_GEN_PG_LOGIC);
		o->mutations &= ~(unsigned)SD_MUT_TABLE_SETTINGS;
	} else
		o->features &= ~(unsigned)SD_GEN_SQLITE_LOGIC;
}

static const char *const mutation_names[SD_MUT__COUNT] = {
	"add_table",     "drop_table",     "rename_table",  "add_column",
	"drop_column",   "rename_column",  "type_widen",    "type_narrow",
	"type_cast",     "set_not_null",   "drop_not_null", "set_default",
	"drop_default",  "add_index",      "drop_index",    "add_unique",
	"drop_unique",   "add_check",      "drop_check",    "add_fk",
	"drop_fk",       "enum_add_value", "enum_drop_value", "table_settings",
};

const char *sd_gen_mutation_name(unsigned bit)
{
	unsigned i;

	for (i = 0; i < SD_MUT__COUNT; i++)
		if (bit == (1u << i))
			return mutation_names[i];
	return NULL;
}

bool sd_gen_mutations_parse(const char *list, unsigned *out)
{
	unsigned bits = 0, i;
	const char *p = list;

	if (strncmp(list, "0x", 2) == 0) {
		char *end;
		unsigned long v = strtoul(list + 2, &end, 16);
		if (*end || v > SD_MUT_ALL)
			return false;
		*out = (unsigned)v;
		return true;
	}
	while (*p) {
		size_t n = strcspn(p, ",");
		bool found = false;
		if (n == 3 && strncmp(p, "all", 3) == 0) {
			bits |= SD_MUT_ALL;
			found = true;
		}
		for (i = 0; i < SD_MUT__COUNT && !found; i++)
			if (strlen(mutation_names[i]) == n &&
			    strncmp(p, mutation_names[i], n) == 0) {
				bits |= 1u << i;
				found = true;
			}
		if (!found && n)
			return false;
		p += n;
		if (*p == ',')
			p++;
	}
	*out = bits;
	return true;
}

/* true when name is a table, enum, index or constraint name anywhere in s
 * (PostgreSQL puts tables, indexes and index-backed constraints in one
 * namespace; using one global namespace for everything is simplest). */
static bool name_used(const sd_schema *s, const char *name)
{
	size_t i, j;

	if (!s)
		return false;
	for (i = 0; i < s->nenums; i++)
		if (sd_streq(s->enums[i]->base.name, name))
			return true;
	for (i = 0; i < s->ntables; i++) {
		const sd_table *t = s->tables[i];
		if (sd_streq(t->base.name, name) ||
		    sd_streq(t->renamed_from, name))
			return true;
		if (t->primary_key && sd_streq(t->primary_key->base.name, name))
			return true;
		for (j = 0; j < t->nuniques; j++)
			if (sd_streq(t->uniques[j]->base.name, name))
				return true;
		for (j = 0; j < t->nforeign_keys; j++)
			if (sd_streq(t->foreign_keys[j]->base.name, name))
				return true;
		for (j = 0; j < t->nchecks; j++)
			if (sd_streq(t->checks[j]->base.name, name))
				return true;
		for (j = 0; j < t->nindexes; j++)
			if (sd_streq(t->indexes[j]->base.name, name))
				return true;
	}
	return false;
}

/* A name "prefix<N>" used by neither s nor other, in s's arena. */
static const char *fresh_name(sd_schema *s, const sd_schema *other,
                              const char *prefix)
{
	unsigned n;

	for (n = 1;; n++) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%s%u", prefix, n);
		if (!name_used(s, buf) && !name_used(other, buf))
			return sd_arena_strdup(s->arena, buf);
	}
}

static bool column_name_used(const sd_table *t, const sd_table *other,
                             const char *name)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++)
		if (sd_streq(t->columns[i]->base.name, name) ||
		    sd_streq(sd_column_x(t->columns[i])->renamed_from, name))
			return true;
	if (other)
		for (i = 0; i < other->ncolumns; i++)
			if (sd_streq(other->columns[i]->base.name, name))
				return true;
	return false;
}

static const char *fresh_column(sd_schema *s, const sd_table *t,
                                const sd_table *other, const char *prefix)
{
	unsigned n;

	for (n = 1;; n++) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%s%u", prefix, n);
		if (!column_name_used(t, other, buf))
			return sd_arena_strdup(s->arena, buf);
	}
}

/* ------------------------------------------------------------------ */
/* Types, defaults and values                                          */
/* ------------------------------------------------------------------ */

bool sd_gen_type_is_key(const sd_type *t)
{
	switch (t->kind) {
	case SD_T_SMALLINT:
	case SD_T_INTEGER:
	case SD_T_BIGINT:
	case SD_T_NUMERIC:
	case SD_T_STRING:
	case SD_T_CHAR:
	case SD_T_TEXT:
	case SD_T_UUID:
	case SD_T_DATE:
		return true;
	default:
		return false;
	}
}

static bool type_is_number(sd_type_kind k)
{
	return k == SD_T_SMALLINT || k == SD_T_INTEGER || k == SD_T_BIGINT ||
	       k == SD_T_NUMERIC || k == SD_T_REAL || k == SD_T_FLOAT;
}

static bool type_is_string(sd_type_kind k)
{
	return k == SD_T_STRING || k == SD_T_CHAR || k == SD_T_TEXT;
}

static sd_type make_type(sd_type_kind k)
{
	sd_type t;

	memset(&t, 0, sizeof(t));
	t.kind = k;
	t.length = t.precision = t.scale = -1;
	return t;
}

/* A random type; key_only limits it to key types. */
static sd_type random_type(sd_rng *r, sd_schema *s, const sd_gen_opts *o,
                           bool key_only)
{
	static const sd_type_kind keys[] = {
		SD_T_SMALLINT, SD_T_INTEGER, SD_T_BIGINT, SD_T_NUMERIC,
		SD_T_STRING,   SD_T_CHAR,    SD_T_TEXT,   SD_T_UUID,
		SD_T_DATE,     SD_T_INTEGER, SD_T_STRING,
	};
	static const sd_type_kind others[] = {
		SD_T_BOOLEAN,   SD_T_REAL,        SD_T_FLOAT, SD_T_TIME,
		SD_T_TIMESTAMP, SD_T_TIMESTAMPTZ, SD_T_INTERVAL, SD_T_JSON,
		SD_T_JSONB,     SD_T_BINARY,      SD_T_ENUM,
	};
	sd_type t;
	sd_type_kind k;

	for (;;) {
		if (key_only || sd_rng_chance(r, 55))
			k = keys[sd_rng_below(r, SD_ARRAY_LEN(keys))];
		else
			k = others[sd_rng_below(r, SD_ARRAY_LEN(others))];
		if (k == SD_T_INTERVAL && !(o->features & SD_GEN_INTERVAL))
			continue;
		if ((k == SD_T_JSON || k == SD_T_JSONB) &&
		    !(o->features & SD_GEN_JSON))
			continue;
		if (k == SD_T_BINARY && !(o->features & SD_GEN_BINARY))
			continue;
		if (k == SD_T_ENUM && !(o->features & SD_GEN_ENUMS))
			continue;
		break;
	}
	t = make_type(k);
	switch (k) {
	case SD_T_NUMERIC:
		t.precision = 6 + (int)sd_rng_below(r, 7);
		t.scale = 2 + (int)sd_rng_below(r, 3);
		break;
	case SD_T_STRING:
		t.length = 8 + 8 * (int)sd_rng_below(r, 8);
		break;
	case SD_T_CHAR:
		t.length = 4 + (int)sd_rng_below(r, 6);
		break;
	case SD_T_ENUM:
		if (s->nenums == 0 || sd_rng_chance(r, 25)) {
			sd_enum *e = sd_schema_add_enum(
				s, NULL, fresh_name(s, NULL, "e"));
			unsigned n = 2 + sd_rng_below(r, 3), i;
			for (i = 0; i < n; i++) {
				char v[16];
				snprintf(v, sizeof(v), "v%u", i);
				sd_strlist_push(s->arena, &e->values, v);
			}
			t.name = e->base.name;
		} else {
			t.name = s->enums[sd_rng_below(r, (unsigned)s->nenums)]
			             ->base.name;
		}
		break;
	default:
		break;
	}
	return t;
}

static const sd_enum *find_enum(const sd_schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nenums; i++)
		if (sd_streq(s->enums[i]->base.name, name))
			return s->enums[i];
	return NULL;
}

/*
 * A constant of type t as SQL text, positive and non-empty so that it
 * satisfies the generated checks. variant picks among a few forms.
 */
static const char *literal_sql(sd_schema *s, const sd_type *t, bool pg,
                               unsigned variant, bool funcs)
{
	switch (t->kind) {
	case SD_T_SMALLINT:
	case SD_T_INTEGER:
	case SD_T_BIGINT:
		return variant % 2 ? "7" : "42";
	case SD_T_NUMERIC:
	case SD_T_REAL:
	case SD_T_FLOAT:
		return variant % 2 ? "1.5" : "3";
	case SD_T_BOOLEAN:
		if (pg)
			return variant % 2 ? "true" : "false";
		return variant % 2 ? "1" : "0";
	case SD_T_STRING:
	case SD_T_CHAR:
	case SD_T_TEXT:
		return variant % 2 ? "'dx'" : "'d''q'";
	case SD_T_DATE:
		if (funcs && variant % 3 == 2)
			return "CURRENT_DATE";
		return "'2024-02-01'";
	case SD_T_TIME:
		return "'08:00:00'";
	case SD_T_TIMESTAMP:
	case SD_T_TIMESTAMPTZ:
		if (funcs && variant % 3 == 2)
			return "CURRENT_TIMESTAMP";
		return "'2024-02-01 08:00:00'";
	case SD_T_INTERVAL:
		return "'1 day'";
	case SD_T_JSON:
	case SD_T_JSONB:
		return "'{}'";
	case SD_T_UUID:
		return "'00000000-0000-4000-8000-000000000000'";
	case SD_T_BINARY:
		return pg ? "'\\x00'" : "X'00'";
	case SD_T_ENUM: {
		const sd_enum *e = find_enum(s, t->name);
		return sd_arena_printf(s->arena, "'%s'",
		                       e && e->values.n ? e->values.items[0]
		                                        : "v0");
	}
	default:
		return "NULL";
	}
}

static unsigned name_hash(const char *s)
{
	return (unsigned)(sd_hash_str(s) & 0xffff);
}

const char *sd_gen_value(const sd_schema *s, const sd_table *t,
                         const sd_column *c, unsigned row, bool pg)
{
	sd_arena *a = s->arena;
	unsigned i = row;

	(void)t;
	if (!sd_gen_type_is_key(&c->type) && c->nullable &&
	    (i + name_hash(c->base.name)) % 3 == 0)
		return NULL;
	switch (c->type.kind) {
	case SD_T_SMALLINT:
	case SD_T_INTEGER:
	case SD_T_BIGINT:
		return sd_arena_printf(a, "%u", i + 1);
	case SD_T_NUMERIC:
		return sd_arena_printf(a, "%u.25", i + 1);
	case SD_T_STRING:
	case SD_T_CHAR:
	case SD_T_TEXT:
		return sd_arena_printf(a, "v%u", i);
	case SD_T_UUID:
		return sd_arena_printf(
			a, "00000000-0000-4000-8000-%012u", i + 1);
	case SD_T_DATE:
		return sd_arena_printf(a, "2024-01-%02u", i + 1);
	case SD_T_BOOLEAN:
		if (pg)
			return i % 2 ? "true" : "false";
		return i % 2 ? "1" : "0";
	case SD_T_REAL:
	case SD_T_FLOAT:
		return sd_arena_printf(a, "%u.5", i + 1);
	case SD_T_TIME:
		return sd_arena_printf(a, "12:00:%02u", i);
	case SD_T_TIMESTAMP:
		return sd_arena_printf(a, "2024-01-01 12:00:%02u", i);
	case SD_T_TIMESTAMPTZ:
		return sd_arena_printf(a, "2024-01-01 12:00:%02u+00", i);
	case SD_T_INTERVAL:
		return sd_arena_printf(a, "%u days", i + 2);
	case SD_T_JSON:
	case SD_T_JSONB:
		return sd_arena_printf(a, "{\"k\": %u}", i);
	case SD_T_BINARY:
		return pg ? sd_arena_printf(a, "\\x0%u", i) : sd_arena_printf(a, "b%u", i);
	case SD_T_ENUM: {
		const sd_enum *e = find_enum(s, c->type.name);
		return e && e->values.n ? e->values.items[0] : "v0";
	}
	default:
		return sd_arena_printf(a, "%u", i);
	}
}

/* ------------------------------------------------------------------ */
/* Expressions: identifier tokens                                      */
/* ------------------------------------------------------------------ */

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

bool sd_gen_expr_mentions(const char *sql, const char *name)
{
	const char *p = sql;
	size_t n = strlen(name);

	if (!sql)
		return false;
	while (*p) {
		if (*p == '\'') {
			p++;
			while (*p && *p != '\'')
				p++;
			if (*p)
				p++;
			continue;
		}
		if (ident_char(*p)) {
			const char *st = p;
			while (ident_char(*p))
				p++;
			if ((size_t)(p - st) == n && strncmp(st, name, n) == 0)
				return true;
			continue;
		}
		p++;
	}
	return false;
}

/* sql with every identifier token `from` replaced by `to`. */
static const char *expr_rename(sd_arena *a, const char *sql, const char *from,
                               const char *to)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = sql;
	size_t n = strlen(from);
	const char *res;

	if (!sql)
		return NULL;
	while (*p) {
		if (ident_char(*p)) {
			const char *st = p;
			while (ident_char(*p))
				p++;
			if ((size_t)(p - st) == n && strncmp(st, from, n) == 0)
				sd_buf_put(&b, to);
			else
				sd_buf_putn(&b, st, (size_t)(p - st));
			continue;
		}
		if (*p == '\'') {
			const char *st = p++;
			while (*p && *p != '\'')
				p++;
			if (*p)
				p++;
			sd_buf_putn(&b, st, (size_t)(p - st));
			continue;
		}
		sd_buf_putc(&b, *p++);
	}
	res = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return res;
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */
/* ------------------------------------------------------------------ */

static sd_table *table_named(const sd_schema *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->ntables; i++)
		if (sd_streq(s->tables[i]->base.name, name))
			return s->tables[i];
	return NULL;
}

static sd_column *column_named(const sd_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++)
		if (sd_streq(t->columns[i]->base.name, name))
			return t->columns[i];
	return NULL;
}

static bool in_pk(const sd_table *t, const char *col)
{
	return t->primary_key &&
	       sd_strlist_contains(&t->primary_key->columns, col);
}

static bool index_uses(const sd_index *ix, const char *col)
{
	size_t k;

	for (k = 0; k < ix->nkeys; k++)
		if (sd_streq(ix->keys[k].column, col) ||
		    sd_gen_expr_mentions(ix->keys[k].expression.sql, col))
			return true;
	return sd_gen_expr_mentions(ix->where.sql, col);
}

/* true when col is in any key-like structure of t (PK, unique, index, FK)
 * or referenced by an FK of any table. */
static bool column_keyed(const sd_schema *s, const sd_table *t,
                         const char *col)
{
	size_t i, j;

	if (in_pk(t, col))
		return true;
	for (i = 0; i < t->nuniques; i++)
		if (sd_strlist_contains(&t->uniques[i]->columns, col))
			return true;
	for (i = 0; i < t->nindexes; i++)
		if (index_uses(t->indexes[i], col))
			return true;
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_strlist_contains(&t->foreign_keys[i]->columns, col))
			return true;
	for (i = 0; i < s->ntables; i++)
		for (j = 0; j < s->tables[i]->nforeign_keys; j++) {
			const sd_foreign_key *f = s->tables[i]->foreign_keys[j];
			if (sd_streq(f->ref_table, t->base.name) &&
			    sd_strlist_contains(&f->ref_columns, col))
				return true;
		}
	return false;
}

static bool column_in_fk(const sd_schema *s, const sd_table *t,
                         const char *col)
{
	size_t i, j;

	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_strlist_contains(&t->foreign_keys[i]->columns, col))
			return true;
	for (i = 0; i < s->ntables; i++)
		for (j = 0; j < s->tables[i]->nforeign_keys; j++) {
			const sd_foreign_key *f = s->tables[i]->foreign_keys[j];
			if (sd_streq(f->ref_table, t->base.name) &&
			    sd_strlist_contains(&f->ref_columns, col))
				return true;
		}
	return false;
}

static bool column_in_check(const sd_table *t, const char *col)
{
	size_t i;

	for (i = 0; i < t->nchecks; i++)
		if (sd_gen_expr_mentions(t->checks[i]->expression.sql, col))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Removal (keeps the schema valid)                                    */
/* ------------------------------------------------------------------ */

#define REMOVE_AT(arr, n, i)                                                 \
	do {                                                                 \
		memmove(&(arr)[i], &(arr)[(i) + 1],                          \
		        ((n) - (i)-1) * sizeof(*(arr)));                     \
		(n)--;                                                       \
	} while (0)

void sd_gen_remove_fk(sd_table *t, size_t i)
{
	REMOVE_AT(t->foreign_keys, t->nforeign_keys, i);
}

void sd_gen_remove_check(sd_table *t, size_t i)
{
	REMOVE_AT(t->checks, t->nchecks, i);
}

void sd_gen_remove_index(sd_table *t, size_t i)
{
	REMOVE_AT(t->indexes, t->nindexes, i);
}

/* Drops every FK (of any table) that points at table `name`, restricted to
 * FKs using one of cols when cols is not NULL. */
static void remove_fks_to(sd_schema *s, const char *name,
                          const sd_strlist *cols)
{
	size_t i, j, k;

	for (i = 0; i < s->ntables; i++) {
		sd_table *t = s->tables[i];
		for (j = t->nforeign_keys; j-- > 0;) {
			const sd_foreign_key *f = t->foreign_keys[j];
			bool hit = sd_streq(f->ref_table, name);
			if (hit && cols) {
				hit = false;
				for (k = 0; k < cols->n; k++)
					if (sd_strlist_contains(&f->ref_columns,
					                        cols->items[k]))
						hit = true;
			}
			if (hit)
				sd_gen_remove_fk(t, j);
		}
	}
}

void sd_gen_remove_unique(sd_schema *s, sd_table *t, size_t i)
{
	sd_unique *u = t->uniques[i];
	size_t j;

	/* FKs need the exact column set to stay unique */
	for (j = 0; j < s->ntables; j++) {
		sd_table *o = s->tables[j];
		size_t k;
		for (k = o->nforeign_keys; k-- > 0;) {
			const sd_foreign_key *f = o->foreign_keys[k];
			if (sd_streq(f->ref_table, t->base.name) &&
			    sd_strlist_equal(&f->ref_columns, &u->columns) &&
			    !(t->primary_key &&
			      sd_strlist_equal(&t->primary_key->columns,
			                       &u->columns)))
				sd_gen_remove_fk(o, k);
		}
	}
	REMOVE_AT(t->uniques, t->nuniques, i);
}

/* The query of the view generated over table `table`. */
static const char *logic_query(sd_arena *a, const char *table)
{
	return sd_arena_printf(a, "SELECT count(*) AS n FROM \"%s\"", table);
}

/*
 * A view over t and a trigger on it (SD_GEN_SQLITE_LOGIC): they name the
 * table only, so no column change breaks them, and whatever rebuilds, drops
 * or renames the table must take them along.
 */
static void add_table_logic(sd_schema *s, const sd_table *t)
{
	const char *table = t->base.name;
	sd_view *v = sd_logic_add_view(
		s, NULL, sd_arena_printf(s->arena, "v_%s", table));
	sd_trigger *tr = sd_logic_add_trigger(
		s, NULL, table, sd_arena_printf(s->arena, "tr_%s", table));

	v->query.sql = logic_query(s->arena, table);
	tr->timing = "after";
	tr->events = SD_TRIG_DELETE;
	tr->each_row = true;
	/* the body names a column: renamed with it, dropped with it */
	tr->body = t->ncolumns ? sd_arena_printf(s->arena, "SELECT old.%s;",
	                                         t->columns[0]->base.name)
	                       : "SELECT 1;";
}

/* The name of the plpgsql function a generated PostgreSQL trigger on
 * table `table` executes. */
static const char *pg_trigger_function(sd_arena *a, const char *table)
{
	return sd_arena_printf(a, "f_%s", table);
}

/*
 * SD_GEN_PG_LOGIC: a view naming column c of t (so that a type change of
 * c must drop and recreate it, a rename of c or t rewrites it, and a drop
 * of either drops it), and a BEFORE UPDATE trigger on t with the plpgsql
 * function it executes (which t's rename takes along and its drop drops).
 */
static void add_pg_logic(sd_schema *s, const sd_table *t, const sd_column *c)
{
	const char *table = t->base.name;
	sd_view *v = sd_logic_add_view(
		s, NULL, sd_arena_printf(s->arena, "v_%s", table));
	sd_function *f = sd_logic_add_function(
		s, NULL, pg_trigger_function(s->arena, table));
	sd_trigger *tr = sd_logic_add_trigger(
		s, NULL, table, sd_arena_printf(s->arena, "tr_%s", table));

	v->query.sql = sd_arena_printf(s->arena, "SELECT %s FROM %s",
	                               c->base.name, table);
	f->returns = "trigger";
	f->language = "plpgsql";
	f->body = "BEGIN RETURN NEW; END";
	f->identity = ""; /* no arguments, as the loader says it */
	tr->timing = "before";
	tr->events = SD_TRIG_UPDATE;
	tr->each_row = true;
	tr->function = f->base.name;
}

/* The triggers on table `table` whose body names column `col`: renamed
 * to `nw`, or dropped (nw NULL). */
static void trigger_column_follow(sd_schema *s, const char *table,
                                  const char *col, const char *nw)
{
	sd_logic *l = sd_schema_logic(s);
	size_t i, n;

	for (i = n = 0; i < l->ntriggers; i++) {
		sd_trigger *tr = l->triggers[i];
		if (sd_streq(tr->table, table) &&
		    sd_gen_expr_mentions(tr->body, col)) {
			if (!nw)
				continue;
			tr->body = expr_rename(s->arena, tr->body, col, nw);
		}
		l->triggers[n++] = tr;
	}
	l->ntriggers = n;
	/* PostgreSQL's views name a column of their table */
	for (i = n = 0; i < l->nviews; i++) {
		sd_view *v = l->views[i];
		const char *q = v->query.sql;
		if (q && strcmp(q, logic_query(s->arena, table)) != 0 &&
		    sd_gen_expr_mentions(q, table) &&
		    sd_gen_expr_mentions(q, col)) {
			if (!nw)
				continue;
			v->query.sql = expr_rename(s->arena, q, col, nw);
		}
		l->views[n++] = v;
	}
	l->nviews = n;
}

/* The view and trigger of table `old` follow it to `nw` (NULL: dropped
 * with it). */
static void table_logic_follow(sd_schema *s, const char *old, const char *nw)
{
	sd_logic *l = sd_schema_logic(s);
	size_t i, n;

	for (i = n = 0; i < l->nviews; i++) {
		sd_view *v = l->views[i];
		if (v->query.sql &&
		    strcmp(v->query.sql, logic_query(s->arena, old)) == 0) {
			if (!nw)
				continue;
			v->query.sql = logic_query(s->arena, nw);
		} else if (v->query.sql &&
		           sd_gen_expr_mentions(v->query.sql, old)) {
			if (!nw)
				continue;
			v->query.sql = expr_rename(s->arena, v->query.sql, old,
			                           nw);
		}
		l->views[n++] = v;
	}
	l->nviews = n;
	for (i = n = 0; i < l->ntriggers; i++) {
		sd_trigger *tr = l->triggers[i];
		if (sd_streq(tr->table, old)) {
			if (!nw) {
				/* its function goes with it */
				size_t k, m;
				for (k = m = 0; tr->function && k < l->nfunctions;
				     k++)
					if (!sd_streq(l->functions[k]->base.name,
					              tr->function))
						l->functions[m++] = l->functions[k];
				if (tr->function)
					l->nfunctions = m;
				continue;
			}
			tr->table = nw;
		}
		l->triggers[n++] = tr;
	}
	l->ntriggers = n;
	sd_logic_sort(s);
}

void sd_gen_remove_table(sd_schema *s, size_t ti)
{
	sd_table *t = s->tables[ti];

	table_logic_follow(s, t->base.name, NULL);
	remove_fks_to(s, t->base.name, NULL);
	REMOVE_AT(s->tables, s->ntables, ti);
	sd_schema_index(s);
}

void sd_gen_remove_column(sd_schema *s, sd_table *t, size_t ci)
{
	const char *col = t->columns[ci]->base.name;
	sd_strlist one = {NULL, 0};
	size_t i;

	sd_strlist_push(s->arena, &one, col);
	trigger_column_follow(s, t->base.name, col, NULL);
	if (in_pk(t, col)) {
		remove_fks_to(s, t->base.name, &t->primary_key->columns);
		t->primary_key = NULL;
	}
	for (i = t->nuniques; i-- > 0;)
		if (sd_strlist_contains(&t->uniques[i]->columns, col))
			sd_gen_remove_unique(s, t, i);
	remove_fks_to(s, t->base.name, &one);
	for (i = t->nforeign_keys; i-- > 0;)
		if (sd_strlist_contains(&t->foreign_keys[i]->columns, col))
			sd_gen_remove_fk(t, i);
	for (i = t->nchecks; i-- > 0;)
		if (sd_gen_expr_mentions(t->checks[i]->expression.sql, col))
			sd_gen_remove_check(t, i);
	for (i = t->nindexes; i-- > 0;)
		if (index_uses(t->indexes[i], col))
			sd_gen_remove_index(t, i);
	REMOVE_AT(t->columns, t->ncolumns, ci);
	sd_schema_index(s);
}

/* ------------------------------------------------------------------ */
/* Clone                                                               */
/* ------------------------------------------------------------------ */

static void copy_list(sd_arena *a, sd_strlist *dst, const sd_strlist *src)
{
	size_t i;

	dst->items = NULL;
	dst->n = 0;
	for (i = 0; i < src->n; i++)
		sd_strlist_push(a, dst, src->items[i]);
}

static sd_expr copy_expr(sd_arena *a, const sd_expr *e)
{
	sd_expr r;

	r.sql = sd_arena_strdup(a, e->sql);
	r.canon = sd_arena_strdup(a, e->canon);
	return r;
}

static sd_type copy_type(sd_arena *a, const sd_type *t)
{
	sd_type r = *t;

	r.name = sd_arena_strdup(a, t->name);
	r.enum_schema = sd_arena_strdup(a, t->enum_schema);
	return r;
}

static void clone_table(sd_schema *d, const sd_table *st)
{
	sd_arena *a = d->arena;
	sd_table *t = sd_schema_add_table(d, st->base.schema, st->base.name);
	size_t i, k;

	t->comment = sd_arena_strdup(a, st->comment);
	t->renamed_from = sd_arena_strdup(a, st->renamed_from);
	for (i = 0; i < st->ncolumns; i++) {
		const sd_column *sc = st->columns[i];
		sd_column *c = sd_table_add_column(d, t, sc->base.name);
		c->type = copy_type(a, &sc->type);
		c->type_sql = sd_arena_strdup(a, sc->type_sql);
		c->nullable = sc->nullable;
		c->default_value = copy_expr(a, &sc->default_value);
		c->autoincrement = sc->autoincrement;
		c->identity = sc->identity;
		if (sc->ext) {
			const sd_column_ext *sx = sc->ext;
			sd_column_ext *x = sd_column_xw(a, c);
			x->sequence = sd_arena_strdup(a, sx->sequence);
			x->generated = copy_expr(a, &sx->generated);
			x->collation = sd_arena_strdup(a, sx->collation);
			x->comment = sd_arena_strdup(a, sx->comment);
			x->renamed_from = sd_arena_strdup(a, sx->renamed_from);
			x->backfill = sd_arena_strdup(a, sx->backfill);
			x->compression = sd_arena_strdup(a, sx->compression);
			x->statistics = sx->statistics;
			x->statistics_set = sx->statistics_set;
			x->storage = sx->storage;
		}
	}
	t->unlogged = st->unlogged;
	t->replica_identity = st->replica_identity;
	t->replica_index = sd_arena_strdup(a, st->replica_index);
	t->cluster_on = sd_arena_strdup(a, st->cluster_on);
	copy_list(a, &t->with, &st->with);
	if (st->primary_key) {
		sd_primary_key *pk = sd_table_set_primary_key(
			d, t, st->primary_key->base.name);
		copy_list(a, &pk->columns, &st->primary_key->columns);
	}
	for (i = 0; i < st->nuniques; i++) {
		const sd_unique *su = st->uniques[i];
		sd_unique *u = sd_table_add_unique(d, t, su->base.name);
		copy_list(a, &u->columns, &su->columns);
		u->nulls_not_distinct = su->nulls_not_distinct;
		u->deferrable = su->deferrable;
		u->initially_deferred = su->initially_deferred;
		u->comment = sd_arena_strdup(a, su->comment);
	}
	for (i = 0; i < st->nforeign_keys; i++) {
		const sd_foreign_key *sf = st->foreign_keys[i];
		sd_foreign_key *f = sd_table_add_foreign_key(d, t, sf->base.name);
		copy_list(a, &f->columns, &sf->columns);
		f->ref_schema = sd_arena_strdup(a, sf->ref_schema);
		f->ref_table = sd_arena_strdup(a, sf->ref_table);
		copy_list(a, &f->ref_columns, &sf->ref_columns);
		f->on_delete = sf->on_delete;
		f->on_update = sf->on_update;
		f->deferrable = sf->deferrable;
		f->initially_deferred = sf->initially_deferred;
		f->not_valid = sf->not_valid;
		f->comment = sd_arena_strdup(a, sf->comment);
	}
	for (i = 0; i < st->nchecks; i++) {
		const sd_check *sc = st->checks[i];
		sd_check *c = sd_table_add_check(d, t, sc->base.name);
		c->expression = copy_expr(a, &sc->expression);
		c->not_valid = sc->not_valid;
		c->comment = sd_arena_strdup(a, sc->comment);
	}
	for (i = 0; i < st->nindexes; i++) {
		const sd_index *sx = st->indexes[i];
		sd_index *x = sd_table_add_index(d, t, sx->base.name);
		x->nkeys = sx->nkeys;
		x->keys = sd_arena_alloc(a, (sx->nkeys ? sx->nkeys : 1) *
		                                sizeof(*x->keys));
		for (k = 0; k < sx->nkeys; k++) {
			const sd_index_key *sk = &sx->keys[k];
			sd_index_key *xk = &x->keys[k];
			xk->column = sd_arena_strdup(a, sk->column);
			xk->expression = copy_expr(a, &sk->expression);
			xk->desc = sk->desc;
			xk->nulls = sk->nulls;
			xk->collation = sd_arena_strdup(a, sk->collation);
			xk->opclass = sd_arena_strdup(a, sk->opclass);
		}
		x->unique = sx->unique;
		x->nulls_not_distinct = sx->nulls_not_distinct;
		x->where = copy_expr(a, &sx->where);
		x->method = sd_arena_strdup(a, sx->method);
		copy_list(a, &x->include, &sx->include);
		x->comment = sd_arena_strdup(a, sx->comment);
		x->constraint_backed = sx->constraint_backed;
	}
}

sd_schema *sd_gen_clone(const sd_schema *s)
{
	sd_schema *d = sd_schema_new();
	size_t i;

	d->dialect = sd_arena_strdup(d->arena, s->dialect);
	copy_list(d->arena, &d->namespaces, &s->namespaces);
	for (i = 0; i < s->nenums; i++) {
		sd_enum *e = sd_schema_add_enum(d, s->enums[i]->base.schema,
		                                s->enums[i]->base.name);
		copy_list(d->arena, &e->values, &s->enums[i]->values);
		e->comment = sd_arena_strdup(d->arena, s->enums[i]->comment);
	}
	for (i = 0; i < s->ntables; i++)
		clone_table(d, s->tables[i]);
	for (i = 0; i < sd_logic_of(s)->nviews; i++) {
		const sd_view *sv = sd_logic_of(s)->views[i];
		sd_view *v = sd_logic_add_view(d, sv->base.schema,
		                               sv->base.name);
		v->query = copy_expr(d->arena, &sv->query);
	}
	for (i = 0; i < sd_logic_of(s)->ntriggers; i++) {
		const sd_trigger *st = sd_logic_of(s)->triggers[i];
		sd_trigger *tr = sd_logic_add_trigger(d, st->base.schema,
		                                      st->table, st->base.name);
		tr->timing = st->timing;
		tr->events = st->events;
		tr->each_row = st->each_row;
		tr->body = sd_arena_strdup(d->arena, st->body);
		tr->function = sd_arena_strdup(d->arena, st->function);
	}
	for (i = 0; i < sd_logic_of(s)->nfunctions; i++) {
		const sd_function *sf = sd_logic_of(s)->functions[i];
		sd_function *f = sd_logic_add_function(d, sf->base.schema,
		                                       sf->base.name);
		f->returns = sf->returns;
		f->language = sf->language;
		f->body = sf->body;
		f->identity = sf->identity;
	}
	sd_logic_sort(d);
	sd_schema_index(d);
	return d;
}

/* ------------------------------------------------------------------ */
/* Generation                                                          */
/* ------------------------------------------------------------------ */

static void set_default(sd_rng *r, sd_schema *s, sd_column *c,
                        const sd_gen_opts *o)
{
	c->default_value.sql = literal_sql(
		s, &c->type, o->postgres || o->portable, sd_rng_below(r, 6),
		(o->features & SD_GEN_FUNC_DEFAULTS) != 0);
	c->default_value.canon = NULL;
}

static sd_column *add_random_column(sd_rng *r, sd_schema *s, sd_table *t,
                                    const sd_table *other,
                                    const sd_gen_opts *o, bool key_only)
{
	sd_column *c = sd_table_add_column(s, t, fresh_column(s, t, other, "c"));

	c->type = random_type(r, s, o, key_only);
	c->nullable = sd_rng_chance(r, 60);
	if (sd_rng_chance(r, 30))
		set_default(r, s, c, o);
	if ((o->features & SD_GEN_COMMENTS) && sd_rng_chance(r, 10))
		sd_column_xw(s->arena, c)->comment = sd_arena_printf(s->arena, "column %s's note",
		                             c->base.name);
	return c;
}

/* Key-type columns of t, for uniques and indexes; excludes `skip` names
 * (fresh columns of a mutation). */
static size_t key_columns(const sd_table *t, sd_column **out, size_t max,
                          const sd_strlist *skip)
{
	size_t i, n = 0;

	for (i = 0; i < t->ncolumns && n < max; i++)
		if (sd_gen_type_is_key(&t->columns[i]->type) &&
		    !(skip && sd_strlist_contains(skip, t->columns[i]->base.name)))
			out[n++] = t->columns[i];
	return n;
}

static void shuffle(sd_rng *r, sd_column **v, size_t n)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = sd_rng_below(r, (unsigned)i);
		sd_column *tmp = v[i - 1];
		v[i - 1] = v[j];
		v[j] = tmp;
	}
}

/* true when t already has a unique or PK over exactly cols. */
static bool has_unique_on(const sd_table *t, const sd_strlist *cols)
{
	size_t i;

	if (t->primary_key && sd_strlist_equal(&t->primary_key->columns, cols))
		return true;
	for (i = 0; i < t->nuniques; i++)
		if (sd_strlist_equal(&t->uniques[i]->columns, cols))
			return true;
	return false;
}

static bool add_random_unique(sd_rng *r, sd_schema *s, const sd_schema *other,
                              sd_table *t, const sd_strlist *skip)
{
	sd_column *keys[64];
	size_t n = key_columns(t, keys, 64, skip), k, i;
	sd_strlist cols = {NULL, 0};
	sd_unique *u;

	if (n == 0)
		return false;
	shuffle(r, keys, n);
	k = 1 + (n > 1 && sd_rng_chance(r, 35));
	for (i = 0; i < k; i++)
		sd_strlist_push(s->arena, &cols, keys[i]->base.name);
	if (has_unique_on(t, &cols))
		return false;
	u = sd_table_add_unique(s, t, fresh_name(s, other, "uq"));
	u->columns = cols;
	return true;
}

static bool add_random_index(sd_rng *r, sd_schema *s, const sd_schema *other,
                             sd_table *t, const sd_gen_opts *o,
                             const sd_strlist *skip)
{
	sd_column *keys[64];
	size_t n = key_columns(t, keys, 64, skip), k, i;
	sd_index *x;

	if (n == 0)
		return false;
	shuffle(r, keys, n);
	k = 1 + (n > 1 && sd_rng_chance(r, 40));
	x = sd_table_add_index(s, t, fresh_name(s, other, "ix"));
	x->nkeys = k;
	x->keys = sd_arena_alloc(s->arena, k * sizeof(*x->keys));
	for (i = 0; i < k; i++) {
		sd_column *c = keys[i];
		if ((o->features & SD_GEN_EXPR_INDEX) &&
		    type_is_string(c->type.kind) && c->type.kind != SD_T_CHAR &&
		    sd_rng_chance(r, 30))
			x->keys[i].expression.sql = sd_arena_printf(
				s->arena, "lower(%s)", c->base.name);
		else
			x->keys[i].column = c->base.name;
		if ((o->features & SD_GEN_INDEX_DESC) && x->keys[i].column &&
		    sd_rng_chance(r, 15))
			x->keys[i].desc = true;
	}
	/* the models format lists column keys before expression keys */
	if (k == 2 && x->keys[0].expression.sql && x->keys[1].column) {
		sd_index_key tmp = x->keys[0];
		x->keys[0] = x->keys[1];
		x->keys[1] = tmp;
	}
	x->unique = sd_rng_chance(r, 25);
	if ((o->features & SD_GEN_PARTIAL_INDEX) && sd_rng_chance(r, 25)) {
		sd_column *c = keys[0];
		if (type_is_number(c->type.kind) && sd_rng_chance(r, 50))
			x->where.sql =
				sd_arena_printf(s->arena, "%s > 0", c->base.name);
		else
			x->where.sql = sd_arena_printf(
				s->arena, "%s IS NOT NULL", c->base.name);
	}
	return true;
}

static bool add_random_check(sd_rng *r, sd_schema *s, const sd_schema *other,
                             sd_table *t, const sd_strlist *skip)
{
	sd_column *cand[64];
	size_t i, n = 0;
	sd_check *ck;
	sd_column *c;

	for (i = 0; i < t->ncolumns && n < 64; i++) {
		sd_type_kind k = t->columns[i]->type.kind;
		if ((type_is_number(k) || type_is_string(k)) &&
		    !t->columns[i]->autoincrement &&
		    !(skip && sd_strlist_contains(skip, t->columns[i]->base.name)))
			cand[n++] = t->columns[i];
	}
	if (n == 0)
		return false;
	c = cand[sd_rng_below(r, (unsigned)n)];
	ck = sd_table_add_check(s, t, fresh_name(s, other, "ck"));
	if (type_is_number(c->type.kind))
		ck->expression.sql =
			sd_arena_printf(s->arena, "%s > 0", c->base.name);
	else
		ck->expression.sql = sd_arena_printf(
			s->arena, "length(%s) > 0", c->base.name);
	return true;
}

/* Unique column sets of t an FK may reference: PK first, then uniques. */
static size_t fk_targets(const sd_table *t, const sd_strlist **out,
                         size_t max)
{
	size_t n = 0, i;

	if (t->primary_key && n < max)
		out[n++] = &t->primary_key->columns;
	for (i = 0; i < t->nuniques && n < max; i++)
		out[n++] = &t->uniques[i]->columns;
	return n;
}

/*
 * Adds an FK from t to `to` (new columns of the referenced types, or
 * existing columns of the same types when reuse is set and they exist).
 * not_null makes new columns NOT NULL.
 */
static bool add_random_fk(sd_rng *r, sd_schema *s, const sd_schema *other,
                          sd_table *t, sd_table *to, bool new_columns,
                          bool not_null, const sd_strlist *skip,
                          bool o_fk_options)
{
	const sd_strlist *targets[16];
	size_t n = fk_targets(to, targets, 16), i, j;
	const sd_strlist *ref;
	sd_foreign_key *f;
	sd_strlist cols = {NULL, 0};

	/* a logged table's key may not reference an unlogged one */
	if (n == 0 || (to->unlogged && !t->unlogged))
		return false;
	ref = targets[sd_rng_below(r, (unsigned)n)];
	for (i = 0; i < ref->n; i++) {
		const sd_column *rc = column_named(to, ref->items[i]);
		sd_column *c = NULL;
		if (!rc)
			return false;
		if (!new_columns) {
			/* an existing column of the same type, not yet an
			 * FK column, not the referenced column itself */
			for (j = 0; j < t->ncolumns; j++) {
				sd_column *cand = t->columns[j];
				if (sd_type_equal(&cand->type, &rc->type) &&
				    !cand->autoincrement &&
				    !sd_strlist_contains(&cols,
				                         cand->base.name) &&
				    !(t == to &&
				      sd_strlist_contains(ref, cand->base.name)) &&
				    !(skip && sd_strlist_contains(
				                  skip, cand->base.name))) {
					c = cand;
					break;
				}
			}
			if (!c)
				return false;
		} else {
			/* never a name A's table had: that would read as
			 * a change of A's column, not a new one */
			const sd_table *ot =
				other ? table_named(other, t->renamed_from
				                               ? t->renamed_from
				                               : t->base.name)
				      : NULL;
			c = sd_table_add_column(
				s, t, fresh_column(s, t, ot, "r"));
			c->type = rc->type;
			c->nullable = !not_null;
		}
		sd_strlist_push(s->arena, &cols, c->base.name);
	}
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_strlist_equal(&t->foreign_keys[i]->columns, &cols))
			return false;
	f = sd_table_add_foreign_key(s, t, fresh_name(s, other, "fk"));
	f->columns = cols;
	f->ref_table = sd_arena_strdup(s->arena, to->base.name);
	copy_list(s->arena, &f->ref_columns, ref);
	if (sd_rng_chance(r, 20))
		f->on_delete = SD_FK_CASCADE;
	if (o_fk_options && sd_rng_chance(r, 20))
		f->on_update = sd_rng_chance(r, 50) ? SD_FK_CASCADE
		                                    : SD_FK_RESTRICT;
	if (o_fk_options && sd_rng_chance(r, 10))
		f->deferrable = true;
	return true;
}

/* A fillfactor for t's storage parameters (0: none). */
static void set_fillfactor(sd_schema *s, sd_table *t, unsigned ff)
{
	memset(&t->with, 0, sizeof(t->with));
	if (ff)
		sd_strlist_push(s->arena, &t->with,
		                sd_arena_printf(s->arena, "fillfactor=%u", ff));
}

/* true for the columns SET STORAGE EXTERNAL applies to (varlena types
 * whose own storage is EXTENDED). */
static bool storage_settable(const sd_column *c)
{
	return c->type.kind == SD_T_TEXT || c->type.kind == SD_T_STRING;
}

/* PostgreSQL table settings (SD_GEN_PG_TABLE_SETTINGS) on a new table:
 * nothing references it yet, so UNLOGGED is always allowed here. */
static void add_table_settings(sd_rng *r, sd_schema *s, sd_table *t)
{
	size_t i;

	t->unlogged = sd_rng_chance(r, 15);
	if (sd_rng_chance(r, 20))
		set_fillfactor(s, t, 70 + 10 * sd_rng_below(r, 3));
	if (sd_rng_chance(r, 15))
		t->replica_identity = SD_REPLICA_FULL;
	for (i = 0; i < t->ncolumns; i++) {
		sd_column *c = t->columns[i];
		if (sd_rng_chance(r, 10)) {
			sd_column_xw(s->arena, c)->statistics = 100 * (1 + (int)sd_rng_below(r, 5));
			sd_column_xw(s->arena, c)->statistics_set = true;
		}
		if (storage_settable(c) && sd_rng_chance(r, 10))
			sd_column_xw(s->arena, c)->storage = 'e';
	}
}

static sd_table *add_random_table(sd_rng *r, sd_schema *s,
                                  const sd_schema *other, const sd_gen_opts *o)
{
	sd_table *t = sd_schema_add_table(s, NULL, fresh_name(s, other, "t"));
	unsigned ncols = 1 + sd_rng_below(r, o->max_columns), i, pick;

	if ((o->features & SD_GEN_COMMENTS) && sd_rng_chance(r, 15))
		t->comment = sd_arena_printf(s->arena, "table %s", t->base.name);
	pick = sd_rng_below(r, 100);
	if (pick < 50) {
		sd_column *id = sd_table_add_column(s, t, "id");
		id->type = make_type(SD_T_INTEGER);
		id->nullable = false;
		id->autoincrement = true;
		sd_strlist_push(s->arena,
		                &sd_table_set_primary_key(
		                     s, t, sd_arena_printf(s->arena, "pk_%s",
		                                           t->base.name))
		                     ->columns,
		                "id");
	} else if (pick < 70 && (o->features & SD_GEN_COMPOSITE_PK)) {
		sd_primary_key *pk = sd_table_set_primary_key(
			s, t, sd_arena_printf(s->arena, "pk_%s", t->base.name));
		for (i = 0; i < 2; i++) {
			sd_column *c = add_random_column(r, s, t, NULL, o, true);
			c->nullable = false;
			sd_strlist_push(s->arena, &pk->columns, c->base.name);
		}
	} else if (pick < 85) {
		sd_primary_key *pk = sd_table_set_primary_key(
			s, t, sd_arena_printf(s->arena, "pk_%s", t->base.name));
		sd_column *c = add_random_column(r, s, t, NULL, o, true);
		c->nullable = false;
		/* the loader's rule: a one-column integer key autoincrements */
		c->autoincrement = c->type.kind == SD_T_SMALLINT ||
		                   c->type.kind == SD_T_INTEGER ||
		                   c->type.kind == SD_T_BIGINT;
		if (c->autoincrement)
			c->default_value.sql = NULL;
		sd_strlist_push(s->arena, &pk->columns, c->base.name);
	}
	for (i = 0; i < ncols; i++)
		add_random_column(r, s, t, NULL, o, false);
	if (sd_rng_chance(r, 30))
		add_random_unique(r, s, other, t, NULL);
	if (sd_rng_chance(r, 40))
		add_random_index(r, s, other, t, o, NULL);
	if ((o->features & SD_GEN_CHECKS) && sd_rng_chance(r, 30))
		add_random_check(r, s, other, t, NULL);
	if (o->postgres && (o->features & SD_GEN_PG_TABLE_SETTINGS))
		add_table_settings(r, s, t);
	return t;
}

sd_schema *sd_gen_schema(sd_rng *r, const sd_gen_opts *o)
{
	sd_schema *s = sd_schema_new();
	unsigned n = 1 + sd_rng_below(r, o->max_tables), i;

	for (i = 0; i < n; i++)
		add_random_table(r, s, NULL, o);
	/* foreign keys: to earlier tables (NOT NULL allowed), and with
	 * cycles on, to any table including itself */
	for (i = 0; i < n; i++) {
		sd_table *t = s->tables[i];
		unsigned target;
		if (!sd_rng_chance(r, 45))
			continue;
		if (o->features & SD_GEN_FK_CYCLES)
			target = sd_rng_below(r, n);
		else if (i > 0)
			target = sd_rng_below(r, i);
		else
			continue;
		add_random_fk(r, s, NULL, t, s->tables[target],
		              sd_rng_chance(r, 80),
		              target < i && sd_rng_chance(r, 40), NULL,
		              (o->features & SD_GEN_FK_OPTIONS) != 0);
	}
	for (i = 0; !o->postgres && (o->features & SD_GEN_SQLITE_LOGIC) &&
	            i < n; i++)
		if (sd_rng_chance(r, 50))
			add_table_logic(s, s->tables[i]);
	for (i = 0; o->postgres && (o->features & SD_GEN_PG_LOGIC) && i < n;
	     i++) {
		const sd_table *t = s->tables[i];
		if (sd_rng_chance(r, 40))
			add_pg_logic(s, t,
			             t->columns[sd_rng_below(r, (unsigned)t->ncolumns)]);
	}
	sd_schema_sort(s);
	sd_logic_sort(s);
	sd_schema_index(s);
	return s;
}

/* ------------------------------------------------------------------ */
/* Mutation                                                            */
/* ------------------------------------------------------------------ */

typedef struct mut_ctx {
	sd_rng *r;
	sd_schema *b;
	const sd_schema *a;
	const sd_gen_opts *o;
	sd_buf *log;
	sd_strlist fresh_tables;  /* tables added by this mutation: no rows */
	sd_strlist fresh_columns; /* "table.column" added: NULL/default rows */
	sd_strlist touched;       /* "table.column" cast: values re-spelled */
	sd_strlist dropped_refs;  /* "t" and "t.c" that dropped tables' FKs
	                             referenced */
	sd_strlist col_renamed;   /* tables with a renamed column */
	sd_strlist reindexed;     /* tables with an index added or dropped */
} mut_ctx;

static void logf_(mut_ctx *m, const char *fmt, ...) SD_PRINTF(2, 3);
static void logf_(mut_ctx *m, const char *fmt, ...)
{
	va_list ap;

	if (!m->log)
		return;
	va_start(ap, fmt);
	sd_buf_vprintf(m->log, fmt, ap);
	va_end(ap);
	sd_buf_putc(m->log, '\n');
}

/* A table of B that existed in A (so it has rows), or NULL. */
static sd_table *pick_old_table(mut_ctx *m)
{
	sd_table *cand[256];
	size_t i, n = 0;

	for (i = 0; i < m->b->ntables && n < 256; i++)
		if (!sd_strlist_contains(&m->fresh_tables,
		                         m->b->tables[i]->base.name))
			cand[n++] = m->b->tables[i];
	return n ? cand[sd_rng_below(m->r, (unsigned)n)] : NULL;
}

static sd_table *pick_any_table(mut_ctx *m)
{
	if (m->b->ntables == 0)
		return NULL;
	return m->b->tables[sd_rng_below(m->r, (unsigned)m->b->ntables)];
}

static bool is_fresh_col(mut_ctx *m, const sd_table *t, const char *col)
{
	char key[256];

	snprintf(key, sizeof(key), "%s.%s", t->base.name, col);
	return sd_strlist_contains(&m->fresh_columns, key) ||
	       sd_strlist_contains(&m->fresh_tables, t->base.name);
}

static bool is_touched(mut_ctx *m, const sd_table *t, const char *col)
{
	char key[256];

	snprintf(key, sizeof(key), "%s.%s", t->base.name, col);
	return sd_strlist_contains(&m->touched, key);
}

static void mark(mut_ctx *m, sd_strlist *l, const sd_table *t,
                 const char *col)
{
	char key[256];

	snprintf(key, sizeof(key), "%s.%s", t->base.name, col);
	sd_strlist_push(m->b->arena, l, key);
}

/* Names of t's fresh columns, for the key pickers' skip lists. */
static sd_strlist fresh_of(mut_ctx *m, const sd_table *t)
{
	sd_strlist l = {NULL, 0};
	size_t i;

	for (i = 0; i < t->ncolumns; i++)
		if (is_fresh_col(m, t, t->columns[i]->base.name) &&
		    !sd_strlist_contains(&m->fresh_tables, t->base.name))
			sd_strlist_push(m->b->arena, &l,
			                t->columns[i]->base.name);
	return l;
}

typedef bool (*col_pred)(mut_ctx *m, sd_table *t, sd_column *c);

/* A random column of an old table satisfying pred, or NULL. */
static sd_column *pick_column(mut_ctx *m, sd_table **tout, col_pred pred,
                              bool old_tables_only)
{
	sd_table *ts[256];
	sd_column *cs[256];
	size_t i, j, n = 0;

	for (i = 0; i < m->b->ntables; i++) {
		sd_table *t = m->b->tables[i];
		if (old_tables_only &&
		    sd_strlist_contains(&m->fresh_tables, t->base.name))
			continue;
		for (j = 0; j < t->ncolumns && n < 256; j++)
			if (pred(m, t, t->columns[j])) {
				ts[n] = t;
				cs[n++] = t->columns[j];
			}
	}
	if (n == 0)
		return NULL;
	i = sd_rng_below(m->r, (unsigned)n);
	*tout = ts[i];
	return cs[i];
}

static bool mut_add_table(mut_ctx *m)
{
	sd_table *t = add_random_table(m->r, m->b, m->a, m->o);

	sd_strlist_push(m->b->arena, &m->fresh_tables, t->base.name);
	/* a new table may reference any table (it has no rows yet) */
	if (sd_rng_chance(m->r, 50) && m->b->ntables > 0)
		add_random_fk(m->r, m->b, m->a, t, pick_any_table(m), true,
		              false, NULL,
		              (m->o->features & SD_GEN_FK_OPTIONS) != 0);
	sd_schema_index(m->b);
	logf_(m, "add table %s", t->base.name);
	return true;
}

/* true when another table of s has an FK to table `name` */
static bool referenced_by_other(const sd_schema *s, const char *name)
{
	size_t i, j;

	for (i = 0; i < s->ntables; i++)
		for (j = 0; j < s->tables[i]->nforeign_keys; j++)
			if (sd_streq(s->tables[i]->foreign_keys[j]->ref_table,
			             name) &&
			    !sd_streq(s->tables[i]->base.name, name))
				return true;
	return false;
}

static bool mut_drop_table(mut_ctx *m)
{
	size_t i;
	const sd_table *t;

	if (m->b->ntables < 2)
		return false;
	i = sd_rng_below(m->r, (unsigned)m->b->ntables);
	t = m->b->tables[i];
	/* the downgrade recreates the table empty: rows of other tables
	 * pointing at it would break the re-added foreign keys */
	if (!sd_strlist_contains(&m->fresh_tables, t->base.name) &&
	    (referenced_by_other(m->b, t->base.name) ||
	     referenced_by_other(m->a, t->renamed_from ? t->renamed_from
	                                               : t->base.name)))
		return false;
	if (!(m->o->features & SD_GEN_DROP_RENAMED_REFS)) {
		size_t j, k;
		for (j = 0; j < t->nforeign_keys; j++) {
			const sd_foreign_key *f = t->foreign_keys[j];
			const sd_table *rt = table_named(m->b, f->ref_table);
			if (!rt || rt->renamed_from)
				return false;
			for (k = 0; k < f->ref_columns.n; k++) {
				const sd_column *rc =
					column_named(rt, f->ref_columns.items[k]);
				if (!rc || sd_column_x(rc)->renamed_from)
					return false;
			}
		}
		for (j = 0; j < t->nforeign_keys; j++) {
			const sd_foreign_key *f = t->foreign_keys[j];
			sd_strlist_push(m->b->arena, &m->dropped_refs,
			                f->ref_table);
			for (k = 0; k < f->ref_columns.n; k++)
				sd_strlist_push(
					m->b->arena, &m->dropped_refs,
					sd_arena_printf(m->b->arena, "%s.%s",
					                f->ref_table,
					                f->ref_columns.items[k]));
		}
	}
	logf_(m, "drop table %s", m->b->tables[i]->base.name);
	sd_gen_remove_table(m->b, i);
	return true;
}

static bool mut_rename_table(mut_ctx *m)
{
	sd_table *t = pick_old_table(m);
	const char *old, *nw;
	size_t i, j;

	if (!t)
		return false;
	if (!(m->o->features & SD_GEN_DROP_RENAMED_REFS) &&
	    sd_strlist_contains(&m->dropped_refs, t->base.name))
		return false;
	old = t->base.name;
	nw = fresh_name(m->b, m->a, "t");
	for (i = 0; i < m->b->ntables; i++)
		for (j = 0; j < m->b->tables[i]->nforeign_keys; j++) {
			sd_foreign_key *f = m->b->tables[i]->foreign_keys[j];
			if (sd_streq(f->ref_table, old))
				f->ref_table = nw;
		}
	if (!t->renamed_from)
		t->renamed_from = old;
	t->base.name = nw;
	table_logic_follow(m->b, old, nw);
	/* the fresh/touched marks are keyed by table name */
	for (i = 0; i < m->fresh_columns.n; i++) {
		size_t n = strlen(old);
		const char *k = m->fresh_columns.items[i];
		if (strncmp(k, old, n) == 0 && k[n] == '.')
			m->fresh_columns.items[i] = sd_arena_printf(
				m->b->arena, "%s%s", nw, k + n);
	}
	for (i = 0; i < m->touched.n; i++) {
		size_t n = strlen(old);
		const char *k = m->touched.items[i];
		if (strncmp(k, old, n) == 0 && k[n] == '.')
			m->touched.items[i] = sd_arena_printf(
				m->b->arena, "%s%s", nw, k + n);
	}
	sd_schema_index(m->b);
	logf_(m, "rename table %s -> %s", old, nw);
	return true;
}

static bool mut_add_column(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	sd_column *c;
	const sd_table *at;

	if (!t)
		return false;
	at = table_named(m->a, t->renamed_from ? t->renamed_from : t->base.name);
	c = add_random_column(m->r, m->b, t, at, m->o, false);
	/* a NOT NULL column added to a table with rows needs a default */
	if (!c->nullable && !c->default_value.sql)
		set_default(m->r, m->b, c, m->o);
	mark(m, &m->fresh_columns, t, c->base.name);
	sd_schema_index(m->b);
	logf_(m, "add column %s.%s", t->base.name, c->base.name);
	return true;
}

/*
 * The downgrade re-adds a dropped column to a table that has rows, filled
 * with its default or NULL. That only works when those values satisfy the
 * keys: NULL anywhere but in a column other rows' foreign keys point at, a
 * default only in a column without keys. Anything else is a drop no tool
 * can revert, not a bug.
 */
static bool referenced_column(const sd_schema *s, const char *table,
                              const char *col)
{
	size_t i, j;

	if (!s)
		return false;
	for (i = 0; i < s->ntables; i++)
		for (j = 0; j < s->tables[i]->nforeign_keys; j++) {
			const sd_foreign_key *f = s->tables[i]->foreign_keys[j];
			if (sd_streq(f->ref_table, table) &&
			    sd_strlist_contains(&f->ref_columns, col))
				return true;
		}
	return false;
}

static bool pred_droppable(mut_ctx *m, sd_table *t, sd_column *c)
{
	const char *aname = sd_column_x(c)->renamed_from ? sd_column_x(c)->renamed_from : c->base.name;
	const char *atable = t->renamed_from ? t->renamed_from : t->base.name;
	const sd_table *at = table_named(m->a, atable);
	const sd_column *ac = at ? column_named(at, aname) : NULL;

	if (t->ncolumns < 2 || c->autoincrement)
		return false;
	if (is_fresh_col(m, t, c->base.name) || !ac)
		return true;
	/* what the downgrade re-adds is A's column */
	if (ac->autoincrement ||
	    referenced_column(m->b, t->base.name, c->base.name) ||
	    referenced_column(m->a, atable, aname))
		return false;
	if (ac->default_value.sql)
		return !column_keyed(m->a, at, aname) &&
		       !column_keyed(m->b, t, c->base.name);
	return ac->nullable && !in_pk(at, aname);
}

static bool mut_drop_column(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_droppable, false);
	size_t i;

	if (!c)
		return false;
	logf_(m, "drop column %s.%s", t->base.name, c->base.name);
	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i] == c)
			break;
	sd_gen_remove_column(m->b, t, i);
	return true;
}

static bool pred_old_column(mut_ctx *m, sd_table *t, sd_column *c)
{
	return !is_fresh_col(m, t, c->base.name);
}

static bool mut_rename_column(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_old_column, true);
	const char *old, *nw;
	size_t i, j, k;
	const sd_table *at;

	if (!c)
		return false;
	old = c->base.name;
	if (!(m->o->features & SD_GEN_DROP_RENAMED_REFS)) {
		char key[256];
		snprintf(key, sizeof(key), "%s.%s", t->base.name, old);
		if (sd_strlist_contains(&m->dropped_refs, key))
			return false;
	}
	if (!(m->o->features & SD_GEN_REINDEX_RENAMED)) {
		if (sd_strlist_contains(&m->reindexed, t->base.name))
			return false;
		sd_strlist_push(m->b->arena, &m->col_renamed, t->base.name);
	}
	at = table_named(m->a, t->renamed_from ? t->renamed_from : t->base.name);
	nw = fresh_column(m->b, t, at, "n");
	if (t->primary_key)
		for (i = 0; i < t->primary_key->columns.n; i++)
			if (sd_streq(t->primary_key->columns.items[i], old))
				t->primary_key->columns.items[i] = nw;
	for (i = 0; i < t->nuniques; i++)
		for (j = 0; j < t->uniques[i]->columns.n; j++)
			if (sd_streq(t->uniques[i]->columns.items[j], old))
				t->uniques[i]->columns.items[j] = nw;
	for (i = 0; i < t->nforeign_keys; i++)
		for (j = 0; j < t->foreign_keys[i]->columns.n; j++)
			if (sd_streq(t->foreign_keys[i]->columns.items[j], old))
				t->foreign_keys[i]->columns.items[j] = nw;
	for (i = 0; i < m->b->ntables; i++)
		for (j = 0; j < m->b->tables[i]->nforeign_keys; j++) {
			sd_foreign_key *f = m->b->tables[i]->foreign_keys[j];
			if (!sd_streq(f->ref_table, t->base.name))
				continue;
			for (k = 0; k < f->ref_columns.n; k++)
				if (sd_streq(f->ref_columns.items[k], old))
					f->ref_columns.items[k] = nw;
		}
	for (i = 0; i < t->nchecks; i++)
		t->checks[i]->expression.sql = expr_rename(
			m->b->arena, t->checks[i]->expression.sql, old, nw);
	for (i = 0; i < t->nindexes; i++) {
		sd_index *x = t->indexes[i];
		for (k = 0; k < x->nkeys; k++) {
			if (sd_streq(x->keys[k].column, old))
				x->keys[k].column = nw;
			x->keys[k].expression.sql = expr_rename(
				m->b->arena, x->keys[k].expression.sql, old, nw);
		}
		x->where.sql = expr_rename(m->b->arena, x->where.sql, old, nw);
	}
	trigger_column_follow(m->b, t->base.name, old, nw);
	if (!sd_column_x(c)->renamed_from)
		sd_column_xw(m->b->arena, c)->renamed_from = old;
	c->base.name = nw;
	sd_schema_index(m->b);
	logf_(m, "rename column %s.%s -> %s", t->base.name, old, nw);
	return true;
}

/* Retypes c and keeps its default of the new type. */
static void retype(mut_ctx *m, sd_column *c, sd_type nt)
{
	bool had_default = c->default_value.sql != NULL;
	sd_type_kind ok = c->type.kind;

	c->type = nt;
	if (had_default && ok != nt.kind)
		set_default(m->r, m->b, c, m->o);
	if (!storage_settable(c))
		sd_column_xw(m->b->arena, c)->storage = 0;
}

static bool pred_retypable(mut_ctx *m, sd_table *t, sd_column *c)
{
	return !c->autoincrement && !is_fresh_col(m, t, c->base.name) &&
	       !column_in_fk(m->b, t, c->base.name);
}

static bool pred_widen(mut_ctx *m, sd_table *t, sd_column *c)
{
	switch (c->type.kind) {
	case SD_T_SMALLINT:
	case SD_T_INTEGER:
	case SD_T_REAL:
	case SD_T_NUMERIC:
	case SD_T_STRING:
	case SD_T_CHAR:
		return pred_retypable(m, t, c);
	default:
		return false;
	}
}

static bool mut_type_widen(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_widen, true);
	sd_type nt;
	sd_buf from = SD_BUF_INIT, to = SD_BUF_INIT;

	if (!c)
		return false;
	nt = c->type;
	switch (c->type.kind) {
	case SD_T_SMALLINT:
		nt = make_type(sd_rng_chance(m->r, 50) ? SD_T_INTEGER
		                                        : SD_T_BIGINT);
		break;
	case SD_T_INTEGER:
		nt = make_type(SD_T_BIGINT);
		break;
	case SD_T_REAL:
		nt = make_type(SD_T_FLOAT);
		break;
	case SD_T_NUMERIC:
		nt.precision += 2 + (int)sd_rng_below(m->r, 4);
		break;
	case SD_T_STRING:
		if (sd_rng_chance(m->r, 70))
			nt.length += 8 * (1 + (int)sd_rng_below(m->r, 4));
		else
			nt = make_type(SD_T_TEXT);
		break;
	case SD_T_CHAR:
		nt = make_type(SD_T_STRING);
		nt.length = c->type.length + (int)sd_rng_below(m->r, 8);
		break;
	default:
		return false;
	}
	sd_type_format(&from, &c->type);
	sd_type_format(&to, &nt);
	logf_(m, "widen %s.%s %s -> %s", t->base.name, c->base.name,
	      sd_buf_cstr(&from), sd_buf_cstr(&to));
	sd_buf_free(&from);
	sd_buf_free(&to);
	retype(m, c, nt);
	return true;
}

static bool pred_narrow(mut_ctx *m, sd_table *t, sd_column *c)
{
	/* a column cast to text in this pair holds longer values (dates,
	 * uuids) than the short strings narrowing is sized for */
	if (is_touched(m, t, c->base.name))
		return false;
	switch (c->type.kind) {
	case SD_T_BIGINT:
	case SD_T_INTEGER:
	case SD_T_FLOAT:
	case SD_T_TEXT:
		return pred_retypable(m, t, c);
	case SD_T_NUMERIC:
		return c->type.precision - c->type.scale >= 6 &&
		       pred_retypable(m, t, c);
	case SD_T_STRING:
		return c->type.length > 8 && pred_retypable(m, t, c);
	default:
		return false;
	}
}

static bool mut_type_narrow(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_narrow, true);
	sd_type nt;
	sd_buf from = SD_BUF_INIT, to = SD_BUF_INIT;

	if (!c)
		return false;
	nt = c->type;
	switch (c->type.kind) {
	case SD_T_BIGINT:
		nt = make_type(SD_T_INTEGER);
		break;
	case SD_T_INTEGER:
		nt = make_type(SD_T_SMALLINT);
		break;
	case SD_T_FLOAT:
		nt = make_type(SD_T_REAL);
		break;
	case SD_T_NUMERIC:
		nt.precision -= 2;
		break;
	case SD_T_STRING:
		nt.length = 8;
		break;
	case SD_T_TEXT:
		nt = make_type(SD_T_STRING);
		nt.length = 8 + 8 * (int)sd_rng_below(m->r, 4);
		break;
	default:
		return false;
	}
	sd_type_format(&from, &c->type);
	sd_type_format(&to, &nt);
	logf_(m, "narrow %s.%s %s -> %s", t->base.name, c->base.name,
	      sd_buf_cstr(&from), sd_buf_cstr(&to));
	sd_buf_free(&from);
	sd_buf_free(&to);
	retype(m, c, nt);
	return true;
}

static bool pred_cast(mut_ctx *m, sd_table *t, sd_column *c)
{
	switch (c->type.kind) {
	case SD_T_SMALLINT:
	case SD_T_INTEGER:
	case SD_T_BIGINT:
	case SD_T_DATE:
	case SD_T_UUID:
		/* checks and expression keys are written for the old type */
		if (!(m->o->features & SD_GEN_BACKFILL_CAST) && sd_column_x(c)->backfill)
			return false;
		return pred_retypable(m, t, c) &&
		       !column_in_check(t, c->base.name) &&
		       !column_keyed(m->b, t, c->base.name);
	default:
		return false;
	}
}

static bool mut_type_cast(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_cast, true);
	sd_buf from = SD_BUF_INIT;

	if (!c)
		return false;
	sd_type_format(&from, &c->type);
	logf_(m, "cast %s.%s %s -> text", t->base.name, c->base.name,
	      sd_buf_cstr(&from));
	sd_buf_free(&from);
	retype(m, c, make_type(SD_T_TEXT));
	mark(m, &m->touched, t, c->base.name);
	return true;
}

static bool pred_nullable(mut_ctx *m, sd_table *t, sd_column *c)
{
	if (!(m->o->features & SD_GEN_BACKFILL_CAST) &&
	    is_touched(m, t, c->base.name))
		return false;
	return c->nullable && !in_pk(t, c->base.name) &&
	       !column_keyed(m->b, t, c->base.name);
}

static bool mut_set_not_null(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_nullable, false);

	if (!c)
		return false;
	c->nullable = false;
	sd_column_xw(m->b->arena, c)->backfill = literal_sql(m->b, &c->type,
	                          m->o->postgres || m->o->portable,
	                          sd_rng_below(m->r, 2), false);
	logf_(m, "set not null %s.%s backfill %s", t->base.name, c->base.name,
	      sd_column_x(c)->backfill);
	return true;
}

static bool pred_not_null(mut_ctx *m, sd_table *t, sd_column *c)
{
	return !c->nullable && !in_pk(t, c->base.name) && !c->autoincrement;
}

static bool mut_drop_not_null(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_not_null, false);

	if (!c)
		return false;
	c->nullable = true;
	sd_column_xw(m->b->arena, c)->backfill = NULL;
	logf_(m, "drop not null %s.%s", t->base.name, c->base.name);
	return true;
}

/* A new column's default fills the existing rows: not in a key or FK. */
static bool pred_defaultable(mut_ctx *m, sd_table *t, sd_column *c)
{
	return !c->autoincrement &&
	       !(is_fresh_col(m, t, c->base.name) &&
	         !sd_strlist_contains(&m->fresh_tables, t->base.name) &&
	         column_keyed(m->b, t, c->base.name));
}

static bool mut_set_default(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_defaultable, false);
	const char *old;

	if (!c)
		return false;
	old = c->default_value.sql;
	set_default(m->r, m->b, c, m->o);
	if (sd_streq(old, c->default_value.sql))
		return false;
	logf_(m, "set default %s.%s %s", t->base.name, c->base.name,
	      c->default_value.sql);
	return true;
}

static bool pred_has_default(mut_ctx *m, sd_table *t, sd_column *c)
{
	/* a NOT NULL column added by this mutation keeps its default */
	return c->default_value.sql &&
	       !(is_fresh_col(m, t, c->base.name) && !c->nullable);
}

static bool mut_drop_default(mut_ctx *m)
{
	sd_table *t;
	sd_column *c = pick_column(m, &t, pred_has_default, false);

	if (!c)
		return false;
	c->default_value.sql = NULL;
	c->default_value.canon = NULL;
	logf_(m, "drop default %s.%s", t->base.name, c->base.name);
	return true;
}

/* With SD_GEN_REINDEX_RENAMED off, indexes of a table whose columns are
 * renamed in this pair stay as they are (and the table is remembered so
 * no column of it gets renamed afterwards). */
static bool reindex_ok(mut_ctx *m, const sd_table *t)
{
	if (m->o->features & SD_GEN_REINDEX_RENAMED)
		return true;
	if (sd_strlist_contains(&m->col_renamed, t->base.name))
		return false;
	sd_strlist_push(m->b->arena, &m->reindexed, t->base.name);
	return true;
}

static bool mut_add_index(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	sd_strlist skip;

	if (!t || !reindex_ok(m, t))
		return false;
	skip = fresh_of(m, t);
	if (!add_random_index(m->r, m->b, m->a, t, m->o, &skip))
		return false;
	logf_(m, "add index %s.%s", t->base.name,
	      t->indexes[t->nindexes - 1]->base.name);
	return true;
}

static bool mut_drop_index(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	size_t i;

	if (!t || t->nindexes == 0 || !reindex_ok(m, t))
		return false;
	i = sd_rng_below(m->r, (unsigned)t->nindexes);
	logf_(m, "drop index %s.%s", t->base.name, t->indexes[i]->base.name);
	sd_gen_remove_index(t, i);
	return true;
}

static bool mut_add_unique(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	sd_strlist skip;

	if (!t)
		return false;
	skip = fresh_of(m, t);
	if (!add_random_unique(m->r, m->b, m->a, t, &skip))
		return false;
	logf_(m, "add unique %s.%s", t->base.name,
	      t->uniques[t->nuniques - 1]->base.name);
	return true;
}

static bool mut_drop_unique(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	size_t i;

	if (!t || t->nuniques == 0)
		return false;
	i = sd_rng_below(m->r, (unsigned)t->nuniques);
	logf_(m, "drop unique %s.%s", t->base.name, t->uniques[i]->base.name);
	sd_gen_remove_unique(m->b, t, i);
	return true;
}

static bool mut_add_check(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	sd_strlist skip;

	if (!t)
		return false;
	skip = fresh_of(m, t);
	if (!add_random_check(m->r, m->b, m->a, t, &skip))
		return false;
	logf_(m, "add check %s.%s %s", t->base.name,
	      t->checks[t->nchecks - 1]->base.name,
	      t->checks[t->nchecks - 1]->expression.sql);
	return true;
}

static bool mut_drop_check(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	size_t i;

	if (!t || t->nchecks == 0)
		return false;
	i = sd_rng_below(m->r, (unsigned)t->nchecks);
	logf_(m, "drop check %s.%s", t->base.name, t->checks[i]->base.name);
	sd_gen_remove_check(t, i);
	return true;
}

static bool mut_add_fk(mut_ctx *m)
{
	sd_table *t = pick_any_table(m), *to;
	bool fresh_t, ok;
	sd_strlist skip;
	size_t i, ncols;

	if (!t)
		return false;
	fresh_t = sd_strlist_contains(&m->fresh_tables, t->base.name);
	/* rows of an old table must find their partner row: the target
	 * must be old too and the FK columns old ones of the same type
	 * (row i holds the same key value in every table), or new and
	 * nullable (all NULL) */
	to = fresh_t ? pick_any_table(m) : pick_old_table(m);
	if (!to)
		return false;
	skip = fresh_of(m, t);
	for (i = 0; i < t->ncolumns; i++)
		if (is_touched(m, t, t->columns[i]->base.name))
			sd_strlist_push(m->b->arena, &skip,
			                t->columns[i]->base.name);
	ncols = t->ncolumns;
	ok = add_random_fk(m->r, m->b, m->a, t, to, sd_rng_chance(m->r, 50),
	                   false, &skip,
	                   (m->o->features & SD_GEN_FK_OPTIONS) != 0);
	/* columns added by a failed attempt stay, all NULL: fresh */
	for (i = ncols; i < t->ncolumns; i++)
		mark(m, &m->fresh_columns, t, t->columns[i]->base.name);
	if (!ok)
		return false;
	{
		const sd_foreign_key *f = t->foreign_keys[t->nforeign_keys - 1];
		for (i = 0; i < f->ref_columns.n; i++)
			if (is_touched(m, to, f->ref_columns.items[i])) {
				sd_gen_remove_fk(t, t->nforeign_keys - 1);
				return false;
			}
	}
	/* new FK columns are fresh: nothing else may key on them */
	{
		const sd_foreign_key *f = t->foreign_keys[t->nforeign_keys - 1];
		const sd_table *at = table_named(
			m->a, t->renamed_from ? t->renamed_from : t->base.name);
		for (i = 0; i < f->columns.n; i++)
			if (fresh_t || !at ||
			    !column_named(at, f->columns.items[i]))
				mark(m, &m->fresh_columns, t,
				     f->columns.items[i]);
		logf_(m, "add fk %s.%s -> %s", t->base.name, f->base.name,
		      f->ref_table);
	}
	sd_schema_index(m->b);
	return true;
}

static bool mut_drop_fk(mut_ctx *m)
{
	sd_table *t = pick_any_table(m);
	size_t i;

	if (!t || t->nforeign_keys == 0)
		return false;
	i = sd_rng_below(m->r, (unsigned)t->nforeign_keys);
	logf_(m, "drop fk %s.%s", t->base.name, t->foreign_keys[i]->base.name);
	sd_gen_remove_fk(t, i);
	return true;
}

static bool mut_enum_add_value(mut_ctx *m)
{
	sd_enum *e;
	char v[32];
	unsigned k, pos;
	size_t i;

	if (m->b->nenums == 0)
		return false;
	e = m->b->enums[sd_rng_below(m->r, (unsigned)m->b->nenums)];
	for (k = 0;; k++) {
		snprintf(v, sizeof(v), "w%u", k);
		if (!sd_strlist_contains(&e->values, v))
			break;
	}
	pos = sd_rng_below(m->r, (unsigned)e->values.n + 1);
	if (pos == 0)
		pos = 1; /* the first value is what the rows hold */
	sd_strlist_push(m->b->arena, &e->values, v);
	for (i = e->values.n - 1; i > pos; i--)
		e->values.items[i] = e->values.items[i - 1];
	e->values.items[pos] = sd_arena_strdup(m->b->arena, v);
	logf_(m, "enum %s add value %s at %u", e->base.name, v, pos);
	return true;
}

static bool enum_value_in_default(const sd_schema *s, const char *quoted)
{
	size_t i, j;

	for (i = 0; i < s->ntables; i++)
		for (j = 0; j < s->tables[i]->ncolumns; j++) {
			const sd_column *c = s->tables[i]->columns[j];
			if (c->type.kind == SD_T_ENUM &&
			    ((c->default_value.sql &&
			      strstr(c->default_value.sql, quoted)) ||
			     (sd_column_x(c)->backfill && strstr(sd_column_x(c)->backfill, quoted))))
				return true;
		}
	return false;
}

static bool mut_enum_drop_value(mut_ctx *m)
{
	sd_enum *e;
	size_t i, pos;
	char quoted[40];

	if (m->b->nenums == 0)
		return false;
	e = m->b->enums[sd_rng_below(m->r, (unsigned)m->b->nenums)];
	if (e->values.n < 3)
		return false;
	pos = 1 + sd_rng_below(m->r, (unsigned)e->values.n - 1);
	snprintf(quoted, sizeof(quoted), "'%s'", e->values.items[pos]);
	if (enum_value_in_default(m->b, quoted) ||
	    enum_value_in_default(m->a, quoted))
		return false;
	logf_(m, "enum %s drop value %s", e->base.name, e->values.items[pos]);
	for (i = pos; i + 1 < e->values.n; i++)
		e->values.items[i] = e->values.items[i + 1];
	e->values.n--;
	return true;
}

/* true when a logged table other than t references t. */
static bool referenced_by_logged(const sd_schema *s, const sd_table *t)
{
	size_t i, k;

	for (i = 0; i < s->ntables; i++) {
		const sd_table *o = s->tables[i];
		if (o == t || o->unlogged)
			continue;
		for (k = 0; k < o->nforeign_keys; k++)
			if (sd_streq(o->foreign_keys[k]->ref_table, t->base.name))
				return true;
	}
	return false;
}

/* true when t references an unlogged table other than itself. */
static bool references_unlogged(const sd_schema *s, const sd_table *t)
{
	size_t k;

	for (k = 0; k < t->nforeign_keys; k++) {
		const sd_table *to = table_named(s, t->foreign_keys[k]->ref_table);
		if (to && to != t && to->unlogged)
			return true;
	}
	return false;
}

static bool pred_stats(mut_ctx *m, sd_table *t, sd_column *c)
{
	(void)m;
	(void)t;
	(void)c;
	return true;
}

static bool pred_storage(mut_ctx *m, sd_table *t, sd_column *c)
{
	(void)m;
	(void)t;
	return storage_settable(c);
}

/* One PostgreSQL table setting changed (SD_MUT_TABLE_SETTINGS). */
static bool mut_table_settings(mut_ctx *m)
{
	sd_table *t;
	sd_column *c;

	if (!m->o->postgres || !(m->o->features & SD_GEN_PG_TABLE_SETTINGS))
		return false;
	switch (sd_rng_below(m->r, 5)) {
	case 0:
		if (!(t = pick_any_table(m)))
			return false;
		if (t->unlogged ? references_unlogged(m->b, t)
		                : referenced_by_logged(m->b, t))
			return false;
		t->unlogged = !t->unlogged;
		logf_(m, "set %s %s", t->base.name,
		      t->unlogged ? "unlogged" : "logged");
		return true;
	case 1: {
		unsigned ff = sd_rng_below(m->r, 4);
		if (!(t = pick_any_table(m)))
			return false;
		set_fillfactor(m->b, t, ff ? 60 + 10 * ff : 0);
		logf_(m, "set %s fillfactor %u", t->base.name,
		      ff ? 60 + 10 * ff : 0);
		return true;
	}
	case 2:
		if (!(t = pick_any_table(m)))
			return false;
		t->replica_identity = t->replica_identity ? SD_REPLICA_DEFAULT
		                                          : SD_REPLICA_FULL;
		logf_(m, "set %s replica identity %s", t->base.name,
		      t->replica_identity ? "full" : "default");
		return true;
	case 3:
		if (!(c = pick_column(m, &t, pred_stats, false)))
			return false;
		sd_column_xw(m->b->arena, c)->statistics_set = !sd_column_x(c)->statistics_set;
		sd_column_xw(m->b->arena, c)->statistics = sd_column_x(c)->statistics_set ? 250 : 0;
		logf_(m, "set %s.%s statistics %d", t->base.name, c->base.name,
		      sd_column_x(c)->statistics_set ? 250 : -1);
		return true;
	default:
		if (!(c = pick_column(m, &t, pred_storage, false)))
			return false;
		sd_column_xw(m->b->arena, c)->storage = sd_column_x(c)->storage ? 0 : 'e';
		logf_(m, "set %s.%s storage %s", t->base.name, c->base.name,
		      sd_column_x(c)->storage ? "external" : "extended");
		return true;
	}
}

typedef bool (*mut_fn)(mut_ctx *m);

static const mut_fn mutators[SD_MUT__COUNT] = {
	mut_add_table,      mut_drop_table,      mut_rename_table,
	mut_add_column,     mut_drop_column,     mut_rename_column,
	mut_type_widen,     mut_type_narrow,     mut_type_cast,
	mut_set_not_null,   mut_drop_not_null,   mut_set_default,
	mut_drop_default,   mut_add_index,       mut_drop_index,
	mut_add_unique,     mut_drop_unique,     mut_add_check,
	mut_drop_check,     mut_add_fk,          mut_drop_fk,
	mut_enum_add_value, mut_enum_drop_value, mut_table_settings,
};

sd_schema *sd_gen_mutate(sd_rng *r, const sd_schema *a, const sd_gen_opts *o,
                         sd_buf *log, unsigned *applied)
{
	mut_ctx m;
	unsigned want = 1 + sd_rng_below(r, o->max_mutations), done = 0;
	unsigned tries = 0, bits = 0;

	memset(&m, 0, sizeof(m));
	m.r = r;
	m.a = a;
	m.o = o;
	m.log = log;
	m.b = sd_gen_clone(a);
	if (!(o->mutations & SD_MUT_ALL))
		goto done;
	while (done < want && tries < 200) {
		unsigned k = sd_rng_below(r, SD_MUT__COUNT);
		tries++;
		if (!(o->mutations & (1u << k)))
			continue;
		if (mutators[k](&m)) {
			done++;
			bits |= 1u << k;
		}
	}
done:
	sd_schema_sort(m.b);
	sd_schema_index(m.b);
	if (applied)
		*applied = bits;
	return m.b;
}

/* ------------------------------------------------------------------ */
/* Validation                                                          */
/* ------------------------------------------------------------------ */

static bool fail(sd_buf *why, const char *fmt, ...) SD_PRINTF(2, 3);
static bool fail(sd_buf *why, const char *fmt, ...)
{
	va_list ap;

	if (why) {
		va_start(ap, fmt);
		sd_buf_vprintf(why, fmt, ap);
		va_end(ap);
		sd_buf_putc(why, '\n');
	}
	return false;
}

static bool cols_exist(const sd_table *t, const sd_strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!column_named(t, l->items[i]))
			return false;
	return l->n > 0;
}

bool sd_gen_validate(const sd_schema *s, bool postgres, sd_buf *why)
{
	sd_arena *scratch = sd_arena_new();
	sd_map *names = sd_map_new(scratch, 64);
	bool ok = true;
	size_t i, j, k;

#define NAME(n)                                                              \
	do {                                                                 \
		if ((n) && sd_map_put(names, (n), (void *)1))                \
			ok = fail(why, "duplicate name %s", (n));            \
	} while (0)

	for (i = 0; i < s->nenums; i++) {
		NAME(s->enums[i]->base.name);
		if (s->enums[i]->values.n == 0)
			ok = fail(why, "enum %s has no values",
			          s->enums[i]->base.name);
	}
	for (i = 0; i < s->ntables; i++) {
		const sd_table *t = s->tables[i];
		sd_map *cols = sd_map_new(scratch, t->ncolumns);
		NAME(t->base.name);
		if (t->ncolumns == 0)
			ok = fail(why, "%s has no columns", t->base.name);
		if (!t->unlogged && references_unlogged(s, t))
			ok = fail(why, "logged %s references an unlogged table",
			          t->base.name);
		for (j = 0; j < t->ncolumns; j++) {
			const sd_column *c = t->columns[j];
			if (sd_map_put(cols, c->base.name, (void *)1))
				ok = fail(why, "duplicate column %s.%s",
				          t->base.name, c->base.name);
			if (c->type.kind == SD_T_ENUM &&
			    !find_enum(s, c->type.name))
				ok = fail(why, "%s.%s: missing enum %s",
				          t->base.name, c->base.name,
				          c->type.name);
			if (sd_column_x(c)->storage && !storage_settable(c))
				ok = fail(why, "%s.%s: STORAGE on a column "
				          "that is not text",
				          t->base.name, c->base.name);
			if (in_pk(t, c->base.name) && c->nullable)
				ok = fail(why, "%s.%s: nullable PK column",
				          t->base.name, c->base.name);
		}
		if (t->primary_key) {
			NAME(t->primary_key->base.name);
			if (!cols_exist(t, &t->primary_key->columns))
				ok = fail(why, "%s: PK on missing column",
				          t->base.name);
		}
		for (j = 0; j < t->nuniques; j++) {
			NAME(t->uniques[j]->base.name);
			if (!cols_exist(t, &t->uniques[j]->columns))
				ok = fail(why, "%s: unique %s on missing column",
				          t->base.name, t->uniques[j]->base.name);
		}
		for (j = 0; j < t->nchecks; j++)
			NAME(t->checks[j]->base.name);
		for (j = 0; j < t->nindexes; j++) {
			const sd_index *x = t->indexes[j];
			NAME(x->base.name);
			for (k = 0; k < x->nkeys; k++)
				if (x->keys[k].column &&
				    !column_named(t, x->keys[k].column))
					ok = fail(why, "%s: index %s on missing column",
					          t->base.name, x->base.name);
			if (!postgres && x->where.sql)
				ok = fail(why, "partial index on sqlite");
		}
		for (j = 0; j < t->nforeign_keys; j++) {
			const sd_foreign_key *f = t->foreign_keys[j];
			const sd_table *rt = table_named(s, f->ref_table);
			NAME(f->base.name);
			if (!rt) {
				ok = fail(why, "%s: fk %s to missing table %s",
				          t->base.name, f->base.name,
				          f->ref_table);
				continue;
			}
			if (!cols_exist(t, &f->columns) ||
			    !cols_exist(rt, &f->ref_columns) ||
			    f->columns.n != f->ref_columns.n) {
				ok = fail(why, "%s: fk %s column mismatch",
				          t->base.name, f->base.name);
				continue;
			}
			if (!has_unique_on(rt, &f->ref_columns))
				ok = fail(why, "%s: fk %s to non-unique columns",
				          t->base.name, f->base.name);
			for (k = 0; k < f->columns.n; k++)
				if (!sd_type_equal(
					    &column_named(t, f->columns.items[k])->type,
					    &column_named(rt, f->ref_columns.items[k])
					         ->type))
					ok = fail(why, "%s: fk %s type mismatch",
					          t->base.name, f->base.name);
		}
	}
#undef NAME
	sd_arena_free(scratch);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Models YAML                                                         */
/* ------------------------------------------------------------------ */

static void yq(sd_buf *out, const char *s)
{
	sd_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sd_buf_putc(out, '\\');
		sd_buf_putc(out, *s);
	}
	sd_buf_putc(out, '"');
}

/* The generated triggers of t and views of s (SD_GEN_SQLITE_LOGIC). */
static void yaml_triggers(sd_buf *out, const sd_schema *s, const sd_table *t)
{
	const sd_logic *l = sd_logic_of(s);
	size_t i;
	bool any = false;

	for (i = 0; i < l->ntriggers; i++) {
		if (!sd_streq(l->triggers[i]->table, t->base.name))
			continue;
		sd_buf_put(out, any ? "" : "    triggers:\n");
		any = true;
		sd_buf_put(out, "      - {name: ");
		yq(out, l->triggers[i]->base.name);
		if (l->triggers[i]->function) {
			sd_buf_put(out, ", timing: before, events: [update], "
			                "for_each: row, function: ");
			yq(out, l->triggers[i]->function);
		} else {
			sd_buf_put(out, ", timing: after, events: [delete], "
			                "for_each: row, body: ");
			yq(out, l->triggers[i]->body);
		}
		sd_buf_put(out, "}\n");
	}
}

static void yaml_views(sd_buf *out, const sd_schema *s)
{
	const sd_logic *l = sd_logic_of(s);
	size_t i;

	for (i = 0; i < l->nfunctions; i++) {
		sd_buf_put(out, i ? "" : "functions:\n");
		sd_buf_put(out, "  - {name: ");
		yq(out, l->functions[i]->base.name);
		sd_buf_put(out, ", returns: trigger, language: plpgsql, body: ");
		yq(out, l->functions[i]->body);
		sd_buf_put(out, "}\n");
	}

	for (i = 0; i < l->nviews; i++) {
		sd_buf_put(out, i ? "" : "views:\n");
		sd_buf_put(out, "  - {name: ");
		yq(out, l->views[i]->base.name);
		sd_buf_put(out, ", query: ");
		yq(out, l->views[i]->query.sql);
		sd_buf_put(out, "}\n");
	}
}

static void ylist(sd_buf *out, const sd_strlist *l)
{
	size_t i;

	sd_buf_putc(out, '[');
	for (i = 0; i < l->n; i++) {
		if (i)
			sd_buf_put(out, ", ");
		yq(out, l->items[i]);
	}
	sd_buf_putc(out, ']');
}

static void yaction(sd_buf *out, const char *key, sd_fk_action a)
{
	const char *s = sd_fk_action_sql(a);

	sd_buf_printf(out, ", %s: \"", key);
	for (; *s; s++)
		sd_buf_putc(out, (char)tolower((unsigned char)*s));
	sd_buf_putc(out, '"');
}

void sd_gen_write_yaml(sd_buf *out, const sd_schema *s)
{
	size_t i, j, k;

	if (s->nenums) {
		sd_buf_put(out, "enums:\n");
		for (i = 0; i < s->nenums; i++) {
			sd_buf_put(out, "  - name: ");
			yq(out, s->enums[i]->base.name);
			sd_buf_put(out, "\n    values: ");
			ylist(out, &s->enums[i]->values);
			sd_buf_putc(out, '\n');
		}
	}
	sd_buf_put(out, s->ntables ? "tables:\n" : "tables: []\n");
	for (i = 0; i < s->ntables; i++) {
		const sd_table *t = s->tables[i];
		sd_buf_put(out, "  - name: ");
		yq(out, t->base.name);
		sd_buf_putc(out, '\n');
		if (t->renamed_from) {
			sd_buf_put(out, "    renamed_from: ");
			yq(out, t->renamed_from);
			sd_buf_putc(out, '\n');
		}
		if (t->comment) {
			sd_buf_put(out, "    comment: ");
			yq(out, t->comment);
			sd_buf_putc(out, '\n');
		}
		if (t->unlogged)
			sd_buf_put(out, "    unlogged: true\n");
		if (t->replica_identity == SD_REPLICA_FULL)
			sd_buf_put(out, "    replica_identity: full\n");
		for (j = 0; j < t->with.n; j++) {
			const char *eq = strchr(t->with.items[j], '=');
			sd_buf_printf(out, "%s%.*s: %s%s", j ? ", " : "    with: {",
			              (int)(eq - t->with.items[j]),
			              t->with.items[j], eq + 1,
			              j + 1 == t->with.n ? "}\n" : "");
		}
		sd_buf_put(out, "    columns:\n");
		for (j = 0; j < t->ncolumns; j++) {
			const sd_column *c = t->columns[j];
			sd_buf type = SD_BUF_INIT;
			sd_type_format(&type, &c->type);
			sd_buf_put(out, "      - {name: ");
			yq(out, c->base.name);
			sd_buf_put(out, ", type: ");
			yq(out, sd_buf_cstr(&type));
			sd_buf_free(&type);
			if (!c->nullable)
				sd_buf_put(out, ", nullable: false");
			if (c->default_value.sql) {
				sd_buf_put(out, ", default: ");
				yq(out, c->default_value.sql);
			}
			if (sd_column_x(c)->renamed_from) {
				sd_buf_put(out, ", renamed_from: ");
				yq(out, sd_column_x(c)->renamed_from);
			}
			if (sd_column_x(c)->backfill) {
				sd_buf_put(out, ", backfill: ");
				yq(out, sd_column_x(c)->backfill);
			}
			if (sd_column_x(c)->comment) {
				sd_buf_put(out, ", comment: ");
				yq(out, sd_column_x(c)->comment);
			}
			if (sd_column_x(c)->statistics_set)
				sd_buf_printf(out, ", statistics: %d",
				              sd_column_x(c)->statistics);
			if (sd_column_x(c)->storage == 'e')
				sd_buf_put(out, ", storage: external");
			sd_buf_put(out, "}\n");
		}
		if (t->primary_key) {
			sd_buf_put(out, "    primary_key: {");
			if (t->primary_key->base.name) {
				sd_buf_put(out, "name: ");
				yq(out, t->primary_key->base.name);
				sd_buf_put(out, ", ");
			}
			sd_buf_put(out, "columns: ");
			ylist(out, &t->primary_key->columns);
			sd_buf_put(out, "}\n");
		}
		if (t->nuniques)
			sd_buf_put(out, "    unique:\n");
		for (j = 0; j < t->nuniques; j++) {
			sd_buf_put(out, "      - {name: ");
			yq(out, t->uniques[j]->base.name);
			sd_buf_put(out, ", columns: ");
			ylist(out, &t->uniques[j]->columns);
			sd_buf_put(out, "}\n");
		}
		if (t->nindexes)
			sd_buf_put(out, "    indexes:\n");
		for (j = 0; j < t->nindexes; j++) {
			const sd_index *x = t->indexes[j];
			sd_strlist cols = {NULL, 0}, exprs = {NULL, 0};
			sd_arena *a = s->arena;
			for (k = 0; k < x->nkeys; k++) {
				if (x->keys[k].column && x->keys[k].desc)
					sd_strlist_push(
						a, &cols,
						sd_arena_printf(a, "%s desc",
						                x->keys[k].column));
				else if (x->keys[k].column)
					sd_strlist_push(a, &cols, x->keys[k].column);
				else
					sd_strlist_push(a, &exprs,
					                x->keys[k].expression.sql);
			}
			sd_buf_put(out, "      - {name: ");
			yq(out, x->base.name);
			if (cols.n) {
				sd_buf_put(out, ", columns: ");
				ylist(out, &cols);
			}
			if (exprs.n) {
				sd_buf_put(out, ", expressions: ");
				ylist(out, &exprs);
			}
			if (x->unique)
				sd_buf_put(out, ", unique: true");
			if (x->where.sql) {
				sd_buf_put(out, ", where: ");
				yq(out, x->where.sql);
			}
			sd_buf_put(out, "}\n");
		}
		if (t->nforeign_keys)
			sd_buf_put(out, "    foreign_keys:\n");
		for (j = 0; j < t->nforeign_keys; j++) {
			const sd_foreign_key *f = t->foreign_keys[j];
			sd_buf_put(out, "      - {name: ");
			yq(out, f->base.name);
			sd_buf_put(out, ", columns: ");
			ylist(out, &f->columns);
			sd_buf_put(out, ", references: {table: ");
			yq(out, f->ref_table);
			sd_buf_put(out, ", columns: ");
			ylist(out, &f->ref_columns);
			sd_buf_putc(out, '}');
			yaction(out, "on_delete", f->on_delete);
			yaction(out, "on_update", f->on_update);
			if (f->deferrable)
				sd_buf_put(out, ", deferrable: true");
			sd_buf_put(out, "}\n");
		}
		if (t->nchecks)
			sd_buf_put(out, "    checks:\n");
		for (j = 0; j < t->nchecks; j++) {
			sd_buf_put(out, "      - {name: ");
			yq(out, t->checks[j]->base.name);
			sd_buf_put(out, ", expression: ");
			yq(out, t->checks[j]->expression.sql);
			sd_buf_put(out, "}\n");
		}
		yaml_triggers(out, s, t);
	}
	yaml_views(out, s);
}
