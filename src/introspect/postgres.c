/*
 * postgres.c - PostgreSQL catalog -> sd_schema (pg_dump's way: one bulk
 * query per object kind, merged client-side through hash maps).
 *
 * The catalog queries return raw catalog values (attribute numbers, OID
 * vectors) rather than deparsed text wherever the two say the same, and
 * the names are put back client-side: per-row subqueries and deparsing
 * functions are what makes a catalog read slow on a big database.
 */
#include "introspect/postgres.h"
#include "introspect/pg_objects.h"
#include "introspect/pg_read.h"

#include "db/postgres.h"

#include "model/logic.h"
#include "util/sql.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Catalog queries                                                     */
/* ------------------------------------------------------------------ */

/* Whether the database has any object of a kind q_unmanaged reports
 * besides window functions ('x'), an extension's aside: of the user
 * schemas, or made after initdb (the OIDs below 16384 are the
 * system's). */
#define UNMANAGED_KINDS                                                       \
	"  CASE WHEN EXISTS (SELECT 1 FROM ("                                 \
	"   SELECT 'pg_class'::regclass c, oid FROM pg_class"                 \
	"    WHERE relkind = 'f' AND relnamespace IN (SELECT oid FROM u)"     \
	"   UNION ALL SELECT 'pg_operator'::regclass, oid FROM pg_operator"   \
	"    WHERE oprnamespace IN (SELECT oid FROM u)"                       \
	"   UNION ALL SELECT 'pg_opfamily'::regclass, oid FROM pg_opfamily"   \
	"    WHERE opfnamespace IN (SELECT oid FROM u)"                       \
	"   UNION ALL SELECT 'pg_ts_config'::regclass, oid FROM pg_ts_config" \
	"    WHERE cfgnamespace IN (SELECT oid FROM u)"                       \
	"   UNION ALL SELECT 'pg_ts_dict'::regclass, oid FROM pg_ts_dict"     \
	"    WHERE dictnamespace IN (SELECT oid FROM u)"                      \
	"   UNION ALL SELECT 'pg_ts_parser'::regclass, oid FROM pg_ts_parser" \
	"    WHERE prsnamespace IN (SELECT oid FROM u)"                       \
	"   UNION ALL SELECT 'pg_ts_template'::regclass, oid"                 \
	"    FROM pg_ts_template WHERE tmplnamespace IN (SELECT oid FROM u)"  \
	"   UNION ALL SELECT 'pg_conversion'::regclass, oid FROM pg_conversion"\
	"    WHERE connamespace IN (SELECT oid FROM u)"                       \
	"   UNION ALL SELECT 'pg_cast'::regclass, oid FROM pg_cast"           \
	"   UNION ALL SELECT 'pg_language'::regclass, oid FROM pg_language"   \
	"   UNION ALL SELECT 'pg_am'::regclass, oid FROM pg_am"               \
	"   UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, oid"        \
	"    FROM pg_foreign_data_wrapper"                                    \
	"   UNION ALL SELECT 'pg_foreign_server'::regclass, oid"              \
	"    FROM pg_foreign_server"                                          \
	"   UNION ALL SELECT 'pg_event_trigger'::regclass, oid"               \
	"    FROM pg_event_trigger"                                           \
	"   UNION ALL SELECT 'pg_publication'::regclass, oid"                 \
	"    FROM pg_publication"                                             \
	"   UNION ALL SELECT 'pg_subscription'::regclass, oid"                \
	"    FROM pg_subscription) x WHERE x.oid >= 16384"                    \
	"   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = x.c"  \
	"    AND d.objid = x.oid AND d.deptype IN ('e', 'i')))"               \
	"  "

/* Which of the rarer kinds the user schemas have at all, one letter each
 * (computed once, on every row): the queries of the others are not sent.
 * Each test is looser than its kind's query. */
#define PRESENT_KINDS                                                         \
	" (SELECT concat("                                                    \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_collation x"                    \
	"   WHERE x.collnamespace IN (SELECT oid FROM u)) THEN 'o' END,"      \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_class x WHERE x.relkind = 'c'"  \
	"   AND x.relnamespace IN (SELECT oid FROM u)) THEN 'c' END,"         \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_type x WHERE x.typtype = 'r'"   \
	"   AND x.typnamespace IN (SELECT oid FROM u)) THEN 'r' END,"         \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_policy x"                       \
	"   JOIN pg_class xc ON xc.oid = x.polrelid"                          \
	"   WHERE xc.relnamespace IN (SELECT oid FROM u)) THEN 'p' END,"      \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_rewrite x"                      \
	"   JOIN pg_class xc ON xc.oid = x.ev_class"                          \
	"   WHERE x.rulename <> '_RETURN'"                                    \
	"   AND xc.relnamespace IN (SELECT oid FROM u)) THEN 'u' END,"        \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_class x"                        \
	"   WHERE (x.relrowsecurity OR x.relforcerowsecurity)"                \
	"   AND x.relnamespace IN (SELECT oid FROM u)) THEN 's' END,"         \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_proc x WHERE x.prokind = 'w'"   \
	"   AND x.pronamespace IN (SELECT oid FROM u)) THEN 'w' END,"         \
	"  CASE WHEN EXISTS (SELECT 1 FROM pg_statistic_ext x"                \
	"   WHERE x.stxnamespace IN (SELECT oid FROM u)) THEN 't' END,"       \
	UNMANAGED_KINDS "THEN 'x' END)) "

/* Every user schema, and whether it is the session's current one (the
 * default namespace, which the schema stores as none); its OID, and the
 * kinds present (PRESENT_KINDS). */
static const char q_namespaces[] =
	"WITH u AS (SELECT n.oid FROM pg_namespace n WHERE n.oid IN" USER_NSP ")"
	" SELECT n.nspname, n.nspname = current_schema(), ds.description, n.oid,"
	PRESENT_KINDS
	" FROM pg_namespace n LEFT JOIN pg_description ds"
	"  ON ds.objoid = n.oid AND ds.classoid = 'pg_namespace'::regclass"
	" WHERE n.oid IN (SELECT oid FROM u) ORDER BY 1";

static const char q_enums[] =
	"SELECT n.nspname, t.typname, e.enumlabel,"
	" ds.description"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" JOIN pg_enum e ON e.enumtypid = t.oid"
	" LEFT JOIN pg_description ds ON ds.objoid = t.oid"
	"  AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0"
	" WHERE t.typtype = 'e' AND t.typnamespace IN" USER_NSP
	"AND" NOT_EXTENSION("pg_type", "t.oid")
	"ORDER BY n.nspname, t.typname, e.enumsortorder";

/* The indexes of each table marked in pg_index, by name: what REPLICA
 * IDENTITY USING INDEX (ri) and CLUSTER ON (cl) name; one pass over
 * pg_index for both. */
#define MARKED_INDEXES                                                        \
	" LEFT JOIN (SELECT i.indrelid,"                                      \
	"  max(CASE WHEN i.indisreplident THEN ic.relname END) AS ri,"         \
	"  max(CASE WHEN i.indisclustered THEN ic.relname END) AS cl"          \
	"  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"          \
	"  WHERE i.indisreplident OR i.indisclustered GROUP BY i.indrelid) mk" \
	"  ON mk.indrelid = c.oid"

/* Column 4 says whether the table is managed (not an extension's); the
 * others are only kept for their column names. Then a partitioned
 * table's key, a partition's bound, and the parents (OIDs, in order);
 * UNLOGGED, REPLICA IDENTITY and its index, the storage parameters of
 * the table and of its TOAST table, the CLUSTER ON index. */
static const char q_tables[] =
	"SELECT c.oid, n.nspname, c.relname, ds.description,"
	NOT_EXTENSION("pg_class", "c.oid") ","
	" CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
	" CASE WHEN c.relispartition"
	"  THEN pg_get_expr(c.relpartbound, c.oid) END,"
	" c.relispartition, ARRAY(SELECT h.inhparent FROM pg_inherits h"
	"  WHERE h.inhrelid = c.oid ORDER BY h.inhseqno),"
	" c.relpersistence = 'u', c.relreplident, mk.ri, c.reloptions,"
	/* a lookup per table, not a hash of every relation */
	" CASE WHEN c.reltoastrelid <> 0 THEN (SELECT tc.reloptions"
	"  FROM pg_class tc WHERE tc.oid = c.reltoastrelid) END, mk.cl,"
	" ot.typname, otn.nspname"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_type ot ON ot.oid = c.reloftype"
	" LEFT JOIN pg_namespace otn ON otn.oid = ot.typnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = c.oid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0"
	MARKED_INDEXES
	" WHERE c.relkind IN ('r', 'p') AND c.relnamespace IN" USER_NSP;

/* Subqueries run only for the rare rows that need them: a default (its
 * serial sequence), a collation other than the type's. A default names
 * no column, so it is printed without its table (which would have the
 * server open every table for its column names); only a generated
 * column's expression needs it. */
