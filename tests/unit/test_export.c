/* Tests of export: CSV quoting and the formula guard, the BOM, JSON Lines
 * that parse, Markdown escaping, filters, and the atomic write to a file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/export.h"
#include "juan/store.h"
#include "juan/themes.h"
#include "util.h"

#define TAGGED_AT "2026-01-02 03:04:05"

static const char themes_tsv[] =
	"1\t教育\t学校与教学\n"
	"2\t财政|税收\t预算与税\n"
	"3\t空主题\t没有文件\n";

/* The documents, in id order, and the theme key each gets (0: none). */
static const struct {
	const char *path;
	const char *title;
	const char *issuer;
	const char *docno;
	const char *date;
	char theme;
} docs[] = {
	{ "/docs/1.txt", "关于印发《工作要点》的通知", "上海市教育局",
	  "沪教〔2024〕1号", "2024-02-17", '1' },
	{ "/docs/2.txt", "=SUM(A1:A9)", "-负责人", "+86", "", '2' },
	{ "/docs/3.txt", "含,逗号与\"引号\"", "@某单位", "第1号\n第2号", "",
	  '1' },
	{ "/docs/4.txt", "\t制表符开头", "a|b", "", "2023-01-01", 0 },
	{ "/docs/a,b.txt", "普通", "", "", "", 0 },
};

#define NDOCS (sizeof(docs) / sizeof(docs[0]))

static int64_t
theme_id(struct store *s, char key)
{
	struct theme_set set = {0};
	int64_t id = 0;
	size_t i;

	assert_int_equal(store_themes(s, &set), JUAN_OK);
	for (i = 0; i < set.n; i++)
		if (set.themes[i].key == key)
			id = set.themes[i].id;
	theme_set_free(&set);
	assert_true(id != 0);
	return id;
}

static int
setup(void **state)
{
	struct fixture *f = fixture_new("export", "juan.db");
	struct theme_set set = {0};
	char err[256], text[256];
	struct doc d = {0};
	sqlite3 *raw;
	int64_t id;
	size_t i;

	if (!f)
		return -1;
	if (theme_set_parse(themes_tsv, strlen(themes_tsv), &set, err,
			    sizeof(err)) != JUAN_OK ||
	    store_themes_load(f->s, &set, true, NULL) != JUAN_OK)
		return -1;
	theme_set_free(&set);
	for (i = 0; i < NDOCS; i++) {
		snprintf(text, sizeof(text), "%s\n正文%zu。\n", docs[i].title, i);
		d.body_len = strlen(text);
		d.meta.title = (char *)docs[i].title;
		d.meta.issuer = (char *)docs[i].issuer;
		d.meta.docno = (char *)docs[i].docno;
		d.meta.date = (char *)docs[i].date;
		if (store_put(f->s, docs[i].path, text, strlen(text), &d, NULL,
			      &id) != JUAN_OK || id != (int64_t)i + 1)
			return -1;
		if (docs[i].theme &&
		    store_tag(f->s, id, theme_id(f->s, docs[i].theme)) !=
		    JUAN_OK)
			return -1;
	}
	/* a fixed time, so that whole outputs can be compared */
	if (sqlite3_open(f->path, &raw) != SQLITE_OK ||
	    sqlite3_exec(raw, "UPDATE doc_themes SET tagged_at = '"
			 TAGGED_AT "'", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	sqlite3_close(raw);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

/* export_write into a string (caller frees); the status in *rc. */
static char *
export_string(struct store *s, const struct export_opts *opts,
	      enum juan_status *rc, long *count)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	*rc = export_write(s, opts, out, count);
	assert_int_equal(fclose(out), 0);
	return buf;
}

static const char csv_header[] =
	"id,title,issuer,docno,date,theme,theme_key,tagged_at,path\r\n";

static const char csv_tagged[] =
	"1,关于印发《工作要点》的通知,上海市教育局,沪教〔2024〕1号,"
	"2024-02-17,教育,1," TAGGED_AT ",/docs/1.txt\r\n"
	"2,'=SUM(A1:A9),'-负责人,'+86,,财政|税收,2," TAGGED_AT
	",/docs/2.txt\r\n"
	"3,\"含,逗号与\"\"引号\"\"\",'@某单位,\"第1号\n第2号\",,教育,1,"
	TAGGED_AT ",/docs/3.txt\r\n";

static const char csv_untagged[] =
	"4,'\t制表符开头,a|b,,2023-01-01,,,,/docs/4.txt\r\n"
	"5,普通,,,,,,,\"/docs/a,b.txt\"\r\n";

static void
test_csv(void **state)
{
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_CSV };
	enum juan_status rc;
	char want[2048];
	long count = -1;
	char *got;

	got = export_string(f->s, &opts, &rc, &count);
	assert_int_equal(rc, JUAN_OK);
	assert_int_equal(count, 3);
	snprintf(want, sizeof(want), "%s%s", csv_header, csv_tagged);
	assert_string_equal(got, want);
	free(got);

	opts.all = true;
	got = export_string(f->s, &opts, &rc, &count);
	assert_int_equal(rc, JUAN_OK);
	assert_int_equal(count, 5);
	snprintf(want, sizeof(want), "%s%s%s", csv_header, csv_tagged,
		 csv_untagged);
	assert_string_equal(got, want);
	free(got);
}

static void
test_csv_bom(void **state)
{
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_CSV, .bom = true };
	enum juan_status rc;
	char *got;

	got = export_string(f->s, &opts, &rc, NULL);
	assert_int_equal(rc, JUAN_OK);
	assert_memory_equal(got, "\xEF\xBB\xBFid,title,", 12);
	free(got);
	opts.bom = false;
	got = export_string(f->s, &opts, &rc, NULL);
	assert_memory_equal(got, "id,title,", 9);
	free(got);
}

