/*
 * load.c - turn one YAML file into records, from libyaml's event stream
 * (no DOM: a record is built straight from the events in a scratch arena,
 * then handed to the stream callback, or encoded compact (rec.c) and
 * kept).
 *
 * A document is a record (a mapping) or a sequence of records.  A record is
 * flat: each value is a scalar or a sequence of scalars.  Anchors, aliases
 * and merge keys are resolved by sharing: an alias reuses the anchored
 * values' memory, so expansion costs only pointers, and is still bounded by
 * the size it would produce (the "billion laughs" budget).
 */
#include "kb-int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

enum anchor_type { ANCHOR_SCALAR, ANCHOR_SEQ, ANCHOR_MAP };

struct anchor {
	enum anchor_type type;
	const struct kb_value *values;	/* SCALAR (1) and SEQ */
	uint32_t count;
	const struct kb_field *fields;	/* MAP */
	uint32_t nfields;
	size_t cost;			/* bytes an alias to it produces */
};

/* A growable array, reused across records so that loading does not call
 * malloc per value. */
#define VEC(T) struct { T *v; size_t n, cap; }

struct merge_src {
	const struct kb_field *fields;
	uint32_t n;
};

struct ld {
	struct kb *kb;
	struct kb_arena *arena;	/* the records' memory: the KB's, or scratch
				 * reused after each record when streaming */
	const char *file;
	yaml_parser_t p;
	yaml_event_t ev;
	bool have_ev;
	bool stopped;		/* the stream callback said stop */
	/* a unit of a file parsed by a worker thread (par.c), or NULL */
	struct kb_unit *unit;
	size_t skip;		/* records already delivered: pass over */
	uint64_t chain, want;	/* their digest so far, and as delivered */
	bool last_doc_open;	/* the last document ended as a unit must */
	bool any_doc;		/* a document was seen */
	struct kb_error *err;
	const char *data;	/* memory input, for positions of reader errors */
	size_t len;
	FILE *fp;
	struct feed *feed;	/* a pipe's input, for reader errors */
	struct kb_strmap anchors;
	char **anchor_keys;	/* malloc'd, freed with the document */
	size_t nanchor_keys, capanchor_keys;
	size_t size;		/* the file's bytes; 0: unknown (a pipe) */
	struct kb_marks *marks;	/* this thread's duplicate-key marks */
	/* A KB uses few distinct keys: a direct-mapped cache on a cheap
	 * hash (length, first and last byte) spares hashing the whole key. */
	struct kb_name *keycache[256];
	VEC(struct kb_value) vals;
	VEC(struct kb_field) fields;
	VEC(struct merge_src) merges;
};

/* A name's number (struct kb_name in kb-int.h) indexes the loader's
 * marks: the number of the last mapping that used the name as a key, so a
 * duplicate key is found in O(1).  The marks belong to each loader (one
 * per thread), not to the name. */

#define GROW(vec, need) \
	((vec).n + (need) <= (vec).cap ? 0 : kb_grow((void **)&(vec).v, \
		&(vec).cap, (vec).n + (need), sizeof(*(vec).v)))

/* The mark of name n in this loader: a pointer to it, NULL on OOM. */
static uint64_t *mark_of(struct ld *ld, const struct kb_name *n)
{
	struct kb_marks *mk = ld->marks;

	if (n->idx >= mk->n) {
		size_t cap = mk->n ? mk->n : 64;
		uint64_t *m;

		while (cap <= n->idx)
			cap *= 2;
		if (!(m = realloc(mk->v, cap * sizeof(*m))))
			return NULL;
		memset(m + mk->n, 0, (cap - mk->n) * sizeof(*m));
		mk->v = m;
		mk->n = cap;
	}
	return &mk->v[n->idx];
}

static struct kb_name *cached_name(struct ld *ld, const char *s, size_t len)
{
	unsigned h = len ? (unsigned)(len * 31 + (unsigned char)s[0] * 7 +
				      (unsigned char)s[len - 1]) & 255 : 0;
	struct kb_name *c = ld->keycache[h];

	if (c && c->len == len && !memcmp(c->s, s, len))
		return c;
	c = kb_intern_name(ld->kb, s, len);
	if (c)
		ld->keycache[h] = c;
	return c;
}

/* ---- errors ------------------------------------------------------------ */

static int oom(struct ld *ld)
{
	return kb_err(ld->err, KB_ENOMEM, ld->file, 0, 0, "out of memory");
}

static int at(struct ld *ld, enum kb_code code, yaml_mark_t m, const char *fmt,
	      ...) __attribute__((format(printf, 4, 5)));

static int at(struct ld *ld, enum kb_code code, yaml_mark_t m, const char *fmt,
	      ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = kb_vstrprintf(fmt, ap);
	va_end(ap);
	kb_err(ld->err, code, ld->file, (unsigned)m.line + 1,
	       (unsigned)m.column + 1, "%s", msg ? msg : "out of memory");
	free(msg);
	return code;
}

/*
 * Input that cannot be read twice (a pipe, a terminal) goes to libyaml
 * through feed_read, which keeps the last FEED_WIN bytes and the position
 * where they start: libyaml's reader errors fall in its last raw buffer
 * (16 KiB), well inside.  Only newlines are counted in the bytes that
 * leave the window, and characters after the last one.
 */
