/* suggesting: the actions that accept juan's suggestions — the selected
 * document's top one with one key, and each marked (or listed) document's
 * own after the bulk prefix, as one change.  Returns reactions (notify.h). */
#include <stdlib.h>

#include "juan/browser/actions.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/ui.h"

unsigned
app_accept(struct app *app)
{
	int64_t theme = app_suggest_theme(app);
	size_t i;

	if (app_doc_id(app) == 0) {
		app_error(app, "no document to tag");
		return R_CHROME;
	}
	for (i = 0; theme != 0 && i < app->themes.n; i++)
		if (app->themes.themes[i].id == theme)
			return app_tag_accepted(app, &app->themes.themes[i]);
	app_error(app, "no suggestion to accept for this document");
	return R_CHROME;
}

unsigned
app_accept_many(struct app *app, const int64_t *ids, size_t n)
{
	const struct suggester *g = app_suggester(app);
	size_t changed = 0;

	if (g == NULL)
		return R_CHROME;
	if (suggest_accept_many(app->store, g, ids, n, NULL, &changed) !=
	    JUAN_OK) {
		app_error(app, "suggestions not accepted: %s",
			  store_error(app->store));
		return R_CHROME;
	}
	app_doc_changed(app, 0);
	app_reload_counts(app);
	app_reload_themes(app);
	app_message(app, "suggested themes accepted → %zu of %zu documents "
		    "changed · u undoes them all", changed, n);
	return R_CHROME;
}
