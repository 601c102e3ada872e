#!/bin/bash
# cli_privileges.sh - PostgreSQL grants through the CLI: left alone by
# default, and with `privileges: true` in schemadiff.yaml read, compared,
# granted and revoked (the models' `grants:` list is the whole truth), the
# catalog's ACLs checked after upgrade and after downgrade.
# Skipped when no server answers.
. "$(dirname "$0")/lib.sh"

pg_require
DB=sd_priv_$$
ROLE=sd_priv_reader_$$
pg_database $DB
psql "$BASE" -qc "CREATE ROLE $ROLE" >/dev/null || bail "cannot create $ROLE"
# (after the database's drop: on_exit runs in order)
on_exit 'psql "$BASE" -qc "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1'
export SCHEMADIFF_DATABASE_URL=$URL
pq() { psql "$URL" -qtAXc "$1"; }
acl() { pq "SELECT coalesce(array_to_string(relacl, ','), '-') FROM pg_class WHERE relname = '$1'"; }

mkdir -p "$T/p" && cd "$T/p" || bail "no project dir"
"$SD" init >/dev/null || bail "init"
cat >models.yaml <<'EOF'
tables:
  - name: invoices
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: total, type: integer}
EOF
sd generate -m base
expect_rc 0 "generate the table"
sd upgrade
expect_rc 0 "upgrade"

# Grants made by hand are left alone without privileges: true.
pq "GRANT SELECT ON invoices TO $ROLE"
sd check
expect_rc 0 "without privileges: true, a grant made by hand is no difference"

# A view the revision drops and creates again (a column under it changes
# type) keeps the grants and owner made by hand, both ways.
cat >>models.yaml <<'EOF'
views:
  - {name: big_invoices, query: "SELECT id, total FROM invoices WHERE total > 100"}
