/*
 * load_logic.c - views, functions, procedures, triggers, policies, rules
 * and grants of the YAML models (SPEC "Models") into sd_schema.
 *
 * Definitions stay SQL, as written: the server compares them by meaning
 * later (normalize/). Here only the metadata keys are checked (words from
 * a closed list, names within PostgreSQL's limit), each problem reported
 * at its line like every other model error.
 */
#include "model/load_logic.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Field tables                                                        */
/* ------------------------------------------------------------------ */

const sd_yfield sd_m_argument_fields[] = {
	SD_YF_STR_OPT("name", m_argument, name),
	SD_YF_STR("type", m_argument, type),
	SD_YF_STR_OPT("mode", m_argument, mode),
	SD_YF_STR_OPT("default", m_argument, default_), SD_YF_END};

#define FUNCTION_FIELDS                                                      \
	SD_YF_STR("name", m_function, name),                                 \
	SD_YF_STR_OPT("schema", m_function, schema),                         \
	SD_YF_LIST_OPT("arguments", m_function, arguments, m_argument,       \
	               sd_m_argument_fields),                                \
	SD_YF_STR_OPT("language", m_function, language),                     \
	SD_YF_STR("body", m_function, body),                                 \
	SD_YF_BOOL_OPT("security_definer", m_function, security_definer),    \
	SD_YF_STRS("set", false, m_function, set),                           \
	SD_YF_STR_OPT("comment", m_function, comment)

const sd_yfield sd_m_function_fields[] = {
	FUNCTION_FIELDS, SD_YF_STR_OPT("returns", m_function, returns),
	SD_YF_STR_OPT("volatility", m_function, volatility),
	SD_YF_BOOL_OPT("strict", m_function, strict),
	SD_YF_BOOL_OPT("leakproof", m_function, leakproof),
	SD_YF_STR_OPT("parallel", m_function, parallel),
	SD_YF_STR_OPT("cost", m_function, cost),
	SD_YF_STR_OPT("rows", m_function, rows), SD_YF_END};

const sd_yfield sd_m_procedure_fields[] = {FUNCTION_FIELDS, SD_YF_END};

/* An aggregate: its arguments and CREATE AGGREGATE's options. */
const sd_yfield sd_m_aggregate_fields[] = {
	SD_YF_STR("name", m_function, name),
	SD_YF_STR_OPT("schema", m_function, schema),
	SD_YF_LIST_OPT("arguments", m_function, arguments, m_argument,
	               sd_m_argument_fields),
	SD_YF_STR("definition", m_function, body),
	SD_YF_STR_OPT("comment", m_function, comment), SD_YF_END};

const sd_yfield sd_m_trigger_fields[] = {
	SD_YF_STR("name", m_trigger, name), SD_YF_STR("timing", m_trigger, timing),
	SD_YF_STRS("events", true, m_trigger, events),
	SD_YF_STRS("columns", false, m_trigger, columns),
	SD_YF_STR_OPT("for_each", m_trigger, for_each),
	SD_YF_STR_OPT("when", m_trigger, when),
	/* PostgreSQL: a function to execute; SQLite: a body */
	SD_YF_STR_OPT("function", m_trigger, function),
	SD_YF_STRS("arguments", false, m_trigger, arguments),
	SD_YF_STR_OPT("body", m_trigger, body),
	/* constraint triggers */
	SD_YF_BOOL_OPT("constraint", m_trigger, constraint),
	SD_YF_BOOL_OPT("deferrable", m_trigger, deferrable),
	SD_YF_BOOL_OPT("initially_deferred", m_trigger, initially_deferred),
	/* transition tables */
	SD_YF_STR_OPT("old_table", m_trigger, old_table),
	SD_YF_STR_OPT("new_table", m_trigger, new_table),
	SD_YF_STR_OPT("enabled", m_trigger, enabled),
	SD_YF_STR_OPT("comment", m_trigger, comment), SD_YF_END};

const sd_yfield sd_m_event_trigger_fields[] = {
	SD_YF_STR("name", m_event_trigger, name),
	SD_YF_STR("event", m_event_trigger, event),
	SD_YF_STRS("tags", false, m_event_trigger, tags),
	SD_YF_STR("function", m_event_trigger, function),
	SD_YF_STR_OPT("enabled", m_event_trigger, enabled),
	SD_YF_STR_OPT("comment", m_event_trigger, comment), SD_YF_END};

const sd_yfield sd_m_policy_fields[] = {
	SD_YF_STR("name", m_policy, name),
	SD_YF_STR_OPT("command", m_policy, command),
	SD_YF_BOOL_OPT("restrictive", m_policy, restrictive),
	SD_YF_STRS("roles", false, m_policy, roles),
	SD_YF_STR_OPT("using", m_policy, using_),
	SD_YF_STR_OPT("with_check", m_policy, with_check),
	SD_YF_STR_OPT("comment", m_policy, comment), SD_YF_END};

const sd_yfield sd_m_rule_fields[] = {
	SD_YF_STR("name", m_rule, name), SD_YF_STR("event", m_rule, event),
	SD_YF_STR_OPT("where", m_rule, where),
	SD_YF_BOOL_OPT("instead", m_rule, instead),
	SD_YF_STR_OPT("actions", m_rule, actions),
	SD_YF_STR_OPT("comment", m_rule, comment), SD_YF_END};

const sd_yfield sd_m_column_option_fields[] = {
	SD_YF_STR("column", m_column_option, column),
	SD_YF_STR_OPT("default", m_column_option, default_),
	SD_YF_STR_OPT("comment", m_column_option, comment),
	/* materialized views' */
	SD_YF_STR_OPT("storage", m_column_option, storage),
	SD_YF_STR_OPT("compression", m_column_option, compression),
	SD_YF_STR_OPT("statistics", m_column_option, statistics),
	SD_YF_ANY("options", NULL), SD_YF_END};

