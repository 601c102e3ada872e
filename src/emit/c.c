/*
 * c.c - a plan as the body of a C revision: `upgrade` calls the operation
 * API (include/schemadiff/revision.h) for the plan's operations, and
 * `downgrade` for their inverses in reverse order, as sd_emit_plan does for
 * SQL.
 *
 * An operation becomes an API call only when the call builds the very
 * operation the differ built, so the C revision runs the SQL the SQL
 * revision would. The others (a SQLite table rebuild, an enum recreated,
 * comments, backfills, renamed constraints, unnamed keys, declared type
 * spellings the portable type does not reproduce) are written as
 * sd_execute_script() with the exact statements of the dialect.
 */
#include "emit/dialect.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

typedef struct cgen {
	sd_buf *out;
	const sd_dialect *d;
	/* every dialect the revision is for (d among them) */
	const sd_dialect *const *all;
	size_t nall;
	bool guarded;         /* a statement per dialect was written */
	const char *schema;   /* sd_use_schema() in force */
	bool schema_set;
} cgen;

/* Appends s as a C string literal; NULL as NULL. Control characters are
 * octal escapes (three digits, so a following digit cannot join them),
 * and "??" is broken up so no trigraph forms. */
static void c_str(sd_buf *out, const char *s)
{
	static const char special[] = "\"\\\n\t", escaped[] = "\"\\nt";
	const unsigned char *p;
	const char *e;

	if (!s) {
		sd_buf_put(out, "NULL");
		return;
	}
	sd_buf_putc(out, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		if ((e = memchr(special, *p, sizeof(special) - 1)) != NULL) {
			sd_buf_putc(out, '\\');
			sd_buf_putc(out, escaped[e - special]);
		} else if (*p == '?') {
			sd_buf_put(out, p[1] == '?' ? "?\\" : "?");
		} else if (*p < 0x20 || *p == 0x7f) {
			sd_buf_printf(out, "\\%03o", *p);
		} else {
			sd_buf_putc(out, (char)*p);
		}
	}
	sd_buf_putc(out, '"');
}

/* A one-line comment text: no newlines, no comment terminator, no
 * trigraph (??/ would splice lines). */
static void c_comment(sd_buf *out, const char *s)
{
	sd_buf_put(out, "\t/* ");
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			sd_buf_putc(out, ' ');
		else if (s[0] == '*' && s[1] == '/')
			sd_buf_put(out, "* ");
		else if (s[0] == '?' && s[1] == '?')
			sd_buf_put(out, "? "); /* no trigraph */
		else
			sd_buf_putc(out, *s);
	}
	sd_buf_put(out, " */\n");
}

/* SD_NAMES("a", "b") */
static void c_names(sd_buf *out, const sd_strlist *l)
{
	size_t i;

	sd_buf_put(out, "SD_NAMES(");
	for (i = 0; i < l->n; i++) {
		if (i)
			sd_buf_put(out, ", ");
		c_str(out, l->items[i]);
	}
	sd_buf_putc(out, ')');
}

static void use_schema(cgen *g, const char *schema)
{
	if (g->schema_set && sd_streq(g->schema, schema))
		return;
	if (!g->schema_set && !schema)
		return;
	sd_buf_put(g->out, "\tsd_use_schema(m, ");
	c_str(g->out, schema);
	sd_buf_put(g->out, ");\n");
	g->schema = schema;
	g->schema_set = true;
}

/* The longest string literal C11 promises to compile (5.2.4.1), with
 * room for the escapes c_str adds. */
#define C_LITERAL_MAX 3000

/* The statements as sd_execute_script(), one literal piece per line; a
 * longer script as an array of pieces (sd_execute_script_parts). */
static void put_script(cgen *g, const char *sql)
{
	const char *p = sql;
	bool parts = strlen(sql) > C_LITERAL_MAX;

	sd_buf_put(g->out, parts ? "\t{\n\t\tstatic const char *const "
	                           "script[] = {"
	                         : "\tsd_execute_script(m,");
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
		char *line = sd_xmalloc(n + 1);
		memcpy(line, p, n);
		line[n] = '\0';
		sd_buf_put(g->out, parts ? "\n\t\t\t" : "\n\t\t");
		c_str(g->out, line);
		if (parts)
			sd_buf_putc(g->out, ',');
		free(line);
		p += n;
	}
	sd_buf_put(g->out, parts ? "\n\t\t\tNULL};\n"
	                           "\t\tsd_execute_script_parts(m, script);\n"
	                           "\t}\n"
	                         : ");\n");
}

