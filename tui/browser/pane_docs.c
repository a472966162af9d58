/* pane_docs: the list of documents and which document is selected (it
 * tells the app, app_select_doc()).
 *
 * A row shows, left to right: the bulk mark (*), the state mark (- none
 * applies, ? unsure), then the columns id, date, issuer, docno, title and
 * theme (its name, +N for secondary themes; ~ and juan's suggestion for a
 * document that needs work).  Each column is shown when the
 * width allows, in this priority order: the title always (it gets the room
 * that is left, at least TITLE_MIN columns), then the theme, the date, the
 * issuer, the id and the docno.  When the issuer is shown, a title that
 * starts with it drops it; a document without a title shows its file name
 * and the first words of its text.  Widths are display columns.
 *
 * The list is an array of ids (store_list_ids, once per filter); a row's
 * metadata is fetched only when the row is drawn, through a small cache, so
 * the pane costs the same with five documents or 100,000. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "juan/browser/marks.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/ui.h"

#define CACHE_SIZE 256 /* more than the rows of any screen */
#define SCAN_LIMIT 5000 /* rows looked at for the next untagged one */
#define TITLE_MIN 16  /* the title never has less room than this... */
#define TITLE_ROOMY 40 /* ...and columns grow while it keeps this much */
#define HEAD_BYTES 120 /* the text read for a document without a title */

enum column { COL_ID, COL_DATE, COL_ISSUER, COL_DOCNO, COL_TITLE, COL_THEME,
	      COL_COUNT };

/* The columns but the title in the order they give way, last first. */
static const enum column priority[] = { COL_THEME, COL_DATE, COL_ISSUER,
					COL_ID, COL_DOCNO };

/* Each column's narrowest and widest (the id's: the widest id's digits). */
static const int col_min[COL_COUNT] = { 1, 10, 12, 12, TITLE_MIN, 6 };
static const int col_max[COL_COUNT] = { 1, 10, 20, 20, 0, 14 };

struct cached {
	int64_t id; /* 0: empty slot */
	struct doc_info info;
	char *head; /* an untitled document's file name and first words */
};

struct docs {
	int64_t *ids;
	size_t n;
	int id_cols; /* digits of the widest id listed */
	struct cached cache[CACHE_SIZE];
};

static struct docs *
docs_of(struct pane *p)
{
	return p->priv;
}

static void
slot_clear(struct cached *c)
{
	if (c->id != 0)
		doc_info_clear(&c->info);
	free(c->head);
	c->head = NULL;
	c->id = 0;
}

static void
cache_clear(struct docs *d)
{
	size_t i;

	for (i = 0; i < CACHE_SIZE; i++)
		slot_clear(&d->cache[i]);
}

/* "NAME first words of the text" for a document without a title: the file
 * name (not its directory) and the start of the body, blanks folded.
 * Caller frees; NULL when out of memory. */
static char *
untitled_head(struct pane *p, const struct doc_info *info)
{
	const char *base = strrchr(info->path, '/');
	char *body = NULL, *out;
	size_t len = 0, i, o;
	bool blank, last_blank = true;

	base = base ? base + 1 : info->path;
	if (store_doc_body(p->app->store, info->id, &body, &len) != JUAN_OK)
		len = 0;
	if (len > HEAD_BYTES)
		len = text_fit(body, len, HEAD_BYTES, NULL);
	out = malloc(strlen(base) + len + 2);
	if (out != NULL) {
		o = (size_t)sprintf(out, "%s ", base);
		for (i = 0; i < len; i++) {
			blank = body[i] != '\0' && strchr(" \t\r\n", body[i]);
			if (!blank)
				out[o++] = body[i];
			else if (!last_blank)
				out[o++] = ' ';
			last_blank = blank;
		}
		while (o > 0 && out[o - 1] == ' ')
			o--;
		out[o] = '\0';
	}
	free(body);
	return out;
}

/* The cached row of document id, reading it when it is not there; NULL if
 * the store has no such document.  Borrowed until the next call. */
static struct cached *
row_of(struct pane *p, int64_t id)
{
	struct cached *c = &docs_of(p)->cache[(uint64_t)id % CACHE_SIZE];

	if (c->id == id)
		return c;
	slot_clear(c);
	if (store_doc_info(p->app->store, id, &c->info) != JUAN_OK)
		return NULL;
	c->id = id;
	if (c->info.title[0] == '\0')
		c->head = untitled_head(p, &c->info);
	return c;
}

/* The metadata of document id, borrowed until the next call; NULL if the
 * store has no such document. */
static const struct doc_info *
info_of(struct pane *p, int64_t id)
{
	struct cached *c = row_of(p, id);

	return c ? &c->info : NULL;
}

