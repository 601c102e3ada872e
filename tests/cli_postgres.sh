#!/bin/bash
# cli_postgres.sh - the seed workflow on PostgreSQL: transactional revisions,
# a failing revision rolled back, two concurrent upgrades under the advisory
# lock, passwords never shown. Skipped when no server answers.
. "$(dirname "$0")/lib.sh"

pg_require
DBNAME=sd_cli_$$
pg_database $DBNAME
export SCHEMADIFF_DATABASE_URL=$URL
VT=schemadiff_version
V=migrations/versions
pq() { psql "$URL" -qtAc "$1"; }

sd init
cat > models.yaml <<'EOF'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
EOF
sd generate -m "Initial"
expect_rc 0 "generate Initial on PostgreSQL"
contains "$(cat "$OUT")" "-- dialect: postgresql" "the header names postgresql"
REV1=$(basename "$OUT" | cut -c1-12)
sd upgrade
expect_rc 0 "upgrade"
equals "$(pq "SELECT revision FROM $VT")" "$REV1" "version row"
equals "$(pq "SELECT is_identity FROM information_schema.columns WHERE table_name='users' AND column_name='id'")" "YES" "id is an identity column"
sd check
expect_rc 0 "check is clean"
pq "INSERT INTO users (username) VALUES ('alice')"

cat >> models.yaml <<'EOF'
      - {name: email, type: string(120), unique: true}
EOF
sd check
expect_rc 1 "check finds users.email"
contains "$OUT" "users.email" "and names it"
sd generate -m "Add email to User"
expect_rc 0 "generate the second revision"
REV2=$(basename "$OUT" | cut -c1-12)
contains "$(cat "$OUT")" '"uq_users_email"' "the unique constraint has its convention name"
sd upgrade
expect_rc 0 "upgrade to the second revision"
equals "$(pq "SELECT count(*) FROM pg_constraint WHERE conname='uq_users_email'")" "1" "uq_users_email exists"
pq "INSERT INTO users (username, email) VALUES ('bob', 'b@example.com')"
run psql "$URL" -qtAc "INSERT INTO users (username, email) VALUES ('bob2', 'b@example.com')"
if [ "$RC" != 0 ]; then ok "a duplicate email is rejected"; else not_ok "a duplicate email is rejected"; fi
sd current
equals "$OUT" "$REV2 (head)" "current"

sd downgrade
expect_rc 0 "downgrade"
equals "$(pq "SELECT count(*) FROM information_schema.columns WHERE table_name='users' AND column_name='email'")" "0" "email gone"
equals "$(pq "SELECT count(*) FROM users")" "2" "rows kept"
sd upgrade
expect_rc 0 "upgrade again"

# a revision failing in its second statement leaves nothing behind
sd revision -m "Broken"
BROKEN=$OUT
python3 - "$BROKEN" <<'EOF'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("-- schemadiff:upgrade\n",
              "-- schemadiff:upgrade\nCREATE TABLE \"half\" (\"x\" integer);\n"
              "INSERT INTO \"no_such_table\" VALUES (1);\n")
open(p, "w").write(s)
EOF
sd upgrade
expect_rc 3 "a failing revision exits 3"
contains "$ERR" "$(basename "$BROKEN")" "naming the file"
contains "$ERR" "no_such_table" "with the server's message"
equals "$(pq "SELECT count(*) FROM pg_tables WHERE tablename='half'")" "0" "nothing half applied"
equals "$(pq "SELECT revision FROM $VT")" "$REV2" "still at the previous revision"
rm -f "$BROKEN"

# two concurrent upgrades: the advisory lock serialises them
sd downgrade base
expect_rc 0 "downgrade base"
equals "$(pq "SELECT count(*) FROM pg_tables WHERE schemaname='public' AND tablename NOT LIKE '${VT}%'")" "0" "no user tables left"
"$SD" upgrade >one.out 2>one.err &
P1=$!
"$SD" upgrade >two.out 2>two.err &
P2=$!
wait $P1; R1=$?
wait $P2; R2=$?
equals "$R1 $R2" "0 0" "two concurrent upgrades both succeed"
diag "first: $(cat one.err)" "second: $(cat two.err)"
equals "$(pq "SELECT revision FROM $VT")" "$REV2" "one version row at the head"

