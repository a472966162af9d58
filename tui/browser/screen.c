/* screen: the canvases of the layout and what is drawn each turn — the
 * header, the status line, the borders, the panes, an overlay, or a notice
 * when the terminal is too small or the store is empty. */
#include <stdio.h>
#include <string.h>

#include "juan/text.h"
#include "juan/browser/overlay.h"
#include "juan/browser/prompt.h"
#include "juan/browser/screen.h"
#include "juan/browser/term.h"
#include "juan/browser/ui.h"

void
app_free_canvases(struct app *app)
{
	int i;

	canvas_free(&app->header);
	canvas_free(&app->status);
	canvas_free(&app->notice);
	for (i = 0; i < 2; i++)
		canvas_free(&app->border[i]);
	for (i = 0; i < PANE_COUNT; i++)
		if (app->panes[i] != NULL)
			canvas_free(&app->panes[i]->canvas);
}

void
app_layout(struct app *app)
{
	struct layout *l = &app->layout;
	struct rect whole;
	int cols, rows, i;

	term_size(&cols, &rows);
	layout_compute(cols, rows, l);
	if (app->wide_list)
		layout_wide_list(l);
	app_free_canvases(app);
	if (l->mode == LAYOUT_TOO_SMALL) {
		whole.x = whole.y = 0;
		whole.w = cols;
		whole.h = rows;
		app->notice = canvas_new(whole);
	} else {
		app->header = canvas_new(l->header);
		app->status = canvas_new(l->status);
		for (i = 0; i < l->nborders; i++)
			app->border[i] = canvas_new(l->border[i]);
		for (i = 0; i < PANE_COUNT; i++) {
			struct pane *p = app->panes[i];

			p->canvas = canvas_new(l->pane[i]);
			p->w = l->pane[i].w;
			p->h = l->pane[i].h;
		}
		app_notify(app, EV_SIZE, 0, 0);
		for (i = 0; i < PANE_COUNT; i++)
			pane_clamp(app->panes[i]);
		if (app->total == 0) {
			whole.x = 0;
			whole.y = 1;
			whole.w = cols;
			whole.h = rows - 2;
			app->notice = canvas_new(whole);
		}
	}
	if (app->overlay != NULL)
		overlay_place(app->overlay, l);
	term_redraw_all();
	app_dirty_all(app);
}

void
app_dirty_all(struct app *app)
{
	int i;

	for (i = 0; i < PANE_COUNT; i++)
		pane_mark(app->panes[i], PANE_REPAINT);
	app->chrome_dirty = true;
}

static void
draw_header(struct app *app)
{
	const char *path = store_path(app->store), *base = strrchr(path, '/');
	char right[1024], filter[300] = "", marked[40] = "", sorted[48] = "";
	char by[32];
	int w = canvas_width(app->header), x, width;

	if (app->filter.query)
		snprintf(filter, sizeof(filter), " · %s", app->filter.query);
	else if (app->filter.search)
		snprintf(filter, sizeof(filter), " · search: %s", app->filter.search);
	else if (app->filter.theme)
		snprintf(filter, sizeof(filter), " · theme: %s", app->filter.theme);
	else if (app->filter.untagged)
		snprintf(filter, sizeof(filter), " · untagged");

	if (app->sort.key != SORT_DEFAULT || app->sort.desc)
		snprintf(sorted, sizeof(sorted), " · by %s",
			 list_sort_format(&app->sort, by, sizeof(by)));
	if (app->marks.n > 0)
		snprintf(marked, sizeof(marked), " · %zu marked", app->marks.n);
	if (app->list_failed)
		snprintf(right, sizeof(right), "%s · list failed: none shown%s ",
			 app->scheme_name, filter);
	else if (filter[0] != '\0')
		snprintf(right, sizeof(right), "%s · %zu of %ld documents · "
			 "%ld reviewed%s%s%s ", app->scheme_name, app->listed,
			 app->total, app->reviewed, filter, sorted, marked);
	else
		snprintf(right, sizeof(right), "%s · %ld documents · %ld "
			 "reviewed%s%s ", app->scheme_name, app->total,
			 app->reviewed, sorted, marked);
	draw_fill(app->header, 0, 0, -1, EL_HEADER);
	x = draw_str(app->header, 0, 0, " 卷 juan · ", w, EL_HEADER);
	x += draw_str(app->header, 0, x, base ? base + 1 : path, w / 3, EL_HEADER);
	width = text_width(right, strlen(right));
	if (w - width > x + 1)
		x = w - width;
	else
		x++;
	draw_str(app->header, 0, x, right, w - x, EL_HEADER);
	canvas_flush(app->header);
}

/* The key hints, each with the first key bound to its action (from the
 * keymap, so that a user's bindings show); an unbound action is left out.
 * ACT_NONE: the themes' own keys, which are not actions.  The advance
 * hint says whether tagging goes on to the next untagged document. */
