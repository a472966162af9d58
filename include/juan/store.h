/* store: the SQLite file that holds documents, their sections, the schemes
 * (theme sets) and their themes, each document's tags per scheme (a main
 * theme, secondary themes, a review state), its note, and the history of
 * every change with the coder who made it.
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
#include "juan/qlang.h"
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
 * (either may be NULL).  Of d, the parts (head, body, tail) and the
 * metadata are stored; the sections are not (store_doc_sections()). */
enum juan_status store_put(struct store *s, const char *path, const char *text,
			   size_t len, const struct doc *d,
			   enum put_result *res, int64_t *id);

/* As store_put(), storing doubts as why the parse is unsure (the form of
 * parse_doubts_join(); "" for none).  store_put() is this with doubts
 * NULL: the doubts doc_doubts() finds in d (no mojibake repair: the
 * import, which decoded the file, knows of one).  JUAN_ENOMEM when out of
 * memory finding them. */
enum juan_status store_put_doubts(struct store *s, const char *path,
				  const char *text, size_t len,
				  const struct doc *d, const char *doubts,
				  enum put_result *res, int64_t *id);

/* Review states of a document in a scheme, besides having a main theme. */
enum tag_state {
	TAG_STATE_NONE_SET, /* no state ("" in the store and exports) */
	TAG_STATE_NONE,     /* "none": reviewed, no theme of the scheme fits */
	TAG_STATE_UNSURE,   /* "unsure": flagged for a second look */
};

/* "", "none" or "unsure"; a static string. */
const char *tag_state_name(enum tag_state st);

/* Parses "none" or "unsure" ("" and "clear": TAG_STATE_NONE_SET) into *st;
 * JUAN_EINVAL for anything else. */
enum juan_status tag_state_parse(const char *name, enum tag_state *st);

/* One document's metadata and its tags in one scheme (the active one unless
 * said otherwise), as listed and shown.  Strings are owned by the struct
 * (free with doc_info_clear()); "" when unknown. */
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
	int64_t theme_id; /* the main theme; 0 when untagged */
	char *theme_name; /* "" when untagged */
	char theme_key;   /* 0 when untagged */
	bool theme_retired; /* the main theme left the scheme's file */
	char *theme_parent; /* the main theme's parent's name; "" for none */
	char **secondary; /* names of the secondary themes, in theme order */
	size_t nsecondary;
	enum tag_state state;
	char *note;       /* "" when none (notes are per document) */
	char *doubts;     /* why its parse is unsure, as parse_doubts_join()
			   * writes it; "" when it is not */
	char *coder;      /* who last changed the tags; "" when unknown */
	char *tagged_at;  /* "YYYY-MM-DD HH:MM:SS" UTC of the last change of the
			   * tags, "" when the document has none */
};

/* Frees the strings of *info and zeroes it.  NULL-safe. */
void doc_info_clear(struct doc_info *info);

/* Fills *out with document id and its tags in the active scheme;
 * JUAN_ENOTFOUND when there is none. */
enum juan_status store_doc_info(struct store *s, int64_t id,
				struct doc_info *out);

/* As store_doc_info(), with the tags of scheme (0: the active one). */
enum juan_status store_doc_info_in(struct store *s, int64_t scheme, int64_t id,
				   struct doc_info *out);

/* The body of document id in *body (NUL-terminated, caller frees) and its
 * length in *len (may be NULL).  Section offsets refer to this text. */
enum juan_status store_doc_body(struct store *s, int64_t id, char **body,
				size_t *len);

/* The sections of document id in document order, in *out (free with
 * sections_free()) and their number in *n: its stored text parsed again
 * (doc_parse()), so the outline of the parser at hand. */
enum juan_status store_doc_sections(struct store *s, int64_t id,
				    struct section **out, size_t *n);

/* Which documents a list shows.  Fields left zero/NULL do not filter. */
struct list_query {
	const char *theme;  /* main theme name or key, in scheme */
	bool untagged;      /* only documents without a main theme */
	const char *search; /* full-text query; results ranked by relevance */
	int64_t scheme;     /* the scheme of the theme, state and tags shown;
			     * 0: the active one */
	bool todo;          /* only documents that need work: no main theme
			     * and no state, or unsure */
	const char *state;  /* only this state: "none" or "unsure" */
	/* a query in the language of qlang.h, ANDed with the fields above;
	 * its scheme: (if any) must agree with scheme */
	const char *query;
	struct list_sort sort; /* zero: relevance when words are searched,
				* else import order */
};

/* The ids of the documents q selects (q may be NULL: all), in list order
 * (q->sort; by default search rank when searching, else id), in *ids
 * (caller frees) and their number in *n.  Cheap enough for 100,000
 * documents: ids only, no text.  A malformed q->query is JUAN_EINVAL with
 * store_error() "query: column N: ..." (see qlang_parse()); a theme: or
 * scheme: the store does not have is JUAN_ENOTFOUND naming the valid
 * ones. */
