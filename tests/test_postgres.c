/*
 * test_postgres.c - the PostgreSQL driver, introspection, normaliser and
 * dialect, against a real server (tools/pg start; SCHEMADIFF_TEST_PGURI).
 * Every test works in its own fresh database. Without a server the whole
 * suite reports itself skipped.
 *
 * Golden files live in testdata/postgres/; SD_UPDATE_GOLDEN=1 rewrites them.
 */
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "harness.h"
#include "db/postgres.h"
#include "diff/plan.h"
#include "emit/dialect.h"
#include "introspect/introspect.h"
#include "introspect/postgres.h"
#include "introspect/pg_pipe.h"
#include "model/logic.h"
#include "normalize/normalize.h"
#include "normalize/pg_norm.h"
#include "model/load.h"

static const char *base_uri;

/* base_uri with its database name replaced by dbname (malloc'ed). */
static char *uri_for(const char *dbname)
{
	const char *p = strstr(base_uri, "://");
	const char *slash, *q;
	sd_buf b = SD_BUF_INIT;

	p = p ? p + 3 : base_uri;
	slash = strchr(p, '/');
	q = strchr(p, '?');
	if (!slash || (q && q < slash))
		slash = q ? q : base_uri + strlen(base_uri);
	sd_buf_putn(&b, base_uri, (size_t)(slash - base_uri));
	sd_buf_printf(&b, "/%s", dbname);
	q = strchr(slash, '?');
	if (q)
		sd_buf_put(&b, q);
	return sd_buf_detach(&b);
}

static void pq_exec_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(r);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK &&
	    st != PGRES_EMPTY_QUERY)
		ck_abort_msg("SQL failed: %s\n%s", PQresultErrorMessage(r), sql);
	PQclear(r);
}

/* A new empty database for one test; returns its URI (malloc'ed). */
static char *fresh_db(const char *name)
{
	PGconn *c = PQconnectdb(base_uri);
	char sql[256];

	ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
	pq_exec_ok(c, "SET client_min_messages = warning");
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
	         name);
	pq_exec_ok(c, sql);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
	pq_exec_ok(c, sql);
	PQfinish(c);
	return uri_for(name);
}

static PGconn *pq_open(const char *uri)
{
	PGconn *c = PQconnectdb(uri);
	ck_assert_int_eq(PQstatus(c), CONNECTION_OK);
	pq_exec_ok(c, "SET client_min_messages = warning");
	return c;
}

/* A database of the test's own (fresh_db), made by ddl (NULL: left
 * empty); *uri its URI. Returns a connection to it; fresh_close ends
 * both. */
static PGconn *fresh_conn(const char *name, const char *ddl, char **uri)
{
	PGconn *c;

	*uri = fresh_db(name);
	c = pq_open(*uri);
	if (ddl)
		pq_exec_ok(c, ddl);
	return c;
}

static void fresh_close(PGconn *c, char *uri)
{
	PQfinish(c);
	free(uri);
}

/* The schema of the database at c as introspection reads it (opts may
 * be NULL); *queries, when not NULL: how many queries it sent. */
static sd_schema *introspected(PGconn *c, const sd_introspect_opts *opts,
                               size_t *queries)
{
	sd_schema *s = NULL;
	sd_error err = SD_ERROR_INIT;
	int rc = sd_pg_introspect(&s, c, opts, queries, &err);

	ck_assert_msg(rc == SD_OK, "introspection failed: %s",
	              err.first ? err.first->message : "?");
	sd_error_clear(&err);
	return s;
}

static sd_db *db_open(const char *uri)
{
	sd_db *db = NULL;
	sd_error err = SD_ERROR_INIT;
	int rc = sd_driver_postgres.open(&db, uri, ".", &err);
	if (rc != SD_OK)
		ck_abort_msg("open failed: %s", err.first ? err.first->message
		                                           : "?");
	sd_error_clear(&err);
	return db;
}

static void golden_check(const char *name, const char *actual)
{
	char path[1024];

	snprintf(path, sizeof(path), "testdata/postgres/%s", name);
	sd_test_golden(path, actual);
}

/* What sd_schema_dump leaves out, so the golden file covers it too. */
static void dump_details(sd_buf *out, const sd_schema *s)
{
	size_t i, j, k;

	for (i = 0; i < s->nenums; i++)
		if (s->enums[i]->comment)
			sd_buf_printf(out, "enum %s comment=[%s]\n",
			              s->enums[i]->base.name,
			              s->enums[i]->comment);
	for (i = 0; i < s->ntables; i++) {
		const sd_table *t = s->tables[i];
		for (j = 0; j < t->ncolumns; j++) {
			const sd_column *c = t->columns[j];
			sd_buf_printf(out, "col %s.%s type_sql=[%s]%s%s%s\n",
			              t->base.name, c->base.name, c->type_sql,
			              sd_column_x(c)->sequence ? " sequence=" : "",
			              sd_column_x(c)->sequence ? sd_column_x(c)->sequence : "",
			              c->default_value.canon &&
			                      c->default_value.canon !=
			                          c->default_value.sql
			                  ? " canon-differs"
			                  : "");
		}
		for (j = 0; j < t->nuniques; j++)
			sd_buf_printf(out, "unique %s nnd=%d deferrable=%d\n",
			              t->uniques[j]->base.name,
			              t->uniques[j]->nulls_not_distinct,
			              t->uniques[j]->deferrable);
		for (j = 0; j < t->nforeign_keys; j++) {
			const sd_foreign_key *f = t->foreign_keys[j];
			sd_buf_printf(out,
			              "fk %s deferred=%d not_valid=%d\n",
			              f->base.name, f->initially_deferred,
			              f->not_valid);
		}
		for (j = 0; j < t->nchecks; j++)
			sd_buf_printf(out, "check %s not_valid=%d\n",
			              t->checks[j]->base.name,
			              t->checks[j]->not_valid);
		for (j = 0; j < t->nindexes; j++) {
			const sd_index *ix = t->indexes[j];
			sd_buf_printf(out, "index %s", ix->base.name);
			for (k = 0; k < ix->nkeys; k++) {
				const sd_index_key *key = &ix->keys[k];
				sd_buf_printf(out, " [nulls=%d opclass=%s coll=%s]",
				              key->nulls,
				              key->opclass ? key->opclass : "-",
				              key->collation ? key->collation
				                             : "-");
			}
			for (k = 0; k < ix->include.n; k++)
				sd_buf_printf(out, " include=%s",
				              ix->include.items[k]);
			if (ix->comment)
				sd_buf_printf(out, " comment=[%s]", ix->comment);
			sd_buf_putc(out, '\n');
		}
	}
	for (i = 0; i < s->nunmanaged; i++) {
		const sd_unmanaged *u = s->unmanaged[i];
		sd_buf_printf(out, "unmanaged %s %s%s%s table=%s\n", u->what,
		              u->base.schema ? u->base.schema : "",
		              u->base.schema ? "." : "", u->base.name,
		              u->table ? u->table : "-");
	}
}

static const char introspect_ddl[] =
	"CREATE EXTENSION citext;\n"
	"CREATE SCHEMA billing;\n"
	"CREATE SCHEMA empty_ns;\n"
	"CREATE TYPE user_status AS ENUM ('active', 'banned');\n"
	"ALTER TYPE user_status ADD VALUE 'pending' BEFORE 'banned';\n"
	"COMMENT ON TYPE user_status IS 'Lifecycle';\n"
	"CREATE TYPE billing.currency AS ENUM ('eur', 'usd');\n"
	"CREATE TABLE orgs (id serial PRIMARY KEY, name text NOT NULL UNIQUE);\n"
	"CREATE TABLE users (\n"
	"  id integer GENERATED BY DEFAULT AS IDENTITY\n"
	"     CONSTRAINT pk_users PRIMARY KEY,\n"
	"  username varchar(50) NOT NULL,\n"
	"  email varchar(120),\n"
	"  status user_status DEFAULT 'active',\n"
	"  created_at timestamptz NOT NULL DEFAULT now(),\n"
	"  org_id integer,\n"
	"  score numeric(10,2) DEFAULT 0, big bigint, ratio double precision,\n"
	"  small smallint, flag boolean DEFAULT false, r real, code char(3),\n"
	"  bio text COLLATE \"C\", d date, t time, ts timestamp, iv interval,\n"
	"  j json, jb jsonb, u uuid, bin bytea, tags text[], addr inet,\n"
	"  nick citext, plain_num numeric, anyvc varchar,\n"
	"  lang varchar(5) DEFAULT 'en'::text,\n"
	"  username_len integer GENERATED ALWAYS AS (length(username)) STORED,\n"
	"  CONSTRAINT uq_users_org_username UNIQUE (org_id, username),\n"
	"  CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES orgs(id)\n"
	"     ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n"
	"  CONSTRAINT ck_users_username_len CHECK (length(username) > 2)\n"
	");\n"
	"COMMENT ON TABLE users IS 'Registered users';\n"
	"COMMENT ON COLUMN users.email IS 'Contact address';\n"
	"CREATE INDEX ix_users_username ON users (username);\n"
	"CREATE UNIQUE INDEX ix_users_lower_email ON users (lower(email))\n"
	"  WHERE email IS NOT NULL;\n"
	"CREATE INDEX ix_users_created ON users (created_at DESC NULLS LAST,\n"
	"  id NULLS FIRST) INCLUDE (status);\n"
	"COMMENT ON INDEX ix_users_created IS 'Newest first';\n"
	"CREATE INDEX ix_users_name_pattern ON users (username varchar_pattern_ops);\n"
	"CREATE INDEX ix_users_bio_coll ON users (bio COLLATE \"POSIX\");\n"
	"CREATE INDEX ix_users_tags ON users USING gin (tags);\n"
	"CREATE TABLE billing.invoices (\n"
	"  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
	"  user_id integer,\n"
	"  currency billing.currency NOT NULL DEFAULT 'eur',\n"
	"  amount numeric(12,2) NOT NULL CHECK (amount >= 0),\n"
	"  during tstzrange\n"
	");\n"
	"ALTER TABLE billing.invoices ADD CONSTRAINT fk_inv_user FOREIGN KEY\n"
	"  (user_id) REFERENCES users(id) ON UPDATE RESTRICT\n"
	"  ON DELETE SET NULL NOT VALID;\n"
	"ALTER TABLE billing.invoices ADD CONSTRAINT ck_inv_cur\n"
	"  CHECK (currency <> 'usd') NOT VALID;\n"
	"ALTER TABLE billing.invoices ADD CONSTRAINT ex_inv\n"
	"  EXCLUDE USING gist (during WITH &&);\n"
	"CREATE TABLE uniq_nnd (a int, b int,\n"
	"  CONSTRAINT uq_nnd UNIQUE NULLS NOT DISTINCT (a, b));\n"
	"CREATE VIEW active_users AS SELECT id, username FROM users\n"
	"  WHERE status = 'active';\n"
	"CREATE MATERIALIZED VIEW user_counts AS\n"
	"  SELECT status, count(*) FROM users GROUP BY status;\n"
	"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql\n"
	"  AS $$BEGIN RETURN NEW; END$$;\n"
	"CREATE PROCEDURE billing.noop() LANGUAGE sql AS $$SELECT 1$$;\n"
	"CREATE TRIGGER trg_users_touch BEFORE UPDATE ON users\n"
	"  FOR EACH ROW EXECUTE FUNCTION touch();\n"
	"ALTER TABLE users ENABLE ROW LEVEL SECURITY;\n"
	"CREATE POLICY p_users ON users USING (status = 'active');\n"
	"CREATE SEQUENCE free_seq;\n"
	"CREATE TABLE schemadiff_version (revision text);\n"
	"CREATE TABLE schemadiff_version_log (x int);\n"
	"CREATE TABLE legacy_stuff (x int);\n"
	"CREATE TRIGGER trg_legacy BEFORE UPDATE ON legacy_stuff\n"
	"  FOR EACH ROW EXECUTE FUNCTION touch();\n";

static const char *const ignore_globs[] = {"legacy_*", NULL};

START_TEST(introspect_every_kind)
{
	char *uri;
	PGconn *c = fresh_conn("sd_t_introspect", introspect_ddl, &uri);
	sd_introspect_opts opts = {.version_table = "schemadiff_version",
	                           .ignore = ignore_globs};
	sd_schema *s = introspected(c, &opts, NULL);
	sd_buf out = SD_BUF_INIT;
	const sd_table *users, *orgs, *inv;

	sd_schema_dump(&out, s);
	sd_buf_put(&out, "--- details\n");
	dump_details(&out, s);
	golden_check("introspect.golden", sd_buf_cstr(&out));

	/* The facts the golden file holds, spelled out. */
	ck_assert_ptr_null(sd_schema_find_table(s, NULL, "schemadiff_version"));
	ck_assert_ptr_null(
		sd_schema_find_table(s, NULL, "schemadiff_version_log"));
	ck_assert_ptr_null(sd_schema_find_table(s, NULL, "legacy_stuff"));
	ck_assert_ptr_null(sd_schema_find_enum(s, NULL, "citext"));
	users = sd_schema_find_table(s, NULL, "users");
	orgs = sd_schema_find_table(s, NULL, "orgs");
	inv = sd_schema_find_table(s, "billing", "invoices");
	ck_assert_ptr_nonnull(users);
	ck_assert_ptr_nonnull(inv);
	ck_assert(sd_table_find_column(orgs, "id")->autoincrement);
	ck_assert_str_eq(sd_column_x(sd_table_find_column(orgs, "id"))->sequence,
	                 "orgs_id_seq");
	/* serial: the default stays what it is, the column owns the
	 * sequence, and the sequence is an object of its own */
	ck_assert_str_eq(sd_table_find_column(orgs, "id")->default_value.sql,
	                 "nextval('orgs_id_seq'::regclass)");
	ck_assert_str_eq(sd_schema_find_sequence(s, NULL, "orgs_id_seq")
	                     ->owned_by_column,
	                 "id");
	ck_assert(sd_table_find_column(users, "id")->autoincrement);
	ck_assert_int_eq(sd_table_find_column(inv, "id")->identity,
	                 SD_IDENTITY_ALWAYS);
	ck_assert_int_eq(sd_table_find_column(inv, "currency")->type.kind,
	                 SD_T_ENUM);
	ck_assert_str_eq(sd_table_find_column(inv, "currency")->type.enum_schema,
	                 "billing");
	ck_assert_str_eq(
		sd_table_find_column(users, "status")->default_value.sql,
		"'active'::user_status");
	ck_assert_str_eq(sd_table_find_column(users, "lang")->default_value.canon,
	                 "'en'::character varying");
	ck_assert_str_eq(sd_column_x(sd_table_find_column(users, "bio"))->collation, "C");
	ck_assert_str_eq(inv->foreign_keys[0]->ref_table, "users");
	ck_assert_ptr_null(inv->foreign_keys[0]->ref_schema);
	ck_assert(inv->foreign_keys[0]->not_valid);
	ck_assert_int_eq(inv->foreign_keys[0]->on_delete, SD_FK_SET_NULL);
	ck_assert_int_eq(inv->foreign_keys[0]->on_update, SD_FK_RESTRICT);
	ck_assert_str_eq(sd_schema_find_enum(s, NULL, "user_status")
	                     ->values.items[1],
	                 "pending");

	sd_schema_free(s);
	sd_buf_free(&out);
	fresh_close(c, uri);
}
END_TEST

