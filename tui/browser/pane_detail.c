/* pane_detail: the text of the selected document — its metadata block, then
 * its body wrapped at the pane's width by display columns with Chinese line
 * breaking (text_wrap), headings emphasised and search hits highlighted.
 * The body is laid out for reading without rewriting it: a paragraph marked
 * only by a run of spaces inside a line (a document stored as one line)
 * starts a line, so does each heading the outline found, and a run of layout
 * spaces (a signature padded with dozens of U+3000) shows as one indent.
 * Under the theme the metadata block shows juan's suggestion for the
 * document (suggestion.h), computed when the block is built.
 * It rebuilds lazily: an event marks it (PANE_RECALC), and the body is
 * read and wrapped once, when the pane is next refreshed.  It scrolls to
 * the section EV_SECTION names, and sends EV_MARK with the section under
 * its top line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "juan/array.h"
#include "juan/sanitize.h"
#include "juan/search.h"
#include "juan/text.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/ui.h"

enum line_kind {
	LINE_TITLE,
	LINE_META,
	LINE_RULE,
	LINE_BODY,
};

struct line {
	enum line_kind kind;
	const char *s;
	size_t len;
	size_t off;     /* LINE_BODY: offset in the body */
	long section;   /* the section the line belongs to, -1: none */
	bool field;     /* LINE_META: the first line of a field */
};

struct detail {
	char *meta;        /* the metadata block as text */
	struct line *lines;
	size_t n;
	size_t cap;
	size_t first_body; /* index of the first LINE_BODY */
	struct text_span *hits;
	size_t nhits;
	struct text_span *heads; /* the sections' headings, in order */
	size_t nheads;
	size_t heads_cap;
	long hit;          /* the hit jumped to last, -1: none */
	char *rule;        /* a line of ─ as wide as the pane */
	bool reset;        /* the next recalc shows another document (or the
			    * same anew) from its top; else only the width
			    * changed, and the top line stays */
};

static struct detail *
detail_of(struct pane *p)
{
	return p->priv;
}

static size_t
rows(struct pane *p)
{
	return detail_of(p)->n;
}

static bool
push_line(struct detail *d, struct line l)
{
	struct line *grown = array_reserve(d->lines, &d->cap, d->n + 1,
					   sizeof(*grown));

	if (grown == NULL)
		return false;
	d->lines = grown;
	d->lines[d->n++] = l;
	return true;
}

/* Appends "label：value\n" to the metadata text at *used. */
static void
add_field(char *buf, size_t size, size_t *used, const char *label,
	  const char *value)
{
	int w;

	if (value == NULL || value[0] == '\0' || *used >= size)
		return;
	w = snprintf(buf + *used, size - *used, "%s%s%s\n", label,
		     label[0] ? "：" : "", value);
	if (w > 0)
		*used += (size_t)w < size - *used ? (size_t)w : size - *used - 1;
}

/* "2024-05-06 12:30:00" UTC as local time with its offset, into buf
 * ("2024-05-06 20:30:00+08:00"); the text itself when it is not a time. */
static void
local_time(const char *utc, char *buf, size_t size)
{
	struct tm tm = { 0 };
	time_t t;
	char off[8];

	if (sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon,
		   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(buf, size, "%s", utc);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(off, sizeof(off), "%z", &tm) != 5) {
		snprintf(buf, size, "%s UTC", utc);
		return;
	}
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d%.3s:%s",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, off, off + 3);
}

/* The secondary themes, "、"-joined; caller frees. */
static char *
secondaries(const struct doc_info *in)
{
	size_t size = 1, i;
	char *s;

	for (i = 0; i < in->nsecondary; i++)
		size += strlen(in->secondary[i]) + 3;
	s = malloc(size);
	if (s == NULL)
		return NULL;
	s[0] = '\0';
	for (i = 0; i < in->nsecondary; i++) {
		if (i)
			strcat(s, "、");
		strcat(s, in->secondary[i]);
	}
	return s;
}

