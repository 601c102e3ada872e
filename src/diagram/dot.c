/*
 * dot.c - a diagram as Graphviz DOT (diagram.h).
 *
 * Every node is a plain shape with an HTML-like label (a table of rows),
 * so Graphviz sizes it and foreign keys attach to the rows of their
 * columns: from the east side of the referencing column to the west side
 * of the referenced one, with crow's-foot ends.
 *
 * Nothing the user wrote reaches DOT syntax unescaped: node and cluster
 * identifiers are ours (n0, cluster_0), label text goes through
 * sd_xml_escape, and tooltips through dot_string (DOT's quoting, with the
 * backslash doubled so Graphviz's \N-style substitutions never fire).
 *
 * Cells of rows that a change touched carry an ID "sdr_<state>_..." and a
 * link, because Graphviz 2.42 writes a group for a cell only then; svg.c
 * turns those groups' ids into the sd-<state> classes.
 */
#include "diagram/diagram.h"

#include <string.h>

/* Monospaced: Graphviz measures text with its built-in Courier metrics
 * (0.6 em a character), which every monospaced font shares, so the boxes
 * fit their text in any viewer, whatever fonts it has. */
#define FONT "Courier,DejaVu Sans Mono,Menlo,Consolas,monospace"

typedef struct palette {
	const char *line;
	const char *fill;   /* row background */
	const char *text;
	const char *header;
} palette;

/* Colours by state; SAME differs between a plain and a change diagram
 * (muted there). */
static palette colours(const sd_diagram *d, sd_dg_state s,
                       const sd_dg_kind_info *k)
{
	switch (s) {
	case SD_DG_ADDED:
		return (palette){"#1a7f37", "#dafbe1", "#0f5323", "#aceebb"};
	case SD_DG_DROPPED:
		return (palette){"#cf222e", "#ffebe9", "#82071e", "#ffcecb"};
	case SD_DG_CHANGED:
		return (palette){"#9a6700", "#fff8c5", "#4d2d00", "#fae17d"};
	default:
		if (d->marked)
			return (palette){"#afb8c1", "#ffffff", "#6e7781", "#eaeef2"};
		return (palette){"#57606a", "#ffffff", "#1f2328", k->header_fill};
	}
}

static const char *marker(sd_dg_state s)
{
	switch (s) {
	case SD_DG_ADDED: return "+ ";
	case SD_DG_DROPPED: return "\xe2\x88\x92 "; /* minus sign */
	case SD_DG_CHANGED: return "~ ";
	default: return "";
	}
}

/* A DOT quoted string: " and \ escaped, no line breaks. */
static void dot_string(sd_buf *out, const char *s)
{
	sd_buf_putc(out, '"');
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			sd_buf_putc(out, '\\');
		if (*s == '\n' || *s == '\r')
			sd_buf_putc(out, ' ');
		else
			sd_buf_putc(out, *s);
	}
	sd_buf_putc(out, '"');
}

/* Escaped text for an HTML-like label, its text or its attribute values:
 * XML escapes, and backslashes doubled because Graphviz applies its
 * \N-style substitutions to both. */
static void label_text(sd_buf *out, const char *s)
{
	sd_buf tmp = SD_BUF_INIT;
	const char *p;

	for (p = s; p && *p; p++) {
		if (*p == '\\')
			sd_buf_putc(&tmp, '\\');
		sd_buf_putc(&tmp, *p);
	}
	sd_xml_escape(out, sd_buf_cstr(&tmp), 0);
	sd_buf_free(&tmp);
}

/* A name in a label; Graphviz refuses empty elements, and an empty name
 * (SQLite allows one) shows as "". */
static void name_text(sd_buf *out, const char *name)
{
	if (name && *name)
		label_text(out, name);
	else
		sd_buf_put(out, "&quot;&quot;");
}

/* Long comments are cut for the picture (the tooltip has them whole). */
static void short_text(sd_buf *out, const char *s, size_t max)
{
	sd_buf tmp = SD_BUF_INIT;
	size_t n = 0;
	const char *p;

	for (p = s; *p; p++) {
		/* count characters, not UTF-8 continuation bytes */
		if (((unsigned char)*p & 0xc0) != 0x80 && ++n > max) {
			sd_buf_put(&tmp, "\xe2\x80\xa6"); /* ellipsis */
			break;
		}
		sd_buf_putc(&tmp, *p);
	}
	label_text(out, sd_buf_cstr(&tmp));
	sd_buf_free(&tmp);
}

