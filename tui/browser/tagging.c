/* tagging: the actions that give the selected document a theme by one key,
 * undo and redo — each change committed to the store before the status line
 * confirms it.  Each returns its reactions (notify.h). */
#include <stdio.h>

#include "juan/browser/actions.h"
#include "juan/browser/ui.h"

/* "科技、教育 → 3/5 tagged" */
static void
confirm(struct app *app, const char *what)
{
	app_message(app, "%s → %ld/%ld tagged%s", what, app->tagged,
		    app->total, app->advance ? "" : " · advance off");
}

unsigned
app_tag(struct app *app, const struct theme *t)
{
	int64_t id = app_doc_id(app), theme_id = t ? t->id : 0;
	enum juan_status rc;
	char name[256];

	/* t may not outlive a reload of the themes: keep what is needed */
	snprintf(name, sizeof(name), "%s", t ? t->name : "（未标注）");
	if (id == 0) {
		app_error(app, "no document to tag");
		return R_CHROME;
	}
	rc = store_tag(app->store, id, theme_id);
	if (rc != JUAN_OK) {
		app_error(app, "tag not saved: %s", store_error(app->store));
		return R_CHROME;
	}
	app_doc_changed(app, id);
	app_reload_counts(app);
	confirm(app, name);
	if (theme_id != 0 && app->advance)
		app_notify(app, EV_NEXT_UNTAGGED, 0, 0);
	return R_CHROME;
}

unsigned
app_undo(struct app *app, bool redo)
{
	struct doc_info info = { 0 };
	enum juan_status rc;
	int64_t id = 0;
	char what[300];

	rc = redo ? store_redo(app->store, &id) : store_undo(app->store, &id);
	if (rc == JUAN_ENOTFOUND) {
		app_message(app, "nothing to %s", redo ? "redo" : "undo");
		return R_CHROME;
	}
	if (rc != JUAN_OK) {
		app_error(app, "%s failed: %s", redo ? "redo" : "undo",
			  store_error(app->store));
		return R_CHROME;
	}
	app_doc_changed(app, id);
	app_reload_counts(app);
	/* the filter may hide the document: list every one to show it */
	if (!app_notify(app, EV_GOTO_DOC, id, 0)) {
		app_clear_filter(app);
		app_notify(app, EV_GOTO_DOC, id, 0);
	}
	if (store_doc_info(app->store, id, &info) == JUAN_OK) {
		snprintf(what, sizeof(what), "%s: %s", redo ? "redone" : "undone",
			 info.theme_id ? info.theme_name : "（未标注）");
		confirm(app, what);
	}
	doc_info_clear(&info);
	return R_CHROME;
}
