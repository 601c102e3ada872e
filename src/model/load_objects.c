/*
 * load_objects.c - the models' schemas, extensions, collations, sequences,
 * domains, composite and range types, identity options, and the columns
 * partitions and INHERITS children take from their parents (see
 * load_objects.h).
 */
#include "model/load_objects.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Fields                                                              */
/* ------------------------------------------------------------------ */

const sd_yfield sd_models_namespace_fields[] = {
	SD_YF_STR("name", m_namespace, name),
	SD_YF_STR_OPT("comment", m_namespace, comment), SD_YF_END};

const sd_yfield sd_models_extension_fields[] = {
	SD_YF_STR("name", m_extension, name),
	SD_YF_STR_OPT("schema", m_extension, schema),
	SD_YF_STR_OPT("version", m_extension, version),
	SD_YF_STR_OPT("comment", m_extension, comment), SD_YF_END};

const sd_yfield sd_models_collation_fields[] = {
	SD_YF_STR("name", m_collation, name),
	SD_YF_STR_OPT("schema", m_collation, schema),
	SD_YF_STR_OPT("provider", m_collation, provider),
	SD_YF_STR_OPT("locale", m_collation, locale),
	SD_YF_STR_OPT("lc_collate", m_collation, lc_collate),
	SD_YF_STR_OPT("lc_ctype", m_collation, lc_ctype),
	SD_YF_BOOL_OPT("deterministic", m_collation, deterministic),
	SD_YF_STR_OPT("comment", m_collation, comment), SD_YF_END};

#define SEQOPT_FIELDS                                                        \
	SD_YF_STR_OPT("start", m_seqopts, start),                            \
	SD_YF_STR_OPT("increment", m_seqopts, increment),                    \
	SD_YF_STR_OPT("min", m_seqopts, min),                                \
	SD_YF_STR_OPT("max", m_seqopts, max),                                \
	SD_YF_STR_OPT("cache", m_seqopts, cache),                            \
	SD_YF_BOOL_OPT("cycle", m_seqopts, cycle)

const sd_yfield sd_models_sequence_fields[] = {
	SD_YF_STR("name", m_seqopts, name),
	SD_YF_STR_OPT("schema", m_seqopts, schema),
	SD_YF_STR_OPT("type", m_seqopts, type), SEQOPT_FIELDS,
	SD_YF_STR_OPT("owned_by", m_seqopts, owned_by),
	SD_YF_BOOL_OPT("unlogged", m_seqopts, unlogged),
	SD_YF_STR_OPT("comment", m_seqopts, comment), SD_YF_END};

const sd_yfield sd_models_identity_fields[] = {
	SD_YF_STR_OPT("sequence_name", m_seqopts, name), SEQOPT_FIELDS,
	SD_YF_STR_OPT("comment", m_seqopts, comment), SD_YF_END};

const sd_yfield sd_models_domain_check_fields[] = {
	SD_YF_STR("name", m_domain_check, name),
	SD_YF_STR("expression", m_domain_check, expression),
	SD_YF_BOOL_OPT("not_valid", m_domain_check, not_valid),
	SD_YF_STR_OPT("comment", m_domain_check, comment), SD_YF_END};

const sd_yfield sd_models_domain_fields[] = {
	SD_YF_STR("name", m_domain, name),
	SD_YF_STR_OPT("schema", m_domain, schema),
	SD_YF_STR("type", m_domain, type),
	SD_YF_STR_OPT("default", m_domain, default_),
	SD_YF_BOOL_OPT("nullable", m_domain, nullable),
	SD_YF_STR_OPT("collation", m_domain, collation),
	SD_YF_LIST_OPT("checks", m_domain, checks, m_domain_check,
	               sd_models_domain_check_fields),
	SD_YF_STR_OPT("comment", m_domain, comment), SD_YF_END};

const sd_yfield sd_models_attribute_fields[] = {
	SD_YF_STR("name", m_attribute, name),
	SD_YF_STR("type", m_attribute, type),
	SD_YF_STR_OPT("collation", m_attribute, collation),
	SD_YF_STR_OPT("comment", m_attribute, comment), SD_YF_END};

const sd_yfield sd_models_composite_fields[] = {
	SD_YF_STR("name", m_composite, name),
	SD_YF_STR_OPT("schema", m_composite, schema),
	SD_YF_LIST_OPT("attributes", m_composite, attributes, m_attribute,
	               sd_models_attribute_fields),
	SD_YF_STR_OPT("comment", m_composite, comment), SD_YF_END};