const sd_yfield sd_m_view_fields[] = {
	SD_YF_STR("name", m_view, name), SD_YF_STR_OPT("schema", m_view, schema),
	SD_YF_STR("query", m_view, query),
	SD_YF_STRS("columns", false, m_view, columns),
	/* materialized views */
	SD_YF_BOOL_OPT("materialized", m_view, materialized),
	SD_YF_BOOL_OPT("with_data", m_view, with_data),
	/* options of plain views */
	SD_YF_STR_OPT("check_option", m_view, check_option),
	SD_YF_BOOL_OPT("security_barrier", m_view, security_barrier),
	SD_YF_BOOL_OPT("security_invoker", m_view, security_invoker),
	SD_YF_STRS("options", false, m_view, options),
	SD_YF_STR_OPT("comment", m_view, comment),
	SD_YF_LIST_OPT("column_options", m_view, column_options,
	               m_column_option, sd_m_column_option_fields),
	SD_YF_LIST_OPT("indexes", m_view, indexes, m_index, sd_m_index_fields),
	SD_YF_LIST_OPT("triggers", m_view, triggers, m_trigger,
	               sd_m_trigger_fields),
	SD_YF_LIST_OPT("rules", m_view, rules, m_rule, sd_m_rule_fields),
	SD_YF_END};

const sd_yfield sd_m_grant_fields[] = {
	SD_YF_STR("on", m_grant, on), SD_YF_STR_OPT("to", m_grant, to),
	SD_YF_STR_OPT("owner", m_grant, owner),
	SD_YF_STRS("privileges", false, m_grant, privileges),
	SD_YF_STRS("columns", false, m_grant, columns),
	SD_YF_STRS("revoked", false, m_grant, revoked),
	SD_YF_BOOL_OPT("grant_option", m_grant, grant_option), SD_YF_END};
const sd_yfield sd_m_default_privilege_fields[] = {
	SD_YF_STR("on", m_grant, on), SD_YF_STR_OPT("schema", m_grant, schema),
	SD_YF_STR_OPT("for_role", m_grant, for_role),
	SD_YF_STR("to", m_grant, to),
	SD_YF_STRS("privileges", false, m_grant, privileges),
	SD_YF_STRS("revoked", false, m_grant, revoked),
	SD_YF_BOOL_OPT("grant_option", m_grant, grant_option), SD_YF_END};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static int lerr(const sd_logic_src *src, const char *path, const char *object,
                const char *fmt, ...) SD_PRINTF(4, 5);

/* An error at the line of path (or its nearest ancestor). */
static int lerr(const sd_logic_src *src, const char *path, const char *object,
                const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sd_error_vadd(src->err, SD_EINPUT, src->doc->path,
	                   sd_ydoc_line(src->doc, path), 0, object, fmt, ap);
	va_end(ap);
	return rc;
}

static const char *dup(const sd_logic_src *src, const char *s)
{
	return sd_arena_strdup(src->s->arena, s);
}

/* The attribute options of a column (ALTER COLUMN ... SET (...)):
 * PostgreSQL knows n_distinct and n_distinct_inherited, numbers. */
static void column_attribute_options(const sd_logic_src *src, const char *at,
                                     const char *object, sd_column *c,
                                     const sd_ynode *m)
{
	sd_strlist *l;
	size_t i;

	if (m->type != SD_YMAPPING) {
		lerr(src, at, object,
		     "'options' must be a mapping ({n_distinct: 1000})");
		return;
	}
	l = &sd_column_xw(src->s->arena, c)->options;
	if (sd_models_options(src->s->arena, src->doc, m, object, l,
	                      src->err) != SD_OK)
		return;
	for (i = 0; i < l->n; i++) {
		const char *o = l->items[i], *eq = strchr(o, '=');
		char *end;
		size_t n = (size_t)(eq - o);

		if (!((n == 10 && strncmp(o, "n_distinct", n) == 0) ||
		      (n == 20 && strncmp(o, "n_distinct_inherited", n) == 0)))
			lerr(src, at, object,
			     "unknown column option '%.*s' (n_distinct, "
			     "n_distinct_inherited)", (int)n, o);
		else if ((void)strtod(eq + 1, &end), !eq[1] || *end)
			lerr(src, at, object,
			     "column option '%.*s' must be a number, not '%s'",
			     (int)n, o, eq + 1);
	}
}

void sd_load_column_settings(const sd_logic_src *src, const char *path,
                             const char *object, sd_column *c,
                             const sd_column_words *w)
{
	sd_arena *a = src->s->arena;
#define AT(key) sd_arena_printf(src->tmp, "%s." key, path)

	if (w->options)
		column_attribute_options(src, AT("options"), object, c,
		                         w->options);
	if (w->storage) {
		char storage = sd_storage_parse(w->storage);
		if (!storage)
			lerr(src, AT("storage"), object,
			     "'storage' must be plain, external, extended or "
			     "main, not '%s'", w->storage);
		if (storage == sd_type_default_storage(&c->type))
			storage = 0;
		if (storage || sd_column_x(c)->storage)
			sd_column_xw(a, c)->storage = storage;
	}
	if (w->compression) {
		if (sd_strieq(w->compression, "pglz"))
			sd_column_xw(a, c)->compression = "pglz";
		else if (sd_strieq(w->compression, "lz4"))
			sd_column_xw(a, c)->compression = "lz4";
		else if (!sd_strieq(w->compression, "default"))
			lerr(src, AT("compression"), object,
			     "'compression' must be pglz or lz4, not '%s'",
			     w->compression);
	}
	if (w->statistics) {
		char *end;
		long n = strtol(w->statistics, &end, 10);
		if (*end || end == w->statistics || n < -1 || n > 10000)
			lerr(src, AT("statistics"), object,
			     "'statistics' must be a number from 0 to 10000 "
			     "(-1: the default), not '%s'", w->statistics);
		else if (n >= 0) {
			sd_column_ext *x = sd_column_xw(a, c);
			x->statistics = (int)n;
			x->statistics_set = true;
		}
	}
#undef AT
}

static bool bad_name(const sd_logic_src *src, const char *path,
                     const char *object, const char *what, const char *name)
{
	if (!name || !*name) {
		lerr(src, path, object, "empty %s name", what);
		return true;
	}
	if (strlen(name) > SD_MAX_IDENT) {
		lerr(src, path, object, "%s name '%s' is longer than %d bytes",
		     what, name, SD_MAX_IDENT);
		return true;
	}
	return false;
}

/*
 * The index of `word` in words (ASCII case folded, '_' for ' '), or an
 * error at path listing them and -1. NULL word: dflt.
 */
