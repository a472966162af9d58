/* overlay: a framed box over the panes, its inside a pane. */
#include <stdio.h>
#include <stdlib.h>

#include "juan/browser/keymap.h"
#include "juan/browser/overlay.h"

struct overlay *
overlay_new(struct app *app, const struct pane_ops *ops, const char *title,
	    int want_w)
{
	struct overlay *ov = calloc(1, sizeof(*ov));

	if (ov == NULL)
		return NULL;
	if (pane_init(&ov->pane, app, ops) != JUAN_OK) {
		free(ov);
		return NULL;
	}
	ov->pane.focused = true;
	ov->want_w = want_w;
	snprintf(ov->title, sizeof(ov->title), "%s", title);
	return ov;
}

void
overlay_place(struct overlay *ov, const struct layout *l)
{
	struct rect r, in;
	size_t n = pane_rows(&ov->pane);

	canvas_free(&ov->frame);
	canvas_free(&ov->pane.canvas);
	if (l->mode == LAYOUT_TOO_SMALL)
		return;
	r.w = ov->want_w < l->cols - 4 ? ov->want_w : l->cols - 4;
	r.h = (int)n + 2 < l->rows - 4 ? (int)n + 2 : l->rows - 4;
	if (r.h < 3)
		r.h = 3;
	r.x = (l->cols - r.w) / 2;
	r.y = (l->rows - r.h) / 2;
	in.x = r.x + 1;
	in.y = r.y + 1;
	in.w = r.w - 2;
	in.h = r.h - 2;
	ov->frame = canvas_new(r);
	ov->pane.canvas = canvas_new(in);
	ov->pane.w = in.w;
	ov->pane.h = in.h;
	pane_clamp(&ov->pane);
}

void
overlay_draw(struct overlay *ov)
{
	if (ov->frame == NULL)
		return;
	canvas_erase(ov->frame);
	draw_frame(ov->frame, ov->title);
	canvas_flush(ov->frame);
	canvas_touch(ov->pane.canvas);
	pane_mark(&ov->pane, PANE_REPAINT);
	pane_draw(&ov->pane);
}

bool
overlay_key(struct overlay *ov, int key, enum action a)
{
	enum overlay_result r = ov->key ? ov->key(ov, key, a) : OV_PASS;

	if (r != OV_PASS)
		return r == OV_CLOSE;
	if (key == KEYC_ESC || a == ACT_QUIT)
		return true;
	pane_handle(&ov->pane, a);
	return false;
}

void
overlay_free(struct overlay **ov)
{
	if (ov == NULL || *ov == NULL)
		return;
	pane_fini(&(*ov)->pane);
	canvas_free(&(*ov)->frame);
	free(*ov);
	*ov = NULL;
}
