/*
 * testhook.h - crash points for the crash-safety suite (tests/cli_crash.sh).
 *
 * With SCHEMADIFF_TEST_KILL_AT=N in the environment, the Nth call in this
 * process raises SIGKILL, so a test can stop an upgrade at every point
 * where a real crash (power loss, OOM killer, kill -9) could stop it. The
 * runner calls it after each revision statement, right before COMMIT and
 * right after COMMIT. Without the variable it does nothing.
 */
#ifndef SD_TESTHOOK_H
#define SD_TESTHOOK_H

#include "util/layer.h"

SD_LAYER_HEADER(REVISION);

void sd_testhook_statement(void);

#endif
