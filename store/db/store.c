/* store: the core every other store file calls — connecting to the SQLite
 * file, migrating its schema, closing it; the statement cache, transactions
 * and error reporting.  Calls no other store file: store_open() (open.c)
 * puts the connection, the search module's registrations and the default
 * themes together. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/array.h"
#include "juan/path.h"
#include "store_private.h"

/* Each entry migrates the schema from version i to i+1.  Never edit an entry
 * once released: add the next one. */
static const char *const migrations[] = {
	/* 0 → 1 */
	"CREATE TABLE themes("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  key TEXT NOT NULL UNIQUE,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  position INTEGER NOT NULL);"
	"CREATE TABLE documents("
	"  id INTEGER PRIMARY KEY,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  path TEXT NOT NULL,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  issuer TEXT NOT NULL DEFAULT '',"
	"  date TEXT NOT NULL DEFAULT '',"
	"  docno TEXT NOT NULL DEFAULT '',"
	"  published TEXT NOT NULL DEFAULT '',"
	"  topic TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  head TEXT NOT NULL DEFAULT '',"
	"  body TEXT NOT NULL DEFAULT '',"
	"  tail TEXT NOT NULL DEFAULT '',"
	"  imported_at TEXT NOT NULL DEFAULT (datetime('now')),"
	"  updated_at TEXT NOT NULL DEFAULT (datetime('now')));"
	/* The ids alone, in order: listing every document (the browser's first
	 * screen, Esc) scans this instead of the wide rows of documents, ten
	 * times faster at 100,000 documents. */
	"CREATE INDEX documents_id ON documents(id);"
	/* every path a document was read from; the first is documents.path */
	"CREATE TABLE doc_paths("
	"  path TEXT PRIMARY KEY,"
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE"
	") WITHOUT ROWID;"
	"CREATE INDEX doc_paths_doc ON doc_paths(doc_id);"
	"CREATE TABLE sections("
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  level INTEGER NOT NULL,"
	"  rank INTEGER NOT NULL,"
	"  label TEXT NOT NULL,"
	"  title TEXT NOT NULL,"
	"  start INTEGER NOT NULL,"
	"  end INTEGER NOT NULL,"
	"  PRIMARY KEY(doc_id, seq)"
	") WITHOUT ROWID;"
	"CREATE TABLE doc_themes("
	"  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
	"  theme_id INTEGER NOT NULL REFERENCES themes(id),"
	"  tagged_at TEXT NOT NULL DEFAULT (datetime('now')));"
	"CREATE INDEX doc_themes_theme ON doc_themes(theme_id, doc_id);"
	/* Theme names, not ids: the audit must outlive a replaced theme set.
	 * state, for op = 'tag': 0 applied, 1 undone (can be redone),
	 * 2 undone and forgotten by a later change. */
	"CREATE TABLE history("
	"  id INTEGER PRIMARY KEY,"
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  old_theme TEXT NOT NULL DEFAULT '',"
	"  new_theme TEXT NOT NULL DEFAULT '',"
	"  at TEXT NOT NULL DEFAULT (datetime('now')),"
	"  op TEXT NOT NULL CHECK (op IN ('tag', 'undo', 'redo')),"
	"  state INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX history_doc ON history(doc_id);"
	"CREATE TABLE settings("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;"
	/* External content: the text is stored once, in documents.  prefix='1'
	 * indexes every token's first character too, which makes a query of
	 * one Chinese character ("字"*, see tokenize.c) one lookup instead of
	 * a merge of every bigram that starts with it. */
	"CREATE VIRTUAL TABLE doc_fts USING fts5("
	"  title, body, content='documents', content_rowid='id',"
	"  tokenize='juan', prefix='1');",

	/* 1 → 2: schemes.  The one theme set becomes a scheme named after the
	 * shipped set it came from (told by a theme only that set has), else
	 * "themes"; its themes, tags (with their time) and history move over
	 * unchanged, ids kept.  A new store has no themes yet: no scheme, the
	 * seed loads one. */
	"CREATE TABLE schemes("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  active INTEGER NOT NULL DEFAULT 0,"
	"  removed INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL DEFAULT (datetime('now')));"
	"CREATE UNIQUE INDEX schemes_active ON schemes(active) WHERE active;"
	"INSERT INTO schemes(id, name, active) SELECT 1, CASE"
	"  WHEN EXISTS (SELECT 1 FROM themes WHERE name = '国务院组织机构')"
	"  THEN 'gov-topics'"
	"  WHEN EXISTS (SELECT 1 FROM themes WHERE name = '教师队伍')"
	"  THEN 'education' ELSE 'themes' END, 1"
	" WHERE EXISTS (SELECT 1 FROM themes);"
	"ALTER TABLE themes RENAME TO themes_v1;"
	/* A retired theme left its scheme's file: kept for its documents and
	 * the history, its key free for others. */
	"CREATE TABLE themes("
	"  id INTEGER PRIMARY KEY,"
	"  scheme_id INTEGER NOT NULL REFERENCES schemes(id),"
	"  name TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  position INTEGER NOT NULL,"
	"  parent_id INTEGER REFERENCES themes(id),"
	"  retired INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE(scheme_id, name));"
	"CREATE UNIQUE INDEX themes_key ON themes(scheme_id, key)"
	" WHERE NOT retired;"
	"INSERT INTO themes(id, scheme_id, name, key, description, position)"
	" SELECT id, 1, name, key, description, position FROM themes_v1;"
	/* One row per document and scheme that has a main theme or a state. */
	"CREATE TABLE doc_tags("
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  scheme_id INTEGER NOT NULL REFERENCES schemes(id),"
	"  theme_id INTEGER REFERENCES themes(id),"
	"  state TEXT NOT NULL DEFAULT ''"
	"   CHECK (state IN ('', 'none', 'unsure')),"
	"  coder TEXT NOT NULL DEFAULT '',"
	"  tagged_at TEXT NOT NULL DEFAULT (datetime('now')),"
	"  PRIMARY KEY(doc_id, scheme_id)) WITHOUT ROWID;"
	"CREATE INDEX doc_tags_theme ON doc_tags(scheme_id, theme_id, doc_id);"
	"INSERT INTO doc_tags(doc_id, scheme_id, theme_id, tagged_at)"
	" SELECT doc_id, 1, theme_id, tagged_at FROM doc_themes;"
	"CREATE TABLE doc_secondary("
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  theme_id INTEGER NOT NULL REFERENCES themes(id),"
	"  scheme_id INTEGER NOT NULL REFERENCES schemes(id),"
	"  coder TEXT NOT NULL DEFAULT '',"
	"  tagged_at TEXT NOT NULL DEFAULT (datetime('now')),"
	"  PRIMARY KEY(doc_id, theme_id)) WITHOUT ROWID;"
	"CREATE INDEX doc_secondary_theme ON doc_secondary(theme_id, doc_id);"
	"CREATE INDEX doc_secondary_scheme ON doc_secondary(scheme_id, doc_id);"
	"CREATE TABLE notes("
	"  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL,"
	"  coder TEXT NOT NULL DEFAULT '',"
	"  updated_at TEXT NOT NULL DEFAULT (datetime('now')));"
	"DROP TABLE doc_themes;"
	"DROP TABLE themes_v1;"
	/* Rows of one change share `change`; field says what a row changed.
	 * state, for op = 'tag': 0 applied, 1 undone (can be redone), 2 undone
	 * and forgotten by a later change, or skipped as no longer fitting. */
	"DROP INDEX history_doc;"
	"ALTER TABLE history RENAME TO history_v1;"
	"CREATE TABLE history("
	"  id INTEGER PRIMARY KEY,"
	"  change INTEGER NOT NULL,"
	"  doc_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,"
	"  scheme TEXT NOT NULL DEFAULT '',"
	"  field TEXT NOT NULL CHECK (field IN"
	"   ('theme', 'secondary', 'state', 'note', 'scheme')),"
	"  old TEXT NOT NULL DEFAULT '',"
	"  new TEXT NOT NULL DEFAULT '',"
	"  coder TEXT NOT NULL DEFAULT '',"
	"  at TEXT NOT NULL DEFAULT (datetime('now')),"
	"  op TEXT NOT NULL CHECK (op IN ('tag', 'undo', 'redo')),"
	"  state INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO history(id, change, doc_id, scheme, field, old, new, at,"
	" op, state) SELECT h.id, h.id, h.doc_id,"
	" coalesce((SELECT name FROM schemes WHERE id = 1), ''), 'theme',"
	" h.old_theme, h.new_theme, h.at, h.op, h.state FROM history_v1 h;"
	"DROP TABLE history_v1;"
	"CREATE INDEX history_doc ON history(doc_id);"
	"CREATE INDEX history_step ON history(op, state, change);"
	"CREATE INDEX history_change ON history(change);"
	"CREATE INDEX history_at ON history(at);",

	/* 2 → 3: the fields a query narrows by, beside the ids: date ranges
	 * (year:, date:) read this index instead of the documents' wide rows,
	 * and a query on these fields alone reads nothing else. */
	("CREATE INDEX documents_meta ON documents(date, issuer, docno, topic,"
	 " title);"),

	/* 3 → 4: no prefix index.  The tokenizer gives each distinct character
	 * of a column a mark token instead (tokenize.h), which a query of one
	 * character looks up: 30% less import CPU and a 20% smaller store.
	 * The index is rebuilt from the stored text, to have the marks. */
	"DROP TABLE doc_fts;"
	"CREATE VIRTUAL TABLE doc_fts USING fts5("
	"  title, body, content='documents', content_rowid='id',"
	"  tokenize='juan');"
	"INSERT INTO doc_fts(doc_fts) VALUES('rebuild');",

	/* 4 → 5: suggestions.  One saved model per scheme (store/suggest/),
	 * with the feature version it was built with and the tags it was
	 * trained on (their number and the last history row), so that a stale
	 * one is told apart; a history row made by accepting a suggestion is
	 * marked accepted. */
	"CREATE TABLE suggest_models("
	"  scheme_id INTEGER PRIMARY KEY REFERENCES schemes(id),"
	"  version INTEGER NOT NULL,"
	"  tags INTEGER NOT NULL,"
	"  last INTEGER NOT NULL,"
	"  trained_at TEXT NOT NULL DEFAULT (datetime('now')),"
	"  model BLOB NOT NULL);"
	"ALTER TABLE history ADD COLUMN accepted INTEGER NOT NULL DEFAULT 0;",

	/* 5 → 6: a team on one corpus.  The store's random id (setting
	 * store.uid) tells its coders from namesakes in other stores.  Other
	 * coders' codings and history, brought by a changeset, are kept per
	 * coder (uid, name) and keyed by the document's hash and by names of
	 * schemes and themes, never by local ids: a coding of a document not
	 * imported yet waits for it, and nothing of this store's own coding is
	 * overwritten.  A coding settled by adopting another coder's names its
	 * origin in history.source. */
	"INSERT OR IGNORE INTO settings(key, value)"
	" VALUES('store.uid', lower(hex(randomblob(8))));"
	"CREATE TABLE codings("
	"  uid TEXT NOT NULL,"
	"  coder TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  scheme TEXT NOT NULL,"
	"  theme TEXT NOT NULL DEFAULT '',"
	"  secondary TEXT NOT NULL DEFAULT '',"
	"  state TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  at TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY(uid, coder, hash, scheme)) WITHOUT ROWID;"
	"CREATE INDEX codings_doc ON codings(hash, scheme);"
	"CREATE TABLE coding_history("
	"  uid TEXT NOT NULL,"
	"  id INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  scheme TEXT NOT NULL DEFAULT '',"
	"  field TEXT NOT NULL,"
	"  old TEXT NOT NULL DEFAULT '',"
	"  new TEXT NOT NULL DEFAULT '',"
	"  coder TEXT NOT NULL DEFAULT '',"
	"  at TEXT NOT NULL DEFAULT '',"
	"  op TEXT NOT NULL DEFAULT 'tag',"
	"  PRIMARY KEY(uid, id)) WITHOUT ROWID;"
	"ALTER TABLE history ADD COLUMN source TEXT NOT NULL DEFAULT '';",

	/* 6 → 7: why the parse of each document is unsure (doc_doubts(), as
	 * parse_doubts_join() writes them: `code<TAB>detail` lines, "" when
	 * it is not), for the query language's parse:.  Import stores them;
	 * the documents of an older store are parsed again from their text
	 * here (juan_doubts(), registered with the search functions), and
	 * only the rows of unsure ones are written.  A mojibake repair is not
	 * in the stored text: only an import says it. */
	"ALTER TABLE documents ADD COLUMN doubts TEXT NOT NULL DEFAULT '';"
	"WITH found(doc, v) AS MATERIALIZED (SELECT id,"
	" juan_doubts(head, body, tail) FROM documents)"
	" UPDATE documents SET doubts = v FROM found"
	" WHERE id = doc AND v <> '';",

	/* 7 → 8: the top
	 * suggestion of each document without a main theme, per scheme, as
	 * the saved model gives it, for the query language's suggested: and
	 * confidence: (store/suggest/suggest_sql.c); suggest_models.tops says
	 * that they are this model's (a model saved anew resets it). */
	"CREATE TABLE suggest_tops("
	"  scheme_id INTEGER NOT NULL REFERENCES schemes(id) ON DELETE CASCADE,"
	"  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  theme_id INTEGER,"
	"  confidence REAL NOT NULL,"
	"  PRIMARY KEY(scheme_id, doc_id)) WITHOUT ROWID;"
	"ALTER TABLE suggest_models ADD COLUMN tops INTEGER NOT NULL DEFAULT 0;",

	/* 8 → 9: a smaller store (issue 12).  The body first in the search
	 * index: FTS5 marks every document's list of positions of a term in
	 * any column but the first with two bytes, so the body, which has
	 * nearly all of them, goes first: the index is a quarter smaller.
	 * Rebuilt from the stored text.  No sections table: a document's
	 * outline is parsed again from its text when it is read (a fraction of
	 * a millisecond), instead of a copy of every heading (a fifth of the
	 * text's size) written at import. */
	"DROP TABLE sections;"
	"DROP TABLE doc_fts;"
	"CREATE VIRTUAL TABLE doc_fts USING fts5("
	"  body, title, content='documents', content_rowid='id',"
	"  tokenize='juan');"
	"INSERT INTO doc_fts(doc_fts) VALUES('rebuild');",

	/* 9 → 10: sorting walks indexes instead of sorting every row (docs.c,
	 * sort_parts): one per text key, in (key, id) order; and the
	 * documents of each state of a scheme in id order, with the main
	 * theme for "tagged". */
	"CREATE INDEX documents_date ON documents(date);"
	"CREATE INDEX documents_issuer ON documents(issuer);"
	"CREATE INDEX documents_docno ON documents(docno);"
	"CREATE INDEX documents_title ON documents(title);"
	"CREATE INDEX doc_tags_state ON doc_tags(scheme_id, state, doc_id,"
	" theme_id);",

	/* 10 → 11: the text is stored packed (pack.h): each part of a
	 * document of 128 bytes or more an LZ4 block when that is smaller,
	 * which makes the store about a fifth smaller.  The search index reads
	 * the body through doc_text, which unpacks it (juan_text(), registered
	 * before migrating), and is rebuilt from it: an external-content
	 * table's source is fixed when it is made. */
	"UPDATE documents SET head = juan_pack(head), body = juan_pack(body),"
	" tail = juan_pack(tail);"
	"CREATE VIEW doc_text(id, body, title) AS"
	" SELECT id, juan_text(body), title FROM documents;"
	"DROP TABLE doc_fts;"
	"CREATE VIRTUAL TABLE doc_fts USING fts5("
	"  body, title, content='doc_text', content_rowid='id',"
	"  tokenize='juan');"
	"INSERT INTO doc_fts(doc_fts) VALUES('rebuild');",

	/* 11 → 12: the titles' own search index, for the title hits of a
	 * search of more than SEARCH_RANK_MAX hits (search.c, order_hits).
	 * doc_fts has the body first, so its column filter title : (…) reads
	 * every body position of every hit to reach the title's; this index
	 * has the titles alone (about 0.3% of the store; no column sizes,
	 * which nothing reads).  Built from the stored titles. */
	"CREATE VIRTUAL TABLE title_fts USING fts5("
	"  title, content='documents', content_rowid='id',"
	"  tokenize='juan', columnsize=0);"
	"INSERT INTO title_fts(title_fts) VALUES('rebuild');",
};

