/* Tests of the document parser: the sample corpus against its ground truth,
 * tables of headings, metadata, labels and dates, and robustness on damaged
 * input.  Run from the repository root (the sample files are opened
 * relative to it). */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "juan/parse.h"
#include "juan/text.h"
#include "parse/parse_private.h"

static const char *const samples[] = {
	"000_816103a023935f01",
	"001_51a92434a4302ef8",
	"002_60b05a13be1d900f",
	"003_2f31eaa467ec5393",
	"004_5663e9c36e60ec92",
};

/* The whole file, CRLF turned into LF; caller frees. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;
	size_t i, j = 0;

	if (!f)
		fail_msg("cannot open %s (run the tests from the repository "
		    "root)", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	assert_int_equal(fseek(f, 0, SEEK_SET), 0);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	for (i = 0; i < (size_t)n; i++)
		if (buf[i] != '\r' || i + 1 == (size_t)n || buf[i + 1] != '\n')
			buf[j++] = buf[i];
	buf[j] = '\0';
	*len = j;
	return buf;
}

enum what { OUTLINE, META };

/* What `juan parse --outline` or `--meta` prints for text; caller frees. */
static char *
printed(const char *text, size_t len, enum what w)
{
	struct doc *d = NULL;
	char *out = NULL;
	size_t n = 0;
	FILE *f;

	assert_int_equal(doc_parse(text, len, &d), JUAN_OK);
	assert_non_null(d);
	f = open_memstream(&out, &n);
	assert_non_null(f);
	if (w == OUTLINE)
		assert_int_equal(doc_print_outline(d, f), 0);
	else
		assert_int_equal(doc_print_meta(d, f), 0);
	fclose(f);
	doc_free(&d);
	assert_null(d);
	return out;
}

static void
test_samples(void **state)
{
	char path[256], *text, *want, *got;
	size_t i, len, wlen;

	(void)state;
	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		snprintf(path, sizeof path, "assets/sample/%s.txt", samples[i]);
		text = slurp(path, &len);

		snprintf(path, sizeof path,
		    "tests/fixtures/expected/%s.outline", samples[i]);
		want = slurp(path, &wlen);
		got = printed(text, len, OUTLINE);
		assert_string_equal(got, want);
		free(want);
		free(got);

		snprintf(path, sizeof path, "tests/fixtures/expected/%s.meta",
		    samples[i]);
		want = slurp(path, &wlen);
		got = printed(text, len, META);
		assert_string_equal(got, want);
		free(want);
		free(got);
		free(text);
	}
}

/* Whether text prints want as w says; prints the difference when not. */
static bool
prints(const char *name, const char *text, enum what w, const char *want)
{
	char *got = printed(text, strlen(text), w);
	bool same = strcmp(got, want) == 0;

	if (!same)
		print_error("%s:\nwant:\n%sgot:\n%s", name, want, got);
	free(got);
	return same;
}

/* A copy of s[0..n) with every from replaced by to; caller frees. */
static char *
replaced(const char *s, size_t n, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to), i = 0, j = 0;
	char *out = malloc(n * (tl > fl ? tl : fl) + 1);

	assert_non_null(out);
	while (i < n) {
		if (n - i >= fl && memcmp(s + i, from, fl) == 0) {
			memcpy(out + j, to, tl);
			j += tl;
			i += fl;
		} else {
			out[j++] = s[i++];
		}
	}
	out[j] = '\0';
	return out;
}

enum variant {
	V_NO_BLANK,   /* blank lines removed */
	V_INDENT,     /* every line indented with 　　 */
	V_SPACED,     /* NBSP before, spaces after, a blank line between */
	V_ONE_LINE,   /* the body's lines joined by 　　 into one line */
	V_ONE_LINE_SP, /* … by 　 and two spaces */
	V_RUN_IN,     /* … by nothing: run-together text */
	V_PAGE_LINE,  /* the whole page, head and tail too, on one line */
	V_FULL_PAREN, /* ( ) turned into （ ） */
	V_HALF_PAREN, /* （ ） turned into ( ) */
	V_COUNT
};

/* The sample text made into variant v; caller frees.  The body is the one
 * the parser finds in the original: the head and tail stay as they are. */
static char *
make_variant(const char *text, size_t len, enum variant v)
{
	static const char *const sep[] = { "　　", "　  ", "", "　　" };
	char *out, *tmp;
	struct doc *d;
	size_t i, j = 0, bs, be, ls, k;
	bool first = true;

	if (v == V_FULL_PAREN) {
		tmp = replaced(text, len, "(", "（");
		out = replaced(tmp, strlen(tmp), ")", "）");
		free(tmp);
		return out;
	}
	if (v == V_HALF_PAREN) {
		tmp = replaced(text, len, "（", "(");
		out = replaced(tmp, strlen(tmp), "）", ")");
		free(tmp);
		return out;
	}
	out = malloc(len * 6 + 16); /* 8 more bytes a line at most */
	assert_non_null(out);
	assert_int_equal(doc_parse(text, len, &d), JUAN_OK);
	bs = d->head_len;
	be = d->head_len + d->body_len;
	doc_free(&d);
	for (i = 0; i < len; i = k + 1) {
		ls = i;
		for (k = i; k < len && text[k] != '\n'; k++)
			;
		while (i < k && (text[i] == ' ' || text[i] == '\t'))
			i++;
		while (k - i >= 3 && memcmp(text + i, "　", 3) == 0)
			i += 3;
		if (v == V_NO_BLANK && i == k)
			continue;
		if (v == V_PAGE_LINE) {
			bs = 0;
			be = len;
		}
		if (v >= V_ONE_LINE && v <= V_PAGE_LINE && ls >= bs &&
		    ls < be) {
			if (i == k)
				continue;
			if (!first) {
				memcpy(out + j, sep[v - V_ONE_LINE],
				    strlen(sep[v - V_ONE_LINE]));
				j += strlen(sep[v - V_ONE_LINE]);
			}
			first = false;
			memcpy(out + j, text + i, k - i);
			j += k - i;
			if (k >= be || k + 1 >= be)
				out[j++] = '\n';
			continue;
		}
		if (v == V_SPACED && i == k)
			continue;
		if (v == V_INDENT) {
			memcpy(out + j, "　　", 6);
			j += 6;
		} else if (v == V_SPACED) {
			memcpy(out + j, "\xC2\xA0\xC2\xA0", 4);
			j += 4;
		} else {
			i = ls;
		}
		memcpy(out + j, text + i, k - i);
		j += k - i;
		if (v == V_SPACED) {
			memcpy(out + j, "  \n", 3);
			j += 3;
		}
		if (k < len)
			out[j++] = '\n';
	}
	out[j] = '\0';
	return out;
}

/* Cuts the titles off printed outline lines, in place. */
static void
untitled(char *outline)
{
	char *r = outline, *w = outline;
	int tabs = 0;

	for (; *r; r++) {
		if (*r == '\n')
			tabs = 0;
		else if (*r == '\t' && ++tabs == 2)
			continue;
		if (tabs < 2)
			*w++ = *r;
	}
	*w = '\0';
}

/* The samples reshaped as copying from the web reshapes documents: the
 * outline and the metadata stay those of the ground truth, with ( ) and
 * （ ） exchanged where the text exchanged them. */
static void
test_sample_variants(void **state)
{
	static const char *const names[] = {
		"no blank lines", "indented", "spaced", "one line",
		"one line, 　 and spaces", "run together", "page on one line",
		"full-width ( )",
		"half-width （ ）",
	};
	char path[256], *text, *var, *want[2], *got, *tmp;
	size_t i, len, wlen;
	int v, w, failed = 0;

	(void)state;
	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		snprintf(path, sizeof path, "assets/sample/%s.txt", samples[i]);
		text = slurp(path, &len);
		for (v = 0; v < V_COUNT; v++) {
			var = make_variant(text, len, (enum variant)v);
			for (w = 0; w < 2; w++) {
				snprintf(path, sizeof path,
				    "tests/fixtures/expected/%s.%s", samples[i],
				    w == OUTLINE ? "outline" : "meta");
				want[w] = slurp(path, &wlen);
				if (v == V_FULL_PAREN || v == V_HALF_PAREN) {
					tmp = make_variant(want[w], wlen,
					    (enum variant)v);
					free(want[w]);
					want[w] = tmp;
				}
				got = printed(var, strlen(var), (enum what)w);
				if (v == V_RUN_IN && w == OUTLINE) {
					/* titles run to the next label */
					untitled(want[w]);
					untitled(got);
				}
				if (strcmp(got, want[w]) != 0) {
					print_error("%s, %s:\nwant:\n%s"
					    "got:\n%s", samples[i], names[v],
					    want[w], got);
					failed++;
				}
				free(got);
				free(want[w]);
			}
			free(var);
		}
		free(text);
	}
	assert_int_equal(failed, 0);
}

/* The parts add up, sections lie inside the body in order, and each ends
 * after it starts. */
static void
check_doc(const struct doc *d, size_t len)
{
	size_t i;

	assert_int_equal(d->head_len + d->body_len + d->tail_len, len);
	for (i = 0; i < d->nsections; i++) {
		assert_true(d->sections[i].start < d->sections[i].end);
		assert_true(d->sections[i].end <= d->body_len);
		assert_true(d->sections[i].level >= 1);
		assert_true(d->sections[i].rank >= 0);
		assert_true(d->sections[i].rank <= 8);
		assert_non_null(d->sections[i].label);
		assert_non_null(d->sections[i].title);
		assert_true(strlen(d->sections[i].label) <= d->body_len);
		assert_true(strlen(d->sections[i].title) <= d->body_len);
		if (i > 0)
			assert_true(d->sections[i - 1].start <
			    d->sections[i].start);
	}
	assert_non_null(d->meta.title);
	assert_non_null(d->meta.issuer);
	assert_non_null(d->meta.date);
	assert_non_null(d->meta.docno);
	assert_non_null(d->meta.published);
	assert_non_null(d->meta.topic);
	assert_non_null(d->meta.source);
	assert_true(strlen(d->meta.title) <= len);
	assert_true(strlen(d->meta.issuer) <= len);
	assert_true(strlen(d->meta.date) == 0 || strlen(d->meta.date) == 10);
	assert_true(strlen(d->meta.docno) <= len);
	assert_true(strlen(d->meta.published) == 0 ||
	    strlen(d->meta.published) == 10);
	assert_true(strlen(d->meta.topic) <= len);
	assert_true(strlen(d->meta.source) <= len);
}

