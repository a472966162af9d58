/* search: full-text queries over the doc_fts index → ranked hits. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "juan/search.h"
#include "juan/text.h"
#include "juan/tokenize.h"
#include "store_private.h"

/* Ranking: bm25 with a title hit worth ten body hits.  Through FTS5's own
 * rank column, so that FTS5 sorts the hits before the outer query asks for
 * snippets, which are then made for the rows returned only. */
#define RANK_FN "bm25(10.0, 1.0)"

static const char sql_hits[] =
	"SELECT d.id, doc_fts.rank, d.title,"
	" juan_snippet(doc_fts, ?2, ?3, ?5)"
	" FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid"
	" WHERE doc_fts MATCH ?1 AND doc_fts.rank MATCH '" RANK_FN "'"
	" ORDER BY doc_fts.rank LIMIT ?4";

static const char sql_ids[] =
	"SELECT rowid FROM doc_fts"
	" WHERE doc_fts MATCH ?1 AND rank MATCH '" RANK_FN "'"
	" ORDER BY rank";

/* ---- MATCH expressions, taken apart -------------------------------- */

/* A MATCH expression from tokenize_match_expr() taken apart: the tokens of
 * each term, NUL-terminated in one buffer, and whether the term's last
 * token is a prefix. */
struct expr_term {
	size_t first; /* its first token in tok_off/tok_len */
	size_t n;
	bool prefix;
};

struct parsed_expr {
	char *buf;
	size_t *tok_off;
	size_t *tok_len;
	size_t ntoks;
	struct expr_term *terms;
	size_t nterms;
};

static void
parsed_expr_free(struct parsed_expr *p)
{
	free(p->buf);
	free(p->tok_off);
	free(p->tok_len);
	free(p->terms);
}

/* Reads the quoted token at expr[*i] ('"' doubled inside) into the buffer. */
static void
parse_token(const char *expr, size_t *i, struct parsed_expr *p, size_t *b)
{
	size_t start = *b;

	for ((*i)++; expr[*i]; (*i)++) {
		if (expr[*i] == '"') {
			if (expr[*i + 1] != '"')
				break;
			(*i)++;
		}
		p->buf[(*b)++] = expr[*i];
	}
	if (expr[*i])
		(*i)++;
	p->tok_off[p->ntoks] = start;
	p->tok_len[p->ntoks] = *b - start;
	p->buf[(*b)++] = '\0';
	p->ntoks++;
	p->terms[p->nterms - 1].n++;
}

/* Terms are separated by AND, tokens by +, a prefix token ends in *. */
static bool
parse_expr(const char *expr, struct parsed_expr *p)
{
	size_t len = strlen(expr), i = 0, b = 0;
	bool new_term = true;

	memset(p, 0, sizeof(*p));
	p->buf = malloc(len + 1);
	p->tok_off = malloc((len / 2 + 1) * sizeof(*p->tok_off));
	p->tok_len = malloc((len / 2 + 1) * sizeof(*p->tok_len));
	p->terms = malloc((len / 2 + 1) * sizeof(*p->terms));
	if (!p->buf || !p->tok_off || !p->tok_len || !p->terms)
		return false;
	while (i < len) {
		if (expr[i] == '"') {
			if (new_term) {
				p->terms[p->nterms].first = p->ntoks;
				p->terms[p->nterms].n = 0;
				p->terms[p->nterms].prefix = false;
				p->nterms++;
				new_term = false;
			}
			parse_token(expr, &i, p, &b);
		} else if (expr[i] == '*' && p->nterms > 0) {
			p->terms[p->nterms - 1].prefix = true;
			i++;
		} else if (strncmp(expr + i, "AND", 3) == 0) {
			new_term = true;
			i += 3;
		} else {
			i++;
		}
	}
	return true;
}

/* ---- snippets --------------------------------------------------------
 *
 * juan_snippet(doc_fts, open, close, prefixes): the text around the first
 * hit in the body (in the title when the body has none), every hit in it
 * between open and close, "…" where text was cut.  prefixes has one
 * character per phrase of the query, '1' when the phrase ends in a
 * one-character prefix token ("字"*): such a token is a bigram (or the final
 * unigram) in the index, and only its first character is the hit.
 *
 * FTS5's own snippet() tokenizes the whole column and scores a window at
 * every hit, which for a 20 KB document with hundreds of hits costs more
 * than the query; this one tokenizes up to the end of its window only. */

