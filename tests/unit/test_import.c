/* Tests of import: walking a directory tree, failures that are reported and
 * counted, re-import, interruption and batched commits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/import.h"
#include "juan/store.h"
#include "db/store_private.h"
#include "util.h"

struct import_fixture {
	char dir[64];
	char docs[96];
	char db[96];
	struct store *s;
};

static int
setup(void **state)
{
	struct import_fixture *f = calloc(1, sizeof(*f));

	if (!f || test_dir_make("import", f->dir, sizeof(f->dir)) != 0)
		return -1;
	snprintf(f->docs, sizeof(f->docs), "%s/docs", f->dir);
	if (mkdir(f->docs, 0755) != 0 ||
	    test_store_open(f->dir, "juan.db", f->db, sizeof(f->db),
			    &f->s) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct import_fixture *f = *state;

	store_close(&f->s);
	if (test_dir_remove(f->dir) != 0)
		return -1;
	free(f);
	return 0;
}

/* Writes len bytes of data (len 0: strlen) to docs/name, making its
 * directory. */
static void
write_doc(const struct import_fixture *f, const char *name, const char *data,
	  size_t len)
{
	char path[256], *slash;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", f->docs, name);
	slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0755);
	*slash = '/';
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len ? len : strlen(data), fp),
			 len ? len : strlen(data));
	fclose(fp);
}

static void
link_doc(const struct import_fixture *f, const char *target, const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", f->docs, name);
	assert_int_equal(symlink(target, path), 0);
}

struct seen {
	char errors[16][256];
	size_t nerrors;
	struct import_progress last;
	size_t calls;
	size_t stop_after;        /* set *stop after this many files */
	volatile sig_atomic_t stop;
	const char *db;           /* count committed documents here */
	size_t check_at;          /* … after this many files */
	int64_t committed;
	int workers;              /* import_ops.workers */
};

static int64_t
committed_docs(const char *db_path)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int64_t n = -1;

	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1,
			       &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return n;
}

static void
on_progress(const struct import_progress *p, void *ctx)
{
	struct seen *seen = ctx;

	assert_true(p->files_done <= p->files_total);
	assert_true(p->bytes_done <= p->bytes_total);
	assert_true(p->files_done == seen->last.files_done + 1);
	seen->last = *p;
	seen->calls++;
	if (seen->stop_after && p->files_done == seen->stop_after)
		seen->stop = 1;
	if (seen->check_at && p->files_done == seen->check_at)
		seen->committed = committed_docs(seen->db);
}

static void
on_error(const char *path, const char *msg, void *ctx)
{
	struct seen *seen = ctx;
	const char *base = strrchr(path, '/');

	assert_true(seen->nerrors < 16);
	snprintf(seen->errors[seen->nerrors++], sizeof(seen->errors[0]),
		 "%s: %s", base ? base + 1 : path, msg);
}

static enum juan_status
run_import(struct import_fixture *f, const char *path, struct seen *seen,
	   struct import_counts *counts)
{
	struct import_ops ops = {.progress = on_progress, .error = on_error,
				.ctx = seen, .stop = &seen->stop,
				.workers = seen->workers};
	const char *paths[] = {path ? path : f->docs};

	memset(counts, 0, sizeof(*counts));
	memset(&seen->last, 0, sizeof(seen->last));
	seen->nerrors = 0;
	seen->calls = 0;
	return import_paths(f->s, paths, 1, &ops, counts);
}

static bool
has_error(const struct seen *seen, const char *text)
{
	size_t i;

	for (i = 0; i < seen->nerrors; i++)
		if (strstr(seen->errors[i], text))
			return true;
	return false;
}

static const char notice[] =
	"关于做好2024年义务教育招生入学工作的通知\n各区教育局：\n"
	"一、总体要求\n坚持公平公正。\n";
static const char opinion[] =
	"关于加强中小学科学教育的实施意见\n一、工作目标\n到2025年，"
	"科学教育质量明显提升。\n";
static const char plan[] =
	"2024年教育工作要点\n一、加强党的建设\n二、推进教育改革\n";
static const char outline[] = "学前教育发展规划\n（一）扩大普惠资源\n";

/* A tree with four documents to import, files to skip, and three that
 * fail: a binary, a broken link and a symbolic link loop. */
