/* parse_outline: the headings of the body, their levels from nesting, and
 * their titles (OUTLINE.md, "Label families" to "Not part of the outline").
 *
 * One pass over the paragraphs: a heading is a label at a paragraph's start
 * (rules 1 and 2), or inside a paragraph after 。 or ； for 第X条 and its kin
 * (rule 3), or where the next label of the current numbering sequence
 * begins, or a deeper sequence opens, in run-together text (rule 4).
 * Lookaheads are bounded and titles are searched only up to the next
 * heading, so the pass is linear. */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/text.h"
#include "parse_private.h"

#define CP_PERIOD 0x3002 /* 。 */
#define CP_SEMI 0xFF1B   /* ； */
#define CP_COLON 0xFF1A  /* ： */
#define CP_COMMA 0xFF0C  /* ， */
#define CP_DUN 0x3001    /* 、 */
#define CP_EXCL 0xFF01   /* ！ */
#define CP_QUEST 0xFF1F  /* ？ */
#define CP_DI 0x7B2C     /* 第 */

#define LOOKAHEAD 16384 /* bytes a numbering sequence is searched ahead */
#define ITEM_SCAN 900   /* bytes an item is searched for its end */
#define TOC_LABEL 32    /* bytes of a table of contents label kept */
#define TOC_MIN 3       /* entries of a table of contents without 目录 */

enum zone {
	ZONE_TEXT,   /* the document's text */
	ZONE_ATTACH, /* an attachment list: 附件：1.… 2.… */
	ZONE_TOC,    /* a table of contents */
	ZONE_BOX,    /* a 专栏 box */
	ZONE_TABLE,  /* a flattened table, from its 序号 header row */
};

struct heading {
	size_t start;
	struct label lb;
	size_t title_start;
	size_t para_end;   /* the title ends here at the latest */
	size_t join_start; /* the rest of a heading broken by a line break */
	size_t join_end;
	int level;
};

struct outline {
	const char *s;
	size_t len;
	struct heading *h;
	size_t nh;
	size_t cap;
	struct {
		int rank;
		long value;
	} stack[9];
	int depth;
	long last[9]; /* the value of the last heading of each rank */
	bool in_enum[9]; /* an item of this rank was taken for an enumeration
			  * entry since the last heading of its rank */
	enum zone zone;
	unsigned table_ranks; /* the label families a table's rows use */
	char toc_first[TOC_LABEL];
	size_t toc_first_len;
	size_t toc_checked; /* paragraphs before this one are no run of a
			     * table of contents without 目录 */
	size_t toc_skipped; /* paragraphs left out as a table of contents */
};

static bool
is_term(uint32_t cp)
{
	return cp == CP_PERIOD || cp == CP_EXCL || cp == CP_QUEST ||
	    cp == '!' || cp == '?';
}

static bool
is_enum_sep(uint32_t cp)
{
	return cp == CP_SEMI || cp == ';' || cp == CP_COMMA || cp == ',' ||
	    cp == CP_DUN;
}

static bool
is_colon(uint32_t cp)
{
	return cp == CP_COLON || cp == ':';
}

/* Whitespace, and characters that copying from web pages leaves behind
 * and nobody sees: zero-width spaces, BOMs, private-use characters. */
