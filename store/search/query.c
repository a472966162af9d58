/* query: a user's query taken apart, and its MATCH expressions (see
 * query.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/tokenize.h"
#include "query.h"

void
query_free(struct query *q)
{
	free(q->buf);
	free(q->toks);
	free(q->terms);
	memset(q, 0, sizeof(*q));
}

const char *
query_token_text(const struct query *q, size_t i)
{
	return q->buf + q->toks[i].off;
}

bool
query_term_begin(struct query *q)
{
	struct query_term *terms;

	terms = array_reserve(q->terms, &q->terms_cap, q->nterms + 1,
			      sizeof(*terms));
	if (!terms)
		return false;
	q->terms = terms;
	q->terms[q->nterms].first = q->ntoks;
	q->terms[q->nterms].n = 0;
	q->terms[q->nterms].prefix = false;
	q->nterms++;
	return true;
}

bool
query_token_add(struct query *q, const char *tok, size_t len)
{
	struct query_token *toks;
	char *buf;

	buf = array_reserve(q->buf, &q->buf_cap, q->buf_len + len + 1, 1);
	if (!buf)
		return false;
	q->buf = buf;
	toks = array_reserve(q->toks, &q->toks_cap, q->ntoks + 1,
			     sizeof(*toks));
	if (!toks)
		return false;
	q->toks = toks;
	memcpy(q->buf + q->buf_len, tok, len);
	q->buf[q->buf_len + len] = '\0';
	q->toks[q->ntoks].off = q->buf_len;
	q->toks[q->ntoks].len = len;
	q->buf_len += len + 1;
	q->ntoks++;
	q->terms[q->nterms - 1].n++;
	return true;
}

void
query_term_end(struct query *q, bool prefix)
{
	struct query_term *t = &q->terms[q->nterms - 1];

	if (t->n == 0)
		q->nterms--;
	else
		t->prefix = prefix;
}

/* The bytes of the expression: every token quoted with its quotes doubled,
 * then a '*' and a separator (" + " or " AND ") at most. */
static size_t
expr_size(const struct query *q)
{
	size_t i, size = 1;

	for (i = 0; i < q->ntoks; i++)
		size += 2 * q->toks[i].len + sizeof("\"\x01\"* AND ");
	return size;
}

/* Writes token i of q quoted at out; returns the bytes written. */
static size_t
put_token(const struct query *q, size_t i, char *out)
{
	const char *tok = query_token_text(q, i);
	size_t at = 0;

	out[at++] = '"';
	for (; *tok; tok++) {
		if (*tok == '"')
			out[at++] = '"';
		out[at++] = *tok;
	}
	out[at++] = '"';
	return at;
}

/* Writes the character mark token of token i of q, a single CJK
 * character, quoted at out (see tokenize.h); returns the bytes written. */
static size_t
put_mark(const struct query *q, size_t i, char *out)
{
	const char *tok = query_token_text(q, i);
	size_t len = q->toks[i].len;

	out[0] = '"';
	out[1] = TOKENIZE_MARK;
	memcpy(out + 2, tok, len);
	out[2 + len] = '"';
	return len + 3;
}

/* The expression of q with the tokens of a term joined by join. */
static char *
render(const struct query *q, const char *join)
{
	const struct query_term *t;
	char *out = malloc(expr_size(q));
	size_t i, k, at = 0;

	if (!out)
		return NULL;
	for (i = 0; i < q->nterms; i++) {
		t = &q->terms[i];
		for (k = 0; k < t->n; k++) {
			if (at > 0) {
				const char *sep = k > 0 ? join : " AND ";

				memcpy(out + at, sep, strlen(sep));
				at += strlen(sep);
			}
			if (t->prefix && t->n == 1) {
				at += put_mark(q, t->first, out + at);
				continue;
			}
			at += put_token(q, t->first + k, out + at);
			if (t->prefix && k == t->n - 1)
				out[at++] = '*';
		}
	}
	out[at] = '\0';
	return out;
}

char *
query_expr(const struct query *q)
{
	return render(q, " + ");
}

bool
query_split_expr(const struct query *q, char **expr, char **groups)
{
	size_t i;
	bool split = false, fits = true;

	*groups = NULL;
	for (i = 0; i < q->nterms; i++) {
		fits = fits && q->terms[i].n <= QUERY_GROUP_MAX;
		split = split || q->terms[i].n > 1;
	}
	if (!fits || !split) {
		*expr = query_expr(q);
		return *expr != NULL;
	}
	*expr = render(q, " AND ");
	*groups = malloc(q->nterms + 1);
	if (!*expr || !*groups) {
		free(*expr);
		free(*groups);
		*expr = NULL;
		*groups = NULL;
		return false;
	}
	for (i = 0; i < q->nterms; i++)
		(*groups)[i] = (char)('0' + q->terms[i].n);
	(*groups)[q->nterms] = '\0';
	return true;
}

char *
query_prefixes(const struct query *q)
{
	char *flags = malloc(q->nterms + 1);
	size_t i;

	if (!flags)
		return NULL;
	for (i = 0; i < q->nterms; i++)
		flags[i] = q->terms[i].prefix ? '1' : '0';
	flags[q->nterms] = '\0';
	return flags;
}
