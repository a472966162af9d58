/* search_fts5: the FTS5 functions of juan's searches — juan_snippet (the
 * text around the first hit, hits marked), juan_phrases (terms checked
 * at consecutive positions, see query_split_expr()) and juan_title_rank
 * (a title hit's bm25 in doc_fts, worked out from title_fts) — and their
 * registration. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/pack.h"
#include "juan/text.h"
#include "search_private.h"

/* ---- snippets --------------------------------------------------------
 *
 * juan_snippet(doc_fts, open, close, prefixes, title, body): the text
 * around the first hit in the body (in the title when the body has none),
 * every hit in it between open and close, "…" where text was cut.  title
 * and body are the document's as stored (the body packed, pack.h): the
 * body is unpacked as far as the window can reach, estimated from the
 * first hit's position, and whole only when that was not far enough —
 * FTS5's own xColumnText() would unpack every body whole.  prefixes has one
 * character per phrase of the query, '1' when the phrase ends in a
 * one-character prefix token ("字"*) or is a character mark ("\x01字",
 * tokenize.h): such a token is a bigram (or the final unigram) in the index,
 * and only its first character is the hit.  A mark is at the character's
 * first occurrence only, so the later ones in the window are found in the
 * window's tokens.
 *
 * FTS5's own snippet() tokenizes the whole column and scores a window at
 * every hit, which for a 20 KB document with hundreds of hits costs more
 * than the query; this one tokenizes up to the end of its window only. */

#define SNIPPET_BEFORE 8 /* characters of context before the first hit */
#define SNIPPET_CHARS 32 /* characters in all: 64 columns of Chinese */
#define ELLIPSIS "\u2026"

/* Bytes of body unpacked for a first hit at token position p: a position
 * is a character of Chinese (3 bytes) or a word, and punctuation and white
 * space between them have none; twice that, for the common case. */
#define SNIPPET_REACH(p) (((size_t)(p) + SNIPPET_CHARS + 16) * 6)

/* Bytes of the token at each position from the first hit on. */
struct snip_token {
	int start;
	int end;
};

struct snip_scan {
	const char *text;
	int len;
	int first;  /* position of the first hit */
	int pos;    /* position of the next token */
	int ws, we; /* the window, in bytes; set at the first hit */
	struct snip_token *toks;
	int ntoks;
	size_t cap;
};

/* The byte offset n characters before off, stopping after a line break. */
static int
back_chars(const char *text, int off, int n)
{
	while (n > 0 && off > 0 && text[off - 1] != '\n') {
		off--;
		while (off > 0 && ((unsigned char)text[off] & 0xC0) == 0x80)
			off--;
		n--;
	}
	return off;
}

/* The byte offset n characters after off. */
static int
forward_chars(const char *text, int len, int off, int n)
{
	uint32_t cp;

	while (n-- > 0 && off < len)
		off += (int)text_next(text + off, (size_t)(len - off), &cp);
	return off;
}

static int
snip_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct snip_scan *sc = ctx;
	struct snip_token *grown;
	int pos;

	(void)tok;
	(void)n;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	pos = sc->pos++;
	if (pos < sc->first)
		return SQLITE_OK;
	if (pos == sc->first) {
		sc->ws = back_chars(sc->text, start, SNIPPET_BEFORE);
		sc->we = forward_chars(sc->text, sc->len, sc->ws,
				       SNIPPET_CHARS);
		if (sc->we < end)
			sc->we = end;
	} else if (start >= sc->we) {
		return SQLITE_DONE;
	}
	grown = array_reserve(sc->toks, &sc->cap, (size_t)sc->ntoks + 1,
			      sizeof(*grown));
	if (!grown)
		return SQLITE_NOMEM;
	sc->toks = grown;
	sc->toks[sc->ntoks].start = start;
	sc->toks[sc->ntoks].end = end;
	sc->ntoks++;
	return SQLITE_OK;
}

/* The bytes of hit instance (off, phrase) inside the window, or false when
 * it is not in it. */
