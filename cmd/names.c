/*
 * names.c - records found by name or alias: `kbq show "Howard Lutnick"`,
 * and the suggestions for an id that no record has (show, and the warning
 * for a ref term such as imposed_by=China that names no record).
 *
 * The index is built in one reading of the KB and sorted, so each look-up
 * is a binary search, never a scan (SPEC 5).  Names and aliases compare
 * exactly but for the case of ASCII letters.
 */
#include "kbq.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	const char *key;	/* a name or alias, ASCII letters lowered */
	const char *id, *name;	/* the record's id and name (NULL if none) */
	size_t seq;		/* load order, kept among equal keys */
};

struct kbq_names {
	struct entry *v;
	size_t n, cap;
	/* every id, name and alias, for suggestions by edit distance, with
	 * the id each stands for */
	const char **cands, **cand_ids, **cand_names;
	size_t ncands, capcands;
	/* every string above, owned */
	char **owned;
	size_t nowned, capowned;
};

static char *keep(struct kbq_names *nm, char *s)
{
	if (nm->nowned == nm->capowned) {
		nm->capowned = nm->capowned ? nm->capowned * 2 : 256;
		nm->owned = xrealloc(nm->owned, nm->capowned * sizeof(char *));
	}
	return nm->owned[nm->nowned++] = s;
}

static void add_cand(struct kbq_names *nm, const char *s, const char *id,
		     const char *name)
{
	if (nm->ncands == nm->capcands) {
		nm->capcands = nm->capcands ? nm->capcands * 2 : 256;
		nm->cands = xrealloc(nm->cands, nm->capcands * sizeof(char *));
		nm->cand_ids = xrealloc(nm->cand_ids,
					nm->capcands * sizeof(char *));
		nm->cand_names = xrealloc(nm->cand_names,
					  nm->capcands * sizeof(char *));
	}
	nm->cands[nm->ncands] = s;
	nm->cand_names[nm->ncands] = name;
	nm->cand_ids[nm->ncands++] = id;
}

static char *lowered(const char *s)
{
	char *k = xstrdup(s), *p;

	for (p = k; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

static void add_entry(struct kbq_names *nm, const char *text, const char *id,
		      const char *name)
{
	struct entry *e;

	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? nm->cap * 2 : 256;
		nm->v = xrealloc(nm->v, nm->cap * sizeof(*nm->v));
	}
	e = &nm->v[nm->n];
	e->key = keep(nm, lowered(text));
	e->id = id;
	e->name = name;
	e->seq = nm->n++;
	add_cand(nm, text, id, name);
}

static int add_record(const struct kb_record *r, void *ud)
{
	struct kbq_names *nm = ud;
	const struct kb_field *f = kb_record_field(r, "name");
	const char *id = keep(nm, xstrdup(r->id)), *name = NULL;
	uint32_t i;

	/* the record's strings live for this call only: copies are kept */
	if (f && f->count)
		name = keep(nm, xstrdup(f->values[0].text));
	add_cand(nm, id, id, name);
	if (name)
		add_entry(nm, name, id, name);
	if ((f = kb_record_field(r, "aliases")))
		for (i = 0; i < f->count; i++)
			add_entry(nm, keep(nm, xstrdup(f->values[i].text)), id,
				  name);
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : x->seq < y->seq ? -1 : x->seq > y->seq;
}

struct kbq_names *kbq_names_new(struct kb *kb, struct kb_error *err)
{
	struct kbq_names *nm = xcalloc(1, sizeof(*nm));

	if (kb_stream(kb, add_record, nm, err)) {
		kbq_names_free(nm);
		return NULL;
	}
	if (nm->n)
		qsort(nm->v, nm->n, sizeof(*nm->v), entry_cmp);
	return nm;
}

void kbq_names_free(struct kbq_names *nm)
{
	size_t i;

	if (!nm)
		return;
	for (i = 0; i < nm->nowned; i++)
		free(nm->owned[i]);
	free(nm->owned);
	free(nm->v);
	free(nm->cands);
	free(nm->cand_ids);
	free(nm->cand_names);
	free(nm);
}

size_t kbq_names_find(const struct kbq_names *nm, const char *word,
		      const char **ids, const char **names, size_t max)
{
	char *key = lowered(word);
	size_t lo = 0, hi = nm->n, n = 0, i;

	/* the first entry whose key is not below the word */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(nm->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < nm->n && !strcmp(nm->v[i].key, key); i++) {
		size_t k;
		/* a record whose name and alias are alike counts once */
		for (k = 0; k < n && k < max; k++)
			if (ids[k] == nm->v[i].id)
				break;
		if (k < n)
			continue;
		if (n < max) {
			ids[n] = nm->v[i].id;
			if (names)
				names[n] = nm->v[i].name;
		}
		n++;
	}
	free(key);
	return n;
}

const char *kbq_names_suggest(const struct kbq_names *nm, const char *word,
			      const char **name)
{
	const char *s = kb_suggest(word, nm->cands, nm->ncands);
	size_t i;

	*name = NULL;
	if (!s)
		return NULL;
	for (i = 0; i < nm->ncands; i++)
		if (nm->cands[i] == s) {
			*name = nm->cand_names[i];
			return nm->cand_ids[i];
		}
	return NULL;
}

/* ---- a ref term that names no record ------------------------------------ */

struct refcheck {
	struct kbq_ctx *ctx;
	const char *const *words;
	struct kbq_names *nm;
	bool tried;		/* the index was asked for (maybe in vain) */
};

static void warn_ref(const char *value, int word, void *ud)
{
	struct refcheck *rc = ud;
	const char *ids[2], *names[2];
	struct kb_error err;
	size_t n = 0;

	if (kb_has_id(rc->ctx->kb, value))
		return;
	if (!rc->tried) {
		rc->tried = true;
		/* a pipe cannot be read again: no suggestion then */
		if (kbq_kb_source(kbq_kb_path(rc->ctx)) != KBQ_KB_STDIN &&
		    !(rc->nm = kbq_names_new(rc->ctx->kb, &err)))
			kb_error_free(&err);	/* a warning goes without */
	}
	if (rc->nm && !(n = kbq_names_find(rc->nm, value, ids, names, 2))) {
		ids[0] = kbq_names_suggest(rc->nm, value, &names[0]);
		n = ids[0] ? 1 : 0;
	}
	fflush(stdout);
	fputs("kbq: warning: ", stderr);
	kbq_esc_printf(stderr, "%s: no record has id '%s'", rc->words[word],
		       value);
	if (n == 1 && names[0])
		kbq_esc_printf(stderr, " (did you mean '%s' (%s)?)", ids[0],
			       names[0]);
	else if (n == 1)
		kbq_esc_printf(stderr, " (did you mean '%s'?)", ids[0]);
	else if (n > 1)
		kbq_esc_printf(stderr, " (%zu records are called '%s', e.g. "
			       "'%s')", n, value, ids[0]);
	fputc('\n', stderr);
}

void kbq_warn_refs(struct kbq_ctx *ctx, const struct kb_query *q,
		   const char *const *words)
{
	struct refcheck rc = { ctx, words, NULL, false };

	if (ctx->o.quiet || !q)
		return;
	kb_query_each_ref(q, warn_ref, &rc);
	kbq_names_free(rc.nm);
}
