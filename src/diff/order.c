/*
 * order.c - the order of the plan, on its own as pg_dump's pg_dump_sort.c:
 * operations are sorted by phase (a priority per kind of change, enum
 * phase in differ.h), stable inside a phase, and then moved only as far
 * as the dependencies between them require (depend.c's edges: what a view
 * uses is established before it, what a dropped function's users are
 * removed first). Created tables come after the tables their foreign keys
 * point at and dropped ones before, with the foreign keys that close a
 * cycle added (or dropped) separately.
 */
#include "diff/differ.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Created and dropped tables: topological order                       */
/* ------------------------------------------------------------------ */

/* Index + 1 in ts of the table schema.name names, or 0. */
static size_t table_index(dctx *c, sd_map *idx, const char *schema,
                          const char *name)
{
	return name ? (uintptr_t)sd_map_get(idx, sd_diff_qname(c, schema, name))
	            : 0;
}

/* The parents of ts[i] among ts (index + 1 each) into out; their count. */
static size_t parents_of(dctx *c, sd_map *idx, const sd_table *t,
                         size_t *out, size_t max)
{
	size_t k, n = 0, r;

	if ((r = table_index(c, idx, t->partition_of_schema, t->partition_of)))
		out[n++] = r;
	for (k = 0; k < t->ninherits && n < max; k++)
		if ((r = table_index(c, idx, t->inherits[k].schema,
		                     t->inherits[k].name)))
			out[n++] = r;
	return n;
}

/*
 * Orders tables so that every table comes after the tables its FKs point
 * at and after its parents (partition_of, inherits), by Kahn's algorithm,
 * iterative, ties by name. When only FK cycles remain, the first
 * remaining table by name whose parents are placed goes next and its FKs
 * to tables not yet placed are appended to deferred[i] (sd_vec of
 * sd_foreign_key*): they are the ones that close a cycle. Self-references
 * are no edges. Returns a malloc'ed array of n indexes into ts.
 */
