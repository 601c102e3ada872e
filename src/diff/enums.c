/*
 * enums.c - enum types (create, drop, add a value in place, recreate when
 * values go away or move) and namespaces.
 */
#include "diff/differ.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Enums and namespaces                                                */
/* ------------------------------------------------------------------ */

/* An enum with the values of `to` that are old or among the first k new. */
static sd_enum *enum_step(dctx *c, const sd_enum *from, const sd_enum *to,
                          size_t k)
{
	sd_enum *e = sd_arena_alloc(c->a, sizeof(*e));
	size_t i, added = 0;

	*e = *to;
	memset(&e->values, 0, sizeof(e->values));
	for (i = 0; i < to->values.n; i++) {
		const char *v = to->values.items[i];
		if (sd_strlist_contains(&from->values, v)) {
			sd_strlist_push(c->a, &e->values, v);
		} else if (added++ < k) {
			sd_strlist_push(c->a, &e->values, v);
		}
	}
	return e;
}

/* True when b is a with values inserted (same relative order). */
static bool enum_only_adds(const sd_strlist *a, const sd_strlist *b)
{
	size_t i = 0, j;

	for (j = 0; j < b->n && i < a->n; j++)
		if (sd_streq(a->items[i], b->items[j]))
			i++;
	return i == a->n;
}

static bool expr_has(const sd_expr *e, const char *needle)
{
	return e->sql && strstr(e->sql, needle);
}

/*
 * True when an expression of `s` (a default, a generated column, a check,
 * an index key or predicate) holds the SQL literal 'value'. A label added
 * by ALTER TYPE ... ADD VALUE cannot be used before its transaction commits
 * ("unsafe use of new value"), while the labels of a type created in the
 * same transaction can, so such a plan recreates the type instead. A
 * literal of another type with the same spelling only costs a recreate.
 */
static bool schema_uses_literal(dctx *c, const sd_schema *s,
                                const char *value)
{
	sd_buf b = SD_BUF_INIT;
	const char *lit;
	size_t t, j, k;
	bool found = false;

	sd_quote_literal_std(&b, value);
	lit = sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
	sd_buf_free(&b);
	for (t = 0; t < s->ntables && !found; t++) {
		const sd_table *tb = s->tables[t];
		for (j = 0; j < tb->ncolumns && !found; j++)
			found = expr_has(&tb->columns[j]->default_value, lit) ||
			        expr_has(&sd_column_x(tb->columns[j])->generated, lit);
		for (j = 0; j < tb->nchecks && !found; j++)
			found = expr_has(&tb->checks[j]->expression, lit);
		for (j = 0; j < tb->nindexes && !found; j++) {
			const sd_index *ix = tb->indexes[j];
			found = expr_has(&ix->where, lit);
			for (k = 0; k < ix->nkeys && !found; k++)
				found = expr_has(&ix->keys[k].expression, lit);
		}
	}
	return found;
}

/* True when the plan must use a value that n adds to o (see above). */
static bool enum_new_value_used(dctx *c, const sd_enum *o, const sd_enum *n,
                                const sd_schema *to)
{
	size_t i;

	for (i = 0; i < n->values.n; i++)
		if (!sd_strlist_contains(&o->values, n->values.items[i]) &&
		    schema_uses_literal(c, to, n->values.items[i]))
			return true;
	return false;
}

/*
 * A value of o that n lacks may be in use: the recreated type has no such
 * value, so rows holding it make the upgrade fail (or lose the value where
 * the column is converted by hand). Warned like every data-loss change,
 * one warning naming every removed value.
 */
