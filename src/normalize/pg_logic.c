/*
 * normalize/pg_logic.c - the models' views, functions, procedures,
 * triggers, policies and rules made comparable with a catalog's by
 * meaning: created in the scratch schemas (with the model tables they
 * name, their columns and keys), read back with the catalog reader's own
 * queries, and the server's texts (pg_get_viewdef, pg_get_triggerdef,
 * pg_get_function_arguments...) copied into the models as their canon.
 *
 * All of it is one round trip for creating and a few for reading, under
 * a savepoint that is rolled back. When the server refuses something, the
 * objects are created again one by one, each under its own savepoint, so
 * that every refused one is reported at its line with the server's
 * message, like any other bad model.
 *
 * Names the SQL qualifies with a model schema ("billing.invoices",
 * "public.orders") are pointed at the scratch twins before the server
 * sees them; function bodies in quotes are left as written (the server
 * keeps them verbatim, and check_function_bodies is off as in pg_dump).
 */
#include "normalize/pgnorm.h"

#include "emit/dialect.h"
#include "introspect/postgres.h"
#include "model/logic.h"
#include "util/sql.h"

#include <cjson/cJSON.h>
#include <pg_query.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool sd_pgn_has_logic(const sd_schema *models)
{
	const sd_logic *l = sd_logic_of(models);

	return l->nviews || l->nfunctions || l->ntriggers || l->npolicies ||
	       l->nrules;
}

size_t sd_pgn_logic_schemas(const sd_schema *models,
                            void (*add)(void *ctx, const char *schema),
                            void *ctx)
{
	const sd_logic *l = sd_logic_of(models);
	size_t i, n = 0;

#define EACH(arr, cnt)                                                       \
	for (i = 0; i < l->cnt; i++, n++)                                    \
		if (add)                                                     \
			add(ctx, l->arr[i]->base.schema);
	EACH(views, nviews)
	EACH(functions, nfunctions)
	EACH(triggers, ntriggers)
	EACH(policies, npolicies)
	EACH(rules, nrules)
#undef EACH
	return n;
}

/* ------------------------------------------------------------------ */
/* SQL pointed at the scratch schemas                                  */
/* ------------------------------------------------------------------ */

/* The scratch twin of the schema a word or quoted name stands for, when
 * it is a model schema ("public": the default one); else NULL. */
static const char *twin_of(pg_norm *nm, const sd_token *t)
{
	char *name = sd_tok_ident(nm->tmp, t, true);
	size_t i;

	if (strcmp(name, sd_namespace_default()) == 0)
		return nm->scratch[0];
	for (i = 0; i < nm->nscratch; i++)
		if (nm->orig[i] && strcmp(nm->orig[i], name) == 0)
			return nm->scratch[i];
	return NULL;
}

/* Collects into out the offsets of the two-part column references under
 * node ("t.c", "t.*"). */
static void collect_column_refs(sd_arena *a, const cJSON *node, sd_vec *out)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, node)
	{
		if (it->string && strcmp(it->string, "ColumnRef") == 0) {
			const cJSON *loc = cJSON_GetObjectItemCaseSensitive(
				it, "location");
			if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
				    it, "fields")) == 2 &&
			    cJSON_IsNumber(loc) && loc->valuedouble >= 0)
				sd_vec_push(a, out,
				            (void *)(uintptr_t)loc->valuedouble);
		}
		if (cJSON_IsObject(it) || cJSON_IsArray(it))
			collect_column_refs(a, it, out);
	}
}

/* The offsets in sql of its two-part column references, when sql parses
 * as statements (a view's query, an SQL function's body): their first
 * name is a table or an alias, never a schema, even when a schema has
 * that name ("person.id" in "SELECT person.id FROM person.person").
 * Anything else (a function's name, an expression) adds none. */
static void column_refs(pg_norm *nm, const char *sql, sd_vec *out)
{
	PgQueryParseResult r = pg_query_parse(sql);
	cJSON *tree;

	if (r.error) {
		pg_query_free_parse_result(r);
		return;
	}
	tree = cJSON_Parse(r.parse_tree);
	pg_query_free_parse_result(r);
	if (tree)
		collect_column_refs(nm->tmp, tree, out);
	cJSON_Delete(tree);
}

static bool is_column_ref(const sd_vec *refs, size_t offset)
{
	size_t i;

	for (i = 0; i < refs->n; i++)
		if ((uintptr_t)refs->items[i] == offset)
			return true;
	return false;
}

/*
 * sql with every "schema." prefix naming a model schema replaced by its
 * scratch twin: "SELECT * FROM billing.invoices" ->
 * "SELECT * FROM sd_norm_..._1.invoices". A name after a '.' is a column
 * or a field, never a schema, and is left alone; so is the table or alias
 * of a two-part column reference.
 */
