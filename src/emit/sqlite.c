/*
 * emit/sqlite.c - the SQLite dialect: quoting, type names and one emitter
 * per plan operation.
 *
 * SQLite's ALTER TABLE can rename tables and columns, add a plain column
 * and drop one. Everything else (column types, NOT NULL, defaults,
 * constraints) is the documented table rebuild, which the differ plans as
 * SD_OP_REBUILD_TABLE; an in-place ALTER reaching this file is an error
 * saying so. Unique constraints are unique indexes here
 * (caps.unique_as_index): that is the only kind ALTER can add later.
 */
#include "emit/dialect.h"

#include <ctype.h>
#include <string.h>

/*
 * Portable type -> declared SQLite type. The declared names are chosen so
 * that introspection maps them back to the same portable type, and so
 * that SQLite's affinity rules give the expected storage (VARCHAR -> TEXT
 * affinity, NUMERIC(p,s) -> NUMERIC, BOOLEAN -> NUMERIC, REAL -> REAL).
 */
static const char *const sqlite_types[SD_T__COUNT] = {
	[SD_T_RAW] = "",
	[SD_T_FLOAT] = "FLOAT",
	[SD_T_BINARY] = "BLOB",
	[SD_T_ENUM] = "TEXT",
};

static void sqlite_type_sql(sd_buf *out, const sd_type *t)
{
	sd_emit_type(out, t, sqlite_types);
}

/* ------------------------------------------------------------------ */
/* Pieces                                                              */
/* ------------------------------------------------------------------ */

static void quote(sd_buf *out, const char *name)
{
	sd_quote_ident_std(out, name);
}


/* Case-insensitive whole-text match. */
static bool text_is(const char *s, const char *word)
{
	while (isspace((unsigned char)*s))
		s++;
	while (*word && toupper((unsigned char)*s) == *word) {
		s++;
		word++;
	}
	while (isspace((unsigned char)*s))
		s++;
	return !*word && !*s;
}

/* A literal SQLite accepts after DEFAULT without parentheses. A text that
 * starts with a string is one: the catalog keeps what followed DEFAULT,
 * and an expression there has its parentheses. */
static bool is_default_literal(const char *s)
{
	sd_lexer lx;
	sd_token t;

	sd_lex_init(&lx, s, strlen(s), SD_SQL_SQLITE, 0);
	if (sd_lex_next(&lx, &t) && t.kind == SD_TOK_STRING)
		return true;
	return sd_sql_is_literal(s, SD_SQL_SQLITE) ||
	       text_is(s, "CURRENT_TIME") || text_is(s, "CURRENT_DATE") ||
	       text_is(s, "CURRENT_TIMESTAMP");
}

/* DEFAULT accepts literals as they are and expressions in parentheses:
 *     "'active'" -> 'active'      "lower('X')" -> (lower('X')) */
static void put_default(sd_buf *out, const char *sql)
{
	if (is_default_literal(sql) ||
	    sd_sql_is_parenthesized(sql, SD_SQL_SQLITE))
		sd_buf_put(out, sql);
	else
		sd_buf_printf(out, "(%s)", sql);
}

/* ALTER TABLE ADD COLUMN takes only constant defaults. */
static bool is_constant_default(const char *sql)
{
	return is_default_literal(sql) && !text_is(sql, "CURRENT_TIME") &&
	       !text_is(sql, "CURRENT_DATE") &&
	       !text_is(sql, "CURRENT_TIMESTAMP");
}

/* The column that becomes the rowid alias, or NULL: a one-column integer
 * key that autoincrements. */
static const sd_column *rowid_alias(const sd_table *t)
{
	const sd_column *c;

	if (!t->primary_key || t->primary_key->columns.n != 1)
		return NULL;
	c = sd_table_find_column(t, t->primary_key->columns.items[0]);
	if (!c || !c->autoincrement ||
	    sd_strlist_contains(&t->primary_key->desc, c->base.name))
		return NULL; /* DESC on the column would make it none */
	if (sd_type_is_integer(c->type.kind) ||
	    (c->type.kind == SD_T_RAW && c->type.name &&
	     text_is(c->type.name, "INTEGER")))
		return c;
	return NULL;
}

/* The column of a one-column key written DESC that does not
 * autoincrement: its key goes on it (INTEGER PRIMARY KEY DESC is no
 * rowid alias, where PRIMARY KEY ("id" DESC) at table level is one). */