static void
test_sample_parts(void **state)
{
	char path[256], *text;
	struct doc *d;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		snprintf(path, sizeof path, "assets/sample/%s.txt", samples[i]);
		text = slurp(path, &len);
		assert_int_equal(doc_parse(text, len, &d), JUAN_OK);
		check_doc(d, len);
		assert_true(d->head_len > 0 || i == 0);
		/* a section starts at its label */
		assert_memory_equal(text + d->head_len + d->sections[0].start,
		    d->sections[0].label, strlen(d->sections[0].label));
		doc_free(&d);
		free(text);
	}
}

static void
test_sample_extra_meta(void **state)
{
	char *text;
	struct doc *d;
	size_t len;

	(void)state;
	text = slurp("assets/sample/000_816103a023935f01.txt", &len);
	assert_int_equal(doc_parse(text, len, &d), JUAN_OK);
	assert_string_equal(d->meta.topic, "科技、教育、知识产权-教育");
	assert_string_equal(d->meta.published, "2024-02-26");
	/* the cataloguer's closing line is tail, not body */
	assert_non_null(strstr(text + d->head_len + d->body_len,
	    "请为本文选择"));
	doc_free(&d);
	free(text);

	text = slurp("assets/sample/002_60b05a13be1d900f.txt", &len);
	assert_int_equal(doc_parse(text, len, &d), JUAN_OK);
	assert_string_equal(d->meta.topic, "科技、教育-教育");
	assert_string_equal(d->meta.source, "滨湖区教育局");
	assert_string_equal(d->meta.published, "2021-02-18");
	assert_non_null(strstr(text + d->head_len + d->body_len, "文章来源"));
	doc_free(&d);
	free(text);
}

static void
test_chrome_fields(void **state)
{
	static const char text[] =
	    "当前位置：首页 > 政务公开 > 通知公告\n"
	    "发布时间：2023-03-05 10:20  来源：市教育局  【字体：大 中 小】\n"
	    "主题(一级) 科技、教育 主题(二级) 教育\n"
	    "一、总体要求\n请落实。\n"
	    "打印本页 关闭窗口\n";
	struct doc *d;

	(void)state;
	assert_int_equal(doc_parse(text, strlen(text), &d), JUAN_OK);
	check_doc(d, strlen(text));
	assert_string_equal(d->meta.source, "市教育局");
	assert_string_equal(d->meta.published, "2023-03-05");
	assert_string_equal(d->meta.date, "2023-03-05");
	assert_string_equal(d->meta.topic, "科技、教育-教育");
	assert_int_equal(d->nsections, 1);
	assert_memory_equal(text + d->head_len, "一、总体要求",
	    strlen("一、总体要求"));
	assert_int_equal(d->tail_len, strlen("打印本页 关闭窗口\n"));
	/* the section ends with the body */
	assert_int_equal(d->sections[0].end, d->body_len);
	doc_free(&d);
}

/* The printers report a stream they cannot write to. */
static void
test_print_errors(void **state)
{
	static const char text[] = "关于加强管理的通知\n一、总体要求\n";
	struct doc *d;
	FILE *ro;

	(void)state;
	assert_int_equal(doc_parse(text, strlen(text), &d), JUAN_OK);
	ro = fopen("/dev/null", "r");
	assert_non_null(ro);
	assert_int_equal(doc_print_outline(d, ro), -1);
	assert_int_equal(doc_print_meta(d, ro), -1);
	fclose(ro);
	doc_free(&d);
}

struct outline_case {
	const char *name;
	const char *text;
	const char *outline;
};