/* "users.email: string(120) UQ — changed: ... — comment" */
static void row_tooltip(sd_buf *out, const sd_dg_node *n, const sd_dg_row *r)
{
	sd_buf t = SD_BUF_INIT;

	if (n->ns)
		sd_buf_printf(&t, "%s.", n->ns);
	sd_buf_printf(&t, "%s.%s", n->name, r->name);
	if (r->type)
		sd_buf_printf(&t, ": %s", r->type);
	if (r->marks) {
		sd_buf_putc(&t, ' ');
		sd_dg_marks_format(&t, r->marks, " ", false);
	}
	if (r->state != SD_DG_SAME)
		sd_buf_printf(&t, " (%s)", sd_dg_state_name(r->state));
	if (r->change)
		sd_buf_printf(&t, "; %s", r->change);
	if (r->comment)
		sd_buf_printf(&t, "; %s", r->comment);
	label_text(out, sd_buf_cstr(&t));
	sd_buf_free(&t);
}

/*
 * Opens a cell: alignment, port, background, and for a changed row the
 * id and link that give the cell its own SVG group (see svg.c).
 */
static void open_cell(sd_buf *out, const sd_diagram *d, const sd_dg_node *n,
                      size_t row, int cell, const char *align,
                      const char *port, const palette *pal)
{
	const sd_dg_row *r = &n->rows[row];

	sd_buf_printf(out, "<TD ALIGN=\"%s\"", align);
	if (port)
		sd_buf_printf(out, " PORT=\"%s%zu\"", port, row);
	if (r->state != SD_DG_SAME)
		sd_buf_printf(out, " BGCOLOR=\"%s\"", pal->fill);
	if (d->marked && r->state != SD_DG_SAME) {
		sd_buf_printf(out, " ID=\"sdr_%s_%zu_%zu_%d\" HREF=\"#sd-n%zu\" TOOLTIP=\"",
		              sd_dg_state_name(r->state), n->index, row, cell,
		              n->index);
		row_tooltip(out, n, r);
		sd_buf_putc(out, '"');
	}
	sd_buf_putc(out, '>');
}

static void put_font(sd_buf *out, const char *colour, int size)
{
	sd_buf_printf(out, "<FONT COLOR=\"%s\"", colour);
	if (size)
		sd_buf_printf(out, " POINT-SIZE=\"%d\"", size);
	sd_buf_putc(out, '>');
}

static void put_row(sd_buf *out, const sd_diagram *d, const sd_dg_node *n,
                    size_t i, int ncols, const palette *node_pal)
{
	const sd_dg_row *r = &n->rows[i];
	const sd_dg_kind_info *k = sd_dg_kind_of(n->kind);
	palette pal = colours(d, r->state, k);
	const char *text = r->state == SD_DG_SAME ? node_pal->text : pal.text;
	bool strike = r->state == SD_DG_DROPPED;

	sd_buf_put(out, "<TR>");
	open_cell(out, d, n, i, 0, "LEFT", "w", &pal);
	put_font(out, text, 0);
	if (d->marked)
		sd_buf_put(out, marker(r->state));
	if (strike)
		sd_buf_put(out, "<S>");
	if (r->marks & SD_DG_PK)
		sd_buf_put(out, "<B>");
	name_text(out, r->name);
	if (r->marks & SD_DG_PK)
		sd_buf_put(out, "</B>");
	if (strike)
		sd_buf_put(out, "</S>");
	sd_buf_put(out, "</FONT></TD>");
	if (ncols == 1) {
		sd_buf_put(out, "</TR>");
		return;
	}
	open_cell(out, d, n, i, 1, "LEFT", NULL, &pal);
	if (r->type && *r->type) {
		put_font(out, r->state == SD_DG_SAME ? "#57606a" : pal.text, 0);
		label_text(out, r->type);
		sd_buf_put(out, "</FONT>");
	}
	sd_buf_put(out, "</TD>");
	open_cell(out, d, n, i, 2, "RIGHT", "e", &pal);
	if (r->marks) { /* Graphviz refuses an empty <FONT> */
		put_font(out, r->state == SD_DG_SAME ? "#6e7781" : pal.text, 8);
		sd_dg_marks_format(out, r->marks, " ", false);
		sd_buf_put(out, "</FONT>");
	}
	sd_buf_put(out, "</TD></TR>");
}

