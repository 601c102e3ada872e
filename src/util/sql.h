/*
 * sql.h - SQL text in the bottom layer: quoting, and the one lexer every
 * part of schemadiff that reads SQL goes through.
 *
 * The lexer knows what a reader needs to step over SQL without parsing it
 * (PostgreSQL's frontends share one scanner, psqlscan.l, the same way):
 * words, numbers, quoted identifiers, string literals, dollar quotes,
 * parameters, comments and single punctuation characters, with the rules
 * of each dialect:
 *
 *                        SQLite                  PostgreSQL
 *   quoted identifier    "x"  `x`  [x]           "x"  U&"x"
 *   string literal       'x'  X'0f'              'x'  E'\n'  B'1'  X'f'
 *                                                N'x'  U&'x'
 *   dollar quote         -                       $$x$$  $tag$x$tag$
 *   parameter            ?  ?1  :a  @a  $a       $1
 *   block comment        to the first * /        nested
 *
 * Both dialects read every byte >= 0x80 as an identifier character, and
 * '$' as one inside an identifier (a$b is one word). An unterminated quote
 * or comment runs to the end of the text, as the servers' own scanners
 * would report it: the lexer never fails.
 */
#ifndef SD_UTIL_SQL_H
#define SD_UTIL_SQL_H

#include "util/util.h"

/* ------------------------------------------------------------------ */
/* Quoting                                                             */
/* ------------------------------------------------------------------ */

/*
 * SQL-standard quoting, which both dialects use: an identifier in double
 * quotes, a literal in single quotes, the quote character doubled inside
 * ("we""ird", 'it''s'). NULL quotes as empty. PostgreSQL runs with
 * standard_conforming_strings on (the default since 9.1), so backslashes
 * are ordinary characters.
 */
void sd_quote_ident_std(sd_buf *out, const char *name);
void sd_quote_literal_std(sd_buf *out, const char *s);

/* ------------------------------------------------------------------ */
/* The lexer                                                           */
/* ------------------------------------------------------------------ */

typedef enum sd_sql_lang {
	SD_SQL_SQLITE = 0,
	SD_SQL_POSTGRES = 1,
} sd_sql_lang;

/* "sqlite" / "postgresql" (or "postgres") -> its lexer rules; SQLite's
 * for anything else. */
sd_sql_lang sd_sql_lang_of(const char *dialect_name);

typedef enum sd_tok_kind {
	SD_TOK_END = 0,
	SD_TOK_WORD,    /* keyword or bare identifier: users, SELECT */
	SD_TOK_NUMBER,  /* 42, 1.5e3, .5 */
	SD_TOK_QUOTED,  /* quoted identifier: "x", `x`, [x], U&"x" */
	SD_TOK_STRING,  /* string literal with its prefix: 'x', E'x', X'0f' */
	SD_TOK_DOLLAR,  /* $tag$ ... $tag$ (PostgreSQL) */
	SD_TOK_PARAM,   /* $1, ?, ?1, :name, @name, $name */
	SD_TOK_PUNCT,   /* one character: ( ) , ; . = : ... */
	SD_TOK_COMMENT, /* -- ... or a block comment (SD_LEX_COMMENTS) */
	SD_TOK_SPACE,   /* a run of blanks (SD_LEX_SPACE) */
} sd_tok_kind;

typedef struct sd_token {
	sd_tok_kind kind;
	const char *s; /* into the text */
	size_t n;
	/* Parenthesis depth: a '(' and its matching ')' carry the depth
	 * outside them; everything between is one deeper. */
	int depth;
	bool open;     /* a quote or comment the text ends inside */
} sd_token;

enum {
	SD_LEX_COMMENTS = 1u << 0, /* return comments as tokens */
	SD_LEX_SPACE = 1u << 1,    /* return blanks as tokens */
	/* PostgreSQL with standard_conforming_strings off: backslashes
	 * escape in every string literal, not only in E'...' */
	SD_LEX_BACKSLASH_STRINGS = 1u << 2,
};

