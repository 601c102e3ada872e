/*
 * plan.c - the plan as data: freeing, inverting and describing operations.
 *
 * The differ (diff.c) builds plans; this file holds what every consumer of a
 * plan needs (the emitters, `check`, `diff`), so it knows nothing about how
 * the operations were chosen.
 */
#include "diff/plan.h"
#include "model/logic.h"

#include <string.h>

void sd_plan_free(sd_plan *p)
{
	if (p)
		sd_arena_free(p->arena);
}

static const char *const op_kind_names[SD_OP__COUNT] = {
	[SD_OP_CREATE_NAMESPACE] = "create_namespace",
	[SD_OP_DROP_NAMESPACE] = "drop_namespace",
	[SD_OP_CREATE_ENUM] = "create_enum",
	[SD_OP_DROP_ENUM] = "drop_enum",
	[SD_OP_ADD_ENUM_VALUE] = "add_enum_value",
	[SD_OP_DROP_ENUM_VALUE] = "drop_enum_value",
	[SD_OP_RECREATE_ENUM] = "recreate_enum",
	[SD_OP_CREATE_TABLE] = "create_table",
	[SD_OP_DROP_TABLE] = "drop_table",
	[SD_OP_RENAME_TABLE] = "rename_table",
	[SD_OP_REBUILD_TABLE] = "rebuild_table",
	[SD_OP_ADD_COLUMN] = "add_column",
	[SD_OP_DROP_COLUMN] = "drop_column",
	[SD_OP_RENAME_COLUMN] = "rename_column",
	[SD_OP_ALTER_COLUMN] = "alter_column",
	[SD_OP_ADD_CONSTRAINT] = "add_constraint",
	[SD_OP_DROP_CONSTRAINT] = "drop_constraint",
	[SD_OP_RENAME_CONSTRAINT] = "rename_constraint",
	[SD_OP_CREATE_INDEX] = "create_index",
	[SD_OP_DROP_INDEX] = "drop_index",
	[SD_OP_RENAME_INDEX] = "rename_index",
	[SD_OP_SET_COMMENT] = "set_comment",
	[SD_OP_BACKFILL] = "backfill",
	[SD_OP_VALIDATE_CONSTRAINT] = "validate_constraint",
	[SD_OP_CREATE_OBJECT] = "create_object",
	[SD_OP_DROP_OBJECT] = "drop_object",
	[SD_OP_ALTER_OBJECT] = "alter_object",
	[SD_OP_ATTACH_PARTITION] = "attach_partition",
	[SD_OP_DETACH_PARTITION] = "detach_partition",
	[SD_OP_INHERIT] = "inherit",
	[SD_OP_NO_INHERIT] = "no_inherit",
	[SD_OP_REPLACE_OBJECT] = "replace_object",
	[SD_OP_RENAME_ENUM_VALUE] = "rename_enum_value",
	[SD_OP_NOOP] = "noop",
};

const char *sd_op_kind_name(sd_op_kind k)
{
	if ((unsigned)k >= SD_OP__COUNT || !op_kind_names[k])
		return "unknown";
	return op_kind_names[k];
}

/*
 * Returns a new op in arena that undoes op. Pointers into the schemas are
 * shared, not copied. The inverse carries no warning: warnings describe the
 * upgrade, and the downgrade's own risks are the upgrade's seen backwards.
 * NOOP with a backfill column -> BACKFILL (see the differ's staged drops).
 * Ops whose table field named the old state (renames, rebuilds, drops before
 * the renames) keep naming the state the inverse runs against.
 */
