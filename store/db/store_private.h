/* store_private: what the modules of store/ share about an open store and
 * nobody else sees — the connection, the statement cache and the last error
 * (store.c, the core every other store file calls).  Only the files of
 * store/ include this. */
#ifndef JUAN_STORE_PRIVATE_H
#define JUAN_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "juan/file.h"
#include "juan/pack.h"
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
	char err[2048];
	struct store_stmt_slot stmts[STORE_STMT_MAX];
	int nstmts;
	char coder[65];   /* store_set_coder(); "" when unknown */
	int64_t change;   /* the change being recorded (tag_change_begin()) */
	long recorded;    /* history rows tag_record() wrote, ever */
	bool accepting;   /* the change accepts a suggestion (suggest.c) */
	char source[128]; /* the change adopts this coding, "name#uid"
			   * (settle.c); "" otherwise */
	/* set by suggest_sql_register(): makes the saved model of scheme (an
	 * id) ready for juan_suggested() and juan_confidence() */
	enum juan_status (*suggest_prepare)(struct store *s, int64_t scheme);
	void *suggest_sql; /* their state, freed by SQLite on close */
	struct packer *packer; /* store_put()'s, made when first needed */
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

/* A document's head, body and tail in their stored form (pack.h): blob[i]
 * is part i packed, or NULL to store the part as text. */
struct packed_parts {
	void *blob[3];
	size_t len[3];
};

/* Packs the head, body and tail of text as d cuts it into *out (free
 * with packed_parts_free(), also after a failure).  JUAN_ENOMEM when out
 * of memory. */
enum juan_status packed_parts_make(struct packer *p, const char *text,
				   const struct doc *d,
				   struct packed_parts *out);
void packed_parts_free(struct packed_parts *pp);

/* store_put_doubts() for a caller that has the text's store_hash_text()
 * and packed parts already (an import's reading thread): hash and packed
 * are trusted, not checked; NULL makes it hash or pack the text itself,
 * as store_put_doubts() does. */
enum juan_status store_put_hashed(struct store *s, const char *path,
				  const char *text, size_t len,
				  const char *hash,
				  const struct packed_parts *packed,
				  const struct doc *d, const char *doubts,
				  enum put_result *res, int64_t *id);

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

/* Reads the current row of stmt into the zeroed element out; JUAN_OK,
 * JUAN_ENOMEM, or another status for a value it cannot take. */
typedef enum juan_status (*store_row_fn)(sqlite3_stmt *stmt, void *out);

/* Steps stmt to its end and resets it, reading each row with read into a
 * new zeroed element of elem bytes of the array *v (caller frees), whose
 * length is *n.  On failure records "what: <why>" and returns the status;
 * *v then holds the elements read so far, the last maybe half read (the
 * caller frees what they own). */
enum juan_status store_collect_rows(struct store *s, sqlite3_stmt *stmt,
				    void **v, size_t *n, size_t elem,
				    store_row_fn read, const char *what);

/* store.c: like store_collect_ids, for the texts of column 0: caller
 * frees them with store_texts_free(). */
enum juan_status store_collect_texts(struct store *s, sqlite3_stmt *stmt,
				     char ***texts, size_t *n, const char *what);
void store_texts_free(char **texts, size_t n);

/* ---- tags.c: the values a change changes, shared with history.c ------ */

/* The longest note, in bytes. */
#define STORE_NOTE_MAX 4000

/* Whether text is valid UTF-8 of at most max bytes without control,
 * C1 or bidi control characters. */
bool store_plain_text(const char *text, size_t max);

/* scheme (0: the active one) as the id of a scheme in use, in *id;
 * JUAN_ENOTFOUND with an error when there is none. */
enum juan_status store_scheme_resolve(struct store *s, int64_t scheme,
				      int64_t *id);

enum tag_field {
	TAG_FIELD_THEME,     /* main theme of (doc, scheme): its name */
	TAG_FIELD_SECONDARY, /* secondary theme `theme` of (doc, scheme):
			      * its name when the document has it, else "" */
	TAG_FIELD_STATE,     /* state of (doc, scheme): "", "none", "unsure" */
	TAG_FIELD_NOTE,      /* note of doc */
	TAG_FIELD_SCHEME,    /* scheme: its name while in use, "" removed */
};

/* The history's name of a field ("theme"...); static. */
const char *tag_field_name(enum tag_field f);

/* One value a change may change. */
struct tag_value {
	enum tag_field field;
	int64_t scheme;
	int64_t doc;
	const char *theme; /* TAG_FIELD_SECONDARY: the theme's name */
};

/* The value v now has, as text ("" for none), in *out (caller frees). */
enum juan_status tag_value_get(struct store *s, const struct tag_value *v,
			       char **out);

/* Gives v the value value, recording nothing.  JUAN_ECONFLICT when value
 * names a theme the scheme does not have. */
enum juan_status tag_value_put(struct store *s, const struct tag_value *v,
			       const char *value);

/* Starts a change inside the open transaction: forgets what could be
 * redone and takes the next change number for the rows tag_record()
 * writes. */
enum juan_status tag_change_begin(struct store *s);

/* Records a history row of the current change: v went from old to new. */
enum juan_status tag_record(struct store *s, const struct tag_value *v,
			    const char *old, const char *new, const char *op);

/* Gives v the value value and records it, when it differs from the value
 * v has. */
enum juan_status tag_change(struct store *s, const struct tag_value *v,
			    const char *value);

/* Removes every secondary theme of document doc in scheme, recording each
 * in the current change. */
enum juan_status tag_drop_secondaries(struct store *s, int64_t scheme,
				      int64_t doc);

/* Copies column col of the current row as a NUL-terminated string ("" for
 * NULL); caller frees; NULL when out of memory. */
char *store_column_dup(sqlite3_stmt *stmt, int col);

#endif
