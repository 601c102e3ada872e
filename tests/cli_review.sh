#!/usr/bin/env bash
# cli_review.sh - what a reviewer sees: `check` names the real differences
# even when the dialect carries them out by rebuilding a table.
. "$(dirname "$0")/lib.sh"

cat > schemadiff.yaml <<'YAML'
database: sqlite:///app.db
YAML
cat > models.yaml <<'YAML'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
YAML
sd generate -m "Initial"; expect_rc 0 "initial revision"
sd upgrade; expect_rc 0 "upgrade"

sed -i 's/string(50)/string(80)/' models.yaml
sd check
expect_rc 1 "a widened column is a difference"
contains "$OUT" "~ column users.username: type string(50) -> string(80)" \
	"check names the column change, not only the rebuild"
lacks "$OUT" "rebuild users" "check does not describe the rebuild mechanism"

sd check --json
expect_rc 1 "check --json exits 1 too"
contains "$OUT" '"object":	"users.username"' "the JSON difference names the column"
contains "$OUT" '"op":	"alter_column"' "the JSON difference is the column alteration"
contains "$OUT" "rebuilds table users" "the rebuild is a warning"

# A version table without a revision column is an error, not the text
# 'revision' read through SQLite's double-quoted-string misfeature.
mkdir -p legacy && cd legacy
printf 'database: sqlite:///app.db\n' > schemadiff.yaml
printf 'tables: []\n' > models.yaml
sqlite3 app.db 'CREATE TABLE schemadiff_version (rev TEXT); INSERT INTO schemadiff_version VALUES (1)'
sd current
expect_rc 2 "a version table without a revision column is bad input"
contains "$ERR" "table 'schemadiff_version' is not a schemadiff version table" "the error names the table"
contains "$ERR" "no such column: revision" "and the missing column"
lacks "$OUT$ERR" "revision revision" "the column name is not read as a value"
cd ..

# dump adopts a database made by hand: inline UNIQUE constraints come back
# as uniques, unnamed ones unnamed, and check against the dump is clean;
# a table created from the dump has them inline as they were.
mkdir -p adopt && cd adopt
printf 'database: sqlite:///app.db\n' > schemadiff.yaml
sqlite3 app.db 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b INT, c INT, UNIQUE (b, c), CONSTRAINT uq_named UNIQUE (c))'
sd dump
expect_rc 0 "dump of a hand-made database"
printf '%s\n' "$OUT" > models.yaml
contains "$OUT" "{columns: [a]}" "an inline column UNIQUE is dumped as an unnamed unique"
contains "$OUT" "{name: uq_named, columns: [c]}" "a named table UNIQUE keeps its name"
sd check
expect_rc 0 "check against the dump finds nothing"
sd diff --from sqlite:///empty.db --to models.yaml
expect_rc 0 "diff from an empty database to the dump"
contains "$OUT" '    UNIQUE ("a"),' "the unnamed UNIQUE is created inline, unnamed"
contains "$OUT" '    CONSTRAINT "uq_named" UNIQUE ("c"),' "the named UNIQUE is created inline with its name"
lacks "$OUT" 'CREATE UNIQUE INDEX' "no UNIQUE becomes an index"
cd ..

finish