#define FEED_WIN ((size_t)64 << 10)

struct feed {
	FILE *fp;
	size_t start;		/* offset of win[0] in the input */
	unsigned line, col;	/* 1-based position of win[0] */
	size_t n;
	char win[FEED_WIN];
};

/* Move the position of *line, *col over s[0..n). */
static void advance(const char *s, size_t n, unsigned *line, unsigned *col)
{
	const char *nl, *end = s + n;

	while ((nl = memchr(s, '\n', (size_t)(end - s)))) {
		++*line;
		*col = 1;
		s = nl + 1;
	}
	for (; s < end; s++)
		if ((*s & 0xC0) != 0x80 && *s != '\r')
			++*col;
}

static int feed_read(void *ud, unsigned char *buf, size_t size, size_t *got)
{
	struct feed *f = ud;
	size_t n = fread(buf, 1, size, f->fp), keep = n < FEED_WIN ? n : FEED_WIN;

	if (f->n + keep > FEED_WIN) {
		size_t drop = f->n + keep - FEED_WIN;

		advance(f->win, drop, &f->line, &f->col);
		memmove(f->win, f->win + drop, f->n - drop);
		f->n -= drop;
		f->start += drop;
	}
	if (n > keep) {	/* a read larger than the window: skip its head */
		advance(f->win, f->n, &f->line, &f->col);
		advance((const char *)buf, n - keep, &f->line, &f->col);
		f->start += f->n + n - keep;
		f->n = 0;
	}
	memcpy(f->win + f->n, buf + n - keep, keep);
	f->n += keep;
	*got = n;
	return !ferror(f->fp);
}

/* libyaml's reader errors carry only a byte offset: find its line and
 * column (in characters, as libyaml counts them) by reading up to it. */
static void offset_pos(struct ld *ld, size_t off, unsigned *line, unsigned *col)
{
	char buf[4096];
	size_t n;

	*line = 1;
	*col = 1;
	if (ld->feed) {
		struct feed *f = ld->feed;

		if (off < f->start) {	/* not kept: no position */
			*line = *col = 0;
			return;
		}
		*line = f->line;
		*col = f->col;
		advance(f->win, off - f->start < f->n ? off - f->start : f->n,
			line, col);
		return;
	}
	if (ld->data) {
		advance(ld->data, off < ld->len ? off : ld->len, line, col);
		return;
	}
	if (!ld->fp || fseek(ld->fp, 0, SEEK_SET) != 0)
		return;
	while (off && (n = fread(buf, 1, off < sizeof(buf) ? off : sizeof(buf),
				 ld->fp))) {
		advance(buf, n, line, col);
		off -= n;
	}
}

static int yaml_failed(struct ld *ld)
{
	yaml_parser_t *p = &ld->p;
	unsigned line, col;

	if (p->error == YAML_MEMORY_ERROR)
		return oom(ld);
	if (p->error == YAML_READER_ERROR) {
		offset_pos(ld, p->problem_offset, &line, &col);
		if (p->problem_value != -1)
			return kb_err(ld->err, KB_ESYNTAX, ld->file, line, col,
				      "yaml: %s (byte 0x%02X)",
				      p->problem ? p->problem : "reader error",
				      (unsigned)p->problem_value & 0xFF);
		return kb_err(ld->err, KB_ESYNTAX, ld->file, line, col,
			      "yaml: %s",
			      p->problem ? p->problem : "reader error");
	}
	if (p->context)
		return kb_err(ld->err, KB_ESYNTAX, ld->file,
			      (unsigned)p->problem_mark.line + 1,
			      (unsigned)p->problem_mark.column + 1,
			      "yaml: %s (%s at %u:%u)",
			      p->problem ? p->problem : "syntax error",
			      p->context, (unsigned)p->context_mark.line + 1,
			      (unsigned)p->context_mark.column + 1);
	return kb_err(ld->err, KB_ESYNTAX, ld->file,
		      (unsigned)p->problem_mark.line + 1,
		      (unsigned)p->problem_mark.column + 1, "yaml: %s",
		      p->problem ? p->problem : "syntax error");
}

/* ---- events ------------------------------------------------------------ */

/* Move to the next event; ld->ev holds it. */
static int next(struct ld *ld)
{
	if (ld->have_ev) {
		yaml_event_delete(&ld->ev);
		ld->have_ev = false;
	}
	if (!yaml_parser_parse(&ld->p, &ld->ev))
		return yaml_failed(ld);
	ld->have_ev = true;
	return 0;
}

static bool is_null(const yaml_event_t *e)
{
	const char *s = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;

	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return n == 0 || (n == 1 && s[0] == '~') ||
	       (n == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) ||
			   !memcmp(s, "NULL", 4)));
}