#define SNIPPET_BEFORE 8 /* characters of context before the first hit */
#define SNIPPET_CHARS 32 /* characters in all: 64 columns of Chinese */
#define ELLIPSIS "\u2026"

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
	int cap;
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
	if (sc->ntoks == sc->cap) {
		sc->cap = sc->cap ? sc->cap * 2 : 64;
		grown = sqlite3_realloc(sc->toks,
					sc->cap * (int)sizeof(*grown));
		if (!grown)
			return SQLITE_NOMEM;
		sc->toks = grown;
	}
	sc->toks[sc->ntoks].start = start;
	sc->toks[sc->ntoks].end = end;
	sc->ntoks++;
	return SQLITE_OK;
}

struct snip_range {
	int start;
	int end;
};

static int
range_cmp(const void *a, const void *b)
{
	const struct snip_range *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* The bytes of hit instance (off, phrase) inside the window, or false when
 * it is not in it. */
static bool
hit_range(const Fts5ExtensionApi *api, Fts5Context *fc,
	  const struct snip_scan *sc, const char *prefixes, int phrase,
	  int off, struct snip_range *r)
{
	int last = off + api->xPhraseSize(fc, phrase) - 1;
	struct snip_token *t;
	uint32_t cp;

	if (off < sc->first || off - sc->first >= sc->ntoks)
		return false;
	r->start = sc->toks[off - sc->first].start;
	if (last - sc->first >= sc->ntoks) {
		r->end = sc->we;
	} else {
		t = &sc->toks[last - sc->first];
		r->end = t->end;
		if (phrase < (int)strlen(prefixes) && prefixes[phrase] == '1')
			r->end = t->start + (int)text_next(sc->text + t->start,
				(size_t)(sc->len - t->start), &cp);
	}
	if (r->start < sc->ws)
		r->start = sc->ws;
	if (r->end > sc->we)
		r->end = sc->we;
	return r->start < r->end;
}

static void
snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fc,
	   sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct snip_scan sc = {0};
	struct snip_range *ranges = NULL;
	const char *open, *close, *prefixes;
	int ninst = 0, i, phrase, col, off, chosen = -1, nranges = 0;
	int rc, at, merged;
	sqlite3_str *out;
	char *text;

	if (argc != 3) {
		sqlite3_result_error(ctx, "juan_snippet: 3 arguments", -1);
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
		if (chosen < 0 || col > chosen ||
		    (col == chosen && off < sc.first)) {
			chosen = col;
			sc.first = off;
		}
	}
	if (chosen < 0)
		chosen = 1;
	if (rc == SQLITE_OK)
		rc = api->xColumnText(fc, chosen, &sc.text, &sc.len);
	if (rc == SQLITE_OK && sc.text) {
		rc = api->xTokenize(fc, sc.text, sc.len, &sc, snip_token);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc == SQLITE_OK && sc.ntoks == 0) {
		/* no hit found in the text: its beginning */
		sc.ws = 0;
		sc.we = sc.text ? forward_chars(sc.text, sc.len, 0,
						SNIPPET_CHARS) : 0;
	}
	if (rc == SQLITE_OK && ninst > 0) {
		ranges = sqlite3_malloc(ninst * (int)sizeof(*ranges));
		if (!ranges)
			rc = SQLITE_NOMEM;
	}
	for (i = 0; rc == SQLITE_OK && i < ninst; i++) {
		rc = api->xInst(fc, i, &phrase, &col, &off);
		if (rc == SQLITE_OK && col == chosen &&
		    hit_range(api, fc, &sc, prefixes, phrase, off,
			      &ranges[nranges]))
			nranges++;
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		goto done;
	}
	/* hits that touch or overlap become one */
	qsort(ranges, (size_t)nranges, sizeof(*ranges), range_cmp);
	for (i = 0, merged = 0; i < nranges; i++) {
		if (merged > 0 && ranges[i].start <= ranges[merged - 1].end) {
			if (ranges[i].end > ranges[merged - 1].end)
				ranges[merged - 1].end = ranges[i].end;
		} else {
			ranges[merged++] = ranges[i];
		}
	}
	out = sqlite3_str_new(NULL);
	if (sc.ws > 0)
		sqlite3_str_appendall(out, ELLIPSIS);
	at = sc.ws;
	for (i = 0; i < merged; i++) {
		sqlite3_str_append(out, sc.text + at, ranges[i].start - at);
		sqlite3_str_appendall(out, open);
		sqlite3_str_append(out, sc.text + ranges[i].start,
				   ranges[i].end - ranges[i].start);
		sqlite3_str_appendall(out, close);
		at = ranges[i].end;
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
	sqlite3_free(sc.toks);
}

int
search_register(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt = NULL;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(stmt);
	rc = sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return rc;
	if (!api)
		return SQLITE_ERROR;
	return api->xCreateFunction(api, "juan_snippet", NULL, snippet_fn,
				    NULL);
}

/* For each phrase of a MATCH expression from tokenize_match_expr(), '1'
 * when it ends in a prefix token, else '0' (caller frees; NULL when out of
 * memory). */
static char *
phrase_prefixes(const char *expr)
{
	struct parsed_expr p;
	char *flags = NULL;
	size_t i;

	if (parse_expr(expr, &p))
		flags = malloc(p.nterms + 1);
	for (i = 0; flags && i < p.nterms; i++)
		flags[i] = p.terms[i].prefix ? '1' : '0';
	if (flags)
		flags[p.nterms] = '\0';
	parsed_expr_free(&p);
	return flags;
}

/* The MATCH expression for query in *expr (caller frees; "" when nothing
 * in it is searchable). */
static enum juan_status
match_expr(struct store *s, const char *query, char **expr)
{
	*expr = tokenize_match_expr(query ? query : "");
	if (!*expr) {
		store_set_error(s, "search: out of memory");
		return JUAN_ENOMEM;
	}
	return JUAN_OK;
}

void
search_hits_free(struct search_hit *hits, size_t n)
{
	size_t i;

	if (!hits)
		return;
	for (i = 0; i < n; i++) {
		free(hits[i].title);
		free(hits[i].snippet);
	}
	free(hits);
}

/* array (holding n elements of size size, room for *cap) with room for one
 * more: array itself or a larger copy; NULL when out of memory. */
static void *
grow(void *array, size_t size, size_t n, size_t *cap)
{
	size_t want;
	void *grown;

	if (n < *cap)
		return array;
	want = *cap ? *cap * 2 : 32;
	grown = realloc(array, want * size);
	if (grown)
		*cap = want;
	return grown;
}

enum juan_status
search_run(struct store *s, const char *query, size_t limit,
	   const char *mark_open, const char *mark_close,
	   struct search_hit **hits, size_t *n)
{
	struct search_hit *out = NULL, *more, *hit;
	sqlite3_stmt *stmt = NULL;
	size_t count = 0, cap = 0;
	enum juan_status rc;
	char *expr = NULL, *prefixes = NULL;
	int step;

	*hits = NULL;
	*n = 0;
	rc = match_expr(s, query, &expr);
	if (rc != JUAN_OK || !expr[0])
		goto done;
	prefixes = phrase_prefixes(expr);
	if (!prefixes) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	stmt = store_stmt(s, sql_hits);
	if (!stmt) {
		rc = JUAN_EDB;
		goto done;
	}
	sqlite3_bind_text(stmt, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, mark_open ? mark_open : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, mark_close ? mark_close : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, limit ? (sqlite3_int64)limit : -1);
	sqlite3_bind_text(stmt, 5, prefixes, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		more = grow(out, sizeof(*out), count, &cap);
		if (!more) {
			rc = JUAN_ENOMEM;
			goto done;
		}
		out = more;
		hit = &out[count];
		hit->id = sqlite3_column_int64(stmt, 0);
		hit->rank = sqlite3_column_double(stmt, 1);
		hit->title = store_column_dup(stmt, 2);
		hit->snippet = store_column_dup(stmt, 3);
		count++;
		if (!hit->title || !hit->snippet) {
			rc = JUAN_ENOMEM;
			goto done;
		}
	}
	if (step != SQLITE_DONE)
		rc = store_fail(s, "search");
done:
	if (stmt)
		sqlite3_reset(stmt);
	free(expr);
	free(prefixes);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "search: out of memory");
	if (rc != JUAN_OK) {
		search_hits_free(out, count);
		return rc;
	}
	*hits = out;
	*n = count;
	return JUAN_OK;
}

