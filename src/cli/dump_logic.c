/*
 * dump_logic.c - `dump` of the catalog's logic: views, functions,
 * procedures, triggers, policies, rules, row-level security, event
 * triggers and grants, as models YAML (schemadiff-models(5)). SQL goes in
 * block scalars so that it reads as SQL; what a block scalar cannot hold
 * exactly (a line of blanks, a carriage return) goes double-quoted:
 * `check` against the dump must see the very text the catalog holds.
 */
#include "cli/cli.h"
#include "model/logic.h"

#include <ctype.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* YAML                                                                */
/* ------------------------------------------------------------------ */

static void indent(sd_buf *out, int n)
{
	while (n-- > 0)
		sd_buf_putc(out, ' ');
}

/* "key: value" on its own line at depth `in` (first: "- key: value"). */
static void line(sd_buf *out, int in, bool first, const char *key,
                 const char *value)
{
	indent(out, in - (first ? 2 : 0));
	sd_buf_printf(out, "%s%s: ", first ? "- " : "", key);
	sd_cli_yaml_scalar(out, value);
	sd_buf_putc(out, '\n');
}

static void line_opt(sd_buf *out, int in, const char *key, const char *value)
{
	if (value)
		line(out, in, false, key, value);
}

static void line_true(sd_buf *out, int in, const char *key, bool set)
{
	if (set) {
		indent(out, in);
		sd_buf_printf(out, "%s: true\n", key);
	}
}

static void line_list(sd_buf *out, int in, const char *key,
                      const sd_strlist *l)
{
	size_t i;

	if (!l->n)
		return;
	indent(out, in);
	sd_buf_printf(out, "%s: [", key);
	for (i = 0; i < l->n; i++) {
		sd_buf_put(out, i ? ", " : "");
		sd_cli_yaml_scalar(out, l->items[i]);
	}
	sd_buf_put(out, "]\n");
}

/* Whether a block scalar reads back as exactly text. */
static bool block_safe(const char *text)
{
	const char *p = text;
	bool blank = true; /* the line so far holds only spaces */
	size_t spaces = 0;

	if (!*text || *text == ' ' || *text == '\n')
		return false;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n') {
			if (blank && spaces)
				return false; /* a line of blanks */
			blank = true;
			spaces = 0;
			continue;
		}
		if (c == '\r' || (c < 0x20 && c != '\t') || c == 0x7f)
			return false;
		if (c == ' ')
			spaces++;
		else
			blank = false;
	}
	return !(blank && spaces);
}

/*
 * key: |-  (or | / |+ after the trailing newlines) and the text indented
 * below it; double-quoted where a block would not keep it exactly.
 */
static void line_sql(sd_buf *out, int in, const char *key, const char *text)
{
	const char *p;
	size_t n, nl = 0;

	if (!text)
		return;
	if (!strchr(text, '\n') || !block_safe(text)) {
		line(out, in, false, key, text);
		return;
	}
	n = strlen(text);
	while (nl < n && text[n - 1 - nl] == '\n')
		nl++;
	indent(out, in);
	sd_buf_printf(out, "%s: |%s\n", key, nl == 0 ? "-" : nl == 1 ? "" : "+");
	for (p = text; p < text + n - nl;) {
		const char *eol = strchr(p, '\n');
		size_t len = eol && eol < text + n - nl ? (size_t)(eol - p)
		                                        : (size_t)(text + n - nl - p);
		if (len) {
			indent(out, in + 2);
			sd_buf_putn(out, p, len);
		}
		sd_buf_putc(out, '\n');
		p += len + 1;
	}
	for (; nl > 1; nl--)
		sd_buf_putc(out, '\n');
}

/* ------------------------------------------------------------------ */
/* Triggers, policies, rules                                           */
/* ------------------------------------------------------------------ */

static void trigger_yaml(sd_buf *out, const sd_trigger *t)
{
	static const char *const events[] = {"insert", "update", "delete",
	                                     "truncate"};
	sd_strlist ev = {0};
	sd_arena *a = sd_arena_new();
	size_t i;

	line(out, 8, true, "name", t->base.name);
	line(out, 8, false, "timing", t->timing);
	for (i = 0; i < SD_ARRAY_LEN(events); i++)
		if (t->events & (1u << i))
			sd_strlist_push(a, &ev, events[i]);
	line_list(out, 8, "events", &ev);
	line_list(out, 8, "columns", &t->columns);
	if (t->each_row)
		line(out, 8, false, "for_each", "row");
	line_sql(out, 8, "when", t->when.sql);
	line_opt(out, 8, "function", t->function);
	line_list(out, 8, "arguments", &t->arguments);
	line_true(out, 8, "constraint", t->constraint);
	line_true(out, 8, "deferrable", t->deferrable);
	line_true(out, 8, "initially_deferred", t->initially_deferred);
	line_opt(out, 8, "old_table", t->old_table);
	line_opt(out, 8, "new_table", t->new_table);
	if (t->enabled != 'O')
		line(out, 8, false, "enabled", sd_trigger_enabled_word(t->enabled));
	line_sql(out, 8, "body", t->body);
	line_opt(out, 8, "comment", t->comment);
	sd_arena_free(a);
}

