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

# pgbouncer_start SERVER MODE [SETTING...]: a pgbouncer on a free loopback
# port in front of SERVER (a URL without database, as $SERVER), pooling in
# MODE (session, transaction), with the extra "key = value" SETTINGs; run
# as the server's system user when we are root (pgbouncer refuses root),
# stopped when the script ends. Sets PGB_URL (its URL without database),
# PGB_PORT and PGB_DIR; returns 1, writing nothing, when pgbouncer is not
# installed or does not answer.
pgbouncer_start() {
	local server=$1 mode=$2 bin port user tries i hostport
	shift 2
	bin=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
	[ -x "$bin" ] || return 1
	hostport=${server#*://}
	hostport=${hostport##*@}
	[[ $hostport =~ ^[^:/]+:[0-9]+$ ]] || return 1
	PGB_DIR=$(mktemp -d /tmp/sd-pgbouncer.XXXXXX)
	chmod 755 "$PGB_DIR"
	user=$(id -un)
	if [ "$(id -u)" -eq 0 ]; then
		user=$(stat -c %U "$(psql "$server/postgres" -qtAXc 'SHOW data_directory')" 2>/dev/null || echo postgres)
		chown "$user" "$PGB_DIR"
	fi
	on_exit "pgbouncer_stop '$PGB_DIR'"
	for tries in 1 2 3; do
		port=$((20000 + RANDOM % 30000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
		{
			echo "[databases]"
			echo "* = host=${hostport%:*} port=${hostport##*:} user=postgres"
			echo "[pgbouncer]"
			echo "listen_addr = 127.0.0.1"
			echo "listen_port = $port"
			echo "unix_socket_dir ="
			echo "auth_type = any"
			echo "pool_mode = $mode"
			echo "admin_users = postgres"
			echo "logfile = $PGB_DIR/pgbouncer.log"
			echo "pidfile = $PGB_DIR/pgbouncer.pid"
			printf '%s\n' "$@"
		} >"$PGB_DIR/pgbouncer.ini"
		chmod 644 "$PGB_DIR/pgbouncer.ini"
		if [ "$(id -u)" -eq 0 ]; then
			runuser -u "$user" -- "$bin" -d "$PGB_DIR/pgbouncer.ini" 2>>"$PGB_DIR/start.err"
		else
			"$bin" -d "$PGB_DIR/pgbouncer.ini" 2>>"$PGB_DIR/start.err"
		fi
		for i in $(seq 1 100); do
			if psql "postgresql://postgres@127.0.0.1:$port/postgres" -qtAXc "SELECT 1" >/dev/null 2>&1; then
				PGB_PORT=$port
				PGB_URL=postgresql://postgres@127.0.0.1:$port
				return 0
			fi
			sleep 0.2
		done
		[ -f "$PGB_DIR/pgbouncer.pid" ] && kill "$(cat "$PGB_DIR/pgbouncer.pid")" 2>/dev/null
	done
	return 1
}

# pg_pool SERVER: sets POOL to the URL (without database) that a suite
# opening many short connections uses: a session-pooling pgbouncer in front
# of SERVER when pgbouncer is installed (and SD_TEST_DIRECT is not set),
# SERVER itself otherwise. A new server backend costs about 25 ms of the
# server's CPU to start and more to warm its catalog caches, which a pooled
# one has done already: the DB-to-DB corpus runs twice as fast. What the
# suites compare does not change: pooling alters no DDL, and pgbouncer
# resets each session (DISCARD ALL) before handing it on. At most 30 server
# sessions (idle ones are closed for others), so that suites side by side
# stay within the server's default 100 connections.
pg_pool() {
	POOL=$1
	[ -z "${SD_TEST_DIRECT:-}" ] || return 0
	if pgbouncer_start "$1" session "default_pool_size = 4" \
		"server_idle_timeout = 10" "max_client_conn = 200" \
		"max_user_connections = 30"; then
		POOL=$PGB_URL
	fi
	return 0
}

# pgbouncer_stop DIR: stops the pgbouncer pgbouncer_start left in DIR.
pgbouncer_stop() {
	if [ -f "$1/pgbouncer.pid" ]; then
		kill "$(cat "$1/pgbouncer.pid")" 2>/dev/null
		sleep 0.2
	fi
	rm -rf "$1"
}

# The PostgreSQL client programs straight from their directory: Debian's
# /usr/bin/psql is a Perl wrapper that costs 40 ms a start, and the DB-to-DB
# corpus starts psql and pg_dump about thirty times a case.
for _pgbin in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/15/bin; do
	if [ -n "$_pgbin" ] && [ -x "$_pgbin/psql" ]; then
		PATH=$_pgbin:$PATH
		break
	fi
done
unset _pgbin

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
