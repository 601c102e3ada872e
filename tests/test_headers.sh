#!/bin/bash
# test_headers.sh - every public header compiles on its own, twice included
# (include guards), as strict C11: a C revision may include any one of them
# first. TAP.

SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

source_root=$SRC
cc=${CC:-cc}

headers=("$source_root"/include/schemadiff/*.h)
[[ -e ${headers[0]} ]] ||
	bail "no headers under $source_root/include/schemadiff"

for path in "${headers[@]}"; do
	h=schemadiff/${path##*/}
	check_out "$h compiles alone (C11, -pedantic -Werror)" \
		"$cc" -std=c11 -Wall -Wextra -pedantic -Werror -fsyntax-only \
		-I "$source_root/include" -x c - <<<"#include <$h>
typedef int sd_header_test_nonempty;"
	check_out "$h is include-guarded" \
		"$cc" -std=c11 -Wall -Wextra -Werror -fsyntax-only \
		-I "$source_root/include" -x c - <<<"#include <$h>
#include <$h>
typedef int sd_header_test_nonempty;"
done

finish
