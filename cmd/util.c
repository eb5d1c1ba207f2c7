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
	fputs("kbq: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void kbq_report(struct kb_error *err, const char *const *words,
		size_t nwords)
{
	size_t i, col = 0, k;

	fflush(stdout);
	if (err->file[0] && err->line)
		fprintf(stderr, "kbq: %s:%u:%u: error: %s\n", err->file, err->line,
			err->col, err->message);
	else if (err->file[0])
		fprintf(stderr, "kbq: %s: error: %s\n", err->file, err->message);
	else
		fprintf(stderr, "kbq: error: %s\n", err->message);
	if (!words || err->word < 0 || (size_t)err->word >= nwords + 1) {
		kb_error_free(err);
		return;
	}
	/* The expression again, with the offending token underlined. */
	fputs("  ", stderr);
	for (i = 0; i < nwords; i++) {
		if ((int)i == err->word)
			col += kbq_width(words[i], err->offset <= strlen(words[i]) ?
					 err->offset : strlen(words[i]));
		else if ((int)i < err->word)
			col += kbq_width(words[i], strlen(words[i])) + 1;
		fprintf(stderr, "%s%s", i ? " " : "", words[i]);
	}
	fputs("\n  ", stderr);
	for (k = 0; k < col; k++)
		fputc(' ', stderr);
	fputc('^', stderr);
	for (k = 1; k < err->span && k < 200; k++)
		fputc('~', stderr);
	fputc('\n', stderr);
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
