/* query: a user's query taken apart — its terms (the whitespace-separated
 * words of the query), each the sequence of tokens the tokenizer made of
 * it — and the FTS5 MATCH expressions made from it.  The one representation
 * of a parsed query: tokenize_query() (tokenize.c) builds it, the searches
 * (search.c) render it for FTS5, the text highlighter (search_text.c)
 * matches it against a text's tokens.  Private to store/search. */
#ifndef JUAN_SEARCH_QUERY_H
#define JUAN_SEARCH_QUERY_H

#include <stdbool.h>
#include <stddef.h>

/* A token: bytes [off, off + len) of the query's buffer, NUL after it. */
struct query_token {
	size_t off;
	size_t len;
};

/* A term: tokens [first, first + n) of the query, which must follow each
 * other; prefix: its last token is a single CJK character, which the index
 * has only as the start of a bigram (or as the final unigram): alone in its
 * term, it is looked up as its character mark token (tokenize.h); after
 * other tokens, as a prefix ("字"*). */
struct query_term {
	size_t first;
	size_t n;
	bool prefix;
};

struct query {
	char *buf;
	size_t buf_len;
	size_t buf_cap;
	struct query_token *toks;
	size_t ntoks;
	size_t toks_cap;
	struct query_term *terms;
	size_t nterms;
	size_t terms_cap;
};

/* Frees what q holds and empties it (q itself is the caller's). */
void query_free(struct query *q);

/* The token text of token i of q, NUL-terminated; borrowed from q. */
const char *query_token_text(const struct query *q, size_t i);

/* Building (tokenize_query()): query_term_begin() opens a term,
 * query_token_add() appends tok[0..len) to it, query_term_end() closes it
 * (prefix: see struct query_term) and drops it when it got no token.
 * Return false when out of memory (q stays valid, to be freed). */
bool query_term_begin(struct query *q);
bool query_token_add(struct query *q, const char *tok, size_t len);
void query_term_end(struct query *q, bool prefix);

/* The FTS5 MATCH expression for q: every token quoted ('"' doubled), the
 * tokens of a term one phrase joined by " + ", terms joined by " AND ", a
 * prefix term of one token its character mark token ("\x01字"), of more its
 * last token followed by '*'.  Caller frees; "" when q has no
 * term; NULL when out of memory. */
char *query_expr(const struct query *q);

/* The expression that finds the same documents as query_expr() fastest, in
 * *expr (caller frees), and in *groups (caller frees) the number of tokens
 * of each term, one digit each, for juan_phrases() (search_fts5.c); *groups
 * NULL when *expr is query_expr() itself.  FTS5 matches a phrase by reading
 * the whole position list of each of its tokens in every document that has
 * them all, and the list of a common bigram is long; the tokens ANDed and
 * juan_phrases() stop at the first place where they follow each other
 * (素质教育 at 10,000 documents: 4.2 ms instead of 6.3; 教育改革, whose
 * first hit in a document comes later, 3.5 ms either way).  A query with a
 * term of more than QUERY_GROUP_MAX tokens stays as it is, and so does one
 * where no term has two.  false when out of memory. */
#define QUERY_GROUP_MAX 9
bool query_split_expr(const struct query *q, char **expr, char **groups);

/* For each term of q, '1' when it is a prefix term, else '0', for
 * juan_snippet() (search_fts5.c).  Caller frees; NULL when out of
 * memory. */
char *query_prefixes(const struct query *q);

#endif
