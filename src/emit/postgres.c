/*
 * postgres.c - sd_dialect_postgres: PostgreSQL names, types and statements.
 *
 * Every identifier is double-quoted; every name is checked against the
 * 63-byte limit before anything is written, because the server would
 * silently truncate it and the next diff would see a different name.
 */
#include "emit/pg_emit.h"
#include "model/logic.h"

#include <string.h>

#define PG_MAX_IDENT 63

static void qualified(sd_buf *out, const char *schema, const char *name)
{
	sd_emit_qualified(out, &sd_dialect_postgres, schema, name);
}

/* Enums are written by their qualified name. */
static const char *const pg_types[SD_T__COUNT] = {
	[SD_T_RAW] = "TEXT",
	[SD_T_FLOAT] = "DOUBLE PRECISION",
	[SD_T_BINARY] = "BYTEA",
};

static void pg_type_sql(sd_buf *out, const sd_type *t)
{
	if (t->kind == SD_T_ENUM)
		qualified(out, t->enum_schema, t->name);
	else
		sd_emit_type(out, t, pg_types);
}

/* ------------------------------------------------------------------ */
/* Emission context                                                    */
/* ------------------------------------------------------------------ */

static void ident(pg_emit *e, const char *name)
{
	if (name && strlen(name) > PG_MAX_IDENT && !e->too_long)
		e->too_long = name;
	sd_quote_ident_std(e->out, name);
}

static void qname(pg_emit *e, const char *schema, const char *name)
{
	if ((schema = sd_namespace_key(schema)) != NULL) {
		ident(e, schema);
		sd_buf_putc(e->out, '.');
	}
	ident(e, name);
}

/*
 * RENAME_INDEX of the copy on partition op->table of its parent's index
 * op->name_old (diff/partnames.c): by its name where the plan knows it,
 * else found by its parent when the statement runs, as PostgreSQL named
 * it then; nothing when it already has the name.
 */
static void partition_copy_rename(pg_emit *e, const sd_op *op)
{
	const sd_table *t = op->table;
	sd_buf parent = SD_BUF_INIT, part = SD_BUF_INIT, *out = e->out;

	if (strcmp(op->obj_old->name, op->obj_new->name) == 0) {
		sd_buf_printf(out, "-- the index of %s under %s keeps its "
		              "name\n", t->base.name, op->name_old);
		return;
	}
	if (!op->obj_old->unnamed) {
		put(e, "ALTER INDEX ");
		qname(e, t->base.schema, op->obj_old->name);
		put(e, " RENAME TO ");
		ident(e, op->obj_new->name);
		put(e, ";\n");
		return;
	}
	e->out = &parent;
	qname(e, t->partition_of_schema, op->name_old);
	e->out = &part;
	qname(e, t->base.schema, t->base.name);
	e->out = out;
	put(e, "DO $schemadiff$ DECLARE x text; BEGIN\n"
	       "    SELECT h.inhrelid::regclass::text INTO x FROM pg_inherits h\n"
	       "        JOIN pg_index i ON i.indexrelid = h.inhrelid\n"
	       "        JOIN pg_class c ON c.oid = h.inhrelid\n"
	       "        WHERE h.inhparent = ");
	sd_quote_literal_std(out, sd_buf_cstr(&parent));
	put(e, "::regclass AND i.indrelid = ");
	sd_quote_literal_std(out, sd_buf_cstr(&part));
	put(e, "::regclass\n        AND c.relname <> ");
	sd_quote_literal_std(out, op->obj_new->name);
	put(e, ";\n    IF x IS NOT NULL THEN\n"
	       "        EXECUTE 'ALTER INDEX ' || x || ' RENAME TO ' || ");
	sd_buf_truncate(&parent, 0);
	e->out = &parent;
	ident(e, op->obj_new->name);
	e->out = out;
	sd_quote_literal_std(out, sd_buf_cstr(&parent));
	put(e, ";\n    END IF;\nEND $schemadiff$;\n");
	sd_buf_free(&parent);
	sd_buf_free(&part);
}

static void table_name(pg_emit *e, const sd_table *t)
{
	qname(e, t ? t->base.schema : NULL, t ? t->base.name : "?");
}

static void type_of(pg_emit *e, const sd_type *t)
{
	if (t->kind == SD_T_ENUM)
		qname(e, t->enum_schema, t->name);
	else
		pg_type_sql(e->out, t);
}

static void columns(pg_emit *e, const sd_strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (i)
			put(e, ", ");
		ident(e, l->items[i]);
	}
}

static const char *expr_sql(const sd_expr *x)
{
	return x->sql ? x->sql : "";
}

/* Whether tokens [from, to) are literals cast to character varying,
 * separated by commas: 'a'::character varying, NULL::character varying */
static bool varchar_literals(const sd_tokens *tk, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		const sd_token *v = tk->v;
		if (!(v[i].kind == SD_TOK_STRING || sd_tok_is(&v[i], "null")) ||
		    i + 4 >= to || !sd_tok_is(&v[i + 1], ":") ||
		    !sd_tok_is(&v[i + 2], ":") ||
		    !sd_tok_is(&v[i + 3], "character") ||
		    !sd_tok_is(&v[i + 4], "varying"))
			return false;
		i += 5;
		if (i < to && sd_tok_is(&v[i], "(") && i + 2 < to &&
		    v[i + 1].kind == SD_TOK_NUMBER && sd_tok_is(&v[i + 2], ")"))
			i += 3;
		if (i == to)
			return true;
		if (!sd_tok_is(&v[i], ","))
			return false;
		i++;
	}
	return false;
}

/*
 * An IN list on a varchar column, "status IN ('a', 'b')", is printed by
 * the server as
 *     (status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])
 * (ARRAY[...]::text[] when pretty): the array's elements compared as
 * text. Read back, a cast written on ARRAY[...] applies to each element,
 * so that text is stored as ANY (ARRAY[('a'::character varying)::text,
 * ...]): the same test, in another catalog text than the original's.
 * Without the cast the server coerces the array to text[] itself, as
 * when it read the IN list. If tokens at i (ANY, ALL or SOME) start that
 * shape, *cut_open..*keep_from is the "(" to leave out before ARRAY, and
 * *cut_from..*cut_to the ")::text[]" after its "]"; returns whether so.
 */
static bool varchar_in_list(const sd_tokens *tk, size_t i,
                            const char **cut_open, const char **keep_from,
                            const char **cut_from, const char **cut_to)
{
	const sd_token *v = tk->v;
	size_t k = i + 2, j, m;
	bool paren = false;

	if (!(sd_tok_is(&v[i], "any") || sd_tok_is(&v[i], "all") ||
	      sd_tok_is(&v[i], "some")) ||
	    k >= tk->n || !sd_tok_is(&v[i + 1], "("))
		return false;
	if (sd_tok_is(&v[k], "(")) {
		paren = true;
		k++;
	}
	if (k + 1 >= tk->n || !sd_tok_is(&v[k], "array") ||
	    !sd_tok_is(&v[k + 1], "["))
		return false;
	for (j = k + 2; j < tk->n && !sd_tok_is(&v[j], "]"); j++)
		;
	if (j >= tk->n || !varchar_literals(tk, k + 2, j))
		return false;
	m = j + 1;
	if (paren) {
		if (m >= tk->n || !sd_tok_is(&v[m], ")"))
			return false;
		m++;
	}
	if (m + 5 >= tk->n || !sd_tok_is(&v[m], ":") ||
	    !sd_tok_is(&v[m + 1], ":") || !sd_tok_is(&v[m + 2], "text") ||
	    !sd_tok_is(&v[m + 3], "[") || !sd_tok_is(&v[m + 4], "]") ||
	    !sd_tok_is(&v[m + 5], ")"))
		return false;
	*cut_open = v[i + 2].s;
	*keep_from = v[k].s;
	*cut_from = v[j].s + v[j].n;
	*cut_to = v[m + 4].s + v[m + 4].n;
	return true;
}

