/* sync: codings travelling between stores as files — SQLite session
 * changesets, never a socket.
 *
 * A changeset file holds one store's own codings and history: a one-row
 * table header(format, schema, uid, docs, corpus, first, last, made_at,
 * codings, history: the numbers of rows that follow),
 * rows of codings(uid, coder, hash, scheme, theme, secondary, state, note,
 * at) and rows of coding_history(uid, id, hash, scheme, field, old, new,
 * coder, at, op), every one an INSERT made under a session
 * (sqlite3session_*) on an in-memory database of that shape.  Documents
 * are named by their hash (the SHA-256 of their text), schemes and themes
 * by name.  A coding is one coder's main theme, secondary themes (names,
 * sorted, separated by a tab: a theme name never holds one), state and
 * note of one document in one scheme; the note, which belongs to the
 * document, travels on each of its schemes' rows and on a row of scheme ""
 * of its own.  A document its coder untagged travels as a row with empty
 * values, so that applying a file is an upsert, never a delete.
 *
 * Importing applies a file (sqlite3changeset_apply) into this store's
 * codings and coding_history, where other coders' work is kept apart from
 * this store's own (which nothing here changes): a row already there with
 * the same values stays; one with a newer `at` replaces it; an older one
 * is kept (for equal times the greater row wins, so that any order of
 * files ends the same).  One transaction per file. */
#ifndef JUAN_SYNC_H
#define JUAN_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/coders.h"
#include "juan/status.h"

struct store;

/* The version of the file format this juan writes and the newest it
 * reads. */
#define SYNC_FORMAT 1

/* Where an export starts. */
enum sync_since_kind {
	SYNC_SINCE_LAST,    /* after what the last export to that file held
			     * (everything the first time) */
	SYNC_SINCE_ID,      /* after history row `id` (0: everything) */
	SYNC_SINCE_TIME,    /* history rows made at or after `time` */
};

struct sync_since {
	enum sync_since_kind kind;
	int64_t id;
	char time[20];      /* a store time, "YYYY-MM-DD HH:MM:SS" UTC */
};

/* What an export wrote. */
struct sync_export_result {
	long codings;       /* coding rows */
	long history;       /* history rows */
	int64_t first;      /* the history rows it holds: after first, */
	int64_t last;       /* up to last (the store's newest row) */
	char uid[CODER_UID_SIZE];
};

/* Writes into the file path (through file_write(): never over the store,
 * atomically) this store's codings and history rows changed after since
 * (NULL: SYNC_SINCE_LAST), and remembers the newest history row written
 * as the start of the next export to path (setting "sync.export:" and
 * path made absolute), unless the store is read-only.  res may be NULL.
 * JUAN_EGUARDED or JUAN_EIO, with store_error() naming the file, when it
 * cannot be written; JUAN_EDB, JUAN_ENOMEM. */
enum juan_status sync_export(struct store *s, const char *path,
			     const struct sync_since *since,
			     struct sync_export_result *res);

/* A name created by an import, "scheme" or "scheme/theme". */
struct sync_created {
	char *scheme;
	char *theme;        /* NULL: the scheme itself was created */
};

/* What an import did with one file.  Strings owned (free with
 * sync_import_result_clear()). */
struct sync_import_result {
	bool own;           /* the file came from this store: skipped */
	char uid[CODER_UID_SIZE]; /* the store that made it */
	int format;
	int schema;
	long docs;          /* documents in the store that made it */
	long codings;       /* coding rows in the file */
	long added;         /* of those, new here */
	long replaced;      /* newer than the row here, which they replaced */
	long kept;          /* the same as, or older than, the row here */
	long history;       /* history rows in the file */
	long history_added; /* of those, new here */
	long pending;       /* codings of documents this store does not have */
	bool other_corpus;  /* this store has documents, the file has
			     * codings, and no document is in both */
	struct sync_created *created; /* schemes and retired themes made */
	size_t ncreated;
	char **coders;      /* the coders' names in the file, sorted */
	size_t ncoders;
};

/* Applies the changeset file path to this store in one transaction: all of
 * it or nothing.  A file made by this store is not applied (res->own
 * true, JUAN_OK).  A scheme this store lacks is created (not active), a
 * theme its scheme lacks is created retired; both listed in res.  Codings
 * of documents not in the store are kept: they join their document when
 * it is imported (they are keyed by hash).  Applying a file twice changes
 * nothing the second time.  res is zeroed first; free it with
 * sync_import_result_clear(), also after a failure.  Fails, changing
 * nothing, with store_error() naming the file: JUAN_ENOTFOUND or JUAN_EIO
 * when it cannot be read; JUAN_EINVAL when it is not a juan changeset or
 * is damaged (truncated, corrupt, a row of another store, a name with
 * control characters); JUAN_ENEWER when a newer juan made it (its format
 * or schema is newer); JUAN_EREADONLY, JUAN_EDB, JUAN_ENOMEM. */
enum juan_status sync_import(struct store *s, const char *path,
			     struct sync_import_result *res);

/* Frees what r owns and zeroes it.  NULL-safe. */
void sync_import_result_clear(struct sync_import_result *r);

#endif
