/*
 * logic.c - the differ's pass over views, functions, triggers, policies,
 * rules, row-level security and grants (model/logic.h).
 *
 * Objects are matched by their key (a function by name and argument
 * types; a trigger, policy or rule by its table, through the plan's table
 * renames, and name) and compared by meaning: the server's canonical text
 * where both sides have one, the SQL folded otherwise. A changed object is
 * replaced in place where the dialect can (CREATE OR REPLACE, only for
 * changes PostgreSQL accepts that way) and dropped and created otherwise;
 * what depends on a dropped one is taken along by depend.c.
 */
#include "diff/differ.h"
#include "model/logic.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* The qualified name a table of `from` has in `to` (renames applied). */
static const char *to_table_name(dctx *c, const char *schema,
                                 const char *table)
{
	const char *q = sd_diff_qname(c, schema, table);
	tpair *tp = sd_map_get(c->old_tp, q);

	return tp ? sd_diff_tname(c, tp->new_) : q;
}

const sd_table *sd_diff_to_table(dctx *c, const char *qname)
{
	tpair *tp = sd_map_get(c->new_tp, qname);
	size_t i;

	if (tp)
		return tp->new_;
	for (i = 0; i < c->created.n; i++) {
		const sd_table *t = c->created.items[i];
		if (strcmp(sd_diff_tname(c, t), qname) == 0)
			return t;
	}
	return NULL;
}

/* The key an object is matched by: a from-side object's table through
 * the renames, so that it meets its to-side self. */
static const char *match_key(dctx *c, const sd_object *o, bool from_side)
{
	const char *table = NULL;

	switch (o->kind) {
	case SD_OBJ_TRIGGER:
		table = ((const sd_trigger *)o)->table;
		break;
	case SD_OBJ_POLICY:
		table = ((const sd_policy *)o)->table;
		break;
	case SD_OBJ_RULE:
		table = ((const sd_rule *)o)->table;
		break;
	case SD_OBJ_FUNCTION:
		return sd_arena_printf(c->a, "%s.%s",
		                       o->schema ? o->schema : "",
		                       sd_function_key(c->a,
		                                       (const sd_function *)o));
	default:
		return sd_diff_qname(c, o->schema, o->name);
	}
	return sd_arena_printf(c->a, "%d %s %s", (int)o->kind,
	                       from_side ? to_table_name(c, o->schema, table)
	                                 : sd_diff_qname(c, o->schema, table),
	                       o->name);
}

static sd_op *object_op(dctx *c, sd_op_kind kind, const sd_object *o,
                        const sd_object *n, int phase)
{
	sd_op *op = sd_diff_op_new(c, kind, NULL);

	op->obj_old = o;
	op->obj_new = n;
	sd_diff_emit(c, op, phase);
	return op;
}

/* The phase a drop of o runs in: functions late, after what used them,
 * unless they come back (recreated: early, with their dependants). */
static int drop_phase(const sd_object *o, bool recreated)
{
	return o->kind == SD_OBJ_FUNCTION && !recreated ? PH_DROP_FUNC
	                                                : PH_DROP_LOGIC;
}

static int create_phase(const sd_object *o)
{
	return o->kind == SD_OBJ_FUNCTION ? PH_CREATE_FUNC : PH_CREATE_LOGIC;
}

static void drop_create(dctx *c, const sd_object *o, const sd_object *n)
{
	object_op(c, SD_OP_DROP_OBJECT, o, NULL, drop_phase(o, true));
	object_op(c, SD_OP_CREATE_OBJECT, NULL, n, create_phase(n));
}

static bool str_folded_equal(dctx *c, const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return strcmp(sd_expr_fold(c->scratch, a),
	              sd_expr_fold(c->scratch, b)) == 0;
}

/* A name as the server prints it: bare when it is a plain lower-case
 * word, else quoted. */
static void put_name(sd_buf *b, const char *name)
{
	const char *p = name;

	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '_' ||
		      (p > name && *p >= '0' && *p <= '9')))
			break;
	if (*p || !*name)
		sd_quote_ident_std(b, name);
	else
		sd_buf_put(b, name);
}

/*
 * A `from` side's canonical text with the tables the plan renames under
 * their new names ("FROM t2" -> "FROM t4", "t2.id" -> "t4.id"): the server
 * keeps a view or trigger on a renamed table as it is and prints it so
 * after the rename. NULL when the text names no renamed table.
 */
