/* pane_docs: the list of documents — theme key, date, issuer, title — and
 * which document is selected (it tells the app, app_select_doc()).
 *
 * The list is an array of ids (store_list_ids, once per filter); a row's
 * metadata is fetched only when the row is drawn, through a small cache, so
 * the pane costs the same with five documents or 100,000. */
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "juan/browser/ui.h"

#define CACHE_SIZE 256 /* more than the rows of any screen */
#define ISSUER_MIN 8  /* the issuer column: a third of what the date leaves, */
#define ISSUER_MAX 16 /* within these bounds */
#define SCAN_LIMIT 5000 /* rows looked at for the next untagged one */

struct cached {
	int64_t id; /* 0: empty slot */
	struct doc_info info;
};

struct docs {
	int64_t *ids;
	size_t n;
	struct cached cache[CACHE_SIZE];
};

static struct docs *
docs_of(struct pane *p)
{
	return p->priv;
}

static void
cache_clear(struct docs *d)
{
	size_t i;

	for (i = 0; i < CACHE_SIZE; i++) {
		if (d->cache[i].id != 0)
			doc_info_clear(&d->cache[i].info);
		d->cache[i].id = 0;
	}
}

/* The metadata of document id, borrowed until the next call; NULL if the
 * store has no such document. */
static const struct doc_info *
info_of(struct pane *p, int64_t id)
{
	struct cached *c = &docs_of(p)->cache[(uint64_t)id % CACHE_SIZE];

	if (c->id == id)
		return &c->info;
	if (c->id != 0)
		doc_info_clear(&c->info);
	c->id = 0;
	if (store_doc_info(p->app->store, id, &c->info) != JUAN_OK)
		return NULL;
	c->id = id;
	return &c->info;
}

static size_t
rows(struct pane *p)
{
	return docs_of(p)->n;
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	const struct doc_info *info = info_of(p, docs_of(p)->ids[row]);
	enum element bg = pane_row_element(p, cursor);
	char mark[8];
	int x = 0, w = p->w, title_cols, issuer_cols;

	draw_fill(p->canvas, y, 0, -1, bg);
	if (info == NULL) {
		draw_str(p->canvas, y, 2, "?", w - 2, bg);
		return;
	}
	mark[0] = info->theme_key ? info->theme_key : ' ';
	mark[1] = '\0';
	draw_str(p->canvas, y, x, mark, 1, cursor ? bg : EL_MARK);
	x += 2;
	if (w >= 34) {
		draw_str(p->canvas, y, x, info->date[0] ? info->date : "          ",
			 10, cursor ? bg : EL_DATE);
		x += 11;
	}
	issuer_cols = (w - x) / 3;
	if (issuer_cols > ISSUER_MAX)
		issuer_cols = ISSUER_MAX;
	if (issuer_cols >= ISSUER_MIN) {
		draw_str(p->canvas, y, x, info->issuer, issuer_cols,
			 cursor ? bg : EL_ISSUER);
		x += issuer_cols + 1;
	}
	title_cols = w - x;
	if (title_cols > 0)
		draw_str(p->canvas, y, x, info->title[0] ? info->title : info->path,
			 title_cols, bg);
}

static void
select_row(struct pane *p)
{
	struct docs *d = docs_of(p);

	app_select_doc(p->app, p->cursor < d->n ? d->ids[p->cursor] : 0);
}

/* Reads the list for the app's filter, keeping document keep selected
 * where it is listed (0: the first; a document no longer listed leaves the
 * cursor where it was), and selects the document under the
 * cursor. */
static void
relist(struct pane *p, int64_t keep)
{
	struct docs *d = docs_of(p);
	struct list_query q = { 0 };
	int64_t *ids = NULL;
	size_t n = 0, i;
	enum juan_status rc;

	q.theme = p->app->filter.theme;
	q.untagged = p->app->filter.untagged;
	q.search = p->app->filter.search;
	rc = store_list_ids(p->app->store, &q, &ids, &n);
	/* a failed reading leaves an empty list marked as failed, never the
	 * old one under the new filter */
	p->app->list_failed = rc != JUAN_OK;
	if (rc != JUAN_OK) {
		app_error(p->app, "cannot list documents: %s · juan check "
			  "tells more", store_error(p->app->store));
		keep = 0;
	}
	free(d->ids);
	d->ids = ids;
	d->n = n;
	p->app->listed = n;
	cache_clear(d);
	if (keep == 0) {
		p->cursor = 0;
		p->top = 0;
	}
	for (i = 0; keep != 0 && i < n; i++)
		if (ids[i] == keep)
			p->cursor = i;
	pane_clamp(p);
	select_row(p);
}

/* Forgets the cached row of document id (its theme changed), or every
 * cached row when id is 0. */
static void
forget(struct pane *p, int64_t id)
{
	struct cached *c = &docs_of(p)->cache[(uint64_t)id % CACHE_SIZE];

	if (id == 0)
		cache_clear(docs_of(p));
	else if (c->id == id) {
		doc_info_clear(&c->info);
		c->id = 0;
	}
	pane_mark(p, PANE_REPAINT);
}

/* Moves to the next untagged document after the cursor (wrapping around);
 * false when there is none. */
static bool
next_untagged(struct pane *p)
{
	struct docs *d = docs_of(p);
	const struct doc_info *info;
	size_t i, row;

	for (i = 1; i < d->n && i <= SCAN_LIMIT; i++) {
		row = (p->cursor + i) % d->n;
		info = info_of(p, d->ids[row]);
		if (info != NULL && info->theme_id == 0) {
			pane_goto(p, row);
			return true;
		}
	}
	return false;
}

static bool
goto_id(struct pane *p, int64_t id)
{
	struct docs *d = docs_of(p);
	size_t i;

	for (i = 0; i < d->n; i++) {
		if (d->ids[i] == id) {
			pane_goto(p, i);
			return true;
		}
	}
	return false;
}

static void
event(struct pane *p, struct event *ev)
{
	switch (ev->kind) {
	case EV_LIST:
		relist(p, ev->id);
		break;
	case EV_DOC_CHANGED:
		forget(p, ev->id);
		break;
	case EV_GOTO_DOC:
		ev->taken = ev->taken || goto_id(p, ev->id);
		break;
	case EV_NEXT_UNTAGGED:
		ev->taken = ev->taken || next_untagged(p);
		break;
	default:
		break;
	}
}

static void
close_docs(struct pane *p)
{
	struct docs *d = docs_of(p);

	cache_clear(d);
	free(d->ids);
}

const struct pane_ops pane_docs_ops = {
	.name = "documents",
	.private_size = sizeof(struct docs),
	.has_cursor = true,
	.rows = rows,
	.draw_row = draw_row,
	.select = select_row,
	.event = event,
	.close = close_docs,
};
