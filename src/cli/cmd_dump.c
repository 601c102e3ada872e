/*
 * cmd_dump.c - `dump`: the database's schema as models YAML on stdout, to
 * adopt an existing database. `check` against the dump reports nothing.
 */
#include "cli/cli.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool plain_ok(const char *s)
{
	static const char *const reserved[] = {
		"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
	};
	size_t i;

	if (!*s)
		return false;
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (i = 0; s[i]; i++)
		if (!(isalnum((unsigned char)s[i]) || strchr("_.()", s[i])))
			return false;
	for (i = 0; i < SD_ARRAY_LEN(reserved); i++)
		if (sd_strieq(s, reserved[i]))
			return false;
	return true;
}

/* A YAML scalar: plain when safe, else double-quoted with escapes. */
static void scalar(sd_buf *out, const char *s)
{
	if (plain_ok(s)) {
		sd_buf_put(out, s);
		return;
	}
	sd_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sd_buf_printf(out, "\\%c", *s);
		else if (*s == '\n')
			sd_buf_put(out, "\\n");
		else if (*s == '\t')
			sd_buf_put(out, "\\t");
		else if ((unsigned char)*s < 0x20)
			sd_buf_printf(out, "\\x%02x", (unsigned char)*s);
		else
			sd_buf_putc(out, *s);
	}
	sd_buf_putc(out, '"');
}

static void kv(sd_buf *out, bool *first, const char *key, const char *value)
{
	sd_buf_printf(out, "%s%s: ", *first ? "" : ", ", key);
	scalar(out, value);
	*first = false;
}

static void kv_raw(sd_buf *out, bool *first, const char *key, const char *raw)
{
	sd_buf_printf(out, "%s%s: %s", *first ? "" : ", ", key, raw);
	*first = false;
}

/* key: true when set; nothing otherwise. */
static void kv_true(sd_buf *out, bool *first, const char *key, bool set)
{
	if (set)
		kv_raw(out, first, key, "true");
}

static void kv_deferral(sd_buf *out, bool *first, bool deferrable,
                        bool initially_deferred)
{
	kv_true(out, first, "deferrable", deferrable);
	kv_true(out, first, "initially_deferred", initially_deferred);
}

/* key: value when there is a value. */
static void kv_opt(sd_buf *out, bool *first, const char *key,
                   const char *value)
{
	if (value)
		kv(out, first, key, value);
}

static void list(sd_buf *out, bool *first, const char *key,
                 const sd_strlist *l)
{
	size_t i;

	sd_buf_printf(out, "%s%s: [", *first ? "" : ", ", key);
	for (i = 0; i < l->n; i++) {
		if (i)
			sd_buf_put(out, ", ");
		scalar(out, l->items[i]);
	}
	sd_buf_putc(out, ']');
	*first = false;
}

/* with: {name: value, ...} of storage parameters. */
static void kv_options(sd_buf *out, bool *first, const char *key,
                       const sd_strlist *l)
{
	size_t i;

	if (!l->n)
		return;
	sd_buf_printf(out, "%s%s: {", *first ? "" : ", ", key);
	for (i = 0; i < l->n; i++) {
		const char *eq = strchr(l->items[i], '=');
		sd_buf b = SD_BUF_INIT;
		sd_buf_putn(&b, l->items[i], (size_t)(eq - l->items[i]));
		if (i)
			sd_buf_put(out, ", ");
		scalar(out, sd_buf_cstr(&b));
		sd_buf_put(out, ": ");
		scalar(out, eq + 1);
		sd_buf_free(&b);
	}
	sd_buf_putc(out, '}');
	*first = false;
}

/* statistics: the table's extended statistics (PostgreSQL); the schema
 * only where it is not the table's. */
static void dump_statistics(sd_buf *out, const sd_table *t)
{
	size_t i, k;

	if (t->nstatistics)
		sd_buf_put(out, "    statistics:\n");
	for (i = 0; i < t->nstatistics; i++) {
		const sd_statistics *st = t->statistics[i];
		sd_strlist exprs = {NULL, 0};
		const char *items[64];
		bool first = true;
		sd_buf_put(out, "      - {");
		kv(out, &first, "name", st->base.name);
		if (!sd_streq(st->base.schema, t->base.schema))
			kv(out, &first, "schema",
			   st->base.schema ? st->base.schema
			                   : sd_namespace_default());
		if (st->kinds.n)
			list(out, &first, "kinds", &st->kinds);
		if (st->columns.n)
			list(out, &first, "columns", &st->columns);
		for (k = 0; k < st->nexpressions && k < 64; k++)
			items[k] = st->expressions[k].sql;
		exprs.items = items;
		exprs.n = k;
		if (exprs.n)
			list(out, &first, "expressions", &exprs);
		if (st->target_set) {
			char n[16];
			snprintf(n, sizeof(n), "%d", st->target);
			kv_raw(out, &first, "target", n);
		}
		kv_opt(out, &first, "comment", st->comment);
		sd_buf_put(out, "}\n");
	}
}

/* include, with and tablespace of an index or of the one behind a
 * constraint. */
static void kv_storage(sd_buf *out, bool *first, const sd_strlist *include,
                       const sd_index_storage *st)
{
	if (include && include->n)
		list(out, first, "include", include);
	kv_options(out, first, "with", &st->with);
	kv_opt(out, first, "tablespace", st->tablespace);
	kv_opt(out, first, "index_comment", st->comment);
	if (st->partition_names.n) {
		size_t i;
		sd_buf_printf(out, "%spartition_names: {", *first ? "" : ", ");
		for (i = 0; i + 1 < st->partition_names.n; i += 2) {
			if (i)
				sd_buf_put(out, ", ");
			scalar(out, st->partition_names.items[i]);
			sd_buf_put(out, ": ");
			scalar(out, st->partition_names.items[i + 1]);
		}
		sd_buf_putc(out, '}');
		*first = false;
	}
}

