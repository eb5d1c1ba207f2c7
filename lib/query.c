/*
 * query.c - the expression language of kbq-query(7): parsed once from
 * argv words into a tree, field names checked against the schema, literals
 * typed (dates, ints) and regexes compiled up front; then matched per
 * record with no allocation.
 */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum op { OP_EQ, OP_NE, OP_RE, OP_NRE, OP_LT, OP_LE, OP_GT, OP_GE };
enum ntype { N_AND, N_OR, N_NOT, N_CMP, N_ANY, N_HAS, N_TRUE, N_BACK };

struct term {
	const char **path;	/* interned where the KB knows the name */
	size_t npath;
	enum op op;
	const char *lit;
	size_t litlen;
	struct kb_regex *re;	/* ~, and = under -i */
	struct kb_period date;
	bool date_ok;
	long long ival;
	bool int_ok;
	int word;
};

/* and/or hold their operands in one array, so that neither parsing nor
 * matching recurses once per word (10,000 words of `id?` are a chain, not
 * a tree 10,000 deep); only parentheses and `not` nest, at most
 * KB_MAX_PARENS deep. */
struct node {
	enum ntype type;
	struct node *a;		/* not */
	struct node **kids;	/* and, or */
	size_t nkids;
	struct term t;
	/* N_BACK: t.path[0] is the ref field F, `a` the term its records
	 * must satisfy (NULL: any), `bits` one bit per record of the KB, set
	 * for the records that such a record names in F */
	unsigned char *bits;
};

struct kb_query {
	struct kb *kb;
	bool refs;
	struct node *root;
	unsigned flags;
	bool as_of;
	struct kb_period asof;
	const char *n_since, *n_date, *n_until, *n_end;
	/* everything allocated, for kb_query_free */
	void **owned;
	size_t nowned, capowned;
	struct kb_regex **res;
	size_t nres, capres;
	/* the back-link terms, whose records are found in one pass */
	struct node **backs;
	size_t nbacks, capbacks;
	size_t nbits;		/* records the bits of each cover */
	bool backs_built;	/* not on a streamed KB: see kb_load() */
	/* the terms PATH=ID on a ref field, for kb_query_each_ref */
	const struct term **refeq;
	size_t nrefeq;
};

struct parser {
	struct kb_query *q;
	const char *const *w;
	size_t n, pos;
	const struct kb_kind *const *kinds;
	size_t nkinds;
	struct kb_error *err;
	int depth;
	/* the specs the last step of the path just parsed has, one per
	 * candidate kind that declares it */
	const struct kb_fieldspec *last[256];
	size_t nlast;
};

static void *own(struct kb_query *q, size_t size)
{
	void *p;

	if (q->nowned == q->capowned) {
		size_t cap = q->capowned ? q->capowned * 2 : 16;
		void **o = realloc(q->owned, cap * sizeof(*o));
		if (!o)
			return NULL;
		q->owned = o;
		q->capowned = cap;
	}
	if (!(p = calloc(1, size)))
		return NULL;
	q->owned[q->nowned++] = p;
	return p;
}

static int keep_re(struct kb_query *q, struct kb_regex *re)
{
	if (q->nres == q->capres) {
		size_t cap = q->capres ? q->capres * 2 : 8;
		struct kb_regex **r = realloc(q->res, cap * sizeof(*r));
		if (!r)
			return -1;
		q->res = r;
		q->capres = cap;
	}
	q->res[q->nres++] = re;
	return 0;
}

static int perr(struct parser *p, int word, size_t off, size_t span,
		enum kb_code code, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static int perr(struct parser *p, int word, size_t off, size_t span,
		enum kb_code code, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (!p->err)
		return code;
	va_start(ap, fmt);
	msg = kb_vstrprintf(fmt, ap);
	va_end(ap);
	kb_err(p->err, code, NULL, 0, 0, "%s", msg ? msg : "out of memory");
	free(msg);
	p->err->word = word;
	p->err->offset = off;
	p->err->span = span ? span : 1;
	return code;
}

static int oom(struct parser *p)
{
	return kb_err(p->err, KB_ENOMEM, NULL, 0, 0, "out of memory");
}

static bool is_kw(const char *w, const char *kw)
{
	return !strcmp(w, kw);
}

static const char *peek(struct parser *p)
{
	return p->pos < p->n ? p->w[p->pos] : NULL;
}

/* ---- field names ------------------------------------------------------- */

/*
 * The kinds a path step may be in: every kind of the schema may be there
 * (no array is limited to a few hundred of them), each once, which
 * marks[] (by the kind's place in the schema) remembers.
 */
struct kindset {
	const struct kb_kind **v;
	size_t n;
	unsigned *marks, gen;
	const struct kb_kind *first;	/* the schema's kinds[0] */
};

static int kindset_init(struct parser *p, struct kindset *ks)
{
	size_t nk = kb_kind_count(p->q->kb);

	memset(ks, 0, sizeof(*ks));
	ks->first = kb_kind_at(p->q->kb, 0);
	if (!(ks->v = malloc((nk ? nk : 1) * sizeof(*ks->v))) ||
	    !(ks->marks = calloc(nk ? nk : 1, sizeof(*ks->marks)))) {
		free(ks->v);
		return oom(p);
	}
	ks->gen = 1;
	return 0;
}

static void kindset_free(struct kindset *ks)
{
	free(ks->v);
	free(ks->marks);
}

/* Empty the set for the next step. */
static void kindset_clear(struct kindset *ks)
{
	ks->n = 0;
	ks->gen++;
}

static void kindset_add(struct kindset *ks, const struct kb_kind *k)
{
	size_t i = (size_t)(k - ks->first);

	if (ks->marks[i] != ks->gen) {
		ks->marks[i] = ks->gen;
		ks->v[ks->n++] = k;
	}
}

/* " (a field of source)" when kinds other than those asked about declare
 * the field, so that 'controls title~x' says where title is; else "". */
static void other_kinds(const struct kb *kb, const char *name, char *buf,
			size_t n)
{
	size_t i, used = 0, found = 0;

	buf[0] = '\0';
	for (i = 0; i < kb_kind_count(kb); i++) {
		const struct kb_kind *k = kb_kind_at(kb, i);
		if (!kb_kind_field(k, name))
			continue;
		if (found++ == 3) {
			used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
						 ", ...");
			break;
		}
		used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
					 "%s%s", found == 1 ? " (a field of " :
					 ", ", k->name);
	}
	if (found && used + 2 < n)
		strcat(buf, ")");
}

