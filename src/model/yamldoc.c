/*
 * yamldoc.c - libyaml position tree and libcyaml log capture.
 *
 * libcyaml 1.3.1 logs a failure as one error line followed by a backtrace,
 * innermost frame first, each frame its own log call:
 *     Load: Unexpected key: nulable
 *     Load: Backtrace:
 *       in mapping (line: 7, column: 15)
 *       in sequence entry '2' (line: 6, column: 9)
 *       in mapping field 'columns' (line: 5, column: 7)
 *       in sequence entry '1' (line: 2, column: 5)
 *       in mapping field 'tables' (line: 2, column: 3)
 * Entry numbers count from 1, and the line of a frame is that of the last
 * event read, not of the offending key. So the backtrace is turned into a
 * path ("tables[0].columns[1]") and the exact position comes from the
 * position tree of the same file.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include "model/yamldoc.h"

#include <ctype.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Position tree                                                       */
/* ------------------------------------------------------------------ */

/*
 * The tree is built from libyaml events rather than yaml_parser_load's
 * document: a document costs ~100 bytes per node plus two heap strings
 * (value and tag), and indexing it by formatted path strings cost more
 * than parsing. Scalar values go into a packed byte pool. A container's
 * kids are collected by value while it is open and copied into one
 * exact-size array of 16-byte nodes when it closes, so a node costs 16
 * bytes and no pointer to it: a 5,000-table models file is ~8 MiB of tree
 * and strings.
 */

#define STR_BLOCK (64 * 1024)
#define YLINE_MAX ((1u << 22) - 1)
#define YCOL_MAX ((1u << 10) - 1)
#define YN_MAX ((1u << 30) - 1)

_Static_assert(sizeof(sd_ynode) == 16, "sd_ynode is meant to be 16 bytes");

typedef struct open_node {
	sd_ynode node;  /* type and position; kids and n set when it closes */
	sd_ynode *kids; /* heap, grown while the container is open */
	size_t n, cap;
} open_node;

/* Mapping keys repeat (every column says name: and type:), so the tree
 * keeps one copy of each: a direct-mapped cache of recent keys. */
#define KEY_CACHE 256
#define KEY_MAX 32

typedef struct builder {
	sd_ydoc *d;
	char *pool;           /* current string pool block */
	size_t pool_left;
	struct {
		const char *s;
		size_t len;
	} keys[KEY_CACHE];
	open_node *stack;
	size_t depth, stack_cap;
	sd_ynode *done_root;
	const char **anchors; /* names, for libyaml's duplicate-anchor error */
	size_t nanchors, anchors_cap;
} builder;

static sd_ynode make_node(sd_ynode_type type, const yaml_mark_t *mark)
{
	sd_ynode n;

	memset(&n, 0, sizeof(n));
	n.type = (unsigned)type;
	n.line = mark->line < YLINE_MAX ? (unsigned)mark->line : YLINE_MAX;
	n.col = mark->column < YCOL_MAX ? (unsigned)mark->column : YCOL_MAX;
	return n;
}

static const char *pool_str(builder *b, const char *s, size_t len)
{
	char *p;

	if (len + 1 > STR_BLOCK / 4)
		return sd_arena_strndup(b->d->arena, s, len);
	if (b->pool_left < len + 1) {
		b->pool = sd_arena_alloc(b->d->arena, STR_BLOCK);
		b->pool_left = STR_BLOCK;
	}
	p = b->pool;
	memcpy(p, s, len);
	p[len] = '\0';
	b->pool += len + 1;
	b->pool_left -= len + 1;
	return p;
}

/* The pooled copy of a mapping key, shared with its earlier uses. */
static const char *pool_key(builder *b, const char *s, size_t len)
{
	size_t h;

	if (len == 0 || len > KEY_MAX)
		return pool_str(b, s, len);
	h = (len * 31 + (unsigned char)s[0] * 7 +
	     (unsigned char)s[len - 1]) % KEY_CACHE;
	if (!b->keys[h].s || b->keys[h].len != len ||
	    memcmp(b->keys[h].s, s, len) != 0) {
		b->keys[h].s = pool_str(b, s, len);
		b->keys[h].len = len;
	}
	return b->keys[h].s;
}

/* True when the next node attached is a key of the open mapping. */
static bool at_key(const builder *b)
{
	const open_node *o = b->depth ? &b->stack[b->depth - 1] : NULL;

	return o && o->node.type == SD_YMAPPING && o->n % 2 == 0;
}