static int remember(struct ld *ld, const yaml_char_t *name,
		    const struct anchor *a)
{
	const struct kb_strmap_slot *slot;
	struct anchor *copy;
	size_t len = strlen((const char *)name);
	char *key;
	bool added;

	slot = kb_strmap_find(&ld->anchors, (const char *)name, len);
	if (slot->key) {	/* a redefined anchor: the later one wins */
		*(struct anchor *)slot->val = *a;
		return 0;
	}
	if (ld->nanchor_keys == ld->capanchor_keys &&
	    kb_grow((void **)&ld->anchor_keys, &ld->capanchor_keys,
		    ld->nanchor_keys + 1, sizeof(char *)) < 0)
		return oom(ld);
	key = malloc(len + 1 + sizeof(*copy) + 8);
	if (!key)
		return oom(ld);
	copy = (struct anchor *)(void *)(key + ((len + 1 + 7) & ~(size_t)7));
	memcpy(key, name, len + 1);
	*copy = *a;
	ld->anchor_keys[ld->nanchor_keys++] = key;
	if (!kb_strmap_put(&ld->anchors, key, len, copy, &added))
		return oom(ld);
	return 0;
}

static const struct anchor *lookup(struct ld *ld)
{
	const char *name = (const char *)ld->ev.data.alias.anchor;
	const struct kb_strmap_slot *slot;

	slot = kb_strmap_find(&ld->anchors, name, strlen(name));
	return slot->key ? slot->val : NULL;
}

/* An alias to a known anchor, charged against the expansion budget. */
static int resolve_alias(struct ld *ld, const struct anchor **out)
{
	const struct anchor *a;
	struct kb *kb = ld->kb;
	size_t read, limit;

	/* an alias may name an anchor of an earlier unit: only a reading
	 * of the whole file can tell */
	if (ld->unit)
		return KB_EPAR;
	a = lookup(ld);
	if (!a)
		return at(ld, KB_ESTRUCT, ld->ev.start_mark,
			  "unknown anchor '%s'",
			  (const char *)ld->ev.data.alias.anchor);
	/* one budget for the whole KB, not one per file: all expansion so
	 * far in proportion to all the bytes read so far (this file whole
	 * when its size is known) */
	read = kb->bytes + (ld->size ? ld->size : ld->p.offset);
	limit = KB_ALIAS_BASE + KB_ALIAS_FACTOR * read;
	if (kb->alias_spent > limit || a->cost > limit - kb->alias_spent)
		return at(ld, KB_ELIMIT, ld->ev.start_mark,
			  "alias '%s' expands beyond the limit of the KB, %zu "
			  "bytes for its %zu bytes read (billion laughs?)",
			  (const char *)ld->ev.data.alias.anchor, limit, read);
	kb->alias_spent += a->cost;
	*out = a;
	return 0;
}

static void drop_anchors(struct ld *ld)
{
	size_t i;

	for (i = 0; i < ld->nanchor_keys; i++)
		free(ld->anchor_keys[i]);
	ld->nanchor_keys = 0;
	kb_strmap_free(&ld->anchors);
}

/* A scalar holding "\0": every string of a record is a C string, so a
 * NUL would cut it short ("a\0x" and "a\0y" read as the same id). */
static bool has_nul(const struct ld *ld)
{
	return memchr(ld->ev.data.scalar.value, '\0',
		      ld->ev.data.scalar.length) != NULL;
}

/* A scalar event as a value in the arena. */
static int scalar_value(struct ld *ld, struct kb_value *v)
{
	size_t n = ld->ev.data.scalar.length;

	if (n > KB_MAX_SCALAR)
		return at(ld, KB_ELIMIT, ld->ev.start_mark,
			  "scalar of %zu bytes is over the limit of %zu", n,
			  KB_MAX_SCALAR);
	if (has_nul(ld))
		return at(ld, KB_ESTRUCT, ld->ev.start_mark,
			  "a NUL byte (\\0) in a value");
	v->text = kb_arena_strndup(ld->arena,
				   (const char *)ld->ev.data.scalar.value, n);
	if (!v->text)
		return oom(ld);
	v->len = (uint32_t)n;
	v->line = (uint32_t)ld->ev.start_mark.line + 1;
	v->col = (uint32_t)ld->ev.start_mark.column + 1;
	return 0;
}

static size_t values_cost(const struct kb_value *v, size_t n)
{
	size_t c = 0, i;

	for (i = 0; i < n; i++)
		c += v[i].len + sizeof(*v);
	return c;
}

static int seq_values(struct ld *ld, const char *name);

/*
 * The value of field `name`, the current event being its first: a scalar,
 * a sequence of scalars, or an alias to either.  Appends 0..n values to
 * ld->vals; *list tells whether a sequence was written.
 */