static int pick(const sd_logic_src *src, const char *path, const char *object,
                const char *key, const char *word, const char *const *words,
                int dflt)
{
	sd_buf list = SD_BUF_INIT;
	const char *s;
	int i;
	size_t j;

	if (!word)
		return dflt;
	for (i = 0; words[i]; i++) {
		for (j = 0; word[j] && words[i][j]; j++)
			if (tolower((unsigned char)word[j]) != words[i][j] &&
			    !(word[j] == '_' && words[i][j] == ' '))
				break;
		if (!word[j] && !words[i][j])
			return i;
	}
	for (i = 0; words[i]; i++)
		sd_buf_printf(&list, "%s%s", i ? ", " : "", words[i]);
	lerr(src, path, object, "bad %s '%s': expected %s", key, word,
	     sd_buf_cstr(&list));
	if ((s = sd_suggest(word, words)) != NULL)
		sd_error_hint(src->err, "did you mean '%s'?", s);
	sd_buf_free(&list);
	return -1;
}

/* pick() for a word of its own list: the word, or words[0] on error. */
static const char *pick_word(const sd_logic_src *src, const char *path,
                             const char *object, const char *key,
                             const char *word, const char *const *words)
{
	int k = pick(src, path, object, key, word, words, 0);

	return words[k < 0 ? 0 : k];
}

static void strlist_from(const sd_logic_src *src, sd_strlist *out,
                         char *const *items, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		sd_strlist_push(src->s->arena, out, items[i]);
}

static void set_loc(const sd_logic_src *src, sd_object *o, const char *path)
{
	o->loc.path = src->doc->path;
	o->loc.line = sd_ydoc_line(src->doc, path);
}

/* "schema.name" written in the models' `schema` key, or the default. */
static const char *schema_key(const sd_logic_src *src, const char *schema)
{
	return dup(src, sd_namespace_key(schema));
}

/* ------------------------------------------------------------------ */
/* Views                                                               */
/* ------------------------------------------------------------------ */

/* The STORAGE, COMPRESSION, SET STATISTICS and attribute options of
 * entry j of view v's column_options (at path "views[3]"), which only a
 * materialized view's columns take. */
static void view_column_settings(const sd_logic_src *src, const sd_view *v,
                                 const char *path, unsigned j,
                                 const m_column_option *mo, sd_column *c)
{
	const char *at = sd_arena_printf(src->tmp, "%s.column_options[%u]",
	                                 path, j);
	sd_column_words w = {mo->storage, mo->compression, mo->statistics,
	                     sd_ynode_get(sd_ydoc_node(src->doc, at),
	                                  "options")};
	const char *object = sd_arena_printf(src->tmp, "%s.%s", v->base.name,
	                                     mo->column);

	if (!w.storage && !w.compression && !w.statistics && !w.options)
		return;
	if (!v->materialized) {
		lerr(src, sd_arena_printf(src->tmp, "%s.%s", at,
		                          mo->storage       ? "storage"
		                          : mo->compression ? "compression"
		                          : mo->statistics  ? "statistics"
		                                            : "options"),
		     object,
		     "storage, compression, statistics and options are for "
		     "the columns of materialized views (materialized: true)");
		return;
	}
	sd_load_column_settings(src, at, object, c, &w);
}

void sd_load_views(const sd_logic_src *src, const m_view *views,
                   unsigned n, sd_index_lower_fn lower_index, void *ctx)
{
	static const char *const check_options[] = {"local", "cascaded", NULL};
	unsigned i, j;

	for (i = 0; i < n; i++) {
		const m_view *mv = &views[i];
		const char *path = sd_arena_printf(src->tmp, "views[%u]", i);
		const char *schema = schema_key(src, mv->schema);
		const char *qname;
		sd_view *v;
		int k;

		if (bad_name(src, path, NULL, "view", mv->name) ||
		    (mv->schema &&
		     bad_name(src, path, mv->name, "schema", mv->schema)))
			continue;
		qname = sd_qualified_name(src->tmp, schema, mv->name);
		if (!*mv->query) {
			lerr(src, path, qname, "empty query");
			continue;
		}
		v = sd_logic_add_view(src->s, schema, mv->name);
		set_loc(src, &v->base, path);
		if (schema)
			sd_schema_add_namespace(src->s, schema);
		v->query.sql = dup(src, mv->query);
		v->materialized = mv->materialized == SD_YBOOL_TRUE;
		strlist_from(src, &v->column_names, mv->columns,
		             mv->columns_count);
		k = pick(src, path, qname, "check_option", mv->check_option,
		         check_options, -1);
		v->check_option = k >= 0 ? check_options[k] : NULL;
		v->security_barrier = mv->security_barrier == SD_YBOOL_TRUE;
		v->security_invoker = mv->security_invoker == SD_YBOOL_TRUE;
		strlist_from(src, &v->options, mv->options, mv->options_count);
		/* security_barrier=on among the options (the catalog's own
		 * spelling, which dump keeps there) sets the field too */
		for (k = 0; k < (int)v->options.n; k++)
			sd_view_flag_option(v, v->options.items[k]);
		if ((mv->security_barrier &&
		     v->security_barrier !=
		             (mv->security_barrier == SD_YBOOL_TRUE)) ||
		    (mv->security_invoker &&
		     v->security_invoker !=
		             (mv->security_invoker == SD_YBOOL_TRUE)))
			lerr(src, path, qname,
			     "security_barrier / security_invoker and the "
			     "same option among options disagree");
		v->no_data = mv->with_data == SD_YBOOL_FALSE;
		v->comment = dup(src, mv->comment);
		if (v->materialized &&
		    (v->check_option || v->security_barrier ||
		     v->security_invoker))
			lerr(src, path, qname,
			     "a materialized view takes no check_option, "
			     "security_barrier or security_invoker");
		if (!v->materialized && (mv->with_data || mv->indexes_count))
			lerr(src, path, qname,
			     "with_data and indexes are for materialized views "
			     "(materialized: true)");
		/* the columns known by name only, for their defaults and
		 * comments */
		for (j = 0; j < mv->column_options_count; j++) {
			const m_column_option *mo = &mv->column_options[j];
			sd_column *c = sd_arena_alloc(src->s->arena, sizeof(*c));
			c->base.kind = SD_OBJ_COLUMN;
			c->base.schema = schema;
			c->base.name = dup(src, mo->column);
			if (mo->comment)
				sd_column_xw(src->s->arena, c)->comment =
					dup(src, mo->comment);
			c->default_value.sql = dup(src, mo->default_);
			c->nullable = true;
			c->type.kind = SD_T_RAW;
			c->type.length = c->type.precision = c->type.scale = -1;
			view_column_settings(src, v, path, j, mo, c);
			sd_ptrs_push(src->s->arena, &v->columns, &v->ncolumns, c);
		}
		if (mv->indexes_count) {
			v->indexes = sd_arena_alloc(
				src->s->arena,
				mv->indexes_count * sizeof(*v->indexes));
			for (j = 0; j < mv->indexes_count; j++) {
				sd_index *ix = sd_arena_alloc(src->s->arena,
				                              sizeof(*ix));
				const char *ipath = sd_arena_printf(
					src->tmp, "%s.indexes[%u]", path, j);
				ix->base.kind = SD_OBJ_INDEX;
				ix->base.schema = schema;
				set_loc(src, &ix->base, ipath);
				lower_index(ctx, ix, &mv->indexes[j], ipath,
				            mv->name);
				v->indexes[v->nindexes++] = ix;
			}
		}
		sd_load_table_logic(src, path, schema, mv->name, mv->triggers,
		                    mv->triggers_count, NULL, 0, mv->rules,
		                    mv->rules_count);
	}
}