static void warn_removed_values(dctx *c, sd_op *op, const sd_enum *o,
                                const sd_enum *n)
{
	sd_buf b = SD_BUF_INIT;
	size_t i, nremoved = 0;

	for (i = 0; i < o->values.n; i++) {
		if (sd_strlist_contains(&n->values, o->values.items[i]))
			continue;
		sd_buf_printf(&b, "%s'%s'", nremoved++ ? ", " : "",
		              o->values.items[i]);
	}
	if (nremoved)
		sd_diff_add_warning(c, op, SD_HAZARD_DATA_LOSS,
		                    sd_arena_printf(c->a,
		                                    "removes value%s %s from enum %s: rows that hold %s make the upgrade fail (the type is recreated)",
		                                    nremoved == 1 ? "" : "s",
		                                    sd_buf_cstr(&b),
		                                    sd_qualified_name(c->a, o->base.schema,
		                                                      o->base.name),
		                                    nremoved == 1 ? "it" : "one"));
	sd_buf_free(&b);
}

/*
 * Recreating an enum casts every column of that type, which rewrites each
 * table holding one: the warning names them (the CLI adds their sizes).
 * Nothing is said when no table of the database uses the type.
 */
static void warn_recreate(dctx *c, sd_op *op, const sd_enum *e)
{
	sd_buf b = SD_BUF_INIT;
	size_t t, j, n = 0;

	for (t = 0; t < c->from->ntables; t++) {
		const sd_table *tb = c->from->tables[t];
		for (j = 0; j < tb->ncolumns; j++) {
			const sd_type *ty = &tb->columns[j]->type;
			if (ty->kind != SD_T_ENUM ||
			    !sd_streq(ty->name, e->base.name) ||
			    !sd_streq(sd_namespace_key(ty->enum_schema),
			              sd_namespace_key(e->base.schema)))
				continue;
			sd_buf_put(&b, n++ ? ", " : "");
			sd_buf_put(&b, sd_diff_tname(c, tb));
			break;
		}
	}
	if (n)
		sd_diff_add_warning(c, op, SD_HAZARD_REWRITE,
		                    sd_arena_printf(c->a,
		                                    "recreates enum %s (a value is "
		                                    "removed or moved): rewrites %s",
		                                    sd_diff_qname(c, e->base.schema,
		                                                  e->base.name),
		                                    sd_buf_cstr(&b)));
	sd_buf_free(&b);
}

/* o with label `from` called `to`, in the same place. */
static sd_enum *enum_renamed(dctx *c, const sd_enum *o, const char *from,
                             const char *to)
{
	sd_enum *e = sd_arena_alloc(c->a, sizeof(*e));
	size_t i;

	*e = *o;
	memset(&e->values, 0, sizeof(e->values));
	for (i = 0; i < o->values.n; i++)
		sd_strlist_push(c->a, &e->values,
		                sd_streq(o->values.items[i], from)
		                        ? to
		                        : o->values.items[i]);
	return e;
}

/*
 * Without a hint, a rename is the one reading that keeps the rows: both
 * sides have the same number of labels and differ in exactly one place.
 * Returns that index, or -1.
 */
static long enum_lone_change(const sd_enum *o, const sd_enum *n)
{
	size_t i;
	long at = -1;

	if (o->values.n != n->values.n)
		return -1;
	for (i = 0; i < o->values.n; i++) {
		if (sd_streq(o->values.items[i], n->values.items[i]))
			continue;
		if (at >= 0)
			return -1;
		at = (long)i;
	}
	if (at < 0 || sd_strlist_contains(&n->values, o->values.items[at]) ||
	    sd_strlist_contains(&o->values, n->values.items[at]))
		return -1;
	return at;
}

static const sd_enum *rename_value(dctx *c, const sd_enum *prev,
                                   const char *from, const char *to,
                                   const char *guess)
{
	sd_enum *next = enum_renamed(c, prev, from, to);
	sd_op *op = sd_diff_op_new(c, SD_OP_RENAME_ENUM_VALUE, NULL);

	op->obj_old = &prev->base;
	op->obj_new = &next->base;
	op->name_old = from;
	op->name_new = to;
	if (guess)
		sd_diff_add_warning(c, op, SD_HAZARD_MAYBE_RENAME, guess);
	sd_diff_emit(c, op, PH_ENUM);
	return next;
}

