/*
 * logic.c - views, functions, triggers, policies, rules and grants as
 * sd_schema objects: building, sorting, keys, the dependencies read from
 * SQL text, and the words the models and the emitters share.
 */
#include "model/logic.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

sd_logic *sd_schema_logic(sd_schema *s)
{
	if (!s->logic)
		s->logic = sd_arena_alloc(s->arena, sizeof(*s->logic));
	return s->logic;
}

const sd_logic *sd_logic_of(const sd_schema *s)
{
	static const sd_logic none;

	return s && s->logic ? s->logic : &none;
}

void sd_ptrs_push(sd_arena *a, void *arrp, size_t *n, void *obj)
{
	void ***arr = arrp;

	if ((*n & (*n - 1)) == 0) {
		size_t cap = *n ? *n * 2 : 4;
		void **p = sd_arena_alloc(a, cap * sizeof(void *));
		if (*n)
			memcpy(p, *arr, *n * sizeof(void *));
		*arr = p;
	}
	(*arr)[(*n)++] = obj;
}

/* A zeroed object with its base set (strings copied), appended to the
 * list *arrp of *n. */
static void *logic_push(sd_schema *s, size_t size, sd_obj_kind kind,
                        const char *schema, const char *name, void *arrp,
                        size_t *n)
{
	sd_object *o = sd_arena_alloc(s->arena, size);

	o->kind = kind;
	o->schema = sd_arena_strdup(s->arena, schema);
	o->name = sd_arena_strdup(s->arena, name);
	sd_ptrs_push(s->arena, arrp, n, o);
	return o;
}

#define PUSH(s, l, type, kind, list, n)                                      \
	((type *)logic_push(s, sizeof(type), kind, schema, name, &(l)->list,  \
	                    &(l)->n))

sd_view *sd_logic_add_view(sd_schema *s, const char *schema,
                           const char *name)
{
	sd_logic *l = sd_schema_logic(s);

	return PUSH(s, l, sd_view, SD_OBJ_VIEW, views, nviews);
}

sd_function *sd_logic_add_function(sd_schema *s, const char *schema,
                                   const char *name)
{
	sd_logic *l = sd_schema_logic(s);
	sd_function *f = PUSH(s, l, sd_function, SD_OBJ_FUNCTION, functions,
	                      nfunctions);

	f->volatility = 'v';
	f->parallel = 'u';
	return f;
}

sd_trigger *sd_logic_add_trigger(sd_schema *s, const char *schema,
                                 const char *table, const char *name)
{
	sd_logic *l = sd_schema_logic(s);
	sd_trigger *t = PUSH(s, l, sd_trigger, SD_OBJ_TRIGGER, triggers,
	                     ntriggers);

	t->table = sd_arena_strdup(s->arena, table);
	t->enabled = 'O';
	return t;
}

sd_policy *sd_logic_add_policy(sd_schema *s, const char *schema,
                               const char *table, const char *name)
{
	sd_logic *l = sd_schema_logic(s);
	sd_policy *p = PUSH(s, l, sd_policy, SD_OBJ_POLICY, policies,
	                    npolicies);

	p->table = sd_arena_strdup(s->arena, table);
	p->command = "all";
	return p;
}

sd_rule *sd_logic_add_rule(sd_schema *s, const char *schema,
                           const char *table, const char *name)
{
	sd_logic *l = sd_schema_logic(s);
	sd_rule *r = PUSH(s, l, sd_rule, SD_OBJ_RULE, rules, nrules);

	r->table = sd_arena_strdup(s->arena, table);
	return r;
}

const char *const sd_event_trigger_events[] = {
	"ddl_command_start", "ddl_command_end", "sql_drop", "table_rewrite",
	NULL};

sd_event_trigger *sd_logic_add_event_trigger(sd_schema *s, const char *name)
{
	sd_logic *l = sd_schema_logic(s);
	const char *schema = NULL;
	sd_event_trigger *t = PUSH(s, l, sd_event_trigger,
	                           SD_OBJ_EVENT_TRIGGER, event_triggers,
	                           nevent_triggers);

	t->enabled = 'O';
	return t;
}