static int field_value(struct ld *ld, const char *name, bool *list)
{
	const yaml_char_t *anchor = NULL;
	char *seq_anchor = NULL;
	const struct anchor *a;
	size_t start = ld->vals.n, i;
	struct anchor rec;
	int rc = 0;

	*list = false;
	switch (ld->ev.type) {
	case YAML_SCALAR_EVENT:
		if (is_null(&ld->ev)) {
			if (ld->ev.data.scalar.anchor) {
				memset(&rec, 0, sizeof(rec));
				rec.type = ANCHOR_SCALAR;
				return remember(ld, ld->ev.data.scalar.anchor, &rec);
			}
			return 0;
		}
		if (GROW(ld->vals, 1) < 0)
			return oom(ld);
		if ((rc = scalar_value(ld, &ld->vals.v[ld->vals.n])))
			return rc;
		ld->vals.n++;
		anchor = ld->ev.data.scalar.anchor;
		break;
	case YAML_ALIAS_EVENT:
		if ((rc = resolve_alias(ld, &a)))
			return rc;
		if (a->type == ANCHOR_MAP)
			return at(ld, KB_ESTRUCT, ld->ev.start_mark,
				  "field '%s' holds a nested mapping (through "
				  "alias '%s')", name,
				  (const char *)ld->ev.data.alias.anchor);
		if (GROW(ld->vals, a->count) < 0)
			return oom(ld);
		for (i = 0; i < a->count; i++)
			ld->vals.v[ld->vals.n++] = a->values[i];
		*list = a->type == ANCHOR_SEQ;
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		*list = true;
		/* The event, and the anchor name in it, is freed by next(). */
		if (ld->ev.data.sequence_start.anchor &&
		    !(seq_anchor = strdup((const char *)
					  ld->ev.data.sequence_start.anchor)))
			return oom(ld);
		anchor = (const yaml_char_t *)seq_anchor;
		if ((rc = seq_values(ld, name))) {
			free(seq_anchor);
			return rc;
		}
		break;
	case YAML_MAPPING_START_EVENT:
		return at(ld, KB_ESTRUCT, ld->ev.start_mark,
			  "field '%s' holds a nested mapping", name);
	default:
		return at(ld, KB_ESTRUCT, ld->ev.start_mark,
			  "unexpected YAML event in field '%s'", name);
	}
	if (anchor) {
		/* Anchored values must outlive the scratch vector. */
		struct kb_value *copy;
		size_t n = ld->vals.n - start;

		copy = kb_arena_alloc(ld->arena, (n ? n : 1) * sizeof(*copy));
		if (!copy) {
			free(seq_anchor);
			return oom(ld);
		}
		if (n)
			memcpy(copy, ld->vals.v + start, n * sizeof(*copy));
		memset(&rec, 0, sizeof(rec));
		rec.type = *list ? ANCHOR_SEQ : ANCHOR_SCALAR;
		rec.values = copy;
		rec.count = (uint32_t)n;
		rec.cost = values_cost(copy, n);
		rc = remember(ld, anchor, &rec);
	}
	free(seq_anchor);
	return rc;
}

/* The elements of a sequence of scalars, appended to ld->vals; the current
 * event is the SEQUENCE_START. */
static int seq_values(struct ld *ld, const char *name)
{
	const struct anchor *a;
	struct anchor rec;
	yaml_mark_t m;
	int rc;

		for (;;) {
			if ((rc = next(ld)))
				return rc;
			m = ld->ev.start_mark;
			if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
				break;
			if (ld->ev.type == YAML_SCALAR_EVENT) {
				if (is_null(&ld->ev))
					return at(ld, KB_ESTRUCT, m,
						  "null element in list '%s'",
						  name);
				if (GROW(ld->vals, 1) < 0)
					return oom(ld);
				if ((rc = scalar_value(ld, &ld->vals.v[ld->vals.n])))
					return rc;
				ld->vals.n++;
				if (ld->ev.data.scalar.anchor) {
					struct kb_value *one;
					one = kb_arena_alloc(ld->arena, sizeof(*one));
					if (!one)
						return oom(ld);
					*one = ld->vals.v[ld->vals.n - 1];
					memset(&rec, 0, sizeof(rec));
					rec.type = ANCHOR_SCALAR;
					rec.values = one;
					rec.count = 1;
					rec.cost = values_cost(one, 1);
					if ((rc = remember(ld, ld->ev.data.scalar.anchor,
							   &rec)))
						return rc;
				}
				continue;
			}
			if (ld->ev.type == YAML_ALIAS_EVENT) {
				if ((rc = resolve_alias(ld, &a)))
					return rc;
				if (a->type != ANCHOR_SCALAR)
					return at(ld, KB_ESTRUCT, m,
						  "list '%s' holds a %s (through "
						  "alias '%s')", name,
						  a->type == ANCHOR_SEQ ?
						  "list inside a list" :
						  "nested mapping",
						  (const char *)ld->ev.data.alias.anchor);
				if (!a->count)
					return at(ld, KB_ESTRUCT, m,
						  "null element in list '%s'",
						  name);
				if (GROW(ld->vals, 1) < 0)
					return oom(ld);
				ld->vals.v[ld->vals.n++] = a->values[0];
				continue;
			}
			if (ld->ev.type == YAML_SEQUENCE_START_EVENT)
				return at(ld, KB_ESTRUCT, m,
					  "list '%s' holds a list inside a list",
					  name);
			return at(ld, KB_ESTRUCT, m,
				  "list '%s' holds a nested mapping", name);
		}
	return 0;
}

static int parse_map(struct ld *ld, int depth, const yaml_char_t *anchor,
		     bool top, struct kb_field **out, uint32_t *nout);

/*
 * The value of a merge key: an alias to a mapping, an inline mapping, or a
 * sequence of those.  Each becomes a merge source, in order.
 */