EOF
sd generate -m "Big invoices"
expect_rc 0 "generate the view"
sd upgrade
expect_rc 0 "upgrade creates the view"
pq "ALTER VIEW big_invoices OWNER TO $ROLE; GRANT SELECT, UPDATE ON big_invoices TO PUBLIC"
sed -i 's/{name: total, type: integer}/{name: total, type: bigint}/' models.yaml
sd generate -m "Wider totals"
expect_rc 0 "generate the type change under the view"
rev=$(ls migrations/versions/*wider_totals*.sql)
contains "$(cat "$rev")" "the grants and owner of big_invoices, kept across its re-creation" "the revision keeps the view's grants"
sd upgrade
expect_rc 0 "upgrade recreates the view"
vacl() { pq "SELECT pg_get_userbyid(relowner) || ' ' || coalesce(array_to_string(relacl, ','), '-') FROM pg_class WHERE relname = 'big_invoices'"; }
contains "$(vacl)" "$ROLE " "the recreated view keeps its owner"
contains "$(vacl)" "=rw/$ROLE" "and its grants"
pq "REVOKE UPDATE ON big_invoices FROM PUBLIC"
sd downgrade -1
expect_rc 0 "downgrade recreates the view"
contains "$(vacl)" "=r/" "the downgrade keeps the grant made meanwhile"
pq "ALTER VIEW big_invoices OWNER TO CURRENT_USER; REVOKE ALL ON big_invoices FROM PUBLIC"
sd downgrade -1
expect_rc 0 "downgrade drops the view"
sed -i '/^views:/,$d' models.yaml
sed -i 's/{name: total, type: bigint}/{name: total, type: integer}/' models.yaml
rm -f migrations/versions/*wider_totals*.sql migrations/versions/*big_invoices*.sql

# With privileges: true, the models are the whole truth.
echo "privileges: true" >>schemadiff.yaml
sd check
expect_rc 1 "with privileges: true, a grant the models lack is a difference"
contains "$OUT" "grant SELECT on table invoices to $ROLE" "check names the grant"
sd generate -m "Revoke the hand-made grant"
expect_rc 0 "generate revokes it"
rev=$(ls migrations/versions/*revoke*.sql)
contains "$(cat "$rev")" "REVOKE SELECT ON TABLE \"invoices\" FROM \"$ROLE\";" "the exact REVOKE"
sd upgrade
expect_rc 0 "upgrade revokes"
lacks "$(acl invoices)" "$ROLE=" "the role has no privilege left on invoices"
sd downgrade -1
expect_rc 0 "downgrade grants it back"
contains "$(acl invoices)" "$ROLE=r/" "the downgrade restores SELECT for the role"
sd upgrade
expect_rc 0 "upgrade again"

# A grant in the models is granted, and check is clean after it.
cat >>models.yaml <<EOF
grants:
  - {on: table invoices, to: $ROLE, privileges: [SELECT, UPDATE]}
EOF
sd generate -m "Reader grants"
expect_rc 0 "generate the grants"
sd upgrade
expect_rc 0 "upgrade grants"
contains "$(acl invoices)" "$ROLE=rw/" "SELECT and UPDATE granted"
sd check
expect_rc 0 "check is clean after the grants"
sd dump
expect_rc 0 "dump"
contains "$OUT" "to: $ROLE" "dump writes the grant"

# PUBLIC's EXECUTE on a function is its default, no grant: the models
# take it away with revoked:, and dump writes that back.
facl() { pq "SELECT coalesce(array_to_string(proacl, ','), '-') FROM pg_proc WHERE proname = '$1'"; }
cat >>models.yaml <<EOF
  - {on: "function purge()", to: PUBLIC, revoked: [EXECUTE]}
  - {on: "function purge()", to: $ROLE, privileges: [EXECUTE]}
functions:
  - {name: purge, returns: void, language: sql, body: SELECT}
EOF
sd generate -m "Purge for the reader only"
expect_rc 0 "generate the function and its grants"
rev=$(ls migrations/versions/*purge*.sql)
contains "$(cat "$rev")" 'REVOKE EXECUTE ON FUNCTION "purge"() FROM PUBLIC;' "the exact REVOKE from PUBLIC"
lacks "$(sed '/schemadiff:downgrade/q' "$rev")" 'TO PUBLIC' "the upgrade does not grant the default"
sd upgrade
expect_rc 0 "upgrade"
lacks ",$(facl purge)" ",=X/" "PUBLIC cannot execute purge"
contains "$(facl purge)" "$ROLE=X/" "the role can"
sd check
expect_rc 0 "check is clean with the default revoked"
sd dump
contains "$OUT" '{on: "function purge()", to: public, revoked: [EXECUTE]}' "dump writes the revoked default"
pq "GRANT EXECUTE ON FUNCTION purge() TO PUBLIC"
sd check
expect_rc 1 "the default given back by hand is a difference"
pq "REVOKE EXECUTE ON FUNCTION purge() FROM PUBLIC"
sd downgrade -1
expect_rc 0 "downgrade"
contains "$(pq "SELECT count(*) FROM pg_proc WHERE proname = 'purge'")" "0" "the downgrade drops the function"

# Only a default of PUBLIC's can be revoked.
cp models.yaml models.good
sed -i "/^grants:/a\\  - {on: table invoices, to: $ROLE, revoked: [SELECT]}" models.yaml
sd check
expect_rc 2 "revoked: on a privilege no object has by default is bad input"
contains "$ERR" "can be revoked" "the error says what can be revoked"
cp models.good models.yaml

# Owners: with privileges: true, `{on: ..., owner: role}` hands an
# object over (ALTER ... OWNER TO), the downgrade hands it back, and an
# owner other than the role running schemadiff is a difference.
owner() { pq "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = '$1'"; }
me=$(pq "SELECT current_user")
sd upgrade
expect_rc 0 "upgrade to head"
pq "ALTER TABLE invoices OWNER TO $ROLE"
sd check
expect_rc 1 "an owner the models do not name is a difference"
contains "$OUT" "owner $ROLE of table invoices" "check names the owner"
sd dump
expect_rc 0 "dump with an owner"
contains "$OUT" "{on: \"table invoices\", owner: $ROLE}" "dump writes the owner"
pq "ALTER TABLE invoices OWNER TO $me"
sed -i "/^grants:/a\\  - {on: table invoices, owner: $ROLE}" models.yaml
sd generate -m "Hand invoices over"
expect_rc 0 "generate the hand-over"
rev=$(ls migrations/versions/*hand_invoices*.sql)
lacks "$(cat "$rev")" "GRANT" "the new owner's grants are no grants: it has every privilege"
contains "$(sed '/schemadiff:downgrade/q' "$rev")" "ALTER TABLE \"invoices\" OWNER TO \"$ROLE\";" "the exact OWNER TO"
contains "$(sed -n '/schemadiff:downgrade/,$p' "$rev")" 'ALTER TABLE "invoices" OWNER TO CURRENT_USER;' "the downgrade hands it back"
sd upgrade
expect_rc 0 "upgrade hands it over"
equals "$(owner invoices)" "$ROLE" "the role owns invoices"
equals "$(acl invoices)" "$ROLE=arwdDxt/$ROLE" "the owner has every privilege, no grant of its own"
sd check
expect_rc 0 "check is clean with the owner in the models"
sd downgrade -1
expect_rc 0 "downgrade"
equals "$(owner invoices)" "$me" "the downgrade gives invoices back"
sed -i "s/{on: table invoices, owner: $ROLE}/{on: table invoices, owner: $ROLE, to: $ROLE}/" models.yaml
sd check
expect_rc 2 "owner: with to: is bad input"
contains "$ERR" "owner: stands alone" "the error says owner stands alone"
sed -i "s/{on: table invoices, owner: $ROLE, to: $ROLE}/{on: table invoices}/" models.yaml
sd check
expect_rc 2 "a grant with neither to: nor owner: is bad input"
contains "$ERR" "needs \`to\`" "the error names to"
cp models.good models.yaml

# Default privileges (ALTER DEFAULT PRIVILEGES): granted and revoked on
# objects yet to be created, database-wide or in one schema.
dacl() { pq "SELECT coalesce(string_agg(coalesce(n.nspname, '*') || ':' || d.defaclobjtype::text || ':' || array_to_string(d.defaclacl, ','), ' ' ORDER BY 1), '-') FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace"; }
sd upgrade
expect_rc 0 "upgrade to head"
cat >>models.yaml <<EOF
default_privileges:
  - {on: tables, schema: public, to: $ROLE, privileges: [SELECT]}
  - {on: functions, to: PUBLIC, revoked: [EXECUTE]}
EOF
sd generate -m "Default privileges"
expect_rc 0 "generate default privileges"
rev=$(ls migrations/versions/*default_privileges*.sql)
contains "$(sed '/schemadiff:downgrade/q' "$rev")" "ALTER DEFAULT PRIVILEGES IN SCHEMA \"public\" GRANT SELECT ON TABLES TO \"$ROLE\";" "the exact ALTER DEFAULT PRIVILEGES ... GRANT"
contains "$(sed '/schemadiff:downgrade/q' "$rev")" "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;" "the exact database-wide REVOKE"
contains "$(sed -n '/schemadiff:downgrade/,$p' "$rev")" "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;" "the downgrade gives PUBLIC its default back"
sd upgrade
expect_rc 0 "upgrade sets the default privileges"
contains "$(dacl)" "public:r:$ROLE=r/" "new tables in public will be readable by the role"
matches "$(dacl)" '\*:f:[^ =]+=X/' "new functions: the owner only, PUBLIC's EXECUTE taken away"
pq "CREATE TABLE later (id int)"
contains "$(acl later)" "$ROLE=r/" "a table created afterwards gets the privilege"
pq "DROP TABLE later"
sd check
expect_rc 0 "check is clean with the default privileges"
sd dump
contains "$OUT" "{on: functions, to: public, revoked: [EXECUTE]}" "dump writes the revoked default"
contains "$OUT" "{on: tables, schema: public, to: $ROLE, privileges: [SELECT]}" "dump writes the schema's default privilege"
sd downgrade -1
expect_rc 0 "downgrade"
equals "$(dacl)" "-" "the downgrade leaves no default privileges"
sed -i 's/{on: functions, to: PUBLIC, revoked: \[EXECUTE\]}/{on: functions, schema: public, to: PUBLIC, revoked: [EXECUTE]}/' models.yaml
sd check
expect_rc 2 "revoked: in a schema is bad input"
contains "$ERR" "revoked: only without schema" "the error says why"
cp models.good models.yaml
finish
