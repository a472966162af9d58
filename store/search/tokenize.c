/* tokenize: the tokenizer "juan" — of the documents, for FTS5, and of a
 * user's query, taken apart into a struct query (query.h).
 *
 * Index: a run of n CJK characters c[0..n) gives the bigram c[i]c[i+1] at
 * position i for i < n-1 and the single character c[n-1] at position n-1.
 * Every character of the run thus starts exactly one token, so a substring
 * of k >= 2 characters is the phrase of its k-1 bigrams.  For FTS5, each
 * distinct CJK character of a column also gives, once, the character mark
 * token TOKENIZE_MARK c, colocated with its first occurrence: a query of
 * one character looks that token up (a list of the documents that have c,
 * one position each) instead of merging every bigram that c starts.
 *
 * Query: a run of n >= 2 characters gives its n-1 bigrams, and the final
 * unigram only when another token follows in the same text (there the run
 * ended in the document too); a run of one character gives the unigram. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "juan/text.h"
#include "juan/tokenize.h"
#include "search_private.h"

enum char_class {
	CLASS_SEP,
	CLASS_CJK,
	CLASS_WORD,
};

/* One character of a CJK run: where its bytes are in the text.  A CJK
 * character is never folded, so its tokens are the text's own bytes: a run
 * is contiguous, and a bigram is the bytes from its first character's
 * start to its second's end. */
struct cjk_char {
	int start;
	int end;
};

struct tokenizer {
	token_fn cb;
	void *ctx;
	const char *text;       /* the text being tokenized */
	bool query;
	int run;                /* characters of the current CJK run so far */
	struct cjk_char last;   /* the last character of that run */
	bool pending;           /* query: a run's final unigram awaits a follower */
	struct cjk_char final;
	char *word;             /* the word being read, folded; small or heap */
	size_t word_len;
	size_t word_cap;
	int word_start;
	int word_end;
	char *small;            /* the caller's buffer of SMALL_WORD bytes */
};

/* A word this long is read without an allocation. */
#define SMALL_WORD 128

/* The tokenizer's steps are made in line into each of its two loops (a
 * query's or another caller's, and the index's), so that the index's
 * callback, fts5_token(), is made in line too: they run for every
 * character of every document imported. */
#define TOKENIZER_STEP static inline __attribute__((always_inline))

TOKENIZER_STEP bool
is_cjk(uint32_t cp)
{
	return text_is_han(cp) ||
	       (cp >= 0x3040 && cp <= 0x30FF) || /* hiragana, katakana */
	       (cp >= 0x31F0 && cp <= 0x31FF) || /* katakana extension */
	       (cp >= 0xFF66 && cp <= 0xFF9D) || /* half-width katakana */
	       (cp >= 0x1100 && cp <= 0x11FF) || /* hangul jamo */
	       (cp >= 0x3130 && cp <= 0x318F) || /* hangul compatibility jamo */
	       (cp >= 0xAC00 && cp <= 0xD7AF);   /* hangul syllables */
}

/* The class of *cp, after folding full-width ASCII to half width and letters
 * to lower case in place. */
TOKENIZER_STEP enum char_class
classify(uint32_t *cp)
{
	uint32_t c = *cp;

	if (c >= 0xFF01 && c <= 0xFF5E)
		c -= 0xFEE0;
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		*cp = c;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			return CLASS_WORD;
		return CLASS_SEP;
	}
	if (is_cjk(c))
		return CLASS_CJK;
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		*cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
		return CLASS_WORD;
	default:
		return CLASS_SEP;
	}
}

/* Passes one token on, preceded by the final unigram of the previous run
 * when one is waiting for a follower. */
TOKENIZER_STEP int
emit(struct tokenizer *t, const char *tok, int len, int start, int end)
{
	int rc;

	if (t->pending) {
		t->pending = false;
		rc = t->cb(t->ctx, t->text + t->final.start,
			   t->final.end - t->final.start, t->final.start,
			   t->final.end, 0);
		if (rc)
			return rc;
	}
	return t->cb(t->ctx, tok, len, start, end, 0);
}

