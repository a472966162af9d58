/* search_text: search_text_hits(), the one matcher of a query against a
 * text outside the index — the list, the browser's text pane and the
 * command line highlight with it.  It tokenizes the text as the index does
 * and matches the query's terms (tokenize_query()) token by token. */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/search.h"
#include "juan/tokenize.h"
#include "search_private.h"

/* The tokens of a text as the index has them. */
struct text_token {
	size_t off; /* in buf */
	int len;
	int start;
	int end;
};

struct text_tokens {
	char *buf;
	size_t used;
	size_t cap;
	struct text_token *v;
	size_t n;
	size_t vcap;
};

static int
collect_token(void *ctx, const char *tok, int len, int start, int end,
	      int colocated)
{
	struct text_tokens *t = ctx;
	struct text_token *v;
	char *buf;

	(void)colocated;
	buf = array_reserve(t->buf, &t->cap, t->used + (size_t)len, 1);
	if (!buf)
		return -1;
	t->buf = buf;
	v = array_reserve(t->v, &t->vcap, t->n + 1, sizeof(*v));
	if (!v)
		return -1;
	t->v = v;
	memcpy(t->buf + t->used, tok, (size_t)len);
	t->v[t->n].off = t->used;
	t->v[t->n].len = len;
	t->v[t->n].start = start;
	t->v[t->n].end = end;
	t->used += (size_t)len;
	t->n++;
	return 0;
}

/* Whether term of q matches the text's tokens from position pos on. */
static bool
term_at(const struct query *q, const struct query_term *term,
	const struct text_tokens *t, size_t pos)
{
	const struct text_token *tt;
	const struct query_token *qt;
	size_t k;

	for (k = 0; k < term->n; k++) {
		qt = &q->toks[term->first + k];
		tt = &t->v[pos + k];
		if (term->prefix && k == term->n - 1) {
			if ((size_t)tt->len < qt->len)
				return false;
		} else if ((size_t)tt->len != qt->len) {
			return false;
		}
		if (memcmp(t->buf + tt->off, q->buf + qt->off, qt->len) != 0)
			return false;
	}
	return true;
}

enum juan_status
search_text_hits(const char *text, size_t len, const char *query,
		 struct text_span **spans, size_t *n)
{
	struct query q = {0};
	struct text_tokens t = {0};
	struct text_span *out = NULL, *more;
	const struct query_term *term;
	const struct text_token *last;
	enum juan_status rc;
	size_t count = 0, cap = 0, i, pos, end;

	*spans = NULL;
	*n = 0;
	rc = tokenize_query(query ? query : "", &q);
	if (rc != JUAN_OK)
		goto done;
	rc = JUAN_ENOMEM;
	if (q.nterms > 0 && len > 0 &&
	    tokenize_text(text, (int)len, false, collect_token, &t) != 0)
		goto done;
	for (i = 0; i < q.nterms; i++) {
		term = &q.terms[i];
		for (pos = 0; term->n > 0 && pos + term->n <= t.n; pos++) {
			if (!term_at(&q, term, &t, pos))
				continue;
			more = array_reserve(out, &cap, count + 1,
					     sizeof(*out));
			if (!more)
				goto done;
			out = more;
			last = &t.v[pos + term->n - 1];
			end = term->prefix ?
			      (size_t)last->start +
			      q.toks[term->first + term->n - 1].len :
			      (size_t)last->end;
			out[count].off = (size_t)t.v[pos].start;
			out[count].len = end - out[count].off;
			count++;
		}
	}
	*spans = out;
	*n = text_spans_merge(out, count);
	out = NULL;
	rc = JUAN_OK;
done:
	free(out);
	query_free(&q);
	free(t.buf);
	free(t.v);
	return rc;
}
