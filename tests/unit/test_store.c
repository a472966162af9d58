/* Tests of the store: opening and migrating, documents, lists, tags and
 * their history, settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/pack.h"
#include "juan/store.h"
#include "juan/themes.h"
#include "search/search_private.h"
#include "db/store_private.h"
#include "util.h"

static int
setup(void **state)
{
	*state = fixture_new("store", "sub/dir/juan.db");
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

static void
reopen(struct fixture *f)
{
	char err[256];

	store_close(&f->s);
	assert_null(f->s);
	if (store_open(f->path, &f->s, err, sizeof(err)) != JUAN_OK)
		fail_msg("%s", err);
}

/* A raw connection to the store's file, with the tokenizer and the text
 * functions, for looking behind the API. */
static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(pack_register(db), SQLITE_OK);
	assert_int_equal(search_register(db), SQLITE_OK);
	return db;
}

static int64_t
raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* The FTS index is consistent (its own structure; SQLite before 3.44 does
 * not compare an external-content index with its content). */
static void
assert_index_ok(const char *path)
{
	sqlite3 *db = raw_open(path);

	assert_int_equal(sqlite3_exec(db, "INSERT INTO doc_fts(doc_fts)"
				      " VALUES('integrity-check')", NULL,
				      NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* A parsed document: head + body + tail, and the sections the parser
 * finds (the store does not keep them: it parses the text again). */
struct sample {
	const char *head;
	const char *body;
	const char *tail;
	struct doc_meta meta;
	struct section sections[4];
	size_t nsections;
};

static const struct sample notice = {
	"首页 > 政策文件\n",
	"关于做好2024年义务教育招生入学工作的通知\n"
	"各区教育局：\n一、总体要求\n坚持公平公正 beta。\n二、工作安排\n"
	"（一）报名\n按时报名。\n",
	"文章来源：上海市教育委员会\n",
	{"关于做好2024年义务教育招生入学工作的通知", "上海市教育委员会",
	 "2024-03-01", "沪教委基〔2024〕5号", "2024-03-05", "教育",
	 "上海市教育委员会"},
	{{1, 4, "一、", "总体要求", 78, 124},
	 {1, 4, "二、", "工作安排", 124, 175},
	 {2, 5, "（一）", "报名", 143, 175}},
	3,
};

static const struct sample notice_v2 = {
	"首页 > 政策文件\n",
	"关于做好2024年义务教育招生入学工作的通知（修订）\n"
	"各区教育局：\n一、总体要求\n坚持公平公正，阳光招生 gamma。\n",
	"",
	{"关于做好2024年义务教育招生入学工作的通知（修订）",
	 "上海市教育委员会", "2024-03-08", "沪教委基〔2024〕6号", "", "", ""},
	{{1, 4, "一、", "总体要求", 90, 152}},
	1,
};

static const struct sample opinion = {
	"",
	"关于加强中小学科学教育的实施意见\nalpha 科学教育\n",
	"",
	{"关于加强中小学科学教育的实施意见", "", "", "", "", "", ""},
	{{0}},
	0,
};

/* Stores sample x as read from path; returns the status. */
static enum juan_status
put_sample(struct store *s, const char *path, const struct sample *x,
	   enum put_result *res, int64_t *id)
{
	struct doc d = {0};
	char text[1024];
	size_t len;

	d.head_len = strlen(x->head);
	d.body_len = strlen(x->body);
	d.tail_len = strlen(x->tail);
	d.meta = x->meta;
	d.sections = (struct section *)x->sections;
	d.nsections = x->nsections;
	len = (size_t)snprintf(text, sizeof(text), "%s%s%s", x->head,
			       x->body, x->tail);
	return store_put(s, path, text, len, &d, res, id);
}

static int64_t
put_ok(struct store *s, const char *path, const struct sample *x,
       enum put_result expect)
{
	enum put_result res;
	int64_t id = -1;

	assert_int_equal(put_sample(s, path, x, &res, &id), JUAN_OK);
	assert_int_equal(res, expect);
	assert_true(id > 0);
	return id;
}

static int64_t
theme_id(struct store *s, const char *name_or_key)
{
	struct theme_set set;
	const struct theme *t;
	int64_t id;

	assert_int_equal(store_themes(s, 0, &set), JUAN_OK);
	t = theme_set_find(&set, name_or_key);
	assert_non_null(t);
	id = t->id;
	theme_set_free(&set);
	return id;
}

/* ---- opening -------------------------------------------------------- */

static void
test_migrate_empty(void **state)
{
	struct fixture *f = *state;
	struct theme_set set;
	sqlite3 *db;

	assert_string_equal(store_path(f->s), f->path);
	assert_string_equal(store_error(f->s), "");
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), 12);
	assert_int_equal(raw_int(db, "SELECT length(value) FROM settings"
				    " WHERE key = 'store.uid'"), 16);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM themes"), 22);
	sqlite3_close(db);
	assert_int_equal(store_themes(f->s, 0, &set), JUAN_OK);
	assert_int_equal(set.n, 22);
	assert_string_equal(set.themes[21].name, "其他");
	theme_set_free(&set);
	/* opening again migrates nothing and adds no themes */
	reopen(f);
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM themes"), 22);
	sqlite3_close(db);
}

/* The store's own connection: WAL (two processes share the file), foreign
 * keys enforced, and a busy timeout so that a second process waits. */
static void
test_connection_settings(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *stmt;

	assert_int_equal(sqlite3_prepare_v2(f->s->db, "PRAGMA journal_mode", -1,
					    &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0), "wal");
	sqlite3_finalize(stmt);
	assert_int_equal(raw_int(f->s->db, "PRAGMA foreign_keys"), 1);
	assert_true(raw_int(f->s->db, "PRAGMA busy_timeout") >= 1000);
	/* a path of no document is refused */
	assert_int_not_equal(sqlite3_exec(f->s->db, "INSERT INTO doc_paths"
					  "(path, doc_id) VALUES ('/x', 999)",
					  NULL, NULL, NULL), SQLITE_OK);
}

/* The whole of file path (caller frees) and its size in *size. */
static char *
read_file(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n > 0);
	rewind(fp);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*size = (size_t)n;
	return buf;
}

