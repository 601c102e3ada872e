/*
 * stage.c - a plan cut in two for `generate --staged`: the expand
 * revision, which the running application survives, and the contract
 * revision, which needs the application that writes and reads the new
 * schema to be deployed first.
 *
 * The contract holds what old application code would break on:
 *   - a column becoming NOT NULL (old code may still insert NULL), or a
 *     NOT NULL column losing its default (old code leaves it out); when
 *     the column has a backfill, the contract fills it again first, so the
 *     rows written between the two revisions are covered too;
 *   - dropped columns and tables (old code still reads them), with the
 *     enums and schemas that go away after them.
 * Everything else (new tables, columns added nullable, backfills, indexes,
 * constraints) is the expand revision, in the plan's order. Both halves
 * keep the plan's order, and the downgrade of each is its own operations
 * inverted, so contract-then-expand downgrades undo the whole plan.
 */
#include "diff/plan.h"

#include <string.h>

/* A column becoming NOT NULL, or losing its default, and nothing else:
 * inserts of the old application that leave it out would fail. */
static bool tightens(const sd_op *op)
{
	if (op->kind != SD_OP_ALTER_COLUMN || !op->column_new)
		return false;
	if (op->changes == SD_CHANGE_DEFAULT)
		return !op->column_new->default_value.sql &&
		       !op->column_new->nullable;
	return op->changes == SD_CHANGE_NULLABLE && !op->column_new->nullable;
}

/* The name of the column an op works on, or NULL. */
static const char *column_of(const sd_op *op)
{
	const sd_column *c = op->column_new ? op->column_new : op->column_old;

	return c ? c->base.name : NULL;
}

static bool same_column(const sd_op *a, const sd_op *b)
{
	return a->table && b->table &&
	       sd_streq(a->table->base.schema, b->table->base.schema) &&
	       sd_streq(a->table->base.name, b->table->base.name) &&
	       sd_streq(column_of(a), column_of(b));
}

/* Whether ops[i] belongs to the contract: see the file comment. The
 * NULL-ing of a dropped NOT NULL column and its placeholder (the ops the
 * differ puts before the drop so the downgrade can refill it) go with the
 * drop. */
static bool contract_op(const sd_plan *p, size_t i)
{
	const sd_op *op = p->ops[i];
	size_t j;

	switch (op->kind) {
	case SD_OP_DROP_COLUMN:
	case SD_OP_DROP_TABLE:
	case SD_OP_DROP_ENUM:
	case SD_OP_DROP_NAMESPACE:
		return true;
	case SD_OP_ALTER_COLUMN:
	case SD_OP_NOOP:
		if (tightens(op))
			return true;
		for (j = i + 1; j < p->nops; j++)
			if (p->ops[j]->kind == SD_OP_DROP_COLUMN &&
			    same_column(op, p->ops[j]))
				return op->kind == SD_OP_NOOP ||
				       (op->changes == SD_CHANGE_NULLABLE &&
				        op->column_new->nullable);
		return false;
	default:
		return false;
	}
}

static sd_plan *plan_new(void)
{
	sd_arena *a = sd_arena_new();
	sd_plan *p = sd_arena_alloc(a, sizeof(*p));

	p->arena = a;
	return p;
}

static void plan_push(sd_plan *p, size_t cap, sd_op *op)
{
	if (!p->ops)
		p->ops = sd_arena_alloc(p->arena, (cap + 1) * sizeof(*p->ops));
	p->ops[p->nops++] = op;
	if (op->warning)
		sd_strlist_push(p->arena, &p->warnings, op->warning);
	if (op->hazards & SD_HAZARD_NO_TRANSACTION)
		p->no_transaction = true;
}

int sd_plan_stage(sd_plan **expand, sd_plan **contract, const sd_plan *plan)
{
	sd_plan *e = plan_new(), *c = plan_new();
	size_t i, j, cap = 2 * plan->nops;

	for (i = 0; i < plan->nops; i++) {
		sd_op *op = plan->ops[i];
		if (!contract_op(plan, i)) {
			plan_push(e, cap, op);
			continue;
		}
		/* the backfill that came before a tightening runs again */
		if (tightens(op))
			for (j = i; j-- > 0;)
				if (plan->ops[j]->kind == SD_OP_BACKFILL &&
				    same_column(plan->ops[j], op)) {
					plan_push(c, cap, plan->ops[j]);
					break;
				}
		plan_push(c, cap, op);
	}
	for (i = 0; i < plan->notes.n; i++)
		sd_strlist_push(e->arena, &e->notes, plan->notes.items[i]);
	*expand = e;
	*contract = c;
	return SD_OK;
}
