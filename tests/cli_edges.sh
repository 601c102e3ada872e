#!/bin/bash
# cli_edges.sh - the sharp edges a new user meets first:
#
#   no project    commands that write refuse outside a project and create
#                 nothing; read-only ones say no config was found
#   targets       a bad target (no revisions for stamp head, an unknown or
#                 ambiguous revision, +N past head, several heads) is bad
#                 input, decided before any database file is created
#   empty models  generate refuses models without a table against a
#                 database with tables, unless --allow-empty
#   diff sources  a versions folder, or a folder without models, is not an
#                 empty set of models
#   enums         removing an enum value is warned about
#   runs          upgrade and downgrade name each revision; a run that
#                 stops part-way exits 3 and says where the database is
#   other tools   `migrate` gets "did you mean `generate`?"
#   JSON          check --json and diff --json share the shape of a
#                 difference; errors under --json are JSON on stdout too
#   init          --database goes into the config; the models' JSON Schema
#                 is copied into the project and referenced relatively;
#                 .gitignore gets the C-revision cache entry
#
# TAP; needs SD_BINARY. SQLite only (PostgreSQL plans are made offline).

SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

# files DIR: every path below DIR, sorted (what a refusal must not change).
files() {
	(cd "$1" && find . -mindepth 1 | LC_ALL=C sort)
}

# json EXPR: evaluates a Python expression over the JSON document in $OUT
# (bound to d); prints its value.
json() {
	python3 -c 'import json, sys; d = json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$OUT" "$1" 2>&1
}

# ---- no project ----------------------------------------------------------------
mkdir -p "$T/nowhere/sub" && cd "$T/nowhere/sub" || exit 1
for cmd in "upgrade" "downgrade" "stamp head" "generate -m x" "revision -m x" "merge -m x heads"; do
	# shellcheck disable=SC2086
	sd $cmd
	expect_rc 2 "outside a project: '$cmd' exits 2"
	contains "$ERR" "no schemadiff.yaml found" "outside a project: '$cmd' says no config was found"
	contains "$ERR" "run schemadiff init, or pass -c" "outside a project: '$cmd' says what to do"
	equals "$(files "$T/nowhere")" "./sub" "outside a project: '$cmd' creates nothing"
done
sd current
contains "$ERR" "no schemadiff.yaml found" "outside a project: current says so on stderr"
equals "$(files "$T/nowhere")" "./sub" "and creates nothing either"
sd -c "$T/nowhere/none.yaml" upgrade
expect_rc 2 "-c naming a missing config: exit 2"

# ---- targets are resolved before the database is opened ------------------------
mkdir -p "$T/targets" && cd "$T/targets" || exit 1
"$SD" -q init
sd stamp head
expect_rc 2 "stamp head with no revisions exits 2"
contains "$ERR" "no revisions" "and says there are none"
lacks "$ERR$OUT" "stamped" "and never says it stamped"
check "stamp head with no revisions creates no database" test ! -e app.db
sd upgrade
expect_rc 0 "upgrade with no revisions exits 0"
contains "$ERR" "no revisions in migrations/versions yet" "and says there are none yet"
check "and creates no database" test ! -e app.db
"$SD" -q generate -m "Initial" >/dev/null
sd upgrade +5
expect_rc 2 "upgrade +5 past head exits 2"
check "and creates no database" test ! -e app.db
sd upgrade 0123456789ab
expect_rc 2 "upgrade to an unknown revision exits 2"
check "and creates no database" test ! -e app.db
# two heads, then an ambiguous prefix
first=$(ls migrations/versions)
first_id=${first%%_*}
second_id=${first_id:0:1}$(printf '%011d' 1)
third_id=${first_id:0:1}$(printf '%011d' 2)
for id in "$second_id" "$third_id"; do
	printf -- '-- branch\n--\n-- revision: %s\n-- revises: %s\n-- created: 2026-01-02T00:00:00Z\n\n-- schemadiff:upgrade\nSELECT 1;\n\n-- schemadiff:downgrade\nSELECT 1;\n' \
		"$id" "$first_id" >"migrations/versions/${id}_branch.sql"
done
sd upgrade head
expect_rc 2 "upgrade head with two heads exits 2"
contains "$ERR" "heads" "and says why"
check "and creates no database" test ! -e app.db
sd stamp "${second_id:0:11}"
expect_rc 2 "stamp with an ambiguous prefix exits 2"
check "and creates no database" test ! -e app.db
sd upgrade heads
expect_rc 0 "upgrade heads creates the database"
check "the database is there now" table_exists app.db users

