/*
 * pg_logic.c - PostgreSQL statements for views, functions, procedures,
 * triggers, policies, rules, row-level security and grants, the way
 * pg_dump writes them: what the catalog printed is written back as it is
 * (a view's query, a trigger's definition, a function's argument list),
 * what the models say is assembled from their keys.
 *
 * Every name goes through the standard quoting and is checked against the
 * 63-byte limit, like the tables' own statements (postgres.c).
 */
#include "emit/pg_emit.h"
#include "model/logic.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PG_MAX_IDENT 63

/* name, quoted; schema.name, quoted, the default schema left out */
#define ident(out, name) sd_quote_ident_std(out, name)
#define qname(out, schema, name)                                             \
	sd_emit_qualified(out, &sd_dialect_postgres, schema, name)

/* SQL text as given, without the ';' (and blanks) it may end with. */
/* SQL the server printed, without its final ';', written back so that
 * it reads as what it was printed from (sd_pg_put_expr). */
static void put_sql(sd_buf *out, const char *sql)
{
	size_t n = strlen(sql);
	sd_buf b = SD_BUF_INIT;

	while (n && (sql[n - 1] == ';' || isspace((unsigned char)sql[n - 1])))
		n--;
	sd_buf_putn(&b, sql, n);
	sd_pg_put_expr(out, sd_buf_cstr(&b));
	sd_buf_free(&b);
}

static void end(sd_buf *out)
{
	sd_buf_put(out, ";\n");
}

/* " IS 'text';\n" or " IS NULL;\n" */
static void comment_is(sd_buf *out, const char *text)
{
	sd_buf_put(out, " IS ");
	if (text)
		sd_quote_literal_std(out, text);
	else
		sd_buf_put(out, "NULL");
	end(out);
}

/* ------------------------------------------------------------------ */
/* Views                                                               */
/* ------------------------------------------------------------------ */

static const char *view_word(const sd_view *v)
{
	return v->materialized ? "MATERIALIZED VIEW" : "VIEW";
}

/* Whether v's options hold one that starts with `name` ("fillfactor="). */
static bool view_option(const sd_view *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->options.n; i++)
		if (sd_startswith(v->options.items[i], name))
			return true;
	return false;
}

static void view_body(sd_buf *out, const sd_view *v)
{
	size_t i;
	bool first = true;

	qname(out, v->base.schema, v->base.name);
	if (v->column_names.n) {
		sd_buf_put(out, " (");
		for (i = 0; i < v->column_names.n; i++) {
			sd_buf_put(out, i ? ", " : "");
			ident(out, v->column_names.items[i]);
		}
		sd_buf_put(out, ")");
	}
#define OPT(text) (sd_buf_put(out, first ? " WITH (" : ", "), sd_buf_put(out, text), first = false)
	/* (unless the options spell it as the catalog does: =on) */
	if (v->security_barrier && !view_option(v, "security_barrier="))
		OPT("security_barrier=true");
	if (v->security_invoker && !view_option(v, "security_invoker="))
		OPT("security_invoker=true");
#undef OPT
	if (v->options.n) {
		sd_buf_put(out, first ? " WITH (" : ", ");
		sd_options_put(out, &v->options, "=");
		first = false;
	}
	if (!first)
		sd_buf_put(out, ")");
	sd_buf_put(out, " AS\n");
	put_sql(out, v->query.sql);
	if (v->check_option)
		sd_buf_printf(out, "\n  WITH %s CHECK OPTION",
		              strcmp(v->check_option, "local") == 0 ? "LOCAL"
		                                                   : "CASCADED");
	if (v->materialized && v->no_data)
		sd_buf_put(out, "\n  WITH NO DATA");
	end(out);
}

/* ALTER VIEW v ALTER COLUMN c SET DEFAULT (or DROP DEFAULT): a view's
 * column defaults, which an INSERT through it takes. */
static void view_default(sd_buf *out, const sd_view *v, const char *column,
                         const char *sql)
{
	sd_buf_printf(out, "ALTER %s ", view_word(v));
	qname(out, v->base.schema, v->base.name);
	sd_buf_put(out, " ALTER COLUMN ");
	ident(out, column);
	if (sql)
		sd_buf_printf(out, " SET DEFAULT %s", sql);
	else
		sd_buf_put(out, " DROP DEFAULT");
	end(out);
}

/* The defaults of n's columns, where o (NULL: none) has others. */
static void view_defaults(sd_buf *out, const sd_view *o, const sd_view *n)
{
	size_t i;

	for (i = 0; o && i < o->ncolumns; i++) {
		const sd_column *c = o->columns[i];
		const sd_column *d = sd_view_column(n, c->base.name);
		if (c->default_value.sql && d && !d->default_value.sql)
			view_default(out, n, c->base.name, NULL);
	}
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *c = n->columns[i];
		const sd_column *d = o ? sd_view_column(o, c->base.name) : NULL;
		if (c->default_value.sql &&
		    !(d && sd_streq(d->default_value.sql, c->default_value.sql)))
			view_default(out, n, c->base.name, c->default_value.sql);
	}
}

