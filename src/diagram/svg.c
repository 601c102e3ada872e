/*
 * svg.c - a diagram laid out and drawn by Graphviz, in-process (diagram.h).
 *
 * The DOT text of dot.c is parsed by libcgraph, laid out by the dot engine
 * and rendered by the core SVG renderer, both linked in as "builtin"
 * plugins: gvContextPlugins() with demand loading off reads no plugin
 * configuration (config6a), loads nothing with dlopen and needs no
 * `dot -c` after installing Graphviz. Without a text-layout plugin
 * Graphviz measures text with its built-in font metrics, so the layout is
 * the same on every machine.
 *
 * Graphviz 2.42 has no CLASS for a table cell; dot.c gives each cell of a
 * changed row an ID "sdr_<state>_<node>_<row>_<cell>", which Graphviz
 * writes as <g id="a_sdr_...">. mark_cells() adds class="sd-<state>
 * sd-row" to those groups, so every element of a changed object carries
 * its class.
 */
#include "diagram/diagram.h"

#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_core_LTX_library;

static const lt_symlist_t builtins[] = {
	{"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
	{"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
	{NULL, NULL},
};

/* Graphviz reports through a process-wide callback; it is only set while
 * sd_diagram_svg runs, and Graphviz is not reentrant anyway. */
static sd_buf *gv_messages;

static int collect_message(char *msg)
{
	if (gv_messages && msg) {
		sd_buf_put(gv_messages, msg);
	}
	return 0;
}

/* Adds the state class to every group Graphviz wrote for a changed cell:
 *     <g id="a_sdr_added_3_1_0">  ->  <g id="a_sdr_added_3_1_0" class="sd-added sd-row"> */
static void mark_cells(sd_buf *out, const char *svg, size_t len)
{
	static const char open[] = "<g id=\"a_sdr_";
	const char *p = svg, *end = svg + len;

	while (p < end) {
		const char *hit = strstr(p, open);
		const char *state, *close;
		size_t n;
		if (!hit) {
			sd_buf_putn(out, p, (size_t)(end - p));
			break;
		}
		state = hit + sizeof(open) - 1;
		close = strchr(state, '"');
		sd_buf_putn(out, p, (size_t)(hit - p));
		if (!close) {
			sd_buf_putn(out, hit, (size_t)(end - hit));
			break;
		}
		n = (size_t)(close - hit) + 1;
		sd_buf_putn(out, hit, n);
		{
			const char *us = memchr(state, '_', (size_t)(close - state));
			size_t sl = us ? (size_t)(us - state) : 0;
			if (sl)
				sd_buf_printf(out, " class=\"sd-%.*s sd-row\"", (int)sl,
				              state);
		}
		p = hit + n;
	}
}

int sd_diagram_svg(sd_buf *out, const sd_diagram *d, sd_error *err)
{
	sd_buf dot = SD_BUF_INIT, messages = SD_BUF_INIT;
	GVC_t *gvc = NULL;
	Agraph_t *g = NULL;
	char *svg = NULL;
	unsigned int len = 0;
	agusererrf previous;
	bool laid_out = false;
	int rc = SD_OK;

	sd_diagram_dot(&dot, d);
	gv_messages = &messages;
	previous = agseterrf(collect_message);
	agseterr(AGERR);
	gvc = gvContextPlugins(builtins, 0);
	if (!gvc) {
		rc = sd_error_set(err, SD_ERUNTIME, "Graphviz: cannot start");
		goto done;
	}
	g = agmemread(sd_buf_cstr(&dot));
	if (!g) {
		rc = sd_error_set(err, SD_ERUNTIME,
		                  "Graphviz cannot read the diagram: %s",
		                  messages.len ? sd_buf_cstr(&messages) : "syntax error");
		goto done;
	}
	if (gvLayout(gvc, g, "dot") != 0) {
		rc = sd_error_set(err, SD_ERUNTIME, "Graphviz cannot lay out the diagram: %s",
		                  messages.len ? sd_buf_cstr(&messages) : "dot layout failed");
		goto done;
	}
	laid_out = true;
	/* a label Graphviz could not read is drawn as the node's id: fail
	 * rather than hand out a wrong picture */
	if (strstr(sd_buf_cstr(&messages), "Error")) {
		rc = sd_error_set(err, SD_ERUNTIME, "Graphviz cannot read a label: %s",
		                  sd_buf_cstr(&messages));
		goto done;
	}
	if (gvRenderData(gvc, g, "svg", &svg, &len) != 0 || !svg) {
		rc = sd_error_set(err, SD_ERUNTIME, "Graphviz cannot render SVG: %s",
		                  messages.len ? sd_buf_cstr(&messages) : "svg renderer missing");
		goto done;
	}
	mark_cells(out, svg, len);
done:
	if (svg)
		gvFreeRenderData(svg);
	if (laid_out)
		gvFreeLayout(gvc, g);
	if (g)
		agclose(g);
	if (gvc)
		gvFreeContext(gvc);
	agseterrf(previous);
	gv_messages = NULL;
	sd_buf_free(&messages);
	sd_buf_free(&dot);
	return rc;
}
