/*
 * harness.h - runs a Check suite and reports every test case as TAP, so
 * `meson test` counts tests, not suites, and tools/test can print
 * "N passed, N failed, N skipped".
 *
 * Usage, at the end of a test file:
 *     SD_TEST_MAIN(suite_fn)
 * or, for a suite that needs something that may be missing:
 *     if (!have_server) return sd_test_skip_all("no PostgreSQL server");
 */
#ifndef SD_TEST_HARNESS_H
#define SD_TEST_HARNESS_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

static inline int sd_test_skip_all(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
	return 0;
}

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
