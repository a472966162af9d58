/* pane: one scrolling list of rows on screen — documents, outline or text.
 *
 * A pane is a struct pane plus an ops table and private state (priv).  The
 * generic code here keeps the cursor and the first row shown in range, draws
 * only the rows on screen and only when the pane is dirty, and handles the
 * movement actions; the ops supply the rows and whatever else a pane does.
 * A pane without a cursor (the text) scrolls instead: its cursor is its top. */
#ifndef JUAN_TUI_PANE_H
#define JUAN_TUI_PANE_H

#include <stdbool.h>
#include <stddef.h>

#include "juan/browser/action.h"
#include "juan/browser/draw.h"

struct app;
struct pane;

struct pane_ops {
	const char *name;
	/* The number of rows. */
	size_t (*rows)(struct pane *p);
	/* Draws row at canvas line y; cursor when it is the cursor row. */
	void (*draw_row)(struct pane *p, int y, size_t row, bool cursor);
	/* A pane's own handling of an action; false passes it on. */
	bool (*handle)(struct pane *p, enum action a);
	/* The cursor (or the top, for a pane without one) moved. */
	void (*select)(struct pane *p);
	/* The data changed (another document, another list). */
	void (*reload)(struct pane *p);
	/* The pane's size changed. */
	void (*resize)(struct pane *p);
	/* Frees priv. */
	void (*close)(struct pane *p);
};

struct pane {
	const struct pane_ops *ops;
	struct app *app;
	struct canvas *canvas; /* NULL while the screen is too small */
	int h;
	int w;
	size_t top;
	size_t cursor;
	bool has_cursor;
	bool focused;
	bool dirty;
	void *priv;
};

/* Draws p when dirty (every row on screen, blanks past the last) and queues
 * it for the next draw_update(). */
void pane_draw(struct pane *p);

/* Moves the cursor (or the top) to row, clamped, scrolling as needed;
 * calls ops->select when it moved. */
void pane_goto(struct pane *p, size_t row);

/* Moves by delta rows (negative: up). */
void pane_move(struct pane *p, long delta);

/* Puts row at the top of the screen where possible (the text pane's
 * jumps); the cursor, if any, goes to row. */
void pane_scroll_to(struct pane *p, size_t row);

/* Handles a movement action (ops->handle first); false when a is none. */
bool pane_handle(struct pane *p, enum action a);

/* Rows shown after a change of size or data: keeps the cursor in range. */
void pane_clamp(struct pane *p);

/* The element for a row's background: the cursor of the focused pane, the
 * cursor of another pane, or normal. */
enum element pane_row_element(const struct pane *p, bool cursor);

/* The three panes. */
struct pane *pane_docs_new(struct app *app);
struct pane *pane_outline_new(struct app *app);
struct pane *pane_detail_new(struct app *app);

/* Calls ops->close and frees *p; sets *p to NULL.  NULL-safe. */
void pane_free(struct pane **p);

#endif