static void
make_tree(struct import_fixture *f)
{
	write_doc(f, "通知.txt", notice, 0);
	write_doc(f, "2024/意见.TXT", opinion, 0);
	write_doc(f, "2024/要点", plan, 0);
	write_doc(f, "2024/深/规划.txt", outline, 0);
	write_doc(f, "图片.png", "\x89PNG\r\n\x1a\n", 8);
	write_doc(f, "说明.md", "# 说明\n", 0);
	write_doc(f, ".隐藏.txt", notice, 0);
	write_doc(f, "数据.txt", "abcdefghijkl\0\x01\x02", 15);
	link_doc(f, "不存在.txt", "断开.txt");
	link_doc(f, "..", "2024/深/循环");
}

static void
test_import_tree(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	long total, tagged;
	struct stat st;
	uint64_t bytes = 0;
	const char *sizes[] = {"通知.txt", "2024/意见.TXT", "2024/要点",
			       "2024/深/规划.txt", "数据.txt"};
	char path[256];
	size_t i;

	make_tree(f);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", f->docs, sizes[i]);
		assert_int_equal(stat(path, &st), 0);
		bytes += (uint64_t)st.st_size;
	}
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 4);
	assert_int_equal(c.updated, 0);
	assert_int_equal(c.unchanged, 0);
	assert_int_equal(c.failed, 3);
	assert_int_equal(seen.nerrors, 3);
	assert_true(has_error(&seen, "数据.txt: not a text document (NUL "
			      "byte at offset 12)"));
	assert_true(has_error(&seen, "断开.txt: cannot read: broken symbolic "
			      "link"));
	assert_true(has_error(&seen, "循环: symbolic link loop"));
	assert_int_equal(seen.calls, 7);
	assert_int_equal(seen.last.files_done, 7);
	assert_int_equal(seen.last.files_total, 7);
	assert_int_equal(seen.last.bytes_done, bytes);
	assert_int_equal(seen.last.bytes_total, bytes);
	assert_true(seen.last.elapsed >= 0);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 4);
	/* the index the import made with the tokens it replayed is the one
	 * FTS5 makes from the stored text */
	assert_int_equal(sqlite3_exec(f->s->db, "INSERT INTO doc_fts(doc_fts,"
				      " rank) VALUES('integrity-check', 1)",
				      NULL, NULL, NULL), SQLITE_OK);

	/* again: nothing changes */
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 0);
	assert_int_equal(c.unchanged, 4);
	assert_int_equal(c.failed, 3);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 4);
}

struct find_ctx {
	const char *title;
	struct doc_info found;
	int hits;
};

static int
find_title(const struct doc_info *info, void *ctx)
{
	struct find_ctx *c = ctx;

	if (strstr(info->title, c->title)) {
		c->hits++;
		c->found.id = info->id;
		c->found.path = strdup(info->path);
	}
	return 0;
}

static void
test_stored_paths(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	struct find_ctx find = {"科学教育", {0}, 0};
	char rel[128], cwd[512], expect[512];

	write_doc(f, "2024/意见.txt", opinion, 0);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(f->dir), 0);
	snprintf(rel, sizeof(rel), "docs/../docs/2024");
	assert_int_equal(run_import(f, rel, &seen, &c), JUAN_OK);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(c.imported, 1);
	assert_int_equal(store_list(f->s, NULL, find_title, &find), JUAN_OK);
	assert_int_equal(find.hits, 1);
	/* stored absolute, so that importing from elsewhere finds it */
	assert_non_null(realpath(f->docs, expect));
	strcat(expect, "/2024/意见.txt");
	assert_string_equal(find.found.path, expect);
	free(find.found.path);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.unchanged, 1);
	assert_int_equal(c.imported, 0);
}

static void
test_named_file_and_copies(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	char path[256];
	long total, tagged;

	write_doc(f, "说明.md", notice, 0);
	write_doc(f, "a/通知.txt", notice, 0);
	write_doc(f, "b/通知副本.txt", notice, 0);
	/* a file named explicitly is tried whatever its extension */
	snprintf(path, sizeof(path), "%s/说明.md", f->docs);
	assert_int_equal(run_import(f, path, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 1);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 0);
	assert_int_equal(c.unchanged, 2);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 1);

	snprintf(path, sizeof(path), "%s/没有.txt", f->docs);
	assert_int_equal(run_import(f, path, &seen, &c), JUAN_OK);
	assert_int_equal(c.failed, 1);
	assert_true(has_error(&seen, "没有.txt: cannot read: No such file"));
}