static bool
invisible(uint32_t cp)
{
	return text_is_space(cp) || cp == '\n' || cp == '\r' ||
	    (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF ||
	    (cp >= 0xE000 && cp <= 0xF8FF);
}

/* Opening quotes before a label: a quoted amendment's items start with “
 * and are read as if it were not there. */
static bool
opening_quote(uint32_t cp)
{
	return cp == 0x201C || cp == 0x2018 || cp == 0x300C || cp == 0x300E;
}

/* The label continues the numbering of its family: of the heading of its
 * rank on the stack, or, for a child of the stack's top, of the last
 * heading of its rank (numbering that goes on across sections). */
static bool
successor(const struct outline *o, const struct label *lb, bool across)
{
	int i;

	for (i = 0; i < o->depth; i++)
		if (o->stack[i].rank == lb->rank)
			return o->stack[i].value + 1 == lb->value;
	return across && o->depth > 0 &&
	    lb->rank > o->stack[o->depth - 1].rank &&
	    o->last[lb->rank] > 0 && o->last[lb->rank] + 1 == lb->value;
}

static bool
rank_open(const struct outline *o, int rank)
{
	int i;

	for (i = 0; i < o->depth; i++)
		if (o->stack[i].rank == rank)
			return true;
	return false;
}

/* The label at the start of paragraph p: a numbered label, a decimal
 * outline number or an interview's question. */
static bool
para_label(const char *s, const struct para *p, struct label *lb)
{
	return parse_label_at(s, p->end, p->start, lb) ||
	    parse_decimal_at(s, p->end, p->start, lb) ||
	    parse_question_at(s, p->end, p->start, lb);
}

/* The last character before pos that is not whitespace; 0 at the start. */
static uint32_t
prev_visible(const char *s, size_t pos)
{
	uint32_t cp = 0;
	size_t n;

	while (pos > 0) {
		n = parse_prev(s, pos, &cp);
		if (!invisible(cp))
			return cp;
		pos -= n;
	}
	return 0;
}

/* Whether the item that starts at from, in a paragraph ending at end, is an
 * entry of an in-sentence enumeration: it ends with ； or ， rather than 。. */
static bool
item_is_enum(const char *s, size_t from, size_t end)
{
	size_t pos = from, stop, n;
	uint32_t cp;

	stop = end - from > ITEM_SCAN ? from + ITEM_SCAN : end;
	while (pos < stop) {
		n = text_next(s + pos, stop - pos, &cp);
		if (is_term(cp))
			return false;
		if (cp == CP_SEMI || cp == ';')
			return true;
		pos += n;
	}
	if (stop < end)
		return false;
	parse_prev(s, end, &cp);
	return is_enum_sep(cp);
}

/* A label cannot start right after a digit, a Chinese numeral or 第:
 * 12. holds no label 2., 十二、 no label 二、. */
static bool
inside_number(uint32_t pv)
{
	return parse_is_digit(pv) || parse_cn_digit(pv) >= 0 || pv == 0x5341 ||
	    pv == 0x767E || pv == 0x5343 || pv == CP_DI;
}

/* Whether the label lb at pos starts a numbering sequence: its successor
 * follows before any label of a higher family, and not after ；or ，. */
static bool
sequence_follows(const struct outline *o, size_t pos, const struct label *lb)
{
	const char *s = o->s;
	size_t stop, n;
	uint32_t cp, pv = 0;
	struct label nx;

	pos += lb->len;
	stop = o->len - pos > LOOKAHEAD ? pos + LOOKAHEAD : o->len;
	while (pos < stop) {
		n = text_next(s + pos, stop - pos, &cp);
		if (invisible(cp) || opening_quote(cp)) {
			pos += n;
			continue;
		}
		/* a character cut at stop reads as U+FFFD here, not below */
		if (!inside_number(pv) && (cp == TEXT_REPLACEMENT ||
		    parse_label_may_start(cp)) &&
		    parse_label_at(s, o->len, pos, &nx)) {
			if (nx.rank == lb->rank)
				return nx.value == lb->value + 1 &&
				    !is_enum_sep(pv);
			if (nx.rank < lb->rank)
				return false;
			pos += nx.len;
			pv = 0;
			continue;
		}
		pv = cp;
		pos += n;
	}
	return false;
}

static bool
push_heading(struct outline *o, size_t start, const struct label *lb,
    size_t end)
{
	struct heading *h;
	int i;

	h = array_reserve(o->h, &o->cap, o->nh + 1, sizeof *h);
	if (!h)
		return false;
	o->h = h;
	while (o->depth > 0 && o->stack[o->depth - 1].rank >= lb->rank)
		o->depth--;
	h = &o->h[o->nh++];
	h->start = start;
	h->lb = *lb;
	h->title_start = parse_skip_space(o->s, end, start + lb->len);
	h->para_end = end;
	h->join_start = h->join_end = 0;
	h->level = o->depth + 1;
	o->stack[o->depth].rank = lb->rank;
	o->stack[o->depth].value = lb->value;
	o->depth++;
	o->last[lb->rank] = lb->value;
	for (i = lb->rank; i < 9; i++)
		o->in_enum[i] = false;
	if (o->zone == ZONE_BOX)
		o->zone = ZONE_TEXT;
	return true;
}

/* A label at the start of paragraph p. */
static bool
start_ok(const struct outline *o, const struct para *p,
    const struct label *lb)
{
	uint32_t prev;

	if (lb->rank <= 3 || lb->form != LABEL_NUMBERED)
		return true;
	if (o->zone == ZONE_BOX)
		return successor(o, lb, true);
	if (p->line_start && rank_open(o, 3))
		return true; /* an article's items, each on its own line */
	prev = prev_visible(o->s, p->start);
	if (is_enum_sep(prev))
		return !o->in_enum[lb->rank] && successor(o, lb, false);
	if (is_colon(prev))
		return !item_is_enum(o->s, p->start + lb->len, p->end);
	return true;
}

/* Whether a label may start a numbering sequence inside a paragraph. */
static bool
may_open(const struct outline *o, size_t pos, const struct label *lb)
{
	return o->zone != ZONE_BOX && lb->value == 1 &&
	    !rank_open(o, lb->rank) && sequence_follows(o, pos, lb);
}

/* A label inside paragraph p at pos, after the visible character pv. */
static bool
runin_ok(const struct outline *o, const struct para *p, size_t pos,
    const struct label *lb, uint32_t pv)
{
	uint32_t next;

	if (inside_number(pv) || pv == 0x3001 || pv == CP_COMMA || pv == ',')
		return false;
	if (is_term(pv))
		return lb->rank <= 3 || successor(o, lb, true) ||
		    may_open(o, pos, lb);
	if (pv == CP_SEMI || pv == ';')
		return lb->rank <= 3;
	if (is_colon(pv))
		return lb->rank > 3 && may_open(o, pos, lb) &&
		    !item_is_enum(o->s, pos + lb->len, p->end);
	/* run-together text: the numbering goes on, or a deeper one opens */
	if (lb->rank <= 3) {
		if (lb->value != 1 || rank_open(o, lb->rank))
			return false;
		next = parse_cp_at(o->s, p->end, pos + lb->len);
		return text_is_space(next);
	}
	return successor(o, lb, true) || (o->depth > 0 &&
	    lb->rank > o->stack[o->depth - 1].rank && may_open(o, pos, lb) &&
	    !item_is_enum(o->s, pos + lb->len, p->end));
}

/* Rules 3 and 4: headings inside paragraph p, from pos on (pos is past
 * the paragraph's own label, if any). */
static bool
scan_runin(struct outline *o, const struct para *p, size_t pos)
{
	const char *s = o->s;
	uint32_t cp, pv;
	struct label lb;
	size_t n;

	pv = pos > p->start ? prev_visible(s, pos) : 0;
	while (pos < p->end) {
		n = text_next(s + pos, p->end - pos, &cp);
		/* most characters: a visible Han one that starts no label,
		 * not after the end of a sentence */
		if (cp >= 0x4E00 && cp <= 0x9FFF &&
		    !parse_label_may_start(cp) && !is_term(pv)) {
			pv = cp;
			pos += n;
			continue;
		}
		if (invisible(cp) || opening_quote(cp)) {
			pos += n;
			continue;
		}
		if (pos > p->start && ((parse_label_may_start(cp) &&
		    parse_label_at(s, p->end, pos, &lb) &&
		    runin_ok(o, p, pos, &lb, pv)) || (is_term(pv) &&
		    parse_question_at(s, p->end, pos, &lb)))) {
			if (!push_heading(o, pos, &lb, p->end))
				return false;
			pos += lb.len;
			parse_prev(s, pos, &pv);
			continue;
		}
		pv = cp;
		pos += n;
	}
	return true;
}

static bool
has_punct(const char *s, size_t start, size_t end)
{
	static const char *const marks[] = {
		CH_PERIOD, CH_COMMA, CH_COLON, CH_SEMI, "\xE3\x80\x81", ",",
		";", ":",
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (parse_find(s, start, end, marks[i]) < end)
			return true;
	return false;
}

/* A character no title ends with: the line broke in mid-phrase (…建设和 /
 * 治理能力现代化). */
static bool
dangling(uint32_t cp)
{
	static const uint32_t words[] = {
		0x548C, 0x4E0E, 0x53CA, 0x7684, 0x5E76, 0x5BF9, 0x5728, 0x4E3A,
		0x4EE5, 0x4E4B, 0x4E8E, 0x628A, 0x5C06, 0x6216,
	}; /* 和与及的并对在为以之于把将或 */
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (words[i] == cp)
			return true;
	return false;
}

/* A heading broken by a hard line break: its long title runs to the end of
 * its line and the next line holds a short unpunctuated piece followed by
 * the next label (第二章　防治船舶及其有关作业活动污染 /
 * 海洋环境的一般规定), or the title stops in mid-phrase (…建设和 /
 * 治理能力现代化). */
static bool
broken_heading(const struct outline *o, const struct para *paras,
    size_t npara, size_t i)
{
	const struct heading *h = &o->h[o->nh - 1];
	const struct para *p = &paras[i], *nx;
	struct label lb;
	uint32_t last;

	if (i + 1 >= npara || !p->line_end || p->end - h->title_start > 180 ||
	    !parse_chars_over(o->s, h->title_start, p->end, 9) ||
	    parse_find(o->s, h->title_start, p->end, CH_PERIOD) < p->end)
		return false;
	parse_prev(o->s, p->end, &last);
	if (!text_is_han(last))
		return false;
	nx = &paras[i + 1];
	if (!nx->line_start || parse_label_at(o->s, o->len, nx->start, &lb) ||
	    parse_chars_over(o->s, nx->start, nx->end, 20) ||
	    has_punct(o->s, nx->start, nx->end))
		return false;
	return i + 2 >= npara || dangling(last) ||
	    parse_label_at(o->s, o->len, paras[i + 2].start, &lb);
}

/* Where the two-character word a b (maybe letter-spaced: 目　录) ends when
 * paragraph p starts with it, else 0. */
static size_t
starts_with_word(const char *s, const struct para *p, uint32_t a, uint32_t b)
{
	size_t q;

	if (parse_cp_at(s, p->end, p->start) != a)
		return 0;
	q = parse_skip_space(s, p->end, p->start + 3);
	return parse_cp_at(s, p->end, q) == b ? q + 3 : 0;
}

/* The numbering after 附件 or 专栏 (1, 一, 12), then whitespace. */
static size_t
skip_number(const char *s, size_t end, size_t q)
{
	long v;

	q = parse_skip_space(s, end, q);
	q += parse_cn_number(s + q, end - q, 3, &v);
	while (q < end && parse_is_digit(parse_cp_at(s, end, q)))
		q += s[q] & 0x80 ? 3 : 1;
	return parse_skip_space(s, end, q);
}

/* A line that continues an attachment list's entry: a short piece of a
 * name wrapped onto its own line (…任务分工 / 表), not a label, a sentence, a
 * date or a new 附件 caption. */
static bool
attach_more(const char *s, const struct para *p)
{
	struct label lb;
	char date[11];
	size_t used;

	return p->line_start && !parse_chars_over(s, p->start, p->end, 40) &&
	    !parse_label_at(s, p->end, p->start, &lb) &&
	    !has_punct(s, p->start, p->end) &&
	    !parse_date_at(s, p->end, p->start, &used, date) &&
	    starts_with_word(s, p, 0x9644, 0x4EF6) == 0;
}

/* Attachment lists, tables of contents, 专栏 boxes and flattened tables.
 * Returns true when paragraph p is left out of the outline. */
static bool
skip_zone(struct outline *o, const struct para *p)
{
	const char *s = o->s;
	struct label lb;
	bool short_label;
	size_t q;

	short_label = para_label(s, p, &lb) &&
	    !parse_chars_over(s, p->start, p->end, 80) &&
	    parse_find(s, p->start, p->end, CH_PERIOD) >= p->end;
	if (o->zone == ZONE_ATTACH) {
		if ((short_label && lb.rank >= 5) || attach_more(s, p))
			return true;
		o->zone = ZONE_TEXT;
	}
	if (o->zone == ZONE_TOC) {
		if (!short_label) {
			o->zone = ZONE_TEXT;
		} else if (o->toc_first_len == 0) {
			o->toc_first_len = lb.len < TOC_LABEL ? lb.len :
			    TOC_LABEL;
			memcpy(o->toc_first, s + p->start, o->toc_first_len);
			o->toc_skipped++;
			return true;
		} else if (lb.len == o->toc_first_len &&
		    memcmp(o->toc_first, s + p->start, lb.len) == 0) {
			o->zone = ZONE_TEXT;
		} else {
			o->toc_skipped++;
			return true;
		}
	}
	if ((q = starts_with_word(s, p, 0x9644, 0x4EF6)) > 0) { /* 附件 */
		if (o->zone == ZONE_TABLE)
			o->zone = ZONE_TEXT;
		q = skip_number(s, p->end, q);
		if (is_colon(parse_cp_at(s, p->end, q))) {
			o->zone = ZONE_ATTACH;
			return true;
		}
	}
	if ((q = starts_with_word(s, p, 0x76EE, 0x5F55)) > 0) { /* 目录 */
		q = parse_skip_space(s, p->end, q);
		if (q < p->end && is_colon(parse_cp_at(s, p->end, q)))
			q = parse_skip_space(s, p->end,
			    q + (s[q] == ':' ? 1 : 3));
		if (q == p->end || parse_label_at(s, p->end, q, &lb)) {
			/* the entries may stand on the 目录 line itself */
			o->zone = ZONE_TOC;
			o->toc_first_len = q == p->end ? 0 :
			    lb.len < TOC_LABEL ? lb.len : TOC_LABEL;
			memcpy(o->toc_first, s + q, o->toc_first_len);
			return true;
		}
	}
	if ((q = starts_with_word(s, p, 0x4E13, 0x680F)) > 0 && /* 专栏 */
	    (skip_number(s, p->end, q) > q || q == p->end ||
	    is_colon(parse_cp_at(s, p->end, q)))) {
		o->zone = ZONE_BOX;
		return true;
	}
	if (starts_with_word(s, p, 0x5E8F, 0x53F7) > 0) { /* 序号 */
		o->zone = ZONE_TABLE;
		o->table_ranks = 0;
		return true;
	}
	if (o->zone == ZONE_TABLE && parse_label_at(s, p->end, p->start, &lb)) {
		/* the text goes on after the table with the numbering it left,
		 * unless the table's rows use that family themselves */
		if (!(o->table_ranks & 1u << lb.rank) && lb.rank <= 5 &&
		    successor(o, &lb, false)) {
			o->zone = ZONE_TEXT;
			return false;
		}
		o->table_ranks |= 1u << lb.rank;
	}
	return o->zone == ZONE_TABLE;
}

/* Whether paragraph p is a short heading alone: a label and a title
 * without 。. */
static bool
bare_heading(const char *s, const struct para *p)
{
	struct label lb;

	return p->end - p->start <= 80 * 4 && para_label(s, p, &lb) &&
	    !parse_chars_over(s, p->start, p->end, 80) &&
	    parse_find(s, p->start, p->end, CH_PERIOD) >= p->end;
}

static bool
same_para(const char *s, const struct para *a, const struct para *b)
{
	return a->end - a->start == b->end - b->start &&
	    memcmp(s + a->start, s + b->start, a->end - a->start) == 0;
}

/* A table of contents without a 目录 line: a run of at least TOC_MIN bare
 * headings from paragraph i on that the body then repeats (its first
 * paragraph after the run is the run's first).  Returns the paragraph after
 * the run, or i when there is none; each paragraph is looked at once. */
static size_t
toc_run(struct outline *o, const struct para *paras, size_t npara, size_t i)
{
	size_t j;

	if (i < o->toc_checked)
		return i;
	for (j = i; j < npara && bare_heading(o->s, &paras[j]); j++)
		if (j > i && same_para(o->s, &paras[i], &paras[j]))
			break;
	o->toc_checked = j;
	if (j - i >= TOC_MIN && j < npara &&
	    same_para(o->s, &paras[i], &paras[j]))
		return j;
	return i;
}

/* end: where the next heading of the same or a higher level starts.  The
 * open headings have increasing levels, at most 9 of them. */
static void
finish_ends(const struct outline *o, struct section *sec)
{
	size_t open[9], i;
	int nopen = 0;

	for (i = 0; i < o->nh; i++) {
		sec[i].end = o->len;
		while (nopen > 0 &&
		    o->h[open[nopen - 1]].level >= o->h[i].level)
			sec[open[--nopen]].end = o->h[i].start;
		if (nopen < 9)
			open[nopen++] = i;
	}
}

/* Where a question's title ends: after its first ？, else at 答：, else at
 * end. */
static size_t
question_end(const char *s, size_t start, size_t end)
{
	size_t q = parse_find(s, start, end, "？");

	if (q < end)
		return q + 3;
	q = parse_find(s, start, end, "?");
	if (q < end)
		return q + 1;
	end = parse_find(s, start, end, "答：");
	return parse_find(s, start, end, "答:");
}

static enum juan_status
build_sections(struct outline *o, struct section **out, size_t *n)
{
	struct section *sec;
	struct heading *h;
	struct pbuf b = { NULL, 0, 0, false };
	size_t i, te, cut;

	*out = NULL;
	*n = 0;
	if (o->nh == 0)
		return JUAN_OK;
	sec = calloc(o->nh, sizeof *sec);
	if (!sec)
		return JUAN_ENOMEM;
	for (i = 0; i < o->nh; i++) {
		h = &o->h[i];
		te = h->para_end;
		if (i + 1 < o->nh && o->h[i + 1].start < te &&
		    o->h[i + 1].start >= h->title_start)
			te = o->h[i + 1].start;
		te = h->lb.form == LABEL_QUESTION ?
		    question_end(o->s, h->title_start, te) :
		    parse_find(o->s, h->title_start, te, CH_PERIOD);
		/* an article's title is its first clause */
		cut = h->lb.rank == RANK_ARTICLE ?
		    parse_find(o->s, h->title_start, te, CH_COMMA) : te;
		if (cut < te) /* the rest of a broken line is not in it */
			h->join_start = h->join_end = 0;
		te = parse_rtrim(o->s, h->title_start, cut);
		pbuf_add(&b, o->s + h->title_start, te - h->title_start);
		pbuf_add(&b, o->s + h->join_start, h->join_end - h->join_start);
		sec[i].level = h->level;
		sec[i].rank = h->lb.rank;
		sec[i].start = h->start;
		sec[i].label = parse_dup(o->s + h->start, h->lb.len);
		sec[i].title = pbuf_take(&b);
		if (!sec[i].label || !sec[i].title) {
			sections_free(sec, i + 1);
			return JUAN_ENOMEM;
		}
	}
	finish_ends(o, sec);
	*out = sec;
	*n = o->nh;
	return JUAN_OK;
}

enum juan_status
parse_outline(const char *s, size_t len, const struct para *paras,
    size_t npara, struct section **out, size_t *n, size_t *toc)
{
	struct outline o;
	enum juan_status rc = JUAN_ENOMEM;
	const struct para *p;
	struct label lb;
	size_t i, from;
	bool labelled;

	memset(&o, 0, sizeof o);
	o.s = s;
	o.len = len;
	for (i = 0; i < npara; i++) {
		if (o.zone == ZONE_TEXT && (from = toc_run(&o, paras, npara,
		    i)) > i) {
			o.toc_skipped += from - i;
			i = from;
		}
		p = &paras[i];
		if (skip_zone(&o, p))
			continue;
		from = p->start;
		labelled = para_label(s, p, &lb);
		if (labelled && !start_ok(&o, p, &lb)) {
			o.in_enum[lb.rank] = true;
		} else if (labelled) {
			if (!push_heading(&o, p->start, &lb, p->end))
				goto done;
			from = p->start + lb.len;
			if (broken_heading(&o, paras, npara, i)) {
				o.h[o.nh - 1].join_start = paras[i + 1].start;
				o.h[o.nh - 1].join_end = paras[i + 1].end;
				if (!scan_runin(&o, p, from))
					goto done;
				i++;
				continue;
			}
		}
		if (!scan_runin(&o, p, from))
			goto done;
	}
	rc = build_sections(&o, out, n);
	*toc = o.toc_skipped;
done:
	free(o.h);
	return rc;
}

void
sections_free(struct section *sections, size_t n)
{
	size_t i;

	if (!sections)
		return;
	for (i = 0; i < n; i++) {
		free(sections[i].label);
		free(sections[i].title);
	}
	free(sections);
}