/* The type text for the API, or NULL when the portable spelling would not
 * give back the declared one. */
static const char *api_type(sd_arena *a, const sd_dialect *d,
                            const sd_column *c)
{
	sd_buf mine = SD_BUF_INIT, fmt = SD_BUF_INIT;
	const char *res = NULL;

	if (c->type_sql) {
		d->type_sql(&mine, &c->type);
		if (!*c->type_sql || !sd_strieq(sd_buf_cstr(&mine), c->type_sql))
			goto done;
	}
	sd_type_format(&fmt, &c->type);
	if (fmt.len)
		res = sd_arena_strdup(a, sd_buf_cstr(&fmt));
done:
	sd_buf_free(&mine);
	sd_buf_free(&fmt);
	return res;
}

/* SD_COL_* flags of c as C text. */
static void column_flags(sd_buf *out, const sd_column *c, bool pk_flag,
                         bool no_autoinc)
{
	int n = 0;

#define FLAG(cond, name)                                                   \
	do {                                                               \
		if (cond) {                                                \
			sd_buf_put(out, n++ ? " | " name : name);          \
		}                                                          \
	} while (0)
	FLAG(pk_flag, "SD_COL_PRIMARY_KEY");
	FLAG(!c->nullable && !pk_flag, "SD_COL_NOT_NULL");
	FLAG(c->identity == SD_IDENTITY_ALWAYS, "SD_COL_IDENTITY_ALWAYS");
	FLAG(c->identity == SD_IDENTITY_BY_DEFAULT, "SD_COL_IDENTITY_BY_DEFAULT");
	FLAG(no_autoinc, "SD_COL_NO_AUTOINCREMENT");
#undef FLAG
	if (!n)
		sd_buf_putc(out, '0');
}

/* Whether the API's column handling reproduces c (checked per column:
 * no serial sequence, a type the portable spelling gives back, none of
 * PostgreSQL's column settings, which the API has no words for). */
static bool column_expressible(sd_arena *a, const sd_dialect *d,
                               const sd_column *c)
{
	return !sd_column_x(c)->sequence && !sd_column_x(c)->identity_options && !c->inherited &&
	       !sd_column_x(c)->options.n && !sd_column_x(c)->storage && !sd_column_x(c)->compression &&
	       !sd_column_x(c)->statistics_set && api_type(a, d, c) && c->base.name &&
	       *c->base.name;
}

/* before "value" after, when value is not NULL. */
static void c_opt(sd_buf *out, const char *before, const char *value,
                  const char *after)
{
	if (!value)
		return;
	sd_buf_put(out, before);
	c_str(out, value);
	sd_buf_put(out, after);
}

/* "\tsd_column_<fn>(var, "value");\n" when value is not NULL. */
static void c_setter(sd_buf *out, const char *fn, const char *var,
                     const char *value)
{
	char call[64];

	snprintf(call, sizeof(call), "\tsd_column_%s(%s, ", fn, var);
	c_opt(out, call, value, ");\n");
}

/* The column setters that follow a column expression. */
static void column_setters(sd_buf *out, const sd_column *c, const char *var)
{
	c_setter(out, "default", var, c->default_value.sql);
	c_setter(out, "collation", var, sd_column_x(c)->collation);
	c_setter(out, "generated", var, sd_column_x(c)->generated.sql);
	c_setter(out, "comment", var, sd_column_x(c)->comment);
	c_setter(out, "backfill", var, sd_column_x(c)->backfill);
}

static bool has_setters(const sd_column *c)
{
	return c->default_value.sql || sd_column_x(c)->collation || sd_column_x(c)->generated.sql ||
	       sd_column_x(c)->comment || sd_column_x(c)->backfill;
}

/* sep ".field = "value"" when value is not NULL. */
static void c_field(sd_buf *out, const char *sep, const char *field,
                    const char *value)
{
	char name[64];

	snprintf(name, sizeof(name), "%s.%s = ", sep, field);
	c_opt(out, name, value, "");
}

/* ", .field = true" when set. */
static void c_flag(sd_buf *out, const char *field, bool set)
{
	if (set)
		sd_buf_printf(out, ", .%s = true", field);
}

static void c_deferral(sd_buf *out, bool deferrable, bool initially_deferred)
{
	c_flag(out, "deferrable", deferrable);
	c_flag(out, "initially_deferred", initially_deferred);
}