static const struct outline_case outline_cases[] = {
	{ "levels come from nesting",
	  "一、总体要求\n（一）指导思想\n1.坚持党的领导。要…\n二、主要任务\n"
	  "1.加强建设。\n",
	  "1\t一、\t总体要求\n2\t（一）\t指导思想\n3\t1.\t坚持党的领导\n"
	  "1\t二、\t主要任务\n2\t1.\t加强建设\n" },
	{ "one line with 　　 as paragraph marks",
	  "现提出以下意见：　　一、总体要求　　（一）指导思想。以习近平…。"
	  "　　（二）基本原则。坚持…。　　二、重点任务　　（一）加强监管。",
	  "1\t一、\t总体要求\n2\t（一）\t指导思想\n2\t（二）\t基本原则\n"
	  "1\t二、\t重点任务\n2\t（一）\t加强监管\n" },
	{ "statute with letter-spaced chapter and run-together articles",
	  "第一章　总　　则\n第一条　为了保护环境，制定本条例。"
	  "第二条　本条例适用于全国。\n"
	  "第二章　监督管理\n第三条　国家实行统一监管。\n",
	  "1\t第一章\t总　　则\n2\t第一条\t为了保护环境\n"
	  "2\t第二条\t本条例适用于全国\n1\t第二章\t监督管理\n"
	  "2\t第三条\t国家实行统一监管\n" },
	{ "chapter glued to the title, chapters run together",
	  "规划环境影响评价条例第一章　总　　则 　　第一条　为了加强评价。"
	  "　　第二条　适用范围。 第二章　评价 　　第三条　评价要求。",
	  "1\t第一章\t总　　则\n2\t第一条\t为了加强评价\n2\t第二条\t适用范围\n"
	  "1\t第二章\t评价\n2\t第三条\t评价要求\n" },
	{ "enumerations inside a sentence are not headings; on their own "
	  "lines under an article they are, nested under it",
	  "第十条　有下列情形之一的：（一）未经批准；（二）超过期限。\n"
	  "第十一条　有下列行为之一的：\n（一）拒绝检查的；\n（二）弄虚作假的。"
	  "\n",
	  "1\t第十条\t有下列情形之一的：（一）未经批准；（二）超过期限\n"
	  "1\t第十一条\t有下列行为之一的：\n2\t（一）\t拒绝检查的；\n"
	  "2\t（二）\t弄虚作假的\n" },
	{ "an article's items on their own lines, the next article after them",
	  "第五条　禁止下列行为：\n（一）私自排放污水；\n（二）倾倒垃圾；\n"
	  "（三）其他破坏环境的行为。\n第六条　本条例自公布之日起施行。\n",
	  "1\t第五条\t禁止下列行为：\n2\t（一）\t私自排放污水；\n"
	  "2\t（二）\t倾倒垃圾；\n2\t（三）\t其他破坏环境的行为\n"
	  "1\t第六条\t本条例自公布之日起施行\n" },
	{ "decimal outline numbers: the depth gives the rank",
	  "1　总则\n1.1　编制目的\n为了应对突发事件，制定本预案。\n"
	  "1.2　适用范围\n2　组织指挥体系\n2.1　国家层面\n2.1.1　指挥机构\n"
	  "2.1.1.1　组成\n由有关部门组成。\n2.2　地方层面\n3　附则\n",
	  "1\t1\t总则\n2\t1.1\t编制目的\n2\t1.2\t适用范围\n"
	  "1\t2\t组织指挥体系\n2\t2.1\t国家层面\n3\t2.1.1\t指挥机构\n"
	  "4\t2.1.1.1\t组成\n2\t2.2\t地方层面\n1\t3\t附则\n" },
	{ "decimal numbers with a full-width dot, on one line, items under them",
	  "应急预案　　1　总则　　1．1　编制目的　　为了应对。　　1．2　预警"
	  "　　（1）分析研判。组织研判。　　（2）防范处置。控制苗头。"
	  "　　2　应急响应　　各地区要做好响应。",
	  "1\t1\t总则\n2\t1．1\t编制目的\n2\t1．2\t预警\n"
	  "3\t（1）\t分析研判\n3\t（2）\t防范处置\n1\t2\t应急响应\n" },
	{ "a number before a unit or a digit is no decimal heading",
	  "一、基本情况\n2　年内完成改造。\n1.5　亿元用于建设。\n"
	  "3　2024年度计划。\n二、主要任务\n",
	  "1\t一、\t基本情况\n1\t二、\t主要任务\n" },
	{ "a year after the dot: the item is item 1, not a decimal",
	  "（一）深化行政审批改革\n1．2021年6月底前出台清单管理办法。\n"
	  "2．完善审查机制。\n3．2020年底前完成清理。\n（二）优化服务\n"
	  "1．2022年实现全程网办。\n",
	  "1\t（一）\t深化行政审批改革\n2\t1．\t2021年6月底前出台清单管理办法\n"
	  "2\t2．\t完善审查机制\n2\t3．\t2020年底前完成清理\n"
	  "1\t（二）\t优化服务\n2\t1．\t2022年实现全程网办\n" },
	{ "questions of an interview, each on its own line",
	  "近日，教育部印发了《意见》。\n问：请介绍一下《意见》的背景？\n"
	  "答：党中央高度重视。一、是有关要求。\n问:《意见》有哪些举措？\n"
	  "答：主要有三方面。\n记者：下一步如何落实？\n答：加强督导。\n",
	  "1\t问：\t请介绍一下《意见》的背景？\n"
	  "1\t问:\t《意见》有哪些举措？\n1\t记者：\t下一步如何落实？\n" },
	{ "questions of an interview run together on one line",
	  "近日，六部门联合印发了《实施意见》。负责同志接受了记者的采访。"
	  "问：请介绍一下制定《意见》的背景和意义。答：党的十八大以来，文艺"
	  "工作成绩显著。问：需要遵循什么原则？答：坚持正确方向！"
	  "问：有哪些具体举措？答：一是加大扶持。\n",
	  "1\t问：\t请介绍一下制定《意见》的背景和意义。\n"
	  "1\t问：\t需要遵循什么原则？\n1\t问：\t有哪些具体举措？\n" },
	{ "a question inside a sentence is no heading",
	  "一、总体要求\n有人问：这样做是否可行？我们认为可行。\n",
	  "1\t一、\t总体要求\n" },
	{ "a table of contents without 目录, one line joined by 　　",
	  "国家应急预案　　1　总则　　　　1.1　编制目的　　　　1.2　适用范围"
	  "　　2　组织体系　　　　2.1　指挥机构 　　1　总则　　1.1　编制目的"
	  "　　健全应对机制。　　1.2　适用范围　　本预案适用于全国。"
	  "　　2　组织体系　　2.1　指挥机构　　由有关部门组成。",
	  "1\t1\t总则\n2\t1.1\t编制目的\n2\t1.2\t适用范围\n"
	  "1\t2\t组织体系\n2\t2.1\t指挥机构\n" },
	{ "a table of contents without 目录, on lines of its own",
	  "第一章　总则\n第二章　监督管理\n第三章　附则\n第一章　总则\n"
	  "第一条　为了保护环境，制定本条例。\n第二章　监督管理\n"
	  "第二条　国家实行统一监管。\n第三章　附则\n第三条　本条例自公布之日起施行。\n",
	  "1\t第一章\t总则\n2\t第一条\t为了保护环境\n"
	  "1\t第二章\t监督管理\n2\t第二条\t国家实行统一监管\n"
	  "1\t第三章\t附则\n2\t第三条\t本条例自公布之日起施行\n" },
	{ "bare headings that the body does not repeat are kept",
	  "一、总体要求\n二、主要任务\n三、保障措施\n四、附则\n本意见自印发之日起施行。\n",
	  "1\t一、\t总体要求\n1\t二、\t主要任务\n1\t三、\t保障措施\n"
	  "1\t四、\t附则\n" },
	{ "a letter-spaced label is kept as printed",
	  "第 一 章　总　　则\n第一条　为了保护环境，制定本法。\n"
	  "第 十 二 章　附　　则\n第九十条　本法自公布之日起施行。\n",
	  "1\t第 一 章\t总　　则\n2\t第一条\t为了保护环境\n"
	  "1\t第 十 二 章\t附　　则\n2\t第九十条\t本法自公布之日起施行\n" },
	{ "references are not headings",
	  "一、删去第六条第二款。二、将第七条修改为：依法审批。\n"
	  "第三条规定的事项，依照执行。\n",
	  "1\t一、\t删去第六条第二款\n1\t二、\t将第七条修改为：依法审批\n" },
	{ "decimals are not labels",
	  "1.加强投入\n1.5亿元用于建设。\n2.完善机制\n",
	  "1\t1.\t加强投入\n1\t2.\t完善机制\n" },
	{ "run-together numbering without separators",
	  "现批复如下：一、原则同意修改后的方案。二、同意制定的目标。2000年，"
	  "环境质量明显改善。三、加强监督。",
	  "1\t一、\t原则同意修改后的方案\n1\t二、\t同意制定的目标\n1\t三、\t"
	  "加强监督\n" },
	{ "attachment list is not in the outline",
	  "一、工作要求\n请认真落实。\n附件：1.任务分工表\n2.联系人名单\n"
	  "二、保障措施\n",
	  "1\t一、\t工作要求\n1\t二、\t保障措施\n" },
	{ "one-line attachment list",
	  "一、工作要求　　请认真落实。　　附件：1.任务分工表　　2.联系人名单",
	  "1\t一、\t工作要求\n" },
	{ "circled and parenthesised numerals",
	  "㈠加强领导\n⑴明确职责\n①落实到人\n(1)半角括号\n（2）全角括号\n",
	  "1\t㈠\t加强领导\n2\t⑴\t明确职责\n3\t①\t落实到人\n2\t(1)\t半角括号\n"
	  "2\t（2）\t全角括号\n" },
	{ "half-width brackets and a run-in title",
	  "(一)强化各级责任。建立健全高质量发展领导体制。\n"
	  "(二)建立多方参与机制\n",
	  "1\t(一)\t强化各级责任\n1\t(二)\t建立多方参与机制\n" },
	{ "heading broken by a hard line break",
	  "第二章　防治船舶及其有关作业活动污染\n\n"
	  "海洋环境的一般规定 　　第十条　船舶应当合格。",
	  "1\t第二章\t防治船舶及其有关作业活动污染海洋环境的一般规定\n"
	  "2\t第十条\t船舶应当合格\n" },
	{ "not labels: 一是, 第一，, 首先",
	  "一是加强领导。\n第一，完善制度。\n首先，明确责任。\n",
	  "" },
	{ "table of contents",
	  "目　录\n第一章　总则\n第二章　附则\n第一章　总则\n第一条　目的。\n"
	  "第二章　附则\n",
	  "1\t第一章\t总则\n2\t第一条\t目的\n1\t第二章\t附则\n" },
	{ "full-width dot and 、 after Arabic numerals",
	  "1．第一项\n2、第二项\n",
	  "1\t1．\t第一项\n1\t2、\t第二项\n" },
	{ "run-together text, numbering that goes on across sections",
	  "现提出以下意见。一、持续提升投资建设便利度（一）优化审批流程。"
	  "从办成项目出发。"
	  "（发展改革委牵头，各地区负责）（二）提升审批效率。全面推行。"
	  "（住房城乡建设部牵头）"
	  "二、简化企业生产经营审批（三）降低市场准入门槛。围绕工程建设。",
	  "1\t一、\t持续提升投资建设便利度\n2\t（一）\t优化审批流程\n"
	  "2\t（二）\t提升审批效率\n1\t二、\t简化企业生产经营审批\n"
	  "2\t（三）\t降低市场准入门槛\n" },
	{ "quoted items of an amendment are an enumeration",
	  "一、删去第六条。二、增加一条，作为第十一条：“有下列情形之一的，"
	  "不予批准：“（一）不符合规划；"
	  "“（二）未达到标准。”三、删去第十三条。",
	  "1\t一、\t删去第六条\n1\t二、\t增加一条，作为第十一条："
	  "“有下列情形之一的，不予批准：“（一）不符合规划；“（二）未达到标准\n"
	  "1\t三、\t删去第十三条\n" },
	{ "an enumeration does not continue an earlier article's items",
	  "第十一条　篇章应当包括下列内容：　　（一）影响的分析。主要包括评估。"
	  "　　（二）对策和措施。"
	  "　　第十九条　审查意见应当包括下列内容：　　（一）资料的真实性；"
	  "　　（二）方法的适当性；"
	  "　　（三）结论的科学性。",
	  "1\t第十一条\t篇章应当包括下列内容：\n2\t（一）\t影响的分析\n2\t"
	  "（二）\t对策和措施\n"
	  "1\t第十九条\t审查意见应当包括下列内容：\n" },
	{ "invisible characters before a label",
	  "现批复如下：\xEE\x80\x84一、原则同意。二、同意目标。",
	  "1\t一、\t原则同意\n1\t二、\t同意目标\n" },
	{ "专栏 box",
	  "（一）加强领导。\n专栏1　重点工程\n1.污水处理工程\n2.垃圾处理工程\n"
	  "（二）完善机制。\n",
	  "1\t（一）\t加强领导\n1\t（二）\t完善机制\n" },
	{ "flattened table",
	  "一、工作要求\n请落实。\n附件\n典型做法\n序号改革举措主要内容\n"
	  "一、改革投资审批1企业投资\n二、便利企业开办\n",
	  "1\t一、\t工作要求\n" },
	{ "a short line after a heading is not its continuation",
	  "一、指导思想\n以习近平新时代中国特色社会主义思想为指导\n"
	  "（一）基本原则\n",
	  "1\t一、\t指导思想\n2\t（一）\t基本原则\n" },
	{ "a label with no title",
	  "一、\n二、保障措施\n",
	  "1\t一、\t\n1\t二、\t保障措施\n" },
	{ "a line of the text that looks like chrome does not make a head",
	  "关于下达项目资金的通知\n各单位：\n一、项目名称：校舍维修\n资金来源："
	  "市财政\n二、工作要求\n",
	  "1\t一、\t项目名称：校舍维修\n1\t二、\t工作要求\n" },
	{ "one line with 　 and two spaces as paragraph marks, 1． items",
	  "为做好工作，现提出如下要点。\xE3\x80\x80  一、总体要求\xE3\x80\x80  "
	  "（一）指导思想。坚持立德树人。\xE3\x80\x80  1．加强党建。做好工作。"
	  "\xE3\x80\x80  2．完善制度\xE3\x80\x80  二、主要任务",
	  "1\t一、\t总体要求\n2\t（一）\t指导思想\n3\t1．\t加强党建\n"
	  "3\t2．\t完善制度\n1\t二、\t主要任务\n" },
	{ "one-line statute with letter-spaced chapters",
	  "　　第一章　总　　则　　第一条　为了规范管理，制定本办法。"
	  "　　第二条　本办法适用于全市中小学。　　第二章　附　　则"
	  "　　第三条　本办法自发布之日起施行。",
	  "1\t第一章\t总　　则\n2\t第一条\t为了规范管理\n"
	  "2\t第二条\t本办法适用于全市中小学\n1\t第二章\t附　　则\n"
	  "2\t第三条\t本办法自发布之日起施行\n" },
	{ "articles run together after 。 and ；",
	  "第一条　为了加强管理，制定本办法。第二条　本办法适用于全区；"
	  "第三条　区教育局负责实施。第四条第一款规定的情形除外。\n",
	  "1\t第一条\t为了加强管理\n1\t第二条\t本办法适用于全区；\n"
	  "1\t第三条\t区教育局负责实施\n" },
	{ "run-together numbering with no separators at all",
	  "一、总体要求以习近平新时代中国特色社会主义思想为指导二、主要任务"
	  "加强教师队伍建设三、保障措施加强组织领导",
	  "1\t一、\t总体要求以习近平新时代中国特色社会主义思想为指导\n"
	  "1\t二、\t主要任务加强教师队伍建设\n1\t三、\t保障措施加强组织领导\n" },
	{ "run-together numbering with nested items",
	  "一、总体要求以习近平新时代中国特色社会主义思想为指导。二、主要任务"
	  "（一）加强队伍建设。提升教师素质。（二）深化课程改革。",
	  "1\t一、\t总体要求以习近平新时代中国特色社会主义思想为指导\n"
	  "1\t二、\t主要任务\n2\t（一）\t加强队伍建设\n2\t（二）\t深化课程改革\n" },
	{ "㈠ ⑴ ① families nest",
	  "一、主要任务\n㈠加强领导\n⑴明确职责\n①落实到人\n②定期检查\n"
	  "⑵强化考核\n㈡完善机制\n",
	  "1\t一、\t主要任务\n2\t㈠\t加强领导\n3\t⑴\t明确职责\n4\t①\t落实到人\n"
	  "4\t②\t定期检查\n3\t⑵\t强化考核\n2\t㈡\t完善机制\n" },
	{ "all the families nest in rank order",
	  "第一部分　总体要求\n第一章　总则\n第一节　一般规定\n"
	  "第一条　为了规范。\n（一）适用范围\n1.学校\n（1）公办学校\n①小学\n"
	  "第二部分　主要任务\n一、加强领导\n",
	  "1\t第一部分\t总体要求\n2\t第一章\t总则\n3\t第一节\t一般规定\n"
	  "4\t第一条\t为了规范\n5\t（一）\t适用范围\n6\t1.\t学校\n"
	  "7\t（1）\t公办学校\n8\t①\t小学\n1\t第二部分\t主要任务\n"
	  "2\t一、\t加强领导\n" },
	{ "label exact, whitespace after it and at the end dropped",
	  "1. 加强领导\n（二）　指导思想　\n3、 完善制度：\n一、总体 要求。具体内容"
	  "\n",
	  "1\t1.\t加强领导\n1\t（二）\t指导思想\n2\t3、\t完善制度：\n"
	  "1\t一、\t总体 要求\n" },
	{ "indentation by spaces, NBSP and TAB",
	  "\xC2\xA0\xC2\xA0一、总体要求\n  （一）指导思想\n\t1.坚持党的领导\n"
	  "\xE3\x80\x80\xE3\x80\x80（二）基本原则\n",
	  "1\t一、\t总体要求\n2\t（一）\t指导思想\n3\t1.\t坚持党的领导\n"
	  "2\t（二）\t基本原则\n" },
	{ "decimals and numbered sections are not labels",
	  "一、发展目标\n1.1总体目标\n3.5%的学校达到标准。\n2.5亿元用于建设。\n"
	  "二、主要任务\n",
	  "1\t一、\t发展目标\n1\t二、\t主要任务\n" },
	{ "not labels: 一要, 专栏, dashes, 第一，, 首先",
	  "一要加强领导。\n二要完善制度。\n——坚持党的领导。\n第一，明确目标。\n"
	  "首先，落实责任。\n其次，加强考核。\n",
	  "" },
	{ "items after a colon that end with ； are an enumeration",
	  "一、工作要求\n学校应当做到：\n（一）按时上报；\n（二）如实填写。\n"
	  "二、保障措施\n（三）加强监管。有下列情形之一的：1.未按规定办学的；"
	  "2.违规收费的。\n",
	  "1\t一、\t工作要求\n1\t二、\t保障措施\n2\t（三）\t加强监管\n" },
	{ "references to articles and chapters are not headings",
	  "第三章所列事项，依照执行。\n第十条的规定适用于民办学校。\n"
	  "依照第六条第二款处理。\n",
	  "" },
	{ "attachment list with continuation lines",
	  "二、保障措施\n加强领导。\n附件：1.杭州市上城区2024年教育工作重点任务"
	  "分工\n　　　表\n　　　2.杭州市上城区教育系统联系人名单\n"
	  "杭州市上城区教育局\n2024年3月1日\n",
	  "1\t二、\t保障措施\n" },
	{ "attachment list of 1、 items, then the attachment's own text",
	  "一、工作要求\n请落实。\n附件：1、学校名单\n2、联系人名单\n附件1\n"
	  "学校名单\n一、城区学校\n",
	  "1\t一、\t工作要求\n1\t一、\t城区学校\n" },
	{ "attachment caption",
	  "一、工作要求\n请落实。\n附件1：学校名单\n1.第一中学\n2.第二中学\n",
	  "1\t一、\t工作要求\n" },
	{ "table of contents on one line",
	  "目录：一、总体要求 二、主要任务\n一、总体要求\n（一）指导思想\n"
	  "二、主要任务\n",
	  "1\t一、\t总体要求\n2\t（一）\t指导思想\n1\t二、\t主要任务\n" },
	{ "table of contents, chapters numbered again",
	  "目　录\n一、总体要求\n二、主要任务\n一、总体要求\n（一）指导思想\n"
	  "二、主要任务\n",
	  "1\t一、\t总体要求\n2\t（一）\t指导思想\n1\t二、\t主要任务\n" },
	{ "（此件公开发布） is not a heading",
	  "一、工作要求\n请落实。\n（此件公开发布）\n",
	  "1\t一、\t工作要求\n" },
	{ "a heading broken by a line break is joined",
	  "一、坚持立德树人，全面提升学生综合\n素质\n（一）加强德育工作\n",
	  "1\t一、\t坚持立德树人，全面提升学生综合素质\n2\t（一）\t加强德育工作\n"
	  },
	{ "a heading that lost its 。 runs to the next 。",
	  "（一）加强队伍建设\n1.提高研训实效充分发挥教研中心职能，提升实效。"
	  "抓好培训。\n",
	  "1\t（一）\t加强队伍建设\n2\t1.\t"
	  "提高研训实效充分发挥教研中心职能，提升实效\n" },
	{ "repeated and out-of-order numbers are kept",
	  "一、总体要求\n三、主要任务\n二、保障措施\n二、组织实施\n（二）加强领导\n"
	  "（一）完善制度\n",
	  "1\t一、\t总体要求\n1\t三、\t主要任务\n1\t二、\t保障措施\n"
	  "1\t二、\t组织实施\n2\t（二）\t加强领导\n2\t（一）\t完善制度\n" },
	{ "numbering that restarts in each section",
	  "一、主要任务\n1.加强领导\n2.完善制度\n二、保障措施\n1.加大投入\n"
	  "（一）经费\n1.专项经费\n",
	  "1\t一、\t主要任务\n2\t1.\t加强领导\n2\t2.\t完善制度\n1\t二、\t保障措施\n"
	  "2\t1.\t加大投入\n2\t（一）\t经费\n3\t1.\t专项经费\n" },
	{ "one-line document, heading followed by text",
	  "一、总体要求　　以习近平新时代中国特色社会主义思想为指导。"
	  "　　二、主要任务　　（一）加强领导　　各校要加强领导。",
	  "1\t一、\t总体要求\n1\t二、\t主要任务\n2\t（一）\t加强领导\n" },
	{ "an enumeration's last item does not continue earlier headings",
	  "3.2　预警行动\n采取以下措施：\n（1）分析研判。组织研判。\n"
	  "（2）防范处置。控制苗头。\n3.3　信息报告\n对以下信息，应当立即报告：\n"
	  "（1）初判为重大事件；\n（2）可能引发群体性事件；\n"
	  "（3）其他需要报告的事件。\n",
	  "1\t3.2\t预警行动\n2\t（1）\t分析研判\n2\t（2）\t防范处置\n"
	  "1\t3.3\t信息报告\n" },
	{ "numerals listed with 、 are not labels",
	  "一、课程建设\n一、二年级不布置书面作业。\n三、四月份开展教研活动。\n"
	  "二、队伍建设\n",
	  "1\t一、\t课程建设\n1\t二、\t队伍建设\n" },
	{ "a table in the middle of the text ends where the numbering goes on",
	  "一、主要任务\n（一）重点项目\n表1　2024年重点项目\n序号　项目名称　责任单位\n"
	  "1　新建学校　教育局\n2　改扩建工程　教育局\n（二）队伍建设\n二、保障措施\n",
	  "1\t一、\t主要任务\n2\t（一）\t重点项目\n2\t（二）\t队伍建设\n"
	  "1\t二、\t保障措施\n" },
	{ "（一）、 and 一． as printed",
	  "一．指导思想\n二．工作目标\n1、加强党建\n三．重点工作\n（一）、加强党建\n"
	  "（二）、推进均衡\n每天第一节课前开展晨读。\n第一节课后进行眼保健操。\n",
	  "1\t一．\t指导思想\n1\t二．\t工作目标\n2\t1、\t加强党建\n"
	  "1\t三．\t重点工作\n2\t（一）、\t加强党建\n2\t（二）、\t推进均衡\n" },
	{ "a heading broken in mid-phrase before its text",
	  "（四）深化改革，推进教育评价体系建设和\n治理能力现代化\n全面推进改革。\n"
	  "（五）加强保障，完善经费投入机制\n教育经费稳定增长\n经费逐年增长。\n",
	  "1\t（四）\t深化改革，推进教育评价体系建设和治理能力现代化\n"
	  "1\t（五）\t加强保障，完善经费投入机制\n" },
	{ "an article's title is its first clause, up to ， or 。",
	  "第一章　总则\n"
	  "第一条　为了规范政府信息公开，保障公民依法获取信息，制定本条例。\n"
	  "第二条　本条例所称政府信息。是指行政机关制作的，信息。\n"
	  "第三条　各级人民政府应当加强组织领导\n"
	  "（一）拒绝检查，阻碍执法的；\n"
	  "第四条　国务院办公厅是全国政府信息公开工作的主管部门。\n",
	  "1\t第一章\t总则\n2\t第一条\t为了规范政府信息公开\n"
	  "2\t第二条\t本条例所称政府信息\n"
	  "2\t第三条\t各级人民政府应当加强组织领导\n"
	  "3\t（一）\t拒绝检查，阻碍执法的；\n"
	  "2\t第四条\t国务院办公厅是全国政府信息公开工作的主管部门\n" },
	{ "only an article's title stops at ，",
	  "一、加强领导，落实责任。\n（一）健全机制，明确分工。\n"
	  "1.完善制度，规范流程。\n",
	  "1\t一、\t加强领导，落实责任\n2\t（一）\t健全机制，明确分工\n"
	  "3\t1.\t完善制度，规范流程\n" },
	{ "an article cut at ， takes nothing from a broken line",
	  "第十条　船舶所有人，经营人和\n管理人的义务\n"
	  "第十一条　船舶应当合格。\n",
	  "1\t第十条\t船舶所有人\n1\t第十一条\t船舶应当合格\n" },
	{ "no labels, empty outline",
	  "这是一份没有任何标题的文件。它只有正文。\n",
	  "" },
};

