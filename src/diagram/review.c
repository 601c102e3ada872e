/*
 * review.c - the review page of a revision (review.h).
 *
 * One HTML document, readable from a file:// URL with no network: the
 * styles are inline, there is no script, and a Content-Security-Policy
 * meta tag forbids anything else, so even text that escaped our escaping
 * could not load or run anything. Every piece of content goes through
 * sd_xml_escape (or sd_sql_highlight, which escapes too).
 *
 * Layout: one column up to 72rem wide; tables and SQL scroll sideways on
 * their own on narrow screens (a phone at 390 px), the diagram scales to
 * the width and can be opened wider by scrolling its frame.
 */
#include "diagram/review.h"

#include <string.h>

static const char css[] =
	":root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#ffffff;"
	"--panel:#f6f8fa;--add:#1a7f37;--add-bg:#dafbe1;--del:#cf222e;"
	"--del-bg:#ffebe9;--chg:#9a6700;--chg-bg:#fff8c5}"
	"*{box-sizing:border-box}"
	"body{margin:0;background:var(--bg);color:var(--fg);"
	"font:15px/1.5 -apple-system,BlinkMacSystemFont,\"Segoe UI\",Helvetica,"
	"Arial,sans-serif;-webkit-text-size-adjust:100%}"
	"main{max-width:72rem;margin:0 auto;padding:1.5rem 1rem 3rem}"
	"h1{font-size:1.5rem;line-height:1.25;margin:0 0 .25rem;"
	"overflow-wrap:anywhere}"
	"h2{font-size:1.15rem;margin:2rem 0 .75rem;padding-bottom:.3rem;"
	"border-bottom:1px solid var(--line)}"
	"h3{font-size:1rem;margin:1.25rem 0 .5rem}"
	".rev{font:600 .85rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"
	"\"DejaVu Sans Mono\",monospace;color:var(--muted)}"
	"dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;"
	"margin:1rem 0;font-size:.9rem}"
	"dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}"
	"code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"
	"\"DejaVu Sans Mono\",monospace;font-size:.85rem}"
	".chips{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0}"
	".chip{border:1px solid var(--line);border-radius:2rem;padding:.1rem .7rem;"
	"font-size:.85rem;background:var(--panel)}"
	".chip.add{border-color:var(--add);background:var(--add-bg)}"
	".chip.del{border-color:var(--del);background:var(--del-bg)}"
	".chip.chg{border-color:var(--chg);background:var(--chg-bg)}"
	".warnings{list-style:none;padding:0;margin:0}"
	".warnings li{border-left:4px solid var(--chg);background:var(--chg-bg);"
	"padding:.5rem .75rem;margin:.4rem 0;overflow-wrap:anywhere}"
	".warnings li.loss{border-left-color:var(--del);background:var(--del-bg)}"
	".warnings .lock{display:block;font-size:.85rem;color:var(--muted)}"
	".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;"
	"border:1px solid var(--line);border-radius:6px}"
	"table{border-collapse:collapse;width:100%;font-size:.875rem}"
	"th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;"
	"border-bottom:1px solid var(--line)}"
	"th{background:var(--panel);font-weight:600;white-space:nowrap}"
	"tr:last-child td{border-bottom:0}"
	"td.m{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700;"
	"width:1.5rem;text-align:center}"
	"tr.add td.m{color:var(--add)}tr.del td.m{color:var(--del)}"
	"tr.chg td.m{color:var(--chg)}"
	"td.what{min-width:14rem;overflow-wrap:anywhere}"
	"td.lock{min-width:12rem}"
	".long{color:var(--del);font-weight:600}"
	"figure.diagram{margin:0;border:1px solid var(--line);border-radius:6px;"
	"background:#fff;overflow:auto;max-height:80vh;padding:.5rem}"
	"figure.diagram svg{display:block;max-width:100%;height:auto;margin:0 auto}"
	"figure.diagram svg:hover{cursor:default}"
	"details{margin:.5rem 0 1rem}"
	"summary{cursor:pointer;font-weight:600;padding:.25rem 0}"
	"pre.sql{margin:.25rem 0 0;padding:.75rem 1rem;background:var(--panel);"
	"border:1px solid var(--line);border-radius:6px;overflow-x:auto;"
	"white-space:pre;tab-size:4;line-height:1.45}"
	"pre.sql .k{color:#cf222e;font-weight:600}pre.sql .t{color:#8250df}"
	"pre.sql .s{color:#0a3069}pre.sql .c{color:#6e7781;font-style:italic}"
	"pre.sql .i{color:#953800}pre.sql .n{color:#0550ae}"
	".note{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}"
	".empty{color:var(--muted);font-style:italic}"
	"footer{margin-top:3rem;color:var(--muted);font-size:.8rem}"
	"@media (max-width:600px){body{font-size:14px}main{padding:1rem .75rem 2rem}"
	"h1{font-size:1.25rem}dl.meta{grid-template-columns:1fr;gap:0}"
	"dl.meta dd{margin-bottom:.4rem}pre.sql{padding:.5rem .6rem;font-size:.8rem}"
	"figure.diagram{max-height:none}"
	/* the operations as stacked cards: what, then its lock and warning */
	".ops thead{display:none}.ops tr{display:grid;"
	"grid-template-columns:1.5rem 1fr;border-bottom:1px solid var(--line);"
	"padding:.3rem 0}.ops tr:last-child{border-bottom:0}"
	".ops td{border:0;padding:.1rem .4rem;min-width:0}"
	".ops td.m{grid-row:span 3}.ops td.lock,.ops td.warn{grid-column:2;"
	"font-size:.8rem;color:var(--muted)}.ops td.warn:empty{display:none}}"
	"@media print{figure.diagram{max-height:none;overflow:visible}"
	"pre.sql{white-space:pre-wrap}}";

