/* sync_format: the shape of a changeset file, shared by its writer
 * (sync.c) and its reader (sync_import.c) — the tables of the in-memory
 * database a session records, the number of their columns and where the
 * time of a row is.  Include it before any other header: the session
 * extension's declarations in sqlite3.h need SQLITE_ENABLE_SESSION. */
#ifndef JUAN_SYNC_FORMAT_H
#define JUAN_SYNC_FORMAT_H

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

/* The tables, in the column order of the store's own codings and
 * coding_history (schema 6), which sqlite3changeset_apply() matches by
 * position. */
#define SYNC_DDL \
	"CREATE TABLE header(format INTEGER PRIMARY KEY, schema INTEGER," \
	" uid TEXT, docs INTEGER, corpus TEXT, first INTEGER, last INTEGER," \
	" made_at TEXT, codings INTEGER, history INTEGER);" \
	"CREATE TABLE codings(uid TEXT, coder TEXT, hash TEXT, scheme TEXT," \
	" theme TEXT, secondary TEXT, state TEXT, note TEXT, at TEXT," \
	" PRIMARY KEY(uid, coder, hash, scheme)) WITHOUT ROWID;" \
	"CREATE TABLE coding_history(uid TEXT, id INTEGER, hash TEXT," \
	" scheme TEXT, field TEXT, old TEXT, new TEXT, coder TEXT, at TEXT," \
	" op TEXT, PRIMARY KEY(uid, id)) WITHOUT ROWID;"

enum {
	SYNC_HEADER_COLS = 10,
	SYNC_CODINGS_COLS = 9,
	SYNC_HISTORY_COLS = 10,
	SYNC_COL_AT = 8,      /* `at` in codings and coding_history */
};

#endif
