#!/bin/bash
# cli_crev.sh - C revisions through the binary: the seed workflow with
# --format c (SQLite, and PostgreSQL when SCHEMADIFF_TEST_PGURI is set), a
# hand-written data migration with hostile bound values, the compile cache
# (objects planted in the project, tampered or in unsafe directories are
# never loaded), a compile error, and `upgrade --sql` equal to an SQL
# revision's. TAP.
. "$(dirname "$0")/lib.sh"

V=migrations/versions
ROOT=$T

# ---- the seed workflow on SQLite, --format c ----------------------------
mkdir "$ROOT/seed" && cd "$ROOT/seed" || exit 1
sd init --format c
expect_rc 0 "init --format c"
contains "$(cat schemadiff.yaml)" "format: c" "the config says format: c"
sd generate -m "Initial"
expect_rc 0 "generate writes a C revision"
REV1_FILE=$OUT
matches "$REV1_FILE" '^migrations/versions/[0-9a-f]{12}_initial\.c$' "named <id>_initial.c"
contains "$(head -8 "$REV1_FILE")" " * dialect: sqlite" "the header is in a leading comment"
contains "$(cat "$REV1_FILE")" '#include <schemadiff/revision.h>' "includes the revision API"
contains "$(cat "$REV1_FILE")" 'sd_table_begin(m, "users");' "calls the table API"
REV1=$(basename "$REV1_FILE" | cut -c1-12)
sd show "$REV1"
expect_rc 0 "show a C revision"
contains "$OUT" 'int upgrade(sd_migration *m)' "show prints its source"
sd upgrade
expect_rc 0 "upgrade compiles and runs the C revision"
check "users exists" table_exists app.db users
equals "$(q app.db "SELECT revision FROM schemadiff_version")" "$REV1" "version row after upgrade"
sd check
expect_rc 0 "check is clean after the C revision"
q app.db "INSERT INTO users (username) VALUES ('alice')"

cat >> models.yaml <<'EOF'
      - {name: email, type: string(120), unique: true}
EOF
sd generate -m "Add email to User"
expect_rc 0 "generate the second C revision"
REV2_FILE=$OUT
REV2=$(basename "$REV2_FILE" | cut -c1-12)
contains "$(cat "$REV2_FILE")" "sd_add_column(m, \"users\"" "adds the column through the API"
sd upgrade
expect_rc 0 "upgrade to the second revision"
check "users.email exists" column_exists app.db users email
check "uq_users_email exists" index_exists app.db uq_users_email
equals "$(q app.db "SELECT username FROM users")" "alice" "rows survive"
sd downgrade
expect_rc 0 "downgrade runs the C downgrade"
if column_exists app.db users email; then not_ok "email is gone after downgrade"; else ok "email is gone after downgrade"; fi
equals "$(q app.db "SELECT revision FROM schemadiff_version")" "$REV1" "back at the first revision"
sd downgrade base
expect_rc 0 "downgrade base"
if table_exists app.db users; then not_ok "users is gone at base"; else ok "users is gone at base"; fi

# ---- the compile cache ---------------------------------------------------
nso() { find "$XDG_CACHE_HOME/schemadiff" -name "*.so" | wc -l; }
N0=$(nso)
sd upgrade
expect_rc 0 "upgrade again"
equals "$(nso)" "$N0" "unchanged revisions are not recompiled (no new object)"
sd downgrade
printf '\n/* reviewed */\n' >> "$REV2_FILE"
sd upgrade
expect_rc 0 "upgrade after editing the revision"
equals "$(nso)" "$((N0 + 1))" "an edited revision compiles to a new cached object"

