/*
 * dump.c - a stable, readable text form of an sd_schema, for golden tests
 * and debugging. Not a file format anyone parses.
 */
#include "model/logic.h"
#include <string.h>

static void put_list(sd_buf *out, const sd_strlist *l)
{
	size_t i;

	sd_buf_putc(out, '(');
	for (i = 0; i < l->n; i++)
		sd_buf_printf(out, "%s%s", i ? ", " : "", l->items[i]);
	sd_buf_putc(out, ')');
}

static void put_expr(sd_buf *out, const char *label, const sd_expr *e)
{
	if (!e->sql)
		return;
	sd_buf_printf(out, " %s=[%s]", label, e->sql);
	if (e->canon)
		sd_buf_printf(out, "{%s}", e->canon);
}

/* " label=value" (brackets: " label=[value]") when there is a value. */
static void put_opt(sd_buf *out, const char *label, const char *value,
                    bool brackets)
{
	if (value)
		sd_buf_printf(out, brackets ? " %s=[%s]" : " %s=%s", label,
		              value);
}

/* "start=1,increment=1,min=1,max=...,cache=1,cycle=false,type=bigint" */
static void put_seqopts(sd_buf *out, const sd_seqopts *o, sd_type_kind def)
{
	sd_seqopts e;
	sd_type t = {.length = -1, .precision = -1, .scale = -1};

	sd_seqopts_effective(o, def, &e);
	t.kind = e.type;
	sd_buf_printf(out, "%lld/%lld/%lld..%lld/cache=%lld%s/",
	              (long long)e.start, (long long)e.increment,
	              (long long)e.min, (long long)e.max, (long long)e.cache,
	              e.cycle ? "/cycle" : "");
	sd_type_format(out, &t);
}

static void put_object(sd_buf *out, const char *kind, const sd_object *o)
{
	sd_buf_printf(out, "%s %s%s%s", kind, o->schema ? o->schema : "",
	              o->schema ? "." : "", o->name);
}

/* The schema-level objects besides tables and enums, one line each. */
static void dump_objects(sd_buf *out, const sd_schema *s)
{
	size_t i, k;

	for (i = 0; i < s->nextensions; i++) {
		put_object(out, "extension", &s->extensions[i]->base);
		put_opt(out, "version", s->extensions[i]->version, false);
		put_opt(out, "comment", s->extensions[i]->comment, true);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->ncollations; i++) {
		const sd_collation *c = s->collations[i];
		put_object(out, "collation", &c->base);
		put_opt(out, "provider", c->provider, false);
		put_opt(out, "locale", c->locale, false);
		put_opt(out, "lc_collate", c->lc_collate, false);
		put_opt(out, "lc_ctype", c->lc_ctype, false);
		sd_buf_put(out, c->nondeterministic ? " nondeterministic\n"
		                                    : "\n");
	}
	for (i = 0; i < s->nsequences; i++) {
		const sd_sequence *q = s->sequences[i];
		put_object(out, "sequence", &q->base);
		sd_buf_putc(out, ' ');
		put_seqopts(out, &q->opts, SD_T_BIGINT);
		if (q->owned_by_table)
			sd_buf_printf(out, " owned-by=%s.%s", q->owned_by_table,
			              q->owned_by_column);
		sd_buf_put(out, q->unlogged ? " unlogged" : "");
		put_opt(out, "comment", q->comment, true);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->ndomains; i++) {
		const sd_domain *d = s->domains[i];
		put_object(out, "domain", &d->base);
		sd_buf_putc(out, ' ');
		sd_type_format(out, &d->type);
		put_expr(out, "default", &d->default_value);
		sd_buf_put(out, d->not_null ? " not-null" : "");
		put_opt(out, "collation", d->collation, false);
		for (k = 0; k < d->nchecks; k++) {
			sd_buf_printf(out, " check %s", d->checks[k]->base.name);
			put_expr(out, "expr", &d->checks[k]->expression);
			sd_buf_put(out, d->checks[k]->not_valid ? " not-valid"
			                                        : "");
		}
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->ncomposites; i++) {
		const sd_composite *t = s->composites[i];
		put_object(out, "composite", &t->base);
		for (k = 0; k < t->nattributes; k++) {
			sd_buf_printf(out, "%s%s ", k ? ", " : " (",
			              t->attributes[k]->base.name);
			sd_type_format(out, &t->attributes[k]->type);
		}
		sd_buf_put(out, t->nattributes ? ")\n" : "\n");
	}
	for (i = 0; i < s->nranges; i++) {
		const sd_range *r = s->ranges[i];
		put_object(out, "range", &r->base);
		sd_buf_putc(out, ' ');
		sd_type_format(out, &r->subtype);
		put_opt(out, "subtype_diff", r->subtype_diff, false);
		sd_buf_putc(out, '\n');
	}
}

