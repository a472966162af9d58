/* util: temporary directories and stores for the cmocka tests. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/store.h"
#include "util.h"

int
test_dir_make(const char *name, char *dir, size_t size)
{
	if ((size_t)snprintf(dir, size, "/tmp/juan-test-%s-XXXXXX", name) >=
	    size || !mkdtemp(dir)) {
		perror("test_dir_make");
		return -1;
	}
	return 0;
}

/* Opens every directory up before the walk reads it: tests make some
 * unreadable on purpose. */
static int
open_up(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	if (type == FTW_D || type == FTW_DNR)
		chmod(path, (st->st_mode & 07777) | S_IRWXU);
	return 0;
}

static int
remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	if (remove(path) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

int
test_dir_remove(const char *dir)
{
	if (nftw(dir, open_up, 16, FTW_PHYS) != 0 ||
	    nftw(dir, remove_one, 16, FTW_PHYS | FTW_DEPTH) != 0)
		return -1;
	return 0;
}

int
test_store_open(const char *dir, const char *relpath, char *path,
		size_t size, struct store **s)
{
	char err[512];

	if ((size_t)snprintf(path, size, "%s/%s", dir, relpath) >= size) {
		fprintf(stderr, "test_store_open: path too long\n");
		return -1;
	}
	if (store_open(path, s, err, sizeof(err)) != JUAN_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

struct fixture *
fixture_new(const char *name, const char *relpath)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	if (test_dir_make(name, f->dir, sizeof(f->dir)) != 0)
		goto fail;
	if (test_store_open(f->dir, relpath, f->path, sizeof(f->path),
			    &f->s) != 0) {
		test_dir_remove(f->dir);
		goto fail;
	}
	return f;
fail:
	free(f);
	return NULL;
}

int
fixture_free(struct fixture *f)
{
	int rc;

	store_close(&f->s);
	rc = test_dir_remove(f->dir);
	free(f);
	return rc;
}
