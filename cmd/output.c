/*
 * output.c - the listing formats (text, tsv, csv, json, jsonl, yaml, id),
 * column selection, sorting, and selecting the records that match.
 */
/* wcwidth() is XSI */
#define _XOPEN_SOURCE 700
#include "kbq.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- scalar writers ------------------------------------------------------ */

/* U+2028, U+2029, U+FFFE or U+FFFF at s (3 bytes of UTF-8). */
static bool nonprint3(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) ||
	       (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF));
}

void kbq_json_string(FILE *fp, const char *s, size_t len)
{
	size_t i;

	putc('"', fp);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\r': fputs("\\r", fp); break;
		default:
			if (c < 0x20 || c == 0x7f) {
				fprintf(fp, "\\u%04x", c);
			} else if (c == 0xC2 && i + 1 < len &&
				   (unsigned char)s[i + 1] <= 0x9F) {
				/* C1 controls (NEL too): YAML reads them
				 * raw as an error or a line break */
				fprintf(fp, "\\u%04x", (unsigned char)s[++i]);
			} else if (i + 2 < len && nonprint3(s + i)) {
				/* LS, PS, U+FFFE, U+FFFF: the same */
				fprintf(fp, "\\u%02x%02x",
					((c & 0x0F) << 4) |
					(((unsigned char)s[i + 1] >> 2) & 0x0F),
					(((unsigned char)s[i + 1] & 0x03) << 6) |
					((unsigned char)s[i + 2] & 0x3F));
				i += 2;
			} else {
				putc(c, fp);
			}
		}
	}
	putc('"', fp);
}

void kbq_tsv_field(FILE *fp, const char *s, size_t len)
{
	/* SPEC 2: \t \n \r \\, every other control as \xHH or \uHHHH */
	kbq_esc_write_flags(fp, s, len, KBQ_ESC_BACKSLASH);
}

void kbq_csv_field(FILE *fp, const char *s, size_t len)
{
	size_t i;

	if (!memchr(s, '"', len) && !memchr(s, ',', len) &&
	    !memchr(s, '\n', len) && !memchr(s, '\r', len)) {
		fwrite(s, 1, len, fp);
		return;
	}
	putc('"', fp);
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			putc('"', fp);
		putc(s[i], fp);
	}
	putc('"', fp);
}

void kbq_yaml_scalar(FILE *fp, const char *s, size_t len)
{
	/* plain only when every YAML reader reads it back as the same text */
	if (kb_yaml_plain_ok(s, len, 0))
		fwrite(s, 1, len, fp);
	else
		kbq_json_string(fp, s, len);	/* JSON escapes are YAML's too */
}

size_t kbq_width(const char *s, size_t len)
{
	mbstate_t st;
	size_t w = 0, n;
	wchar_t wc;

	memset(&st, 0, sizeof(st));
	while (len) {
		n = mbrtowc(&wc, s, len, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&st, 0, sizeof(st));
			w++;
			s++;
			len--;
			continue;
		}
		if (n == 0)
			n = 1;
		{
			int cw = wcwidth(wc);
			w += cw > 0 ? (size_t)cw : 0;
		}
		s += n;
		len -= n;
	}
	return w;
}


/* ---- the text table -------------------------------------------------------- */

struct kbq_table {
	size_t ncols;
	char **cells;
	size_t n, cap;
};

struct kbq_table *kbq_table_new(size_t ncols)
{
	struct kbq_table *t = xcalloc(1, sizeof(*t));

	t->ncols = ncols ? ncols : 1;
	return t;
}

void kbq_table_cell(struct kbq_table *t, const char *s, size_t len)
{
	/* one row a record, and nothing raw from the KB (SPEC 5) */
	char *c = kbq_esc_dup(s, len, NULL);

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = xrealloc(t->cells, t->cap * sizeof(*t->cells));
	}
	t->cells[t->n++] = c;
}

