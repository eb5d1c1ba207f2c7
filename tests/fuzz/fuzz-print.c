/*
 * fuzz-print.c - libFuzzer target for everything kbq prints for people
 * (SPEC 5): the input is one KB file; kbq itself (cmd/, its main renamed
 * kbq_main) runs one of its human-readable commands on it in a child
 * process, and the standard output and error together must hold no
 * control character but the line feeds that end lines, no DEL, no C1
 * control, no U+2028/2029, no bidi control and no byte that is not UTF-8.
 * A child that dies of a signal, or exits with a status above 2, is a
 * finding too.  The command is picked by the input's first byte.
 */
#define _POSIX_C_SOURCE 200809L
#include "kb.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int kbq_main(int argc, char **argv);

/* The id of the first record of the KB, raw, for `show`; NULL if none. */
static char *first_id(const uint8_t *data, size_t size)
{
	struct kb_memfile f = { "in.yaml", (const char *)data, size };
	struct kb *kb;
	char *id = NULL;

	if (kb_open_mem(&kb, &f, 1, NULL, NULL) == 0 && kb_count(kb))
		id = strdup(kb_at(kb, 0)->id);
	kb_free(kb);
	return id;
}

/* Length of the well-formed UTF-8 sequence at s and its code point; 0 when
 * s starts none. */
static size_t utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, *cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, *cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF))) ||
	    (len == 4 && (*cp < 0x10000 || *cp > 0x10FFFF)) ||
	    (len == 2 && *cp < 0x80))
		return 0;
	return len;
}

static void check(const unsigned char *out, size_t n, const char *cmd)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (!(len = utf8(out + i, n - i, &cp))) {
			fprintf(stderr, "fuzz-print: '%s' wrote a byte 0x%02x that is "
				"not UTF-8 at %zu\n", cmd, out[i], i);
			abort();
		}
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
		    cp == 0x2028 || cp == 0x2029 || cp == 0x061C ||
		    cp == 0x200E || cp == 0x200F ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069)) {
			fprintf(stderr, "fuzz-print: '%s' wrote U+%04X raw at %zu\n",
				cmd, (unsigned)cp, i);
			abort();
		}
		i += len;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	const char *words[12];
	char *argv[12], *id = NULL, *out = NULL;
	size_t n = 0, cap = 0;
	int argc = 0, fd[2], status;
	unsigned pick = size ? data[0] % 9 : 0;
	struct pollfd pfd;
	FILE *fp;
	pid_t pid;

	if (!path[0])
		snprintf(path, sizeof(path), "/tmp/kbq-fuzz-print-%ld.yaml",
			 (long)getpid());
	if (!(fp = fopen(path, "wb")))
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	words[argc++] = "kbq";
	words[argc++] = "--color=never";
	words[argc++] = "--kb";
	words[argc++] = path;
	switch (pick) {
	case 0: words[argc++] = "find"; break;
	case 1: words[argc++] = "find"; words[argc++] = "-o"; words[argc++] = "id";
		break;
	case 2:
		words[argc++] = "show";
		words[argc++] = (id = first_id(data, size)) ? id : "x";
		break;
	case 3: words[argc++] = "grep"; words[argc++] = "."; break;
	case 4: words[argc++] = "timeline"; break;
	case 5: words[argc++] = "stats"; break;
	case 6: words[argc++] = "schema"; words[argc++] = "--list=fields"; break;
	case 7: words[argc++] = "validate"; break;
	default:
		words[argc++] = "find";
		words[argc++] = "--fields";
		words[argc++] = "id,kind,name,link.name";
		break;
	}
	for (status = 0; status < argc; status++)
		if (!(argv[status] = strdup(words[status])))
			abort();
	argv[argc] = NULL;
	if (pipe(fd) < 0)
		abort();
	fflush(NULL);
	if ((pid = fork()) < 0)
		abort();
	if (pid == 0) {
		/* stdout and stderr into one pipe, as a terminal shows them */
		dup2(fd[1], 1);
		dup2(fd[1], 2);
		close(fd[0]);
		close(fd[1]);
		unsetenv("KBQ_KB");
		status = kbq_main(argc, argv);
		fflush(NULL);
		_exit(status);
	}
	close(fd[1]);
	pfd.fd = fd[0];
	pfd.events = POLLIN;
	/* Read until the child closes its end.  libFuzzer's -timeout timer
	 * interrupts poll and read (EINTR): that is no reason to stop
	 * reading, which would kill the child with SIGPIPE.  A child that
	 * hangs is libFuzzer's -timeout finding, not ours. */
	for (;;) {
		ssize_t got;

		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			abort();
		}
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 65536;
			if (!(out = realloc(out, cap)))
				abort();
		}
		if ((got = read(fd[0], out + n, cap - n)) < 0) {
			if (errno == EINTR)
				continue;
			abort();
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			abort();
	if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) > 2)) {
		fprintf(stderr, "fuzz-print: '%s' died (status 0x%x):\n%.*s\n",
			argv[4], (unsigned)status, (int)n, out ? out : "");
		abort();
	}
	check((const unsigned char *)out, n, argv[4]);
	free(out);
	free(id);
	while (argc--)
		free(argv[argc]);
	return 0;
}
