# bash completion for schemadiff(1)                        -*- shell-script -*-
#
# Installed as $datadir/bash-completion/completions/schemadiff, where
# bash-completion loads it on first use. Works without bash-completion too:
#     source completion/schemadiff.bash
#
# Completes commands, global and per-command options, option values, and
# revision ids read from the versions directory of the project (the
# `versions:` key of the config given with -c/--config, else of the
# schemadiff.yaml found in this directory or the nearest one above, as
# schemadiff itself finds it; default migrations/versions).

_schemadiff_commands="init generate revision upgrade downgrade current status
heads branches history show merge stamp lint check diff dump diagram help"

_schemadiff_global_opts="-c --config --database -q --quiet -v --verbose
--color= --targets -j --jobs --canary --fail-fast -h --help --version"

# Options of one command, for the word list after it.
_schemadiff_command_opts()
{
	case $1 in
	init) echo "--format --help" ;;
	generate) echo "-m --message --format --sql --allow-empty --baseline --staged --no-online --fail-on --dev-database --help" ;;
	revision) echo "-m --message --format --help" ;;
	upgrade | downgrade) echo "--sql --backup --force --lock-timeout --lock-retries --batch-size --json --targets -j --canary --fail-fast --help" ;;
	lint) echo "--fail-on --json --help" ;;
	current | status) echo "--json --targets -j --canary --fail-fast --help" ;;
	check) echo "--json --diagram --replay --dev-database --targets -j --canary --fail-fast --help" ;;
	stamp) echo "--json --targets -j --canary --fail-fast --help" ;;
	heads) echo "--json --help" ;;
	history) echo "-r --rev-range --json --help" ;;
	show) echo "--html -o --output --dev-database --help" ;;
	merge) echo "-m --message --help" ;;
	diagram) echo "-r --revision --models --database -f --format -o --output
		--around --depth --dev-database --help" ;;
	diff) echo "--from --to --json --exit-code --help" ;;
	*) echo "--help" ;;
	esac
}

# The values of --format: revision formats, or diagram formats.
_schemadiff_formats()
{
	if [[ $1 == diagram ]]; then
		echo "svg dot mermaid"
	else
		echo "sql c"
	fi
}

# The versions directory of the project: $1 is the config file given on
# the command line, else schemadiff.yaml in this directory or the nearest
# one above. Relative paths are relative to the config's directory, as
# schemadiff itself resolves them.
_schemadiff_versions_dir()
{
	local config=$1 dir versions line
	if [[ -z $config ]]; then
		dir=$PWD
		config=schemadiff.yaml
		while [[ -n $dir ]]; do
			if [[ -f $dir/schemadiff.yaml ]]; then
				config=$dir/schemadiff.yaml
				break
			fi
			dir=${dir%/*}
		done
	fi
	dir=.
	[[ $config == */* ]] && dir=${config%/*}
	[[ -z $dir ]] && dir=/
	versions=migrations/versions
	if [[ -r $config ]]; then
		while IFS= read -r line; do
			if [[ $line =~ ^versions:[[:space:]]*([^#]*) ]]; then
				versions=${BASH_REMATCH[1]}
				versions=${versions%"${versions##*[![:space:]]}"}
				versions=${versions#[\"\']}
				versions=${versions%[\"\']}
				break
			fi
		done <"$config"
	fi
	[[ $versions == /* ]] || versions=$dir/$versions
	printf '%s\n' "$versions"
}

# Revision ids (12 lowercase hex digits) of the files <id>_<slug>.sql|.c in
# the versions directory, one per line.
_schemadiff_revision_ids()
{
	local dir f base id
	dir=$(_schemadiff_versions_dir "$1")
	[[ -d $dir ]] || return 0
	for f in "$dir"/*_*.sql "$dir"/*_*.c; do
		[[ -f $f ]] || continue
		base=${f##*/}
		id=${base%%_*}
		[[ $id =~ ^[0-9a-f]{12}$ ]] && printf '%s\n' "$id"
	done
}