/* Opening an up-to-date store only reads it: the browser opens while
 * another juan holds the write lock for an import batch. */
static void
test_open_beside_a_writer(void **state)
{
	struct fixture *f = *state;
	struct store *other = NULL;
	char err[256];

	assert_int_equal(store_begin(f->s), JUAN_OK);
	assert_int_equal(store_open(f->path, &other, err, sizeof(err)),
			 JUAN_OK);
	store_close(&other);
	assert_int_equal(store_commit(f->s), JUAN_OK);
}

static void
test_refuse_newer(void **state)
{
	struct fixture *f = *state;
	struct store *s = (struct store *)1;
	char path[128], err[256];
	char *before, *after;
	size_t nbefore, nafter;
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/newer.db", f->dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE future(x);"
				      "PRAGMA user_version = 99", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(db);
	before = read_file(path, &nbefore);
	assert_int_equal(store_open(path, &s, err, sizeof(err)), JUAN_ENEWER);
	assert_null(s);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "99"));
	/* refused untouched: not even switched to WAL */
	after = read_file(path, &nafter);
	assert_int_equal(nafter, nbefore);
	assert_memory_equal(after, before, nbefore);
	free(before);
	free(after);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), 99);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM sqlite_master"
				 " WHERE name = 'themes'"), 0);
	sqlite3_close(db);
}

static void
test_open_fails(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	char path[128], err[256];
	enum juan_status rc;
	FILE *fp;

	/* a file where the store's directory should be */
	snprintf(path, sizeof(path), "%s/plain", f->dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("不是数据库", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/plain/juan.db", f->dir);
	rc = store_open(path, &s, err, sizeof(err));
	assert_true(rc == JUAN_EIO || rc == JUAN_EDB);
	assert_null(s);
	assert_non_null(strstr(err, path));
}

/* ---- documents ------------------------------------------------------ */

static void
test_put_and_read(void **state)
{
	struct fixture *f = *state;
	struct doc_info info;
	struct section *secs;
	char *body;
	size_t n, len;
	int64_t id;
	long total, tagged;

	id = put_ok(f->s, "/docs/通知.txt", &notice, PUT_NEW);
	assert_int_equal(store_doc_info(f->s, id, &info), JUAN_OK);
	assert_int_equal(info.id, id);
	assert_string_equal(info.title, notice.meta.title);
	assert_string_equal(info.issuer, "上海市教育委员会");
	assert_string_equal(info.date, "2024-03-01");
	assert_string_equal(info.docno, "沪教委基〔2024〕5号");
	assert_string_equal(info.published, "2024-03-05");
	assert_string_equal(info.topic, "教育");
	assert_string_equal(info.path, "/docs/通知.txt");
	assert_int_equal(strlen(info.hash), 64);
	assert_int_equal(info.theme_id, 0);
	assert_string_equal(info.theme_name, "");
	assert_int_equal(info.theme_key, 0);
	assert_string_equal(info.tagged_at, "");
	doc_info_clear(&info);
	assert_null(info.title);
	doc_info_clear(NULL);

	assert_int_equal(store_doc_body(f->s, id, &body, &len), JUAN_OK);
	assert_string_equal(body, notice.body);
	assert_int_equal(len, strlen(notice.body));
	free(body);

	assert_int_equal(store_doc_sections(f->s, id, &secs, &n), JUAN_OK);
	assert_int_equal(n, 3);
	assert_string_equal(secs[2].label, "（一）");
	assert_string_equal(secs[2].title, "报名");
	assert_int_equal(secs[2].level, 2);
	assert_int_equal(secs[2].rank, 5);
	assert_int_equal(secs[2].start, 143);
	assert_int_equal(secs[1].end, 175);
	sections_free(secs, n);

	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 1);
	assert_int_equal(tagged, 0);
	assert_index_ok(f->path);
}

static void
test_put_hash(void **state)
{
	/* SHA-256 of "abc" (FIPS 180-2, appendix B.1) */
	static const char abc[] = "ba7816bf8f01cfea414140de5dae2223"
				  "b00361a396177a9cb410ff61f20015ad";
	struct fixture *f = *state;
	struct doc d = {0};
	struct doc_info info;
	int64_t id;

	d.body_len = 3;
	d.meta.title = "abc";
	assert_int_equal(store_put(f->s, "/abc", "abc", 3, &d, NULL, &id),
			 JUAN_OK);
	assert_int_equal(store_doc_info(f->s, id, &info), JUAN_OK);
	assert_string_equal(info.hash, abc);
	assert_string_equal(info.issuer, "");
	doc_info_clear(&info);
}

static void
test_put_bad_parts(void **state)
{
	struct fixture *f = *state;
	struct doc d = {0};
	long total, tagged;

	char *text = strdup("一二三");
	size_t len = strlen(text);

	assert_non_null(text);
	d.body_len = 2;
	assert_int_equal(store_put(f->s, "/x", text, len, &d, NULL, NULL),
			 JUAN_EINVAL);
	assert_non_null(strstr(store_error(f->s), "/x"));
	/* parts whose sum wraps around to the length are not the text */
	d.head_len = SIZE_MAX;
	d.body_len = len + 1;
	assert_int_equal(store_put(f->s, "/x", text, len, &d, NULL, NULL),
			 JUAN_EINVAL);
	d.head_len = 1;
	d.body_len = SIZE_MAX;
	d.tail_len = len;
	assert_int_equal(store_put(f->s, "/x", text, len, &d, NULL, NULL),
			 JUAN_EINVAL);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 0);
	free(text);
}