void sd_pg_put_expr(sd_buf *out, const char *sql)
{
	sd_tokens tk;
	const char *from = sql;
	size_t i;

	if (!sql)
		return;
	if (!strstr(sql, "::text[]")) { /* the common case: nothing to do */
		sd_buf_put(out, sql);
		return;
	}
	sd_tokens_read(&tk, sql, SD_SQL_POSTGRES);
	for (i = 0; i + 1 < tk.n; i++) {
		const char *cut_open, *keep_from, *cut_from, *cut_to;
		if (!varchar_in_list(&tk, i, &cut_open, &keep_from, &cut_from,
		                     &cut_to))
			continue;
		sd_buf_putn(out, from, (size_t)(cut_open - from));
		sd_buf_putn(out, keep_from, (size_t)(cut_from - keep_from));
		from = cut_to;
	}
	sd_buf_put(out, from);
	sd_tokens_free(&tk);
}

/* The identity a column should have: explicit, or the SPEC's
 * autoincrementing integer key (BY DEFAULT, so explicit ids still insert).
 * A serial column (the nextval default of a sequence it owns, which is an
 * object of its own) is reported as NONE with *serial. */
static sd_identity identity_of(const sd_column *c, bool *serial)
{
	*serial = false;
	if (!c)
		return SD_IDENTITY_NONE;
	if (c->identity != SD_IDENTITY_NONE)
		return c->identity;
	if (c->autoincrement && sd_column_x(c)->sequence) {
		*serial = true;
		return SD_IDENTITY_NONE;
	}
	if (c->autoincrement && !c->default_value.sql)
		return SD_IDENTITY_BY_DEFAULT;
	return SD_IDENTITY_NONE;
}

static const char *identity_sql(sd_identity id)
{
	return id == SD_IDENTITY_ALWAYS ? "ALWAYS" : "BY DEFAULT";
}

/* "name" TYPE [COLLATE] [NOT NULL] [DEFAULT|IDENTITY|GENERATED] */
static void column_def(pg_emit *e, const sd_column *c)
{
	bool serial;
	sd_identity id = identity_of(c, &serial);

	ident(e, c->base.name);
	sd_buf_putc(e->out, ' ');
	type_of(e, &c->type);
	if (sd_column_x(c)->compression)
		sd_buf_printf(e->out, " COMPRESSION %s", sd_column_x(c)->compression);
	if (sd_column_x(c)->collation) {
		put(e, " COLLATE ");
		ident(e, sd_column_x(c)->collation);
	}
	if (!c->nullable)
		put(e, " NOT NULL");
	if (sd_column_x(c)->generated.sql) {
		if (sd_column_x(c)->generated_virtual && !e->virtual_column)
			e->virtual_column = c->base.name;
		sd_buf_printf(e->out, " GENERATED ALWAYS AS (%s) STORED",
		              sd_column_x(c)->generated.sql);
	} else if (id != SD_IDENTITY_NONE) {
		sd_buf_printf(e->out, " GENERATED %s AS IDENTITY",
		              identity_sql(id));
		sd_pg_emit_identity_options(e, c);
	} else if (c->default_value.sql) {
		sd_buf_printf(e->out, " DEFAULT %s", c->default_value.sql);
	}
}

static void fk_body(pg_emit *e, const sd_foreign_key *fk)
{
	put(e, "FOREIGN KEY (");
	columns(e, &fk->columns);
	put(e, ")");
	sd_emit_fk_references(e->out, &sd_dialect_postgres, fk);
}

static const char *pk_name(const sd_table *t, const sd_primary_key *pk,
                           sd_buf *tmp)
{
	if (pk->base.name)
		return pk->base.name;
	sd_buf_printf(tmp, "%s_pkey", t ? t->base.name : "");
	return sd_buf_cstr(tmp);
}

/* " WITH (fillfactor = 70)" when there are storage parameters. */
static void with_options(pg_emit *e, const sd_strlist *with)
{
	if (!with->n)
		return;
	put(e, " WITH (");
	sd_options_put(e->out, with, " = ");
	put(e, ")");
}

/* What follows the key columns of a primary key, unique or exclusion
 * constraint: INCLUDE, WITH and USING INDEX TABLESPACE. */
static void index_parameters(pg_emit *e, const sd_strlist *include,
                             const sd_index_storage *st)
{
	if (include && include->n) {
		put(e, " INCLUDE (");
		columns(e, include);
		put(e, ")");
	}
	with_options(e, &st->with);
	if (st->tablespace) {
		put(e, " USING INDEX TABLESPACE ");
		ident(e, st->tablespace);
	}
}

/* CONSTRAINT "name" <body>, for CREATE TABLE and ADD CONSTRAINT alike. */
static int constraint_def(pg_emit *e, const sd_table *t, const sd_object *o,
                          bool in_create, sd_error *err)
{
	sd_buf tmp = SD_BUF_INIT;
	bool not_valid = false;

	if (o->kind != SD_OBJ_PRIMARY_KEY && o->kind != SD_OBJ_UNIQUE &&
	    o->kind != SD_OBJ_FOREIGN_KEY && o->kind != SD_OBJ_CHECK)
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: object kind %d is not a "
		                    "constraint", (int)o->kind);
	put(e, "CONSTRAINT ");
	ident(e, o->kind == SD_OBJ_PRIMARY_KEY
	             ? pk_name(t, (const sd_primary_key *)o, &tmp)
	             : o->name);
	if (o->kind == SD_OBJ_PRIMARY_KEY) {
		const sd_primary_key *pk = (const sd_primary_key *)o;
		put(e, " PRIMARY KEY (");
		columns(e, &pk->columns);
		put(e, ")");
		index_parameters(e, &pk->include, &pk->storage);
		sd_emit_deferrable(e->out, pk->deferrable,
		                   pk->initially_deferred);
	} else if (o->kind == SD_OBJ_UNIQUE) {
		const sd_unique *u = (const sd_unique *)o;
		put(e, u->nulls_not_distinct ? " UNIQUE NULLS NOT DISTINCT ("
		                             : " UNIQUE (");
		columns(e, &u->columns);
		put(e, ")");
		index_parameters(e, &u->include, &u->storage);
		sd_emit_deferrable(e->out, u->deferrable, u->initially_deferred);
	} else if (o->kind == SD_OBJ_FOREIGN_KEY) {
		const sd_foreign_key *fk = (const sd_foreign_key *)o;
		put(e, " ");
		fk_body(e, fk);
		not_valid = fk->not_valid;
	} else {
		const sd_check *c = (const sd_check *)o;
		put(e, " CHECK (");
		sd_pg_put_expr(e->out, expr_sql(&c->expression));
		put(e, ")");
		if (c->no_inherit)
			put(e, " NO INHERIT");
		not_valid = c->not_valid;
	}
	if (not_valid && !in_create)
		put(e, " NOT VALID");
	sd_buf_free(&tmp);
	return SD_OK;
}

/* " IS 'text';" or " IS NULL;", ending a COMMENT ON. */
static void comment_is(pg_emit *e, const char *text)
{
	put(e, " IS ");
	if (text)
		sd_quote_literal_std(e->out, text);
	else
		put(e, "NULL");
	put(e, ";\n");
}

void sd_pg_emit_ident(pg_emit *e, const char *name)
{
	ident(e, name);
}

void sd_pg_emit_qname(pg_emit *e, const char *schema, const char *name)
{
	qname(e, schema, name);
}

void sd_pg_emit_type(pg_emit *e, const sd_type *t)
{
	type_of(e, t);
}

void sd_pg_emit_comment_is(pg_emit *e, const char *text)
{
	comment_is(e, text);
}

static void comment_on(pg_emit *e, const char *what, const sd_table *t,
                       const char *column, const char *text)
{
	sd_buf_printf(e->out, "COMMENT ON %s ", what);
	table_name(e, t);
	if (column) {
		sd_buf_putc(e->out, '.');
		ident(e, column);
	}
	comment_is(e, text);
}

/*
 * COMMENT ON the enum type, index or constraint o (of table t) IS text, or
 * IS NULL when text is NULL. Constraints that carry comments (unique,
 * foreign key, check) always have a name by the time they are emitted.
 */
