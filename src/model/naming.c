/*
 * naming.c - the naming convention: names for the constraints and indexes
 * the models leave unnamed, from templates such as "ix_%(table)_%(columns)".
 */
#include "model/yamldoc.h"

#include <stdio.h>
#include <string.h>

static const char *const placeholders[] = {
	"table", "columns", "column_0_name", "ref_table", "constraint_name",
	NULL};

const char *sd_naming_check(sd_arena *a, const char *tmpl)
{
	const char *p = tmpl;

	while ((p = strstr(p, "%(")) != NULL) {
		const char *end = strchr(p, ')');
		size_t i;
		bool ok = false;
		if (!end)
			return sd_arena_strdup(a, p);
		for (i = 0; placeholders[i]; i++)
			if (strlen(placeholders[i]) == (size_t)(end - p - 2) &&
			    strncmp(p + 2, placeholders[i],
			            (size_t)(end - p - 2)) == 0)
				ok = true;
		if (!ok)
			return sd_arena_strndup(a, p, (size_t)(end - p + 1));
		p = end + 1;
	}
	return NULL;
}

char *sd_naming_expand(sd_arena *a, const char *tmpl, const char *table,
                       const sd_strlist *columns, const char *ref_table,
                       const char *constraint_name)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = tmpl;
	char *out;
	size_t i;

	while (*p) {
		const char *end;
		if (p[0] != '%' || p[1] != '(' || !(end = strchr(p, ')'))) {
			sd_buf_putc(&b, *p++);
			continue;
		}
		if (sd_startswith(p, "%(table)")) {
			sd_buf_put(&b, table ? table : "");
		} else if (sd_startswith(p, "%(columns)")) {
			for (i = 0; columns && i < columns->n; i++)
				sd_buf_printf(&b, "%s%s", i ? "_" : "",
				              columns->items[i]);
		} else if (sd_startswith(p, "%(column_0_name)")) {
			if (columns && columns->n)
				sd_buf_put(&b, columns->items[0]);
		} else if (sd_startswith(p, "%(ref_table)")) {
			sd_buf_put(&b, ref_table ? ref_table : "");
		} else if (sd_startswith(p, "%(constraint_name)")) {
			sd_buf_put(&b, constraint_name ? constraint_name : "");
		} else {
			sd_buf_putn(&b, p, (size_t)(end - p + 1));
		}
		p = end + 1;
	}
	if (b.len > SD_MAX_IDENT) {
		/* PostgreSQL would silently truncate; cut it ourselves and
		 * keep names distinct with a hash of the full name. */
		char hex[65];
		sd_sha256_hex(b.data, b.len, hex);
		sd_buf_truncate(&b, SD_MAX_IDENT - 9);
		sd_buf_printf(&b, "_%.8s", hex);
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/* n cut back to the start of the UTF-8 character it would split. */
static size_t clip_utf8(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

void sd_name_implicit_put(sd_buf *b, const char *name1, const char *name2,
                          const char *label)
{
	size_t n1 = strlen(name1), n2 = name2 ? strlen(name2) : 0;
	size_t overhead = (label ? strlen(label) + 1 : 0) + (name2 ? 1 : 0);
	size_t avail = SD_MAX_IDENT - overhead;

	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	n1 = clip_utf8(name1, n1);
	sd_buf_putn(b, name1, n1);
	if (name2) {
		sd_buf_putc(b, '_');
		sd_buf_putn(b, name2, clip_utf8(name2, n2));
	}
	if (label)
		sd_buf_printf(b, "_%s", label);
}

const sd_index_storage *sd_index_storage_of(const sd_object *o)
{
	switch (o->kind) {
	case SD_OBJ_PRIMARY_KEY:
		return &((const sd_primary_key *)o)->storage;
	case SD_OBJ_UNIQUE:
		return &((const sd_unique *)o)->storage;
	case SD_OBJ_INDEX:
		return &((const sd_index *)o)->storage;
	default:
		return NULL;
	}
}

const char *sd_partition_name_of(const sd_index_storage *st,
                                 const char *part)
{
	size_t i;

	for (i = 0; i + 1 < st->partition_names.n; i += 2)
		if (strcmp(st->partition_names.items[i], part) == 0)
			return st->partition_names.items[i + 1];
	return NULL;
}

/* What PostgreSQL names an index column of expression text: the name of
 * the function of a plain call (FigureIndexColname), NULL otherwise. */
static const char *expression_column(sd_arena *a, const char *sql)
{
	const char *p = sql, *start = sql, *end;

	while (*p == ' ')
		p++;
	start = p;
	for (;;) {
		const char *w = p;
		while ((*p >= 'a' && *p <= 'z') || *p == '_' ||
		       (*p >= '0' && *p <= '9' && p > w))
			p++;
		if (p == w)
			return NULL;
		end = p;
		if (*p == '.') {
			start = ++p;
			continue;
		}
		break;
	}
	if (*end != '(' || (end - start == 3 && strncmp(start, "row", 3) == 0))
		return NULL;
	return sd_arena_strndup(a, start, (size_t)(end - start));
}

/* PostgreSQL's makeObjectName(name1, name2, label). */
static const char *object_name(sd_arena *a, const char *name1,
                               const char *name2, const char *label)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;

	sd_name_implicit_put(&b, name1, name2, label);
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/* Appends column name col to the index's column names (made unique as
 * ChooseIndexColumnNames does) and to the name addition buf. */
static void add_column_name(sd_arena *a, sd_strlist *seen, sd_buf *buf,
                            const char *col)
{
	const char *cur = col;
	size_t i;
	int k = 1;

	for (;;) {
		for (i = 0; i < seen->n; i++)
			if (strcmp(seen->items[i], cur) == 0)
				break;
		if (i == seen->n)
			break;
		{
			char num[16];
			size_t n = (size_t)snprintf(num, sizeof(num), "%d", k++);
			size_t keep = strlen(col);
			if (keep > SD_MAX_IDENT - n)
				keep = clip_utf8(col, SD_MAX_IDENT - n);
			cur = sd_arena_printf(a, "%.*s%s", (int)keep, col, num);
		}
	}
	sd_strlist_push(a, seen, cur);
	/* ChooseIndexNameAddition stops once past NAMEDATALEN */
	if (buf->len > SD_MAX_IDENT)
		return;
	if (buf->len)
		sd_buf_putc(buf, '_');
	sd_buf_put(buf, cur);
}

const char *sd_pg_partition_index_name(sd_arena *a, const char *part,
                                       const sd_object *o)
{
	const sd_strlist *cols = NULL, *include = NULL;
	const char *label = "idx", *name;
	sd_strlist seen = {NULL, 0};
	sd_buf buf = SD_BUF_INIT;
	size_t i;

	switch (o->kind) {
	case SD_OBJ_PRIMARY_KEY:
		return object_name(a, part, NULL, "pkey");
	case SD_OBJ_UNIQUE:
		cols = &((const sd_unique *)o)->columns;
		include = &((const sd_unique *)o)->include;
		label = "key";
		break;
	case SD_OBJ_INDEX: {
		const sd_index *ix = (const sd_index *)o;
		if (ix->exclusion)
			label = "excl";
		for (i = 0; i < ix->nkeys; i++) {
			const char *col = ix->keys[i].column;
			if (!col)
				col = ix->keys[i].expression.sql
				          ? expression_column(
				                a, ix->keys[i].expression.sql)
				          : NULL;
			if (!col) {
				sd_buf_free(&buf);
				return NULL;
			}
			add_column_name(a, &seen, &buf, col);
		}
		include = &ix->include;
		break;
	}
	default:
		return NULL;
	}
	for (i = 0; cols && i < cols->n; i++)
		add_column_name(a, &seen, &buf, cols->items[i]);
	for (i = 0; include && i < include->n; i++)
		add_column_name(a, &seen, &buf, include->items[i]);
	name = object_name(a, part, sd_buf_cstr(&buf), label);
	sd_buf_free(&buf);
	return name;
}

const char *sd_partition_key(sd_arena *a, const sd_table *parent,
                             const sd_table *part)
{
	if (sd_streq(sd_namespace_key(parent->base.schema),
	             sd_namespace_key(part->base.schema)))
		return part->base.name;
	return sd_arena_printf(a, "%s.%s",
	                       part->base.schema ? part->base.schema
	                                         : sd_namespace_default(),
	                       part->base.name);
}