static void policy_yaml(sd_buf *out, const sd_policy *p)
{
	line(out, 8, true, "name", p->base.name);
	if (strcmp(p->command, "all") != 0)
		line(out, 8, false, "command", p->command);
	line_true(out, 8, "restrictive", p->restrictive);
	if (!(p->roles.n == 1 && strcmp(p->roles.items[0], "public") == 0))
		line_list(out, 8, "roles", &p->roles);
	line_sql(out, 8, "using", p->using_.sql);
	line_sql(out, 8, "with_check", p->with_check.sql);
	line_opt(out, 8, "comment", p->comment);
}

static void rule_yaml(sd_buf *out, const sd_rule *r)
{
	line(out, 8, true, "name", r->base.name);
	line(out, 8, false, "event", r->event);
	line_sql(out, 8, "where", r->where.sql);
	line_true(out, 8, "instead", r->instead);
	line_sql(out, 8, "actions", r->actions);
	line_opt(out, 8, "comment", r->comment);
}

/* The triggers and rules (and, for tables, policies) on schema.name. */
static void on_relation(sd_buf *out, const sd_logic *l, const char *schema,
                        const char *name)
{
	size_t i;
	bool any;

#define EACH(arr, n, what, fn)                                               \
	for (i = 0, any = false; i < l->n; i++) {                            \
		if (!sd_streq(l->arr[i]->base.schema, schema) ||             \
		    !sd_streq(l->arr[i]->table, name))                       \
			continue;                                            \
		if (!any)                                                    \
			sd_buf_put(out, "    " what ":\n");                  \
		any = true;                                                  \
		fn(out, l->arr[i]);                                          \
	}
	EACH(triggers, ntriggers, "triggers", trigger_yaml)
	EACH(policies, npolicies, "policies", policy_yaml)
	EACH(rules, nrules, "rules", rule_yaml)
#undef EACH
}

void sd_cli_table_logic_yaml(sd_buf *out, const sd_schema *s,
                             const sd_table *t)
{
	line_true(out, 4, "row_level_security", t->row_security);
	line_true(out, 4, "force_row_level_security", t->force_row_security);
	on_relation(out, sd_logic_of(s), t->base.schema, t->base.name);
}

/* ------------------------------------------------------------------ */
/* Views                                                               */
/* ------------------------------------------------------------------ */

/* An index of a materialized view, in the tables' flow style. */
static void view_index_yaml(sd_buf *out, const sd_index *ix)
{
	sd_arena *a = sd_arena_new();
	sd_strlist cols = {0}, exprs = {0};
	size_t k;

	for (k = 0; k < ix->nkeys; k++) {
		const sd_index_key *key = &ix->keys[k];
		if (key->column)
			sd_strlist_push(a, &cols,
			                sd_arena_printf(a, "%s%s", key->column,
			                                key->desc ? " desc" : ""));
		else
			sd_strlist_push(a, &exprs, key->expression.sql);
	}
	line(out, 8, true, "name", ix->base.name);
	line_list(out, 8, "columns", &cols);
	line_list(out, 8, "expressions", &exprs);
	line_true(out, 8, "unique", ix->unique);
	line_opt(out, 8, "where", ix->where.sql);
	line_opt(out, 8, "using", ix->method);
	line_list(out, 8, "include", &ix->include);
	line_opt(out, 8, "comment", ix->comment);
	sd_arena_free(a);
}

/* Whether a (materialized view's) column has PostgreSQL settings of its
 * own: STORAGE, COMPRESSION, SET STATISTICS, attribute options. */
static bool column_settings_set(const sd_column *c)
{
	const sd_column_ext *x = sd_column_x(c);

	return x->storage || x->compression || x->statistics_set ||
	       x->options.n;
}

/* A column_options entry's storage, compression, statistics and
 * options, as a table column's are written. */