void sd_event_trigger_add_tag(sd_schema *s, sd_event_trigger *t,
                              const char *tag)
{
	char *up = sd_arena_strdup(s->arena, tag);
	size_t i;

	for (i = 0; up[i]; i++)
		up[i] = (char)toupper((unsigned char)up[i]);
	if (!sd_strlist_contains(&t->tags, up))
		sd_strlist_push(s->arena, &t->tags, up);
}

sd_grant *sd_logic_add_grant(sd_schema *s, const char *on,
                             const char *schema, const char *name)
{
	sd_logic *l = sd_schema_logic(s);
	sd_grant *g = PUSH(s, l, sd_grant, SD_OBJ_GRANT, grants, ngrants);

	g->on = sd_arena_strdup(s->arena, on);
	g->seq = l->ngrants;
	return g;
}
#undef PUSH

bool sd_grant_is_owner(const sd_grant *g)
{
	return g->privilege && strcmp(g->privilege, SD_GRANT_OWNER) == 0;
}

bool sd_grant_is_default_acl(const sd_grant *g)
{
	return strncmp(g->on, "default ", 8) == 0;
}

bool sd_grant_is_default(const char *on, const char *grantee,
                         const char *privilege)
{
	if (!sd_strieq(grantee, "public") || !privilege)
		return false;
	if (sd_streq(on, "function") || sd_streq(on, "procedure") ||
	    sd_streq(on, "default functions"))
		return sd_strieq(privilege, "EXECUTE");
	return (sd_streq(on, "type") || sd_streq(on, "default types")) &&
	       sd_strieq(privilege, "USAGE");
}