/* Introspection asks the same handful of queries however many tables. */
static size_t count_queries(PGconn *c, int ntables)
{
	sd_buf ddl = SD_BUF_INIT;
	sd_schema *s;
	size_t n = 0;
	int i;

	pq_exec_ok(c, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
	for (i = 0; i < ntables; i++)
		sd_buf_printf(&ddl,
		              "CREATE TABLE t%d (id serial PRIMARY KEY, name "
		              "text DEFAULT 'x', ref int REFERENCES t%d(id), "
		              "CHECK (length(name) > 0));\n"
		              "CREATE INDEX ix_t%d ON t%d (lower(name));\n",
		              i, i ? i - 1 : 0, i, i);
	pq_exec_ok(c, sd_buf_cstr(&ddl));
	s = introspected(c, NULL, &n);
	ck_assert_uint_eq(s->ntables, (size_t)ntables);
	ck_assert_uint_eq(s->tables[0]->nindexes, 1);
	ck_assert_uint_eq(s->tables[0]->nforeign_keys, 1);
	sd_schema_free(s);
	sd_buf_free(&ddl);
	return n;
}

START_TEST(introspect_query_count_constant)
{
	char *uri;
	PGconn *c = fresh_conn("sd_t_count", NULL, &uri);
	size_t n10 = count_queries(c, 10);
	size_t n200 = count_queries(c, 200);

	ck_assert_uint_eq(n10, n200);
	ck_assert_uint_le(n10, 22); /* one query per kind */
	fresh_close(c, uri);
}
END_TEST

/*
 * The rarer kinds (collations, composite and range types, policies,
 * rules, row security, window functions) are read when the schemas have
 * them, and their queries are not sent when they have none: one query
 * each between the two.
 */
START_TEST(introspect_rare_kinds_only_when_present)
{
	char *uri;
	PGconn *c = fresh_conn("sd_t_rare",
	                       "CREATE TABLE t (id int PRIMARY KEY, name text)",
	                       &uri);
	size_t none = 0, all = 0;
	sd_schema *s = introspected(c, NULL, &none);
	sd_logic *l;
	sd_table *t;

	ck_assert_uint_eq(s->ncollations + s->ncomposites + s->nranges, 0);
	sd_schema_free(s);
	pq_exec_ok(c,
	           "CREATE COLLATION ci (provider = icu, locale = 'und');"
	           "CREATE TYPE pair AS (a int, b int);"
	           "CREATE TYPE span AS RANGE (subtype = int4);"
	           "ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
	           "CREATE POLICY own ON t USING (id > 0);"
	           "CREATE RULE keep AS ON DELETE TO t DO INSTEAD NOTHING;"
	           "CREATE FUNCTION rn() RETURNS bigint WINDOW"
	           " LANGUAGE internal AS 'window_row_number';");
	s = introspected(c, NULL, &all);
	l = sd_schema_logic(s);
	t = sd_schema_find_table(s, NULL, "t");
	ck_assert_uint_eq(s->ncollations, 1);
	ck_assert_uint_eq(s->ncomposites, 1);
	ck_assert_uint_eq(s->nranges, 1);
	ck_assert_uint_eq(l->npolicies, 1);
	ck_assert_uint_eq(l->nrules, 1);
	ck_assert(t->row_security);
	ck_assert_uint_eq(s->nunmanaged, 1);
	ck_assert_str_eq(s->unmanaged[0]->what, "window function");
	ck_assert_uint_eq(all, none + 7);
	sd_schema_free(s);
	fresh_close(c, uri);
}
END_TEST

/*
 * What schemadiff does not manage is reported, each kind by what it is
 * and a name that tells it apart, and never an extension's objects (the
 * operators and classes of pg_trgm, the wrapper of postgres_fdw): one
 * query more than a database of tables alone.
 */
START_TEST(introspect_reports_unmanaged_kinds)
{
	char *uri;
	PGconn *c = fresh_conn("sd_t_unmanaged",
	                       "CREATE EXTENSION pg_trgm;"
	                       " CREATE EXTENSION postgres_fdw;"
	                       "CREATE TABLE t (id int PRIMARY KEY);",
	                       &uri);
	size_t none = 0, all = 0, i;
	sd_schema *s = introspected(c, NULL, &none);
	sd_buf got = SD_BUF_INIT;

	ck_assert_uint_eq(s->nunmanaged, 0);
	sd_schema_free(s);
	pq_exec_ok(c,
	           "CREATE SCHEMA ext;"
	           "CREATE SERVER films_srv FOREIGN DATA WRAPPER postgres_fdw"
	           " OPTIONS (dbname 'films');"
	           "CREATE USER MAPPING FOR PUBLIC SERVER films_srv;"
	           "CREATE FOREIGN TABLE ext.films (code text) SERVER films_srv;"
	           "CREATE FOREIGN DATA WRAPPER dummy_fdw;"
	           "CREATE TYPE mood AS ENUM ('a', 'b');"
	           "CREATE FUNCTION mood_text(mood) RETURNS text LANGUAGE sql"
	           " IMMUTABLE AS 'SELECT $1::text';"
	           "CREATE CAST (mood AS text) WITH FUNCTION mood_text(mood);"
	           "CREATE FUNCTION int_eq(int, int) RETURNS boolean"
	           " LANGUAGE sql IMMUTABLE AS 'SELECT $1 = $2';"
	           "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int,"
	           " FUNCTION = int_eq);"
	           "CREATE OPERATOR CLASS int_ops FOR TYPE int USING hash AS"
	           " OPERATOR 1 ===, FUNCTION 1 hashint4(int);"
	           "CREATE OPERATOR FAMILY fam USING btree;"
	           "CREATE TEXT SEARCH CONFIGURATION cfg (COPY = english);"
	           "CREATE TEXT SEARCH DICTIONARY dict (TEMPLATE = simple);"
	           "CREATE PUBLICATION pub FOR TABLE t;"
	           "CREATE CONVERSION conv FOR 'LATIN1' TO 'UTF8'"
	           " FROM iso8859_1_to_utf8;"
	           "CREATE LANGUAGE lang HANDLER plpgsql_call_handler;"
	           "CREATE ACCESS METHOD am TYPE TABLE"
	           " HANDLER heap_tableam_handler;");
	s = introspected(c, NULL, &all);
	for (i = 0; i < s->nunmanaged; i++)
		sd_buf_printf(&got, "%s %s%s%s\n", s->unmanaged[i]->what,
		              s->unmanaged[i]->base.schema
		                  ? s->unmanaged[i]->base.schema : "",
		              s->unmanaged[i]->base.schema ? "." : "",
		              s->unmanaged[i]->base.name);
	ck_assert_str_eq(sd_buf_cstr(&got),
	                 "cast (mood AS text)\n"
	                 "operator ===(integer, integer)\n"
	                 "access method am\n"
	                 "text search configuration cfg\n"
	                 "conversion conv\n"
	                 "text search dictionary dict\n"
	                 "foreign data wrapper dummy_fdw\n"
	                 "operator family fam USING btree\n"
	                 "server films_srv\n"
	                 "user mapping for PUBLIC server films_srv\n"
	                 "operator class int_ops USING hash\n"
	                 "language lang\n"
	                 "publication pub\n"
	                 "foreign table ext.films\n");
	ck_assert_uint_eq(all, none + 1);
	sd_schema_free(s);
	sd_buf_free(&got);
	fresh_close(c, uri);
}
END_TEST

/*
 * The catalog is read in stages of queries sent ahead together; the
 * queries made from an earlier result (operator class names) come in
 * between. The connection is left out of pipeline mode and idle.
 */
START_TEST(introspect_pipeline_leaves_connection_idle)
{
	char *uri;
	PGconn *c = fresh_conn("sd_t_pipe",
	                       "CREATE TABLE t (id int PRIMARY KEY, name text);"
	                       "CREATE INDEX t_name ON t (name text_pattern_ops);"
	                       "CREATE VIEW v AS SELECT id FROM t;",
	                       &uri);
	sd_schema *s = introspected(c, NULL, NULL);
	const sd_index *ix;
	PGresult *res;

	ix = sd_schema_find_table(s, NULL, "t")->indexes[0];
	ck_assert_str_eq(ix->keys[0].opclass, "text_pattern_ops");
	ck_assert_uint_eq(sd_schema_logic(s)->nviews, 1);
	ck_assert_int_eq(PQpipelineStatus(c), PQ_PIPELINE_OFF);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
	res = PQexec(c, "SELECT 1");
	ck_assert_int_eq(PQresultStatus(res), PGRES_TUPLES_OK);
	PQclear(res);
	sd_schema_free(s);
	fresh_close(c, uri);
}
END_TEST

/* Queries sent ahead are taken in order; one asked out of order ends the
 * pipeline and every query still gets its own answer. */
START_TEST(pipe_out_of_order)
{
	char *uri = fresh_db("sd_t_pipe2");
	PGconn *c = pq_open(uri);
	sd_error err = SD_ERROR_INIT;
	sd_pg_pipe p;
	size_t n = 0;
	PGresult *res;

	memset(&p, 0, sizeof(p));
	sd_pg_pipe_send(&p, c, "SELECT 1");
	sd_pg_pipe_send(&p, c, "SELECT 2");
	sd_pg_pipe_send(&p, c, "SELECT 3");
	sd_pg_pipe_sync(&p);
	ck_assert(sd_pg_pipe_next(&p, "SELECT 1"));
	res = sd_pg_pipe_query(&p, c, "SELECT 1", 0, NULL, &n, &err);
	ck_assert_str_eq(PQgetvalue(res, 0, 0), "1");
	PQclear(res);
	/* not the next one queued: the pipeline ends first */
	res = sd_pg_pipe_query(&p, c, "SELECT 3", 0, NULL, &n, &err);
	ck_assert_str_eq(PQgetvalue(res, 0, 0), "3");
	PQclear(res);
	ck_assert(!sd_pg_pipe_next(&p, "SELECT 2"));
	ck_assert_int_eq(PQpipelineStatus(c), PQ_PIPELINE_OFF);
	res = sd_pg_pipe_query(&p, c, "SELECT 2", 0, NULL, &n, &err);
	ck_assert_str_eq(PQgetvalue(res, 0, 0), "2");
	PQclear(res);
	ck_assert_uint_eq(n, 3);
	/* an error in a stage: reported, and the rest dropped */
	sd_pg_pipe_send(&p, c, "SELECT 1/0");
	sd_pg_pipe_send(&p, c, "SELECT 4");
	sd_pg_pipe_sync(&p);
	ck_assert_ptr_null(
		sd_pg_pipe_query(&p, c, "SELECT 1/0", 0, NULL, &n, &err));
	ck_assert(strstr(err.first->message, "division by zero"));
	ck_assert_int_eq(PQpipelineStatus(c), PQ_PIPELINE_OFF);
	res = PQexec(c, "SELECT 5");
	ck_assert_str_eq(PQgetvalue(res, 0, 0), "5");
	PQclear(res);
	sd_pg_pipe_end(&p);
	sd_error_clear(&err);
	PQfinish(c);
	free(uri);
}
END_TEST

START_TEST(type_mapping)
{
	static const struct {
		const char *ft;
		const char *portable;
	} cases[] = {
		{"smallint", "smallint"},
		{"integer", "integer"},
		{"bigint", "bigint"},
		{"boolean", "boolean"},
		{"real", "real"},
		{"double precision", "float"},
		{"numeric", "numeric"},
		{"numeric(10,2)", "numeric(10,2)"},
		{"character varying(50)", "string(50)"},
		{"character varying", "string"},
		{"character(3)", "char(3)"},
		{"text", "text"},
		{"date", "date"},
		{"time without time zone", "time"},
		{"timestamp without time zone", "timestamp"},
		{"timestamp with time zone", "timestamptz"},
		{"interval", "interval"},
		{"json", "json"},
		{"jsonb", "jsonb"},
		{"uuid", "uuid"},
		{"bytea", "binary"},
		{"integer[]", "integer[]"},
		{"inet", "inet"},
		{"timestamp(3) without time zone",
		 "timestamp(3) without time zone"},
	};
	sd_arena *a = sd_arena_new();
	sd_buf b = SD_BUF_INIT;
	sd_type t;
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(cases); i++) {
		sd_buf_truncate(&b, 0);
		sd_pg_type_from_catalog(a, cases[i].ft, NULL, NULL, &t);
		sd_type_format(&b, &t);
		ck_assert_str_eq(sd_buf_cstr(&b), cases[i].portable);
	}
	sd_pg_type_from_catalog(a, "billing.currency", "billing", "currency",
	                        &t);
	ck_assert_int_eq(t.kind, SD_T_ENUM);
	ck_assert_str_eq(t.name, "currency");
	ck_assert_str_eq(t.enum_schema, "billing");
	sd_buf_free(&b);
	sd_arena_free(a);
}
END_TEST

/* The C canonicalisation, on real server outputs (pg_get_expr of
 * defaults written as in the comment). */
START_TEST(canon_default_table)
{
	static const struct {
		sd_type_kind kind;
		const char *server;
		const char *canon;
	} cases[] = {
		{SD_T_TIMESTAMPTZ, "now()", "now()"},               /* now() */
		/* kept as the catalog prints them (pg_dump does too) */
		{SD_T_TIMESTAMPTZ, "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
		{SD_T_TIMESTAMP, "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
		{SD_T_TIMESTAMPTZ, "transaction_timestamp()",
		 "transaction_timestamp()"},
		{SD_T_DATE, "CURRENT_DATE", "CURRENT_DATE"},
		{SD_T_STRING, "'x'::character varying", "'x'::character varying"},
		{SD_T_STRING, "'x'::text", "'x'::character varying"}, /* 'x'::text */
		{SD_T_TEXT, "'x'::text", "'x'::text"},
		{SD_T_TEXT, "'x'::character varying", "'x'::text"},   /* 'x'::varchar */
		{SD_T_TEXT, "'it''s'::character varying", "'it''s'::text"},
		{SD_T_CHAR, "'ab'::bpchar", "'ab'::bpchar"},
		{SD_T_INTEGER, "0", "0"},
		{SD_T_BOOLEAN, "false", "false"},
		{SD_T_STRING, "('a'::text || 'b'::text)", "('a'::text || 'b'::text)"},
	};
	sd_arena *a = sd_arena_new();
	sd_type t;
	size_t i;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < SD_ARRAY_LEN(cases); i++) {
		t.kind = cases[i].kind;
		ck_assert_str_eq(sd_pg_canon_default(a, &t, cases[i].server),
		                 cases[i].canon);
	}
	sd_arena_free(a);
}
END_TEST

/* A nextval default's canonical text, as the server prints it, whatever
 * quoting the models use (the sequence may not exist yet). */
START_TEST(canon_nextval_table)
{
	static const struct {
		const char *sql, *canon;
	} cases[] = {
		{"nextval('o_id_seq'::regclass)", "nextval('o_id_seq'::regclass)"},
		{"nextval('o_id_seq')", "nextval('o_id_seq'::regclass)"},
		{"nextval('public.o_id_seq')", "nextval('o_id_seq'::regclass)"},
		{"nextval('app.o_id_seq')", "nextval('app.o_id_seq'::regclass)"},
		{"nextval('\"Orders_Id_seq\"'::regclass)",
		 "nextval('\"Orders_Id_seq\"'::regclass)"},
		{"nextval('\"App\".\"we\"\"ird\"')",
		 "nextval('\"App\".\"we\"\"ird\"'::regclass)"},
		{"nextval('\"app\".\"o_seq\"')", "nextval('app.o_seq'::regclass)"},
		{"nextval('Orders_seq')", NULL}, /* the server folds it */
		{"nextval('a.b.c')", NULL},
		{"nextval('\"\"')", NULL},
		{"nextval('x') + 1", NULL},
	};
	sd_arena *a = sd_arena_new();
	size_t i;

	for (i = 0; i < SD_ARRAY_LEN(cases); i++) {
		const char *got = sd_pg_canon_nextval(a, cases[i].sql);
		if (!cases[i].canon)
			ck_assert_msg(!got, "%s: %s", cases[i].sql, got);
		else
			ck_assert_str_eq(got, cases[i].canon);
	}
	sd_arena_free(a);
}
END_TEST

static const char spec_models[] =
	"enums:\n"
	"  - name: user_status\n"
	"    values: [active, banned]\n"
	"tables:\n"
	"  - name: orgs\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"  - name: users\n"
	"    columns:\n"
	"      - {name: id, type: integer, primary_key: true}\n"
	"      - {name: username, type: string(50), nullable: false}\n"
	"      - {name: email, type: string(120)}\n"
	"      - {name: state, type: string(20), default: \"'active'\"}\n"
	"      - {name: status, type: enum(user_status), default: \"'active'\"}\n"
	"      - {name: created_at, type: timestamptz, default: now(), nullable: false}\n"
	"      - {name: updated_at, type: timestamptz, default: CURRENT_TIMESTAMP}\n"
	"      - {name: logins, type: integer, default: \"0\"}\n"
	"      - {name: addr, type: int4}\n"
	"    indexes:\n"
	"      - {name: ix_users_lower_email, expressions: [\"lower(email)\"], unique: true, where: \"email IS NOT NULL\"}\n"
	"    checks:\n"
	"      - {name: ck_users_username_len, expression: \"length(username) > 2\"}\n";

/* The same schema, written by hand the way people do. */
static const char spec_ddl[] =
	"CREATE TYPE user_status AS ENUM ('active', 'banned');\n"
	"CREATE TABLE orgs (id serial PRIMARY KEY);\n"
	"CREATE TABLE users (id integer GENERATED BY DEFAULT AS IDENTITY\n"
	"  PRIMARY KEY, username VARCHAR(50) NOT NULL, email VARCHAR(120),\n"
	"  state VARCHAR(20) DEFAULT 'active'::text,\n"
	"  status user_status DEFAULT 'active'::user_status,\n"
	"  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),\n"
	"  updated_at TIMESTAMPTZ DEFAULT current_timestamp,\n"
	"  logins INT DEFAULT (0),\n"
	"  addr integer,\n"
	"  CONSTRAINT ck_users_username_len CHECK (LENGTH(username)>2));\n"
	"CREATE UNIQUE INDEX ix_users_lower_email ON users (LOWER(email))\n"
	"  WHERE (email IS NOT NULL);\n";

START_TEST(normalize_spec_examples)
{
	char *uri = fresh_db("sd_t_normalize");
	sd_db *db = db_open(uri);
	PGconn *c = pq_open(uri);
	sd_schema *models = NULL, *live = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_arena *a = sd_arena_new();
	const sd_table *mu, *lu;
	const char *cols[] = {"state", "status", "created_at", "updated_at",
	                      "logins"};
	size_t i;

	ck_assert_int_eq(sd_models_load_data(&models, spec_models,
	                                     strlen(spec_models), "models.yaml",
	                                     &sd_naming_default, &err),
	                 SD_OK);
	pq_exec_ok(c, spec_ddl);
	ck_assert_int_eq(sd_normalize(db, models, NULL, &err), SD_OK);
	ck_assert_int_eq(sd_introspect(&live, db, NULL, &err),
	                 SD_OK);
	mu = sd_schema_find_table(models, NULL, "users");
	lu = sd_schema_find_table(live, NULL, "users");

	/* The server's forms (SPEC examples). */
	ck_assert_str_eq(sd_table_find_column(mu, "state")->default_value.canon,
	                 "'active'::character varying");
	ck_assert_str_eq(mu->checks[0]->expression.canon,
	                 "(length((username)::text) > 2)");
	ck_assert_str_eq(mu->indexes[0]->where.canon, "(email IS NOT NULL)");
	ck_assert_str_eq(mu->indexes[0]->keys[0].expression.canon,
	                 "lower((email)::text)");
	/* RAW types take the server's spelling: int4 is integer. */
	ck_assert_int_eq(sd_table_find_column(mu, "addr")->type.kind,
	                 SD_T_INTEGER);
	/* The user's text stays what gets emitted. */
	ck_assert_str_eq(sd_table_find_column(mu, "state")->default_value.sql,
	                 "'active'");

	for (i = 0; i < SD_ARRAY_LEN(cols); i++) {
		const sd_column *m = sd_table_find_column(mu, cols[i]);
		const sd_column *l = sd_table_find_column(lu, cols[i]);
		if (!sd_expr_equal(a, &m->default_value, &l->default_value))
			ck_abort_msg("%s: model [%s] vs live [%s]", cols[i],
			             m->default_value.canon,
			             l->default_value.canon);
	}
	ck_assert(sd_expr_equal(a, &mu->checks[0]->expression,
	                        &lu->checks[0]->expression));
	ck_assert(sd_expr_equal(a, &mu->indexes[0]->where,
	                        &lu->indexes[0]->where));
	ck_assert(sd_expr_equal(a, &mu->indexes[0]->keys[0].expression,
	                        &lu->indexes[0]->keys[0].expression));
	/* A real difference stays one. */
	pq_exec_ok(c, "ALTER TABLE users ALTER COLUMN logins SET DEFAULT 1");
	/* now() and CURRENT_TIMESTAMP: the catalog keeps each as written,
	 * pg_dump prints them so, a migration reproduces the spelling */
	pq_exec_ok(c, "ALTER TABLE users ALTER COLUMN created_at "
	              "SET DEFAULT CURRENT_TIMESTAMP");
	sd_schema_free(live);
	live = NULL;
	ck_assert_int_eq(sd_introspect(&live, db, NULL, &err),
	                 SD_OK);
	lu = sd_schema_find_table(live, NULL, "users");
	ck_assert(!sd_expr_equal(a,
	                         &sd_table_find_column(mu, "logins")->default_value,
	                         &sd_table_find_column(lu, "logins")->default_value));
	ck_assert(!sd_expr_equal(
		a, &sd_table_find_column(mu, "created_at")->default_value,
		&sd_table_find_column(lu, "created_at")->default_value));
	/* serial and identity both read as autoincrement */
	ck_assert(sd_table_find_column(lu, "id")->autoincrement);
	ck_assert(sd_table_find_column(
		sd_schema_find_table(live, NULL, "orgs"), "id")->autoincrement);
	/* Nothing of the scratch schemas is left behind. */
	{
		PGresult *r = PQexec(c, "SELECT count(*) FROM pg_namespace "
		                        "WHERE nspname LIKE 'sd_norm_%'");
		ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
		PQclear(r);
	}
	sd_schema_free(models);
	sd_schema_free(live);
	sd_arena_free(a);
	sd_error_clear(&err);
	PQfinish(c);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/* Models in a non-public schema, with an enum there. */
START_TEST(normalize_other_schema)
{
	static const char yaml[] =
		"enums:\n"
		"  - {name: currency, schema: billing, values: [eur, usd]}\n"
		"tables:\n"
		"  - name: invoices\n"
		"    schema: billing\n"
		"    columns:\n"
		"      - {name: id, type: bigint, primary_key: true}\n"
		"      - {name: cur, type: enum(billing.currency), default: \"'eur'\"}\n"
		"    checks:\n"
		"      - {name: ck_cur, expression: \"cur <> 'usd'\"}\n";
	char *uri = fresh_db("sd_t_normalize_ns");
	sd_db *db = db_open(uri);
	sd_schema *models = NULL;
	sd_error err = SD_ERROR_INIT;
	const sd_table *t;

	ck_assert_int_eq(sd_models_load_data(&models, yaml, strlen(yaml),
	                                     "m.yaml", &sd_naming_default,
	                                     &err),
	                 SD_OK);
	ck_assert_int_eq(sd_normalize(db, models, NULL, &err), SD_OK);
	t = sd_schema_find_table(models, "billing", "invoices");
	ck_assert_str_eq(sd_table_find_column(t, "cur")->default_value.canon,
	                 "'eur'::billing.currency");
	ck_assert_str_eq(t->checks[0]->expression.canon,
	                 "(cur <> 'usd'::billing.currency)");
	sd_schema_free(models);
	sd_error_clear(&err);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/* 600 tables with indexes: more than one transaction's worth of locks
 * under the default max_locks_per_transaction. */
START_TEST(normalize_many_tables)
{
	char *uri = fresh_db("sd_t_normalize_many");
	sd_db *db = db_open(uri);
	sd_schema *models = sd_schema_new();
	sd_error err = SD_ERROR_INIT;
	int i;

	for (i = 0; i < 600; i++) {
		char name[32];
		sd_table *t;
		sd_column *c;
		sd_index *ix;
		snprintf(name, sizeof(name), "t%d", i);
		t = sd_schema_add_table(models, NULL, name);
		c = sd_table_add_column(models, t, "id");
		c->type.kind = SD_T_INTEGER;
		c->nullable = false;
		c->autoincrement = true;
		sd_strlist_push(models->arena,
		                &sd_table_set_primary_key(models, t,
		                                          sd_arena_printf(models->arena, "pk_%s", name))
		                     ->columns,
		                "id");
		c = sd_table_add_column(models, t, "name");
		c->type.kind = SD_T_STRING;
		c->type.length = 20;
		c->default_value.sql = "'x'";
		snprintf(name, sizeof(name), "ix_t%d", i);
		ix = sd_table_add_index(models, t, name);
		ix->keys = sd_arena_alloc(models->arena, sizeof(sd_index_key));
		ix->nkeys = 1;
		ix->keys[0].column = "name";
	}
	sd_schema_index(models);
	if (sd_normalize(db, models, NULL, &err) != SD_OK)
		ck_abort_msg("normalize: %s", err.first->message);
	ck_assert_str_eq(models->tables[599]->columns[1]->default_value.canon,
	                 "'x'::character varying");
	sd_schema_free(models);
	sd_error_clear(&err);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

START_TEST(normalize_reports_bad_expression)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: t\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: x, type: integer, default: \"no_such_fn()\"}\n";
	char *uri = fresh_db("sd_t_normalize_bad");
	sd_db *db = db_open(uri);
	sd_schema *models = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_buf msg = SD_BUF_INIT;

	ck_assert_int_eq(sd_models_load_data(&models, yaml, strlen(yaml),
	                                     "m.yaml", &sd_naming_default,
	                                     &err),
	                 SD_OK);
	ck_assert_int_eq(sd_normalize(db, models, NULL, &err),
	                 SD_EINPUT);
	sd_diag_format(&msg, err.first);
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&msg), "t: "));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&msg), "no_such_fn"));
	sd_buf_free(&msg);
	sd_schema_free(models);
	sd_error_clear(&err);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/*
 * Expressions of the models that do not parse on their own (a missing or
 * an extra ')') break out of the statement they are written into. The
 * server parses a whole script before it runs any of it, so such an
 * expression used to fail everything with "normalising the models",
 * "savepoint sd_norm_all does not exist" or a scratch table's name. Each
 * is reported at its own line, with the parser's message.
 */
