/* util_sql: a look behind the store's API for the cmocka tests, which
 * every test can include (util.h does), even one with a fixture of its own;
 * util.c has it. */
#ifndef JUAN_TESTS_UTIL_SQL_H
#define JUAN_TESTS_UTIL_SQL_H

#include <sqlite3.h>
#include <stdint.h>

/* The integer in the first column of the first row that sql yields on
 * db; INT64_MIN, with a message on stderr, when it yields none or fails. */
int64_t test_sql_int(sqlite3 *db, const char *sql);

/* SQL that drops schema 11's titles' index (title_fts) on a connection
 * without juan's tokenizer, which DROP TABLE title_fts would need: its
 * shadow tables, then the table's own row (a virtual table has no pages).
 * For the tests that take a store back to an older schema. */
#define TEST_SQL_DROP_TITLE_FTS \
	"DROP TABLE title_fts_data;" \
	"DROP TABLE title_fts_idx;" \
	"DROP TABLE title_fts_config;" \
	"PRAGMA writable_schema = ON;" \
	"DELETE FROM sqlite_schema WHERE name = 'title_fts';" \
	"PRAGMA writable_schema = OFF;"

#endif
