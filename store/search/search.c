/* search: full-text queries over the doc_fts index → ranked hits. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "juan/search.h"
#include "juan/text.h"
#include "juan/tokenize.h"
#include "db/store_private.h"
#include "search_private.h"

/* Ranking: bm25 with a title hit worth ten body hits.  Through FTS5's own
 * rank column, so that FTS5 sorts the hits before the outer query asks for
 * snippets, which are then made for the rows returned only. */
#define RANK_FN "bm25(10.0, 1.0)"

/* Above SEARCH_RANK_MAX hits, search orders without bm25 (see search.h):
 * bm25 reads every position of every hit, about 2-3 us a hit, while the ids
 * alone take a tenth of that. */
#define RANK_MAX SEARCH_RANK_MAX

/* Every hit, in id order, unranked: what the count costs.  The second form
 * takes the phrases apart (see count_expr()): ?2 and ?3 are the groups and
 * the column of juan_phrases(). */
static const char sql_all[] =
	"SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid";

static const char sql_all_checked[] =
	"SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1"
	" AND juan_phrases(doc_fts, ?2, ?3) ORDER BY rowid";

static const char sql_ranked[] =
	"SELECT rowid FROM doc_fts"
	" WHERE doc_fts MATCH ?1 AND rank MATCH '" RANK_FN "'"
	" ORDER BY rank";

/* Hits with their snippets: ?1 the MATCH expression, ?2 and ?3 the marks,
 * ?5 the prefix flags of juan_snippet; ?4 the limit (best first), the
 * limit (in id order), or the one id.  Unranked, the rank is 0: bm25() would
 * cost a query of each phrase over the whole index (for its IDF) in every
 * statement, even for one row. */
#define SQL_HITS(rank) \
	"SELECT d.id, " rank ", d.title," \
	" juan_snippet(doc_fts, ?2, ?3, ?5)" \
	" FROM doc_fts CROSS JOIN documents d ON d.id = doc_fts.rowid" \
	" WHERE doc_fts MATCH ?1"

static const char sql_hits_ranked[] =
	SQL_HITS("doc_fts.rank") " AND doc_fts.rank MATCH '" RANK_FN "'"
	" ORDER BY doc_fts.rank LIMIT ?4";

static const char sql_hits_by_id[] =
	SQL_HITS("0.0") " ORDER BY doc_fts.rowid LIMIT ?4";

static const char sql_hit_one[] = SQL_HITS("0.0") " AND doc_fts.rowid = ?4";

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


/* ---- phrases checked by us ------------------------------------------ */

/* Tokens a term may have for juan_phrases() (one digit). */
#define GROUP_MAX 9

/* Whether phrases first..first+n-1 (one token each; n <= GROUP_MAX) occur
 * at consecutive positions of one column (col, or any when col < 0) of the
 * current row.  Walks their instances in order and stops at the first
 * match. */
static int
consecutive(const Fts5ExtensionApi *api, Fts5Context *fc, int first, int n,
	    int col, bool *found)
{
	Fts5PhraseIter it[GROUP_MAX];
	int icol[GROUP_MAX], ioff[GROUP_MAX];
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
 * group, one digit each (see count_expr()); col the column, or -1 for
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
		if (n > 1 && n <= GROUP_MAX)
			rc = consecutive(api, fc, first, n, col, &found);
		first += n;
	}
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_int(ctx, found);
}

