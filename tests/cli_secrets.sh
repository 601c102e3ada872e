#!/bin/bash
# cli_secrets.sh - a password in the database URL never appears anywhere:
# not on stdout or stderr of any command (plain, --json, --sql, -v), not
# in revision files, not in JSON, not in error messages when the password
# is wrong or the host unreachable. The URL arrives through --database,
# SCHEMADIFF_DATABASE_URL, DATABASE_URL and the config file, with the
# password in the userinfo, percent-encoded, and as a ?password= parameter.
#
# The successful paths need the password-authenticated role of tools/pg
# (SCHEMADIFF_TEST_PGURI_PASSWORD); the failure paths run everywhere.
#
# Child processes: the C compiler gets no database URL or password in its
# arguments or environment; pg_dump (--backup) gets the password through a
# private PGPASSFILE only, and while it runs no process on the machine has
# the password on its command line.
SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

V=migrations/versions
LEAKS=0
ALL_OUTPUT=$T/all-output.txt
: >"$ALL_OUTPUT"

# leak_check LABEL SECRET...: fails when any secret appears in the last
# command's output or in any file of the project (config excepted: the
# user wrote it there).
leak_check() {
	local label=$1 s f
	shift
	printf '%s\n%s\n' "$OUT" "$ERR" >>"$ALL_OUTPUT"
	for s in "$@"; do
		if printf '%s\n%s' "$OUT" "$ERR" | grep -qF -- "$s"; then
			not_ok "$label: the password appears in the output"
			diag "stdout: $OUT" "stderr: $ERR"
			LEAKS=$((LEAKS + 1))
			return
		fi
		f=$(grep -rlF --exclude='schemadiff*.yaml' --exclude=all-output.txt --exclude=.stderr -- "$s" . 2>/dev/null | head -1)
		if [ -n "$f" ]; then
			not_ok "$label: the password appears in $f"
			LEAKS=$((LEAKS + 1))
			return
		fi
	done
	ok "$label: no password in the output or the project's files"
}

# every_command LABEL EXPECTED-RC SECRET... : runs each command with the
# URL already in place; with EXPECTED-RC "fail" every command must fail
# with exit 3 and say why without the secret.
every_command() {
	local label=$1 mode=$2 cmd stamp="stamp head"
	shift 2
	# With no revisions yet (the failure paths run first), "stamp head" is
	# refused as bad input before any connection; "stamp base" connects.
	[ "$mode" = fail ] && stamp="stamp base"
	local cmds=(
		"check" "check --json" "generate --sql -m x" "generate -m secret_probe"
		"upgrade --sql" "upgrade" "current" "current --json" "history"
		"history --json" "heads" "show head" "check" "downgrade --sql"
		"-v downgrade" "-v upgrade" "dump" "$stamp" "diff --from models.yaml --to models.yaml"
	)
	for cmd in "${cmds[@]}"; do
		# shellcheck disable=SC2086
		sd $cmd
		if [ "$mode" = fail ]; then
			case "$cmd" in
			history* | heads | "show head" | "diff --from models.yaml"*) ;; # no database needed
			*)
				if [ "$RC" != 3 ] || ! printf '%s' "$ERR" | grep -q '^schemadiff: error: '; then
					not_ok "$label: '$cmd' fails with exit 3 and an error line"
					_show
				fi
				;;
			esac
		elif [ "$RC" -gt 1 ]; then
			not_ok "$label: '$cmd' runs"
			_show
		fi
		leak_check "$label: $cmd" "$@"
	done
}

sd init >/dev/null
cat >models.yaml <<'EOF'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
EOF

