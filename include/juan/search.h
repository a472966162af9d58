/* search: full-text queries over title and body → ranked hits (search.c),
 * and the one matcher of a query against a text, for highlighting
 * (search_text.c).  The FTS5 functions behind them (search_fts5.c) and
 * their registration on a connection are private (search_private.h).
 *
 * The query is split into terms by the same tokenizer that built the index
 * (see tokenize.h), so Chinese queries of any length work, and every term
 * must match; it is bound as a parameter, never spliced into SQL.
 *
 * Order: every hit is found (the set is exact, whatever the order).  A
 * query with at most SEARCH_RANK_MAX hits has them ranked by bm25, a title
 * hit worth ten body hits.  Above that they are not ranked: bm25 reads every
 * position of every hit (on a corpus where a common word is in every
 * document, 0.3 s at 100,000 documents), while the hits alone cost a tenth
 * of that.  Instead the documents whose title has every term come first (by
 * bm25 when they are at most SEARCH_RANK_MAX, else by id), then the others by
 * id; the titles have an index of their own for finding them (store.c).
 * A user with that many hits narrows the query; the title hits are what a
 * ranking would put first. */
#ifndef JUAN_SEARCH_H
#define JUAN_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"
#include "juan/text.h"

struct store;

/* Hits beyond which a query's hits are not ranked (see above). */
#define SEARCH_RANK_MAX 1000

struct search_hit {
	int64_t id;
	double rank;   /* bm25, lower is better; 0 when the hits were too many
			* to rank (see above) */
	char *title;
	char *snippet; /* up to 32 characters of the body from 8 before its
			* first hit (of the title when the body has none),
			* "…" where cut, every hit between mark_open and
			* mark_close */
};

/* The first limit hits for query (0: all), in the order above, in *hits
 * (free with search_hits_free()) and their number in *n.  A query with no searchable
 * characters yields no hits. */
enum juan_status search_run(struct store *s, const char *query, size_t limit,
			    const char *mark_open, const char *mark_close,
			    struct search_hit **hits, size_t *n);

/* As search_run(), for a query in the language of qlang.h: the hits of
 * ids[0..nids) (the documents store_query_ids() lists for query, in that
 * order; borrowed), the first limit (0: all), with the snippet of the
 * query's free words (a document found only through an OR may have none:
 * "").  JUAN_EINVAL for a malformed query or one without a free word that
 * is not excluded ("nothing to search for"), with store_error() saying
 * which. */
enum juan_status search_query_hits(struct store *s, const char *query,
				   const int64_t *ids, size_t nids,
				   size_t limit, const char *mark_open,
				   const char *mark_close,
				   struct search_hit **hits, size_t *n);

/* The ids of every hit, in the order above, in *ids (caller frees); no
 * snippets. */
enum juan_status search_ids(struct store *s, const char *query, int64_t **ids,
			    size_t *n);

void search_hits_free(struct search_hit *hits, size_t n);

/* Where query hits text[0..len), exactly as the index sees it: full-width
 * and case folded, a term's words in sequence across punctuation, a single
 * Chinese character as itself.  For highlighting a document and moving from
 * hit to hit.  Stores the spans merged by text_spans_merge() in
 * *spans (caller frees; NULL when none) and their number in *n.  No store
 * needed; JUAN_ENOMEM is the only failure. */
enum juan_status search_text_hits(const char *text, size_t len,
				  const char *query, struct text_span **spans,
				  size_t *n);

#endif
