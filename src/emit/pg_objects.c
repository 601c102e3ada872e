/*
 * pg_objects.c - PostgreSQL statements for the schema-level objects
 * besides tables and enums (extensions, collations, sequences, domains,
 * composite and range types), identity columns' sequence options, and
 * partitions and INHERITS children being attached and detached.
 */
#include "emit/pg_emit.h"

#include <string.h>

static void ident(pg_emit *e, const char *name)
{
	sd_pg_emit_ident(e, name);
}

static void qname(pg_emit *e, const sd_object *o)
{
	sd_pg_emit_qname(e, o->schema, o->name);
}

static void literal(pg_emit *e, const char *s)
{
	sd_quote_literal_std(e->out, s);
}

/* ------------------------------------------------------------------ */
/* Sequence options                                                    */
/* ------------------------------------------------------------------ */

/*
 * The options of o (effective, for deftype) as CREATE SEQUENCE, ALTER
 * SEQUENCE and identity options write them: each with `prefix` before it
 * ("" or "SET "), separated by `sep`, only where they differ from `than`
 * (NULL: all of them, the defaults left out). with_type: AS type.
 */
static void seqopts_sql(pg_emit *e, const sd_seqopts *o,
                        const sd_seqopts *than, sd_type_kind deftype,
                        bool with_type, const char *prefix, const char *sep)
{
	sd_seqopts x, y, d;
	sd_seqopts given = {0};
	const char *s = "";

	sd_seqopts_effective(o, deftype, &x);
	if (than)
		sd_seqopts_effective(than, deftype, &y);
	given.type = x.type;
	given.increment = x.increment;
	given.set = SD_SEQ_TYPE | SD_SEQ_INCREMENT;
	sd_seqopts_effective(&given, deftype, &d);
#define DIFFERS(m) (than ? x.m != y.m : x.m != d.m)
#define NEXT() (put(e, s), put(e, prefix), s = sep)
	if (with_type && (than ? x.type != y.type : true)) {
		sd_type t = {.kind = x.type, .length = -1, .precision = -1,
		             .scale = -1};
		NEXT();
		put(e, "AS ");
		sd_pg_emit_type(e, &t);
	}
	if (than ? x.increment != y.increment : x.increment != 1) {
		NEXT();
		sd_buf_printf(e->out, "INCREMENT BY %lld",
		              (long long)x.increment);
	}
	if (DIFFERS(min) || (than && x.type != y.type)) {
		NEXT();
		if (x.min == d.min)
			put(e, "NO MINVALUE");
		else
			sd_buf_printf(e->out, "MINVALUE %lld", (long long)x.min);
	}
	if (DIFFERS(max) || (than && x.type != y.type)) {
		NEXT();
		if (x.max == d.max)
			put(e, "NO MAXVALUE");
		else
			sd_buf_printf(e->out, "MAXVALUE %lld", (long long)x.max);
	}
	if (DIFFERS(start)) {
		NEXT();
		sd_buf_printf(e->out, "START WITH %lld", (long long)x.start);
	}
	if (DIFFERS(cache)) {
		NEXT();
		sd_buf_printf(e->out, "CACHE %lld", (long long)x.cache);
	}
	if (DIFFERS(cycle)) {
		NEXT();
		put(e, x.cycle ? "CYCLE" : "NO CYCLE");
	}
#undef DIFFERS
#undef NEXT
}

/*
 * PostgreSQL checks a sequence's current value against new bounds, and
 * a sequence never used holds its old START there: narrowing MINVALUE /
 * MAXVALUE past it is refused ("RESTART value (-200) cannot be less than
 * MINVALUE (-100)") unless the statement restarts it. The statement
 * written at [mark, end) of the output is made into a DO block that
 * adds RESTART (to the new START) only when the sequence `seq` has
 * never been used and its value is outside the new bounds; a sequence
 * in use keeps its value (and PostgreSQL's refusal if it is out of
 * them). Nothing changes when the old START is within the new bounds.
 */
static void restart_unused(pg_emit *e, size_t mark, const char *schema,
                           const char *seq, const sd_seqopts *o,
                           const sd_seqopts *than, sd_type_kind deftype,
                           const char *restart)
{
	sd_seqopts x, y;
	sd_buf stmt = SD_BUF_INIT;
	size_t n;

	sd_seqopts_effective(o, deftype, &x);
	sd_seqopts_effective(than, deftype, &y);
	if (y.start >= x.min && y.start <= x.max)
		return;
	n = e->out->len - mark;
	while (n && (e->out->data[mark + n - 1] == '\n' ||
	             e->out->data[mark + n - 1] == ';'))
		n--;
	sd_buf_putn(&stmt, e->out->data + mark, n);
	sd_buf_truncate(e->out, mark);
	put(e, "DO $schemadiff$\nBEGIN\nIF (SELECT NOT is_called AND (last_value < ");
	sd_buf_printf(e->out, "%lld OR last_value > %lld) FROM ",
	              (long long)x.min, (long long)x.max);
	sd_pg_emit_qname(e, schema, seq);
	put(e, ") THEN\n    ");
	put(e, sd_buf_cstr(&stmt));
	put(e, restart);
	put(e, ";\nELSE\n    ");
	put(e, sd_buf_cstr(&stmt));
	put(e, ";\nEND IF;\nEND\n$schemadiff$;\n");
	sd_buf_free(&stmt);
}

