/* state: the browser's state and the services every part calls down into —
 * the message, the filter, the selected document (read lazily, once per
 * selection), the counts and the themes.  Changes go out as events. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/browser/prompt.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/ui.h"

void
app_message(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
	app->message_error = false;
	app->pending |= R_CHROME;
}

void
app_error(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->message, sizeof(app->message), fmt, ap);
	va_end(ap);
	app->message_error = true;
	app->pending |= R_CHROME;
}

void
app_message_clear(struct app *app)
{
	if (app->message[0] == '\0')
		return;
	app->message[0] = '\0';
	app->pending |= R_CHROME;
}

static void
current_clear(struct current *doc)
{
	doc_info_clear(&doc->info);
	free(doc->body);
	sections_free(doc->sections, doc->nsections);
	coding_list_free(&doc->codings);
	doc->info = (struct doc_info){ 0 };
	doc->body = NULL;
	doc->len = 0;
	doc->sections = NULL;
	doc->nsections = 0;
	doc->id = 0;
	doc->read = false;
}

/* Another process changed the store since we last looked: forget what is
 * read and reread the counts. */
static void
notice_changes(struct app *app)
{
	int64_t v = 0;

	if (store_data_version(app->store, &v) != JUAN_OK)
		return;
	if (v != app->data_version) {
		app->data_version = v;
		app_doc_changed(app, 0);
		app_reload_counts(app);
		app_reload_themes(app);
	}
}

void
app_select_doc(struct app *app, int64_t id)
{
	notice_changes(app);
	if (id == app->doc.want)
		return;
	app->doc.want = id;
	app->doc.read = false;
	app_notify(app, EV_DOC, id, 0);
}

int64_t
app_doc_id(const struct app *app)
{
	return app->doc.want;
}

const struct current *
app_doc(struct app *app)
{
	struct current *doc = &app->doc;
	int64_t id = doc->want;
	enum juan_status rc = JUAN_OK;

	if (doc->read)
		return doc;
	current_clear(doc);
	doc->read = true;
	if (id == 0)
		return doc;
	app->counters.docs_read++;
	rc = store_doc_info(app->store, id, &doc->info);
	if (rc == JUAN_OK)
		rc = store_doc_body(app->store, id, &doc->body, &doc->len);
	if (rc == JUAN_OK)
		rc = store_doc_sections(app->store, id, &doc->sections,
					&doc->nsections);
	if (rc == JUAN_OK)
		rc = store_doc_codings(app->store, 0, id, &doc->codings);
	if (rc != JUAN_OK) {
		app_error(app, "cannot read document %lld: %s", (long long)id,
			  store_error(app->store));
		current_clear(doc);
		doc->read = true;
	} else {
		doc->id = id;
	}
	return doc;
}

void
app_doc_changed(struct app *app, int64_t id)
{
	if (id == 0 || id == app->doc.want)
		app->doc.read = false;
	app_suggest_tags_changed(app);
	app_notify(app, EV_DOC_CHANGED, id, 0);
}

void
app_set_filter(struct app *app, const char *theme, bool untagged,
	       const char *search, int64_t keep)
{
	struct filter *f = &app->filter;
	/* theme and search may be the filter's own strings */
	char *new_theme = theme ? strdup(theme) : NULL;
	char *new_search = search ? strdup(search) : NULL;

	free(f->theme);
	free(f->search);
	free(f->query);
	f->query = NULL;
	f->theme = new_theme;
	f->search = new_search;
	f->untagged = untagged;
	app_notify(app, EV_LIST, keep, 0);
}

/* The words of q that search the text (not excluded), as a query that
 * search_text_hits() reads; NULL when there is none.  Caller frees. */
static char *
query_words(const struct qlang *q)
{
	const struct qlang_term *t;
	size_t i, j, len = 0;
	char *out;

	for (i = 0; i < q->nparts; i++)
		for (j = 0; j < q->parts[i].nterms; j++)
			len += strlen(q->parts[i].terms[j].value) + 3;
	out = len > 0 ? malloc(len + 1) : NULL;
	if (out == NULL)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < q->nparts; i++) {
		for (j = 0; j < q->parts[i].nterms; j++) {
			t = &q->parts[i].terms[j];
			if (t->field != QLANG_TEXT || t->negated)
				continue;
			strcat(out, out[0] ? " " : "");
			strcat(out, t->quoted ? "\"" : "");
			strcat(out, t->value);
			strcat(out, t->quoted ? "\"" : "");
		}
	}
	if (out[0] == '\0') {
		free(out);
		out = NULL;
	}
	return out;
}