/* ------------------------------------------------------------------ */
/* Functions and procedures                                            */
/* ------------------------------------------------------------------ */

/*
 * True when a SQL function's body is a SQL-standard one (BEGIN ATOMIC ...
 * END, or RETURN expr), which is written unquoted and parsed at creation.
 */
static bool is_sql_body(const char *language, const char *body)
{
	sd_lexer lx;
	sd_token t, u;

	if (language && !sd_strieq(language, "sql"))
		return false;
	sd_lex_init(&lx, body, strlen(body), SD_SQL_POSTGRES, 0);
	if (!sd_lex_next(&lx, &t))
		return false;
	if (sd_tok_is(&t, "return"))
		return true;
	return sd_tok_is(&t, "begin") && sd_lex_next(&lx, &u) &&
	       sd_tok_is(&u, "atomic");
}

/* "search_path = public, pg_temp", "work_mem TO '64MB'" ->
 * "search_path=public, pg_temp", as proconfig holds it; NULL when the
 * entry has no name and value. */
static const char *config_entry(sd_arena *a, const char *text)
{
	const char *eq = strchr(text, '=');
	const char *name_end, *value;
	sd_lexer lx;
	sd_token t;

	if (!eq) {
		/* NAME TO VALUE */
		sd_lex_init(&lx, text, strlen(text), SD_SQL_POSTGRES, 0);
		if (!sd_lex_next(&lx, &t) || t.kind != SD_TOK_WORD)
			return NULL;
		name_end = t.s + t.n;
		if (!sd_lex_next(&lx, &t) || !sd_tok_is(&t, "to"))
			return NULL;
		value = t.s + t.n;
	} else {
		name_end = eq;
		value = eq + 1;
	}
	while (name_end > text && isspace((unsigned char)name_end[-1]))
		name_end--;
	while (isspace((unsigned char)*text))
		text++;
	while (isspace((unsigned char)*value))
		value++;
	if (name_end <= text || !*value)
		return NULL;
	return sd_arena_printf(a, "%.*s=%s", (int)(name_end - text), text,
	                       value);
}

/* The in-argument types joined "integer, text": the identity as written,
 * until a server canonicalises it. */