sd_op *sd_op_invert(sd_arena *arena, const sd_op *op)
{
	/* creates and drops, adds and drops: each the other's inverse;
	 * renames, alters, recreates, comments: the swap is all */
	static const sd_op_kind pairs[][2] = {
		{SD_OP_CREATE_NAMESPACE, SD_OP_DROP_NAMESPACE},
		{SD_OP_CREATE_ENUM, SD_OP_DROP_ENUM},
		{SD_OP_ADD_ENUM_VALUE, SD_OP_DROP_ENUM_VALUE},
		{SD_OP_CREATE_TABLE, SD_OP_DROP_TABLE},
		{SD_OP_ADD_COLUMN, SD_OP_DROP_COLUMN},
		{SD_OP_ADD_CONSTRAINT, SD_OP_DROP_CONSTRAINT},
		{SD_OP_CREATE_INDEX, SD_OP_DROP_INDEX},
		{SD_OP_CREATE_OBJECT, SD_OP_DROP_OBJECT},
		{SD_OP_ATTACH_PARTITION, SD_OP_DETACH_PARTITION},
		{SD_OP_INHERIT, SD_OP_NO_INHERIT},
		{SD_OP_BACKFILL, SD_OP_NOOP},
		{SD_OP_VALIDATE_CONSTRAINT, SD_OP_NOOP},
	};
	size_t i;
	sd_op *inv = sd_arena_alloc(arena, sizeof(*inv));

	*inv = *op;
	inv->warning = NULL;
	inv->hazards = op->hazards & (SD_HAZARD_REBUILD |
	                              SD_HAZARD_NO_TRANSACTION);
	/* Generic swap: every old/new pair changes sides. */
	inv->table_old = op->table_new;
	inv->table_new = op->table_old;
	inv->column_old = op->column_new;
	inv->column_new = op->column_old;
	inv->obj_old = op->obj_new;
	inv->obj_new = op->obj_old;
	inv->name_old = op->name_new;
	inv->name_new = op->name_old;
	inv->inverted = !op->inverted;

	for (i = 0; i < SD_ARRAY_LEN(pairs); i++) {
		if (op->kind == pairs[i][0])
			inv->kind = pairs[i][1];
		else if (op->kind == pairs[i][1] && pairs[i][1] != SD_OP_NOOP)
			inv->kind = pairs[i][0];
	}
	switch (op->kind) {
	case SD_OP_CREATE_TABLE:
	case SD_OP_DROP_TABLE:
		inv->table = inv->kind == SD_OP_DROP_TABLE ? inv->table_old
		                                           : inv->table_new;
		break;
	case SD_OP_RENAME_TABLE:
	case SD_OP_REBUILD_TABLE:
		/* The statement names the table as it is before it runs. */
		inv->table = inv->table_old;
		break;
	case SD_OP_NOOP:
		/* A no-op that carries a column with a backfill is the
		 * upgrade side of a downgrade's BACKFILL (a dropped NOT NULL
		 * column comes back filled). */
		if (inv->column_new && sd_column_x(inv->column_new)->backfill)
			inv->kind = SD_OP_BACKFILL;
		break;
	default:
		break;
	}
	return inv;
}

sd_op **sd_plan_inverse(sd_arena *arena, const sd_plan *plan)
{
	size_t i, n = plan ? plan->nops : 0;
	sd_op **inv = sd_arena_alloc(arena, (n + 1) * sizeof(*inv));

	for (i = 0; i < n; i++)
		inv[i] = sd_op_invert(arena, plan->ops[n - 1 - i]);
	inv[n] = NULL;
	return inv;
}

/* ------------------------------------------------------------------ */
/* Descriptions                                                        */
/* ------------------------------------------------------------------ */

static void put_qualified(sd_buf *out, const char *schema, const char *name)
{
	sd_qualified_put(out, schema, name ? name : "?");
}

static void put_table(sd_buf *out, const sd_table *t)
{
	if (!t) {
		sd_buf_put(out, "?");
		return;
	}
	put_qualified(out, t->base.schema, t->base.name);
}

/* "<word>table[.column]" */
static void put_column(sd_buf *out, const char *word, const sd_table *t,
                       const sd_column *c)
{
	sd_buf_put(out, word);
	put_table(out, t);
	if (c)
		sd_buf_printf(out, ".%s", c->base.name);
}

/* "<word>schema.name<after>" for an enum */
static void put_named(sd_buf *out, const char *word, const sd_object *o,
                      const char *after)
{
	sd_buf_put(out, word);
	put_qualified(out, o->schema, o->name);
	if (after)
		sd_buf_put(out, after);
}