static void text(sd_buf *out, const char *s)
{
	sd_xml_escape(out, s, 0);
}

static const char *chip_class(char marker)
{
	return marker == '+' ? "add" : marker == '-' ? "del" : "chg";
}

static void put_meta(sd_buf *out, const char *name, const char *value,
                     bool mono)
{
	sd_buf_put(out, "<dt>");
	text(out, name);
	sd_buf_printf(out, "</dt><dd%s>", mono ? " class=\"mono\"" : "");
	text(out, value && *value ? value : "\xe2\x80\x94");
	sd_buf_put(out, "</dd>");
}

static void put_header(sd_buf *out, const sd_review *r)
{
	const sd_revision *rev = r->rev;
	sd_buf parents = SD_BUF_INIT;
	size_t i;

	sd_buf_put(out, "<header><div class=\"rev\">revision ");
	text(out, rev->id);
	sd_buf_put(out, "</div><h1>");
	text(out, rev->message && *rev->message ? rev->message : "(no message)");
	sd_buf_put(out, "</h1>");
	for (i = 0; i < rev->nparents; i++)
		sd_buf_printf(&parents, "%s%s", i ? ", " : "", rev->parents[i]);
	sd_buf_put(out, "<dl class=\"meta\">");
	put_meta(out, "revises", rev->nparents ? sd_buf_cstr(&parents)
	                                      : "(base: the first revision)",
	         rev->nparents > 0);
	put_meta(out, "created", rev->created, false);
	put_meta(out, "dialect", rev->dialect, false);
	put_meta(out, "format", rev->format == SD_REV_C ? "C" : "SQL", false);
	put_meta(out, "file", r->source_name ? r->source_name : rev->path, true);
	put_meta(out, "transaction",
	         rev->no_transaction
	             ? "none: some statements cannot run in a transaction"
	             : "one transaction with the version update",
	         false);
	sd_buf_put(out, "</dl></header>\n");
	sd_buf_free(&parents);
}