static const char q_columns[] =
	"SELECT a.attrelid, a.attnum, a.attname,"
	" format_type(a.atttypid, a.atttypmod), a.attnotnull,"
	" CASE WHEN a.atthasdef THEN pg_get_expr(ad.adbin,"
	"  CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END) END,"
	" a.attidentity, a.attgenerated,"
	" CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation"
	"  THEN (SELECT co.collname FROM pg_collation co"
	"   WHERE co.oid = a.attcollation) END,"
	" ds.description, t.typtype,"
	" CASE WHEN t.typtype = 'e' THEN (SELECT tn.nspname"
	"  FROM pg_namespace tn WHERE tn.oid = t.typnamespace) END,"
	" CASE WHEN t.typtype = 'e' THEN t.typname END,"
	" CASE WHEN a.atthasdef THEN (SELECT s.relname FROM pg_depend d"
	"  JOIN pg_class s ON s.oid = d.objid"
	"  WHERE d.refclassid = 'pg_class'::regclass"
	"  AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum"
	"  AND d.classid = 'pg_class'::regclass AND d.deptype = 'a'"
	"  AND s.relkind = 'S' LIMIT 1) END,"
	" a.attcollation, a.attinhcount > 0, a.attislocal," PG_COLUMN_SETTINGS
	" FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
	" LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid"
	"  AND ad.adnum = a.attnum AND a.atthasdef"
	" LEFT JOIN pg_description ds ON ds.objoid = a.attrelid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum"
	" WHERE a.attnum > 0 AND NOT a.attisdropped"
	" AND a.attrelid IN" USER_RELS;

/* The tablespace of relation `rel` (an alias), NULL for the default. */
#define TABLESPACE(rel)                                                       \
	" CASE WHEN " rel ".reltablespace <> 0 THEN (SELECT spcname"          \
	"  FROM pg_tablespace WHERE oid = " rel ".reltablespace) END"

/* Key columns come as attribute numbers ({1,2}), named client-side; so do
 * the INCLUDE columns of a key's index (its indkey past indnkeyatts).
 * Exclusion constraints are read with the indexes behind them. */
static const char q_constraints[] =
	"SELECT co.conrelid, co.conname, co.contype, co.conkey,"
	" rn.nspname, rc.relname, co.confrelid, co.confkey,"
	" co.confdeltype, co.confupdtype, co.condeferrable, co.condeferred,"
	" co.convalidated,"
	" CASE WHEN co.contype = 'c' THEN pg_get_expr(co.conbin, co.conrelid)"
	"  END,"
	" ds.description, pi.indnullsnotdistinct, pi.indnkeyatts, pi.indkey,"
	" pic.reloptions," TABLESPACE("pic") ", co.connoinherit,"
	" co.confmatchtype, co.confdelsetcols, di.description, co.conindid"
	" FROM pg_constraint co"
	" LEFT JOIN pg_class rc ON rc.oid = co.confrelid"
	" LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
	" LEFT JOIN pg_index pi ON pi.indexrelid = co.conindid"
	"  AND co.contype IN ('p', 'u')"
	" LEFT JOIN pg_class pic ON pic.oid = pi.indexrelid"
	" LEFT JOIN pg_description ds ON ds.objoid = co.oid"
	"  AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0"
	/* COMMENT ON INDEX of a key's index */
	" LEFT JOIN pg_description di ON di.objoid = pi.indexrelid"
	"  AND di.classoid = 'pg_class'::regclass AND di.objsubid = 0"
	" WHERE co.contype IN ('p', 'u', 'f', 'c')"
	/* a partition's copies of its parent's constraints, an INHERITS
	 * child's inherited checks: the parent's objects, not the child's */
	" AND co.conparentid = 0 AND co.conislocal"
	" AND co.conrelid IN" USER_TABLES;

/*
 * One row per index, and per exclusion constraint with its index: keys,
 * options, operator classes and collations as the catalog's vectors
 * ("1 2", "0 3"); the server deparses only expression keys and
 * predicates, and names the operators of the rare exclusion constraints
 * (schema-qualified where the search path does not see them, as
 * pg_get_constraintdef writes them).
 */
static const char q_indexes[] =
	/* pg_constraint has no index on conindid: joined on it, the planner
	 * may scan every constraint again for each index when its statistics
	 * are stale, as they are right after a bulk load (minutes at 5,000
	 * tables). The rare exclusion constraints are read once; a key's
	 * index is found through its internal dependency on the key, an
	 * index lookup whatever the plan. */
	"WITH x AS MATERIALIZED (SELECT oid, conindid, condeferrable,"
	"  condeferred, conexclop FROM pg_constraint WHERE contype = 'x')"
	" SELECT i.indrelid, ic.relname, i.indisunique, am.amname,"
	" CASE WHEN i.indpred IS NOT NULL"
	"  THEN pg_get_expr(i.indpred, i.indrelid) END,"
	" i.indnullsnotdistinct, i.indnkeyatts, i.indkey, i.indoption,"
	" i.indclass, i.indcollation,"
	" CASE WHEN i.indexprs IS NOT NULL THEN ARRAY(SELECT"
	"  CASE WHEN i.indkey[k - 1] = 0"
	"  THEN pg_get_indexdef(i.indexrelid, k, false) END"
	"  FROM generate_series(1, i.indnkeyatts) k ORDER BY k) END,"
	" CASE WHEN x.oid IS NULL THEN ds.description"
	"  ELSE obj_description(x.oid, 'pg_constraint') END,"
	" x.oid IS NOT NULL, x.condeferrable, x.condeferred,"
	" CASE WHEN x.oid IS NOT NULL THEN ARRAY(SELECT"
	"  CASE WHEN pg_operator_is_visible(o.oid) THEN o.oprname::text"
	"  ELSE 'OPERATOR(' || quote_ident(n.nspname) || '.' || o.oprname"
	"  || ')' END FROM unnest(x.conexclop) WITH ORDINALITY u(op, k)"
	"  JOIN pg_operator o ON o.oid = u.op"
	"  JOIN pg_namespace n ON n.oid = o.oprnamespace ORDER BY u.k) END,"
	" ic.reloptions," TABLESPACE("ic") ", i.indexrelid, am.amname <> 'btree',"
	" CASE WHEN x.oid IS NOT NULL THEN ds.description END"
	" FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
	" JOIN pg_am am ON am.oid = ic.relam"
	" LEFT JOIN x ON x.conindid = i.indexrelid"
	" LEFT JOIN pg_description ds ON ds.objoid = i.indexrelid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0"
	" WHERE i.indrelid IN" USER_RELS
	" AND i.indisvalid" /* an interrupted CONCURRENTLY build: not there */
	/* keys' indexes come with the keys */
	" AND NOT EXISTS (SELECT 1 FROM pg_depend kd"
	"  JOIN pg_constraint k ON k.oid = kd.refobjid"
	"  WHERE kd.classid = 'pg_class'::regclass"
	"  AND kd.objid = i.indexrelid AND kd.objsubid = 0"
	"  AND kd.refclassid = 'pg_constraint'::regclass AND kd.deptype = 'i'"
	"  AND k.contype IN ('p', 'u'))"
	/* a partition's copy of an index of its parent */
	" AND NOT EXISTS (SELECT 1 FROM pg_inherits h"
	"  WHERE h.inhrelid = i.indexrelid)";

/* The partitions' copies of the indexes of partitioned tables, attached
 * to them: the parent's index, the copy's name, the partition. */
static const char q_partition_indexes[] =
	"SELECT h.inhparent, ic.relname, i.indrelid"
	" FROM pg_inherits h JOIN pg_index i ON i.indexrelid = h.inhrelid"
	" JOIN pg_class ic ON ic.oid = h.inhrelid"
	" WHERE i.indrelid IN" USER_TABLES
	" ORDER BY 1, 2";

/* The parameters of the operator classes of these indexes ($1), per
 * index column: rare, and only where the access method is not btree. */
static const char q_index_params[] =
	"SELECT attrelid, attnum, attoptions FROM pg_attribute"
	" WHERE attrelid = ANY($1::oid[]) AND attoptions IS NOT NULL";

/* Names for the operator classes ($1, NULL when the class is its type's
 * default) and collations ($2) the indexes use. */
static const char q_index_names[] =
	"SELECT 'o', c.oid::text, CASE WHEN NOT c.opcdefault THEN"
	"  CASE WHEN pg_opclass_is_visible(c.oid) THEN quote_ident(c.opcname)"
	"  ELSE quote_ident(n.nspname) || '.' || quote_ident(c.opcname) END END"
	" FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace"
	" WHERE c.oid = ANY($1::oid[])"
	" UNION ALL SELECT 'c', oid::text, collname::text"
	" FROM pg_collation WHERE oid = ANY($2::oid[])";

/* Column names of tables outside the user schemas that foreign keys
 * point at (rare). */
static const char q_attnames[] =
	"SELECT a.attrelid, a.attnum, a.attname"
	" FROM pg_attribute a WHERE a.attrelid = ANY($1::oid[])"
	" AND a.attnum > 0 AND NOT a.attisdropped"
	;

/* What schemadiff reads but does not manage, each with what it is, its
 * schema, its name (made unique: an operator's argument types, an
 * operator class's access method), its table and a definition that says
 * when it changed; the objects of extensions left out. Database-wide
 * kinds (casts, languages, access methods, foreign data
 * wrappers, servers, user mappings, publications, subscriptions) have no
 * schema; only those made after initdb are the user's. Neither an
 * extension's objects nor those another one made for itself (the cast a
 * range type makes to its multirange) are the user's. */
