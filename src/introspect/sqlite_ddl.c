/*
 * sqlite_ddl.c - what only the text of a SQLite CREATE TABLE or CREATE
 * INDEX statement holds (sqlite_schema.sql): constraint names, CHECK
 * bodies, collations, generated expressions, index expressions and
 * predicates, table options; and declared column types read back as
 * portable types.
 *
 * The texts are read as tokens of the one SQL lexer (util/sql.h). This is
 * not an SQL parser and never needs to be one: the texts are SQLite's own
 * (it parsed them), so only valid syntax needs recognising, and anything
 * not accounted for exactly leaves the pragmas to decide.
 */
#include "introspect/sqlite_ddl.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

/* Identifiers of a parenthesised list "(a COLLATE x, "b" DESC)" whose '('
 * is at open: the first token of each element. */
static void tok_name_list(sd_arena *a, const sd_tokens *t, size_t open,
                          sd_strlist *out)
{
	size_t close = sd_tokens_close(t, open), i;
	bool want = true;

	for (i = open + 1; i < close; i++) {
		const sd_token *k = &t->v[i];
		if (k->depth != t->v[open].depth + 1)
			continue;
		if (k->kind == SD_TOK_PUNCT && k->s[0] == ',') {
			want = true;
		} else if (want) {
			sd_strlist_push(a, out, sd_tok_ident(a, k, false));
			want = false;
		}
	}
}

/* ------------------------------------------------------------------ */
/* CREATE TABLE text                                                   */
/* ------------------------------------------------------------------ */

static bool is_column_constraint_start(const sd_token *k)
{
	static const char *const words[] = {
		"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
		"DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS", NULL};
	size_t i;

	for (i = 0; words[i]; i++)
		if (sd_tok_is(k, words[i]))
			return true;
	return false;
}

/*
 * true when token j starts the next column constraint after a REFERENCES
 * clause. NULL and DEFAULT belong to the clause after SET (ON DELETE SET
 * NULL), and NOT to it before DEFERRABLE.
 */
static bool ends_fk_clause(const sd_tokens *t, size_t j, size_t to)
{
	static const char *const words[] = {
		"CONSTRAINT", "REFERENCES", "CHECK", "PRIMARY", "UNIQUE",
		"COLLATE", "GENERATED", "AS", NULL};
	const sd_token *k = &t->v[j];
	size_t i;

	for (i = 0; words[i]; i++)
		if (sd_tok_is(k, words[i]))
			return true;
	if (sd_tok_is(k, "NULL") || sd_tok_is(k, "DEFAULT"))
		return !sd_tok_is(&t->v[j - 1], "SET");
	if (sd_tok_is(k, "NOT"))
		return j + 1 < to && sd_tok_is(&t->v[j + 1], "NULL");
	return false;
}

/* Skips "ON CONFLICT resolution" after a constraint keyword at i. */
static size_t skip_on_conflict(const sd_tokens *t, size_t i, size_t to)
{
	if (i + 2 < to && sd_tok_is(&t->v[i], "ON") &&
	    sd_tok_is(&t->v[i + 1], "CONFLICT"))
		return i + 3;
	return i;
}

/* The resolution word of an "ON CONFLICT word" at i, upper-cased, or
 * NULL when none starts there. */
static const char *conflict_at(const sd_tokens *t, size_t i, size_t to)
{
	static const char *const words[] = {"ROLLBACK", "ABORT", "FAIL",
	                                    "IGNORE", "REPLACE", NULL};
	size_t k;

	if (skip_on_conflict(t, i, to) == i)
		return NULL;
	for (k = 0; words[k]; k++)
		if (sd_tok_is(&t->v[i + 2], words[k]))
			return words[k];
	return NULL;
}