void kbq_table_print(struct kbq_table *t, FILE *fp, bool color, bool header)
{
	size_t *w = xcalloc(t->ncols, sizeof(*w)), i, c, k, cw;

	for (i = 0; i < t->n; i++) {
		cw = kbq_width(t->cells[i], strlen(t->cells[i]));
		if (cw > w[i % t->ncols])
			w[i % t->ncols] = cw;
	}
	for (i = 0; i < t->n; i += t->ncols) {
		bool head = header && i == 0;
		if (head)
			fputs(kbq_c(color, "\033[1m"), fp);
		for (c = 0; c < t->ncols && i + c < t->n; c++) {
			const char *s = t->cells[i + c];
			bool last = true;
			/* no padding after the last non-empty cell */
			for (k = c + 1; k < t->ncols && i + k < t->n; k++)
				if (*t->cells[i + k])
					last = false;
			if (!head && c == 0)
				fputs(kbq_c(color, "\033[33m"), fp);
			fputs(s, fp);
			if (!head && c == 0)
				fputs(kbq_c(color, "\033[m"), fp);
			if (!last)
				for (k = kbq_width(s, strlen(s)); k < w[c] + 2; k++)
					putc(' ', fp);
		}
		if (head)
			fputs(kbq_c(color, "\033[m"), fp);
		putc('\n', fp);
	}
	free(w);
}

