/*
 * pg_locks.c - PostgreSQL's lock table preflight: how many relation locks
 * a transaction of statements will hold at its end, estimated from their
 * text (and, for dropped tables, from the catalog), against what the
 * server's shared lock table can hold.
 */
#include "db/postgres.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sql.h"

/* One token of a statement: a word (upper-cased), a quoted identifier,
 * a number or one punctuation character. Literals and comments are
 * skipped. */
typedef struct lock_tok {
	char *text;
	bool quoted;
	bool name; /* a word or a quoted identifier */
} lock_tok;

static size_t lock_tokens(lock_tok **out, sd_arena *a, const char *sql)
{
	sd_lexer lx;
	sd_token tk;
	size_t n = 0, cap = 16, i;
	lock_tok *v = sd_arena_alloc(a, cap * sizeof(*v));

	sd_lex_init(&lx, sql, strlen(sql), SD_SQL_POSTGRES, 0);
	while (sd_lex_next(&lx, &tk)) {
		lock_tok *t;
		if (tk.kind == SD_TOK_STRING || tk.kind == SD_TOK_DOLLAR)
			continue;
		if (n + 1 == cap) {
			lock_tok *grown = sd_arena_alloc(a, 2 * cap * sizeof(*v));
			memcpy(grown, v, n * sizeof(*v));
			v = grown;
			cap *= 2;
		}
		t = &v[n++];
		t->quoted = tk.kind == SD_TOK_QUOTED;
		t->name = sd_tok_is_name(&tk);
		t->text = t->quoted ? sd_tok_ident(a, &tk, false)
		                    : sd_arena_strndup(a, tk.s, tk.n);
		for (i = 0; !t->quoted && t->text[i]; i++)
			if (t->text[i] >= 'a' && t->text[i] <= 'z')
				t->text[i] = (char)(t->text[i] - 'a' + 'A');
	}
	*out = v;
	return n;
}

static bool kw(const lock_tok *t, size_t n, size_t i, const char *word)
{
	return i < n && !t[i].quoted && strcmp(t[i].text, word) == 0;
}

/* The (possibly qualified) relation name starting at *i, folded the way
 * the server folds it; advances *i past it. NULL when there is none. */