/* The name of an identity column's sequence. */
static const char *identity_sequence_name(sd_buf *tmp, const sd_table *t,
                                          const sd_column *c)
{
	if (sd_column_x(c)->identity_options && sd_column_x(c)->identity_options->sequence)
		return sd_column_x(c)->identity_options->sequence;
	sd_buf_truncate(tmp, 0);
	sd_name_implicit_put(tmp, t->base.name, c->base.name, "seq");
	return sd_buf_cstr(tmp);
}

static void rename_sequence(pg_emit *e, const char *schema, const char *from,
                            const char *to, bool if_exists)
{
	if (sd_streq(from, to))
		return;
	put(e, if_exists ? "ALTER SEQUENCE IF EXISTS " : "ALTER SEQUENCE ");
	sd_pg_emit_qname(e, schema, from);
	put(e, " RENAME TO ");
	ident(e, to);
	put(e, ";\n");
}

static void sequence_comment(pg_emit *e, const char *schema,
                             const char *name, const char *text)
{
	put(e, "COMMENT ON SEQUENCE ");
	sd_pg_emit_qname(e, schema, name);
	sd_pg_emit_comment_is(e, text);
}

void sd_pg_emit_identity_comment(pg_emit *e, const sd_table *t,
                                 const sd_column *c)
{
	sd_buf tmp = SD_BUF_INIT;

	if (c->identity == SD_IDENTITY_NONE || !sd_column_x(c)->identity_options ||
	    !sd_column_x(c)->identity_options->comment)
		return;
	sequence_comment(e, t->base.schema,
	                 identity_sequence_name(&tmp, t, c),
	                 sd_column_x(c)->identity_options->comment);
	sd_buf_free(&tmp);
}

void sd_pg_emit_identity_follow(pg_emit *e, const sd_table *from_t,
                                const sd_column *from_c, const sd_table *to_t,
                                const sd_column *to_c)
{
	sd_buf on = SD_BUF_INIT, nn = SD_BUF_INIT;

	bool implicit = from_c->identity == SD_IDENTITY_NONE &&
	                from_c->autoincrement && !sd_column_x(from_c)->sequence &&
	                !from_c->default_value.sql;

	if ((from_c->identity == SD_IDENTITY_NONE && !implicit) ||
	    (sd_column_x(from_c)->identity_options && sd_column_x(from_c)->identity_options->sequence))
		return;
	rename_sequence(e, to_t->base.schema,
	                identity_sequence_name(&on, from_t, from_c),
	                identity_sequence_name(&nn, to_t, to_c), implicit);
	sd_buf_free(&on);
	sd_buf_free(&nn);
}

void sd_pg_emit_identity_options(pg_emit *e, const sd_column *c)
{
	const sd_identity_options *io = sd_column_x(c)->identity_options;
	size_t mark;

	if (!io)
		return;
	put(e, " (");
	mark = e->out->len;
	if (io->sequence) {
		put(e, "SEQUENCE NAME ");
		sd_pg_emit_qname(e, c->base.schema, io->sequence);
	}
	seqopts_sql(e, &io->opts, NULL, c->type.kind, false,
	            e->out->len > mark ? " " : "", " ");
	if (e->out->len == mark)
		sd_buf_truncate(e->out, mark - 2);
	else
		put(e, ")");
}

void sd_pg_emit_identity_changes(pg_emit *e, const sd_table *t,
                                 const sd_column *from, const sd_column *to)
{
	static const sd_identity_options none;
	const sd_identity_options *a = sd_column_x(from)->identity_options ? sd_column_x(from)->identity_options
	                                                      : &none;
	const sd_identity_options *b = sd_column_x(to)->identity_options ? sd_column_x(to)->identity_options
	                                                    : &none;
	sd_buf on = SD_BUF_INIT, nn = SD_BUF_INIT;
	const char *oname = identity_sequence_name(&on, t, from);
	const char *nname = identity_sequence_name(&nn, t, to);

	if (!sd_seqopts_equal(&a->opts, &b->opts, to->type.kind)) {
		size_t mark = e->out->len;
		put(e, "ALTER TABLE ");
		sd_pg_emit_qname(e, t->base.schema, t->base.name);
		put(e, " ALTER COLUMN ");
		ident(e, to->base.name);
		put(e, " ");
		seqopts_sql(e, &b->opts, &a->opts, to->type.kind, false,
		            "SET ", " ");
		put(e, ";\n");
		restart_unused(e, mark, t->base.schema, oname, &b->opts,
		               &a->opts, to->type.kind, " RESTART");
	}
	rename_sequence(e, t->base.schema, oname, nname, false);
	if (!sd_streq(a->comment, b->comment))
		sequence_comment(e, t->base.schema, nname, b->comment);
	sd_buf_free(&on);
	sd_buf_free(&nn);
}

/* ------------------------------------------------------------------ */
/* Comments                                                            */
/* ------------------------------------------------------------------ */

