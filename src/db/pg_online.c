/*
 * pg_online.c - what the runner needs from PostgreSQL for revisions in
 * steps (revision/steps.c): lock timeouts, concurrent index builds that
 * resume, batched updates, and the words for a lock it could not get.
 *
 * Statements are read here with the one SQL lexer (util/sql.h), only as
 * far as these steps need: the name of the index a CREATE INDEX
 * CONCURRENTLY builds, the table and the WHERE clause of a batch UPDATE.
 */
#include "db/postgres.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sql.h"

#define LOCK_NOT_AVAILABLE "55P03"

int sd_pg_lock_timeout(sd_db *db, long ms, bool in_tx, sd_error *err)
{
	char sql[64];

	if (in_tx)
		snprintf(sql, sizeof(sql), "SET LOCAL lock_timeout = %ld",
		         ms < 0 ? 0 : ms);
	else if (ms < 0)
		snprintf(sql, sizeof(sql), "RESET lock_timeout");
	else
		snprintf(sql, sizeof(sql), "SET lock_timeout = %ld", ms);
	return sd_db_exec(db, sql, err);
}

bool sd_pg_lock_timed_out(sd_db *db)
{
	return strcmp(sd_pg_sqlstate(db), LOCK_NOT_AVAILABLE) == 0;
}

/* ------------------------------------------------------------------ */
/* Reading the statements                                             */
/* ------------------------------------------------------------------ */

/* A relation name as SQL wrote it, from token i on: name or
 * schema.name, source text kept (quotes and all); NULL when there is
 * none. Advances *i past it. */
static char *relation_at(sd_arena *a, const sd_tokens *t, size_t *i)
{
	size_t from = *i;

	if (*i >= t->n || !sd_tok_is_name(&t->v[*i]))
		return NULL;
	(*i)++;
	while (*i + 1 < t->n && sd_tok_is(&t->v[*i], ".") &&
	       sd_tok_is_name(&t->v[*i + 1]))
		*i += 2;
	return sd_tokens_text(a, t, from, *i - 1);
}

/* One unquoted, folded name of t (the last part of a relation). */
static const char *ident_at(sd_arena *a, const sd_tokens *t, size_t i)
{
	return sd_tok_ident(a, &t->v[i], true);
}

typedef struct concurrent_stmt {
	bool create;        /* CREATE INDEX CONCURRENTLY, else DROP */
	const char *schema; /* NULL: the search path's first */
	const char *index;
} concurrent_stmt;

/*
 * Reads "CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON
 * [ONLY] [schema.]table" or "DROP INDEX CONCURRENTLY [IF EXISTS]
 * [schema.]name". False for anything else, or an index without a name.
 */
static bool read_concurrent(concurrent_stmt *out, sd_arena *a,
                            const char *stmt)
{
	sd_tokens t;
	size_t i = 0, name = 0;
	bool ok = false;

	memset(out, 0, sizeof(*out));
	sd_tokens_read(&t, stmt, SD_SQL_POSTGRES);
	if (t.n < 4)
		goto done;
	if (sd_tok_is(&t.v[0], "create")) {
		i = 1;
		if (sd_tok_is(&t.v[i], "unique"))
			i++;
		if (i + 2 >= t.n || !sd_tok_is(&t.v[i], "index") ||
		    !sd_tok_is(&t.v[i + 1], "concurrently"))
			goto done;
		i += 2;
		if (i + 2 < t.n && sd_tok_is(&t.v[i], "if") &&
		    sd_tok_is(&t.v[i + 1], "not") &&
		    sd_tok_is(&t.v[i + 2], "exists"))
			i += 3;
		if (i + 1 >= t.n || sd_tok_is(&t.v[i], "on") ||
		    !sd_tok_is_name(&t.v[i]) || !sd_tok_is(&t.v[i + 1], "on"))
			goto done;
		out->create = true;
		out->index = ident_at(a, &t, i);
		i += 2;
		if (i < t.n && sd_tok_is(&t.v[i], "only"))
			i++;
		if (i + 2 < t.n && sd_tok_is(&t.v[i + 1], "."))
			out->schema = ident_at(a, &t, i);
		ok = true;
	} else if (sd_tok_is(&t.v[0], "drop") && sd_tok_is(&t.v[1], "index") &&
	           sd_tok_is(&t.v[2], "concurrently")) {
		i = 3;
		if (i + 1 < t.n && sd_tok_is(&t.v[i], "if") &&
		    sd_tok_is(&t.v[i + 1], "exists"))
			i += 2;
		name = i;
		if (!relation_at(a, &t, &i) || i != t.n)
			goto done;
		if (i - name == 3) {
			out->schema = ident_at(a, &t, name);
			out->index = ident_at(a, &t, name + 2);
		} else {
			out->index = ident_at(a, &t, name);
		}
		ok = true;
	}
done:
	sd_tokens_free(&t);
	return ok;
}

