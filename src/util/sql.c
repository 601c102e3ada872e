/*
 * sql.c - quoting and the SQL lexer (see sql.h for the rules it follows).
 */
#include "util/sql.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Quoting                                                             */
/* ------------------------------------------------------------------ */

static void quote_doubled(sd_buf *out, const char *s, char q)
{
	const char *p, *run;

	sd_buf_putc(out, q);
	for (p = run = s ? s : ""; *p; p++) {
		if (*p != q)
			continue;
		sd_buf_putn(out, run, (size_t)(p - run + 1));
		sd_buf_putc(out, q);
		run = p + 1;
	}
	sd_buf_put(out, run);
	sd_buf_putc(out, q);
}

void sd_quote_ident_std(sd_buf *out, const char *name)
{
	quote_doubled(out, name, '"');
}

void sd_quote_literal_std(sd_buf *out, const char *s)
{
	quote_doubled(out, s, '\'');
}

/* ------------------------------------------------------------------ */
/* Character classes                                                   */
/* ------------------------------------------------------------------ */

/* ASCII only, whatever the locale: bytes >= 0x80 are identifier
 * characters in both dialects. */
static bool is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool ident_start(unsigned char c)
{
	return is_alpha(c) || c == '_' || c >= 0x80;
}

static bool ident_char(unsigned char c)
{
	return ident_start(c) || is_digit(c) || c == '$';
}

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

sd_sql_lang sd_sql_lang_of(const char *dialect_name)
{
	if (dialect_name && (sd_strieq(dialect_name, "postgresql") ||
	                     sd_strieq(dialect_name, "postgres")))
		return SD_SQL_POSTGRES;
	return SD_SQL_SQLITE;
}

/* ------------------------------------------------------------------ */
/* Scanning one token                                                  */
/* ------------------------------------------------------------------ */

/*
 * Past a quoted run that opened at p (p[0] is the quote): the quote
 * doubled stands for itself; with backslashes, a backslash escapes the
 * next byte. Sets *open when the text ends first.
 */
static const char *skip_quoted(const char *p, const char *end, char q,
                               bool backslashes, bool *open)
{
	for (p++; p < end; p++) {
		if (backslashes && *p == '\\') {
			if (++p >= end)
				break;
			continue;
		}
		if (*p != q)
			continue;
		if (p + 1 < end && p[1] == q) {
			p++;
			continue;
		}
		return p + 1;
	}
	*open = true;
	return end;
}

/* Past a block comment opening at p ("/" "*"); PostgreSQL's nest. */
static const char *skip_block_comment(const char *p, const char *end,
                                      bool nested, bool *open)
{
	int depth = 1;

	for (p += 2; p < end; p++) {
		if (nested && *p == '/' && p + 1 < end && p[1] == '*') {
			depth++;
			p++;
		} else if (*p == '*' && p + 1 < end && p[1] == '/') {
			p++;
			if (--depth == 0)
				return p + 1;
		}
	}
	*open = true;
	return end;
}

/*
 * The length of a dollar-quote delimiter at p ($$ or $tag$), 0 when p does
 * not start one: the tag is an identifier without '$'.
 */
static size_t dollar_delim(const char *p, const char *end)
{
	const char *q = p + 1;

	if (q < end && ident_start((unsigned char)*q))
		for (q++; q < end && ident_char((unsigned char)*q) && *q != '$';
		     q++)
			;
	if (q < end && *q == '$')
		return (size_t)(q - p) + 1;
	return 0;
}

static const char *skip_dollar(const char *p, const char *end, size_t dl,
                               bool *open)
{
	const char *q;

	for (q = p + dl; q + dl <= end; q++)
		if (*q == '$' && memcmp(q, p, dl) == 0)
			return q + dl;
	*open = true;
	return end;
}

