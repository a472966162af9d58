/* tagging: the actions that code the selected document — its main theme by
 * one key, a secondary theme, a review state, a note — and undo and redo.
 * Each change is one transaction in the store, committed before the status
 * line says what it did; each returns its reactions (notify.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/actions.h"
#include "juan/browser/ui.h"
#include "juan/suggest.h"
#include "juan/text.h"

#define TITLE_COLS 24 /* of a title in a message */
#define UNTAGGED "（未标注）"

/* The start of document id's title (or "document N"), into buf. */
static void
short_title(const struct doc_info *info, char *buf, size_t size)
{
	char *cut;

	cut = text_truncate(info->title, strlen(info->title), TITLE_COLS);
	if (cut != NULL && cut[0] != '\0')
		snprintf(buf, size, "%s", cut);
	else
		snprintf(buf, size, "document %lld", (long long)info->id);
	free(cut);
}

/* A document's themes as one string: "main" or "main + a、b", UNTAGGED
 * when none, the state after them. */
static void
themes_of(const struct doc_info *info, char *buf, size_t size)
{
	size_t used = 0, i;
	int w;

	w = snprintf(buf, size, "%s", info->theme_id ? info->theme_name :
		     info->state == TAG_STATE_NONE ? "none applies" : UNTAGGED);
	used = w > 0 ? (size_t)w : 0;
	for (i = 0; i < info->nsecondary && used < size; i++) {
		w = snprintf(buf + used, size - used, "%s%s",
			     i ? "、" : " + ", info->secondary[i]);
		used += w > 0 ? (size_t)w : 0;
	}
	if (info->state == TAG_STATE_UNSURE && used < size)
		snprintf(buf + used, size - used, " (unsure)");
}

/* "宿城区义务教育… 科技、教育 → 综合政务 · 3/5 reviewed" */
static void
confirm(struct app *app, const char *what)
{
	app_message(app, "%s · %ld/%ld reviewed%s", what, app->reviewed,
		    app->total, app->advance ? "" : " · advance off");
}

/* Document id in the active scheme into *info, its title into title and
 * its themes into before; false (with an error shown) when it cannot be
 * read. */
static bool
read_doc(struct app *app, int64_t id, struct doc_info *info, char *title,
	 size_t tsize, char *before, size_t bsize)
{
	if (id == 0) {
		app_error(app, "no document to tag");
		return false;
	}
	if (store_doc_info(app->store, id, info) != JUAN_OK) {
		app_error(app, "cannot read document %lld: %s", (long long)id,
			  store_error(app->store));
		return false;
	}
	short_title(info, title, tsize);
	themes_of(info, before, bsize);
	return true;
}

/* Whether info counts as reviewed: a main theme or a state. */
static bool
reviewed(const struct doc_info *info)
{
	return info->theme_id != 0 || info->state != TAG_STATE_NONE_SET;
}

/* After a change of document id, which was *was: the panes forget it, the
 * counts follow its change (counting the whole store again would take
 * longer than a key press at 100,000 documents), the status line says
 * "title before → after".  Clears *was. */
static void
changed(struct app *app, int64_t id, const char *title, const char *before,
	struct doc_info *was)
{
	struct doc_info info = { 0 };
	char after[600], what[1400];

	app_doc_changed(app, id);
	if (store_doc_info(app->store, id, &info) != JUAN_OK) {
		app_reload_counts(app);
		doc_info_clear(was);
		return;
	}
	app->tagged += (info.theme_id != 0) - (was->theme_id != 0);
	app->reviewed += reviewed(&info) - reviewed(was);
	app->pending |= R_CHROME;
	themes_of(&info, after, sizeof(after));
	snprintf(what, sizeof(what), "%s %s → %s", title, before, after);
	confirm(app, what);
	doc_info_clear(&info);
	doc_info_clear(was);
}