static bool
hit_range(const Fts5ExtensionApi *api, Fts5Context *fc,
	  const struct snip_scan *sc, const char *prefixes, int phrase,
	  int off, struct text_span *r)
{
	int last = off + api->xPhraseSize(fc, phrase) - 1;
	struct snip_token *t;
	uint32_t cp;
	int start, end;

	if (off < sc->first || off - sc->first >= sc->ntoks)
		return false;
	start = sc->toks[off - sc->first].start;
	if (last - sc->first >= sc->ntoks) {
		end = sc->we;
	} else {
		t = &sc->toks[last - sc->first];
		end = t->end;
		if (phrase < (int)strlen(prefixes) && prefixes[phrase] == '1')
			end = t->start + (int)text_next(sc->text + t->start,
				(size_t)(sc->len - t->start), &cp);
	}
	if (start < sc->ws)
		start = sc->ws;
	if (end > sc->we)
		end = sc->we;
	if (start >= end)
		return false;
	r->off = (size_t)start;
	r->len = (size_t)(end - start);
	return true;
}

/* Adds to ranges[*n] the later occurrences in the window of the character
 * that hit r (a character mark's first occurrence) starts: the tokens that
 * start with it. */
static void
more_of_char(const struct snip_scan *sc, const struct text_span *r,
	     struct text_span *ranges, int *n)
{
	const char *c = sc->text + r->off;
	int i;

	for (i = 0; i < sc->ntoks; i++) {
		const struct snip_token *t = &sc->toks[i];

		if (t->start <= (int)r->off || t->start + (int)r->len > sc->we ||
		    memcmp(sc->text + t->start, c, r->len) != 0)
			continue;
		ranges[*n].off = (size_t)t->start;
		ranges[*n].len = r->len;
		(*n)++;
	}
}

/* Whether phrase is a character mark: one token, and a prefix. */
static bool
is_mark(const Fts5ExtensionApi *api, Fts5Context *fc, const char *prefixes,
	int phrase)
{
	return phrase < (int)strlen(prefixes) && prefixes[phrase] == '1' &&
	       api->xPhraseSize(fc, phrase) == 1;
}

/* The text of v, a stored column, into *text: a TEXT as it is (*owned
 * NULL), a packed one unpacked (reach bytes of it, 0: all) into *owned;
 * *cut when that ends before the text does.  Returns an SQLite code. */
static int
stored_text(sqlite3_value *v, size_t reach, const char **text, int *len,
	    char **owned, bool *cut)
{
	char why[128];
	size_t n = 0;
	enum juan_status rc;

	*owned = NULL;
	*cut = false;
	if (sqlite3_value_type(v) != SQLITE_BLOB) {
		*text = (const char *)sqlite3_value_text(v);
		*len = sqlite3_value_bytes(v);
		return *text || sqlite3_value_type(v) == SQLITE_NULL
			       ? SQLITE_OK
			       : SQLITE_NOMEM;
	}
	rc = unpack_text(sqlite3_value_blob(v), (size_t)sqlite3_value_bytes(v),
			 reach, owned, &n, why, sizeof(why));
	if (rc != JUAN_OK)
		return rc == JUAN_ENOMEM ? SQLITE_NOMEM : SQLITE_CORRUPT;
	*text = *owned;
	*len = (int)n;
	/* a cut text is reach bytes or a character less */
	*cut = reach > 0 && n + 4 > reach;
	return SQLITE_OK;
}

/* Scans the column text of v for the window around sc->first: unpacked as
 * far as it can reach first, then whole when that was not far enough.
 * The text scanned is in sc->text, *owned (caller frees). */
