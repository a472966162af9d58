/* sync: writing a changeset file of this store's own codings and history
 * (sync.h): the rows are read from the store and inserted into an
 * in-memory database under a session, whose changeset is the file. */
#include "sync_format.h"

#include <limits.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "juan/file.h"
#include "juan/sync.h"
#include "store_private.h"

/* The setting that remembers, per destination, the newest history row an
 * export to it held. */
#define SYNC_SETTING_PREFIX "sync.export:"

/* The history fields that belong to a coding of one scheme. */
#define CODING_FIELDS "('theme', 'secondary', 'state')"

/* Every (document, scheme name) the store codes or coded, and those of
 * them an export after history row ?1 holds (all when ?1 is 0): the
 * pairs a history row after ?1 changed, and every pair of a document
 * whose note such a row changed. */
#define SQL_PAIRS \
	"WITH ever(doc, scheme) AS (" \
	"  SELECT doc_id, scheme FROM history WHERE doc_id IS NOT NULL" \
	"   AND field IN " CODING_FIELDS \
	"  UNION SELECT dt.doc_id, s.name FROM doc_tags dt" \
	"   JOIN schemes s ON s.id = dt.scheme_id" \
	"  UNION SELECT x.doc_id, s.name FROM doc_secondary x" \
	"   JOIN schemes s ON s.id = x.scheme_id)," \
	" pairs(doc, scheme) AS (" \
	"  SELECT doc, scheme FROM ever WHERE ?1 = 0" \
	"  UNION SELECT doc_id, scheme FROM history WHERE ?1 > 0" \
	"   AND id > ?1 AND doc_id IS NOT NULL AND field IN " CODING_FIELDS \
	"  UNION SELECT doc, scheme FROM ever WHERE ?1 > 0 AND doc IN" \
	"   (SELECT doc_id FROM history WHERE id > ?1 AND field = 'note'))," \
	" own AS (SELECT p.doc, p.scheme, s.id AS sid, coalesce(" \
	"   (SELECT coder FROM doc_tags WHERE doc_id = p.doc" \
	"    AND scheme_id = s.id)," \
	"   (SELECT max(coder) FROM doc_secondary WHERE doc_id = p.doc" \
	"    AND scheme_id = s.id)) AS owner" \
	"  FROM pairs p LEFT JOIN schemes s ON s.name = p.scheme)," \
	/* the coder of the pair now, and every coder who coded it before,   \
	 * whose coding is now none */ \
	" rows AS (SELECT doc, scheme, sid, owner, owner AS coder FROM own" \
	"   WHERE owner IS NOT NULL" \
	"  UNION SELECT o.doc, o.scheme, o.sid, o.owner, h.coder FROM own o" \
	"   JOIN history h ON h.doc_id = o.doc AND h.scheme = o.scheme" \
	"   AND h.field IN " CODING_FIELDS ")"

/* A coding per row of SQL_PAIRS: hash, scheme, coder, theme, secondary,
 * state, note, at (the newest history row of the coding or of the note,
 * else the time of the tag). */
static const char sql_codings[] =
	SQL_PAIRS
	" SELECT d.hash, r.scheme, r.coder,"
	"  CASE WHEN r.coder IS r.owner THEN coalesce((SELECT t.name"
	"   FROM doc_tags dt JOIN themes t ON t.id = dt.theme_id"
	"   WHERE dt.doc_id = r.doc AND dt.scheme_id = r.sid), '') ELSE '' END,"
	"  CASE WHEN r.coder IS r.owner THEN coalesce((SELECT"
	"   group_concat(name, char(9)) FROM (SELECT t.name"
	"   FROM doc_secondary x JOIN themes t ON t.id = x.theme_id"
	"   WHERE x.doc_id = r.doc AND x.scheme_id = r.sid ORDER BY t.name)),"
	"   '') ELSE '' END,"
	"  CASE WHEN r.coder IS r.owner THEN coalesce((SELECT state"
	"   FROM doc_tags WHERE doc_id = r.doc AND scheme_id = r.sid), '')"
	"   ELSE '' END,"
	"  CASE WHEN r.coder IS r.owner THEN coalesce((SELECT text FROM notes"
	"   WHERE doc_id = r.doc), '') ELSE '' END,"
	"  coalesce((SELECT max(at) FROM history h WHERE h.doc_id = r.doc"
	"   AND ((h.scheme = r.scheme AND h.field IN " CODING_FIELDS ")"
	"   OR h.field = 'note')), (SELECT tagged_at FROM doc_tags"
	"   WHERE doc_id = r.doc AND scheme_id = r.sid), '')"
	" FROM rows r JOIN documents d ON d.id = r.doc";

