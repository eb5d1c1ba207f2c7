/*
 * test-rec.c - compact records (rec.c).  A KB loaded whole keeps each
 * record encoded; a streamed KB hands out the structs the loader built and
 * never encodes.  So for every input, the records streamed must dump the
 * same as the records of the same KB loaded whole, decoded for good
 * (kb_at) and decoded in passing (kb_stream over the loaded KB), field by
 * field and value by value with positions (tests/unit/kbdump.c).  The
 * inputs reach the encoding's corners: positions before the record's own
 * (merges of anchors written earlier), wide columns, long values and
 * values holding control characters, many names, long lists.
 */
#include "unit.h"
#include "kb-int.h"
#include "kbdump.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int dump_one(const struct kb_record *rec, void *ud)
{
	kbdump_record(ud, rec);
	return 0;
}

/* The three dumps of one KB file: streamed, kb_at, kb_stream when loaded. */
static void same_three(const char *label, const char *text, size_t len,
		       size_t want_records)
{
	struct kb_memfile f = { "kb/t.yaml", text, len };
	struct kb_open_opts so = { .stream = true, .threads = 1 };
	struct kb_open_opts wo = { .threads = 1 };
	struct kbdump streamed, at, passing;
	struct kb_error err;
	struct kb *kb;
	size_t i;

	kbdump_init(&streamed);
	kbdump_init(&at);
	kbdump_init(&passing);
	assert_int_equal(kb_open_mem(&kb, &f, 1, &so, &err), 0);
	if (kb_stream(kb, dump_one, &streamed, &err))
		fail_msg("%s: %s:%u:%u: %s", label, err.file, err.line, err.col,
			 err.message);
	kb_free(kb);
	if (kb_open_mem(&kb, &f, 1, &wo, &err))
		fail_msg("%s: %s:%u:%u: %s", label, err.file, err.line, err.col,
			 err.message);
	assert_int_equal(kb_count(kb), want_records);
	/* in passing first: nothing decoded for good yet */
	assert_int_equal(kb_stream(kb, dump_one, &passing, &err), 0);
	for (i = 0; i < kb_count(kb); i++)
		kbdump_record(&at, kb_at(kb, i));
	kb_free(kb);
	if (strcmp(streamed.s, at.s) || strcmp(streamed.s, passing.s)) {
		char diff[4000];

		kbdump_diff(streamed.s, strcmp(streamed.s, at.s) ? at.s : passing.s,
			    diff, sizeof(diff));
		fail_msg("%s: loaded whole differs from streamed\n%s", label, diff);
	}
	kbdump_free(&streamed);
	kbdump_free(&at);
	kbdump_free(&passing);
}

#define SAME(label, text, n) same_three(label, text, strlen(text), n)

static void merges_before_the_record(void **state)
{
	(void)state;
	/* merged fields and aliased values were written lines before the
	 * record: negative deltas */
	SAME("merges",
	     "- &base {id: base, kind: k, a: 1, list: [x, y]}\n"
	     "- &v2 id: two\n"
	     "  kind: k\n"
	     "  b: &val two-b\n"
	     "\n\n\n\n"
	     "- id: three\n"
	     "  <<: *base\n"
	     "  c: *val\n"
	     "  d: [*val, own]\n"
	     "- {<<: [*base, {e: inline}], id: four}\n", 4);
}

static void wide_and_long(void **state)
{
	struct kbdump b = { NULL, 0, 0 };
	size_t i;

	(void)state;
	/* a key at column 300 and beyond: two-byte columns */
	kbdump_printf(&b, "- {id: wide, kind: k");
	for (i = 0; i < 40; i++)
		kbdump_printf(&b, ", key%02zu: value-%02zu", i, i);
	kbdump_printf(&b, "}\n");
	/* a 100 KB value: a three-byte length */
	kbdump_printf(&b, "- id: long\n  kind: k\n  text: ");
	for (i = 0; i < 100000; i++)
		kbdump_printf(&b, "%c", (char)('a' + i % 26));
	kbdump_printf(&b, "\n");
	/* bytes the text must keep: control characters, escapes, UTF-8 (a
	 * NUL is an error, SPEC 5: tests/hostile) */
	kbdump_printf(&b, "- id: ctl\n  kind: k\n  v: \"a\\x01b\\x1bc\\x7f\"\n  w: \"\\u00e9t\\u00e9\"\n"
		"  x: ''\n  y: \"\"\n");
	SAME("wide and long", b.s, 3);
	free(b.s);
}

static void many_names_long_lists(void **state)
{
	struct kbdump b = { NULL, 0, 0 };
	size_t i;

	(void)state;
	/* 300 names: numbers past one byte */
	kbdump_printf(&b, "- id: names\n  kind: k\n");
	for (i = 0; i < 300; i++)
		kbdump_printf(&b, "  field%03zu: %zu\n", i, i);
	/* a list of 5000 values, written across lines */
	kbdump_printf(&b, "- id: list\n  kind: k\n  items:\n");
	for (i = 0; i < 5000; i++)
		kbdump_printf(&b, "    - item %zu\n", i);
	/* a block scalar: positions of a value over many lines */
	kbdump_printf(&b, "- id: block\n  kind: k\n  text: |\n");
	for (i = 0; i < 200; i++)
		kbdump_printf(&b, "    line %zu\n", i);
	kbdump_printf(&b, "  after: yes\n");
	SAME("many names, long lists", b.s, 3);
	free(b.s);
}

static void documents_and_files(void **state)
{
	(void)state;
	SAME("documents",
	     "id: a\nkind: k\nlist:\n- 1\n- 2\n---\nid: b\nkind: k\n...\n"
	     "---\n- {id: c, kind: k, empty: [], nothing: ~}\n", 3);
}

/* Names are stored just after their struct: the number of an interned
 * name is found from its text, and kb->namev gives the text back. */
static void name_numbers(void **state)
{
	struct kb_error err;
	struct kb *kb = kbm_ok("t.yaml", "- {id: a, kind: k, x: 1, y: 2}\n",
			       (char *)NULL);
	const char *names[] = { "id", "kind", "x", "y" };
	size_t i;

	(void)state;
	(void)err;
	for (i = 0; i < 4; i++) {
		const char *n = kb_name(kb, names[i]);

		assert_non_null(n);
		assert_ptr_equal(kb->namev[kb_name_idx(n)], n);
	}
	kb_free(kb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(merges_before_the_record),
		cmocka_unit_test(wide_and_long),
		cmocka_unit_test(many_names_long_lists),
		cmocka_unit_test(documents_and_files),
		cmocka_unit_test(name_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
