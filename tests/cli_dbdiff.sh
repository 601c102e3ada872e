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
#   post     lines "+ SQL" (must succeed) or "! SQL" (must fail), run one by
#            one on A after the forward migration, SQLite with foreign keys
#            on: constraints, triggers and sequences still work
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
# Every database of this run is named $PGPREFIX_*; whatever a killed
# worker left behind is dropped on exit.
cleanup() {
	local d
	if [ -n "$PGBASE" ]; then
		for d in $(psql "$PGBASE" -qtAc "SELECT datname FROM pg_database WHERE datname LIKE '${PGPREFIX}\\_%'"); do
			psql "$PGBASE" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
		done
	fi
}
on_exit cleanup

# ---- per-dialect primitives -------------------------------------------------

# mk_DIALECT NAME SCRIPT: creates a fresh database NAME from SCRIPT and
# prints its URL; fails (diagnosing the error) when the script does not run.
mk_sqlite() {
	local f=$T/$1.db
	rm -f "$f"
	if ! sqlite3 -bail "$f" <"$2" >"$W/.mk" 2>&1; then
		cat "$W/.mk" >&2
		return 1
	fi
	echo "sqlite:///$f"
}

# A worker keeps its PostgreSQL databases for all its cases and empties
# them between cases (every schema dropped, public recreated as initdb
# leaves it): far cheaper than CREATE DATABASE per case.
PG_RESET="DO \$\$ DECLARE r record; BEGIN
  FOR r IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('pg_catalog', 'information_schema')
             AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP; END \$\$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
COMMENT ON SCHEMA public IS 'standard public schema';
GRANT USAGE ON SCHEMA public TO PUBLIC;"

mk_postgresql() {
	local d=${PGPREFIX}_$1
	if [ -f "$T/made_$d" ]; then
		psql "$PGSERVER/$d" -X -q -v ON_ERROR_STOP=1 -c "$PG_RESET" >"$W/.mk" 2>&1 || { cat "$W/.mk" >&2; return 1; }
	else
		psql "$PGBASE" -qc "CREATE DATABASE $d" >/dev/null || return 1
		touch "$T/made_$d"
	fi
	if ! psql "$PGSERVER/$d" -X -q -v ON_ERROR_STOP=1 -f "$2" >"$W/.mk" 2>&1; then
		cat "$W/.mk" >&2
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

# stmt_DIALECT URL SQL: runs one statement, status only.
stmt_sqlite() { sqlite3 -bail "${1#sqlite://}" "PRAGMA foreign_keys = ON; $2" >/dev/null 2>&1; }
stmt_postgresql() { psql "$1" -X -q -v ON_ERROR_STOP=1 -c "$2" >/dev/null 2>&1; }

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
# A case runs in a worker with its own directory $W (several run at once);
# it writes its TAP lines without numbers to $W/tap, numbered by the main
# shell in case order.

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

# report DESC PROBLEMS-FILE XFAIL-REASON: one unnumbered TAP line + diagnostics.
report() {
	local desc=$1 problems=$2 reason=$3 todo=
	[ -n "$reason" ] && todo=" # TODO $reason"
	if [ ! -s "$problems" ]; then
		echo "ok - $desc$todo"
	else
		echo "not ok - $desc$todo"
		sed 's/^/# /' "$problems"
	fi >>"$W/tap"
}

# converge DIALECT DIR NAME DIRECTION FROM-URL TO-URL: appends problems to
# $W/problems. FROM is migrated; TO is left as it is.
converge() {
	local dialect=$1 dir=$2 name=$3 direction=$4 from=$5 to=$6
	local sqlfile=$W/$direction.sql p=$W/problems out rc line applied fk

	cols_"$dialect" "$from" | sort >"$W/cols.from"
	cols_"$dialect" "$to" | sort >"$W/cols.to"
	comm -12 "$W/cols.from" "$W/cols.to" | sort -t$'\t' -k1,1 -s >"$W/cols.common"
	snapshot "$dialect" "$from" "$W/cols.common" >"$W/rows.before" 2>&1

	"$SD" diff --from "$from" --to "$to" >"$sqlfile" 2>"$W/err"
	rc=$?
	if [ "$rc" != 0 ]; then
		{ echo "diff exited $rc"; cat "$W/err"; } >>"$p"
		return
	fi
	if [ "$direction" = forward ] && [ -f "$dir/expect" ]; then
		while IFS= read -r line; do
			case $line in
			"+ "*) grep -qF -- "${line#+ }" "$sqlfile" || echo "expected in the SQL: ${line#+ }" >>"$p" ;;
			"- "*) ! grep -qF -- "${line#- }" "$sqlfile" || echo "not expected in the SQL: ${line#- }" >>"$p" ;;
			esac
		done <"$dir/expect"
	fi
	if ! applied=$("apply_$dialect" "$from" "$sqlfile"); then
		{ echo "applying the diff failed:"; echo "$applied"; echo "--- SQL:"; cat "$sqlfile"; } >>"$p"
		return
	fi
	out=$("$SD" diff --from "$from" --to "$to" --exit-code 2>&1)
	rc=$?
	if [ "$rc" != 0 ]; then
		{ echo "re-diff not empty (exit $rc):"; echo "$out"; echo "--- first SQL:"; cat "$sqlfile"; } >>"$p"
		return
	fi
	snapshot "$dialect" "$from" "$W/cols.common" >"$W/rows.after" 2>&1
	if ! cmp -s "$W/rows.before" "$W/rows.after"; then
		{ echo "rows changed:"; diff "$W/rows.before" "$W/rows.after"; } >>"$p"
	fi
	fk=$("fkcheck_$dialect" "$from")
	[ -z "$fk" ] || echo "foreign_key_check after the migration: $fk" >>"$p"
	if [ "$direction" = forward ] && [ -f "$dir/post" ]; then
		while IFS= read -r line; do
			case $line in
			"+ "*) "stmt_$dialect" "$from" "${line#+ }" || echo "after the migration, failed: ${line#+ }" >>"$p" ;;
			"! "*) ! "stmt_$dialect" "$from" "${line#! }" || echo "after the migration, did not fail: ${line#! }" >>"$p" ;;
			esac
		done <"$dir/post"
	fi
}

