/* validate.c - schema and integrity checks, one diagnostic per problem. */
#include "kb-int.h"

#include <stdio.h>
#include <string.h>

bool kb_int_parse(const char *s, size_t len, long long *out)
{
	long long v = 0;
	size_t i = 0;
	bool neg = false;

	if (len && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len || len - i > 18)
		return false;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = neg ? -v : v;
	return true;
}

static bool url_ok(const char *s, size_t len)
{
	size_t i = 0;

	if (!len || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	while (i < len && s[i] != ':') {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
			return false;
		i++;
	}
	if (i + 3 >= len || s[i + 1] != '/' || s[i + 2] != '/')
		return false;
	for (i += 3; i < len; i++)
		if ((unsigned char)s[i] <= ' ')
			return false;
	return true;
}

bool kb_value_valid(const struct kb_fieldspec *f, const struct kb_value *v,
		    const char **why)
{
	struct kb_period p;
	long long n;
	size_t i;

	switch (f->type) {
	case KB_TYPE_STRING:
		if (memchr(v->text, '\n', v->len) || memchr(v->text, '\r', v->len)) {
			*why = "a string holds no line break (type text does)";
			return false;
		}
		break;
	case KB_TYPE_TEXT:
	case KB_TYPE_REF:
		break;
	case KB_TYPE_DATE:
		if (!kb_date_parse(v->text, v->len, &p)) {
			*why = "not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day "
			       "that exists)";
			return false;
		}
		break;
	case KB_TYPE_INT:
		if (!kb_int_parse(v->text, v->len, &n)) {
			*why = "not an integer";
			return false;
		}
		break;
	case KB_TYPE_URL:
		if (!url_ok(v->text, v->len)) {
			*why = "not a URL (scheme://...)";
			return false;
		}
		break;
	case KB_TYPE_ENUM:
		for (i = 0; i < f->nvalues; i++)
			if (!strcmp(f->values[i], v->text))
				break;
		if (i == f->nvalues) {
			*why = "not one of the allowed values";
			return false;
		}
		break;
	}
	if (f->re && kb_regex_match(f->re, v->text, v->len) != 1) {
		*why = "does not match the field's pattern";
		return false;
	}
	return true;
}

struct vctx {
	const struct kb *kb;
	void (*fn)(const struct kb_diag *, void *);
	void *ud;
	size_t count;
	const struct kb_record *rec;
	/* the kind of the record an id names, when a change (edit.c) says
	 * what the KB will hold; NULL: the KB as loaded */
	const char *(*kind_of)(void *ud, const char *id, bool *known);
	void *kud;
};

static void diag(struct vctx *c, uint32_t line, uint32_t col, const char *fmt,
		 ...) __attribute__((format(printf, 4, 5)));

static void diag(struct vctx *c, uint32_t line, uint32_t col, const char *fmt,
		 ...)
{
	char msg[1024];
	struct kb_diag d;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	d.file = c->rec->file;
	d.line = line;
	d.col = col;
	d.id = c->rec->id;
	d.message = msg;
	c->count++;
	if (c->fn)
		c->fn(&d, c->ud);
}

/* " (did you mean 'x'?)" or "" */
static const char *hint(char *buf, size_t n, const char *s)
{
	if (!s)
		return "";
	snprintf(buf, n, " (did you mean '%s'?)", s);
	return buf;
}

static void join_values(char *buf, size_t n, const char *const *v, size_t nv)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < nv && used + 4 < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
					 i ? ", " : "", v[i]);
	if (used >= n)
		strcpy(buf + n - 4, "...");
}