/* ".kind = KIND, .name = "name",\n\t\t.columns = (const char *[]){...}" */
static void c_key_head(sd_buf *out, const char *kind, const sd_object *o,
                       const sd_strlist *columns)
{
	sd_buf_printf(out, ".kind = %s, .name = ", kind);
	c_str(out, o->name);
	sd_buf_put(out, ",\n\t\t.columns = ");
	c_names(out, columns);
}

/* The fields of an sd_constraint_def compound literal for o. */
static void constraint_fields(sd_buf *out, const sd_table *t,
                              const sd_object *o)
{
	const sd_unique *u = (const sd_unique *)o;
	const sd_foreign_key *fk = (const sd_foreign_key *)o;
	const sd_check *ck = (const sd_check *)o;

	sd_buf_put(out, "&(sd_constraint_def){");
	switch (o->kind) {
	case SD_OBJ_PRIMARY_KEY:
		c_key_head(out, "SD_PRIMARY_KEY", o,
		           &((const sd_primary_key *)o)->columns);
		break;
	case SD_OBJ_UNIQUE:
		c_key_head(out, "SD_UNIQUE", o, &u->columns);
		c_flag(out, "nulls_not_distinct", u->nulls_not_distinct);
		c_deferral(out, u->deferrable, u->initially_deferred);
		c_field(out, ",\n\t\t", "comment", u->comment);
		break;
	case SD_OBJ_FOREIGN_KEY:
		c_key_head(out, "SD_FOREIGN_KEY", o, &fk->columns);
		if (!sd_streq(fk->ref_schema, t->base.schema))
			c_field(out, ", ", "ref_schema",
			        fk->ref_schema ? fk->ref_schema
			                       : sd_namespace_default());
		c_field(out, ",\n\t\t", "ref_table", fk->ref_table);
		if (fk->ref_columns.n) {
			sd_buf_put(out, ", .ref_columns = ");
			c_names(out, &fk->ref_columns);
		}
		if (fk->on_delete != SD_FK_NO_ACTION)
			c_field(out, ",\n\t\t", "on_delete",
			        sd_fk_action_sql(fk->on_delete));
		if (fk->on_update != SD_FK_NO_ACTION)
			c_field(out, ", ", "on_update",
			        sd_fk_action_sql(fk->on_update));
		c_deferral(out, fk->deferrable, fk->initially_deferred);
		c_flag(out, "not_valid", fk->not_valid);
		c_field(out, ",\n\t\t", "comment", fk->comment);
		break;
	case SD_OBJ_CHECK:
		sd_buf_put(out, ".kind = SD_CHECK, .name = ");
		c_str(out, o->name);
		sd_buf_put(out, ",\n\t\t.check = ");
		c_str(out, ck->expression.sql);
		c_flag(out, "not_valid", ck->not_valid);
		c_field(out, ",\n\t\t", "comment", ck->comment);
		break;
	default:
		break;
	}
	sd_buf_put(out, "}");
}

/* A constraint object the API can express: named, of a known kind. */
static bool constraint_expressible(const sd_object *o)
{
	if (!o || !o->name || !*o->name)
		return false;
	/* COMMENT ON INDEX of a key's index: no words in the API */
	if ((o->kind == SD_OBJ_PRIMARY_KEY &&
	     ((const sd_primary_key *)o)->storage.comment) ||
	    (o->kind == SD_OBJ_UNIQUE && ((const sd_unique *)o)->storage.comment))
		return false;
	if (o->kind == SD_OBJ_CHECK)
		return ((const sd_check *)o)->expression.sql != NULL;
	return o->kind == SD_OBJ_PRIMARY_KEY || o->kind == SD_OBJ_UNIQUE ||
	       o->kind == SD_OBJ_FOREIGN_KEY;
}

/*
 * CREATE TABLE through sd_table_begin() ... sd_create_table(). Returns
 * false (writing nothing) when the API would build another table: unnamed
 * or nullable key columns, SQLite's unnamed checks and foreign keys,
 * SQLite's inline unique indexes and triggers,
 * an autoincrement flag the models' rule does not give.
 */