_schemadiff()
{
	local cur prev words cword
	local i w command="" config="" color_values="auto always never"

	words=("${COMP_WORDS[@]}")
	cword=$COMP_CWORD
	cur=${words[cword]}
	prev=""
	((cword > 0)) && prev=${words[cword - 1]}
	COMPREPLY=()

	# Find the command and any -c CONFIG before the cursor, skipping
	# global options and their arguments.
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		case $w in
		-c | --config | --database | --color | --targets | -j | --jobs | --canary)
			# "--color = value" when '=' is a word break
			if [[ ${words[i + 1]} == = ]]; then
				[[ $w == --config ]] && config=${words[i + 2]}
				((i += 2))
			else
				[[ $w == -c || $w == --config ]] && config=${words[i + 1]}
				((i++))
			fi
			;;
		--config=*) config=${w#--config=} ;;
		-c?*) config=${w#-c} ;;
		-*) ;;
		*)
			command=$w
			break
			;;
		esac
	done
	# The rest of the line before the cursor belongs to the command.
	local rest_start=$((i + 1))

	# Option values. With '=' in COMP_WORDBREAKS (the default), readline
	# splits "--color=al" into "--color" "=" "al".
	if [[ $cur == = ]]; then
		prev=${words[cword - 1]}
		cur=""
		prev="$prev="
	elif [[ $prev == = ]] && ((cword >= 2)); then
		prev="${words[cword - 2]}="
	fi
	case $cur in
	--color=*)
		COMPREPLY=($(compgen -P --color= -W "$color_values" -- "${cur#--color=}"))
		return 0
		;;
	--format=*)
		COMPREPLY=($(compgen -P --format= -W "$(_schemadiff_formats "$command")" -- "${cur#--format=}"))
		return 0
		;;
	--fail-on=*)
		COMPREPLY=($(compgen -P --fail-on= -W "info warning blocking data-loss" -- "${cur#--fail-on=}"))
		return 0
		;;
	esac
	case $prev in
	--color | --color=)
		COMPREPLY=($(compgen -W "$color_values" -- "$cur"))
		return 0
		;;
	--format | --format= | -f)
		COMPREPLY=($(compgen -W "$(_schemadiff_formats "$command")" -- "$cur"))
		return 0
		;;
	-o | --output | --output= | --diagram | --diagram=)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		return 0
		;;
	--revision | --revision=)
		COMPREPLY=($(compgen -W "$(_schemadiff_revision_ids "$config") head" -- "$cur"))
		return 0
		;;
	--dev-database | --dev-database=)
		COMPREPLY=($(compgen -W "postgresql:// postgres://" -- "$cur"))
		compopt -o nospace 2>/dev/null
		return 0
		;;
	--around | --around= | --depth | --depth=)
		# a table name, a number: nothing to offer
		return 0
		;;
	-c | --config | --config=)
		COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur"))
		COMPREPLY+=($(compgen -d -- "$cur"))
		compopt -o filenames 2>/dev/null
		return 0
		;;
	--database | --database= | --from | --to)
		if [[ $prev == --database* || $cur == sqlite* || $cur == postgres* ]]; then
			COMPREPLY=($(compgen -W "sqlite:/// postgresql:// postgres://" -- "$cur"))
			compopt -o nospace 2>/dev/null
		else
			COMPREPLY=($(compgen -f -- "$cur"))
			compopt -o filenames 2>/dev/null
		fi
		return 0
		;;
	--fail-on | --fail-on=)
		COMPREPLY=($(compgen -W "info warning blocking data-loss" -- "$cur"))
		return 0
		;;
	--lock-timeout | --lock-timeout= | --lock-retries | --lock-retries= | --batch-size | --batch-size=)
		# a duration or a number: nothing to offer
		return 0
		;;
	--backup | --backup= | --targets | --targets=)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		return 0
		;;
	-j | --jobs | --jobs= | --canary | --canary=)
		# a number: nothing to offer
		return 0
		;;
	-m | --message | -r | --rev-range)
		# a free-text message: nothing to offer
		if [[ $prev == -r && $command == diagram ]]; then
			COMPREPLY=($(compgen -W "$(_schemadiff_revision_ids "$config") head" -- "$cur"))
		elif [[ $prev == -r || $prev == --rev-range ]]; then
			COMPREPLY=($(compgen -W "$(_schemadiff_revision_ids "$config") base head" -- "$cur"))
		fi
		return 0
		;;
	esac

	if [[ -z $command ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$_schemadiff_global_opts" -- "$cur"))
			[[ ${COMPREPLY[*]} == --color= ]] && compopt -o nospace 2>/dev/null
		else
			COMPREPLY=($(compgen -W "$_schemadiff_commands" -- "$cur"))
		fi
		return 0
	fi

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_schemadiff_command_opts "$command")" -- "$cur"))
		return 0
	fi

	# Positional arguments.
	local nargs=0
	for ((i = rest_start; i < cword; i++)); do
		case ${words[i]} in
		-m | --message | -r | --rev-range | --format | --from | --to | --targets | -j | --jobs | --canary | \
			-o | --output | --dev-database | --fail-on | --lock-timeout | --lock-retries | --batch-size) ((i++)) ;;
		-*) ;;
		*) ((nargs++)) ;;
		esac
	done
	case $command in
	upgrade | downgrade | show | stamp)
		((nargs == 0)) &&
			COMPREPLY=($(compgen -W "$(_schemadiff_revision_ids "$config") head heads base" -- "$cur"))
		;;
	lint)
		COMPREPLY=($(compgen -W "$(_schemadiff_revision_ids "$config") head heads" -- "$cur"))
		;;
	merge)
		COMPREPLY=($(compgen -W "$(_schemadiff_revision_ids "$config") heads" -- "$cur"))
		;;
	help)
		((nargs == 0)) &&
			COMPREPLY=($(compgen -W "$_schemadiff_commands" -- "$cur"))
		;;
	esac
	return 0
}

complete -F _schemadiff schemadiff

# ex: filetype=sh noexpandtab
