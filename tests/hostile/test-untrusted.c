/*
 * test-untrusted.c - a hostile KB costs work in proportion to its size,
 * and is refused where it would be misread (SPEC 5), through the
 * library's API.
 *
 * Linked with kb_lowlimits, the library copy that counts its work
 * (KB_COUNT_WORK, struct kb_work in kb-int.h) and has its alias budget
 * lowered to 64 KiB: each cost case checks a count against the bound the
 * library promises, on an input small enough to run in milliseconds, where
 * the unbounded code counts hundreds of times more.  README.md lists which
 * bound each case checks.
 */
#define _XOPEN_SOURCE 700
#include "unit.h"
#include "kb-int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What lib/validate.c and lib/regex.c promise, restated: suggestions of
 * one validation spend at most 4 Mi cells and 16 a byte of the KB; all
 * the matching of one regex at most 10 million units and, per value, 84
 * units a byte and 128 more (a first try of 16 a byte and 64, and 4 a
 * byte and 64 added to the pool of retries). */
#define SUGGEST_BOUND(bytes) (((size_t)4 << 20) + 16 * (bytes))
#define REGEX_BOUND(bytes, nvalues) \
	((size_t)10000000 + 20 * (bytes) + 128 * (nvalues))

/* ---- a growable string ---------------------------------------------------- */

struct buf {
	char *s;
	size_t n, cap;
};

static void bprintf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void bprintf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(n >= 0);
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = (b->n + (size_t)n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

/* n times the character c */
static void brep(struct buf *b, size_t n, char c)
{
	while (n--)
		bprintf(b, "%c", c);
}

/* n records of kind t whose name is 40 x's and a '!': what ^(x|x|xx)+$
 * tries some 2^40 ways before it says no. */
static void x_records(struct buf *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		bprintf(b, "- {id: r%zu, kind: t, name: ", i);
		brep(b, 40, 'x');
		bprintf(b, "!}\n");
	}
}

/* ---- the diagnostics of a validation ------------------------------------- */

struct diagv {
	size_t n, limits, hints;
	char first[512];
};

static void on_diag(const struct kb_diag *d, void *ud)
{
	struct diagv *v = ud;

	if (!v->n++)
		snprintf(v->first, sizeof(v->first), "%s:%u:%u: %s", d->file,
			 (unsigned)d->line, (unsigned)d->col, d->message);
	v->limits += d->code == KB_EMATCH;
	v->hints += strstr(d->message, "(did you mean '") != NULL;
}

static struct diagv validate(const struct kb *kb)
{
	struct diagv v;
	size_t n;

	memset(&v, 0, sizeof(v));
	n = kb_validate(kb, on_diag, &v);
	assert_int_equal(n, v.n);
	return v;
}

/* The records of kb that the one-word query matches; *errors (when not
 * NULL) counts those where matching failed (a limit). */
static size_t matches(struct kb *kb, const char *word, size_t *errors)
{
	struct kb_error err;
	struct kb_query *q;
	size_t i, n = 0;
	int m;

	assert_int_equal(kb_query_compile(&q, kb, &word, 1, NULL, 0, 0, NULL,
					  &err), 0);
	for (i = 0; i < kb_count(kb); i++) {
		if ((m = kb_query_match(q, kb_at(kb, i), &err)) < 0) {
			assert_non_null(errors);
			++*errors;
			kb_error_free(&err);
		}
		n += m == 1;
	}
	kb_query_free(q);
	return n;
}

static struct kb *open2(const char *schema, const char *records)
{
	return kbm_ok("kb/schema.yaml", schema, "kb/r.yaml", records, NULL);
}

/* ---- "did you mean": bounded (issue 11, finding 3) ------------------------ */

/* Each of n records refers to an id one edit away from its own, none of
 * which exists: every dangling ref compared with every id.  Unbounded,
 * 300 records of 60-character ids cost 300 * 300 * 3600 cells. */
