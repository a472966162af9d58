/* Tests of text: widths, fitting, truncation and Chinese line wrapping. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "juan/text.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A paragraph from a real policy document, with mixed ASCII and quotes. */
static const char policy[] =
	"　　为深入贯彻落实党中央、国务院关于“放管服”改革的决策部署，"
	"进一步优化营商环境，根据《优化营商环境条例》（国务院令第722号）"
	"和有关法律法规，结合本省实际，制定本办法。本办法自2024年1月1日起"
	"施行，有效期5年。详情见附件——各地区、各部门要认真贯彻执行……"
	"（2023年12月印发，gov.cn公开）";

static void
test_cp_width_table(void **state)
{
	static const struct {
		uint32_t cp;
		int width;
	} cases[] = {
		{ 'A', 1 },      { ' ', 1 },      { '~', 1 },
		{ 0x4E2D, 2 },   /* 中 */         { 0x9FA5, 2 },
		{ 0x3400, 2 },   /* extension A */ { 0x20000, 2 }, /* 𠀀 */
		{ 0xF900, 2 },   /* compatibility ideograph */
		{ 0x3000, 2 },   /* ideographic space */
		{ 0xFF0C, 2 },   /* ， */         { 0x3002, 2 },   /* 。 */
		{ 0x3001, 2 },   /* 、 */         { 0xFF1B, 2 },   /* ； */
		{ 0x300A, 2 },   /* 《 */         { 0x300B, 2 },   /* 》 */
		{ 0xFF08, 2 },   /* （ */         { 0x3010, 2 },   /* 【 */
		{ 0xFF21, 2 },   /* Ａ */         { 0xFF11, 2 },   /* １ */
		{ 0xFF5E, 2 },   /* ～ */         { 0xAC00, 2 },   /* 가 */
		{ 0x1F600, 2 },  /* 😀 */
		{ 0x201C, 1 },   /* “ ambiguous */ { 0x201D, 1 },  /* ” */
		{ 0x2018, 1 },   /* ‘ */          { 0x2019, 1 },   /* ’ */
		{ 0x2026, 1 },   /* … */          { 0x2014, 1 },   /* — */
		{ 0x00B7, 1 },   /* · */          { 0x00E9, 1 },   /* é */
		{ 0xFFFD, 1 },   /* replacement */
		{ 0x0301, 0 },   /* combining acute */
		{ 0x302A, 0 },   /* ideographic tone mark */
		{ 0x3099, 0 },   /* combining kana voicing */
		{ 0x200B, 0 },   /* zero width space */
		{ 0xFEFF, 0 },   /* BOM */
		{ 0x1161, 0 },   /* Hangul medial vowel */
		{ 0x093E, 1 },   /* Devanagari vowel sign AA (Mc) */
		{ 0x4DC0, 2 },   /* Yijing hexagram */
		{ 0x00, 0 },     { '\t', 0 },     { '\n', 0 },
		{ 0x1B, 0 },     { 0x7F, 0 },     { 0x85, 0 },     { 0x9F, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		if (text_cp_width(cases[i].cp) != cases[i].width)
			fail_msg("U+%04X: width %d, want %d", cases[i].cp,
				 text_cp_width(cases[i].cp), cases[i].width);
	}
}

/* Every code point glibc knows takes the columns wcwidth() gives it, and
 * the controls it rejects take none. */
static void
test_cp_width_matches_wcwidth(void **state)
{
	uint32_t cp;
	int want;
	size_t bad = 0;

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip();
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		want = wcwidth((wchar_t)cp);
		if (want < 0 && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)))
			want = 0;
		if (want < 0 || text_cp_width(cp) == want)
			continue;
		if (bad++ < 10)
			print_error("U+%04X: width %d, wcwidth %d\n", cp,
				    text_cp_width(cp), want);
	}
	setlocale(LC_CTYPE, "C");
	assert_int_equal(bad, 0);
}

