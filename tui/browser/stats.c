/* stats: documents per theme as a bar chart, tagged and untagged, and the
 * progress of the cataloguing. */
#include <stdio.h>
#include <stdlib.h>

#include "juan/browser/overlay.h"
#include "juan/browser/ui.h"

#define NAME_COLS 30
#define HEAD_ROWS 4

static size_t
rows(struct pane *p)
{
	return HEAD_ROWS + p->app->themes.n;
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	const struct app *app = p->app;
	const struct theme *t;
	long most = 1, done;
	size_t i;
	char line[160];
	int bar_cols = p->w - NAME_COLS - 10, x;

	(void)cursor;
	if (row == 0) {
		done = app->total ? app->tagged * 100 / app->total : 0;
		snprintf(line, sizeof(line), "%ld documents · %ld tagged · "
			 "%ld untagged · %ld%% done", app->total, app->tagged,
			 app->total - app->tagged, done);
		draw_str(p->canvas, y, 1, line, p->w - 2, EL_TITLE);
		return;
	}
	if (row == 1) {
		x = bar_cols + NAME_COLS;
		draw_bar(p->canvas, y, 1, app->total ?
			 (int)(app->tagged * x / app->total) : 0);
		return;
	}
	if (row < HEAD_ROWS)
		return;
	for (i = 0; i < app->themes.n; i++)
		if (app->themes.themes[i].docs > most)
			most = app->themes.themes[i].docs;
	t = &app->themes.themes[row - HEAD_ROWS];
	line[0] = t->key;
	line[1] = '\0';
	draw_str(p->canvas, y, 1, line, 1, EL_MARK);
	draw_str(p->canvas, y, 3, t->name, NAME_COLS, EL_NORMAL);
	snprintf(line, sizeof(line), "%6ld", t->docs);
	draw_str(p->canvas, y, 4 + NAME_COLS, line, 6, EL_DATE);
	if (bar_cols > 0 && t->docs > 0)
		draw_bar(p->canvas, y, 11 + NAME_COLS,
			 (int)(t->docs * bar_cols / most) > 0 ?
			 (int)(t->docs * bar_cols / most) : 1);
}

static enum overlay_result
key(struct overlay *ov, int k, enum action a)
{
	(void)ov;
	if (a == ACT_STATS || k == KEYC_ENTER)
		return OV_CLOSE;
	return OV_PASS;
}

static const struct pane_ops stats_ops = {
	.name = "stats",
	.rows = rows,
	.draw_row = draw_row,
};

struct overlay *
stats_new(struct app *app)
{
	struct overlay *ov;

	app_reload_counts(app);
	app_reload_themes(app);
	ov = overlay_new(app, &stats_ops,
			 "statistics · q or Esc closes", 90);
	if (ov != NULL)
		ov->key = key;
	return ov;
}
