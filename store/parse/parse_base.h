/* parse_base: the bottom floor of the parser — what every parse_*.c file
 * may call and what calls no other part of the parser: characters
 * (parse_chars.c), digits and numerals (parse_number.c), a growing string
 * (parse_buf.c) and word lists (parse_words.c).  Not part of the public
 * interface (include/juan/parse.h).
 *
 * All positions are byte offsets; "s, len" is the text being read.  No
 * function here reads outside s[0..len), whatever the bytes are. */
#ifndef JUAN_PARSE_BASE_H
#define JUAN_PARSE_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* UTF-8 of the characters the parser looks for. */
#define CH_IDEOSPACE "\xE3\x80\x80" /* U+3000 　 */
#define CH_PERIOD "\xE3\x80\x82"    /* 。 */
#define CH_COMMA "\xEF\xBC\x8C"     /* ， */
#define CH_COLON "\xEF\xBC\x9A"     /* ： */
#define CH_SEMI "\xEF\xBC\x9B"      /* ； */
#define CH_LPAREN "\xEF\xBC\x88"    /* （ */
#define CH_LBOOK "\xE3\x80\x8A"     /* 《 */
#define CH_RBOOK "\xE3\x80\x8B"     /* 》 */

/* parse_chars.c: small helpers over UTF-8 text. */
/* The character that ends at pos in *cp; returns its bytes (0 at pos 0). */
size_t parse_prev(const char *s, size_t pos, uint32_t *cp);
/* The character at pos, 0 at or past len. */
uint32_t parse_cp_at(const char *s, size_t len, size_t pos);
/* Whether s[pos..len) starts with lit. */
bool parse_has(const char *s, size_t len, size_t pos, const char *lit);
/* Whether s[start..end) ends with lit. */
bool parse_ends_with(const char *s, size_t start, size_t end, const char *lit);
/* pos moved past whitespace (text_is_space), not past len. */
size_t parse_skip_space(const char *s, size_t len, size_t pos);
/* end moved back over whitespace and line ends, not before start. */
size_t parse_rtrim(const char *s, size_t start, size_t end);
/* Where lit first occurs in s[from..to), to when it does not. */
size_t parse_find(const char *s, size_t from, size_t to, const char *lit);
/* Whether s[start..end) holds a Han character. */
bool parse_has_han(const char *s, size_t start, size_t end);
/* The characters (not bytes) of s[start..end). */
size_t parse_chars(const char *s, size_t start, size_t end);
/* parse_chars(s, start, end) > max, counting no further than that (a
 * paragraph is "short" when it has at most max characters). */
bool parse_chars_over(const char *s, size_t start, size_t end, size_t max);
/* A NUL-terminated copy of s[0..n); caller frees; NULL when out of memory. */
char *parse_dup(const char *s, size_t n);

/* parse_number.c: parse_is_digit() says whether cp is an ASCII or
 * full-width digit, parse_has_digit() whether s[start..end) holds one;
 * parse_cn_digit() is 0..9 for 〇○零一…九, else -1; parse_cn_number()
 * reads a Chinese numeral (十二, 一百零三) of at most max_chars characters
 * at s and returns its bytes (0: none). */
bool parse_is_digit(uint32_t cp);
bool parse_has_digit(const char *s, size_t start, size_t end);
int parse_cn_digit(uint32_t cp);
size_t parse_cn_number(const char *s, size_t len, size_t max_chars,
    long *value);

/* parse_buf.c: a growing string.  After an allocation failure it stays
 * failed: check oom once, at the end. */
struct pbuf {
	char *p;
	size_t len;
	size_t cap;
	bool oom;
};

/* Append s[0..n) to b, with or without its whitespace. */
void pbuf_add(struct pbuf *b, const char *s, size_t n);
void pbuf_add_squeezed(struct pbuf *b, const char *s, size_t n);
/* The string built (caller frees), "" when empty, NULL after a failed
 * allocation; b is left empty. */
char *pbuf_take(struct pbuf *b);

/* parse_words.c: parse_word_at() is the bytes of the first of words[0..n)
 * that s[pos..len) starts with, 0 when none does; parse_genre_at() the same
 * for the words that name a type of document (通知, 意见, 条例,
 * 答记者问…); parse_ends_with_genre() says whether s[start..end) ends with
 * one, as titles do. */
size_t parse_word_at(const char *s, size_t len, size_t pos,
    const char *const *words, size_t n);
size_t parse_genre_at(const char *s, size_t len, size_t pos);
bool parse_ends_with_genre(const char *s, size_t start, size_t end);

#endif
