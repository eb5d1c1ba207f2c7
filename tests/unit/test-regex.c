/* test-regex.c - PCRE2 behind kb_regex (regex.c): UTF-8, -i, -F, whole
 * matches, byte ranges, error messages and offsets, bounded matching. */
#include "unit.h"
#include "kb-int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct kb_regex *RE(const char *pattern, unsigned flags)
{
	struct kb_regex *re = NULL;
	struct kb_error e;

	if (kb_regex_compile(&re, pattern, strlen(pattern), flags, &e))
		fail_msg("'%s': %s", pattern, e.message);
	return re;
}

/* 1, 0 or -KB_EMATCH for pattern against s */
static int M(const char *pattern, unsigned flags, const char *s)
{
	struct kb_regex *re = RE(pattern, flags);
	int rc = kb_regex_match(re, s, strlen(s));

	kb_regex_free(re);
	return rc;
}

static void basics(void **state)
{
	(void)state;
	assert_int_equal(M("ab+c", 0, "xxabbbcxx"), 1);
	assert_int_equal(M("^ab+c$", 0, "xxabbbcxx"), 0);
	assert_int_equal(M("", 0, ""), 1);
	assert_int_equal(M("a", 0, ""), 0);
	assert_int_equal(M("A", 0, "a"), 0);
	assert_int_equal(M("(?i)A", 0, "a"), 1);
	/* the subject's length counts, not a NUL */
	{
		struct kb_regex *re = RE("b$", 0);
		assert_int_equal(kb_regex_match(re, "abc", 2), 1);
		assert_int_equal(kb_regex_match(re, "a\0b", 3), 1);
		kb_regex_free(re);
	}
}

static void utf8(void **state)
{
	(void)state;
	/* . is one character, not one byte */
	assert_int_equal(M("^.$", 0, "é"), 1);
	assert_int_equal(M("^..$", 0, "ø€"), 1);
	assert_int_equal(M("^\\w+$", 0, "ærø"), 0);	/* \w is ASCII */
	assert_int_equal(M("^\\p{L}+$", 0, "ærø"), 1);
	/* -i folds beyond ASCII */
	assert_int_equal(M("ÆRØ", KB_Q_ICASE, "ærø kommune"), 1);
	assert_int_equal(M("ærø", KB_Q_ICASE, "ÆRØ"), 1);
	assert_int_equal(M("ΣΊΣΥΦΟΣ", KB_Q_ICASE, "σίσυφος"), 1);
	assert_int_equal(M("straße", KB_Q_ICASE, "STRASSE"), 0);	/* no full folding */
	/* an invalid UTF-8 subject is matched where it is valid, not an error */
	assert_int_equal(M("ok", 0, "\xff ok"), 1);
	assert_int_equal(M("x", 0, "\xff ok"), 0);
}

static void fixed(void **state)
{
	(void)state;
	assert_int_equal(M("a.c", KB_Q_FIXED, "abc"), 0);
	assert_int_equal(M("a.c", KB_Q_FIXED, "xa.cx"), 1);
	assert_int_equal(M("(", KB_Q_FIXED, "f(x)"), 1);
	assert_int_equal(M("^", KB_Q_FIXED, "a^b"), 1);
	assert_int_equal(M("^", KB_Q_FIXED, "ab"), 0);
	assert_int_equal(M("Ä.", KB_Q_FIXED | KB_Q_ICASE, "xä.x"), 1);
	assert_int_equal(M("", KB_Q_FIXED, "anything"), 1);
	assert_int_equal(M("aab", KB_Q_FIXED, "aaab"), 1);
	assert_int_equal(M("abc", KB_Q_FIXED, "ab"), 0);
	assert_int_equal(M("a.c", KB_Q_FIXED | KB_RE_WHOLE, "a.c"), 1);
	assert_int_equal(M("a.c", KB_Q_FIXED | KB_RE_WHOLE, "a.cd"), 0);
}

/* -F needs no regex engine: a 64 KiB literal (SPEC's floor for a word)
 * is searched, where PCRE2 would call it too large. */
static void fixed_long(void **state)
{
	size_t n = 64 << 10;
	char *w = malloc(n + 1), *s = malloc(n + 3);
	struct kb_regex *re;
	struct kb_error e;
	size_t a, b;

	(void)state;
	memset(w, 'x', n);
	w[n - 1] = 'y';
	w[n] = '\0';
	s[0] = 'x';
	memcpy(s + 1, w, n);
	s[n + 1] = 'z';
	s[n + 2] = '\0';
	assert_int_equal(kb_regex_compile(&re, w, n, KB_Q_FIXED, &e), 0);
	assert_int_equal(kb_regex_search(re, s, n + 2, &a, &b), 1);
	assert_int_equal(a, 1);
	assert_int_equal(b, n + 1);
	assert_int_equal(kb_regex_match(re, w, n - 1), 0);
	kb_regex_free(re);
	free(w);
	free(s);
}