static void
test_put_idempotent(void **state)
{
	struct fixture *f = *state;
	int64_t a, b;
	long total, tagged;
	sqlite3 *db;
	int64_t changes;

	a = put_ok(f->s, "/docs/a.txt", &notice, PUT_NEW);
	db = raw_open(f->path);
	changes = raw_int(db, "PRAGMA data_version");
	b = put_ok(f->s, "/docs/a.txt", &notice, PUT_UNCHANGED);
	assert_int_equal(a, b);
	/* nothing was written by the second put */
	assert_int_equal(raw_int(db, "PRAGMA data_version"), changes);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM doc_paths"), 1);
	sqlite3_close(db);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 1);
	assert_index_ok(f->path);
}

static void
test_same_text_two_paths(void **state)
{
	struct fixture *f = *state;
	struct doc_info info;
	long total, tagged;
	int64_t a, b;
	sqlite3 *db;

	a = put_ok(f->s, "/2024/a.txt", &notice, PUT_NEW);
	b = put_ok(f->s, "/copy/a.txt", &notice, PUT_UNCHANGED);
	assert_int_equal(a, b);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 1);
	assert_int_equal(store_doc_info(f->s, a, &info), JUAN_OK);
	assert_string_equal(info.path, "/2024/a.txt");
	doc_info_clear(&info);
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM doc_paths"
				 " WHERE doc_id = 1"), 2);
	sqlite3_close(db);
}

static void
test_update_keeps_theme(void **state)
{
	struct fixture *f = *state;
	struct doc_info before, after;
	struct section *secs;
	char *body;
	size_t n;
	int64_t id, again;
	sqlite3 *db;

	id = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	put_ok(f->s, "/b.txt", &opinion, PUT_NEW);
	assert_int_equal(store_tag(f->s, 0, id, theme_id(f->s, "科技、教育")),
			 JUAN_OK);
	assert_int_equal(store_doc_info(f->s, id, &before), JUAN_OK);

	again = put_ok(f->s, "/a.txt", &notice_v2, PUT_UPDATED);
	assert_int_equal(again, id);
	assert_int_equal(store_doc_info(f->s, id, &after), JUAN_OK);
	assert_string_equal(after.theme_name, "科技、教育");
	assert_string_equal(after.title, notice_v2.meta.title);
	assert_string_equal(after.docno, "沪教委基〔2024〕6号");
	assert_string_equal(after.path, "/a.txt");
	assert_string_not_equal(after.hash, before.hash);
	doc_info_clear(&before);
	doc_info_clear(&after);
	assert_int_equal(store_doc_body(f->s, id, &body, NULL), JUAN_OK);
	assert_string_equal(body, notice_v2.body);
	free(body);
	assert_int_equal(store_doc_sections(f->s, id, &secs, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(secs[0].end, 152);
	sections_free(secs, n);
	assert_index_ok(f->path);

	/* the old text is gone from the index, the new one is in it */
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM doc_fts"
				 " WHERE doc_fts MATCH 'beta'"), 0);
	assert_int_equal(raw_int(db, "SELECT rowid FROM doc_fts"
				 " WHERE doc_fts MATCH 'gamma'"), id);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM doc_fts"
				 " WHERE doc_fts MATCH 'alpha'"), 1);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM documents"), 2);
	sqlite3_close(db);

	/* the first version again: updated back, still one document */
	assert_int_equal(put_ok(f->s, "/a.txt", &notice, PUT_UPDATED), id);
	assert_index_ok(f->path);
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM doc_fts"
				 " WHERE doc_fts MATCH 'gamma'"), 0);
	assert_int_equal(raw_int(db, "SELECT rowid FROM doc_fts"
				 " WHERE doc_fts MATCH 'beta'"), id);
	sqlite3_close(db);
}

