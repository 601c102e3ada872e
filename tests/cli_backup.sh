#!/bin/bash
# cli_backup.sh - `upgrade/downgrade --backup PATH`: the backup is taken
# before anything runs and holds the database as it was (restored with
# SQLite's .restore and with pg_restore, then the rows checked); it is
# private (0600) whatever the umask; an existing file is never replaced
# without --force; a backup that cannot be written stops the run with
# nothing applied (exit 3); nothing pending, no backup; --backup with --sql
# is bad usage. Ordinary files (revisions) keep the umask. PostgreSQL
# parts need SCHEMADIFF_TEST_PGURI. TAP.
SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

ROOT=$T
umask 000 # the backup must not take the umask's mode
mode() { stat -c %a "$1"; }
# no_leftovers DIR LABEL: no temporary file of a backup remains
no_leftovers() {
	local left
	left=$(find "$1" -maxdepth 1 -name '.*.??????*' ! -name '.stderr' ! -name '.cache' | head -3)
	equals "$left" "" "$2: no temporary file left behind"
}

# ---- SQLite ------------------------------------------------------------
mkdir "$ROOT/lite" && cd "$ROOT/lite" || exit 1
sd init
cat >models.yaml <<'EOF'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
EOF
sd generate -m "Initial"
REV1=$(basename "$OUT" | cut -c1-12)
equals "$(mode "$OUT")" 666 "a revision file takes the umask (0666 under umask 000); only backups are private"
sd upgrade
q app.db "INSERT INTO users (username) VALUES ('alice'), ('bob')"
cat >>models.yaml <<'EOF'
      - {name: email, type: string(120)}
EOF
sd generate -m "Add email"
REV2=$(basename "$OUT" | cut -c1-12)

sd upgrade --backup before.db
expect_rc 0 "upgrade --backup on SQLite"
contains "$ERR" "backed up sqlite:///app.db to before.db" "says where the backup went"
check "the upgrade ran after the backup" column_exists app.db users email
equals "$(mode before.db)" 600 "the backup is private (0600) under umask 000"
equals "$(q before.db "SELECT username FROM users ORDER BY id" | tr '\n' ' ')" "alice bob " "the backup holds the rows"
if column_exists before.db users email; then
	not_ok "the backup is the database before the upgrade"
else
	ok "the backup is the database before the upgrade"
fi
equals "$(q before.db "SELECT revision FROM schemadiff_version")" "$REV1" "the backup is at the previous revision"
equals "$(q before.db "PRAGMA integrity_check")" ok "the backup passes integrity_check"
no_leftovers . "SQLite"

# restore as the README says, then carry on
q app.db "INSERT INTO users (username, email) VALUES ('carol', 'c@x')"
sqlite3 app.db ".restore before.db"
equals "$(q app.db "SELECT username FROM users ORDER BY id" | tr '\n' ' ')" "alice bob " "restore: the rows of the backup"
if column_exists app.db users email; then not_ok "restore: the schema of the backup"; else ok "restore: the schema of the backup"; fi
sd current
contains "$OUT" "$REV1" "restore: schemadiff sees the previous revision"
sd upgrade
expect_rc 0 "restore: upgrade again"
check "restore: upgraded again" column_exists app.db users email

# an existing file is never replaced without --force; nothing runs
printf 'precious\n' >keep.db
chmod 644 keep.db
sd downgrade --backup keep.db
expect_rc 2 "an existing backup file: refused (exit 2)"
contains "$ERR" "keep.db exists; not overwriting it" "says the file exists"
contains "$ERR" "--force" "and how to replace it"
equals "$(cat keep.db)" precious "the existing file is untouched"
equals "$(q app.db "SELECT revision FROM schemadiff_version")" "$REV2" "nothing was reverted"
ln -s keep.db link.db
sd downgrade --backup link.db
expect_rc 2 "a symlink at PATH counts as existing"
equals "$(cat keep.db)" precious "its target is untouched"
ln -s "$ROOT/lite/nowhere.db" dangling.db
sd downgrade --backup dangling.db
expect_rc 2 "a dangling symlink at PATH counts as existing"
check "nothing is created through it" test ! -e nowhere.db
sd downgrade --backup keep.db --force
expect_rc 0 "--force replaces the file"
equals "$(mode keep.db)" 600 "the replaced file is private (0600), not the old 0644"
equals "$(q keep.db "SELECT revision FROM schemadiff_version")" "$REV2" "it holds the database before the downgrade"
if column_exists app.db users email; then not_ok "the downgrade ran"; else ok "the downgrade ran"; fi
no_leftovers . "--force"

# a backup that cannot be written: exit 3, nothing applied, nothing left
sd upgrade --backup "$ROOT/lite/no-such-dir/b.db"
expect_rc 3 "an unwritable backup path: exit 3"
contains "$ERR" "cannot write the backup" "says the backup failed"
contains "$ERR" "nothing was applied" "and that nothing ran"
equals "$(q app.db "SELECT revision FROM schemadiff_version")" "$REV1" "the database stayed where it was"