const sd_yfield sd_models_range_fields[] = {
	SD_YF_STR("name", m_range, name),
	SD_YF_STR_OPT("schema", m_range, schema),
	SD_YF_STR("subtype", m_range, subtype),
	SD_YF_STR_OPT("subtype_opclass", m_range, subtype_opclass),
	SD_YF_STR_OPT("collation", m_range, collation),
	SD_YF_STR_OPT("canonical", m_range, canonical),
	SD_YF_STR_OPT("subtype_diff", m_range, subtype_diff),
	SD_YF_STR_OPT("multirange", m_range, multirange),
	SD_YF_STR_OPT("comment", m_range, comment), SD_YF_END};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static void oerr(sd_lobj *L, const char *path, const char *object,
                 const char *fmt, ...) SD_PRINTF(4, 5);

/* An error at the line of path (or its nearest ancestor) of L->doc. */
static void oerr(sd_lobj *L, const char *path, const char *object,
                 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sd_error_vadd(L->err, SD_EINPUT, L->doc->path,
	              sd_ydoc_line(L->doc, path), 0, object, fmt, ap);
	va_end(ap);
}

static const char *dup(sd_lobj *L, const char *s)
{
	return sd_arena_strdup(L->s->arena, s);
}

/* A name the models may give (non-empty, at most 63 bytes); else an
 * error. */
static bool name_ok(sd_lobj *L, const char *path, const char *what,
                    const char *name)
{
	if (!name || !*name) {
		oerr(L, path, NULL, "empty %s name", what);
		return false;
	}
	if (strlen(name) > SD_MAX_IDENT) {
		oerr(L, path, name, "%s name '%s' is longer than %d bytes", what,
		     name, SD_MAX_IDENT);
		return false;
	}
	return true;
}

/*
 * Checks the name of a new object of a kind (what) against the objects
 * of that kind already lowered (same schema and name: a duplicate), and
 * gives it a namespace. Returns the schema key (NULL = default) through
 * *schema, or false after an error.
 */
static bool object_name(sd_lobj *L, const char *path, const char *what,
                        const char *name, const char *schema_text,
                        const sd_object *const *have, size_t nhave,
                        const char **schema)
{
	size_t i;

	if (!name_ok(L, path, what, name))
		return false;
	if (schema_text && !name_ok(L, path, "schema", schema_text))
		return false;
	*schema = sd_namespace_key(schema_text);
	for (i = 0; i < nhave; i++) {
		if (sd_streq(have[i]->schema, *schema) &&
		    sd_streq(have[i]->name, name)) {
			const char *q = sd_qualified_name(L->tmp, *schema, name);
			oerr(L, path, q, "duplicate %s '%s'", what, q);
			if (have[i]->loc.path)
				sd_error_hint(L->err, "first declared at %s:%d",
				              have[i]->loc.path,
				              have[i]->loc.line);
			return false;
		}
	}
	if (*schema)
		sd_schema_add_namespace(L->s, *schema);
	return true;
}

static void located(sd_lobj *L, sd_object *o, const char *path)
{
	o->loc.path = L->doc->path;
	o->loc.line = sd_ydoc_line(L->doc, path);
}

/* A type of the models ("integer", "varchar(10)", "enum(x)"); on error
 * reported, a RAW type of the text. */
static sd_type parse_type(sd_lobj *L, const char *text, const char *path,
                          const char *object)
{
	const char *why, *suggest;
	sd_type t;

	if (sd_type_parse(L->s->arena, text, &t, &why, &suggest) != SD_OK) {
		oerr(L, path, object, "bad type '%s': %s", text, why);
		if (suggest)
			sd_error_hint(L->err, "did you mean '%s'?", suggest);
		memset(&t, 0, sizeof(t));
		t.kind = SD_T_RAW;
		t.name = dup(L, text);
		t.length = t.precision = t.scale = -1;
	}
	return t;
}

/* Parses a whole decimal integer; false after an error. */
static bool parse_int64(sd_lobj *L, const char *text, const char *path,
                        const char *object, const char *key, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(text, &end, 10);
	if (!*text || *end || errno) {
		oerr(L, path, object, "'%s' must be an integer, not '%s'", key,
		     text);
		return false;
	}
	*out = (int64_t)v;
	return true;
}