static const char *written_identity(sd_arena *a, const sd_function *f)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;
	size_t i;
	bool first = true;

	sd_buf_put(&b, "");
	for (i = 0; i < f->nargs; i++) {
		if (f->args[i].mode == SD_ARG_OUT ||
		    f->args[i].mode == SD_ARG_TABLE)
			continue;
		sd_buf_printf(&b, "%s%s", first ? "" : ", ", f->args[i].type);
		first = false;
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

void sd_load_functions(const sd_logic_src *src, const m_function *fns,
                       unsigned n, sd_fn_list kind)
{
	static const char *const lists[] = {"functions", "procedures",
	                                    "aggregates"};
	static const char *const whats[] = {"function", "procedure",
	                                    "aggregate"};
	bool procedures = kind == SD_FN_PROCEDURE;
	static const char *const volatilities[] = {"volatile", "stable",
	                                           "immutable", NULL};
	static const char *const parallels[] = {"unsafe", "restricted", "safe",
	                                        NULL};
	static const char *const modes[] = {"in", "out", "inout", "variadic",
	                                    NULL};
	const char *list = lists[kind];
	const char *what = whats[kind];
	unsigned i, j;

	for (i = 0; i < n; i++) {
		const m_function *mf = &fns[i];
		const char *path = sd_arena_printf(src->tmp, "%s[%u]", list, i);
		const char *schema = schema_key(src, mf->schema);
		const char *qname;
		bool outs = false;
		sd_function *f;
		int k;

		if (bad_name(src, path, NULL, what, mf->name) ||
		    (mf->schema &&
		     bad_name(src, path, mf->name, "schema", mf->schema)))
			continue;
		qname = sd_qualified_name(src->tmp, schema, mf->name);
		f = sd_logic_add_function(src->s, schema, mf->name);
		set_loc(src, &f->base, path);
		if (schema)
			sd_schema_add_namespace(src->s, schema);
		f->procedure = procedures;
		f->aggregate = kind == SD_FN_AGGREGATE;
		f->args = sd_arena_alloc(src->s->arena,
		                         (mf->arguments_count + 1) *
		                                 sizeof(*f->args));
		for (j = 0; j < mf->arguments_count; j++) {
			const m_argument *ma = &mf->arguments[j];
			const char *apath = sd_arena_printf(
				src->tmp, "%s.arguments[%u]", path, j);
			sd_func_arg *arg = &f->args[f->nargs++];
			k = pick(src, apath, qname, "mode", ma->mode, modes, 0);
			arg->mode = k > 0 ? (sd_arg_mode)k : SD_ARG_IN;
			if (arg->mode == SD_ARG_OUT || arg->mode == SD_ARG_INOUT)
				outs = true;
			if (ma->name &&
			    bad_name(src, apath, qname, "argument", ma->name))
				continue;
			if (!*ma->type)
				lerr(src, apath, qname, "empty argument type");
			arg->name = dup(src, ma->name);
			arg->type = dup(src, ma->type);
			arg->default_sql = dup(src, ma->default_);
		}
		f->returns = dup(src, mf->returns);
		if (kind == SD_FN_FUNCTION && !f->returns && !outs)
			lerr(src, path, qname,
			     "missing required key 'returns' (or OUT "
			     "arguments)");
		f->language = dup(src, mf->language    ? mf->language
		                       : f->aggregate ? "internal"
		                                      : "sql");
		f->body = dup(src, mf->body);
		f->sql_body = !f->aggregate && is_sql_body(f->language, f->body);
		k = pick(src, path, qname, "volatility", mf->volatility,
		         volatilities, 0);
		f->volatility = k == 2 ? 'i' : k == 1 ? 's' : 'v';
		k = pick(src, path, qname, "parallel", mf->parallel, parallels,
		         0);
		f->parallel = k == 2 ? 's' : k == 1 ? 'r' : 'u';
		f->strict = mf->strict == SD_YBOOL_TRUE;
		f->security_definer = mf->security_definer == SD_YBOOL_TRUE;
		f->leakproof = mf->leakproof == SD_YBOOL_TRUE;
		f->cost = dup(src, mf->cost);
		f->rows = dup(src, mf->rows);
		for (j = 0; j < mf->set_count; j++) {
			const char *e = config_entry(src->s->arena, mf->set[j]);
			if (e)
				sd_strlist_push(src->s->arena, &f->config, e);
			else
				lerr(src,
				     sd_arena_printf(src->tmp, "%s.set[%u]",
				                     path, j),
				     qname,
				     "bad set entry '%s': expected "
				     "'name = value'",
				     mf->set[j]);
		}
		f->comment = dup(src, mf->comment);
		f->identity = written_identity(src->s->arena, f);
	}
}

/* ------------------------------------------------------------------ */
/* Triggers, policies, rules                                           */
/* ------------------------------------------------------------------ */

static void load_trigger(const sd_logic_src *src, const char *path,
                         const char *schema, const char *table,
                         const m_trigger *mt)
{
	static const char *const timings[] = {"before", "after", "instead of",
	                                      NULL};
	static const char *const events[] = {"insert", "update", "delete",
	                                     "truncate", NULL};
	static const char *const levels[] = {"statement", "row", NULL};
	static const char *const states[] = {"true",    "false",  "enabled",
	                                     "disabled", "always", "replica",
	                                     "origin",   NULL};
	static const char state_codes[] = "ODODARO";
	const char *object = sd_qualified_name(src->tmp, table, mt->name);
	sd_trigger *t;
	unsigned j;
	int k;

	if (bad_name(src, path, table, "trigger", mt->name))
		return;
	t = sd_logic_add_trigger(src->s, schema, table, mt->name);
	t->timing = pick_word(src, path, object, "timing", mt->timing, timings);
	set_loc(src, &t->base, path);
	for (j = 0; j < mt->events_count; j++) {
		k = pick(src,
		         sd_arena_printf(src->tmp, "%s.events[%u]", path, j),
		         object, "event", mt->events[j], events, 0);
		if (k >= 0)
			t->events |= 1u << k;
	}
	if (!mt->events_count)
		lerr(src, path, object, "trigger has no events");
	strlist_from(src, &t->columns, mt->columns, mt->columns_count);
	if (t->columns.n && !(t->events & SD_TRIG_UPDATE))
		lerr(src, path, object,
		     "columns (UPDATE OF) need the update event");
	k = pick(src, path, object, "for_each", mt->for_each, levels, 0);
	t->each_row = k == 1;
	t->when.sql = dup(src, mt->when);
	t->function = dup(src, mt->function);
	strlist_from(src, &t->arguments, mt->arguments, mt->arguments_count);
	t->constraint = mt->constraint == SD_YBOOL_TRUE;
	t->deferrable = mt->deferrable == SD_YBOOL_TRUE;
	t->initially_deferred = mt->initially_deferred == SD_YBOOL_TRUE;
	t->old_table = dup(src, mt->old_table);
	t->new_table = dup(src, mt->new_table);
	k = pick(src, path, object, "enabled", mt->enabled, states, 0);
	t->enabled = state_codes[k < 0 ? 0 : k];
	t->body = dup(src, mt->body);
	t->comment = dup(src, mt->comment);
	if (!t->function && !t->body)
		lerr(src, path, object,
		     "trigger needs 'function' (PostgreSQL) or 'body' "
		     "(SQLite)");
}

static void load_policy(const sd_logic_src *src, const char *path,
                        const char *schema, const char *table,
                        const m_policy *mp)
{
	static const char *const commands[] = {"all",    "select", "insert",
	                                       "update", "delete", NULL};
	const char *object = sd_qualified_name(src->tmp, table, mp->name);
	sd_policy *p;
	unsigned j;

	if (bad_name(src, path, table, "policy", mp->name))
		return;
	p = sd_logic_add_policy(src->s, schema, table, mp->name);
	p->command = pick_word(src, path, object, "command", mp->command,
	                       commands);
	set_loc(src, &p->base, path);
	p->restrictive = mp->restrictive == SD_YBOOL_TRUE;
	for (j = 0; j < mp->roles_count; j++) {
		const char *r = mp->roles[j];
		sd_strlist_push(src->s->arena, &p->roles,
		                sd_strieq(r, "public") ? "public" : r);
	}
	if (!p->roles.n)
		sd_strlist_push(src->s->arena, &p->roles, "public");
	p->using_.sql = dup(src, mp->using_);
	p->with_check.sql = dup(src, mp->with_check);
	p->comment = dup(src, mp->comment);
}

static void load_rule(const sd_logic_src *src, const char *path,
                      const char *schema, const char *table,
                      const m_rule *mr)
{
	static const char *const events[] = {"select", "insert", "update",
	                                     "delete", NULL};
	const char *object = sd_qualified_name(src->tmp, table, mr->name);
	sd_rule *r;

	if (bad_name(src, path, table, "rule", mr->name))
		return;
	r = sd_logic_add_rule(src->s, schema, table, mr->name);
	r->event = pick_word(src, path, object, "event", mr->event, events);
	set_loc(src, &r->base, path);
	r->where.sql = dup(src, mr->where);
	r->instead = mr->instead == SD_YBOOL_TRUE;
	r->actions = dup(src, mr->actions ? mr->actions : "NOTHING");
	r->comment = dup(src, mr->comment);
}

/* ------------------------------------------------------------------ */
/* Event triggers                                                      */
/* ------------------------------------------------------------------ */

/* The function an event trigger executes, "[schema.]name" with "()"
 * allowed after it: the default namespace is left unqualified. */
static const char *called_function(const sd_logic_src *src,
                                   const char *path, const char *object,
                                   const char *text)
{
	size_t n = strlen(text);
	const char *dot;
	char *name;

	if (n > 2 && strcmp(text + n - 2, "()") == 0)
		n -= 2;
	name = sd_arena_strndup(src->tmp, text, n);
	dot = strrchr(name, '.');
	if (!*name || (dot && (dot == name || !dot[1])) ||
	    strpbrk(name, "() \t")) {
		lerr(src, path, object,
		     "bad function '%s': expected [schema.]name of a function "
		     "without arguments",
		     text);
		return NULL;
	}
	if (dot && !sd_namespace_key(
	                   sd_arena_strndup(src->tmp, name,
	                                    (size_t)(dot - name))))
		return dup(src, dot + 1);
	return dup(src, name);
}

void sd_load_event_triggers(const sd_logic_src *src,
                            const m_event_trigger *triggers, unsigned n)
{
	static const char *const states[] = {"origin",   "enabled", "true",
	                                     "disabled", "false",   "always",
	                                     "replica",  NULL};
	static const char state_codes[] = "OOODDAR";
	unsigned i, j;
	int k;

	for (i = 0; i < n; i++) {
		const m_event_trigger *me = &triggers[i];
		const char *path =
			sd_arena_printf(src->tmp, "event_triggers[%u]", i);
		sd_event_trigger *t;
		if (bad_name(src, path, NULL, "event trigger", me->name))
			continue;
		t = sd_logic_add_event_trigger(src->s, me->name);
		set_loc(src, &t->base, path);
		t->event = pick_word(src, path, me->name, "event", me->event,
		                     sd_event_trigger_events);
		for (j = 0; j < me->tags_count; j++) {
			if (!*me->tags[j]) {
				lerr(src,
				     sd_arena_printf(src->tmp, "%s.tags[%u]",
				                     path, j),
				     me->name, "empty tag");
				continue;
			}
			sd_event_trigger_add_tag(src->s, t, me->tags[j]);
		}
		t->function = called_function(src, path, me->name,
		                              me->function);
		k = pick(src, path, me->name, "enabled", me->enabled, states,
		         0);
		t->enabled = state_codes[k < 0 ? 0 : k];
		t->comment = dup(src, me->comment);
	}
}

void sd_load_table_logic(const sd_logic_src *src, const char *tpath,
                         const char *schema, const char *table,
                         const m_trigger *triggers, unsigned ntriggers,
                         const m_policy *policies, unsigned npolicies,
                         const m_rule *rules, unsigned nrules)
{
	unsigned j;

	for (j = 0; j < ntriggers; j++)
		load_trigger(src,
		             sd_arena_printf(src->tmp, "%s.triggers[%u]", tpath,
		                             j),
		             schema, table, &triggers[j]);
	for (j = 0; j < npolicies; j++)
		load_policy(src,
		            sd_arena_printf(src->tmp, "%s.policies[%u]", tpath,
		                            j),
		            schema, table, &policies[j]);
	for (j = 0; j < nrules; j++)
		load_rule(src,
		          sd_arena_printf(src->tmp, "%s.rules[%u]", tpath, j),
		          schema, table, &rules[j]);
}

/* ------------------------------------------------------------------ */
/* Grants                                                              */
/* ------------------------------------------------------------------ */

/* What ALL stands for on each kind of object. */
static const struct {
	const char *on;
	const char *all;
} grant_kinds[] = {
	{"table", "SELECT INSERT UPDATE DELETE TRUNCATE REFERENCES TRIGGER"},
	{"view", "SELECT INSERT UPDATE DELETE TRUNCATE REFERENCES TRIGGER"},
	{"materialized view",
	 "SELECT INSERT UPDATE DELETE TRUNCATE REFERENCES TRIGGER"},
	{"sequence", "USAGE SELECT UPDATE"},
	{"function", "EXECUTE"},
	{"procedure", "EXECUTE"},
	{"schema", "USAGE CREATE"},
	{"type", "USAGE"},
};

/*
 * Splits `on` ("table billing.invoices", "function add(int, int)") into
 * its kind and the object's schema and name. A function keeps its
 * argument list in the name. false when the kind is not one of
 * grant_kinds or the name is missing.
 */
static bool grant_target(sd_arena *a, const char *on, size_t *kind,
                         const char **schema, const char **name)
{
	size_t i, n;
	const char *rest, *dot = NULL, *p;
	int depth = 0;

	for (i = 0; i < SD_ARRAY_LEN(grant_kinds); i++) {
		n = strlen(grant_kinds[i].on);
		if (strncasecmp(on, grant_kinds[i].on, n) == 0 && on[n] == ' ')
			break;
	}
	if (i == SD_ARRAY_LEN(grant_kinds))
		return false;
	*kind = i;
	rest = on + n;
	while (*rest == ' ')
		rest++;
	if (!*rest)
		return false;
	for (p = rest; *p && !dot; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == '.' && depth == 0)
			dot = p;
	}
	*schema = dot ? sd_namespace_key(sd_arena_strndup(
		                a, rest, (size_t)(dot - rest)))
		      : NULL;
	*name = sd_arena_strdup(a, dot ? dot + 1 : rest);
	return true;
}