enum juan_status
search_ids(struct store *s, const char *query, int64_t **ids, size_t *n)
{
	sqlite3_stmt *stmt = NULL;
	int64_t *out = NULL, *more;
	size_t count = 0, cap = 0;
	enum juan_status rc;
	char *expr = NULL;
	int step;

	*ids = NULL;
	*n = 0;
	rc = match_expr(s, query, &expr);
	if (rc != JUAN_OK || !expr[0])
		goto done;
	stmt = store_stmt(s, sql_ids);
	if (!stmt) {
		rc = JUAN_EDB;
		goto done;
	}
	sqlite3_bind_text(stmt, 1, expr, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		more = grow(out, sizeof(*out), count, &cap);
		if (!more) {
			store_set_error(s, "search: out of memory");
			rc = JUAN_ENOMEM;
			goto done;
		}
		out = more;
		out[count++] = sqlite3_column_int64(stmt, 0);
	}
	if (step != SQLITE_DONE)
		rc = store_fail(s, "search");
done:
	if (stmt)
		sqlite3_reset(stmt);
	free(expr);
	if (rc != JUAN_OK) {
		free(out);
		return rc;
	}
	*ids = out;
	*n = count;
	return JUAN_OK;
}

/* ---- hits in a text ------------------------------------------------- */