static int
scan_window(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_value *v,
	    size_t reach, struct snip_scan *sc, char **owned)
{
	bool cut;
	int rc = stored_text(v, reach, &sc->text, &sc->len, owned, &cut);

	if (rc == SQLITE_OK && sc->text) {
		rc = api->xTokenize(fc, sc->text, sc->len, sc, snip_token);
		if (rc == SQLITE_DONE)
			return SQLITE_OK;
	}
	if (rc != SQLITE_OK || !cut)
		return rc;
	free(*owned);
	sc->ntoks = 0;
	sc->pos = 0;
	sc->ws = sc->we = 0;
	rc = stored_text(v, 0, &sc->text, &sc->len, owned, &cut);
	if (rc == SQLITE_OK && sc->text) {
		rc = api->xTokenize(fc, sc->text, sc->len, sc, snip_token);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	return rc;
}

static void
snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fc,
	   sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct snip_scan sc = {0};
	struct text_span *ranges = NULL;
	const char *open, *close, *prefixes;
	int ninst = 0, i, phrase, col, off, chosen = -1, nranges = 0;
	int rc, at;
	size_t k, merged;
	sqlite3_str *out;
	char *text, *owned = NULL;

	if (argc != 5) {
		sqlite3_result_error(ctx, "juan_snippet: 5 arguments", -1);
		return;
	}
	open = (const char *)sqlite3_value_text(argv[0]);
	close = (const char *)sqlite3_value_text(argv[1]);
	prefixes = (const char *)sqlite3_value_text(argv[2]);
	open = open ? open : "";
	close = close ? close : "";
	prefixes = prefixes ? prefixes : "";
	rc = api->xInstCount(fc, &ninst);
	/* the first hit of the body, else of the title */
	for (i = 0; rc == SQLITE_OK && i < ninst; i++) {
		rc = api->xInst(fc, i, &phrase, &col, &off);
		if (rc != SQLITE_OK)
			break;
		if (chosen < 0 ||
		    (col == FTS_COL_BODY && chosen != FTS_COL_BODY) ||
		    (col == chosen && off < sc.first)) {
			chosen = col;
			sc.first = off;
		}
	}
	if (chosen < 0)
		chosen = FTS_COL_BODY;
	if (rc == SQLITE_OK)
		rc = chosen == FTS_COL_BODY
			     ? scan_window(api, fc, argv[4],
					   SNIPPET_REACH(sc.first), &sc, &owned)
			     : scan_window(api, fc, argv[3], 0, &sc, &owned);
	if (rc == SQLITE_OK && sc.ntoks == 0) {
		/* no hit found in the text: its beginning */
		sc.ws = 0;
		sc.we = sc.text ? forward_chars(sc.text, sc.len, 0,
						SNIPPET_CHARS) : 0;
	}
	if (rc == SQLITE_OK && ninst > 0) {
		ranges = sqlite3_malloc((ninst + api->xPhraseCount(fc) * sc.ntoks) *
					(int)sizeof(*ranges));
		if (!ranges)
			rc = SQLITE_NOMEM;
	}
	for (i = 0; rc == SQLITE_OK && i < ninst; i++) {
		rc = api->xInst(fc, i, &phrase, &col, &off);
		if (rc == SQLITE_OK && col == chosen &&
		    hit_range(api, fc, &sc, prefixes, phrase, off,
			      &ranges[nranges])) {
			nranges++;
			if (is_mark(api, fc, prefixes, phrase))
				more_of_char(&sc, &ranges[nranges - 1], ranges,
					     &nranges);
		}
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		goto done;
	}
	merged = text_spans_merge(ranges, (size_t)nranges);
	out = sqlite3_str_new(NULL);
	if (sc.ws > 0)
		sqlite3_str_appendall(out, ELLIPSIS);
	at = sc.ws;
	for (k = 0; k < merged; k++) {
		sqlite3_str_append(out, sc.text + at, (int)ranges[k].off - at);
		sqlite3_str_appendall(out, open);
		sqlite3_str_append(out, sc.text + ranges[k].off,
				   (int)ranges[k].len);
		sqlite3_str_appendall(out, close);
		at = (int)(ranges[k].off + ranges[k].len);
	}
	sqlite3_str_append(out, sc.text + at, sc.we - at);
	if (sc.we < sc.len)
		sqlite3_str_appendall(out, ELLIPSIS);
	rc = sqlite3_str_errcode(out);
	text = sqlite3_str_finish(out);
	if (rc == SQLITE_OK)
		sqlite3_result_text(ctx, text ? text : "", -1,
				    text ? sqlite3_free : SQLITE_STATIC);
	else
		sqlite3_result_error_code(ctx, rc);
	if (rc != SQLITE_OK)
		sqlite3_free(text);
done:
	sqlite3_free(ranges);
	free(sc.toks);
	free(owned);
}


/* ---- phrases checked by us ------------------------------------------ */

/* Whether phrases first..first+n-1 (one token each; n <= QUERY_GROUP_MAX)
 * occur at consecutive positions of one column (col, or any when col < 0)
 * of the current row.  Walks their instances in order and stops at the first
 * match. */