static size_t *topo_order(dctx *c, sd_table **ts, size_t n, sd_vec *deferred)
{
	sd_map *idx = sd_map_new(c->a, n);
	size_t *order = sd_xcalloc(n + 1, sizeof(size_t));
	size_t *indeg = sd_xcalloc(n + 1, sizeof(size_t));
	size_t *start = sd_xcalloc(n + 2, sizeof(size_t));
	size_t *queue = sd_xcalloc(n + 1, sizeof(size_t));
	bool *placed = sd_xcalloc(n + 1, sizeof(bool));
	size_t nedges = 0, *adj, *fill, *ref_of, nfks = 0, npar = 0;
	size_t *par_of, *par_start, par[64];
	size_t i, j, e, k = 0, head = 0, tail = 0;

	for (i = 0; i < n; i++) {
		sd_map_put(idx, sd_diff_tname(c, ts[i]), (void *)(uintptr_t)(i + 1));
		nfks += ts[i]->nforeign_keys;
		npar += ts[i]->ninherits + (ts[i]->partition_of ? 1 : 0);
	}
	/* ref_of[e]: target index + 1 of the e-th FK in table order, or 0;
	 * par_of: the parents' indexes + 1, par_start[i] where i's begin */
	ref_of = sd_xcalloc(nfks + 1, sizeof(size_t));
	par_of = sd_xcalloc(npar + 1, sizeof(size_t));
	par_start = sd_xcalloc(n + 2, sizeof(size_t));
	for (i = 0, e = 0; i < n; i++) {
		for (j = 0; j < ts[i]->nforeign_keys; j++, e++) {
			const sd_foreign_key *fk = ts[i]->foreign_keys[j];
			size_t r = table_index(c, idx, fk->ref_schema,
			                       fk->ref_table);
			if (r && r - 1 != i) {
				ref_of[e] = r;
				indeg[i]++;
				start[r - 1]++;
				nedges++;
			}
		}
	}
	for (i = 0, e = 0; i < n; i++) {
		size_t np = parents_of(c, idx, ts[i], par, SD_ARRAY_LEN(par));
		par_start[i] = e;
		for (j = 0; j < np; j++) {
			if (par[j] - 1 == i)
				continue;
			par_of[e++] = par[j];
			indeg[i]++;
			start[par[j] - 1]++;
			nedges++;
		}
	}
	par_start[n] = e;
	/* Compressed adjacency: dependants of each referenced table. */
	for (i = 0, e = 0; i <= n; i++) {
		size_t cnt = start[i];
		start[i] = e;
		e += cnt;
	}
	adj = sd_xcalloc(nedges + 1, sizeof(size_t));
	fill = sd_xcalloc(n + 1, sizeof(size_t));
	for (i = 0, e = 0; i < n; i++)
		for (j = 0; j < ts[i]->nforeign_keys; j++, e++)
			if (ref_of[e]) {
				size_t r = ref_of[e] - 1;
				adj[start[r] + fill[r]++] = i;
			}
	for (i = 0; i < n; i++)
		for (e = par_start[i]; e < par_start[i + 1]; e++) {
			size_t r = par_of[e] - 1;
			adj[start[r] + fill[r]++] = i;
		}

	for (i = 0; i < n; i++)
		if (!indeg[i])
			queue[tail++] = i;
	while (k < n) {
		if (head == tail) {
			/* only FK cycles left: the first table by name whose
			 * parents are in goes next */
			for (i = 0; i < n; i++) {
				bool ready = !placed[i];
				for (e = par_start[i]; ready && e < par_start[i + 1];
				     e++)
					ready = placed[par_of[e] - 1];
				if (ready)
					break;
			}
			if (i == n)
				for (i = 0; placed[i]; i++)
					;
			for (j = 0; j < ts[i]->nforeign_keys; j++) {
				const sd_foreign_key *fk = ts[i]->foreign_keys[j];
				size_t r = table_index(c, idx, fk->ref_schema,
				                       fk->ref_table);
				if (r && r - 1 != i && !placed[r - 1])
					sd_vec_push(c->a, &deferred[i],
					            (void *)fk);
			}
		} else {
			i = queue[head++];
			if (placed[i])
				continue;
		}
		placed[i] = true;
		order[k++] = i;
		for (e = start[i]; e < start[i + 1]; e++) {
			size_t d = adj[e];
			if (!placed[d] && --indeg[d] == 0)
				queue[tail++] = d;
		}
	}
	free(indeg);
	free(start);
	free(queue);
	free(placed);
	free(adj);
	free(fill);
	free(ref_of);
	free(par_of);
	free(par_start);
	return order;
}

static bool fk_in(const sd_vec *v, const sd_foreign_key *fk)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->items[i] == fk)
			return true;
	return false;
}

/*
 * Queues constraint o (an FK or a check of table t, created or dropped by
 * op) as its own ADD (add) or DROP CONSTRAINT, in the phase of foreign
 * keys, and notes it as left out of op's statement.
 */
static void queue_apart(dctx *c, sd_op *op, sd_table *t, sd_object *o,
                        bool add)
{
	sd_op *f = sd_diff_op_new(c, add ? SD_OP_ADD_CONSTRAINT
	                                 : SD_OP_DROP_CONSTRAINT, t);

	sd_strlist_push(c->a, &op->deferred_fks, o->name);
	if (add)
		f->obj_new = o;
	else
		f->obj_old = o;
	sd_diff_emit(c, f, add ? PH_ADD_FK : PH_DROP_FK);
}

/*
 * True when fk points at columns that only a unique index of its target
 * (in schema s) makes a key, not its primary key or a unique constraint:
 * the index is created after the tables and dropped before them, so the
 * FK must come after it and go before it.
 */
