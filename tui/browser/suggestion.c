/* suggestion: the model in use, the selected document's suggestions
 * computed lazily, the list's cache, and the background retraining taken
 * up between keys (suggestion.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "juan/browser/retrain.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/ui.h"

#define ROW_CACHE 256 /* listed documents remembered: a few screens */
#define MORE_COLS 10  /* of the name of a second or third suggestion */

/* The top suggestion of one listed document. */
struct row {
	int64_t doc;       /* 0: empty */
	long gen;          /* the model it was computed with */
	bool some;         /* there is a suggestion */
	struct suggestion top;
	char name[128];
};

struct app_suggest {
	struct suggester *g;     /* the model in use, NULL until asked for */
	long gen;                /* bumped each time g changes */
	bool check;              /* the tags may have changed */
	int64_t doc;             /* list is for this document ... */
	long doc_gen;            /* ... and this model */
	struct suggest_list list;
	struct retrain *worker;  /* the retraining running, or NULL */
	bool no_thread;          /* none could be started: never retrain */
	char why[256];           /* why the last retraining failed, or "" */
	struct row rows[ROW_CACHE];
};

static struct app_suggest *
state(struct app *app)
{
	if (app->suggest == NULL)
		app->suggest = calloc(1, sizeof(*app->suggest));
	return app->suggest;
}

/* Replaces the suggester in use with g (may be NULL). */
static void
use(struct app_suggest *st, struct suggester *g)
{
	suggester_free(&st->g);
	st->g = g;
	st->gen++;
}

/* Starts a retraining when the model is stale and none runs. */
static void
retrain_if_stale(struct app *app, struct app_suggest *st)
{
	bool fresh = true;

	if (!st->check || st->g == NULL || st->worker != NULL || st->no_thread)
		return;
	st->check = false;
	if (suggester_fresh(app->store, st->g, &fresh) != JUAN_OK || fresh)
		return;
	if (app->tagged == 0 && suggester_trained(st->g) == 0)
		return; /* nothing to learn from, nothing to forget */
	st->why[0] = '\0';
	if (retrain_start(store_path(app->store), suggester_scheme(st->g),
			  &st->worker) != JUAN_OK)
		st->no_thread = true;
}

/* The suggester of the active scheme, opened (without training) when there
 * is none or the scheme changed. */
static struct app_suggest *
ready(struct app *app)
{
	struct app_suggest *st = state(app);
	struct suggester *g = NULL;

	if (st == NULL)
		return NULL;
	if (st->g == NULL || suggester_scheme(st->g) != app->scheme) {
		if (suggester_open(app->store, app->scheme, false, &g) !=
		    JUAN_OK) {
			app_error(app, "no suggestions: %s",
				  store_error(app->store));
			return NULL;
		}
		use(st, g);
		st->check = true;
	}
	retrain_if_stale(app, st);
	return st;
}

const struct suggester *
app_suggester(struct app *app)
{
	struct app_suggest *st = ready(app);

	return st ? st->g : NULL;
}

const struct suggest_list *
app_suggestion(struct app *app)
{
	int64_t id = app_doc_id(app);
	struct app_suggest *st;

	if (id == 0 || (st = ready(app)) == NULL)
		return NULL;
	if (st->doc == id && st->doc_gen == st->gen)
		return &st->list;
	suggest_list_clear(&st->list);
	st->doc = 0;
	app->counters.suggestions++;
	if (suggest_doc(app->store, st->g, id, 3, &st->list) != JUAN_OK) {
		app_error(app, "no suggestions: %s", store_error(app->store));
		return NULL;
	}
	st->doc = id;
	st->doc_gen = st->gen;
	return &st->list;
}

int64_t
app_suggest_theme(struct app *app)
{
	const struct suggest_list *l = app_suggestion(app);

	return l != NULL && l->n > 0 ? l->items[0].theme : 0;
}

/* Appends printf(fmt) to buf[0..size) at *used. */
static void
append(char *buf, size_t size, size_t *used, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
append(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	w = vsnprintf(buf + *used, size - *used, fmt, ap);
	va_end(ap);
	if (w > 0)
		*used += (size_t)w < size - *used ? (size_t)w : size - *used - 1;
}

void
app_suggest_line(struct app *app, char *top, size_t tsize, char *more,
		 size_t msize)
{
	const struct suggest_list *l = app_suggestion(app);
	struct app_suggest *st = app->suggest;
	size_t used = 0, mused = 0, i;
	char *buf = top, *name;
	size_t size = tsize;

	top[0] = more[0] = '\0';
	if (l == NULL || st == NULL)
		return;
	if (l->n == 0)
		append(top, tsize, &used, "（无）%s", l->note);
	else
		append(top, tsize, &used, "%s · %.2f · %s", l->items[0].name,
		       l->items[0].confidence, l->items[0].reason);
	for (i = 1; i < l->n; i++) {
		name = text_truncate(l->items[i].name,
				     strlen(l->items[i].name), MORE_COLS);
		append(more, msize, &mused, "%s%s %.2f", i > 1 ? " · " : "",
		       name ? name : "", l->items[i].confidence);
		free(name);
	}
	if (mused > 0) {
		buf = more;
		size = msize;
		used = mused;
	}
	if (st->worker != NULL)
		append(buf, size, &used, " · retraining…");
	else if (st->no_thread)
		append(buf, size, &used, " · model stale: no thread for "
		       "retraining, never retrained");
	else if (st->why[0])
		append(buf, size, &used, " · retraining failed: %s", st->why);
}

const struct suggestion *
app_suggest_row(struct app *app, int64_t doc)
{
	struct app_suggest *st = ready(app);
	struct suggest_list l;
	struct row *r;

	if (st == NULL || doc == 0)
		return NULL;
	r = &st->rows[(uint64_t)doc % ROW_CACHE];
	if (r->doc != doc || r->gen != st->gen) {
		r->doc = 0;
		if (suggest_doc(app->store, st->g, doc, 1, &l) != JUAN_OK)
			return NULL;
		r->doc = doc;
		r->gen = st->gen;
		r->some = l.n > 0;
		if (r->some) {
			r->top = l.items[0];
			snprintf(r->name, sizeof(r->name), "%s", l.items[0].name);
		}
		suggest_list_clear(&l);
		r->top.name = r->name;
	}
	return r->some ? &r->top : NULL;
}

void
app_suggest_tags_changed(struct app *app)
{
	if (app->suggest != NULL)
		app->suggest->check = true;
}

bool
app_suggest_poll(struct app *app, bool wait)
{
	struct app_suggest *st = app->suggest;
	struct suggester *g = NULL;

	if (wait)
		st = ready(app);
	if (st == NULL || st->worker == NULL ||
	    (!wait && !retrain_done(st->worker)))
		return false;
	retrain_finish(&st->worker, &g, st->why, sizeof(st->why));
	/* tags made while it trained make it stale again; a failure is not
	 * tried again before the tags change */
	st->check = g != NULL;
	if (g != NULL && suggester_scheme(g) == app->scheme)
		use(st, g);
	else
		suggester_free(&g);
	app_notify(app, EV_SUGGEST, 0, 0);
	return true;
}

void
app_suggest_free(struct app *app)
{
	struct app_suggest *st = app->suggest;

	if (st == NULL)
		return;
	retrain_leave(&st->worker);
	suggester_free(&st->g);
	suggest_list_clear(&st->list);
	free(st);
	app->suggest = NULL;
}