# dump round trip with a second schema referencing the default one
cat > models.yaml <<'EOF'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: username, type: string(50), nullable: false}
      - {name: email, type: string(120), unique: true}
  - name: invoices
    schema: billing
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: user_id, type: integer, nullable: false, references: public.users.id, on_delete: cascade}
      - {name: total, type: "numeric(10,2)", default: "0"}
    checks:
      - {name: ck_invoices_total, expression: "total >= 0"}
EOF
sd generate -m "Billing"
expect_rc 0 "generate a revision with a second schema"
sd upgrade
expect_rc 0 "upgrade it"
sd dump
expect_rc 0 "dump"
printf '%s\n' "$OUT" > dumped.yaml
contains "$OUT" "table: public.users" "a reference back to the default schema is qualified"
sed -i 's/^models: .*/models: dumped.yaml/' schemadiff.yaml
sd check
expect_rc 0 "check against the dump reports nothing"
sed -i 's/^models: .*/models: models.yaml/' schemadiff.yaml

# A trigger written SQLite's way (a body, no function) is refused at its
# line: its END would otherwise end the normaliser's transaction.
cp models.yaml models.keep
cat >>models.yaml <<'EOF'
    triggers:
      - {name: tr_sqlite_style, timing: after, events: [insert], body: "SELECT 1;"}
EOF
sd check
expect_rc 2 "a trigger with a body and no function is bad input on PostgreSQL"
contains "$ERR" "a PostgreSQL trigger executes a function" "the error says why"
matches "$ERR" "models.yaml:[0-9]+:" "at its line in the models"
mv models.keep models.yaml

# What only SQLite has (a virtual table, a column without a type) is
# refused at its line, not handed to the server.
cp models.yaml models.keep
cat >>models.yaml <<'EOF'
  - name: notes_fts
    using: "fts5(title, body)"
  - name: loose
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: anything, type: null}
EOF
sd check
expect_rc 2 "a virtual table or a typeless column is bad input on PostgreSQL"
contains "$ERR" "a virtual table (using: fts5(title, body)) is SQLite's" "the virtual table is named"
contains "$ERR" "column 'anything' has no type" "the typeless column is named"
matches "$ERR" "models.yaml:[0-9]+:" "at its line in the models"
mv models.keep models.yaml

# A sequence the models create (or drop) with its OWNED BY is one
# difference: the ownership, given after its table exists, is part of it.
cp models.yaml models.keep
cat >>models.yaml <<'EOF'
  - name: tickets
    columns:
      - {name: id, type: bigint, nullable: false, default: "nextval('tickets_id_seq'::regclass)"}
    primary_key: [id]
sequences:
  - {name: tickets_id_seq, owned_by: tickets.id}
EOF
sd check
expect_rc 1 "a new sequence with its owner is a difference"
contains "$OUT" "+ sequence tickets_id_seq (in models, missing in database)" "the sequence is reported"
lacks "$OUT" "owned by" "and its OWNED BY is not a difference of its own"
sd generate -m "tickets"
expect_rc 0 "generate the sequence and its table"
contains "$(cat "$OUT")" 'OWNED BY "tickets"."id"' "the revision still sets the owner"
sd upgrade
sd check
expect_rc 0 "clean after upgrade"
mv models.keep models.yaml
sd check
expect_rc 1 "the sequence and its table dropped from the models"
lacks "$OUT" "owned by" "the dropped sequence's OWNED BY is no difference of its own"
sd downgrade -1
expect_rc 0 "back down"

# What the models spell as the catalog does needs no scratch schema: a
# role that may not create anything checks its own dump of views,
# functions, triggers, policies, domains and partitions; a difference
# still goes through the server (and its scratch schema) and is found.
RODB=sd_cli_ro_$$
ROLE=sd_ro_$$
psql "$BASE" -qc "CREATE DATABASE $RODB" >/dev/null || bail "cannot create $RODB"
on_exit 'psql "$BASE" -qc "DROP DATABASE IF EXISTS $RODB WITH (FORCE)" >/dev/null 2>&1; psql "$BASE" -qc "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1'
psql "$SERVER/$RODB" -q >/dev/null <<EOF || bail "cannot fill $RODB"
CREATE ROLE $ROLE LOGIN;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE $RODB FROM PUBLIC;
CREATE DOMAIN email AS text CHECK (VALUE ~ '@');
CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL,
  mail email, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql
  AS 'BEGIN NEW.updated_at := now(); RETURN NEW; END';
CREATE FUNCTION heavy(n int) RETURNS int LANGUAGE sql COST 500
  AS 'SELECT n * 2';
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW named AS SELECT id, upper(name) AS name FROM accounts
  WHERE name <> '';
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON accounts USING (name = current_user);
CREATE TABLE events (at date NOT NULL, n int) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events
  FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
