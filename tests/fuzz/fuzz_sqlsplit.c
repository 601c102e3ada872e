/*
 * fuzz_sqlsplit.c - the statement splitter sees hand-edited revision
 * bodies: quotes, comments, dollar quotes and trigger bodies in any state
 * of brokenness. It never crashes and never invents text: the statements
 * it returns are no longer, together, than the script.
 */
#include <stdlib.h>
#include <string.h>

#include "revision/revision.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sd_arena *a = sd_arena_new();
	char *sql = sd_arena_strndup(a, (const char *)data, size);
	const char **stmts = NULL;
	int *lines = NULL;
	size_t n, i, total = 0;

	n = sd_sql_split(&stmts, &lines, a, sql);
	for (i = 0; i < n; i++) {
		total += strlen(stmts[i]);
		if (lines[i] < 1)
			abort();
	}
	if (total > strlen(sql))
		abort();
	sd_arena_free(a);
	return 0;
}
