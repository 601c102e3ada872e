/*
 * pg_logic.c - the PostgreSQL catalog's logic into sd_schema: views and
 * materialized views (with their columns; their indexes come through the
 * index reader of postgres.c), functions and procedures, triggers,
 * row-level security and policies, rules, grants, and the dependencies
 * between all of them (pg_depend, which records pg_rewrite's too).
 *
 * One query per kind, as everywhere in the reader; definitions come back
 * as the server prints them (pg_get_viewdef, pg_get_triggerdef,
 * pg_get_ruledef, pg_get_function_arguments...), which is both what gets
 * emitted again and the canon the differ compares.
 */
#include "introspect/pg_read.h"

#include "model/logic.h"
#include "util/sql.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Queries                                                             */
/* ------------------------------------------------------------------ */

/* "@NSP@" stands for the set of schemas read (USER_NSP, or the
 * normaliser's scratch schemas). */
static const char q_views[] =
	"SELECT c.oid, n.nspname, c.relname, c.relkind,"
	" pg_get_viewdef(c.oid, true),"
	" array_to_string(c.reloptions, E'\\x1f'), c.relispopulated,"
	" ds.description"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = c.oid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0"
	" WHERE c.relkind IN ('v', 'm') AND c.relnamespace IN @NSP@"
	" AND" NOT_EXTENSION("pg_class", "c.oid");

static const char q_view_columns[] =
	"SELECT a.attrelid, a.attnum, a.attname,"
	" format_type(a.atttypid, a.atttypmod), ds.description,"
	" pg_get_expr(ad.adbin, ad.adrelid)," PG_COLUMN_SETTINGS
	" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
	" JOIN pg_type t ON t.oid = a.atttypid"
	" LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid"
	"  AND ad.adnum = a.attnum AND a.atthasdef"
	" LEFT JOIN pg_description ds ON ds.objoid = a.attrelid"
	"  AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum"
	" WHERE c.relkind IN ('v', 'm') AND a.attnum > 0"
	" AND NOT a.attisdropped AND c.relnamespace IN @NSP@"
	" ORDER BY a.attrelid, a.attnum";

/* $1: the server's version number decides whether SQL-standard bodies
 * (PostgreSQL 14) are asked for. */
/* A support function of an aggregate, "SFUNC = name" (NULL: none). */
#define AGG_FN(key, col)                                                      \
	" CASE WHEN ag." col " <> 0 THEN '" key " = ' ||"                     \
	"  ag." col "::regproc END,"
#define AGG_MODIFY(key, col, fn)                                              \
	" CASE WHEN ag." fn " <> 0 AND ag." col " <> CASE ag.aggkind"         \
	"  WHEN 'n' THEN 'r' ELSE 'w' END THEN '" key " = ' || CASE ag." col  \
	"  WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE'"               \
	"  ELSE 'READ_WRITE' END END,"

/*
 * An aggregate's CREATE AGGREGATE options as pg_dump spells them, each
 * only where it is not the default; NULL for other functions.
 */
#define AGGREGATE_OPTIONS                                                     \
	" CASE WHEN p.prokind = 'a' THEN concat_ws(', ',"                     \
	AGG_FN("SFUNC", "aggtransfn")                                         \
	" 'STYPE = ' || format_type(ag.aggtranstype, NULL),"                  \
	" CASE WHEN ag.aggtransspace <> 0 THEN 'SSPACE = ' ||"                \
	"  ag.aggtransspace END,"                                             \
	AGG_FN("FINALFUNC", "aggfinalfn")                                     \
	" CASE WHEN ag.aggfinalextra THEN 'FINALFUNC_EXTRA' END,"             \
	AGG_MODIFY("FINALFUNC_MODIFY", "aggfinalmodify", "aggfinalfn")        \
	AGG_FN("COMBINEFUNC", "aggcombinefn")                                 \
	AGG_FN("SERIALFUNC", "aggserialfn")                                   \
	AGG_FN("DESERIALFUNC", "aggdeserialfn")                               \
	" 'INITCOND = ' || quote_literal(ag.agginitval),"                     \
	AGG_FN("MSFUNC", "aggmtransfn")                                       \
	AGG_FN("MINVFUNC", "aggminvtransfn")                                  \
	" CASE WHEN ag.aggmtransfn <> 0 THEN 'MSTYPE = ' ||"                  \
	"  format_type(ag.aggmtranstype, NULL) END,"                          \
	" CASE WHEN ag.aggmtransspace <> 0 THEN 'MSSPACE = ' ||"              \
	"  ag.aggmtransspace END,"                                            \
	AGG_FN("MFINALFUNC", "aggmfinalfn")                                   \
	" CASE WHEN ag.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,"           \
	AGG_MODIFY("MFINALFUNC_MODIFY", "aggmfinalmodify", "aggmfinalfn")     \
	" 'MINITCOND = ' || quote_literal(ag.aggminitval),"                   \
	" (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' ||" \
	"  op.oprname || ')' FROM pg_operator op JOIN pg_namespace opn"       \
	"  ON opn.oid = op.oprnamespace WHERE op.oid = ag.aggsortop),"        \
	" CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE'"                 \
	"  WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,"                        \
	" CASE WHEN ag.aggkind = 'h' THEN 'HYPOTHETICAL' END) END"

static const char q_functions[] =
	"SELECT p.oid, n.nspname, p.proname, p.prokind,"
	" oidvectortypes(p.proargtypes), pg_get_function_arguments(p.oid),"
	" pg_get_function_result(p.oid), l.lanname, p.prosrc,"
	" @SQLBODY@, p.provolatile, p.proisstrict, p.prosecdef,"
	" p.proleakproof, p.proparallel, p.procost, p.prorows,"
	" array_to_string(p.proconfig, E'\\x1f'), ds.description,"
	" p.proargnames, p.proargmodes,"
	" ARRAY(SELECT format_type(u.t, NULL) FROM unnest(COALESCE("
	"  p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY u(t, o)"
	"  ORDER BY u.o),"
	" pg_get_expr(p.proargdefaults, 0), " AGGREGATE_OPTIONS
	" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
	" JOIN pg_language l ON l.oid = p.prolang"
	" LEFT JOIN pg_description ds ON ds.objoid = p.oid"
	"  AND ds.classoid = 'pg_proc'::regclass AND ds.objsubid = 0"
	" LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid"
	" WHERE p.prokind IN ('f', 'p', 'a') AND p.pronamespace IN @NSP@"
	" AND" NOT_EXTENSION("pg_proc", "p.oid")
	"AND" NOT_TYPE_OWN_PROC("p.oid");