GRANT SELECT ON ALL TABLES IN SCHEMA public TO $ROLE;
EOF
mkdir ro && cd ro || bail "cannot make ro/"
"$SD" --database "$SERVER/$RODB" dump >models.yaml 2>dump.err ||
	bail "dump of $RODB failed: $(cat dump.err)"
printf 'models: models.yaml\n' >schemadiff.yaml
export SCHEMADIFF_DATABASE_URL
SCHEMADIFF_DATABASE_URL=$(printf '%s' "$SERVER/$RODB" |
	sed "s|//[^@/]*@|//|; s|//|//$ROLE@|")
sd check
expect_rc 0 "a role that may create nothing checks its own dump"
contains "$OUT$ERR" "models and database match" "and the two match"
sed -i '/name: heavy/,/body:/{/cost:/d}' models.yaml
SCHEMADIFF_DATABASE_URL=$SERVER/$RODB
sd check
expect_rc 1 "a function's COST taken out of the models is a difference"
contains "$OUT" "heavy" "naming the function"
cd .. || bail "cannot leave ro/"
SCHEMADIFF_DATABASE_URL=$URL

# The catalog read keeps its cost whatever plan the server picks: with the
# planner's statistics stale (right after a bulk load) it once joined
# pg_constraint on conindid, which has no index, and scanned every
# constraint again for each index (minutes at 5,000 tables). Nested loops
# forced here stand for such statistics; the rows the server reads from
# pg_constraint by sequential scans must stay a few passes over it.
SDB=sd_cli_stats_$$
psql "$BASE" -qc "CREATE DATABASE $SDB" >/dev/null || bail "cannot create $SDB"
on_exit 'psql "$BASE" -qc "DROP DATABASE IF EXISTS $SDB WITH (FORCE)" >/dev/null 2>&1'
for i in $(seq 1 60); do
	printf 'CREATE TABLE t%d (id int PRIMARY KEY, a int UNIQUE, b text, c int,
	  CHECK (c > 0)); CREATE INDEX ON t%d (lower(b)); CREATE INDEX ON t%d (c)
	  WHERE c > 10;\n' "$i" "$i" "$i"
done | psql "$SERVER/$SDB" -q >/dev/null || bail "cannot fill $SDB"
mkdir stats && cd stats || bail "cannot enter stats/"
"$SD" --database "$SERVER/$SDB" dump >models.yaml 2>dump.err ||
	bail "dump of $SDB failed: $(cat dump.err)"
printf 'models: models.yaml\n' >schemadiff.yaml
seqread() {
	psql "$SERVER/$SDB" -qtAc "SELECT seq_tup_read FROM pg_stat_sys_tables
	  WHERE relname = 'pg_constraint'"
}
NCON=$(psql "$SERVER/$SDB" -qtAc "SELECT count(*) FROM pg_constraint")
BEFORE=$(seqread)
SCHEMADIFF_DATABASE_URL=$SERVER/$SDB PGOPTIONS="-c enable_hashjoin=off \
-c enable_mergejoin=off -c enable_material=off -c enable_memoize=off" sd check
expect_rc 0 "check with nested loops forced"
AFTER=$BEFORE
for _ in $(seq 1 50); do  # the server counts the rows once its backend ends
	AFTER=$(seqread)
	[ "$AFTER" != "$BEFORE" ] && break
	sleep 0.1
done
READ=$((AFTER - BEFORE))
if [ "$READ" -le $((NCON * 10)) ]; then
	ok "the catalog read scans pg_constraint a few times ($READ rows of $NCON)"
else
	not_ok "the catalog read scans pg_constraint a few times ($READ rows of $NCON)"
fi
cd .. || bail "cannot leave stats/"

# passwords never appear
if [ -n "${SCHEMADIFF_TEST_PGURI_PASSWORD:-}" ]; then
	PW=${SCHEMADIFF_TEST_PGURI_PASSWORD#*://*:}
	PW=${PW%%@*}
	sd --database "${SCHEMADIFF_TEST_PGURI_PASSWORD%/*}/no_such_db_$$" current
	expect_rc 3 "an unreachable database exits 3"
	lacks "$OUT$ERR" "$PW" "the password is masked"
	contains "$ERR" "****" "in its place: ****"
else
	skip "password masking" "no SCHEMADIFF_TEST_PGURI_PASSWORD"
fi

finish