# ---- never load what schemadiff did not build -----------------------------
# An object whose constructor leaves a marker file and whose upgrade() does
# nothing: loading it would record the revision without changing anything.
MARKER=$ROOT/MARKER
cat >"$ROOT/planted.c" <<EOF
#include <stdio.h>
__attribute__((constructor)) static void planted(void)
{
	FILE *f = fopen("$MARKER", "w");
	if (f) { fputs("planted code ran\n", f); fclose(f); }
}
int upgrade(void *m) { (void)m; return 0; }
int downgrade(void *m) { (void)m; return 0; }
EOF
${CC:-cc} -shared -fPIC -o "$ROOT/planted.so" "$ROOT/planted.c" || exit 1
export XDG_CACHE_HOME=$ROOT/plant-cache # this project's objects only
CACHE=$XDG_CACHE_HOME/schemadiff
sha() { sha256sum "$1" | cut -c1-64; }
not_planted() { # LABEL: the marker is absent and the revision really ran
	if [ -e "$MARKER" ]; then
		not_ok "$1: the planted object is never loaded"
		rm -f "$MARKER"
	else
		ok "$1: the planted object is never loaded"
	fi
	check "$1: the real revision ran (users exists)" table_exists app.db users
}
mkdir "$ROOT/plant" && cd "$ROOT/plant" || exit 1
sd init --format c
cp "$ROOT/seed/models.yaml" models.yaml
sd generate -m "Initial"
PFILE=$OUT
# where schemadiff used to look: .schemadiff-cache/<sha256(source, ABI)>.so
OLDKEY=$({ cat "$PFILE"; printf '\n/* schemadiff revision ABI 1 */\n'; } | sha256sum | cut -c1-64)
mkdir .schemadiff-cache && cp "$ROOT/planted.so" ".schemadiff-cache/$OLDKEY.so"
cp "$ROOT/planted.so" .schemadiff-cache/"$(sha "$PFILE")".so
sd upgrade
expect_rc 0 "upgrade with an object planted in the project"
not_planted "planted in .schemadiff-cache/"
equals "$(q app.db "SELECT count(*) FROM schemadiff_version")" 1 "the revision is recorded once"
equals "$(find "$CACHE" -maxdepth 1 -name '*.so' | wc -l)" 1 "the object went to the user's cache"
equals "$(stat -c %a "$CACHE")" 700 "the cache directory is private (0700)"
OBJ=$(find "$CACHE" -maxdepth 1 -name '*.so')
MAN=${OBJ%.so}.manifest
equals "$(stat -c %a "$OBJ") $(stat -c %a "$MAN")" "600 600" "object and manifest are private (0600)"
equals "$(sed -n 's/^object-sha256: //p' "$MAN")" "$(sha "$OBJ")" "the manifest records the object's SHA-256"
contains "$(cat "$MAN")" "source-sha256: $(sha "$PFILE")" "and the source's"

# a tampered object in the cache: rebuilt, never loaded
sd downgrade base
cp "$ROOT/planted.so" "$OBJ" && chmod 600 "$OBJ"
sd upgrade
expect_rc 0 "upgrade with a tampered object in the cache"
not_planted "tampered cache object"
contains "$ERR" "SHA-256 differs" "the tampered object is reported"
equals "$(sha "$OBJ")" "$(sed -n 's/^object-sha256: //p' "$MAN")" "the object is rebuilt and matches its manifest again"