static bool create_table(cgen *g, sd_arena *a, const sd_op *op)
{
	const sd_table *t = op->table_new ? op->table_new : op->table;
	const sd_primary_key *pk = t->primary_key;
	const sd_column *pkcol = NULL;
	bool pk_flag = false;
	sd_buf b = SD_BUF_INIT;
	size_t i;

	if (!t->ncolumns || t->partition_by.sql ||
	    t->partition_of || t->ninherits)
		return false;
	for (i = 0; i < t->nindexes; i++)
		if (t->indexes[i]->constraint_backed)
			return false;
	for (i = 0; i < t->ncolumns; i++)
		if (t->columns[i]->key_nullable)
			return false;
	if (pk && (!pk->base.name || !pk->columns.n || pk->storage.comment))
		return false;
	for (i = 0; pk && i < pk->columns.n; i++) {
		const sd_column *c = sd_table_find_column(t, pk->columns.items[i]);
		if (!c || c->nullable)
			return false;
	}
	if (pk && pk->columns.n == 1) {
		pkcol = sd_table_find_column(t, pk->columns.items[0]);
		pk_flag = sd_streq(pk->base.name,
		                   sd_arena_printf(a, "pk_%s", t->base.name));
	}
	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		bool rule = c == pkcol && sd_type_is_integer(c->type.kind);
		if (!column_expressible(a, g->d, c))
			return false;
		if (c->autoincrement && !rule)
			return false;
	}
	for (i = 0; i < t->nuniques; i++)
		if (!constraint_expressible(&t->uniques[i]->base))
			return false;
	/* the API names every check and foreign key; SQLite keeps the
	 * unnamed ones without a name */
	for (i = 0; i < t->nchecks; i++)
		if (!constraint_expressible(&t->checks[i]->base) ||
		    (t->checks[i]->base.unnamed &&
		     g->d->caps->unnamed_constraints))
			return false;
	for (i = 0; i < t->nforeign_keys; i++)
		if (!constraint_expressible(&t->foreign_keys[i]->base) ||
		    (t->foreign_keys[i]->base.unnamed &&
		     g->d->caps->unnamed_constraints))
			return false;

	use_schema(g, t->base.schema);
	sd_buf_put(&b, "\tt = sd_table_begin(m, ");
	c_str(&b, t->base.name);
	sd_buf_put(&b, ");\n");
	if (t->comment) {
		sd_buf_put(&b, "\tsd_table_comment(t, ");
		c_str(&b, t->comment);
		sd_buf_put(&b, ");\n");
	}
	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		bool setters = has_setters(c);
		bool rule = c == pkcol && sd_type_is_integer(c->type.kind);
		sd_buf_put(&b, setters ? "\tc = sd_table_column(t, "
		                       : "\tsd_table_column(t, ");
		c_str(&b, c->base.name);
		sd_buf_put(&b, ", ");
		c_str(&b, api_type(a, g->d, c));
		sd_buf_put(&b, ", ");
		column_flags(&b, c, c == pkcol && pk_flag,
		             rule && !c->autoincrement);
		sd_buf_put(&b, ");\n");
		if (setters)
			column_setters(&b, c, "c");
	}
	if (pk && !pk_flag) {
		sd_buf_put(&b, "\tsd_table_primary_key(t, ");
		c_str(&b, pk->base.name);
		sd_buf_put(&b, ", ");
		c_names(&b, &pk->columns);
		sd_buf_put(&b, ");\n");
		/* the key's one integer column autoincrements by the rule */
		if (pkcol && sd_type_is_integer(pkcol->type.kind) && !pkcol->autoincrement) {
			sd_buf_free(&b);
			return false;
		}
	}
	for (i = 0; i < t->nuniques; i++) {
		sd_buf_put(&b, "\tsd_table_constraint(t, ");
		constraint_fields(&b, t, &t->uniques[i]->base);
		sd_buf_put(&b, ");\n");
	}
	for (i = 0; i < t->nchecks; i++) {
		sd_buf_put(&b, "\tsd_table_constraint(t, ");
		constraint_fields(&b, t, &t->checks[i]->base);
		sd_buf_put(&b, ");\n");
	}
	for (i = 0; i < t->nforeign_keys; i++) {
		const sd_foreign_key *fk = t->foreign_keys[i];
		if (sd_strlist_contains(&op->deferred_fks, fk->base.name))
			continue; /* added later by its own operation */
		sd_buf_put(&b, "\tsd_table_constraint(t, ");
		constraint_fields(&b, t, &fk->base);
		sd_buf_put(&b, ");\n");
	}
	sd_buf_put(&b, "\tsd_create_table(m, t);\n");
	sd_buf_put(g->out, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return true;
}

