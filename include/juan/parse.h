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

#include <stdbool.h>
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
	size_t toc_skipped; /* heading-like paragraphs left out of the outline
			     * as a table of contents */
};

/* Why a parse is unsure (doc_doubts), one code per kind of doubt. */
enum parse_doubt_code {
	PARSE_NO_TITLE,      /* no title found */
	PARSE_NO_HEADINGS,   /* a long body without one heading */
	PARSE_TOC_SKIPPED,   /* headings skipped as a table of contents */
	PARSE_NUMBERING,     /* siblings numbered with a gap or a repeat */
	PARSE_DOCNO_UNTAKEN, /* a docno alone on a line is not the docno */
	PARSE_MOJIBAKE_REPAIRED, /* the file was mojibake, repaired on reading */
};
#define PARSE_NDOUBT_CODES (PARSE_MOJIBAKE_REPAIRED + 1)

struct parse_doubt {
	enum parse_doubt_code code;
	char *detail; /* what and where, e.g. "（三） skips a number after
		       * （一） (level 2)"; text from the document */
};

/* Parses text[0..len) (normalised: UTF-8, LF, NFC; see decode.h).  On JUAN_OK
 * stores a new struct doc in *out (caller frees with doc_free()).  Any text
 * parses, even an empty one; JUAN_ENOMEM is the only failure. */
enum juan_status doc_parse(const char *text, size_t len, struct doc **out);

/* Why the parse d of text[0..len) (the text doc_parse read) is unsure:
 * stores the doubts, in the order of enum parse_doubt_code, in *out (caller
 * frees with parse_doubts_free(); NULL when there is none) and their number
 * in *n.  A numbering and a docno are reported once each, at their first
 * doubt.  repaired is what decode_text() said of a file whose mojibake it
 * repaired (its why; NULL or "" when it repaired none): a
 * mojibake-repaired doubt with that detail.  A d that does not fit len
 * gives no doubt of its own; a NULL string in d (a parse made by hand)
 * counts as "".  JUAN_ENOMEM is the only failure (nothing
 * stored then). */
enum juan_status doc_doubts(const char *text, size_t len, const struct doc *d,
			    const char *repaired, struct parse_doubt **out,
			    size_t *n);

/* The doubts v[0..n) as the store keeps them: a `code<TAB>detail` line per
 * doubt, joined by LF (no final one; "" for none), with a TAB or line break
 * inside a detail turned into a space.  Caller frees; NULL when out of
 * memory. */
char *parse_doubts_join(const struct parse_doubt *v, size_t n);

/* doc_doubts() of d (and repaired) as parse_doubts_join() writes them: what
 * the store keeps.  Caller frees; NULL when out of memory. */
char *doc_doubts_joined(const char *text, size_t len, const struct doc *d,
			const char *repaired);

/* Doubts as parse_doubts_join() writes them, as one line for a person:
 * "code (detail); code (detail)", "" for "" (or NULL).  Caller frees;
 * NULL when out of memory.  The details are the document's text: pass the
 * line through the sanitiser before showing it. */
char *parse_doubts_line(const char *joined);

/* Whether name is a doubt's code ("no-title"…), also without its dashes
 * ("notitle"): stores the code in *code. */
bool parse_doubt_find(const char *name, enum parse_doubt_code *code);

/* Frees the n doubts of *v and the array, and sets *v to NULL.  NULL-safe. */
void parse_doubts_free(struct parse_doubt **v, size_t n);

/* A doubt's code as a word: "no-title", "no-headings", "toc-skipped",
 * "numbering", "docno-untaken", "mojibake-repaired"; "unknown" for any
 * other value.  Static. */
const char *parse_doubt_name(enum parse_doubt_code code);

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