static const char q_unmanaged[] =
	"WITH o (what, cls, oid, nsp, name, def) AS ("
	" SELECT 'window function', 'pg_proc'::regclass, p.oid, p.pronamespace,"
	"  p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',"
	"  p.prosrc"
	" FROM pg_proc p WHERE p.prokind = 'w'"
	" UNION ALL"
	" SELECT 'foreign table', 'pg_class'::regclass, c.oid, c.relnamespace,"
	"  c.relname, s.srvname || coalesce(' ' || ft.ftoptions::text, '')"
	" FROM pg_class c JOIN pg_foreign_table ft ON ft.ftrelid = c.oid"
	" JOIN pg_foreign_server s ON s.oid = ft.ftserver"
	" WHERE c.relkind = 'f'"
	" UNION ALL"
	" SELECT 'cast', 'pg_cast'::regclass, k.oid, 0,"
	"  '(' || format_type(k.castsource, NULL) || ' AS '"
	"  || format_type(k.casttarget, NULL) || ')',"
	"  k.castmethod::text || ' ' || k.castcontext::text"
	"  || coalesce(' ' || nullif(k.castfunc, 0)::regprocedure::text, '')"
	" FROM pg_cast k WHERE k.oid >= 16384"
	" UNION ALL"
	" SELECT 'operator', 'pg_operator'::regclass, x.oid, x.oprnamespace,"
	"  x.oprname || '('"
	"  || coalesce(format_type(nullif(x.oprleft, 0), NULL), 'NONE')"
	"  || ', ' || format_type(x.oprright, NULL) || ')', x.oprcode::text"
	" FROM pg_operator x"
	" UNION ALL"
	" SELECT 'operator class', 'pg_opclass'::regclass, x.oid,"
	"  x.opcnamespace, x.opcname || ' USING ' || am.amname, NULL"
	" FROM pg_opclass x JOIN pg_am am ON am.oid = x.opcmethod"
	" UNION ALL"
	/* not the family CREATE OPERATOR CLASS made for itself */
	" SELECT 'operator family', 'pg_opfamily'::regclass, f.oid,"
	"  f.opfnamespace, f.opfname || ' USING ' || am.amname, NULL"
	" FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod"
	" WHERE NOT EXISTS (SELECT 1 FROM pg_opclass x"
	"  WHERE x.opcfamily = f.oid AND x.opcname = f.opfname"
	"  AND x.opcnamespace = f.opfnamespace)"
	" UNION ALL"
	" SELECT 'text search configuration', 'pg_ts_config'::regclass, x.oid,"
	"  x.cfgnamespace, x.cfgname, NULL FROM pg_ts_config x"
	" UNION ALL"
	" SELECT 'text search dictionary', 'pg_ts_dict'::regclass, x.oid,"
	"  x.dictnamespace, x.dictname, x.dictinitoption FROM pg_ts_dict x"
	" UNION ALL"
	" SELECT 'text search parser', 'pg_ts_parser'::regclass, x.oid,"
	"  x.prsnamespace, x.prsname, NULL FROM pg_ts_parser x"
	" UNION ALL"
	" SELECT 'text search template', 'pg_ts_template'::regclass, x.oid,"
	"  x.tmplnamespace, x.tmplname, NULL FROM pg_ts_template x"
	" UNION ALL"
	" SELECT 'conversion', 'pg_conversion'::regclass, x.oid,"
	"  x.connamespace, x.conname, NULL FROM pg_conversion x"
	" UNION ALL"
	" SELECT 'language', 'pg_language'::regclass, x.oid, 0, x.lanname,"
	"  NULL FROM pg_language x WHERE x.oid >= 16384"
	" UNION ALL"
	" SELECT 'access method', 'pg_am'::regclass, x.oid, 0, x.amname,"
	"  x.amtype::text FROM pg_am x WHERE x.oid >= 16384"
	" UNION ALL"
	" SELECT 'foreign data wrapper', 'pg_foreign_data_wrapper'::regclass,"
	"  x.oid, 0, x.fdwname, NULL FROM pg_foreign_data_wrapper x"
	" UNION ALL"
	" SELECT 'server', 'pg_foreign_server'::regclass, x.oid, 0,"
	"  x.srvname, NULL FROM pg_foreign_server x"
	" UNION ALL"
	/* the view: the catalog itself is the superuser's */
	" SELECT 'user mapping', 'pg_user_mapping'::regclass, x.umid, 0,"
	"  'for ' || CASE WHEN x.umuser = 0 THEN 'PUBLIC'"
	"  ELSE x.usename::text END || ' server ' || x.srvname, NULL"
	" FROM pg_user_mappings x"
	" UNION ALL"
	" SELECT 'publication', 'pg_publication'::regclass, x.oid, 0,"
	"  x.pubname, NULL FROM pg_publication x"
	" UNION ALL"
	/* the columns everyone may read */
	" SELECT 'subscription', 'pg_subscription'::regclass, x.oid, 0,"
	"  x.subname, NULL FROM pg_subscription x WHERE x.subdbid = (SELECT"
	"  oid FROM pg_database WHERE datname = current_database()))"
	" SELECT o.what, n.nspname, o.name, NULL, o.def"
	" FROM o LEFT JOIN pg_namespace n ON n.oid = o.nsp"
	" WHERE (o.nsp = 0 OR o.nsp IN" USER_NSP ")"
	" AND (o.cls, o.oid) NOT IN (SELECT classid, objid FROM pg_depend"
	"  WHERE deptype IN ('e', 'i'))"
	" ORDER BY 1, 2, 3";

/* ------------------------------------------------------------------ */
/* Reading context                                                     */
/* ------------------------------------------------------------------ */

/* Runs one catalog query with text parameters; returns the result or NULL
 * with err set. */
PGresult *sd_pg_catalog_query(PGconn *conn, const char *sql, int nparams,
                              const char *const *params, size_t *nqueries,
                              sd_error *err)
{
	if (nqueries)
		(*nqueries)++;
	return sd_pg_catalog_result(
		PQexecParams(conn, sql, nparams, NULL, params, NULL, NULL, 0),
		err);
}

PGresult *sd_pg_catalog_result(PGresult *res, sd_error *err)
{
	sd_buf msg = SD_BUF_INIT;

	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		return res;
	sd_pg_message(&msg, PQresultErrorMessage(res));
	sd_error_add(err, SD_ERUNTIME, NULL, 0, 0, NULL,
	             "reading the PostgreSQL catalog: %s", sd_buf_cstr(&msg));
	sd_buf_free(&msg);
	PQclear(res);
	return NULL;
}

/* sql with every USER_NSP replaced by the OIDs read once (r->nsp_list),
 * into b: the server then plans each query with the schema set known
 * instead of running the subquery for every row it joins. */
static const char *user_nsp_sql(const pg_read *r, const char *sql, sd_buf *b)
{
	const char *p = sql, *q;
	size_t n = strlen(USER_NSP);

	if (!r->nsp_list || !strstr(sql, USER_NSP))
		return sql;
	while ((q = strstr(p, USER_NSP))) {
		sd_buf_putn(b, p, (size_t)(q - p));
		sd_buf_put(b, r->nsp_list);
		p = q + n;
	}
	sd_buf_put(b, p);
	return sd_buf_cstr(b);
}

static PGresult *run_params(pg_read *r, const char *sql, int nparams,
                            const char *const *params)
{
	sd_buf b = SD_BUF_INIT;
	PGresult *res;

	res = sd_pg_pipe_query(r->pipe, r->conn, user_nsp_sql(r, sql, &b),
	                       nparams, params, r->nqueries, r->err);
	sd_buf_free(&b);
	return res;
}

static PGresult *run(pg_read *r, const char *sql)
{
	return run_params(r, sql, 0, NULL);
}

static const char *cell(PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

static bool cell_true(PGresult *res, int row, int col)
{
	const char *v = cell(res, row, col);
	return v && v[0] == 't';
}

/* The schema a catalog namespace stands for: NULL for the default one. */
static const char *map_nsp(const pg_read *r, const char *nspname)
{
	if (!nspname)
		return NULL;
	if (r->nsp_map)
		return r->nsp_map(r->nsp_ctx, nspname);
	return strcmp(nspname, r->default_nsp) == 0 ? NULL : nspname;
}

static void set_expr(sd_arena *a, sd_expr *e, const char *text)
{
	e->sql = sd_arena_strdup(a, text);
	e->canon = e->sql;
}

/*
 * Splits a text[] literal as the server prints it ({a,"b c","d\"e"}) into
 * the list. Names never come out as NULL elements.
 */
static void parse_text_array(sd_arena *a, sd_strlist *out, const char *lit)
{
	sd_buf item = SD_BUF_INIT;
	const char *p = lit;

	if (!p || *p != '{')
		return;
	p++;
	while (*p && *p != '}') {
		sd_buf_truncate(&item, 0);
		sd_buf_put(&item, "");
		if (*p == '"') {
			p++;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1])
					p++;
				sd_buf_putc(&item, *p++);
			}
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ',' && *p != '}')
				sd_buf_putc(&item, *p++);
		}
		sd_strlist_push(a, out, sd_buf_cstr(&item));
		if (*p == ',')
			p++;
	}
	sd_buf_free(&item);
}

/*
 * The numbers of an array or vector literal, whichever the separator:
 * "{1,2}" (int2[]), "1 2" (int2vector), "100 0" (oidvector). Returns how
 * many were stored, at most max.
 */
static size_t parse_numbers(const char *lit, long *out, size_t max)
{
	size_t n = 0;
	const char *p = lit;
	char *end;

	while (p && *p && n < max) {
		if (*p == '-' || (*p >= '0' && *p <= '9')) {
			out[n++] = strtol(p, &end, 10);
			p = end;
		} else {
			p++;
		}
	}
	return n;
}

static pg_rel *rel_of(const pg_read *r, const char *oid)
{
	return oid ? sd_map_get(r->rels, oid) : NULL;
}