static const char *through_renames(dctx *c, const char *text)
{
	sd_tokens tk;
	sd_buf b = SD_BUF_INIT;
	const char *last = text, *out = NULL;
	size_t i;

	if (!text || !c->old_tp)
		return NULL;
	sd_tokens_read(&tk, text, c->caps.lang);
	for (i = 0; i < tk.n; i++) {
		const char *schema = NULL;
		tpair *tp;
		if (!sd_tok_is_name(&tk.v[i]))
			continue;
		if (i >= 2 && sd_tok_is(&tk.v[i - 1], ".")) {
			if (!sd_tok_is_name(&tk.v[i - 2]))
				continue;
			schema = sd_namespace_key(
				sd_tok_ident(c->scratch, &tk.v[i - 2], true));
		}
		tp = sd_map_get(c->old_tp,
		                sd_diff_qname(c, schema,
		                              sd_tok_ident(c->scratch, &tk.v[i],
		                                           true)));
		if (!tp || !tp->renamed ||
		    !sd_streq(tp->old->base.schema, tp->new_->base.schema))
			continue;
		sd_buf_putn(&b, last, (size_t)(tk.v[i].s - last));
		put_name(&b, tp->new_->base.name);
		last = tk.v[i].s + tk.v[i].n;
	}
	if (b.len) {
		sd_buf_put(&b, last);
		out = sd_arena_strdup(c->a, sd_buf_cstr(&b));
	}
	sd_buf_free(&b);
	sd_tokens_free(&tk);
	return out;
}

/* Statement text (a view's query, a trigger's WHEN and body) by meaning:
 * the server's canon where both sides have one (the `from` side's through
 * the plan's table renames), else folded as a whole statement in the
 * dialect's lexer (blanks, case, comments, a final ';' and needless
 * quotes aside). */
static bool sql_text_equal(dctx *c, const char *a, const char *a_canon,
                           const char *b, const char *b_canon)
{
	if (!a || !b)
		return !a && !b;
	if (a_canon && b_canon) {
		const char *r;
		if (strcmp(a_canon, b_canon) == 0)
			return true;
		r = through_renames(c, a_canon);
		return r && strcmp(r, b_canon) == 0;
	}
	return strcmp(sd_sql_fold(c->scratch, a, c->caps.lang),
	              sd_sql_fold(c->scratch, b, c->caps.lang)) == 0;
}

static bool sql_expr_equal(dctx *c, const sd_expr *a, const sd_expr *b)
{
	return sql_text_equal(c, a->sql, a->canon, b->sql, b->canon);
}

/* A relation that stands for a view in index and comment operations. */
static sd_table *view_rel(dctx *c, const sd_view *v)
{
	sd_table *t = sd_arena_alloc(c->a, sizeof(*t));

	t->base.kind = SD_OBJ_TABLE;
	t->base.schema = v->base.schema;
	t->base.name = v->base.name;
	return t;
}

static void comment_op(dctx *c, const sd_object *o, const sd_object *n)
{
	sd_diff_comment_object(c, NULL, o, n);
}

/* ------------------------------------------------------------------ */
/* Views                                                               */
/* ------------------------------------------------------------------ */

/* Every column default of a is b's too. */
static bool view_defaults_equal(dctx *c, const sd_view *a, const sd_view *b)
{
	size_t i;

	for (i = 0; i < a->ncolumns; i++) {
		const sd_column *x = a->columns[i];
		const sd_column *y = sd_view_column(b, x->base.name);
		if (x->default_value.sql &&
		    !(y && sd_expr_equal(c->scratch, &x->default_value,
		                         &y->default_value)))
			return false;
	}
	return true;
}

/* A view's storage parameters, but for security_barrier=on and the
 * like: their meaning is in the fields compared beside. */
static bool view_options_equal(dctx *c, const sd_view *o, const sd_view *n)
{
	sd_strlist x = {0}, y = {0};
	sd_view scratch = {0};
	size_t i;

	for (i = 0; i < o->options.n; i++)
		if (!sd_view_flag_option(&scratch, o->options.items[i]))
			sd_strlist_push(c->a, &x, o->options.items[i]);
	for (i = 0; i < n->options.n; i++)
		if (!sd_view_flag_option(&scratch, n->options.items[i]))
			sd_strlist_push(c->a, &y, n->options.items[i]);
	return sd_strlist_same_set(&x, &y);
}

/* Whether a materialized view's storage parameters and its columns'
 * settings change in place (ALTER MATERIALIZED VIEW), so that its
 * definition is compared without them. */
static bool matview_settings(dctx *c, const sd_view *o, const sd_view *n)
{
	return c->caps.table_settings && o->materialized && n->materialized;
}