static void
test_width(void **state)
{
	static const struct {
		const char *s;
		int width;
	} cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "中文", 4 },
		{ "　　第一条", 10 },
		{ "第一条　总则", 12 },
		{ "关于“十四五”规划", 16 },
		{ "《中华人民共和国民法典》", 24 },
		{ "Ａ１，。", 8 },
		{ "2024年1月1日", 12 },
		{ "e\xCC\x81", 1 },             /* e + combining acute */
		{ "\xFF", 1 },                  /* bad byte */
		{ "\xE4\xB8", 2 },              /* 中 cut short: two bad bytes */
		{ "\xC0\xAF", 2 },              /* overlong '/' */
		{ "\xED\xA0\x80", 3 },          /* surrogate */
		{ "a\tb\r\n", 2 },              /* controls take no column */
		{ "……——", 4 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		if (text_width(cases[i].s, strlen(cases[i].s)) != cases[i].width)
			fail_msg("\"%s\": width %d, want %d", cases[i].s,
				 text_width(cases[i].s, strlen(cases[i].s)),
				 cases[i].width);
	}
}

static void
test_fit_table(void **state)
{
	static const struct {
		const char *s;
		int cols;
		size_t bytes;
		int width;
	} cases[] = {
		{ "中文abc", 0, 0, 0 },
		{ "中文abc", 1, 0, 0 },
		{ "中文abc", 2, 3, 2 },
		{ "中文abc", 3, 3, 2 },
		{ "中文abc", 5, 7, 5 },
		{ "中文abc", 99, 9, 7 },
		{ "e\xCC\x81x", 1, 3, 1 },      /* the accent stays with e */
		{ "\xCC\x81" "a", 0, 2, 0 },    /* leading zero-width kept */
		{ "\xFF\xFE中", 2, 2, 2 },      /* bad bytes, one column each */
		{ "“通知”", 1, 3, 1 },
		{ "“通知”", 2, 3, 1 },
		{ "“通知”", 3, 6, 3 },
		{ "", 5, 0, 0 },
	};
	size_t i, got;
	int width;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		width = -1;
		got = text_fit(cases[i].s, strlen(cases[i].s), cases[i].cols,
			       &width);
		if (got != cases[i].bytes || width != cases[i].width)
			fail_msg("\"%s\" in %d: %zu bytes %d cols, want %zu %d",
				 cases[i].s, cases[i].cols, got, width,
				 cases[i].bytes, cases[i].width);
	}
	assert_int_equal(text_fit("中文", 6, 3, NULL), 3);
}

/* True when s[0..len) ends on a character boundary of the longer string. */
static int
on_boundary(const char *s, size_t full, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len)
		i += text_next(s + i, full - i, &cp);
	return i == len;
}

static const char *const fit_samples[] = {
	"中华人民共和国国务院令",
	"关于印发《“十四五”数字经济发展规划》的通知",
	"第一条　为了规范data management，制定本办法。",
	"e\xCC\x81t\xC3\xA9\xE4\xB8\xAD\xCC\x81",
	"\xFF\xE4\xB8\xAD\xE4\xB8\xE6\x96\x87",
	policy,
};

/* For every width: a prefix on a character boundary, never wider than
 * cols, and the longest such. */
static void
test_fit_properties(void **state)
{
	size_t i, len, got, n;
	uint32_t cp;
	int cols, width;

	(void)state;
	for (i = 0; i < ARRAY_LEN(fit_samples); i++) {
		len = strlen(fit_samples[i]);
		for (cols = 0; cols <= text_width(fit_samples[i], len) + 1;
		     cols++) {
			got = text_fit(fit_samples[i], len, cols, &width);
			assert_true(on_boundary(fit_samples[i], len, got));
			assert_true(width <= cols);
			assert_int_equal(width, text_width(fit_samples[i], got));
			if (got == len)
				continue;
			n = text_next(fit_samples[i] + got, len - got, &cp);
			assert_true(n > 0);
			assert_true(width + text_cp_width(cp) > cols);
		}
	}
}

