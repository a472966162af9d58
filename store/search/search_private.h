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

/* Registers everything the index and the searches need on db: the
 * tokenizer "juan", the functions juan_snippet and juan_phrases, and
 * juan_genre(title) for the lists' type:.  Every
 * connection to a store needs it before it touches doc_fts.  Returns an
 * SQLite result code. */
int search_register(sqlite3 *db);

/* tokenize.c: registers the tokenizer "juan" through api.  Returns an
 * SQLite result code. */
int tokenize_fts5_register(fts5_api *api);

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