/* An operator class with its parameters: "gist_trgm_ops(siglen=64)". */
static const char *opclass_text(sd_buf *tmp, const sd_index_key *k)
{
	sd_buf_truncate(tmp, 0);
	sd_buf_put(tmp, k->opclass);
	if (k->opclass_params.n) {
		sd_buf_putc(tmp, '(');
		sd_options_put(tmp, &k->opclass_params, "=");
		sd_buf_putc(tmp, ')');
	}
	return sd_buf_cstr(tmp);
}

/* "created_at desc nulls last": a column key as the models spell it. */
static const char *column_key_text(sd_arena *a, const sd_index_key *key)
{
	return sd_arena_printf(a, "%s%s%s", key->column,
	                       key->desc ? " desc" : key->asc ? " asc" : "",
	                       key->nulls == SD_NULLS_FIRST  ? " nulls first"
	                       : key->nulls == SD_NULLS_LAST ? " nulls last"
	                                                     : "");
}

/* Whether a column key needs the mapping form of `keys:`. */
static bool key_has_details(const sd_index_key *k)
{
	return k->opclass || k->collation || k->op;
}

/*
 * keys: [...] of an index or exclusion constraint: a plain column key as
 * its name (and order words), anything else as a mapping. A column named
 * like a YAML mapping's key words is still a plain scalar: the loader
 * reads a scalar entry as a column.
 */
static void kv_keys(sd_buf *out, bool *first, const sd_index *ix)
{
	sd_buf tmp = SD_BUF_INIT;
	sd_arena *a = sd_arena_new();
	size_t k;

	sd_buf_printf(out, "%skeys: [", *first ? "" : ", ");
	for (k = 0; k < ix->nkeys; k++) {
		const sd_index_key *key = &ix->keys[k];
		bool f = true;
		if (k)
			sd_buf_put(out, ", ");
		if (key->column && !key_has_details(key)) {
			scalar(out, column_key_text(a, key));
			continue;
		}
		sd_buf_putc(out, '{');
		if (key->column)
			kv(out, &f, "column", key->column);
		else
			kv(out, &f, "expression", key->expression.sql);
		if (key->opclass)
			kv(out, &f, "opclass", opclass_text(&tmp, key));
		kv_opt(out, &f, "collation", key->collation);
		if (key->desc || key->asc)
			kv_raw(out, &f, "order", key->desc ? "desc" : "asc");
		if (key->nulls != SD_NULLS_DEFAULT)
			kv_raw(out, &f, "nulls",
			       key->nulls == SD_NULLS_FIRST ? "first" : "last");
		kv_opt(out, &f, "operator", key->op);
		sd_buf_putc(out, '}');
	}
	sd_buf_putc(out, ']');
	*first = false;
	sd_buf_free(&tmp);
	sd_arena_free(a);
}

/*
 * Whether the index's keys fit `columns:` and `expressions:`: column keys
 * without operator class or collation, then expressions without order.
 */
static bool keys_fit_lists(const sd_index *ix)
{
	size_t k;
	bool exprs = false;

	for (k = 0; k < ix->nkeys; k++) {
		const sd_index_key *key = &ix->keys[k];
		if (key_has_details(key))
			return false;
		if (!key->column) {
			exprs = true;
			if (key->desc || key->asc ||
			    key->nulls != SD_NULLS_DEFAULT)
				return false;
		} else if (exprs) {
			return false;
		}
	}
	return true;
}

/*
 * A type as the models must spell it to read it back the same: a type of
 * the database's own that a portable name would take over ("string", a
 * domain) or that the loader would take for a misspelling ("year") gets
 * its leading name double-quoted.
 */
static const char *type_text(sd_buf *tmp, const sd_type *t)
{
	sd_arena *a;
	sd_type back;
	const char *why, *suggest, *name = t->name;
	size_t n = 0;
	bool same;

	sd_buf_truncate(tmp, 0);
	sd_type_format(tmp, t);
	if (t->kind != SD_T_RAW || !name)
		return sd_buf_cstr(tmp);
	a = sd_arena_new();
	same = sd_type_parse(a, name, &back, &why, &suggest) == SD_OK &&
	       back.kind == SD_T_RAW;
	sd_arena_free(a);
	if (same)
		return sd_buf_cstr(tmp);
	while (name[n] && (isalnum((unsigned char)name[n]) || name[n] == '_' ||
	                   (unsigned char)name[n] >= 0x80))
		n++;
	sd_buf_truncate(tmp, 0);
	sd_buf_putc(tmp, '"');
	sd_buf_putn(tmp, name, n);
	sd_buf_putc(tmp, '"');
	sd_buf_put(tmp, name + n);
	return sd_buf_cstr(tmp);
}

/* Same text, ASCII case and every blank aside: "varchar ( 40 )" is
 * "VARCHAR(40)". */
static bool same_spelling(const char *a, const char *b)
{
	for (;;) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++;
		b++;
	}
}

/*
 * A column's type as the models must spell it: SQLite keeps the declared
 * spelling (nvarchar(40), datetime, int: `id int PRIMARY KEY` is no rowid
 * alias), which goes out as written when the portable type would be
 * declared otherwise; else the portable type (type_text).
 */
static const char *column_type_text(sd_buf *tmp, const sd_schema *s,
                                    const sd_column *c)
{
	sd_type raw = c->type;

	if (!sd_streq(s->dialect, "sqlite") || !c->type_sql ||
	    !*c->type_sql || c->type.kind == SD_T_RAW)
		return type_text(tmp, &c->type);
	sd_buf_truncate(tmp, 0);
	sd_dialect_sqlite.type_sql(tmp, &c->type);
	if (same_spelling(sd_buf_cstr(tmp), c->type_sql))
		return type_text(tmp, &c->type);
	memset(&raw, 0, sizeof(raw));
	raw.kind = SD_T_RAW;
	raw.length = raw.precision = raw.scale = -1;
	raw.name = c->type_sql;
	return type_text(tmp, &raw);
}

