/* parse_meta: title, issuer, date and document number (OUTLINE.md,
 * "Metadata"), from the body's first paragraphs, its signature and the
 * metadata block that parse_head.c read. */
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "parse_private.h"

#define TITLE_PARAS 8   /* paragraphs searched for the title */
#define TITLE_CHARS 100 /* longest title line */
#define DOCNO_SCAN 600  /* bytes of a title paragraph searched for a docno */

#define CH_LANGLE "\xE3\x80\x88" /* 〈 */
#define CH_RANGLE "\xE3\x80\x89" /* 〉 */

/* Words after which a title no longer names its issuer. */
static const char *const issuer_ends[] = {
	"关于", "转发", "印发", "批转", "就", "有关", "负责", "对", "致",
	"联合", "等",
};

struct meta_ctx {
	const char *b; /* the body */
	const struct para *p;
	size_t np;
	struct pbuf title;
	struct pbuf issuer;
	struct pbuf docno;
	char date[11];      /* signed date */
	char note_date[11]; /* under the title: （一九九〇年十二月五日） */
	struct span headline; /* a news headline wrapper in the body */
};

/* Appends t, with 〈〉 turned into 《》 (a title quoted inside 《》). */
static void
add_title(struct pbuf *b, const char *s, size_t start, size_t end)
{
	size_t pos = start, n;
	uint32_t cp;

	while (pos < end) {
		n = text_next(s + pos, end - pos, &cp);
		if (cp == 0x3008)
			pbuf_add(b, CH_LBOOK, 3);
		else if (cp == 0x3009)
			pbuf_add(b, CH_RBOOK, 3);
		else
			pbuf_add(b, s + pos, n);
		pos += n;
	}
}

/* Appends a document number without its whitespace and without
 * parentheses around the whole number. */
static void
add_docno(struct pbuf *b, const char *s, size_t start, size_t end)
{
	uint32_t first, last;
	size_t n1, n2;

	start = parse_skip_space(s, end, start);
	end = parse_rtrim(s, start, end);
	n1 = text_next(s + start, end - start, &first);
	n2 = parse_prev(s, end, &last);
	if (end - start > n1 + n2 && (first == '(' || first == 0xFF08) &&
	    (last == ')' || last == 0xFF09)) {
		start += n1;
		end -= n2;
	}
	pbuf_add_squeezed(b, s + start, end - start);
}

/* Arabic digits, possibly with whitespace around, at *pos; at most max. */
static size_t
digits(const char *s, size_t end, size_t *pos, size_t max)
{
	size_t k = 0, n;
	uint32_t cp;

	*pos = parse_skip_space(s, end, *pos);
	while (*pos < end && k < max) {
		n = text_next(s + *pos, end - *pos, &cp);
		if (!parse_is_digit(cp))
			break;
		*pos += n;
		k++;
	}
	*pos = parse_skip_space(s, end, *pos);
	return k;
}

/* Where a document number's prefix (国发, 沪崇教, 国办函) starts, given the
 * Han characters [rs, re) before its bracket: after the title's genre word
 * or the issuer's name when they are glued to it. */
static size_t
docno_prefix(const char *s, size_t rs, size_t re)
{
	size_t pos = rs, cut = rs, n, g;
	uint32_t cp;

	while (pos < re) {
		n = text_next(s + pos, re - pos, &cp);
		if ((g = parse_genre_at(s, re, pos)) > 0 &&
		    parse_chars_over(s, pos + g, re, 1))
			cut = pos + g;
		pos += n;
		if (parse_is_organ_end(s, re, pos) &&
		    parse_chars_over(s, pos, re, 1))
			cut = pos;
	}
	return cut;
}

/* Whether the document number whose prefix starts at ds follows the title
 * of the document it numbers: 《…的意见》（教基〔2023〕1号）. */
static bool
cited(const char *s, size_t from, size_t ds)
{
	uint32_t cp;
	size_t n;

	while (ds > from) {
		n = parse_prev(s, ds, &cp);
		if (!text_is_space(cp) && cp != '(' && cp != 0xFF08)
			return cp == 0x300B || cp == 0x3009; /* 》〉 */
		ds -= n;
	}
	return false;
}

