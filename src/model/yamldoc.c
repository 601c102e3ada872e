/*
 * yamldoc.c - the position tree: a YAML document read once, as libyaml's
 * events, into nodes that keep their line and column; the lookups the
 * loaders' diagnostics use; and the report of every unknown key.
 */
#include "model/yamldoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

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
		 * are plain data, so they are refused outright. */
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
	case YAML_MAPPING_START_EVENT:
		/* Refused as soon as the event arrives: libyaml's scanner
		 * keeps one possible simple key per open flow level and
		 * walks them all for every token, so 100 KB of '[' cost
		 * minutes before the first error. */
		if (b->depth >= SD_YAML_MAX_DEPTH)
			return sd_error_add(err, SD_EINPUT, b->d->path,
			                    (int)ev->start_mark.line + 1,
			                    (int)ev->start_mark.column + 1, NULL,
			                    "YAML nested deeper than %d levels: "
			                    "models and config are never that deep",
			                    SD_YAML_MAX_DEPTH);
		if (ev->type == YAML_MAPPING_START_EVENT) {
			n = make_node(SD_YMAPPING, &ev->start_mark);
			aname = ev->data.mapping_start.anchor;
			push_open(b, &n);
			break;
		}
		n = make_node(SD_YSEQUENCE, &ev->start_mark);
		aname = ev->data.sequence_start.anchor;
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

static void ydoc_init(sd_ydoc *d, builder *b, const char *path)
{
	memset(d, 0, sizeof(*d));
	memset(b, 0, sizeof(*b));
	d->path = path;
	d->arena = sd_arena_new();
	b->d = d;
}

int sd_ydoc_parse(sd_ydoc *d, const char *data, size_t len, const char *path,
                  sd_error *err)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	builder b;
	bool in_doc = false, finished = false;
	int rc = SD_OK;

	ydoc_init(d, &b, path);
	if (!yaml_parser_initialize(&parser)) {
		builder_fini(&b);
		return sd_error_add(err, SD_ERUNTIME, path, 0, 0, NULL,
		                    "cannot initialise the YAML parser");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data,
	                             len);
	while (!finished) {
		if (!yaml_parser_parse(&parser, &ev))
			goto syntax;
		rc = build_event(&b, &ev, &in_doc, &finished, err);
		if (rc == SD_OK && finished && ev.type == YAML_DOCUMENT_END_EVENT) {
			/* what follows the document must at least start
			 * another one (or end the stream) */
			yaml_event_delete(&ev);
			if (!yaml_parser_parse(&parser, &ev))
				goto syntax;
		}
		yaml_event_delete(&ev);
		if (rc != SD_OK)
			goto done;
	}
	d->root = b.done_root;
	goto done;
syntax:
	rc = syntax_error(err, path, parser.context,
	                  parser.problem ? parser.problem : "unreadable YAML",
	                  &parser.problem_mark);
done:
	builder_fini(&b);
	yaml_parser_delete(&parser);
	return rc;
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