static int
consecutive(const Fts5ExtensionApi *api, Fts5Context *fc, int first, int n,
	    int col, bool *found)
{
	Fts5PhraseIter it[QUERY_GROUP_MAX];
	int icol[QUERY_GROUP_MAX], ioff[QUERY_GROUP_MAX];
	int k, rc;

	*found = false;
	for (k = 0; k < n; k++) {
		rc = api->xPhraseFirst(fc, first + k, &it[k], &icol[k],
				       &ioff[k]);
		if (rc != SQLITE_OK)
			return rc;
	}
	while (icol[0] >= 0) {
		if (col < 0 || icol[0] == col) {
			for (k = 1; k < n; k++) {
				while (icol[k] >= 0 &&
				       (icol[k] < icol[0] ||
					(icol[k] == icol[0] &&
					 ioff[k] < ioff[0] + k)))
					api->xPhraseNext(fc, &it[k], &icol[k],
							 &ioff[k]);
				if (icol[k] < 0)
					return SQLITE_OK;
				if (icol[k] != icol[0] || ioff[k] != ioff[0] + k)
					break;
			}
			if (k == n) {
				*found = true;
				return SQLITE_OK;
			}
		}
		api->xPhraseNext(fc, &it[0], &icol[0], &ioff[0]);
	}
	return SQLITE_OK;
}

/* juan_phrases(doc_fts, groups, col): 1 when the row has every group of
 * phrases at consecutive positions; groups is the number of phrases of each
 * group, one digit each (see query_split_expr()); col the column, or -1 for
 * any. */
static void
phrases_fn(const Fts5ExtensionApi *api, Fts5Context *fc,
	   sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *groups;
	int first = 0, n, col, rc = SQLITE_OK;
	bool found = true;

	if (argc != 2) {
		sqlite3_result_error(ctx, "juan_phrases: 2 arguments", -1);
		return;
	}
	groups = (const char *)sqlite3_value_text(argv[0]);
	col = sqlite3_value_int(argv[1]);
	for (; groups && *groups && found && rc == SQLITE_OK; groups++) {
		n = *groups - '0';
		if (n > 1 && n <= QUERY_GROUP_MAX)
			rc = consecutive(api, fc, first, n, col, &found);
		first += n;
	}
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_int(ctx, found);
}


/* ---- the rank of a title hit ------------------------------------------
 *
 * juan_title_rank(title_fts, averages, docsize, weight): for a row of
 * title_fts, to the last bit the rank that bm25(1.0, weight) gives the
 * same row of doc_fts (body first, then title) matched with the same
 * phrases in its title alone (title : (…)) — FTS5's bm25 (fts5_aux.c):
 *
 *   -sum over phrases i of
 *       idf_i * f_i (k1 + 1) / (f_i + k1 (1 - b + b D / avgdl))
 *
 * with k1 = 1.2, b = 0.75; f_i weight times the instances of phrase i,
 * all in the title; idf_i = log((N - n_i + 0.5) / (n_i + 0.5)), at least
 * 1e-6, n_i the rows with phrase i in the title, which title_fts has as
 * doc_fts has them in its title column (the same tokenizer, the same
 * titles); N and avgdl doc_fts's rows and mean size in tokens, from its
 * averages record (doc_fts_data row 1: the rows, then each column's
 * tokens, as varints); D the row's size in doc_fts, every column (its
 * doc_fts_docsize.sz: a varint per column).  Without the column filter's
 * reading of every body position of every row that has the phrases. */

#define BM25_K1 1.2
#define BM25_B 0.75

/* What juan_title_rank works out once per query. */
struct title_rank {
	int nphrase;
	double avgdl;
	double *idf;  /* of each phrase */
	double *freq; /* of each phrase, the current row's */
};

/* The SQLite varint at p[0..n) (FTS5 writes its records with them) in *v;
 * its length in bytes, 0 when it runs past n. */
static int
get_varint(const unsigned char *p, int n, int64_t *v)
{
	uint64_t x = 0;
	int i;

	for (i = 0; i < n && i < 8; i++) {
		x = (x << 7) | (p[i] & 0x7F);
		if (!(p[i] & 0x80)) {
			*v = (int64_t)x;
			return i + 1;
		}
	}
	if (i < 8 || n < 9)
		return 0;
	*v = (int64_t)((x << 8) | p[8]);
	return 9;
}

/* The sum of the varints of blob[0..n) in *sum, and in *first the first;
 * false when blob is empty or cut in a varint. */