/* app_tag(), the change recorded as an accepted suggestion when accept. */
static unsigned
tag_main(struct app *app, const struct theme *t, bool accept)
{
	struct doc_info info = { 0 };
	int64_t id = app_doc_id(app), theme_id = t ? t->id : 0;
	char title[200], before[600];
	enum juan_status rc;

	if (!read_doc(app, id, &info, title, sizeof(title), before,
		      sizeof(before)))
		return R_CHROME;
	rc = accept ? suggest_accept(app->store, 0, id, theme_id) :
		store_tag(app->store, 0, id, theme_id);
	if (rc != JUAN_OK) {
		app_error(app, "tag not saved: %s", store_error(app->store));
		doc_info_clear(&info);
		return R_CHROME;
	}
	changed(app, id, title, before, &info);
	if (theme_id != 0 && app->advance)
		app_notify(app, EV_NEXT_UNTAGGED, 0, 0);
	return R_CHROME;
}

unsigned
app_adopt_start(struct app *app)
{
	const struct current *doc = app_doc(app);

	if (doc->id == 0) {
		app_error(app, "no document to settle");
		return R_CHROME;
	}
	if (doc->codings.n == 0) {
		app_message(app, "no other coder's coding of this document "
			    "(juan sync import brings them)");
		return R_CHROME;
	}
	if (doc->codings.n == 1)
		return app_adopt(app, 0);
	app->adopt_pending = true;
	app_message(app, "adopt whose coding: 1-%zu as in the text pane · "
		    "any other key cancels", doc->codings.n < 9 ?
		    doc->codings.n : 9);
	return R_CHROME;
}

unsigned
app_adopt(struct app *app, size_t index)
{
	const struct current *doc = app_doc(app);
	struct doc_info info = { 0 };
	int64_t id = doc->id;
	char title[200], before[600], label[200], from[420];
	const struct coding *c;
	bool did = false;

	if (index >= doc->codings.n) {
		app_error(app, "adopt: no coding %zu (1-%zu)", index + 1,
			  doc->codings.n);
		return R_CHROME;
	}
	c = &doc->codings.v[index];
	snprintf(label, sizeof(label), "%s", c->label);
	if (!read_doc(app, id, &info, title, sizeof(title), before,
		      sizeof(before)))
		return R_CHROME;
	/* c is borrowed from the document read: adopting rereads it */
	if (store_adopt(app->store, 0, id, c->uid, c->coder, &did) !=
	    JUAN_OK) {
		app_error(app, "not adopted: %s", store_error(app->store));
		doc_info_clear(&info);
		return R_CHROME;
	}
	if (!did) {
		app_message(app, "%s's coding is this document's already", label);
		doc_info_clear(&info);
		return R_CHROME;
	}
	snprintf(from, sizeof(from), "%s (%s's coding):", title, label);
	changed(app, id, from, before, &info);
	return R_CHROME;
}

unsigned
app_tag(struct app *app, const struct theme *t)
{
	return tag_main(app, t, false);
}

unsigned
app_tag_accepted(struct app *app, const struct theme *t)
{
	return tag_main(app, t, true);
}

unsigned
app_secondary(struct app *app, const struct theme *t)
{
	struct doc_info info = { 0 };
	int64_t id = app_doc_id(app);
	char title[200], before[600];
	bool add = true;
	size_t i;

	if (t == NULL)
		return R_CHROME;
	if (!read_doc(app, id, &info, title, sizeof(title), before,
		      sizeof(before)))
		return R_CHROME;
	for (i = 0; i < info.nsecondary; i++)
		if (strcmp(info.secondary[i], t->name) == 0)
			add = false;
	if (info.theme_id == t->id) {
		app_message(app, "%s is the main theme already", t->name);
		doc_info_clear(&info);
		return R_CHROME;
	}
	if (store_secondary(app->store, 0, id, t->id, add) != JUAN_OK) {
		app_error(app, "secondary theme not saved: %s",
			  store_error(app->store));
		doc_info_clear(&info);
		return R_CHROME;
	}
	changed(app, id, title, before, &info);
	return R_CHROME;
}

