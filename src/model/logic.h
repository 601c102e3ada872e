/*
 * logic.h - the logic a catalog keeps besides its tables: views and
 * materialized views, functions and procedures, triggers, row-level
 * security policies, rules and grants, and the dependencies between
 * every kind of object.
 *
 * They hang off sd_schema->logic (sd_logic_of reads it, NULL-safe), live
 * in the schema's arena like everything else, and embed the common
 * sd_object base, so that the differ sorts, matches and orders them with
 * the tables' own objects alike.
 *
 * Definitions are SQL: a view's query, a function's body, a trigger's
 * WHEN, a policy's USING. Each keeps the text as written (models) or as
 * the catalog holds it (introspection) in `sql`, and, where a server
 * canonicalised it, the server's text in `canon`: the differ compares
 * canons when both sides have one, never raw text against canon.
 *
 * Dependencies are pairs of object keys (sd_objkey): "dependent uses
 * referenced". An introspected PostgreSQL schema carries the catalog's own
 * (pg_depend, exact); for models and SQLite they are read from the SQL
 * text (sd_logic_lexical_deps, over-inclusive).
 */
#ifndef SD_LOGIC_H
#define SD_LOGIC_H

#include "model/schema.h"
#include "util/sql.h"

SD_LAYER_HEADER(MODEL);

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

typedef struct sd_view {
	sd_object base;          /* kind SD_OBJ_VIEW */
	bool materialized;
	sd_expr query;           /* the SELECT, without CREATE VIEW ... AS */
	/* CREATE VIEW v (a, b): names for the query's columns (models and
	 * SQLite; PostgreSQL keeps them in the query's aliases) */
	sd_strlist column_names;
	/* the view's output columns: name, type_sql, comment (introspected;
	 * models get names and types from their normaliser) */
	sd_column **columns;
	size_t ncolumns;
	const char *check_option; /* "local", "cascaded" or NULL */
	bool security_barrier;
	bool security_invoker;
	sd_strlist options;      /* other storage parameters: "fillfactor=70" */
	bool no_data;            /* materialized WITH NO DATA */
	const char *comment;
	sd_index **indexes;      /* materialized views' indexes */
	size_t nindexes;
	/* SQLite: the CREATE VIEW text as the catalog keeps it (read from a
	 * database), created again as it is; NULL otherwise */
	const char *definition;
} sd_view;

typedef enum sd_arg_mode {
	SD_ARG_IN = 0,
	SD_ARG_OUT,
	SD_ARG_INOUT,
	SD_ARG_VARIADIC,
	SD_ARG_TABLE, /* a column of RETURNS TABLE (...) */
} sd_arg_mode;

typedef struct sd_func_arg {
	const char *name;        /* NULL: unnamed */
	const char *type;        /* SQL type as written */
	sd_arg_mode mode;
	const char *default_sql; /* NULL: none */
} sd_func_arg;

typedef struct sd_function {
	sd_object base;          /* kind SD_OBJ_FUNCTION; name: proname */
	bool procedure;
	bool aggregate;          /* CREATE AGGREGATE: body holds its options
	                            ("SFUNC = f, STYPE = t"), canon_body the
	                            server's spelling of them */
	sd_func_arg *args;
	size_t nargs;
	const char *returns;     /* "integer", "SETOF users", "trigger";
	                            NULL for procedures and RETURNS TABLE */
	const char *language;    /* "sql", "plpgsql", ... */
	const char *body;        /* prosrc, or a SQL-standard body */
	bool sql_body;           /* BEGIN ATOMIC ... END / RETURN expr */
	char volatility;         /* 'v' (default), 's', 'i' */
	char parallel;           /* 'u' (default), 'r', 's' */
	bool strict;
	bool security_definer;
	bool leakproof;
	const char *cost;        /* NULL: the default */
	const char *rows;        /* NULL: the default */
	sd_strlist config;       /* SET clauses: "search_path=public" */
	const char *comment;
	/*
	 * The overload it is: the types of its IN, INOUT and VARIADIC
	 * arguments, "integer, text" (the server's spelling once the models
	 * are normalised or read from a catalog). With the name it is the
	 * function's identity (sd_function_key).
	 */
	const char *identity;
	/* The server's texts for the rest of the signature, compared when
	 * both sides have them: pg_get_function_arguments,
	 * pg_get_function_result, and the body of a SQL-standard function
	 * as pg_get_function_sqlbody prints it. */
	const char *canon_args;
	const char *canon_result;
	const char *canon_body;
} sd_function;

