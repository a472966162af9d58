/* parse: the parser's entry point — a document's text → head, body, tail,
 * metadata and outline (doc_parse, doc_free); `juan parse` output. */
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "parse_private.h"

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
	    &d->nsections, &d->toc_skipped);
done:
	free(paras);
	if (rc != JUAN_OK)
		doc_free(&d);
	*out = d;
	return rc;
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