/*
 * Check path step `name` against the candidate kinds *cand; on success
 * the next step's candidates (the ref targets) are left in *cand (next is
 * scratch of the same size).  Returns the types found through *types (a
 * bitmask of enum kb_type seen).
 */
static int check_step(struct parser *p, const char *name, bool last,
		      struct kindset *cand, struct kindset *next,
		      unsigned *types, int word, size_t off, size_t span)
{
	const struct kb *kb = p->q->kb;
	struct kindset tmp;
	size_t i, j, t;
	bool found = false, any_ref = false, any_kind = false;

	*types = 0;
	if (last)
		p->nlast = 0;
	if (!strcmp(name, "id") || !strcmp(name, "kind")) {
		if (!last)
			return perr(p, word, off, span, KB_EEXPR,
				    "field '%s' is not a ref: it cannot be followed",
				    name);
		*types = 1u << KB_TYPE_STRING;
		return 0;
	}
	kindset_clear(next);
	for (i = 0; i < cand->n; i++) {
		const struct kb_fieldspec *f = kb_kind_field(cand->v[i], name);
		if (!f)
			continue;
		found = true;
		*types |= 1u << f->type;
		if (last && p->nlast < 256)
			p->last[p->nlast++] = f;
		if (f->type != KB_TYPE_REF)
			continue;
		any_ref = true;
		if (!f->nto) {	/* any kind: added once below */
			any_kind = true;
			continue;
		}
		for (t = 0; t < f->nto; t++) {
			const struct kb_kind *k = kb_kind_find(kb, f->to[t]);
			if (k)
				kindset_add(next, k);
		}
	}
	if (!found) {
		struct kb_suggest sg;
		const char *sug;
		char other[256];

		kb_suggest_init(&sg, name, NULL);
		for (i = 0; i < cand->n; i++)
			for (j = 0; j < cand->v[i]->nfields; j++)
				kb_suggest_add(&sg, cand->v[i]->fields[j].name);
		kb_suggest_add(&sg, "id");
		kb_suggest_add(&sg, "kind");
		sug = sg.pick;
		other_kinds(kb, name, other, sizeof(other));
		return perr(p, word, off, span, KB_EEXPR,
			    "unknown field '%s'%s%s%s%s", name,
			    sug ? " (did you mean '" : "", sug ? sug : "",
			    sug ? "'?)" : "", other);
	}
	if (!last) {
		if (!any_ref)
			return perr(p, word, off, span, KB_EEXPR,
				    "field '%s' is not a ref: it cannot be followed",
				    name);
		if (any_kind)
			for (j = 0; j < kb_kind_count(kb); j++)
				kindset_add(next, kb_kind_at(kb, j));
		tmp = *cand;
		*cand = *next;
		*next = tmp;
	}
	return 0;
}

/* Split the path at `s` (length len) into interned steps, checking them. */
static int parse_path(struct parser *p, struct term *t, const char *s,
		      size_t len, int word, unsigned *types)
{
	const struct kb *kb = p->q->kb;
	struct kindset cand, next;
	size_t i, start = 0, n = 1;
	int rc = 0;

	for (i = 0; i < len; i++)
		n += s[i] == '.';
	if (n > KB_MAX_PATH)
		return perr(p, word, 0, len, KB_ELIMIT,
			    "path of %zu steps is over the limit of %d", n,
			    KB_MAX_PATH);
	if (!(t->path = own(p->q, n * sizeof(*t->path))))
		return oom(p);
	if (kb_has_schema(kb)) {
		if ((rc = kindset_init(p, &cand)))
			return rc;
		if ((rc = kindset_init(p, &next))) {
			kindset_free(&cand);
			return rc;
		}
		if (p->kinds)
			for (i = 0; i < p->nkinds; i++)
				kindset_add(&cand, p->kinds[i]);
		else
			for (i = 0; i < kb_kind_count(kb); i++)
				kindset_add(&cand, kb_kind_at(kb, i));
	}
	*types = 0;
	for (i = 0; i <= len && !rc; i++) {
		if (i < len && s[i] != '.')
			continue;
		if (i == start) {
			rc = perr(p, word, start, 1, KB_EEXPR,
				  "empty field name in path");
			break;
		}
		{
			char *name = own(p->q, i - start + 1);
			const char *in;

			if (!name) {
				rc = oom(p);
				break;
			}
			memcpy(name, s + start, i - start);
			/* interned, so matching compares pointers, also for
			 * records streamed after this */
			if (!(in = kb_intern(p->q->kb, name, i - start))) {
				rc = oom(p);
				break;
			}
			t->path[t->npath++] = in;
			if (kb_has_schema(kb))
				rc = check_step(p, name, i == len, &cand, &next,
						types, word, start, i - start);
		}
		start = i + 1;
	}
	if (kb_has_schema(kb)) {
		kindset_free(&cand);
		kindset_free(&next);
	}
	if (rc)
		return rc;
	if (!kb_has_schema(kb))
		*types = 1u << KB_TYPE_TEXT;
	if (t->npath > 1)
		p->q->refs = true;
	return 0;
}

/* ---- terms --------------------------------------------------------------- */

static bool path_char(char c)
{
	return c && !strchr("=!~<>?", c);
}

static int compile_re(struct parser *p, struct term *t, const char *s,
		      size_t len, unsigned flags, int word, size_t off)
{
	struct kb_error e;

	int rc;

	if (kb_regex_compile(&t->re, s, len, flags, &e)) {
		if (e.code == KB_ENOMEM)
			rc = oom(p);
		else
			rc = perr(p, word, off + e.offset, 1, KB_EEXPR,
				  "bad regex: %s at offset %zu", e.message,
				  e.offset);
		kb_error_free(&e);
		return rc;
	}
	if (keep_re(p->q, t->re) < 0) {
		kb_regex_free(t->re);
		t->re = NULL;
		return oom(p);
	}
	return 0;
}