static const char q_triggers[] =
	"SELECT n.nspname, c.relname, t.tgname,"
	" pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgtype,"
	" ARRAY(SELECT a.attname FROM unnest(t.tgattr::int2[])"
	"  WITH ORDINALITY k(n, o) JOIN pg_attribute a"
	"  ON a.attrelid = t.tgrelid AND a.attnum = k.n ORDER BY k.o),"
	" t.tgconstraint <> 0, t.tgdeferrable, t.tginitdeferred,"
	" t.tgoldtable, t.tgnewtable, pn.nspname, p.proname, t.tgnargs,"
	" t.tgargs, ds.description"
	" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" JOIN pg_proc p ON p.oid = t.tgfoid"
	" JOIN pg_namespace pn ON pn.oid = p.pronamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = t.oid"
	"  AND ds.classoid = 'pg_trigger'::regclass"
	/* a partition's clone of its parent's trigger is the parent's */
	" WHERE NOT t.tgisinternal AND t.tgparentid = 0"
	" AND c.relnamespace IN @NSP@"
	" AND" NOT_EXTENSION("pg_trigger", "t.oid");

/* Event triggers are the database's, not a schema's: read whole (an
 * extension's left out), never in the normaliser's scratch. */
static const char q_event_triggers[] =
	"SELECT et.evtname, et.evtevent, et.evtenabled,"
	" array_to_string(et.evttags, E'\\x1f'), pn.nspname, p.proname,"
	" ds.description"
	" FROM pg_event_trigger et JOIN pg_proc p ON p.oid = et.evtfoid"
	" JOIN pg_namespace pn ON pn.oid = p.pronamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = et.oid"
	"  AND ds.classoid = 'pg_event_trigger'::regclass"
	" WHERE" NOT_EXTENSION("pg_event_trigger", "et.oid");

static const char q_policies[] =
	"SELECT n.nspname, c.relname, po.polname, po.polpermissive,"
	" po.polcmd, CASE WHEN po.polroles = '{0}' THEN '{public}'::name[]"
	"  ELSE ARRAY(SELECT r.rolname FROM pg_roles r"
	"   WHERE r.oid = ANY(po.polroles) ORDER BY r.rolname) END,"
	" pg_get_expr(po.polqual, po.polrelid),"
	" pg_get_expr(po.polwithcheck, po.polrelid), ds.description"
	" FROM pg_policy po JOIN pg_class c ON c.oid = po.polrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = po.oid"
	"  AND ds.classoid = 'pg_policy'::regclass"
	" WHERE c.relnamespace IN @NSP@";

static const char q_row_security[] =
	"SELECT c.oid, c.relrowsecurity, c.relforcerowsecurity"
	" FROM pg_class c WHERE (c.relrowsecurity OR c.relforcerowsecurity)"
	" AND c.relkind IN ('r', 'p') AND c.relnamespace IN @NSP@";

static const char q_rules[] =
	"SELECT n.nspname, c.relname, r.rulename, r.ev_type, r.is_instead,"
	" pg_get_ruledef(r.oid, true), ds.description"
	" FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" LEFT JOIN pg_description ds ON ds.objoid = r.oid"
	"  AND ds.classoid = 'pg_rewrite'::regclass"
	" WHERE r.rulename <> '_RETURN' AND c.relnamespace IN @NSP@"
	" AND" NOT_EXTENSION("pg_rewrite", "r.oid");

/* A grantee by name ('public' for PUBLIC), the owner left out. */
#define GRANTEE                                                               \
	" CASE WHEN a.grantee = 0 OR a.grantee IS NULL THEN 'public'"         \
	"  ELSE pg_get_userbyid(a.grantee) END, a.privilege_type,"            \
	" a.is_grantable"

/*
 * Every privilege on relations, their columns, functions (aggregates
 * too: GRANT ... ON FUNCTION names them), schemas and types but the owner's and those every such object has by default
 * (acldefault: PUBLIC's EXECUTE on functions, USAGE on types); and each
 * of those defaults an ACL lacks, as a row with no grantee (last column
 * true: revoked). In ACL order.
 */
/* The role reading the catalog: what it owns needs no grant of OWNER. */
#define ME "(SELECT oid FROM pg_roles WHERE rolname = current_user)"

static const char q_grants[] =
	"SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN"
	"  'materialized view' WHEN 'S' THEN 'sequence' ELSE 'table' END,"
	" n.nspname, c.relname, NULL," GRANTEE ", false"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,"
	" aclexplode(COALESCE(c.relacl, acldefault((CASE c.relkind WHEN 'S'"
	"  THEN 's' ELSE 'r' END)::\"char\", c.relowner))) a"
	" WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')"
	" AND c.relnamespace IN @NSP@ AND a.grantee <> c.relowner"
	" AND" NOT_EXTENSION("pg_class", "c.oid")
	" UNION ALL"
	" SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN"
	"  'materialized view' ELSE 'table' END,"
	" n.nspname, c.relname, at.attname," GRANTEE ", false"
	" FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace,"
	" aclexplode(at.attacl) a"
	" WHERE at.attacl IS NOT NULL AND at.attnum > 0"
	" AND NOT at.attisdropped AND c.relnamespace IN @NSP@"
	" UNION ALL"
	" SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,"
	" n.nspname, p.proname || '(' || oidvectortypes(p.proargtypes) || ')',"
	" NULL," GRANTEE ", a.grantee IS NULL"
	" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
	" CROSS JOIN LATERAL (SELECT x.grantee, x.privilege_type,"
	"  x.is_grantable FROM aclexplode(p.proacl) x"
	"  WHERE x.grantee <> p.proowner AND NOT (x.grantee = 0"
	"  AND x.privilege_type = 'EXECUTE' AND NOT x.is_grantable)"
	"  UNION ALL SELECT NULL, 'EXECUTE', false WHERE p.proacl IS NOT NULL"
	"  AND NOT EXISTS (SELECT 1 FROM aclexplode(p.proacl) y"
	"  WHERE y.grantee = 0 AND y.privilege_type = 'EXECUTE')) a"
	" WHERE p.prokind IN ('f', 'p', 'a') AND p.pronamespace IN @NSP@"
	" AND" NOT_EXTENSION("pg_proc", "p.oid")
	"AND" NOT_TYPE_OWN_PROC("p.oid")
	" UNION ALL"
	" SELECT 'schema', NULL, n.nspname, NULL," GRANTEE ", false"
	" FROM pg_namespace n,"
	" aclexplode(COALESCE(n.nspacl, acldefault('n'::\"char\", n.nspowner))) a"
	" WHERE n.oid IN @NSP@ AND a.grantee <> n.nspowner"
	" UNION ALL"
	" SELECT 'type', n.nspname, t.typname, NULL," GRANTEE ","
	" a.grantee IS NULL"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" CROSS JOIN LATERAL (SELECT x.grantee, x.privilege_type,"
	"  x.is_grantable FROM aclexplode(t.typacl) x"
	"  WHERE x.grantee <> t.typowner AND NOT (x.grantee = 0"
	"  AND x.privilege_type = 'USAGE' AND NOT x.is_grantable)"
	"  UNION ALL SELECT NULL, 'USAGE', false WHERE t.typacl IS NOT NULL"
	"  AND NOT EXISTS (SELECT 1 FROM aclexplode(t.typacl) y"
	"  WHERE y.grantee = 0 AND y.privilege_type = 'USAGE')) a"
	" WHERE t.typtype IN ('e', 'd', 'r', 'm')"
	" AND t.typnamespace IN @NSP@"
	" AND" NOT_EXTENSION("pg_type", "t.oid");

