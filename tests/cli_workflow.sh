#!/bin/bash
# cli_workflow.sh - the seed workflow on SQLite, end to end, asserting on the
# catalog and the rows after every step; plus the ways it must refuse.
. "$(dirname "$0")/lib.sh"

DB=app.db
VT=schemadiff_version

# ---- init ------------------------------------------------------------
sd init
expect_rc 0 "init succeeds"
check "init writes schemadiff.yaml" test -f schemadiff.yaml
check "init writes models.yaml" test -f models.yaml
check "init creates migrations/versions/" test -d migrations/versions
contains "$(head -1 models.yaml)" '# yaml-language-server: $schema=' "models.yaml names its JSON Schema"
for key in database models versions format version_table ignore naming; do
	contains "$(cat schemadiff.yaml)" "$key:" "schemadiff.yaml mentions $key"
done
cp schemadiff.yaml config.before
sd init
expect_rc 2 "a second init is refused"
contains "$ERR" "already exists" "and says the config exists"
check "the config is left alone" cmp -s schemadiff.yaml config.before

cat > models.yaml <<'EOF'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
EOF

# ---- generate + upgrade ----------------------------------------------
sd generate -m "Initial"
expect_rc 0 "generate Initial"
matches "$OUT" '^migrations/versions/[0-9a-f]{12}_initial\.sql$' "generate prints the new file's path"
REV1_FILE=$OUT
REV1=$(basename "$OUT" | cut -c1-12)
check "the revision file exists" test -f "$REV1_FILE"
HEAD1=$(cat "$REV1_FILE")
contains "$HEAD1" "-- Initial" "header carries the message"
contains "$HEAD1" "-- revision: $REV1" "header carries the id"
matches "$HEAD1" '^-- revises:$' "first revision revises nothing"
matches "$HEAD1" '^-- created: [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' "created is UTC ISO-8601"
contains "$HEAD1" "-- dialect: sqlite" "dialect is sqlite"
contains "$HEAD1" 'CREATE TABLE "users"' "upgrade creates users"
contains "$HEAD1" 'DROP TABLE "users"' "downgrade drops users"

sd upgrade
expect_rc 0 "upgrade succeeds"
check "users exists after upgrade" table_exists $DB users
check "the version table exists" table_exists $DB $VT
equals "$(q $DB "SELECT revision FROM $VT")" "$REV1" "version row is the first revision"
equals "$(q $DB "SELECT group_concat(name) FROM pragma_table_info('users')")" "id,username" "users has id, username"
equals "$(q $DB "SELECT \"notnull\" FROM pragma_table_info('users') WHERE name='username'")" "1" "username is NOT NULL"

sd upgrade
expect_rc 0 "a second upgrade succeeds"
contains "$ERR" "already at head" "and says already at head"

sd check
expect_rc 0 "check is clean after upgrade"

sd generate -m "Nothing"
expect_rc 0 "generate with no changes succeeds"
contains "$OUT" "no changes" "and says no changes"
equals "$(ls migrations/versions | wc -l)" "1" "and writes no file"

q $DB "INSERT INTO users (username) VALUES ('alice')"

# ---- add email ---------------------------------------------------------
cat >> models.yaml <<'EOF'
      - {name: email, type: string(120), unique: true}
EOF
sd check
expect_rc 1 "check finds the new column"
contains "$OUT" "users.email" "check names users.email"
contains "$OUT" "in models, missing in database" "check says where it is missing"

sd generate -m "Add email to User"
expect_rc 0 "generate Add email to User"
matches "$OUT" '^migrations/versions/[0-9a-f]{12}_add_email_to_user\.sql$' "slug of the message"
REV2_FILE=$OUT
REV2=$(basename "$OUT" | cut -c1-12)
BODY2=$(cat "$REV2_FILE")
contains "$BODY2" "-- revises: $REV1" "the second revision revises the first"
contains "$BODY2" 'ADD COLUMN "email"' "upgrade adds the column"
contains "$BODY2" 'CREATE UNIQUE INDEX "uq_users_email"' "upgrade creates uq_users_email"
contains "$BODY2" 'DROP INDEX "uq_users_email"' "downgrade drops the index"

sd upgrade
expect_rc 0 "upgrade to the second revision"
check "email column exists" column_exists $DB users email
check "uq_users_email exists" index_exists $DB uq_users_email
equals "$(q $DB "SELECT revision FROM $VT")" "$REV2" "version row replaced by the second revision"
q $DB "INSERT INTO users (username, email) VALUES ('bob', 'b@example.com')"
run q $DB "INSERT INTO users (username, email) VALUES ('bob2', 'b@example.com')"
if [ "$RC" != 0 ]; then ok "a duplicate email is rejected"; else not_ok "a duplicate email is rejected"; fi
equals "$(q $DB "SELECT count(*) FROM users")" "2" "two users"
sd check
expect_rc 0 "check is clean at head"

