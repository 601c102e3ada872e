/*
 * pg_live.c - what the models already say in the catalog's own words
 * needs no round trip.
 *
 * Models written by `dump`, or kept in step with the database, spell most
 * defaults, checks, index expressions, predicates and verbatim types the
 * way the server prints them. Where a model object's text is exactly the
 * text of the same-named object of the live catalog (on a table whose
 * columns have the same types, so the expression means the same), the
 * live canonical form is the model's too, and the scratch schema is not
 * asked. Only what differs, or what the catalog lacks, goes to the server.
 */
#include "normalize/pgnorm.h"

#include <string.h>

#include "util/sql.h"

/* name, or "name" quoted, equals want. */
static bool name_is(const char *name, size_t n, const char *want)
{
	size_t w = strlen(want);

	if (n >= 2 && name[0] == '"' && name[n - 1] == '"')
		name++, n -= 2;
	return n == w && strncmp(name, want, n) == 0;
}

/*
 * Whether the live default (live_sql) is the model's literal cast to the
 * column's own enum type, as the server stores an enum default that the
 * models (and `dump`) write bare: 'draft' and 'draft'::record_status, or
 * 'x'::billing.status.
 */
static bool enum_default_same(const sd_column *c, const char *model_sql,
                              const char *live_sql)
{
	size_t n = strlen(model_sql);
	const char *rest, *dot;

	if (c->type.kind != SD_T_ENUM || strncmp(live_sql, model_sql, n) != 0)
		return false;
	rest = live_sql + n;
	if (strncmp(rest, "::", 2) != 0)
		return false;
	rest += 2;
	dot = strchr(rest, '.');
	if (!dot)
		return name_is(rest, strlen(rest), c->type.name);
	return c->type.enum_schema &&
	       name_is(rest, (size_t)(dot - rest), c->type.enum_schema) &&
	       name_is(dot + 1, strlen(dot + 1), c->type.name);
}

static const char *copy(sd_schema *models, const char *s)
{
	return sd_arena_strdup(models->arena, s);
}

/* A model column against its live twin: the verbatim type and the
 * default and generation expressions the catalog already spells alike.
 * Returns whether the two columns have the same type and collation. */
static bool adopt_column(pg_norm *nm, sd_column *c, const sd_column *lc)
{
	sd_schema *m = nm->models;

	if (c->type.kind == SD_T_RAW && c->type.name && lc->type_sql &&
	    sd_words_eq(c->type.name, lc->type_sql)) {
		c->type = lc->type;
		c->type.name = copy(m, lc->type.name);
		c->type.enum_schema = copy(m, lc->type.enum_schema);
		sd_map_put(nm->resolved, sd_pgnorm_key(nm, c), c);
	}
	if (c->type.kind == SD_T_RAW && !sd_map_get(nm->resolved,
	                                            sd_pgnorm_key(nm, c)))
		return false;
	if (!sd_type_equal(&c->type, &lc->type) ||
	    !sd_streq(sd_column_x(c)->collation, sd_column_x(lc)->collation))
		return false;
	if (c->default_value.sql && lc->default_value.sql &&
	    (strcmp(c->default_value.sql, lc->default_value.sql) == 0 ||
	     enum_default_same(c, c->default_value.sql,
	                       lc->default_value.sql)))
		c->default_value.canon = copy(m, lc->default_value.canon
		                                     ? lc->default_value.canon
		                                     : lc->default_value.sql);
	if (sd_column_x(c)->generated.sql && sd_column_x(lc)->generated.sql &&
	    strcmp(sd_column_x(c)->generated.sql, sd_column_x(lc)->generated.sql) == 0)
		sd_column_xw(m->arena, c)->generated.canon = copy(m, sd_column_x(lc)->generated.sql);
	return true;
}

/* Expression a as the catalog's b: b's text is a's canonical form. */
static bool adopt_expr(sd_schema *m, sd_expr *a, const sd_expr *b)
{
	if (!a->sql && !b->sql)
		return true;
	if (!a->sql || !b->sql || strcmp(a->sql, b->sql) != 0)
		return false;
	a->canon = copy(m, b->sql);
	return true;
}

