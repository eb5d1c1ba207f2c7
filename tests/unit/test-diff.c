/* test-diff.c - the record diff (diff.c): records paired by id, added,
 * removed and changed; fields added, removed, changed and reordered; lists
 * as multisets; what is no change (moves, key order, quoting, layout,
 * comments, `x` against `[x]`); the order of the callbacks; schemas
 * compared as read. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the diff as one string ---------------------------------------------------- */

struct out {
	char buf[1 << 16];
	size_t n;
	int stop_after;		/* return 7 from the callback after this many */
	int calls;
};

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	o->n += (size_t)vsnprintf(o->buf + o->n, sizeof(o->buf) - o->n, fmt, ap);
	va_end(ap);
	assert_true(o->n < sizeof(o->buf));
}

static void put_values(struct out *o, const struct kb_value *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		put(o, "%s%s", i ? "," : "", v[i]->text);
}

/*
 * One record a line: "~ id (kind) file:line: field..." where a field is
 * "+name", "-name", "~name[-removed +added]" or "^name" (order).
 */
static int record(const struct kb_record_diff *d, void *ud)
{
	struct out *o = ud;
	const struct kb_record *r = d->new ? d->new : d->old;
	size_t i;

	o->calls++;
	if (o->stop_after && o->calls > o->stop_after)
		return 7;
	assert_true((d->change == KB_CHANGE_ADDED) == (d->old == NULL));
	assert_true((d->change == KB_CHANGE_REMOVED) == (d->new == NULL));
	put(o, "%s %s (%s) %s:%u:", d->change == KB_CHANGE_ADDED ? "+" :
	    d->change == KB_CHANGE_REMOVED ? "-" : "~", r->id, r->kind, r->file,
	    r->line);
	for (i = 0; i < d->nfields; i++) {
		const struct kb_field_diff *f = &d->fields[i];
		switch (f->change) {
		case KB_CHANGE_ADDED:
			assert_null(f->old);
			assert_non_null(f->new);
			put(o, " +%s", f->name);
			break;
		case KB_CHANGE_REMOVED:
			assert_null(f->new);
			assert_non_null(f->old);
			put(o, " -%s", f->name);
			break;
		case KB_CHANGE_CHANGED:
			put(o, " ~%s[-", f->name);
			put_values(o, f->removed, f->nremoved);
			put(o, " +");
			put_values(o, f->added, f->nadded);
			put(o, "]");
			break;
		case KB_CHANGE_ORDER:
			assert_int_equal(f->nremoved, 0);
			assert_int_equal(f->nadded, 0);
			put(o, " ^%s", f->name);
			break;
		}
	}
	put(o, "\n");
	return 0;
}

static const char *diff(struct kb *a, struct kb *b)
{
	static struct out o;
	struct kb_error err;
	int rc;

	memset(&o, 0, sizeof(o));
	rc = kb_diff(a, b, record, &o, &err);
	if (rc)
		fail_msg("kb_diff: %d: %s", rc, err.message);
	return o.buf;
}

/* ---- no change ------------------------------------------------------------------ */

static void layout_is_no_change(void **state)
{
	struct kb *a = kbm_ok(
		"kb/a.yaml",
		"- id: us\n"
		"  kind: actor\n"
		"  name: United States\n"
		"  tags: [x, y]\n"
		"  roles: one\n"
		"- id: cn\n"
		"  kind: actor\n"
		"  name: China\n",
		"kb/b.yaml",
		"id: ctl\nkind: control\nitems: [a, b]\nsince: 2025-04\n",
		NULL);
	/* cn moved to another file, us reordered, requoted, re-indented,
	 * commented, flow/block swapped, a scalar written as a one-element
	 * list; the files renamed and split */
	struct kb *b = kbm_ok(
		"kb/0.yaml",
		"# a comment\n"
		"- {id: cn, kind: actor, name: \"China\"}\n",
		"kb/z/c.yaml",
		"---\n"
		"- tags:\n"
		"      - x\n"
		"      - 'y'\n"
		"  name: 'United States'   # same\n"
		"  roles: [one]\n"
		"  kind: actor\n"
		"  id: \"us\"\n"
		"---\n"
		"{since: '2025-04', items: [\"a\", b], id: ctl, kind: control}\n",
		NULL);

	(void)state;
	assert_string_equal(diff(a, b), "");
	assert_string_equal(diff(b, a), "");
	assert_string_equal(diff(a, a), "");
	kb_free(a);
	kb_free(b);
}

/* ---- records ---------------------------------------------------------------------- */

