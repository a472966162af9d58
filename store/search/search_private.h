/* search_private: what the files of store/search share and nobody else
 * sees — registering juan's FTS5 extensions (the tokenizer "juan" of
 * tokenize.c, the functions of search_fts5.c) on an SQLite connection.
 * The store opens its connections through search_register(); only store/
 * includes this. */
#ifndef JUAN_SEARCH_PRIVATE_H
#define JUAN_SEARCH_PRIVATE_H

#include <sqlite3.h>

/* Registers everything the index and the searches need on db: the
 * tokenizer "juan" and the functions juan_snippet and juan_phrases.  Every
 * connection to a store needs it before it touches doc_fts.  Returns an
 * SQLite result code. */
int search_register(sqlite3 *db);

/* tokenize.c: registers the tokenizer "juan" through api.  Returns an
 * SQLite result code. */
int tokenize_fts5_register(fts5_api *api);

/* search_fts5.c: registers juan_snippet and juan_phrases through api.
 * Returns an SQLite result code. */
int search_fts5_register(fts5_api *api);

#endif