static void
test_outline_table(void **state)
{
	const struct outline_case *c;
	size_t i;
	int failed = 0;

	(void)state;
	for (i = 0; i < sizeof outline_cases / sizeof outline_cases[0]; i++) {
		c = &outline_cases[i];
		failed += !prints(c->name, c->text, OUTLINE, c->outline);
	}
	assert_int_equal(failed, 0);
}

struct meta_case {
	const char *name;
	const char *text;
	const char *meta;
};

static const struct meta_case meta_cases[] = {
	{ "title and docno glued, signature at the end",
	  "国务院关于加强环境保护重点工作的意见 国发 〔2011〕 35 号\n"
	  "各省、自治区、直辖市人民政府：　　现提出如下意见。"
	  "　　　　国  务  院  二○一一年十月十七日\n",
	  "title\t国务院关于加强环境保护重点工作的意见\nissuer\t国务院\n"
	  "date\t2011-10-17\ndocno\t国发〔2011〕35号\n" },
	{ "docno in parentheses on its own line, Chinese-numeral date",
	  "余杭区人民政府关于印发工作方案的通知\n（余府发〔2012〕3号）\n"
	  "各镇人民政府：\n现将方案印发给你们，请认真执行。\n余杭区人民政府\n"
	  "二○一二年一月九日\n",
	  "title\t余杭区人民政府关于印发工作方案的通知\nissuer\t"
	  "余杭区人民政府\n"
	  "date\t2012-01-09\ndocno\t余府发〔2012〕3号\n" },
	{ "joint issuers, title over two lines",
	  "教育部 财政部关于加强\n学校安全工作的通知\n各省教育厅：\n请落实。\n",
	  "title\t教育部 财政部关于加强学校安全工作的通知\nissuer\t"
	  "教育部、财政部\n"
	  "date\t\ndocno\t\n" },
	{ "order promulgating a regulation",
	  "中华人民共和国国务院令\n\n第　561　号\n"
	  "《防治船舶污染海洋环境管理条例》已经国务院常务会议通过，现予公布。\n"
	  "总　理　温家宝\n二○○九年九月九日\n防治船舶污染海洋环境管理条例\n"
	  "第一章　总　　则\n第一条　为了防治污染，制定本条例。\n",
	  "title\t防治船舶污染海洋环境管理条例\nissuer\t国务院\n"
	  "date\t2009-09-09\ndocno\t中华人民共和国国务院令第561号\n" },
	{ "order on one line with the regulation glued to it",
	  "中华人民共和国国务院令第　623　号　　《气象设施保护条例》已经国务院"
	  "常务会议通过，现予公布。"
	  "\n\n　　　　总　理　温家宝\n\n　　　　2012年8月29日\n"
	  "气象设施保护条例　　第一条　为了保护气象设施，制定本条例。"
	  "　　第二条　本条例所称气象设施。\n",
	  "title\t气象设施保护条例\nissuer\t国务院\n"
	  "date\t2012-08-29\ndocno\t中华人民共和国国务院令第623号\n" },
	{ "metadata block, label and value on two lines",
	  "索引号:\nSY001\n发文字号:\n沪崇教〔2024〕1号\n成文日期:\n"
	  "2024-02-17\n"
	  "失效日期:\n各中小学:\n现将《崇明区教育局2024年工作要点》印发给你们。"
	  "\n",
	  "title\t崇明区教育局2024年工作要点\nissuer\t崇明区教育局\n"
	  "date\t2024-02-17\ndocno\t沪崇教〔2024〕1号\n" },
	{ "metadata on one line, site abbreviation not an issuer",
	  "索引号 001/2024 发布机构 市教育局\n"
	  "生成日期 2024-06-04 公开方式 主动公开\n"
	  "推进教育数字化的实施方案\n发布日期:2024-06-05 来源:市教育局\n"
	  "为推进数字化，制定本方案。\n",
	  "title\t推进教育数字化的实施方案\nissuer\t\ndate\t2024-06-04\ndocno\t"
	  "\n" },
	{ "news headline wrapper gives way",
	  "《某县教育三年行动计划》公布!\n2019年09月29日10:22 来源:微博\n"
	  "某县教育三年行动计划\n根据要求，制定本计划。\n",
	  "title\t某县教育三年行动计划\nissuer\t\ndate\t2019-09-29\ndocno\t"
	  "\n" },
	{ "cited document numbers are never the docno",
	  "国务院关于北京市环境污染防治的批复 国函〔1999〕134号 北京市人民政府"
	  "："
	  "你们报送的请示 (京政文〔1999〕56号)收悉。现批复如下。\n",
	  "title\t国务院关于北京市环境污染防治的批复\nissuer\t国务院\n"
	  "date\t\ndocno\t国函〔1999〕134号\n" },
	{ "signature glued after the last sentence",
	  "国务院办公厅关于印发分工方案的通知国办发〔2020〕43号\n"
	  "各省人民政府：现印发给你们，请认真贯彻落实。"
	  "国务院办公厅2020年11月1日（此件公开发布）\n",
	  "title\t国务院办公厅关于印发分工方案的通知\nissuer\t国务院办公厅\n"
	  "date\t2020-11-01\ndocno\t国办发〔2020〕43号\n" },
	{ "interview title glued to its text",
	  "生态环境部、农业农村部有关司局负责同志就《实施方案（试行）》答记者问"
	  "日前，两部印发方案。\n",
	  "title\t生态环境部、农业农村部有关司局负责同志就《实施方案（试行）》"
	  "答记者问\n"
	  "issuer\t生态环境部、农业农村部\ndate\t\ndocno\t\n" },
	{ "masthead and headline wrapper in the body",
	  "《工作方案》出台！\n杭州市人民政府文件\n杭政发〔2023〕2号\n"
	  "杭州市人民政府关于印发工作方案的通知\n"
	  "各区人民政府：\n现将《工作方案》印发给你们。\n",
	  "title\t杭州市人民政府关于印发工作方案的通知\nissuer\t"
	  "杭州市人民政府\n"
	  "date\t\ndocno\t杭政发〔2023〕2号\n" },
	{ "joint issuers from the 标题 field, 成文日期 as the date",
	  "标题：中共杭州市委办公厅 杭州市人民政府办公厅关于做好招生工作的通知"
	  "\n"
	  "成文日期：2023年02月10日\n发布日期：2023-02-12\n"
	  "各区县：\n为做好招生工作，现通知如下。\n",
	  "title\t中共杭州市委办公厅 杭州市人民政府办公厅关于做好招生工作的通知"
	  "\n"
	  "issuer\t中共杭州市委办公厅、杭州市人民政府办公厅\ndate\t2023-02-10\n"
	  "docno\t\n" },
	{ "letter-spaced metadata labels, TAB between fields",
	  "索 引 号：000014349/2019-00012\t主题分类：教育\n"
	  "发文机关：教育部\t成文日期：2019年3月1日\n"
	  "标　　题：教育部关于加强学校体育工作的意见\n"
	  "发文字号：教体艺〔2019〕2号\t发布日期：2019年3月5日\n"
	  "教育部关于加强学校体育工作的意见\n各省教育厅：\n　　现提出如下意见。"
	  "\n",
	  "title\t教育部关于加强学校体育工作的意见\nissuer\t教育部\n"
	  "date\t2019-03-01\ndocno\t教体艺〔2019〕2号\n" },
	{ "page title with the site's name after it",
	  "当前位置：首页 > 通知公告\n关于做好2023年招生工作的通知_杭州市教育局"
	  "\n"
	  "发布时间：2023-03-05\n为做好招生工作，现通知如下。\n",
	  "title\t关于做好2023年招生工作的通知\nissuer\t\ndate\t2023-03-05\n"
	  "docno\t\n" },
	{ "a title that starts with a task names no issuer",
	  "学习贯彻全国教育大会精神实施方案\n为贯彻落实，制定本方案。\n",
	  "title\t学习贯彻全国教育大会精神实施方案\nissuer\t\ndate\t\ndocno\t"
	  "\n" },
	{ "years before the issuer's name",
	  "2021—2025年杭州市教育局教育发展规划\n为推进教育发展，制定本规划。\n",
	  "title\t2021—2025年杭州市教育局教育发展规划\nissuer\t杭州市教育局\n"
	  "date\t\ndocno\t\n" },
	{ "metadata labels in brackets",
	  "【标题】关于做好招生工作的通知\n"
	  "【发布机构】杭州市教育局　【发布日期】2023-03-05\n"
	  "【发文字号】杭教基〔2023〕2号\n各区教育局：\n现通知如下。\n",
	  "title\t关于做好招生工作的通知\nissuer\t杭州市教育局\n"
	  "date\t2023-03-05\ndocno\t杭教基〔2023〕2号\n" },
	{ "duplicated title line counted once",
	  "杭州市上城区教育局2024年工作要点\n杭州市上城区教育局2024年工作要点\n"
	  "2024年是关键之年。\n一、加强党建\n",
	  "title\t杭州市上城区教育局2024年工作要点\nissuer\t杭州市上城区教育局\n"
	  "date\t\ndocno\t\n" },
	{ "issuer and Chinese-numeral date from the signature",
	  "关于做好2024年暑期安全工作的通知\n各中小学：\n现将有关事项通知如下。\n"
	  "一、加强教育\n请落实。\n杭州市上城区教育局\n二〇二四年六月二十日\n",
	  "title\t关于做好2024年暑期安全工作的通知\nissuer\t杭州市上城区教育局\n"
	  "date\t2024-06-20\ndocno\t\n" },
	{ "empty 发文字号 before the title line",
	  "发文字号：\n关于做好招生工作的通知\n各学校：\n现通知如下。\n",
	  "title\t关于做好招生工作的通知\nissuer\t\ndate\t\ndocno\t\n" },
	{ "several pairs per line, 文号 and 发文日期",
	  "索引号: 002/2024-01 文号: 杭教基〔2024〕5号\n"
	  "发文日期: 2024-03-01 发布机构: 杭州市教育局\n"
	  "标题: 杭州市教育局关于做好招生工作的通知\n各区教育局：\n现通知如下。\n",
	  "title\t杭州市教育局关于做好招生工作的通知\nissuer\t杭州市教育局\n"
	  "date\t2024-03-01\ndocno\t杭教基〔2024〕5号\n" },
	{ "empty 文号 at the end of a line",
	  "标题: 嘉兴市教育局2023年工作要点\n索引号: 1133/2023-01 文号:\n"
	  "发文日期: 2023-02-01 发布机构: 嘉兴市教育局\n"
	  "嘉兴市教育局2023年工作要点\n一、总体要求\n",
	  "title\t嘉兴市教育局2023年工作要点\nissuer\t嘉兴市教育局\n"
	  "date\t2023-02-01\ndocno\t\n" },
	{ "publish date when nothing else gives a date",
	  "发布日期：2024-05-06\n泰顺县教育局2024年工作要点\n一、总体要求\n",
	  "title\t泰顺县教育局2024年工作要点\nissuer\t泰顺县教育局\n"
	  "date\t2024-05-06\ndocno\t\n" },
	{ "成文日期 before 发布日期, labels and values on two lines",
	  "发布日期:\n2024-03-09\n成文日期:\n2024-03-05\n公开主体:\n"
	  "温州市鹿城区教育局\n温州市鹿城区教育局2024年工作要点\n一、总体要求\n",
	  "title\t温州市鹿城区教育局2024年工作要点\nissuer\t温州市鹿城区教育局\n"
	  "date\t2024-03-05\ndocno\t\n" },
	{ "covering notice without title: the transmitted document",
	  "各区县（市）教育局：\n现将《杭州市2024年教育工作要点》印发给你们，"
	  "请结合实际认真贯彻落实。\n杭州市教育局\n2024年3月1日\n",
	  "title\t杭州市2024年教育工作要点\nissuer\t杭州市教育局\n"
	  "date\t2024-03-01\ndocno\t\n" },
	{ "title over three lines",
	  "杭州市教育局关于印发\n《2024年全市教育工作要点》\n的通知\n"
	  "杭教发〔2024〕3号\n各区教育局：\n现印发给你们。\n",
	  "title\t杭州市教育局关于印发《2024年全市教育工作要点》的通知\n"
	  "issuer\t杭州市教育局\ndate\t\ndocno\t杭教发〔2024〕3号\n" },
	{ "joint issuers joined by 、 in the title",
	  "杭州市教育局、杭州市财政局关于下达2024年教育经费的通知\n"
	  "各区县（市）教育局：\n现将经费下达给你们。\n",
	  "title\t杭州市教育局、杭州市财政局关于下达2024年教育经费的通知\n"
	  "issuer\t杭州市教育局、杭州市财政局\ndate\t\ndocno\t\n" },
	{ "a cited number is not the docno, the source is not the issuer",
	  "来源：杭州市教育局\n2024年全市教育工作要点\n根据《关于深化改革的意见》"
	  "（教基〔2023〕1号）要求，制定本要点。\n一、总体要求\n",
	  "title\t2024年全市教育工作要点\nissuer\t\ndate\t\ndocno\t\n" },
	{ "docno with spaces inside parentheses",
	  "杭州市教育局关于印发工作要点的通知\n（ 杭教发 〔2024〕 3 号 ）\n"
	  "各区教育局：\n现印发给你们。\n杭州市教育局\n2024年2月1日\n",
	  "title\t杭州市教育局关于印发工作要点的通知\nissuer\t杭州市教育局\n"
	  "date\t2024-02-01\ndocno\t杭教发〔2024〕3号\n" },
	{ "【发布机构】 and 【成文日期】 with the title line in the body",
	  "【发布机构】宁波市教育局 【成文日期】2023-03-10\n【发文字号】\n"
	  "宁波市教育局2023年工作要点\n一、总体要求\n",
	  "title\t宁波市教育局2023年工作要点\nissuer\t宁波市教育局\n"
	  "date\t2023-03-10\ndocno\t\n" },
	{ "title glued to the first sentence, a cited number after 》",
	  "宿城区学前教育三年行动计划根据《关于学前教育深化改革的意见》"
	  "（宿政发〔2019〕6号）要求，制定本计划。一、总体目标\n",
	  "title\t宿城区学前教育三年行动计划\nissuer\t\ndate\t\ndocno\t\n" },
	{ "文号 无, 第 before the number in the body's docno",
	  "文号：无\n发布机构：杭州市教育局\n"
	  "杭州市教育局关于做好招生工作的通知\n杭教基〔2024〕第5号\n各区教育局：\n"
	  "现通知如下。\n",
	  "title\t杭州市教育局关于做好招生工作的通知\nissuer\t杭州市教育局\n"
	  "date\t\ndocno\t杭教基〔2024〕第5号\n" },
	{ "a classification that ends like a title is a value",
	  "索引号：\n001/2024-197\n组配分类：\n工作计划与总结\n发布机构：\n市教育局\n"
	  "舟山市教育局2024年工作要点\n发布日期:2024-06-04 来源:市教育局\n"
	  "2024年是关键之年。\n",
	  "title\t舟山市教育局2024年工作要点\nissuer\t舟山市教育局\n"
	  "date\t2024-06-04\ndocno\t\n" },
	{ "empty 关键词 before the title line",
	  "关键词：\n嘉兴市教育局关于做好暑期安全工作的通知\n各学校：\n现通知如下。\n",
	  "title\t嘉兴市教育局关于做好暑期安全工作的通知\nissuer\t嘉兴市教育局\n"
	  "date\t\ndocno\t\n" },
	{ "dates of activities are not the signature's",
	  "关于举办2024年教师技能大赛的通知\n各学校：\n一、比赛时间\n2024年5月10日\n"
	  "二、报名方式\n报名截止时间：2024年4月30日\n比赛日期2024年5月11日\n"
	  "请各校做好准备。\n杭州市上城区教育局\n2024年4月1日\n",
	  "title\t关于举办2024年教师技能大赛的通知\nissuer\t杭州市上城区教育局\n"
	  "date\t2024-04-01\ndocno\t\n" },
	{ "a date after the last sentence signs without an organ",
	  "关于做好2024年招生工作的通知\n各学校：\n一、报名时间：2024年3月1日\n"
	  "请认真落实。2024年4月1日\n",
	  "title\t关于做好2024年招生工作的通知\nissuer\t\n"
	  "date\t2024-04-01\ndocno\t\n" },
	{ "the title abbreviates the organ the signature names in full",
	  "区教育局关于做好2024年暑期安全工作的通知\n各中小学：\n请落实。\n"
	  "无锡市滨湖区教育局\n2024年6月20日\n",
	  "title\t区教育局关于做好2024年暑期安全工作的通知\nissuer\t"
	  "无锡市滨湖区教育局\ndate\t2024-06-20\ndocno\t\n" },
	{ "metadata as a table with cell borders",
	  "| 索引号 | 002/2024 | 文号 | 嘉教〔2024〕5号 |\n"
	  "|  发布机构  |  嘉兴市教育局  |\n"
	  "嘉兴市教育局 嘉兴市财政局关于下达2024年教育专项资金的通知\n"
	  "发布日期：2024-04-02\n各县（市、区）教育局、财政局：\n现将资金下达给你们。\n"
	  "嘉兴市教育局　　　嘉兴市财政局\n2024年4月1日\n",
	  "title\t嘉兴市教育局 嘉兴市财政局关于下达2024年教育专项资金的通知\n"
	  "issuer\t嘉兴市教育局、嘉兴市财政局\ndate\t2024-04-01\n"
	  "docno\t嘉教〔2024〕5号\n" },
	{ "the years of a plan on the line under its title",
	  "宿城区学前教育发展三年行动计划\n（2024—2026年）\n"
	  "为推进学前教育发展，制定本计划。\n一、总体目标\n",
	  "title\t宿城区学前教育发展三年行动计划（2024—2026年）\nissuer\t\n"
	  "date\t\ndocno\t\n" },
	{ "a date in parentheses under the title is no part of it",
	  "杭州市教育局2024年工作要点\n（2024年2月1日）\n一、总体要求\n",
	  "title\t杭州市教育局2024年工作要点\nissuer\t杭州市教育局\n"
	  "date\t2024-02-01\ndocno\t\n" },
	{ "joint issuers spaced by 　　 in a title line among the chrome",
	  "当前位置：首页 > 规划计划\n"
	  "中共舟山市委教育工作委员会　　舟山市教育局2024年工作要点\n"
	  "发布日期：2024-06-04　　来源：市教育局\n2024年是关键之年。\n",
	  "title\t中共舟山市委教育工作委员会　　舟山市教育局2024年工作要点\n"
	  "issuer\t中共舟山市委教育工作委员会、舟山市教育局\ndate\t2024-06-04\n"
	  "docno\t\n" },
	{ "an order keeps its printed form, spaces removed",
	  "中华人民共和国国务院令　第693号\n《地下水管理条例》已经2021年9月1日"
	  "国务院第149次常务会议通过，现予公布。\n总理　李克强\n"
	  "2021年10月21日\n",
	  "title\t地下水管理条例\nissuer\t国务院\ndate\t2021-10-21\n"
	  "docno\t中华人民共和国国务院令第693号\n" },
	{ "a legal database's export: citation code and link lines first",
	  "【法宝引证码】 CLI.1.223979\n"
	  "原文链接：https://www.pkulaw.com/chl/abc.html\n"
	  "中华人民共和国环境保护法\n【发布部门】 全国人大常委会\n"
	  "【发文字号】 主席令第9号\n【发布日期】 2014.04.24\n"
	  "【实施日期】 2015.01.01\n【时效性】 现行有效\n【效力级别】 法律\n"
	  "第一章　总　　则\n第一条　为保护和改善环境，制定本法。\n",
	  "title\t中华人民共和国环境保护法\nissuer\t全国人大常委会\n"
	  "date\t2014-04-24\ndocno\t主席令第9号\n" },
	{ "a legal database's export: title first, link in the footer",
	  "排污许可管理条例\n【发布部门】 国务院\n【发文字号】 国务院令第736号\n"
	  "【发布日期】 2021.01.24\n【法宝引证码】 CLI.2.5012345\n"
	  "第一章　总　　则\n第一条　为了加强排污许可管理，制定本条例。\n"
	  "原文链接：http://www.pkulaw.com/chl/def.html\n",
	  "title\t排污许可管理条例\nissuer\t国务院\ndate\t2021-01-24\n"
	  "docno\t国务院令第736号\n" },
	{ "a link line is never a title",
	  "https://www.gov.cn/zhengce/content/2011-12/15/content_2020.htm\n"
	  "国务院关于加强环境保护重点工作的意见\n国发〔2011〕35号\n"
	  "各省、自治区、直辖市人民政府：\n现提出如下意见。\n",
	  "title\t国务院关于加强环境保护重点工作的意见\nissuer\t国务院\n"
	  "date\t\ndocno\t国发〔2011〕35号\n" },
	{ "a citation code alone is never a title",
	  "CLI.2.81234\n国务院关于加强环境保护重点工作的意见\n"
	  "各省、自治区、直辖市人民政府：\n现提出如下意见。\n",
	  "title\t国务院关于加强环境保护重点工作的意见\nissuer\t国务院\n"
	  "date\t\ndocno\t\n" },
	{ "quotation marks in a title broken over lines: joined whole",
	  "国务院关于印发国家环境保护\n“十一五”规划的通知\n国发〔2007〕37号\n"
	  "各省、自治区、直辖市人民政府：\n现将规划印发给你们。\n",
	  "title\t国务院关于印发国家环境保护“十一五”规划的通知\nissuer\t国务院\n"
	  "date\t\ndocno\t国发〔2007〕37号\n" },
	{ "quotation marks in a title, the break after the closing mark",
	  "国务院关于印发国家环境保护“十一五”\n规划的通知\n"
	  "各省、自治区、直辖市人民政府：\n现将规划印发给你们。\n",
	  "title\t国务院关于印发国家环境保护“十一五”规划的通知\nissuer\t国务院\n"
	  "date\t\ndocno\t\n" },
	{ "an interview without a title line has an empty title",
	  "近日，文化和旅游部等六部门联合印发了《关于营造更好发展环境的实施"
	  "意见》。负责同志接受了记者的采访。问：请介绍一下背景。答：党的十八大"
	  "以来成绩显著。\n",
	  "title\t\nissuer\t\ndate\t\ndocno\t\n" },
	{ "empty text", "", "title\t\nissuer\t\ndate\t\ndocno\t\n" },
};

