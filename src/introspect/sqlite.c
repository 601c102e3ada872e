/*
 * introspect/sqlite.c - SQLite catalog -> sd_schema.
 *
 * pg_dump style: one bulk query per object kind over every table at once
 * (the pragma table-valued functions joined with sqlite_schema), merged
 * client-side through hash maps. Never one query per table: that is what
 * made other tools quadratic at thousands of tables.
 *
 * What the pragmas do not report (constraint names, CHECK bodies, column
 * collations, generated expressions, index expressions and predicates) only
 * exists in the CREATE text kept in sqlite_schema.sql, which sqlite_ddl.c
 * reads.
 */
#include "introspect/sqlite_ddl.h"
#include "model/logic.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Catalog                                                             */
/* ------------------------------------------------------------------ */

/* One managed table while it is being assembled. */
typedef struct table_info {
	sd_table *table;
	sd_ddl_table parsed;
	bool cols_done; /* columns read from the text: no pragma row */
	/* WITHOUT ROWID columns read from the pragma: those the text
	 * declares NOT NULL (the pragma says so of every key column) */
	sd_strlist declared_nn;
	sd_vec pk_columns; /* sd_column*, indexed by pk ordinal - 1 */
	size_t npk;
} table_info;

/* An index while its key rows are being collected. */
typedef struct index_group {
	table_info *ti;
	const char *name;
	const char *origin;
	bool unique;
	bool partial;
	sd_vec keys; /* sd_index_key* */
} index_group;

/* A foreign key while its column rows are being collected. */
typedef struct fk_group {
	table_info *ti;
	int id;
	sd_foreign_key *fk;
	bool ref_pk; /* REFERENCES t without columns: the parent's key */
} fk_group;

/* An index row of sqlite_schema, kept until the columns are known. */
typedef struct index_src {
	const char *name;
	const char *table;
	const char *sql; /* NULL for an autoindex */
} index_src;

typedef struct ctx {
	sqlite3 *conn;
	sd_schema *s;
	sd_arena *a;   /* the schema's: what the schema keeps */
	/* Everything else: the parsed CREATE texts, table_infos, lookup
	 * maps. Freed when the read ends, so the live schema holds no
	 * parser garbage while the models and the differ need memory. */
	sd_arena *tmp;
	const sd_introspect_opts *opts;
	sd_map *tables;      /* name -> table_info* (managed tables only) */
	sd_map *types;       /* declared type -> its one copy in the schema */
	sd_map *index_sql;   /* index name -> CREATE INDEX text */
	sd_vec index_srcs;   /* index_src*, in sqlite_schema order */
	sd_map *index_done;  /* index name -> non-NULL: read from its text */
	sd_map *shadows;     /* shadow table name -> non-NULL */
	index_group index;
	fk_group fk;
	sd_vec implicit_fks; /* sd_foreign_key* that need the parent's PK */
	sd_error *err;
} ctx;

static bool table_skipped(const ctx *c, const char *name)
{
	return strncasecmp(name, "sqlite_", 7) == 0 ||
	       sd_table_is_ignored(NULL, name, c->opts->version_table,
	                           c->opts->ignore);
}

static void progress(const ctx *c, const char *what, size_t done,
                     size_t total)
{
	if (c->opts && c->opts->progress)
		c->opts->progress(c->opts->progress_ctx, what, done, total);
}

/* Column text as an arena string; NULL stays NULL. */
static const char *col_text(ctx *c, sqlite3_stmt *st, int i)
{
	return sd_arena_strdup(c->a, (const char *)sqlite3_column_text(st, i));
}

/* A string of the parse (c->tmp) that the schema keeps. */
/* A DEFAULT NULL is no default: NULL for "NULL", "(null)" and the like. */
static const char *no_null(const char *dflt)
{
	const char *p = dflt, *end;

	if (!p)
		return NULL;
	end = p + strlen(p);
	while (p < end && (*p == '(' || *p == ' '))
		p++;
	while (end > p && (end[-1] == ')' || end[-1] == ' '))
		end--;
	return end - p == 4 && strncasecmp(p, "null", 4) == 0 ? NULL : dflt;
}

static const char *keep(ctx *c, const char *s)
{
	return sd_arena_strdup(c->a, s);
}

/* A declared type the schema keeps: a few spellings serve every column
 * ("INTEGER", "VARCHAR(255)"), so each is kept once. */
static const char *keep_type(ctx *c, const char *decl)
{
	const char *kept = sd_map_get(c->types, decl);

	if (!kept) {
		kept = keep(c, decl);
		sd_map_put(c->types, kept, (void *)kept);
	}
	return kept;
}

typedef int (*row_fn)(ctx *c, sqlite3_stmt *st);

/* Runs one catalog query with ?1 bound to param (when not NULL), calling
 * fn for every row. */
