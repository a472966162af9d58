/* Tests of qlang: the query language parsed — every field, exclusion, OR,
 * phrases and every error, with the column it points at; sort orders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "juan/qlang.h"

/* A query and its parse written back as text: parts separated by " & ",
 * terms of a part by " | ", each "[-]field=value" (TEXT: "text=value",
 * quoted: value in quotes), dates as "field=from..to", a confidence bound
 * after the value as ">=0.90". */
static const struct {
	const char *query;
	const char *parsed;
} good[] = {
	{ "", "" },
	{ "   　 ", "" },
	{ "排污", "text=排污" },
	{ "排污 治理", "text=排污 & text=治理" },
	{ "问：", "text=问：" },
	{ "\"教育 改革\"", "text=\"教育 改革\"" },
	{ "-排污", "-text=排污" },
	{ "a OR b", "text=a | text=b" },
	{ "a OR b OR c d", "text=a | text=b | text=c & text=d" },
	{ "or and", "text=or & text=and" },
	{ "theme:环境", "theme=环境" },
	{ "theme:b", "theme=b" },
	{ "theme:none", "theme=none" },
	{ "-theme:none", "-theme=none" },
	{ "theme:\"生态 环境\"", "theme=\"生态 环境\"" },
	{ "state:untagged", "state=untagged" },
	{ "state:tagged", "state=tagged" },
	{ "state:unsure", "state=unsure" },
	{ "state:none", "state=none" },
	{ "issuer:国务院办公厅 year:2014", "issuer=国务院办公厅 & year=2014..2014" },
	{ "docno:〔2014〕", "docno=〔2014〕" },
	{ "type:意见", "type=意见" },
	{ "topic:环境保护", "topic=环境保护" },
	{ "date:2014-01..2015-06", "date=2014-01..2015-06" },
	{ "date:2014..", "date=2014.." },
	{ "date:..2015-06-30", "date=..2015-06-30" },
	{ "date:2014-03-05", "date=2014-03-05..2014-03-05" },
	{ "date:2016-02-29", "date=2016-02-29..2016-02-29" },
	{ "date:2014-05..2014-05-20", "date=2014-05..2014-05-20" },
	{ "note:复核", "note=复核" },
	{ "coder:alice", "coder=alice" },
	{ "disagree:", "disagree=any" },
	{ "disagree:any", "disagree=any" },
	{ "disagree: theme:b", "disagree=any & theme=b" },
	{ "-disagree:", "-disagree=any" },
	{ "disagree:bob#1a2b", "disagree=bob#1a2b" },
	{ "disagree:张三 OR disagree:李四", "disagree=张三 | disagree=李四" },
	{ "scheme:education theme:教师队伍", "scheme=education & theme=教师队伍" },
	{ "-issuer:国务院 OR year:2014", "-issuer=国务院 | year=2014..2014" },
	{ "问：答", "text=问：答" },
	{ "a\tb", "text=a & text=b" },
	{ "http：//x", "text=http：//x" },
	{ "parse:unsure", "parse=unsure" },
	{ "-parse:ok", "-parse=ok" },
	{ "parse:no-title", "parse=no-title" },
	{ "parse:notitle", "parse=no-title" },
	{ "parse:tocskipped", "parse=toc-skipped" },
	{ "parse:numbering OR parse:docnountaken",
	  "parse=numbering | parse=docno-untaken" },
	{ "parse:no-headings parse:mojibake-repaired 教育",
	  "parse=no-headings & parse=mojibake-repaired & text=教育" },
	{ "suggested:环境", "suggested=环境" },
	{ "suggested:科技、教育>=0.9", "suggested=科技、教育>=0.90" },
	{ "suggested:b<0.5", "suggested=b<0.50" },
	{ "suggested:\"生态 环境>=0.9\"", "suggested=\"生态 环境\">=0.90" },
	{ "confidence:>=0.9", "confidence=>=0.90" },
	{ "confidence:<=1", "confidence=<=1.00" },
	{ "-confidence:>0.25 suggested:c", "-confidence=>0.25 & suggested=c" },
	{ "confidence:<0", "confidence=<0.00" },
};

static const char *const cmp_ops[] = {
	[QLANG_CMP_NONE] = "", [QLANG_CMP_GE] = ">=", [QLANG_CMP_GT] = ">",
	[QLANG_CMP_LE] = "<=", [QLANG_CMP_LT] = "<",
};