# ---- generate on empty models --------------------------------------------------
mkdir -p "$T/empty" && cd "$T/empty" || exit 1
"$SD" -q init
"$SD" -q generate -m "Initial" >/dev/null
"$SD" -q upgrade
echo "tables: []" >models.yaml
before=$(files .)
sd generate -m "Drop everything"
expect_rc 2 "generate with models without a table exits 2"
contains "$ERR" "models.yaml: the models declare no table, and sqlite:///app.db has 1" "and says what it would do"
contains "$ERR" "--allow-empty" "and how to mean it"
equals "$(files .)" "$before" "and writes nothing"
sd generate -m "Drop everything" --allow-empty
expect_rc 0 "--allow-empty writes the revision"
contains "$(cat "$OUT")" 'DROP TABLE "users"' "which drops the table"

# ---- diff sources --------------------------------------------------------------
sd diff --from migrations/versions --to models.yaml
expect_rc 2 "diff --from the versions folder exits 2"
contains "$ERR" "versions directory" "and says it is the versions folder"
mkdir nomodels
sd diff --from models.yaml --to nomodels
expect_rc 2 "diff --to a folder without models exits 2"
contains "$ERR" "nomodels: no models file" "and says the folder holds no models"
sd diff --from sqlite:///misspelt.db --to models.yaml
expect_rc 0 "diff --from a missing SQLite file reads it as empty"
contains "$ERR" "sqlite:///misspelt.db: no such database file; read as an empty database" "and says the file is not there"
check "and creates no file" test ! -e misspelt.db

# ---- enum value removal --------------------------------------------------------
cat >enum_a.yaml <<'EOF'
enums:
  - {name: mood, values: [happy, sad, meh]}
tables:
  - name: people
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: mood, type: enum(mood)}
EOF
sed 's/\[happy, sad, meh\]/[happy]/' enum_a.yaml >enum_b.yaml
sd --database postgresql://nobody@127.0.0.1:1/none diff --from enum_a.yaml --to enum_b.yaml
expect_rc 0 "diff of an enum losing values plans offline"
contains "$OUT" "-- warning: removes values 'sad', 'meh' from enum mood" "the removal is warned about"
sed 's/\[happy, sad, meh\]/[happy, sad, meh, ok]/' enum_a.yaml >enum_c.yaml
sd --database postgresql://nobody@127.0.0.1:1/none diff --from enum_a.yaml --to enum_c.yaml
lacks "$OUT" "warning" "adding a value is not warned about"