static int each_row_with(ctx *c, const char *sql, const char *param,
                         row_fn fn)
{
	sqlite3_stmt *st = NULL;
	int rc = SD_OK, src;

	if (sqlite3_prepare_v2(c->conn, sql, -1, &st, NULL) != SQLITE_OK ||
	    (param && sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC) !=
	                  SQLITE_OK)) {
		rc = sd_error_set(c->err, SD_ERUNTIME,
		                  "sqlite: reading the catalog: %s",
		                  sqlite3_errmsg(c->conn));
		goto done;
	}
	while ((src = sqlite3_step(st)) == SQLITE_ROW) {
		rc = fn(c, st);
		if (rc != SD_OK)
			goto done;
	}
	if (src != SQLITE_DONE)
		rc = sd_error_set(c->err, SD_ERUNTIME,
		                  "sqlite: reading the catalog: %s",
		                  sqlite3_errmsg(c->conn));
done:
	sqlite3_finalize(st);
	return rc;
}

static int each_row(ctx *c, const char *sql, row_fn fn)
{
	return each_row_with(c, sql, NULL, fn);
}

/*
 * What the texts left to the pragmas: with json_each, only the tables in
 * rest (a JSON array, malloc'ed, freed here) through the query of_tables;
 * without it, every table through all.
 */
static int each_row_left(ctx *c, bool json, char *rest, const char *all,
                         const char *of_tables, row_fn fn)
{
	int rc = SD_OK;

	if (!json)
		rc = each_row(c, all, fn);
	else if (strcmp(rest, "[]") != 0)
		rc = each_row_with(c, of_tables, rest, fn);
	free(rest);
	return rc;
}

/* The CONSTRAINT names of col's attributes the CREATE text gave
 * (sd_column.sqlite_names), kept in the schema's arena; NULL for none. */
static const char *const *attr_names(ctx *c, const sd_ddl_table *p,
                                     const char *column)
{
	const char *const *from = sd_map_get(p->attr_names, column);
	const char **names;
	int i;

	if (!from)
		return NULL;
	names = sd_arena_alloc(c->a, SD_ATTR__COUNT * sizeof(*names));
	for (i = 0; i < SD_ATTR__COUNT; i++)
		names[i] = keep(c, from[i]);
	return names;
}

/* Records col as the pk-th (1-based) primary key column of ti. */
static void pk_column(ctx *c, table_info *ti, sd_column *col, int pk)
{
	if (pk <= 0)
		return;
	while (ti->pk_columns.n < (size_t)pk)
		sd_vec_push(c->tmp, &ti->pk_columns, NULL);
	ti->pk_columns.items[pk - 1] = col;
	ti->npk++;
}

/*
 * Makes ti's columns from its parsed CREATE TABLE text when the text was
 * fully understood, exactly as column_row would from pragma_table_xinfo
 * (whose per-table statement is most of the catalog's cost), and marks
 * the table done. Otherwise leaves it to the pragma.
 */
static void columns_from_text(ctx *c, table_info *ti)
{
	sd_ddl_table *p = &ti->parsed;
	size_t i, k, matched = 0;
	const char *const *names;
	void *v;

	if (p->cols_bad || p->ncols == 0)
		goto done;
	for (i = 0; i < p->ncols; i++) {
		if (p->cols[i].pk && p->pk_list.n > 0)
			goto done;
		for (k = 0; k < p->pk_list.n; k++)
			if (sd_strieq(p->pk_list.items[k], p->cols[i].name))
				matched++;
	}
	if (matched != p->pk_list.n)
		goto done;
	for (i = 0; i < p->ncols; i++) {
		const sd_ddl_column *pc = &p->cols[i];
		sd_column *col = sd_table_add_column(c->s, ti->table, pc->name);
		int pk = pc->pk ? 1 : 0;
		col->type_sql = keep_type(c, pc->type);
		sd_sqlite_type_from_decl(c->a, col->type_sql, &col->type);
		col->nullable = !pc->notnull;
		col->default_value.sql = keep(c, no_null(pc->dflt));
		if ((v = sd_map_get(p->collations, col->base.name)))
			sd_column_xw(c->a, col)->collation = keep(c, v);
		if ((v = sd_map_get(p->orders, col->base.name)))
			sd_column_xw(c->a, col)->sqlite_order = keep(c, v);
		if ((names = attr_names(c, p, col->base.name)))
			sd_column_xw(c->a, col)->sqlite_names = names;
		if (col->default_value.sql &&
		    (v = sd_map_get(p->paren_defaults, col->base.name)))
			col->default_value.sql = keep(c, v);
		for (k = 0; k < p->pk_list.n; k++)
			if (sd_strieq(p->pk_list.items[k], pc->name))
				pk = (int)k + 1;
		pk_column(c, ti, col, pk);
	}
	ti->cols_done = true;
done:
	for (i = 0; !ti->cols_done && p->without_rowid && i < p->ncols; i++)
		if (p->cols[i].notnull)
			sd_strlist_push(c->tmp, &ti->declared_nn,
			                p->cols[i].name);
	free(p->cols);
	p->cols = NULL;
	p->ncols = p->capcols = 0;
}

