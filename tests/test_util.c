/*
 * test_util.c - arena, buffers, maps, errors, strings, hashing.
 */
#include <string.h>

#include "harness.h"
#include "util/sql.h"
#include "util/util.h"

START_TEST(arena_strings)
{
	sd_arena *a = sd_arena_new();
	char *s = sd_arena_printf(a, "%s-%d", "x", 42);
	char *big = sd_arena_alloc(a, 1 << 20);

	ck_assert_str_eq(s, "x-42");
	ck_assert_ptr_nonnull(big);
	ck_assert_int_eq(big[(1 << 20) - 1], 0);
	ck_assert_ptr_null(sd_arena_strdup(a, NULL));
	sd_arena_free(a);
	sd_arena_free(NULL);
}
END_TEST

START_TEST(map_many)
{
	sd_arena *a = sd_arena_new();
	sd_map *m = sd_map_new(a, 0);
	char *keys[5000];
	int i;

	for (i = 0; i < 5000; i++) {
		keys[i] = sd_arena_printf(a, "t%d", i);
		ck_assert_ptr_null(sd_map_put(m, keys[i], keys[i]));
	}
	ck_assert_uint_eq(sd_map_count(m), 5000);
	for (i = 0; i < 5000; i++)
		ck_assert_ptr_eq(sd_map_get(m, keys[i]), keys[i]);
	ck_assert_ptr_null(sd_map_get(m, "nope"));
	sd_arena_free(a);
}
END_TEST

/* Small maps are searched in order and turn into hash tables past 16
 * entries: lookups, replacement and the empty key must survive each step. */
START_TEST(map_small_then_hashed)
{
	int expected[] = {0, 1, 3, 16, 17};
	size_t e;

	for (e = 0; e < sizeof(expected) / sizeof(expected[0]); e++) {
		sd_arena *a = sd_arena_new();
		sd_map *m = sd_map_new(a, (size_t)expected[e]);
		char *keys[40];
		int i, j;

		ck_assert_ptr_null(sd_map_get(m, "x"));
		ck_assert_uint_eq(sd_map_count(m), 0);
		for (i = 0; i < 40; i++) {
			keys[i] = i ? sd_arena_printf(a, "c%d", i)
			            : sd_arena_strdup(a, "");
			ck_assert_ptr_null(sd_map_put(m, keys[i], keys[i]));
			ck_assert_uint_eq(sd_map_count(m), (size_t)i + 1);
			for (j = 0; j <= i; j++)
				ck_assert_ptr_eq(sd_map_get(m, keys[j]),
				                 keys[j]);
			ck_assert_ptr_null(sd_map_get(m, "c99"));
			/* a put of a present key replaces, returns the old */
			ck_assert_ptr_eq(sd_map_put(m, keys[i / 2], a),
			                 keys[i / 2]);
			ck_assert_ptr_eq(sd_map_put(m, keys[i / 2],
			                            keys[i / 2]), a);
			ck_assert_uint_eq(sd_map_count(m), (size_t)i + 1);
		}
		sd_arena_free(a);
	}
}
END_TEST

START_TEST(error_format)
{
	sd_error err = SD_ERROR_INIT;
	sd_buf b = SD_BUF_INIT;

	ck_assert_int_eq(sd_error_add(&err, SD_EINPUT, "models.yaml", 12, 5,
	                              "users.email", "unknown type '%s'",
	                              "strng"),
	                 SD_EINPUT);
	sd_error_hint(&err, "did you mean '%s'?", "string");
	sd_diag_format(&b, err.first);
	ck_assert_str_eq(b.data, "models.yaml:12:5: users.email: unknown type "
	                         "'strng' (did you mean 'string'?)");
	ck_assert_int_eq(err.code, SD_EINPUT);
	sd_buf_free(&b);
	sd_error_clear(&err);
	ck_assert(!sd_error_has(&err));
}
END_TEST

START_TEST(suggest_and_slug)
{
	static const char *const cmds[] = {"upgrade", "downgrade", "init",
	                                   NULL};
	sd_buf b = SD_BUF_INIT;

	ck_assert_str_eq(sd_suggest("upgrad", cmds), "upgrade");
	ck_assert_ptr_null(sd_suggest("zzzzzz", cmds));
	sd_slugify(&b, "Add email to User!", 40);
	ck_assert_str_eq(b.data, "add_email_to_user");
	sd_buf_free(&b);
}
END_TEST

START_TEST(mask_password)
{
	sd_buf b = SD_BUF_INIT;

	sd_mask_password(&b, "could not connect to postgresql://bob:s3cret@db/x");
	ck_assert_str_eq(b.data, "could not connect to postgresql://bob:****@db/x");
	sd_buf_truncate(&b, 0);
	/* a control character inside the password does not stop masking */
	sd_mask_password(&b, "postgresql://bob:s3cr\vtssword@342/opp");
	ck_assert_str_eq(b.data, "postgresql://bob:****@342/opp");
	sd_buf_truncate(&b, 0);
	sd_mask_password(&b, "host=x password='a b' user=y");
	ck_assert_str_eq(b.data, "host=x password=**** user=y");
	sd_buf_free(&b);
}
END_TEST

