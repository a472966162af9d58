/* text: UTF-8 iteration, display width, truncation and wrapping. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "juan/array.h"
#include "juan/text.h"

size_t
text_next_full(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t need, i;
	uint32_t c, min;

	if (len == 0) {
		*cp = 0;
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	if (len < need) {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = TEXT_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	*cp = c;
	return need;
}

size_t
text_put(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
text_is_blank(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = text_next(s + i, len - i, &cp);
		if (!text_is_space(cp) && !(cp >= '\n' && cp <= '\r'))
			return false;
		i += n;
	}
	return true;
}

/* Where utf8proc's widths differ from glibc's wcwidth() under C.UTF-8, the
 * terminal follows wcwidth(), so these ranges take glibc's value. */
static const struct {
	uint32_t lo, hi;
	int width;
} width_fixes[] = {
	{ 0x0600, 0x0605, 1 },   /* Arabic prepended concatenation marks */
	{ 0x06DD, 0x06DD, 1 },
	{ 0x070F, 0x070F, 1 },
	{ 0x0890, 0x0891, 1 },
	{ 0x08E2, 0x08E2, 1 },
	{ 0x1160, 0x11FF, 0 },   /* Hangul medial vowels, final consonants */
	{ 0x3248, 0x324F, 2 },   /* circled numbers on black squares */
	{ 0x4DC0, 0x4DFF, 2 },   /* Yijing hexagram symbols */
	{ 0xD7B0, 0xD7FF, 0 },   /* Hangul Jamo Extended-B */
	{ 0x110BD, 0x110BD, 1 }, /* Kaithi number signs */
	{ 0x110CD, 0x110CD, 1 },
};

int
text_cp_width(uint32_t cp)
{
	size_t lo, hi, mid;
	int w;

	if (cp < 0x7F)
		return cp >= 0x20;
	if (cp < 0xA0)
		return 0;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 1;
	lo = 0;
	hi = sizeof(width_fixes) / sizeof(width_fixes[0]);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < width_fixes[mid].lo)
			hi = mid;
		else if (cp > width_fixes[mid].hi)
			lo = mid + 1;
		else
			return width_fixes[mid].width;
	}
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	/* Spacing combining marks (Devanagari vowel signs and the like)
	 * advance the cursor; wcwidth() counts them as one column. */
	if (w == 0 && utf8proc_category((utf8proc_int32_t)cp) ==
		      UTF8PROC_CATEGORY_MC)
		return 1;
	return w;
}

int
text_width(const char *s, size_t len)
{
	size_t i, n;
	uint32_t cp;
	int width = 0;

	for (i = 0; i < len; i += n) {
		if ((unsigned char)s[i] < 0x80) {
			width += text_cp_width((unsigned char)s[i]);
			n = 1;
			continue;
		}
		n = text_next(s + i, len - i, &cp);
		width += text_cp_width(cp);
	}
	return width;
}

size_t
text_fit(const char *s, size_t len, int cols, int *width)
{
	size_t i = 0, n;
	uint32_t cp;
	int w, used = 0;

	while (i < len) {
		n = text_next(s + i, len - i, &cp);
		w = text_cp_width(cp);
		if (used + w > cols)
			break;
		used += w;
		i += n;
	}
	if (width != NULL)
		*width = used;
	return i;
}

char *
text_truncate(const char *s, size_t len, int cols)
{
	size_t keep, elen = 0;
	char *out;

	if (text_width(s, len) <= cols) {
		keep = len;
	} else if (cols < 1) {
		keep = 0;
	} else {
		keep = text_fit(s, len, cols - 1, NULL);
		elen = strlen(TEXT_ELLIPSIS);
	}
	out = malloc(keep + elen + 1);
	if (out == NULL)
		return NULL;
	memcpy(out, s, keep);
	memcpy(out + keep, TEXT_ELLIPSIS, elen);
	out[keep + elen] = '\0';
	return out;
}