/*
 * Default privileges (pg_default_acl) as grants of kind "default tables"
 * and so on (q_grants' columns; the name is the role they are for, ""
 * for the role reading). An entry for every schema replaces the built-in
 * defaults (acldefault): what it adds to them, and what of them it lacks
 * (revoked); one IN SCHEMA only adds.
 */
static const char q_default_acls[] =
	"SELECT 'default ' || CASE d.defaclobjtype WHEN 'r' THEN 'tables'"
	"  WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'"
	"  WHEN 'T' THEN 'types' ELSE 'schemas' END,"
	" n.nspname, CASE WHEN d.defaclrole = " ME " THEN ''"
	"  ELSE pg_get_userbyid(d.defaclrole) END, NULL,"
	" CASE WHEN a.grantee = 0 THEN 'public'"
	"  ELSE pg_get_userbyid(a.grantee) END, a.privilege_type,"
	" a.is_grantable, a.revoked"
	" FROM pg_default_acl d"
	" LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace"
	" CROSS JOIN LATERAL (SELECT x.grantee, x.privilege_type,"
	"  x.is_grantable, false AS revoked FROM aclexplode(d.defaclacl) x"
	"  WHERE d.defaclnamespace <> 0 OR NOT EXISTS (SELECT 1"
	"  FROM aclexplode(acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's'"
	"   ELSE d.defaclobjtype END, d.defaclrole)) y"
	"  WHERE y.grantee = x.grantee AND y.privilege_type = x.privilege_type"
	"  AND y.is_grantable = x.is_grantable)"
	"  UNION ALL SELECT y.grantee, y.privilege_type, false, true"
	"  FROM aclexplode(acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's'"
	"   ELSE d.defaclobjtype END, d.defaclrole)) y"
	"  WHERE d.defaclnamespace = 0 AND NOT EXISTS (SELECT 1"
	"  FROM aclexplode(d.defaclacl) x WHERE x.grantee = y.grantee"
	"  AND x.privilege_type = y.privilege_type)) a"
	" WHERE d.defaclnamespace = 0 OR d.defaclnamespace IN @NSP@";

/*
 * Owners other than the role reading, as grants of OWNER (q_grants'
 * columns); not a sequence owned by a column (it follows its table).
 */
static const char q_owners[] =
	" SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN"
	"  'materialized view' WHEN 'S' THEN 'sequence' ELSE 'table' END,"
	" n.nspname, c.relname, NULL, pg_get_userbyid(c.relowner),"
	" '" SD_GRANT_OWNER "', false, false"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')"
	" AND c.relnamespace IN @NSP@ AND c.relowner <> " ME
	" AND" NOT_EXTENSION("pg_class", "c.oid")
	" AND NOT EXISTS (SELECT 1 FROM pg_depend o"
	"  WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid"
	"  AND o.refclassid = 'pg_class'::regclass AND o.deptype IN ('a', 'i')"
	"  AND c.relkind = 'S')"
	" UNION ALL"
	" SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,"
	" n.nspname, p.proname || '(' || oidvectortypes(p.proargtypes) || ')',"
	" NULL, pg_get_userbyid(p.proowner), '" SD_GRANT_OWNER "', false, false"
	" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
	" WHERE p.prokind IN ('f', 'p', 'a') AND p.pronamespace IN @NSP@"
	" AND p.proowner <> " ME
	" AND" NOT_EXTENSION("pg_proc", "p.oid")
	"AND" NOT_TYPE_OWN_PROC("p.oid")
	" UNION ALL"
	" SELECT 'schema', NULL, n.nspname, NULL, pg_get_userbyid(n.nspowner),"
	" '" SD_GRANT_OWNER "', false, false"
	" FROM pg_namespace n"
	" WHERE n.oid IN @NSP@ AND n.nspowner <> " ME
	/* PostgreSQL 15's own owner of schema public */
	" AND NOT (n.nspname = 'public'"
	"  AND pg_get_userbyid(n.nspowner) = 'pg_database_owner')"
	" UNION ALL"
	" SELECT 'type', n.nspname, t.typname, NULL, pg_get_userbyid(t.typowner),"
	" '" SD_GRANT_OWNER "', false, false"
	" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
	" LEFT JOIN pg_class tc ON tc.oid = t.typrelid"
	" WHERE (t.typtype IN ('e', 'd', 'r') OR tc.relkind = 'c')"
	" AND t.typnamespace IN @NSP@ AND t.typowner <> " ME
	" AND" NOT_EXTENSION("pg_type", "t.oid");

/*
 * "dependent uses referenced" for every view, rule, trigger, policy and
 * function, for every default, check and index that calls a function,
 * and for every index on the columns it is on: each side as the parts
 * of its key (sd_objkey), named server-side. Objects of initdb (OIDs
 * below 16384) are left out. The dependent side is a branch per catalog
 * joined on its own key (one wide outer join of all of them cost the
 * server twice as much).
 */