static void
test_meta_table(void **state)
{
	const struct meta_case *c;
	size_t i;
	int failed = 0;

	(void)state;
	for (i = 0; i < sizeof meta_cases / sizeof meta_cases[0]; i++) {
		c = &meta_cases[i];
		failed += !prints(c->name, c->text, META, c->meta);
	}
	assert_int_equal(failed, 0);
}

/* What a label reader said of text (ok, *lb) against the table: rank -1
 * when text holds no label. */
static void
check_label(const char *text, bool ok, const struct label *lb, int rank,
    long value, const char *label)
{
	if (rank < 0) {
		if (ok)
			fail_msg("%s: taken for a label", text);
		return;
	}
	if (!ok)
		fail_msg("%s: not taken for a label", text);
	assert_int_equal(lb->rank, rank);
	assert_int_equal(lb->value, value);
	assert_int_equal(lb->len, strlen(label));
	assert_memory_equal(text, label, lb->len);
}

static void
test_labels(void **state)
{
	static const struct {
		const char *text;
		int rank; /* -1: not a label */
		long value;
		const char *label;
	} cases[] = {
		{ "第一部分　总体要求", 0, 1, "第一部分" },
		{ "第三编", 0, 3, "第三编" },
		{ "第十二章　附则", 1, 12, "第十二章" },
		{ "第三节　监督", 2, 3, "第三节" },
		{ "第二十六条　本条例", 3, 26, "第二十六条" },
		{ "第一百零三条　施行", 3, 103, "第一百零三条" },
		{ "第六条第二款", -1, 0, "" },
		{ "第三条规定的", -1, 0, "" },
		{ "十二、加强", 4, 12, "十二、" },
		{ "（一）指导思想", 5, 1, "（一）" },
		{ "(十)半角", 5, 10, "(十)" },
		{ "㈢括号", 5, 3, "㈢" },
		{ "27.改善设施", 6, 27, "27." },
		{ "1．全角点", 6, 1, "1．" },
		{ "3、顿号", 6, 3, "3、" },
		{ "（二）、加强", 5, 2, "（二）、" },
		{ "(3)、半角", 7, 3, "(3)、" },
		{ "三．全角点", 4, 3, "三．" },
		{ "四.半角点", 4, 4, "四." },
		{ "一.5倍", -1, 0, "" },
		{ "第一节课", -1, 0, "" },
		{ "3、4月份", -1, 0, "" },
		{ "一、二年级", -1, 0, "" },
		{ "五、六、七", -1, 0, "" },
		{ "一、二〇二三年工作回顾", 4, 1, "一、" },
		{ "1.5亿元", -1, 0, "" },
		{ "1．2021年6月底前出台", 6, 1, "1．" },
		{ "12.2020年底前完成", 6, 12, "12." },
		{ "1.2021万元", -1, 0, "" },
		{ "第 一 章　总则", 1, 1, "第 一 章" },
		{ "第　三　条　内容", 3, 3, "第　三　条" },
		{ "第 十 二 章", 1, 12, "第 十 二 章" },
		{ "第 一章", -1, 0, "" },
		{ "2024年", -1, 0, "" },
		{ "（1）括号", 7, 1, "（1）" },
		{ "⑵括号", 7, 2, "⑵" },
		{ "③圈", 8, 3, "③" },
		{ "一是加强", -1, 0, "" },
		{ "第一，完善", -1, 0, "" },
		{ "首先", -1, 0, "" },
	};
	struct label lb;
	size_t i, n;
	bool ok;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = strlen(cases[i].text);
		ok = parse_label_at(cases[i].text, n, 0, &lb);
		check_label(cases[i].text, ok, &lb, cases[i].rank,
		    cases[i].value, cases[i].label);
	}
}