static const char *const state_label[] = {
	[TAG_STATE_NONE_SET] = "",
	[TAG_STATE_NONE] = "none applies（无适用主题）",
	[TAG_STATE_UNSURE] = "unsure（待复核）",
};

/* The other coders' codings, one line each: "[N] label：theme · state ·
 * note", numbered as `@` then N adopts them; each part sanitised to one
 * line. */
static void
add_codings(char *buf, size_t size, size_t *used,
	    const struct coding_list *l)
{
	char label[300], value[1200];
	char *who, *theme, *note;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct coding *c = &l->v[i];

		who = sanitize_dup(c->label, strlen(c->label), SANITIZE_LINE);
		theme = sanitize_dup(c->theme, strlen(c->theme), SANITIZE_LINE);
		note = sanitize_dup(c->note, strlen(c->note), SANITIZE_LINE);
		if (who != NULL && theme != NULL && note != NULL) {
			snprintf(label, sizeof(label), "编码 [%zu] %s", i + 1,
				 who);
			snprintf(value, sizeof(value), "%s%s%s%s",
				 theme[0] ? theme :
				 strcmp(c->state, "none") == 0 ?
				 "none applies（无适用主题）" : "（未标注）",
				 strcmp(c->state, "unsure") == 0 ?
				 " · unsure（待复核）" : "",
				 note[0] ? " · 备注：" : "", note);
			add_field(buf, size, used, label, value);
		}
		free(who);
		free(theme);
		free(note);
	}
}

/* The room the codings' lines take. */
static size_t
codings_size(const struct coding_list *l)
{
	size_t size = 0, i;

	for (i = 0; i < l->n; i++)
		size += 3 * (strlen(l->v[i].label) + strlen(l->v[i].theme) +
			     strlen(l->v[i].note)) + 200;
	return size;
}

static char *
meta_text(struct app *app, const struct current *doc, size_t *title_len)
{
	const struct doc_info *in = &doc->info;
	size_t size, used = 0;
	char *buf, *second, *doubts, theme[600], when[64], suggested[400];
	char more[400];

	second = secondaries(in);
	doubts = parse_doubts_line(in->doubts);
	if (second == NULL || doubts == NULL) {
		free(second);
		free(doubts);
		return NULL;
	}
	app_suggest_line(app, suggested, sizeof(suggested), more, sizeof(more));
	size = strlen(suggested) + strlen(more) + strlen(in->title) +
	       strlen(in->issuer) + strlen(in->docno) +
	       strlen(in->date) + strlen(in->topic) + strlen(in->theme_name) +
	       strlen(in->theme_parent) + strlen(second) + strlen(in->note) +
	       strlen(in->coder) + strlen(in->path) + strlen(doubts) + 1024 +
	       codings_size(&doc->codings);
	buf = malloc(size);
	if (buf == NULL) {
		free(second);
		free(doubts);
		return NULL;
	}
	buf[0] = '\0';
	add_field(buf, size, &used, "", in->title[0] ? in->title : in->path);
	*title_len = used;
	add_field(buf, size, &used, "发文机关", in->issuer);
	add_field(buf, size, &used, "发文字号", in->docno);
	add_field(buf, size, &used, "成文日期", in->date);
	add_field(buf, size, &used, "主题分类", in->topic);
	add_field(buf, size, &used, "解析存疑", doubts);
	if (in->theme_id != 0 && in->theme_retired)
		snprintf(theme, sizeof(theme), "%s（已停用 retired）",
			 in->theme_name);
	else if (in->theme_id != 0)
		snprintf(theme, sizeof(theme), "[%c] %s%s%s%s", in->theme_key,
			 in->theme_name, in->theme_parent[0] ? "（" : "",
			 in->theme_parent, in->theme_parent[0] ? "）" : "");
	else
		snprintf(theme, sizeof(theme), "（未标注）");
	add_field(buf, size, &used, "标注主题", theme);
	add_field(buf, size, &used, "建议", suggested);
	add_field(buf, size, &used, "次选", more);
	add_field(buf, size, &used, "次要主题", second);
	add_field(buf, size, &used, "审读状态", state_label[in->state]);
	add_field(buf, size, &used, "备注", in->note);
	add_field(buf, size, &used, "标注人", in->coder);
	if (in->tagged_at[0] != '\0') {
		local_time(in->tagged_at, when, sizeof(when));
		add_field(buf, size, &used, "标注时间", when);
	}
	add_codings(buf, size, &used, &doc->codings);
	if (used > 0 && buf[used - 1] == '\n')
		buf[--used] = '\0';
	free(second);
	free(doubts);
	return buf;
}

