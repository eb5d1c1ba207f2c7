/*
 * fuzz-par.c - libFuzzer target for lib/par.c: one file read by several
 * threads must give what one thread gives.  The input is one KB file,
 * loaded with kb_open_mem by one thread and by three, whole and streamed
 * (also with a callback that stops half-way), against a copy of the
 * library built with KB_PAR_UNIT=64 so that any input of 128 bytes or more
 * is cut into units.  The canonical dumps of tests/unit/kbdump.c must be
 * byte-identical; on a difference the two dumps are printed and the
 * target aborts.
 *
 * One difference is allowed, the one lib/kb.h allows: when a stream ends
 * in a libyaml *reader* error (a byte that is not UTF-8, a control
 * character), one thread may hand fewer records to the callback than three
 * did, because libyaml decodes ahead of the scanner and reports the bad
 * byte before the records just before it (kbdump_reader_prefix).
 */
#include "kb.h"
#include "kbdump.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kbdump one, three;

/* Whole: kb_open_mem's result, then every record. */
static void whole(struct kbdump *d, const struct kb_memfile *f,
		  unsigned threads)
{
	struct kb_open_opts opts = { .threads = threads };

	kbdump_reset(d);
	kbdump_open_mem(d, f, 1, &opts, NULL);
}

/* Streamed: what the callback gets, then the result.  *rc and *err say how
 * it ended. */
static void streamed(struct kbdump *d, const struct kb_memfile *f,
		     unsigned threads, size_t stop_at, int *rc,
		     struct kb_error *err)
{
	struct kb_open_opts opts = { .threads = threads, .stream = true };
	struct kb *kb = NULL;

	kbdump_reset(d);
	kb_error_free(err);	/* the last call's */
	memset(err, 0, sizeof(*err));
	*rc = kb_open_mem(&kb, f, 1, &opts, err);
	if (*rc)
		kbdump_result(d, *rc, err);
	else
		*rc = kbdump_stream(d, kb, stop_at, NULL, err);
	kb_free(kb);
}

static void mismatch(const char *what, const struct kbdump *a,
		     const struct kbdump *b)
{
	char diff[8192];

	kbdump_diff(a->s, b->s, diff, sizeof(diff));
	fprintf(stderr, "fuzz-par: %s: one thread and three differ\n%s\n",
		what, diff);
	abort();
}

static bool equal(const struct kbdump *a, const struct kbdump *b)
{
	return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kb_memfile f = { "kb/in.yaml", (const char *)data, size };
	struct kb_error e1 = { 0 }, e3 = { 0 };
	int rc1, rc3;
	size_t stop;

	if (!one.s) {
		kbdump_init(&one);
		kbdump_init(&three);
	}

	whole(&one, &f, 1);
	whole(&three, &f, 3);
	if (!equal(&one, &three))
		mismatch("whole", &one, &three);

	streamed(&one, &f, 1, 0, &rc1, &e1);
	streamed(&three, &f, 3, 0, &rc3, &e3);
	if (!equal(&one, &three) &&
	    !kbdump_reader_prefix(&one, rc1, &e1, &three, rc3, &e3))
		mismatch("streamed", &one, &three);

	/* a callback that stops at the record half-way through (from the
	 * record count in one thread's dump) */
	{
		const char *p = strstr(one.s, "\nstreamed ");
		size_t n = p ? strtoul(p + 10, NULL, 10) : 0;

		stop = n / 2 + 1;
	}
	streamed(&one, &f, 1, stop, &rc1, &e1);
	streamed(&three, &f, 3, stop, &rc3, &e3);
	if (!equal(&one, &three) &&
	    !kbdump_reader_prefix(&one, rc1, &e1, &three, rc3, &e3))
		mismatch("streamed, stopped half-way", &one, &three);
	kb_error_free(&e1);
	kb_error_free(&e3);
	return 0;
}