void kbq_table_free(struct kbq_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->n; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

/* ---- columns ------------------------------------------------------------- */

struct col {
	const char *path;
	int list;	/* 1 list, 0 scalar, -1 decide per record */
	bool field;	/* a field's name, never split at '.' (from `*`) */
};

struct kbq_out {
	struct kbq_ctx *ctx;
	FILE *fp;
	enum kbq_format fmt;
	struct col *cols;
	size_t ncols;
	bool whole;		/* json/jsonl/yaml of whole records */
	size_t n;		/* records written */
	struct kbq_table *table;
	char **owned;
};

/* Does the path cross a list field in any kind that may hold it? */
static int path_is_list(const struct kb *kb, const struct kb_kind *kind,
			const char *path)
{
	size_t i;
	char *step = xstrdup(path), *p = step, *dot;
	int list = 0;

	if (!kb_has_schema(kb)) {
		free(step);
		return -1;
	}
	/* each step whole, however long (a key may have 4096 bytes) */
	for (; p && !list; p = dot ? dot + 1 : NULL) {
		if ((dot = strchr(p, '.')))
			*dot = '\0';
		for (i = 0; i < kb_kind_count(kb) && !list; i++) {
			const struct kb_kind *k = kb_kind_at(kb, i);
			const struct kb_fieldspec *f;

			if (kind && p == step && k != kind)
				continue;
			f = kb_kind_field(k, p);
			list = f && f->list;
		}
	}
	free(step);
	return list;
}

static void add_col(struct kbq_out *o, const char *path, int list)
{
	o->cols = xrealloc(o->cols, (o->ncols + 1) * sizeof(*o->cols));
	o->cols[o->ncols].path = path;
	o->cols[o->ncols].list = list;
	o->cols[o->ncols].field = false;
	o->ncols++;
}

static bool has_col(const struct kbq_out *o, const char *path)
{
	size_t i;

	for (i = 0; i < o->ncols; i++)
		if (!strcmp(o->cols[i].path, path))
			return true;
	return false;
}

static void header(struct kbq_out *o)
{
	size_t i;

	for (i = 0; i < o->ncols; i++) {
		const char *p = o->cols[i].path;
		if (o->fmt == KBQ_FMT_TEXT) {
			kbq_table_cell(o->table, p, strlen(p));
			continue;
		}
		if (i)
			putc(o->fmt == KBQ_FMT_CSV ? ',' : '\t', o->fp);
		if (o->fmt == KBQ_FMT_CSV)
			kbq_csv_field(o->fp, p, strlen(p));
		else
			kbq_tsv_field(o->fp, p, strlen(p));
	}
	if (o->fmt == KBQ_FMT_CSV)
		fputs("\r\n", o->fp);
	else if (o->fmt != KBQ_FMT_TEXT)
		putc('\n', o->fp);
}

/* `*` in --fields: every field (kbq_fields_star()) that the list does not
 * name elsewhere, `list` being the whole --fields list. */
static void add_star(struct kbq_out *o, const struct kb_kind *kind,
		     const char *list, const struct kb_record *const *recs,
		     size_t nrecs)
{
	size_t n, i;
	const char **names = kbq_fields_star(o->ctx, kind, recs, nrecs, &n);

	for (i = 0; i < n; i++)
		if (!kbq_fields_names(list, names[i]) && !has_col(o, names[i])) {
			add_col(o, names[i], path_is_list(o->ctx->kb, kind,
							  names[i]));
			o->cols[o->ncols - 1].field = true;
		}
	free(names);
}

struct kbq_out *kbq_out_new(struct kbq_ctx *ctx, const struct kb_kind *kind)
{
	return kbq_out_new_recs(ctx, kind, NULL, 0);
}

struct kbq_out *kbq_out_new_recs(struct kbq_ctx *ctx, const struct kb_kind *kind,
				 const struct kb_record *const *recs, size_t nrecs)
{
	struct kbq_out *o = xcalloc(1, sizeof(*o));
	const struct kb *kb = ctx->kb;
	size_t i;

	o->ctx = ctx;
	o->fp = stdout;
	o->fmt = ctx->o.format;
	if (ctx->o.fields) {
		char *list = xstrdup(ctx->o.fields), *save = NULL, *tok;
		o->owned = xrealloc(o->owned, sizeof(char *));
		o->owned[0] = list;
		for (tok = strtok_r(list, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save))
			if (!strcmp(tok, "*"))
				add_star(o, kind, ctx->o.fields, recs, nrecs);
			else
				add_col(o, tok, path_is_list(kb, kind, tok));
	} else if (o->fmt == KBQ_FMT_JSON || o->fmt == KBQ_FMT_JSONL ||
		   o->fmt == KBQ_FMT_YAML) {
		o->whole = true;
	} else if (kind) {
		/* id, name, then the kind's required fields in schema order */
		add_col(o, "id", 0);
		if (kb_kind_field(kind, "name"))
			add_col(o, "name", path_is_list(kb, kind, "name"));
		for (i = 0; i < kind->nfields; i++)
			if (kind->fields[i].required &&
			    !has_col(o, kind->fields[i].name))
				add_col(o, kind->fields[i].name,
					kind->fields[i].list);
	} else {
		add_col(o, "id", 0);
		add_col(o, "kind", 0);
		add_col(o, "name", path_is_list(kb, NULL, "name"));
	}
	if (o->fmt == KBQ_FMT_TEXT)
		o->table = kbq_table_new(o->ncols);
	if (o->fmt == KBQ_FMT_TEXT || o->fmt == KBQ_FMT_TSV ||
	    o->fmt == KBQ_FMT_CSV)
		header(o);
	if (o->fmt == KBQ_FMT_JSON)
		fputs("[", o->fp);
	return o;
}

/* ---- one record ------------------------------------------------------------ */

/* kb_path_walk() for output: a path that fans out past the library's bound
 * is an error at the record, never a silently shortened list. */
void kbq_die_fanout(const struct kb_record *r, const char *path, int rc)
{
	struct kb_error err;

	if (rc == -KB_ENOMEM) {
		kbq_error("out of memory");
		exit(kbq_finish(2));
	}
	kb_err(&err, KB_ELIMIT, r->file, r->line, r->col,
	       "path '%s' from record '%s' reaches too many records", path,
	       r->id);
	kbq_report(&err, NULL, 0);
	exit(kbq_finish(2));
}

static void walk_or_die(struct kbq_ctx *ctx, const struct kb_record *r,
			const char *path,
			int (*fn)(const struct kb_record *, const struct kb_field *,
				  const struct kb_value *, void *),
			void *ud)
{
	int rc = kb_path_walk(ctx->kb, r, path, fn, ud);

	if (rc < 0)
		kbq_die_fanout(r, path, rc);
}

void kbq_json_values(FILE *fp, const struct kb_value *const *v, size_t n,
			bool list)
{
	size_t i;

	if (!list && n == 1) {
		kbq_json_string(fp, v[0]->text, v[0]->len);
		return;
	}
	putc('[', fp);
	for (i = 0; i < n; i++) {
		if (i)
			putc(',', fp);
		kbq_json_string(fp, v[i]->text, v[i]->len);
	}
	putc(']', fp);
}

static void yaml_values(FILE *fp, const struct kb_value *const *v, size_t n,
			bool list)
{
	size_t i;

	if (!list && n == 1) {
		putc(' ', fp);
		kbq_yaml_scalar(fp, v[0]->text, v[0]->len);
		putc('\n', fp);
		return;
	}
	putc('\n', fp);
	for (i = 0; i < n; i++) {
		fputs("  - ", fp);
		kbq_yaml_scalar(fp, v[i]->text, v[i]->len);
		putc('\n', fp);
	}
}

/*
 * libyaml (and PyYAML) read a simple key of at most 1024 characters: a
 * key that may be written longer (escapes take up to six bytes a byte) is
 * written as an explicit one, "? KEY" then ": VALUE" on the next line.
 */
void kbq_yaml_key(FILE *fp, const char *k)
{
	size_t len = strlen(k), n = 0;
	char *buf = NULL;
	FILE *m;

	if (len <= 160) {
		kbq_yaml_scalar(fp, k, len);
		putc(':', fp);
		return;
	}
	if (!(m = open_memstream(&buf, &n))) {
		kbq_error("out of memory");
		exit(2);
	}
	kbq_yaml_scalar(m, k, len);
	if (fclose(m) != 0) {
		kbq_error("out of memory");
		exit(2);
	}
	if (n > 1000)
		fputs("? ", fp);
	fwrite(buf, 1, n, fp);
	fputs(n > 1000 ? "\n:" : ":", fp);
	free(buf);
}

static void whole_record(struct kbq_out *o, const struct kb_record *r)
{
	const struct kb *kb = o->ctx->kb;
	const struct kb_value *one[1];
	const struct kb_value **vp;
	uint32_t i, j;

	if (o->fmt == KBQ_FMT_YAML)
		fputs("---\n", o->fp);
	else
		putc('{', o->fp);
	for (i = 0; i < r->nfields; i++) {
		const struct kb_field *f = &r->fields[i];
		bool list = kbq_field_is_list(kb, r, f);

		vp = f->count == 1 ? one : xmalloc(f->count * sizeof(*vp));
		for (j = 0; j < f->count; j++)
			vp[j] = &f->values[j];
		if (o->fmt == KBQ_FMT_YAML) {
			kbq_yaml_key(o->fp, f->name);
			yaml_values(o->fp, vp, f->count, list);
		} else {
			if (i)
				putc(',', o->fp);
			kbq_json_string(o->fp, f->name, strlen(f->name));
			putc(':', o->fp);
			kbq_json_values(o->fp, vp, f->count, list);
		}
		if (vp != one)
			free(vp);
	}
	if (o->fmt != KBQ_FMT_YAML)
		putc('}', o->fp);
}

static void columns_record(struct kbq_out *o, const struct kb_record *r)
{
	struct kbq_cell *cells = xcalloc(o->ncols, sizeof(*cells));
	size_t i, len;
	bool first = true, escaped;
	char *text;

	/* every cell before the first byte of the row: a path that fans out
	 * too far is an error with no torn row before it */
	for (i = 0; i < o->ncols; i++)
		kbq_cell_get(o->ctx, r, o->cols[i].path, o->cols[i].field,
			     &cells[i]);
	if (o->fmt == KBQ_FMT_YAML)
		fputs("---\n", o->fp);
	else if (o->fmt == KBQ_FMT_JSON || o->fmt == KBQ_FMT_JSONL)
		putc('{', o->fp);
	for (i = 0; i < o->ncols; i++) {
		struct kbq_cell c = cells[i];

		switch (o->fmt) {
		case KBQ_FMT_TEXT:
		case KBQ_FMT_TSV:
		case KBQ_FMT_CSV:
			text = kbq_cell_joined(&c, o->fmt, &len, &escaped);
			if (o->fmt == KBQ_FMT_TEXT)
				kbq_table_cell(o->table, text, len);
			else if (i)
				putc(o->fmt == KBQ_FMT_CSV ? ',' : '\t', o->fp);
			if (o->fmt == KBQ_FMT_CSV)
				kbq_csv_field(o->fp, text, len);
			else if (o->fmt == KBQ_FMT_TSV && escaped)
				fwrite(text, 1, len, o->fp);
			else if (o->fmt == KBQ_FMT_TSV)
				kbq_tsv_field(o->fp, text, len);
			free(text);
			break;
		case KBQ_FMT_JSON:
		case KBQ_FMT_JSONL:
			/* absent: no key, or [] for a path through lists */
			if (!c.v && !c.list && o->cols[i].list <= 0)
				break;
			if (!first)
				putc(',', o->fp);
			first = false;
			kbq_json_string(o->fp, o->cols[i].path,
					strlen(o->cols[i].path));
			putc(':', o->fp);
			if (!c.v && !c.list)
				fputs("[]", o->fp);
			else
				kbq_cell_json(o->fp, &c);
			break;
		case KBQ_FMT_YAML:
			if (!c.v && !c.list)
				break;
			kbq_yaml_key(o->fp, o->cols[i].path);
			kbq_cell_yaml(o->fp, &c);
			break;
		case KBQ_FMT_ID:
			break;
		}
		kbq_cell_free(&cells[i]);
	}
	free(cells);
	if (o->fmt == KBQ_FMT_JSON || o->fmt == KBQ_FMT_JSONL)
		putc('}', o->fp);
	else if (o->fmt == KBQ_FMT_CSV)
		fputs("\r\n", o->fp);
	else if (o->fmt == KBQ_FMT_TSV)
		putc('\n', o->fp);
}

void kbq_out_record(struct kbq_out *o, const struct kb_record *r)
{
	if (o->fmt == KBQ_FMT_ID) {
		kbq_esc_puts(o->fp, r->id);
		putc(o->ctx->o.null ? '\0' : '\n', o->fp);
		o->n++;
		return;
	}
	if (o->fmt == KBQ_FMT_JSON)
		fputs(o->n ? ",\n" : "\n", o->fp);
	if (o->whole)
		whole_record(o, r);
	else
		columns_record(o, r);
	if (o->fmt == KBQ_FMT_JSONL)
		putc('\n', o->fp);
	o->n++;
}

void kbq_out_end(struct kbq_out *o)
{
	if (o->fmt == KBQ_FMT_JSON)
		fputs(o->n ? "\n]\n" : "]\n", o->fp);
	if (o->table)
		kbq_table_print(o->table, o->fp, o->ctx->color, true);
	kbq_out_free(o);
}

void kbq_out_free(struct kbq_out *o)
{
	if (!o)
		return;
	kbq_table_free(o->table);
	if (o->owned)
		free(o->owned[0]);
	free(o->owned);
	free(o->cols);
	free(o);
}

/* ---- sorting ------------------------------------------------------------ */

/* A sort key falls in one class: valid dates (by period), then valid ints
 * (by number), then any other value (byte-wise: text, and typed values
 * that do not parse), then no value.  Classes first make the order total
 * and transitive however valid and invalid values mix. */
enum { K_DATE, K_INT, K_BYTES, K_NONE };

struct key {
	const struct kb_record *rec;
	const struct kb_value *v;
	int class;
	struct kb_period p;
	long long n;
};

struct first {
	const struct kb_value *v;
	const struct kb_record *owner;
	const struct kb_field *f;
};

static int take_first(const struct kb_record *owner, const struct kb_field *f,
		      const struct kb_value *v, void *ud)
{
	struct first *fi = ud;

	fi->v = v;
	fi->owner = owner;
	fi->f = f;
	return 1;
}

static bool sort_reverse;

static int key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = 0;

	/* records without a value go last, whatever the direction */
	if (x->class == K_NONE || y->class == K_NONE) {
		if (x->class != y->class)
			return x->class == K_NONE ? 1 : -1;
	} else if (x->class != y->class) {
		c = x->class < y->class ? -1 : 1;
	} else if (x->class == K_DATE) {
		c = x->p.first < y->p.first ? -1 : x->p.first > y->p.first ? 1 :
		    x->p.last < y->p.last ? -1 : x->p.last > y->p.last;
	} else if (x->class == K_INT) {
		c = x->n < y->n ? -1 : x->n > y->n;
	} else {
		size_t n = x->v->len < y->v->len ? x->v->len : y->v->len;
		c = memcmp(x->v->text, y->v->text, n);
		if (!c)
			c = x->v->len < y->v->len ? -1 : x->v->len > y->v->len;
	}
	if (c)
		return sort_reverse ? -c : c;
	/* ties keep file order */
	return x->rec->index < y->rec->index ? -1 : x->rec->index > y->rec->index;
}

