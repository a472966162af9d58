/* parse_label: recognising heading labels (第一章, 一、, （一）, 1., （1）, ①)
 * and reading Chinese numerals. */
#include <string.h>

#include "juan/text.h"
#include "parse_private.h"

#define CP_DI 0x7B2C     /* 第 */
#define CP_SHI 0x5341    /* 十 */
#define CP_DUN 0x3001    /* 、 */
#define CP_FWDOT 0xFF0E  /* ． */
#define CP_LPAREN 0xFF08 /* （ */
#define CP_RPAREN 0xFF09 /* ） */

#define HAN_SLOT(cp) [PARSE_LABEL_HASH(cp)] = (cp)

/* Two characters in one slot would be an initializer overridden, which
 * the compiler reports. */
const uint16_t parse_label_han[32] = {
	HAN_SLOT(0x7B2C), /* 第 */
	HAN_SLOT(0x96F6), HAN_SLOT(0x4E00), HAN_SLOT(0x4E8C), /* 零一二 */
	HAN_SLOT(0x4E09), HAN_SLOT(0x56DB), HAN_SLOT(0x4E94), /* 三四五 */
	HAN_SLOT(0x516D), HAN_SLOT(0x4E03), HAN_SLOT(0x516B), /* 六七八 */
	HAN_SLOT(0x4E5D), HAN_SLOT(0x5341), HAN_SLOT(0x767E), /* 九十百 */
	HAN_SLOT(0x5343),                                     /* 千 */
};

/* Arabic digits (ASCII or full width), at most max_digits. */
static size_t
arabic_number(const char *s, size_t len, size_t max_digits, long *value)
{
	size_t pos = 0, n, digits = 0;
	uint32_t cp;

	*value = 0;
	while (pos < len && digits < max_digits) {
		n = text_next(s + pos, len - pos, &cp);
		if (cp >= '0' && cp <= '9')
			*value = *value * 10 + (long)(cp - '0');
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			*value = *value * 10 + (long)(cp - 0xFF10);
		else
			break;
		pos += n;
		digits++;
	}
	return pos;
}

/* After 第X章 and its kin: characters that make the label a reference
 * (第六条第二款, 第三条规定, 第五章的) rather than a heading. */
static bool
refers(uint32_t cp)
{
	static const uint32_t after[] = {
		0x7B2C, 0x3001, 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, ',', ';', ':',
		0x81F3, 0x548C, 0x6216, 0x53CA, 0x4E0E, 0x7684, 0x4E2D,
		0x6240, 0x4E4B, 0x89C4, 0x6B3E, 0x9879, 0x4EE5, 0x8D77,
		0x3011, 0x300B, 0x201D, 0x8BFE,
	}; /* 第、，。；：,;: 至和或及与的中所之规款项以起】》”课 */
	size_t i;

	for (i = 0; i < sizeof after / sizeof after[0]; i++)
		if (after[i] == cp)
			return true;
	return false;
}

/* After a label's dot: a year (1．2021年6月底前…), which keeps the label
 * a label rather than a decimal. */
static bool
year_follows(const char *s, size_t len, size_t p)
{
	long v;
	size_t n = arabic_number(s + p, len - p, 4, &v);

	return n > 0 && v >= 1900 && v <= 2199 && parse_has(s, len, p + n, "年");
}

static bool
is_letter_space(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000;
}

/* A Chinese numeral letter-spaced by single spaces, with a space before
 * and after it (the 　一　 of 第　一　章); returns the bytes read, 0 when
 * there is none. */
static size_t
spaced_number(const char *s, size_t len, long *value)
{
	char digits[16];
	size_t p = 0, q, n, m, nd = 0;
	uint32_t cp;

	while (nd + 4 <= sizeof digits && p < len) {
		n = text_next(s + p, len - p, &cp);
		if (!is_letter_space(cp))
			break;
		q = p + n;
		if (q >= len)
			break;
		m = text_next(s + q, len - q, &cp);
		if (parse_cn_digit(cp) < 0 && cp != CP_SHI &&
		    cp != 0x767E) /* 百 */
			break;
		memcpy(digits + nd, s + q, m);
		nd += m;
		p = q + m;
	}
	if (nd == 0 || p >= len || !is_letter_space(parse_cp_at(s, len, p)))
		return 0;
	if (parse_cn_number(digits, nd, 5, value) != nd)
		return 0;
	return p + text_next(s + p, len - p, &cp);
}

