/*
 * test-limits.c - the library's limits through its API: each is a located
 * error, and a value just at the limit is accepted.
 *
 * Built twice: test-limits against the real library, where the huge cases
 * (a scalar over 256 MiB, 100 million records) run only with
 * KBQ_HUGE_TESTS=1, and test-limits-low against a copy of the library
 * compiled with KB_MAX_SCALAR and KB_MAX_RECORDS lowered, where they run
 * in milliseconds.  The floors of SPEC 2 "Limits" are checked at compile
 * time in the real build.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "kb-int.h"

#ifndef KBQ_LOW_LIMITS
_Static_assert(KB_MAX_SCALAR >= ((size_t)64 << 20), "SPEC: a scalar of 64 MiB");
_Static_assert(KB_MAX_RECORDS >= 10000000, "SPEC: 10 million records");
_Static_assert(KB_MAX_WORD >= 65536, "SPEC: an expression word of 64 KiB");
_Static_assert(KB_MAX_WORDS >= 1000, "SPEC: 1000 expression words");
_Static_assert(KB_MAX_PATH >= 16, "SPEC: a ref path of 16 steps");
#endif

/* Skip a case that needs a huge input unless asked for, or lowered. */
static bool huge_ok(void)
{
#ifdef KBQ_LOW_LIMITS
	return true;
#else
	const char *e = getenv("KBQ_HUGE_TESTS");

	return e && !strcmp(e, "1");
#endif
}

static int ignore(const struct kb_record *rec, void *ud)
{
	(void)rec;
	(void)ud;
	return 0;
}

static int load_text(const char *text, size_t len, bool stream,
		     struct kb_error *err, size_t *count)
{
	struct kb_memfile f = { "t.yaml", text, len };
	struct kb_open_opts o = { .stream = stream };
	struct kb *kb;
	int rc;

	memset(err, 0, sizeof(*err));
	rc = kb_open_mem(&kb, &f, 1, &o, err);
	if (!rc && stream)
		rc = kb_stream(kb, ignore, NULL, err);
	if (!rc && count)
		*count = kb_count(kb);
	kb_free(kb);
	return rc;
}

/* "id: s\nkind: t\nname: " + n times 'x' */
static char *scalar_file(size_t n, size_t *len)
{
	static const char head[] = "id: s\nkind: t\nname: ";
	char *s = malloc(sizeof(head) + n + 1);

	assert_non_null(s);
	memcpy(s, head, sizeof(head) - 1);
	memset(s + sizeof(head) - 1, 'x', n);
	s[sizeof(head) - 1 + n] = '\n';
	*len = sizeof(head) + n;
	return s;
}

static void scalar_at_limit(void **state)
{
	struct kb_error err;
	size_t len;
	char *s;

	(void)state;
	if (!huge_ok())
		skip();
	s = scalar_file(KB_MAX_SCALAR, &len);
	assert_int_equal(load_text(s, len, false, &err, NULL), 0);
	free(s);
}

static void scalar_over_limit(void **state)
{
	struct kb_error err;
	char want[128];
	size_t len;
	char *s;

	(void)state;
	if (!huge_ok())
		skip();
	s = scalar_file(KB_MAX_SCALAR + 1, &len);
	assert_int_equal(load_text(s, len, false, &err, NULL), KB_ELIMIT);
	assert_string_equal(err.file, "t.yaml");
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 7);
	snprintf(want, sizeof(want), "scalar of %zu bytes is over the limit of %zu",
		 KB_MAX_SCALAR + 1, KB_MAX_SCALAR);
	assert_string_equal(err.message, want);
	kb_error_free(&err);
	free(s);
}

/* n records "- {id: rI, kind: t}", one a line */
static char *records_file(size_t n, size_t *len)
{
	size_t cap = n * 32 + 1, i;
	char *s = malloc(cap), *p;

	assert_non_null(s);
	for (p = s, i = 0; i < n; i++)
		p += sprintf(p, "- {id: r%zu, kind: t}\n", i);
	*len = (size_t)(p - s);
	return s;
}