void sd_logic_add_dep(sd_schema *s, const char *dependent,
                      const char *referenced)
{
	sd_logic *l = sd_schema_logic(s);

	if (l->ndeps == l->capdeps) {
		size_t cap = l->capdeps ? l->capdeps * 2 : 64;
		sd_dep *d = sd_arena_alloc(s->arena, cap * sizeof(*d));
		if (l->ndeps)
			memcpy(d, l->deps, l->ndeps * sizeof(*d));
		l->deps = d;
		l->capdeps = cap;
	}
	l->deps[l->ndeps].dependent = sd_arena_strdup(s->arena, dependent);
	l->deps[l->ndeps].referenced = sd_arena_strdup(s->arena, referenced);
	l->ndeps++;
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */
/* ------------------------------------------------------------------ */

/* By schema, then by the table an object hangs off (NULL for views and
 * functions: the name alone), then by name. */
const char *sd_logic_table(const sd_object *o)
{
	switch (o->kind) {
	case SD_OBJ_TRIGGER:
		return ((const sd_trigger *)o)->table;
	case SD_OBJ_POLICY:
		return ((const sd_policy *)o)->table;
	case SD_OBJ_RULE:
		return ((const sd_rule *)o)->table;
	default:
		return NULL;
	}
}

static int cmp_logic(const void *a, const void *b)
{
	const sd_object *x = *(const sd_object *const *)a;
	const sd_object *y = *(const sd_object *const *)b;
	int c = sd_strcmp_null(x->schema, y->schema);

	if (!c)
		c = sd_strcmp_null(sd_logic_table(x), sd_logic_table(y));
	if (!c)
		c = sd_strcmp_null(x->name, y->name);
	if (!c && x->kind == SD_OBJ_FUNCTION)
		c = sd_strcmp_null(((const sd_function *)x)->identity,
		                   ((const sd_function *)y)->identity);
	if (!c && x->kind == SD_OBJ_GRANT) {
		const sd_grant *g = (const sd_grant *)x, *h = (const sd_grant *)y;
		c = sd_strcmp_null(g->on, h->on);
		if (!c)
			c = sd_strcmp_null(g->column, h->column);
		if (!c)
			c = g->seq < h->seq ? -1 : g->seq > h->seq;
	}
	return c;
}

static int cmp_dep(const void *a, const void *b)
{
	const sd_dep *x = a, *y = b;
	int c = strcmp(x->dependent, y->dependent);

	return c ? c : strcmp(x->referenced, y->referenced);
}

static void sort_objects(void *arr, size_t n)
{
	if (n > 1)
		qsort(arr, n, sizeof(void *), cmp_logic);
}

void sd_logic_sort(sd_schema *s)
{
	sd_logic *l = s->logic;
	size_t i;

	if (!l)
		return;
	sort_objects(l->views, l->nviews);
	sort_objects(l->functions, l->nfunctions);
	sort_objects(l->triggers, l->ntriggers);
	sort_objects(l->policies, l->npolicies);
	sort_objects(l->rules, l->nrules);
	sort_objects(l->event_triggers, l->nevent_triggers);
	sort_objects(l->grants, l->ngrants);
	for (i = 0; i < l->nviews; i++)
		sort_objects(l->views[i]->indexes, l->views[i]->nindexes);
	if (l->ndeps > 1)
		qsort(l->deps, l->ndeps, sizeof(*l->deps), cmp_dep);
}

bool sd_view_flag_option(sd_view *v, const char *option)
{
	static const char *const yes[] = {"true", "yes", "on", "1"};
	const char *value;
	bool *flag;
	size_t i, n;

	if (sd_startswith(option, "security_barrier="))
		flag = &v->security_barrier;
	else if (sd_startswith(option, "security_invoker="))
		flag = &v->security_invoker;
	else
		return false;
	value = strchr(option, '=') + 1;
	n = strlen(value);
	*flag = false;
	for (i = 0; i < SD_ARRAY_LEN(yes); i++)
		if (n && strncasecmp(value, yes[i], n) == 0 &&
		    (n > 1 || value[0] != 'o'))
			*flag = true;
	return true;
}

sd_column *sd_view_column(const sd_view *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->ncolumns; i++)
		if (sd_streq(v->columns[i]->base.name, name))
			return v->columns[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */
/* ------------------------------------------------------------------ */

const char *sd_objkey(sd_arena *a, int kind, const char *schema,
                      const char *name, const char *sub)
{
	size_t ls = schema ? strlen(schema) : 0, ln = name ? strlen(name) : 0;
	size_t lb = sub ? strlen(sub) : 0;
	char *k = sd_arena_alloc(a, ls + ln + lb + 5), *p = k;

	*p++ = (char)kind;
	*p++ = '\x1f';
	memcpy(p, schema ? schema : "", ls);
	p += ls;
	*p++ = '\x1f';
	memcpy(p, name ? name : "", ln);
	p += ln;
	*p++ = '\x1f';
	memcpy(p, sub ? sub : "", lb);
	p[lb] = '\0';
	return k;
}

int sd_objkey_kind(const char *key)
{
	return key ? (unsigned char)key[0] : 0;
}

const char *sd_function_key(sd_arena *a, const sd_function *f)
{
	return sd_arena_printf(a, "%s(%s)", f->base.name,
	                       f->identity ? f->identity : "");
}

const char *sd_logic_key(sd_arena *a, const sd_object *o)
{
	switch (o->kind) {
	case SD_OBJ_VIEW:
		return sd_objkey(a, SD_KEY_REL, o->schema, o->name, NULL);
	case SD_OBJ_FUNCTION:
		return sd_objkey(a, SD_KEY_FUNCTION, o->schema,
		                 sd_function_key(a, (const sd_function *)o),
		                 NULL);
	case SD_OBJ_TRIGGER:
		return sd_objkey(a, SD_KEY_TRIGGER, o->schema, sd_logic_table(o),
		                 o->name);
	case SD_OBJ_POLICY:
		return sd_objkey(a, SD_KEY_POLICY, o->schema, sd_logic_table(o),
		                 o->name);
	case SD_OBJ_RULE:
		return sd_objkey(a, SD_KEY_RULE, o->schema, sd_logic_table(o),
		                 o->name);
	case SD_OBJ_EVENT_TRIGGER:
		return sd_objkey(a, SD_KEY_EVENT_TRIGGER, NULL, o->name, NULL);
	case SD_OBJ_SEQUENCE:
		return sd_objkey(a, SD_KEY_REL, o->schema, o->name, NULL);
	case SD_OBJ_ENUM:
	case SD_OBJ_DOMAIN:
	case SD_OBJ_COMPOSITE:
	case SD_OBJ_RANGE:
		return sd_objkey(a, SD_KEY_TYPE, o->schema, o->name, NULL);
	case SD_OBJ_GRANT: {
		const sd_grant *g = (const sd_grant *)o;
		return sd_objkey(a, SD_KEY_GRANT, o->schema, o->name,
		                 sd_arena_printf(a, "%s\x1f%s\x1f%s\x1f%s", g->on,
		                                 g->grantee, g->privilege,
		                                 g->column ? g->column : ""));
	}
	default:
		return sd_objkey(a, '?', o->schema, o->name, NULL);
	}
}

bool sd_obj_is_logic(const sd_object *o)
{
	return o && o->kind >= SD_OBJ_VIEW && o->kind <= SD_OBJ_GRANT;
}

/* ------------------------------------------------------------------ */
/* Dependencies read from SQL text                                     */
/* ------------------------------------------------------------------ */

/* What a name may stand for: relations and functions of the schema,
 * looked up by their folded name. */
typedef struct name_ref {
	const char *schema;
	const char *name;
	const sd_table *table;   /* a table */
	const sd_view *view;     /* or a view */
	const sd_function *func; /* or a function */
	struct name_ref *next;   /* same folded name */
} name_ref;

typedef struct lexdeps {
	const sd_schema *s;
	sd_sql_lang lang;
	sd_arena *a;
	sd_vec *out;
	sd_map *rels;  /* folded name -> name_ref* */
	sd_map *funcs; /* folded name -> name_ref* */
	bool quoted_bodies; /* what quoted SQL bodies name counts too */
} lexdeps;

static char *fold(sd_arena *a, const char *s)
{
	char *f = sd_arena_strdup(a, s);
	size_t i;

	for (i = 0; f && f[i]; i++)
		f[i] = (char)tolower((unsigned char)f[i]);
	return f;
}

static void ref_add(lexdeps *L, sd_map *m, name_ref *r)
{
	const char *k = fold(L->a, r->name);

	r->next = sd_map_get(m, k);
	sd_map_put(m, k, r);
}

static void dep_push(lexdeps *L, const char *dependent,
                     const char *referenced)
{
	sd_dep *d;

	if (!dependent || !referenced || strcmp(dependent, referenced) == 0)
		return;
	d = sd_arena_alloc(L->a, sizeof(*d));
	d->dependent = dependent;
	d->referenced = referenced;
	sd_vec_push(L->a, L->out, d);
}

/* The column of relation r whose name folds to `folded`, or NULL. */
static const char *column_named(const name_ref *r, const char *folded)
{
	sd_column **cols = r->table ? r->table->columns
	                   : r->view ? r->view->columns
	                             : NULL;
	size_t i, n = r->table ? r->table->ncolumns
	              : r->view ? r->view->ncolumns
	                        : 0;

	for (i = 0; i < n; i++)
		if (sd_strieq(cols[i]->base.name, folded))
			return cols[i]->base.name;
	return NULL;
}

/* The name a token stands for, as the database folds it. */
static char *token_name(lexdeps *L, const sd_token *t)
{
	char *n = sd_tok_ident(L->a, t, true);

	/* SQLite's names are case-insensitive, quoted or not */
	return L->lang == SD_SQL_SQLITE ? fold(L->a, n) : n;
}

/*
 * The dependencies of the SQL text `sql` for `dependent`: relations it
 * names (with `schema.` where written), functions it calls (a name before
 * '('), and columns of the relations it names. `own` is a relation the
 * text is about without naming it (a trigger's or policy's table); with
 * funcs_only only function calls count (defaults, checks).
 */
static void text_deps(lexdeps *L, const char *dependent, const char *sql,
                      const name_ref *own, bool funcs_only)
{
	sd_tokens tk;
	sd_vec seen = {0};
	size_t i, j;

	if (!sql)
		return;
	sd_tokens_read(&tk, sql, L->lang);
	if (own)
		sd_vec_push(L->a, &seen, (void *)own);
	for (i = 0; i < tk.n; i++) {
		const char *qual = NULL, *n;
		size_t at = i; /* the name itself, after a qualifier */
		name_ref *r;
		if (!sd_tok_is_name(&tk.v[i]))
			continue;
		if (i + 2 < tk.n && sd_tok_is(&tk.v[i + 1], ".") &&
		    sd_tok_is_name(&tk.v[i + 2])) {
			qual = sd_namespace_key(token_name(L, &tk.v[i]));
			at = i + 2;
		}
		n = fold(L->a, token_name(L, &tk.v[at]));
		if (at + 1 < tk.n && sd_tok_is(&tk.v[at + 1], "("))
			for (r = sd_map_get(L->funcs, n); r; r = r->next)
				if (!qual || sd_streq(qual, r->schema))
					dep_push(L, dependent,
					         sd_logic_key(L->a, &r->func->base));
		if (funcs_only)
			continue;
		for (r = sd_map_get(L->rels, n); r; r = r->next) {
			if (qual && !sd_streq(qual, r->schema))
				continue;
			dep_push(L, dependent,
			         sd_objkey(L->a, SD_KEY_REL, r->schema, r->name,
			                   NULL));
			sd_vec_push(L->a, &seen, r);
		}
	}
	/* columns: any word that names a column of a relation seen */
	for (i = 0; !funcs_only && i < tk.n; i++) {
		const char *n, *col;
		if (!sd_tok_is_name(&tk.v[i]))
			continue;
		n = token_name(L, &tk.v[i]);
		for (j = 0; j < seen.n; j++) {
			const name_ref *r = seen.items[j];
			if ((col = column_named(r, n)) != NULL)
				dep_push(L, dependent,
				         sd_objkey(L->a, SD_KEY_COLUMN, r->schema,
				                   r->name, col));
		}
	}
	sd_tokens_free(&tk);
}

/* The relation schema.name of s as a name_ref, or NULL. */
static const name_ref *rel_named(lexdeps *L, const char *schema,
                                 const char *name)
{
	const name_ref *r;

	for (r = sd_map_get(L->rels, fold(L->a, name)); r; r = r->next)
		if (sd_streq(r->schema, schema) && sd_strieq(r->name, name))
			return r;
	return NULL;
}

/* An aggregate's options ("SFUNC = f, FINALFUNC = g"): every name of
 * a function of the models in them. */
static void option_deps(lexdeps *L, const char *key, const char *options)
{
	sd_tokens tk;
	const name_ref *r;
	size_t i;

	if (!options)
		return;
	sd_tokens_read(&tk, options, L->lang);
	for (i = 0; i < tk.n; i++) {
		if (!sd_tok_is_name(&tk.v[i]))
			continue;
		for (r = sd_map_get(L->funcs,
		                    fold(L->a, token_name(L, &tk.v[i])));
		     r; r = r->next)
			if (!r->func->aggregate)
				dep_push(L, key,
				         sd_logic_key(L->a, &r->func->base));
	}
	sd_tokens_free(&tk);
}

static void function_deps(lexdeps *L, const sd_function *f)
{
	const char *key = sd_logic_key(L->a, &f->base);
	size_t i;

	for (i = 0; i < f->nargs; i++) {
		text_deps(L, key, f->args[i].type, NULL, false);
		text_deps(L, key, f->args[i].default_sql, NULL, true);
	}
	text_deps(L, key, f->returns, NULL, false);
	if (f->aggregate)
		option_deps(L, key, f->body);
	/* a SQL-standard body is parsed, and so is a quoted one in SQL
	 * (check_function_bodies), so what it names must exist first; other
	 * languages' bodies are only read when they run */
	if (f->sql_body || (L->quoted_bodies && sd_strieq(f->language, "sql")))
		text_deps(L, key, f->body, NULL, false);
}

/* "key uses the function called": a trigger's or event trigger's
 * [schema.]name, a function of the models without arguments. */
static void called_deps(lexdeps *L, const char *key, const char *function)
{
	const char *dot, *fname, *fschema = NULL;
	const name_ref *r;

	if (!function)
		return;
	dot = strrchr(function, '.');
	fname = dot ? dot + 1 : function;
	if (dot)
		fschema = sd_namespace_key(sd_arena_strndup(
			L->a, function, (size_t)(dot - function)));
	for (r = sd_map_get(L->funcs, fold(L->a, fname)); r; r = r->next)
		if ((!dot || sd_streq(fschema, r->schema)) &&
		    r->func->nargs == 0)
			dep_push(L, key, sd_logic_key(L->a, &r->func->base));
}

static void trigger_deps(lexdeps *L, const sd_trigger *t)
{
	const char *key = sd_logic_key(L->a, &t->base);
	const name_ref *own = rel_named(L, t->base.schema, t->table);
	size_t i;

	dep_push(L, key,
	         sd_objkey(L->a, SD_KEY_REL, t->base.schema, t->table, NULL));
	for (i = 0; i < t->columns.n; i++)
		dep_push(L, key, sd_objkey(L->a, SD_KEY_COLUMN, t->base.schema,
		                           t->table, t->columns.items[i]));
	text_deps(L, key, t->when.sql, own, false);
	text_deps(L, key, t->body, own, false);
	called_deps(L, key, t->function);
}

static void table_deps(lexdeps *L, const sd_table *t)
{
	size_t i, k;

	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		text_deps(L,
		          sd_objkey(L->a, SD_KEY_DEFAULT, t->base.schema,
		                    t->base.name, c->base.name),
		          c->default_value.sql, NULL, true);
		text_deps(L,
		          sd_objkey(L->a, SD_KEY_COLUMN, t->base.schema,
		                    t->base.name, c->base.name),
		          sd_column_x(c)->generated.sql, NULL, true);
	}
	for (i = 0; i < t->nchecks; i++)
		text_deps(L,
		          sd_objkey(L->a, SD_KEY_CONSTRAINT, t->base.schema,
		                    t->base.name, t->checks[i]->base.name),
		          t->checks[i]->expression.sql, NULL, true);
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		const char *key = sd_objkey(L->a, SD_KEY_INDEX, t->base.schema,
		                            ix->base.name, NULL);
		text_deps(L, key, ix->where.sql, NULL, true);
		for (k = 0; k < ix->nkeys; k++)
			text_deps(L, key, ix->keys[k].expression.sql, NULL,
			          true);
	}
}

