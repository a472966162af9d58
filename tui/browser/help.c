/* help: every action with its keys and help text, generated from the
 * action list and the keymap, then the themes and their keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/overlay.h"
#include "juan/browser/ui.h"

#define KEY_COLS 22

static size_t
rows(struct pane *p)
{
	return (size_t)ACT_COUNT + 2 + p->app->themes.n;
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	char keys[128];
	const struct theme *t;
	size_t themes_at = (size_t)ACT_COUNT + 2;

	(void)cursor;
	if (row < (size_t)ACT_COUNT) {
		keymap_keys_for(&p->app->keymap, (enum action)row, keys,
				sizeof(keys));
		draw_str(p->canvas, y, 1, keys[0] ? keys : "-", KEY_COLS - 1,
			 EL_MARK);
		draw_str(p->canvas, y, KEY_COLS, action_help((enum action)row),
			 p->w - KEY_COLS, EL_NORMAL);
		return;
	}
	if (row == themes_at - 1) {
		draw_str(p->canvas, y, 1, "a theme's key: give the document "
			 "that theme (and go on)", p->w - 1, EL_LABEL);
		return;
	}
	if (row < themes_at)
		return;
	t = &p->app->themes.themes[row - themes_at];
	keys[0] = t->key;
	keys[1] = '\0';
	draw_str(p->canvas, y, 1, keys, 1, EL_MARK);
	draw_str(p->canvas, y, KEY_COLS, t->name, p->w - KEY_COLS, EL_NORMAL);
}

static enum overlay_result
key(struct overlay *ov, int k, enum action a)
{
	(void)ov;
	if (a == ACT_HELP || k == KEYC_ENTER)
		return OV_CLOSE;
	return OV_PASS;
}

static const struct pane_ops help_ops = {
	.name = "help",
	.rows = rows,
	.draw_row = draw_row,
};

struct overlay *
help_new(struct app *app)
{
	struct overlay *ov = overlay_new(app, &help_ops,
					 "keys · q or Esc closes", 76);

	if (ov != NULL)
		ov->key = key;
	return ov;
}