/* The theme filter takes a name or a key; an unknown one writes nothing. */
static void
test_theme_filter(void **state)
{
	static const char *const names[] = { "财政|税收", "2" };
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_CSV, .all = true };
	enum juan_status rc;
	long count = -1;
	size_t i;
	char *got;

	for (i = 0; i < 2; i++) {
		opts.theme = names[i];
		got = export_string(f->s, &opts, &rc, &count);
		assert_int_equal(rc, JUAN_OK);
		assert_int_equal(count, 1);
		assert_non_null(strstr(got, "\r\n2,'=SUM"));
		assert_null(strstr(got, "\r\n1,"));
		free(got);
	}
	opts.theme = "空主题";
	got = export_string(f->s, &opts, &rc, &count);
	assert_int_equal(rc, JUAN_OK);
	assert_int_equal(count, 0);
	assert_string_equal(got, csv_header);
	free(got);
	opts.theme = "没有这个主题";
	got = export_string(f->s, &opts, &rc, &count);
	assert_int_equal(rc, JUAN_ENOTFOUND);
	assert_int_equal(count, 0);
	assert_string_equal(got, "");
	free(got);
}

/* Every line is one JSON object, as SQLite's json_valid() judges, and
 * carries the values unchanged. */
static void
test_jsonl(void **state)
{
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_JSONL, .all = true };
	sqlite3_stmt *stmt;
	enum juan_status rc;
	char *got, *line, *save = NULL;
	sqlite3 *db;
	size_t n = 0;
	long count;

	got = export_string(f->s, &opts, &rc, &count);
	assert_int_equal(rc, JUAN_OK);
	assert_int_equal(count, (long)NDOCS);
	assert_int_equal(got[strlen(got) - 1], '\n');
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT json_valid(?1), json_type(?1),"
		" json_extract(?1, '$.id'), json_extract(?1, '$.title'),"
		" json_extract(?1, '$.docno'), json_type(?1, '$.theme'),"
		" json_extract(?1, '$.path')", -1, &stmt, NULL), SQLITE_OK);
	for (line = strtok_r(got, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), n++) {
		assert_true(n < NDOCS);
		sqlite3_bind_text(stmt, 1, line, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(stmt, 0), 1);
		assert_string_equal(sqlite3_column_text(stmt, 1), "object");
		assert_int_equal(sqlite3_column_int64(stmt, 2), (int64_t)n + 1);
		assert_string_equal(sqlite3_column_text(stmt, 3),
				    docs[n].title);
		assert_string_equal(sqlite3_column_text(stmt, 4),
				    docs[n].docno);
		assert_string_equal(sqlite3_column_text(stmt, 5),
				    docs[n].theme ? "text" : "null");
		assert_string_equal(sqlite3_column_text(stmt, 6),
				    docs[n].path);
		sqlite3_reset(stmt);
	}
	assert_int_equal(n, NDOCS);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	free(got);
}

