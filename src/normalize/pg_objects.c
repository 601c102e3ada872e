/*
 * pg_objects.c - the normaliser's part for the schema-level objects
 * (extensions, collations, domains, composite and range types) and for
 * partitioning: what the server stores for a domain's type, default and
 * checks, a composite's attributes, a range's subtype, a partition key
 * and bound (see pg_norm.h). The objects live in the scratch twins of
 * their schemas for the whole normalisation, so that the tables' columns
 * find them; partitions only under a savepoint of their own.
 */
#include "normalize/pg_norm.h"

#include <string.h>

#include "db/postgres.h"
#include "diff/plan.h"
#include "emit/dialect.h"
#include "introspect/pg_objects.h"
#include "util/sql.h"

/* ------------------------------------------------------------------ */
/* Scratch names                                                       */
/* ------------------------------------------------------------------ */

const char *sd_pg_scratch_for(const sd_pg_scratch *s, const char *schema)
{
	size_t i;

	schema = sd_namespace_key(schema);
	for (i = 0; i < s->n; i++)
		if (sd_streq(s->orig[i], schema))
			return s->scratch[i];
	return schema; /* not a model schema: a live one, left alone */
}

const char *sd_pg_scratch_type(const sd_pg_scratch *s, const char *text)
{
	const char *dot;
	char *schema;
	size_t i;

	if (!text)
		return text;
	if (text[0] == '"') {
		/* "Odd Schema".type: the quoted name, "" as one quote */
		sd_buf b = SD_BUF_INIT;
		for (dot = text + 1; *dot; dot++) {
			if (*dot == '"' && dot[1] != '"')
				break;
			if (*dot == '"')
				dot++;
			sd_buf_putc(&b, *dot);
		}
		schema = sd_arena_strdup(s->tmp, sd_buf_cstr(&b));
		sd_buf_free(&b);
		if (*dot != '"' || dot[1] != '.')
			return text;
		dot++;
	} else {
		if (!(dot = strchr(text, '.')))
			return text;
		schema = sd_arena_strndup(s->tmp, text, (size_t)(dot - text));
	}
	for (i = 0; i < s->n; i++)
		if (s->orig[i] && strcmp(s->orig[i], schema) == 0)
			return sd_arena_printf(s->tmp, "%s%s", s->scratch[i],
			                       dot);
	return text;
}