static bool typeless(const sd_column *c)
{
	return c->type.kind == SD_T_RAW && c->type.name && !*c->type.name &&
	       (!c->type_sql || !*c->type_sql);
}

static const char *qualified(sd_buf *tmp, const char *schema, const char *name)
{
	sd_buf_truncate(tmp, 0);
	sd_qualified_put(tmp, schema, name);
	return sd_buf_cstr(tmp);
}

/*
 * An enum column's default as PostgreSQL stores it casts to the column's own
 * type ('pending'::billing.order_status); the models say 'pending' and the
 * type comes from the column. Other defaults are written as stored.
 */
static const char *strip_own_cast(sd_buf *tmp, const sd_column *c)
{
	const char *sql = c->default_value.sql;
	const char *cast = strstr(sql, "::");
	const char *name = c->type.name;

	if (c->type.kind != SD_T_ENUM || !cast || !name || strstr(cast + 2, "::"))
		return sql;
	sd_buf_truncate(tmp, 0);
	if (c->type.enum_schema && !strchr(name, '.'))
		sd_buf_printf(tmp, "%s.", c->type.enum_schema);
	sd_buf_put(tmp, name);
	if (strcmp(cast + 2, sd_buf_cstr(tmp)) != 0 && strcmp(cast + 2, name) != 0 &&
	    !(strchr(name, '.') && strcmp(cast + 2, strchr(name, '.') + 1) == 0))
		return sql;
	sd_buf_truncate(tmp, 0);
	sd_buf_putn(tmp, sql, (size_t)(cast - sql));
	return sd_buf_cstr(tmp);
}

/* "schema.name" of a table, as the models name another table from t's
 * schema (the default one spelled out when t is elsewhere). */
static const char *table_ref(sd_buf *tmp, const sd_table *t,
                             const char *schema, const char *name)
{
	return qualified(tmp,
	                 schema ? schema
	                 : t->base.schema ? sd_namespace_default()
	                                  : NULL,
	                 name);
}

/*
 * The sequence options of o that are not the defaults for deftype, as
 * models keys: "start: 1000, increment: 10". The type goes out only
 * with_type (identities take their column's).
 */
static void seqopts_kv(sd_buf *out, bool *first, const sd_seqopts *o,
                       sd_type_kind deftype, bool with_type)
{
	sd_seqopts e, d, given;
	sd_buf t = SD_BUF_INIT;

	sd_seqopts_effective(o, deftype, &e);
	memset(&given, 0, sizeof(given));
	given.type = e.type;
	given.increment = e.increment;
	given.set = SD_SEQ_TYPE | SD_SEQ_INCREMENT;
	sd_seqopts_effective(&given, deftype, &d);
	if (with_type && e.type != deftype) {
		sd_type ty = {.kind = e.type, .length = -1, .precision = -1,
		              .scale = -1};
		sd_type_format(&t, &ty);
		kv(out, first, "type", sd_buf_cstr(&t));
	}
#define NUM(key, m)                                                          \
	if (e.m != d.m) {                                                    \
		sd_buf_truncate(&t, 0);                                      \
		sd_buf_printf(&t, "%lld", (long long)e.m);                   \
		kv_raw(out, first, key, sd_buf_cstr(&t));                    \
	}
	NUM("start", start)
	if (e.increment != 1) {
		sd_buf_truncate(&t, 0);
		sd_buf_printf(&t, "%lld", (long long)e.increment);
		kv_raw(out, first, "increment", sd_buf_cstr(&t));
	}
	NUM("min", min)
	NUM("max", max)
	NUM("cache", cache)
#undef NUM
	kv_true(out, first, "cycle", e.cycle);
	sd_buf_free(&t);
}

/*
 * Whether column c of a partition says anything its parent's column p
 * does not: its default, NOT NULL or comment.
 */
static bool partition_override(const sd_column *c, const sd_column *p)
{
	return !p || !sd_streq(c->default_value.sql, p->default_value.sql) ||
	       c->nullable != p->nullable || !sd_streq(sd_column_x(c)->comment, sd_column_x(p)->comment);
}

/* Whether inherited column c sets a storage, compression, statistics
 * target or attribute options its parent's column p lacks. */
static bool settings_override(const sd_column *c, const sd_column *p)
{
	const sd_column_ext *x = sd_column_x(c), *y = sd_column_x(p);
	sd_buf a = SD_BUF_INIT, b = SD_BUF_INIT;
	bool differ;

	if ((x->storage && x->storage != y->storage) ||
	    (x->compression && !sd_streq(x->compression, y->compression)) ||
	    (x->statistics_set &&
	     (!y->statistics_set || x->statistics != y->statistics)))
		return true;
	if (!x->options.n)
		return false;
	sd_options_put(&a, &x->options, "=");
	sd_options_put(&b, &y->options, "=");
	differ = strcmp(sd_buf_cstr(&a), sd_buf_cstr(&b)) != 0;
	sd_buf_free(&a);
	sd_buf_free(&b);
	return differ;
}

/* partition_by, partition_of + partition_bound, inherits of t. */
static void dump_table_parents(sd_buf *out, const sd_table *t)
{
	sd_buf tmp = SD_BUF_INIT;
	size_t i;

	if (t->partition_by.sql) {
		sd_buf_put(out, "    partition_by: ");
		scalar(out, t->partition_by.sql);
		sd_buf_putc(out, '\n');
	}
	if (t->partition_of) {
		sd_buf_put(out, "    partition_of: ");
		scalar(out, table_ref(&tmp, t, t->partition_of_schema,
		                      t->partition_of));
		sd_buf_put(out, "\n    partition_bound: ");
		scalar(out, t->partition_bound.sql);
		sd_buf_putc(out, '\n');
	}
	if (t->ninherits) {
		sd_buf_put(out, "    inherits: [");
		for (i = 0; i < t->ninherits; i++) {
			if (i)
				sd_buf_put(out, ", ");
			scalar(out, table_ref(&tmp, t, t->inherits[i].schema,
			                      t->inherits[i].name));
		}
		sd_buf_put(out, "]\n");
	}
	if (t->of_type) {
		sd_buf_put(out, "    of: ");
		scalar(out, table_ref(&tmp, t, t->of_type_schema, t->of_type));
		sd_buf_putc(out, '\n');
	}
	sd_buf_free(&tmp);
}