static const char md_want[] =
	"## 教育 (1)\n"
	"\n"
	"| id | title | issuer | docno | date | tagged_at | path |\n"
	"|---|---|---|---|---|---|---|\n"
	"| 1 | 关于印发《工作要点》的通知 | 上海市教育局 | 沪教〔2024〕1号 "
	"| 2024-02-17 | " TAGGED_AT " | /docs/1.txt |\n"
	"| 3 | 含,逗号与\"引号\" | @某单位 | 第1号<br>第2号 |  | "
	TAGGED_AT " | /docs/3.txt |\n"
	"\n"
	"## 财政\\|税收 (2)\n"
	"\n"
	"| id | title | issuer | docno | date | tagged_at | path |\n"
	"|---|---|---|---|---|---|---|\n"
	"| 2 | =SUM(A1:A9) | -负责人 | +86 |  | " TAGGED_AT
	" | /docs/2.txt |\n"
	"\n"
	"## (untagged)\n"
	"\n"
	"| id | title | issuer | docno | date | tagged_at | path |\n"
	"|---|---|---|---|---|---|---|\n"
	"| 4 | \t制表符开头 | a\\|b |  | 2023-01-01 |  | /docs/4.txt |\n"
	"| 5 | 普通 |  |  |  |  | /docs/a,b.txt |\n";

static void
test_markdown(void **state)
{
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_MD, .all = true };
	enum juan_status rc;
	long count;
	char *got;

	got = export_string(f->s, &opts, &rc, &count);
	assert_int_equal(rc, JUAN_OK);
	assert_int_equal(count, 5);
	assert_string_equal(got, md_want);
	free(got);
}

static void
test_format_parse(void **state)
{
	enum export_format fmt = EXPORT_CSV;

	(void)state;
	assert_int_equal(export_format_parse("jsonl", &fmt), JUAN_OK);
	assert_int_equal(fmt, EXPORT_JSONL);
	assert_int_equal(export_format_parse("md", &fmt), JUAN_OK);
	assert_int_equal(fmt, EXPORT_MD);
	assert_int_equal(export_format_parse("csv", &fmt), JUAN_OK);
	assert_int_equal(fmt, EXPORT_CSV);
	assert_int_equal(export_format_parse("CSV", &fmt), JUAN_EINVAL);
	assert_int_equal(export_format_parse("xlsx", &fmt), JUAN_EINVAL);
	assert_int_equal(export_format_parse("", &fmt), JUAN_EINVAL);
}

static char *
read_all(const char *path)
{
	FILE *in = fopen(path, "rb");
	char *buf = calloc(1, 4096);
	size_t len;

	assert_non_null(in);
	assert_non_null(buf);
	len = fread(buf, 1, 4095, in);
	buf[len] = '\0';
	fclose(in);
	return buf;
}

/* The hidden files in dir: a temporary file left behind. */
static int
stray_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_to_path(void **state)
{
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_CSV };
	char path[128], bad[160], want[2048], *got;
	long count = -1;
	FILE *old;

	snprintf(path, sizeof(path), "%s/out.csv", f->dir);
	old = fopen(path, "w");
	assert_non_null(old);
	fputs("the old export\n", old);
	fclose(old);
	/* a failure leaves the old file as it was and no temporary file */
	opts.theme = "没有这个主题";
	assert_int_equal(export_to_path(f->s, &opts, path, &count),
			 JUAN_ENOTFOUND);
	assert_int_equal(count, 0);
	got = read_all(path);
	assert_string_equal(got, "the old export\n");
	free(got);
	assert_int_equal(stray_files(f->dir), 0);
	/* success replaces it whole */
	opts.theme = NULL;
	assert_int_equal(export_to_path(f->s, &opts, path, &count), JUAN_OK);
	assert_int_equal(count, 3);
	got = read_all(path);
	snprintf(want, sizeof(want), "%s%s", csv_header, csv_tagged);
	assert_string_equal(got, want);
	free(got);
	assert_int_equal(stray_files(f->dir), 0);
	/* a directory that does not exist */
	snprintf(bad, sizeof(bad), "%s/no/such/dir/out.csv", f->dir);
	assert_int_equal(export_to_path(f->s, &opts, bad, &count), JUAN_EIO);
	assert_non_null(strstr(store_error(f->s), "out.csv"));
}

