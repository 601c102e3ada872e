#!/bin/bash
# cli_event_triggers.sh - PostgreSQL event triggers as managed objects:
# the database's own (a logging one, a guard that refuses some DDL) leave
# check, generate and the normaliser's scratch work alone and fire during
# upgrades only; models create, alter (enabled state, tags) and drop them
# with exact downgrades; dump writes them back; bad models are refused at
# their line, on SQLite too. Skipped when no server answers.
. "$(dirname "$0")/lib.sh"

pg_require
DBNAME=sd_evt_$$
pg_database $DBNAME
export SCHEMADIFF_DATABASE_URL=$URL
pq() { psql "$URL" -qtAc "$1"; }

sd init
# The database's own: every command logged at its end, DROP TABLE refused.
psql "$URL" -q >/dev/null <<'EOF'
CREATE TABLE ddl_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tag text NOT NULL);
CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql
    AS $$ BEGIN INSERT INTO ddl_log (tag) VALUES (tg_tag); END $$;
CREATE FUNCTION no_drops() RETURNS event_trigger LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'no % here', tg_tag; END $$;
CREATE EVENT TRIGGER log_all ON ddl_command_end EXECUTE FUNCTION log_ddl();
CREATE EVENT TRIGGER guard ON ddl_command_start WHEN TAG IN ('DROP TABLE', 'drop schema')
    EXECUTE FUNCTION no_drops();
COMMENT ON EVENT TRIGGER guard IS 'tables stay';
ALTER EVENT TRIGGER guard ENABLE ALWAYS;
EOF
LOGGED=$(pq "SELECT count(*) FROM ddl_log")

sd dump
expect_rc 0 "dump of a database with event triggers"
printf '%s\n' "$OUT" > models.yaml
contains "$OUT" "event_triggers:" "dump writes an event_triggers list"
contains "$OUT" "- name: guard" "with the guard"
contains "$OUT" 'tags: ["DROP TABLE", "DROP SCHEMA"]' "its tags upper case, in the catalog's order"
contains "$OUT" "enabled: always" "its state"
contains "$OUT" 'comment: "tables stay"' "its comment"
contains "$OUT" "function: log_ddl" "the function the logger executes"
sd check
expect_rc 0 "check against the dump reports nothing"

# A change the normaliser compiles in its scratch schema (an expression
# default, a check): neither event trigger breaks it, nothing is logged.
python3 - <<'EOF'
s = open("models.yaml").read()
s = s.replace("tables:\n", """tables:
  - name: notes
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: body, type: text, default: "lower('X')"}
    checks:
      - {name: body_short, expression: "length(body) < 100"}
""", 1)
open("models.yaml", "w").write(s)
EOF
sd check
expect_rc 1 "check finds the new table through the scratch schema"
contains "$OUT" "notes" "and names it"
equals "$(pq "SELECT count(*) FROM ddl_log")" "$LOGGED" "the scratch work logs nothing (rolled back)"
sd generate -m "notes"
expect_rc 0 "generate with the database's event triggers active"
sd upgrade
expect_rc 0 "upgrade"
contains "$(pq "SELECT string_agg(tag, ',') FROM ddl_log")" "CREATE TABLE" "the upgrade's own DDL is logged by the database's trigger"
sd check
expect_rc 0 "check is clean after the upgrade"

# Models change the event triggers: state, tags, a new one, comment.
python3 - <<'EOF'
s = open("models.yaml").read()
s = s.replace("    enabled: always\n", "    enabled: disabled\n")
s = s.replace('tags: ["DROP TABLE", "DROP SCHEMA"]', 'tags: ["DROP TABLE", "DROP SCHEMA", drop view]')
s = s.replace("event_triggers:\n", """event_triggers:
  - name: log_rewrites
    event: table_rewrite
    function: public.log_ddl
    enabled: replica
    comment: rewrites
""")
open("models.yaml", "w").write(s)
EOF
sd check
expect_rc 1 "check finds the event trigger changes"
contains "$OUT" "event trigger log_rewrites" "the new one"
contains "$OUT" "event trigger guard" "the changed one"
sd generate -m "event triggers"
expect_rc 0 "generate the event trigger changes"
REV=$OUT
contains "$(cat "$REV")" 'CREATE EVENT TRIGGER "log_rewrites" ON table_rewrite' "the new one is created"
contains "$(cat "$REV")" 'ALTER EVENT TRIGGER "log_rewrites" ENABLE REPLICA' "in its state"
contains "$(cat "$REV")" "WHEN TAG IN ('DROP TABLE', 'DROP SCHEMA', 'DROP VIEW')" "new tags: dropped and created again"
sd upgrade
expect_rc 0 "upgrade the event trigger changes"
equals "$(pq "SELECT evtname || ' ' || evtevent || ' ' || evtenabled::text || ' ' || coalesce(array_to_string(evttags, ','), '-') FROM pg_event_trigger ORDER BY 1")" "guard ddl_command_start D DROP TABLE,DROP SCHEMA,DROP VIEW
log_all ddl_command_end O -
log_rewrites table_rewrite R -" "the catalog has the models' event triggers"
equals "$(pq "SELECT obj_description(oid, 'pg_event_trigger') FROM pg_event_trigger WHERE evtname = 'guard'")" "tables stay" "the recreated guard keeps its comment"
sd check
expect_rc 0 "check is clean"
pq "ALTER EVENT TRIGGER guard ENABLE"
sd check
expect_rc 1 "check detects an event trigger enabled behind its back"
contains "$OUT" "event trigger guard: origin -> disabled" "and says how"
pq "ALTER EVENT TRIGGER guard DISABLE"
sd downgrade
expect_rc 0 "downgrade the event trigger changes"
equals "$(pq "SELECT evtname || ' ' || evtevent || ' ' || evtenabled::text || ' ' || coalesce(array_to_string(evttags, ','), '-') FROM pg_event_trigger ORDER BY 1")" "guard ddl_command_start A DROP TABLE,DROP SCHEMA
log_all ddl_command_end O -" "the downgrade restores them exactly"
sd upgrade
expect_rc 0 "upgrade again"

