/*
 * unit.h - helpers shared by the unit tests: KBs from inline YAML (in
 * memory or in a scratch directory), located-error assertions, collected
 * validation diagnostics and query results as strings, so that each test
 * reads as input and expectation side by side.
 */
#ifndef UNIT_H
#define UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kb.h"

/*
 * Open a KB from in-memory files given as name, text pairs ending in NULL.
 * kbm() returns NULL and fills *err on failure; kbm_ok() fails the test
 * then, showing the error.  An error these helpers fill (kbm, load1,
 * findv) lives until the next call of one of them, which frees it.
 */
struct kb *kbm(struct kb_error *err, ...);
#define kbm_ok(...) kbm_ok_at(__FILE__, __LINE__, __VA_ARGS__)
struct kb *kbm_ok_at(const char *file, int line, ...);

/* The loader's verdict on one file "t.yaml" (rc, err filled). */
int load1(const char *text, struct kb_error *err);

/* Assert every field of a located error, reporting the caller's line;
 * then free it, unless a helper above filled it (the helper frees it). */
#define assert_error(e, code, file, line, col, msg) \
	assert_error_at(__FILE__, __LINE__, (e), (code), (file), (line), (col), (msg))
void assert_error_at(const char *src, int srcline, struct kb_error *e,
		     int code, const char *file, unsigned line, unsigned col,
		     const char *msg);

/* A scratch directory, removed again by tmp_free(). */
char *tmp_new(void);
/* Write text to dir/rel, creating the directories on the way. */
void tmp_write(const char *dir, const char *rel, const char *text);
void tmp_free(char *dir);

/*
 * kb_validate()'s diagnostics as "file:line:col: id: message" lines joined
 * by '\n' (the buffer is static: one result at a time).
 */
const char *diags(const struct kb *kb, size_t *count);

/*
 * The ids of the records matching an expression, space-separated, or
 * "ERROR" when it does not compile (the error then in *err if given).
 * The words end in NULL.
 */
#define find(kb, ...) findv((kb), 0, NULL, NULL, NULL, (const char *[]){ __VA_ARGS__, NULL })
const char *findv(struct kb *kb, unsigned flags, const char *as_of,
		  const char *kindname, struct kb_error *err,
		  const char *const *words);

/*
 * A schema in the shape of kb/schema.yaml, small: kinds actor, control,
 * event, source, with a field of every type (see unit.c).
 */
extern const char unit_schema[];

#endif