static void
test_update(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	struct find_ctx find = {"（修订）", {0}, 0};
	long total, tagged;

	write_doc(f, "通知.txt", notice, 0);
	write_doc(f, "意见.txt", opinion, 0);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 2);
	write_doc(f, "通知.txt", "关于做好2024年义务教育招生入学工作的通知（修订）"
		  "\n各区教育局：\n", 0);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.updated, 1);
	assert_int_equal(c.unchanged, 1);
	assert_int_equal(c.imported, 0);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 2);
	assert_int_equal(store_list(f->s, NULL, find_title, &find), JUAN_OK);
	assert_int_equal(find.hits, 1);
	free(find.found.path);
}

static void
test_unreadable(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	char path[256];

	if (geteuid() == 0)
		skip(); /* root reads a file of mode 000 */
	write_doc(f, "通知.txt", notice, 0);
	write_doc(f, "锁定.txt", opinion, 0);
	write_doc(f, "锁定目录/要点.txt", plan, 0);
	snprintf(path, sizeof(path), "%s/锁定.txt", f->docs);
	assert_int_equal(chmod(path, 0), 0);
	snprintf(path, sizeof(path), "%s/锁定目录", f->docs);
	assert_int_equal(chmod(path, 0), 0);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 1);
	assert_int_equal(c.failed, 2);
	assert_true(has_error(&seen, "锁定.txt: cannot read: Permission "
			      "denied"));
	assert_true(has_error(&seen, "锁定目录: cannot read directory: "
			      "Permission denied"));
}

/* n small documents, each different, in docs/many/. */
static void
make_many(struct import_fixture *f, int n)
{
	char name[64], text[256];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "many/第%03d号.txt", i);
		snprintf(text, sizeof(text), "关于第%d批试点学校的公示\n"
			 "现将名单公示如下。\n", i);
		write_doc(f, name, text, 0);
	}
}

static void
test_interrupt(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	long total, tagged;

	make_many(f, 30);
	seen.stop_after = 12;
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_EINTR);
	assert_int_equal(c.imported, 12);
	assert_int_equal(seen.calls, 12);
	assert_int_equal(seen.last.files_total, 30);
	/* what was imported is committed: another connection sees it */
	assert_int_equal(committed_docs(f->db), 12);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 12);
	/* stopped before it starts: nothing happens */
	seen.stop_after = 0;
	seen.stop = 1;
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_EINTR);
	assert_int_equal(seen.calls, 0);
	assert_int_equal(c.imported + c.unchanged + c.failed, 0);
	/* running it again finishes the job */
	seen.stop_after = 0;
	seen.stop = 0;
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 18);
	assert_int_equal(c.unchanged, 12);
	assert_int_equal(committed_docs(f->db), 30);
}

static void
test_batches(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};

	make_many(f, 450);
	seen.db = f->db;
	seen.check_at = 420;
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 450);
	/* during the import, whole batches were already committed */
	assert_true(seen.committed >= 400);
	assert_true(seen.committed < 420);
	assert_int_equal(committed_docs(f->db), 450);
}

/* With several workers, which finish files out of order (every third one
 * is 50 times larger), the documents are stored, numbered and reported in
 * the order of the walk, and a file that fails among them fails alone. */
static void
test_workers_keep_order(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char name[64], *text;
	int i, n = 0;

	text = malloc(64 << 10);
	assert_non_null(text);
	for (i = 0; i < 60; i++) {
		int len = snprintf(text, 256, "关于第%d批试点学校的公示\n", i);
		int reps = i % 3 == 0 ? 500 : 10;

		while (reps--)
			len += snprintf(text + len, 128, "现将第%d批名单公示如下。\n",
					i);
		snprintf(name, sizeof(name), "order/%03d.txt", i);
		if (i == 31)
			write_doc(f, name, "abcdefghijkl\0\x01\x02", 15);
		else
			write_doc(f, name, text, (size_t)len);
	}
	free(text);
	seen.workers = 4;
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 59);
	assert_int_equal(c.failed, 1);
	assert_true(has_error(&seen, "031.txt: not a text document"));
	assert_int_equal(sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT path FROM documents"
					    " ORDER BY id", -1, &stmt, NULL),
			 SQLITE_OK);
	for (i = 0; sqlite3_step(stmt) == SQLITE_ROW; i++, n++) {
		const char *path = (const char *)sqlite3_column_text(stmt, 0);

		if (i == 31)
			i++;
		snprintf(name, sizeof(name), "/order/%03d.txt", i);
		assert_non_null(strstr(path, name));
	}
	assert_int_equal(n, 59);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