START_TEST(normalize_reports_refused_at_line)
{
	static const struct {
		const char *yaml;
		int line;
		const char *says;
		size_t errors;
	} cases[] = {
		{"tables:\n"
		 "  - name: tickets\n"
		 "    columns:\n"
		 "      - {name: id, type: integer, primary_key: true}\n"
		 "      - {name: status, type: \"varchar(20)\"}\n"
		 "    checks:\n"
		 "      - {name: tickets_status_check, expression: \"status IN ('open', 'closed'\"}\n"
		 "    indexes:\n"
		 "      - {name: tickets_open, columns: [id], where: \"status = 'open')\"}\n",
		 7, "syntax error", 2},
		{"tables:\n"
		 "  - name: tickets\n"
		 "    columns:\n"
		 "      - {name: id, type: integer, primary_key: true}\n"
		 "      - {name: status, type: text, default: \"lower('OPEN'\"}\n",
		 5, "syntax error", 1},
		{"domains:\n"
		 "  - name: release_year\n"
		 "    type: integer\n"
		 "    checks: [{name: release_year_check, expression: \"VALUE > 1900)\"}]\n",
		 2, "syntax error", 1},
		{"tables:\n"
		 "  - name: tickets\n"
		 "    columns:\n"
		 "      - {name: id, type: integer, primary_key: true}\n"
		 "views:\n"
		 "  - name: open_tickets\n"
		 "    query: \"SELECT id FROM tickets WHERE (id > 1\"\n",
		 6, "syntax error", 1},
		{"tables:\n"
		 "  - name: events\n"
		 "    columns:\n"
		 "      - {name: at, type: timestamptz}\n"
		 "    partition_by: \"RANGE (at\"\n",
		 2, "syntax error", 1},
		/* refused when run: each at its table's line, in its name */
		{"tables:\n"
		 "  - name: events\n"
		 "    columns:\n"
		 "      - {name: at, type: timestamptz}\n"
		 "    partition_by: \"RANGE (happened_at)\"\n"
		 "  - name: events_2024\n"
		 "    partition_of: events\n"
		 "    partition_bound: \"FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')\"\n",
		 2, "column \"happened_at\" named in partition key does not exist", 1},
		{"tables:\n"
		 "  - name: events\n"
		 "    columns:\n"
		 "      - {name: at, type: timestamptz}\n"
		 "    partition_by: \"RANGE (at)\"\n"
		 "  - name: events_2024\n"
		 "    partition_of: events\n"
		 "    partition_bound: \"FOR VALUES FROM ('someday') TO ('2025-01-01')\"\n",
		 6, "invalid input syntax for type timestamp with time zone", 1},
		{"tables:\n"
		 "  - name: events\n"
		 "    columns:\n"
		 "      - {name: id, type: bigint, primary_key: true}\n"
		 "      - {name: at, type: timestamptz}\n"
		 "    partition_by: \"RANGE (at)\"\n",
		 2, "must include all partitioning columns (PRIMARY KEY "
		    "constraint on table \"events\" lacks column \"at\" which "
		    "is part of the partition key)", 1},
	};
	char *uri = fresh_db("sd_t_normalize_unbalanced");
	sd_db *db = db_open(uri);
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sd_schema *models = NULL;
		sd_error err = SD_ERROR_INIT;
		sd_buf msg = SD_BUF_INIT;
		const sd_diag *d;
		ck_assert_int_eq(sd_models_load_data(&models, cases[i].yaml,
		                                     strlen(cases[i].yaml),
		                                     "m.yaml",
		                                     &sd_naming_default, &err),
		                 SD_OK);
		ck_assert_int_eq(sd_normalize(db, models, NULL, &err),
		                 SD_EINPUT);
		for (d = err.first; d; d = d->next) {
			sd_diag_format(&msg, d);
			sd_buf_putc(&msg, '\n');
		}
		ck_assert_msg(err.first && err.first->line == cases[i].line &&
		                      err.nerrors == cases[i].errors &&
		                      strstr(sd_buf_cstr(&msg), cases[i].says) &&
		                      !strstr(sd_buf_cstr(&msg), "sd_") &&
		                      !strstr(sd_buf_cstr(&msg), "normalising"),
		              "case %zu: want line %d, got: %s", i,
		              cases[i].line, sd_buf_cstr(&msg));
		sd_buf_free(&msg);
		sd_schema_free(models);
		sd_error_clear(&err);
	}
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/*
 * 250 tables whose checks, generated columns, expression indexes and
 * defaults use a column "v" that is an integer in even tables and a
 * varchar in odd ones: the normaliser packs them into shared scratch
 * tables only where the types agree, and every table gets the text the
 * server gives the real table.
 */
