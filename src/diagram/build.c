/*
 * build.c - sd_diagram from schemas and plans, and the neighbourhoods
 * (diagram.h).
 */
#include "diagram/diagram.h"

#include <stdlib.h>
#include <string.h>

/* What each node kind looks like; one entry per sd_dg_kind. */
static const sd_dg_kind_info kinds[SD_DG__KINDS] = {
	[SD_DG_TABLE] = {"table", "sd-table", true, "#dbe7f3", NULL},
	[SD_DG_ENUM] = {"enum", "sd-enum", false, "#e9e0f3",
	                "\xc2\xab" "enum" "\xc2\xbb"},
};

const sd_dg_kind_info *sd_dg_kind_of(sd_dg_kind k)
{
	return &kinds[k < SD_DG__KINDS ? k : SD_DG_TABLE];
}

const char *sd_dg_state_name(sd_dg_state s)
{
	switch (s) {
	case SD_DG_ADDED: return "added";
	case SD_DG_DROPPED: return "dropped";
	case SD_DG_CHANGED: return "changed";
	default: return "unchanged";
	}
}

void sd_dg_marks_format(sd_buf *out, unsigned marks, const char *sep,
                        bool mermaid)
{
	static const struct {
		unsigned flag;
		const char *name;
		const char *mermaid;
	} marks_names[] = {
		{SD_DG_PK, "PK", "PK"},
		{SD_DG_FK, "FK", "FK"},
		{SD_DG_UQ, "UQ", "UK"},
		{SD_DG_NN, "NN", NULL},
	};
	const char *between = "";
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(marks_names); i++) {
		const char *name = mermaid ? marks_names[i].mermaid
		                           : marks_names[i].name;
		if (!(marks & marks_names[i].flag) || !name)
			continue;
		sd_buf_printf(out, "%s%s", between, name);
		between = sep;
	}
}

/* The builder: the diagram and lookups by kind and name. */
typedef struct builder {
	sd_diagram *d;
	sd_arena *a;
	sd_vec nodes;
	sd_vec edges;
	sd_map *by_name; /* key(kind, schema, name) -> sd_dg_node * */
} builder;

/* An edge and the columns its ends attach to, resolved to rows once
 * every row is in place. */
typedef struct edge_ends {
	sd_dg_edge edge;
	const char *from_col;
	const char *to_col;
} edge_ends;

/* "t\x1f" schema "\x1f" name: names may hold dots, so no "schema.name". */
static const char *node_key(sd_arena *a, sd_dg_kind k, const char *schema,
                            const char *name)
{
	return sd_arena_printf(a, "%c\x1f%s\x1f%s", k == SD_DG_TABLE ? 't' : 'e',
	                       schema ? schema : "", name ? name : "");
}

static sd_dg_node *find_node(const builder *b, sd_dg_kind k,
                             const char *schema, const char *name)
{
	return sd_map_get(b->by_name, node_key(b->a, k, schema, name));
}

static sd_dg_node *add_node(builder *b, sd_dg_kind k, const char *schema,
                            const char *name, const char *comment,
                            size_t nrows, sd_dg_state state)
{
	sd_dg_node *n = sd_arena_alloc(b->a, sizeof(*n));

	n->kind = k;
	n->ns = schema;
	n->name = name;
	n->comment = comment;
	n->state = state;
	n->rows = sd_arena_alloc(b->a, (nrows + 1) * sizeof(sd_dg_row));
	n->index = b->nodes.n;
	sd_vec_push(b->a, &b->nodes, n);
	sd_map_put(b->by_name, node_key(b->a, k, schema, name), n);
	return n;
}

/* Whether column is in a unique constraint or a plain unique index. */
static bool column_unique(const sd_table *t, const char *column)
{
	size_t i, k;

	for (i = 0; i < t->nuniques; i++)
		if (sd_strlist_contains(&t->uniques[i]->columns, column))
			return true;
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		if (!ix->unique || ix->where.sql)
			continue;
		for (k = 0; k < ix->nkeys; k++)
			if (sd_streq(ix->keys[k].column, column))
				return true;
	}
	return false;
}