/* The expressions of model statistics st that the same-named statistics
 * of live table lt spell alike, in the same place. */
static void adopt_statistics(pg_norm *nm, sd_statistics *st,
                             const sd_table *lt)
{
	size_t i, k;

	for (i = 0; i < lt->nstatistics; i++) {
		const sd_statistics *ls = lt->statistics[i];
		if (!sd_streq(ls->base.name, st->base.name) ||
		    !sd_streq(ls->base.schema, st->base.schema) ||
		    ls->nexpressions != st->nexpressions)
			continue;
		for (k = 0; k < st->nexpressions; k++)
			adopt_expr(nm->models, &st->expressions[k],
			           &ls->expressions[k]);
	}
}

/* A model index whose every detail the live one spells the same needs
 * nothing from the server. */
static void adopt_index(pg_norm *nm, sd_index *ix, const sd_index *li)
{
	bool same = ix->nkeys == li->nkeys;
	size_t k;

	for (k = 0; same && k < ix->nkeys; k++) {
		sd_index_key *x = &ix->keys[k];
		const sd_index_key *y = &li->keys[k];
		same = !x->column == !y->column &&
		       (x->column ? sd_streq(x->column, y->column)
		                  : adopt_expr(nm->models, &x->expression,
		                               &y->expression)) &&
		       sd_strieq(x->opclass, y->opclass) &&
		       sd_options_equal(&x->opclass_params,
		                        &y->opclass_params) &&
		       sd_streq(x->collation, y->collation) &&
		       sd_streq(x->op, y->op);
	}
	if (same && adopt_expr(nm->models, &ix->where, &li->where) &&
	    sd_options_same(&ix->storage.with, &li->storage.with))
		sd_map_put(nm->resolved, sd_pgnorm_key(nm, ix), ix);
}

void sd_pgnorm_adopt_live(pg_norm *nm)
{
	size_t i, j;

	if (!nm->live)
		return;
	for (i = 0; i < nm->models->ntables; i++) {
		sd_table *t = nm->models->tables[i];
		const sd_table *lt = sd_schema_find_table(nm->live,
		                                          t->base.schema,
		                                          t->base.name);
		bool same_columns = lt != NULL;
		if (!lt)
			continue;
		for (j = 0; j < t->ncolumns; j++) {
			const sd_column *lc = sd_table_find_column(
				lt, t->columns[j]->base.name);
			if (!lc || !adopt_column(nm, t->columns[j], lc))
				same_columns = false;
		}
		/* expressions over other column types mean other things */
		if (!same_columns)
			continue;
		sd_map_put(nm->same, sd_pgnorm_key(nm, t), t);
		for (j = 0; j < t->nchecks; j++) {
			size_t k;
			for (k = 0; k < lt->nchecks; k++)
				if (sd_streq(lt->checks[k]->base.name,
				             t->checks[j]->base.name))
					adopt_expr(nm->models,
					           &t->checks[j]->expression,
					           &lt->checks[k]->expression);
		}
		for (j = 0; j < t->nindexes; j++) {
			const sd_index *li = sd_table_find_index(
				lt, t->indexes[j]->base.name);
			if (li && li->exclusion == t->indexes[j]->exclusion)
				adopt_index(nm, t->indexes[j], li);
		}
		for (j = 0; j < t->nstatistics; j++)
			adopt_statistics(nm, t->statistics[j], lt);
	}
}

/* ------------------------------------------------------------------ */
/* Views, functions, triggers, policies and rules                      */
/* ------------------------------------------------------------------ */

/* SQL text a and b alike but for blanks around them and a final ';'
 * (the catalog reader trims its texts so; a models file may not). */
