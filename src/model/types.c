/*
 * types.c - the portable column types of the models format.
 *
 *     "string(120)"    -> {SD_T_STRING, length 120}
 *     "numeric(10,2)"  -> {SD_T_NUMERIC, precision 10, scale 2}
 *     "enum(status)"   -> {SD_T_ENUM, name "status"}
 *     "integer[]"      -> {SD_T_RAW, name "integer[]"}  (verbatim)
 */
#include "model/schema.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *const sd_type_names[] = {
	"smallint", "integer", "bigint", "boolean", "real", "float",
	"numeric", "string", "char", "text", "date", "time", "timestamp",
	"timestamptz", "interval", "json", "jsonb", "uuid", "binary", "enum",
	NULL};

/* kind for each name above, same order */
static const sd_type_kind name_kinds[] = {
	SD_T_SMALLINT, SD_T_INTEGER, SD_T_BIGINT, SD_T_BOOLEAN, SD_T_REAL,
	SD_T_FLOAT, SD_T_NUMERIC, SD_T_STRING, SD_T_CHAR, SD_T_TEXT,
	SD_T_DATE, SD_T_TIME, SD_T_TIMESTAMP, SD_T_TIMESTAMPTZ,
	SD_T_INTERVAL, SD_T_JSON, SD_T_JSONB, SD_T_UUID, SD_T_BINARY,
	SD_T_ENUM};

/*
 * Names that are not portable but are real types on one of the databases:
 * never reported as a misspelling of a portable name.
 */
static const char *const known_raw[] = {
	"int", "int2", "int4", "int8", "serial", "bigserial", "smallserial",
	"varchar", "bool", "float4", "float8", "double", "decimal", "bytea",
	"blob", "inet", "cidr", "macaddr", "money", "point", "line", "box",
	"tsvector", "tsquery", "xml", "bit", "varbit", "citext", "hstore",
	"datetime", "timetz", "oid", "character", "daterange", "int4range",
	"int8range", "numrange", "tsrange", "tstzrange", "ltree", "geometry",
	"geography", "name", "regclass", "none", "any", NULL};

static bool parse_int(const char *s, size_t n, int *out)
{
	long v = 0;
	size_t i = 0;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i == n)
		return false;
	for (; i < n && isdigit((unsigned char)s[i]); i++) {
		v = v * 10 + (s[i] - '0');
		if (v > 1000000000L)
			return false;
	}
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i != n)
		return false;
	*out = (int)v;
	return true;
}

int sd_type_parse(sd_arena *a, const char *text, sd_type *out,
                  const char **why, const char **suggest)
{
	char head[64];
	const char *p = text, *args = NULL, *args_end = NULL;
	size_t hn = 0, i;
	int depth = 0;
	bool quoted = false;
	sd_type t;

	*why = NULL;
	*suggest = NULL;
	memset(&t, 0, sizeof(t));
	t.length = t.precision = t.scale = -1;
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p) {
		*why = "empty type";
		return SD_EINPUT;
	}
	/* balanced parentheses and brackets anywhere; double quotes only
	 * around whole names ("year", public."string") */
	for (i = 0; p[i]; i++) {
		if (p[i] == '"') {
			quoted = true;
			for (i++; p[i] && p[i] != '"'; i++)
				if (p[i] == '\n')
					break;
			if (p[i] != '"') {
				*why = "unbalanced double quotes in type";
				return SD_EINPUT;
			}
		} else if (p[i] == '(' || p[i] == '[')
			depth++;
		else if (p[i] == ')' || p[i] == ']') {
			if (--depth < 0)
				break;
		} else if (p[i] == ';' || p[i] == '\'' || p[i] == '\n') {
			*why = "a type may not contain single quotes, ';' or "
			       "newlines";
			return SD_EINPUT;
		}
	}
	if (depth != 0) {
		*why = "unbalanced parentheses in type";
		return SD_EINPUT;
	}
	/* a quoted name is the database's own type, never a portable one */
	if (quoted)
		goto raw;
	while (p[hn] && (isalnum((unsigned char)p[hn]) || p[hn] == '_') &&
	       hn < sizeof(head) - 1) {
		head[hn] = (char)tolower((unsigned char)p[hn]);
		hn++;
	}
	head[hn] = '\0';
	if (hn == 0) {
		*why = "a type starts with a name";
		return SD_EINPUT;
	}
	if (p[hn] == '(') {
		args = p + hn + 1;
		args_end = strchr(args, ')');
	}
	for (i = 0; sd_type_names[i]; i++) {
		const char *rest;
		if (strcmp(head, sd_type_names[i]) != 0)
			continue;
		rest = args_end ? args_end + 1 : p + hn;
		while (*rest && isspace((unsigned char)*rest))
			rest++;
		if (*rest)
			break; /* "integer[]", "timestamp with time zone": raw */
		t.kind = name_kinds[i];
		switch (t.kind) {
		case SD_T_STRING:
		case SD_T_CHAR:
			if (args && (!parse_int(args, (size_t)(args_end - args),
			                        &t.length) ||
			             t.length <= 0)) {
				*why = "the length must be a positive integer";
				return SD_EINPUT;
			}
			break;
		case SD_T_NUMERIC:
			if (args) {
				const char *comma = memchr(args, ',',
				                           (size_t)(args_end - args));
				const char *pe = comma ? comma : args_end;
				if (!parse_int(args, (size_t)(pe - args),
				               &t.precision) ||
				    t.precision <= 0 ||
				    (comma &&
				     !parse_int(comma + 1,
				                (size_t)(args_end - comma - 1),
				                &t.scale))) {
					*why = "numeric takes (precision) or "
					       "(precision, scale)";
					return SD_EINPUT;
				}
				if (t.scale > t.precision) {
					*why = "numeric scale exceeds precision";
					return SD_EINPUT;
				}
			}
			break;
		case SD_T_ENUM: {
			size_t n;
			const char *s, *dot;
			if (!args) {
				*why = "enum needs the enum's name: enum(name)";
				return SD_EINPUT;
			}
			s = args;
			while (isspace((unsigned char)*s))
				s++;
			n = (size_t)(args_end - s);
			while (n && isspace((unsigned char)s[n - 1]))
				n--;
			if (!n) {
				*why = "enum needs the enum's name: enum(name)";
				return SD_EINPUT;
			}
			dot = memchr(s, '.', n);
			if (dot) {
				t.enum_schema = sd_arena_strndup(a, s,
				                                 (size_t)(dot - s));
				t.name = sd_arena_strndup(
					a, dot + 1, n - (size_t)(dot + 1 - s));
			} else {
				t.name = sd_arena_strndup(a, s, n);
			}
			break;
		}
		default:
			if (args) {
				*why = "this type takes no arguments";
				return SD_EINPUT;
			}
		}
		*out = t;
		return SD_OK;
	}
	/* Not portable: verbatim, unless it is a near miss of a portable
	 * name and no real type of either database. */
	for (i = 0; known_raw[i]; i++)
		if (strcmp(head, known_raw[i]) == 0)
			goto raw;
	{
		const char *s = sd_suggest(head, sd_type_names);
		/* "integer[]" starts with a portable name: verbatim */
		if (s && strcmp(s, head) != 0 &&
		    sd_edit_distance(head, s, 2) <= 2 && strlen(head) >= 3) {
			*why = "unknown type";
			*suggest = s;
			return SD_EINPUT;
		}
	}