static int merge_value(struct ld *ld, int depth)
{
	const struct anchor *a;
	const struct kb_field *f;
	struct kb_field *parsed;
	uint32_t n;
	int rc;
	bool seq = false;

	if (ld->ev.type == YAML_SEQUENCE_START_EVENT) {
		seq = true;
		if ((rc = next(ld)))
			return rc;
	}
	for (;;) {
		if (seq && ld->ev.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (ld->ev.type == YAML_ALIAS_EVENT) {
			if ((rc = resolve_alias(ld, &a)))
				return rc;
			if (a->type != ANCHOR_MAP)
				return at(ld, KB_ESTRUCT, ld->ev.start_mark,
					  "merge key '<<' needs a mapping, "
					  "alias '%s' is not one",
					  (const char *)ld->ev.data.alias.anchor);
			f = a->fields;
			n = a->nfields;
		} else if (ld->ev.type == YAML_MAPPING_START_EVENT) {
			if (depth >= KB_MAX_DEPTH)
				return at(ld, KB_ELIMIT, ld->ev.start_mark,
					  "merges nest deeper than %d levels",
					  KB_MAX_DEPTH);
			if ((rc = parse_map(ld, depth + 1,
					    ld->ev.data.mapping_start.anchor,
					    false, &parsed, &n)))
				return rc;
			f = parsed;
		} else {
			return at(ld, KB_ESTRUCT, ld->ev.start_mark,
				  "merge key '<<' needs a mapping or a list of "
				  "mappings");
		}
		if (GROW(ld->merges, 1) < 0)
			return oom(ld);
		ld->merges.v[ld->merges.n].fields = f;
		ld->merges.v[ld->merges.n].n = n;
		ld->merges.n++;
		if (!seq)
			return 0;
		if ((rc = next(ld)))
			return rc;
	}
}

/* A key written twice in one mapping: the error names where the first is
 * (the mapping's fields so far start at fstart). */
static int dup_key(struct ld *ld, yaml_mark_t km, size_t fstart,
		   const char *name)
{
	size_t i;

	for (i = fstart; i < ld->fields.n; i++)
		if (ld->fields.v[i].name == name)
			return at(ld, KB_ESTRUCT, km,
				  "duplicate key '%s' (first at line %u, column %u)",
				  name, (unsigned)ld->fields.v[i].line,
				  (unsigned)ld->fields.v[i].col);
	return at(ld, KB_ESTRUCT, km, "duplicate key '%s'", name);
}

/*
 * A mapping of fields, the current event being its MAPPING_START.  The
 * result lives in the arena.  `top` is a record's own mapping: its keys use
 * the names' marks for O(1) duplicate detection; merged inline mappings are
 * small and scanned linearly, which leaves the record's marks intact.
 */
static int parse_map(struct ld *ld, int depth, const yaml_char_t *anchor_ev,
		     bool top, struct kb_field **out, uint32_t *nout)
{
	size_t fstart = ld->fields.n, mstart = ld->merges.n, i, j, nf;
	uint64_t seq = ++ld->marks->seq, *mark;
	char *anchor = NULL;
	struct kb_field *res;
	struct kb_name *name;
	yaml_mark_t km;
	int rc;

	if (anchor_ev && !(anchor = strdup((const char *)anchor_ev)))
		return oom(ld);
	for (;;) {
		if ((rc = next(ld)))
			goto fail;
		if (ld->ev.type == YAML_MAPPING_END_EVENT)
			break;
		km = ld->ev.start_mark;
		if (ld->ev.type == YAML_SCALAR_EVENT) {
			if (is_null(&ld->ev)) {
				rc = at(ld, KB_ESTRUCT, km, "empty key");
				goto fail;
			}
			if (ld->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
			    ld->ev.data.scalar.length == 2 &&
			    !memcmp(ld->ev.data.scalar.value, "<<", 2)) {
				if (ld->unit) {	/* merges are rare: keep
						 * units simple */
					rc = KB_EPAR;
					goto fail;
				}
				if ((rc = next(ld)) || (rc = merge_value(ld, depth)))
					goto fail;
				continue;
			}
			if (ld->ev.data.scalar.length > 4096) {
				rc = at(ld, KB_ELIMIT, km,
					"key of %zu bytes is over the limit of 4096",
					ld->ev.data.scalar.length);
				goto fail;
			}
			if (has_nul(ld)) {
				rc = at(ld, KB_ESTRUCT, km,
					"a NUL byte (\\0) in a key");
				goto fail;
			}
			name = cached_name(ld, (const char *)ld->ev.data.scalar.value,
					   ld->ev.data.scalar.length);
		} else if (ld->ev.type == YAML_ALIAS_EVENT) {
			const struct anchor *a;
			if ((rc = resolve_alias(ld, &a)))
				goto fail;
			if (a->type != ANCHOR_SCALAR || a->count != 1) {
				rc = at(ld, KB_ESTRUCT, km, "a key must be a scalar");
				goto fail;
			}
			name = kb_intern_name(ld->kb, a->values[0].text,
					   a->values[0].len);
		} else {
			rc = at(ld, KB_ESTRUCT, km, "a key must be a scalar");
			goto fail;
		}
		if (!name) {
			rc = oom(ld);
			goto fail;
		}
		if (top) {
			if (!(mark = mark_of(ld, name))) {
				rc = oom(ld);
				goto fail;
			}
			if (*mark == seq) {
				rc = dup_key(ld, km, fstart, name->s);
				goto fail;
			}
			*mark = seq;
		} else {
			for (i = fstart; i < ld->fields.n; i++)
				if (ld->fields.v[i].name == name->s) {
					rc = dup_key(ld, km, fstart, name->s);
					goto fail;
				}
		}
		if ((rc = next(ld)))
			goto fail;
		{
			size_t vstart = ld->vals.n, n;
			struct kb_value *vals;
			bool list;

			if ((rc = field_value(ld, name->s, &list)))
				goto fail;
			n = ld->vals.n - vstart;
			if (!n) {	/* null, ~, [] : absent */
				/* a later merge must not fill it in */
				if (!top) {
					if (GROW(ld->fields, 1) < 0) {
						rc = oom(ld);
						goto fail;
					}
					memset(&ld->fields.v[ld->fields.n], 0,
					       sizeof(struct kb_field));
					ld->fields.v[ld->fields.n].name = name->s;
					ld->fields.n++;
				}
				continue;
			}
			vals = kb_arena_alloc(ld->arena, n * sizeof(*vals));
			if (!vals) {
				rc = oom(ld);
				goto fail;
			}
			memcpy(vals, ld->vals.v + vstart, n * sizeof(*vals));
			ld->vals.n = vstart;
			if (GROW(ld->fields, 1) < 0) {
				rc = oom(ld);
				goto fail;
			}
			ld->fields.v[ld->fields.n].name = name->s;
			ld->fields.v[ld->fields.n].values = vals;
			ld->fields.v[ld->fields.n].count = (uint32_t)n;
			ld->fields.v[ld->fields.n].line = (uint32_t)km.line + 1;
			ld->fields.v[ld->fields.n].col = (uint32_t)km.column + 1;
			ld->fields.v[ld->fields.n].is_list = list;
			ld->fields.n++;
		}
	}
	/* Merge: own keys win, then earlier sources win over later ones. */
	for (i = mstart; i < ld->merges.n; i++) {
		const struct merge_src *src = &ld->merges.v[i];
		for (j = 0; j < src->n; j++) {
			const struct kb_field *f = &src->fields[j];
			size_t k;
			bool seen = false;

			if (top) {
				struct kb_name *nm = kb_intern_name(ld->kb, f->name,
								 strlen(f->name));
				if (!nm || !(mark = mark_of(ld, nm))) {
					rc = oom(ld);
					goto fail;
				}
				seen = *mark == seq;
				*mark = seq;
			} else {
				for (k = fstart; k < ld->fields.n && !seen; k++)
					seen = ld->fields.v[k].name == f->name;
			}
			if (seen)
				continue;
			if (GROW(ld->fields, 1) < 0) {
				rc = oom(ld);
				goto fail;
			}
			ld->fields.v[ld->fields.n++] = *f;
		}
	}
	ld->merges.n = mstart;
	/* Drop the placeholders of absent keys. */
	nf = 0;
	for (i = fstart; i < ld->fields.n; i++)
		if (ld->fields.v[i].count)
			ld->fields.v[fstart + nf++] = ld->fields.v[i];
	res = kb_arena_alloc(ld->arena, (nf ? nf : 1) * sizeof(*res));
	if (!res) {
		rc = oom(ld);
		goto fail;
	}
	if (nf)	/* fields.v is still NULL before the first field */
		memcpy(res, ld->fields.v + fstart, nf * sizeof(*res));
	ld->fields.n = fstart;
	*out = res;
	*nout = (uint32_t)nf;
	if (anchor) {
		struct anchor a;
		memset(&a, 0, sizeof(a));
		a.type = ANCHOR_MAP;
		a.fields = res;
		a.nfields = (uint32_t)nf;
		for (i = 0; i < nf; i++)
			a.cost += values_cost(res[i].values, res[i].count) +
				  sizeof(*res);
		rc = remember(ld, (const yaml_char_t *)anchor, &a);
		free(anchor);
		return rc;
	}
	return 0;
fail:
	free(anchor);
	return rc;
}

/* Make a record of a mapping's fields, check its id and kind, index it. */
static int add_record(struct ld *ld, const struct kb_field *f, uint32_t n,
		      yaml_mark_t m)
{
	struct kb *kb = ld->kb;
	struct kb_record *rec;
	struct kb_crec *c;
	const struct kb_field *id = NULL, *kind = NULL;
	uint32_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if (f[i].name == kb->id_name)
			id = &f[i];
		else if (f[i].name == kb->kind_name)
			kind = &f[i];
	}
	if (!id)
		return at(ld, KB_ESTRUCT, m, "record has no 'id'");
	if (id->is_list)
		return kb_err(ld->err, KB_ESTRUCT, ld->file, id->values[0].line,
			      id->values[0].col, "'id' must be one value, not a list");
	if (!kind)
		return at(ld, KB_ESTRUCT, m, "record '%s' has no 'kind'",
			  id->values[0].text);
	if (kind->is_list)
		return kb_err(ld->err, KB_ESTRUCT, ld->file,
			      kind->values[0].line, kind->values[0].col,
			      "'kind' must be one value, not a list");
	if (ld->skip) {
		/* delivered before a unit failed (par.c): only the anchors
		 * it may define matter now, and that it is the record that
		 * was delivered (the file may have been rewritten since) */
		ld->chain = kb_digest_chain(ld->chain,
					    kb_record_digest(f, n, (uint32_t)m.line + 1,
							     (uint32_t)m.column + 1),
					    (uint32_t)m.line + 1);
		if (!--ld->skip && ld->chain != ld->want)
			return at(ld, KB_EIO, m, "the file changed while it was "
				  "read: the records up to this one are not "
				  "those read before");
		if (!ld->anchors.count)
			kb_arena_reset(ld->arena);
		return 0;
	}
	if (!ld->unit && kb->nseen >= KB_MAX_RECORDS)
		return at(ld, KB_ELIMIT, m, "more than %zu records",
			  KB_MAX_RECORDS);
	rec = kb_arena_alloc(ld->arena, sizeof(*rec));
	if (!rec)
		return oom(ld);
	rec->id = id->values[0].text;
	{
		struct kb_name *kn = cached_name(ld, kind->values[0].text,
						 kind->values[0].len);
		if (!kn)
			return oom(ld);
		rec->kind = kn->s;
	}
	rec->file = ld->file;
	rec->line = (uint32_t)m.line + 1;
	rec->col = (uint32_t)m.column + 1;
	rec->fields = f;
	rec->nfields = n;
	if (ld->unit) {	/* numbered, indexed and handed on in file order */
		void *keep = rec;

		if (!kb->stream &&
		    !(keep = kb_crec_encode(kb, kb_unit_keep(ld->unit), rec)))
			return oom(ld);
		if (kb_unit_add(ld->unit, keep,
				kb_record_digest(f, n, rec->line, rec->col)))
			return oom(ld);
		if (!kb->stream && !ld->anchors.count)
			kb_arena_reset(ld->arena);
		return 0;
	}
	rec->index = kb->nseen++;
	if (kb->stream) {
		if ((rc = kb_index_record(kb, rec, NULL, ld->err)))
			return rc;
		if ((rc = kb->each(rec, kb->each_ud))) {
			ld->stopped = true;
			return rc;
		}
		/* Anchors may point into this record: keep the memory until
		 * the document ends. */
		if (!ld->anchors.count)
			kb_arena_reset(ld->arena);
		return 0;
	}
	/* kept compact (rec.c); the structs go with the scratch arena */
	if (!(c = kb_crec_encode(kb, &kb->arena, rec)))
		return oom(ld);
	c->index = (uint32_t)rec->index;
	if (kb_grow((void **)&kb->recs, &kb->caprecs, kb->nrecs + 1,
		    sizeof(*kb->recs)) < 0)
		return oom(ld);
	kb->recs[kb->nrecs++] = c;
	rc = kb_index_record(kb, rec, c, ld->err);
	if (!ld->anchors.count)
		kb_arena_reset(ld->arena);
	return rc;
}