/* The column of c's name in t's parent (a partition's) or first parent
 * that has it (an INHERITS child's), NULL when none does. */
static const sd_column *parent_column(const sd_schema *s, const sd_table *t,
                                      const sd_column *c)
{
	const sd_table *parent;
	const sd_column *pc;
	size_t i;

	if (t->partition_of) {
		parent = sd_table_partition_parent(s, t);
		return parent ? sd_table_find_column(parent, c->base.name)
		              : NULL;
	}
	for (i = 0; i < t->ninherits; i++) {
		parent = sd_schema_find_table(s, t->inherits[i].schema,
		                              t->inherits[i].name);
		if (parent && (pc = sd_table_find_column(parent, c->base.name)))
			return pc;
	}
	return NULL;
}

/*
 * Whether column c of t goes into t's `columns:`: not when t is a
 * partition or an INHERITS child and c is its parent's as it is (an
 * INHERITS child's own default, NOT NULL or comment on it is written
 * with `inherited: true`).
 */
static bool column_dumped(const sd_schema *s, const sd_table *t,
                          const sd_column *c)
{
	const sd_column *p;

	if (!c->inherited)
		return true;
	p = parent_column(s, t, c);
	return partition_override(c, p) ||
	       (!t->partition_of && settings_override(c, p));
}

/* unlogged, with, replica_identity, cluster_on of t. */
static void dump_table_settings(sd_buf *out, const sd_table *t)
{
	bool first = true;

	if (t->unlogged)
		sd_buf_put(out, "    unlogged: true\n");
	if (t->with.n) {
		sd_buf_put(out, "    ");
		kv_options(out, &first, "with", &t->with);
		sd_buf_putc(out, '\n');
	}
	if (t->replica_identity) {
		sd_buf_put(out, "    replica_identity: ");
		if (t->replica_identity == SD_REPLICA_INDEX) {
			sd_buf v = SD_BUF_INIT;
			sd_buf_printf(&v, "using index %s", t->replica_index);
			scalar(out, sd_buf_cstr(&v));
			sd_buf_free(&v);
		} else {
			sd_buf_put(out, t->replica_identity == SD_REPLICA_FULL
			                    ? "full"
			                    : "nothing");
		}
		sd_buf_putc(out, '\n');
	}
	if (t->cluster_on) {
		sd_buf_put(out, "    cluster_on: ");
		scalar(out, t->cluster_on);
		sd_buf_putc(out, '\n');
	}
}

/* A constraint's name, NULL for one the database keeps without any
 * (SQLite): the models leave it unnamed too. */
static const char *constraint_name(const sd_object *o)
{
	return o->unnamed && !o->name_unclashed ? NULL : o->name;
}

/* ON UPDATE written before ON DELETE, both there (SQLite). */
static bool update_first(const sd_foreign_key *f)
{
	return f->update_first && sd_fk_update_written(f) &&
	       sd_fk_delete_written(f);
}

/* SQLite's ON CONFLICT word as the models write it ("replace"). */
static const char *conflict_word(sd_buf *tmp, const char *word)
{
	if (!word)
		return NULL;
	sd_buf_truncate(tmp, 0);
	for (; *word; word++)
		sd_buf_putc(tmp, (char)tolower((unsigned char)*word));
	return sd_buf_cstr(tmp);
}

/* ", sqlite_order: [default, not_null]" from sd_column.sqlite_order. */
static void kv_sqlite_order(sd_buf *out, bool *first, const char *order)
{
	static const char letters[] = "NnDCG";
	static const char *const words[] = {"not_null", "null", "default",
	                                    "collation", "generated"};
	const char *p;

	sd_buf_put(out, *first ? "" : ", ");
	*first = false;
	sd_buf_put(out, "sqlite_order: [");
	for (p = order; *p; p++) {
		const char *at = strchr(letters, *p);
		if (!at)
			continue;
		sd_buf_printf(out, "%s%s", p == order ? "" : ", ",
		              words[at - letters]);
	}
	sd_buf_putc(out, ']');
}

/* ", sqlite_names: {not_null: nn, default: df}" from sd_column.sqlite_names */
static void kv_sqlite_names(sd_buf *out, bool *first, const sd_column *c)
{
	static const char *const words[SD_ATTR__COUNT] = {
		"not_null", "default", "collation", "generated"};
	bool f = true;
	int i;

	sd_buf_printf(out, "%ssqlite_names: {", *first ? "" : ", ");
	*first = false;
	for (i = 0; i < SD_ATTR__COUNT; i++)
		kv_opt(out, &f, words[i],
		       sd_column_attr_name(c, (sd_column_attr)i));
	sd_buf_putc(out, '}');
}

/* ", columns: [a, b desc]": a primary key's columns, with the order
 * SQLite keeps written out. */
static void key_columns(sd_buf *out, bool *first, const sd_primary_key *pk)
{
	sd_arena *a = sd_arena_new();
	sd_strlist cols = {NULL, 0};
	size_t i;

	for (i = 0; i < pk->columns.n; i++) {
		const char *col = pk->columns.items[i];
		sd_strlist_push(a, &cols,
		                sd_strlist_contains(&pk->desc, col)
		                    ? sd_arena_printf(a, "%s desc", col)
		                    : col);
	}
	list(out, first, "columns", &cols);
	sd_arena_free(a);
}

