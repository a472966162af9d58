/* notify: fans an event out to every pane, and marks the chrome when the
 * header shows what changed. */
#include "juan/browser/ui.h"

bool
app_notify(struct app *app, enum event_kind kind, int64_t id, long index)
{
	struct event ev = { kind, id, index, false };
	size_t i;

	if (kind == EV_LIST || kind == EV_THEMES || kind == EV_DOC_CHANGED)
		app->pending |= R_CHROME;
	for (i = 0; i < PANE_COUNT; i++)
		if (app->panes[i] != NULL && app->panes[i]->ops->event)
			app->panes[i]->ops->event(app->panes[i], &ev);
	return ev.taken;
}