static bool view_equal(dctx *c, const sd_view *o, const sd_view *n)
{
	if (o->materialized != n->materialized ||
	    !sql_expr_equal(c, &o->query, &n->query) ||
	    !sd_streq(o->check_option, n->check_option) ||
	    o->security_barrier != n->security_barrier ||
	    o->security_invoker != n->security_invoker ||
	    (!matview_settings(c, o, n) && !view_options_equal(c, o, n)) ||
	    (o->materialized && o->no_data != n->no_data))
		return false;
	/* a server's text holds the column names as aliases */
	if (!(o->query.canon && n->query.canon) &&
	    !sd_strlist_iequal(&o->column_names, &n->column_names))
		return false;
	return view_defaults_equal(c, o, n) && view_defaults_equal(c, n, o);
}

/* CREATE OR REPLACE VIEW keeps the old columns (names and types) in
 * order and may append new ones; anything else is a drop and create. */
static bool view_replaceable(dctx *c, const sd_view *o, const sd_view *n)
{
	size_t i;

	if (!c->caps.or_replace || o->materialized || n->materialized ||
	    !o->ncolumns || o->ncolumns > n->ncolumns)
		return false;
	for (i = 0; i < o->ncolumns; i++) {
		const sd_column *x = o->columns[i], *y = n->columns[i];
		if (!sd_streq(x->base.name, y->base.name) || !x->type_sql ||
		    !y->type_sql || !sd_streq(x->type_sql, y->type_sql))
			return false;
	}
	return true;
}

/* Comments of a view and of its columns that differ. */
static void view_comments(dctx *c, const sd_view *o, const sd_view *n)
{
	size_t i;

	comment_op(c, &o->base, &n->base);
	if (!c->caps.comments)
		return;
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *y = n->columns[i];
		const sd_column *x = sd_view_column(o, y->base.name);
		sd_op *op;
		if (sd_streq(x ? sd_column_x(x)->comment : NULL, sd_column_x(y)->comment))
			continue;
		op = sd_diff_op_new(c, SD_OP_SET_COMMENT, view_rel(c, n));
		op->column_old = x;
		op->column_new = y;
		op->name_old = x ? sd_column_x(x)->comment : NULL;
		op->name_new = sd_column_x(y)->comment;
		sd_diff_emit(c, op, PH_COMMENT);
	}
	for (i = 0; i < o->ncolumns; i++) {
		const sd_column *x = o->columns[i];
		sd_op *op;
		if (!sd_column_x(x)->comment || sd_view_column(n, x->base.name))
			continue;
		op = sd_diff_op_new(c, SD_OP_SET_COMMENT, view_rel(c, n));
		op->column_old = x;
		op->column_new = x;
		op->name_old = sd_column_x(x)->comment;
		op->name_new = NULL;
		sd_diff_emit(c, op, PH_COMMENT);
	}
}

static const sd_index *view_index(const sd_view *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->nindexes; i++)
		if (sd_streq(v->indexes[i]->base.name, name))
			return v->indexes[i];
	return NULL;
}

/* The indexes of a materialized view that stays. */
static void view_indexes(dctx *c, const sd_view *o, const sd_view *n)
{
	sd_table *rel = view_rel(c, n);
	size_t i;

	for (i = 0; i < o->nindexes; i++) {
		const sd_index *x = o->indexes[i];
		const sd_index *y = view_index(n, x->base.name);
		sd_op *op;
		if (y && sd_diff_index_equal(c, NULL, &x->base, &y->base)) {
			sd_diff_comment_object(c, rel, &x->base, &y->base);
			continue;
		}
		op = sd_diff_op_new(c, SD_OP_DROP_INDEX, rel);
		op->obj_old = &x->base;
		sd_diff_emit(c, op, PH_DROP_CONS);
	}
	for (i = 0; i < n->nindexes; i++) {
		const sd_index *y = n->indexes[i];
		const sd_index *x = view_index(o, y->base.name);
		sd_op *op;
		if (x && sd_diff_index_equal(c, NULL, &x->base, &y->base))
			continue;
		op = sd_diff_op_new(c, SD_OP_CREATE_INDEX, rel);
		op->obj_new = &y->base;
		sd_diff_emit(c, op, PH_CREATE_LOGIC);
	}
}

/*
 * A materialized view that stays: its storage parameters (SET / RESET)
 * and the STORAGE, COMPRESSION, SET STATISTICS and attribute options of
 * its columns, in one ALTER_OBJECT whose `changes` say which
 * (SD_CHANGE_OPTIONS, SD_CHANGE_STORAGE). A view created again gets
 * them with its creation.
 */