static const sd_column *inline_desc_key(const sd_table *t)
{
	const sd_column *c;

	if (!t->primary_key || t->primary_key->columns.n != 1 ||
	    !sd_strlist_contains(&t->primary_key->desc,
	                         t->primary_key->columns.items[0]))
		return NULL;
	c = sd_table_find_column(t, t->primary_key->columns.items[0]);
	return c && !c->autoincrement ? c : NULL;
}

/* The declared type: what the database declared when the column came
 * from one (taken literally), else the portable type's SQLite name. */
static void put_column_type(sd_buf *out, const sd_column *c)
{
	if (c->type_sql && *c->type_sql)
		sd_buf_put(out, c->type_sql);
	else
		sqlite_type_sql(out, &c->type);
}

/* "CONSTRAINT "name" ", or nothing for a constraint the database left
 * unnamed. */
static void put_constraint_name(sd_buf *out, const sd_object *o)
{
	if (o->unnamed)
		return;
	sd_buf_put(out, "CONSTRAINT ");
	quote(out, o->name);
	sd_buf_putc(out, ' ');
}

/* The models' integer column of a one-column key that does not
 * autoincrement (autoincrement: false, or a default of its own). */
static bool plain_integer_key(const sd_table *t, const sd_column *c)
{
	return !c->type_sql && c->type.kind == SD_T_INTEGER &&
	       !c->autoincrement && !t->without_rowid && t->primary_key &&
	       t->primary_key->columns.n == 1 &&
	       sd_streq(t->primary_key->columns.items[0], c->base.name);
}

/* " CONSTRAINT "name"" before a column attribute the text named. */
static void put_attr_name(sd_buf *out, const sd_column *c,
                          sd_column_attr attr)
{
	const char *name = sd_column_attr_name(c, attr);

	if (!name)
		return;
	sd_buf_put(out, " CONSTRAINT ");
	quote(out, name);
}

/* "[CONSTRAINT "pk"] PRIMARY KEY[ DESC][ ON CONFLICT r]" on a column */
static void put_inline_key(sd_buf *out, const sd_primary_key *pk, bool desc)
{
	if (pk->base.name)
		put_constraint_name(out, &pk->base);
	sd_buf_put(out, desc ? "PRIMARY KEY DESC" : "PRIMARY KEY");
	if (pk->on_conflict)
		sd_buf_printf(out, " ON CONFLICT %s", pk->on_conflict);
}

/*
 * The column's attributes after its type, in the order its CREATE text
 * had them (sd_column.sqlite_order): [NOT NULL [ON CONFLICT r] | NULL]
 * [DEFAULT x] [COLLATE c] [GENERATED ALWAYS AS (e) VIRTUAL|STORED].
 * not_null: whether NOT NULL is written at all.
 */
static void put_column_attrs(sd_buf *out, const sd_column *c, bool not_null)
{
	const char *o = sd_column_x(c)->sqlite_order ? sd_column_x(c)->sqlite_order : "NDCG";

	for (; *o; o++) {
		switch (*o) {
		case 'N':
		case 'n':
			if (not_null || (*o == 'n' && c->nullable))
				put_attr_name(out, c, SD_ATTR_NOT_NULL);
			if (not_null) {
				sd_buf_put(out, " NOT NULL");
				if (sd_column_x(c)->not_null_conflict)
					sd_buf_printf(out, " ON CONFLICT %s",
					              sd_column_x(c)->not_null_conflict);
			} else if (*o == 'n' && c->nullable) {
				sd_buf_put(out, " NULL");
			}
			break;
		case 'D':
			if (c->default_value.sql)
				put_attr_name(out, c, SD_ATTR_DEFAULT);
			if (c->default_value.sql) {
				sd_buf_put(out, " DEFAULT ");
				put_default(out, c->default_value.sql);
			}
			break;
		case 'C':
			if (sd_column_x(c)->collation)
				put_attr_name(out, c, SD_ATTR_COLLATE);
			if (sd_column_x(c)->collation) {
				sd_buf_put(out, " COLLATE ");
				sd_emit_collation(out, &sd_dialect_sqlite,
				                  sd_column_x(c)->collation);
			}
			break;
		case 'G':
			if (sd_column_x(c)->generated.sql)
				put_attr_name(out, c, SD_ATTR_GENERATED);
			if (sd_column_x(c)->generated.sql)
				sd_buf_printf(out,
				              " GENERATED ALWAYS AS (%s) %s",
				              sd_column_x(c)->generated.sql,
				              sd_column_x(c)->generated_virtual ? "VIRTUAL"
				                                   : "STORED");
			break;
		default:
			break;
		}
	}
}

