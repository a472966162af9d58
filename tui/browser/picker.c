/* picker: the list of themes with their keys and descriptions, to tag the
 * selected document (`t`) or to filter the list (`f`): what a pick does is
 * the opener's callback.  Enter picks the row under the cursor; a theme's
 * own key picks that theme at once, even a key the keymap binds. */
#include <stdlib.h>

#include "juan/browser/overlay.h"
#include "juan/browser/ui.h"

#define NAME_COLS 30

struct picker {
	enum picker_mode mode;
	pick_fn done;
};

/* The filter picker lists "untagged" first. */
static size_t
first_theme(const struct pane *p)
{
	const struct picker *pk = p->priv;

	return pk->mode == PICK_FILTER ? 1 : 0;
}

static size_t
rows(struct pane *p)
{
	return p->app->themes.n + first_theme(p);
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	enum element bg = pane_row_element(p, cursor);
	const struct theme *t;
	char key[2] = { 0, 0 };
	int x = 1;

	draw_fill(p->canvas, y, 0, -1, bg);
	if (row < first_theme(p)) {
		draw_str(p->canvas, y, 5, "（未标注）untagged documents", -1, bg);
		return;
	}
	t = &p->app->themes.themes[row - first_theme(p)];
	key[0] = t->key;
	draw_str(p->canvas, y, x, key, 1, cursor ? bg : EL_MARK);
	x += 4;
	draw_str(p->canvas, y, x, t->name, NAME_COLS, bg);
	x += NAME_COLS + 1;
	draw_str(p->canvas, y, x, t->description, p->w - x, cursor ? bg : EL_LABEL);
}

static enum overlay_result
pick(struct overlay *ov, size_t row)
{
	struct pane *p = &ov->pane;
	struct picker *pk = p->priv;
	const struct theme *t = NULL;

	if (row >= first_theme(p))
		t = &p->app->themes.themes[row - first_theme(p)];
	ov->reaction |= pk->done(p->app, t);
	return OV_CLOSE;
}

static enum overlay_result
key(struct overlay *ov, int k, enum action a)
{
	struct pane *p = &ov->pane;
	const struct theme *t;

	if (a == ACT_ENTER || k == KEYC_ENTER)
		return rows(p) ? pick(ov, p->cursor) : OV_CLOSE;
	t = app_theme_by_key(p->app, k);
	if (t != NULL)
		return pick(ov, (size_t)(t - p->app->themes.themes) + first_theme(p));
	return OV_PASS;
}

static const struct pane_ops picker_ops = {
	.name = "picker",
	.private_size = sizeof(struct picker),
	.has_cursor = true,
	.rows = rows,
	.draw_row = draw_row,
};

struct overlay *
picker_new(struct app *app, enum picker_mode mode, pick_fn done)
{
	struct overlay *ov;
	struct picker *pk;

	ov = overlay_new(app, &picker_ops,
			 mode == PICK_TAG ? "theme: key or Enter · Esc cancels"
					  : "filter: key or Enter · Esc cancels",
			 96);
	if (ov == NULL)
		return NULL;
	pk = ov->pane.priv;
	pk->mode = mode;
	pk->done = done;
	ov->key = key;
	return ov;
}
