#!/bin/bash
# cli_graph.sh - branches, merges, up and down through a merge, stamp,
# revision lookup by prefix, graph errors naming the file, and two
# concurrent upgrades on SQLite.
. "$(dirname "$0")/lib.sh"

DB=app.db
VT=schemadiff_version
V=migrations/versions

sd init
expect_rc 0 "init"
cat > models.yaml <<'EOF'
tables: []
EOF

# rev ID PARENTS SLUG UPGRADE-SQL DOWNGRADE-SQL [CREATED]
rev() {
	cat > "$V/$1_$3.sql" <<EOF
-- $3
--
-- revision: $1
-- revises: $2
-- created: ${6:-2026-01-01T00:00:00Z}
-- dialect: sqlite

-- schemadiff:upgrade
$4

-- schemadiff:downgrade
$5
EOF
}

A=aaaa00000001
B=abc000000001
C=abc000000002
rev $A "" base 'CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);' 'DROP TABLE "a";' 2026-01-01T00:00:00Z
rev $B $A left 'CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);' 'DROP TABLE "b";' 2026-01-02T00:00:00Z
rev $C $A right 'CREATE TABLE "c" ("id" INTEGER PRIMARY KEY);' 'DROP TABLE "c";' 2026-01-03T00:00:00Z

rows() {
	q $DB "SELECT group_concat(revision, ' ') FROM (SELECT revision FROM $VT ORDER BY revision)"
}

# ---- two heads ------------------------------------------------------------
sd heads
expect_rc 0 "heads"
equals "$(printf '%s\n' "$OUT" | cut -d' ' -f1 | tr '\n' ' ')" "$B $C " "heads lists both branches"
sd branches
contains "$OUT" "$A (branchpoint)" "branches shows the branch point"
contains "$OUT" "-> $B (head)" "and its first child"
contains "$OUT" "-> $C (head)" "and its second child"

sd upgrade
expect_rc 2 "upgrade to 'head' with two heads is refused"
contains "$ERR" "heads" "and explains why"
check "nothing was applied" test ! -s $DB -o "$(q $DB "SELECT count(*) FROM sqlite_schema WHERE name='a'")" = 0

sd upgrade heads
expect_rc 0 "upgrade heads applies every branch"
check "a exists" table_exists $DB a
check "b exists" table_exists $DB b
check "c exists" table_exists $DB c
equals "$(rows)" "$B $C" "one version row per applied head"
sd current
contains "$OUT" "$B (head)" "current shows the first head"
contains "$OUT" "$C (head)" "current shows the second head"

sd generate -m "Should be refused"
expect_rc 2 "generate refuses with several heads"
contains "$ERR" "schemadiff merge" "and says to merge"

# ---- prefixes -------------------------------------------------------------
sd show abc
expect_rc 2 "an ambiguous prefix exits 2"
contains "$ERR" "ambiguous" "and says so"
contains "$ERR" "$B" "listing the first candidate"
contains "$ERR" "$C" "and the second"
sd show abc0000000
expect_rc 2 "still ambiguous with a longer prefix"
sd show abc000000002
expect_rc 0 "show by full id"
contains "$OUT" 'CREATE TABLE "c"' "show prints the SQL"
sd show aaaa
expect_rc 0 "show by unique prefix"
contains "$OUT" "-- revision: $A" "show prints the header"

# ---- merge ----------------------------------------------------------------
sd merge -m "Merge branches" heads
expect_rc 0 "merge heads"
matches "$OUT" "^$V/[0-9a-f]{12}_merge_branches\.sql$" "merge prints the new file"
M=$(basename "$OUT" | cut -c1-12)
contains "$(cat "$OUT")" "-- revises: $B, $C" "the merge revises both heads"
sd heads
equals "$(printf '%s\n' "$OUT" | cut -d' ' -f1)" "$M" "one head after the merge"
sd upgrade
expect_rc 0 "upgrade through the merge"
equals "$(rows)" "$M" "the merge replaces both rows"
sd history
contains "$(printf '%s\n' "$OUT" | sed -n 1p)" "$B, $C -> $M (head) (mergepoint)" "history shows the merge first"