/* The comments of a view and of its columns, once it exists. */
static void view_comments(sd_buf *out, const sd_view *v)
{
	size_t i;

	if (v->comment) {
		sd_buf_printf(out, "COMMENT ON %s ", view_word(v));
		qname(out, v->base.schema, v->base.name);
		comment_is(out, v->comment);
	}
	for (i = 0; i < v->ncolumns; i++) {
		if (!sd_column_x(v->columns[i])->comment)
			continue;
		sd_buf_put(out, "COMMENT ON COLUMN ");
		qname(out, v->base.schema, v->base.name);
		sd_buf_putc(out, '.');
		ident(out, v->columns[i]->base.name);
		comment_is(out, sd_column_x(v->columns[i])->comment);
	}
}

static int create_view(sd_buf *out, const sd_view *v, sd_error *err)
{
	pg_emit e = {out, NULL, NULL, NULL};
	size_t i;
	int rc;

	sd_buf_printf(out, "CREATE %s ", view_word(v));
	view_body(out, v);
	sd_pg_emit_view_created_settings(&e, v);
	view_defaults(out, NULL, v);
	view_comments(out, v);
	for (i = 0; i < v->nindexes; i++) {
		sd_table rel;
		sd_op op;
		memset(&rel, 0, sizeof(rel));
		rel.base.kind = SD_OBJ_TABLE;
		rel.base.schema = v->base.schema;
		rel.base.name = v->base.name;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_INDEX;
		op.table = &rel;
		op.obj_new = &v->indexes[i]->base;
		if ((rc = sd_dialect_postgres.emit_op(out, &op, err)) != SD_OK)
			return rc;
	}
	return SD_OK;
}

static void drop_view(sd_buf *out, const sd_view *v)
{
	sd_buf_printf(out, "DROP %s ", view_word(v));
	qname(out, v->base.schema, v->base.name);
	end(out);
}

/* true when every column of o is n's, in place, with its type */
static bool view_columns_kept(const sd_view *o, const sd_view *n)
{
	size_t i;

	if (o->ncolumns > n->ncolumns)
		return false;
	for (i = 0; i < o->ncolumns; i++)
		if (!sd_streq(o->columns[i]->base.name, n->columns[i]->base.name))
			return false;
	return true;
}

/*
 * CREATE OR REPLACE VIEW, which keeps the old columns and may append
 * some. Backwards (a downgrade takes the appended columns away) it cannot:
 * the view is dropped and created then, and what depends on it was taken
 * along by the differ.
 */
static int replace_view(sd_buf *out, const sd_view *o, const sd_view *n,
                        sd_error *err)
{
	if (view_columns_kept(o, n)) {
		sd_buf_put(out, "CREATE OR REPLACE VIEW ");
		view_body(out, n);
		view_defaults(out, o, n);
		return SD_OK;
	}
	drop_view(out, o);
	return create_view(out, n, err);
}

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

static const char *function_word(const sd_function *f)
{
	return f->procedure   ? "PROCEDURE"
	       : f->aggregate ? "AGGREGATE"
	                      : "FUNCTION";
}

/* name(identity): what DROP and COMMENT name a function by. */
static void function_ref(sd_buf *out, const sd_function *f)
{
	qname(out, f->base.schema, f->base.name);
	sd_buf_printf(out, "(%s)", f->identity && *f->identity ? f->identity
	                           : f->aggregate          ? "*"
	                                                   : "");
}

static void function_args(sd_buf *out, const sd_function *f)
{
	size_t i;

	sd_buf_put(out, "(");
	if (f->aggregate && !f->nargs &&
	    !(f->canon_args && *f->canon_args)) {
		sd_buf_put(out, "*");
	} else if (f->canon_args) {
		sd_buf_put(out, f->canon_args);
	} else {
		for (i = 0; i < f->nargs; i++) {
			const sd_func_arg *a = &f->args[i];
			sd_buf_put(out, i ? ", " : "");
			if (a->mode != SD_ARG_IN)
				sd_buf_printf(out, "%s ",
				              a->mode == SD_ARG_OUT     ? "OUT"
				              : a->mode == SD_ARG_INOUT ? "INOUT"
				                                        : "VARIADIC");
			if (a->name) {
				ident(out, a->name);
				sd_buf_put(out, " ");
			}
			sd_buf_put(out, a->type);
			if (a->default_sql)
				sd_buf_printf(out, " DEFAULT %s",
				              a->default_sql);
		}
	}
	sd_buf_put(out, ")");
}

/* GUCs whose values are lists of names (pg_dump's
 * variable_is_guc_list_quote): each element is its own literal. */
static bool list_guc(const char *name, size_t n)
{
	static const char *const lists[] = {
		"local_preload_libraries", "search_path",
		"session_preload_libraries", "shared_preload_libraries",
		"temp_tablespaces", "unix_socket_directories",
	};
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(lists); i++)
		if (strlen(lists[i]) == n && strncasecmp(name, lists[i], n) == 0)
			return true;
	return false;
}