static const char *skip_number(const char *p, const char *end)
{
	while (p < end && is_digit((unsigned char)*p))
		p++;
	if (p < end && *p == '.') {
		p++;
		while (p < end && is_digit((unsigned char)*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		const char *q = p + 1;
		if (q < end && (*q == '+' || *q == '-'))
			q++;
		if (q < end && is_digit((unsigned char)*q)) {
			p = q;
			while (p < end && is_digit((unsigned char)*p))
				p++;
		}
	}
	/* 123abc: junk either server rejects, kept in one piece */
	while (p < end && ident_char((unsigned char)*p))
		p++;
	return p;
}

static const char *skip_ident(const char *p, const char *end)
{
	while (p < end && ident_char((unsigned char)*p))
		p++;
	return p;
}

/*
 * A string or quoted identifier with a prefix starting at p, or NULL:
 * E'..' B'..' X'..' N'..' U&'..' U&".." (PostgreSQL), X'..' (SQLite).
 */
static const char *prefixed_quote(const sd_lexer *lx, const char *p,
                                  sd_token *t)
{
	const char *end = lx->end;
	char c = (char)(*p | 0x20);
	bool pg = lx->lang == SD_SQL_POSTGRES;

	if (p + 1 < end && p[1] == '\'') {
		if (c == 'x' || (pg && (c == 'e' || c == 'b' || c == 'n'))) {
			bool bs = pg && c == 'e';
			t->kind = SD_TOK_STRING;
			return skip_quoted(p + 1, end, '\'', bs, &t->open);
		}
		return NULL;
	}
	if (pg && c == 'u' && p + 2 < end && p[1] == '&' &&
	    (p[2] == '\'' || p[2] == '"')) {
		t->kind = p[2] == '\'' ? SD_TOK_STRING : SD_TOK_QUOTED;
		return skip_quoted(p + 2, end, p[2], false, &t->open);
	}
	return NULL;
}

void sd_lex_init(sd_lexer *lx, const char *text, size_t len, sd_sql_lang lang,
                 unsigned flags)
{
	lx->p = text;
	lx->end = text + len;
	lx->lang = lang;
	lx->flags = flags;
	lx->depth = 0;
}

/* Scans the token at lx->p into t (not yet filtered). */
static void scan(sd_lexer *lx, sd_token *t)
{
	const char *p = lx->p, *end = lx->end, *q;
	unsigned char c = (unsigned char)*p;
	bool pg = lx->lang == SD_SQL_POSTGRES;

	t->s = p;
	t->open = false;
	t->depth = lx->depth;
	if (is_blank(c)) {
		for (q = p + 1; q < end && is_blank((unsigned char)*q); q++)
			;
		t->kind = SD_TOK_SPACE;
	} else if (c == '-' && p + 1 < end && p[1] == '-') {
		q = memchr(p, '\n', (size_t)(end - p));
		q = q ? q : end;
		t->kind = SD_TOK_COMMENT;
	} else if (c == '/' && p + 1 < end && p[1] == '*') {
		q = skip_block_comment(p, end, pg, &t->open);
		t->kind = SD_TOK_COMMENT;
	} else if (c == '\'') {
		q = skip_quoted(p, end, '\'',
		                pg && (lx->flags & SD_LEX_BACKSLASH_STRINGS),
		                &t->open);
		t->kind = SD_TOK_STRING;
	} else if (c == '"' || (!pg && c == '`')) {
		q = skip_quoted(p, end, (char)c, false, &t->open);
		t->kind = SD_TOK_QUOTED;
	} else if (!pg && c == '[') {
		q = memchr(p, ']', (size_t)(end - p));
		if (q)
			q++;
		else
			q = end, t->open = true;
		t->kind = SD_TOK_QUOTED;
	} else if (ident_start(c)) {
		q = prefixed_quote(lx, p, t);
		if (!q) {
			q = skip_ident(p + 1, end);
			t->kind = SD_TOK_WORD;
		}
	} else if (is_digit(c) ||
	           (c == '.' && p + 1 < end && is_digit((unsigned char)p[1]))) {
		q = skip_number(p, end);
		t->kind = SD_TOK_NUMBER;
	} else if (c == '$' && pg) {
		size_t dl = dollar_delim(p, end);
		if (dl) {
			q = skip_dollar(p, end, dl, &t->open);
			t->kind = SD_TOK_DOLLAR;
		} else if (p + 1 < end && is_digit((unsigned char)p[1])) {
			for (q = p + 1; q < end && is_digit((unsigned char)*q);
			     q++)
				;
			t->kind = SD_TOK_PARAM;
		} else {
			q = p + 1;
			t->kind = SD_TOK_PUNCT;
		}
	} else if (!pg && (c == '?' || c == '$' || c == ':' || c == '@') &&
	           p + 1 < end &&
	           (c == '?' ? is_digit((unsigned char)p[1])
	                     : ident_char((unsigned char)p[1]))) {
		q = skip_ident(p + 1, end);
		t->kind = SD_TOK_PARAM;
	} else if (!pg && c == '?') {
		q = p + 1;
		t->kind = SD_TOK_PARAM;
	} else {
		q = p + 1;
		t->kind = SD_TOK_PUNCT;
		if (c == '(') {
			lx->depth++;
		} else if (c == ')' && lx->depth > 0) {
			lx->depth--;
			t->depth = lx->depth;
		}
	}
	t->n = (size_t)(q - p);
	lx->p = q;
}

bool sd_lex_next(sd_lexer *lx, sd_token *t)
{
	while (lx->p < lx->end) {
		scan(lx, t);
		if (t->kind == SD_TOK_SPACE && !(lx->flags & SD_LEX_SPACE))
			continue;
		if (t->kind == SD_TOK_COMMENT && !(lx->flags & SD_LEX_COMMENTS))
			continue;
		return true;
	}
	memset(t, 0, sizeof(*t));
	t->s = lx->end;
	t->kind = SD_TOK_END;
	return false;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

bool sd_tok_is(const sd_token *t, const char *kw)
{
	size_t i;

	if (t->kind == SD_TOK_PUNCT)
		return kw[0] == t->s[0] && kw[1] == '\0';
	if (t->kind != SD_TOK_WORD)
		return false;
	for (i = 0; i < t->n; i++) {
		unsigned char a = (unsigned char)t->s[i];
		unsigned char b = (unsigned char)kw[i];
		if (!b)
			return false;
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		if (a != b)
			return false;
	}
	return kw[i] == '\0';
}

bool sd_tok_is_name(const sd_token *t)
{
	return t->kind == SD_TOK_WORD || t->kind == SD_TOK_QUOTED;
}

bool sd_tok_names(const sd_token *t, const char *name)
{
	const char *s = t->s, *e = t->s + t->n, *p = name;
	char q;

	if (t->kind == SD_TOK_WORD)
		return strlen(name) == t->n && sd_tok_is(t, name);
	if (t->kind != SD_TOK_QUOTED || t->n < 2)
		return false;
	if (*s == 'U' || *s == 'u')
		s += 2;
	if (*s == '[')
		return (size_t)(e - s) == strlen(name) + 2 &&
		       memcmp(s + 1, name, strlen(name)) == 0;
	q = *s++;
	while (s < e && *p) {
		if (*s == q) {
			if (s + 1 < e && s[1] == q)
				s++;
			else
				return false;
		}
		if (*s++ != *p++)
			return false;
	}
	return !*p && (s == e || (*s == q && s + 1 == e));
}

bool sd_sql_is_literal(const char *sql, sd_sql_lang lang)
{
	sd_lexer lx;
	sd_token t;

	if (!sql)
		return true;
	sd_lex_init(&lx, sql, strlen(sql), lang, 0);
	if (!sd_lex_next(&lx, &t))
		return false;
	if (t.kind == SD_TOK_PUNCT && (t.s[0] == '-' || t.s[0] == '+')) {
		if (!sd_lex_next(&lx, &t) || t.kind != SD_TOK_NUMBER)
			return false;
	} else if (!(t.kind == SD_TOK_STRING || t.kind == SD_TOK_NUMBER ||
	             sd_tok_is(&t, "null") || sd_tok_is(&t, "true") ||
	             sd_tok_is(&t, "false"))) {
		return false;
	}
	return !t.open && !sd_lex_next(&lx, &t);
}

bool sd_sql_function_volatile(const char *name)
{
	static const char *const volatile_fns[] = {
		"random", "random_normal", "setseed", "clock_timestamp",
		"timeofday", "gen_random_uuid", "uuid_generate_v1",
		"uuid_generate_v1mc", "uuid_generate_v4", "nextval", "setval",
		"txid_current", "pg_current_xact_id", NULL,
	};
	const char *dot = name ? strrchr(name, '.') : NULL;
	size_t i;

	if (!name)
		return false;
	if (dot)
		name = dot + 1;
	for (i = 0; volatile_fns[i]; i++)
		if (sd_strieq(name, volatile_fns[i]))
			return true;
	return false;
}

bool sd_sql_calls_volatile(const char *sql, sd_sql_lang lang)
{
	sd_lexer lx;
	sd_token t, prev;
	bool have_prev = false;
	char name[64];

	if (!sql)
		return false;
	sd_lex_init(&lx, sql, strlen(sql), lang, 0);
	while (sd_lex_next(&lx, &t)) {
		if (have_prev && sd_tok_is(&t, "(") && prev.kind == SD_TOK_WORD &&
		    prev.n < sizeof(name)) {
			memcpy(name, prev.s, prev.n);
			name[prev.n] = '\0';
			if (sd_sql_function_volatile(name))
				return true;
		}
		prev = t;
		have_prev = true;
	}
	return false;
}

bool sd_sql_is_parenthesized(const char *sql, sd_sql_lang lang)
{
	sd_lexer lx;
	sd_token t;

	sd_lex_init(&lx, sql, strlen(sql), lang, 0);
	if (!sd_lex_next(&lx, &t) || !sd_tok_is(&t, "("))
		return false;
	while (sd_lex_next(&lx, &t))
		if (t.depth == 0 && sd_tok_is(&t, ")"))
			return !sd_lex_next(&lx, &t);
	return false;
}

char *sd_tok_ident(sd_arena *a, const sd_token *t, bool fold)
{
	const char *s = t->s;
	size_t n = t->n, i;
	char *out, *o, q;

	if (t->kind == SD_TOK_WORD) {
		out = sd_arena_strndup(a, s, n);
		for (i = 0; fold && i < n; i++)
			if (out[i] >= 'A' && out[i] <= 'Z')
				out[i] = (char)(out[i] - 'A' + 'a');
		return out;
	}
	if (t->kind != SD_TOK_QUOTED || n < 2)
		return sd_arena_strndup(a, s, n);
	if (s[0] == 'U' || s[0] == 'u') {
		s += 2;
		n -= 2;
	}
	if (s[0] == '[')
		return sd_arena_strndup(a, s + 1, t->open ? n - 1 : n - 2);
	q = s[0];
	out = o = sd_arena_alloc(a, n);
	for (i = 1; i < n; i++) {
		if (s[i] == q) {
			if (i + 1 < n && s[i + 1] == q)
				i++;
			else
				break;
		}
		*o++ = s[i];
	}
	*o = '\0';
	return out;
}

char *sd_tok_string(sd_arena *a, const sd_token *t)
{
	const char *s = t->s, *e = t->s + t->n;
	char *out, *o;
	bool bs = false;

	if (t->kind != SD_TOK_STRING)
		return sd_arena_strndup(a, t->s, t->n);
	while (s < e && *s != '\'') {
		bs = bs || *s == 'e' || *s == 'E';
		s++;
	}
	out = o = sd_arena_alloc(a, (size_t)(e - s) + 1);
	for (s++; s < e; s++) {
		if (bs && *s == '\\' && s + 1 < e) {
			s++;
			*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t'
			                          : *s == 'r' ? '\r' : *s;
			continue;
		}
		if (*s == '\'') {
			if (s + 1 < e && s[1] == '\'')
				s++;
			else
				break;
		}
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

void sd_tokens_read(sd_tokens *out, const char *sql, sd_sql_lang lang)
{
	sd_lexer lx;
	sd_token t;

	memset(out, 0, sizeof(*out));
	sd_lex_init(&lx, sql, strlen(sql), lang, 0);
	while (sd_lex_next(&lx, &t)) {
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->v = sd_xrealloc(out->v, out->cap * sizeof(*out->v));
		}
		out->v[out->n++] = t;
	}
}

void sd_tokens_free(sd_tokens *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
}

size_t sd_tokens_close(const sd_tokens *t, size_t open)
{
	size_t i;

	for (i = open + 1; i < t->n; i++)
		if (t->v[i].kind == SD_TOK_PUNCT && t->v[i].s[0] == ')' &&
		    t->v[i].depth == t->v[open].depth)
			return i;
	return t->n;
}

char *sd_tokens_text(sd_arena *a, const sd_tokens *t, size_t from, size_t to)
{
	if (from > to || to >= t->n)
		return sd_arena_strdup(a, "");
	return sd_arena_strndup(a, t->v[from].s,
	                        (size_t)(t->v[to].s + t->v[to].n -
	                                 t->v[from].s));
}