static void dangling_refs_bounded(void **state)
{
	struct buf b = { NULL, 0, 0 };
	struct diagv v;
	struct kb *kb;
	size_t i, before;

	(void)state;
	for (i = 0; i < 300; i++) {
		bprintf(&b, "- {id: %06zu", i);
		brep(&b, 54, 'x');
		bprintf(&b, ", kind: t, r: %06zu", i);
		brep(&b, 53, 'x');
		bprintf(&b, "y}\n");
	}
	kb = open2("kinds:\n  t:\n    fields:\n      r: {type: ref}\n", b.s);
	before = kb_work.edit_cells;
	v = validate(kb);
	assert_int_equal(v.n, 300);
	assert_true(kb_work.edit_cells - before <= SUGGEST_BOUND(b.n));
	/* the first problems still come with their suggestion */
	assert_non_null(strstr(v.first, "(did you mean '000000xxx"));
	kb_free(kb);
	free(b.s);
}

/* Short ids: each candidate costs little, but 1000 dangling refs against
 * 1000 ids are a million candidates. */
static void short_dangling_refs_bounded(void **state)
{
	struct buf b = { NULL, 0, 0 };
	struct diagv v;
	struct kb *kb;
	size_t i, before;

	(void)state;
	for (i = 0; i < 1000; i++)
		bprintf(&b, "- {id: r%zu, kind: t, r: q%zuz}\n", i, i);
	kb = open2("kinds:\n  t:\n    fields:\n      r: {type: ref}\n", b.s);
	before = kb_work.edit_cells;
	v = validate(kb);
	assert_int_equal(v.n, 1000);
	assert_true(kb_work.edit_cells - before <= SUGGEST_BOUND(b.n));
	kb_free(kb);
	free(b.s);
}

/* Long unknown keys against long field names: 10 keys of 3000 bytes and
 * 10 fields of 3000 bytes, unbounded 100 * 9 million cells; banded, 7 a
 * character. */
static void long_keys_bounded(void **state)
{
	struct buf s = { NULL, 0, 0 }, r = { NULL, 0, 0 };
	struct diagv v;
	struct kb *kb;
	size_t i, before;

	(void)state;
	bprintf(&s, "kinds:\n  t:\n    fields:\n");
	bprintf(&r, "- id: a\n  kind: t\n");
	for (i = 0; i < 10; i++) {
		bprintf(&s, "      ? f%zu", i);
		brep(&s, 3000, 'a');
		bprintf(&s, "\n      : {type: string}\n");
		/* k0aaa... is one edit from f0aaa... */
		bprintf(&r, "  ? k%zu", i);
		brep(&r, 3000, 'a');
		bprintf(&r, "\n  : x\n");
	}
	kb = open2(s.s, r.s);
	before = kb_work.edit_cells;
	v = validate(kb);
	assert_int_equal(v.n, 10);
	assert_int_equal(v.hints, 10);
	assert_true(kb_work.edit_cells - before <= SUGGEST_BOUND(s.n + r.n));
	kb_free(kb);
	free(s.s);
	free(r.s);
}

/* One long enum value against one long allowed value. */
static void long_enum_value_bounded(void **state)
{
	struct buf s = { NULL, 0, 0 }, r = { NULL, 0, 0 };
	struct diagv v;
	struct kb *kb;
	size_t before;

	(void)state;
	bprintf(&s, "kinds:\n  t:\n    fields:\n      e: {type: enum, values: [");
	brep(&s, 4000, 'a');
	bprintf(&s, "]}\n");
	bprintf(&r, "- id: a\n  kind: t\n  e: ");
	brep(&r, 3999, 'a');
	bprintf(&r, "b\n");
	kb = open2(s.s, r.s);
	before = kb_work.edit_cells;
	v = validate(kb);
	assert_int_equal(v.n, 1);
	assert_int_equal(v.hints, 1);
	/* 7 cells a character, not 16 million */
	assert_true(kb_work.edit_cells - before <= 8 * 4000);
	kb_free(kb);
	free(s.s);
	free(r.s);
}

/* ---- the alias budget is the KB's (finding 4) ------------------------------ */

/* Five files, each an anchored 2000-byte scalar aliased 25 times: every
 * file is well within a budget of its own (64 KiB here, and 8 times its
 * 2.8 KB), the five together are not. */