static void view_settings(dctx *c, const sd_view *o, const sd_view *n)
{
	unsigned changes = 0;
	size_t i;
	sd_op *op;

	if (!matview_settings(c, o, n))
		return;
	if (!sd_options_same(&o->options, &n->options))
		changes |= SD_CHANGE_OPTIONS;
	for (i = 0; i < n->ncolumns; i++) {
		const sd_column *x = sd_view_column(o, n->columns[i]->base.name);
		if (x && !sd_diff_column_settings_equal(x, n->columns[i]))
			changes |= SD_CHANGE_STORAGE;
	}
	if (!changes)
		return;
	op = object_op(c, SD_OP_ALTER_OBJECT, &o->base, &n->base,
	               PH_CREATE_LOGIC);
	op->changes = changes;
}

static void diff_view(dctx *c, const sd_view *o, const sd_view *n)
{
	if (view_equal(c, o, n)) {
		view_settings(c, o, n);
		view_comments(c, o, n);
		if (n->materialized)
			view_indexes(c, o, n);
	} else if (view_replaceable(c, o, n)) {
		object_op(c, SD_OP_REPLACE_OBJECT, &o->base, &n->base,
		          PH_CREATE_LOGIC);
		view_comments(c, o, n);
	} else {
		drop_create(c, &o->base, &n->base);
	}
}

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

static double number(const char *text, const char *dflt)
{
	return strtod(text ? text : dflt, NULL);
}

static bool args_equal(dctx *c, const sd_function *o, const sd_function *n)
{
	size_t i;

	if (o->canon_args && n->canon_args)
		return strcmp(o->canon_args, n->canon_args) == 0;
	if (o->nargs != n->nargs)
		return false;
	for (i = 0; i < o->nargs; i++) {
		const sd_func_arg *x = &o->args[i], *y = &n->args[i];
		if (x->mode != y->mode || !sd_streq(x->name, y->name) ||
		    !str_folded_equal(c, x->type, y->type) ||
		    !str_folded_equal(c, x->default_sql, y->default_sql))
			return false;
	}
	return true;
}

static bool result_equal(dctx *c, const sd_function *o,
                         const sd_function *n)
{
	if (o->canon_result && n->canon_result)
		return strcmp(o->canon_result, n->canon_result) == 0;
	return str_folded_equal(c, o->returns, n->returns);
}

static bool body_equal(const sd_function *o, const sd_function *n)
{
	if (o->sql_body != n->sql_body || o->aggregate != n->aggregate)
		return false;
	if ((o->sql_body || o->aggregate) && o->canon_body && n->canon_body)
		return strcmp(o->canon_body, n->canon_body) == 0;
	return sd_streq(o->body, n->body);
}

static bool function_equal(dctx *c, const sd_function *o,
                           const sd_function *n)
{
	/* an aggregate is its arguments and options */
	if (o->aggregate || n->aggregate)
		return args_equal(c, o, n) && body_equal(o, n);
	return o->procedure == n->procedure && args_equal(c, o, n) &&
	       result_equal(c, o, n) && body_equal(o, n) &&
	       sd_strieq(o->language, n->language) &&
	       o->volatility == n->volatility && o->parallel == n->parallel &&
	       o->strict == n->strict &&
	       o->security_definer == n->security_definer &&
	       o->leakproof == n->leakproof &&
	       number(o->cost, sd_function_default_cost(o)) ==
	               number(n->cost, sd_function_default_cost(n)) &&
	       number(o->rows, sd_function_default_rows(o)) ==
	               number(n->rows, sd_function_default_rows(n)) &&
	       sd_strlist_same_set(&o->config, &n->config);
}

/*
 * What CREATE OR REPLACE FUNCTION accepts: the same kind, result and
 * argument names and modes, and no default taken away.
 */
static bool function_replaceable(dctx *c, const sd_function *o,
                                 const sd_function *n)
{
	size_t i;

	if (!c->caps.or_replace || o->procedure != n->procedure ||
	    o->aggregate || n->aggregate ||
	    !result_equal(c, o, n) || o->nargs != n->nargs)
		return false;
	for (i = 0; i < o->nargs; i++) {
		const sd_func_arg *x = &o->args[i], *y = &n->args[i];
		if (x->mode != y->mode || !sd_streq(x->name, y->name) ||
		    (x->default_sql && !y->default_sql))
			return false;
		if ((x->mode == SD_ARG_OUT || x->mode == SD_ARG_INOUT) &&
		    !str_folded_equal(c, x->type, y->type))
			return false;
	}
	return true;
}

