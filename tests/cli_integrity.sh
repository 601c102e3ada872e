#!/bin/bash
# cli_integrity.sh - the applied log (<version_table>_log) keeps the SHA-256
# of every revision file as it ran; `upgrade`, `check` and `current` warn
# when an applied revision file was edited afterwards, and say so when one
# was deleted. Restoring the file silences the warning; editing a file not
# applied yet is no one's business.
SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

DB=app.db
VT=schemadiff_version

sd init >/dev/null
cat >models.yaml <<'EOF'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
EOF
sd generate -m "Users"
A=$OUT
AID=$(basename "$A" | cut -c1-12)
sd upgrade
expect_rc 0 "upgrade the first revision"
cat >>models.yaml <<'EOF'
      - {name: email, type: string(120)}
EOF
sd generate -m "Email"
B=$OUT
BID=$(basename "$B" | cut -c1-12)
sd upgrade
expect_rc 0 "upgrade the second revision"

equals "$(q $DB "SELECT revision || ' ' || checksum FROM ${VT}_log WHERE operation = 'upgrade' ORDER BY applied_at, rowid" | tr '\n' '|')" \
	"$AID $(sha256sum <"$A" | cut -c1-64)|$BID $(sha256sum <"$B" | cut -c1-64)|" \
	"the applied log holds each file's SHA-256"

for cmd in upgrade check current; do
	sd $cmd
	lacks "$ERR" "warning" "$cmd: no warning while the files are as applied"
done

# ---- an applied file edited afterwards ------------------------------------------
cp "$A" "$T/a.orig"
sed -i 's/^CREATE TABLE "users"/CREATE TABLE IF NOT EXISTS "users"/' "$A"
for cmd in upgrade check current "check --json" "current --json"; do
	sd $cmd
	expect_rc 0 "$cmd: still succeeds with an edited applied file"
	matches "$ERR" "^schemadiff: warning: .*$(basename "$A").*$AID.*edited after it was applied" \
		"$cmd: warns that revision $AID was edited after it was applied, naming the file"
	lacks "$ERR" "$BID" "$cmd: and only that revision"
done
sd check --json
contains "$OUT" '"status"' "check --json: stdout stays JSON with the warning on stderr"
cp "$T/a.orig" "$A"
for cmd in upgrade check current; do
	sd $cmd
	lacks "$ERR" "warning" "$cmd: the warning goes away when the file is restored"
done

# a file edited while not applied is not reported
sd downgrade
sed -i 's/^-- Email$/-- Email, reviewed/' "$B"
sd current
lacks "$ERR" "warning" "current: an edited file that is not applied is not reported"
sd upgrade
expect_rc 0 "upgrade the edited, unapplied revision"
sd current
lacks "$ERR" "warning" "current: applied as edited, no warning"
equals "$(q $DB "SELECT checksum FROM ${VT}_log WHERE revision = '$BID' AND operation = 'upgrade' ORDER BY rowid DESC LIMIT 1")" \
	"$(sha256sum <"$B" | cut -c1-64)" "the log records the checksum of the file as it ran the second time"

# ---- an applied file deleted afterwards -----------------------------------------
mv "$B" "$T/b.saved"
for cmd in upgrade current; do
	sd $cmd
	expect_rc 2 "$cmd: the head's file deleted: exit 2"
	contains "$ERR" "$BID" "$cmd: names the revision whose file is gone"
	contains "$ERR" "no file" "$cmd: and says its file is missing"
done
sd check
expect_rc 0 "check: still compares models and database without the file"
matches "$ERR" "^schemadiff: warning: .*$BID.*" "check: warns that the applied revision $BID has no file"
mv "$T/b.saved" "$B"
mv "$A" "$T/a.saved"
sd current
expect_rc 2 "current: an applied middle file deleted: exit 2"
contains "$ERR" "$AID" "current: names the missing revision"
sd check
expect_rc 0 "check: a deleted middle file does not stop check"
matches "$ERR" "^schemadiff: warning: .*$AID" "check: warns about the missing revision file"
mv "$T/a.saved" "$A"
sd check
lacks "$ERR" "warning" "check: all files back, no warning"

# ---- check on a database schemadiff does not manage -------------------------------
rm -f other.db
sqlite3 other.db 'CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(120))'
sd --database sqlite:///other.db check
expect_rc 0 "check on an unmanaged database is clean"
lacks "$ERR" "warning" "check on an unmanaged database: no revision warnings"
finish
