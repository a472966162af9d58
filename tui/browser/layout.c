/* layout: pane geometry from the screen size. */
#include <string.h>

#include "juan/browser/layout.h"

static struct rect
mkrect(int y, int x, int h, int w)
{
	struct rect r = { y, x, h, w };
	return r;
}

void
layout_compute(int cols, int rows, struct layout *out)
{
	int body, docs_w, outline_w, right_x, right_w, outline_h;

	memset(out, 0, sizeof(*out));
	out->cols = cols;
	out->rows = rows;
	if (cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS) {
		out->mode = LAYOUT_TOO_SMALL;
		return;
	}
	body = rows - 2;
	out->header = mkrect(0, 0, 1, cols);
	out->status = mkrect(rows - 1, 0, 1, cols);
	out->nborders = 2;
	if (cols >= LAYOUT_WIDE_MIN) {
		out->mode = LAYOUT_WIDE;
		docs_w = cols * 38 / 100;
		outline_w = cols * 22 / 100;
		out->pane[PANE_DOCS] = mkrect(1, 0, body, docs_w);
		out->border[0] = mkrect(1, docs_w, body, 1);
		out->pane[PANE_OUTLINE] = mkrect(1, docs_w + 1, body, outline_w);
		out->border[1] = mkrect(1, docs_w + 1 + outline_w, body, 1);
		right_x = docs_w + outline_w + 2;
		out->pane[PANE_DETAIL] = mkrect(1, right_x, body, cols - right_x);
		return;
	}
	out->mode = LAYOUT_STACKED;
	docs_w = cols * 2 / 5;
	right_x = docs_w + 1;
	right_w = cols - right_x;
	outline_h = body / 3;
	out->pane[PANE_DOCS] = mkrect(1, 0, body, docs_w);
	out->border[0] = mkrect(1, docs_w, body, 1);
	out->pane[PANE_OUTLINE] = mkrect(1, right_x, outline_h, right_w);
	out->border[1] = mkrect(1 + outline_h, right_x, 1, right_w);
	out->pane[PANE_DETAIL] = mkrect(2 + outline_h, right_x,
					body - outline_h - 1, right_w);
}

void
layout_wide_list(struct layout *l)
{
	int i;

	if (l->mode == LAYOUT_TOO_SMALL)
		return;
	l->pane[PANE_DOCS] = mkrect(1, 0, l->rows - 2, l->cols);
	for (i = 0; i < PANE_COUNT; i++)
		if (i != PANE_DOCS)
			l->pane[i] = mkrect(0, 0, 0, 0);
	for (i = 0; i < 2; i++)
		l->border[i] = mkrect(0, 0, 0, 0);
	l->nborders = 0;
}

bool
rect_contains(struct rect r, int y, int x)
{
	return y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

int
layout_pane_at(const struct layout *l, int y, int x)
{
	int i;

	if (l->mode == LAYOUT_TOO_SMALL)
		return -1;
	for (i = 0; i < PANE_COUNT; i++)
		if (rect_contains(l->pane[i], y, x))
			return i;
	return -1;
}
