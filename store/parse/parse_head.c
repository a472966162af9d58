/* parse_head: the web-page chrome and the metadata block before the
 * document (the head), the footer chrome after it (the tail), and what the
 * metadata block says (OUTLINE.md, "Input as it really is"). */
#include <string.h>

#include "juan/text.h"
#include "parse_private.h"

#define HEAD_LINES 80 /* lines searched for the head */
#define TAIL_LINES 30 /* lines searched for the tail */
#define HEAD_OTHER 3  /* non-chrome lines (a title) allowed between chrome */
#define PAGE_LINE 600 /* bytes of a line that may hold a whole page */

enum field {
	F_NONE,
	F_TITLE,
	F_ISSUER,
	F_DOCNO,
	F_SIGNED,
	F_MADE,
	F_PUBLISHED,
	F_TOPIC,
	F_TOPIC1,
	F_TOPIC2,
	F_SOURCE,
	F_NONE_DATE,
};

static const struct {
	const char *text;
	enum field field;
} labels[] = {
	{ "标题", F_TITLE },
	{ "文件名称", F_TITLE },
	{ "名称", F_TITLE },
	{ "索引号", F_NONE },
	{ "信息索引号", F_NONE },
	{ "主题分类", F_TOPIC },
	{ "主题(一级)", F_TOPIC1 },
	{ "主题（一级）", F_TOPIC1 },
	{ "主题(二级)", F_TOPIC2 },
	{ "主题（二级）", F_TOPIC2 },
	{ "组配分类", F_NONE },
	{ "服务对象分类", F_NONE },
	{ "体裁分类", F_NONE },
	{ "发布机构", F_ISSUER },
	{ "公开主体", F_ISSUER },
	{ "发文机关", F_ISSUER },
	{ "发文单位", F_ISSUER },
	{ "发布单位", F_ISSUER },
	{ "发布部门", F_ISSUER },
	{ "制定机关", F_ISSUER },
	{ "发文字号", F_DOCNO },
	{ "文号", F_DOCNO },
	{ "文件编号", F_DOCNO },
	{ "发文编号", F_DOCNO },
	{ "成文日期", F_SIGNED },
	{ "成文时间", F_SIGNED },
	{ "生成日期", F_MADE },
	{ "发文日期", F_MADE },
	{ "印发日期", F_MADE },
	{ "发布日期", F_PUBLISHED },
	{ "发布时间", F_PUBLISHED },
	{ "公开日期", F_PUBLISHED },
	{ "公布日期", F_PUBLISHED },
	{ "时间", F_PUBLISHED },
	{ "日期", F_PUBLISHED },
	{ "生效日期", F_NONE_DATE },
	{ "失效日期", F_NONE_DATE },
	{ "废止日期", F_NONE_DATE },
	{ "实施日期", F_NONE_DATE },
	{ "施行日期", F_NONE_DATE },
	{ "有效期", F_NONE },
	{ "公开方式", F_NONE },
	{ "公开时限", F_NONE },
	{ "公开形式", F_NONE },
	{ "公开范围", F_NONE },
	{ "公开程序", F_NONE },
	{ "体裁", F_NONE },
	{ "关键词", F_NONE },
	{ "主题词", F_NONE },
	{ "效力状况", F_NONE },
	{ "有效性", F_NONE },
	{ "时效性", F_NONE },
	{ "效力级别", F_NONE },
	{ "法规类别", F_NONE },
	{ "类别", F_NONE },
	{ "法宝引证码", F_NONE },
	{ "引证码", F_NONE },
	{ "原文链接", F_NONE },
	{ "链接", F_NONE },
	{ "内容概述", F_NONE },
	{ "文件下载", F_NONE },
	{ "来源", F_SOURCE },
	{ "信息来源", F_SOURCE },
	{ "文章来源", F_SOURCE },
	{ "访问次数", F_NONE },
	{ "浏览次数", F_NONE },
	{ "点击数", F_NONE },
	{ "字号", F_NONE },
	{ "作者", F_NONE },
};

static const char *const chrome_words[] = {
	"当前位置", "您的位置", "您现在的位置", "所在位置", "当前的位置",
};