#define SCHEMA_VERSION ((int)(sizeof(migrations) / sizeof(migrations[0])))

void
store_set_error(struct store *s, const char *fmt, ...)
{
	va_list ap;

	size_t cut = sizeof(s->err) - 4;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s->err, sizeof(s->err), fmt, ap);
	va_end(ap);
	if (n < (int)sizeof(s->err))
		return;
	/* too long: cut on a character's start and say so with "…" */
	while (cut > 0 && ((unsigned char)s->err[cut] & 0xC0) == 0x80)
		cut--;
	memcpy(s->err + cut, "\xE2\x80\xA6", 4);
}

enum juan_status
store_fail(struct store *s, const char *what)
{
	store_set_error(s, "%s: %s", what, sqlite3_errmsg(s->db));
	return JUAN_EDB;
}

const char *
store_error(const struct store *s)
{
	return s->err;
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

bool
store_is_readonly(const struct store *s)
{
	return s->readonly;
}

void
store_guard(const struct store *s, struct file_guard *g)
{
	static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
	size_t len = strlen(s->path), i;
	char *name = malloc(len + sizeof("-journal"));

	file_guard_add_id(g, s->file);
	for (i = 0; name && i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		memcpy(name, s->path, len);
		strcpy(name + len, suffixes[i]);
		file_guard_add(g, name);
	}
	free(name);
}

sqlite3_stmt *
store_stmt(struct store *s, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int i;

	for (i = 0; i < s->nstmts; i++) {
		if (s->stmts[i].sql == sql) {
			stmt = s->stmts[i].stmt;
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			return stmt;
		}
	}
	if (s->nstmts == STORE_STMT_MAX) {
		store_set_error(s, "statement cache full (raise STORE_STMT_MAX)");
		return NULL;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &stmt, NULL) != SQLITE_OK) {
		store_fail(s, "prepare");
		return NULL;
	}
	s->stmts[s->nstmts].sql = sql;
	s->stmts[s->nstmts].stmt = stmt;
	s->nstmts++;
	return stmt;
}

