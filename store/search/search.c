/* search: full-text queries over the doc_fts index — the order of the hits
 * (search.h) and fetching them, with snippets (search_run) or as ids
 * (search_ids). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/qlang.h"
#include "juan/search.h"
#include "juan/store.h"
#include "db/store_private.h"
#include "search_private.h"

/* Ranking: bm25 with a title hit worth ten body hits (the weights in the
 * order of doc_fts's columns, FTS_COL_BODY first).  Through FTS5's own
 * rank column, so that FTS5 sorts the hits before the outer query asks for
 * snippets, which are then made for the rows returned only. */
#define RANK_TITLE_WEIGHT "10.0"
#define RANK_FN "bm25(1.0, " RANK_TITLE_WEIGHT ")"
_Static_assert(FTS_COL_BODY == 0 && FTS_COL_TITLE == 1,
	       "RANK_FN weighs the body first");

/* Above SEARCH_RANK_MAX hits, search orders without bm25 (see search.h):
 * bm25 reads every position of every hit, about 2-3 us a hit, while the ids
 * alone take a tenth of that. */
#define RANK_MAX SEARCH_RANK_MAX

/* Every hit, in id order, unranked: what the count costs.  The second form
 * takes the phrases apart (see query_split_expr()): ?2 are the groups of
 * juan_phrases(), in any column. */
static const char sql_all[] =
	"SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid";

static const char sql_all_checked[] =
	"SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1"
	" AND juan_phrases(doc_fts, ?2, -1) ORDER BY rowid";

static const char sql_ranked[] =
	"SELECT rowid FROM doc_fts"
	" WHERE doc_fts MATCH ?1 AND rank MATCH '" RANK_FN "'"
	" ORDER BY rank";

/* The title hits of a query, ?1 its MATCH expression: by id, and in the
 * order FTS5's RANK_FN gives them in doc_fts with the expression in the
 * title alone (juan_title_rank(), search_fts5.c, with the same sort: ties
 * in id order as FTS5's sorter leaves them), from the titles' own index:
 * doc_fts's column filter reads every body position of every hit. */
static const char sql_titles[] =
	"SELECT rowid FROM title_fts WHERE title_fts MATCH ?1 ORDER BY rowid";

static const char sql_titles_ranked[] =
	"SELECT t.rowid FROM title_fts t WHERE title_fts MATCH ?1"
	" ORDER BY juan_title_rank(title_fts,"
	" (SELECT block FROM doc_fts_data WHERE id = 1),"
	" (SELECT sz FROM doc_fts_docsize WHERE id = t.rowid), "
	RANK_TITLE_WEIGHT ")";

/* Hits with their snippets: ?1 the MATCH expression, ?2 and ?3 the marks,
 * ?5 the prefix flags of juan_snippet; ?4 the limit (best first), the
 * limit (in id order), or the one id.  Unranked, the rank is 0: bm25() would
 * cost a query of each phrase over the whole index (for its IDF) in every
 * statement, even for one row. */
#define SQL_HITS(rank) \
	"SELECT d.id, " rank ", d.title," \
	" juan_snippet(doc_fts, ?2, ?3, ?5, d.title, d.body)" \
	" FROM doc_fts CROSS JOIN documents d ON d.id = doc_fts.rowid" \
	" WHERE doc_fts MATCH ?1"

static const char sql_hits_ranked[] =
	SQL_HITS("doc_fts.rank") " AND doc_fts.rank MATCH '" RANK_FN "'"
	" ORDER BY doc_fts.rank LIMIT ?4";

static const char sql_hits_by_id[] =
	SQL_HITS("0.0") " ORDER BY doc_fts.rowid LIMIT ?4";

static const char sql_hit_one[] = SQL_HITS("0.0") " AND doc_fts.rowid = ?4";

