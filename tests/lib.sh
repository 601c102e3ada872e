# tests/lib.sh - TAP helpers for the CLI suites.
#
# Source it from a test script; it creates a temporary project directory
# ($T, the working directory afterwards), removed on exit. Every assertion
# prints one TAP line; `finish` prints the plan and sets the exit status.
#
#   sd generate -m "Initial"       # runs $SD_BINARY: sets OUT, ERR, RC
#   expect_rc 0 "generate succeeds"
#   contains "$OUT" "_initial.sql" "prints the new file"
#   check "users table exists" table_exists app.db users

set -u

SD=${SD_BINARY:?SD_BINARY must name the schemadiff binary}
SRC=${SRC:-${SD_SOURCE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}}
T=$(mktemp -d "${TMPDIR:-/tmp}/sdtest.XXXXXX")
_on_exit=""
trap 'eval "$_on_exit"; rm -rf "$T"' EXIT
cd "$T" || exit 1

# on_exit COMMAND: runs COMMAND when the script ends, before $T goes.
on_exit() {
	_on_exit="$_on_exit$1;"
}
# pg_server: when the test server (SCHEMADIFF_TEST_PGURI) answers, sets
# BASE to its URL and SERVER to the URL without the database name;
# returns 1 otherwise.
pg_server() {
	BASE=${SCHEMADIFF_TEST_PGURI:-}
	SERVER=${BASE%/*}
	[ -n "$BASE" ] && psql "$BASE" -qtAXc "SELECT 1" >/dev/null 2>&1
}

# pg_require: pg_server, or the whole suite is reported as skipped.
pg_require() {
	pg_server && return 0
	echo "1..0 # SKIP no PostgreSQL server (set SCHEMADIFF_TEST_PGURI, see tools/pg)"
	exit 0
}

# pg_database NAME: creates database NAME on the test server, dropped
# (with its connections) when the script ends; sets URL to it.
pg_database() {
	psql "$BASE" -qXc "CREATE DATABASE \"$1\"" >/dev/null || bail "cannot create database $1"
	on_exit "psql \"\$BASE\" -qXc 'DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)' >/dev/null 2>&1"
	URL=$SERVER/$1
}

# The tests must not pick up a database from the environment, nor use
# (or fill) the user's cache of compiled C revisions.
unset SCHEMADIFF_DATABASE_URL DATABASE_URL NO_COLOR
export XDG_CACHE_HOME=$T/.cache

_n=0
_failed=0
_planned=
OUT=
ERR=
RC=0

# plan N: announces the number of tests up front (optional: finish prints
# the plan at the end otherwise).
plan() {
	_planned=$1
	echo "1..$1"
}

ok() {
	_n=$((_n + 1))
	echo "ok $_n - $1"
}

# not_ok DESCRIPTION [DIAGNOSTIC LINE...]
not_ok() {
	_n=$((_n + 1))
	_failed=$((_failed + 1))
	echo "not ok $_n - $1"
	shift
	[ $# -eq 0 ] || diag "$@"
}

# todo DESCRIPTION REASON [DIAGNOSTIC LINE...]: a known failure; it
# prints "not ok" with a TODO directive and does not fail the suite.
todo() {
	_n=$((_n + 1))
	echo "not ok $_n - $1 # TODO $2"
	shift 2
	[ $# -eq 0 ] || diag "$@"
}

# bail REASON: stops the whole suite.
bail() {
	echo "Bail out! $*"
	exit 1
}

diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

skip() {
	_n=$((_n + 1))
	echo "ok $_n - $1 # SKIP ${2:-}"
}

# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
	local desc=$1
	shift
	if "$@"; then
		ok "$desc"
	else
		not_ok "$desc"
		diag "command failed: $*"
	fi
}

# check_out DESCRIPTION COMMAND...: ok when the command succeeds; its
# output is shown when it fails.
check_out() {
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc" "command failed: $*" "$out"
	fi
}

# run COMMAND...: captures stdout in OUT, stderr in ERR, status in RC.
run() {
	OUT=$("$@" 2>"$T/.stderr")
	RC=$?
	ERR=$(cat "$T/.stderr")
}

# sd ARGS...: runs schemadiff.
sd() {
	run "$SD" "$@"
}

_show() {
	diag "exit status: $RC" "stdout:" "$OUT" "stderr:" "$ERR"
}

expect_rc() {
	if [ "$RC" = "$1" ]; then
		ok "$2"
	else
		not_ok "$2"
		diag "want exit status $1"
		_show
	fi
}

# contains HAYSTACK NEEDLE DESCRIPTION (fixed string)
contains() {
	if printf '%s' "$1" | grep -qF -- "$2"; then
		ok "$3"
	else
		not_ok "$3"
		diag "expected to find: $2" "in:" "$1"
	fi
}

lacks() {
	if printf '%s' "$1" | grep -qF -- "$2"; then
		not_ok "$3"
		diag "expected not to find: $2" "in:" "$1"
	else
		ok "$3"
	fi
}

# matches HAYSTACK REGEX DESCRIPTION (extended regex)
matches() {
	if printf '%s' "$1" | grep -qE -- "$2"; then
		ok "$3"
	else
		not_ok "$3"
		diag "expected a match for: $2" "in:" "$1"
	fi
}

# equals GOT WANT DESCRIPTION
equals() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3"
		diag "got:  $1" "want: $2"
	fi
}

# same WANT GOT DESCRIPTION: equals, the expected value first.
same() {
	equals "$2" "$1" "$3"
}

# q DB SQL: one query through the sqlite3 shell.
q() {
	sqlite3 -batch "$1" "$2"
}

table_exists() {
	[ "$(q "$1" "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='$2'")" = 1 ]
}

column_exists() {
	[ "$(q "$1" "SELECT count(*) FROM pragma_table_info('$2') WHERE name='$3'")" = 1 ]
}

index_exists() {
	[ "$(q "$1" "SELECT count(*) FROM sqlite_schema WHERE type='index' AND name='$2'")" = 1 ]
}

finish() {
	if [ -z "$_planned" ]; then
		echo "1..$_n"
	elif [ "$_planned" != "$_n" ]; then
		diag "planned $_planned tests but ran $_n"
		_failed=$((_failed + 1))
	fi
	[ "$_failed" -eq 0 ]
	exit $?
}
