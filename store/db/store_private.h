/* store_private: what the modules of store/ share about an open store and
 * nobody else sees — the connection, the statement cache and the last error
 * (store.c, the core every other store file calls).  Only the files of
 * store/ include this. */
#ifndef JUAN_STORE_PRIVATE_H
#define JUAN_STORE_PRIVATE_H

#include <sqlite3.h>

#include "juan/file.h"
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
	struct file_id file; /* the file opened, to see it deleted or moved */
	bool readonly;       /* opened read-only: every write is refused */
	char err[512];
	struct store_stmt_slot stmts[STORE_STMT_MAX];
	int nstmts;
};

/* Called once, inside the transaction that creates the schema of a new
 * store, to fill it (store_open() seeds the default theme set). */
typedef enum juan_status (*store_seed_fn)(struct store *s);

/* Opens the SQLite file at path (creating its directory, mode 0700, and
 * the file, mode 0600, which SQLite gives its -wal and -shm too) with
 * foreign keys on and a busy timeout, and nothing else: no schema, no
 * tokenizer.  A file or directory this process cannot write is opened
 * read-only (SQLite's mode=ro, and immutable=1 when its WAL index cannot
 * be used that way); store_begin() then refuses every write.  On JUAN_OK *out is the store (close with store_close()); on
 * failure *out is NULL and err[0..errsize) says what went wrong, naming the
 * file. */
enum juan_status store_connect(const char *path, struct store **out,
			       char *err, size_t errsize);

/* Brings the schema of s up to date (refusing a newer one with
 * JUAN_ENEWER, leaving the file untouched), calling seed (NULL: none) when
 * it creates the schema, then switches to WAL.  The connection must have
 * the tokenizer the schema names (search_register()).  On failure
 * store_error() says why. */
enum juan_status store_migrate(struct store *s, store_seed_fn seed);

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

/* Steps stmt, which must finish without a row (an INSERT, UPDATE or
 * DELETE), and resets it; on failure records "what: <SQLite's message>"
 * and returns JUAN_EDB. */
enum juan_status store_run(struct store *s, sqlite3_stmt *stmt,
			   const char *what);

/* Steps stmt, which yields at most one row, and resets it: the integer
 * in its first column in *out; JUAN_ENOTFOUND (no error recorded) when it
 * yields no row; on failure records "what: <SQLite's message>" and returns
 * JUAN_EDB. */
enum juan_status store_lookup_int(struct store *s, sqlite3_stmt *stmt,
				  int64_t *out, const char *what);

/* Steps stmt to its end and resets it: the integers in the first column
 * of its rows, in order, in *ids (caller frees; NULL when none) and their
 * number in *n.  On failure records "what: <why>" and returns JUAN_EDB or
 * JUAN_ENOMEM, with *ids NULL. */
enum juan_status store_collect_ids(struct store *s, sqlite3_stmt *stmt,
				   int64_t **ids, size_t *n, const char *what);

/* tags.c: the id of the theme named name, else of the theme whose key is
 * name, in *id; JUAN_ENOTFOUND, with the error "no theme 'name'", when
 * there is neither. */
enum juan_status store_theme_id(struct store *s, const char *name,
				int64_t *id);

/* Copies column col of the current row as a NUL-terminated string ("" for
 * NULL); caller frees; NULL when out of memory. */
char *store_column_dup(sqlite3_stmt *stmt, int col);

#endif
