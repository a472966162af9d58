/* parse: a document's text → head, body, tail, metadata and outline; the
 * helpers the other parse_*.c files share; `juan parse` output. */
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "parse_private.h"

size_t
parse_prev(const char *s, size_t pos, uint32_t *cp)
{
	size_t k;

	if (pos == 0) {
		*cp = 0;
		return 0;
	}
	for (k = 1; k <= 4 && k <= pos; k++) {
		if (((unsigned char)s[pos - k] & 0xC0) != 0x80) {
			if (text_next(s + pos - k, k, cp) == k)
				return k;
			break;
		}
	}
	*cp = TEXT_REPLACEMENT;
	return 1;
}

uint32_t
parse_cp_at(const char *s, size_t len, size_t pos)
{
	uint32_t cp = 0;

	if (pos < len)
		text_next(s + pos, len - pos, &cp);
	return cp;
}

bool
parse_has(const char *s, size_t len, size_t pos, const char *lit)
{
	size_t n = strlen(lit);

	return pos <= len && len - pos >= n && memcmp(s + pos, lit, n) == 0;
}

size_t
parse_skip_space(const char *s, size_t len, size_t pos)
{
	uint32_t cp;
	size_t n;

	while (pos < len) {
		n = text_next(s + pos, len - pos, &cp);
		if (!text_is_space(cp))
			break;
		pos += n;
	}
	return pos;
}

size_t
parse_rtrim(const char *s, size_t start, size_t end)
{
	uint32_t cp;
	size_t n;

	while (end > start) {
		n = parse_prev(s, end, &cp);
		if (n > end - start ||
		    !(text_is_space(cp) || cp == '\n' || cp == '\r'))
			break;
		end -= n;
	}
	return end;
}

size_t
parse_find(const char *s, size_t from, size_t to, const char *lit)
{
	const char *hit;
	size_t n = strlen(lit);

	if (from >= to || to - from < n)
		return to;
	hit = memmem(s + from, to - from, lit, n);
	return hit ? (size_t)(hit - s) : to;
}

size_t
parse_chars(const char *s, size_t start, size_t end)
{
	size_t n = 0;
	uint32_t cp;

	while (start < end) {
		start += text_next(s + start, end - start, &cp);
		n++;
	}
	return n;
}

bool
parse_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

bool
parse_has_digit(const char *s, size_t start, size_t end)
{
	uint32_t cp;

	while (start < end) {
		start += text_next(s + start, end - start, &cp);
		if (parse_is_digit(cp))
			return true;
	}
	return false;
}

char *
parse_dup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p) {
		if (n)
			memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static void
pbuf_grow(struct pbuf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom || b->len + n + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + n + 1)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return;
	}
	b->p = p;
	b->cap = cap;
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

static void
meta_free(struct doc_meta *m)
{
	free(m->title);
	free(m->issuer);
	free(m->date);
	free(m->docno);
	free(m->published);
	free(m->topic);
	free(m->source);
	memset(m, 0, sizeof *m);
}

enum juan_status
doc_parse(const char *text, size_t len, struct doc **out)
{
	enum juan_status rc;
	struct head_info h;
	struct para *paras = NULL;
	size_t npara = 0;
	struct doc *d;
	const char *body;

	*out = NULL;
	if (!text)
		len = 0;
	d = calloc(1, sizeof *d);
	if (!d)
		return JUAN_ENOMEM;
	parse_head(text ? text : "", len, &h);
	d->head_len = h.head_len;
	d->body_len = h.tail_start - h.head_len;
	d->tail_len = len - h.tail_start;
	body = text ? text + h.head_len : "";
	rc = parse_paragraphs(body, d->body_len, &paras, &npara);
	if (rc != JUAN_OK)
		goto done;
	rc = parse_meta(text ? text : "", &h, paras, npara, &d->meta);
	if (rc != JUAN_OK)
		goto done;
	rc = parse_outline(body, d->body_len, paras, npara, &d->sections,
	    &d->nsections);
done:
	free(paras);
	if (rc != JUAN_OK)
		doc_free(&d);
	*out = d;
	return rc;
}

void
sections_free(struct section *sections, size_t n)
{
	size_t i;

	if (!sections)
		return;
	for (i = 0; i < n; i++) {
		free(sections[i].label);
		free(sections[i].title);
	}
	free(sections);
}

void
doc_free(struct doc **d)
{
	if (!d || !*d)
		return;
	meta_free(&(*d)->meta);
	sections_free((*d)->sections, (*d)->nsections);
	free(*d);
	*d = NULL;
}

int
doc_print_outline(const struct doc *d, FILE *out)
{
	const struct section *sec;
	size_t i;

	for (i = 0; i < d->nsections; i++) {
		sec = &d->sections[i];
		if (fprintf(out, "%d\t%s\t%s\n", sec->level, sec->label,
		    sec->title) < 0)
			return -1;
	}
	return fflush(out) == 0 ? 0 : -1;
}

int
doc_print_meta(const struct doc *d, FILE *out)
{
	const struct doc_meta *m = &d->meta;

	if (fprintf(out, "title\t%s\nissuer\t%s\ndate\t%s\ndocno\t%s\n",
	    m->title ? m->title : "", m->issuer ? m->issuer : "",
	    m->date ? m->date : "", m->docno ? m->docno : "") < 0)
		return -1;
	return fflush(out) == 0 ? 0 : -1;
}
