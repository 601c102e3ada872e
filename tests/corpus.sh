# corpus.sh - the runner behind cli_dbdiff.sh and cli_realschemas.sh:
# `diff --from DB --to DB`, `dump` and a rebuild from the dump reproduce
# databases exactly. Sourced by a suite that sets:
#   CORPUS     the case directories' parent (testdata/dbdiff,
#              testdata/realschemas), cases at CORPUS/<dialect>/<case>/
#   FIRST      the first schema's script in a case (a.sql, v1.sql)
#   SECOND     the second's (b.sql, v2.sql)
#   ROUNDTRIP  0: the reverse phase migrates a fresh second database back
#              to the first; 1: it migrates the database the forward phase
#              migrated, so rows go first -> second -> first
#
# Four TAP lines per case, one per phase:
#   forward  build A (FIRST) and B (SECOND), diff A->B, apply the SQL to A
#            (one transaction unless the script opens its own; an error
#            anywhere fails the case, so does a half-applied script), then
#            require an empty re-diff (--exit-code) AND A's whole catalog
#            equal to B's as tests/catalog.py prints it (pg_dump
#            --schema-only, or every sqlite_schema entry): what schemadiff
#            does not manage (views, functions, policies...) cannot hide
#            behind an empty re-diff. Rows A's script seeds survive in
#            every column whose table, name and type are the same on both
#            sides; foreign keys still hold.
#   reverse  the same from B (ROUNDTRIP=1: from the migrated A) to a fresh A
#   dump     `dump` of B and of the fresh A, then `check` against each
#            must exit 0
#   rebuild  the dumped models of B and of A, created from an empty
#            database by `diff --from EMPTY --to MODELS`, give a database
#            whose catalog equals the original's, and then an empty diff
#
# Optional files in a case directory:
#   expect   lines "+ TEXT" (must appear in the A->B SQL) or "- TEXT" (must not)
#   xfail    lines "PHASE REASON" (PHASE: forward, reverse, dump, rebuild)
#            or "REASON" (every phase): the phase is reported as a TAP TODO
#            with that reason, written "class: detail; class: detail"
#            (the run ends with a tally by class, the worklist of
#            testdata/dbdiff/README). A TODO phase that passes is reported
#            as "ok ... # TODO" (meson counts it as a failure) with a
#            BONUS note to delete its xfail line
#   post     lines "+ SQL" (must succeed) or "! SQL" (must fail), run one by
#            one on A after the forward migration, SQLite with foreign keys
#            on: constraints, triggers and sequences still work
#   rowmap   lines "OLD NEW": a value OLD of a surviving column reads NEW
#            after the forward migration and OLD again after the reverse
#            one (an enum label renamed in place)
#   rowfill  lines "TABLE COLUMN": a column the forward migration fills
#            where it held NULL (one that becomes NOT NULL takes its
#            default): its rows are left out of the forward comparison,
#            and `post` says what they hold
#   config   a schemadiff.yaml passed with -c to every command of the case;
#            with `privileges: true` the catalogs compared include grants
#            (they are left out otherwise)
#
# Arguments: [CASE-GLOB...] (e.g. 'postgresql/enum*' 'sqlite/*'; default
# every case). SD_CORPUS_JOBS sets the
# number of workers (default 6), SD_CORPUS_PHASES limits the phases (e.g.
# "forward reverse"), SD_TEST_DIRECT=1 connects without pgbouncer.
ROOT=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$(dirname "$0")/lib.sh"

