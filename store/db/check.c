/* check: the integrity checks of a store and the rebuild of its search
 * index.  See include/juan/check.h. */
#include <string.h>

#include "juan/check.h"
#include "store_private.h"

/* at most 100 messages */
static const char sql_integrity[] = "PRAGMA integrity_check(100)";
/* rank 1: also compare the index with the external content, documents;
 * the search index and the titles' index (store.c) */
static const char sql_fts_check[] =
	"INSERT INTO doc_fts(doc_fts, rank) VALUES ('integrity-check', 1);"
	"INSERT INTO title_fts(title_fts, rank) VALUES ('integrity-check', 1)";
static const char sql_fts_rebuild[] =
	"INSERT INTO doc_fts(doc_fts) VALUES ('rebuild');"
	"INSERT INTO title_fts(title_fts) VALUES ('rebuild')";

/* The pages, tables and indexes: one problem per message that is not
 * "ok", or one when the check fails outright. */
static void
check_database(struct store *s, check_report_fn report, void *ctx,
	       size_t *problems)
{
	sqlite3_stmt *stmt;
	const char *msg;
	int step;

	/* not cached: a connection that met a damaged page may leave a cached
	 * statement unusable; this one lives for the check alone */
	if (sqlite3_prepare_v2(s->db, sql_integrity, -1, &stmt, NULL) !=
	    SQLITE_OK) {
		report(CHECK_DATABASE, sqlite3_errmsg(s->db), ctx);
		(*problems)++;
		return;
	}
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		msg = (const char *)sqlite3_column_text(stmt, 0);
		if (msg && strcmp(msg, "ok") != 0) {
			report(CHECK_DATABASE, msg, ctx);
			(*problems)++;
		}
	}
	if (step != SQLITE_DONE) {
		report(CHECK_DATABASE, sqlite3_errmsg(s->db), ctx);
		(*problems)++;
	}
	sqlite3_finalize(stmt);
}

/* The FTS5 checks of doc_fts and title_fts against the stored text, in a
 * transaction rolled back at once: the check writes nothing, and a failed
 * one leaves nothing behind. */
static void
check_search_index(struct store *s, check_report_fn report, void *ctx,
		   size_t *problems)
{
	char *err = NULL;
	int rc;

	rc = sqlite3_exec(s->db, "SAVEPOINT juan_check", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, sql_fts_check, NULL, NULL, &err);
	if (rc != SQLITE_OK) {
		report(CHECK_SEARCH_INDEX, err ? err : sqlite3_errmsg(s->db),
		       ctx);
		(*problems)++;
	}
	sqlite3_free(err);
	sqlite3_exec(s->db, "ROLLBACK TO juan_check; RELEASE juan_check",
		     NULL, NULL, NULL);
}

size_t
store_check(struct store *s, check_report_fn report, void *ctx)
{
	size_t problems = 0;

	check_database(s, report, ctx, &problems);
	check_search_index(s, report, ctx, &problems);
	return problems;
}

static enum juan_status
rebuild(struct store *s, void *ctx)
{
	char *err = NULL;

	(void)ctx;
	if (sqlite3_exec(s->db, sql_fts_rebuild, NULL, NULL, &err) !=
	    SQLITE_OK) {
		store_set_error(s, "rebuild the search index: %s",
				err ? err : sqlite3_errmsg(s->db));
		sqlite3_free(err);
		return JUAN_EDB;
	}
	return JUAN_OK;
}

enum juan_status
store_check_repair(struct store *s)
{
	return store_write(s, rebuild, NULL);
}