static bool is_space(char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

/* Text from s to e with surrounding white space trimmed, as SQLite keeps
 * a DEFAULT span (sqlite3DbSpanDup). */
static char *span_dup(sd_arena *a, const char *s, const char *e)
{
	while (s < e && is_space(*s))
		s++;
	while (e > s && is_space(e[-1]))
		e--;
	return sd_arena_strndup(a, s, (size_t)(e - s));
}

/* The declared type as pragma_table_xinfo reports it: the text as
 * written, except that SQLite keeps the six standard names as a code and
 * reports them upper-cased. */
static const char *column_type(sd_arena *a, const char *s, size_t n)
{
	static const char *const std[] = {"INT", "INTEGER", "REAL", "TEXT",
	                                  "BLOB", "ANY", NULL};
	size_t i;

	if (n == 0)
		return "";
	for (i = 0; std[i]; i++)
		if (strlen(std[i]) == n && strncasecmp(s, std[i], n) == 0)
			return std[i];
	return sd_arena_strndup(a, s, n);
}

/*
 * Reads the column definition in tokens [from, to) at depth d into *pc.
 * Returns false for anything it does not account for exactly; the table's
 * columns then come from pragma_table_xinfo. The text is SQLite's own
 * (it parsed it), so only valid syntax needs recognising.
 */
static bool parse_column(sd_arena *a, const sd_tokens *t, size_t from,
                         size_t to, int d, const char *name, sd_ddl_column *pc)
{
	size_t i = from + 1, tfirst, tlast = 0;
	bool typed = false;

	memset(pc, 0, sizeof(*pc));
	if (!sd_tok_is_name(&t->v[from]))
		return false;
	pc->name = name; /* tok_ident of t->v[from], made by the caller */
	tfirst = i;
	for (; i < to; i++) {
		const sd_token *k = &t->v[i];
		if (k->depth != d || k->kind != SD_TOK_WORD ||
		    is_column_constraint_start(k))
			break;
		if (sd_tok_is(k, "GENERATED") || sd_tok_is(k, "ALWAYS"))
			return false;
		tlast = i;
		typed = true;
	}
	if (i < to && typed && sd_tok_is(&t->v[i], "(")) {
		size_t close = sd_tokens_close(t, i), j;
		if (close >= to)
			return false;
		for (j = i + 1; j < close; j++)
			if (t->v[j].kind != SD_TOK_WORD &&
			    t->v[j].kind != SD_TOK_NUMBER &&
			    !(t->v[j].kind == SD_TOK_PUNCT &&
			      strchr("+-.,", t->v[j].s[0])))
				return false;
		tlast = close;
		i = close + 1;
	}
	pc->type = typed ? column_type(a, t->v[tfirst].s,
	                               (size_t)(t->v[tlast].s + t->v[tlast].n -
	                                        t->v[tfirst].s))
	                 : "";
	while (i < to) {
		const sd_token *k = &t->v[i];
		if (k->depth != d)
			return false;
		if (sd_tok_is(k, "CONSTRAINT") && i + 1 < to) {
			i += 2;
		} else if (sd_tok_is(k, "PRIMARY") && i + 1 < to &&
		           sd_tok_is(&t->v[i + 1], "KEY")) {
			pc->pk = true;
			i += 2;
			if (i < to && (sd_tok_is(&t->v[i], "ASC") ||
			               sd_tok_is(&t->v[i], "DESC")))
				i++;
			i = skip_on_conflict(t, i, to);
			if (i < to && sd_tok_is(&t->v[i], "AUTOINCREMENT"))
				i++;
		} else if (sd_tok_is(k, "NOT") && i + 1 < to &&
		           sd_tok_is(&t->v[i + 1], "NULL")) {
			pc->notnull = true;
			i = skip_on_conflict(t, i + 2, to);
		} else if (sd_tok_is(k, "NULL") || sd_tok_is(k, "UNIQUE")) {
			i = skip_on_conflict(t, i + 1, to);
		} else if ((sd_tok_is(k, "CHECK") || sd_tok_is(k, "DEFAULT")) &&
		           i + 1 < to && sd_tok_is(&t->v[i + 1], "(")) {
			size_t close = sd_tokens_close(t, i + 1);
			if (close >= to)
				return false;
			if (sd_tok_is(k, "DEFAULT"))
				pc->dflt = span_dup(a, t->v[i + 1].s + 1,
				                    t->v[close].s);
			i = close + 1;
		} else if (sd_tok_is(k, "DEFAULT") && i + 1 < to) {
			/* a literal, a signed number or an identifier: up
			 * to the next constraint, its first token whatever
			 * it spells (DEFAULT NULL) */
			size_t first = i + 1, j = i + 2;
			while (j < to && !is_column_constraint_start(&t->v[j]))
				j++;
			for (i = first; i < j; i++)
				if (t->v[i].depth != d || sd_tok_is(&t->v[i], "("))
					return false;
			pc->dflt = sd_tokens_text(a, t, first, j - 1);
		} else if (sd_tok_is(k, "COLLATE") && i + 1 < to) {
			i += 2;
		} else if (sd_tok_is(k, "REFERENCES") && i + 1 < to) {
			size_t j = i + 2;
			while (j < to && !ends_fk_clause(t, j, to))
				j++;
			i = j;
		} else {
			return false; /* GENERATED, AS, or not understood */
		}
	}
	return true;
}

/*
 * Reads a table-level "PRIMARY KEY (a COLLATE x DESC, b)" at i into
 * p->pk_list. false for anything else (expressions, repeated columns).
 */
static bool pk_list_parse(sd_arena *a, const sd_tokens *t, size_t i, size_t to,
                          sd_ddl_table *p)
{
	size_t close, j, k;
	int d;

	if (!(i + 2 < to && sd_tok_is(&t->v[i + 1], "KEY") &&
	      sd_tok_is(&t->v[i + 2], "(")))
		return false;
	close = sd_tokens_close(t, i + 2);
	d = t->v[i + 2].depth + 1;
	if (close >= to || p->pk_list.n > 0)
		return false;
	for (j = i + 3; j < close;) {
		const char *name;
		if (!sd_tok_is_name(&t->v[j]))
			return false;
		name = sd_tok_ident(a, &t->v[j++], false);
		for (k = 0; k < p->pk_list.n; k++)
			if (sd_strieq(p->pk_list.items[k], name))
				return false;
		sd_strlist_push(a, &p->pk_list, name);
		if (j + 1 < close && sd_tok_is(&t->v[j], "COLLATE"))
			j += 2;
		if (j < close && sd_tok_is(&t->v[j], "DESC"))
			sd_strlist_push(a, &p->pk_desc, name);
		if (j < close && (sd_tok_is(&t->v[j], "ASC") ||
		                  sd_tok_is(&t->v[j], "DESC")))
			j++;
		if (j < close && !(t->v[j].depth == d &&
		                   sd_tok_is(&t->v[j], ",")))
			return false;
		if (j < close)
			j++;
	}
	return p->pk_list.n > 0;
}

/*
 * Reads one element of a CREATE TABLE body (a column definition or a table
 * constraint), tokens [from, to) at depth `d`, into p.
 */
/* A one-token DEFAULT value that needs no parentheses: a string, a
 * number, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP. */
static bool bare_default(const sd_token *k)
{
	return k->kind == SD_TOK_STRING || k->kind == SD_TOK_NUMBER ||
	       sd_tok_is(k, "CURRENT_TIMESTAMP") ||
	       sd_tok_is(k, "CURRENT_TIME") || sd_tok_is(k, "CURRENT_DATE") ||
	       sd_tok_is(k, "TRUE") || sd_tok_is(k, "FALSE");
}

/* Adds attribute letter ch to the column's order (at most 7). */
static void order_add(char *order, char ch)
{
	size_t n = strlen(order);

	if (n < 7 && !strchr(order, ch))
		order[n] = ch;
}

/* Keeps a column's attribute order when it is not the usual
 * (sd_column.sqlite_order): what its letters would be in "NDCG" order,
 * without an explicit NULL, needs nothing kept. */
static void order_keep(sd_arena *a, sd_ddl_table *p, const char *column,
                       const char *order)
{
	const char *usual = "NDCG", *u = usual, *o;

	for (o = order; *o; o++) {
		while (*u && *u != *o)
			u++;
		if (!*u)
			break;
	}
	if (!*o)
		return;
	if (!p->orders)
		p->orders = sd_map_new(a, 4);
	sd_map_put(p->orders, column, sd_arena_strdup(a, order));
}

/* Keeps name (when there is one) as the CONSTRAINT name of column's
 * attribute attr (sd_column.sqlite_names). */
static void attr_name(sd_arena *a, sd_ddl_table *p, const char *column,
                      sd_column_attr attr, const char *name)
{
	const char **names;

	if (!column || !name)
		return;
	if (!p->attr_names)
		p->attr_names = sd_map_new(a, 4);
	names = sd_map_get(p->attr_names, column);
	if (!names) {
		names = sd_arena_alloc(a, SD_ATTR__COUNT * sizeof(*names));
		sd_map_put(p->attr_names, column, names);
	}
	names[attr] = name;
}

static void parse_table_item(sd_arena *a, const sd_tokens *t, size_t from,
                             size_t to, int d, sd_ddl_table *p)
{
	const char *column = NULL, *pending = NULL;
	sd_strlist fk_columns = {NULL, 0};
	size_t i = from;
	char order[8] = {0};

	if (from >= to)
		return;
	if (!(sd_tok_is(&t->v[from], "CONSTRAINT") ||
	      sd_tok_is(&t->v[from], "PRIMARY") || sd_tok_is(&t->v[from], "UNIQUE") ||
	      sd_tok_is(&t->v[from], "CHECK") || sd_tok_is(&t->v[from], "FOREIGN"))) {
		column = sd_tok_ident(a, &t->v[from], false);
		if (p->ncols == p->capcols) {
			p->capcols = p->capcols ? 2 * p->capcols : 16;
			p->cols = sd_xrealloc(p->cols,
			                      p->capcols * sizeof(*p->cols));
		}
		if (parse_column(a, t, from, to, d, column,
		                 &p->cols[p->ncols]))
			p->ncols++;
		else
			p->cols_bad = true;
		/* skip the type name and its arguments */
		for (i = from + 1; i < to; i++)
			if (t->v[i].depth == d &&
			    is_column_constraint_start(&t->v[i]))
				break;
	}
	for (; i < to; i++) {
		const sd_token *k = &t->v[i];
		if (k->depth != d)
			continue;
		if (sd_tok_is(k, "CONSTRAINT") && i + 1 < to) {
			pending = sd_tok_ident(a, &t->v[++i], false);
		} else if (sd_tok_is(k, "CHECK") && i + 1 < to &&
		           sd_tok_is(&t->v[i + 1], "(")) {
			size_t close = sd_tokens_close(t, i + 1);
			sd_ddl_check *c = sd_arena_alloc(a, sizeof(*c));
			c->name = pending;
			c->expr = close > i + 2 ? sd_tokens_text(a, t, i + 2, close - 1)
			                        : "";
			if (!column)
				c->on_conflict = conflict_at(t, close + 1, to);
			sd_vec_push(a, &p->checks, c);
			pending = NULL;
			i = close;
		} else if (sd_tok_is(k, "PRIMARY")) {
			/* PRIMARY KEY [ASC|DESC|(list)] [ON CONFLICT r]
			 * [AUTOINCREMENT] */
			size_t j = i + 2;
			p->pk_name = pending;
			pending = NULL;
			if (!column && !pk_list_parse(a, t, i, to, p))
				p->cols_bad = true;
			if (j < to && sd_tok_is(&t->v[j], "("))
				j = sd_tokens_close(t, j) + 1;
			else if (j < to && (sd_tok_is(&t->v[j], "ASC") ||
			                    sd_tok_is(&t->v[j], "DESC"))) {
				if (column && sd_tok_is(&t->v[j], "DESC")) {
					sd_strlist_push(a, &p->pk_desc, column);
					p->pk_inline_desc = true;
				}
				j++;
			}
			if (conflict_at(t, j, to)) {
				p->pk_conflict = conflict_at(t, j, to);
				j += 3;
			}
			if (j < to && sd_tok_is(&t->v[j], "AUTOINCREMENT"))
				p->autoinc_kw = true;
		} else if (sd_tok_is(k, "UNIQUE")) {
			sd_ddl_unique *u = sd_arena_alloc(a, sizeof(*u));
			u->name = pending;
			if (column)
				sd_strlist_push(a, &u->columns, column);
			else if (i + 1 < to && sd_tok_is(&t->v[i + 1], "("))
				tok_name_list(a, t, i + 1, &u->columns);
			u->on_conflict = conflict_at(
				t,
				column ? i + 1
				       : (i + 1 < to && sd_tok_is(&t->v[i + 1], "(")
				              ? sd_tokens_close(t, i + 1) + 1
				              : i + 1),
				to);
			sd_vec_push(a, &p->uniques, u);
			pending = NULL;
		} else if (sd_tok_is(k, "FOREIGN")) {
			size_t j = i + 1;
			if (j < to && sd_tok_is(&t->v[j], "KEY"))
				j++;
			if (j < to && sd_tok_is(&t->v[j], "(")) {
				tok_name_list(a, t, j, &fk_columns);
				i = sd_tokens_close(t, j);
			}
		} else if (sd_tok_is(k, "REFERENCES") && i + 1 < to) {
			sd_ddl_fk *f = sd_arena_alloc(a, sizeof(*f));
			size_t j = i + 1;
			bool seen_delete = false;
			f->name = pending;
			if (j + 2 < to && sd_tok_is(&t->v[j + 1], "."))
				j += 2; /* schema.table */
			f->ref_table = sd_tok_ident(a, &t->v[j], false);
			if (column)
				sd_strlist_push(a, &f->columns, column);
			else
				f->columns = fk_columns;
			for (j = j + 1; j < to; j++) {
				if (t->v[j].depth != d)
					continue;
				if (sd_tok_is(&t->v[j], "ON") && j + 1 < to &&
				    sd_tok_is(&t->v[j + 1], "UPDATE")) {
					f->update_first = !seen_delete;
					f->update_written = true;
				} else if (sd_tok_is(&t->v[j], "ON") &&
				           j + 1 < to &&
				           sd_tok_is(&t->v[j + 1], "DELETE")) {
					seen_delete = true;
					f->delete_written = true;
				}
				if (sd_tok_is(&t->v[j], "MATCH") && j + 1 < to) {
					f->match_full = sd_tok_is(&t->v[j + 1],
					                          "FULL");
					f->match_simple = sd_tok_is(&t->v[j + 1],
					                            "SIMPLE");
				}
				if (sd_tok_is(&t->v[j], "DEFERRABLE"))
					f->deferrable =
						!sd_tok_is(&t->v[j - 1], "NOT");
				else if (sd_tok_is(&t->v[j], "INITIALLY") &&
				         j + 1 < to)
					f->initially_deferred = sd_tok_is(
						&t->v[j + 1], "DEFERRED");
				else if (ends_fk_clause(t, j, to))
					break;
			}
			if (!f->deferrable)
				f->initially_deferred = false;
			if (!seen_delete)
				f->update_first = false; /* nothing after */
			sd_vec_push(a, &p->fks, f);
			pending = NULL;
			i = j - 1;
		} else if (sd_tok_is(k, "COLLATE") && column && i + 1 < to) {
			order_add(order, 'C');
			attr_name(a, p, column, SD_ATTR_COLLATE, pending);
			if (!p->collations) /* made on first use: most
			                     * tables have none */
				p->collations = sd_map_new(a, 4);
			sd_map_put(p->collations, column,
			           sd_tok_ident(a, &t->v[++i], false));
			pending = NULL;
		} else if (sd_tok_is(k, "AS") && column && i + 1 < to &&
		           sd_tok_is(&t->v[i + 1], "(")) {
			size_t close = sd_tokens_close(t, i + 1);
			order_add(order, 'G');
			attr_name(a, p, column, SD_ATTR_GENERATED, pending);
			pending = NULL;
			if (close > i + 2) {
				if (!p->generated)
					p->generated = sd_map_new(a, 4);
				sd_map_put(p->generated, column,
				           sd_tokens_text(a, t, i + 2, close - 1));
			}
			i = close;
		} else if (sd_tok_is(k, "NOT") || sd_tok_is(k, "NULL") ||
		           sd_tok_is(k, "GENERATED")) {
			/* CONSTRAINT nn NOT NULL: the name is not the next
			 * constraint's */
			const char *word;
			attr_name(a, p, column,
			          sd_tok_is(k, "GENERATED") ? SD_ATTR_GENERATED
			                                    : SD_ATTR_NOT_NULL,
			          pending);
			pending = NULL;
			if (sd_tok_is(k, "NOT"))
				order_add(order, 'N');
			else if (sd_tok_is(k, "NULL") &&
			         !sd_tok_is(&t->v[i - 1], "NOT"))
				order_add(order, 'n');
			if (column && sd_tok_is(k, "NOT") &&
			    (word = conflict_at(t, i + 2, to))) {
				if (!p->nn_conflicts)
					p->nn_conflicts = sd_map_new(a, 4);
				sd_map_put(p->nn_conflicts, column,
				           (void *)word);
			}
		} else if (sd_tok_is(k, "DEFAULT") && i + 1 < to) {
			attr_name(a, p, column, SD_ATTR_DEFAULT, pending);
			pending = NULL;
			order_add(order, 'D');
			/* the value is no constraint keyword, whatever it
			 * spells: DEFAULT (x), DEFAULT -1, DEFAULT 'check' */
			i++;
			if (sd_tok_is(&t->v[i], "(")) {
				size_t close = sd_tokens_close(t, i);
				if (column && close < to &&
				    ((close == i + 2 &&
				      bare_default(&t->v[i + 1])) ||
				     (close == i + 3 &&
				      (sd_tok_is(&t->v[i + 1], "-") ||
				       sd_tok_is(&t->v[i + 1], "+")) &&
				      t->v[i + 2].kind == SD_TOK_NUMBER))) {
					if (!p->paren_defaults)
						p->paren_defaults =
							sd_map_new(a, 4);
					sd_map_put(p->paren_defaults, column,
					           sd_tokens_text(a, t, i,
					                          close));
				}
				i = close;
			}
			else if ((sd_tok_is(&t->v[i], "-") ||
			          sd_tok_is(&t->v[i], "+")) &&
			         i + 1 < to)
				i++;
		}
	}
	if (column && *order)
		order_keep(a, p, column, order);
}

void sd_sqlite_parse_table(sd_arena *a, const char *sql, sd_ddl_table *p)
{
	sd_tokens t;
	size_t i, open = 0, close, item;
	bool found = false;

	memset(p, 0, sizeof(*p));
	if (!sql)
		return;
	sd_tokens_read(&t, sql, SD_SQL_SQLITE);
	for (i = 0; i < t.n; i++) {
		if (sd_tok_is(&t.v[i], "AS") && t.v[i].depth == 0)
			break;
		if (sd_tok_is(&t.v[i], "(") && t.v[i].depth == 0) {
			open = i;
			found = true;
			break;
		}
	}
	if (!found)
		goto done;
	close = sd_tokens_close(&t, open);
	item = open + 1;
	for (i = open + 1; i <= close && i < t.n + 1; i++) {
		if (i == close || (i < t.n && t.v[i].depth == 1 &&
		                   sd_tok_is(&t.v[i], ","))) {
			parse_table_item(a, &t, item, i < t.n ? i : t.n, 1, p);
			item = i + 1;
		}
		if (i >= t.n)
			break;
	}
	for (i = close + 1; i + 1 < t.n; i++)
		if (sd_tok_is(&t.v[i], "WITHOUT") && sd_tok_is(&t.v[i + 1], "ROWID"))
			p->without_rowid = true;
	for (i = close + 1; i < t.n; i++)
		if (sd_tok_is(&t.v[i], "STRICT"))
			p->strict = true;
done:
	sd_tokens_free(&t);
}

const char *sd_sqlite_virtual_using(sd_arena *a, const char *sql)
{
	sd_tokens t;
	const char *out = NULL;
	size_t i;

	sd_tokens_read(&t, sql, SD_SQL_SQLITE);
	for (i = 0; i + 1 < t.n; i++)
		if (t.v[i].depth == 0 && sd_tok_is(&t.v[i], "USING"))
			break;
	if (i + 1 < t.n) {
		size_t last = t.n - 1;
		while (last > i + 1 && sd_tok_is(&t.v[last], ";"))
			last--;
		out = sd_tokens_text(a, &t, i + 1, last);
	}
	sd_tokens_free(&t);
	return out;
}

/* ------------------------------------------------------------------ */
/* CREATE INDEX text                                                   */
/* ------------------------------------------------------------------ */

bool sd_sqlite_index_key_list(const sd_tokens *t, size_t *open)
{
	size_t i;
	bool on = false;

	for (i = 0; i < t->n; i++) {
		if (t->v[i].depth != 0)
			continue;
		if (sd_tok_is(&t->v[i], "ON")) {
			on = true;
		} else if (on && sd_tok_is(&t->v[i], "(")) {
			*open = i;
			return true;
		}
	}
	return false;
}

void sd_sqlite_parse_index(sd_arena *a, const char *sql, sd_ddl_index *p)
{
	sd_tokens t;
	size_t i, open = 0, close, item;

	memset(p, 0, sizeof(*p));
	if (!sql)
		return;
	sd_tokens_read(&t, sql, SD_SQL_SQLITE);
	if (!sd_sqlite_index_key_list(&t, &open))
		goto done;
	close = sd_tokens_close(&t, open);
	item = open + 1;
	for (i = open + 1; i <= close && i < t.n; i++) {
		if (i == close || (t.v[i].depth == 1 && sd_tok_is(&t.v[i], ","))) {
			size_t last = i - 1;
			const char *coll = NULL;
			bool asc = last >= item && sd_tok_is(&t.v[last], "ASC");
			if (last >= item && (sd_tok_is(&t.v[last], "ASC") ||
			                     sd_tok_is(&t.v[last], "DESC")))
				last--;
			if (last > item && sd_tok_is(&t.v[last - 1], "COLLATE")) {
				coll = sd_tok_ident(a, &t.v[last], false);
				last -= 2;
			}
			sd_vec_push(a, &p->keys, sd_tokens_text(a, &t, item, last));
			sd_vec_push(a, &p->collations, (void *)coll);
			sd_vec_push(a, &p->ascs, asc ? (void *)"ASC" : NULL);
			item = i + 1;
		}
	}
	for (i = close + 1; i < t.n; i++) {
		if (t.v[i].depth == 0 && sd_tok_is(&t.v[i], "WHERE") &&
		    i + 1 < t.n) {
			size_t last = t.n - 1;
			while (last > i && sd_tok_is(&t.v[last], ";"))
				last--;
			if (last > i)
				p->where = sd_tokens_text(a, &t, i + 1, last);
			break;
		}
	}
done:
	sd_tokens_free(&t);
}

/* ------------------------------------------------------------------ */
/* Declared types                                                      */
/* ------------------------------------------------------------------ */

typedef struct type_name {
	const char *decl;  /* upper case, single spaces */
	sd_type_kind kind;
	int nargs;         /* most arguments accepted */
} type_name;

static const type_name type_names[] = {
	{"INTEGER", SD_T_INTEGER, 0},
	{"INT", SD_T_INTEGER, 0},
	{"INT4", SD_T_INTEGER, 0},
	{"BIGINT", SD_T_BIGINT, 0},
	{"INT8", SD_T_BIGINT, 0},
	{"SMALLINT", SD_T_SMALLINT, 0},
	{"INT2", SD_T_SMALLINT, 0},
	{"BOOLEAN", SD_T_BOOLEAN, 0},
	{"BOOL", SD_T_BOOLEAN, 0},
	{"VARCHAR", SD_T_STRING, 1},
	{"NVARCHAR", SD_T_STRING, 1},
	{"CHARACTER VARYING", SD_T_STRING, 1},
	{"VARYING CHARACTER", SD_T_STRING, 1},
	{"CHAR", SD_T_CHAR, 1},
	{"CHARACTER", SD_T_CHAR, 1},
	{"NCHAR", SD_T_CHAR, 1},
	{"NATIVE CHARACTER", SD_T_CHAR, 1},
	{"TEXT", SD_T_TEXT, 0},
	{"CLOB", SD_T_TEXT, 0},
	{"BLOB", SD_T_BINARY, 0},
	{"REAL", SD_T_REAL, 0},
	{"FLOAT4", SD_T_REAL, 0},
	{"FLOAT", SD_T_FLOAT, 0},
	{"FLOAT8", SD_T_FLOAT, 0},
	{"DOUBLE", SD_T_FLOAT, 0},
	{"DOUBLE PRECISION", SD_T_FLOAT, 0},
	{"NUMERIC", SD_T_NUMERIC, 2},
	{"DECIMAL", SD_T_NUMERIC, 2},
	{"DATE", SD_T_DATE, 0},
	{"TIME", SD_T_TIME, 0},
	{"TIMESTAMP", SD_T_TIMESTAMP, 0},
	{"DATETIME", SD_T_TIMESTAMP, 0},
	{"TIMESTAMPTZ", SD_T_TIMESTAMPTZ, 0},
	{"TIMESTAMP WITH TIME ZONE", SD_T_TIMESTAMPTZ, 0},
	{"INTERVAL", SD_T_INTERVAL, 0},
	{"JSON", SD_T_JSON, 0},
	{"JSONB", SD_T_JSONB, 0},
	{"UUID", SD_T_UUID, 0},
};

/* Parses "12" (surrounding spaces allowed) into *out. */
static bool parse_arg(const char *s, size_t n, int *out)
{
	long v = 0;
	size_t i = 0;
	bool digits = false;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	for (; i < n && isdigit((unsigned char)s[i]); i++) {
		v = v * 10 + (s[i] - '0');
		digits = true;
		if (v > 1000000000L)
			return false;
	}
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	*out = (int)v;
	return digits && i == n;
}

void sd_sqlite_type_from_decl(sd_arena *a, const char *decl, sd_type *out)
{
	char head[64];
	size_t hn = 0, i;
	const char *p = decl ? decl : "", *args = NULL, *args_end = NULL;
	int vals[2] = {-1, -1}, nvals = 0;
	bool space = false;

	memset(out, 0, sizeof(*out));
	out->length = out->precision = out->scale = -1;
	out->kind = SD_T_RAW;
	out->name = a ? sd_arena_strdup(a, p) : p;

	/* "  character   varying (10)" -> head "CHARACTER VARYING" */
	for (; *p && *p != '(' && hn < sizeof(head) - 1; p++) {
		if (isspace((unsigned char)*p)) {
			space = hn > 0;
			continue;
		}
		if (space) {
			head[hn++] = ' ';
			space = false;
			if (hn >= sizeof(head) - 1)
				return;
		}
		head[hn++] = (char)toupper((unsigned char)*p);
	}
	head[hn] = '\0';
	if (*p && *p != '(')
		return; /* too long for any portable name */
	if (*p == '(') {
		const char *rest;
		args = p + 1;
		args_end = strchr(args, ')');
		if (!args_end)
			return;
		for (rest = args_end + 1; *rest; rest++)
			if (!isspace((unsigned char)*rest))
				return;
		for (p = args; p < args_end && nvals < 2; nvals++) {
			const char *comma = memchr(p, ',', (size_t)(args_end - p));
			const char *end = comma ? comma : args_end;
			if (!parse_arg(p, (size_t)(end - p), &vals[nvals]))
				return;
			p = comma ? comma + 1 : args_end;
		}
		if (p < args_end)
			return; /* three or more arguments */
	}
	for (i = 0; i < SD_ARRAY_LEN(type_names); i++) {
		if (strcmp(head, type_names[i].decl) != 0)
			continue;
		/* what the models cannot say (VARCHAR(0), DECIMAL(3,5))
		 * stays raw, so it is written back as declared */
		if (nvals > type_names[i].nargs || (nvals && vals[0] == 0) ||
		    (nvals == 2 && vals[1] > vals[0]))
			return;
		out->kind = type_names[i].kind;
		out->name = NULL;
		if (out->kind == SD_T_STRING || out->kind == SD_T_CHAR)
			out->length = vals[0];
		else if (out->kind == SD_T_NUMERIC) {
			out->precision = vals[0];
			out->scale = vals[1];
		}
		return;
	}
}

