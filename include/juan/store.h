/* store: the SQLite file that holds documents, their sections, the themes,
 * the theme of each document and the history of every theme change.
 *
 * One connection per struct store, in WAL mode with foreign keys on and a busy
 * timeout, so that two juan processes on one file wait for each other.  The
 * schema is versioned with PRAGMA user_version and migrated forward on open
 * inside a transaction; a file written by a newer juan is refused untouched.
 * Every write runs in a transaction; statements are prepared once and reused;
 * values are always bound, never spliced into SQL.  All SQL of juan lives in
 * store/. */
#ifndef JUAN_STORE_H
#define JUAN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/parse.h"
#include "juan/status.h"

struct store;
struct file_guard;

/* The store path to use when none is given: $JUAN_DB, else
 * $XDG_DATA_HOME/juan/juan.db, else ~/.local/share/juan/juan.db.  Caller
 * frees; NULL when out of memory or no home directory is known. */
char *store_default_path(void);

/* Opens (creating the file and its directory, mode 0700, if needed) and
 * migrates the store at path; a new store gets the default theme set.  On
 * JUAN_OK *out is the open store (close with store_close()).  On failure *out
 * is NULL and err[0..errsize) says what went wrong, naming the file:
 * JUAN_ENEWER for a schema newer than this juan, JUAN_EDB or JUAN_EIO else. */
enum juan_status store_open(const char *path, struct store **out, char *err,
			    size_t errsize);

/* True when s was opened read-only (its file or directory is not
 * writable by this process): list, show and search work, and every write
 * fails with JUAN_EREADONLY. */
bool store_is_readonly(const struct store *s);

/* True once per store, on the first call for a store whose directory
 * other users may read or enter (a store can hold documents not yet
 * public), so that the caller tells the user; remembered in the store's
 * settings.  The directory goes to dir[0..dirsize).  False for a read-only
 * store, when the directory is private, when it was told already and
 * when the reminder cannot be saved (it would be told at every start). */
bool store_dir_exposed(struct store *s, char *dir, size_t dirsize);

/* Adds the store's files to g (file.h): the file it opened, and its
 * -wal, -shm and -journal as they are now, so that no writer replaces or
 * writes into them, whatever link or name reaches them. */
void store_guard(const struct store *s, struct file_guard *g);

/* Closes *s (NULL-safe) and sets *s to NULL. */
void store_close(struct store **s);

/* The path the store was opened with; borrowed. */
const char *store_path(const struct store *s);

/* A message on the last failure of a call on s ("" if none); borrowed, valid
 * until the next call on s. */
const char *store_error(const struct store *s);

/* Explicit transactions, for batching many writes (import).  Calls that
 * write open their own transaction when none is open.  store_begin(), and
 * so every write, fails with JUAN_EREADONLY on a read-only store and with
 * JUAN_EGONE when the store's path no longer names the file it opened (it
 * was deleted, moved or replaced: a write would be lost), store_error()
 * saying so. */
enum juan_status store_begin(struct store *s);
enum juan_status store_commit(struct store *s);
enum juan_status store_rollback(struct store *s);

/* ---- documents ------------------------------------------------------ */

enum put_result {
	PUT_NEW,       /* a document juan did not have */
	PUT_UPDATED,   /* a changed file at a known path: updated in place */
	PUT_UNCHANGED, /* the same text is already stored (maybe under another path) */
};

/* Stores the document read from path: text[0..len) is its normalised text
 * and d its parse of that text.  A document is identified by the SHA-256 of
 * its text: the same text under two paths is one document; a changed text at
 * a known path updates that document in place (sections, search index) and
 * keeps its theme.  Stores the outcome in *res and the document id in *id
 * (either may be NULL). */
enum juan_status store_put(struct store *s, const char *path, const char *text,
			   size_t len, const struct doc *d,
			   enum put_result *res, int64_t *id);

/* One document's metadata and theme, as listed and shown.  Strings are
 * owned by the struct (free with doc_info_clear()); "" when unknown. */