START_TEST(sha256_known)
{
	char hex[65];

	sd_sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sd_sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

/* Lexes text and writes "KIND:text" per token, " " between. */
static const char *lex_all(sd_arena *a, const char *text, sd_sql_lang lang,
                           unsigned flags)
{
	static const char *const kinds[] = {
		"end", "w", "n", "q", "s", "d", "p", ".", "c", "_"};
	sd_buf b = SD_BUF_INIT;
	sd_lexer lx;
	sd_token t;
	const char *out;

	sd_lex_init(&lx, text, strlen(text), lang, flags);
	while (sd_lex_next(&lx, &t))
		sd_buf_printf(&b, "%s%s%s:%.*s", b.len ? " " : "",
		              kinds[t.kind], t.open ? "!" : "", (int)t.n, t.s);
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

START_TEST(lexer_both_dialects)
{
	sd_arena *a = sd_arena_new();

	/* bytes >= 0x80 and '$' inside are identifier characters in both */
	ck_assert_str_eq(lex_all(a, "caf\xc3\xa9 a$b", SD_SQL_SQLITE, 0),
	                 "w:caf\xc3\xa9 w:a$b");
	ck_assert_str_eq(lex_all(a, "caf\xc3\xa9 a$b", SD_SQL_POSTGRES, 0),
	                 "w:caf\xc3\xa9 w:a$b");
	ck_assert_str_eq(lex_all(a, "x.y=1.5e3, .5;", SD_SQL_POSTGRES, 0),
	                 "w:x .:. w:y .:= n:1.5e3 .:, n:.5 .:;");
	/* quoted identifiers and strings, doubled quotes inside */
	ck_assert_str_eq(lex_all(a, "\"a\"\"b\" 'it''s'", SD_SQL_POSTGRES, 0),
	                 "q:\"a\"\"b\" s:'it''s'");
	/* SQLite's other quotes; in PostgreSQL [ is a subscript */
	ck_assert_str_eq(lex_all(a, "`a b` [c d] X'0f'", SD_SQL_SQLITE, 0),
	                 "q:`a b` q:[c d] s:X'0f'");
	ck_assert_str_eq(lex_all(a, "a[1]", SD_SQL_POSTGRES, 0),
	                 "w:a .:[ n:1 .:]");
	/* E'' escapes backslashes; a standard string does not, unless
	 * standard_conforming_strings is off */
	ck_assert_str_eq(lex_all(a, "E'a\\'b' 'c\\' x", SD_SQL_POSTGRES, 0),
	                 "s:E'a\\'b' s:'c\\' w:x");
	ck_assert_str_eq(lex_all(a, "'c\\'' x", SD_SQL_POSTGRES,
	                         SD_LEX_BACKSLASH_STRINGS),
	                 "s:'c\\'' w:x");
	ck_assert_str_eq(lex_all(a, "E'a\\'b'", SD_SQL_SQLITE, 0),
	                 "w:E s:'a\\' w:b s!:'");
	ck_assert_str_eq(lex_all(a, "U&\"d\\0061t\" B'01' N'x'",
	                         SD_SQL_POSTGRES, 0),
	                 "q:U&\"d\\0061t\" s:B'01' s:N'x'");
	/* dollar quotes: tags must match; $1 is a parameter */
	ck_assert_str_eq(lex_all(a, "$$a;$b$;$$ $t$ $$ $t$ $1",
	                         SD_SQL_POSTGRES, 0),
	                 "d:$$a;$b$;$$ d:$t$ $$ $t$ p:$1");
	ck_assert_str_eq(lex_all(a, "$x$ open", SD_SQL_POSTGRES, 0),
	                 "d!:$x$ open");
	ck_assert_str_eq(lex_all(a, "$a ?1 :b @c ?", SD_SQL_SQLITE, 0),
	                 "p:$a p:?1 p::b p:@c p:?");
	/* comments: PostgreSQL's nest, SQLite's do not */
	ck_assert_str_eq(lex_all(a, "/* a /* b */ c */ d -- e\nf",
	                         SD_SQL_POSTGRES, SD_LEX_COMMENTS),
	                 "c:/* a /* b */ c */ w:d c:-- e w:f");
	ck_assert_str_eq(lex_all(a, "/* a /* b */ c */ d", SD_SQL_SQLITE, 0),
	                 "w:c .:* .:/ w:d");
	ck_assert_str_eq(lex_all(a, "a /* open", SD_SQL_SQLITE,
	                         SD_LEX_COMMENTS | SD_LEX_SPACE),
	                 "w:a _:  c!:/* open");
	ck_assert_str_eq(lex_all(a, "'open", SD_SQL_SQLITE, 0), "s!:'open");
	sd_arena_free(a);
}
END_TEST

START_TEST(lexer_tokens)
{
	sd_arena *a = sd_arena_new();
	sd_tokens t;
	sd_token w;
	sd_lexer lx;

	sd_tokens_read(&t, "CREATE INDEX i ON t (lower(\"Name\"), [b c])",
	               SD_SQL_SQLITE);
	ck_assert_uint_eq(t.n, 13);
	ck_assert(sd_tok_is(&t.v[0], "create"));
	ck_assert(sd_tok_is(&t.v[5], "("));
	ck_assert_int_eq(t.v[5].depth, 0);
	ck_assert_int_eq(t.v[7].depth, 1);
	ck_assert_uint_eq(sd_tokens_close(&t, 5), 12);
	ck_assert_uint_eq(sd_tokens_close(&t, 7), 9);
	ck_assert_str_eq(sd_tokens_text(a, &t, 6, 9), "lower(\"Name\")");
	ck_assert_str_eq(sd_tok_ident(a, &t.v[8], true), "Name");
	ck_assert_str_eq(sd_tok_ident(a, &t.v[11], false), "b c");
	ck_assert_str_eq(sd_tok_ident(a, &t.v[6], true), "lower");
	ck_assert(sd_tok_names(&t.v[8], "Name"));
	ck_assert(!sd_tok_names(&t.v[8], "name"));
	ck_assert(sd_tok_names(&t.v[6], "LOWER"));
	ck_assert(sd_tok_names(&t.v[11], "b c"));
	sd_tokens_free(&t);
	sd_lex_init(&lx, "E'a\\nb''c'", 10, SD_SQL_POSTGRES, 0);
	ck_assert(sd_lex_next(&lx, &w));
	ck_assert_str_eq(sd_tok_string(a, &w), "a\nb'c");
	sd_lex_init(&lx, "\"we\"\"ird\"", 9, SD_SQL_POSTGRES, 0);
	ck_assert(sd_lex_next(&lx, &w));
	ck_assert_str_eq(sd_tok_ident(a, &w, true), "we\"ird");
	ck_assert(sd_tok_names(&w, "we\"ird"));
	ck_assert(!sd_lex_next(&lx, &w));
	ck_assert_int_eq(w.kind, SD_TOK_END);
	sd_arena_free(a);
}
END_TEST

START_TEST(sql_literals_and_quoting)
{
	sd_buf b = SD_BUF_INIT;

	ck_assert(sd_sql_is_literal(" 'active' ", SD_SQL_SQLITE));
	ck_assert(sd_sql_is_literal("-1.5e3", SD_SQL_SQLITE));
	ck_assert(sd_sql_is_literal("NULL", SD_SQL_POSTGRES));
	ck_assert(sd_sql_is_literal("X'0f'", SD_SQL_SQLITE));
	ck_assert(sd_sql_is_literal(NULL, SD_SQL_SQLITE));
	ck_assert(!sd_sql_is_literal("now()", SD_SQL_POSTGRES));
	ck_assert(!sd_sql_is_literal("1 + 1", SD_SQL_SQLITE));
	ck_assert(!sd_sql_is_literal("'open", SD_SQL_SQLITE));
	ck_assert(!sd_sql_is_literal("- x", SD_SQL_SQLITE));
	ck_assert(sd_sql_is_parenthesized(" (a + (b)) ", SD_SQL_SQLITE));
	ck_assert(sd_sql_is_parenthesized("(')')", SD_SQL_SQLITE));
	ck_assert(!sd_sql_is_parenthesized("(a) + (b)", SD_SQL_SQLITE));
	ck_assert(!sd_sql_is_parenthesized("(a", SD_SQL_SQLITE));
	sd_quote_ident_std(&b, "we\"ird");
	sd_buf_putc(&b, ' ');
	sd_quote_literal_std(&b, "it's");
	sd_buf_putc(&b, ' ');
	sd_quote_literal_std(&b, NULL);
	ck_assert_str_eq(b.data, "\"we\"\"ird\" 'it''s' ''");
	ck_assert_int_eq(sd_sql_lang_of("postgres"), SD_SQL_POSTGRES);
	ck_assert_int_eq(sd_sql_lang_of("sqlite"), SD_SQL_SQLITE);
	sd_buf_free(&b);
}
END_TEST

static Suite *util_suite(void)
{
	Suite *s = suite_create("util");

	SD_TEST(s, arena_strings, 60);
	SD_TEST(s, map_many, 60);
	SD_TEST(s, map_small_then_hashed, 60);
	SD_TEST(s, error_format, 60);
	SD_TEST(s, suggest_and_slug, 60);
	SD_TEST(s, mask_password, 60);
	SD_TEST(s, sha256_known, 60);
	SD_TEST(s, lexer_both_dialects, 60);
	SD_TEST(s, lexer_tokens, 60);
	SD_TEST(s, sql_literals_and_quoting, 60);
	return s;
}

SD_TEST_MAIN(util_suite)