static const char *att_name(const pg_rel *rel, long attnum)
{
	if (!rel || attnum < 1 || attnum > rel->natt)
		return NULL;
	return rel->att[attnum];
}

/* Names the attribute numbers of a conkey/confkey literal into out. */
static void name_keys(sd_arena *a, sd_strlist *out, const pg_rel *rel,
                      const char *lit)
{
	long nums[64];
	size_t i, n = parse_numbers(lit, nums, SD_ARRAY_LEN(nums));

	for (i = 0; i < n; i++) {
		const char *name = att_name(rel, nums[i]);
		sd_strlist_push(a, out, name ? name : "");
	}
}

/* Tables left out: the version table and its companions, ignore globs. */
static bool skip_table(const pg_read *r, const char *schema, const char *name)
{
	return sd_table_is_ignored(schema, name, r->opts->version_table,
	                           r->opts->ignore);
}

static void progress(const pg_read *r, const char *what, size_t done,
                     size_t total)
{
	if (r->opts && r->opts->progress)
		r->opts->progress(r->opts->progress_ctx, what, done, total);
}

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

void sd_pg_type_from_catalog(sd_arena *a, const char *ft,
                             const char *enum_schema, const char *enum_name,
                             sd_type *out)
{
	static const struct {
		const char *name;
		sd_type_kind kind;
	} plain[] = {
		{"smallint", SD_T_SMALLINT},
		{"integer", SD_T_INTEGER},
		{"bigint", SD_T_BIGINT},
		{"boolean", SD_T_BOOLEAN},
		{"real", SD_T_REAL},
		{"double precision", SD_T_FLOAT},
		{"numeric", SD_T_NUMERIC},
		{"character varying", SD_T_STRING},
		{"text", SD_T_TEXT},
		{"date", SD_T_DATE},
		{"time without time zone", SD_T_TIME},
		{"timestamp without time zone", SD_T_TIMESTAMP},
		{"timestamp with time zone", SD_T_TIMESTAMPTZ},
		{"interval", SD_T_INTERVAL},
		{"json", SD_T_JSON},
		{"jsonb", SD_T_JSONB},
		{"uuid", SD_T_UUID},
		{"bytea", SD_T_BINARY},
	};
	size_t i;
	int x, y, end;

	memset(out, 0, sizeof(*out));
	out->length = out->precision = out->scale = -1;
	if (enum_name) {
		out->kind = SD_T_ENUM;
		out->name = sd_arena_strdup(a, enum_name);
		out->enum_schema = sd_arena_strdup(a, enum_schema);
		return;
	}
	for (i = 0; i < SD_ARRAY_LEN(plain); i++) {
		if (strcmp(ft, plain[i].name) == 0) {
			out->kind = plain[i].kind;
			return;
		}
	}
	/* %n after the closing parenthesis: the whole text, so that an
	 * array ("character varying(20)[]") stays the raw type it is */
	end = 0;
	if (sscanf(ft, "character varying(%d)%n", &x, &end) == 1 &&
	    end > 0 && ft[end] == '\0') {
		out->kind = SD_T_STRING;
		out->length = x;
		return;
	}
	end = 0;
	if (sscanf(ft, "character(%d)%n", &x, &end) == 1 && end > 0 &&
	    ft[end] == '\0') {
		out->kind = SD_T_CHAR;
		out->length = x;
		return;
	}
	end = 0;
	if (sscanf(ft, "numeric(%d,%d)%n", &x, &y, &end) == 2 && end > 0 &&
	    ft[end] == '\0') {
		out->kind = SD_T_NUMERIC;
		out->precision = x;
		out->scale = y;
		return;
	}
	out->kind = SD_T_RAW;
	out->name = sd_arena_strdup(a, ft);
}

/*
 * The only canonicalisation done in C, on top of the server's text, for
 * defaults equal in meaning but stored differently (real server outputs,
 * see test_postgres.c):
 *     'x'::text on a varchar column                -> 'x'::character varying
 *     'x'::character varying on a text column      -> 'x'::text
 * Anything else is returned as is: now() and CURRENT_TIMESTAMP in
 * particular, which the catalog keeps (and pg_dump prints) as written.
 */
const char *sd_pg_canon_default(sd_arena *a, const sd_type *type,
                                const char *text)
{
	static const char *const casts[] = {"::text", "::character varying",
	                                    "::bpchar"};
	const char *want = NULL, *p;
	sd_lexer lx;
	sd_token lit;
	size_t i;

	if (!text)
		return NULL;
	if (type->kind == SD_T_STRING)
		want = casts[1];
	else if (type->kind == SD_T_TEXT)
		want = casts[0];
	sd_lex_init(&lx, text, strlen(text), SD_SQL_POSTGRES, SD_LEX_SPACE);
	if (!want || !sd_lex_next(&lx, &lit) || lit.kind != SD_TOK_STRING ||
	    text[0] != '\'' || lit.open)
		return text;
	p = lit.s + lit.n;
	for (i = 0; i < 2; i++)
		if (strcmp(p, casts[i]) == 0)
			return sd_arena_printf(a, "%.*s%s", (int)(p - text),
			                       text, want);
	return text;
}

/* ------------------------------------------------------------------ */
/* One reader per object kind                                          */
/* ------------------------------------------------------------------ */

static int read_namespaces(pg_read *r)
{
	PGresult *res = run(r, q_namespaces);
	sd_buf oids = SD_BUF_INIT;
	int i;

	if (!res)
		return SD_ERUNTIME;
	r->default_nsp = sd_namespace_default();
	sd_buf_put(&oids, " (0");
	for (i = 0; i < PQntuples(res); i++) {
		if (cell_true(res, i, 1))
			r->default_nsp = sd_arena_strdup(r->s->arena,
			                                 cell(res, i, 0));
		sd_buf_printf(&oids, ",%s", cell(res, i, 3));
	}
	sd_buf_put(&oids, ") ");
	r->nsp_list = sd_arena_strdup(r->s->arena, sd_buf_cstr(&oids));
	r->present = PQntuples(res) ? sd_arena_strdup(r->s->arena,
	                                              cell(res, 0, 4))
	                            : "";
	sd_buf_free(&oids);
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = map_nsp(r, cell(res, i, 0));
		if (!ns && !r->nsp_map &&
		    strcmp(cell(res, i, 0), SD_NAMESPACE_DEFAULT) == 0) {
			/* the public schema: its comment, "" for none
			 * (dump leaves initdb's, SD_PUBLIC_COMMENT, out) */
			const char *cm = cell(res, i, 2);
			sd_schema_set_namespace_comment(
				r->s, SD_NAMESPACE_DEFAULT, cm ? cm : "");
			continue;
		}
		if (!ns)
			continue;
		sd_schema_add_namespace(r->s, ns);
		if (cell(res, i, 2))
			sd_schema_set_namespace_comment(r->s, ns,
			                                cell(res, i, 2));
	}
	PQclear(res);
	return SD_OK;
}

static int read_enums(pg_read *r)
{
	PGresult *res = run(r, q_enums);
	sd_enum *e = NULL;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = map_nsp(r, cell(res, i, 0));
		const char *name = cell(res, i, 1);
		if (!e || !sd_streq(e->base.schema, ns) ||
		    strcmp(e->base.name, name) != 0) {
			e = sd_schema_add_enum(r->s, ns, name);
			e->comment = sd_arena_strdup(r->s->arena,
			                             cell(res, i, 3));
		}
		sd_strlist_push(r->s->arena, &e->values, cell(res, i, 2));
	}
	PQclear(res);
	return SD_OK;
}

/* UNLOGGED, REPLICA IDENTITY, storage parameters and CLUSTER ON of a
 * table (q_tables' columns 9-14). A replica identity index that is gone
 * leaves relreplident 'i' and means NOTHING. */
static void table_settings(pg_read *r, PGresult *res, int i, sd_table *t)
{
	sd_arena *a = r->s->arena;
	const char *ident = cell(res, i, 10);
	sd_strlist items = {NULL, 0}, toast = {NULL, 0};
	size_t k;

	t->unlogged = cell_true(res, i, 9);
	switch (ident ? ident[0] : 'd') {
	case 'f': t->replica_identity = SD_REPLICA_FULL; break;
	case 'n': t->replica_identity = SD_REPLICA_NOTHING; break;
	case 'i':
		t->replica_identity = cell(res, i, 11) ? SD_REPLICA_INDEX
		                                       : SD_REPLICA_NOTHING;
		t->replica_index = sd_arena_strdup(a, cell(res, i, 11));
		break;
	default: break;
	}
	/* in the catalog's order, which CREATE and SET keep */
	parse_text_array(a, &items, cell(res, i, 12));
	parse_text_array(a, &toast, cell(res, i, 13));
	for (k = 0; k < items.n + toast.n; k++) {
		const char *item = k < items.n ? items.items[k]
		                               : sd_arena_printf(
		                                 a, "toast.%s",
		                                 toast.items[k - items.n]);
		const char *eq = strchr(item, '=');
		if (eq)
			sd_options_append(a, &t->with, item,
			                  (size_t)(eq - item), eq + 1,
			                  strlen(eq + 1));
	}
	t->cluster_on = sd_arena_strdup(a, cell(res, i, 14));
}

/* Where what only the reading needs goes (relations by OID, attribute
 * arrays): freed when the catalog has been read, where the schema's
 * arena would keep it for as long as the schema lives. */
static sd_arena *scratch(const pg_read *r)
{
	return r->tmp ? r->tmp : r->s->arena;
}