static const char *const widget_words[] = {
	"字号", "打印", "访问次数", "浏览次数", "阅读次数", "点击数", "访问量",
	"浏览量", "欢迎您", "欢迎访问", "网站支持", "分享到", "扫一扫", "收藏",
	"【大】", "【关闭】", "[ ]", "字体",
};

static const char *const tail_words[] = {
	"文章来源", "来源：", "来源:", "信息来源", "责任编辑", "编辑：",
	"编辑:", "【打印", "打印本页", "【关闭", "关闭窗口", "扫一扫",
	"分享到", "相关链接", "附件下载", "版权所有", "主办单位", "网站标识码",
	"联系我们", "上一篇", "下一篇", "【字体", "原文链接", "【法宝引证码",
};

static bool
contains(const char *s, size_t start, size_t end, const char *lit)
{
	return parse_find(s, start, end, lit) < end;
}

static bool
contains_any(const char *s, size_t start, size_t end,
    const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (contains(s, start, end, words[i]))
			return true;
	return false;
}

/* The bytes of label lab at pos, also letter-spaced (标　　题：, 索 引 号：)
 * when a colon follows, or in brackets (【发布机构】); 0 when it is not
 * there. */
static size_t
match_label(const char *s, size_t end, size_t pos, const char *lab)
{
	size_t p = pos, k = 0, n = strlen(lab), m, q;
	bool spaced = false, bracket;
	uint32_t cp;

	cp = parse_cp_at(s, end, p);
	bracket = cp == 0x3010 || cp == '[';
	if (bracket)
		p += cp == '[' ? 1 : 3;
	while (k < n) {
		if (k > 0) {
			q = parse_skip_space(s, end, p);
			spaced = spaced || q != p;
			p = q;
		}
		m = text_next(lab + k, n - k, &cp);
		if (end - p < m || memcmp(s + p, lab + k, m) != 0)
			return 0;
		p += m;
		k += m;
	}
	cp = parse_cp_at(s, end, p);
	if (bracket)
		return cp == 0x3011 || cp == ']' ? p - pos : 0;
	if (cp == ':' || cp == 0xFF1A)
		return p - pos;
	if (spaced || (p < end && !text_is_space(cp)))
		return 0;
	return p - pos;
}

/* The longest metadata label at pos followed by a colon, whitespace or the
 * end of the line; returns its length (0: none) and its field. */
static size_t
label_at(const char *s, size_t end, size_t pos, enum field *field)
{
	size_t i, n, best = 0;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		n = match_label(s, end, pos, labels[i].text);
		if (n > best) {
			best = n;
			*field = labels[i].field;
		}
	}
	return best;
}

/* Skips the cell borders (| ｜) of a table row and the whitespace around
 * them: | 文号 | 嘉教〔2024〕5号 |. */
static size_t
skip_bars(const char *s, size_t end, size_t pos)
{
	uint32_t cp;

	while ((cp = parse_cp_at(s, end, pos)) == '|' || cp == 0xFF5C)
		pos = parse_skip_space(s, end, pos + (cp == '|' ? 1 : 3));
	return pos;
}

/* Where a value ends without the cell border after it. */
static size_t
trim_bars(const char *s, size_t start, size_t end)
{
	uint32_t cp;

	end = parse_rtrim(s, start, end);
	while (end > start && (s[end - 1] == '|' || (parse_prev(s, end, &cp)
	    == 3 && cp == 0xFF5C)))
		end = parse_rtrim(s, start, end - (s[end - 1] == '|' ? 1 : 3));
	return end;
}

/* Skips the colon (or closing bracket) and the whitespace after a label. */
static size_t
skip_colon(const char *s, size_t end, size_t pos)
{
	uint32_t cp = parse_cp_at(s, end, pos);

	if (cp == ':' || cp == ']')
		pos++;
	else if (cp == 0xFF1A || cp == 0x3011)
		pos += 3;
	return skip_bars(s, end, parse_skip_space(s, end, pos));
}

/* Where the word at pos ends: at whitespace or the end. */
static size_t
word_end(const char *s, size_t pos, size_t end)
{
	uint32_t cp;
	size_t n;

	while (pos < end) {
		n = text_next(s + pos, end - pos, &cp);
		if (text_is_space(cp))
			break;
		pos += n;
	}
	return pos;
}

