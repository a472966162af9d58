/* parse_chars: the parser's small helpers over UTF-8 text — characters
 * before and at a position, literals, whitespace, copies.  The bottom floor
 * of the parser: calls nothing of it. */
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "parse_base.h"

size_t
parse_prev(const char *s, size_t pos, uint32_t *cp)
{
	size_t k;

	if (pos == 0) {
		*cp = 0;
		return 0;
	}
	for (k = 1; k <= 4 && k <= pos; k++) {
		if (((unsigned char)s[pos - k] & 0xC0) != 0x80) {
			if (text_next(s + pos - k, k, cp) == k)
				return k;
			break;
		}
	}
	*cp = TEXT_REPLACEMENT;
	return 1;
}

uint32_t
parse_cp_at(const char *s, size_t len, size_t pos)
{
	uint32_t cp = 0;

	if (pos < len)
		text_next(s + pos, len - pos, &cp);
	return cp;
}

bool
parse_has(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t n = strlen(lit);

	return pos <= len && len - pos >= n && memcmp(s + pos, lit, n) == 0;
}

size_t
parse_skip_space(const char *s, size_t len, size_t pos)
{
	uint32_t cp;
	size_t n;

	while (pos < len) {
		n = text_next(s + pos, len - pos, &cp);
		if (!text_is_space(cp))
			break;
		pos += n;
	}
	return pos;
}

size_t
parse_rtrim(const char *s, size_t start, size_t end)
{
	uint32_t cp;
	size_t n;

	while (end > start) {
		n = parse_prev(s, end, &cp);
		if (n > end - start ||
		    !(text_is_space(cp) || cp == '\n' || cp == '\r'))
			break;
		end -= n;
	}
	return end;
}

/* A literal of one character (。, U+3000, ＞): memchr() for its first
 * byte, then the rest compared — in Chinese text the lead bytes of
 * punctuation (E3, EF) are rare, and on a line this is two to four times
 * as fast as memmem(), which sets up a table at each call.  A longer
 * literal (a Han word, whose lead byte is everywhere): memmem(). */
size_t
parse_find(const char *s, size_t from, size_t to, const char *lit)
{
	const char *hit;
	size_t n = strlen(lit);
	uint32_t cp;

	if (from >= to || to - from < n)
		return to;
	if (n == 0 || text_next(lit, n, &cp) != n) {
		hit = memmem(s + from, to - from, lit, n);
		return hit ? (size_t)(hit - s) : to;
	}
	while (to - from >= n) {
		hit = memchr(s + from, lit[0], to - from - n + 1);
		if (!hit)
			return to;
		from = (size_t)(hit - s);
		if (memcmp(hit + 1, lit + 1, n - 1) == 0)
			return from;
		from++;
	}
	return to;
}

bool
parse_has_han(const char *s, size_t start, size_t end)
{
	uint32_t cp;

	while (start < end) {
		start += text_next(s + start, end - start, &cp);
		if (text_is_han(cp))
			return true;
	}
	return false;
}

size_t
parse_chars(const char *s, size_t start, size_t end)
{
	size_t n = 0;
	uint32_t cp;

	while (start < end) {
		start += text_next(s + start, end - start, &cp);
		n++;
	}
	return n;
}

bool
parse_chars_over(const char *s, size_t start, size_t end, size_t max)
{
	size_t n = 0;
	uint32_t cp;

	if (start >= end || end - start <= max)
		return false; /* a character takes a byte at least */
	if ((end - start - 1) / 4 >= max)
		return true; /* and four at most */
	while (start < end) {
		start += text_next(s + start, end - start, &cp);
		if (++n > max)
			return true;
	}
	return false;
}

char *
parse_dup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		if (n)
			memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

bool
parse_ends_with(const char *s, size_t start, size_t end, const char *lit)
{
	size_t n = strlen(lit);

	return end - start >= n && memcmp(s + end - n, lit, n) == 0;
}