sd current
expect_rc 0 "current succeeds"
equals "$OUT" "$REV2 (head)" "current prints the new id with (head)"
lacks "$ERR" "edited" "no edited revisions reported"
cp "$REV1_FILE" rev1.orig
echo "-- a reviewer's note" >> "$REV1_FILE"
sd current
contains "$ERR" "revision $REV1 was edited after it was applied" "current warns about an edited revision"
cp rev1.orig "$REV1_FILE"
sd current
lacks "$ERR" "edited" "and stops once the file is restored"

sd history
expect_rc 0 "history succeeds"
equals "$(printf '%s\n' "$OUT" | wc -l)" "2" "history lists both revisions"
contains "$(printf '%s\n' "$OUT" | sed -n 1p)" "$REV2" "newest first"
contains "$(printf '%s\n' "$OUT" | sed -n 1p)" "Add email to User" "with its message"
contains "$(printf '%s\n' "$OUT" | sed -n 2p)" "$REV1" "then the first"
contains "$(printf '%s\n' "$OUT" | sed -n 2p)" "Initial" "with its message"

sd heads --json
contains "$OUT" "\"revision\":	\"$REV2\"" "heads --json names the head"
sd current --json
contains "$OUT" "$REV2" "current --json names the current revision"
sd history --json
contains "$OUT" "\"message\":	\"Initial\"" "history --json carries messages"

# ---- downgrade ---------------------------------------------------------
sd downgrade
expect_rc 0 "downgrade one step"
check "email column gone" bash -c "! sqlite3 $DB \"SELECT email FROM users\" 2>/dev/null"
check "uq_users_email gone" bash -c "[ \$(sqlite3 $DB \"SELECT count(*) FROM sqlite_schema WHERE name='uq_users_email'\") = 0 ]"
equals "$(q $DB "SELECT group_concat(username) FROM (SELECT username FROM users ORDER BY id)")" "alice,bob" "every row kept"
equals "$(q $DB "SELECT revision FROM $VT")" "$REV1" "version row back at the first revision"

# generate must refuse while the database lags behind
sd generate -m "Should not be written"
expect_rc 2 "generate refused when not at head"
contains "$ERR" "schemadiff upgrade" "and says to upgrade first"
equals "$(ls migrations/versions | wc -l)" "2" "and writes nothing"

sd upgrade
expect_rc 0 "upgrade again"
check "email column back" column_exists $DB users email
equals "$(q $DB "SELECT count(*) FROM users")" "2" "rows survive the round trip"

# ---- config discovery, URL precedence, colour ------------------------------
mkdir -p sub/deeper
run bash -c "cd sub/deeper && '$SD' current"
equals "$OUT" "$REV2 (head)" "the config is found from a subdirectory, like git"
run env DATABASE_URL=sqlite:///other.db "$SD" current
equals "$OUT" "" "DATABASE_URL overrides the config"
# current only reads: stamp writes the file that shows where it goes.
run env DATABASE_URL=sqlite:///other.db "$SD" stamp head
check "other.db sits next to the config" test -f other.db
run env DATABASE_URL=sqlite:///other.db SCHEMADIFF_DATABASE_URL=sqlite:///app.db "$SD" current
equals "$OUT" "$REV2 (head)" "SCHEMADIFF_DATABASE_URL overrides DATABASE_URL"
run env SCHEMADIFF_DATABASE_URL=sqlite:///other.db "$SD" --database sqlite:///app.db current
equals "$OUT" "$REV2 (head)" "--database overrides the environment"
sd -c schemadiff.yaml current
equals "$OUT" "$REV2 (head)" "-c names the config"
sd -c nowhere.yaml current
expect_rc 2 "a missing -c config exits 2"
sd --color=always upgrde
contains "$ERR" $'\033[31merror:' "--color=always colours errors"
sd upgrde
lacks "$ERR" $'\033[' "no colour when stderr is not a terminal"
sd --color=sometimes current
expect_rc 2 "a bad --color value exits 2"

# ---- --sql -----------------------------------------------------------------
sd downgrade --sql
expect_rc 0 "downgrade --sql succeeds"
contains "$OUT" 'DROP INDEX "uq_users_email"' "downgrade --sql shows the statements"
contains "$OUT" "DELETE FROM \"$VT\"" "and the version update"
check "downgrade --sql changes nothing" column_exists $DB users email

