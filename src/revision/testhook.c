/*
 * testhook.c - SIGKILL at the Nth crash point when SCHEMADIFF_TEST_KILL_AT=N.
 *
 * The variable is read once per process. SIGKILL rather than exit() or
 * abort(): nothing runs after it (no atexit, no rollback, no close), which
 * is what a crash looks like to the database.
 */
#include "revision/testhook.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

void sd_testhook_statement(void)
{
	static long kill_at = -1; /* -1: not read yet, 0: disabled */
	static long count;

	if (kill_at < 0) {
		const char *v = getenv("SCHEMADIFF_TEST_KILL_AT");
		char *end = NULL;
		long n = v && *v ? strtol(v, &end, 10) : 0;
		kill_at = (end && *end == '\0' && n > 0) ? n : 0;
	}
	if (kill_at == 0)
		return;
	if (++count == kill_at)
		kill(getpid(), SIGKILL);
}
