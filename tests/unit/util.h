/* util: what the cmocka tests of the store share — a temporary directory
 * of their own and a store inside it, removed afterwards.  Not a test:
 * tests/test_*.c are the tests; this file is linked into each of them. */
#ifndef JUAN_TESTS_UTIL_H
#define JUAN_TESTS_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "util_sql.h"

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

/* The fixture of most store tests: a store of its own, dir/relpath, in a
 * new temporary directory dir. */
struct fixture {
	char dir[64];
	char path[128];
	struct store *s;
};

/* A new fixture (free with fixture_free()) for the test NAME with its store
 * at RELPATH inside the directory; NULL, with a message on stderr, when it
 * cannot be made. */
struct fixture *fixture_new(const char *name, const char *relpath);

/* The fixture of the browser's tests: a new fixture for the test NAME
 * whose store holds n short notices, "关于第I号事项的通知" with two
 * sections, read from /docs/III.txt (I from 0), and XDG_CONFIG_HOME set
 * to its directory's config (free with fixture_free()); NULL when it
 * cannot be made. */
struct fixture *fixture_notices(const char *name, int n);

/* Runs sql (statements separated by ';') on the store file at path
 * through a connection of its own, as another program would.  Returns 0,
 * or -1 with SQLite's message on stderr. */
int test_sql(const char *path, const char *sql);

/* The id of the theme called name in s's active scheme; 0, with a message
 * on stderr, when there is none. */
int64_t test_theme_id(struct store *s, const char *name);

/* Closes the store, removes the directory and frees f; 0, or -1. */
int fixture_free(struct fixture *f);

#endif
