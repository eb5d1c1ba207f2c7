/*
 * test-tally.c - counting records by the values of paths (tally.c, the
 * library side of --count-by): one row per distinct combination, a record
 * counted once under each, lists element by element, refs followed,
 * absent values as the empty value, the order of the rows, the bounds.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char records[] =
	"- {id: us, kind: actor, name: United States, type: country}\n"
	"- {id: cn, kind: actor, name: China, type: country}\n"
	"- {id: mofcom, kind: actor, name: MOFCOM, type: government-body, "
	"country: cn}\n"
	"- {id: c1, kind: control, name: A, imposed_by: cn, "
	"items: [gallium, germanium, gallium]}\n"
	"- {id: c2, kind: control, name: B, imposed_by: us, items: [gallium]}\n"
	"- {id: c3, kind: control, name: C, imposed_by: us}\n"
	"- {id: c4, kind: control, name: D, imposed_by: nobody, "
	"items: [\"a;b\", \"\"]}\n";

struct adding {
	struct kb_tally *t;
	const char *kind;
};

static int add(const struct kb_record *rec, void *ud)
{
	struct adding *a = ud;
	struct kb_error e;

	if (a->kind && strcmp(rec->kind, a->kind))
		return 0;
	return kb_tally_add(a->t, rec, &e);
}

/* The rows of counting `kind` records (streamed: each record dies after
 * its call) by the comma-separated paths, as "v1|v2=count" words. */
static const char *rows(struct kb *kb, const char *kind, const char *paths,
			bool fewest)
{
	static char buf[4096];
	const char *v[8];
	char list[256], *save = NULL, *tok;
	struct adding a = { NULL, kind };
	struct kb_error e;
	size_t n = 0, i, r, nrows, count, used = 0;

	snprintf(list, sizeof(list), "%s", paths);
	for (tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		v[n++] = tok;
	assert_int_equal(kb_tally_new(&a.t, kb, v, n, &e), 0);
	assert_int_equal(kb_stream(kb, add, &a, &e), 0);
	nrows = kb_tally_sort(a.t, fewest);
	assert_int_equal(nrows, kb_tally_rows(a.t));
	buf[0] = '\0';
	for (r = 0; r < nrows; r++) {
		const struct kb_value *val = kb_tally_row(a.t, r, &count);
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s",
					 r ? " " : "");
		for (i = 0; i < n; i++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
						 "%s%.*s", i ? "|" : "",
						 (int)val[i].len, val[i].text);
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "=%zu",
					 count);
	}
	assert_null(kb_tally_row(a.t, nrows, &count));
	kb_tally_free(a.t);
	return buf;
}

static int setup(void **state)
{
	*state = kbm_ok("kb/schema.yaml", unit_schema, "kb/r.yaml", records, NULL);
	return 0;
}

static int teardown(void **state)
{
	kb_free(*state);
	return 0;
}

static void one_path(void **state)
{
	struct kb *kb = *state;

	/* most frequent first, then by value (byte-wise) */
	assert_string_equal(rows(kb, NULL, "kind", false),
			    "control=4 actor=3");
	assert_string_equal(rows(kb, "control", "imposed_by", false),
			    "us=2 cn=1 nobody=1");
	/* fewest first, ties still by value */
	assert_string_equal(rows(kb, "control", "imposed_by", true),
			    "cn=1 nobody=1 us=2");
}

static void lists_and_absence(void **state)
{
	struct kb *kb = *state;

	/* each element once per record (c1 lists gallium twice); c3 has no
	 * items and counts under the empty value, as does c4's "" */
	assert_string_equal(rows(kb, "control", "items", false),
			    "=2 gallium=2 a;b=1 germanium=1");
	assert_string_equal(rows(kb, "actor", "country", false), "=2 cn=1");
}

static void combinations(void **state)
{
	struct kb *kb = *state;

	/* every combination of the paths' values, a record once under each */
	assert_string_equal(rows(kb, "control", "imposed_by,items", false),
			    "cn|gallium=1 cn|germanium=1 nobody|=1 nobody|a;b=1 "
			    "us|=1 us|gallium=1");
	/* a ref followed; a ref that names no record reaches nothing */
	assert_string_equal(rows(kb, "control", "imposed_by.type,kind", false),
			    "country|control=3 |control=1");
	assert_string_equal(rows(kb, "control", "imposed_by.name", false),
			    "United States=2 =1 China=1");
}