/* The widths of the columns shown in a pane w columns wide (0: hidden),
 * into cols[COL_COUNT]; the title gets what is left. */
static void
layout_columns(int w, int id_cols, int cols[COL_COUNT])
{
	int room = w - 2 - TITLE_MIN, want, add;
	size_t i;

	memset(cols, 0, COL_COUNT * sizeof(cols[0]));
	for (i = 0; i < sizeof(priority) / sizeof(priority[0]); i++) {
		enum column c = priority[i];
		int min = c == COL_ID ? id_cols : col_min[c];

		if (min + 1 > room)
			break;
		cols[c] = min;
		room -= min + 1;
	}
	/* room is now what the title has beyond TITLE_MIN */
	for (i = 0; i < sizeof(priority) / sizeof(priority[0]); i++) {
		enum column c = priority[i];

		if (cols[c] == 0 || c == COL_ID)
			continue;
		want = col_max[c] - cols[c];
		add = room - (TITLE_ROOMY - TITLE_MIN);
		if (add > want)
			add = want;
		if (add > 0) {
			cols[c] += add;
			room -= add;
		}
	}
	cols[COL_TITLE] = TITLE_MIN + room;
}

static int
digits(int64_t n)
{
	int d = 1;

	for (; n >= 10; n /= 10)
		d++;
	return d;
}

/* The title to show: the file name and first words when there is none;
 * without the issuer it starts with (and the blanks after it) when the
 * issuer column, issuer_cols wide, shows the whole issuer. */
static const char *
title_of(const struct cached *c, int issuer_cols)
{
	const char *t = c->info.title, *rest;
	size_t n = strlen(c->info.issuer);

	if (t[0] == '\0')
		return c->head ? c->head : c->info.path;
	if (n == 0 || strncmp(t, c->info.issuer, n) != 0 ||
	    text_width(c->info.issuer, n) > issuer_cols)
		return t;
	for (rest = t + n; *rest == ' ' || strncmp(rest, "\u3000", 3) == 0;)
		rest += *rest == ' ' ? 1 : 3;
	return *rest != '\0' ? rest : t;
}

/* The theme cell: the main theme's name, +N for N secondary themes; for a
 * document that needs work, ~ and juan's suggestion (suggestion.h). */
static void
draw_theme(struct pane *p, int y, int x, int cols, const struct doc_info *info,
	   enum element el, bool cursor)
{
	const struct suggestion *s;
	char more[24] = "";
	int mw;

	if (info->theme_id == 0 && info->state == TAG_STATE_NONE_SET &&
	    (s = app_suggest_row(p->app, info->id)) != NULL) {
		x += draw_str(p->canvas, y, x, "~", 1, el);
		draw_str(p->canvas, y, x, s->name, cols - 1,
			 cursor ? el : EL_LABEL);
		return;
	}
	if (info->nsecondary > 0)
		snprintf(more, sizeof(more), "+%zu", info->nsecondary);
	mw = (int)strlen(more);
	x += draw_str(p->canvas, y, x, info->theme_name, cols - mw, el);
	draw_str(p->canvas, y, x, more, mw, el);
}

static size_t
rows(struct pane *p)
{
	return docs_of(p)->n;
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	struct cached *c = row_of(p, docs_of(p)->ids[row]);
	const struct doc_info *info;
	enum element bg = pane_row_element(p, cursor);
	int cols[COL_COUNT], x = 2;
	char num[24];

	draw_fill(p->canvas, y, 0, -1, bg);
	if (c == NULL) {
		draw_str(p->canvas, y, 2, "?", p->w - 2, bg);
		return;
	}
	info = &c->info;
	if (marks_has(&p->app->marks, info->id))
		draw_str(p->canvas, y, 0, "*", 1, cursor ? bg : EL_MARK);
	if (info->state != TAG_STATE_NONE_SET)
		draw_str(p->canvas, y, 1, info->state == TAG_STATE_NONE ? "-" : "?",
			 1, cursor ? bg : EL_MARK);
	layout_columns(p->w, docs_of(p)->id_cols, cols);
	if (cols[COL_ID]) {
		snprintf(num, sizeof(num), "%*lld", cols[COL_ID],
			 (long long)info->id);
		draw_str(p->canvas, y, x, num, cols[COL_ID], cursor ? bg : EL_LABEL);
		x += cols[COL_ID] + 1;
	}
	if (cols[COL_DATE]) {
		draw_str(p->canvas, y, x, info->date, cols[COL_DATE],
			 cursor ? bg : EL_DATE);
		x += cols[COL_DATE] + 1;
	}
	if (cols[COL_ISSUER]) {
		draw_str(p->canvas, y, x, info->issuer, cols[COL_ISSUER],
			 cursor ? bg : EL_ISSUER);
		x += cols[COL_ISSUER] + 1;
	}
	if (cols[COL_DOCNO]) {
		draw_str(p->canvas, y, x, info->docno, cols[COL_DOCNO],
			 cursor ? bg : EL_LABEL);
		x += cols[COL_DOCNO] + 1;
	}
	draw_str(p->canvas, y, x, title_of(c, cols[COL_ISSUER]),
		 cols[COL_TITLE], bg);
	x += cols[COL_TITLE] + 1;
	if (cols[COL_THEME])
		draw_theme(p, y, x, cols[COL_THEME], info, cursor ? bg : EL_MARK,
			   cursor);
}