/* The names of s's relations and functions, for reading its SQL. */
static void lexdeps_init(lexdeps *L, const sd_schema *s, sd_sql_lang lang,
                         sd_arena *a, sd_vec *out)
{
	const sd_logic *l = sd_logic_of(s);
	size_t i;

	memset(L, 0, sizeof(*L));
	L->s = s;
	L->lang = lang;
	L->a = a;
	L->out = out;
	L->rels = sd_map_new(a, s->ntables + l->nviews + 1);
	L->funcs = sd_map_new(a, l->nfunctions + 1);
	for (i = 0; i < s->ntables; i++) {
		name_ref *r = sd_arena_alloc(a, sizeof(*r));
		r->schema = s->tables[i]->base.schema;
		r->name = s->tables[i]->base.name;
		r->table = s->tables[i];
		ref_add(L, L->rels, r);
	}
	for (i = 0; i < l->nviews; i++) {
		name_ref *r = sd_arena_alloc(a, sizeof(*r));
		r->schema = l->views[i]->base.schema;
		r->name = l->views[i]->base.name;
		r->view = l->views[i];
		ref_add(L, L->rels, r);
	}
	for (i = 0; i < l->nfunctions; i++) {
		name_ref *r = sd_arena_alloc(a, sizeof(*r));
		r->schema = l->functions[i]->base.schema;
		r->name = l->functions[i]->base.name;
		r->func = l->functions[i];
		ref_add(L, L->funcs, r);
	}
}