static void
test_truncate_table(void **state)
{
	static const struct {
		const char *s;
		int cols;
		const char *want;
	} cases[] = {
		{ "中华人民共和国", 14, "中华人民共和国" },
		{ "中华人民共和国", 20, "中华人民共和国" },
		{ "中华人民共和国", 13, "中华人民共和…" },
		{ "中华人民共和国", 12, "中华人民共…" },
		{ "中华人民共和国", 8, "中华人…" },
		{ "中华人民共和国", 2, "…" },
		{ "中华人民共和国", 1, "…" },
		{ "中华人民共和国", 0, "" },
		{ "abcd", 3, "ab…" },
		{ "abc", 3, "abc" },
		{ "“双碳”目标", 6, "“双碳…" },
		{ "e\xCC\x81" "e\xCC\x81" "e", 2, "e\xCC\x81…" },
		{ "", 0, "" },
		{ "\xCC\x81", 0, "\xCC\x81" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		got = text_truncate(cases[i].s, strlen(cases[i].s),
				    cases[i].cols);
		assert_non_null(got);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("\"%s\" in %d: \"%s\", want \"%s\"",
				 cases[i].s, cases[i].cols, got,
				 cases[i].want);
		free(got);
	}
}

static void
test_truncate_properties(void **state)
{
	size_t i, len, glen, elen = strlen(TEXT_ELLIPSIS);
	int cols;
	char *got;

	(void)state;
	for (i = 0; i < ARRAY_LEN(fit_samples); i++) {
		len = strlen(fit_samples[i]);
		for (cols = 0; cols <= text_width(fit_samples[i], len) + 1;
		     cols++) {
			got = text_truncate(fit_samples[i], len, cols);
			assert_non_null(got);
			glen = strlen(got);
			assert_true(text_width(got, glen) <= cols);
			if (text_width(fit_samples[i], len) <= cols) {
				assert_int_equal(glen, len);
				assert_memory_equal(got, fit_samples[i], len);
			} else if (cols > 0) {
				assert_true(glen >= elen);
				assert_memory_equal(got + glen - elen,
						    TEXT_ELLIPSIS, elen);
				assert_memory_equal(got, fit_samples[i],
						    glen - elen);
				assert_true(on_boundary(fit_samples[i], len,
							glen - elen));
			}
			free(got);
		}
	}
}

static int
is_closing(uint32_t cp)
{
	static const uint32_t closing[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
		0xFF09, 0x300B, 0x300D, 0x300F, 0x201D, 0x2019, 0x3015,
		0x3011, 0x2026, 0x2014, ',', '.', ';', ':', '?', '!', ')',
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(closing); i++)
		if (closing[i] == cp)
			return 1;
	return 0;
}

static int
is_opening(uint32_t cp)
{
	static const uint32_t opening[] = {
		0xFF08, 0x300A, 0x300C, 0x300E, 0x201C, 0x2018, 0x3014,
		0x3010, '(',
	};
	size_t i;

	for (i = 0; i < ARRAY_LEN(opening); i++)
		if (opening[i] == cp)
			return 1;
	return 0;
}

static uint32_t
first_cp(const char *s, size_t len)
{
	uint32_t cp = 0;

	text_next(s, len, &cp);
	return cp;
}

static uint32_t
last_cp(const char *s, size_t len)
{
	uint32_t cp = 0;
	size_t i = 0;

	while (i < len)
		i += text_next(s + i, len - i, &cp);
	return cp;
}

/* Checks what holds for every wrap: lines in order, each within cols and
 * measured right, on character boundaries, and between them only the
 * break: spaces or tabs, or one '\n'.  With kinsoku set, also that no line
 * after a soft break starts with closing punctuation and none before one
 * ends with opening punctuation.  Returns the lines joined by '|'. */
static char *
wrap_checked(const char *s, size_t len, int cols, int kinsoku)
{
	struct text_line *lines;
	size_t n, i, pos = 0, j, total = 0;
	int soft;
	char *out;

	n = text_wrap(s, len, cols, &lines);
	assert_true(n != (size_t)-1);
	assert_true(n >= 1);
	for (i = 0; i < n; i++)
		total += lines[i].len + 1;
	out = malloc(total + 1);
	assert_non_null(out);
	total = 0;
	for (i = 0; i < n; i++) {
		assert_true(lines[i].off >= pos);
		assert_true(lines[i].off + lines[i].len <= len);
		assert_true(lines[i].width <= cols);
		assert_int_equal(lines[i].width,
				 text_width(s + lines[i].off, lines[i].len));
		assert_true(on_boundary(s, len, lines[i].off));
		assert_true(on_boundary(s, len, lines[i].off + lines[i].len));
		soft = 1;
		for (j = pos; j < lines[i].off; j++) {
			if (s[j] == '\n') {
				assert_true(soft);
				soft = 0;
			} else {
				assert_true(s[j] == ' ' || s[j] == '\t');
			}
		}
		if (kinsoku && i > 0 && soft) {
			assert_false(is_closing(first_cp(s + lines[i].off,
							 lines[i].len)));
			assert_false(is_opening(last_cp(s + lines[i - 1].off,
							 lines[i - 1].len)));
		}
		pos = lines[i].off + lines[i].len;
		if (i > 0)
			out[total++] = '|';
		memcpy(out + total, s + lines[i].off, lines[i].len);
		total += lines[i].len;
	}
	for (j = pos; j < len; j++)
		assert_true(s[j] == ' ' || s[j] == '\t' || s[j] == '\n');
	out[total] = '\0';
	free(lines);
	return out;
}

static void
test_wrap_table(void **state)
{
	static const struct {
		const char *s;
		int cols;
		const char *want;
	} cases[] = {
		{ "", 10, "" },
		{ "\n", 10, "" },
		{ "中华人民共和国", 4, "中华|人民|共和|国" },
		{ "中华人民共和国", 14, "中华人民共和国" },
		{ "中华人民共和国", 5, "中华|人民|共和|国" },
		/* a line never starts with closing punctuation */
		{ "中华人民，共和国", 8, "中华人|民，共和|国" },
		{ "为深入贯彻落实党中央、国务院决策部署，", 10,
		  "为深入贯彻|落实党中|央、国务院|决策部署，" },
		{ "第一条。”第二条", 8, "第一|条。”第|二条" },
		{ "甲乙丙丁……戊", 8, "甲乙丙|丁……戊" },
		{ "甲乙丙丁——戊", 8, "甲乙丙|丁——戊" },
		{ "abc——def", 6, "abc——|def" },
		{ "abc…def", 6, "abc…|def" },
		{ "甲乙丙,丁", 6, "甲乙|丙,丁" },
		/* nor ends with opening punctuation */
		{ "一二三《四五》", 8, "一二三|《四五》" },
		{ "一二三（四五）", 8, "一二三|（四五）" },
		{ "一二三“四五”", 7, "一二三|“四五”" },
		{ "一二三「四」", 8, "一二三|「四」" },
		/* hard breaks */
		{ "第一条\n第二条", 10, "第一条|第二条" },
		{ "第一条\n\n第二条\n", 10, "第一条||第二条" },
		{ "第一条\n", 10, "第一条" },
		{ "第一条\n\n", 10, "第一条|" },
		/* words */
		{ "hello world foo", 11, "hello world|foo" },
		{ "hello world foo", 5, "hello|world|foo" },
		{ "hello  world", 7, "hello|world" },
		{ "abcdefghij", 4, "abcd|efgh|ij" },
		{ "使用Python语言", 6, "使用|Python|语言" },
		{ "2024年1月1日起施行", 8, "2024年|1月1日起|施行" },
		/* what a reader reads as one unit stays on one line while it
		 * fits: a number and its units, a decimal, a percentage, a
		 * docno, a bracketed year range */
		{ "总投资约35亿元人民币", 10, "总投资约|35亿元人民|币" },
		{ "总投资约３５亿元", 10, "总投资约|３５亿元" },
		{ "同比增长了3.5%以上", 12, "同比增长了|3.5%以上" },
		{ "同比增长了３．５％", 14, "同比增长了|３．５％" },
		{ "增长2,000.5万元", 10, "增长|2,000.5万|元" },
		{ "根据国发〔2011〕35号文件", 12, "根据国发|〔2011〕35号|文件" },
		{ "见：国发〔2011〕35号文件", 16, "见：|国发〔2011〕35号|文件" },
		{ "印发国办发〔2014〕1号文件", 18, "印发|国办发〔2014〕1号|文件" },
		{ "规划（1998—2002年）实施", 16, "规划|（1998—2002年）|实施" },
		{ "计划1998—2002年实施", 12, "计划|1998—2002年|实施" },
		/* a unit wider than a line breaks where it must */
		{ "123456789012", 6, "123456|789012" },
		{ "国发〔2011〕35号", 6, "国发|〔2011|〕35号" },
		/* no unit: a Han word and a number after it part */
		{ "第一条至第三条规定", 8, "第一条至|第三条规|定" },
		{ "ab中", 3, "ab|中" },
		{ "abcde   ", 5, "abcde" },
		{ "abcde   \nfg", 5, "abcde|fg" },
		{ "ab  cd", 3, "ab|cd" },
		{ "ab\tcd", 2, "ab|cd" },
		{ "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2,
		  "e\xCC\x81" "e\xCC\x81|e\xCC\x81" },
		/* indentation and the ideographic space */
		{ "　　第一条　总则", 10, "　　第一条|　总则" },
		/* the rule yields rather than loop or overflow */
		{ "，，，，", 2, "，|，|，|，" },
		{ "中。。。", 2, "中|。|。|。" },
		{ "“中", 2, "“|中" },
		{ "《《《《", 2, "《|《|《|《" },
		{ "中文", 3, "中|文" },
		{ "ab", 2, "ab" },
	};
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		got = wrap_checked(cases[i].s, strlen(cases[i].s),
				   cases[i].cols, 0);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("\"%s\" at %d: \"%s\", want \"%s\"",
				 cases[i].s, cases[i].cols, got,
				 cases[i].want);
		free(got);
	}
}

