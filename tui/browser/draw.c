/* draw: strings → curses, by display columns. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "juan/sanitize.h"
#include "juan/text.h"
#include "juan/browser/draw.h"
#include "juan/browser/keymap.h"

/* Box drawing as text, not the alternate character set, so that a screen
 * dump reads as it looks. */
#define VLINE "\u2502"
#define HLINE "\u2500"

struct canvas {
	WINDOW *win;
};

/* Attributes that tell the elements apart without colour. */
static const attr_t mono[EL_COUNT] = {
	[EL_NORMAL] = A_NORMAL,
	[EL_HEADER] = A_REVERSE | A_BOLD,
	[EL_STATUS] = A_REVERSE,
	[EL_BORDER] = A_NORMAL,
	[EL_CURSOR] = A_REVERSE,
	[EL_CURSOR_DIM] = A_UNDERLINE,
	[EL_MARK] = A_BOLD,
	[EL_DATE] = A_NORMAL,
	[EL_ISSUER] = A_NORMAL,
	[EL_LABEL] = A_NORMAL,
	[EL_TITLE] = A_BOLD,
	[EL_HEADING] = A_BOLD,
	[EL_CURRENT] = A_BOLD | A_UNDERLINE,
	[EL_HIT] = A_REVERSE | A_UNDERLINE,
	[EL_OVERLAY] = A_NORMAL,
	[EL_BAR] = A_REVERSE,
	[EL_ERROR] = A_REVERSE | A_BOLD,
};

/* Attributes added to the colour, where colour alone does not suffice. */
static const attr_t with_color[EL_COUNT] = {
	[EL_HEADER] = A_BOLD,
	[EL_TITLE] = A_BOLD,
	[EL_HEADING] = A_BOLD,
	[EL_MARK] = A_BOLD,
	[EL_CURSOR_DIM] = A_REVERSE,
	[EL_BAR] = A_REVERSE,
	[EL_ERROR] = A_BOLD,
};

static attr_t attrs[EL_COUNT];

void
draw_colors(const struct color_spec *colors, bool use_color)
{
	int i;

	if (!use_color || !has_colors() || start_color() == ERR) {
		memcpy(attrs, mono, sizeof(attrs));
		return;
	}
	use_default_colors();
	for (i = 0; i < EL_COUNT; i++) {
		attrs[i] = mono[i];
		if (!colors[i].set || i + 1 >= COLOR_PAIRS)
			continue;
		if (colors[i].fg >= COLORS || colors[i].bg >= COLORS)
			continue;
		if (colors[i].fg == -1 && colors[i].bg == -1)
			continue;
		if (init_pair((short)(i + 1), (short)colors[i].fg,
			      (short)colors[i].bg) == ERR)
			continue;
		attrs[i] = COLOR_PAIR(i + 1) | with_color[i];
	}
}

struct canvas *
canvas_new(struct rect r)
{
	struct canvas *c;

	if (r.w <= 0 || r.h <= 0)
		return NULL;
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return NULL;
	c->win = newwin(r.h, r.w, r.y, r.x);
	if (c->win == NULL) {
		free(c);
		return NULL;
	}
	keypad(c->win, TRUE);
	return c;
}

void
canvas_free(struct canvas **c)
{
	if (c == NULL || *c == NULL)
		return;
	delwin((*c)->win);
	free(*c);
	*c = NULL;
}

int
canvas_width(const struct canvas *c)
{
	return c ? getmaxx(c->win) : 0;
}

int
canvas_height(const struct canvas *c)
{
	return c ? getmaxy(c->win) : 0;
}

void
canvas_erase(struct canvas *c)
{
	if (c != NULL) {
		wbkgdset(c->win, ' ' | attrs[EL_NORMAL]);
		werase(c->win);
	}
}