static void fill_row(builder *b, sd_dg_row *r, const sd_table *t,
                     const sd_column *c, sd_dg_state state)
{
	sd_buf type = SD_BUF_INIT;
	size_t i;

	sd_type_format(&type, &c->type);
	r->name = c->base.name;
	r->type = sd_arena_strdup(b->a, sd_buf_cstr(&type));
	r->comment = sd_column_x(c)->comment;
	r->state = state;
	if (t->primary_key &&
	    sd_strlist_contains(&t->primary_key->columns, c->base.name))
		r->marks |= SD_DG_PK;
	else if (!c->nullable)
		r->marks |= SD_DG_NN;
	for (i = 0; i < t->nforeign_keys; i++)
		if (sd_strlist_contains(&t->foreign_keys[i]->columns,
		                        c->base.name))
			r->marks |= SD_DG_FK;
	if (column_unique(t, c->base.name))
		r->marks |= SD_DG_UQ;
	sd_buf_free(&type);
}

static sd_dg_node *add_table(builder *b, const sd_table *t,
                             sd_dg_state state)
{
	sd_dg_node *n = add_node(b, SD_DG_TABLE, t->base.schema, t->base.name,
	                         t->comment, t->ncolumns, state);
	size_t i;

	for (i = 0; i < t->ncolumns; i++)
		fill_row(b, &n->rows[i], t, t->columns[i], state);
	n->nrows = t->ncolumns;
	return n;
}

static sd_dg_node *add_enum(builder *b, const sd_enum *e, sd_dg_state state)
{
	sd_dg_node *n = add_node(b, SD_DG_ENUM, e->base.schema, e->base.name,
	                         e->comment, e->values.n, state);
	size_t i;

	for (i = 0; i < e->values.n; i++) {
		n->rows[i].name = e->values.items[i];
		n->rows[i].state = state;
	}
	n->nrows = e->values.n;
	return n;
}

static sd_dg_edge *find_edge(const builder *b, sd_dg_edge_kind k,
                             const sd_dg_node *from, const char *name)
{
	size_t i;

	for (i = 0; i < b->edges.n; i++) {
		sd_dg_edge *e = b->edges.items[i];
		if (e->kind == k && e->from == from && sd_streq(e->name, name))
			return e;
	}
	return NULL;
}

/* The FK edge of fk on table t (node from); nothing when its target is
 * not in the diagram. */
static sd_dg_edge *add_fk_edge(builder *b, sd_dg_node *from,
                               const sd_table *t, const sd_foreign_key *fk,
                               sd_dg_state state)
{
	sd_dg_node *to = find_node(b, SD_DG_TABLE, fk->ref_schema, fk->ref_table);
	edge_ends *ee;
	sd_buf text = SD_BUF_INIT;
	size_t i;

	if (!to || find_edge(b, SD_DG_EDGE_FK, from, fk->base.name))
		return NULL;
	ee = sd_arena_alloc(b->a, sizeof(*ee));
	ee->edge.kind = SD_DG_EDGE_FK;
	ee->edge.name = fk->base.name;
	ee->edge.from = from;
	ee->edge.to = to;
	ee->edge.state = state;
	ee->from_col = fk->columns.n ? fk->columns.items[0] : NULL;
	ee->to_col = fk->ref_columns.n ? fk->ref_columns.items[0] : NULL;
	ee->edge.identifying = t->primary_key != NULL && fk->columns.n > 0;
	for (i = 0; i < fk->columns.n; i++) {
		const sd_column *c = sd_table_find_column(t, fk->columns.items[i]);
		if (c && c->nullable)
			ee->edge.optional = true;
		if (!t->primary_key ||
		    !sd_strlist_contains(&t->primary_key->columns,
		                         fk->columns.items[i]))
			ee->edge.identifying = false;
	}
	ee->edge.one_to_one = sd_table_is_key(t, &fk->columns);
	sd_buf_printf(&text, "%s: %s (", fk->base.name ? fk->base.name : "",
	              sd_qualified_name(b->a, t->base.schema, t->base.name));
	for (i = 0; i < fk->columns.n; i++)
		sd_buf_printf(&text, "%s%s", i ? ", " : "", fk->columns.items[i]);
	sd_buf_printf(&text, ") -> %s (",
	              sd_qualified_name(b->a, fk->ref_schema, fk->ref_table));
	for (i = 0; i < fk->ref_columns.n; i++)
		sd_buf_printf(&text, "%s%s", i ? ", " : "",
		              fk->ref_columns.items[i]);
	sd_buf_putc(&text, ')');
	ee->edge.text = sd_arena_strdup(b->a, sd_buf_cstr(&text));
	sd_buf_free(&text);
	sd_vec_push(b->a, &b->edges, &ee->edge);
	return &ee->edge;
}