static void dump_table(sd_buf *out, const sd_schema *s, const sd_table *t)
{
	const sd_primary_key *pk = t->primary_key;
	sd_buf tmp = SD_BUF_INIT, conv = SD_BUF_INIT, cast = SD_BUF_INIT;
	bool pk_inline = false;
	size_t i, k;

	sd_buf_put(out, "  - name: ");
	scalar(out, t->base.name);
	sd_buf_putc(out, '\n');
	if (t->base.schema) {
		sd_buf_put(out, "    schema: ");
		scalar(out, t->base.schema);
		sd_buf_putc(out, '\n');
	}
	if (t->comment) {
		sd_buf_put(out, "    comment: ");
		scalar(out, t->comment);
		sd_buf_putc(out, '\n');
	}
	dump_table_settings(out, t);
	if (t->without_rowid)
		sd_buf_put(out, "    without_rowid: true\n");
	if (t->strict)
		sd_buf_put(out, "    strict: true\n");
	if (t->sqlite_using) {
		/* a virtual table: its columns are the module's */
		sd_buf_put(out, "    using: ");
		scalar(out, t->sqlite_using);
		sd_buf_putc(out, '\n');
		return;
	}
	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i]->autoincrement_keyword)
			sd_buf_put(out, "    sqlite_autoincrement: true\n");
	/* A one-column key unnamed, or named by the convention where every
	 * key has a name, goes on its column; anything else is spelled out
	 * at table level (SQLite keeps a key's name only when given one). */
	sd_buf_printf(&conv, "pk_%s", t->base.name);
	if (pk && pk->columns.n == 1 &&
	    (!pk->base.name || pk->base.unnamed ||
	     (strcmp(pk->base.name, sd_buf_cstr(&conv)) == 0 &&
	      !sd_streq(s->dialect, "sqlite"))) &&
	    !pk->include.n && !pk->storage.with.n && !pk->storage.tablespace &&
	    !pk->storage.comment && !pk->storage.partition_names.n &&
	    !pk->deferrable && !pk->comment && !pk->on_conflict &&
	    !pk->desc.n)
		pk_inline = true;
	dump_table_parents(out, t);
	for (i = k = 0; i < t->ncolumns; i++)
		if (column_dumped(s, t, t->columns[i]))
			k++;
	sd_buf_put(out, k ? "    columns:\n" : "    columns: []\n");
	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		bool first = true, is_pk = pk_inline &&
		                           strcmp(pk->columns.items[0], c->base.name) == 0;
		bool key = pk && pk->columns.n == 1 &&
		           strcmp(pk->columns.items[0], c->base.name) == 0;
		if (!column_dumped(s, t, c))
			continue;
		sd_buf_put(out, "      - {");
		kv(out, &first, "name", c->base.name);
		/* a SQLite column declared without a type: type: null */
		if (typeless(c))
			kv_raw(out, &first, "type", "null");
		else
			kv(out, &first, "type", column_type_text(&tmp, s, c));
		if (is_pk)
			kv_raw(out, &first, "primary_key", "true");
		else if (!c->nullable)
			kv_raw(out, &first, "nullable", "false");
		/* a key column SQLite lets hold NULL (declared without NOT
		 * NULL, not the rowid) */
		if (c->nullable && pk &&
		    sd_strlist_contains(&pk->columns, c->base.name))
			kv_raw(out, &first, "sqlite_nullable_key", "true");
		kv_opt(out, &first, "not_null_on_conflict",
		       conflict_word(&cast, sd_column_x(c)->not_null_conflict));
		if (c->default_value.sql)
			kv(out, &first, "default", strip_own_cast(&cast, c));
		if (c->identity == SD_IDENTITY_ALWAYS)
			kv(out, &first, "identity", "always");
		else if (c->identity == SD_IDENTITY_BY_DEFAULT &&
		         (!(key && c->autoincrement) || sd_column_x(c)->identity_options))
			kv(out, &first, "identity", "by default");
		if (c->identity != SD_IDENTITY_NONE && sd_column_x(c)->identity_options) {
			bool f2 = true;
			sd_buf_put(out, ", identity_options: {");
			if (sd_column_x(c)->identity_options->sequence)
				kv(out, &f2, "sequence_name",
				   sd_column_x(c)->identity_options->sequence);
			seqopts_kv(out, &f2, &sd_column_x(c)->identity_options->opts,
			           c->type.kind, false);
			kv_opt(out, &f2, "comment", sd_column_x(c)->identity_options->comment);
			sd_buf_putc(out, '}');
		}
		/* an integer key the rule would make autoincrement, and the
		 * database does not: a natural key */
		if (key && sd_type_is_integer(c->type.kind) &&
		    !c->autoincrement && c->identity == SD_IDENTITY_NONE &&
		    !c->default_value.sql && !sd_column_x(c)->generated.sql)
			kv_raw(out, &first, "autoincrement", "false");
		kv_opt(out, &first, "generated", sd_column_x(c)->generated.sql);
		kv_true(out, &first, "virtual",
		        sd_column_x(c)->generated.sql && sd_column_x(c)->generated_virtual);
		kv_opt(out, &first, "collation", sd_column_x(c)->collation);
		kv_opt(out, &first, "storage", sd_storage_word(sd_column_x(c)->storage));
		kv_opt(out, &first, "compression", sd_column_x(c)->compression);
		kv_options(out, &first, "options", &sd_column_x(c)->options);
		if (sd_column_x(c)->statistics_set) {
			char n[16];
			snprintf(n, sizeof(n), "%d", sd_column_x(c)->statistics);
			kv_raw(out, &first, "statistics", n);
		}
		kv_opt(out, &first, "comment", sd_column_x(c)->comment);
		kv_true(out, &first, "inherited",
		        c->inherited && !t->partition_of);
		if (sd_column_x(c)->sqlite_order)
			kv_sqlite_order(out, &first, sd_column_x(c)->sqlite_order);
		if (sd_column_x(c)->sqlite_names)
			kv_sqlite_names(out, &first, c);
		sd_buf_put(out, "}\n");
	}
	if (pk && !pk_inline) {
		bool first = true;
		sd_buf_put(out, "    primary_key: {");
		kv_opt(out, &first, "name", pk->base.name);
		key_columns(out, &first, pk);
		kv_storage(out, &first, &pk->include, &pk->storage);
		kv_deferral(out, &first, pk->deferrable,
		            pk->initially_deferred);
		kv_opt(out, &first, "comment", pk->comment);
		kv_opt(out, &first, "on_conflict",
		       conflict_word(&tmp, pk->on_conflict));
		sd_buf_put(out, "}\n");
	}
	/* SQLite keeps an inline UNIQUE table constraint as an automatic
	 * index: it goes back into the models as the unique it was. */
	for (i = k = 0; i < t->nindexes; i++)
		if (t->indexes[i]->constraint_backed && t->indexes[i]->unique)
			k++;
	if (t->nuniques || k) {
		sd_buf_put(out, "    unique:\n");
		for (i = 0; i < t->nindexes; i++) {
			const sd_index *ix = t->indexes[i];
			sd_strlist cols = {0};
			sd_arena *a;
			bool first = true;
			if (!ix->constraint_backed || !ix->unique)
				continue;
			a = sd_arena_new();
			for (k = 0; k < ix->nkeys; k++)
				if (ix->keys[k].column)
					sd_strlist_push(a, &cols, ix->keys[k].column);
			sd_buf_put(out, "      - {");
			kv_opt(out, &first, "name", constraint_name(&ix->base));
			kv_true(out, &first, "unnamed", ix->base.name_unclashed);
			list(out, &first, "columns", &cols);
			kv_opt(out, &first, "on_conflict",
			       conflict_word(&tmp, ix->on_conflict));
			sd_buf_put(out, "}\n");
			sd_arena_free(a);
		}
		for (i = 0; i < t->nuniques; i++) {
			const sd_unique *u = t->uniques[i];
			bool first = true;
			sd_buf_put(out, "      - {");
			kv_opt(out, &first, "name", constraint_name(&u->base));
			kv_true(out, &first, "unnamed", u->base.name_unclashed);
			list(out, &first, "columns", &u->columns);
			kv_true(out, &first, "nulls_not_distinct",
			        u->nulls_not_distinct);
			kv_deferral(out, &first, u->deferrable,
			            u->initially_deferred);
			kv_storage(out, &first, &u->include, &u->storage);
			kv_opt(out, &first, "comment", u->comment);
			sd_buf_put(out, "}\n");
		}
	}
	if (t->nforeign_keys) {
		sd_buf_put(out, "    foreign_keys:\n");
		for (i = 0; i < t->nforeign_keys; i++) {
			const sd_foreign_key *f = t->foreign_keys[i];
			bool first = true, rf = true;
			sd_buf_put(out, "      - {");
			kv_opt(out, &first, "name", constraint_name(&f->base));
			kv_true(out, &first, "unnamed", f->base.name_unclashed);
			list(out, &first, "columns", &f->columns);
			sd_buf_put(out, ", references: {");
			/* Unqualified names mean the referencing table's own
			 * schema, so a reference from another schema back to
			 * the default one spells it out. */
			kv(out, &rf, "table",
			   qualified(&tmp,
			             f->ref_schema ? f->ref_schema
			             : t->base.schema ? sd_namespace_default()
			                              : NULL,
			             f->ref_table));
			if (!f->ref_implicit)
				list(out, &rf, "columns", &f->ref_columns);
			sd_buf_putc(out, '}');
			if (sd_fk_delete_written(f))
				kv(out, &first, "on_delete", sd_fk_action_word(f->on_delete));
			if (f->on_delete_columns.n)
				list(out, &first, "on_delete_columns",
				     &f->on_delete_columns);
			if (sd_fk_update_written(f))
				kv(out, &first, "on_update", sd_fk_action_word(f->on_update));
			kv_deferral(out, &first, f->deferrable,
			            f->initially_deferred);
			if (f->match_full || f->match_simple)
				kv_raw(out, &first, "match",
				       f->match_full ? "full" : "simple");
			if (update_first(f))
				kv_raw(out, &first, "sqlite_order",
				       "[on_update, on_delete]");
			kv_true(out, &first, "not_valid", f->not_valid);
			kv_opt(out, &first, "comment", f->comment);
			sd_buf_put(out, "}\n");
		}
	}
	if (t->nchecks) {
		sd_buf_put(out, "    checks:\n");
		for (i = 0; i < t->nchecks; i++) {
			const sd_check *ck = t->checks[i];
			bool first = true;
			sd_buf_put(out, "      - {");
			kv_opt(out, &first, "name", constraint_name(&ck->base));
			kv_true(out, &first, "unnamed", ck->base.name_unclashed);
			kv(out, &first, "expression", ck->expression.sql);
			kv_true(out, &first, "not_valid", ck->not_valid);
			kv_true(out, &first, "no_inherit", ck->no_inherit);
			kv_opt(out, &first, "comment", ck->comment);
			kv_opt(out, &first, "on_conflict",
			       conflict_word(&tmp, ck->on_conflict));
			sd_buf_put(out, "}\n");
		}
	}
	for (i = k = 0; i < t->nindexes; i++)
		if (!t->indexes[i]->constraint_backed &&
		    !t->indexes[i]->exclusion)
			k++;
	if (k) {
		sd_buf_put(out, "    indexes:\n");
		for (i = 0; i < t->nindexes; i++) {
			const sd_index *ix = t->indexes[i];
			sd_strlist cols = {0}, exprs = {0};
			sd_arena *a;
			bool first = true;
			if (ix->constraint_backed || ix->exclusion)
				continue;
			a = sd_arena_new();
			/* Column keys carry their order as the models spell
			 * it: "created_at desc nulls last". */
			for (k = 0; k < ix->nkeys; k++) {
				const sd_index_key *key = &ix->keys[k];
				if (key->column)
					sd_strlist_push(a, &cols,
					                column_key_text(a, key));
				else
					sd_strlist_push(a, &exprs, key->expression.sql);
			}
			sd_buf_put(out, "      - {");
			kv(out, &first, "name", ix->base.name);
			if (!keys_fit_lists(ix))
				kv_keys(out, &first, ix);
			else if (cols.n)
				list(out, &first, "columns", &cols);
			if (exprs.n && keys_fit_lists(ix))
				list(out, &first, "expressions", &exprs);
			kv_true(out, &first, "unique", ix->unique);
			kv_true(out, &first, "nulls_not_distinct",
			        ix->nulls_not_distinct);
			kv_opt(out, &first, "where", ix->where.sql);
			if (ix->method && strcmp(ix->method, "btree") != 0)
				kv(out, &first, "using", ix->method);
			kv_storage(out, &first, &ix->include, &ix->storage);
			kv_opt(out, &first, "comment", ix->comment);
			sd_buf_put(out, "}\n");
			sd_arena_free(a);
		}
	}
	for (i = k = 0; i < t->nindexes; i++)
		if (t->indexes[i]->exclusion)
			k++;
	if (k) {
		sd_buf_put(out, "    exclusions:\n");
		for (i = 0; i < t->nindexes; i++) {
			const sd_index *ix = t->indexes[i];
			bool first = true;
			if (!ix->exclusion)
				continue;
			sd_buf_put(out, "      - {");
			kv(out, &first, "name", ix->base.name);
			if (ix->method)
				kv(out, &first, "using", ix->method);
			kv_keys(out, &first, ix);
			kv_opt(out, &first, "where", ix->where.sql);
			kv_storage(out, &first, &ix->include, &ix->storage);
			kv_deferral(out, &first, ix->deferrable,
			            ix->initially_deferred);
			kv_opt(out, &first, "comment", ix->comment);
			sd_buf_put(out, "}\n");
		}
	}
	dump_statistics(out, t);
	sd_buf_free(&tmp);
	sd_buf_free(&conv);
	sd_buf_free(&cast);
}