sd upgrade --sql "base:$REV2" --database sqlite:///nowhere.db
expect_rc 0 "offline upgrade --sql base:head"
contains "$OUT" "CREATE TABLE IF NOT EXISTS \"$VT\"" "offline SQL creates the version table"
contains "$OUT" "BEGIN" "offline SQL has BEGIN"
contains "$OUT" 'CREATE TABLE "users"' "offline SQL has the first revision"
contains "$OUT" 'CREATE UNIQUE INDEX "uq_users_email"' "offline SQL has the second revision"
contains "$OUT" "INSERT INTO \"$VT\" (\"revision\") VALUES ('$REV2')" "offline SQL records the head"
contains "$OUT" "COMMIT" "offline SQL has COMMIT"
check "offline mode touches no database" test ! -e nowhere.db
SQL=$OUT
rm -f offline.db
printf '%s\n' "$SQL" | sqlite3 offline.db
equals "$(q offline.db "SELECT revision FROM $VT")" "$REV2" "the offline script runs in sqlite3"

# ---- a revision that fails halfway -----------------------------------------
sd revision -m "Broken"
expect_rc 0 "revision writes an empty revision"
BROKEN=$OUT
contains "$(cat "$BROKEN")" "-- revises: $REV2" "the empty revision sits on the head"
python3 - "$BROKEN" <<'EOF'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("-- schemadiff:upgrade\n",
              "-- schemadiff:upgrade\nCREATE TABLE \"half\" (\"x\" INTEGER);\n"
              "INSERT INTO \"no_such_table\" VALUES (1);\n")
open(p, "w").write(s)
EOF
sd upgrade
expect_rc 3 "a failing revision exits 3"
contains "$ERR" "$(basename "$BROKEN")" "the error names the revision file"
contains "$ERR" "no_such_table" "the error carries the database's message"
check "nothing half applied" bash -c "[ \$(sqlite3 $DB \"SELECT count(*) FROM sqlite_schema WHERE name='half'\") = 0 ]"
equals "$(q $DB "SELECT revision FROM $VT")" "$REV2" "still at the previous revision"
rm -f "$BROKEN"

# ---- bad usage and bad input ----------------------------------------------
sd upgrde
expect_rc 2 "a mistyped command exits 2"
contains "$ERR" "did you mean 'upgrade'?" "and suggests upgrade"
contains "$ERR" "schemadiff: error:" "errors carry the prefix"
sd upgrade --sqll
expect_rc 2 "a mistyped option exits 2"
contains "$ERR" "did you mean '--sql'?" "and suggests --sql"
sd generate
expect_rc 2 "generate without -m exits 2"
sd upgrade no-such-rev
expect_rc 2 "an unknown target exits 2"
sd --database "postgresql://bob:s3cret@127.0.0.1:1/x" current
contains "$ERR" "schemadiff: error:" "an unreachable database is an error"
lacks "$ERR$OUT" "s3cret" "the password never appears"
sd help upgrade
expect_rc 0 "help upgrade"
contains "$OUT" "example:" "help shows an example"
sd upgrade --help
contains "$OUT" "usage:" "COMMAND --help shows the synopsis"
sd --version
contains "$OUT" "SQLite" "--version names the SQLite version"

cp models.yaml models.good
cat > models.yaml <<'EOF'
tables:
  - name: users
    columns:
      - {name: id, type: integr, primary_key: true}
EOF
sd generate -m "Bad models"
expect_rc 2 "bad models exit 2"
contains "$ERR" "models.yaml" "the error names the models file"
equals "$(ls migrations/versions | wc -l)" "2" "bad models write nothing"
cp models.good models.yaml

# ---- dump round trip -----------------------------------------------------
sd dump
expect_rc 0 "dump succeeds"
printf '%s\n' "$OUT" > dumped.yaml
sd -c schemadiff.yaml check
expect_rc 0 "check against the models is clean"
sed -i 's/^models: .*/models: dumped.yaml/' schemadiff.yaml
sd check
expect_rc 0 "check against the dump reports nothing"
sed -i 's/^models: .*/models: models.yaml/' schemadiff.yaml

# ---- check --json, diff, -v --------------------------------------------------
sd check --json
expect_rc 0 "check --json when clean"
contains "$OUT" '"status":	"clean"' "check --json says clean"
cp models.yaml models.good
cat >> models.yaml <<'EOF'
      - {name: bio, type: text}