/* A document number whose year bracket opens at pos: 国发〔2011〕35号,
 * 国发 〔2011〕 35 号; its prefix is searched back to from. */
static bool
docno_at(const char *s, size_t from, size_t to, size_t pos, size_t *ds,
    size_t *de)
{
	size_t q, rs, re, n, k;
	uint32_t cp, close;

	q = pos + text_next(s + pos, to - pos, &cp);
	if (digits(s, to, &q, 4) != 4)
		return false;
	q += text_next(s + q, to - q, &close);
	if (close != 0x3015 && close != ']' && close != 0xFF3D &&
	    close != 0xFF09 && close != ')')
		return false;
	if (parse_has(s, to, q, "第"))
		q += 3; /* 杭教发〔2024〕第3号 */
	if (digits(s, to, &q, 5) == 0 || !parse_has(s, to, q, "号"))
		return false;
	re = parse_rtrim(s, from, pos);
	rs = re;
	cp = 0;
	for (k = 0; k < 10 && rs > from; k++) {
		n = parse_prev(s, rs, &cp);
		if (!text_is_han(cp) || cp == 0x7684) /* 的 */
			break;
		rs -= n;
	}
	if (rs == re && (cp == 0xFF08 || cp == '('))
		return false; /* （2019）3号 inside a sentence */
	if (cited(s, from, rs))
		return false;
	*ds = docno_prefix(s, rs, re);
	*de = q + 3;
	return true;
}

/* The first document number in [from, to). */
static bool
find_docno(const char *s, size_t from, size_t to, size_t *ds, size_t *de)
{
	size_t pos = from;
	uint32_t cp;

	while (pos < to) {
		text_next(s + pos, to - pos, &cp);
		if ((cp == 0x3014 || cp == '[' || cp == 0xFF3B ||
		    cp == 0xFF08 || cp == '(') &&
		    docno_at(s, from, to, pos, ds, de))
			return true;
		pos += text_next(s + pos, to - pos, &cp);
	}
	return false;
}

static bool
is_label_start(const char *s, size_t end, size_t pos)
{
	struct label lb;

	return parse_label_at(s, end, pos, &lb);
}

/* The order (令) that promulgates a regulation: 中华人民共和国国务院令 第722号
 * 《优化营商环境条例》已经…通过，现予公布.  Its docno is the order as
 * printed (中华人民共和国国务院令第722号), its issuer the organ (国务院). */
static bool
order_block(struct meta_ctx *c)
{
	const char *s = c->b;
	const struct para *pn;
	size_t ts, te, lim, ling, os, q, i, open, close, num;
	long v;

	if (c->np == 0)
		return false;
	ts = c->p[0].start;
	te = c->p[0].end;
	lim = te - ts > 80 ? ts + 80 : te;
	ling = parse_find(s, ts, lim, "令");
	if (ling >= lim || ling == ts)
		return false;
	os = ts;
	if (parse_has(s, ling, os, "中华人民共和国"))
		os += strlen("中华人民共和国");
	if (parse_organ_prefix(s, os, ling) != ling - os)
		return false;
	q = parse_skip_space(s, te, ling + 3);
	i = 1;
	if (q == te && c->np > 1) {
		ts = c->p[1].start;
		te = c->p[1].end;
		q = ts;
		i = 2;
	}
	if (!parse_has(s, te, q, "第"))
		return false;
	num = q;
	q += 3;
	if (digits(s, te, &q, 6) == 0) {
		q += parse_cn_number(s + q, te - q, 6, &v);
		q = parse_skip_space(s, te, q);
	}
	if (!parse_has(s, te, q, "号") || parse_skip_space(s, te, q + 3) != te)
		return false;
	pbuf_add(&c->issuer, s + os, ling - os);
	pbuf_add_squeezed(&c->docno, s + c->p[0].start,
	    ling + 3 - c->p[0].start);
	pbuf_add_squeezed(&c->docno, s + num, q + 3 - num);
	for (; i < c->np && i < 4; i++) {
		pn = &c->p[i];
		open = parse_find(s, pn->start, pn->end, CH_LBOOK);
		close = parse_find(s, open, pn->end, CH_RBOOK);
		if (close < pn->end) {
			add_title(&c->title, s, open + 3, close);
			break;
		}
	}
	return true;
}