/* A file whose bytes are not what its size says when read — here a file
 * of /proc, whose size is 0, standing for one written while it is read —
 * is read again, then reported rather than stored in part. */
static void
test_changed_while_read(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	struct stat st;

	assert_int_equal(stat("/proc/self/status", &st), 0);
	assert_int_equal(st.st_size, 0);
	assert_int_equal(run_import(f, "/proc/self/status", &seen, &c),
			 JUAN_OK);
	assert_int_equal(c.imported, 0);
	assert_int_equal(c.failed, 1);
	assert_true(has_error(&seen, "status: changed while it was read"));
}

/* A file with no words in it is no document. */
static void
test_empty(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	long total, tagged;

	write_doc(f, "通知.txt", notice, 0);
	write_doc(f, "空.txt", "", 0);
	write_doc(f, "空白.txt", " \r\n\t\xe3\x80\x80\n", 0);
	write_doc(f, "空白UTF16.txt", "\xff\xfe \x00\n\x00", 6);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 1);
	assert_int_equal(c.failed, 3);
	assert_true(has_error(&seen, "空.txt: not a text document (empty)"));
	assert_true(has_error(&seen, "空白.txt: not a text document (nothing "
			      "but white space)"));
	assert_true(has_error(&seen, "空白UTF16.txt: not a text document "
			      "(nothing but white space)"));
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 1);
}

/* The settings an import changes for its time and must give back. */
static const char *const tuned[] = {
	"PRAGMA cache_size", "PRAGMA temp_store", "PRAGMA wal_autocheckpoint",
};

#define NTUNED (sizeof(tuned) / sizeof(tuned[0]))

static void
read_tuned(struct store *s, int values[NTUNED])
{
	size_t i;

	for (i = 0; i < NTUNED; i++)
		values[i] = (int)test_sql_int(s->db, tuned[i]);
}

static void
assert_tuned(struct store *s, const int before[NTUNED])
{
	size_t i;

	for (i = 0; i < NTUNED; i++)
		assert_int_equal((int)test_sql_int(s->db, tuned[i]), before[i]);
}

/* The bulk-load settings of the connection are its own again afterwards. */
static void
test_settings_restored(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	int before[NTUNED];

	read_tuned(f->s, before);
	write_doc(f, "通知.txt", notice, 0);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_OK);
	assert_int_equal(c.imported, 1);
	assert_tuned(f->s, before);
}

/* An import that cannot start (another process holds the store's write
 * lock) leaves the connection's settings as they were too. */
static void
test_settings_restored_on_failure(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	int before[NTUNED];
	sqlite3 *other;

	read_tuned(f->s, before);
	write_doc(f, "通知.txt", notice, 0);
	assert_int_equal(sqlite3_open(f->db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_busy_timeout(f->s->db, 50);
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_EDB);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_tuned(f->s, before);
}

/* Ctrl-C while the walk finds nothing to import (a tree of scans and
 * spreadsheets, a home directory) stops the walk: it does not go on to the
 * end of the tree first and call that a finished import. */
static void
test_interrupt_walk(void **state)
{
	struct import_fixture *f = *state;
	struct import_counts c;
	struct seen seen = {0};
	char name[64];
	int i;

	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "扫描件/第%02d页.png", i);
		write_doc(f, name, "\x89PNG\r\n\x1a\n", 8);
	}
	seen.stop = 1;
	assert_int_equal(run_import(f, NULL, &seen, &c), JUAN_EINTR);
	assert_int_equal(seen.calls, 0);
	assert_int_equal(c.imported + c.unchanged + c.failed, 0);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_import_tree),
		T(test_stored_paths),
		T(test_named_file_and_copies),
		T(test_update),
		T(test_unreadable),
		T(test_interrupt),
		T(test_batches),
		T(test_workers_keep_order),
		T(test_changed_while_read),
		T(test_empty),
		T(test_settings_restored),
		T(test_settings_restored_on_failure),
		T(test_interrupt_walk),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