static bool
sum_varints(const unsigned char *blob, int n, int64_t *first, int64_t *sum)
{
	int64_t v;
	int off = 0, len;

	*sum = 0;
	if (!blob || n <= 0)
		return false;
	while (off < n) {
		if (!(len = get_varint(blob + off, n - off, &v)))
			return false;
		if (off == 0)
			*first = v;
		else
			*sum += v;
		off += len;
	}
	return true;
}

static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fc, void *ctx)
{
	(void)api;
	(void)fc;
	(*(int64_t *)ctx)++;
	return SQLITE_OK;
}

/* The query's title_rank (an auxdata of fc, freed by FTS5), made from the
 * averages record at the first row; NULL with *rc set on failure. */
static struct title_rank *
title_rank_data(const Fts5ExtensionApi *api, Fts5Context *fc,
		sqlite3_value *averages, int *rc)
{
	const unsigned char *blob = sqlite3_value_blob(averages);
	struct title_rank *t = api->xGetAuxdata(fc, 0);
	int64_t nrow = 0, ntoken, nhit;
	int i, nphrase;

	if (t)
		return t;
	nphrase = api->xPhraseCount(fc);
	if (!sum_varints(blob, sqlite3_value_bytes(averages), &nrow,
			 &ntoken) || nrow <= 0) {
		*rc = SQLITE_CORRUPT;
		return NULL;
	}
	t = sqlite3_malloc64(sizeof(*t) + 2 * (size_t)nphrase *
			     sizeof(double));
	if (!t) {
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	t->nphrase = nphrase;
	t->idf = (double *)(t + 1);
	t->freq = t->idf + nphrase;
	/* as fts5_aux.c works them out */
	t->avgdl = (double)ntoken / (double)nrow;
	for (i = 0; i < nphrase; i++) {
		nhit = 0;
		*rc = api->xQueryPhrase(fc, i, &nhit, count_row);
		if (*rc != SQLITE_OK) {
			sqlite3_free(t);
			return NULL;
		}
		t->idf[i] = log((nrow - nhit + 0.5) / (nhit + 0.5));
		if (t->idf[i] <= 0.0)
			t->idf[i] = 1e-6;
	}
	*rc = api->xSetAuxdata(fc, t, sqlite3_free);
	return *rc == SQLITE_OK ? t : NULL;
}

static void
title_rank_fn(const Fts5ExtensionApi *api, Fts5Context *fc,
	      sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const double k1 = BM25_K1, b = BM25_B;
	struct title_rank *t;
	int64_t ncols, size;
	double weight, D, score = 0.0;
	int rc = SQLITE_OK, ninst = 0, i, phrase, col, off;

	if (argc != 3) {
		sqlite3_result_error(ctx, "juan_title_rank: 3 arguments", -1);
		return;
	}
	weight = sqlite3_value_double(argv[2]);
	if (!(t = title_rank_data(api, fc, argv[0], &rc)))
		goto done;
	/* the docsize record has no count first: its first varint is a size */
	if (!sum_varints(sqlite3_value_blob(argv[1]),
			 sqlite3_value_bytes(argv[1]), &ncols, &size)) {
		rc = SQLITE_CORRUPT;
		goto done;
	}
	D = (double)(ncols + size);
	memset(t->freq, 0, (size_t)t->nphrase * sizeof(double));
	rc = api->xInstCount(fc, &ninst);
	for (i = 0; rc == SQLITE_OK && i < ninst; i++) {
		rc = api->xInst(fc, i, &phrase, &col, &off);
		if (rc == SQLITE_OK)
			t->freq[phrase] += weight;
	}
	for (i = 0; rc == SQLITE_OK && i < t->nphrase; i++)
		score += t->idf[i] * ((t->freq[i] * (k1 + 1.0)) /
			(t->freq[i] + k1 * (1 - b + b * D / t->avgdl)));
done:
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_double(ctx, -1.0 * score);
}

int
search_fts5_register(fts5_api *api)
{
	int rc;

	rc = api->xCreateFunction(api, "juan_snippet", NULL, snippet_fn,
				  NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "juan_phrases", NULL,
					  phrases_fn, NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "juan_title_rank", NULL,
					  title_rank_fn, NULL);
	return rc;
}