bool sd_pg_emit_object_comment(pg_emit *e, const sd_object *o,
                               const char *text)
{
	const char *what;

	switch (o->kind) {
	case SD_OBJ_SEQUENCE: what = "SEQUENCE"; break;
	case SD_OBJ_COLLATION: what = "COLLATION"; break;
	case SD_OBJ_DOMAIN: what = "DOMAIN"; break;
	case SD_OBJ_COMPOSITE:
	case SD_OBJ_RANGE: what = "TYPE"; break;
	case SD_OBJ_STATISTICS: what = "STATISTICS"; break;
	case SD_OBJ_NAMESPACE:
		put(e, "COMMENT ON SCHEMA ");
		ident(e, o->name);
		sd_pg_emit_comment_is(e, text);
		return true;
	case SD_OBJ_EXTENSION:
		if (!text) {
			/* back to the extension's own comment */
			sd_buf q = SD_BUF_INIT;
			sd_quote_ident_std(&q, o->name);
			put(e, "DO $schemadiff$ BEGIN EXECUTE format('COMMENT ON "
			       "EXTENSION %s IS %L', ");
			literal(e, sd_buf_cstr(&q));
			put(e, ", (SELECT comment FROM pg_available_extensions "
			       "WHERE name = ");
			literal(e, o->name);
			put(e, ")); END $schemadiff$;\n");
			sd_buf_free(&q);
			return true;
		}
		put(e, "COMMENT ON EXTENSION ");
		ident(e, o->name);
		sd_pg_emit_comment_is(e, text);
		return true;
	default:
		return false;
	}
	sd_buf_printf(e->out, "COMMENT ON %s ", what);
	qname(e, o);
	sd_pg_emit_comment_is(e, text);
	return true;
}

/* COMMENT ON CONSTRAINT "c" ON DOMAIN d IS text. */
static void domain_check_comment(pg_emit *e, const sd_domain *d,
                                 const sd_check *ck, const char *text)
{
	put(e, "COMMENT ON CONSTRAINT ");
	ident(e, ck->base.name);
	put(e, " ON DOMAIN ");
	qname(e, &d->base);
	sd_pg_emit_comment_is(e, text);
}

/* COMMENT ON COLUMN type.attribute IS text. */
static void attribute_comment(pg_emit *e, const sd_composite *t,
                              const sd_column *a, const char *text)
{
	put(e, "COMMENT ON COLUMN ");
	qname(e, &t->base);
	put(e, ".");
	ident(e, a->base.name);
	sd_pg_emit_comment_is(e, text);
}

/* ------------------------------------------------------------------ */
/* CREATE and DROP                                                     */
/* ------------------------------------------------------------------ */

static void create_extension(pg_emit *e, const sd_extension *x)
{
	put(e, "CREATE EXTENSION ");
	ident(e, x->base.name);
	if (x->base.schema) {
		put(e, " WITH SCHEMA ");
		ident(e, x->base.schema);
	}
	if (x->version) {
		put(e, " VERSION ");
		literal(e, x->version);
	}
	put(e, ";\n");
}

static void create_collation(pg_emit *e, const sd_collation *c)
{
	put(e, "CREATE COLLATION ");
	qname(e, &c->base);
	put(e, c->provider ? " (provider = icu" : " (provider = libc");
	if (c->locale) {
		put(e, ", locale = ");
		literal(e, c->locale);
	} else {
		put(e, ", lc_collate = ");
		literal(e, c->lc_collate ? c->lc_collate : "");
		put(e, ", lc_ctype = ");
		literal(e, c->lc_ctype ? c->lc_ctype : "");
	}
	if (c->nondeterministic)
		put(e, ", deterministic = false");
	put(e, ");\n");
}

static void create_sequence(pg_emit *e, const sd_sequence *q)
{
	size_t mark;

	put(e, q->unlogged ? "CREATE UNLOGGED SEQUENCE " : "CREATE SEQUENCE ");
	qname(e, &q->base);
	put(e, " ");
	mark = e->out->len;
	seqopts_sql(e, &q->opts, NULL, SD_T_BIGINT, true, "", " ");
	if (e->out->len == mark)
		sd_buf_truncate(e->out, mark - 1);
	put(e, ";\n");
}

static void check_clause(pg_emit *e, const sd_check *ck)
{
	put(e, "CONSTRAINT ");
	ident(e, ck->base.name);
	put(e, " CHECK (");
	sd_pg_put_expr(e->out, ck->expression.sql ? ck->expression.sql : "");
	put(e, ")");
}

/* ALTER DOMAIN d ADD CONSTRAINT ... [NOT VALID]; with its comment. */
static void add_domain_check(pg_emit *e, const sd_domain *d,
                             const sd_check *ck)
{
	put(e, "ALTER DOMAIN ");
	qname(e, &d->base);
	put(e, " ADD ");
	check_clause(e, ck);
	put(e, ck->not_valid ? " NOT VALID;\n" : ";\n");
	if (ck->comment)
		domain_check_comment(e, d, ck, ck->comment);
}

static void create_domain(pg_emit *e, const sd_domain *d)
{
	size_t i;

	put(e, "CREATE DOMAIN ");
	qname(e, &d->base);
	put(e, " AS ");
	sd_pg_emit_type(e, &d->type);
	if (d->collation) {
		put(e, " COLLATE ");
		ident(e, d->collation);
	}
	if (d->default_value.sql)
		sd_buf_printf(e->out, " DEFAULT %s", d->default_value.sql);
	if (d->not_null)
		put(e, " NOT NULL");
	for (i = 0; i < d->nchecks; i++) {
		if (d->checks[i]->not_valid)
			continue;
		put(e, " ");
		check_clause(e, d->checks[i]);
	}
	put(e, ";\n");
	for (i = 0; i < d->nchecks; i++) {
		if (d->checks[i]->not_valid)
			add_domain_check(e, d, d->checks[i]);
		else if (d->checks[i]->comment)
			domain_check_comment(e, d, d->checks[i],
			                     d->checks[i]->comment);
	}
}

