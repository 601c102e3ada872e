/*
 * caps.c - what each dialect can do in place, as the differ needs to know
 * it (sd_dialect_caps in plan.h).
 */
#include "diff/plan.h"
#include "introspect/sqlite.h"

/* The kinds SQLite stores as one: a date and time as TEXT or a number
 * with no time zone (DATETIME, TIMESTAMP, TIMESTAMPTZ; SQLAlchemy also
 * declares its Interval DATETIME there), and text (an enum is TEXT;
 * SQLAlchemy declares its Enum VARCHAR(n), whose length SQLite never
 * checks). 0: a kind of its own. */
static int sqlite_storage_class(sd_type_kind k)
{
	switch (k) {
	case SD_T_TIMESTAMP:
	case SD_T_TIMESTAMPTZ:
	case SD_T_INTERVAL:
		return 1;
	case SD_T_ENUM:
	case SD_T_TEXT:
		return 2;
	default:
		return 0;
	}
}

/*
 * Same type by meaning on SQLite: kinds it cannot tell apart
 * (sqlite_storage_class), an enum against a declared string of any
 * length, and the rowid alias (INTEGER PRIMARY KEY) for any
 * autoincrementing integer key, whatever width the models declare.
 */
static bool sqlite_column_type_equal(const sd_column *a, const sd_column *b)
{
	sd_column ra, rb;
	sd_type_kind ka, kb;
	int ca;

	/* a type the models take verbatim (nvarchar(40), datetime) is
	 * what SQLite reads from that declaration */
	if (a->type.kind == SD_T_RAW && b->type.kind != SD_T_RAW &&
	    a->type.name) {
		ra = *a;
		sd_sqlite_type_from_decl(NULL, a->type.name, &ra.type);
		a = &ra;
	}
	if (b->type.kind == SD_T_RAW && a->type.kind != SD_T_RAW &&
	    b->type.name) {
		rb = *b;
		sd_sqlite_type_from_decl(NULL, b->type.name, &rb.type);
		b = &rb;
	}
	ka = a->type.kind;
	kb = b->type.kind;
	ca = sqlite_storage_class(ka);

	if (ca && ca == sqlite_storage_class(kb))
		return true;
	if ((ka == SD_T_ENUM && kb == SD_T_STRING) ||
	    (kb == SD_T_ENUM && ka == SD_T_STRING))
		return true;
	if ((a->autoincrement || b->autoincrement) && sd_type_is_integer(ka) &&
	    sd_type_is_integer(kb))
		return true;
	return sd_type_equal(&a->type, &b->type);
}

/* SQLite's ALTER TABLE renames, adds plain columns and drops them; the
 * rest is a rebuild. Unique constraints are unique indexes there: the only
 * kind ALTER can add later. Views and triggers have no OR REPLACE: a
 * change is a drop and a create. (Members not named are false.) */
const sd_dialect_caps sd_caps_sqlite = {
	.lang = SD_SQL_SQLITE,
	.transactional_ddl = true, .drop_column = true,
	.unique_as_index = true,   .table_options = true,
	.row_triggers_only = true, .unnamed_constraints = true,
	.column_type_equal = sqlite_column_type_equal,
};

/*
 * PostgreSQL changes a column's type without touching the rows only when
 * the old values are valid, bit for bit, in the new type: a string type
 * made longer or unlimited (varchar(50) -> varchar(80) or text), text to
 * an unlimited varchar, a numeric given more precision at the same scale.
 * Anything else (integer -> bigint, varchar -> char, json -> jsonb, a
 * shorter length, which must be checked) rewrites the table and rebuilds
 * its indexes under ACCESS EXCLUSIVE. Adding a column rewrites the table
 * when every row needs its own value: a volatile default (evaluated per
 * row), an identity or serial (numbered per row), a stored generated
 * column; a default PostgreSQL can evaluate once is kept in the catalog.
 */
static bool pg_column_rewrites(const sd_column *from, const sd_column *to)
{
	const sd_type *o, *n;

	if (!from)
		return sd_column_x(to)->generated.sql || to->identity != SD_IDENTITY_NONE ||
		       to->autoincrement ||
		       sd_sql_calls_volatile(to->default_value.sql,
		                             SD_SQL_POSTGRES);
	if (sd_column_x(to)->generated.sql && !sd_streq(sd_column_x(from)->generated.sql, sd_column_x(to)->generated.sql))
		return true;
	o = &from->type;
	n = &to->type;
	if (sd_type_equal(o, n))
		return false;
	if ((o->kind == SD_T_STRING || o->kind == SD_T_TEXT) &&
	    (n->kind == SD_T_TEXT || (n->kind == SD_T_STRING && n->length < 0)))
		return false;
	if (o->kind == SD_T_STRING && n->kind == SD_T_STRING)
		return o->length < 0 || n->length < o->length;
	if (o->kind == SD_T_NUMERIC && n->kind == SD_T_NUMERIC)
		return !(n->precision < 0 ||
		         (o->precision >= 0 && n->precision >= o->precision &&
		          n->scale == o->scale));
	return true;
}

/* PostgreSQL truncates identifiers past 63 bytes (NAMEDATALEN - 1). */
const sd_dialect_caps sd_caps_postgres = {
	.lang = SD_SQL_POSTGRES,   .max_identifier = 63,
	.transactional_ddl = true, .alter_column = true,
	.alter_constraints = true, .drop_column = true,
	.enums = true,             .namespaces = true,
	.comments = true,          .named_primary_keys = true,
	.index_storage = true,     .table_settings = true,
	.column_rewrites = pg_column_rewrites,
	.db_objects = true,
	.or_replace = true,
};

/* No dialect given: every change in place, no limits. */
const sd_dialect_caps sd_caps_all = {
	.transactional_ddl = true, .alter_column = true,
	.alter_constraints = true, .drop_column = true,
	.enums = true,             .namespaces = true,
	.comments = true,          .named_primary_keys = true,
	.index_storage = true,     .table_settings = true,
	.db_objects = true,
	.or_replace = true,
};
