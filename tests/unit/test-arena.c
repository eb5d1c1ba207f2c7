/* test-arena.c - the arena allocator and the string map (arena.c). */
#include "unit.h"
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void alloc_aligned_and_distinct(void **state)
{
	struct kb_arena a = { 0 };
	char *p[100];
	size_t i;

	(void)state;
	for (i = 0; i < 100; i++) {
		p[i] = kb_arena_alloc(&a, i + 1);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % 8, 0);
		memset(p[i], (int)i, i + 1);
	}
	/* no allocation overlaps another */
	for (i = 0; i < 100; i++) {
		size_t j;
		for (j = 0; j <= i; j++)
			assert_int_equal((unsigned char)p[i][j], i);
	}
	kb_arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.total, 0);
}

static void alloc_bigger_than_a_block(void **state)
{
	struct kb_arena a = { 0 };
	size_t big = (size_t)1 << 20;
	char *small = kb_arena_alloc(&a, 16), *p;

	(void)state;
	assert_non_null(small);
	p = kb_arena_alloc(&a, big);
	assert_non_null(p);
	memset(p, 'x', big);	/* ASan checks that it is all ours */
	/* later small allocations still work */
	assert_non_null(kb_arena_alloc(&a, 8));
	assert_true(a.total >= big);
	kb_arena_free(&a);
}

static void strndup_copies_and_terminates(void **state)
{
	struct kb_arena a = { 0 };
	const char src[] = "hello world";
	char *s = kb_arena_strndup(&a, src, 5);

	(void)state;
	assert_string_equal(s, "hello");
	assert_ptr_not_equal(s, src);
	s = kb_arena_strndup(&a, "", 0);
	assert_string_equal(s, "");
	kb_arena_free(&a);
}

static void reset_keeps_one_block(void **state)
{
	struct kb_arena a = { 0 };
	size_t i, before;

	(void)state;
	for (i = 0; i < 100; i++)
		assert_non_null(kb_arena_alloc(&a, 4096));
	before = a.total;
	assert_true(before >= 100 * 4096);
	kb_arena_reset(&a);
	assert_non_null(a.head);
	assert_true(a.total < before);
	/* the kept block serves small allocations without growing */
	before = a.total;
	for (i = 0; i < 10; i++)
		assert_non_null(kb_arena_alloc(&a, 64));
	assert_int_equal(a.total, before);
	kb_arena_free(&a);
	kb_arena_reset(&a);	/* an empty arena: nothing to do */
	assert_null(a.head);
}

/* The hash is keyed per process (ids may be hostile): no fixed values to
 * pin, but it is a function, and it tells apart what FNV-1a would not. */
static void hash_is_keyed_function(void **state)
{
	(void)state;
	assert_int_equal(kb_hash("foobar", 6), kb_hash("foobar", 6));
	assert_int_equal(kb_hash("", 0), kb_hash("", 0));
	assert_int_not_equal(kb_hash("a", 1), kb_hash("b", 1));
	assert_int_not_equal(kb_hash("ab", 2), kb_hash("ba", 2));
	assert_int_not_equal(kb_hash("a\0", 2), kb_hash("a", 1));
}

static void strmap_put_find(void **state)
{
	struct kb_strmap m = { 0 };
	const struct kb_strmap_slot *s;
	static char keys[5000][16];
	int vals[5000];
	size_t i;
	bool added;

	(void)state;
	/* an empty map finds nothing */
	s = kb_strmap_find(&m, "x", 1);
	assert_null(s->key);
	assert_null(s->val);
	for (i = 0; i < 5000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "key%zu", i);
		vals[i] = (int)i;
		s = kb_strmap_put(&m, keys[i], strlen(keys[i]), &vals[i], &added);
		assert_non_null(s);
		assert_true(added);
	}
	assert_int_equal(m.count, 5000);
	/* load factor stays under 3/4 */
	assert_true(m.count * 4 <= m.cap * 3);
	for (i = 0; i < 5000; i++) {
		char k[16];
		snprintf(k, sizeof(k), "key%zu", i);	/* another copy */
		s = kb_strmap_find(&m, k, strlen(k));
		assert_ptr_equal(s->key, keys[i]);
		assert_ptr_equal(s->val, &vals[i]);
	}
	/* a second put returns the existing slot, unchanged */
	s = kb_strmap_put(&m, "key7", 4, &vals[0], &added);
	assert_false(added);
	assert_ptr_equal(s->val, &vals[7]);
	assert_int_equal(m.count, 5000);
	/* the length counts: a prefix is another key */
	assert_null(kb_strmap_find(&m, "key7", 3)->key);
	assert_null(kb_strmap_find(&m, "key50000", 8)->key);
	kb_strmap_free(&m);
	assert_null(m.slots);
	assert_int_equal(m.cap, 0);
}

static void strmap_keys_with_nul(void **state)
{
	struct kb_strmap m = { 0 };
	bool added;
	int a = 1, b = 2;

	(void)state;
	kb_strmap_put(&m, "a\0b", 3, &a, &added);
	kb_strmap_put(&m, "a\0c", 3, &b, &added);
	assert_true(added);
	assert_ptr_equal(kb_strmap_find(&m, "a\0b", 3)->val, &a);
	assert_ptr_equal(kb_strmap_find(&m, "a\0c", 3)->val, &b);
	kb_strmap_free(&m);
}

static void intern_gives_one_pointer(void **state)
{
	struct kb *kb = kbm_ok("a.yaml", "id: a\nkind: k\ntitle: x\n", NULL);
	const char *t1, *t2;
	char buf[] = "title";

	(void)state;
	t1 = kb_name(kb, "title");
	assert_non_null(t1);
	t2 = kb_intern(kb, buf, 5);
	assert_ptr_equal(t1, t2);
	assert_ptr_equal(kb_record_field(kb_at(kb, 0), buf)->name, t1);
	assert_null(kb_name(kb, "nosuch"));
	t2 = kb_intern(kb, "nosuch", 6);
	assert_ptr_equal(kb_name(kb, "nosuch"), t2);
	kb_free(kb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc_aligned_and_distinct),
		cmocka_unit_test(alloc_bigger_than_a_block),
		cmocka_unit_test(strndup_copies_and_terminates),
		cmocka_unit_test(reset_keeps_one_block),
		cmocka_unit_test(hash_is_keyed_function),
		cmocka_unit_test(strmap_put_find),
		cmocka_unit_test(strmap_keys_with_nul),
		cmocka_unit_test(intern_gives_one_pointer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
