/*
 * rebuild.c - pass C: the operations of a table pair that the dialect
 * cannot do in place are folded into one SD_OP_REBUILD_TABLE (SQLite's
 * documented twelve-step rebuild), together with what the rebuild carries
 * along; the others are queued as they are.
 */
#include "diff/differ.h"

/* True when an old column is used by a key, index, FK, check or
 * generated column, which an in-place DROP COLUMN cannot cope with.
 * Indexes named in gone_indexes are dropped earlier in the plan and do not
 * count. */
static bool column_in_use(const sd_table *t, const char *name,
                          const sd_map *gone_indexes, sd_sql_lang lang)
{
	size_t i, j;

	if (t->primary_key &&
	    sd_strlist_contains(&t->primary_key->columns, name))
		return true;
	for (i = 0; i < t->nuniques; i++)
		if (sd_strlist_contains(&t->uniques[i]->columns, name))
			return true;
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_strlist_contains(&t->foreign_keys[i]->columns, name))
			return true;
	for (i = 0; i < t->nchecks; i++)
		if (sd_diff_expr_mentions(t->checks[i]->expression.sql, name,
		                          lang))
			return true;
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		if (sd_map_get(gone_indexes, ix->base.name))
			continue;
		if (sd_diff_expr_mentions(ix->where.sql, name, lang) ||
		    sd_strlist_contains(&ix->include, name))
			return true;
		for (j = 0; j < ix->nkeys; j++)
			if (sd_streq(ix->keys[j].column, name) ||
			    sd_diff_expr_mentions(ix->keys[j].expression.sql, name,
			                  lang))
				return true;
	}
	for (i = 0; i < t->ncolumns; i++)
		if (!sd_streq(t->columns[i]->base.name, name) &&
		    sd_diff_expr_mentions(sd_column_x(t->columns[i])->generated.sql, name, lang))
			return true;
	return false;
}

static bool op_needs_rebuild(dctx *c, const tpair *tp, const sd_op *op,
                             const sd_map *gone_indexes)
{
	const sd_dialect_caps *caps = &c->caps;

	switch (op->kind) {
	case SD_OP_ALTER_COLUMN:
		return !caps->alter_column;
	case SD_OP_ADD_CONSTRAINT:
	case SD_OP_DROP_CONSTRAINT:
	case SD_OP_RENAME_CONSTRAINT:
		return !caps->alter_constraints;
	case SD_OP_DROP_INDEX:
	case SD_OP_RENAME_INDEX:
		return ((const sd_index *)op->obj_old)->constraint_backed;
	case SD_OP_DROP_COLUMN:
		return !caps->drop_column ||
		       (!caps->alter_constraints &&
		        column_in_use(tp->old, op->column_old->base.name,
		                      gone_indexes, caps->lang));
	case SD_OP_ADD_COLUMN: {
		const sd_column *n = op->column_new;
		const sd_primary_key *pk = tp->new_->primary_key;
		if (!caps->alter_constraints && pk &&
		    sd_strlist_contains(&pk->columns, n->base.name))
			return true;
		return !caps->alter_column &&
		       (sd_diff_needs_value(n) ||
		        (sd_column_x(n)->generated.sql && !sd_column_x(n)->generated_virtual) ||
		        sd_diff_autoinc(n) ||
		        !sd_sql_is_literal(n->default_value.sql, caps->lang));
	}
	default:
		return false;
	}
}

/*
 * Copies a pair's table for a rebuild op, with renamed_from set exactly to
 * the other side's name for each renamed column (NULL for columns that keep
 * their name), so an emitter maps columns old -> new, and the inverse (old
 * and new swapped) maps them back.
 */