static int record(struct ld *ld, int depth)
{
	yaml_mark_t m = ld->ev.start_mark;
	struct kb_field *f;
	uint32_t n;
	int rc;

	if (ld->ev.type == YAML_ALIAS_EVENT) {
		const struct anchor *a;
		if ((rc = resolve_alias(ld, &a)))
			return rc;
		if (a->type != ANCHOR_MAP)
			return at(ld, KB_ESTRUCT, m,
				  "list element is not a record (a mapping)");
		return add_record(ld, a->fields, a->nfields, m);
	}
	if ((rc = parse_map(ld, depth, ld->ev.data.mapping_start.anchor, true,
			    &f, &n)))
		return rc;
	return add_record(ld, f, n, m);
}

static int document(struct ld *ld)
{
	bool root_seq = false;	/* a block sequence at column 0 */
	int rc;

	if ((rc = next(ld)))
		return rc;
	ld->last_doc_open = false;
	ld->any_doc = true;
	switch (ld->ev.type) {
	case YAML_MAPPING_START_EVENT:
	case YAML_ALIAS_EVENT:
		if ((rc = record(ld, 0)))
			return rc;
		break;
	case YAML_SEQUENCE_START_EVENT:
		root_seq = ld->ev.data.sequence_start.style ==
			   YAML_BLOCK_SEQUENCE_STYLE &&
			   ld->ev.start_mark.column == 0;
		for (;;) {
			if ((rc = next(ld)))
				return rc;
			if (ld->ev.type == YAML_SEQUENCE_END_EVENT)
				break;
			if (ld->ev.type != YAML_MAPPING_START_EVENT &&
			    ld->ev.type != YAML_ALIAS_EVENT)
				return at(ld, KB_ESTRUCT, ld->ev.start_mark,
					  "list element is not a record (a "
					  "mapping)");
			if ((rc = record(ld, 0)))
				return rc;
		}
		break;
	case YAML_SCALAR_EVENT:
		if (is_null(&ld->ev))	/* an empty document */
			break;
		/* fall through */
	default:
		return at(ld, KB_ESTRUCT, ld->ev.start_mark,
			  "document is not a record or a list of records");
	}
	if ((rc = next(ld)))
		return rc;
	if (ld->ev.type != YAML_DOCUMENT_END_EVENT)
		return at(ld, KB_ESTRUCT, ld->ev.start_mark,
			  "unexpected content after the document");
	/* with no "..." the sequence went on to the end of the input (or to
	 * a "---", which then starts another document) */
	ld->last_doc_open = root_seq && ld->ev.data.document_end.implicit;
	return 0;
}