void kbq_sort_records(struct kbq_ctx *ctx, const struct kb_record **recs,
		      size_t n)
{
	struct key *k;
	size_t i;

	if (!ctx->o.sort) {
		if (ctx->o.reverse)
			for (i = 0; i < n / 2; i++) {
				const struct kb_record *t = recs[i];
				recs[i] = recs[n - 1 - i];
				recs[n - 1 - i] = t;
			}
		return;
	}
	k = xcalloc(n, sizeof(*k));
	for (i = 0; i < n; i++) {
		struct first fi = { NULL, NULL, NULL };
		const struct kb_fieldspec *fs;

		walk_or_die(ctx, recs[i], ctx->o.sort, take_first, &fi);
		k[i].rec = recs[i];
		k[i].v = fi.v;
		k[i].class = fi.v ? K_BYTES : K_NONE;
		if (!fi.v)
			continue;
		fs = kb_kind_field(kb_kind_find(ctx->kb, fi.owner->kind),
				   fi.f->name);
		/* typed as validate types them: " 5" and "0x10" are no ints */
		if (fs && fs->type == KB_TYPE_DATE &&
		    kb_date_parse(fi.v->text, fi.v->len, &k[i].p))
			k[i].class = K_DATE;
		else if (fs && fs->type == KB_TYPE_INT &&
			 kb_int_parse(fi.v->text, fi.v->len, &k[i].n))
			k[i].class = K_INT;
	}
	sort_reverse = ctx->o.reverse;
	qsort(k, n, sizeof(*k), key_cmp);
	for (i = 0; i < n; i++)
		recs[i] = k[i].rec;
	free(k);
}

