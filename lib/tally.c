/*
 * tally.c - counting records by the values of field paths (`--count-by`):
 * one row per distinct combination of the paths' values, each record
 * counted once per combination it has.  Memory grows with the number of
 * distinct rows, never with the number of records added.
 */
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct row {
	struct kb_value *vals;	/* npaths of them, pointing into key */
	size_t count;
	size_t npaths;
};

/* The values one path reached in the record being added. */
struct reached {
	const struct kb_value **v;
	size_t n, cap;
};

struct kb_tally {
	const struct kb *kb;
	char **paths;
	size_t npaths;
	struct kb_strmap map;		/* key -> row number + 1 */
	struct kb_arena arena;		/* keys and their values */
	struct row *rows;
	size_t nrows, caprows;
	struct reached *per;		/* per path, for one record */
	size_t *at;			/* the combination being counted */
	char *key;
	size_t capkey;
	bool sorted;
};

static const struct kb_value empty_value = { "", 0, 0, 0 };

int kb_tally_new(struct kb_tally **out, const struct kb *kb,
		 const char *const *paths, size_t npaths, struct kb_error *err)
{
	struct kb_tally *t;
	size_t i;

	*out = NULL;
	if (!npaths)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0, "no path to count by");
	if (!(t = calloc(1, sizeof(*t))))
		goto oom;
	t->kb = kb;
	if (!(t->paths = calloc(npaths, sizeof(*t->paths))) ||
	    !(t->per = calloc(npaths, sizeof(*t->per))) ||
	    !(t->at = calloc(npaths, sizeof(*t->at))))
		goto oom;
	t->npaths = npaths;
	for (i = 0; i < npaths; i++) {
		/* what kb_path_walk() takes */
		if (strlen(paths[i]) >= 4096) {
			kb_tally_free(t);
			return kb_err(err, KB_ELIMIT, NULL, 0, 0,
				      "path of %zu bytes is over the limit of "
				      "4095", strlen(paths[i]));
		}
		if (!(t->paths[i] = strdup(paths[i])))
			goto oom;
	}
	*out = t;
	return 0;
oom:
	kb_tally_free(t);
	return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
}

static int reach(const struct kb_record *owner, const struct kb_field *f,
		 const struct kb_value *v, void *ud)
{
	struct reached *r = ud;

	(void)owner;
	(void)f;
	if (kb_grow((void **)&r->v, &r->cap, r->n + 1, sizeof(*r->v)) < 0)
		return -KB_ENOMEM;
	r->v[r->n++] = v;
	return 0;
}

static int value_cmp(const struct kb_value *a, const struct kb_value *b)
{
	return kb_bytes_cmp(a->text, a->len, b->text, b->len);
}

static int value_pcmp(const void *a, const void *b)
{
	return value_cmp(*(const struct kb_value *const *)a,
			 *(const struct kb_value *const *)b);
}

/* Each distinct value once (sorted); none reached: the empty value. */
static void distinct(struct reached *r)
{
	size_t i, n = 0;

	if (!r->n) {
		r->v[r->n++] = &empty_value;
		return;
	}
	if (r->n == 1)
		return;
	qsort(r->v, r->n, sizeof(*r->v), value_pcmp);
	for (i = 0; i < r->n; i++)
		if (!n || value_cmp(r->v[n - 1], r->v[i]))
			r->v[n++] = r->v[i];
	r->n = n;
}

