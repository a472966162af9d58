/* pane_outline: the sections of the selected document, indented by level
 * and folded to a chosen depth; a document opens folded to the deepest
 * level whose sections fit the pane (a long statute's chapters rather than
 * its seventy articles).  Moving the cursor sends EV_SECTION (the
 * text scrolls there); the section under the text's top line, which EV_MARK
 * names, is highlighted. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/browser/ui.h"

#define DEPTH_ALL 99 /* no level folded, however deep the document */

struct outline {
	size_t *rows;   /* visible row → section index */
	size_t n;
	size_t cap;
	int depth;      /* deepest level shown, DEPTH_ALL: every level */
	int max_depth;  /* deepest level of the document */
	long marked;    /* section under the text's top line, -1: none */
	int64_t doc_id; /* the document the depth was chosen for */
};

static struct outline *
outline_of(struct pane *p)
{
	return p->priv;
}

static size_t
rows(struct pane *p)
{
	return outline_of(p)->n;
}

/* Recomputes the visible rows for the current depth, keeping the cursor on
 * the section it was on (or the one that folds it). */
static void
refold(struct pane *p)
{
	struct outline *o = outline_of(p);
	const struct current *doc = app_doc(p->app);
	size_t i, keep = o->n ? o->rows[p->cursor < o->n ? p->cursor : 0] : 0;
	size_t *grown;

	o->n = 0;
	grown = array_reserve(o->rows, &o->cap, doc->nsections,
			      sizeof(*o->rows));
	if (grown == NULL)
		return;
	o->rows = grown;
	p->cursor = 0;
	for (i = 0; i < doc->nsections; i++) {
		if (doc->sections[i].level > o->depth)
			continue;
		if (i <= keep)
			p->cursor = o->n;
		o->rows[o->n++] = i;
	}
	pane_clamp(p);
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	struct outline *o = outline_of(p);
	const struct section *s = &app_doc(p->app)->sections[o->rows[row]];
	enum element bg = pane_row_element(p, cursor);
	int x, w;

	if ((long)o->rows[row] == o->marked && (!cursor || !p->focused))
		bg = EL_CURRENT;
	draw_fill(p->canvas, y, 0, -1, bg);
	x = (s->level - 1) * 2;
	if (x > p->w / 2)
		x = p->w / 2;
	w = draw_str(p->canvas, y, x, s->label, p->w - x,
		     bg == EL_NORMAL ? EL_LABEL : bg);
	x += w;
	draw_str(p->canvas, y, x, s->title, p->w - x, bg);
}

static void
select_row(struct pane *p)
{
	struct outline *o = outline_of(p);

	if (p->cursor < o->n)
		app_notify(p->app, EV_SECTION, 0, (long)o->rows[p->cursor]);
}

static bool
handle(struct pane *p, enum action a)
{
	struct outline *o = outline_of(p);

	switch (a) {
	case ACT_ENTER:
		/* show the section, and let the app focus the text */
		select_row(p);
		return false;
	case ACT_FOLD_LESS:
		if (o->depth > o->max_depth)
			o->depth = o->max_depth;
		if (o->depth > 1)
			o->depth--;
		refold(p);
		app_message(p->app, "outline: %d level%s", o->depth,
			    o->depth == 1 ? "" : "s");
		return true;
	case ACT_FOLD_MORE:
		if (o->depth > o->max_depth)
			o->depth = o->max_depth;
		if (o->depth < o->max_depth)
			o->depth++;
		refold(p);
		app_message(p->app, "outline: %d level%s", o->depth,
			    o->depth == 1 ? "" : "s");
		if (o->depth >= o->max_depth)
			o->depth = DEPTH_ALL;
		return true;
	default:
		return false;
	}
}

/* The deepest level whose sections, with those above it, fit h (> 0) rows:
 * DEPTH_ALL when every section fits, 1 when not even the first level does. */
static int
fit_depth(const struct current *doc, int max_depth, int h)
{
	size_t i, count;
	int depth;

	for (depth = max_depth; depth > 1; depth--) {
		count = 0;
		for (i = 0; i < doc->nsections; i++)
			if (doc->sections[i].level <= depth)
				count++;
		if (count <= (size_t)h)
			break;
	}
	return depth >= max_depth ? DEPTH_ALL : depth;
}

/* The document again (a tag changed it): the depth the reader chose stays.
 * Another document: folded to the levels that fit.  Either way the cursor
 * on the first section, nothing marked. */
static void
recalc(struct pane *p)
{
	struct outline *o = outline_of(p);
	const struct current *doc = app_doc(p->app);
	size_t i;

	o->max_depth = 1;
	for (i = 0; i < doc->nsections; i++)
		if (doc->sections[i].level > o->max_depth)
			o->max_depth = doc->sections[i].level;
	if (app_doc_id(p->app) != o->doc_id && p->h > 0) {
		o->doc_id = app_doc_id(p->app);
		o->depth = fit_depth(doc, o->max_depth, p->h);
	}
	o->n = 0;
	o->marked = -1;
	p->top = 0;
	refold(p);
	p->cursor = 0;
	p->top = 0;
}

/* Highlights section idx (-1: none) as the one under the text's top line. */
static void
mark(struct pane *p, long idx)
{
	struct outline *o = outline_of(p);
	size_t i, row = 0;

	pane_refresh(p);
	if (o->marked == idx)
		return;
	/* a folded section is marked through its visible parent */
	o->marked = -1;
	for (i = 0; i < o->n && idx >= 0 && (long)o->rows[i] <= idx; i++) {
		o->marked = (long)o->rows[i];
		row = i;
	}
	/* keep the mark in view while the reader scrolls the text; moving the
	 * cursor here must not scroll the text back (no select) */
	if (!p->focused && o->marked >= 0) {
		p->cursor = row;
		pane_clamp(p);
	}
	pane_mark(p, PANE_REPAINT);
}

static void
event(struct pane *p, struct event *ev)
{
	switch (ev->kind) {
	case EV_DOC:
	case EV_LIST:
		pane_mark(p, PANE_RECALC);
		break;
	case EV_DOC_CHANGED:
		if (ev->id == 0 || ev->id == app_doc_id(p->app))
			pane_mark(p, PANE_RECALC);
		break;
	case EV_MARK:
		mark(p, ev->index);
		break;
	default:
		break;
	}
}

static void
open_outline(struct pane *p)
{
	outline_of(p)->marked = -1;
	outline_of(p)->depth = DEPTH_ALL;
}

static void
close_outline(struct pane *p)
{
	free(outline_of(p)->rows);
}

const struct pane_ops pane_outline_ops = {
	.name = "outline",
	.private_size = sizeof(struct outline),
	.has_cursor = true,
	.open = open_outline,
	.rows = rows,
	.draw_row = draw_row,
	.handle = handle,
	.select = select_row,
	.event = event,
	.recalc = recalc,
	.close = close_outline,
};
