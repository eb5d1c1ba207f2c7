/*
 * strmap-threads.c - two threads look up keys in maps of their own, all
 * empty, as par.c's workers do with their anchors: run under helgrind by
 * valgrind.sh, it must show no race (kb_strmap_find() once handed every
 * empty map the same static slot and wrote it).
 */
#include "kb-int.h"

#include <pthread.h>
#include <stdio.h>

static void *look(void *arg)
{
	struct kb_strmap m = { NULL, 0, 0 };
	size_t i, found = 0;

	(void)arg;
	for (i = 0; i < 1000; i++)
		found += kb_strmap_find(&m, "anchor", 6)->key != NULL;
	return (void *)found;
}

int main(void)
{
	pthread_t t[2];
	void *found[2];
	int i;

	for (i = 0; i < 2; i++)
		if (pthread_create(&t[i], NULL, look, NULL))
			return 2;
	for (i = 0; i < 2; i++)
		pthread_join(t[i], &found[i]);
	if (found[0] || found[1]) {
		fprintf(stderr, "an empty map found a key\n");
		return 1;
	}
	return 0;
}