static void diff_function(dctx *c, const sd_function *o,
                          const sd_function *n)
{
	if (function_equal(c, o, n))
		comment_op(c, &o->base, &n->base);
	else if (function_replaceable(c, o, n)) {
		object_op(c, SD_OP_REPLACE_OBJECT, &o->base, &n->base,
		          PH_CREATE_FUNC);
		comment_op(c, &o->base, &n->base);
	} else
		drop_create(c, &o->base, &n->base);
}

/* ------------------------------------------------------------------ */
/* Triggers, policies, rules                                           */
/* ------------------------------------------------------------------ */

static bool trigger_equal(dctx *c, const sd_trigger *o, const sd_trigger *n)
{
	if (o->definition.canon && n->definition.canon)
		return sql_text_equal(c, o->definition.canon,
		                      o->definition.canon, n->definition.canon,
		                      n->definition.canon);
	return sd_streq(o->timing, n->timing) && o->events == n->events &&
	       sd_strlist_equal(&o->columns, &n->columns) &&
	       (o->each_row == n->each_row || c->caps.row_triggers_only) &&
	       sd_expr_equal(c->scratch, &o->when, &n->when) &&
	       str_folded_equal(c, o->function, n->function) &&
	       sd_strlist_equal(&o->arguments, &n->arguments) &&
	       o->constraint == n->constraint &&
	       o->deferrable == n->deferrable &&
	       o->initially_deferred == n->initially_deferred &&
	       sd_streq(o->old_table, n->old_table) &&
	       sd_streq(o->new_table, n->new_table) &&
	       sql_text_equal(c, o->body, NULL, n->body, NULL);
}

/* A trigger or event trigger: a changed definition is a drop and create,
 * a state of its own (ENABLE / DISABLE ...) an ALTER. */
static void diff_enabled(dctx *c, const sd_object *o, const sd_object *n,
                         bool same, char was, char is)
{
	if (!same) {
		drop_create(c, o, n);
		return;
	}
	if (was != is)
		object_op(c, SD_OP_REPLACE_OBJECT, o, n, PH_CREATE_LOGIC);
	comment_op(c, o, n);
}

static bool policy_equal(dctx *c, const sd_policy *o, const sd_policy *n)
{
	return o->restrictive == n->restrictive &&
	       sd_streq(o->command, n->command) &&
	       sd_strlist_same_set(&o->roles, &n->roles) &&
	       sd_expr_equal(c->scratch, &o->using_, &n->using_) &&
	       sd_expr_equal(c->scratch, &o->with_check, &n->with_check);
}

static bool rule_equal(dctx *c, const sd_rule *o, const sd_rule *n)
{
	if (o->definition.canon && n->definition.canon)
		return strcmp(o->definition.canon, n->definition.canon) == 0;
	return sd_streq(o->event, n->event) && o->instead == n->instead &&
	       sd_expr_equal(c->scratch, &o->where, &n->where) &&
	       str_folded_equal(c, o->actions, n->actions);
}

/* An event trigger is its event, tags and function. */
static bool event_trigger_equal(dctx *c, const sd_event_trigger *o,
                                const sd_event_trigger *n)
{
	return sd_streq(o->event, n->event) &&
	       sd_strlist_same_set(&o->tags, &n->tags) &&
	       str_folded_equal(c, o->function, n->function);
}

static void diff_pair(dctx *c, const sd_object *o, const sd_object *n)
{
	switch (n->kind) {
	case SD_OBJ_VIEW:
		diff_view(c, (const sd_view *)o, (const sd_view *)n);
		break;
	case SD_OBJ_FUNCTION:
		diff_function(c, (const sd_function *)o,
		              (const sd_function *)n);
		break;
	case SD_OBJ_TRIGGER:
		diff_enabled(c, o, n,
		             trigger_equal(c, (const sd_trigger *)o,
		                           (const sd_trigger *)n),
		             ((const sd_trigger *)o)->enabled,
		             ((const sd_trigger *)n)->enabled);
		break;
	case SD_OBJ_EVENT_TRIGGER:
		diff_enabled(c, o, n,
		             event_trigger_equal(c, (const sd_event_trigger *)o,
		                                 (const sd_event_trigger *)n),
		             ((const sd_event_trigger *)o)->enabled,
		             ((const sd_event_trigger *)n)->enabled);
		break;
	case SD_OBJ_POLICY:
		if (!policy_equal(c, (const sd_policy *)o,
		                  (const sd_policy *)n))
			drop_create(c, o, n);
		else
			comment_op(c, o, n);
		break;
	case SD_OBJ_RULE:
		if (!rule_equal(c, (const sd_rule *)o, (const sd_rule *)n))
			drop_create(c, o, n);
		else
			comment_op(c, o, n);
		break;
	default:
		break;
	}
}

