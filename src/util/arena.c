/*
 * arena.c - bump allocation in chunks; one free releases a whole schema.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (64 * 1024)
/* Nothing schemadiff keeps in an arena needs more than 8 (no long
 * double, no max_align_t, no vector type); 16 padded every block of
 * an odd number of words. */
#define ARENA_ALIGN 8

typedef struct chunk {
	struct chunk *next;
	size_t size;
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
} chunk;

struct sd_arena {
	chunk *head;
	size_t total;
};

static void oom(void)
{
	fputs("schemadiff: error: out of memory\n", stderr);
	abort();
}

void *sd_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *sd_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *sd_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

char *sd_xstrdup(const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	p = sd_xmalloc(n);
	memcpy(p, s, n);
	return p;
}

sd_arena *sd_arena_new(void)
{
	return sd_xcalloc(1, sizeof(sd_arena));
}

void sd_arena_free(sd_arena *a)
{
	chunk *c;

	if (!a)
		return;
	while ((c = a->head) != NULL) {
		a->head = c->next;
		free(c);
	}
	free(a);
}

/*
 * Hands out n bytes at an offset that is a multiple of align, from the
 * current chunk or a new one. Only offsets are aligned, not sizes, so a
 * 3-byte string takes 3 bytes: strings are most of a schema's objects.
 */
static void *arena_take(sd_arena *a, size_t n, size_t align)
{
	chunk *c = a->head;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	void *p;

	if (n == 0)
		n = 1;
	if (!c || at > c->size || c->size - at < n) {
		size_t sz = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		chunk *nc = malloc(sizeof(chunk) + sz);
		if (!nc)
			oom();
		nc->size = sz;
		nc->used = 0;
		if (sz == n && c) {
			/* A big block goes behind the current chunk, which
			 * keeps its free space for the small ones. */
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
		}
		c = nc;
		at = 0;
	}
	p = c->data + at;
	c->used = at + n;
	a->total += n;
	return p;
}

void *sd_arena_alloc(sd_arena *a, size_t size)
{
	void *p = arena_take(a, size, ARENA_ALIGN);

	memset(p, 0, size ? size : 1);
	return p;
}

void *sd_arena_alloc_raw8(sd_arena *a, size_t size)
{
	return arena_take(a, size, 8);
}

char *sd_arena_strndup(sd_arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = arena_take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *sd_arena_strdup(sd_arena *a, const char *s)
{
	return s ? sd_arena_strndup(a, s, strlen(s)) : NULL;
}

char *sd_arena_vprintf(sd_arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	p = sd_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *sd_arena_printf(sd_arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = sd_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t sd_arena_used(const sd_arena *a)
{
	return a ? a->total : 0;
}

void sd_vec_push(sd_arena *a, sd_vec *v, void *item)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 8;
		void **items = sd_arena_alloc(a, cap * sizeof(void *));
		if (v->n)
			memcpy(items, v->items, v->n * sizeof(void *));
		v->items = items;
		v->cap = cap;
	}
	v->items[v->n++] = item;
}