/*
 * Sequence options of m (at path) into out. The type, when given, is
 * smallint, integer or bigint. Returns false after an error.
 */
static bool parse_seqopts(sd_lobj *L, const m_seqopts *m, const char *path,
                          const char *object, sd_seqopts *out)
{
	static const struct {
		const char *key;
		size_t at;
		size_t to;
		unsigned bit;
	} nums[] = {
		{"start", offsetof(m_seqopts, start),
		 offsetof(sd_seqopts, start), SD_SEQ_START},
		{"increment", offsetof(m_seqopts, increment),
		 offsetof(sd_seqopts, increment), SD_SEQ_INCREMENT},
		{"min", offsetof(m_seqopts, min), offsetof(sd_seqopts, min),
		 SD_SEQ_MIN},
		{"max", offsetof(m_seqopts, max), offsetof(sd_seqopts, max),
		 SD_SEQ_MAX},
		{"cache", offsetof(m_seqopts, cache),
		 offsetof(sd_seqopts, cache), SD_SEQ_CACHE},
	};
	bool ok = true;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (m->type) {
		sd_type t = parse_type(L, m->type, path, object);
		if (!sd_type_is_integer(t.kind)) {
			oerr(L, path, object,
			     "a sequence is smallint, integer or bigint, not "
			     "'%s'",
			     m->type);
			ok = false;
		}
		out->type = t.kind;
		out->set |= SD_SEQ_TYPE;
	}
	for (i = 0; i < SD_ARRAY_LEN(nums); i++) {
		const char *text =
			*(char *const *)(const void *)((const char *)m +
			                               nums[i].at);
		int64_t v;
		if (!text)
			continue;
		if (!parse_int64(L, text, path, object, nums[i].key, &v)) {
			ok = false;
			continue;
		}
		*(int64_t *)(void *)((char *)out + nums[i].to) = v;
		out->set |= nums[i].bit;
	}
	if ((out->set & SD_SEQ_INCREMENT) && out->increment == 0) {
		oerr(L, path, object, "'increment' cannot be 0");
		ok = false;
	}
	if ((out->set & SD_SEQ_CACHE) && out->cache < 1) {
		oerr(L, path, object, "'cache' must be at least 1");
		ok = false;
	}
	if (m->cycle) {
		out->cycle = m->cycle == SD_YBOOL_TRUE;
		out->set |= SD_SEQ_CYCLE;
	}
	if (ok) {
		sd_seqopts e;
		sd_seqopts_effective(out, SD_T_BIGINT, &e);
		if (out->set & SD_SEQ_TYPE)
			sd_seqopts_effective(out, out->type, &e);
		if (e.min > e.max || e.start < e.min || e.start > e.max) {
			oerr(L, path, object,
			     "sequence bounds do not hold: min %lld, max %lld, "
			     "start %lld",
			     (long long)e.min, (long long)e.max,
			     (long long)e.start);
			ok = false;
		}
	}
	return ok;
}

const sd_identity_options *sd_load_identity_options(sd_lobj *L,
                                                    const m_seqopts *m,
                                                    const char *path,
                                                    const char *object)
{
	sd_identity_options *o;
	sd_seqopts opts;

	if (!parse_seqopts(L, m, path, object, &opts))
		return NULL;
	if (m->name && !name_ok(L, path, "sequence", m->name))
		return NULL;
	o = sd_arena_alloc(L->s->arena, sizeof(*o));
	o->opts = opts;
	o->sequence = dup(L, m->name);
	o->comment = dup(L, m->comment);
	return o;
}

/* ------------------------------------------------------------------ */
/* Lowering                                                            */
/* ------------------------------------------------------------------ */