static int read_tables(pg_read *r)
{
	PGresult *res = run(r, q_tables);
	sd_arena *a = r->s->arena;
	int i, n;

	if (!res)
		return SD_ERUNTIME;
	n = PQntuples(res);
	r->rels = sd_map_new(scratch(r), (size_t)n);
	for (i = 0; i < n; i++) {
		const char *ns = map_nsp(r, cell(res, i, 1));
		const char *name = cell(res, i, 2);
		pg_rel *rel = sd_arena_alloc(scratch(r), sizeof(*rel));

		memset(rel, 0, sizeof(*rel));
		sd_map_put(r->rels, sd_arena_strdup(scratch(r), cell(res, i, 0)),
		           rel);
		if (!cell_true(res, i, 4) || skip_table(r, ns, name))
			continue;
		rel->table = sd_schema_add_table(r->s, ns, name);
		rel->table->comment = sd_arena_strdup(a, cell(res, i, 3));
		if (cell(res, i, 5))
			set_expr(a, &rel->table->partition_by, cell(res, i, 5));
		if (cell(res, i, 6))
			set_expr(a, &rel->table->partition_bound,
			         cell(res, i, 6));
		table_settings(r, res, i, rel->table);
		if (cell(res, i, 15)) {
			rel->table->of_type = sd_arena_strdup(a, cell(res, i, 15));
			rel->table->of_type_schema = sd_arena_strdup(
				a, map_nsp(r, cell(res, i, 16)));
		}
		sd_vec_push(a, &r->managed, rel);
	}
	/* the parents, once every table is known by its OID */
	for (i = 0; i < n; i++) {
		pg_rel *rel = rel_of(r, cell(res, i, 0));
		long oids[64];
		size_t k, np = parse_numbers(cell(res, i, 8), oids,
		                             SD_ARRAY_LEN(oids));
		for (k = 0; rel && rel->table && k < np; k++) {
			char key[24];
			pg_rel *p;
			snprintf(key, sizeof(key), "%ld", oids[k]);
			p = rel_of(r, key);
			if (!p || !p->table)
				continue;
			if (cell_true(res, i, 7)) {
				rel->table->partition_of_schema =
					p->table->base.schema;
				rel->table->partition_of = p->table->base.name;
			} else {
				sd_table_add_inherits(r->s, rel->table,
				                      p->table->base.schema,
				                      p->table->base.name);
			}
		}
	}
	PQclear(res);
	progress(r, "tables", (size_t)n, (size_t)n);
	return SD_OK;
}

/* The relation for oid, created when first seen. */
static pg_rel *rel_get(pg_read *r, const char *oid)
{
	sd_arena *a = scratch(r);
	pg_rel *rel = sd_map_get(r->rels, oid);

	if (!rel) {
		rel = sd_arena_alloc(a, sizeof(*rel));
		memset(rel, 0, sizeof(*rel));
		sd_map_put(r->rels, sd_arena_strdup(a, oid), rel);
	}
	return rel;
}

/* Records attribute attnum of rel: its name, collation and column. */
static void rel_attribute(pg_read *r, pg_rel *rel, int attnum,
                          const char *name, const char *coll,
                          sd_column *col)
{
	sd_arena *a = scratch(r);

	if (attnum < 1)
		return;
	if (attnum >= rel->cap) {
		int cap = rel->cap ? rel->cap : 16, old = rel->cap;
		const char **att, **attcoll;
		sd_column **cols;
		while (cap <= attnum)
			cap *= 2;
		att = sd_arena_alloc(a, (size_t)cap * sizeof(char *));
		attcoll = sd_arena_alloc(a, (size_t)cap * sizeof(char *));
		cols = sd_arena_alloc(a, (size_t)cap * sizeof(sd_column *));
		memset(att, 0, (size_t)cap * sizeof(char *));
		memset(attcoll, 0, (size_t)cap * sizeof(char *));
		memset(cols, 0, (size_t)cap * sizeof(sd_column *));
		if (old) {
			memcpy(att, rel->att, (size_t)old * sizeof(char *));
			memcpy(attcoll, rel->attcoll,
			       (size_t)old * sizeof(char *));
			memcpy(cols, rel->cols,
			       (size_t)old * sizeof(sd_column *));
		}
		rel->att = att;
		rel->attcoll = attcoll;
		rel->cols = cols;
		rel->cap = cap;
	}
	if (attnum > rel->natt)
		rel->natt = attnum;
	/* names are kept: index keys point at them */
	rel->att[attnum] = col ? col->base.name
	                       : sd_arena_strdup(r->s->arena, name);
	rel->attcoll[attnum] = sd_arena_strdup(a, coll);
	rel->cols[attnum] = col;
}

void sd_pgr_column_settings(sd_arena *a, PGresult *res, int i, int first,
                            sd_column *c)
{
	const char *storage = cell(res, i, first);
	const char *comp = cell(res, i, first + 1);
	const char *stat = cell(res, i, first + 2);
	const char *own = cell(res, i, first + 3);
	const char *opts = cell(res, i, first + 4);

	if (own && strchr("pemx", own[0]))
		c->type_storage = own[0];
	if (storage && strchr("pemx", storage[0]) &&
	    (!own || storage[0] != own[0]))
		sd_column_xw(a, c)->storage = storage[0];
	if (comp && comp[0] == 'p')
		sd_column_xw(a, c)->compression = "pglz";
	else if (comp && comp[0] == 'l')
		sd_column_xw(a, c)->compression = "lz4";
	if (stat && atoi(stat) >= 0) {
		sd_column_ext *x = sd_column_xw(a, c);
		x->statistics = atoi(stat);
		x->statistics_set = true;
	}
	if (opts)
		(void)sd_options_parse(a, opts, &sd_column_xw(a, c)->options);
}

/* One row of q_columns: the column, and its name by attribute number. */
static void column_row(pg_read *r, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	pg_rel *rel = rel_get(r, cell(res, i, 0));
	sd_table *t = rel->table;
	const char *def = cell(res, i, 5);
	const char *ident = cell(res, i, 6);
	const char *gen = cell(res, i, 7);
	const char *typtype = cell(res, i, 10);
	const char *seq = cell(res, i, 13);
	sd_column *c;

	if (!t) {
		rel_attribute(r, rel, atoi(cell(res, i, 1)), cell(res, i, 2),
		              cell(res, i, 14), NULL);
		return;
	}
	c = sd_table_add_column(r->s, t, cell(res, i, 2));
	rel_attribute(r, rel, atoi(cell(res, i, 1)), NULL, cell(res, i, 14),
	              c);
	c->type_sql = sd_arena_strdup(a, cell(res, i, 3));
	if (typtype && typtype[0] == 'e')
		sd_pg_type_from_catalog(a, c->type_sql,
		                        map_nsp(r, cell(res, i, 11)),
		                        cell(res, i, 12), &c->type);
	else
		sd_pg_type_from_catalog(a, c->type_sql, NULL, NULL, &c->type);
	c->nullable = !cell_true(res, i, 4);
	sd_pgr_column_settings(a, res, i, 17, c);
	if (cell(res, i, 8))
		sd_column_xw(a, c)->collation =
			sd_arena_strdup(a, cell(res, i, 8));
	if (cell(res, i, 9))
		sd_column_xw(a, c)->comment = sd_arena_strdup(a, cell(res, i, 9));
	if (ident && ident[0] == 'a')
		c->identity = SD_IDENTITY_ALWAYS;
	else if (ident && ident[0] == 'd')
		c->identity = SD_IDENTITY_BY_DEFAULT;
	if (c->identity != SD_IDENTITY_NONE)
		c->autoincrement = true;
	/* a partition's columns are all its parent's (ATTACH leaves them
	 * local as well); an INHERITS child's only when not its own too */
	c->inherited = cell_true(res, i, 15) &&
	               (t->partition_of || !cell_true(res, i, 16));
	if (gen && gen[0] == 's') {
		set_expr(a, &sd_column_xw(a, c)->generated, def);
		return;
	}
	if (def) {
		set_expr(a, &c->default_value, def);
		c->default_value.canon =
			sd_pg_canon_default(a, &c->type, c->default_value.sql);
	}
	if (def && seq && sd_startswith(def, "nextval(") && strstr(def, seq)) {
		/* serial: the nextval default of a sequence the column owns */
		c->autoincrement = true;
		sd_column_xw(a, c)->sequence = sd_arena_strdup(a, seq);
	}
}

/* An identity column's sequence options, kept only when they say more
 * than the defaults. */
static void identity_row(void *ctx, const char *relid, int attnum,
                         sd_identity_options *o)
{
	pg_read *r = ctx;
	pg_rel *rel = rel_of(r, relid);
	sd_column *c = rel && attnum > 0 && attnum <= rel->natt
		               ? rel->cols[attnum]
		               : NULL;

	if (!c)
		return;
	if (!o->sequence && !o->comment &&
	    sd_seqopts_equal(&o->opts, NULL, c->type.kind))
		return;
	sd_column_xw(r->s->arena, c)->identity_options = o;
}

/* The reader of the schema-level objects (pg_objects.h) for r. */
static void objread(pg_read *r, sd_pg_objread *o)
{
	*o = (sd_pg_objread){
		.conn = r->conn, .s = r->s, .nsp_oids = r->nsp_list,
		.present = r->present, .default_nsp = r->default_nsp,
		.nqueries = r->nqueries, .err = r->err,
		.identity = identity_row, .ctx = r, .pipe = r->pipe,
	};
}

static int read_objects(pg_read *r)
{
	sd_pg_objread o;

	objread(r, &o);
	return sd_pg_read_objects(&o);
}

