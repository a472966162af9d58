/* prompt: line editing on the status line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "juan/browser/draw.h"
#include "juan/browser/keymap.h"
#include "juan/browser/prompt.h"

struct prompt {
	char label[64];
	char buf[1024];
	size_t len;
	prompt_fn done;
};

struct prompt *
prompt_new(const char *label, const char *initial, prompt_fn done)
{
	struct prompt *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	snprintf(p->label, sizeof(p->label), "%s", label);
	snprintf(p->buf, sizeof(p->buf), "%s", initial ? initial : "");
	p->len = strlen(p->buf);
	p->done = done;
	return p;
}

void
prompt_free(struct prompt **p)
{
	if (p == NULL)
		return;
	free(*p);
	*p = NULL;
}

/* Removes the last character (not byte) of the input. */
static void
delete_last(struct prompt *p)
{
	size_t i = 0, last = 0;
	uint32_t cp;

	while (i < p->len) {
		last = i;
		i += text_next(p->buf + i, p->len - i, &cp);
	}
	p->len = last;
	p->buf[p->len] = '\0';
}

bool
prompt_key(struct prompt *p, int key, prompt_fn *done_fn, const char **text)
{
	char utf8[4];
	size_t n;

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
		delete_last(p);
		return false;
	case KEYC_CTRL('u'):
		p->len = 0;
		p->buf[0] = '\0';
		return false;
	default:
		break;
	}
	if (key < 0x20 || key >= 0x110000 || key == 0x7F)
		return false;
	n = text_put((uint32_t)key, utf8);
	if (p->len + n < sizeof(p->buf)) {
		memcpy(p->buf + p->len, utf8, n);
		p->len += n;
		p->buf[p->len] = '\0';
	}
	return false;
}

void
prompt_draw(const struct prompt *p, struct canvas *c)
{
	int x, w = canvas_width(c), skip = 0;
	size_t from = 0;
	uint32_t cp;

	draw_fill(c, 0, 0, -1, EL_NORMAL);
	x = draw_str(c, 0, 0, p->label, w / 2, EL_LABEL);
	/* keep the end of a long input in view */
	while (text_width(p->buf + from, p->len - from) > w - x - 2 &&
	       from < p->len) {
		from += text_next(p->buf + from, p->len - from, &cp);
		skip = 1;
	}
	if (skip)
		x += draw_str(c, 0, x, TEXT_ELLIPSIS, 1, EL_NORMAL);
	x += draw_text(c, 0, x, p->buf + from, p->len - from, w - x - 1,
		       EL_NORMAL, false);
	draw_fill(c, 0, x, 1, EL_CURSOR);
}