/* Where a run of two or more whitespace characters starts in [pos, end):
 * the gap between two fields of a line. */
static size_t
gap(const char *s, size_t pos, size_t end)
{
	uint32_t cp, prev = 0;
	size_t n;

	while (pos < end) {
		n = text_next(s + pos, end - pos, &cp);
		if (text_is_space(cp) && text_is_space(prev))
			return parse_rtrim(s, 0, pos);
		prev = cp;
		pos += n;
	}
	return end;
}

/* The next label after whitespace in [pos, end); end when there is none. */
static size_t
next_label(const char *s, size_t pos, size_t end, enum field *field)
{
	uint32_t cp, prev = 0;
	size_t n;

	while (pos < end) {
		n = text_next(s + pos, end - pos, &cp);
		if (text_is_space(prev) && !text_is_space(cp) &&
		    label_at(s, end, pos, field))
			return pos;
		prev = cp;
		pos += n;
	}
	return end;
}

static bool
is_date_field(enum field f)
{
	return f == F_SIGNED || f == F_MADE || f == F_PUBLISHED ||
	    f == F_NONE_DATE;
}

/* Whether the line [ts, te) can be the value of a label that stands alone
 * on the line before. */
static bool
value_line(const char *s, size_t ts, size_t te, enum field f)
{
	char date[11];
	size_t used;
	uint32_t last;
	enum field g;

	if (label_at(s, te, ts, &g) > 0)
		return false;
	if (is_date_field(f))
		return parse_date_at(s, te, ts, &used, date);
	if (f == F_DOCNO && !parse_has_digit(s, ts, te))
		return false;
	if (f != F_TITLE && parse_ends_with_genre(s, ts, te) &&
	    (f == F_ISSUER || f == F_DOCNO || contains(s, ts, te, "关于") ||
	    parse_chars_over(s, ts, te, 15)))
		return false; /* the title line after an empty field */
	parse_prev(s, te, &last);
	return !parse_chars_over(s, ts, te, 60) && last != ':' &&
	    last != 0xFF1A && !contains(s, ts, te, CH_PERIOD);
}

static void
set_field(struct head_info *h, enum field f, size_t vs, size_t ve)
{
	struct span *sp = NULL;

	switch (f) {
	case F_TITLE: sp = &h->title; break;
	case F_ISSUER: sp = &h->issuer; break;
	case F_DOCNO: sp = &h->docno; break;
	case F_SIGNED: sp = &h->signed_on; break;
	case F_MADE: sp = &h->made_on; break;
	case F_PUBLISHED: sp = &h->published; break;
	case F_TOPIC: sp = &h->topic; break;
	case F_TOPIC1: sp = &h->topic1; break;
	case F_TOPIC2: sp = &h->topic2; break;
	case F_SOURCE: sp = &h->source; break;
	default: return;
	}
	if (ve > vs && sp->end == sp->start) {
		sp->start = vs;
		sp->end = ve;
	}
}

/* Where the unit of the head that starts at pos ends: at the end of its
 * line or, in a long line with U+3000 in it (a whole page on one line),
 * where a run of two or more whitespace characters ends its paragraph
 * (OUTLINE.md, "Paragraphs", rule 2), unless the run spaces out the
 * letters of a label (标　　题：).  *next: where the next unit starts. */
static size_t
unit_end(const char *s, size_t len, size_t pos, size_t *next)
{
	const char *nl = memchr(s + pos, '\n', len - pos);
	size_t le = nl ? (size_t)(nl - s) : len, q, rs, word, run, n;
	uint32_t cp;
	enum field f;

	*next = nl ? le + 1 : len;
	if (le - pos <= PAGE_LINE || parse_find(s, pos, le, CH_IDEOSPACE) >= le)
		return le;
	q = word = parse_skip_space(s, le, pos);
	while (q < le) {
		n = text_next(s + q, le - q, &cp);
		if (!text_is_space(cp)) {
			q += n;
			continue;
		}
		rs = q;
		for (run = 0; q < le && text_is_space(parse_cp_at(s, le, q));
		    run++)
			q += text_next(s + q, le - q, &cp);
		if (q < le && run >= 2 &&
		    label_at(s, le, word, &f) <= rs - word) {
			*next = q;
			return rs;
		}
		word = q;
	}
	return le;
}

