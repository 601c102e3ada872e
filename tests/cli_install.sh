#!/bin/bash
# cli_install.sh - `meson install` into a scratch DESTDIR, then check that
# what a user or packager gets works: the binary, the public headers and the
# pkg-config file (a C revision compiles against them), both man pages
# (render without warnings) and the bash completion (driven in bash).
#
# TAP. Needs SD_BUILD_ROOT (set by tests/meson.build); run by hand with
#     SD_BUILD_ROOT=build bash tests/cli_install.sh

SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

[[ -n ${SD_BUILD_ROOT:-} ]] || bail "SD_BUILD_ROOT is not set"
source_root=$SRC

tmp=$T
dest=$tmp/dest

# ---- install --------------------------------------------------------------
# --no-rebuild: the test runner has already built everything, and a nested
# ninja run would contend for the build directory's lock.
if out=$(meson install --no-rebuild --quiet --destdir "$dest" -C "$SD_BUILD_ROOT" 2>&1); then
	ok "meson install --destdir"
else
	not_ok "meson install --destdir" "$out"
	finish
fi

# Locate by name rather than assuming prefix/libdir (/usr/local, lib64,
# lib/x86_64-linux-gnu all occur).
find_one() { find "$dest" -path "*/$1" \( -type f -o -type l \) | head -n 1; }

bin=$(find_one bin/schemadiff)
if [[ -n $bin && -x $bin ]]; then ok "binary installed: ${bin#"$dest"}"; else not_ok "binary installed under bin/"; fi
if [[ -n $bin ]]; then
	version=$("$bin" --version 2>/dev/null | head -n 1)
	if [[ $version == *0.*.* ]]; then ok "installed binary runs: $version"; else
		not_ok "installed binary runs --version" "got: '$version'"
	fi
fi

for h in schemadiff.h revision.h; do
	f=$(find_one "include/schemadiff/$h")
	if [[ -n $f ]]; then ok "header installed: ${f#"$dest"}"; else not_ok "include/schemadiff/$h installed"; fi
done

for j in models.schema.json config.schema.json; do
	f=$(find_one "share/schemadiff/$j")
	if [[ -n $f ]] && cmp -s "$f" "$SRC/schemas/$j"; then
		ok "JSON Schema installed: ${f#"$dest"}"
	else
		not_ok "share/schemadiff/$j installed"
	fi
done

pc=$(find_one "pkgconfig/schemadiff.pc")
if [[ -n $pc ]]; then ok "pkg-config file installed: ${pc#"$dest"}"; else not_ok "schemadiff.pc installed"; fi

if ! command -v pkg-config >/dev/null; then
	skip "pkg-config not installed"
	skip "pkg-config not installed"
