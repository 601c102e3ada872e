#!/bin/bash
# cli_dbdiff.sh - DB-to-DB corpus: hand-written database pairs
# (testdata/dbdiff/<dialect>/<case>/{a.sql,b.sql}), one focused change
# each, in the classes that public schema-diff suites (migra,
# pg-schema-diff, sqldef, pgquarrel, Atlas, apgdiff, Alembic autogenerate)
# exercise: converged both ways with an exact catalog, dumped and checked,
# rebuilt from the dump (tests/corpus.sh says how).
#
# Usage: cli_dbdiff.sh [CASE-GLOB...]   (e.g. 'postgresql/enum*'; meson
# runs it in three parts, tests/meson.build)
CORPUS=dbdiff
FIRST=a.sql
SECOND=b.sql
ROUNDTRIP=0
. "$(dirname "$0")/corpus.sh"