sd downgrade
expect_rc 0 "downgrade the merge"
equals "$(rows)" "$B $C" "reverting a merge restores its parents"
check "b still exists" table_exists $DB b
check "c still exists" table_exists $DB c

sd downgrade -1
expect_rc 2 "-1 at two heads is ambiguous"

sd downgrade $A
expect_rc 0 "downgrade to the branch point"
equals "$(rows)" "$A" "only the branch point is left"
check "b is gone" bash -c "! sqlite3 $DB 'SELECT 1 FROM b' 2>/dev/null"
check "c is gone" bash -c "! sqlite3 $DB 'SELECT 1 FROM c' 2>/dev/null"

sd upgrade abc000000001
expect_rc 0 "upgrade one branch by id"
equals "$(rows)" "$B" "at the left branch"
sd upgrade
expect_rc 0 "upgrade the rest through the merge"
equals "$(rows)" "$M" "at the merge"
check "c is back" table_exists $DB c

sd upgrade --sql "$A:$M"
expect_rc 0 "offline SQL through a merge"
contains "$OUT" "DELETE FROM \"$VT\" WHERE \"revision\" = '$A'" "the first branch replaces the branch point's row"
contains "$OUT" "DELETE FROM \"$VT\" WHERE \"revision\" = '$B'" "the merge deletes the left row"
contains "$OUT" "DELETE FROM \"$VT\" WHERE \"revision\" = '$C'" "the merge deletes the right row"
contains "$OUT" "INSERT INTO \"$VT\" (\"revision\") VALUES ('$M')" "and inserts its own"

# ---- ranges ------------------------------------------------------------------
sd history -r "$A:$B"
expect_rc 0 "history -r FROM:TO"
ids() { printf '%s\n' "$OUT" | sed -E 's/.*-> ([0-9a-f]{12}).*/\1/' | tr '\n' ' '; }
equals "$(ids)" "$B $A " "history -r lists just that stretch, newest first"
sd history -r "$C:"
equals "$(ids)" "$M $C " "history -r FROM: runs to the heads"
sd downgrade --sql "$M:$A"
expect_rc 0 "offline downgrade --sql through a merge"
equals "$(printf '%s\n' "$OUT" | grep '^-- downgrade' | cut -d' ' -f3 | tr -d ':' | tr '\n' ' ')" "$M $C $B " "children first"
contains "$OUT" "INSERT INTO \"$VT\" (\"revision\") VALUES ('$A')" "the branch point's row comes back"
sd history --json -r "$A:$A"
contains "$OUT" "\"revision\":	\"$A\"" "history --json -r"

# ---- a revision outside a transaction ---------------------------------------
NT=dddd00000001
rev $NT $M notx 'CREATE TABLE "nt" ("id" INTEGER);' 'DROP TABLE "nt";' 2026-01-08T00:00:00Z
sed -i 's/^-- dialect: sqlite$/-- dialect: sqlite\n-- transaction: none/' "$V/${NT}_notx.sql"
sd upgrade --sql "$M:$NT"
expect_rc 0 "--sql of a transaction: none revision"
equals "$(printf '%s\n' "$OUT" | grep -v '^--' | grep -v '^$' | head -2 | tr '\n' '|')" 'CREATE TABLE "nt" ("id" INTEGER);|BEGIN;|' "its statements run before the version update's BEGIN"
sd upgrade
expect_rc 0 "upgrade through a transaction: none revision"
check "nt exists" table_exists $DB nt
equals "$(rows)" "$NT" "and its version row is recorded"
sd downgrade
expect_rc 0 "and back"
rm "$V/${NT}_notx.sql"

# ---- a hand-written trigger with semicolons in its body ----------------------
TR=dddd00000002
rev $TR $M trigger 'CREATE TABLE "audit" ("n" INTEGER, "kind" TEXT);
CREATE TRIGGER "a_audit" AFTER INSERT ON "a" BEGIN
  INSERT INTO "audit" VALUES (new.id, CASE WHEN new.id > 10 THEN '"'big;'"' ELSE '"'small'"' END);
  INSERT INTO "audit" VALUES (-1, '"'end;'"');
