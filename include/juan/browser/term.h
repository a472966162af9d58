/* term: the terminal session — opening and restoring it, reading keys and
 * mouse events, and the headless screen used by script mode.
 *
 * Keys come back as keymap.h keys, so nothing above this module sees curses
 * key codes. */
#ifndef JUAN_TUI_TERM_H
#define JUAN_TUI_TERM_H

#include <stdbool.h>
#include <stddef.h>

#include "juan/status.h"

enum mouse_kind {
	MOUSE_CLICK,
	MOUSE_WHEEL_UP,
	MOUSE_WHEEL_DOWN,
};

/* Starts curses on the terminal ($TERM, stdin/stdout), or with headless
 * true on no terminal at all: output goes to /dev/null and the screen is
 * cols x rows.  Returns JUAN_EINVAL with a message in err[0..errsize) when
 * TERM is unset or names no known terminal, or stdout is no terminal. */
enum juan_status term_open(bool headless, int cols, int rows, char *err,
			   size_t errsize);

/* Restores the terminal (endwin) and frees the screen.  Safe to call when
 * term_open() failed or was never called, and more than once. */
void term_close(void);

/* From a crash's signal handler: leaves curses mode (endwin) so that the
 * shell gets a usable terminal back.  Nothing else. */
void term_emergency(void);

/* The screen size. */
void term_size(int *cols, int *rows);

/* Headless: makes the screen cols x rows. */
void term_resize(int cols, int rows);

/* Waits up to timeout_ms (negative: forever) for a key; returns it, or -1
 * when none came (timeout or a signal). */
int term_read_key(int timeout_ms);

/* The last mouse event read as KEYC_MOUSE. */
void term_mouse(int *y, int *x, enum mouse_kind *kind);

/* Makes the next draw_update() repaint the whole screen (Ctrl-L, and
 * after a resize: call it before drawing the canvases again). */
void term_redraw_all(void);

/* Writes the screen as it is now to path: one line per row, trailing
 * spaces cut.  Returns JUAN_EIO when path cannot be written. */
enum juan_status term_dump(const char *path);

#endif
