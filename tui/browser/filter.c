/* filter: the actions that choose which documents the list shows — one
 * query (qlang.h) that `/` and `f` compose, part by part: `/排污` then `f`
 * theme b lists what `juan list '排污 theme:b'` lists.  Esc takes the last
 * part off, a second Esc clears the query.  Each returns its reactions
 * (notify.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/actions.h"
#include "juan/browser/ui.h"
#include "juan/text.h"

/* Lists the documents of the query so far with part added, and says how
 * many. */
static unsigned
add_part(struct app *app, const char *part)
{
	const char *old = app->filter.query;
	size_t size = (old ? strlen(old) + 1 : 0) + strlen(part) + 1;
	char *query = malloc(size);

	if (query == NULL) {
		app_error(app, "out of memory");
		return R_CHROME;
	}
	snprintf(query, size, "%s%s%s", old ? old : "", old ? " " : "", part);
	/* a list that failed keeps its error on the status line */
	if (app_set_query(app, query, 0) == JUAN_OK && !app->list_failed) {
		if (app->listed == 0)
			app_message(app, "%s: no documents · Esc takes it back",
				    query);
		else
			app_message(app, "%s: %zu documents%s", query,
				    app->listed, app->filter.search ?
				    " · n/N: next/previous hit" : "");
	}
	free(query);
	return R_CHROME;
}

unsigned
app_filter(struct app *app, const char *theme, bool untagged)
{
	char part[300];

	if (untagged)
		return add_part(app, "state:untagged");
	/* a name with a blank or a quote is one value only when quoted */
	if (strpbrk(theme, " \t\"") != NULL || strstr(theme, "\u3000"))
		snprintf(part, sizeof(part), "theme:\"%s\"", theme);
	else
		snprintf(part, sizeof(part), "theme:%s", theme);
	return add_part(app, part);
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
	return add_part(app, query);
}

unsigned
app_clear_filter(struct app *app)
{
	free(app->filter.cleared);
	app->filter.cleared = NULL;
	app_set_filter(app, NULL, false, NULL, app_doc_id(app));
	if (!app->list_failed)
		app_message(app, "every document");
	return R_CHROME;
}

unsigned
app_review_filter(struct app *app, enum tag_state st, bool todo)
{
	char part[32];

	snprintf(part, sizeof(part), "state:%s",
		 todo ? "todo" : tag_state_name(st));
	return add_part(app, part);
}

unsigned
app_clear_last(struct app *app)
{
	struct filter *f = &app->filter;
	struct qlang q = { 0 };
	char *rest = NULL;
	size_t end;

	if (f->query == NULL || (f->cleared && strcmp(f->cleared, f->query) == 0) ||
	    qlang_parse(f->query, &q, NULL) != JUAN_OK || q.nparts < 2) {
		qlang_free(&q);
		return app_clear_filter(app);
	}
	end = q.parts[q.nparts - 1].start;
	qlang_free(&q);
	while (end > 0 && f->query[end - 1] == ' ')
		end--;
	rest = strndup(f->query, end);
	if (rest == NULL || app_set_query(app, rest, app_doc_id(app)) != JUAN_OK) {
		free(rest);
		return app_clear_filter(app);
	}
	free(f->cleared);
	f->cleared = rest;
	app_message(app, "%s: %zu documents · Esc again clears", rest,
		    app->listed);
	return R_CHROME;
}
