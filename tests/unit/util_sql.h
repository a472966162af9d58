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

#endif
