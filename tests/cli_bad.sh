#!/bin/bash
# cli_bad.sh - the bad-input corpus through the real command line.
#
# Every case under testdata/bad/<group>/<case>/ (see
# testdata/bad/make_cases.py for the layout of `expect`) runs in a fresh
# copy of its directory. The command must exit with the expected status,
# stderr must start with "schemadiff: error: " (after the lines that name
# each revision as upgrade or downgrade starts it) and contain every expected
# fragment, and nothing may be written: every file of the project is
# byte-identical afterwards (no new files either) and the SQLite database
# has the same catalog and rows (`sqlite3 .dump` before and after).
#
# The loader's corpus (testdata/bad/models/, `expect` = exit status and one
# fragment) runs through `check` and `generate` in a default project.
#
#   tests/cli_bad.sh [GROUP/CASE ...]   only these cases
SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

CORPUS=$SRC/testdata/bad
DEFAULT_CONFIG='database: sqlite:///app.db
models: models.yaml
versions: migrations/versions
'

# State of a project directory: every path with its kind (and a symlink's
# target), every regular file's checksum, and the SQLite database's dump
# instead of its bytes. A database file that is missing or empty (SQLite
# creates one on open) has the same, empty, catalog: both count as none.
snapshot() {
	(
		cd "$1" || exit 1
		find . -mindepth 1 \( -path ./.out -o -path ./.err -o \( -path ./app.db -size 0 \) \) -prune \
			-o -printf '%y %p %l\n' | LC_ALL=C sort
		find . -mindepth 1 \( -path ./.out -o -path ./.err -o -path ./app.db \) -prune \
			-o -type f -exec sha256sum {} + | LC_ALL=C sort
		if [ -f app.db ] && [ -s app.db ]; then
			if is_sqlite app.db; then
				echo "-- dump"
				sqlite3 -batch app.db .dump 2>&1
			else
				sha256sum app.db
			fi
		fi
	)
}

is_sqlite() {
	local head
	head=$(head -c 15 "$1" 2>/dev/null)
	[ "$head" = "SQLite format 3" ]
}

# run_case NAME DIR ARGS EXIT FRAGMENT...
run_case() {
	local name=$1 dir=$2 args=$3 want=$4
	shift 4
	local before after frag bad=""
	before=$(snapshot "$dir")
	(
		cd "$dir" || exit 99
		# shellcheck disable=SC2086
		eval "exec \"\$SD\" $args" >.out 2>.err </dev/null
	)
	RC=$?
	OUT=$(cat "$dir/.out")
	ERR=$(cat "$dir/.err")
	after=$(snapshot "$dir")
	[ "$RC" = "$want" ] || bad="exit status $RC, want $want"
	case "$(sed -E '/^(upgrade  |downgrade) [0-9a-f]{12}  /d' <<<"$ERR")" in
	"schemadiff: error: "*) ;;
	*) bad="${bad:+$bad; }stderr does not start with 'schemadiff: error: '" ;;
	esac
	for frag in "${FRAGS[@]}"; do
		if ! printf '%s' "$ERR" | grep -qF -- "$frag"; then
			bad="${bad:+$bad; }stderr lacks '$frag'"
		fi
	done
	if [ "$before" != "$after" ]; then
		bad="${bad:+$bad; }the project or database changed"
		diag "$(diff <(printf '%s\n' "$before") <(printf '%s\n' "$after") | head -20)"
	fi
	if [ -z "$bad" ]; then
		ok "$name: exit $want, the message names the problem, nothing written"
	else
		not_ok "$name: $bad"
		diag "command: schemadiff $args" "stderr:" "$ERR" "stdout:" "$(printf '%s' "$OUT" | head -5)"
	fi
}

selected() {
	[ ${#ONLY[@]} -eq 0 ] && return 0
	local s
	for s in "${ONLY[@]}"; do
		[ "$s" = "$1" ] && return 0
	done
	return 1
}

ONLY=("$@")
count=0
RUN=$T/run
mkdir -p "$RUN"

# ---- the loader's corpus, through the CLI ----------------------------------
for c in "$CORPUS"/models/*/; do
	c=${c%/}
	name=models/${c##*/}
	selected "$name" || continue
	want=$(sed -n 1p "$c/expect")
	FRAGS=("$(sed -n 2p "$c/expect")")
	for cmd in check "generate -m x"; do
		d=$RUN/${name//\//_}_${cmd%% *}
		mkdir -p "$d/migrations/versions"
		cp "$c/models.yaml" "$d/"
		printf '%s' "$DEFAULT_CONFIG" >"$d/schemadiff.yaml"
		run_case "$name ($cmd)" "$d" "$cmd" "$want"
	done
	count=$((count + 1))
done

# ---- the CLI corpus ----------------------------------------------------------
for c in "$CORPUS"/*/*/; do
	c=${c%/}
	group=${c%/*}
	group=${group##*/}
	[ "$group" = models ] && continue
	[ -f "$c/expect" ] || continue
	name=$group/${c##*/}
	selected "$name" || continue
	d=$RUN/${name//\//_}
	cp -a "$c" "$d"
	args=$(sed -n 's/^args: //p' "$c/expect")
	want=$(sed -n 's/^exit: //p' "$c/expect")
	FRAGS=()
	while IFS= read -r line; do
		FRAGS+=("$line")
	done < <(sed -n 's/^stderr: //p' "$c/expect")
	setup_ok=1
	if [ -f "$d/setup.sql" ]; then
		sqlite3 -batch "$d/app.db" <"$d/setup.sql" || setup_ok=0
	fi
	while IFS= read -r line; do
		(cd "$d" && eval "\"\$SD\" $line" >/dev/null 2>"$d/.setup.err") || {
			setup_ok=0
			diag "setup 'schemadiff $line' failed: $(cat "$d/.setup.err")"
		}
	done < <(sed -n 's/^setup: //p' "$c/expect")
	if [ -f "$d/setup.sh" ]; then
		(cd "$d" && bash setup.sh) || setup_ok=0
	fi
	rm -f "$d/.setup.err"
	if [ $setup_ok -eq 0 ]; then
		not_ok "$name: setup failed"
		continue
	fi
	run_case "$name" "$d" "$args" "$want"
	count=$((count + 1))
done

if [ ${#ONLY[@]} -eq 0 ]; then
	if [ "$count" -ge 200 ]; then
		ok "the corpus holds $count cases (at least 200)"
	else
		not_ok "the corpus holds $count cases, want at least 200"
	fi
fi
finish