/* The most privileges ALL stands for on any kind (a table's seven). */
#define PRIVILEGES_MAX 8

/*
 * The privileges the models' word priv stands for on a kind whose ALL
 * is `all` (words separated by one space): each word of `all` for ALL or
 * ALL PRIVILEGES, else priv itself. Writes them to out (the words from
 * src->tmp) and returns how many: "all" with "USAGE SELECT UPDATE" gives
 * {"USAGE", "SELECT", "UPDATE"}, "select" gives {"select"}.
 */
static size_t privileges(const sd_logic_src *src, const char *priv,
                         const char *all, const char *out[PRIVILEGES_MAX])
{
	size_t n = 0;

	if (!sd_strieq(priv, "all") && !sd_strieq(priv, "all privileges")) {
		out[0] = priv;
		return 1;
	}
	while (*all && n < PRIVILEGES_MAX) {
		const char *sp = strchr(all, ' ');
		size_t len = sp ? (size_t)(sp - all) : strlen(all);
		out[n++] = sd_arena_strndup(src->tmp, all, len);
		all += len + (sp ? 1 : 0);
	}
	return n;
}

/* One privilege of mg to its role on `on` schema.name; none (NULL) for
 * one every such object has by default where that can be (both sides
 * have it, so it is no difference). */
static sd_grant *add_grant(const sd_logic_src *src, const char *path,
                           const char *on, const char *schema,
                           const char *name, const m_grant *mg,
                           const char *privilege, bool may_be_default)
{
	sd_grant *g;
	char *p = sd_arena_strdup(src->s->arena, privilege);
	size_t i;

	for (i = 0; p[i]; i++)
		p[i] = (char)toupper((unsigned char)p[i]);
	if (may_be_default && mg->grant_option != SD_YBOOL_TRUE &&
	    sd_grant_is_default(on, mg->to, p))
		return NULL;
	g = sd_logic_add_grant(src->s, on, schema, name);
	set_loc(src, &g->base, path);
	g->grantee = dup(src, sd_strieq(mg->to, "public") ? "public" : mg->to);
	g->privilege = p;
	g->grant_option = mg->grant_option == SD_YBOOL_TRUE;
	return g;
}

