/* picker: the themes of the active scheme as a tree (children indented
 * under their parents; retired themes left out) with their keys and
 * descriptions, to tag the selected document (`t`, opening on its main
 * theme), to add or remove a secondary theme (`+ t`), or to filter the list
 * (`f`, with the review states and the untagged first): what a pick does
 * is the opener's callback.  Tagging, it opens on the document's main theme,
 * or on juan's suggestion when it has none.  Enter picks the row under the cursor; a
 * theme's own key picks that theme at once, even a key the keymap binds.
 * The document's main theme is marked *, its secondary themes +. */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/browser/overlay.h"
#include "juan/browser/suggestion.h"
#include "juan/browser/ui.h"

#define NAME_COLS 30
#define INDENT 2

/* The rows the filter picker lists before the themes. */
static const struct {
	const char *label;
	enum tag_state state;
	bool todo;
	bool untagged;
} review_rows[] = {
	{ "needs work (no theme and no state, or unsure)", TAG_STATE_NONE_SET,
	  true, false },
	{ "none applies", TAG_STATE_NONE, false, false },
	{ "unsure", TAG_STATE_UNSURE, false, false },
	{ "（未标注）untagged documents", TAG_STATE_NONE_SET, false, true },
};
#define NREVIEW (sizeof(review_rows) / sizeof(review_rows[0]))

struct picker {
	enum picker_mode mode;
	pick_fn done;
	review_fn review;
	size_t *themes; /* indexes into the app's themes of those in use */
	size_t n, cap;
};

static size_t
first_theme(const struct pane *p)
{
	const struct picker *pk = p->priv;

	return pk->mode == PICK_FILTER ? NREVIEW : 0;
}

static size_t
rows(struct pane *p)
{
	const struct picker *pk = p->priv;

	return pk->n + first_theme(p);
}

static const struct theme *
theme_at(struct pane *p, size_t row)
{
	const struct picker *pk = p->priv;

	if (row < first_theme(p) || row - first_theme(p) >= pk->n)
		return NULL;
	return &p->app->themes.themes[pk->themes[row - first_theme(p)]];
}

/* "*" for the document's main theme, "+" for a secondary one. */
static const char *
mark_of(struct pane *p, const struct theme *t)
{
	const struct doc_info *in = &app_doc(p->app)->info;
	size_t i;

	if (in->theme_id != 0 && in->theme_id == t->id)
		return "*";
	for (i = 0; i < in->nsecondary; i++)
		if (strcmp(in->secondary[i], t->name) == 0)
			return "+";
	return " ";
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	enum element bg = pane_row_element(p, cursor);
	const struct theme *t = theme_at(p, row);
	char key[2] = { 0, 0 };
	int x = 1, indent;

	draw_fill(p->canvas, y, 0, -1, bg);
	if (t == NULL) {
		if (row < first_theme(p))
			draw_str(p->canvas, y, 5, review_rows[row].label, -1, bg);
		return;
	}
	key[0] = t->key;
	draw_str(p->canvas, y, x, key, 1, cursor ? bg : EL_MARK);
	if (((const struct picker *)p->priv)->mode != PICK_FILTER)
		draw_str(p->canvas, y, x + 2, mark_of(p, t), 1,
			 cursor ? bg : EL_MARK);
	x += 4;
	indent = t->depth * INDENT < NAME_COLS / 2 ? t->depth * INDENT
						   : NAME_COLS / 2;
	draw_str(p->canvas, y, x + indent, t->name, NAME_COLS - indent, bg);
	x += NAME_COLS + 1;
	draw_str(p->canvas, y, x, t->description, p->w - x, cursor ? bg : EL_LABEL);
}

static enum overlay_result
pick(struct overlay *ov, size_t row)
{
	struct pane *p = &ov->pane;
	struct picker *pk = p->priv;

	if (row < first_theme(p)) {
		if (review_rows[row].untagged)
			ov->reaction |= pk->done(p->app, NULL);
		else
			ov->reaction |= pk->review(p->app,
						   review_rows[row].state,
						   review_rows[row].todo);
		return OV_CLOSE;
	}
	ov->reaction |= pk->done(p->app, theme_at(p, row));
	return OV_CLOSE;
}

static enum overlay_result
key(struct overlay *ov, int k, enum action a)
{
	struct pane *p = &ov->pane;
	struct picker *pk = p->priv;
	const struct theme *t;
	size_t i;

	if (a == ACT_ENTER || k == KEYC_ENTER)
		return rows(p) ? pick(ov, p->cursor) : OV_CLOSE;
	t = app_theme_by_key(p->app, k);
	for (i = 0; t != NULL && i < pk->n; i++)
		if (&p->app->themes.themes[pk->themes[i]] == t)
			return pick(ov, i + first_theme(p));
	return OV_PASS;
}

static void
close_picker(struct pane *p)
{
	struct picker *pk = p->priv;

	free(pk->themes);
}

static const struct pane_ops picker_ops = {
	.name = "picker",
	.private_size = sizeof(struct picker),
	.has_cursor = true,
	.rows = rows,
	.draw_row = draw_row,
	.close = close_picker,
};

/* The themes in use, in the store's tree order; the cursor on the
 * document's main theme when tagging, else on the suggested one. */
static bool
list_themes(struct pane *p)
{
	struct picker *pk = p->priv;
	const struct theme_set *set = &p->app->themes;
	int64_t main = pk->mode == PICK_TAG ? app_doc(p->app)->info.theme_id : 0;
	size_t i, *grown;

	if (pk->mode == PICK_TAG && main == 0)
		main = app_suggest_theme(p->app);

	for (i = 0; i < set->n; i++) {
		if (set->themes[i].retired)
			continue;
		grown = array_reserve(pk->themes, &pk->cap, pk->n + 1,
				      sizeof(*grown));
		if (grown == NULL)
			return false;
		pk->themes = grown;
		if (main != 0 && set->themes[i].id == main)
			p->cursor = pk->n + first_theme(p);
		pk->themes[pk->n++] = i;
	}
	return true;
}

struct overlay *
picker_new(struct app *app, enum picker_mode mode, pick_fn done,
	   review_fn review)
{
	static const char *const titles[] = {
		[PICK_TAG] = "theme: key or Enter · Esc cancels",
		[PICK_FILTER] = "filter: key or Enter · Esc cancels",
		[PICK_SECONDARY] = "secondary theme (add or remove): key or "
				   "Enter · Esc cancels",
	};
	struct overlay *ov;
	struct picker *pk;

	ov = overlay_new(app, &picker_ops, titles[mode], 96);
	if (ov == NULL)
		return NULL;
	pk = ov->pane.priv;
	pk->mode = mode;
	pk->done = done;
	pk->review = review;
	if (!list_themes(&ov->pane) || (mode == PICK_FILTER && review == NULL)) {
		overlay_free(&ov);
		return NULL;
	}
	ov->key = key;
	return ov;
}