static bool text_same(const char *a, const char *b)
{
	size_t na, nb;

	if (!a || !b)
		return !a && !b;
	while (*a == ' ' || *a == '\n' || *a == '\t')
		a++;
	while (*b == ' ' || *b == '\n' || *b == '\t')
		b++;
	na = strlen(a);
	nb = strlen(b);
	while (na && strchr(" \n\t;", a[na - 1]))
		na--;
	while (nb && strchr(" \n\t;", b[nb - 1]))
		nb--;
	return na == nb && strncmp(a, b, na) == 0;
}

static const sd_object *live_twin(pg_norm *nm, sd_map *live,
                                  const sd_object *o)
{
	return sd_map_get(live, sd_logic_key(nm->tmp, o));
}

static bool view_same(const sd_view *v, const sd_view *l)
{
	size_t i;

	if (v->materialized != l->materialized || v->column_names.n ||
	    !v->query.sql || !text_same(v->query.sql, l->query.sql) ||
	    !sd_streq(v->check_option, l->check_option) ||
	    v->security_barrier != l->security_barrier ||
	    v->security_invoker != l->security_invoker ||
	    !sd_strlist_equal(&v->options, &l->options))
		return false;
	for (i = 0; i < v->ncolumns; i++) {
		const sd_column *c = v->columns[i];
		const sd_column *lc = sd_view_column(l, c->base.name);
		if (c->default_value.sql &&
		    !(lc && sd_streq(c->default_value.sql,
		                     lc->default_value.sql)))
			return false;
	}
	return true;
}

/* A function's COST or ROWS as the models give it (NULL: the server's
 * default for it, dflt) against the catalog's. */
static bool setting_same(const char *mine, const char *live, const char *dflt)
{
	if (!live)
		return !mine;
	return strcmp(mine ? mine : dflt, live) == 0;
}

static bool function_same(const sd_function *f, const sd_function *l)
{
	size_t i;

	if (f->procedure != l->procedure || f->sql_body != l->sql_body ||
	    !sd_strieq(f->language, l->language) || f->nargs != l->nargs ||
	    !sd_streq(f->returns, l->returns) ||
	    !(f->sql_body ? text_same(f->body, l->body)
	                  : sd_streq(f->body, l->body)) ||
	    !sd_strlist_equal(&f->config, &l->config) ||
	    !setting_same(f->cost, l->cost, sd_function_default_cost(f)) ||
	    !setting_same(f->rows, l->rows, sd_function_default_rows(f)))
		return false;
	for (i = 0; i < f->nargs; i++) {
		const sd_func_arg *x = &f->args[i], *y = &l->args[i];
		if (x->mode != y->mode || !sd_streq(x->name, y->name) ||
		    !sd_streq(x->type, y->type) ||
		    !sd_streq(x->default_sql, y->default_sql))
			return false;
	}
	return true;
}

static bool trigger_same(const sd_trigger *t, const sd_trigger *l)
{
	return t->function && sd_streq(t->function, l->function) &&
	       sd_strieq(t->timing, l->timing) && t->events == l->events &&
	       sd_strlist_equal(&t->columns, &l->columns) &&
	       t->each_row == l->each_row &&
	       text_same(t->when.sql, l->when.sql) &&
	       sd_strlist_equal(&t->arguments, &l->arguments) &&
	       t->constraint == l->constraint &&
	       t->deferrable == l->deferrable &&
	       t->initially_deferred == l->initially_deferred &&
	       sd_streq(t->old_table, l->old_table) &&
	       sd_streq(t->new_table, l->new_table) && !t->body;
}

static bool policy_same(const sd_policy *p, const sd_policy *l)
{
	return p->restrictive == l->restrictive &&
	       sd_strieq(p->command, l->command) &&
	       sd_strlist_same_set(&p->roles, &l->roles) &&
	       text_same(p->using_.sql, l->using_.sql) &&
	       text_same(p->with_check.sql, l->with_check.sql);
}

static bool rule_same(const sd_rule *r, const sd_rule *l)
{
	return sd_strieq(r->event, l->event) && r->instead == l->instead &&
	       text_same(r->where.sql, l->where.sql) &&
	       text_same(r->actions, l->actions);
}

/* Whether o has a live twin it matches in every text the server would
 * canonicalise. */
