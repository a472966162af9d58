/* layout: where the header, the three panes, their borders and the status
 * line go on a screen of a given size.  Pure arithmetic, no curses.
 *
 * Wide screens (LAYOUT_WIDE_MIN columns and more) put documents | outline |
 * detail side by side.  Narrower ones keep the documents on the left and
 * stack the outline above the detail on the right.  Below LAYOUT_MIN_COLS x
 * LAYOUT_MIN_ROWS the screen is too small: only a notice is shown. */
#ifndef JUAN_TUI_LAYOUT_H
#define JUAN_TUI_LAYOUT_H

#include <stdbool.h>

#define LAYOUT_WIDE_MIN 100
#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_ROWS 10

struct rect {
	int y;
	int x;
	int h;
	int w;
};

enum pane_id {
	PANE_DOCS,
	PANE_OUTLINE,
	PANE_DETAIL,
	PANE_COUNT
};

enum layout_mode {
	LAYOUT_WIDE,
	LAYOUT_STACKED,
	LAYOUT_TOO_SMALL,
};

struct layout {
	enum layout_mode mode;
	int cols;
	int rows;
	struct rect header;            /* the top line */
	struct rect status;            /* the bottom line */
	struct rect pane[PANE_COUNT];  /* content areas, borders excluded */
	struct rect border[2];         /* one column wide: vertical; else horizontal */
	int nborders;
};

/* Computes the layout of a cols x rows screen into *out.  Every rectangle
 * lies inside the screen, and no two overlap.  For LAYOUT_TOO_SMALL only
 * mode, cols and rows are set (the rest is zero). */
void layout_compute(int cols, int rows, struct layout *out);

/* Gives the documents pane of l (not too small) the whole body of the
 * screen, as mutt's index: the other panes and the borders get empty
 * rectangles. */
void layout_wide_list(struct layout *l);

/* The pane whose content area holds the cell (y, x), or -1. */
int layout_pane_at(const struct layout *l, int y, int x);

/* True when the cell (y, x) lies in r. */
bool rect_contains(struct rect r, int y, int x);

#endif