static void attribute_def(pg_emit *e, const sd_column *a)
{
	ident(e, a->base.name);
	put(e, " ");
	sd_pg_emit_type(e, &a->type);
	if (sd_column_x(a)->collation) {
		put(e, " COLLATE ");
		ident(e, sd_column_x(a)->collation);
	}
}

static void create_composite(pg_emit *e, const sd_composite *t)
{
	size_t i;

	put(e, "CREATE TYPE ");
	qname(e, &t->base);
	put(e, " AS (");
	for (i = 0; i < t->nattributes; i++) {
		put(e, i ? ", " : "");
		attribute_def(e, t->attributes[i]);
	}
	put(e, ");\n");
	for (i = 0; i < t->nattributes; i++)
		if (sd_column_x(t->attributes[i])->comment)
			attribute_comment(e, t, t->attributes[i],
			                  sd_column_x(t->attributes[i])->comment);
}

static void create_range(pg_emit *e, const sd_range *r)
{
	put(e, "CREATE TYPE ");
	qname(e, &r->base);
	put(e, " AS RANGE (SUBTYPE = ");
	sd_pg_emit_type(e, &r->subtype);
	if (r->subtype_opclass)
		sd_buf_printf(e->out, ", SUBTYPE_OPCLASS = %s",
		              r->subtype_opclass);
	if (r->collation) {
		put(e, ", COLLATION = ");
		ident(e, r->collation);
	}
	if (r->canonical)
		sd_buf_printf(e->out, ", CANONICAL = %s", r->canonical);
	if (r->subtype_diff)
		sd_buf_printf(e->out, ", SUBTYPE_DIFF = %s", r->subtype_diff);
	if (r->multirange) {
		put(e, ", MULTIRANGE_TYPE_NAME = ");
		sd_pg_emit_qname(e, r->base.schema, r->multirange);
	}
	put(e, ");\n");
}

static int create_object(pg_emit *e, const sd_object *o, sd_error *err)
{
	switch (o->kind) {
	case SD_OBJ_EXTENSION: create_extension(e, (const sd_extension *)o); break;
	case SD_OBJ_COLLATION: create_collation(e, (const sd_collation *)o); break;
	case SD_OBJ_SEQUENCE: create_sequence(e, (const sd_sequence *)o); break;
	case SD_OBJ_DOMAIN: create_domain(e, (const sd_domain *)o); break;
	case SD_OBJ_COMPOSITE: create_composite(e, (const sd_composite *)o); break;
	case SD_OBJ_RANGE: create_range(e, (const sd_range *)o); break;
	default:
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: no CREATE for object kind %d",
		                    (int)o->kind);
	}
	if (sd_object_comment(o))
		sd_pg_emit_object_comment(e, o, sd_object_comment(o));
	return SD_OK;
}

static int drop_object(pg_emit *e, const sd_object *o, sd_error *err)
{
	switch (o->kind) {
	case SD_OBJ_EXTENSION:
		put(e, "DROP EXTENSION ");
		ident(e, o->name);
		put(e, ";\n");
		return SD_OK;
	case SD_OBJ_COLLATION: put(e, "DROP COLLATION "); break;
	case SD_OBJ_SEQUENCE: put(e, "DROP SEQUENCE "); break;
	case SD_OBJ_DOMAIN: put(e, "DROP DOMAIN "); break;
	case SD_OBJ_COMPOSITE:
	case SD_OBJ_RANGE: put(e, "DROP TYPE "); break;
	default:
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: no DROP for object kind %d",
		                    (int)o->kind);
	}
	qname(e, o);
	put(e, ";\n");
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* ALTER                                                               */
/* ------------------------------------------------------------------ */

/*
 * An extension's version as far as an update path leads. Going back to
 * an older version has no path as a rule (its objects would have to go):
 * when nothing outside the extension uses any of its objects (a column
 * of its type or an array of it, an index on its operator class, a view
 * or a function calling its functions, another extension requiring it),
 * it is dropped and created again at that version in its schema, with
 * the comment it had; else it stays where it is, with a warning.
 */