/*
 * The labels renamed in place, first: those the models name in
 * renamed_values (their old label still in the database, the new one not
 * yet), else the lone label that changed in place (enum_lone_change), an
 * assumption the script states. Recreating the type instead would fail
 * on every row holding the old label. Returns the enum as the renames
 * leave it.
 */
static const sd_enum *rename_values(dctx *c, const sd_enum *o,
                                    const sd_enum *n)
{
	const sd_enum *prev = o;
	size_t k;
	long at;

	for (k = 0; k + 1 < n->renamed_values.n; k += 2) {
		const char *to = n->renamed_values.items[k];
		const char *from = n->renamed_values.items[k + 1];
		if (sd_strlist_contains(&prev->values, from) &&
		    !sd_strlist_contains(&prev->values, to))
			prev = rename_value(c, prev, from, to, NULL);
	}
	at = enum_lone_change(prev, n);
	if (at >= 0) {
		const char *from = prev->values.items[at];
		const char *to = n->values.items[at];
		prev = rename_value(
			c, prev, from, to,
			sd_arena_printf(c->a,
			                "assumes value '%s' of enum %s is renamed to "
			                "'%s' (one label differs, in the same "
			                "place): rows keep it; add renamed_values "
			                "to the models to say so, or drop and add "
			                "it by hand",
			                from,
			                sd_diff_qname(c, o->base.schema, o->base.name),
			                to));
	}
	return prev;
}

static void diff_enum_values(dctx *c, const sd_enum *o, const sd_enum *n,
                             const sd_schema *to)
{
	size_t i, k = 0;
	const sd_enum *prev;

	o = rename_values(c, o, n);
	if (sd_strlist_equal(&o->values, &n->values))
		return;
	prev = o;

	if (!enum_only_adds(&o->values, &n->values) ||
	    (!c->opts->online && enum_new_value_used(c, o, n, to))) {
		sd_op *op = sd_diff_op_new(c, SD_OP_RECREATE_ENUM, NULL);
		op->obj_old = &o->base;
		op->obj_new = &n->base;
		warn_removed_values(c, op, o, n);
		warn_recreate(c, op, o);
		sd_diff_emit(c, op, PH_RECREATE_ENUM);
		return;
	}
	for (i = 0; i < n->values.n; i++) {
		const char *v = n->values.items[i];
		sd_enum *next;
		sd_op *op;
		if (sd_strlist_contains(&o->values, v))
			continue;
		next = enum_step(c, o, n, ++k);
		op = sd_diff_op_new(c, SD_OP_ADD_ENUM_VALUE, NULL);
		op->obj_old = &prev->base;
		op->obj_new = &next->base;
		op->name_new = v;
		/* The value before it exists by now (old or added earlier);
		 * a new first value goes before the first old one. */
		if (i > 0) {
			op->value_anchor = n->values.items[i - 1];
		} else if (o->values.n) {
			op->value_anchor = o->values.items[0];
			op->anchor_before = true;
		}
		sd_diff_emit(c, op, PH_ENUM);
		prev = next;
	}
}

static sd_enum **sorted_enums(dctx *c, const sd_schema *s)
{
	sd_enum **e = sd_diff_dup_ptrs(c, s->enums, s->nenums, sizeof(*s->enums));

	if (s->nenums > 1)
		qsort(e, s->nenums, sizeof(*e), sd_diff_cmp_object_ptr);
	return e;
}