# nothing pending: no backup
sd upgrade
sd upgrade --backup none.db
expect_rc 0 "at head with --backup"
contains "$ERR" "already at head; no backup taken" "says no backup was taken"
check "no file is written" test ! -e none.db

# bad usage
sd upgrade --sql --backup x.db
expect_rc 2 "--backup with --sql: exit 2"
contains "$ERR" "--backup cannot be used with --sql" "says why"
sd upgrade --force
expect_rc 2 "--force without --backup: exit 2"
check "nothing written for bad usage" test ! -e x.db

# ---- PostgreSQL ---------------------------------------------------------
if ! pg_server; then
	for d in "upgrade --backup" "0600" "custom format" "pg_restore into a new database" \
	         "pg_restore --clean in place" "pg_dump missing" "pg_dump failing"; do
		skip "PostgreSQL: $d" "no PostgreSQL"
	done
	finish
fi
DB=sd_backup_$$
pg_database $DB
on_exit 'psql "$BASE" -qXc "DROP DATABASE IF EXISTS ${DB}_r WITH (FORCE)" >/dev/null 2>&1'
pq() { psql "$1" -qtAXc "$2"; }
mkdir "$ROOT/pg" && cd "$ROOT/pg" || exit 1
export SCHEMADIFF_DATABASE_URL=$URL
sd init
cp "$ROOT/lite/models.yaml" models.yaml
sed -i '/email/d' models.yaml
sd generate -m "Initial"
PREV1=$(basename "$OUT" | cut -c1-12)
sd upgrade
pq "$URL" "INSERT INTO users (username) VALUES ('alice'), ('bob')"
cp "$ROOT/lite/models.yaml" models.yaml
sd generate -m "Add email"

sd upgrade --backup pg.dump
expect_rc 0 "PostgreSQL: upgrade --backup"
equals "$(mode pg.dump)" 600 "PostgreSQL: the backup is private (0600) under umask 000"
contains "$(pg_restore -l pg.dump 2>&1)" "TABLE DATA public users" "PostgreSQL: a custom-format dump with the rows"
equals "$(pq "$URL" "SELECT count(*) FROM information_schema.columns WHERE table_name='users' AND column_name='email'")" 1 "PostgreSQL: the upgrade ran after it"
no_leftovers . "PostgreSQL"

# restore into a new database
psql "$BASE" -qXc "CREATE DATABASE ${DB}_r" >/dev/null
pg_restore --no-owner -d "$SERVER/${DB}_r" pg.dump
equals "$(pq "$SERVER/${DB}_r" "SELECT string_agg(username, ' ' ORDER BY id) FROM users")" "alice bob" "PostgreSQL: pg_restore into a new database has the rows"
equals "$(pq "$SERVER/${DB}_r" "SELECT revision FROM schemadiff_version")" "$PREV1" "PostgreSQL: and the previous revision"
# restore in place, as the README says
pq "$URL" "INSERT INTO users (username, email) VALUES ('carol', 'c@x')" >/dev/null
pg_restore --clean --if-exists --no-owner -d "$URL" pg.dump
equals "$(pq "$URL" "SELECT string_agg(username, ' ' ORDER BY id) FROM users")" "alice bob" "PostgreSQL: pg_restore --clean in place brings the rows back"
equals "$(pq "$URL" "SELECT count(*) FROM information_schema.columns WHERE table_name='users' AND column_name='email'")" 0 "PostgreSQL: and the schema"
sd current
contains "$OUT" "$PREV1" "PostgreSQL: schemadiff sees the previous revision"

# no pg_dump, or a failing one: exit 3, nothing applied, nothing left
mkdir "$ROOT/nobin"
run env PATH="$ROOT/nobin" "$SD" upgrade --backup missing.dump
expect_rc 3 "PostgreSQL: pg_dump missing: exit 3"
contains "$ERR" "postgresql-client" "PostgreSQL: names the package to install"
check "PostgreSQL: no file for a failed backup" test ! -e missing.dump
mkdir "$ROOT/badbin"
printf '#!/bin/sh\necho "pg_dump: error: simulated failure" >&2\nexit 1\n' >"$ROOT/badbin/pg_dump"
chmod +x "$ROOT/badbin/pg_dump"
run env PATH="$ROOT/badbin:$PATH" "$SD" upgrade --backup failed.dump
expect_rc 3 "PostgreSQL: pg_dump failing: exit 3"
contains "$ERR" "simulated failure" "PostgreSQL: shows pg_dump's message"
check "PostgreSQL: no file for a failed dump" test ! -e failed.dump
no_leftovers . "PostgreSQL failures"
equals "$(pq "$URL" "SELECT revision FROM schemadiff_version")" "$PREV1" "PostgreSQL: nothing was applied"
finish