/* "t" (valid), "f" (invalid) or NULL (no such index) into *state. */
static int index_state(sd_db *db, const concurrent_stmt *c, sd_arena *a,
                       const char **state, sd_error *err)
{
	const char *params[2] = {c->schema, c->index};
	sd_rows *rows = NULL;
	int rc = sd_db_query(db,
	                     "SELECT i.indisvalid FROM pg_index i"
	                     " JOIN pg_class c ON c.oid = i.indexrelid"
	                     " JOIN pg_namespace n ON n.oid = c.relnamespace"
	                     " WHERE c.relname = $2"
	                     " AND n.nspname = COALESCE($1, current_schema())",
	                     params, 2, &rows, err);

	*state = NULL;
	if (!rc && rows->nrows)
		*state = sd_arena_strdup(a, sd_rows_get(rows, 0, 0));
	sd_rows_free(rows);
	return rc;
}

int sd_pg_nontx_prepare(sd_db *db, const char *stmt, bool resuming,
                        sd_arena *a, bool *skip, bool *concurrent,
                        const char **note, sd_error *err)
{
	concurrent_stmt c;
	const char *state;
	sd_buf drop = SD_BUF_INIT;
	int rc;

	*skip = false;
	*note = NULL;
	*concurrent = read_concurrent(&c, a, stmt);
	if (!*concurrent)
		return SD_OK;
	rc = index_state(db, &c, a, &state, err);
	if (rc)
		return rc;
	if (!c.create) {
		*skip = resuming && !state;
		return SD_OK;
	}
	if (state && strcmp(state, "t") == 0) {
		/* built before the interruption; otherwise an index of
		 * that name was there before, which the server reports */
		*skip = resuming;
		if (resuming)
			*note = sd_arena_printf(a, "index %s was built before the "
			                           "interruption", c.index);
		return SD_OK;
	}
	if (!state)
		return SD_OK;
	sd_buf_put(&drop, "DROP INDEX CONCURRENTLY ");
	if (c.schema) {
		sd_quote_ident_std(&drop, c.schema);
		sd_buf_putc(&drop, '.');
	}
	sd_quote_ident_std(&drop, c.index);
	rc = sd_db_exec(db, sd_buf_cstr(&drop), err);
	if (!rc)
		*note = sd_arena_printf(a, "index %s was left invalid by an "
		                           "interrupted build: dropped, built "
		                           "again", c.index);
	sd_buf_free(&drop);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Batches                                                             */
/* ------------------------------------------------------------------ */

typedef struct batch_stmt {
	const char *relation; /* as written */
	const char *head;     /* up to WHERE, exclusive */
	const char *cond;     /* the WHERE clause's condition */
} batch_stmt;

/*
 * Reads "UPDATE [ONLY] table [[AS] alias] SET ... WHERE cond": the only
 * form a batch step takes, since its rows are then the table's (ctid)
 * and its WHERE says which are left to do. NULL, with why, otherwise.
 */
static bool read_batch(batch_stmt *out, sd_arena *a, const char *stmt,
                       const char **why)
{
	sd_tokens t;
	size_t i = 1, where = 0;
	bool ok = false;

	sd_tokens_read(&t, stmt, SD_SQL_POSTGRES);
	*why = "a batch step holds one UPDATE ... SET ... WHERE ... of one "
	       "table";
	if (t.n < 2 || !sd_tok_is(&t.v[0], "update"))
		goto done;
	if (sd_tok_is(&t.v[i], "only"))
		i++;
	out->relation = relation_at(a, &t, &i);
	if (!out->relation)
		goto done;
	for (; i < t.n; i++) {
		const sd_token *k = &t.v[i];
		if (k->depth != 0 || k->kind != SD_TOK_WORD)
			continue;
		if (sd_tok_is(k, "from") || sd_tok_is(k, "returning")) {
			*why = "a batch step's UPDATE has no FROM and no "
			       "RETURNING: it updates rows of its own table";
			goto done;
		}
		if (sd_tok_is(k, "where") && !where)
			where = i;
	}
	if (!where || where + 1 >= t.n) {
		*why = "a batch step's UPDATE needs a WHERE that leaves out "
		       "the rows already done (WHERE col IS NULL): it runs "
		       "again over rows a writer moved";
		goto done;
	}
	if (sd_tok_is(&t.v[where + 1], "current")) {
		*why = "a batch step's UPDATE cannot use WHERE CURRENT OF";
		goto done;
	}
	out->head = sd_arena_strndup(a, stmt, (size_t)(t.v[where].s - stmt));
	out->cond = sd_arena_strdup(a, t.v[where].s + t.v[where].n);
	ok = true;
done:
	sd_tokens_free(&t);
	return ok;
}

/* The relation's pages now, and rows per page by the catalog (0 when it
 * does not know). */
static int relation_pages(sd_db *db, const char *relation, long long *pages,
                          double *per_page, sd_error *err)
{
	const char *params[1] = {relation};
	sd_rows *rows = NULL;
	int rc = sd_db_query(db,
	                     "SELECT pg_relation_size(c.oid)"
	                     " / current_setting('block_size')::bigint,"
	                     " CASE WHEN c.relpages > 0 AND c.reltuples > 0"
	                     " THEN c.reltuples / c.relpages ELSE 0 END"
	                     " FROM pg_class c WHERE c.oid = to_regclass($1)",
	                     params, 1, &rows, err);

	if (rc)
		return rc;
	if (!rows->nrows) {
		rc = sd_error_set(err, SD_ERUNTIME, "batch step: no table %s",
		                  relation);
	} else {
		*pages = atoll(sd_rows_get(rows, 0, 0));
		*per_page = atof(sd_rows_get(rows, 0, 1));
	}
	sd_rows_free(rows);
	return rc;
}

/* Starts pass `pass` over the pages the table has now. */
static int start_pass(sd_db *db, const batch_stmt *s, sd_batch *b, int pass,
                      sd_error *err)
{
	double per_page = 0;
	int rc = relation_pages(db, s->relation, &b->until, &per_page, err);

	if (rc)
		return rc;
	b->pass = pass;
	b->position = 0;
	if (pass == 1) {
		long long guess = per_page > 0
		                      ? (long long)((double)b->target / per_page)
		                      : 64;
		b->pages = guess < 1 ? 1 : guess;
	}
	return SD_OK;
}

/* The next range's size: as many pages as held `target` rows last time,
 * at most four times as many as before (few rows left to do: quickly
 * larger). */
static void adapt(sd_batch *b, long long pages_done)
{
	long long next;

	if (b->rows > 0)
		next = (long long)((double)pages_done * (double)b->target /
		                   (double)b->rows);
	else
		next = pages_done * 4;
	if (next > b->pages * 4)
		next = b->pages * 4;
	if (next > (1LL << 22))
		next = 1LL << 22;
	b->pages = next < 1 ? 1 : next;
}

int sd_pg_batch(sd_db *db, const char *stmt, sd_batch *b, sd_error *err)
{
	sd_arena *a = sd_arena_new();
	batch_stmt s;
	const char *why;
	sd_buf sql = SD_BUF_INIT;
	long long to;
	int rc = SD_OK;

	if (!read_batch(&s, a, stmt, &why)) {
		rc = sd_error_set(err, SD_EINPUT, "%s", why);
		goto done;
	}
	if (!b)
		goto done;
	if (b->pass == 0)
		rc = start_pass(db, &s, b, 1, err);
	while (!rc && b->position >= b->until && !b->done) {
		if (b->pass == 1)
			rc = start_pass(db, &s, b, 2, err);
		else
			b->done = true;
	}
	if (rc || b->done)
		goto done;
	to = b->position + b->pages;
	if (to > b->until)
		to = b->until;
	sd_buf_printf(&sql, "%sWHERE ctid >= '(%lld,0)'::tid AND ctid < "
	                    "'(%lld,0)'::tid AND (%s)",
	              s.head, b->position, to, s.cond);
	rc = sd_pg_exec_count(db, sd_buf_cstr(&sql), &b->rows, err);
	if (rc)
		goto done;
	b->total += b->rows;
	adapt(b, to - b->position);
	b->position = to;
done:
	sd_buf_free(&sql);
	sd_arena_free(a);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Locks and sizes                                                     */
/* ------------------------------------------------------------------ */

int sd_pg_lock_holders(sd_db *db, const char *relation, sd_buf *out,
                       sd_error *err)
{
	const char *params[1] = {relation};
	sd_rows *rows = NULL;
	size_t i;
	int rc = sd_db_query(
		db,
		"SELECT l.pid, l.mode, COALESCE(a.state, '?'),"
		" COALESCE(extract(epoch FROM now() - a.xact_start)::bigint, 0),"
		" left(regexp_replace(COALESCE(a.query, ''), '\\s+', ' ', 'g'), 60)"
		" FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
		" WHERE l.relation = to_regclass($1) AND l.granted"
		" AND l.pid <> pg_backend_pid() ORDER BY a.xact_start, l.pid",
		params, 1, &rows, err);

	if (rc)
		return rc;
	for (i = 0; i < rows->nrows; i++)
		sd_buf_printf(out, "%spid %s (%s, %s for %s s: %s)",
		              i ? "; " : "", sd_rows_get(rows, i, 0),
		              sd_rows_get(rows, i, 1), sd_rows_get(rows, i, 2),
		              sd_rows_get(rows, i, 3), sd_rows_get(rows, i, 4));
	sd_rows_free(rows);
	return SD_OK;
}

int sd_pg_table_size(sd_db *db, const char *schema, const char *table,
                     double *rows_out, long long *bytes, sd_error *err)
{
	const char *params[2] = {schema, table};
	sd_rows *rows = NULL;
	int rc = sd_db_query(db,
	                     "SELECT c.reltuples, pg_total_relation_size(c.oid)"
	                     " FROM pg_class c JOIN pg_namespace n"
	                     " ON n.oid = c.relnamespace WHERE c.relname = $2"
	                     " AND n.nspname = COALESCE($1, current_schema())",
	                     params, 2, &rows, err);

	*rows_out = -1;
	*bytes = -1;
	if (!rc && rows->nrows) {
		*rows_out = atof(sd_rows_get(rows, 0, 0));
		*bytes = atoll(sd_rows_get(rows, 0, 1));
	}
	sd_rows_free(rows);
	return rc;
}