/* ---- compiling and selecting ----------------------------------------------- */

/* The paths of an option's LIST (--fields, --sort, --count-by) obey the
 * rules of terms: each compiled as PATH? for ctx's kind.  0, or -1 after
 * the error. */
static int check_paths(struct kbq_ctx *ctx, const char *opt, const char *paths,
		       bool star, bool *refs)
{
	const struct kb_kind *kinds[1] = { ctx->kind };
	char *list = xstrdup(paths), *save = NULL, *tok;
	struct kb_query *check;
	struct kb_error err;
	int rc = 0;

	if (!*paths) {
		kbq_error("%s is empty", opt);
		rc = -1;
	}
	for (tok = strtok_r(list, ",", &save); tok && !rc;
	     tok = strtok_r(NULL, ",", &save)) {
		size_t len = strlen(tok);
		char *w;
		const char *ww;

		if (star && !strcmp(tok, "*"))
			continue;	/* every field */
		/* a path, not a term that would compile as one */
		if (strpbrk(tok, "=!~<>?^")) {
			kbq_error("%s '%s': not a field path (FIELD or "
				  "FIELD.FIELD...)", opt, tok);
			rc = -1;
			break;
		}
		w = xmalloc(len + 2);
		ww = w;
		memcpy(w, tok, len);
		w[len] = '?';
		w[len + 1] = '\0';
		if (kb_query_compile(&check, ctx->kb, &ww, 1,
				     ctx->kind ? kinds : NULL, ctx->kind ? 1 : 0,
				     0, NULL, &err)) {
			kbq_error("%s '%s': %s", opt, tok, err.message);
			kb_error_free(&err);
			rc = -1;
		} else {
			*refs |= kb_query_follows_refs(check);
			kb_query_free(check);
		}
		free(w);
	}
	free(list);
	return rc;
}