/* "  - {name: x, schema: s" for an object of the top-level lists. */
static void object_head(sd_buf *out, bool *first, const sd_object *o)
{
	sd_buf_put(out, "  - {");
	kv(out, first, "name", o->name);
	kv_opt(out, first, "schema", o->schema);
}

static void dump_extensions(sd_buf *out, const sd_schema *s)
{
	size_t i;

	if (s->nextensions)
		sd_buf_put(out, "extensions:\n");
	for (i = 0; i < s->nextensions; i++) {
		const sd_extension *e = s->extensions[i];
		bool first = true;
		object_head(out, &first, &e->base);
		kv_opt(out, &first, "version", e->version);
		kv_opt(out, &first, "comment", e->comment);
		sd_buf_put(out, "}\n");
	}
}

static void dump_collations(sd_buf *out, const sd_schema *s)
{
	size_t i;

	if (s->ncollations)
		sd_buf_put(out, "collations:\n");
	for (i = 0; i < s->ncollations; i++) {
		const sd_collation *c = s->collations[i];
		bool first = true;
		object_head(out, &first, &c->base);
		kv_opt(out, &first, "provider", c->provider);
		kv_opt(out, &first, "locale", c->locale);
		kv_opt(out, &first, "lc_collate", c->lc_collate);
		kv_opt(out, &first, "lc_ctype", c->lc_ctype);
		if (c->nondeterministic)
			kv_raw(out, &first, "deterministic", "false");
		kv_opt(out, &first, "comment", c->comment);
		sd_buf_put(out, "}\n");
	}
}

