#!/bin/bash
# cli_concurrency.sh - many schemadiff processes on one database at once.
#
# 16 concurrent `upgrade` runs over a chain of revisions, then 8 concurrent
# `upgrade heads` over a branched graph, then 8 concurrent `downgrade base`,
# on SQLite and (when SCHEMADIFF_TEST_PGURI answers) PostgreSQL. Every
# revision writes a row into a side-effect table, so "applied exactly once"
# is counted in the data itself as well as in the applied log
# (<version_table>_log). Every process must exit 0: it either applied
# something or waited and found nothing left to do.
SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

V=migrations/versions
VT=schemadiff_version

# rev ID PARENTS SLUG DAY UP DOWN
rev() {
	cat >"$V/$1_$3.sql" <<EOF
-- $3
--
-- revision: $1
-- revises: $2
-- created: 2026-01-$4T00:00:00Z
-- dialect: $DIALECT

-- schemadiff:upgrade
$5

-- schemadiff:downgrade
$6
EOF
}

# A revision that creates table t_ID, fills it, and records itself in the
# side-effect table `ran` (which only the first revision creates and only
# its downgrade drops).
work_rev() { # ID PARENTS DAY [FILL]
	local id=$1 fill=${4:-1000}
	rev "$id" "$2" "t_$id" "$3" \
"CREATE TABLE \"t_$id\" (\"n\" INTEGER);
INSERT INTO \"t_$id\" $(series "$fill");
INSERT INTO \"ran\" (\"rev\", \"op\") VALUES ('$id', 'up');" \
"DROP TABLE \"t_$id\";
INSERT INTO \"ran\" (\"rev\", \"op\") VALUES ('$id', 'down');"
}

# run_many N ARGS...: N concurrent schemadiff processes; sets RCS (their
# exit statuses, space-separated) and leaves their stderr in err.<i>.
run_many() {
	local n=$1 i pids=()
	shift
	rm -f err.* out.*
	for ((i = 1; i <= n; i++)); do
		"$SD" "$@" >"out.$i" 2>"err.$i" &
		pids+=($!)
	done
	RCS=""
	for i in "${!pids[@]}"; do
		wait "${pids[$i]}"
		RCS="$RCS $?"
	done
	RCS=${RCS# }
}

all_zero() {
	local r
	for r in $RCS; do [ "$r" = 0 ] || return 1; done
	return 0
}

# applied_total: the sum of "applied N revisions" over the processes.
applied_total() {
	local total=0 f n
	for f in err.*; do
		n=$(sed -n 's/^\(applied\|reverted\) \([0-9]*\) revisions\{0,1\} in .*$/\2/p' "$f")
		total=$((total + ${n:-0}))
	done
	echo $total
}

# every stderr line says what happened: one line per revision run, then
# applied/reverted N, already at head, nothing to downgrade, possibly after
# a waiting notice
stderr_clean() {
	local f
	for f in err.*; do
		if grep -qv -E '^((upgrade  |downgrade) [0-9a-f]{12}  .*|(applied|reverted) [0-9]+ revisions? in [0-9.]+ s; the database is at .*|already at head|nothing to downgrade|waiting for another schemadiff .*)$' "$f"; then
			diag "$f: $(cat "$f")"
			return 1
		fi
	done
}

# scenario LABEL: runs the three concurrent scenarios with Q (a query
# function) against the configured database.
scenario() {
	local label=$1 ids expect_ran
	rm -f "$V"/*.sql
	# chain of 6: the first is slow enough that the others pile up behind it
	rev c00000000001 "" ran 01 \
'CREATE TABLE "ran" ("rev" VARCHAR(12) NOT NULL, "op" VARCHAR(4) NOT NULL);' \
'DROP TABLE "ran";'
	work_rev c00000000002 c00000000001 02 200000
	work_rev c00000000003 c00000000002 03
	work_rev c00000000004 c00000000003 04 100000
	work_rev c00000000005 c00000000004 05
	work_rev c00000000006 c00000000005 06

	run_many 16 upgrade
	equals "$RCS" "$(printf '0 %.0s' {1..16} | sed 's/ $//')" "$label: 16 concurrent upgrades all exit 0"
	check "$label: each says what it did (applied, or already at head after waiting)" stderr_clean
	equals "$(applied_total)" 6 "$label: the 16 processes applied 6 revisions in all"
	equals "$(Q "SELECT rev || ':' || count(*) FROM ran WHERE op = 'up' GROUP BY rev ORDER BY rev" | tr '\n' ' ')" \
		"c00000000002:1 c00000000003:1 c00000000004:1 c00000000005:1 c00000000006:1 " \
		"$label: every revision's statements ran exactly once"
	equals "$(Q "SELECT count(*) FROM ${VT}_log WHERE operation = 'upgrade'")|$(Q "SELECT count(DISTINCT revision) FROM ${VT}_log WHERE operation = 'upgrade'")" \
		"6|6" "$label: the applied log holds one upgrade per revision"
	equals "$(Q "SELECT revision FROM $VT")" c00000000006 "$label: the database is at head"
	equals "$(Q "SELECT count(*) FROM t_c00000000002")" 200000 "$label: the slow revision's rows are there once"

	# branched graph: two heads off the chain, each a chain of its own
	work_rev b10000000001 c00000000006 07 50000
	work_rev b10000000002 b10000000001 08
	work_rev b20000000001 c00000000006 09 50000
	work_rev b20000000002 b20000000001 10
	run_many 8 upgrade heads
	equals "$RCS" "0 0 0 0 0 0 0 0" "$label: 8 concurrent 'upgrade heads' over two branches all exit 0"
	check "$label: and each says what it did" stderr_clean
	equals "$(applied_total)" 4 "$label: they applied the 4 branch revisions in all"
	equals "$(Q "SELECT count(*) || '/' || count(DISTINCT rev) FROM ran WHERE op = 'up'")" "9/9" \
		"$label: each branch revision ran exactly once"
	equals "$(Q "SELECT revision FROM $VT ORDER BY revision" | tr '\n' ' ')" "b10000000002 b20000000002 " \
		"$label: both heads recorded, nothing else"

	run_many 8 downgrade c00000000003
	equals "$RCS" "0 0 0 0 0 0 0 0" "$label: 8 concurrent downgrades all exit 0"
	check "$label: and each says what it did" stderr_clean
	equals "$(applied_total)" 7 "$label: they reverted 7 revisions in all"
	equals "$(Q "SELECT count(*) || '/' || count(DISTINCT rev) FROM ran WHERE op = 'down'")" "7/7" \
		"$label: each revision's downgrade ran exactly once"
	equals "$(Q "SELECT count(*) FROM ${VT}_log WHERE operation = 'downgrade'")" 7 \
		"$label: the applied log holds one downgrade per revision"
	equals "$(Q "SELECT revision FROM $VT")" c00000000003 "$label: the database is at the target"
}

# ---- SQLite ------------------------------------------------------------------
sd init >/dev/null
DIALECT=sqlite
series() { echo "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $1) SELECT x FROM c"; }
Q() { sqlite3 -batch app.db "$1"; }
scenario sqlite

# ---- PostgreSQL --------------------------------------------------------------
if ! pg_server; then
	skip "postgresql: 16 concurrent upgrades, 8 over branches, 8 downgrades" "no PostgreSQL"
	finish
fi
DBNAME=sd_conc_$$
pg_database $DBNAME
export SCHEMADIFF_DATABASE_URL=$URL
DIALECT=postgresql
series() { echo "SELECT generate_series(1, $1)"; }
Q() { psql "$URL" -qtAX -c "$1"; }
scenario postgresql
finish
