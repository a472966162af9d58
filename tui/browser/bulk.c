/* bulk: the action after the bulk prefix — a theme, no theme, a review
 * state, or juan's suggestion (each document's own) for every marked document (or, after a confirmation that says how
 * many, every listed one), as one transaction and one undo step
 * (store_bulk).  Returns its reactions (notify.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/actions.h"
#include "juan/browser/prompt.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/ui.h"

/* What app->bulk does, for the messages: "科技、教育", "no theme"... */
static void
bulk_what(const struct app *app, char *buf, size_t size)
{
	size_t i;

	switch (app->bulk.op) {
	case BULK_THEME:
		snprintf(buf, size, "theme %lld", (long long)app->bulk.theme);
		for (i = 0; i < app->themes.n; i++)
			if (app->themes.themes[i].id == app->bulk.theme)
				snprintf(buf, size, "%s", app->themes.themes[i].name);
		break;
	case BULK_CLEAR:
		snprintf(buf, size, "no theme");
		break;
	case BULK_STATE:
		snprintf(buf, size, "state %s", tag_state_name(app->bulk.state));
		break;
	case BULK_ACCEPT:
		snprintf(buf, size, "the suggested theme");
		break;
	}
}

/* Applies app->bulk to ids[0..n) in one change and says what changed. */
static unsigned
apply(struct app *app, const int64_t *ids, size_t n)
{
	char what[300];
	size_t changed = 0;
	enum juan_status rc;

	if (app->bulk.op == BULK_ACCEPT)
		return app_accept_many(app, ids, n);
	bulk_what(app, what, sizeof(what));
	rc = store_bulk(app->store, 0, ids, n, &app->bulk, false, NULL,
			&changed);
	if (rc != JUAN_OK) {
		app_error(app, "%s not applied: %s", what,
			  store_error(app->store));
		return R_CHROME;
	}
	app_doc_changed(app, 0);
	app_reload_counts(app);
	app_reload_themes(app);
	app_message(app, "%s → %zu of %zu documents changed · u undoes them all",
		    what, changed, n);
	return R_CHROME;
}

/* The confirmation for every listed document: "y" applies. */
static unsigned
confirmed(struct app *app, const char *answer)
{
	struct list_query q;
	int64_t *ids = NULL;
	size_t n = 0;
	unsigned r;

	if (strcmp(answer, "y") != 0 && strcmp(answer, "yes") != 0) {
		app_message(app, "nothing changed");
		return R_CHROME;
	}
	app_list_query(app, &q);
	if (store_list_ids(app->store, &q, &ids, &n) != JUAN_OK) {
		app_error(app, "cannot list documents: %s",
			  store_error(app->store));
		return R_CHROME;
	}
	r = apply(app, ids, n);
	free(ids);
	return r;
}

unsigned
app_bulk_key(struct app *app, int key)
{
	const struct theme *t = app_theme_by_key(app, key);
	enum action a = keymap_lookup(&app->keymap, key);
	char what[300], label[400];

	app->bulk_pending = false;
	app->bulk = (struct bulk_action){ 0 };
	if (t != NULL && a == ACT_NONE) {
		app->bulk.op = BULK_THEME;
		app->bulk.theme = t->id;
	} else if (a == ACT_TAG_CLEAR) {
		app->bulk.op = BULK_CLEAR;
	} else if (a == ACT_ACCEPT) {
		app->bulk.op = BULK_ACCEPT;
	} else if (a == ACT_STATE_NONE || a == ACT_STATE_UNSURE) {
		app->bulk.op = BULK_STATE;
		app->bulk.state = a == ACT_STATE_NONE ? TAG_STATE_NONE :
			TAG_STATE_UNSURE;
	} else {
		app_message(app, "bulk action cancelled");
		return R_CHROME;
	}
	if (app->marks.n > 0)
		return apply(app, app->marks.ids, app->marks.n);
	if (app->listed == 0) {
		app_error(app, "no documents listed: nothing to change");
		return R_CHROME;
	}
	bulk_what(app, what, sizeof(what));
	snprintf(label, sizeof(label), "%s for all %zu listed documents? (y/n) ",
		 what, app->listed);
	prompt_free(&app->prompt);
	app->prompt = prompt_new(label, "", confirmed);
	return R_CHROME;
}