/* The notes, as codings of scheme "": of every document with a note (?1
 * is 0) or whose note a history row after ?1 changed, by its coder now
 * and, with none, by every coder who wrote it before. */
static const char sql_notes[] =
	"WITH docs(doc) AS ("
	"  SELECT doc_id FROM notes WHERE ?1 = 0"
	"  UNION SELECT doc_id FROM history WHERE id > ?1 AND field = 'note'"
	"   AND doc_id IS NOT NULL),"
	" own AS (SELECT doc, (SELECT coder FROM notes WHERE doc_id = doc)"
	"   AS owner FROM docs),"
	" rows AS (SELECT doc, owner, owner AS coder FROM own"
	"   WHERE owner IS NOT NULL"
	"  UNION SELECT o.doc, o.owner, h.coder FROM own o JOIN history h"
	"   ON h.doc_id = o.doc AND h.field = 'note')"
	" SELECT d.hash, '', r.coder, '', '', '',"
	"  CASE WHEN r.coder IS r.owner THEN coalesce((SELECT text FROM notes"
	"   WHERE doc_id = r.doc), '') ELSE '' END,"
	"  coalesce((SELECT max(at) FROM history WHERE doc_id = r.doc"
	"   AND field = 'note'), (SELECT updated_at FROM notes"
	"   WHERE doc_id = r.doc), '')"
	" FROM rows r JOIN documents d ON d.id = r.doc";

/* The history rows after ?1: id, hash, scheme, field, old, new, coder,
 * at, op. */
static const char sql_history[] =
	"SELECT h.id, coalesce(d.hash, ''), h.scheme, h.field, h.old, h.new,"
	" h.coder, h.at, h.op FROM history h LEFT JOIN documents d"
	" ON d.id = h.doc_id WHERE h.id > ?1 ORDER BY h.id";

/* The export being made. */
struct job {
	struct store *s;
	sqlite3 *mem;
	sqlite3_session *session;
	char uid[CODER_UID_SIZE];
	int64_t since;
	struct sync_export_result res;
	void *changeset;
	int size;
};

/* Records "what: <the in-memory database's message>"; JUAN_EDB. */
static enum juan_status
mem_fail(struct job *j, const char *what)
{
	store_set_error(j->s, "%s: %s", what, sqlite3_errmsg(j->mem));
	return JUAN_EDB;
}

/* The history row an export after `since` starts after, in j->since. */
static enum juan_status
resolve_since(struct job *j, const char *key, const struct sync_since *since)
{
	static const char sql_time[] =
		"SELECT coalesce((SELECT min(id) - 1 FROM history"
		" WHERE at >= ?1), (SELECT coalesce(max(id), 0) FROM history))";
	struct sync_since last = { .kind = SYNC_SINCE_LAST };
	sqlite3_stmt *stmt;
	enum juan_status rc;
	char *value = NULL;

	if (!since)
		since = &last;
	j->since = 0;
	switch (since->kind) {
	case SYNC_SINCE_ID:
		j->since = since->id > 0 ? since->id : 0;
		return JUAN_OK;
	case SYNC_SINCE_TIME:
		if (!(stmt = store_stmt(j->s, sql_time)))
			return JUAN_EDB;
		sqlite3_bind_text(stmt, 1, since->time, -1, SQLITE_STATIC);
		return store_lookup_int(j->s, stmt, &j->since, "read history");
	case SYNC_SINCE_LAST:
		break;
	}
	rc = store_setting_get(j->s, key, &value);
	if (rc == JUAN_OK && value)
		j->since = strtoll(value, NULL, 10);
	free(value);
	return rc;
}

/* The number of documents and the SHA-256 of their sorted hashes, each
 * followed by a newline: which corpus the codings are of. */