static const char *object_word(const sd_object *o)
{
	if (!o)
		return "constraint";
	switch (o->kind) {
	case SD_OBJ_PRIMARY_KEY:
		return "primary key";
	case SD_OBJ_UNIQUE:
		return "unique";
	case SD_OBJ_FOREIGN_KEY:
		return "foreign key";
	case SD_OBJ_CHECK:
		return "check";
	case SD_OBJ_INDEX:
		return "index";
	case SD_OBJ_ENUM:
		return "enum";
	case SD_OBJ_SEQUENCE:
		return "sequence";
	case SD_OBJ_EXTENSION:
		return "extension";
	case SD_OBJ_COLLATION:
		return "collation";
	case SD_OBJ_DOMAIN:
		return "domain";
	case SD_OBJ_COMPOSITE:
		return "composite type";
	case SD_OBJ_RANGE:
		return "range type";
	case SD_OBJ_STATISTICS:
		return "statistics";
	case SD_OBJ_NAMESPACE:
		return "schema";
	case SD_OBJ_TABLE:
		return "table";
	case SD_OBJ_VIEW:
		return ((const sd_view *)o)->materialized ? "materialized view"
		                                          : "view";
	case SD_OBJ_FUNCTION:
		return ((const sd_function *)o)->procedure ? "procedure"
		                                           : "function";
	case SD_OBJ_TRIGGER:
		return "trigger";
	case SD_OBJ_POLICY:
		return "policy";
	case SD_OBJ_RULE:
		return "rule";
	case SD_OBJ_EVENT_TRIGGER:
		return "event trigger";
	case SD_OBJ_GRANT:
		return sd_grant_is_owner((const sd_grant *)o) ? "owner"
		       : sd_grant_is_default_acl((const sd_grant *)o)
		               ? "default privilege"
		               : "grant";
	default:
		return "constraint";
	}
}

/* A schema-level object that is not a table or an enum. */
static bool is_db_object(sd_obj_kind k)
{
	switch (k) {
	case SD_OBJ_NAMESPACE:
	case SD_OBJ_SEQUENCE:
	case SD_OBJ_EXTENSION:
	case SD_OBJ_COLLATION:
	case SD_OBJ_DOMAIN:
	case SD_OBJ_COMPOSITE:
	case SD_OBJ_RANGE:
		return true;
	default:
		return false;
	}
}

/* What an ALTER_OBJECT changes: ": version 1.7 -> 1.8, owned by". */
static void put_object_changes(sd_buf *out, const sd_op *op)
{
	static const struct {
		unsigned bit;
		const char *word;
	} words[] = {
		{SD_CHANGE_REPLACE, "replaced"},
		{SD_CHANGE_OPTIONS, "options"},
		{SD_CHANGE_PERSISTENCE, "logged/unlogged"},
		{SD_CHANGE_REPLICA, "replica identity"},
		{SD_CHANGE_CLUSTER, "cluster on"},
		{SD_CHANGE_STORAGE, "column settings"},
		{SD_CHANGE_DEFAULT, "default"},
		{SD_CHANGE_NULLABLE, "not null"},
		{SD_CHANGE_CHECKS, "checks"},
		{SD_CHANGE_ATTRIBUTES, "attributes"},
	};
	const char *sep = ": ";
	size_t i;

	if (op->changes & SD_CHANGE_VERSION) {
		const sd_extension *a = (const sd_extension *)op->obj_old;
		const sd_extension *b = (const sd_extension *)op->obj_new;
		sd_buf_printf(out, "%sversion %s -> %s", sep,
		              a && a->version ? a->version : "default",
		              b && b->version ? b->version : "default");
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_SCHEMA) {
		sd_buf_printf(out, "%sschema %s -> %s", sep,
		              op->obj_old && op->obj_old->schema
		                  ? op->obj_old->schema
		                  : sd_namespace_default(),
		              op->obj_new && op->obj_new->schema
		                  ? op->obj_new->schema
		                  : sd_namespace_default());
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_OWNER) {
		const sd_sequence *a = (const sd_sequence *)op->obj_old;
		const sd_sequence *b = (const sd_sequence *)op->obj_new;
		sd_buf_printf(out, "%sowned by ", sep);
		if (a && a->owned_by_table)
			sd_buf_printf(out, "%s.%s", a->owned_by_table,
			              a->owned_by_column);
		else
			sd_buf_put(out, "none");
		sd_buf_put(out, " -> ");
		if (b && b->owned_by_table)
			sd_buf_printf(out, "%s.%s", b->owned_by_table,
			              b->owned_by_column);
		else
			sd_buf_put(out, "none");
		sep = ", ";
	}
	for (i = 0; i < SD_ARRAY_LEN(words); i++) {
		if (!(op->changes & words[i].bit))
			continue;
		sd_buf_printf(out, "%s%s", sep, words[i].word);
		sep = ", ";
	}
}