int kbq_compile(struct kbq_ctx *ctx, const char *const *words, size_t n,
		struct kb_query **q)
{
	const struct kb_kind *kinds[1] = { ctx->kind };
	unsigned flags = (ctx->o.icase ? KB_Q_ICASE : 0) |
			 (ctx->o.fixed ? KB_Q_FIXED : 0);
	struct kb_error err;
	bool refs = false;

again:
	if (kb_query_compile(q, ctx->kb, words, n, ctx->kind ? kinds : NULL,
			     ctx->kind ? 1 : 0, flags, ctx->o.as_of, &err)) {
		kbq_report(&err, words, n);
		return -1;
	}
	if ((ctx->o.fields &&
	     check_paths(ctx, "--fields", ctx->o.fields, true, &refs) < 0) ||
	    (ctx->o.sort &&
	     check_paths(ctx, "--sort", ctx->o.sort, false, &refs) < 0) ||
	    (ctx->o.count_by &&
	     check_paths(ctx, "--count-by", ctx->o.count_by, false, &refs) < 0)) {
		kb_query_free(*q);
		*q = NULL;
		return -1;
	}
	/* A path that follows refs, or a back-link term, needs every record
	 * at hand: the KB, opened to be streamed, is read whole now, and the
	 * query compiled again (its back-links are indexed then). */
	if (ctx->stream && (refs || kb_query_follows_refs(*q))) {
		kb_query_free(*q);
		*q = NULL;
		ctx->stream = false;
		if (kb_load(ctx->kb, &err)) {
			kbq_report(&err, NULL, 0);
			return -1;
		}
		refs = false;
		goto again;
	}
	return 0;
}

