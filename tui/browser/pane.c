/* pane: what every pane shares — its construction from the ops table,
 * lazy recalculation, cursor, scrolling and drawing. */
#include <stdlib.h>
#include <string.h>

#include "juan/browser/pane.h"

enum juan_status
pane_init(struct pane *p, struct app *app, const struct pane_ops *ops)
{
	memset(p, 0, sizeof(*p));
	if (ops->private_size > 0) {
		p->priv = calloc(1, ops->private_size);
		if (p->priv == NULL)
			return JUAN_ENOMEM;
	}
	p->ops = ops;
	p->app = app;
	p->has_cursor = ops->has_cursor;
	p->flags = PANE_REPAINT;
	if (ops->open)
		ops->open(p);
	return JUAN_OK;
}

struct pane *
pane_new(struct app *app, const struct pane_ops *ops)
{
	struct pane *p = malloc(sizeof(*p));

	if (p == NULL)
		return NULL;
	if (pane_init(p, app, ops) != JUAN_OK) {
		free(p);
		return NULL;
	}
	return p;
}

void
pane_mark(struct pane *p, unsigned flags)
{
	p->flags |= flags;
}

void
pane_refresh(struct pane *p)
{
	if (!(p->flags & PANE_RECALC))
		return;
	p->flags &= ~(unsigned)PANE_RECALC;
	if (p->ops->recalc)
		p->ops->recalc(p);
	p->flags |= PANE_REPAINT;
}

size_t
pane_rows(struct pane *p)
{
	pane_refresh(p);
	return p->ops->rows(p);
}

static size_t
max_top(struct pane *p)
{
	size_t n = pane_rows(p);

	return n > (size_t)p->h ? n - (size_t)p->h : 0;
}

void
pane_clamp(struct pane *p)
{
	size_t n = pane_rows(p);

	if (p->has_cursor) {
		if (p->cursor >= n)
			p->cursor = n ? n - 1 : 0;
		if (p->top > p->cursor)
			p->top = p->cursor;
		if (p->h > 0 && p->cursor >= p->top + (size_t)p->h)
			p->top = p->cursor - (size_t)p->h + 1;
		if (p->top > max_top(p))
			p->top = max_top(p);
	} else {
		if (p->top > max_top(p))
			p->top = max_top(p);
		p->cursor = p->top;
	}
	p->flags |= PANE_REPAINT;
}

void
pane_goto(struct pane *p, size_t row)
{
	size_t old_cursor = p->cursor, old_top = p->top;

	if (p->has_cursor)
		p->cursor = row;
	else
		p->top = row;
	pane_clamp(p);
	if ((p->cursor != old_cursor || p->top != old_top) && p->ops->select)
		p->ops->select(p);
}

void
pane_move(struct pane *p, long delta)
{
	size_t from = p->has_cursor ? p->cursor : p->top;

	if (delta < 0 && (size_t)-delta > from)
		pane_goto(p, 0);
	else
		pane_goto(p, from + (size_t)delta);
}

void
pane_scroll_to(struct pane *p, size_t row)
{
	size_t old_cursor = p->cursor, old_top = p->top;

	p->top = row;
	if (p->has_cursor)
		p->cursor = row;
	pane_clamp(p);
	if ((p->cursor != old_cursor || p->top != old_top) && p->ops->select)
		p->ops->select(p);
}

bool
pane_handle(struct pane *p, enum action a)
{
	long page = p->h > 1 ? p->h - 1 : 1;

	pane_refresh(p);
	if (p->ops->handle && p->ops->handle(p, a))
		return true;
	switch (a) {
	case ACT_MOVE_DOWN:
		pane_move(p, 1);
		return true;
	case ACT_MOVE_UP:
		pane_move(p, -1);
		return true;
	case ACT_MOVE_FIRST:
		pane_goto(p, 0);
		return true;
	case ACT_MOVE_LAST:
		pane_goto(p, pane_rows(p) ? pane_rows(p) - 1 : 0);
		return true;
	case ACT_PAGE_DOWN:
		if (p->has_cursor)
			p->top += (size_t)page;
		pane_move(p, page);
		return true;
	case ACT_PAGE_UP:
		if (p->has_cursor)
			p->top = p->top > (size_t)page ? p->top - (size_t)page : 0;
		pane_move(p, -page);
		return true;
	default:
		return false;
	}
}

enum element
pane_row_element(const struct pane *p, bool cursor)
{
	if (!cursor)
		return EL_NORMAL;
	return p->focused ? EL_CURSOR : EL_CURSOR_DIM;
}

void
pane_draw(struct pane *p)
{
	size_t n, row;
	int y;

	if (p->canvas == NULL)
		return;
	n = pane_rows(p);
	if (!(p->flags & PANE_REPAINT))
		return;
	for (y = 0; y < p->h; y++) {
		row = p->top + (size_t)y;
		draw_fill(p->canvas, y, 0, -1, EL_NORMAL);
		if (row < n)
			p->ops->draw_row(p, y, row,
					 p->has_cursor && row == p->cursor);
	}
	canvas_flush(p->canvas);
	p->flags &= ~(unsigned)PANE_REPAINT;
}

void
pane_fini(struct pane *p)
{
	if (p->ops != NULL && p->ops->close)
		p->ops->close(p);
	free(p->priv);
	p->priv = NULL;
	canvas_free(&p->canvas);
}

void
pane_free(struct pane **p)
{
	if (p == NULL || *p == NULL)
		return;
	pane_fini(*p);
	free(*p);
	*p = NULL;
}