/* Count the combination t->at: a row found or made. */
static int count_one(struct kb_tally *t)
{
	const struct kb_strmap_slot *s;
	struct row *row;
	size_t i, len = 0;
	char *p, *key;
	bool added;

	for (i = 0; i < t->npaths; i++)
		len += 4 + t->per[i].v[t->at[i]]->len;
	if (kb_grow((void **)&t->key, &t->capkey, len ? len : 1, 1) < 0)
		return -1;
	/* each value as its length (4 bytes) and its bytes: no value can
	 * be taken for two */
	for (i = 0, p = t->key; i < t->npaths; i++) {
		const struct kb_value *v = t->per[i].v[t->at[i]];
		memcpy(p, &v->len, 4);
		memcpy(p + 4, v->text, v->len);
		p += 4 + v->len;
	}
	s = kb_strmap_find(&t->map, t->key, len);
	if (s->key) {
		t->rows[(size_t)(uintptr_t)s->val - 1].count++;
		return 0;
	}
	if (kb_grow((void **)&t->rows, &t->caprows, t->nrows + 1,
		    sizeof(*t->rows)) < 0 ||
	    !(key = kb_arena_alloc(&t->arena, len ? len : 1)))
		return -1;
	memcpy(key, t->key, len);
	row = &t->rows[t->nrows];
	row->count = 1;
	row->npaths = t->npaths;
	if (!(row->vals = kb_arena_alloc(&t->arena, t->npaths *
					 sizeof(*row->vals))))
		return -1;
	for (i = 0, p = key; i < t->npaths; i++) {
		uint32_t vlen;
		memcpy(&vlen, p, 4);
		row->vals[i].text = p + 4;
		row->vals[i].len = vlen;
		row->vals[i].line = row->vals[i].col = 0;
		p += 4 + vlen;
	}
	if (!kb_strmap_put(&t->map, key, len, (void *)(uintptr_t)(t->nrows + 1),
			   &added))
		return -1;
	t->nrows++;
	return 0;
}

int kb_tally_add(struct kb_tally *t, const struct kb_record *rec,
		 struct kb_error *err)
{
	size_t i, combos = 1;
	int rc;

	if (t->sorted)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "a record added to a sorted tally");
	for (i = 0; i < t->npaths; i++) {
		t->per[i].n = 0;
		/* room for the empty value of a path that reaches nothing */
		if (kb_grow((void **)&t->per[i].v, &t->per[i].cap, 1,
			    sizeof(*t->per[i].v)) < 0)
			goto oom;
		rc = kb_path_walk(t->kb, rec, t->paths[i], reach, &t->per[i]);
		if (rc == -KB_ENOMEM)
			goto oom;
		if (rc < 0)
			return kb_err(err, KB_ELIMIT, rec->file, rec->line,
				      rec->col, "path '%s' from record '%s' "
				      "reaches too many records", t->paths[i],
				      rec->id);
		distinct(&t->per[i]);
		combos *= t->per[i].n;
		if (combos > KB_MAX_REFWALK)
			return kb_err(err, KB_ELIMIT, rec->file, rec->line,
				      rec->col, "the values of record '%s' make "
				      "more than %zu combinations to count",
				      rec->id, KB_MAX_REFWALK);
	}
	/* every combination once: an odometer over the paths' values */
	memset(t->at, 0, t->npaths * sizeof(*t->at));
	for (;;) {
		if (count_one(t) < 0)
			goto oom;
		for (i = t->npaths; i-- > 0;) {
			if (++t->at[i] < t->per[i].n)
				break;
			t->at[i] = 0;
		}
		if (i == (size_t)-1)
			break;
	}
	return 0;
oom:
	return kb_err(err, KB_ENOMEM, NULL, 0, 0, "out of memory");
}

static int row_cmp(const struct row *a, const struct row *b)
{
	size_t i;
	int c;

	for (i = 0; i < a->npaths; i++)
		if ((c = value_cmp(&a->vals[i], &b->vals[i])))
			return c;
	return 0;
}

static int most_first(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return row_cmp(a, b);
}

static int fewest_first(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	if (a->count != b->count)
		return a->count < b->count ? -1 : 1;
	return row_cmp(a, b);
}

size_t kb_tally_sort(struct kb_tally *t, bool fewest)
{
	/* the rows move: the map's row numbers are not used after this */
	kb_strmap_free(&t->map);
	t->sorted = true;
	if (t->nrows)
		qsort(t->rows, t->nrows, sizeof(*t->rows),
		      fewest ? fewest_first : most_first);
	return t->nrows;
}

size_t kb_tally_rows(const struct kb_tally *t)
{
	return t->nrows;
}

const struct kb_value *kb_tally_row(const struct kb_tally *t, size_t i,
				    size_t *count)
{
	if (i >= t->nrows)
		return NULL;
	if (count)
		*count = t->rows[i].count;
	return t->rows[i].vals;
}

void kb_tally_free(struct kb_tally *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; t->paths && i < t->npaths; i++)
		free(t->paths[i]);
	for (i = 0; t->per && i < t->npaths; i++)
		free(t->per[i].v);
	free(t->paths);
	free(t->per);
	free(t->at);
	free(t->key);
	free(t->rows);
	kb_strmap_free(&t->map);
	kb_arena_free(&t->arena);
	free(t);
}
