/*
 * split.c - splits an SQL script into statements, so the runner can report
 * which statement failed (with its line) and -v can echo each one.
 */
#include "revision/revision.h"

#include <ctype.h>
#include <string.h>

static bool only_comments(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (isspace((unsigned char)s[i])) {
			i++;
		} else if (s[i] == '-' && i + 1 < n && s[i + 1] == '-') {
			while (i < n && s[i] != '\n')
				i++;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");
			if (!e || (size_t)(e - s) >= n)
				return true;
			i = (size_t)(e - s) + 2;
		} else {
			return false;
		}
	}
	return true;
}

/* Skips leading whitespace and comments; returns the first code byte. */
static const char *skip_blank(const char *p, const char *end)
{
	while (p < end) {
		if (isspace((unsigned char)*p))
			p++;
		else if (p[0] == '-' && p + 1 < end && p[1] == '-') {
			while (p < end && *p != '\n')
				p++;
		} else
			break;
	}
	return p;
}

static bool word_at(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w), i;

	if ((size_t)(end - p) < n)
		return false;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)p[i]) != w[i])
			return false;
	return p + n == end || !(isalnum((unsigned char)p[n]) || p[n] == '_');
}

/* CREATE [TEMP|TEMPORARY] TRIGGER: its body holds semicolons up to END. */
static bool is_trigger(const char *p, const char *end)
{
	p = skip_blank(p, end);
	if (!word_at(p, end, "create"))
		return false;
	p = skip_blank(p + 6, end);
	if (word_at(p, end, "temp"))
		p = skip_blank(p + 4, end);
	else if (word_at(p, end, "temporary"))
		p = skip_blank(p + 9, end);
	return word_at(p, end, "trigger");
}

/*
 * true when a trigger body that started at start is closed at pos: every
 * BEGIN and CASE met its END (quotes and comments skipped).
 */
static bool trigger_closed(const char *start, const char *pos)
{
	const char *p = start;
	int depth = 0;
	bool opened = false;

	while (p < pos) {
		if (*p == '\'' || *p == '"' || *p == '`') {
			char q = *p++;
			while (p < pos && *p != q)
				p++;
			p++;
		} else if (p[0] == '-' && p + 1 < pos && p[1] == '-') {
			while (p < pos && *p != '\n')
				p++;
		} else if (p[0] == '/' && p + 1 < pos && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			p = e && e < pos ? e + 2 : pos;
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			const char *w = p;
			while (p < pos && (isalnum((unsigned char)*p) || *p == '_'))
				p++;
			if (word_at(w, p, "begin")) {
				depth++;
				opened = true;
			} else if (word_at(w, p, "case")) {
				depth++;
			} else if (word_at(w, p, "end")) {
				depth--;
			}
		} else {
			p++;
		}
	}
	return opened && depth <= 0;
}

size_t sd_sql_split(const char ***stmts, int **lines, sd_arena *a,
                    const char *sql)
{
	sd_vec out = {0}, outlines = {0};
	const char *p = sql, *start = sql, *end = sql + strlen(sql);
	int line = 1, start_line = 1;
	bool trigger = false;
	size_t i;

	while (p <= end) {
		char c = p < end ? *p : ';';
		if (p < end && c == '\n') {
			line++;
			p++;
			continue;
		}
		if (p < end && (c == '\'' || c == '"' || c == '`')) {
			p++;
			while (p < end) {
				if (*p == '\n')
					line++;
				if (*p == c) {
					if (p + 1 < end && p[1] == c) {
						p += 2;
						continue;
					}
					break;
				}
				p++;
			}
			/* an unterminated quote runs to the end: the statement
			 * still goes to the database, which reports it */
			if (p < end)
				p++;
			continue;
		}
		if (p < end && c == '-' && p + 1 < end && p[1] == '-') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (p < end && c == '/' && p + 1 < end && p[1] == '*') {
			p += 2;
			while (p < end && !(p[0] == '*' && p + 1 < end && p[1] == '/')) {
				if (*p == '\n')
					line++;
				p++;
			}
			p = p < end ? p + 2 : end;
			continue;
		}
		if (p < end && c == '$') {
			/* PostgreSQL dollar quote: $tag$ ... $tag$ */
			const char *q = p + 1;
			while (q < end && (isalnum((unsigned char)*q) || *q == '_'))
				q++;
			if (q < end && *q == '$' &&
			    (q == p + 1 || !isdigit((unsigned char)p[1]))) {
				size_t tl = (size_t)(q - p) + 1;
				const char *close = q + 1;
				for (;;) {
					close = strstr(close, "$");
					if (!close || close >= end)
						break;
					if ((size_t)(end - close) >= tl &&
					    memcmp(close, p, tl) == 0)
						break;
					close++;
				}
				if (!close || close >= end)
					close = end;
				for (q = p; q < close; q++)
					if (*q == '\n')
						line++;
				p = close + ((size_t)(end - close) >= tl ? tl : 0);
				continue;
			}
		}
		if (c == ';') {
			if (!trigger)
				trigger = is_trigger(start, p);
			if (p < end && trigger && !trigger_closed(start, p)) {
				p++;
				continue;
			}
			if (!only_comments(start, (size_t)(p - start))) {
				/* trim leading blank lines and trailing space */
				const char *s = start, *e = p;
				int sl = start_line;
				while (s < e && isspace((unsigned char)*s)) {
					if (*s == '\n')
						sl++;
					s++;
				}
				while (e > s && isspace((unsigned char)e[-1]))
					e--;
				sd_vec_push(a, &out, sd_arena_strndup(a, s, (size_t)(e - s)));
				sd_vec_push(a, &outlines, (void *)(intptr_t)sl);
			}
			trigger = false;
			p++;
			start = p;
			start_line = line;
			continue;
		}
		p++;
	}
	*stmts = (const char **)out.items;
	if (lines) {
		*lines = sd_arena_alloc(a, (out.n + 1) * sizeof(int));
		for (i = 0; i < out.n; i++)
			(*lines)[i] = (int)(intptr_t)outlines.items[i];
	}
	return out.n;
}