/* Where query hits the body, as the index matches it (search_text_hits). */
static void
find_hits(struct pane *p, struct detail *d, const struct current *doc,
	  const char *query)
{
	free(d->hits);
	d->hits = NULL;
	d->nhits = 0;
	if (query == NULL || doc->body == NULL)
		return;
	if (search_text_hits(doc->body, doc->len, query, &d->hits,
			     &d->nhits) != JUAN_OK)
		app_error(p->app, "%s", juan_strstatus(JUAN_ENOMEM));
}

/* The bytes of section s's heading in the body: its label and title, and a
 * 。 right after them; to the end of the line when the body does not hold
 * them at the section's start. */
static struct text_span
heading_span(const struct current *doc, const struct section *s)
{
	struct text_span h = { s->start, 0 };
	size_t label = strlen(s->label), title = strlen(s->title), end;

	if (s->start > doc->len)
		return h;
	if (label + title <= doc->len - s->start &&
	    memcmp(doc->body + s->start, s->label, label) == 0 &&
	    memcmp(doc->body + s->start + label, s->title, title) == 0) {
		end = s->start + label + title;
		if (doc->len - end >= 3 && memcmp(doc->body + end, "。", 3) == 0)
			end += 3;
	} else {
		end = s->start;
		while (end < doc->len && doc->body[end] != '\n')
			end++;
	}
	h.len = end - s->start;
	return h;
}

/* The headings of the current document's sections. */
static void
find_heads(struct detail *d, const struct current *doc)
{
	struct text_span *grown;
	size_t i;

	d->nheads = 0;
	if (doc->body == NULL || doc->nsections == 0)
		return;
	grown = array_reserve(d->heads, &d->heads_cap, doc->nsections,
			      sizeof(*grown));
	if (grown == NULL)
		return;
	d->heads = grown;
	for (i = 0; i < doc->nsections; i++)
		d->heads[d->nheads++] = heading_span(doc, &doc->sections[i]);
}

/* A run of spaces this wide inside a line, with an ideographic space in
 * it, marks a paragraph; one at a line's start wider than INDENT is layout. */
#define MARK_COLS 4
#define INDENT "\xE3\x80\x80\xE3\x80\x80" /* 　　 */

/* The end of the run of spaces at body[p..end), its width in *cols and
 * whether it holds an U+3000 in *ideo. */
static size_t
space_run(const char *s, size_t end, size_t p, int *cols, bool *ideo)
{
	uint32_t cp;
	size_t n;

	*cols = 0;
	*ideo = false;
	while (p < end && (n = text_next(s + p, end - p, &cp)) &&
	       text_is_space(cp)) {
		*cols += text_cp_width(cp);
		*ideo = *ideo || cp == 0x3000;
		p += n;
	}
	return p;
}

/* Where a line that starts after the run of spaces [a, b) begins: at the
 * run's last two characters when they are an indent of U+3000, else after
 * the run. */
static size_t
indent_start(const char *s, size_t a, size_t b)
{
	size_t len = strlen(INDENT);

	if (b - a >= len && memcmp(s + b - len, INDENT, len) == 0)
		return b - len;
	return b;
}