static void dump_sequences(sd_buf *out, const sd_schema *s)
{
	sd_buf tmp = SD_BUF_INIT;
	size_t i;

	if (s->nsequences)
		sd_buf_put(out, "sequences:\n");
	for (i = 0; i < s->nsequences; i++) {
		const sd_sequence *q = s->sequences[i];
		bool first = true;
		object_head(out, &first, &q->base);
		seqopts_kv(out, &first, &q->opts, SD_T_BIGINT, true);
		if (q->owned_by_table) {
			sd_buf_truncate(&tmp, 0);
			sd_buf_printf(&tmp, "%s.%s", q->owned_by_table,
			              q->owned_by_column);
			kv(out, &first, "owned_by", sd_buf_cstr(&tmp));
		}
		kv_true(out, &first, "unlogged", q->unlogged);
		kv_opt(out, &first, "comment", q->comment);
		sd_buf_put(out, "}\n");
	}
	sd_buf_free(&tmp);
}

static void dump_domains(sd_buf *out, const sd_schema *s)
{
	sd_buf tmp = SD_BUF_INIT;
	size_t i, k;

	if (s->ndomains)
		sd_buf_put(out, "domains:\n");
	for (i = 0; i < s->ndomains; i++) {
		const sd_domain *d = s->domains[i];
		bool first = true;
		object_head(out, &first, &d->base);
		kv(out, &first, "type", type_text(&tmp, &d->type));
		kv_opt(out, &first, "default", d->default_value.sql);
		if (d->not_null)
			kv_raw(out, &first, "nullable", "false");
		kv_opt(out, &first, "collation", d->collation);
		if (d->nchecks) {
			sd_buf_put(out, ", checks: [");
			for (k = 0; k < d->nchecks; k++) {
				const sd_check *ck = d->checks[k];
				bool f2 = true;
				sd_buf_put(out, k ? ", {" : "{");
				kv(out, &f2, "name", ck->base.name);
				kv(out, &f2, "expression", ck->expression.sql);
				kv_true(out, &f2, "not_valid", ck->not_valid);
				kv_opt(out, &f2, "comment", ck->comment);
				sd_buf_putc(out, '}');
			}
			sd_buf_putc(out, ']');
		}
		kv_opt(out, &first, "comment", d->comment);
		sd_buf_put(out, "}\n");
	}
	sd_buf_free(&tmp);
}