enum juan_status
store_run(struct store *s, sqlite3_stmt *stmt, const char *what)
{
	int step = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	return step == SQLITE_DONE ? JUAN_OK : store_fail(s, what);
}

enum juan_status
store_lookup_int(struct store *s, sqlite3_stmt *stmt, int64_t *out,
		 const char *what)
{
	int step = sqlite3_step(stmt);
	enum juan_status rc = JUAN_OK;

	if (step == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (step == SQLITE_DONE)
		rc = JUAN_ENOTFOUND;
	else
		rc = store_fail(s, what);
	sqlite3_reset(stmt);
	return rc;
}

enum juan_status
store_collect_rows(struct store *s, sqlite3_stmt *stmt, void **v, size_t *n,
		   size_t elem, store_row_fn read, const char *what)
{
	size_t cap = 0;
	enum juan_status rc = JUAN_OK;
	char *grown;
	int step;

	*v = NULL;
	*n = 0;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		grown = array_reserve(*v, &cap, *n + 1, elem);
		if (!grown) {
			rc = JUAN_ENOMEM;
			break;
		}
		*v = grown;
		memset(grown + *n * elem, 0, elem);
		rc = read(stmt, grown + (*n)++ * elem);
		if (rc != JUAN_OK)
			break;
	}
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "%s: out of memory", what);
	else if (rc != JUAN_OK)
		store_set_error(s, "%s: a value the store should not hold", what);
	else if (step != SQLITE_DONE)
		rc = store_fail(s, what);
	sqlite3_reset(stmt);
	return rc;
}

