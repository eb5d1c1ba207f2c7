/* arena.c - bump allocation for a KB's strings and nodes (one free per KB),
 * and the open-addressing string map used to intern names and index ids. */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

int kb_grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 16;
	void *p;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if (c > SIZE_MAX / size || !(p = realloc(*v, c * size)))
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

void kb_arena_adopt(struct kb_arena *dst, struct kb_arena *src)
{
	struct kb_arena_block *tail;

	if (!src->head)
		return;
	if (!dst->head) {
		*dst = *src;
	} else {
		/* behind dst's current block, which stays the one to fill */
		for (tail = src->head; tail->next; tail = tail->next)
			;
		tail->next = dst->head->next;
		dst->head->next = src->head;
		dst->total += src->total;
	}
	memset(src, 0, sizeof(*src));
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

/*
 * SipHash-1-3 with a key drawn once per process.  The ids and keys come
 * from the KB, which may be hostile: with a fixed hash (FNV-1a before)
 * anyone can make thousands of ids that share one hash, and the open
 * addressing goes quadratic (2^17 such ids, an 11 MB file, took a minute).
 * Nothing iterates the maps in hash order, so output does not change.
 */
static uint64_t sip_k0 = 0x736f6d6570736575u, sip_k1 = 0x646f72616e646f6du;

__attribute__((constructor)) static void sip_seed(void)
{
	uint64_t k[2];
	FILE *fp = fopen("/dev/urandom", "rb");

	if (fp && fread(k, sizeof(k), 1, fp) == 1) {
		sip_k0 ^= k[0];
		sip_k1 ^= k[1];
	} else {
		/* no urandom: where the stack and this call landed still
		 * differ from run to run (ASLR) */
		uintptr_t a = (uintptr_t)&k, b = (uintptr_t)&sip_seed;
		sip_k0 ^= (uint64_t)a * 0x9e3779b97f4a7c15u ^ (uint64_t)time(NULL);
		sip_k1 ^= (uint64_t)b * 0xc2b2ae3d27d4eb4fu ^ (uint64_t)clock();
	}
	if (fp)
		fclose(fp);
}

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3) do { \
	v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
	v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
	v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
	v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
} while (0)

uint64_t kb_hash64(const char *s, size_t len)
{
#ifdef KB_TEST_WEAK_HASH
	/* a copy of the library for tests/unit/test-collide.c: every string
	 * of a length has the same hash, so collisions are everyday */
	(void)s;
	return (uint64_t)len * 0x9e3779b97f4a7c15u;
#endif
	const unsigned char *p = (const unsigned char *)s;
	uint64_t v0 = sip_k0 ^ 0x736f6d6570736575u;
	uint64_t v1 = sip_k1 ^ 0x646f72616e646f6du;
	uint64_t v2 = sip_k0 ^ 0x6c7967656e657261u;
	uint64_t v3 = sip_k1 ^ 0x7465646279746573u;
	uint64_t m, b = (uint64_t)len << 56;
	size_t i, left = len & 7;

	for (i = 0; i + 8 <= len; i += 8) {
		/* in host order: a big-endian host hashes differently from
		 * the reference, and as well */
		memcpy(&m, p + i, 8);
		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	while (left--)
		b |= (uint64_t)p[i + left] << (8 * left);
	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}

uint32_t kb_hash(const char *s, size_t len)
{
	uint64_t m = kb_hash64(s, len);

	return (uint32_t)(m ^ (m >> 32));
}

static struct kb_strmap_slot *probe(struct kb_strmap_slot *slots, size_t cap,
				    const char *key, size_t len, uint32_t h)
{
	size_t i = h & (cap - 1);

	for (;;) {
		struct kb_strmap_slot *s = &slots[i];

		KB_WORK_ADD(lookup_probes, 1);
		if (!s->key || (s->hash == h && s->len == len &&
				memcmp(s->key, key, len) == 0))
			return s;
		i = (i + 1) & (cap - 1);
	}
}

const struct kb_strmap_slot *kb_strmap_find(const struct kb_strmap *m,
					    const char *key, size_t len)
{
	/* never written: threads may share it (a write here was a race) */
	static const struct kb_strmap_slot empty;

	if (!m->cap)
		return &empty;
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