static bool fk_on_unique_index(const sd_schema *s, const sd_foreign_key *fk)
{
	const sd_table *t = sd_schema_find_table(s, fk->ref_schema,
	                                         fk->ref_table);
	size_t i;

	if (!t)
		return false;
	if (t->primary_key &&
	    sd_strlist_same_set(&t->primary_key->columns, &fk->ref_columns))
		return false;
	for (i = 0; i < t->nuniques; i++)
		if (sd_strlist_same_set(&t->uniques[i]->columns,
		                        &fk->ref_columns))
			return false;
	return true;
}

/*
 * Whether constraint o of a created or dropped table goes in its own
 * statement: a NOT VALID one (CREATE TABLE would validate it, and the
 * inverse of a DROP TABLE must not), an FK that closes a cycle (in
 * deferred) or needs a key added later or a unique index, or one to a
 * table that becomes logged or unlogged.
 */
static bool apart(dctx *c, const sd_schema *s, const sd_vec *deferred,
                  const sd_object *o, bool created)
{
	if (o->kind == SD_OBJ_CHECK)
		return c->caps.index_storage && ((const sd_check *)o)->not_valid;
	{
		const sd_foreign_key *fk = (const sd_foreign_key *)o;
		return fk_in(deferred, fk) ||
		       (c->caps.index_storage && fk->not_valid) ||
		       fk_on_unique_index(s, fk) ||
		       sd_diff_fk_target_relogged(c, fk) ||
		       (created && sd_diff_fk_target_added(c, fk));
	}
}

/* Queues CREATE (add) or DROP INDEX of index ix of table t. */
static void queue_index(dctx *c, sd_table *t, sd_index *ix, bool add)
{
	sd_op *op = sd_diff_op_new(c, add ? SD_OP_CREATE_INDEX
	                                  : SD_OP_DROP_INDEX, t);

	if (add)
		op->obj_new = &ix->base;
	else
		op->obj_old = &ix->base;
	sd_diff_emit(c, op, add ? PH_ADD_CONS : PH_DROP_CONS);
}

static bool default_bound(const sd_table *t)
{
	return t->partition_of && sd_strieq(t->partition_bound.sql, "DEFAULT");
}

/* The DEFAULT partition of `parent` (target) that the database has and
 * keeps, when t is a new bounded, unpartitioned partition of it: the
 * rows of t's bound it holds move into t (see the emitter). */
static const sd_object *kept_default(dctx *c, const sd_table *parent,
                                     const sd_table *t)
{
	const sd_table *o;
	size_t i;

	if (!parent || default_bound(t) || t->partition_by.sql)
		return NULL;
	for (i = 0; i < c->to->ntables; i++) {
		const sd_table *d = c->to->tables[i];
		if (!default_bound(d) ||
		    sd_table_partition_parent(c->to, d) != parent)
			continue;
		o = sd_schema_find_table(c->from, d->base.schema, d->base.name);
		if (o && default_bound(o) &&
		    sd_streq(o->partition_of, d->partition_of) &&
		    sd_streq(o->partition_of_schema, d->partition_of_schema))
			return &o->base;
	}
	return NULL;
}

/*
 * After the CREATE TABLE ... INHERITS of t: SET NOT NULL on each parent's
 * column t holds NOT NULL while no parent does (INHERITS brings only the
 * parents' NOT NULL).
 */
static void inherited_not_null(dctx *c, sd_table *t)
{
	size_t i, k;

	for (i = 0; i < t->ncolumns && t->ninherits && !t->partition_of;
	     i++) {
		sd_column *n = t->columns[i], *loose;
		bool parents_nn = false;
		sd_op *op;
		if (!n->inherited || n->nullable)
			continue;
		for (k = 0; k < t->ninherits && !parents_nn; k++) {
			const sd_table *p = sd_schema_find_table(
				c->to, t->inherits[k].schema,
				t->inherits[k].name);
			const sd_column *pc =
				p ? sd_table_find_column(p, n->base.name)
				  : NULL;
			parents_nn = pc && !pc->nullable;
		}
		if (parents_nn)
			continue;
		loose = sd_arena_alloc(c->a, sizeof(*loose));
		*loose = *n;
		loose->nullable = true;
		op = sd_diff_op_new(c, SD_OP_ALTER_COLUMN, t);
		op->column_old = loose;
		op->column_new = n;
		op->changes = SD_CHANGE_NULLABLE;
		sd_diff_emit(c, op, PH_CREATE_TABLE);
	}
}

