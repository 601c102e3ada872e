/*
 * caps.c - what each dialect can do in place, as the differ needs to know
 * it (sd_dialect_caps in plan.h).
 */
#include "diff/plan.h"

/*
 * Same type by meaning on SQLite: an enum is TEXT, and the rowid alias
 * (INTEGER PRIMARY KEY) stands for any autoincrementing integer key,
 * whatever width the models declare.
 */
static bool sqlite_column_type_equal(const sd_column *a, const sd_column *b)
{
	sd_type_kind ka = a->type.kind, kb = b->type.kind;

	if ((ka == SD_T_ENUM || ka == SD_T_TEXT) &&
	    (kb == SD_T_ENUM || kb == SD_T_TEXT))
		return true; /* all of them are TEXT here */
	if ((a->autoincrement || b->autoincrement) && sd_type_is_integer(ka) &&
	    sd_type_is_integer(kb))
		return true;
	return sd_type_equal(&a->type, &b->type);
}

/* SQLite's ALTER TABLE renames, adds plain columns and drops them; the
 * rest is a rebuild. Unique constraints are unique indexes there: the only
 * kind ALTER can add later. */
const sd_dialect_caps sd_caps_sqlite = {
	.lang = SD_SQL_SQLITE,
	.transactional_ddl = true,
	.alter_column = false,
	.alter_constraints = false,
	.drop_column = true,
	.enums = false,
	.namespaces = false,
	.comments = false,
	.named_primary_keys = false,
	.unique_as_index = true,
	.max_identifier = 0,
	.table_options = true,
	.column_type_equal = sqlite_column_type_equal,
};

/* PostgreSQL truncates identifiers past 63 bytes (NAMEDATALEN - 1). */
const sd_dialect_caps sd_caps_postgres = {
	.lang = SD_SQL_POSTGRES,
	.transactional_ddl = true,
	.alter_column = true,
	.alter_constraints = true,
	.drop_column = true,
	.enums = true,
	.namespaces = true,
	.comments = true,
	.named_primary_keys = true,
	.unique_as_index = false,
	.max_identifier = 63,
	.column_type_equal = NULL,
};
