/*
 * naming.c - the naming convention: names for the constraints and indexes
 * the models leave unnamed, from templates such as "ix_%(table)_%(columns)".
 */
#include "model/yamldoc.h"

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