/* Whether [ts, te) holds no Han character (a citation code CLI.1.223979)
 * or marks of navigation (首页 > 政策), as no title does. */
static bool
never_title(const char *s, size_t ts, size_t te)
{
	uint32_t cp;
	size_t pos = ts;

	while (pos < te) {
		pos += text_next(s + pos, te - pos, &cp);
		if (cp == '>' || cp == 0xFF1E || cp == 0xBB || cp == 0x3010)
			return true; /* > ＞ » 【 */
	}
	return !parse_has_han(s, ts, te) || parse_is_link(s, ts, te);
}

static bool
title_like(const char *s, size_t ts, size_t te)
{
	uint32_t last;
	char date[11];
	size_t used;

	parse_prev(s, te, &last);
	return !parse_chars_over(s, ts, te, TITLE_CHARS) &&
	    !never_title(s, ts, te) &&
	    parse_find(s, ts, te, CH_PERIOD) >= te && last != ':' &&
	    last != 0xFF1A && last != 0xFF0C && last != ',' && last != 0xFF1B &&
	    last != ';' &&
	    !is_label_start(s, te, ts) &&
	    !parse_date_at(s, te, ts, &used, date);
}

/* A date alone, or in parentheses: （一九九〇年十二月五日）. */
static bool
date_para(const char *s, size_t ts, size_t te, char out[11])
{
	size_t used, q = ts;
	uint32_t cp;

	cp = parse_cp_at(s, te, q);
	if (cp == '(' || cp == 0xFF08)
		q += cp == '(' ? 1 : 3;
	if (!parse_date_at(s, te, q, &used, out))
		return false;
	q = parse_skip_space(s, te, q + used);
	if (q < te) {
		cp = parse_cp_at(s, te, q);
		return cp == ')' || cp == 0xFF09;
	}
	return true;
}

/* Where [ts, pe) ends without the parentheses that open around a document
 * number: …的通知（余府发〔2012〕3号）. */
static size_t
open_paren_before(const char *s, size_t ts, size_t pe)
{
	while (pe > ts) {
		if (s[pe - 1] == '(')
			pe = parse_rtrim(s, ts, pe - 1);
		else if (pe >= ts + 3 && parse_has(s, pe, pe - 3, CH_LPAREN))
			pe = parse_rtrim(s, ts, pe - 3);
		else
			break;
	}
	return pe;
}

/* A line in parentheses that completes the title above it: the years of
 * a plan (（2024—2026年）), 试行, 征求意见稿; not a date or a number. */
static bool
title_note(const char *s, size_t ts, size_t te)
{
	uint32_t first, last;

	text_next(s + ts, te - ts, &first);
	parse_prev(s, te, &last);
	return (first == '(' || first == 0xFF08) &&
	    (last == ')' || last == 0xFF09) &&
	    !parse_chars_over(s, ts, te, 18) &&
	    parse_find(s, ts, te, "月") >= te &&
	    parse_find(s, ts, te, "号") >= te &&
	    parse_find(s, ts, te, "通过") >= te;
}

/* The title lines at the body's start, and a document number and date
 * printed with them. */
