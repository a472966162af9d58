/* parse_number: digits and numbers — ASCII and full-width digits, Chinese
 * numerals (〇 一 … 九, 十 百 千). */
#include "juan/text.h"
#include "parse_base.h"

#define CP_SHI 0x5341  /* 十 */
#define CP_BAI 0x767E  /* 百 */
#define CP_QIAN 0x5343 /* 千 */

bool
parse_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

bool
parse_has_digit(const char *s, size_t start, size_t end)
{
	uint32_t cp;

	while (start < end) {
		start += text_next(s + start, end - start, &cp);
		if (parse_is_digit(cp))
			return true;
	}
	return false;
}

int
parse_cn_digit(uint32_t cp)
{
	switch (cp) {
	case 0x96F6: /* 零 */
	case 0x3007: /* 〇 */
	case 0x25CB: /* ○ */
		return 0;
	case 0x4E00: return 1; /* 一 */
	case 0x4E8C: return 2; /* 二 */
	case 0x4E09: return 3; /* 三 */
	case 0x56DB: return 4; /* 四 */
	case 0x4E94: return 5; /* 五 */
	case 0x516D: return 6; /* 六 */
	case 0x4E03: return 7; /* 七 */
	case 0x516B: return 8; /* 八 */
	case 0x4E5D: return 9; /* 九 */
	default: return -1;
	}
}

/* Reads a Chinese numeral (一, 十二, 二十六, 一百零三) of at most max_chars
 * characters at s; returns the bytes read, 0 when there is none. */
size_t
parse_cn_number(const char *s, size_t len, size_t max_chars, long *value)
{
	size_t pos = 0, n, chars = 0;
	long total = 0, cur = 0;
	uint32_t cp;
	int dg;

	while (pos < len && chars < max_chars) {
		n = text_next(s + pos, len - pos, &cp);
		dg = parse_cn_digit(cp);
		if (dg >= 0)
			cur = dg;
		else if (cp == CP_SHI)
			total += (cur ? cur : 1) * 10, cur = 0;
		else if (cp == CP_BAI)
			total += (cur ? cur : 1) * 100, cur = 0;
		else if (cp == CP_QIAN)
			total += (cur ? cur : 1) * 1000, cur = 0;
		else
			break;
		pos += n;
		chars++;
	}
	*value = total + cur;
	return pos;
}