/* Closing punctuation: a wrapped line must not start with it. */
static bool
no_line_start(uint32_t cp)
{
	switch (cp) {
	case ',': case '.': case ';': case ':': case '?': case '!':
	case ')': case ']': case '}':
	case 0xFF0C: /* ， */ case 0x3002: /* 。 */ case 0x3001: /* 、 */
	case 0xFF1B: /* ； */ case 0xFF1A: /* ： */ case 0xFF1F: /* ？ */
	case 0xFF01: /* ！ */ case 0xFF0E: /* ． */ case 0xFF09: /* ） */
	case 0xFF3D: /* ］ */ case 0xFF5D: /* ｝ */ case 0x3009: /* 〉 */
	case 0x300B: /* 》 */ case 0x300D: /* 」 */ case 0x300F: /* 』 */
	case 0x3011: /* 】 */ case 0x3015: /* 〕 */ case 0x3017: /* 〗 */
	case 0x3019: /* 〙 */ case 0x201D: /* ” */ case 0x2019: /* ’ */
	case 0x2026: /* … */ case 0x2014: /* — */
		return true;
	}
	return false;
}

/* Opening punctuation: a wrapped line must not end with it. */
static bool
no_line_end(uint32_t cp)
{
	switch (cp) {
	case '(': case '[': case '{':
	case 0xFF08: /* （ */ case 0xFF3B: /* ［ */ case 0xFF5B: /* ｛ */
	case 0x3008: /* 〈 */ case 0x300A: /* 《 */ case 0x300C: /* 「 */
	case 0x300E: /* 『 */ case 0x3010: /* 【 */ case 0x3014: /* 〔 */
	case 0x3016: /* 〖 */ case 0x3018: /* 〘 */ case 0x201C: /* “ */
	case 0x2018: /* ‘ */
		return true;
	}
	return false;
}

/* Letters, digits and signs of words not to split: one-column characters
 * other than the general punctuation (dashes, quotes, "…") that Chinese
 * text sets between its words. */
static bool
in_word(uint32_t cp, int width)
{
	return width == 1 && !(cp >= 0x2010 && cp <= 0x206F);
}

/* May a line break between a (width aw) and b (width bw), with or without
 * spaces between them? */
static bool
may_break(uint32_t a, int aw, uint32_t b, int bw, bool spaced)
{
	if (no_line_start(b) || no_line_end(a))
		return false;
	return spaced || !in_word(a, aw) || !in_word(b, bw);
}

static bool
is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Characters that join two numbers into one: a decimal point, a range
 * dash or tilde, a slash, a thousands comma. */
static bool
is_joiner(uint32_t cp)
{
	switch (cp) {
	case '.': case '-': case '~': case '/': case ',':
	case 0xFF0E: /* ． */ case 0x00B7: /* · */ case 0x2014: /* — */
	case 0x2013: /* – */ case 0xFF0D: /* － */ case 0xFF5E: /* ～ */
	case 0x301C: /* 〜 */ case 0xFF0F: /* ／ */
		return true;
	}
	return false;
}

/* Units a number keeps after it: measure words, magnitudes, money,
 * calendar words and signs, as in 35亿元, 3.5%, 2002年, 35号. */