/*
 * After a structural error, read on to the end of the file: a file that is
 * not YAML at all (libyaml rejects it further on) is reported as the YAML
 * syntax error it is, not as the symptom the loader met first.
 */
static int syntax_first(struct ld *ld, int rc)
{
	struct kb_error keep;
	int r, depth = 0;

	if (ld->err)
		keep = *ld->err;
	while (!(r = next(ld))) {
		if (ld->ev.type == YAML_STREAM_END_EVENT ||
		    ld->ev.type == YAML_NO_EVENT)
			break;
		/* libyaml's scanner is quadratic in the nesting of flow
		 * collections ([[[[...: 100 KB take half a minute): records
		 * never nest deep, so neither does the search for a syntax
		 * error */
		if (ld->ev.type == YAML_SEQUENCE_START_EVENT ||
		    ld->ev.type == YAML_MAPPING_START_EVENT) {
			if (++depth > KB_MAX_DEPTH)
				break;
		} else if (ld->ev.type == YAML_SEQUENCE_END_EVENT ||
			   ld->ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		}
	}
	if (!ld->err)
		return r == KB_ESYNTAX ? r : rc;
	if (r == KB_ESYNTAX) {
		kb_error_free(&keep);
		return r;
	}
	if (r)		/* out of memory reading on: the first error stands */
		kb_error_free(ld->err);
	*ld->err = keep;
	return rc;
}