static void comment_on_object(pg_emit *e, const sd_table *t,
                              const sd_object *o, const char *text)
{
	/* an exclusion constraint is an index of the table here */
	bool index = o->kind == SD_OBJ_INDEX &&
	             !((const sd_index *)o)->exclusion;

	if (sd_pg_emit_object_comment(e, o, text))
		return;
	switch (index ? SD_OBJ_INDEX
	        : o->kind == SD_OBJ_INDEX ? SD_OBJ_CHECK : o->kind) {
	case SD_OBJ_ENUM:
		put(e, "COMMENT ON TYPE ");
		qname(e, o->schema, o->name);
		break;
	case SD_OBJ_INDEX:
		put(e, "COMMENT ON INDEX ");
		qname(e, t ? t->base.schema : o->schema, o->name);
		break;
	default:
		put(e, "COMMENT ON CONSTRAINT ");
		ident(e, o->name);
		put(e, " ON ");
		table_name(e, t);
		break;
	}
	comment_is(e, text);
}

/* COMMENT ON INDEX of the index behind key, unique or exclusion
 * constraint o of t (named as the constraint), when it has one. */
static void backing_index_comment(pg_emit *e, const sd_table *t,
                                  const sd_object *o)
{
	const sd_index_storage *st =
		o->kind == SD_OBJ_PRIMARY_KEY
			? &((const sd_primary_key *)o)->storage
		: o->kind == SD_OBJ_UNIQUE ? &((const sd_unique *)o)->storage
		: o->kind == SD_OBJ_INDEX ? &((const sd_index *)o)->storage
		                          : NULL;

	if (!st || !st->comment || !o->name)
		return;
	put(e, "COMMENT ON INDEX ");
	qname(e, t->base.schema, o->name);
	comment_is(e, st->comment);
}

/* A constraint the differ adds apart from its CREATE TABLE (an FK that
 * closes a cycle, a NOT VALID one). */
static bool left_out(const sd_op *op, const sd_object *o)
{
	return sd_strlist_contains(&op->deferred_fks, o->name);
}

static void alter_column(pg_emit *e, const sd_table *t, const char *col);

/*
 * A partition's column as its CREATE TABLE ... PARTITION OF states it:
 * "name WITH OPTIONS NOT NULL DEFAULT x" where it says more than the
 * parent's column p (NULL: unknown), or nothing.
 */
static bool partition_column(pg_emit *e, const sd_column *c,
                             const sd_column *p, bool first)
{
	bool nn = !c->nullable && (!p || p->nullable);
	bool def = c->default_value.sql &&
	           (!p || !sd_streq(c->default_value.sql, p->default_value.sql));

	if (!nn && !def)
		return false;
	put(e, first ? "\n    " : ",\n    ");
	ident(e, c->base.name);
	put(e, " WITH OPTIONS");
	if (nn)
		put(e, " NOT NULL");
	if (def)
		sd_buf_printf(e->out, " DEFAULT %s", c->default_value.sql);
	return true;
}

/* The parent a CREATE TABLE op carries for a partition, or NULL. */
static const sd_table *op_parent(const sd_op *op)
{
	const sd_object *p = op->obj_new ? op->obj_new : op->obj_old;

	return p && p->kind == SD_OBJ_TABLE ? (const sd_table *)p : NULL;
}

/* After a partition's CREATE TABLE: its columns without the default
 * their parent's have. */
static void partition_defaults(pg_emit *e, const sd_table *t,
                               const sd_table *parent)
{
	size_t i;

	for (i = 0; parent && i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		const sd_column *p = sd_table_find_column(parent, c->base.name);
		if (c->default_value.sql || sd_column_x(c)->generated.sql || !p ||
		    !p->default_value.sql)
			continue;
		alter_column(e, t, c->base.name);
		put(e, "DROP DEFAULT;\n");
	}
}