void sd_diff_enums(dctx *c, const sd_schema *from, const sd_schema *to)
{
	sd_enum **fe = sorted_enums(c, from), **te = sorted_enums(c, to);
	sd_map *fm = sd_map_new(c->a, from->nenums), *tm;
	size_t i;

	tm = sd_map_new(c->a, to->nenums);
	for (i = 0; i < from->nenums; i++)
		sd_map_put(fm, sd_diff_qname(c, fe[i]->base.schema, fe[i]->base.name),
		           fe[i]);
	for (i = 0; i < to->nenums; i++) {
		const char *key = sd_diff_qname(c, te[i]->base.schema, te[i]->base.name);
		sd_enum *o = sd_map_get(fm, key);
		sd_map_put(tm, key, te[i]);
		if (!o) {
			sd_op *op = sd_diff_op_new(c, SD_OP_CREATE_ENUM, NULL);
			op->obj_new = &te[i]->base;
			sd_diff_emit(c, op, PH_ENUM);
		} else {
			if (!sd_strlist_equal(&o->values, &te[i]->values))
				diff_enum_values(c, o, te[i], to);
			sd_diff_comment_object(c, NULL, &o->base, &te[i]->base);
		}
	}
	for (i = 0; i < from->nenums; i++) {
		if (sd_map_get(tm, sd_diff_qname(c, fe[i]->base.schema,
		                                 fe[i]->base.name)))
			continue;
		sd_op *op = sd_diff_op_new(c, SD_OP_DROP_ENUM, NULL);
		op->obj_old = &fe[i]->base;
		sd_diff_emit(c, op, PH_DROP_ENUM);
	}
}

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void ns_add(dctx *c, sd_map *m, sd_vec *list, const char *ns)
{
	if (!ns || sd_map_get(m, ns))
		return;
	sd_map_put(m, ns, (void *)ns);
	if (list)
		sd_vec_push(c->a, list, (void *)ns);
}

/* SET_COMMENT of schema ns, from comment a to b, in phase ph. */
static void namespace_comment_op(dctx *c, const char *ns, const char *a,
                                 const char *b, int ph)
{
	sd_object *o = sd_arena_alloc(c->a, sizeof(*o));
	sd_op *op;

	o->kind = SD_OBJ_NAMESPACE;
	o->name = ns;
	op = sd_diff_op_new(c, SD_OP_SET_COMMENT, NULL);
	op->obj_old = op->obj_new = o;
	op->name_old = a;
	op->name_new = b;
	sd_diff_emit(c, op, ph);
}

/*
 * SET_COMMENT of namespace ns when its comment in from (NULL when from
 * lacks it) and in to (NULL: dropped) differ. A dropped namespace loses
 * its comment before it goes, so that the downgrade puts it back after
 * creating it again.
 */
static void namespace_comment(dctx *c, const char *ns, const sd_schema *from,
                              const sd_schema *to)
{
	const char *a = sd_schema_namespace_comment(from, ns);
	const char *b = to ? sd_schema_namespace_comment(to, ns) : NULL;

	if (!c->caps.comments || sd_streq(a, b))
		return;
	namespace_comment_op(c, ns, a, b, to ? PH_COMMENT : PH_DETACH);
}

/* The public schema's comment as a schema has it (see
 * SD_PUBLIC_COMMENT): NULL for none; initdb's where it is not known. */
static const char *public_comment_of(const sd_schema *s)
{
	const char *t = sd_schema_namespace_comment(s, SD_NAMESPACE_DEFAULT);

	if (!t)
		return SD_PUBLIC_COMMENT;
	return *t ? t : NULL;
}

/* SET_COMMENT of the public schema, when its comment changes. A
 * database's is always known; models that do not list the public
 * schema leave its comment alone (a public schema created again
 * without initdb's comment is no drift). */
static void public_comment(dctx *c, const sd_schema *from,
                           const sd_schema *to)
{
	const char *a = public_comment_of(from), *b = public_comment_of(to);

	if (!c->caps.comments || sd_streq(a, b) ||
	    !sd_schema_namespace_comment(to, SD_NAMESPACE_DEFAULT))
		return;
	namespace_comment_op(c, SD_NAMESPACE_DEFAULT, a, b, PH_COMMENT);
}

/*
 * CREATE_NAMESPACE for schemas the target uses and the source lacks;
 * DROP_NAMESPACE for schemas whose every object goes away and that nothing
 * left behind (ignored or unlisted tables) still lives in.
 */