static bool same_text(const char *a, size_t alen, const char *b, bool icase)
{
	size_t i;

	if (strlen(b) != alen)
		return false;
	for (i = 0; i < alen; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (icase && x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (icase && y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

/* The value meant: the same in another case, else the closest by edit
 * distance, else the one sharing the longest start (at least four bytes
 * and half the word: 'licence' for 'licensing'). */
static const char *enum_suggest(const char *w, size_t len,
				const char *const *cands, size_t n)
{
	const char *sug = NULL;
	size_t i, k, best = 0;

	for (i = 0; i < n; i++)
		if (same_text(w, len, cands[i], true))
			return cands[i];
	if ((sug = kb_suggest(w, cands, n)))
		return sug;
	for (i = 0; i < n; i++) {
		for (k = 0; k < len && cands[i][k] == w[k]; k++)
			;
		if (k > best && k >= 4 && 2 * k >= len) {
			best = k;
			sug = cands[i];
		}
	}
	return sug;
}

/*
 * A value compared with = or != on an enum field must be one of the
 * field's values, in the union over the kinds the command covers (SPEC 2);
 * only called when every candidate declares the field an enum.
 */
static int check_enum(struct parser *p, const struct term *t, int word,
		      size_t off)
{
	const char *cands[1024] = { NULL }, *sug;
	size_t i, j, n = 0;
	bool icase = p->q->flags & KB_Q_ICASE;

	for (i = 0; i < p->nlast; i++)
		for (j = 0; j < p->last[i]->nvalues; j++) {
			if (same_text(t->lit, t->litlen, p->last[i]->values[j],
				      icase))
				return 0;
			if (n < 1024)
				cands[n++] = p->last[i]->values[j];
		}
	sug = enum_suggest(t->lit, t->litlen, cands, n);
	return perr(p, word, off, t->litlen ? t->litlen : 1, KB_EEXPR,
		    "'%s' is not a value of '%s'%s%s%s", t->lit,
		    t->path[t->npath - 1], sug ? " (did you mean '" : "",
		    sug ? sug : "", sug ? "'?)" : "");
}

static int backlink(struct parser *p, struct node *nd, struct node **out);

static int term(struct parser *p, struct node **out)
{
	const char *w = p->w[p->pos];
	int word = (int)p->pos;
	size_t len = strlen(w), i = 0, oplen;
	unsigned types;
	struct node *nd;
	struct term *t;
	int rc;

	if (!(nd = own(p->q, sizeof(*nd))))
		return oom(p);
	t = &nd->t;
	t->word = word;
	if (w[0] == '^')	/* ^F...: a ref followed backwards */
		return backlink(p, nd, out);
	if (w[0] == '~') {	/* ~REGEX: any field but kind */
		nd->type = N_ANY;
		t->op = OP_RE;
		t->lit = w + 1;
		t->litlen = len - 1;
		if ((rc = compile_re(p, t, w + 1, len - 1, p->q->flags, word, 1)))
			return rc;
		p->pos++;
		*out = nd;
		return 0;
	}
	while (path_char(w[i]))
		i++;
	if (i == 0) {
		return perr(p, word, 0, 1, KB_EEXPR,
			    "missing field name before '%c'%s", w[0],
			    p->pos > 0 ? " (a term is one shell word: "
			    "write 'name=value', not 'name = value')" : "");
	}
	/* 'name = x' quoted as one word: say so rather than look for a
	 * field called 'name ' */
	if (w[i] && i > 0 && (w[i - 1] == ' ' || w[i - 1] == '\t'))
		return perr(p, word, i - 1, 1, KB_EEXPR,
			    "space before '%c': a term is written without spaces, "
			    "as in 'name=value'", w[i]);
	if (w[i] == '?' && w[i + 1] == '\0') {
		nd->type = N_HAS;
		if ((rc = parse_path(p, t, w, i, word, &types)))
			return rc;
		p->pos++;
		*out = nd;
		return 0;
	}
	if (!w[i]) {
		const char *nx = p->pos + 1 < p->n ? p->w[p->pos + 1] : NULL;
		bool split = nx && strchr("=!~<>", nx[0]);
		return perr(p, word, 0, len, KB_EEXPR,
			    "'%s' is not a term (FIELD=VALUE, FIELD~REGEX, "
			    "FIELD?, ~REGEX)%s", w,
			    split ? "; a term is one shell word: write "
			    "'name=value', not 'name = value'" : "");
	}
	if (!strncmp(w + i, "!=", 2)) {
		t->op = OP_NE; oplen = 2;
	} else if (!strncmp(w + i, "!~", 2)) {
		t->op = OP_NRE; oplen = 2;
	} else if (!strncmp(w + i, "<=", 2)) {
		t->op = OP_LE; oplen = 2;
	} else if (!strncmp(w + i, ">=", 2)) {
		t->op = OP_GE; oplen = 2;
	} else if (w[i] == '=') {
		t->op = OP_EQ; oplen = 1;
	} else if (w[i] == '~') {
		t->op = OP_RE; oplen = 1;
	} else if (w[i] == '<') {
		t->op = OP_LT; oplen = 1;
	} else if (w[i] == '>') {
		t->op = OP_GT; oplen = 1;
	} else {
		return perr(p, word, i, 1, KB_EEXPR,
			    "unknown operator '%c' (use =, !=, ~, !~, <, <=, >, "
			    ">=, or FIELD? alone)", w[i]);
	}
	nd->type = N_CMP;
	if ((rc = parse_path(p, t, w, i, word, &types)))
		return rc;
	t->lit = w + i + oplen;
	t->litlen = len - i - oplen;
	if ((t->op == OP_EQ || t->op == OP_NE) && p->nlast &&
	    types == 1u << KB_TYPE_ENUM &&
	    (rc = check_enum(p, t, word, i + oplen)))
		return rc;
	if (t->op == OP_EQ && (types & 1u << KB_TYPE_REF)) {
		const struct term **r = realloc(p->q->refeq, (p->q->nrefeq + 1) *
						sizeof(*r));
		if (!r)
			return oom(p);
		r[p->q->nrefeq++] = t;
		p->q->refeq = r;
	}
	t->date_ok = kb_date_parse(t->lit, t->litlen, &t->date);
	t->int_ok = kb_int_parse(t->lit, t->litlen, &t->ival);
	/* A literal that fits none of the types the field has is an error. */
	if (t->op != OP_RE && t->op != OP_NRE) {
		if (types == 1u << KB_TYPE_DATE && !t->date_ok)
			return perr(p, word, i + oplen, t->litlen ? t->litlen : 1,
				    KB_EEXPR,
				    "bad date '%s' (YYYY, YYYY-MM or YYYY-MM-DD, "
				    "a day that exists)", t->lit);
		if (types == 1u << KB_TYPE_INT && !t->int_ok)
			return perr(p, word, i + oplen, t->litlen ? t->litlen : 1,
				    KB_EEXPR, "bad integer '%s'", t->lit);
	}
	if (t->op == OP_RE || t->op == OP_NRE) {
		if ((rc = compile_re(p, t, t->lit, t->litlen, p->q->flags, word,
				     i + oplen)))
			return rc;
	} else if ((t->op == OP_EQ || t->op == OP_NE) &&
		   (p->q->flags & KB_Q_ICASE)) {
		if ((rc = compile_re(p, t, t->lit, t->litlen,
				     KB_Q_ICASE | KB_Q_FIXED | KB_RE_WHOLE, word,
				     i + oplen)))
			return rc;
	}
	p->pos++;
	*out = nd;
	return 0;
}

/* ---- back-link terms ------------------------------------------------------ */

/* The names of the kinds in ks, as "a|b|c", for messages. */
static void kind_names(char *buf, size_t size, const struct kb_kind *const *ks,
		       size_t n)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i ? "|" : "", ks[i]->name);
}

/* Is k among the kinds ks (the few a command covers)? */
static bool kinds_contains(const struct kb_kind *const *ks, size_t n,
			   const struct kb_kind *k)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ks[i] == k)
			return true;
	return false;
}