/*
 * Matches the objects of one kind: in both (diff_pair), only in `to`
 * (create), only in `from` (drop, when the plan drops what the target
 * does not list).
 */
static void diff_kind(dctx *c, sd_object *const *from, size_t nf,
                      sd_object *const *to, size_t nt)
{
	sd_map *fm = sd_map_new(c->a, nf + 1), *taken = sd_map_new(c->a, nt + 1);
	size_t i;

	for (i = 0; i < nf; i++)
		sd_map_put(fm, match_key(c, from[i], true), from[i]);
	for (i = 0; i < nt; i++) {
		const char *k = match_key(c, to[i], false);
		const sd_object *o = sd_map_get(fm, k);
		if (o) {
			sd_map_put(taken, k, (void *)o);
			diff_pair(c, o, to[i]);
		} else {
			object_op(c, SD_OP_CREATE_OBJECT, NULL, to[i],
			          create_phase(to[i]));
		}
	}
	for (i = 0; i < nf; i++)
		if (c->opts->drop_unlisted &&
		    !sd_map_get(taken, match_key(c, from[i], true)))
			object_op(c, SD_OP_DROP_OBJECT, from[i], NULL,
			          drop_phase(from[i], false));
}

/* ENABLE / FORCE ROW LEVEL SECURITY of the tables both sides have. */
static void diff_row_security(dctx *c)
{
	size_t i;

	for (i = 0; i < c->pairs.n; i++) {
		const tpair *tp = c->pairs.items[i];
		sd_op *op;
		if (tp->old->row_security == tp->new_->row_security &&
		    tp->old->force_row_security == tp->new_->force_row_security)
			continue;
		op = sd_diff_op_new(c, SD_OP_REPLACE_OBJECT, tp->new_);
		op->obj_old = &tp->old->base;
		op->obj_new = &tp->new_->base;
		sd_diff_emit(c, op, PH_CREATE_LOGIC);
	}
}

#define KIND(l, arr, n) (sd_object *const *)(void *)(l)->arr, (l)->n

void sd_diff_logic(dctx *c)
{
	const sd_logic *f = sd_logic_of(c->from), *t = sd_logic_of(c->to);

	diff_kind(c, KIND(f, functions, nfunctions), KIND(t, functions,
	                                                  nfunctions));
	diff_kind(c, KIND(f, views, nviews), KIND(t, views, nviews));
	diff_kind(c, KIND(f, triggers, ntriggers), KIND(t, triggers,
	                                                ntriggers));
	diff_kind(c, KIND(f, policies, npolicies), KIND(t, policies,
	                                                npolicies));
	diff_kind(c, KIND(f, rules, nrules), KIND(t, rules, nrules));
	diff_kind(c, KIND(f, event_triggers, nevent_triggers),
	          KIND(t, event_triggers, nevent_triggers));
	diff_row_security(c);
}

/* ------------------------------------------------------------------ */
/* Grants                                                              */
/* ------------------------------------------------------------------ */

/* Relations share one namespace (and one ACL), whatever the models call
 * them; functions and procedures too. */
static const char *grant_class(const char *on)
{
	if (sd_streq(on, "table") || sd_streq(on, "view") ||
	    sd_streq(on, "materialized view") || sd_streq(on, "sequence"))
		return "rel";
	if (sd_streq(on, "function") || sd_streq(on, "procedure"))
		return "func";
	return on;
}

static const char *grant_key(dctx *c, const sd_grant *g, bool from_side)
{
	const char *name = g->base.name;

	if (from_side && sd_streq(grant_class(g->on), "rel")) {
		const char *q = to_table_name(c, g->base.schema, name);
		return sd_arena_printf(c->a, "rel|%s|%s|%s|%s|%d%d", q,
		                       g->column ? g->column : "", g->grantee,
		                       g->privilege, g->grant_option,
		                       g->revoked);
	}
	return sd_arena_printf(c->a, "%s|%s|%s|%s|%s|%d%d", grant_class(g->on),
	                       sd_diff_qname(c, g->base.schema, name),
	                       g->column ? g->column : "", g->grantee,
	                       g->privilege, g->grant_option, g->revoked);
}