static bool add_column(cgen *g, sd_arena *a, const sd_op *op)
{
	const sd_column *c = op->column_new;
	const sd_table *t = op->table;
	bool setters = has_setters(c);

	if (!t || !column_expressible(a, g->d, c) || c->autoincrement)
		return false;
	if (t->primary_key &&
	    sd_strlist_contains(&t->primary_key->columns, c->base.name))
		return false;
	use_schema(g, t->base.schema);
	if (setters) {
		sd_buf_put(g->out, "\tc = sd_column_begin(m, ");
	} else {
		sd_buf_put(g->out, "\tsd_add_column(m, ");
		c_str(g->out, t->base.name);
		sd_buf_put(g->out, ", sd_column_begin(m, ");
	}
	c_str(g->out, c->base.name);
	sd_buf_put(g->out, ", ");
	c_str(g->out, api_type(a, g->d, c));
	sd_buf_put(g->out, ", ");
	column_flags(g->out, c, false, false);
	if (!setters) {
		sd_buf_put(g->out, "));\n");
		return true;
	}
	sd_buf_put(g->out, ");\n");
	column_setters(g->out, c, "c");
	sd_buf_put(g->out, "\tsd_add_column(m, ");
	c_str(g->out, t->base.name);
	sd_buf_put(g->out, ", c);\n");
	return true;
}

/* A call naming a table and one or two more names: sd_drop_column(m,
 * "users", "email"). */
static void call_names(cgen *g, const char *fn, const char *schema,
                       const char *a, const char *b, const char *c)
{
	use_schema(g, schema);
	sd_buf_printf(g->out, "\t%s(m, ", fn);
	c_str(g->out, a);
	if (b) {
		sd_buf_put(g->out, ", ");
		c_str(g->out, b);
	}
	if (c) {
		sd_buf_put(g->out, ", ");
		c_str(g->out, c);
	}
	sd_buf_put(g->out, ");\n");
}

/* PostgreSQL ALTER COLUMN as sd_alter_column_*() calls, one per change,
 * in the order the dialect emits them. */
static bool alter_column(cgen *g, sd_arena *a, const sd_op *op)
{
	const sd_column *from = op->column_old, *to = op->column_new;
	const sd_table *t = op->table;
	unsigned allowed = SD_CHANGE_TYPE | SD_CHANGE_NULLABLE | SD_CHANGE_DEFAULT;

	if (!g->d->caps->alter_column || !t || !from || !to ||
	    (op->changes & ~allowed) || !sd_streq(from->base.name, to->base.name))
		return false;
	if (from->identity || to->identity || from->autoincrement ||
	    to->autoincrement || sd_column_x(from)->generated.sql || sd_column_x(to)->generated.sql)
		return false;
	if ((op->changes & SD_CHANGE_TYPE) &&
	    (from->default_value.sql || from->type.kind == SD_T_ENUM ||
	     sd_column_x(to)->collation || !api_type(a, g->d, to)))
		return false;
	use_schema(g, t->base.schema);
	if (op->changes & SD_CHANGE_TYPE)
		call_names(g, "sd_alter_column_type", t->base.schema,
		           t->base.name, to->base.name, api_type(a, g->d, to));
	if (op->changes & SD_CHANGE_NULLABLE) {
		sd_buf_put(g->out, "\tsd_alter_column_nullable(m, ");
		c_str(g->out, t->base.name);
		sd_buf_put(g->out, ", ");
		c_str(g->out, to->base.name);
		sd_buf_put(g->out, to->nullable ? ", true);\n" : ", false);\n");
	}
	if (op->changes & SD_CHANGE_DEFAULT) {
		sd_buf_put(g->out, "\tsd_alter_column_default(m, ");
		c_str(g->out, t->base.name);
		sd_buf_put(g->out, ", ");
		c_str(g->out, to->base.name);
		sd_buf_put(g->out, ", ");
		c_str(g->out, to->default_value.sql);
		sd_buf_put(g->out, ");\n");
	}
	return true;
}