/*
 * The biggest result by far (one row per column), so it is read a row at
 * a time instead of held whole (a 5,000-table catalog would cost some
 * 15 MB at once), in whatever order the server finds cheapest; each
 * table's columns are put in attribute order at the end.
 */
static int read_columns(pg_read *r)
{
	PGconn *conn = r->conn;
	PGresult *res;
	sd_buf sql = SD_BUF_INIT;
	bool failed = false, queued;
	size_t i;
	int k, j, sent = 1;

	if (r->nqueries)
		(*r->nqueries)++;
	/* sent ahead: single rows from here on (when the mode cannot be had
	 * any more, the whole result is read below all the same) */
	queued = sd_pg_pipe_next(r->pipe, user_nsp_sql(r, q_columns, &sql));
	if (queued) {
		PQsetSingleRowMode(conn);
	} else {
		sd_pg_pipe_end(r->pipe);
		sent = PQsendQueryParams(conn, sd_buf_cstr(&sql), 0, NULL,
		                         NULL, NULL, NULL, 0);
	}
	sd_buf_free(&sql);
	if (!sent || (!queued && !PQsetSingleRowMode(conn))) {
		sd_buf msg = SD_BUF_INIT;
		sd_mask_password(&msg, PQerrorMessage(conn));
		sd_error_add(r->err, SD_ERUNTIME, NULL, 0, 0, NULL,
		             "reading the PostgreSQL catalog: %s",
		             sd_buf_cstr(&msg));
		sd_buf_free(&msg);
		while ((res = PQgetResult(conn)))
			PQclear(res);
		return SD_ERUNTIME;
	}
	while ((res = PQgetResult(conn))) {
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_SINGLE_TUPLE && !failed) {
			column_row(r, res, 0);
		} else if (st == PGRES_TUPLES_OK && !failed) {
			for (k = 0; k < PQntuples(res); k++)
				column_row(r, res, k);
		} else if (st != PGRES_TUPLES_OK && st != PGRES_SINGLE_TUPLE &&
		           !failed) {
			sd_buf msg = SD_BUF_INIT;
			sd_mask_password(&msg, PQresultErrorMessage(res));
			while (msg.len && msg.data[msg.len - 1] == '\n')
				sd_buf_truncate(&msg, msg.len - 1);
			sd_error_add(r->err, SD_ERUNTIME, NULL, 0, 0, NULL,
			             "reading the PostgreSQL catalog: %s",
			             sd_buf_cstr(&msg));
			sd_buf_free(&msg);
			failed = true;
		}
		PQclear(res);
	}
	if (queued)
		sd_pg_pipe_taken(r->pipe);
	if (failed) {
		sd_pg_pipe_end(r->pipe);
		return SD_ERUNTIME;
	}
	for (i = 0; i < r->managed.n; i++) {
		pg_rel *rel = r->managed.items[i];
		for (k = 1, j = 0; k <= rel->natt; k++)
			if (rel->cols[k])
				rel->table->columns[j++] = rel->cols[k];
	}
	return SD_OK;
}

static sd_fk_action fk_action(const char *code)
{
	switch (code ? code[0] : 'a') {
	case 'r': return SD_FK_RESTRICT;
	case 'c': return SD_FK_CASCADE;
	case 'n': return SD_FK_SET_NULL;
	case 'd': return SD_FK_SET_DEFAULT;
	default: return SD_FK_NO_ACTION;
	}
}

/*
 * Foreign keys may point at tables outside the user schemas, whose column
 * names the columns query did not read: one more query for those, only
 * when there are any.
 */
static int read_foreign_attnames(pg_read *r, PGresult *cons)
{
	sd_buf oids = SD_BUF_INIT;
	const char *params[1];
	PGresult *res;
	int i, n = 0, rc = SD_OK;

	sd_buf_putc(&oids, '{');
	for (i = 0; i < PQntuples(cons); i++) {
		const char *ref = cell(cons, i, 6);
		pg_rel *rel;
		if (!ref || strcmp(ref, "0") == 0)
			continue;
		rel = rel_of(r, ref);
		if (rel && rel->att)
			continue;
		sd_buf_printf(&oids, "%s%s", n++ ? "," : "", ref);
	}
	sd_buf_putc(&oids, '}');
	if (n) {
		params[0] = sd_buf_cstr(&oids);
		res = run_params(r, q_attnames, 1, params);
		if (!res) {
			rc = SD_ERUNTIME;
		} else {
			for (i = 0; i < PQntuples(res); i++)
				rel_attribute(r,
				              rel_get(r, cell(res, i, 0)),
				              atoi(cell(res, i, 1)),
				              cell(res, i, 2), NULL, NULL);
			PQclear(res);
		}
	}
	sd_buf_free(&oids);
	return rc;
}

/* Storage parameters as the catalog lists them ({fillfactor=70}), in its
 * order (CREATE INDEX ... WITH keeps the order written); operator class
 * parameters sorted (ordered false). */
static void read_options(sd_arena *a, sd_strlist *out, const char *lit,
                         bool ordered)
{
	sd_strlist items = {NULL, 0};
	size_t k;

	parse_text_array(a, &items, lit);
	for (k = 0; k < items.n; k++) {
		const char *eq = strchr(items.items[k], '=');
		if (eq && ordered)
			sd_options_append(a, out, items.items[k],
			                  (size_t)(eq - items.items[k]), eq + 1,
			                  strlen(eq + 1));
		else if (eq)
			sd_options_add(a, out, items.items[k],
			               (size_t)(eq - items.items[k]), eq + 1,
			               strlen(eq + 1));
	}
}

/* What a key or unique constraint's index keeps (q_constraints' columns
 * 16-19): INCLUDE columns, storage parameters, tablespace. */
static void key_index(pg_read *r, PGresult *res, int row, const pg_rel *rel,
                      sd_strlist *include, sd_index_storage *st)
{
	sd_arena *a = r->s->arena;
	long keys[64];
	size_t n, k;
	long nkey;

	if (!cell(res, row, 16))
		return;
	nkey = atol(cell(res, row, 16));
	n = parse_numbers(cell(res, row, 17), keys, SD_ARRAY_LEN(keys));
	for (k = (size_t)nkey; k < n; k++) {
		const char *col = att_name(rel, keys[k]);
		sd_strlist_push(a, include, col ? col : "");
	}
	read_options(a, &st->with, cell(res, row, 18), true);
	st->tablespace = sd_arena_strdup(a, cell(res, row, 19));
	st->comment = sd_arena_strdup(a, cell(res, row, 23));
}

/* An index, key or unique constraint of table t, by the OID of its
 * index, for the names of its partitions' copies (partitioned tables
 * only). */
typedef struct index_of {
	sd_table *table;
	sd_object *obj;
} index_of;

static void index_object(pg_read *r, const char *oid, sd_table *t,
                         sd_object *o)
{
	index_of *x;

	if (!oid || !t->partition_by.sql)
		return;
	if (!r->index_oids)
		r->index_oids = sd_map_new(r->tmp ? r->tmp : r->s->arena, 16);
	x = sd_arena_alloc(r->tmp ? r->tmp : r->s->arena, sizeof(*x));
	x->table = t;
	x->obj = o;
	sd_map_put(r->index_oids,
	           sd_arena_strdup(r->tmp ? r->tmp : r->s->arena, oid), x);
}

static sd_index_storage *storage_of(sd_object *o)
{
	switch (o->kind) {
	case SD_OBJ_PRIMARY_KEY:
		return &((sd_primary_key *)o)->storage;
	case SD_OBJ_UNIQUE:
		return &((sd_unique *)o)->storage;
	case SD_OBJ_INDEX:
		return &((sd_index *)o)->storage;
	default:
		return NULL;
	}
}

/*
 * The names of the partitions' copies of indexes and keys that are not
 * the ones PostgreSQL would choose (sd_pg_partition_index_name): each
 * kept on its parent's index or key, by partition. Rows come by parent
 * and name; they are put in order of partition.
 */
static int read_partition_indexes(pg_read *r)
{
	PGresult *res = run(r, q_partition_indexes);
	sd_arena *a = r->s->arena;
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; r->index_oids && i < PQntuples(res); i++) {
		index_of *x = sd_map_get(r->index_oids, cell(res, i, 0));
		pg_rel *part = rel_of(r, cell(res, i, 2));
		const sd_table *pt = part ? part->table : NULL;
		const char *name = cell(res, i, 1), *key, *def;
		sd_index_storage *st;
		sd_strlist *l;
		size_t k;

		if (!x || !pt || !(st = storage_of(x->obj)))
			continue;
		def = sd_pg_partition_index_name(a, pt->base.name, x->obj);
		if (def && strcmp(def, name) == 0)
			continue;
		key = sd_partition_key(a, x->table, pt);
		l = &st->partition_names;
		sd_strlist_push(a, l, key);
		sd_strlist_push(a, l, sd_arena_strdup(a, name));
		for (k = l->n - 2;
		     k >= 2 && strcmp(l->items[k - 2], key) > 0; k -= 2) {
			const char *pk = l->items[k], *pn = l->items[k + 1];
			l->items[k] = l->items[k - 2];
			l->items[k + 1] = l->items[k - 1];
			l->items[k - 2] = pk;
			l->items[k - 1] = pn;
		}
	}
	PQclear(res);
	return SD_OK;
}