static bool
is_unit(uint32_t cp)
{
	static const uint32_t units[] = {
		'%', 0xFF05 /* ％ */, 0x2030 /* ‰ */, 0x2103 /* ℃ */,
		0x4E07 /* 万 */, 0x4EBF /* 亿 */, 0x5343 /* 千 */,
		0x767E /* 百 */, 0x5143 /* 元 */, 0x89D2 /* 角 */,
		0x5E74 /* 年 */, 0x6708 /* 月 */, 0x65E5 /* 日 */,
		0x53F7 /* 号 */, 0x4E2A /* 个 */, 0x4EBA /* 人 */,
		0x6B21 /* 次 */, 0x5BB6 /* 家 */, 0x9879 /* 项 */,
		0x6240 /* 所 */, 0x6761 /* 条 */, 0x6B3E /* 款 */,
		0x4EF6 /* 件 */, 0x5428 /* 吨 */, 0x7C73 /* 米 */,
		0x516C /* 公 */, 0x91CC /* 里 */, 0x4EA9 /* 亩 */,
		0x500D /* 倍 */, 0x5C81 /* 岁 */, 0x5929 /* 天 */,
		0x5468 /* 周 */, 0x5E73 /* 平 */, 0x65B9 /* 方 */,
		0x4F59 /* 余 */, 0x591A /* 多 */, 0x5C0F /* 小 */,
		0x65F6 /* 时 */, 0x5206 /* 分 */, 0x79D2 /* 秒 */,
		0x7AE0 /* 章 */, 0x8282 /* 节 */, 0x5EA6 /* 度 */,
		0x6237 /* 户 */, 0x53F0 /* 台 */, 0x8F86 /* 辆 */,
		0x514B /* 克 */, 0x74E6 /* 瓦 */, 0x7247 /* 片 */,
	};
	size_t i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (units[i] == cp)
			return true;
	return false;
}

/* The Han characters before a docno's bracketed year that stay with it, as
 * 国办发 in 国办发〔2014〕1号.  Where the issuer's abbreviation begins is not
 * written, so a fixed count: three keeps 国发, 国办发, 沪府发 whole and takes
 * one character too many before a two-character one (据国发〔). */
#define DOCNO_ABBREV 3

/* Whether s[p..) starts a docno's bracketed year: 〔 or ［ and a digit. */
static bool
docno_year_at(const char *s, size_t len, size_t p)
{
	uint32_t cp, next;
	size_t n;

	n = text_next(s + p, len - p, &cp);
	if (cp != 0x3014 && cp != 0xFF3B && cp != '[')
		return false;
	text_next(s + p + n, len - p - n, &next);
	return is_digit(next);
}

/* Whether the Han characters from s[p] on, at most DOCNO_ABBREV of them
 * counting the one before p, lead to a docno's bracketed year: the break
 * before p would cut 国办发〔2014〕 apart. */
static bool
before_docno(const char *s, size_t len, size_t p)
{
	uint32_t cp;
	int han;

	for (han = 1; p < len; han++) {
		if (docno_year_at(s, len, p))
			return true;
		if (han >= DOCNO_ABBREV)
			return false;
		p += text_next(s + p, len - p, &cp);
		if (!text_is_han(cp))
			return false;
	}
	return false;
}

/* What the wrap remembers of the characters before a break: enough to tell
 * whether the break would cut a unit. */
struct unit_state {
	uint32_t before;  /* the character before the previous one */
	int units;        /* unit characters since the last digit; -1: not
			   * in a number */
};

/* Whether a break between a and b (at s[p]) would cut what a reader reads
 * as one unit: a number (2,000.5, ３．５, 1998—2002), a number and its units
 * (35亿元, 3.5%), a docno's number after its bracketed year (〔2011〕35号)
 * or the abbreviation before that year (国发〔2011〕). */
static bool
cuts_unit(const struct unit_state *u, uint32_t a, uint32_t b,
	  const char *s, size_t len, size_t p)
{
	if (is_digit(b) && (is_digit(a) ||
			    (is_joiner(a) && is_digit(u->before)) ||
			    a == 0x3015 || a == 0xFF3D || a == ']'))
		return true;
	if (is_joiner(b) && is_digit(a))
		return true;
	if (is_unit(b) && u->units >= 0 && u->units < 3 &&
	    (is_digit(a) || is_unit(a)))
		return true;
	return text_is_han(a) && (text_is_han(b) || b == 0x3014 ||
				  b == 0xFF3B || b == '[') &&
	       before_docno(s, len, p);
}

/* Moves the unit state past cp. */
static void
unit_step(struct unit_state *u, uint32_t prev, uint32_t cp)
{
	u->before = prev;
	if (is_digit(cp))
		u->units = 0;
	else if (u->units >= 0 && is_unit(cp))
		u->units++;
	else if (!is_joiner(cp))
		u->units = -1;
}