void sd_diff_namespaces(dctx *c, const sd_schema *from,
                        const sd_schema *to, sd_map *kept_from)
{
	sd_map *has = sd_map_new(c->a, 8), *used = sd_map_new(c->a, 8);
	sd_map *seen = sd_map_new(c->a, 8);
	sd_vec creates = {0}, drops = {0};
	size_t i;

	for (i = 0; i < from->namespaces.n; i++)
		ns_add(c, has, NULL, from->namespaces.items[i]);
	for (i = 0; i < from->ntables; i++)
		ns_add(c, has, NULL, from->tables[i]->base.schema);
	for (i = 0; i < from->nenums; i++)
		ns_add(c, has, NULL, from->enums[i]->base.schema);
	for (i = 0; i < to->namespaces.n; i++)
		ns_add(c, used, NULL, to->namespaces.items[i]);
	for (i = 0; i < to->ntables; i++)
		if (!sd_diff_table_ignored(c->opts, to->tables[i]))
			ns_add(c, used, NULL, to->tables[i]->base.schema);
	for (i = 0; i < to->nenums; i++)
		ns_add(c, used, NULL, to->enums[i]->base.schema);

	for (i = 0; i < to->namespaces.n; i++)
		if (!sd_map_get(has, to->namespaces.items[i]))
			ns_add(c, seen, &creates, to->namespaces.items[i]);
	for (i = 0; i < to->ntables; i++) {
		const char *ns = to->tables[i]->base.schema;
		if (ns && sd_map_get(used, ns) && !sd_map_get(has, ns))
			ns_add(c, seen, &creates, ns);
	}
	for (i = 0; i < to->nenums; i++) {
		const char *ns = to->enums[i]->base.schema;
		if (ns && !sd_map_get(has, ns))
			ns_add(c, seen, &creates, ns);
	}
	for (i = 0; i < from->ntables; i++) {
		const char *ns = from->tables[i]->base.schema;
		if (ns && !sd_map_get(used, ns) &&
		    !sd_map_get(kept_from, ns))
			ns_add(c, seen, &drops, ns);
	}
	for (i = 0; i < from->nenums; i++) {
		const char *ns = from->enums[i]->base.schema;
		if (ns && !sd_map_get(used, ns) &&
		    !sd_map_get(kept_from, ns))
			ns_add(c, seen, &drops, ns);
	}
	/* what is left alone keeps its schema */
	for (i = 0; i < from->nunmanaged; i++)
		if (from->unmanaged[i]->base.schema)
			sd_map_put(kept_from, from->unmanaged[i]->base.schema,
			           (void *)from->unmanaged[i]->base.schema);
	/* schemas that hold nothing the models know, empty ones too */
	for (i = 0; i < from->namespaces.n && c->opts->drop_unlisted; i++) {
		const char *ns = from->namespaces.items[i];
		if (!sd_map_get(used, ns) && !sd_map_get(kept_from, ns))
			ns_add(c, seen, &drops, ns);
	}
	if (creates.n > 1)
		qsort(creates.items, creates.n, sizeof(void *), cmp_str_ptr);
	if (drops.n > 1)
		qsort(drops.items, drops.n, sizeof(void *), cmp_str_ptr);
	for (i = 0; i < creates.n; i++) {
		sd_op *op = sd_diff_op_new(c, SD_OP_CREATE_NAMESPACE, NULL);
		op->name_new = creates.items[i];
		sd_diff_emit(c, op, PH_CREATE_NS);
	}
	for (i = 0; i < drops.n; i++) {
		sd_op *op = sd_diff_op_new(c, SD_OP_DROP_NAMESPACE, NULL);
		op->name_old = drops.items[i];
		sd_diff_emit(c, op, PH_DROP_NS);
		namespace_comment(c, drops.items[i], from, NULL);
	}
	for (i = 0; i < to->namespaces.n; i++)
		namespace_comment(c, to->namespaces.items[i], from, to);
	public_comment(c, from, to);
}