/* The full-width ＝ ＋ － ＠ that spreadsheets fold to = + - @ are guarded
 * like them; other full-width text is not. */
static void
test_csv_full_width_guard(void **state)
{
	static const struct {
		const char *title;
		const char *cell;
	} cases[] = {
		{ "＝SUM(A1:A9)", "'＝SUM(A1:A9)" },
		{ "＋86 电话", "'＋86 电话" },
		{ "－负责人", "'－负责人" },
		{ "＠某单位", "'＠某单位" },
		{ "（一）总体要求", "（一）总体要求" },
	};
	struct fixture *f = fixture_new("export-wide", "juan.db");
	struct export_opts opts = { .format = EXPORT_CSV, .all = true };
	char text[128], line[256], path[32];
	struct doc d = {0};
	enum juan_status rc;
	size_t i;
	char *got;

	(void)state;
	assert_non_null(f);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "%s\n正文%zu。\n", cases[i].title, i);
		d.body_len = strlen(text);
		d.meta.title = (char *)cases[i].title;
		snprintf(path, sizeof(path), "/w%zu.txt", i);
		assert_int_equal(store_put(f->s, path, text, strlen(text), &d,
					   NULL, NULL), JUAN_OK);
	}
	got = export_string(f->s, &opts, &rc, NULL);
	assert_int_equal(rc, JUAN_OK);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(line, sizeof(line), "%zu,%s,", i + 1, cases[i].cell);
		if (!strstr(got, line))
			fail_msg("no row '%s' in:\n%s", line, got);
	}
	free(got);
	assert_int_equal(fixture_free(f), 0);
}

/* export_to_path onto the store, by any name or link, is refused and
 * leaves the store whole. */
static void
test_to_path_never_the_store(void **state)
{
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_CSV };
	char hard[160], soft[160], wal[160];
	const char *paths[4];
	struct stat before, after;
	long count = -1;
	size_t i;

	snprintf(hard, sizeof(hard), "%s/hard.db", f->dir);
	snprintf(soft, sizeof(soft), "%s/soft.db", f->dir);
	snprintf(wal, sizeof(wal), "%s-wal", f->path);
	assert_int_equal(link(f->path, hard), 0);
	assert_int_equal(symlink(hard, soft), 0);
	paths[0] = f->path;
	paths[1] = hard;
	paths[2] = soft;
	paths[3] = wal;
	assert_int_equal(stat(f->path, &before), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(export_to_path(f->s, &opts, paths[i], &count),
				 JUAN_EGUARDED);
		assert_int_equal(count, 0);
		assert_non_null(strstr(store_error(f->s), paths[i]));
	}
	assert_int_equal(stat(f->path, &after), 0);
	assert_true(before.st_ino == after.st_ino);
	assert_true(before.st_size == after.st_size);
	assert_int_equal(export_to_path(f->s, &opts, "/dev/null", &count),
			 JUAN_OK);
	assert_int_equal(count, 3);
}

static void
test_write_error(void **state)
{
	struct fixture *f = *state;
	struct export_opts opts = { .format = EXPORT_JSONL, .all = true };
	FILE *full = fopen("/dev/full", "w");

	if (!full)
		skip();
	assert_int_equal(export_write(f->s, &opts, full, NULL), JUAN_EIO);
	fclose(full);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_theme_filter, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_jsonl, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown, setup, teardown),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test_setup_teardown(test_to_path, setup, teardown),
		cmocka_unit_test(test_csv_full_width_guard),
		cmocka_unit_test_setup_teardown(test_to_path_never_the_store,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_error, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
