/*
 * fuzz_sqlsplit.c - the statement splitter sees hand-edited revision
 * bodies: quotes, comments, dollar quotes and trigger bodies in any state
 * of brokenness, in both dialects (SQLite's sqlite3_complete, PostgreSQL's
 * parser and the lexer behind both). It never crashes and never invents
 * text: the statements it returns are no longer, together, than the
 * script, and their lines ascend.
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void split_one(sd_arena *a, const char *sql, sd_sql_lang lang)
{
	const char **stmts = NULL;
	int *lines = NULL;
	size_t n, i, total = 0;

	n = sd_sql_split(&stmts, &lines, a, sql, lang);
	for (i = 0; i < n; i++) {
		total += strlen(stmts[i]);
		if (lines[i] < 1 || (i && lines[i] < lines[i - 1]))
			abort();
	}
	if (total > strlen(sql))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sd_arena *a = sd_arena_new();
	char *sql = sd_arena_strndup(a, (const char *)data, size);

	split_one(a, sql, SD_SQL_SQLITE);
	split_one(a, sql, SD_SQL_POSTGRES);
	sd_arena_free(a);
	return 0;
}
