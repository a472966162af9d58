/* util: what the cmocka tests of the store share — a temporary directory
 * of their own and a store inside it, removed afterwards.  Not a test:
 * tests/test_*.c are the tests; this file is linked into each of them. */
#ifndef JUAN_TESTS_UTIL_H
#define JUAN_TESTS_UTIL_H

#include <stddef.h>

struct store;

/* Makes a new directory /tmp/juan-test-NAME-XXXXXX and writes its path into
 * dir[0..size).  Returns 0, or -1 with a message on stderr. */
int test_dir_make(const char *name, char *dir, size_t size);

/* Removes dir and everything under it, unreadable directories included.
 * Returns 0, or -1 with a message on stderr. */
int test_dir_remove(const char *dir);

/* Opens (creating) the store dir/relpath into *s and writes its path into
 * path[0..size).  Returns 0, or -1 with the store's message on stderr. */
int test_store_open(const char *dir, const char *relpath, char *path,
		    size_t size, struct store **s);

#endif