/* SET name TO value, from "name=value" as proconfig holds it. */
static void set_clause(sd_buf *out, const char *item)
{
	const char *eq = strchr(item, '=');
	const char *v;
	sd_buf el = SD_BUF_INIT;
	bool quoted = false, first = true;

	if (!eq)
		return;
	sd_buf_printf(out, "\n    SET %.*s TO ", (int)(eq - item), item);
	if (!list_guc(item, (size_t)(eq - item))) {
		sd_quote_literal_std(out, eq + 1);
		return;
	}
	/* a list: "public, pg_temp", "\"My Schema\", public" */
	sd_buf_put(&el, "");
	for (v = eq + 1;; v++) {
		if (*v == '"' && quoted && v[1] == '"') {
			sd_buf_putc(&el, '"');
			v++;
		} else if (*v == '"') {
			quoted = !quoted;
		} else if ((*v == ',' && !quoted) || !*v) {
			size_t n = el.len;
			while (n && el.data[n - 1] == ' ')
				n--;
			sd_buf_truncate(&el, n);
			sd_buf_put(out, first ? "" : ", ");
			sd_quote_literal_std(out, sd_buf_cstr(&el) +
			                   strspn(sd_buf_cstr(&el), " "));
			first = false;
			sd_buf_truncate(&el, 0);
			sd_buf_put(&el, "");
			if (!*v)
				break;
		} else {
			sd_buf_putc(&el, *v);
		}
	}
	sd_buf_free(&el);
}

/* $function$, or $function1$... when the body holds it */
static const char *dollar_tag(sd_arena *a, const char *body)
{
	const char *tag = "$function$";
	int n = 0;

	while (strstr(body, tag))
		tag = sd_arena_printf(a, "$function%d$", ++n);
	return tag;
}

static void function_def(sd_buf *out, const sd_function *f, bool replace)
{
	sd_arena *a = sd_arena_new();
	const char *result = f->canon_result ? f->canon_result : f->returns;
	size_t i;

	sd_buf_printf(out, "CREATE %s%s ", replace ? "OR REPLACE " : "",
	              function_word(f));
	qname(out, f->base.schema, f->base.name);
	function_args(out, f);
	if (f->aggregate) {
		sd_buf_printf(out, " (\n    %s\n)",
		              f->canon_body ? f->canon_body : f->body);
		end(out);
		sd_arena_free(a);
		return;
	}
	if (!f->procedure && result)
		sd_buf_printf(out, " RETURNS %s", result);
	sd_buf_put(out, "\n    LANGUAGE ");
	sd_buf_put(out, f->language ? f->language : "sql");
	if (!f->procedure) {
		if (f->volatility == 'i')
			sd_buf_put(out, " IMMUTABLE");
		else if (f->volatility == 's')
			sd_buf_put(out, " STABLE");
		if (f->strict)
			sd_buf_put(out, " STRICT");
	}
	if (f->security_definer)
		sd_buf_put(out, " SECURITY DEFINER");
	if (!f->procedure) {
		if (f->leakproof)
			sd_buf_put(out, " LEAKPROOF");
		if (f->parallel == 's')
			sd_buf_put(out, " PARALLEL SAFE");
		else if (f->parallel == 'r')
			sd_buf_put(out, " PARALLEL RESTRICTED");
		if (f->cost && strtod(f->cost, NULL) !=
		                       strtod(sd_function_default_cost(f), NULL))
			sd_buf_printf(out, " COST %s", f->cost);
		if (f->rows && sd_function_returns_set(f) &&
		    strtod(f->rows, NULL) !=
		            strtod(sd_function_default_rows(f), NULL))
			sd_buf_printf(out, " ROWS %s", f->rows);
	}
	for (i = 0; i < f->config.n; i++)
		set_clause(out, f->config.items[i]);
	if (f->sql_body) {
		sd_buf_put(out, "\n");
		put_sql(out, f->canon_body ? f->canon_body : f->body);
	} else {
		const char *tag = dollar_tag(a, f->body ? f->body : "");
		sd_buf_printf(out, "\n    AS %s%s%s", tag,
		              f->body ? f->body : "", tag);
	}
	end(out);
	sd_arena_free(a);
}

static void function_comment(sd_buf *out, const sd_function *f)
{
	if (!f->comment)
		return;
	sd_buf_printf(out, "COMMENT ON %s ", function_word(f));
	function_ref(out, f);
	comment_is(out, f->comment);
}

/* ------------------------------------------------------------------ */
/* Triggers, policies, rules                                           */
/* ------------------------------------------------------------------ */

/* "schema.name" (dot: its last '.', or NULL) as a quoted name. */
static void split_name(sd_buf *out, const char *text, const char *dot)
{
	sd_buf s = SD_BUF_INIT;

	if (!dot) {
		ident(out, text);
		return;
	}
	sd_buf_putn(&s, text, (size_t)(dot - text));
	qname(out, sd_buf_cstr(&s), dot + 1);
	sd_buf_free(&s);
}

/* The verb that gives a trigger or event trigger its state ('O', 'D',
 * 'A', 'R'). */
static const char *enable_verb(char code)
{
	switch (code) {
	case 'D':
		return "DISABLE";
	case 'A':
		return "ENABLE ALWAYS";
	case 'R':
		return "ENABLE REPLICA";
	default:
		return "ENABLE";
	}
}

/* ALTER TABLE t ENABLE / DISABLE ... TRIGGER name, for a state other
 * than the default. */