static const struct {
	enum action action;
	const char *what;
} hint_list[] = {
	{ ACT_HELP, "help" },     { ACT_NONE, "1-9 tag" },
	{ ACT_ADVANCE, "advance " },
	{ ACT_TAG_PICK, "themes" },
	{ ACT_UNDO, "undo" },     { ACT_SEARCH, "search" },
	{ ACT_FILTER, "filter" }, { ACT_EXPORT, "export" },
	{ ACT_STATS, "stats" },   { ACT_QUIT, "quit" },
	{ ACT_SECONDARY, "secondary" }, { ACT_STATE_NONE, "none applies" },
	{ ACT_STATE_UNSURE, "unsure" }, { ACT_NOTE, "note" },
	{ ACT_SCHEME_NEXT, "scheme" },
};

/* The hints that fit in cols columns, whole: a hint cut in half ("q…")
 * tells nothing, so the line stops before the first that does not fit. */
static void
status_hints(const struct app *app, char *buf, size_t size, int cols)
{
	char keys[64], item[128];
	size_t i, used = 0;
	int width = 0, w;

	buf[0] = '\0';
	for (i = 0; i < sizeof(hint_list) / sizeof(hint_list[0]); i++) {
		if (hint_list[i].action == ACT_NONE)
			keys[0] = '\0';
		else if (keymap_keys_for(&app->keymap, hint_list[i].action,
					 keys, sizeof(keys))[0] == '\0')
			continue;
		keys[strcspn(keys, " ")] = '\0';
		snprintf(item, sizeof(item), "%s%s%s%s%s", used ? " · " : "",
			 keys, keys[0] ? " " : "", hint_list[i].what,
			 hint_list[i].action != ACT_ADVANCE ?
			 "" : app->advance ? "on" : "off");
		w = text_width(item, strlen(item));
		if (width + w > cols || used + strlen(item) >= size)
			break;
		memcpy(buf + used, item, strlen(item) + 1);
		used += strlen(item);
		width += w;
	}
}

static void
draw_status(struct app *app)
{
	char hints[256];
	int w = canvas_width(app->status);

	if (app->prompt != NULL) {
		prompt_draw(app->prompt, app->status);
	} else if (app->message[0] != '\0') {
		draw_fill(app->status, 0, 0, -1,
			  app->message_error ? EL_ERROR : EL_STATUS);
		draw_str(app->status, 0, 1, app->message, w - 1,
			 app->message_error ? EL_ERROR : EL_STATUS);
	} else {
		status_hints(app, hints, sizeof(hints), w - 2);
		draw_fill(app->status, 0, 0, -1, EL_STATUS);
		draw_str(app->status, 0, 1, hints, w - 1, EL_STATUS);
	}
	canvas_flush(app->status);
}

static void
draw_lines(struct canvas *c, const char *const *lines, size_t n)
{
	int h = canvas_height(c), w = canvas_width(c), y, x, width;
	size_t i;

	canvas_erase(c);
	y = (h - (int)n) / 2 > 0 ? (h - (int)n) / 2 : 0;
	for (i = 0; i < n && y < h; i++, y++) {
		width = text_width(lines[i], strlen(lines[i]));
		x = (w - width) / 2 > 0 ? (w - width) / 2 : 0;
		draw_str(c, y, x, lines[i], w - x, i == 0 ? EL_TITLE : EL_NORMAL);
	}
	canvas_flush(c);
}

static void
draw_welcome(struct app *app)
{
	char sample[4200];
	const char *lines[] = {
		"卷 juan: this store has no documents yet.",
		"",
		"Import a directory of plain-text documents from the shell:",
		"juan import DIR",
		"",
		sample,
		"",
		"q quits",
	};

	if (app->sample[0] != '\0')
		snprintf(sample, sizeof(sample),
			 "or press i to import the sample corpus (%s)", app->sample);
	else
		snprintf(sample, sizeof(sample), "(no sample corpus found: "
			 "set JUAN_SAMPLE to its directory)");
	draw_lines(app->notice, lines, sizeof(lines) / sizeof(lines[0]));
}

void
app_refresh(struct app *app)
{
	int i;

	if (app->layout.mode == LAYOUT_TOO_SMALL ||
	    (app->total == 0 && app->notice != NULL))
		return;
	for (i = 0; i < PANE_COUNT; i++)
		pane_refresh(app->panes[i]);
}

void
app_draw(struct app *app)
{
	char need[64];
	const char *lines[] = { "terminal too small", need };
	int i;

	if (app->layout.mode == LAYOUT_TOO_SMALL) {
		snprintf(need, sizeof(need), "%dx%d, juan needs %dx%d",
			 app->layout.cols, app->layout.rows, LAYOUT_MIN_COLS,
			 LAYOUT_MIN_ROWS);
		if (app->chrome_dirty)
			draw_lines(app->notice, lines, 2);
		app->chrome_dirty = false;
		draw_update();
		return;
	}
	if (app->chrome_dirty) {
		if (app->total == 0 && app->notice != NULL)
			draw_welcome(app);
		draw_header(app);
		draw_status(app);
		for (i = 0; app->notice == NULL && i < app->layout.nborders; i++) {
			draw_border(app->border[i]);
			canvas_flush(app->border[i]);
		}
		app->chrome_dirty = false;
	}
	if (app->total != 0 || app->notice == NULL)
		for (i = 0; i < PANE_COUNT; i++)
			pane_draw(app->panes[i]);
	if (app->overlay != NULL)
		overlay_draw(app->overlay);
	draw_update();
}