/* parse_chars_over() says what comparing parse_chars() says, for texts of
 * one- to four-byte characters and of malformed bytes, at every bound. */
static void
test_chars_over(void **state)
{
	static const char *const texts[] = {
		"", "a", "abc", "一", "一二三四五", "a一b二", "𠀀𠀀𠀀",
		"\x80\x80\x80", "一\xE4\xB8", "\xF0\x9F\x98", "é𠀀x。",
		"第一章　总则（一）1．",
	};
	size_t i, len, from, max, chars;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		len = strlen(texts[i]);
		for (from = 0; from <= len + 1; from++) {
			chars = parse_chars(texts[i], from, len);
			for (max = 0; max <= len + 1; max++)
				if (parse_chars_over(texts[i], from, len, max) !=
				    (chars > max))
					fail_msg("\"%s\" from %zu: %zu "
					    "characters, over %zu?", texts[i],
					    from, chars, max);
		}
	}
}

/* parse_find(): the first whole occurrence in s[from..to), never one that
 * runs past to; to when there is none. */
static void
test_find(void **state)
{
	static const struct {
		const char *s;
		size_t from, to;
		const char *lit;
		size_t want;
	} cases[] = {
		{ "aab", 0, 3, "ab", 1 },
		{ "aab", 2, 3, "ab", 3 },
		{ "一。二。", 0, 12, "。", 3 },
		{ "一。二。", 4, 12, "。", 9 },
		{ "一。二。", 0, 11, "。", 3 },
		{ "一。二。", 4, 11, "。", 11 },   /* cut by to */
		{ "一、二。", 0, 12, "。", 9 },    /* 、 shares two bytes */
		{ "一　二", 0, 9, "　", 3 },
		{ "一二三", 0, 9, "　", 9 },
		{ "ab", 0, 2, "abc", 2 },
		{ "ab", 1, 2, "", 1 },
		{ "ab", 2, 2, "", 2 },
		{ "xyxyz", 0, 5, "xyz", 2 },
		{ "当前当前位置", 0, 18, "当前位置", 6 },
		{ "当前当前位置", 0, 17, "当前位置", 17 },
		{ "来源：来源:", 0, 16, "来源:", 9 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (parse_find(cases[i].s, cases[i].from, cases[i].to,
		    cases[i].lit) != cases[i].want)
			fail_msg("parse_find(\"%s\", %zu, %zu, \"%s\") is "
			    "not %zu", cases[i].s, cases[i].from, cases[i].to,
			    cases[i].lit, cases[i].want);
}

/* The outline asks parse_label_may_start() before parse_label_at(): no
 * character it turns away may start a label, whatever follows it, and each
 * kind of label passes. */
static void
test_label_may_start(void **state)
{
	static const char *const after[] = {
		"", "、", "．", ".", "）", ")", "一）", "1)", "章", "一章",
		"十条", "1.", "　一　章", "二、",
	};
	static const char *const labels[] = {
		"第一章", "（一）", "(1)", "一、", "十、", "百、", "千、",
		"〇一、", "○二、", "零三．", "1.", "１．", "①", "⑴", "㈠", "㉑", "㊱",
	};
	char text[64];
	struct label lb;
	uint32_t cp;
	size_t i, n;

	(void)state;
	for (cp = 1; cp < 0x30000; cp++) {
		if ((cp >= 0xD800 && cp <= 0xDFFF) || parse_label_may_start(cp))
			continue;
		for (i = 0; i < sizeof after / sizeof after[0]; i++) {
			n = text_put(cp, text);
			memcpy(text + n, after[i], strlen(after[i]) + 1);
			n += strlen(after[i]);
			if (parse_label_at(text, n, 0, &lb))
				fail_msg("a label starts with U+%04X: %s",
				    (unsigned)cp, text);
		}
	}
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		n = text_next(labels[i], strlen(labels[i]), &cp);
		assert_true(n > 0);
		assert_true(parse_label_at(labels[i], strlen(labels[i]), 0,
		    &lb));
		assert_true(parse_label_may_start(cp));
	}
}

/* Decimal outline numbers and questions: only a paragraph's start holds
 * them, so they have functions of their own. */
static void
test_decimal_and_question_labels(void **state)
{
	static const struct {
		const char *text;
		int rank; /* -1: not a label */
		long value;
		const char *label;
		bool question;
	} cases[] = {
		{ "1　总则", 4, 1, "1", false },
		{ "1.1　编制目的", 5, 1, "1.1", false },
		{ "3.2.1　预警分级", 6, 1, "3.2.1", false },
		{ "4．2．8　国际通报", 6, 8, "4．2．8", false },
		{ "2.1.1.3  组成", 7, 3, "2.1.1.3", false },
		{ "12 附则", 4, 12, "12", false },
		{ "1.总则", -1, 0, "", false },
		{ "1.1编制目的", -1, 0, "", false },
		{ "2　年内完成", -1, 0, "", false },
		{ "1.5　亿元", -1, 0, "", false },
		{ "3　2024年", -1, 0, "", false },
		{ "2024", -1, 0, "", false },
		{ "1　", -1, 0, "", false },
		{ "问：背景是什么？", 4, -1, "问：", true },
		{ "问:背景是什么？", 4, -1, "问:", true },
		{ "记者：下一步如何？", 4, -1, "记者：", true },
		{ "问题：背景", -1, 0, "", true },
		{ "答：党中央", -1, 0, "", true },
	};
	struct label lb;
	size_t i, n;
	bool ok;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		n = strlen(cases[i].text);
		ok = cases[i].question ?
		    parse_question_at(cases[i].text, n, 0, &lb) :
		    parse_decimal_at(cases[i].text, n, 0, &lb);
		check_label(cases[i].text, ok, &lb, cases[i].rank,
		    cases[i].value, cases[i].label);
		if (ok && cases[i].rank >= 0)
			assert_int_equal(lb.form, cases[i].question ?
			    LABEL_QUESTION : LABEL_DECIMAL);
	}
}

