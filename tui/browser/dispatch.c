/* dispatch: a key → the prompt or overlay that has it, else its action →
 * the focused pane, else the global handler (NeoMutt's handler chain); a
 * theme's own key tags.  Also the mouse, export and the sample import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/export.h"
#include "juan/import.h"
#include "juan/browser/overlay.h"
#include "juan/browser/prompt.h"
#include "juan/browser/term.h"
#include "juan/browser/ui.h"

static const char *const export_ext[] = {
	[EXPORT_CSV] = "csv", [EXPORT_JSONL] = "jsonl", [EXPORT_MD] = "md",
};

static void
open_prompt(struct app *app, const char *label, const char *initial,
	    prompt_fn done)
{
	prompt_free(&app->prompt);
	app->prompt = prompt_new(label, initial, done);
	app->chrome_dirty = true;
}

static void
export_to(struct app *app, const char *path)
{
	struct export_opts opts = { 0 };
	enum juan_status rc;
	long count = 0;

	if (path[0] == '\0') {
		app_message(app, "export cancelled");
		return;
	}
	opts.format = (enum export_format)app->export_format;
	rc = export_to_path(app->store, &opts, path, &count);
	if (rc != JUAN_OK)
		app_error(app, "export to %s failed: %s", path,
			  store_error(app->store)[0] ? store_error(app->store)
						     : juan_strstatus(rc));
	else
		app_message(app, "exported %ld tagged documents to %s", count,
			    path);
}

static void
export_format_chosen(struct app *app, const char *name)
{
	enum export_format fmt;
	char path[64];

	if (export_format_parse(name, &fmt) != JUAN_OK) {
		app_error(app, "unknown format %s (csv, jsonl or md)", name);
		return;
	}
	app->export_format = (int)fmt;
	snprintf(path, sizeof(path), "juan-export.%s", export_ext[fmt]);
	open_prompt(app, "export to: ", path, export_to);
}

static void
import_error(const char *path, const char *msg, void *ctx)
{
	struct app *app = ctx;

	app_error(app, "%s: %s", path, msg);
}

void
app_import_sample(struct app *app)
{
	struct import_ops ops = { 0 };
	struct import_counts counts = { 0 };
	const char *paths[1] = { app->sample };
	enum juan_status rc;

	if (app->sample[0] == '\0') {
		app_error(app, "no sample corpus found: set JUAN_SAMPLE");
		return;
	}
	ops.error = import_error;
	ops.ctx = app;
	rc = import_paths(app->store, paths, 1, &ops, &counts);
	app_reload_counts(app);
	app_reload_themes(app);
	app_reload_list(app);
	app_layout(app);
	app_open_doc(app, docs_selected(app->panes[PANE_DOCS]));
	if (rc != JUAN_OK)
		app_error(app, "import stopped: %s", store_error(app->store));
	else
		app_message(app, "imported %ld documents from %s",
			    counts.imported + counts.updated, app->sample);
}

static void
on_mouse(struct app *app)
{
	enum mouse_kind kind;
	struct pane *p;
	size_t row;
	int y, x, id;

	term_mouse(&y, &x, &kind);
	id = layout_pane_at(&app->layout, y, x);
	if (id < 0 || app->overlay != NULL || app->total == 0)
		return;
	p = app->panes[id];
	if (kind == MOUSE_WHEEL_UP || kind == MOUSE_WHEEL_DOWN) {
		if (p->has_cursor) {
			p->top = kind == MOUSE_WHEEL_UP ?
				 (p->top > 3 ? p->top - 3 : 0) : p->top + 3;
			pane_clamp(p);
			if (p->cursor < p->top || p->cursor >= p->top + (size_t)p->h)
				pane_goto(p, kind == MOUSE_WHEEL_UP ?
					  p->top + (size_t)p->h - 1 : p->top);
		} else {
			pane_move(p, kind == MOUSE_WHEEL_UP ? -3 : 3);
		}
		return;
	}
	app_focus(app, id);
	row = p->top + (size_t)(y - app->layout.pane[id].y);
	/* a click below the last row only focuses the pane */
	if (p->has_cursor && row < p->ops->rows(p))
		pane_goto(p, row);
}

static void
focus_step(struct app *app, int dir)
{
	app_focus(app, (app->focus + PANE_COUNT + dir) % PANE_COUNT);
}

static void
hit(struct app *app, int dir)
{
	size_t nth = 0, count = 0;

	if (detail_hit(app->panes[PANE_DETAIL], dir, &nth, &count))
		app_message(app, "hit %zu/%zu", nth, count);
	else
		app_message(app, app->filter.search ? "no hits in this document"
			    : "no search: / searches");
}

