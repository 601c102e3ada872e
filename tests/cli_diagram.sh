#!/usr/bin/env bash
# cli_diagram.sh - `diagram` (models, database, a revision's change; SVG,
# DOT, Mermaid; --around), `check --diagram`, and hostile names in what a
# browser or a diagram viewer opens. The browser half of the review page is
# cli_review_html.sh.
. "$(dirname "$0")/lib.sh"

CHECK="python3 $SRC/tests/diagram_check.py"

# svg_has FILE LINE DESCRIPTION: the SVG report holds exactly LINE.
svg_has() {
	local report
	report=$($CHECK svg "$1")
	if printf '%s\n' "$report" | grep -qxF -- "$2"; then
		ok "$3"
	else
		not_ok "$3"
		diag "no line: $2" "report:" "$(printf '%s\n' "$report" | grep -v '^text ')"
	fi
}

cat > schemadiff.yaml <<'YAML'
database: sqlite:///app.db
YAML
cat > models.yaml <<'YAML'
tables:
  - name: authors
    comment: People who write
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: name, type: string(80), nullable: false}
      - {name: nickname, type: text}
      - {name: email, type: string(120), unique: true}
  - name: books
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: title, type: text, nullable: false}
      - {name: author_id, type: integer, nullable: false, references: authors.id}
  - name: shelves
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: label, type: text}
  - name: libraries
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: city, type: text}
YAML

# ---- the models: every table, every column, one edge per foreign key
sd diagram -o models.svg
expect_rc 0 "diagram of the models"
check_out "the SVG is well-formed XML" xmllint --noout models.svg
report=$($CHECK svg models.svg)
for t in authors books shelves libraries; do
	contains "$report" "node table node,sd-table $t" "the SVG has a node for table $t"
done
for c in id name nickname email title author_id label city integer "string(80)"; do
	contains "$report" "text $c" "the SVG names column or type $c"
done
equals "$(printf '%s\n' "$report" | grep -c '^edge edge,sd-fk')" 1 \
	"one edge per foreign key (the models have one)"
lacks "$report" "sd-added" "a plain diagram marks nothing"

sd diagram
expect_rc 0 "diagram to stdout"
matches "$OUT" '^<\?xml' "SVG is the default format"
sd diagram -o models.mmd
expect_rc 0 "diagram -o x.mmd"
contains "$(head -1 models.mmd)" "erDiagram" "the .mmd extension picks Mermaid"
check_out "the Mermaid diagram parses as erDiagram" $CHECK mermaid models.mmd
sd diagram --format dot
expect_rc 0 "diagram --format dot"
printf '%s\n' "$OUT" > models.dot
if command -v dot >/dev/null; then
	check_out "Graphviz reads the DOT text" dot -Tcanon -o /dev/null models.dot
else
	skip "Graphviz reads the DOT text" "no dot command"
fi
equals "$(grep -c -- '->' models.dot)" 1 "the DOT text has one edge"

# ---- bad usage writes nothing
sd diagram --format png -o bad.svg
expect_rc 2 "an unknown format is bad usage"
check "and nothing is written" test ! -e bad.svg
sd diagram --around nosuch -o bad.svg
expect_rc 2 "--around an unknown table is bad input"
contains "$ERR" "no table 'nosuch'" "the error names the table"
check "and nothing is written" test ! -e bad.svg
sd diagram --around author --format dot
expect_rc 2 "--around a misspelt table"
contains "$ERR" "did you mean 'authors'?" "the error suggests the table"
sd diagram --depth 2
expect_rc 2 "--depth without --around is bad usage"
sd diagram --models --revision head
expect_rc 2 "--models and --revision are alternatives"

# ---- --around: the neighbourhood of a table
cat > chain.yaml <<'YAML'
tables:
  - name: a
    columns: [{name: id, type: integer, primary_key: true}]
  - name: b
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: a_id, type: integer, references: a.id}
  - name: c
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: b_id, type: integer, references: b.id}
  - name: d
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: c_id, type: integer, references: c.id}
YAML
mkdir chain && mv chain.yaml chain/models.yaml && printf 'database: sqlite:///c.db\n' > chain/schemadiff.yaml
sd -c chain/schemadiff.yaml diagram --around b -o chain1.svg
expect_rc 0 "--around b"
r1=$($CHECK svg chain1.svg | grep '^node' | awk '{print $4}' | sort | tr '\n' ' ')
equals "$r1" "a b c " "--around b (depth 1) keeps a, b and c"
sd -c chain/schemadiff.yaml diagram --around b --depth 2 -o chain2.svg
r2=$($CHECK svg chain2.svg | grep '^node' | awk '{print $4}' | sort | tr '\n' ' ')
equals "$r2" "a b c d " "--depth 2 reaches d"
sd -c chain/schemadiff.yaml diagram --around b --depth 0 -f mermaid
equals "$(printf '%s\n' "$OUT" | grep -c ' {$')" 1 "--depth 0 is the table alone"