static void
title_zone(struct meta_ctx *c)
{
	const char *s = c->b;
	size_t i, ts, te, lim, ds, de, pe, q, prev_s = 0, prev_e = 0;
	char date[11];

	for (i = 0; i < c->np && i < TITLE_PARAS; i++) {
		ts = c->p[i].start;
		te = c->p[i].end;
		if (is_label_start(s, te, ts))
			break;
		if (parse_is_headline(s, ts, te)) {
			if (c->headline.end == 0) {
				c->headline.start = ts;
				c->headline.end = te;
			}
			continue;
		}
		lim = te - ts > DOCNO_SCAN ? ts + DOCNO_SCAN : te;
		lim = parse_find(s, ts, lim, CH_COLON);
		lim = parse_find(s, ts, lim, ":");
		lim = parse_find(s, ts, lim, CH_PERIOD);
		if (c->docno.len == 0 && find_docno(s, ts, lim, &ds, &de)) {
			pe = open_paren_before(s, ts, parse_rtrim(s, ts, ds));
			if (!parse_chars_over(s, ts, pe, 3) ||
			    (c->title.len == 0 && title_like(s, ts, pe) &&
			    parse_find(s, ts, pe, CH_COMMA) >= pe &&
			    parse_find(s, ts, pe, ",") >= pe)) {
				add_docno(&c->docno, s, ds, de);
				q = parse_skip_space(s, te, de);
				if (date_para(s, q, te, date))
					memcpy(c->note_date, date, sizeof date);
				if (!parse_chars_over(s, ts, pe, 3))
					continue;
				add_title(&c->title, s, ts, pe);
				return;
			}
		}
		if (date_para(s, ts, te, date)) {
			if (!c->note_date[0])
				memcpy(c->note_date, date, sizeof date);
			continue;
		}
		if (!title_like(s, ts, te))
			return;
		if (c->title.len == 0 && parse_ends_with(s, ts, te, "文件")) {
			continue;
		}
		if (c->title.len == 0) {
			if (!parse_chars_over(s, ts, te, 4))
				return;
			add_title(&c->title, s, ts, te);
		} else if (te - ts == prev_e - prev_s &&
		    memcmp(s + ts, s + prev_s, te - ts) == 0) {
			continue;
		} else if (!parse_ends_with_genre(s, prev_s, prev_e) &&
		    !parse_chars_over(s, ts, te, 40) &&
		    parse_organ_prefix(s, ts, te) != te - ts &&
		    !parse_has(s, te, ts, CH_LPAREN) &&
		    !parse_has(s, te, ts, "(")) {
			add_title(&c->title, s, ts, te);
		} else if (title_note(s, ts, te)) {
			add_title(&c->title, s, ts, te);
		} else {
			return;
		}
		prev_s = ts;
		prev_e = te;
	}
}

/* Whether the text at pos opens like a document's first sentence: 根据…,
 * 为深入…, 2024年是…. */
static bool
text_opens(const char *s, size_t end, size_t pos)
{
	static const char *const words[] = {
		"根据", "为了", "为深入", "为进一步", "为全面", "为贯彻", "为加快",
		"为推进", "为做好", "按照", "依据", "依照", "近日", "日前",
	};
	size_t i, q = pos;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (parse_has(s, end, pos, words[i]))
			return true;
	for (i = 0; i < 4 && q < end && s[q] >= '0' && s[q] <= '9'; i++)
		q++;
	return i == 4 && parse_has(s, end, q, "年是");
}

/* A title glued to the text after it, with no docno to end it: the text
 * up to the first genre word before the first comma, outside 《》, when it
 * reads like a title (关于…, …就《…》答记者问) or the text after it opens
 * like a first sentence (…行动计划根据…). */
static void
genre_prefix(struct meta_ctx *c)
{
	const char *s = c->b;
	size_t ts, te, pos, n, g, depth = 0;
	uint32_t cp;

	if (c->np == 0)
		return;
	ts = c->p[0].start;
	te = c->p[0].end;
	if (is_label_start(s, te, ts))
		return;
	if (te - ts > DOCNO_SCAN)
		te = ts + DOCNO_SCAN;
	te = parse_find(s, ts, te, CH_COMMA);
	te = parse_find(s, ts, te, ",");
	te = parse_find(s, ts, te, CH_PERIOD);
	for (pos = ts; pos < te; pos += n) {
		n = text_next(s + pos, te - pos, &cp);
		if (cp == 0x300A)
			depth++;
		else if (cp == 0x300B && depth > 0)
			depth--;
		else if (depth == 0 && (g = parse_genre_at(s, te, pos)) > 0 &&
		    parse_chars_over(s, ts, pos, 5) &&
		    (parse_find(s, ts, pos, "关于") < pos ||
		    parse_find(s, ts, pos, "就《") < pos ||
		    text_opens(s, te, pos + g))) {
			add_title(&c->title, s, ts, pos + g);
			return;
		}
	}
}