static void alias_budget_per_kb(void **state)
{
	struct kb_memfile f[5];
	struct buf b[5];
	struct kb_error err;
	struct kb *kb;
	char name[5][32];
	size_t i, j;

	(void)state;
	memset(b, 0, sizeof(b));
	for (i = 0; i < 5; i++) {
		bprintf(&b[i], "- {id: a%zu, kind: t, v: &v ", i);
		brep(&b[i], 2000, 'x');
		bprintf(&b[i], "}\n");
		for (j = 0; j < 25; j++)
			bprintf(&b[i], "- {id: a%zu-%zu, kind: t, v: *v}\n", i, j);
		snprintf(name[i], sizeof(name[i]), "kb/f%zu.yaml", i);
		f[i].name = name[i];
		f[i].data = b[i].s;
		f[i].len = b[i].n;
	}
	/* each file alone is fine */
	for (i = 0; i < 5; i++) {
		assert_int_equal(kb_open_mem(&kb, &f[i], 1, NULL, &err), 0);
		assert_int_equal(kb_count(kb), 26);
		kb_free(kb);
	}
	/* together: refused in the third file, where what expansion made
	 * outgrows 64 KiB and 8 times the bytes read */
	assert_int_equal(kb_open_mem(&kb, f, 5, NULL, &err), KB_ELIMIT);
	assert_string_equal(err.file, "kb/f2.yaml");
	assert_non_null(strstr(err.message, "beyond the limit of the KB"));
	kb_error_free(&err);
	for (i = 0; i < 5; i++)
		free(b[i].s);
}

/* ---- regex limits are errors, and bounded (finding 5) ---------------------- */

static void pattern_limit_is_an_error(void **state)
{
	struct buf r = { NULL, 0, 0 };
	struct kb_error err;
	struct kb_query *q;
	struct diagv v;
	struct kb *kb;
	const char *words[] = { "name~x!" };
	size_t before;

	(void)state;
	x_records(&r, 20);
	kb = open2("kinds:\n  t:\n    fields:\n"
		   "      name: {type: string, pattern: '^(x|x|xx)+$'}\n", r.s);
	before = kb_work.regex_limit;
	v = validate(kb);
	/* no "does not match": the pattern gave no answer */
	assert_int_equal(v.n, 20);
	assert_int_equal(v.limits, 20);
	assert_string_equal(v.first, "kb/r.yaml:1:27: the pattern '^(x|x|xx)+$' "
			    "of field 'name' hit its match limit on this value "
			    "(simplify the pattern)");
	/* at most 10 million units, then in proportion to the bytes */
	assert_true(kb_work.regex_limit - before <= REGEX_BOUND(r.n, 20));
	/* a query that checks the value is no "no" either */
	assert_int_equal(kb_query_compile(&q, kb, words, 1, NULL, 0, 0, NULL,
					  &err), 0);
	assert_int_equal(kb_query_match(q, kb_at(kb, 0), &err), -KB_EMATCH);
	assert_error(&err, KB_EMATCH, "kb/r.yaml", 1, 27, "the pattern "
		     "'^(x|x|xx)+$' of field 'name' hit its match limit on this "
		     "value of record 'r0' (simplify the pattern)");
	kb_error_free(&err);
	kb_query_free(q);
	kb_free(kb);
	free(r.s);
}

/* The same regex in a query, over many values: all of its matching costs
 * units in proportion to the bytes it looked at. */
static void query_regex_bounded(void **state)
{
	struct buf r = { NULL, 0, 0 };
	struct kb *kb;
	size_t before, errors = 0;

	(void)state;
	x_records(&r, 200);
	kb = kbm_ok("kb/r.yaml", r.s, NULL);
	before = kb_work.regex_limit;
	assert_int_equal(matches(kb, "name~^(x|x|xx)+$", &errors), 0);
	assert_int_equal(errors, 200);
	assert_true(kb_work.regex_limit - before <= REGEX_BOUND(r.n, 200));
	kb_free(kb);
	free(r.s);
}

/* Honest patterns answer within the first try. */
static void honest_patterns_answer(void **state)
{
	struct buf r = { NULL, 0, 0 };
	struct diagv v;
	struct kb *kb;
	size_t i;

	(void)state;
	for (i = 0; i < 300; i++)
		bprintf(&r, "- {id: r%zu, kind: t, a: alpha-beta-gamma-%zu, "
			"b: 'Abc Def Ghi', c: 192.168.1.%zu}\n", i, i, i % 250);
	kb = open2("kinds:\n  t:\n    fields:\n"
		   "      a: {type: string, pattern: '(?:[a-z]+|[0-9]+)(?:-(?:[a-z]+|[0-9]+))*'}\n"
		   "      b: {type: string, pattern: '[A-Z][a-z]+(?: [A-Z][a-z]+)*'}\n"
		   "      c: {type: string, pattern: '(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}"
		   "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)'}\n", r.s);
	v = validate(kb);
	assert_int_equal(v.n, 0);
	kb_free(kb);
	free(r.s);
}

