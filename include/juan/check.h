/* check: is the store whole — SQLite's integrity check of every page and
 * FTS5's check that the search index matches the stored text — and the
 * repair of what juan can rebuild (the search index, from the text).
 *
 * The documents, tags and history are the only copy of themselves: a
 * damaged page among them can be reported, not repaired (a backup or a new
 * import is the way back).  The search index is derived data: rebuilding it
 * from the stored text, in one transaction, repairs it.  No curses, no
 * printing: problems are handed to a callback. */
#ifndef JUAN_CHECK_H
#define JUAN_CHECK_H

#include <stddef.h>

#include "juan/status.h"

struct store;

/* Where a problem is. */
enum check_part {
	CHECK_DATABASE,    /* a page, a table or an index of the file */
	CHECK_SEARCH_INDEX /* the full-text index (rebuilt by repair) */
};

/* Called once per problem found: where, and SQLite's own words
 * (borrowed, valid during the call). */
typedef void (*check_report_fn)(enum check_part part, const char *msg,
				void *ctx);

/* Runs PRAGMA integrity_check and FTS5's 'integrity-check' (against the
 * stored text) on s, calling report for each problem; returns how many
 * there were (0: the store is whole).  A check that cannot even run (the
 * file too damaged, out of memory) is one problem of its part.  Writes
 * nothing. */
size_t store_check(struct store *s, check_report_fn report, void *ctx);

/* Rebuilds the search index of s from the stored text, in one
 * transaction: on failure nothing changed and store_error() says why
 * (JUAN_EDB, e.g. when the pages of the text are damaged). */
enum juan_status store_check_repair(struct store *s);

#endif