enum juan_status store_list_ids(struct store *s, const struct list_query *q,
				int64_t **ids, size_t *n);

/* Calls cb for each document q selects, in list order; cb returns non-zero
 * to stop early.  info is borrowed for the duration of the call. */
typedef int (*doc_info_fn)(const struct doc_info *info, void *ctx);
enum juan_status store_list(struct store *s, const struct list_query *q,
			    doc_info_fn cb, void *ctx);

/* The ids of the documents that query (the language of qlang.h; NULL or
 * "": all) selects in the active scheme (or its scheme:), in the order
 * sort (NULL: the default), in *ids (caller frees) and their number in
 * *n.  Errors as store_list_ids(). */
enum juan_status store_query_ids(struct store *s, const char *query,
				 const struct list_sort *sort, int64_t **ids,
				 size_t *n);

/* The list order remembered for this store (the setting "list.sort") in
 * *sort; the default (zero) when none or unreadable. */
enum juan_status store_sort_get(struct store *s, struct list_sort *sort);

/* Remembers sort as this store's list order. */
enum juan_status store_sort_set(struct store *s, const struct list_sort *sort);

/* Number of documents, and of documents with a main theme in the active
 * scheme. */
enum juan_status store_counts(struct store *s, long *total, long *tagged);

/* ---- schemes ---------------------------------------------------------- */

/* One scheme with its counts (documents of the scheme). */
struct scheme_info {
	int64_t id;
	char *name;
	bool active;
	long themes;    /* themes in use */
	long retired;   /* retired themes */
	long tagged;    /* documents with a main theme */
	long secondary; /* documents with at least one secondary theme */
	long none;      /* documents in state none */
	long unsure;    /* documents in state unsure */
	long reviewed;  /* with a main theme or any state */
};

/* The schemes (removed ones left out), active first then by name, in *out
 * (free with scheme_info_free()) and their number in *n. */
enum juan_status store_schemes(struct store *s, struct scheme_info **out,
			       size_t *n);

/* Frees list[0..n) and the array.  NULL-safe. */
void scheme_info_free(struct scheme_info *list, size_t n);

/* The id of the scheme called name in *id.  JUAN_ENOTFOUND with the error
 * "no scheme 'name' (schemes: a, b)" listing the valid ones. */
enum juan_status store_scheme_id(struct store *s, const char *name,
				 int64_t *id);

/* The active scheme's id in *id; JUAN_ENOTFOUND when the store has none. */
enum juan_status store_scheme_active(struct store *s, int64_t *id);

/* The name of scheme id (0: the active one) in *name; caller frees. */
enum juan_status store_scheme_name(struct store *s, int64_t id, char **name);

/* Makes scheme id the active one (one transaction). */
enum juan_status store_scheme_activate(struct store *s, int64_t id);

/* Removes scheme id: it leaves the lists, its tags leave its documents.
 * When documents have tags in it, stores their number in *tags (may be
 * NULL) and returns JUAN_ECONFLICT without changing anything, unless force
 * is true: then every removed tag (main, secondary, state) goes into the
 * history as one change, which store_undo() reverts whole, bringing the
 * scheme back.  Nothing is deleted: loading a file under the same name
 * later revives the scheme (without its old tags).  Removing the active
 * scheme activates another (the first by name), if any. */
enum juan_status store_scheme_remove(struct store *s, int64_t id, bool force,
				     long *tags);

/* ---- coders ----------------------------------------------------------- */

/* Every change made through s from now on is recorded as made by coder
 * (copied; NULL or "": unknown).  JUAN_EINVAL for a name with control
 * characters or invalid UTF-8, or longer than 64 bytes. */
enum juan_status store_set_coder(struct store *s, const char *coder);

/* The coder set on s; borrowed; "" when none. */
const char *store_coder(const struct store *s);

/* ---- tags and history ---------------------------------------------- */

/* Every change below runs in one transaction, records one history row per
 * value it changes (one "change" that undo reverts whole) with the coder
 * and the time, and forgets what could be redone.  scheme 0 means the
 * active scheme.  A change to what the document already has records
 * nothing.  JUAN_ENOTFOUND for an unknown document or scheme; JUAN_EINVAL
 * for a theme of another scheme or a retired theme. */

/* Sets the main theme of document doc in scheme to theme_id (0 removes
 * it).  A main theme clears the state "none" and drops the theme from the
 * secondary ones. */
enum juan_status store_tag(struct store *s, int64_t scheme, int64_t doc,
			   int64_t theme_id);

/* Adds (add true) or removes theme_id as a secondary theme of document doc
 * in scheme.  Adding the main theme changes nothing; adding clears the
 * state "none". */
enum juan_status store_secondary(struct store *s, int64_t scheme, int64_t doc,
				 int64_t theme_id, bool add);