/* ---- directories (findings 6, 8, 10) --------------------------------------- */

/* 1000 directories: each compared with those read before took 500,000
 * comparisons; hashed, a few probes each. */
static void directories_hashed(void **state)
{
	struct kb_error err;
	struct kb *kb;
	char *dir = tmp_new(), path[4200];
	size_t i, before;

	(void)state;
	for (i = 0; i < 1000; i++) {
		snprintf(path, sizeof(path), "%s/d%04zu", dir, i);
		assert_int_equal(mkdir(path, 0777), 0);
	}
	tmp_write(dir, "a.yaml", "- {id: a, kind: t}\n");
	before = kb_work.lookup_probes;
	assert_int_equal(kb_open(&kb, dir, NULL, &err), 0);
	/* a hash map filled to 3/4 probes a few slots a lookup */
	assert_true(kb_work.lookup_probes - before <= 16 * 1000);
	assert_int_equal(kb_count(kb), 1);
	kb_free(kb);
	tmp_free(dir);
}

/* A directory reached through several symlinks is read once, named by
 * the smallest path, whatever order readdir gives (links made in an order
 * that file systems list newest first, or hash). */
static void symlinked_directory_named_first(void **state)
{
	static const char *const links[] = { "b", "a2", "a10", "a1", "c" };
	struct kb_open_opts o = { .display = "kb/" };
	struct kb_error err;
	struct kb *kb;
	char *dir = tmp_new(), path[4200];
	size_t i;

	(void)state;
	tmp_write(dir, "z/r.yaml", "- {id: r, kind: t}\n");
	for (i = 0; i < sizeof(links) / sizeof(*links); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, links[i]);
		assert_int_equal(symlink("z", path), 0);
	}
	assert_int_equal(kb_open(&kb, dir, &o, &err), 0);
	assert_int_equal(kb_count(kb), 1);
	/* "a1" < "a10" < "a2" < "b" < "c" < "z" */
	assert_string_equal(kb_at(kb, 0)->file, "kb/a1/r.yaml");
	kb_free(kb);
	tmp_free(dir);
}

/* A path longer than the system allows is an error, never skipped. */
static void path_beyond_path_max(void **state)
{
	char *dir = tmp_new(), name[256];
	struct kb_error err;
	struct kb *kb;
	int fd, next, i;

	(void)state;
	memset(name, 'd', 200);
	name[200] = '\0';
	assert_true((fd = open(dir, O_RDONLY | O_DIRECTORY)) >= 0);
	/* 30 levels of 201 bytes: beyond PATH_MAX (4096) from the root */
	for (i = 0; i < 30; i++) {
		assert_int_equal(mkdirat(fd, name, 0777), 0);
		assert_true((next = openat(fd, name, O_RDONLY | O_DIRECTORY)) >= 0);
		close(fd);
		fd = next;
	}
	assert_true((next = openat(fd, "r.yaml", O_WRONLY | O_CREAT, 0666)) >= 0);
	assert_int_equal(write(next, "- {id: r, kind: t}\n", 19), 19);
	close(next);
	close(fd);
	assert_int_equal(kb_open(&kb, dir, NULL, &err), KB_EIO);
	assert_null(kb);
	assert_non_null(strstr(err.message, strerror(ENAMETOOLONG)));
	/* the whole path, however long (finding 2) */
	assert_true(strlen(err.file) >= PATH_MAX);
	kb_error_free(&err);
	tmp_free(dir);
}

