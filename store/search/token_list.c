/* token_list: a text's index tokens made ahead, and their replay to FTS5
 * (see tokenize.h). */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/tokenize.h"
#include "search_private.h"

/* One token: its text at bytes[off..off + len) of the list, or, in_text,
 * the text's own bytes [off..off + len) (a CJK bigram or character: most
 * tokens, not copied). */
struct token_rec {
	uint32_t off;
	int len;
	int start;
	int end;
	unsigned char flags;
	bool in_text;
};

struct token_list {
	const char *text; /* while the list is made */
	int text_len;     /* the text the tokens were made of */
	uint64_t hash;
	char *bytes;
	size_t nbytes, capbytes;
	struct token_rec *recs;
	size_t n, cap;
};

/* The list the calling thread offers, NULL when none. */
static _Thread_local const struct token_list *offered;

/* FNV-1a, 64 bits, eight bytes at a time (then the rest one by one): the
 * check that a text is the one the tokens were made of. */
static uint64_t
hash_text(const char *text, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u, w;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, text + i, 8);
		h = (h ^ w) * 0x100000001b3u;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 0x100000001b3u;
	return h ^ len;
}

static int
append(void *ctx, int flags, const char *tok, int len, int start, int end)
{
	struct token_list *l = ctx;
	struct token_rec *recs;
	char *bytes;

	if (l->n + 1 > l->cap) {
		recs = array_reserve(l->recs, &l->cap, l->n + 1,
				     sizeof(*recs));
		if (!recs)
			return SQLITE_NOMEM;
		l->recs = recs;
	}
	if (start >= 0 && len == end - start && end <= l->text_len &&
	    tok == l->text + start) {
		l->recs[l->n++] = (struct token_rec){(uint32_t)start, len,
						     start, end,
						     (unsigned char)flags,
						     true};
		return SQLITE_OK;
	}
	if (l->nbytes + (size_t)len > UINT32_MAX)
		return SQLITE_NOMEM;
	if (l->nbytes + (size_t)len > l->capbytes) {
		bytes = array_reserve(l->bytes, &l->capbytes,
				      l->nbytes + (size_t)len, 1);
		if (!bytes)
			return SQLITE_NOMEM;
		l->bytes = bytes;
	}
	if (len <= 8) /* a mark, a short word: copied in line */
		for (int i = 0; i < len; i++)
			l->bytes[l->nbytes + (size_t)i] = tok[i];
	else
		memcpy(l->bytes + l->nbytes, tok, (size_t)len);
	l->recs[l->n] = (struct token_rec){(uint32_t)l->nbytes, len, start,
					   end, (unsigned char)flags, false};
	l->nbytes += (size_t)len;
	l->n++;
	return SQLITE_OK;
}

struct token_list *
token_list_make(const char *text, size_t len)
{
	struct token_list *l;

	if (len > INT_MAX)
		return NULL;
	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	l->text = text;
	l->text_len = (int)len;
	l->hash = hash_text(text, len);
	/* room for a Chinese text's tokens (one per character, and a mark of
	 * five bytes per distinct character) without growing by steps; a
	 * shortfall only grows the arrays as always */
	l->bytes = array_reserve(NULL, &l->capbytes, len / 4 + 1024, 1);
	l->recs = array_reserve(NULL, &l->cap, len / 3 + 256, sizeof(*l->recs));
	if (!l->bytes || !l->recs) {
		token_list_free(&l);
		return NULL;
	}
	if (len > 0 && tokenize_document(text, (int)len, append, l) !=
	    SQLITE_OK)
		token_list_free(&l);
	else
		l->text = NULL;
	return l;
}

size_t
token_list_bytes(const struct token_list *l)
{
	return l ? sizeof(*l) + l->capbytes + l->cap * sizeof(*l->recs) : 0;
}

void
token_list_free(struct token_list **l)
{
	if (!*l)
		return;
	free((*l)->bytes);
	free((*l)->recs);
	free(*l);
	*l = NULL;
}

void
token_list_offer(const struct token_list *l)
{
	offered = l;
}

int
token_list_replay(const char *text, int len,
		  int (*token)(void *, int, const char *, int, int, int),
		  void *ctx)
{
	const struct token_list *l = offered;
	size_t i;
	int rc = SQLITE_OK;

	if (!l || l->text_len != len || l->hash != hash_text(text, (size_t)len))
		return TOKEN_LIST_NONE;
	for (i = 0; i < l->n && rc == SQLITE_OK; i++) {
		const struct token_rec *r = &l->recs[i];

		rc = token(ctx, r->flags, (r->in_text ? text : l->bytes) +
			   r->off, r->len, r->start, r->end);
	}
	return rc;
}
