/* pane: one scrolling list of rows on screen — documents, outline, text, or
 * the inside of an overlay — and the generic code every pane shares.
 *
 * A pane is a struct pane plus an ops table and private state (priv), which
 * pane_init() allocates from ops->private_size (tig's view_ops): a new pane
 * is one file that exports its ops, and one entry in pane_table.  The
 * generic code keeps the cursor and the first row shown in range, draws
 * only the rows on screen and only when the pane is marked, and handles the
 * movement actions.  A pane marks itself PANE_RECALC when its data must be
 * rebuilt (it learnt of a change through an event) and PANE_REPAINT when it
 * must be drawn; the rebuild happens once, on the next pane_refresh() —
 * before drawing, or before a key needs the rows.  A pane without a cursor
 * (the text) scrolls instead: its cursor is its top. */
#ifndef JUAN_TUI_PANE_H
#define JUAN_TUI_PANE_H

#include <stdbool.h>
#include <stddef.h>

#include "juan/status.h"
#include "juan/browser/action.h"
#include "juan/browser/draw.h"
#include "juan/browser/layout.h"
#include "juan/browser/notify.h"

struct app;
struct pane;

enum pane_flag {
	PANE_RECALC = 1 << 0,  /* rebuild the data (ops->recalc) */
	PANE_REPAINT = 1 << 1, /* draw the rows again */
};

struct pane_ops {
	const char *name;
	size_t private_size;   /* bytes of priv, zeroed; 0: none */
	bool has_cursor;       /* a list with a cursor, else it scrolls */
	/* Sets up priv (already zeroed); may be NULL. */
	void (*open)(struct pane *p);
	/* The number of rows. */
	size_t (*rows)(struct pane *p);
	/* Draws row at canvas line y; cursor when it is the cursor row. */
	void (*draw_row)(struct pane *p, int y, size_t row, bool cursor);
	/* A pane's own handling of an action; false passes it on. */
	bool (*handle)(struct pane *p, enum action a);
	/* The cursor (or the top, for a pane without one) moved. */
	void (*select)(struct pane *p);
	/* An event (notify.h); may be NULL. */
	void (*event)(struct pane *p, struct event *ev);
	/* Rebuilds the data after PANE_RECALC; may be NULL. */
	void (*recalc)(struct pane *p);
	/* Frees what priv points to (not priv itself); may be NULL. */
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
	unsigned flags;        /* enum pane_flag */
	void *priv;
};

/* The panes of the browser, one for each place of the layout: their ops,
 * in place order (pane_table.c). */
extern const struct pane_ops *const pane_table[PANE_COUNT];

/* Sets up *p (zeroed first) as a pane of ops for app: priv allocated from
 * ops->private_size, then ops->open.  JUAN_ENOMEM when out of memory (*p
 * then holds nothing to free).  Undo with pane_fini(). */
enum juan_status pane_init(struct pane *p, struct app *app,
			   const struct pane_ops *ops);

/* A new pane of ops (pane_init on the heap); caller frees with
 * pane_free().  NULL when out of memory. */
struct pane *pane_new(struct app *app, const struct pane_ops *ops);

/* Calls ops->close, frees priv and the canvas; p itself stays. */
void pane_fini(struct pane *p);

/* pane_fini and frees *p; sets *p to NULL.  NULL-safe. */
void pane_free(struct pane **p);

/* Marks p with flags (enum pane_flag). */
void pane_mark(struct pane *p, unsigned flags);

/* Rebuilds p's data when it is marked PANE_RECALC (once), and marks it
 * for repainting. */
void pane_refresh(struct pane *p);

/* The number of rows, after pane_refresh(). */
size_t pane_rows(struct pane *p);

/* Draws p when marked (every row on screen, blanks past the last) and
 * queues it for the next draw_update(). */
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

/* Rows shown after a change of size or data: keeps the cursor in range,
 * marks p for repainting. */
void pane_clamp(struct pane *p);

/* The element for a row's background: the cursor of the focused pane, the
 * cursor of another pane, or normal. */
enum element pane_row_element(const struct pane *p, bool cursor);

#endif