/* A file name of more than 1023 bytes is kept whole in an error. */
static void long_file_name_whole(void **state)
{
	char *dir = tmp_new(), rel[1400], want[1600];
	struct kb_error err;
	struct kb *kb;
	size_t used = 0, i;

	(void)state;
	for (i = 0; i < 6; i++)
		used += (size_t)snprintf(rel + used, sizeof(rel) - used, "%c%0200d/",
					 (int)('a' + i), 0);
	snprintf(rel + used, sizeof(rel) - used, "r.yaml");
	tmp_write(dir, rel, "- {id: a, kind: t}\n- {id: a, kind: t}\n");
	assert_int_equal(kb_open(&kb, dir, NULL, &err), KB_ESTRUCT);
	snprintf(want, sizeof(want), "%s/%s", dir, rel);
	assert_true(strlen(want) > 1024);
	assert_string_equal(err.file, want);
	assert_int_equal(err.line, 2);
	/* the first place too */
	assert_non_null(strstr(err.message, want));
	kb_error_free(&err);
	tmp_free(dir);
}

/* ---- lookups hashed, and no table of a fixed size (findings 8, 9) ---------- */

/* An enum of 1000 values and 1000 records holding them: each value was
 * compared with the values one by one. */
static void enum_values_hashed(void **state)
{
	struct buf s = { NULL, 0, 0 }, r = { NULL, 0, 0 };
	struct diagv v;
	struct kb *kb;
	size_t i, before;

	(void)state;
	bprintf(&s, "kinds:\n  t:\n    fields:\n      e: {type: enum, values: [");
	for (i = 0; i < 1000; i++)
		bprintf(&s, "%sv%zu", i ? ", " : "", i);
	bprintf(&s, "]}\n");
	for (i = 0; i < 1000; i++)
		bprintf(&r, "- {id: r%zu, kind: t, e: v%zu}\n", i, i);
	kb = open2(s.s, r.s);
	before = kb_work.lookup_probes;
	v = validate(kb);
	assert_int_equal(v.n, 0);
	assert_int_equal(matches(kb, "e=v999", NULL), 1);
	assert_true(kb_work.lookup_probes - before <= 32 * 1000);
	assert_int_equal(kb_enum_index(kb_kind_field(kb_kind_find(kb, "t"), "e"),
				       "v512", 4), 512);
	kb_free(kb);
	free(s.s);
	free(r.s);
}

/* 600 kinds, one field each, and a kind of 1000 fields: no kind or field
 * beyond a table's end is dropped (a query on the 600th kind's field is
 * no "unknown field"), and each is found by hashing. */
static void many_kinds_and_fields(void **state)
{
	struct buf s = { NULL, 0, 0 }, r = { NULL, 0, 0 };
	struct diagv v;
	struct kb *kb;
	size_t i, before;

	(void)state;
	bprintf(&s, "kinds:\n");
	for (i = 0; i < 600; i++) {
		bprintf(&s, "  k%zu:\n    fields:\n      f%zu: {type: string}\n",
			i, i);
		bprintf(&r, "- {id: r%zu, kind: k%zu, f%zu: x}\n", i, i, i);
	}
	bprintf(&s, "  wide:\n    fields:\n");
	bprintf(&r, "- id: wide\n  kind: wide\n");
	for (i = 0; i < 1000; i++) {
		bprintf(&s, "      w%zu: {type: string}\n", i);
		bprintf(&r, "  w%zu: x\n", i);
	}
	kb = open2(s.s, r.s);
	before = kb_work.lookup_probes;
	v = validate(kb);
	assert_int_equal(v.n, 0);
	assert_int_equal(matches(kb, "f599=x", NULL), 1);
	assert_true(kb_work.lookup_probes - before <= 32 * 1600);
	kb_free(kb);
	free(s.s);
	free(r.s);
}

/* ---- smaller (finding 10) ---------------------------------------------------- */

/* A NUL in a value, a key or the schema is an error at its position:
 * "a\0x" and "a\0y" were the same id. */
