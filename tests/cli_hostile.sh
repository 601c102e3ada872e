#!/bin/bash
# cli_hostile.sh - names that break naive quoting: double and single quotes,
# spaces, semicolons, SQL comment markers, unicode, reserved words (select,
# order, user) and names of exactly 63 bytes, on tables, columns, indexes,
# constraints, enums (values too) and schemas. They go through generate,
# upgrade, check (clean), dump (whose YAML must load back clean), downgrade
# and upgrade again, on SQLite and PostgreSQL; the catalog must hold every
# name byte for byte. On PostgreSQL, a name over 63 bytes is refused up
# front (exit 2, models.yaml:line), never truncated by the server.
SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

V=migrations/versions
L63=$(printf 'l%.0s' {1..63})
U63="$(printf 'é%.0s' {1..31})x" # 63 bytes, 32 characters
U64="$(printf 'é%.0s' {1..32})"  # 64 bytes, 32 characters
L64=$(printf 'l%.0s' {1..64})

models() { # DIALECT
	cat <<EOF
enums:
  - name: "order status ü"
    values: ["it's", "a \"b\"; --", "ünï", "select"]
tables:
  - name: user
    comment: "it's the \"user\" table; --"
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: select, type: text}
      - {name: order, type: integer, nullable: false, default: "0"}
      - {name: "it's \"quoted\"", type: text}
      - {name: "semi;colon -- comment", type: text, default: "'x'';--'"}
      - {name: "ünïcødé 名前", type: string(20)}
      - {name: $L63, type: integer}
      - {name: "$U63", type: text}
      - {name: status, type: "enum(order status ü)"}
    indexes:
      - {name: "ix \"odd\"; drop table user", columns: [select, order]}
      - {columns: ["ünïcødé 名前"]}
    unique:
      - {name: "uq it's", columns: ["it's \"quoted\""]}
    checks:
      - {name: "ck ; \"x\"", expression: "\"order\" >= 0"}
  - name: "tab;le \"two\" 'x'"
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: "user id", type: integer}
    foreign_keys:
      - {name: "fk ' \"", columns: ["user id"], references: {table: user, columns: [id]}, on_delete: cascade}
  - name: $L63
    columns:
      - {name: id, type: integer, primary_key: true}
EOF
	if [ "$1" = postgresql ]; then
		cat <<'EOF'
  - name: "ev'il"
    schema: "my schema; \"x\""
    comment: "it's a \"comment\"; --"
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: "user", type: integer, comment: "o'clock"}
    foreign_keys:
      - {columns: ["user"], references: {table: public.user, columns: [id]}}
EOF
	fi
}

COLUMNS_WANT="id|select|order|it's \"quoted\"|semi;colon -- comment|ünïcødé 名前|$L63|$U63|status"