/* Columns whose type is an enum of the diagram link to its node. */
static void add_uses_edges(builder *b, sd_dg_node *from, const sd_table *t)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		sd_dg_node *to;
		edge_ends *ee;
		if (c->type.kind != SD_T_ENUM)
			continue;
		to = find_node(b, SD_DG_ENUM, c->type.enum_schema, c->type.name);
		if (!to)
			to = find_node(b, SD_DG_ENUM, t->base.schema, c->type.name);
		if (!to)
			continue;
		ee = sd_arena_alloc(b->a, sizeof(*ee));
		ee->edge.kind = SD_DG_EDGE_USES;
		ee->edge.name = c->base.name;
		ee->edge.from = from;
		ee->edge.to = to;
		ee->edge.state = from->state == SD_DG_DROPPED ? SD_DG_DROPPED
		                                             : SD_DG_SAME;
		ee->edge.text = sd_arena_printf(
			b->a, "%s.%s: %s",
			sd_qualified_name(b->a, t->base.schema, t->base.name),
			c->base.name,
			sd_qualified_name(b->a, to->ns, to->name));
		ee->from_col = c->base.name;
		sd_vec_push(b->a, &b->edges, &ee->edge);
	}
}

static size_t row_of(const sd_dg_node *n, const char *name)
{
	size_t i;

	for (i = 0; name && i < n->nrows; i++)
		if (sd_streq(n->rows[i].name, name))
			return i;
	return 0;
}

static void builder_init(builder *b, size_t expected)
{
	memset(b, 0, sizeof(*b));
	b->d = sd_xcalloc(1, sizeof(*b->d));
	b->d->arena = sd_arena_new();
	b->a = b->d->arena;
	b->by_name = sd_map_new(b->a, expected);
}

/* Hands the vectors to the diagram and points the edges at their rows. */
static sd_diagram *builder_finish(builder *b)
{
	sd_diagram *d = b->d;
	size_t i;

	d->nodes = (sd_dg_node **)b->nodes.items;
	d->nnodes = b->nodes.n;
	d->edges = (sd_dg_edge **)b->edges.items;
	d->nedges = b->edges.n;
	for (i = 0; i < d->nedges; i++) {
		edge_ends *ee = (edge_ends *)d->edges[i];
		ee->edge.from_row = row_of(ee->edge.from, ee->from_col);
		ee->edge.to_row = row_of(ee->edge.to, ee->to_col);
	}
	return d;
}

/* Nodes and edges of schema s, all in the given state. */
static void add_schema(builder *b, const sd_schema *s, sd_dg_state state)
{
	size_t i, k;

	for (i = 0; i < s->nenums; i++)
		add_enum(b, s->enums[i], state);
	for (i = 0; i < s->ntables; i++)
		add_table(b, s->tables[i], state);
	for (i = 0; i < s->ntables; i++) {
		const sd_table *t = s->tables[i];
		sd_dg_node *n = find_node(b, SD_DG_TABLE, t->base.schema,
		                          t->base.name);
		for (k = 0; k < t->nforeign_keys; k++)
			add_fk_edge(b, n, t, t->foreign_keys[k], state);
		add_uses_edges(b, n, t);
	}
}

