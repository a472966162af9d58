/* dispatch: what a key does — the prompt or overlay that has it, else its
 * action → the focused pane, else the global handler (NeoMutt's handler
 * chain); a theme's own key tags, after `+` it adds or removes a
 * secondary theme.  Also the mouse and the sample import.  Every handler
 * returns the reactions the main loop applies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/import.h"
#include "juan/browser/actions.h"
#include "juan/browser/dispatch.h"
#include "juan/browser/overlay.h"
#include "juan/browser/prompt.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/term.h"
#include "juan/browser/ui.h"

static unsigned
open_overlay(struct app *app, struct overlay *ov)
{
	if (ov == NULL)
		return R_NONE;
	overlay_free(&app->overlay);
	app->overlay = ov;
	overlay_place(ov, &app->layout);
	return R_NONE;
}

/* Rereads the counts, the themes and the list, keeping the selected
 * document. */
static void
reread(struct app *app)
{
	app_reload_counts(app);
	app_reload_themes(app);
	app_doc_changed(app, 0);
	app_notify(app, EV_LIST, app_doc_id(app), 0);
}

static void
import_error(const char *path, const char *msg, void *ctx)
{
	struct app *app = ctx;

	app_error(app, "%s: %s", path, msg);
}

/* Imports the sample corpus into the (empty) store. */
static unsigned
import_sample(struct app *app)
{
	struct import_ops ops = { 0 };
	struct import_counts counts = { 0 };
	const char *paths[1] = { app->sample };
	enum juan_status rc;

	if (app->sample[0] == '\0') {
		app_error(app, "no sample corpus found: set JUAN_SAMPLE");
		return R_CHROME;
	}
	ops.error = import_error;
	ops.ctx = app;
	rc = import_paths(app->store, paths, 1, &ops, &counts);
	reread(app);
	if (rc != JUAN_OK)
		app_error(app, "import stopped: %s", store_error(app->store));
	else
		app_message(app, "imported %ld documents from %s",
			    counts.imported + counts.updated, app->sample);
	/* the store may have been empty: the panes replace the welcome */
	return R_LAYOUT;
}

static unsigned
on_mouse(struct app *app)
{
	enum mouse_kind kind;
	struct pane *p;
	size_t row;
	int y, x, id;

	term_mouse(&y, &x, &kind);
	id = layout_pane_at(&app->layout, y, x);
	if (id < 0 || app->overlay != NULL || app->total == 0)
		return R_NONE;
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
		return R_NONE;
	}
	app_focus(app, id);
	row = p->top + (size_t)(y - app->layout.pane[id].y);
	/* a click below the last row only focuses the pane */
	if (p->has_cursor && row < pane_rows(p))
		pane_goto(p, row);
	return R_NONE;
}

static void
focus_step(struct app *app, int dir)
{
	app_focus(app, (app->focus + PANE_COUNT + dir) % PANE_COUNT);
}

static unsigned
global_action(struct app *app, enum action a)
{
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
		/* from the list or the outline: read the text */
		if (app->focus != PANE_DETAIL)
			app_focus(app, PANE_DETAIL);
		break;
	case ACT_FOLD_LESS:
	case ACT_FOLD_MORE:
		pane_handle(app->panes[PANE_OUTLINE], a);
		break;
	case ACT_TAG_PICK:
		return open_overlay(app, picker_new(app, PICK_TAG, app_tag, NULL));
	case ACT_TAG_CLEAR:
		return app_tag(app, NULL);
	case ACT_ACCEPT:
		return app_accept(app);
	case ACT_SECONDARY:
		app->secondary = true;
		app_message(app, "secondary theme: a theme's key adds or "
			    "removes it · t picks · Esc cancels");
		return R_CHROME;
	case ACT_STATE_NONE:
		return app_state(app, TAG_STATE_NONE);
	case ACT_STATE_UNSURE:
		return app_state(app, TAG_STATE_UNSURE);
	case ACT_NOTE:
		return app_note_edit(app);
	case ACT_ADOPT:
		return app_adopt_start(app);
	case ACT_SCHEME_NEXT:
		return app_scheme_next(app);
	case ACT_UNDO:
	case ACT_REDO:
		return app_undo(app, a == ACT_REDO);
	case ACT_ADVANCE:
		app->advance = !app->advance;
		app_message(app, "after tagging: %s", app->advance ?
			    "go on to the next that needs work" : "stay");
		return R_CHROME;
	case ACT_SEARCH:
		return app_ask(app, "search: ", "", app_search);
	case ACT_HIT_NEXT:
	case ACT_HIT_PREV:
		app_notify(app, EV_HIT, 0, a == ACT_HIT_NEXT ? 1 : -1);
		return R_CHROME;
	case ACT_FILTER:
		return open_overlay(app, picker_new(app, PICK_FILTER,
						    app_pick_filter,
						    app_review_filter));
	case ACT_CLEAR:
		if (app->filter.search || app->filter.theme || app->filter.untagged ||
		    app->filter.query)
			return app_clear_last(app);
		break;
	case ACT_EXPORT:
		return app_export(app);
	case ACT_STATS:
		return open_overlay(app, stats_new(app));
	case ACT_HELP:
		return open_overlay(app, help_new(app));
	case ACT_REFRESH:
		reread(app);
		/* the store may have been empty: the panes replace the welcome */
		return R_LAYOUT;
	case ACT_IMPORT_SAMPLE:
		app_message(app, "the store is not empty: juan import DIR adds more");
		return R_CHROME;
	case ACT_QUIT:
		return R_QUIT;
	case ACT_WIDE_LIST:
	case ACT_JUMP:
	case ACT_MARK:
	case ACT_MARK_ALL:
	case ACT_MARK_CLEAR:
	case ACT_SORT:
	case ACT_SORT_REVERSE:
	case ACT_BULK:
		return app_list_action(app, a);
	default:
		break;
	}
	return R_NONE;
}

