/*
 * diff.c - the records that differ between two KBs, paired by id.
 *
 * Records are compared as text: a field is the same when it holds the same
 * values in the same order, whatever its quoting, indentation, style
 * (`x` and `[x]`), key order or place in the files; so a record that moved
 * to another file, or whose keys were reordered, did not change.
 *
 * Both KBs are loaded whole, compact (rec.c): each record is decoded in
 * passing into a view reused from record to record, and what a change
 * needs beyond the views (the fields sorted by name, the values of a list
 * sorted by text) lives in arrays reused too.  So the work is the size of
 * the two KBs times a log factor per record, and the memory beyond the
 * two KBs is that of their largest record.
 */
#include "kb-int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- comparing values ------------------------------------------------------ */

static int value_cmp(const struct kb_value *a, const struct kb_value *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->text, b->text, n);

	return c ? c : a->len < b->len ? -1 : a->len > b->len;
}

static int value_ptr_cmp(const void *a, const void *b)
{
	return value_cmp(*(const struct kb_value *const *)a,
			 *(const struct kb_value *const *)b);
}

static int field_ptr_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct kb_field *const *)a)->name,
		      (*(const struct kb_field *const *)b)->name);
}

static bool same_sequence(const struct kb_field *a, const struct kb_field *b)
{
	uint32_t i;

	if (a->count != b->count)
		return false;
	for (i = 0; i < a->count; i++)
		if (a->values[i].len != b->values[i].len ||
		    memcmp(a->values[i].text, b->values[i].text, a->values[i].len))
			return false;
	return true;
}

/* ---- the walk ---------------------------------------------------------------- */

struct side {
	struct kb_view view;
	const struct kb_field **byname;	/* the fields sorted by name */
	size_t capbyname;
	const struct kb_value **sorted;	/* one field's values sorted */
	size_t capsorted;
};

struct walk {
	const struct kb *old, *new;
	struct side o, n;
	struct kb_field_diff *fd;
	size_t nfd, capfd;
	/* the removed and added values of every field of one record, which
	 * the field diffs point into */
	const struct kb_value **vals;
	size_t nvals, capvals;
	/* for putting the field diffs back in file order */
	size_t *slot, capslot;
	struct kb_field_diff *tmp;
	size_t captmp;
	struct kb_error *err;
};

static int sort_fields(struct side *s)
{
	const struct kb_record *r = &s->view.rec;
	uint32_t i;

	if (kb_grow((void **)&s->byname, &s->capbyname, r->nfields + 1,
		    sizeof(*s->byname)) < 0)
		return -1;
	for (i = 0; i < r->nfields; i++)
		s->byname[i] = &r->fields[i];
	qsort(s->byname, r->nfields, sizeof(*s->byname), field_ptr_cmp);
	return 0;
}

static int add_fd(struct walk *w, const char *name, enum kb_change change,
		  const struct kb_field *of, const struct kb_field *nf)
{
	struct kb_field_diff *d;

	if (kb_grow((void **)&w->fd, &w->capfd, w->nfd + 1, sizeof(*w->fd)) < 0)
		return -1;
	d = &w->fd[w->nfd++];
	memset(d, 0, sizeof(*d));
	d->name = name;
	d->change = change;
	d->old = of;
	d->new = nf;
	return 0;
}

/*
 * The multiset differences of two fields' values: of's values that nf
 * lacks and nf's that of lacks, counted with repeats, each in its field's
 * order.  Stored in w->vals as offsets (the array may still move); the
 * caller points the field diff at them once the record is done.
 */
static int multiset_diff(struct walk *w, const struct kb_field *of,
			 const struct kb_field *nf, size_t *nrem, size_t *nadd)
{
	const struct kb_value **a, **b;
	size_t i, j, k, na = of->count, nb = nf->count;
	unsigned char *gone;

	if (kb_grow((void **)&w->o.sorted, &w->o.capsorted, na + 1,
		    sizeof(*w->o.sorted)) < 0 ||
	    kb_grow((void **)&w->n.sorted, &w->n.capsorted, nb + 1,
		    sizeof(*w->n.sorted)) < 0 ||
	    kb_grow((void **)&w->vals, &w->capvals, w->nvals + na + nb + 1,
		    sizeof(*w->vals)) < 0)
		return -1;
	a = w->o.sorted;
	b = w->n.sorted;
	for (i = 0; i < na; i++)
		a[i] = &of->values[i];
	for (i = 0; i < nb; i++)
		b[i] = &nf->values[i];
	qsort(a, na, sizeof(*a), value_ptr_cmp);
	qsort(b, nb, sizeof(*b), value_ptr_cmp);
	/* Mark, in each sorted array, the values the other side matches;
	 * then the unmarked ones, taken in field order, are the difference.
	 * A value's place in its field is its index: values are contiguous. */
	if (!(gone = calloc(na + nb + 1, 1)))
		return -1;
	for (i = 0, j = 0; i < na && j < nb;) {
		int c = value_cmp(a[i], b[j]);
		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			gone[a[i] - of->values] = 1;
			gone[na + (size_t)(b[j] - nf->values)] = 1;
			i++;
			j++;
		}
	}
	k = w->nvals;
	for (i = 0; i < na; i++)
		if (!gone[i])
			w->vals[k++] = &of->values[i];
	*nrem = k - w->nvals;
	for (i = 0; i < nb; i++)
		if (!gone[na + i])
			w->vals[k++] = &nf->values[i];
	*nadd = k - w->nvals - *nrem;
	w->nvals = k;
	free(gone);
	return 0;
}