static bool index_from_text(ctx *c, table_info *ti, const index_src *src);

static int object_row(ctx *c, sqlite3_stmt *st)
{
	/* SQLite's own text, valid until the next step: copied only where
	 * kept (a table's CREATE text is not, once parsed) */
	const char *type = (const char *)sqlite3_column_text(st, 0);
	const char *name = (const char *)sqlite3_column_text(st, 1);
	const char *tbl = (const char *)sqlite3_column_text(st, 2);
	const char *sql = (const char *)sqlite3_column_text(st, 3);

	if (!type || !name)
		return SD_OK;
	if (strcmp(type, "index") == 0 && sql && tbl) {
		/* Nearly always: the index of a table read just before, whose
		 * columns its text gave. Read it now, from SQLite's text,
		 * and keep nothing of the row. */
		table_info *ti = sd_map_get(c->tables, tbl);
		index_src now = {name, tbl, sql};
		if (ti && ti->cols_done && index_from_text(c, ti, &now)) {
			sd_table *t = ti->table;
			sd_map_put(c->index_done,
			           t->indexes[t->nindexes - 1]->base.name, ti);
			return SD_OK;
		}
	}
	if (strcmp(type, "table") != 0) {
		/* an index's text is parsed later and dropped; a view's or a
		 * trigger's is kept */
		sd_arena *a = strcmp(type, "index") == 0 ? c->tmp : c->a;
		name = sd_arena_strdup(a, name);
		tbl = sd_arena_strdup(a, tbl);
		sql = sd_arena_strdup(a, sql);
	}
	if (strcmp(type, "table") == 0) {
		table_info *ti;
		if (table_skipped(c, name))
			return SD_OK;
		/* a virtual table's shadow tables are the module's */
		if (sd_map_get(c->shadows, name))
			return SD_OK;
		if (sql && strncasecmp(sql, "CREATE VIRTUAL", 14) == 0) {
			const char *using_ =
				sd_sqlite_virtual_using(c->a, sql);
			if (!using_) {
				sd_unmanaged *u = sd_schema_add_unmanaged(
					c->s, "virtual table", NULL, name);
				u->definition = sd_arena_strdup(c->a, sql);
				return SD_OK;
			}
			ti = sd_arena_alloc(c->tmp, sizeof(*ti));
			ti->table = sd_schema_add_table(c->s, NULL, name);
			ti->table->sqlite_using = using_;
			ti->cols_done = true; /* the module's */
			sd_map_put(c->tables, ti->table->base.name, ti);
			return SD_OK;
		}
		ti = sd_arena_alloc(c->tmp, sizeof(*ti));
		ti->table = sd_schema_add_table(c->s, NULL, name);
		sd_sqlite_parse_table(c->tmp, sql, &ti->parsed);
		sd_map_put(c->tables, ti->table->base.name, ti);
		columns_from_text(c, ti);
	} else if (strcmp(type, "view") == 0) {
		sd_unmanaged *u;
		if (table_skipped(c, name) || sd_sqlite_read_view(c->s, name, sql))
			return SD_OK;
		u = sd_schema_add_unmanaged(c->s, "view", NULL, name);
		u->definition = sql;
	} else if (strcmp(type, "index") == 0) {
		index_src *src = sd_arena_alloc(c->tmp, sizeof(*src));
		if (sql)
			sd_map_put(c->index_sql, name, (void *)sql);
		src->name = name;
		src->table = tbl;
		src->sql = sql;
		sd_vec_push(c->tmp, &c->index_srcs, src);
	} else if (strcmp(type, "trigger") == 0) {
		if (tbl && !table_skipped(c, tbl) &&
		    !sd_sqlite_read_trigger(c->s, name, tbl, sql)) {
			sd_unmanaged *u = sd_schema_add_unmanaged(
				c->s, "trigger", NULL, name);
			u->table = tbl;
			u->definition = sql;
		}
	}
	return SD_OK;
}

