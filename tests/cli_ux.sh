#!/bin/bash
# cli_ux.sh - the command line is pleasant to use, and stays so:
#
#   help       --help, `help COMMAND` and `COMMAND --help` give a synopsis,
#              every option the parser accepts and an example that really
#              runs, for every command --help lists
#   version    --version names schemadiff's version and the SQLite and libpq
#              libraries loaded at run time
#   typos      a mistyped command, option, model key or config key gets
#              "did you mean", file:line for files, and exit status 2
#   -q / -v    quiet keeps only errors and the command's own output; verbose
#              prints each statement as it runs, with its duration
#   colour     + green, - red, ~ yellow, warnings and errors, only on a
#              terminal; --color=always/never and NO_COLOR
#   progress   upgrade's revisions and a big introspection on a terminal's
#              stderr; piped output stays clean (check --json | json.tool)
#   no file    read-only commands leave no SQLite file behind
#
# Terminals are pseudo-terminals from script(1). TAP; needs SD_BINARY.

. "$(dirname "$0")/lib.sh"

ESC=$'\e'
source_root=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

# pty COMMAND-STRING: runs it under a pseudo-terminal (stdout and stderr
# both the terminal); OUT gets what the terminal showed, RC the status.
pty() {
	OUT=$(script -qfec "$1" /dev/null </dev/null 2>&1)
	RC=$?
	ERR=
}

# lacks_escapes TEXT DESCRIPTION: no colour (SGR) escapes. The progress
# line's cursor controls are not colour and may stay.
lacks_escapes() {
	if grep -qE $'\e\\[[0-9;]*m' <<<"$1"; then
		not_ok "$2"
		diag "expected no colour escapes in:" "$(cat -v <<<"$1")"
	else
		ok "$2"
	fi
}

# project DIR: a fresh project (init) with one applied revision, users(id,
# username string(50)).
project() {
	mkdir -p "$T/$1" && cd "$T/$1" || exit 1
	"$SD" -q init >/dev/null
	"$SD" generate -m "Initial" >/dev/null 2>&1
	"$SD" upgrade >/dev/null 2>&1
}

have_script=1
command -v script >/dev/null || have_script=0

# ---- help ---------------------------------------------------------------------
sd --help
expect_rc 0 "--help exits 0"
cmds=$(sed -n '/^commands:/,/^$/{s/^  \([a-z][a-z-]*\) .*/\1/p}' <<<"$OUT")
equals "$(echo $cmds)" \
	"init generate revision upgrade downgrade stamp current status heads branches history show merge lint check diff dump diagram" \
	"--help lists every command"
contains "$OUT" "schemadiff help COMMAND" "--help points to help COMMAND"

