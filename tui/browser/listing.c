/* listing: the actions on the list as a whole — the wide list (the
 * documents pane over the whole screen), the jump to a document by id or
 * docno, the marks for bulk actions, the bulk prefix and the sort order
 * (remembered per store).  Each returns its reactions (notify.h). */
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

/* The order after sort in the cycle the sort key steps through. */
static const enum sort_key sort_cycle[] = {
	SORT_DEFAULT, SORT_DATE, SORT_ISSUER, SORT_DOCNO, SORT_TITLE,
	SORT_THEME, SORT_STATE, SORT_ID,
};

static unsigned
sort_step(struct app *app, bool reverse)
{
	size_t i, n = sizeof(sort_cycle) / sizeof(sort_cycle[0]);
	char by[32];

	if (reverse) {
		app->sort.desc = !app->sort.desc;
	} else {
		for (i = 0; i < n && sort_cycle[i] != app->sort.key; i++)
			;
		app->sort.key = sort_cycle[(i + 1) % n];
		app->sort.desc = false;
	}
	if (store_sort_set(app->store, &app->sort) != JUAN_OK)
		app_error(app, "the order is not remembered: %s",
			  store_error(app->store));
	else
		app_message(app, "sorted by %s · , next order · < reverse",
			    list_sort_format(&app->sort, by, sizeof(by)));
	app_notify(app, EV_LIST, app_doc_id(app), 0);
	return R_CHROME;
}

/* Jumps to the first listed document whose docno holds text. */
static unsigned
jump_docno(struct app *app, const char *text)
{
	char query[600];
	int64_t *ids = NULL;
	size_t n = 0, i;
	enum juan_status rc;

	if (strchr(text, '"') != NULL) {
		app_error(app, "%s: not a document id or docno", text);
		return R_CHROME;
	}
	snprintf(query, sizeof(query), "docno:\"%s\"", text);
	rc = store_query_ids(app->store, query, NULL, &ids, &n);
	if (rc != JUAN_OK && rc != JUAN_ENOTFOUND) {
		app_error(app, "%s: %s", text, store_error(app->store));
		return R_CHROME;
	}
	for (i = 0; i < n; i++)
		if (app_notify(app, EV_GOTO_DOC, ids[i], 0))
			break;
	if (n == 0)
		app_error(app, "no document with docno %s", text);
	else if (i == n)
		app_error(app, "docno %s: %zu documents, none listed (Esc "
			  "clears the query)", text, n);
	else
		app_message(app, "document %lld · docno %s", (long long)ids[i],
			    text);
	free(ids);
	return R_CHROME;
}

/* Jumps to the document whose id (or docno) is text. */
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
	if (end == text || *end != '\0' || id <= 0)
		return jump_docno(app, text);
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
		app->prompt = prompt_new("jump to document (id or docno): ", "",
					 jump_to);
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
	case ACT_SORT:
	case ACT_SORT_REVERSE:
		return sort_step(app, a == ACT_SORT_REVERSE);
	case ACT_BULK:
		app->bulk_pending = true;
		if (app->marks.n > 0)
			app_message(app, "%zu marked: a theme's key · x clear · - "
				    "none applies · ? unsure", app->marks.n);
		else
			app_message(app, "every listed document (%zu): a theme's "
				    "key · x clear · - none applies · ? unsure",
				    app->listed);
		return R_CHROME;
	default:
		return R_NONE;
	}
}