static bool logic_same(pg_norm *nm, sd_map *live, const sd_object *o)
{
	const sd_object *l = live_twin(nm, live, o);

	if (!l)
		return false;
	switch (o->kind) {
	case SD_OBJ_VIEW:
		return view_same((const sd_view *)o, (const sd_view *)l);
	case SD_OBJ_FUNCTION:
		return function_same((const sd_function *)o,
		                     (const sd_function *)l);
	case SD_OBJ_TRIGGER:
		return trigger_same((const sd_trigger *)o,
		                    (const sd_trigger *)l);
	case SD_OBJ_POLICY:
		return policy_same((const sd_policy *)o, (const sd_policy *)l);
	case SD_OBJ_RULE:
		return rule_same((const sd_rule *)o, (const sd_rule *)l);
	default:
		return false;
	}
}

/* The live texts copied into model object o (logic_same holds). */
static void logic_adopt(pg_norm *nm, sd_map *live, sd_object *o)
{
	sd_schema *m = nm->models;
	const sd_object *l = live_twin(nm, live, o);

	switch (o->kind) {
	case SD_OBJ_VIEW: {
		sd_view *v = (sd_view *)o;
		v->query.canon = copy(m, ((const sd_view *)l)->query.sql);
		sd_pgn_view_columns(nm, v, (const sd_view *)l);
		break;
	}
	case SD_OBJ_FUNCTION: {
		sd_function *f = (sd_function *)o;
		const sd_function *lf = (const sd_function *)l;
		f->canon_args = copy(m, lf->canon_args);
		f->canon_result = copy(m, lf->canon_result);
		if (f->sql_body)
			f->canon_body = copy(m, lf->canon_body);
		if (!f->cost)
			f->cost = copy(m, lf->cost);
		if (!f->rows)
			f->rows = copy(m, lf->rows);
		break;
	}
	case SD_OBJ_TRIGGER: {
		sd_trigger *t = (sd_trigger *)o;
		const sd_trigger *lt = (const sd_trigger *)l;
		t->definition.canon = copy(m, lt->definition.sql);
		adopt_expr(m, &t->when, &lt->when);
		break;
	}
	case SD_OBJ_POLICY: {
		sd_policy *p = (sd_policy *)o;
		const sd_policy *lp = (const sd_policy *)l;
		if (p->using_.sql)
			p->using_.canon = copy(m, lp->using_.sql);
		if (p->with_check.sql)
			p->with_check.canon = copy(m, lp->with_check.sql);
		sd_strlist_copy(m->arena, &p->roles, &lp->roles);
		break;
	}
	case SD_OBJ_RULE: {
		sd_rule *r = (sd_rule *)o;
		const sd_rule *lr = (const sd_rule *)l;
		r->definition.canon = copy(m, lr->definition.sql);
		if (r->where.sql)
			r->where.canon = copy(m, lr->where.sql);
		break;
	}
	default:
		break;
	}
}

/* Whether every model table the logic names (its SQL, the tables of its
 * triggers, policies and rules) kept its live twin's columns: the same
 * text then means the same thing. */
static bool logic_tables_same(pg_norm *nm)
{
	sd_vec deps = {NULL, 0, 0};
	size_t i;

	sd_logic_lexical_deps(nm->models, SD_SQL_POSTGRES, nm->tmp, &deps);
	for (i = 0; i < deps.n; i++) {
		const sd_dep *d = deps.items[i];
		int kind = sd_objkey_kind(d->referenced);
		const char *p = d->referenced + 2, *q = strchr(p, '\x1f');
		const char *schema, *name, *end;
		const sd_table *t;
		if (kind != SD_KEY_REL && kind != SD_KEY_COLUMN)
			continue;
		schema = q > p ? sd_arena_strndup(nm->tmp, p, (size_t)(q - p))
		               : NULL;
		end = strchr(q + 1, '\x1f');
		name = sd_arena_strndup(nm->tmp, q + 1,
		                        end ? (size_t)(end - q - 1)
		                            : strlen(q + 1));
		t = sd_schema_find_table(nm->models, schema, name);
		if (t && !sd_map_get(nm->same, sd_pgnorm_key(nm, t)))
			return false;
	}
	return true;
}