/* "name" TYPE [PRIMARY KEY] attributes (put_column_attrs) */
static void put_column_def(sd_buf *out, const sd_table *t,
                           const sd_column *c, bool rowid_key)
{
	bool not_null = !c->nullable && !c->key_nullable;

	quote(out, c->base.name);
	if (rowid_key) {
		/* exactly INTEGER, or it is no rowid alias */
		sd_buf_put(out, " INTEGER ");
		put_inline_key(out, t->primary_key, false);
		if (c->autoincrement_keyword)
			sd_buf_put(out, " AUTOINCREMENT");
		/* the rowid is never NULL: NOT NULL is written only for
		 * its conflict clause */
		not_null = !c->nullable && sd_column_x(c)->not_null_conflict;
	} else if (c == inline_desc_key(t)) {
		sd_buf_putc(out, ' ');
		put_column_type(out, c);
		sd_buf_putc(out, ' ');
		put_inline_key(out, t->primary_key, true);
	} else if (plain_integer_key(t, c)) {
		/* only the exact type INTEGER makes a key the rowid alias,
		 * which autoincrements: a natural key is declared INT */
		sd_buf_put(out, " INT");
	} else {
		size_t before = out->len;
		sd_buf_putc(out, ' ');
		put_column_type(out, c);
		if (out->len == before + 1)
			sd_buf_truncate(out, before); /* no declared type */
	}
	put_column_attrs(out, c, not_null);
}

/* CREATE VIRTUAL TABLE "name" USING module(arguments as written) */
static void put_create_virtual(sd_buf *out, const sd_table *t)
{
	sd_buf_put(out, "CREATE VIRTUAL TABLE ");
	quote(out, t->base.name);
	sd_buf_printf(out, " USING %s;\n", t->sqlite_using);
}

/* CREATE TABLE "name" (...) for t, with every inline constraint. */
static void put_create_table(sd_buf *out, const sd_table *t,
                             const char *name)
{
	const sd_column *alias = rowid_alias(t);
	size_t i, k;

	sd_buf_put(out, "CREATE TABLE ");
	quote(out, name);
	sd_buf_put(out, " (");
	for (i = 0; i < t->ncolumns; i++) {
		sd_buf_put(out, i ? ",\n    " : "\n    ");
		put_column_def(out, t, t->columns[i], t->columns[i] == alias);
	}
	if (t->primary_key && !alias && !inline_desc_key(t) &&
	    t->primary_key->columns.n) {
		/* the name survives in the CREATE text only: compared
		 * between two databases only (not caps.named_primary_keys) */
		sd_buf_put(out, ",\n    ");
		if (t->primary_key->base.name)
			put_constraint_name(out, &t->primary_key->base);
		sd_buf_put(out, "PRIMARY KEY (");
		for (k = 0; k < t->primary_key->columns.n; k++) {
			const char *col = t->primary_key->columns.items[k];
			if (k)
				sd_buf_put(out, ", ");
			quote(out, col);
			if (sd_strlist_contains(&t->primary_key->desc, col))
				sd_buf_put(out, " DESC");
		}
		sd_buf_putc(out, ')');
		if (t->primary_key->on_conflict)
			sd_buf_printf(out, " ON CONFLICT %s",
			              t->primary_key->on_conflict);
	}
	/* an index that backs an inline UNIQUE only exists that way */
	for (i = 0; i < t->nindexes; i++) {
		const sd_index *ix = t->indexes[i];
		if (!ix->constraint_backed)
			continue;
		sd_buf_put(out, ",\n    ");
		put_constraint_name(out, &ix->base);
		sd_buf_put(out, "UNIQUE (");
		for (k = 0; k < ix->nkeys; k++) {
			if (k)
				sd_buf_put(out, ", ");
			quote(out, ix->keys[k].column ? ix->keys[k].column
			                              : "");
		}
		sd_buf_putc(out, ')');
		if (ix->on_conflict)
			sd_buf_printf(out, " ON CONFLICT %s", ix->on_conflict);
	}
	for (i = 0; i < t->nchecks; i++) {
		sd_buf_put(out, ",\n    ");
		put_constraint_name(out, &t->checks[i]->base);
		sd_buf_printf(out, "CHECK (%s)",
		              t->checks[i]->expression.sql
		                  ? t->checks[i]->expression.sql
		                  : "");
		if (t->checks[i]->on_conflict)
			sd_buf_printf(out, " ON CONFLICT %s",
			              t->checks[i]->on_conflict);
	}
	for (i = 0; i < t->nforeign_keys; i++) {
		const sd_foreign_key *fk = t->foreign_keys[i];
		sd_foreign_key local = *fk;
		/* SQLite resolves references within the same database */
		local.ref_schema = NULL;
		sd_buf_put(out, ",\n    ");
		put_constraint_name(out, &fk->base);
		sd_buf_put(out, "FOREIGN KEY (");
		sd_emit_column_list(out, &sd_dialect_sqlite, &fk->columns);
		sd_buf_putc(out, ')');
		sd_emit_fk_references(out, &sd_dialect_sqlite, &local);
	}
	sd_buf_put(out, "\n)");
	if (t->strict)
		sd_buf_put(out, t->without_rowid ? " STRICT, WITHOUT ROWID"
		                                 : " STRICT");
	else if (t->without_rowid)
		sd_buf_put(out, " WITHOUT ROWID");
	sd_buf_put(out, ";\n");
}