static void load_namespaces(sd_lobj *L, const m_objects *m)
{
	unsigned i;

	for (i = 0; i < m->schemas_count; i++) {
		const m_namespace *n = &m->schemas[i];
		const char *path = sd_arena_printf(L->tmp, "schemas[%u]", i);
		if (!name_ok(L, path, "schema", n->name))
			continue;
		if (!sd_namespace_key(n->name)) {
			/* the default namespace: only its comment. Listed
			 * without one, it has none; not listed (or with
			 * initdb's), it has initdb's (SD_PUBLIC_COMMENT) */
			if (sd_schema_namespace_comment(L->s,
			                                SD_NAMESPACE_DEFAULT)) {
				oerr(L, path, n->name,
				     "duplicate schema '%s'", n->name);
				continue;
			}
			if (!n->comment ||
			    strcmp(n->comment, SD_PUBLIC_COMMENT) != 0)
				sd_schema_set_namespace_comment(
					L->s, SD_NAMESPACE_DEFAULT,
					n->comment ? n->comment : "");
			continue;
		}
		if (sd_strlist_contains(&L->s->namespaces, n->name) &&
		    sd_schema_namespace_comment(L->s, n->name)) {
			oerr(L, path, n->name, "duplicate schema '%s'", n->name);
			continue;
		}
		sd_schema_add_namespace(L->s, n->name);
		if (n->comment)
			sd_schema_set_namespace_comment(L->s, n->name,
			                                n->comment);
	}
}

static void load_extensions(sd_lobj *L, const m_objects *m)
{
	unsigned i;

	for (i = 0; i < m->extensions_count; i++) {
		const m_extension *me = &m->extensions[i];
		const char *path = sd_arena_printf(L->tmp, "extensions[%u]", i);
		const char *schema;
		sd_extension *e;
		size_t k;
		if (!name_ok(L, path, "extension", me->name) ||
		    (me->schema && !name_ok(L, path, "schema", me->schema)))
			continue;
		/* one namespace of extensions for the whole database */
		for (k = 0; k < L->s->nextensions; k++)
			if (sd_streq(L->s->extensions[k]->base.name, me->name))
				break;
		if (k < L->s->nextensions) {
			oerr(L, path, me->name, "duplicate extension '%s'",
			     me->name);
			continue;
		}
		schema = sd_namespace_key(me->schema);
		e = sd_schema_add_extension(L->s, schema, me->name);
		located(L, &e->base, path);
		e->version = dup(L, me->version);
		e->comment = dup(L, me->comment);
		if (schema)
			sd_schema_add_namespace(L->s, schema);
	}
}

static void load_collations(sd_lobj *L, const m_objects *m)
{
	unsigned i;

	for (i = 0; i < m->collations_count; i++) {
		const m_collation *mc = &m->collations[i];
		const char *path = sd_arena_printf(L->tmp, "collations[%u]", i);
		const char *schema;
		sd_collation *co;
		bool icu = mc->provider && sd_strieq(mc->provider, "icu");
		if (!object_name(L, path, "collation", mc->name, mc->schema,
		                 (const sd_object *const *)L->s->collations,
		                 L->s->ncollations, &schema))
			continue;
		if (mc->provider && !icu && !sd_strieq(mc->provider, "libc")) {
			oerr(L, path, mc->name,
			     "'provider' must be libc or icu, not '%s'",
			     mc->provider);
			continue;
		}
		if (!mc->locale && !(mc->lc_collate && mc->lc_ctype) && !icu) {
			oerr(L, path, mc->name,
			     "a collation needs 'locale' (or 'lc_collate' "
			     "and 'lc_ctype')");
			continue;
		}
		if (icu && !mc->locale) {
			oerr(L, path, mc->name,
			     "an icu collation needs 'locale'");
			continue;
		}
		co = sd_schema_add_collation(L->s, schema, mc->name);
		located(L, &co->base, path);
		co->provider = icu ? "icu" : NULL;
		if (mc->locale && !icu && mc->lc_collate && mc->lc_ctype &&
		    (!sd_streq(mc->locale, mc->lc_collate) ||
		     !sd_streq(mc->locale, mc->lc_ctype))) {
			oerr(L, path, mc->name,
			     "give either 'locale' or 'lc_collate' and "
			     "'lc_ctype'");
			continue;
		}
		if (!icu && !mc->locale && sd_streq(mc->lc_collate, mc->lc_ctype))
			co->locale = dup(L, mc->lc_collate);
		else if (mc->locale)
			co->locale = dup(L, mc->locale);
		else {
			co->lc_collate = dup(L, mc->lc_collate);
			co->lc_ctype = dup(L, mc->lc_ctype);
		}
		co->nondeterministic = mc->deterministic == SD_YBOOL_FALSE;
		co->comment = dup(L, mc->comment);
	}
}