/* Does the ref spec f may point to a record of one of the kinds ks? */
static bool ref_reaches(const struct kb *kb, const struct kb_fieldspec *f,
			const struct kb_kind *const *ks, size_t n)
{
	size_t t;

	if (f->type != KB_TYPE_REF)
		return false;
	if (!f->nto || !ks)
		return true;
	for (t = 0; t < f->nto; t++)
		if (kinds_contains(ks, n, kb_kind_find(kb, f->to[t])))
			return true;
	return false;
}

/*
 * The error for ^F when no kind's ref field F may point to the kinds the
 * command covers: what F is instead, and which fields would do.
 */
static int backlink_error(struct parser *p, const char *name, int word,
			  size_t span)
{
	const struct kb *kb = p->q->kb;
	const struct kb_kind *const *cov = p->kinds;
	size_t ncov = p->kinds ? p->nkinds : 0, i, j, n = 0, used;
	const struct kb_fieldspec *ref = NULL;
	const char *cands[256], *sug;
	bool field = false;
	char covered[256], hint[512], to[256];

	kind_names(covered, sizeof(covered), cov, ncov);
	/* the ref fields that may point to the covered kinds, and what F is */
	for (i = 0; i < kb_kind_count(kb); i++) {
		const struct kb_kind *k = kb_kind_at(kb, i);
		for (j = 0; j < k->nfields; j++) {
			const struct kb_fieldspec *f = &k->fields[j];
			size_t c;
			if (!strcmp(f->name, name)) {
				field = true;
				if (f->type == KB_TYPE_REF && !ref)
					ref = f;
			}
			if (!ref_reaches(kb, f, cov, ncov))
				continue;
			for (c = 0; c < n; c++)
				if (!strcmp(cands[c], f->name))
					break;
			if (c == n && n < 256)
				cands[n++] = f->name;
		}
	}
	if (!n && cov)
		return perr(p, word, 0, span + 1, KB_EEXPR,
			    "nothing points to '%s' records: no ref field of "
			    "the schema may name them", covered);
	if (!n)
		return perr(p, word, 0, span + 1, KB_EEXPR,
			    "the schema has no ref field: nothing points to any "
			    "record");
	sug = kb_suggest(name, cands, n);
	if (sug && strcmp(sug, name)) {
		snprintf(hint, sizeof(hint), " (did you mean '%s'?)", sug);
	} else {
		used = (size_t)snprintf(hint, sizeof(hint), " (%s%s%s:",
					cov ? "fields that may point to '" :
					"ref fields", covered, cov ? "'" : "");
		for (i = 0; i < n && used < sizeof(hint); i++)
			used += (size_t)snprintf(hint + used, sizeof(hint) - used,
						 "%s '%s'", i ? "," : "", cands[i]);
		if (used < sizeof(hint))
			snprintf(hint + used, sizeof(hint) - used, ")");
	}
	if (!field)
		return perr(p, word, 1, span, KB_EEXPR,
			    "unknown ref field '%s'%s", name, hint);
	if (!ref)
		return perr(p, word, 1, span, KB_EEXPR,
			    "field '%s' is not a ref: no record points through "
			    "it%s", name, hint);
	to[0] = '\0';
	for (i = 0, used = 0; i < ref->nto && used < sizeof(to); i++)
		used += (size_t)snprintf(to + used, sizeof(to) - used, "%s%s",
					 i ? "|" : "", ref->to[i]);
	return perr(p, word, 1, span, KB_EEXPR,
		    "ref field '%s' never points to '%s' records (it points to "
		    "'%s')%s", name, covered, to, hint);
}

/*
 * `^F`, `^F?`, `^F.PATH OP VALUE`, `^F.PATH`, `^F OP VALUE` (the referring
 * record's id): F is checked against the ref fields that may point to the
 * kinds covered, and the rest is an ordinary term on the referring records,
 * parsed for the kinds that hold such an F.
 */
