#!/bin/bash
# cli_lint.sh - `schemadiff lint` on hand-written revisions, without any
# database server: the exact findings (file:line, level, message, lock),
# the exit status at each --fail-on level, --json, which revisions it picks
# (the heads when the database cannot be reached, ranges, ids), SQLite
# rebuilds and drops, C revisions through the statements they emit, and
# malformed steps as bad input.
. "$(dirname "$0")/lib.sh"

V=migrations/versions

# rev ID PARENT SLUG DIALECT HEADER-EXTRA UPGRADE
rev() {
	cat >"$V/$1_$3.sql" <<EOF
-- $3
--
-- revision: $1
-- revises: $2
-- created: 2026-01-01T00:00:00Z
-- dialect: $4
$5
-- schemadiff:upgrade
$6

-- schemadiff:downgrade
EOF
}

mkdir -p pg/$V && cd pg || bail "no dir"
# a URL no server answers: lint works on the files alone
printf 'database: postgresql://nobody@127.0.0.1:1/none?connect_timeout=2\n' >schemadiff.yaml
rev aaaa00000001 "" base postgresql "" 'CREATE TABLE users (id int PRIMARY KEY, name text, age int);'
rev bbbb00000002 aaaa00000001 hazards postgresql "" 'CREATE INDEX ix_users_age ON users (age);
ALTER TABLE users ADD CONSTRAINT ck_age CHECK (age > 0);
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
ALTER TABLE users DROP COLUMN age;
CREATE TABLE posts (id int, user_id int);
CREATE INDEX ix_posts_user ON posts (user_id);'

sd lint
expect_rc 1 "a blocking hazard: exit 1"
contains "$ERR" "cannot reach the database" "no database: says so"
contains "$ERR" "linting the head revision bbbb00000002" "no database: lints the head"
same "migrations/versions/bbbb00000002_hazards.sql:9: blocking: builds index ix_users_age on users: writes wait until the build ends; use CREATE INDEX CONCURRENTLY in a \`-- schemadiff:step nontransactional\` step
    lock: SHARE on users, blocks writes
    CREATE INDEX ix_users_age ON users (age)
migrations/versions/bbbb00000002_hazards.sql:10: blocking: ADD CHECK ck_age checks every row of users while the lock is held; add it NOT VALID, then VALIDATE CONSTRAINT in a later step
    lock: ACCESS EXCLUSIVE on users, blocks reads and writes
    ALTER TABLE users ADD CONSTRAINT ck_age CHECK (age > 0)
migrations/versions/bbbb00000002_hazards.sql:11: blocking: SET NOT NULL on users.name scans the table while reads and writes wait; add CHECK (name IS NOT NULL) NOT VALID and VALIDATE it in an earlier step, so the server proves it without a scan
    lock: ACCESS EXCLUSIVE on users, blocks reads and writes
    ALTER TABLE users ALTER COLUMN name SET NOT NULL
migrations/versions/bbbb00000002_hazards.sql:11: warning: SET NOT NULL on users.name without a backfill in this revision: fails if a row holds NULL
    lock: ACCESS EXCLUSIVE on users, blocks reads and writes
    ALTER TABLE users ALTER COLUMN name SET NOT NULL
migrations/versions/bbbb00000002_hazards.sql:12: data-loss: drops column users.age: its values are gone
    lock: ACCESS EXCLUSIVE on users, blocks reads and writes
    ALTER TABLE users DROP COLUMN age" "$OUT" "the exact findings, each with file:line, level, lock and statement"
