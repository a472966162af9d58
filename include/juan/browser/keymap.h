/* keymap: keys → actions, and the colours of the screen's elements.
 *
 * The built-in bindings and colours are data (keymap.c), applied by the same
 * functions that apply a user's config file, `$XDG_CONFIG_HOME/juan/config`
 * (else ~/.config/juan/config), whose lines are:
 *
 *     bind KEY ACTION      # ACTION from action.h, or "none" to unbind
 *     color ELEMENT FG BG  # ELEMENT from draw.h; black red green yellow
 *                          # blue magenta cyan white default, or 0-255
 *     coder NAME           # who makes the changes (read by cmd_coder():
 *                          # --coder, then JUAN_CODER, then this line,
 *                          # then the login name)
 *     # a comment
 *
 * KEY is one character (`j`, `?`, `高`), a control key (`C-r` or `^R`), or a
 * name in angle brackets: <Enter> <Tab> <S-Tab> <Esc> <Space> <Up> <Down>
 * <Left> <Right> <Home> <End> <PgUp> <PgDn> <Backspace> <Del>.
 *
 * Keys are ints: a Unicode code point for a character (control keys are
 * 1..31, Enter is '\n'), or one of the KEYC_ values below for the others.
 * Nothing here knows curses: term.c turns curses input into these keys. */
#ifndef JUAN_TUI_KEYMAP_H
#define JUAN_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "juan/status.h"
#include "juan/browser/action.h"
#include "juan/browser/draw.h"

enum {
	KEYC_ENTER = '\n',
	KEYC_TAB = '\t',
	KEYC_ESC = 27,
	KEYC_UP = 0x110000,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_HOME,
	KEYC_END,
	KEYC_PGUP,
	KEYC_PGDN,
	KEYC_BTAB,
	KEYC_BACKSPACE,
	KEYC_DELETE,
	KEYC_RESIZE, /* the terminal changed size */
	KEYC_MOUSE,  /* a mouse event: see term_mouse() */
};

#define KEYC_CTRL(c) ((c) & 0x1f)

/* Colour -1 is the terminal's default. */
struct color_spec {
	int fg;
	int bg;
	bool set;
};

struct binding {
	int key;
	enum action action;
};

struct keymap {
	struct binding *bindings;
	size_t n;
	size_t cap;
	struct color_spec colors[EL_COUNT];
};

/* Fills *km with the built-in bindings and colours (free with
 * keymap_free()).  JUAN_ENOMEM is the only failure. */
enum juan_status keymap_init(struct keymap *km);

/* Frees the bindings of *km and zeroes it.  NULL-safe. */
void keymap_free(struct keymap *km);

/* Parses a key as written in the config (see above) into *key.  Returns
 * false for anything else (empty, unknown name, more than one character). */
bool keymap_parse_key(const char *spec, int *key);

/* Writes the config spelling of key into buf[0..size) ("j", "C-r",
 * "<Enter>"); returns buf. */
char *keymap_key_name(int key, char *buf, size_t size);

/* Binds key to action (ACT_NONE unbinds), replacing its old binding. */
enum juan_status keymap_bind(struct keymap *km, int key, enum action action);

/* Applies config text[0..len) to km, line by line.  On JUAN_EINVAL writes
 * "line N: problem" into err[0..errsize); lines before the bad one stay
 * applied, the rest are still read. */
enum juan_status keymap_read(struct keymap *km, const char *text, size_t len,
			     char *err, size_t errsize);

/* Applies the config file at path; a missing file is JUAN_OK.  JUAN_EIO
 * when it cannot be read, JUAN_EINVAL as for keymap_read(). */
enum juan_status keymap_read_file(struct keymap *km, const char *path,
				  char *err, size_t errsize);

/* The config file's path (see above); caller frees.  NULL when no home
 * directory is known or out of memory. */
char *keymap_config_path(void);

/* The action bound to key, or ACT_NONE. */
enum action keymap_lookup(const struct keymap *km, int key);

/* The keys bound to action, as "j, <Down>", into buf[0..size); returns
 * buf ("" when none). */
char *keymap_keys_for(const struct keymap *km, enum action action, char *buf,
		      size_t size);

#endif
