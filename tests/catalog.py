#!/usr/bin/env python3
"""tests/catalog.py - a database's whole schema as canonical text, so that two
databases can be compared exactly with `diff`, independently of schemadiff.

  pg_dump --schema-only URL | catalog.py postgresql
  catalog.py sqlite FILE.db
  catalog.py diff WANT GOT  the entries that differ between two such
                           texts, one per line: "- ENTRY" only in WANT,
                           "+ ENTRY" only in GOT (then its first lines, as
                           "    | LINE"), "~ ENTRY" in both with other
                           contents (then its lines that differ, as
                           "    - LINE" and "    + LINE")
  catalog.py serve         reads lines "postgresql PG_DUMP-FILE OUT",
                           "sqlite DB-FILE OUT" or "diff WANT GOT OUT",
                           writes OUT, answers "ok" (or "error: ...") on a
                           line: one process serves a whole test run

PostgreSQL: the output of pg_dump --schema-only --no-owner cut into its
entries (one per catalog object, at its "-- Name: ..." header), session
settings, headers and blank lines dropped, the column lines of every CREATE
TABLE sorted (a column added by ALTER TABLE sits last, and column order is
not what a migration is judged on), and the entries sorted. Everything else
pg_dump writes (views, functions, triggers, policies, rules, grants,
comments, sequences and their options, extensions, partition bounds,
storage parameters) stays as pg_dump writes it.

SQLite: every object of sqlite_schema (tables, indexes, views, triggers),
its SQL text tokenised (comments and quoting dropped, keywords and names
lowercased, literals kept). A table's column constraints are written as
table constraints (`a INT UNIQUE` is `a INT, UNIQUE (a)`), its columns and
constraints sorted, a DEFAULT NULL dropped (it equals no default), `AS (x)`
written `AS (x) VIRTUAL`, and NOT NULL dropped from the INTEGER PRIMARY
KEY (the rowid is never NULL). Constraint names, and their absence,
AUTOINCREMENT, STRICT, WITHOUT ROWID, STORED/VIRTUAL, conflict clauses and
type spellings are kept.
"""
import os
import re
import sys

PG_DROP = re.compile(r"^(SET |SELECT pg_catalog\.set_config\(|\\|-- Dumped (from|by) |-- PostgreSQL database dump)")


def pg_table_block(lines):
    """Sorts the column/constraint lines of CREATE TABLE ... ( ... ) blocks."""
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        if re.match(r"^CREATE (UNLOGGED )?TABLE .*\($", line):
            j = i + 1
            while j < len(lines) and not lines[j].startswith(")"):
                j += 1
            body = sorted(l.rstrip(",") for l in lines[i + 1:j])
            out.append(line)
            out.extend(body)
            if j < len(lines):
                out.append(lines[j])
            i = j + 1
            continue
        out.append(line)
        i += 1
    return out


def postgresql(text):
    entries, cur = [], []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        # an entry header: "--" / "-- Name: ...; Type: ..." / "--"
        if line == "--" and i + 1 < len(lines) and lines[i + 1].startswith("-- "):
            if cur:
                entries.append(cur)
            cur = []
            i += 2
            while i < len(lines) and lines[i].startswith("--"):
                i += 1
            continue
        if PG_DROP.match(line):
            i += 1
            continue
        cur.append(line)
        i += 1
    if cur:
        entries.append(cur)
    # Blank lines inside an entry separate its statements (or sit in a
    # function body, where they mean nothing): dropped, so that entries are
    # told apart by the blank line between them.
    blocks = sorted("\n".join(l for l in pg_table_block(e) if l.strip())
                    for e in entries)
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) + "\n"


TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<lc>--[^\n]*)
  | (?P<bc>/\*.*?(\*/|$))
  | (?P<str>'(?:[^']|'')*')
  | (?P<blob>[xX]'[0-9a-fA-F]*')
  | (?P<qid>"(?:[^"]|"")*"|\[[^\]]*\]|`(?:[^`]|``)*`)
  | (?P<num>\d+(\.\d*)?([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)
  | (?P<word>[^\W\d]\w*|\$\w*)
  | (?P<op>\|\||<<|>>|<=|>=|==|!=|<>|->>|->|.)
""", re.X | re.S)


def sqlite_tokens(sql):
    toks = []
    for m in TOKEN.finditer(sql):
        kind = m.lastgroup
        t = m.group(kind)
        if kind in ("ws", "lc", "bc"):
            continue
        if kind == "qid":
            q = t[0]
            t = t[1:-1]
            if q == '"':
                t = t.replace('""', '"')
            elif q == "`":
                t = t.replace("``", "`")
            toks.append(t.lower())
        elif kind == "str" or kind == "blob":
            toks.append(t)
        else:
            toks.append(t.lower())
    return toks


def split_top(tokens, sep=","):
    parts, cur, depth = [], [], 0
    for t in tokens:
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        if t == sep and depth == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    parts.append(cur)
    return parts


COLUMN_CONSTRAINT = {"constraint", "primary", "not", "null", "unique", "check", "default",
                     "collate", "references", "generated", "as"}


def balanced(toks, i):
    """The index just past the parenthesised group that starts at toks[i]."""
    depth = 0
    for j in range(i, len(toks)):
        if toks[j] == "(":
            depth += 1
        elif toks[j] == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(toks)


def fk_clause(toks, i):
    """REFERENCES t [(cols)] [ON DELETE/UPDATE action] [MATCH x]
    [[NOT] DEFERRABLE [INITIALLY x]] from toks[i]; (clause, next index)."""
    j = i + 2
    if j < len(toks) and toks[j] == "(":
        j = balanced(toks, j)
    while j < len(toks):
        if toks[j] == "on" and j + 1 < len(toks) and toks[j + 1] in ("delete", "update"):
            j += 2
            j += 2 if toks[j] in ("set", "no") else 1
        elif toks[j] == "match":
            j += 2
        elif toks[j] == "not" and j + 1 < len(toks) and toks[j + 1] == "deferrable":
            j += 2
        elif toks[j] == "deferrable":
            j += 1
        elif toks[j] == "initially":
            j += 2
        else:
            break
    return toks[i:j], j


def column_def(elem):
    """A column definition cut into the column itself (name, type and the
    attributes that stay with it) and its constraints written as table
    constraints, so that `a INT UNIQUE` and `a INT, UNIQUE (a)` compare
    equal while a constraint's name, or its lack of one, still counts."""
    name, i = elem[0], 1
    while i < len(elem) and elem[i] not in COLUMN_CONSTRAINT:
        i = balanced(elem, i) if elem[i] == "(" else i + 1
    col, cons, cname = elem[:i], [], None
    while i < len(elem):
        t = elem[i]
        named = ["constraint", cname] if cname else []
        if t == "constraint" and i + 1 < len(elem):
            cname, i = elem[i + 1], i + 2
            continue
        if t == "primary":
            j, key = i + 2, [name]
            if j < len(elem) and elem[j] in ("asc", "desc"):
                key += [elem[j]] if elem[j] == "desc" else []
                j += 1
            c = named + ["primary", "key", "("] + key + [")"]
            if elem[j:j + 2] == ["on", "conflict"]:
                c += elem[j:j + 3]
                j += 3
            if j < len(elem) and elem[j] == "autoincrement":
                c.append("autoincrement")
                j += 1
            cons.append(c)
        elif t == "unique":
            j = i + 1
            c = named + ["unique", "(", name, ")"]
            if elem[j:j + 2] == ["on", "conflict"]:
                c += elem[j:j + 3]
                j += 3
            cons.append(c)
        elif t == "check":
            j = balanced(elem, i + 1)
            cons.append(named + elem[i:j])
        elif t == "references":
            c, j = fk_clause(elem, i)
            cons.append(named + ["foreign", "key", "(", name, ")"] + c)
        else:
            # attributes of the column itself
            if t == "not":
                j = i + 2
            elif t in ("null",):
                j = i + 1
            elif t == "default":
                j = i + 1
                if j < len(elem) and elem[j] in ("+", "-"):
                    j += 1
                j = balanced(elem, j) if j < len(elem) and elem[j] == "(" else j + 1
            elif t == "collate":
                j = i + 2
            elif t in ("generated", "as"):
                j = i + (3 if t == "generated" else 1)
                j = balanced(elem, j)
                kind = "virtual"
                if j < len(elem) and elem[j] in ("stored", "virtual"):
                    kind, j = elem[j], j + 1
                col += named + ["as"] + elem[i + (3 if t == "generated" else 1):j - (1 if elem[j - 1] in ("stored", "virtual") else 0)] + [kind]
                cname = None
                i = j
                continue
            else:
                j = i + 1
            if elem[i:i + 2] in (["default", "null"],) or elem[i:i + 4] == ["default", "(", "null", ")"]:
                pass    # DEFAULT NULL is no default
            else:
                if elem[j:j + 2] == ["on", "conflict"] and t in ("not", "null"):
                    j += 3
                col += named + elem[i:j]
        cname = None
        i = j
    return col, cons


def sqlite_table(tokens):
    try:
        start = tokens.index("(")
    except ValueError:
        return " ".join(tokens)
    head = tokens[:start]
    if head[2:5] == ["if", "not", "exists"]:
        head = head[:2] + head[5:]
    depth, end = 0, None
    for k in range(start, len(tokens)):
        if tokens[k] == "(":
            depth += 1
        elif tokens[k] == ")":
            depth -= 1
            if depth == 0:
                end = k
                break
    if end is None:
        return " ".join(tokens)
    elems = []
    for e in split_top(tokens[start + 1:end]):
        if not e:
            continue
        if e[0] in ("constraint", "primary", "unique", "check", "foreign"):
            elems.append(" ".join(e))
        else:
            col, cons = column_def(e)
            elems.append(" ".join(col))
            elems += [" ".join(c) for c in cons]
    # the INTEGER PRIMARY KEY column (the rowid) is NOT NULL either way
    pks = [x for x in elems if re.match(r"^(constraint \S+ )?primary key \( (\S+) (desc )?\)", x)]
    if len(pks) == 1:
        key = re.match(r"^(constraint \S+ )?primary key \( (\S+)", pks[0]).group(2)
        elems = [re.sub(r" not null$", "", x) if x.startswith(key + " integer not null") and
                 x == key + " integer not null" else x for x in elems]
    options = sorted(" ".join(o) for o in split_top(tokens[end + 1:]) if o)
    return "%s (\n  %s\n) %s" % (" ".join(head), "\n  ".join(sorted(elems)),
                                 ", ".join(options))


def sqlite(path):
    import sqlite3
    import urllib.parse
    if not os.path.isfile(path):
        raise OSError("no database file %s" % path)
    con = sqlite3.connect("file:%s?mode=ro" % urllib.parse.quote(os.path.abspath(path)),
                          uri=True)
    rows = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema "
        "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").fetchall()
    blocks = []
    for typ, name, tbl, sql in rows:
        toks = sqlite_tokens(sql)
        if typ == "table" and not toks[:3] == ["create", "virtual", "table"]:
            text = sqlite_table(toks)
        else:
            if toks[2:5] == ["if", "not", "exists"] or toks[3:6] == ["if", "not", "exists"]:
                k = toks.index("if")
                toks = toks[:k] + toks[k + 3:]
            text = " ".join(toks)
        blocks.append("%s %s on %s:\n%s" % (typ, name.lower(), tbl.lower(), text))
    return "\n\n".join(sorted(blocks)) + "\n"


def entry_key(block):
    """What names an entry: its first line, and for a statement that goes
    on (ALTER TABLE ONLY t / ADD CONSTRAINT c ...) the start of the next."""
    lines = block.split("\n")
    key = lines[0]
    if len(lines) > 1 and not key.endswith((";", "(")) and \
            lines[1].lstrip().startswith(("ADD CONSTRAINT", "ALTER COLUMN")):
        key += " " + " ".join(lines[1].split()[:4])
    return key


def compare(want, got):
    """Entry-level differences of two canonical texts, target first."""
    def entries(text):
        out = {}
        for b in text.split("\n\n"):
            b = b.strip("\n")
            if b:
                out.setdefault(entry_key(b), []).append(b)
        return out
    w, g = entries(want), entries(got)
    out = []
    for k in sorted(set(w) | set(g)):
        a, b = w.get(k, []), g.get(k, [])
        if a == b:
            continue
        if not b or not a:
            out.append(("- " if a else "+ ") + k)
            rest = [l.strip() for x in (a or b) for l in x.split("\n")[1:]]
            out += ["    | " + l for l in rest[:8]]
            if len(rest) > 8:
                out.append("    | ...")
        else:
            out.append("~ " + k)
            al = [l for x in a for l in x.split("\n")[1:]]
            bl = [l for x in b for l in x.split("\n")[1:]]
            out += ["    - " + l.strip() for l in al if l not in bl]
            out += ["    + " + l.strip() for l in bl if l not in al]
    return "\n".join(out) + ("\n" if out else "")


def serve():
    for line in sys.stdin:
        try:
            kind, src, out = line.rstrip("\n").split(" ", 2)
            if kind == "diff":
                want, out = out.split(" ", 1)
                with open(src, encoding="utf-8") as a, \
                        open(want, encoding="utf-8") as b:
                    text = compare(a.read(), b.read())
            elif kind == "postgresql":
                with open(src, encoding="utf-8") as f:
                    text = postgresql(f.read())
            else:
                text = sqlite(src)
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
            print("ok", flush=True)
        except Exception as e:  # reported by the caller as a difference
            print("error: %s" % e, flush=True)


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "postgresql":
        sys.stdout.write(postgresql(sys.stdin.read()))
    elif len(sys.argv) == 2 and sys.argv[1] == "serve":
        serve()
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        with open(sys.argv[2], encoding="utf-8") as a, \
                open(sys.argv[3], encoding="utf-8") as b:
            sys.stdout.write(compare(a.read(), b.read()))
    elif len(sys.argv) == 3 and sys.argv[1] == "sqlite":
        sys.stdout.write(sqlite(sys.argv[2]))
    else:
        sys.exit("usage: catalog.py postgresql < pg_dump-output | catalog.py sqlite FILE"
                 " | catalog.py diff WANT GOT | catalog.py serve")


if __name__ == "__main__":
    main()