/* Nothing is lost: the lines and the breaks between them give back the
 * input, for every width, and real text keeps the kinsoku rules once lines
 * are wide enough to allow them. */
static void
test_wrap_properties(void **state)
{
	static const char *const samples[] = {
		policy,
		"第一章　总则\n\n第一条　为了规范行政规范性文件制定和监督管理"
		"工作，根据《中华人民共和国立法法》等有关规定，制定本办法。\n"
		"第二条　本办法所称行政规范性文件（以下简称“规范性文件”），"
		"是指……\n",
		"Article 1. The quick brown fox jumps over the lazy dog; "
		"see https://example.org/a/very/long/path/that/never/ends.",
		"详情见http://www.gov.cn/zhengce/content/2024-01/01/"
		"content_123456.htm——各地区、各部门要认真贯彻执行……",
		"，。、；：？！）》」』”’〕】…—（《「『“‘〔【",
		"\xFF\xFE中\xE4\xB8文 \t\t  x\n\n\n  \n",
	};
	size_t i, len;
	int cols;
	char *got;

	(void)state;
	for (i = 0; i < ARRAY_LEN(samples); i++) {
		len = strlen(samples[i]);
		for (cols = 2; cols <= 90; cols++) {
			got = wrap_checked(samples[i], len, cols,
					   i < 2 && cols >= 8);
			free(got);
		}
	}
}