START_TEST(normalize_packs_conflicting_tables)
{
	char *uri = fresh_db("sd_t_normalize_pack");
	sd_db *db = db_open(uri);
	PGconn *c = pq_open(uri);
	sd_schema *models = sd_schema_new(), *live = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_arena *a = sd_arena_new();
	int i;

	for (i = 0; i < 250; i++) {
		bool even = i % 2 == 0;
		char name[32];
		sd_table *t;
		sd_column *col;
		sd_check *ck;
		sd_index *ix;
		snprintf(name, sizeof(name), "t%d", i);
		t = sd_schema_add_table(models, NULL, name);
		col = sd_table_add_column(models, t, "id");
		col->type.kind = SD_T_INTEGER;
		col = sd_table_add_column(models, t, "v");
		col->type.kind = even ? SD_T_INTEGER : SD_T_STRING;
		col->type.length = even ? -1 : 20;
		col->default_value.sql = even ? "0" : "'a'";
		if (even) {
			col = sd_table_add_column(models, t, "g");
			col->type.kind = SD_T_INTEGER;
			sd_column_xw(models->arena, col)->generated.sql = "v * 2";
		}
		ck = sd_table_add_check(models, t,
		                        sd_arena_printf(models->arena,
		                                        "ck_%s", name));
		ck->expression.sql = even ? "v > 1" : "v <> 'x'";
		ix = sd_table_add_index(models, t,
		                        sd_arena_printf(models->arena,
		                                        "ix_%s", name));
		ix->keys = sd_arena_alloc(models->arena, sizeof(sd_index_key));
		memset(ix->keys, 0, sizeof(sd_index_key));
		ix->nkeys = 1;
		if (even) {
			ix->keys[0].column = "v";
			ix->where.sql = "v > 0";
		} else {
			ix->keys[0].expression.sql = "lower(v)";
		}
	}
	sd_schema_index(models);
	pq_exec_ok(c,
	           "CREATE TABLE t0 (id integer, v integer DEFAULT 0,\n"
	           "  g integer GENERATED ALWAYS AS (v * 2) STORED,\n"
	           "  CONSTRAINT ck_t0 CHECK (v > 1));\n"
	           "CREATE INDEX ix_t0 ON t0 (v) WHERE v > 0;\n"
	           "CREATE TABLE t1 (id integer, v varchar(20) DEFAULT 'a',\n"
	           "  CONSTRAINT ck_t1 CHECK (v <> 'x'));\n"
	           "CREATE INDEX ix_t1 ON t1 (lower(v));\n");
	if (sd_normalize(db, models, NULL, &err) != SD_OK)
		ck_abort_msg("normalize: %s", err.first->message);
	ck_assert_int_eq(sd_introspect(&live, db, NULL, &err),
	                 SD_OK);
	for (i = 0; i < 250; i++) {
		const sd_table *m = models->tables[i];
		const sd_table *l = sd_schema_find_table(live, NULL,
		                                         i % 2 ? "t1" : "t0");
		const sd_column *mv = sd_table_find_column(m, "v");
		const sd_column *lv = sd_table_find_column(l, "v");
		ck_assert_ptr_nonnull(mv->default_value.canon);
		ck_assert_ptr_nonnull(m->checks[0]->expression.canon);
		ck_assert_str_eq(mv->default_value.canon,
		                 lv->default_value.canon);
		ck_assert_str_eq(m->checks[0]->expression.canon,
		                 l->checks[0]->expression.sql);
		if (i % 2 == 0) {
			ck_assert_str_eq(
				sd_column_x(sd_table_find_column(m, "g"))->generated.canon,
				sd_column_x(sd_table_find_column(l, "g"))->generated.sql);
			ck_assert_str_eq(m->indexes[0]->where.canon,
			                 l->indexes[0]->where.sql);
		} else {
			ck_assert_str_eq(
				m->indexes[0]->keys[0].expression.canon,
				l->indexes[0]->keys[0].expression.sql);
		}
	}
	ck_assert_str_eq(models->tables[1]->checks[0]->expression.canon,
	                 "((v)::text <> 'x'::text)");
	ck_assert_str_eq(models->tables[1]->indexes[0]->keys[0].expression.canon,
	                 "lower((v)::text)");
	{
		PGresult *r = PQexec(c, "SELECT count(*) FROM pg_namespace "
		                        "WHERE nspname LIKE 'sd_norm_%'");
		ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
		PQclear(r);
	}
	sd_schema_free(models);
	sd_schema_free(live);
	sd_arena_free(a);
	sd_error_clear(&err);
	PQfinish(c);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/* Models without expressions or verbatim types: not a byte goes to the
 * server (no transaction, no scratch schema). */
START_TEST(normalize_nothing_sends_nothing)
{
	static const char yaml[] =
		"enums:\n"
		"  - {name: mood, values: [ok, sad]}\n"
		"tables:\n"
		"  - name: orgs\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: name, type: string(50), unique: true}\n"
		"  - name: users\n"
		"    columns:\n"
		"      - {name: id, type: bigint, primary_key: true}\n"
		"      - {name: org_id, type: integer, references: orgs.id}\n"
		"      - {name: mood, type: enum(mood)}\n"
		"    indexes:\n"
		"      - {name: ix_users_org, columns: [org_id]}\n";
	char *uri = fresh_db("sd_t_normalize_none");
	sd_db *db = db_open(uri);
	PGconn *c = sd_pg_conn(db);
	sd_schema *models = NULL;
	sd_error err = SD_ERROR_INIT;
	FILE *trace = tmpfile();

	ck_assert_ptr_nonnull(trace);
	ck_assert_int_eq(sd_models_load_data(&models, yaml, strlen(yaml),
	                                     "m.yaml", &sd_naming_default,
	                                     &err),
	                 SD_OK);
	PQtrace(c, trace);
	ck_assert_int_eq(sd_normalize(db, models, NULL, &err), SD_OK);
	PQuntrace(c);
	fflush(trace);
	ck_assert_int_eq(ftell(trace), 0);
	fclose(trace);
	sd_schema_free(models);
	sd_error_clear(&err);
	sd_db_close(db);
	free(uri);
}
END_TEST

/*
 * Key columns are named client-side from attribute numbers: dropped
 * columns leave gaps, and a foreign key may point at a table outside the
 * user schemas (here one that looks like a leftover scratch schema).
 */
START_TEST(introspect_attnums_gaps_and_outside_refs)
{
	char *uri = fresh_db("sd_t_introspect_attnums");
	sd_db *db = db_open(uri);
	PGconn *c = pq_open(uri);
	sd_schema *live = NULL;
	sd_error err = SD_ERROR_INIT;
	const sd_table *gap, *child;
	const sd_index *ix;

	pq_exec_ok(c,
	           "CREATE SCHEMA sd_norm_outside;\n"
	           "CREATE TABLE sd_norm_outside.ref (x int, a int, b int);\n"
	           "ALTER TABLE sd_norm_outside.ref DROP COLUMN x;\n"
	           "ALTER TABLE sd_norm_outside.ref ADD UNIQUE (b, a);\n"
	           "CREATE TABLE gap (x int, y int, z int, w text);\n"
	           "ALTER TABLE gap DROP COLUMN y;\n"
	           "ALTER TABLE gap ADD CONSTRAINT uq_gap UNIQUE (z);\n"
	           "CREATE INDEX ix_gap ON gap (z DESC, x) INCLUDE (w);\n"
	           "CREATE TABLE child (p int, q int, CONSTRAINT fk_child\n"
	           "  FOREIGN KEY (q, p) REFERENCES sd_norm_outside.ref (b, a));\n");
	ck_assert_int_eq(sd_introspect(&live, db, NULL, &err),
	                 SD_OK);
	ck_assert_ptr_null(sd_schema_find_table(live, "sd_norm_outside",
	                                        "ref"));
	gap = sd_schema_find_table(live, NULL, "gap");
	ck_assert_uint_eq(gap->ncolumns, 3);
	ck_assert_str_eq(gap->uniques[0]->columns.items[0], "z");
	ix = sd_table_find_index(gap, "ix_gap");
	ck_assert_uint_eq(ix->nkeys, 2);
	ck_assert_str_eq(ix->keys[0].column, "z");
	ck_assert(ix->keys[0].desc);
	ck_assert_str_eq(ix->keys[1].column, "x");
	ck_assert_uint_eq(ix->include.n, 1);
	ck_assert_str_eq(ix->include.items[0], "w");
	child = sd_schema_find_table(live, NULL, "child");
	ck_assert_uint_eq(child->nforeign_keys, 1);
	ck_assert_str_eq(child->foreign_keys[0]->ref_schema, "sd_norm_outside");
	ck_assert_str_eq(child->foreign_keys[0]->columns.items[0], "q");
	ck_assert_str_eq(child->foreign_keys[0]->columns.items[1], "p");
	ck_assert_uint_eq(child->foreign_keys[0]->ref_columns.n, 2);
	ck_assert_str_eq(child->foreign_keys[0]->ref_columns.items[0], "b");
	ck_assert_str_eq(child->foreign_keys[0]->ref_columns.items[1], "a");
	sd_schema_free(live);
	sd_error_clear(&err);
	PQfinish(c);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/* The statements of n tables as generate writes them: identity key,
 * text column, primary key, unique constraint, an FK to the previous
 * table, one more index. */
static const char **lock_statements(sd_arena *a, int n, size_t *count)
{
	const char **st = sd_arena_alloc(a, (size_t)(2 * n) * sizeof(char *));
	int i;

	for (i = 0; i < n; i++) {
		st[2 * i] = sd_arena_printf(
			a,
			"CREATE TABLE \"lk%d\" (\n"
			"    \"id\" INTEGER NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
			"    \"code\" VARCHAR(32),\n"
			"    \"body\" TEXT,\n"
			"    \"prev_id\" INTEGER%s,\n"
			"    CONSTRAINT \"pk_lk%d\" PRIMARY KEY (\"id\"),\n"
			"    CONSTRAINT \"uq_lk%d_code\" UNIQUE (\"code\")\n"
			")",
			i, i ? sd_arena_printf(a, " REFERENCES \"lk%d\" (\"id\")",
			                       i - 1)
			     : "",
			i, i);
		st[2 * i + 1] = sd_arena_printf(
			a, "CREATE INDEX \"ix_lk%d_body\" ON \"lk%d\" (\"body\")",
			i, i);
	}
	*count = (size_t)(2 * n);
	return st;
}

/* The estimate is what the server really holds at the end of the
 * transaction (distinct locked objects). */
START_TEST(lock_estimate_matches_server)
{
	char *uri = fresh_db("sd_t_lock_estimate");
	PGconn *c = pq_open(uri);
	sd_arena *a = sd_arena_new();
	sd_pg_lock_estimate e;
	size_t n, i;
	const char **st = lock_statements(a, 200, &n);
	PGresult *r;
	long held;

	sd_pg_lock_estimate_sql(&e, st, n);
	ck_assert_uint_eq(e.tables_created, 200);
	ck_assert_uint_eq(e.indexes, 600);
	ck_assert_uint_eq(e.sequences, 200);
	pq_exec_ok(c, "BEGIN");
	for (i = 0; i < n; i++)
		pq_exec_ok(c, st[i]);
	r = PQexec(c, "SELECT count(DISTINCT (locktype, relation)) FROM pg_locks"
	              " WHERE pid = pg_backend_pid() AND locktype = 'relation'"
	              " AND relation IN (SELECT oid FROM pg_class"
	              "  WHERE relnamespace <> 'pg_catalog'::regnamespace)");
	held = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	pq_exec_ok(c, "ROLLBACK");
	if ((long)e.total < held - held / 20 || (long)e.total > held + held / 20)
		ck_abort_msg("estimate %zu, server holds %ld", e.total, held);

	/* Dropping them locks what they own too, which the catalog tells. */
	pq_exec_ok(c, "BEGIN");
	for (i = 0; i < n; i++)
		pq_exec_ok(c, st[i]);
	pq_exec_ok(c, "COMMIT");
	{
		const char **drops = sd_arena_alloc(a, 200 * sizeof(char *));
		sd_db *db = db_open(uri);
		sd_error err = SD_ERROR_INIT;
		for (i = 0; i < 200; i++)
			drops[i] = sd_arena_printf(a, "DROP TABLE \"lk%zu\"",
			                           199 - i);
		ck_assert_int_eq(sd_pg_lock_estimate_db(&e, db, drops, 200,
		                                        &err),
		                 SD_OK);
		pq_exec_ok(c, "BEGIN");
		for (i = 0; i < 200; i++)
			pq_exec_ok(c, drops[i]);
		/* user objects: OIDs from FirstNormalObjectId on */
		r = PQexec(c, "SELECT count(DISTINCT relation) FROM pg_locks"
		              " WHERE pid = pg_backend_pid()"
		              " AND locktype = 'relation'"
		              " AND relation >= 16384");
		held = atol(PQgetvalue(r, 0, 0));
		PQclear(r);
		pq_exec_ok(c, "ROLLBACK");
		/* table, 3 indexes, TOAST table and index, sequence */
		ck_assert_int_eq(held, 200 * 7);
		if ((long)e.total < held - held / 20 ||
		    (long)e.total > held + held / 20)
			ck_abort_msg("drop estimate %zu, expected about %ld",
			             e.total, held);
		sd_error_clear(&err);
		sd_driver_postgres.close(db);
	}
	sd_arena_free(a);
	PQfinish(c);
	free(uri);
}
END_TEST

/* A transaction too big for the lock table is refused before anything
 * runs, with the numbers and the ways through; a small one passes. */
START_TEST(lock_preflight_refuses_up_front)
{
	char *uri = fresh_db("sd_t_lock_preflight");
	sd_db *db = db_open(uri);
	sd_arena *a = sd_arena_new();
	sd_error err = SD_ERROR_INIT;
	size_t n;
	const char **small = lock_statements(a, 50, &n);
	const char *msg;

	ck_assert_int_eq(sd_pg_lock_preflight(db, small, n, "v/x.sql",
	                                      "upgrade of revision x", &err),
	                 SD_OK);
	{
		const char **big = lock_statements(a, 5000, &n);
		ck_assert_int_eq(sd_pg_lock_preflight(db, big, n, "v/big.sql",
		                                      "upgrade of revision big",
		                                      &err),
		                 SD_ERUNTIME);
	}
	msg = err.first->message;
	ck_assert_str_eq(err.first->path, "v/big.sql");
	ck_assert_ptr_nonnull(strstr(msg, "upgrade of revision big refused before running anything"));
	ck_assert_ptr_nonnull(strstr(msg, "locks); it needs about "));
	ck_assert_ptr_nonnull(strstr(msg, "5,000 new tables"));
	ck_assert_ptr_nonnull(strstr(msg, "max_locks_per_transaction 64 x"));
	ck_assert_ptr_nonnull(strstr(msg, "ALTER SYSTEM SET max_locks_per_transaction = "));
	ck_assert_ptr_nonnull(strstr(msg, "split it into revisions of at most"));
	ck_assert_ptr_null(strstr(msg, "out of shared memory"));
	{
		/* nothing reached the server: not one table */
		PGconn *c = pq_open(uri);
		PGresult *r = PQexec(c, "SELECT count(*) FROM pg_class WHERE"
		                        " relnamespace = 'public'::regnamespace");
		ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
		PQclear(r);
		PQfinish(c);
	}
	sd_error_clear(&err);
	sd_arena_free(a);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/* Expressions that name their table (qualified columns, a whole-row
 * reference) cannot share a scratch table: the normaliser retries such a
 * table alone under its own name and still gets the server's text. */
START_TEST(normalize_table_qualified_references)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: users\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: email, type: string(120)}\n"
		"    checks:\n"
		"      - {name: ck_users_email, expression: \"users.email <> ''\"}\n"
		"      - {name: ck_users_row, expression: \"users IS NOT NULL\"}\n"
		"  - name: orgs\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true}\n"
		"      - {name: name, type: text}\n"
		"    checks:\n"
		"      - {name: ck_orgs_name, expression: \"length(name) > 1\"}\n";
	char *uri = fresh_db("sd_t_normalize_qualified");
	sd_db *db = db_open(uri);
	sd_schema *models = NULL;
	sd_error err = SD_ERROR_INIT;
	const sd_table *u;

	ck_assert_int_eq(sd_models_load_data(&models, yaml, strlen(yaml),
	                                     "m.yaml", &sd_naming_default,
	                                     &err),
	                 SD_OK);
	if (sd_normalize(db, models, NULL, &err) != SD_OK)
		ck_abort_msg("normalize: %s", err.first->message);
	u = sd_schema_find_table(models, NULL, "users");
	ck_assert_str_eq(u->checks[0]->expression.canon,
	                 "((email)::text <> ''::text)");
	ck_assert_str_eq(u->checks[1]->expression.canon,
	                 "(users.* IS NOT NULL)");
	ck_assert_str_eq(sd_schema_find_table(models, NULL, "orgs")
	                     ->checks[0]->expression.canon,
	                 "(length(name) > 1)");
	sd_schema_free(models);
	sd_error_clear(&err);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

START_TEST(password_masked_on_failure)
{
	const char *pw_uri = getenv("SCHEMADIFF_TEST_PGURI_PASSWORD");
	char *bad;
	sd_db *db = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_buf msg = SD_BUF_INIT;
	const char *at, *scheme;

	/* Same server, the password-authenticated role, a wrong password. */
	if (!pw_uri)
		pw_uri = base_uri;
	scheme = strstr(pw_uri, "://") + 3;
	at = strchr(scheme, '@');
	ck_assert_ptr_nonnull(at);
	{
		sd_buf b = SD_BUF_INIT;
		sd_buf_putn(&b, pw_uri, (size_t)(scheme - pw_uri));
		sd_buf_put(&b, "sd_password:Hunter2SecretPw");
		sd_buf_put(&b, at);
		bad = sd_buf_detach(&b);
	}
	ck_assert_int_eq(sd_driver_postgres.open(&db, bad, ".", &err),
	                 SD_ERUNTIME);
	ck_assert_ptr_null(db);
	sd_diag_format(&msg, err.first);
	ck_assert_ptr_null(strstr(sd_buf_cstr(&msg), "Hunter2SecretPw"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&msg), "sd_password:****@"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&msg), "cannot connect"));
	ck_assert_ptr_null(strchr(sd_buf_cstr(&msg), '\n'));
	if (getenv("SCHEMADIFF_TEST_PGURI_PASSWORD"))
		ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&msg),
		                             "password authentication failed"));
	sd_error_clear(&err);
	sd_buf_truncate(&msg, 0);

	/* Malformed URL: bad input, still masked. */
	ck_assert_int_eq(sd_driver_postgres.open(
				 &db, "postgresql://u:Hunter2SecretPw@h/db?bogus=1",
				 ".", &err),
	                 SD_EINPUT);
	sd_diag_format(&msg, err.first);
	ck_assert_ptr_null(strstr(sd_buf_cstr(&msg), "Hunter2SecretPw"));
	ck_assert_ptr_nonnull(strstr(sd_buf_cstr(&msg), "bogus"));
	sd_buf_free(&msg);
	sd_error_clear(&err);
	free(bad);

	/* A good connection shows its URL masked too. */
	if (getenv("SCHEMADIFF_TEST_PGURI_PASSWORD")) {
		db = db_open(getenv("SCHEMADIFF_TEST_PGURI_PASSWORD"));
		ck_assert_ptr_nonnull(strstr(db->display_url, ":****@"));
		ck_assert_ptr_null(strstr(db->display_url, "sd-secret"));
		sd_driver_postgres.close(db);
	}
}
END_TEST

typedef struct lock_ctx {
	sd_db *holder;
	int waits;
} lock_ctx;

/* Called when the second connection has to wait: the first ends its
 * transaction, so the wait ends (one thread is enough). */
static void release_holder(void *p)
{
	lock_ctx *ctx = p;
	sd_error err = SD_ERROR_INIT;

	ctx->waits++;
	ck_assert_int_eq(sd_driver_postgres.rollback(ctx->holder, &err), SD_OK);
}

/* The number of advisory locks granted in db's database (a database of
 * the test's own: other suites may hold locks in theirs meanwhile). */
static const char *advisory_locks(sd_db *db)
{
	static char count[32];
	sd_error err = SD_ERROR_INIT;
	sd_rows *rows = NULL;

	ck_assert_int_eq(sd_driver_postgres.query(
				 db,
				 "SELECT count(*) FROM pg_locks WHERE "
				 "locktype = 'advisory' AND granted AND "
				 "database = (SELECT oid FROM pg_database "
				 "WHERE datname = current_database())",
				 NULL, 0, &rows, &err),
	                 SD_OK);
	snprintf(count, sizeof(count), "%s", rows->cells[0]);
	sd_rows_free(rows);
	return count;
}

/* Whether db (in a transaction) can take schemadiff's lock for its
 * current schema right now: "t" or "f". */
static const char *try_xact_lock(sd_db *db)
{
	static char got[8];
	sd_error err = SD_ERROR_INIT;
	sd_rows *rows = NULL;

	ck_assert_int_eq(
		sd_driver_postgres.query(
			db, "SELECT pg_try_advisory_xact_lock(1396984134, "
			    "hashtext(current_schema()))",
			NULL, 0, &rows, &err),
		SD_OK);
	snprintf(got, sizeof(got), "%s", rows->cells[0]);
	sd_rows_free(rows);
	return got;
}

/*
 * The lock lives in transactions: begin() takes it, the transaction's end
 * lets it go, and nothing is held in between (a transaction pooler would
 * strand a session lock on one of its server connections).
 */