typedef struct sd_lexer {
	const char *p;
	const char *end;
	sd_sql_lang lang;
	unsigned flags;
	int depth;
} sd_lexer;

/* Starts reading len bytes of text (NUL bytes are ordinary characters). */
void sd_lex_init(sd_lexer *lx, const char *text, size_t len, sd_sql_lang lang,
                 unsigned flags);
/*
 * The next token into *t. Returns false (and t->kind SD_TOK_END) at the
 * end of the text. Blanks and comments are skipped unless the flags ask
 * for them.
 */
bool sd_lex_next(sd_lexer *lx, sd_token *t);

/* true for a word equal to kw (ASCII case folded), or for the single
 * punctuation character kw: sd_tok_is(t, "create"), sd_tok_is(t, "("). */
bool sd_tok_is(const sd_token *t, const char *kw);
/* true for a token that names something: a word or a quoted identifier. */
bool sd_tok_is_name(const sd_token *t);
/* true when t names `name`: a word equal to it ASCII case folded, or a
 * quoted identifier equal to it exactly once unquoted. */
bool sd_tok_names(const sd_token *t, const char *name);
/*
 * The identifier a word or quoted identifier names, in a: quotes removed
 * and doubled quotes undone ("we""ird" -> we"ird, [a b] -> a b); a word as
 * written, or lower-cased when fold is true (PostgreSQL folds unquoted
 * names). Other tokens come back as their text.
 */
char *sd_tok_ident(sd_arena *a, const sd_token *t, bool fold);
/* The value of a string literal: quotes and prefix removed, '' undone,
 * and backslash escapes of E'...' strings undone for \\, \' and \n, \t,
 * \r; others keep the character after the backslash. */
char *sd_tok_string(sd_arena *a, const sd_token *t);

/*
 * true when sql (blanks around it aside) is one literal: a string or blob
 * ('x', X'0f', E'x' where the dialect has them), a number with an optional
 * sign, NULL, TRUE or FALSE. NULL sql counts as a literal (no value).
 *     "'active'", "-1.5e3", "null" -> true; "now()", "1 + 1" -> false
 */
bool sd_sql_is_literal(const char *sql, sd_sql_lang lang);

/*
 * true for the name of a function PostgreSQL evaluates anew for every row
 * (VOLATILE): random, clock_timestamp, gen_random_uuid, nextval, ... An
 * ADD COLUMN whose default calls one rewrites the table; any other default
 * is evaluated once and stored in the catalog. Schema-qualified names are
 * matched by their last part. The list is the common built-ins and the
 * uuid-ossp functions; a user's own volatile function is not known here.
 */
bool sd_sql_function_volatile(const char *name);
/* true when sql calls one of those functions (a name followed by '('). */
bool sd_sql_calls_volatile(const char *sql, sd_sql_lang lang);

/* true when sql (blanks around it aside) is one parenthesised group:
 * "(a + (b))" -> true, "(a) + (b)" -> false. */
bool sd_sql_is_parenthesized(const char *sql, sd_sql_lang lang);

/* Every token of a text at once (blanks and comments left out). */
typedef struct sd_tokens {
	sd_token *v;
	size_t n;
	size_t cap;
} sd_tokens;

/* Tokenizes sql (NUL-terminated); free with sd_tokens_free. */
void sd_tokens_read(sd_tokens *out, const char *sql, sd_sql_lang lang);
void sd_tokens_free(sd_tokens *t);
/* Index of the ')' matching the '(' at open, or t->n when unbalanced. */
size_t sd_tokens_close(const sd_tokens *t, size_t open);
/* The source text from token `from` to token `to`, inclusive, in a
 * ("" when from > to). */
char *sd_tokens_text(sd_arena *a, const sd_tokens *t, size_t from,
                     size_t to);

#endif
