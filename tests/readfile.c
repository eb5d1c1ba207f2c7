/*
 * readfile.c - a whole file into memory, for the tests and the fuzz
 * replays that read inputs from disk (test-par, test-yaml-suite, replay).
 */
#include "readfile.h"

#include <stdio.h>
#include <stdlib.h>

char *test_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	size_t cap = 4096, n = 0, r;
	char *buf = malloc(cap), *p;

	if (!fp || !buf) {
		free(buf);
		if (fp)
			fclose(fp);
		return NULL;
	}
	while ((r = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += r;
		if (n == cap) {
			if (!(p = realloc(buf, cap * 2))) {
				free(buf);
				fclose(fp);
				return NULL;
			}
			buf = p;
			cap *= 2;
		}
	}
	if (ferror(fp)) {
		free(buf);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	*len = n;
	return buf;
}
