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

void sd_pg_op_lock(sd_op_lock *out, const sd_op *op)
{
	const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;

	switch (op->kind) {
	case SD_OP_CREATE_NAMESPACE:
	case SD_OP_DROP_NAMESPACE:
	case SD_OP_CREATE_ENUM:
	case SD_OP_DROP_ENUM:
		set(out, "none on tables", "nothing", false);
		break;
	case SD_OP_ADD_ENUM_VALUE:
		set(out, "EXCLUSIVE on the type", "nothing on tables", false);
		break;
	case SD_OP_DROP_ENUM_VALUE:
	case SD_OP_RECREATE_ENUM:
		set(out, "ACCESS EXCLUSIVE on every table using the type",
		    "reads and writes", true);
		break;
	case SD_OP_CREATE_TABLE:
		set(out, "SHARE ROW EXCLUSIVE on referenced tables",
		    "writes to referenced tables", false);
		break;
	case SD_OP_ALTER_COLUMN:
		set(out, "ACCESS EXCLUSIVE", "reads and writes",
		    (op->changes & (SD_CHANGE_TYPE | SD_CHANGE_GENERATED)) ||
		        ((op->changes & SD_CHANGE_NULLABLE) && op->column_new &&
		         !op->column_new->nullable));
		break;
	case SD_OP_ADD_CONSTRAINT:
		if (o && o->kind == SD_OBJ_FOREIGN_KEY)
			set(out, "SHARE ROW EXCLUSIVE on both tables", "writes",
			    !((const sd_foreign_key *)o)->not_valid);
		else
			set(out, "ACCESS EXCLUSIVE", "reads and writes",
			    !(o && o->kind == SD_OBJ_CHECK &&
			      ((const sd_check *)o)->not_valid));
		break;
	case SD_OP_CREATE_INDEX:
		if (op->concurrently)
			set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only", true);
		else
			set(out, "SHARE", "writes", true);
		break;
	case SD_OP_DROP_INDEX:
		if (op->concurrently)
			set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only", false);
		else
			set(out, "ACCESS EXCLUSIVE", "reads and writes", false);
		break;
	case SD_OP_RENAME_INDEX:
	case SD_OP_SET_COMMENT:
		set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only", false);
		break;
	case SD_OP_VALIDATE_CONSTRAINT:
		set(out, "SHARE UPDATE EXCLUSIVE", "schema changes only", true);
		break;
	case SD_OP_BACKFILL:
		set(out, "ROW EXCLUSIVE and every NULL row", "writes to those rows",
		    true);
		break;
	case SD_OP_NOOP:
		set(out, "none", "nothing", false);
		break;
	default:
		/* drops and renames of tables, columns and constraints, added
		 * columns: a catalog change under the strongest lock */
		set(out, "ACCESS EXCLUSIVE", "reads and writes", false);
		break;
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