static void
test_update_shared_document(void **state)
{
	struct fixture *f = *state;
	struct doc_info info;
	long total, tagged;
	int64_t id, split;

	id = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	put_ok(f->s, "/b.txt", &notice, PUT_UNCHANGED);
	assert_int_equal(store_tag(f->s, 0, id, theme_id(f->s, "c")), JUAN_OK);
	/* /a.txt changes, /b.txt does not: the document stays /b.txt's */
	split = put_ok(f->s, "/a.txt", &notice_v2, PUT_UPDATED);
	assert_true(split != id);
	assert_int_equal(store_doc_info(f->s, id, &info), JUAN_OK);
	assert_string_equal(info.path, "/b.txt");
	assert_string_equal(info.title, notice.meta.title);
	assert_string_equal(info.theme_name, "科技、教育");
	doc_info_clear(&info);
	assert_int_equal(store_doc_info(f->s, split, &info), JUAN_OK);
	assert_string_equal(info.path, "/a.txt");
	assert_string_equal(info.title, notice_v2.meta.title);
	assert_string_equal(info.theme_name, "科技、教育");
	doc_info_clear(&info);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 2);
	assert_int_equal(tagged, 2);
	assert_int_equal(put_ok(f->s, "/a.txt", &notice_v2, PUT_UNCHANGED),
			 split);
	assert_index_ok(f->path);
}

/* A path whose text becomes another document's leaves its document; when
 * that was the document's path, its path becomes one it still has. */
static void
test_path_moves_to_other_document(void **state)
{
	struct fixture *f = *state;
	struct doc_info info;
	int64_t id, other;

	id = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	put_ok(f->s, "/b.txt", &notice, PUT_UNCHANGED);
	other = put_ok(f->s, "/c.txt", &opinion, PUT_NEW);
	/* /a.txt now holds /c.txt's text */
	assert_int_equal(put_ok(f->s, "/a.txt", &opinion, PUT_UNCHANGED),
			 other);
	assert_int_equal(store_doc_info(f->s, id, &info), JUAN_OK);
	assert_string_equal(info.path, "/b.txt");
	doc_info_clear(&info);
	assert_int_equal(store_doc_info(f->s, other, &info), JUAN_OK);
	assert_string_equal(info.path, "/c.txt");
	doc_info_clear(&info);
}

static void
test_not_found(void **state)
{
	struct fixture *f = *state;
	struct doc_info info;
	struct section *secs;
	char *body;
	size_t n;
	int64_t id;

	assert_int_equal(store_doc_info(f->s, 42, &info), JUAN_ENOTFOUND);
	assert_non_null(strstr(store_error(f->s), "42"));
	assert_int_equal(store_doc_body(f->s, 42, &body, NULL),
			 JUAN_ENOTFOUND);
	assert_null(body);
	assert_int_equal(store_doc_sections(f->s, 42, &secs, &n),
			 JUAN_ENOTFOUND);
	/* a document without sections has an empty outline */
	id = put_ok(f->s, "/b.txt", &opinion, PUT_NEW);
	assert_int_equal(store_doc_sections(f->s, id, &secs, &n), JUAN_OK);
	assert_int_equal(n, 0);
	assert_null(secs);
}

/* ---- lists ---------------------------------------------------------- */

struct collect {
	int64_t ids[8];
	char keys[8];
	size_t n;
	size_t stop_after;
};

static int
collect(const struct doc_info *info, void *ctx)
{
	struct collect *c = ctx;

	c->keys[c->n] = info->theme_key;
	c->ids[c->n++] = info->id;
	return c->n == c->stop_after;
}

static void
assert_ids(struct store *s, const struct list_query *q, size_t n,
	   const int64_t *expect)
{
	int64_t *ids;
	size_t got, i;
	struct collect c = {{0}, {0}, 0, 0};

	assert_int_equal(store_list_ids(s, q, &ids, &got), JUAN_OK);
	assert_int_equal(got, n);
	for (i = 0; i < n; i++)
		assert_int_equal(ids[i], expect[i]);
	free(ids);
	assert_int_equal(store_list(s, q, collect, &c), JUAN_OK);
	assert_int_equal(c.n, n);
	for (i = 0; i < n; i++)
		assert_int_equal(c.ids[i], expect[i]);
}

static void
test_lists(void **state)
{
	struct fixture *f = *state;
	struct list_query all = {0}, edu = {.theme = "科技、教育", .untagged = false, .search = NULL};
	struct list_query by_key = {.theme = "c", .untagged = false, .search = NULL};
	struct list_query untagged = {.theme = NULL, .untagged = true, .search = NULL};
	struct list_query both = {.theme = "c", .untagged = true, .search = NULL};
	struct list_query unknown = {.theme = "没有这个主题", .untagged = false, .search = NULL};
	struct collect c = {{0}, {0}, 0, 2};
	int64_t a, b, d;
	int64_t *ids = NULL;
	size_t n = 9;

	assert_ids(f->s, &all, 0, NULL);
	a = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	b = put_ok(f->s, "/b.txt", &opinion, PUT_NEW);
	d = put_ok(f->s, "/c.txt", &notice_v2, PUT_NEW);
	assert_int_equal(store_tag(f->s, 0, d, theme_id(f->s, "c")), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, a, theme_id(f->s, "c")), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, b, theme_id(f->s, "1")), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, b, 0), JUAN_OK);

	assert_ids(f->s, &all, 3, (int64_t[]){a, b, d});
	assert_ids(f->s, NULL, 3, (int64_t[]){a, b, d});
	assert_ids(f->s, &edu, 2, (int64_t[]){a, d});
	assert_ids(f->s, &by_key, 2, (int64_t[]){a, d});
	assert_ids(f->s, &untagged, 1, (int64_t[]){b});
	assert_ids(f->s, &both, 0, NULL);
	assert_int_equal(store_list_ids(f->s, &unknown, &ids, &n),
			 JUAN_ENOTFOUND);
	assert_null(ids);
	assert_int_equal(n, 0);
	assert_non_null(strstr(store_error(f->s), "没有这个主题"));

	/* the callback stops the list early; infos carry the theme */
	assert_int_equal(store_list(f->s, &all, collect, &c), JUAN_OK);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.keys[0], 'c');
	assert_int_equal(c.keys[1], 0);
}