EOF
sd check --json
expect_rc 1 "check --json exits 1 on differences"
contains "$OUT" '"status":	"differs"' "check --json says differs"
contains "$OUT" '"object":	"users.bio"' "check --json names the object"
contains "$OUT" '"op":	"add_column"' "check --json names the operation"
sd diff --from sqlite:///app.db --to models.yaml
expect_rc 0 "diff exits 0 without --exit-code"
contains "$OUT" 'ALTER TABLE "users" ADD COLUMN "bio" TEXT' "diff prints the upgrade SQL"
sd diff --from sqlite:///app.db --to models.yaml --exit-code
expect_rc 1 "diff --exit-code exits 1 on differences"
sd diff --from models.good --to models.yaml --json
contains "$OUT" '"description":	"+ column users.bio"' "diff --json between two models files"
sd diff --from sqlite:///app.db --to models.good --exit-code
expect_rc 0 "diff --exit-code exits 0 when equal"
sd diff --from sqlite:///app.db --to sqlite:///app.db --exit-code
expect_rc 0 "a database equals itself"
cp models.good models.yaml
sd -v downgrade
expect_rc 0 "downgrade -v"
contains "$ERR" 'DROP INDEX "uq_users_email"' "-v prints each statement"
sd upgrade -v
contains "$ERR" 'CREATE UNIQUE INDEX "uq_users_email"' "-v also works after the command"

# ---- down to base ----------------------------------------------------------
sd downgrade base
expect_rc 0 "downgrade base"
equals "$(q $DB "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '${VT}%'")" "0" "no user tables left"
equals "$(q $DB "SELECT operation FROM ${VT}_log ORDER BY rowid DESC LIMIT 1")" "downgrade" "the log records the last step"
matches "$(q $DB "SELECT checksum FROM ${VT}_log WHERE revision = '$REV1' LIMIT 1")" '^[0-9a-f]{64}$' "with the file's checksum"
equals "$(q $DB "SELECT count(*) FROM $VT")" "0" "no version row"
sd current
equals "$OUT" "" "current prints nothing at base"

# ---- SQLite views and triggers: generate, upgrade, change, downgrade -------
mkdir logic && cd logic || exit 1
sd init
cat > models.yaml <<'EOF'
tables:
  - name: items
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: qty, type: integer}
    triggers:
      - name: tr_items_qty
        timing: after
        events: [update]
        columns: [qty]
        when: "new.qty <> old.qty"
        body: |
          INSERT INTO audit (item, what) VALUES (new.id, 'qty; changed');
  - name: audit
    columns:
      - {name: item, type: integer}
      - {name: what, type: text}
views:
  - name: stocked
    query: "SELECT id, qty FROM items WHERE qty > 0"
  - name: stocked_ids
    query: "SELECT id FROM stocked"
EOF
sd generate -m "Logic"
expect_rc 0 "generate with a view chain and a trigger"
sd upgrade
expect_rc 0 "upgrade creates them"
q app.db "INSERT INTO items VALUES (1, 1), (2, 0); UPDATE items SET qty = 3 WHERE id = 2"
equals "$(q app.db "SELECT item || ':' || what FROM audit")" "2:qty; changed" "the trigger fires, its body kept whole"
equals "$(q app.db "SELECT group_concat(id) FROM stocked_ids")" "1,2" "the view over the view reads the table"
sd check
expect_rc 0 "check is clean right after upgrade"
sed -i 's/qty; changed/qty changed/; s/{name: qty, type: integer}/{name: qty, type: integer, nullable: false, backfill: "0"}/' models.yaml
sd generate -m "Rebuild under logic"
sd upgrade
expect_rc 0 "a rebuild under the views and a changed trigger body"
equals "$(q app.db "SELECT count(*) FROM items")" "2" "the rows stay"
q app.db "UPDATE items SET qty = 4 WHERE id = 1"
equals "$(q app.db "SELECT what FROM audit WHERE item = 1")" "qty changed" "the new trigger fires"
equals "$(q app.db "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type IN ('view', 'trigger') ORDER BY name)")" "stocked,stocked_ids,tr_items_qty" "views and trigger are back after the rebuild"
sd check
expect_rc 0 "check is clean after the rebuild"
sd downgrade
expect_rc 0 "downgrade"
contains "$(q app.db "SELECT sql FROM sqlite_schema WHERE name = 'tr_items_qty'")" "'qty; changed'" "the downgrade puts the old trigger back"
equals "$(q app.db "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name)")" "stocked,stocked_ids" "and the views"
cd .. || exit 1

finish
