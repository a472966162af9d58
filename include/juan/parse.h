/* parse: a document's normalised text → its parts, metadata and outline.
 *
 * The text is split into three consecutive parts: the head (web-page chrome
 * and the metadata block before the document), the body (the document as
 * issued: title lines, addressee, text, signature, attachments) and the tail
 * (footer chrome such as 文章来源: and the cataloguer's closing question).
 * head + body + tail is the whole text, byte for byte.
 *
 * The rules, and the exact output of doc_print_outline() and
 * doc_print_meta(), are those of store/OUTLINE.md; tests/fixtures/expected
 * holds the ground truth for the sample corpus.  The parser knows nothing of
 * SQLite or curses. */
#ifndef JUAN_PARSE_H
#define JUAN_PARSE_H

#include <stddef.h>
#include <stdio.h>

#include "juan/status.h"

/* One heading of the outline.  start/end are byte offsets into the body:
 * start is where the heading's label begins, end is where the next heading of
 * the same or a higher level begins (or the end of the body). */
struct section {
	int level;   /* 1 = outermost, from nesting (see OUTLINE.md) */
	int rank;    /* label family 0..8: 第X部分 … circled numeral */
	char *label; /* as in the source, e.g. "（一）", "1." */
	char *title; /* text after the label up to 。 or the paragraph's end */
	size_t start;
	size_t end;
};

/* Metadata; every field is a NUL-terminated string, "" when the text does
 * not say. */
struct doc_meta {
	char *title;
	char *issuer;
	char *date;      /* YYYY-MM-DD: signed/成文 date, else metadata, else published */
	char *docno;     /* 发文字号, e.g. 沪崇教〔2024〕1号 */
	char *published; /* YYYY-MM-DD publish date (发布日期) */
	char *topic;     /* the publisher's 主题分类, e.g. 科技、教育、知识产权-教育 */
	char *source;    /* 来源 / 文章来源 as printed */
};

struct doc {
	size_t head_len;
	size_t body_len;
	size_t tail_len;
	struct doc_meta meta;
	struct section *sections;
	size_t nsections;
};

/* Parses text[0..len) (normalised: UTF-8, LF, NFC; see decode.h).  On JUAN_OK
 * stores a new struct doc in *out (caller frees with doc_free()).  Any text
 * parses, even an empty one; JUAN_ENOMEM is the only failure. */
enum juan_status doc_parse(const char *text, size_t len, struct doc **out);

/* Frees *d and everything it owns, and sets *d to NULL.  NULL-safe. */
void doc_free(struct doc **d);

/* Frees the strings of n sections and the array itself.  NULL-safe. */
void sections_free(struct section *sections, size_t n);

/* Writes the outline as `level<TAB>label<TAB>title` lines (juan parse
 * --outline).  Returns 0, or -1 on a write error. */
int doc_print_outline(const struct doc *d, FILE *out);

/* The genre word title ends with (通知, 意见, 条例, 答记者问…), the type
 * of document; "" when it ends with none.  A static string. */
const char *doc_title_genre(const char *title);

/* Writes `title`, `issuer`, `date`, `docno` as `key<TAB>value` lines (juan
 * parse --meta).  Returns 0, or -1 on a write error. */
int doc_print_meta(const struct doc *d, FILE *out);

#endif
