/* Tests of file_write (file.h): the guard by device and inode through any
 * link, a symbolic link's target replaced and the link kept, a directory
 * refused, a long name, a failed fill leaving the old file; and of the
 * store's own checks on each write: deleted or moved (store.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/file.h"
#include "juan/store.h"
#include "util.h"

static int
setup(void **state)
{
	*state = fixture_new("file", "juan.db");
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

static enum juan_status
fill_hello(FILE *out, void *ctx)
{
	(void)ctx;
	fputs("你好\n", out);
	return JUAN_OK;
}

static enum juan_status
fill_fails(FILE *out, void *ctx)
{
	(void)ctx;
	fputs("half", out);
	return JUAN_ENOTFOUND;
}

static void
read_into(const char *path, char *buf, size_t size)
{
	FILE *in = fopen(path, "rb");
	size_t n;

	assert_non_null(in);
	n = fread(buf, 1, size - 1, in);
	buf[n] = '\0';
	fclose(in);
}

static void
put(const char *path, const char *text)
{
	FILE *out = fopen(path, "wb");

	assert_non_null(out);
	fputs(text, out);
	fclose(out);
}

static void
test_guard_by_identity(void **state)
{
	struct fixture *f = *state;
	struct file_guard g = { .n = 0 };
	char kept[160], hard[160], soft[160], err[512], buf[64];

	snprintf(kept, sizeof(kept), "%s/kept.txt", f->dir);
	snprintf(hard, sizeof(hard), "%s/hard.txt", f->dir);
	snprintf(soft, sizeof(soft), "%s/soft.txt", f->dir);
	put(kept, "keep me\n");
	assert_int_equal(link(kept, hard), 0);
	assert_int_equal(symlink("hard.txt", soft), 0);
	file_guard_add(&g, kept);
	file_guard_add(&g, "/no/such/file");
	assert_int_equal(g.n, 1);
	assert_int_equal(file_write(kept, &g, fill_hello, NULL, err,
				    sizeof(err)), JUAN_EGUARDED);
	assert_non_null(strstr(err, kept));
	assert_int_equal(file_write(hard, &g, fill_hello, NULL, err,
				    sizeof(err)), JUAN_EGUARDED);
	assert_int_equal(file_write(soft, &g, fill_hello, NULL, err,
				    sizeof(err)), JUAN_EGUARDED);
	read_into(kept, buf, sizeof(buf));
	assert_string_equal(buf, "keep me\n");
	/* without the guard the link's target, hard.txt, is replaced (a new
	 * file: the hard link to kept.txt is not written through) */
	assert_int_equal(file_write(soft, NULL, fill_hello, NULL, err,
				    sizeof(err)), JUAN_OK);
	read_into(hard, buf, sizeof(buf));
	assert_string_equal(buf, "你好\n");
	read_into(kept, buf, sizeof(buf));
	assert_string_equal(buf, "keep me\n");
}

static void
test_symlink_target_replaced(void **state)
{
	struct fixture *f = *state;
	char target[160], link_path[160], err[512], buf[64], to[64];
	struct stat st;
	ssize_t n;

	snprintf(target, sizeof(target), "%s/target.csv", f->dir);
	snprintf(link_path, sizeof(link_path), "%s/link.csv", f->dir);
	put(target, "old\n");
	assert_int_equal(chmod(target, 0640), 0);
	assert_int_equal(symlink("target.csv", link_path), 0);
	assert_int_equal(file_write(link_path, NULL, fill_hello, NULL, err,
				    sizeof(err)), JUAN_OK);
	assert_int_equal(lstat(link_path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	n = readlink(link_path, to, sizeof(to) - 1);
	assert_true(n > 0);
	to[n] = '\0';
	assert_string_equal(to, "target.csv");
	read_into(target, buf, sizeof(buf));
	assert_string_equal(buf, "你好\n");
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	/* a link to nothing is refused, and nothing is made */
	assert_int_equal(unlink(target), 0);
	assert_int_equal(file_write(link_path, NULL, fill_hello, NULL, err,
				    sizeof(err)), JUAN_EIO);
	assert_non_null(strstr(err, link_path));
	assert_int_equal(stat(target, &st), -1);
}

static void
test_directory_long_name_and_failure(void **state)
{
	struct fixture *f = *state;
	char path[400], err[512], buf[64];

	/* a directory */
	assert_int_equal(file_write(f->dir, NULL, fill_hello, NULL, err,
				    sizeof(err)), JUAN_EIO);
	assert_int_equal(errno, EISDIR);
	assert_non_null(strstr(err, "Is a directory"));
	/* 244 bytes of name: the longest names fit, the temporary one too */
	snprintf(path, sizeof(path), "%s/%0244d", f->dir, 7);
	assert_int_equal(file_write(path, NULL, fill_hello, NULL, err,
				    sizeof(err)), JUAN_OK);
	read_into(path, buf, sizeof(buf));
	assert_string_equal(buf, "你好\n");
	/* a fill that fails leaves the old file and says nothing itself */
	assert_int_equal(file_write(path, NULL, fill_fails, NULL, err,
				    sizeof(err)), JUAN_ENOTFOUND);
	assert_string_equal(err, "");
	read_into(path, buf, sizeof(buf));
	assert_string_equal(buf, "你好\n");
}

/* The store deleted or moved while open: each write fails with JUAN_EGONE
 * and the store says why; a new store at the path is a new store. */
static void
test_store_gone(void **state)
{
	struct fixture *f = *state;
	char moved[160];
	int64_t doc = 0;

	assert_int_equal(store_setting_set(f->s, "k", "v"), JUAN_OK);
	snprintf(moved, sizeof(moved), "%s.moved", f->path);
	assert_int_equal(rename(f->path, moved), 0);
	assert_int_equal(store_setting_set(f->s, "k", "w"), JUAN_EGONE);
	assert_non_null(strstr(store_error(f->s), "deleted or moved"));
	assert_int_equal(store_tag(f->s, 1, 0), JUAN_EGONE);
	assert_int_equal(store_undo(f->s, &doc), JUAN_EGONE);
	assert_int_equal(store_begin(f->s), JUAN_EGONE);
	/* moved back: the same file again, writes work */
	assert_int_equal(rename(moved, f->path), 0);
	assert_int_equal(store_setting_set(f->s, "k", "w"), JUAN_OK);
	/* deleted */
	assert_int_equal(unlink(f->path), 0);
	assert_int_equal(store_setting_set(f->s, "k", "x"), JUAN_EGONE);
}

/* A new store and its -wal and -shm are 0600 whatever the umask allows. */
static void
test_store_private(void **state)
{
	struct fixture *f = *state;
	const char *const suffixes[] = { "", "-wal", "-shm" };
	char path[160];
	struct stat st;
	mode_t old = umask(022);
	size_t i;

	store_close(&f->s);
	snprintf(path, sizeof(path), "%s/new.db", f->dir);
	assert_int_equal(test_store_open(f->dir, "new.db", path,
					 sizeof(path), &f->s), 0);
	umask(old);
	assert_int_equal(store_setting_set(f->s, "k", "v"), JUAN_OK);
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(path, sizeof(path), "%s/new.db%s", f->dir,
			 suffixes[i]);
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_guard_by_identity, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_symlink_target_replaced,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_directory_long_name_and_failure, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_gone, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_store_private, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