TOKENIZER_STEP int
cjk_add(struct tokenizer *t, const struct cjk_char *c)
{
	int rc = 0;

	if (t->run > 0)
		rc = emit(t, t->text + t->last.start, c->end - t->last.start,
			  t->last.start, c->end);
	t->last = *c;
	t->run++;
	return rc;
}

TOKENIZER_STEP int
cjk_end(struct tokenizer *t)
{
	int run = t->run;

	if (run == 0)
		return 0;
	t->run = 0;
	if (!t->query || run == 1)
		return emit(t, t->text + t->last.start,
			    t->last.end - t->last.start, t->last.start,
			    t->last.end);
	t->pending = true;
	t->final = t->last;
	return 0;
}

/* Appends the folded character cp to the word being read; -1 when out of
 * memory. */
TOKENIZER_STEP int
word_add(struct tokenizer *t, uint32_t cp, int start, int end)
{
	size_t cap;
	char *grown;

	if (t->word_len + 4 > t->word_cap) {
		cap = t->word_cap * 2;
		if (t->word == t->small) {
			grown = malloc(cap);
			if (grown)
				memcpy(grown, t->word, t->word_len);
		} else {
			grown = realloc(t->word, cap);
		}
		if (!grown)
			return -1;
		t->word = grown;
		t->word_cap = cap;
	}
	if (t->word_len == 0)
		t->word_start = start;
	t->word_end = end;
	if (cp < 0x80)
		t->word[t->word_len++] = (char)cp;
	else
		t->word_len += text_put(cp, t->word + t->word_len);
	return 0;
}

TOKENIZER_STEP int
word_end(struct tokenizer *t)
{
	int len = (int)t->word_len;

	if (len == 0)
		return 0;
	t->word_len = 0;
	return emit(t, t->word, len, t->word_start, t->word_end);
}

/* tokenize_text(), made in line into each caller. */
TOKENIZER_STEP int
tokenize_with(const char *text, int len, bool for_query, token_fn cb,
	      void *ctx)
{
	char small[SMALL_WORD];
	struct tokenizer t = {
		.cb = cb,
		.ctx = ctx,
		.text = text,
		.query = for_query,
		.word = small,
		.word_cap = sizeof(small),
		.small = small,
	};
	struct cjk_char c;
	enum char_class cls;
	uint32_t cp;
	size_t n;
	int i = 0;
	int rc = 0;

	while (i < len) {
		n = text_next(text + i, (size_t)(len - i), &cp);
		cls = classify(&cp);
		if (cls != CLASS_CJK && (rc = cjk_end(&t)) != 0)
			goto done;
		if (cls != CLASS_WORD && (rc = word_end(&t)) != 0)
			goto done;
		if (cls == CLASS_CJK) {
			c.start = i;
			c.end = i + (int)n;
			rc = cjk_add(&t, &c);
		} else if (cls == CLASS_WORD) {
			rc = word_add(&t, cp, i, i + (int)n);
		}
		if (rc)
			goto done;
		i += (int)n;
	}
	rc = cjk_end(&t);
	if (rc == 0)
		rc = word_end(&t);
done:
	if (t.word != small)
		free(t.word);
	return rc;
}

int
tokenize_text(const char *text, int len, bool for_query, token_fn cb,
	      void *ctx)
{
	return tokenize_with(text, len, for_query, cb, ctx);
}

/* ---- the FTS5 tokenizer ---------------------------------------------- */

/* Characters of the Basic Multilingual Plane, one bit each. */
#define BMP_BITS 0x10000

struct fts5_sink {
	void *ctx;
	int (*token)(void *ctx, int flags, const char *tok, int len, int start,
		     int end);
	/* Indexing a document: the characters whose mark token was given
	 * (others, beyond the BMP, are marked at every occurrence); NULL
	 * when no mark is given. */
	unsigned char *marked;
};