/* m.name, p.cid, p.name, p.type, p.notnull, p.dflt_value, p.pk, p.hidden */
static int column_row(ctx *c, sqlite3_stmt *st)
{
	table_info *ti = sd_map_get(c->tables,
	                            (const char *)sqlite3_column_text(st, 0));
	const char *decl;
	sd_column *col;
	int pk, hidden;
	const char *const *names;
	void *v;

	if (!ti || ti->cols_done)
		return SD_OK;
	hidden = sqlite3_column_int(st, 7);
	if (hidden == 1)
		return SD_OK; /* virtual table plumbing */
	col = sd_table_add_column(c->s, ti->table,
	                          (const char *)sqlite3_column_text(st, 2));
	decl = (const char *)sqlite3_column_text(st, 3);
	col->type_sql = keep_type(c, decl ? decl : "");
	sd_sqlite_type_from_decl(c->a, col->type_sql, &col->type);
	col->nullable = sqlite3_column_int(st, 4) == 0;
	col->default_value.sql = no_null(col_text(c, st, 5));
	if ((v = sd_map_get(ti->parsed.collations, col->base.name)))
		sd_column_xw(c->a, col)->collation = keep(c, v);
	if ((v = sd_map_get(ti->parsed.orders, col->base.name)))
		sd_column_xw(c->a, col)->sqlite_order = keep(c, v);
	if ((names = attr_names(c, &ti->parsed, col->base.name)))
		sd_column_xw(c->a, col)->sqlite_names = names;
	if (col->default_value.sql &&
	    (v = sd_map_get(ti->parsed.paren_defaults, col->base.name)))
		col->default_value.sql = keep(c, v);
	if (hidden == 2 || hidden == 3) {
		sd_column_ext *x = sd_column_xw(c->a, col);
		x->generated.sql = keep(c, sd_map_get(ti->parsed.generated,
		                                      col->base.name));
		x->generated_virtual = hidden == 2;
	}
	pk = sqlite3_column_int(st, 6);
	pk_column(c, ti, col, pk);
	return SD_OK;
}

/* Builds each table's primary key, checks and unique constraints that
 * are known once columns are in. */
static void finish_tables(ctx *c)
{
	size_t i, k, nunnamed;
	const char *nn;

	for (i = 0; i < c->s->ntables; i++) {
		sd_table *t = c->s->tables[i];
		table_info *ti = sd_map_get(c->tables, t->base.name);
		sd_ddl_table *p = &ti->parsed;

		if (ti->npk > 0) {
			sd_primary_key *pk =
				sd_table_set_primary_key(c->s, t, p->pk_name);
			for (k = 0; k < ti->pk_columns.n; k++) {
				sd_column *col = ti->pk_columns.items[k];
				if (!col)
					continue;
				sd_strlist_push(c->a, &pk->columns,
				                col->base.name);
				/* a WITHOUT ROWID key refuses NULL whatever
				 * it declares; the column says what it
				 * declares (the pragma says NOT NULL) */
				if (p->without_rowid && !ti->cols_done)
					col->nullable = !sd_strlist_contains(
						&ti->declared_nn,
						col->base.name);
			}
			for (k = 0; k < p->pk_desc.n; k++)
				sd_strlist_push(c->a, &pk->desc,
				                keep(c, p->pk_desc.items[k]));
			/* INTEGER PRIMARY KEY is the rowid alias: it
			 * autoincrements, whatever else is declared;
			 * INTEGER PRIMARY KEY DESC on the column is not */
			if (ti->npk == 1 && !p->without_rowid &&
			    !p->pk_inline_desc &&
			    ti->pk_columns.items[0] &&
			    sd_strieq(((sd_column *)ti->pk_columns.items[0])
			                  ->type_sql,
			              "INTEGER")) {
				sd_column *alias = ti->pk_columns.items[0];
				alias->nullable = false; /* the rowid */
				alias->autoincrement = true;
				alias->autoincrement_keyword = p->autoinc_kw;
			}
			pk->on_conflict = p->pk_conflict;
		}
		t->without_rowid = p->without_rowid;
		t->strict = p->strict;
		for (k = 0; k < t->ncolumns && p->nn_conflicts; k++)
			if ((nn = sd_map_get(p->nn_conflicts,
			                     t->columns[k]->base.name)))
				sd_column_xw(c->a, t->columns[k])
					->not_null_conflict = nn;
		/* unnamed checks are numbered among themselves, so that
		 * a table rebuilt with them (named ones in any order)
		 * reads back under the same names */
		for (k = 0, nunnamed = 0; k < p->checks.n; k++) {
			sd_ddl_check *pc = p->checks.items[k];
			const char *name =
				pc->name ? pc->name
				         : sd_arena_printf(c->a, "ck_%s_%zu",
				                           t->base.name,
				                           ++nunnamed);
			sd_check *ck = sd_table_add_check(c->s, t, name);
			ck->base.unnamed = !pc->name;
			ck->expression.sql = keep(c, pc->expr);
			ck->on_conflict = pc->on_conflict;
		}
	}
}

/* "a_b_c" from a column list, for conventional names. */
static const char *joined(sd_arena *a, const sd_strlist *l)
{
	sd_buf b = SD_BUF_INIT;
	const char *s;
	size_t i;

	for (i = 0; i < l->n; i++)
		sd_buf_printf(&b, "%s%s", i ? "_" : "", l->items[i]);
	s = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return s;
}

