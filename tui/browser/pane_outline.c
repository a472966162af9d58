/* pane_outline: the sections of the document on display, indented by level
 * and folded to a chosen depth.  Moving the cursor scrolls the text to the
 * section; the section under the text's top line is highlighted. */
#include <stdlib.h>
#include <string.h>

#include "juan/browser/ui.h"

#define DEPTH_ALL 99 /* no level folded, however deep the document */

struct outline {
	size_t *rows;   /* visible row → section index */
	size_t n;
	int depth;      /* deepest level shown, DEPTH_ALL: every level */
	int max_depth;  /* deepest level of the document */
	long marked;    /* section under the text's top line, -1: none */
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
	const struct current *doc = &p->app->doc;
	size_t i, keep = o->n ? o->rows[p->cursor < o->n ? p->cursor : 0] : 0;
	size_t *grown;

	o->n = 0;
	grown = realloc(o->rows, (doc->nsections ? doc->nsections : 1) *
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
	const struct section *s = &p->app->doc.sections[o->rows[row]];
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
		detail_show_section(p->app->panes[PANE_DETAIL], o->rows[p->cursor]);
}

static bool
handle(struct pane *p, enum action a)
{
	struct outline *o = outline_of(p);

	switch (a) {
	case ACT_ENTER:
		select_row(p);
		app_focus(p->app, PANE_DETAIL);
		return true;
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

static void
reload(struct pane *p)
{
	struct outline *o = outline_of(p);
	const struct current *doc = &p->app->doc;
	size_t i;

	o->max_depth = 1;
	for (i = 0; i < doc->nsections; i++)
		if (doc->sections[i].level > o->max_depth)
			o->max_depth = doc->sections[i].level;
	o->n = 0;
	o->marked = -1;
	p->top = 0;
	refold(p);
	p->cursor = 0;
	p->top = 0;
	p->dirty = true;
}

static void
close_outline(struct pane *p)
{
	struct outline *o = outline_of(p);

	if (o == NULL)
		return;
	free(o->rows);
	free(o);
	p->priv = NULL;
}

static const struct pane_ops outline_ops = {
	.name = "outline",
	.rows = rows,
	.draw_row = draw_row,
	.handle = handle,
	.select = select_row,
	.reload = reload,
	.close = close_outline,
};

struct pane *
pane_outline_new(struct app *app)
{
	struct pane *p = calloc(1, sizeof(*p));
	struct outline *o;

	if (p == NULL)
		return NULL;
	o = calloc(1, sizeof(*o));
	if (o == NULL) {
		free(p);
		return NULL;
	}
	o->marked = -1;
	o->depth = DEPTH_ALL;
	p->priv = o;
	p->ops = &outline_ops;
	p->app = app;
	p->has_cursor = true;
	p->dirty = true;
	return p;
}

void
outline_mark(struct pane *p, long idx)
{
	struct outline *o = outline_of(p);
	size_t i, row = 0;

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
	p->dirty = true;
}