static void
test_lists_search(void **state)
{
	struct fixture *f = *state;
	struct list_query all = {.theme = NULL, .untagged = false, .search = "招生入学"};
	struct list_query edu = {.theme = "c", .untagged = false, .search = "招生入学"};
	struct list_query untagged = {.theme = NULL, .untagged = true, .search = "招生入学"};
	struct list_query none = {.theme = NULL, .untagged = false, .search = "量子计算"};
	struct list_query science = {.theme = NULL, .untagged = false, .search = "科学教育"};
	int64_t a, b, d, *ids;
	size_t n;

	a = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	b = put_ok(f->s, "/b.txt", &opinion, PUT_NEW);
	d = put_ok(f->s, "/c.txt", &notice_v2, PUT_NEW);
	assert_int_equal(store_tag(f->s, 0, d, theme_id(f->s, "c")), JUAN_OK);

	assert_int_equal(store_list_ids(f->s, &all, &ids, &n), JUAN_OK);
	assert_int_equal(n, 2);
	assert_true((ids[0] == a && ids[1] == d) ||
		    (ids[0] == d && ids[1] == a));
	free(ids);
	assert_ids(f->s, &edu, 1, (int64_t[]){d});
	assert_ids(f->s, &untagged, 1, (int64_t[]){a});
	assert_ids(f->s, &none, 0, NULL);
	assert_ids(f->s, &science, 1, (int64_t[]){b});
}

/* ---- tags and history ----------------------------------------------- */

struct history {
	char lines[16][128];
	size_t n;
};

static int
collect_history(const struct history_entry *e, void *ctx)
{
	struct history *h = ctx;

	assert_int_equal(strlen(e->at), 19);
	snprintf(h->lines[h->n++], sizeof(h->lines[0]), "%lld %s %s>%s",
		 (long long)e->doc, e->op, e->old_value, e->new_value);
	return 0;
}

static void
assert_history(struct store *s, int64_t doc, size_t n, const char **expect)
{
	struct history h = {{{0}}, 0};
	size_t i;
	struct history_filter hf = {.doc = doc};

	assert_int_equal(store_history(s, &hf, collect_history, &h), JUAN_OK);
	assert_int_equal(h.n, n);
	for (i = 0; i < n; i++)
		assert_string_equal(h.lines[i], expect[i]);
}

static void
assert_theme(struct store *s, int64_t doc, const char *name)
{
	struct doc_info info;

	assert_int_equal(store_doc_info(s, doc, &info), JUAN_OK);
	assert_string_equal(info.theme_name, name);
	if (name[0])
		assert_int_equal(strlen(info.tagged_at), 19);
	doc_info_clear(&info);
}

/* Undoes (or redoes) one change: its document in *doc (may be NULL). */
static enum juan_status
step_doc(struct store *s, bool redo, int64_t *doc)
{
	struct change c = {0};
	enum juan_status rc;

	rc = redo ? store_redo(s, &c) : store_undo(s, &c);
	if (rc == JUAN_OK && doc)
		*doc = c.doc;
	change_clear(&c);
	return rc;
}

static void
test_tag_untag(void **state)
{
	struct fixture *f = *state;
	int64_t a, edu = theme_id(f->s, "科技、教育");
	long total, tagged;

	a = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	assert_int_equal(store_tag(f->s, 0, a, edu), JUAN_OK);
	assert_theme(f->s, a, "科技、教育");
	/* the same theme again changes nothing and records nothing */
	assert_int_equal(store_tag(f->s, 0, a, edu), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, a, theme_id(f->s, "其他")), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, a, 0), JUAN_OK);
	assert_theme(f->s, a, "");
	assert_int_equal(store_tag(f->s, 0, a, 0), JUAN_OK);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(tagged, 0);
	assert_history(f->s, a, 3, (const char *[]){
		"1 tag >科技、教育", "1 tag 科技、教育>其他", "1 tag 其他>"});

	assert_int_equal(store_tag(f->s, 0, 99, edu), JUAN_ENOTFOUND);
	assert_int_equal(store_tag(f->s, 0, a, 9999), JUAN_ENOTFOUND);
	assert_theme(f->s, a, "");
}