/* Reads the label/value pairs of the unit [ts, te) that starts with a
 * label; a label alone at the end of its unit may take the next unit as its
 * value.  Returns where the head continues. */
static size_t
read_pairs(const char *s, size_t len, size_t ts, size_t te, size_t next,
    struct head_info *h)
{
	enum field f = F_NONE, nf = F_NONE;
	size_t pos = ts, n, vs, ve, q, le2, ts2, te2, next2;

	while (pos < te && (n = label_at(s, te, pos, &f)) > 0) {
		vs = skip_colon(s, te, pos + n);
		q = label_at(s, te, vs, &nf) > 0 ? vs :
		    next_label(s, vs, te, &nf);
		ve = trim_bars(s, vs, f == F_SOURCE ? word_end(s, vs, q) :
		    gap(s, vs, q));
		if (ve == vs && q == te && next < len) {
			next2 = next;
			do { /* over blank lines */
				ts2 = next2;
				le2 = unit_end(s, len, ts2, &next2);
				ts2 = parse_skip_space(s, le2, ts2);
				te2 = parse_rtrim(s, ts2, le2);
			} while (te2 == ts2 && next2 < len);
			if (te2 > ts2 && value_line(s, ts2, te2, f)) {
				set_field(h, f, ts2, te2);
				return next2;
			}
		}
		set_field(h, f, vs, ve);
		pos = q;
	}
	return next;
}

static bool
date_line(const char *s, size_t ts, size_t te)
{
	char date[11];
	size_t used;

	return parse_date_at(s, te, ts, &used, date);
}

static size_t
count_crumbs(const char *s, size_t ts, size_t te)
{
	static const char *const marks[] = { ">", "\xEF\xBC\x9E", "\xC2\xBB",
		"\xE2\x80\xBA" }; /* > ＞ » › */
	size_t i, n = 0, pos;

	for (i = 0; i < 4; i++) {
		pos = ts;
		while ((pos = parse_find(s, pos, te, marks[i])) < te) {
			n++;
			pos += strlen(marks[i]);
		}
	}
	return n;
}

bool
parse_is_link(const char *s, size_t ts, size_t te)
{
	return parse_has(s, te, ts, "http://") ||
	    parse_has(s, te, ts, "https://") || parse_has(s, te, ts, "www.");
}

/* Navigation crumbs, widgets, visit counters, a dated source line, a
 * link, a code without a Han character. */
static bool
chrome_line(const char *s, size_t ts, size_t te, struct head_info *h)
{
	size_t chars = parse_chars(s, ts, te), crumbs, pos;
	uint32_t last;

	if (parse_is_link(s, ts, te) ||
	    contains_any(s, ts, te, chrome_words, 5) ||
	    parse_has(s, te, ts, "首页"))
		return true;
	crumbs = count_crumbs(s, ts, te);
	parse_prev(s, te, &last);
	if (chars <= 120 && (crumbs >= 2 || (crumbs == 1 &&
	    (last == '>' || last == 0xFF1E))))
		return true;
	if (chars <= 60 && contains_any(s, ts, te, widget_words,
	    sizeof widget_words / sizeof widget_words[0]) &&
	    !parse_ends_with_genre(s, ts, te))
		return true;
	if (chars <= 80 && (contains(s, ts, te, "来源:") ||
	    contains(s, ts, te, "来源："))) {
		for (pos = ts; pos < te; pos++) {
			if (date_line(s, pos, te)) {
				set_field(h, F_PUBLISHED, pos, te);
				break;
			}
		}
		pos = skip_colon(s, te, parse_find(s, ts, te, "来源") + 6);
		set_field(h, F_SOURCE, pos, word_end(s, pos, te));
		return true;
	}
	if (date_line(s, ts, te) && chars <= 30) {
		set_field(h, F_PUBLISHED, ts, te);
		return true;
	}
	if (parse_has(s, te, ts, "\xE2\x80\xA2") || parse_has(s, te, ts, "|") ||
	    parse_has(s, te, ts, "\xC2\xB7"))
		return true; /* • | · */
	return (chars <= 3 && !text_is_han(parse_cp_at(s, te, ts))) ||
	    (chars <= 80 && !parse_has_han(s, ts, te)); /* CLI.1.223979 */
}