static void put_unique_index(sd_buf *out, const char *table,
                             const sd_unique *u)
{
	sd_buf_put(out, "CREATE UNIQUE INDEX ");
	quote(out, u->base.name);
	sd_buf_put(out, " ON ");
	quote(out, table);
	sd_buf_put(out, " (");
	sd_emit_column_list(out, &sd_dialect_sqlite, &u->columns);
	sd_buf_put(out, ");\n");
}

static void put_index(sd_buf *out, const char *table, const sd_index *ix)
{
	sd_buf_put(out, ix->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
	quote(out, ix->base.name);
	sd_buf_put(out, " ON ");
	quote(out, table);
	sd_buf_putc(out, ' ');
	sd_emit_index_keys(out, &sd_dialect_sqlite, ix, 0);
	if (ix->where.sql)
		sd_buf_printf(out, " WHERE %s", ix->where.sql);
	sd_buf_put(out, ";\n");
}

/* The unique constraints (as unique indexes) and the indexes of t that
 * live outside its CREATE TABLE. */
static void put_table_indexes(sd_buf *out, const sd_table *t,
                              const char *table)
{
	size_t i;

	for (i = 0; i < t->nuniques; i++)
		put_unique_index(out, table, t->uniques[i]);
	for (i = 0; i < t->nindexes; i++)
		if (!t->indexes[i]->constraint_backed)
			put_index(out, table, t->indexes[i]);
}

static void put_drop_index(sd_buf *out, const char *name)
{
	sd_buf_put(out, "DROP INDEX ");
	quote(out, name);
	sd_buf_put(out, ";\n");
}

static const char *table_name(const sd_op *op)
{
	if (op->table)
		return op->table->base.name;
	if (op->table_old)
		return op->table_old->base.name;
	return op->table_new ? op->table_new->base.name : "?";
}

static int needs_rebuild(const sd_op *op, sd_error *err, const char *what)
{
	return sd_error_add(err, SD_EINPUT, NULL, 0, 0, table_name(op),
	                    "SQLite cannot %s in place: it needs a table "
	                    "rebuild",
	                    what);
}

/* ------------------------------------------------------------------ */
/* Rebuild                                                             */
/* ------------------------------------------------------------------ */

/*
 * The old column whose values fill new column c: the one c was renamed
 * from, the one renamed to c (the downgrade of a rename), or the one of
 * the same name. NULL for a new column, which takes its default.
 */
static const sd_column *rebuild_source(const sd_table *old,
                                       const sd_column *c)
{
	const sd_column *src;
	size_t i;

	if (sd_column_x(c)->renamed_from && (src = sd_table_find_column(old, sd_column_x(c)->renamed_from)))
		return src;
	for (i = 0; i < old->ncolumns; i++)
		if (sd_streq(sd_column_x(old->columns[i])->renamed_from, c->base.name))
			return old->columns[i];
	return sd_table_find_column(old, c->base.name);
}

/* ALTER TABLE "table" <verb>"a"[ TO "b"];  (b NULL: no TO) */
static void put_alter(sd_buf *out, const char *table, const char *verb,
                      const char *a, const char *b)
{
	sd_buf_put(out, "ALTER TABLE ");
	quote(out, table);
	sd_buf_put(out, verb);
	quote(out, a);
	if (b) {
		sd_buf_put(out, " TO ");
		quote(out, b);
	}
	sd_buf_put(out, ";\n");
}

static void put_rename_column(sd_buf *out, const char *table,
                              const char *from, const char *to)
{
	put_alter(out, table, " RENAME COLUMN ", from, to);
}

/*
 * Renames that travel with a rebuild are done first, in place: SQLite's
 * own RENAME rewrites the foreign keys of other tables, the views and the
 * triggers that name the table or column, which a copy under the new name
 * would leave pointing at nothing. A swap (a -> b, b -> a) goes through
 * temporary names. Returns the table's name after the renames.
 */
static const char *put_rebuild_renames(sd_buf *out, sd_arena *a,
                                       const sd_table *from,
                                       const sd_table *to)
{
	const char *name = from->base.name;
	const char **src, **dst;
	size_t i, n = 0;
	bool clash = false;

	if (!sd_streq(from->base.name, to->base.name)) {
		put_alter(out, from->base.name, " RENAME TO ", to->base.name,
		          NULL);
		name = to->base.name;
	}
	src = sd_arena_alloc(a, (to->ncolumns + 1) * sizeof(*src));
	dst = sd_arena_alloc(a, (to->ncolumns + 1) * sizeof(*dst));
	for (i = 0; i < to->ncolumns; i++) {
		const sd_column *c = to->columns[i];
		const sd_column *old = rebuild_source(from, c);
		if (!old || sd_streq(old->base.name, c->base.name))
			continue;
		src[n] = old->base.name;
		dst[n] = c->base.name;
		if (sd_table_find_column(from, c->base.name))
			clash = true;
		n++;
	}
	for (i = 0; i < n; i++) {
		if (!clash) {
			put_rename_column(out, name, src[i], dst[i]);
			continue;
		}
		put_rename_column(out, name, src[i],
		                  sd_arena_printf(a, "_sd_tmp_%zu", i));
	}
	for (i = 0; clash && i < n; i++)
		put_rename_column(out, name,
		                  sd_arena_printf(a, "_sd_tmp_%zu", i), dst[i]);
	return name;
}

/*
 * SQLite's documented rebuild ("Making Other Kinds Of Table Schema
 * Changes"), inside the revision's transaction, with foreign keys off on
 * the connection (the runner checks them before COMMIT):
 *
 *     ALTER TABLE "t" RENAME COLUMN "old_b" TO "b";   -- renames first
 *     CREATE TABLE "_sd_new_t" (... the new definition ...);
 *     INSERT INTO "_sd_new_t" ("a", "b") SELECT "a", "b" FROM "t";
 *     DROP TABLE "t";
 *     PRAGMA legacy_alter_table = ON;
 *     ALTER TABLE "_sd_new_t" RENAME TO "t";
 *     PRAGMA legacy_alter_table = OFF;
 *     CREATE INDEX ...;
 *
 * Values are copied as they are, never through CAST: the new column's
 * affinity decides, so 12.5 stays 12.5. legacy_alter_table keeps the
 * final rename from re-parsing views that name the table while it is
 * gone, and keeps other tables' foreign keys pointing at "t". The views
 * and triggers that use the table are the plan's own operations: dropped
 * before the rebuild and created again after it, in dependency order
 * (diff/depend.c), as the target has them.
 */
/* True when t's rowid alias is declared AUTOINCREMENT. */
static bool autoincrement_table(const sd_table *t)
{
	const sd_column *alias = rowid_alias(t);

	return alias && alias->autoincrement_keyword && !t->without_rowid;
}

/*
 * Keeps an AUTOINCREMENT counter across a rebuild: DROP TABLE deletes the
 * old table's sqlite_sequence row and the copy gives the new table only
 * max(rowid), so ids deleted at the top would be handed out again. The
 * new table's row takes the larger of both (the RENAME that follows
 * renames the row too):
 *     UPDATE sqlite_sequence SET seq = (SELECT max(seq) ... IN ('t',
 *         '_sd_new_t')) WHERE name = '_sd_new_t';
 *     INSERT INTO sqlite_sequence (name, seq) SELECT '_sd_new_t', seq
 *         FROM sqlite_sequence WHERE name = 't' AND NOT EXISTS (...);
 */
static void put_sequence_carry(sd_buf *out, const char *old,
                               const char *tmp)
{
	sd_buf_put(out, "UPDATE sqlite_sequence SET seq = (SELECT max(seq) "
	                "FROM sqlite_sequence WHERE name IN (");
	sd_quote_literal_std(out, old);
	sd_buf_put(out, ", ");
	sd_quote_literal_std(out, tmp);
	sd_buf_put(out, ")) WHERE name = ");
	sd_quote_literal_std(out, tmp);
	sd_buf_put(out, ";\nINSERT INTO sqlite_sequence (name, seq) SELECT ");
	sd_quote_literal_std(out, tmp);
	sd_buf_put(out, ", seq FROM sqlite_sequence WHERE name = ");
	sd_quote_literal_std(out, old);
	sd_buf_put(out, " AND NOT EXISTS (SELECT 1 FROM sqlite_sequence "
	                "WHERE name = ");
	sd_quote_literal_std(out, tmp);
	sd_buf_put(out, ");\n");
}

static int emit_rebuild(sd_buf *out, const sd_op *op, sd_error *err)
{
	const sd_table *from = op->table_old, *to = op->table_new;
	sd_buf cols = SD_BUF_INIT, vals = SD_BUF_INIT;
	const char *tmp, *cur;
	sd_arena *a;
	size_t i, n = 0;

	if (!from || !to)
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, table_name(op),
		                    "table rebuild without both table states");
	if (from->sqlite_using || to->sqlite_using) {
		/* a virtual table's module keeps its rows: it is made
		 * anew (an external-content index is rebuilt by its
		 * module's 'rebuild' command, not here) */
		sd_buf_put(out, "DROP TABLE ");
		quote(out, from->base.name);
		sd_buf_put(out, ";\n");
		if (to->sqlite_using)
			put_create_virtual(out, to);
		else
			put_create_table(out, to, to->base.name);
		return SD_OK;
	}
	a = sd_arena_new();
	cur = put_rebuild_renames(out, a, from, to);
	tmp = sd_arena_printf(a, "_sd_new_%s", to->base.name);
	put_create_table(out, to, tmp);
	for (i = 0; i < to->ncolumns; i++) {
		const sd_column *c = to->columns[i];
		/* after the renames the source has the new name */
		bool has_src = rebuild_source(from, c) != NULL;
		if (sd_column_x(c)->generated.sql)
			continue;
		if (!has_src && !sd_column_x(c)->backfill)
			continue; /* new: takes its default */
		if (n++) {
			sd_buf_put(&cols, ", ");
			sd_buf_put(&vals, ", ");
		}
		quote(&cols, c->base.name);
		if (has_src && sd_column_x(c)->backfill) {
			sd_buf_put(&vals, "coalesce(");
			quote(&vals, c->base.name);
			sd_buf_printf(&vals, ", %s)", sd_column_x(c)->backfill);
		} else if (has_src) {
			quote(&vals, c->base.name);
		} else {
			sd_buf_printf(&vals, "(%s)", sd_column_x(c)->backfill);
		}
	}
	if (n) {
		sd_buf_put(out, "INSERT INTO ");
		quote(out, tmp);
		sd_buf_printf(out, " (%s)\n    SELECT %s FROM ",
		              sd_buf_cstr(&cols), sd_buf_cstr(&vals));
		quote(out, cur);
		sd_buf_put(out, ";\n");
	}
	if (autoincrement_table(to))
		put_sequence_carry(out, cur, tmp);
	sd_buf_put(out, "DROP TABLE ");
	quote(out, cur);
	sd_buf_put(out, ";\nPRAGMA legacy_alter_table = ON;\nALTER TABLE ");
	quote(out, tmp);
	sd_buf_put(out, " RENAME TO ");
	quote(out, to->base.name);
	sd_buf_put(out, ";\nPRAGMA legacy_alter_table = OFF;\n");
	put_table_indexes(out, to, to->base.name);
	sd_buf_free(&cols);
	sd_buf_free(&vals);
	sd_arena_free(a);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Operations                                                          */
/* ------------------------------------------------------------------ */

static int emit_add_column(sd_buf *out, const sd_op *op, sd_error *err)
{
	const sd_column *c = op->column_new;
	const char *t = table_name(op);
	const char *def = c->default_value.sql;

	if (op->table && op->table->primary_key &&
	    sd_strlist_contains(&op->table->primary_key->columns,
	                        c->base.name))
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, t,
		                    "SQLite cannot add primary key column '%s' "
		                    "in place: it needs a table rebuild",
		                    c->base.name);
	if (sd_column_x(c)->generated.sql && !sd_column_x(c)->generated_virtual)
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, t,
		                    "SQLite cannot add STORED generated column "
		                    "'%s' in place: it needs a table rebuild",
		                    c->base.name);
	if (def && !is_constant_default(def))
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, t,
		                    "SQLite cannot add column '%s' with the "
		                    "non-constant default %s: it needs a table "
		                    "rebuild",
		                    c->base.name, def);
	if (!c->nullable && (!def || text_is(def, "NULL")))
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, t,
		                    "SQLite cannot add NOT NULL column '%s' "
		                    "without a non-NULL constant default: give "
		                    "it a default or a backfill",
		                    c->base.name);
	sd_buf_put(out, "ALTER TABLE ");
	quote(out, t);
	sd_buf_put(out, " ADD COLUMN ");
	put_column_def(out, op->table, c, false);
	sd_buf_put(out, ";\n");
	return SD_OK;
}

