/* filter: which documents the list shows — a theme, the untagged, or the
 * hits of a full-text search, ranked. */
#include <stdlib.h>
#include <string.h>

#include "juan/browser/ui.h"
#include "juan/text.h"

static void
filter_clear(struct filter *f)
{
	free(f->theme);
	free(f->search);
	memset(f, 0, sizeof(*f));
}

/* Reloads the list and shows its first document. */
static void
relist(struct app *app)
{
	struct pane *docs = app->panes[PANE_DOCS];

	docs->cursor = 0;
	docs->top = 0;
	/* not app_reload_list(), which would go back to the document that
	 * was first before */
	docs->ops->reload(docs);
	app_open_doc(app, docs_selected(docs));
	app->chrome_dirty = true;
}

void
app_filter(struct app *app, const char *theme, bool untagged)
{
	filter_clear(&app->filter);
	app->filter.untagged = untagged;
	if (theme != NULL)
		app->filter.theme = strdup(theme);
	relist(app);
	app_message(app, "%zu documents", docs_count(app->panes[PANE_DOCS]));
}

void
app_search(struct app *app, const char *query)
{
	/* blanks, the full-width space of a Chinese input method too */
	if (text_is_blank(query, strlen(query))) {
		app_clear_filter(app);
		return;
	}
	filter_clear(&app->filter);
	app->filter.search = strdup(query);
	relist(app);
	if (docs_count(app->panes[PANE_DOCS]) == 0)
		app_message(app, "%s: no documents", query);
	else
		app_message(app, "%s: %zu documents · n/N: next/previous hit",
			    query, docs_count(app->panes[PANE_DOCS]));
}

void
app_clear_filter(struct app *app)
{
	int64_t id = docs_selected(app->panes[PANE_DOCS]);

	filter_clear(&app->filter);
	app_reload_list(app);
	docs_select_id(app->panes[PANE_DOCS], id);
	app_open_doc(app, docs_selected(app->panes[PANE_DOCS]));
	app->chrome_dirty = true;
	app_message(app, "every document");
}