/* Events of a trigger (bits). */
enum {
	SD_TRIG_INSERT = 1u << 0,
	SD_TRIG_UPDATE = 1u << 1,
	SD_TRIG_DELETE = 1u << 2,
	SD_TRIG_TRUNCATE = 1u << 3,
};

typedef struct sd_trigger {
	sd_object base;          /* kind SD_OBJ_TRIGGER; schema: its table's */
	const char *table;       /* the table or view it fires on */
	const char *timing;      /* "before", "after", "instead of" */
	unsigned events;         /* SD_TRIG_* */
	sd_strlist columns;      /* UPDATE OF */
	bool each_row;           /* FOR EACH ROW (else STATEMENT) */
	sd_expr when;
	const char *function;    /* PostgreSQL: [schema.]name it executes */
	sd_strlist arguments;
	bool constraint;         /* CREATE CONSTRAINT TRIGGER */
	bool deferrable;
	bool initially_deferred;
	const char *old_table;   /* REFERENCING OLD TABLE AS */
	const char *new_table;   /* REFERENCING NEW TABLE AS */
	char enabled;            /* 'O' fires (default), 'D' disabled,
	                            'R' replica only, 'A' always */
	const char *body;        /* SQLite: the statements of BEGIN ... END */
	/* The whole statement: sql as SQLite stores it (introspected) or
	 * NULL; canon is the server's pg_get_triggerdef or SQLite's text
	 * folded, what two triggers are compared by. */
	sd_expr definition;
	const char *comment;     /* COMMENT ON TRIGGER */
} sd_trigger;

typedef struct sd_policy {
	sd_object base;          /* kind SD_OBJ_POLICY; schema: its table's */
	const char *table;       /* the table it guards */
	bool restrictive;
	const char *command;     /* "all", "select", "insert", "update",
	                            "delete" */
	sd_strlist roles;        /* sorted; "public" for PUBLIC */
	sd_expr using_;
	sd_expr with_check;
	const char *comment;     /* COMMENT ON POLICY */
} sd_policy;

typedef struct sd_rule {
	sd_object base;          /* kind SD_OBJ_RULE; schema: its table's */
	const char *table;       /* the table or view it rewrites for */
	const char *event;       /* "select", "insert", "update", "delete" */
	sd_expr where;
	bool instead;
	const char *actions;     /* "NOTHING", one statement, or
	                            "(stmt; stmt)" */
	sd_expr definition;      /* canon: the server's pg_get_ruledef */
	const char *comment;
} sd_rule;

/*
 * A PostgreSQL event trigger: database-wide (base.schema is always NULL),
 * it runs a function returning event_trigger on an event of DDL.
 */
typedef struct sd_event_trigger {
	sd_object base;          /* kind SD_OBJ_EVENT_TRIGGER */
	const char *event;       /* "ddl_command_start", "ddl_command_end",
	                            "sql_drop", "table_rewrite" */
	sd_strlist tags;         /* WHEN TAG IN (...), upper case, in the
	                            order written (compared as a set);
	                            empty: every command */
	const char *function;    /* [schema.]name it executes (the default
	                            namespace unqualified) */
	char enabled;            /* 'O' fires (default), 'D' disabled,
	                            'R' replica only, 'A' always */
	const char *comment;
} sd_event_trigger;

/* The event trigger events PostgreSQL knows, NULL-terminated. */
extern const char *const sd_event_trigger_events[];

/*
 * One privilege granted on one object (or one column of it) to one role.
 * base.schema and base.name name the object (a function by
 * sd_function_key's "name(identity)"); `on` says which kind it is.
 */
typedef struct sd_grant {
	sd_object base;          /* kind SD_OBJ_GRANT */
	const char *on;          /* "table", "view", "materialized view",
	                            "sequence", "function", "procedure",
	                            "schema", "type"; or default privileges
	                            (ALTER DEFAULT PRIVILEGES) on new
	                            objects: "default tables", "default
	                            sequences", "default functions",
	                            "default types", "default schemas",
	                            base.schema IN SCHEMA (NULL: every
	                            schema), base.name FOR ROLE ("": the
	                            role running the migration) */
	const char *column;      /* column-level, else NULL */
	const char *grantee;     /* role name, "public" for PUBLIC */
	const char *privilege;   /* upper case: "SELECT", "EXECUTE"; NULL:
	                            none (the object's privileges are
	                            managed, and this role has none) */
	bool grant_option;
	size_t seq;              /* the order it was added in: the catalog
	                            ACL's (pg_dump prints an ACL as is), the
	                            models' */
	bool revoked;            /* a privilege the object has by default
	                            (PUBLIC's EXECUTE on a function or
	                            procedure, USAGE on a type) that it does
	                            not have: created by REVOKE, dropped by
	                            GRANT. The defaults themselves are no
	                            grants: both sides have them */
} sd_grant;

