#!/bin/bash
# cli_pg_matrix.sh - the PostgreSQL coverage matrix through models and the
# real CLI: one case per object kind (testdata/pg_matrix/<case>/), each a
# sequence of model steps NN_label.yaml walked up and then back down.
#
# Per case, in its own database:
#   up:    for every step: run its seeds, copy the step to models.yaml,
#          generate (rc 0, expected warnings and SQL), upgrade, then `check`
#          exits 0 and a second `generate` says "no changes" (no false
#          positives), `check` against what `dump` writes exits 0 too,
#          then the step's catalog and row queries.
#   down:  `downgrade` one revision at a time; after each, `check` against
#          the previous step's models exits 0 and that step's queries hold
#          again (rows inserted along the way in unaffected columns intact).
#   again: `downgrade base` leaves no user object behind, `upgrade` back to
#          head matches the last step.
#
# A step's optional NN_label.t holds one directive per line:
#   seed: SQL          run before this step is generated (rows the step's
#                      change must carry)
#   gen: TEXT          generate's output (stdout+stderr) contains TEXT
#   rev: TEXT          the revision file contains TEXT
#   gen!: / rev!:      ... does not contain TEXT
#   base-left: TEXT    (first step) what `downgrade base` leaves, for objects
#                      the case creates by seed rather than by a revision
#   q: SQL => WANT     after upgrade to this step and after downgrading back
#                      to it, psql -tA prints WANT (fields joined by |,
#                      rows by ;)
#   up-q: / down-q:    the same, on one pass only
#   down-seed: SQL     run after downgrading back to this step and its
#                      queries (rows the next downgrade must carry)
#   todo: REASON       the step's assertions (its upgrade and the downgrade
#                      leaving it) are TAP TODOs with that reason; when its
#                      upgrade fails, so are the final base/head checks
#   todo-up: / todo-down:  the same, on one pass only
#
# Cases run in parallel; their TAP lines are numbered when collected.
# Usage: cli_pg_matrix.sh [CASE-GLOB]
ROOT=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$(dirname "$0")/lib.sh"

DATA=$ROOT/testdata/pg_matrix
FILTER=${1:-*}
JOBS=${SD_MATRIX_JOBS:-6}

if ! pg_server; then
	skip "PostgreSQL coverage matrix" "no PostgreSQL"
	finish
fi
PREFIX=sd_pgm_$$
# the cases connect through a session pooler (lib.sh: pg_pool)
pg_pool "$SERVER"

# ---- one case, run in a subshell writing unnumbered TAP lines ---------------

# r_ok/r_fail DESC [DIAG...]: one result; a failure under $TODO is a TODO.
# A TODO covers a whole step, so its assertions that hold are plain passes.
r_ok() {
	echo "ok - $CASE: $1"
}

r_fail() {
	local d=$1
	shift
	if [ -n "$TODO" ]; then
		echo "not ok - $CASE: $d # TODO $TODO"
	else
		echo "not ok - $CASE: $d"
	fi
	printf '%s\n' "$@" | sed 's/^/# /'
}

r_rc() { # WANT DESC: on the last sd/run
	if [ "$RC" = "$1" ]; then
		r_ok "$2"
	else
		r_fail "$2" "want exit status $1, got $RC" "stdout: $OUT" "stderr: $ERR"
	fi
}

pq() { psql "$URL" -qtAX -F'|' -R';' -c "$1" 2>&1; }

# directives FILE PREFIX...: prints the values of the directives named.
directives() {
	local f=$1 line key p
	shift
	[ -f "$f" ] || return 0
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in '#'* | '') continue ;; esac
		key=${line%%:*}
		for p in "$@"; do
			if [ "$key" = "$p" ]; then
				line=${line#*:}
				printf '%s\n' "${line# }"
			fi
		done
	done <"$f"
}