/* The label of a node: header, comment, rows, notes. */
static void node_label(sd_buf *out, const sd_diagram *d, const sd_dg_node *n)
{
	const sd_dg_kind_info *k = sd_dg_kind_of(n->kind);
	palette pal = colours(d, n->state, k);
	int ncols = k->typed_rows ? 3 : 1;
	size_t i;

	sd_buf_printf(out, "<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"%s\" BGCOLOR=\"#ffffff\"",
	              pal.line);
	sd_buf_put(out, ">");
	sd_buf_printf(out, "<TR><TD COLSPAN=\"%d\" BGCOLOR=\"%s\" CELLPADDING=\"4\">",
	              ncols, pal.header);
	put_font(out, pal.text, 0);
	if (k->stereotype) {
		sd_buf_put(out, "<FONT POINT-SIZE=\"8\">");
		label_text(out, k->stereotype);
		sd_buf_put(out, "</FONT><BR/>");
	}
	if (d->marked)
		sd_buf_put(out, marker(n->state));
	if (n->state == SD_DG_DROPPED)
		sd_buf_put(out, "<S>");
	sd_buf_put(out, "<B>");
	name_text(out, n->name);
	sd_buf_put(out, "</B>");
	if (n->state == SD_DG_DROPPED)
		sd_buf_put(out, "</S>");
	sd_buf_put(out, "</FONT></TD></TR>");
	if (n->comment && *n->comment) {
		sd_buf_printf(out, "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\">", ncols);
		put_font(out, "#6e7781", 8);
		sd_buf_put(out, "<I>");
		short_text(out, n->comment, 48);
		sd_buf_put(out, "</I></FONT></TD></TR>");
	}
	for (i = 0; i < n->nrows; i++)
		put_row(out, d, n, i, ncols, &pal);
	if (n->nrows == 0 && !n->notes.n)
		sd_buf_printf(out, "<TR><TD COLSPAN=\"%d\"><FONT POINT-SIZE=\"8\" COLOR=\"#6e7781\"><I>no columns</I></FONT></TD></TR>",
		              ncols);
	for (i = 0; i < n->notes.n; i++) {
		const sd_dg_note *note = n->notes.items[i];
		palette np = colours(d, note->state, k);
		sd_buf_printf(out, "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\" BGCOLOR=\"%s\">",
		              ncols, np.fill);
		put_font(out, np.text, 8);
		short_text(out, note->text, 56);
		sd_buf_put(out, "</FONT></TD></TR>");
	}
	sd_buf_put(out, "</TABLE>>");
}

static void put_classes(sd_buf *out, const sd_diagram *d, const char *kind,
                        sd_dg_state s, bool context)
{
	sd_buf_printf(out, "class=\"%s", kind);
	if (d->marked)
		sd_buf_printf(out, " sd-%s", sd_dg_state_name(s));
	if (context)
		sd_buf_put(out, " sd-context");
	sd_buf_put(out, "\"");
}

static void put_node(sd_buf *out, const sd_diagram *d, const sd_dg_node *n,
                     const char *indent)
{
	sd_buf_printf(out, "%sn%zu [id=\"sd-n%zu\", ", indent, n->index, n->index);
	put_classes(out, d, sd_dg_kind_of(n->kind)->css, n->state, n->context);
	sd_buf_put(out, ", label=");
	node_label(out, d, n);
	sd_buf_put(out, "];\n");
}

/* Crow's foot ends: the referenced side is one (or zero or one), the
 * referencing side many (or one for a one-to-one key). */
static void put_edge(sd_buf *out, const sd_diagram *d, const sd_dg_edge *e,
                     size_t index)
{
	const sd_dg_kind_info *k = sd_dg_kind_of(e->from->kind);
	palette pal = colours(d, e->state, k);
	const char *colour = e->state == SD_DG_SAME && !d->marked ? "#57606a"
	                                                         : pal.line;

	if (e->kind == SD_DG_EDGE_FK)
		sd_buf_printf(out, "  n%zu:e%zu:e -> n%zu:w%zu:w [id=\"sd-e%zu\", ",
		              e->from->index, e->from_row, e->to->index, e->to_row,
		              index);
	else
		sd_buf_printf(out, "  n%zu:e%zu:e -> n%zu [id=\"sd-e%zu\", ",
		              e->from->index, e->from_row, e->to->index, index);
	put_classes(out, d, e->kind == SD_DG_EDGE_FK ? "sd-fk" : "sd-uses",
	            e->state, false);
	sd_buf_printf(out, ", color=\"%s\"", colour);
	if (e->state != SD_DG_SAME)
		sd_buf_put(out, ", penwidth=2");
	if (e->state == SD_DG_DROPPED || e->kind == SD_DG_EDGE_USES)
		sd_buf_put(out, ", style=dashed");
	if (e->kind == SD_DG_EDGE_FK)
		sd_buf_printf(out, ", arrowtail=%s, arrowhead=%s",
		              e->one_to_one ? "teeodot" : "crowodot",
		              e->optional ? "teeodot" : "teetee");
	else
		sd_buf_put(out, ", arrowtail=none, arrowhead=empty");
	sd_buf_put(out, ", tooltip=");
	{
		sd_buf t = SD_BUF_INIT;
		sd_buf_put(&t, e->text ? e->text : "");
		if (e->state != SD_DG_SAME)
			sd_buf_printf(&t, " (%s)", sd_dg_state_name(e->state));
		dot_string(out, sd_buf_cstr(&t));
		sd_buf_free(&t);
	}
	sd_buf_put(out, "];\n");
}