elif [[ -n $pc ]]; then
	pcdir=${pc%/*}
	# The .pc names the final prefix; the sysroot variable points it into
	# DESTDIR the way cross builds do.
	if cflags=$(PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$dest pkg-config --cflags schemadiff 2>&1); then
		ok "pkg-config --cflags schemadiff: ${cflags:-(empty)}"
	else
		not_ok "pkg-config --cflags schemadiff" "$cflags"
	fi
	# What `upgrade` does with a C revision, minus the run: compile one
	# against the installed headers only.
	cat >"$tmp/rev.c" <<'EOF'
#include <schemadiff/revision.h>
int upgrade(sd_migration *m);
int downgrade(sd_migration *m);
int upgrade(sd_migration *m) { (void)m; return SCHEMADIFF_REVISION_ABI - 1; }
int downgrade(sd_migration *m) { (void)m; return 0; }
EOF
	# shellcheck disable=SC2086 # cflags is a word list
	check_out "a C revision compiles with the installed headers and pkg-config flags" \
		${CC:-cc} -std=c11 -Wall -Wextra -Werror -fPIC -c $cflags -o "$tmp/rev.o" "$tmp/rev.c"
fi

# ---- man pages --------------------------------------------------------------
for page in man1/schemadiff.1 man5/schemadiff-models.5; do
	f=$(find_one "$page")
	name=${page#*/}
	if [[ -z $f ]]; then
		not_ok "man page installed: $page"
		continue
	fi
	ok "man page installed: ${f#"$dest"}"

	if ! command -v man >/dev/null; then
		skip "man not installed"
		continue
	fi
	text=$(MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$f" 2>"$tmp/man.err" | col -b 2>/dev/null)
	err=$(cat "$tmp/man.err")
	if [[ -n $text && -z $err ]]; then ok "man -l $name renders without errors"; else
		not_ok "man -l $name renders without errors" "$err"
	fi
	long=$(printf '%s\n' "$text" | awk 'length > 80 { print NR ": " $0 }')
	if [[ -z $long ]]; then ok "$name fits 80 columns"; else
		not_ok "$name fits 80 columns" "$long"
	fi
	missing=""
	for section in NAME SYNOPSIS DESCRIPTION "SEE ALSO"; do
		grep -q "^$section" <<<"$text" || missing+=" $section"
	done
	if [[ $name == schemadiff.1 ]]; then
		for section in "GLOBAL OPTIONS" COMMANDS CONFIGURATION "REVISION FILES" \
			"EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
			grep -q "^$section" <<<"$text" || missing+=" $section"
		done
		for cmd in init generate revision upgrade downgrade current heads \
			branches history show merge stamp check diff dump; do
			grep -Eq "^       $cmd( |\$)" <<<"$text" || missing+=" command:$cmd"
		done
	fi
	same "" "$missing" "$name has its sections"

	if command -v groff >/dev/null; then
		# -t: the models page has tables; -ww: every warning
		warnings=$(groff -t -ww -z -man "$f" 2>&1)
		same "" "$warnings" "groff -ww reports no warnings for $name"
	else
		skip "groff not installed"
	fi
done

# ---- bash completion ---------------------------------------------------------
comp=$(find_one "bash-completion/completions/schemadiff")
if [[ -n $comp ]]; then ok "bash completion installed: ${comp#"$dest"}"; else
	not_ok "bash completion installed under bash-completion/completions/"
	comp=$source_root/completion/schemadiff.bash
fi

# A project whose versions directory is not the default, with two revisions
# and files that must not count as revisions.
proj=$tmp/proj
mkdir -p "$proj/db/revs" "$proj/sub/migrations/versions"
printf 'database: sqlite:///app.db\nversions: "db/revs"   # not the default\n' >"$proj/schemadiff.yaml"
touch "$proj/db/revs/1a2b3c4d5e6f_initial.sql" \
	"$proj/db/revs/3f2a9c1b7e4d_add_email_to_user.c" \
	"$proj/db/revs/README.md" "$proj/db/revs/xyz_not_a_revision.sql" \
	"$proj/sub/migrations/versions/0123456789ab_other.sql"
printf 'models: models.yaml\n' >"$proj/sub/other.yaml"

# complete WORD...: runs the completion function with the words given (the
# last one is the word under the cursor) in $proj (or $in_dir), prints the
# sorted replies on one line.
complete_words() {
	(
		cd "${in_dir:-$proj}" || exit 1
		# shellcheck disable=SC1090
		source "$comp" || exit 1
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		_schemadiff schemadiff "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
	) 2>&1
}

if bash -c "source '$comp' && complete -p schemadiff" >/dev/null 2>&1; then
	ok "completion registers for schemadiff"
else
	not_ok "completion registers for schemadiff"
fi
same "upgrade" "$(complete_words schemadiff upg)" "upg<TAB> completes upgrade"
same "diagram diff downgrade dump" "$(complete_words schemadiff d)" "d<TAB> offers the d commands"
same "dot mermaid svg" "$(complete_words schemadiff diagram --format '')" "diagram --format <TAB> offers svg/dot/mermaid"
same "3f2a9c1b7e4d" "$(complete_words schemadiff diagram --revision 3f)" "diagram --revision 3f<TAB> completes the revision"
same "1a2b3c4d5e6f 3f2a9c1b7e4d base head heads" "$(complete_words schemadiff upgrade '')" \
	"upgrade <TAB> offers both revision ids and head/heads/base"
same "3f2a9c1b7e4d" "$(complete_words schemadiff downgrade 3f)" "downgrade 3f<TAB> completes the unique prefix"
same "1a2b3c4d5e6f 3f2a9c1b7e4d base head heads" "$(complete_words schemadiff show '')" "show <TAB> offers revisions"
same "1a2b3c4d5e6f 3f2a9c1b7e4d base head heads" "$(complete_words schemadiff stamp '')" "stamp <TAB> offers revisions"
same "1a2b3c4d5e6f 3f2a9c1b7e4d heads" "$(complete_words schemadiff merge -m msg '')" "merge <TAB> offers revisions and heads"
same "0123456789ab base head heads" "$(complete_words schemadiff -c sub/other.yaml upgrade '')" \
	"-c CONFIG: revisions come from that project's versions directory"
same "0123456789ab base head heads" "$(complete_words schemadiff --config=sub/other.yaml upgrade '')" \
	"--config=CONFIG works too"
same "1a2b3c4d5e6f 3f2a9c1b7e4d base head heads" "$(in_dir=$proj/db/revs complete_words schemadiff upgrade '')" \
	"from a subdirectory, the nearest schemadiff.yaml above is used"
# readline splits "--color=" at '=' (COMP_WORDBREAKS): words "--color" "=" ""
same "always auto never" "$(complete_words schemadiff --color = '')" "--color=<TAB> offers auto/always/never"
same "always" "$(complete_words schemadiff --color = al)" "--color=al<TAB> completes always"
same "always auto never" "$(complete_words schemadiff --color '')" "--color <TAB> offers auto/always/never"
same "check current" "$(complete_words schemadiff --color never c)" "the value of --color is not taken for the command"
same "--color=always --color=auto --color=never" "$(complete_words schemadiff --color=)" \
	"--color=<TAB> without '=' as a word break keeps the option"
same "c sql" "$(complete_words schemadiff generate --format '')" "--format <TAB> offers sql/c"
same "c sql" "$(complete_words schemadiff init --format = '')" "--format=<TAB> offers sql/c"
same "--allow-empty --baseline --dev-database --fail-on --format --help --message --no-online --sql --staged -m" "$(complete_words schemadiff generate -)" "generate -<TAB> offers its options"
same "--exit-code --from --help --json --to" "$(complete_words schemadiff diff --)" "diff --<TAB> offers its options"
same "--json" "$(complete_words schemadiff -q history --j)" "history --j<TAB> after a global option"
same "--canary --color= --config --database --fail-fast --help --jobs --quiet --targets --verbose --version" "$(complete_words schemadiff --)" \
	"--<TAB> offers the global options"
same "check current" "$(complete_words schemadiff --database sqlite:///x.db c)" \
	"the argument of --database is not taken for the command"
same "upgrade" "$(complete_words schemadiff help upg)" "help upg<TAB> completes upgrade"

# ---- the docs follow the CLI ------------------------------------------------
# Every command and option the binary's own help lists must be in the man
# page and offered by the completion, so neither can fall behind the CLI.
sd=${SD_BINARY:-$bin}
man1=$(find_one man1/schemadiff.1)
man1_text=""
[[ -n $man1 ]] && man1_text=$(MANWIDTH=200 man -l "$man1" 2>/dev/null | col -b 2>/dev/null)
help=$("$sd" --help 2>&1)
cmds=$(sed -n '/^commands:/,/^$/{s/^  \([a-z][a-z-]*\) .*/\1/p}' <<<"$help")
# first column of "  -m, --message MSG   description" lines -> -m --message
option_words() { sed -E 's/^ +//; s/  .*$//' | grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,'; }
if [[ -z $cmds ]]; then
	not_ok "--help lists the commands" "$help"
else
	all_cmds=$(complete_words schemadiff '')
	missing_man="" missing_comp="" missing_opt_man="" missing_opt_comp=""
	for c in $cmds; do
		grep -Eq "^ +$c( |\$)" <<<"$man1_text" || missing_man+=" $c"
		[[ " $all_cmds " == *" $c "* ]] || missing_comp+=" $c"
		opts=$("$sd" help "$c" 2>&1 | sed -n '/^options:/,/^$/p' | sed 1d | option_words)
		comp_opts=" $(complete_words schemadiff "$c" -) $(complete_words schemadiff "$c" --) "
		for o in $opts; do
			grep -q -- "$o" <<<"$man1_text" || missing_opt_man+=" $c:$o"
			[[ $comp_opts == *" $o "* ]] || missing_opt_comp+=" $c:$o"
		done
	done
	same "" "$missing_man" "schemadiff(1) documents every command of --help"
	same "" "$missing_comp" "the completion offers every command of --help"
	same "" "$missing_opt_man" "schemadiff(1) documents every command option of help COMMAND"
	same "" "$missing_opt_comp" "the completion offers every command option of help COMMAND"
	globals=$(sed -n '/^global options:/,/^$/p' <<<"$help" | sed 1d | option_words)
	comp_globals=" $(complete_words schemadiff -) $(complete_words schemadiff --) "
	missing_man="" missing_comp=""
	for o in $globals; do
		grep -q -- "$o" <<<"$man1_text" || missing_man+=" $o"
		[[ $comp_globals == *" $o "* || $comp_globals == *" $o= "* ]] || missing_comp+=" $o"
	done
	same "" "$missing_man" "schemadiff(1) documents every global option"
	same "" "$missing_comp" "the completion offers every global option"
fi

finish