sd_diagram *sd_diagram_of_schema(const sd_schema *s)
{
	builder b;

	builder_init(&b, s->ntables + s->nenums);
	add_schema(&b, s, SD_DG_SAME);
	return builder_finish(&b);
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */
/* ------------------------------------------------------------------ */

static void mark(sd_dg_state *slot, sd_dg_state s)
{
	/* added and dropped say more than changed: keep them */
	if (*slot == SD_DG_SAME || s != SD_DG_CHANGED)
		*slot = s;
}

static sd_dg_state state_of(char marker)
{
	return marker == '+' ? SD_DG_ADDED
	       : marker == '-' ? SD_DG_DROPPED
	                       : SD_DG_CHANGED;
}

/* "+ index ix_a" as a note of n. */
static void add_note(builder *b, sd_dg_node *n, const sd_op *op)
{
	sd_buf text = SD_BUF_INIT;
	sd_dg_note *note;
	char marker = '~';

	/* everything of a new or dropped table is new or dropped with it */
	if (n->state == SD_DG_ADDED || n->state == SD_DG_DROPPED)
		return;
	note = sd_arena_alloc(b->a, sizeof(*note));
	sd_op_describe(&text, op, &marker);
	note->text = sd_arena_strdup(b->a, sd_buf_cstr(&text));
	note->state = state_of(marker);
	sd_vec_push(b->a, &n->notes, note);
	mark(&n->state, SD_DG_CHANGED);
	sd_buf_free(&text);
}

/* The op's description without its marker: "column users.x: type ...". */
static const char *describe(builder *b, const sd_op *op)
{
	sd_buf text = SD_BUF_INIT;
	const char *s;

	sd_op_describe(&text, op, NULL);
	s = sd_arena_strdup(b->a, sd_buf_cstr(&text) + 2);
	sd_buf_free(&text);
	return s;
}

static sd_dg_row *find_row(sd_dg_node *n, const char *name)
{
	size_t i;

	for (i = 0; n && i < n->nrows; i++)
		if (sd_streq(n->rows[i].name, name))
			return &n->rows[i];
	return NULL;
}

/* Inserts a row at pos (clamped), growing the node's row array. */
static sd_dg_row *insert_row(builder *b, sd_dg_node *n, size_t pos)
{
	sd_dg_row *rows = sd_arena_alloc(b->a, (n->nrows + 2) * sizeof(*rows));

	if (pos > n->nrows)
		pos = n->nrows;
	memcpy(rows, n->rows, pos * sizeof(*rows));
	memcpy(rows + pos + 1, n->rows + pos, (n->nrows - pos) * sizeof(*rows));
	n->rows = rows;
	n->nrows++;
	return &rows[pos];
}

static size_t column_position(const sd_table *t, const char *name)
{
	size_t i;

	for (i = 0; t && i < t->ncolumns; i++)
		if (sd_streq(t->columns[i]->base.name, name))
			return i;
	return (size_t)-1;
}

static sd_dg_node *table_node(builder *b, const sd_table *t)
{
	return t ? find_node(b, SD_DG_TABLE, t->base.schema, t->base.name)
	         : NULL;
}

/* Marks the rows of the columns of a constraint as changed. */
static void mark_columns(sd_dg_node *n, const sd_object *o)
{
	const sd_strlist *cols = NULL;
	size_t i;

	if (o->kind == SD_OBJ_FOREIGN_KEY)
		cols = &((const sd_foreign_key *)o)->columns;
	else if (o->kind == SD_OBJ_UNIQUE)
		cols = &((const sd_unique *)o)->columns;
	else if (o->kind == SD_OBJ_PRIMARY_KEY)
		cols = &((const sd_primary_key *)o)->columns;
	for (i = 0; cols && i < cols->n; i++) {
		sd_dg_row *r = find_row(n, cols->items[i]);
		if (r)
			mark(&r->state, SD_DG_CHANGED);
	}
}

static void mark_enum_values(builder *b, sd_dg_node *n, const sd_enum *old,
                             const sd_enum *new_)
{
	size_t i;

	for (i = 0; new_ && i < new_->values.n; i++) {
		sd_dg_row *r = find_row(n, new_->values.items[i]);
		if (r && old && !sd_strlist_contains(&old->values, r->name))
			r->state = SD_DG_ADDED;
	}
	for (i = 0; old && i < old->values.n; i++) {
		sd_dg_row *r;
		if (find_row(n, old->values.items[i]))
			continue;
		r = insert_row(b, n, i);
		r->name = old->values.items[i];
		r->state = SD_DG_DROPPED;
	}
	mark(&n->state, SD_DG_CHANGED);
}

/* The node of a dropped table or enum, with its rows, from before. */
static sd_dg_node *dropped_table(builder *b, const sd_table *t)
{
	sd_dg_node *n = table_node(b, t);

	if (n) /* dropped and created again under the same name */
		return n;
	return add_table(b, t, SD_DG_DROPPED);
}

static void apply_op(builder *b, const sd_op *op, sd_vec *dropped_tables)
{
	sd_dg_node *n = table_node(b, op->table);
	sd_dg_row *r;
	size_t i;

	switch (op->kind) {
	case SD_OP_CREATE_TABLE:
		n = table_node(b, op->table_new);
		if (!n)
			break;
		n->state = SD_DG_ADDED;
		for (i = 0; i < n->nrows; i++)
			n->rows[i].state = SD_DG_ADDED;
		for (i = 0; i < b->edges.n; i++) {
			sd_dg_edge *e = b->edges.items[i];
			if (e->from == n)
				e->state = SD_DG_ADDED;
		}
		break;
	case SD_OP_DROP_TABLE:
		n = dropped_table(b, op->table_old);
		n->state = SD_DG_DROPPED;
		sd_vec_push(b->a, dropped_tables, (void *)op->table_old);
		break;
	case SD_OP_RENAME_TABLE:
		n = table_node(b, op->table_new);
		if (n)
			add_note(b, n, op);
		break;
	case SD_OP_REBUILD_TABLE:
		for (i = 0; i < op->nfolded; i++)
			apply_op(b, op->folded[i], dropped_tables);
		n = table_node(b, op->table_new);
		if (n)
			mark(&n->state, SD_DG_CHANGED);
		break;
	case SD_OP_ADD_COLUMN:
		r = find_row(n, op->column_new->base.name);
		if (r) {
			r->state = SD_DG_ADDED;
			mark(&n->state, SD_DG_CHANGED);
		}
		for (i = 0; r && i < b->edges.n; i++) {
			sd_dg_edge *e = b->edges.items[i];
			if (e->kind == SD_DG_EDGE_USES && e->from == n &&
			    sd_streq(e->name, r->name))
				e->state = SD_DG_ADDED;
		}
		break;
	case SD_OP_DROP_COLUMN:
		if (!n || find_row(n, op->column_old->base.name))
			break;
		r = insert_row(b, n, column_position(op->table,
		                                     op->column_old->base.name));
		{
			sd_dg_row filled = {0};
			fill_row(b, &filled, op->table, op->column_old,
			         SD_DG_DROPPED);
			*r = filled;
		}
		mark(&n->state, SD_DG_CHANGED);
		break;
	case SD_OP_RENAME_COLUMN:
	case SD_OP_ALTER_COLUMN:
		r = find_row(n, op->column_new->base.name);
		if (r) {
			mark(&r->state, SD_DG_CHANGED);
			r->change = describe(b, op);
			mark(&n->state, SD_DG_CHANGED);
		}
		break;
	case SD_OP_ADD_CONSTRAINT:
	case SD_OP_DROP_CONSTRAINT:
	case SD_OP_RENAME_CONSTRAINT: {
		const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
		sd_dg_state s = op->kind == SD_OP_ADD_CONSTRAINT ? SD_DG_ADDED
		                : op->kind == SD_OP_DROP_CONSTRAINT ? SD_DG_DROPPED
		                                                    : SD_DG_CHANGED;
		if (!n)
			break;
		mark(&n->state, SD_DG_CHANGED);
		if (o->kind == SD_OBJ_FOREIGN_KEY) {
			sd_dg_edge *e = find_edge(b, SD_DG_EDGE_FK, n, o->name);
			if (!e && s == SD_DG_DROPPED)
				e = add_fk_edge(b, n, op->table,
				                (const sd_foreign_key *)o, s);
			if (e)
				mark(&e->state, s);
			else
				add_note(b, n, op);
		} else {
			add_note(b, n, op);
		}
		mark_columns(n, o);
		break;
	}
	case SD_OP_CREATE_INDEX:
	case SD_OP_DROP_INDEX:
	case SD_OP_RENAME_INDEX:
		if (n)
			add_note(b, n, op);
		break;
	case SD_OP_SET_COMMENT:
		if (op->obj_new && op->obj_new->kind == SD_OBJ_ENUM) {
			n = find_node(b, SD_DG_ENUM, op->obj_new->schema,
			              op->obj_new->name);
			if (n)
				add_note(b, n, op);
		} else if (n && op->column_new &&
		           (r = find_row(n, op->column_new->base.name))) {
			mark(&r->state, SD_DG_CHANGED);
			r->change = describe(b, op);
			mark(&n->state, SD_DG_CHANGED);
		} else if (n) {
			add_note(b, n, op);
		}
		break;
	case SD_OP_CREATE_ENUM:
		n = find_node(b, SD_DG_ENUM, op->obj_new->schema, op->obj_new->name);
		if (!n)
			break;
		n->state = SD_DG_ADDED;
		for (i = 0; i < n->nrows; i++)
			n->rows[i].state = SD_DG_ADDED;
		break;
	case SD_OP_DROP_ENUM:
		n = find_node(b, SD_DG_ENUM, op->obj_old->schema, op->obj_old->name);
		if (!n)
			n = add_enum(b, (const sd_enum *)op->obj_old, SD_DG_DROPPED);
		n->state = SD_DG_DROPPED;
		break;
	case SD_OP_ADD_ENUM_VALUE:
	case SD_OP_DROP_ENUM_VALUE:
	case SD_OP_RENAME_ENUM_VALUE:
	case SD_OP_RECREATE_ENUM: {
		const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
		n = find_node(b, SD_DG_ENUM, o->schema, o->name);
		if (!n)
			break;
		if (op->kind == SD_OP_ADD_ENUM_VALUE) {
			r = find_row(n, op->name_new);
			if (r)
				r->state = SD_DG_ADDED;
			mark(&n->state, SD_DG_CHANGED);
		} else if (op->kind == SD_OP_DROP_ENUM_VALUE) {
			if (!find_row(n, op->name_old)) {
				r = insert_row(b, n, n->nrows);
				r->name = op->name_old;
				r->state = SD_DG_DROPPED;
			}
			mark(&n->state, SD_DG_CHANGED);
		} else {
			mark_enum_values(b, n, (const sd_enum *)op->obj_old,
			                 (const sd_enum *)op->obj_new);
		}
		break;
	}
	default:
		/* namespaces, backfills, validations: nothing to draw */
		break;
	}
}

sd_diagram *sd_diagram_of_change(const sd_schema *before,
                                 const sd_schema *after,
                                 const sd_plan *plan)
{
	builder b;
	sd_vec dropped = {NULL, 0, 0};
	size_t i, k;

	builder_init(&b, after->ntables + after->nenums + 16);
	b.d->marked = true;
	add_schema(&b, after, SD_DG_SAME);
	for (i = 0; i < plan->nops; i++)
		apply_op(&b, plan->ops[i], &dropped);
	/* Foreign keys of dropped tables, once every dropped table is in. */
	for (i = 0; i < dropped.n; i++) {
		const sd_table *t = dropped.items[i];
		sd_dg_node *n = table_node(&b, t);
		for (k = 0; n && k < t->nforeign_keys; k++)
			add_fk_edge(&b, n, t, t->foreign_keys[k], SD_DG_DROPPED);
	}
	(void)before;
	/* A node whose rows or edges changed has changed itself. */
	for (i = 0; i < b.edges.n; i++) {
		sd_dg_edge *e = b.edges.items[i];
		if (e->state != SD_DG_SAME && e->kind == SD_DG_EDGE_FK)
			mark(&e->from->state, SD_DG_CHANGED);
	}
	for (i = 0; i < b.nodes.n; i++) {
		sd_dg_node *n = b.nodes.items[i];
		for (k = 0; k < n->nrows; k++)
			if (n->rows[k].state != SD_DG_SAME)
				mark(&n->state, SD_DG_CHANGED);
	}
	return builder_finish(&b);
}

void sd_diagram_free(sd_diagram *d)
{
	if (!d)
		return;
	sd_arena_free(d->arena);
	free(d);
}

/* ------------------------------------------------------------------ */
/* Neighbourhoods                                                      */
/* ------------------------------------------------------------------ */

/* Keeps the nodes with keep[index] set and the edges between them. */
static void keep_only(sd_diagram *d, const bool *keep)
{
	size_t i, n = 0, m = 0;

	for (i = 0; i < d->nedges; i++) {
		sd_dg_edge *e = d->edges[i];
		if (keep[e->from->index] && keep[e->to->index])
			d->edges[m++] = e;
	}
	d->nedges = m;
	for (i = 0; i < d->nnodes; i++) {
		if (keep[i]) {
			d->nodes[n] = d->nodes[i];
			d->nodes[n]->index = n;
			n++;
		}
	}
	d->nnodes = n;
}

void sd_diagram_changed_only(sd_diagram *d)
{
	bool *keep = sd_arena_alloc(d->arena, d->nnodes + 1);
	bool *changed = sd_arena_alloc(d->arena, d->nnodes + 1);
	size_t i;

	for (i = 0; i < d->nnodes; i++)
		changed[i] = keep[i] = d->nodes[i]->state != SD_DG_SAME;
	for (i = 0; i < d->nedges; i++) {
		const sd_dg_edge *e = d->edges[i];
		if (e->state != SD_DG_SAME)
			keep[e->from->index] = keep[e->to->index] = true;
	}
	for (i = 0; i < d->nedges; i++) {
		const sd_dg_edge *e = d->edges[i];
		if (changed[e->from->index])
			keep[e->to->index] = true;
		if (changed[e->to->index])
			keep[e->from->index] = true;
	}
	for (i = 0; i < d->nnodes; i++)
		d->nodes[i]->context = keep[i] && !changed[i];
	keep_only(d, keep);
}

/* The table node named text: "name" (default schema first, then any
 * schema when unique) or "schema.name". */
static sd_dg_node *lookup_table(const sd_diagram *d, const char *text)
{
	sd_dg_node *any = NULL;
	size_t i, found = 0;

	for (i = 0; i < d->nnodes; i++) {
		sd_dg_node *n = d->nodes[i];
		const char *q;
		if (n->kind != SD_DG_TABLE)
			continue;
		if (!n->ns && sd_streq(n->name, text))
			return n;
		q = sd_qualified_name(d->arena, n->ns, n->name);
		if (sd_streq(q, text))
			return n;
		if (sd_streq(n->name, text)) {
			any = n;
			found++;
		}
	}
	return found == 1 ? any : NULL;
}

int sd_diagram_around(sd_diagram *d, const char *around, unsigned depth,
                      sd_error *err)
{
	sd_dg_node *start = lookup_table(d, around);
	bool *keep;
	size_t *queue, *dist, head = 0, tail = 0, i;

	if (!start) {
		const char **names = sd_arena_alloc(d->arena,
		                                    (d->nnodes + 1) * sizeof(char *));
		const char *s;
		size_t n = 0;
		for (i = 0; i < d->nnodes; i++)
			if (d->nodes[i]->kind == SD_DG_TABLE)
				names[n++] = sd_qualified_name(d->arena, d->nodes[i]->ns,
				                               d->nodes[i]->name);
		names[n] = NULL;
		s = sd_suggest(around, names);
		sd_error_set(err, SD_EINPUT, "--around: no table '%s' in the diagram",
		             around);
		if (s)
			sd_error_hint(err, "did you mean '%s'?", s);
		return SD_EINPUT;
	}
	keep = sd_arena_alloc(d->arena, d->nnodes + 1);
	queue = sd_arena_alloc(d->arena, (d->nnodes + 1) * sizeof(size_t));
	dist = sd_arena_alloc(d->arena, (d->nnodes + 1) * sizeof(size_t));
	keep[start->index] = true;
	queue[tail++] = start->index;
	while (head < tail) {
		size_t at = queue[head++];
		if (dist[at] >= depth)
			continue;
		/* every edge per visited node: small diagrams, or a small depth */
		for (i = 0; i < d->nedges; i++) {
			const sd_dg_edge *e = d->edges[i];
			size_t other;
			if (e->from->index == at)
				other = e->to->index;
			else if (e->to->index == at)
				other = e->from->index;
			else
				continue;
			if (keep[other])
				continue;
			keep[other] = true;
			dist[other] = dist[at] + 1;
			queue[tail++] = other;
		}
	}
	keep_only(d, keep);
	return SD_OK;
}
