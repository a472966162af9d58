/* filter: the actions that choose which documents the list shows — a theme,
 * the untagged, or the hits of a full-text search, ranked.  Each returns its
 * reactions (notify.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/browser/actions.h"
#include "juan/browser/ui.h"
#include "juan/text.h"

unsigned
app_filter(struct app *app, const char *theme, bool untagged)
{
	app_set_filter(app, theme, untagged, NULL, 0);
	if (!app->list_failed) /* else the error stays on the status line */
		app_message(app, "%zu documents", app->listed);
	return R_CHROME;
}

unsigned
app_pick_filter(struct app *app, const struct theme *t)
{
	return app_filter(app, t ? t->name : NULL, t == NULL);
}

unsigned
app_search(struct app *app, const char *query)
{
	/* blanks, the full-width space of a Chinese input method too */
	if (text_is_blank(query, strlen(query)))
		return app_clear_filter(app);
	app_set_filter(app, NULL, false, query, 0);
	if (app->list_failed)
		return R_CHROME; /* the error stays on the status line */
	if (app->listed == 0)
		app_message(app, "%s: no documents", query);
	else
		app_message(app, "%s: %zu documents · n/N: next/previous hit",
			    query, app->listed);
	return R_CHROME;
}

unsigned
app_clear_filter(struct app *app)
{
	app_set_filter(app, NULL, false, NULL, app_doc_id(app));
	if (!app->list_failed)
		app_message(app, "every document");
	return R_CHROME;
}