static enum juan_status
read_id(sqlite3_stmt *stmt, void *out)
{
	*(int64_t *)out = sqlite3_column_int64(stmt, 0);
	return JUAN_OK;
}

static enum juan_status
read_text(sqlite3_stmt *stmt, void *out)
{
	*(char **)out = store_column_dup(stmt, 0);
	return *(char **)out ? JUAN_OK : JUAN_ENOMEM;
}

enum juan_status
store_collect_ids(struct store *s, sqlite3_stmt *stmt, int64_t **ids,
		  size_t *n, const char *what)
{
	enum juan_status rc;

	rc = store_collect_rows(s, stmt, (void **)ids, n, sizeof(**ids),
				read_id, what);
	if (rc != JUAN_OK) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

enum juan_status
store_collect_texts(struct store *s, sqlite3_stmt *stmt, char ***texts,
		    size_t *n, const char *what)
{
	enum juan_status rc;

	rc = store_collect_rows(s, stmt, (void **)texts, n, sizeof(**texts),
				read_text, what);
	if (rc != JUAN_OK) {
		store_texts_free(*texts, *n);
		*texts = NULL;
		*n = 0;
	}
	return rc;
}

void
store_texts_free(char **texts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

char *
store_column_dup(sqlite3_stmt *stmt, int col)
{
	const unsigned char *text = sqlite3_column_text(stmt, col);
	int len = sqlite3_column_bytes(stmt, col);
	char *copy = malloc((size_t)len + 1);

	if (!copy)
		return NULL;
	if (text)
		memcpy(copy, text, (size_t)len);
	copy[len] = '\0';
	return copy;
}

static enum juan_status
exec(struct store *s, const char *sql, const char *what)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, what);
	return JUAN_OK;
}