static void trigger_state(sd_buf *out, const sd_trigger *t, bool always)
{
	if (t->enabled == 'O' && !always)
		return;
	sd_buf_put(out, "ALTER TABLE ");
	qname(out, t->base.schema, t->table);
	sd_buf_printf(out, " %s TRIGGER ", enable_verb(t->enabled));
	ident(out, t->base.name);
	end(out);
}

/* ALTER EVENT TRIGGER name ENABLE / DISABLE ..., for a state other than
 * the default. */
static void event_trigger_state(sd_buf *out, const sd_event_trigger *t,
                                bool always)
{
	if (t->enabled == 'O' && !always)
		return;
	sd_buf_put(out, "ALTER EVENT TRIGGER ");
	ident(out, t->base.name);
	sd_buf_printf(out, " %s", enable_verb(t->enabled));
	end(out);
}

/* CREATE EVENT TRIGGER name ON event [WHEN TAG IN (...)] EXECUTE
 * FUNCTION f() */
static void event_trigger_def(sd_buf *out, const sd_event_trigger *t)
{
	const char *fn = t->function ? t->function : "";
	size_t i;

	sd_buf_put(out, "CREATE EVENT TRIGGER ");
	ident(out, t->base.name);
	sd_buf_printf(out, " ON %s", t->event);
	for (i = 0; i < t->tags.n; i++) {
		sd_buf_put(out, i ? ", " : "\n    WHEN TAG IN (");
		sd_quote_literal_std(out, t->tags.items[i]);
	}
	sd_buf_put(out, t->tags.n ? ")" : "");
	sd_buf_put(out, "\n    EXECUTE FUNCTION ");
	split_name(out, fn, strrchr(fn, '.'));
	sd_buf_put(out, "()");
	end(out);
}

static void trigger_def(sd_buf *out, const sd_trigger *t)
{
	static const char *const events[] = {"INSERT", "UPDATE", "DELETE",
	                                     "TRUNCATE"};
	const char *dot;
	size_t i;
	bool first = true;

	if (t->definition.sql) {
		put_sql(out, t->definition.sql);
		end(out);
		return;
	}
	sd_buf_printf(out, "CREATE %sTRIGGER ",
	              t->constraint ? "CONSTRAINT " : "");
	ident(out, t->base.name);
	sd_buf_printf(out, " %s ", strcmp(t->timing, "instead of") == 0
	                                      ? "INSTEAD OF"
	                              : strcmp(t->timing, "before") == 0
	                                      ? "BEFORE"
	                                      : "AFTER");
	for (i = 0; i < SD_ARRAY_LEN(events); i++) {
		size_t k;
		if (!(t->events & (1u << i)))
			continue;
		sd_buf_put(out, first ? "" : " OR ");
		sd_buf_put(out, events[i]);
		first = false;
		if (i == 1 && t->columns.n) {
			sd_buf_put(out, " OF ");
			for (k = 0; k < t->columns.n; k++) {
				sd_buf_put(out, k ? ", " : "");
				ident(out, t->columns.items[k]);
			}
		}
	}
	sd_buf_put(out, " ON ");
	qname(out, t->base.schema, t->table);
	if (t->constraint)
		sd_emit_deferrable(out, t->deferrable, t->initially_deferred);
	if (t->old_table || t->new_table) {
		sd_buf_put(out, " REFERENCING");
		if (t->old_table) {
			sd_buf_put(out, " OLD TABLE AS ");
			ident(out, t->old_table);
		}
		if (t->new_table) {
			sd_buf_put(out, " NEW TABLE AS ");
			ident(out, t->new_table);
		}
	}
	sd_buf_put(out, t->each_row ? " FOR EACH ROW" : " FOR EACH STATEMENT");
	if (t->when.sql) {
		sd_buf_put(out, " WHEN (");
		put_sql(out, t->when.sql);
		sd_buf_put(out, ")");
	}
	sd_buf_put(out, " EXECUTE FUNCTION ");
	/* the function as written: "audit" or "billing.audit" */
	dot = t->function ? strrchr(t->function, '.') : NULL;
	split_name(out, t->function ? t->function : "", dot);
	sd_buf_put(out, "(");
	for (i = 0; i < t->arguments.n; i++) {
		sd_buf_put(out, i ? ", " : "");
		sd_quote_literal_std(out, t->arguments.items[i]);
	}
	sd_buf_put(out, ")");
	end(out);
}

static void on_table(sd_buf *out, const char *verb, const char *what,
                     const sd_object *o, const char *table)
{
	sd_buf_printf(out, "%s %s ", verb, what);
	ident(out, o->name);
	sd_buf_put(out, " ON ");
	qname(out, o->schema, table);
}

