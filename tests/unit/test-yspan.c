/* test-yspan.c - ys_parse() (yspan.c): the byte spans, styles, '-' and ':'
 * places, anchors and aliases of a YAML text's records, checked byte by
 * byte, through a BOM, CRLF, multi-byte characters and every style. */
#include "unit.h"
#include "kb-int.h"

#include <string.h>

/* The text of span [a, b) of f's data. */
static const char *span(const struct ys_file *f, size_t a, size_t b)
{
	static char buf[4096];

	assert_true(a <= b && b <= f->len && b - a < sizeof(buf));
	memcpy(buf, f->data + a, b - a);
	buf[b - a] = '\0';
	return buf;
}

static const struct ys_pair *pair(const struct ys_file *f, size_t rec,
				  const char *key)
{
	const struct ys_rec *r = &f->recs[rec];
	uint32_t i;

	for (i = 0; i < r->npairs; i++)
		if (!strcmp(f->pairs[r->pair0 + i].key.text, key))
			return &f->pairs[r->pair0 + i];
	fail_msg("no key %s", key);
	return NULL;
}

static void block_records(void **state)
{
	static const char text[] =
		"# head\n"
		"- id: a   # c\n"
		"  name: 'Qu''ote'\n"
		"  tags:\n"
		"  - x\n"
		"  -   \"y\"\n"
		"  notes: |\n"
		"    one\n"
		"    two\n"
		"\n"
		"  empty:\n"
		"- {id: b, l: [1, 2 ], n: ~}\n";
	struct ys_file f;
	struct kb_error e;
	const struct ys_pair *p;

	(void)state;
	assert_int_equal(ys_parse(&f, "t.yaml", text, strlen(text), 0, &e), 0);
	assert_int_equal(f.ndocs, 1);
	assert_true(f.docs[0].root_seq);
	assert_int_equal(f.nrecs, 2);
	/* the first record: block, its '-' at the start of line 2 */
	assert_int_equal(f.recs[0].node.style, YS_BLOCK);
	assert_int_equal(f.recs[0].place, YS_IN_BLOCK_SEQ);
	assert_string_equal(span(&f, f.recs[0].dash, f.recs[0].node.start), "- ");
	assert_int_equal(f.recs[0].node.line, 1);
	assert_int_equal(f.recs[0].node.col, 2);
	p = pair(&f, 0, "id");
	assert_string_equal(span(&f, p->key.start, p->colon_end), "id:");
	assert_string_equal(span(&f, p->val.cstart, p->val.end), "a");
	p = pair(&f, 0, "name");
	assert_int_equal(p->val.style, YS_SINGLE);
	assert_string_equal(span(&f, p->val.cstart, p->val.end), "'Qu''ote'");
	assert_string_equal(p->val.text, "Qu'ote");
	/* a block list: each element with its '-' */
	p = pair(&f, 0, "tags");
	assert_int_equal(p->val.style, YS_BLOCK);
	assert_int_equal(p->nitems, 2);
	assert_string_equal(span(&f, f.items[p->item0].dash,
				 f.items[p->item0].v.end), "- x");
	assert_string_equal(span(&f, f.items[p->item0 + 1].dash,
				 f.items[p->item0 + 1].v.end), "-   \"y\"");
	assert_int_equal(p->end, f.items[p->item0 + 1].v.end);
	/* a block scalar ends with its last line of text, not the blank one */
	p = pair(&f, 0, "notes");
	assert_int_equal(p->val.style, YS_LITERAL);
	assert_string_equal(span(&f, p->val.cstart, p->val.end), "|\n    one\n    two");
	/* an empty value: a null scalar at the ':' */
	p = pair(&f, 0, "empty");
	assert_true(p->val.null);
	assert_int_equal(p->val.cstart, p->colon_end);
	assert_int_equal(p->val.end, p->colon_end);
	/* the record ends with its last value */
	assert_int_equal(f.recs[0].end, p->end);
	/* a flow record: its braces, its flow list up to the ']' */
	assert_int_equal(f.recs[1].node.style, YS_FLOW);
	assert_string_equal(span(&f, f.recs[1].node.start, f.recs[1].end),
			    "{id: b, l: [1, 2 ], n: ~}");
	p = pair(&f, 1, "l");
	assert_int_equal(p->val.style, YS_FLOW);
	assert_string_equal(span(&f, p->val.cstart, p->end), "[1, 2 ]");
	assert_true(pair(&f, 1, "n")->val.null);
	ys_free(&f);
}