/* Sets the review state of document doc in scheme.  TAG_STATE_NONE also
 * removes the main and secondary themes (in the same change). */
enum juan_status store_set_state(struct store *s, int64_t scheme, int64_t doc,
				 enum tag_state st);

/* Sets the note of document doc ("" or NULL removes it).  JUAN_EINVAL for
 * invalid UTF-8 or control characters other than none (a note is one
 * paragraph: no newline). */
enum juan_status store_set_note(struct store *s, int64_t doc, const char *text);

/* The note of document doc in *text (caller frees; "" when none). */
enum juan_status store_note(struct store *s, int64_t doc, char **text);

/* One change for many documents (store_bulk()). */
enum bulk_op {
	BULK_THEME, /* main theme theme (as store_tag()) */
	BULK_CLEAR, /* no main theme (as store_tag() with 0) */
	BULK_STATE, /* review state state (as store_set_state()) */
	BULK_ACCEPT, /* main theme themes[i] for ids[i] (0: left as it is),
		      * each history row marked accepted (suggest.h) */
};

struct bulk_action {
	enum bulk_op op;
	int64_t theme;       /* BULK_THEME */
	enum tag_state state; /* BULK_STATE */
	const int64_t *themes; /* BULK_ACCEPT: one a document; borrowed */
};

/* Applies a to documents ids[0..n) in scheme (0: active), as the one-document
 * calls above would, in ONE transaction recorded as ONE change: one
 * store_undo() reverts it whole.  The documents that change (the others
 * already have what a gives) in *changed (caller frees; may be NULL) and
 * their number in *nchanged (may be NULL), in the order of ids.  dry_run:
 * computes the same and changes nothing (the work is rolled back).  Zero
 * documents (n == 0) is JUAN_ENOTFOUND ("no documents to change"), nothing
 * changed; an unknown document id is JUAN_ENOTFOUND and nothing changes;
 * a theme as for store_tag() (JUAN_EINVAL, JUAN_ENOTFOUND). */
enum juan_status store_bulk(struct store *s, int64_t scheme,
			    const int64_t *ids, size_t n,
			    const struct bulk_action *a, bool dry_run,
			    int64_t **changed, size_t *nchanged);

/* What an undo or redo did: the document (0 for a whole scheme), the
 * scheme's name, the field ("theme", "secondary", "state", "note",
 * "scheme") and values of its first row (old → new as the change now
 * stands), and how many rows the change had.  Strings owned (free with
 * change_clear()). */
struct change {
	int64_t doc;
	char *scheme;
	char *field;
	char *old;
	char *now;
	long rows;
};

/* Frees the strings of *c and zeroes it.  NULL-safe. */
void change_clear(struct change *c);

/* Reverts the most recent change not yet undone, whatever its kind (it
 * survives restarts: the history is in the store), and describes it in
 * *out (may be NULL).  A change that no longer fits (a value it set has
 * changed since) is skipped for good.  JUAN_ENOTFOUND when there is
 * nothing to undo. */
enum juan_status store_undo(struct store *s, struct change *out);

/* Re-applies the change most recently undone; JUAN_ENOTFOUND when none. */
enum juan_status store_redo(struct store *s, struct change *out);

/* One recorded row of a change.  Values are "" for none: theme names for
 * field "theme" and "secondary" (added: old "", removed: new ""), state
 * names for "state", note text for "note", the scheme's name for
 * "scheme" (its removal: old name, new ""). */
struct history_entry {
	int64_t id;
	int64_t change;  /* rows of one change share it */
	int64_t doc;     /* 0 for a row about a whole scheme */
	const char *scheme;
	const char *field;
	const char *old_value;
	const char *new_value;
	const char *coder;
	const char *at;  /* "YYYY-MM-DD HH:MM:SS" UTC */
	const char *op;  /* "tag" (a change), "undo" or "redo" */
	bool accepted;   /* the change accepted a suggestion (suggest.h) */
	const char *source; /* the coding it adopted, "name#uid" (settle.h);
			     * "" for none */
};

/* Which history rows to list; zero/NULL fields do not filter. */
struct history_filter {
	int64_t doc;
	const char *coder;
	const char *since;  /* "YYYY-MM-DD[ HH:MM:SS]" UTC: rows at or after */
	const char *scheme; /* scheme name */
};

/* Calls cb for every history row f selects (f may be NULL), oldest first;
 * entry is borrowed for the duration of the call; cb returns non-zero to
 * stop. */
typedef int (*history_fn)(const struct history_entry *entry, void *ctx);
enum juan_status store_history(struct store *s, const struct history_filter *f,
			       history_fn cb, void *ctx);

/* The coders the history names, sorted, in *out (caller frees each and the
 * array) and their number in *n. */
enum juan_status store_coders(struct store *s, char ***out, size_t *n);

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