/* Wraps body[start, end) into lines of the pane. */
static bool
push_segment(struct detail *d, const struct current *doc, size_t start,
	     size_t end, int cols, size_t *sec, long *cur)
{
	struct text_line *tl = NULL;
	struct line l;
	size_t nl, i;

	nl = text_wrap(doc->body + start, end - start, cols, &tl);
	if (nl == (size_t)-1)
		return false;
	for (i = 0; i < nl; i++) {
		memset(&l, 0, sizeof(l));
		l.kind = LINE_BODY;
		l.off = start + tl[i].off;
		l.s = doc->body + l.off;
		l.len = tl[i].len;
		while (*sec < doc->nsections &&
		       doc->sections[*sec].start < l.off + (l.len ? l.len : 1))
			*cur = (long)(*sec)++;
		l.section = *cur;
		if (!push_line(d, l)) {
			free(tl);
			return false;
		}
	}
	free(tl);
	return true;
}

/* Lays out the line body[ls, le) (no '\n' in it) as paragraphs: a new
 * paragraph at each mark (a run of spaces MARK_COLS wide with an U+3000)
 * and before each heading; layout runs shown as one indent. */
static bool
push_para_line(struct detail *d, const struct current *doc, size_t ls,
	       size_t le, int cols, size_t *sec, long *cur, size_t *head)
{
	const char *s = doc->body;
	size_t p, start, b, n;
	uint32_t cp;
	int rc;
	bool ideo;

	b = space_run(s, le, ls, &rc, &ideo);
	start = rc > MARK_COLS ? indent_start(s, ls, b) : ls;
	p = b;
	while (p < le) {
		while (*head < doc->nsections &&
		       doc->sections[*head].start < p)
			(*head)++;
		if (*head < doc->nsections && doc->sections[*head].start == p &&
		    !text_is_blank(s + start, p - start)) {
			if (!push_segment(d, doc, start, p, cols, sec, cur))
				return false;
			start = p;
		}
		n = text_next(s + p, le - p, &cp);
		if (!text_is_space(cp)) {
			p += n;
			continue;
		}
		b = space_run(s, le, p, &rc, &ideo);
		if (b < le && ideo && rc >= MARK_COLS) {
			if (!push_segment(d, doc, start, p, cols, sec, cur))
				return false;
			start = indent_start(s, p, b);
		}
		p = b;
	}
	return push_segment(d, doc, start, le, cols, sec, cur);
}

static void
clear_lines(struct detail *d)
{
	free(d->lines);
	free(d->meta);
	free(d->rule);
	d->lines = NULL;
	d->meta = NULL;
	d->rule = NULL;
	d->n = 0;
	d->cap = 0;
	d->first_body = 0;
}

/* Builds the lines for the current document at the pane's width. */
static void
build(struct pane *p)
{
	struct detail *d = detail_of(p);
	const struct current *doc = app_doc(p->app);
	struct text_line *tl = NULL;
	struct line l;
	size_t title_len = 0, nl, i, sec = 0, head = 0, ls, le;
	long cur = -1;
	int cols = p->w - 2;

	clear_lines(d);
	if (doc->id == 0 || cols < 2)
		return;
	d->meta = meta_text(p->app, doc, &title_len);
	d->rule = malloc((size_t)cols * 3 + 1);
	if (d->meta == NULL || d->rule == NULL)
		return;
	for (i = 0; i < (size_t)cols; i++)
		memcpy(d->rule + 3 * i, "\xE2\x94\x80", 3);
	d->rule[3 * (size_t)cols] = '\0';
	nl = text_wrap(d->meta, strlen(d->meta), cols, &tl);
	if (nl == (size_t)-1)
		return;
	for (i = 0; i < nl; i++) {
		memset(&l, 0, sizeof(l));
		l.kind = tl[i].off < title_len ? LINE_TITLE : LINE_META;
		l.s = d->meta + tl[i].off;
		l.len = tl[i].len;
		l.section = -1;
		l.field = tl[i].off == 0 || d->meta[tl[i].off - 1] == '\n';
		if (!push_line(d, l))
			goto done;
	}
	free(tl);
	tl = NULL;
	memset(&l, 0, sizeof(l));
	l.kind = LINE_RULE;
	l.s = d->rule;
	l.len = 3 * (size_t)cols;
	l.section = -1;
	if (!push_line(d, l))
		goto done;
	d->first_body = d->n;
	if (doc->body == NULL)
		goto done;
	p->app->counters.bodies_wrapped++;
	for (ls = 0; ls < doc->len; ls = le + 1) {
		le = ls;
		while (le < doc->len && doc->body[le] != '\n')
			le++;
		if (!push_para_line(d, doc, ls, le, cols, &sec, &cur, &head))
			goto done;
	}
	if (doc->len == 0)
		push_segment(d, doc, 0, 0, cols, &sec, &cur);
done:
	free(tl);
}