# Dropped from the models: dropped before the function it executes.
python3 - <<'EOF'
s = open("models.yaml").read()
i = s.index("  - name: log_rewrites\n")
j = s.index("  - name:", i + 1)
s = s[:i] + s[j:]
open("models.yaml", "w").write(s)
EOF
sd generate -m "no rewrite log"
expect_rc 0 "generate a dropped event trigger"
contains "$(cat "$OUT")" 'DROP EVENT TRIGGER "log_rewrites"' "it is dropped"
sd upgrade
expect_rc 0 "upgrade drops it"
equals "$(pq "SELECT count(*) FROM pg_event_trigger WHERE evtname = 'log_rewrites'")" "0" "gone"
sd downgrade
expect_rc 0 "downgrade"
equals "$(pq "SELECT evtenabled::text || ' ' || obj_description(oid, 'pg_event_trigger') FROM pg_event_trigger WHERE evtname = 'log_rewrites'")" "R rewrites" "back, with its state and comment"
sd upgrade
expect_rc 0 "upgrade again"

# A guard that refuses CREATE TABLE and CREATE SCHEMA outright: the
# scratch work of a superuser disables it in its own transaction (rolled
# back); anyone else is told why the scratch DDL failed.
psql "$URL" -q >/dev/null <<'EOF'
CREATE EVENT TRIGGER frozen ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'CREATE SCHEMA')
    EXECUTE FUNCTION no_drops();
EOF
python3 - <<'EOF'
s = open("models.yaml").read()
s = s.replace("tables:\n", """tables:
  - name: more_notes
    columns:
      - {name: id, type: integer, primary_key: true, default: "abs(-1)"}
""", 1)
open("models.yaml", "w").write(s)
EOF
sd check
expect_rc 1 "check with a guard refusing CREATE TABLE still compiles the models"
contains "$OUT" "+ table more_notes" "and finds the new table"
contains "$OUT" "- event trigger frozen" "and the guard the models lack"
equals "$(pq "SELECT evtenabled::text FROM pg_event_trigger WHERE evtname = 'frozen'")" "O" "the guard is enabled as before"
PLAIN=sd_evt_plain_$$
psql "$URL" -qc "CREATE ROLE $PLAIN LOGIN" -c "GRANT CREATE ON SCHEMA public TO $PLAIN" -c "GRANT CREATE ON DATABASE $DBNAME TO $PLAIN" >/dev/null
on_exit 'psql "$BASE" -qc "DROP ROLE IF EXISTS $PLAIN" >/dev/null 2>&1'
SCHEMADIFF_DATABASE_URL=$(printf '%s' "$URL" | sed "s|//[^@/]*@|//$PLAIN@|") sd check
expect_rc 3 "not a superuser: the guard fails the scratch DDL"
contains "$ERR" "no CREATE SCHEMA here" "with the server's message"
contains "$ERR" "event triggers (frozen, log_all) fire on the scratch schema" "and why"
psql "$URL" -qc "DROP EVENT TRIGGER frozen" >/dev/null

# Bad models, each at its line.
cp models.yaml models.keep
bad() {
	printf 'tables: []\n%s\n' "$1" > models.yaml
	sd check
	expect_rc 2 "$2"
	matches "$ERR" "models.yaml:[0-9]+:" "$2: at its line"
	contains "$ERR" "$3" "$2: says why"
}
bad 'event_triggers:
  - {name: e, event: ddl_command, function: log_ddl}' "an unknown event" "bad event 'ddl_command'"
bad 'event_triggers:
  - {name: e, event: sql_drop}' "no function" "function"
bad 'event_triggers:
  - {name: e, event: sql_drop, function: "log_ddl(text)"}' "a function with arguments" "bad function"
bad 'event_triggers:
  - {name: e, event: sql_drop, function: log_ddl, enabled: sometimes}' "a bad state" "bad enabled 'sometimes'"
bad 'event_triggers:
  - {name: e, event: sql_drop, function: log_ddl}
  - {name: e, event: sql_drop, function: log_ddl}' "a duplicate" "duplicate event trigger 'e'"
bad 'event_triggers:
  - {name: e, event: sql_drop, function: log_ddl, tag: [DROP TABLE]}' "an unknown key" "unknown key 'tag'"
mv models.keep models.yaml

# SQLite has none: the models key is refused at its line.
mkdir sq && cd sq || exit 1
SCHEMADIFF_DATABASE_URL= sd init
cat >>models.yaml <<'EOF'
event_triggers:
  - {name: e, event: sql_drop, function: log_ddl}
EOF
SCHEMADIFF_DATABASE_URL= sd generate -m x
expect_rc 2 "event triggers on SQLite are bad input"
matches "$ERR" "^schemadiff: error: [^ ]*models.yaml:[0-9]+: e: SQLite has no event triggers" "at their line, saying why"
equals "$(ls migrations/versions | wc -l)" "0" "nothing written"
cd ..

finish