/* The values of a row are the tally's own: a value holding what a key
 * encoding could confuse (a length's bytes, NUL-free text) stays apart. */
static void values_kept_apart(void **state)
{
	struct kb *kb = kbm_ok("r.yaml",
		"- {id: a, kind: x, p: \"ab\", q: \"c\"}\n"
		"- {id: b, kind: x, p: \"a\", q: \"bc\"}\n"
		"- {id: c, kind: x, p: \"ab\", q: \"c\"}\n", NULL);

	(void)state;
	assert_string_equal(rows(kb, NULL, "p,q", false), "ab|c=2 a|bc=1");
	kb_free(kb);
}

static void bounds(void **state)
{
	char *y = malloc(1 << 16), *p = y;
	const char *paths[] = { "a", "b", "c" }, *longp[1];
	char *lp = malloc(5000);
	struct kb_tally *t;
	struct kb_error e;
	struct kb *kb;
	int i, k;

	(void)state;
	assert_non_null(y);
	assert_non_null(lp);
	/* 3 lists of 128 distinct values: 2^21 combinations in one record */
	p += sprintf(p, "id: r\nkind: x\n");
	for (k = 0; k < 3; k++) {
		p += sprintf(p, "%c: [", 'a' + k);
		for (i = 0; i < 128; i++)
			p += sprintf(p, "%sv%d", i ? ", " : "", i);
		p += sprintf(p, "]\n");
	}
	kb = kbm_ok("r.yaml", y, NULL);
	assert_int_equal(kb_tally_new(&t, kb, paths, 3, &e), 0);
	assert_int_equal(kb_tally_add(t, kb_at(kb, 0), &e), KB_ELIMIT);
	assert_error(&e, KB_ELIMIT, "r.yaml", 1, 1, "the values of record 'r' "
		     "make more than 1048576 combinations to count");
	kb_tally_free(t);
	/* two of them: 16384 rows, each counted once */
	assert_int_equal(kb_tally_new(&t, kb, paths, 2, &e), 0);
	assert_int_equal(kb_tally_add(t, kb_at(kb, 0), &e), 0);
	assert_int_equal(kb_tally_sort(t, false), 16384);
	/* no record after sorting */
	assert_int_equal(kb_tally_add(t, kb_at(kb, 0), &e), KB_EUSAGE);
	kb_error_free(&e);
	kb_tally_free(t);
	memset(lp, 'a', 4999);
	lp[4999] = '\0';
	longp[0] = lp;
	assert_int_equal(kb_tally_new(&t, kb, longp, 1, &e), KB_ELIMIT);
	kb_error_free(&e);
	assert_null(t);
	assert_int_equal(kb_tally_new(&t, kb, longp, 0, &e), KB_EUSAGE);
	kb_error_free(&e);
	kb_tally_free(NULL);
	kb_free(kb);
	free(lp);
	free(y);
}

static void fanout(void **state)
{
	struct kb *kb = kbm_ok("r.yaml",
		"- {id: a, kind: x, f: [b, b, b, b, b, b, b, b, b, b]}\n"
		"- {id: b, kind: x, f: [a, a, a, a, a, a, a, a, a, a]}\n", NULL);
	const char *paths[] = { "f.f.f.f.f.f.f.f.f.f.f.f.f.f.f.id" };
	struct kb_tally *t;
	struct kb_error e;

	(void)state;
	assert_int_equal(kb_tally_new(&t, kb, paths, 1, &e), 0);
	assert_int_equal(kb_tally_add(t, kb_at(kb, 0), &e), KB_ELIMIT);
	assert_error(&e, KB_ELIMIT, "r.yaml", 1, 3, "path "
		     "'f.f.f.f.f.f.f.f.f.f.f.f.f.f.f.id' from record 'a' reaches "
		     "too many records");
	kb_tally_free(t);
	kb_free(kb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_path),
		cmocka_unit_test(lists_and_absence),
		cmocka_unit_test(combinations),
		cmocka_unit_test(values_kept_apart),
		cmocka_unit_test(bounds),
		cmocka_unit_test(fanout),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