static int read_constraints(pg_read *r)
{
	PGresult *res = run(r, q_constraints);
	sd_arena *a = r->s->arena;
	int i, rc;

	if (!res)
		return SD_ERUNTIME;
	if ((rc = read_foreign_attnames(r, res)) != SD_OK) {
		PQclear(res);
		return rc;
	}
	for (i = 0; i < PQntuples(res); i++) {
		pg_rel *rel = rel_of(r, cell(res, i, 0));
		sd_table *t = rel ? rel->table : NULL;
		const char *name = cell(res, i, 1);
		const char *comment = cell(res, i, 14);
		char type = cell(res, i, 2)[0];

		if (!t)
			continue;
		if (type == 'p') {
			sd_primary_key *pk = sd_table_set_primary_key(r->s, t,
			                                              name);
			name_keys(a, &pk->columns, rel, cell(res, i, 3));
			pk->deferrable = cell_true(res, i, 10);
			pk->initially_deferred = cell_true(res, i, 11);
			pk->comment = sd_arena_strdup(a, comment);
			key_index(r, res, i, rel, &pk->include, &pk->storage);
			index_object(r, cell(res, i, 24), t, &pk->base);
		} else if (type == 'u') {
			sd_unique *u = sd_table_add_unique(r->s, t, name);
			name_keys(a, &u->columns, rel, cell(res, i, 3));
			u->deferrable = cell_true(res, i, 10);
			u->initially_deferred = cell_true(res, i, 11);
			u->nulls_not_distinct = cell_true(res, i, 15);
			u->comment = sd_arena_strdup(a, comment);
			key_index(r, res, i, rel, &u->include, &u->storage);
			index_object(r, cell(res, i, 24), t, &u->base);
		} else if (type == 'f') {
			sd_foreign_key *f = sd_table_add_foreign_key(r->s, t,
			                                             name);
			name_keys(a, &f->columns, rel, cell(res, i, 3));
			f->ref_schema = sd_arena_strdup(
				a, map_nsp(r, cell(res, i, 4)));
			f->ref_table = sd_arena_strdup(a, cell(res, i, 5));
			name_keys(a, &f->ref_columns,
			          rel_of(r, cell(res, i, 6)), cell(res, i, 7));
			f->on_delete = fk_action(cell(res, i, 8));
			f->on_update = fk_action(cell(res, i, 9));
			name_keys(a, &f->on_delete_columns, rel,
			          cell(res, i, 22));
			f->deferrable = cell_true(res, i, 10);
			f->initially_deferred = cell_true(res, i, 11);
			f->not_valid = !cell_true(res, i, 12);
			f->match_full = cell(res, i, 21) &&
			                cell(res, i, 21)[0] == 'f';
			f->comment = sd_arena_strdup(a, comment);
		} else if (type == 'c') {
			sd_check *c = sd_table_add_check(r->s, t, name);
			set_expr(a, &c->expression, cell(res, i, 13));
			c->not_valid = !cell_true(res, i, 12);
			c->no_inherit = cell_true(res, i, 20);
			c->comment = sd_arena_strdup(a, comment);
		}
	}
	PQclear(res);
	return SD_OK;
}

/* Up to this many key and INCLUDE columns per index (PostgreSQL: 32). */
#define MAX_INDEX_COLUMNS 64

/*
 * Operator class and collation OIDs used by the indexes, as {..} literals,
 * and then their names: one small query instead of a join per key.
 */
static int read_index_names(pg_read *r, PGresult *res, sd_map **out)
{
	sd_arena *a = r->s->arena;
	sd_map *seen = sd_map_new(a, 16);
	sd_buf opc = SD_BUF_INIT, coll = SD_BUF_INIT;
	const char *params[2];
	PGresult *names;
	long nums[MAX_INDEX_COLUMNS];
	int i, rc = SD_OK;
	size_t k, n;

	*out = sd_map_new(a, 16);
	sd_buf_putc(&opc, '{');
	sd_buf_putc(&coll, '{');
	for (i = 0; i < PQntuples(res); i++) {
		int col;
		for (col = 9; col <= 10; col++) {
			sd_buf *b = col == 9 ? &opc : &coll;
			n = parse_numbers(cell(res, i, col), nums,
			                  SD_ARRAY_LEN(nums));
			for (k = 0; k < n; k++) {
				char *key;
				if (nums[k] == 0)
					continue;
				key = sd_arena_printf(a, "%c%ld",
				                      col == 9 ? 'o' : 'c',
				                      nums[k]);
				if (sd_map_get(seen, key))
					continue;
				sd_map_put(seen, key, key);
				sd_buf_printf(b, "%s%ld",
				              b->len > 1 ? "," : "", nums[k]);
			}
		}
	}
	sd_buf_putc(&opc, '}');
	sd_buf_putc(&coll, '}');
	if (sd_map_count(seen) == 0)
		goto done;
	params[0] = sd_buf_cstr(&opc);
	params[1] = sd_buf_cstr(&coll);
	names = run_params(r, q_index_names, 2, params);
	if (!names) {
		rc = SD_ERUNTIME;
		goto done;
	}
	for (i = 0; i < PQntuples(names); i++)
		if (cell(names, i, 2))
			sd_map_put(*out,
			           sd_arena_printf(a, "%s%s", cell(names, i, 0),
			                           cell(names, i, 1)),
			           sd_arena_strdup(a, cell(names, i, 2)));
	PQclear(names);
done:
	sd_buf_free(&opc);
	sd_buf_free(&coll);
	return rc;
}

/*
 * The operator class parameters of the indexes in byoid (index OID ->
 * sd_index*, those whose access method takes any): one query, only when
 * there are such indexes.
 */
static int read_index_params(pg_read *r, sd_map *byoid, sd_buf *oids)
{
	sd_arena *a = r->s->arena;
	const char *params[1];
	PGresult *res;
	int i;

	if (oids->len <= 2)
		return SD_OK;
	params[0] = sd_buf_cstr(oids);
	res = run_params(r, q_index_params, 1, params);
	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_index *ix = sd_map_get(byoid, cell(res, i, 0));
		long k = atol(cell(res, i, 1)) - 1;
		if (ix && k >= 0 && (size_t)k < ix->nkeys)
			read_options(a, &ix->keys[k].opclass_params,
			             cell(res, i, 2), false);
	}
	PQclear(res);
	return SD_OK;
}

static int read_indexes(pg_read *r)
{
	PGresult *res = run(r, q_indexes);
	sd_arena *a = r->s->arena;
	sd_map *names = NULL, *byoid;
	sd_buf oids = SD_BUF_INIT;
	int i, rc;

	if (!res)
		return SD_ERUNTIME;
	if ((rc = read_index_names(r, res, &names)) != SD_OK) {
		PQclear(res);
		return rc;
	}
	byoid = sd_map_new(a, 16);
	sd_buf_putc(&oids, '{');
	for (i = 0; i < PQntuples(res); i++) {
		pg_rel *rel = rel_of(r, cell(res, i, 0));
		sd_table *t = rel ? rel->table : NULL;
		const char *method = cell(res, i, 3);
		long keys[MAX_INDEX_COLUMNS], opts[MAX_INDEX_COLUMNS];
		long opcs[MAX_INDEX_COLUMNS], colls[MAX_INDEX_COLUMNS];
		sd_strlist exprs = {NULL, 0}, ops = {NULL, 0};
		size_t nkeys, nopts, nopcs, ncolls, k;
		long nkey = atol(cell(res, i, 6));
		sd_index *ix;

		if (!t)
			continue;
		nkeys = parse_numbers(cell(res, i, 7), keys, MAX_INDEX_COLUMNS);
		nopts = parse_numbers(cell(res, i, 8), opts, MAX_INDEX_COLUMNS);
		nopcs = parse_numbers(cell(res, i, 9), opcs, MAX_INDEX_COLUMNS);
		ncolls = parse_numbers(cell(res, i, 10), colls,
		                       MAX_INDEX_COLUMNS);
		parse_text_array(a, &exprs, cell(res, i, 11));
		parse_text_array(a, &ops, cell(res, i, 16));
		ix = sd_table_add_index(r->s, t, cell(res, i, 1));
		ix->exclusion = cell_true(res, i, 13);
		ix->deferrable = cell_true(res, i, 14);
		ix->initially_deferred = cell_true(res, i, 15);
		read_options(a, &ix->storage.with, cell(res, i, 17), true);
		ix->storage.tablespace = sd_arena_strdup(a, cell(res, i, 18));
		ix->storage.comment = sd_arena_strdup(a, cell(res, i, 21));
		index_object(r, cell(res, i, 19), t, &ix->base);
		if (cell_true(res, i, 20)) {
			sd_map_put(byoid, sd_arena_strdup(a, cell(res, i, 19)),
			           ix);
			sd_buf_printf(&oids, "%s%s", oids.len > 1 ? "," : "",
			              cell(res, i, 19));
		}
		ix->unique = cell_true(res, i, 2);
		ix->method = strcmp(method, "btree") == 0
		                 ? NULL
		                 : sd_arena_strdup(a, method);
		if (cell(res, i, 4))
			set_expr(a, &ix->where, cell(res, i, 4));
		ix->nulls_not_distinct = cell_true(res, i, 5);
		ix->comment = sd_arena_strdup(a, cell(res, i, 12));
		ix->keys = sd_arena_alloc(a, (nkeys + 1) *
		                                 sizeof(sd_index_key));
		memset(ix->keys, 0, (nkeys + 1) * sizeof(sd_index_key));
		for (k = 0; k < nkeys; k++) {
			const char *col = att_name(rel, keys[k]);
			const char *want = "100";
			sd_index_key *key;
			long option;

			if ((long)k >= nkey) {
				sd_strlist_push(a, &ix->include, col);
				continue;
			}
			key = &ix->keys[ix->nkeys++];
			if (keys[k] != 0) {
				key->column = col;
				if (col && rel->attcoll[keys[k]] &&
				    strcmp(rel->attcoll[keys[k]], "0") != 0)
					want = rel->attcoll[keys[k]];
			} else if (k < exprs.n) {
				set_expr(a, &key->expression, exprs.items[k]);
			}
			option = k < nopts ? opts[k] : 0;
			key->desc = (option & 1) != 0;
			/* NULLS FIRST is the default for DESC, LAST for ASC. */
			if (key->desc && !(option & 2))
				key->nulls = SD_NULLS_LAST;
			else if (!key->desc && (option & 2))
				key->nulls = SD_NULLS_FIRST;
			if (k < nopcs)
				key->opclass = sd_map_get(
					names, sd_arena_printf(a, "o%ld",
					                       opcs[k]));
			if (k < ncolls && colls[k] != 0 &&
			    colls[k] != atol(want))
				key->collation = sd_map_get(
					names, sd_arena_printf(a, "c%ld",
					                       colls[k]));
			if (k < ops.n)
				key->op = ops.items[k];
		}
	}
	PQclear(res);
	sd_buf_putc(&oids, '}');
	rc = read_index_params(r, byoid, &oids);
	sd_buf_free(&oids);
	return rc;
}