static void finish_index(ctx *c, index_group *g)
{
	sd_table *t;
	sd_index *ix;
	const char *name = g->name, *on_conflict = NULL;
	bool unnamed = false;
	size_t k;

	if (!g->ti || !g->name)
		goto done;
	t = g->ti->table;
	if (sd_streq(g->origin, "pk"))
		goto done; /* the primary key itself */
	if (sd_streq(g->origin, "u")) {
		/* autoindex of an inline UNIQUE: named by its CONSTRAINT
		 * clause, else by the naming convention */
		sd_strlist cols = {NULL, 0};
		for (k = 0; k < g->keys.n; k++) {
			sd_index_key *key = g->keys.items[k];
			sd_strlist_push(c->tmp, &cols,
			                key->column ? key->column : "expr");
		}
		name = NULL;
		for (k = 0; k < g->ti->parsed.uniques.n; k++) {
			sd_ddl_unique *u = g->ti->parsed.uniques.items[k];
			if (!u->used && sd_strlist_iequal(&u->columns, &cols)) {
				u->used = true;
				name = u->name;
				on_conflict = u->on_conflict;
				break;
			}
		}
		if (!name) {
			name = sd_arena_printf(c->tmp, "uq_%s_%s",
			                       t->base.name, joined(c->tmp, &cols));
			unnamed = true;
		}
	}
	ix = sd_table_add_index(c->s, t, name);
	ix->base.unnamed = unnamed;
	ix->unique = g->unique;
	ix->constraint_backed = sd_streq(g->origin, "u");
	ix->on_conflict = on_conflict;
	ix->nkeys = g->keys.n;
	ix->keys = sd_arena_alloc(c->a, sizeof(sd_index_key) *
	                                    (g->keys.n ? g->keys.n : 1));
	for (k = 0; k < g->keys.n; k++)
		ix->keys[k] = *(sd_index_key *)g->keys.items[k];
	if (sd_streq(g->origin, "c")) {
		sd_ddl_index p;
		sd_sqlite_parse_index(c->a, sd_map_get(c->index_sql, g->name), &p);
		for (k = 0; k < ix->nkeys && k < p.keys.n; k++) {
			if (!ix->keys[k].column)
				ix->keys[k].expression.sql = p.keys.items[k];
			ix->keys[k].collation = p.collations.items[k];
			ix->keys[k].asc = p.ascs.items[k] != NULL;
		}
		if (g->partial)
			ix->where.sql = p.where;
	}
done:
	memset(g, 0, sizeof(*g));
}

/*
 * The fast path for a CREATE INDEX whose every key is a plain column name
 * (optionally with COLLATE and ASC/DESC), which is nearly every index:
 * builds the index from its text alone, exactly as the pragmas would
 * describe it, and returns true. Anything else (expressions, rowid,
 * string-literal keys, an unknown column) returns false and is left to
 * pragma_index_xinfo, whose per-index statement is what made the catalog
 * read cost a prepare per index.
 *     CREATE UNIQUE INDEX "uq" ON "t" ("a" COLLATE nocase, b DESC)
 */
static bool index_from_text(ctx *c, table_info *ti, const index_src *src)
{
	sd_tokens t;
	size_t i, open = 0, close, item, nkeys = 0;
	bool ok = true, unique;
	sd_index_key keys[64];
	sd_ddl_index p;
	sd_index *ix;

	sd_tokens_read(&t, src->sql, SD_SQL_SQLITE);
	unique = t.n > 1 && sd_tok_is(&t.v[1], "UNIQUE");
	if (!sd_sqlite_index_key_list(&t, &open) || !sd_tok_is(&t.v[0], "CREATE")) {
		ok = false;
		goto done;
	}
	close = sd_tokens_close(&t, open);
	item = open + 1;
	for (i = open + 1; ok && i <= close && i < t.n; i++) {
		size_t last, k;
		const char *id;
		sd_column *col = NULL;
		if (i != close && !(t.v[i].depth == 1 && sd_tok_is(&t.v[i], ",")))
			continue;
		last = i - 1;
		memset(&keys[nkeys], 0, sizeof(keys[nkeys]));
		if (last >= item && (sd_tok_is(&t.v[last], "ASC") ||
		                     sd_tok_is(&t.v[last], "DESC"))) {
			keys[nkeys].desc = sd_tok_is(&t.v[last], "DESC");
			keys[nkeys].asc = sd_tok_is(&t.v[last], "ASC");
			last--;
		}
		if (last > item && sd_tok_is(&t.v[last - 1], "COLLATE")) {
			keys[nkeys].collation = sd_tok_ident(c->a, &t.v[last], false);
			last -= 2;
		}
		if (last != item || nkeys == SD_ARRAY_LEN(keys) ||
		    !sd_tok_is_name(&t.v[item])) {
			ok = false;
			break;
		}
		id = sd_tok_ident(c->tmp, &t.v[item], false);
		for (k = 0; k < ti->table->ncolumns; k++) {
			if (!sd_strieq(ti->table->columns[k]->base.name, id))
				continue;
			if (col) { /* two columns differ only by case */
				ok = false;
				break;
			}
			col = ti->table->columns[k];
		}
		if (!col || !ok) {
			ok = false;
			break;
		}
		keys[nkeys++].column = col->base.name;
		item = i + 1;
	}
	if (!ok || nkeys == 0) {
		ok = false;
		goto done;
	}
	memset(&p, 0, sizeof(p));
	for (i = close + 1; i < t.n; i++)
		if (t.v[i].depth == 0 && sd_tok_is(&t.v[i], "WHERE")) {
			sd_sqlite_parse_index(c->a, src->sql, &p);
			break;
		}
	ix = sd_table_add_index(c->s, ti->table, src->name);
	ix->unique = unique;
	ix->nkeys = nkeys;
	ix->keys = sd_arena_alloc(c->a, sizeof(sd_index_key) * nkeys);
	memcpy(ix->keys, keys, sizeof(sd_index_key) * nkeys);
	ix->where.sql = p.where;
done:
	sd_tokens_free(&t);
	return ok;
}