static void records_at_limit(void **state)
{
	struct kb_error err;
	size_t len, count = 0;
	char *s;

	(void)state;
	if (!huge_ok())
		skip();
	s = records_file(KB_MAX_RECORDS, &len);
	assert_int_equal(load_text(s, len, false, &err, &count), 0);
	assert_int_equal(count, KB_MAX_RECORDS);
	free(s);
}

static void records_over_limit(void **state)
{
	struct kb_error err;
	char want[64];
	size_t len;
	char *s;
	int stream;

	(void)state;
	if (!huge_ok())
		skip();
	s = records_file(KB_MAX_RECORDS + 1, &len);
	snprintf(want, sizeof(want), "more than %zu records", KB_MAX_RECORDS);
	for (stream = 0; stream < 2; stream++) {
		assert_int_equal(load_text(s, len, stream, &err, NULL), KB_ELIMIT);
		/* the record one past the limit, on the last line */
		assert_int_equal(err.line, KB_MAX_RECORDS + 1);
		assert_int_equal(err.col, 3);
		assert_string_equal(err.message, want);
		kb_error_free(&err);
	}
	free(s);
}

/* The limit counts the KB's records, not one file's. */
static void records_limit_spans_files(void **state)
{
	struct kb_memfile f[2];
	struct kb_error err;
	struct kb *kb;
	const char *t;
	size_t len;
	char *s;

	(void)state;
	if (!huge_ok())
		skip();
	s = records_file(KB_MAX_RECORDS, &len);
	f[0] = (struct kb_memfile){ "kb/a.yaml", s, len };
	t = "- {id: one-more, kind: t}\n";
	f[1] = (struct kb_memfile){ "kb/b.yaml", t, strlen(t) };
	assert_int_equal(kb_open_mem(&kb, f, 2, NULL, &err), KB_ELIMIT);
	assert_null(kb);
	assert_string_equal(err.file, "kb/b.yaml");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.col, 3);
	kb_error_free(&err);
	free(s);
}

static struct kb *small_kb(void)
{
	static const char text[] =
		"- {id: a, kind: t, name: A, f: [a, b, a, b, a, b, a, b]}\n"
		"- {id: b, kind: t, name: B, f: [b, a, b, a, b, a, b, a]}\n";
	struct kb_memfile f = { "t.yaml", text, sizeof(text) - 1 };
	struct kb_error err;
	struct kb *kb;

	assert_int_equal(kb_open_mem(&kb, &f, 1, NULL, &err), 0);
	return kb;
}

static void word_length(void **state)
{
	struct kb *kb = small_kb();
	struct kb_query *q;
	struct kb_error err;
	const char *words[3];
	char *w = malloc(KB_MAX_WORD + 2);

	(void)state;
	assert_non_null(w);
	/* name=xxx... of exactly KB_MAX_WORD bytes: accepted */
	memcpy(w, "name=", 5);
	memset(w + 5, 'x', KB_MAX_WORD - 5);
	w[KB_MAX_WORD] = '\0';
	words[0] = "id?";
	words[1] = "and";
	words[2] = w;
	assert_int_equal(kb_query_compile(&q, kb, words, 3, NULL, 0, 0, NULL,
					  &err), 0);
	assert_int_equal(kb_query_match(q, kb_at(kb, 0), &err), 0);
	kb_query_free(q);
	/* one byte more: an error that points at the word */
	w[KB_MAX_WORD] = 'x';
	w[KB_MAX_WORD + 1] = '\0';
	assert_int_equal(kb_query_compile(&q, kb, words, 3, NULL, 0, 0, NULL,
					  &err), KB_ELIMIT);
	assert_null(q);
	assert_int_equal(err.word, 2);
	assert_non_null(strstr(err.message, "over the limit"));
	kb_error_free(&err);
	free(w);
	kb_free(kb);
}