enum juan_status
app_set_query(struct app *app, const char *query, int64_t keep)
{
	struct filter *f = &app->filter;
	struct qlang q = { 0 };
	struct qlang_error err = { 0 };
	enum juan_status rc;
	char *copy = NULL;

	rc = qlang_parse(query, &q, &err);
	if (rc != JUAN_OK) {
		app_error(app, "%s: %s", query, err.message[0] ? err.message :
			  juan_strstatus(rc));
		return rc;
	}
	if (q.nparts > 0)
		copy = strdup(query);
	free(f->theme);
	free(f->search);
	free(f->query);
	f->theme = NULL;
	f->untagged = false;
	f->query = copy;
	f->search = query_words(&q);
	qlang_free(&q);
	app_notify(app, EV_LIST, keep, 0);
	return JUAN_OK;
}

void
app_list_query(const struct app *app, struct list_query *q)
{
	*q = (struct list_query){ 0 };
	q->theme = app->filter.theme;
	q->untagged = app->filter.untagged;
	q->search = app->filter.query ? NULL : app->filter.search;
	q->query = app->filter.query;
	q->sort = app->sort;
}

bool
app_needs_work(const struct doc_info *info)
{
	return info->state == TAG_STATE_UNSURE ||
	       (info->theme_id == 0 && info->state == TAG_STATE_NONE_SET);
}

void
app_reload_counts(struct app *app)
{
	struct scheme_info *list = NULL;
	long total = 0, tagged = 0;
	size_t n = 0, i;

	if (store_counts(app->store, &total, &tagged) == JUAN_OK) {
		app->total = total;
		app->tagged = tagged;
	}
	app->scheme = 0;
	app->scheme_name[0] = '\0';
	app->reviewed = 0;
	if (store_schemes(app->store, &list, &n) == JUAN_OK)
		for (i = 0; i < n; i++)
			if (list[i].active) {
				app->scheme = list[i].id;
				app->reviewed = list[i].reviewed;
				snprintf(app->scheme_name,
					 sizeof(app->scheme_name), "%s",
					 list[i].name);
			}
	scheme_info_free(list, n);
	app->pending |= R_CHROME;
}

const struct theme *
app_theme_hidden(const struct app *app, size_t *from, enum action *a)
{
	const struct theme *t;

	for (; *from < app->themes.n; (*from)++) {
		t = &app->themes.themes[*from];
		*a = keymap_lookup(&app->keymap, (unsigned char)t->key);
		if (t->key != 0 && !t->retired && *a != ACT_NONE) {
			(*from)++;
			return t;
		}
	}
	return NULL;
}

void
app_reload_themes(struct app *app)
{
	const struct theme *t;
	enum action a;
	size_t from = 0;
	char key[32];

	theme_set_free(&app->themes);
	if (store_themes(app->store, 0, &app->themes) != JUAN_OK) {
		app_error(app, "cannot read the themes: %s",
			  store_error(app->store));
		return;
	}
	t = app_theme_hidden(app, &from, &a);
	if (t != NULL)
		app_error(app, "theme %s: its key %s is bound to %s · t picks it",
			  t->name, keymap_key_name((unsigned char)t->key, key,
						   sizeof(key)),
			  action_name(a));
	app_notify(app, EV_THEMES, 0, 0);
}

unsigned
app_ask(struct app *app, const char *label, const char *initial,
	unsigned (*done)(struct app *app, const char *text))
{
	prompt_free(&app->prompt);
	app->prompt = prompt_new(label, initial, done);
	if (app->prompt == NULL)
		app_error(app, "out of memory");
	return R_CHROME;
}

void
app_focus(struct app *app, int id)
{
	if (id == app->focus)
		return;
	app->panes[app->focus]->focused = false;
	pane_mark(app->panes[app->focus], PANE_REPAINT);
	app->focus = id;
	app->panes[id]->focused = true;
	pane_mark(app->panes[id], PANE_REPAINT);
}

const struct theme *
app_theme_by_key(const struct app *app, int key)
{
	size_t i;

	for (i = 0; i < app->themes.n; i++)
		if ((unsigned char)app->themes.themes[i].key == key && key > 0 &&
		    !app->themes.themes[i].retired)
			return &app->themes.themes[i];
	return NULL;
}

void
app_state_free(struct app *app)
{
	current_clear(&app->doc);
	free(app->filter.theme);
	free(app->filter.search);
	free(app->filter.query);
	free(app->filter.cleared);
	app->filter = (struct filter){ 0 };
	theme_set_free(&app->themes);
	marks_free(&app->marks);
}