# Every option each command's parser accepts (the parser is the truth: the
# test below proves each is accepted, and that help lists no other).
declare -A want_opts=(
	[init]="--format"
	[generate]="-m --message --format --sql --allow-empty --baseline --staged --no-online --fail-on --dev-database"
	[revision]="-m --message --format"
	[upgrade]="--sql --backup --force --lock-timeout --lock-retries --batch-size"
	[downgrade]="--sql --backup --force --lock-timeout --lock-retries --batch-size"
	[stamp]=""
	[current]="--json"
	[status]="--json"
	[heads]="--json"
	[branches]=""
	[history]="-r --rev-range --json"
	[show]="--html -o --output --dev-database"
	[merge]="-m --message"
	[lint]="--fail-on --json"
	[check]="--json --diagram --replay --dev-database"
	[diff]="--from --to --json --exit-code"
	[dump]=""
	[diagram]="-r --revision --models --database -f --format -o --output --around --depth --dev-database"
	[help]=""
)
all_opts=$(printf '%s\n' "${want_opts[@]}" | tr ' ' '\n' | grep . | sort -u)
takes_value() { [[ " -m --message --format -r --rev-range --from --to --backup -o --output --dev-database --diagram --revision -f --around --depth --fail-on --lock-timeout --lock-retries --batch-size " == *" $1 "* ]]; }
# option_words: the option names of an options section, first column only.
option_words() { sed -E 's/^ +//; s/  .*$//' | grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,'; }

for c in $cmds help; do
	sd help "$c"
	h1=$OUT rc1=$RC
	sd "$c" --help
	h2=$OUT rc2=$RC
	sd --help "$c"
	equals "$rc1 $rc2" "0 0" "$c: help $c and $c --help exit 0"
	equals "$h2" "$h1" "$c: help $c and $c --help say the same"
	matches "$h1" "^usage: schemadiff \[GLOBAL OPTIONS\] $c( |\$)" "$c: help starts with the synopsis"
	opts=$(sed -n '/^options:/,/^$/p' <<<"$h1" | sed 1d | option_words | grep -vx -- --help | sort | tr '\n' ' ')
	want=$(tr ' ' '\n' <<<"${want_opts[$c]}" | grep . | sort | tr '\n' ' ')
	equals "$opts" "$want" "$c: help lists every option of $c${want:+ ($want)}"
	bad=""
	for o in ${want_opts[$c]} $opts; do
		if takes_value "$o"; then
			"$SD" "$c" "$o" x --help >/dev/null 2>&1 || bad+=" $o"
		else
			"$SD" "$c" "$o" --help >/dev/null 2>&1 || bad+=" $o"
		fi
	done
	equals "$bad" "" "$c: the parser accepts every option help lists"
	hidden=""
	for o in $all_opts; do
		[[ " ${want_opts[$c]} " == *" $o "* ]] && continue
		# diagram's --database is also the global option every command takes
		[[ $o == --database ]] && continue
		if takes_value "$o"; then
			"$SD" "$c" "$o" x --help >/dev/null 2>&1 && hidden+=" $o"
		else
			"$SD" "$c" "$o" --help >/dev/null 2>&1 && hidden+=" $o"
		fi
	done
	equals "$hidden" "" "$c: the parser takes no option its help leaves out"
	contains "$h1" "global options" "$c: help names the global options"
	ex=$(sed -n '/^example:/{n;s/^  //p}' <<<"$h1")
	matches "$ex" "^schemadiff $c( |\$)" "$c: help has an example of $c"
done
sd help upgrad
expect_rc 2 "help of an unknown command exits 2"
contains "$ERR" "did you mean 'upgrade'?" "help upgrad suggests upgrade"

# Each example is real: run in order, they walk a project from init to dump.
mkdir -p "$T/bin" "$T/examples" && ln -s "$SD" "$T/bin/schemadiff"
cd "$T/examples" || exit 1
for c in $cmds help; do
	ex=$(sd help "$c"; sed -n '/^example:/{n;s/^  //p}' <<<"$OUT")
	if [[ $c == merge ]]; then
		# a second head, to have something to merge
		parent=$(sed -n 's/^-- revision: //p' migrations/versions/*_add_email_to_user.sql)
		printf '%s\n' "-- Side branch" "--" "-- revision: b0b0b0b0b0b0" \
			"-- revises: $parent" "-- created: 2026-01-01T00:00:00Z" \
			"-- dialect: sqlite" "" "-- schemadiff:upgrade" "" \
			"-- schemadiff:downgrade" >migrations/versions/b0b0b0b0b0b0_side_branch.sql
	fi
	run env PATH="$T/bin:$PATH" bash -c "$ex"
	expect_rc 0 "$c: the example runs: $ex"
done
check "the examples' walk leaves a dumped models file" grep -q "name: users" models.yaml
cd "$T" || exit 1

# ---- version ------------------------------------------------------------------
sd --version
expect_rc 0 "--version exits 0"
version=$(sed -n "s/^ *version *: *'\(.*\)',/\1/p" "$source_root/meson.build" | head -n 1)
equals "$(sed -n 1p <<<"$OUT")" "schemadiff $version" "--version: schemadiff's version from meson.build"
rt_sqlite=$(python3 -c 'import ctypes; l = ctypes.CDLL("libsqlite3.so.0"); l.sqlite3_libversion.restype = ctypes.c_char_p; print(l.sqlite3_libversion().decode())')
rt_pq=$(python3 -c 'import ctypes; v = ctypes.CDLL("libpq.so.5").PQlibVersion(); print("%d.%d" % (v // 10000, v % 10000))')
contains "$OUT" "SQLite $rt_sqlite" "--version: the SQLite library loaded at run time ($rt_sqlite)"
contains "$OUT" "libpq $rt_pq" "--version: the libpq library loaded at run time ($rt_pq)"

# ---- typos --------------------------------------------------------------------
mkdir -p "$T/typo" && cd "$T/typo" || exit 1
"$SD" -q init
sd upgrad
expect_rc 2 "a mistyped command exits 2"
contains "$ERR" "unknown command 'upgrad'" "the mistyped command is named"
contains "$ERR" "did you mean 'upgrade'?" "upgrad: did you mean 'upgrade'?"
sd upgrade --sqll
expect_rc 2 "a mistyped option exits 2"
contains "$ERR" "did you mean '--sql'?" "upgrade --sqll: did you mean '--sql'?"
sd check --jsn
contains "$ERR" "did you mean '--json'?" "check --jsn: did you mean '--json'?"
sd --verbos check
expect_rc 2 "a mistyped global option exits 2"
contains "$ERR" "did you mean '--verbose'?" "--verbos: did you mean '--verbose'?"
sd check --verbos
contains "$ERR" "did you mean '--verbose'?" "a global option mistyped after the command is suggested too"
cp models.yaml models.good
line=$(grep -n 'username' models.yaml | cut -d: -f1)
sed -i 's/nullable: false/nulable: false/' models.yaml
sd generate -m "Typo"
expect_rc 2 "a mistyped model key exits 2"
matches "$ERR" "models\.yaml:$line:[0-9]+: .*unknown key 'nulable'" "the model key's error has file:line ($line)"
contains "$ERR" "did you mean 'nullable'?" "nulable: did you mean 'nullable'?"
equals "$(ls migrations/versions | wc -l)" "0" "nothing is written after a bad model"
cp models.good models.yaml
sed -i 's/^versions:/verions:/' schemadiff.yaml
line=$(grep -n '^verions:' schemadiff.yaml | cut -d: -f1)
sd check
expect_rc 2 "a mistyped config key exits 2"
matches "$ERR" "schemadiff\.yaml:$line(:[0-9]+)?: unknown key 'verions'" "the config key's error has file:line ($line)"
contains "$ERR" "did you mean 'versions'?" "verions: did you mean 'versions'?"
check "no database appears after a bad config" test ! -e app.db
cd "$T" || exit 1

# ---- -q and -v ----------------------------------------------------------------
mkdir -p "$T/quiet" && cd "$T/quiet" || exit 1
"$SD" -q init
sd -q generate -m "Initial"
expect_rc 0 "-q generate succeeds"
equals "$ERR" "" "-q generate: nothing on stderr"
matches "$OUT" '^migrations/versions/[0-9a-f]{12}_initial\.sql$' "-q generate: only the new file's path on stdout"
sd -q upgrade
equals "$OUT$ERR" "" "-q upgrade prints nothing"
check "-q upgrade still upgrades" table_exists app.db users
sd -q check
equals "$RC:$OUT$ERR" "0:" "-q check on a match: exit 0, silent"
q app.db "CREATE TABLE legacy (id INTEGER)"
sd generate -m "Drop legacy" --sql
contains "$ERR" "warning: drops table legacy" "without -q generate warns about the drop"
sd -q generate -m "Drop legacy"
equals "$ERR" "" "-q generate: the same warning is silenced"
sd -q upgrade
sed -i 's/nullable: false/nulable: false/' models.yaml
sd -q check
expect_rc 2 "-q check with a bad model exits 2"
contains "$ERR" "error:" "-q still prints errors"
sed -i 's/nulable: false/nullable: false/' models.yaml
echo "      - {name: bio, type: text}" >>models.yaml
"$SD" -q generate -m "Bio" >/dev/null
sd -v upgrade
expect_rc 0 "-v upgrade succeeds"
contains "$ERR" 'ALTER TABLE "users" ADD COLUMN "bio" TEXT;' "-v prints the statement as it runs"
nstmt=$(grep -c '^    [A-Z].*;$' <<<"$ERR")
ntime=$(grep -cE '^    -- [0-9]+\.[0-9] ms$' <<<"$ERR")
equals "$ntime" "$nstmt" "-v prints a duration after each of the $nstmt statement(s)"
check "-v: the duration follows its statement" grep -qzP 'ADD COLUMN "bio" TEXT;\n    -- [0-9]+\.[0-9] ms' <<<"$ERR"
cd "$T" || exit 1

# ---- colour -------------------------------------------------------------------
project colour
q app.db "CREATE TABLE legacy (id INTEGER)"
sed -i 's/username, type: string(50)/username, type: string(60)/' models.yaml
echo "      - {name: email, type: string(120)}" >>models.yaml
if ((have_script)); then
	pty "'$SD' check"
	equals "$RC" "1" "check under a terminal: exit 1 for differences"
	contains "$OUT" "$ESC[32m+ column users.email" "added objects are green on a terminal"
	contains "$OUT" "$ESC[31m- table legacy" "dropped objects are red on a terminal"
	contains "$OUT" "$ESC[33m~ column users.username" "changed objects are yellow on a terminal"
	pty "'$SD' generate -m 'Changes' --sql"
	contains "$OUT" "$ESC[33mwarning:$ESC[0m" "warnings are yellow on a terminal"
	pty "'$SD' upgrad"
	contains "$OUT" "$ESC[31merror:$ESC[0m" "errors are red on a terminal"
	pty "'$SD' --color=never check; '$SD' --color=never upgrad"
	lacks_escapes "$OUT" "--color=never: no escapes on a terminal"
	pty "NO_COLOR=1 '$SD' check; NO_COLOR=1 '$SD' upgrad"
	lacks_escapes "$OUT" "NO_COLOR=1: no escapes on a terminal"
else
	skip "colour on a terminal" "script(1) is missing"
fi
sd check
lacks_escapes "$OUT$ERR" "piped check: no escapes"
contains "$OUT" "+ column users.email" "piped check still lists the differences"
sd upgrad
lacks_escapes "$ERR" "piped error: no escapes"
sd --color=always check
contains "$OUT" "$ESC[32m+ column users.email" "--color=always colours piped output"
sd --color=always upgrad
contains "$ERR" "$ESC[31merror:" "--color=always colours a piped error"
sd check --color=always
contains "$OUT" "$ESC[32m+ column users.email" "--color=always works after the command too"
run env NO_COLOR=1 "$SD" --color=always check
contains "$OUT" "$ESC[" "--color=always wins over NO_COLOR"
cd "$T" || exit 1

# ---- progress -----------------------------------------------------------------
mkdir -p "$T/progress" && cd "$T/progress" || exit 1
"$SD" -q init
"$SD" -q generate -m "Initial" >/dev/null
"$SD" -q upgrade
echo "      - {name: bio, type: text}" >>models.yaml
"$SD" -q generate -m "Bio" >/dev/null
"$SD" -q downgrade base
if ((have_script)); then
	pty "'$SD' upgrade"
	expect_rc 0 "upgrade under a terminal"
	matches "$OUT" "upgrade +[0-9a-f]{12}  Initial \.\.\. [0-9]+ ms" "a terminal sees the first revision with its timing"
	matches "$OUT" "upgrade +[0-9a-f]{12}  Bio \.\.\. [0-9]+ ms" "and the second"
else
	skip "upgrade progress on a terminal" "script(1) is missing"
fi
"$SD" -q downgrade base
sd upgrade
lacks "$ERR" "..." "piped upgrade: no progress lines"
equals "$(sed -E 's/[0-9a-f]{12}/ID/g; s/ in [0-9]+\.[0-9]{2} s;/ in T s;/' <<<"$ERR")" "upgrade   ID  Initial
upgrade   ID  Bio
applied 2 revisions in T s; the database is at ID (head)" \
	"piped upgrade: one line per revision, then the summary, on stderr"
equals "$OUT" "" "piped upgrade: nothing on stdout"

# one transaction: 2,000 tables with an index and a foreign key each
{
	echo "BEGIN;"
	for ((i = 0; i < 2000; i++)); do
		echo "CREATE TABLE t$i (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, ref INTEGER REFERENCES t$((i > 0 ? i - 1 : 0))(id));"
		echo "CREATE INDEX ix_t${i}_name ON t$i (name);"
	done
	echo "COMMIT;"
} | sqlite3 -batch big.db
if ((have_script)); then
	pty "'$SD' --database sqlite:///big.db check >/dev/null"
	contains "$OUT" "reading sqlite:///big.db" "a 2,000-table database under a terminal: progress on stderr"
	matches "$OUT" "columns \([0-9]/[0-9]\)" "the progress says which part it reads"
	pty "'$SD' --database sqlite:///big.db check --json | python3 -m json.tool >parsed.json"
	expect_rc 0 "check --json | python3 -m json.tool, with stderr on a terminal"
	contains "$OUT" "reading sqlite:///big.db" "the terminal still sees the progress"
	check "stdout carried only JSON" python3 -c 'import json; d = json.load(open("parsed.json")); assert d["status"] == "differs" and len(d["differences"]) > 2000'
else
	skip "introspection progress on a terminal" "script(1) is missing"
fi
run bash -c "'$SD' --database sqlite:///big.db check --json 2>err.txt | python3 -m json.tool >/dev/null"
expect_rc 0 "piped check --json parses"
check "piped: no progress on stderr" test ! -s err.txt
cd "$T" || exit 1

# ---- read-only commands create no database file -------------------------------
mkdir -p "$T/nofile" && cd "$T/nofile" || exit 1
"$SD" -q init
for args in "check" "check --json" "current" "heads" "history" "branches" \
	"upgrade --sql" "downgrade --sql" "dump" "diff --from sqlite:///app.db --to models.yaml" \
	"downgrade"; do
	sd $args
	if [[ -e app.db ]]; then
		not_ok "$args leaves no app.db behind"
		rm -f app.db
	else
		ok "$args leaves no app.db behind (exit $RC)"
	fi
done
sd check
contains "$OUT" "+ table users (in models, missing in database)" "check treats the missing file as an empty database"
sd generate -m "Initial"
expect_rc 0 "generate on a missing database file"
check "generate wrote the revision" test -f "$OUT"
check "generate left no app.db" test ! -e app.db
sd upgrade --sql
contains "$OUT" 'CREATE TABLE "users"' "upgrade --sql from a missing file prints the whole history"
check "and leaves no app.db" test ! -e app.db
sd --database sqlite:///no/such/dir/x.db check
expect_rc 1 "check on a file in a missing directory: an empty database"
check "no directory is created" test ! -e no
sd upgrade
check "upgrade does create the database" table_exists app.db users
rm -f migrations/versions/*.sql app.db
sed -i '/^tables:/,$d' models.yaml
echo "tables: []" >>models.yaml
sd generate -m "Nothing"
equals "$RC:$OUT" "0:no changes" "generate with nothing to do says so"
check "generate with nothing to do leaves no app.db" test ! -e app.db
cd "$T" || exit 1

# ---- models and catalog read at once --------------------------------------------
# check and generate read the models on a second thread while the database
# is read. A bad models file still wins over a bad database, and the
# database's complaint is not printed with it; a good file leaves the
# database's error alone.
mkdir -p "$T/both_bad/migrations/versions" && cd "$T/both_bad" || exit 1
printf 'database: sqlite:///app.db\nmodels: models.yaml\nversions: migrations/versions\n' >schemadiff.yaml
printf 'tables:\n  - name: users\n    columns:\n      - {name: id, type: integr}\n' >models.yaml
echo "this is not a database" >app.db
for args in check "generate -m x"; do
	sd $args
	expect_rc 2 "$args: bad models and a bad database: the models' exit status"
	contains "$ERR" "models.yaml:4" "$args: the models error with its line"
	lacks "$ERR" "app.db" "$args: no word of the database"
	equals "$(ls migrations/versions)" "" "$args: nothing written"
done
printf 'tables:\n  - name: users\n    columns:\n      - {name: id, type: integer}\n' >models.yaml
sd check
expect_rc 3 "good models and a bad database: the database's exit status"
contains "$ERR" "app.db" "the database's error names the file"
cd "$T" || exit 1

finish