/* The queries of one stage of the reading, sent ahead together. */
static void send_tables(pg_read *r)
{
	sd_pgr_send(r, q_enums);
	sd_pgr_send(r, q_tables);
	sd_pgr_send(r, q_columns);
	sd_pgr_send(r, q_constraints);
	sd_pg_pipe_sync(r->pipe);
}

static void send_indexes(pg_read *r)
{
	sd_pgr_send_views(r);
	sd_pgr_send(r, q_indexes);
	sd_pgr_send(r, q_partition_indexes);
	sd_pg_pipe_sync(r->pipe);
}

static void send_rest(pg_read *r)
{
	sd_pg_objread o;

	objread(r, &o);
	sd_pg_send_objects(&o);
	sd_pgr_send_logic(r);
	sd_pgr_send_statistics(r);
	if (!sd_pgr_absent(r, 'w') || !sd_pgr_absent(r, 'x'))
		sd_pgr_send(r, q_unmanaged);
	sd_pg_pipe_sync(r->pipe);
}

static int read_unmanaged(pg_read *r)
{
	PGresult *res;
	int i;

	if (sd_pgr_absent(r, 'w') && sd_pgr_absent(r, 'x'))
		return SD_OK;
	res = run(r, q_unmanaged);
	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		const char *ns = map_nsp(r, cell(res, i, 1));
		const char *table = cell(res, i, 3);
		const char *name = cell(res, i, 2);
		sd_unmanaged *u;

		if (skip_table(r, ns, table ? table : name))
			continue;
		u = sd_schema_add_unmanaged(r->s, cell(res, i, 0), ns, name);
		u->table = sd_arena_strdup(r->s->arena, table);
		u->definition = sd_arena_strdup(r->s->arena, cell(res, i, 4));
	}
	PQclear(res);
	return SD_OK;
}

/* Every kind, in three round trips after the first: the queries of a
 * stage are sent together (pg_pipe.h) and read in the same order. */
static int read_all(pg_read *r)
{
	int rc;

	if ((rc = read_namespaces(r)) != SD_OK)
		return rc;
	send_tables(r);
	if ((rc = read_enums(r)) != SD_OK || (rc = read_tables(r)) != SD_OK)
		return rc;
	if (r->opts->before_bulk)
		r->opts->before_bulk(r->opts->before_bulk_ctx);
	if ((rc = read_columns(r)) != SD_OK ||
	    (rc = read_constraints(r)) != SD_OK)
		return rc;
	send_indexes(r);
	if ((rc = sd_pgr_read_views(r)) != SD_OK ||
	    (rc = read_indexes(r)) != SD_OK ||
	    (rc = read_partition_indexes(r)) != SD_OK)
		return rc;
	send_rest(r);
	if ((rc = read_objects(r)) != SD_OK ||
	    (rc = sd_pgr_read_logic(r)) != SD_OK ||
	    (rc = sd_pgr_read_statistics(r)) != SD_OK)
		return rc;
	if ((rc = read_unmanaged(r)) != SD_OK)
		return rc;
	return sd_pgr_read_zeros(r);
}

/*
 * The catalog is read in a transaction of its own, or, when the caller has
 * one open, in a savepoint rolled back afterwards (which takes the settings
 * back with it): every query then sees one snapshot, and none is compiled
 * by JIT (the plans of whole-catalog queries at thousands of tables cost
 * enough to be compiled, which takes longer than running them).
 */
static const char q_read_begin[] =
	"BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL jit = off";
static const char q_read_savepoint[] =
	"SAVEPOINT sd_catalog_read; SET LOCAL jit = off";
static const char q_read_commit[] = "COMMIT";
static const char q_read_rollback[] = "ROLLBACK";
static const char q_read_release[] =
	"ROLLBACK TO SAVEPOINT sd_catalog_read;"
	" RELEASE SAVEPOINT sd_catalog_read";

/* Starts the reading's transaction or savepoint; returns the statement
 * that ends it when it goes well (NULL: none was started). */
static const char *read_begin(PGconn *conn, size_t *nqueries, sd_error *err,
                              int *rc)
{
	bool nested = PQtransactionStatus(conn) == PQTRANS_INTRANS;
	PGresult *res = PQexec(conn, nested ? q_read_savepoint : q_read_begin);
	sd_buf msg = SD_BUF_INIT;

	if (nqueries)
		(*nqueries)++;
	*rc = SD_OK;
	if (PQresultStatus(res) == PGRES_COMMAND_OK) {
		PQclear(res);
		return nested ? q_read_release : q_read_commit;
	}
	sd_pg_message(&msg, PQresultErrorMessage(res));
	sd_error_add(err, SD_ERUNTIME, NULL, 0, 0, NULL,
	             "reading the PostgreSQL catalog: %s", sd_buf_cstr(&msg));
	sd_buf_free(&msg);
	PQclear(res);
	if (!nested && PQtransactionStatus(conn) != PQTRANS_IDLE)
		PQclear(PQexec(conn, q_read_rollback));
	*rc = SD_ERUNTIME;
	return NULL;
}

/* Ends what read_begin started: end on success, else a rollback (of the
 * transaction, or to the savepoint, which keeps the caller's transaction
 * usable after a failed catalog query). */
static void read_end(PGconn *conn, const char *end, bool ok)
{
	if (!end)
		return;
	if (!ok && end == q_read_commit)
		end = q_read_rollback;
	PQclear(PQexec(conn, end));
}

int sd_pg_introspect(sd_schema **out, PGconn *conn,
                     const sd_introspect_opts *opts, size_t *nqueries,
                     sd_error *err)
{
	pg_read r;
	sd_pg_pipe pipe;
	const char *end;
	int rc;

	memset(&r, 0, sizeof(r));
	memset(&pipe, 0, sizeof(pipe));
	r.conn = conn;
	r.pipe = &pipe;
	r.opts = opts ? opts : &sd_introspect_none;
	r.nqueries = nqueries;
	r.err = err;
	r.s = sd_schema_new();
	r.s->dialect = "postgresql";
	r.tmp = sd_arena_new();
	end = read_begin(conn, nqueries, err, &rc);
	if (rc == SD_OK)
		rc = read_all(&r);
	sd_pg_pipe_end(&pipe);
	read_end(conn, end, rc == SD_OK);
	sd_arena_free(r.tmp);
	if (rc != SD_OK) {
		sd_schema_free(r.s);
		return rc;
	}
	sd_schema_sort(r.s);
	sd_logic_sort(r.s);
	sd_schema_index(r.s);
	*out = r.s;
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* For the other readers of the catalog (pg_read.h)                    */
/* ------------------------------------------------------------------ */

void sd_pgr_send(pg_read *r, const char *sql)
{
	sd_buf b = SD_BUF_INIT;

	if (r->pipe)
		sd_pg_pipe_send(r->pipe, r->conn, user_nsp_sql(r, sql, &b));
	sd_buf_free(&b);
}

PGresult *sd_pgr_query(pg_read *r, const char *sql, int nparams,
                       const char *const *params)
{
	return run_params(r, sql, nparams, params);
}

const char *sd_pgr_cell(PGresult *res, int row, int col)
{
	return cell(res, row, col);
}

bool sd_pgr_true(PGresult *res, int row, int col)
{
	return cell_true(res, row, col);
}

bool sd_pgr_absent(const pg_read *r, char kind)
{
	return r->present && !strchr(r->present, kind);
}

const char *sd_pgr_nsp(const pg_read *r, const char *nspname)
{
	return map_nsp(r, nspname);
}

pg_rel *sd_pgr_rel(pg_read *r, const char *oid)
{
	return rel_get(r, oid);
}

void sd_pgr_attribute(pg_read *r, pg_rel *rel, int attnum, const char *name)
{
	rel_attribute(r, rel, attnum, name, NULL, NULL);
}

void sd_pgr_text_array(sd_arena *a, sd_strlist *out, const char *lit)
{
	parse_text_array(a, out, lit);
}

bool sd_pgr_skip(const pg_read *r, const char *schema, const char *name)
{
	return skip_table(r, schema, name);
}