static void
test_undo_redo(void **state)
{
	struct fixture *f = *state;
	int64_t a, b, doc = 0;
	int64_t edu = theme_id(f->s, "c"), other = theme_id(f->s, "其他");

	a = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	b = put_ok(f->s, "/b.txt", &opinion, PUT_NEW);
	assert_int_equal(step_doc(f->s, false, &doc), JUAN_ENOTFOUND);
	assert_int_equal(step_doc(f->s, true, &doc), JUAN_ENOTFOUND);
	assert_int_equal(store_tag(f->s, 0, a, edu), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, b, edu), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, a, other), JUAN_OK);

	assert_int_equal(step_doc(f->s, false, &doc), JUAN_OK);
	assert_int_equal(doc, a);
	assert_theme(f->s, a, "科技、教育");
	/* undo survives a restart */
	reopen(f);
	assert_int_equal(step_doc(f->s, false, &doc), JUAN_OK);
	assert_int_equal(doc, b);
	assert_theme(f->s, b, "");
	assert_int_equal(step_doc(f->s, true, &doc), JUAN_OK);
	assert_int_equal(doc, b);
	assert_theme(f->s, b, "科技、教育");
	reopen(f);
	assert_int_equal(step_doc(f->s, true, &doc), JUAN_OK);
	assert_int_equal(doc, a);
	assert_theme(f->s, a, "其他");
	assert_int_equal(step_doc(f->s, true, NULL), JUAN_ENOTFOUND);

	/* undo everything, then past the start */
	assert_int_equal(step_doc(f->s, false, NULL), JUAN_OK);
	assert_int_equal(step_doc(f->s, false, NULL), JUAN_OK);
	assert_int_equal(step_doc(f->s, false, &doc), JUAN_OK);
	assert_int_equal(doc, a);
	assert_theme(f->s, a, "");
	assert_theme(f->s, b, "");
	assert_int_equal(step_doc(f->s, false, NULL), JUAN_ENOTFOUND);

	/* redo once, then a new change forgets the rest */
	assert_int_equal(step_doc(f->s, true, &doc), JUAN_OK);
	assert_int_equal(doc, a);
	assert_theme(f->s, a, "科技、教育");
	assert_int_equal(store_tag(f->s, 0, b, other), JUAN_OK);
	assert_int_equal(step_doc(f->s, true, NULL), JUAN_ENOTFOUND);
	reopen(f);
	assert_int_equal(step_doc(f->s, true, NULL), JUAN_ENOTFOUND);
	assert_int_equal(step_doc(f->s, false, &doc), JUAN_OK);
	assert_int_equal(doc, b);
	assert_theme(f->s, b, "");
	assert_int_equal(step_doc(f->s, false, &doc), JUAN_OK);
	assert_int_equal(doc, a);
	assert_theme(f->s, a, "");

	assert_history(f->s, b, 6, (const char *[]){
		"2 tag >科技、教育", "2 undo 科技、教育>", "2 redo >科技、教育",
		"2 undo 科技、教育>", "2 tag >其他", "2 undo 其他>"});
}

static void
test_undo_retired_theme(void **state)
{
	struct fixture *f = *state;
	struct theme_load_result res;
	struct theme_set set;
	const char *tsv = "其他\t\n科技、教育\t\n";
	char why[128];
	int64_t a, b, doc = 0;

	a = put_ok(f->s, "/a.txt", &notice, PUT_NEW);
	b = put_ok(f->s, "/b.txt", &opinion, PUT_NEW);
	assert_int_equal(store_tag(f->s, 0, a, theme_id(f->s, "c")), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, b, theme_id(f->s, "1")), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, b, theme_id(f->s, "其他")), JUAN_OK);
	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_int_equal(store_themes_load(f->s, "gov-topics", &set, &res),
			 JUAN_OK);
	theme_set_free(&set);
	assert_false(res.created);
	assert_int_equal(res.kept, 2);
	assert_int_equal(res.retired, 20);
	/* loading never removes a tag: the history did not move */
	assert_history(f->s, b, 2, (const char *[]){
		"2 tag >国务院组织机构", "2 tag 国务院组织机构>其他"});
	/* b's change back to a retired theme can be undone and redone */
	assert_int_equal(step_doc(f->s, false, &doc), JUAN_OK);
	assert_int_equal(doc, b);
	assert_theme(f->s, b, "国务院组织机构");
	assert_int_equal(step_doc(f->s, false, &doc), JUAN_OK);
	assert_theme(f->s, b, "");
	assert_int_equal(step_doc(f->s, true, &doc), JUAN_OK);
	assert_theme(f->s, b, "国务院组织机构");
	/* but a retired theme cannot be given anew */
	assert_int_equal(store_tag(f->s, 0, a, theme_id(f->s, "国务院组织机构")),
			 JUAN_EINVAL);
	assert_theme(f->s, a, "科技、教育");
}

/* ---- settings ------------------------------------------------------- */

static void
test_settings(void **state)
{
	struct fixture *f = *state;
	char *value = (char *)1;
	int64_t v1, v2, v3;
	sqlite3 *db;

	assert_int_equal(store_setting_get(f->s, "ui.position", &value),
			 JUAN_OK);
	assert_null(value);
	assert_int_equal(store_setting_set(f->s, "ui.position", "17"), JUAN_OK);
	assert_int_equal(store_setting_set(f->s, "ui.position", "第18篇"),
			 JUAN_OK);
	reopen(f);
	assert_int_equal(store_setting_get(f->s, "ui.position", &value),
			 JUAN_OK);
	assert_string_equal(value, "第18篇");
	free(value);
	assert_int_equal(store_setting_set(f->s, "ui.position", NULL), JUAN_OK);
	assert_int_equal(store_setting_get(f->s, "ui.position", &value),
			 JUAN_OK);
	assert_null(value);

	/* data_version moves when another connection commits, not for our
	 * own writes */
	assert_int_equal(store_data_version(f->s, &v1), JUAN_OK);
	assert_int_equal(store_setting_set(f->s, "k", "v"), JUAN_OK);
	assert_int_equal(store_data_version(f->s, &v2), JUAN_OK);
	assert_int_equal(v1, v2);
	db = raw_open(f->path);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO settings VALUES"
				      "('other', '另一个进程')", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_data_version(f->s, &v3), JUAN_OK);
	assert_true(v3 != v2);
}

