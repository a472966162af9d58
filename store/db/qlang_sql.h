/* qlang_sql: a parsed query (qlang.h) compiled to an SQL condition for the
 * document lists of docs.c — one expression over the row `d` of documents
 * and `dt` of doc_tags (LEFT JOINed for the scheme bound to ?9), whose
 * values are all bound as parameters ?10, ?11...  Private to store/db. */
#ifndef JUAN_QLANG_SQL_H
#define JUAN_QLANG_SQL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "juan/qlang.h"
#include "juan/store.h"

/* The first parameter number a compiled query uses. */
#define QSQL_FIRST_PARAM 10

struct qsql_value {
	char *text;  /* NULL: num (or real when is_real) is the value */
	int64_t num;
	double real;
	bool is_real;
};

/* A compiled query.  where is "1" for the empty query. */
struct qsql {
	char *where;
	struct qsql_value *values; /* ?10 onwards */
	size_t nvalues;
	size_t cap;
	int64_t scheme; /* the query's scheme: (resolved), 0 when none */
	char *words;    /* the free words ANDed, not excluded, space-joined:
			 * the relevance order's query; NULL when none */
};

/* Compiles q into *out (free with qsql_free()) for the store s (theme:
 * and scheme: names are resolved now; scheme is the scheme theme: refers
 * to unless q names one).  JUAN_ENOTFOUND with store_error() naming the
 * valid ones for an unknown theme or scheme; JUAN_ENOMEM. */
enum juan_status qsql_build(struct store *s, const struct qlang *q,
			    int64_t scheme, struct qsql *out);

/* Binds the values of c to stmt. */
void qsql_bind(const struct qsql *c, sqlite3_stmt *stmt);

/* Frees what c holds and empties it.  NULL-safe. */
void qsql_free(struct qsql *c);

#endif
