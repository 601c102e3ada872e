/*
 * objects.c - the schema-level objects besides tables and enums:
 * extensions, collations, sequences, domains, composite and range types.
 *
 * Each is matched by its schema and name (an extension by its name), and
 * becomes a CREATE_OBJECT, DROP_OBJECT or ALTER_OBJECT. Creations come
 * early (extensions first, then the types each after the types and
 * collations it names), drops late and the other way round, so a table's
 * columns find their types and a type outlives its users. A sequence's
 * OWNED BY changes on its own: given up early (before its column or table
 * goes), taken late (once they exist), so both directions of a plan run.
 *
 * Against the models, a serial column's sequence is the column's own
 * business: a model column that only says "autoincrement" keeps the
 * database's serial as it is, sequence and all (SPEC).
 */
#include "diff/differ.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Serial and identity                                                 */
/* ------------------------------------------------------------------ */

/* A serial column: the nextval default of a sequence it owns. */
bool sd_diff_serial(const sd_column *col)
{
	return col->autoincrement && sd_column_x(col)->sequence;
}

/* The models' autoincrementing integer key, which says no more: an
 * identity on a new table, and any of serial or identity on an existing
 * one. */
bool sd_diff_implicit_autoinc(const sd_column *col)
{
	return col->autoincrement && !sd_column_x(col)->sequence &&
	       col->identity == SD_IDENTITY_NONE && !col->default_value.sql;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static const char *key_of(dctx *c, const sd_object *o)
{
	if (o->kind == SD_OBJ_EXTENSION)
		return o->name; /* one namespace of extensions */
	return sd_diff_qname(c, o->schema, o->name);
}

static sd_op *object_op(dctx *c, sd_op_kind kind, const sd_object *o,
                        const sd_object *n)
{
	sd_op *op = sd_diff_op_new(c, kind, NULL);

	op->obj_old = o;
	op->obj_new = n;
	return op;
}

/* SET_COMMENT when the comments of o and n differ. */
static void comment_op(dctx *c, const sd_object *o, const sd_object *n)
{
	sd_diff_comment_object(c, NULL, o, n);
}

/*
 * A type or collation name as written ("common.code", "\"Odd\"[]",
 * "code") -> the key its object is found by ("common.code", "Odd",
 * "code"): array brackets dropped, quotes taken off. NULL for none.
 */
static const char *ref_key(dctx *c, const char *text, const char *own)
{
	sd_buf b = SD_BUF_INIT;
	const char *p, *out;
	bool quoted = false, dotted = false;

	if (!text)
		return NULL;
	for (p = text; *p; p++) {
		if (*p == '"') {
			if (quoted && p[1] == '"') {
				sd_buf_putc(&b, '"');
				p++;
				continue;
			}
			quoted = !quoted;
			continue;
		}
		if (!quoted && (*p == '[' || *p == '('))
			break;
		if (!quoted && *p == '.')
			dotted = true;
		sd_buf_putc(&b, *p);
	}
	while (b.len && b.data[b.len - 1] == ' ')
		sd_buf_truncate(&b, b.len - 1);
	if (!dotted && own)
		out = sd_diff_qname(c, own, sd_buf_cstr(&b));
	else
		out = sd_arena_strdup(c->a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static const char *type_ref(dctx *c, const sd_type *t)
{
	if (t->kind == SD_T_RAW)
		return ref_key(c, t->name, NULL);
	return NULL;
}

/* The names (keys) of the types and collations object o uses. */
static void object_refs(dctx *c, const sd_object *o, sd_strlist *out)
{
	size_t i;
	const char *k;

#define REF(x)                                                               \
	do {                                                                 \
		if ((k = (x)) != NULL)                                       \
			sd_strlist_push(c->a, out, k);                       \
	} while (0)
	switch (o->kind) {
	case SD_OBJ_DOMAIN: {
		const sd_domain *d = (const sd_domain *)o;
		REF(type_ref(c, &d->type));
		REF(ref_key(c, d->collation, NULL));
		break;
	}
	case SD_OBJ_COMPOSITE: {
		const sd_composite *t = (const sd_composite *)o;
		for (i = 0; i < t->nattributes; i++) {
			REF(type_ref(c, &t->attributes[i]->type));
			REF(ref_key(c, sd_column_x(t->attributes[i])->collation, NULL));
		}
		break;
	}
	case SD_OBJ_RANGE: {
		const sd_range *r = (const sd_range *)o;
		REF(type_ref(c, &r->subtype));
		REF(ref_key(c, r->collation, NULL));
		break;
	}
	default:
		break;
	}
#undef REF
}

/* Index + 1 in order_by_use's idx of the object key names, or 0: an
 * unqualified name not found in the default namespace is looked up in
 * the schema of o, which uses it (the normaliser's scratch twins name
 * each other so). */
static size_t use_index(dctx *c, sd_map *idx, const sd_object *o,
                        const char *key)
{
	size_t r = (size_t)sd_map_get(idx, key);

	if (!r && o->schema && !strchr(key, '.'))
		r = (size_t)sd_map_get(idx, sd_diff_qname(c, o->schema, key));
	return r;
}

/*
 * Orders objs (sd_object*) so that each comes after the objects of objs
 * it names (Kahn; ties keep the given order, which is by kind then
 * name). Unqualified names are looked up in the default namespace.
 */
static void order_by_use(dctx *c, sd_vec *objs)
{
	size_t n = objs->n, i, j, k, placed = 0;
	sd_map *idx = sd_map_new(c->a, n);
	sd_strlist *refs;
	bool *done;
	void **out;

	if (n < 2)
		return;
	refs = sd_arena_alloc(c->a, n * sizeof(*refs));
	done = sd_arena_alloc(c->a, n);
	out = sd_arena_alloc(c->a, n * sizeof(*out));
	for (i = 0; i < n; i++) {
		const sd_object *o = objs->items[i];
		sd_map_put(idx, sd_diff_qname(c, o->schema, o->name),
		           (void *)(i + 1));
		object_refs(c, o, &refs[i]);
	}
	while (placed < n) {
		bool progress = false;
		for (i = 0; i < n; i++) {
			bool ready = true;
			if (done[i])
				continue;
			for (k = 0; k < refs[i].n && ready; k++) {
				size_t r = use_index(c, idx, objs->items[i],
				                     refs[i].items[k]);
				ready = !r || r - 1 == i || done[r - 1];
			}
			if (!ready)
				continue;
			done[i] = true;
			out[placed++] = objs->items[i];
			progress = true;
		}
		if (progress)
			continue;
		/* a cycle the catalog cannot hold: keep the given order */
		for (j = 0; j < n; j++)
			if (!done[j]) {
				done[j] = true;
				out[placed++] = objs->items[j];
				break;
			}
	}
	memcpy(objs->items, out, n * sizeof(*out));
}

/* ------------------------------------------------------------------ */
/* Comparing one kind                                                  */
/* ------------------------------------------------------------------ */

static bool checks_equal(dctx *c, const sd_domain *a, const sd_domain *b)
{
	size_t i;

	if (a->nchecks != b->nchecks)
		return false;
	for (i = 0; i < a->nchecks; i++) {
		const sd_check *x = a->checks[i], *y = b->checks[i];
		if (!sd_streq(x->base.name, y->base.name) ||
		    !sd_expr_equal(c->scratch, &x->expression, &y->expression) ||
		    x->not_valid != y->not_valid ||
		    !sd_streq(x->comment, y->comment))
			return false;
	}
	return true;
}

static bool attributes_equal(const sd_composite *a, const sd_composite *b)
{
	size_t i;

	if (a->nattributes != b->nattributes)
		return false;
	for (i = 0; i < a->nattributes; i++) {
		const sd_column *x = a->attributes[i], *y = b->attributes[i];
		if (!sd_streq(x->base.name, y->base.name) ||
		    !sd_type_equal(&x->type, &y->type) ||
		    !sd_streq(sd_column_x(x)->collation, sd_column_x(y)->collation) ||
		    !sd_streq(sd_column_x(x)->comment, sd_column_x(y)->comment))
			return false;
	}
	return true;
}

/* The owner of an old sequence as the plan's renames leave it:
 * "table.column" of the new side, or NULL. */
static const char *owner_after(dctx *c, const sd_sequence *q)
{
	tpair *tp;
	const char *col;

	if (!q->owned_by_table)
		return NULL;
	tp = sd_map_get(c->old_tp, sd_diff_qname(c, q->base.schema,
	                                         q->owned_by_table));
	if (!tp)
		return sd_arena_printf(c->a, "%s.%s", q->owned_by_table,
		                       q->owned_by_column);
	col = sd_diff_map_col(tp, q->owned_by_column);
	return sd_arena_printf(c->a, "%s.%s", tp->new_->base.name, col);
}

static const char *owner_of(dctx *c, const sd_sequence *q)
{
	return q->owned_by_table ? sd_arena_printf(c->a, "%s.%s",
	                                           q->owned_by_table,
	                                           q->owned_by_column)
	                         : NULL;
}

/* q without its owner, for the half of an ownership change. */
static sd_sequence *unowned(dctx *c, const sd_sequence *q)
{
	sd_sequence *u = sd_arena_alloc(c->a, sizeof(*u));

	*u = *q;
	u->owned_by_table = u->owned_by_column = NULL;
	return u;
}

/* OWNED BY o's owner -> n's (either NULL: the sequence is created or
 * dropped, and this is the companion of that op): given up early, taken
 * late. */
static void owner_ops(dctx *c, const sd_sequence *o, const sd_sequence *n)
{
	sd_op *op;

	if (o && o->owned_by_table) {
		op = object_op(c, SD_OP_ALTER_OBJECT, &o->base,
		               &unowned(c, o)->base);
		op->changes = SD_CHANGE_OWNER;
		op->role = n ? SD_ROLE_OWN : SD_ROLE_COMPANION;
		sd_diff_emit(c, op, PH_DETACH);
	}
	if (n && n->owned_by_table) {
		op = object_op(c, SD_OP_ALTER_OBJECT, &unowned(c, n)->base,
		               &n->base);
		op->changes = SD_CHANGE_OWNER;
		op->role = o ? SD_ROLE_OWN : SD_ROLE_COMPANION;
		sd_diff_emit(c, op, PH_ATTACH);
	}
}

/*
 * Whether a database sequence is the serial sequence of a column that
 * the models only call autoincrementing: then it is that column's, and
 * left alone.
 */
static bool implied_sequence(dctx *c, const sd_sequence *q)
{
	tpair *tp;
	const sd_column *n;

	if (!q->owned_by_table || c->to->dialect)
		return false;
	tp = sd_map_get(c->old_tp, sd_diff_qname(c, q->base.schema,
	                                         q->owned_by_table));
	if (!tp)
		return false;
	n = sd_map_get(tp->col_o2n, q->owned_by_column);
	return n && sd_diff_implicit_autoinc(n);
}

/*
 * Whether sequence q (of side `from` when old, else of the target) is the
 * serial sequence of a column that becomes an identity (old) or stops
 * being one (new): then the column's ALTER creates or drops it, between
 * the identity's two halves, since both sequences may have one name.
 */
static bool converted_sequence(dctx *c, const sd_sequence *q, bool old)
{
	tpair *tp;
	const sd_column *col, *other;

	if (!q->owned_by_table)
		return false;
	tp = sd_map_get(old ? c->old_tp : c->new_tp,
	                sd_diff_qname(c, q->base.schema, q->owned_by_table));
	if (!tp)
		return false;
	col = sd_diff_find_col(old ? tp->old : tp->new_, q->owned_by_column);
	other = col ? sd_map_get(old ? tp->col_o2n : tp->col_n2o,
	                         col->base.name)
	            : NULL;
	return col && other && sd_diff_serial(col) &&
	       sd_streq(sd_column_x(col)->sequence, q->base.name) &&
	       other->identity != SD_IDENTITY_NONE;
}

/* The ALTER_OBJECT changes between o and n, both of kind k. */
static unsigned object_changes(dctx *c, const sd_object *o,
                               const sd_object *n)
{
	unsigned ch = 0;

	switch (o->kind) {
	case SD_OBJ_EXTENSION: {
		const sd_extension *a = (const sd_extension *)o;
		const sd_extension *b = (const sd_extension *)n;
		if (!sd_streq(a->base.schema, b->base.schema))
			ch |= SD_CHANGE_SCHEMA;
		if (a->version && b->version && !sd_streq(a->version, b->version))
			ch |= SD_CHANGE_VERSION;
		break;
	}
	case SD_OBJ_COLLATION: {
		const sd_collation *a = (const sd_collation *)o;
		const sd_collation *b = (const sd_collation *)n;
		if (!sd_streq(a->provider, b->provider) ||
		    !sd_streq(a->locale, b->locale) ||
		    !sd_streq(a->lc_collate, b->lc_collate) ||
		    !sd_streq(a->lc_ctype, b->lc_ctype) ||
		    a->nondeterministic != b->nondeterministic)
			ch |= SD_CHANGE_REPLACE;
		break;
	}
	case SD_OBJ_SEQUENCE: {
		const sd_sequence *a = (const sd_sequence *)o;
		const sd_sequence *b = (const sd_sequence *)n;
		if (!sd_seqopts_equal(&a->opts, &b->opts, SD_T_BIGINT))
			ch |= SD_CHANGE_OPTIONS;
		if (a->unlogged != b->unlogged)
			ch |= SD_CHANGE_PERSISTENCE;
		break;
	}
	case SD_OBJ_DOMAIN: {
		const sd_domain *a = (const sd_domain *)o;
		const sd_domain *b = (const sd_domain *)n;
		if (!sd_type_equal(&a->type, &b->type) ||
		    !sd_streq(a->collation, b->collation))
			return SD_CHANGE_REPLACE;
		if (!sd_expr_equal(c->scratch, &a->default_value,
		                   &b->default_value))
			ch |= SD_CHANGE_DEFAULT;
		if (a->not_null != b->not_null)
			ch |= SD_CHANGE_NULLABLE;
		if (!checks_equal(c, a, b))
			ch |= SD_CHANGE_CHECKS;
		break;
	}
	case SD_OBJ_COMPOSITE:
		if (!attributes_equal((const sd_composite *)o,
		                      (const sd_composite *)n))
			ch |= SD_CHANGE_ATTRIBUTES;
		break;
	case SD_OBJ_RANGE: {
		const sd_range *a = (const sd_range *)o;
		const sd_range *b = (const sd_range *)n;
		if (!sd_type_equal(&a->subtype, &b->subtype) ||
		    !sd_streq(a->subtype_opclass, b->subtype_opclass) ||
		    !sd_streq(a->collation, b->collation) ||
		    !sd_streq(a->canonical, b->canonical) ||
		    !sd_streq(a->subtype_diff, b->subtype_diff) ||
		    !sd_streq(a->multirange, b->multirange))
			ch |= SD_CHANGE_REPLACE;
		break;
	}
	default:
		break;
	}
	return ch;
}

/*
 * A domain whose base type or collation changes is recreated under its
 * columns (the emitter converts them in the catalog when the plan runs;
 * what uses the type itself goes and comes back around it, depend.c).
 * A composite type, a range or another domain built on it would have to
 * be recreated too: that is not done, and such a change is left out with
 * a note naming the object in the way (PostgreSQL refuses to drop the
 * domain under it). Returns that object's description, NULL for none.
 */
static const char *domain_user(dctx *c, const sd_schema *s,
                               const sd_object *d)
{
	size_t i, k;

	for (i = 0; i < s->ncomposites; i++)
		for (k = 0; k < s->composites[i]->nattributes; k++)
			if (sd_diff_type_is(&s->composites[i]->attributes[k]->type,
			                    d))
				return sd_arena_printf(
					c->a, "composite type %s",
					sd_diff_qname(c, s->composites[i]->base.schema,
					              s->composites[i]->base.name));
	for (i = 0; i < s->ndomains; i++)
		if (s->domains[i] != (const sd_domain *)d &&
		    sd_diff_type_is(&s->domains[i]->type, d))
			return sd_arena_printf(
				c->a, "domain %s",
				sd_diff_qname(c, s->domains[i]->base.schema,
				              s->domains[i]->base.name));
	for (i = 0; i < s->nranges; i++)
		if (sd_diff_type_is(&s->ranges[i]->subtype, d))
			return sd_arena_printf(
				c->a, "range type %s",
				sd_diff_qname(c, s->ranges[i]->base.schema,
				              s->ranges[i]->base.name));
	return NULL;
}

/* Queues the recreation of domain o as n (see domain_user); false when
 * it is left out. */
static bool recreate_domain(dctx *c, const sd_object *o, const sd_object *n)
{
	const char *user = domain_user(c, c->from, o);
	sd_buf b = SD_BUF_INIT;
	size_t t, j, nt = 0;
	sd_op *op;

	if (!user)
		user = domain_user(c, c->to, n);
	if (user) {
		sd_strlist_push(c->a, &c->plan->notes,
		                sd_arena_printf(
			c->a,
			"not managed: domain %s changes its base type or "
			"collation while %s is built on it; PostgreSQL cannot "
			"drop the domain under it: recreate both by hand",
			sd_diff_qname(c, n->schema, n->name), user));
		return false;
	}
	op = object_op(c, SD_OP_ALTER_OBJECT, o, n);
	op->changes = SD_CHANGE_REPLACE;
	for (t = 0; t < c->from->ntables; t++) {
		const sd_table *tb = c->from->tables[t];
		for (j = 0; j < tb->ncolumns; j++) {
			if (!sd_diff_type_is(&tb->columns[j]->type, o))
				continue;
			sd_buf_put(&b, nt++ ? ", " : "");
			sd_buf_put(&b, sd_diff_tname(c, tb));
			break;
		}
	}
	if (nt)
		sd_diff_add_warning(c, op, SD_HAZARD_REWRITE,
		                    sd_arena_printf(
			c->a,
			"recreates domain %s (its base type or collation "
			"changes): converts its columns, rewriting %s",
			sd_diff_qname(c, n->schema, n->name), sd_buf_cstr(&b)));
	sd_buf_free(&b);
	sd_diff_emit(c, op, PH_ALTER_TYPE);
	return true;
}

/*
 * Diffs the objects of one kind (arrays of sd_object*, any order): what
 * to alter is queued here, what to create and drop is gathered in the
 * vectors for ordering.
 */
static void diff_kind(dctx *c, sd_object *const *olds, size_t no,
                      sd_object *const *news, size_t nn, sd_vec *creates,
                      sd_vec *drops)
{
	sd_map *om = sd_map_new(c->a, no), *nm = sd_map_new(c->a, nn);
	size_t i;

	for (i = 0; i < no; i++)
		sd_map_put(om, key_of(c, olds[i]), olds[i]);
	for (i = 0; i < nn; i++) {
		const sd_object *n = news[i];
		const sd_object *o = sd_map_get(om, key_of(c, n));
		unsigned ch;
		sd_map_put(nm, key_of(c, n), (void *)n);
		if (!o) {
			if (n->kind != SD_OBJ_SEQUENCE ||
			    !converted_sequence(c, (const sd_sequence *)n, false))
				sd_vec_push(c->a, creates, (void *)n);
			continue;
		}
		ch = object_changes(c, o, n);
		if (o->kind == SD_OBJ_SEQUENCE) {
			const sd_sequence *q = (const sd_sequence *)o;
			const sd_sequence *r = (const sd_sequence *)n;
			if (!sd_streq(owner_after(c, q), owner_of(c, r)))
				owner_ops(c, q, r);
		}
		if (ch && o->kind == SD_OBJ_DOMAIN &&
		    (ch & SD_CHANGE_REPLACE)) {
			recreate_domain(c, o, n);
		} else if (ch) {
			sd_op *op = object_op(c, SD_OP_ALTER_OBJECT, o, n);
			op->changes = ch;
			sd_diff_emit(c, op, (ch & SD_CHANGE_SCHEMA) &&
			                            o->kind == SD_OBJ_EXTENSION
			                        ? PH_CREATE_EXT
			                        : PH_ALTER_TYPE);
		}
		comment_op(c, o, n);
	}
	for (i = 0; i < no; i++) {
		const sd_object *o = olds[i];
		if (sd_map_get(nm, key_of(c, o)))
			continue;
		if (o->kind == SD_OBJ_SEQUENCE &&
		    (implied_sequence(c, (const sd_sequence *)o) ||
		     converted_sequence(c, (const sd_sequence *)o, true)))
			continue;
		sd_vec_push(c->a, drops, (void *)o);
	}
}

#define DIFF_KIND(c, from, to, arr, n, creates, drops)                        \
	diff_kind((c), (sd_object *const *)(from)->arr, (from)->n,            \
	          (sd_object *const *)(to)->arr, (to)->n, (creates), (drops))

void sd_diff_objects(dctx *c, const sd_schema *from, const sd_schema *to)
{
	sd_vec ext_new = {0}, ext_old = {0}, creates = {0}, drops = {0};
	size_t i;

	DIFF_KIND(c, from, to, extensions, nextensions, &ext_new, &ext_old);
	DIFF_KIND(c, from, to, collations, ncollations, &creates, &drops);
	DIFF_KIND(c, from, to, sequences, nsequences, &creates, &drops);
	DIFF_KIND(c, from, to, domains, ndomains, &creates, &drops);
	DIFF_KIND(c, from, to, composites, ncomposites, &creates, &drops);
	DIFF_KIND(c, from, to, ranges, nranges, &creates, &drops);
	order_by_use(c, &creates);
	order_by_use(c, &drops);

	for (i = 0; i < ext_new.n; i++)
		sd_diff_emit(c, object_op(c, SD_OP_CREATE_OBJECT, NULL,
		                          ext_new.items[i]),
		             PH_CREATE_EXT);
	for (i = ext_old.n; i-- > 0;)
		sd_diff_emit(c, object_op(c, SD_OP_DROP_OBJECT,
		                          ext_old.items[i], NULL),
		             PH_DROP_EXT);
	for (i = 0; i < creates.n; i++) {
		const sd_object *n = creates.items[i];
		sd_diff_emit(c, object_op(c, SD_OP_CREATE_OBJECT, NULL, n),
		             PH_CREATE_TYPE);
		if (n->kind == SD_OBJ_SEQUENCE)
			owner_ops(c, NULL, (const sd_sequence *)n);
	}
	/* dependants first */
	for (i = drops.n; i-- > 0;) {
		const sd_object *o = drops.items[i];
		sd_op *op;
		if (o->kind == SD_OBJ_SEQUENCE) {
			owner_ops(c, (const sd_sequence *)o, NULL);
			o = &unowned(c, (const sd_sequence *)o)->base;
		}
		op = object_op(c, SD_OP_DROP_OBJECT, o, NULL);
		sd_diff_emit(c, op, PH_DROP_TYPE);
	}
}