/* JUAN_OK when s may be written: not read-only, and its path still names
 * the file it opened. */
static enum juan_status
check_writable(struct store *s)
{
	struct file_id now;

	if (s->readonly) {
		store_set_error(s, "the store is read-only (this user cannot "
				"write the file or its directory); nothing "
				"was changed");
		return JUAN_EREADONLY;
	}
	if (file_identify(s->path, &now) != 0 || now.dev != s->file.dev ||
	    now.ino != s->file.ino) {
		store_set_error(s, "the store file was deleted or moved since "
				"juan opened it; nothing was saved");
		return JUAN_EGONE;
	}
	return JUAN_OK;
}

enum juan_status
store_begin(struct store *s)
{
	enum juan_status rc = check_writable(s);

	if (rc != JUAN_OK)
		return rc;
	return exec(s, "BEGIN IMMEDIATE", "begin transaction");
}

enum juan_status
store_commit(struct store *s)
{
	return exec(s, "COMMIT", "commit");
}

enum juan_status
store_rollback(struct store *s)
{
	if (sqlite3_get_autocommit(s->db))
		return JUAN_OK;
	return exec(s, "ROLLBACK", "rollback");
}

enum juan_status
store_write(struct store *s, enum juan_status (*fn)(struct store *, void *),
	    void *ctx)
{
	enum juan_status rc;

	if (!sqlite3_get_autocommit(s->db))
		return fn(s, ctx);
	rc = store_begin(s);
	if (rc != JUAN_OK)
		return rc;
	rc = fn(s, ctx);
	if (rc == JUAN_OK)
		rc = store_commit(s);
	if (rc != JUAN_OK)
		store_rollback(s);
	return rc;
}