void sd_logic_body_deps(const sd_schema *s, sd_sql_lang lang, sd_arena *a,
                        sd_vec *out)
{
	const sd_logic *l = sd_logic_of(s);
	lexdeps L;
	size_t i;

	if (!l->nfunctions)
		return;
	lexdeps_init(&L, s, lang, a, out);
	for (i = 0; i < l->nfunctions; i++) {
		const sd_function *f = l->functions[i];
		if (!f->sql_body && !f->aggregate &&
		    sd_strieq(f->language, "sql"))
			text_deps(&L, sd_logic_key(a, &f->base), f->body, NULL,
			          false);
	}
}

void sd_logic_event_body_deps(const sd_schema *s, sd_sql_lang lang,
                              sd_arena *a, sd_vec *out)
{
	const sd_logic *l = sd_logic_of(s);
	lexdeps L;
	size_t i;

	if (!l->nevent_triggers || !l->nfunctions)
		return;
	lexdeps_init(&L, s, lang, a, out);
	for (i = 0; i < l->nfunctions; i++) {
		const sd_function *f = l->functions[i];
		if (f->returns && sd_strieq(f->returns, "event_trigger"))
			text_deps(&L, sd_logic_key(a, &f->base), f->body, NULL,
			          false);
	}
}

static void lexical_deps(const sd_schema *s, sd_sql_lang lang, sd_arena *a,
                         sd_vec *out, bool quoted_bodies)
{
	const sd_logic *l = sd_logic_of(s);
	lexdeps L;
	size_t i;

	if (!l->nviews && !l->nfunctions && !l->ntriggers && !l->npolicies &&
	    !l->nrules && !l->nevent_triggers)
		return;
	lexdeps_init(&L, s, lang, a, out);
	L.quoted_bodies = quoted_bodies;
	for (i = 0; i < l->nviews; i++) {
		const sd_view *v = l->views[i];
		text_deps(&L, sd_logic_key(a, &v->base), v->query.sql, NULL,
		          false);
	}
	for (i = 0; i < l->nfunctions; i++)
		function_deps(&L, l->functions[i]);
	for (i = 0; i < l->ntriggers; i++)
		trigger_deps(&L, l->triggers[i]);
	for (i = 0; i < l->nevent_triggers; i++)
		called_deps(&L, sd_logic_key(a, &l->event_triggers[i]->base),
		            l->event_triggers[i]->function);
	for (i = 0; i < l->npolicies; i++) {
		const sd_policy *p = l->policies[i];
		const char *key = sd_logic_key(a, &p->base);
		const name_ref *own = rel_named(&L, p->base.schema, p->table);
		dep_push(&L, key, sd_objkey(a, SD_KEY_REL, p->base.schema,
		                            p->table, NULL));
		text_deps(&L, key, p->using_.sql, own, false);
		text_deps(&L, key, p->with_check.sql, own, false);
	}
	for (i = 0; i < l->nrules; i++) {
		const sd_rule *r = l->rules[i];
		const char *key = sd_logic_key(a, &r->base);
		const name_ref *own = rel_named(&L, r->base.schema, r->table);
		dep_push(&L, key, sd_objkey(a, SD_KEY_REL, r->base.schema,
		                            r->table, NULL));
		text_deps(&L, key, r->where.sql, own, false);
		text_deps(&L, key, r->actions, own, false);
	}
	if (l->nfunctions)
		for (i = 0; i < s->ntables; i++)
			table_deps(&L, s->tables[i]);
}

