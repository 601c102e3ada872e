/*
 * pg_emit.h - internal to the emit layer: the PostgreSQL emitter's state
 * and pieces (postgres.c), shared with the statements of its other files
 * (pg_objects.c: schema-level objects, partitions and INHERITS; pg_table.c:
 * table settings; pg_recreate.c: tables and types recreated; pg_logic.c:
 * grants written back from the catalog's ACLs).
 */
#ifndef SD_EMIT_PG_EMIT_H
#define SD_EMIT_PG_EMIT_H

#include "emit/dialect.h"

SD_LAYER_HEADER(EMIT);

/* One operation's statements being written. */
typedef struct pg_emit {
	sd_buf *out;
	const sd_op *op;
	const char *too_long; /* first name over 63 bytes */
	const char *virtual_column; /* first VIRTUAL generated column */
} pg_emit;

/* Text as is, into the statement being written. */
static inline void put(pg_emit *e, const char *s)
{
	sd_buf_put(e->out, s);
}

/* A quoted identifier, noting one over PostgreSQL's limit. */
void sd_pg_emit_ident(pg_emit *e, const char *name);
/* schema.name quoted, the name alone in the default namespace. */
void sd_pg_emit_qname(pg_emit *e, const char *schema, const char *name);
/* A type in PostgreSQL's words (enums by their qualified name). */
void sd_pg_emit_type(pg_emit *e, const sd_type *t);
/* " IS 'text';\n" or " IS NULL;\n", ending a COMMENT ON. */
void sd_pg_emit_comment_is(pg_emit *e, const char *text);
/* An expression or query the server printed, written so that it reads
 * it back into what it printed (an IN list on a varchar column). */
void sd_pg_put_expr(sd_buf *out, const char *sql);

/* pg_objects.c */
/*
 * The statements of CREATE_OBJECT, DROP_OBJECT, ALTER_OBJECT,
 * ATTACH/DETACH_PARTITION and (NO_)INHERIT. Returns SD_OK, or an error
 * for an object PostgreSQL has no statement for.
 */
int sd_pg_emit_object_op(pg_emit *e, const sd_op *op, sd_error *err);
/* A serial column's sequence: CREATE SEQUENCE (with its comment) or
 * DROP SEQUENCE; its OWNED BY. */
void sd_pg_emit_serial_sequence(pg_emit *e, const sd_sequence *q,
                                bool create);
void sd_pg_emit_sequence_owner(pg_emit *e, const sd_sequence *q);
/* COMMENT ON the schema-level object o (sequence, extension, collation,
 * domain, type, schema) IS text; false for other kinds (nothing
 * written). */
bool sd_pg_emit_object_comment(pg_emit *e, const sd_object *o,
                               const char *text);
/* An identity column's sequence named by default (from_t's from_c's)
 * renamed after the table or column (to_t's to_c's), as it would be
 * named had it been created so; nothing for a sequence named otherwise.
 * The models' plain autoincrement may be a serial or an identity, named
 * alike, or neither: IF EXISTS. */
void sd_pg_emit_identity_follow(pg_emit *e, const sd_table *from_t,
                                const sd_column *from_c, const sd_table *to_t,
                                const sd_column *to_c);
/* COMMENT ON the sequence of identity column c of t, when it has one. */
void sd_pg_emit_identity_comment(pg_emit *e, const sd_table *t,
                                 const sd_column *c);
/* " (SEQUENCE NAME x START WITH ...)" of an identity column, or nothing
 * when its options are the defaults. */
void sd_pg_emit_identity_options(pg_emit *e, const sd_column *c);
/* " SET INCREMENT BY ..." (ALTER COLUMN ... SET ...) for the options that
 * differ between two identity columns, and the ALTER SEQUENCE / COMMENT
 * statements for the sequence's name and comment. */
void sd_pg_emit_identity_changes(pg_emit *e, const sd_table *t,
                                 const sd_column *from,
                                 const sd_column *to);

/* pg_logic.c */
/*
 * The SQL expression that writes one row `a` of aclexplode() back as its
 * GRANT statement, for an object recreated that keeps the grants the
 * database has for it:
 *   format('GRANT %s[ (%I)] ON <on> %s TO %s%s', a.privilege_type, ...)
 * on: "TABLE" or "ROUTINE"; object: an SQL expression naming the object
 * (e.g. "c.oid::regclass", or a quoted literal); column: NULL for a
 * grant on the whole object, else the SQL expression naming the column
 * (e.g. "t.attname"). Written into out as it is (not a format string).
 */
void sd_pg_emit_acl_regrant(sd_buf *out, const char *a, const char *on,
                            const char *object, const char *column);

/* pg_stats.c */
/* CREATE_OBJECT, DROP_OBJECT and ALTER_OBJECT of extended statistics
 * (CREATE / DROP / ALTER STATISTICS, with the comment). */
int sd_pg_emit_statistics_op(pg_emit *e, const sd_op *op, sd_error *err);

/* pg_table.c */
/* ALTER_OBJECT of a table: SET LOGGED / UNLOGGED, SET / RESET (storage
 * parameters), REPLICA IDENTITY, CLUSTER ON, as op->changes says. */
/*
 * ALTER TYPE type<retype> (its ALTER ATTRIBUTE ... TYPE clauses), or, when
 * a table column uses the type, the type recreated as (<defs>) with those
 * columns converted (pg_recreate.c).
 */
void sd_pg_emit_convert_columns(pg_emit *e, const char *oldq,
                                const char *newq, const char *name,
                                bool via_text);
/* postgres.c: a DO block recreating a type under its columns, with the
 * checks and indexes that depend on it set aside (start) and put back
 * (end) */
void sd_pg_emit_type_block_start(pg_emit *e, const char *oldq);
void sd_pg_emit_type_block_end(pg_emit *e);
void sd_pg_emit_composite_retype(pg_emit *e, const sd_object *type,
                                 const char *retype, const char *defs);

/* REBUILD_TABLE: one step of a recreated table (diff/recreate.c). */
int sd_pg_emit_recreate(pg_emit *e, const sd_op *op, sd_error *err);

void sd_pg_emit_table_settings(pg_emit *e, const sd_op *op);
/* " WITH (...)" of CREATE TABLE, when t has storage parameters. */
void sd_pg_emit_create_settings(pg_emit *e, const sd_table *t);
/* SET STORAGE, SET COMPRESSION, SET STATISTICS where column from and to
 * differ (retyped: the type changed first, which resets the first two). */
void sd_pg_emit_column_settings(pg_emit *e, const sd_table *t,
                                const sd_column *from, const sd_column *to,
                                bool retyped);
/* SET STORAGE and SET STATISTICS of a column just created (its
 * COMPRESSION is part of its definition). */
void sd_pg_emit_new_column_settings(pg_emit *e, const sd_table *t,
                                    const sd_column *c);
struct sd_view;
/* ALTER_OBJECT of a materialized view: SET / RESET (storage parameters)
 * and its columns' settings, as op->changes says (SD_CHANGE_OPTIONS,
 * SD_CHANGE_STORAGE). */
void sd_pg_emit_view_settings(pg_emit *e, const sd_op *op);
/* The settings of a materialized view's columns, once it is created. */
void sd_pg_emit_view_created_settings(pg_emit *e, const struct sd_view *v);

#endif
