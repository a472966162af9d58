/* Tests of the "juan" tokenizer: tokens, offsets, MATCH expressions, and
 * that FTS5 with it finds exactly the rows a substring scan finds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "juan/text.h"
#include "juan/tokenize.h"
#include "search/search_private.h"

/* The tokens of a text joined by "|"; colocated tokens are marked "~". */
struct joined {
	char buf[1024];
	size_t len;
	int count;
};

static int
join_token(void *ctx, const char *tok, int len, int start, int end,
	   int colocated)
{
	struct joined *j = ctx;

	(void)start;
	(void)end;
	assert_true(j->len + (size_t)len + 2 < sizeof(j->buf));
	if (j->count > 0)
		j->buf[j->len++] = colocated ? '~' : '|';
	memcpy(j->buf + j->len, tok, (size_t)len);
	j->len += (size_t)len;
	j->buf[j->len] = '\0';
	j->count++;
	return 0;
}

static const char *
tokens(const char *text, bool query, struct joined *j)
{
	memset(j, 0, sizeof(*j));
	assert_int_equal(tokenize_text(text, (int)strlen(text), query,
				       join_token, j), 0);
	return j->buf;
}

static const struct {
	const char *text;
	const char *index;
	const char *query;
} token_cases[] = {
	{ "", "", "" },
	{ "教", "教", "教" },
	{ "教育", "教育|育", "教育" },
	{ "教育局", "教育|育局|局", "教育|育局" },
	{ "上海市崇明区", "上海|海市|市崇|崇明|明区|区",
	  "上海|海市|市崇|崇明|明区" },
	/* punctuation and spaces end a run */
	{ "教育，发展", "教育|育|发展|展", "教育|育|发展" },
	{ "一、聚焦", "一|聚焦|焦", "一|聚焦" },
	{ "教育\u3000发展", "教育|育|发展|展", "教育|育|发展" },
	/* digits and letters are words, lowercased */
	{ "2024年工作要点", "2024|年工|工作|作要|要点|点",
	  "2024|年工|工作|作要|要点" },
	{ "沪崇教〔2024〕1号", "沪崇|崇教|教|2024|1|号", "沪崇|崇教|教|2024|1|号" },
	{ "PDF格式", "pdf|格式|式", "pdf|格式" },
	{ "Hello, World 42", "hello|world|42", "hello|world|42" },
	/* full-width ASCII folds to half width */
	{ "ＡＢＣ１２３", "abc123", "abc123" },
	{ "第１２条", "第|12|条", "第|12|条" },
	{ "（ＷＴＯ）规则", "wto|规则|则", "wto|规则" },
	/* other scripts' letters are words too */
	{ "Ελλάδα Straße", "ελλάδα|straße", "ελλάδα|straße" },
	/* kana and hangul run like Han */
	{ "ひらがな", "ひら|らが|がな|な", "ひら|らが|がな" },
	{ "한국어", "한국|국어|어", "한국|국어" },
	/* bad bytes separate */
	{ "教\xff育", "教|育", "教|育" },
};

static void
test_tokens(void **state)
{
	struct joined j;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(token_cases) / sizeof(token_cases[0]); i++) {
		assert_string_equal(tokens(token_cases[i].text, false, &j),
				    token_cases[i].index);
		assert_string_equal(tokens(token_cases[i].text, true, &j),
				    token_cases[i].query);
	}
}

struct offsets {
	int start[16];
	int end[16];
	int n;
};

static int
record_offsets(void *ctx, const char *tok, int len, int start, int end,
	       int colocated)
{
	struct offsets *o = ctx;

	(void)tok;
	(void)len;
	(void)colocated;
	assert_true(o->n < 16);
	o->start[o->n] = start;
	o->end[o->n] = end;
	o->n++;
	return 0;
}

static void
test_offsets(void **state)
{
	/* "Ａ教育 x": Ａ is 3 bytes, each Han 3 bytes */
	const char *text = "\xef\xbc\xa1教育 x";
	struct offsets o = {0};

	(void)state;
	assert_int_equal(tokenize_text(text, (int)strlen(text), false,
				       record_offsets, &o), 0);
	assert_int_equal(o.n, 4);
	assert_int_equal(o.start[0], 0);  /* a */
	assert_int_equal(o.end[0], 3);
	assert_int_equal(o.start[1], 3);  /* 教育 */
	assert_int_equal(o.end[1], 9);
	assert_int_equal(o.start[2], 6);  /* 育 */
	assert_int_equal(o.end[2], 9);
	assert_int_equal(o.start[3], 10); /* x */
	assert_int_equal(o.end[3], 11);
}

static int
stop_at_second(void *ctx, const char *tok, int len, int start, int end,
	       int colocated)
{
	int *seen = ctx;

	(void)tok;
	(void)len;
	(void)start;
	(void)end;
	(void)colocated;
	return ++*seen == 2 ? 7 : 0;
}

static void
test_callback_stops(void **state)
{
	int seen = 0;

	(void)state;
	assert_int_equal(tokenize_text("教育发展", 12, false, stop_at_second,
				       &seen), 7);
	assert_int_equal(seen, 2);
}

