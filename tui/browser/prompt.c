/* prompt: line editing on the status line, by characters and display
 * columns (a CJK character is one character, two columns). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "juan/browser/draw.h"
#include "juan/browser/keymap.h"
#include "juan/browser/prompt.h"

struct prompt {
	char label[512];
	char buf[PROMPT_MAX + 1];
	size_t len;
	size_t at;   /* the cursor: a byte offset on a character boundary */
	prompt_fn done;
};

void
prompt_free(struct prompt **p)
{
	if (p == NULL)
		return;
	free(*p);
	*p = NULL;
}

/* The offset of the character before byte offset at (0 at the start). */
static size_t
char_before(const struct prompt *p, size_t at)
{
	size_t i = 0, last = 0;
	uint32_t cp;

	while (i < at) {
		last = i;
		i += text_next(p->buf + i, p->len - i, &cp);
	}
	return last;
}

/* The offset of the character after the one at at (len at the end). */
static size_t
char_after(const struct prompt *p, size_t at)
{
	uint32_t cp;

	return at < p->len ? at + text_next(p->buf + at, p->len - at, &cp) : at;
}

/* Removes bytes [from, to) of the input. */
static void
cut(struct prompt *p, size_t from, size_t to)
{
	memmove(p->buf + from, p->buf + to, p->len - to + 1);
	p->len -= to - from;
	p->at = from;
}

static void
insert(struct prompt *p, uint32_t cp)
{
	char utf8[4];
	size_t n = text_put(cp, utf8);

	if (p->len + n > PROMPT_MAX)
		return;
	memmove(p->buf + p->at + n, p->buf + p->at, p->len - p->at + 1);
	memcpy(p->buf + p->at, utf8, n);
	p->len += n;
	p->at += n;
}

struct prompt *
prompt_new(const char *label, const char *initial, prompt_fn done)
{
	struct prompt *p = calloc(1, sizeof(*p));
	size_t i, n;
	uint32_t cp;

	if (p == NULL)
		return NULL;
	snprintf(p->label, sizeof(p->label), "%s", label);
	p->done = done;
	p->buf[0] = '\0';
	/* as if typed: a long text stops before the character that does not
	 * fit */
	for (i = 0; initial != NULL && initial[i] != '\0'; i += n) {
		n = text_next(initial + i, strlen(initial + i), &cp);
		insert(p, cp);
	}
	return p;
}

bool
prompt_key(struct prompt *p, int key, prompt_fn *done_fn, const char **text)
{
	*done_fn = NULL;
	*text = NULL;
	switch (key) {
	case KEYC_ENTER:
		*done_fn = p->done;
		*text = p->buf;
		return true;
	case KEYC_ESC:
		return true;
	case KEYC_BACKSPACE:
		cut(p, char_before(p, p->at), p->at);
		return false;
	case KEYC_DELETE:
		cut(p, p->at, char_after(p, p->at));
		return false;
	case KEYC_LEFT:
		p->at = char_before(p, p->at);
		return false;
	case KEYC_RIGHT:
		p->at = char_after(p, p->at);
		return false;
	case KEYC_HOME:
	case KEYC_CTRL('a'):
		p->at = 0;
		return false;
	case KEYC_END:
	case KEYC_CTRL('e'):
		p->at = p->len;
		return false;
	case KEYC_CTRL('u'):
		cut(p, 0, p->at);
		return false;
	default:
		break;
	}
	/* control characters (a tab, a newline from a paste) are not text */
	if (key < 0x20 || key >= 0x110000 || key == 0x7F ||
	    (key >= 0x80 && key < 0xA0))
		return false;
	insert(p, (uint32_t)key);
	return false;
}

void
prompt_draw(const struct prompt *p, struct canvas *c)
{
	int x, w = canvas_width(c), room, cursor_w;
	size_t from = 0, next = char_after(p, p->at);

	draw_fill(c, 0, 0, -1, EL_NORMAL);
	x = draw_str(c, 0, 0, p->label, w / 2, EL_LABEL);
	room = w - x - 1;
	cursor_w = next > p->at ? text_width(p->buf + p->at, next - p->at) : 1;
	/* keep the cursor in view: drop characters from the left, an
	 * ellipsis standing for them */
	while (from < p->at &&
	       text_width(p->buf + from, p->at - from) + cursor_w +
	       (from > 0) > room)
		from = char_after(p, from);
	if (from > 0)
		x += draw_str(c, 0, x, TEXT_ELLIPSIS, 1, EL_NORMAL);
	room = w - x - 1;
	/* text cut on the right ends in an ellipsis too */
	draw_text(c, 0, x, p->buf + from, p->len - from, room, EL_NORMAL,
		  true);
	x += text_width(p->buf + from, p->at - from);
	if (next > p->at)
		draw_text(c, 0, x, p->buf + p->at, next - p->at, cursor_w,
			  EL_CURSOR, false);
	else
		draw_fill(c, 0, x, 1, EL_CURSOR);
}