/* Every view, function, trigger, policy and rule of l, in out. */
static void logic_objects(sd_arena *a, const sd_logic *l, sd_vec *out)
{
	size_t i;

	for (i = 0; i < l->nviews; i++)
		sd_vec_push(a, out, &l->views[i]->base);
	for (i = 0; i < l->nfunctions; i++)
		sd_vec_push(a, out, &l->functions[i]->base);
	for (i = 0; i < l->ntriggers; i++)
		sd_vec_push(a, out, &l->triggers[i]->base);
	for (i = 0; i < l->npolicies; i++)
		sd_vec_push(a, out, &l->policies[i]->base);
	for (i = 0; i < l->nrules; i++)
		sd_vec_push(a, out, &l->rules[i]->base);
}

bool sd_pgnorm_adopt_logic(pg_norm *nm)
{
	sd_vec mine = {NULL, 0, 0}, theirs = {NULL, 0, 0};
	sd_map *live;
	size_t i;

	if (!nm->live)
		return false;
	logic_objects(nm->tmp, sd_logic_of(nm->models), &mine);
	logic_objects(nm->tmp, sd_logic_of(nm->live), &theirs);
	live = sd_map_new(nm->tmp, theirs.n + 1);
	for (i = 0; i < theirs.n; i++)
		sd_map_put(live, sd_logic_key(nm->tmp, theirs.items[i]),
		           theirs.items[i]);
	for (i = 0; i < mine.n; i++)
		if (!logic_same(nm, live, mine.items[i]))
			return false;
	if (!logic_tables_same(nm))
		return false;
	for (i = 0; i < mine.n; i++)
		logic_adopt(nm, live, mine.items[i]);
	return true;
}

/* ------------------------------------------------------------------ */
/* Schema-level objects and partitions                                 */
/* ------------------------------------------------------------------ */

/* The object of arr (n of them) named like o, or NULL. */
static void *find_object(void *arr, size_t n, const sd_object *o)
{
	sd_object **objs = arr;
	size_t i;

	for (i = 0; i < n; i++)
		if (sd_streq(objs[i]->schema, o->schema) &&
		    sd_streq(objs[i]->name, o->name))
			return objs[i];
	return NULL;
}

/* A model type that means the live one; a verbatim one takes the
 * catalog's spelling, as the server would give it. */
static bool adopt_type(sd_schema *m, sd_type *mine, const sd_type *live)
{
	if (!sd_type_equal(mine, live))
		return false;
	if (mine->kind == SD_T_RAW) {
		*mine = *live;
		mine->name = copy(m, live->name);
		mine->enum_schema = copy(m, live->enum_schema);
	}
	return true;
}

static bool domain_same(const void *mine, const void *live)
{
	const sd_domain *d = mine, *l = live;
	size_t i;

	if (!sd_type_equal(&d->type, &l->type) ||
	    !sd_streq(d->collation, l->collation) ||
	    (d->default_value.sql &&
	     !sd_streq(d->default_value.sql, l->default_value.sql)))
		return false;
	for (i = 0; i < d->nchecks; i++) {
		size_t k;
		for (k = 0; k < l->nchecks; k++)
			if (sd_streq(d->checks[i]->base.name,
			             l->checks[k]->base.name))
				break;
		if (k == l->nchecks ||
		    !sd_streq(d->checks[i]->expression.sql,
		              l->checks[k]->expression.sql))
			return false;
	}
	return true;
}

static bool composite_same(const void *mine, const void *live)
{
	const sd_composite *c = mine, *l = live;
	size_t i;

	if (c->nattributes != l->nattributes)
		return false;
	for (i = 0; i < c->nattributes; i++)
		if (!sd_streq(c->attributes[i]->base.name,
		              l->attributes[i]->base.name) ||
		    !sd_type_equal(&c->attributes[i]->type,
		                   &l->attributes[i]->type))
			return false;
	return true;
}