static void
test_long_word(void **state)
{
	char text[2000];
	struct joined j;

	(void)state;
	memset(text, 'A', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	memset(&j, 0, sizeof(j));
	/* longer than the tokenizer's own word buffer */
	assert_int_equal(tokenize_text(text, 500, false, join_token, &j), 0);
	assert_int_equal(j.count, 1);
	assert_int_equal((int)j.len, 500);
	assert_int_equal(j.buf[0], 'a');
	assert_int_equal(j.buf[499], 'a');
}

static const struct {
	const char *query;
	const char *expr;
} expr_cases[] = {
	{ "", "" },
	{ "  ，。 ", "" },
	/* one character alone: its character mark (tokenize.h) */
	{ "教", "\"\001教\"" },
	{ "教育", "\"教育\"" },
	{ "教育局", "\"教育\" + \"育局\"" },
	{ "教育 发展", "\"教育\" AND \"发展\"" },
	{ "教育\u3000发展", "\"教育\" AND \"发展\"" },
	{ "  教育  ", "\"教育\"" },
	{ "教育，发展", "\"教育\" + \"育\" + \"发展\"" },
	{ "教育，发", "\"教育\" + \"育\" + \"发\"*" },
	{ "2024年", "\"2024\" + \"年\"*" },
	{ "年2024", "\"年\" + \"2024\"" },
	{ "ＰＤＦ", "\"pdf\"" },
	{ "a", "\"a\"" },
	/* quotes and FTS5 syntax in a query are only ever separators */
	{ "\"教育\" OR 发展", "\"教育\" AND \"or\" AND \"发展\"" },
	{ "title:教育 NEAR(a b)", "\"title\" + \"教育\" AND \"near\" + \"a\" AND \"b\"" },
	{ "教*", "\"\001教\"" },
};

/* The FTS5 MATCH expression search uses for query (caller frees). */
static char *
match_expr(const char *query)
{
	struct query q;
	char *expr;

	assert_int_equal(tokenize_query(query, &q), JUAN_OK);
	expr = query_expr(&q);
	query_free(&q);
	return expr;
}

static void
test_match_expr(void **state)
{
	size_t i;
	char *expr;

	(void)state;
	for (i = 0; i < sizeof(expr_cases) / sizeof(expr_cases[0]); i++) {
		expr = match_expr(expr_cases[i].query);
		assert_non_null(expr);
		assert_string_equal(expr, expr_cases[i].expr);
		free(expr);
	}
}

/* ---- against FTS5 --------------------------------------------------- */

static const char *const fts_rows[] = {
	"上海市崇明区教育局2024年工作要点",
	"全面贯彻党的教育方针，落实立德树人根本任务。",
	"持续深化教育综合改革，扩大基础教育优质资源。",
	"加快教育数字化转型，实施学校科学化精细化管理。",
	"办人民更满意的教育",
	"教",
	"育",
	"教，育",
	"PDF附件：《工作要点》",
	"上海 上海市 海市蜃楼",
};

static sqlite3 *
fts_open(void)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	size_t i;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(search_register(db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT);"
		"CREATE VIRTUAL TABLE f USING fts5(body, content='t',"
		" content_rowid='id', tokenize='juan');", NULL, NULL, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
		"INSERT INTO t(id, body) VALUES (?1, ?2)", -1, &stmt, NULL),
		SQLITE_OK);
	for (i = 0; i < sizeof(fts_rows) / sizeof(fts_rows[0]); i++) {
		sqlite3_bind_int(stmt, 1, (int)i + 1);
		sqlite3_bind_text(stmt, 2, fts_rows[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO f(f) VALUES ('rebuild')", NULL, NULL, NULL),
		SQLITE_OK);
	return db;
}

/* The ids of the rows that match (FTS5) or contain (instr) needle, as a
 * bit set. */
static unsigned
row_set(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *stmt = NULL;
	unsigned set = 0;
	int rc;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(stmt, 1, arg, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		set |= 1u << sqlite3_column_int(stmt, 0);
	if (rc != SQLITE_DONE)
		fail_msg("%s [%s]: %s", sql, arg, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return set;
}

static void
check_substring(sqlite3 *db, const char *needle)
{
	char *expr = match_expr(needle);
	unsigned got, want;

	assert_non_null(expr);
	assert_true(expr[0] != '\0');
	got = row_set(db, "SELECT rowid FROM f WHERE f MATCH ?1", expr);
	want = row_set(db, "SELECT id FROM t WHERE instr(body, ?1) > 0",
		       needle);
	if (got != want)
		fail_msg("%s (%s): fts5 %#x, instr %#x", needle, expr, got,
			 want);
	free(expr);
}

/* Every substring of 1 to 6 CJK characters of every row finds exactly the
 * rows that contain it. */
static void
test_fts_equals_substring_scan(void **state)
{
	sqlite3 *db = fts_open();
	size_t r, i, k, off[64], nchars;
	const char *row;
	char needle[64];
	uint32_t cp;

	(void)state;
	for (r = 0; r < sizeof(fts_rows) / sizeof(fts_rows[0]); r++) {
		row = fts_rows[r];
		nchars = 0;
		for (i = 0; row[i]; i += text_next(row + i, strlen(row + i), &cp))
			off[nchars++] = i;
		off[nchars] = strlen(row);
		for (i = 0; i < nchars; i++) {
			for (k = 1; k <= 6 && i + k <= nchars; k++) {
				size_t j;
				bool han = true;

				for (j = i; j < i + k; j++) {
					text_next(row + off[j], 4, &cp);
					han = han && text_is_han(cp);
				}
				if (!han)
					continue;
				memcpy(needle, row + off[i], off[i + k] - off[i]);
				needle[off[i + k] - off[i]] = '\0';
				check_substring(db, needle);
			}
		}
	}
	sqlite3_close(db);
}

static const struct {
	const char *query;
	unsigned rows;
} fts_cases[] = {
	{ "教育 方针", 1u << 2 },
	{ "2024年", 1u << 1 },
	{ "ｐｄｆ", 1u << 9 },
	{ "pdf附件", 1u << 9 },
	{ "附件：《工作", 1u << 9 },
	{ "海市 上海市", 1u << 1 | 1u << 10 },
	{ "教，育", 1u << 8 },
	{ "\"", 0 },
};

static void
test_fts_queries(void **state)
{
	sqlite3 *db = fts_open();
	char *expr;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fts_cases) / sizeof(fts_cases[0]); i++) {
		expr = match_expr(fts_cases[i].query);
		assert_non_null(expr);
		if (expr[0])
			assert_int_equal(row_set(db,
				"SELECT rowid FROM f WHERE f MATCH ?1", expr),
				fts_cases[i].rows);
		else
			assert_int_equal(fts_cases[i].rows, 0);
		free(expr);
	}
	sqlite3_close(db);
}

static void
test_highlight(void **state)
{
	sqlite3 *db = fts_open();
	sqlite3_stmt *stmt = NULL;
	char *expr = match_expr("教育方针");

	(void)state;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT highlight(f, 0, '[', ']') FROM f WHERE f MATCH ?1",
		-1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_text(stmt, 1, expr, -1, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0),
			    "全面贯彻党的[教育方针]，落实立德树人根本任务。");
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	free(expr);
}

