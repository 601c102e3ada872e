#!/bin/bash
# cli_targets.sh - status and fleets on SQLite files, no server needed:
# `status` on one database, targets from the config (a list or a file),
# from --targets and from standard input, --database over the config's
# targets, and the usage errors that must stop a run before it touches any
# target.
SRC=${SD_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$SRC/tests/lib.sh"

sd init
sd generate -m "Initial"
REV1=$(basename "$OUT" | cut -c1-12)
cat >>models.yaml <<'EOF2'
  - name: posts
    columns:
      - {name: id, type: integer, primary_key: true}
EOF2
sd upgrade
sd generate -m "Posts"
REV2=$(basename "$OUT" | cut -c1-12)
sd downgrade base

# ---- status on one database -------------------------------------------------------
sd status
expect_rc 1 "status exits 1 with pending revisions"
equals "$(printf '%s\n' "$OUT" | awk '{print $1, $2}' | tr '\n' ' ')" "$REV1 pending $REV2 pending " "base first, both pending"
sd upgrade "$REV1"
sd status --json
expect_rc 1 "still one pending"
check "--json: applied and pending lists" python3 -c "
import json, sys
d = json.loads(sys.argv[1])
assert d['applied'] == ['$REV1'] and d['pending'] == ['$REV2'], d
r = d['revisions']
assert [x['revision'] for x in r] == ['$REV1', '$REV2']
assert r[0]['state'] == 'applied' and r[0]['how'] == 'upgrade' and r[0]['applied_at'].endswith('Z')
assert r[1]['applied_at'] is None and r[1]['changed'] is False
assert d['at_head'] is False" "$OUT"
sd upgrade
sd status
expect_rc 0 "status at head exits 0"
contains "$ERR" "at head" "and says so"
sd --database sqlite:///stamped.db stamp "$REV2"
sd --database sqlite:///stamped.db status
matches "$OUT" "^$REV1  applied  - +Initial" "a revision applied by a stamp above it has no time"
matches "$OUT" "^$REV2  applied  [0-9T:-]+Z +Posts" "the stamped one has the stamp's"

# ---- fleets -----------------------------------------------------------------------
printf 'targets: [sqlite:///t1.db, "sqlite:///t2.db"]\n' >>schemadiff.yaml
sd upgrade
expect_rc 0 "config targets: upgrade both"
contains "$OUT" "sqlite:///t1.db: ok (base -> $REV2, 2 revisions" "one line per target"
contains "$OUT" "2 upgraded, 0 at head, 0 failed, 0 skipped (2 targets" "the summary"
equals "$(q t2.db "SELECT revision FROM schemadiff_version")" "$REV2" "the second target is at head"
sd --database sqlite:///app.db current
expect_rc 0 "--database still names one database"
equals "$OUT" "$REV2 (head)" "the plain current output"
sed -i 's/^targets: .*/targets: list.txt/' schemadiff.yaml
printf '# fleet\nsqlite:///t1.db\n\nsqlite:///t3.db   # new\n' >list.txt
sd status -j 2
expect_rc 1 "a targets file: status exits 1 when a target is behind"
contains "$OUT" "sqlite:///t3.db: behind (base, 2 pending" "the new target is behind"
contains "$OUT" "1 at head, 1 behind, 0 failed, 0 skipped" "status summary"
run "$SD" --targets - downgrade "$REV1" --json <<<"sqlite:///t1.db"
expect_rc 0 "targets from standard input"
check "the report names the move" python3 -c "
import json, sys
d = json.loads(sys.argv[1])
[t] = d['targets']
assert d['command'] == 'downgrade' and t['status'] == 'ok', d
assert t['from'] == ['$REV2'] and t['to'] == ['$REV1'] and t['revisions'] == 1 and t['error'] is None
assert d['summary'] == {'ok': 1, 'at target': 0, 'failed': 0, 'skipped': 0, 'total': 1, 'seconds': d['summary']['seconds']}" "$OUT"

# ---- usage errors touch nothing --------------------------------------------------------
sd upgrade nosuchrev
expect_rc 2 "an unknown revision is bad input before any target runs"
check "t3.db was not created" test ! -e t3.db
sd -j 4 --database sqlite:///app.db upgrade
expect_rc 2 "-j without targets is bad usage"
contains "$ERR" "-j, --canary and --fail-fast need targets" "and says why"
sd --targets list.txt generate -m x
expect_rc 2 "--targets with generate is bad usage"
sd -j 0 upgrade
expect_rc 2 "-j 0 is bad usage"
printf 'sqlite:///t1.db\nmysql://h/db\n' >bad.txt
sd --targets bad.txt upgrade
expect_rc 2 "a line that is no supported URL"
contains "$ERR" "bad.txt:2: not a database URL: 'mysql://h/db'" "names file and line"
sd --targets nosuch.txt status
expect_rc 2 "a missing targets file"
printf 'targets: {a: 1}\n' >bad.yaml
sd -c bad.yaml status
expect_rc 2 "targets: must be a file or a list"
contains "$ERR" "bad.yaml:1: 'targets' must be a file name or a list of database URLs" "with its line"
sd --targets list.txt --database sqlite:///app.db status
expect_rc 2 "--targets and --database together"

finish
