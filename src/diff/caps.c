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
 * kind ALTER can add later. (Members not named are false.) */
const sd_dialect_caps sd_caps_sqlite = {
	.lang = SD_SQL_SQLITE,
	.transactional_ddl = true, .drop_column = true,
	.unique_as_index = true,   .table_options = true,
	.column_type_equal = sqlite_column_type_equal,
};

/* PostgreSQL truncates identifiers past 63 bytes (NAMEDATALEN - 1). */
const sd_dialect_caps sd_caps_postgres = {
	.lang = SD_SQL_POSTGRES,   .max_identifier = 63,
	.transactional_ddl = true, .alter_column = true,
	.alter_constraints = true, .drop_column = true,
	.enums = true,             .namespaces = true,
	.comments = true,          .named_primary_keys = true,
	.index_storage = true,
};

/* No dialect given: every change in place, no limits. */
const sd_dialect_caps sd_caps_all = {
	.transactional_ddl = true, .alter_column = true,
	.alter_constraints = true, .drop_column = true,
	.enums = true,             .namespaces = true,
	.comments = true,          .named_primary_keys = true,
	.index_storage = true,
};