static void word_count(void **state)
{
	struct kb *kb = small_kb();
	const char **words = malloc((KB_MAX_WORDS + 1) * sizeof(*words));
	struct kb_query *q;
	struct kb_error err;
	size_t i;

	(void)state;
	assert_non_null(words);
	for (i = 0; i <= KB_MAX_WORDS; i++)
		words[i] = i % 2 ? "or" : "id?";
	/* an odd count ends in a term */
	assert_int_equal(kb_query_compile(&q, kb, words, KB_MAX_WORDS - 1, NULL,
					  0, 0, NULL, &err), 0);
	assert_int_equal(kb_query_match(q, kb_at(kb, 1), &err), 1);
	kb_query_free(q);
	assert_int_equal(kb_query_compile(&q, kb, words, KB_MAX_WORDS + 1, NULL,
					  0, 0, NULL, &err), KB_ELIMIT);
	assert_non_null(strstr(err.message, "over the limit"));
	kb_error_free(&err);
	free(words);
	kb_free(kb);
}

static int count_value(const struct kb_record *owner,
		       const struct kb_field *field, const struct kb_value *v,
		       void *ud)
{
	(void)owner;
	(void)field;
	(void)v;
	++*(size_t *)ud;
	return 0;
}

/* Refs that fan out: 8 refs a record, 8^15 ways along 16 steps. */
static void fan_out(void **state)
{
	struct kb *kb = small_kb();
	char path[64], word[80];
	const char *words[1] = { word };
	struct kb_query *q;
	struct kb_error err;
	size_t n = 0, i;

	(void)state;
	for (i = 0; i < 15; i++)
		memcpy(path + 2 * i, "f.", 2);
	strcpy(path + 30, "name");
	assert_int_equal(kb_path_walk(kb, kb_at(kb, 0), path, count_value, &n),
			 -KB_ELIMIT);
	assert_true(n <= KB_MAX_REFWALK * 8);
	snprintf(word, sizeof(word), "%s=none", path);
	assert_int_equal(kb_query_compile(&q, kb, words, 1, NULL, 0, 0, NULL,
					  &err), 0);
	assert_int_equal(kb_query_match(q, kb_at(kb, 1), &err), -KB_EMATCH);
	assert_int_equal(err.code, KB_EMATCH);
	assert_string_equal(err.file, "t.yaml");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 3);
	kb_error_free(&err);
	/* a short path through the same refs is fine */
	snprintf(word, sizeof(word), "f.f.f.name=A");
	kb_query_free(q);
	assert_int_equal(kb_query_compile(&q, kb, words, 1, NULL, 0, 0, NULL,
					  &err), 0);
	assert_int_equal(kb_query_match(q, kb_at(kb, 1), &err), 1);
	kb_query_free(q);
	kb_free(kb);
}

static void regex_limits(void **state)
{
	struct kb_regex *re;
	struct kb_error err;
	char s[64];

	(void)state;
	memset(s, 'a', 40);
	strcpy(s + 40, "b");
	assert_int_equal(kb_regex_compile(&re, "(a+)+$", 6, 0, &err), 0);
	assert_int_equal(kb_regex_match(re, s, strlen(s)), -KB_EMATCH);
	/* the same regex on a short subject still answers */
	assert_int_equal(kb_regex_match(re, "aab", 3), 0);
	assert_int_equal(kb_regex_match(re, "aaa", 3), 1);
	kb_regex_free(re);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scalar_at_limit),
		cmocka_unit_test(scalar_over_limit),
		cmocka_unit_test(records_at_limit),
		cmocka_unit_test(records_over_limit),
		cmocka_unit_test(records_limit_spans_files),
		cmocka_unit_test(word_length),
		cmocka_unit_test(word_count),
		cmocka_unit_test(fan_out),
		cmocka_unit_test(regex_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