/* One field present in both records. */
static int compare_field(struct walk *w, const struct kb_field *of,
			 const struct kb_field *nf)
{
	size_t nrem, nadd, start = w->nvals;

	if (same_sequence(of, nf))
		return 0;	/* `x` and `[x]` alike */
	if (multiset_diff(w, of, nf, &nrem, &nadd) < 0 ||
	    add_fd(w, nf->name, nrem || nadd ? KB_CHANGE_CHANGED :
			KB_CHANGE_ORDER, of, nf) < 0)
		return -1;
	/* offsets for now: fix_pointers() makes them pointers */
	w->fd[w->nfd - 1].nremoved = nrem;
	w->fd[w->nfd - 1].nadded = nadd;
	w->fd[w->nfd - 1].removed = (const struct kb_value *const *)(uintptr_t)start;
	return 0;
}

static void fix_pointers(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nfd; i++) {
		struct kb_field_diff *d = &w->fd[i];
		size_t start = (size_t)(uintptr_t)d->removed;

		if (d->change != KB_CHANGE_CHANGED &&
		    d->change != KB_CHANGE_ORDER) {
			d->removed = d->added = NULL;
			continue;
		}
		d->removed = w->vals + start;
		d->added = w->vals + start + d->nremoved;
	}
}

/* The field diffs of a record in both KBs: NEW's fields in its order
 * (changed or added), then OLD's removed fields in its order. */
static int compare_record(struct walk *w)
{
	const struct kb_record *o = &w->o.view.rec, *n = &w->n.view.rec;
	size_t i, j;
	size_t k;

	w->nfd = w->nvals = 0;
	if (sort_fields(&w->o) < 0 || sort_fields(&w->n) < 0)
		return -1;
	/* a merge of the two sorted lists finds each name's pair */
	for (i = 0, j = 0; i < o->nfields || j < n->nfields;) {
		int c = i == o->nfields ? 1 : j == n->nfields ? -1 :
			strcmp(w->o.byname[i]->name, w->n.byname[j]->name);
		if (c == 0) {
			if (w->o.byname[i]->name != w->old->id_name &&
			    compare_field(w, w->o.byname[i], w->n.byname[j]) < 0)
				return -1;
			i++;
			j++;
		} else if (c < 0) {
			if (add_fd(w, w->o.byname[i]->name, KB_CHANGE_REMOVED,
				   w->o.byname[i], NULL) < 0)
				return -1;
			i++;
		} else {
			if (add_fd(w, w->n.byname[j]->name, KB_CHANGE_ADDED,
				   NULL, w->n.byname[j]) < 0)
				return -1;
			j++;
		}
	}
	if (!w->nfd)
		return 0;
	/* back to file order: NEW's fields, then the removed ones in OLD's;
	 * slot[k] is the diff of NEW's field k, slot[n + k] of OLD's k */
	if (kb_grow((void **)&w->slot, &w->capslot, n->nfields + o->nfields + 1,
		    sizeof(*w->slot)) < 0 ||
	    kb_grow((void **)&w->tmp, &w->captmp, w->nfd, sizeof(*w->tmp)) < 0)
		return -1;
	for (k = 0; k < n->nfields + o->nfields; k++)
		w->slot[k] = SIZE_MAX;
	for (i = 0; i < w->nfd; i++) {
		if (w->fd[i].new)
			w->slot[w->fd[i].new - n->fields] = i;
		else
			w->slot[n->nfields + (size_t)(w->fd[i].old - o->fields)] = i;
	}
	for (k = 0, j = 0; k < n->nfields + o->nfields; k++)
		if (w->slot[k] != SIZE_MAX)
			w->tmp[j++] = w->fd[w->slot[k]];
	memcpy(w->fd, w->tmp, j * sizeof(*w->fd));
	fix_pointers(w);
	return 0;
}

/* Every field of a record but its id, as added or removed. */
static int whole_record(struct walk *w, const struct kb_record *r,
			enum kb_change change, const char *id_name)
{
	uint32_t k;