static const char q_depend[] =
	"WITH d AS (SELECT classid, objid, objsubid, refclassid, refobjid,"
	"  refobjsubid FROM pg_depend"
	"  WHERE objid >= 16384 AND refobjid >= 16384"
	"  AND deptype IN ('n', 'a')"
	"  AND refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass,"
	"   'pg_type'::regclass)"
	"  AND (classid IN ('pg_rewrite'::regclass, 'pg_trigger'::regclass,"
	"   'pg_policy'::regclass, 'pg_proc'::regclass)"
	"   OR (refclassid = 'pg_proc'::regclass AND classid IN"
	"   ('pg_attrdef'::regclass, 'pg_constraint'::regclass,"
	"    'pg_class'::regclass))"
	"   OR (classid = 'pg_class'::regclass AND deptype = 'a'"
	"    AND refclassid = 'pg_class'::regclass AND refobjsubid > 0))),"
	/* the dependent side, one branch per catalog */
	" dep AS (SELECT d.refclassid, d.refobjid, d.refobjsubid,"
	"  CASE WHEN rw.rulename = '_RETURN' THEN 'r' ELSE 'u' END AS dk,"
	"  c.relnamespace AS dns, c.relname::text AS dname,"
	"  CASE WHEN rw.rulename <> '_RETURN' THEN rw.rulename::text END"
	"  AS dsub"
	"  FROM d JOIN pg_rewrite rw ON rw.oid = d.objid"
	"  JOIN pg_class c ON c.oid = rw.ev_class"
	"  WHERE d.classid = 'pg_rewrite'::regclass"
	"  AND (rw.rulename <> '_RETURN' OR rw.ev_class <> d.refobjid)"
	" UNION ALL SELECT d.refclassid, d.refobjid, d.refobjsubid, 'g',"
	"  c.relnamespace, c.relname::text, tg.tgname::text"
	"  FROM d JOIN pg_trigger tg ON tg.oid = d.objid"
	"  JOIN pg_class c ON c.oid = tg.tgrelid"
	"  WHERE d.classid = 'pg_trigger'::regclass"
	" UNION ALL SELECT d.refclassid, d.refobjid, d.refobjsubid, 'p',"
	"  c.relnamespace, c.relname::text, po.polname::text"
	"  FROM d JOIN pg_policy po ON po.oid = d.objid"
	"  JOIN pg_class c ON c.oid = po.polrelid"
	"  WHERE d.classid = 'pg_policy'::regclass"
	" UNION ALL SELECT d.refclassid, d.refobjid, d.refobjsubid, 'f',"
	"  p.pronamespace,"
	"  p.proname || '(' || oidvectortypes(p.proargtypes) || ')', NULL"
	"  FROM d JOIN pg_proc p ON p.oid = d.objid"
	"  WHERE d.classid = 'pg_proc'::regclass"
	" UNION ALL SELECT d.refclassid, d.refobjid, d.refobjsubid, 'd',"
	"  c.relnamespace, c.relname::text, a.attname::text"
	"  FROM d JOIN pg_attrdef ad ON ad.oid = d.objid"
	"  JOIN pg_class c ON c.oid = ad.adrelid"
	"  LEFT JOIN pg_attribute a ON a.attrelid = ad.adrelid"
	"  AND a.attnum = ad.adnum"
	"  WHERE d.classid = 'pg_attrdef'::regclass"
	" UNION ALL SELECT d.refclassid, d.refobjid, d.refobjsubid, 'k',"
	"  c.relnamespace, c.relname::text, co.conname::text"
	"  FROM d JOIN pg_constraint co ON co.oid = d.objid"
	"  AND co.contype = 'c' JOIN pg_class c ON c.oid = co.conrelid"
	"  WHERE d.classid = 'pg_constraint'::regclass"
	" UNION ALL SELECT d.refclassid, d.refobjid, d.refobjsubid, 'i',"
	"  c.relnamespace, c.relname::text, NULL"
	"  FROM d JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'i'"
	"  WHERE d.classid = 'pg_class'::regclass)"
	/* and what it uses */
	" SELECT dep.dk, dn.nspname, dep.dname, dep.dsub,"
	" CASE WHEN rp.oid IS NOT NULL THEN 'f'"
	"  WHEN rc.relkind = 'i' THEN 'i' WHEN rc.oid IS NOT NULL THEN"
	"   CASE WHEN dep.refobjsubid > 0 THEN 'c' ELSE 'r' END"
	"  WHEN rt.typrelid <> 0 THEN 'r' WHEN rt.oid IS NOT NULL THEN 'y'"
	"  END,"
	" rn.nspname,"
	" CASE WHEN rp.oid IS NOT NULL THEN rp.proname || '(' ||"
	"  oidvectortypes(rp.proargtypes) || ')'"
	"  WHEN rc.oid IS NOT NULL THEN rc.relname::text"
	"  WHEN rtc.oid IS NOT NULL THEN rtc.relname::text"
	"  ELSE rt.typname::text END,"
	" ra.attname"
	" FROM dep JOIN pg_namespace dn ON dn.oid = dep.dns"
	" LEFT JOIN pg_class rc ON dep.refclassid = 'pg_class'::regclass"
	"  AND rc.oid = dep.refobjid"
	" LEFT JOIN pg_attribute ra ON dep.refclassid = 'pg_class'::regclass"
	"  AND dep.refobjsubid > 0 AND ra.attrelid = dep.refobjid"
	"  AND ra.attnum = dep.refobjsubid"
	" LEFT JOIN pg_proc rp ON dep.refclassid = 'pg_proc'::regclass"
	"  AND rp.oid = dep.refobjid"
	" LEFT JOIN pg_type rt ON dep.refclassid = 'pg_type'::regclass"
	"  AND rt.oid = dep.refobjid"
	" LEFT JOIN pg_class rtc ON rtc.oid = rt.typrelid"
	" JOIN pg_namespace rn ON rn.oid = COALESCE(rc.relnamespace,"
	"  rp.pronamespace, rtc.relnamespace, rt.typnamespace)"
	" WHERE dep.dns IN @NSP@ AND rn.oid IN @NSP@";

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

#define cell sd_pgr_cell

/* The query with the schema set of r in place of @NSP@ (and the rest of
 * the substitutions, NULL-terminated pairs). */