static int backlink(struct parser *p, struct node *nd, struct node **out)
{
	const char *w = p->w[p->pos];
	int word = (int)p->pos, rc;
	size_t len = strlen(w), i = 1, nks = 0, shift, k;
	const struct kb *kb = p->q->kb;
	const struct kb_kind **ks = NULL;
	struct parser sub;
	const char *sw[1];
	char *name, *text = NULL;

	while (i < len && w[i] != '.' && path_char(w[i]))
		i++;
	if (i == 1)
		return perr(p, word, 0, 1, KB_EEXPR,
			    "missing field name after '^' (write '^FIELD' or "
			    "'^FIELD.PATH=VALUE')");
	if (!(name = own(p->q, i)))
		return oom(p);
	memcpy(name, w + 1, i - 1);
	if (!strcmp(name, "id") || !strcmp(name, "kind"))
		return perr(p, word, 1, i - 1, KB_EEXPR,
			    "field '%s' is not a ref: no record points through it",
			    name);
	if (kb_has_schema(kb)) {
		if (!(ks = own(p->q, (kb_kind_count(kb) + 1) * sizeof(*ks))))
			return oom(p);
		for (k = 0; k < kb_kind_count(kb); k++) {
			const struct kb_kind *kd = kb_kind_at(kb, k);
			const struct kb_fieldspec *f = kb_kind_field(kd, name);
			if (f && ref_reaches(kb, f, p->kinds,
					     p->kinds ? p->nkinds : 0))
				ks[nks++] = kd;
		}
		if (!nks)
			return backlink_error(p, name, word, i - 1);
	}
	nd->type = N_BACK;
	if (!(nd->t.path = own(p->q, sizeof(*nd->t.path))) ||
	    !(nd->t.path[0] = kb_intern(p->q->kb, name, i - 1)))
		return oom(p);
	nd->t.npath = 1;
	p->q->refs = true;
	if (kb_grow((void **)&p->q->backs, &p->q->capbacks, p->q->nbacks + 1,
		    sizeof(*p->q->backs)) < 0)
		return oom(p);
	p->q->backs[p->q->nbacks++] = nd;
	/* what the referring records must satisfy, as a term of its own */
	if (i == len || (w[i] == '?' && i + 1 == len)) {
		p->pos++;
		*out = nd;
		return 0;
	}
	if (w[i] == '.') {
		size_t j = i + 1;
		shift = i + 1;
		if (w[j] == '~' || w[j] == '^' || !w[j])
			return perr(p, word, j, 1, KB_EEXPR,
				    "a field name is expected after '^%s.'", name);
		while (path_char(w[j]))
			j++;
		if (!(text = own(p->q, len - i + 1)))
			return oom(p);
		/* ^F.PATH alone: PATH is present */
		snprintf(text, len - i + 1, "%s%s", w + i + 1, w[j] ? "" : "?");
	} else {
		/* ^F OP VALUE: the referring record's id */
		shift = 0;
		if (!(text = own(p->q, len - i + 3)))
			return oom(p);
		snprintf(text, len - i + 3, "id%s", w + i);
	}
	sub = *p;
	sw[0] = text;
	sub.w = sw;
	sub.n = 1;
	sub.pos = 0;
	sub.kinds = ks;
	sub.nkinds = nks;
	if ((rc = term(&sub, &nd->a))) {
		/* point into the word as written */
		if (p->err && p->err->word == 0) {
			p->err->word = word;
			if (shift)
				p->err->offset += shift;
			else if (p->err->offset >= 2)
				p->err->offset += i - 2;
			else
				p->err->offset = 1, p->err->span = i - 1;
		}
		return rc;
	}
	nd->a->t.word = word;	/* the word as written, for kb_query_each_ref */
	p->pos++;
	*out = nd;
	return 0;
}

/* ---- the grammar ----------------------------------------------------------- */

static int expr_or(struct parser *p, struct node **out);

static int unary(struct parser *p, struct node **out)
{
	const char *w = peek(p);
	struct node *nd;
	int rc, open;

	if (!w)
		return perr(p, (int)(p->n ? p->n - 1 : 0),
			    p->n ? strlen(p->w[p->n - 1]) : 0, 1, KB_EEXPR,
			    "expression ends where a term was expected");
	if (++p->depth > KB_MAX_PARENS)
		return perr(p, (int)p->pos, 0, 1, KB_ELIMIT,
			    "expression nests deeper than %d levels",
			    KB_MAX_PARENS);
	if (is_kw(w, "not")) {
		p->pos++;
		if (!(nd = own(p->q, sizeof(*nd))))
			return oom(p);
		nd->type = N_NOT;
		if ((rc = unary(p, &nd->a)))
			return rc;
		*out = nd;
	} else if (is_kw(w, "(")) {
		open = (int)p->pos++;
		if ((rc = expr_or(p, out)))
			return rc;
		if (!peek(p) || !is_kw(peek(p), ")"))
			return perr(p, open, 0, 1, KB_EEXPR,
				    "'(' is never closed");
		p->pos++;
	} else if (is_kw(w, ")") || is_kw(w, "and") || is_kw(w, "or")) {
		return perr(p, (int)p->pos, 0, strlen(w), KB_EEXPR,
			    "unexpected '%s' where a term was expected", w);
	} else if (!*w) {
		return perr(p, (int)p->pos, 0, 1, KB_EEXPR,
			    "empty word where a term was expected");
	} else if ((rc = term(p, out))) {
		return rc;
	}
	p->depth--;
	return 0;
}

/*
 * The operands of one and/or chain, each parsed by `one`, until `stop`
 * says the chain ends; a chain of one is that operand.
 */
static int chain(struct parser *p, enum ntype type,
		 int (*one)(struct parser *, struct node **),
		 bool (*more)(struct parser *), struct node **out)
{
	struct node **kids = NULL, *nd, *k;
	size_t n = 0, cap = 0;
	int rc;

	for (;;) {
		if ((rc = one(p, &k)))
			goto fail;
		if (kb_grow((void **)&kids, &cap, n + 1, sizeof(*kids)) < 0) {
			rc = oom(p);
			goto fail;
		}
		kids[n++] = k;
		if (!more(p))
			break;
	}
	if (n == 1) {
		*out = kids[0];
		free(kids);
		return 0;
	}
	if (!(nd = own(p->q, sizeof(*nd))) ||
	    !(nd->kids = own(p->q, n * sizeof(*nd->kids)))) {
		rc = oom(p);
		goto fail;
	}
	nd->type = type;
	memcpy(nd->kids, kids, n * sizeof(*kids));
	nd->nkids = n;
	free(kids);
	*out = nd;
	return 0;
fail:
	free(kids);
	return rc;
}