static void
select_row(struct pane *p)
{
	struct docs *d = docs_of(p);

	app_select_doc(p->app, p->cursor < d->n ? d->ids[p->cursor] : 0);
}

/* Reads the list for the app's filter, keeping document keep selected
 * where it is listed (0: the first; a document no longer listed leaves the
 * cursor where it was), and selects the document under the
 * cursor. */
static void
relist(struct pane *p, int64_t keep)
{
	struct docs *d = docs_of(p);
	struct list_query q;
	int64_t *ids = NULL, max;
	size_t n = 0, i;
	enum juan_status rc;

	app_list_query(p->app, &q);
	rc = store_list_ids(p->app->store, &q, &ids, &n);
	/* a failed reading leaves an empty list marked as failed, never the
	 * old one under the new filter */
	p->app->list_failed = rc != JUAN_OK;
	if (rc != JUAN_OK) {
		app_error(p->app, "cannot list documents: %s · juan check "
			  "tells more", store_error(p->app->store));
		keep = 0;
	}
	free(d->ids);
	d->ids = ids;
	d->n = n;
	p->app->listed = n;
	for (i = 0, max = 0; i < n; i++)
		if (ids[i] > max)
			max = ids[i];
	d->id_cols = digits(max);
	cache_clear(d);
	if (keep == 0) {
		p->cursor = 0;
		p->top = 0;
	}
	for (i = 0; keep != 0 && i < n; i++)
		if (ids[i] == keep)
			p->cursor = i;
	pane_clamp(p);
	select_row(p);
}

/* Forgets the cached row of document id (its theme changed), or every
 * cached row when id is 0. */
static void
forget(struct pane *p, int64_t id)
{
	struct cached *c = &docs_of(p)->cache[(uint64_t)id % CACHE_SIZE];

	if (id == 0)
		cache_clear(docs_of(p));
	else if (c->id == id)
		slot_clear(c);
	pane_mark(p, PANE_REPAINT);
}

/* Moves to the next document that needs work after the cursor, in list
 * order (wrapping around only past the end);
 * false when there is none. */
static bool
next_untagged(struct pane *p)
{
	struct docs *d = docs_of(p);
	const struct doc_info *info;
	size_t i, row;

	for (i = 1; i < d->n && i <= SCAN_LIMIT; i++) {
		row = (p->cursor + i) % d->n;
		info = info_of(p, d->ids[row]);
		if (info != NULL && app_needs_work(info)) {
			pane_goto(p, row);
			return true;
		}
	}
	return false;
}

static bool
goto_id(struct pane *p, int64_t id)
{
	struct docs *d = docs_of(p);
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (d->ids[i] == id) {
			pane_goto(p, i);
			return true;
		}
	}
	return false;
}

static void
event(struct pane *p, struct event *ev)
{
	switch (ev->kind) {
	case EV_LIST:
		relist(p, ev->id);
		break;
	case EV_DOC_CHANGED:
		forget(p, ev->id);
		break;
	case EV_GOTO_DOC:
		ev->taken = ev->taken || goto_id(p, ev->id);
		break;
	case EV_NEXT_UNTAGGED:
		ev->taken = ev->taken || next_untagged(p);
		break;
	case EV_MARKS:
	case EV_SUGGEST:
		pane_mark(p, PANE_REPAINT);
		break;
	case EV_MARK_LISTED:
		ev->taken = marks_add(&p->app->marks, docs_of(p)->ids,
				      docs_of(p)->n) == JUAN_OK;
		pane_mark(p, PANE_REPAINT);
		break;
	default:
		break;
	}
}

static void
close_docs(struct pane *p)
{
	struct docs *d = docs_of(p);

	cache_clear(d);
	free(d->ids);
}

const struct pane_ops pane_docs_ops = {
	.name = "documents",
	.private_size = sizeof(struct docs),
	.has_cursor = true,
	.rows = rows,
	.draw_row = draw_row,
	.select = select_row,
	.event = event,
	.close = close_docs,
};