/*
 * "sequence billing.invoice_no", "view billing.active", "function add(integer, integer)", "trigger trg
 * on users", "grant SELECT on table users to reader".
 */
static void put_kind_named(sd_buf *out, const sd_object *o)
{
	sd_buf_printf(out, "%s ", object_word(o));
	if (!o)
		return;
	if (o->kind == SD_OBJ_GRANT &&
	    sd_grant_is_owner((const sd_grant *)o)) {
		const sd_grant *g = (const sd_grant *)o;
		sd_buf_printf(out, "%s of %s ", g->grantee, g->on);
		put_qualified(out, o->schema, o->name);
		return;
	}
	if (o->kind == SD_OBJ_GRANT &&
	    sd_grant_is_default_acl((const sd_grant *)o)) {
		const sd_grant *g = (const sd_grant *)o;
		sd_buf_printf(out, "%s%s on %s", g->privilege,
		              g->grant_option ? " (with grant option)" : "",
		              g->on + 8);
		if (o->schema)
			sd_buf_printf(out, " in schema %s", o->schema);
		if (*o->name)
			sd_buf_printf(out, " for role %s", o->name);
		sd_buf_printf(out, " %s %s", g->revoked ? "revoked from" : "to",
		              g->grantee);
		return;
	}
	if (o->kind == SD_OBJ_GRANT) {
		const sd_grant *g = (const sd_grant *)o;
		sd_buf_printf(out, "%s%s on %s ", g->privilege,
		              g->grant_option ? " (with grant option)" : "",
		              g->on);
		put_qualified(out, o->schema, o->name);
		if (g->column)
			sd_buf_printf(out, ".%s", g->column);
		sd_buf_printf(out, " to %s", g->grantee);
		return;
	}
	if (sd_logic_table(o)) {
		sd_buf_printf(out, "%s on ", o->name);
		put_qualified(out, o->schema, sd_logic_table(o));
		return;
	}
	if (o->kind == SD_OBJ_FUNCTION) {
		sd_arena *a = sd_arena_new();
		put_qualified(out, o->schema,
		              sd_function_key(a, (const sd_function *)o));
		sd_arena_free(a);
		return;
	}
	put_qualified(out, o->schema, o->name);
}

/* "pk_users", or "primary key of users" style fallback for unnamed ones. */
static void put_object(sd_buf *out, const sd_op *op, const sd_object *o)
{
	sd_buf_printf(out, "%s ", object_word(o));
	if (o && o->name) {
		sd_buf_put(out, o->name);
	} else {
		sd_buf_put(out, "on ");
		put_table(out, op->table);
	}
}

static void put_values(sd_buf *out, const sd_object *o)
{
	const sd_enum *e = (const sd_enum *)o;
	size_t i;

	sd_buf_putc(out, '(');
	for (i = 0; e && i < e->values.n; i++)
		sd_buf_printf(out, "%s%s", i ? ", " : "", e->values.items[i]);
	sd_buf_putc(out, ')');
}

static const char *identity_word(const sd_column *c)
{
	if (c->identity == SD_IDENTITY_ALWAYS)
		return "always";
	if (c->identity == SD_IDENTITY_BY_DEFAULT)
		return "by default";
	return c->autoincrement ? "autoincrement" : "none";
}

static void put_type(sd_buf *out, const sd_column *c)
{
	if (c->type.kind == SD_T_RAW && !c->type.name && c->type_sql)
		sd_buf_put(out, c->type_sql);
	else
		sd_type_format(out, &c->type);
}

