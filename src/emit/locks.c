/*
 * locks.c - the lock each operation takes, per dialect (dialect.h
 * op_lock), for the review page's operations table.
 *
 * PostgreSQL: the lock level the statement takes on the table it names,
 * from the ALTER TABLE and CREATE INDEX reference pages; a constraint that
 * is validated, an index that is built, a type change that rewrites and a
 * backfill hold it for as long as the table's rows take. SQLite: every
 * statement takes the database's write lock, held to the end of the
 * revision's transaction.
 */
#include "emit/dialect.h"

static void set(sd_op_lock *out, const char *lock, const char *blocks,
                bool long_held)
{
	out->lock = lock;
	out->blocks = blocks;
	out->long_held = long_held;
}

/*
 * PostgreSQL's lock per operation kind. A kind left out takes ACCESS
 * EXCLUSIVE for a catalog change (drops and renames of tables, columns and
 * constraints, added columns); sd_pg_op_lock refines the kinds whose lock
 * depends on the operation.
 */
static const sd_op_lock pg_locks[SD_OP__COUNT] = {
	[SD_OP_CREATE_NAMESPACE] = {"none on tables", "nothing", false},
	[SD_OP_DROP_NAMESPACE] = {"none on tables", "nothing", false},
	[SD_OP_CREATE_ENUM] = {"none on tables", "nothing", false},
	[SD_OP_DROP_ENUM] = {"none on tables", "nothing", false},
	[SD_OP_ADD_ENUM_VALUE] = {"EXCLUSIVE on the type", "nothing on tables",
	                          false},
	[SD_OP_DROP_ENUM_VALUE] = {"ACCESS EXCLUSIVE on every table using the "
	                           "type", "reads and writes", true},
	[SD_OP_RECREATE_ENUM] = {"ACCESS EXCLUSIVE on every table using the "
	                         "type", "reads and writes", true},
	[SD_OP_CREATE_TABLE] = {"SHARE ROW EXCLUSIVE on referenced tables",
	                        "writes to referenced tables", false},
	[SD_OP_CREATE_INDEX] = {"SHARE", "writes", true},
	[SD_OP_RENAME_INDEX] = {"SHARE UPDATE EXCLUSIVE", "schema changes only",
	                        false},
	[SD_OP_SET_COMMENT] = {"SHARE UPDATE EXCLUSIVE", "schema changes only",
	                       false},
	[SD_OP_VALIDATE_CONSTRAINT] = {"SHARE UPDATE EXCLUSIVE",
	                               "schema changes only", true},
	[SD_OP_BACKFILL] = {"ROW EXCLUSIVE and every NULL row",
	                    "writes to those rows", true},
	[SD_OP_REBUILD_TABLE] = {"ACCESS EXCLUSIVE", "reads and writes", true},
	[SD_OP_RENAME_ENUM_VALUE] = {"EXCLUSIVE on the type", "nothing on tables",
	                             false},
	[SD_OP_NOOP] = {"none", "nothing", false},
};

/*
 * A table's settings: SET LOGGED / UNLOGGED rewrites it under ACCESS
 * EXCLUSIVE, REPLICA IDENTITY takes ACCESS EXCLUSIVE for a catalog
 * update; CLUSTER ON and the storage parameters (but user_catalog_table)
 * take SHARE UPDATE EXCLUSIVE.
 */
static void table_settings_lock(sd_op_lock *out, const sd_op *op)
{
	const sd_table *n = (const sd_table *)op->obj_new;
	const sd_table *o = (const sd_table *)op->obj_old;
	bool exclusive = op->changes & (SD_CHANGE_PERSISTENCE |
	                                SD_CHANGE_REPLICA);
	size_t i;

	for (i = 0; (op->changes & SD_CHANGE_OPTIONS) && i < n->with.n; i++)
		exclusive |= sd_startswith(n->with.items[i],
		                           "user_catalog_table=");
	for (i = 0; o && (op->changes & SD_CHANGE_OPTIONS) && i < o->with.n;
	     i++)
		exclusive |= sd_startswith(o->with.items[i],
		                           "user_catalog_table=");
	if (exclusive)
		set(out, "ACCESS EXCLUSIVE", "reads and writes",
		    (op->changes & SD_CHANGE_PERSISTENCE) != 0);
	else
		set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only", false);
}

