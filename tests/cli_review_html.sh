#!/usr/bin/env bash
# cli_review_html.sh - `show REV --html` in a real browser (Debian's
# chromium, headless, started here): the page loads with no console message
# and no network request, is not blank at 1280 and at 390 pixels wide, and
# hostile names, messages, comments and SQL show as text: no script of
# theirs runs. The models diagram's SVG, opened on its own, likewise.
#
# Without chromium the suite skips, except under CI=true, where a missing
# browser is a failure.
. "$(dirname "$0")/lib.sh"

CHECK="python3 $SRC/tests/diagram_check.py"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	if [ "${CI:-}" = true ]; then
		not_ok "chromium is installed (CI=true: the browser checks must run)"
		finish
	fi
	echo "1..0 # SKIP chromium is not installed (tools/deps --test installs it)"
	exit 0
fi

# browser ARGS... URL: one headless run with a profile of its own; its
# log (console messages included) goes to $T/browser.log, its network log
# to $T/net.json. Every request leaves through a proxy that is not there.
browser() {
	local profile
	profile=$(mktemp -d "$T/profile.XXXXXX")
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$profile" \
		--enable-logging=stderr --log-level=0 --v=0 \
		--proxy-server=127.0.0.1:9 \
		--log-net-log="$T/net.json" --net-log-capture-mode=Default \
		--hide-scrollbars "$@" 2>"$T/browser.log"
}

# console_lines URL: what the page wrote to its console, or had written
# for it (errors, CSP violations, failed loads).
console_lines() {
	grep -F "CONSOLE" "$T/browser.log" | grep -F "$1" || true
}

# Every payload builds its marker when it runs ('pw'+'ned'): the page's
# text holds the payload, never the marker, so "pwned" in the DOM means a
# payload ran.

