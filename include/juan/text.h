/* text: UTF-8 iteration, display width in terminal columns, truncation with
 * "…", and wrapping that follows Chinese line-breaking rules.
 *
 * Pure functions over byte strings (pointer + length, no NUL needed); nothing
 * here allocates unless its comment says "caller frees".  Invalid UTF-8 is
 * never an error: each bad byte reads as U+FFFD and is one column wide. */
#ifndef JUAN_TEXT_H
#define JUAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT 0xFFFDu
#define TEXT_ELLIPSIS "\xE2\x80\xA6" /* "…", one column */

/* Decodes the code point at s[0..len).  Returns the bytes consumed (1..4; 0
 * only when len == 0).  A malformed, overlong or surrogate sequence consumes
 * one byte and yields TEXT_REPLACEMENT. */
size_t text_next_full(const char *s, size_t len, uint32_t *cp);

/* text_next_full(), with ASCII and well-formed three-byte characters (most
 * of a Chinese text) decoded in line: the parser, the decoder and the
 * tokenizer call it for every character. */
static inline size_t
text_next(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;

	if (len > 0 && u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (len >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		c = (uint32_t)(u[0] & 0x0F) << 12 |
		    (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*cp = c;
			return 3;
		}
	}
	return text_next_full(s, len, cp);
}

/* Encodes cp as UTF-8 into out (4 bytes room); returns the bytes written. */
size_t text_put(uint32_t cp, char out[4]);

/* True for the characters that indent and separate paragraphs in Chinese
 * documents: ASCII space, TAB, U+3000 IDEOGRAPHIC SPACE, U+00A0 NBSP. */
static inline bool
text_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* True when s[0..len) holds nothing but text_is_space() characters and line
 * breaks (LF, CR, VT, FF): a query, a document or a line with no words.
 * True for len == 0. */
bool text_is_blank(const char *s, size_t len);

/* True for CJK ideographs (Han, including extensions and compatibility).
 * In line: asked of every character of every text imported. */
static inline bool
text_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* unified */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* extension A */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* compatibility */
	       (cp >= 0x20000 && cp <= 0x3134F) || /* extensions B–G */
	       cp == 0x3007;                       /* 〇 */
}

/* Terminal columns of one code point, as glibc's wcwidth() counts them in
 * C.UTF-8: 2 for East Asian wide and full-width (CJK, full-width punctuation,
 * U+3000), 0 for combining marks and other zero-width characters, 0 for
 * control characters (where wcwidth() says -1), else 1 — ambiguous-width
 * characters such as “” … — included. */
int text_cp_width(uint32_t cp);

/* Terminal columns of s[0..len). */
int text_width(const char *s, size_t len);

/* The longest prefix of s[0..len) that fits in cols columns without cutting
 * a character; returns its length in bytes and stores its width in *width
 * (may be NULL).  Zero-width characters after the last fitting character are
 * kept with it. */
size_t text_fit(const char *s, size_t len, int cols, int *width);

/* s[0..len) cut to at most cols columns, ending in "…" when anything was cut.
 * Returns a NUL-terminated copy; caller frees.  NULL when out of memory. */
char *text_truncate(const char *s, size_t len, int cols);

/* One line of wrapped text: bytes [off, off+len) of the source, width columns. */
struct text_line {
	size_t off;
	size_t len;
	int width;
};

/* Bytes [off, off + len) of a text: a search hit, a heading, a mark. */
struct text_span {
	size_t off;
	size_t len;
};

/* Sorts v[0..n) by offset and merges spans that overlap into one; spans that
 * only touch stay apart (two hits side by side are two hits).  Returns the
 * number left (the first ones of v).  The one rule for every list of spans
 * juan highlights or walks through. */
size_t text_spans_merge(struct text_span *v, size_t n);

/* Wraps s[0..len) at cols columns (cols >= 2).  '\n' ends a line; a line never
 * starts with closing punctuation (，。、；：？！）》」』” and the like) and never
 * ends with opening punctuation (（《「『“); ASCII words (runs of one-column
 * characters) are not split unless longer than a line; nor is what a reader
 * reads as one unit — a number (3.5, ３．５, 1998—2002) with the units after
 * it (35亿元, 3.5%, 2002年), a docno from the three Han characters before
 * its bracketed year to its 号 (国办发〔2014〕1号) — unless it is wider than
 * a line, when it is cut where the line is full.  Where these rules
 * cannot all hold, they yield: no line is ever wider than cols, and a wide
 * character that does not fit starts the next line.  The spaces and tabs at
 * a break, and the '\n' characters, belong to no line.  Linear time.
 * Stores an array in *lines (caller frees) and returns the number of lines,
 * or (size_t)-1 when out of memory.  Empty input: one empty line; a final
 * '\n' starts no further line. */
size_t text_wrap(const char *s, size_t len, int cols, struct text_line **lines);

#endif