	w->nfd = w->nvals = 0;
	for (k = 0; k < r->nfields; k++) {
		const struct kb_field *f = &r->fields[k];
		if (f->name == id_name)
			continue;
		if (add_fd(w, f->name, change,
			   change == KB_CHANGE_REMOVED ? f : NULL,
			   change == KB_CHANGE_ADDED ? f : NULL) < 0)
			return -1;
	}
	fix_pointers(w);
	return 0;
}

static void walk_free(struct walk *w)
{
	kb_view_free(&w->o.view);
	kb_view_free(&w->n.view);
	free(w->o.byname);
	free(w->n.byname);
	free(w->o.sorted);
	free(w->n.sorted);
	free(w->fd);
	free(w->vals);
	free(w->slot);
	free(w->tmp);
}

static int oom(struct walk *w, const char *file)
{
	return kb_err(w->err, KB_ENOMEM, file, 0, 0, "out of memory");
}

int kb_diff(const struct kb *old, const struct kb *new,
	    int (*fn)(const struct kb_record_diff *d, void *ud), void *ud,
	    struct kb_error *err)
{
	struct kb_record_diff d;
	struct walk w;
	size_t i;
	int rc = 0;

	if (old->stream || new->stream)
		return kb_err(err, KB_EUSAGE, NULL, 0, 0,
			      "kb_diff needs KBs loaded whole, not streamed");
	memset(&w, 0, sizeof(w));
	w.old = old;
	w.new = new;
	w.err = err;
	/* NEW's records in load order: added or changed */
	for (i = 0; i < new->nrecs && !rc; i++) {
		struct kb_crec *nc = new->recs[i], *oc = kb_find(old, nc->id);

		if (kb_view_decode(new, nc, &w.n.view) < 0) {
			rc = oom(&w, nc->file);
			break;
		}
		memset(&d, 0, sizeof(d));
		d.new = &w.n.view.rec;
		if (!oc) {
			d.change = KB_CHANGE_ADDED;
			if (whole_record(&w, d.new, d.change, new->id_name) < 0) {
				rc = oom(&w, nc->file);
				break;
			}
		} else {
			if (kb_view_decode(old, oc, &w.o.view) < 0 ||
			    compare_record(&w) < 0) {
				rc = oom(&w, nc->file);
				break;
			}
			if (!w.nfd)
				continue;
			d.change = KB_CHANGE_CHANGED;
			d.old = &w.o.view.rec;
		}
		d.fields = w.fd;
		d.nfields = w.nfd;
		rc = fn(&d, ud);
	}
	/* then OLD's records that NEW lacks, in OLD's load order */
	for (i = 0; i < old->nrecs && !rc; i++) {
		struct kb_crec *oc = old->recs[i];

		if (kb_find(new, oc->id))
			continue;
		if (kb_view_decode(old, oc, &w.o.view) < 0 ||
		    whole_record(&w, &w.o.view.rec, KB_CHANGE_REMOVED,
				 old->id_name) < 0) {
			rc = oom(&w, oc->file);
			break;
		}
		memset(&d, 0, sizeof(d));
		d.change = KB_CHANGE_REMOVED;
		d.old = &w.o.view.rec;
		d.fields = w.fd;
		d.nfields = w.nfd;
		rc = fn(&d, ud);
	}
	walk_free(&w);
	return rc;
}

/* ---- schemas -------------------------------------------------------------- */

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_strs(const char *const *a, size_t na, const char *const *b,
		      size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (strcmp(a[i], b[i]))
			return false;
	return true;
}

static bool same_spec(const struct kb_fieldspec *a, const struct kb_fieldspec *b)
{
	return !strcmp(a->name, b->name) && a->type == b->type &&
	       a->list == b->list && a->required == b->required &&
	       a->common == b->common &&
	       same_strs(a->values, a->nvalues, b->values, b->nvalues) &&
	       same_strs(a->to, a->nto, b->to, b->nto) &&
	       same_str(a->pattern, b->pattern) &&
	       same_str(a->description, b->description);
}

bool kb_schema_equal(const struct kb *a, const struct kb *b)
{
	size_t i, j, n = kb_kind_count(a);

	if (kb_has_schema(a) != kb_has_schema(b) || n != kb_kind_count(b))
		return false;
	if (a->schema) {
		if (a->schema->ncommon != b->schema->ncommon)
			return false;
		for (i = 0; i < a->schema->ncommon; i++)
			if (!same_spec(&a->schema->common[i], &b->schema->common[i]))
				return false;
	}
	for (i = 0; i < n; i++) {
		const struct kb_kind *x = kb_kind_at(a, i), *y = kb_kind_at(b, i);

		if (strcmp(x->name, y->name) || !same_str(x->plural, y->plural) ||
		    !same_str(x->description, y->description) ||
		    x->nfields != y->nfields)
			return false;
		for (j = 0; j < x->nfields; j++)
			if (!same_spec(&x->fields[j], &y->fields[j]))
				return false;
	}
	return true;
}