DATA=$ROOT/testdata/$CORPUS
FILTERS=("$@")
[ ${#FILTERS[@]} -gt 0 ] || FILTERS=('*/*')
PHASES=${SD_CORPUS_PHASES:-forward reverse dump rebuild}

PGBASE=${SCHEMADIFF_TEST_PGURI:-}
if [ -n "$PGBASE" ] && ! psql "$PGBASE" -qtAc "SELECT 1" >/dev/null 2>&1; then
	PGBASE=
fi
PGSERVER=${PGBASE%/*}
PGPREFIX=sd_${CORPUS:0:4}_$$
# Every database of this run is named $PGPREFIX_*; whatever a killed
# worker left behind is dropped on exit.
cleanup() {
	local d
	if [ -n "$PGBASE" ]; then
		# side by side: a DROP DATABASE waits most of a second for the
		# server's processes to let go of the files
		for d in $(psql "$PGBASE" -qtAc "SELECT datname FROM pg_database WHERE datname LIKE '${PGPREFIX}\\_%'"); do
			psql "$PGBASE" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 &
		done
		wait
	fi
}
on_exit cleanup
# The cases connect through a session-pooling pgbouncer (pg_pool); pg_dump,
# which leaves its session unfinished, connects directly.
PGPOOL=$PGSERVER
if [ -n "$PGBASE" ]; then
	pg_pool "$PGSERVER"
	PGPOOL=$POOL
fi
# The empty database every worker diffs from is made once for all of them
# (a rebuild fails, saying why, without it).
[ -z "$PGBASE" ] || psql "$PGBASE" -qc "CREATE DATABASE ${PGPREFIX}_empty" >/dev/null

# ---- per-dialect primitives -------------------------------------------------
# A PostgreSQL case costs 25 process starts (12 schemadiff, 7 psql, 6
# pg_dump, each a server session; a line of `post` one psql more) and
# their catalog reads: they are what the suite's time goes to, so each
# primitive does as much as it can in one.

# COLS_DIALECT: "table<TAB>column<TAB>type[<TAB>kind]" for every stored,
# not generated column (pragma_table_info hides SQLite's), names quoted for
# a SELECT; a composite type's attribute types follow its name, for a
# composite reached through arrays, domains and other composites too,
# each with its path (a column whose type gains or changes an attribute
# at any depth holds other values); kind
# (PostgreSQL) is "p" for a partitioned table, "part" for a
# partition, "r" (or none) for a plain table, then for a partition the
# root of its tree, for a partitioned table its key (common_cols says how
# rows are compared).
COLS_SQLITE="SELECT '\"' || replace(m.name, '\"', '\"\"') || '\"', '\"' || replace(p.name, '\"', '\"\"') || '\"', upper(p.type)
   FROM sqlite_schema m, pragma_table_info(m.name) p
  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
  ORDER BY m.name, p.cid"
COLS_POSTGRESQL="SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(a.attname),
        format_type(a.atttypid, a.atttypmod) || coalesce(' collate ' || co.collname, '')
          || CASE WHEN at.typtype IN ('c', 'd') OR at.typelem <> 0 THEN coalesce((
               WITH RECURSIVE x(oid, typmod, path, lvl) AS (
                   SELECT a.atttypid, a.atttypmod, ''::text, 0
                   UNION ALL
                   SELECT s.oid, s.typmod, x.path || s.step, x.lvl + 1
                     FROM x JOIN pg_type t ON t.oid = x.oid
                    CROSS JOIN LATERAL (
                          SELECT t.typbasetype AS oid, t.typtypmod AS typmod, '' AS step WHERE t.typtype = 'd'
                          UNION ALL SELECT t.typelem, x.typmod, '[]' WHERE t.typtype <> 'd' AND t.typcategory = 'A' AND t.typelem <> 0
                          UNION ALL SELECT ta.atttypid, ta.atttypmod, '.' || lpad(ta.attnum::text, 4, '0')
                            FROM pg_attribute ta
                           WHERE t.typtype = 'c' AND ta.attrelid = t.typrelid AND ta.attnum > 0 AND NOT ta.attisdropped) s
                    WHERE x.lvl < 8)
               SELECT ' (' || string_agg(x.path || ' ' || format_type(x.oid, x.typmod), ', ' ORDER BY x.path) || ')'
                 FROM x WHERE x.path LIKE '%.%'), '') ELSE '' END,
        CASE WHEN c.relkind = 'p' THEN 'p' WHEN c.relispartition THEN 'part' ELSE 'r' END,
        CASE WHEN c.relispartition THEN (SELECT quote_ident(rn.nspname) || '.' || quote_ident(rc.relname)
                                           FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                                          WHERE rc.oid = pg_partition_root(c.oid))
             WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END
   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
   JOIN pg_namespace n ON n.oid = c.relnamespace
   JOIN pg_type at ON at.oid = a.atttypid
   LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
  WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    AND a.attgenerated = ''
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg_toast%'
  ORDER BY 1, a.attnum"

# mk_DIALECT NAME SCRIPT COLS: a fresh database NAME made by SCRIPT, its
# columns (above) written to COLS; prints the URL. Fails, diagnosing the
# error, when the script does not run.
mk_sqlite() {
	local f=$T/$1.db
	rm -f "$f"
	if ! sqlite3 -bail "$f" <"$2" >"$W/.mk" 2>&1; then
		cat "$W/.mk" >&2
		return 1
	fi
	sqlite3 -batch -separator $'\t' "$f" "$COLS_SQLITE" | sort >"$3"
	echo "sqlite:///$f"
}

# A worker keeps its PostgreSQL databases for all its cases and empties
# them between cases (every schema and extension dropped, public recreated
# as initdb leaves it): far cheaper than CREATE DATABASE per case. JIT is
# off for the harness's own queries: the column query (above) would spend
# 100 ms compiling each time.
PG_RESET="SET jit = off; DO \$\$ DECLARE r record; BEGIN
  FOR r IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('pg_catalog', 'information_schema')
             AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
  END LOOP;
  -- database-wide default privileges outlive the schemas: no statement
  -- takes them all away, so the rows go (superuser)
  DELETE FROM pg_shdepend WHERE classid = 'pg_default_acl'::regclass
    AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database());
  DELETE FROM pg_default_acl; END \$\$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
COMMENT ON SCHEMA public IS 'standard public schema';
GRANT USAGE ON SCHEMA public TO PUBLIC;"

# pg_db NAME: the URL of the worker's database NAME, created on first use.
pg_db() {
	local d=${PGPREFIX}_$1
	if [ ! -f "$T/made_$d" ]; then
		psql "$PGBASE" -qc "CREATE DATABASE $d" >/dev/null || return 1
		touch "$T/made_$d"
	fi
	echo "$PGPOOL/$d"
}

mk_postgresql() {
	local url
	url=$(pg_db "$1") || return 1
	if ! psql "$url" -X -q -tA -F $'\t' -v ON_ERROR_STOP=1 -c "$PG_RESET" -c '\o /dev/null' \
		-f "$2" -c "\\o $3.raw" -c "$COLS_POSTGRESQL" >"$W/.mk" 2>&1; then
		cat "$W/.mk" >&2
		return 1
	fi
	sort "$3.raw" >"$3"
	echo "$url"
}

# cols_DIALECT URL OUT: the columns of a database as it is now.
cols_sqlite() { sqlite3 -batch -separator $'\t' "${1#sqlite://}" "$COLS_SQLITE" | sort >"$2"; }
cols_postgresql() { psql "$1" -X -qtA -F $'\t' -c "SET jit = off" -c "$COLS_POSTGRESQL" | sort >"$2"; }

# empty_DIALECT: the URL of an empty database that is never written to.
empty_sqlite() { echo "sqlite:///$T/empty_$KEY.db"; }
empty_postgresql() { echo "$PGPOOL/${PGPREFIX}_empty"; }  # made below, shared

# apply_DIALECT URL SQLFILE [fresh]: runs the SQL in one transaction, stops
# at the first error; with "fresh", on an emptied database first. A script
# that opens its own transactions runs as it is: whatever it leaves half
# applied when it fails, the case has failed.
apply_sqlite() {
	local f=${1#sqlite://}
	[ "${3:-}" = fresh ] && rm -f "$f"
	if grep -qiE '^[[:space:]]*BEGIN( TRANSACTION)?[[:space:]]*;' "$2"; then
		sqlite3 -bail "$f" <"$2" 2>&1
	else
		{ echo "BEGIN;"; cat "$2"; echo "COMMIT;"; } | sqlite3 -bail "$f" 2>&1
	fi
}

apply_postgresql() {
	local reset=() one=--single-transaction
	[ "${3:-}" = fresh ] && reset=(-c "$PG_RESET")
	# a script with transactions of its own runs after the reset, in the
	# same session
	grep -qiE '^[[:space:]]*(BEGIN|START TRANSACTION)[[:space:]]*;' "$2" && one=
	psql "$1" -X -q -v ON_ERROR_STOP=1 $one "${reset[@]}" -f "$2" 2>&1
}

# migrate_DIALECT URL SQLFILE COMMON BEFORE AFTER: apply_DIALECT, with the
# rows of the COMMON columns (common_cols) written to BEFORE just before
# and to AFTER just after (nothing when the SQL fails). PostgreSQL does it
# in one session: the script runs in a transaction of its own (unless it
# opens its own), between the two snapshots, which run outside it and whose
# errors (a column type without ordering, say) are written as rows.
migrate_sqlite() {
	snapshot sqlite "$1" "$3" >"$4" 2>&1
	"apply_sqlite" "$1" "$2" || return
	snapshot sqlite "$1" "$3" >"$5" 2>&1
}

migrate_postgresql() {
	local url=$1 sql=$2 common=$3 side tx=(-c BEGIN -f "$2" -c COMMIT)
	grep -qiE '^[[:space:]]*(BEGIN|START TRANSACTION)[[:space:]]*;' "$sql" && tx=(-f "$sql")
	for side in before after; do
		{
			echo '\set ON_ERROR_STOP 0'
			echo '\pset tuples_only on'
			echo '\pset format unaligned'
			[ "$side" = before ] && echo "\\o $4" || echo "\\o $5"
			[ -s "$common" ] && snapshot_sql "$common" psql
			echo '\o'
			echo '\pset tuples_only off'
			echo '\pset format aligned'
			echo '\set ON_ERROR_STOP 1'
		} >"$W/snap_$side.sql"
	done
	: >"$4"
	psql "$url" -X -q -v ON_ERROR_STOP=1 -f "$W/snap_before.sql" "${tx[@]}" -f "$W/snap_after.sql" 2>&1
}

# catalog_DIALECT URL OUT: the whole schema as canonical text into OUT,
# written by the worker's tests/catalog.py server (started once per worker:
# a Python start per catalog would cost more than the rest of a case).
catalog_ask() { # KIND INPUT... OUT
	local reply
	echo "$*" >&"${CATD[1]}"
	IFS= read -r reply <&"${CATD[0]}"
	[ "$reply" = ok ] || echo "tests/catalog.py $*: $reply" >"${!#}"
}
# sqlite:///rel.db is relative, sqlite:////abs.db absolute
catalog_sqlite() { local u=${1#sqlite://}; catalog_ask sqlite "${u#/}" "$2"; }
# Grants and owners are compared only where the case asks for them
# (config `privileges: true`): without it schemadiff leaves them alone.
catalog_postgresql() {
	local acl="--no-privileges --no-owner"
	[ -n "$CFG" ] && grep -qE '^privileges:[[:space:]]*true' "$CFG" && acl=
	if pg_dump --schema-only $acl "${1/#"$PGPOOL"/$PGSERVER}" >"$2.raw" 2>"$2.err"; then
		catalog_ask postgresql "$2.raw" "$2"
	else
		echo "tests/catalog.py pg_dump $1: $(cat "$2.err")" >"$2"
	fi
}

# script_DIALECT URL: runs the statements on stdin, printing every result.
script_sqlite() { sqlite3 -batch "${1#sqlite://}"; }
script_postgresql() { psql "$1" -X -qtA -f -; }

fkcheck_sqlite() { sqlite3 -batch "${1#sqlite://}" "PRAGMA foreign_key_check"; }
fkcheck_postgresql() { :; }  # PostgreSQL keeps its constraints valid itself

# stmt_DIALECT URL SQL: runs one statement, status only.
stmt_sqlite() { sqlite3 -bail "${1#sqlite://}" "PRAGMA foreign_keys = ON; $2" >/dev/null 2>&1; }
stmt_postgresql() { psql "$1" -X -q -v ON_ERROR_STOP=1 -c "$2" >/dev/null 2>&1; }

# snapshot DIALECT URL COMMONFILE: every surviving column's rows, sorted,
# in one round trip.
snapshot() {
	[ -s "$3" ] || return 0
	snapshot_sql "$3" | "script_$1" "$2"
}

# snapshot_sql COMMONFILE [psql]: the queries of a snapshot; with "psql",
# a failing one writes its error where its rows would be.
snapshot_sql() {
	awk -F'\t' -v sq="'" -v psql="${2:-}" '
		function flush() {
			if (t == "") return
			printf "SELECT %s; SELECT %s FROM %s ORDER BY %s;\n", q, cols, t, cols
			if (psql) printf "\\if :ERROR\n\\qecho ERROR: :LAST_ERROR_MESSAGE\n\\endif\n"
		}
		$1 != t { flush(); t = $1; cols = $2; q = t; gsub(sq, sq sq, q); q = sq "== " q sq; next }
		{ cols = cols ", " $2 }
		END { flush() }' "$1"
}

# ---- one case -----------------------------------------------------------------
# A case runs in a worker with its own directory $W (several run at once);
# it writes its TAP lines without numbers to $W/tap, numbered by the main
# shell in case order.

xfail_reason() { # DIR PHASE
	local f=$1/xfail line
	[ -f "$f" ] || return 1
	while IFS= read -r line; do
		case $line in
		"forward "* | "reverse "* | "dump "* | "rebuild "*)
			[ "${line%% *}" = "$2" ] && { echo "${line#* }"; return 0; } ;;
		"") ;;
		*) echo "$line"; return 0 ;;
		esac
	done <"$f"
	return 1
}

# report DESC PROBLEMS-FILE XFAIL-REASON CASE-DIR PHASE: one unnumbered TAP
# line + diagnostics.
report() {
	local desc=$1 problems=$2 reason=$3 todo=
	[ -n "$reason" ] && todo=" # TODO $reason"
	if [ ! -s "$problems" ]; then
		echo "ok - $desc$todo"
		[ -n "$reason" ] && echo "# BONUS: $desc now passes: delete the '$5' line of ${4#"$ROOT"/}/xfail"
	else
		echo "not ok - $desc$todo"
		# whole lines only, so that the next TAP line starts a line
		head -n 100 "$problems" | cut -c1-400 | sed 's/^/# /'
	fi >>"$W/tap"
}

# sdc ARGS...: schemadiff with the case's config, if it has one.
sdc() {
	if [ -n "$CFG" ]; then
		"$SD" -c "$CFG" "$@"
	else
		"$SD" "$@"
	fi
}

# same_catalog DIALECT URL WANT-FILE WHAT: appends the difference between
# URL's catalog and WANT-FILE to $P.
same_catalog() {
	local got=$W/catalog.got
	"catalog_$1" "$2" "$got"
	if grep -q '^tests/catalog.py ' "$got" "$3"; then
		{ echo "$4: no catalog to compare:"; cat "$got" "$3" | grep '^tests/catalog.py '; } >>"$P"
		return 1
	fi
	if ! cmp -s "$got" "$3"; then
		catalog_ask diff "$3" "$got" "$W/catalog.diff"
		{ echo "$4: the catalog differs from the target (- only in the target, + only in the result, ~ both, other contents):"
		  head -60 "$W/catalog.diff"; } >>"$P"
		return 1
	fi
}

# common_cols FROM-COLS TO-COLS: "table<TAB>column<TAB>type" of the
# columns whose rows must survive, sorted by table. Rows are compared where
# they are stored: a plain table or a partition on its own (ONLY: attaching,
# detaching or dropping a partition or an INHERITS child changes what its
# parent reads, not its rows); a table that becomes partitioned, or stops
# being so, through the partitioned side's parent, which reads every
# partition. A partition tree whose root is partitioned on both sides is
# compared as a whole, since a row may move to another partition (a new
# bound takes it out of the DEFAULT partition; a new key routes it anew):
# the rows its root reads from the partitions that stay in the tree or are
# new in it (not from those dropped or detached, whose rows leave it), and
# from every partition when the root's key changes (the tree is recreated
# with all its rows).
common_cols() {
	awk -v sq="'" 'BEGIN { FS = OFS = "\t" }
		function emit(s, t, c, ty, tag) { line[s, t "\t" c "\t" ty "\t" tag] = 1 }
		{ s = FNR == NR ? 1 : 2; n[s]++; row[s, n[s]] = $0
		  kind[s, $1] = NF < 4 ? "r" : $4; extra[s, $1] = $5; pg = pg || NF >= 4 }
		END {
			# the partitions compared with their tree: "member[root, leaf]"
			for (s = 1; s <= 2; s++)
				for (i = 1; i <= n[s]; i++) {
					split(row[s, i], f, "\t"); t = f[1]; r = extra[s, t]; o = 3 - s
					if (kind[s, t] != "part" || kind[1, r] != "p" || kind[2, r] != "p")
						continue
					if (extra[1, r] != extra[2, r] ||
					    (kind[o, t] == "part" && extra[o, t] == r) ||
					    (s == 2 && !((1, t) in kind)))
						member[r, t] = 1
				}
			for (x in member) {
				split(x, m, SUBSEP); q = m[2]; gsub(sq, sq sq, q)
				list[m[1]] = (m[1] in list ? list[m[1]] ", " : "") sq q sq
			}
			for (s = 1; s <= 2; s++)
				for (i = 1; i <= n[s]; i++) {
					split(row[s, i], f, "\t"); t = f[1]; k = kind[s, t]
					if (k == "part" && ((extra[s, t], t) in member))
						continue
					if (k != "p")
						emit(s, (pg ? "ONLY " : "") t, f[2], f[3], "leaf")
					if (k == "r")
						emit(s, t, f[2], f[3], s == 1 ? "whole" : "parent")
					if (k == "p")
						emit(s, t, f[2], f[3], s == 1 ? "parent" : "whole")
					if (k == "p" && (t in list))
						emit(s, t " WHERE tableoid IN (SELECT to_regclass(x) FROM unnest(ARRAY[" list[t] "]) x)",
						     f[2], f[3], "tree")
				}
			for (x in line) {
				split(x, g, SUBSEP)
				if (g[1] == 1 && ((2, g[2]) in line)) { split(g[2], h, "\t"); print h[1], h[2], h[3] }
			}
		}' "$1" "$2" | sort -u | sort -t$'\t' -k1,1 -s
}

# converge DIALECT DIR DIRECTION FROM-URL TO-URL TO-CATALOG FROM-COLS
# TO-COLS: appends problems to $P. FROM is migrated; TO is left as it is.
converge() {
	local dialect=$1 dir=$2 direction=$3 from=$4 to=$5 want=$6
	local sqlfile=$W/$direction.sql p=$P out rc line applied fk

	common_cols "$7" "$8" >"$W/cols.common"
	if [ "$direction" = forward ] && [ -f "$dir/rowfill" ]; then
		awk -F '\t' 'NR == FNR { split($0, w, " "); skip[w[1] "\t" w[2]] = 1; next }
			{ t = $1; sub(/^.*\./, "", t); gsub(/"/, "", t); c = $2; gsub(/"/, "", c)
			  if (!((t "\t" c) in skip)) print }' "$dir/rowfill" "$W/cols.common" >"$W/cols.kept"
		mv "$W/cols.kept" "$W/cols.common"
	fi
	sdc diff --from "$from" --to "$to" >"$sqlfile" 2>"$W/err"
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
	rm -f "$W/rows.before" "$W/rows.after"
	if ! applied=$("migrate_$dialect" "$from" "$sqlfile" "$W/cols.common" "$W/rows.before" "$W/rows.after"); then
		{ echo "applying the diff failed:"; echo "$applied"; echo "--- SQL:"; cat "$sqlfile"; } >>"$p"
		return
	fi
	out=$(sdc diff --from "$from" --to "$to" --exit-code 2>&1)
	rc=$?
	if [ "$rc" != 0 ]; then
		{ echo "re-diff not empty (exit $rc):"; echo "$out"; echo "--- first SQL:"; cat "$sqlfile"; } >>"$p"
		return
	fi
	same_catalog "$dialect" "$from" "$want" "after the migration" ||
		{ echo "--- SQL:"; cat "$sqlfile"; } >>"$p"
	if [ -f "$dir/rowmap" ]; then
		awk -v dir="$direction" 'NR == FNR { if (dir == "forward") m[$1] = $2; else m[$2] = $1; next }
			{ n = split($0, f, "|"); s = ""
			  for (i = 1; i <= n; i++) s = s (i > 1 ? "|" : "") (f[i] in m ? m[f[i]] : f[i])
			  print s }' "$dir/rowmap" "$W/rows.before" >"$W/rows.mapped"
		mv "$W/rows.mapped" "$W/rows.before"
	fi
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

# dump_check DIALECT URL SIDE: `dump` of URL into $W/models_SIDE.yaml, then
# `check` of URL against it must be clean.
dump_check() {
	local dialect=$1 url=$2 side=$3 m=$W/models_$3.yaml out rc
	printf 'database: "%s"\nmodels: models_%s.yaml\n' "$url" "$side" >"$W/dump_$side.yaml"
	[ -n "$CFG" ] && grep -v -E '^(database|models):' "$CFG" >>"$W/dump_$side.yaml"
	if ! "$SD" -c "$W/dump_$side.yaml" dump >"$m" 2>"$W/err"; then
		{ echo "$side: dump failed:"; cat "$W/err"; } >>"$P"
		return 1
	fi
	out=$("$SD" -c "$W/dump_$side.yaml" check 2>&1)
	rc=$?
	if [ "$rc" != 0 ]; then
		{ echo "$side: check against its own dump exited $rc:"; echo "$out"; } >>"$P"
	fi
	return 0
}

# rebuild DIALECT URL SIDE WANT-FILE: the dumped models created from an
# empty database (diffed from the worker's never-written empty one, applied
# to a freshly emptied one); its catalog must equal URL's.
rebuild() {
	local dialect=$1 url=$2 side=$3 want=$4 e empty sqlfile=$W/rebuild_$3.sql applied out rc
	[ -s "$W/models_$side.yaml" ] || { echo "$side: no dump to rebuild from" >>"$P"; return; }
	if [ "$dialect" = sqlite ]; then
		e=sqlite:///$T/${KEY}_e.db
	else
		e=$(pg_db "${KEY}_e") || { echo "$side: cannot make the empty database" >>"$P"; return; }
	fi
	empty=$("empty_$dialect")
	if ! "$SD" -c "$W/dump_$side.yaml" diff --from "$empty" --to "$W/models_$side.yaml" >"$sqlfile" 2>"$W/err"; then
		{ echo "$side: diff from empty to the dump failed:"; cat "$W/err"; } >>"$P"
		return
	fi
	if ! applied=$("apply_$dialect" "$e" "$sqlfile" fresh); then
		{ echo "$side: applying the rebuild failed:"; echo "$applied"; echo "--- SQL:"; cat "$sqlfile"; } >>"$P"
		return
	fi
	same_catalog "$dialect" "$e" "$want" "$side rebuilt from its dump" || return
	out=$(sdc diff --from "$e" --to "$url" --exit-code 2>&1)
	rc=$?
	if [ "$rc" != 0 ]; then
		{ echo "$side: the catalog is the original's, yet diff finds differences (exit $rc):"; echo "$out"; } >>"$P"
	fi
}

# run_case DIALECT DIR: forward on fresh A and B; dump and rebuild of B
# (still untouched); reverse to a fresh A2 (A's database made anew, unless
# ROUNDTRIP) from B (ROUNDTRIP: from the migrated A); dump and rebuild of A2 (untouched). Each phase collects its
# problems in $W/p.PHASE ($P is the current one) and is reported at the
# end, in phase order.
run_case() {
	local dialect=$1 dir=$2 name a b a2 phase src
	local -A why
	name=$(basename "$dir")
	CFG=
	[ -f "$dir/config" ] && CFG=$dir/config
	for phase in forward reverse dump rebuild; do
		why[$phase]=$(xfail_reason "$dir" "$phase") || why[$phase]=
		: >"$W/p.$phase"
	done
	if [ "$dialect" = postgresql ] && [ -z "$PGBASE" ]; then
		for phase in $PHASES; do
			echo "ok - $dialect/$name $phase # SKIP no PostgreSQL" >>"$W/tap"
		done
		return
	fi
	P=$W/p.forward
	if a=$("mk_$dialect" "${KEY}_a" "$dir/$FIRST" "$W/cols.a" 2>>"$P") &&
		b=$("mk_$dialect" "${KEY}_b" "$dir/$SECOND" "$W/cols.b" 2>>"$P"); then
		"catalog_$dialect" "$b" "$W/catalog.b"
		want forward && converge "$dialect" "$dir" forward "$a" "$b" "$W/catalog.b" "$W/cols.a" "$W/cols.b"
		P=$W/p.dump
		want dump rebuild && dump_check "$dialect" "$b" b
		P=$W/p.rebuild
		want rebuild && rebuild "$dialect" "$b" b "$W/catalog.b"
		P=$W/p.reverse
		src=$b
		if [ "$ROUNDTRIP" = 1 ]; then
			src=$a
			"cols_$dialect" "$a" "$W/cols.b"
		fi
		# without the round trip, A is done with: A2 takes its place
		a2=${KEY}_a
		[ "$ROUNDTRIP" = 1 ] && a2=${KEY}_a2
		if a2=$("mk_$dialect" "$a2" "$dir/$FIRST" "$W/cols.a" 2>>"$P"); then
			"catalog_$dialect" "$a2" "$W/catalog.a"
			if [ "$ROUNDTRIP" = 1 ] && [ -s "$W/p.forward" ]; then
				want reverse && echo "no round trip: the forward step failed" >>"$P"
			else
				want reverse && converge "$dialect" "$dir" reverse "$src" "$a2" "$W/catalog.a" "$W/cols.b" "$W/cols.a"
			fi
			P=$W/p.dump
			want dump rebuild && dump_check "$dialect" "$a2" a
			P=$W/p.rebuild
			want rebuild && rebuild "$dialect" "$a2" a "$W/catalog.a"
		else
			for phase in reverse dump rebuild; do
				echo "cannot build the databases" >>"$W/p.$phase"
			done
		fi
	else
		for phase in forward reverse dump rebuild; do
			echo "cannot build the databases" >>"$W/p.$phase"
		done
	fi
	for phase in $PHASES; do
		report "$dialect/$name $phase" "$W/p.$phase" "${why[$phase]}" "$dir" "$phase"
	done
}

# want PHASE...: whether any of the phases is to run.
want() {
	local phase
	for phase in "$@"; do
		[[ " $PHASES " = *" $phase "* ]] && return 0
	done
	return 1
}

# Cases run in JOBS workers (SD_CORPUS_JOBS, default 6), worker k taking
# every JOBS-th case: most of the time goes to process start-up and
# catalog round trips, not CPU.
JOBS=${SD_CORPUS_JOBS:-6}
cases=()
for filter in "${FILTERS[@]}"; do
	for dir in "$DATA"/$filter; do
		[ -f "$dir/$FIRST" ] && cases+=("$dir")
	done
done
for ((k = 0; k < JOBS; k++)); do
	(
		i=0
		KEY=w$k
		coproc CATD { exec python3 "$ROOT/tests/catalog.py" serve; }
		for dir in "${cases[@]}"; do
			i=$((i + 1))
			[ $((i % JOBS)) = "$k" ] || continue
			W=$T/w$i
			mkdir -p "$W"
			: >"$W/tap"
			run_case "$(basename "$(dirname "$dir")")" "$dir"
			touch "$W/done"
		done
	) &
done
wait
i=0
todo=0
bonus=0
for dir in "${cases[@]}"; do
	i=$((i + 1))
	W=$T/w$i
	[ -f "$W/done" ] || echo "not ok - $dir: the worker died" >>"$W/tap"
	while IFS= read -r line; do
		case $line in
		"ok - "*"# SKIP "*) _n=$((_n + 1)); echo "ok $_n ${line#ok }" ;;
		"ok - "*"# TODO "*) _n=$((_n + 1)); bonus=$((bonus + 1)); echo "ok $_n ${line#ok }" ;;
		"not ok - "*"# TODO "*) _n=$((_n + 1)); todo=$((todo + 1)); echo "not ok $_n ${line#not ok }" ;;
		"ok - "*) ok "${line#ok - }" ;;
		"not ok - "*) not_ok "${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done <"$W/tap"
done
# The worklist: known failures by class. An xfail reason is "class: detail;
# class: detail; ...", tallied by class.
diag "$((_n - todo - bonus - _failed)) passed, $_failed failed, $todo known failures (TODO), $bonus TODO now passing"
cat "$T"/w*/tap 2>/dev/null | sed -n 's/^not ok - \([a-z]*\)\/.* # TODO \(.*\)/\1\t\2/p' |
	awk -F'\t' '{ n = split($2, c, "; "); for (i = 1; i <= n; i++) { sub(/:.*/, "", c[i]); print $1 ": " c[i] } }' |
	sort | uniq -c | sort -rn | sed 's/^/# /'
if [ "$bonus" -gt 0 ]; then
	diag "$bonus phase(s) marked TODO now pass: delete their xfail lines (see BONUS above)"
fi
finish