const char *sd_pg_unscratch_in(const sd_pg_scratch *s, sd_arena *a,
                               const char *text, bool bare)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = text, *out;
	size_t i;

	if (!text)
		return NULL;
	if (!strstr(text, "sd_norm_"))
		return sd_arena_strdup(a, text);
	while (*p) {
		bool hit = false;
		for (i = 0; i < s->n && !hit; i++) {
			size_t n = strlen(s->scratch[i]);
			if (strncmp(p, s->scratch[i], n) != 0)
				continue;
			if (p[n] == '.') {
				if (s->orig[i])
					sd_buf_printf(&b, "%s.", s->orig[i]);
				p += n + 1;
				hit = true;
			} else if (bare &&
			           (p[n] == '"' || p[n] == '\0' || p[n] == ' ')) {
				sd_buf_put(&b, s->orig[i] ? s->orig[i]
				                          : sd_namespace_default());
				p += n;
				hit = true;
			}
		}
		if (!hit)
			sd_buf_putc(&b, *p++);
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

const char *sd_pg_unscratch(const sd_pg_scratch *s, const char *text)
{
	return sd_pg_unscratch_in(s, s->models->arena, text, false);
}

/* A model type made to name the scratch twins (enums, other schemas). */
static sd_type scratch_type(const sd_pg_scratch *s, const sd_type *t,
                            const char *own_schema)
{
	sd_type x = *t;

	if (x.kind == SD_T_ENUM) {
		const char *es = x.enum_schema;
		if (!es && own_schema &&
		    sd_schema_find_enum(s->models, own_schema, x.name))
			es = own_schema;
		x.enum_schema = sd_pg_scratch_for(s, es);
	} else if (x.kind == SD_T_RAW) {
		x.name = sd_pg_scratch_type(s, x.name);
	}
	return x;
}

/* The server's type back in the models' words: an enum's schema, the
 * namespaces in a verbatim type's text. */
static sd_type model_type(const sd_pg_scratch *s, const sd_type *t)
{
	sd_type x = *t;
	size_t i;

	if (x.kind == SD_T_ENUM) {
		for (i = 0; i < s->n; i++)
			if (sd_streq(x.enum_schema, s->scratch[i]))
				x.enum_schema = s->orig[i];
		x.name = sd_arena_strdup(s->models->arena, x.name);
	} else if (x.kind == SD_T_RAW) {
		x.name = sd_pg_unscratch(s, x.name);
	}
	return x;
}

/* ------------------------------------------------------------------ */
/* nextval                                                             */
/* ------------------------------------------------------------------ */

static bool plain_word(const char *p, size_t n)
{
	size_t i;

	if (!n || !((p[0] >= 'a' && p[0] <= 'z') || p[0] == '_'))
		return false;
	for (i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		      (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
			return false;
	return true;
}

/*
 * One part of a sequence's name in a nextval literal at *p: a plain word
 * or a double-quoted name ("" for a quote); its name into out, *p moved
 * past it. False when neither.
 */
static bool seq_name_part(const char **p, sd_buf *out)
{
	const char *s = *p;
	size_t n = 0;

	if (*s == '"') {
		for (s++; *s; s++) {
			if (*s == '"' && s[1] != '"')
				break;
			if (*s == '"')
				s++;
			sd_buf_putc(out, *s);
			n++;
		}
		if (*s != '"' || !n)
			return false;
		*p = s + 1;
		return true;
	}
	while (s[n] && s[n] != '.' && s[n] != '\'')
		n++;
	if (!plain_word(s, n))
		return false;
	sd_buf_putn(out, s, n);
	*p = s + n;
	return true;
}

/* name as the server writes it in a regclass: plain, or quoted. */
static void put_regclass_part(sd_buf *out, const char *name)
{
	const char *c;

	if (plain_word(name, strlen(name))) {
		sd_buf_put(out, name);
		return;
	}
	sd_buf_putc(out, '"');
	for (c = name; *c; c++) {
		if (*c == '"')
			sd_buf_putc(out, '"');
		sd_buf_putc(out, *c);
	}
	sd_buf_putc(out, '"');
}

const char *sd_pg_canon_nextval(sd_arena *a, const char *sql)
{
	static const char head[] = "nextval('";
	sd_buf first = SD_BUF_INIT, second = SD_BUF_INIT, out = SD_BUF_INIT;
	const char *p, *res = NULL;
	bool qualified = false;

	if (!sql || strncmp(sql, head, sizeof(head) - 1) != 0)
		return NULL;
	p = sql + sizeof(head) - 1;
	if (!seq_name_part(&p, &first))
		goto done;
	if (*p == '.') {
		p++;
		qualified = true;
		if (!seq_name_part(&p, &second))
			goto done;
	}
	if (strcmp(p, "')") != 0 && strcmp(p, "'::regclass)") != 0)
		goto done;
	if (!a) {
		res = sql; /* only asked whether */
		goto done;
	}
	sd_buf_put(&out, "nextval('");
	/* the default namespace is on the search path */
	if (qualified &&
	    strcmp(sd_buf_cstr(&first), sd_namespace_default()) != 0) {
		put_regclass_part(&out, sd_buf_cstr(&first));
		sd_buf_putc(&out, '.');
	}
	put_regclass_part(&out, sd_buf_cstr(qualified ? &second : &first));
	sd_buf_put(&out, "'::regclass)");
	res = sd_arena_strdup(a, sd_buf_cstr(&out));
done:
	sd_buf_free(&first);
	sd_buf_free(&second);
	sd_buf_free(&out);
	return res;
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

bool sd_pg_norm_objects_wanted(const sd_schema *m)
{
	return m->nextensions || m->ncollations || m->ndomains ||
	       m->ncomposites || m->nranges;
}

/* A shallow copy of o's struct in a, in its scratch twin. */
static void *twin(const sd_pg_scratch *s, sd_arena *a, const void *o,
                  size_t size)
{
	sd_object *c = sd_arena_alloc(a, size);

	memcpy(c, o, size);
	c->schema = sd_pg_scratch_for(s, c->schema);
	return c;
}

/* The models' collations, domains, composite and range types in their
 * scratch twins, as a schema of their own (the differ orders them). */
static sd_schema *twins(const sd_pg_scratch *s)
{
	const sd_schema *m = s->models;
	sd_schema *t = sd_schema_new();
	size_t i, k;

	t->dialect = NULL;
	for (i = 0; i < m->ncollations; i++) {
		sd_collation *c = twin(s, t->arena, m->collations[i],
		                       sizeof(*c));
		c->comment = NULL;
		sd_schema_add_collation(t, c->base.schema, c->base.name);
		*t->collations[t->ncollations - 1] = *c;
	}
	for (i = 0; i < m->ndomains; i++) {
		sd_domain *d = twin(s, t->arena, m->domains[i], sizeof(*d));
		d->type = scratch_type(s, &d->type, m->domains[i]->base.schema);
		d->comment = NULL;
		d->checks = sd_arena_alloc(t->arena,
		                           (d->nchecks + 1) * sizeof(sd_check *));
		for (k = 0; k < d->nchecks; k++) {
			sd_check *ck = sd_arena_alloc(t->arena, sizeof(*ck));
			*ck = *m->domains[i]->checks[k];
			ck->comment = NULL;
			d->checks[k] = ck;
		}
		sd_schema_add_domain(t, d->base.schema, d->base.name);
		*t->domains[t->ndomains - 1] = *d;
	}
	for (i = 0; i < m->ncomposites; i++) {
		sd_composite *c = twin(s, t->arena, m->composites[i],
		                       sizeof(*c));
		c->comment = NULL;
		c->attributes = sd_arena_alloc(
			t->arena, (c->nattributes + 1) * sizeof(sd_column *));
		for (k = 0; k < c->nattributes; k++) {
			sd_column *a = sd_arena_alloc(t->arena, sizeof(*a));
			*a = *m->composites[i]->attributes[k];
			a->type = scratch_type(s, &a->type,
			                       m->composites[i]->base.schema);
			if (sd_column_x(a)->comment)
				sd_column_xw(t->arena, a)->comment = NULL;
			c->attributes[k] = a;
		}
		sd_schema_add_composite(t, c->base.schema, c->base.name);
		*t->composites[t->ncomposites - 1] = *c;
	}
	for (i = 0; i < m->nranges; i++) {
		sd_range *r = twin(s, t->arena, m->ranges[i], sizeof(*r));
		r->subtype = scratch_type(s, &r->subtype, m->ranges[i]->base.schema);
		r->comment = NULL;
		/* the multirange's name would clash with the live type's */
		r->multirange = NULL;
		sd_schema_add_range(t, r->base.schema, r->base.name);
		*t->ranges[t->nranges - 1] = *r;
	}
	return t;
}

/* A DO block for extension name of schema own: one the database lacks
 * is created in own when that exists and may be written (a function
 * body or expression may name its objects qualified, as
 * public.unaccent), else in schema twin; one the database has elsewhere
 * moves to twin when it can. */
static void extension_sql(sd_buf *sql, const char *name, const char *own,
                          const char *twin)
{
	sd_buf q = SD_BUF_INIT, create = SD_BUF_INIT, move = SD_BUF_INIT;

	sd_buf_put(&create, "BEGIN CREATE EXTENSION ");
	sd_quote_ident_std(&create, name);
	sd_buf_put(&create, " SCHEMA ");
	sd_quote_ident_std(&create, own);
	sd_buf_put(&create, "; EXCEPTION WHEN OTHERS THEN CREATE EXTENSION ");
	sd_quote_ident_std(&create, name);
	sd_quote_ident_std(&q, twin);
	sd_buf_printf(&create, " SCHEMA %s; END;", sd_buf_cstr(&q));
	sd_buf_put(&move, "ALTER EXTENSION ");
	sd_quote_ident_std(&move, name);
	sd_buf_printf(&move, " SET SCHEMA %s", sd_buf_cstr(&q));
	sd_buf_put(sql, "DO $sd_ext$ DECLARE x record; BEGIN\n"
	                "  SELECT extrelocatable, extnamespace::regnamespace::text"
	                " AS nsp INTO x FROM pg_extension WHERE extname = ");
	sd_quote_literal_std(sql, name);
	sd_buf_put(sql, ";\n  IF NOT FOUND THEN\n    ");
	sd_buf_put(sql, sd_buf_cstr(&create));
	sd_buf_put(sql, "\n  ELSIF x.extrelocatable AND x.nsp <> ");
	sd_quote_literal_std(sql, twin);
	sd_buf_put(sql, " AND EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ");
	sd_quote_literal_std(sql, twin);
	sd_buf_put(sql, ") THEN\n    EXECUTE ");
	sd_quote_literal_std(sql, sd_buf_cstr(&move));
	sd_buf_put(sql, ";\n  END IF;\nEND $sd_ext$;\n");
	sd_buf_free(&q);
	sd_buf_free(&create);
	sd_buf_free(&move);
}

int sd_pg_norm_objects_sql(const sd_pg_scratch *s, sd_buf *sql)
{
	const sd_schema *m = s->models;
	sd_schema *t = twins(s), *empty = sd_schema_new();
	sd_diff_opts o;
	sd_plan *plan = NULL;
	sd_buf one = SD_BUF_INIT;
	bool failed = false;
	size_t i;
	int rc;

	/* an extension the database lacks comes into its own schema when
	 * it can, else into the twin of that schema; one it has moves to
	 * the twin when it can (the transaction is rolled back), so that
	 * "ext.hstore" finds it as the models' columns, defaults and
	 * operator classes name it; one that cannot move is used where it
	 * is */
	for (i = 0; i < m->nextensions; i++)
		extension_sql(sql, m->extensions[i]->base.name,
		              m->extensions[i]->base.schema ?
		                      m->extensions[i]->base.schema :
		                      sd_namespace_default(),
		              sd_pg_scratch_for(s, m->extensions[i]->base.schema));
	memset(&o, 0, sizeof(o));
	o.caps = &sd_caps_postgres;
	rc = sd_diff(&plan, empty, t, &o, s->err);
	for (i = 0; rc == SD_OK && i < plan->nops; i++) {
		const sd_object *ob = plan->ops[i]->obj_new;
		const char *bad;
		if (plan->ops[i]->kind != SD_OP_CREATE_OBJECT)
			continue;
		sd_buf_truncate(&one, 0);
		rc = sd_dialect_postgres.emit_op(&one, plan->ops[i], s->err);
		if (rc != SD_OK)
			break;
		if ((bad = sd_pgn_syntax_error(s->tmp, sd_buf_cstr(&one)))) {
			sd_error_add(s->err, SD_EINPUT, ob->loc.path,
			             ob->loc.line, 0, ob->name,
			             "PostgreSQL refuses it: %s", bad);
			failed = true;
			continue;
		}
		sd_buf_put(sql, sd_buf_cstr(&one));
	}
	if (rc == SD_OK && failed)
		rc = SD_EINPUT;
	sd_buf_free(&one);
	sd_plan_free(plan);
	sd_schema_free(t);
	sd_schema_free(empty);
	return rc;
}

/* "(SELECT oid FROM pg_namespace WHERE nspname IN ('a', 'b'))" */
static const char *scratch_oids(const sd_pg_scratch *s)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;
	size_t i;

	sd_buf_put(&b, " (SELECT oid FROM pg_namespace WHERE nspname IN (");
	for (i = 0; i < s->n; i++) {
		sd_buf_put(&b, i ? ", " : "");
		sd_quote_literal_std(&b, s->scratch[i]);
	}
	sd_buf_put(&b, ")) ");
	out = sd_arena_strdup(s->tmp, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/* The object of r (read from the scratch twins) that model object o
 * became, by kind, twin schema and name. */
static const sd_object *read_twin(const sd_pg_scratch *s, const sd_schema *r,
                                  const sd_object *o)
{
	const char *schema = sd_pg_scratch_for(s, o->schema);
	sd_object *const *arr = NULL;
	size_t n = 0, i;

	if (sd_streq(schema, s->scratch[0]))
		schema = NULL; /* read as the default namespace */
	switch (o->kind) {
	case SD_OBJ_DOMAIN:
		arr = (sd_object *const *)r->domains;
		n = r->ndomains;
		break;
	case SD_OBJ_COMPOSITE:
		arr = (sd_object *const *)r->composites;
		n = r->ncomposites;
		break;
	case SD_OBJ_RANGE:
		arr = (sd_object *const *)r->ranges;
		n = r->nranges;
		break;
	default:
		break;
	}
	for (i = 0; i < n; i++)
		if (sd_streq(arr[i]->schema, schema) &&
		    sd_streq(arr[i]->name, o->name))
			return arr[i];
	return NULL;
}

/* The type a model object names, as the server stores it: only
 * verbatim types change (portable ones compare by meaning already). */
static void canon_type(const sd_pg_scratch *s, sd_type *model,
                       const sd_type *server)
{
	if (model->kind == SD_T_RAW)
		*model = model_type(s, server);
}

void sd_pg_norm_domain_canon(const sd_pg_scratch *s, sd_domain *d,
                             const sd_domain *r)
{
	size_t i, k;

	canon_type(s, &d->type, &r->type);
	if (d->default_value.sql)
		d->default_value.canon = sd_pg_unscratch(s, r->default_value.sql);
	for (i = 0; i < d->nchecks; i++)
		for (k = 0; k < r->nchecks; k++)
			if (sd_streq(d->checks[i]->base.name,
			             r->checks[k]->base.name))
				d->checks[i]->expression.canon = sd_pg_unscratch(
					s, r->checks[k]->expression.sql);
}

int sd_pg_norm_objects_read(const sd_pg_scratch *s)
{
	sd_schema *m = s->models;
	sd_pg_objread o;
	sd_schema *r = sd_schema_new();
	size_t i, k;
	int rc;

	memset(&o, 0, sizeof(o));
	o.conn = s->conn;
	o.s = r;
	o.nsp_oids = scratch_oids(s);
	o.default_nsp = s->scratch[0];
	o.err = s->err;
	rc = sd_pg_read_objects(&o);
	for (i = 0; rc == SD_OK && i < m->ndomains; i++) {
		const sd_domain *d = (const sd_domain *)read_twin(
			s, r, &m->domains[i]->base);
		if (d)
			sd_pg_norm_domain_canon(s, m->domains[i], d);
	}
	for (i = 0; rc == SD_OK && i < m->ncomposites; i++) {
		sd_composite *c = m->composites[i];
		const sd_composite *t =
			(const sd_composite *)read_twin(s, r, &c->base);
		for (k = 0; t && k < c->nattributes && k < t->nattributes; k++)
			canon_type(s, &c->attributes[k]->type,
			           &t->attributes[k]->type);
	}
	for (i = 0; rc == SD_OK && i < m->nranges; i++) {
		const sd_range *g = (const sd_range *)read_twin(
			s, r, &m->ranges[i]->base);
		if (g)
			canon_type(s, &m->ranges[i]->subtype, &g->subtype);
	}
	sd_schema_free(r);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Partitions                                                          */
/* ------------------------------------------------------------------ */

/* Back from the scratch tables of a run: key, bound per scratch name. */
static const char q_partitions[] =
	"SELECT c.relname, CASE WHEN c.relkind = 'p'"
	"  THEN pg_get_partkeydef(c.oid) END,"
	" CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid)"
	"  END"
	" FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM pg_namespace"
	"  WHERE nspname = $1) AND c.relname = ANY($2::name[])";

/* A copy of t in the scratch schema, named name, with its columns' types
 * and collations only, and its parent's scratch name. */
static sd_table *scratch_table(const sd_pg_scratch *s, const sd_table *t,
                               const char *name, const char *parent)
{
	sd_table *x = sd_arena_alloc(s->tmp, sizeof(*x));
	size_t i;

	memset(x, 0, sizeof(*x));
	x->base.kind = SD_OBJ_TABLE;
	x->base.schema = s->scratch[0];
	x->base.name = name;
	x->partition_by = t->partition_by;
	x->partition_bound = t->partition_bound;
	x->partition_of = parent;
	x->partition_of_schema = parent ? s->scratch[0] : NULL;
	x->columns = sd_arena_alloc(s->tmp,
	                            (t->ncolumns + 1) * sizeof(sd_column *));
	for (i = 0; i < t->ncolumns; i++) {
		sd_column *c = sd_arena_alloc(s->tmp, sizeof(*c));
		memset(c, 0, sizeof(*c));
		c->base = t->columns[i]->base;
		c->type = scratch_type(s, &t->columns[i]->type, t->base.schema);
		if (sd_column_x(t->columns[i])->collation)
			sd_column_xw(s->tmp, c)->collation =
				sd_column_x(t->columns[i])->collation;
		c->nullable = true;
		c->inherited = parent != NULL;
		x->columns[x->ncolumns++] = c;
	}
	/* a partitioned table's keys must hold its partition key's
	 * columns: the server says so here, at the table's line, rather
	 * than when the revision runs */
	if (t->partition_by.sql && !parent) {
		if (t->primary_key) {
			x->primary_key = sd_arena_alloc(s->tmp,
			                                sizeof(*x->primary_key));
			memset(x->primary_key, 0, sizeof(*x->primary_key));
			x->primary_key->base.kind = SD_OBJ_PRIMARY_KEY;
			x->primary_key->base.name =
				sd_arena_printf(s->tmp, "%s_pk", name);
			x->primary_key->columns = t->primary_key->columns;
		}
		x->uniques = sd_arena_alloc(s->tmp, (t->nuniques + 1) *
		                                       sizeof(sd_unique *));
		for (i = 0; i < t->nuniques; i++) {
			sd_unique *u = sd_arena_alloc(s->tmp, sizeof(*u));
			memset(u, 0, sizeof(*u));
			u->base.kind = SD_OBJ_UNIQUE;
			u->base.name = sd_arena_printf(s->tmp, "%s_u%zu", name, i);
			u->columns = t->uniques[i]->columns;
			u->nulls_not_distinct = t->uniques[i]->nulls_not_distinct;
			x->uniques[x->nuniques++] = u;
		}
	}
	return x;
}

/* text with the scratch tables' names (names[k], after their mark) put
 * back as the models' tables' */
static const char *model_names(const sd_pg_scratch *s, const char **names,
                               const char *text)
{
	sd_buf b = SD_BUF_INIT;
	const char *out;
	size_t k;

	sd_buf_put(&b, sd_pg_unscratch(s, text));
	for (k = 0; k < s->models->ntables; k++) {
		const char *from, *at;
		sd_buf r = SD_BUF_INIT;
		if (!names[k] || names[k][0] != '\x01')
			continue;
		from = sd_buf_cstr(&b);
		while ((at = strstr(from, names[k] + 1))) {
			sd_buf_putn(&r, from, (size_t)(at - from));
			sd_buf_put(&r, s->models->tables[k]->base.name);
			from = at + strlen(names[k] + 1);
		}
		sd_buf_put(&r, from);
		sd_buf_free(&b);
		b = r;
	}
	out = sd_arena_strdup(s->tmp, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/*
 * The server refused the partitioned tables' script: the statements
 * again one at a time, each under a savepoint, so that each refusal is
 * reported at its table's line, in the models' names.
 */
static int partitions_refused(const sd_pg_scratch *s, const char **names,
                              const sd_vec *stmts, const sd_vec *owners,
                              PGresult *first)
{
	PGresult *res = PQexec(s->conn, "ROLLBACK TO SAVEPOINT sd_norm_parts");
	sd_vec failed = {NULL, 0, 0};
	bool any = false;
	size_t i;

	if (PQresultStatus(res) == PGRES_COMMAND_OK) {
		for (i = 0; i < stmts->n; i++) {
			const sd_table *t = owners->items[i];
			sd_buf q = SD_BUF_INIT;
			const char *m, *d;
			size_t k;
			/* a partition of a refused table: said already */
			for (k = 0; k < failed.n && t->partition_of; k++)
				if (failed.items[k] ==
				    sd_table_partition_parent(s->models, t))
					break;
			if (t->partition_of && k < failed.n) {
				sd_vec_push(s->tmp, &failed, (void *)t);
				continue;
			}
			PQclear(res);
			sd_buf_printf(&q, "SAVEPOINT sd_norm_part;\n%s",
			              (const char *)stmts->items[i]);
			res = PQexec(s->conn, sd_buf_cstr(&q));
			sd_buf_free(&q);
			if (PQresultStatus(res) == PGRES_COMMAND_OK)
				continue;
			m = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
			d = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
			if (d && *d && d[strlen(d) - 1] == '.')
				d = sd_arena_strndup(s->tmp, d, strlen(d) - 1);
			sd_error_add(s->err, SD_EINPUT, t->base.loc.path,
			             t->base.loc.line, 0, t->base.name,
			             "PostgreSQL refuses its partitioning: %s%s%s%s",
			             model_names(s, names,
			                         m ? m : PQresultErrorMessage(res)),
			             d ? " (" : "",
			             d ? model_names(s, names, d) : "",
			             d ? ")" : "");
			any = true;
			sd_vec_push(s->tmp, &failed, (void *)t);
			PQclear(res);
			res = PQexec(s->conn,
			             "ROLLBACK TO SAVEPOINT sd_norm_part");
			if (PQresultStatus(res) != PGRES_COMMAND_OK)
				break;
		}
	}
	PQclear(res);
	if (!any) {
		sd_buf msg = SD_BUF_INIT;
		sd_pg_message(&msg, PQresultErrorMessage(first));
		sd_error_add(s->err, SD_EINPUT, NULL, 0, 0, NULL,
		             "the models do not compile on PostgreSQL "
		             "(partitioning): %s",
		             model_names(s, names, sd_buf_cstr(&msg)));
		sd_buf_free(&msg);
	}
	return SD_EINPUT;
}

int sd_pg_norm_partitions(const sd_pg_scratch *s)
{
	sd_schema *m = s->models;
	size_t n = m->ntables, i, done = 0, round;
	const char **names = sd_arena_alloc(s->tmp, (n + 1) * sizeof(char *));
	sd_buf sql = SD_BUF_INIT, list = SD_BUF_INIT, one = SD_BUF_INIT;
	PGresult *res = NULL;
	const char *bad;
	sd_vec stmts = {NULL, 0, 0}, owners = {NULL, 0, 0};
	int rc = SD_OK;

	for (i = 0; i < n; i++)
		if (m->tables[i]->partition_by.sql || m->tables[i]->partition_of)
			names[i] = sd_arena_printf(s->tmp, "sd_p%s_%zu", s->tag,
			                           i);
	sd_buf_put(&sql, "SAVEPOINT sd_norm_parts;\n");
	/* parents before their partitions */
	for (round = 0; round <= n; round++) {
		size_t before = done;
		for (i = 0; i < n; i++) {
			const sd_table *t = m->tables[i], *p;
			const char *pname = NULL;
			sd_op op;
			size_t j;
			if (!names[i] || names[i][0] == '\x01')
				continue;
			if (t->partition_of) {
				p = sd_table_partition_parent(m, t);
				for (j = 0; j < n && m->tables[j] != p; j++)
					;
				if (j == n || !names[j])
					continue; /* loader reported it */
				if (names[j][0] != '\x01')
					continue; /* parent not created yet */
				pname = names[j] + 1;
			}
			memset(&op, 0, sizeof(op));
			op.kind = SD_OP_CREATE_TABLE;
			op.table = op.table_new =
				scratch_table(s, t, names[i], pname);
			sd_buf_truncate(&one, 0);
			if ((rc = sd_dialect_postgres.emit_op(&one, &op,
			                                      s->err)) != SD_OK)
				goto done;
			if ((bad = sd_pgn_syntax_error(s->tmp,
			                               sd_buf_cstr(&one)))) {
				rc = sd_error_add(s->err, SD_EINPUT,
				                  t->base.loc.path,
				                  t->base.loc.line, 0,
				                  t->base.name,
				                  "PostgreSQL refuses its "
				                  "partitioning: %s", bad);
				goto done;
			}
			sd_buf_put(&sql, sd_buf_cstr(&one));
			sd_vec_push(s->tmp, &stmts,
			            sd_arena_strdup(s->tmp, sd_buf_cstr(&one)));
			sd_vec_push(s->tmp, &owners, (void *)t);
			sd_buf_printf(&list, "%s%s", list.len ? "," : "{",
			              names[i]);
			names[i] = sd_arena_printf(s->tmp, "\x01%s", names[i]);
			done++;
		}
		if (done == before)
			break;
	}
	if (!done)
		goto done;
	sd_buf_putc(&list, '}');
	res = PQexec(s->conn, sd_buf_cstr(&sql));
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = partitions_refused(s, names, &stmts, &owners, res);
		goto done;
	}
	PQclear(res);
	{
		const char *params[2] = {s->scratch[0], sd_buf_cstr(&list)};
		res = PQexecParams(s->conn, q_partitions, 2, NULL, params, NULL,
		                   NULL, 0);
	}
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		sd_buf msg = SD_BUF_INIT;
		sd_pg_message(&msg, PQresultErrorMessage(res));
		rc = sd_error_add(s->err, SD_ERUNTIME, NULL, 0, 0, NULL,
		                  "reading the scratch schema back: %s",
		                  sd_buf_cstr(&msg));
		sd_buf_free(&msg);
		goto done;
	}
	for (i = 0; i < (size_t)PQntuples(res); i++) {
		const char *rel = PQgetvalue(res, (int)i, 0);
		size_t k;
		for (k = 0; k < n; k++) {
			sd_table *t = m->tables[k];
			if (!names[k] || strcmp(names[k] + 1, rel) != 0)
				continue;
			if (t->partition_by.sql && !PQgetisnull(res, (int)i, 1))
				t->partition_by.canon = sd_pg_unscratch(
					s, PQgetvalue(res, (int)i, 1));
			if (t->partition_of && !PQgetisnull(res, (int)i, 2))
				t->partition_bound.canon = sd_pg_unscratch(
					s, PQgetvalue(res, (int)i, 2));
		}
	}
	PQclear(res);
	res = PQexec(s->conn, "ROLLBACK TO SAVEPOINT sd_norm_parts");
done:
	PQclear(res);
	sd_buf_free(&sql);
	sd_buf_free(&list);
	sd_buf_free(&one);
	return rc;
}