# run_case DIALECT DIR KEY: forward on fresh A and B, then reverse from the
# untouched B to a fresh A.
run_case() {
	local dialect=$1 dir=$2 key=$3 name a b a2 r_fwd r_rev
	name=$(basename "$dir")
	r_fwd=$(xfail_reason "$dir" forward) || r_fwd=
	r_rev=$(xfail_reason "$dir" reverse) || r_rev=
	if [ "$dialect" = postgresql ] && [ -z "$PGBASE" ]; then
		echo "ok - $dialect/$name forward converges # SKIP no PostgreSQL" >>"$W/tap"
		echo "ok - $dialect/$name reverse converges # SKIP no PostgreSQL" >>"$W/tap"
		return
	fi
	: >"$W/problems"
	if a=$("mk_$dialect" "${key}_a" "$dir/a.sql" 2>>"$W/problems") &&
		b=$("mk_$dialect" "${key}_b" "$dir/b.sql" 2>>"$W/problems"); then
		converge "$dialect" "$dir" "$name" forward "$a" "$b"
	else
		echo "cannot build the databases" >>"$W/problems"
	fi
	report "$dialect/$name forward converges" "$W/problems" "$r_fwd"
	: >"$W/problems"
	if [ -n "$b" ] && a2=$("mk_$dialect" "${key}_a2" "$dir/a.sql" 2>>"$W/problems"); then
		converge "$dialect" "$dir" "$name" reverse "$b" "$a2"
	else
		echo "cannot build the databases" >>"$W/problems"
	fi
	report "$dialect/$name reverse converges" "$W/problems" "$r_rev"
}

# Cases run in JOBS workers (SD_DBDIFF_JOBS, default 6), worker k taking
# every JOBS-th case: most of the time goes to process start-up and
# catalog round trips, not CPU.
JOBS=${SD_DBDIFF_JOBS:-6}
cases=()
for dir in "$DATA"/$FILTER; do
	[ -f "$dir/a.sql" ] && cases+=("$dir")
done
for ((k = 0; k < JOBS; k++)); do
	(
		i=0
		for dir in "${cases[@]}"; do
			i=$((i + 1))
			[ $((i % JOBS)) = "$k" ] || continue
			W=$T/w$i
			mkdir -p "$W"
			: >"$W/tap"
			run_case "$(basename "$(dirname "$dir")")" "$dir" "w$k"
			touch "$W/done"
		done
	) &
done
wait
i=0
for dir in "${cases[@]}"; do
	i=$((i + 1))
	W=$T/w$i
	[ -f "$W/done" ] || echo "not ok - $dir: the worker died" >>"$W/tap"
	while IFS= read -r line; do
		case $line in
		"ok - "*"# SKIP "*) _n=$((_n + 1)); echo "ok $_n ${line#ok }" ;;
		"ok - "*"# TODO "*) _n=$((_n + 1)); echo "ok $_n ${line#ok }" ;;
		"not ok - "*"# TODO "*) _n=$((_n + 1)); echo "not ok $_n ${line#not ok }" ;;
		"ok - "*) ok "${line#ok - }" ;;
		"not ok - "*) not_ok "${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done <"$W/tap"
done
finish