# round_trip LABEL DIALECT: the whole workflow; Qcols/Qtables/Qrow are set
# by the caller for the database at hand.
round_trip() {
	local label=$1 dialect=$2 rev
	rm -f "$V"/*.sql
	models "$dialect" >models.yaml
	sd generate -m "Hostile names"
	expect_rc 0 "$label: generate"
	rev=$OUT
	contains "$(cat "$rev" 2>/dev/null)" 'CREATE INDEX "ix ""odd""; drop table user"' "$label: the index name is quoted, its quotes doubled"
	sd upgrade
	expect_rc 0 "$label: upgrade"
	equals "$(Qcols user)" "$COLUMNS_WANT" "$label: every column name is in the catalog byte for byte"
	equals "$(Qtables)" "$(printf '%s\n' "$L63" "tab;le \"two\" 'x'" user | LC_ALL=C sort | tr '\n' '|')" \
		"$label: the table names, including one of 63 bytes, are not truncated"
	Qrow
	sd check
	expect_rc 0 "$label: check is clean"
	sd dump
	expect_rc 0 "$label: dump"
	printf '%s\n' "$OUT" >dumped.yaml
	cat >dumped.yaml.cfg <<EOF
database: ${DBURL}
models: dumped.yaml
versions: migrations/versions
EOF
	sd -c dumped.yaml.cfg check
	expect_rc 0 "$label: the dumped YAML loads back and matches the database"
	sd downgrade base
	expect_rc 0 "$label: downgrade"
	equals "$(Qtables)" "" "$label: downgrade removes every table"
	sd upgrade
	expect_rc 0 "$label: upgrade again"
	sd check
	expect_rc 0 "$label: check is clean again"
	sd downgrade base
	expect_rc 0 "$label: downgrade again"
}

sd init >/dev/null

# ---- SQLite ------------------------------------------------------------------
DBURL=sqlite:///app.db
Qcols() { q app.db "SELECT group_concat(name, '|') FROM (SELECT name FROM pragma_table_info('$1') ORDER BY cid)"; }
Qtables() { q app.db "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'schemadiff_version%' ORDER BY name" | LC_ALL=C sort | tr '\n' '|'; }
Qrow() {
	q app.db "INSERT INTO \"user\" (\"select\", \"it's \"\"quoted\"\"\", \"ünïcødé 名前\", status) VALUES ('a', 'b', 'c', 'it''s')"
	equals "$(q app.db "SELECT \"semi;colon -- comment\" || '|' || \"order\" FROM \"user\"")" "x';--|0" \
		"sqlite: the defaults with quotes and comment markers hold"
}
round_trip sqlite sqlite

# ---- PostgreSQL --------------------------------------------------------------
if ! pg_server; then
	skip "postgresql: hostile names round trip" "no PostgreSQL"
	skip "postgresql: names over 63 bytes refused" "no PostgreSQL"
	finish
fi
DBNAME=sd_hostile_$$
pg_database $DBNAME
DBURL=$URL
sed -i "s|^database: .*|database: $DBURL|" schemadiff.yaml
pq() { psql "$DBURL" -qtAX -c "$1"; }
Qcols() { pq "SELECT string_agg(attname, '|' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'public.\"$1\"'::regclass AND attnum > 0 AND NOT attisdropped"; }
Qtables() { pq "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname NOT LIKE 'schemadiff_version%'" | LC_ALL=C sort | tr '\n' '|'; }
Qrow() {
	equals "$(pq "SELECT count(*) FROM pg_namespace WHERE nspname = 'my schema; \"x\"'")" 1 "postgresql: the schema name is exact"
	equals "$(pq "SELECT string_agg(enumlabel, '|' ORDER BY enumsortorder) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE typname = 'order status ü'")" \
		"it's|a \"b\"; --|ünï|select" "postgresql: the enum and its labels are exact"
	equals "$(pq "SELECT obj_description('public.\"user\"'::regclass, 'pg_class')")" "it's the \"user\" table; --" \
		"postgresql: the table comment is exact"
	pq "INSERT INTO \"user\" (\"select\", status) VALUES ('a', 'a \"b\"; --')" >/dev/null
	equals "$(pq "SELECT \"semi;colon -- comment\" || '|' || \"order\" || '|' || status FROM \"user\"")" "x';--|0|a \"b\"; --" \
		"postgresql: defaults and enum values with quotes and comment markers hold"
	pq "DELETE FROM \"user\"" >/dev/null
}
round_trip postgresql postgresql

# names over 63 bytes: refused before anything runs or is written
too_long() { # LABEL LINE-FRAGMENT MODELS
	rm -f "$V"/*.sql
	printf '%s' "$3" >models.yaml
	sd generate -m "Too long"
	expect_rc 2 "postgresql: $1 over 63 bytes: generate exits 2"
	contains "$ERR" "models.yaml:$2" "postgresql: $1: the error names models.yaml:$2"
	contains "$ERR" "63" "postgresql: $1: and the limit"
	equals "$(ls "$V" | grep -c '\.sql$')" 0 "postgresql: $1: no revision written"
}
T1="tables:
  - name: t
    columns:
      - {name: id, type: integer, primary_key: true}
"
too_long "a table name" "2:" "tables:
  - name: $L64
    columns:
      - {name: id, type: integer, primary_key: true}
"
too_long "a column name of 32 two-byte characters" "5:" "$T1      - {name: $U64, type: text}
"
too_long "a schema name" "" "tables:
  - name: t
    schema: $L64
    columns:
      - {name: id, type: integer, primary_key: true}
"
too_long "an enum name" "2:" "enums:
  - name: $L64
    values: [a]
$T1"
too_long "an index name" "6:" "$T1    indexes:
      - {name: $L64, columns: [id]}
"
too_long "a constraint name" "6:" "$T1    checks:
      - {name: $L64, expression: id > 0}
"

# a generated name that would pass 63 bytes is shortened with a hash by the
# naming convention, and the server keeps exactly that name
rm -f "$V"/*.sql
printf '%s' "$T1      - {name: $(printf 'c%.0s' {1..60}), type: text, unique: true}
" >models.yaml
sd generate -m "Long generated name"
expect_rc 0 "postgresql: a column whose convention name passes 63 bytes: generate"
GEN=$(grep -o '"uq_t_[^"]*"' "$OUT" | head -1 | tr -d '"')
equals "$(printf '%s' "$GEN" | wc -c | tr -d ' ')" 63 "postgresql: the generated name is shortened to 63 bytes ($GEN)"
sd upgrade
expect_rc 0 "postgresql: upgrade with the shortened name"
equals "$(pq "SELECT conname FROM pg_constraint WHERE conname LIKE 'uq_t_%'")" "$GEN" "postgresql: the server holds exactly that name"
sd check
expect_rc 0 "postgresql: check is clean with the shortened name"
sd downgrade base
expect_rc 0 "postgresql: downgrade"
equals "$(pq "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname NOT LIKE 'schemadiff_version%'")" 0 \
	"postgresql: nothing was created by the refused runs"
finish