/* Adds a finished node to the open container, or makes it the root. */
static void attach(builder *b, const sd_ynode *n)
{
	open_node *o;

	if (b->depth == 0) {
		if (!b->done_root) {
			b->done_root = sd_arena_alloc(b->d->arena, sizeof(*n));
			*b->done_root = *n;
		}
		return;
	}
	o = &b->stack[b->depth - 1];
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->kids = sd_xrealloc(o->kids, o->cap * sizeof(*o->kids));
	}
	o->kids[o->n++] = *n;
}

static void push_open(builder *b, const sd_ynode *n)
{
	open_node *o;

	if (b->depth == b->stack_cap) {
		size_t cap = b->stack_cap ? b->stack_cap * 2 : 16;
		b->stack = sd_xrealloc(b->stack, cap * sizeof(*b->stack));
		memset(b->stack + b->stack_cap, 0,
		       (cap - b->stack_cap) * sizeof(*b->stack));
		b->stack_cap = cap;
	}
	o = &b->stack[b->depth++];
	o->node = *n;
	o->n = 0; /* kids buffer of this depth is reused */
}

/* Closes the innermost container: its kids go into the arena, exact
 * size, and the container itself into its parent. */
static void pop_open(builder *b)
{
	open_node *o = &b->stack[--b->depth];
	sd_ynode n = o->node;
	sd_ynode *kids;

	n.n = o->n < YN_MAX ? (unsigned)o->n : YN_MAX;
	if (o->n) {
		kids = sd_arena_alloc(b->d->arena, o->n * sizeof(*kids));
		memcpy(kids, o->kids, o->n * sizeof(*kids));
		n.u.kids = kids;
	}
	attach(b, &n);
}

/* libyaml's composer rule for anchors: false when name is already
 * defined in the document. */
static bool add_anchor(builder *b, const yaml_char_t *name)
{
	size_t i;

	for (i = 0; i < b->nanchors; i++)
		if (strcmp(b->anchors[i], (const char *)name) == 0)
			return false;
	if (b->nanchors == b->anchors_cap) {
		b->anchors_cap = b->anchors_cap ? b->anchors_cap * 2 : 8;
		b->anchors = sd_xrealloc(b->anchors,
		                         b->anchors_cap * sizeof(*b->anchors));
	}
	b->anchors[b->nanchors++] =
		sd_arena_strdup(b->d->arena, (const char *)name);
	return true;
}

static int syntax_error(sd_error *err, const char *path, const char *context,
                        const char *problem, const yaml_mark_t *mark)
{
	if (context)
		return sd_error_add(err, SD_EINPUT, path, (int)mark->line + 1,
		                    (int)mark->column + 1, NULL,
		                    "YAML syntax error: %s %s", context, problem);
	return sd_error_add(err, SD_EINPUT, path, (int)mark->line + 1,
	                    (int)mark->column + 1, NULL,
	                    "YAML syntax error: %s", problem);
}

/*
 * Adds one libyaml event to the tree. Returns SD_OK, or SD_EINPUT with the
 * syntax error added to err (undefined alias, duplicate anchor). Sets
 * *finished at the end of the first document or of the stream.
 */
static int build_event(builder *b, const yaml_event_t *ev, bool *in_doc,
                       bool *finished, sd_error *err)
{
	sd_ynode n;
	const yaml_char_t *aname = NULL;

	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		*finished = true;
		break;
	case YAML_DOCUMENT_START_EVENT:
		*in_doc = true;
		break;
	case YAML_DOCUMENT_END_EVENT:
		/* like yaml_parser_load: the first document only */
		*finished = *in_doc;
		break;
	case YAML_ALIAS_EVENT:
		/* Aliases turn the document into a graph whose expansion
		 * grows exponentially ("billion laughs"); models and config
		 * are plain data, so they are refused outright, here and in
		 * libcyaml (CYAML_CFG_NO_ALIAS). */
		return sd_error_add(err, SD_EINPUT, b->d->path,
		                    (int)ev->start_mark.line + 1,
		                    (int)ev->start_mark.column + 1, NULL,
		                    "YAML aliases (*%s) are not supported: "
		                    "write the value out",
		                    (const char *)ev->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		n = make_node(SD_YSCALAR, &ev->start_mark);
		n.u.str = (at_key(b) ? pool_key : pool_str)(
			b, (const char *)ev->data.scalar.value,
			ev->data.scalar.length);
		n.n = ev->data.scalar.length < YN_MAX
			      ? (unsigned)ev->data.scalar.length
			      : YN_MAX;
		aname = ev->data.scalar.anchor;
		attach(b, &n);
		break;
	case YAML_SEQUENCE_START_EVENT:
		n = make_node(SD_YSEQUENCE, &ev->start_mark);
		aname = ev->data.sequence_start.anchor;
		push_open(b, &n);
		break;
	case YAML_MAPPING_START_EVENT:
		n = make_node(SD_YMAPPING, &ev->start_mark);
		aname = ev->data.mapping_start.anchor;
		push_open(b, &n);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->depth)
			pop_open(b);
		break;
	default:
		break;
	}
	if (aname && !add_anchor(b, aname))
		return syntax_error(err, b->d->path,
		                    "found duplicate anchor; first occurrence",
		                    "second occurrence", &ev->start_mark);
	return SD_OK;
}