static int emit_constraint(sd_buf *out, const sd_op *op, sd_error *err)
{
	const sd_object *o = op->kind == SD_OP_ADD_CONSTRAINT ? op->obj_new
	                                                     : op->obj_old;

	if (!o || o->kind != SD_OBJ_UNIQUE) {
		const char *what =
			op->kind == SD_OP_ADD_CONSTRAINT ? "add a constraint"
			: op->kind == SD_OP_DROP_CONSTRAINT
			    ? "drop a constraint"
			    : "rename a constraint";
		return needs_rebuild(op, err, what);
	}
	/* unique constraints are unique indexes here */
	if (op->kind != SD_OP_ADD_CONSTRAINT)
		put_drop_index(out, op->obj_old->name);
	if (op->kind != SD_OP_DROP_CONSTRAINT) {
		if (!op->obj_new || op->obj_new->kind != SD_OBJ_UNIQUE)
			return needs_rebuild(op, err, "rename a constraint");
		put_unique_index(out, table_name(op),
		                 (const sd_unique *)op->obj_new);
	}
	return SD_OK;
}

static int emit_index_op(sd_buf *out, const sd_op *op, sd_error *err)
{
	const sd_index *oldix = (const sd_index *)op->obj_old;
	const sd_index *newix = (const sd_index *)op->obj_new;

	/* The index of an inline UNIQUE comes and goes with its table's
	 * CREATE TABLE (or rebuild); it has no statement of its own. */
	if (op->kind == SD_OP_CREATE_INDEX && newix && newix->constraint_backed)
		return SD_OK;
	if (op->kind == SD_OP_DROP_INDEX && oldix && oldix->constraint_backed)
		return SD_OK;
	if (op->kind == SD_OP_RENAME_INDEX &&
	    ((oldix && oldix->constraint_backed) ||
	     (newix && newix->constraint_backed)))
		return needs_rebuild(op, err,
		                     "rename the index of an inline UNIQUE "
		                     "constraint");
	if ((newix && newix->exclusion) || (oldix && oldix->exclusion))
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0,
		                    (newix ? newix : oldix)->base.name,
		                    "SQLite has no exclusion constraints");
	if (op->kind != SD_OP_CREATE_INDEX) {
		if (!oldix)
			goto bad;
		put_drop_index(out, oldix->base.name);
	}
	if (op->kind != SD_OP_DROP_INDEX) {
		if (!newix)
			goto bad;
		put_index(out, table_name(op), newix);
	}
	return SD_OK;