/* ---- token lists replayed ------------------------------------------- */

/* Tokens as FTS5 gets them, one line each: flags, text, start, end. */
struct token_lines {
	char buf[8192];
	size_t len;
};

static int
token_line(void *ctx, int flags, const char *tok, int len, int start,
	   int end)
{
	struct token_lines *t = ctx;
	int n = snprintf(t->buf + t->len, sizeof(t->buf) - t->len,
			 "%d %.*s %d %d\n", flags, len, tok, start, end);

	assert_true(n > 0 && (size_t)n < sizeof(t->buf) - t->len);
	t->len += (size_t)n;
	return SQLITE_OK;
}

/* A list made ahead replays exactly the tokens (character marks included)
 * that tokenizing the text gives, and only for that text, from the text it
 * is given. */
static void
test_token_list_replay(void **state)
{
	static const char *const texts[] = {
		"上海市崇明区教育局2024年工作要点",
		"教育教育，ＰＤＦ附件 Excel 表格。教",
		"𠀀𠀀字",
	};
	const char other[] = "上海市崇明区教育局2025年工作要点";
	struct token_lines made, replayed;
	struct token_list *l;
	char *copy;
	size_t i;

	(void)state;
	assert_int_equal(token_list_replay(texts[0], (int)strlen(texts[0]),
					   token_line, &replayed),
			 TOKEN_LIST_NONE);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		int len = (int)strlen(texts[i]);

		made.len = replayed.len = 0;
		assert_int_equal(tokenize_document(texts[i], len, token_line,
						   &made), SQLITE_OK);
		/* made of a copy that is gone when the list replays: the
		 * list keeps no pointer into the text it was made of */
		copy = strdup(texts[i]);
		assert_non_null(copy);
		l = token_list_make(copy, (size_t)len);
		free(copy);
		assert_non_null(l);
		token_list_offer(l);
		assert_int_equal(token_list_replay(texts[i], len, token_line,
						   &replayed), SQLITE_OK);
		assert_int_equal(replayed.len, made.len);
		assert_memory_equal(replayed.buf, made.buf, made.len);
		/* the marks are there: one for the repeated 教 */
		if (i == 1)
			assert_non_null(strstr(made.buf, "1 \001教 0 3\n"));
		/* another text of the same length is tokenized */
		if (i == 0)
			assert_int_equal(token_list_replay(other,
				(int)strlen(other), token_line, &replayed),
				TOKEN_LIST_NONE);
		token_list_offer(NULL);
		token_list_free(&l);
		assert_null(l);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_match_expr),
		cmocka_unit_test(test_fts_equals_substring_scan),
		cmocka_unit_test(test_fts_queries),
		cmocka_unit_test(test_highlight),
		cmocka_unit_test(test_token_list_replay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
