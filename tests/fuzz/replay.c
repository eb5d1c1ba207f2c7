/*
 * replay.c - a main() for the fuzz targets without libFuzzer: runs
 * LLVMFuzzerTestOneInput once on every file named, or on every file in a
 * directory named, so that the crash regressions and the seeds are checked
 * in every build (plain, sanitizers, valgrind) and not only with clang.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "readfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	size_t n;
	char *buf = test_read_file(path, &n), *p;

	if (!buf) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		return -1;
	}
	/* An exact-size copy, so that ASan sees a read past the input. */
	p = malloc(n ? n : 1);
	if (!p) {
		free(buf);
		return -1;
	}
	memcpy(p, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput((const uint8_t *)p, n);
	free(p);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of a directory, in name order so that runs are repeatable. */
static int replay_dir(const char *dir, size_t *count)
{
	char **names = NULL, **p;
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	DIR *d = opendir(dir);
	int rc = 0;

	if (!d) {
		fprintf(stderr, "replay: %s: cannot open directory\n", dir);
		return -1;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if (!(p = realloc(names, cap * sizeof(*names)))) {
				rc = -1;
				break;
			}
			names = p;
		}
		if (!(names[n] = malloc(strlen(dir) + strlen(de->d_name) + 2))) {
			rc = -1;
			break;
		}
		sprintf(names[n++], "%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		if (!rc && replay_file(names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	*count += n;
	return rc;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	struct stat st;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			fprintf(stderr, "replay: %s: no such file\n", argv[i]);
			return 1;
		}
		if (S_ISDIR(st.st_mode) ? replay_dir(argv[i], &count) < 0 :
		    (count++, replay_file(argv[i]) < 0))
			return 1;
	}
	printf("replayed %zu inputs\n", count);
	return 0;
}