/* Columns of the unit that starts at s[p] (after prev): the characters up to
 * the next break that neither the punctuation rule nor a unit forbids, or
 * up to a space or line end; counted to at most cols + 1. */
static int
unit_extent(const char *s, size_t len, size_t p, uint32_t prev,
	    struct unit_state u, int cols)
{
	uint32_t a, cp;
	int aw, cw, width;
	size_t n;

	n = text_next(s + p, len - p, &a);
	aw = text_cp_width(a);
	unit_step(&u, prev, a);
	width = aw;
	for (p += n; p < len && width <= cols; p += n) {
		n = text_next(s + p, len - p, &cp);
		cw = text_cp_width(cp);
		if (cw == 0)
			continue;
		if (text_is_space(cp) || cp == '\n' ||
		    (may_break(a, aw, cp, cw, false) &&
		     !cuts_unit(&u, a, cp, s, len, p)))
			break;
		unit_step(&u, a, cp);
		width += cw;
		a = cp;
		aw = cw;
	}
	return width;
}

struct wrap {
	int cols;
	struct text_line *lines;
	size_t n, cap;

	size_t start;     /* first byte of the current line */
	int width;        /* columns of [start, here) */
	bool in_space;    /* the bytes just before here are spaces or tabs */
	size_t space_at;  /* where that run of spaces starts */
	int space_width;  /* columns of [start, space_at) */
	bool have_brk;    /* a break opportunity after start */
	size_t brk_end;   /* the line would end there... */
	size_t brk_next;  /* ...and the next one start there */
	int brk_wend, brk_wnext;
	int brk_unit;     /* columns of the unit that starts at brk_next */
	bool have_unit;   /* a break inside a unit after start, taken only
			   * when the line has no other */
	size_t unit_at;
	int unit_width;   /* columns of [start, unit_at) */
};

static bool
wrap_push(struct wrap *w, size_t end, int width)
{
	struct text_line *grown;

	grown = array_reserve(w->lines, &w->cap, w->n + 1, sizeof(*grown));
	if (grown == NULL)
		return false;
	w->lines = grown;
	w->lines[w->n].off = w->start;
	w->lines[w->n].len = end - w->start;
	w->lines[w->n].width = width;
	w->n++;
	return true;
}

/* Ends the current line before a base character at p that does not fit:
 * at the last break opportunity, else wherever the rule must yield. */
static bool
wrap_break(struct wrap *w, size_t p, int cw)
{
	/* a unit too wide for any line is cut where the line is full, not
	 * after a short line */
	if (w->have_brk && w->have_unit && w->unit_at > w->brk_next &&
	    w->brk_unit > w->cols)
		w->have_brk = false;
	if (!w->have_brk && w->have_unit) {
		w->have_brk = true;
		w->brk_end = w->brk_next = w->unit_at;
		w->brk_wend = w->brk_wnext = w->unit_width;
		w->have_unit = false;
	}
	if (w->have_brk) {
		if (!wrap_push(w, w->brk_end, w->brk_wend))
			return false;
		w->start = w->brk_next;
		w->width -= w->brk_wnext;
		w->space_width -= w->brk_wnext;
		w->unit_width -= w->brk_wnext;
		w->have_brk = false;
		w->have_unit = w->have_unit && w->unit_at > w->start;
	}
	if (w->width + cw <= w->cols || p == w->start)
		return true;
	if (w->have_unit) {
		/* the line is still too long: cut the unit */
		if (!wrap_push(w, w->unit_at, w->unit_width))
			return false;
		w->start = w->unit_at;
		w->width -= w->unit_width;
		w->space_width -= w->unit_width;
		w->have_unit = false;
		if (w->width + cw <= w->cols)
			return true;
	}
	if (!w->in_space) {
		if (!wrap_push(w, p, w->width))
			return false;
	} else if (w->space_at > w->start) {
		if (!wrap_push(w, w->space_at, w->space_width))
			return false;
	}
	/* else the line holds only spaces, which are dropped */
	w->start = p;
	w->width = 0;
	return true;
}

