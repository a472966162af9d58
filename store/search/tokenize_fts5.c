/* tokenize_fts5: the FTS5 tokenizer object "juan" — what FTS5 calls to
 * tokenize a document (replaying the tokens an import made ahead, else
 * tokenizing it with its character marks), a query or a text for an
 * auxiliary function; above the tokenizer and the token lists, which it
 * calls. */
#include <stdbool.h>
#include <stddef.h>

#include "juan/tokenize.h"
#include "search_private.h"

/* The tokenizer has no state of its own; FTS5 wants a non-NULL handle. */
static char tokenizer_handle;

static int
fts5_create(void *user, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)user;
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)&tokenizer_handle;
	return SQLITE_OK;
}

static void
fts5_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

static int
fts5_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text,
	      int len,
	      int (*token)(void *, int, const char *, int, int, int))
{
	int rc;

	(void)tok;
	if (!text || len <= 0)
		return SQLITE_OK;
	/* a character mark in a query (query_expr()) is looked up as it is */
	if ((flags & FTS5_TOKENIZE_QUERY) && text[0] == TOKENIZE_MARK)
		return token(ctx, 0, text, len, 0, len);
	if (flags & FTS5_TOKENIZE_DOCUMENT) {
		rc = token_list_replay(text, len, token, ctx);
		if (rc != TOKEN_LIST_NONE)
			return rc;
		return tokenize_document(text, len, token, ctx);
	}
	return tokenize_plain(text, len, (flags & FTS5_TOKENIZE_QUERY) != 0,
			      token, ctx);
}

int
tokenize_fts5_register(fts5_api *api)
{
	static fts5_tokenizer methods = {
		fts5_create, fts5_delete, fts5_tokenize,
	};

	return api->xCreateTokenizer(api, "juan", NULL, &methods, NULL);
}
