/* draw: the only place where strings become curses calls.
 *
 * A canvas is one curses window covering a rectangle of the screen.  Text is
 * drawn by display columns (a CJK character takes two), cut at the canvas
 * edge or a given width without ever splitting a character; control
 * characters are drawn as spaces and bad bytes as U+FFFD, so nothing drawn
 * can spill over a pane border.  Colours and attributes come per element;
 * without colours (a monochrome terminal, or NO_COLOR set) every element
 * keeps an attribute (reverse, bold, underline) that tells it apart.
 * This header knows nothing of curses. */
#ifndef JUAN_TUI_DRAW_H
#define JUAN_TUI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "juan/browser/layout.h"

/* The elements of the screen; names are those of `color` in the config. */
#define ELEMENT_LIST(X)                    \
	X(EL_NORMAL,   "normal")           \
	X(EL_HEADER,   "header")           \
	X(EL_STATUS,   "status")           \
	X(EL_BORDER,   "border")           \
	X(EL_CURSOR,   "cursor")           \
	X(EL_CURSOR_DIM, "cursor-inactive") \
	X(EL_MARK,     "mark")             \
	X(EL_DATE,     "date")             \
	X(EL_ISSUER,   "issuer")           \
	X(EL_LABEL,    "label")            \
	X(EL_TITLE,    "title")            \
	X(EL_HEADING,  "heading")          \
	X(EL_CURRENT,  "current")          \
	X(EL_HIT,      "hit")              \
	X(EL_OVERLAY,  "overlay")          \
	X(EL_BAR,      "bar")              \
	X(EL_ERROR,    "error")

enum element {
#define ELEMENT_ENUM(id, name) id,
	ELEMENT_LIST(ELEMENT_ENUM)
#undef ELEMENT_ENUM
	EL_COUNT
};

/* The config name of el; static. */
const char *element_name(enum element el);

/* The element named name, or -1. */
int element_find(const char *name);

struct color_spec;
struct canvas;

/* Sets up the colour pairs from colors[EL_COUNT] when the terminal has
 * colours and use_color is true; else attributes only. */
void draw_colors(const struct color_spec *colors, bool use_color);

/* A new canvas over r (caller frees with canvas_free()); NULL when r is
 * empty or curses cannot make the window. */
struct canvas *canvas_new(struct rect r);

/* Frees *c (NULL-safe) and sets *c to NULL. */
void canvas_free(struct canvas **c);

/* Width and height of c in columns and rows. */
int canvas_width(const struct canvas *c);
int canvas_height(const struct canvas *c);

/* Erases c. */
void canvas_erase(struct canvas *c);

/* Draws s[0..len) at row y, column x of c as element el, in at most maxcols
 * columns (and never past the canvas edge); returns the columns drawn.  With
 * ellipsis, text that does not fit ends in "…", without the spaces that
 * came before it. */
int draw_text(struct canvas *c, int y, int x, const char *s, size_t len,
	      int maxcols, enum element el, bool ellipsis);

/* As draw_text for a NUL-terminated string, with ellipsis. */
int draw_str(struct canvas *c, int y, int x, const char *s, int maxcols,
	     enum element el);

/* Fills cols columns of row y from column x with spaces of element el
 * (cols < 0: to the edge). */
void draw_fill(struct canvas *c, int y, int x, int cols, enum element el);

/* Draws c as a border: a vertical line when it is one column wide, else a
 * horizontal one. */
void draw_border(struct canvas *c);

/* Draws a frame around the edge of c with title at its top. */
void draw_frame(struct canvas *c, const char *title);

/* Draws a bar of cols columns at (y, x). */
void draw_bar(struct canvas *c, int y, int x, int cols);

/* Queues c for the next draw_update() (wnoutrefresh). */
void canvas_flush(struct canvas *c);

/* Marks c as changed entirely, so that it is redrawn over anything that
 * covered it. */
void canvas_touch(struct canvas *c);

/* Sends every queued canvas to the terminal at once (doupdate). */
void draw_update(void);

#endif