# ---- a project whose names, messages, comments and SQL attack the page
cat > schemadiff.yaml <<'YAML'
database: sqlite:///app.db
YAML
cat > models.yaml <<'YAML'
tables:
  - name: users
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: nickname, type: text}
YAML
sd generate -m "Initial"; expect_rc 0 "initial revision"
sd upgrade; expect_rc 0 "upgrade"
cat > models.yaml <<'YAML'
tables:
  - name: users
    comment: "</pre><img src=x onerror=\"document.title='pw'+'ned-img'\">"
    columns:
      - {name: id, type: integer, primary_key: true}
  - name: "x<script>document.title='pw'+'ned-name'</script>"
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: user_id, type: integer, references: users.id}
      - {name: "</code></pre><script>document.title='pw'+'ned-col'</script>", type: text}
  - name: posts
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: author_id, type: integer, references: users.id}
YAML
sd generate -m "</title><script>document.title='pw'+'ned-msg'</script> posts"
expect_rc 0 "a revision with a hostile message and names"
rev=$(grep -l "ned-msg" migrations/versions/*.sql)
# a hand-written comment in the SQL: reviewers edit revisions
sed -i "s|^-- schemadiff:upgrade|-- schemadiff:upgrade\n-- </pre><img src=x onerror=\"document.title='pw'+'ned-sql'\"> 'quote|" "$rev"

sd show head --html -o page.html
expect_rc 0 "show head --html"
check "the page is written" test -s page.html
contains "$ERR" "wrote page.html" "it says where"
lacks "$(cat page.html)" "<script" "no <script tag in the page"
lacks "$(cat page.html)" "<img" "no <img tag in the page"
contains "$(cat page.html)" "&lt;script&gt;document.title=&#39;pw&#39;+&#39;ned-name&#39;&lt;/script&gt;" "the table name is escaped"
contains "$(cat page.html)" "Content-Security-Policy" "the page forbids anything but its inline styles"
matches "$(cat page.html)" '<span class="k">CREATE</span> <span class="k">TABLE</span>' "the SQL is highlighted"
contains "$(cat page.html)" '<span class="c">-- &lt;/pre&gt;&lt;img' "the hand-written comment is an escaped comment span"
contains "$(cat page.html)" "drops column users.nickname" "the warnings are on the page"
contains "$(cat page.html)" "database write lock" "with the lock they take"
contains "$(cat page.html)" '<svg' "the diagram is inline"

# ---- the page in the browser, as written (with its CSP)
URL="file://$T/page.html"
browser --dump-dom "$URL" > dom.html
check "chromium loads the page" test -s dom.html
equals "$(console_lines "$URL")" "" "no console message (no error, no blocked load)"
equals "$($CHECK netlog "$T/net.json")" "" "no network request"
title=$(grep -o '<title>[^<]*</title>' dom.html)
contains "$title" "posts</title>" "the title is the revision's message, as text"
lacks "$(cat dom.html)" "pwned" "no hostile script ran"

# ---- the same page without its CSP: the escaping alone must hold
sed 's|<meta http-equiv="Content-Security-Policy"[^>]*>||' page.html > nocsp.html
lacks "$(cat nocsp.html)" "Content-Security-Policy" "the CSP is removed for this check"
browser --dump-dom "file://$T/nocsp.html" > dom2.html
lacks "$(cat dom2.html)" "pwned" "without a CSP no hostile script runs either"
python3 - dom2.html > elements.txt <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = set(); self.text = []
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
    def handle_data(self, d):
        self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
print("tags", sorted(p.tags & {"script", "img", "iframe", "object", "embed"}))
print("".join(p.text))
PY
contains "$(head -1 elements.txt)" "tags []" "the DOM holds no script, img, iframe, object or embed element"
contains "$(cat elements.txt)" "x<script>document.title='pw'+'ned-name'</script>" "the hostile table name shows as text"
contains "$(cat elements.txt)" "</pre><img src=x onerror=\"document.title='pw'+'ned-sql'\">" "the hostile SQL comment shows as text"
contains "$(cat elements.txt)" "</title><script>document.title='pw'+'ned-msg'</script> posts" "the hostile message shows as text"

# the check itself can fail: an unescaped payload is caught
sed 's|<main>|<main><img src=x onerror="document.title=\x27pw\x27+\x27ned-control\x27">|' nocsp.html > control.html
browser --dump-dom "file://$T/control.html" > dom3.html
contains "$(cat dom3.html)" "pwned-control" "control: an unescaped payload does run, so the checks above can fail"

# and the network and console checks can fail too: a page that asks for
# an image over the network is seen asking (without a CSP) or blocked and
# told off on the console (with it)
sed 's|<main>|<main><img src="http://schemadiff-test.invalid/x.png">|' nocsp.html > control2.html
browser --dump-dom "file://$T/control2.html" > /dev/null
contains "$($CHECK netlog "$T/net.json")" "http://schemadiff-test.invalid/x.png" "control: a network request is seen"
sed 's|<main>|<main><img src="http://schemadiff-test.invalid/x.png">|' page.html > control3.html
browser --dump-dom "file://$T/control3.html" > /dev/null
contains "$(console_lines "file://$T/control3.html")" "Content Security Policy" "control: a blocked load is a console message"

# ---- desktop and phone width
# Headless chromium lays a window out no narrower than 500 px, so the
# phone is an iframe of 390 x 844 px: the page inside lays out, media
# queries included, at 390 px, and a 390 px wide screenshot is exactly it.
phone() { # phone PAGE: a wrapper showing PAGE at 390 x 844
	printf '<!DOCTYPE html><html><head><style>body{margin:0}iframe{border:0;width:390px;height:844px;display:block}</style></head><body><iframe src="%s"></iframe><script>addEventListener("message", function (e) { document.title = e.data; });</script></body></html>\n' "$1"
}
phone page.html > phone.html
for size in 1280,900 390,844; do
	rm -f shot.png
	target=$URL
	[ "${size%,*}" = 390 ] && target="file://$T/phone.html"
	browser --screenshot="$T/shot.png" --window-size=$size "$target" >/dev/null
	if [ -s shot.png ]; then
		n=$($CHECK colours shot.png)
		if [ "$n" -ge 16 ]; then
			ok "the page at ${size%,*} px is not blank ($n colours)"
		else
			not_ok "the page at ${size%,*} px is not blank"
			diag "only $n distinct colours"
		fi
	else
		not_ok "a screenshot at ${size%,*} px"
	fi
	equals "$(console_lines "$URL")" "" "no console message at ${size%,*} px"
done
mkdir -p "${SD_BUILD_ROOT:-$T}/review-screenshots" 2>/dev/null &&
	cp shot.png "${SD_BUILD_ROOT:-$T}/review-screenshots/review-390.png" 2>/dev/null

# Nothing overflows sideways: the SQL and the tables scroll in their own
# boxes. Measured by a script added to the copy without the CSP (the page
# itself has none), which reports its width to the phone frame.
sed 's|</body>|<script>var w = "width:" + document.documentElement.scrollWidth; document.title = w; if (parent !== window) parent.postMessage(w, "*");</script></body>|' \
	nocsp.html > measure.html
phone measure.html > phone-measure.html
for w in 390 1280; do
	target="file://$T/measure.html"
	[ $w = 390 ] && target="file://$T/phone-measure.html"
	browser --window-size=$w,900 --virtual-time-budget=3000 --dump-dom "$target" > measured.html
	got=$(grep -o '<title>width:[0-9]*' measured.html | grep -o '[0-9]*$')
	if [ -n "$got" ] && [ "$got" -le $w ]; then
		ok "at $w px the page is $got px wide: nothing overflows sideways"
	else
		not_ok "at $w px nothing overflows sideways"
		diag "the page is ${got:-?} px wide"
	fi
done

# ---- the models diagram's SVG opened on its own
sd diagram -o models.svg
expect_rc 0 "the models diagram"
browser --dump-dom "file://$T/models.svg" > svgdom.xml
check "chromium renders the SVG" grep -q "<svg" svgdom.xml
equals "$(console_lines "file://$T/models.svg")" "" "no console message from the SVG"
lacks "$(cat svgdom.xml)" "pwned" "no hostile script ran in the SVG"
contains "$(cat svgdom.xml)" "x&lt;script&gt;document.title='pw'+'ned-name'&lt;/script&gt;" "the hostile name is SVG text"

finish
