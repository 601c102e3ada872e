/*
 * mermaid.c - a diagram as a Mermaid erDiagram (diagram.h).
 *
 *     erDiagram
 *         users {
 *             integer id PK
 *             string(120) email UK "added"
 *         }
 *         users ||--o{ posts : "fk_posts_user_id_users"
 *
 * Mermaid's lexer is the contract here, and it is strict: entity and
 * attribute words are runs of [A-Za-z0-9_()[\]] (older releases allow no
 * more), some whole words are keywords (one, many, to, class, end, ...),
 * PK/FK/UK are keys wherever a word boundary follows them, two '~' in a
 * line make a generic type, and "%%{" anywhere starts a directive that
 * reconfigures the renderer. So:
 *   - words are spelt with '_' for anything else, keywords and key-like
 *     prefixes get a '_' too, and a word that had to change carries its
 *     real text in the comment;
 *   - comments keep everything but use Mermaid's entity codes (#lt; #34;
 *     ...) for the characters that are markup or syntax to it: they show
 *     as the character, never act as one;
 *   - names that collide after spelling get _2, _3.
 */
#include "diagram/diagram.h"

#include <ctype.h>
#include <string.h>

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Whole words Mermaid's lexer takes as keywords (case-insensitively). */
static bool keyword(const char *w)
{
	static const char *const words[] = {
		"erdiagram", "one", "many", "only", "to", "style", "classdef",
		"class", "subgraph", "end", "u", "title", "direction", NULL,
	};
	size_t i;

	for (i = 0; words[i]; i++)
		if (sd_strieq(w, words[i]))
			return true;
	return false;
}

/*
 * A Mermaid word for text: [A-Za-z_] then [A-Za-z0-9_] (and ( ) [ ] when
 * parens, for types such as string(120)); never a keyword, never starting
 * with PK/FK/UK followed by a non-word character.
 */
static const char *mermaid_word(sd_arena *a, const char *text, bool parens)
{
	sd_buf b = SD_BUF_INIT;
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	const char *out;

	if (!(*p < 0x80 && (isalpha(*p) || *p == '_')))
		sd_buf_putc(&b, '_');
	for (; *p; p++) {
		bool keep = *p < 0x80 && (isalnum(*p) || *p == '_' ||
		                          (parens && (*p == '(' || *p == ')' ||
		                                      *p == '[' || *p == ']')));
		sd_buf_putc(&b, keep ? (char)*p : '_');
	}
	if (keyword(sd_buf_cstr(&b)))
		sd_buf_putc(&b, '_');
	if (b.len >= 2 && strchr("PFUpfu", b.data[0]) &&
	    (b.data[1] == 'K' || b.data[1] == 'k') &&
	    (b.len == 2 || !word_char(b.data[2]))) {
		out = sd_arena_printf(a, "_%s", sd_buf_cstr(&b));
	} else {
		out = sd_arena_strdup(a, sd_buf_cstr(&b));
	}
	sd_buf_free(&b);
	return out;
}

/* Comment text: entity codes for what Mermaid would read as syntax or
 * markup; line breaks become spaces. */
static void comment_text(sd_buf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '"': sd_buf_put(out, "#quot;"); break;
		case '<': sd_buf_put(out, "#lt;"); break;
		case '>': sd_buf_put(out, "#gt;"); break;
		case '&': sd_buf_put(out, "#amp;"); break;
		case '#': sd_buf_put(out, "#35;"); break;
		case '%': sd_buf_put(out, "#37;"); break;
		case '~': sd_buf_put(out, "#126;"); break;
		case '`': sd_buf_put(out, "#96;"); break;
		case '\n':
		case '\r':
		case '\t':
			sd_buf_putc(out, ' ');
			break;
		default:
			if ((unsigned char)*s >= 0x20)
				sd_buf_putc(out, *s);
			break;
		}
	}
}

/* Entity names: spelt, then made unique. */
static const char **entity_names(const sd_diagram *d)
{
	const char **names = sd_arena_alloc(d->arena,
	                                    (d->nnodes + 1) * sizeof(char *));
	sd_map *seen = sd_map_new(d->arena, d->nnodes + 1);
	size_t i;

	for (i = 0; i < d->nnodes; i++) {
		const sd_dg_node *n = d->nodes[i];
		const char *full = sd_qualified_name(d->arena, n->ns, n->name);
		const char *w = mermaid_word(d->arena, full, false);
		const char *base = w;
		int k = 2;
		while (sd_map_get(seen, w))
			w = sd_arena_printf(d->arena, "%s_%d", base, k++);
		sd_map_put(seen, w, (void *)w);
		names[i] = w;
	}
	return names;
}