/* Another operand of `and` follows (an explicit `and` is passed over). */
static bool more_and(struct parser *p)
{
	const char *w = peek(p);

	if (!w || is_kw(w, "or") || is_kw(w, ")"))
		return false;
	if (is_kw(w, "and"))
		p->pos++;
	return true;
}

static bool more_or(struct parser *p)
{
	if (!peek(p) || !is_kw(peek(p), "or"))
		return false;
	p->pos++;
	return true;
}

static int expr_and(struct parser *p, struct node **out)
{
	return chain(p, N_AND, unary, more_and, out);
}

static int expr_or(struct parser *p, struct node **out)
{
	return chain(p, N_OR, expr_and, more_or, out);
}

static int backlinks_build(struct kb_query *q, struct kb_error *err);

int kb_query_compile(struct kb_query **out, struct kb *kb,
		     const char *const *words, size_t nwords,
		     const struct kb_kind *const *kinds, size_t nkinds,
		     unsigned flags, const char *as_of, struct kb_error *err)
{
	struct kb_query *q;
	struct parser p;
	size_t i;
	int rc = 0;

	*out = NULL;
	if (!(q = calloc(1, sizeof(*q))))
		return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
	q->kb = kb;
	q->flags = flags & (KB_Q_ICASE | KB_Q_FIXED);
	q->n_since = kb_intern(kb, "since", 5);
	q->n_date = kb_intern(kb, "date", 4);
	q->n_until = kb_intern(kb, "until", 5);
	q->n_end = kb_intern(kb, "end", 3);
	if (!q->n_since || !q->n_date || !q->n_until || !q->n_end) {
		free(q);
		return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
	}
	memset(&p, 0, sizeof(p));
	p.q = q;
	p.w = words;
	p.n = nwords;
	p.kinds = kinds;
	p.nkinds = nkinds;
	p.err = err;
	if (as_of) {
		q->as_of = true;
		if (!kb_date_parse(as_of, strlen(as_of), &q->asof)) {
			rc = kb_err(err, KB_EEXPR, NULL, 0, 0,
				    "bad date '%s' for --as-of (YYYY, YYYY-MM or "
				    "YYYY-MM-DD)", as_of);
			goto fail;
		}
	}
	if (nwords > KB_MAX_WORDS) {
		rc = perr(&p, KB_MAX_WORDS, 0, 1, KB_ELIMIT,
			  "expression of %zu words is over the limit of %d",
			  nwords, KB_MAX_WORDS);
		goto fail;
	}
	for (i = 0; i < nwords; i++)
		if (strlen(words[i]) > KB_MAX_WORD) {
			rc = perr(&p, (int)i, 0, 1, KB_ELIMIT,
				  "expression word of %zu bytes is over the limit "
				  "of %zu", strlen(words[i]), KB_MAX_WORD);
			goto fail;
		}
	if (!nwords) {
		if (!(q->root = own(q, sizeof(*q->root)))) {
			rc = oom(&p);
			goto fail;
		}
		q->root->type = N_TRUE;
	} else {
		if ((rc = expr_or(&p, &q->root)))
			goto fail;
		if (p.pos < nwords) {
			rc = perr(&p, (int)p.pos, 0, strlen(words[p.pos]), KB_EEXPR,
				  "unexpected '%s'%s", words[p.pos],
				  is_kw(words[p.pos], ")") ? " (no '(' to close)" : "");
			goto fail;
		}
	}
	/* a streamed KB has no records to index yet: a caller sees that the
	 * query follows refs, loads the KB (kb_load) and compiles again */
	if (q->nbacks && !kb->stream && (rc = backlinks_build(q, err)))
		goto fail;
	*out = q;
	return 0;
fail:
	kb_query_free(q);
	return rc;
}

bool kb_query_follows_refs(const struct kb_query *q)
{
	return q->refs;
}

void kb_query_each_ref(const struct kb_query *q,
		       void (*fn)(const char *value, int word, void *ud),
		       void *ud)
{
	size_t i;

	for (i = 0; i < q->nrefeq; i++)
		fn(q->refeq[i]->lit, q->refeq[i]->word, ud);
}

void kb_query_free(struct kb_query *q)
{
	size_t i;

	if (!q)
		return;
	for (i = 0; i < q->nres; i++)
		kb_regex_free(q->res[i]);
	for (i = 0; i < q->nowned; i++)
		free(q->owned[i]);
	free(q->res);
	free(q->owned);
	free(q->backs);
	free(q->refeq);
	free(q);
}

/* ---- matching ---------------------------------------------------------- */

static const struct kb_field *field_of(const struct kb_record *r,
				       const char *name)
{
	uint32_t i;

	for (i = 0; i < r->nfields; i++)
		if (r->fields[i].name == name)
			return &r->fields[i];
	return NULL;
}

static const struct kb_fieldspec *spec_of(const struct kb *kb,
					  const struct kb_record *r,
					  const char *name)
{
	if (!kb->schema)
		return NULL;
	return kb_kind_field(kb_kind_find(kb, r->kind), name);
}

static int cmpbytes(const struct kb_value *v, const struct term *t)
{
	return kb_bytes_cmp(v->text, v->len, t->lit, t->litlen);
}

/* Matching one record: the refs it may still follow, and where a limit
 * was hit (to say so at the value). */
struct mctx {
	size_t budget;			/* records still to visit via refs */
	const struct kb_record *owner;	/* the value's record */
	const struct kb_value *v;	/* the value a regex gave up on */
	const struct kb_fieldspec *fs;	/* its field's spec, when the
					 * field's own pattern gave up */
	const char *field;
};

/* A regex's answer; a limit hit is remembered with its value. */
static int re_match(struct mctx *m, const struct kb_regex *re,
		    const struct kb_record *r, const char *field,
		    const struct kb_value *v)
{
	int rc = kb_regex_match(re, v->text, v->len);

	if (rc < 0) {
		m->owner = r;
		m->v = v;
		m->fs = NULL;
		m->field = field;
	}
	return rc;
}

/* The positive form of a comparison on one value: 1, 0 or -KB_EMATCH. */
static int test_value(const struct kb_query *q, const struct term *t,
		      const struct kb_record *r, const struct kb_field *f,
		      const struct kb_fieldspec *fs, const struct kb_value *v,
		      struct mctx *m)
{
	enum kb_type type = fs ? fs->type : KB_TYPE_TEXT;
	struct kb_period s;
	const char *why;
	long long n;
	int c;