# ---- a revision that adds a table, adds two foreign keys and drops a column
sd generate -m "Initial"; expect_rc 0 "initial revision"
sd upgrade; expect_rc 0 "upgrade"
sed -i '/name: nickname/d' models.yaml
cat >> models.yaml <<'YAML'
  - name: loans
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: book_id, type: integer, nullable: false, references: books.id}
      - {name: shelf_id, type: integer, references: shelves.id}
YAML
sd generate -m "Loans"; expect_rc 0 "a revision: + loans (two foreign keys), - authors.nickname"
sd diagram --revision head -o rev.svg
expect_rc 0 "diagram --revision head"
check_out "the revision's SVG is well-formed XML" xmllint --noout rev.svg
svg_has rev.svg "node table node,sd-table,sd-added loans" "the new table carries sd-added"
svg_has rev.svg "row sd-added,sd-row loans book_id" "its columns carry sd-added"
svg_has rev.svg "edge edge,sd-fk,sd-added fk_loans_book_id_books" "the first new foreign key carries sd-added"
svg_has rev.svg "edge edge,sd-fk,sd-added fk_loans_shelf_id_shelves" "the second new foreign key carries sd-added"
svg_has rev.svg "node table node,sd-table,sd-changed authors" "the table that lost a column carries sd-changed"
svg_has rev.svg "row sd-dropped,sd-row authors nickname" "the dropped column is drawn and carries sd-dropped"
svg_has rev.svg "node table node,sd-table,sd-unchanged,sd-context books" "a neighbour is shown, muted"
svg_has rev.svg "edge edge,sd-fk,sd-unchanged fk_books_author_id_authors" "an unchanged foreign key is muted"
lacks "$($CHECK svg rev.svg)" "libraries" "a table the change does not touch is left out"
equals "$($CHECK svg rev.svg | grep -c 'sd-added,sd-row authors')" 0 "no column of authors is marked added"
# distinct colours: the classes are not only names
add_fill=$(grep -o '<polygon fill="#dafbe1"' rev.svg | head -1)
del_fill=$(grep -o '<polygon fill="#ffebe9"' rev.svg | head -1)
contains "$add_fill$del_fill" '#dafbe1' "added cells have their own colour"
contains "$add_fill$del_fill" '#ffebe9' "dropped cells have another"

sd diagram --revision head -f mermaid -o rev.mmd
expect_rc 0 "the revision as Mermaid"
check_out "the revision's Mermaid parses" $CHECK mermaid rev.mmd
contains "$(cat rev.mmd)" 'text nickname "dropped"' "the dropped column is marked in its comment"
contains "$(cat rev.mmd)" 'books ||..o{ loans : "fk_loans_book_id_books added"' \
	"the foreign key is one relationship line with crow's-foot cardinalities"
contains "$(cat rev.mmd)" 'shelves |o..o{ loans' "a nullable foreign key is zero-or-one"

sd diagram --revision head --around libraries -f mermaid
expect_rc 0 "--around overrides the changed-tables default"
equals "$(printf '%s\n' "$OUT" | grep -c ' {$')" 1 "libraries alone (no foreign keys)"

# the Mermaid checker is not a rubber stamp
printf 'erDiagram\n    one {\n        integer id PK\n    }\n' > bad1.mmd
printf 'erDiagram\n    a {\n        integer id\n    }\n    a ||--x{ b : r\n' > bad2.mmd
printf 'erDiagram\n    a {\n        integer pk-id\n    }\n' > bad3.mmd
for f in bad1 bad2 bad3; do
	if $CHECK mermaid $f.mmd >/dev/null; then not_ok "the checker refuses $f"; else ok "the checker refuses $f"; fi
done

# ---- check --diagram: the drift CI found
sd upgrade; expect_rc 0 "upgrade to head"
sd check --diagram drift.svg
expect_rc 0 "no drift: exit 0"
check_out "check --diagram writes a diagram even when clean" xmllint --noout drift.svg
cat >> models.yaml <<'YAML'
  - name: reviews
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: book_id, type: integer, references: books.id}
YAML
sd check --diagram drift.svg
expect_rc 1 "drift: exit 1"
svg_has drift.svg "node table node,sd-table,sd-added reviews" "the drift diagram marks the table missing in the database"
sd check --json --diagram drift.mmd
expect_rc 1 "check --json --diagram"
check_out "the drift as Mermaid parses" $CHECK mermaid drift.mmd
printf 'sqlite:///app.db\n' > targets.txt
sd --targets targets.txt check --diagram fleet.svg
expect_rc 2 "check --diagram over a fleet is bad usage"
contains "$ERR" "give check --database URL" "the error says how to draw one database's drift"
check "and nothing is written" test ! -e fleet.svg