/* Appends name to the JSON array being built in json ("[" already in). */
static void json_push_name(sd_buf *json, const char *name)
{
	const char *p;

	if (json->len > 1)
		sd_buf_putc(json, ',');
	sd_buf_putc(json, '"');
	for (p = name; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '"' || ch == '\\')
			sd_buf_printf(json, "\\%c", ch);
		else if (ch < 0x20)
			sd_buf_printf(json, "\\u%04x", ch);
		else
			sd_buf_putc(json, (char)ch);
	}
	sd_buf_putc(json, '"');
}

/*
 * Reads every CREATE INDEX it can from its text (index_from_text) and
 * returns, as a JSON array for json_each, the tables that still need the
 * pragmas: those with an autoindex (UNIQUE or PRIMARY KEY constraints) or
 * with an index the fast path declined. The caller frees the string.
 */
static char *indexes_from_text(ctx *c)
{
	sd_buf json = SD_BUF_INIT;
	sd_map *listed = sd_map_new(c->tmp, 16);
	size_t i;

	sd_buf_putc(&json, '[');
	for (i = 0; i < c->index_srcs.n; i++) {
		const index_src *src = c->index_srcs.items[i];
		table_info *ti = src->table ? sd_map_get(c->tables, src->table)
		                            : NULL;
		if (!ti)
			continue;
		if (src->sql && index_from_text(c, ti, src)) {
			sd_map_put(c->index_done, src->name, ti);
			continue;
		}
		if (sd_map_get(listed, src->table))
			continue;
		sd_map_put(listed, src->table, ti);
		json_push_name(&json, src->table);
	}
	sd_buf_putc(&json, ']');
	return sd_buf_detach(&json);
}

/* The tables whose columns the text did not give, as a JSON array for
 * json_each (columns_from_text). The caller frees the string. */
static char *columns_pending(ctx *c)
{
	sd_buf json = SD_BUF_INIT;
	size_t i;

	sd_buf_putc(&json, '[');
	for (i = 0; i < c->s->ntables; i++) {
		sd_table *t = c->s->tables[i];
		table_info *ti = sd_map_get(c->tables, t->base.name);
		if (ti && !ti->cols_done)
			json_push_name(&json, t->base.name);
	}
	sd_buf_putc(&json, ']');
	return sd_buf_detach(&json);
}

/* m.name, il.name, il.unique, il.origin, il.partial, ix.cid, ix.name,
 * ix.desc -- ordered by table, index, key position */
static int index_row(ctx *c, sqlite3_stmt *st)
{
	const char *tname = (const char *)sqlite3_column_text(st, 0);
	const char *iname = (const char *)sqlite3_column_text(st, 1);
	sd_index_key *key;
	int cid;

	if (c->index_done && iname && sd_map_get(c->index_done, iname))
		return SD_OK; /* already read from its CREATE INDEX text */

	if (!c->index.name || !sd_streq(c->index.name, iname) ||
	    !c->index.ti || !sd_streq(c->index.ti->table->base.name, tname)) {
		finish_index(c, &c->index);
		c->index.ti = sd_map_get(c->tables, tname);
		c->index.name = sd_arena_strdup(
			c->tmp, (const char *)sqlite3_column_text(st, 1));
		c->index.unique = sqlite3_column_int(st, 2) != 0;
		c->index.origin = sd_arena_strdup(
			c->tmp, (const char *)sqlite3_column_text(st, 3));
		c->index.partial = sqlite3_column_int(st, 4) != 0;
	}
	if (!c->index.ti)
		return SD_OK;
	key = sd_arena_alloc(c->tmp, sizeof(*key));
	cid = sqlite3_column_int(st, 5);
	if (cid == -1)
		key->column = "rowid";
	else if (cid >= 0)
		key->column = col_text(c, st, 6);
	key->desc = sqlite3_column_int(st, 7) != 0;
	sd_vec_push(c->tmp, &c->index.keys, key);
	return SD_OK;
}