static void builder_fini(builder *b)
{
	size_t i;

	for (i = 0; i < b->stack_cap; i++)
		free(b->stack[i].kids);
	free(b->stack);
	free(b->anchors);
}

static int ydoc_init(sd_ydoc *d, builder *b, const char *path)
{
	memset(d, 0, sizeof(*d));
	memset(b, 0, sizeof(*b));
	d->path = path;
	d->arena = sd_arena_new();
	b->d = d;
	return d->arena ? SD_OK : SD_ERUNTIME;
}

int sd_ydoc_parse(sd_ydoc *d, sd_arena *a, const char *data, size_t len,
                  const char *path, sd_error *err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	builder b;
	bool in_doc = false, finished = false;
	int rc = SD_OK;

	(void)a;
	if (ydoc_init(d, &b, path) != SD_OK ||
	    !yaml_parser_initialize(&parser)) {
		builder_fini(&b);
		return sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                    "cannot initialise the YAML parser");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data,
	                             len);
	while (!finished) {
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = syntax_error(err, path, parser.context,
			                  parser.problem ? parser.problem
			                                 : "unreadable YAML",
			                  &parser.problem_mark);
			goto done;
		}
		rc = build_event(&b, &ev, &in_doc, &finished, err);
		yaml_event_delete(&ev);
		if (rc != SD_OK)
			goto done;
	}
	d->root = b.done_root;
done:
	builder_fini(&b);
	yaml_parser_delete(&parser);
	return rc;
}

/* ------------------------------------------------------------------ */
/* One pass: the tree from libcyaml's own events                       */
/* ------------------------------------------------------------------ */

/*
 * libcyaml reads its input through libyaml's yaml_parser_parse and keeps
 * the marks to itself. This definition takes the symbol's place for every
 * caller in the process (libcyaml's calls bind to the executable's
 * definition first) and hands each event to the tree being recorded,
 * if any, before passing it on: the file is scanned once, not twice. The
 * real function is libyaml's, found with RTLD_NEXT.
 */
typedef int (*parse_fn)(yaml_parser_t *parser, yaml_event_t *event);

typedef struct recorder {
	builder b;
	sd_error scratch; /* build errors: the slow path reports them */
	bool in_doc, finished, failed;
} recorder;

static _Thread_local recorder *recording;

__attribute__((visibility("default"))) int
yaml_parser_parse(yaml_parser_t *parser, yaml_event_t *event)
{
	static parse_fn real;
	recorder *r = recording;
	int ok;

	if (!real) {
		void *sym = dlsym(RTLD_NEXT, "yaml_parser_parse");
		if (!sym)
			return 0;
		memcpy(&real, &sym, sizeof(real));
	}
	ok = real(parser, event);
	if (r && !r->finished && !r->failed) {
		if (!ok)
			r->failed = true;
		else if (build_event(&r->b, event, &r->in_doc, &r->finished,
		                     &r->scratch) != SD_OK)
			r->failed = true;
	}
	return ok;
}

