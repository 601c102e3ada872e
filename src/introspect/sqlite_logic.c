/*
 * sqlite_logic.c - SQLite's views and triggers, read from the CREATE texts
 * sqlite_schema keeps, into the sd_view and sd_trigger objects of
 * model/logic.h (the objects PostgreSQL's catalog gives too):
 *
 *     CREATE VIEW v (a, b) AS SELECT ...
 *         -> column_names [a, b], query "SELECT ..."
 *     CREATE TRIGGER tr AFTER UPDATE OF a, b ON t FOR EACH ROW
 *         WHEN new.a > 0 BEGIN UPDATE u SET n = n + 1; END
 *         -> timing "after", events UPDATE, columns [a, b], each_row,
 *            when "new.a > 0", body "UPDATE u SET n = n + 1;"
 *
 * The texts are kept as written (definition.sql, the query, the body):
 * SQLite has no canonical form of its own, so the differ compares them
 * folded (sd_sql_fold: blanks, case, comments and needless quotes aside).
 */
#include "introspect/sqlite_ddl.h"
#include "model/logic.h"

#include <string.h>

/* The index of the token after CREATE [TEMP|TEMPORARY] KIND [IF NOT
 * EXISTS] [schema.]name, or t->n when the text is not that. */
static size_t after_name(const sd_tokens *t, const char *kind)
{
	size_t i = 1;

	if (!t->n || !sd_tok_is(&t->v[0], "create"))
		return t->n;
	if (i < t->n && (sd_tok_is(&t->v[i], "temp") ||
	                 sd_tok_is(&t->v[i], "temporary")))
		i++;
	if (i >= t->n || !sd_tok_is(&t->v[i], kind))
		return t->n;
	i++;
	if (i + 2 < t->n && sd_tok_is(&t->v[i], "if") &&
	    sd_tok_is(&t->v[i + 1], "not") && sd_tok_is(&t->v[i + 2], "exists"))
		i += 3;
	if (i + 2 < t->n && sd_tok_is(&t->v[i + 1], "."))
		i += 2;
	return i + 1 < t->n ? i + 1 : t->n;
}

/* The names of a parenthesised list from t->v[open] on, into l; returns
 * the index after its ')'. */
static size_t name_list(sd_arena *a, const sd_tokens *t, size_t open,
                        sd_strlist *l)
{
	size_t close = sd_tokens_close(t, open), i;

	for (i = open + 1; i < close && i < t->n; i++)
		if (sd_tok_is_name(&t->v[i]))
			sd_strlist_push(a, l, sd_tok_ident(a, &t->v[i], false));
	return close + 1;
}

/* The last token, a trailing ';' left out. */
static size_t last_token(const sd_tokens *t)
{
	size_t n = t->n;

	while (n && sd_tok_is(&t->v[n - 1], ";"))
		n--;
	return n ? n - 1 : 0;
}

bool sd_sqlite_read_view(sd_schema *s, const char *name, const char *sql)
{
	sd_arena *a = s->arena;
	sd_tokens t;
	sd_view *v;
	size_t i;
	bool ok = false;

	if (!sql)
		return false;
	sd_tokens_read(&t, sql, SD_SQL_SQLITE);
	i = after_name(&t, "view");
	v = NULL;
	if (i < t.n) {
		sd_strlist cols = {0};
		if (sd_tok_is(&t.v[i], "("))
			i = name_list(a, &t, i, &cols);
		if (i + 1 < t.n && sd_tok_is(&t.v[i], "as")) {
			v = sd_logic_add_view(s, NULL, name);
			v->column_names = cols;
			v->query.sql = sd_tokens_text(a, &t, i + 1,
			                              last_token(&t));
			v->definition = sd_arena_strdup(a, sql);
			ok = true;
		}
	}
	sd_tokens_free(&t);
	return ok;
}

/* The trigger's event and timing words from t->v[i] on; returns the
 * index of ON, or t->n when the text is not a trigger's. */
static size_t trigger_head(sd_arena *a, const sd_tokens *t, size_t i,
                           sd_trigger *tr)
{
	static const char *const events[] = {"insert", "update", "delete"};
	size_t k;

	tr->timing = "before"; /* SQLite's default */
	if (i < t->n && sd_tok_is(&t->v[i], "before")) {
		i++;
	} else if (i < t->n && sd_tok_is(&t->v[i], "after")) {
		tr->timing = "after";
		i++;
	} else if (i + 1 < t->n && sd_tok_is(&t->v[i], "instead") &&
	           sd_tok_is(&t->v[i + 1], "of")) {
		tr->timing = "instead of";
		i += 2;
	}
	for (k = 0; i < t->n && k < SD_ARRAY_LEN(events); k++)
		if (sd_tok_is(&t->v[i], events[k]))
			break;
	if (i >= t->n || k == SD_ARRAY_LEN(events))
		return t->n;
	tr->events = k == 0   ? SD_TRIG_INSERT
	             : k == 1 ? SD_TRIG_UPDATE
	                      : SD_TRIG_DELETE;
	i++;
	if (i < t->n && sd_tok_is(&t->v[i], "of")) {
		for (i++; i < t->n && !sd_tok_is(&t->v[i], "on"); i++)
			if (sd_tok_is_name(&t->v[i]))
				sd_strlist_push(a, &tr->columns,
				                sd_tok_ident(a, &t->v[i], false));
	}
	return i < t->n && sd_tok_is(&t->v[i], "on") ? i : t->n;
}

bool sd_sqlite_read_trigger(sd_schema *s, const char *name,
                            const char *table, const char *sql)
{
	sd_arena *a = s->arena;
	sd_trigger probe, *tr;
	sd_tokens t;
	size_t i, begin, end;
	bool ok = false;

	if (!sql || !table)
		return false;
	memset(&probe, 0, sizeof(probe));
	sd_tokens_read(&t, sql, SD_SQL_SQLITE);
	i = trigger_head(a, &t, after_name(&t, "trigger"), &probe);
	/* ON [schema.]table */
	i = i < t.n ? i + 2 : t.n;
	if (i + 1 < t.n && sd_tok_is(&t.v[i], "."))
		i += 2;
	if (i + 2 < t.n && sd_tok_is(&t.v[i], "for") &&
	    sd_tok_is(&t.v[i + 1], "each") && sd_tok_is(&t.v[i + 2], "row")) {
		probe.each_row = true;
		i += 3;
	}
	for (begin = i; begin < t.n; begin++)
		if (t.v[begin].depth == 0 && sd_tok_is(&t.v[begin], "begin"))
			break;
	end = last_token(&t);
	if (begin < t.n && begin < end && sd_tok_is(&t.v[end], "end") &&
	    (i == begin || (sd_tok_is(&t.v[i], "when") && i + 1 < begin))) {
		tr = sd_logic_add_trigger(s, NULL, table, name);
		tr->timing = probe.timing;
		tr->events = probe.events;
		tr->columns = probe.columns;
		tr->each_row = probe.each_row;
		if (i < begin)
			tr->when.sql = sd_tokens_text(a, &t, i + 1, begin - 1);
		tr->body = sd_tokens_text(a, &t, begin + 1, end - 1);
		tr->definition.sql = sd_arena_strdup(a, sql);
		ok = true;
	}
	sd_tokens_free(&t);
	return ok;
}