START_TEST(advisory_lock_contention)
{
	char *uri = fresh_db("sd_t_advisory_contention");
	sd_db *a = db_open(uri), *b = db_open(uri);
	sd_error err = SD_ERROR_INIT;
	lock_ctx ctx = {a, 0};

	ck_assert_int_eq(sd_driver_postgres.lock(a, NULL, NULL, &err), SD_OK);
	ck_assert_str_eq(advisory_locks(b), "0");
	ck_assert_int_eq(sd_driver_postgres.begin(a, &err), SD_OK);
	ck_assert_str_eq(advisory_locks(b), "1");
	ck_assert_int_eq(sd_driver_postgres.lock(b, release_holder, &ctx, &err),
	                 SD_OK);
	ck_assert_int_eq(sd_driver_postgres.begin(b, &err), SD_OK);
	ck_assert_int_eq(ctx.waits, 1);
	/* b holds it now: a's try fails, so a would wait. */
	ck_assert_int_eq(sd_driver_postgres.exec(a, "BEGIN", &err), SD_OK);
	ck_assert_str_eq(try_xact_lock(a), "f");
	ck_assert_int_eq(sd_driver_postgres.rollback(a, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.commit(b, &err), SD_OK);
	ck_assert_str_eq(advisory_locks(a), "0");
	ck_assert_int_eq(sd_driver_postgres.unlock(b, &err), SD_OK);
	/* Another schema is another lock: no wait. */
	ck_assert_int_eq(sd_driver_postgres.begin(a, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.exec(
				 b, "BEGIN; SET LOCAL search_path = pg_catalog",
				 &err),
	                 SD_OK);
	ck_assert_str_eq(try_xact_lock(b), "t");
	ck_assert_int_eq(sd_driver_postgres.rollback(b, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.rollback(a, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.unlock(a, &err), SD_OK);
	sd_driver_postgres.close(a);
	sd_driver_postgres.close(b);
	free(uri);
}
END_TEST

/*
 * The session-level form, for statements that cannot run in a transaction:
 * it excludes begin() elsewhere, and its release notices when the session
 * no longer had it, as behind a transaction pooler.
 */
START_TEST(session_lock_outside_transactions)
{
	char *uri = fresh_db("sd_t_advisory_session");
	sd_db *a = db_open(uri), *b = db_open(uri);
	sd_error err = SD_ERROR_INIT;

	ck_assert_int_eq(sd_driver_postgres.session_lock(a, true, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.exec(b, "BEGIN", &err), SD_OK);
	ck_assert_str_eq(try_xact_lock(b), "f");
	ck_assert_int_eq(sd_driver_postgres.rollback(b, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.session_lock(a, false, &err), SD_OK);
	ck_assert_str_eq(advisory_locks(b), "0");
	/* a pooler handing the release to another server session */
	ck_assert_int_eq(sd_driver_postgres.session_lock(a, true, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.exec(
				 a, "SELECT pg_advisory_unlock_all()", &err),
	                 SD_OK);
	ck_assert_int_eq(sd_driver_postgres.session_lock(a, false, &err),
	                 SD_ERUNTIME);
	ck_assert_ptr_nonnull(strstr(err.first->message, "transaction pooler"));
	sd_error_clear(&err);
	sd_driver_postgres.close(a);
	sd_driver_postgres.close(b);
	free(uri);
}
END_TEST

START_TEST(driver_exec_query_transactions)
{
	char *uri = fresh_db("sd_t_driver");
	sd_db *db = db_open(uri);
	sd_error err = SD_ERROR_INIT;
	sd_rows *rows = NULL;
	const char *params[] = {"it's", NULL};
	bool exists = false;

	ck_assert_int_eq(sd_driver_postgres.exec(
				 db, "CREATE TABLE t (a text, b int); "
				     "CREATE SCHEMA s; CREATE TABLE s.u (x int);",
				 &err),
	                 SD_OK);
	ck_assert_int_eq(sd_driver_postgres.query(
				 db, "INSERT INTO t VALUES ($1, $2)", params, 2,
				 NULL, &err),
	                 SD_OK);
	ck_assert_int_eq(sd_driver_postgres.begin(db, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.exec(db, "DELETE FROM t", &err),
	                 SD_OK);
	ck_assert_int_eq(sd_driver_postgres.rollback(db, &err), SD_OK);
	ck_assert_int_eq(sd_driver_postgres.query(
				 db, "SELECT a, b FROM t WHERE a = $1", params,
				 1, &rows, &err),
	                 SD_OK);
	ck_assert_uint_eq(rows->nrows, 1);
	ck_assert_str_eq(rows->names[0], "a");
	ck_assert_str_eq(rows->cells[0], "it's");
	ck_assert_ptr_null(rows->cells[1]);
	sd_rows_free(rows);
	ck_assert_int_eq(sd_driver_postgres.table_exists(db, NULL, "t", &exists,
	                                                 &err),
	                 SD_OK);
	ck_assert(exists);
	ck_assert_int_eq(sd_driver_postgres.table_exists(db, "s", "u", &exists,
	                                                 &err),
	                 SD_OK);
	ck_assert(exists);
	ck_assert_int_eq(sd_driver_postgres.table_exists(db, NULL, "u", &exists,
	                                                 &err),
	                 SD_OK);
	ck_assert(!exists);
	ck_assert_int_eq(sd_driver_postgres.exec(db, "SELEC 1", &err),
	                 SD_ERUNTIME);
	ck_assert_ptr_nonnull(strstr(err.first->message, "syntax error"));
	sd_error_clear(&err);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Emitted SQL                                                         */
/* ------------------------------------------------------------------ */

typedef struct fixture {
	sd_schema *s;
	sd_enum *status;
	sd_table *users, *orgs, *inv;
} fixture;

static sd_column *col(sd_schema *s, sd_table *t, const char *name,
                      sd_type_kind kind, int len, bool nullable)
{
	sd_column *c = sd_table_add_column(s, t, name);
	c->type.kind = kind;
	c->type.length = len;
	c->nullable = nullable;
	return c;
}

static void build_fixture(fixture *f)
{
	sd_schema *s = sd_schema_new();
	sd_column *c;
	sd_foreign_key *fk;
	sd_check *ck;
	sd_unique *u;

	f->s = s;
	f->status = sd_schema_add_enum(s, NULL, "user_status");
	sd_strlist_push(s->arena, &f->status->values, "active");
	sd_strlist_push(s->arena, &f->status->values, "banned");

	f->orgs = sd_schema_add_table(s, NULL, "orgs");
	c = col(s, f->orgs, "id", SD_T_INTEGER, -1, false);
	c->autoincrement = true;
	sd_strlist_push(s->arena,
	                &sd_table_set_primary_key(s, f->orgs, "pk_orgs")->columns,
	                "id");

	f->users = sd_schema_add_table(s, NULL, "users");
	f->users->comment = "Registered users";
	c = col(s, f->users, "id", SD_T_INTEGER, -1, false);
	c->autoincrement = true;
	col(s, f->users, "username", SD_T_STRING, 50, false);
	c = col(s, f->users, "email", SD_T_STRING, 120, true);
	sd_column_xw(s->arena, c)->comment = "Contact";
	c = col(s, f->users, "status", SD_T_ENUM, -1, true);
	c->type.name = "user_status";
	c->default_value.sql = "'active'";
	c = col(s, f->users, "created_at", SD_T_TIMESTAMPTZ, -1, false);
	c->default_value.sql = "now()";
	col(s, f->users, "org_id", SD_T_BIGINT, -1, true);
	sd_strlist_push(s->arena,
	                &sd_table_set_primary_key(s, f->users, "pk_users")->columns,
	                "id");
	u = sd_table_add_unique(s, f->users, "uq_users_email");
	sd_strlist_push(s->arena, &u->columns, "email");
	ck = sd_table_add_check(s, f->users, "ck_users_username_len");
	ck->expression.sql = "length(username) > 2";
	fk = sd_table_add_foreign_key(s, f->users, "fk_users_org_id_orgs");
	sd_strlist_push(s->arena, &fk->columns, "org_id");
	fk->ref_table = "orgs";
	sd_strlist_push(s->arena, &fk->ref_columns, "id");
	fk->on_delete = SD_FK_CASCADE;

	sd_schema_add_namespace(s, "billing");
	f->inv = sd_schema_add_table(s, "billing", "invoices");
	c = col(s, f->inv, "id", SD_T_BIGINT, -1, false);
	c->identity = SD_IDENTITY_ALWAYS;
	c = col(s, f->inv, "amount", SD_T_NUMERIC, -1, false);
	c->type.precision = 12;
	c->type.scale = 2;
	c = col(s, f->inv, "total", SD_T_NUMERIC, -1, true);
	c->type.precision = 12;
	c->type.scale = 2;
	sd_column_xw(s->arena, c)->generated.sql = "amount * 2";
	sd_schema_index(s);
}

static char *emit1(const sd_op *op)
{
	sd_buf b = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	int rc = sd_dialect_postgres.emit_op(&b, op, &err);
	if (rc != SD_OK)
		ck_abort_msg("emit failed: %s", err.first->message);
	sd_error_clear(&err);
	return sd_buf_detach(&b);
}

/* Checks the text and runs it, so every statement is also valid SQL. */
static void expect(PGconn *c, const sd_op *op, const char *sql)
{
	char *got = emit1(op);
	if (strcmp(got, sql) != 0)
		ck_abort_msg("op %s: expected\n%s\ngot\n%s",
		             sd_op_kind_name(op->kind), sql, got);
	if (c)
		pq_exec_ok(c, got);
	free(got);
}

START_TEST(emit_every_op)
{
	char *uri = fresh_db("sd_t_emit");
	PGconn *c = pq_open(uri);
	fixture f;
	sd_op op;
	sd_column *email2, *status2, *org2;
	sd_table users2;
	sd_index *ix;
	sd_enum *status3;

	build_fixture(&f);
#define OP(k) (memset(&op, 0, sizeof(op)), op.kind = (k))
	OP(SD_OP_CREATE_NAMESPACE);
	op.name_new = "billing";
	expect(c, &op, "CREATE SCHEMA \"billing\";\n");
	OP(SD_OP_CREATE_ENUM);
	op.obj_new = &f.status->base;
	expect(c, &op,
	       "CREATE TYPE \"user_status\" AS ENUM ('active', 'banned');\n");
	OP(SD_OP_ADD_ENUM_VALUE);
	op.obj_new = &f.status->base;
	op.name_new = "pending";
	op.value_anchor = "banned";
	op.anchor_before = true;
	expect(c, &op,
	       "ALTER TYPE \"user_status\" ADD VALUE 'pending' BEFORE 'banned';\n");
	OP(SD_OP_CREATE_TABLE);
	op.table = op.table_new = f.orgs;
	expect(c, &op,
	       "CREATE TABLE \"orgs\" (\n"
	       "    \"id\" INTEGER NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
	       "    CONSTRAINT \"pk_orgs\" PRIMARY KEY (\"id\")\n"
	       ");\n");
	OP(SD_OP_CREATE_TABLE);
	op.table = op.table_new = f.users;
	expect(c, &op,
	       "CREATE TABLE \"users\" (\n"
	       "    \"id\" INTEGER NOT NULL GENERATED BY DEFAULT AS IDENTITY,\n"
	       "    \"username\" VARCHAR(50) NOT NULL,\n"
	       "    \"email\" VARCHAR(120),\n"
	       "    \"status\" \"user_status\" DEFAULT 'active',\n"
	       "    \"created_at\" TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
	       "    \"org_id\" BIGINT,\n"
	       "    CONSTRAINT \"pk_users\" PRIMARY KEY (\"id\"),\n"
	       "    CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"),\n"
	       "    CONSTRAINT \"ck_users_username_len\" CHECK (length(username) > 2),\n"
	       "    CONSTRAINT \"fk_users_org_id_orgs\" FOREIGN KEY (\"org_id\") "
	       "REFERENCES \"orgs\" (\"id\") ON DELETE CASCADE\n"
	       ");\n"
	       "COMMENT ON TABLE \"users\" IS 'Registered users';\n"
	       "COMMENT ON COLUMN \"users\".\"email\" IS 'Contact';\n");
	OP(SD_OP_CREATE_TABLE);
	op.table = op.table_new = f.inv;
	expect(c, &op,
	       "CREATE TABLE \"billing\".\"invoices\" (\n"
	       "    \"id\" BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY,\n"
	       "    \"amount\" NUMERIC(12,2) NOT NULL,\n"
	       "    \"total\" NUMERIC(12,2) GENERATED ALWAYS AS (amount * 2) STORED\n"
	       ");\n");

	/* Deferred FKs (cycles) are left out of CREATE TABLE. */
	OP(SD_OP_CREATE_TABLE);
	op.table = op.table_new = f.users;
	sd_strlist_push(f.s->arena, &op.deferred_fks, "fk_users_org_id_orgs");
	{
		char *got = emit1(&op);
		ck_assert_ptr_null(strstr(got, "FOREIGN KEY"));
		free(got);
	}

	ix = sd_table_add_index(f.s, f.users, "ix_users_lower_email");
	ix->unique = true;
	ix->nkeys = 2;
	ix->keys = sd_arena_alloc(f.s->arena, 2 * sizeof(sd_index_key));
	ix->keys[0].expression.sql = "lower(email)";
	ix->keys[1].column = "created_at";
	ix->keys[1].desc = true;
	ix->keys[1].nulls = SD_NULLS_LAST;
	sd_strlist_push(f.s->arena, &ix->include, "status");
	ix->where.sql = "email IS NOT NULL";
	OP(SD_OP_CREATE_INDEX);
	op.table = f.users;
	op.obj_new = &ix->base;
	expect(c, &op,
	       "CREATE UNIQUE INDEX \"ix_users_lower_email\" ON \"users\" "
	       "((lower(email)), \"created_at\" DESC NULLS LAST) "
	       "INCLUDE (\"status\") WHERE email IS NOT NULL;\n");
	ix = sd_table_add_index(f.s, f.users, "ix_users_name");
	ix->nkeys = 1;
	ix->keys = sd_arena_alloc(f.s->arena, sizeof(sd_index_key));
	ix->keys[0].column = "username";
	ix->keys[0].opclass = "varchar_pattern_ops";
	ix->keys[0].collation = "C";
	ix->method = "btree";
	OP(SD_OP_CREATE_INDEX);
	op.table = f.users;
	op.obj_new = &ix->base;
	op.hazards = SD_HAZARD_NO_TRANSACTION;
	expect(c, &op,
	       "CREATE INDEX CONCURRENTLY \"ix_users_name\" ON \"users\" "
	       "(\"username\" COLLATE \"C\" varchar_pattern_ops);\n");
	OP(SD_OP_RENAME_INDEX);
	op.table = f.users;
	op.obj_old = &ix->base;
	{
		sd_index renamed = *ix;
		renamed.base.name = "ix_users_username";
		op.obj_new = &renamed.base;
		expect(c, &op, "ALTER INDEX \"ix_users_name\" RENAME TO "
		               "\"ix_users_username\";\n");
	}
	OP(SD_OP_DROP_INDEX);
	op.table = f.users;
	{
		sd_index gone = *ix;
		gone.base.name = "ix_users_username";
		op.obj_old = &gone.base;
		expect(c, &op, "DROP INDEX \"ix_users_username\";\n");
	}

	/* Columns */
	email2 = sd_arena_alloc(f.s->arena, sizeof(*email2));
	*email2 = *sd_table_find_column(f.users, "email");
	OP(SD_OP_ADD_COLUMN);
	op.table = f.users;
	{
		sd_column nc = *email2;
		nc.base.name = "nick";
		sd_column_xw(f.s->arena, &nc)->comment = NULL;
		nc.type.kind = SD_T_TEXT;
		sd_column_xw(f.s->arena, &nc)->collation = "C";
		nc.default_value.sql = "'anon'";
		op.column_new = &nc;
		expect(c, &op, "ALTER TABLE \"users\" ADD COLUMN \"nick\" TEXT "
		               "COLLATE \"C\" DEFAULT 'anon';\n");
		OP(SD_OP_RENAME_COLUMN);
		op.table = f.users;
		op.column_old = &nc;
		op.column_new = email2;
		email2->base.name = "nickname";
		expect(c, &op, "ALTER TABLE \"users\" RENAME COLUMN \"nick\" TO "
		               "\"nickname\";\n");
		OP(SD_OP_DROP_COLUMN);
		op.table = f.users;
		op.column_old = email2;
		expect(c, &op,
		       "ALTER TABLE \"users\" DROP COLUMN \"nickname\";\n");
	}
	/* ALTER COLUMN: type (with default around it), nullability, default */
	{
		sd_column from = *sd_table_find_column(f.users, "username");
		sd_column to = from;
		to.type.length = 80;
		to.nullable = true;
		to.default_value.sql = "'nobody'";
		OP(SD_OP_ALTER_COLUMN);
		op.table = f.users;
		op.column_old = &from;
		op.column_new = &to;
		op.changes = SD_CHANGE_TYPE | SD_CHANGE_NULLABLE |
		             SD_CHANGE_DEFAULT;
		expect(c, &op,
		       "ALTER TABLE \"users\" ALTER COLUMN \"username\" TYPE "
		       "VARCHAR(80);\n"
		       "ALTER TABLE \"users\" ALTER COLUMN \"username\" DROP NOT NULL;\n"
		       "ALTER TABLE \"users\" ALTER COLUMN \"username\" SET DEFAULT "
		       "'nobody';\n");
		/* and back: the inverse drops the default before the type */
		op.column_old = &to;
		op.column_new = &from;
		expect(c, &op,
		       "ALTER TABLE \"users\" ALTER COLUMN \"username\" DROP DEFAULT;\n"
		       "ALTER TABLE \"users\" ALTER COLUMN \"username\" TYPE "
		       "VARCHAR(50);\n"
		       "ALTER TABLE \"users\" ALTER COLUMN \"username\" SET NOT NULL;\n");
	}
	/* identity kinds, serial <-> identity */
	{
		sd_column idc = *sd_table_find_column(f.orgs, "id");
		sd_column always = idc, serial = idc, plain = idc;
		always.identity = SD_IDENTITY_ALWAYS;
		sd_column_xw(f.s->arena, &serial)->sequence = "orgs_serial_seq";
		plain.autoincrement = false;
		OP(SD_OP_ALTER_COLUMN);
		op.table = f.orgs;
		op.changes = SD_CHANGE_IDENTITY;
		op.column_old = &idc;
		op.column_new = &always;
		expect(c, &op, "ALTER TABLE \"orgs\" ALTER COLUMN \"id\" SET "
		               "GENERATED ALWAYS;\n");
		/* serial: a sequence of its own (created first, owned last)
		 * whose nextval is the column's default */
		{
			sd_schema *tmp = sd_schema_new();
			sd_sequence *seq = sd_schema_add_sequence(tmp, NULL,
			                                          "orgs_serial_seq");
			sd_sequence owned = *seq;
			seq->opts.type = SD_T_INTEGER;
			seq->opts.set = SD_SEQ_TYPE;
			owned = *seq;
			owned.owned_by_table = "orgs";
			owned.owned_by_column = "id";
			serial.default_value.sql =
				"nextval('orgs_serial_seq'::regclass)";
			OP(SD_OP_CREATE_OBJECT);
			op.obj_new = &seq->base;
			expect(c, &op, "CREATE SEQUENCE \"orgs_serial_seq\" AS "
			               "INTEGER;\n");
			OP(SD_OP_ALTER_COLUMN);
			op.table = f.orgs;
			op.changes = SD_CHANGE_IDENTITY | SD_CHANGE_DEFAULT;
			op.column_old = &always;
			op.column_new = &serial;
			expect(c, &op,
			       "ALTER TABLE \"orgs\" ALTER COLUMN \"id\" DROP "
			       "IDENTITY;\n"
			       "ALTER TABLE \"orgs\" ALTER COLUMN \"id\" SET DEFAULT "
			       "nextval('orgs_serial_seq'::regclass);\n"
			       "SELECT setval('\"orgs_serial_seq\"', GREATEST(MAX(\"id\") "
			       "+ 1, (SELECT seqmin FROM pg_sequence WHERE seqrelid "
			       "= '\"orgs_serial_seq\"'::regclass)), false) FROM "
			       "\"orgs\" HAVING MAX(\"id\") IS NOT NULL;\n");
			OP(SD_OP_ALTER_OBJECT);
			op.changes = SD_CHANGE_OWNER;
			op.obj_old = &seq->base;
			op.obj_new = &owned.base;
			expect(c, &op, "ALTER SEQUENCE \"orgs_serial_seq\" OWNED BY "
			               "\"orgs\".\"id\";\n");
			op.obj_old = &owned.base;
			op.obj_new = &seq->base;
			expect(c, &op, "ALTER SEQUENCE \"orgs_serial_seq\" OWNED BY "
			               "NONE;\n");
			OP(SD_OP_ALTER_COLUMN);
			op.table = f.orgs;
			op.changes = SD_CHANGE_IDENTITY | SD_CHANGE_DEFAULT;
			op.column_old = &serial;
			op.column_new = &idc;
			expect(c, &op,
			       "ALTER TABLE \"orgs\" ALTER COLUMN \"id\" DROP "
			       "DEFAULT;\n"
			       "ALTER TABLE \"orgs\" ALTER COLUMN \"id\" ADD "
			       "GENERATED BY DEFAULT AS IDENTITY;\n"
			       "SELECT setval(pg_get_serial_sequence('\"orgs\"', "
			       "'id'), GREATEST(MAX(\"id\") + 1, (SELECT seqmin "
			       "FROM pg_sequence WHERE seqrelid = "
			       "pg_get_serial_sequence('\"orgs\"', "
			       "'id')::regclass)), false) FROM \"orgs\" HAVING "
			       "MAX(\"id\") IS NOT NULL;\n");
			OP(SD_OP_DROP_OBJECT);
			op.obj_old = &seq->base;
			expect(c, &op, "DROP SEQUENCE \"orgs_serial_seq\";\n");
			sd_schema_free(tmp);
			OP(SD_OP_ALTER_COLUMN);
			op.table = f.orgs;
			op.changes = SD_CHANGE_IDENTITY;
		}
		op.column_old = &idc;
		op.column_new = &plain;
		expect(c, &op, "ALTER TABLE \"orgs\" ALTER COLUMN \"id\" DROP "
		               "IDENTITY;\n");
	}
	/* generated expression changes: drop + add */
	{
		sd_column from = *sd_table_find_column(f.inv, "total");
		sd_column to = from;
		sd_column_xw(f.s->arena, &to)->generated.sql = "amount * 3";
		OP(SD_OP_ALTER_COLUMN);
		op.table = f.inv;
		op.changes = SD_CHANGE_GENERATED;
		op.column_old = &from;
		op.column_new = &to;
		expect(c, &op,
		       "ALTER TABLE \"billing\".\"invoices\" DROP COLUMN \"total\";\n"
		       "ALTER TABLE \"billing\".\"invoices\" ADD COLUMN \"total\" "
		       "NUMERIC(12,2) GENERATED ALWAYS AS (amount * 3) STORED;\n");
	}
	/* collation + comment */
	{
		sd_column from = *sd_table_find_column(f.users, "email");
		sd_column to = from;
		sd_column_xw(f.s->arena, &to)->collation = "C";
		sd_column_xw(f.s->arena, &to)->comment = NULL;
		OP(SD_OP_ALTER_COLUMN);
		op.table = f.users;
		op.changes = SD_CHANGE_COLLATION | SD_CHANGE_COMMENT;
		op.column_old = &from;
		op.column_new = &to;
		expect(c, &op,
		       "ALTER TABLE \"users\" ALTER COLUMN \"email\" TYPE "
		       "VARCHAR(120) COLLATE \"C\";\n"
		       "COMMENT ON COLUMN \"users\".\"email\" IS NULL;\n");
	}

	/* Constraints */
	{
		sd_check ck;
		memset(&ck, 0, sizeof(ck));
		ck.base.kind = SD_OBJ_CHECK;
		ck.base.name = "ck_users_email";
		ck.expression.sql = "email LIKE '%@%'";
		ck.not_valid = true;
		OP(SD_OP_ADD_CONSTRAINT);
		op.table = f.users;
		op.obj_new = &ck.base;
		expect(c, &op, "ALTER TABLE \"users\" ADD CONSTRAINT "
		               "\"ck_users_email\" CHECK (email LIKE '%@%') NOT "
		               "VALID;\n");
		OP(SD_OP_VALIDATE_CONSTRAINT);
		op.table = f.users;
		op.obj_new = &ck.base;
		expect(c, &op, "ALTER TABLE \"users\" VALIDATE CONSTRAINT "
		               "\"ck_users_email\";\n");
		OP(SD_OP_RENAME_CONSTRAINT);
		op.table = f.users;
		op.obj_old = &ck.base;
		{
			sd_check ck2 = ck;
			ck2.base.name = "ck_users_email_at";
			op.obj_new = &ck2.base;
			expect(c, &op, "ALTER TABLE \"users\" RENAME CONSTRAINT "
			               "\"ck_users_email\" TO "
			               "\"ck_users_email_at\";\n");
			OP(SD_OP_DROP_CONSTRAINT);
			op.table = f.users;
			op.obj_old = &ck2.base;
			expect(c, &op, "ALTER TABLE \"users\" DROP CONSTRAINT "
			               "\"ck_users_email_at\";\n");
		}
		OP(SD_OP_DROP_CONSTRAINT);
		op.table = f.users;
		op.obj_old = &f.users->foreign_keys[0]->base;
		expect(c, &op, "ALTER TABLE \"users\" DROP CONSTRAINT "
		               "\"fk_users_org_id_orgs\";\n");
		f.users->foreign_keys[0]->not_valid = true;
		f.users->foreign_keys[0]->deferrable = true;
		f.users->foreign_keys[0]->initially_deferred = true;
		OP(SD_OP_ADD_CONSTRAINT);
		op.table = f.users;
		op.obj_new = &f.users->foreign_keys[0]->base;
		expect(c, &op,
		       "ALTER TABLE \"users\" ADD CONSTRAINT "
		       "\"fk_users_org_id_orgs\" FOREIGN KEY (\"org_id\") "
		       "REFERENCES \"orgs\" (\"id\") ON DELETE CASCADE "
		       "DEFERRABLE INITIALLY DEFERRED NOT VALID;\n");
	}
	/* Comments, backfill */
	OP(SD_OP_SET_COMMENT);
	op.table = f.users;
	op.name_new = "It's users";
	expect(c, &op, "COMMENT ON TABLE \"users\" IS 'It''s users';\n");
	OP(SD_OP_SET_COMMENT);
	op.table = f.users;
	op.column_new = sd_table_find_column(f.users, "email");
	expect(c, &op, "COMMENT ON COLUMN \"users\".\"email\" IS NULL;\n");
	org2 = sd_arena_alloc(f.s->arena, sizeof(*org2));
	*org2 = *sd_table_find_column(f.users, "org_id");
	sd_column_xw(f.s->arena, org2)->backfill = "0";
	OP(SD_OP_BACKFILL);
	op.table = f.users;
	op.column_new = org2;
	expect(c, &op, "UPDATE \"users\" SET \"org_id\" = 0 WHERE \"org_id\" "
	               "IS NULL;\n");

	/* Enum value removal: the type is rebuilt and columns follow. */
	pq_exec_ok(c, "INSERT INTO users (username, status) VALUES "
	              "('alice', 'pending'), ('bob', 'active')");
	pq_exec_ok(c, "DELETE FROM users WHERE status = 'pending'");
	OP(SD_OP_DROP_ENUM_VALUE);
	status3 = sd_arena_alloc(f.s->arena, sizeof(*status3));
	*status3 = *f.status;
	op.obj_old = &status3->base;
	op.name_old = "pending";
	{
		char *got = emit1(&op);
		ck_assert_ptr_nonnull(strstr(got,
			"CREATE TYPE \"user_status__sd_new\" AS ENUM "
			"('active', 'banned');\n"));
		pq_exec_ok(c, got);
		free(got);
	}
	{
		PGresult *r = PQexec(c,
			"SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder),"
			" (SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d"
			"  JOIN pg_attribute a ON a.attrelid = d.adrelid AND"
			"  a.attnum = d.adnum WHERE a.attname = 'status'),"
			" (SELECT status::text FROM users WHERE username = 'bob')"
			" FROM pg_enum WHERE enumtypid = 'user_status'::regtype");
		ck_assert_str_eq(PQgetvalue(r, 0, 0), "active,banned");
		ck_assert_str_eq(PQgetvalue(r, 0, 1), "'active'::user_status");
		ck_assert_str_eq(PQgetvalue(r, 0, 2), "active");
		PQclear(r);
	}
	/* Drops, rename */
	OP(SD_OP_RENAME_TABLE);
	op.table = op.table_old = f.users;
	users2 = *f.users;
	users2.base.name = "members";
	op.table_new = &users2;
	/* the identity's sequence, named after the table, follows it */
	expect(c, &op, "ALTER TABLE \"users\" RENAME TO \"members\";\n"
	               "ALTER SEQUENCE IF EXISTS \"users_id_seq\" RENAME TO "
	               "\"members_id_seq\";\n");
	OP(SD_OP_DROP_TABLE);
	op.table = op.table_old = &users2;
	expect(c, &op, "DROP TABLE \"members\";\n");
	OP(SD_OP_DROP_TABLE);
	op.table = op.table_old = f.inv;
	expect(c, &op, "DROP TABLE \"billing\".\"invoices\";\n");
	OP(SD_OP_DROP_ENUM);
	op.obj_old = &f.status->base;
	expect(c, &op, "DROP TYPE \"user_status\";\n");
	OP(SD_OP_DROP_NAMESPACE);
	op.name_old = "billing";
	expect(c, &op, "DROP SCHEMA \"billing\";\n");
	OP(SD_OP_NOOP);
	expect(c, &op, "");
	(void)status2;
#undef OP
	sd_schema_free(f.s);
	PQfinish(c);
	free(uri);
}
END_TEST

START_TEST(emit_quoting_types_limits)
{
	sd_buf b = SD_BUF_INIT;
	sd_error err = SD_ERROR_INIT;
	sd_type t;
	sd_op op;
	sd_table tbl;
	char longname[80];
	static const struct {
		sd_type_kind kind;
		int len, p, s;
		const char *sql;
	} types[] = {
		{SD_T_STRING, 120, -1, -1, "VARCHAR(120)"},
		{SD_T_STRING, -1, -1, -1, "VARCHAR"},
		{SD_T_CHAR, 3, -1, -1, "CHAR(3)"},
		{SD_T_INTEGER, -1, -1, -1, "INTEGER"},
		{SD_T_BIGINT, -1, -1, -1, "BIGINT"},
		{SD_T_SMALLINT, -1, -1, -1, "SMALLINT"},
		{SD_T_FLOAT, -1, -1, -1, "DOUBLE PRECISION"},
		{SD_T_REAL, -1, -1, -1, "REAL"},
		{SD_T_NUMERIC, -1, 10, 2, "NUMERIC(10,2)"},
		{SD_T_NUMERIC, -1, -1, -1, "NUMERIC"},
		{SD_T_BINARY, -1, -1, -1, "BYTEA"},
		{SD_T_TIMESTAMPTZ, -1, -1, -1, "TIMESTAMPTZ"},
		{SD_T_TIMESTAMP, -1, -1, -1, "TIMESTAMP"},
		{SD_T_TIME, -1, -1, -1, "TIME"},
		{SD_T_DATE, -1, -1, -1, "DATE"},
		{SD_T_INTERVAL, -1, -1, -1, "INTERVAL"},
		{SD_T_JSON, -1, -1, -1, "JSON"},
		{SD_T_JSONB, -1, -1, -1, "JSONB"},
		{SD_T_UUID, -1, -1, -1, "UUID"},
		{SD_T_BOOLEAN, -1, -1, -1, "BOOLEAN"},
		{SD_T_TEXT, -1, -1, -1, "TEXT"},
	};
	size_t i;

	sd_dialect_postgres.quote_ident(&b, "we\"ird");
	ck_assert_str_eq(sd_buf_cstr(&b), "\"we\"\"ird\"");
	sd_buf_truncate(&b, 0);
	sd_dialect_postgres.quote_literal(&b, "it's \\n");
	ck_assert_str_eq(sd_buf_cstr(&b), "'it''s \\n'");
	for (i = 0; i < SD_ARRAY_LEN(types); i++) {
		memset(&t, 0, sizeof(t));
		t.kind = types[i].kind;
		t.length = types[i].len;
		t.precision = types[i].p;
		t.scale = types[i].s;
		sd_buf_truncate(&b, 0);
		sd_dialect_postgres.type_sql(&b, &t);
		ck_assert_str_eq(sd_buf_cstr(&b), types[i].sql);
	}
	memset(&t, 0, sizeof(t));
	t.kind = SD_T_ENUM;
	t.name = "currency";
	t.enum_schema = "billing";
	sd_buf_truncate(&b, 0);
	sd_dialect_postgres.type_sql(&b, &t);
	ck_assert_str_eq(sd_buf_cstr(&b), "\"billing\".\"currency\"");
	t.kind = SD_T_RAW;
	t.name = "integer[]";
	sd_buf_truncate(&b, 0);
	sd_dialect_postgres.type_sql(&b, &t);
	ck_assert_str_eq(sd_buf_cstr(&b), "integer[]");
	ck_assert_uint_eq(sd_dialect_postgres.caps->max_identifier, 63);
	ck_assert(sd_dialect_postgres.caps->transactional_ddl);
	ck_assert(!sd_dialect_postgres.caps->unique_as_index);
	ck_assert_str_eq(sd_dialect_postgres.begin_sql, "BEGIN;");

	/* 64 bytes: refused, nothing written. */
	memset(longname, 'x', 64);
	longname[64] = '\0';
	memset(&tbl, 0, sizeof(tbl));
	tbl.base.kind = SD_OBJ_TABLE;
	tbl.base.name = longname;
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_DROP_TABLE;
	op.table = op.table_old = &tbl;
	sd_buf_truncate(&b, 0);
	sd_buf_put(&b, "-- before\n");
	ck_assert_int_eq(sd_dialect_postgres.emit_op(&b, &op, &err), SD_EINPUT);
	ck_assert_str_eq(sd_buf_cstr(&b), "-- before\n");
	ck_assert_ptr_nonnull(strstr(err.first->message, "63"));
	sd_error_clear(&err);
	longname[63] = '\0';
	ck_assert_int_eq(sd_dialect_postgres.emit_op(&b, &op, &err), SD_OK);
	sd_buf_free(&b);
}
END_TEST

/*
 * Type changes with an assignment cast are written without USING, so the
 * server converts as an assignment does and refuses values that do not
 * fit: an explicit cast (USING c::VARCHAR(8)) would cut '2024-01-01' to
 * '2024-01-' without a word. Types without one keep USING.
 */
START_TEST(emit_type_change_checks_lengths)
{
	char *uri = fresh_db("sd_t_cast");
	PGconn *c = pq_open(uri);
	sd_table t;
	sd_column from, to;
	sd_op op;
	char *got;
	PGresult *r;
	static const struct {
		sd_type_kind from, to;
		int len;
		const char *sql;
	} cases[] = {
		{SD_T_DATE, SD_T_STRING, 8, "TYPE VARCHAR(8);\n"},
		{SD_T_STRING, SD_T_STRING, 3, "TYPE VARCHAR(3);\n"},
		{SD_T_TEXT, SD_T_CHAR, 2, "TYPE CHAR(2);\n"},
		{SD_T_BIGINT, SD_T_SMALLINT, -1, "TYPE SMALLINT;\n"},
		{SD_T_UUID, SD_T_TEXT, -1, "TYPE TEXT;\n"},
		{SD_T_TIMESTAMPTZ, SD_T_DATE, -1, "TYPE DATE;\n"},
		{SD_T_JSON, SD_T_JSONB, -1, "TYPE JSONB;\n"},
		{SD_T_TEXT, SD_T_INTEGER, -1,
		 "TYPE INTEGER USING \"c\"::INTEGER;\n"},
		{SD_T_STRING, SD_T_DATE, -1, "TYPE DATE USING \"c\"::DATE;\n"},
		{SD_T_INTEGER, SD_T_BOOLEAN, -1,
		 "TYPE BOOLEAN USING \"c\"::BOOLEAN;\n"},
	};
	size_t i;

	memset(&t, 0, sizeof(t));
	t.base.kind = SD_OBJ_TABLE;
	t.base.name = "t";
	for (i = 0; i < SD_ARRAY_LEN(cases); i++) {
		sd_buf want = SD_BUF_INIT;
		memset(&from, 0, sizeof(from));
		from.base.kind = SD_OBJ_COLUMN;
		from.base.name = "c";
		from.nullable = true;
		from.type.kind = cases[i].from;
		from.type.length = from.type.precision = from.type.scale = -1;
		if (cases[i].from == SD_T_STRING)
			from.type.length = 10;
		to = from;
		to.type.kind = cases[i].to;
		to.type.length = cases[i].len;
		memset(&op, 0, sizeof(op));
		op.kind = SD_OP_ALTER_COLUMN;
		op.table = &t;
		op.column_old = &from;
		op.column_new = &to;
		op.changes = SD_CHANGE_TYPE;
		sd_buf_printf(&want, "ALTER TABLE \"t\" ALTER COLUMN \"c\" %s",
		              cases[i].sql);
		got = emit1(&op);
		ck_assert_str_eq(got, sd_buf_cstr(&want));
		free(got);
		sd_buf_free(&want);
	}

	/* On the server: the narrowing fails and the dates stay whole. */
	pq_exec_ok(c, "CREATE TABLE t (c date); "
	              "INSERT INTO t VALUES ('2024-01-01')");
	memset(&from, 0, sizeof(from));
	from.base.kind = SD_OBJ_COLUMN;
	from.base.name = "c";
	from.nullable = true;
	from.type.kind = SD_T_DATE;
	from.type.length = from.type.precision = from.type.scale = -1;
	to = from;
	to.type.kind = SD_T_STRING;
	to.type.length = 8;
	memset(&op, 0, sizeof(op));
	op.kind = SD_OP_ALTER_COLUMN;
	op.table = &t;
	op.column_old = &from;
	op.column_new = &to;
	op.changes = SD_CHANGE_TYPE;
	got = emit1(&op);
	r = PQexec(c, got);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_ptr_nonnull(strstr(PQresultErrorMessage(r), "too long"));
	PQclear(r);
	free(got);
	r = PQexec(c, "SELECT c::text FROM t");
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2024-01-01");
	PQclear(r);
	/* ... and a value that fits converts. */
	to.type.length = 10;
	got = emit1(&op);
	pq_exec_ok(c, got);
	free(got);
	r = PQexec(c, "SELECT c FROM t");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2024-01-01");
	PQclear(r);
	PQfinish(c);
	free(uri);
}
END_TEST

/* One value of a catalog query, "" for NULL (freed with the result). */
static char *pq_value(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	char *v;

	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1,
	              "%s: %s", sql, PQresultErrorMessage(r));
	v = strdup(PQgetisnull(r, 0, 0) ? "" : PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

static void pq_value_is(PGconn *c, const char *sql, const char *want)
{
	char *got = pq_value(c, sql);

	ck_assert_msg(strcmp(got, want) == 0, "%s: got '%s', want '%s'", sql,
	              got, want);
	free(got);
}

/* The table settings of queue as the catalog has them, one line. */
static const char q_queue_settings[] =
	"SELECT c.relpersistence::text || ' ' || c.relreplident::text || ' '"
	" || coalesce(array_to_string(c.reloptions, ','), '-') || ' '"
	" || coalesce((SELECT string_agg(ic.relname || ':'"
	"   || left(i.indisreplident::text, 1) || left(i.indisclustered::text, 1),"
	"   ',') FROM pg_index i JOIN pg_class ic"
	"   ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid"
	"   AND (i.indisreplident OR i.indisclustered)), '-') || ' '"
	" || (SELECT string_agg(a.attname || '=' || a.attstorage::text"
	"   || coalesce(nullif(a.attcompression::text, ''), '-')"
	"   || a.attstattarget, ',' ORDER BY a.attnum) FROM pg_attribute a"
	"   WHERE a.attrelid = c.oid AND a.attnum > 0)"
	" FROM pg_class c WHERE c.relname = 'queue'";

/* diff(live, models) applied, then its downgrade: the exact SQL, the
 * catalog after each, and the rows kept. */
START_TEST(table_settings_upgrade_downgrade)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: queue\n"
		"    unlogged: true\n"
		"    with: {fillfactor: 60, autovacuum_enabled: off}\n"
		"    replica_identity: using index ux_queue_code\n"
		"    cluster_on: ux_queue_code\n"
		"    columns:\n"
		"      - {name: id, type: bigint, primary_key: true,"
		" autoincrement: false}\n"
		"      - {name: code, type: text, nullable: false,"
		" statistics: 300}\n"
		"      - {name: payload, type: text, storage: external,"
		" compression: lz4}\n"
		"      - {name: n, type: numeric, storage: main}\n"
		/* tsvector's own storage: no difference */
		"      - {name: doc, type: tsvector, storage: extended}\n"
		"    indexes:\n"
		"      - {name: ux_queue_code, columns: [code], unique: true,"
		" with: {fillfactor: 80}}\n";
	char *uri = fresh_db("sd_t_table_settings");
	PGconn *c = pq_open(uri);
	sd_schema *models = NULL, *live = NULL, *after = NULL;
	sd_plan *plan = NULL, *again = NULL;
	sd_diff_opts opts = {.caps = &sd_caps_postgres, .drop_unlisted = true};
	sd_error err = SD_ERROR_INIT;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	const char *before =
		"p d fillfactor=70 ux_queue_code:ft "
		"id=p-0,code=x-1000,payload=x--1,n=m--1,doc=x--1";

	pq_exec_ok(c, "CREATE TABLE queue (id bigint PRIMARY KEY,"
	              " code text NOT NULL, payload text, n numeric,"
	              " doc tsvector)"
	              " WITH (fillfactor = 70);"
	              "CREATE UNIQUE INDEX ux_queue_code ON queue (code);"
	              "ALTER TABLE queue CLUSTER ON ux_queue_code;"
	              "ALTER TABLE queue ALTER COLUMN id SET STATISTICS 0;"
	              "ALTER TABLE queue ALTER COLUMN code SET STATISTICS 1000;"
	              "INSERT INTO queue VALUES (1, 'a', 'x', 1);");
	pq_value_is(c, q_queue_settings, before);
	ck_assert_int_eq(sd_models_load_data(&models, yaml, strlen(yaml),
	                                     "m.yaml", &sd_naming_default,
	                                     &err),
	                 SD_OK);
	/* numeric's own storage is main: nothing to set */
	ck_assert_int_eq(sd_column_x(sd_table_find_column(models->tables[0], "n"))->storage,
	                 0);
	ck_assert_int_eq(sd_pg_introspect(&live, c, NULL, NULL, &err), SD_OK);
	ck_assert_str_eq(live->tables[0]->cluster_on, "ux_queue_code");
	ck_assert_int_eq(sd_diff(&plan, live, models, &opts, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, plan, &sd_dialect_postgres,
	                              &err),
	                 SD_OK);
	ck_assert_str_eq(
		sd_buf_cstr(&up),
		"ALTER TABLE \"queue\" SET WITHOUT CLUSTER;\n"
		"DROP INDEX \"ux_queue_code\";\n"
		"ALTER TABLE \"queue\" RENAME CONSTRAINT \"queue_pkey\" TO "
		"\"pk_queue\";\n"
		"ALTER TABLE \"queue\" ALTER COLUMN \"id\" SET STATISTICS -1;\n"
		"ALTER TABLE \"queue\" ALTER COLUMN \"code\" SET STATISTICS 300;\n"
		"ALTER TABLE \"queue\" ALTER COLUMN \"payload\" SET STORAGE "
		"EXTERNAL;\n"
		"ALTER TABLE \"queue\" ALTER COLUMN \"payload\" SET COMPRESSION "
		"lz4;\n"
		"ALTER TABLE \"queue\" SET UNLOGGED;\n"
		"ALTER TABLE \"queue\" SET (fillfactor = 60, "
		"autovacuum_enabled = off);\n"
		"CREATE UNIQUE INDEX \"ux_queue_code\" ON \"queue\" (\"code\") "
		"WITH (fillfactor = 80);\n"
		"ALTER TABLE \"queue\" REPLICA IDENTITY USING INDEX "
		"\"ux_queue_code\";\n"
		"ALTER TABLE \"queue\" CLUSTER ON \"ux_queue_code\";\n");
	pq_exec_ok(c, sd_buf_cstr(&up));
	pq_value_is(c, q_queue_settings,
	            "u i fillfactor=60,autovacuum_enabled=off "
	            "ux_queue_code:tt "
	            "id=p--1,code=x-300,payload=el-1,n=m--1,doc=x--1");
	ck_assert_int_eq(sd_pg_introspect(&after, c, NULL, NULL, &err), SD_OK);
	ck_assert_int_eq(sd_diff(&again, after, models, &opts, &err), SD_OK);
	ck_assert_uint_eq(again->nops, 0);
	pq_exec_ok(c, sd_buf_cstr(&down));
	pq_value_is(c, q_queue_settings, before);
	pq_value_is(c, "SELECT count(*) FROM queue WHERE code = 'a'", "1");

	/* created: UNLOGGED, WITH and COMPRESSION in CREATE TABLE, the
	 * rest after it, the marks once the index is there; dropped: the
	 * marks go first, so that the downgrade puts them back */
	sd_plan_free(plan);
	sd_buf_truncate(&up, 0);
	sd_buf_truncate(&down, 0);
	sd_schema_free(live);
	live = sd_schema_new();
	live->dialect = "postgresql";
	ck_assert_int_eq(sd_diff(&plan, live, models, &opts, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(&up, &down, plan, &sd_dialect_postgres,
	                              &err),
	                 SD_OK);
	ck_assert_str_eq(
		sd_buf_cstr(&up),
		"CREATE UNLOGGED TABLE \"queue\" (\n"
		"    \"id\" BIGINT NOT NULL,\n"
		"    \"code\" TEXT NOT NULL,\n"
		"    \"payload\" TEXT COMPRESSION lz4,\n"
		"    \"n\" NUMERIC,\n"
		"    \"doc\" tsvector,\n"
		"    CONSTRAINT \"pk_queue\" PRIMARY KEY (\"id\")\n"
		") WITH (fillfactor = 60, autovacuum_enabled = off);\n"
		"ALTER TABLE \"queue\" ALTER COLUMN \"code\" SET STATISTICS 300;\n"
		"ALTER TABLE \"queue\" ALTER COLUMN \"payload\" SET STORAGE "
		"EXTERNAL;\n"
		"ALTER TABLE \"queue\" ALTER COLUMN \"doc\" SET STORAGE "
		"EXTENDED;\n"
		"CREATE UNIQUE INDEX \"ux_queue_code\" ON \"queue\" (\"code\") "
		"WITH (fillfactor = 80);\n"
		"ALTER TABLE \"queue\" REPLICA IDENTITY USING INDEX "
		"\"ux_queue_code\";\n"
		"ALTER TABLE \"queue\" CLUSTER ON \"ux_queue_code\";\n");
	ck_assert_str_eq(
		sd_buf_cstr(&down),
		"ALTER TABLE \"queue\" REPLICA IDENTITY DEFAULT;\n"
		"ALTER TABLE \"queue\" SET WITHOUT CLUSTER;\n"
		"DROP INDEX \"ux_queue_code\";\n"
		"DROP TABLE \"queue\";\n");

	sd_plan_free(plan);
	sd_plan_free(again);
	sd_schema_free(models);
	sd_schema_free(live);
	sd_schema_free(after);
	sd_buf_free(&up);
	sd_buf_free(&down);
	sd_error_clear(&err);
	PQfinish(c);
	free(uri);
}
END_TEST

/* The models of yaml, named by the default convention. */
static sd_schema *models_of(const char *yaml)
{
	sd_schema *s = NULL;
	sd_error err = SD_ERROR_INIT;

	ck_assert_int_eq(sd_models_load_data(&s, yaml, strlen(yaml), "m.yaml",
	                                     &sd_naming_default, &err),
	                 SD_OK);
	return s;
}

/* The plan from the database at c (NULL: an empty one) to models, as
 * PostgreSQL upgrade and downgrade SQL. */
static void plan_sql(PGconn *c, const sd_schema *models, sd_buf *up,
                     sd_buf *down)
{
	sd_diff_opts opts = {.caps = &sd_caps_postgres, .drop_unlisted = true};
	sd_error err = SD_ERROR_INIT;
	sd_schema *live;
	sd_plan *plan = NULL;

	if (c) {
		live = introspected(c, NULL, NULL);
	} else {
		live = sd_schema_new();
		live->dialect = "postgresql";
	}
	ck_assert_int_eq(sd_diff(&plan, live, models, &opts, &err), SD_OK);
	ck_assert_int_eq(sd_emit_plan(up, down, plan, &sd_dialect_postgres,
	                              &err),
	                 SD_OK);
	sd_plan_free(plan);
	sd_schema_free(live);
}

/* The database at c is what models say: nothing to do. */
static void assert_converged(PGconn *c, const sd_schema *models)
{
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;

	plan_sql(c, models, &up, &down);
	ck_assert_str_eq(sd_buf_cstr(&up), "");
	sd_buf_free(&up);
	sd_buf_free(&down);
}

/*
 * One upgrade-downgrade case: a fresh database made by ddl, the models of
 * yaml. updown_up checks that the catalog query q reads `before`, plans,
 * compares the exact SQL both ways, upgrades, and checks that q reads
 * `after` and nothing is left to do; updown_down downgrades and checks
 * that q reads `before` again. updown_from_empty plans the models from
 * an empty database (t->up, t->down).
 */
typedef struct updown {
	char *uri;
	PGconn *c;
	sd_schema *models;
	sd_buf up, down;
} updown;

static void updown_start(updown *t, const char *db, const char *yaml,
                         const char *ddl)
{
	memset(t, 0, sizeof(*t));
	t->c = fresh_conn(db, ddl, &t->uri);
	t->models = models_of(yaml);
}

static void updown_up(updown *t, const char *q, const char *before,
                      const char *want_up, const char *want_down,
                      const char *after)
{
	pq_value_is(t->c, q, before);
	plan_sql(t->c, t->models, &t->up, &t->down);
	ck_assert_str_eq(sd_buf_cstr(&t->up), want_up);
	ck_assert_str_eq(sd_buf_cstr(&t->down), want_down);
	pq_exec_ok(t->c, sd_buf_cstr(&t->up));
	pq_value_is(t->c, q, after);
	assert_converged(t->c, t->models);
}

static void updown_down(updown *t, const char *q, const char *before)
{
	pq_exec_ok(t->c, sd_buf_cstr(&t->down));
	pq_value_is(t->c, q, before);
}

static void updown_from_empty(updown *t)
{
	sd_buf_truncate(&t->up, 0);
	sd_buf_truncate(&t->down, 0);
	plan_sql(NULL, t->models, &t->up, &t->down);
}

static void updown_end(updown *t)
{
	sd_schema_free(t->models);
	sd_buf_free(&t->up);
	sd_buf_free(&t->down);
	fresh_close(t->c, t->uri);
}

/* A materialized view's storage parameters and its columns' STORAGE,
 * COMPRESSION and SET STATISTICS, one column of the catalog each. */
#define Q_MATVIEW_SETTINGS(v)                                                 \
	"SELECT coalesce(array_to_string(c.reloptions, ','), '-') || ' ' ||" \
	" string_agg(a.attname || '=' || a.attstorage::text || '-' ||"        \
	" coalesce(nullif(a.attcompression::text, ''), '-') || '-' ||"        \
	" coalesce(a.attstattarget, -1), ' ' ORDER BY a.attnum)"              \
	" FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"          \
	" WHERE c.oid = '" v "'::regclass AND a.attnum > 0 GROUP BY c.oid"

/* A materialized view's settings change by ALTER MATERIALIZED VIEW, not
 * by a drop and create: the exact SQL both ways, the catalog after each,
 * its rows and index kept; created, it gets them after CREATE. */
START_TEST(matview_settings_upgrade_downgrade)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: events\n"
		"    columns:\n"
		"      - {name: id, type: bigint, primary_key: true,"
		" autoincrement: false}\n"
		"      - {name: kind, type: text}\n"
		"      - {name: payload, type: text}\n"
		"views:\n"
		"  - name: event_kinds\n"
		"    materialized: true\n"
		"    query: SELECT events.id, events.kind, events.payload"
		" FROM events\n"
		"    options: [fillfactor=70]\n"
		"    column_options:\n"
		"      - {column: kind, statistics: 400}\n"
		"      - {column: payload, storage: external,"
		" compression: pglz}\n"
		"      - {column: id, statistics: 0}\n"
		"    indexes:\n"
		"      - {name: ux_event_kinds_id, columns: [id], unique: true}\n";
	updown t;
	const char *before = "fillfactor=90,autovacuum_enabled=false "
	                     "id=p----1 kind=x---100 payload=m----1";

	updown_start(&t, "sd_t_matview_settings", yaml,
	             "CREATE TABLE events (id bigint CONSTRAINT pk_events"
	             " PRIMARY KEY, kind text, payload text);"
	             "INSERT INTO events VALUES (1, 'click', 'x');"
	             "CREATE MATERIALIZED VIEW event_kinds WITH"
	             " (fillfactor = 90, autovacuum_enabled = false) AS"
	             " SELECT events.id, events.kind, events.payload"
	             " FROM events;"
	             "CREATE UNIQUE INDEX ux_event_kinds_id ON event_kinds"
	             " (id);"
	             "ALTER MATERIALIZED VIEW event_kinds ALTER COLUMN kind"
	             " SET STATISTICS 100;"
	             "ALTER MATERIALIZED VIEW event_kinds ALTER COLUMN"
	             " payload SET STORAGE MAIN;");
	updown_up(&t, Q_MATVIEW_SETTINGS("event_kinds"), before,
	          "ALTER MATERIALIZED VIEW \"event_kinds\" RESET "
	          "(autovacuum_enabled);\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" SET "
	          "(fillfactor = 70);\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"kind\" SET STATISTICS 400;\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"payload\" SET STORAGE EXTERNAL;\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"payload\" SET COMPRESSION pglz;\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"id\" SET STATISTICS 0;\n",
	          "ALTER MATERIALIZED VIEW \"event_kinds\" SET "
	          "(fillfactor = 90, autovacuum_enabled = false);\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"id\" SET STATISTICS -1;\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"kind\" SET STATISTICS 100;\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"payload\" SET STORAGE MAIN;\n"
	          "ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
	          "\"payload\" SET COMPRESSION default;\n",
	          "fillfactor=70 id=p---0 kind=x---400 payload=e-p--1");
	updown_down(&t, Q_MATVIEW_SETTINGS("event_kinds"), before);
	pq_value_is(t.c, "SELECT count(*) FROM event_kinds WHERE kind ="
	                 " 'click'", "1");

	/* created: the settings after CREATE MATERIALIZED VIEW */
	updown_from_empty(&t);
	ck_assert(strstr(
		sd_buf_cstr(&t.up),
		"CREATE MATERIALIZED VIEW \"event_kinds\" WITH (fillfactor=70)"
		" AS\nSELECT events.id, events.kind, events.payload FROM events;\n"
		"ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
		"\"kind\" SET STATISTICS 400;\n"
		"ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
		"\"payload\" SET STORAGE EXTERNAL;\n"
		"ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
		"\"payload\" SET COMPRESSION pglz;\n"
		"ALTER MATERIALIZED VIEW \"event_kinds\" ALTER COLUMN "
		"\"id\" SET STATISTICS 0;\n"
		"CREATE UNIQUE INDEX"));
	updown_end(&t);
}
END_TEST

/* The attribute options of every column of table t, in order. */
#define Q_COLUMN_OPTIONS(t)                                                   \
	"SELECT string_agg(a.attname || '=' || coalesce(array_to_string("     \
	"a.attoptions, ','), '-'), ' ' ORDER BY a.attnum) FROM pg_attribute a" \
	" WHERE a.attrelid = '" t "'::regclass AND a.attnum > 0"

/* Column options (ALTER COLUMN ... SET (n_distinct ...)): the exact SQL
 * both ways, the catalog after each, the rows kept. */
START_TEST(column_options_upgrade_downgrade)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: events\n"
		"    columns:\n"
		"      - {name: id, type: bigint, primary_key: true,"
		" autoincrement: false}\n"
		"      - {name: account, type: integer,"
		" options: {n_distinct: -0.2}}\n"
		"      - {name: kind, type: text,"
		" options: {n_distinct: 12.0, n_distinct_inherited: 15}}\n";
	updown t;
	const char *before = "id=- account=n_distinct=1000,"
	                     "n_distinct_inherited=2000 kind=n_distinct=12";

	updown_start(&t, "sd_t_column_options", yaml,
	             "CREATE TABLE events (id bigint CONSTRAINT pk_events"
	             " PRIMARY KEY, account integer, kind text);"
	             "ALTER TABLE events ALTER COLUMN account SET"
	             " (n_distinct = 1000, n_distinct_inherited = 2000);"
	             "ALTER TABLE events ALTER COLUMN kind SET"
	             " (n_distinct = 12);"
	             "INSERT INTO events VALUES (1, 7, 'click');");
	updown_up(&t, Q_COLUMN_OPTIONS("events"), before,
	          "ALTER TABLE \"events\" ALTER COLUMN \"account\" RESET "
	          "(n_distinct_inherited);\n"
	          "ALTER TABLE \"events\" ALTER COLUMN \"account\" SET "
	          "(n_distinct = -0.2);\n"
	          "ALTER TABLE \"events\" ALTER COLUMN \"kind\" SET "
	          "(n_distinct_inherited = 15);\n",
	          "ALTER TABLE \"events\" ALTER COLUMN \"kind\" RESET "
	          "(n_distinct_inherited);\n"
	          "ALTER TABLE \"events\" ALTER COLUMN \"account\" SET "
	          "(n_distinct = 1000, n_distinct_inherited = 2000);\n",
	          "id=- account=n_distinct=-0.2 "
	          "kind=n_distinct=12,n_distinct_inherited=15");
	updown_down(&t, Q_COLUMN_OPTIONS("events"), before);
	pq_value_is(t.c, "SELECT count(*) FROM events WHERE kind = 'click'",
	            "1");

	/* a new table: its options after CREATE TABLE */
	updown_from_empty(&t);
	ck_assert_str_eq(
		sd_buf_cstr(&t.up),
		"CREATE TABLE \"events\" (\n"
		"    \"id\" BIGINT NOT NULL,\n"
		"    \"account\" INTEGER,\n"
		"    \"kind\" TEXT,\n"
		"    CONSTRAINT \"pk_events\" PRIMARY KEY (\"id\")\n"
		");\n"
		"ALTER TABLE \"events\" ALTER COLUMN \"account\" SET "
		"(n_distinct = -0.2);\n"
		"ALTER TABLE \"events\" ALTER COLUMN \"kind\" SET "
		"(n_distinct = 12.0, n_distinct_inherited = 15);\n");
	updown_end(&t);
}
END_TEST

/* The comments of the indexes of table t, "name=comment" by name. */
#define Q_INDEX_COMMENTS(t)                                                   \
	"SELECT string_agg(c.relname || '=' || coalesce(obj_description("      \
	"c.oid, 'pg_class'), '-'), ' ' ORDER BY c.relname) FROM pg_index i"   \
	" JOIN pg_class c ON c.oid = i.indexrelid"                            \
	" WHERE i.indrelid = '" t "'::regclass"

/* COMMENT ON INDEX of the indexes behind a primary key, a unique and an
 * exclusion constraint, apart from the constraints' own comments: the
 * exact SQL both ways, the catalog after each. */
START_TEST(constraint_index_comments)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: slots\n"
		"    primary_key: {name: slots_pkey, columns: [id],"
		" index_comment: by id}\n"
		"    columns:\n"
		"      - {name: id, type: integer, autoincrement: false}\n"
		"      - {name: code, type: text}\n"
		"      - {name: during, type: tstzrange}\n"
		"    unique:\n"
		"      - {name: slots_code_key, columns: [code],"
		" comment: codes are unique, index_comment: code lookups}\n"
		"    exclusions:\n"
		"      - {name: slots_during_excl, using: gist,"
		" keys: [{column: during, operator: '&&'}],"
		" index_comment: gist over the ranges}\n";
	updown t;
	const char *before = "slots_code_key=- slots_during_excl=- "
	                     "slots_pkey=old";

	updown_start(&t, "sd_t_key_index_comments", yaml,
	             "CREATE TABLE slots (id integer PRIMARY KEY, code text"
	             " CONSTRAINT slots_code_key UNIQUE, during tstzrange,"
	             " CONSTRAINT slots_during_excl EXCLUDE USING gist"
	             " (during WITH &&));"
	             "COMMENT ON INDEX slots_pkey IS 'old';"
	             "COMMENT ON CONSTRAINT slots_code_key ON slots"
	             " IS 'codes are unique';");
	updown_up(&t, Q_INDEX_COMMENTS("slots"), before,
	          "COMMENT ON INDEX \"slots_pkey\" IS 'by id';\n"
	          "COMMENT ON INDEX \"slots_code_key\" IS 'code lookups';\n"
	          "COMMENT ON INDEX \"slots_during_excl\" IS "
	          "'gist over the ranges';\n",
	          "COMMENT ON INDEX \"slots_during_excl\" IS NULL;\n"
	          "COMMENT ON INDEX \"slots_code_key\" IS NULL;\n"
	          "COMMENT ON INDEX \"slots_pkey\" IS 'old';\n",
	          "slots_code_key=code lookups "
	          "slots_during_excl=gist over the ranges slots_pkey=by id");
	pq_value_is(t.c, "SELECT obj_description(oid, 'pg_constraint') FROM"
	                 " pg_constraint WHERE conname = 'slots_code_key'",
	            "codes are unique");
	updown_down(&t, Q_INDEX_COMMENTS("slots"), before);

	/* created with the table: after the constraints' own comments */
	updown_from_empty(&t);
	ck_assert_str_eq(
		sd_buf_cstr(&t.up),
		"CREATE TABLE \"slots\" (\n"
		"    \"id\" INTEGER NOT NULL,\n"
		"    \"code\" TEXT,\n"
		"    \"during\" tstzrange,\n"
		"    CONSTRAINT \"slots_pkey\" PRIMARY KEY (\"id\"),\n"
		"    CONSTRAINT \"slots_code_key\" UNIQUE (\"code\")\n"
		");\n"
		"COMMENT ON INDEX \"slots_pkey\" IS 'by id';\n"
		"COMMENT ON CONSTRAINT \"slots_code_key\" ON \"slots\" IS "
		"'codes are unique';\n"
		"COMMENT ON INDEX \"slots_code_key\" IS 'code lookups';\n"
		"ALTER TABLE \"slots\" ADD CONSTRAINT \"slots_during_excl\" "
		"EXCLUDE USING gist (\"during\" WITH &&);\n"
		"COMMENT ON INDEX \"slots_during_excl\" IS "
		"'gist over the ranges';\n");
	updown_end(&t);
}
END_TEST

/* Every extended statistics object: its definition and target. */
#define Q_STATISTICS                                                          \
	"SELECT string_agg(pg_get_statisticsobjdef(oid) || ' /'"               \
	" || stxstattarget || coalesce(' ' || obj_description(oid,"           \
	" 'pg_statistic_ext'), ''), '; ' ORDER BY stxname)"                    \
	" FROM pg_statistic_ext"

/* Extended statistics: created, changed (kinds: dropped and created
 * again; target and comment: altered), dropped; the exact SQL both
 * ways, the catalog after each, nothing left to do after the upgrade. */
START_TEST(extended_statistics_upgrade_downgrade)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: addresses\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true,"
		" autoincrement: false}\n"
		"      - {name: zip, type: text}\n"
		"      - {name: city, type: text}\n"
		"      - {name: country, type: text}\n"
		"    statistics:\n"
		"      - {name: addresses_zip_city, kinds: [dependencies,"
		" ndistinct], columns: [city, zip], target: 500,"
		" comment: zip decides city}\n"
		"      - {name: addresses_country_mcv, kinds: [mcv],"
		" columns: [country], expressions: [\"LOWER(city)\"]}\n"
		"      - {name: addresses_kept, columns: [zip, country],"
		" kinds: [ndistinct, mcv, dependencies]}\n";
	updown t;
	const char *before =
		"CREATE STATISTICS public.addresses_kept ON zip, country FROM "
		"addresses /-1 kept; "
		"CREATE STATISTICS public.addresses_old ON zip, country FROM "
		"addresses /-1; "
		"CREATE STATISTICS public.addresses_zip_city (ndistinct) ON zip, "
		"city FROM addresses /-1";

	updown_start(&t, "sd_t_statistics", yaml,
	             "CREATE TABLE addresses (id integer CONSTRAINT"
	             " pk_addresses PRIMARY KEY, zip text, city text,"
	             " country text);"
	             "CREATE STATISTICS addresses_zip_city (ndistinct)"
	             " ON zip, city FROM addresses;"
	             "CREATE STATISTICS addresses_old ON country, zip"
	             " FROM addresses;"
	             "CREATE STATISTICS addresses_kept ON country, zip"
	             " FROM addresses;"
	             "COMMENT ON STATISTICS addresses_kept IS 'kept';"
	             "INSERT INTO addresses VALUES (1, '1', 'x', 'de');");
	updown_up(&t, Q_STATISTICS, before,
	          "DROP STATISTICS \"addresses_zip_city\";\n"
	          "DROP STATISTICS \"addresses_old\";\n"
	          "CREATE STATISTICS \"addresses_country_mcv\" (mcv) ON "
	          "\"country\", (LOWER(city)) FROM \"addresses\";\n"
	          "CREATE STATISTICS \"addresses_zip_city\" (ndistinct, "
	          "dependencies) ON \"city\", \"zip\" FROM \"addresses\";\n"
	          "ALTER STATISTICS \"addresses_zip_city\" SET STATISTICS 500;\n"
	          "COMMENT ON STATISTICS \"addresses_zip_city\" IS "
	          "'zip decides city';\n"
	          "COMMENT ON STATISTICS \"addresses_kept\" IS NULL;\n",
	          "COMMENT ON STATISTICS \"addresses_kept\" IS 'kept';\n"
	          "DROP STATISTICS \"addresses_zip_city\";\n"
	          "DROP STATISTICS \"addresses_country_mcv\";\n"
	          "CREATE STATISTICS \"addresses_old\" ON \"zip\", "
	          "\"country\" FROM \"addresses\";\n"
	          "CREATE STATISTICS \"addresses_zip_city\" (ndistinct) ON "
	          "\"zip\", \"city\" FROM \"addresses\";\n",
	          "CREATE STATISTICS public.addresses_country_mcv (mcv) ON "
	          "country, lower(city) FROM addresses /-1; "
	          "CREATE STATISTICS public.addresses_kept ON zip, country "
	          "FROM addresses /-1; "
	          "CREATE STATISTICS public.addresses_zip_city (ndistinct, "
	          "dependencies) ON zip, city FROM addresses /500 "
	          "zip decides city");
	updown_down(&t, Q_STATISTICS, before);
	pq_value_is(t.c, "SELECT count(*) FROM addresses", "1");

	/* a new table: its statistics after it */
	updown_from_empty(&t);
	ck_assert(strstr(sd_buf_cstr(&t.up),
	                 ");\nCREATE STATISTICS \"addresses_country_mcv\" "));
	ck_assert_str_eq(sd_buf_cstr(&t.down),
	                 "DROP STATISTICS \"addresses_zip_city\";\n"
	                 "DROP STATISTICS \"addresses_kept\";\n"
	                 "DROP STATISTICS \"addresses_country_mcv\";\n"
	                 "DROP TABLE \"addresses\";\n");
	updown_end(&t);
}
END_TEST

/* The identity sequences of the public tables, "table.column=sequence". */
#define Q_IDENTITY_SEQUENCES                                                  \
	"SELECT string_agg(c.relname || '.' || a.attname || '=' ||"           \
	" pg_get_serial_sequence(c.oid::regclass::text, a.attname), ' '"       \
	" ORDER BY 1) FROM pg_attribute a JOIN pg_class c ON c.oid ="         \
	" a.attrelid WHERE a.attidentity <> '' AND c.relnamespace ="          \
	" 'public'::regnamespace"

/*
 * The downgrade of a table renamed with its identity column: the inverse
 * of RENAME_TABLE runs after the column has its old name back, and
 * renames the sequence after the old table and that old column name (an
 * inverse op says which way it runs: sd_op.inverted).
 */
START_TEST(renamed_identity_downgrade)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: tasks\n"
		"    renamed_from: jobs\n"
		"    columns:\n"
		"      - {name: task_id, renamed_from: id, type: bigint,"
		" primary_key: true, identity: by default}\n"
		"      - {name: title, type: text}\n";
	updown t;
	const char *before = "jobs.id=public.jobs_id_seq";

	updown_start(&t, "sd_t_renamed_identity", yaml,
	             "CREATE TABLE jobs (id bigint GENERATED BY DEFAULT AS"
	             " IDENTITY CONSTRAINT pk_jobs PRIMARY KEY, title text);"
	             "INSERT INTO jobs (title) VALUES ('a'), ('b');");
	pq_value_is(t.c, Q_IDENTITY_SEQUENCES, before);
	plan_sql(t.c, t.models, &t.up, &t.down);
	pq_exec_ok(t.c, sd_buf_cstr(&t.up));
	pq_value_is(t.c, Q_IDENTITY_SEQUENCES,
	            "tasks.task_id=public.tasks_task_id_seq");
	assert_converged(t.c, t.models);
	updown_down(&t, Q_IDENTITY_SEQUENCES, before);
	pq_exec_ok(t.c, "INSERT INTO jobs (title) VALUES ('c')");
	pq_value_is(t.c, "SELECT string_agg(id || title, ' ' ORDER BY id)"
	                 " FROM jobs", "1a 2b 3c");
	updown_end(&t);
}
END_TEST

/* Partitions of sessions: "name:bound" in order, then the row count. */
#define Q_SESSIONS                                                            \
	"SELECT string_agg(c.relname || ':' || pg_get_expr(c.relpartbound,"   \
	" c.oid), ' ' ORDER BY c.relname) || ' rows=' || (SELECT count(*)"     \
	" FROM sessions) FROM pg_inherits i JOIN pg_class c ON c.oid ="       \
	" i.inhrelid WHERE i.inhparent = 'sessions'::regclass"

/*
 * The downgrade of a table recreated (its partitioning changes): the
 * upgrade sets it aside and creates it anew in one step, copies the rows
 * and drops the old one in another; the downgrade does the reverse, so
 * the inverse of each step is another statement than the step (an
 * inverse op says which way it runs: sd_op.inverted). The rows come back
 * to their old partitions.
 */
START_TEST(recreated_table_downgrade)
{
	static const char ddl[] =
		"CREATE TABLE sessions (id integer NOT NULL, region text NOT NULL,"
		" CONSTRAINT pk_sessions PRIMARY KEY (id, region))"
		" PARTITION BY LIST (region);"
		"CREATE TABLE sessions_eu PARTITION OF sessions"
		" FOR VALUES IN ('eu');"
		"CREATE TABLE sessions_other PARTITION OF sessions DEFAULT;";
	char *uri;
	PGconn *target = fresh_conn(
		"sd_t_recreated_target",
		"CREATE TABLE sessions (id integer NOT NULL, region text"
		" NOT NULL, CONSTRAINT pk_sessions PRIMARY KEY (id, region))"
		" PARTITION BY HASH (id);"
		"CREATE TABLE sessions_eu PARTITION OF sessions"
		" FOR VALUES WITH (MODULUS 2, REMAINDER 0);"
		"CREATE TABLE sessions_other PARTITION OF sessions"
		" FOR VALUES WITH (MODULUS 2, REMAINDER 1);",
		&uri);
	updown t;
	const char *before = "sessions_eu:FOR VALUES IN ('eu') "
	                     "sessions_other:DEFAULT rows=3";

	updown_start(&t, "sd_t_recreated", "tables: []\n", ddl);
	sd_schema_free(t.models);
	t.models = introspected(target, NULL, NULL);
	pq_exec_ok(t.c, "INSERT INTO sessions VALUES (1, 'eu'), (2, 'us'),"
	                " (3, 'eu')");
	pq_value_is(t.c, Q_SESSIONS, before);
	plan_sql(t.c, t.models, &t.up, &t.down);
	ck_assert(strstr(sd_buf_cstr(&t.down), "-- recreates the table"));
	pq_exec_ok(t.c, sd_buf_cstr(&t.up));
	pq_value_is(t.c, Q_SESSIONS,
	            "sessions_eu:FOR VALUES WITH (modulus 2, remainder 0) "
	            "sessions_other:FOR VALUES WITH (modulus 2, remainder 1)"
	            " rows=3");
	assert_converged(t.c, t.models);
	updown_down(&t, Q_SESSIONS, before);
	pq_value_is(t.c, "SELECT string_agg(id || region, ' ' ORDER BY id)"
	                 " FROM sessions_eu", "1eu 3eu");
	pq_value_is(t.c, "SELECT count(*) FROM pg_namespace WHERE nspname"
	                 " LIKE 'schemadiff%'", "0");
	updown_end(&t);
	fresh_close(target, uri);
}
END_TEST

/* Statistics expressions of the models are compared by the server's
 * text, as index expressions are: lower(email) on a varchar column is
 * the catalog's lower((email)::text), a + b its (a + b); a changed
 * expression still differs. */
START_TEST(statistics_expressions_normalised)
{
	static const char yaml[] =
		"tables:\n"
		"  - name: accounts\n"
		"    columns:\n"
		"      - {name: id, type: integer, primary_key: true,"
		" autoincrement: false}\n"
		"      - {name: email, type: string(80)}\n"
		"      - {name: a, type: integer}\n"
		"      - {name: b, type: integer}\n"
		"    statistics:\n"
		"      - {name: accounts_expr, columns: [id],"
		" expressions: [\"LOWER(email)\", \"a+b\"]}\n";
	char *uri = fresh_db("sd_t_statistics_norm");
	sd_db *db = db_open(uri);
	PGconn *c = pq_open(uri);
	sd_schema *models = NULL, *changed = NULL;
	sd_error err = SD_ERROR_INIT;
	sd_buf up = SD_BUF_INIT, down = SD_BUF_INIT;
	const sd_statistics *st;
	char *other = strdup(yaml);

	pq_exec_ok(c, "CREATE TABLE accounts (id integer CONSTRAINT"
	              " pk_accounts PRIMARY KEY, email varchar(80), a integer,"
	              " b integer);"
	              "CREATE STATISTICS accounts_expr ON id, (lower(email)),"
	              " (a + b) FROM accounts");
	ck_assert_int_eq(sd_models_load_data(&models, yaml, strlen(yaml),
	                                     "models.yaml", &sd_naming_default,
	                                     &err),
	                 SD_OK);
	ck_assert_int_eq(sd_normalize(db, models, NULL, &err), SD_OK);
	st = sd_schema_find_table(models, NULL, "accounts")->statistics[0];
	ck_assert_str_eq(st->expressions[0].canon, "lower((email)::text)");
	ck_assert_str_eq(st->expressions[1].canon, "(a + b)");
	ck_assert_str_eq(st->expressions[0].sql, "LOWER(email)");
	assert_converged(c, models);

	memcpy(strstr(other, "a+b"), "a-b", 3);
	ck_assert_int_eq(sd_models_load_data(&changed, other, strlen(other),
	                                     "models.yaml", &sd_naming_default,
	                                     &err),
	                 SD_OK);
	ck_assert_int_eq(sd_normalize(db, changed, NULL, &err), SD_OK);
	plan_sql(c, changed, &up, &down);
	ck_assert_str_eq(sd_buf_cstr(&up),
	                 "DROP STATISTICS \"accounts_expr\";\n"
	                 "CREATE STATISTICS \"accounts_expr\" ON \"id\","
	                 " (LOWER(email)), (a-b) FROM \"accounts\";\n");

	sd_schema_free(models);
	sd_schema_free(changed);
	sd_buf_free(&up);
	sd_buf_free(&down);
	free(other);
	sd_error_clear(&err);
	PQfinish(c);
	sd_driver_postgres.close(db);
	free(uri);
}
END_TEST

static Suite *postgres_suite(void)
{
	Suite *s = suite_create("postgres");

	SD_TEST(s, type_mapping, 120);
	SD_TEST(s, canon_default_table, 120);
	SD_TEST(s, canon_nextval_table, 120);
	SD_TEST(s, emit_quoting_types_limits, 120);
	SD_TEST(s, driver_exec_query_transactions, 120);
	SD_TEST(s, password_masked_on_failure, 120);
	SD_TEST(s, advisory_lock_contention, 120);
	SD_TEST(s, session_lock_outside_transactions, 120);
	SD_TEST(s, introspect_every_kind, 120);
	SD_TEST(s, introspect_query_count_constant, 120);
	SD_TEST(s, introspect_rare_kinds_only_when_present, 60);
	SD_TEST(s, introspect_pipeline_leaves_connection_idle, 60);
	SD_TEST(s, pipe_out_of_order, 60);
	SD_TEST(s, normalize_spec_examples, 120);
	SD_TEST(s, normalize_other_schema, 120);
	SD_TEST(s, normalize_many_tables, 120);
	SD_TEST(s, normalize_reports_bad_expression, 120);
	SD_TEST(s, normalize_reports_refused_at_line, 120);
	SD_TEST(s, normalize_packs_conflicting_tables, 120);
	SD_TEST(s, normalize_nothing_sends_nothing, 120);
	SD_TEST(s, normalize_table_qualified_references, 120);
	SD_TEST(s, introspect_attnums_gaps_and_outside_refs, 120);
	SD_TEST(s, lock_estimate_matches_server, 120);
	SD_TEST(s, lock_preflight_refuses_up_front, 120);
	SD_TEST(s, emit_every_op, 120);
	SD_TEST(s, emit_type_change_checks_lengths, 120);
	SD_TEST(s, table_settings_upgrade_downgrade, 120);
	SD_TEST(s, matview_settings_upgrade_downgrade, 120);
	SD_TEST(s, column_options_upgrade_downgrade, 120);
	SD_TEST(s, introspect_reports_unmanaged_kinds, 60);
	SD_TEST(s, constraint_index_comments, 120);
	SD_TEST(s, renamed_identity_downgrade, 60);
	SD_TEST(s, recreated_table_downgrade, 60);
	SD_TEST(s, extended_statistics_upgrade_downgrade, 120);
	SD_TEST(s, statistics_expressions_normalised, 120);
	return s;
}

int main(void)
{
	PGconn *c;
	bool up;

	base_uri = getenv("SCHEMADIFF_TEST_PGURI");
	if (!base_uri || !*base_uri)
		return sd_test_skip_all("no PostgreSQL server");
	c = PQconnectdb(base_uri);
	up = PQstatus(c) == CONNECTION_OK;
	PQfinish(c);
	if (!up)
		return sd_test_skip_all("no PostgreSQL server");
	return sd_test_run(postgres_suite());
}