static void put_alter(sd_buf *out, const sd_op *op)
{
	const sd_column *a = op->column_old, *b = op->column_new;
	const char *sep = ": ";

	if (!a || !b)
		return;
	if (op->changes & SD_CHANGE_TYPE) {
		sd_buf_printf(out, "%stype ", sep);
		put_type(out, a);
		sd_buf_put(out, " -> ");
		put_type(out, b);
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_NULLABLE) {
		sd_buf_printf(out, "%s%s -> %s", sep,
		              a->nullable ? "null" : "not null",
		              b->nullable ? "null" : "not null");
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_DEFAULT) {
		sd_buf_printf(out, "%sdefault %s -> %s", sep,
		              a->default_value.sql ? a->default_value.sql
		                                   : "none",
		              b->default_value.sql ? b->default_value.sql
		                                   : "none");
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_IDENTITY) {
		sd_buf_printf(out, "%sidentity %s -> %s", sep,
		              identity_word(a), identity_word(b));
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_COLLATION) {
		sd_buf_printf(out, "%scollation %s -> %s", sep,
		              sd_column_x(a)->collation ? sd_column_x(a)->collation : "default",
		              sd_column_x(b)->collation ? sd_column_x(b)->collation : "default");
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_GENERATED) {
		sd_buf_printf(out, "%sgenerated %s -> %s", sep,
		              sd_column_x(a)->generated.sql ? sd_column_x(a)->generated.sql : "none",
		              sd_column_x(b)->generated.sql ? sd_column_x(b)->generated.sql : "none");
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_OPTIONS) {
		sd_buf_printf(out, "%sidentity options", sep);
		sep = ", ";
	}
	if ((op->changes & SD_CHANGE_STORAGE) && sd_column_x(a)->storage != sd_column_x(b)->storage) {
		sd_buf_printf(out, "%sstorage %s -> %s", sep,
		              sd_column_x(a)->storage ? sd_storage_word(sd_column_x(a)->storage) : "default",
		              sd_column_x(b)->storage ? sd_storage_word(sd_column_x(b)->storage)
		                         : "default");
		sep = ", ";
	}
	if ((op->changes & SD_CHANGE_STORAGE) &&
	    !sd_streq(sd_column_x(a)->compression, sd_column_x(b)->compression)) {
		sd_buf_printf(out, "%scompression %s -> %s", sep,
		              sd_column_x(a)->compression ? sd_column_x(a)->compression : "default",
		              sd_column_x(b)->compression ? sd_column_x(b)->compression : "default");
		sep = ", ";
	}
	if ((op->changes & SD_CHANGE_STORAGE) &&
	    (sd_column_x(a)->statistics_set != sd_column_x(b)->statistics_set ||
	     sd_column_x(a)->statistics != sd_column_x(b)->statistics)) {
		sd_buf_printf(out, "%sstatistics ", sep);
		if (sd_column_x(a)->statistics_set)
			sd_buf_printf(out, "%d", sd_column_x(a)->statistics);
		sd_buf_put(out, sd_column_x(a)->statistics_set ? " -> " : "default -> ");
		if (sd_column_x(b)->statistics_set)
			sd_buf_printf(out, "%d", sd_column_x(b)->statistics);
		else
			sd_buf_put(out, "default");
		sep = ", ";
	}
	if ((op->changes & SD_CHANGE_STORAGE) &&
	    !sd_options_same(&sd_column_x(a)->options, &sd_column_x(b)->options)) {
		sd_buf_printf(out, "%soptions", sep);
		sep = ", ";
	}
	if (op->changes & SD_CHANGE_COMMENT)
		sd_buf_printf(out, "%scomment", sep);
}

/*
 * Appends one line (no newline) that says what op does, its marker first:
 *     "+ column users.email"
 *     "~ column users.name: type string(50) -> string(80)"
 * *marker (when marker is not NULL) receives the same '+', '-' or '~'.
 */
