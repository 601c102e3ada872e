#!/bin/bash
# cli_realschemas.sh - real application schemas at two versions
# (testdata/realschemas/<dialect>/<app>/{v1.sql,v2.sql}, seed rows in
# both): each version dumped and checked clean, rebuilt from its dump into
# an empty database and compared with the original, and v1 -> v2 -> v1 on
# one database by `diff`, the catalog exact after each step and the rows
# of v1 surviving both (tests/corpus.sh says how).
#
# Usage: cli_realschemas.sh [APP-GLOB]   (e.g. 'postgresql/saas*')
CORPUS=realschemas
FIRST=v1.sql
SECOND=v2.sql
ROUNDTRIP=1
. "$(dirname "$0")/corpus.sh"