static void policy_def(sd_buf *out, const sd_policy *p)
{
	size_t i;

	on_table(out, "CREATE", "POLICY", &p->base, p->table);
	if (p->restrictive)
		sd_buf_put(out, " AS RESTRICTIVE");
	if (strcmp(p->command, "all") != 0) {
		char upper[16];
		for (i = 0; p->command[i] && i + 1 < sizeof(upper); i++)
			upper[i] = (char)toupper((unsigned char)p->command[i]);
		upper[i] = '\0';
		sd_buf_printf(out, " FOR %s", upper);
	}
	if (p->roles.n && !(p->roles.n == 1 &&
	                    strcmp(p->roles.items[0], "public") == 0)) {
		sd_buf_put(out, " TO ");
		for (i = 0; i < p->roles.n; i++) {
			sd_buf_put(out, i ? ", " : "");
			if (strcmp(p->roles.items[i], "public") == 0)
				sd_buf_put(out, "PUBLIC");
			else
				ident(out, p->roles.items[i]);
		}
	}
	if (p->using_.sql) {
		sd_buf_put(out, "\n    USING (");
		put_sql(out, p->using_.sql);
		sd_buf_put(out, ")");
	}
	if (p->with_check.sql) {
		sd_buf_put(out, "\n    WITH CHECK (");
		put_sql(out, p->with_check.sql);
		sd_buf_put(out, ")");
	}
	end(out);
}

static void rule_def(sd_buf *out, const sd_rule *r)
{
	char upper[16];
	size_t i;

	if (r->definition.sql) {
		put_sql(out, r->definition.sql);
		end(out);
		return;
	}
	for (i = 0; r->event[i] && i + 1 < sizeof(upper); i++)
		upper[i] = (char)toupper((unsigned char)r->event[i]);
	upper[i] = '\0';
	sd_buf_put(out, "CREATE RULE ");
	ident(out, r->base.name);
	sd_buf_printf(out, " AS ON %s TO ", upper);
	qname(out, r->base.schema, r->table);
	if (r->where.sql) {
		sd_buf_put(out, " WHERE ");
		put_sql(out, r->where.sql);
	}
	sd_buf_put(out, r->instead ? " DO INSTEAD " : " DO ALSO ");
	put_sql(out, r->actions ? r->actions : "NOTHING");
	end(out);
}

static void row_security(sd_buf *out, const sd_table *o, const sd_table *n)
{
	if (o->row_security != n->row_security) {
		sd_buf_put(out, "ALTER TABLE ");
		qname(out, n->base.schema, n->base.name);
		sd_buf_put(out, n->row_security ? " ENABLE" : " DISABLE");
		sd_buf_put(out, " ROW LEVEL SECURITY;\n");
	}
	if (o->force_row_security != n->force_row_security) {
		sd_buf_put(out, "ALTER TABLE ");
		qname(out, n->base.schema, n->base.name);
		sd_buf_put(out, n->force_row_security ? " FORCE" : " NO FORCE");
		sd_buf_put(out, " ROW LEVEL SECURITY;\n");
	}
}

/* ------------------------------------------------------------------ */
/* Grants                                                              */
/* ------------------------------------------------------------------ */

/*
 * The kinds of object a grant is on (sd_grant.on) in SQL's words: after
 * GRANT ... ON (views are tables there) and after ALTER ... OWNER TO
 * (ROUTINE covers functions, procedures and aggregates; TYPE covers
 * domains). The last row serves any other kind (a table).
 */
static const struct grant_word {
	const char *on, *grant, *owner;
} grant_words[] = {
	{"view", "TABLE", "VIEW"},
	{"materialized view", "TABLE", "MATERIALIZED VIEW"},
	{"sequence", "SEQUENCE", "SEQUENCE"},
	{"function", "FUNCTION", "ROUTINE"},
	{"procedure", "PROCEDURE", "ROUTINE"},
	{"schema", "SCHEMA", "SCHEMA"},
	{"type", "TYPE", "TYPE"},
	{"table", "TABLE", "TABLE"},
};

static const struct grant_word *grant_word(const sd_grant *g)
{
	size_t i, n = SD_ARRAY_LEN(grant_words);

	for (i = 0; i + 1 < n; i++)
		if (strcmp(g->on, grant_words[i].on) == 0)
			break;
	return &grant_words[i];
}

/* The name of the object a grant is on, as GRANT and ALTER name it. */
static void grant_object(sd_buf *out, const sd_grant *g)
{
	const char *paren;

	if (strcmp(g->on, "schema") == 0) {
		ident(out, g->base.name);
		return;
	}
	paren = strcmp(g->on, "function") == 0 ||
	                strcmp(g->on, "procedure") == 0
	                ? strchr(g->base.name, '(')
	                : NULL;
	if (!paren) {
		qname(out, g->base.schema, g->base.name);
		return;
	}
	/* name(types): the name quoted, the types as the server wrote them */
	{
		sd_buf n = SD_BUF_INIT;
		sd_buf_putn(&n, g->base.name, (size_t)(paren - g->base.name));
		qname(out, g->base.schema, sd_buf_cstr(&n));
		sd_buf_free(&n);
	}
	sd_buf_put(out, paren);
}

static void grant_target(sd_buf *out, const sd_grant *g)
{
	if (sd_grant_is_default_acl(g)) {
		/* "default tables": ON TABLES */
		const char *p;
		sd_buf_put(out, " ON ");
		for (p = g->on + 8; *p; p++)
			sd_buf_putc(out, (char)toupper((unsigned char)*p));
		return;
	}
	sd_buf_printf(out, " ON %s ", grant_word(g)->grant);
	grant_object(out, g);
}