/* The list order is remembered per store; an unreadable one reads as the
 * default. */
static void
test_sort_setting(void **state)
{
	struct fixture *f = *state;
	struct list_sort sort = {SORT_ISSUER, true}, got;

	assert_int_equal(store_sort_get(f->s, &got), JUAN_OK);
	assert_int_equal(got.key, SORT_DEFAULT);
	assert_int_equal(store_sort_set(f->s, &sort), JUAN_OK);
	reopen(f);
	assert_int_equal(store_sort_get(f->s, &got), JUAN_OK);
	assert_int_equal(got.key, SORT_ISSUER);
	assert_true(got.desc);
	assert_int_equal(store_setting_set(f->s, "list.sort", "sideways"),
			 JUAN_OK);
	assert_int_equal(store_sort_get(f->s, &got), JUAN_OK);
	assert_int_equal(got.key, SORT_DEFAULT);
	assert_false(got.desc);
}

/* ---- parse doubts --------------------------------------------------- */

/* Parses text and stores it as read from path, with doubts (NULL: those
 * store_put finds); returns the id. */
static int64_t
put_text(struct store *s, const char *path, const char *text,
	 const char *doubts)
{
	struct doc *d;
	int64_t id = 0;

	assert_int_equal(doc_parse(text, strlen(text), &d), JUAN_OK);
	assert_int_equal(store_put_doubts(s, path, text, strlen(text), d,
					  doubts, NULL, &id), JUAN_OK);
	doc_free(&d);
	return id;
}

/* The ids query selects, as "1 3", in import order. */
static void
assert_query(struct store *s, const char *query, const char *want)
{
	struct list_sort order = { SORT_ID, false };
	int64_t *ids;
	size_t n, i, len = 0;
	char got[128];

	assert_int_equal(store_query_ids(s, query, &order, &ids, &n), JUAN_OK);
	got[0] = '\0';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%lld",
					i ? " " : "", (long long)ids[i]);
	free(ids);
	if (strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", query, got, want);
}

static const char plain_text[] =
	"国务院关于加强环境保护的通知\n各省人民政府：\n"
	"一、总体要求\n要加强。\n二、主要任务\n要落实。\n";
static const char gap_text[] =
	"国务院关于加强环境保护的通知\n各省人民政府：\n"
	"一、总体要求\n要加强。\n三、主要任务\n要落实。\n";
static const char fragment_text[] =
	"　　今年以来，各地加强了环境保护，取得了明显成效。\n";

/* Each document is stored with why its parse is unsure, found by
 * store_put or given by the importer, and parse: selects by it. */
static void
test_doubts(void **state)
{
	struct fixture *f = *state;
	struct doc_info info;
	int64_t ok, gap, frag, fixed;

	ok = put_text(f->s, "/d/ok.txt", plain_text, NULL);
	gap = put_text(f->s, "/d/gap.txt", gap_text, NULL);
	frag = put_text(f->s, "/d/frag.txt", fragment_text, NULL);
	fixed = put_text(f->s, "/d/fixed.txt", "关于印发计划的通知\n正文。\n",
			 "mojibake-repaired\tmojibake repaired: UTF-8 read "
			 "as CP1252");
	assert_int_equal(store_doc_info(f->s, gap, &info), JUAN_OK);
	assert_string_equal(info.doubts, "numbering\t三、 skips a number "
			    "after 一、 (level 1)");
	doc_info_clear(&info);
	assert_int_equal(store_doc_info(f->s, ok, &info), JUAN_OK);
	assert_string_equal(info.doubts, "");
	doc_info_clear(&info);
	assert_int_equal(ok, 1);
	assert_int_equal(fixed, 4);
	(void)frag;
	assert_query(f->s, "parse:unsure", "2 3 4");
	assert_query(f->s, "parse:ok", "1");
	assert_query(f->s, "-parse:ok", "2 3 4");
	assert_query(f->s, "parse:numbering", "2");
	assert_query(f->s, "parse:notitle", "3");
	assert_query(f->s, "parse:mojibake-repaired OR parse:no-title", "3 4");
	assert_query(f->s, "parse:toc-skipped", "");
	assert_query(f->s, "parse:unsure 环境", "2 3");
	/* a changed text is parsed again: the gap is closed */
	put_text(f->s, "/d/gap.txt", "国务院关于加强环境保护的通知\n"
		 "一、总体要求\n要加强。\n二、主要任务\n要落实。\n", NULL);
	assert_query(f->s, "parse:numbering", "");
	assert_query(f->s, "parse:unsure", "3 4");
}

/* A store made before doubts were kept gets them when it is opened: its
 * documents are parsed again from their stored text. */
