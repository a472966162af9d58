/* util: temporary directories and stores for the cmocka tests. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "juan/parse.h"
#include "juan/store.h"
#include "juan/themes.h"
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

struct fixture *
fixture_notices(const char *name, int n)
{
	struct fixture *f = fixture_new(name, "juan.db");
	char text[512], path[160];
	struct doc *d = NULL;
	size_t len;
	int i;

	if (f == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		len = (size_t)snprintf(text, sizeof(text),
				       "关于第%d号事项的通知\n\n"
				       "一、总体要求\n各地区各部门要认真贯彻落实。\n"
				       "二、工作安排\n第%d号事项按期完成。\n", i, i);
		snprintf(path, sizeof(path), "/docs/%03d.txt", i);
		if (doc_parse(text, len, &d) != JUAN_OK ||
		    store_put(f->s, path, text, len, d, NULL, NULL) != JUAN_OK) {
			doc_free(&d);
			fixture_free(f);
			return NULL;
		}
		doc_free(&d);
	}
	snprintf(path, sizeof(path), "%s/config", f->dir);
	setenv("XDG_CONFIG_HOME", path, 1);
	return f;
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

int
test_sql(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *err = NULL;
	int rc = -1;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		fprintf(stderr, "test_sql: %s: %s\n", path, sqlite3_errmsg(db));
	else if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fprintf(stderr, "test_sql: %s: %s\n", path, err);
	else
		rc = 0;
	sqlite3_free(err);
	sqlite3_close(db);
	return rc;
}

int64_t
test_theme_id(struct store *s, const char *name)
{
	int64_t id = 0;

	if (store_theme_find(s, 0, name, &id) != JUAN_OK) {
		fprintf(stderr, "test_theme_id: %s: %s\n", name,
			store_error(s));
		return 0;
	}
	return id;
}

int64_t
test_sql_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int64_t v = INT64_MIN;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	else
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return v;
}
