/*
 * test-reread.c - a file rewritten while several threads read it (issue
 * 11, finding 7): never records of two versions spliced together.
 *
 * Linked with kb_tinyunits, which cuts every file into units of about 64
 * bytes and calls kb_test_par_read() once the first unit is handed on,
 * while the other units are still to be read: the hook here rewrites the
 * file then.  The records handed on before must be found again by the
 * reading in order that follows (lib/par.c), else the load fails.
 */
#include "unit.h"
#include "kb-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NREC 60

static char *path;		/* the file the hook rewrites */
static const char *rewrite;	/* with this, when not NULL */
static int rewrites;

static void write_file(const char *text)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
}

static void hook(const char *name)
{
	(void)name;
	if (rewrite) {
		/* in place, as an editor that truncates and writes does */
		write_file(rewrite);
		rewrites++;
	}
}

/* NREC records named `word`-N, all of one length; with `alias`, the last
 * one takes its name through an alias, which no unit reads alone: the file
 * is then read again in order whatever happens. */
static char *records(const char *word, bool alias)
{
	size_t cap = NREC * 64 + 64, used = 0, i;
	char *s = malloc(cap);

	assert_non_null(s);
	used += (size_t)snprintf(s + used, cap - used,
				 "- {id: r00, kind: t, name: &n %s-00}\n", word);
	for (i = 1; i < NREC; i++)
		used += (size_t)snprintf(s + used, cap - used,
					 "- {id: r%02zu, kind: t, name: %s-%02zu}\n",
					 i, word, i);
	if (alias)
		used += (size_t)snprintf(s + used, cap - used,
					 "- {id: last, kind: t, name: *n}\n");
	return s;
}

/* Load the file whole with three threads: the verdict. */
static int load(size_t *count, struct kb_error *err, size_t *rereads)
{
	struct kb_open_opts o = { .threads = 3 };
	struct kb *kb;
	int rc;

	rc = kb_open(&kb, path, &o, err);
	if (!rc && count)
		*count = kb_count(kb);
	if (kb && rereads)
		*rereads = kb->par_rereads;
	kb_free(kb);
	return rc;
}

static size_t others;	/* records streamed with a name not of `word` */

static int count_one(const struct kb_record *rec, void *ud)
{
	const struct kb_field *f = kb_record_field(rec, "name");

	others += f && strncmp(f->values[0].text, (const char *)ud, 3);
	return 0;
}

static int stream_all(const char *word, struct kb_error *err)
{
	struct kb_open_opts o = { .threads = 3, .stream = true };
	struct kb *kb;
	int rc;

	if ((rc = kb_open(&kb, path, &o, err)))
		return rc;
	others = 0;
	rc = kb_stream(kb, count_one, kb_unconst(word), err);
	kb_free(kb);
	/* what was streamed before an error is of the version read first:
	 * never the records of two versions, one after the other */
	assert_int_equal(others, 0);
	return rc;
}

static char *dir;

static int setup(void **state)
{
	(void)state;
	dir = tmp_new();
	path = malloc(strlen(dir) + 16);
	assert_non_null(path);
	sprintf(path, "%s/r.yaml", dir);
	kb_test_par_read = hook;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kb_test_par_read = NULL;
	tmp_free(dir);
	free(path);
	return 0;
}

/* The file, of `alias` records (records()), rewritten with new names once
 * its first unit is handed on: loaded whole and streamed, an error. */
static void changed_under_us(bool alias)
{
	char *old = records("old", alias), *new = records("new", alias);
	struct kb_error err;
	int stream;

	for (stream = 0; stream < 2; stream++) {
		write_file(old);
		rewrite = new;
		rewrites = 0;
		assert_int_equal(stream ? stream_all("old", &err) :
			load(NULL, &err, NULL), KB_EIO);
		assert_int_equal(rewrites, 1);
		assert_string_equal(err.file, path);
		assert_non_null(strstr(err.message, "changed while it was read"));
		kb_error_free(&err);
	}
	rewrite = NULL;
	free(old);
	free(new);
}

/* Rewritten while its units are read, every unit parsing: the units read
 * after the rewrite would hold the new names, those before the old. */
static void rewritten_while_read(void **state)
{
	(void)state;
	changed_under_us(false);
}

/* A unit that cannot be read alone (the alias) sends the file back to be
 * read in order: the records passed over there are not those handed on. */
static void reread_finds_another_file(void **state)
{
	(void)state;
	changed_under_us(true);
}

/* The same bytes written again: read again in order, the records found
 * are those handed on, and the load succeeds. */
static void rewritten_the_same(void **state)
{
	char *old = records("old", true), *plain = records("old", false);
	struct kb_error err;
	size_t count = 0, rereads = 0;

	(void)state;
	write_file(plain);
	rewrite = plain;
	assert_int_equal(load(&count, &err, &rereads), 0);
	assert_int_equal(count, NREC);
	assert_int_equal(rereads, 1);	/* its time of change moved */
	assert_int_equal(stream_all("old", &err), 0);
	write_file(old);
	rewrite = old;
	assert_int_equal(load(&count, &err, &rereads), 0);
	assert_int_equal(count, NREC + 1);
	assert_int_equal(stream_all("old", &err), 0);
	rewrite = NULL;
	free(old);
	free(plain);
}

/* Left alone, the file is read by the units only. */
static void untouched(void **state)
{
	char *plain = records("old", false);
	struct kb_error err;
	size_t count = 0, rereads = 1;

	(void)state;
	write_file(plain);
	rewrite = NULL;
	assert_int_equal(load(&count, &err, &rereads), 0);
	assert_int_equal(count, NREC);
	assert_int_equal(rereads, 0);
	free(plain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rewritten_while_read),
		cmocka_unit_test(reread_finds_another_file),
		cmocka_unit_test(rewritten_the_same),
		cmocka_unit_test(untouched),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