static void finish_fk(ctx *c, fk_group *g)
{
	sd_foreign_key *f = g->fk;
	sd_ddl_table *p;
	const char *name = NULL;
	size_t k;

	if (!f)
		goto done;
	p = &g->ti->parsed;
	for (k = 0; k < p->fks.n; k++) {
		sd_ddl_fk *pf = p->fks.items[k];
		if (!pf->used && sd_strlist_iequal(&pf->columns, &f->columns) &&
		    sd_strieq(pf->ref_table, f->ref_table)) {
			pf->used = true;
			name = pf->name;
			f->deferrable = pf->deferrable;
			f->initially_deferred = pf->initially_deferred;
			f->update_first = pf->update_first;
			f->delete_written = pf->delete_written;
			f->update_written = pf->update_written;
			f->match_full = pf->match_full;
			f->match_simple = pf->match_simple;
			break;
		}
	}
	if (!name) {
		name = sd_arena_printf(c->tmp, "fk_%s_%s_%s",
		                       g->ti->table->base.name,
		                       joined(c->tmp, &f->columns), f->ref_table);
		f->base.unnamed = true;
	}
	f->base.name = keep(c, name);
	if (g->ref_pk)
		sd_vec_push(c->tmp, &c->implicit_fks, f);
done:
	memset(g, 0, sizeof(*g));
}

static sd_fk_action fk_action(const char *text)
{
	sd_fk_action a = SD_FK_NO_ACTION;

	if (text && sd_fk_action_parse(text, &a) != SD_OK)
		a = SD_FK_NO_ACTION;
	return a;
}

/* m.name, f.id, f.table, f.from, f.to, f.on_update, f.on_delete */
static int fk_row(ctx *c, sqlite3_stmt *st)
{
	const char *tname = (const char *)sqlite3_column_text(st, 0);
	int id = sqlite3_column_int(st, 1);
	const char *to;

	if (!c->fk.ti || c->fk.id != id ||
	    !sd_streq(c->fk.ti->table->base.name, tname)) {
		finish_fk(c, &c->fk);
		c->fk.ti = sd_map_get(c->tables, tname);
		c->fk.id = id;
		if (!c->fk.ti)
			return SD_OK;
		/* named in finish_fk, once its columns are known */
		c->fk.fk = sd_table_add_foreign_key(c->s, c->fk.ti->table, "");
		c->fk.fk->ref_table = col_text(c, st, 2);
		c->fk.fk->on_update = fk_action(
			(const char *)sqlite3_column_text(st, 5));
		c->fk.fk->on_delete = fk_action(
			(const char *)sqlite3_column_text(st, 6));
	}
	if (!c->fk.ti)
		return SD_OK;
	sd_strlist_push(c->a, &c->fk.fk->columns, col_text(c, st, 3));
	to = col_text(c, st, 4);
	if (to)
		sd_strlist_push(c->a, &c->fk.fk->ref_columns, to);
	else
		c->fk.ref_pk = true;
	return SD_OK;
}

/* REFERENCES parent (no columns) means the parent's primary key. */
static void resolve_implicit_fks(ctx *c)
{
	size_t i, k;

	for (i = 0; i < c->implicit_fks.n; i++) {
		sd_foreign_key *f = c->implicit_fks.items[i];
		table_info *parent = sd_map_get(c->tables, f->ref_table);
		f->ref_columns.n = 0;
		f->ref_implicit = true;
		if (!parent || !parent->table->primary_key)
			continue;
		for (k = 0; k < parent->table->primary_key->columns.n; k++)
			sd_strlist_push(c->a, &f->ref_columns,
			                parent->table->primary_key->columns
			                    .items[k]);
	}
}

/* The shadow tables of virtual tables (SQLite 3.37 and later; older
 * ones have no pragma_table_list, and then none are known). */
static const char *const q_shadows =
	"SELECT name FROM pragma_table_list WHERE schema = 'main' "
	"AND type = 'shadow'";

static int shadow_row(ctx *c, sqlite3_stmt *st)
{
	const char *name = (const char *)sqlite3_column_text(st, 0);

	if (name)
		sd_map_put(c->shadows, sd_arena_strdup(c->tmp, name),
		           (void *)1);
	return SD_OK;
}

/* Reads the shadow table names; a SQLite without the pragma has none. */
static void read_shadows(ctx *c)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(c->conn, q_shadows, -1, &st, NULL) !=
	    SQLITE_OK) {
		sqlite3_finalize(st);
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		shadow_row(c, st);
	sqlite3_finalize(st);
}

static const char *const q_objects =
	"SELECT type, name, tbl_name, sql FROM sqlite_schema "
	"ORDER BY rowid";
static const char *const q_columns =
	"SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, "
	"p.pk, p.hidden "
	"FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p "
	"WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	"AND coalesce(m.sql, '') NOT LIKE 'CREATE VIRTUAL%'";
/* The same for the tables listed in ?1 (a JSON array): see
 * columns_from_text. */
static const char *const q_columns_of =
	"SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, "
	"p.pk, p.hidden "
	"FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p "
	"WHERE m.type = 'table' AND m.name IN (SELECT value FROM "
	"json_each(?1))";