END;
INSERT INTO "a" VALUES (42);' 'DROP TRIGGER "a_audit";
DROP TABLE "audit";
DELETE FROM "a" WHERE "id" = 42;' 2026-01-08T00:00:00Z
sd upgrade
expect_rc 0 "a revision with a trigger body applies"
equals "$(q $DB "SELECT group_concat(kind, '|') FROM audit")" "big;|end;" "the trigger was created whole and fired"
sd downgrade
expect_rc 0 "and reverts"
rm "$V/${TR}_trigger.sql"

# ---- stamp ----------------------------------------------------------------
sd stamp base
expect_rc 0 "stamp base"
equals "$(q $DB "SELECT count(*) FROM $VT")" "0" "no rows after stamp base"
check "stamp runs nothing" table_exists $DB c
sd stamp head
expect_rc 0 "stamp head"
equals "$(rows)" "$M" "stamped at the head"
sd upgrade
contains "$ERR" "already at head" "nothing left to run after stamp"
sd stamp nosuchrev
expect_rc 2 "stamp of an unknown revision exits 2"

# ---- relative targets -------------------------------------------------------
sd downgrade base
expect_rc 0 "downgrade base through the merge"
equals "$(q $DB "SELECT count(*) FROM sqlite_schema WHERE name IN ('a','b','c')")" "0" "every table gone"
sd upgrade +1
expect_rc 0 "upgrade +1"
equals "$(rows)" "$A" "one step up"
sd upgrade +9
expect_rc 2 "upgrade beyond the end exits 2"

# ---- concurrent upgrades ---------------------------------------------------
sd downgrade base
S=ffff00000001
rev $S $M slow 'CREATE TABLE "big" ("n" INTEGER);
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 400000) INSERT INTO "big" SELECT x FROM c;' 'DROP TABLE "big";' 2026-01-09T00:00:00Z
"$SD" upgrade >one.out 2>one.err &
P1=$!
"$SD" upgrade >two.out 2>two.err &
P2=$!
wait $P1; R1=$?
wait $P2; R2=$?
equals "$R1 $R2" "0 0" "two concurrent upgrades both succeed"
diag "first: $(cat one.err)" "second: $(cat two.err)"
equals "$(q $DB "SELECT count(*) FROM big")" "400000" "the slow revision ran exactly once"
equals "$(rows)" "$S" "and the head is recorded once"
rm -f "$V/${S}_slow.sql"
sd downgrade base
expect_rc 2 "a database at a revision without a file is refused"
contains "$ERR" "$S" "naming the revision"
sd stamp base

# ---- broken graphs ---------------------------------------------------------
cp "$V/${B}_left.sql" "$V/${B}_copy.sql"
sd heads
expect_rc 2 "a duplicate id exits 2"
contains "$ERR" "duplicate revision id $B" "and names the id"
contains "$ERR" "${B}_" "and the file"
rm "$V/${B}_copy.sql"

rev ffff00000002 999999999999 orphan 'SELECT 1;' 'SELECT 1;'
sd history
expect_rc 2 "a missing parent exits 2"
contains "$ERR" "ffff00000002_orphan.sql" "naming the file"
contains "$ERR" "999999999999" "and the missing parent"
rm "$V/ffff00000002_orphan.sql"

rev eeee00000001 eeee00000002 loop1 'SELECT 1;' 'SELECT 1;'
rev eeee00000002 eeee00000001 loop2 'SELECT 1;' 'SELECT 1;'
sd upgrade
expect_rc 2 "a cycle exits 2"
contains "$ERR" "cycle" "and says cycle"
matches "$ERR" "eeee0000000[12]_loop[12]\.sql" "naming a file on the cycle"
rm "$V"/eeee*

printf -- '-- Broken\n--\n-- revison: 123456789abc\n-- revises:\n-- created: x\n\n-- schemadiff:upgrade\n' > "$V/123456789abc_broken.sql"
sd current
expect_rc 2 "a malformed header exits 2"
contains "$ERR" "123456789abc_broken.sql:3:" "naming file and line"
contains "$ERR" "did you mean 'revision'?" "with a suggestion"
rm "$V/123456789abc_broken.sql"

sd heads
expect_rc 0 "the graph is whole again"

finish