static void added_removed_changed(void **state)
{
	struct kb *a = kbm_ok("a.yaml",
		"- {id: r1, kind: k, x: '1'}\n"
		"- {id: gone1, kind: k}\n"
		"- {id: r2, kind: k, x: '2'}\n"
		"- {id: gone2, kind: k}\n",
		NULL);
	struct kb *b = kbm_ok("b.yaml",
		"- {id: new1, kind: k}\n"
		"- {id: r2, kind: k, x: '2b'}\n"
		"- {id: r1, kind: k, x: '1'}\n"
		"- {id: new2, kind: j, y: v}\n",
		NULL);

	(void)state;
	/* NEW's records in its order, then the removed ones in OLD's; an
	 * added record lists every field but its id */
	assert_string_equal(diff(a, b),
		"+ new1 (k) b.yaml:1: +kind\n"
		"~ r2 (k) b.yaml:2: ~x[-2 +2b]\n"
		"+ new2 (j) b.yaml:4: +kind +y\n"
		"- gone1 (k) a.yaml:2: -kind\n"
		"- gone2 (k) a.yaml:4: -kind\n");
	assert_string_equal(diff(b, a),
		"+ gone1 (k) a.yaml:2: +kind\n"
		"~ r2 (k) a.yaml:3: ~x[-2b +2]\n"
		"+ gone2 (k) a.yaml:4: +kind\n"
		"- new1 (k) b.yaml:1: -kind\n"
		"- new2 (j) b.yaml:4: -kind -y\n");
	kb_free(a);
	kb_free(b);
}

static void fields_in_file_order(void **state)
{
	struct kb *a = kbm_ok("a.yaml",
		"id: r\nkind: k\nold1: a\nsame: s\nchg: c1\nold2: b\n", NULL);
	struct kb *b = kbm_ok("b.yaml",
		"new2: y\nchg: c2\nid: r\nsame: s\nkind: k2\nnew1: x\n", NULL);

	(void)state;
	/* NEW's fields in its order (changed, added; kind among them when
	 * it changed), then the removed ones in OLD's order */
	assert_string_equal(diff(a, b),
		"~ r (k2) b.yaml:1: +new2 ~chg[-c1 +c2] ~kind[-k +k2] +new1 "
		"-old1 -old2\n");
	kb_free(a);
	kb_free(b);
}

/* ---- values ------------------------------------------------------------------------- */

static void lists_as_multisets(void **state)
{
	struct kb *a = kbm_ok("a.yaml",
		"- {id: order, kind: k, l: [a, b, c]}\n"
		"- {id: dup, kind: k, l: [a, a, b]}\n"
		"- {id: grow, kind: k, l: [a]}\n"
		"- {id: shrink, kind: k, l: [a, b, c, d]}\n"
		"- {id: swap, kind: k, l: [x, y, z]}\n"
		"- {id: tolist, kind: k, l: a}\n"
		"- {id: same, kind: k, l: [p, q]}\n"
		"- {id: text, kind: k, l: ['a', 'A', 'a ']}\n",
		NULL);
	struct kb *b = kbm_ok("b.yaml",
		"- {id: order, kind: k, l: [c, a, b]}\n"
		"- {id: dup, kind: k, l: [b, a]}\n"
		"- {id: grow, kind: k, l: [b, a, c]}\n"
		"- {id: shrink, kind: k, l: [d, b]}\n"
		"- {id: swap, kind: k, l: [z, w, x]}\n"
		"- {id: tolist, kind: k, l: [a, b]}\n"
		"- {id: same, kind: k, l: [p, q]}\n"
		"- {id: text, kind: k, l: ['A', 'a', ' a']}\n",
		NULL);

	(void)state;
	/* the same elements in another order: ORDER; otherwise the elements
	 * each side lacks, counted with repeats, in field order; byte-wise */
	assert_string_equal(diff(a, b),
		"~ order (k) b.yaml:1: ^l\n"
		"~ dup (k) b.yaml:2: ~l[-a +]\n"
		"~ grow (k) b.yaml:3: ~l[- +b,c]\n"
		"~ shrink (k) b.yaml:4: ~l[-a,c +]\n"
		"~ swap (k) b.yaml:5: ~l[-y +w]\n"
		"~ tolist (k) b.yaml:6: ~l[- +b]\n"
		"~ text (k) b.yaml:8: ~l[-a  + a]\n");
	kb_free(a);
	kb_free(b);
}

