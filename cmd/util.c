/* util.c - allocation that aborts, diagnostics, and exit status. */
#include "kbq.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
	fputs("kbq: error: out of memory\n", stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1)))
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		oom();
	return p;
}

void kbq_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	/* the message quotes words from the KB or the command line: one
	 * line, escaped as every diagnostic is */
	fputs("kbq: error: ", stderr);
	va_start(ap, fmt);
	kbq_esc_vprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void kbq_underline(const char *const *words, size_t nwords, size_t word,
		   size_t offset, size_t span)
{
	size_t i, col = 0, k;

	/* the column and span count the words as they are shown, escaped */
	fputs("  ", stderr);
	for (i = 0; i < nwords; i++) {
		size_t len = strlen(words[i]), el;
		char *e;

		if (i == word) {
			size_t off = offset <= len ? offset : len;
			e = kbq_esc_dup(words[i], off, &el);
			col += kbq_width(e, el);
			free(e);
			e = kbq_esc_dup(words[i] + off,
					span <= len - off ? span : len - off, &el);
			if (kbq_width(e, el))
				span = kbq_width(e, el);
			free(e);
		}
		e = kbq_esc_dup(words[i], len, &el);
		if (i < word)
			col += kbq_width(e, el) + 1;
		fprintf(stderr, "%s%s", i ? " " : "", e);
		free(e);
	}
	fputs("\n  ", stderr);
	for (k = 0; k < col; k++)
		fputc(' ', stderr);
	fputc('^', stderr);
	for (k = 1; k < span && k < 200; k++)
		fputc('~', stderr);
	fputc('\n', stderr);
}

void kbq_report(struct kb_error *err, const char *const *words,
		size_t nwords)
{
	fflush(stdout);
	fputs("kbq: ", stderr);
	if (err->file[0]) {
		kbq_esc_puts(stderr, err->file);
		if (err->line)
			fprintf(stderr, ":%u:%u", err->line, err->col);
		fputs(": ", stderr);
	}
	fputs("error: ", stderr);
	kbq_esc_puts(stderr, err->message);
	fputc('\n', stderr);
	/* The expression again, with the offending token underlined. */
	if (words && err->word >= 0 && (size_t)err->word < nwords + 1)
		kbq_underline(words, nwords, (size_t)err->word, err->offset,
			      err->span);
	kb_error_free(err);
}

int kbq_finish(int status)
{
	/* A full disk or a closed pipe must not look like success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			fprintf(stderr, "kbq: error: write error: %s\n",
				strerror(errno));
		return 2;
	}
	return status;
}

const char *kbq_c(bool on, const char *code)
{
	return on ? code : "";
}
