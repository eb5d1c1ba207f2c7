/*
 * kbdump.h - a canonical text dump of what the library hands out: every
 * record of an opened KB (or every record a kb_stream() callback gets), with
 * its index, id, kind, file and position, every field and every value (text
 * escaped, length, position), and the error of a failed call.  Two loads
 * that must agree (one thread or several, a file or memory) are compared
 * as the bytes of their dumps: a difference shows as a diff of lines.
 *
 * Used by tests/unit/test-par.c and tests/fuzz/fuzz-par.c; needs only
 * kb.h.  Out of memory aborts: these are tests.
 */
#ifndef KBDUMP_H
#define KBDUMP_H

#include <stddef.h>

#include "kb.h"

struct kbdump {
	char *s;		/* NUL-terminated, "" when empty */
	size_t len, cap;
};

void kbdump_init(struct kbdump *d);
void kbdump_free(struct kbdump *d);
void kbdump_reset(struct kbdump *d);
void kbdump_printf(struct kbdump *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* n bytes as a C-like string literal: "..." with \n, \r, \t, \\, \", and
 * \xNN for every other byte outside printable ASCII */
void kbdump_escaped(struct kbdump *d, const char *s, size_t n);

/*
 * One record, as
 *   record INDEX id "ID" kind "KIND" file "FILE" at LINE:COL fields N
 *     field "NAME" at LINE:COL list|scalar count N
 *       value "TEXT" len N at LINE:COL
 * A value whose text is not NUL-terminated at len, or whose strlen differs
 * without a NUL inside, is marked, as is an id that is not the id field's.
 */
void kbdump_record(struct kbdump *d, const struct kb_record *rec);

/* An error: "error CODE FILE:LINE:COL MESSAGE" (code as a name). */
void kbdump_error(struct kbdump *d, const struct kb_error *err);

/* The result of a call: "rc N" then, when rc is not 0, the error. */
void kbdump_result(struct kbdump *d, int rc, const struct kb_error *err);

/*
 * Every record of a KB opened whole, in kb_at() order, then checks of the
 * id index (kb_get() of each id finds its record) and of interning (a
 * field's name and a record's kind are the KB's interned strings).
 */
void kbdump_kb(struct kbdump *d, const struct kb *kb);

/*
 * kb_stream() a KB (opened with opts.stream, or loaded whole: then each
 * record is decoded in passing) and dump each record the callback gets.
 * With stop_at > 0 the callback returns KBDUMP_STOP at that record
 * (1-based), stopping the reading.  Every record whose index is a multiple
 * of 5 is also kept with kb_keep() and dumped again after the stream ends
 * (the copies must have survived).  Ends with the result (kbdump_result);
 * returns kb_stream()'s return, and in *streamed (when not NULL) the number
 * of records the callback got.
 */
#define KBDUMP_STOP 4242
int kbdump_stream(struct kbdump *d, struct kb *kb, size_t stop_at,
		  size_t *streamed, struct kb_error *err);

/*
 * Open a KB from memory (opts as given, stream forced off) and dump it or
 * its error: rc first, then kbdump_kb(), then kbdump_stream() over the KB
 * loaded whole (each record decoded in passing).  Returns kb_open_mem()'s
 * rc; *out
 * (when not NULL) gets the KB, to inspect and free, else it is freed.
 */
int kbdump_open_mem(struct kbdump *d, const struct kb_memfile *files,
		    size_t n, const struct kb_open_opts *opts, struct kb **out);

/*
 * What lib/kb.h allows threads to change: a, a stream by one thread, ended
 * in a libyaml reader error; its records are a prefix of b's, and b ended
 * in the same error, or in the callback's stop (KBDUMP_STOP) having handed
 * on more.  The dumps are kbdump_stream()'s, after one line of their own.
 */
bool kbdump_reader_prefix(const struct kbdump *a, int rca,
			  const struct kb_error *ea, const struct kbdump *b,
			  int rcb, const struct kb_error *eb);

/* The first line where a and b differ, with two lines of context of each,
 * into buf (for a failure message). */
void kbdump_diff(const char *a, const char *b, char *buf, size_t size);

#endif
