/* store_private: what the modules of store/ share about an open store and
 * nobody else sees — the connection, the statement cache and the last error.
 * Only the files of store/ include this. */
#ifndef JUAN_STORE_PRIVATE_H
#define JUAN_STORE_PRIVATE_H

#include <sqlite3.h>

#include "juan/status.h"
#include "juan/store.h"

#define STORE_STMT_MAX 128

struct store_stmt_slot {
	const char *sql; /* the static string the statement was prepared from */
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	char err[512];
	struct store_stmt_slot stmts[STORE_STMT_MAX];
	int nstmts;
};

/* The statement for sql, prepared once per store and cached by the address
 * of sql, which must be a string literal or otherwise static.  It comes back
 * reset with its bindings cleared.  NULL on error, with store_error() set. */
sqlite3_stmt *store_stmt(struct store *s, const char *sql);

/* Records "what: <SQLite's message>" as the store's error; returns JUAN_EDB. */
enum juan_status store_fail(struct store *s, const char *what);

/* Records a formatted message as the store's error. */
void store_set_error(struct store *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Runs fn(s, ctx) inside a transaction unless one is open already: commits
 * when fn returns JUAN_OK, rolls back otherwise.  Returns fn's status. */
enum juan_status store_write(struct store *s,
			     enum juan_status (*fn)(struct store *s, void *ctx),
			     void *ctx);

/* The identity of a document: the SHA-256 of its normalised text, as 64
 * lowercase hex digits and a NUL. */
#define STORE_HASH_HEX 65
void store_hash_text(const char *text, size_t len, char hex[STORE_HASH_HEX]);

/* The FTS5 extension API of db in *api, for registering tokenizers and
 * functions.  Returns an SQLite result code. */
int store_fts5_api(sqlite3 *db, fts5_api **api);

/* Steps stmt, which must finish without a row (an INSERT, UPDATE or
 * DELETE), and resets it; on failure records "what: <SQLite's message>"
 * and returns JUAN_EDB. */
enum juan_status store_run(struct store *s, sqlite3_stmt *stmt,
			   const char *what);

/* Copies column col of the current row as a NUL-terminated string ("" for
 * NULL); caller frees; NULL when out of memory. */
char *store_column_dup(sqlite3_stmt *stmt, int col);

#endif
