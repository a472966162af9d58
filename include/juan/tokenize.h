/* tokenize: the FTS5 tokenizer "juan", for Chinese and mixed text.
 *
 * A run of CJK characters (Han, kana, hangul) c[0..n) is indexed as the
 * bigram c[i]c[i+1] at each position i < n-1 and the single character
 * c[n-1] at the last, so that every character starts exactly one token: a
 * query of k >= 2 characters is the phrase of its k-1 bigrams.  In the FTS5
 * index each distinct character c of a column also has the mark token
 * TOKENIZE_MARK c, once, at its first occurrence, and a query of a single
 * character is that token; either finds exactly the texts that contain
 * it.  Runs of letters and digits become words, lowercased;
 * full-width ASCII folds to half width first.  Everything else separates
 * tokens.  The same code tokenizes the documents and the queries, so they
 * always agree. */
#ifndef JUAN_TOKENIZE_H
#define JUAN_TOKENIZE_H

#include <stdbool.h>

/* The first byte of a character mark token (a control character, which
 * the tokenizer never makes part of a token of a text or a query). */
#define TOKENIZE_MARK '\x01'

/* Called for each token: tok[0..len) is the token text, [start, end) the
 * bytes of the source it came from, colocated non-zero when it shares the
 * position of the previous token.  Returns non-zero to stop. */
typedef int (*token_fn)(void *ctx, const char *tok, int len, int start,
			int end, int colocated);

/* Tokenizes text[0..len) as the index does (for_query false) or as a query
 * (true).  Returns 0, or the non-zero value cb stopped with, or -1 when out
 * of memory. */
int tokenize_text(const char *text, int len, bool for_query, token_fn cb,
		  void *ctx);

/* A text's tokens as the FTS5 index takes them, made ahead of indexing (by
 * an import's worker thread), for the FTS5 tokenizer to replay instead of
 * tokenizing the text again on the thread that writes the index. */
struct token_list;

/* The tokens of text[0..len) (see tokenize_document()), in a new list:
 * caller frees with token_list_free().  NULL when out of memory or len
 * does not fit an int. */
struct token_list *token_list_make(const char *text, size_t len);

/* Frees *l (NULL-safe) and sets *l to NULL. */
void token_list_free(struct token_list **l);

/* The bytes l holds in memory (0 for NULL). */
size_t token_list_bytes(const struct token_list *l);

/* Offers l (borrowed until withdrawn; NULL withdraws) to the FTS5
 * tokenizer on the calling thread: indexing a text of l's length whose hash
 * is l's, it replays l's tokens; any other text is tokenized as always. */
void token_list_offer(const struct token_list *l);

#endif