/* The title and, for a change, the legend of the colours. */
static void graph_label(sd_buf *out, const sd_diagram *d)
{
	static const sd_dg_state states[] = {SD_DG_ADDED, SD_DG_DROPPED,
	                                     SD_DG_CHANGED, SD_DG_SAME};
	size_t i;

	if (!d->title && !d->marked && d->nnodes)
		return;
	sd_buf_put(out, "  label=<<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"3\"><TR><TD ALIGN=\"LEFT\" COLSPAN=\"4\">");
	sd_buf_put(out, "<FONT POINT-SIZE=\"12\" COLOR=\"#1f2328\"><B>");
	name_text(out, d->title ? d->title : "diagram");
	sd_buf_put(out, "</B></FONT>");
	if (!d->nnodes)
		sd_buf_put(out, "<BR/><FONT COLOR=\"#6e7781\"><I>no tables to show</I></FONT>");
	sd_buf_put(out, "</TD></TR>");
	if (d->marked) {
		sd_buf_put(out, "<TR>");
		for (i = 0; i < SD_ARRAY_LEN(states); i++) {
			palette p = colours(d, states[i], sd_dg_kind_of(SD_DG_TABLE));
			sd_buf_printf(out, "<TD BORDER=\"1\" COLOR=\"%s\" BGCOLOR=\"%s\"><FONT COLOR=\"%s\" POINT-SIZE=\"9\">%s%s</FONT></TD>",
			              p.line, states[i] == SD_DG_SAME ? "#f6f8fa" : p.fill,
			              p.text, marker(states[i]),
			              sd_dg_state_name(states[i]));
		}
		sd_buf_put(out, "</TR>");
	}
	sd_buf_put(out, "</TABLE>>;\n  labelloc=t;\n  labeljust=l;\n");
}

void sd_diagram_dot(sd_buf *out, const sd_diagram *d)
{
	const char **spaces = sd_arena_alloc(d->arena,
	                                     (d->nnodes + 1) * sizeof(char *));
	size_t nspaces = 0, i, k;

	sd_buf_put(out,
	           "digraph schema {\n"
	           "  graph [id=\"sd-diagram\", class=\"sd-diagram\", rankdir=LR, "
	           "fontname=\"" FONT "\", fontsize=10, nodesep=0.3, ranksep=0.9, "
	           "pad=0.25, bgcolor=\"#ffffff\"];\n"
	           "  node [shape=plain, fontname=\"" FONT "\", fontsize=10];\n"
	           "  edge [fontname=\"" FONT "\", fontsize=8, arrowsize=0.8, "
	           "dir=both];\n");
	graph_label(out, d);
	/* PostgreSQL schemas, in order of first appearance */
	for (i = 0; i < d->nnodes; i++) {
		const char *ns = d->nodes[i]->ns;
		bool seen = false;
		if (!ns)
			continue;
		for (k = 0; k < nspaces && !seen; k++)
			seen = strcmp(spaces[k], ns) == 0;
		if (!seen)
			spaces[nspaces++] = ns;
	}
	for (k = 0; k < nspaces; k++) {
		sd_buf_printf(out, "  subgraph cluster_%zu {\n"
		                   "    graph [id=\"sd-s%zu\", class=\"sd-schema\", style=\"rounded,dashed\", color=\"#8c959f\", fontcolor=\"#57606a\", label=<<B>",
		              k, k);
		label_text(out, spaces[k]);
		sd_buf_put(out, "</B>>];\n");
		for (i = 0; i < d->nnodes; i++)
			if (sd_streq(d->nodes[i]->ns, spaces[k]))
				put_node(out, d, d->nodes[i], "    ");
		sd_buf_put(out, "  }\n");
	}
	for (i = 0; i < d->nnodes; i++)
		if (!d->nodes[i]->ns)
			put_node(out, d, d->nodes[i], "  ");
	for (i = 0; i < d->nedges; i++)
		put_edge(out, d, d->edges[i], i);
	sd_buf_put(out, "}\n");
}