/* ALTER ... OWNER TO the grant's role (give) or back to the role running
 * the migration. */
static void owner(sd_buf *out, const sd_grant *g, bool give)
{
	sd_buf_printf(out, "ALTER %s ", grant_word(g)->owner);
	grant_object(out, g);
	sd_buf_put(out, " OWNER TO ");
	if (give)
		ident(out, g->grantee);
	else
		sd_buf_put(out, "CURRENT_USER");
	end(out);
}

static void grantee(sd_buf *out, const sd_grant *g)
{
	if (strcmp(g->grantee, "public") == 0)
		sd_buf_put(out, "PUBLIC");
	else
		ident(out, g->grantee);
}

/* give: the grant is created (a revoked default: by REVOKE). */
static void grant(sd_buf *out, const sd_grant *g, bool give)
{
	if (!g->privilege)
		return;
	if (sd_grant_is_owner(g)) {
		owner(out, g, give);
		return;
	}
	give = give != g->revoked;
	if (sd_grant_is_default_acl(g)) {
		sd_buf_put(out, "ALTER DEFAULT PRIVILEGES");
		if (*g->base.name) {
			sd_buf_put(out, " FOR ROLE ");
			ident(out, g->base.name);
		}
		if (g->base.schema) {
			sd_buf_put(out, " IN SCHEMA ");
			ident(out, g->base.schema);
		}
		sd_buf_put(out, " ");
	}
	sd_buf_printf(out, "%s %s", give ? "GRANT" : "REVOKE",
	              g->privilege);
	if (g->column) {
		sd_buf_put(out, " (");
		ident(out, g->column);
		sd_buf_put(out, ")");
	}
	grant_target(out, g);
	sd_buf_put(out, give ? " TO " : " FROM ");
	grantee(out, g);
	if (give && g->grant_option)
		sd_buf_put(out, " WITH GRANT OPTION");
	end(out);
}

/* ------------------------------------------------------------------ */
/* Operations                                                          */
/* ------------------------------------------------------------------ */

static int create_object(sd_buf *out, const sd_object *o, sd_error *err)
{
	switch (o->kind) {
	case SD_OBJ_VIEW:
		return create_view(out, (const sd_view *)o, err);
	case SD_OBJ_FUNCTION:
		function_def(out, (const sd_function *)o, false);
		function_comment(out, (const sd_function *)o);
		return SD_OK;
	case SD_OBJ_TRIGGER:
		trigger_def(out, (const sd_trigger *)o);
		trigger_state(out, (const sd_trigger *)o, false);
		break;
	case SD_OBJ_POLICY:
		policy_def(out, (const sd_policy *)o);
		break;
	case SD_OBJ_RULE:
		rule_def(out, (const sd_rule *)o);
		break;
	case SD_OBJ_EVENT_TRIGGER:
		event_trigger_def(out, (const sd_event_trigger *)o);
		event_trigger_state(out, (const sd_event_trigger *)o, false);
		break;
	case SD_OBJ_GRANT:
		grant(out, (const sd_grant *)o, true);
		return SD_OK;
	default:
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: cannot create object kind %d",
		                    (int)o->kind);
	}
	if (sd_object_comment(o))
		sd_pg_logic_comment(out, o, sd_object_comment(o));
	return SD_OK;
}

static int drop_object(sd_buf *out, const sd_object *o, sd_error *err)
{
	switch (o->kind) {
	case SD_OBJ_VIEW:
		drop_view(out, (const sd_view *)o);
		break;
	case SD_OBJ_FUNCTION:
		sd_buf_printf(out, "DROP %s ",
		              function_word((const sd_function *)o));
		function_ref(out, (const sd_function *)o);
		end(out);
		break;
	case SD_OBJ_TRIGGER:
		on_table(out, "DROP", "TRIGGER", o, ((const sd_trigger *)o)->table);
		end(out);
		break;
	case SD_OBJ_POLICY:
		on_table(out, "DROP", "POLICY", o, ((const sd_policy *)o)->table);
		end(out);
		break;
	case SD_OBJ_RULE:
		on_table(out, "DROP", "RULE", o, ((const sd_rule *)o)->table);
		end(out);
		break;
	case SD_OBJ_EVENT_TRIGGER:
		sd_buf_put(out, "DROP EVENT TRIGGER ");
		ident(out, o->name);
		end(out);
		break;
	case SD_OBJ_GRANT:
		grant(out, (const sd_grant *)o, false);
		break;
	default:
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: cannot drop object kind %d",
		                    (int)o->kind);
	}
	return SD_OK;
}

