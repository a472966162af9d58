/* listing: the actions on the list as a whole — the wide list (the
 * documents pane over the whole screen), the jump to a document by id, and
 * the marks for bulk actions.  Each returns its reactions (notify.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/actions.h"
#include "juan/browser/prompt.h"
#include "juan/browser/ui.h"

bool
app_list_leaves(enum action a)
{
	return a == ACT_ENTER || a == ACT_PANE_NEXT || a == ACT_PANE_PREV ||
	       a == ACT_PANE_LEFT || a == ACT_PANE_RIGHT;
}

/* Jumps to the document whose id is text. */
static unsigned
jump_to(struct app *app, const char *text)
{
	struct doc_info info = { 0 };
	char *end = NULL;
	long long id;

	while (*text == ' ')
		text++;
	if (*text == '\0')
		return R_CHROME;
	id = strtoll(text, &end, 10);
	if (end == text || *end != '\0' || id <= 0) {
		app_error(app, "%s: not a document id", text);
		return R_CHROME;
	}
	if (app_notify(app, EV_GOTO_DOC, id, 0)) {
		app_message(app, "document %lld", id);
	} else if (store_doc_info(app->store, id, &info) == JUAN_OK) {
		app_error(app, "document %lld is not listed (Esc clears the query)",
			  id);
	} else {
		app_error(app, "no document %lld", id);
	}
	doc_info_clear(&info);
	return R_CHROME;
}

static unsigned
mark_one(struct app *app)
{
	int64_t id = app_doc_id(app);
	bool now = false;

	if (id == 0)
		return R_NONE;
	if (marks_toggle(&app->marks, id, &now) != JUAN_OK) {
		app_error(app, "out of memory");
		return R_CHROME;
	}
	app_notify(app, EV_MARKS, id, 0);
	app_message(app, "%s · %zu marked", now ? "marked" : "unmarked",
		    app->marks.n);
	if (now)
		pane_move(app->panes[PANE_DOCS], 1);
	return R_CHROME;
}

unsigned
app_list_action(struct app *app, enum action a)
{
	switch (a) {
	case ACT_WIDE_LIST:
		app->wide_list = !app->wide_list;
		app_focus(app, PANE_DOCS);
		return R_LAYOUT;
	case ACT_JUMP:
		prompt_free(&app->prompt);
		app->prompt = prompt_new("jump to document: ", "", jump_to);
		return R_CHROME;
	case ACT_MARK:
		return mark_one(app);
	case ACT_MARK_ALL:
		if (!app_notify(app, EV_MARK_LISTED, 0, 0))
			app_error(app, "out of memory");
		else
			app_message(app, "%zu marked", app->marks.n);
		return R_CHROME;
	case ACT_MARK_CLEAR:
		marks_clear(&app->marks);
		app_notify(app, EV_MARKS, 0, 0);
		app_message(app, "no document marked");
		return R_CHROME;
	default:
		return R_NONE;
	}
}