static bool collation_same(const void *mine, const void *live)
{
	const sd_collation *c = mine, *l = live;

	return sd_streq(c->provider, l->provider) &&
	       sd_streq(c->locale, l->locale) &&
	       sd_streq(c->lc_collate, l->lc_collate) &&
	       sd_streq(c->lc_ctype, l->lc_ctype) &&
	       c->nondeterministic == l->nondeterministic;
}

static bool range_same(const void *mine, const void *live)
{
	return sd_type_equal(&((const sd_range *)mine)->subtype,
	                     &((const sd_range *)live)->subtype);
}

/* Whether each of the n objects of mine has a twin among the ln of live
 * that same (NULL: any twin) accepts. */
static bool all_same(void *mine, size_t n, void *live, size_t ln,
                     bool (*same)(const void *, const void *))
{
	sd_object **objs = mine;
	size_t i;

	for (i = 0; i < n; i++) {
		const sd_object *twin = find_object(live, ln, objs[i]);
		if (!twin || (same && !same(objs[i], twin)))
			return false;
	}
	return true;
}

bool sd_pgnorm_adopt_objects(pg_norm *nm)
{
	sd_schema *m = nm->models;
	const sd_schema *l = nm->live;
	size_t i, k;

	if (!l ||
	    !all_same(m->extensions, m->nextensions, l->extensions,
	              l->nextensions, NULL) ||
	    !all_same(m->collations, m->ncollations, l->collations,
	              l->ncollations, collation_same) ||
	    !all_same(m->domains, m->ndomains, l->domains, l->ndomains,
	              domain_same) ||
	    !all_same(m->composites, m->ncomposites, l->composites,
	              l->ncomposites, composite_same) ||
	    !all_same(m->ranges, m->nranges, l->ranges, l->nranges,
	              range_same))
		return false;
	for (i = 0; i < m->ndomains; i++)
		sd_pg_norm_domain_canon(&nm->sc, m->domains[i],
		                        find_object(l->domains, l->ndomains,
		                                    &m->domains[i]->base));
	for (i = 0; i < m->ncomposites; i++) {
		const sd_composite *c = find_object(
			l->composites, l->ncomposites, &m->composites[i]->base);
		for (k = 0; k < c->nattributes; k++)
			adopt_type(m, &m->composites[i]->attributes[k]->type,
			           &c->attributes[k]->type);
	}
	for (i = 0; i < m->nranges; i++)
		adopt_type(m, &m->ranges[i]->subtype,
		           &((const sd_range *)find_object(
			             l->ranges, l->nranges,
			             &m->ranges[i]->base))->subtype);
	return true;
}

/* A partitioned table's key and a partition's bound, spelled as the live
 * twin's, on a table that kept its columns. */
static bool partitioning_same(pg_norm *nm, const sd_table *t)
{
	const sd_table *lt;

	if (!t->partition_by.sql && !t->partition_of)
		return true;
	lt = sd_schema_find_table(nm->live, t->base.schema, t->base.name);
	return lt && sd_map_get(nm->same, sd_pgnorm_key(nm, t)) &&
	       sd_streq(t->partition_by.sql, lt->partition_by.sql) &&
	       (!t->partition_of ||
	        sd_streq(t->partition_bound.sql, lt->partition_bound.sql));
}

bool sd_pgnorm_adopt_partitions(pg_norm *nm)
{
	sd_schema *m = nm->models;
	size_t i;

	if (!nm->live)
		return false;
	for (i = 0; i < m->ntables; i++)
		if (!partitioning_same(nm, m->tables[i]))
			return false;
	for (i = 0; i < m->ntables; i++) {
		sd_table *t = m->tables[i];
		if (t->partition_by.sql)
			t->partition_by.canon = copy(m, t->partition_by.sql);
		if (t->partition_of && t->partition_bound.sql)
			t->partition_bound.canon =
				copy(m, t->partition_bound.sql);
	}
	return true;
}