static void column_settings_yaml(sd_buf *out, const sd_column *c)
{
	const sd_column_ext *x = sd_column_x(c);
	size_t i;

	line_opt(out, 8, "storage", sd_storage_word(x->storage));
	line_opt(out, 8, "compression", x->compression);
	if (x->statistics_set) {
		indent(out, 8);
		sd_buf_printf(out, "statistics: %d\n", x->statistics);
	}
	if (x->options.n)
		sd_buf_put(out, "        options:\n");
	for (i = 0; i < x->options.n; i++) {
		const char *o = x->options.items[i], *eq = strchr(o, '=');
		indent(out, 10);
		sd_buf_putn(out, o, (size_t)(eq - o));
		sd_buf_put(out, ": ");
		sd_cli_yaml_scalar(out, eq + 1);
		sd_buf_putc(out, '\n');
	}
}

static void view_yaml(sd_buf *out, const sd_logic *l, const sd_view *v)
{
	size_t i;
	bool any = false;

	line(out, 4, true, "name", v->base.name);
	line_opt(out, 4, "schema", v->base.schema);
	line_true(out, 4, "materialized", v->materialized);
	line_sql(out, 4, "query", v->query.sql);
	line_list(out, 4, "columns", &v->column_names);
	if (v->materialized && v->no_data)
		sd_buf_put(out, "    with_data: false\n");
	line_opt(out, 4, "check_option", v->check_option);
	line_true(out, 4, "security_barrier", v->security_barrier);
	line_true(out, 4, "security_invoker", v->security_invoker);
	line_list(out, 4, "options", &v->options);
	line_opt(out, 4, "comment", v->comment);
	for (i = 0; i < v->ncolumns; i++) {
		const sd_column *c = v->columns[i];
		if (!sd_column_x(c)->comment && !c->default_value.sql &&
		    !column_settings_set(c))
			continue;
		if (!any)
			sd_buf_put(out, "    column_options:\n");
		any = true;
		line(out, 8, true, "column", c->base.name);
		line_opt(out, 8, "default", c->default_value.sql);
		line_opt(out, 8, "comment", sd_column_x(c)->comment);
		column_settings_yaml(out, c);
	}
	if (v->nindexes)
		sd_buf_put(out, "    indexes:\n");
	for (i = 0; i < v->nindexes; i++)
		view_index_yaml(out, v->indexes[i]);
	on_relation(out, l, v->base.schema, v->base.name);
}

/* ------------------------------------------------------------------ */
/* Functions and procedures                                            */
/* ------------------------------------------------------------------ */

static void function_yaml(sd_buf *out, const sd_function *f)
{
	size_t i;

	line(out, 4, true, "name", f->base.name);
	line_opt(out, 4, "schema", f->base.schema);
	if (f->nargs)
		sd_buf_put(out, "    arguments:\n");
	for (i = 0; i < f->nargs; i++) {
		const sd_func_arg *a = &f->args[i];
		sd_buf_put(out, "      - {");
		if (a->name) {
			sd_buf_put(out, "name: ");
			sd_cli_yaml_scalar(out, a->name);
			sd_buf_put(out, ", ");
		}
		sd_buf_put(out, "type: ");
		sd_cli_yaml_scalar(out, a->type);
		if (a->mode != SD_ARG_IN)
			sd_buf_printf(out, ", mode: %s", sd_arg_mode_word(a->mode));
		if (a->default_sql) {
			sd_buf_put(out, ", default: ");
			sd_cli_yaml_scalar(out, a->default_sql);
		}
		sd_buf_put(out, "}\n");
	}
	if (f->aggregate) {
		line_sql(out, 4, "definition", f->body);
		line_opt(out, 4, "comment", f->comment);
		return;
	}
	if (!f->procedure)
		line_opt(out, 4, "returns", f->returns);
	line(out, 4, false, "language", f->language);
	if (f->volatility != 'v')
		line(out, 4, false, "volatility", sd_volatility_word(f->volatility));
	line_true(out, 4, "strict", f->strict);
	line_true(out, 4, "security_definer", f->security_definer);
	line_true(out, 4, "leakproof", f->leakproof);
	if (f->parallel != 'u')
		line(out, 4, false, "parallel", sd_parallel_word(f->parallel));
	if (!f->procedure && f->cost &&
	    strcmp(f->cost, sd_function_default_cost(f)) != 0)
		line(out, 4, false, "cost", f->cost);
	if (!f->procedure && f->rows && sd_function_returns_set(f) &&
	    strcmp(f->rows, sd_function_default_rows(f)) != 0)
		line(out, 4, false, "rows", f->rows);
	line_list(out, 4, "set", &f->config);
	line_sql(out, 4, "body", f->body);
	line_opt(out, 4, "comment", f->comment);
}

/* ------------------------------------------------------------------ */
/* Grants                                                              */
/* ------------------------------------------------------------------ */

/* "table billing.invoices", "function add(integer, integer)" */
static const char *grant_on(sd_arena *a, const sd_grant *g)
{
	return sd_arena_printf(a, "%s %s%s%s", g->on,
	                       g->base.schema ? g->base.schema : "",
	                       g->base.schema ? "." : "", g->base.name);
}