/* The document a covering notice without a title transmits:
 * 现将《X》印发给你们, 《X》已经…同意，现印发给你们. */
static void
transmitted(struct meta_ctx *c)
{
	const char *s = c->b;
	size_t i, open, close, end, after, lim;

	for (i = 0; i < c->np && i < TITLE_PARAS; i++) {
		end = c->p[i].end;
		open = parse_find(s, c->p[i].start, end, CH_LBOOK);
		close = parse_find(s, open, end, CH_RBOOK);
		if (close >= end)
			continue;
		after = close + 3;
		lim = end - after > 90 ? after + 90 : end;
		if ((open >= c->p[i].start + 3 &&
		    parse_has(s, end, open - 3, "将")) ||
		    parse_has(s, end, after, "印发") ||
		    parse_has(s, end, after, "转发") ||
		    parse_find(s, after, lim, "现印发给你们") < lim) {
			add_title(&c->title, s, open + 3, close);
			return;
		}
	}
}

/* The issuers a title starts with: 中共舟山市委教育工作委员会 舟山市教育局… →
 * 中共舟山市委教育工作委员会、舟山市教育局. */
static void
title_issuers(const char *t, size_t n, struct pbuf *out)
{
	size_t pos, stop, organ, count = 0, k;
	uint32_t cp;

	pos = parse_skip_space(t, n, 0);
	k = pos;
	while (k < n && (parse_is_digit(cp = parse_cp_at(t, n, k)) ||
	    cp == '-' || cp == 0x2014 || cp == 0xFF0D || cp == 0x2013))
		k += text_next(t + k, n - k, &cp);
	if (k > pos && parse_has(t, n, k, "年"))
		pos = k + 3; /* 2021年, 2021—2025年 */
	while (pos < n && count < 8) {
		stop = pos;
		while (stop < n) {
			k = text_next(t + stop, n - stop, &cp);
			if (!text_is_han(cp) || (stop > pos &&
			    parse_word_at(t, n, stop, issuer_ends,
			    sizeof issuer_ends / sizeof issuer_ends[0]) > 0))
				break;
			stop += k;
		}
		organ = parse_organ_prefix(t, pos, stop);
		if (organ == 0)
			break;
		if (count++)
			pbuf_add(out, "、", 3);
		pbuf_add(out, t + pos, organ);
		if (pos + organ != stop)
			break;
		pos = stop;
		while (pos < n) {
			k = text_next(t + pos, n - pos, &cp);
			if (!text_is_space(cp) && cp != 0x3001)
				break;
			pos += k;
		}
		if (pos == stop)
			break;
	}
}

/* Whether s[start, end), without whitespace, is one organ's name; appends
 * it to out when it is. */
static bool
organ_text(const char *s, size_t start, size_t end, struct pbuf *out)
{
	struct pbuf t = { NULL, 0, 0, false };
	bool ok;

	if (parse_chars_over(s, start, end, 40))
		return false;
	pbuf_add_squeezed(&t, s + start, end - start);
	ok = !t.oom && t.len > 0 && parse_organ_prefix(t.p, 0, t.len) == t.len;
	if (ok)
		pbuf_add(out, t.p, t.len);
	free(t.p);
	return ok;
}

static bool
han_only(const char *s, size_t start, size_t end)
{
	uint32_t cp;

	while (start < end) {
		start += text_next(s + start, end - start, &cp);
		if (!text_is_han(cp) && !text_is_space(cp))
			return false;
	}
	return true;
}

/* Whether [start, end) names a time rather than signs: 比赛时间,
 * 报名截止日期. */
static bool
names_time(const char *s, size_t start, size_t end)
{
	return parse_ends_with(s, start, end, "时间") ||
	    parse_ends_with(s, start, end, "日期") || parse_ends_with(s, start, end, "截止");
}

/* Whether a date alone in its paragraph after p can sign the text: p is
 * not a heading or a field (一、比赛时间 / 2024年5月10日). */
static bool
after_field(const char *s, const struct para *p)
{
	uint32_t last;

	parse_prev(s, p->end, &last);
	return !is_label_start(s, p->end, p->start) && last != 0xFF1A &&
	    last != ':' && !names_time(s, p->start, p->end);
}