	(void)q;
	/* A value invalid for its spec (a bad date or int, an enum outside
	 * its values, a string with a line break, a pattern mismatch)
	 * satisfies only the negations; a pattern that gives up is no
	 * answer at all. */
	if (fs && (c = kb_value_check(fs, v, &why)) <= 0) {
		if (c < 0) {
			m->owner = r;
			m->v = v;
			m->fs = fs;
			m->field = f->name;
		}
		return c;
	}
	if (type == KB_TYPE_DATE) {
		if (!kb_date_parse(v->text, v->len, &s))
			return 0;
		switch (t->op) {
		case OP_EQ: case OP_NE:
			return t->date_ok && s.first <= t->date.last &&
			       s.last >= t->date.first;
		case OP_RE: case OP_NRE:
			return re_match(m, t->re, r, f->name, v);
		case OP_LT: return t->date_ok && s.first < t->date.first;
		case OP_LE: return t->date_ok && s.first <= t->date.last;
		case OP_GT: return t->date_ok && s.last > t->date.last;
		case OP_GE: return t->date_ok && s.last >= t->date.first;
		}
		return 0;
	}
	if (type == KB_TYPE_INT) {
		if (!kb_int_parse(v->text, v->len, &n))
			return 0;
		switch (t->op) {
		case OP_EQ: case OP_NE: return t->int_ok && n == t->ival;
		case OP_RE: case OP_NRE:
			return re_match(m, t->re, r, f->name, v);
		case OP_LT: return t->int_ok && n < t->ival;
		case OP_LE: return t->int_ok && n <= t->ival;
		case OP_GT: return t->int_ok && n > t->ival;
		case OP_GE: return t->int_ok && n >= t->ival;
		}
		return 0;
	}
	switch (t->op) {
	case OP_EQ: case OP_NE:
		if (t->re)
			return re_match(m, t->re, r, f->name, v);
		return v->len == t->litlen && !memcmp(v->text, t->lit, v->len);
	case OP_RE: case OP_NRE:
		return re_match(m, t->re, r, f->name, v);
	case OP_LT: c = cmpbytes(v, t); return c < 0;
	case OP_LE: c = cmpbytes(v, t); return c <= 0;
	case OP_GT: c = cmpbytes(v, t); return c > 0;
	case OP_GE: c = cmpbytes(v, t); return c >= 0;
	}
	return 0;
}

/* Does any value reached through t->path from r satisfy the test?  With
 * `presence`, any value at all will do.  Recursion: one level per path
 * step, at most KB_MAX_PATH. */
static int walk(const struct kb_query *q, const struct term *t,
		const struct kb_record *r, size_t step, bool presence,
		struct mctx *m)
{
	const struct kb_field *f = field_of(r, t->path[step]);
	const struct kb_fieldspec *fs;
	uint32_t i;
	int rc;

	if (!f)
		return 0;
	if (step + 1 < t->npath) {
		for (i = 0; i < f->count; i++) {
			const struct kb_record *next = kb_get(q->kb, f->values[i].text);
			if (!next)
				continue;
			/* refs that fan out multiply: a.a.a... must not hang */
			if (!m->budget)
				return -KB_ELIMIT;
			m->budget--;
			if ((rc = walk(q, t, next, step + 1, presence, m)))
				return rc;
		}
		return 0;
	}
	if (presence)
		return f->count > 0;
	fs = spec_of(q->kb, r, f->name);
	for (i = 0; i < f->count; i++)
		if ((rc = test_value(q, t, r, f, fs, &f->values[i], m)))
			return rc;
	return 0;
}

static int any_field(const struct kb_query *q, const struct term *t,
		     const struct kb_record *r, struct mctx *m)
{
	uint32_t i, j;
	int rc;

	for (i = 0; i < r->nfields; i++) {
		if (r->fields[i].name == q->kb->kind_name)
			continue;
		for (j = 0; j < r->fields[i].count; j++)
			if ((rc = re_match(m, t->re, r, r->fields[i].name,
					   &r->fields[i].values[j])))
				return rc;
	}
	return 0;
}

/* Recursion: one level per parenthesis or `not`, at most KB_MAX_PARENS;
 * and/or chains are walked in a loop. */
static int eval(const struct kb_query *q, const struct node *n,
		const struct kb_record *r, struct mctx *m)
{
	size_t i;
	int a;

	switch (n->type) {
	case N_TRUE:
		return 1;
	case N_AND:
		for (i = 0; i < n->nkids; i++)
			if ((a = eval(q, n->kids[i], r, m)) <= 0)
				return a;
		return 1;
	case N_OR:
		for (i = 0; i < n->nkids; i++)
			if ((a = eval(q, n->kids[i], r, m)) != 0)
				return a;
		return 0;
	case N_NOT:
		a = eval(q, n->a, r, m);
		return a < 0 ? a : !a;
	case N_HAS:
		return walk(q, &n->t, r, 0, true, m);
	case N_ANY:
		return any_field(q, &n->t, r, m);
	case N_CMP:
		a = walk(q, &n->t, r, 0, false, m);
		if (a < 0)
			return a;
		return n->t.op == OP_NE || n->t.op == OP_NRE ? !a : a;
	case N_BACK:
		return r->index < q->nbits &&
		       (n->bits[r->index >> 3] >> (r->index & 7)) & 1;
	}
	return 0;
}

/* The error of eval()'s negative result rc on record r (KB_EMATCH),
 * located at the value where a regex gave up when there is one. */
static int match_error(int rc, const struct kb_record *r,
		       const struct mctx *m, struct kb_error *err)
{
	if (rc == -KB_ELIMIT)
		return kb_err(err, KB_EMATCH, r->file, r->line, r->col,
			      "paths from record '%s' reach more than %zu records "
			      "(refs fan out)", r->id, KB_MAX_REFWALK);
	if (m->owner && m->fs)
		return kb_err(err, KB_EMATCH, m->owner->file, m->v->line,
			      m->v->col, "the pattern '%s' of field '%s' hit its "
			      "match limit on this value of record '%s' (simplify "
			      "the pattern)", m->fs->pattern, m->field,
			      m->owner->id);
	if (m->owner)
		return kb_err(err, KB_EMATCH, m->owner->file, m->v->line,
			      m->v->col, "regex hit its match limit on this value "
			      "of '%s.%s' (simplify the pattern)", m->owner->id,
			      m->field);
	return kb_err(err, KB_EMATCH, r->file, r->line, r->col,
		      "regex hit its match limit on record '%s' (simplify the "
		      "pattern)", r->id);
}

