/*
 * harness.h - runs a Check suite and reports every test as a TAP line
 * named after it, so `meson test` counts tests, not suites, and tools/test
 * can print "N passed, N failed, N skipped"; and the one golden-file
 * comparison every suite uses.
 *
 * Usage:
 *     static Suite *model_suite(void)
 *     {
 *             Suite *s = suite_create("model");
 *             SD_TEST(s, golden_models, 60);
 *             SD_TEST_FIXTURE(s, graph_lookup, 120, setup, teardown);
 *             SD_TEST_LOOP(s, header_bad, 60, 0, nbad);
 *             return s;
 *     }
 *     SD_TEST_MAIN(model_suite)
 * or, for a suite that needs something that may be missing:
 *     if (!have_server) return sd_test_skip_all("no PostgreSQL server");
 */
#ifndef SD_TEST_HARNESS_H
#define SD_TEST_HARNESS_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static inline int sd_test_skip_all(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Registration: one test case per test, named after the test          */
/* ------------------------------------------------------------------ */

/* A new test case of suite s named after test t, timeout in seconds. */
static inline TCase *sd_test_case(Suite *s, const TTest *t, int timeout)
{
	TCase *tc = tcase_create(t->name);

	tcase_set_timeout(tc, timeout);
	suite_add_tcase(s, tc);
	return tc;
}

#define SD_TEST(s, fn, timeout)                                              \
	tcase_add_test(sd_test_case((s), (fn), (timeout)), fn)
#define SD_TEST_LOOP(s, fn, timeout, from, to)                               \
	tcase_add_loop_test(sd_test_case((s), (fn), (timeout)), fn, (from),  \
	                    (to))
#define SD_TEST_FIXTURE(s, fn, timeout, setup, teardown)                     \
	do {                                                                 \
		TCase *tc_ = sd_test_case((s), (fn), (timeout));             \
		tcase_add_checked_fixture(tc_, (setup), (teardown));         \
		tcase_add_test(tc_, fn);                                     \
	} while (0)

/* ------------------------------------------------------------------ */
/* Golden files                                                        */
/* ------------------------------------------------------------------ */

/* Whether SD_UPDATE_GOLDEN asks for the golden files to be rewritten:
 * set to anything but "" or "0". */
static inline bool sd_test_updating_golden(void)
{
	const char *v = getenv("SD_UPDATE_GOLDEN");

	return v && *v && strcmp(v, "0") != 0;
}

/* A whole file, NUL-terminated (free it), or NULL when it cannot be
 * read. */
static inline char *sd_test_slurp(const char *path)
{
	char *data = NULL;
	size_t len;
	sd_error err = SD_ERROR_INIT;

	if (sd_file_read(&data, &len, path, &err) != SD_OK) {
		sd_error_clear(&err);
		return NULL;
	}
	return data;
}

/*
 * Compares text with the golden file at path (below the source tree,
 * SD_SOURCE_ROOT, unless absolute): "testdata/diff/rename.txt". With
 * SD_UPDATE_GOLDEN=1 writes text there instead (creating its directory):
 * review the diff.
 */
static inline void sd_test_golden(const char *path, const char *text)
{
	const char *root = getenv("SD_SOURCE_ROOT");
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	const char *full = path[0] == '/'
	                       ? path
	                       : sd_path_join(a, root ? root : ".", path);
	char *want = NULL;

	if (sd_test_updating_golden()) {
		ck_assert_msg(sd_mkdir_p(sd_path_dirname(a, full), &err) == SD_OK &&
		                  sd_file_write_atomic(full, text, strlen(text),
		                                       &err) == SD_OK,
		              "cannot write %s", full);
	} else {
		ck_assert_msg(sd_file_read(&want, NULL, full, &err) == SD_OK,
		              "missing golden file %s (SD_UPDATE_GOLDEN=1 "
		              "writes it)",
		              full);
		ck_assert_msg(strcmp(want, text) == 0,
		              "%s differs (SD_UPDATE_GOLDEN=1 rewrites it):\n"
		              "--- expected\n%s--- actual\n%s",
		              full, want, text);
	}
	free(want);
	sd_error_clear(&err);
	sd_arena_free(a);
}

/* ------------------------------------------------------------------ */
/* Running                                                             */
/* ------------------------------------------------------------------ */

static inline int sd_test_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	TestResult **results;
	int n, i, failed = 0;

	srunner_run(sr, NULL, NULL, CK_SILENT);
	n = srunner_ntests_run(sr);
	results = srunner_results(sr);
	printf("1..%d\n", n);
	for (i = 0; i < n; i++) {
		TestResult *tr = results[i];
		int ok = tr_rtype(tr) == CK_PASS;
		if (!ok)
			failed++;
		printf("%s %d - %s\n", ok ? "ok" : "not ok", i + 1,
		       tr_tcname(tr));
		if (!ok)
			printf("# %s:%d: %s\n", tr_lfile(tr) ? tr_lfile(tr) : "?",
			       tr_lno(tr), tr_msg(tr) ? tr_msg(tr) : "");
	}
	free(results);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#define SD_TEST_MAIN(suite_fn)                                               \
	int main(void)                                                       \
	{                                                                    \
		return sd_test_run(suite_fn());                              \
	}

#endif
