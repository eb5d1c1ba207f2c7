/*
 * test-collide.c - the id index when ids share a hash.  Linked with a copy
 * of the library whose hash depends on the length alone (KB_TEST_WEAK_HASH),
 * so that every pair of ids of one length collides.  A streamed KB keeps
 * only hashes and confirms a match by reading the KB again (db.c): a
 * collision must not be taken for a duplicate, a real duplicate must still
 * be found and located, and the second reading must not recurse.
 */
#include "unit.h"
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int count(const struct kb_record *rec, void *ud)
{
	(void)rec;
	++*(size_t *)ud;
	return 0;
}

/* Stream `text` as one file, from memory and from disk, with 1 and 2
 * threads; every way gives rc, n records and the same error. */
static void stream_all_ways(const char *text, int want_rc, size_t want_n,
			    const char *want_msg)
{
	struct kb_memfile f = { "kb/t.yaml", text, strlen(text) };
	char dir[] = "/tmp/test-collide-XXXXXX", path[64];
	unsigned threads;
	FILE *fp;
	int disk;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.yaml", dir);
	assert_non_null(fp = fopen(path, "w"));
	assert_int_equal(fwrite(text, 1, f.len, fp), f.len);
	assert_int_equal(fclose(fp), 0);
	for (disk = 0; disk < 2; disk++)
		for (threads = 1; threads <= 2; threads++) {
			struct kb_open_opts o = { .stream = true,
						  .threads = threads,
						  .display = "kb/" };
			struct kb_error err;
			struct kb *kb;
			size_t n = 0;
			int rc;

			memset(&err, 0, sizeof(err));
			assert_int_equal(disk ? kb_open(&kb, dir, &o, &err) :
					 kb_open_mem(&kb, &f, 1, &o, &err), 0);
			rc = kb_stream(kb, count, &n, &err);
			assert_int_equal(rc, want_rc);
			if (want_msg)
				assert_string_equal(err.message, want_msg);
			else
				assert_int_equal(n, want_n);
			kb_error_free(&err);
			/* a second reading of the same KB gives the same */
			n = 0;
			assert_int_equal(kb_stream(kb, count, &n, &err), want_rc);
			kb_error_free(&err);
			if (!want_msg)
				assert_int_equal(n, want_n);
			kb_free(kb);
		}
	unlink(path);
	rmdir(dir);
}

static void collisions_are_not_duplicates(void **state)
{
	(void)state;
	/* a, b, c share a hash; so do r10..r99 */
	stream_all_ways("- {id: a, kind: k}\n- {id: b, kind: k}\n"
			"- {id: c, kind: k}\n", 0, 3, NULL);
	{
		char *t = malloc(64 * 100);
		size_t len = 0, i;

		assert_non_null(t);
		for (i = 10; i < 100; i++)
			len += (size_t)sprintf(t + len, "- {id: r%zu, kind: k}\n", i);
		stream_all_ways(t, 0, 90, NULL);
		free(t);
	}
}

static void duplicates_still_found(void **state)
{
	(void)state;
	stream_all_ways("- {id: a, kind: k}\n- {id: b, kind: k}\n"
			"- {id: a, kind: k}\n", KB_ESTRUCT, 0,
			"duplicate id 'a' (first defined at kb/t.yaml:1:8)");
}

static void loaded_whole(void **state)
{
	struct kb_error err;
	struct kb *kb = kbm_ok("t.yaml", "- {id: a, kind: k}\n- {id: b, kind: k}\n",
			       (char *)NULL);

	(void)state;
	assert_string_equal(kb_get(kb, "b")->id, "b");
	assert_string_equal(kb_get(kb, "a")->id, "a");
	assert_null(kb_get(kb, "c"));
	kb_free(kb);
	assert_null(kbm(&err, "t.yaml", "- {id: a, kind: k}\n- {id: b, kind: k}\n"
			"- {id: a, kind: k}\n", (char *)NULL));
	assert_string_equal(err.message,
			    "duplicate id 'a' (first defined at t.yaml:1:8)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(collisions_are_not_duplicates),
		cmocka_unit_test(duplicates_still_found),
		cmocka_unit_test(loaded_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