/*
 * The records each back-link term holds for, in one pass over the KB: for
 * every record S whose ref field F names records (and that satisfies the
 * term's own condition), the records named get their bit.  O(KB) once per
 * query, then one bit test per record matched.  The records S are never
 * filtered by --as-of.
 */
static int backlinks_build(struct kb_query *q, struct kb_error *err)
{
	struct kb *kb = q->kb;
	struct kb_view w;
	size_t i, b, nbytes;
	uint32_t k;
	int rc = 0;

	if (kb->stream)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "a back-link term ('^%s') needs the KB loaded "
			      "whole, not streamed", q->backs[0]->t.path[0]);
	q->nbits = kb->nrecs;
	q->backs_built = true;
	nbytes = (kb->nrecs + 7) / 8;
	for (b = 0; b < q->nbacks; b++)
		if (!(q->backs[b]->bits = own(q, nbytes ? nbytes : 1)))
			return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
	memset(&w, 0, sizeof(w));
	for (i = 0; i < kb->nrecs && !rc; i++) {
		const struct kb_record *s = &w.rec;

		if (kb_view_decode(kb, kb->recs[i], &w) < 0) {
			rc = kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
			break;
		}
		for (b = 0; b < q->nbacks && !rc; b++) {
			const struct node *n = q->backs[b];
			const struct kb_field *f = field_of(s, n->t.path[0]);
			struct mctx m;

			if (!f || !f->count || !kb_is_ref_field(kb, s, f))
				continue;
			memset(&m, 0, sizeof(m));
			m.budget = KB_MAX_REFWALK;
			if (n->a && (rc = eval(q, n->a, s, &m)) <= 0) {
				if (rc < 0)
					rc = match_error(rc, s, &m, err);
				continue;
			}
			rc = 0;
			for (k = 0; k < f->count; k++) {
				const struct kb_crec *c = kb_find(kb, f->values[k].text);
				if (c && c->index < q->nbits)
					n->bits[c->index >> 3] |=
						(unsigned char)(1u << (c->index & 7));
			}
		}
	}
	kb_view_free(&w);
	return rc;
}

/* First valid date of field `a`, else of field `b`; false when neither. */
static int bound(const struct kb_record *r, const char *a, const char *b,
		 struct kb_period *p)
{
	const struct kb_field *f = a ? field_of(r, a) : NULL;

	if (!f && b)
		f = field_of(r, b);
	if (!f)
		return 0;
	return kb_date_parse(f->values[0].text, f->values[0].len, p) ? 1 : -1;
}

static bool in_force(const struct kb_query *q, const struct kb_record *r)
{
	struct kb_period s;
	int rc;

	rc = bound(r, q->n_since, q->n_date, &s);
	/* an undated start cannot be placed: not in force */
	if (rc < 0 || (rc > 0 && s.first > q->asof.last))
		return false;
	rc = bound(r, q->n_until, q->n_end, &s);
	if (rc < 0 || (rc > 0 && s.last < q->asof.first))
		return false;
	return true;
}

int kb_query_match(const struct kb_query *q, const struct kb_record *rec,
		   struct kb_error *err)
{
	struct mctx m;
	int rc;

	if (q->nbacks && !q->backs_built)
		return -kb_err(err, KB_EUSAGE, NULL, 0, 0, "a back-link term "
			       "needs the KB loaded whole (kb_load), not "
			       "streamed");
	if (q->as_of && !in_force(q, rec))
		return 0;
	memset(&m, 0, sizeof(m));
	m.budget = KB_MAX_REFWALK;
	rc = eval(q, q->root, rec, &m);
	if (rc < 0)
		return -match_error(rc, rec, &m, err);
	return rc;
}

/* ---- paths for output ---------------------------------------------------- */

struct pw {
	const struct kb *kb;
	const char *const *steps;
	size_t n;
	int (*fn)(const struct kb_record *, const struct kb_field *,
		  const struct kb_value *, void *);
	void *ud;
	size_t budget;		/* records still to visit */
};

static int pwalk(struct pw *w, const struct kb_record *r, size_t step)
{
	const struct kb_field *f = kb_record_field(r, w->steps[step]);
	uint32_t i;
	int rc;

	if (!f)
		return 0;
	for (i = 0; i < f->count; i++) {
		if (step + 1 == w->n) {
			if ((rc = w->fn(r, f, &f->values[i], w->ud)))
				return rc;
		} else {
			const struct kb_record *next = kb_get(w->kb, f->values[i].text);
			if (!next)
				continue;
			if (!w->budget)
				return -KB_ELIMIT;
			w->budget--;
			if ((rc = pwalk(w, next, step + 1)))
				return rc;
		}
	}
	return 0;
}

int kb_path_walk(const struct kb *kb, const struct kb_record *rec,
		 const char *path,
		 int (*fn)(const struct kb_record *owner,
			   const struct kb_field *field,
			   const struct kb_value *v, void *ud),
		 void *ud)
{
	const char *steps[KB_MAX_PATH];
	size_t n = 0;
	struct pw w;
	char *buf = strdup(path), *s;
	int rc;

	/* (a key may be 4096 bytes long: no buffer of a fixed size) */
	if (!buf)
		return -KB_ENOMEM;
	for (s = buf; n < KB_MAX_PATH; n++) {
		char *dot = strchr(s, '.');
		steps[n] = s;
		if (!dot) {
			n++;
			break;
		}
		*dot = '\0';
		s = dot + 1;
	}
	w.kb = kb;
	w.steps = steps;
	w.n = n;
	w.fn = fn;
	w.ud = ud;
	w.budget = KB_MAX_REFWALK;
	rc = pwalk(&w, rec, 0);
	free(buf);
	return rc;
}