void sd_logic_lexical_deps(const sd_schema *s, sd_sql_lang lang,
                           sd_arena *a, sd_vec *out)
{
	lexical_deps(s, lang, a, out, true);
}

void sd_logic_create_deps(const sd_schema *s, sd_sql_lang lang, sd_arena *a,
                          sd_vec *out)
{
	lexical_deps(s, lang, a, out, false);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

const char *sd_volatility_word(char v)
{
	return v == 'i' ? "immutable" : v == 's' ? "stable" : "volatile";
}

const char *sd_parallel_word(char p)
{
	return p == 's' ? "safe" : p == 'r' ? "restricted" : "unsafe";
}

const char *sd_trigger_enabled_word(char e)
{
	switch (e) {
	case 'A':
		return "always";
	case 'R':
		return "replica";
	case 'D':
		return "disabled";
	default:
		return "enabled";
	}
}

const char *sd_event_trigger_enabled_word(char e)
{
	return e == 'O' ? "origin" : sd_trigger_enabled_word(e);
}

const char *sd_arg_mode_word(sd_arg_mode m)
{
	static const char *const words[] = {
		[SD_ARG_IN] = "in",         [SD_ARG_OUT] = "out",
		[SD_ARG_INOUT] = "inout",   [SD_ARG_VARIADIC] = "variadic",
		[SD_ARG_TABLE] = "table",
	};

	return (unsigned)m < SD_ARRAY_LEN(words) ? words[m] : "in";
}

bool sd_function_returns_set(const sd_function *f)
{
	size_t i;
	sd_lexer lx;
	sd_token t;

	for (i = 0; i < f->nargs; i++)
		if (f->args[i].mode == SD_ARG_TABLE)
			return true;
	if (!f->returns)
		return false;
	sd_lex_init(&lx, f->returns, strlen(f->returns), SD_SQL_POSTGRES, 0);
	return sd_lex_next(&lx, &t) &&
	       (sd_tok_is(&t, "setof") || sd_tok_is(&t, "table"));
}

const char *sd_function_default_cost(const sd_function *f)
{
	return sd_strieq(f->language, "c") || sd_strieq(f->language, "internal")
	               ? "1"
	               : "100";
}

const char *sd_function_default_rows(const sd_function *f)
{
	return sd_function_returns_set(f) ? "1000" : "0";
}