static bool create_index(cgen *g, const sd_op *op)
{
	const sd_index *ix = (const sd_index *)op->obj_new;
	const sd_table *t = op->table;
	bool plain = true;
	size_t i;

	if (!t || !ix || !ix->base.name || !ix->nkeys ||
	    !sd_streq(ix->base.schema, t->base.schema))
		return false;
	for (i = 0; i < ix->nkeys; i++) {
		const sd_index_key *k = &ix->keys[i];
		if (!k->column || k->desc || k->nulls || k->collation ||
		    k->opclass)
			plain = false;
	}
	use_schema(g, t->base.schema);
	sd_buf_put(g->out, "\tsd_create_index(m, ");
	c_str(g->out, t->base.name);
	sd_buf_put(g->out, ", &(sd_index_def){\n\t\t.name = ");
	c_str(g->out, ix->base.name);
	if (plain) {
		sd_strlist cols = {NULL, 0};
		const char **items = sd_xcalloc(ix->nkeys, sizeof(char *));
		for (i = 0; i < ix->nkeys; i++)
			items[i] = ix->keys[i].column;
		cols.items = items;
		cols.n = ix->nkeys;
		sd_buf_put(g->out, ", .columns = ");
		c_names(g->out, &cols);
		free(items);
	} else {
		sd_buf_put(g->out, ",\n\t\t.keys = (const sd_index_key_def[]){");
		for (i = 0; i < ix->nkeys; i++) {
			const sd_index_key *k = &ix->keys[i];
			sd_buf_put(g->out, i ? ",\n\t\t\t{" : "\n\t\t\t{");
			if (k->column) {
				sd_buf_put(g->out, ".column = ");
				c_str(g->out, k->column);
			} else {
				sd_buf_put(g->out, ".expression = ");
				c_str(g->out, k->expression.sql ? k->expression.sql : "");
			}
			if (k->desc)
				sd_buf_put(g->out, ", .desc = true");
			if (k->nulls)
				sd_buf_printf(g->out, ", .nulls = %d",
				              k->nulls == SD_NULLS_FIRST ? 1 : 2);
			c_field(g->out, ", ", "collation", k->collation);
			c_field(g->out, ", ", "opclass", k->opclass);
			sd_buf_putc(g->out, '}');
		}
		sd_buf_printf(g->out, "},\n\t\t.nkeys = %zu", ix->nkeys);
	}
	c_flag(g->out, "unique", ix->unique);
	c_flag(g->out, "nulls_not_distinct", ix->nulls_not_distinct);
	c_flag(g->out, "concurrently",
	       op->hazards & SD_HAZARD_NO_TRANSACTION);
	c_field(g->out, ",\n\t\t", "where", ix->where.sql);
	c_field(g->out, ", ", "method", ix->method);
	if (ix->include.n) {
		sd_buf_put(g->out, ", .include = ");
		c_names(g->out, &ix->include);
	}
	c_field(g->out, ",\n\t\t", "comment", ix->comment);
	sd_buf_put(g->out, "});\n");
	return true;
}