char *
store_default_path(void)
{
	const char *env = getenv("JUAN_DB");

	if (env != NULL && *env != '\0')
		return strdup(env);
	return path_xdg("XDG_DATA_HOME", ".local/share", "juan/juan.db");
}

/* mkdir -p for the directory part of path; new directories get mode 0700
 * because a store can hold documents that are not yet public. */
static int
make_parent_dirs(const char *path)
{
	char *dir = strdup(path);
	char *p;
	int rc = 0;

	if (!dir)
		return -1;
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

/* The schema version of the store in *version. */
static enum juan_status
read_version(struct store *s, int *version)
{
	sqlite3_stmt *stmt = NULL;
	enum juan_status rc = JUAN_OK;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &stmt,
			       NULL) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW)
		rc = store_fail(s, "read schema version");
	else
		*version = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc;
}

static enum juan_status
refuse_newer(struct store *s, int version)
{
	store_set_error(s, "schema version %d is newer than this juan "
			"understands (%d); upgrade juan", version,
			SCHEMA_VERSION);
	return JUAN_ENEWER;
}

/* Brings the schema up to SCHEMA_VERSION.  A store that is up to date is
 * only read, so that opening it never waits behind another juan's import;
 * the write lock is taken only to migrate, and the version read again under
 * it, since another juan may have migrated in the meantime. */