int
draw_text(struct canvas *c, int y, int x, const char *s, size_t len,
	  int maxcols, enum element el, bool ellipsis)
{
	char small[512], *buf = small, *cut = NULL;
	size_t n, fit, elen = strlen(TEXT_ELLIPSIS);
	int room, width = 0;

	if (c == NULL || y < 0 || y >= getmaxy(c->win) || x < 0)
		return 0;
	room = getmaxx(c->win) - x;
	if (maxcols >= 0 && maxcols < room)
		room = maxcols;
	if (room <= 0 || len == 0)
		return 0;
	if (3 * len + 1 > sizeof(small)) {
		buf = malloc(3 * len + 1);
		if (buf == NULL)
			return 0;
	}
	/* through the one sanitiser: TAB and line breaks blank, every other
	 * control and bidi character a visible placeholder */
	n = sanitize_into(s, len, SANITIZE_LINE, buf);
	if (ellipsis && text_width(buf, n) > room) {
		cut = text_truncate(buf, n, room);
		if (cut == NULL)
			goto done;
		fit = strlen(cut);
		/* "淄博市教育局…", not "淄博市教育局 …" */
		while (fit > elen && cut[fit - elen - 1] == ' ') {
			memmove(cut + fit - elen - 1, cut + fit - elen, elen + 1);
			fit--;
		}
		width = text_width(cut, fit);
		wattrset(c->win, attrs[el]);
		mvwaddnstr(c->win, y, x, cut, (int)fit);
	} else {
		fit = text_fit(buf, n, room, &width);
		wattrset(c->win, attrs[el]);
		if (fit > 0)
			mvwaddnstr(c->win, y, x, buf, (int)fit);
	}
	wattrset(c->win, A_NORMAL);
done:
	free(cut);
	if (buf != small)
		free(buf);
	return width;
}

int
draw_str(struct canvas *c, int y, int x, const char *s, int maxcols,
	 enum element el)
{
	return draw_text(c, y, x, s, strlen(s), maxcols, el, true);
}

void
draw_fill(struct canvas *c, int y, int x, int cols, enum element el)
{
	int room;

	if (c == NULL || y < 0 || y >= getmaxy(c->win) || x < 0)
		return;
	room = getmaxx(c->win) - x;
	if (cols < 0 || cols > room)
		cols = room;
	if (cols <= 0)
		return;
	wattrset(c->win, attrs[el]);
	mvwhline(c->win, y, x, ' ', cols);
	wattrset(c->win, A_NORMAL);
}

void
draw_border(struct canvas *c)
{
	int i;

	if (c == NULL)
		return;
	wattrset(c->win, attrs[EL_BORDER]);
	if (getmaxx(c->win) == 1)
		for (i = 0; i < getmaxy(c->win); i++)
			mvwaddstr(c->win, i, 0, VLINE);
	else
		for (i = 0; i < getmaxx(c->win); i++)
			mvwaddstr(c->win, 0, i, HLINE);
	wattrset(c->win, A_NORMAL);
}

void
draw_frame(struct canvas *c, const char *title)
{
	int w, h, i;

	if (c == NULL)
		return;
	w = getmaxx(c->win);
	h = getmaxy(c->win);
	wattrset(c->win, attrs[EL_BORDER]);
	for (i = 1; i < w - 1; i++) {
		mvwaddstr(c->win, 0, i, HLINE);
		mvwaddstr(c->win, h - 1, i, HLINE);
	}
	for (i = 1; i < h - 1; i++) {
		mvwaddstr(c->win, i, 0, VLINE);
		mvwaddstr(c->win, i, w - 1, VLINE);
	}
	mvwaddstr(c->win, 0, 0, "\u250c");
	mvwaddstr(c->win, 0, w - 1, "\u2510");
	mvwaddstr(c->win, h - 1, 0, "\u2514");
	mvwaddstr(c->win, h - 1, w - 1, "\u2518");
	wattrset(c->win, A_NORMAL);
	if (title != NULL && title[0] != '\0') {
		draw_str(c, 0, 2, " ", 1, EL_TITLE);
		draw_str(c, 0, 3 + draw_str(c, 0, 3, title, getmaxx(c->win) - 6,
					    EL_TITLE), " ", 1, EL_TITLE);
	}
}

void
draw_bar(struct canvas *c, int y, int x, int cols)
{
	draw_fill(c, y, x, cols, EL_BAR);
}

void
canvas_flush(struct canvas *c)
{
	if (c != NULL)
		wnoutrefresh(c->win);
}

void
canvas_touch(struct canvas *c)
{
	if (c != NULL)
		touchwin(c->win);
}

void
draw_update(void)
{
	doupdate();
}