static void absent_values(void **state)
{
	/* ~, null, an empty value and [] are absent: no field */
	struct kb *a = kbm_ok("a.yaml",
		"- {id: r1, kind: k, x: ~, l: []}\n"
		"- {id: r2, kind: k, x: 'null', e: ''}\n", NULL);
	struct kb *b = kbm_ok("b.yaml",
		"- {id: r1, kind: k}\n"
		"- {id: r2, kind: k, x: null, e: ~}\n", NULL);

	(void)state;
	assert_string_equal(diff(a, b), "~ r2 (k) b.yaml:2: -x -e\n");
	kb_free(a);
	kb_free(b);
}

/* ---- the walk ------------------------------------------------------------------------- */

static void callback_stops(void **state)
{
	struct kb *a = kbm_ok("a.yaml", "- {id: a, kind: k}\n", NULL);
	struct kb *b = kbm_ok("b.yaml",
		"- {id: b, kind: k}\n- {id: c, kind: k}\n- {id: d, kind: k}\n",
		NULL);
	struct out o;
	struct kb_error err;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.stop_after = 2;
	assert_int_equal(kb_diff(a, b, record, &o, &err), 7);
	assert_int_equal(o.calls, 3);
	assert_string_equal(o.buf, "+ b (k) b.yaml:1: +kind\n"
				   "+ c (k) b.yaml:2: +kind\n");
	kb_free(a);
	kb_free(b);
}

static void empty_kbs(void **state)
{
	struct kb *e = kbm_ok(NULL);
	struct kb *b = kbm_ok("b.yaml", "- {id: b, kind: k, n: x}\n", NULL);

	(void)state;
	assert_string_equal(diff(e, e), "");
	assert_string_equal(diff(e, b), "+ b (k) b.yaml:1: +kind +n\n");
	assert_string_equal(diff(b, e), "- b (k) b.yaml:1: -kind -n\n");
	kb_free(e);
	kb_free(b);
}

static void streamed_is_refused(void **state)
{
	struct kb_memfile f = { "a.yaml", "- {id: a, kind: k}\n", 19 };
	struct kb_open_opts o = { .stream = true };
	struct kb *s = NULL, *w = kbm_ok("b.yaml", "- {id: a, kind: k}\n", NULL);
	struct kb_error err;
	struct out out;

	(void)state;
	assert_int_equal(kb_open_mem(&s, &f, 1, &o, &err), 0);
	memset(&out, 0, sizeof(out));
	assert_int_equal(kb_diff(s, w, record, &out, &err), KB_EUSAGE);
	kb_error_free(&err);
	assert_int_equal(kb_diff(w, s, record, &out, &err), KB_EUSAGE);
	kb_error_free(&err);
	assert_int_equal(out.calls, 0);
	kb_free(s);
	kb_free(w);
}

/*
 * Work in proportion to the records, not their square: a record with
 * 50,000 fields that all changed, and a list of 50,000 elements reversed
 * or rotated (the test's TIMEOUT catches a quadratic walk, which would
 * take minutes here).
 */
static char *wide(size_t n, const char *tag, bool reverse)
{
	size_t cap = n * 64 + 256, used = 0, i;
	char *y = malloc(cap);

	assert_non_null(y);
	used += (size_t)snprintf(y + used, cap - used, "- id: w\n  kind: k\n");
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(y + used, cap - used, "  f%zu: %s%zu\n", i,
					 tag, i);
	used += (size_t)snprintf(y + used, cap - used, "- id: l\n  kind: k\n  l:\n");
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(y + used, cap - used, "    - e%zu\n",
					 reverse ? n - 1 - i : i);
	return y;
}

struct tally {
	size_t records, changed, order;
};

static int count(const struct kb_record_diff *d, void *ud)
{
	struct tally *t = ud;
	size_t i;

	t->records++;
	for (i = 0; i < d->nfields; i++) {
		if (d->fields[i].change == KB_CHANGE_CHANGED &&
		    d->fields[i].nremoved == 1 && d->fields[i].nadded == 1 &&
		    d->fields[i].removed[0]->text[0] == 'a' &&
		    d->fields[i].added[0]->text[0] == 'b')
			t->changed++;
		if (d->fields[i].change == KB_CHANGE_ORDER)
			t->order++;
	}
	return 0;
}

static void bounded_work(void **state)
{
	size_t n = 50000;
	char *ya = wide(n, "a", false), *yb = wide(n, "b", true);
	struct kb *a = kbm_ok("a.yaml", ya, NULL);
	struct kb *b = kbm_ok("b.yaml", yb, NULL);
	struct tally t = { 0, 0, 0 };
	struct kb_error err;

	(void)state;
	assert_int_equal(kb_diff(a, b, count, &t, &err), 0);
	assert_int_equal(t.records, 2);
	assert_int_equal(t.changed, n);
	assert_int_equal(t.order, 1);
	kb_free(a);
	kb_free(b);
	free(ya);
	free(yb);
}

