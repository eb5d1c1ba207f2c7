/*
 * fields.c - the values of a --fields path, lined up (SPEC 2): a path
 * that passes through a list keeps one position per element, an absent
 * field included, so that the n-th title of `sources.title` belongs to the
 * n-th source.  Written as nested arrays with null (json, jsonl, yaml), or
 * joined with ';' in a way that can be undone (tsv, csv, text).
 */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

bool kbq_fields_names(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p;

	if (!len)	/* a key written "" is in no list */
		return false;
	for (p = list; (p = strstr(p, name)); p++)
		if ((p == list || p[-1] == ',') && (!p[len] || p[len] == ','))
			return true;
	return false;
}

static bool has_star(const char *list)
{
	return list && kbq_fields_names(list, "*");
}

bool kbq_fields_need_records(const struct kbq_ctx *ctx,
			     const struct kb_kind *kind)
{
	return has_star(ctx->o.fields) && !(kind && kb_has_schema(ctx->kb));
}

struct seen {
	const char *name;	/* interned: one pointer a name */
	size_t order;
};

static int by_name(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->name != y->name)
		return (uintptr_t)x->name < (uintptr_t)y->name ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int by_order(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

const char **kbq_fields_star(const struct kbq_ctx *ctx,
			     const struct kb_kind *kind,
			     const struct kb_record *const *recs, size_t n,
			     size_t *count)
{
	struct seen *all = NULL;
	const char **names;
	size_t i, j, k, total = 0, cap = 0;

	if (!kbq_fields_need_records(ctx, kind)) {
		names = xcalloc(kind->nfields + 2, sizeof(*names));
		names[0] = "id";
		names[1] = "kind";
		for (i = 0, k = 2; i < kind->nfields; i++)
			names[k++] = kind->fields[i].name;
		*count = k;
		return names;
	}
	/* the records' field names in order of first appearance: sorted by
	 * name to keep each one's first place, then by that place (a KB may
	 * hold very many names) */
	for (i = 0; i < n; i++)
		for (j = 0; j < recs[i]->nfields; j++) {
			if (total == cap) {
				cap = cap ? cap * 2 : 64;
				all = xrealloc(all, cap * sizeof(*all));
			}
			all[total].name = recs[i]->fields[j].name;
			all[total].order = total;
			total++;
		}
	if (total)
		qsort(all, total, sizeof(*all), by_name);
	for (i = 0, k = 0; i < total; i++)
		if (!k || all[k - 1].name != all[i].name)
			all[k++] = all[i];
	if (k)
		qsort(all, k, sizeof(*all), by_order);
	names = xcalloc(k + 2, sizeof(*names));
	names[0] = "id";
	names[1] = "kind";
	for (i = 0, j = 2; i < k; i++)
		if (strcmp(all[i].name, "id") && strcmp(all[i].name, "kind"))
			names[j++] = all[i].name;
	free(all);
	*count = j;
	return names;
}

bool kbq_field_is_list(const struct kb *kb, const struct kb_record *r,
		       const struct kb_field *f)
{
	const struct kb_fieldspec *fs;

	fs = kb_kind_field(kb_kind_find(kb, r->kind), f->name);
	return fs ? fs->list || f->is_list : f->is_list;
}

struct walk {
	struct kbq_ctx *ctx;
	const struct kb_record *from;
	const char *path;
	char **steps;
	size_t nsteps;
	size_t budget;		/* records still to visit */
};

static void cell_walk(struct walk *w, const struct kb_record *r, size_t step,
		      struct kbq_cell *out);

/* The record a ref value names, followed one step on into *out. */
static void follow(struct walk *w, const struct kb_value *v, size_t step,
		   struct kbq_cell *out)
{
	const struct kb_record *next = kb_get(w->ctx->kb, v->text);

	memset(out, 0, sizeof(*out));
	if (!next)
		return;		/* names no record: absent */
	if (!w->budget)
		kbq_die_fanout(w->from, w->path, -KB_ELIMIT);
	w->budget--;
	cell_walk(w, next, step, out);
}

static void cell_walk(struct walk *w, const struct kb_record *r, size_t step,
		      struct kbq_cell *out)
{
	const struct kb_field *f = kb_record_field(r, w->steps[step]);
	bool last = step + 1 == w->nsteps;
	uint32_t i;

	memset(out, 0, sizeof(*out));
	if (!f || !f->count)
		return;
	if (!kbq_field_is_list(w->ctx->kb, r, f)) {
		if (last)
			out->v = &f->values[0];
		else
			follow(w, &f->values[0], step + 1, out);
		return;
	}
	out->list = true;
	out->n = f->count;
	out->elems = xcalloc(f->count, sizeof(*out->elems));
	for (i = 0; i < f->count; i++) {
		if (last)
			out->elems[i].v = &f->values[i];
		else
			follow(w, &f->values[i], step + 1, &out->elems[i]);
	}
}

void kbq_cell_get(struct kbq_ctx *ctx, const struct kb_record *r,
		  const char *path, bool field, struct kbq_cell *out)
{
	char *buf = xstrdup(path), *s;
	char *steps[64];
	struct walk w;

	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.from = r;
	w.path = path;
	w.steps = steps;
	/* the paths were checked: at most KB_MAX_PATH steps */
	for (s = buf; w.nsteps < 64; s++) {
		steps[w.nsteps++] = s;
		/* a field named by `*` is one step, whatever it holds */
		if (field || !(s = strchr(s, '.')))
			break;
		*s = '\0';
	}
	w.budget = (size_t)1 << 20;
	cell_walk(&w, r, 0, out);
	free(buf);
}

void kbq_cell_free(struct kbq_cell *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		kbq_cell_free(&c->elems[i]);
	free(c->elems);
	memset(c, 0, sizeof(*c));
}

/* ---- json and yaml: nested arrays, null where absent ------------------ */

void kbq_cell_json(FILE *fp, const struct kbq_cell *c)
{
	size_t i;

	if (c->v) {
		kbq_json_string(fp, c->v->text, c->v->len);
	} else if (!c->list) {
		fputs("null", fp);
	} else {
		putc('[', fp);
		for (i = 0; i < c->n; i++) {
			if (i)
				putc(',', fp);
			kbq_cell_json(fp, &c->elems[i]);
		}
		putc(']', fp);
	}
}

/* After "key:" or "-": the rest of the line and the lines below. */
static void yaml_node(FILE *fp, const struct kbq_cell *c, int indent)
{
	size_t i;

	if (c->v) {
		putc(' ', fp);
		kbq_yaml_scalar(fp, c->v->text, c->v->len);
		putc('\n', fp);
	} else if (!c->list) {
		fputs(" null\n", fp);
	} else if (!c->n) {
		fputs(" []\n", fp);
	} else {
		putc('\n', fp);
		for (i = 0; i < c->n; i++) {
			fprintf(fp, "%*s-", indent, "");
			yaml_node(fp, &c->elems[i], indent + 2);
		}
	}
}

void kbq_cell_yaml(FILE *fp, const struct kbq_cell *c)
{
	yaml_node(fp, c, 2);
}

/* ---- tsv, csv, text: elements joined so that the join can be undone ---- */

struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t len)
{
	if (b->n + len + 1 > b->cap) {
		b->cap = (b->n + len + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, len);
	b->n += len;
	b->s[b->n] = '\0';
}

/*
 * One list element: ';' as "\;" and '\' as "\\", and for tsv every other
 * escape of a tsv value too (tab, newline, controls), so that the joined
 * list holds no raw tab or newline.  Text escapes its control characters
 * when the table cell is made.
 */
static void element(struct buf *b, const char *s, size_t len,
		    enum kbq_format fmt)
{
	char *esc = NULL;
	size_t i;
	bool plain = true;

	/* tsv escapes only backslashes, controls and some non-ASCII */
	for (i = 0; i < len && plain; i++)
		plain = (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f &&
			s[i] != '\\';
	if (fmt == KBQ_FMT_TSV && !plain) {
		FILE *m;
		size_t n = 0;
		if (!(m = open_memstream(&esc, &n))) {
			kbq_error("out of memory");
			exit(2);
		}
		kbq_tsv_field(m, s, len);
		fclose(m);
		s = esc;
		len = n;
	}
	for (i = 0; i < len; i++) {
		if (s[i] == ';')
			put(b, "\\;", 2);
		else if (s[i] == '\\' && fmt != KBQ_FMT_TSV)
			put(b, "\\\\", 2);	/* tsv wrote it "\\" already */
		else
			put(b, s + i, 1);
	}
	free(esc);
}

static void join(struct buf *b, const struct kbq_cell *c, enum kbq_format fmt)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct kbq_cell *e = &c->elems[i];
		if (i)
			put(b, fmt == KBQ_FMT_TEXT ? "; " : ";",
			    fmt == KBQ_FMT_TEXT ? 2 : 1);
		if (e->v) {
			element(b, e->v->text, e->v->len, fmt);
		} else if (e->list) {
			/* a list in a list: joined, then one element */
			struct buf in = { NULL, 0, 0 };
			join(&in, e, fmt);
			if (in.n)	/* tsv: its escapes escaped again */
				element(b, in.s, in.n, fmt);
			free(in.s);
		}
	}
}

char *kbq_cell_joined(const struct kbq_cell *c, enum kbq_format fmt,
		      size_t *len, bool *escaped)
{
	struct buf b = { NULL, 0, 0 };

	*escaped = c->list && fmt == KBQ_FMT_TSV;
	if (c->v)
		put(&b, c->v->text, c->v->len);
	else if (c->list)
		join(&b, c, fmt);
	if (!b.s)
		put(&b, "", 0);
	*len = b.n;
	return b.s;
}
