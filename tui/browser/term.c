/* term: curses set up and torn down, keys, mouse and screen dumps. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "juan/text.h"
#include "juan/browser/keymap.h"
#include "juan/browser/term.h"

static SCREEN *screen;
static FILE *null_out;
static FILE *null_in;
static int mouse_y, mouse_x;
static enum mouse_kind mouse_what;

static const struct {
	int curses;
	int key;
} special[] = {
	{ KEY_UP, KEYC_UP },          { KEY_DOWN, KEYC_DOWN },
	{ KEY_LEFT, KEYC_LEFT },      { KEY_RIGHT, KEYC_RIGHT },
	{ KEY_HOME, KEYC_HOME },      { KEY_END, KEYC_END },
	{ KEY_PPAGE, KEYC_PGUP },     { KEY_NPAGE, KEYC_PGDN },
	{ KEY_BTAB, KEYC_BTAB },      { KEY_BACKSPACE, KEYC_BACKSPACE },
	{ KEY_DC, KEYC_DELETE },      { KEY_ENTER, KEYC_ENTER },
	{ KEY_RESIZE, KEYC_RESIZE },  { KEY_MOUSE, KEYC_MOUSE },
};

static void
setup(void)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	/* stdscr is never drawn on: refresh it once so that reading keys from
	 * it never repaints it over the panes. */
	refresh();
}

/* True when the terminal can put the cursor anywhere (not TERM=dumb). */
static bool
can_address(void)
{
	char cup[] = "cup";
	const char *cap = tigetstr(cup);

	return cap != NULL && cap != (const char *)-1;
}

enum juan_status
term_open(bool headless, int cols, int rows, char *err, size_t errsize)
{
	const char *type = getenv("TERM");

	if (headless) {
		null_out = fopen("/dev/null", "w");
		null_in = fopen("/dev/null", "r");
		if (null_out == NULL || null_in == NULL) {
			snprintf(err, errsize, "cannot open /dev/null");
			term_close();
			return JUAN_EIO;
		}
		screen = newterm("xterm", null_out, null_in);
		if (screen == NULL) {
			snprintf(err, errsize, "no terminfo entry for xterm");
			term_close();
			return JUAN_EINVAL;
		}
		resize_term(rows, cols);
		setup();
		return JUAN_OK;
	}
	if (type == NULL || type[0] == '\0') {
		snprintf(err, errsize, "TERM is not set: juan needs a terminal "
			 "(or JUAN_SCRIPT=FILE to run without one)");
		return JUAN_EINVAL;
	}
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		snprintf(err, errsize, "not a terminal: juan's browser needs one "
			 "(see juan --help for the commands)");
		return JUAN_EINVAL;
	}
	screen = newterm(type, stdout, stdin);
	if (screen == NULL) {
		snprintf(err, errsize, "TERM=%s: unknown terminal type", type);
		return JUAN_EINVAL;
	}
	if (!can_address()) {
		term_close();
		snprintf(err, errsize, "TERM=%s: the terminal cannot move its "
			 "cursor, which the browser needs", type);
		return JUAN_EINVAL;
	}
	setup();
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		  BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	return JUAN_OK;
}

void
term_close(void)
{
	if (screen != NULL) {
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	if (null_out != NULL)
		fclose(null_out);
	if (null_in != NULL)
		fclose(null_in);
	null_out = NULL;
	null_in = NULL;
}

void
term_emergency(void)
{
	if (screen != NULL)
		endwin();
}

void
term_size(int *cols, int *rows)
{
	*cols = COLS;
	*rows = LINES;
}

void
term_resize(int cols, int rows)
{
	resize_term(rows, cols);
}

static int
read_mouse(void)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return -1;
	mouse_y = ev.y;
	mouse_x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		mouse_what = MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		mouse_what = MOUSE_WHEEL_DOWN;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		mouse_what = MOUSE_CLICK;
	else
		return -1;
	return KEYC_MOUSE;
}

int
term_read_key(int timeout_ms)
{
	wint_t ch;
	size_t i;
	int rc;

	wtimeout(stdscr, timeout_ms);
	rc = wget_wch(stdscr, &ch);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		if ((int)ch == KEY_MOUSE)
			return read_mouse();
		for (i = 0; i < sizeof(special) / sizeof(special[0]); i++)
			if (special[i].curses == (int)ch)
				return special[i].key;
		return -1;
	}
	if (ch == '\r')
		return KEYC_ENTER;
	if (ch == 127 || ch == 8)
		return KEYC_BACKSPACE;
	return (int)ch;
}

void
term_mouse(int *y, int *x, enum mouse_kind *kind)
{
	*y = mouse_y;
	*x = mouse_x;
	*kind = mouse_what;
}

void
term_redraw_all(void)
{
	/* A resize touches stdscr; queue it now, under the canvases drawn
	 * next, or the next read of a key would paint it over them. */
	wnoutrefresh(stdscr);
	clearok(curscr, TRUE);
}

enum juan_status
term_dump(const char *path)
{
	enum juan_status rc = JUAN_OK;
	wchar_t *line = NULL;
	char *out = NULL, utf8[4];
	size_t used, i;
	int y, n;
	FILE *f;

	f = fopen(path, "w");
	if (f == NULL)
		return JUAN_EIO;
	line = calloc((size_t)COLS + 1, sizeof(*line));
	out = malloc((size_t)COLS * 4 + 2);
	if (line == NULL || out == NULL) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	for (y = 0; y < LINES; y++) {
		n = mvwinnwstr(curscr, y, 0, line, COLS);
		used = 0;
		for (i = 0; n > 0 && i < (size_t)n && line[i] != L'\0'; i++) {
			size_t k = text_put((uint32_t)line[i], utf8);
			memcpy(out + used, utf8, k);
			used += k;
		}
		while (used > 0 && out[used - 1] == ' ')
			used--;
		out[used++] = '\n';
		if (fwrite(out, 1, used, f) != used)
			rc = JUAN_EIO;
	}
done:
	free(line);
	free(out);
	if (fclose(f) != 0 && rc == JUAN_OK)
		rc = JUAN_EIO;
	return rc;
}