static bool id_ok(const char *s)
{
	const char *p;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (p = s + 1; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

static void check_value(struct vctx *c, const struct kb_fieldspec *f,
			const struct kb_value *v)
{
	const struct kb_crec *target;
	char buf[512], h[300];
	const char *why, *tkind = NULL;
	size_t t;
	bool known = false;

	if (f->type == KB_TYPE_ENUM) {
		if (!kb_value_valid(f, v, &why)) {
			join_values(buf, sizeof(buf), f->values, f->nvalues);
			diag(c, v->line, v->col,
			     "'%s' is not a valid '%s' (one of: %s)%s", v->text,
			     f->name, buf,
			     hint(h, sizeof(h), kb_suggest(v->text, f->values,
							   f->nvalues)));
		}
		return;
	}
	if (!kb_value_valid(f, v, &why)) {
		if (f->re && why[0] == 'd')
			diag(c, v->line, v->col,
			     "'%.200s' in field '%s' does not match its pattern '%s'",
			     v->text, f->name, f->pattern);
		else
			diag(c, v->line, v->col, "bad %s '%.200s' in field '%s': %s",
			     kb_type_name(f->type), v->text, f->name, why);
		return;
	}
	if (f->type != KB_TYPE_REF)
		return;
	/* the target's kind is in its compact header: no decoding */
	if (c->kind_of)
		tkind = c->kind_of(c->kud, v->text, &known);
	if (!known && (target = kb_find(c->kb, v->text)))
		tkind = target->kind;
	if (!tkind) {
		diag(c, v->line, v->col, "dangling ref '%.200s' in field '%s'%s",
		     v->text, f->name,
		     hint(h, sizeof(h), kb_suggest_id(c->kb, v->text)));
		return;
	}
	for (t = 0; t < f->nto; t++)
		if (f->to[t] == tkind || !strcmp(f->to[t], tkind))
			break;
	if (f->nto && t == f->nto) {
		size_t used = 0;
		for (t = 0; t < f->nto && used + 8 < sizeof(buf); t++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
						 "%s'%s'", t ? " or " : "", f->to[t]);
		diag(c, v->line, v->col,
		     "field '%s' refers to '%s' of kind '%s', not of kind %s",
		     f->name, v->text, tkind, buf);
	}
}

static void check_record(struct vctx *c, const struct kb_record *r)
{
	const struct kb_kind *kind = kb_kind_find(c->kb, r->kind);
	const struct kb_field *kf, *idf;
	const char *names[512];
	char h[300];
	size_t i, n;
	uint32_t j, k;

	c->rec = r;
	idf = kb_record_field(r, c->kb->id_name);
	if (!id_ok(r->id))
		diag(c, idf->values[0].line, idf->values[0].col,
		     "bad id '%.200s' (lowercase letters, digits, '.', '_', '-'; "
		     "starting with a letter or digit)", r->id);
	if (!kind) {
		kf = kb_record_field(r, c->kb->kind_name);
		n = kb_kind_count(c->kb);
		for (i = 0; i < n && i < 512; i++)
			names[i] = kb_kind_at(c->kb, i)->name;
		diag(c, kf->values[0].line, kf->values[0].col, "unknown kind '%s'%s",
		     r->kind, hint(h, sizeof(h), kb_suggest(r->kind, names, i)));
		return;
	}
	for (j = 0; j < r->nfields; j++) {
		const struct kb_field *f = &r->fields[j];
		const struct kb_fieldspec *fs;

		if (f->name == c->kb->id_name || f->name == c->kb->kind_name)
			continue;
		if (!(fs = kb_kind_field(kind, f->name))) {
			for (i = 0; i < kind->nfields && i < 512; i++)
				names[i] = kind->fields[i].name;
			diag(c, f->line, f->col, "unknown field '%s' in kind '%s'%s",
			     f->name, kind->name,
			     hint(h, sizeof(h), kb_suggest(f->name, names, i)));
			continue;
		}
		if (!fs->list && f->is_list) {
			diag(c, f->line, f->col,
			     "field '%s' takes one value, not a list", f->name);
			continue;
		}
		for (k = 0; k < f->count; k++)
			check_value(c, fs, &f->values[k]);
	}
	for (i = 0; i < kind->nfields; i++)
		if (kind->fields[i].required &&
		    !kb_record_field(r, kind->fields[i].name))
			diag(c, r->line, r->col,
			     "record '%s' lacks required field '%s'", r->id,
			     kind->fields[i].name);
}

static void vctx_init(struct vctx *c, const struct kb *kb,
		      void (*fn)(const struct kb_diag *d, void *ud), void *ud)
{
	memset(c, 0, sizeof(*c));
	c->kb = kb;
	c->fn = fn;
	c->ud = ud;
}

size_t kb_validate(const struct kb *kb,
		   void (*fn)(const struct kb_diag *d, void *ud), void *ud)
{
	struct kb_view w;
	struct vctx c;
	size_t i;

	if (!kb->schema)
		return 0;
	vctx_init(&c, kb, fn, ud);
	memset(&w, 0, sizeof(w));
	for (i = 0; i < kb->nrecs; i++) {
		/* each record decoded in passing (rec.c) */
		if (kb_view_decode(kb, kb->recs[i], &w) < 0) {
			struct kb_record at;

			memset(&at, 0, sizeof(at));
			at.file = kb->recs[i]->file;
			at.id = kb->recs[i]->id;
			c.rec = &at;
			diag(&c, kb->recs[i]->line, kb->recs[i]->col,
			     "out of memory: this record and those after it "
			     "are not checked");
			break;
		}
		check_record(&c, &w.rec);
	}
	kb_view_free(&w);
	return c.count;
}

size_t kb_validate_record(const struct kb *kb, const struct kb_record *rec,
			  const char *(*kind_of)(void *kud, const char *id,
						 bool *known),
			  void *kud,
			  void (*fn)(const struct kb_diag *d, void *ud), void *ud)
{
	struct vctx c;

	if (!kb->schema)
		return 0;
	vctx_init(&c, kb, fn, ud);
	c.kind_of = kind_of;
	c.kud = kud;
	check_record(&c, rec);
	return c.count;
}