/* The signature: the first paragraph that ends with a full date after at
 * most a short organ's name (…落实。国务院办公厅2020年11月1日（此件公开发布）).
 * Its organ, or the paragraph before, is the fallback issuer. */
static void
signature(struct meta_ctx *c, struct pbuf *organ)
{
	const char *s = c->b;
	size_t i, ts, te, ds, sb, open, k, e;
	uint32_t cp;
	char date[11];

	for (i = 0; i < c->np; i++) {
		ts = c->p[i].start;
		te = c->p[i].end;
		for (k = 0; k < 2; k++) {
			parse_prev(s, te, &cp);
			if (cp != ')' && cp != 0xFF09)
				break;
			open = parse_find(s, te > ts + 60 ? te - 60 : ts, te,
			    cp == ')' ? "(" : CH_LPAREN);
			if (open >= te)
				break;
			te = parse_rtrim(s, ts, open);
		}
		if (!parse_date_ending(s, ts, te, &ds, date))
			continue;
		sb = ds > ts + 150 ? ds - 150 : ts;
		for (k = ds; k > sb; k -= parse_prev(s, k, &cp)) {
			parse_prev(s, k, &cp);
			if (cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A ||
			    cp == 0xFF0C || cp == 0xFF01 || cp == 0xFF1F ||
			    cp == ';' || cp == ':' || cp == ',' || cp == '!' ||
			    cp == '?')
				break;
		}
		if ((k == sb && sb > ts) || !han_only(s, k, ds))
			continue;
		e = parse_rtrim(s, k, ds);
		if (e > k && names_time(s, k, e))
			continue; /* 比赛时间2024年5月10日 */
		if (e == k && k > ts && (cp == 0xFF1A || cp == ':' ||
		    cp == 0xFF0C || cp == ','))
			continue; /* 截止时间：2024年4月30日 */
		if (e == k && k == ts && i > 0 &&
		    !after_field(s, &c->p[i - 1]))
			continue; /* 一、比赛时间 / 2024年5月10日 */
		memcpy(c->date, date, sizeof date);
		if (e > k)
			organ_text(s, k, e, organ);
		else if (i > 0)
			organ_text(s, c->p[i - 1].start, c->p[i - 1].end,
			    organ);
		return;
	}
}

static char *
span_dup(const char *s, struct span sp)
{
	sp.end = parse_rtrim(s, sp.start, sp.end);
	return parse_dup(s + sp.start, sp.end - sp.start);
}

static char *
span_date(const char *s, struct span sp)
{
	char date[11];
	size_t used;

	if (sp.end > sp.start &&
	    parse_date_at(s, sp.end, sp.start, &used, date))
		return parse_dup(date, 10);
	return parse_dup("", 0);
}

/* Where a page title ends before the site's name: 关于…的通知_某市教育局,
 * 关于…的通知 - 某市人民政府. */
static size_t
site_suffix(const char *s, size_t start, size_t end)
{
	static const char *const seps[] = { "_", " - ", " | ", "——" };
	size_t i, k;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		k = parse_rtrim(s, start, parse_find(s, start, end, seps[i]));
		if (k < end && parse_ends_with_genre(s, start, k))
			end = k;
	}
	return end;
}

/* A site's abbreviation (市教育局, 区政府) rather than an organ's name;
 * a title may use one too. */
static bool
abbreviated(const char *s, struct span sp)
{
	return parse_has(s, sp.end, sp.start, "市") ||
	    parse_has(s, sp.end, sp.start, "区") ||
	    parse_has(s, sp.end, sp.start, "县") ||
	    parse_has(s, sp.end, sp.start, "省");
}

/* Whether the issuer the title names (区教育局) abbreviates the organ the
 * signature names in full (无锡市滨湖区教育局). */
static bool
spelt_out(const struct pbuf *title_organ, const struct pbuf *sig_organ)
{
	size_t n = title_organ->len;

	return n > 0 && !title_organ->oom && !sig_organ->oom &&
	    sig_organ->len > n && abbreviated(title_organ->p,
	    (struct span){ 0, n }) &&
	    memcmp(sig_organ->p + sig_organ->len - n, title_organ->p, n) == 0;
}