void sd_diff_create_tables(dctx *c)
{
	size_t n = c->created.n, i, j, k;
	sd_table **ts = (sd_table **)c->created.items;
	sd_vec *deferred = sd_xcalloc(n + 1, sizeof(sd_vec));
	size_t *order = topo_order(c, ts, n, deferred);

	for (k = 0; k < n; k++) {
		sd_table *t = ts[order[k]];
		sd_op *op = sd_diff_op_new(c, SD_OP_CREATE_TABLE, t);
		const sd_table *parent = sd_table_partition_parent(c->to, t);
		op->table_new = t;
		/* a partition states what its parent's columns lack */
		op->obj_new = parent ? &parent->base : NULL;
		op->obj_old = kept_default(c, parent, t);
		sd_diff_emit(c, op, PH_CREATE_TABLE);
		inherited_not_null(c, t);
		for (j = 0; j < t->nforeign_keys && c->caps.alter_constraints;
		     j++)
			if (apart(c, c->to, &deferred[order[k]],
			          &t->foreign_keys[j]->base, true))
				queue_apart(c, op, t, &t->foreign_keys[j]->base,
				            true);
		for (j = 0; j < t->nchecks && c->caps.alter_constraints; j++)
			if (apart(c, c->to, &deferred[order[k]],
			          &t->checks[j]->base, true))
				queue_apart(c, op, t, &t->checks[j]->base, true);
		for (i = 0; i < t->nindexes; i++)
			queue_index(c, t, t->indexes[i], true);
	}
	free(order);
	free(deferred);
}

void sd_diff_drop_tables(dctx *c)
{
	size_t n = c->dropped.n, i, j, k;
	sd_table **ts = (sd_table **)c->dropped.items;
	sd_vec *deferred = sd_xcalloc(n + 1, sizeof(sd_vec));
	size_t *order = topo_order(c, ts, n, deferred);

	/* Referencing tables go before the tables they reference. */
	for (k = n; k-- > 0;) {
		sd_table *t = ts[order[k]];
		sd_op *op = sd_diff_op_new(c, SD_OP_DROP_TABLE, t);
		const sd_table *parent = sd_table_partition_parent(c->from, t);
		op->table_old = t;
		op->obj_old = parent ? &parent->base : NULL;
		for (j = 0; j < t->nforeign_keys && c->caps.alter_constraints;
		     j++) {
			sd_foreign_key *fk = t->foreign_keys[j];
			if (apart(c, c->from, &deferred[order[k]], &fk->base,
			          false) ||
			    sd_diff_fk_target_disturbed(c, t, fk) ||
			    sd_diff_fk_target_renamed(c, t, fk))
				queue_apart(c, op, t, &fk->base, false);
		}
		for (j = 0; j < t->nchecks && c->caps.alter_constraints; j++)
			if (apart(c, c->from, &deferred[order[k]],
			          &t->checks[j]->base, false))
				queue_apart(c, op, t, &t->checks[j]->base,
				            false);
		/* Explicit, so the inverse (CREATE TABLE) gets them back. */
		for (i = 0; i < t->nindexes; i++)
			if (!t->indexes[i]->constraint_backed)
				queue_index(c, t, t->indexes[i], false);
		sd_diff_add_warning(c, op, SD_HAZARD_DATA_LOSS,
		                    sd_arena_printf(c->a,
		                                    "drops table %s (data loss)",
		                                    sd_diff_tname(c, t)));
		sd_diff_emit(c, op, PH_DROP_TABLE);
	}
	free(order);
	free(deferred);
}

