#!/bin/bash
# cli_dbdiff.sh - `diff --from DB --to DB` converges on hand-written
# database pairs (testdata/dbdiff/<dialect>/<case>/{a.sql,b.sql}), the
# classes of case that public schema-diff suites (sqldef, migra, pgquarrel,
# Atlas, Alembic autogenerate) exercise.
#
# Per case and direction: build both databases from their scripts, diff,
# apply the printed SQL to the source inside one transaction, and require
# an empty re-diff (--exit-code). Forward (A->B) also checks that the rows
# a.sql seeds survive in every column whose table, name and type are the
# same on both sides, and that foreign keys still hold.
#
# Optional files in a case directory:
#   expect   lines "+ TEXT" (must appear in the A->B SQL) or "- TEXT" (must not)
#   xfail    "forward REASON", "reverse REASON" or "REASON" (both): the
#            direction is reported as a TODO failure with that reason
#
# Usage: cli_dbdiff.sh [CASE-GLOB]   (e.g. 'postgresql/enum*')
ROOT=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$(dirname "$0")/lib.sh"

DATA=$ROOT/testdata/dbdiff
FILTER=${1:-*/*}

PGBASE=${SCHEMADIFF_TEST_PGURI:-}
if [ -n "$PGBASE" ] && ! psql "$PGBASE" -qtAc "SELECT 1" >/dev/null 2>&1; then
	PGBASE=
fi
PGSERVER=${PGBASE%/*}
PGPREFIX=sd_dbd_$$
PGDBS=()
cleanup() {
	local d
	for d in "${PGDBS[@]}"; do
		psql "$PGBASE" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
	done
	rm -rf "$T"
}
trap cleanup EXIT

# ---- per-dialect primitives -------------------------------------------------

# mk_DIALECT NAME SCRIPT: creates a fresh database NAME from SCRIPT and
# prints its URL; fails (diagnosing the error) when the script does not run.
mk_sqlite() {
	local f=$T/$1.db
	rm -f "$f"
	if ! sqlite3 -bail "$f" <"$2" >"$T/.mk" 2>&1; then
		cat "$T/.mk" >&2
		return 1
	fi
	echo "sqlite:///$f"
}

mk_postgresql() {
	local d=${PGPREFIX}_$1
	psql "$PGBASE" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
	psql "$PGBASE" -qc "CREATE DATABASE $d" >/dev/null || return 1
	case " ${PGDBS[*]} " in *" $d "*) ;; *) PGDBS+=("$d") ;; esac
	if ! psql "$PGSERVER/$d" -X -q -v ON_ERROR_STOP=1 -f "$2" >"$T/.mk" 2>&1; then
		cat "$T/.mk" >&2
		return 1
	fi
	echo "$PGSERVER/$d"
}

# apply_DIALECT URL SQLFILE: runs the SQL in one transaction, stops at the
# first error.
apply_sqlite() {
	local f=${1#sqlite://}
	{ echo "BEGIN;"; cat "$2"; echo "COMMIT;"; } | sqlite3 -bail "$f" 2>&1
}

apply_postgresql() {
	psql "$1" -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$2" 2>&1
}

# cols_DIALECT URL: "table<TAB>column<TAB>type" for every stored, not
# generated column (pragma_table_info hides SQLite's), names quoted for a
# SELECT.
cols_sqlite() {
	sqlite3 -batch -separator $'\t' "${1#sqlite://}" \
		"SELECT '\"' || replace(m.name, '\"', '\"\"') || '\"', '\"' || replace(p.name, '\"', '\"\"') || '\"', upper(p.type)
		   FROM sqlite_schema m, pragma_table_info(m.name) p
		  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
		  ORDER BY m.name, p.cid"
}

cols_postgresql() {
	psql "$1" -X -qtA -F $'\t' -c \
		"SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(a.attname),
		        format_type(a.atttypid, a.atttypmod) || coalesce(' collate ' || co.collname, '')
		   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
		   JOIN pg_namespace n ON n.oid = c.relnamespace
		   LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
		  WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
		    AND a.attgenerated = ''
		    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		    AND n.nspname NOT LIKE 'pg_toast%'
		  ORDER BY 1, a.attnum"
}

query_sqlite() { sqlite3 -batch "${1#sqlite://}" "$2"; }
query_postgresql() { psql "$1" -X -qtA -c "$2"; }

fkcheck_sqlite() { query_sqlite "$1" "PRAGMA foreign_key_check"; }
fkcheck_postgresql() { :; }  # PostgreSQL keeps its constraints valid itself

# snapshot DIALECT URL COMMONFILE: every surviving column's rows, sorted.
snapshot() {
	local dialect=$1 url=$2 common=$3 table cols
	for table in $(cut -f1 "$common" | uniq); do
		cols=$(awk -F'\t' -v t="$table" '$1 == t { printf "%s%s", (n++ ? ", " : ""), $2 }' "$common")
		echo "== $table ($cols)"
		"query_$dialect" "$url" "SELECT $cols FROM $table ORDER BY $cols"
	done
}

# ---- one case -----------------------------------------------------------------

xfail_reason() { # DIR DIRECTION
	local f=$1/xfail line
	[ -f "$f" ] || return 1
	while IFS= read -r line; do
		case $line in
		"forward "*) [ "$2" = forward ] && { echo "${line#forward }"; return 0; } ;;
		"reverse "*) [ "$2" = reverse ] && { echo "${line#reverse }"; return 0; } ;;
		"") ;;
		*) echo "$line"; return 0 ;;
		esac
	done <"$f"
	return 1
}

# report DESC PROBLEMS-FILE XFAIL-REASON: one TAP line.
report() {
	local desc=$1 problems=$2 reason=$3
	if [ ! -s "$problems" ]; then
		if [ -n "$reason" ]; then
			_n=$((_n + 1)); echo "ok $_n - $desc # TODO $reason"
		else
			ok "$desc"
		fi
	else
		if [ -n "$reason" ]; then
			_n=$((_n + 1)); echo "not ok $_n - $desc # TODO $reason"
		else
			not_ok "$desc"
		fi
		sed 's/^/# /' "$problems"
	fi
}

# converge DIALECT DIR CASE DIRECTION: appends problems to $T/problems.
converge() {
	local dialect=$1 dir=$2 name=$3 direction=$4
	local from_sql=$dir/a.sql to_sql=$dir/b.sql from to sqlfile=$T/$name.$direction.sql
	local p=$T/problems
	[ "$direction" = reverse ] && { from_sql=$dir/b.sql; to_sql=$dir/a.sql; }
	from=$("mk_$dialect" "${name}_from" "$from_sql" 2>>"$p") || { echo "cannot build the source database" >>"$p"; return; }
	to=$("mk_$dialect" "${name}_to" "$to_sql" 2>>"$p") || { echo "cannot build the target database" >>"$p"; return; }
	[ -s "$p" ] && return

	cols_"$dialect" "$from" | sort >"$T/cols.from"
	cols_"$dialect" "$to" | sort >"$T/cols.to"
	comm -12 "$T/cols.from" "$T/cols.to" | sort -t$'\t' -k1,1 -s >"$T/cols.common"
	snapshot "$dialect" "$from" "$T/cols.common" >"$T/rows.before" 2>&1

	run "$SD" diff --from "$from" --to "$to"
	printf '%s\n' "$OUT" >"$sqlfile"
	if [ "$RC" != 0 ]; then
		{ echo "diff exited $RC"; echo "$ERR"; } >>"$p"
		return
	fi
	if [ "$direction" = forward ] && [ -f "$dir/expect" ]; then
		local line
		while IFS= read -r line; do
			case $line in
			"+ "*) grep -qF -- "${line#+ }" "$sqlfile" || echo "expected in the SQL: ${line#+ }" >>"$p" ;;
			"- "*) ! grep -qF -- "${line#- }" "$sqlfile" || echo "not expected in the SQL: ${line#- }" >>"$p" ;;
			esac
		done <"$dir/expect"
	fi
	local applied
	if ! applied=$("apply_$dialect" "$from" "$sqlfile"); then
		{ echo "applying the diff failed:"; echo "$applied"; echo "--- SQL:"; cat "$sqlfile"; } >>"$p"
		return
	fi
	run "$SD" diff --from "$from" --to "$to" --exit-code
	if [ "$RC" != 0 ]; then
		{ echo "re-diff not empty (exit $RC):"; echo "$OUT"; echo "$ERR"; echo "--- first SQL:"; cat "$sqlfile"; } >>"$p"
		return
	fi
	snapshot "$dialect" "$from" "$T/cols.common" >"$T/rows.after" 2>&1
	if ! cmp -s "$T/rows.before" "$T/rows.after"; then
		{ echo "rows changed:"; diff "$T/rows.before" "$T/rows.after"; } >>"$p"
	fi
	local fk
	fk=$("fkcheck_$dialect" "$from")
	[ -z "$fk" ] || echo "foreign_key_check after the migration: $fk" >>"$p"
}

run_case() {
	local dialect=$1 dir=$2 name direction reason
	name=$(basename "$dir")
	for direction in forward reverse; do
		reason=$(xfail_reason "$dir" "$direction") || reason=
		if [ "$dialect" = postgresql ] && [ -z "$PGBASE" ]; then
			skip "$dialect/$name $direction converges" "no PostgreSQL"
			continue
		fi
		: >"$T/problems"
		converge "$dialect" "$dir" "$name" "$direction"
		report "$dialect/$name $direction converges" "$T/problems" "$reason"
	done
}

for dir in "$DATA"/$FILTER; do
	[ -f "$dir/a.sql" ] || continue
	dialect=$(basename "$(dirname "$dir")")
	run_case "$dialect" "$dir"
done
finish