static void dump_table(sd_buf *out, const sd_table *t)
{
	static const char *const identity[] = {
		[SD_IDENTITY_NONE] = "",
		[SD_IDENTITY_ALWAYS] = " identity=always",
		[SD_IDENTITY_BY_DEFAULT] = " identity=by-default",
	};
	size_t i, k;

	sd_buf_printf(out, "table %s%s%s", t->base.schema ? t->base.schema : "",
	              t->base.schema ? "." : "", t->base.name);
	put_opt(out, "comment", t->comment, true);
	put_expr(out, "partition-by", &t->partition_by);
	if (t->partition_of)
		sd_buf_printf(out, " partition-of=%s%s%s",
		              t->partition_of_schema ? t->partition_of_schema
		                                     : "",
		              t->partition_of_schema ? "." : "",
		              t->partition_of);
	put_expr(out, "bound", &t->partition_bound);
	for (i = 0; i < t->ninherits; i++)
		sd_buf_printf(out, " inherits=%s%s%s",
		              t->inherits[i].schema ? t->inherits[i].schema : "",
		              t->inherits[i].schema ? "." : "",
		              t->inherits[i].name);
	sd_buf_put(out, t->unlogged ? " unlogged" : "");
	for (i = 0; i < t->with.n; i++)
		sd_buf_printf(out, " with=%s", t->with.items[i]);
	if (t->replica_identity)
		sd_buf_printf(out, " replica-identity=%c%s%s",
		              t->replica_identity,
		              t->replica_index ? ":" : "",
		              t->replica_index ? t->replica_index : "");
	put_opt(out, "cluster-on", t->cluster_on, false);
	sd_buf_putc(out, '\n');
	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		sd_buf_printf(out, "  column %s ", c->base.name);
		sd_type_format(out, &c->type);
		sd_buf_put(out, c->nullable ? " null" : " not-null");
		put_expr(out, "default", &c->default_value);
		sd_buf_put(out, c->autoincrement ? " autoincrement" : "");
		sd_buf_put(out, identity[c->identity]);
		put_expr(out, "generated", &sd_column_x(c)->generated);
		put_opt(out, "collation", sd_column_x(c)->collation, false);
		put_opt(out, "comment", sd_column_x(c)->comment, true);
		put_opt(out, "renamed_from", sd_column_x(c)->renamed_from, false);
		put_opt(out, "backfill", sd_column_x(c)->backfill, true);
		put_opt(out, "sequence", sd_column_x(c)->sequence, false);
		put_opt(out, "storage", sd_storage_word(sd_column_x(c)->storage), false);
		put_opt(out, "compression", sd_column_x(c)->compression, false);
		if (sd_column_x(c)->options.n) {
			sd_buf_put(out, " options=");
			sd_options_put(out, &sd_column_x(c)->options, "=");
		}
		if (sd_column_x(c)->statistics_set)
			sd_buf_printf(out, " statistics=%d", sd_column_x(c)->statistics);
		if (sd_column_x(c)->identity_options) {
			sd_buf_put(out, " identity-options=");
			put_seqopts(out, &sd_column_x(c)->identity_options->opts,
			            c->type.kind);
			put_opt(out, "identity-sequence",
			        sd_column_x(c)->identity_options->sequence, false);
			put_opt(out, "identity-comment",
			        sd_column_x(c)->identity_options->comment, true);
		}
		sd_buf_put(out, c->inherited ? " inherited" : "");
		sd_buf_putc(out, '\n');
	}
	if (t->primary_key) {
		sd_buf_printf(out, "  primary-key %s ",
		              t->primary_key->base.name
		                  ? t->primary_key->base.name
		                  : "-");
		put_list(out, &t->primary_key->columns);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < t->nuniques; i++) {
		sd_buf_printf(out, "  unique %s ", t->uniques[i]->base.name);
		put_list(out, &t->uniques[i]->columns);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < t->nforeign_keys; i++) {
		const sd_foreign_key *f = t->foreign_keys[i];
		sd_buf_printf(out, "  foreign-key %s ", f->base.name);
		put_list(out, &f->columns);
		sd_buf_printf(out, " -> %s%s%s", f->ref_schema ? f->ref_schema : "",
		              f->ref_schema ? "." : "", f->ref_table);
		put_list(out, &f->ref_columns);
		sd_buf_printf(out, " on-delete=%s on-update=%s%s\n",
		              sd_fk_action_sql(f->on_delete),
		              sd_fk_action_sql(f->on_update),
		              f->deferrable ? " deferrable" : "");
	}
	for (i = 0; i < t->nchecks; i++) {
		sd_buf_printf(out, "  check %s", t->checks[i]->base.name);
		put_expr(out, "expr", &t->checks[i]->expression);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		sd_buf_printf(out, "  %sindex %s (", ix->unique ? "unique-" : "",
		              ix->base.name);
		for (k = 0; k < ix->nkeys; k++) {
			const sd_index_key *key = &ix->keys[k];
			if (k)
				sd_buf_put(out, ", ");
			if (key->column)
				sd_buf_put(out, key->column);
			else
				sd_buf_printf(out, "[%s]",
				              key->expression.sql
				                  ? key->expression.sql
				                  : "");
			if (key->desc)
				sd_buf_put(out, " desc");
		}
		sd_buf_putc(out, ')');
		put_expr(out, "where", &ix->where);
		if (ix->method)
			sd_buf_printf(out, " using=%s", ix->method);
		sd_buf_putc(out, '\n');
	}
}