/* 第X部分, 第X编, 第X章, 第X节, 第X条 at pos (which holds 第). */
static bool
statute_label(const char *s, size_t len, size_t pos, struct label *lb)
{
	size_t p = pos + 3, n;
	uint32_t cp;
	long v;

	n = parse_cn_number(s + p, len - p, 5, &v);
	if (n == 0)
		n = arabic_number(s + p, len - p, 3, &v);
	if (n == 0)
		n = spaced_number(s + p, len - p, &v);
	if (n == 0 || v <= 0)
		return false;
	p += n;
	cp = parse_cp_at(s, len, p);
	if (cp == 0x90E8 && parse_cp_at(s, len, p + 3) == 0x5206) { /* 部分 */
		lb->rank = 0;
		p += 6;
	} else if (cp == 0x7F16) { /* 编 */
		lb->rank = 0;
		p += 3;
	} else if (cp == 0x7AE0) { /* 章 */
		lb->rank = 1;
		p += 3;
	} else if (cp == 0x8282) { /* 节 */
		lb->rank = 2;
		p += 3;
	} else if (cp == 0x6761) { /* 条 */
		lb->rank = RANK_ARTICLE;
		p += 3;
	} else {
		return false;
	}
	if (p < len && refers(parse_cp_at(s, len, p)))
		return false;
	lb->value = v;
	lb->len = p - pos;
	return true;
}

/* After 一、: a second numeral that makes the two a list of numbers rather
 * than a label (一、二年级, 三、四月份, 五、六、七). */
static bool
grades(const char *s, size_t len, size_t pos)
{
	uint32_t cp = parse_cp_at(s, len, pos);
	size_t n;

	if (parse_cn_digit(cp) <= 0 && cp != CP_SHI)
		return false;
	n = pos + 3;
	cp = parse_cp_at(s, len, n);
	return cp == CP_DUN || cp == 0x6708 || /* 、 月 */
	    (cp == 0x5E74 && parse_cp_at(s, len, n + 3) == 0x7EA7); /* 年级 */
}

