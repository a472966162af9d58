/* scheme: the action that switches the active scheme — the next one by
 * name, wrapping around.  The theme keys, the themes the list and the
 * detail pane show, the counts and the progress all follow the active
 * scheme. */
#include <stdio.h>
#include <string.h>

#include "juan/browser/actions.h"
#include "juan/browser/ui.h"

unsigned
app_scheme_next(struct app *app)
{
	struct scheme_info *list = NULL;
	size_t n = 0, i, at = 0;
	enum juan_status rc;

	rc = store_schemes(app->store, &list, &n);
	if (rc != JUAN_OK) {
		app_error(app, "cannot read the schemes: %s",
			  store_error(app->store));
		return R_CHROME;
	}
	if (n < 2) {
		app_message(app, "one scheme only (%s): juan themes load FILE "
			    "--as NAME adds one", app->scheme_name);
		scheme_info_free(list, n);
		return R_CHROME;
	}
	/* the list is the active one first, then the others by name: the
	 * next name after the active one's, else the first */
	at = 1;
	for (i = 1; i < n; i++)
		if (strcmp(list[i].name, list[0].name) > 0) {
			at = i;
			break;
		}
	rc = store_scheme_activate(app->store, list[at].id);
	if (rc != JUAN_OK) {
		app_error(app, "cannot switch the scheme: %s",
			  store_error(app->store));
		scheme_info_free(list, n);
		return R_CHROME;
	}
	app_reload_counts(app);
	app_reload_themes(app);
	app_doc_changed(app, 0);
	/* the query's theme: and state: now mean the new scheme's */
	app_notify(app, EV_LIST, app_doc_id(app), 0);
	if (app->message[0] == '\0' || !app->message_error)
		app_message(app, "scheme %s: %ld themes · %ld/%ld reviewed",
			    app->scheme_name, list[at].themes,
			    app->reviewed, app->total);
	scheme_info_free(list, n);
	return R_CHROME | R_PANES;
}