/*
 * One entry per object, column, grantee, grant option and revocation,
 * its privileges together (a revoked default of PUBLIC's: revoked:).
 */
static void grants_yaml(sd_buf *out, const sd_logic *l, bool defaults)
{
	sd_arena *a = sd_arena_new();
	size_t i, j;
	bool *done = sd_arena_alloc(a, l->ngrants + 1), any = false;

	for (i = 0; i < l->ngrants; i++) {
		const sd_grant *g = l->grants[i];
		sd_strlist privs = {0};
		if (done[i] || sd_grant_is_default_acl(g) != defaults)
			continue;
		for (j = i; j < l->ngrants; j++) {
			const sd_grant *h = l->grants[j];
			if (done[j] || h->revoked != g->revoked ||
			    sd_grant_is_owner(h) != sd_grant_is_owner(g) ||
			    !sd_streq(g->on, h->on) ||
			    !sd_streq(g->base.schema, h->base.schema) ||
			    !sd_streq(g->base.name, h->base.name) ||
			    !sd_streq(g->column, h->column) ||
			    !sd_streq(g->grantee, h->grantee) ||
			    g->grant_option != h->grant_option)
				continue;
			done[j] = true;
			if (h->privilege)
				sd_strlist_push(a, &privs, h->privilege);
		}
		if (!any)
			sd_buf_put(out, defaults ? "default_privileges:\n"
			                         : "grants:\n");
		any = true;
		sd_buf_put(out, "  - {on: ");
		if (defaults) {
			sd_buf_put(out, g->on + 8);
			if (g->base.schema) {
				sd_buf_put(out, ", schema: ");
				sd_cli_yaml_scalar(out, g->base.schema);
			}
			if (*g->base.name) {
				sd_buf_put(out, ", for_role: ");
				sd_cli_yaml_scalar(out, g->base.name);
			}
		} else
			sd_cli_yaml_scalar(out, grant_on(a, g));
		if (sd_grant_is_owner(g)) {
			sd_buf_put(out, ", owner: ");
			sd_cli_yaml_scalar(out, g->grantee);
			sd_buf_put(out, "}\n");
			continue;
		}
		sd_buf_put(out, ", to: ");
		sd_cli_yaml_scalar(out, g->grantee);
		sd_buf_put(out, g->revoked ? ", revoked: ["
		                           : ", privileges: [");
		for (j = 0; j < privs.n; j++) {
			sd_buf_put(out, j ? ", " : "");
			sd_cli_yaml_scalar(out, privs.items[j]);
		}
		sd_buf_put(out, "]");
		if (g->column) {
			sd_buf_put(out, ", columns: [");
			sd_cli_yaml_scalar(out, g->column);
			sd_buf_put(out, "]");
		}
		if (g->grant_option)
			sd_buf_put(out, ", grant_option: true");
		sd_buf_put(out, "}\n");
	}
	sd_arena_free(a);
}

static void event_trigger_yaml(sd_buf *out, const sd_event_trigger *t)
{
	line(out, 4, true, "name", t->base.name);
	line(out, 4, false, "event", t->event);
	line_list(out, 4, "tags", &t->tags);
	line(out, 4, false, "function", t->function);
	if (t->enabled != 'O')
		line(out, 4, false, "enabled",
		     sd_event_trigger_enabled_word(t->enabled));
	line_opt(out, 4, "comment", t->comment);
}

void sd_cli_logic_yaml(sd_buf *out, const sd_schema *s)
{
	const sd_logic *l = sd_logic_of(s);
	size_t i;
	int pass;

	if (l->nviews)
		sd_buf_put(out, "views:\n");
	for (i = 0; i < l->nviews; i++)
		view_yaml(out, l, l->views[i]);
	for (pass = 0; pass < 3; pass++) {
		static const char *const lists[] = {
			"functions:\n", "procedures:\n", "aggregates:\n"};
		bool any = false;
		for (i = 0; i < l->nfunctions; i++) {
			const sd_function *f = l->functions[i];
			if ((f->aggregate ? 2 : f->procedure ? 1 : 0) != pass)
				continue;
			if (!any)
				sd_buf_put(out, lists[pass]);
			any = true;
			function_yaml(out, l->functions[i]);
		}
	}
	if (l->nevent_triggers)
		sd_buf_put(out, "event_triggers:\n");
	for (i = 0; i < l->nevent_triggers; i++)
		event_trigger_yaml(out, l->event_triggers[i]);
	if (l->privileges) {
		grants_yaml(out, l, false);
		grants_yaml(out, l, true);
	}
}