# ---- the database as it is
sd diagram --database -o db.svg
expect_rc 0 "diagram --database"
lacks "$($CHECK svg db.svg)" "schemadiff_version" "the version table is left out"
contains "$($CHECK svg db.svg)" "node table node,sd-table loans" "the database's tables are drawn"
sd diagram --database sqlite:///app.db -f mermaid
expect_rc 0 "diagram --database URL"
contains "$OUT" "loans {" "--database URL draws that database"

# ---- hostile names: text in every format
mkdir hostile && cd hostile
printf 'database: sqlite:///h.db\n' > schemadiff.yaml
cat > models.yaml <<'YAML'
tables:
  - name: "x<script>alert(1)</script>"
    comment: "</pre><img src=x onerror=alert(1)>"
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: "a\"b'c&d\\N<i>", type: text, comment: "%%{init: {'securityLevel': 'loose'}}%% ~x~ \"q\""}
  - name: one
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: pk, type: "numeric(10,2)"}
      - {name: x_id, type: integer, references: "x<script>alert(1)</script>.id"}
YAML
sd diagram -o h.svg
expect_rc 0 "a diagram of hostile names"
check_out "it is well-formed XML" xmllint --noout h.svg
hr=$($CHECK svg h.svg)
contains "$hr" "node table node,sd-table x<script>alert(1)</script>" "the table name is text"
contains "$hr" "text </pre><img src=x onerror=alert(1)>" "the comment is text"
contains "$hr" "text a\"b'c&d\\N<i>" "quotes, ampersand, backslash and tags in a column name are text"
equals "$(python3 -c '
import sys, xml.etree.ElementTree as ET
names = {e.tag.split("}")[-1] for e in ET.parse(sys.argv[1]).iter()}
print(sorted(names & {"script", "img", "foreignObject", "iframe"}))' h.svg)" "[]" \
	"the SVG has no script, img, iframe or foreignObject element"
sd diagram -f mermaid -o h.mmd
check_out "the hostile Mermaid diagram parses" $CHECK mermaid h.mmd
lacks "$(cat h.mmd)" "<script>" "no tag reaches the Mermaid text"
lacks "$(cat h.mmd)" "%%{" "no directive reaches the Mermaid text"
contains "$(cat h.mmd)" "one_ {" "a Mermaid keyword as a table name is spelt apart"
contains "$(cat h.mmd)" "_pk " "a column named pk does not lex as a key"
sd diagram -f dot -o h.dot
if command -v dot >/dev/null; then
	check_out "Graphviz reads the hostile DOT text" dot -Tcanon -o /dev/null h.dot
else
	skip "Graphviz reads the hostile DOT text" "no dot command"
fi
printf 'tables:\n  - name: "bad\\x01\\xff"\n    columns: [{name: id, type: integer, primary_key: true}]\n' > models.yaml
sd diagram -o ctl.svg
expect_rc 0 "control characters and invalid UTF-8 in a name"
check_out "still well-formed XML (replacement characters)" xmllint --noout ctl.svg
cd ..

# ---- the README's diagram of the blog example is what the tool writes
readme_block=$(sed -n '/^<!-- diagram: examples\/blog/,/^```$/p' "$SRC/README.md" | sed '1,2d;$d')
blog=$(cd "$SRC/examples/blog" && "$SD" diagram --format mermaid)
equals "$readme_block" "$blog" "the README's Mermaid diagram of examples/blog is current"
printf '%s\n' "$readme_block" > readme.mmd
check_out "and parses as erDiagram" $CHECK mermaid readme.mmd
check_out "the README's SVG of the blog revision is well-formed" xmllint --noout "$SRC/doc/diagrams/blog-add-email.svg"

# ---- a PostgreSQL revision needs a server to be replayed on
mkdir pgrev && cd pgrev
printf 'database: sqlite:///x.db\n' > schemadiff.yaml
mkdir -p migrations/versions
cat > migrations/versions/0123456789ab_pg.sql <<'SQL'
-- PostgreSQL only
--
-- revision: 0123456789ab
-- revises:
-- created: 2026-11-24T10:15:00Z
-- dialect: postgresql