raw:
	t.kind = SD_T_RAW;
	t.name = sd_arena_strdup(a, p);
	*out = t;
	return SD_OK;
}

void sd_type_put_args(sd_buf *out, const sd_type *t)
{
	switch (t->kind) {
	case SD_T_STRING:
	case SD_T_CHAR:
		if (t->length >= 0)
			sd_buf_printf(out, "(%d)", t->length);
		break;
	case SD_T_NUMERIC:
		if (t->precision >= 0 && t->scale >= 0)
			sd_buf_printf(out, "(%d,%d)", t->precision, t->scale);
		else if (t->precision >= 0)
			sd_buf_printf(out, "(%d)", t->precision);
		break;
	default:
		break;
	}
}

void sd_type_put_sql(sd_buf *out, const sd_type *t,
                     const char *const names[SD_T__COUNT])
{
	if (t->kind == SD_T_RAW || t->kind >= SD_T__COUNT || !names[t->kind]) {
		sd_buf_put(out, t->name ? t->name : names[SD_T_RAW]);
		return;
	}
	sd_buf_put(out, names[t->kind]);
	sd_type_put_args(out, t);
}

void sd_type_format(sd_buf *out, const sd_type *t)
{
	if (t->kind == SD_T_RAW) {
		sd_buf_put(out, t->name ? t->name : "?");
		return;
	}
	if (t->kind <= SD_T_RAW || t->kind >= SD_T__COUNT) {
		sd_buf_put(out, "?");
		return;
	}
	sd_buf_put(out, sd_type_names[t->kind - 1]);
	sd_type_put_args(out, t);
	switch (t->kind) {
	case SD_T_ENUM:
		if (t->enum_schema)
			sd_buf_printf(out, "(%s.%s)", t->enum_schema, t->name);
		else
			sd_buf_printf(out, "(%s)", t->name ? t->name : "");
		break;
	default:
		break;
	}
}

bool sd_type_is_integer(sd_type_kind k)
{
	return k == SD_T_SMALLINT || k == SD_T_INTEGER || k == SD_T_BIGINT;
}

bool sd_type_equal(const sd_type *a, const sd_type *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case SD_T_RAW:
		return a->name && b->name && sd_words_eq(a->name, b->name);
	case SD_T_STRING:
	case SD_T_CHAR:
		return a->length == b->length;
	case SD_T_NUMERIC:
		return a->precision == b->precision && a->scale == b->scale;
	case SD_T_ENUM:
		return sd_streq(a->name, b->name) &&
		       sd_streq(a->enum_schema, b->enum_schema);
	default:
		return true;
	}
}