/* The key of the object a grant is on, as depend.c names objects. */
static const char *grant_object_key(dctx *c, const sd_grant *g)
{
	const char *cls = grant_class(g->on);

	if (sd_streq(cls, "rel"))
		return sd_objkey(c->a, SD_KEY_REL, g->base.schema, g->base.name,
		                 NULL);
	if (sd_streq(cls, "func"))
		return sd_objkey(c->a, SD_KEY_FUNCTION, g->base.schema,
		                 g->base.name, NULL);
	if (sd_streq(cls, "type"))
		return sd_objkey(c->a, SD_KEY_TYPE, g->base.schema,
		                 g->base.name, NULL);
	return NULL;
}

/* Queues the grant or revoke of g; it comes after the creation of its
 * object and before its drop (deps: the `from` or the `to` side's). */
static void grant_op(dctx *c, const sd_grant *g, const char *object,
                     bool create)
{
	sd_dep *d;

	if (object) {
		d = sd_arena_alloc(c->a, sizeof(*d));
		d->dependent = sd_logic_key(c->a, &g->base);
		d->referenced = object;
		sd_vec_push(c->a, create ? &c->to_deps : &c->from_deps, d);
	}
	if (create)
		object_op(c, SD_OP_CREATE_OBJECT, NULL, &g->base,
		          PH_CREATE_LOGIC);
	else
		object_op(c, SD_OP_DROP_OBJECT, &g->base, NULL, PH_DROP_LOGIC);
}

/* The key of g's object whatever the grant: an owner's. */
static const char *owner_key(dctx *c, const sd_grant *g, bool from_side)
{
	sd_grant k = *g;

	k.grantee = "";
	k.privilege = SD_GRANT_OWNER;
	k.column = NULL;
	k.grant_option = k.revoked = false;
	return grant_key(c, &k, from_side);
}

/* One side's owner grants, by owner_key. */
static sd_map *owners_of(dctx *c, const sd_logic *l, bool from_side)
{
	sd_map *owners = sd_map_new(c->a, 16);
	size_t i;

	for (i = 0; i < l->ngrants; i++)
		if (sd_grant_is_owner(l->grants[i]))
			sd_map_put(owners, owner_key(c, l->grants[i], from_side),
			           l->grants[i]);
	return owners;
}

/* A privilege granted to the object's own owner: the owner has every
 * privilege (the catalog lists none of them), so it is no grant. */
static bool owners_right(dctx *c, sd_map *owners, const sd_grant *g,
                         bool from_side)
{
	const sd_grant *o;

	if (sd_grant_is_owner(g) || g->column)
		return false;
	o = sd_map_get(owners, owner_key(c, g, from_side));
	return o && sd_streq(o->grantee, g->grantee);
}

/*
 * An object that stays and changes hands: one ALTER ... OWNER TO the new
 * owner (its inverse gives it back), not a hand-back to the role running
 * the migration and a hand-over. Both are put in the other side's map so
 * that the set difference below passes over them.
 */
static void owner_changes(dctx *c, sd_map *owners, const sd_logic *t,
                          sd_map *dropped, sd_map *created, sd_map *fm,
                          sd_map *tm)
{
	size_t i;

	for (i = 0; i < t->ngrants; i++) {
		const sd_grant *n = t->grants[i], *o;
		const char *ok = grant_object_key(c, n);
		if (!sd_grant_is_owner(n) ||
		    !(o = sd_map_get(owners, owner_key(c, n, false))) ||
		    sd_streq(o->grantee, n->grantee) ||
		    (ok && (sd_map_get(dropped, ok) || sd_map_get(created, ok))))
			continue;
		object_op(c, SD_OP_REPLACE_OBJECT, &o->base, &n->base,
		          PH_CREATE_LOGIC);
		sd_map_put(tm, grant_key(c, o, true), (void *)o);
		sd_map_put(fm, grant_key(c, n, false), (void *)n);
	}
}

/*
 * Grants left alone (no `privileges: true`) must survive a view or
 * function the plan drops and creates again: both ops keep its grants
 * and owner (sd_op.keep_acl), read by the database at the drop.
 */