struct doc_info {
	int64_t id;
	char *title;
	char *issuer;
	char *date;
	char *docno;
	char *published;
	char *topic;     /* the publisher's 主题分类 */
	char *source;
	/* a file it was read from: the first that still holds its text */
	char *path;
	char *hash;      /* SHA-256 of the text, lowercase hex */
	int64_t theme_id; /* 0 when untagged */
	char *theme_name; /* "" when untagged */
	char theme_key;   /* 0 when untagged */
	char *tagged_at;  /* "YYYY-MM-DD HH:MM:SS" UTC, "" when untagged */
};

/* Frees the strings of *info and zeroes it.  NULL-safe. */
void doc_info_clear(struct doc_info *info);

/* Fills *out with document id; JUAN_ENOTFOUND when there is none. */
enum juan_status store_doc_info(struct store *s, int64_t id,
				struct doc_info *out);

/* The body of document id in *body (NUL-terminated, caller frees) and its
 * length in *len (may be NULL).  Section offsets refer to this text. */
enum juan_status store_doc_body(struct store *s, int64_t id, char **body,
				size_t *len);

/* The sections of document id in document order, in *out (free with
 * sections_free()) and their number in *n. */
enum juan_status store_doc_sections(struct store *s, int64_t id,
				    struct section **out, size_t *n);

/* Which documents a list shows.  Fields left zero/NULL do not filter. */
struct list_query {
	const char *theme;  /* theme name or key */
	bool untagged;      /* only documents without a theme */
	const char *search; /* full-text query; results ranked by relevance */
};

/* The ids of the documents q selects, in list order (search rank when
 * searching, else id), in *ids (caller frees) and their number in *n.  Cheap
 * enough for 100,000 documents: ids only, no text. */
enum juan_status store_list_ids(struct store *s, const struct list_query *q,
				int64_t **ids, size_t *n);

/* Calls cb for each document q selects, in list order; cb returns non-zero
 * to stop early.  info is borrowed for the duration of the call. */
typedef int (*doc_info_fn)(const struct doc_info *info, void *ctx);
enum juan_status store_list(struct store *s, const struct list_query *q,
			    doc_info_fn cb, void *ctx);

/* Number of documents, and of documents with a theme. */
enum juan_status store_counts(struct store *s, long *total, long *tagged);

/* ---- tags and history ---------------------------------------------- */

/* Gives document doc the theme theme_id (0 removes its theme) and records the
 * change in the history, in one transaction.  Setting the theme it already
 * has changes nothing.  A new change forgets what could be redone. */
enum juan_status store_tag(struct store *s, int64_t doc, int64_t theme_id);

/* Reverts the most recent theme change not yet undone (it survives restarts:
 * the history is in the store) and stores its document in *doc (may be NULL).
 * A change that no longer fits (its document's theme has changed since
 * without the history, or its theme left with a replaced theme set) is
 * skipped for good.  JUAN_ENOTFOUND when there is nothing to undo. */
enum juan_status store_undo(struct store *s, int64_t *doc);

/* Re-applies the change most recently undone; JUAN_ENOTFOUND when none. */
enum juan_status store_redo(struct store *s, int64_t *doc);

/* One recorded theme change; theme names are "" for no theme. */
struct history_entry {
	int64_t id;
	int64_t doc;
	const char *old_theme;
	const char *new_theme;
	const char *at;  /* "YYYY-MM-DD HH:MM:SS" UTC */
	const char *op;  /* "tag", "undo" or "redo" */
};

/* Calls cb for every change of document doc (0: of every document), oldest
 * first; entry is borrowed for the duration of the call. */
typedef int (*history_fn)(const struct history_entry *entry, void *ctx);
enum juan_status store_history(struct store *s, int64_t doc, history_fn cb,
			       void *ctx);

/* ---- settings and change detection ---------------------------------- */

/* A small key/value table for state kept per store (the UI's last position).
 * store_setting_get stores a copy in *value (caller frees) or NULL when
 * unset; store_setting_set with value NULL unsets key. */
enum juan_status store_setting_get(struct store *s, const char *key,
				   char **value);
enum juan_status store_setting_set(struct store *s, const char *key,
				   const char *value);

/* A number that changes whenever another connection has committed a change
 * to the store since the last call (PRAGMA data_version). */
enum juan_status store_data_version(struct store *s, int64_t *version);

#endif