static void update_extension(pg_emit *e, const sd_extension *x)
{
	sd_buf q = SD_BUF_INIT;

	sd_quote_ident_std(&q, x->base.name);
	put(e, "DO $schemadiff$\n"
	       "DECLARE\n"
	       "    x oid;\n"
	       "    nsp text;\n"
	       "    note text;\n"
	       "BEGIN\n"
	       "    SELECT e.oid, n.nspname, obj_description(e.oid, 'pg_extension') INTO x, nsp, note\n"
	       "    FROM pg_extension e\n"
	       "    JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ");
	literal(e, x->base.name);
	put(e, ";\n"
	       "    IF EXISTS (SELECT 1 FROM pg_extension_update_paths(");
	literal(e, x->base.name);
	put(e, ") p JOIN pg_extension x ON x.extname = ");
	literal(e, x->base.name);
	put(e, "\n        AND p.source = x.extversion WHERE p.target = ");
	literal(e, x->version);
	put(e, " AND p.path IS NOT NULL) THEN\n"
	       "        EXECUTE format('ALTER EXTENSION %s UPDATE TO %L', ");
	literal(e, sd_buf_cstr(&q));
	put(e, ", ");
	literal(e, x->version);
	put(e, ");\n"
	       "    ELSIF EXISTS (SELECT 1 FROM pg_available_extension_versions\n"
	       "                  WHERE name = ");
	literal(e, x->base.name);
	put(e, " AND version = ");
	literal(e, x->version);
	put(e, ")\n"
	       "          AND NOT EXISTS (\n"
	       "              -- the extension's objects, with the array types of its types\n"
	       "              WITH mem AS (SELECT m.classid, m.objid FROM pg_depend m\n"
	       "                           WHERE m.refclassid = 'pg_extension'::regclass AND m.refobjid = x\n"
	       "                             AND m.deptype = 'e'\n"
	       "                           UNION\n"
	       "                           SELECT 'pg_type'::regclass, t.typarray FROM pg_depend m\n"
	       "                           JOIN pg_type t ON t.oid = m.objid\n"
	       "                           WHERE m.classid = 'pg_type'::regclass AND t.typarray <> 0\n"
	       "                             AND m.refclassid = 'pg_extension'::regclass AND m.refobjid = x\n"
	       "                             AND m.deptype = 'e')\n"
	       "              -- what uses one of them and is not part of one of them\n"
	       "              SELECT 1 FROM pg_depend d JOIN mem ON d.refclassid = mem.classid\n"
	       "                                                AND d.refobjid = mem.objid\n"
	       "              WHERE d.deptype = 'n'\n"
	       "                AND (d.classid, d.objid) NOT IN (SELECT classid, objid FROM mem)\n"
	       "                AND NOT EXISTS (SELECT 1 FROM pg_depend o JOIN mem w\n"
	       "                                  ON o.refclassid = w.classid AND o.refobjid = w.objid\n"
	       "                                WHERE o.classid = d.classid AND o.objid = d.objid\n"
	       "                                  AND o.deptype IN ('i', 'a'))\n"
	       "              UNION ALL\n"
	       "              SELECT 1 FROM pg_depend d\n"
	       "              WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = x\n"
	       "                AND d.deptype = 'n') THEN\n"
	       "        -- no update path back to that version and nothing else uses\n"
	       "        -- the extension: it is created again at that version\n"
	       "        EXECUTE format('DROP EXTENSION %s', ");
	literal(e, sd_buf_cstr(&q));
	put(e, ");\n"
	       "        EXECUTE format('CREATE EXTENSION %s VERSION %L SCHEMA %I', ");
	literal(e, sd_buf_cstr(&q));
	put(e, ", ");
	literal(e, x->version);
	put(e, ", nsp);\n"
	       "        -- a comment of its own, not the one the new version gives it\n"
	       "        IF note IS DISTINCT FROM (SELECT obj_description(oid, 'pg_extension') FROM pg_extension\n"
	       "                                  WHERE extname = ");
	literal(e, x->base.name);
	put(e, ") THEN\n"
	       "            EXECUTE format('COMMENT ON EXTENSION %s IS %L', ");
	literal(e, sd_buf_cstr(&q));
	put(e, ", note);\n"
	       "        END IF;\n"
	       "    ELSE\n"
	       "        RAISE WARNING 'extension %: no update path to version %"
	       " (and objects outside it use it, or the version is not available)', ");
	literal(e, x->base.name);
	put(e, ", ");
	literal(e, x->version);
	put(e, ";\n    END IF;\nEND $schemadiff$;\n");
	sd_buf_free(&q);
}

static void alter_extension(pg_emit *e, const sd_op *op)
{
	const sd_extension *n = (const sd_extension *)op->obj_new;

	if (op->changes & SD_CHANGE_SCHEMA) {
		put(e, "ALTER EXTENSION ");
		ident(e, n->base.name);
		put(e, " SET SCHEMA ");
		ident(e, n->base.schema ? n->base.schema
		                        : sd_namespace_default());
		put(e, ";\n");
	}
	if ((op->changes & SD_CHANGE_VERSION) && n->version)
		update_extension(e, n);
}

static void alter_sequence(pg_emit *e, const sd_op *op)
{
	const sd_sequence *o = (const sd_sequence *)op->obj_old;
	const sd_sequence *n = (const sd_sequence *)op->obj_new;

	if (op->changes & SD_CHANGE_OPTIONS) {
		size_t mark = e->out->len;
		put(e, "ALTER SEQUENCE ");
		qname(e, &n->base);
		put(e, " ");
		seqopts_sql(e, &n->opts, &o->opts, SD_T_BIGINT, true, "", " ");
		put(e, ";\n");
		restart_unused(e, mark, n->base.schema, n->base.name, &n->opts,
		               &o->opts, SD_T_BIGINT, " RESTART");
	}
	if (op->changes & SD_CHANGE_PERSISTENCE) {
		put(e, "ALTER SEQUENCE ");
		qname(e, &n->base);
		put(e, n->unlogged ? " SET UNLOGGED;\n" : " SET LOGGED;\n");
	}
	if (op->changes & SD_CHANGE_OWNER)
		sd_pg_emit_sequence_owner(e, n);
}

static const sd_check *find_check(const sd_domain *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nchecks; i++)
		if (sd_streq(d->checks[i]->base.name, name))
			return d->checks[i];
	return NULL;
}

/* What the checks of o become in n: drops, adds, validations and
 * comments; a check made NOT VALID again is dropped and added. */