enum juan_status
parse_meta(const char *s, const struct head_info *h,
    const struct para *paras, size_t npara, struct doc_meta *m)
{
	struct meta_ctx c;
	struct pbuf sig_organ = { NULL, 0, 0, false };
	struct pbuf topic = { NULL, 0, 0, false };
	const char *d;
	bool order;

	memset(&c, 0, sizeof c);
	c.b = s + h->head_len;
	c.p = paras;
	c.np = npara;

	order = order_block(&c);
	if (!order)
		title_zone(&c);
	if (c.title.len == 0 && h->title.end > h->title.start)
		add_title(&c.title, s, h->title.start,
		    parse_rtrim(s, h->title.start, h->title.end));
	if (c.title.len == 0 && h->head_title.end > h->head_title.start)
		add_title(&c.title, s, h->head_title.start,
		    site_suffix(s, h->head_title.start, h->head_title.end));
	if (c.title.len == 0)
		genre_prefix(&c);
	if (c.title.len == 0)
		transmitted(&c);
	if (c.title.len == 0 && c.headline.end > c.headline.start)
		add_title(&c.title, c.b, parse_find(c.b, c.headline.start,
		    c.headline.end, CH_LBOOK) + 3, parse_find(c.b,
		    c.headline.start, c.headline.end, CH_RBOOK));
	if (c.title.len == 0 && h->headline.end > h->headline.start)
		add_title(&c.title, s, parse_find(s, h->headline.start,
		    h->headline.end, CH_LBOOK) + 3, parse_find(s,
		    h->headline.start, h->headline.end, CH_RBOOK));

	signature(&c, &sig_organ);
	if (!order && c.title.len > 0 && !c.title.oom)
		title_issuers(c.title.p, c.title.len, &c.issuer);
	if (spelt_out(&c.issuer, &sig_organ))
		c.issuer.len = 0;
	if (c.issuer.len == 0 && sig_organ.len > 0)
		pbuf_add(&c.issuer, sig_organ.p, sig_organ.len);
	if (c.issuer.len == 0 && h->issuer.end > h->issuer.start &&
	    !abbreviated(s, h->issuer))
		pbuf_add(&c.issuer, s + h->issuer.start, parse_rtrim(s,
		    h->issuer.start, h->issuer.end) - h->issuer.start);
	free(sig_organ.p);

	if (parse_has_digit(s, h->docno.start, h->docno.end)) {
		/* not 文号：无 */
		free(c.docno.p);
		memset(&c.docno, 0, sizeof c.docno);
		add_docno(&c.docno, s, h->docno.start, h->docno.end);
	}

	if (h->topic.end > h->topic.start) {
		pbuf_add(&topic, s + h->topic.start,
		    h->topic.end - h->topic.start);
	} else if (h->topic1.end > h->topic1.start) {
		pbuf_add(&topic, s + h->topic1.start,
		    h->topic1.end - h->topic1.start);
		if (h->topic2.end > h->topic2.start) {
			pbuf_add(&topic, "-", 1);
			pbuf_add(&topic, s + h->topic2.start,
			    h->topic2.end - h->topic2.start);
		}
	}

	m->title = pbuf_take(&c.title);
	m->issuer = pbuf_take(&c.issuer);
	m->docno = pbuf_take(&c.docno);
	m->topic = pbuf_take(&topic);
	m->source = span_dup(s, h->source);
	m->published = span_date(s, h->published);
	d = c.date[0] ? c.date : c.note_date;
	if (d[0]) {
		m->date = parse_dup(d, 10);
	} else {
		m->date = span_date(s, h->signed_on);
		if (m->date && !m->date[0]) {
			free(m->date);
			m->date = span_date(s, h->made_on);
		}
		if (m->date && !m->date[0] && m->published) {
			free(m->date);
			m->date = parse_dup(m->published, strlen(m->published));
		}
	}
	if (!m->title || !m->issuer || !m->docno || !m->topic || !m->source ||
	    !m->published || !m->date)
		return JUAN_ENOMEM;
	return JUAN_OK;
}