struct each {
	struct kbq_ctx *ctx;
	const struct kb_query *q;
	kbq_match_fn *fn;
	void *ud;
	struct kb_error err;
};

static int each_one(const struct kb_record *r, void *ud)
{
	struct each *e = ud;
	int m;

	if (e->ctx->kind && r->kind != e->ctx->kind->name)
		return 0;
	if ((m = kb_query_match(e->q, r, &e->err)) < 0)
		return KB_EMATCH;
	return m ? e->fn(e->ctx, r, e->ud, &e->err) : 0;
}

int kbq_each_match(struct kbq_ctx *ctx, const struct kb_query *q,
		   kbq_match_fn *fn, void *ud)
{
	struct kb_error err;
	struct each e;
	int rc = 0;

	memset(&e, 0, sizeof(e));
	e.ctx = ctx;
	e.q = q;
	e.fn = fn;
	e.ud = ud;
	/* streamed, or loaded whole and each record decoded in passing: the
	 * record lives for the callback only */
	if ((rc = kb_stream(ctx->kb, each_one, &e, &err)) != 0)
		/* the callback's own error, else the loader's */
		kbq_report(e.err.code ? &e.err : &err, NULL, 0);
	return rc ? 2 : 0;
}

struct selection {
	const struct kb_record **recs;
	size_t n, cap;
};

static int keep_one(struct kbq_ctx *ctx, const struct kb_record *r, void *ud,
		    struct kb_error *err)
{
	struct selection *s = ud;

	/* the record dies after this call: keep it */
	if (!(r = kb_keep(ctx->kb, r))) {
		kbq_error("out of memory");
		exit(2);
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->recs = xrealloc(s->recs, s->cap * sizeof(*s->recs));
	}
	s->recs[s->n++] = r;
	return 0;
}

bool kbq_take(const struct kbq_ctx *ctx, size_t *n)
{
	if (ctx->o.limit >= 0 && *n >= (size_t)ctx->o.limit)
		return false;
	++*n;
	return true;
}

size_t kbq_limited(const struct kbq_ctx *ctx, size_t n)
{
	return ctx->o.limit >= 0 && (size_t)ctx->o.limit < n ?
	       (size_t)ctx->o.limit : n;
}

bool kbq_listing(const struct kbq_ctx *ctx)
{
	return !ctx->o.quiet && !ctx->o.count;
}

int kbq_listed(const struct kbq_ctx *ctx, size_t n)
{
	if (ctx->o.count && !ctx->o.quiet)
		printf("%zu\n", n);
	return n ? 0 : 1;
}

int kbq_select(struct kbq_ctx *ctx, const struct kb_query *q,
	       const struct kb_record ***out, size_t *n)
{
	struct selection s = { NULL, 0, 0 };

	if (kbq_each_match(ctx, q, keep_one, &s)) {
		free(s.recs);
		return 2;
	}
	kbq_sort_records(ctx, s.recs, s.n);
	*out = s.recs;
	*n = s.n;
	return 0;
}
