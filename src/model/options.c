/*
 * options.c - storage parameters and operator class parameters: one
 * spelling for the models, the catalog and every comparison.
 *
 * PostgreSQL keeps `WITH (fillfactor = 70)` as the text "fillfactor=70"
 * (pg_class.reloptions, pg_attribute.attoptions), the value as written.
 * An option list here is an sd_strlist of "name=value" sorted by name:
 * names in lower case, values unquoted and as written, so that an option
 * is created again exactly as the catalog has it. Comparisons take the
 * boolean words (on/off, true/false, yes/no) by meaning, so that
 * `deduplicate_items: off` and the catalog's "deduplicate_items=false"
 * are the same option.
 */
#include "model/schema.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sql.h"

/* "on", "yes", "true" -> "true"; "off", "no", "false" -> "false". */
static const char *bool_word(const char *v, size_t n)
{
	static const char *const yes[] = {"on", "yes", "true"};
	static const char *const no[] = {"off", "no", "false"};
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(yes); i++) {
		if (strlen(yes[i]) == n && strncasecmp(v, yes[i], n) == 0)
			return "true";
		if (strlen(no[i]) == n && strncasecmp(v, no[i], n) == 0)
			return "false";
	}
	return NULL;
}

/* Orders "name=value" items by name. */
static int name_cmp(const char *a, const char *b)
{
	size_t na = strcspn(a, "="), nb = strcspn(b, "=");
	int c = strncmp(a, b, na < nb ? na : nb);

	return c ? c : (na > nb) - (na < nb);
}

/* Both values are numbers, and the same one ("1000" and "1000.0",
 * "-0.05" and "-.05"). */
static bool same_number(const char *x, const char *y)
{
	char *ex, *ey;
	double dx, dy;

	if (!*x || !*y)
		return false;
	dx = strtod(x, &ex);
	dy = strtod(y, &ey);
	return !*ex && !*ey && dx == dy;
}

bool sd_option_equal(const char *x, const char *y)
{
	size_t nx = strcspn(x, "="), ny = strcspn(y, "=");
	const char *wx, *wy;

	if (nx != ny || strncmp(x, y, nx) != 0)
		return false;
	x += nx + (x[nx] == '=');
	y += ny + (y[ny] == '=');
	wx = bool_word(x, strlen(x));
	wy = bool_word(y, strlen(y));
	if (wx || wy)
		return sd_streq(wx, wy);
	return strcmp(x, y) == 0 || same_number(x, y);
}

bool sd_options_equal(const sd_strlist *a, const sd_strlist *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (!sd_option_equal(a->items[i], b->items[i]))
			return false;
	return true;
}

bool sd_options_same(const sd_strlist *a, const sd_strlist *b)
{
	size_t i, k;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++) {
		for (k = 0; k < b->n; k++)
			if (sd_option_equal(a->items[i], b->items[k]))
				break;
		if (k == b->n)
			return false;
	}
	return true;
}

static int options_add(sd_arena *a, sd_strlist *l, const char *name,
                       size_t nlen, const char *value, size_t vlen,
                       bool sorted);

int sd_options_add(sd_arena *a, sd_strlist *l, const char *name,
                   size_t nlen, const char *value, size_t vlen)
{
	return options_add(a, l, name, nlen, value, vlen, true);
}

int sd_options_append(sd_arena *a, sd_strlist *l, const char *name,
                      size_t nlen, const char *value, size_t vlen)
{
	return options_add(a, l, name, nlen, value, vlen, false);
}

static int options_add(sd_arena *a, sd_strlist *l, const char *name,
                       size_t nlen, const char *value, size_t vlen,
                       bool sorted)
{
	sd_buf b = SD_BUF_INIT;
	const char **items;
	char *item;
	size_t i, at;

	while (nlen && isspace((unsigned char)*name))
		name++, nlen--;
	while (nlen && isspace((unsigned char)name[nlen - 1]))
		nlen--;
	while (vlen && isspace((unsigned char)*value))
		value++, vlen--;
	while (vlen && isspace((unsigned char)value[vlen - 1]))
		vlen--;
	if (vlen >= 2 && (value[0] == '\'' || value[0] == '"') &&
	    value[vlen - 1] == value[0])
		value++, vlen -= 2;
	if (!nlen || !vlen)
		return SD_EINPUT;
	for (i = 0; i < nlen; i++) {
		if (!(isalnum((unsigned char)name[i]) || name[i] == '_' ||
		      name[i] == '.'))
			return SD_EINPUT;
		sd_buf_putc(&b, (char)tolower((unsigned char)name[i]));
	}
	sd_buf_putc(&b, '=');
	sd_buf_putn(&b, value, vlen);
	item = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	/* the same name again replaces the value; else a sorted insert */
	for (at = 0; at < l->n; at++)
		if (strncmp(l->items[at], item, nlen + 1) == 0) {
			l->items[at] = item;
			return SD_OK;
		}
	for (at = 0; sorted && at < l->n && name_cmp(l->items[at], item) < 0;
	     at++)
		;
	if (!sorted)
		at = l->n;
	items = sd_arena_alloc(a, (l->n + 1) * sizeof(*items));
	if (at)
		memcpy(items, l->items, at * sizeof(*items));
	items[at] = item;
	if (l->n > at)
		memcpy(items + at + 1, l->items + at, (l->n - at) * sizeof(*items));
	l->items = items;
	l->n++;
	return SD_OK;
}