/* The version whose migration packs the text (pack.h): the pages of the
 * text as it was are free once it has run. */
#define SCHEMA_PACKED 11

/* Migrates the schema in one transaction; *packed when that packed the
 * text of an existing store. */
static enum juan_status
migrate(struct store *s, store_seed_fn seed, bool *packed)
{
	enum juan_status rc;
	int version = 0;
	bool fresh;
	char pragma[64];

	rc = read_version(s, &version);
	if (rc != JUAN_OK || version == SCHEMA_VERSION)
		return rc;
	if (version > SCHEMA_VERSION)
		return refuse_newer(s, version);
	if (s->readonly) {
		store_set_error(s, "the store was made by an older juan: open it "
				"once as a user who can write it, to bring it "
				"up to date; nothing was changed");
		return JUAN_EREADONLY;
	}
	rc = store_begin(s);
	if (rc != JUAN_OK)
		return rc;
	rc = read_version(s, &version);
	if (rc != JUAN_OK)
		goto done;
	if (version > SCHEMA_VERSION) {
		rc = refuse_newer(s, version);
		goto done;
	}
	if (version == SCHEMA_VERSION)
		goto done;
	fresh = version == 0;
	*packed = !fresh && version < SCHEMA_PACKED;
	for (; version < SCHEMA_VERSION; version++) {
		rc = exec(s, migrations[version], "migrate schema");
		if (rc != JUAN_OK)
			goto done;
	}
	if (fresh && seed) {
		rc = seed(s);
		if (rc != JUAN_OK)
			goto done;
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
		 SCHEMA_VERSION);
	rc = exec(s, pragma, "set schema version");
done:
	if (rc == JUAN_OK)
		rc = store_commit(s);
	else
		store_rollback(s);
	return rc;
}

/* path as an SQLite URI file name ("file:" and path, with what a URI
 * would read as a query or an escape percent-encoded) and params ("mode=ro"
 * ...); caller frees; NULL when out of memory. */
static char *
uri_of(const char *path, const char *params)
{
	char *uri = malloc(strlen(path) * 3 + strlen(params) + 8);
	char *p = uri;

	if (!uri)
		return NULL;
	p += sprintf(p, "file:");
	for (; *path; path++) {
		if (*path == '%' || *path == '?' || *path == '#')
			p += sprintf(p, "%%%02X", (unsigned char)*path);
		else
			*p++ = *path;
	}
	sprintf(p, "?%s", params);
	return uri;
}

/* Whether this process can write the file at path and create files beside
 * it (SQLite's -wal and -shm). */
static bool
can_write(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	bool ok;

	if (access(path, W_OK) != 0)
		return false;
	if (!slash)
		return access(".", W_OK | X_OK) == 0;
	dir = strndup(path, (size_t)(slash - path) + 1);
	ok = dir && access(dir, W_OK | X_OK) == 0;
	free(dir);
	return ok;
}

/* Creates an empty file at path, mode 0600, unless one exists: SQLite
 * would create it 0644 and give its -wal and -shm the same mode. */