static void
test_dates(void **state)
{
	static const struct {
		const char *text;
		const char *date; /* NULL: not a full date */
	} cases[] = {
		{ "2024-02-17", "2024-02-17" },
		{ "2024年2月17日", "2024-02-17" },
		{ "2019年09月29日10:22", "2019-09-29" },
		{ "2021/5/9", "2021-05-09" },
		{ "二○一二年一月九日", "2012-01-09" },
		{ "二〇〇四年二月二十二日", "2004-02-22" },
		{ "一九九九年十月三十一日", "1999-10-31" },
		{ "二○一一年十二月十五日", "2011-12-15" },
		{ "2024年2月", NULL },
		{ "2024年13月1日", NULL },
		{ "1.5亿", NULL },
		{ "二○一二年", NULL },
	};
	char out[11];
	size_t i, used;
	bool ok;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ok = parse_date_at(cases[i].text, strlen(cases[i].text), 0,
		    &used, out);
		if (!cases[i].date) {
			if (ok)
				fail_msg("%s: taken for a date", cases[i].text);
			continue;
		}
		if (!ok)
			fail_msg("%s: not taken for a date", cases[i].text);
		assert_string_equal(out, cases[i].date);
	}
}

static void
test_empty_and_odd(void **state)
{
	static const char *const odd[] = {
		"", "\n", "\n\n\n", "　　　", "一、", "第", "（", "(一", "1.",
		"\xE3\x80", "\xFF\xFE\x00\x01", "附件：", "目录", "专栏",
		"索引号:", "发文字号:\n", "《", "》《",
		"中华人民共和国国务院令",
		"国务院令第", "〔2024〕1号", "一、a　　　　　　　　　　b",
	};
	struct doc *d;
	size_t i;

	(void)state;
	assert_int_equal(doc_parse(NULL, 0, &d), JUAN_OK);
	check_doc(d, 0);
	assert_int_equal(d->nsections, 0);
	doc_free(&d);
	doc_free(&d);
	doc_free(NULL);
	sections_free(NULL, 0);
	for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		assert_int_equal(doc_parse(odd[i], strlen(odd[i]), &d),
		    JUAN_OK);
		check_doc(d, strlen(odd[i]));
		doc_free(&d);
	}
}

