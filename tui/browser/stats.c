/* stats: the active scheme's progress — documents reviewed (a main theme
 * or a state), none applies, unsure — and documents per theme as a bar
 * chart, the themes as a tree with each child's documents rolled up into
 * its parents: "main" counts the documents with the theme (or a child) as
 * their main theme, "any" those with it main or secondary. */
#include <stdio.h>
#include <stdlib.h>

#include "juan/browser/overlay.h"
#include "juan/browser/ui.h"

#define NAME_COLS 28
#define HEAD_ROWS 5
#define INDENT 2

struct stats {
	struct scheme_info active; /* its counts; name borrowed from app */
};

static size_t
rows(struct pane *p)
{
	return HEAD_ROWS + p->app->themes.n;
}

static void
draw_head(struct pane *p, int y, size_t row)
{
	const struct app *app = p->app;
	const struct scheme_info *si = &((struct stats *)p->priv)->active;
	char line[300];
	long done = app->total ? si->reviewed * 100 / app->total : 0;

	if (row == 0) {
		snprintf(line, sizeof(line), "%s: %ld documents · %ld reviewed "
			 "· %ld%% done", app->scheme_name, app->total,
			 si->reviewed, done);
		draw_str(p->canvas, y, 1, line, p->w - 2, EL_TITLE);
	} else if (row == 1) {
		snprintf(line, sizeof(line), "%ld with a main theme · %ld with "
			 "secondary themes · %ld none applies · %ld unsure · "
			 "%ld to do", si->tagged, si->secondary, si->none,
			 si->unsure, app->total - si->reviewed);
		draw_str(p->canvas, y, 1, line, p->w - 2, EL_NORMAL);
	} else if (row == 2) {
		draw_bar(p->canvas, y, 1, app->total ? (int)(si->reviewed *
			 (p->w - 2) / app->total) : 0);
	} else if (row == 4) {
		snprintf(line, sizeof(line), "%-*s %6s %6s", NAME_COLS + 2,
			 "theme (children rolled up)", "main", "any");
		draw_str(p->canvas, y, 1, line, p->w - 2, EL_LABEL);
	}
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	const struct app *app = p->app;
	const struct theme *t;
	long most = 1;
	size_t i;
	char line[160];
	int bar_cols = p->w - NAME_COLS - 19, indent;

	(void)cursor;
	if (row < HEAD_ROWS) {
		draw_head(p, y, row);
		return;
	}
	for (i = 0; i < app->themes.n; i++)
		if (app->themes.themes[i].any_tree > most)
			most = app->themes.themes[i].any_tree;
	t = &app->themes.themes[row - HEAD_ROWS];
	line[0] = t->key;
	line[1] = '\0';
	draw_str(p->canvas, y, 1, line, 1, EL_MARK);
	indent = t->depth * INDENT < NAME_COLS / 2 ? t->depth * INDENT
						   : NAME_COLS / 2;
	snprintf(line, sizeof(line), "%s%s", t->name,
		 t->retired ? " (retired)" : "");
	draw_str(p->canvas, y, 3 + indent, line, NAME_COLS - indent,
		 t->retired ? EL_LABEL : EL_NORMAL);
	snprintf(line, sizeof(line), "%6ld %6ld", t->docs_tree, t->any_tree);
	draw_str(p->canvas, y, 4 + NAME_COLS, line, 13, EL_DATE);
	if (bar_cols > 0 && t->any_tree > 0)
		draw_bar(p->canvas, y, 18 + NAME_COLS,
			 (int)(t->any_tree * bar_cols / most) > 0 ?
			 (int)(t->any_tree * bar_cols / most) : 1);
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
	.private_size = sizeof(struct stats),
	.rows = rows,
	.draw_row = draw_row,
};

struct overlay *
stats_new(struct app *app)
{
	struct scheme_info *list = NULL;
	struct stats *st;
	struct overlay *ov;
	size_t n = 0, i;

	app_reload_counts(app);
	app_reload_themes(app);
	ov = overlay_new(app, &stats_ops, "statistics · q or Esc closes", 90);
	if (ov == NULL)
		return NULL;
	ov->key = key;
	st = ov->pane.priv;
	if (store_schemes(app->store, &list, &n) != JUAN_OK)
		app_error(app, "cannot read the counts: %s",
			  store_error(app->store));
	for (i = 0; i < n; i++)
		if (list[i].active) {
			st->active = list[i];
			st->active.name = NULL;
		}
	scheme_info_free(list, n);
	return ov;
}
