/*
 * map.c - string-keyed open-addressing hash map living in an arena.
 *
 * Used wherever pg_dump would use a hash: merging catalog rows into tables,
 * finding a table or column by name in the differ. Growth doubles the slot
 * array inside the arena; the old array is simply abandoned there.
 */
#include "util.h"

#include <string.h>

/* No stored hash: 16 bytes a slot instead of 24 (the differ and both
 * schemas hold one column map per table), at the price of a strcmp per
 * probe, which mostly stops at the first byte. */
typedef struct slot {
	const char *key;
	void *value;
} slot;

/*
 * Up to SMALL entries a map is a dense array searched in order: no hash to
 * compute, and a table's map of 10 columns takes 10 slots, not 16. Slots
 * are allocated on the first put, so the many maps that stay empty (the
 * differ keeps several per table pair) cost only this header.
 */
#define SMALL 16

struct sd_map {
	sd_arena *arena;
	slot *slots;  /* NULL until the first put */
	size_t cap;   /* small: array length; hashed: a power of two > SMALL */
	size_t count;
};

uint64_t sd_hash_bytes(const void *p, size_t n, uint64_t seed)
{
	/* FNV-1a, then a final avalanche (splitmix64). */
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL ^ seed;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}

uint64_t sd_hash_str(const char *s)
{
	return sd_hash_bytes(s, strlen(s), 0);
}

static size_t hashed_cap(size_t entries)
{
	size_t cap = SMALL * 2;

	/* room below the 3/4 load that triggers growth */
	while (cap * 3 < (entries + 1) * 4)
		cap *= 2;
	return cap;
}

sd_map *sd_map_new(sd_arena *a, size_t expected)
{
	sd_map *m = sd_arena_alloc(a, sizeof(*m));

	m->arena = a;
	if (expected == 0)
		m->cap = 4;
	else if (expected <= SMALL)
		m->cap = expected;
	else
		m->cap = hashed_cap(expected);
	return m;
}

static slot *map_find(slot *slots, size_t cap, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);

	for (;;) {
		slot *s = &slots[i];
		if (!s->key || strcmp(s->key, key) == 0)
			return s;
		i = (i + 1) & (cap - 1);
	}
}

static slot *small_find(const sd_map *m, const char *key)
{
	size_t i;

	for (i = 0; i < m->count; i++) {
		slot *s = &m->slots[i];
		if (s->key[0] == key[0] && strcmp(s->key, key) == 0)
			return s;
	}
	return NULL;
}

/* Makes room for one more entry. */
static void map_grow(sd_map *m)
{
	size_t cap, i;
	slot *slots;

	if (!m->slots) {
		m->slots = sd_arena_alloc(m->arena, m->cap * sizeof(slot));
		return;
	}
	if (m->cap <= SMALL) {
		if (m->count < m->cap)
			return;
		if (m->cap * 2 <= SMALL) {
			slots = sd_arena_alloc(m->arena,
			                       m->cap * 2 * sizeof(slot));
			memcpy(slots, m->slots, m->count * sizeof(slot));
			m->slots = slots;
			m->cap *= 2;
			return;
		}
		cap = hashed_cap(m->count + 1);
	} else {
		if ((m->count + 1) * 4 <= m->cap * 3)
			return;
		cap = m->cap * 2;
	}
	slots = sd_arena_alloc(m->arena, cap * sizeof(slot));
	for (i = 0; i < (m->cap <= SMALL ? m->count : m->cap); i++) {
		slot *s = &m->slots[i];
		if (s->key)
			*map_find(slots, cap, s->key, sd_hash_str(s->key)) =
				*s;
	}
	m->slots = slots;
	m->cap = cap;
}

void *sd_map_put(sd_map *m, const char *key, void *value)
{
	slot *s;
	void *old;

	if (m->slots) {
		s = m->cap <= SMALL
			    ? small_find(m, key)
			    : map_find(m->slots, m->cap, key,
			               sd_hash_str(key));
		if (s && s->key) {
			old = s->value;
			s->value = value;
			return old;
		}
	}
	map_grow(m);
	s = m->cap <= SMALL ? &m->slots[m->count]
	                    : map_find(m->slots, m->cap, key,
	                               sd_hash_str(key));
	s->key = key;
	s->value = value;
	m->count++;
	return NULL;
}

void *sd_map_get(const sd_map *m, const char *key)
{
	slot *s;

	if (!m || !key || !m->slots)
		return NULL;
	if (m->cap <= SMALL) {
		s = small_find(m, key);
		return s ? s->value : NULL;
	}
	s = map_find(m->slots, m->cap, key, sd_hash_str(key));
	return s->key ? s->value : NULL;
}

size_t sd_map_count(const sd_map *m)
{
	return m ? m->count : 0;
}
