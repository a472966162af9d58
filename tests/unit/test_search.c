/* Tests of search: hits equal a substring scan over the stored texts for
 * Chinese queries of one to four characters; ranking; snippets. */
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

#include "juan/check.h"
#include "juan/pack.h"
#include "juan/search.h"
#include "juan/store.h"
#include "juan/text.h"
#include "juan/tokenize.h"
#include "db/store_private.h"
#include "util_sql.h"

#define SAMPLE_DIR "assets/sample"

struct fixture {
	char dir[64];
	char path[96];
	struct store *s;
	sqlite3 *raw; /* the same file, for the truth */
	int64_t ids[16];
	size_t nids;
};

/* Documents of our own, after the sample corpus: for ranking, snippets,
 * and the edges of runs. */
static const struct {
	const char *title;
	const char *body;
} extra[] = {
	{ "关于推进海洋牧场建设的通知",
	  "各区：\n现就推进海洋牧场建设通知如下。\n" },
	{ "关于渔业资源保护的意见",
	  "加强渔业资源保护，有序发展海洋牧场，严格休渔制度。\n" },
	{ "关于渔业转型的意见",
	  "海洋牧场是渔业转型的方向。海洋牧场建设要科学规划。"
	  "海洋牧场要与休闲渔业结合。\n" },
	{ "ＰＤＦ附件说明", "附件一：ＰＤＦ格式。Excel 表格另附。\n" },
};

/* A connection to the store's file that knows nothing of FTS: only how
 * the text is stored (juan_text()).  Returns an SQLite result code. */