static int cmp_pending(const void *a, const void *b)
{
	const pending *x = *(const pending *const *)a;
	const pending *y = *(const pending *const *)b;

	if (x->phase != y->phase)
		return x->phase < y->phase ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ------------------------------------------------------------------ */
/* The plan's order                                                    */
/* ------------------------------------------------------------------ */

/* (phase, seq) of pending i is before that of j */
static bool before(const pending *const *p, size_t i, size_t j)
{
	if (p[i]->phase != p[j]->phase)
		return p[i]->phase < p[j]->phase;
	return p[i]->seq < p[j]->seq;
}

static void heap_push(size_t *h, size_t *n, const pending *const *p,
                      size_t x)
{
	size_t i = (*n)++;

	while (i > 0 && before(p, x, h[(i - 1) / 2])) {
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = x;
}

static size_t heap_pop(size_t *h, size_t *n, const pending *const *p)
{
	size_t top = h[0], x = h[--(*n)], i = 0;

	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		size_t best = x;
		if (l < *n && before(p, h[l], best)) {
			m = l;
			best = h[l];
		}
		if (r < *n && before(p, h[r], best))
			m = r;
		if (m == i)
			break;
		h[i] = h[m];
		i = m;
	}
	h[i] = x;
	return top;
}

/*
 * Sorts the queued operations: by (phase, queue order), except that an
 * operation never comes before one an edge puts first. Kahn's algorithm
 * with a priority queue; when only a cycle remains (a dependency the
 * phases already contradict), the first remaining operation by priority
 * goes next, as the phase order alone would have it.
 */
void sd_diff_sort(dctx *c)
{
	size_t n = c->pending.n, i, k = 0, nh = 0, cursor = 0;
	const pending *const *p = (const pending *const *)c->pending.items;
	sd_diff_edges e = {NULL, 0, 0};
	size_t *indeg, *start, *adj, *heap, *order;
	bool *placed;
	void **sorted;

	if (n < 2)
		return;
	sd_diff_collect_edges(c, &e);
	if (!e.n) {
		free(e.v);
		qsort(c->pending.items, n, sizeof(void *), cmp_pending);
		return;
	}
	indeg = sd_xcalloc(n + 1, sizeof(size_t));
	start = sd_xcalloc(n + 2, sizeof(size_t));
	adj = sd_xcalloc(e.n + 1, sizeof(size_t));
	heap = sd_xcalloc(n + 1, sizeof(size_t));
	order = sd_xcalloc(n + 1, sizeof(size_t));
	placed = sd_xcalloc(n + 1, sizeof(bool));
	for (i = 0; i < e.n; i++) {
		start[e.v[i].from + 1]++;
		indeg[e.v[i].to]++;
	}
	for (i = 0; i < n; i++)
		start[i + 1] += start[i];
	{
		size_t *fill = sd_xcalloc(n + 1, sizeof(size_t));
		for (i = 0; i < e.n; i++)
			adj[start[e.v[i].from] + fill[e.v[i].from]++] =
				e.v[i].to;
		free(fill);
	}
	/* the priority order itself, for breaking cycles */
	for (i = 0; i < n; i++)
		heap_push(heap, &nh, p, i);
	for (i = 0; i < n; i++)
		order[i] = heap_pop(heap, &nh, p);
	for (i = 0; i < n; i++)
		if (!indeg[i])
			heap_push(heap, &nh, p, i);
	sorted = sd_arena_alloc(c->a, n * sizeof(void *));
	while (k < n) {
		size_t x, j;
		if (nh) {
			x = heap_pop(heap, &nh, p);
		} else {
			while (placed[order[cursor]])
				cursor++;
			x = order[cursor];
		}
		if (placed[x])
			continue;
		placed[x] = true;
		sorted[k++] = (void *)p[x];
		for (j = start[x]; j < start[x + 1]; j++) {
			size_t d = adj[j];
			if (!placed[d] && indeg[d] && --indeg[d] == 0)
				heap_push(heap, &nh, p, d);
		}
	}
	memcpy(c->pending.items, sorted, n * sizeof(void *));
	free(indeg);
	free(start);
	free(adj);
	free(heap);
	free(order);
	free(placed);
	free(e.v);
}
