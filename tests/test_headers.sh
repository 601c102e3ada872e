#!/bin/bash
# test_headers.sh - every public header compiles on its own, twice included
# (include guards), as strict C11: a C revision may include any one of them
# first. TAP.

set -u
source_root=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cc=${CC:-cc}
n=0
failed=0

compile() { # DESCRIPTION COMPILER ARGS... (source on stdin)
	local desc=$1 out
	shift
	n=$((n + 1))
	if out=$("$@" 2>&1); then
		echo "ok $n - $desc"
	else
		failed=$((failed + 1))
		echo "not ok $n - $desc"
		printf '#   %s\n' "$out"
	fi
}

headers=("$source_root"/include/schemadiff/*.h)
if [[ ! -e ${headers[0]} ]]; then
	echo "Bail out! no headers under $source_root/include/schemadiff"
	exit 1
fi

for path in "${headers[@]}"; do
	h=schemadiff/${path##*/}
	compile "$h compiles alone (C11, -pedantic -Werror)" \
		"$cc" -std=c11 -Wall -Wextra -pedantic -Werror -fsyntax-only \
		-I "$source_root/include" -x c - <<<"#include <$h>
typedef int sd_header_test_nonempty;"
	compile "$h is include-guarded" \
		"$cc" -std=c11 -Wall -Wextra -Werror -fsyntax-only \
		-I "$source_root/include" -x c - <<<"#include <$h>
#include <$h>
typedef int sd_header_test_nonempty;"
done

echo "1..$n"
[[ $failed -eq 0 ]]