static int replace_object(sd_buf *out, const sd_object *o, const sd_object *n,
                          sd_error *err)
{
	switch (n->kind) {
	case SD_OBJ_TABLE:
		row_security(out, (const sd_table *)o, (const sd_table *)n);
		return SD_OK;
	case SD_OBJ_VIEW:
		return replace_view(out, (const sd_view *)o, (const sd_view *)n,
		                    err);
	case SD_OBJ_FUNCTION:
		function_def(out, (const sd_function *)n, true);
		return SD_OK;
	case SD_OBJ_TRIGGER:
		trigger_state(out, (const sd_trigger *)n, true);
		return SD_OK;
	case SD_OBJ_EVENT_TRIGGER:
		event_trigger_state(out, (const sd_event_trigger *)n, true);
		return SD_OK;
	case SD_OBJ_GRANT:
		if (sd_grant_is_owner((const sd_grant *)n)) {
			/* another owner: OWNER TO is the whole change */
			grant(out, (const sd_grant *)n, true);
			return SD_OK;
		}
		/* fall through */
	default:
		if ((drop_object(out, o, err)) != SD_OK)
			return SD_EINPUT;
		return create_object(out, n, err);
	}
}

/* The first name of o (its schema, table, columns, arguments...) over
 * PostgreSQL's 63 bytes, which the server would cut silently; NULL. */
static const char *too_long(const sd_object *o)
{
	const char *names[8] = {o->schema, o->name, sd_logic_table(o), NULL};
	size_t i, n = 3;

	if (o->kind == SD_OBJ_TRIGGER) {
		const sd_trigger *t = (const sd_trigger *)o;
		names[n++] = t->old_table;
		names[n++] = t->new_table;
		for (i = 0; i < t->columns.n; i++)
			if (strlen(t->columns.items[i]) > PG_MAX_IDENT)
				return t->columns.items[i];
	} else if (o->kind == SD_OBJ_VIEW) {
		const sd_view *v = (const sd_view *)o;
		for (i = 0; i < v->column_names.n; i++)
			if (strlen(v->column_names.items[i]) > PG_MAX_IDENT)
				return v->column_names.items[i];
	} else if (o->kind == SD_OBJ_FUNCTION) {
		const sd_function *f = (const sd_function *)o;
		for (i = 0; i < f->nargs; i++)
			if (f->args[i].name &&
			    strlen(f->args[i].name) > PG_MAX_IDENT)
				return f->args[i].name;
	} else if (o->kind == SD_OBJ_GRANT) {
		names[n++] = ((const sd_grant *)o)->column;
		names[n++] = ((const sd_grant *)o)->grantee;
	}
	for (i = 0; i < n; i++)
		if (names[i] && strlen(names[i]) > PG_MAX_IDENT &&
		    !(i == 1 && o->kind == SD_OBJ_GRANT))
			return names[i];
	return NULL;
}

void sd_pg_logic_prologue(sd_buf *out, sd_op *const *ops, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((ops[i]->kind == SD_OP_CREATE_OBJECT ||
		     ops[i]->kind == SD_OP_REPLACE_OBJECT) &&
		    ops[i]->obj_new && ops[i]->obj_new->kind == SD_OBJ_FUNCTION) {
			sd_buf_put(out, "SET check_function_bodies = false;\n");
			return;
		}
}

/* ------------------------------------------------------------------ */
/* Grants kept across a drop and create (sd_op.keep_acl)               */
/* ------------------------------------------------------------------ */

void sd_pg_emit_acl_regrant(sd_buf *out, const char *a, const char *on,
                            const char *object, const char *column)
{
	sd_buf_printf(out,
		"format('GRANT %%s%s ON %s %%s TO %%s%%s', %s.privilege_type, %s%s%s,\n"
		"           CASE WHEN %s.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(%s.grantee)) END,\n"
		"           CASE WHEN %s.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)",
		column ? " (%I)" : "", on, a, column ? column : "",
		column ? ", " : "", object, a, a, a);
}

/* The object as the catalog names it: 'view'::regclass or
 * 'f(integer)'::regprocedure, as an SQL expression. */
static void kept_ref(sd_buf *out, const sd_object *o)
{
	sd_buf name = SD_BUF_INIT;

	if (o->kind == SD_OBJ_FUNCTION)
		function_ref(&name, (const sd_function *)o);
	else
		qname(&name, o->schema, o->name);
	sd_quote_literal_std(out, sd_buf_cstr(&name));
	sd_buf_put(out, o->kind == SD_OBJ_FUNCTION ? "::regprocedure"
	                                           : "::regclass");
	sd_buf_free(&name);
}

/*
 * Before the drop: the statements that give the object back its grants
 * (column grants too) and its owner, as the database has them, saved in
 * a temporary table of the session.
 */