static void load_domains(sd_lobj *L, const m_objects *m)
{
	unsigned i, j;

	for (i = 0; i < m->domains_count; i++) {
		const m_domain *md = &m->domains[i];
		const char *path = sd_arena_printf(L->tmp, "domains[%u]", i);
		const char *schema, *q;
		sd_domain *d;
		if (!object_name(L, path, "domain", md->name, md->schema,
		                 (const sd_object *const *)L->s->domains,
		                 L->s->ndomains, &schema))
			continue;
		q = sd_qualified_name(L->tmp, schema, md->name);
		d = sd_schema_add_domain(L->s, schema, md->name);
		located(L, &d->base, path);
		d->type = parse_type(L, md->type, path, q);
		if (md->default_)
			d->default_value.sql = dup(L, md->default_);
		d->not_null = md->nullable == SD_YBOOL_FALSE;
		d->collation = dup(L, md->collation);
		d->comment = dup(L, md->comment);
		for (j = 0; j < md->checks_count; j++) {
			const m_domain_check *mk = &md->checks[j];
			const char *cpath = sd_arena_printf(L->tmp, "%s.checks[%u]",
			                                    path, j);
			sd_check *ck;
			size_t k;
			if (!name_ok(L, cpath, "check", mk->name))
				continue;
			for (k = 0; k < d->nchecks; k++)
				if (sd_streq(d->checks[k]->base.name, mk->name))
					break;
			if (k < d->nchecks) {
				oerr(L, cpath, q, "duplicate check '%s'",
				     mk->name);
				continue;
			}
			if (!*mk->expression) {
				oerr(L, cpath, q, "empty check expression");
				continue;
			}
			ck = sd_domain_add_check(L->s, d, mk->name);
			located(L, &ck->base, cpath);
			ck->expression.sql = dup(L, mk->expression);
			ck->not_valid = mk->not_valid == SD_YBOOL_TRUE;
			ck->comment = dup(L, mk->comment);
		}
	}
}

static void load_composites(sd_lobj *L, const m_objects *m)
{
	unsigned i, j;

	for (i = 0; i < m->composite_types_count; i++) {
		const m_composite *mc = &m->composite_types[i];
		const char *path = sd_arena_printf(L->tmp, "composite_types[%u]",
		                                   i);
		const char *schema, *q;
		sd_composite *t;
		if (!object_name(L, path, "composite type", mc->name,
		                 mc->schema,
		                 (const sd_object *const *)L->s->composites,
		                 L->s->ncomposites, &schema))
			continue;
		q = sd_qualified_name(L->tmp, schema, mc->name);
		t = sd_schema_add_composite(L->s, schema, mc->name);
		located(L, &t->base, path);
		t->comment = dup(L, mc->comment);
		for (j = 0; j < mc->attributes_count; j++) {
			const m_attribute *ma = &mc->attributes[j];
			const char *apath = sd_arena_printf(
				L->tmp, "%s.attributes[%u]", path, j);
			sd_column *c;
			size_t k;
			if (!name_ok(L, apath, "attribute", ma->name))
				continue;
			for (k = 0; k < t->nattributes; k++)
				if (sd_streq(t->attributes[k]->base.name,
				             ma->name))
					break;
			if (k < t->nattributes) {
				oerr(L, apath, q, "duplicate attribute '%s'",
				     ma->name);
				continue;
			}
			c = sd_composite_add_attribute(L->s, t, ma->name);
			located(L, &c->base, apath);
			c->type = parse_type(L, ma->type, apath, q);
			if (ma->collation)
				sd_column_xw(L->s->arena, c)->collation =
					dup(L, ma->collation);
			if (ma->comment)
				sd_column_xw(L->s->arena, c)->comment =
					dup(L, ma->comment);
		}
	}
}

static void load_ranges(sd_lobj *L, const m_objects *m)
{
	unsigned i;

	for (i = 0; i < m->range_types_count; i++) {
		const m_range *mr = &m->range_types[i];
		const char *path = sd_arena_printf(L->tmp, "range_types[%u]", i);
		const char *schema;
		sd_range *r;
		if (!object_name(L, path, "range type", mr->name, mr->schema,
		                 (const sd_object *const *)L->s->ranges,
		                 L->s->nranges, &schema))
			continue;
		r = sd_schema_add_range(L->s, schema, mr->name);
		located(L, &r->base, path);
		r->subtype = parse_type(L, mr->subtype, path, mr->name);
		r->subtype_opclass = dup(L, mr->subtype_opclass);
		r->collation = dup(L, mr->collation);
		r->canonical = dup(L, mr->canonical);
		r->subtype_diff = dup(L, mr->subtype_diff);
		r->multirange = dup(L, mr->multirange);
		r->comment = dup(L, mr->comment);
	}
}