/* Whether body offset pos lies in one of spans[0..n) (sorted by offset):
 * true with *next at that span's end, else false with *next at the start
 * of the next span (SIZE_MAX: none). */
static bool
span_at(const struct text_span *spans, size_t n, size_t pos, size_t *next)
{
	size_t i;

	*next = SIZE_MAX;
	for (i = 0; i < n; i++) {
		if (spans[i].off + spans[i].len <= pos)
			continue;
		if (spans[i].off <= pos) {
			*next = spans[i].off + spans[i].len;
			return true;
		}
		*next = spans[i].off;
		return false;
	}
	return false;
}

/* A line of the body in pieces: search hits (the one n or N went to as
 * the cursor) over headings over the rest. */
static void
draw_body(struct pane *p, int y, const struct line *l)
{
	struct detail *d = detail_of(p);
	size_t pos = l->off, end = l->off + l->len, stop, hit_next, head_next;
	bool in_hit, in_head;
	enum element el;
	int x = 1, room = p->w - 2;

	while (pos < end) {
		in_hit = span_at(d->hits, d->nhits, pos, &hit_next);
		in_head = span_at(d->heads, d->nheads, pos, &head_next);
		stop = end;
		if (hit_next < stop)
			stop = hit_next;
		if (head_next < stop)
			stop = head_next;
		el = in_hit ? EL_HIT : in_head ? EL_HEADING : EL_NORMAL;
		if (in_hit && d->hit >= 0 && pos >= d->hits[d->hit].off &&
		    pos < d->hits[d->hit].off + d->hits[d->hit].len)
			el = EL_CURSOR;
		x += draw_text(p->canvas, y, x, l->s + (pos - l->off), stop - pos,
			       room - (x - 1), el, false);
		pos = stop;
	}
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	const struct line *l = &detail_of(p)->lines[row];
	const char *colon;
	size_t label;
	int x = 1;

	(void)cursor;
	switch (l->kind) {
	case LINE_TITLE:
		draw_text(p->canvas, y, 1, l->s, l->len, p->w - 2, EL_TITLE, false);
		break;
	case LINE_META:
		colon = l->field ? memmem(l->s, l->len, "：", 3) : NULL;
		label = colon ? (size_t)(colon - l->s) + 3 : 0;
		x += draw_text(p->canvas, y, x, l->s, label, p->w - 2, EL_LABEL,
			       false);
		draw_text(p->canvas, y, x, l->s + label, l->len - label,
			  p->w - 1 - x, EL_NORMAL, false);
		break;
	case LINE_RULE:
		draw_text(p->canvas, y, 1, l->s, l->len, p->w - 2, EL_BORDER, false);
		break;
	case LINE_BODY:
		draw_body(p, y, l);
		break;
	}
}

static void
select_top(struct pane *p)
{
	struct detail *d = detail_of(p);
	long sec = -1;

	if (p->top < d->n)
		sec = d->lines[p->top].section;
	app_notify(p->app, EV_MARK, 0, sec);
}