static int
create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	close(fd);
	return 0;
}

/* Opens s->path read-only.  With a -shm beside it (a writer has the store
 * open, or left it), mode=ro: reads go through the WAL index and see what
 * the writer commits.  Without one, mode=ro would create -wal and -shm
 * owned by this user, which could keep the store's owner from writing;
 * immutable=1 reads the file as it is and creates nothing.  mode=ro falls
 * back to immutable=1 when it cannot read. */
static int
open_readonly(struct store *s)
{
	static const char *const params[] = { "mode=ro", "mode=ro&immutable=1" };
	char *uri, *shm = malloc(strlen(s->path) + sizeof("-shm"));
	size_t i;
	int rc = SQLITE_NOMEM;

	if (!shm)
		return SQLITE_NOMEM;
	sprintf(shm, "%s-shm", s->path);
	i = access(shm, F_OK) == 0 ? 0 : 1;
	free(shm);
	for (; i < sizeof(params) / sizeof(params[0]); i++) {
		uri = uri_of(s->path, params[i]);
		if (!uri)
			return SQLITE_NOMEM;
		sqlite3_close(s->db);
		s->db = NULL;
		rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY |
				     SQLITE_OPEN_URI, NULL);
		free(uri);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(s->db, "SELECT count(*) FROM "
					  "sqlite_schema", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return rc;
	}
	return rc;
}

enum juan_status
store_connect(const char *path, struct store **out, char *err,
	      size_t errsize)
{
	struct store *s;
	enum juan_status rc;
	int open_rc;

	*out = NULL;
	s = calloc(1, sizeof(*s));
	if (!s || !(s->path = strdup(path))) {
		free(s);
		snprintf(err, errsize, "%s: out of memory", path);
		return JUAN_ENOMEM;
	}
	if (make_parent_dirs(path) != 0 || create_private(path) != 0) {
		snprintf(err, errsize, "%s: cannot open: %s", path,
			 strerror(errno));
		rc = JUAN_EIO;
		goto fail;
	}
	s->readonly = !can_write(path);
	if (s->readonly)
		open_rc = open_readonly(s);
	else
		open_rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE,
					  NULL);
	if (open_rc != SQLITE_OK) {
		snprintf(err, errsize, "%s: cannot open: %s", path,
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		rc = JUAN_EDB;
		goto fail;
	}
	if (file_identify(path, &s->file) != 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		rc = JUAN_EIO;
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 10000);
	rc = exec(s, "PRAGMA foreign_keys = ON;", "configure");
	if (rc != JUAN_OK) {
		snprintf(err, errsize, "%s: %s", path, s->err);
		goto fail;
	}
	*out = s;
	return JUAN_OK;
fail:
	store_close(&s);
	return rc;
}

enum juan_status
store_migrate(struct store *s, store_seed_fn seed)
{
	enum juan_status rc;
	bool packed = false;

	/* Migrate (or refuse a newer schema) before switching to WAL: a store
	 * that this juan refuses must be left exactly as it was. */
	rc = migrate(s, seed, &packed);
	if (rc != JUAN_OK || s->readonly)
		return rc;
	/* Packing the text freed a fifth of the file: give it back (at
	 * 10,000 documents, 1 s of the migration's 16).  VACUUM is all or nothing, and the store
	 * is whole without it, so a failure (no room for its copy, another
	 * process reading) only leaves the file as large as it was. */
	if (packed)
		sqlite3_exec(s->db, "VACUUM", NULL, NULL, NULL);
	return exec(s, "PRAGMA journal_mode = WAL;"
		       "PRAGMA synchronous = NORMAL;",
		    "configure");
}

void
store_close(struct store **sp)
{
	struct store *s = *sp;
	int i;

	if (!s)
		return;
	for (i = 0; i < s->nstmts; i++)
		sqlite3_finalize(s->stmts[i].stmt);
	sqlite3_close(s->db);
	packer_free(&s->packer);
	free(s->path);
	free(s);
	*sp = NULL;
}
