/* readfile.h - see readfile.c */
#ifndef KBQ_TEST_READFILE_H
#define KBQ_TEST_READFILE_H

#include <stddef.h>

/* The bytes of the file at path (malloc'd, not NUL-terminated) and their
 * number in *len; NULL when it cannot be read. */
char *test_read_file(const char *path, size_t *len);

#endif
