/* arena.c - bump allocation for a KB's strings and nodes (one free per KB),
 * and the open-addressing string map used to intern names and index ids. */
#include "kb-int.h"

#include <stdlib.h>
#include <string.h>

struct kb_arena_block {
	struct kb_arena_block *next;
	size_t size;
	max_align_t data[];
};

#define BLOCK_MIN ((size_t)64 << 10)

/* A new block of at least `size` bytes, larger as the arena grows so that
 * a big KB makes few of them. */
static char *new_block(struct kb_arena *a, size_t size, size_t *got)
{
	struct kb_arena_block *b;
	size_t want = a->total / 4;

	if (want < BLOCK_MIN)
		want = BLOCK_MIN;
	if (want > ((size_t)16 << 20))
		want = (size_t)16 << 20;
	if (want < size)
		want = size;
	b = malloc(sizeof(*b) + want);
	if (!b)
		return NULL;
	b->next = a->head;
	b->size = want;
	a->head = b;
	a->total += want;
	*got = want;
	return (char *)b->data;
}

void *kb_arena_alloc(struct kb_arena *a, size_t size)
{
	size_t got;
	char *p;

	size = (size + 7) & ~(size_t)7;
	if (a->cur && (size_t)(a->end - a->cur) >= size) {
		p = a->cur;
		a->cur += size;
		return p;
	}
	if (!(p = new_block(a, size, &got)))
		return NULL;
	a->cur = p + size;
	a->end = p + got;
	return p;
}

char *kb_arena_strndup(struct kb_arena *a, const char *s, size_t len)
{
	size_t got;
	char *p;

	if (!a->scur || (size_t)(a->send - a->scur) < len + 1) {
		if (!(p = new_block(a, len + 1, &got)))
			return NULL;
		a->scur = p;
		a->send = p + got;
	}
	p = a->scur;
	a->scur += len + 1;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void kb_arena_reset(struct kb_arena *a)
{
	struct kb_arena_block *b, *next;

	if (!a->head)
		return;
	for (b = a->head->next; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head->next = NULL;
	a->total = a->head->size;
	/* the kept block serves both: aligned data below, strings above */
	a->cur = (char *)a->head->data;
	a->end = a->cur + (a->head->size / 2 & ~(size_t)7);
	a->scur = a->end;
	a->send = a->cur + a->head->size;
}

void kb_arena_free(struct kb_arena *a)
{
	struct kb_arena_block *b, *next;

	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	memset(a, 0, sizeof(*a));
}

/* FNV-1a: short keys, good enough spread, no state. */
uint32_t kb_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static struct kb_strmap_slot *probe(struct kb_strmap_slot *slots, size_t cap,
				    const char *key, size_t len, uint32_t h)
{
	size_t i = h & (cap - 1);

	for (;;) {
		struct kb_strmap_slot *s = &slots[i];
		if (!s->key || (s->hash == h && s->len == len &&
				memcmp(s->key, key, len) == 0))
			return s;
		i = (i + 1) & (cap - 1);
	}
}

struct kb_strmap_slot *kb_strmap_find(const struct kb_strmap *m,
				      const char *key, size_t len)
{
	static struct kb_strmap_slot empty;

	if (!m->cap) {
		memset(&empty, 0, sizeof(empty));
		return &empty;
	}
	return probe(m->slots, m->cap, key, len, kb_hash(key, len));
}

static int grow(struct kb_strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64, i;
	struct kb_strmap_slot *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return -1;
	for (i = 0; i < m->cap; i++) {
		struct kb_strmap_slot *s = &m->slots[i];
		if (s->key)
			*probe(slots, cap, s->key, s->len, s->hash) = *s;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

struct kb_strmap_slot *kb_strmap_put(struct kb_strmap *m, const char *key,
				     size_t len, void *val, bool *added)
{
	uint32_t h = kb_hash(key, len);
	struct kb_strmap_slot *s;

	if ((m->count + 1) * 4 > m->cap * 3 && grow(m) < 0)
		return NULL;
	s = probe(m->slots, m->cap, key, len, h);
	*added = !s->key;
	if (!s->key) {
		s->key = key;
		s->len = (uint32_t)len;
		s->hash = h;
		s->val = val;
		m->count++;
	}
	return s;
}

void kb_strmap_free(struct kb_strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}
