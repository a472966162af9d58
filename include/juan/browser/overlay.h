/* overlay: a framed box over the panes — the theme picker, help and
 * statistics.  Its inside is a pane (rows, cursor, scrolling); the overlay
 * adds the frame and a key handler that runs before the pane's movement. */
#ifndef JUAN_TUI_OVERLAY_H
#define JUAN_TUI_OVERLAY_H

#include "juan/browser/layout.h"
#include "juan/browser/pane.h"

struct app;
struct overlay;
struct theme;

enum overlay_result {
	OV_PASS,  /* not taken: movement, else Esc/q close */
	OV_KEEP,  /* taken, the overlay stays */
	OV_CLOSE, /* taken, the overlay closes */
};

struct overlay {
	struct pane pane;   /* the rows inside the frame */
	struct canvas *frame;
	char title[128];
	int want_w;         /* preferred width, frame included */
	enum overlay_result (*key)(struct overlay *ov, int key, enum action a);
	unsigned reaction;  /* what the overlay's own actions asked (notify.h) */
};

/* Places ov in the middle of the screen l describes (after a resize too). */
void overlay_place(struct overlay *ov, const struct layout *l);

/* Draws the frame and every row (always: it lies over the panes). */
void overlay_draw(struct overlay *ov);

/* Handles key (bound to a, or ACT_NONE); true when ov should close. */
bool overlay_key(struct overlay *ov, int key, enum action a);

/* Frees *ov and sets it to NULL.  NULL-safe. */
void overlay_free(struct overlay **ov);

/* A new overlay around a pane of ops (pane_init: its private data comes
 * from ops->private_size) with the given title (caller frees with
 * overlay_free()); NULL when out of memory. */
struct overlay *overlay_new(struct app *app, const struct pane_ops *ops,
			    const char *title, int want_w);

enum picker_mode {
	PICK_TAG,    /* pick a theme (tagging) */
	PICK_FILTER, /* pick a theme, or the untagged first (filtering) */
};

/* What a pick does: t is the theme picked, NULL for "untagged" (or no
 * theme); returns reactions (notify.h). */
typedef unsigned (*pick_fn)(struct app *app, const struct theme *t);

/* The theme picker, the help screen and the statistics.  The picker calls
 * done with the theme picked, then closes. */
struct overlay *picker_new(struct app *app, enum picker_mode mode,
			   pick_fn done);
struct overlay *help_new(struct app *app);
struct overlay *stats_new(struct app *app);

#endif