static void put_chips(sd_buf *out, const sd_review *r)
{
	size_t add = 0, del = 0, chg = 0, i;

	for (i = 0; i < r->nops; i++) {
		char m = r->ops[i].marker;
		if (m == '+')
			add++;
		else if (m == '-')
			del++;
		else
			chg++;
	}
	sd_buf_put(out, "<div class=\"chips\">");
	sd_buf_printf(out, "<span class=\"chip add\">+%zu added</span>", add);
	sd_buf_printf(out, "<span class=\"chip del\">\xe2\x88\x92%zu dropped</span>", del);
	sd_buf_printf(out, "<span class=\"chip chg\">~%zu changed</span>", chg);
	sd_buf_printf(out, "<span class=\"chip\">%zu warning%s</span>",
	              r->rev->warnings.n, r->rev->warnings.n == 1 ? "" : "s");
	sd_buf_put(out, "</div>\n");
}

static void put_lock(sd_buf *out, const sd_review_op *op)
{
	if (op->new_table) {
		sd_buf_put(out, "none that matters: the table is new in this revision");
		return;
	}
	if (!op->lock.lock) {
		sd_buf_put(out, "not known");
		return;
	}
	text(out, op->lock.lock);
	sd_buf_put(out, " \xe2\x80\x94 blocks ");
	text(out, op->lock.blocks);
	if (op->lock.long_held)
		sd_buf_put(out, ", <span class=\"long\">for the whole table's rows</span>");
	else
		sd_buf_put(out, ", briefly");
}

/* The header's warnings, each with the lock of the operation it is
 * about (matched by its text). */
static void put_warnings(sd_buf *out, const sd_review *r)
{
	const sd_strlist *w = &r->rev->warnings;
	size_t i, k;

	sd_buf_put(out, "<section id=\"warnings\"><h2>Warnings</h2>");
	if (!w->n) {
		sd_buf_put(out, "<p class=\"empty\">The revision's header lists no warnings.</p></section>\n");
		return;
	}
	sd_buf_put(out, "<ul class=\"warnings\">");
	for (i = 0; i < w->n; i++) {
		const sd_review_op *op = NULL;
		for (k = 0; k < r->nops && !op; k++)
			if (r->ops[k].warning && strcmp(r->ops[k].warning, w->items[i]) == 0)
				op = &r->ops[k];
		sd_buf_printf(out, "<li%s>", strstr(w->items[i], "data loss")
		                                 ? " class=\"loss\"" : "");
		text(out, w->items[i]);
		sd_buf_put(out, "<span class=\"lock\">lock: ");
		if (op)
			put_lock(out, op);
		else
			sd_buf_put(out, "see the operations below");
		sd_buf_put(out, "</span></li>");
	}
	sd_buf_put(out, "</ul></section>\n");
}

static void put_ops(sd_buf *out, const sd_review *r)
{
	size_t i;

	sd_buf_put(out, "<section id=\"operations\"><h2>Operations and locks</h2>");
	if (!r->ops_known) {
		sd_buf_put(out, "<p class=\"note\">");
		text(out, r->note ? r->note : "The operations are not known.");
		sd_buf_put(out, "</p></section>\n");
		return;
	}
	if (!r->nops) {
		sd_buf_put(out, "<p class=\"empty\">No schema change: the revision changes data only, or nothing.</p></section>\n");
		return;
	}
	sd_buf_put(out, "<div class=\"scroll ops\"><table><thead><tr><th></th><th>operation</th><th>lock taken</th><th>warning</th></tr></thead><tbody>");
	for (i = 0; i < r->nops; i++) {
		const sd_review_op *op = &r->ops[i];
		sd_buf_printf(out, "<tr class=\"%s\"><td class=\"m\">%s</td><td class=\"what mono\">",
		              chip_class(op->marker),
		              op->marker == '+' ? "+" : op->marker == '-' ? "\xe2\x88\x92" : "~");
		text(out, op->text);
		sd_buf_put(out, "</td><td class=\"lock\">");
		put_lock(out, op);
		sd_buf_put(out, "</td><td class=\"warn\">");
		text(out, op->warning ? op->warning : "");
		sd_buf_put(out, "</td></tr>");
	}
	sd_buf_put(out, "</tbody></table></div></section>\n");
}