static const char *const q_indexes =
	"SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, "
	"ix.cid, ix.name, ix.\"desc\" "
	"FROM sqlite_schema AS m "
	"JOIN pragma_index_list(m.name) AS il "
	"JOIN pragma_index_xinfo(il.name) AS ix "
	"WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	"AND coalesce(m.sql, '') NOT LIKE 'CREATE VIRTUAL%' AND ix.key = 1 "
	"ORDER BY m.name, il.name, ix.seqno";
/* The same for the tables listed in ?1 (a JSON array): see
 * indexes_from_text. */
static const char *const q_indexes_of =
	"SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, "
	"ix.cid, ix.name, ix.\"desc\" "
	"FROM sqlite_schema AS m "
	"JOIN pragma_index_list(m.name) AS il "
	"JOIN pragma_index_xinfo(il.name) AS ix "
	"WHERE m.type = 'table' AND m.name IN (SELECT value FROM "
	"json_each(?1)) AND ix.key = 1 "
	"ORDER BY m.name, il.name, ix.seqno";
static const char *const q_fks =
	"SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", "
	"f.on_update, f.on_delete "
	"FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f "
	"WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	"AND coalesce(m.sql, '') NOT LIKE 'CREATE VIRTUAL%' "
	/* no REFERENCES in the text, no foreign key: skip the pragma */
	"AND m.sql LIKE '%REFERENCES%' "
	"ORDER BY m.name, f.id, f.seq";

/* Whether this SQLite has json_each (JSON1 is built in since 3.38 unless
 * omitted at compile time). */
static bool has_json_each(sqlite3 *conn)
{
	sqlite3_stmt *st = NULL;
	bool ok = sqlite3_prepare_v2(conn, "SELECT 1 FROM json_each('[]')", -1,
	                             &st, NULL) == SQLITE_OK;

	sqlite3_finalize(st);
	return ok;
}

/*
 * The page cache while the catalog is read. Every query here scans
 * sqlite_schema (or runs off the parsed schema), a scan longer than the
 * default 2 MiB cache misses on every page anyway, so a small cache reads
 * the same and gives the memory back while the models and the live schema
 * need it. Returns the size to restore.
 */
static int shrink_page_cache(sqlite3 *conn)
{
	sqlite3_stmt *st = NULL;
	int old = 0;

	if (sqlite3_prepare_v2(conn, "PRAGMA cache_size", -1, &st, NULL) ==
	            SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		old = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (old)
		sqlite3_exec(conn, "PRAGMA cache_size = -256", NULL, NULL, NULL);
	return old;
}

static void restore_page_cache(sqlite3 *conn, int old)
{
	char sql[64];

	if (!old)
		return;
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %d", old);
	sqlite3_exec(conn, sql, NULL, NULL, NULL);
}

int sd_introspect_sqlite(sd_schema **out, sqlite3 *conn,
                         const sd_introspect_opts *opts, sd_error *err)
{
	ctx c;
	int rc;
	bool json = has_json_each(conn);
	int cache = shrink_page_cache(conn);

	memset(&c, 0, sizeof(c));
	c.conn = conn;
	c.opts = opts ? opts : &sd_introspect_none;
	c.err = err;
	c.s = sd_schema_new();
	c.a = c.s->arena;
	c.tmp = sd_arena_new();
	c.s->dialect = "sqlite";
	c.tables = sd_map_new(c.tmp, 64);
	c.types = sd_map_new(c.tmp, 64);
	c.index_done = sd_map_new(c.tmp, 64);
	c.index_sql = sd_map_new(c.tmp, 64);

	c.shadows = sd_map_new(c.tmp, 8);
	read_shadows(&c);
	progress(&c, "objects", 0, 4);
	if ((rc = each_row(&c, q_objects, object_row)) != SD_OK)
		goto done;
	progress(&c, "columns", 1, 4);
	rc = each_row_left(&c, json, columns_pending(&c), q_columns,
	                   q_columns_of, column_row);
	if (rc != SD_OK)
		goto done;
	finish_tables(&c);
	progress(&c, "indexes", 2, 4);
	rc = each_row_left(&c, json, indexes_from_text(&c), q_indexes,
	                   q_indexes_of, index_row);
	if (rc != SD_OK)
		goto done;
	finish_index(&c, &c.index);
	progress(&c, "foreign keys", 3, 4);
	if ((rc = each_row(&c, q_fks, fk_row)) != SD_OK)
		goto done;
	finish_fk(&c, &c.fk);
	resolve_implicit_fks(&c);
	sd_schema_unclash_unnamed(c.s);
	progress(&c, "done", 4, 4);

	sd_schema_sort(c.s);
	sd_logic_sort(c.s);
	sd_schema_index(c.s);
	*out = c.s;
	c.s = NULL;
done:
	sd_schema_free(c.s);
	sd_arena_free(c.tmp);
	restore_page_cache(conn, cache);
	return rc;
}