/* The API call(s) for op, when one reproduces it exactly. */
static bool api_call(cgen *g, sd_arena *a, const sd_op *op)
{
	const sd_table *t = op->table;

	switch (op->kind) {
	case SD_OP_CREATE_TABLE:
		return create_table(g, a, op);
	case SD_OP_DROP_TABLE: {
		const sd_table *old = op->table_old ? op->table_old : t;
		if (!old)
			return false;
		call_names(g, "sd_drop_table", old->base.schema, old->base.name,
		           NULL, NULL);
		return true;
	}
	case SD_OP_RENAME_TABLE:
		if (!op->table_old || !op->table_new ||
		    !sd_streq(op->table_old->base.schema, op->table_new->base.schema))
			return false;
		call_names(g, "sd_rename_table", op->table_new->base.schema,
		           op->table_old->base.name, op->table_new->base.name, NULL);
		return true;
	case SD_OP_ADD_COLUMN:
		return add_column(g, a, op);
	case SD_OP_DROP_COLUMN:
		if (!t || !op->column_old)
			return false;
		call_names(g, "sd_drop_column", t->base.schema, t->base.name,
		           op->column_old->base.name, NULL);
		return true;
	case SD_OP_RENAME_COLUMN:
		if (!t || !op->column_old || !op->column_new)
			return false;
		call_names(g, "sd_rename_column", t->base.schema, t->base.name,
		           op->column_old->base.name, op->column_new->base.name);
		return true;
	case SD_OP_ALTER_COLUMN:
		return alter_column(g, a, op);
	case SD_OP_ADD_CONSTRAINT:
		if (!t || !constraint_expressible(op->obj_new) ||
		    (!g->d->caps->alter_constraints &&
		     op->obj_new->kind != SD_OBJ_UNIQUE))
			return false;
		use_schema(g, t->base.schema);
		sd_buf_put(g->out, "\tsd_add_constraint(m, ");
		c_str(g->out, t->base.name);
		sd_buf_put(g->out, ",\n\t\t");
		constraint_fields(g->out, t, op->obj_new);
		sd_buf_put(g->out, ");\n");
		return true;
	case SD_OP_DROP_CONSTRAINT:
		/* SQLite's statement depends on the live table's kinds */
		if (!t || !g->d->caps->alter_constraints ||
		    !constraint_expressible(op->obj_old))
			return false;
		call_names(g, "sd_drop_constraint", t->base.schema, t->base.name,
		           op->obj_old->name, NULL);
		return true;
	case SD_OP_CREATE_INDEX:
		return create_index(g, op);
	case SD_OP_DROP_INDEX:
		if (!t || !op->obj_old || (op->hazards & SD_HAZARD_NO_TRANSACTION))
			return false;
		call_names(g, "sd_drop_index", t->base.schema, t->base.name,
		           op->obj_old->name, NULL);
		return true;
	case SD_OP_CREATE_ENUM: {
		const sd_enum *en = (const sd_enum *)op->obj_new;
		if (!en || en->comment || !en->values.n)
			return false;
		use_schema(g, en->base.schema);
		sd_buf_put(g->out, "\tsd_create_enum(m, ");
		c_str(g->out, en->base.name);
		sd_buf_put(g->out, ", ");
		c_names(g->out, &en->values);
		sd_buf_put(g->out, ");\n");
		return true;
	}
	case SD_OP_DROP_ENUM:
		if (!op->obj_old)
			return false;
		call_names(g, "sd_drop_enum", op->obj_old->schema,
		           op->obj_old->name, NULL, NULL);
		return true;
	case SD_OP_ADD_ENUM_VALUE: {
		const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
		const char *v = op->name_new ? op->name_new : op->name_old;
		if (!o || !v)
			return false;
		use_schema(g, o->schema);
		sd_buf_put(g->out, "\tsd_add_enum_value(m, ");
		c_str(g->out, o->name);
		sd_buf_put(g->out, ", ");
		c_str(g->out, v);
		sd_buf_put(g->out, ", ");
		c_str(g->out, op->anchor_before ? op->value_anchor : NULL);
		sd_buf_put(g->out, ", ");
		c_str(g->out, op->anchor_before ? NULL : op->value_anchor);
		sd_buf_put(g->out, ");\n");
		return true;
	}
	default:
		return false;
	}
}

/*
 * An operation no API call reproduces, for a revision of several
 * dialects: its statements in each dialect, behind
 * sd_migration_dialect(). The same statements everywhere need no test.
 */
static int put_scripts(cgen *g, const sd_op *op, const char *first,
                       sd_error *err)
{
	sd_buf *sql = sd_xcalloc(g->nall, sizeof(sd_buf));
	size_t i, branches = 0;
	bool same = true;
	int rc = SD_OK;

	for (i = 0; i < g->nall && !rc; i++) {
		sql[i] = (sd_buf)SD_BUF_INIT;
		if (g->all[i] == g->d)
			sd_buf_put(&sql[i], first);
		else
			rc = g->all[i]->emit_op(&sql[i], op, err);
		same &= strcmp(sd_buf_cstr(&sql[i]), first) == 0;
	}
	if (!rc && same) {
		put_script(g, first);
	} else if (!rc) {
		for (i = 0; i < g->nall; i++) {
			if (!sql[i].len)
				continue;
			sd_buf_printf(g->out, "\t%sif (strcmp(sd_migration_dialect(m), ",
			              branches++ ? "else " : "");
			c_str(g->out, g->all[i]->name);
			sd_buf_put(g->out, ") == 0)\n\t");
			put_script(g, sd_buf_cstr(&sql[i]));
		}
		g->guarded = true;
	}
	for (i = 0; i < g->nall; i++)
		sd_buf_free(&sql[i]);
	free(sql);
	return rc;
}

/* One operation: a comment naming it, then its API call or its exact
 * statements. An operation without statements in this dialect (an enum on
 * SQLite) leaves only the comment. */
