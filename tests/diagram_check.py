#!/usr/bin/env python3
"""diagram_check.py - checks of what `diagram` and `show --html` write, for
the CLI suites (standard library only: no Mermaid, no PIL in Debian's
test dependencies).

  mermaid FILE          parse FILE as a Mermaid erDiagram (the subset the
                        grammar of every Mermaid release since 10 accepts);
                        exit 1 with the line that fails
  svg FILE              one line per table/enum node, changed row and
                        edge: "node KIND CLASSES NAME", "row CLASSES TABLE
                        COLUMN", "edge CLASSES NAME"; then "text T" for
                        every text element
  colours PNG           the number of distinct colours of a PNG
  netlog JSON           the URLs a page (not the browser itself) asked the
                        network for, one a line
"""
import json
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

# ---------------------------------------------------------------- mermaid

# Mermaid's lexer, conservatively: words of [A-Za-z_][A-Za-z0-9_]* for
# entities, attribute words may hold ( ) [ ] too; PK/FK/UK keys; comments
# in double quotes with no double quote inside.
ENTITY = r"[A-Za-z_][A-Za-z0-9_]*"
ATTR_WORD = r"[A-Za-z_][A-Za-z0-9_()\[\]]*"
KEYWORDS = {"erdiagram", "one", "many", "only", "to", "style", "classdef",
            "class", "subgraph", "end", "u", "title", "direction"}
LEFT_CARD = {"|o", "||", "}o", "}|"}
RIGHT_CARD = {"o|", "||", "o{", "|{"}
ENTITY_OPEN = re.compile(r"^(" + ENTITY + r")\s*\{$")
ATTRIBUTE = re.compile(r"^(" + ATTR_WORD + r")\s+(" + ATTR_WORD + r")"
                       r"((?:\s+(?:PK|FK|UK)(?:\s*,\s*(?:PK|FK|UK))*)?)"
                       r'(\s+"[^"]*")?$')
RELATION = re.compile(r"^(" + ENTITY + r")\s+(\S{2})(--|\.\.)(\S{2})\s+(" +
                      ENTITY + r')\s*:\s*("[^"]*"|' + ENTITY + r")$")


def check_mermaid(text):
    """Returns None when text is a valid erDiagram, else the problem."""
    lines = text.split("\n")
    if "%%{" in text:
        return "a %%{ directive would reconfigure the renderer"
    body = [(i + 1, l.strip()) for i, l in enumerate(lines)
            if l.strip() and not l.strip().startswith("%%")]
    if not body or body[0][1] != "erDiagram":
        return "line 1: the diagram must start with erDiagram"
    declared = set()
    used = []
    block = None
    for no, line in body[1:]:
        if block is not None:
            if line == "}":
                block = None
                continue
            m = ATTRIBUTE.match(line)
            if not m:
                return "line %d: not an attribute `type name [PK|FK|UK] [\"comment\"]`: %s" % (no, line)
            for w in (m.group(1), m.group(2)):
                if w.lower() in ("pk", "fk", "uk") or re.match(r"(?i)^[pfu]k\W", w):
                    return "line %d: %r would lex as a key" % (no, w)
                if "~" in w:
                    return "line %d: %r would lex as a generic type" % (no, w)
            continue
        m = ENTITY_OPEN.match(line)
        if m:
            name = m.group(1)
            if name.lower() in KEYWORDS:
                return "line %d: entity %r is a Mermaid keyword" % (no, name)
            if name in declared:
                return "line %d: entity %r declared twice" % (no, name)
            declared.add(name)
            block = name
            continue
        m = RELATION.match(line)
        if m:
            a, left, ident, right, b, role = m.groups()
            if left not in LEFT_CARD:
                return "line %d: %r is not a left cardinality" % (no, left)
            if right not in RIGHT_CARD:
                return "line %d: %r is not a right cardinality" % (no, right)
            if re.search(r"direction\s+(TB|BT|LR|RL)", line):
                return "line %d: would lex as a direction" % no
            used.append((no, a))
            used.append((no, b))
            continue
        return "line %d: neither an entity block nor a relationship: %s" % (no, line)
    if block is not None:
        return "entity %s: block not closed" % block
    for no, name in used:
        if name not in declared:
            return "line %d: relationship to undeclared entity %r" % (no, name)
    return None

# -------------------------------------------------------------------- svg

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
MARKERS = ("+ ", "\u2212 ", "~ ")


def texts(el):
    return [t.text or "" for t in el.iter(SVG + "text")]


def strip_marker(s):
    for m in MARKERS:
        if s.startswith(m):
            return s[len(m):]
    return s


def report_svg(path):
    root = ET.parse(path).getroot()
    out = []
    for g in root.iter(SVG + "g"):
        cls = g.get("class", "").split()
        if "node" in cls:
            bold = [t.text or "" for t in g.iter(SVG + "text")
                    if t.get("font-weight") == "bold"]
            name = strip_marker(bold[0]) if bold else "?"
            kind = "enum" if "sd-enum" in cls else "table"
            out.append("node %s %s %s" % (kind, ",".join(cls), name))
            for row in g.iter(SVG + "g"):
                rc = row.get("class", "").split()
                rid = row.get("id", "")
                if "sd-row" in rc and rid.endswith("_0"):
                    cell = strip_marker("".join(texts(row)).strip())
                    out.append("row %s %s %s" % (",".join(rc), name, cell))
        elif "edge" in cls:
            title = ""
            for a in g.iter(SVG + "a"):
                title = a.get(XLINK + "title", "")
            fk = title.split(":")[0]
            out.append("edge %s %s" % (",".join(cls), fk))
    for t in root.iter(SVG + "text"):
        out.append("text %s" % (t.text or ""))
    return out

# -------------------------------------------------------------------- png


def png_colours(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos = 8
    idat = b""
    width = height = depth = ctype = None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    if depth != 8 or ctype not in (2, 6):
        raise SystemExit("unsupported PNG: depth %s type %s" % (depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours = set()
    i = 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pr) & 255
        for x in range(0, stride, bpp):
            colours.add(bytes(line[x:x + 3]))
        prev = line
    return len(colours)

# ----------------------------------------------------------------- netlog


def page_requests(path):
    """URLs requested on behalf of a page loaded from file:// (the
    browser's own update and sign-in checks are left out: their network
    isolation key is not the page's)."""
    text = open(path).read().rstrip().rstrip(",")
    if not text.endswith("}"):
        text += "]}"  # a log cut at exit: close the events array
    log = json.loads(text)
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for e in log.get("events", []):
        p = e.get("params") or {}
        if types.get(e["type"]) != "URL_REQUEST_START_JOB" or "url" not in p:
            continue
        if "file://" not in p.get("network_isolation_key", ""):
            continue
        if p["url"].startswith(("file:", "data:")):
            continue
        urls.append(p["url"])
    return urls


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    cmd, path = argv[1], argv[2]
    if cmd == "mermaid":
        problem = check_mermaid(open(path, encoding="utf-8").read())
        if problem:
            print(problem)
            return 1
        return 0
    if cmd == "svg":
        print("\n".join(report_svg(path)))
        return 0
    if cmd == "colours":
        print(png_colours(path))
        return 0
    if cmd == "netlog":
        for u in page_requests(path):
            print(u)
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