static unsigned
prompt_input(struct app *app, int key)
{
	prompt_fn done;
	const char *text;
	char copy[PROMPT_MAX + 1];

	if (!prompt_key(app->prompt, key, &done, &text))
		return R_CHROME;
	snprintf(copy, sizeof(copy), "%s", text ? text : "");
	prompt_free(&app->prompt);
	if (done != NULL)
		return R_CHROME | done(app, copy);
	return R_CHROME;
}

static unsigned
overlay_input(struct app *app, int key, enum action a)
{
	unsigned r;

	if (key == KEYC_MOUSE || !overlay_key(app->overlay, key, a))
		return R_NONE;
	r = app->overlay->reaction;
	overlay_free(&app->overlay);
	return r | R_PANES;
}

/* The key after `+`: a theme's key adds or removes that secondary theme,
 * the picker's key opens the picker for one, anything else cancels. */
static unsigned
secondary_key(struct app *app, int key, enum action a)
{
	const struct theme *t = app_theme_by_key(app, key);

	app->secondary = false;
	if (app->total == 0)
		return R_NONE;
	if (t != NULL)
		return app_secondary(app, t);
	if (a == ACT_TAG_PICK)
		return open_overlay(app, picker_new(app, PICK_SECONDARY,
						    app_secondary, NULL));
	app_message(app, "secondary theme: cancelled");
	return R_CHROME;
}

/* The key after `@` with several other codings: 1 to 9 adopts the coding
 * of that number in the text pane, anything else cancels. */
static unsigned
adopt_key(struct app *app, int key)
{
	app->adopt_pending = false;
	if (key >= '1' && key <= '9')
		return app_adopt(app, (size_t)(key - '1'));
	app_message(app, "adopt: cancelled");
	return R_CHROME;
}

unsigned
app_key(struct app *app, int key)
{
	enum action a;
	const struct theme *t;
	char name[32];

	if (key == KEYC_RESIZE)
		return R_LAYOUT;
	/* too small: no document on screen to act on, so only q acts */
	if (app->layout.mode == LAYOUT_TOO_SMALL) {
		if (app->prompt == NULL &&
		    keymap_lookup(&app->keymap, key) == ACT_QUIT)
			return R_QUIT;
		return R_NONE;
	}
	if (app->prompt != NULL)
		return prompt_input(app, key);
	app_message_clear(app);
	if (app->bulk_pending)
		return app_bulk_key(app, key);
	a = keymap_lookup(&app->keymap, key);
	if (app->secondary && app->overlay == NULL)
		return secondary_key(app, key, a);
	if (app->adopt_pending && app->overlay == NULL)
		return adopt_key(app, key);
	if (app->overlay != NULL)
		return overlay_input(app, key, a);
	if (key == KEYC_MOUSE)
		return on_mouse(app);
	if (app->total == 0) {
		if (a == ACT_IMPORT_SAMPLE)
			return import_sample(app);
		if (a == ACT_QUIT || a == ACT_HELP || a == ACT_REFRESH)
			return global_action(app, a);
		return R_NONE;
	}
	if (a == ACT_NONE) {
		t = app_theme_by_key(app, key);
		if (t != NULL)
			return app_tag(app, t);
		app_message(app, "%s: no such key (? shows the keys)",
			    keymap_key_name(key, name, sizeof(name)));
		return R_CHROME;
	}
	if (pane_handle(app->panes[app->focus], a))
		return R_NONE;
	if (app->wide_list && app_list_leaves(a))
		return app_list_action(app, ACT_WIDE_LIST) | global_action(app, a);
	return global_action(app, a);
}