contains "$ERR" "1 revision, 5 findings, 4 at blocking or above" "a summary on stderr"
lacks "$OUT" "posts" "a table created in the revision has no hazards"
sd lint --fail-on data-loss
expect_rc 1 "--fail-on data-loss: the dropped column fails"
sd lint aaaa00000001
expect_rc 0 "the base revision only creates: exit 0"
same "" "$OUT" "and nothing to report"
sd lint base:head --fail-on info
expect_rc 1 "a range at --fail-on info"
contains "$ERR" "2 revisions" "the range holds both revisions"
sd lint --json
expect_rc 1 "--json: same exit status"
python3 - "$OUT" <<'EOF'
import json, sys
d = json.loads(sys.argv[1])
assert d["fail_on"] == "blocking" and d["failed"] is True, d
f = d["findings"]
assert [x["line"] for x in f] == [9, 10, 11, 11, 12], f
assert f[0] == {"level": "blocking", "hazard": "index-build",
                "file": "migrations/versions/bbbb00000002_hazards.sql", "line": 9,
                "revision": "bbbb00000002", "table": "users", "lock": "SHARE",
                "blocks": "writes", "statement": "CREATE INDEX ix_users_age ON users (age)",
                "message": f[0]["message"]}, f[0]
assert f[4]["level"] == "data-loss" and f[4]["hazard"] == "data-loss"
EOF
same 0 "$?" "--json: every finding with its file, line, level, lock and statement"

# the same change written online is clean at the default level
rev cccc00000003 bbbb00000002 online postgresql "-- transaction: steps" 'ALTER TABLE users ADD CONSTRAINT ck_name CHECK (name <> '"''"') NOT VALID;

-- schemadiff:step
ALTER TABLE users VALIDATE CONSTRAINT ck_name;

-- schemadiff:step nontransactional
CREATE INDEX CONCURRENTLY ix_users_name ON users (name);

-- schemadiff:step batch
UPDATE users SET name = '"'?'"' WHERE name IS NULL;'
sd lint cccc00000003
expect_rc 0 "an online revision passes the default gate"
contains "$OUT" "cccc00000003_online.sql:14: info: step 3 runs outside a transaction" "its nontransactional step is an info"
contains "$OUT" "cccc00000003_online.sql:18: info: updates users in batches" "its batch step is an info"
sd lint cccc00000003 --fail-on info
expect_rc 1 "--fail-on info counts infos"

# mistakes in steps are bad input, with the line
rev dddd00000004 cccc00000003 nostep postgresql "" 'SELECT 1;
-- schemadiff:step
SELECT 2;'
sd lint dddd00000004
expect_rc 2 "a step marker without 'transaction: steps' is bad input"
contains "$ERR" "dddd00000004_nostep.sql:10: a step marker in a revision whose header does not say 'transaction: steps'" \
	"naming the file and line"
rm "$V"/dddd00000004_nostep.sql
rev dddd00000004 cccc00000003 badbatch postgresql "-- transaction: steps" '-- schemadiff:step batch
UPDATE users SET name = 1 WHERE name IS NULL;
UPDATE users SET age = 1 WHERE age IS NULL;'
sd lint dddd00000004
expect_rc 2 "a batch step of two statements is bad input"
contains "$ERR" "dddd00000004_badbatch.sql:9: a batch step holds one UPDATE statement, this one has 2" "with its line"
rm "$V"/dddd00000004_badbatch.sql
sd lint --fail-on fatal
expect_rc 2 "an unknown level is bad usage"
sd lint ffff
expect_rc 2 "an unknown revision is bad usage"

# ---- SQLite: the database is reachable: its pending revisions ----------------
# table settings: SET LOGGED rewrites the table; CLUSTER ON, storage
# parameters and SET STATISTICS only take SHARE UPDATE EXCLUSIVE
cd "$T" && mkdir -p settings/$V && cd settings || bail "no dir"
printf 'database: postgresql://nobody@127.0.0.1:1/none?connect_timeout=2\n' >schemadiff.yaml
rev aaaa00000001 "" base postgresql "" 'CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text);'
rev bbbb00000002 aaaa00000001 settings postgresql "" 'ALTER TABLE cache SET LOGGED;
ALTER TABLE cache REPLICA IDENTITY FULL;'
sd lint bbbb00000002
expect_rc 1 "SET LOGGED: a blocking hazard"
same "migrations/versions/bbbb00000002_settings.sql:9: blocking: SET LOGGED rewrites cache and its indexes while reads and writes wait
    lock: ACCESS EXCLUSIVE on cache, blocks reads and writes
    ALTER TABLE cache SET LOGGED" "$OUT" "SET LOGGED: the finding and its lock"