-- schemadiff:upgrade
CREATE TABLE t (id integer PRIMARY KEY);

-- schemadiff:downgrade
DROP TABLE t;
SQL
sd diagram --revision head -o pg.svg
expect_rc 2 "a PostgreSQL revision in a SQLite project, no dev database: bad usage"
contains "$ERR" "replaying it needs a postgresql server" "the error says what is missing"
contains "$ERR" "--dev-database URL" "and how to give it"
check "nothing is written" test ! -e pg.svg
sd show head --html -o pg.html
expect_rc 0 "show --html still writes the page when the replay cannot run"
contains "$ERR" "warning: Replaying the revisions failed" "and warns"
contains "$(cat pg.html)" "replaying it needs a postgresql server" "the page says why the diagram is missing"
contains "$(cat pg.html)" '<span class="k">CREATE</span>' "and still shows the SQL"
cd ..

PGURI=${SCHEMADIFF_TEST_PGURI:-}
if [ -z "$PGURI" ] || ! psql "$PGURI" -Atqc 'SELECT 1' >/dev/null 2>&1; then
	skip "PostgreSQL: a revision replayed on a scratch database" "no server (SCHEMADIFF_TEST_PGURI)"
	finish
fi
scratch_dbs() {
	psql "$PGURI" -Atqc "SELECT count(*) FROM pg_database WHERE datname LIKE 'sd_scratch_%'"
}
before_dbs=$(scratch_dbs)
mkdir pg && cd pg
printf 'database: sqlite:///unused.db\ndev_database: %s\n' "$PGURI" > schemadiff.yaml
mkdir -p migrations/versions
cat > migrations/versions/aaaaaaaaaaaa_shop.sql <<'SQL'
-- Shop
--
-- revision: aaaaaaaaaaaa
-- revises:
-- created: 2026-11-24T10:15:00Z
-- dialect: postgresql

-- schemadiff:upgrade
CREATE SCHEMA billing;
CREATE TYPE billing.status AS ENUM ('open', 'paid');
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
COMMENT ON TABLE customers IS '</pre><img src=x onerror=alert(1)>';
CREATE TABLE billing.orders (id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status billing.status NOT NULL DEFAULT 'open');

-- schemadiff:downgrade
DROP TABLE billing.orders;
DROP TABLE customers;
DROP TYPE billing.status;
DROP SCHEMA billing;
SQL
cat > migrations/versions/bbbbbbbbbbbb_lines.sql <<'SQL'
-- Lines
--
-- revision: bbbbbbbbbbbb
-- revises: aaaaaaaaaaaa
-- created: 2026-11-25T10:15:00Z
-- dialect: postgresql

-- schemadiff:upgrade
CREATE TABLE billing.lines (order_id bigint NOT NULL REFERENCES billing.orders (id),
    no integer NOT NULL, PRIMARY KEY (order_id, no));
ALTER TYPE billing.status ADD VALUE 'refunded';

-- schemadiff:downgrade
DROP TABLE billing.lines;
SQL
sd diagram --revision aaaaaaaaaaaa -o pg1.svg
expect_rc 0 "a PostgreSQL revision replayed on the dev server"
check_out "well-formed" xmllint --noout pg1.svg
r=$($CHECK svg pg1.svg)
contains "$r" "node enum node,sd-enum,sd-added status" "the enum is a node of its own"
contains "$r" "node table node,sd-table,sd-added orders" "the table in the schema is drawn"
contains "$r" "text </pre><img src=x onerror=alert(1)>" "the table's comment (from the catalog) is text"
contains "$(grep -o 'class="cluster[^"]*"' pg1.svg)" "sd&#45;schema" "the schema is a cluster"
contains "$r" "text billing" "the cluster is labelled with the schema"
equals "$(printf '%s\n' "$r" | grep -c '^edge edge,sd-fk')" 1 "one foreign key edge"
sd diagram --revision bbbbbbbbbbbb -f mermaid -o pg2.mmd
expect_rc 0 "the second revision"
check_out "its Mermaid parses" $CHECK mermaid pg2.mmd
contains "$(cat pg2.mmd)" 'value refunded "added"' "the added enum value is marked"
contains "$(cat pg2.mmd)" "billing_orders ||--o{ billing_lines" "an identifying key (part of the primary key) is a solid line"
equals "$(scratch_dbs)" "$before_dbs" "every scratch database is dropped again"
sd diagram --revision head --dev-database "postgresql://127.0.0.1:1/nowhere" -o x.svg
expect_rc 3 "an unreachable dev server is a runtime failure"
check "nothing is written" test ! -e x.svg
cd ..

finish
