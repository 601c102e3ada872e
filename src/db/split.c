/*
 * split.c - an SQL script into statements, by the rules of its dialect, so
 * the runner can report which statement failed (with its line) and -v can
 * echo each one.
 *
 * Where a statement ends is the database's own knowledge, so each dialect
 * asks its own parser: SQLite's sqlite3_complete() decides at every ';'
 * the lexer finds outside quotes and comments (a trigger body holds
 * several, up to END); PostgreSQL's grammar, as libpg_query has it, splits
 * what parses (function bodies in dollar quotes or BEGIN ATOMIC ... END).
 * A PostgreSQL script that does not parse is split at the ';' the lexer
 * finds outside parentheses, quotes, dollar quotes and comments: each
 * statement still goes to the server, which says what is wrong with it.
 *
 * Every statement comes back without its ';', leading blanks and trailing
 * blanks (comments before it are kept); pieces holding only comments are
 * dropped.
 */
#include "db/db.h"

#include <pg_query.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/sql.h"

/* Statements being collected, and the line bookkeeping: line is the line
 * of text[at]. */
typedef struct splitter {
	sd_arena *a;
	const char *text;
	size_t at;
	int line;
	sd_vec stmts;
	sd_vec lines;
} splitter;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* The line of text[pos], pos never moving backwards. */
static int line_at(splitter *s, size_t pos)
{
	const char *p = s->text + s->at, *end = s->text + pos;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		s->line++;
		p++;
	}
	s->at = pos;
	return s->line;
}

/* Keeps text[from, to) as a statement, blanks trimmed. */
static void keep(splitter *s, size_t from, size_t to)
{
	while (from < to && is_blank(s->text[from]))
		from++;
	while (to > from && is_blank(s->text[to - 1]))
		to--;
	if (from == to)
		return;
	sd_vec_push(s->a, &s->stmts,
	            sd_arena_strndup(s->a, s->text + from, to - from));
	sd_vec_push(s->a, &s->lines, (void *)(intptr_t)line_at(s, from));
}

/* Whether text[from, to) holds anything but blanks and comments. */
static bool has_code(const char *text, size_t from, size_t to,
                     sd_sql_lang lang)
{
	sd_lexer lx;
	sd_token t;

	sd_lex_init(&lx, text + from, to - from, lang, 0);
	return sd_lex_next(&lx, &t);
}

/*
 * The lexer's split: a statement ends at a ';' outside quotes, dollar
 * quotes and comments, and outside parentheses for PostgreSQL (as psql
 * splits); for SQLite where sqlite3_complete() agrees.
 */
static bool sqlite_complete(splitter *s, size_t from, size_t to);

static void split_lexed(splitter *s, sd_sql_lang lang)
{
	size_t len = strlen(s->text), start = 0;
	bool code = false;
	sd_lexer lx;
	sd_token t;

	sd_lex_init(&lx, s->text, len, lang, 0);
	while (sd_lex_next(&lx, &t)) {
		size_t pos = (size_t)(t.s - s->text);
		if (!(t.kind == SD_TOK_PUNCT && t.s[0] == ';' &&
		      (lang == SD_SQL_SQLITE || t.depth == 0))) {
			code = true;
			continue;
		}
		if (lang == SD_SQL_SQLITE && code &&
		    !sqlite_complete(s, start, pos + 1))
			continue;
		if (code)
			keep(s, start, pos);
		start = pos + 1;
		code = false;
	}
	if (code)
		keep(s, start, len);
}

/* sqlite3_complete() on text[from, to), which ends in ';'. */
static bool sqlite_complete(splitter *s, size_t from, size_t to)
{
	char *piece = sd_xmalloc(to - from + 1);
	bool done;

	memcpy(piece, s->text + from, to - from);
	piece[to - from] = '\0';
	done = sqlite3_complete(piece) != 0;
	free(piece);
	return done;
}

/*
 * libpg_query's split by the grammar; false (nothing kept) when the script
 * does not parse. A statement's location is just past the ';' before it,
 * so the comments before it come along; its length stops before its ';'.
 */
static bool split_parsed(splitter *s)
{
	PgQuerySplitResult r = pg_query_split_with_parser(s->text);
	int i;

	if (r.error) {
		pg_query_free_split_result(r);
		return false;
	}
	for (i = 0; i < r.n_stmts; i++) {
		size_t from = (size_t)r.stmts[i]->stmt_location;
		size_t to = from + (size_t)r.stmts[i]->stmt_len;
		if (has_code(s->text, from, to, SD_SQL_POSTGRES))
			keep(s, from, to);
	}
	pg_query_free_split_result(r);
	return true;
}

size_t sd_sql_split(const char ***stmts, int **lines, sd_arena *a,
                    const char *sql, sd_sql_lang lang)
{
	splitter s;
	size_t i;

	memset(&s, 0, sizeof(s));
	s.a = a;
	s.text = sql;
	s.line = 1;
	if (lang == SD_SQL_SQLITE || !has_code(sql, 0, strlen(sql), lang) ||
	    !split_parsed(&s))
		split_lexed(&s, lang);
	*stmts = sd_arena_alloc(a, (s.stmts.n + 1) * sizeof(char *));
	for (i = 0; i < s.stmts.n; i++)
		(*stmts)[i] = s.stmts.items[i];
	if (lines) {
		*lines = sd_arena_alloc(a, (s.stmts.n + 1) * sizeof(int));
		for (i = 0; i < s.stmts.n; i++)
			(*lines)[i] = (int)(intptr_t)s.lines.items[i];
	}
	return s.stmts.n;
}