static void dump_composites(sd_buf *out, const sd_schema *s)
{
	sd_buf tmp = SD_BUF_INIT;
	size_t i, k;

	if (s->ncomposites)
		sd_buf_put(out, "composite_types:\n");
	for (i = 0; i < s->ncomposites; i++) {
		const sd_composite *t = s->composites[i];
		bool first = true;
		object_head(out, &first, &t->base);
		sd_buf_put(out, ", attributes: [");
		for (k = 0; k < t->nattributes; k++) {
			const sd_column *a = t->attributes[k];
			bool f2 = true;
			sd_buf_put(out, k ? ", {" : "{");
			kv(out, &f2, "name", a->base.name);
			kv(out, &f2, "type", type_text(&tmp, &a->type));
			kv_opt(out, &f2, "collation", sd_column_x(a)->collation);
			kv_opt(out, &f2, "comment", sd_column_x(a)->comment);
			sd_buf_putc(out, '}');
		}
		sd_buf_putc(out, ']');
		kv_opt(out, &first, "comment", t->comment);
		sd_buf_put(out, "}\n");
	}
	sd_buf_free(&tmp);
}

static void dump_ranges(sd_buf *out, const sd_schema *s)
{
	sd_buf tmp = SD_BUF_INIT;
	size_t i;

	if (s->nranges)
		sd_buf_put(out, "range_types:\n");
	for (i = 0; i < s->nranges; i++) {
		const sd_range *r = s->ranges[i];
		bool first = true;
		object_head(out, &first, &r->base);
		kv(out, &first, "subtype", type_text(&tmp, &r->subtype));
		kv_opt(out, &first, "subtype_opclass", r->subtype_opclass);
		kv_opt(out, &first, "collation", r->collation);
		kv_opt(out, &first, "canonical", r->canonical);
		kv_opt(out, &first, "subtype_diff", r->subtype_diff);
		kv_opt(out, &first, "multirange", r->multirange);
		kv_opt(out, &first, "comment", r->comment);
		sd_buf_put(out, "}\n");
	}
	sd_buf_free(&tmp);
}

/* Every schema, empty ones too, and their comments. */
static void dump_namespaces(sd_buf *out, const sd_schema *s)
{
	size_t i;

	const char *pc = sd_schema_namespace_comment(s, SD_NAMESPACE_DEFAULT);

	if (pc && strcmp(pc, SD_PUBLIC_COMMENT) == 0)
		pc = NULL; /* initdb's: models that leave it out keep it */

	if (s->namespaces.n || pc)
		sd_buf_put(out, "schemas:\n");
	if (pc) {
		/* the public schema's comment when it is not initdb's;
		 * listed without one when it has none */
		bool first = true;
		sd_buf_put(out, "  - {");
		kv(out, &first, "name", SD_NAMESPACE_DEFAULT);
		if (*pc)
			kv(out, &first, "comment", pc);
		sd_buf_put(out, "}\n");
	}
	for (i = 0; i < s->namespaces.n; i++) {
		const char *n = s->namespaces.items[i];
		bool first = true;
		sd_buf_put(out, "  - {");
		kv(out, &first, "name", n);
		kv_opt(out, &first, "comment",
		       sd_schema_namespace_comment(s, n));
		sd_buf_put(out, "}\n");
	}
}

void sd_cli_schema_yaml(sd_buf *out, const sd_schema *s)
{
	size_t i;

	sd_buf_put(out, "# Models dumped from the database by `schemadiff dump`.\n");
	dump_namespaces(out, s);
	dump_extensions(out, s);
	dump_collations(out, s);
	dump_sequences(out, s);
	dump_domains(out, s);
	dump_composites(out, s);
	dump_ranges(out, s);
	if (s->nenums) {
		sd_buf_put(out, "enums:\n");
		for (i = 0; i < s->nenums; i++) {
			const sd_enum *e = s->enums[i];
			bool first = true;
			sd_buf_put(out, "  - {");
			kv(out, &first, "name", e->base.name);
			kv_opt(out, &first, "schema", e->base.schema);
			list(out, &first, "values", &e->values);
			kv_opt(out, &first, "comment", e->comment);
			sd_buf_put(out, "}\n");
		}
	}
	if (!s->ntables) {
		sd_buf_put(out, "tables: []\n");
	} else {
		sd_buf_put(out, "tables:\n");
		for (i = 0; i < s->ntables; i++) {
			dump_table(out, s, s->tables[i]);
			sd_cli_table_logic_yaml(out, s, s->tables[i]);
		}
	}
	sd_cli_logic_yaml(out, s);
}

void sd_cli_yaml_scalar(sd_buf *out, const char *s)
{
	scalar(out, s);
}

int sd_cmd_dump(sd_cli *cli, int argc, char **argv)
{
	const sd_cli_opt opts[] = {{0}};
	size_t i;
	sd_db *db = NULL;
	sd_schema *live = NULL;
	sd_config *c;
	sd_buf out = SD_BUF_INIT;
	int rc;

	rc = sd_cli_parse_options(cli, "dump", opts, argc, argv,
	                          "it writes to stdout: schemadiff dump > models.yaml");
	if (rc)
		return rc;
	rc = sd_cli_config(cli, &c);
	if (!rc)
		rc = sd_cli_open_db(cli, &db, SD_DB_OPEN_NO_CREATE);
	if (rc)
		goto done;
	rc = sd_cli_introspect(cli, db, &live);
	if (rc)
		goto done;
	sd_schema_sort(live);
	sd_cli_schema_yaml(&out, live);
	sd_cli_write(cli, stdout, sd_buf_cstr(&out));
	for (i = 0; i < live->nunmanaged; i++)
		sd_cli_warn(cli, "not managed, left out: %s",
		            sd_cli_unmanaged_name(cli, live->unmanaged[i]));
done:
	sd_buf_free(&out);
	sd_schema_free(live);
	sd_db_close(db);
	return rc;
}