cyaml_err_t sd_ydoc_cyaml_load(sd_ydoc *d, const char *path,
                               const char *data, size_t len,
                               const cyaml_config_t *cfg,
                               const cyaml_schema_value_t *schema,
                               cyaml_data_t **out, bool *recorded)
{
	recorder r;
	cyaml_err_t crc;

	*recorded = false;
	memset(&r, 0, sizeof(r));
	if (ydoc_init(d, &r.b, path) != SD_OK)
		return cyaml_load_data((const uint8_t *)data, len, cfg, schema,
		                       out, NULL);
	recording = &r;
	crc = cyaml_load_data((const uint8_t *)data, len, cfg, schema, out,
	                      NULL);
	recording = NULL;
	if (crc == CYAML_OK && r.finished && !r.failed && r.b.done_root &&
	    r.b.depth == 0) {
		d->root = r.b.done_root;
		*recorded = true;
	} else {
		sd_ydoc_fini(d);
	}
	builder_fini(&r.b);
	sd_error_clear(&r.scratch);
	return crc;
}

void sd_ydoc_fini(sd_ydoc *d)
{
	if (d) {
		sd_arena_free(d->arena);
		d->arena = NULL;
		d->root = NULL;
	}
}

static bool scalar_is(const sd_ynode *n, const char *s, size_t len)
{
	return n && n->type == SD_YSCALAR && n->n == len &&
	       memcmp(n->u.str, s, len) == 0;
}

/* The first key node named (key, len) in mapping m and its index in
 * m->u.kids, or NULL; nth skips that many earlier matches. */
static const sd_ynode *map_key(const sd_ynode *m, const char *key, size_t len,
                               int nth, size_t *at)
{
	size_t i;

	if (!m || m->type != SD_YMAPPING)
		return NULL;
	for (i = 0; i + 1 < m->n; i += 2)
		if (scalar_is(&m->u.kids[i], key, len) && nth-- == 0) {
			if (at)
				*at = i;
			return &m->u.kids[i];
		}
	return NULL;
}

const sd_ynode *sd_ynode_get(const sd_ynode *m, const char *key)
{
	size_t at;

	if (!map_key(m, key, strlen(key), 0, &at))
		return NULL;
	return &m->u.kids[at + 1];
}

const sd_ynode *sd_ynode_item(const sd_ynode *s, size_t i)
{
	if (!s || s->type != SD_YSEQUENCE || i >= s->n)
		return NULL;
	return &s->u.kids[i];
}

int sd_ynode_line(const sd_ynode *n)
{
	return n ? (int)n->line + 1 : 0;
}

int sd_ynode_col(const sd_ynode *n)
{
	return n ? (int)n->col + 1 : 0;
}

/*
 * Walks path ("tables[3].columns[2].type") from the root as far as it
 * exists. Returns the node reached at the end, or NULL; *last gets the
 * deepest node that exists along the way (the root for a bad first step).
 */
static const sd_ynode *walk(const sd_ydoc *d, const char *path,
                            const sd_ynode **last)
{
	const sd_ynode *n = d ? d->root : NULL;
	const char *p = path;

	if (last)
		*last = n;
	while (n && *p) {
		const sd_ynode *next = NULL;
		if (*p == '[') {
			char *end;
			unsigned long i = strtoul(p + 1, &end, 10);
			if (end == p + 1 || *end != ']')
				return NULL;
			next = sd_ynode_item(n, i);
			p = end + 1;
		} else {
			size_t len, at;
			if (*p == '.')
				p++;
			len = strcspn(p, ".[");
			if (map_key(n, p, len, 0, &at))
				next = &n->u.kids[at + 1];
			p += len;
		}
		if (!next)
			return NULL;
		n = next;
		if (last)
			*last = n;
	}
	return n;
}

const sd_ynode *sd_ydoc_node(const sd_ydoc *d, const char *path)
{
	return walk(d, path, NULL);
}

int sd_ydoc_line(const sd_ydoc *d, const char *path)
{
	const sd_ynode *last = NULL;

	walk(d, path, &last);
	return sd_ynode_line(last);
}

const sd_ynode *sd_ydoc_key(const sd_ydoc *d, const char *path,
                            const char *key, int nth)
{
	return map_key(sd_ydoc_node(d, path), key, strlen(key), nth, NULL);
}