static void keep_acls(dctx *c)
{
	sd_map *dropped = sd_map_new(c->a, 16);
	size_t i;

	for (i = 0; i < c->pending.n; i++) {
		sd_op *op = ((pending *)c->pending.items[i])->op;
		if (op->kind == SD_OP_DROP_OBJECT &&
		    (op->obj_old->kind == SD_OBJ_VIEW ||
		     op->obj_old->kind == SD_OBJ_FUNCTION))
			sd_map_put(dropped, sd_logic_key(c->a, op->obj_old), op);
	}
	for (i = 0; i < c->pending.n; i++) {
		sd_op *op = ((pending *)c->pending.items[i])->op, *d;
		if (op->kind == SD_OP_CREATE_OBJECT &&
		    (op->obj_new->kind == SD_OBJ_VIEW ||
		     op->obj_new->kind == SD_OBJ_FUNCTION) &&
		    (d = sd_map_get(dropped, sd_logic_key(c->a, op->obj_new)))) {
			d->keep_acl = op->keep_acl = true;
		}
	}
}

/* A DROP_TABLE's or CREATE_TABLE's table, by key, into `dropped` or
 * `created`. */
static void table_dropped_or_created(dctx *c, const sd_op *op,
                                     sd_map *dropped, sd_map *created)
{
	if (op->kind == SD_OP_DROP_TABLE && op->table_old)
		sd_map_put(dropped,
		           sd_objkey(c->a, SD_KEY_REL, op->table_old->base.schema,
		                     op->table_old->base.name, NULL),
		           (void *)op);
	else if (op->kind == SD_OP_CREATE_TABLE && op->table_new)
		sd_map_put(created,
		           sd_objkey(c->a, SD_KEY_REL, op->table_new->base.schema,
		                     op->table_new->base.name, NULL),
		           (void *)op);
}

/*
 * Grants (only with `privileges: true`, and only where both sides know
 * theirs): the set difference, by object, column, grantee, privilege
 * and grant option. An object the plan drops takes its grants along and
 * one it creates gets its own: those are revoked before the drop and
 * granted after the create explicitly, so that the downgrade gets them
 * back too.
 */
void sd_diff_grants(dctx *c)
{
	const sd_logic *f = sd_logic_of(c->from), *t = sd_logic_of(c->to);
	sd_map *fm, *tm, *dropped, *created, *fo, *to;
	size_t i;

	if (!c->opts->privileges || !f->privileges || !t->privileges) {
		keep_acls(c);
		return;
	}
	fm = sd_map_new(c->a, f->ngrants + 1);
	tm = sd_map_new(c->a, t->ngrants + 1);
	dropped = sd_map_new(c->a, 16);
	created = sd_map_new(c->a, 16);
	/* objects the plan drops or creates, by key */
	for (i = 0; i < c->pending.n; i++) {
		const sd_op *op = ((pending *)c->pending.items[i])->op;
		const sd_object *o = op->obj_old, *n = op->obj_new;
		size_t k;
		if (op->kind == SD_OP_DROP_OBJECT && o->kind != SD_OBJ_GRANT)
			sd_map_put(dropped, sd_logic_key(c->a, o), (void *)o);
		else if (op->kind == SD_OP_CREATE_OBJECT &&
		         n->kind != SD_OBJ_GRANT)
			sd_map_put(created, sd_logic_key(c->a, n), (void *)n);
		else
			table_dropped_or_created(c, op, dropped, created);
		/* the partitions a recreated table drops and creates */
		for (k = 0; op->kind == SD_OP_REBUILD_TABLE && k < op->nfolded;
		     k++)
			table_dropped_or_created(c, op->folded[k], dropped,
			                         created);
	}
	fo = owners_of(c, f, true);
	to = owners_of(c, t, false);
	for (i = 0; i < f->ngrants; i++)
		sd_map_put(fm, grant_key(c, f->grants[i], true), f->grants[i]);
	for (i = 0; i < t->ngrants; i++)
		sd_map_put(tm, grant_key(c, t->grants[i], false), t->grants[i]);
	owner_changes(c, fo, t, dropped, created, fm, tm);
	for (i = 0; i < f->ngrants; i++) {
		const sd_grant *g = f->grants[i];
		const char *ok = grant_object_key(c, g);
		if (owners_right(c, fo, g, true) ||
		    (!(ok && sd_map_get(dropped, ok)) &&
		     sd_map_get(tm, grant_key(c, g, true))))
			continue;
		grant_op(c, g, ok, false);
	}
	for (i = 0; i < t->ngrants; i++) {
		const sd_grant *g = t->grants[i];
		const char *ok = grant_object_key(c, g);
		if (owners_right(c, to, g, false) ||
		    (!(ok && sd_map_get(created, ok)) &&
		     sd_map_get(fm, grant_key(c, g, false))))
			continue;
		grant_op(c, g, ok, true);
	}
}
