/*
 * str.c - small string helpers: comparison, suggestions, slugs, masking.
 */
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool sd_streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

bool sd_strieq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

/* Same text once case and every blank are ignored (a verbatim type's
 * spelling): "Character Varying(5)" equals "character varying (5)". */
bool sd_words_eq(const char *a, const char *b)
{
	while (*a || *b) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		if (*a)
			a++;
		if (*b)
			b++;
	}
	return true;
}

bool sd_startswith(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

bool sd_endswith(const char *s, const char *suffix)
{
	size_t n, m;

	if (!s)
		return false;
	n = strlen(s);
	m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int sd_strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

size_t sd_edit_distance(const char *a, const char *b, size_t cap)
{
	size_t n = strlen(a), m = strlen(b), i, j, best;
	size_t *prev, *cur, *tmp, result;

	if ((n > m ? n - m : m - n) > cap)
		return cap + 1;
	prev = sd_xcalloc(m + 1, sizeof(size_t));
	cur = sd_xcalloc(m + 1, sizeof(size_t));
	for (j = 0; j <= m; j++)
		prev[j] = j;
	for (i = 1; i <= n; i++) {
		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= m; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) ==
			                      tolower((unsigned char)b[j - 1])
			                  ? 0
			                  : 1;
			size_t v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
		if (best > cap) {
			free(prev);
			free(cur);
			return cap + 1;
		}
	}
	result = prev[m];
	free(prev);
	free(cur);
	return result > cap ? cap + 1 : result;
}

const char *sd_suggest(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	size_t best_d = 3, i;

	if (!word || !*word)
		return NULL;
	for (i = 0; candidates[i]; i++) {
		size_t d = sd_edit_distance(word, candidates[i], 2);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	if (best)
		return best;
	/* "upg" -> "upgrade": an unambiguous prefix is a good guess too. */
	if (strlen(word) >= 3) {
		for (i = 0; candidates[i]; i++) {
			if (sd_startswith(candidates[i], word)) {
				if (best)
					return NULL;
				best = candidates[i];
			}
		}
	}
	return best;
}

bool sd_parse_duration_ms(const char *text, long *ms)
{
	static const struct {
		const char *unit;
		double factor;
	} units[] = {{"", 1}, {"ms", 1}, {"s", 1000}, {"min", 60000}};
	char *end = NULL;
	double v;
	size_t i;

	if (!text || !(*text >= '0' && *text <= '9'))
		return false;
	v = strtod(text, &end);
	while (end && *end == ' ')
		end++;
	for (i = 0; end && i < SD_ARRAY_LEN(units); i++) {
		double total = v * units[i].factor;
		if (strcmp(end, units[i].unit) != 0)
			continue;
		if (total > 2147483647.0)
			return false;
		*ms = (long)(total + 0.5);
		return true;
	}
	return false;
}

bool sd_parse_count(const char *text, long min, long *out)
{
	long v = 0;
	const char *p;

	if (!text || !*text)
		return false;
	for (p = text; *p; p++) {
		if (*p < '0' || *p > '9' || v > 100000000L)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v < min)
		return false;
	*out = v;
	return true;
}

void sd_slugify(sd_buf *out, const char *message, size_t max)
{
	size_t start = out->len, n = 0;
	bool pending = false;
	const unsigned char *p;

	for (p = (const unsigned char *)message; *p && n < max; p++) {
		if (isalnum(*p) && *p < 128) {
			if (pending && n > 0 && n + 1 < max) {
				sd_buf_putc(out, '_');
				n++;
			}
			pending = false;
			sd_buf_putc(out, (char)tolower(*p));
			n++;
		} else {
			pending = true;
		}
	}
	if (out->len == start)
		sd_buf_put(out, "revision");
}

/* Length of a "password=" value in a key/value connection string. */
static size_t kv_value_len(const char *v)
{
	const char *e = v;

	if (*e == '\'') {
		for (e++; *e && *e != '\''; e++)
			if (*e == '\\' && e[1])
				e++;
		return (size_t)(e - v) + (*e ? 1 : 0);
	}
	while (*e && !isspace((unsigned char)*e) && *e != '&')
		e++;
	return (size_t)(e - v);
}

void sd_mask_password(sd_buf *out, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *scheme = strstr(p, "://");
		const char *kv = strstr(p, "password=");
		const char *end, *at, *colon;

		if (kv && (!scheme || kv < scheme)) {
			/* password=secret in a libpq key/value string or a
			 * URL query parameter */
			sd_buf_putn(out, p, (size_t)(kv + 9 - p));
			sd_buf_put(out, "****");
			p = kv + 9 + kv_value_len(kv + 9);
			continue;
		}
		if (!scheme) {
			sd_buf_put(out, p);
			return;
		}
		/* scheme://user:password@host -> scheme://user:****@host */
		end = scheme + 3;
		at = end;
		/* Userinfo ends at '@' before the host's '/', as libpq
		 * parses it. Stray spaces or control characters do not end
		 * it here: masking too much is harmless, too little is not. */
		while (*at && *at != '@' && *at != '/' && *at != '?' &&
		       *at != '#' && *at != '\n' && *at != '\r')
			at++;
		if (*at != '@') {
			sd_buf_putn(out, p, (size_t)(end - p));
			p = end;
			continue;
		}
		colon = memchr(end, ':', (size_t)(at - end));
		if (!colon) {
			sd_buf_putn(out, p, (size_t)(at - p));
			p = at;
			continue;
		}
		sd_buf_putn(out, p, (size_t)(colon + 1 - p));
		sd_buf_put(out, "****");
		p = at;
	}
}
