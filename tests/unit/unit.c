/* unit.c - see unit.h. */
#define _XOPEN_SOURCE 700
#include "unit.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAXFILES 32

const char unit_schema[] =
	"common:\n"
	"  name:    {type: string, required: true}\n"
	"  aliases: {type: string, list: true}\n"
	"  notes:   {type: text}\n"
	"  tags:    {type: string, list: true}\n"
	"  sources: {type: ref, to: source, list: true}\n"
	"kinds:\n"
	"  actor:\n"
	"    plural: actors\n"
	"    fields:\n"
	"      type:      {type: enum, values: [person, country, government-body], required: true}\n"
	"      country:   {type: ref, to: actor}\n"
	"      member_of: {type: ref, to: actor, list: true}\n"
	"      wikidata:  {type: string, pattern: 'Q[0-9]+'}\n"
	"      born:      {type: date}\n"
	"      seats:     {type: int}\n"
	"  control:\n"
	"    plural: controls\n"
	"    fields:\n"
	"      imposed_by: {type: ref, to: actor, required: true}\n"
	"      since:      {type: date}\n"
	"      until:      {type: date}\n"
	"      items:      {type: string, list: true}\n"
	"  event:\n"
	"    plural: events\n"
	"    fields:\n"
	"      date:   {type: date, required: true}\n"
	"      end:    {type: date}\n"
	"      actors: {type: ref, to: actor, list: true}\n"
	"      about:  {type: ref, list: true}\n"
	"      outlet: {type: ref, to: [actor, source]}\n"
	"  source:\n"
	"    plural: sources\n"
	"    fields:\n"
	"      url:  {type: url}\n"
	"      date: {type: date}\n";

/* An error a helper fills holds the library's copies of its strings: the
 * last one handed out stays valid until the next helper call frees it, so
 * that tests need not free each. */
static struct kb_error last;

static struct kb_error *fresh(void)
{
	kb_error_free(&last);
	return &last;
}

static struct kb *kbm_va(struct kb_error *err, va_list ap)
{
	static struct kb_memfile files[MAXFILES];
	struct kb_error *e = fresh();
	const char *name;
	size_t n = 0;
	struct kb *kb = NULL;

	while ((name = va_arg(ap, const char *))) {
		assert_true(n < MAXFILES);
		files[n].name = name;
		files[n].data = va_arg(ap, const char *);
		files[n].len = strlen(files[n].data);
		n++;
	}
	if (kb_open_mem(&kb, files, n, NULL, e)) {
		assert_null(kb);
		*err = *e;
	}
	return kb;
}

struct kb *kbm(struct kb_error *err, ...)
{
	struct kb *kb;
	va_list ap;

	va_start(ap, err);
	kb = kbm_va(err, ap);
	va_end(ap);
	return kb;
}

struct kb *kbm_ok_at(const char *file, int line, ...)
{
	struct kb_error e;
	struct kb *kb;
	va_list ap;

	va_start(ap, line);
	kb = kbm_va(&e, ap);
	va_end(ap);
	if (!kb) {
		print_error("%s:%u:%u: %s\n", e.file, e.line, e.col, e.message);
		_fail(file, line);
	}
	return kb;
}

int load1(const char *text, struct kb_error *err)
{
	struct kb *kb = kbm(err, "t.yaml", text, NULL);

	if (!kb)
		return err->code;
	kb_free(kb);
	return 0;
}

void assert_error_at(const char *src, int srcline, struct kb_error *e,
		     int code, const char *file, unsigned line, unsigned col,
		     const char *msg)
{
	_assert_string_equal(e->message, msg, src, srcline);
	_assert_int_equal((unsigned)e->code, (unsigned)code, src, srcline);
	_assert_string_equal(e->file, file, src, srcline);
	_assert_int_equal(e->line, line, src, srcline);
	_assert_int_equal(e->col, col, src, srcline);
	if (e->message != last.message)
		kb_error_free(e);
}

char *tmp_new(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = malloc(4096);

	assert_non_null(dir);
	snprintf(dir, 4096, "%s/kbq-unit-XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(dir));
	return dir;
}

void tmp_write(const char *dir, const char *rel, const char *text)
{
	char path[4096], *slash;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	/* make the parent directories of rel */
	for (slash = path + strlen(dir) + 1; (slash = strchr(slash, '/')); slash++) {
		*slash = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST)
			fail_msg("mkdir %s: %s", path, strerror(errno));
		*slash = '/';
	}
	fp = fopen(path, "wb");
	if (!fp)
		fail_msg("cannot write %s: %s", path, strerror(errno));
	fwrite(text, 1, strlen(text), fp);
	assert_int_equal(fclose(fp), 0);
}

static int rm1(const char *path, const struct stat *st, int flag,
	       struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void tmp_free(char *dir)
{
	if (!dir)
		return;
	nftw(dir, rm1, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

struct dbuf {
	char s[65536];
	size_t used;
};

static void collect(const struct kb_diag *d, void *ud)
{
	struct dbuf *b = ud;
	int n;

	n = snprintf(b->s + b->used, sizeof(b->s) - b->used, "%s%s:%u:%u: %s: %s",
		     b->used ? "\n" : "", d->file, (unsigned)d->line,
		     (unsigned)d->col, d->id ? d->id : "-", d->message);
	if (n > 0 && (size_t)n < sizeof(b->s) - b->used)
		b->used += (size_t)n;
}

const char *diags(const struct kb *kb, size_t *count)
{
	static struct dbuf b;
	size_t n;

	b.used = 0;
	b.s[0] = '\0';
	n = kb_validate(kb, collect, &b);
	if (count)
		*count = n;
	return b.s;
}

const char *findv(struct kb *kb, unsigned flags, const char *as_of,
		  const char *kindname, struct kb_error *err,
		  const char *const *words)
{
	static char buf[65536];
	const struct kb_kind *kind = NULL;
	struct kb_query *q;
	struct kb_error *e = fresh();
	size_t n = 0, i, used = 0;
	int rc;

	while (words[n])
		n++;
	if (kindname) {
		kind = kb_kind_find(kb, kindname);
		assert_non_null(kind);
	}
	if (kb_query_compile(&q, kb, words, n, kind ? &kind : NULL,
			     kind ? 1 : 0, flags, as_of, e)) {
		assert_null(q);
		if (err)
			*err = *e;
		return "ERROR";
	}
	buf[0] = '\0';
	for (i = 0; i < kb_count(kb); i++) {
		const struct kb_record *r = kb_at(kb, i);
		/* as a listing command does: the kinds restrict the records
		 * as well as the names */
		if (kind && strcmp(r->kind, kind->name))
			continue;
		rc = kb_query_match(q, r, e);
		if (rc < 0) {
			kb_query_free(q);
			if (err)
				*err = *e;
			return "EMATCH";
		}
		if (rc && used + strlen(r->id) + 2 < sizeof(buf))
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
						 "%s%s", used ? " " : "", r->id);
	}
	kb_query_free(q);
	return buf;
}