static void alter_domain_checks(pg_emit *e, const sd_domain *o,
                                const sd_domain *n)
{
	size_t i;

	for (i = 0; i < o->nchecks; i++) {
		const sd_check *a = o->checks[i];
		const sd_check *b = find_check(n, a->base.name);
		if (b && sd_streq(a->expression.canon ? a->expression.canon
		                                      : a->expression.sql,
		                  b->expression.canon ? b->expression.canon
		                                      : b->expression.sql) &&
		    (a->not_valid == b->not_valid || !b->not_valid))
			continue;
		put(e, "ALTER DOMAIN ");
		qname(e, &o->base);
		put(e, " DROP CONSTRAINT ");
		ident(e, a->base.name);
		put(e, ";\n");
	}
	for (i = 0; i < n->nchecks; i++) {
		const sd_check *b = n->checks[i];
		const sd_check *a = find_check(o, b->base.name);
		bool same = a && sd_streq(a->expression.canon
		                              ? a->expression.canon
		                              : a->expression.sql,
		                          b->expression.canon
		                              ? b->expression.canon
		                              : b->expression.sql);
		if (!same || (a->not_valid != b->not_valid && b->not_valid)) {
			add_domain_check(e, n, b);
			continue;
		}
		if (a->not_valid && !b->not_valid) {
			put(e, "ALTER DOMAIN ");
			qname(e, &n->base);
			put(e, " VALIDATE CONSTRAINT ");
			ident(e, b->base.name);
			put(e, ";\n");
		}
		if (!sd_streq(a->comment, b->comment))
			domain_check_comment(e, n, b, b->comment);
	}
}

static void alter_domain(pg_emit *e, const sd_op *op)
{
	const sd_domain *o = (const sd_domain *)op->obj_old;
	const sd_domain *n = (const sd_domain *)op->obj_new;

	if (op->changes & SD_CHANGE_DEFAULT) {
		put(e, "ALTER DOMAIN ");
		qname(e, &n->base);
		if (n->default_value.sql)
			sd_buf_printf(e->out, " SET DEFAULT %s;\n",
			              n->default_value.sql);
		else
			put(e, " DROP DEFAULT;\n");
	}
	if (op->changes & SD_CHANGE_NULLABLE) {
		put(e, "ALTER DOMAIN ");
		qname(e, &n->base);
		put(e, n->not_null ? " SET NOT NULL;\n" : " DROP NOT NULL;\n");
	}
	if (op->changes & SD_CHANGE_CHECKS)
		alter_domain_checks(e, o, n);
}

static const sd_column *find_attribute(const sd_composite *t,
                                       const char *name)
{
	size_t i;

	for (i = 0; i < t->nattributes; i++)
		if (sd_streq(t->attributes[i]->base.name, name))
			return t->attributes[i];
	return NULL;
}

/* One ALTER TYPE with every attribute dropped and added, then (see
 * sd_pg_emit_composite_retype) the retyped ones, then the attributes'
 * comments. */
static void alter_composite(pg_emit *e, const sd_op *op)
{
	const sd_composite *o = (const sd_composite *)op->obj_old;
	const sd_composite *n = (const sd_composite *)op->obj_new;
	const char *sep = " ", *rsep = " ";
	sd_buf acts = SD_BUF_INIT, retype = SD_BUF_INIT, defs = SD_BUF_INIT;
	sd_buf *out = e->out;
	size_t i;
	bool retyped;

	e->out = &acts;
	for (i = 0; i < o->nattributes; i++) {
		const sd_column *b = find_attribute(n, o->attributes[i]->base.name);
		if (b && sd_streq(sd_column_x(b)->collation, sd_column_x(o->attributes[i])->collation))
			continue;
		put(e, sep);
		put(e, "DROP ATTRIBUTE ");
		ident(e, o->attributes[i]->base.name);
		put(e, " CASCADE");
		sep = ", ";
	}
	for (i = 0; i < n->nattributes; i++) {
		const sd_column *b = n->attributes[i];
		const sd_column *a = find_attribute(o, b->base.name);
		if (a && sd_streq(sd_column_x(a)->collation, sd_column_x(b)->collation)) {
			if (sd_type_equal(&a->type, &b->type))
				continue;
			e->out = &retype;
			put(e, rsep);
			put(e, "ALTER ATTRIBUTE ");
			ident(e, b->base.name);
			put(e, " TYPE ");
			sd_pg_emit_type(e, &b->type);
			put(e, " CASCADE"); /* to typed tables */
			e->out = &acts;
			rsep = ", ";
			continue;
		} else {
			put(e, sep);
			put(e, "ADD ATTRIBUTE ");
			attribute_def(e, b);
			put(e, " CASCADE");
		}
		sep = ", ";
	}
	e->out = out;
	if (acts.len) {
		put(e, "ALTER TYPE ");
		qname(e, &n->base);
		put(e, sd_buf_cstr(&acts));
		put(e, ";\n");
	}
	retyped = retype.len > 0;
	if (retyped) {
		e->out = &defs;
		for (i = 0; i < n->nattributes; i++) {
			put(e, i ? ", " : "");
			attribute_def(e, n->attributes[i]);
		}
		e->out = out;
		sd_pg_emit_composite_retype(e, &n->base, sd_buf_cstr(&retype),
		                            sd_buf_cstr(&defs));
	}
	sd_buf_free(&acts);
	sd_buf_free(&retype);
	sd_buf_free(&defs);
	/* a recreated type has lost its comments */
	if (n->comment && retyped)
		sd_pg_emit_object_comment(e, &n->base, n->comment);
	for (i = 0; i < n->nattributes; i++) {
		const sd_column *b = n->attributes[i];
		const sd_column *a = find_attribute(o, b->base.name);
		if (!sd_streq(a ? sd_column_x(a)->comment : NULL, sd_column_x(b)->comment) ||
		    (sd_column_x(b)->comment && retyped))
			attribute_comment(e, n, b, sd_column_x(b)->comment);
	}
}