/* ---- schemas ------------------------------------------------------------------------------ */

static void schemas(void **state)
{
	const char *s1 =
		"common:\n  name: {type: string, required: true}\n"
		"kinds:\n  actor:\n    plural: actors\n    fields:\n"
		"      type: {type: enum, values: [a, b]}\n";
	const char *s2 =	/* the same, written otherwise */
		"# the schema\nkinds:\n  actor: {plural: 'actors', fields: "
		"{type: {values: [a, \"b\"], type: enum}}}\n"
		"common: {name: {required: true, type: string}}\n";
	const char *s3 =	/* one more enum value */
		"common:\n  name: {type: string, required: true}\n"
		"kinds:\n  actor:\n    plural: actors\n    fields:\n"
		"      type: {type: enum, values: [a, b, c]}\n";
	struct kb *k1 = kbm_ok("schema.yaml", s1, NULL);
	struct kb *k2 = kbm_ok("schema.yaml", s2, NULL);
	struct kb *k3 = kbm_ok("schema.yaml", s3, NULL);
	struct kb *none = kbm_ok("a.yaml", "- {id: a, kind: k}\n", NULL);
	struct kb *none2 = kbm_ok(NULL);

	(void)state;
	assert_true(kb_schema_equal(k1, k1));
	assert_true(kb_schema_equal(k1, k2));
	assert_true(kb_schema_equal(k2, k1));
	assert_false(kb_schema_equal(k1, k3));
	assert_false(kb_schema_equal(k3, k2));
	assert_false(kb_schema_equal(k1, none));
	assert_false(kb_schema_equal(none, k1));
	assert_true(kb_schema_equal(none, none2));
	/* every part of a field's spec and of a kind counts, one at a time */
	{
		static const char *const variants[] = {
			"common:\n  name: {type: text, required: true}\n"
			"kinds:\n  actor:\n    plural: actors\n    fields:\n"
			"      type: {type: enum, values: [a, b]}\n",
			"common:\n  name: {type: string}\n"
			"kinds:\n  actor:\n    plural: actors\n    fields:\n"
			"      type: {type: enum, values: [a, b]}\n",
			"common:\n  name: {type: string, required: true, list: true}\n"
			"kinds:\n  actor:\n    plural: actors\n    fields:\n"
			"      type: {type: enum, values: [a, b]}\n",
			"common:\n  name: {type: string, required: true, pattern: '^A'}\n"
			"kinds:\n  actor:\n    plural: actors\n    fields:\n"
			"      type: {type: enum, values: [a, b]}\n",
			"common:\n  name: {type: string, required: true, description: N}\n"
			"kinds:\n  actor:\n    plural: actors\n    fields:\n"
			"      type: {type: enum, values: [a, b]}\n",
			"common:\n  name: {type: string, required: true}\n"
			"kinds:\n  actor:\n    plural: players\n    fields:\n"
			"      type: {type: enum, values: [a, b]}\n",
			"common:\n  name: {type: string, required: true}\n"
			"kinds:\n  actor:\n    plural: actors\n    fields:\n"
			"      type: {type: enum, values: [a, b]}\n"
			"      boss: {type: ref, to: [actor]}\n",
			"common:\n  name: {type: string, required: true}\n"
			"kinds:\n  actor:\n    plural: actors\n    fields:\n"
			"      type: {type: string}\n",
		};
		size_t i;

		for (i = 0; i < sizeof(variants) / sizeof(*variants); i++) {
			struct kb *v = kbm_ok("schema.yaml", variants[i], NULL);

			if (kb_schema_equal(k1, v) || kb_schema_equal(v, k1))
				fail_msg("schema variant %zu taken for the same", i);
			kb_free(v);
		}
	}
	kb_free(k1);
	kb_free(k2);
	kb_free(k3);
	kb_free(none);
	kb_free(none2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout_is_no_change),
		cmocka_unit_test(added_removed_changed),
		cmocka_unit_test(fields_in_file_order),
		cmocka_unit_test(lists_as_multisets),
		cmocka_unit_test(absent_values),
		cmocka_unit_test(callback_stops),
		cmocka_unit_test(empty_kbs),
		cmocka_unit_test(streamed_is_refused),
		cmocka_unit_test(bounded_work),
		cmocka_unit_test(schemas),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