# ---- failure paths: an unreachable host -------------------------------------
SECRET_A=unreachable-Secret-4711
export SCHEMADIFF_DATABASE_URL="postgresql://someone:$SECRET_A@127.0.0.1:1/nowhere"
every_command "unreachable host (env)" fail "$SECRET_A"
unset SCHEMADIFF_DATABASE_URL
SECRET_B=query-Secret-0815
sd --database "postgresql://someone@127.0.0.1:1/nowhere?sslmode=disable&password=$SECRET_B" check
expect_rc 3 "?password= parameter, unreachable: exit 3"
leak_check "?password= parameter" "$SECRET_B"
SECRET_C='p@ss:w/rd%Secret'
ENC='p%40ss%3Aw%2Frd%25Secret'
sd --database "postgresql://someone:$ENC@127.0.0.1:1/nowhere" upgrade
expect_rc 3 "percent-encoded password, unreachable: exit 3"
leak_check "percent-encoded password" "$ENC" "$SECRET_C" "p%40ss"
sd --database "postgresql://someone:$SECRET_A@127.0.0.1:1/nowhere" diff --from "postgresql://x:$SECRET_A@127.0.0.1:1/a" --to models.yaml
leak_check "diff --from an unreachable URL" "$SECRET_A"
sd diff --from models.yaml --to "postgresql://x:$SECRET_A@127.0.0.1:1/a" --json
leak_check "diff --to an unreachable URL, --json" "$SECRET_A"
sd upgrade --sql "base:head" --database "postgres://x:$SECRET_A@127.0.0.1:1/a"
leak_check "offline --sql with a postgres:// URL" "$SECRET_A"
sd --database "mysql://x:$SECRET_A@h/db" check
expect_rc 2 "an unknown scheme with a password: exit 2"
leak_check "an unknown scheme with a password" "$SECRET_A"
sd --database "postgresql://x:$SECRET_A@[::1/db" check
leak_check "a malformed URL with a password" "$SECRET_A"

# ---- child processes: the C compiler ------------------------------------------
# A compiler wrapper records what the compiler gets: its command line and
# the names of its environment variables, and whether any value holds the
# secret. The database is SQLite (--database); the environment carries a
# password in every variable schemadiff reads or libpq would.
SECRET_CC=compiler-Secret-2718
mkdir -p "$T/bin" "$T/cproj"
cat >"$T/bin/cc-wrapper" <<EOF
#!/bin/bash
printf '%s\n' "\$@" >"$T/cc.argv"
env | cut -d= -f1 | sort >"$T/cc.envkeys"
env | grep -cF "$SECRET_CC" >"$T/cc.envhits"
exec ${CC:-cc} "\$@"
EOF
chmod +x "$T/bin/cc-wrapper"
(
	cd "$T/cproj" || exit 1
	export SCHEMADIFF_DATABASE_URL="postgresql://u:$SECRET_CC@127.0.0.1:1/x"
	export DATABASE_URL=$SCHEMADIFF_DATABASE_URL PGPASSWORD=$SECRET_CC
	"$SD" init --format c >/dev/null
	cp "$T/models.yaml" models.yaml
	"$SD" --database sqlite:///app.db generate -m c >/dev/null 2>&1
	CC="$T/bin/cc-wrapper" "$SD" --database sqlite:///app.db upgrade >/dev/null 2>&1
)
equals "$(sqlite3 "$T/cproj/app.db" "SELECT count(*) FROM sqlite_schema WHERE name='users'")" 1 \
	"compiler: the C revision was built (through the wrapper) and ran"
if [ -s "$T/cc.argv" ] && ! grep -qF "$SECRET_CC" "$T/cc.argv"; then
	ok "compiler: no password on its command line"
else
	not_ok "compiler: no password on its command line"
fi
equals "$(grep -xE 'SCHEMADIFF_DATABASE_URL|DATABASE_URL|PGPASSWORD' "$T/cc.envkeys" 2>/dev/null)" "" \
	"compiler: no database URL or PGPASSWORD in its environment"
equals "$(cat "$T/cc.envhits" 2>/dev/null)" 0 "compiler: no environment value holds the password"

