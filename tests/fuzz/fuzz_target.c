/*
 * fuzz_target.c - upgrade/downgrade targets and --sql ranges (ids,
 * prefixes, head, heads, base, +N, -N, FROM:TO) against a branching graph
 * with a merge: resolution either plans a path or says why, never crashes.
 *
 * Input: first byte picks the current heads, second the direction, the rest
 * is the target text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "revision/revision.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static sd_rev_graph *graph;

/* base -> a1 -> a2 -> {b1, c1}; b1 -> b2; merge m of (b2, c1) */
static const char *const revs[][3] = {
	{"aaaaaaaaaaa1", "", "first"},
	{"aaaaaaaaaaa2", "aaaaaaaaaaa1", "second"},
	{"bbbbbbbbbbb1", "aaaaaaaaaaa2", "branch b"},
	{"bbbbbbbbbbb2", "bbbbbbbbbbb1", "branch b again"},
	{"ccccccccccc1", "aaaaaaaaaaa2", "branch c"},
	{"dddddddddddd", "bbbbbbbbbbb2, ccccccccccc1", "merge"},
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char dir[] = "/tmp/sd-fuzz-target-XXXXXX";
	sd_error err = SD_ERROR_INIT;
	size_t i;

	(void)argc;
	(void)argv;
	if (!mkdtemp(dir))
		abort();
	for (i = 0; i < SD_ARRAY_LEN(revs); i++) {
		char path[256];
		FILE *f;
		snprintf(path, sizeof(path), "%s/%s_r.sql", dir, revs[i][0]);
		f = fopen(path, "w");
		if (!f)
			abort();
		fprintf(f,
		        "-- %s\n--\n-- revision: %s\n-- revises: %s\n"
		        "-- created: 2026-11-24T10:15:00Z\n-- dialect: sqlite\n\n"
		        "-- schemadiff:upgrade\nSELECT 1;\n\n"
		        "-- schemadiff:downgrade\nSELECT 1;\n",
		        revs[i][2], revs[i][0], revs[i][1]);
		fclose(f);
	}
	if (sd_rev_graph_load(&graph, dir, &err) != SD_OK)
		abort();
	sd_error_clear(&err);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sd_arena *a;
	sd_error err = SD_ERROR_INIT;
	sd_revision *current[SD_ARRAY_LEN(revs)];
	sd_rev_path path;
	size_t ncur = 0, i;
	char *target;
	unsigned pick;

	if (size < 2)
		return 0;
	a = sd_arena_new();
	pick = data[0];
	for (i = 0; i < SD_ARRAY_LEN(revs); i++)
		if (pick & (1u << i))
			current[ncur++] = sd_rev_graph_get(graph, revs[i][0]);
	target = sd_arena_strndup(a, (const char *)data + 2, size - 2);
	if (strlen(target) != size - 2) {
		sd_arena_free(a);
		return 0;
	}
	if (strchr(target, ':')) {
		char *colon = strchr(target, ':');
		sd_revision *from = NULL, *to = NULL;
		*colon = '\0';
		if ((!*target || sd_rev_graph_lookup(&from, graph, target,
		                                     &err) == SD_OK) &&
		    (!colon[1] || sd_rev_graph_lookup(&to, graph, colon + 1,
		                                      &err) == SD_OK))
			(void)sd_rev_range(&path, a, graph, from, to,
			                   data[1] & 1);
	} else {
		(void)sd_rev_plan(&path, a, graph, current, ncur, target,
		                  data[1] & 1, &err);
	}
	sd_error_clear(&err);
	sd_arena_free(a);
	return 0;
}