bool
parse_is_headline(const char *s, size_t ts, size_t te)
{
	size_t close;

	if (!parse_has(s, te, ts, CH_LBOOK))
		return false;
	close = parse_find(s, ts, te, CH_RBOOK);
	if (close >= te)
		return false;
	close += 3;
	return close < te && !parse_chars_over(s, close, te, 12) &&
	    !parse_has(s, te, close, "的");
}

/* Keeps the lines among the chrome that are not chrome: a headline
 * wrapper, and the title — a line that ends like one (…的通知) before any
 * other, never a bare organ's name (the site's owner). */
static void
keep_other(const char *s, const struct span *other, size_t n,
    struct head_info *h)
{
	const struct span *o;
	size_t i;

	for (i = 0; i < n; i++) {
		o = &other[i];
		if (parse_is_headline(s, o->start, o->end)) {
			if (h->headline.end == 0)
				h->headline = *o;
		} else if (parse_organ_prefix(s, o->start, o->end) ==
		    o->end - o->start) {
			continue;
		} else if (h->head_title.end == 0 || (!h->head_genre &&
		    parse_ends_with_genre(s, o->start, o->end))) {
			h->head_title = *o;
			h->head_genre = parse_ends_with_genre(s, o->start,
			    o->end);
		}
	}
}

static bool
tail_line(const char *s, size_t ts, size_t te, struct head_info *h)
{
	size_t pos;

	if (!parse_chars_over(s, ts, te, 200) &&
	    contains(s, ts, te, "请为本文选择"))
		return true;
	if (parse_word_at(s, te, ts, tail_words,
	    sizeof tail_words / sizeof tail_words[0]) == 0)
		return false;
	pos = parse_find(s, ts, te, "来源");
	if (pos < te && !parse_chars_over(s, ts, te, 80))
		set_field(h, F_SOURCE, skip_colon(s, te, pos + 6), te);
	return true;
}

static void
find_tail(const char *s, size_t len, struct head_info *h)
{
	size_t end = len, ls, ts, te, lines = 0;
	const char *nl;

	h->tail_start = len;
	while (end > h->head_len && lines++ < TAIL_LINES) {
		nl = memrchr(s + h->head_len, '\n', end - h->head_len);
		ls = nl ? (size_t)(nl - s) + 1 : h->head_len;
		ts = parse_skip_space(s, end, ls);
		te = parse_rtrim(s, ts, end);
		if (te > ts) {
			if (!tail_line(s, ts, te, h))
				break;
			h->tail_start = ls;
		}
		if (!nl)
			break;
		end = ls - 1;
	}
}

/* A line that only the document itself has: a sentence, a heading, an
 * addressee (各中小学：). */
static bool
text_begins(const char *s, size_t ts, size_t te)
{
	struct label lb;
	uint32_t last;

	parse_prev(s, te, &last);
	return parse_chars_over(s, ts, te, 100) ||
	    contains(s, ts, te, CH_PERIOD) || parse_label_at(s, te, ts, &lb) ||
	    last == ':' || last == 0xFF1A;
}

void
parse_head(const char *s, size_t len, struct head_info *h)
{
	struct span other[HEAD_OTHER];
	size_t pos = 0, next, le, ts, te, lines = 0, nother = 0;
	enum field f;

	memset(h, 0, sizeof *h);
	while (pos < len && lines++ < HEAD_LINES) {
		le = unit_end(s, len, pos, &next);
		ts = parse_skip_space(s, le, pos);
		te = parse_rtrim(s, ts, le);
		if (te == ts) {
			pos = next;
			continue;
		}
		if (label_at(s, te, skip_bars(s, te, ts), &f) > 0) {
			pos = read_pairs(s, len, skip_bars(s, te, ts), te, next,
			    h);
		} else if (chrome_line(s, ts, te, h)) {
			pos = next;
		} else {
			if (nother == HEAD_OTHER || text_begins(s, ts, te))
				break;
			other[nother].start = ts;
			other[nother++].end = te;
			pos = next;
			continue;
		}
		keep_other(s, other, nother, h);
		nother = 0;
		h->head_len = pos;
	}
	find_tail(s, len, h);
	if (h->tail_start < h->head_len)
		h->tail_start = h->head_len;
}