bad:
	return sd_error_add(err, SD_EINPUT, NULL, 0, 0, table_name(op),
	                    "%s without its index", sd_op_kind_name(op->kind));
}

static int sqlite_emit_op(sd_buf *out, const sd_op *op, sd_error *err)
{
	switch (op->kind) {
	case SD_OP_CREATE_NAMESPACE:
	case SD_OP_DROP_NAMESPACE:
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, op->name_new
		                                        ? op->name_new
		                                        : op->name_old,
		                    "SQLite has no schemas (namespaces)");
	case SD_OP_CREATE_ENUM:
	case SD_OP_DROP_ENUM:
	case SD_OP_ADD_ENUM_VALUE:
	case SD_OP_DROP_ENUM_VALUE:
	case SD_OP_RENAME_ENUM_VALUE:
	case SD_OP_RECREATE_ENUM:
	case SD_OP_SET_COMMENT:
	case SD_OP_VALIDATE_CONSTRAINT:
	case SD_OP_NOOP:
		/* enums are TEXT and there are no comments: nothing to do */
		return SD_OK;
	case SD_OP_CREATE_TABLE: {
		/* Indexes follow as their own CREATE_INDEX ops (the differ
		 * turns uniques into those too); a unique constraint still
		 * on the table can only be a unique index here. */
		const sd_table *t = op->table_new ? op->table_new : op->table;
		size_t i;
		if (t->sqlite_using) {
			put_create_virtual(out, t);
			return SD_OK;
		}
		if (!t->ncolumns)
			return sd_error_add(err, SD_EINPUT, NULL, 0, 0,
			                    t->base.name,
			                    "SQLite has no tables without "
			                    "columns");
		put_create_table(out, t, t->base.name);
		for (i = 0; i < t->nuniques; i++)
			put_unique_index(out, t->base.name, t->uniques[i]);
		return SD_OK;
	}
	case SD_OP_DROP_TABLE:
		sd_buf_put(out, "DROP TABLE ");
		quote(out, op->table_old ? op->table_old->base.name
		                         : table_name(op));
		sd_buf_put(out, ";\n");
		return SD_OK;
	case SD_OP_RENAME_TABLE:
		put_alter(out, op->table_old->base.name, " RENAME TO ",
		          op->table_new->base.name, NULL);
		return SD_OK;
	case SD_OP_REBUILD_TABLE:
		return emit_rebuild(out, op, err);
	case SD_OP_ADD_COLUMN:
		return emit_add_column(out, op, err);
	case SD_OP_DROP_COLUMN:
		put_alter(out, table_name(op), " DROP COLUMN ",
		          op->column_old->base.name, NULL);
		return SD_OK;
	case SD_OP_RENAME_COLUMN:
		put_rename_column(out, table_name(op), op->column_old->base.name,
		                  op->column_new->base.name);
		return SD_OK;
	case SD_OP_ALTER_COLUMN:
		if ((op->changes & ~(unsigned)SD_CHANGE_COMMENT) == 0)
			return SD_OK;
		return needs_rebuild(op, err, "alter a column");
	case SD_OP_ADD_CONSTRAINT:
	case SD_OP_DROP_CONSTRAINT:
	case SD_OP_RENAME_CONSTRAINT:
		return emit_constraint(out, op, err);
	case SD_OP_CREATE_INDEX:
	case SD_OP_DROP_INDEX:
	case SD_OP_RENAME_INDEX:
		return emit_index_op(out, op, err);
	case SD_OP_CREATE_OBJECT:
	case SD_OP_DROP_OBJECT:
	case SD_OP_REPLACE_OBJECT:
		return sd_sqlite_emit_logic(out, op, err);
	case SD_OP_BACKFILL: {
		const sd_column *c = op->column_new ? op->column_new
		                                    : op->column_old;
		if (!c || !sd_column_x(c)->backfill)
			return SD_OK;
		sd_buf_put(out, "UPDATE ");
		quote(out, table_name(op));
		sd_buf_put(out, " SET ");
		quote(out, c->base.name);
		sd_buf_printf(out, " = %s WHERE ", sd_column_x(c)->backfill);
		quote(out, c->base.name);
		sd_buf_put(out, " IS NULL;\n");
		return SD_OK;
	}
	default:
		return sd_error_add(err, SD_EINPUT, NULL, 0, 0, table_name(op),
		                    "operation %s has no SQLite form",
		                    sd_op_kind_name(op->kind));
	}
}

const sd_dialect sd_dialect_sqlite = {
	.name = "sqlite", .caps = &sd_caps_sqlite,
	.quote_ident = sd_quote_ident_std, .quote_literal = sd_quote_literal_std,
	.type_sql = sqlite_type_sql, .emit_op = sqlite_emit_op,
	.begin_sql = "BEGIN;", .commit_sql = "COMMIT;", .op_lock = sd_sqlite_op_lock,
};