int
search_fts5_register(fts5_api *api)
{
	int rc;

	rc = api->xCreateFunction(api, "juan_snippet", NULL, snippet_fn,
				  NULL);
	if (rc != SQLITE_OK)
		return rc;
	return api->xCreateFunction(api, "juan_phrases", NULL, phrases_fn,
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

/* The expression that finds every hit of expr fastest, in *out (caller
 * frees), and in *groups (caller frees) the number of tokens of each of
 * its terms, one digit each, for juan_phrases(); *groups NULL when *out is
 * expr itself.  FTS5 matches a phrase by reading the whole position list
 * of each of its tokens in every document that has them all, and the list
 * of a common bigram is long; the tokens ANDed and juan_phrases() stop at
 * the first place where they follow each other (素质教育 at 10,000
 * documents: 4.2 ms instead of 6.3; 教育改革, whose first hit in a document
 * comes later, 3.5 ms either way).  A query with a term of more than GROUP_MAX tokens
 * stays as it is, and so does one where no term has two.  false when out of memory. */
static bool
count_expr(const char *expr, char **out, char **groups)
{
	struct parsed_expr p;
	struct expr_term *t;
	size_t i, k, len = 0, at = 0;
	bool split = false, fits = true, ok = false;
	const char *tok;

	*out = NULL;
	*groups = NULL;
	if (!parse_expr(expr, &p))
		goto done;
	for (i = 0; i < p.nterms; i++) {
		fits = fits && p.terms[i].n <= GROUP_MAX;
		split = split || p.terms[i].n > 1;
	}
	if (!fits || !split) {
		*out = strdup(expr);
		ok = *out != NULL;
		goto done;
	}
	for (i = 0; i < p.ntoks; i++)
		len += 2 * p.tok_len[i] + sizeof("\"\"* AND ");
	*out = malloc(len + 1);
	*groups = malloc(p.nterms + 1);
	if (!*out || !*groups)
		goto done;
	for (i = 0; i < p.nterms; i++) {
		t = &p.terms[i];
		(*groups)[i] = (char)('0' + t->n);
		for (k = 0; k < t->n; k++) {
			if (at > 0) {
				memcpy(*out + at, " AND ", 5);
				at += 5;
			}
			(*out)[at++] = '"';
			for (tok = p.buf + p.tok_off[t->first + k]; *tok;
			     tok++) {
				if (*tok == '"')
					(*out)[at++] = '"';
				(*out)[at++] = *tok;
			}
			(*out)[at++] = '"';
			if (t->prefix && k == t->n - 1)
				(*out)[at++] = '*';
		}
	}
	(*out)[at] = '\0';
	(*groups)[p.nterms] = '\0';
	ok = true;
done:
	parsed_expr_free(&p);
	if (!ok) {
		free(*out);
		free(*groups);
		*out = NULL;
		*groups = NULL;
	}
	return ok;
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

/* ---- the order of the hits ------------------------------------------ */

/* The ids that sql yields with ?1 bound to expr (and, when groups is not
 * NULL, ?2 to groups and ?3 to col), in *ids (caller frees) and their
 * number in *n. */
static enum juan_status
collect_ids(struct store *s, const char *sql, const char *expr,
	    const char *groups, int col, int64_t **ids, size_t *n)
{
	sqlite3_stmt *stmt;
	int64_t *out = NULL, *more;
	size_t count = 0, cap = 0;
	enum juan_status rc = JUAN_OK;
	int step;

	*ids = NULL;
	*n = 0;
	stmt = store_stmt(s, sql);
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, expr, -1, SQLITE_STATIC);
	if (groups) {
		sqlite3_bind_text(stmt, 2, groups, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 3, col);
	}
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		more = grow(out, sizeof(*out), count, &cap);
		if (!more) {
			rc = JUAN_ENOMEM;
			break;
		}
		out = more;
		out[count++] = sqlite3_column_int64(stmt, 0);
	}
	if (rc == JUAN_OK && step != SQLITE_DONE)
		rc = store_fail(s, "search");
	sqlite3_reset(stmt);
	if (rc != JUAN_OK) {
		free(out);
		return rc;
	}
	*ids = out;
	*n = count;
	return JUAN_OK;
}

/* The order of a query's hits (see search.h): every hit by bm25 when there
 * are at most RANK_MAX (ranked), else the title hits first and the others
 * by id. */
struct order {
	bool ranked;
	int64_t *all;          /* every hit, by id */
	size_t nall;
	int64_t *title;        /* not ranked: the title hits, in their order */
	int64_t *title_by_id;  /* the same by id */
	size_t ntitle;
};

static void
order_free(struct order *o)
{
	free(o->all);
	free(o->title);
	free(o->title_by_id);
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static bool
is_title_hit(const struct order *o, int64_t id)
{
	return o->ntitle > 0 && bsearch(&id, o->title_by_id, o->ntitle,
					sizeof(id), id_cmp) != NULL;
}

/* The statements of one search read one snapshot of the store, so that the
 * count, the title hits and the list agree while another process writes. */
static enum juan_status
snapshot_begin(struct store *s)
{
	if (sqlite3_exec(s->db, "SAVEPOINT search", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return store_fail(s, "search");
	return JUAN_OK;
}

static void
snapshot_end(struct store *s)
{
	sqlite3_exec(s->db, "RELEASE search", NULL, NULL, NULL);
}

/* "title : (expr)" (caller frees; NULL when out of memory). */
static char *
in_title(const char *expr)
{
	static const char before[] = "title : (", after[] = ")";
	size_t len = strlen(expr);
	char *out = malloc(sizeof(before) + len + sizeof(after));

	if (!out)
		return NULL;
	memcpy(out, before, sizeof(before) - 1);
	memcpy(out + sizeof(before) - 1, expr, len);
	memcpy(out + sizeof(before) - 1 + len, after, sizeof(after));
	return out;
}

static enum juan_status
order_hits(struct store *s, const char *expr, struct order *o)
{
	enum juan_status rc = JUAN_ENOMEM;
	char *count = NULL, *groups = NULL, *title_count = NULL;
	char *title_expr = NULL;
	const char *sql;
	size_t n;

	memset(o, 0, sizeof(*o));
	if (!count_expr(expr, &count, &groups))
		goto done;
	sql = groups ? sql_all_checked : sql_all;
	rc = collect_ids(s, sql, count, groups, -1, &o->all, &o->nall);
	o->ranked = o->nall <= RANK_MAX;
	if (rc != JUAN_OK || o->ranked)
		goto done;
	title_count = in_title(count);
	title_expr = in_title(expr);
	if (!title_count || !title_expr) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	rc = collect_ids(s, sql, title_count, groups, 0, &o->title_by_id,
			 &o->ntitle);
	if (rc == JUAN_OK && o->ntitle > 0 && o->ntitle <= RANK_MAX) {
		rc = collect_ids(s, sql_ranked, title_expr, NULL, 0, &o->title,
				 &n);
		/* the same set, in one snapshot; but the arrays must agree */
		if (rc == JUAN_OK && n != o->ntitle) {
			store_set_error(s, "search: the index changed");
			rc = JUAN_EDB;
		}
	} else if (rc == JUAN_OK && o->ntitle > 0) {
		o->title = malloc(o->ntitle * sizeof(*o->title));
		if (o->title)
			memcpy(o->title, o->title_by_id,
			       o->ntitle * sizeof(*o->title));
		else
			rc = JUAN_ENOMEM;
	}
done:
	free(count);
	free(groups);
	free(title_count);
	free(title_expr);
	return rc;
}

/* ---- hits with snippets --------------------------------------------- */

struct hit_query {
	const char *expr;
	const char *prefixes;
	const char *open;
	const char *close;
	size_t limit;          /* 0: all */
	struct search_hit *out;
	size_t count;
	size_t cap;
};

static bool
full(const struct hit_query *q)
{
	return q->limit > 0 && q->count >= q->limit;
}

/* Appends the rows of sql (see SQL_HITS; ?4 bound to param4) to q->out
 * until q is full, skipping the title hits of o when o is not NULL. */
static enum juan_status
fetch_hits(struct store *s, const char *sql, sqlite3_int64 param4,
	   const struct order *o, struct hit_query *q)
{
	struct search_hit *more, *hit;
	sqlite3_stmt *stmt;
	enum juan_status rc = JUAN_OK;
	int step = SQLITE_DONE;

	stmt = store_stmt(s, sql);
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, q->expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, q->open, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, q->close, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, param4);
	sqlite3_bind_text(stmt, 5, q->prefixes, -1, SQLITE_STATIC);
	while (!full(q) && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (o && is_title_hit(o, sqlite3_column_int64(stmt, 0)))
			continue;
		more = grow(q->out, sizeof(*q->out), q->count, &q->cap);
		if (!more) {
			rc = JUAN_ENOMEM;
			goto done;
		}
		q->out = more;
		hit = &q->out[q->count];
		hit->id = sqlite3_column_int64(stmt, 0);
		hit->rank = sqlite3_column_double(stmt, 1);
		hit->title = store_column_dup(stmt, 2);
		hit->snippet = store_column_dup(stmt, 3);
		q->count++;
		if (!hit->title || !hit->snippet) {
			rc = JUAN_ENOMEM;
			goto done;
		}
	}
	if (!full(q) && step != SQLITE_DONE)
		rc = store_fail(s, "search");
done:
	sqlite3_reset(stmt);
	return rc;
}

enum juan_status
search_run(struct store *s, const char *query, size_t limit,
	   const char *mark_open, const char *mark_close,
	   struct search_hit **hits, size_t *n)
{
	struct hit_query q = {0};
	struct order o = {0};
	enum juan_status rc;
	char *expr = NULL, *prefixes = NULL;
	size_t i, rest;
	bool snapshot = false;

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
	q.expr = expr;
	q.prefixes = prefixes;
	q.open = mark_open ? mark_open : "";
	q.close = mark_close ? mark_close : "";
	q.limit = limit;
	rc = snapshot_begin(s);
	if (rc != JUAN_OK)
		goto done;
	snapshot = true;
	rc = order_hits(s, expr, &o);
	if (rc != JUAN_OK || o.nall == 0)
		goto done;
	if (o.ranked) {
		rc = fetch_hits(s, sql_hits_ranked,
				limit ? (sqlite3_int64)limit : -1, NULL, &q);
		goto done;
	}
	for (i = 0; rc == JUAN_OK && i < o.ntitle && !full(&q); i++)
		rc = fetch_hits(s, sql_hit_one, o.title[i], NULL, &q);
	rest = limit ? limit - q.count + o.ntitle : 0;
	if (rc == JUAN_OK && !full(&q))
		rc = fetch_hits(s, sql_hits_by_id,
				rest ? (sqlite3_int64)rest : -1, &o, &q);
done:
	if (snapshot)
		snapshot_end(s);
	order_free(&o);
	free(expr);
	free(prefixes);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "search: out of memory");
	if (rc != JUAN_OK) {
		search_hits_free(q.out, q.count);
		return rc;
	}
	*hits = q.out;
	*n = q.count;
	return JUAN_OK;
}

enum juan_status
search_ids(struct store *s, const char *query, int64_t **ids, size_t *n)
{
	struct order o = {0};
	enum juan_status rc;
	char *expr = NULL;
	int64_t *out;
	size_t i, j = 0, count;
	bool snapshot = false;

	*ids = NULL;
	*n = 0;
	rc = match_expr(s, query, &expr);
	if (rc != JUAN_OK || !expr[0])
		goto done;
	rc = snapshot_begin(s);
	if (rc != JUAN_OK)
		goto done;
	snapshot = true;
	rc = order_hits(s, expr, &o);
	if (rc != JUAN_OK || o.nall == 0)
		goto done;
	if (o.ranked) {
		rc = collect_ids(s, sql_ranked, expr, NULL, 0, ids, n);
		goto done;
	}
	out = malloc(o.nall * sizeof(*out));
	if (!out) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	if (o.ntitle > 0)
		memcpy(out, o.title, o.ntitle * sizeof(*out));
	count = o.ntitle;
	/* the others, by id: o.all minus o.title_by_id, both sorted */
	for (i = 0; i < o.nall; i++) {
		while (j < o.ntitle && o.title_by_id[j] < o.all[i])
			j++;
		if (j < o.ntitle && o.title_by_id[j] == o.all[i])
			continue;
		out[count++] = o.all[i];
	}
	*ids = out;
	*n = count;
done:
	if (snapshot)
		snapshot_end(s);
	order_free(&o);
	free(expr);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "search: out of memory");
	return rc;
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

enum juan_status
search_text_hits(const char *text, size_t len, const char *query,
		 struct text_span **spans, size_t *n)
{
	struct parsed_expr p = {0};
	struct text_tokens t = {0};
	struct text_span *out = NULL, *more;
	const struct expr_term *term;
	const struct text_token *last;
	enum juan_status rc = JUAN_ENOMEM;
	size_t count = 0, cap = 0, i, pos, end;
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
	*spans = out;
	*n = text_spans_merge(out, count);
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