bool
parse_label_at(const char *s, size_t len, size_t pos, struct label *lb)
{
	size_t p, n;
	uint32_t cp, c2;
	long v;

	lb->form = LABEL_NUMBERED;
	if (pos >= len)
		return false;
	n = text_next(s + pos, len - pos, &cp);
	if (cp == CP_DI)
		return statute_label(s, len, pos, lb);
	if (cp >= 0x3220 && cp <= 0x3229) { /* ㈠ … ㈩ */
		lb->rank = 5, lb->value = (long)(cp - 0x3220 + 1), lb->len = n;
		return true;
	}
	if (cp >= 0x2474 && cp <= 0x2487) { /* ⑴ … ⒇ */
		lb->rank = 7, lb->value = (long)(cp - 0x2474 + 1), lb->len = n;
		return true;
	}
	if (cp >= 0x2460 && cp <= 0x2473) { /* ① … ⑳ */
		lb->rank = 8, lb->value = (long)(cp - 0x2460 + 1), lb->len = n;
		return true;
	}
	if (cp >= 0x3251 && cp <= 0x325F) { /* ㉑ … ㉟ */
		lb->rank = 8, lb->value = (long)(cp - 0x3251 + 21), lb->len = n;
		return true;
	}
	if (cp >= 0x32B1 && cp <= 0x32BF) { /* ㊱ … ㊿ */
		lb->rank = 8, lb->value = (long)(cp - 0x32B1 + 36), lb->len = n;
		return true;
	}
	if (cp == '(' || cp == CP_LPAREN) {
		p = pos + n;
		n = parse_cn_number(s + p, len - p, 4, &v);
		lb->rank = 5;
		if (n == 0) {
			n = arabic_number(s + p, len - p, 3, &v);
			lb->rank = 7;
		}
		if (n == 0 || v <= 0)
			return false;
		p += n;
		c2 = parse_cp_at(s, len, p);
		if (c2 != ')' && c2 != CP_RPAREN)
			return false;
		p += c2 == ')' ? 1 : 3;
		if (parse_cp_at(s, len, p) == CP_DUN)
			p += 3; /* （一）、 */
		lb->value = v;
		lb->len = p - pos;
		return true;
	}
	if (!parse_is_digit(cp) && parse_cn_digit(cp) < 0 && cp != CP_SHI &&
	    cp != 0x767E && cp != 0x5343) /* 百 千 */
		return false; /* most characters: no numeral starts here */
	p = pos;
	n = parse_cn_number(s + p, len - p, 4, &v);
	if (n > 0) {
		c2 = parse_cp_at(s, len, p + n);
		if (c2 == '.' || c2 == CP_FWDOT) { /* 一．, 一. */
			p += n + (c2 == '.' ? 1 : 3);
			if (v <= 0 || (p < len &&
			    parse_is_digit(parse_cp_at(s, len, p))))
				return false;
			lb->rank = 4, lb->value = v, lb->len = p - pos;
			return true;
		}
		if (v <= 0 || c2 != CP_DUN || grades(s, len, p + n + 3))
			return false;
		lb->rank = 4, lb->value = v, lb->len = n + 3;
		return true;
	}
	n = arabic_number(s + p, len - p, 3, &v);
	if (n == 0)
		return false;
	p += n;
	c2 = parse_cp_at(s, len, p);
	if (c2 == '.')
		p += 1;
	else if (c2 == CP_FWDOT || c2 == CP_DUN)
		p += 3;
	else
		return false;
	if (p < len && parse_is_digit(parse_cp_at(s, len, p)) &&
	    !year_follows(s, len, p))
		return false; /* 1.5亿: a decimal */
	lb->rank = 6, lb->value = v, lb->len = p - pos;
	return true;
}

/* Units and words that make a number the start of a sentence rather than
 * a decimal outline number (2　年, 3　个月, 5　万元). */
static const char *const units[] = {
	"年", "月", "日", "个", "万", "亿", "元", "%", "％", "人", "次",
	"家", "项", "名", "天", "小时", "公里", "米", "吨", "倍",
};

bool
parse_decimal_at(const char *s, size_t len, size_t pos, struct label *lb)
{
	size_t p = pos, n, parts = 0, q;
	uint32_t cp;
	long v = 0;

	for (;;) {
		n = arabic_number(s + p, len - p, 3, &v);
		if (n == 0)
			return false;
		p += n;
		parts++;
		cp = parse_cp_at(s, len, p);
		if ((cp != '.' && cp != CP_FWDOT) || parts == 4)
			break;
		q = p + (cp == '.' ? 1 : 3);
		if (!parse_is_digit(parse_cp_at(s, len, q)))
			return false; /* 1. and 1.1. are other labels */
		p = q;
	}
	q = parse_skip_space(s, len, p);
	if (q == p || q >= len || s[q] == '\n')
		return false;
	cp = parse_cp_at(s, len, q);
	if (parse_is_digit(cp) || parse_word_at(s, len, q, units,
	    sizeof units / sizeof units[0]) > 0)
		return false;
	lb->rank = 3 + (int)parts;
	lb->value = v;
	lb->len = p - pos;
	lb->form = LABEL_DECIMAL;
	return true;
}

bool
parse_question_at(const char *s, size_t len, size_t pos, struct label *lb)
{
	static const char *const asks[] = { "问：", "问:", "记者：", "记者:" };
	size_t n;

	n = parse_word_at(s, len, pos, asks, sizeof asks / sizeof asks[0]);
	if (n == 0)
		return false;
	lb->rank = 4;
	lb->value = -1;
	lb->len = n;
	lb->form = LABEL_QUESTION;
	return true;
}