/* The line that holds body offset off. */
static size_t
line_of(struct detail *d, size_t off)
{
	size_t lo = d->first_body, hi = d->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->lines[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Another document, or the same anew: from its top. */
static void
rebuild(struct pane *p)
{
	struct detail *d = detail_of(p);
	const struct current *doc = app_doc(p->app);

	find_hits(p, d, doc, p->app->filter.search);
	find_heads(d, doc);
	d->hit = -1;
	build(p);
	p->top = 0;
	pane_clamp(p);
	select_top(p);
}

/* Another width: the same top line of the body, wrapped anew. */
static void
rewrap(struct pane *p)
{
	struct detail *d = detail_of(p);
	size_t off = 0;
	bool in_body = p->top >= d->first_body && p->top < d->n &&
		       d->first_body < d->n;

	if (in_body)
		off = d->lines[p->top].off;
	build(p);
	if (in_body && d->first_body < d->n)
		p->top = line_of(d, off);
	pane_clamp(p);
}

static void
recalc(struct pane *p)
{
	struct detail *d = detail_of(p);

	if (d->reset)
		rebuild(p);
	else
		rewrap(p);
	d->reset = false;
}

/* Scrolls to section idx of the document. */
static void
show_section(struct pane *p, size_t idx)
{
	struct detail *d = detail_of(p);
	size_t i;

	pane_refresh(p);
	for (i = d->first_body; i < d->n; i++) {
		if (d->lines[i].section >= (long)idx) {
			pane_scroll_to(p, i);
			return;
		}
	}
}

/* Jumps to the next (dir > 0) or previous search hit: the status line
 * says which, or that there is none. */
static void
jump_hit(struct pane *p, int dir)
{
	struct detail *d = detail_of(p);
	size_t line;
	long i;

	if (d->nhits == 0 || d->first_body >= d->n) {
		app_message(p->app, p->app->filter.search ?
			    "no hits in this document" : "no search: / searches");
		return;
	}
	if (d->hit < 0) {
		for (i = 0; i < (long)d->nhits; i++)
			if (line_of(d, d->hits[i].off) >= p->top)
				break;
		if (dir < 0)
			i--;
	} else {
		i = d->hit + dir;
	}
	if (i < 0)
		i = (long)d->nhits - 1;
	if (i >= (long)d->nhits)
		i = 0;
	d->hit = i;
	pane_mark(p, PANE_REPAINT);
	line = line_of(d, d->hits[i].off);
	pane_scroll_to(p, line > 2 ? line - 2 : 0);
	app_message(p->app, "hit %ld/%zu", i + 1, d->nhits);
}

static void
event(struct pane *p, struct event *ev)
{
	struct detail *d = detail_of(p);

	switch (ev->kind) {
	case EV_DOC_CHANGED:
		if (ev->id != 0 && ev->id != app_doc_id(p->app))
			break;
		/* fall through */
	case EV_DOC:
	case EV_LIST:
		d->reset = true;
		pane_mark(p, PANE_RECALC);
		break;
	case EV_SIZE:
	case EV_SUGGEST:
		pane_mark(p, PANE_RECALC);
		break;
	case EV_SECTION:
		show_section(p, (size_t)ev->index);
		break;
	case EV_HIT:
		pane_refresh(p);
		jump_hit(p, (int)ev->index);
		ev->taken = true;
		break;
	default:
		break;
	}
}

static void
close_detail(struct pane *p)
{
	struct detail *d = detail_of(p);

	clear_lines(d);
	free(d->hits);
	free(d->heads);
}

static void
open_detail(struct pane *p)
{
	detail_of(p)->hit = -1;
}

const struct pane_ops pane_detail_ops = {
	.name = "text",
	.private_size = sizeof(struct detail),
	.open = open_detail,
	.rows = rows,
	.draw_row = draw_row,
	.select = select_top,
	.event = event,
	.recalc = recalc,
	.close = close_detail,
};