static const char *with_nsp(pg_read *r, const char *sql, ...)
{
	sd_buf b = SD_BUF_INIT;
	const char *nsp = r->nsp_sql    ? r->nsp_sql
	                  : r->nsp_list ? r->nsp_list
	                                : USER_NSP;
	const char *p = sql, *out;

	while (*p) {
		if (strncmp(p, "@NSP@", 5) == 0) {
			sd_buf_put(&b, nsp);
			p += 5;
		} else if (strncmp(p, "@SQLBODY@", 9) == 0) {
			sd_buf_put(&b, PQserverVersion(r->conn) >= 140000
			                   ? "CASE WHEN p.prosqlbody IS NOT NULL"
			                     " THEN pg_get_function_sqlbody(p.oid)"
			                     " END"
			                   : "NULL");
			p += 9;
		} else {
			sd_buf_putc(&b, *p++);
		}
	}
	out = sd_arena_strdup(r->s->arena, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static PGresult *query(pg_read *r, const char *sql)
{
	return sd_pgr_query(r, with_nsp(r, sql), 0, NULL);
}

/* Sends sql ahead, as query() will ask for it (sd_pgr_send). */
static void send(pg_read *r, const char *sql)
{
	sd_pgr_send(r, with_nsp(r, sql));
}

static const char *keep(pg_read *r, const char *s)
{
	return sd_arena_strdup(r->s->arena, s);
}

/* Splits text on a one-byte separator into list (nothing for NULL). */
static void split_into(sd_arena *a, sd_strlist *list, const char *text,
                       char sep)
{
	const char *p = text, *q;

	while (p && *p) {
		q = strchr(p, sep);
		sd_strlist_push(a, list,
		                sd_arena_strndup(a, p, q ? (size_t)(q - p)
		                                         : strlen(p)));
		p = q ? q + 1 : NULL;
	}
}

/*
 * The text between `from` (an index into the tokens of def) and the
 * token before `to`: def's own bytes, so spacing is the server's.
 */
static const char *token_span(sd_arena *a, const sd_tokens *tk, size_t from,
                              size_t to)
{
	if (from >= to || from >= tk->n)
		return NULL;
	return sd_tokens_text(a, tk, from, to - 1);
}

/* ------------------------------------------------------------------ */
/* Views                                                               */
/* ------------------------------------------------------------------ */

/* Splits a view's reloptions into its fields (check_option=local,
 * security_barrier, security_invoker, others kept). A boolean spelled
 * otherwise than "true" (security_barrier=on, =off) sets its field and
 * stays among the options as written, so that the view is created again
 * with the catalog's own text. */
static void view_options(pg_read *r, sd_view *v, const char *opts)
{
	sd_strlist all = {0};
	size_t i;

	split_into(r->s->arena, &all, opts, '\x1f');
	for (i = 0; i < all.n; i++) {
		const char *o = all.items[i];
		if (sd_startswith(o, "check_option="))
			v->check_option = keep(r, o + 13);
		else if (!sd_view_flag_option(v, o) ||
		         strcmp(strchr(o, '=') + 1, "true") != 0)
			sd_strlist_push(r->s->arena, &v->options, o);
	}
}

/* A view's text without the trailing ';' and the leading blank. */
static const char *view_text(pg_read *r, const char *def)
{
	size_t n;

	if (!def)
		return NULL;
	while (*def == ' ' || *def == '\n')
		def++;
	n = strlen(def);
	while (n && (def[n - 1] == ';' || def[n - 1] == ' ' ||
	             def[n - 1] == '\n'))
		n--;
	return sd_arena_strndup(r->s->arena, def, n);
}

int sd_pgr_read_views(pg_read *r)
{
	PGresult *res = query(r, q_views);
	sd_arena *a = r->s->arena;
	sd_map *views;
	int i;

	if (!res)
		return SD_ERUNTIME;
	views = r->views = sd_map_new(a, (size_t)PQntuples(res) + 1);
	for (i = 0; i < PQntuples(res); i++) {
		const char *oid = cell(res, i, 0);
		const char *ns = sd_pgr_nsp(r, cell(res, i, 1));
		const char *name = cell(res, i, 2);
		sd_view *v;

		if (sd_pgr_skip(r, ns, name))
			continue;
		v = sd_logic_add_view(r->s, ns, name);
		v->materialized = cell(res, i, 3)[0] == 'm';
		v->query.sql = view_text(r, cell(res, i, 4));
		v->query.canon = v->query.sql;
		view_options(r, v, cell(res, i, 5));
		v->no_data = v->materialized && !sd_pgr_true(res, i, 6);
		v->comment = keep(r, cell(res, i, 7));
		sd_map_put(views, keep(r, oid), v);
		if (v->materialized) {
			/* a stand-in table: the index reader fills it */
			pg_rel *rel = sd_pgr_rel(r, oid);
			rel->table = sd_arena_alloc(a, sizeof(*rel->table));
			rel->table->base.kind = SD_OBJ_TABLE;
			rel->table->base.schema = v->base.schema;
			rel->table->base.name = v->base.name;
			sd_vec_push(a, &r->matviews, rel);
			sd_vec_push(a, &r->matviews, v);
		}
	}
	PQclear(res);
	res = query(r, q_view_columns);
	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		sd_view *v = sd_map_get(views, cell(res, i, 0));
		sd_column *c;
		if (!v)
			continue;
		c = sd_arena_alloc(a, sizeof(*c));
		c->base.kind = SD_OBJ_COLUMN;
		c->base.schema = v->base.schema;
		c->base.name = keep(r, cell(res, i, 2));
		c->type_sql = keep(r, cell(res, i, 3));
		sd_pg_type_from_catalog(a, c->type_sql, NULL, NULL, &c->type);
		if (cell(res, i, 4))
			sd_column_xw(a, c)->comment = keep(r, cell(res, i, 4));
		c->default_value.sql = keep(r, cell(res, i, 5));
		c->default_value.canon = c->default_value.sql;
		c->nullable = true;
		sd_ptrs_push(a, &v->columns, &v->ncolumns, c);
		if (!v->materialized)
			continue;
		sd_pgr_column_settings(a, res, i, 6, c);
		sd_pgr_attribute(r, sd_pgr_rel(r, cell(res, i, 0)),
		                 atoi(cell(res, i, 1)), c->base.name);
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Functions and procedures                                            */
/* ------------------------------------------------------------------ */

static sd_arg_mode arg_mode(const char *m)
{
	switch (m ? m[0] : 'i') {
	case 'o':
		return SD_ARG_OUT;
	case 'b':
		return SD_ARG_INOUT;
	case 'v':
		return SD_ARG_VARIADIC;
	case 't':
		return SD_ARG_TABLE;
	default:
		return SD_ARG_IN;
	}
}

/*
 * Splits a list of expressions at its top-level commas, as
 * pg_get_expr(proargdefaults) prints it: "'x'::text, (1 + 2)".
 */
static void split_expressions(sd_arena *a, sd_strlist *out, const char *sql)
{
	sd_tokens tk;
	size_t i, start = 0;

	if (!sql)
		return;
	sd_tokens_read(&tk, sql, SD_SQL_POSTGRES);
	for (i = 0; i <= tk.n; i++) {
		if (i < tk.n && !(tk.v[i].depth == 0 && sd_tok_is(&tk.v[i], ",")))
			continue;
		if (i > start)
			sd_strlist_push(a, out,
			                sd_tokens_text(a, &tk, start, i - 1));
		start = i + 1;
	}
	sd_tokens_free(&tk);
}

/*
 * The arguments from the catalog's arrays: names, modes, every type, and
 * the defaults of the last input arguments. TABLE columns are left out
 * (they are the function's result, in `returns`).
 */
static void function_args(pg_read *r, sd_function *f, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	sd_strlist names = {0}, modes = {0}, types = {0}, defaults = {0};
	size_t k, inputs = 0, seen_inputs = 0, first_default;

	sd_pgr_text_array(a, &names, cell(res, i, 19));
	sd_pgr_text_array(a, &modes, cell(res, i, 20));
	sd_pgr_text_array(a, &types, cell(res, i, 21));
	split_expressions(a, &defaults, cell(res, i, 22));
	f->args = sd_arena_alloc(a, (types.n + 1) * sizeof(*f->args));
	for (k = 0; k < types.n; k++) {
		sd_arg_mode m = arg_mode(k < modes.n ? modes.items[k] : NULL);
		if (m == SD_ARG_IN || m == SD_ARG_INOUT ||
		    m == SD_ARG_VARIADIC)
			inputs++;
	}
	first_default = inputs - (defaults.n < inputs ? defaults.n : inputs);
	for (k = 0; k < types.n; k++) {
		sd_arg_mode m = arg_mode(k < modes.n ? modes.items[k] : NULL);
		sd_func_arg *arg;
		bool input = m == SD_ARG_IN || m == SD_ARG_INOUT ||
		             m == SD_ARG_VARIADIC;
		if (m == SD_ARG_TABLE)
			continue;
		arg = &f->args[f->nargs++];
		arg->mode = m;
		arg->name = k < names.n && *names.items[k] ? names.items[k]
		                                             : NULL;
		arg->type = types.items[k];
		if (input && seen_inputs++ >= first_default)
			arg->default_sql =
				defaults.items[seen_inputs - 1 - first_default];
	}
}

/* Reads one function row into s (the logic reader and the scratch). */
static void function_row(pg_read *r, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	const char *ns = sd_pgr_nsp(r, cell(res, i, 1));
	sd_function *f = sd_logic_add_function(r->s, ns, cell(res, i, 2));
	const char *sqlbody = cell(res, i, 9);

	f->procedure = cell(res, i, 3)[0] == 'p';
	f->aggregate = cell(res, i, 3)[0] == 'a';
	f->identity = keep(r, cell(res, i, 4));
	f->canon_args = keep(r, cell(res, i, 5));
	f->canon_result = keep(r, cell(res, i, 6));
	f->returns = f->canon_result;
	f->language = keep(r, cell(res, i, 7));
	if (f->aggregate) {
		f->body = keep(r, cell(res, i, 23));
		f->canon_body = f->body;
	} else if (sqlbody) {
		f->sql_body = true;
		f->body = keep(r, sqlbody);
		f->canon_body = f->body;
	} else {
		f->body = keep(r, cell(res, i, 8));
	}
	f->volatility = cell(res, i, 10)[0];
	f->strict = sd_pgr_true(res, i, 11);
	f->security_definer = sd_pgr_true(res, i, 12);
	f->leakproof = sd_pgr_true(res, i, 13);
	f->parallel = cell(res, i, 14)[0];
	f->cost = keep(r, cell(res, i, 15));
	f->rows = keep(r, cell(res, i, 16));
	split_into(a, &f->config, cell(res, i, 17), '\x1f');
	f->comment = keep(r, cell(res, i, 18));
	function_args(r, f, res, i);
}


/* ------------------------------------------------------------------ */
/* Triggers                                                            */
/* ------------------------------------------------------------------ */

/* The arguments of tgargs (bytea, hex output): NUL-terminated strings. */
static void trigger_args(sd_arena *a, sd_strlist *out, const char *hex,
                         int nargs)
{
	sd_buf arg = SD_BUF_INIT;
	const char *p;
	int n = 0;

	if (!hex || strncmp(hex, "\\x", 2) != 0)
		return;
	sd_buf_put(&arg, "");
	for (p = hex + 2; p[0] && p[1] && n < nargs; p += 2) {
		char byte[3] = {p[0], p[1], 0};
		int c = (int)strtol(byte, NULL, 16);
		if (c == 0) {
			sd_strlist_push(a, out, sd_buf_cstr(&arg));
			sd_buf_truncate(&arg, 0);
			sd_buf_put(&arg, "");
			n++;
		} else {
			sd_buf_putc(&arg, (char)c);
		}
	}
	sd_buf_free(&arg);
}

/* The WHEN condition of a trigger's definition, without its parentheses:
 * "... FOR EACH ROW WHEN (old.a IS DISTINCT FROM new.a) EXECUTE ..." */
static const char *trigger_when(sd_arena *a, const char *def)
{
	sd_tokens tk;
	const char *when = NULL;
	size_t i, close;

	sd_tokens_read(&tk, def, SD_SQL_POSTGRES);
	for (i = 0; i + 1 < tk.n; i++) {
		if (tk.v[i].depth != 0 || !sd_tok_is(&tk.v[i], "when") ||
		    !sd_tok_is(&tk.v[i + 1], "("))
			continue;
		close = sd_tokens_close(&tk, i + 1);
		when = token_span(a, &tk, i + 2, close);
		break;
	}
	sd_tokens_free(&tk);
	return when;
}

static void trigger_row(pg_read *r, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	const char *ns = sd_pgr_nsp(r, cell(res, i, 0));
	const char *table = cell(res, i, 1);
	const char *def = cell(res, i, 3);
	long type = atol(cell(res, i, 5));
	const char *fns = sd_pgr_nsp(r, cell(res, i, 12));
	sd_trigger *t;

	t = sd_logic_add_trigger(r->s, ns, table, cell(res, i, 2));
	t->definition.sql = keep(r, def);
	t->definition.canon = t->definition.sql;
	t->enabled = cell(res, i, 4)[0];
	/* tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16,
	 * TRUNCATE 32, INSTEAD 64 */
	t->each_row = type & 1;
	t->timing = type & 64 ? "instead of" : type & 2 ? "before" : "after";
	if (type & 4)
		t->events |= SD_TRIG_INSERT;
	if (type & 16)
		t->events |= SD_TRIG_UPDATE;
	if (type & 8)
		t->events |= SD_TRIG_DELETE;
	if (type & 32)
		t->events |= SD_TRIG_TRUNCATE;
	sd_pgr_text_array(a, &t->columns, cell(res, i, 6));
	t->constraint = sd_pgr_true(res, i, 7);
	t->deferrable = sd_pgr_true(res, i, 8);
	t->initially_deferred = sd_pgr_true(res, i, 9);
	t->old_table = keep(r, cell(res, i, 10));
	t->new_table = keep(r, cell(res, i, 11));
	t->function = fns ? sd_arena_printf(a, "%s.%s", fns, cell(res, i, 13))
	                  : keep(r, cell(res, i, 13));
	trigger_args(a, &t->arguments, cell(res, i, 15),
	             atoi(cell(res, i, 14)));
	t->when.sql = trigger_when(a, def);
	t->when.canon = t->when.sql;
	t->comment = keep(r, cell(res, i, 16));
}


/* ------------------------------------------------------------------ */
/* Event triggers                                                      */
/* ------------------------------------------------------------------ */

static void event_trigger_row(pg_read *r, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	const char *fns = sd_pgr_nsp(r, cell(res, i, 4));
	const char *fname = cell(res, i, 5);
	sd_strlist tags = {NULL, 0};
	sd_event_trigger *t;
	size_t j;

	t = sd_logic_add_event_trigger(r->s, cell(res, i, 0));
	t->event = keep(r, cell(res, i, 1));
	t->enabled = cell(res, i, 2)[0];
	split_into(a, &tags, cell(res, i, 3), '\x1f');
	for (j = 0; j < tags.n; j++)
		sd_event_trigger_add_tag(r->s, t, tags.items[j]);
	t->function = fns ? sd_arena_printf(a, "%s.%s", fns, fname)
	                  : keep(r, fname);
	t->comment = keep(r, cell(res, i, 6));
	/* its function takes no arguments: pg_depend's 'n' entry, named */
	sd_logic_add_dep(r->s, sd_logic_key(a, &t->base),
	                 sd_objkey(a, SD_KEY_FUNCTION, fns,
	                           sd_arena_printf(a, "%s()", fname), NULL));
}

/* ------------------------------------------------------------------ */
/* Policies and row-level security                                     */
/* ------------------------------------------------------------------ */

static const char *policy_command(char c)
{
	switch (c) {
	case 'r':
		return "select";
	case 'a':
		return "insert";
	case 'w':
		return "update";
	case 'd':
		return "delete";
	default:
		return "all";
	}
}

static void policy_row(pg_read *r, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	const char *ns = sd_pgr_nsp(r, cell(res, i, 0));
	sd_policy *p = sd_logic_add_policy(r->s, ns, cell(res, i, 1),
	                                   cell(res, i, 2));

	p->restrictive = !sd_pgr_true(res, i, 3);
	p->command = policy_command(cell(res, i, 4)[0]);
	sd_pgr_text_array(a, &p->roles, cell(res, i, 5));
	p->using_.sql = keep(r, cell(res, i, 6));
	p->using_.canon = p->using_.sql;
	p->with_check.sql = keep(r, cell(res, i, 7));
	p->with_check.canon = p->with_check.sql;
	p->comment = keep(r, cell(res, i, 8));
}

/* ENABLE / FORCE ROW LEVEL SECURITY of the tables read. */
static int read_row_security(pg_read *r)
{
	PGresult *res = query(r, q_row_security);
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++) {
		pg_rel *rel = sd_pgr_rel(r, cell(res, i, 0));
		if (!rel->table)
			continue;
		rel->table->row_security = sd_pgr_true(res, i, 1);
		rel->table->force_row_security = sd_pgr_true(res, i, 2);
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Rules                                                               */
/* ------------------------------------------------------------------ */

static const char *rule_event(char c)
{
	switch (c) {
	case '1':
		return "select";
	case '2':
		return "update";
	case '3':
		return "insert";
	default:
		return "delete";
	}
}

/*
 * The WHERE condition and the actions of pg_get_ruledef's text:
 *     CREATE RULE r AS ON INSERT TO t WHERE new.b > 5 DO INSTEAD NOTHING;
 */
static void rule_parts(sd_arena *a, sd_rule *r, const char *def)
{
	sd_tokens tk;
	size_t i, where = 0, doat = 0, act;

	sd_tokens_read(&tk, def, SD_SQL_POSTGRES);
	for (i = 0; i < tk.n; i++) {
		if (tk.v[i].depth != 0)
			continue;
		if (!where && !doat && sd_tok_is(&tk.v[i], "where"))
			where = i;
		else if (!doat && sd_tok_is(&tk.v[i], "do"))
			doat = i;
	}
	if (where && doat)
		r->where.sql = token_span(a, &tk, where + 1, doat);
	act = doat + 1;
	if (act < tk.n && (sd_tok_is(&tk.v[act], "instead") ||
	                   sd_tok_is(&tk.v[act], "also")))
		act++;
	if (doat) {
		size_t end = tk.n;
		while (end > act && sd_tok_is(&tk.v[end - 1], ";"))
			end--;
		r->actions = token_span(a, &tk, act, end);
	}
	sd_tokens_free(&tk);
}

static void rule_row(pg_read *r, PGresult *res, int i)
{
	sd_arena *a = r->s->arena;
	const char *ns = sd_pgr_nsp(r, cell(res, i, 0));
	sd_rule *ru = sd_logic_add_rule(r->s, ns, cell(res, i, 1),
	                                cell(res, i, 2));

	ru->event = rule_event(cell(res, i, 3)[0]);
	ru->instead = sd_pgr_true(res, i, 4);
	ru->definition.sql = keep(r, cell(res, i, 5));
	ru->definition.canon = ru->definition.sql;
	rule_parts(a, ru, ru->definition.sql);
	ru->where.canon = ru->where.sql;
	ru->comment = keep(r, cell(res, i, 6));
}


/* ------------------------------------------------------------------ */
/* Grants                                                              */
/* ------------------------------------------------------------------ */

static int read_grants(pg_read *r)
{
	const char *const qs[] = {q_grants, q_owners, q_default_acls};
	PGresult *res;
	size_t q;
	int i;

	if (!r->opts->privileges)
		return SD_OK;
	sd_schema_logic(r->s)->privileges = true;
	for (q = 0; q < SD_ARRAY_LEN(qs); q++) {
		res = query(r, qs[q]);
		if (!res)
			return SD_ERUNTIME;
		for (i = 0; i < PQntuples(res); i++) {
			const char *on = cell(res, i, 0);
			const char *ns = strcmp(on, "schema") == 0
			                         ? NULL
			                         : sd_pgr_nsp(r, cell(res, i, 1));
			const char *name = cell(res, i, 2);
			sd_grant *g;
			/* default privileges: NULL for every schema, the
			 * default one by its name */
			if (strncmp(on, "default ", 8) == 0 && cell(res, i, 1) &&
			    !ns)
				ns = sd_namespace_default();
			if (strcmp(on, "schema") == 0) {
				/* the default schema is "public" in the models */
				name = sd_pgr_nsp(r, name);
				if (!name)
					name = sd_namespace_default();
			}
			g = sd_logic_add_grant(r->s, on, ns, name);
			g->column = keep(r, cell(res, i, 3));
			g->grantee = keep(r, cell(res, i, 4));
			g->privilege = keep(r, cell(res, i, 5));
			g->grant_option = sd_pgr_true(res, i, 6);
			g->revoked = sd_pgr_true(res, i, 7);
		}
		PQclear(res);
	}
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Dependencies                                                        */
/* ------------------------------------------------------------------ */

static int read_depend(pg_read *r)
{
	PGresult *res = query(r, q_depend);
	sd_arena *a = r->s->arena;
	int i;

	if (!res)
		return SD_ERUNTIME;
	sd_schema_logic(r->s)->deps_exact = true;
	for (i = 0; i < PQntuples(res); i++) {
		const char *dk = cell(res, i, 0), *rk = cell(res, i, 4);
		if (!dk || !rk)
			continue;
		sd_logic_add_dep(r->s,
		                 sd_objkey(a, dk[0], sd_pgr_nsp(r, cell(res, i, 1)),
		                           cell(res, i, 2), cell(res, i, 3)),
		                 sd_objkey(a, rk[0], sd_pgr_nsp(r, cell(res, i, 5)),
		                           cell(res, i, 6), cell(res, i, 7)));
	}
	PQclear(res);
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Driver                                                              */
/* ------------------------------------------------------------------ */

typedef void (*row_fn)(pg_read *r, PGresult *res, int row);

/*
 * Runs one kind's query and reads every row with fn; with on_table, the
 * rows of tables left out (the version table, ignore globs) are skipped:
 * their first two columns are the table's schema and name.
 */
static int read_rows(pg_read *r, const char *sql, row_fn fn, bool on_table)
{
	PGresult *res = query(r, sql);
	int i;

	if (!res)
		return SD_ERUNTIME;
	for (i = 0; i < PQntuples(res); i++)
		if (!on_table || !sd_pgr_skip(r, sd_pgr_nsp(r, cell(res, i, 0)),
		                              cell(res, i, 1)))
			fn(r, res, i);
	PQclear(res);
	return SD_OK;
}

/* Functions, triggers, policies and rules: what the scratch has too. */
static int read_code(pg_read *r)
{
	int rc;

	if ((rc = read_rows(r, q_functions, function_row, false)) != SD_OK ||
	    (rc = read_rows(r, q_triggers, trigger_row, true)) != SD_OK)
		return rc;
	if (!sd_pgr_absent(r, 'p') &&
	    (rc = read_rows(r, q_policies, policy_row, true)) != SD_OK)
		return rc;
	return sd_pgr_absent(r, 'u') ? SD_OK
	                             : read_rows(r, q_rules, rule_row, true);
}

/* Materialized views' indexes, read onto their stand-in tables. */
static void matview_indexes(pg_read *r)
{
	size_t i;

	for (i = 0; i + 1 < r->matviews.n; i += 2) {
		const pg_rel *rel = r->matviews.items[i];
		sd_view *v = r->matviews.items[i + 1];
		v->indexes = rel->table->indexes;
		v->nindexes = rel->table->nindexes;
	}
}

void sd_pgr_send_views(pg_read *r)
{
	send(r, q_views);
	send(r, q_view_columns);
}

/* What sd_pgr_read_logic asks, in its order. */
void sd_pgr_send_logic(pg_read *r)
{
	send(r, q_functions);
	send(r, q_triggers);
	if (!sd_pgr_absent(r, 'p'))
		send(r, q_policies);
	if (!sd_pgr_absent(r, 'u'))
		send(r, q_rules);
	send(r, q_event_triggers);
	if (!sd_pgr_absent(r, 's'))
		send(r, q_row_security);
	if (r->opts->privileges) {
		send(r, q_grants);
		send(r, q_owners);
		send(r, q_default_acls);
	}
	send(r, q_depend);
}

int sd_pgr_read_logic(pg_read *r)
{
	int rc;

	matview_indexes(r);
	if ((rc = read_code(r)) != SD_OK ||
	    (rc = read_rows(r, q_event_triggers, event_trigger_row, false)) !=
	            SD_OK ||
	    (!sd_pgr_absent(r, 's') && (rc = read_row_security(r)) != SD_OK) ||
	    (rc = read_grants(r)) != SD_OK)
		return rc;
	return read_depend(r);
}

/* ------------------------------------------------------------------ */
/* Another set of schemas: the normaliser's scratch                    */
/* ------------------------------------------------------------------ */

int sd_pg_read_logic_in(sd_schema **out, PGconn *conn, const char *nsp_sql,
                        const char *(*nsp_map)(void *ctx, const char *nsp),
                        void *ctx, sd_error *err)
{
	pg_read r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.conn = conn;
	r.opts = &sd_introspect_none;
	r.err = err;
	r.s = sd_schema_new();
	r.s->dialect = "postgresql";
	r.rels = sd_map_new(r.s->arena, 16);
	r.default_nsp = "";
	r.nsp_sql = nsp_sql;
	r.nsp_map = nsp_map;
	r.nsp_ctx = ctx;
	if ((rc = sd_pgr_read_views(&r)) != SD_OK ||
	    (rc = read_code(&r)) != SD_OK) {
		sd_schema_free(r.s);
		return rc;
	}
	*out = r.s;
	return SD_OK;
}