int kb_load_file(struct kb *kb, const char *name, void *fp, const char *data,
		 size_t len, size_t size, struct kb_unit *unit,
		 size_t skip, uint64_t chain, struct kb_error *err)
{
	struct ld ld;
	int rc = 0;

	memset(&ld, 0, sizeof(ld));
	ld.kb = kb;
	ld.unit = unit;
	ld.skip = skip;
	ld.want = chain;
	ld.marks = unit ? kb_unit_marks(unit) : &kb->marks;
	/* the records' structs: reused after each record, kept only while
	 * streamed records wait in a unit */
	ld.arena = unit ? kb_unit_arena(unit) : &kb->scratch;
	ld.file = name;
	ld.err = err;
	ld.data = data;
	ld.len = len;
	ld.fp = fp;
	ld.size = size;
	if (!yaml_parser_initialize(&ld.p))
		return kb_err(err, KB_ENOMEM, name, 0, 0, "out of memory");
	if (fp && (fseek(fp, 0, SEEK_CUR) != 0 || ftell(fp) < 0)) {
		/* not seekable: keep what is read, for positions */
		if (!(ld.feed = calloc(1, sizeof(*ld.feed)))) {
			yaml_parser_delete(&ld.p);
			return kb_err(err, KB_ENOMEM, name, 0, 0, "out of memory");
		}
		ld.feed->fp = fp;
		ld.feed->line = ld.feed->col = 1;
		yaml_parser_set_input(&ld.p, feed_read, ld.feed);
	} else if (fp) {
		yaml_parser_set_input_file(&ld.p, fp);
	} else {
		yaml_parser_set_input_string(&ld.p, (const unsigned char *)data,
					     len);
	}
	if ((rc = next(&ld)))
		goto out;
	if (ld.ev.type != YAML_STREAM_START_EVENT) {
		rc = kb_err(err, KB_ESYNTAX, name, 1, 1, "yaml: no stream start");
		goto out;
	}
	for (;;) {
		if ((rc = next(&ld)))
			break;
		if (ld.ev.type == YAML_STREAM_END_EVENT) {
			/* A unit that is not the file's last must end inside
			 * the top-level block sequence that the next unit goes
			 * on with, at the start of a line. */
			/* (or held no document at all: only comments) */
			if (unit && !kb_unit_end(unit,
						 ld.last_doc_open || !ld.any_doc,
						 ld.ev.start_mark.line,
						 ld.ev.start_mark.column))
				rc = KB_EPAR;
			else if (ld.skip)
				rc = at(&ld, KB_EIO, ld.ev.start_mark,
					"the file changed while it was read: "
					"it no longer holds the records read "
					"before");
			break;
		}
		if (ld.ev.type != YAML_DOCUMENT_START_EVENT) {
			rc = at(&ld, KB_ESYNTAX, ld.ev.start_mark,
				"yaml: expected a document");
			break;
		}
		if ((rc = document(&ld))) {
			if ((rc == KB_ESTRUCT || rc == KB_ELIMIT) && !ld.stopped &&
			    !unit)
				rc = syntax_first(&ld, rc);
			break;
		}
		drop_anchors(&ld);
		if (!unit || !kb->stream)
			kb_arena_reset(ld.arena);
	}
out:
	if (!unit && fp && !size)	/* a pipe: its size is what was read */
		kb->bytes += ld.p.offset;
	if (ld.have_ev)
		yaml_event_delete(&ld.ev);
	drop_anchors(&ld);
	free(ld.anchor_keys);
	free(ld.vals.v);
	free(ld.fields.v);
	free(ld.merges.v);
	free(ld.feed);
	yaml_parser_delete(&ld.p);
	return rc;
}