static void bom_crlf_utf8(void **state)
{
	/* libyaml counts characters, and not the BOM: the spans are bytes */
	static const char text[] =
		"\xEF\xBB\xBF---\r\n"
		"id: \xC3\xA9t\xC3\xA9\r\n"
		"name: \"\xE2\x82\xAC 1\"\r\n"
		"---\r\n"
		"id: z\r\n"
		"kind: k";
	struct ys_file f;
	struct kb_error e;
	const struct ys_pair *p;

	(void)state;
	assert_int_equal(ys_parse(&f, "t.yaml", text, strlen(text), 10, &e), 0);
	assert_int_equal(f.skip, 3);
	assert_int_equal(f.ndocs, 2);
	assert_true(f.docs[0].explicit_start);
	assert_string_equal(span(&f, f.docs[0].start, f.docs[0].start + 3), "---");
	p = pair(&f, 0, "id");
	assert_string_equal(span(&f, p->val.cstart, p->val.end), "\xC3\xA9t\xC3\xA9");
	p = pair(&f, 0, "name");
	assert_string_equal(span(&f, p->val.cstart, p->val.end), "\"\xE2\x82\xAC 1\"");
	assert_int_equal(p->key.line, 12);	/* after base_line 10 */
	/* the second document's record, up to the end without a newline */
	assert_int_equal(f.recs[1].place, YS_IN_DOC);
	p = pair(&f, 1, "kind");
	assert_int_equal(p->val.end, strlen(text));
	assert_int_equal(ys_count_lines(text, strlen(text)), 5);
	ys_free(&f);
}

static void anchors_and_aliases(void **state)
{
	static const char text[] =
		"- &base\n"
		"  id: a\n"
		"  name: &n Name\n"
		"- <<: *base\n"
		"  id: b\n"
		"- id: c\n"
		"  name: *n\n"
		"  l: [*n, x]\n";
	struct ys_file f;
	struct kb_error e;
	const struct ys_pair *p;
	size_t i;

	(void)state;
	assert_int_equal(ys_parse(&f, "t.yaml", text, strlen(text), 0, &e), 0);
	assert_int_equal(f.nanchors, 2);
	for (i = 0; i < f.nanchors; i++)
		if (!strcmp(f.anchors[i].name, "n")) {
			assert_string_equal(span(&f, f.anchors[i].start,
						 f.anchors[i].end), "&n Name");
			assert_int_equal(f.anchors[i].uses, 2);
		} else {
			assert_string_equal(f.anchors[i].name, "base");
			assert_int_equal(f.anchors[i].uses, 1);
			assert_int_equal(f.anchors[i].start, 2);
		}
	/* an anchored value's content is after the anchor */
	p = pair(&f, 0, "name");
	assert_string_equal(span(&f, p->val.cstart, p->val.end), "Name");
	assert_true(pair(&f, 1, "<<")->merge);
	assert_int_equal(f.recs[1].nuses, 1);
	assert_int_equal(f.recs[2].nuses, 2);
	p = pair(&f, 2, "name");
	assert_int_equal(p->val.style, YS_ALIAS);
	assert_int_equal(f.items[pair(&f, 2, "l")->item0].v.style, YS_ALIAS);
	ys_free(&f);
}

static void not_edited(void **state)
{
	struct ys_file f;
	struct kb_error e;

	(void)state;
	/* a complex key and an alias as a key: kbq does not edit these */
	assert_int_equal(ys_parse(&f, "t.yaml", "? id\n: a\n", 9, 0, &e), KB_EUSAGE);
	kb_error_free(&e);
	ys_free(&f);
	assert_int_equal(ys_parse(&f, "t.yaml", "- &k id: a\n  *k : b\n", 20, 0, &e),
			 KB_EUSAGE);
	kb_error_free(&e);
	ys_free(&f);
	assert_int_equal(ys_parse(&f, "t.yaml", "id: [a\n", 7, 0, &e), KB_ESYNTAX);
	assert_int_equal(e.line, 2);
	kb_error_free(&e);
	ys_free(&f);
}

static void lines(void **state)
{
	static const char s[] = "a\r\nb\rc\n\nd";

	(void)state;
	assert_int_equal(ys_line_start(s, 4), 3);
	assert_int_equal(ys_line_end(s, sizeof(s) - 1, 3), 4);
	assert_int_equal(ys_next_line(s, sizeof(s) - 1, 0), 3);
	assert_int_equal(ys_next_line(s, sizeof(s) - 1, 3), 5);
	assert_int_equal(ys_next_line(s, sizeof(s) - 1, 7), 8);
	assert_int_equal(ys_next_line(s, sizeof(s) - 1, 8), 9);
	assert_int_equal(ys_count_lines(s, sizeof(s) - 1), 4);
	/* NEL, LS and PS break lines for libyaml */
	assert_int_equal(ys_count_lines("a\xC2\x85" "b\xE2\x80\xA8" "c", 7), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(block_records),
		cmocka_unit_test(bom_crlf_utf8),
		cmocka_unit_test(anchors_and_aliases),
		cmocka_unit_test(not_edited),
		cmocka_unit_test(lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
