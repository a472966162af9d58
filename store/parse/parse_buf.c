/* parse_buf: a growing string that remembers an allocation failure. */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/text.h"
#include "parse_base.h"

static void
pbuf_grow(struct pbuf *b, size_t n)
{
	char *p;

	if (b->oom)
		return;
	p = array_reserve(b->p, &b->cap, b->len + n + 1, 1);
	if (!p) {
		b->oom = true;
		return;
	}
	b->p = p;
}

void
pbuf_add(struct pbuf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	pbuf_grow(b, n);
	if (b->oom)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Appends s[0..n) without its whitespace. */
void
pbuf_add_squeezed(struct pbuf *b, const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = text_next(s + i, n - i, &cp);
		if (!text_is_space(cp) && cp != '\n')
			pbuf_add(b, s + i, k);
		i += k;
	}
}

/* The string built so far (caller frees), "" when nothing was added; NULL
 * when an allocation failed.  The buffer is left empty. */
char *
pbuf_take(struct pbuf *b)
{
	char *p;

	if (b->oom) {
		free(b->p);
		p = NULL;
	} else if (!b->p) {
		p = parse_dup("", 0);
	} else {
		p = b->p;
	}
	b->p = NULL;
	b->len = b->cap = 0;
	b->oom = false;
	return p;
}