static void push_grant(const sd_logic_src *src, const char *path,
                       size_t kind, const char *schema, const char *name,
                       const char *column, const m_grant *mg,
                       const char *privilege)
{
	sd_grant *g = add_grant(src, path, grant_kinds[kind].on, schema, name,
	                        mg, privilege, !column);

	if (g)
		g->column = dup(src, column);
}

/* {on: ..., owner: role}: the object belongs to that role (a grant of
 * privilege "OWNER"); alone, without to, privileges, columns or the
 * rest of a grant. */
static void load_owner(const sd_logic_src *src, const char *path,
                       const m_grant *mg, size_t kind, const char *schema,
                       const char *name)
{
	sd_grant *g;

	if (mg->to || mg->privileges_count || mg->columns_count ||
	    mg->revoked_count || mg->grant_option == SD_YBOOL_TRUE) {
		lerr(src, path, NULL,
		     "owner: stands alone: write the object's grants "
		     "(to, privileges, columns, revoked, grant_option) as "
		     "entries of their own");
		return;
	}
	if (bad_name(src, path, NULL, "role", mg->owner))
		return;
	if (sd_strieq(mg->owner, "public")) {
		lerr(src, path, NULL, "owner: PUBLIC cannot own an object");
		return;
	}
	g = sd_logic_add_grant(src->s, grant_kinds[kind].on, schema, name);
	set_loc(src, &g->base, path);
	g->grantee = dup(src, mg->owner);
	g->privilege = SD_GRANT_OWNER;
}

void sd_load_grants(const sd_logic_src *src, const m_grant *grants,
                    unsigned n)
{
	unsigned i, j, c;

	sd_schema_logic(src->s)->privileges = true;
	for (i = 0; i < n; i++) {
		const m_grant *mg = &grants[i];
		const char *path = sd_arena_printf(src->tmp, "grants[%u]", i);
		const char *schema, *name;
		size_t kind;

		if (!grant_target(src->s->arena, mg->on, &kind, &schema,
		                  &name)) {
			lerr(src, path, NULL,
			     "bad on '%s': expected a kind (table, view, "
			     "materialized view, sequence, function, procedure, "
			     "schema, type) and a name",
			     mg->on);
			continue;
		}
		if (mg->owner) {
			load_owner(src, path, mg, kind, schema, name);
			continue;
		}
		if (!mg->to) {
			lerr(src, path, NULL,
			     "a grant needs `to` (the role given privileges) "
			     "or `owner` (the role owning the object)");
			continue;
		}
		if (bad_name(src, path, NULL, "role", mg->to))
			continue;
		for (j = 0; j < mg->revoked_count + (!mg->revoked_count &&
		                                     !mg->privileges_count);
		     j++) {
			/* privileges: [] to PUBLIC: its default is revoked */
			const char *priv =
				mg->revoked_count ? mg->revoked[j]
				: sd_grant_is_default(grant_kinds[kind].on,
				                      mg->to, "USAGE")
				        ? "USAGE"
				        : "EXECUTE";
			sd_grant *g;
			if (!mg->revoked_count &&
			    !sd_grant_is_default(grant_kinds[kind].on, mg->to,
			                         priv))
				break;
			if (mg->columns_count ||
			    mg->grant_option == SD_YBOOL_TRUE ||
			    !sd_grant_is_default(grant_kinds[kind].on, mg->to,
			                         priv)) {
				lerr(src, path, NULL,
				     "revoked: '%s': only a privilege PUBLIC "
				     "has by default (EXECUTE on a function "
				     "or procedure, USAGE on a type) can be "
				     "revoked",
				     priv);
				continue;
			}
			g = sd_logic_add_grant(src->s, grant_kinds[kind].on,
			                       schema, name);
			set_loc(src, &g->base, path);
			g->grantee = "public";
			g->privilege = sd_strieq(priv, "usage") ? "USAGE"
			                                        : "EXECUTE";
			g->revoked = true;
		}
		for (j = 0; j < mg->privileges_count; j++) {
			const char *privs[PRIVILEGES_MAX];
			size_t p, np = privileges(src, mg->privileges[j],
			                          grant_kinds[kind].all, privs);
			for (p = 0; p < np; p++)
				for (c = 0; c < (mg->columns_count
				                     ? mg->columns_count
				                     : 1);
				     c++)
					push_grant(src, path, kind, schema,
					           name,
					           mg->columns_count
					                   ? mg->columns[c]
					                   : NULL,
					           mg, privs[p]);
		}
	}
}

/* What ALL stands for in default privileges, per kind of new object. */
static const struct {
	const char *on;      /* the models' word */
	const char *kind;    /* the grant's `on` (model/logic.h) */
	const char *all;
} default_kinds[] = {
	{"tables", "default tables",
	 "SELECT INSERT UPDATE DELETE TRUNCATE REFERENCES TRIGGER"},
	{"sequences", "default sequences", "USAGE SELECT UPDATE"},
	{"functions", "default functions", "EXECUTE"},
	{"routines", "default functions", "EXECUTE"},
	{"types", "default types", "USAGE"},
	{"schemas", "default schemas", "USAGE CREATE"},
};

/* One default privilege: a grant on `kind` (schema: IN SCHEMA, name: FOR
 * ROLE, "" for the role running the migration). */