static void
render(const struct qlang *q, char *out, size_t size)
{
	size_t i, j, len = 0;

	out[0] = '\0';
	for (i = 0; i < q->nparts; i++) {
		for (j = 0; j < q->parts[i].nterms; j++) {
			const struct qlang_term *t = &q->parts[i].terms[j];
			const char *sep = j ? " | " : i ? " & " : "";
			const char *name = t->field == QLANG_TEXT ? "text" :
				qlang_field_name(t->field);

			if (t->field == QLANG_YEAR || t->field == QLANG_DATE)
				len += (size_t)snprintf(out + len, size - len,
					"%s%s%s=%s..%s", sep,
					t->negated ? "-" : "", name, t->from,
					t->to);
			else
				len += (size_t)snprintf(out + len, size - len,
					"%s%s%s=%s%s%s", sep,
					t->negated ? "-" : "", name,
					t->quoted ? "\"" : "", t->value,
					t->quoted ? "\"" : "");
			if (t->cmp != QLANG_CMP_NONE)
				len += (size_t)snprintf(out + len, size - len,
					"%s%.2f", cmp_ops[t->cmp], t->bound);
		}
	}
}

static void
test_good(void **state)
{
	struct qlang q;
	struct qlang_error err;
	char buf[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (qlang_parse(good[i].query, &q, &err) != JUAN_OK)
			fail_msg("'%s': %s", good[i].query, err.message);
		render(&q, buf, sizeof(buf));
		if (strcmp(buf, good[i].parsed) != 0)
			fail_msg("'%s': got '%s', want '%s'", good[i].query,
				 buf, good[i].parsed);
		qlang_free(&q);
	}
}

/* A bad query, the column the error points at and a part of its
 * message. */
static const struct {
	const char *query;
	size_t column;
	const char *says;
} bad[] = {
	{ "foo:bar", 1, "unknown field 'foo:'" },
	{ "排污 Theme:b", 4, "unknown field 'Theme:'" },
	{ "theme:", 1, "theme: needs a value" },
	{ "排污 issuer: x", 4, "issuer: needs a value" },
	{ "theme:\"\"", 1, "theme: needs a value" },
	{ "a disagree:\"\"", 3, "disagree: needs a value" },
	{ "\"\"", 1, "empty phrase" },
	{ "\"教育 改革", 1, "never closed" },
	{ "排污 \"教育", 4, "never closed" },
	{ "issuer:\"国务院", 8, "never closed" },
	{ "\"a\"b", 4, "space after the closing quote" },
	{ "ab\"c", 3, "quote inside a word" },
	{ "state:done", 7, "state:done is not a state" },
	{ "year:14", 6, "year:14 is not a year" },
	{ "year:2014-01", 6, "not a year" },
	{ "date:2014-13", 6, "not a date" },
	{ "date:2014-02-30", 6, "not a date" },
	{ "date:2015-02-29", 6, "not a date" },
	{ "date:..", 6, "not a date" },
	{ "date:2014...2015", 6, "not a date" },
	{ "date:yesterday", 6, "not a date" },
	{ "date:2015..2014-06", 6, "ends before it starts" },
	{ "OR a", 1, "OR needs a term before it" },
	{ "a OR", 3, "OR needs a term after it" },
	{ "a OR OR b", 3, "OR needs a term after it" },
	{ "-", 1, "'-' excludes" },
	{ "a - b", 3, "'-' excludes" },
	{ "-scheme:x", 1, "cannot be excluded" },
	{ "scheme:x OR a", 1, "cannot be excluded or ORed" },
	{ "scheme:x scheme:y", 10, "a second scheme:" },
	{ "parse:maybe", 7, "parse:maybe is not a parse state (parse: "
	  "unsure, ok, no-title, no-headings, toc-skipped, numbering, "
	  "docno-untaken, mojibake-repaired)" },
	{ "教育 parse:no--title", 10, "not a parse state" },
	{ "parse:", 1, "parse: needs a value" },
	{ "a \x1b[31m", 3, "control character" },
	{ "a \xff", 3, "invalid UTF-8" },
	{ "confidence:0.9", 12, "needs a bound" },
	{ "confidence:>=1.5", 12, "not a confidence" },
	{ "confidence:>=abc", 12, "not a confidence" },
	{ "confidence:>=.5", 12, "not a confidence" },
	{ "confidence:0.5>=0.9", 12, "write confidence:>=0.9" },
	{ "suggested:>=0.9", 11, "write suggested:THEME>=0.9" },
	{ "suggested:环境>=", 13, "not a confidence" },
	{ "suggested:环境>=0,9", 13, "not a confidence" },
	{ "suggested:环境=0.9>", 17, "not a confidence" },
};

