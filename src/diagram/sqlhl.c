/*
 * sqlhl.c - SQL as highlighted, escaped HTML (review.h).
 *
 * A scanner for display only: it never decides what runs, so where it
 * guesses wrong a token gets the wrong colour, nothing worse. It knows
 * both dialects' quoting: '...' with '' inside (and E'...' with
 * backslashes), "..." identifiers, `...` and [...] identifiers (SQLite),
 * $tag$...$tag$ bodies, line comments and nested block comments.
 */
#include "diagram/review.h"

#include <ctype.h>
#include <string.h>

static const char *const keywords[] = {
	"ACTION", "ADD", "ALL", "ALTER", "ALWAYS", "AND", "AS", "ASC",
	"AUTOINCREMENT", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST",
	"CHECK", "COLLATE", "COLUMN", "COMMENT", "COMMIT", "CONCURRENTLY",
	"CONFLICT", "CONSTRAINT", "CREATE", "CURRENT_DATE", "CURRENT_TIME",
	"CURRENT_TIMESTAMP", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE",
	"DESC", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ENUM",
	"EXCLUSIVE", "EXECUTE", "EXISTS", "EXTENSION", "FALSE", "FIRST", "FOR",
	"FOREIGN", "FROM", "FULL", "FUNCTION", "GENERATED", "GROUP", "HAVING",
	"IDENTITY", "IF", "IGNORE", "IMMEDIATE", "IN", "INCLUDE", "INDEX",
	"INITIALLY", "INNER", "INSERT", "INSTEAD", "INTO", "IS", "JOIN", "KEY",
	"LAST", "LEFT", "LIKE", "LIMIT", "LOCK", "MATCH", "NO", "NOT", "NULL",
	"NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OWNED", "PRAGMA",
	"PRIMARY", "REFERENCES", "RENAME", "REPLACE", "RESTRICT", "RETURNING",
	"ROLLBACK", "ROW", "ROWID", "SCHEMA", "SELECT", "SEQUENCE", "SET",
	"STORED", "STRICT", "TABLE", "TEMP", "TEMPORARY", "THEN", "TO",
	"TRANSACTION", "TRIGGER", "TRUE", "TYPE", "UNIQUE", "UPDATE", "USING",
	"VALID", "VALIDATE", "VALUE", "VALUES", "VIEW", "VIRTUAL", "WHEN",
	"WHERE", "WITH", "WITHOUT", "WORK", NULL,
};

static const char *const types[] = {
	"BIGINT", "BIGSERIAL", "BLOB", "BOOL", "BOOLEAN", "BYTEA", "CHAR",
	"CHARACTER", "DATE", "DATETIME", "DECIMAL", "DOUBLE", "FLOAT", "INT",
	"INT2", "INT4", "INT8", "INTEGER", "INTERVAL", "JSON", "JSONB",
	"NUMERIC", "PRECISION", "REAL", "SERIAL", "SMALLINT", "TEXT", "TIME",
	"TIMESTAMP", "TIMESTAMPTZ", "UUID", "VARCHAR", "VARYING", "ZONE", NULL,
};

static bool in_words(const char *const *words, const char *w, size_t n)
{
	size_t i, k;

	for (i = 0; words[i]; i++) {
		if (strlen(words[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if (toupper((unsigned char)w[k]) != words[i][k])
				break;
		if (k == n)
			return true;
	}
	return false;
}

static void span(sd_buf *out, const char *cls, const char *s, size_t n)
{
	sd_buf tmp = SD_BUF_INIT;

	sd_buf_putn(&tmp, s, n);
	if (cls)
		sd_buf_printf(out, "<span class=\"%s\">", cls);
	sd_xml_escape(out, sd_buf_cstr(&tmp), SD_XML_KEEP_LINES);
	if (cls)
		sd_buf_put(out, "</span>");
	sd_buf_free(&tmp);
}

/* The end of a quoted run starting at p (on its opening quote): the
 * closing quote doubled is part of it; backslash escapes too when bs. */
static const char *quoted_end(const char *p, char close, bool bs)
{
	for (p++; *p; p++) {
		if (bs && *p == '\\' && p[1]) {
			p++;
		} else if (*p == close) {
			if (p[1] == close && close != ']')
				p++;
			else
				return p + 1;
		}
	}
	return p;
}

/* $tag$ ... $tag$: the end of the body starting at p, or NULL when p is
 * not a dollar quote (a $1 parameter). */
static const char *dollar_end(const char *p)
{
	const char *q = p + 1, *close;
	size_t n;

	while (isalnum((unsigned char)*q) || *q == '_')
		q++;
	if (*q != '$' || isdigit((unsigned char)p[1]))
		return NULL;
	n = (size_t)(q - p) + 1;
	for (close = q + 1; *close; close++)
		if (strncmp(close, p, n) == 0)
			return close + n;
	return close;
}

static const char *block_comment_end(const char *p)
{
	int depth = 0;

	while (*p) {
		if (p[0] == '/' && p[1] == '*') {
			depth++;
			p += 2;
		} else if (p[0] == '*' && p[1] == '/') {
			p += 2;
			if (--depth == 0)
				return p;
		} else {
			p++;
		}
	}
	return p;
}

void sd_sql_highlight(sd_buf *out, const char *sql)
{
	const char *p = sql ? sql : "";

	while (*p) {
		const char *s = p, *e;
		unsigned char c = (unsigned char)*p;

		if (p[0] == '-' && p[1] == '-') {
			for (e = p; *e && *e != '\n'; e++)
				;
			span(out, "c", s, (size_t)(e - s));
		} else if (p[0] == '/' && p[1] == '*') {
			e = block_comment_end(p);
			span(out, "c", s, (size_t)(e - s));
		} else if ((c == 'E' || c == 'e') && p[1] == '\'') {
			e = quoted_end(p + 1, '\'', true);
			span(out, "s", s, (size_t)(e - s));
		} else if (c == '\'') {
			e = quoted_end(p, '\'', false);
			span(out, "s", s, (size_t)(e - s));
		} else if (c == '"' || c == '`') {
			e = quoted_end(p, (char)c, false);
			span(out, "i", s, (size_t)(e - s));
		} else if (c == '$' && (e = dollar_end(p)) != NULL) {
			span(out, "s", s, (size_t)(e - s));
		} else if (isdigit(c) || (c == '.' && isdigit((unsigned char)p[1]))) {
			for (e = p; isalnum((unsigned char)*e) || *e == '.'; e++)
				;
			span(out, "n", s, (size_t)(e - s));
		} else if (isalpha(c) || c == '_' || c >= 0x80) {
			size_t n;
			for (e = p; isalnum((unsigned char)*e) || *e == '_' ||
			            *e == '$' || (unsigned char)*e >= 0x80;
			     e++)
				;
			n = (size_t)(e - s);
			span(out, in_words(keywords, s, n) ? "k"
			          : in_words(types, s, n)  ? "t"
			                                   : "i",
			     s, n);
		} else {
			e = p + 1;
			span(out, NULL, s, 1);
		}
		p = e;
	}
}