static void put_name(sd_buf *out, const char *what, const sd_object *o,
                     const char *table)
{
	sd_buf_printf(out, "%s %s%s", what, o->schema ? o->schema : "",
	              o->schema ? "." : "");
	if (table)
		sd_buf_printf(out, "%s.", table);
	sd_buf_put(out, o->name);
}

/* One line per view, function, trigger, policy, rule and grant. */
static void dump_logic(sd_buf *out, const sd_schema *s)
{
	const sd_logic *l = sd_logic_of(s);
	size_t i, k;

	for (i = 0; i < l->nviews; i++) {
		const sd_view *v = l->views[i];
		put_name(out, v->materialized ? "materialized-view" : "view",
		         &v->base, NULL);
		sd_buf_putc(out, ' ');
		for (k = 0; k < v->ncolumns; k++)
			sd_buf_printf(out, "%s%s", k ? "," : "(",
			              v->columns[k]->base.name);
		sd_buf_put(out, v->ncolumns ? ")" : "");
		put_opt(out, "check", v->check_option, false);
		put_expr(out, "query", &v->query);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < l->nfunctions; i++) {
		const sd_function *f = l->functions[i];
		put_name(out, f->procedure ? "procedure" : "function", &f->base,
		         NULL);
		sd_buf_printf(out, "(%s)", f->identity ? f->identity : "");
		put_opt(out, "returns", f->returns, false);
		put_opt(out, "language", f->language, false);
		sd_buf_printf(out, " volatility=%c", f->volatility);
		put_opt(out, "body", f->body, true);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < l->ntriggers; i++) {
		const sd_trigger *t = l->triggers[i];
		put_name(out, "trigger", &t->base, t->table);
		sd_buf_printf(out, " %s events=%u%s enabled=%c", t->timing,
		              t->events, t->each_row ? " row" : "", t->enabled);
		put_opt(out, "function", t->function, false);
		put_expr(out, "when", &t->when);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < l->npolicies; i++) {
		const sd_policy *p = l->policies[i];
		put_name(out, "policy", &p->base, p->table);
		sd_buf_printf(out, " %s%s", p->command,
		              p->restrictive ? " restrictive" : "");
		put_expr(out, "using", &p->using_);
		put_expr(out, "check", &p->with_check);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < l->nrules; i++) {
		const sd_rule *r = l->rules[i];
		put_name(out, "rule", &r->base, r->table);
		sd_buf_printf(out, " %s%s", r->event, r->instead ? " instead" : "");
		put_opt(out, "actions", r->actions, true);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < l->nevent_triggers; i++) {
		const sd_event_trigger *t = l->event_triggers[i];
		put_name(out, "event trigger", &t->base, NULL);
		sd_buf_printf(out, " %s enabled=%c ", t->event, t->enabled);
		put_list(out, &t->tags);
		put_opt(out, "function", t->function, false);
		put_opt(out, "comment", t->comment, true);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < l->ngrants; i++) {
		const sd_grant *g = l->grants[i];
		put_name(out, "grant", &g->base, NULL);
		sd_buf_printf(out, " %s %s to %s%s\n", g->on,
		              g->privilege ? g->privilege : "-", g->grantee,
		              g->grant_option ? " with-grant-option" : "");
	}
}

void sd_schema_dump(sd_buf *out, const sd_schema *s)
{
	size_t i;

	if (sd_schema_namespace_comment(s, SD_NAMESPACE_DEFAULT) &&
	    strcmp(sd_schema_namespace_comment(s, SD_NAMESPACE_DEFAULT),
	           SD_PUBLIC_COMMENT) != 0) {
		sd_buf_printf(out, "namespace %s", SD_NAMESPACE_DEFAULT);
		put_opt(out, "comment",
		        sd_schema_namespace_comment(s, SD_NAMESPACE_DEFAULT),
		        true);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->namespaces.n; i++) {
		sd_buf_printf(out, "namespace %s", s->namespaces.items[i]);
		put_opt(out, "comment",
		        sd_schema_namespace_comment(s, s->namespaces.items[i]),
		        true);
		sd_buf_putc(out, '\n');
	}
	dump_objects(out, s);
	for (i = 0; i < s->nenums; i++) {
		const sd_enum *e = s->enums[i];
		sd_buf_printf(out, "enum %s%s%s ", e->base.schema ? e->base.schema : "",
		              e->base.schema ? "." : "", e->base.name);
		put_list(out, &e->values);
		sd_buf_putc(out, '\n');
	}
	for (i = 0; i < s->ntables; i++)
		dump_table(out, s->tables[i]);
	dump_logic(out, s);
	for (i = 0; i < s->nunmanaged; i++)
		sd_buf_printf(out, "unmanaged %s %s\n", s->unmanaged[i]->what,
		              s->unmanaged[i]->base.name);
}