static enum juan_status
corpus_print(struct store *s, int64_t *docs, char hex[STORE_HASH_HEX])
{
	static const char sql[] = "SELECT hash FROM documents ORDER BY hash";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	uint8_t digest[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;
	int step;

	*docs = 0;
	if (!stmt)
		return JUAN_EDB;
	sha256_init(&ctx);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *h = sqlite3_column_text(stmt, 0);
		size_t len = (size_t)sqlite3_column_bytes(stmt, 0);

		sha256_update(&ctx, len, h ? h : (const unsigned char *)"");
		sha256_update(&ctx, 1, (const uint8_t *)"\n");
		(*docs)++;
	}
	sqlite3_reset(stmt);
	if (step != SQLITE_DONE)
		return store_fail(s, "read documents");
	sha256_digest(&ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	return JUAN_OK;
}

/* Inserts the one header row. */
static enum juan_status
put_header(struct job *j)
{
	static const char sql_version[] = "PRAGMA user_version";
	static const char sql_last[] =
		"SELECT coalesce(max(id), 0) FROM history";
	sqlite3_stmt *stmt = NULL, *ins = NULL;
	char corpus[STORE_HASH_HEX];
	int64_t schema = 0, docs = 0;
	enum juan_status rc;

	if (!(stmt = store_stmt(j->s, sql_version)))
		return JUAN_EDB;
	rc = store_lookup_int(j->s, stmt, &schema, "read schema version");
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(j->s, sql_last)))
		return JUAN_EDB;
	rc = store_lookup_int(j->s, stmt, &j->res.last, "read history");
	if (rc != JUAN_OK)
		return rc;
	rc = corpus_print(j->s, &docs, corpus);
	if (rc != JUAN_OK)
		return rc;
	if (sqlite3_prepare_v2(j->mem, "INSERT INTO header VALUES(?1, ?2, ?3,"
			       " ?4, ?5, ?6, ?7, datetime('now'), 0, 0)", -1, &ins,
			       NULL) != SQLITE_OK)
		return mem_fail(j, "changeset");
	sqlite3_bind_int(ins, 1, SYNC_FORMAT);
	sqlite3_bind_int64(ins, 2, schema);
	sqlite3_bind_text(ins, 3, j->uid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ins, 4, docs);
	sqlite3_bind_text(ins, 5, corpus, -1, SQLITE_STATIC);
	sqlite3_bind_int64(ins, 6, j->since);
	sqlite3_bind_int64(ins, 7, j->res.last);
	if (sqlite3_step(ins) != SQLITE_DONE)
		rc = mem_fail(j, "changeset");
	sqlite3_finalize(ins);
	return rc;
}

/* Writes the number of rows into the header, so that a file cut between
 * two rows is told from a whole one.  The session records the header's
 * insert with these final values. */
static enum juan_status
put_counts(struct job *j)
{
	sqlite3_stmt *upd = NULL;
	enum juan_status rc = JUAN_OK;

	if (sqlite3_prepare_v2(j->mem, "UPDATE header SET codings = ?1,"
			       " history = ?2", -1, &upd, NULL) != SQLITE_OK)
		return mem_fail(j, "changeset");
	sqlite3_bind_int64(upd, 1, j->res.codings);
	sqlite3_bind_int64(upd, 2, j->res.history);
	if (sqlite3_step(upd) != SQLITE_DONE)
		rc = mem_fail(j, "changeset");
	sqlite3_finalize(upd);
	return rc;
}

/* Copies every row of the store's statement sql (after j->since) into the
 * in-memory table through ins, whose first parameter is the uid and the
 * rest the columns of sql; their number in *count. */
static enum juan_status
copy_rows(struct job *j, const char *sql, const char *ins_sql, long *count)
{
	sqlite3_stmt *stmt = store_stmt(j->s, sql), *ins = NULL;
	enum juan_status rc = JUAN_OK;
	int step, ncol;

	*count = 0;
	if (!stmt)
		return JUAN_EDB;
	if (sqlite3_prepare_v2(j->mem, ins_sql, -1, &ins, NULL) != SQLITE_OK) {
		rc = mem_fail(j, "changeset");
		goto done;
	}
	sqlite3_bind_int64(stmt, 1, j->since);
	ncol = sqlite3_column_count(stmt);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		sqlite3_bind_text(ins, 1, j->uid, -1, SQLITE_STATIC);
		for (int c = 0; c < ncol; c++)
			sqlite3_bind_value(ins, c + 2,
					   sqlite3_column_value(stmt, c));
		if (sqlite3_step(ins) != SQLITE_DONE) {
			rc = mem_fail(j, "changeset");
			goto done;
		}
		sqlite3_reset(ins);
		(*count)++;
	}
	if (step != SQLITE_DONE)
		rc = store_fail(j->s, "read codings");
done:
	sqlite3_reset(stmt);
	sqlite3_finalize(ins);
	return rc;
}

