/* search: full-text queries over title and body → ranked hits.
 *
 * The query is split into terms by the same tokenizer that built the index
 * (see tokenize.h), so Chinese queries of any length work, and every term
 * must match; it is bound as a parameter, never spliced into SQL.  Ranking is
 * bm25 with the title weighted above the body. */
#ifndef JUAN_SEARCH_H
#define JUAN_SEARCH_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct store;

/* Registers the SQL functions search needs (the snippet maker) on db; every
 * connection of a store needs them.  Returns an SQLite result code. */
int search_register(sqlite3 *db);

struct search_hit {
	int64_t id;
	double rank;   /* bm25: lower is better */
	char *title;
	char *snippet; /* up to 32 characters of the body from 8 before its
			* first hit (of the title when the body has none),
			* "…" where cut, every hit between mark_open and
			* mark_close */
};

/* The best limit hits for query (0: all) in *hits (free with
 * search_hits_free()) and their number in *n.  A query with no searchable
 * characters yields no hits. */
enum juan_status search_run(struct store *s, const char *query, size_t limit,
			    const char *mark_open, const char *mark_close,
			    struct search_hit **hits, size_t *n);

/* The ids of every hit, best first, in *ids (caller frees); no snippets. */
enum juan_status search_ids(struct store *s, const char *query, int64_t **ids,
			    size_t *n);

void search_hits_free(struct search_hit *hits, size_t n);

/* Bytes [off, off + len) of a text. */
struct search_span {
	size_t off;
	size_t len;
};

/* Where query hits text[0..len), exactly as the index sees it: full-width
 * and case folded, a term's words in sequence across punctuation, a single
 * Chinese character as itself.  For highlighting a document and moving from
 * hit to hit.  Stores the spans in text order, overlapping ones merged, in
 * *spans (caller frees; NULL when none) and their number in *n.  No store
 * needed; JUAN_ENOMEM is the only failure. */
enum juan_status search_text_hits(const char *text, size_t len,
				  const char *query, struct search_span **spans,
				  size_t *n);

#endif