/* The privilege of a grant that says who owns its object (models
 * `{on: ..., owner: role}`, ALTER ... OWNER TO): the role running the
 * migration owns what has none. */
#define SD_GRANT_OWNER "OWNER"
/* Whether g says who owns its object rather than granting a privilege. */
bool sd_grant_is_owner(const sd_grant *g);
/* Whether g is a default privilege (on objects yet to be created). */
bool sd_grant_is_default_acl(const sd_grant *g);

/* Whether PUBLIC has `privilege` on every new object of grant kind `on`
 * (acldefault): EXECUTE on functions and procedures, USAGE on types. */
bool sd_grant_is_default(const char *on, const char *grantee,
                         const char *privilege);

/* "dependent uses referenced", as object keys. */
typedef struct sd_dep {
	const char *dependent;   /* a view, a trigger, a default... */
	const char *referenced;  /* a table, a column, a function... */
} sd_dep;

typedef struct sd_logic {
	sd_view **views;
	size_t nviews;
	sd_function **functions;
	size_t nfunctions;
	sd_trigger **triggers;
	size_t ntriggers;
	sd_policy **policies;
	size_t npolicies;
	sd_rule **rules;
	size_t nrules;
	sd_event_trigger **event_triggers;
	size_t nevent_triggers;
	sd_grant **grants;
	size_t ngrants;
	/* Privileges are part of this schema (introspected with
	 * `privileges: true`, or models): without it grants are left alone. */
	bool privileges;
	sd_dep *deps;
	size_t ndeps;
	size_t capdeps;
	/* deps are the catalog's own (pg_depend): lexical reading would
	 * only add guesses */
	bool deps_exact;
} sd_logic;

/* s->logic, created on first use (never NULL). */
sd_logic *sd_schema_logic(sd_schema *s);
/* s->logic, or an empty one (never NULL, never written to). */
const sd_logic *sd_logic_of(const sd_schema *s);

sd_view *sd_logic_add_view(sd_schema *s, const char *schema,
                           const char *name);
sd_function *sd_logic_add_function(sd_schema *s, const char *schema,
                                   const char *name);
sd_trigger *sd_logic_add_trigger(sd_schema *s, const char *schema,
                                 const char *table, const char *name);
sd_policy *sd_logic_add_policy(sd_schema *s, const char *schema,
                               const char *table, const char *name);
sd_rule *sd_logic_add_rule(sd_schema *s, const char *schema,
                           const char *table, const char *name);
sd_event_trigger *sd_logic_add_event_trigger(sd_schema *s,
                                             const char *name);
/* Adds tag (upper-cased) to t's tags, unless it is there already. */
void sd_event_trigger_add_tag(sd_schema *s, sd_event_trigger *t,
                              const char *tag);
sd_grant *sd_logic_add_grant(sd_schema *s, const char *on,
                             const char *schema, const char *name);
/* Appends obj to the pointer array *arrp of *n entries, grown in a (to
 * the next power of two): every object list of a schema grows so. */
void sd_ptrs_push(sd_arena *a, void *arrp, size_t *n, void *obj);
/* Records "dependent uses referenced" (keys are copied). */
void sd_logic_add_dep(sd_schema *s, const char *dependent,
                      const char *referenced);
/* Sorts every list by schema, table and name, deps by key: deterministic
 * output whatever order a catalog or the models gave. */
void sd_logic_sort(sd_schema *s);
/* Whether o is a view, function, trigger, policy, rule, event trigger or
 * grant. */
bool sd_obj_is_logic(const sd_object *o);
/* The table a trigger, policy or rule is on; NULL for other kinds. */
const char *sd_logic_table(const sd_object *o);
/* The column of a view by name, or NULL. */
sd_column *sd_view_column(const sd_view *v, const char *name);

/*
 * When `option` ("security_barrier=on") is one of the view options kept
 * in fields of their own (security_barrier, security_invoker), sets that
 * field as the server reads the value (true, yes, on, 1 and their
 * unambiguous prefixes, in any case) and returns true.
 */
bool sd_view_flag_option(sd_view *v, const char *option);

/* ------------------------------------------------------------------ */
/* Keys                                                                */
/* ------------------------------------------------------------------ */