/* Fills the in-memory database under the session and takes its
 * changeset. */
static enum juan_status
make_changeset(struct job *j)
{
	static const char ins_coding[] =
		"INSERT INTO codings VALUES(?1, ?4, ?2, ?3, ?5, ?6, ?7, ?8, ?9)";
	static const char ins_history[] =
		"INSERT INTO coding_history VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		" ?8, ?9, ?10)";
	enum juan_status rc;
	long notes = 0;

	if (sqlite3_open_v2(":memory:", &j->mem, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK ||
	    sqlite3_exec(j->mem, "PRAGMA journal_mode = OFF;" SYNC_DDL, NULL,
			 NULL, NULL) != SQLITE_OK)
		return mem_fail(j, "changeset");
	if (sqlite3session_create(j->mem, "main", &j->session) != SQLITE_OK ||
	    sqlite3session_attach(j->session, NULL) != SQLITE_OK)
		return mem_fail(j, "changeset session");
	if (sqlite3_exec(j->mem, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return mem_fail(j, "changeset");
	rc = put_header(j);
	if (rc == JUAN_OK)
		rc = copy_rows(j, sql_codings, ins_coding, &j->res.codings);
	if (rc == JUAN_OK)
		rc = copy_rows(j, sql_notes, ins_coding, &notes);
	if (rc == JUAN_OK)
		rc = copy_rows(j, sql_history, ins_history, &j->res.history);
	if (rc != JUAN_OK)
		return rc;
	j->res.codings += notes;
	rc = put_counts(j);
	if (rc != JUAN_OK)
		return rc;
	if (sqlite3_exec(j->mem, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return mem_fail(j, "changeset");
	if (sqlite3session_changeset(j->session, &j->size,
				     &j->changeset) != SQLITE_OK)
		return mem_fail(j, "changeset");
	return JUAN_OK;
}

static enum juan_status
fill(FILE *out, void *ctx)
{
	struct job *j = ctx;

	if (j->size > 0 &&
	    fwrite(j->changeset, 1, (size_t)j->size, out) != (size_t)j->size)
		return JUAN_EIO;
	return JUAN_OK;
}

/* The setting key of destination path: SYNC_SETTING_PREFIX and path with
 * its directory made absolute and resolved.  Caller frees; NULL when out
 * of memory or the directory cannot be resolved. */
static char *
destination_key(const char *path)
{
	char *a = strdup(path), *b = strdup(path), *dir, *key = NULL;
	char real[PATH_MAX];
	size_t size;

	if (!a || !b)
		goto done;
	dir = dirname(a);
	if (!realpath(dir, real))
		goto done;
	size = sizeof(SYNC_SETTING_PREFIX) + strlen(real) + strlen(b) + 2;
	if ((key = malloc(size)))
		snprintf(key, size, "%s%s/%s", SYNC_SETTING_PREFIX, real,
			 basename(b));
done:
	free(a);
	free(b);
	return key;
}

enum juan_status
sync_export(struct store *s, const char *path, const struct sync_since *since,
	    struct sync_export_result *res)
{
	struct job j = { .s = s };
	struct file_guard guard = { .n = 0 };
	char err[1024], last[32];
	char *key = destination_key(path);
	enum juan_status rc;

	if (res)
		memset(res, 0, sizeof(*res));
	if (!key) {
		store_set_error(s, "%s: cannot resolve its directory", path);
		rc = JUAN_EIO;
		goto done;
	}
	rc = coders_self_uid(s, j.uid);
	if (rc == JUAN_OK)
		rc = resolve_since(&j, key, since);
	if (rc == JUAN_OK)
		rc = make_changeset(&j);
	if (rc != JUAN_OK)
		goto done;
	j.res.first = j.since;
	memcpy(j.res.uid, j.uid, sizeof(j.uid));
	store_guard(s, &guard);
	rc = file_write(path, &guard, fill, &j, err, sizeof(err));
	if (rc != JUAN_OK) {
		store_set_error(s, "%s", err[0] ? err : "write failed");
		goto done;
	}
	if (!store_is_readonly(s)) {
		snprintf(last, sizeof(last), "%lld", (long long)j.res.last);
		rc = store_setting_set(s, key, last);
	}
	if (res)
		*res = j.res;
done:
	sqlite3_free(j.changeset);
	if (j.session)
		sqlite3session_delete(j.session);
	sqlite3_close(j.mem);
	free(key);
	return rc;
}