static const char *lock_name_q(sd_arena *a, const lock_tok *t, size_t n,
                               size_t *i, sd_buf *quoted)
{
	sd_buf b = SD_BUF_INIT;
	const char *out = NULL;

	while (*i < n) {
		const lock_tok *k = &t[*i];
		size_t j;
		if (!k->name)
			break;
		size_t start = b.len;
		if (k->quoted) {
			sd_buf_put(&b, k->text);
		} else {
			for (j = 0; k->text[j]; j++)
				sd_buf_putc(&b, k->text[j] >= 'A' &&
				                        k->text[j] <= 'Z'
				                    ? (char)(k->text[j] - 'A' + 'a')
				                    : k->text[j]);
		}
		if (quoted)
			sd_quote_ident_std(quoted, sd_buf_cstr(&b) + start);
		(*i)++;
		if (!kw(t, n, *i, "."))
			break;
		sd_buf_putc(&b, '.');
		if (quoted)
			sd_buf_putc(quoted, '.');
		(*i)++;
	}
	if (b.len)
		out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static const char *lock_name(sd_arena *a, const lock_tok *t, size_t n,
                             size_t *i)
{
	return lock_name_q(a, t, n, i, NULL);
}

static void lock_touch(sd_pg_lock_estimate *e, sd_map *seen, const char *name)
{
	if (!name || sd_map_get(seen, name))
		return;
	sd_map_put(seen, name, (void *)name);
	e->relations++;
}

/* Whether a CREATE TABLE column list has a column that gets a TOAST
 * table: unbounded variable-length types (text, json, bytea, arrays,
 * varchar and numeric without a length). */
static bool lock_needs_toast(const lock_tok *t, size_t n, size_t from)
{
	static const char *const unbounded[] = {
		"TEXT", "JSON", "JSONB", "BYTEA", "XML", "TSVECTOR", NULL};
	size_t i, k;

	for (i = from; i < n; i++) {
		if (t[i].quoted)
			continue;
		if (t[i].text[0] == '[')
			return true;
		for (k = 0; unbounded[k]; k++)
			if (strcmp(t[i].text, unbounded[k]) == 0)
				return true;
		if ((strcmp(t[i].text, "VARCHAR") == 0 ||
		     strcmp(t[i].text, "VARYING") == 0 ||
		     strcmp(t[i].text, "NUMERIC") == 0 ||
		     strcmp(t[i].text, "DECIMAL") == 0) &&
		    !kw(t, n, i + 1, "("))
			return true;
	}
	return false;
}

/* Counts what the tokens from i on create: key indexes, sequences, and
 * tables named after REFERENCES. */
static void lock_scan_body(sd_pg_lock_estimate *e, sd_map *seen,
                           sd_arena *a, const lock_tok *t, size_t n,
                           size_t i)
{
	while (i < n) {
		if (kw(t, n, i, "PRIMARY") && kw(t, n, i + 1, "KEY")) {
			e->indexes++;
			i += 2;
		} else if (kw(t, n, i, "UNIQUE") || kw(t, n, i, "EXCLUDE")) {
			e->indexes++;
			i++;
		} else if (kw(t, n, i, "IDENTITY") || kw(t, n, i, "SERIAL") ||
		           kw(t, n, i, "BIGSERIAL") ||
		           kw(t, n, i, "SMALLSERIAL") ||
		           kw(t, n, i, "SERIAL4") || kw(t, n, i, "SERIAL8") ||
		           kw(t, n, i, "SERIAL2")) {
			e->sequences++;
			i++;
		} else if (kw(t, n, i, "REFERENCES")) {
			i++;
			lock_touch(e, seen, lock_name(a, t, n, &i));
		} else {
			i++;
		}
	}
}

/* Appends name as an element of a text[] literal being built in lit. */
static void lock_literal_add(sd_buf *lit, const char *name)
{
	const char *p;

	sd_buf_put(lit, lit->len > 1 ? ",\"" : "\"");
	for (p = name; *p; p++) {
		if (*p == '"' || *p == '\\')
			sd_buf_putc(lit, '\\');
		sd_buf_putc(lit, *p);
	}
	sd_buf_putc(lit, '"');
}

/* Estimates one statement into e; the tables it drops go into dropped
 * (a text[] literal being built, may be NULL). */
static void lock_statement(sd_pg_lock_estimate *e, sd_map *seen, sd_arena *a,
                           const char *sql, sd_buf *dropped)
{
	lock_tok *t;
	size_t n = lock_tokens(&t, a, sql), i = 1;

	if (kw(t, n, 0, "CREATE")) {
		if (kw(t, n, i, "OR") && kw(t, n, i + 1, "REPLACE"))
			i += 2;
		while (kw(t, n, i, "GLOBAL") || kw(t, n, i, "LOCAL") ||
		       kw(t, n, i, "TEMP") || kw(t, n, i, "TEMPORARY") ||
		       kw(t, n, i, "UNLOGGED") || kw(t, n, i, "UNIQUE"))
			i++;
		if (kw(t, n, i, "TABLE")) {
			const char *name;
			i++;
			if (kw(t, n, i, "IF"))
				i += 3;
			name = lock_name(a, t, n, &i);
			lock_touch(e, seen, name);
			e->tables_created++;
			if (lock_needs_toast(t, n, i))
				e->relations += 2;
			lock_scan_body(e, seen, a, t, n, i);
		} else if (kw(t, n, i, "INDEX")) {
			e->indexes++;
			while (i < n && !kw(t, n, i, "ON"))
				i++;
			i++;
			if (kw(t, n, i, "ONLY"))
				i++;
			lock_touch(e, seen, lock_name(a, t, n, &i));
		} else if (kw(t, n, i, "SEQUENCE")) {
			e->sequences++;
		}
	} else if (kw(t, n, 0, "ALTER") &&
	           (kw(t, n, 1, "TABLE") || kw(t, n, 1, "INDEX") ||
	            kw(t, n, 1, "SEQUENCE"))) {
		i = 2;
		if (kw(t, n, i, "IF"))
			i += 2;
		if (kw(t, n, i, "ONLY"))
			i++;
		lock_touch(e, seen, lock_name(a, t, n, &i));
		if (kw(t, n, 1, "TABLE"))
			lock_scan_body(e, seen, a, t, n, i);
	} else if (kw(t, n, 0, "DROP") &&
	           (kw(t, n, 1, "TABLE") || kw(t, n, 1, "INDEX") ||
	            kw(t, n, 1, "SEQUENCE"))) {
		i = 2;
		if (kw(t, n, i, "CONCURRENTLY"))
			i++;
		if (kw(t, n, i, "IF"))
			i += 2;
		while (i < n) {
			sd_buf q = SD_BUF_INIT;
			const char *name = lock_name_q(a, t, n, &i, &q);
			if (!name) {
				sd_buf_free(&q);
				break;
			}
			if (dropped && kw(t, n, 1, "TABLE") &&
			    !sd_map_get(seen, name))
				lock_literal_add(dropped, sd_buf_cstr(&q));
			sd_buf_free(&q);
			lock_touch(e, seen, name);
			if (!kw(t, n, i, ","))
				break;
			i++;
		}
	}
}

static void lock_estimate(sd_pg_lock_estimate *out, const char *const *stmts,
                          size_t nstmts, sd_buf *dropped)
{
	sd_arena *a = sd_arena_new();
	sd_map *seen = sd_map_new(a, 64);
	size_t i;

	memset(out, 0, sizeof(*out));
	if (dropped)
		sd_buf_putc(dropped, '{');
	for (i = 0; i < nstmts; i++)
		lock_statement(out, seen, a, stmts[i], dropped);
	if (dropped)
		sd_buf_putc(dropped, '}');
	out->total = out->relations + out->indexes + out->sequences;
	sd_arena_free(a);
}

void sd_pg_lock_estimate_sql(sd_pg_lock_estimate *out,
                             const char *const *stmts, size_t nstmts)
{
	lock_estimate(out, stmts, nstmts, NULL);
}

/*
 * Dropping a table also locks its indexes, TOAST table and index and
 * owned sequences, which only the catalog knows: their number for the
 * tables in the text[] literal dropped (not counting the tables).
 */
static int lock_dropped_extra(sd_db *db, const char *dropped, size_t *extra,
                              sd_error *err)
{
	static const char q[] =
		"WITH t AS (SELECT to_regclass(x) AS oid"
		"  FROM unnest($1::text[]) x)"
		" SELECT count(*) FROM ("
		"  SELECT i.indexrelid FROM pg_index i JOIN t ON i.indrelid = t.oid"
		"  UNION SELECT c.reltoastrelid FROM pg_class c JOIN t"
		"   ON c.oid = t.oid WHERE c.reltoastrelid <> 0"
		"  UNION SELECT i.indexrelid FROM pg_class c JOIN t ON c.oid = t.oid"
		"   JOIN pg_index i ON i.indrelid = c.reltoastrelid"
		"  UNION SELECT d.objid FROM pg_depend d JOIN t"
		"   ON d.refobjid = t.oid WHERE d.classid = 'pg_class'::regclass"
		"   AND d.refclassid = 'pg_class'::regclass"
		"   AND d.deptype IN ('a', 'i')) s";
	const char *params[1] = {dropped};
	PGresult *res = PQexecParams(sd_pg_conn(db), q, 1, NULL, params, NULL,
	                             NULL, 0);
	int rc = SD_OK;

	*extra = 0;
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = sd_pg_error(err, "estimating the locks of dropped tables",
		              PQresultErrorMessage(res));
	else
		*extra = (size_t)strtoull(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return rc;
}

int sd_pg_lock_estimate_db(sd_pg_lock_estimate *out, sd_db *db,
                           const char *const *stmts, size_t nstmts,
                           sd_error *err)
{
	sd_buf dropped = SD_BUF_INIT;
	size_t extra = 0;
	int rc = SD_OK;

	lock_estimate(out, stmts, nstmts, &dropped);
	if (db && db->driver == &sd_driver_postgres && dropped.len > 2)
		rc = lock_dropped_extra(db, sd_buf_cstr(&dropped), &extra, err);
	out->relations += extra;
	out->total += extra;
	sd_buf_free(&dropped);
	return rc;
}

/* 12345 -> "12,345", in a static buffer per slot. */
static const char *thousands(int slot, size_t v)
{
	static _Thread_local char bufs[12][32];
	char tmp[32], *out = bufs[slot % 12];
	size_t len, i, j = 0;

	snprintf(tmp, sizeof(tmp), "%zu", v);
	len = strlen(tmp);
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			out[j++] = ',';
		out[j++] = tmp[i];
	}
	out[j] = '\0';
	return out;
}

int sd_pg_lock_preflight(sd_db *db, const char *const *stmts, size_t nstmts,
                         const char *path, const char *what, sd_error *err)
{
	/* The lock table has room for max_locks_per_transaction entries per
	 * server process (connections, autovacuum, background workers, WAL
	 * senders) and per prepared transaction. */
	static const char q[] =
		"SELECT current_setting('max_locks_per_transaction')::bigint,"
		" current_setting('max_connections')::bigint"
		" + current_setting('autovacuum_max_workers')::bigint + 1"
		" + current_setting('max_worker_processes')::bigint"
		" + current_setting('max_wal_senders')::bigint"
		" + current_setting('max_prepared_transactions')::bigint";
	sd_pg_lock_estimate e;
	PGresult *res = NULL;
	size_t per_slot, slots, capacity, want, per_table, split;
	int rc = SD_OK;

	if (!db || db->driver != &sd_driver_postgres)
		return SD_OK;
	if ((rc = sd_pg_lock_estimate_db(&e, db, stmts, nstmts, err)) != SD_OK)
		goto done;
	/* The version table, its log and their indexes come on top. */
	e.total += 4;
	if (e.total < 1000)
		goto done; /* far below any configuration */
	res = PQexec(sd_pg_conn(db), q);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = sd_pg_error(err, "reading the lock settings",
		              PQresultErrorMessage(res));
		goto done;
	}
	per_slot = (size_t)strtoull(PQgetvalue(res, 0, 0), NULL, 10);
	slots = (size_t)strtoull(PQgetvalue(res, 0, 1), NULL, 10);
	capacity = per_slot * slots;
	if (e.total <= capacity)
		goto done;
	/* A quarter of headroom for the other sessions, in steps of 64. */
	want = (e.total + e.total / 4 + slots - 1) / slots;
	want = (want + 63) / 64 * 64;
	per_table = e.tables_created ? (e.total + e.tables_created - 1) /
	                                   e.tables_created
	                             : 0;
	split = per_table ? capacity / 2 / per_table : 0;
	rc = sd_error_add(
		err, SD_ERUNTIME, path, 0, 0, NULL,
		"%s refused before running anything: too big for the server's "
		"lock table (max_locks_per_transaction %s x %s server "
		"processes = %s locks); it needs about %s in one transaction "
		"(%s new tables, %s new indexes, %s new sequences, %s other "
		"relations). Raise max_locks_per_transaction to %s or more "
		"(ALTER SYSTEM SET max_locks_per_transaction = %s; then "
		"restart PostgreSQL)%s%s%s",
		what, thousands(5, per_slot), thousands(6, slots),
		thousands(7, capacity), thousands(0, e.total),
		thousands(1, e.tables_created), thousands(2, e.indexes),
		thousands(3, e.sequences), thousands(4, e.relations),
		thousands(8, want), thousands(8, want),
		split ? ", or split it into revisions of at most " : "",
		split ? thousands(9, split) : "",
		split ? " tables each (README: big initial upgrades)" : "");
done:
	PQclear(res);
	return rc;
}