static void
test_bad(void **state)
{
	struct qlang q;
	struct qlang_error err;
	char col[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (qlang_parse(bad[i].query, &q, &err) != JUAN_EINVAL)
			fail_msg("'%s' was accepted", bad[i].query);
		assert_int_equal(q.nparts, 0);
		if (err.column != bad[i].column)
			fail_msg("'%s': column %zu, want %zu (%s)",
				 bad[i].query, err.column, bad[i].column,
				 err.message);
		snprintf(col, sizeof(col), "column %zu: ", bad[i].column);
		assert_true(strncmp(err.message, col, strlen(col)) == 0);
		if (!strstr(err.message, bad[i].says))
			fail_msg("'%s': '%s' does not say '%s'", bad[i].query,
				 err.message, bad[i].says);
	}
}

/* The spans of parts: what the browser's Esc removes. */
static void
test_spans(void **state)
{
	const char *text = "排污 theme:b OR -year:2014 \"a b\"";
	struct qlang q;

	(void)state;
	assert_int_equal(qlang_parse(text, &q, NULL), JUAN_OK);
	assert_int_equal(q.nparts, 3);
	assert_int_equal(q.parts[0].start, 0);
	assert_int_equal(q.parts[0].end, strlen("排污"));
	assert_int_equal(q.parts[1].start, strlen("排污 "));
	assert_int_equal(q.parts[1].end, strlen("排污 theme:b OR -year:2014"));
	assert_int_equal(q.parts[1].terms[1].start,
			 strlen("排污 theme:b OR "));
	assert_int_equal(q.parts[2].start, strlen(text) - 5);
	assert_int_equal(q.parts[2].end, strlen(text));
	assert_true(qlang_has_words(&q));
	assert_null(qlang_scheme(&q));
	qlang_free(&q);

	assert_int_equal(qlang_parse("-排污 theme:b", &q, NULL), JUAN_OK);
	assert_false(qlang_has_words(&q));
	qlang_free(&q);
	assert_int_equal(qlang_parse("scheme:edu 排污", &q, NULL), JUAN_OK);
	assert_string_equal(qlang_scheme(&q)->value, "edu");
	qlang_free(&q);
	qlang_free(NULL);
}

static void
test_sort(void **state)
{
	static const struct {
		const char *text;
		enum sort_key key;
		bool desc;
		const char *back;
	} ok[] = {
		{ "date", SORT_DATE, false, "date" },
		{ "date:desc", SORT_DATE, true, "date:desc" },
		{ "issuer:asc", SORT_ISSUER, false, "issuer" },
		{ "docno", SORT_DOCNO, false, "docno" },
		{ "title:desc", SORT_TITLE, true, "title:desc" },
		{ "theme", SORT_THEME, false, "theme" },
		{ "state", SORT_STATE, false, "state" },
		{ "id:desc", SORT_ID, true, "id:desc" },
		{ "import", SORT_ID, false, "id" },
		{ "relevance", SORT_DEFAULT, false, "default" },
		{ "default", SORT_DEFAULT, false, "default" },
	};
	static const char *const no[] = {
		"", "dates", "date:down", "date:", ":desc", "Date", NULL,
	};
	struct list_sort s;
	char buf[32], err[200];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(list_sort_parse(ok[i].text, &s, err,
						 sizeof(err)), JUAN_OK);
		assert_int_equal(s.key, ok[i].key);
		assert_int_equal(s.desc, ok[i].desc);
		assert_string_equal(list_sort_format(&s, buf, sizeof(buf)),
				    ok[i].back);
	}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		assert_int_equal(list_sort_parse(no[i], &s, err, sizeof(err)),
				 JUAN_EINVAL);
		assert_non_null(strstr(err, "no sort order"));
		assert_int_equal(s.key, SORT_DEFAULT);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_sort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