static int put_op(cgen *g, sd_arena *a, const sd_op *op, sd_error *err)
{
	sd_buf sql = SD_BUF_INIT, what = SD_BUF_INIT;
	int rc;

	rc = g->d->emit_op(&sql, op, err);
	if (rc)
		goto done;
	if (op->kind == SD_OP_NOOP)
		goto done;
	sd_op_describe(&what, op, NULL);
	if (!sql.len && g->nall < 2) {
		sd_buf_printf(&what, " (nothing to run on %s)", g->d->name);
		c_comment(g->out, sd_buf_cstr(&what));
		goto done;
	}
	c_comment(g->out, sd_buf_cstr(&what));
	if (sql.len && api_call(g, a, op))
		goto done;
	if (g->nall > 1)
		rc = put_scripts(g, op, sd_buf_cstr(&sql), err);
	else
		put_script(g, sd_buf_cstr(&sql));
done:
	sd_buf_free(&sql);
	sd_buf_free(&what);
	return rc;
}

/* The dialects' prologues for ops (the settings they need first), each
 * behind a test of sd_migration_dialect() when the revision is for
 * several. */
static void put_prologue(cgen *g, sd_op *const *ops, size_t n)
{
	size_t i;

	for (i = 0; i < g->nall; i++) {
		sd_buf b = SD_BUF_INIT;
		if (g->all[i]->prologue)
			g->all[i]->prologue(&b, ops, n);
		if (b.len && g->nall > 1) {
			sd_buf_put(g->out,
			           "\tif (strcmp(sd_migration_dialect(m), ");
			c_str(g->out, g->all[i]->name);
			sd_buf_put(g->out, ") == 0)\n\t");
			g->guarded = true;
		}
		if (b.len)
			put_script(g, sd_buf_cstr(&b));
		sd_buf_free(&b);
	}
}

/* Wraps a body into its function, declaring the variables it uses: t
 * for table definitions, c for columns that take setters. */
static void put_function(sd_buf *out, const char *name, const char *body)
{
	bool uses_t = strstr(body, "\tt = ") != NULL;
	bool uses_c = strstr(body, "\tc = ") != NULL;

	sd_buf_printf(out, "int %s(sd_migration *m)\n{\n", name);
	if (uses_t)
		sd_buf_put(out, "\tsd_table_def *t;\n");
	if (uses_c)
		sd_buf_put(out, "\tsd_column_def *c;\n");
	if (uses_t || uses_c)
		sd_buf_putc(out, '\n');
	sd_buf_put(out, body);
	if (*body)
		sd_buf_putc(out, '\n');
	/* errors are sticky: the first failing call's code */
	sd_buf_put(out, "\treturn sd_migration_status(m);\n}\n");
}

/*
 * The body of the upgrade or the downgrade function: ops (n of them) in
 * order, into out, for d among the dialects all (nall). Sets *guarded
 * when it writes a statement per dialect (which needs string.h).
 */
static int put_body(sd_buf *out, const sd_dialect *d,
                    const sd_dialect *const *all, size_t nall, sd_arena *a,
                    sd_op *const *ops, size_t n, bool *guarded, sd_error *err)
{
	cgen g;
	size_t i;
	int rc = SD_OK;

	memset(&g, 0, sizeof(g));
	g.d = d;
	g.all = all;
	g.nall = nall;
	g.out = out;
	if (n)
		put_prologue(&g, ops, n);
	for (i = 0; i < n && !rc; i++)
		rc = put_op(&g, a, ops[i], err);
	if (!rc && g.schema_set && g.schema)
		use_schema(&g, NULL);
	*guarded |= g.guarded;
	return rc;
}

int sd_emit_c(sd_buf *out, const sd_plan *plan, const sd_dialect *d,
              sd_error *err)
{
	return sd_emit_c_dialects(out, plan, d, &d, 1, err);
}

int sd_emit_c_dialects(sd_buf *out, const sd_plan *plan, const sd_dialect *d,
                       const sd_dialect *const *all, size_t nall,
                       sd_error *err)
{
	sd_arena *a = sd_arena_new();
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	size_t n = plan ? plan->nops : 0;
	bool guarded = false;
	int rc;

	rc = put_body(&up, d, all, nall, a, n ? plan->ops : NULL, n, &guarded,
	              err);
	if (!rc)
		rc = put_body(&down, d, all, nall, a, sd_plan_inverse(a, plan), n,
		              &guarded, err);
	if (!rc) {
		if (guarded)
			sd_buf_put(out, "#include <string.h>\n");
		sd_buf_put(out, "#include <schemadiff/revision.h>\n\n");
		put_function(out, "upgrade", sd_buf_cstr(&up));
		sd_buf_putc(out, '\n');
		put_function(out, "downgrade", sd_buf_cstr(&down));
	}
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_arena_free(a);
	return rc;
}
