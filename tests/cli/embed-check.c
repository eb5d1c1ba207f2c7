/*
 * embed-check.c - cmd/embed.c writes a file's bytes into C that compiles
 * under the strict warnings (a byte over 127 among them) and holds them
 * exactly: compare what was compiled in with the file read now.
 *
 *   embed-check FILE     (the file given to kbq-embed at build time)
 */
#include "kb.h"

#include <stdio.h>
#include <string.h>

extern const struct kb_memfile kbq_embedded_files[];
extern const size_t kbq_embedded_count;

int main(int argc, char **argv)
{
	static char buf[1 << 20];
	size_t n, high = 0, i;
	FILE *fp;

	if (argc != 2 || !(fp = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: embed-check FILE\n");
		return 2;
	}
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	if (kbq_embedded_count != 1 || kbq_embedded_files[0].len != n ||
	    memcmp(kbq_embedded_files[0].data, buf, n) != 0) {
		fprintf(stderr, "FAIL: the embedded bytes differ from %s\n",
			argv[1]);
		return 1;
	}
	for (i = 0; i < n; i++)
		high += (unsigned char)buf[i] > 127;
	if (!high) {
		fprintf(stderr, "FAIL: %s holds no byte over 127\n", argv[1]);
		return 1;
	}
	printf("ok: %zu bytes, %zu of them over 127, embedded exactly\n", n,
	       high);
	return 0;
}