char *sd_ydoc_where(sd_arena *a, const char *path)
{
	sd_buf b = SD_BUF_INIT;
	char *out;

	sd_buf_put(&b, "");
	for (; *path; path++) {
		sd_buf_putc(&b, *path);
		if (*path == '[') {
			while (*path && *path != ']')
				path++;
			sd_buf_putc(&b, ']');
			if (!*path)
				break;
		}
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}

static const char *scalar_at(const sd_ydoc *d, const char *path)
{
	const sd_ynode *n = sd_ydoc_node(d, path);

	if (!n || n->type != SD_YSCALAR)
		return NULL;
	return n->u.str;
}

char *sd_ydoc_object(const sd_ydoc *d, const char *path)
{
	sd_buf prefix = SD_BUF_INIT, obj = SD_BUF_INIT;
	char *out = NULL;
	const char *p;

	/* every prefix that ends in "]" names a list entry */
	for (p = path; *p; p++) {
		const char *name, *schema;
		if (*p != ']')
			continue;
		sd_buf_truncate(&prefix, 0);
		sd_buf_putn(&prefix, path, (size_t)(p - path + 1));
		sd_buf_put(&prefix, ".name");
		name = scalar_at(d, prefix.data);
		if (!name || !*name)
			continue;
		sd_buf_truncate(&prefix, (size_t)(p - path + 1));
		sd_buf_put(&prefix, ".schema");
		schema = scalar_at(d, prefix.data);
		if (obj.len)
			sd_buf_putc(&obj, '.');
		if (schema && *schema && strcmp(schema, "public") != 0)
			sd_buf_printf(&obj, "%s.", schema);
		sd_buf_put(&obj, name);
	}
	if (obj.len)
		out = sd_arena_strdup(d->arena, obj.data);
	sd_buf_free(&prefix);
	sd_buf_free(&obj);
	return out;
}

const char *const *sd_keys_for(const sd_model_keys *table, const char *where)
{
	size_t i;

	for (i = 0; table && table[i].where; i++)
		if (strcmp(table[i].where, where) == 0)
			return table[i].keys;
	return NULL;
}

/* Reports every key of the mapping n (at where) that keys does not list,
 * then descends; skip is a key node already reported. Error path only. */
static void walk_unknown(const sd_ydoc *d, const sd_ynode *n, const char *path,
                         const sd_model_keys *keys, const sd_ynode *skip,
                         sd_error *err, int depth)
{
	const char *const *valid;
	size_t i;

	if (!n || depth > 64)
		return;
	if (n->type == SD_YSEQUENCE) {
		for (i = 0; i < n->n; i++) {
			char *child = sd_arena_printf(d->arena, "%s[%zu]", path,
			                              i);
			walk_unknown(d, &n->u.kids[i], child, keys, skip, err,
			             depth + 1);
		}
		return;
	}
	if (n->type != SD_YMAPPING)
		return;
	valid = sd_keys_for(keys, sd_ydoc_where(d->arena, path));
	if (!valid)
		return;
	for (i = 0; i + 1 < n->n; i += 2) {
		const sd_ynode *k = &n->u.kids[i];
		const char *key;
		size_t j;
		bool known = false;
		if (k->type != SD_YSCALAR)
			continue;
		key = k->u.str;
		for (j = 0; valid[j]; j++)
			if (strcmp(valid[j], key) == 0)
				known = true;
		if (known) {
			walk_unknown(d, &n->u.kids[i + 1],
			             *path ? sd_arena_printf(d->arena, "%s.%s",
			                                     path, key)
			                   : sd_arena_strdup(d->arena, key),
			             keys, skip, err, depth + 1);
			continue;
		}
		if (k == skip)
			continue;
		sd_error_add(err, SD_EINPUT, d->path, sd_ynode_line(k),
		             sd_ynode_col(k), sd_ydoc_object(d, path),
		             "unknown key '%s'", key);
		{
			const char *sugg = sd_suggest(key, valid);
			if (sugg)
				sd_error_hint(err, "did you mean '%s'?", sugg);
		}
	}
}

/* The first scalar in document order at line:col (1-based), or NULL. */
static const sd_ynode *scalar_at_pos(const sd_ynode *n, int line, int col,
                                     int depth)
{
	size_t i;

	if (!n || depth > 64)
		return NULL;
	if (n->type == SD_YSCALAR)
		return sd_ynode_line(n) == line && sd_ynode_col(n) == col ? n
		                                                          : NULL;
	for (i = 0; i < n->n; i++) {
		const sd_ynode *hit = scalar_at_pos(&n->u.kids[i], line, col,
		                                    depth + 1);
		if (hit)
			return hit;
	}
	return NULL;
}

void sd_ydoc_unknown_keys(const sd_ydoc *d, const sd_model_keys *keys,
                          int skip_line, int skip_col, sd_error *err)
{
	/* the key node libcyaml already reported, by position */
	const sd_ynode *skip =
		skip_line > 0 ? scalar_at_pos(d->root, skip_line, skip_col, 0)
		              : NULL;

	walk_unknown(d, d->root, "", keys, skip, err, 0);
}

/* ------------------------------------------------------------------ */
/* libcyaml log capture                                                */
/* ------------------------------------------------------------------ */

void sd_cyaml_log_free(sd_cyaml_log *log)
{
	int i;

	free(log->message);
	free(log->last_field);
	for (i = 0; i < log->nframes; i++)
		free(log->frames[i].name);
	sd_buf_free(&log->path);
	memset(log, 0, sizeof(*log));
}

static void parse_frame(sd_cyaml_log *log, const char *s)
{
	struct sd_cyaml_frame *f;
	const char *lp;
	char name[256];

	if (log->nframes >= (int)SD_ARRAY_LEN(log->frames))
		return;
	f = &log->frames[log->nframes];
	memset(f, 0, sizeof(*f));
	while (*s == ' ')
		s++;
	if (sscanf(s, "in mapping field '%255[^']'", name) == 1) {
		f->kind = 0;
		f->name = sd_xstrdup(name);
	} else if (sscanf(s, "in sequence entry '%d'", &f->entry) == 1) {
		f->kind = 1;
	} else if (sd_startswith(s, "in ")) {
		f->kind = 2;
	} else {
		return;
	}
	lp = strstr(s, "(line: ");
	if (lp)
		sscanf(lp, "(line: %d, column: %d)", &f->line, &f->col);
	log->nframes++;
}

void sd_cyaml_log_fn(cyaml_log_t level, void *ctx, const char *fmt,
                     va_list args)
{
	sd_cyaml_log *log = ctx;
	sd_buf b = SD_BUF_INIT;
	const char *s;

	if (level < CYAML_LOG_ERROR || log->done)
		return;
	sd_buf_vprintf(&b, fmt, args);
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		sd_buf_truncate(&b, b.len - 1);
	s = sd_buf_cstr(&b);
	if (sd_startswith(s, "Load: "))
		s += 6;
	if (log->in_backtrace) {
		if (sd_startswith(s, "  in ") || sd_startswith(s, "in "))
			parse_frame(log, s);
		else if (log->message)
			log->done = true;
	} else if (strcmp(s, "Backtrace:") == 0) {
		log->in_backtrace = true;
	} else if (!log->message) {
		log->message = sd_xstrdup(s);
	}
	sd_buf_free(&b);
}

void sd_cyaml_config(cyaml_config_t *cfg, sd_cyaml_log *log)
{
	memset(cfg, 0, sizeof(*cfg));
	memset(log, 0, sizeof(*log));
	cfg->log_fn = sd_cyaml_log_fn;
	cfg->log_ctx = log;
	cfg->mem_fn = cyaml_mem;
	cfg->log_level = CYAML_LOG_ERROR;
	cfg->flags = CYAML_CFG_NO_ALIAS;
}

/*
 * libcyaml allocates every string, struct and sequence of the bound models
 * through mem_fn, one call each, and grows a sequence by one entry at a
 * time (realloc to count + 1). Blocks are served from an arena, so the
 * tree costs no malloc header per string and is released at once instead
 * of by cyaml_free's walk. A block that is grown (a sequence) moves to the
 * heap, where realloc extends it in place; the heap blocks are listed in
 * the arena and freed with it (sd_cyaml_mem_free).
 */
/*
 * A block is preceded by one word, its size shifted left once, the low bit
 * set for a heap block; a heap block has its index in m->heap one word
 * further back. Arena blocks are only 8-byte aligned: libcyaml's data is
 * pointers, integers and strings.
 */
#define HEAP_BIT ((size_t)1)

static void *cyaml_arena_mem(void *ctx, void *ptr, size_t size)
{
	sd_cyaml_mem *m = ctx;
	size_t *w = ptr ? (size_t *)ptr - 1 : NULL, *b, old;

	if (size == 0)
		return NULL; /* a free: everything goes with sd_cyaml_mem_free */
	if (!w) {
		b = sd_arena_alloc_raw8(m->arena, sizeof(size_t) + size);
		b[0] = size << 1;
		return b + 1;
	}
	old = *w >> 1;
	if (size <= old)
		return ptr;
	if (*w & HEAP_BIT) {
		size_t *base = w - 1;
		b = realloc(base, 2 * sizeof(size_t) + size);
		if (!b)
			return NULL;
		m->heap.items[b[0]] = b;
	} else {
		b = malloc(2 * sizeof(size_t) + size);
		if (!b)
			return NULL;
		memcpy(b + 2, ptr, old);
		b[0] = m->heap.n;
		sd_vec_push(m->arena, &m->heap, b);
	}
	b[1] = size << 1 | HEAP_BIT;
	return b + 2;
}

void sd_cyaml_mem_init(sd_cyaml_mem *m, cyaml_config_t *cfg)
{
	memset(m, 0, sizeof(*m));
	m->arena = sd_arena_new();
	cfg->mem_fn = cyaml_arena_mem;
	cfg->mem_ctx = m;
}

void sd_cyaml_mem_free(sd_cyaml_mem *m)
{
	size_t i;

	for (i = 0; i < m->heap.n; i++)
		free(m->heap.items[i]);
	sd_arena_free(m->arena);
	memset(m, 0, sizeof(*m));
}

/* Path of the backtrace, outermost first; with_innermost_field false drops
 * a trailing mapping-field frame (errors about the mapping itself). */
static void frames_path(sd_buf *out, const sd_cyaml_log *log,
                        bool with_innermost_field)
{
	int i, last = 0;

	if (!with_innermost_field && log->nframes &&
	    log->frames[0].kind == 0)
		last = 1;
	sd_buf_put(out, "");
	for (i = log->nframes - 1; i >= last; i--) {
		const struct sd_cyaml_frame *f = &log->frames[i];
		if (f->kind == 0)
			sd_buf_printf(out, "%s%s", out->len ? "." : "", f->name);
		else if (f->kind == 1)
			sd_buf_printf(out, "[%d]", f->entry > 0 ? f->entry - 1 : 0);
	}
}

static const char *expected_what(const char *msg)
{
	if (strstr(msg, "Expecting SEQUENCE"))
		return "a list";
	if (strstr(msg, "Expecting MAPPING"))
		return "a mapping";
	return "a single value";
}

int sd_cyaml_report(sd_error *err, const sd_cyaml_log *log, cyaml_err_t rc,
                    const sd_ydoc *d, const sd_model_keys *keys)
{
	sd_buf vpath = SD_BUF_INIT, mpath = SD_BUF_INIT;
	const char *msg = log->message ? log->message : cyaml_strerror(rc);
	const char *field = log->nframes && log->frames[0].kind == 0
	                        ? log->frames[0].name
	                        : NULL;
	char arg[256] = "";
	int line = log->nframes ? log->frames[0].line : 0;
	int col = log->nframes ? log->frames[0].col : 0;
	char *object;
	int code;

	frames_path(&vpath, log, true);
	frames_path(&mpath, log, false);
	if (sscanf(msg, "Unexpected key: %255[^\n]", arg) == 1) {
		const sd_ynode *k = sd_ydoc_key(d, mpath.data, arg, 0);
		const char *const *valid =
			sd_keys_for(keys, sd_ydoc_where(d->arena, mpath.data));
		const char *sugg = valid ? sd_suggest(arg, valid) : NULL;
		if (k) {
			line = sd_ynode_line(k);
			col = sd_ynode_col(k);
		}
		object = sd_ydoc_object(d, mpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "unknown key '%s'", arg);
		if (sugg)
			sd_error_hint(err, "did you mean '%s'?", sugg);
		else if (strchr(arg, ')'))
			/* {type: numeric(10, 2)}: the comma split the value */
			sd_error_hint(err, "quote a value that contains a "
			                   "comma inside {...}");
	} else if (sscanf(msg, "Missing required mapping field: %255[^\n]",
	                  arg) == 1) {
		const sd_ynode *m = sd_ydoc_node(d, mpath.data);
		if (m) {
			line = sd_ynode_line(m);
			col = sd_ynode_col(m);
		}
		object = sd_ydoc_object(d, mpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "missing required key '%s'", arg);
	} else if (sscanf(msg, "Mapping field already seen: %255[^\n]", arg) ==
	           1) {
		const sd_ynode *k = sd_ydoc_key(d, mpath.data, arg, 1);
		if (k) {
			line = sd_ynode_line(k);
			col = sd_ynode_col(k);
		}
		object = sd_ydoc_object(d, mpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "key '%s' appears twice", arg);
	} else if (sscanf(msg, "Invalid ENUM value: %255[^\n]", arg) == 1) {
		/* booleans are strict enums: see the loaders' schemas */
		const sd_ynode *v = sd_ydoc_node(d, vpath.data);
		if (v) {
			line = sd_ynode_line(v);
			col = sd_ynode_col(v);
		}
		object = sd_ydoc_object(d, vpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "'%s' must be true or false, not '%s'",
		                    field ? field : "value", arg);
	} else if (sd_startswith(msg, "Expecting ")) {
		const sd_ynode *v = sd_ydoc_node(d, vpath.data);
		if (v) {
			line = sd_ynode_line(v);
			col = sd_ynode_col(v);
		}
		object = sd_ydoc_object(d, vpath.data);
		if (field)
			code = sd_error_add(err, SD_EINPUT, d->path, line, col,
			                    object, "'%s' must be %s", field,
			                    expected_what(msg));
		else if (!*vpath.data)
			code = sd_error_add(err, SD_EINPUT, d->path,
			                    line ? line : 1, col, object,
			                    "the document must be a mapping of "
			                    "keys");
		else
			code = sd_error_add(err, SD_EINPUT, d->path, line, col,
			                    object, "each entry must be %s",
			                    expected_what(msg));
	} else {
		const char *m = msg;
		if (sd_startswith(m, "libyaml: "))
			m += 9;
		object = sd_ydoc_object(d, vpath.data);
		code = sd_error_add(err, SD_EINPUT, d->path, line, col, object,
		                    "%s", m);
	}
	sd_buf_free(&vpath);
	sd_buf_free(&mpath);
	return code;
}

/* ------------------------------------------------------------------ */
/* Naming convention                                                   */
/* ------------------------------------------------------------------ */

static const char *const placeholders[] = {
	"table", "columns", "column_0_name", "ref_table", "constraint_name",
	NULL};

const char *sd_naming_check(sd_arena *a, const char *tmpl)
{
	const char *p = tmpl;

	while ((p = strstr(p, "%(")) != NULL) {
		const char *end = strchr(p, ')');
		size_t i;
		bool ok = false;
		if (!end)
			return sd_arena_strdup(a, p);
		for (i = 0; placeholders[i]; i++)
			if (strlen(placeholders[i]) == (size_t)(end - p - 2) &&
			    strncmp(p + 2, placeholders[i],
			            (size_t)(end - p - 2)) == 0)
				ok = true;
		if (!ok)
			return sd_arena_strndup(a, p, (size_t)(end - p + 1));
		p = end + 1;
	}
	return NULL;
}

char *sd_naming_expand(sd_arena *a, const char *tmpl, const char *table,
                       const sd_strlist *columns, const char *ref_table,
                       const char *constraint_name)
{
	sd_buf b = SD_BUF_INIT;
	const char *p = tmpl;
	char *out;
	size_t i;

	while (*p) {
		const char *end;
		if (p[0] != '%' || p[1] != '(' || !(end = strchr(p, ')'))) {
			sd_buf_putc(&b, *p++);
			continue;
		}
		if (sd_startswith(p, "%(table)")) {
			sd_buf_put(&b, table ? table : "");
		} else if (sd_startswith(p, "%(columns)")) {
			for (i = 0; columns && i < columns->n; i++)
				sd_buf_printf(&b, "%s%s", i ? "_" : "",
				              columns->items[i]);
		} else if (sd_startswith(p, "%(column_0_name)")) {
			if (columns && columns->n)
				sd_buf_put(&b, columns->items[0]);
		} else if (sd_startswith(p, "%(ref_table)")) {
			sd_buf_put(&b, ref_table ? ref_table : "");
		} else if (sd_startswith(p, "%(constraint_name)")) {
			sd_buf_put(&b, constraint_name ? constraint_name : "");
		} else {
			sd_buf_putn(&b, p, (size_t)(end - p + 1));
		}
		p = end + 1;
	}
	if (b.len > SD_MAX_IDENT) {
		/* PostgreSQL would silently truncate; cut it ourselves and
		 * keep names distinct with a hash of the full name. */
		char hex[65];
		sd_sha256_hex(b.data, b.len, hex);
		sd_buf_truncate(&b, SD_MAX_IDENT - 9);
		sd_buf_printf(&b, "_%.8s", hex);
	}
	out = sd_arena_strdup(a, sd_buf_cstr(&b));
	sd_buf_free(&b);
	return out;
}