/* Random mixtures of the characters the rules care about keep every
 * invariant of wrap_checked(); the seed is fixed, so a failure repeats. */
static void
test_wrap_random(void **state)
{
	static const char *const units[] = {
		"中", "文", "，", "。", "“", "”", "（", "）", "《", "》", "…",
		"—", "　", "a", "b", "1", ",", "(", " ", "  ", "\t", "\n",
		"\xCC\x81", "\xFF", "\xE4\xB8",
	};
	char buf[256];
	size_t len, ulen;
	unsigned seed = 20240101;
	int round, cols;

	(void)state;
	for (round = 0; round < 3000; round++) {
		len = 0;
		for (;;) {
			seed = seed * 1103515245u + 12345u;
			ulen = strlen(units[(seed >> 8) % ARRAY_LEN(units)]);
			if (len + ulen > sizeof(buf) || (seed >> 20) % 61 == 0)
				break;
			memcpy(buf + len, units[(seed >> 8) % ARRAY_LEN(units)],
			       ulen);
			len += ulen;
		}
		for (cols = 2; cols <= 12; cols++)
			free(wrap_checked(buf, len, cols, 0));
	}
}

/* Degenerate input of a megabyte finishes at once: time is linear. */
static void
test_wrap_linear(void **state)
{
	static const char *const units[] = { "，", "“", "a", "中", " ", "\xCC\x81" };
	size_t i, k, ulen, len = 1 << 20, n;
	struct text_line *lines;
	char *s;
	int cols;

	(void)state;
	s = malloc(len);
	assert_non_null(s);
	for (i = 0; i < ARRAY_LEN(units); i++) {
		ulen = strlen(units[i]);
		for (k = 0; k + ulen <= len; k += ulen)
			memcpy(s + k, units[i], ulen);
		for (cols = 2; cols <= 80; cols += 78) {
			n = text_wrap(s, k, cols, &lines);
			assert_true(n != (size_t)-1 && n >= 1);
			assert_true(lines[n - 1].off + lines[n - 1].len <= k);
			free(lines);
		}
	}
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cp_width_table),
		cmocka_unit_test(test_cp_width_matches_wcwidth),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit_table),
		cmocka_unit_test(test_fit_properties),
		cmocka_unit_test(test_truncate_table),
		cmocka_unit_test(test_truncate_properties),
		cmocka_unit_test(test_wrap_table),
		cmocka_unit_test(test_wrap_properties),
		cmocka_unit_test(test_wrap_random),
		cmocka_unit_test(test_wrap_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