/* The tokens of a text as the index has them. */
struct text_token {
	size_t off; /* in buf */
	int len;
	int start;
	int end;
};

struct text_tokens {
	char *buf;
	size_t used;
	size_t cap;
	struct text_token *v;
	size_t n;
	size_t vcap;
};

static int
collect_token(void *ctx, const char *tok, int len, int start, int end,
	      int colocated)
{
	struct text_tokens *t = ctx;
	struct text_token *v;
	char *buf;

	(void)colocated;
	if (t->used + (size_t)len > t->cap) {
		t->cap = (t->cap + (size_t)len) * 2;
		buf = realloc(t->buf, t->cap);
		if (!buf)
			return -1;
		t->buf = buf;
	}
	if (t->n == t->vcap) {
		t->vcap = t->vcap ? t->vcap * 2 : 256;
		v = realloc(t->v, t->vcap * sizeof(*v));
		if (!v)
			return -1;
		t->v = v;
	}
	memcpy(t->buf + t->used, tok, (size_t)len);
	t->v[t->n].off = t->used;
	t->v[t->n].len = len;
	t->v[t->n].start = start;
	t->v[t->n].end = end;
	t->used += (size_t)len;
	t->n++;
	return 0;
}

/* Whether term matches the text's tokens from position pos on. */
static bool
term_at(const struct parsed_expr *p, const struct expr_term *term,
	const struct text_tokens *t, size_t pos)
{
	const struct text_token *tt;
	size_t k, qlen;
	const char *q;

	for (k = 0; k < term->n; k++) {
		q = p->buf + p->tok_off[term->first + k];
		qlen = p->tok_len[term->first + k];
		tt = &t->v[pos + k];
		if (term->prefix && k == term->n - 1) {
			if ((size_t)tt->len < qlen)
				return false;
		} else if ((size_t)tt->len != qlen) {
			return false;
		}
		if (memcmp(t->buf + tt->off, q, qlen) != 0)
			return false;
	}
	return true;
}

static int
span_cmp(const void *a, const void *b)
{
	const struct search_span *x = a, *y = b;

	return (x->off > y->off) - (x->off < y->off);
}

enum juan_status
search_text_hits(const char *text, size_t len, const char *query,
		 struct search_span **spans, size_t *n)
{
	struct parsed_expr p = {0};
	struct text_tokens t = {0};
	struct search_span *out = NULL, *more;
	const struct expr_term *term;
	const struct text_token *last;
	enum juan_status rc = JUAN_ENOMEM;
	size_t count = 0, cap = 0, i, pos, end, merged;
	char *expr;

	*spans = NULL;
	*n = 0;
	expr = tokenize_match_expr(query ? query : "");
	if (!expr || !parse_expr(expr, &p))
		goto done;
	if (p.nterms > 0 && len > 0 &&
	    tokenize_text(text, (int)len, false, collect_token, &t) != 0)
		goto done;
	for (i = 0; i < p.nterms; i++) {
		term = &p.terms[i];
		for (pos = 0; term->n > 0 && pos + term->n <= t.n; pos++) {
			if (!term_at(&p, term, &t, pos))
				continue;
			more = grow(out, sizeof(*out), count, &cap);
			if (!more)
				goto done;
			out = more;
			last = &t.v[pos + term->n - 1];
			end = term->prefix ?
			      (size_t)last->start +
			      p.tok_len[term->first + term->n - 1] :
			      (size_t)last->end;
			out[count].off = (size_t)t.v[pos].start;
			out[count].len = end - out[count].off;
			count++;
		}
	}
	if (count > 0)
		qsort(out, count, sizeof(*out), span_cmp);
	for (i = 0, merged = 0; i < count; i++) {
		if (merged > 0 && out[i].off < out[merged - 1].off +
		    out[merged - 1].len) {
			end = out[i].off + out[i].len;
			if (end > out[merged - 1].off + out[merged - 1].len)
				out[merged - 1].len = end - out[merged - 1].off;
		} else {
			out[merged++] = out[i];
		}
	}
	*spans = out;
	*n = merged;
	out = NULL;
	rc = JUAN_OK;
done:
	free(out);
	free(expr);
	parsed_expr_free(&p);
	free(t.buf);
	free(t.v);
	return rc;
}