static void keep_save(sd_buf *out, const sd_object *o)
{
	const char *p;

	sd_buf_put(out, "-- the grants and owner of ");
	for (p = o->name; *p; p++)
		sd_buf_putc(out, (unsigned char)*p < ' ' ? '?' : *p);
	sd_buf_put(out, ", kept across its re-creation\n"
	                "DO $schemadiff$\n"
	                "BEGIN\n"
	                "IF to_regclass('pg_temp.schemadiff_kept_acl') IS NULL THEN\n"
	                "    CREATE TEMPORARY TABLE schemadiff_kept_acl (obj text PRIMARY KEY, redo text[]);\n"
	                "END IF;\n"
	                "INSERT INTO schemadiff_kept_acl\n");
	if (o->kind == SD_OBJ_FUNCTION) {
		sd_buf_put(out,
			"SELECT p.oid::regprocedure::text, ARRAY(\n"
			"    SELECT ");
		sd_pg_emit_acl_regrant(out, "a", "ROUTINE", "p.oid::regprocedure", NULL);
		sd_buf_put(out, "\n"
			"    FROM aclexplode(p.proacl) a WHERE a.grantee <> p.proowner\n"
			"    UNION ALL SELECT format('REVOKE EXECUTE ON ROUTINE %s FROM PUBLIC', p.oid::regprocedure)\n"
			"    WHERE p.proacl IS NOT NULL AND NOT EXISTS (SELECT 1 FROM aclexplode(p.proacl) y\n"
			"      WHERE y.grantee = 0 AND y.privilege_type = 'EXECUTE')\n"
			"    UNION ALL SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, pg_get_userbyid(p.proowner))\n"
			"    WHERE p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user))\n"
			"FROM pg_proc p WHERE p.oid = ");
	} else {
		sd_buf_put(out,
			"SELECT c.oid::regclass::text, ARRAY(\n"
			"    SELECT ");
		sd_pg_emit_acl_regrant(out, "a", "TABLE", "c.oid::regclass", NULL);
		sd_buf_put(out, "\n"
			"    FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner\n"
			"    UNION ALL SELECT ");
		sd_pg_emit_acl_regrant(out, "a", "TABLE", "c.oid::regclass", "t.attname");
		sd_buf_put(out, "\n"
			"    FROM pg_attribute t, aclexplode(t.attacl) a WHERE t.attrelid = c.oid AND t.attnum > 0\n"
			"    UNION ALL SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, pg_get_userbyid(c.relowner))\n"
			"    WHERE c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user))\n"
			"FROM pg_class c WHERE c.oid = ");
	}
	kept_ref(out, o);
	sd_buf_put(out, "\nON CONFLICT (obj) DO NOTHING;\n"
	                "END\n"
	                "$schemadiff$;\n");
}

/* After the create: the saved statements run, and are forgotten. */
static void keep_restore(sd_buf *out, const sd_object *o)
{
	sd_buf_put(out, "DO $schemadiff$\n"
	                "DECLARE s text;\n"
	                "BEGIN\n"
	                "    FOR s IN SELECT unnest(redo) FROM schemadiff_kept_acl WHERE obj = ");
	kept_ref(out, o);
	sd_buf_put(out, "::text LOOP\n"
	                "        EXECUTE s;\n"
	                "    END LOOP;\n"
	                "    DELETE FROM schemadiff_kept_acl WHERE obj = ");
	kept_ref(out, o);
	sd_buf_put(out, "::text;\n"
	                "END\n"
	                "$schemadiff$;\n");
}

int sd_pg_emit_logic(sd_buf *out, const sd_op *op, sd_error *err)
{
	const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
	const char *name = o && o->kind != SD_OBJ_TABLE ? too_long(o) : NULL;
	size_t start = out->len;
	int rc;

	if (name)
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, name,
		                    "identifier is %zu bytes long; PostgreSQL "
		                    "allows %d and would silently truncate it",
		                    strlen(name), PG_MAX_IDENT);
	switch (op->kind) {
	case SD_OP_CREATE_OBJECT:
		rc = create_object(out, op->obj_new, err);
		if (rc == SD_OK && op->keep_acl)
			keep_restore(out, op->obj_new);
		break;
	case SD_OP_DROP_OBJECT:
		if (op->keep_acl)
			keep_save(out, op->obj_old);
		rc = drop_object(out, op->obj_old, err);
		break;
	case SD_OP_REPLACE_OBJECT:
		rc = replace_object(out, op->obj_old, op->obj_new, err);
		break;
	default:
		rc = sd_error_set(err, SD_EINPUT,
		                  "PostgreSQL: %s is not a logic operation",
		                  sd_op_kind_name(op->kind));
		break;
	}
	if (rc != SD_OK)
		sd_buf_truncate(out, start);
	return rc;
}

bool sd_pg_logic_comment(sd_buf *out, const sd_object *o, const char *text)
{
	const char *table = NULL, *what = NULL;

	switch (o->kind) {
	case SD_OBJ_VIEW:
		sd_buf_printf(out, "COMMENT ON %s ",
		              view_word((const sd_view *)o));
		qname(out, o->schema, o->name);
		comment_is(out, text);
		return true;
	case SD_OBJ_FUNCTION:
		sd_buf_printf(out, "COMMENT ON %s ",
		              function_word((const sd_function *)o));
		function_ref(out, (const sd_function *)o);
		comment_is(out, text);
		return true;
	case SD_OBJ_TRIGGER:
		what = "TRIGGER";
		table = ((const sd_trigger *)o)->table;
		break;
	case SD_OBJ_POLICY:
		what = "POLICY";
		table = ((const sd_policy *)o)->table;
		break;
	case SD_OBJ_RULE:
		what = "RULE";
		table = ((const sd_rule *)o)->table;
		break;
	case SD_OBJ_EVENT_TRIGGER:
		sd_buf_put(out, "COMMENT ON EVENT TRIGGER ");
		ident(out, o->name);
		comment_is(out, text);
		return true;
	default:
		return false;
	}
	on_table(out, "COMMENT ON", what, o, table);
	comment_is(out, text);
	return true;
}