/*
 * An object's key: its kind letter, then schema, name and sub-name joined
 * by \x1f (NULL parts empty), so that kinds never collide and names may
 * hold any character. The kinds:
 *   SD_KEY_REL      a table, view or materialized view (one namespace)
 *   SD_KEY_COLUMN   a column of one (name: the relation, sub: the column)
 *   SD_KEY_DEFAULT  the default of a column (same)
 *   SD_KEY_FUNCTION a function or procedure (name: sd_function_key)
 *   SD_KEY_TRIGGER, SD_KEY_POLICY, SD_KEY_RULE, SD_KEY_CONSTRAINT
 *                   (name: the table, sub: the object)
 *   SD_KEY_INDEX    an index (name: the index)
 *   SD_KEY_TYPE     an enum or other type
 *   SD_KEY_GRANT    one privilege (name: its object, sub: grantee,
 *                   privilege and column)
 *   SD_KEY_EVENT_TRIGGER an event trigger (name; no schema)
 */
enum {
	SD_KEY_REL = 'r',
	SD_KEY_COLUMN = 'c',
	SD_KEY_DEFAULT = 'd',
	SD_KEY_FUNCTION = 'f',
	SD_KEY_TRIGGER = 'g',
	SD_KEY_POLICY = 'p',
	SD_KEY_RULE = 'u',
	SD_KEY_CONSTRAINT = 'k',
	SD_KEY_INDEX = 'i',
	SD_KEY_TYPE = 'y',
	SD_KEY_GRANT = 'a',
	SD_KEY_EVENT_TRIGGER = 'e',
};
const char *sd_objkey(sd_arena *a, int kind, const char *schema,
                      const char *name, const char *sub);
/* The kind letter of a key (0 for NULL). */
int sd_objkey_kind(const char *key);

/* "name(identity)": a function's name with its overload. */
const char *sd_function_key(sd_arena *a, const sd_function *f);
/* The key of a logic object (view, function, trigger, policy, rule). */
const char *sd_logic_key(sd_arena *a, const sd_object *o);

/*
 * Reads dependencies out of the SQL of s's logic objects (views' queries,
 * SQL-standard function bodies and signatures' types, triggers' tables,
 * functions and bodies, policies, rules) and of the defaults, checks and
 * index expressions that call s's functions: every name that is a
 * relation, a column of a relation named there, or a function of s
 * counts. Over-inclusive by design: a word that names nothing costs
 * nothing, one that names the wrong thing costs an ordering constraint.
 * Appends sd_dep* allocated in a to out.
 */
void sd_logic_lexical_deps(const sd_schema *s, sd_sql_lang lang,
                           sd_arena *a, sd_vec *out);
/* The same without what quoted SQL bodies name: what must exist before
 * each object is created when function bodies are left unchecked
 * (check_function_bodies off, as the PostgreSQL scripts run). */
void sd_logic_create_deps(const sd_schema *s, sd_sql_lang lang, sd_arena *a,
                          sd_vec *out);
/* Only what the quoted bodies of s's SQL functions name: the server
 * parses them at CREATE (check_function_bodies) but records nothing of
 * them in pg_depend, so a catalog's exact dependencies lack it. */
void sd_logic_body_deps(const sd_schema *s, sd_sql_lang lang, sd_arena *a,
                        sd_vec *out);
/* What the bodies of s's functions returning event_trigger name, in any
 * language: they run on every DDL statement while an event trigger
 * calls them, a migration's own included, so what a body uses must
 * exist while it is in place. */
void sd_logic_event_body_deps(const sd_schema *s, sd_sql_lang lang,
                              sd_arena *a, sd_vec *out);

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

/* "immutable" / "stable" / "volatile" <-> 'i' / 's' / 'v'. */
const char *sd_volatility_word(char v);
const char *sd_parallel_word(char p);
/* "always", "replica", "disabled", "enabled" for a trigger's state. */
const char *sd_trigger_enabled_word(char e);
/* The state of an event trigger as the models spell it: "origin" (the
 * default), "always", "replica", "disabled". */
const char *sd_event_trigger_enabled_word(char e);
/* "in", "out", "inout", "variadic", "table" */
const char *sd_arg_mode_word(sd_arg_mode m);
/* The default cost and rows PostgreSQL gives a function. */
const char *sd_function_default_cost(const sd_function *f);
const char *sd_function_default_rows(const sd_function *f);
/* true when the function returns a set (SETOF or TABLE). */
bool sd_function_returns_set(const sd_function *f);

#endif