/* Ends the paragraph at p (a '\n' or the end of the text); trailing spaces
 * that do not fit are dropped. */
static bool
wrap_end(struct wrap *w, size_t p)
{
	if (w->in_space && w->width > w->cols)
		return wrap_push(w, w->space_at, w->space_width);
	return wrap_push(w, p, w->width);
}

size_t
text_wrap(const char *s, size_t len, int cols, struct text_line **lines)
{
	struct wrap w = { .cols = cols };
	struct unit_state u = { 0, -1 };
	size_t p = 0, n;
	uint32_t cp, prev = 0;
	int cw, prev_w = 0;
	bool have_prev = false;

	while (p < len) {
		n = text_next(s + p, len - p, &cp);
		if (cp == '\n') {
			if (!wrap_end(&w, p))
				goto nomem;
			p += n;
			w.start = p;
			w.width = 0;
			w.in_space = w.have_brk = w.have_unit = false;
			have_prev = false;
			u.units = -1;
			continue;
		}
		cw = text_cp_width(cp);
		if (cp == ' ' || cp == '\t') {
			if (!w.in_space) {
				w.in_space = true;
				w.space_at = p;
				w.space_width = w.width;
			}
			w.width += cw;
			p += n;
			continue;
		}
		if (cw == 0 && !w.in_space) {
			/* combining marks and other zero-width characters
			 * stay with what precedes them */
			p += n;
			continue;
		}
		if (cw > 0 && have_prev &&
		    may_break(prev, prev_w, cp, cw, w.in_space)) {
			if (!w.in_space && p > w.start &&
			    cuts_unit(&u, prev, cp, s, len, p)) {
				w.have_unit = true;
				w.unit_at = p;
				w.unit_width = w.width;
			} else if (!w.in_space && p > w.start) {
				w.have_brk = true;
				w.brk_end = w.brk_next = p;
				w.brk_wend = w.brk_wnext = w.width;
				w.brk_unit = unit_extent(s, len, p, prev, u,
							 cols);
			} else if (w.in_space && w.space_at > w.start) {
				w.have_brk = true;
				w.brk_end = w.space_at;
				w.brk_wend = w.space_width;
				w.brk_next = p;
				w.brk_wnext = w.width;
				w.brk_unit = unit_extent(s, len, p, prev, u,
							 cols);
			}
		}
		if (w.width + cw > cols && p > w.start && !wrap_break(&w, p, cw))
			goto nomem;
		w.width += cw;
		w.in_space = false;
		if (cw > 0) {
			unit_step(&u, prev, cp);
			prev = cp;
			prev_w = cw;
			have_prev = true;
		}
		p += n;
	}
	if ((len == 0 || s[len - 1] != '\n') && !wrap_end(&w, len))
		goto nomem;
	*lines = w.lines;
	return w.n;
nomem:
	free(w.lines);
	*lines = NULL;
	return (size_t)-1;
}

static int
span_cmp(const void *a, const void *b)
{
	const struct text_span *x = a, *y = b;

	if (x->off != y->off)
		return (x->off > y->off) - (x->off < y->off);
	return (x->len > y->len) - (x->len < y->len);
}

size_t
text_spans_merge(struct text_span *v, size_t n)
{
	size_t i, merged = 0, end;

	if (n > 1)
		qsort(v, n, sizeof(*v), span_cmp);
	for (i = 0; i < n; i++) {
		if (merged > 0 &&
		    v[i].off < v[merged - 1].off + v[merged - 1].len) {
			end = v[i].off + v[i].len;
			if (end > v[merged - 1].off + v[merged - 1].len)
				v[merged - 1].len = end - v[merged - 1].off;
		} else {
			v[merged++] = v[i];
		}
	}
	return merged;
}