static int create_table(pg_emit *e, const sd_table *t, sd_error *err)
{
	const sd_table *parent = op_parent(e->op);
	size_t i, k;
	bool first = true;
	int rc;

	put(e, t->unlogged ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ");
	table_name(e, t);
	if (t->partition_of) {
		put(e, " PARTITION OF ");
		qname(e, t->partition_of_schema, t->partition_of);
	}
	if (t->of_type) {
		put(e, " OF ");
		qname(e, t->of_type_schema, t->of_type);
	}
	put(e, " (");
#define SEP() (put(e, first ? "\n    " : ",\n    "), first = false)
	for (i = 0; i < t->ncolumns; i++) {
		const sd_column *c = t->columns[i];
		if (t->of_type && !t->partition_of) {
			/* the type brings it: only what the table adds */
			if (partition_column(e, c, NULL, first))
				first = false;
			continue;
		}
		if (t->partition_of) {
			if (partition_column(e, c,
			                     parent ? sd_table_find_column(
			                                  parent, c->base.name)
			                            : NULL,
			                     first))
				first = false;
			continue;
		}
		if (c->inherited)
			continue; /* INHERITS brings it */
		SEP();
		column_def(e, c);
	}
	if (t->primary_key) {
		SEP();
		constraint_def(e, t, &t->primary_key->base, true, err);
	}
	for (i = 0; i < t->nuniques; i++) {
		SEP();
		constraint_def(e, t, &t->uniques[i]->base, true, err);
	}
	for (i = 0; i < t->nchecks; i++) {
		if (left_out(e->op, &t->checks[i]->base))
			continue;
		SEP();
		constraint_def(e, t, &t->checks[i]->base, true, err);
	}
	for (i = 0; i < t->nforeign_keys; i++) {
		if (left_out(e->op, &t->foreign_keys[i]->base))
			continue;
		SEP();
		if ((rc = constraint_def(e, t, &t->foreign_keys[i]->base, true,
		                         err)) != SD_OK)
			return rc;
	}
#undef SEP
	if ((t->partition_of || t->of_type) && first)
		sd_buf_truncate(e->out, e->out->len - 2); /* no " (" */
	else
		put(e, first ? ")" : "\n)");
	if (t->partition_of)
		sd_buf_printf(e->out, " %s", t->partition_bound.sql
		                                 ? t->partition_bound.sql
		                                 : "DEFAULT");
	for (k = 0; k < t->ninherits; k++) {
		put(e, k ? ", " : " INHERITS (");
		qname(e, t->inherits[k].schema, t->inherits[k].name);
		if (k + 1 == t->ninherits)
			put(e, ")");
	}
	if (t->partition_by.sql)
		sd_buf_printf(e->out, " PARTITION BY %s", t->partition_by.sql);
	sd_pg_emit_create_settings(e, t);
	put(e, ";\n");
	if (t->partition_of)
		partition_defaults(e, t, parent);
	for (i = 0; i < t->ncolumns && t->ninherits; i++)
		if (t->columns[i]->inherited &&
		    t->columns[i]->default_value.sql) {
			alter_column(e, t, t->columns[i]->base.name);
			sd_buf_printf(e->out, "SET DEFAULT %s;\n",
			              t->columns[i]->default_value.sql);
		}
	for (i = 0; i < t->ncolumns; i++)
		sd_pg_emit_new_column_settings(e, t, t->columns[i]);
	if (t->comment)
		comment_on(e, "TABLE", t, NULL, t->comment);
	for (i = 0; i < t->ncolumns; i++) {
		if (sd_column_x(t->columns[i])->comment)
			comment_on(e, "COLUMN", t, t->columns[i]->base.name,
			           sd_column_x(t->columns[i])->comment);
		sd_pg_emit_identity_comment(e, t, t->columns[i]);
	}
	if (t->primary_key && t->primary_key->comment)
		comment_on_object(e, t, &t->primary_key->base,
		                  t->primary_key->comment);
	if (t->primary_key)
		backing_index_comment(e, t, &t->primary_key->base);
	for (i = 0; i < t->nuniques; i++) {
		if (t->uniques[i]->comment)
			comment_on_object(e, t, &t->uniques[i]->base,
			                  t->uniques[i]->comment);
		backing_index_comment(e, t, &t->uniques[i]->base);
	}
	for (i = 0; i < t->nchecks; i++)
		if (t->checks[i]->comment &&
		    !left_out(e->op, &t->checks[i]->base))
			comment_on_object(e, t, &t->checks[i]->base,
			                  t->checks[i]->comment);
	for (i = 0; i < t->nforeign_keys; i++)
		if (t->foreign_keys[i]->comment &&
		    !left_out(e->op, &t->foreign_keys[i]->base))
			comment_on_object(e, t, &t->foreign_keys[i]->base,
			                  t->foreign_keys[i]->comment);
	if (t->row_security || t->force_row_security) {
		sd_table none;
		sd_op rls;
		memset(&none, 0, sizeof(none));
		memset(&rls, 0, sizeof(rls));
		rls.kind = SD_OP_REPLACE_OBJECT;
		rls.obj_old = &none.base;
		rls.obj_new = &t->base;
		none.base.kind = SD_OBJ_TABLE;
		return sd_pg_emit_logic(e->out, &rls, err);
	}
	return SD_OK;
}

/*
 * A new partition whose parent has a DEFAULT partition with rows: the
 * rows of the new bound that the default holds would make CREATE TABLE
 * ... PARTITION OF fail ("updated partition constraint for default
 * partition would be violated"). The default steps aside, the partition
 * comes, the rows of its bound move into it and the default comes back.
 */
static int create_beside_default(pg_emit *e, const sd_op *op, sd_error *err)
{
	const sd_table *t = op->table_new ? op->table_new : op->table;
	const sd_table *d = (const sd_table *)op->obj_old;
	const sd_table *parent = op_parent(op);
	sd_buf cols = SD_BUF_INIT, dn = SD_BUF_INIT, tn = SD_BUF_INIT;
	sd_buf *out = e->out;
	bool always = false;
	size_t i;
	int rc;

	e->out = &dn;
	table_name(e, d);
	e->out = &tn;
	table_name(e, t);
	e->out = &cols;
	for (i = 0; i < d->ncolumns; i++) {
		const sd_column *c = d->columns[i];
		if (sd_column_x(c)->generated.sql)
			continue;
		always |= c->identity == SD_IDENTITY_ALWAYS;
		put(e, cols.len ? ", " : "");
		ident(e, c->base.name);
	}
	e->out = out;
	put(e, "ALTER TABLE ");
	table_name(e, parent);
	sd_buf_printf(e->out, " DETACH PARTITION %s;\n", sd_buf_cstr(&dn));
	if ((rc = create_table(e, t, err)) != SD_OK)
		goto done;
	put(e, "DO $schemadiff$ BEGIN\n    EXECUTE format(");
	{
		sd_buf f = SD_BUF_INIT;
		sd_buf_printf(&f, "WITH moved AS (DELETE FROM %s WHERE %%s RETURNING *) "
		              "INSERT INTO %s ", sd_buf_cstr(&dn), sd_buf_cstr(&tn));
		if (cols.len)
			sd_buf_printf(&f, "(%s) ", sd_buf_cstr(&cols));
		if (always)
			sd_buf_put(&f, "OVERRIDING SYSTEM VALUE ");
		sd_buf_printf(&f, "SELECT %s FROM moved",
		              cols.len ? sd_buf_cstr(&cols) : "*");
		sd_quote_literal_std(e->out, sd_buf_cstr(&f));
		sd_buf_free(&f);
	}
	put(e, ",\n        pg_get_partition_constraintdef(");
	sd_quote_literal_std(e->out, sd_buf_cstr(&tn));
	put(e, "::regclass));\nEND $schemadiff$;\nALTER TABLE ");
	table_name(e, parent);
	sd_buf_printf(e->out, " ATTACH PARTITION %s DEFAULT;\n", sd_buf_cstr(&dn));
done:
	sd_buf_free(&cols);
	sd_buf_free(&dn);
	sd_buf_free(&tn);
	return rc;
}

static void alter_table(pg_emit *e, const sd_table *t)
{
	put(e, "ALTER TABLE ");
	table_name(e, t);
	put(e, " ");
}

/* ALTER TABLE t <verb>"name" */
static void alter_ident(pg_emit *e, const sd_table *t, const char *verb,
                        const char *name)
{
	alter_table(e, t);
	put(e, verb);
	ident(e, name);
}

static void alter_column(pg_emit *e, const sd_table *t, const char *col)
{
	alter_ident(e, t, "ALTER COLUMN ", col);
	put(e, " ");
}

/* ALTER TABLE [ONLY] t ALTER COLUMN "col" : ONLY when the op says the
 * change is the table's alone (a default, not its partitions'). */
static void alter_column_own(pg_emit *e, const sd_table *t, const char *col)
{
	put(e, e->op && e->op->only ? "ALTER TABLE ONLY " : "ALTER TABLE ");
	table_name(e, t);
	put(e, " ALTER COLUMN ");
	ident(e, col);
	put(e, " ");
}

/*
 * Sets a column's sequence (seq: SQL text of a regclass, the sequence's
 * name as a literal or pg_get_serial_sequence(...)) past the rows already
 * there, so the next insert does not collide with an existing id; an
 * empty table leaves it at its start.
 */
static void sequence_restart(pg_emit *e, const sd_table *t, const char *col,
                             const char *seq)
{
	sd_buf_printf(e->out, "SELECT setval(%s, GREATEST(MAX(", seq);
	ident(e, col);
	sd_buf_printf(e->out, ") + 1, (SELECT seqmin FROM pg_sequence WHERE "
	                      "seqrelid = %s::regclass)), false) FROM ",
	              seq);
	table_name(e, t);
	put(e, " HAVING MAX(");
	ident(e, col);
	put(e, ") IS NOT NULL;\n");
}

/* pg_get_serial_sequence('t', 'col'): an identity's sequence. */
static const char *identity_sequence(const sd_table *t, const char *col,
                                     sd_buf *tmp)
{
	sd_buf q = SD_BUF_INIT;

	qualified(&q, t->base.schema, t->base.name);
	sd_buf_put(tmp, "pg_get_serial_sequence(");
	sd_quote_literal_std(tmp, sd_buf_cstr(&q));
	sd_buf_put(tmp, ", ");
	sd_quote_literal_std(tmp, col);
	sd_buf_put(tmp, ")");
	sd_buf_free(&q);
	return sd_buf_cstr(tmp);
}

/* 'schema.seq': a serial column's sequence, by name (its OWNED BY may
 * come later in the plan). */
static const char *serial_sequence(const sd_table *t, const sd_column *c,
                                   sd_buf *tmp)
{
	sd_buf q = SD_BUF_INIT;

	qualified(&q, t->base.schema, sd_column_x(c)->sequence);
	sd_quote_literal_std(tmp, sd_buf_cstr(&q));
	sd_buf_free(&q);
	return sd_buf_cstr(tmp);
}

/* identity/none -> identity/none, in the forms each pair needs
 * (HARD-PARTS: ALWAYS <-> BY DEFAULT); a serial's default and sequence
 * change as a default and an object of their own. An identity added to
 * a column with rows continues after them. */
static void change_identity(pg_emit *e, const sd_table *t,
                            const sd_column *from, const sd_column *to)
{
	bool s_from, s_to;
	sd_identity i_from = identity_of(from, &s_from);
	sd_identity i_to = identity_of(to, &s_to);
	const char *col = to->base.name;
	sd_buf tmp = SD_BUF_INIT;

	if (i_from != SD_IDENTITY_NONE && i_to != SD_IDENTITY_NONE) {
		if (i_from != i_to) {
			alter_column(e, t, col);
			sd_buf_printf(e->out, "SET GENERATED %s;\n",
			              identity_sql(i_to));
		}
		return;
	}
	if (i_from != SD_IDENTITY_NONE) {
		alter_column(e, t, col);
		put(e, "DROP IDENTITY;\n");
	}
	if (i_to != SD_IDENTITY_NONE) {
		alter_column(e, t, col);
		sd_buf_printf(e->out, "ADD GENERATED %s AS IDENTITY",
		              identity_sql(i_to));
		sd_pg_emit_identity_options(e, to);
		put(e, ";\n");
		sd_pg_emit_identity_comment(e, t, to);
		sequence_restart(e, t, col, identity_sequence(t, col, &tmp));
	}
	sd_buf_free(&tmp);
}

/* ONLY when the op says so: an INHERITS child keeps the column as its
 * own. */
static void drop_column(pg_emit *e, const sd_table *t, const char *col)
{
	put(e, e->op && e->op->kind == SD_OP_DROP_COLUMN && e->op->only
	           ? "ALTER TABLE ONLY "
	           : "ALTER TABLE ");
	table_name(e, t);
	put(e, " DROP COLUMN ");
	ident(e, col);
	put(e, ";\n");
}

/*
 * PostgreSQL adds no identity column to a table with partitions or
 * INHERITS children: the column comes NOT NULL with a placeholder, becomes
 * the identity, and its rows take their numbers from it.
 */
static void add_identity_to_parent(pg_emit *e, const sd_table *t,
                                   const sd_column *c, sd_identity id)
{
	sd_column plain = *c;

	plain.identity = SD_IDENTITY_NONE;
	plain.autoincrement = false;
	plain.nullable = false;
	plain.default_value.sql = "0";
	plain.default_value.canon = NULL;
	alter_table(e, t);
	put(e, "ADD COLUMN ");
	column_def(e, &plain);
	put(e, ";\n");
	alter_column(e, t, c->base.name);
	put(e, "DROP DEFAULT;\n");
	alter_column(e, t, c->base.name);
	sd_buf_printf(e->out, "ADD GENERATED %s AS IDENTITY", identity_sql(id));
	sd_pg_emit_identity_options(e, c);
	put(e, ";\n");
	put(e, "UPDATE ");
	table_name(e, t);
	put(e, " SET ");
	ident(e, c->base.name);
	put(e, " = DEFAULT;\n");
}

static void add_column(pg_emit *e, const sd_table *t, const sd_column *c)
{
	bool serial;
	sd_identity id = identity_of(c, &serial);

	if (id != SD_IDENTITY_NONE && e->op && e->op->only) {
		add_identity_to_parent(e, t, c, id);
	} else {
		alter_table(e, t);
		put(e, "ADD COLUMN ");
		column_def(e, c);
		put(e, ";\n");
	}
	sd_pg_emit_new_column_settings(e, t, c);
	if (sd_column_x(c)->comment)
		comment_on(e, "COLUMN", t, c->base.name, sd_column_x(c)->comment);
	sd_pg_emit_identity_comment(e, t, c);
}

static bool numeric_kind(sd_type_kind k)
{
	return k == SD_T_SMALLINT || k == SD_T_INTEGER || k == SD_T_BIGINT ||
	       k == SD_T_REAL || k == SD_T_FLOAT || k == SD_T_NUMERIC;
}

/*
 * True when PostgreSQL has an assignment (or implicit) cast from type o to
 * type n, so ALTER COLUMN ... TYPE needs no USING. Without USING the
 * server converts as an assignment does, which checks lengths: a value
 * too long for VARCHAR(8) fails the revision ("value too long") where an
 * explicit cast, USING c::VARCHAR(8), would cut it silently. Anything
 * goes to a string type (I/O conversion counts as an assignment cast);
 * numbers convert among themselves; date and time kinds and json/jsonb
 * as pg_cast lists them; a kind to itself is a length or precision
 * change. Verbatim types and enums otherwise keep their USING.
 */
static bool assignment_cast(const sd_type *o, const sd_type *n)
{
	sd_type_kind a = o->kind, b = n->kind;

	if (b == SD_T_STRING || b == SD_T_CHAR || b == SD_T_TEXT)
		return true;
	if (numeric_kind(a) && numeric_kind(b))
		return true;
	if (a == b)
		return a != SD_T_RAW && a != SD_T_ENUM;
	switch (a) {
	case SD_T_DATE:
		return b == SD_T_TIMESTAMP || b == SD_T_TIMESTAMPTZ;
	case SD_T_TIMESTAMP:
	case SD_T_TIMESTAMPTZ:
		return b == SD_T_TIMESTAMP || b == SD_T_TIMESTAMPTZ ||
		       b == SD_T_DATE || b == SD_T_TIME;
	case SD_T_TIME:
		return b == SD_T_INTERVAL;
	case SD_T_INTERVAL:
		return b == SD_T_TIME;
	case SD_T_JSON:
		return b == SD_T_JSONB;
	case SD_T_JSONB:
		return b == SD_T_JSON;
	default:
		return false;
	}
}

/* A verbatim array type ("integer[]", "text[][]"). */
static bool array_of(const sd_type *t)
{
	size_t n = t->kind == SD_T_RAW && t->name ? strlen(t->name) : 0;

	return n > 2 && strcmp(t->name + n - 2, "[]") == 0;
}

/* smallint and bigint <-> boolean: PostgreSQL casts booleans to and
 * from integer only. */
static bool bool_int_bridge(const sd_type *o, const sd_type *n)
{
	sd_type_kind a = o->kind, b = n->kind;

	return (a == SD_T_BOOLEAN && (b == SD_T_SMALLINT || b == SD_T_BIGINT)) ||
	       (b == SD_T_BOOLEAN && (a == SD_T_SMALLINT || a == SD_T_BIGINT));
}

static void emit_alter_column(pg_emit *e, const sd_op *op)
{
	const sd_table *t = op->table;
	const sd_column *from = op->column_old;
	const sd_column *to = op->column_new;
	const char *col = to->base.name;
	unsigned ch = op->changes;
	bool default_dropped = false, s_from, s_to;

	/* PostgreSQL 15 cannot change a generation expression in place. */
	if (ch & SD_CHANGE_GENERATED) {
		if (sd_column_x(from)->generated.sql && !sd_column_x(to)->generated.sql) {
			alter_column(e, t, col);
			put(e, "DROP EXPRESSION;\n");
			ch &= ~(unsigned)SD_CHANGE_GENERATED;
		} else {
			drop_column(e, t, from->base.name);
			add_column(e, t, to);
			return;
		}
	}
	if (ch & (SD_CHANGE_TYPE | SD_CHANGE_COLLATION)) {
		/* An old default may not cast to the new type: drop it
		 * first and put the desired one back afterwards. */
		if ((ch & SD_CHANGE_TYPE) && from->default_value.sql &&
		    !sd_column_x(from)->generated.sql) {
			alter_column_own(e, t, col);
			put(e, "DROP DEFAULT;\n");
			default_dropped = true;
		}
		alter_column(e, t, col);
		put(e, "TYPE ");
		type_of(e, &to->type);
		if (sd_column_x(to)->collation) {
			put(e, " COLLATE ");
			ident(e, sd_column_x(to)->collation);
		} else if (ch & SD_CHANGE_COLLATION) {
			put(e, " COLLATE \"default\"");
		}
		if ((ch & SD_CHANGE_TYPE) &&
		    array_of(&to->type) && !array_of(&from->type)) {
			/* a value becomes the one element of an array */
			put(e, " USING CASE WHEN ");
			ident(e, col);
			put(e, " IS NULL THEN NULL ELSE ARRAY[");
			ident(e, col);
			put(e, "] END::");
			type_of(e, &to->type);
		} else if ((ch & SD_CHANGE_TYPE) &&
		    array_of(&from->type) && !array_of(&to->type) &&
		    !assignment_cast(&from->type, &to->type)) {
			/* an array's first element becomes the value */
			put(e, " USING (");
			ident(e, col);
			put(e, ")[1]::");
			type_of(e, &to->type);
		} else if ((ch & SD_CHANGE_TYPE) &&
		    !assignment_cast(&from->type, &to->type)) {
			put(e, " USING ");
			ident(e, col);
			put(e, "::");
			/* Enum to enum has no cast; text bridges them.
			 * Booleans cast to and from integer only. */
			if (to->type.kind == SD_T_ENUM &&
			    from->type.kind == SD_T_ENUM)
				put(e, "text::");
			else if (bool_int_bridge(&from->type, &to->type))
				put(e, "INTEGER::");
			type_of(e, &to->type);
		}
		put(e, ";\n");
	}
	/* An identity takes a column without a default: a serial's nextval
	 * goes first. */
	if ((ch & SD_CHANGE_IDENTITY) && from->default_value.sql &&
	    !default_dropped && identity_of(from, &s_from) == SD_IDENTITY_NONE &&
	    identity_of(to, &s_to) != SD_IDENTITY_NONE) {
		alter_column_own(e, t, col);
		put(e, "DROP DEFAULT;\n");
		default_dropped = true;
	}
	/* a serial that becomes an identity: its sequence goes first (the
	 * identity's may take its name) */
	if (op->obj_old && op->obj_old->kind == SD_OBJ_SEQUENCE &&
	    (ch & SD_CHANGE_IDENTITY))
		sd_pg_emit_serial_sequence(e, (const sd_sequence *)op->obj_old,
		                           false);
	/* SET NOT NULL before an identity is added (it needs one), DROP NOT
	 * NULL after an identity is gone (it forbids it). */
	if ((ch & SD_CHANGE_NULLABLE) && !to->nullable) {
		alter_column(e, t, col);
		put(e, "SET NOT NULL;\n");
	}
	if (ch & SD_CHANGE_IDENTITY)
		change_identity(e, t, from, to);
	/* an identity that becomes a serial: its sequence comes once the
	 * identity's is gone */
	if (op->obj_new && op->obj_new->kind == SD_OBJ_SEQUENCE &&
	    (ch & SD_CHANGE_IDENTITY))
		sd_pg_emit_serial_sequence(e, (const sd_sequence *)op->obj_new,
		                           true);
	if (ch & SD_CHANGE_OPTIONS)
		sd_pg_emit_identity_changes(e, t, from, to);
	if ((ch & SD_CHANGE_NULLABLE) && to->nullable) {
		alter_column(e, t, col);
		put(e, "DROP NOT NULL;\n");
	}
	if ((ch & SD_CHANGE_DEFAULT) || default_dropped) {
		sd_identity id = identity_of(to, &s_to);
		identity_of(from, &s_from);
		if (to->default_value.sql && id == SD_IDENTITY_NONE) {
			alter_column_own(e, t, col);
			sd_buf_printf(e->out, "SET DEFAULT %s;\n",
			              to->default_value.sql);
			/* a serial's sequence (new, or another column's
			 * till now) continues after the rows */
			if (s_to && !(s_from && sd_streq(sd_column_x(from)->sequence,
			                                 sd_column_x(to)->sequence))) {
				sd_buf seq = SD_BUF_INIT;
				sequence_restart(e, t, col,
				                 serial_sequence(t, to, &seq));
				sd_buf_free(&seq);
			}
		} else if (!default_dropped &&
		           identity_of(from, &s_from) == SD_IDENTITY_NONE) {
			alter_column_own(e, t, col);
			put(e, "DROP DEFAULT;\n");
		}
	}
	if (op->obj_new && op->obj_new->kind == SD_OBJ_SEQUENCE &&
	    (ch & SD_CHANGE_IDENTITY) &&
	    ((const sd_sequence *)op->obj_new)->owned_by_table)
		sd_pg_emit_sequence_owner(e, (const sd_sequence *)op->obj_new);
	if (ch & (SD_CHANGE_STORAGE | SD_CHANGE_TYPE))
		sd_pg_emit_column_settings(e, t, from, to,
		                           (ch & SD_CHANGE_TYPE) != 0);
	if (ch & SD_CHANGE_COMMENT)
		comment_on(e, "COLUMN", t, col, sd_column_x(to)->comment);
}

/* ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING gist (k WITH &&) ... */
static void add_exclusion(pg_emit *e, const sd_op *op, const sd_index *ix)
{
	alter_ident(e, op->table, "ADD CONSTRAINT ", ix->base.name);
	put(e, " EXCLUDE");
	if (ix->method && strcmp(ix->method, "btree") != 0)
		sd_buf_printf(e->out, " USING %s", ix->method);
	put(e, " ");
	sd_emit_index_keys(e->out, &sd_dialect_postgres, ix,
	                   SD_KEYS_PAREN_EXPRS | SD_KEYS_QUOTED_COLLATION);
	index_parameters(e, &ix->include, &ix->storage);
	if (ix->where.sql) {
		put(e, " WHERE (");
		sd_pg_put_expr(e->out, ix->where.sql);
		put(e, ")");
	}
	sd_emit_deferrable(e->out, ix->deferrable, ix->initially_deferred);
	put(e, ";\n");
	if (ix->comment)
		comment_on_object(e, op->table, &ix->base, ix->comment);
	backing_index_comment(e, op->table, &ix->base);
}

static void create_index(pg_emit *e, const sd_op *op, const sd_index *ix)
{
	if (ix->exclusion) {
		add_exclusion(e, op, ix);
		return;
	}
	sd_buf_printf(e->out, "CREATE %sINDEX %s", ix->unique ? "UNIQUE " : "",
	              (op->hazards & SD_HAZARD_NO_TRANSACTION)
	                  ? "CONCURRENTLY "
	                  : "");
	ident(e, ix->base.name);
	put(e, " ON ");
	table_name(e, op->table);
	if (ix->method && strcmp(ix->method, "btree") != 0)
		sd_buf_printf(e->out, " USING %s", ix->method);
	put(e, " ");
	sd_emit_index_keys(e->out, &sd_dialect_postgres, ix,
	                   SD_KEYS_PAREN_EXPRS | SD_KEYS_QUOTED_COLLATION);
	if (ix->include.n) {
		put(e, " INCLUDE (");
		columns(e, &ix->include);
		put(e, ")");
	}
	if (ix->nulls_not_distinct)
		put(e, " NULLS NOT DISTINCT");
	with_options(e, &ix->storage.with);
	if (ix->storage.tablespace) {
		put(e, " TABLESPACE ");
		ident(e, ix->storage.tablespace);
	}
	if (ix->where.sql) {
		put(e, " WHERE ");
		sd_pg_put_expr(e->out, ix->where.sql);
	}
	put(e, ";\n");
	if (ix->comment)
		comment_on_object(e, op->table, &ix->base, ix->comment);
}

/*
 * The start of a DO block that recreates type `oldq` (quoted, qualified)
 * under its columns: the checks and indexes that depend on the type are
 * dropped and kept, with their comments, in `deps`, which
 * sd_pg_emit_type_block_end runs again once the new type has the name.
 * Declares r, saved, deps and i for sd_pg_emit_convert_columns.
 */
void sd_pg_emit_type_block_start(pg_emit *e, const char *oldq)
{
	sd_buf lit = SD_BUF_INIT;

	sd_quote_literal_std(&lit, oldq);
	sd_buf_printf(e->out,
		"DO $schemadiff$\n"
		"DECLARE\n"
		"    r record;\n"
		"    saved text[] := '{}';\n"
		"    deps text[] := '{}';\n"
		"    i integer;\n"
		"BEGIN\n"
		"    -- checks and indexes holding values of the old type would compare\n"
		"    -- the converted column with them: set them aside until the end\n"
		"    FOR r IN SELECT format('ALTER TABLE %%s DROP CONSTRAINT %%I', k.conrelid::regclass, k.conname) AS undo,\n"
		"                    format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', k.conrelid::regclass, k.conname,\n"
		"                           pg_get_constraintdef(k.oid)) AS redo,\n"
		"                    format('COMMENT ON CONSTRAINT %%I ON %%s IS %%L', k.conname, k.conrelid::regclass,\n"
		"                           obj_description(k.oid, 'pg_constraint')) AS note\n"
		"             FROM pg_constraint k\n"
		"             WHERE k.contype = 'c' AND k.conrelid <> 0 AND k.oid IN (SELECT objid FROM pg_depend\n"
		"                 WHERE classid = 'pg_constraint'::regclass AND refclassid = 'pg_type'::regclass\n"
		"                   AND refobjid IN (%s::regtype, (SELECT typarray FROM pg_type WHERE oid = %s::regtype)))\n"
		"             UNION ALL\n"
		"             SELECT format('DROP INDEX %%s', x.indexrelid::regclass), pg_get_indexdef(x.indexrelid),\n"
		"                    format('COMMENT ON INDEX %%s IS %%L', x.indexrelid::regclass,\n"
		"                           obj_description(x.indexrelid, 'pg_class'))\n"
		"             FROM pg_index x\n"
		"             WHERE x.indexrelid IN (SELECT objid FROM pg_depend\n"
		"                 WHERE classid = 'pg_class'::regclass AND refclassid = 'pg_type'::regclass\n"
		"                   AND refobjid IN (%s::regtype, (SELECT typarray FROM pg_type WHERE oid = %s::regtype)))\n"
		"               AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid\n"
		"                                  AND k.contype IN ('p', 'u', 'x'))\n"
		"    LOOP\n"
		"        EXECUTE r.undo;\n"
		"        deps := deps || r.redo;\n"
		"        IF r.note IS NOT NULL THEN\n"
		"            deps := deps || r.note;\n"
		"        END IF;\n"
		"    END LOOP;\n",
		sd_buf_cstr(&lit), sd_buf_cstr(&lit), sd_buf_cstr(&lit),
		sd_buf_cstr(&lit));
	sd_buf_free(&lit);
}

void sd_pg_emit_type_block_end(pg_emit *e)
{
	put(e,
	       "    FOR i IN 1 .. coalesce(array_length(deps, 1), 0) LOOP\n"
	       "        EXECUTE deps[i];\n"
	       "    END LOOP;\n"
	       "END\n"
	       "$schemadiff$;\n");
}

/*
 * Values cannot be removed from or reordered in an enum, so the type is
 * rebuilt (HARD-PARTS): a new type, every column using the old one cast
 * through text with its default dropped and put back, the old type dropped
 * and the new one renamed. The columns are found in the catalog when the
 * revision runs, so columns the models do not know about come along too.
 */
static void recreate_enum(pg_emit *e, const sd_enum *en,
                          const char *without)
{
	sd_buf tmpname = SD_BUF_INIT;
	sd_buf oldq = SD_BUF_INIT, newq = SD_BUF_INIT;
	size_t i;
	bool first = true;

	sd_buf_printf(&tmpname, "%s__sd_new", en->base.name);
	if (strlen(sd_buf_cstr(&tmpname)) > PG_MAX_IDENT && !e->too_long)
		e->too_long = en->base.name;
	qualified(&oldq, en->base.schema, en->base.name);
	qualified(&newq, en->base.schema, sd_buf_cstr(&tmpname));
	put(e, "CREATE TYPE ");
	put(e, sd_buf_cstr(&newq));
	put(e, " AS ENUM (");
	for (i = 0; i < en->values.n; i++) {
		if (without && strcmp(en->values.items[i], without) == 0)
			continue;
		put(e, first ? "" : ", ");
		first = false;
		sd_quote_literal_std(e->out, en->values.items[i]);
	}
	put(e, ");\n");
	sd_pg_emit_type_block_start(e, sd_buf_cstr(&oldq));
	sd_pg_emit_convert_columns(e, sd_buf_cstr(&oldq), sd_buf_cstr(&newq),
	                           en->base.name, true);
	sd_pg_emit_type_block_end(e);
	if (en->comment) {
		put(e, "COMMENT ON TYPE ");
		put(e, sd_buf_cstr(&oldq));
		put(e, " IS ");
		sd_quote_literal_std(e->out, en->comment);
		put(e, ";\n");
	}
	sd_buf_free(&tmpname);
	sd_buf_free(&oldq);
	sd_buf_free(&newq);
}

static const char *object_name(const sd_table *t, const sd_object *o,
                               sd_buf *tmp)
{
	if (o->kind == SD_OBJ_PRIMARY_KEY)
		return pk_name(t, (const sd_primary_key *)o, tmp);
	return o->name;
}

static int emit_body(pg_emit *e, const sd_op *op, sd_error *err)
{
	const sd_table *t = op->table;
	sd_buf tmp = SD_BUF_INIT;
	int rc = SD_OK;

	switch (op->kind) {
	case SD_OP_CREATE_NAMESPACE:
	case SD_OP_DROP_NAMESPACE: {
		const char *name = op->kind == SD_OP_CREATE_NAMESPACE
		                       ? op->name_new
		                       : op->name_old;
		const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
		if (!name)
			name = op->name_new ? op->name_new : op->name_old;
		if (!name && o)
			name = o->name;
		put(e, op->kind == SD_OP_CREATE_NAMESPACE ? "CREATE SCHEMA "
		                                          : "DROP SCHEMA ");
		ident(e, name);
		put(e, ";\n");
		break;
	}
	case SD_OP_CREATE_ENUM: {
		const sd_enum *en = (const sd_enum *)op->obj_new;
		size_t i;
		put(e, "CREATE TYPE ");
		qname(e, en->base.schema, en->base.name);
		put(e, " AS ENUM (");
		for (i = 0; i < en->values.n; i++) {
			put(e, i ? ", " : "");
			sd_quote_literal_std(e->out, en->values.items[i]);
		}
		put(e, ");\n");
		if (en->comment) {
			put(e, "COMMENT ON TYPE ");
			qname(e, en->base.schema, en->base.name);
			put(e, " IS ");
			sd_quote_literal_std(e->out, en->comment);
			put(e, ";\n");
		}
		break;
	}
	case SD_OP_DROP_ENUM: {
		const sd_object *o = op->obj_old;
		put(e, "DROP TYPE ");
		qname(e, o->schema, o->name);
		put(e, ";\n");
		break;
	}
	case SD_OP_ADD_ENUM_VALUE: {
		/* Runs inside a transaction since PostgreSQL 12, but the new
		 * label cannot be used before that transaction commits. */
		const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
		const char *value = op->name_new ? op->name_new : op->name_old;
		put(e, "ALTER TYPE ");
		qname(e, o->schema, o->name);
		put(e, " ADD VALUE ");
		sd_quote_literal_std(e->out, value);
		if (op->value_anchor) {
			put(e, op->anchor_before ? " BEFORE " : " AFTER ");
			sd_quote_literal_std(e->out, op->value_anchor);
		}
		put(e, ";\n");
		break;
	}
	case SD_OP_DROP_ENUM_VALUE: {
		/* Whichever side the enum is on, the label named by the op is
		 * the one to leave out. */
		const sd_enum *en = (const sd_enum *)(op->obj_new ? op->obj_new
		                                                  : op->obj_old);
		const char *value = op->name_old ? op->name_old : op->name_new;
		recreate_enum(e, en, value);
		break;
	}
	case SD_OP_RECREATE_ENUM:
		recreate_enum(e, (const sd_enum *)op->obj_new, NULL);
		break;
	case SD_OP_RENAME_ENUM_VALUE:
		/* the rows holding the label keep it under its new name */
		put(e, "ALTER TYPE ");
		qname(e, op->obj_new->schema, op->obj_new->name);
		put(e, " RENAME VALUE ");
		sd_quote_literal_std(e->out, op->name_old);
		put(e, " TO ");
		sd_quote_literal_std(e->out, op->name_new);
		put(e, ";\n");
		break;
	case SD_OP_CREATE_TABLE:
		if (op->obj_old && op->obj_old->kind == SD_OBJ_TABLE &&
		    op_parent(op)) {
			rc = create_beside_default(e, op, err);
			break;
		}
		rc = create_table(e, op->table_new ? op->table_new : t, err);
		break;
	case SD_OP_DROP_TABLE:
		put(e, "DROP TABLE ");
		table_name(e, op->table_old ? op->table_old : t);
		put(e, ";\n");
		break;
	case SD_OP_RENAME_TABLE: {
		const sd_table *from = op->table_old, *to = op->table_new, *cols;
		size_t i;
		if (!sd_streq(from->base.schema, to->base.schema)) {
			alter_ident(e, from, "SET SCHEMA ",
			            to->base.schema ? to->base.schema
			                            : sd_namespace_default());
			put(e, ";\n");
		}
		if (!sd_streq(from->base.name, to->base.name)) {
			put(e, "ALTER TABLE ");
			qname(e, to->base.schema, from->base.name);
			put(e, " RENAME TO ");
			ident(e, to->base.name);
			put(e, ";\n");
		}
		/* the identity sequences follow the table: named after its
		 * columns as they are when this runs, before the plan's
		 * column renames in an upgrade (`from`'s names) and after
		 * their inverses in a downgrade (`to`'s) */
		cols = op->inverted ? to : from;
		for (i = 0; i < cols->ncolumns; i++)
			sd_pg_emit_identity_follow(e, from, cols->columns[i], to,
			                           cols->columns[i]);
		break;
	}
	case SD_OP_REBUILD_TABLE:
		rc = sd_pg_emit_recreate(e, op, err);
		break;
	case SD_OP_ADD_COLUMN:
		add_column(e, t, op->column_new);
		break;
	case SD_OP_DROP_COLUMN:
		drop_column(e, t, op->column_old->base.name);
		break;
	case SD_OP_RENAME_COLUMN:
		alter_ident(e, t, "RENAME COLUMN ", op->column_old->base.name);
		put(e, " TO ");
		ident(e, op->column_new->base.name);
		put(e, ";\n");
		sd_pg_emit_identity_follow(e, t, op->column_old, t,
		                           op->column_new);
		break;
	case SD_OP_ALTER_COLUMN:
		emit_alter_column(e, op);
		break;
	case SD_OP_ADD_CONSTRAINT:
		alter_table(e, t);
		put(e, "ADD ");
		rc = constraint_def(e, t, op->obj_new, false, err);
		put(e, ";\n");
		if (sd_object_comment(op->obj_new))
			comment_on_object(e, t, op->obj_new,
			                  sd_object_comment(op->obj_new));
		backing_index_comment(e, t, op->obj_new);
		break;
	case SD_OP_DROP_CONSTRAINT:
		alter_ident(e, t, "DROP CONSTRAINT ",
		            object_name(t, op->obj_old, &tmp));
		put(e, ";\n");
		break;
	case SD_OP_RENAME_CONSTRAINT:
		alter_ident(e, t, "RENAME CONSTRAINT ",
		            object_name(t, op->obj_old, &tmp));
		put(e, " TO ");
		sd_buf_truncate(&tmp, 0);
		ident(e, object_name(t, op->obj_new, &tmp));
		put(e, ";\n");
		break;
	case SD_OP_CREATE_INDEX:
		create_index(e, op, (const sd_index *)op->obj_new);
		break;
	case SD_OP_DROP_INDEX:
		if (((const sd_index *)op->obj_old)->exclusion) {
			alter_ident(e, t, "DROP CONSTRAINT ",
			            op->obj_old->name);
			put(e, ";\n");
			break;
		}
		sd_buf_printf(e->out, "DROP INDEX %s",
		              (op->hazards & SD_HAZARD_NO_TRANSACTION)
		                  ? "CONCURRENTLY "
		                  : "");
		qname(e, t ? t->base.schema : op->obj_old->schema,
		      op->obj_old->name);
		put(e, ";\n");
		break;
	case SD_OP_RENAME_INDEX:
		if (((const sd_index *)op->obj_old)->exclusion) {
			alter_ident(e, t, "RENAME CONSTRAINT ",
			            op->obj_old->name);
			put(e, " TO ");
			ident(e, op->obj_new->name);
			put(e, ";\n");
			break;
		}
		if (op->name_old && t && t->partition_of) {
			partition_copy_rename(e, op);
			break;
		}
		put(e, "ALTER INDEX ");
		qname(e, t ? t->base.schema : op->obj_old->schema,
		      op->obj_old->name);
		put(e, " RENAME TO ");
		ident(e, op->obj_new->name);
		put(e, ";\n");
		break;
	case SD_OP_CREATE_OBJECT:
	case SD_OP_DROP_OBJECT:
		if (sd_obj_is_logic(op->obj_new ? op->obj_new : op->obj_old))
			rc = sd_pg_emit_logic(e->out, op, err);
		else
			rc = sd_pg_emit_object_op(e, op, err);
		break;
	case SD_OP_REPLACE_OBJECT:
		rc = sd_pg_emit_logic(e->out, op, err);
		break;
	case SD_OP_SET_COMMENT: {
		const sd_column *c = op->column_new ? op->column_new
		                                    : op->column_old;
		const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
		if (o && sd_pg_logic_comment(e->out, o, op->name_new))
			break;
		if (o)
			comment_on_object(e, t, o, op->name_new);
		else if (c)
			comment_on(e, "COLUMN", t, c->base.name, op->name_new);
		else
			comment_on(e, "TABLE", t, NULL, op->name_new);
		break;
	}
	case SD_OP_BACKFILL: {
		const sd_column *c = op->column_new ? op->column_new
		                                    : op->column_old;
		put(e, "UPDATE ");
		table_name(e, t);
		put(e, " SET ");
		ident(e, c->base.name);
		sd_buf_printf(e->out, " = %s WHERE ",
		              sd_column_x(c)->backfill ? sd_column_x(c)->backfill : "NULL");
		ident(e, c->base.name);
		put(e, " IS NULL;\n");
		break;
	}
	case SD_OP_VALIDATE_CONSTRAINT: {
		const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;
		alter_ident(e, t, "VALIDATE CONSTRAINT ",
		            object_name(t, o, &tmp));
		put(e, ";\n");
		break;
	}
	case SD_OP_ALTER_OBJECT:
		if (op->obj_new && op->obj_new->kind == SD_OBJ_TABLE) {
			sd_pg_emit_table_settings(e, op);
			break;
		}
		if (op->obj_new && op->obj_new->kind == SD_OBJ_VIEW) {
			sd_pg_emit_view_settings(e, op);
			break;
		}
		/* fall through */
	case SD_OP_ATTACH_PARTITION:
	case SD_OP_DETACH_PARTITION:
	case SD_OP_INHERIT:
	case SD_OP_NO_INHERIT:
		rc = sd_pg_emit_object_op(e, op, err);
		break;
	case SD_OP_NOOP:
		break;
	default:
		rc = sd_error_set(err, SD_EINPUT,
		                  "PostgreSQL: cannot emit operation %s",
		                  sd_op_kind_name(op->kind));
		break;
	}
	sd_buf_free(&tmp);
	return rc;
}

/*
 * Appends the statements of op. On error (a name over 63 bytes, an
 * operation PostgreSQL does not need) nothing is appended.
 */
static int pg_emit_op(sd_buf *out, const sd_op *op, sd_error *err)
{
	pg_emit e;
	size_t start = out->len;
	int rc;

	memset(&e, 0, sizeof(e));
	e.out = out;
	e.op = op;
	rc = emit_body(&e, op, err);
	if (rc == SD_OK && e.too_long)
		rc = sd_error_add(err, SD_EINPUT, NULL, 0, 0, e.too_long,
		                  "identifier is %zu bytes long; PostgreSQL "
		                  "allows %d and would silently truncate it",
		                  strlen(e.too_long), PG_MAX_IDENT);
	if (rc == SD_OK && e.virtual_column)
		rc = sd_error_add(err, SD_EINPUT, NULL, 0, 0, e.virtual_column,
		                  "PostgreSQL 15 has no VIRTUAL generated "
		                  "columns: leave out 'virtual' (STORED)");
	if (rc != SD_OK)
		sd_buf_truncate(out, start);
	return rc;
}

const sd_dialect sd_dialect_postgres = {
	.name = "postgresql", .caps = &sd_caps_postgres,
	.quote_ident = sd_quote_ident_std, .quote_literal = sd_quote_literal_std,
	.type_sql = pg_type_sql, .emit_op = pg_emit_op,
	.begin_sql = "BEGIN;", .commit_sql = "COMMIT;", .op_lock = sd_pg_op_lock,
	.emit_online = sd_pg_emit_online, .prologue = sd_pg_logic_prologue,
};