# ---- runs that explain themselves ----------------------------------------------
mkdir -p "$T/runs" && cd "$T/runs" || exit 1
"$SD" -q init
"$SD" -q generate -m "Initial" >/dev/null
sd downgrade base
expect_rc 0 "downgrade on a database that is not there"
contains "$ERR" "nothing to downgrade" "has nothing to revert"
check "and creates none" test ! -e app.db
"$SD" -q upgrade
echo "      - {name: bio, type: text}" >>models.yaml
"$SD" -q generate -m "Bio" >/dev/null
"$SD" -q downgrade base
sd upgrade
expect_rc 0 "upgrade"
equals "$(grep -c '^upgrade   [0-9a-f]\{12\}  ' <<<"$ERR")" 2 "one line per revision applied"
sd downgrade base
equals "$(sed -E 's/[0-9a-f]{12}/ID/g; s/ in [0-9.]+ s;/;/' <<<"$ERR")" "downgrade ID  Bio
downgrade ID  Initial
reverted 2 revisions; the database is at base" "downgrade names each revision, then sums up"
# a second revision that fails
bio=$(ls migrations/versions/*_bio.sql)
bio_id=$(basename "$bio")
bio_id=${bio_id%%_*}
python3 - "$bio" <<'EOF'
import sys
p = sys.argv[1]
s = open(p).read().replace("-- schemadiff:downgrade", "SELECT * FROM no_such_table;\n\n-- schemadiff:downgrade", 1)
open(p, "w").write(s)
EOF
line=$(grep -n 'no_such_table' "$bio" | cut -d: -f1)
sd upgrade
expect_rc 3 "a run that fails part-way exits 3"
contains "$ERR" "${bio#./}:$line:" "and names the file and line of the statement"
contains "$ERR" "applied 1 of 2 revisions before the failure; the database is now at" "and says how far it got"
equals "$(q app.db "SELECT revision FROM schemadiff_version")" "$(ls migrations/versions | grep -v _bio | cut -c1-12)" \
	"the database is at the first revision"
check "with the first revision's table" table_exists app.db users
sd upgrade
expect_rc 3 "the failing revision alone exits 3"
contains "$ERR" "nothing was applied; the database is still at" "and says nothing was applied"

# a C revision that does not compile stops the run before anything runs
mkdir -p "$T/crev" && cd "$T/crev" || exit 1
"$SD" -q init
"$SD" -q generate -m "Initial" >/dev/null
"$SD" -q upgrade
echo "      - {name: bio, type: text}" >>models.yaml
crev=$("$SD" -q generate -m "Bio" --format c)
"$SD" -q downgrade base
echo "this is not C" >>"$crev"
sd upgrade
expect_rc 2 "a C revision that does not compile: exit 2"
contains "$ERR" "_bio.c:$(wc -l <"$crev"):" "with the compiler's file:line"
lacks "$ERR" "upgrade   " "and no revision was started"
check "the first revision's table is not there" bash -c "! sqlite3 app.db .tables | grep -q users"
cd "$T/runs" || exit 1

# ---- what other tools' users type ----------------------------------------------
sd migrate
expect_rc 2 "migrate exits 2"
contains "$ERR" 'did you mean `generate`?' "migrate: did you mean generate"

# ---- JSON ------------------------------------------------------------------------
mkdir -p "$T/json" && cd "$T/json" || exit 1
"$SD" -q init
"$SD" -q generate -m "Initial" >/dev/null
"$SD" -q upgrade
echo "      - {name: bio, type: text}" >>models.yaml
sd check --json
expect_rc 1 "check --json: differs"
check_shape='sorted(d["differences"][0].keys())'
equals "$(json "$check_shape")" "['description', 'object', 'op', 'sql', 'where']" "check --json: op, object, description, where, sql"
no_where='[{k: v for k, v in o.items() if k != "where"} for o in d["differences"]]'
from_check=$(json "$no_where")
equals "$(json 'd["differences"][0]["where"]')" "in models, missing in database" "check: where, in the models' and database's words"
sd diff --from sqlite:///app.db --to models.yaml --json
equals "$(json "$no_where")" "$from_check" "diff --json describes the difference as check --json does"
equals "$(json 'd["differences"][0]["where"]')" "in --to, missing in --from" "diff: where, in the words of its options"
contains "$(json 'd["differences"][0]["sql"]')" 'ADD COLUMN "bio" TEXT' "with the statement in sql"
echo "  - {nme: x}" >>models.yaml
sd check --json
expect_rc 2 "check --json on bad models exits 2"
equals "$(json 'd["status"]')" "error" "and prints status error on stdout"
equals "$(json 'd["errors"][0]["file"].split("/")[-1] + ":" + str(d["errors"][0]["line"])')" "models.yaml:$(grep -n 'nme' models.yaml | cut -d: -f1)" \
	"with the file and line of the error"
matches "$ERR" "^schemadiff: error: [^ ]*models.yaml:[0-9]+:" "stderr still has the error for a person"
sd current --json --database postgresql://nobody@127.0.0.1:1/none
expect_rc 3 "current --json with an unreachable database exits 3"
equals "$(json 'd["status"] + " " + str(d["exit"])')" "error 3" "with a JSON error of exit 3"

printf 'sqlite:///app.db\npostgresql://nobody@127.0.0.1:1/none\n' >targets.txt
sd current --targets targets.txt --json
expect_rc 3 "current --json over targets, one unreachable: exit 3"
equals "$(json 'd["command"] + " " + str(len(d["targets"]))')" "current 2" \
	"stdout is the one fleet document, the failure reported inside it"

# ---- init ------------------------------------------------------------------------
mkdir -p "$T/init" && cd "$T/init" || exit 1
sd init --database sqlite:///data/prod.db
expect_rc 0 "init --database"
contains "$(cat schemadiff.yaml)" "database: sqlite:///data/prod.db" "writes the URL into schemadiff.yaml"
mkdir data
"$SD" -q generate -m "Initial" >/dev/null
"$SD" -q upgrade
check "which the project then uses" table_exists data/prod.db users
head -1 models.yaml >modeline.txt
equals "$(cat modeline.txt)" "# yaml-language-server: \$schema=.schemadiff/models.schema.json" \
	"models.yaml refers to the schema inside the project"
check "the schema is copied into the project" cmp -s .schemadiff/models.schema.json "$SRC/schemas/models.schema.json"
lacks "$(cat models.yaml schemadiff.yaml)" "$SRC" "no absolute path into the source tree"
contains "$(cat .gitignore)" ".schemadiff-cache/" ".gitignore names the C-revision cache"
mkdir -p "$T/init2" && cd "$T/init2" || exit 1
printf 'build/\n' >.gitignore
sd init --database 'notaurl'
expect_rc 2 "init --database with something not a URL exits 2"
equals "$(files .)" "./.gitignore" "and creates nothing"
"$SD" -q init
"$SD" -q -c other.yaml init >/dev/null 2>&1
equals "$(grep -c '^\.schemadiff-cache/$' .gitignore)|$(head -1 .gitignore)" "1|build/" ".gitignore: the entry is appended once, the user's lines kept"
finish