static int
raw_open(const char *path, sqlite3 **db)
{
	int rc = sqlite3_open(path, db);

	return rc == SQLITE_OK ? pack_register(*db) : rc;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	buf = malloc((size_t)size + 1);
	assert_non_null(buf);
	*len = fread(buf, 1, (size_t)size, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static int64_t
put(struct store *s, const char *path, const char *title, const char *text,
    size_t len)
{
	struct doc d = {0};
	int64_t id = 0;

	d.body_len = len;
	d.meta.title = (char *)title;
	if (store_put(s, path, text, len, &d, NULL, &id) != JUAN_OK)
		fail_msg("store_put %s: %s", path, store_error(s));
	return id;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char err[256], path[512], *names[16], *text, *nl, title[256];
	struct dirent *e;
	size_t n = 0, i, len;
	DIR *dir;

	strcpy(f->dir, "/tmp/juan-test-search-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/juan.db", f->dir);
	if (store_open(f->path, &f->s, err, sizeof(err)) != JUAN_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	dir = opendir(SAMPLE_DIR);
	if (!dir)
		return -1;
	while ((e = readdir(dir)) && n < 16) {
		if (strstr(e->d_name, ".txt"))
			names[n++] = strdup(e->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), name_cmp);
	/* each sample file whole as the body; its first line as the title */
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", SAMPLE_DIR, names[i]);
		text = slurp(path, &len);
		nl = strchr(text, '\n');
		snprintf(title, sizeof(title), "%.*s",
			 nl ? (int)(nl - text) : (int)len, text);
		f->ids[f->nids++] = put(f->s, path, title, text, len);
		free(text);
		free(names[i]);
	}
	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
		snprintf(path, sizeof(path), "/extra/%zu.txt", i);
		f->ids[f->nids++] = put(f->s, path, extra[i].title,
					extra[i].body,
					strlen(extra[i].body));
	}
	if (raw_open(f->path, &f->raw) != SQLITE_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	sqlite3_close(f->raw);
	store_close(&f->s);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The ids of the documents whose title or body contains needle, in id
 * order, by SQLite's instr() on a connection that knows nothing of FTS. */
static size_t
truth(sqlite3 *db, const char *needle, int64_t *ids, size_t max)
{
	sqlite3_stmt *stmt;
	size_t n = 0;

	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT id FROM documents WHERE instr(title, ?1) > 0"
		" OR instr(juan_text(body), ?1) > 0 ORDER BY id", -1, &stmt, NULL),
		SQLITE_OK);
	sqlite3_bind_text(stmt, 1, needle, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		assert_true(n < max);
		ids[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return n;
}

static void
check_query(struct fixture *f, const char *query)
{
	int64_t want[16], *got = NULL;
	size_t nwant, ngot = 0, i;

	nwant = truth(f->raw, query, want, 16);
	if (search_ids(f->s, query, &got, &ngot) != JUAN_OK)
		fail_msg("%s: %s", query, store_error(f->s));
	if (ngot > 0)
		qsort(got, ngot, sizeof(*got), id_cmp);
	if (ngot != nwant)
		fail_msg("%s: %zu hits, %zu documents contain it", query,
			 ngot, nwant);
	for (i = 0; i < ngot; i++)
		if (got[i] != want[i])
			fail_msg("%s: hit %lld, want %lld", query,
				 (long long)got[i], (long long)want[i]);
	free(got);
}

/* Queries of 1 to 4 Han characters cut from the stored texts every few
 * characters, and a few chosen ones, find exactly the documents that
 * contain them. */
static void
test_equals_substring_scan(void **state)
{
	static const char *const chosen[] = {
		"教", "蜃", "育", "教育", "崇明区", "高质量发", "海洋牧场",
		"渔", "渔业", "牧场建", "局", "区", "的",
	};
	struct fixture *f = *state;
	sqlite3_stmt *stmt;
	const char *body;
	size_t i, k, j, len, off, n, checked = 0;
	char needle[32];
	uint32_t cp;
	bool han;

	for (i = 0; i < sizeof(chosen) / sizeof(chosen[0]); i++)
		check_query(f, chosen[i]);
	assert_int_equal(sqlite3_prepare_v2(f->raw,
		"SELECT juan_text(body) FROM documents ORDER BY id", -1, &stmt, NULL),
		SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		body = (const char *)sqlite3_column_text(stmt, 0);
		len = (size_t)sqlite3_column_bytes(stmt, 0);
		for (off = 0; off < len; off += 997) {
			/* to a character boundary */
			while (off < len && ((unsigned char)body[off] & 0xC0) == 0x80)
				off++;
			for (k = 1; k <= 4; k++) {
				j = off;
				han = true;
				for (n = 0; n < k && j < len && han; n++) {
					j += text_next(body + j, len - j, &cp);
					han = text_is_han(cp);
				}
				if (!han || n < k)
					continue;
				snprintf(needle, sizeof(needle), "%.*s",
					 (int)(j - off), body + off);
				check_query(f, needle);
				checked++;
			}
		}
	}
	sqlite3_finalize(stmt);
	assert_true(checked > 100);
}

/* Two words must both match, anywhere. */
static void
test_terms_are_anded(void **state)
{
	struct fixture *f = *state;
	int64_t *ids = NULL;
	size_t n = 0;

	assert_int_equal(search_ids(f->s, "休渔 海洋牧场", &ids, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], f->ids[f->nids - 3]);
	free(ids);
	assert_int_equal(search_ids(f->s, "pdf 表格", &ids, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], f->ids[f->nids - 1]);
	free(ids);
	assert_int_equal(search_ids(f->s, "ｅｘｃｅｌ", &ids, &n), JUAN_OK);
	assert_int_equal(n, 1);
	free(ids);
}

/* A hit in the title outranks hits in the body; more hits outrank fewer. */
static void
test_ranking(void **state)
{
	struct fixture *f = *state;
	struct search_hit *hits = NULL;
	int64_t *ids = NULL;
	size_t n = 0, nids = 0, i;
	int64_t titled = f->ids[f->nids - 4];
	int64_t thrice = f->ids[f->nids - 2];
	int64_t once = f->ids[f->nids - 3];

	assert_int_equal(search_run(f->s, "海洋牧场", 0, "[", "]", &hits, &n),
			 JUAN_OK);
	assert_int_equal(n, 3);
	assert_int_equal(hits[0].id, titled);
	assert_int_equal(hits[1].id, thrice);
	assert_int_equal(hits[2].id, once);
	assert_true(hits[0].rank <= hits[1].rank);
	assert_true(hits[1].rank <= hits[2].rank);
	assert_string_equal(hits[0].title, "关于推进海洋牧场建设的通知");
	/* search_ids gives the same order */
	assert_int_equal(search_ids(f->s, "海洋牧场", &ids, &nids), JUAN_OK);
	assert_int_equal(nids, n);
	for (i = 0; i < n; i++)
		assert_int_equal(ids[i], hits[i].id);
	free(ids);
	search_hits_free(hits, n);
}

/* The snippet of the hit with id for query; caller frees. */
static char *
snippet_of(struct fixture *f, const char *query, int64_t id)
{
	struct search_hit *hits = NULL;
	char *snippet = NULL;
	size_t n = 0, i;

	if (search_run(f->s, query, 0, "[", "]", &hits, &n) != JUAN_OK)
		fail_msg("%s: %s", query, store_error(f->s));
	for (i = 0; i < n; i++)
		if (hits[i].id == id)
			snippet = strdup(hits[i].snippet);
	search_hits_free(hits, n);
	if (!snippet)
		fail_msg("%s: document %lld not found", query, (long long)id);
	return snippet;
}

/* extra[i] as stored: its id is among the last of the fixture */
#define EXTRA_ID(f, i) ((f)->ids[(f)->nids - 4 + (i)])

static const struct {
	const char *query;
	int extra;
	const char *snippet;
} snippet_cases[] = {
	/* one character: the character alone is marked, not its bigram */
	{ "渔", 1, "加强[渔]业资源保护，有序发展海洋牧场，严格休[渔]制度。\n" },
	{ "场", 1, "…，有序发展海洋牧[场]，严格休渔制度。\n" },
	{ "休渔", 1, "…展海洋牧场，严格[休渔]制度。\n" },
	{ "休渔 海洋牧场", 1,
	  "…源保护，有序发展[海洋牧场]，严格[休渔]制度。\n" },
	/* overlapping hits become one mark; touching ones stay two
	 * (text_spans_merge, as in the text pane) */
	{ "海洋 洋牧", 1, "…源保护，有序发展[海洋牧]场，严格休渔制度。\n" },
	{ "有序 发展", 1, "…强渔业资源保护，[有序][发展]海洋牧场，严格休渔制度。\n" },
	/* only in the title: the title */
	{ "说明", 3, "ＰＤＦ附件[说明]" },
	/* folded matches mark the text as written */
	{ "pdf", 3, "附件一：[ＰＤＦ]格式。Excel 表格另附。\n" },
	{ "EXCEL", 3, "…一：ＰＤＦ格式。[Excel] 表格另附。\n" },
	/* a window of 32 characters from 8 before the first hit */
	{ "海洋牧场", 2,
	  "[海洋牧场]是渔业转型的方向。[海洋牧场]建设要科学规划。[海洋牧场]要与休…" },
	/* one character: every occurrence in the window, though the index
	 * has its character mark at the first only */
	{ "牧", 2,
	  "海洋[牧]场是渔业转型的方向。海洋[牧]场建设要科学规划。海洋[牧]场要与休…" },
	{ "科学规划", 2,
	  "…。海洋牧场建设要[科学规划]。海洋牧场要与休闲渔业结合。\n" },
};

static void
test_snippet_marks(void **state)
{
	struct fixture *f = *state;
	struct search_hit *hits = NULL;
	size_t n = 0, i;
	char *got;

	for (i = 0; i < sizeof(snippet_cases) / sizeof(snippet_cases[0]); i++) {
		got = snippet_of(f, snippet_cases[i].query,
				 EXTRA_ID(f, snippet_cases[i].extra));
		assert_string_equal(got, snippet_cases[i].snippet);
		free(got);
	}
	/* other marks, and none */
	assert_int_equal(search_run(f->s, "休渔", 0, "<b>", "</b>", &hits, &n),
			 JUAN_OK);
	assert_int_equal(n, 1);
	assert_non_null(strstr(hits[0].snippet, "严格<b>休渔</b>制度"));
	search_hits_free(hits, n);
	assert_int_equal(search_run(f->s, "休渔", 0, NULL, NULL, &hits, &n),
			 JUAN_OK);
	assert_non_null(strstr(hits[0].snippet, "严格休渔制度"));
	search_hits_free(hits, n);
}

/* In a long text: a window cut with "…" at both ends, 32 characters, the
 * first hit 8 characters in. */
static void
test_snippet_window(void **state)
{
	struct fixture *f = *state;
	struct search_hit *hits = NULL;
	const char *p, *open;
	size_t n = 0;
	int chars = 0;
	uint32_t cp;

	assert_int_equal(search_run(f->s, "温馨提品", 0, "[", "]", &hits, &n),
			 JUAN_OK);
	assert_int_equal(n, 1);
	p = hits[0].snippet;
	assert_memory_equal(p, "…", 3);
	assert_memory_equal(p + strlen(p) - 3, "…", 3);
	open = strstr(p, "[温馨提品]");
	assert_non_null(open);
	for (p += 3; p < open; p += text_next(p, 4, &cp))
		chars++;
	assert_int_equal(chars, 8);
	for (p = hits[0].snippet + 3, chars = 0; *p; p += text_next(p, 4, &cp))
		chars++;
	assert_int_equal(chars, 32 + 2 + 1); /* text, marks, final "…" */
	search_hits_free(hits, n);
}

/* A packed body whose first hit lies beyond what its position says (a
 * position per character of Chinese, none for punctuation): the snippet is
 * found in the whole text once the start unpacked does not reach it. */
static void
test_snippet_far_in_packed(void **state)
{
	struct fixture *f = *state;
	char body[8192];
	size_t at = 0, i;
	int64_t id;
	char *got;

	for (i = 0; i < 2000; i++)
		at += (size_t)snprintf(body + at, sizeof(body) - at, "—");
	snprintf(body + at, sizeof(body) - at, "深海网箱养殖是方向。\n");
	id = put(f->s, "/extra/far.txt", "养殖", body, strlen(body));
	assert_int_equal(test_sql_int(f->raw, "SELECT typeof(body) = 'blob'"
				      " FROM documents WHERE path ="
				      " '/extra/far.txt'"), 1);
	got = snippet_of(f, "网箱", id);
	assert_string_equal(got, "…——————深海[网箱]养殖是方向。\n");
	free(got);
}

/* text with the spans of search_text_hits() between [ and ]; caller frees */
static char *
marked(const char *text, const char *query)
{
	struct text_span *spans = NULL;
	size_t n = 0, i, at = 0, len = strlen(text);
	char *out = malloc(len + 1 + 2 * 64), *o = out;

	assert_non_null(out);
	assert_int_equal(search_text_hits(text, len, query, &spans, &n),
			 JUAN_OK);
	assert_true(n <= 64);
	for (i = 0; i < n; i++) {
		assert_true(spans[i].off >= at);
		assert_true(spans[i].off + spans[i].len <= len);
		memcpy(o, text + at, spans[i].off - at);
		o += spans[i].off - at;
		*o++ = '[';
		memcpy(o, text + spans[i].off, spans[i].len);
		o += spans[i].len;
		*o++ = ']';
		at = spans[i].off + spans[i].len;
	}
	strcpy(o, text + at);
	free(spans);
	return out;
}

static const struct {
	const char *text;
	const char *query;
	const char *marked;
} text_hit_cases[] = {
	{ "严格休渔制度，渔业转型", "渔", "严格休[渔]制度，[渔]业转型" },
	{ "严格休渔制度，渔业转型", "渔业", "严格休渔制度，[渔业]转型" },
	{ "严格休渔制度，渔业转型", "渔 制度", "严格休[渔][制度]，[渔]业转型" },
	{ "严格休渔制度，渔业转型", "休渔制度渔业", "严格休渔制度，渔业转型" },
	{ "严格休渔制度，渔业转型", "制度，渔业", "严格休渔[制度，渔业]转型" },
	/* a run of characters does not jump punctuation that the query lacks */
	{ "严格休渔制度，渔业转型", "制度渔业", "严格休渔制度，渔业转型" },
	{ "海洋牧场", "海洋 洋牧", "[海洋牧]场" },
	{ "海洋牧场", "海洋牧场建设", "海洋牧场" },
	{ "附件：ＰＤＦ格式", "pdf格式", "附件：[ＰＤＦ格式]" },
	{ "附件：PDF格式", "ＰＤＦ", "附件：[PDF]格式" },
	{ "a ab a", "a", "[a] ab [a]" },
	{ "2024年工作要点", "2024年", "[2024年]工作要点" },
	{ "2024年", "4年", "2024年" },
	{ "教育", "", "教育" },
	{ "教育", "，", "教育" },
	{ "", "教育", "" },
};

static void
test_text_hits(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(text_hit_cases) / sizeof(text_hit_cases[0]);
	     i++) {
		got = marked(text_hit_cases[i].text, text_hit_cases[i].query);
		if (strcmp(got, text_hit_cases[i].marked) != 0)
			fail_msg("%s in %s: %s, want %s",
				 text_hit_cases[i].query,
				 text_hit_cases[i].text, got,
				 text_hit_cases[i].marked);
		free(got);
	}
}

/* A document has hits of a one-term query in its title or body exactly
 * when search finds it. */
static void
test_text_hits_agree(void **state)
{
	static const char *const queries[] = {
		"教", "高校", "崇明区", "高质量发", "海洋牧场", "ｐｄｆ", "渔",
		"教育，发展", "2024年",
	};
	struct fixture *f = *state;
	struct text_span *spans;
	int64_t *ids = NULL, id;
	size_t q, i, n, nids, nspans;
	sqlite3_stmt *stmt;
	bool found, hit;
	const char *col;
	int c;

	assert_int_equal(sqlite3_prepare_v2(f->raw,
		"SELECT id, title, juan_text(body) FROM documents", -1, &stmt, NULL),
		SQLITE_OK);
	for (q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
		assert_int_equal(search_ids(f->s, queries[q], &ids, &nids),
				 JUAN_OK);
		n = 0;
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			id = sqlite3_column_int64(stmt, 0);
			hit = false;
			for (c = 1; c <= 2; c++) {
				col = (const char *)sqlite3_column_text(stmt, c);
				assert_int_equal(search_text_hits(col,
					strlen(col), queries[q], &spans,
					&nspans), JUAN_OK);
				hit = hit || nspans > 0;
				free(spans);
			}
			for (i = 0, found = false; i < nids; i++)
				found = found || ids[i] == id;
			if (hit != found)
				fail_msg("%s, document %lld: search %d, hits %d",
					 queries[q], (long long)id, found, hit);
			n += hit;
		}
		assert_int_equal(n, nids);
		sqlite3_reset(stmt);
		free(ids);
	}
	sqlite3_finalize(stmt);
}

static void
test_limit(void **state)
{
	struct fixture *f = *state;
	struct search_hit *hits = NULL;
	size_t n = 0, all = 0;

	assert_int_equal(search_run(f->s, "教育", 0, "", "", &hits, &all),
			 JUAN_OK);
	search_hits_free(hits, all);
	assert_true(all >= 3);
	assert_int_equal(search_run(f->s, "教育", 2, "", "", &hits, &n),
			 JUAN_OK);
	assert_int_equal(n, 2);
	search_hits_free(hits, n);
}

/* Queries with nothing searchable, or with FTS5 syntax, neither fail nor
 * act as syntax. */
static void
test_odd_queries(void **state)
{
	static const char *const queries[] = {
		"", "   ", "，。！", "\"", "\"\"\"", "*", "教育 OR", "NOT 教育",
		"title:教育", "(教育", "教育 AND", "NEAR(教育 海洋)", "^教育",
	};
	struct fixture *f = *state;
	struct search_hit *hits = NULL;
	int64_t *ids = NULL;
	size_t i, n = 0;

	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		if (search_run(f->s, queries[i], 10, "[", "]", &hits, &n) !=
		    JUAN_OK)
			fail_msg("%s: %s", queries[i], store_error(f->s));
		search_hits_free(hits, n);
		if (search_ids(f->s, queries[i], &ids, &n) != JUAN_OK)
			fail_msg("%s: %s", queries[i], store_error(f->s));
		free(ids);
	}
	assert_int_equal(search_run(f->s, "，。", 10, "[", "]", &hits, &n),
			 JUAN_OK);
	assert_int_equal(n, 0);
	assert_null(hits);
	/* "OR" is a word to look for, not an operator */
	assert_int_equal(search_ids(f->s, "教育 OR", &ids, &n), JUAN_OK);
	assert_int_equal(n, 0);
	free(ids);
}