static void
test_doubts_migrated(void **state)
{
	struct fixture *f = *state;
	sqlite3 *db;

	put_text(f->s, "/d/ok.txt", plain_text, NULL);
	put_text(f->s, "/d/gap.txt", gap_text, NULL);
	put_text(f->s, "/d/frag.txt", fragment_text, NULL);
	store_close(&f->s);
	db = raw_open(f->path);
	/* back to version 6: what versions 7, 8, 10, 11 and 12 added, and the
	 * table version 9 dropped */
	assert_int_equal(sqlite3_exec(db, TEST_SQL_DROP_TITLE_FTS
				      "PRAGMA writable_schema = ON;"
				      " UPDATE sqlite_schema SET sql ="
				      " replace(sql, 'content=''doc_text''',"
				      " 'content=''documents''')"
				      " WHERE name = 'doc_fts';"
				      " PRAGMA writable_schema = OFF;"
				      " DROP VIEW doc_text;"
				      " UPDATE documents SET"
				      " head = juan_text(head),"
				      " body = juan_text(body),"
				      " tail = juan_text(tail);"
				      " ALTER TABLE documents DROP COLUMN"
				      " doubts; DROP TABLE suggest_tops;"
				      " CREATE TABLE sections(doc_id INTEGER);"
				      " DROP INDEX documents_date;"
				      " DROP INDEX documents_issuer;"
				      " DROP INDEX documents_docno;"
				      " DROP INDEX documents_title;"
				      " DROP INDEX doc_tags_state;"
				      " ALTER TABLE suggest_models DROP COLUMN"
				      " tops; PRAGMA user_version = 6", NULL,
				      NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	reopen(f);
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "PRAGMA user_version"), 12);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM documents"
				    " WHERE doubts = 'no-title' || char(9) ||"
				    " 'no title line found' AND id = 3"), 1);
	sqlite3_close(db);
	assert_query(f->s, "parse:unsure", "2 3");
	assert_query(f->s, "parse:numbering", "2");
}

/* A text of 100 characters of 3 bytes: packed, and cut by juan_text(). */
static const char *const hundred =
	"关于加强和改进新时代教育督导工作的意见要求各地认真贯彻落实"
	"关于加强和改进新时代教育督导工作的意见要求各地认真贯彻落实"
	"关于加强和改进新时代教育督导工作的意见要求各地认真贯彻落实"
	"关于加强和改进新时代";

/* The text is stored packed where that is smaller, and read back as it
 * was: the long body is packed, shorter than its text; the SHA-256 of
 * the parts read back is the document's hash; a damaged one is an error
 * that says so. */
static void
test_text_packed(void **state)
{
	struct fixture *f = *state;
	char text[8192], hash[STORE_HASH_HEX], *body = NULL;
	size_t len = 0, at, i;
	sqlite3_stmt *stmt;
	sqlite3 *db;
	int64_t id;

	at = (size_t)snprintf(text, sizeof(text), "关于教育督导的通知\n");
	for (i = 0; i < 20; i++)
		at += (size_t)snprintf(text + at, sizeof(text) - at,
				       "%zu. %s。\n", i + 1, hundred);
	id = put_text(f->s, "/d/long.txt", text, NULL);
	db = raw_open(f->path);
	assert_int_equal(raw_int(db, "SELECT typeof(body) = 'blob' AND"
				    " length(body) * 2 < length(CAST("
				    " juan_text(body) AS BLOB))"
				    " FROM documents"), 1);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT hash, juan_text(head)"
					    " || juan_text(body) ||"
					    " juan_text(tail) FROM documents",
					    -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_int_equal(sqlite3_column_bytes(stmt, 1), (int)strlen(text));
	store_hash_text((const char *)sqlite3_column_text(stmt, 1),
			strlen(text), hash);
	assert_string_equal(hash, sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	assert_int_equal(store_doc_body(f->s, id, &body, &len), JUAN_OK);
	assert_non_null(strstr(body, "20. 关于加强"));
	free(body);
	/* cut at 10 bytes: the 3 whole characters before it */
	assert_int_equal(raw_int(db, "SELECT length(juan_text(juan_pack(body),"
				    " 10)) FROM documents"), 3);
	assert_int_equal(raw_int(db, "SELECT typeof(juan_pack(body))"
				    " = 'blob' FROM documents"), 1);
	assert_int_equal(raw_int(db, "SELECT length(juan_text('教育督导', 7))"),
			 2);
	assert_int_equal(sqlite3_exec(db, "UPDATE documents SET body ="
				      " substr(body, 1, length(body) - 9)",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_doc_body(f->s, id, &body, &len), JUAN_EDB);
	assert_null(body);
	assert_non_null(strstr(store_error(f->s), "damaged packed text"));
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_migrate_empty),
		T(test_text_packed),
		T(test_connection_settings),
		T(test_open_beside_a_writer),
		T(test_refuse_newer),
		T(test_open_fails),
		T(test_put_and_read),
		T(test_put_hash),
		T(test_put_bad_parts),
		T(test_put_idempotent),
		T(test_same_text_two_paths),
		T(test_update_keeps_theme),
		T(test_update_shared_document),
		T(test_path_moves_to_other_document),
		T(test_not_found),
		T(test_lists),
		T(test_lists_search),
		T(test_tag_untag),
		T(test_undo_redo),
		T(test_undo_retired_theme),
		T(test_settings),
		T(test_sort_setting),
		T(test_doubts),
		T(test_doubts_migrated),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