void sd_op_describe(sd_buf *out, const sd_op *op, char *marker)
{
	char m = '~';

	switch (op->kind) {
	case SD_OP_CREATE_NAMESPACE:
	case SD_OP_CREATE_ENUM:
	case SD_OP_ADD_ENUM_VALUE:
	case SD_OP_CREATE_TABLE:
	case SD_OP_ADD_COLUMN:
	case SD_OP_ADD_CONSTRAINT:
	case SD_OP_CREATE_INDEX:
	case SD_OP_CREATE_OBJECT:
	case SD_OP_ATTACH_PARTITION:
	case SD_OP_INHERIT:
		m = '+';
		break;
	case SD_OP_DROP_NAMESPACE:
	case SD_OP_DROP_ENUM:
	case SD_OP_DROP_ENUM_VALUE:
	case SD_OP_DROP_TABLE:
	case SD_OP_DROP_COLUMN:
	case SD_OP_DROP_CONSTRAINT:
	case SD_OP_DROP_INDEX:
	case SD_OP_DROP_OBJECT:
	case SD_OP_DETACH_PARTITION:
	case SD_OP_NO_INHERIT:
		m = '-';
		break;
	default:
		break;
	}
	if (marker)
		*marker = m;
	sd_buf_printf(out, "%c ", m);

	switch (op->kind) {
	case SD_OP_CREATE_NAMESPACE:
	case SD_OP_DROP_NAMESPACE:
		sd_buf_printf(out, "schema %s",
		              op->kind == SD_OP_CREATE_NAMESPACE ? op->name_new
		                                                 : op->name_old);
		break;
	case SD_OP_CREATE_ENUM:
		put_named(out, "enum ", op->obj_new, " ");
		put_values(out, op->obj_new);
		break;
	case SD_OP_DROP_ENUM: put_named(out, "enum ", op->obj_old, NULL); break;
	case SD_OP_ADD_ENUM_VALUE:
		put_named(out, "enum value ", op->obj_new, ".");
		sd_buf_put(out, op->name_new);
		if (op->value_anchor)
			sd_buf_printf(out, " %s %s",
			              op->anchor_before ? "before" : "after",
			              op->value_anchor);
		break;
	case SD_OP_DROP_ENUM_VALUE:
		put_named(out, "enum value ", op->obj_old, ".");
		sd_buf_put(out, op->name_old);
		break;
	case SD_OP_RENAME_ENUM_VALUE:
		put_named(out, "enum value ", op->obj_new, ".");
		sd_buf_printf(out, "%s -> %s", op->name_old, op->name_new);
		break;
	case SD_OP_RECREATE_ENUM:
		put_named(out, "enum ", op->obj_new, ": ");
		put_values(out, op->obj_old);
		sd_buf_put(out, " -> ");
		put_values(out, op->obj_new);
		break;
	case SD_OP_CREATE_TABLE:
	case SD_OP_DROP_TABLE:
		put_column(out, "table ", op->table_new ? op->table_new
		                                         : op->table_old, NULL);
		break;
	case SD_OP_RENAME_TABLE:
		sd_buf_put(out, "rename table ");
		put_table(out, op->table_old);
		sd_buf_put(out, " -> ");
		put_table(out, op->table_new);
		break;
	case SD_OP_REBUILD_TABLE:
		sd_buf_put(out, "rebuild ");
		put_table(out, op->table_new);
		if (op->table_old && op->table_new &&
		    (!sd_streq(op->table_old->base.name,
		               op->table_new->base.name) ||
		     !sd_streq(op->table_old->base.schema,
		               op->table_new->base.schema))) {
			sd_buf_put(out, " (from ");
			put_table(out, op->table_old);
			sd_buf_putc(out, ')');
		}
		break;
	case SD_OP_ADD_COLUMN:
	case SD_OP_DROP_COLUMN:
		put_column(out, "column ", op->table,
		           op->column_new ? op->column_new : op->column_old);
		break;
	case SD_OP_RENAME_COLUMN:
		put_column(out, "rename column ", op->table, op->column_old);
		sd_buf_printf(out, " -> %s", op->column_new->base.name);
		break;
	case SD_OP_ALTER_COLUMN:
		put_column(out, "column ", op->table, op->column_new);
		put_alter(out, op);
		break;
	case SD_OP_ADD_CONSTRAINT:
	case SD_OP_CREATE_INDEX:
		put_object(out, op, op->obj_new);
		break;
	case SD_OP_DROP_CONSTRAINT:
	case SD_OP_DROP_INDEX:
		put_object(out, op, op->obj_old);
		break;
	case SD_OP_RENAME_CONSTRAINT:
	case SD_OP_RENAME_INDEX:
		sd_buf_put(out, "rename ");
		put_object(out, op, op->obj_old);
		sd_buf_printf(out, " -> %s",
		              op->obj_new && op->obj_new->name
		                  ? op->obj_new->name
		                  : "(unnamed)");
		break;
	case SD_OP_CREATE_OBJECT:
		put_kind_named(out, op->obj_new);
		break;
	case SD_OP_DROP_OBJECT:
		put_kind_named(out, op->obj_old);
		break;
	case SD_OP_ALTER_OBJECT:
		put_kind_named(out, op->obj_new ? op->obj_new : op->obj_old);
		put_object_changes(out, op);
		break;
	case SD_OP_REPLACE_OBJECT:
		if (op->obj_new && op->obj_new->kind == SD_OBJ_TABLE) {
			const sd_table *o = (const sd_table *)op->obj_old;
			const sd_table *n = (const sd_table *)op->obj_new;
			sd_buf_put(out, "row level security on ");
			put_table(out, n);
			sd_buf_printf(out, ": %s -> %s",
			              !o->row_security        ? "off"
			              : o->force_row_security ? "forced"
			                                      : "enabled",
			              !n->row_security        ? "off"
			              : n->force_row_security ? "forced"
			                                      : "enabled");
			break;
		}
		put_kind_named(out, op->obj_new);
		if (op->obj_new && op->obj_new->kind == SD_OBJ_EVENT_TRIGGER)
			sd_buf_printf(
				out, ": %s -> %s",
				sd_event_trigger_enabled_word(
					((const sd_event_trigger *)op->obj_old)
						->enabled),
				sd_event_trigger_enabled_word(
					((const sd_event_trigger *)op->obj_new)
						->enabled));
		break;
	case SD_OP_ATTACH_PARTITION:
	case SD_OP_DETACH_PARTITION: {
		const sd_object *p = op->obj_new ? op->obj_new : op->obj_old;
		put_column(out, "partition ", op->table, NULL);
		sd_buf_put(out, " of ");
		put_qualified(out, p ? p->schema : NULL, p ? p->name : NULL);
		if (op->kind == SD_OP_ATTACH_PARTITION && op->table &&
		    op->table->partition_bound.sql)
			sd_buf_printf(out, " %s", op->table->partition_bound.sql);
		break;
	}
	case SD_OP_INHERIT:
	case SD_OP_NO_INHERIT: {
		const sd_object *p = op->obj_new ? op->obj_new : op->obj_old;
		put_table(out, op->table);
		sd_buf_put(out, p && p->kind == SD_OBJ_COMPOSITE ? " of type "
		                                                  : " inherits ");
		put_qualified(out, p ? p->schema : NULL, p ? p->name : NULL);
		break;
	}
	case SD_OP_SET_COMMENT:
		sd_buf_put(out, "comment on ");
		if (op->obj_new && (is_db_object(op->obj_new->kind) ||
		                    op->obj_new->kind == SD_OBJ_VIEW ||
		                    op->obj_new->kind == SD_OBJ_FUNCTION ||
		                    sd_logic_table(op->obj_new))) {
			put_kind_named(out, op->obj_new);
		} else if (op->obj_new) {
			if (op->obj_new->kind == SD_OBJ_ENUM) {
				sd_buf_put(out, "enum ");
				put_qualified(out, op->obj_new->schema,
				              op->obj_new->name);
			} else {
				put_object(out, op, op->obj_new);
			}
		} else {
			put_column(out, op->column_new ? "column " : "table ",
			           op->table, op->column_new);
		}
		break;
	case SD_OP_BACKFILL:
		put_column(out, "backfill ", op->table, op->column_new);
		sd_buf_printf(out, " = %s", sd_column_x(op->column_new)->backfill);
		break;
	case SD_OP_VALIDATE_CONSTRAINT:
		sd_buf_put(out, "validate ");
		put_object(out, op, op->obj_new ? op->obj_new : op->obj_old);
		break;
	case SD_OP_NOOP:
	default:
		if (op->column_old && sd_column_x(op->column_old)->backfill) {
			sd_buf_put(out, "column ");
			put_table(out, op->table);
			sd_buf_printf(out, ".%s: no-op (its inverse fills with %s)",
			              op->column_old->base.name,
			              sd_column_x(op->column_old)->backfill);
			break;
		}
		sd_buf_put(out, "nothing");
		break;
	}
}