/* query taken apart in *q (free with query_free()). */
static enum juan_status
take_apart(struct store *s, const char *query, struct query *q)
{
	if (tokenize_query(query ? query : "", q) != JUAN_OK) {
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

/* ---- the order of the hits ------------------------------------------ */

/* The ids that sql yields with ?1 bound to expr (and, when groups is not
 * NULL, ?2 to groups), in *ids (caller frees) and their number in *n. */
static enum juan_status
collect_ids(struct store *s, const char *sql, const char *expr,
	    const char *groups, int64_t **ids, size_t *n)
{
	sqlite3_stmt *stmt;

	*ids = NULL;
	*n = 0;
	stmt = store_stmt(s, sql);
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, expr, -1, SQLITE_STATIC);
	if (groups)
		sqlite3_bind_text(stmt, 2, groups, -1, SQLITE_STATIC);
	return store_collect_ids(s, stmt, ids, n, "search");
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

/* Whether every id of sub[0..nsub) is in all[0..nall) (both by id). */
static bool
is_subset(const int64_t *sub, size_t nsub, const int64_t *all, size_t nall)
{
	size_t i, j = 0;

	for (i = 0; i < nsub; i++) {
		while (j < nall && all[j] < sub[i])
			j++;
		if (j == nall || all[j] != sub[i])
			return false;
	}
	return true;
}

/* The order of the hits of parsed, whose MATCH expression is expr. */
static enum juan_status
order_hits(struct store *s, const struct query *parsed, const char *expr,
	   struct order *o)
{
	enum juan_status rc = JUAN_ENOMEM;
	char *count = NULL, *groups = NULL;
	const char *sql;
	size_t n;

	memset(o, 0, sizeof(*o));
	if (!query_split_expr(parsed, &count, &groups))
		goto done;
	sql = groups ? sql_all_checked : sql_all;
	rc = collect_ids(s, sql, count, groups, &o->all, &o->nall);
	o->ranked = o->nall <= RANK_MAX;
	if (rc != JUAN_OK || o->ranked)
		goto done;
	rc = collect_ids(s, sql_titles, expr, NULL, &o->title_by_id,
			 &o->ntitle);
	/* two indexes of one text: they agree unless one is damaged */
	if (rc == JUAN_OK &&
	    !is_subset(o->title_by_id, o->ntitle, o->all, o->nall)) {
		store_set_error(s, "search: the titles' index disagrees with "
				"the search index (juan check --repair "
				"rebuilds both)");
		rc = JUAN_EDB;
	}
	if (rc == JUAN_OK && o->ntitle > 0 && o->ntitle <= RANK_MAX) {
		rc = collect_ids(s, sql_titles_ranked, expr, NULL, &o->title,
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
		more = array_reserve(q->out, &q->cap, q->count + 1,
				     sizeof(*q->out));
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

/* ---- one search ------------------------------------------------------ */

/* What one search holds from its start to its end. */
struct search_state {
	struct query parsed;
	char *expr; /* its MATCH expression */
	struct order o;
	bool snapshot;
};

/* Starts the search for query: takes it apart and, in one snapshot of the
 * store, orders its hits in st->o (none, st->o.nall 0, also for a query
 * with nothing searchable).  Call end_search() whatever it returns. */
static enum juan_status
begin_search(struct store *s, const char *query, struct search_state *st)
{
	enum juan_status rc;

	memset(st, 0, sizeof(*st));
	rc = take_apart(s, query, &st->parsed);
	if (rc != JUAN_OK || st->parsed.nterms == 0)
		return rc;
	st->expr = query_expr(&st->parsed);
	if (!st->expr)
		return JUAN_ENOMEM;
	rc = snapshot_begin(s);
	if (rc != JUAN_OK)
		return rc;
	st->snapshot = true;
	return order_hits(s, &st->parsed, st->expr, &st->o);
}

static void
end_search(struct store *s, struct search_state *st)
{
	if (st->snapshot)
		snapshot_end(s);
	order_free(&st->o);
	query_free(&st->parsed);
	free(st->expr);
}

enum juan_status
search_run(struct store *s, const char *query, size_t limit,
	   const char *mark_open, const char *mark_close,
	   struct search_hit **hits, size_t *n)
{
	struct hit_query q = {0};
	struct search_state st;
	const struct order *o = &st.o;
	enum juan_status rc;
	char *prefixes = NULL;
	size_t i, rest;

	*hits = NULL;
	*n = 0;
	rc = begin_search(s, query, &st);
	if (rc != JUAN_OK || o->nall == 0)
		goto done;
	prefixes = query_prefixes(&st.parsed);
	if (!prefixes) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	q.expr = st.expr;
	q.prefixes = prefixes;
	q.open = mark_open ? mark_open : "";
	q.close = mark_close ? mark_close : "";
	q.limit = limit;
	if (o->ranked) {
		rc = fetch_hits(s, sql_hits_ranked,
				limit ? (sqlite3_int64)limit : -1, NULL, &q);
		goto done;
	}
	for (i = 0; rc == JUAN_OK && i < o->ntitle && !full(&q); i++)
		rc = fetch_hits(s, sql_hit_one, o->title[i], NULL, &q);
	rest = limit ? limit - q.count + o->ntitle : 0;
	if (rc == JUAN_OK && !full(&q))
		rc = fetch_hits(s, sql_hits_by_id,
				rest ? (sqlite3_int64)rest : -1, o, &q);
done:
	end_search(s, &st);
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
	struct search_state st;
	const struct order *o = &st.o;
	enum juan_status rc;
	int64_t *out;
	size_t i, j = 0, count;

	*ids = NULL;
	*n = 0;
	rc = begin_search(s, query, &st);
	if (rc != JUAN_OK || o->nall == 0)
		goto done;
	if (o->ranked) {
		rc = collect_ids(s, sql_ranked, st.expr, NULL, ids, n);
		goto done;
	}
	out = malloc(o->nall * sizeof(*out));
	if (!out) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	if (o->ntitle > 0)
		memcpy(out, o->title, o->ntitle * sizeof(*out));
	count = o->ntitle;
	/* the others, by id: o->all minus o->title_by_id, both sorted */
	for (i = 0; i < o->nall; i++) {
		while (j < o->ntitle && o->title_by_id[j] < o->all[i])
			j++;
		if (j < o->ntitle && o->title_by_id[j] == o->all[i])
			continue;
		out[count++] = o->all[i];
	}
	*ids = out;
	*n = count;
done:
	end_search(s, &st);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "search: out of memory");
	return rc;
}

/* ---- hits of a query in the query language ------------------------------ */

/* A hit without a snippet: a document the words' expression does not find
 * (its words are all in ORs). */
static const char sql_hit_plain[] =
	"SELECT id, 0.0, title, '' FROM documents WHERE id = ?4";

/* The free words of q that are not excluded, space-joined: those of parts
 * of one term when there are any (every hit has them all), else all. */
static char *
snippet_words(const struct qlang *q)
{
	const struct qlang_term *t;
	size_t i, j, len = 1;
	bool single = false;
	char *out;

	for (i = 0; i < q->nparts; i++)
		for (j = 0; j < q->parts[i].nterms; j++) {
			t = &q->parts[i].terms[j];
			if (t->field == QLANG_TEXT && !t->negated) {
				len += strlen(t->value) + 1;
				single = single || q->parts[i].nterms == 1;
			}
		}
	if (!(out = malloc(len)))
		return NULL;
	out[0] = '\0';
	for (i = 0; i < q->nparts; i++)
		for (j = 0; j < q->parts[i].nterms; j++) {
			t = &q->parts[i].terms[j];
			if (t->field != QLANG_TEXT || t->negated ||
			    (single && q->parts[i].nterms > 1))
				continue;
			if (out[0])
				strcat(out, " ");
			strcat(out, t->value);
		}
	return out;
}

/* Appends the hit for document id to q: with its snippet when the words
 * find it, else without. */
static enum juan_status
fetch_one(struct store *s, int64_t id, struct hit_query *q)
{
	size_t before = q->count;
	enum juan_status rc = JUAN_OK;

	if (q->expr[0])
		rc = fetch_hits(s, sql_hit_one, id, NULL, q);
	if (rc == JUAN_OK && q->count == before)
		rc = fetch_hits(s, sql_hit_plain, id, NULL, q);
	return rc;
}

enum juan_status
search_query_hits(struct store *s, const char *query, const int64_t *ids,
		  size_t nids, size_t limit, const char *mark_open,
		  const char *mark_close, struct search_hit **hits, size_t *n)
{
	struct hit_query q = {0};
	struct query parsed = {0};
	struct qlang_error err;
	struct qlang ql = {0};
	enum juan_status rc;
	char *words = NULL, *expr = NULL, *prefixes = NULL;
	size_t i;

	*hits = NULL;
	*n = 0;
	rc = qlang_parse(query, &ql, &err);
	if (rc != JUAN_OK) {
		store_set_error(s, "query: %s", err.message);
		return rc;
	}
	if (!qlang_has_words(&ql)) {
		store_set_error(s, "query: nothing to search for: give a word "
				"besides the fields (or use juan list)");
		rc = JUAN_EINVAL;
		goto done;
	}
	words = snippet_words(&ql);
	rc = words ? take_apart(s, words, &parsed) : JUAN_ENOMEM;
	if (rc != JUAN_OK)
		goto done;
	expr = query_expr(&parsed);
	prefixes = query_prefixes(&parsed);
	if (!expr || !prefixes) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	q.expr = expr;
	q.prefixes = prefixes;
	q.open = mark_open ? mark_open : "";
	q.close = mark_close ? mark_close : "";
	for (i = 0; i < nids && rc == JUAN_OK && (!limit || i < limit); i++)
		rc = fetch_one(s, ids[i], &q);
done:
	qlang_free(&ql);
	query_free(&parsed);
	free(words);
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
