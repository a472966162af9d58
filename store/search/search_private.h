/* search_private: what the files of store/search share and nobody else
 * sees — registering juan's FTS5 extensions (the tokenizer "juan" of
 * tokenize.c, the functions of search_fts5.c) on an SQLite connection, and
 * a user's query taken apart by the tokenizer (query.h).
 * The store opens its connections through search_register(); only store/
 * includes this. */
#ifndef JUAN_SEARCH_PRIVATE_H
#define JUAN_SEARCH_PRIVATE_H

#include <sqlite3.h>

#include "juan/status.h"
#include "query.h"

/* The columns of doc_fts, in the order of its definition (store.c): the
 * body first, where FTS5 stores positions most compactly. */
enum {
	FTS_COL_BODY = 0,
	FTS_COL_TITLE = 1,
};

/* Registers everything the index and the searches need on db: the
 * tokenizer "juan", the functions juan_snippet and juan_phrases,
 * juan_genre(title) for the lists' type:, and juan_doubts(head, body,
 * tail) for the migration that stores the parse's doubts.  Every
 * connection to a store needs it before it touches doc_fts.  Returns an
 * SQLite result code. */
int search_register(sqlite3 *db);

/* tokenize.c: registers the tokenizer "juan" through api.  Returns an
 * SQLite result code. */
int tokenize_fts5_register(fts5_api *api);

/* tokenize.c: text[0..len) tokenized as FTS5 indexes a document, its
 * character marks included, each token passed to token(ctx, flags, ...)
 * as FTS5's xTokenize callback takes it.  Returns SQLITE_OK, the first
 * other value token returned, or SQLITE_NOMEM. */
int tokenize_document(const char *text, int len,
		      int (*token)(void *, int, const char *, int, int, int),
		      void *ctx);

/* tokenize.c: the tokens of text[0..len) as a query (for_query) or as an
 * auxiliary function's text, without character marks, passed to token as
 * FTS5's tokenizer callback takes them; SQLITE_OK, SQLITE_NOMEM, or what
 * token stopped with. */
int tokenize_plain(const char *text, int len, bool for_query,
		   int (*token)(void *, int, const char *, int, int, int),
		   void *ctx);

/* token_list.c: when the calling thread has offered a token list
 * (token_list_offer()) made of a text of len bytes with the hash of
 * text[0..len), passes its tokens to token as tokenize_document() would
 * and returns what it would; else returns TOKEN_LIST_NONE. */
#define TOKEN_LIST_NONE (-1)
int token_list_replay(const char *text, int len,
		      int (*token)(void *, int, const char *, int, int, int),
		      void *ctx);

/* tokenize.c: query taken apart into *q (free with query_free()): its
 * whitespace-separated words (ASCII whitespace, U+3000, U+00A0) are the
 * terms, each the tokens the tokenizer makes of it as a query; a word with
 * no searchable character is no term, and a term whose last token is a
 * single CJK character is a prefix term.  JUAN_ENOMEM (q left empty) is
 * the only failure. */
enum juan_status tokenize_query(const char *query, struct query *q);

/* search_fts5.c: registers juan_snippet and juan_phrases through api.
 * Returns an SQLite result code. */
int search_fts5_register(fts5_api *api);

#endif