# ---- a real server: right and wrong passwords --------------------------------
PWURL=${SCHEMADIFF_TEST_PGURI_PASSWORD:-}
BASE=${SCHEMADIFF_TEST_PGURI:-}
if [ -z "$BASE" ] || [ -z "$PWURL" ] || ! psql "$PWURL" -qtAc "SELECT 1" >/dev/null 2>&1; then
	skip "postgresql: every command with a password URL" "no PostgreSQL"
	skip "postgresql: --backup keeps the password off every command line" "no PostgreSQL"
	skip "postgresql: a wrong password" "no PostgreSQL"
	finish
fi
# postgresql://ROLE:SECRET@HOST:PORT/DB
SECRET=$(printf '%s' "$PWURL" | sed -E 's|^[a-z]+://[^:]*:([^@]*)@.*|\1|')
ROLE=$(printf '%s' "$PWURL" | sed -E 's|^[a-z]+://([^:]*):.*|\1|')
HOSTPART=$(printf '%s' "$PWURL" | sed -E 's|^[a-z]+://[^@]*@([^/]*)/.*|\1|')
DBNAME=sd_secrets_$$
psql "$BASE" -qXc "CREATE DATABASE $DBNAME" >/dev/null || exit 1
on_exit 'psql "$BASE" -qXc "DROP DATABASE IF EXISTS $DBNAME WITH (FORCE)" >/dev/null 2>&1'
URL="postgresql://$ROLE:$SECRET@$HOSTPART/$DBNAME"
equals "$(psql "$URL" -qtAXc "SELECT current_user")" "$ROLE" "the password role logs in (the test's own check)"