# set_todo FILE PASS: $TODO from the step's todo: / todo-PASS: lines.
set_todo() {
	TODO=$(directives "$1" todo "todo-$2" | head -n 1)
}

# queries FILE PASS LABEL: the step's q: and PASS-q: assertions.
queries() {
	local f=$1 pass=$2 label=$3 spec sql want got
	while IFS= read -r spec; do
		sql=${spec% =>*}
		want=${spec##*=>}
		want=${want# }
		got=$(pq "$sql")
		if [ "$got" = "$want" ]; then
			r_ok "$label: $sql"
		else
			r_fail "$label: $sql" "got:  $got" "want: $want"
		fi
	done < <(directives "$f" q "$pass-q")
}

run_case() {
	local dir=$1 steps=() applied=() stuck= i n t y rev label spec
	CASE=$(basename "$dir")
	TODO=
	local db=${PREFIX}_$CASE
	URL=$POOL/$db
	export SCHEMADIFF_DATABASE_URL=$URL
	T=$T/$CASE # run() keeps its stderr under $T: one per case
	mkdir -p "$T" && cd "$T" || return 1
	psql "$BASE" -qXc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	if ! psql "$BASE" -qXc "CREATE DATABASE $db" >/dev/null 2>&1; then
		r_fail "create database $db"
		return 0
	fi
	sd init
	for y in "$dir"/[0-9]*.yaml; do steps+=("${y%.yaml}"); done
	n=${#steps[@]}

	for ((i = 0; i < n; i++)); do
		t=${steps[$i]}.t
		label="up $(basename "${steps[$i]}")"
		set_todo "$t" up
		while IFS= read -r spec; do
			run psql "$URL" -qX -v ON_ERROR_STOP=1 -c "$spec"
			r_rc 0 "$label: seed $spec"
		done < <(directives "$t" seed)
		cp "${steps[$i]}.yaml" models.yaml
		sd generate -m "$(basename "${steps[$i]}")"
		r_rc 0 "$label: generate"
		rev=
		[ "$RC" = 0 ] && [ -f "$OUT" ] && rev=$OUT
		local genout="$OUT
$ERR"
		while IFS= read -r spec; do
			if printf '%s' "$genout" | grep -qF -- "$spec"; then
				r_ok "$label: generate says '$spec'"
			else
				r_fail "$label: generate says '$spec'" "output: $genout"
			fi
		done < <(directives "$t" gen)
		while IFS= read -r spec; do
			if printf '%s' "$genout" | grep -qF -- "$spec"; then
				r_fail "$label: generate does not say '$spec'" "output: $genout"
			else
				r_ok "$label: generate does not say '$spec'"
			fi
		done < <(directives "$t" 'gen!')
		while IFS= read -r spec; do
			if [ -n "$rev" ] && grep -qF -- "$spec" "$rev"; then
				r_fail "$label: revision lacks '$spec'" "revision: $(cat "$rev")"
			else
				r_ok "$label: revision lacks '$spec'"
			fi
		done < <(directives "$t" 'rev!')
		while IFS= read -r spec; do
			if [ -n "$rev" ] && grep -qF -- "$spec" "$rev"; then
				r_ok "$label: revision has '$spec'"
			else
				r_fail "$label: revision has '$spec'" \
					"revision: $([ -n "$rev" ] && cat "$rev")"
			fi
		done < <(directives "$t" rev)
		sd upgrade
		r_rc 0 "$label: upgrade"
		applied[$i]=$RC
		if [ "$RC" != 0 ] && [ -z "$stuck" ]; then stuck=$TODO; fi
		[ "$RC" = 0 ] || [ -z "$rev" ] || diag "$(cat "$rev")"
		sd check
		r_rc 0 "$label: check is clean"
		sd generate -m "again"
		if [ "$RC" = 0 ] && printf '%s' "$OUT$ERR" | grep -q "no changes"; then
			r_ok "$label: generate again says no changes"
		else
			r_fail "$label: generate again says no changes" \
				"exit $RC" "stdout: $OUT" "stderr: $ERR" \
				"$([ -f "$OUT" ] && cat "$OUT")"
			[ -f "$OUT" ] && rm -f "$OUT"
		fi
		queries "$t" up "$label"
		# `dump` adopts the database: its models must match it too
		sd dump
		printf '%s\n' "$OUT" >dumped.yaml
		sed 's/^models: .*/models: dumped.yaml/' schemadiff.yaml >dump.cfg.yaml
		sd -c dump.cfg.yaml check
		r_rc 0 "$label: check against its own dump"
	done

	for ((i = n - 1; i > 0; i--)); do
		label="down to $(basename "${steps[$((i - 1))]}")"
		set_todo "${steps[$i]}.t" down
		if [ "${applied[$i]}" != 0 ]; then
			# its upgrade failed: the database is still at the step before
			r_fail "$label: downgrade (the step never applied)"
		else
			sd downgrade
			r_rc 0 "$label: downgrade"
		fi
		cp "${steps[$((i - 1))]}.yaml" models.yaml
		sd check
		r_rc 0 "$label: check against the step's models"
		queries "${steps[$((i - 1))]}.t" down "$label"
		while IFS= read -r spec; do
			run psql "$URL" -qX -v ON_ERROR_STOP=1 -c "$spec"
			r_rc 0 "$label: seed $spec"
		done < <(directives "${steps[$((i - 1))]}.t" down-seed)
	done

	# a step whose upgrade failed fails these too: report them as its TODO
	TODO=$stuck
	sd downgrade base
	r_rc 0 "downgrade base"
	local left
	left=$(pq "SELECT string_agg(n.nspname || '.' || c.relname, ',' ORDER BY n.nspname, c.relname)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r','S','i','p') AND c.relname NOT LIKE 'schemadiff_version%'
		  AND n.nspname NOT IN ('pg_catalog','information_schema','pg_toast')")
	left=$left$(pq "SELECT string_agg(typname, ',') FROM pg_type t
		JOIN pg_namespace n ON n.oid = t.typnamespace
		WHERE t.typtype = 'e'")
	left=$left$(pq "SELECT string_agg(nspname, ',') FROM pg_namespace
		WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('public','information_schema')")
	if [ "$left" = "$(directives "${steps[0]}.t" base-left)" ]; then
		r_ok "base leaves no tables, enums or schemas"
	else
		r_fail "base leaves no tables, enums or schemas" "left: $left"
	fi
	cp "${steps[$((n - 1))]}.yaml" models.yaml
	sd upgrade
	r_rc 0 "upgrade head again"
	sd check
	r_rc 0 "check at head again"
	psql "$BASE" -qXc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
}

# ---- run every case, collect and number --------------------------------------

CASES=()
for d in "$DATA"/$FILTER; do
	[ -d "$d" ] && CASES+=("$d")
done
on_exit 'for d in "${CASES[@]}"; do psql "$BASE" -qXc "DROP DATABASE IF EXISTS ${PREFIX}_$(basename "$d") WITH (FORCE)" >/dev/null 2>&1; done'

running=0
for d in "${CASES[@]}"; do
	(run_case "$d" >"$T/$(basename "$d").tap" 2>&1) &
	running=$((running + 1))
	if [ "$running" -ge "$JOBS" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

for d in "${CASES[@]}"; do
	while IFS= read -r line; do
		case $line in
		'ok - '*)
			_n=$((_n + 1))
			echo "ok $_n - ${line#ok - }"
			;;
		'not ok - '*)
			_n=$((_n + 1))
			case $line in *' # TODO '*) ;; *) _failed=$((_failed + 1)) ;; esac
			echo "not ok $_n - ${line#not ok - }"
			;;
		*) echo "# ${line#\# }" ;;
		esac
	done <"$T/$(basename "$d").tap"
done
finish