/*
 * The domain `newq` (quoted, qualified) takes the owner and the grants
 * domain `oldq` has when this runs: the recreated domain keeps them,
 * whether the models manage privileges or not.
 */
static void domain_keep_acl(pg_emit *e, const char *oldq, const char *newq)
{
	sd_buf ol = SD_BUF_INIT, nl = SD_BUF_INIT;

	sd_quote_literal_std(&ol, oldq);
	sd_quote_literal_std(&nl, newq);
	put(e, "-- the owner and grants of the old domain, kept by the new one\n"
	       "DO $schemadiff$\n"
	       "DECLARE\n"
	       "    s text;\n"
	       "BEGIN\n"
	       "    FOR s IN SELECT ");
	sd_pg_emit_acl_regrant(e->out, "a", "DOMAIN", sd_buf_cstr(&nl), NULL);
	sd_buf_printf(e->out, "\n"
		"             FROM pg_type t, aclexplode(t.typacl) a\n"
		"             WHERE t.oid = %s::regtype AND a.grantee <> t.typowner\n"
		"             UNION ALL\n"
		"             SELECT format('REVOKE USAGE ON DOMAIN %%s FROM PUBLIC', %s) FROM pg_type t\n"
		"             WHERE t.oid = %s::regtype AND t.typacl IS NOT NULL\n"
		"               AND NOT EXISTS (SELECT 1 FROM aclexplode(t.typacl) y WHERE y.grantee = 0)\n"
		"             UNION ALL\n"
		"             SELECT format('ALTER DOMAIN %%s OWNER TO %%I', %s, pg_get_userbyid(t.typowner)) FROM pg_type t\n"
		"             WHERE t.oid = %s::regtype AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)\n"
		"    LOOP\n"
		"        EXECUTE s;\n"
		"    END LOOP;\n"
		"END\n"
		"$schemadiff$;\n",
		sd_buf_cstr(&ol), sd_buf_cstr(&nl), sd_buf_cstr(&ol),
		sd_buf_cstr(&nl), sd_buf_cstr(&ol));
	sd_buf_free(&ol);
	sd_buf_free(&nl);
}

/*
 * ALTER DOMAIN cannot change the base type or the collation: the new
 * domain is created under a temporary name, every column of the old one
 * (found in the catalog when this runs) converted to it by the cast from
 * the old base type to the new one, keeping its default and NOT NULL;
 * the old domain is dropped and the new one renamed (as an enum that
 * loses a value, postgres.c). The new domain takes the old one's owner
 * and grants before, and the comment of the models after.
 */
static void recreate_domain(pg_emit *e, const sd_domain *n)
{
	sd_domain tmp = *n;
	sd_buf name = SD_BUF_INIT, oldq = SD_BUF_INIT, newq = SD_BUF_INIT;
	sd_buf *out = e->out;

	sd_buf_printf(&name, "%s__sd_new", n->base.name);
	if (strlen(sd_buf_cstr(&name)) > 63 && !e->too_long)
		e->too_long = n->base.name;
	tmp.base.name = sd_buf_cstr(&name);
	e->out = &oldq;
	qname(e, &n->base);
	e->out = &newq;
	qname(e, &tmp.base);
	e->out = out;
	create_domain(e, &tmp);
	domain_keep_acl(e, sd_buf_cstr(&oldq), sd_buf_cstr(&newq));
	sd_pg_emit_type_block_start(e, sd_buf_cstr(&oldq));
	sd_pg_emit_convert_columns(e, sd_buf_cstr(&oldq), sd_buf_cstr(&newq),
	                           n->base.name, false);
	sd_pg_emit_type_block_end(e);
	if (n->comment)
		sd_pg_emit_object_comment(e, &n->base, n->comment);
	sd_buf_free(&name);
	sd_buf_free(&oldq);
	sd_buf_free(&newq);
}

static int alter_object(pg_emit *e, const sd_op *op, sd_error *err)
{
	const sd_object *n = op->obj_new;
	int rc;

	if ((op->changes & SD_CHANGE_REPLACE) && n->kind == SD_OBJ_DOMAIN) {
		recreate_domain(e, (const sd_domain *)n);
		return SD_OK;
	}
	if (op->changes & SD_CHANGE_REPLACE) {
		if ((rc = drop_object(e, op->obj_old, err)) != SD_OK)
			return rc;
		return create_object(e, n, err);
	}
	switch (n->kind) {
	case SD_OBJ_EXTENSION: alter_extension(e, op); break;
	case SD_OBJ_SEQUENCE: alter_sequence(e, op); break;
	case SD_OBJ_DOMAIN: alter_domain(e, op); break;
	case SD_OBJ_COMPOSITE: alter_composite(e, op); break;
	default:
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: no ALTER for object kind %d",
		                    (int)n->kind);
	}
	return SD_OK;
}

/* ------------------------------------------------------------------ */
/* Partitions and INHERITS                                             */
/* ------------------------------------------------------------------ */

/* Whether parent p gives its partitions indexes or constraints. */
static bool parent_hands_down(const sd_object *p)
{
	const sd_table *t = (const sd_table *)p;

	return p->kind == SD_OBJ_TABLE &&
	       (t->primary_key || t->nuniques || t->nchecks || t->nindexes ||
	        t->nforeign_keys);
}

/*
 * DETACH PARTITION leaves the partition its copies of the parent's
 * indexes and constraints, as its own: the models never had them (they
 * are the parent's), so they go with the detach. Their names are read
 * while the table is still a partition.
 */
