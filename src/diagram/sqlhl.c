/*
 * sqlhl.c - SQL as highlighted, escaped HTML (review.h).
 *
 * The tokens are the one SQL lexer's (util/sql.h), with the quoting rules
 * of the revision's dialect; words are told apart here: keywords, type
 * names, identifiers. Display only: a wrong guess is a wrong colour.
 */
#include "diagram/review.h"

#include <ctype.h>
#include <string.h>

#include "util/sql.h"

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

static const char *token_class(const sd_token *t)
{
	switch (t->kind) {
	case SD_TOK_WORD:
		return in_words(keywords, t->s, t->n) ? "k"
		       : in_words(types, t->s, t->n) ? "t"
		                                     : "i";
	case SD_TOK_QUOTED:
		return "i";
	case SD_TOK_STRING:
	case SD_TOK_DOLLAR:
		return "s";
	case SD_TOK_NUMBER:
	case SD_TOK_PARAM:
		return "n";
	case SD_TOK_COMMENT:
		return "c";
	default:
		return NULL;
	}
}

void sd_sql_highlight(sd_buf *out, const char *sql, const char *dialect)
{
	const char *text = sql ? sql : "";
	const char *at = text;
	sd_lexer lx;
	sd_token t;

	sd_lex_init(&lx, text, strlen(text), sd_sql_lang_of(dialect),
	            SD_LEX_COMMENTS | SD_LEX_SPACE);
	while (sd_lex_next(&lx, &t)) {
		if (t.s > at) /* nothing should fall between tokens; if it does,
		               * it is text all the same */
			span(out, NULL, at, (size_t)(t.s - at));
		span(out, token_class(&t), t.s, t.n);
		at = t.s + t.n;
	}
	if (*at)
		span(out, NULL, at, strlen(at));
}