static void put_attribute(sd_buf *out, const sd_diagram *d,
                          const sd_dg_node *n, const sd_dg_row *r)
{
	const char *type = r->type ? r->type : "value";
	const char *tw = mermaid_word(d->arena, type, true);
	const char *nw = mermaid_word(d->arena, r->name, false);
	sd_buf c = SD_BUF_INIT;

	(void)n;
	sd_buf_printf(out, "        %s %s", tw, nw);
	if (r->marks & (SD_DG_PK | SD_DG_FK | SD_DG_UQ)) {
		sd_buf_putc(out, ' ');
		sd_dg_marks_format(out, r->marks, ", ", true);
	}
	if (strcmp(nw, r->name) != 0)
		sd_buf_printf(&c, "%sname: %s", c.len ? "; " : "", r->name);
	if (r->type && strcmp(tw, r->type) != 0)
		sd_buf_printf(&c, "%stype: %s", c.len ? "; " : "", r->type);
	if (r->marks & SD_DG_NN)
		sd_buf_printf(&c, "%snot null", c.len ? "; " : "");
	if (d->marked && r->state != SD_DG_SAME)
		sd_buf_printf(&c, "%s%s", c.len ? "; " : "",
		              sd_dg_state_name(r->state));
	if (r->change)
		sd_buf_printf(&c, "%s%s", c.len ? "; " : "", r->change);
	if (r->comment)
		sd_buf_printf(&c, "%s%s", c.len ? "; " : "", r->comment);
	if (c.len) {
		sd_buf_put(out, " \"");
		comment_text(out, sd_buf_cstr(&c));
		sd_buf_putc(out, '"');
	}
	sd_buf_putc(out, '\n');
	sd_buf_free(&c);
}

void sd_diagram_mermaid(sd_buf *out, const sd_diagram *d)
{
	const char **names = entity_names(d);
	size_t i, k;

	sd_buf_put(out, "erDiagram\n");
	if (d->title) {
		sd_buf_put(out, "    %% ");
		comment_text(out, d->title);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < d->nnodes; i++) {
		const sd_dg_node *n = d->nodes[i];
		const char *full = sd_qualified_name(d->arena, n->ns, n->name);
		if (d->marked && n->state != SD_DG_SAME) {
			sd_buf_printf(out, "    %%%% %s %s ", sd_dg_state_name(n->state),
			              sd_dg_kind_of(n->kind)->name);
			comment_text(out, full);
			sd_buf_putc(out, '\n');
		}
		for (k = 0; k < n->notes.n; k++) {
			const sd_dg_note *note = n->notes.items[k];
			sd_buf_put(out, "    %% ");
			comment_text(out, note->text);
			sd_buf_putc(out, '\n');
		}
	}
	for (i = 0; i < d->nnodes; i++) {
		const sd_dg_node *n = d->nodes[i];
		sd_buf_printf(out, "    %s {\n", names[i]);
		if (n->kind != SD_DG_TABLE) {
			/* the kind, as a first attribute, so an enum reads as one */
			sd_buf_printf(out, "        %s kind \"%s\"\n",
			              sd_dg_kind_of(n->kind)->name,
			              sd_dg_kind_of(n->kind)->name);
		}
		for (k = 0; k < n->nrows; k++)
			put_attribute(out, d, n, &n->rows[k]);
		sd_buf_put(out, "    }\n");
	}
	for (i = 0; i < d->nedges; i++) {
		const sd_dg_edge *e = d->edges[i];
		const char *role = mermaid_word(d->arena, e->name, false);
		if (e->kind == SD_DG_EDGE_FK)
			sd_buf_printf(out, "    %s %s%s%s %s : \"%s%s%s\"\n",
			              names[e->to->index], e->optional ? "|o" : "||",
			              e->identifying ? "--" : "..",
			              e->one_to_one ? "o|" : "o{",
			              names[e->from->index], role,
			              d->marked && e->state != SD_DG_SAME ? " " : "",
			              d->marked && e->state != SD_DG_SAME
			                  ? sd_dg_state_name(e->state) : "");
		else
			sd_buf_printf(out, "    %s }o..|| %s : \"%s\"\n",
			              names[e->from->index], names[e->to->index], role);
	}
}