static void put_diagram(sd_buf *out, const sd_review *r)
{
	sd_buf_put(out, "<section id=\"diagram\"><h2>Diagram</h2>");
	if (r->svg) {
		sd_buf_put(out, "<figure class=\"diagram\">");
		sd_svg_inline(out, r->svg);
		sd_buf_put(out, "</figure><p class=\"note\">The changed tables and their direct neighbours; green added, red dropped, yellow changed, grey unchanged.</p>");
	} else {
		sd_buf_put(out, "<p class=\"note\">");
		text(out, r->note ? r->note : "No diagram.");
		sd_buf_put(out, "</p>");
	}
	sd_buf_put(out, "</section>\n");
}

static void put_sql_block(sd_buf *out, const char *what, const char *sql,
                          const char *dialect, bool open)
{
	sd_buf_printf(out, "<details%s><summary>", open ? " open" : "");
	text(out, what);
	sd_buf_put(out, "</summary>");
	if (!sql || !*sql) {
		sd_buf_put(out, "<p class=\"empty\">(empty)</p></details>");
		return;
	}
	sd_buf_put(out, "<pre class=\"sql\"><code>");
	sd_sql_highlight(out, sql, dialect);
	sd_buf_put(out, "</code></pre></details>");
}

static void put_sql(sd_buf *out, const sd_review *r)
{
	size_t i;

	sd_buf_put(out, "<section id=\"sql\"><h2>SQL</h2>");
	for (i = 0; i < r->nsql; i++) {
		const sd_review_sql *s = &r->sql[i];
		sd_buf_put(out, "<h3>");
		text(out, s->dialect);
		sd_buf_put(out, "</h3>");
		if (s->note) {
			sd_buf_put(out, "<p class=\"note\">");
			text(out, s->note);
			sd_buf_put(out, "</p>");
		}
		if (s->upgrade || s->downgrade) {
			put_sql_block(out, "upgrade", s->upgrade, s->dialect, true);
			put_sql_block(out, "downgrade", s->downgrade, s->dialect, true);
		}
	}
	if (r->c_source) {
		sd_buf_put(out, "<details><summary>C source</summary><pre class=\"sql\"><code>");
		sd_xml_escape(out, r->c_source, SD_XML_KEEP_LINES);
		sd_buf_put(out, "</code></pre></details>");
	}
	sd_buf_put(out, "</section>\n");
}

void sd_review_html(sd_buf *out, const sd_review *r)
{
	sd_buf_put(out,
	           "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	           "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
	           "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
	text(out, r->rev->id);
	sd_buf_put(out, ": ");
	text(out, r->rev->message ? r->rev->message : "");
	sd_buf_put(out, "</title>\n<style>");
	sd_buf_put(out, css);
	sd_buf_put(out, "</style>\n</head>\n<body>\n<main>\n");
	put_header(out, r);
	if (r->ops_known)
		put_chips(out, r);
	put_warnings(out, r);
	put_diagram(out, r);
	put_ops(out, r);
	put_sql(out, r);
	sd_buf_put(out, "<footer>Written by ");
	text(out, r->generator ? r->generator : "schemadiff");
	sd_buf_put(out, " from the revision file; the operations and the diagram come from replaying the revisions on a scratch database.</footer>\n</main>\n</body>\n</html>\n");
}

void sd_svg_inline(sd_buf *out, const char *svg)
{
	const char *p = strstr(svg, "<svg");

	if (!p)
		return;
	/* from <svg on, without XML comments (Graphviz's "<!-- n0 -->"
	 * lines); width and height stay, so a small diagram keeps its size
	 * and CSS (max-width:100%; height:auto) shrinks a big one */
	for (;;) {
		const char *c = strstr(p, "<!--");
		const char *ce;
		if (!c) {
			sd_buf_put(out, p);
			break;
		}
		sd_buf_putn(out, p, (size_t)(c - p));
		ce = strstr(c, "-->");
		if (!ce)
			break;
		p = ce + 3;
	}
}