export SCHEMADIFF_DATABASE_URL=$URL
every_command "password URL (SCHEMADIFF_DATABASE_URL)" ok "$SECRET"
equals "$(psql "$BASE" -qtAXc "SELECT 1" >/dev/null && psql "${BASE%/*}/$DBNAME" -qtAXc "SELECT count(*) FROM schemadiff_version")" 1 \
	"the password URL really migrated the database"
unset SCHEMADIFF_DATABASE_URL
export DATABASE_URL=$URL
sd upgrade
expect_rc 0 "DATABASE_URL with a password: upgrade"
leak_check "DATABASE_URL: upgrade" "$SECRET"
sd check --json
leak_check "DATABASE_URL: check --json" "$SECRET"
unset DATABASE_URL
sed -i "s|^database: .*|database: \"$URL\"|" schemadiff.yaml
sd -v downgrade base
expect_rc 0 "config with a password: -v downgrade"
leak_check "config: -v downgrade" "$SECRET"
sd -v upgrade
leak_check "config: -v upgrade" "$SECRET"
sd diff --from "$URL" --to models.yaml
leak_check "config: diff --from the database" "$SECRET"
sd diff --from "$URL" --to "$URL" --json
leak_check "config: diff between two password URLs, --json" "$SECRET"
sd current --json
leak_check "config: current --json" "$SECRET"
sed -i "s|^database: .*|database: sqlite:///app.db|" schemadiff.yaml

# ---- child processes: pg_dump for --backup -----------------------------------
# A pg_dump first in PATH records its command line, the names of its
# environment variables and the password file it was given, then scans
# every process's command line for the password while the backup runs,
# and hands over to the real pg_dump.
REAL_PG_DUMP=$(command -v pg_dump)
PATDIR=$(mktemp -d) # outside the project, which leak_check searches
printf '%s\n' "$SECRET" >"$PATDIR/secret.pattern"
# cmdline_hits: processes whose command line holds the password
cat >"$T/bin/cmdline-hits" <<EOF
#!/bin/bash
# one grep over every command line (NUL-separated arguments)
grep -lzF -f "$PATDIR/secret.pattern" /proc/[0-9]*/cmdline 2>/dev/null | wc -l
EOF
cat >"$T/bin/pg_dump" <<EOF
#!/bin/bash
printf '%s\n' "\$@" >"$T/pg_dump.argv"
env | cut -d= -f1 | sort >"$T/pg_dump.envkeys"
if [ -n "\${PGPASSFILE:-}" ]; then
	printf '%s\n' "\$PGPASSFILE" >"$T/pg_dump.passfile"
	stat -c '%a %u' "\$PGPASSFILE" "\$(dirname "\$PGPASSFILE")" >"$T/pg_dump.passfile.modes"
fi
sleep 0.2
"$T/bin/cmdline-hits" >"$T/pg_dump.cmdline_hits"
exec "$REAL_PG_DUMP" "\$@"
EOF
chmod +x "$T/bin/pg_dump" "$T/bin/cmdline-hits"
# control: the scan finds a password that is on a command line
bash -c 'sleep 3; true' decoy "$SECRET" &
DECOY=$!
sleep 0.2
HITS=$("$T/bin/cmdline-hits")
kill "$DECOY" 2>/dev/null
wait "$DECOY" 2>/dev/null
if [ "$HITS" -ge 1 ]; then ok "control: the /proc scan sees a password on a command line"; else not_ok "control: the /proc scan sees a password on a command line"; fi

export SCHEMADIFF_DATABASE_URL=$URL
sd downgrade base
PATH="$T/bin:$PATH" run "$SD" upgrade --backup "$T/pw.dump"
expect_rc 0 "backup with a password URL: upgrade --backup"
leak_check "backup with a password URL" "$SECRET"
unset SCHEMADIFF_DATABASE_URL
equals "$(cat "$T/pg_dump.cmdline_hits" 2>/dev/null)" 0 "while pg_dump runs, no process has the password on its command line"
if [ -s "$T/pg_dump.argv" ] && ! grep -qF "$SECRET" "$T/pg_dump.argv"; then
	ok "pg_dump: no password in its arguments"
else
	not_ok "pg_dump: no password in its arguments"
fi
contains "$(cat "$T/pg_dump.argv")" "--format=custom" "pg_dump: -Fc"
contains "$(cat "$T/pg_dump.argv")" "$ROLE" "pg_dump: the connection without the password"
equals "$(grep -xE 'SCHEMADIFF_DATABASE_URL|DATABASE_URL|PGPASSWORD' "$T/pg_dump.envkeys")" "" \
	"pg_dump: no database URL or PGPASSWORD in its environment"
contains "$(cat "$T/pg_dump.envkeys")" PGPASSFILE "pg_dump: the password through PGPASSFILE"
equals "$(cat "$T/pg_dump.passfile.modes" 2>/dev/null | tr '\n' ' ')" "600 $(id -u) 700 $(id -u) " \
	"pg_dump: the password file is private, in a private directory"
check "the password file is gone afterwards" test ! -e "$(cat "$T/pg_dump.passfile")"
check "and its directory" test ! -e "$(dirname "$(cat "$T/pg_dump.passfile")")"
equals "$(stat -c %a "$T/pw.dump")" 600 "the backup is private (0600)"
contains "$(pg_restore -l "$T/pw.dump" 2>&1)" "TABLE DATA public schemadiff_version" "the backup is a real dump"
rm -rf "$T/pw.dump" "$PATDIR" "$T"/pg_dump.*

WRONG=wrong-Password-9931
BAD="postgresql://$ROLE:$WRONG@$HOSTPART/$DBNAME"
sd --database "$BAD" check
expect_rc 3 "a wrong password: exit 3"
contains "$ERR" "password authentication failed" "a wrong password: the error says why"
leak_check "a wrong password" "$WRONG" "$SECRET"
export SCHEMADIFF_DATABASE_URL=$BAD
every_command "a wrong password (env)" fail "$WRONG" "$SECRET"
unset SCHEMADIFF_DATABASE_URL
sd --database "postgresql://$ROLE@$HOSTPART/$DBNAME?password=$WRONG" upgrade
expect_rc 3 "a wrong ?password= parameter: exit 3"
leak_check "a wrong ?password= parameter" "$WRONG"

# the whole run, once more: nothing anywhere
if grep -qF -e "$SECRET" -e "$WRONG" -e "$SECRET_A" "$ALL_OUTPUT"; then
	not_ok "no password in any output of the whole run"
else
	ok "no password in any output of the whole run ($(wc -l <"$ALL_OUTPUT") lines)"
fi
finish