/* Passes a token on and, indexing a document, the mark token of the CJK
 * character it starts when that character has none yet. */
TOKENIZER_STEP int
fts5_token(void *ctx, const char *tok, int len, int start, int end,
	   int colocated)
{
	struct fts5_sink *sink = ctx;
	char mark[1 + 4];
	uint32_t cp;
	size_t n;
	int rc;

	rc = sink->token(sink->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, tok,
			 len, start, end);
	if (rc != SQLITE_OK || !sink->marked)
		return rc;
	n = text_next(tok, (size_t)len, &cp);
	if (!is_cjk(cp) || n > 4)
		return SQLITE_OK;
	if (cp < BMP_BITS) {
		if (sink->marked[cp / 8] & (1u << (cp % 8)))
			return SQLITE_OK;
		sink->marked[cp / 8] |= (unsigned char)(1u << (cp % 8));
	}
	mark[0] = TOKENIZE_MARK;
	memcpy(mark + 1, tok, n);
	return sink->token(sink->ctx, FTS5_TOKEN_COLOCATED, mark, (int)n + 1,
			   start, start + (int)n);
}

int
tokenize_document(const char *text, int len,
		  int (*token)(void *, int, const char *, int, int, int),
		  void *ctx)
{
	unsigned char marked[BMP_BITS / 8];
	struct fts5_sink sink = { ctx, token, marked };
	int rc;

	memset(marked, 0, sizeof(marked));
	rc = tokenize_with(text, len, false, fts5_token, &sink);
	return rc == -1 ? SQLITE_NOMEM : rc;
}

int
tokenize_plain(const char *text, int len, bool for_query,
	       int (*token)(void *, int, const char *, int, int, int),
	       void *ctx)
{
	struct fts5_sink sink = { ctx, token, NULL };
	int rc;

	rc = tokenize_text(text, len, for_query, fts5_token, &sink);
	return rc == -1 ? SQLITE_NOMEM : rc;
}

/* ---- queries ---------------------------------------------------------- */

struct query_sink {
	struct query *q;
	bool last_is_char; /* the last token is a single CJK character */
};

static int
query_token(void *ctx, const char *tok, int len, int start, int end,
	    int colocated)
{
	struct query_sink *sink = ctx;
	uint32_t cp;

	(void)start;
	(void)end;
	(void)colocated;
	if (!query_token_add(sink->q, tok, (size_t)len))
		return -1;
	sink->last_is_char = text_next(tok, (size_t)len, &cp) == (size_t)len &&
			     classify(&cp) == CLASS_CJK;
	return 0;
}

static bool
is_term_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* The length of the whitespace (ASCII, U+3000, U+00A0) at s[0..len). */
static size_t
space_len(const char *s, size_t len)
{
	uint32_t cp;
	size_t n;

	if (len == 0)
		return 0;
	if (is_term_space(s[0]))
		return 1;
	n = text_next(s, len, &cp);
	return text_is_space(cp) ? n : 0;
}

enum juan_status
tokenize_query(const char *text, struct query *q)
{
	struct query_sink sink = { .q = q };
	size_t len = strlen(text), i = 0, start, n;

	memset(q, 0, sizeof(*q));
	while (i < len) {
		while (i < len && (n = space_len(text + i, len - i)) > 0)
			i += n;
		start = i;
		while (i < len && space_len(text + i, len - i) == 0)
			i++;
		if (i == start)
			break;
		if (!query_term_begin(q))
			goto oom;
		sink.last_is_char = false;
		if (tokenize_text(text + start, (int)(i - start), true,
				  query_token, &sink) != 0)
			goto oom;
		query_term_end(q, sink.last_is_char);
	}
	return JUAN_OK;
oom:
	query_free(q);
	return JUAN_ENOMEM;
}