/* Prefixes of a sample (cut anywhere, even inside a character) and a
 * copy with bytes flipped parse without a fault and stay consistent. */
static void
test_truncated_and_damaged(void **state)
{
	char path[256], *text, *copy;
	struct doc *d;
	size_t i, len, cut, k;
	uint32_t seed = 12345;

	(void)state;
	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		snprintf(path, sizeof path, "assets/sample/%s.txt", samples[i]);
		text = slurp(path, &len);
		for (cut = 0; cut <= len; cut += 1 + cut / 32) {
			copy = malloc(cut ? cut : 1);
			assert_non_null(copy);
			memcpy(copy, text, cut);
			assert_int_equal(doc_parse(copy, cut, &d), JUAN_OK);
			check_doc(d, cut);
			doc_free(&d);
			free(copy);
		}
		for (k = 0; k < len / 50; k++) {
			seed = seed * 1103515245u + 12345u;
			text[(seed >> 8) % len] = (char)(seed >> 16);
		}
		assert_int_equal(doc_parse(text, len, &d), JUAN_OK);
		check_doc(d, len);
		doc_free(&d);
		free(text);
	}
}

/* Documents made of pieces that matter to the parser, in random order:
 * whatever comes out must be consistent and printable. */
static void
test_random_pieces(void **state)
{
	static const char *const pieces[] = {
		"一、", "（一）", "(一)", "1.", "1．", "（1）", "①", "㈠", "⑴",
		"第一章", "第一条", "第二条", "第一部分", "。", "；", "：", ",",
		"，", "、", "\xE3\x80\x80", "\xE3\x80\x80\xE3\x80\x80", " ",
		"\n", "令", "中华人民共和国国务院令", "第561号", "《", "》",
		"〈", "〉", "国发〔2011〕35号", "（余府发〔2012〕3号）",
		"2024年2月17日", "二○一二年一月九日", "附件：", "目录", "专栏1",
		"序号", "索引号:", "发文字号:", "成文日期:", "标题：", "来源:",
		"当前位置:", "首页>", "请为本文选择", "文章来源:", "国务院",
		"关于", "的通知", "教育局", "\xE3\x80", "\xFF", "\x80", "（",
		"）", "“", "二、", "十二、", "2.", "（二）", "第二章", "1.5",
		"\t", "\xEE\x80\x84", "总", "则", "答记者问", "就《", "现将《",
		"》印发给你们",
	};
	char buf[4096];
	struct doc *d;
	size_t len, n, k, i;
	uint32_t seed = 7;
	FILE *f;
	int it;

	(void)state;
	f = fopen("/dev/null", "w");
	assert_non_null(f);
	for (it = 0; it < 3000; it++) {
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 8) % 120;
		len = 0;
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			i = (seed >> 8) % (sizeof pieces / sizeof pieces[0]);
			if (len + strlen(pieces[i]) >= sizeof buf)
				break;
			memcpy(buf + len, pieces[i], strlen(pieces[i]));
			len += strlen(pieces[i]);
		}
		assert_int_equal(doc_parse(buf, len, &d), JUAN_OK);
		check_doc(d, len);
		assert_int_equal(doc_print_outline(d, f), 0);
		assert_int_equal(doc_print_meta(d, f), 0);
		doc_free(&d);
	}
	fclose(f);
}

/* doc_doubts: each kind of doubt on a document made for it, and none on a
 * plain one; the codes joined by ',' in order, and the first detail. */
static void
test_doubts_table(void **state)
{
	static const struct {
		const char *text;
		const char *codes;
		const char *detail; /* a part of the first doubt's detail */
	} cases[] = {
		/* a plain notice: nothing unsure */
		{ "国务院关于加强环境保护的通知\n国发〔2011〕35号\n"
		  "各省人民政府：\n一、总体要求\n要加强。\n二、主要任务\n要落实。\n",
		  "", "" },
		/* no title: a fragment of running text */
		{ "　　今年以来，各地加强了环境保护，取得了明显成效。\n"
		  "　　下一步，将继续推进各项工作，确保落到实处。\n",
		  "no-title", "no title" },
		/* numbering with a gap: 一、 then 三、 */
		{ "国务院关于加强环境保护的通知\n各省人民政府：\n"
		  "一、总体要求\n要加强。\n三、主要任务\n要落实。\n",
		  "numbering", "三、 skips a number after 一、" },
		/* numbering with a repeat: （一） twice under one parent */
		{ "国务院关于加强环境保护的通知\n各省人民政府：\n一、总体要求\n"
		  "（一）目标。\n（二）原则。\n（二）步骤。\n二、保障\n要落实。\n",
		  "numbering", "（二） repeats or goes back after （二）" },
		/* a table of contents skipped */
		{ "国务院关于加强环境保护的通知\n目录\n一、总体要求\n二、主要任务\n"
		  "三、保障措施\n一、总体要求\n要加强。\n二、主要任务\n要落实。\n"
		  "三、保障措施\n要保障。\n",
		  "toc-skipped", "3 headings skipped" },
		/* a docno alone on a line that the parse did not take */
		{ "国务院关于加强环境保护的通知\n各省人民政府：\n现通知如下。\n"
		  "一、总体要求\n要加强。\n二、保障\n要落实。\n附：\n国发〔2010〕9号\n",
		  "docno-untaken", "国发〔2010〕9号 on a line of its own" },
	};
	struct parse_doubt *v;
	struct doc *d;
	size_t i, j, n;
	char got[128];

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(doc_parse(cases[i].text, strlen(cases[i].text),
					   &d), JUAN_OK);
		assert_int_equal(doc_doubts(cases[i].text,
					    strlen(cases[i].text), d, NULL, &v,
					    &n),
				 JUAN_OK);
		got[0] = '\0';
		for (j = 0; j < n; j++) {
			if (j > 0)
				strcat(got, ",");
			strcat(got, parse_doubt_name(v[j].code));
		}
		if (strcmp(got, cases[i].codes) != 0)
			fail_msg("case %zu: doubts \"%s\", want \"%s\" (%s)", i,
				 got, cases[i].codes, n ? v[0].detail : "");
		if (n > 0 && strstr(v[0].detail, cases[i].detail) == NULL)
			fail_msg("case %zu: detail \"%s\", want \"%s\" in it",
				 i, v[0].detail, cases[i].detail);
		parse_doubts_free(&v, n);
		assert_null(v);
		doc_free(&d);
	}
	assert_string_equal(parse_doubt_name((enum parse_doubt_code)99),
			    "unknown");
}

/* parse_doubts_join(v, n) must give want, and parse_doubts_line() of it
 * line. */
static void
assert_joined(const struct parse_doubt *v, size_t n, const char *want,
	      const char *line)
{
	char *j = parse_doubts_join(v, n), *l;

	assert_non_null(j);
	assert_string_equal(j, want);
	l = parse_doubts_line(j);
	assert_non_null(l);
	assert_string_equal(l, line);
	free(l);
	free(j);
}

/* A repair the decoder made is a doubt of its own, after the parse's; the
 * doubts as the store keeps them (code<TAB>detail lines) and as one line
 * for a person. */
static void
test_doubts_stored(void **state)
{
	static const char text[] =
		"国务院关于加强环境保护的通知\n各省人民政府：\n"
		"一、总体要求\n要加强。\n三、主要任务\n要落实。\n";
	static const char repaired[] =
		"mojibake repaired: UTF-8 read as MACCYRILLIC";
	static const char joined[] =
		"numbering\t三、 skips a number after 一、 (level 1)"
		"\nmojibake-repaired\tmojibake repaired: UTF-8 read as "
		"MACCYRILLIC";
	struct parse_doubt odd[] = {
		{ PARSE_NO_TITLE, (char *)"a\tb\nc" },
		{ PARSE_NUMBERING, NULL },
	};
	enum parse_doubt_code code;
	struct parse_doubt *v;
	struct doc *d;
	char *line;
	size_t n;

	(void)state;
	assert_int_equal(doc_parse(text, strlen(text), &d), JUAN_OK);
	assert_int_equal(doc_doubts(text, strlen(text), d, repaired, &v, &n),
			 JUAN_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[1].code, PARSE_MOJIBAKE_REPAIRED);
	assert_joined(v, n, joined,
		      "numbering (三、 skips a number after 一、 (level 1)); "
		      "mojibake-repaired (mojibake repaired: UTF-8 read "
		      "as MACCYRILLIC)");
	parse_doubts_free(&v, n);
	line = doc_doubts_joined(text, strlen(text), d, repaired);
	assert_non_null(line);
	assert_string_equal(line, joined);
	free(line);
	/* "" is no repair; a d that does not fit its text still says one */
	assert_int_equal(doc_doubts(text, strlen(text), d, "", &v, &n),
			 JUAN_OK);
	assert_int_equal(n, 1);
	parse_doubts_free(&v, n);
	assert_int_equal(doc_doubts(text, 3, d, repaired, &v, &n), JUAN_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].code, PARSE_MOJIBAKE_REPAIRED);
	parse_doubts_free(&v, n);
	doc_free(&d);
	/* a TAB or line break in a detail is a space; no detail, no "()" */
	assert_joined(odd, 2, "no-title\ta b c\nnumbering\t",
		      "no-title (a b c); numbering");
	assert_joined(NULL, 0, "", "");
	line = parse_doubts_line(NULL);
	assert_string_equal(line, "");
	free(line);
	/* codes by name, with or without their dashes */
	assert_true(parse_doubt_find("no-title", &code));
	assert_int_equal(code, PARSE_NO_TITLE);
	assert_true(parse_doubt_find("notitle", &code));
	assert_int_equal(code, PARSE_NO_TITLE);
	assert_true(parse_doubt_find("mojibake-repaired", &code));
	assert_int_equal(code, PARSE_MOJIBAKE_REPAIRED);
	assert_true(parse_doubt_find("docnountaken", &code));
	assert_int_equal(code, PARSE_DOCNO_UNTAKEN);
	assert_false(parse_doubt_find("no-titl", &code));
	assert_false(parse_doubt_find("no--title", &code));
	assert_false(parse_doubt_find("unsure", &code));
	assert_false(parse_doubt_find("", &code));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_sample_variants),
		cmocka_unit_test(test_sample_parts),
		cmocka_unit_test(test_sample_extra_meta),
		cmocka_unit_test(test_chrome_fields),
		cmocka_unit_test(test_print_errors),
		cmocka_unit_test(test_outline_table),
		cmocka_unit_test(test_meta_table),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_label_may_start),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_chars_over),
		cmocka_unit_test(test_decimal_and_question_labels),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_empty_and_odd),
		cmocka_unit_test(test_truncated_and_damaged),
		cmocka_unit_test(test_random_pieces),
		cmocka_unit_test(test_doubts_table),
		cmocka_unit_test(test_doubts_stored),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