static void whole(void **state)
{
	(void)state;
	assert_int_equal(M("Q[0-9]+", KB_RE_WHOLE, "Q30"), 1);
	assert_int_equal(M("Q[0-9]+", KB_RE_WHOLE, "Q30x"), 0);
	assert_int_equal(M("Q[0-9]+", KB_RE_WHOLE, "xQ30"), 0);
	/* alternatives are anchored as a whole, not just the first */
	assert_int_equal(M("a|b", KB_RE_WHOLE, "ab"), 0);
	assert_int_equal(M("a|b", KB_RE_WHOLE, "b"), 1);
	/* $ would allow a trailing newline; whole does not */
	assert_int_equal(M("a", KB_RE_WHOLE, "a\n"), 0);
	assert_int_equal(M("chin.", KB_RE_WHOLE | KB_Q_FIXED | KB_Q_ICASE,
			   "CHIN."), 1);
	assert_int_equal(M("chin.", KB_RE_WHOLE | KB_Q_FIXED | KB_Q_ICASE,
			   "china"), 0);
}

static void search_range(void **state)
{
	struct kb_regex *re = RE("ø+", 0);
	size_t s = 99, e = 99;

	(void)state;
	/* byte offsets: "æ" is two bytes */
	assert_int_equal(kb_regex_search(re, "æøøx", strlen("æøøx"), &s, &e), 1);
	assert_int_equal(s, 2);
	assert_int_equal(e, 6);
	s = e = 99;
	assert_int_equal(kb_regex_search(re, "abc", 3, &s, &e), 0);
	assert_int_equal(s, 99);
	assert_int_equal(kb_regex_search(re, "ø", 2, NULL, NULL), 1);
	kb_regex_free(re);
	re = RE("", 0);
	assert_int_equal(kb_regex_search(re, "abc", 3, &s, &e), 1);
	assert_int_equal(s, 0);
	assert_int_equal(e, 0);
	kb_regex_free(re);
}

static void errors(void **state)
{
	static const struct {
		const char *pattern;
		size_t offset;
		const char *message;
	} cases[] = {
		{ "(ab", 3, "missing closing parenthesis" },
		{ "a[b", 3, "missing terminating ] for character class" },
		{ "*a", 0, "quantifier does not follow a repeatable item" },
		{ "a{2,1}", 5, "numbers out of order in {} quantifier" },
		{ "\\", 1, "\\ at end of pattern" },
		{ "(?<n>a)(?<n>b)", 12, "two named subpatterns have the same name "
		  "(PCRE2_DUPNAMES not set)" },
	};
	struct kb_regex *re;
	struct kb_error e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		re = (struct kb_regex *)&e;
		assert_int_equal(kb_regex_compile(&re, cases[i].pattern,
						  strlen(cases[i].pattern), 0, &e),
				 KB_EEXPR);
		assert_null(re);
		assert_int_equal(e.code, KB_EEXPR);
		assert_string_equal(e.message, cases[i].message);
		assert_int_equal(e.offset, cases[i].offset);
		assert_int_equal(e.span, 1);
		kb_error_free(&e);
	}
	/* invalid UTF-8 in a pattern is an error, located */
	assert_int_equal(kb_regex_compile(&re, "ab\xff", 3, 0, &e), KB_EEXPR);
	assert_int_equal(e.offset, 2);
	kb_error_free(&e);
	/* -F makes anything a valid pattern */
	assert_int_equal(kb_regex_compile(&re, "(ab", 3, KB_Q_FIXED, &e), 0);
	kb_regex_free(re);
	/* a NULL error is allowed */
	assert_int_equal(kb_regex_compile(&re, "(", 1, 0, NULL), KB_EEXPR);
	kb_regex_free(NULL);
}

static void bounded(void **state)
{
	size_t n = 100000;
	char *s = malloc(n + 2);
	struct kb_regex *re;
	clock_t t0;

	(void)state;
	assert_non_null(s);
	memset(s, 'a', n);
	s[n] = 'b';
	s[n + 1] = '\0';
	t0 = clock();
	re = RE("^(a+)+$", 0);
	assert_int_equal(kb_regex_match(re, s, n + 1), -KB_EMATCH);
	kb_regex_free(re);
	re = RE("(a|aa)+$", 0);
	assert_int_equal(kb_regex_match(re, s, 40), 1);
	kb_regex_free(re);
	re = RE("^(a|a)+$", 0);
	assert_int_equal(kb_regex_match(re, s + n - 5000, 5001), -KB_EMATCH);
	kb_regex_free(re);
	/* a required character that is missing fails fast, no limit hit */
	re = RE("(a*)*c", 0);
	assert_int_equal(kb_regex_match(re, s, 5000), 0);
	kb_regex_free(re);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
	/* honest patterns on the same long subject answer */
	re = RE("a+b$", 0);
	assert_int_equal(kb_regex_match(re, s, n + 1), 1);
	kb_regex_free(re);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(basics),
		cmocka_unit_test(utf8),
		cmocka_unit_test(fixed),
		cmocka_unit_test(fixed_long),
		cmocka_unit_test(whole),
		cmocka_unit_test(search_range),
		cmocka_unit_test(errors),
		cmocka_unit_test(bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
