/* validate.c - schema and integrity checks, one diagnostic per problem. */
#include "kb-int.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool kb_int_parse(const char *s, size_t len, long long *out)
{
	unsigned long long v = 0, lim;
	size_t i = 0;
	bool neg = false;

	if (len && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len)
		return false;
	/* every value of 64 bits, LLONG_MIN included: 19 digits and more */
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	for (; i < len; i++) {
		unsigned d = (unsigned)(s[i] - '0');

		if (s[i] < '0' || s[i] > '9' || v > (lim - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = neg ? (v ? -(long long)(v - 1) - 1 : 0) : (long long)v;
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

int kb_value_check(const struct kb_fieldspec *f, const struct kb_value *v,
		   const char **why)
{
	struct kb_period p;
	long long n;
	int rc;

	switch (f->type) {
	case KB_TYPE_STRING:
		if (memchr(v->text, '\n', v->len) || memchr(v->text, '\r', v->len)) {
			*why = "a string holds no line break (type text does)";
			return 0;
		}
		break;
	case KB_TYPE_TEXT:
	case KB_TYPE_REF:
		break;
	case KB_TYPE_DATE:
		if (!kb_date_parse(v->text, v->len, &p)) {
			*why = "not a date (YYYY, YYYY-MM or YYYY-MM-DD, a day "
			       "that exists)";
			return 0;
		}
		break;
	case KB_TYPE_INT:
		if (!kb_int_parse(v->text, v->len, &n)) {
			size_t i = v->len && (v->text[0] == '-' ||
					      v->text[0] == '+');

			while (i < v->len && v->text[i] >= '0' &&
			       v->text[i] <= '9')
				i++;
			*why = i == v->len && v->len > 1 ?
			       "an integer beyond 64 bits" : "not an integer";
			return 0;
		}
		break;
	case KB_TYPE_URL:
		if (!url_ok(v->text, v->len)) {
			*why = "not a URL (scheme://...)";
			return 0;
		}
		break;
	case KB_TYPE_ENUM:
		if (kb_enum_index(f, v->text, v->len) == (size_t)-1) {
			*why = "not one of the allowed values";
			return 0;
		}
		break;
	}
	if (f->re && (rc = kb_regex_match(f->re, v->text, v->len)) != 1) {
		*why = rc ? "the field's pattern hit its match limit" :
			    "does not match the field's pattern";
		return rc;
	}
	return 1;
}

/* Edit-distance cells that one validation may spend on suggestions: a few
 * milliseconds for any KB, then in proportion to its size. */
#define SUGGEST_BASE	((size_t)4 << 20)
#define SUGGEST_PER_BYTE 16

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
	size_t budget;		/* suggestion cells left */
	/* suggestions made, by the word: a ref renamed and still used
	 * everywhere is looked up once */
	struct kb_strmap seen;
	const char **kinds;	/* the kinds' names, for suggestions */
	size_t nkinds;
};

static void diag(struct vctx *c, enum kb_code code, uint32_t line,
		 uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void diag(struct vctx *c, enum kb_code code, uint32_t line,
		 uint32_t col, const char *fmt, ...)
{
	struct kb_diag d;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = kb_vstrprintf(fmt, ap);
	va_end(ap);
	d.file = c->rec->file;
	d.line = line;
	d.col = col;
	d.id = c->rec->id;
	d.code = msg ? code : KB_ENOMEM;
	d.message = msg ? msg : "out of memory (while reporting a problem)";
	c->count++;
	if (c->fn)
		c->fn(&d, c->ud);
	free(msg);
}

/* " (did you mean 'x'?)" or "" */
static const char *hint(char *buf, size_t n, const char *s)
{
	if (!s)
		return "";
	snprintf(buf, n, " (did you mean '%.200s'?)", s);
	return buf;
}

/* The suggestion for word (not kept: a value of the KB, living as long
 * as it) from `more`'s candidates, made once per word and validation. */
typedef void more_fn(struct vctx *c, struct kb_suggest *s, const void *arg);

static const char *suggest(struct vctx *c, const char *word, more_fn *more,
			   const void *arg)
{
	static const char none[] = "";
	const struct kb_strmap_slot *slot;
	struct kb_suggest s;
	bool added;

	slot = kb_strmap_find(&c->seen, word, strlen(word));
	if (slot->key)
		return slot->val == none ? NULL : slot->val;
	if (!c->budget)		/* spent: no more suggestions */
		return NULL;
	kb_suggest_init(&s, word, &c->budget);
	more(c, &s, arg);
	/* out of memory: not remembered, made again next time */
	(void)kb_strmap_put(&c->seen, word, strlen(word),
			    kb_unconst(s.pick ? s.pick : none), &added);
	return s.pick;
}

static void more_values(struct vctx *c, struct kb_suggest *s, const void *arg)
{
	const struct kb_fieldspec *f = arg;
	size_t i;

	(void)c;
	for (i = 0; i < f->nvalues && kb_suggest_add(s, f->values[i]); i++)
		;
}

static void more_ids(struct vctx *c, struct kb_suggest *s, const void *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < c->kb->nrecs; i++)
		if (!kb_suggest_add(s, c->kb->recs[i]->id))
			break;
}

static void more_kinds(struct vctx *c, struct kb_suggest *s, const void *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < c->nkinds && kb_suggest_add(s, c->kinds[i]); i++)
		;
}

static void more_fields(struct vctx *c, struct kb_suggest *s, const void *arg)
{
	const struct kb_kind *k = arg;
	size_t i;

	(void)c;
	for (i = 0; i < k->nfields && kb_suggest_add(s, k->fields[i].name); i++)
		;
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
	int ok = kb_value_check(f, v, &why);

	if (ok < 0) {	/* a limit hit is no answer: an error, exit 2 */
		diag(c, KB_EMATCH, v->line, v->col,
		     "the pattern '%s' of field '%s' hit its match limit on "
		     "this value (simplify the pattern)", f->pattern, f->name);
		return;
	}
	if (f->type == KB_TYPE_ENUM) {
		if (!ok) {
			join_values(buf, sizeof(buf), f->values, f->nvalues);
			diag(c, KB_OK, v->line, v->col,
			     "'%.200s' is not a valid '%s' (one of: %s)%s",
			     v->text, f->name, buf,
			     hint(h, sizeof(h), suggest(c, v->text, more_values,
							f)));
		}
		return;
	}
	if (!ok) {
		if (f->re && why[0] == 'd')
			diag(c, KB_OK, v->line, v->col,
			     "'%.200s' in field '%s' does not match its pattern '%s'",
			     v->text, f->name, f->pattern);
		else
			diag(c, KB_OK, v->line, v->col,
			     "bad %s '%.200s' in field '%s': %s",
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
		diag(c, KB_OK, v->line, v->col,
		     "dangling ref '%.200s' in field '%s'%s", v->text, f->name,
		     hint(h, sizeof(h), suggest(c, v->text, more_ids, NULL)));
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
		if (used >= sizeof(buf))
			strcpy(buf + sizeof(buf) - 4, "...");
		diag(c, KB_OK, v->line, v->col,
		     "field '%s' refers to '%s' of kind '%s', not of kind %s",
		     f->name, v->text, tkind, buf);
	}
}

static void check_record(struct vctx *c, const struct kb_record *r)
{
	const struct kb_kind *kind = kb_kind_find(c->kb, r->kind);
	const struct kb_field *kf, *idf;
	char h[300];
	size_t i;
	uint32_t j, k;

	c->rec = r;
	idf = kb_record_field(r, c->kb->id_name);
	if (!id_ok(r->id))
		diag(c, KB_OK, idf->values[0].line, idf->values[0].col,
		     "bad id '%.200s' (lowercase letters, digits, '.', '_', '-'; "
		     "starting with a letter or digit)", r->id);
	if (!kind) {
		kf = kb_record_field(r, c->kb->kind_name);
		diag(c, KB_OK, kf->values[0].line, kf->values[0].col,
		     "unknown kind '%s'%s", r->kind,
		     hint(h, sizeof(h), suggest(c, r->kind, more_kinds, NULL)));
		return;
	}
	for (j = 0; j < r->nfields; j++) {
		const struct kb_field *f = &r->fields[j];
		const struct kb_fieldspec *fs;

		if (f->name == c->kb->id_name || f->name == c->kb->kind_name)
			continue;
		if (!(fs = kb_kind_field(kind, f->name))) {
			diag(c, KB_OK, f->line, f->col,
			     "unknown field '%s' in kind '%s'%s", f->name,
			     kind->name,
			     hint(h, sizeof(h), suggest(c, f->name, more_fields,
							kind)));
			continue;
		}
		if (!fs->list && f->is_list) {
			diag(c, KB_OK, f->line, f->col,
			     "field '%s' takes one value, not a list", f->name);
			continue;
		}
		for (k = 0; k < f->count; k++)
			check_value(c, fs, &f->values[k]);
	}
	for (i = 0; i < kind->nfields; i++)
		if (kind->fields[i].required &&
		    !kb_record_field(r, kind->fields[i].name))
			diag(c, KB_OK, r->line, r->col,
			     "record '%s' lacks required field '%s'", r->id,
			     kind->fields[i].name);
}

/* false when out of memory (nothing to check with) */
static bool vctx_init(struct vctx *c, const struct kb *kb,
		      void (*fn)(const struct kb_diag *d, void *ud), void *ud)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	c->kb = kb;
	c->fn = fn;
	c->ud = ud;
	c->budget = SUGGEST_BASE + SUGGEST_PER_BYTE * kb->bytes;
	c->nkinds = kb->schema->nkinds;
	if (!(c->kinds = malloc((c->nkinds ? c->nkinds : 1) * sizeof(*c->kinds))))
		return false;
	for (i = 0; i < c->nkinds; i++)
		c->kinds[i] = kb->schema->kinds[i].name;
	return true;
}

static void vctx_free(struct vctx *c)
{
	free(c->kinds);
	kb_strmap_free(&c->seen);
}

size_t kb_validate(const struct kb *kb,
		   void (*fn)(const struct kb_diag *d, void *ud), void *ud)
{
	struct kb_record at;
	struct kb_view w;
	struct vctx c;
	size_t i;

	if (!kb->schema)
		return 0;
	if (!vctx_init(&c, kb, fn, ud))
		return 0;
	memset(&w, 0, sizeof(w));
	memset(&at, 0, sizeof(at));
	for (i = 0; i < kb->nrecs; i++) {
		/* each record decoded in passing (rec.c) */
		if (kb_view_decode(kb, kb->recs[i], &w) < 0)
			break;
		check_record(&c, &w.rec);
	}
	if (i < kb->nrecs) {
		at.file = kb->recs[i]->file;
		at.id = kb->recs[i]->id;
		c.rec = &at;
		diag(&c, KB_ENOMEM, kb->recs[i]->line, kb->recs[i]->col,
		     "out of memory: this record and those after it are not "
		     "checked");
	}
	vctx_free(&c);
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
	if (!vctx_init(&c, kb, fn, ud)) {
		struct kb_diag d = { rec->file, rec->line, rec->col, rec->id,
				     "out of memory: this record is not checked",
				     KB_ENOMEM };

		fn(&d, ud);
		return 1;
	}
	c.kind_of = kind_of;
	c.kud = kud;
	check_record(&c, rec);
	vctx_free(&c);
	return c.count;
}