static void nul_is_an_error(void **state)
{
	struct kb_error e;
	struct kb *kb;

	(void)state;
	assert_int_equal(load1("- {id: \"a\\0x\", kind: t}\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 8, "a NUL byte (\\0) in a value");
	assert_int_equal(load1("- {id: a, kind: t, r: [x, \"us\\0junk\"]}\n", &e),
			 KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 27, "a NUL byte (\\0) in a value");
	assert_int_equal(load1("- {id: a, kind: t, \"k\\0\": x}\n", &e), KB_ESTRUCT);
	assert_error(&e, KB_ESTRUCT, "t.yaml", 1, 20, "a NUL byte (\\0) in a key");
	kb = kbm(&e, "kb/schema.yaml", "kinds:\n  t:\n    fields:\n"
		 "      e: {type: enum, values: [a, \"b\\0c\"]}\n", NULL);
	assert_null(kb);
	assert_error(&e, KB_ESCHEMA, "kb/schema.yaml", 4, 35,
		     "a NUL byte (\\0) in a scalar");
	/* "\x01" and "\x1b" are values like any other */
	assert_int_equal(load1("- {id: a, kind: t, v: \"x\\x1b[31m\\x01\"}\n", &e), 0);
}

static void ints_of_64_bits(void **state)
{
	long long n;

	(void)state;
	assert_true(kb_int_parse("1000000000000000000", 19, &n));
	assert_true(n == 1000000000000000000LL);
	assert_true(kb_int_parse("9223372036854775807", 19, &n));
	assert_true(n == LLONG_MAX);
	assert_true(kb_int_parse("-9223372036854775808", 20, &n));
	assert_true(n == LLONG_MIN);
	assert_true(kb_int_parse("+7", 2, &n) && n == 7);
	assert_false(kb_int_parse("9223372036854775808", 19, &n));
	assert_false(kb_int_parse("-9223372036854775809", 20, &n));
	assert_false(kb_int_parse("99999999999999999999", 20, &n));
	assert_false(kb_int_parse(" 5", 2, &n));
	assert_false(kb_int_parse("0x10", 4, &n));
	assert_false(kb_int_parse("-", 1, &n));
	assert_false(kb_int_parse("", 0, &n));
}

/* 10,000 words of `id?` compiled and matched on a 256 KiB stack: the
 * depth of recursion does not grow with the words (it did, one frame per
 * `and`, and a 512 KiB stack overflowed). */
struct words_run {
	struct kb *kb;
	int compiled, matched;
};

static void *run_words(void *arg)
{
	struct words_run *w = arg;
	const char **words = malloc(KB_MAX_WORDS * sizeof(*words));
	struct kb_error err;
	struct kb_query *q;
	size_t i;

	if (!words)
		return NULL;
	for (i = 0; i < KB_MAX_WORDS; i++)
		words[i] = "id?";
	w->compiled = kb_query_compile(&q, w->kb, words, KB_MAX_WORDS, NULL, 0,
				       0, NULL, &err);
	if (!w->compiled) {
		w->matched = kb_query_match(q, kb_at(w->kb, 0), &err);
		kb_query_free(q);
	} else {
		kb_error_free(&err);
	}
	free(words);
	return NULL;
}

static void ten_thousand_words_small_stack(void **state)
{
	struct words_run w = { NULL, -1, -1 };
	pthread_attr_t attr;
	pthread_t t;

	(void)state;
	w.kb = kbm_ok("t.yaml", "- {id: a, kind: t}\n", NULL);
	assert_int_equal(pthread_attr_init(&attr), 0);
	assert_int_equal(pthread_attr_setstacksize(&attr, (size_t)256 << 10), 0);
	assert_int_equal(pthread_create(&t, &attr, run_words, &w), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	pthread_attr_destroy(&attr);
	assert_int_equal(w.compiled, 0);
	assert_int_equal(w.matched, 1);
	kb_free(w.kb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dangling_refs_bounded),
		cmocka_unit_test(short_dangling_refs_bounded),
		cmocka_unit_test(long_keys_bounded),
		cmocka_unit_test(long_enum_value_bounded),
		cmocka_unit_test(alias_budget_per_kb),
		cmocka_unit_test(pattern_limit_is_an_error),
		cmocka_unit_test(query_regex_bounded),
		cmocka_unit_test(honest_patterns_answer),
		cmocka_unit_test(directories_hashed),
		cmocka_unit_test(symlinked_directory_named_first),
		cmocka_unit_test(path_beyond_path_max),
		cmocka_unit_test(long_file_name_whole),
		cmocka_unit_test(enum_values_hashed),
		cmocka_unit_test(many_kinds_and_fields),
		cmocka_unit_test(nul_is_an_error),
		cmocka_unit_test(ints_of_64_bits),
		cmocka_unit_test(ten_thousand_words_small_stack),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