static void push_default(const sd_logic_src *src, const char *path,
                         size_t k, const m_grant *mg, const char *privilege,
                         bool revoked)
{
	const char *schema = !mg->schema ? NULL
	                     : sd_namespace_key(mg->schema)
	                             ? dup(src, mg->schema)
	                             : sd_namespace_default();
	sd_grant *g = add_grant(src, path, default_kinds[k].kind, schema,
	                        mg->for_role ? dup(src, mg->for_role) : "", mg,
	                        privilege, !revoked && !mg->schema);

	if (g)
		g->revoked = revoked;
}

void sd_load_default_privileges(const sd_logic_src *src,
                                const m_grant *grants, unsigned n)
{
	unsigned i, j;
	size_t k;

	sd_schema_logic(src->s)->privileges = true;
	for (i = 0; i < n; i++) {
		const m_grant *mg = &grants[i];
		const char *path =
			sd_arena_printf(src->tmp, "default_privileges[%u]", i);
		for (k = 0; k < SD_ARRAY_LEN(default_kinds); k++)
			if (sd_strieq(mg->on, default_kinds[k].on))
				break;
		if (k == SD_ARRAY_LEN(default_kinds)) {
			lerr(src, path, NULL,
			     "bad on '%s': expected tables, sequences, "
			     "functions, routines, types or schemas",
			     mg->on);
			continue;
		}
		if (bad_name(src, path, NULL, "role", mg->to) ||
		    (mg->for_role &&
		     bad_name(src, path, NULL, "role", mg->for_role)) ||
		    (mg->schema && bad_name(src, path, NULL, "schema",
		                            mg->schema)))
			continue;
		if (mg->schema && strcmp(default_kinds[k].on, "schemas") == 0) {
			lerr(src, path, NULL,
			     "default privileges on schemas cannot be given "
			     "in a schema");
			continue;
		}
		if (mg->revoked_count && mg->schema) {
			lerr(src, path, NULL,
			     "revoked: only without schema: (default "
			     "privileges in a schema add to the database-wide "
			     "ones, they take nothing away)");
			continue;
		}
		for (j = 0; j < mg->revoked_count; j++)
			push_default(src, path, k, mg, mg->revoked[j], true);
		for (j = 0; j < mg->privileges_count; j++) {
			const char *privs[PRIVILEGES_MAX];
			size_t p, np = privileges(src, mg->privileges[j],
			                          default_kinds[k].all, privs);
			for (p = 0; p < np; p++)
				push_default(src, path, k, mg, privs[p], false);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Checks across objects                                               */
/* ------------------------------------------------------------------ */

static bool relation_exists(const sd_schema *s, const char *schema,
                            const char *name, bool *is_view)
{
	const sd_logic *l = sd_logic_of(s);
	size_t i;

	*is_view = false;
	if (sd_schema_find_table(s, schema, name))
		return true;
	for (i = 0; i < l->nviews; i++)
		if (sd_streq(l->views[i]->base.schema, schema) &&
		    sd_streq(l->views[i]->base.name, name)) {
			*is_view = true;
			return true;
		}
	return false;
}

/* Reports o again at its own line: "duplicate <what> 'name'". */
static void duplicate(sd_error *err, const sd_object *o, const sd_object *first,
                      const char *what, const char *object)
{
	sd_error_add(err, SD_EINPUT, o->loc.path, o->loc.line, 0, object,
	             "duplicate %s '%s'", what, o->name);
	sd_error_hint(err, "first declared at %s:%d", first->loc.path,
	              first->loc.line);
}

void sd_load_logic_check(sd_schema *s, sd_error *err, sd_arena *tmp)
{
	const sd_logic *l = sd_logic_of(s);
	sd_map *seen = sd_map_new(tmp, 16);
	bool is_view;
	size_t i;

	for (i = 0; i < l->nviews; i++) {
		const sd_view *v = l->views[i];
		const char *q = sd_qualified_name(tmp, v->base.schema,
		                                  v->base.name);
		const sd_object *first = sd_map_get(seen, q);
		if (first)
			duplicate(err, &v->base, first, "view", q);
		else if (sd_schema_find_table(s, v->base.schema, v->base.name))
			sd_error_add(err, SD_EINPUT, v->base.loc.path,
			             v->base.loc.line, 0, q,
			             "view '%s' has the name of a table", q);
		sd_map_put(seen, q, (void *)&v->base);
	}
	for (i = 0; i < l->nfunctions; i++) {
		const sd_function *f = l->functions[i];
		const char *q = sd_qualified_name(
			tmp, f->base.schema, sd_function_key(tmp, f));
		const sd_object *first = sd_map_get(seen, q);
		if (first)
			duplicate(err, &f->base, first,
			          f->procedure   ? "procedure"
			          : f->aggregate ? "aggregate"
			                         : "function",
			          q);
		sd_map_put(seen, q, (void *)&f->base);
	}
	for (i = 0; i < l->nevent_triggers; i++) {
		const sd_object *o = &l->event_triggers[i]->base;
		const char *q = sd_arena_printf(tmp, "event trigger %s",
		                                o->name);
		const sd_object *first = sd_map_get(seen, q);
		if (first)
			duplicate(err, o, first, "event trigger", o->name);
		sd_map_put(seen, q, (void *)o);
	}
	for (i = 0; i < l->ntriggers + l->npolicies + l->nrules; i++) {
		const sd_object *o =
			i < l->ntriggers ? &l->triggers[i]->base
			: i < l->ntriggers + l->npolicies
			        ? &l->policies[i - l->ntriggers]->base
			        : &l->rules[i - l->ntriggers - l->npolicies]->base;
		const char *table = o->kind == SD_OBJ_TRIGGER
		                            ? ((const sd_trigger *)o)->table
		                    : o->kind == SD_OBJ_POLICY
		                            ? ((const sd_policy *)o)->table
		                            : ((const sd_rule *)o)->table;
		const char *what = o->kind == SD_OBJ_TRIGGER  ? "trigger"
		                   : o->kind == SD_OBJ_POLICY ? "policy"
		                                              : "rule";
		const char *tq = sd_qualified_name(tmp, o->schema, table);
		const char *q = sd_arena_printf(tmp, "%s %s.%s", what, tq,
		                                o->name);
		const sd_object *first = sd_map_get(seen, q);
		if (first)
			duplicate(err, o, first, what, tq);
		sd_map_put(seen, q, (void *)o);
		if (!relation_exists(s, o->schema, table, &is_view))
			sd_error_add(err, SD_EINPUT, o->loc.path, o->loc.line,
			             0, tq, "%s on missing table '%s'", what,
			             tq);
	}
}