static int options_parse(sd_arena *a, const char *text, sd_strlist *out,
                         bool sorted);

int sd_options_parse(sd_arena *a, const char *text, sd_strlist *out)
{
	return options_parse(a, text, out, true);
}

int sd_options_parse_ordered(sd_arena *a, const char *text, sd_strlist *out)
{
	return options_parse(a, text, out, false);
}

static int options_parse(sd_arena *a, const char *text, sd_strlist *out,
                         bool sorted)
{
	const char *p = text, *end;
	bool braces;

	if (!text)
		return SD_OK;
	while (isspace((unsigned char)*p))
		p++;
	braces = *p == '{' || *p == '(';
	if (braces)
		p++;
	end = p + strlen(p);
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	if (braces) {
		if (end == p || (end[-1] != '}' && end[-1] != ')'))
			return SD_EINPUT;
		end--;
	}
	while (p < end) {
		const char *item = p, *eq = NULL;
		char quote = 0;
		/* one item: up to a comma outside quotes */
		for (; p < end && (quote || *p != ','); p++) {
			if (quote && *p == quote)
				quote = 0;
			else if (!quote && (*p == '\'' || *p == '"'))
				quote = *p;
			else if (!quote && *p == '=' && !eq)
				eq = p;
		}
		if (!eq)
			return SD_EINPUT;
		if (options_add(a, out, item, (size_t)(eq - item), eq + 1,
		                (size_t)(p - eq - 1), sorted) != SD_OK)
			return SD_EINPUT;
		if (p < end)
			p++;
	}
	return SD_OK;
}

void sd_options_put(sd_buf *out, const sd_strlist *l, const char *sep)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const char *eq = strchr(l->items[i], '=');
		const char *v = eq ? eq + 1 : "";
		bool plain = *v != '\0';
		size_t k;
		if (i)
			sd_buf_put(out, ", ");
		sd_buf_putn(out, l->items[i],
		            eq ? (size_t)(eq - l->items[i]) : strlen(l->items[i]));
		sd_buf_put(out, sep);
		for (k = 0; v[k] && plain; k++)
			plain = islower((unsigned char)v[k]) ||
			        isdigit((unsigned char)v[k]) || v[k] == '_' ||
			        v[k] == '.' || v[k] == '-';
		if (plain)
			sd_buf_put(out, v);
		else
			sd_quote_literal_std(out, v);
	}
}

int sd_opclass_parse(sd_arena *a, const char *text, const char **name,
                     sd_strlist *params)
{
	const char *open = strchr(text, '(');
	size_t n;

	if (!open) {
		*name = sd_arena_strdup(a, text);
		return *text ? SD_OK : SD_EINPUT;
	}
	n = (size_t)(open - text);
	while (n && isspace((unsigned char)text[n - 1]))
		n--;
	if (!n)
		return SD_EINPUT;
	*name = sd_arena_strndup(a, text, n);
	return sd_options_parse(a, open, params);
}

static const struct {
	char letter;
	const char *word;
} storages[] = {
	{'p', "plain"}, {'e', "external"}, {'x', "extended"}, {'m', "main"},
};

const char *sd_storage_word(char storage)
{
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(storages); i++)
		if (storages[i].letter == storage)
			return storages[i].word;
	return NULL;
}

char sd_storage_parse(const char *word)
{
	size_t i;

	for (i = 0; word && i < SD_ARRAY_LEN(storages); i++)
		if (sd_strieq(storages[i].word, word))
			return storages[i].letter;
	return 0;
}

char sd_type_default_storage(const sd_type *t)
{
	switch (t->kind) {
	case SD_T_RAW:
		return 0;
	case SD_T_NUMERIC:
		return 'm';
	case SD_T_STRING:
	case SD_T_CHAR:
	case SD_T_TEXT:
	case SD_T_JSON:
	case SD_T_JSONB:
	case SD_T_BINARY:
		return 'x';
	default:
		return 'p';
	}
}