/* A changed document is found by its new text only. */
static void
test_follows_updates(void **state)
{
	struct fixture *f = *state;
	int64_t *ids = NULL;
	size_t n = 0;
	const char *text = "滩涂湿地保护。\n";

	put(f->s, "/extra/0.txt", "关于滩涂的通知", text, strlen(text));
	check_query(f, "滩涂");
	check_query(f, "牧场");
	assert_int_equal(search_ids(f->s, "推进海洋", &ids, &n), JUAN_OK);
	assert_int_equal(n, 0);
	free(ids);
}

/* ---- many hits: SEARCH_RANK_MAX exceeded ---------------------------- */

#define MANY (SEARCH_RANK_MAX + 200)

/* A store of MANY documents (each its own text: the number) that all have
 * 教育 in the body and 工作 in the title; one in three has 教育督导工作 in
 * the title too; all but one in ten have 督导工作 in the body, and that
 * one has its three bigrams apart (督导工程。工作). */
static int
setup_many(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char err[256], path[64], title[128], body[256];
	size_t i;

	strcpy(f->dir, "/tmp/juan-test-search-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/juan.db", f->dir);
	if (store_open(f->path, &f->s, err, sizeof(err)) != JUAN_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	for (i = 0; i < MANY; i++) {
		snprintf(path, sizeof(path), "/many/%zu.txt", i);
		snprintf(title, sizeof(title), "关于%s工作的通知（第%zu号）",
			 i % 3 == 0 ? "学校教育督导" : "后勤保障", i);
		snprintf(body, sizeof(body), "各校：\n请做好%s督导%s。%s"
			 "\n第%zu号\n", i % 2 ? "教育" : "素质教育",
			 i % 10 ? "工作" : "工程。工作要细",
			 i % 5 ? "" : "教育质量是教育的生命线。", i);
		put(f->s, path, title, body, strlen(body));
	}
	if (raw_open(f->path, &f->raw) != SQLITE_OK)
		return -1;
	*state = f;
	return 0;
}

/* The ids that sql yields on db with ?1 bound to param, in *ids (caller
 * frees; room for MANY); returns their number. */
static size_t
sql_ids(sqlite3 *db, const char *sql, const char *param, int64_t **ids)
{
	sqlite3_stmt *stmt;
	size_t n = 0;

	*ids = malloc(MANY * sizeof(**ids));
	assert_non_null(*ids);
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_bind_text(stmt, 1, param, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		assert_true(n < MANY);
		(*ids)[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return n;
}

/* The ids of the documents whose column col contains needle, by instr(), in
 * id order, in *ids (caller frees); returns their number. */
static size_t
truth_in(sqlite3 *db, const char *col, const char *needle, int64_t **ids)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT id FROM documents"
		 " WHERE instr(%s, ?1) > 0 ORDER BY id", col);
	return sql_ids(db, sql, needle, ids);
}

/* Too many hits to rank: every hit of query (one word) still, the title
 * hits (if any) first, then the others by id; search_run gives the same order with
 * snippets. */
static void
check_many(struct fixture *f, const char *query)
{
	struct search_hit *hits = NULL;
	int64_t *ids = NULL, *all, *titled, *sorted;
	size_t n = 0, nhits = 0, nall, ntitled, i;
	char mark[64];

	nall = truth_in(f->raw, "title || ' ' || juan_text(body)", query, &all);
	ntitled = truth_in(f->raw, "title", query, &titled);
	assert_true(nall > SEARCH_RANK_MAX);
	assert_true(ntitled < nall);
	if (search_ids(f->s, query, &ids, &n) != JUAN_OK)
		fail_msg("%s: %s", query, store_error(f->s));
	assert_int_equal(n, nall);
	/* the title hits first, in any order */
	sorted = malloc(n * sizeof(*sorted));
	assert_non_null(sorted);
	memcpy(sorted, ids, ntitled * sizeof(*ids));
	qsort(sorted, ntitled, sizeof(*sorted), id_cmp);
	for (i = 0; i < ntitled; i++)
		assert_int_equal(sorted[i], titled[i]);
	/* then the others, by id */
	for (i = ntitled + 1; i < n; i++)
		assert_true(ids[i - 1] < ids[i]);
	/* and all of them once */
	memcpy(sorted, ids, n * sizeof(*ids));
	qsort(sorted, n, sizeof(*sorted), id_cmp);
	for (i = 0; i < n; i++)
		assert_int_equal(sorted[i], all[i]);
	/* search_run: the same order, a page or all */
	snprintf(mark, sizeof(mark), "[%s]", query);
	assert_int_equal(search_run(f->s, query, 50, "[", "]", &hits, &nhits),
			 JUAN_OK);
	assert_int_equal(nhits, 50);
	for (i = 0; i < nhits; i++) {
		assert_int_equal(hits[i].id, ids[i]);
		assert_non_null(strstr(hits[i].snippet, mark));
	}
	search_hits_free(hits, nhits);
	assert_int_equal(search_run(f->s, query, 0, "[", "]", &hits, &nhits),
			 JUAN_OK);
	assert_int_equal(nhits, n);
	for (i = 0; i < nhits; i++)
		assert_int_equal(hits[i].id, ids[i]);
	if (ntitled > 0)
		assert_non_null(strstr(hits[0].title, query));
	search_hits_free(hits, nhits);
	free(ids);
	free(sorted);
	free(all);
	free(titled);
}

/* What version 11 changed, undone: the text as it is, and the index reading
 * it from documents. */
#define UNPACKED \
	"PRAGMA writable_schema = ON;" \
	"UPDATE sqlite_schema SET sql = replace(sql, 'content=''doc_text'''," \
	" 'content=''documents''') WHERE name = 'doc_fts';" \
	"PRAGMA writable_schema = OFF;" \
	"DROP VIEW doc_text;" \
	"UPDATE documents SET head = juan_text(head), body = juan_text(body)," \
	" tail = juan_text(tail);"

/* Closes the store, runs sql on the raw connection (to make the store
 * look older), and opens both again: the store migrates. */
static void
reopen_after(struct fixture *f, const char *sql)
{
	char err[256];

	store_close(&f->s);
	assert_int_equal(sqlite3_exec(f->raw, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(f->raw);
	if (store_open(f->path, &f->s, err, sizeof(err)) != JUAN_OK)
		fail_msg("%s", err);
	assert_int_equal(raw_open(f->path, &f->raw), SQLITE_OK);
}

/* A store of schema version 3 (a prefix index, no character marks) gets
 * its index rebuilt when opened: the prefix index is gone, and queries of
 * one character find exactly the documents that contain it. */
static void
test_old_index_rebuilt(void **state)
{
	struct fixture *f = *state;
	static const char *const chars[] = {"教", "渔", "牧", "附", "崇"};
	size_t i;

	reopen_after(f, UNPACKED
		"PRAGMA writable_schema = ON;"
		"UPDATE sqlite_schema SET sql = replace(sql, 'tokenize=''juan''',"
		" 'tokenize=''juan'', prefix=''1''') WHERE name = 'doc_fts';"
		"PRAGMA writable_schema = OFF;"
		/* what versions 4 to 12 added besides the index (11 above) */
		TEST_SQL_DROP_TITLE_FTS
		"DROP TABLE suggest_tops;"
		"DROP TABLE suggest_models;"
		"ALTER TABLE history DROP COLUMN accepted;"
		"DROP TABLE codings;"
		"DROP TABLE coding_history;"
		"ALTER TABLE history DROP COLUMN source;"
		"DELETE FROM settings WHERE key = 'store.uid';"
		"ALTER TABLE documents DROP COLUMN doubts;"
		"DROP INDEX documents_date;"
		"DROP INDEX documents_issuer;"
		"DROP INDEX documents_docno;"
		"DROP INDEX documents_title;"
		"DROP INDEX doc_tags_state;"
		/* and the table version 9 dropped */
		"CREATE TABLE sections(doc_id INTEGER);"
		"PRAGMA user_version = 3");
	assert_int_equal(test_sql_int(f->raw, "SELECT instr(sql, 'prefix')"
				      " FROM sqlite_schema"
				      " WHERE name = 'doc_fts'"), 0);
	for (i = 0; i < sizeof(chars) / sizeof(chars[0]); i++)
		check_query(f, chars[i]);
}

static void
ignore_problem(enum check_part part, const char *msg, void *ctx)
{
	(void)part;
	(void)msg;
	(void)ctx;
}

/* A store of schema 6 has the title first in doc_fts, and a table of
 * sections: opening it puts the body first and rebuilds the index, which
 * then agrees with the stored text (the old index, made for the title
 * first, would not), and drops the sections. */
static void
test_body_first_migrated(void **state)
{
	struct fixture *f = *state;

	reopen_after(f, UNPACKED
		"PRAGMA writable_schema = ON;"
		"UPDATE sqlite_schema SET sql = replace(sql, 'body, title,',"
		" 'title, body,') WHERE name = 'doc_fts';"
		"PRAGMA writable_schema = OFF;"
		"CREATE TABLE sections(doc_id INTEGER);"
		/* and what versions 10 and 12 added (11 above) */
		TEST_SQL_DROP_TITLE_FTS
		"DROP INDEX documents_date;"
		"DROP INDEX documents_issuer;"
		"DROP INDEX documents_docno;"
		"DROP INDEX documents_title;"
		"DROP INDEX doc_tags_state;"
		"PRAGMA user_version = 8");
	assert_int_equal(test_sql_int(f->raw, "SELECT instr(sql,"
				      " '(  body, title,') > 0 FROM sqlite_schema"
				      " WHERE name = 'doc_fts'"), 1);
	assert_int_equal(test_sql_int(f->raw, "SELECT count(*)"
				      " FROM sqlite_schema"
				      " WHERE name = 'sections'"), 0);
	assert_int_equal(store_check(f->s, ignore_problem, NULL), 0);
	check_query(f, "教育");
	check_query(f, "崇");
}

/* A store of schema 10 has its text as it is, and its index reads it from
 * documents: opening it packs every long part, gives back the pages that
 * freed, and the index, rebuilt to read the text through doc_text, agrees
 * with it. */
static void
test_packed_migrated(void **state)
{
	struct fixture *f = *state;

	reopen_after(f, UNPACKED TEST_SQL_DROP_TITLE_FTS
		     "PRAGMA user_version = 10");
	assert_int_equal(test_sql_int(f->raw, "SELECT count(*) FROM documents"
				      " WHERE typeof(body) = 'text' AND"
				      " length(CAST(body AS BLOB)) >= 1000"), 0);
	assert_true(test_sql_int(f->raw, "SELECT count(*) FROM documents"
				 " WHERE typeof(body) = 'blob'") >= 5);
	assert_int_equal(test_sql_int(f->raw, "SELECT instr(sql,"
				      " 'content=''doc_text''') > 0"
				      " FROM sqlite_schema"
				      " WHERE name = 'doc_fts'"), 1);
	/* the pages of the text as it was are given back */
	assert_int_equal(test_sql_int(f->raw, "PRAGMA freelist_count"), 0);
	assert_int_equal(store_check(f->s, ignore_problem, NULL), 0);
	check_query(f, "教育");
	check_query(f, "崇");
}

static void
test_many_hits_order(void **state)
{
	struct fixture *f = *state;

	check_many(f, "教育");
	/* one character: a prefix query */
	check_many(f, "教");
	/* a phrase of three bigrams, which some documents have apart */
	check_many(f, "督导工作");
}

/* Too many title hits to rank them: every hit by id. */
static void
test_many_title_hits(void **state)
{
	struct fixture *f = *state;
	int64_t *ids = NULL, *all;
	size_t n = 0, nall, i;

	nall = truth_in(f->raw, "title", "工作", &all);
	assert_true(nall > SEARCH_RANK_MAX);
	assert_int_equal(search_ids(f->s, "工作", &ids, &n), JUAN_OK);
	assert_int_equal(n, nall);
	for (i = 0; i < n; i++)
		assert_int_equal(ids[i], all[i]);
	free(ids);
	free(all);
}

/* A query of more hits than SEARCH_RANK_MAX with fewer title hits: its
 * title hits come first, in the order bm25 gives them in doc_fts with the
 * query in the title column alone (as search.c ranked them before the
 * titles had their own index), ties included; the others follow by id.
 * Each query's title hits have ties (equal titles, bodies of equal
 * length), so the order among them is tested too. */
static void
check_title_order(struct fixture *f, const char *query, const char *expr)
{
	sqlite3 *db = f->s->db; /* the store's: it has juan's tokenizer */
	int64_t *ids = NULL, *want, *all;
	char match[128];
	size_t n = 0, nwant, nall, i;

	snprintf(match, sizeof(match), "title : (%s)", expr);
	nwant = sql_ids(db, "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1"
			" AND rank MATCH 'bm25(1.0, 10.0)' ORDER BY rank",
			match, &want);
	nall = sql_ids(db, "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1",
		       expr, &all);
	assert_true(nall > SEARCH_RANK_MAX);
	assert_true(nwant > 1 && nwant <= SEARCH_RANK_MAX);
	/* ties among them: fewer ranks than hits */
	free(all);
	assert_true(sql_ids(db, "SELECT count(DISTINCT rank) FROM doc_fts"
			    " WHERE doc_fts MATCH ?1"
			    " AND rank MATCH 'bm25(1.0, 10.0)'", match,
			    &all) == 1);
	assert_true(all[0] < (int64_t)nwant);
	if (search_ids(f->s, query, &ids, &n) != JUAN_OK)
		fail_msg("%s: %s", query, store_error(f->s));
	assert_int_equal(n, nall);
	for (i = 0; i < nwant; i++)
		if (ids[i] != want[i])
			fail_msg("%s: title hit %zu is %lld, bm25 has %lld",
				 query, i, (long long)ids[i],
				 (long long)want[i]);
	for (i = nwant + 1; i < n; i++)
		assert_true(ids[i - 1] < ids[i]);
	free(ids);
	free(want);
	free(all);
}

static void
test_many_title_order(void **state)
{
	struct fixture *f = *state;

	check_title_order(f, "教育", "\"教育\"");
	check_title_order(f, "教", "\"\x01教\"");
	check_title_order(f, "教育督导", "\"教育\" + \"育督\" + \"督导\"");
	check_title_order(f, "督导 工作", "\"督导\" AND \"工作\"");
}

/* A store of schema 11 has no titles' index: opening it builds one, which
 * agrees with the stored titles and orders the title hits as before. */
static void
test_title_index_migrated(void **state)
{
	struct fixture *f = *state;

	reopen_after(f, TEST_SQL_DROP_TITLE_FTS "PRAGMA user_version = 11");
	assert_int_equal(test_sql_int(f->raw, "SELECT count(*)"
				      " FROM sqlite_schema"
				      " WHERE name = 'title_fts'"), 1);
	assert_int_equal(store_check(f->s, ignore_problem, NULL), 0);
	check_many(f, "教育");
	check_title_order(f, "教育", "\"教育\"");
}

/* A titles' index that disagrees with the search index (a title hit that
 * is no hit) makes a search of many hits fail, saying what repairs it, and
 * the repair does. */
static void
test_title_index_damaged(void **state)
{
	struct fixture *f = *state;
	int64_t *ids = NULL;
	size_t n = 0;

	assert_int_equal(sqlite3_exec(f->s->db, "INSERT INTO title_fts(rowid,"
				      " title) VALUES(99999, '教育')", NULL,
				      NULL, NULL), SQLITE_OK);
	assert_int_equal(search_ids(f->s, "教育", &ids, &n), JUAN_EDB);
	assert_null(ids);
	assert_non_null(strstr(store_error(f->s), "check --repair"));
	assert_int_equal(store_check_repair(f->s), JUAN_OK);
	check_many(f, "教育");
}

/* A document whose title changes leaves the titles' index with its new
 * title only: the check finds the index whole, and the old title's words
 * no longer find it. */
static void
test_title_index_follows(void **state)
{
	struct fixture *f = *state;
	const char *before = "海洋牧场。\n", *after = "湿地。\n";
	int64_t *ids = NULL, id;
	size_t n = 0;

	id = put(f->s, "/extra/9.txt", "关于滩涂的通知", before,
		 strlen(before));
	put(f->s, "/extra/9.txt", "关于湿地的通知", after, strlen(after));
	assert_int_equal(store_check(f->s, ignore_problem, NULL), 0);
	assert_int_equal(search_ids(f->s, "滩涂", &ids, &n), JUAN_OK);
	assert_int_equal(n, 0);
	free(ids);
	n = sql_ids(f->s->db, "SELECT rowid FROM title_fts"
		    " WHERE title_fts MATCH ?1", "\"湿地\"", &ids);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], id);
	free(ids);
}

/* Few hits in the same store are ranked: the title hit first. */
static void
test_many_few_ranked(void **state)
{
	struct fixture *f = *state;
	int64_t *ids = NULL, *all;
	size_t n = 0, nall;

	nall = truth_in(f->raw, "title || ' ' || juan_text(body)", "第999号", &all);
	assert_int_equal(nall, 1);
	assert_int_equal(search_ids(f->s, "第999号", &ids, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], all[0]);
	free(ids);
	free(all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_equals_substring_scan,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_terms_are_anded, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_ranking, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snippet_marks, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_snippet_far_in_packed,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_snippet_window, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_limit, setup, teardown),
		cmocka_unit_test(test_text_hits),
		cmocka_unit_test_setup_teardown(test_text_hits_agree, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_odd_queries, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_follows_updates, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_old_index_rebuilt, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_packed_migrated, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_body_first_migrated, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_many_hits_order,
						setup_many, teardown),
		cmocka_unit_test_setup_teardown(test_many_title_hits,
						setup_many, teardown),
		cmocka_unit_test_setup_teardown(test_many_few_ranked,
						setup_many, teardown),
		cmocka_unit_test_setup_teardown(test_many_title_order,
						setup_many, teardown),
		cmocka_unit_test_setup_teardown(test_title_index_migrated,
						setup_many, teardown),
		cmocka_unit_test_setup_teardown(test_title_index_damaged,
						setup_many, teardown),
		cmocka_unit_test_setup_teardown(test_title_index_follows,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