void sd_pg_op_lock(sd_op_lock *out, const sd_op *op)
{
	const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
	bool index_op = op->kind == SD_OP_CREATE_INDEX ||
	                op->kind == SD_OP_DROP_INDEX;

	if (pg_locks[op->kind].lock)
		*out = pg_locks[op->kind];
	else
		set(out, "ACCESS EXCLUSIVE", "reads and writes", false);
	if (op->kind == SD_OP_ALTER_COLUMN && op->changes == SD_CHANGE_STORAGE &&
	    op->column_old && op->column_new &&
	    sd_column_x(op->column_old)->storage == sd_column_x(op->column_new)->storage &&
	    sd_streq(sd_column_x(op->column_old)->compression,
	             sd_column_x(op->column_new)->compression)) {
		/* SET STATISTICS or attribute options (n_distinct) alone */
		set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only", false);
	} else if (op->kind == SD_OP_ALTER_COLUMN) {
		/* a type change rewrites the rows, SET NOT NULL scans them */
		out->long_held =
		    (op->changes & (SD_CHANGE_TYPE | SD_CHANGE_GENERATED)) ||
		    ((op->changes & SD_CHANGE_NULLABLE) && op->column_new &&
		     !op->column_new->nullable);
	} else if (op->kind == SD_OP_ADD_CONSTRAINT && o &&
	           o->kind == SD_OBJ_FOREIGN_KEY) {
		set(out, "SHARE ROW EXCLUSIVE on both tables", "writes",
		    !((const sd_foreign_key *)o)->not_valid);
	} else if (op->kind == SD_OP_ADD_CONSTRAINT) {
		/* validated as it is added, unless a NOT VALID check */
		out->long_held = !(o && o->kind == SD_OBJ_CHECK &&
		                   ((const sd_check *)o)->not_valid);
	} else if (o && o->kind == SD_OBJ_EVENT_TRIGGER) {
		/* CREATE, ALTER and DROP EVENT TRIGGER: the database's */
		set(out, "none on tables", "nothing on tables", false);
	} else if (o && o->kind == SD_OBJ_STATISTICS) {
		/* CREATE, ALTER and DROP STATISTICS */
		set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only", false);
	} else if (op->kind == SD_OP_ALTER_OBJECT && o &&
	           o->kind == SD_OBJ_DOMAIN &&
	           (op->changes & SD_CHANGE_REPLACE)) {
		/* a new base type or collation: the domain is recreated and
		 * every column of it converted, each table rewritten */
		set(out, "ACCESS EXCLUSIVE on every table using the domain, "
		    "rewriting it", "reads and writes", true);
	} else if (op->kind == SD_OP_ALTER_OBJECT && o &&
	           o->kind == SD_OBJ_TABLE) {
		table_settings_lock(out, op);
	} else if (index_op && op->concurrently) {
		set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only",
		    op->kind == SD_OP_CREATE_INDEX);
	}
}

void sd_sqlite_op_lock(sd_op_lock *out, const sd_op *op)
{
	bool long_held;

	switch (op->kind) {
	case SD_OP_REBUILD_TABLE:
	case SD_OP_CREATE_INDEX:
	case SD_OP_BACKFILL:
	case SD_OP_ADD_CONSTRAINT:
		long_held = true;
		break;
	case SD_OP_ALTER_COLUMN:
		long_held = true; /* SQLite alters a column by a rebuild */
		break;
	default:
		long_held = false;
		break;
	}
	if (op->kind == SD_OP_NOOP)
		set(out, "none", "nothing", false);
	else
		set(out, "database write lock, to the end of the revision",
		    "other writers", long_held);
}