const char *sd_pgn_to_scratch(pg_norm *nm, const char *sql)
{
	sd_tokens tk;
	sd_buf b = SD_BUF_INIT;
	const char *from = sql, *out;
	sd_vec refs = {0};
	bool parsed = false;
	size_t i;

	if (!sql)
		return NULL;
	sd_tokens_read(&tk, sql, SD_SQL_POSTGRES);
	for (i = 0; i + 2 < tk.n; i++) {
		const char *twin;
		if (!sd_tok_is_name(&tk.v[i]) || !sd_tok_is(&tk.v[i + 1], ".") ||
		    !sd_tok_is_name(&tk.v[i + 2]) ||
		    (i > 0 && sd_tok_is(&tk.v[i - 1], ".")))
			continue;
		if (!twin_of(nm, &tk.v[i]))
			continue;
		if (!parsed) { /* only for SQL that names a model schema */
			column_refs(nm, sql, &refs);
			parsed = true;
		}
		if (is_column_ref(&refs, (size_t)(tk.v[i].s - sql)))
			continue;
		if (!(twin = twin_of(nm, &tk.v[i])))
			continue;
		sd_buf_putn(&b, from, (size_t)(tk.v[i].s - from));
		sd_buf_put(&b, twin);
		from = tk.v[i].s + tk.v[i].n;
	}
	sd_buf_put(&b, from);
	sd_tokens_free(&tk);
	out = sd_arena_strdup(nm->tmp, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static const char *twin_schema(pg_norm *nm, const char *schema)
{
	return sd_pgn_scratch_for(nm, schema);
}

/* ------------------------------------------------------------------ */
/* What goes into the scratch schemas                                  */
/* ------------------------------------------------------------------ */

/* The state of one run. */
typedef struct logic_run {
	pg_norm *nm;
	const sd_logic *l;
	sd_vec deps;     /* sd_dep*, read from the models' SQL */
	sd_vec tables;   /* sd_table*: the model tables the logic names */
	sd_vec views;    /* sd_view*: dependency order */
	sd_vec stmts;    /* per object: its statements (char*) ... */
	sd_vec owners;   /* ... and the model object (sd_object*; NULL for
	                    the tables) */
	bool failed;
} logic_run;

/* The model tables the logic uses: those its SQL names, and those its
 * triggers, policies and rules are on. */
static void needed_tables(logic_run *lr)
{
	sd_schema *m = lr->nm->models;
	sd_map *seen = sd_map_new(lr->nm->tmp, 16);
	size_t i;

	for (i = 0; i < lr->deps.n; i++) {
		const sd_dep *d = lr->deps.items[i];
		const char *k = d->referenced;
		const char *p, *q;
		char *schema, *name;
		sd_table *t;
		if (sd_objkey_kind(k) != SD_KEY_REL || sd_map_get(seen, k))
			continue;
		sd_map_put(seen, k, (void *)k);
		p = k + 2;
		q = strchr(p, '\x1f');
		schema = q > p ? sd_arena_strndup(lr->nm->tmp, p,
		                                  (size_t)(q - p))
		               : NULL;
		p = q + 1;
		q = strchr(p, '\x1f');
		name = sd_arena_strndup(lr->nm->tmp, p, (size_t)(q - p));
		if ((t = sd_schema_find_table(m, schema, name)) != NULL)
			sd_vec_push(lr->nm->tmp, &lr->tables, t);
	}
}

/* Views ordered so that a view comes after the views it names
 * (depth-first; a cycle keeps the models' order). */
static void order_views(logic_run *lr)
{
	sd_arena *a = lr->nm->tmp;
	size_t n = lr->l->nviews, i, j;
	sd_map *index = sd_map_new(a, n + 1);
	char *state = sd_arena_alloc(a, n + 1);
	size_t *stack = sd_arena_alloc(a, (n + 1) * sizeof(size_t));
	size_t *next = sd_arena_alloc(a, (n + 1) * sizeof(size_t));

	for (i = 0; i < n; i++)
		sd_map_put(index, sd_logic_key(a, &lr->l->views[i]->base),
		           (void *)(uintptr_t)(i + 1));
	for (i = 0; i < n; i++) {
		size_t top = 0;
		if (state[i])
			continue;
		stack[top++] = i;
		state[i] = 1;
		next[i] = 0;
		while (top) {
			size_t v = stack[top - 1];
			const char *key = sd_logic_key(a, &lr->l->views[v]->base);
			bool pushed = false;
			for (j = next[v]; j < lr->deps.n && !pushed; j++) {
				const sd_dep *d = lr->deps.items[j];
				size_t w;
				if (strcmp(d->dependent, key) != 0)
					continue;
				w = (uintptr_t)sd_map_get(index, d->referenced);
				if (!w || state[w - 1])
					continue;
				next[v] = j + 1;
				state[w - 1] = 1;
				next[w - 1] = 0;
				stack[top++] = w - 1;
				pushed = true;
			}
			if (pushed)
				continue;
			top--;
			sd_vec_push(a, &lr->views, lr->l->views[v]);
		}
	}
}

/* One object's statements, emitted through the PostgreSQL dialect. */
static int add_create(logic_run *lr, const sd_object *copy,
                      const sd_object *owner)
{
	sd_buf b = SD_BUF_INIT;
	sd_op op;
	int rc;

	memset(&op, 0, sizeof(op));
	if (copy->kind == SD_OBJ_TABLE) {
		op.kind = SD_OP_CREATE_TABLE;
		op.table = op.table_new = (const sd_table *)copy;
	} else {
		op.kind = SD_OP_CREATE_OBJECT;
		op.obj_new = copy;
	}
	rc = sd_dialect_postgres.emit_op(&b, &op, lr->nm->err);
	if (rc == SD_OK) {
		sd_vec_push(lr->nm->tmp, &lr->stmts,
		            sd_arena_strdup(lr->nm->tmp, sd_buf_cstr(&b)));
		sd_vec_push(lr->nm->tmp, &lr->owners, (void *)owner);
	}
	sd_buf_free(&b);
	return rc;
}

/* A copy of model object o (size bytes) for the scratch: in its
 * schema's twin, without its comment. */
static void *twin_copy(pg_norm *nm, const sd_object *o, size_t size)
{
	sd_object *c = sd_arena_alloc(nm->tmp, size);

	memcpy(c, o, size);
	c->schema = twin_schema(nm, o->schema);
	sd_object_set_comment(c, NULL);
	return c;
}

/* A model table as the logic needs it: its columns (types and
 * collations) and keys, in its scratch schema; no defaults, checks or
 * foreign keys, which may call what is not there yet. */
static sd_table *scratch_table(pg_norm *nm, const sd_table *t)
{
	sd_table *c = twin_copy(nm, &t->base, sizeof(*c));
	size_t i;

	c->nchecks = c->nforeign_keys = c->nindexes = 0;
	c->row_security = c->force_row_security = false;
	/* its parents need not be there: every column its own */
	c->ninherits = 0;
	c->partition_of = NULL;
	c->columns = sd_arena_alloc(nm->tmp,
	                            (t->ncolumns + 1) * sizeof(*c->columns));
	for (i = 0; i < t->ncolumns; i++) {
		c->columns[i] = sd_pgn_scratch_column(nm, t, t->columns[i],
		                                      t->columns[i]->base.name);
		if (sd_column_x(c->columns[i])->generated.sql) {
			sd_column_ext *x = sd_column_xw(nm->tmp, c->columns[i]);
			memset(&x->generated, 0, sizeof(x->generated));
		}
	}
	if (c->primary_key) {
		sd_primary_key *pk = sd_arena_alloc(nm->tmp, sizeof(*pk));
		*pk = *t->primary_key;
		pk->base.name = sd_arena_printf(nm->tmp, "sd_pk%p", (void *)pk);
		c->primary_key = pk;
	}
	c->uniques = sd_arena_alloc(nm->tmp,
	                            (t->nuniques + 1) * sizeof(*c->uniques));
	for (i = 0; i < t->nuniques; i++) {
		sd_unique *u = sd_arena_alloc(nm->tmp, sizeof(*u));
		*u = *t->uniques[i];
		u->base.name = sd_arena_printf(nm->tmp, "sd_uq%p", (void *)u);
		u->comment = NULL;
		c->uniques[i] = u;
	}
	return c;
}

static sd_view *scratch_view(pg_norm *nm, const sd_view *v)
{
	sd_view *c = twin_copy(nm, &v->base, sizeof(*c));
	size_t i;

	c->query.sql = sd_pgn_to_scratch(nm, v->query.sql);
	c->no_data = true;
	c->columns = sd_arena_alloc(nm->tmp,
	                            (v->ncolumns + 1) * sizeof(*c->columns));
	for (i = 0; i < v->ncolumns; i++) {
		sd_column *col = sd_arena_alloc(nm->tmp, sizeof(*col));
		*col = *v->columns[i];
		if (sd_column_x(col)->comment)
			sd_column_xw(nm->tmp, col)->comment = NULL;
		col->default_value.sql =
			sd_pgn_to_scratch(nm, col->default_value.sql);
		c->columns[i] = col;
	}
	c->indexes = sd_arena_alloc(nm->tmp,
	                            (v->nindexes + 1) * sizeof(*c->indexes));
	for (i = 0; i < v->nindexes; i++) {
		sd_index *ix = sd_arena_alloc(nm->tmp, sizeof(*ix));
		*ix = *v->indexes[i];
		ix->base.name = sd_arena_printf(nm->tmp, "sd_vx%s_%zu", nm->tag,
		                                nm->seq++);
		ix->comment = NULL;
		c->indexes[i] = ix;
	}
	return c;
}

static sd_function *scratch_function(pg_norm *nm, const sd_function *f)
{
	sd_function *c = twin_copy(nm, &f->base, sizeof(*c));
	size_t i;

	c->canon_args = c->canon_result = c->canon_body = NULL;
	c->returns = sd_pgn_to_scratch(nm, f->returns);
	if (f->sql_body || f->aggregate)
		c->body = sd_pgn_to_scratch(nm, f->body);
	c->args = sd_arena_alloc(nm->tmp, (f->nargs + 1) * sizeof(*c->args));
	for (i = 0; i < f->nargs; i++) {
		c->args[i] = f->args[i];
		c->args[i].type = sd_pgn_to_scratch(nm, f->args[i].type);
		c->args[i].default_sql = sd_pgn_to_scratch(nm, f->args[i].default_sql);
	}
	return c;
}

static sd_trigger *scratch_trigger(pg_norm *nm, const sd_trigger *t)
{
	sd_trigger *c = twin_copy(nm, &t->base, sizeof(*c));

	c->when.sql = sd_pgn_to_scratch(nm, t->when.sql);
	c->function = sd_pgn_to_scratch(nm, t->function);
	c->enabled = 'O';
	memset(&c->definition, 0, sizeof(c->definition));
	return c;
}

static sd_policy *scratch_policy(pg_norm *nm, const sd_policy *p)
{
	sd_policy *c = twin_copy(nm, &p->base, sizeof(*c));

	c->using_.sql = sd_pgn_to_scratch(nm, p->using_.sql);
	c->with_check.sql = sd_pgn_to_scratch(nm, p->with_check.sql);
	return c;
}

static sd_rule *scratch_rule(pg_norm *nm, const sd_rule *r)
{
	sd_rule *c = twin_copy(nm, &r->base, sizeof(*c));

	c->where.sql = sd_pgn_to_scratch(nm, r->where.sql);
	c->actions = sd_pgn_to_scratch(nm, r->actions);
	memset(&c->definition, 0, sizeof(c->definition));
	return c;
}

/*
 * A SQL-standard body (BEGIN ATOMIC, RETURN) is parsed at CREATE even
 * with check_function_bodies off: one that names a view of the models
 * comes after the views. Quoted bodies are not parsed, so they all come
 * first (views may call them).
 */
static bool names_a_view(logic_run *lr, const sd_function *f)
{
	sd_arena *a = lr->nm->tmp;
	const char *key;
	size_t i, j;

	if (!f->sql_body)
		return false;
	key = sd_logic_key(a, &f->base);
	for (i = 0; i < lr->deps.n; i++) {
		const sd_dep *d = lr->deps.items[i];
		if (strcmp(d->dependent, key) != 0)
			continue;
		for (j = 0; j < lr->views.n; j++)
			if (strcmp(d->referenced,
			           sd_logic_key(a, lr->views.items[j])) == 0)
				return true;
	}
	return false;
}

/* Every statement, in the order the server needs them. */
static int plan_statements(logic_run *lr)
{
	pg_norm *nm = lr->nm;
	const sd_logic *l = lr->l;
	size_t i;
	int rc = SD_OK;

	for (i = 0; i < lr->tables.n && rc == SD_OK; i++)
		rc = add_create(lr, &scratch_table(nm, lr->tables.items[i])->base,
		                NULL);
	/* aggregates after the functions they call */
	for (i = 0; i < 2 * l->nfunctions && rc == SD_OK; i++) {
		const sd_function *f = l->functions[i % l->nfunctions];
		if (f->aggregate == (i < l->nfunctions) || names_a_view(lr, f))
			continue;
		rc = add_create(lr, &scratch_function(nm, f)->base, &f->base);
	}
	for (i = 0; i < lr->views.n && rc == SD_OK; i++)
		rc = add_create(lr, &scratch_view(nm, lr->views.items[i])->base,
		                lr->views.items[i]);
	for (i = 0; i < l->nfunctions && rc == SD_OK; i++)
		if (names_a_view(lr, l->functions[i]))
			rc = add_create(lr,
			                &scratch_function(nm, l->functions[i])->base,
			                &l->functions[i]->base);
	for (i = 0; i < l->ntriggers && rc == SD_OK; i++) {
		const sd_trigger *t = l->triggers[i];
		if (!t->function) {
			/* a body's END would end the normaliser's transaction */
			rc = sd_error_add(nm->err, SD_EINPUT, t->base.loc.path,
			                  t->base.loc.line, 0, t->base.name,
			                  "a PostgreSQL trigger executes a function "
			                  "(function:); body: is SQLite's");
			break;
		}
		rc = add_create(lr, &scratch_trigger(nm, t)->base, &t->base);
	}
	for (i = 0; i < l->npolicies && rc == SD_OK; i++)
		rc = add_create(lr, &scratch_policy(nm, l->policies[i])->base,
		                &l->policies[i]->base);
	for (i = 0; i < l->nrules && rc == SD_OK; i++)
		rc = add_create(lr, &scratch_rule(nm, l->rules[i])->base,
		                &l->rules[i]->base);
	return rc;
}

static bool mentions(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (; text && *text; text++)
		if (strncasecmp(text, name, n) == 0)
			return true;
	return false;
}

/* Whether the relation key names a relation f's arguments or result
 * mention (a row type), roughly: by its name anywhere in them. */
static bool names_in_signature(sd_arena *a, const sd_function *f,
                               const char *key)
{
	const char *name = strchr(key + 2, '\x1f') + 1;
	const char *end = strchr(name, '\x1f');
	char *n = sd_arena_strndup(a, name, (size_t)(end - name));
	size_t i;

	if (sd_objkey_kind(key) != SD_KEY_REL)
		return false;
	if (mentions(f->returns, n))
		return true;
	for (i = 0; i < f->nargs; i++)
		if (mentions(f->args[i].type, n))
			return true;
	return false;
}

/*
 * Whether function f of the models goes into the tables' round trip: a
 * default, check, generated column or index calls it, and its body
 * (quoted, so not parsed with check_function_bodies off; or standard
 * SQL naming no relation) needs no table.
 */
static bool table_function(const sd_vec *deps, sd_arena *a,
                           const sd_function *f)
{
	const char *key = sd_logic_key(a, &f->base);
	bool called = false;
	size_t i;

	if (f->aggregate)
		return false;
	for (i = 0; i < deps->n; i++) {
		const sd_dep *d = deps->items[i];
		int dk = sd_objkey_kind(d->dependent);
		if (strcmp(d->referenced, key) == 0 &&
		    (dk == SD_KEY_DEFAULT || dk == SD_KEY_COLUMN ||
		     dk == SD_KEY_CONSTRAINT || dk == SD_KEY_INDEX))
			called = true;
		else if (strcmp(d->dependent, key) == 0 &&
		         sd_objkey_kind(d->referenced) != SD_KEY_TYPE &&
		         (f->sql_body ||
		          names_in_signature(a, f, d->referenced)))
			return false;
	}
	return called;
}

int sd_pgn_table_functions_sql(pg_norm *nm, sd_buf *sql)
{
	const sd_logic *l = sd_logic_of(nm->models);
	sd_vec deps = {NULL, 0, 0};
	bool any = false;
	size_t i;
	int rc = SD_OK;

	if (!l->nfunctions)
		return SD_OK;
	sd_logic_lexical_deps(nm->models, SD_SQL_POSTGRES, nm->tmp, &deps);
	for (i = 0; i < l->nfunctions && rc == SD_OK; i++) {
		sd_op op;
		if (!table_function(&deps, nm->tmp, l->functions[i]))
			continue;
		if (!any)
			sd_buf_put(sql,
			           "SET LOCAL check_function_bodies = off;\n");
		any = true;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_CREATE_OBJECT;
		op.obj_new = &scratch_function(nm, l->functions[i])->base;
		rc = sd_dialect_postgres.emit_op(sql, &op, nm->err);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Running, and naming what the server refused                         */
/* ------------------------------------------------------------------ */

/* "view active_users", "function add(int, int)", "trigger t on users" */
static const char *describe(pg_norm *nm, const sd_object *o)
{
	switch (o->kind) {
	case SD_OBJ_VIEW:
		return sd_arena_printf(nm->tmp, "view %s",
		                       sd_qualified_name(nm->tmp, o->schema,
		                                         o->name));
	case SD_OBJ_FUNCTION:
		return sd_arena_printf(
			nm->tmp, "%s %s",
			((const sd_function *)o)->procedure ? "procedure"
			                                    : "function",
			sd_qualified_name(nm->tmp, o->schema,
			                  sd_function_key(nm->tmp,
			                                  (const sd_function *)o)));
	case SD_OBJ_TRIGGER:
		return sd_arena_printf(nm->tmp, "trigger %s on %s", o->name,
		                       ((const sd_trigger *)o)->table);
	case SD_OBJ_POLICY:
		return sd_arena_printf(nm->tmp, "policy %s on %s", o->name,
		                       ((const sd_policy *)o)->table);
	default:
		return sd_arena_printf(nm->tmp, "rule %s on %s", o->name,
		                       ((const sd_rule *)o)->table);
	}
}

/* The server's refusal of object o, at o's line in the models. */
static void refused(pg_norm *nm, const sd_object *o, PGresult *res)
{
	sd_buf msg = SD_BUF_INIT;
	const char *m = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);

	sd_buf_put(&msg, m ? m : PQresultErrorMessage(res));
	sd_error_add(nm->err, SD_EINPUT, o->loc.path, o->loc.line, 0,
	             describe(nm, o), "PostgreSQL refuses it: %s",
	             sd_buf_cstr(&msg));
	sd_buf_free(&msg);
}

/*
 * Runs the statements one object at a time, each under a savepoint kept
 * when it works and rolled back when it does not: every refusal is
 * reported, and what comes after still gets its chance.
 */
static int run_one_by_one(logic_run *lr)
{
	pg_norm *nm = lr->nm;
	size_t i;
	int rc = SD_OK;

	for (i = 0; i < lr->stmts.n; i++) {
		const sd_object *o = lr->owners.items[i];
		sd_buf sql = SD_BUF_INIT;
		PGresult *res;
		const char *bad =
			sd_pgn_syntax_error(nm->tmp, lr->stmts.items[i]);
		if (bad) {
			if (o)
				sd_error_add(nm->err, SD_EINPUT, o->loc.path,
				             o->loc.line, 0, describe(nm, o),
				             "PostgreSQL refuses it: %s", bad);
			else
				sd_error_add(nm->err, SD_EINPUT, NULL, 0, 0,
				             NULL,
				             "the models do not compile on "
				             "PostgreSQL: %s", bad);
			lr->failed = true;
			continue;
		}
		sd_buf_printf(&sql, "SAVEPOINT sd_norm_one;\n%s",
		              (const char *)lr->stmts.items[i]);
		res = PQexec(nm->conn, sd_buf_cstr(&sql));
		sd_buf_free(&sql);
		if (PQresultStatus(res) == PGRES_COMMAND_OK) {
			PQclear(res);
			rc = sd_pgn_exec(nm, "RELEASE SAVEPOINT sd_norm_one", NULL);
		} else {
			if (o)
				refused(nm, o, res);
			else
				sd_pgn_error(nm, SD_EINPUT, NULL,
				             "the models do not compile on "
				             "PostgreSQL",
				             res);
			PQclear(res);
			lr->failed = true;
			rc = sd_pgn_exec(nm, "ROLLBACK TO SAVEPOINT sd_norm_one",
			                 NULL);
		}
		if (rc != SD_OK)
			return rc;
	}
	return lr->failed ? SD_EINPUT : SD_OK;
}

static int run_all(logic_run *lr)
{
	pg_norm *nm = lr->nm;
	sd_buf sql = SD_BUF_INIT;
	PGresult *res;
	size_t i;
	int rc;

	sd_buf_put(&sql, "SAVEPOINT sd_norm_all;\n");
	for (i = 0; i < lr->stmts.n; i++)
		sd_buf_put(&sql, lr->stmts.items[i]);
	/* a statement that does not parse would fail the script before
	 * its SAVEPOINT: one by one, each is checked first */
	if (sd_pgn_syntax_error(nm->tmp, sd_buf_cstr(&sql))) {
		sd_buf_free(&sql);
		return run_one_by_one(lr);
	}
	res = PQexec(nm->conn, sd_buf_cstr(&sql));
	sd_buf_free(&sql);
	if (PQresultStatus(res) == PGRES_COMMAND_OK) {
		PQclear(res);
		return SD_OK;
	}
	PQclear(res);
	rc = sd_pgn_exec(nm, "ROLLBACK TO SAVEPOINT sd_norm_all", NULL);
	return rc == SD_OK ? run_one_by_one(lr) : rc;
}

/* ------------------------------------------------------------------ */
/* Reading back                                                        */
/* ------------------------------------------------------------------ */

/* A scratch schema's name -> the model schema it stands for. */
static const char *scratch_nsp(void *ctx, const char *nsp)
{
	pg_norm *nm = ctx;
	size_t i;

	for (i = 0; i < nm->nscratch; i++)
		if (strcmp(nm->scratch[i], nsp) == 0)
			return nm->orig[i];
	return nsp;
}

static const char *unscratch(pg_norm *nm, const char *text)
{
	return sd_pgn_unscratch(nm, text);
}

/*
 * The overloads the models' functions are, as the server names them:
 * each one's signature resolved (to_regprocedure) and spelled
 * (oidvectortypes), "int, varchar" -> "integer, character varying".
 */
static int function_identities(logic_run *lr)
{
	pg_norm *nm = lr->nm;
	sd_buf sigs = SD_BUF_INIT;
	const char *params[1];
	PGresult *res;
	size_t i;
	int row;

	if (!lr->l->nfunctions)
		return SD_OK;
	sd_buf_putc(&sigs, '{');
	for (i = 0; i < lr->l->nfunctions; i++) {
		const sd_function *f = lr->l->functions[i];
		sd_buf sig = SD_BUF_INIT;
		size_t k;
		sd_quote_ident_std(&sig, twin_schema(nm, f->base.schema));
		sd_buf_putc(&sig, '.');
		sd_quote_ident_std(&sig, f->base.name);
		sd_buf_putc(&sig, '(');
		sd_buf_put(&sig, sd_pgn_to_scratch(nm, f->identity));
		sd_buf_putc(&sig, ')');
		sd_buf_put(&sigs, i ? ",\"" : "\"");
		for (k = 0; k < sig.len; k++) {
			if (sig.data[k] == '"' || sig.data[k] == '\\')
				sd_buf_putc(&sigs, '\\');
			sd_buf_putc(&sigs, sig.data[k]);
		}
		sd_buf_putc(&sigs, '"');
		sd_buf_free(&sig);
	}
	sd_buf_putc(&sigs, '}');
	params[0] = sd_buf_cstr(&sigs);
	res = PQexecParams(nm->conn,
	                   "SELECT u.i, oidvectortypes(p.proargtypes)"
	                   " FROM unnest($1::text[]) WITH ORDINALITY u(s, i)"
	                   " JOIN pg_proc p ON p.oid = to_regprocedure(u.s)",
	                   1, NULL, params, NULL, NULL, 0);
	sd_buf_free(&sigs);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		int rc = sd_pgn_error(nm, SD_ERUNTIME, NULL,
		                      "reading the scratch functions back", res);
		PQclear(res);
		return rc;
	}
	for (row = 0; row < PQntuples(res); row++) {
		size_t k = (size_t)atol(PQgetvalue(res, row, 0)) - 1;
		if (k < lr->l->nfunctions)
			lr->l->functions[k]->identity =
				unscratch(nm, PQgetvalue(res, row, 1));
	}
	PQclear(res);
	return SD_OK;
}

/* The scratch object of the same kind and key as model object o. */
static const sd_object *twin_object(pg_norm *nm, sd_map *by_key,
                                    const sd_object *o)
{
	return sd_map_get(by_key, sd_logic_key(nm->tmp, o));
}

static sd_map *keyed(pg_norm *nm, const sd_logic *l)
{
	sd_map *m = sd_map_new(nm->tmp, 64);
	size_t i;

#define PUT(arr, n)                                                          \
	for (i = 0; i < l->n; i++)                                           \
		sd_map_put(m, sd_logic_key(nm->tmp, &l->arr[i]->base),       \
		           l->arr[i]);
	PUT(views, nviews)
	PUT(functions, nfunctions)
	PUT(triggers, ntriggers)
	PUT(policies, npolicies)
	PUT(rules, nrules)
#undef PUT
	return m;
}

static void canon_expr(pg_norm *nm, sd_expr *model, const sd_expr *server)
{
	if (model->sql && server->sql)
		model->canon = unscratch(nm, server->sql);
}

void sd_pgn_view_columns(pg_norm *nm, sd_view *v, const sd_view *s)
{
	sd_arena *a = nm->models->arena;
	sd_column **cols = sd_arena_alloc(a, (s->ncolumns + 1) * sizeof(*cols));
	size_t i, j;

	for (i = 0; i < s->ncolumns; i++) {
		sd_column *c = sd_arena_alloc(a, sizeof(*c));
		const sd_column *sc = s->columns[i];
		/* the server's column, every text copied: the scratch
		 * schema it was read into is freed */
		memset(c, 0, sizeof(*c));
		c->base = sc->base;
		c->base.schema = v->base.schema;
		c->base.name = sd_arena_strdup(a, sc->base.name);
		c->type = sc->type;
		c->type.name = unscratch(nm, sc->type.name);
		c->type.enum_schema = sd_arena_strdup(a, sc->type.enum_schema);
		c->type_sql = unscratch(nm, sc->type_sql);
		if (sd_column_x(sc)->collation)
			sd_column_xw(a, c)->collation =
				sd_arena_strdup(a, sd_column_x(sc)->collation);
		c->nullable = sc->nullable;
		/* a materialized view's column settings, as the server
		 * keeps what the models gave */
		c->type_storage = sc->type_storage;
		SD_COLUMN_XSET(a, c, storage, sd_column_x(sc)->storage);
		SD_COLUMN_XSET(a, c, compression,
		               sd_column_x(sc)->compression);
		SD_COLUMN_XSET(a, c, statistics, sd_column_x(sc)->statistics);
		SD_COLUMN_XSET(a, c, statistics_set,
		               sd_column_x(sc)->statistics_set);
		for (j = 0; j < sd_column_x(sc)->options.n; j++)
			sd_strlist_push(a, &sd_column_xw(a, c)->options,
			                sd_arena_strdup(a, sd_column_x(sc)
			                                       ->options.items[j]));
		for (j = 0; j < v->ncolumns; j++) {
			const sd_column *m = v->columns[j];
			if (!sd_streq(m->base.name, c->base.name))
				continue;
			if (sd_column_x(m)->comment)
				sd_column_xw(a, c)->comment =
					sd_column_x(m)->comment;
			c->default_value.sql = m->default_value.sql;
			if (m->default_value.sql && s->columns[i]->default_value.sql)
				c->default_value.canon = unscratch(
					nm, s->columns[i]->default_value.sql);
		}
		cols[i] = c;
	}
	v->columns = cols;
	v->ncolumns = s->ncolumns;
}

static void copy_canon(logic_run *lr, const sd_schema *scratch)
{
	pg_norm *nm = lr->nm;
	const sd_logic *l = lr->l, *sl = sd_logic_of(scratch);
	sd_map *twins;
	size_t i;

	/* overloads by the models' names for their types */
	for (i = 0; i < sl->nfunctions; i++)
		sl->functions[i]->identity =
			unscratch(nm, sl->functions[i]->identity);
	twins = keyed(nm, sl);

	for (i = 0; i < l->nviews; i++) {
		sd_view *v = l->views[i];
		const sd_view *s = (const sd_view *)twin_object(nm, twins,
		                                                &v->base);
		if (!s)
			continue;
		v->query.canon = unscratch(nm, s->query.sql);
		sd_strlist_copy(nm->models->arena, &v->options, &s->options);
		sd_pgn_view_columns(nm, v, s);
	}
	for (i = 0; i < l->nfunctions; i++) {
		sd_function *f = l->functions[i];
		const sd_function *s = (const sd_function *)twin_object(
			nm, twins, &f->base);
		if (!s)
			continue;
		f->canon_args = unscratch(nm, s->canon_args);
		f->canon_result = unscratch(nm, s->canon_result);
		if (f->sql_body || f->aggregate)
			f->canon_body = unscratch(nm, s->canon_body);
		sd_strlist_copy(nm->models->arena, &f->config, &s->config);
		if (!f->cost)
			f->cost = sd_arena_strdup(nm->models->arena, s->cost);
		if (!f->rows)
			f->rows = sd_arena_strdup(nm->models->arena, s->rows);
	}
	for (i = 0; i < l->ntriggers; i++) {
		sd_trigger *t = l->triggers[i];
		const sd_trigger *s = (const sd_trigger *)twin_object(
			nm, twins, &t->base);
		if (!s)
			continue;
		t->definition.canon = unscratch(nm, s->definition.sql);
		canon_expr(nm, &t->when, &s->when);
	}
	for (i = 0; i < l->npolicies; i++) {
		sd_policy *p = l->policies[i];
		const sd_policy *s = (const sd_policy *)twin_object(
			nm, twins, &p->base);
		if (!s)
			continue;
		canon_expr(nm, &p->using_, &s->using_);
		canon_expr(nm, &p->with_check, &s->with_check);
		sd_strlist_copy(nm->models->arena, &p->roles, &s->roles);
	}
	for (i = 0; i < l->nrules; i++) {
		sd_rule *r = l->rules[i];
		const sd_rule *s = (const sd_rule *)twin_object(nm, twins,
		                                                &r->base);
		if (!s)
			continue;
		r->definition.canon = unscratch(nm, s->definition.sql);
		canon_expr(nm, &r->where, &s->where);
	}
}

/* The scratch schemas for the reader: " (SELECT oid ... ) ". */
static const char *scratch_set(pg_norm *nm)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;
	size_t i;

	sd_buf_put(&b, " (SELECT oid FROM pg_namespace WHERE nspname IN (");
	for (i = 0; i < nm->nscratch; i++) {
		sd_buf_put(&b, i ? ", " : "");
		sd_quote_literal_std(&b, nm->scratch[i]);
	}
	sd_buf_put(&b, ")) ");
	out = sd_arena_strdup(nm->tmp, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

int sd_pgn_logic(pg_norm *nm)
{
	logic_run lr;
	sd_schema *scratch = NULL;
	int rc;

	memset(&lr, 0, sizeof(lr));
	lr.nm = nm;
	lr.l = sd_logic_of(nm->models);
	sd_logic_lexical_deps(nm->models, SD_SQL_POSTGRES, nm->tmp, &lr.deps);
	needed_tables(&lr);
	order_views(&lr);
	if ((rc = sd_pgn_exec(nm, "SAVEPOINT sd_norm_logic;\n"
	                          "SET LOCAL check_function_bodies = off",
	                      NULL)) != SD_OK)
		return rc;
	if ((rc = plan_statements(&lr)) == SD_OK &&
	    (rc = run_all(&lr)) == SD_OK &&
	    (rc = function_identities(&lr)) == SD_OK &&
	    (rc = sd_pg_read_logic_in(&scratch, nm->conn, scratch_set(nm),
	                              scratch_nsp, nm, nm->err)) == SD_OK)
		copy_canon(&lr, scratch);
	sd_schema_free(scratch);
	if (rc == SD_OK || rc == SD_EINPUT) {
		int rb = sd_pgn_exec(nm, "ROLLBACK TO SAVEPOINT sd_norm_logic",
		                     NULL);
		if (rc == SD_OK)
			rc = rb;
	}
	return rc;
}