static void
global_action(struct app *app, enum action a)
{
	struct overlay *ov = NULL;

	switch (a) {
	case ACT_PANE_NEXT:
		focus_step(app, 1);
		break;
	case ACT_PANE_PREV:
		focus_step(app, -1);
		break;
	case ACT_PANE_RIGHT:
		if (app->focus + 1 < PANE_COUNT)
			app_focus(app, app->focus + 1);
		break;
	case ACT_PANE_LEFT:
		if (app->focus > 0)
			app_focus(app, app->focus - 1);
		break;
	case ACT_ENTER:
		if (app->focus == PANE_DOCS)
			app_focus(app, PANE_DETAIL);
		break;
	case ACT_FOLD_LESS:
	case ACT_FOLD_MORE:
		pane_handle(app->panes[PANE_OUTLINE], a);
		break;
	case ACT_TAG_PICK:
		ov = picker_new(app, PICK_TAG);
		break;
	case ACT_TAG_CLEAR:
		app_tag(app, NULL);
		break;
	case ACT_UNDO:
	case ACT_REDO:
		app_undo(app, a == ACT_REDO);
		break;
	case ACT_ADVANCE:
		app->advance = !app->advance;
		app_message(app, "after tagging: %s", app->advance ?
			    "go to the next untagged document" : "stay");
		break;
	case ACT_SEARCH:
		open_prompt(app, "search: ", "", app_search);
		break;
	case ACT_HIT_NEXT:
	case ACT_HIT_PREV:
		hit(app, a == ACT_HIT_NEXT ? 1 : -1);
		break;
	case ACT_FILTER:
		ov = picker_new(app, PICK_FILTER);
		break;
	case ACT_CLEAR:
		if (app->filter.search || app->filter.theme || app->filter.untagged)
			app_clear_filter(app);
		break;
	case ACT_EXPORT:
		open_prompt(app, "export format (csv, jsonl, md): ", "csv",
			    export_format_chosen);
		break;
	case ACT_STATS:
		ov = stats_new(app);
		break;
	case ACT_HELP:
		ov = help_new(app);
		break;
	case ACT_REFRESH:
		app_reload_counts(app);
		app_reload_themes(app);
		app_reload_list(app);
		/* the store may have been empty: the panes replace the welcome */
		app_layout(app);
		app_open_doc(app, docs_selected(app->panes[PANE_DOCS]));
		break;
	case ACT_IMPORT_SAMPLE:
		app_message(app, "the store is not empty: juan import DIR adds more");
		break;
	case ACT_QUIT:
		app->quit = true;
		break;
	default:
		break;
	}
	if (ov != NULL)
		app_overlay_open(app, ov);
}

static void
prompt_input(struct app *app, int key)
{
	prompt_fn done;
	const char *text;
	char copy[1024];

	app->chrome_dirty = true;
	if (!prompt_key(app->prompt, key, &done, &text))
		return;
	snprintf(copy, sizeof(copy), "%s", text ? text : "");
	prompt_free(&app->prompt);
	if (done != NULL)
		done(app, copy);
}

void
app_key(struct app *app, int key)
{
	enum action a;
	const struct theme *t;
	char name[32];

	if (key == KEYC_RESIZE) {
		app_layout(app);
		return;
	}
	/* too small: no document on screen to act on, so only q acts */
	if (app->layout.mode == LAYOUT_TOO_SMALL) {
		if (app->prompt == NULL &&
		    keymap_lookup(&app->keymap, key) == ACT_QUIT)
			app->quit = true;
		return;
	}
	if (app->prompt != NULL) {
		prompt_input(app, key);
		return;
	}
	if (app->message[0] != '\0') {
		app->message[0] = '\0';
		app->chrome_dirty = true;
	}
	a = keymap_lookup(&app->keymap, key);
	if (app->overlay != NULL) {
		if (key != KEYC_MOUSE && overlay_key(app->overlay, key, a)) {
			overlay_free(&app->overlay);
			app_dirty_all(app);
		}
		return;
	}
	if (key == KEYC_MOUSE) {
		on_mouse(app);
		return;
	}
	if (app->total == 0) {
		if (a == ACT_IMPORT_SAMPLE)
			app_import_sample(app);
		else if (a == ACT_QUIT || a == ACT_HELP || a == ACT_REFRESH)
			global_action(app, a);
		return;
	}
	if (a == ACT_NONE) {
		t = app_theme_by_key(app, key);
		if (t != NULL)
			app_tag(app, t);
		else
			app_message(app, "%s: no such key (? shows the keys)",
				    keymap_key_name(key, name, sizeof(name)));
		return;
	}
	if (pane_handle(app->panes[app->focus], a))
		return;
	global_action(app, a);
}