static void detach_dropping_copies(pg_emit *e, const sd_table *t,
                                   const sd_object *p)
{
	sd_buf q = SD_BUF_INIT, lit = SD_BUF_INIT, *out = e->out;

	e->out = &q;
	sd_pg_emit_qname(e, t->base.schema, t->base.name);
	e->out = out;
	sd_quote_literal_std(&lit, sd_buf_cstr(&q));
	put(e, "DO $schemadiff$ DECLARE ixs text[]; cons text[]; x text; BEGIN\n");
	sd_buf_printf(e->out,
		"    SELECT array_agg(i.indexrelid::regclass::text) INTO ixs FROM pg_index i\n"
		"        JOIN pg_inherits h ON h.inhrelid = i.indexrelid WHERE i.indrelid = %s::regclass\n"
		"        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid\n"
		"        AND k.conrelid = i.indrelid);\n"
		"    SELECT array_agg(quote_ident(conname) ORDER BY contype <> 'f') INTO cons\n"
		"        FROM pg_constraint WHERE conrelid = %s::regclass\n"
		"        AND (conparentid <> 0 OR (contype = 'c' AND NOT conislocal));\n"
		"    ALTER TABLE ",
		sd_buf_cstr(&lit), sd_buf_cstr(&lit));
	qname(e, p);
	put(e, " DETACH PARTITION ");
	put(e, sd_buf_cstr(&q));
	sd_buf_printf(e->out,
		";\n"
		"    FOREACH x IN ARRAY coalesce(cons, '{}') LOOP\n"
		"        EXECUTE 'ALTER TABLE ' || %s || ' DROP CONSTRAINT ' || x;\n"
		"    END LOOP;\n"
		"    FOREACH x IN ARRAY coalesce(ixs, '{}') LOOP\n"
		"        EXECUTE 'DROP INDEX ' || x;\n"
		"    END LOOP;\n"
		"END $schemadiff$;\n",
		sd_buf_cstr(&lit));
	sd_buf_free(&q);
	sd_buf_free(&lit);
}

static void parent_statement(pg_emit *e, const sd_op *op)
{
	const sd_table *t = op->table;
	const sd_object *p = op->obj_new ? op->obj_new : op->obj_old;

	if (op->kind == SD_OP_DETACH_PARTITION && parent_hands_down(p)) {
		detach_dropping_copies(e, t, p);
		return;
	}
	put(e, "ALTER TABLE ");
	switch (op->kind) {
	case SD_OP_ATTACH_PARTITION:
		qname(e, p);
		put(e, " ATTACH PARTITION ");
		sd_pg_emit_qname(e, t->base.schema, t->base.name);
		sd_buf_printf(e->out, " %s;\n", t->partition_bound.sql
		                                    ? t->partition_bound.sql
		                                    : "DEFAULT");
		break;
	case SD_OP_DETACH_PARTITION:
		qname(e, p);
		put(e, " DETACH PARTITION ");
		sd_pg_emit_qname(e, t->base.schema, t->base.name);
		put(e, ";\n");
		break;
	default:
		sd_pg_emit_qname(e, t->base.schema, t->base.name);
		if (p->kind == SD_OBJ_COMPOSITE && op->kind == SD_OP_NO_INHERIT) {
			put(e, " NOT OF;\n"); /* a typed table's type */
			break;
		}
		put(e, p->kind == SD_OBJ_COMPOSITE ? " OF "
		       : op->kind == SD_OP_INHERIT ? " INHERIT "
		                                   : " NO INHERIT ");
		qname(e, p);
		put(e, ";\n");
		break;
	}
}

void sd_pg_emit_serial_sequence(pg_emit *e, const sd_sequence *q,
                                 bool create)
{
	if (create) {
		create_sequence(e, q);
		if (q->comment)
			sd_pg_emit_object_comment(e, &q->base, q->comment);
		return;
	}
	put(e, "DROP SEQUENCE ");
	qname(e, &q->base);
	put(e, ";\n");
}

void sd_pg_emit_sequence_owner(pg_emit *e, const sd_sequence *q)
{
	put(e, "ALTER SEQUENCE ");
	qname(e, &q->base);
	put(e, " OWNED BY ");
	if (q->owned_by_table) {
		sd_pg_emit_qname(e, q->base.schema, q->owned_by_table);
		put(e, ".");
		ident(e, q->owned_by_column);
	} else {
		put(e, "NONE");
	}
	put(e, ";\n");
}

int sd_pg_emit_object_op(pg_emit *e, const sd_op *op, sd_error *err)
{
	const sd_object *o = op->obj_new ? op->obj_new : op->obj_old;

	if (o && o->kind == SD_OBJ_STATISTICS)
		return sd_pg_emit_statistics_op(e, op, err);
	switch (op->kind) {
	case SD_OP_CREATE_OBJECT:
		return create_object(e, op->obj_new, err);
	case SD_OP_DROP_OBJECT:
		return drop_object(e, op->obj_old, err);
	case SD_OP_ALTER_OBJECT:
		return alter_object(e, op, err);
	case SD_OP_ATTACH_PARTITION:
	case SD_OP_DETACH_PARTITION:
	case SD_OP_INHERIT:
	case SD_OP_NO_INHERIT:
		parent_statement(e, op);
		return SD_OK;
	default:
		return sd_error_set(err, SD_EINPUT,
		                    "PostgreSQL: cannot emit operation %s",
		                    sd_op_kind_name(op->kind));
	}
}
