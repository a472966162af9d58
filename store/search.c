/* search: full-text queries over the doc_fts index → ranked hits. */
#include <stdlib.h>
#include <string.h>

#include "juan/search.h"
#include "juan/tokenize.h"
#include "store_private.h"

/* Ranking: bm25 with a title hit worth ten body hits.  Through FTS5's own
 * rank column, so that FTS5 sorts the hits before the outer query asks for
 * snippets, which are then made for the rows returned only. */
#define RANK_FN "bm25(10.0, 1.0)"

static const char sql_hits[] =
	"SELECT d.id, doc_fts.rank, d.title,"
	" snippet(doc_fts, -1, ?2, ?3, '…', 24)"
	" FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid"
	" WHERE doc_fts MATCH ?1 AND doc_fts.rank MATCH '" RANK_FN "'"
	" ORDER BY doc_fts.rank LIMIT ?4";

static const char sql_ids[] =
	"SELECT rowid FROM doc_fts"
	" WHERE doc_fts MATCH ?1 AND rank MATCH '" RANK_FN "'"
	" ORDER BY rank";

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
	char *expr = NULL;
	int step;

	*hits = NULL;
	*n = 0;
	rc = match_expr(s, query, &expr);
	if (rc != JUAN_OK || !expr[0])
		goto done;
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
