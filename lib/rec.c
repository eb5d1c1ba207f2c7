/*
 * rec.c - the records of a KB loaded whole, kept compact.
 *
 * The loader builds each record as a struct kb_record with arrays of
 * fields and values (24 and 32 bytes each, more than most values' text),
 * then encodes it here into one run of bytes and forgets the structs:
 *
 *   per field: name number, line - record line (zigzag), column,
 *              count << 1 | is_list                      (varints)
 *   per value: line - key line (zigzag), column, length  (varints),
 *              the text and a NUL
 *
 * The text stays in place, NUL-terminated, so a decoded value lends it as
 * is.  kb_at() and kb_get() decode a record once into the structs and keep
 * them (their pointers live as long as the KB); the library's own passes
 * over every record (validation, back-links, kb_stream() over a loaded KB)
 * decode into a reused view, so memory stays near the YAML's size.
 */
#include "kb-int.h"

#include <stdlib.h>
#include <string.h>

static size_t uv_len(uint64_t v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

static unsigned char *uv_put(unsigned char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (unsigned char)v;
	return p;
}

/* Only ever reads what uv_put wrote. */
static const unsigned char *uv_get(const unsigned char *p, uint64_t *out)
{
	uint64_t v = 0;
	unsigned shift = 0;

	for (;;) {
		unsigned char b = *p++;

		v |= (uint64_t)(b & 0x7F) << shift;
		if (!(b & 0x80))
			break;
		shift += 7;
	}
	*out = v;
	return p;
}

/* Lines of a merged field or an alias may come before the record's. */
static uint64_t zz(uint32_t a, uint32_t b)
{
	int64_t d = (int64_t)a - (int64_t)b;

	return d < 0 ? ((uint64_t)(-d) << 1) - 1 : (uint64_t)d << 1;
}

static uint32_t unzz(uint32_t b, uint64_t u)
{
	int64_t d = u & 1 ? -(int64_t)((u + 1) >> 1) : (int64_t)(u >> 1);

	return (uint32_t)((int64_t)b + d);
}

struct kb_crec *kb_crec_encode(struct kb *kb, struct kb_arena *a,
			       const struct kb_record *rec)
{
	size_t size = sizeof(struct kb_crec), idoff = 0;
	const struct kb_field *f;
	const struct kb_value *v;
	struct kb_crec *c;
	unsigned char *p;
	uint32_t i, j;

	for (i = 0; i < rec->nfields; i++) {
		f = &rec->fields[i];
		size += uv_len(kb_name_idx(f->name)) + uv_len(zz(f->line, rec->line)) +
			uv_len(f->col) + uv_len((uint64_t)f->count << 1);
		for (j = 0; j < f->count; j++) {
			v = &f->values[j];
			size += uv_len(zz(v->line, f->line)) + uv_len(v->col) +
				uv_len(v->len) + v->len + 1;
		}
	}
	if (!(c = kb_arena_alloc(a, size)))
		return NULL;
	c->kind = rec->kind;
	c->file = rec->file;
	c->full = NULL;
	c->line = rec->line;
	c->col = rec->col;
	c->nfields = rec->nfields;
	c->index = 0;
	p = c->blob;
	for (i = 0; i < rec->nfields; i++) {
		f = &rec->fields[i];
		p = uv_put(p, kb_name_idx(f->name));
		p = uv_put(p, zz(f->line, rec->line));
		p = uv_put(p, f->col);
		p = uv_put(p, (uint64_t)f->count << 1 | f->is_list);
		for (j = 0; j < f->count; j++) {
			v = &f->values[j];
			p = uv_put(p, zz(v->line, f->line));
			p = uv_put(p, v->col);
			p = uv_put(p, v->len);
			if (f->name == kb->id_name && !idoff)
				idoff = (size_t)(p - c->blob) + 1;
			memcpy(p, v->text, v->len);
			p[v->len] = '\0';
			p += v->len + 1;
		}
	}
	c->id = (const char *)c->blob + idoff - 1;
	return c;
}

int kb_view_decode(const struct kb *kb, const struct kb_crec *c,
		   struct kb_view *w)
{
	const unsigned char *p = c->blob;
	size_t nv = 0, k;
	uint64_t x;
	uint32_t i, j;

	if (kb_grow((void **)&w->fields, &w->capf, c->nfields ? c->nfields : 1,
		    sizeof(*w->fields)) < 0)
		return -1;
	for (i = 0; i < c->nfields; i++) {
		struct kb_field *f = &w->fields[i];

		p = uv_get(p, &x);
		f->name = kb->namev[x];
		p = uv_get(p, &x);
		f->line = unzz(c->line, x);
		p = uv_get(p, &x);
		f->col = (uint32_t)x;
		p = uv_get(p, &x);
		f->count = (uint32_t)(x >> 1);
		f->is_list = x & 1;
		if (kb_grow((void **)&w->values, &w->capv, nv + f->count,
			    sizeof(*w->values)) < 0)
			return -1;
		for (j = 0; j < f->count; j++) {
			struct kb_value *v = &w->values[nv++];

			p = uv_get(p, &x);
			v->line = unzz(f->line, x);
			p = uv_get(p, &x);
			v->col = (uint32_t)x;
			p = uv_get(p, &x);
			v->len = (uint32_t)x;
			v->text = (const char *)p;
			p += v->len + 1;
		}
	}
	/* the values array may have moved while it grew: point now */
	for (i = 0, k = 0; i < c->nfields; i++) {
		w->fields[i].values = &w->values[k];
		k += w->fields[i].count;
	}
	w->rec.id = c->id;
	w->rec.kind = c->kind;
	w->rec.file = c->file;
	w->rec.line = c->line;
	w->rec.col = c->col;
	w->rec.nfields = c->nfields;
	w->rec.index = c->index;
	w->rec.fields = w->fields;
	return 0;
}

void kb_view_free(struct kb_view *w)
{
	free(w->fields);
	free(w->values);
	memset(w, 0, sizeof(*w));
}

const struct kb_record *kb_crec_full(const struct kb *ckb, struct kb_crec *c)
{
	struct kb *kb = kb_unconst(ckb);	/* a cache the KB owns */
	struct kb_view w;
	struct kb_record *r;
	struct kb_field *f;
	struct kb_value *v;
	size_t nv = 0;
	uint32_t i;

	if (c->full)
		return c->full;
	memset(&w, 0, sizeof(w));
	if (kb_view_decode(kb, c, &w) < 0)
		goto fail;
	for (i = 0; i < c->nfields; i++)
		nv += w.fields[i].count;
	r = kb_arena_alloc(&kb->arena, sizeof(*r));
	f = kb_arena_alloc(&kb->arena, (c->nfields ? c->nfields : 1) * sizeof(*f));
	v = kb_arena_alloc(&kb->arena, (nv ? nv : 1) * sizeof(*v));
	if (!r || !f || !v)
		goto fail;
	*r = w.rec;
	if (c->nfields)
		memcpy(f, w.fields, c->nfields * sizeof(*f));
	if (nv)
		memcpy(v, w.values, nv * sizeof(*v));
	for (i = 0, nv = 0; i < c->nfields; i++) {
		f[i].values = &v[nv];
		nv += f[i].count;
	}
	r->fields = f;
	c->full = r;
	kb_view_free(&w);
	return r;
fail:
	kb_view_free(&w);
	return NULL;
}

/* ---- digests (par.c) ------------------------------------------------------ */

static uint64_t mix(uint64_t h, uint64_t x)
{
	h ^= x + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdu;
}

uint64_t kb_record_digest(const struct kb_field *f, uint32_t n, uint32_t line,
			  uint32_t col)
{
	uint64_t h = mix(col, n);
	uint32_t i, j;

	/* lines relative to the record's: a unit counts from its start */
	for (i = 0; i < n; i++) {
		h = mix(h, kb_hash64(f[i].name, strlen(f[i].name)));
		h = mix(h, (uint64_t)(f[i].line - line) << 32 | f[i].col);
		h = mix(h, (uint64_t)f[i].count << 1 | f[i].is_list);
		for (j = 0; j < f[i].count; j++) {
			const struct kb_value *v = &f[i].values[j];

			h = mix(h, (uint64_t)(v->line - line) << 32 | v->col);
			h = mix(h, kb_hash64(v->text, v->len));
		}
	}
	return h;
}

uint64_t kb_digest_chain(uint64_t chain, uint64_t digest, uint32_t line)
{
	return mix(mix(chain, digest), line);
}
