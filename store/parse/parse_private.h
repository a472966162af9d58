/* parse_private: what the parser's upper floors share — the structures and
 * the functions of parse_label.c, parse_date.c, parse_organ.c and
 * parse_para.c (which call only parse_base.h), parse_head.c (which calls
 * those), parse_meta.c and parse_outline.c (which call those and the head),
 * for parse.c, the entry point, on top.  No file calls a file above it.
 * Not part of the public interface (include/juan/parse.h).
 *
 * All positions are byte offsets; "s, len" is the text being parsed.  No
 * function here reads outside s[0..len), whatever the bytes are. */
#ifndef JUAN_PARSE_PRIVATE_H
#define JUAN_PARSE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/parse.h"
#include "parse_base.h"

/* A paragraph of the body (OUTLINE.md, "Paragraphs"): [start, end) with
 * the whitespace around it left out.  line_start: it begins a line (rule 1)
 * rather than after a run of whitespace inside one (rule 2); line_end: it
 * ends where its line ends. */
struct para {
	size_t start;
	size_t end;
	bool line_start;
	bool line_end;
};

/* How a label is written: a numbered label (一、 （一） 1. 第一条), a
 * decimal outline number (1.1) or an interview's question (问：), whose
 * title runs to its ？. */
enum label_form {
	LABEL_NUMBERED,
	LABEL_DECIMAL,
	LABEL_QUESTION,
};

/* The rank of an article, 第X条: its title is its first clause. */
#define RANK_ARTICLE 3

/* A heading label (OUTLINE.md, "Label families"). */
struct label {
	int rank;   /* 0 第X部分 … 8 ① */
	long value; /* its number: 3 for 三、 （三） 3. ③; -1 for 问： */
	size_t len; /* bytes, brackets and delimiter included */
	enum label_form form;
};

/* A span of the text, [start, end), {0, 0} when absent.  Not struct
 * text_span {off, len}: every parser function takes a range as start and
 * end, so the parser keeps its spans in that form. */
struct span {
	size_t start;
	size_t end;
};

/* What the head and the tail say (parse_head.c). */
struct head_info {
	size_t head_len;   /* the body starts here */
	size_t tail_start; /* the tail starts here (>= head_len) */
	struct span title;     /* 标题 */
	struct span issuer;    /* 发布机构, 公开主体, 发文机关 */
	struct span docno;     /* 发文字号, 文号 */
	struct span signed_on; /* 成文日期 */
	struct span made_on;   /* 生成日期, 发文日期 */
	struct span published; /* 发布日期, 发布时间, a dated chrome line */
	struct span topic;     /* 主题分类 */
	struct span topic1;    /* 主题(一级) */
	struct span topic2;    /* 主题(二级) */
	struct span source;    /* 来源, 文章来源 */
	struct span head_title; /* a title line among the chrome */
	bool head_genre;        /* head_title ends like a title: …的通知 */
	struct span headline;   /* a news headline wrapper 《X》公布! */
};

/* parse_label.c: recognises a heading label at pos (第X章, 一、, （一）,
 * 1., ①…), not a reference (第六条第二款) nor a decimal (1.5). */
bool parse_label_at(const char *s, size_t len, size_t pos, struct label *lb);
/* The Han characters a label may start with (第, 〇 aside, 零一…九十百千),
 * each in the slot PARSE_LABEL_HASH(cp) of parse_label_han (0 elsewhere):
 * one look-up for the characters of 0x4E00..0x9FFF. */
#define PARSE_LABEL_HASH(cp) ((uint32_t)((cp) * 0x8D88348Bu) >> 27)
extern const uint16_t parse_label_han[32];

/* False for a character no label of parse_label_at() starts with (most
 * characters): the outline asks it of every character of the body before
 * calling parse_label_at().  True for 第, （ and (, ASCII and full-width
 * digits, 〇○零一…九十百千 and the circled and bracketed numbers; a test
 * checks that parse_label_at() finds no label after any other character. */
static inline bool
parse_label_may_start(uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return parse_label_han[PARSE_LABEL_HASH(cp)] == cp;
	if (cp < 0x80)
		return cp == '(' || (cp >= '0' && cp <= '9');
	return cp == 0xFF08 || cp == 0x3007 || cp == 0x25CB || /* （〇○ */
	    (cp >= 0xFF10 && cp <= 0xFF19) || /* ０…９ */
	    (cp >= 0x2460 && cp <= 0x2487) || /* ①…⑳ ⑴…⒇ */
	    (cp >= 0x3220 && cp <= 0x3229) || /* ㈠…㈩ */
	    (cp >= 0x3251 && cp <= 0x325F) || /* ㉑…㉟ */
	    (cp >= 0x32B1 && cp <= 0x32BF);   /* ㊱…㊿ */
}
/* A decimal outline number (1, 1.1, 3.2.1 — dot or ．) at pos, followed by
 * whitespace and text that is not a digit or a unit (1　总则, not 2　年);
 * rank 3 + its number of parts (1.1 is rank 5), value its last part.  Only
 * a paragraph's start may hold one. */
bool parse_decimal_at(const char *s, size_t len, size_t pos,
    struct label *lb);
/* A question of an interview at pos: 问：, 问:, 记者：; rank 4, value -1
 * (no numbering continues it). */
bool parse_question_at(const char *s, size_t len, size_t pos,
    struct label *lb);

/* parse_date.c: a full date (year, month and day) starting at pos, in
 * Arabic (2024-02-17, 2024年2月17日, 2024/2/17) or Chinese numerals
 * (二○一二年一月九日).  Stores "YYYY-MM-DD" in out and the bytes read in
 * *used. */
bool parse_date_at(const char *s, size_t len, size_t pos, size_t *used,
    char out[11]);
/* A full date that ends exactly at end and starts at or after start; its
 * start in *dstart. */
bool parse_date_ending(const char *s, size_t start, size_t end,
    size_t *dstart, char out[11]);

/* parse_para.c: the body's paragraphs, in order.  *out: caller frees. */
enum juan_status parse_paragraphs(const char *s, size_t len,
    struct para **out, size_t *n);

/* parse_head.c: fills *h from the whole text s[0..len). */
void parse_head(const char *s, size_t len, struct head_info *h);
/* A link: a line that starts with http://, https:// or www. */
bool parse_is_link(const char *s, size_t ts, size_t te);
/* A news headline around the document: 《X》公布! */
bool parse_is_headline(const char *s, size_t ts, size_t te);

/* parse_organ.c: parse_is_organ_end() says whether an organ's name can end
 * at end (after 院 部 局 委 会 厅 署 府 室, 部门, 银行, not inside 会议 or
 * 部署); parse_organ_prefix() is the length of the longest organ's name,
 * three to forty Han characters, that s[start, end) starts with, or 0. */
bool parse_is_organ_end(const char *s, size_t len, size_t end);
size_t parse_organ_prefix(const char *s, size_t start, size_t end);

/* parse_meta.c: title, issuer, date, docno, published, topic, source.
 * Fills *m (strings the caller frees; "" for what the text does not say)
 * from the text s, its head h and the body's paragraphs. */
enum juan_status parse_meta(const char *s, const struct head_info *h,
    const struct para *paras, size_t npara, struct doc_meta *m);

/* parse_outline.c: the sections of the body s[0..len), whose paragraphs
 * are paras; *out: caller frees with sections_free().  *toc: how many
 * heading-like paragraphs were left out as a table of contents. */
enum juan_status parse_outline(const char *s, size_t len,
    const struct para *paras, size_t npara, struct section **out,
    size_t *n, size_t *toc);

#endif