# A forged pair: the planted object with a manifest that matches it, as only
# the cache's owner could write. Unsafe directories are never used.
forge() {
	local so=$1/${OBJ##*/} man=$1/${MAN##*/}
	cp "$ROOT/planted.so" "$so" && chmod 600 "$so"
	sed "s/^object-sha256: .*/object-sha256: $(sha "$ROOT/planted.so")/" "$MAN" >"$man.new"
	chmod 600 "$man.new" && mv "$man.new" "$man"
}
UNSAFE=$ROOT/other-cache
mkdir -m 700 "$UNSAFE"
printf 'cache: %s\n' "$UNSAFE" >>schemadiff.yaml
forge "$UNSAFE"
unsafe_case() { # LABEL EXPECTED-REASON
	sd downgrade base
	sd upgrade
	expect_rc 0 "$1: upgrade runs"
	not_planted "$1"
	contains "$ERR" "$2" "$1: says why the cache is not used"
	equals "$(sha "$UNSAFE/${OBJ##*/}")" "$(sha "$ROOT/planted.so")" "$1: nothing is written into it"
}
chmod 0777 "$UNSAFE"
unsafe_case "world-writable cache (0777)" "is writable by others"
chmod 0770 "$UNSAFE"
unsafe_case "group-writable cache (0770)" "is writable by its group"
chmod 0700 "$UNSAFE"
if [ "$(id -u)" = 0 ]; then
	chown nobody "$UNSAFE"
	unsafe_case "a cache owned by another user" "belongs to uid $(id -u nobody)"
	chown 0 "$UNSAFE"
else
	for d in "upgrade runs" "the planted object is never loaded" "the real revision ran" \
	         "says why" "nothing is written into it"; do
		skip "a cache owned by another user: $d" "needs root to chown"
	done
fi
# `cache:` pointing into the project (the old location included)
sed -i '/^cache:/d' schemadiff.yaml
printf 'cache: .schemadiff-cache\n' >>schemadiff.yaml
chmod 700 .schemadiff-cache
forge .schemadiff-cache
sd downgrade base
sd upgrade
not_planted "cache: .schemadiff-cache"
contains "$ERR" "lies inside the project" "a cache inside the project is refused"
# Control: the same forged pair in a safe cache of the user's is trusted
# (it is the user's own files), which shows that the cases above were
# refused for their directory alone.
sed -i '/^cache:/d' schemadiff.yaml
printf 'cache: %s\n' "$UNSAFE" >>schemadiff.yaml
sd downgrade base
sd upgrade
if [ -e "$MARKER" ]; then
	ok "control: the forged pair in a private cache of the user's loads"
else
	not_ok "control: the forged pair in a private cache of the user's loads"
fi
rm -f "$MARKER"

# ---- upgrade --sql: the same SQL as an SQL revision ----------------------
strip_ids() { grep -v -e '^-- upgrade' -e 'schemadiff_version' ; }
mkdir "$ROOT/sqlproj" && cd "$ROOT/sqlproj" || exit 1
sd init --format sql
cp "$ROOT/seed/models.yaml" models.yaml
sd generate -m "Initial"
SQLOUT=$(cd "$ROOT/sqlproj" && "$SD" upgrade --sql base:head | strip_ids)
sd upgrade
mkdir "$ROOT/cproj" && cd "$ROOT/cproj" || exit 1
sd init --format c
cp "$ROOT/seed/models.yaml" models.yaml
sd generate -m "Initial"
COUT=$("$SD" upgrade --sql base:head | strip_ids)
equals "$COUT" "$SQLOUT" "upgrade --sql of a C revision prints the SQL revision's statements"
lacks "$COUT" "known only when it runs" "no placeholder for the C revision"

# ---- a hand-written data migration with bound parameters -----------------
cd "$ROOT/cproj" || exit 1
sd upgrade
sd revision -m "Fill display names" --format c
expect_rc 0 "revision --format c"
DATA_FILE=$OUT
matches "$DATA_FILE" '_fill_display_names\.c$' "an empty C revision"
head -n "$(grep -n '^ \*/' "$DATA_FILE" | head -1 | cut -d: -f1)" "$DATA_FILE" > "$T/hdr"
cat "$T/hdr" - > "$DATA_FILE" <<'EOF'

#include <schemadiff/revision.h>

#include <stddef.h>

static const char *const names[] = {
	"x'); DROP TABLE users; --",
	"O'Brien",
	"Zoë 日本語 \"quoted\" \\ back",
	NULL,
};

int upgrade(sd_migration *m)
{
	sd_cursor *c;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		sd_execute(m, "INSERT INTO users (username, email) VALUES ('u' || $1, $2)",
		           i == 0 ? "0" : i == 1 ? "1" : i == 2 ? "2" : "3", names[i]);
	sd_add_column(m, "users", sd_column_begin(m, "display", "text", 0));
	if ((rc = sd_query(&c, m, "SELECT id, email FROM users ORDER BY id")) < 0)
		return rc;
	while (sd_cursor_next(c))
		sd_execute(m, "UPDATE users SET display = $1 WHERE id = $2",
		           sd_cursor_text(c, 1), sd_cursor_text(c, 0));
	sd_cursor_free(c);
	return sd_migration_status(m);
}

int downgrade(sd_migration *m)
{
	sd_drop_column(m, "users", "display");
	return sd_execute(m, "DELETE FROM users WHERE username LIKE 'u%'");
}
EOF
sd upgrade
expect_rc 0 "the data migration runs"
check "users still exists" table_exists app.db users
equals "$(q app.db "SELECT count(*) FROM users WHERE display = email")" "3" "three rows filled from existing values"
equals "$(q app.db "SELECT display FROM users WHERE username = 'u0'")" "x'); DROP TABLE users; --" "an injection attempt is stored verbatim"
equals "$(q app.db "SELECT display FROM users WHERE username = 'u1'")" "O'Brien" "a quote is stored verbatim"
equals "$(q app.db "SELECT display FROM users WHERE username = 'u2'")" 'Zoë 日本語 "quoted" \ back' "unicode, quotes and backslashes verbatim"
equals "$(q app.db "SELECT display IS NULL AND email IS NULL FROM users WHERE username = 'u3'")" "1" "NULL stays NULL"
DATA_REV=$(basename "$DATA_FILE" | cut -c1-12)
CREV1=$(basename "$(ls $V/*_initial.c)" | cut -c1-12)
OFF=$("$SD" upgrade --sql "$CREV1:$DATA_REV" 2>&1)
contains "$OFF" "VALUES ('u' || '0', 'x''); DROP TABLE users; --')" "offline mode shows bound values as literals"
sd downgrade
expect_rc 0 "the data migration's downgrade"
if column_exists app.db users display; then not_ok "display is gone"; else ok "display is gone"; fi

# ---- a compile error -----------------------------------------------------
cd "$ROOT/cproj" || exit 1
BEFORE=$(q app.db "SELECT revision FROM schemadiff_version")
sed -i 's/sd_cursor \*c;/sd_cursor *c = ;/' "$DATA_FILE"
sd upgrade
expect_rc 2 "a compile error is exit 2"
contains "$ERR" "$(basename "$DATA_FILE")" "the error names the file"
contains "$ERR" "error:" "and shows the compiler's message"
equals "$(q app.db "SELECT revision FROM schemadiff_version")" "$BEFORE" "the database stays at the previous revision"

# ---- PostgreSQL ----------------------------------------------------------
if ! pg_server; then
	for d in "c: generate" "c: upgrade" "c: second revision" "identity id" \
	         "unique constraint" "check clean" "downgrade base" "the enum is gone" \
	         "sql: generate" "sql: upgrade" "sql: second revision" \
	         "--sql equals the SQL revision's"; do
		skip "PostgreSQL $d" "no PostgreSQL"
	done
	finish
fi
DBNAME=sd_crev_$$
pg_database $DBNAME
pq() { psql "$URL" -qtAc "$1"; }
export SCHEMADIFF_DATABASE_URL=$URL
cat > "$ROOT/pg_models1.yaml" <<'EOF'
enums:
  - name: user_status
    values: [active, banned]
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
      - {name: status, type: enum(user_status), default: "'active'"}
EOF
cp "$ROOT/pg_models1.yaml" "$ROOT/pg_models2.yaml"
cat >> "$ROOT/pg_models2.yaml" <<'EOF'
      - {name: email, type: string(120), unique: true}
EOF
# two revisions in format $1; leaves the database at head
two_revisions() {
	sd init --format "$1"
	cp "$ROOT/pg_models1.yaml" models.yaml
	sd generate -m "Initial"
	expect_rc 0 "PostgreSQL $1: generate"
	sd upgrade
	expect_rc 0 "PostgreSQL $1: upgrade"
	cp "$ROOT/pg_models2.yaml" models.yaml
	sd generate -m "Add email" ${2:-}
	sd upgrade
	expect_rc 0 "PostgreSQL $1: second revision"
}
mkdir "$ROOT/pg" && cd "$ROOT/pg" || exit 1
two_revisions c
equals "$(pq "SELECT is_identity FROM information_schema.columns WHERE table_name='users' AND column_name='id'")" "YES" "PostgreSQL: identity id"
equals "$(pq "SELECT count(*) FROM pg_constraint WHERE conname='uq_users_email'")" "1" "PostgreSQL: unique constraint"
sd check
expect_rc 0 "PostgreSQL: check clean"
C_SQL=$("$SD" upgrade --sql base:head | strip_ids)
sd downgrade base
expect_rc 0 "PostgreSQL: downgrade base"
equals "$(pq "SELECT count(*) FROM pg_type WHERE typname='user_status'")" "0" "PostgreSQL: the enum is gone"
mkdir "$ROOT/pgsql" && cd "$ROOT/pgsql" || exit 1
# C revisions keep the plain forms; the SQL one too here, to compare them
two_revisions sql --no-online
S_SQL=$("$SD" upgrade --sql base:head | strip_ids)
equals "$C_SQL" "$S_SQL" "PostgreSQL: --sql equals the SQL revision's"
finish