rev cccc00000003 bbbb00000002 weak postgresql "" 'ALTER TABLE cache CLUSTER ON cache_pkey;
ALTER TABLE cache SET (fillfactor = 70);
ALTER TABLE cache RESET (autovacuum_enabled);
ALTER TABLE cache ALTER COLUMN v SET STATISTICS 500;
ALTER TABLE cache VALIDATE CONSTRAINT ck_v;'
sd lint cccc00000003
expect_rc 0 "CLUSTER ON, SET/RESET, SET STATISTICS: no hazard"
same "migrations/versions/cccc00000003_weak.sql:13: info: validates ck_v: scans cache, reads and writes go on
    lock: SHARE UPDATE EXCLUSIVE on cache, blocks schema changes only
    ALTER TABLE cache VALIDATE CONSTRAINT ck_v" "$OUT" \
	"CLUSTER ON, storage parameters, SET STATISTICS: SHARE UPDATE EXCLUSIVE, so a validation after them in the same transaction keeps writers going"

cd "$T" && mkdir -p lite/$V && cd lite || bail "no dir"
printf 'database: sqlite:///app.db\n' >schemadiff.yaml
rev aaaa00000001 "" base sqlite "" 'CREATE TABLE "users" ("id" INTEGER PRIMARY KEY, "name" TEXT, "age" INTEGER);'
sd upgrade
expect_rc 0 "sqlite: upgrade the base"
rev bbbb00000002 aaaa00000001 rebuild sqlite "" 'CREATE TABLE "new_users" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL, "age" INTEGER);
INSERT INTO "new_users" ("id", "name", "age") SELECT "id", "name", "age" FROM "users";
DROP TABLE "users";
ALTER TABLE "new_users" RENAME TO "users";
CREATE INDEX "ix_users_age" ON "users" ("age");
ALTER TABLE "users" DROP COLUMN "age";'
sd lint --fail-on info
expect_rc 1 "sqlite: lints the pending revision"
lacks "$ERR" "cannot reach" "sqlite: the database answers"
same "migrations/versions/bbbb00000002_rebuild.sql:11: info: rebuilds users: its rows were copied into new_users
    lock: database write lock, to the end of the revision on users, blocks other writers
    DROP TABLE \"users\"
migrations/versions/bbbb00000002_rebuild.sql:14: data-loss: drops column users.age: its values are gone
    lock: database write lock, to the end of the revision on users, blocks other writers
    ALTER TABLE \"users\" DROP COLUMN \"age\"" "$OUT" \
	"sqlite: a rebuild is a rebuild, an index on the rebuilt table no hazard, a dropped column data loss"

# ---- a C revision, through the statements it emits ---------------------------
if command -v "${CC:-cc}" >/dev/null; then
	cat >"$V/cccc00000003_c.c" <<'EOF'
/*
 * c
 *
 * revision: cccc00000003
 * revises: bbbb00000002
 * created: 2026-01-01T00:00:00Z
 * dialect: sqlite
 */
#include <schemadiff/revision.h>

int upgrade(sd_migration *m)
{
	return sd_drop_column(m, "users", "name");
}

int downgrade(sd_migration *m)
{
	(void)m;
	return 0;
}
EOF
	sd lint cccc00000003
	expect_rc 1 "C revision: lint reads what it emits"
	contains "$OUT" "migrations/versions/cccc00000003_c.c:11: data-loss: drops column users.name" \
		"C revision: the finding is at its upgrade function"
else
	skip "C revision lint" "no C compiler"
	skip "C revision lint finding" "no C compiler"
fi

finish