void sd_load_objects(sd_lobj *L, const m_objects *m)
{
	load_namespaces(L, m);
	load_extensions(L, m);
	load_collations(L, m);
	load_domains(L, m);
	load_composites(L, m);
	load_ranges(L, m);
}

/* name as it is, or in double quotes ("Orders_id_seq", as the server
 * writes a name that needs them). */
static const char *seq_part(sd_arena *a, const char *name, bool quoted)
{
	sd_buf b = SD_BUF_INIT;
	const char *p, *out;

	if (!quoted)
		return name;
	sd_buf_putc(&b, '"');
	for (p = name; *p; p++) {
		if (*p == '"')
			sd_buf_putc(&b, '"');
		sd_buf_putc(&b, *p);
	}
	sd_buf_putc(&b, '"');
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

/*
 * A column whose default is the nextval of the sequence it owns is a
 * serial column (as the catalog reader sees one): it autoincrements by
 * that sequence. The sequence's name may be schema-qualified, each part
 * plain or quoted.
 */
static void serial_column(sd_lobj *L, const sd_sequence *q, sd_column *c)
{
	const char *def = c ? c->default_value.sql : NULL;
	unsigned form;

	if (!def)
		return;
	for (form = 0; form < 6; form++) {
		const char *name = seq_part(L->tmp, q->base.name, form & 1);
		const char *head;
		if (form >= 2 && !q->base.schema)
			break;
		head = form < 2 ? sd_arena_printf(L->tmp, "nextval('%s'", name)
		                : sd_arena_printf(L->tmp, "nextval('%s.%s'",
		                                  seq_part(L->tmp,
		                                           q->base.schema,
		                                           form >= 4),
		                                  name);
		if (sd_startswith(def, head)) {
			c->autoincrement = true;
			sd_column_xw(L->s->arena, c)->sequence = q->base.name;
			return;
		}
	}
}

void sd_load_sequences(sd_lobj *L, const m_objects *m)
{
	unsigned i;

	for (i = 0; i < m->sequences_count; i++) {
		const m_seqopts *ms = &m->sequences[i];
		const char *path = sd_arena_printf(L->tmp, "sequences[%u]", i);
		const char *schema, *q;
		sd_sequence *seq;
		sd_seqopts opts;
		if (!object_name(L, path, "sequence", ms->name, ms->schema,
		                 (const sd_object *const *)L->s->sequences,
		                 L->s->nsequences, &schema))
			continue;
		q = sd_qualified_name(L->tmp, schema, ms->name);
		if (sd_schema_find_table(L->s, schema, ms->name)) {
			oerr(L, path, q,
			     "sequence '%s' has the name of a table", q);
			continue;
		}
		if (!parse_seqopts(L, ms, path, q, &opts))
			continue;
		seq = sd_schema_add_sequence(L->s, schema, ms->name);
		located(L, &seq->base, path);
		seq->opts = opts;
		seq->unlogged = ms->unlogged == SD_YBOOL_TRUE;
		seq->comment = dup(L, ms->comment);
		if (ms->owned_by) {
			/* OWNED BY: table.column of the sequence's schema */
			const char *dot = strrchr(ms->owned_by, '.');
			const sd_table *t;
			const char *table;
			if (!dot || dot == ms->owned_by || !dot[1]) {
				oerr(L, path, q,
				     "'owned_by' must be table.column, not "
				     "'%s'",
				     ms->owned_by);
				continue;
			}
			table = sd_arena_strndup(L->s->arena, ms->owned_by,
			                         (size_t)(dot - ms->owned_by));
			t = sd_schema_find_table(L->s, schema, table);
			if (!t) {
				oerr(L, path, q,
				     "'owned_by' names missing table '%s' (a "
				     "sequence is owned by a table of its "
				     "own schema)",
				     sd_qualified_name(L->tmp, schema, table));
				continue;
			}
			if (!sd_table_find_column(t, dot + 1)) {
				oerr(L, path, q,
				     "'owned_by' names missing column '%s.%s'",
				     table, dot + 1);
				continue;
			}
			seq->owned_by_table = table;
			seq->owned_by_column = dup(L, dot + 1);
			serial_column(L, seq,
			              sd_table_find_column(t, dot + 1));
		}
	}
}

/* ------------------------------------------------------------------ */
/* Partitions and INHERITS children                                    */
/* ------------------------------------------------------------------ */

static void cerr(sd_lobj *L, const sd_object *o, const char *object,
                 const char *fmt, ...) SD_PRINTF(4, 5);

/* An error at o's declaration. */
static void cerr(sd_lobj *L, const sd_object *o, const char *object,
                 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sd_error_vadd(L->err, SD_EINPUT, o->loc.path, o->loc.line, 0, object,
	              fmt, ap);
	va_end(ap);
}

/* A copy of a parent's column for a child (inherited, no key flags). */
static sd_column *inherited_copy(sd_lobj *L, const sd_column *p)
{
	sd_column *c = sd_arena_alloc(L->s->arena, sizeof(*c));

	*c = *p;
	c->inherited = true;
	c->autoincrement = false;
	if (c->ext) {
		sd_column_ext *x = sd_column_xw(L->s->arena, c);
		x->renamed_from = NULL;
		x->backfill = NULL;
		x->comment = NULL;
	}
	return c;
}

/* The storage, compression, statistics target and attribute options an
 * INHERITS child's entry for an inherited column sets, over its parent's
 * (ALTER TABLE ONLY child ALTER COLUMN ... SET). */
static void own_settings(sd_lobj *L, sd_column *c, const sd_column *mine)
{
	const sd_column_ext *m = mine->ext ? sd_column_x(mine) : NULL;
	sd_column_ext *x;

	if (!m || (!m->storage && !m->compression && !m->statistics_set &&
	           !m->options.n))
		return;
	x = sd_column_xw(L->s->arena, c);
	if (m->storage)
		x->storage = m->storage;
	if (m->compression)
		x->compression = m->compression;
	if (m->statistics_set) {
		x->statistics = m->statistics;
		x->statistics_set = true;
	}
	if (m->options.n)
		x->options = m->options;
}

/* Column c of t is marked inherited, and no parent of t has it. */
static void no_parent_column(sd_lobj *L, const sd_table *t,
                             const sd_column *c)
{
	const char *q = sd_qualified_name(L->tmp, t->base.schema, t->base.name);

	cerr(L, &c->base, sd_qualified_name(L->tmp, q, c->base.name),
	     "column '%s' is marked inherited, and no parent of '%s' has it",
	     c->base.name, q);
}

/*
 * Rebuilds child t's columns from its parents': per parent column, the
 * child's own entry of that name (a partition's overrides the default,
 * NOT NULL and comment only) or a copy; then the child's other columns.
 */
static void take_columns(sd_lobj *L, sd_table *t, sd_table *const *parents,
                         size_t nparents)
{
	const char *q = sd_qualified_name(L->tmp, t->base.schema, t->base.name);
	sd_column **own = t->columns;
	size_t nown = t->ncolumns, i, k, p;
	bool *taken = sd_arena_alloc(L->tmp, nown + 1);

	t->columns = NULL;
	t->ncolumns = 0;
	t->column_map = NULL;
	for (p = 0; p < nparents; p++) {
		for (i = 0; i < parents[p]->ncolumns; i++) {
			const sd_column *pc = parents[p]->columns[i];
			sd_column *c = NULL, *mine = NULL;
			if (sd_table_find_column(t, pc->base.name))
				continue; /* from an earlier parent */
			for (k = 0; k < nown; k++)
				if (sd_streq(own[k]->base.name, pc->base.name)) {
					mine = own[k];
					taken[k] = true;
				}
			if (mine && !sd_type_equal(&mine->type, &pc->type)) {
				cerr(L, &mine->base,
				     sd_qualified_name(L->tmp, q,
				                       mine->base.name),
				     "column '%s' has another type than in "
				     "its parent '%s'",
				     mine->base.name,
				     sd_qualified_name(L->tmp,
				                       parents[p]->base.schema,
				                       parents[p]->base.name));
			}
			if (mine && (t->partition_of || mine->inherited)) {
				/* a partition's entry, or an INHERITS child's
				 * marked inherited: the parent's column with
				 * the child's default, NOT NULL and comment */
				c = inherited_copy(L, pc);
				c->base.loc = mine->base.loc;
				c->default_value = mine->default_value;
				c->nullable = mine->nullable && pc->nullable;
				if (c->ext || sd_column_x(mine)->comment)
					sd_column_xw(L->s->arena, c)->comment =
						sd_column_x(mine)->comment;
				if (!t->partition_of)
					own_settings(L, c, mine);
			} else if (mine) {
				c = mine; /* merged: the child's own */
				c->nullable = c->nullable && pc->nullable;
			} else {
				c = inherited_copy(L, pc);
			}
			c->base.schema = t->base.schema;
			sd_table_add_column(L->s, t, c->base.name);
			t->columns[t->ncolumns - 1] = c;
		}
	}
	for (k = 0; k < nown; k++) {
		if (taken[k])
			continue;
		if (t->partition_of) {
			cerr(L, &own[k]->base,
			     sd_qualified_name(L->tmp, q, own[k]->base.name),
			     "partition '%s' has no column '%s' of its own: "
			     "a partition's columns are its parent's",
			     q, own[k]->base.name);
			continue;
		}
		if (own[k]->inherited) {
			no_parent_column(L, t, own[k]);
			continue;
		}
		sd_table_add_column(L->s, t, own[k]->base.name);
		t->columns[t->ncolumns - 1] = own[k];
	}
}

/* The parents of t in L->s, or false after an error. */
static bool find_parents(sd_lobj *L, sd_table *t, sd_table ***out,
                         size_t *n)
{
	const char *q = sd_qualified_name(L->tmp, t->base.schema, t->base.name);
	size_t k, np = t->partition_of ? 1 : t->ninherits;
	sd_table **ps = sd_arena_alloc(L->tmp, (np + 1) * sizeof(*ps));

	for (k = 0; k < np; k++) {
		const char *schema = t->partition_of ? t->partition_of_schema
		                                     : t->inherits[k].schema;
		const char *name = t->partition_of ? t->partition_of
		                                   : t->inherits[k].name;
		ps[k] = sd_schema_find_table(L->s, schema, name);
		if (!ps[k]) {
			cerr(L, &t->base, q, "%s missing table '%s'",
			     t->partition_of ? "partition_of names"
			                     : "inherits names",
			     sd_qualified_name(L->tmp, schema, name));
			return false;
		}
		if (t->partition_of && !ps[k]->partition_by.sql) {
			cerr(L, &t->base, q,
			     "partition_of names '%s', which has no "
			     "partition_by",
			     sd_qualified_name(L->tmp, schema, name));
			return false;
		}
		if (!t->partition_of && (ps[k]->partition_by.sql ||
		                         ps[k]->partition_of)) {
			cerr(L, &t->base, q,
			     "inherits names '%s', which is partitioned or a "
			     "partition",
			     sd_qualified_name(L->tmp, schema, name));
			return false;
		}
	}
	*out = ps;
	*n = np;
	return true;
}

void sd_load_children(sd_lobj *L)
{
	size_t n = L->s->ntables, i, done = 0, round;
	char *state = sd_arena_alloc(L->tmp, n + 1); /* 0 todo, 1 done */

	for (i = 0; i < n; i++)
		if (!sd_table_is_child(L->s->tables[i])) {
			sd_table *t = L->s->tables[i];
			size_t k;
			for (k = 0; k < t->ncolumns; k++)
				if (t->columns[k]->inherited)
					no_parent_column(L, t, t->columns[k]);
			state[i] = 1;
			done++;
		}
	/* parents before children; at most n rounds (depth) */
	for (round = 0; done < n && round <= n; round++) {
		size_t before = done;
		for (i = 0; i < n; i++) {
			sd_table *t = L->s->tables[i], **ps;
			size_t np, k;
			bool ready = true;
			if (state[i])
				continue;
			if (!find_parents(L, t, &ps, &np)) {
				state[i] = 1;
				done++;
				continue;
			}
			for (k = 0; k < np && ready; k++) {
				size_t j;
				for (j = 0; j < n; j++)
					if (L->s->tables[j] == ps[k])
						ready = state[j] != 0;
			}
			if (!ready)
				continue;
			take_columns(L, t, ps, np);
			state[i] = 1;
			done++;
		}
		if (done == before)
			break;
	}
	for (i = 0; i < n; i++)
		if (!state[i])
			cerr(L, &L->s->tables[i]->base,
			     sd_qualified_name(L->tmp,
			                       L->s->tables[i]->base.schema,
			                       L->s->tables[i]->base.name),
			     "table '%s' is its own ancestor (partition_of or "
			     "inherits go round in a circle)",
			     L->s->tables[i]->base.name);
	sd_schema_index(L->s);
}