unsigned
app_state(struct app *app, enum tag_state st)
{
	struct doc_info info = { 0 };
	int64_t id = app_doc_id(app);
	char title[200], before[600];

	if (!read_doc(app, id, &info, title, sizeof(title), before,
		      sizeof(before)))
		return R_CHROME;
	/* the same key again clears the state */
	if (info.state == st)
		st = TAG_STATE_NONE_SET;
	if (store_set_state(app->store, 0, id, st) != JUAN_OK) {
		app_error(app, "state not saved: %s", store_error(app->store));
		doc_info_clear(&info);
		return R_CHROME;
	}
	changed(app, id, title, before, &info);
	if (st != TAG_STATE_NONE_SET && app->advance)
		app_notify(app, EV_NEXT_UNTAGGED, 0, 0);
	return R_CHROME;
}

unsigned
app_note(struct app *app, const char *text)
{
	int64_t id = app_doc_id(app);

	if (id == 0) {
		app_error(app, "no document to write a note on");
		return R_CHROME;
	}
	if (store_set_note(app->store, id, text) != JUAN_OK) {
		app_error(app, "note not saved: %s", store_error(app->store));
		return R_CHROME;
	}
	app_doc_changed(app, id);
	app_message(app, text[0] ? "note saved" : "note removed");
	return R_CHROME;
}

/* A change's value as the message shows it. */
static const char *
shown(const struct change *c, const char *v)
{
	if (v == NULL || v[0] == '\0')
		return strcmp(c->field, "note") == 0 ? "（无备注）" :
		       strcmp(c->field, "state") == 0 ? "（无状态）" : UNTAGGED;
	return v;
}

unsigned
app_undo(struct app *app, bool redo)
{
	struct doc_info info = { 0 };
	struct change ch = { 0 };
	enum juan_status rc;
	char title[200], what[1400], field[64] = "";
	int64_t id;

	rc = redo ? store_redo(app->store, &ch) : store_undo(app->store, &ch);
	if (rc == JUAN_ENOTFOUND) {
		app_message(app, "nothing to %s", redo ? "redo" : "undo");
		return R_CHROME;
	}
	if (rc != JUAN_OK) {
		app_error(app, "%s failed: %s", redo ? "redo" : "undo",
			  store_error(app->store));
		return R_CHROME;
	}
	id = ch.doc;
	if (id == 0) {
		/* a whole scheme came back or went: everything is read again */
		app_doc_changed(app, 0);
		app_reload_counts(app);
		app_reload_themes(app);
		app_set_filter(app, NULL, false, NULL, app_doc_id(app));
		confirm(app, redo ? "redone: scheme change" :
			"undone: scheme change");
		change_clear(&ch);
		return R_CHROME | R_PANES;
	}
	app_doc_changed(app, id);
	app_reload_counts(app);
	/* the filter may hide the document: list every one to show it */
	if (!app_notify(app, EV_GOTO_DOC, id, 0)) {
		app_clear_filter(app);
		app_notify(app, EV_GOTO_DOC, id, 0);
	}
	if (store_doc_info(app->store, id, &info) == JUAN_OK)
		short_title(&info, title, sizeof(title));
	else
		snprintf(title, sizeof(title), "document %lld", (long long)id);
	if (strcmp(ch.field, "theme") != 0)
		snprintf(field, sizeof(field), "%s ", ch.field);
	snprintf(what, sizeof(what), "%s: %s %s%s → %s",
		 redo ? "redone" : "undone", title, field, shown(&ch, ch.old),
		 shown(&ch, ch.now));
	confirm(app, what);
	doc_info_clear(&info);
	change_clear(&ch);
	return R_CHROME;
}

unsigned
app_note_edit(struct app *app)
{
	const struct current *doc = app_doc(app);

	if (doc->id == 0) {
		app_error(app, "no document to write a note on");
		return R_CHROME;
	}
	return app_ask(app, "note (Enter saves, Esc cancels): ",
		       doc->info.note, app_note);
}
