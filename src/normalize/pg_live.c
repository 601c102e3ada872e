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
	    !sd_streq(c->collation, lc->collation))
		return false;
	if (c->default_value.sql && lc->default_value.sql &&
	    (strcmp(c->default_value.sql, lc->default_value.sql) == 0 ||
	     enum_default_same(c, c->default_value.sql,
	                       lc->default_value.sql)))
		c->default_value.canon = copy(m, lc->default_value.canon
		                                     ? lc->default_value.canon
		                                     : lc->default_value.sql);
	if (c->generated.sql && lc->generated.sql &&
	    strcmp(c->generated.sql, lc->generated.sql) == 0)
		c->generated.canon = copy(m, lc->generated.sql);
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
	    sd_options_equal(&ix->storage.with, &li->storage.with))
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
	}
}
