/* parse_date: full dates in Arabic or Chinese numerals → YYYY-MM-DD. */
#include <stdio.h>

#include "juan/text.h"
#include "parse_private.h"

#define CP_NIAN 0x5E74 /* 年 */
#define CP_YUE 0x6708  /* 月 */
#define CP_RI 0x65E5   /* 日 */
#define CP_HAO 0x53F7  /* 号 */

static int
digit_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

/* 1 or 2 Arabic digits at *pos. */
static bool
small_number(const char *s, size_t len, size_t *pos, int *value)
{
	int k, dg;
	uint32_t cp;
	size_t n;

	*value = 0;
	for (k = 0; k < 2 && *pos < len; k++) {
		n = text_next(s + *pos, len - *pos, &cp);
		dg = digit_value(cp);
		if (dg < 0)
			break;
		*value = *value * 10 + dg;
		*pos += n;
	}
	return k > 0;
}

static bool
valid(int y, int m, int d, char out[11])
{
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return true;
}

static bool
arabic_date(const char *s, size_t len, size_t pos, size_t *used, char out[11])
{
	size_t p = pos, n;
	uint32_t cp, sep, sep2, end;
	int y = 0, m, d, k, dg;

	for (k = 0; k < 4; k++) {
		n = text_next(s + p, len - p, &cp);
		dg = digit_value(cp);
		if (n == 0 || dg < 0)
			return false;
		y = y * 10 + dg;
		p += n;
	}
	p += text_next(s + p, len - p, &sep);
	if (sep == CP_NIAN)
		sep2 = CP_YUE, end = CP_RI;
	else if (sep == '-' || sep == '/' || sep == '.' || sep == 0xFF0D ||
	    sep == 0xFF0F || sep == 0xFF0E)
		sep2 = sep, end = 0;
	else
		return false;
	if (!small_number(s, len, &p, &m))
		return false;
	n = text_next(s + p, len - p, &cp);
	if (cp != sep2)
		return false;
	p += n;
	if (!small_number(s, len, &p, &d))
		return false;
	if (end) {
		n = text_next(s + p, len - p, &cp);
		if (cp != CP_RI && cp != CP_HAO)
			return false;
		p += n;
	} else if (p < len && digit_value(parse_cp_at(s, len, p)) >= 0) {
		return false;
	}
	*used = p - pos;
	return valid(y, m, d, out);
}

static bool
chinese_date(const char *s, size_t len, size_t pos, size_t *used,
    char out[11])
{
	size_t p = pos, n;
	uint32_t cp;
	int y = 0, k, dg;
	long m, d;

	for (k = 0; k < 4; k++) {
		n = text_next(s + p, len - p, &cp);
		dg = parse_cn_digit(cp);
		if (cp == 'O' || cp == 0xFF2F)
			dg = 0;
		if (n == 0 || dg < 0)
			return false;
		y = y * 10 + dg;
		p += n;
	}
	p += text_next(s + p, len - p, &cp);
	if (cp != CP_NIAN)
		return false;
	n = parse_cn_number(s + p, len - p, 3, &m);
	if (n == 0)
		return false;
	p += n;
	p += text_next(s + p, len - p, &cp);
	if (cp != CP_YUE)
		return false;
	n = parse_cn_number(s + p, len - p, 3, &d);
	if (n == 0)
		return false;
	p += n;
	p += text_next(s + p, len - p, &cp);
	if (cp != CP_RI && cp != CP_HAO)
		return false;
	*used = p - pos;
	return valid(y, (int)m, (int)d, out);
}

bool
parse_date_at(const char *s, size_t len, size_t pos, size_t *used,
    char out[11])
{
	if (pos >= len)
		return false;
	return arabic_date(s, len, pos, used, out) ||
	    chinese_date(s, len, pos, used, out);
}

bool
parse_date_ending(const char *s, size_t start, size_t end, size_t *dstart,
    char out[11])
{
	size_t p, used;
	uint32_t last;

	/* every date ends with 日, 号 or a digit: most paragraphs do not */
	parse_prev(s, end, &last);
	if (last != CP_RI && last != CP_HAO && digit_value(last) < 0)
		return false;
	p = end > start + 40 ? end - 40 : start;
	for (; p + 6 <= end; p++) {
		if (((unsigned char)s[p] & 0xC0) == 0x80)
			continue;
		if (parse_date_at(s, end, p, &used, out) && p + used == end) {
			*dstart = p;
			return true;
		}
	}
	return false;
}