static sd_table *rebuild_side(dctx *c, const tpair *tp, bool new_side)
{
	const sd_table *src = new_side ? tp->new_ : tp->old;
	const sd_table *other = new_side ? tp->old : tp->new_;
	sd_table *t = sd_arena_alloc(c->a, sizeof(*t));
	size_t i;

	*t = *src;
	t->renamed_from = tp->renamed ? sd_diff_tname(c, other) : NULL;
	t->columns = sd_arena_alloc(c->a, (src->ncolumns + 1) *
	                                      sizeof(*t->columns));
	t->column_map = src->ncolumns > SD_COLUMN_MAP_MIN
		                 ? sd_map_new(c->a, src->ncolumns)
		                 : NULL;
	for (i = 0; i < src->ncolumns; i++) {
		sd_column *col = sd_arena_alloc(c->a, sizeof(*col));
		const sd_column *peer =
			sd_map_get(new_side ? tp->col_n2o : tp->col_o2n,
			           src->columns[i]->base.name);
		*col = *src->columns[i];
		/* The old side is the inverse rebuild's target: a column it
		 * brings back needs a value for the existing rows. */
		if (!new_side && !peer && sd_diff_needs_value(col) && !sd_column_x(col)->backfill)
			sd_column_xw(c->a, col)->backfill = sd_diff_zero_literal(c, col);
		/* ... so does one the target brings, taken literally */
		if (new_side && !peer && sd_diff_readd_zero(c, col))
			sd_column_xw(c->a, col)->backfill = sd_diff_readd_zero(c, col);
		/* a column that becomes NOT NULL: its NULLs take its default
		 * (sd_diff_columns warns) */
		if (peer && peer->nullable && !col->nullable && !sd_column_x(col)->backfill &&
		    col->default_value.sql && !sd_diff_autoinc(col) &&
		    !sd_column_x(col)->generated.sql)
			sd_column_xw(c->a, col)->backfill = col->default_value.sql;
		{
			const char *from =
				peer && !sd_streq(peer->base.name,
				                  col->base.name)
					? peer->base.name
					: NULL;
			if (from || sd_column_x(col)->renamed_from)
				sd_column_xw(c->a, col)->renamed_from = from;
		}
		t->columns[i] = col;
		if (t->column_map)
			sd_map_put(t->column_map, col->base.name, col);
	}
	return t;
}

void sd_diff_flush_pair(dctx *c, tpair *tp)
{
	bool rebuild = false;
	size_t i;
	sd_op *op;
	pending *p;
	sd_map *dropped_ix = sd_map_new(c->a, 4);
	sd_map *created_ix = sd_map_new(c->a, 4);
	tpair swapped = *tp;

	/* The downgrade runs the inverse ops against the new table, so an op
	 * needs a rebuild when it or its inverse does (dropping a NOT NULL
	 * column is fine in place; adding it back is not). */
	swapped.old = tp->new_;
	swapped.new_ = tp->old;
	for (i = 0; i < tp->ops.n; i++) {
		const sd_op *f = ((pending *)tp->ops.items[i])->op;
		if (f->kind == SD_OP_DROP_INDEX && f->obj_old->name)
			sd_map_put(dropped_ix, f->obj_old->name, (void *)f);
		if (f->kind == SD_OP_CREATE_INDEX && f->obj_new->name)
			sd_map_put(created_ix, f->obj_new->name, (void *)f);
	}
	rebuild = tp->options_changed || (tp->recreate = sd_diff_needs_recreate(c, tp));
	for (i = 0; i < tp->ops.n && !rebuild; i++) {
		const sd_op *f = ((pending *)tp->ops.items[i])->op;
		rebuild = op_needs_rebuild(c, tp, f, dropped_ix) ||
		          op_needs_rebuild(c, &swapped,
		                           sd_op_invert(c->a, f), created_ix);
	}
	if (!rebuild) {
		for (i = 0; i < tp->ops.n; i++) {
			p = tp->ops.items[i];
			p->seq = c->seq++;
			sd_vec_push(c->a, &c->pending, p);
		}
		return;
	}
	op = sd_diff_op_new(c, SD_OP_REBUILD_TABLE, NULL);
	op->table_old = rebuild_side(c, tp, false);
	op->table_new = rebuild_side(c, tp, true);
	op->table = op->table_old;
	if (!tp->recreate)
		sd_diff_add_warning(c, op, SD_HAZARD_REBUILD,
		                    sd_arena_printf(c->a,
		                                    "rebuilds table %s (SQLite copies "
		                                    "every row)",
		                                    sd_diff_tname(c, tp->new_)));
	p = sd_diff_emit(c, op, PH_REBUILD);
	op->folded = sd_arena_alloc(c->a, tp->ops.n * sizeof(sd_op *));
	for (i = 0; i < tp->ops.n; i++) {
		const sd_op *f = ((pending *)tp->ops.items[i])->op;
		op->folded[op->nfolded++] = (sd_op *)f;
		/* Index builds are the rebuild's own; their lock warning is
		 * moot. Other risks (drops, narrowing) still hold. */
		if (!f->warning || (f->hazards & SD_HAZARD_LOCKS))
			continue;
		op->hazards |= f->hazards;
		sd_strlist_push(c->a, &p->extra_warnings, f->warning);
	}
	if (tp->recreate)
		sd_diff_recreate_split(c, tp, op, p);
}
