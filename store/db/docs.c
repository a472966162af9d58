/* docs: documents, their paths and search index rows; reading them back
 * one at a time or as lists, and their sections, parsed again from the
 * stored text. */
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "juan/array.h"
#include "juan/search.h"
#include "juan/themes.h"
#include "qlang_sql.h"
#include "store_private.h"

_Static_assert(STORE_HASH_HEX == 2 * SHA256_DIGEST_SIZE + 1,
	       "STORE_HASH_HEX holds a SHA-256 in hex");

void
store_hash_text(const char *text, size_t len, char hex[STORE_HASH_HEX])
{
	static const char digits[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)text);
	sha256_digest(&ctx, sizeof(digest), digest);
	for (i = 0; i < sizeof(digest); i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

/* ---- store_put ------------------------------------------------------ */

enum juan_status
packed_parts_make(struct packer *p, const char *text, const struct doc *d,
		  struct packed_parts *out)
{
	const size_t len[3] = {d->head_len, d->body_len, d->tail_len};
	enum juan_status rc = JUAN_OK;
	int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < 3 && rc == JUAN_OK; i++) {
		rc = pack_text(p, text, len[i], &out->blob[i], &out->len[i]);
		text += len[i];
	}
	return rc;
}

void
packed_parts_free(struct packed_parts *pp)
{
	int i;

	for (i = 0; i < 3; i++) {
		free(pp->blob[i]);
		pp->blob[i] = NULL;
	}
}

struct put_ctx {
	const char *path;
	const char *text;
	size_t len;
	const struct packed_parts *packed;
	const struct doc *d;
	const char *doubts;
	char hash[STORE_HASH_HEX];
	enum put_result res;
	int64_t id;
};

static const char *
meta_or_empty(const char *s)
{
	return s ? s : "";
}

/* Binds hash, title … tail, doubts as ?2 … ?13 (?1 is the id or the
 * path); head, body and tail packed as c->packed has them. */
static void
bind_doc(sqlite3_stmt *stmt, const struct put_ctx *c)
{
	const struct doc_meta *m = &c->d->meta;
	const size_t len[3] = {c->d->head_len, c->d->body_len, c->d->tail_len};
	const char *part = c->text;
	int i;

	sqlite3_bind_text(stmt, 2, c->hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, meta_or_empty(m->title), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, meta_or_empty(m->issuer), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, meta_or_empty(m->date), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, meta_or_empty(m->docno), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, meta_or_empty(m->published), -1,
			  SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, meta_or_empty(m->topic), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 9, meta_or_empty(m->source), -1,
			  SQLITE_STATIC);
	for (i = 0; i < 3; i++) {
		if (c->packed->blob[i])
			sqlite3_bind_blob64(stmt, 10 + i, c->packed->blob[i],
					    c->packed->len[i], SQLITE_STATIC);
		else
			sqlite3_bind_text64(stmt, 10 + i, part, len[i],
					    SQLITE_STATIC, SQLITE_UTF8);
		part += len[i];
	}
	sqlite3_bind_text(stmt, 13, c->doubts, -1, SQLITE_STATIC);
}

/* Adds document c->id's title and body to the search index, and its title
 * to the titles' index: the values stored in documents, as an
 * external-content FTS5 table must be given.  Single-row statements with
 * bound values, because a statement that needs a statement journal
 * (INSERT … SELECT) makes FTS5 flush its pending index data to disk at
 * every document. */
static enum juan_status
index_doc(struct store *s, const struct put_ctx *c)
{
	static const char sql[] =
		"INSERT INTO doc_fts(rowid, title, body) VALUES(?1, ?2, ?3)";
	static const char sql_title[] =
		"INSERT INTO title_fts(rowid, title) VALUES(?1, ?2)";
	const char *title = meta_or_empty(c->d->meta.title);
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->id);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	sqlite3_bind_text64(stmt, 3, c->text + c->d->head_len, c->d->body_len,
			    SQLITE_STATIC, SQLITE_UTF8);
	rc = store_run(s, stmt, "index document");
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql_title)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->id);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	return store_run(s, stmt, "index document");
}

/* Runs sql, the 'delete' of document id from an external-content FTS5
 * table (?1 the id), with the first ncols columns of old's row as the
 * values it was indexed with (?2 on). */
static enum juan_status
unindex_from(struct store *s, const char *sql, int64_t id, sqlite3_stmt *old,
	     int ncols)
{
	sqlite3_stmt *del = store_stmt(s, sql);
	int i;

	if (!del)
		return JUAN_EDB;
	sqlite3_bind_int64(del, 1, id);
	for (i = 0; i < ncols; i++)
		sqlite3_bind_value(del, i + 2, sqlite3_column_value(old, i));
	return store_run(s, del, "update search index");
}

/* Removes document c->id's current title and body from the index, and
 * its title from the titles' index. */
static enum juan_status
unindex_doc(struct store *s, const struct put_ctx *c)
{
	static const char sql_old[] =
		"SELECT title, juan_text(body) FROM documents WHERE id = ?1";
	static const char sql_delete[] =
		"INSERT INTO doc_fts(doc_fts, rowid, title, body)"
		" VALUES('delete', ?1, ?2, ?3)";
	static const char sql_delete_title[] =
		"INSERT INTO title_fts(title_fts, rowid, title)"
		" VALUES('delete', ?1, ?2)";
	sqlite3_stmt *old = store_stmt(s, sql_old);
	enum juan_status rc;

	if (!old)
		return JUAN_EDB;
	sqlite3_bind_int64(old, 1, c->id);
	if (sqlite3_step(old) != SQLITE_ROW) {
		rc = store_fail(s, "update search index");
		goto done;
	}
	rc = unindex_from(s, sql_delete, c->id, old, 2);
	if (rc == JUAN_OK)
		rc = unindex_from(s, sql_delete_title, c->id, old, 1);
done:
	sqlite3_reset(old);
	return rc;
}

/* Document ?1 was read from path ?2, which it no longer has: when that was
 * its path, it becomes the first path it still has (one it has not, when it
 * has none left). */
static const char sql_repath[] =
	"UPDATE documents SET path = coalesce((SELECT min(path) FROM doc_paths"
	" WHERE doc_id = ?1), path) WHERE id = ?1 AND path = ?2";

static enum juan_status
repath(struct store *s, int64_t id, const char *path)
{
	sqlite3_stmt *stmt = store_stmt(s, sql_repath);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);
	return store_run(s, stmt, "record path");
}

/* Records that path holds document id.  Plain single-row statements: an
 * upsert would need a statement journal, and with it FTS5 would flush its
 * pending index data at every document (see index_doc). */
static enum juan_status
add_path(struct store *s, const char *path, int64_t id)
{
	static const char sql_find[] =
		"SELECT doc_id FROM doc_paths WHERE path = ?1";
	static const char sql_insert[] =
		"INSERT INTO doc_paths(path, doc_id) VALUES(?1, ?2)";
	static const char sql_move[] =
		"UPDATE doc_paths SET doc_id = ?2 WHERE path = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql_find);
	enum juan_status rc;
	int64_t had = 0;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
	rc = store_lookup_int(s, stmt, &had, "look up path");
	if (rc == JUAN_OK && had == id)
		return JUAN_OK;
	if (rc != JUAN_OK && rc != JUAN_ENOTFOUND)
		return rc;
	stmt = store_stmt(s, rc == JUAN_OK ? sql_move : sql_insert);
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	rc = store_run(s, stmt, "record path");
	if (rc == JUAN_OK && had)
		rc = repath(s, had, path);
	return rc;
}

static enum juan_status
insert_doc(struct store *s, struct put_ctx *c)
{
	static const char sql[] =
		"INSERT INTO documents(path, hash, title, issuer, date, docno,"
		" published, topic, source, head, body, tail, doubts)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13)";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, c->path, -1, SQLITE_STATIC);
	bind_doc(stmt, c);
	rc = store_run(s, stmt, "store document");
	if (rc != JUAN_OK)
		return rc;
	c->id = sqlite3_last_insert_rowid(s->db);
	rc = add_path(s, c->path, c->id);
	if (rc == JUAN_OK)
		rc = index_doc(s, c);
	return rc;
}

static enum juan_status
update_doc(struct store *s, struct put_ctx *c)
{
	static const char sql[] =
		"UPDATE documents SET hash = ?2, title = ?3, issuer = ?4,"
		" date = ?5, docno = ?6, published = ?7, topic = ?8,"
		" source = ?9, head = ?10, body = ?11, tail = ?12,"
		" doubts = ?13, updated_at = datetime('now') WHERE id = ?1";
	sqlite3_stmt *stmt;
	enum juan_status rc;

	rc = unindex_doc(s, c);
	if (rc != JUAN_OK)
		return rc;
	stmt = store_stmt(s, sql);
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->id);
	bind_doc(stmt, c);
	rc = store_run(s, stmt, "update document");
	if (rc == JUAN_OK)
		rc = index_doc(s, c);
	return rc;
}

/* The file at c->path changed, but its document was also read from other
 * paths, whose text did not change: the path leaves that document (which
 * keeps its other paths) for a new one that inherits its tags in every
 * scheme and its note. */
static enum juan_status
split_doc(struct store *s, struct put_ctx *c)
{
	static const char sql_unlink[] = "DELETE FROM doc_paths WHERE path = ?1";
	static const char sql_theme[] =
		"INSERT INTO doc_tags(doc_id, scheme_id, theme_id, state, coder,"
		" tagged_at) SELECT ?2, scheme_id, theme_id, state, coder,"
		" tagged_at FROM doc_tags WHERE doc_id = ?1;";
	static const char sql_secondary[] =
		"INSERT INTO doc_secondary(doc_id, theme_id, scheme_id, coder,"
		" tagged_at) SELECT ?2, theme_id, scheme_id, coder, tagged_at"
		" FROM doc_secondary WHERE doc_id = ?1";
	static const char sql_note[] =
		"INSERT INTO notes(doc_id, text, coder, updated_at)"
		" SELECT ?2, text, coder, updated_at FROM notes WHERE doc_id = ?1";
	const char *const inherit[] = {sql_theme, sql_secondary, sql_note};
	size_t i;
	int64_t old = c->id;
	sqlite3_stmt *stmt = store_stmt(s, sql_unlink);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, c->path, -1, SQLITE_STATIC);
	rc = store_run(s, stmt, "record path");
	if (rc == JUAN_OK)
		rc = repath(s, old, c->path);
	if (rc == JUAN_OK)
		rc = insert_doc(s, c);
	if (rc != JUAN_OK)
		return rc;
	for (i = 0; i < 3 && rc == JUAN_OK; i++) {
		if (!(stmt = store_stmt(s, inherit[i])))
			return JUAN_EDB;
		sqlite3_bind_int64(stmt, 1, old);
		sqlite3_bind_int64(stmt, 2, c->id);
		rc = store_run(s, stmt, "keep tags");
	}
	return rc;
}

static enum juan_status
put(struct store *s, void *ctx)
{
	static const char sql_hash[] =
		"SELECT id FROM documents WHERE hash = ?1";
	static const char sql_path[] =
		"SELECT doc_id, (SELECT count(*) FROM doc_paths p"
		" WHERE p.doc_id = doc_paths.doc_id)"
		" FROM doc_paths WHERE path = ?1";
	struct put_ctx *c = ctx;
	sqlite3_stmt *stmt = store_stmt(s, sql_hash);
	enum juan_status rc;
	int64_t npaths;
	int step;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, c->hash, -1, SQLITE_STATIC);
	rc = store_lookup_int(s, stmt, &c->id, "look up document");
	if (rc == JUAN_OK) {
		c->res = PUT_UNCHANGED;
		return add_path(s, c->path, c->id);
	}
	if (rc != JUAN_ENOTFOUND)
		return rc;
	if (!(stmt = store_stmt(s, sql_path)))
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, c->path, -1, SQLITE_STATIC);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		c->id = sqlite3_column_int64(stmt, 0);
		npaths = sqlite3_column_int64(stmt, 1);
		sqlite3_reset(stmt);
		c->res = PUT_UPDATED;
		return npaths > 1 ? split_doc(s, c) : update_doc(s, c);
	}
	sqlite3_reset(stmt);
	if (step != SQLITE_DONE)
		return store_fail(s, "look up path");
	c->res = PUT_NEW;
	return insert_doc(s, c);
}

enum juan_status
store_put_doubts(struct store *s, const char *path, const char *text,
		 size_t len, const struct doc *d, const char *doubts,
		 enum put_result *res, int64_t *id)
{
	return store_put_hashed(s, path, text, len, NULL, NULL, d, doubts, res,
				id);
}

enum juan_status
store_put_hashed(struct store *s, const char *path, const char *text,
		 size_t len, const char *hash, const struct packed_parts *packed,
		 const struct doc *d, const char *doubts, enum put_result *res,
		 int64_t *id)
{
	struct put_ctx c = {path, text, len, packed, d, doubts, {0}, PUT_NEW, 0};
	struct packed_parts own = {{NULL}, {0}};
	char *found = NULL;
	enum juan_status rc;

	if (d->head_len > len || d->body_len > len - d->head_len ||
	    d->tail_len != len - d->head_len - d->body_len) {
		store_set_error(s, "%s: the parts of the document (%zu + %zu + "
				"%zu bytes) are not its text (%zu bytes)", path,
				d->head_len, d->body_len, d->tail_len, len);
		return JUAN_EINVAL;
	}
	if (doubts == NULL) {
		c.doubts = found = doc_doubts_joined(text, len, d, NULL);
		if (found == NULL) {
			store_set_error(s, "%s: out of memory", path);
			return JUAN_ENOMEM;
		}
	}
	if (hash)
		memcpy(c.hash, hash, STORE_HASH_HEX);
	else
		store_hash_text(text, len, c.hash);
	if (!packed) {
		if (!s->packer && !(s->packer = packer_new()))
			rc = JUAN_ENOMEM;
		else
			rc = packed_parts_make(s->packer, text, d, &own);
		if (rc != JUAN_OK) {
			store_set_error(s, "%s: out of memory", path);
			goto done;
		}
		c.packed = &own;
	}
	rc = store_write(s, put, &c);
done:
	packed_parts_free(&own);
	free(found);
	if (rc != JUAN_OK)
		return rc;
	if (res)
		*res = c.res;
	if (id)
		*id = c.id;
	return JUAN_OK;
}

enum juan_status
store_put(struct store *s, const char *path, const char *text, size_t len,
	  const struct doc *d, enum put_result *res, int64_t *id)
{
	return store_put_doubts(s, path, text, len, d, NULL, res, id);
}

/* ---- reading -------------------------------------------------------- */

/* A document's row with its tags in scheme ?9; the secondary themes are
 * joined by U+001F, which no theme name holds. */
#define INFO_COLUMNS \
	"SELECT d.id, d.title, d.issuer, d.date, d.docno, d.published," \
	" d.topic, d.source, d.path, d.hash, coalesce(dt.theme_id, 0)," \
	" coalesce(t.name, ''), coalesce(t.key, ''), coalesce(dt.tagged_at," \
	" (SELECT max(tagged_at) FROM doc_secondary ds WHERE ds.doc_id = d.id" \
	"  AND ds.scheme_id = ?9), '')," \
	" coalesce(t.retired, 0), coalesce(p.name, ''), coalesce(dt.state, '')," \
	" coalesce(dt.coder, (SELECT max(coder) FROM doc_secondary ds" \
	"  WHERE ds.doc_id = d.id AND ds.scheme_id = ?9), '')," \
	" coalesce((SELECT text FROM notes n WHERE n.doc_id = d.id), '')," \
	" (SELECT group_concat(name, char(31)) FROM (SELECT t2.name" \
	"  FROM doc_secondary ds JOIN themes t2 ON t2.id = ds.theme_id" \
	"  WHERE ds.doc_id = d.id AND ds.scheme_id = ?9 ORDER BY t2.position))," \
	" d.doubts" \
	" FROM documents d LEFT JOIN doc_tags dt ON dt.doc_id = d.id" \
	" AND dt.scheme_id = ?9" \
	" LEFT JOIN themes t ON t.id = dt.theme_id" \
	" LEFT JOIN themes p ON p.id = t.parent_id"

/* What a list_query selects besides its search, on the row of INFO_COLUMNS
 * (d, dt): ?1 main theme id (0: any), ?2 untagged, ?3 state (NULL: any),
 * ?4 needs work. */
#define INFO_FILTER \
	" WHERE (?1 = 0 OR dt.theme_id = ?1)" \
	" AND (NOT ?2 OR dt.theme_id IS NULL)" \
	" AND (?3 IS NULL OR dt.state = ?3)" \
	" AND (NOT ?4 OR (dt.theme_id IS NULL AND coalesce(dt.state, '') = '')" \
	"  OR dt.state = 'unsure')"

static char *
column_str(sqlite3_stmt *stmt, int col)
{
	const char *text = (const char *)sqlite3_column_text(stmt, col);

	return (char *)(text ? text : "");
}

/* The current row as a doc_info whose strings are borrowed from stmt. */
static void
row_info(sqlite3_stmt *stmt, struct doc_info *info)
{
	info->id = sqlite3_column_int64(stmt, 0);
	info->title = column_str(stmt, 1);
	info->issuer = column_str(stmt, 2);
	info->date = column_str(stmt, 3);
	info->docno = column_str(stmt, 4);
	info->published = column_str(stmt, 5);
	info->topic = column_str(stmt, 6);
	info->source = column_str(stmt, 7);
	info->path = column_str(stmt, 8);
	info->hash = column_str(stmt, 9);
	info->theme_id = sqlite3_column_int64(stmt, 10);
	info->theme_name = column_str(stmt, 11);
	info->theme_key = column_str(stmt, 12)[0];
	info->tagged_at = column_str(stmt, 13);
	info->theme_retired = sqlite3_column_int(stmt, 14) != 0;
	info->theme_parent = column_str(stmt, 15);
	tag_state_parse(column_str(stmt, 16), &info->state);
	info->coder = column_str(stmt, 17);
	info->note = column_str(stmt, 18);
	info->doubts = column_str(stmt, 20);
	info->secondary = NULL;
	info->nsecondary = 0;
}

/* Splits the U+001F-joined names of column 19 into info->secondary: one
 * block that holds the pointers and the names (one free()). */
static enum juan_status
row_secondary(sqlite3_stmt *stmt, struct doc_info *info)
{
	const char *text = (const char *)sqlite3_column_text(stmt, 19);
	size_t len, n = 1, i;
	char **v, *copy, *p;

	info->secondary = NULL;
	info->nsecondary = 0;
	if (!text || !text[0])
		return JUAN_OK;
	len = strlen(text);
	for (i = 0; i < len; i++)
		n += text[i] == 0x1f;
	v = malloc(n * sizeof(*v) + len + 1);
	if (!v)
		return JUAN_ENOMEM;
	copy = (char *)(v + n);
	memcpy(copy, text, len + 1);
	for (i = 0, p = copy; i < n; i++) {
		v[i] = p;
		p = strchr(p, 0x1f);
		if (p)
			*p++ = '\0';
	}
	info->secondary = v;
	info->nsecondary = n;
	return JUAN_OK;
}

void
doc_info_clear(struct doc_info *info)
{
	if (!info)
		return;
	free(info->title);
	free(info->issuer);
	free(info->date);
	free(info->docno);
	free(info->published);
	free(info->topic);
	free(info->source);
	free(info->path);
	free(info->hash);
	free(info->theme_name);
	free(info->tagged_at);
	free(info->theme_parent);
	free(info->coder);
	free(info->note);
	free(info->doubts);
	free(info->secondary);
	memset(info, 0, sizeof(*info));
}

/* Replaces each borrowed string of *info by a copy. */
static enum juan_status
own_info(struct doc_info *info)
{
	char **fields[] = {
		&info->title, &info->issuer, &info->date, &info->docno,
		&info->published, &info->topic, &info->source, &info->path,
		&info->hash, &info->theme_name, &info->tagged_at,
		&info->theme_parent, &info->coder, &info->note,
		&info->doubts,
	};
	size_t i, n = sizeof(fields) / sizeof(fields[0]);
	bool ok = true;

	for (i = 0; i < n; i++) {
		*fields[i] = strdup(*fields[i]);
		ok = ok && *fields[i];
	}
	if (ok)
		return JUAN_OK;
	doc_info_clear(info);
	return JUAN_ENOMEM;
}

/* The scheme whose tags a list shows: scheme itself, else the active one,
 * else 0 (a store without schemes: no tags). */
static enum juan_status
info_scheme(struct store *s, int64_t scheme, int64_t *id)
{
	enum juan_status rc = store_scheme_resolve(s, scheme, id);

	if (rc == JUAN_ENOTFOUND && scheme == 0) {
		*id = 0;
		rc = JUAN_OK;
	}
	return rc;
}

enum juan_status
store_doc_info(struct store *s, int64_t id, struct doc_info *out)
{
	return store_doc_info_in(s, 0, id, out);
}

enum juan_status
store_doc_info_in(struct store *s, int64_t scheme, int64_t id,
		  struct doc_info *out)
{
	static const char sql[] = INFO_COLUMNS " WHERE d.id = ?1";
	sqlite3_stmt *stmt;
	enum juan_status rc;
	int step;

	memset(out, 0, sizeof(*out));
	rc = info_scheme(s, scheme, &scheme);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 9, scheme);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		row_info(stmt, out);
		rc = row_secondary(stmt, out);
		if (rc == JUAN_OK)
			rc = own_info(out);
		else
			out->secondary = NULL;
		if (rc != JUAN_OK)
			store_set_error(s, "read document: out of memory");
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "no document %lld", (long long)id);
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "read document");
	}
	sqlite3_reset(stmt);
	return rc;
}

enum juan_status
store_doc_body(struct store *s, int64_t id, char **body, size_t *len)
{
	static const char sql[] =
		"SELECT juan_text(body) FROM documents WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	int step;

	*body = NULL;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, id);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		*body = store_column_dup(stmt, 0);
		if (!*body) {
			store_set_error(s, "read document: out of memory");
			rc = JUAN_ENOMEM;
		} else if (len) {
			*len = (size_t)sqlite3_column_bytes(stmt, 0);
		}
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "no document %lld", (long long)id);
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "read document");
	}
	sqlite3_reset(stmt);
	return rc;
}

enum juan_status
store_doc_sections(struct store *s, int64_t id, struct section **out,
		   size_t *n)
{
	static const char sql[] =
		"SELECT juan_text(head), juan_text(body), juan_text(tail)"
		" FROM documents WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	struct doc *d = NULL;
	char *text = NULL;
	size_t len = 0, part;
	enum juan_status rc = JUAN_OK;
	int step, i;

	*out = NULL;
	*n = 0;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, id);
	step = sqlite3_step(stmt);
	if (step == SQLITE_DONE) {
		store_set_error(s, "no document %lld", (long long)id);
		rc = JUAN_ENOTFOUND;
		goto done;
	}
	if (step != SQLITE_ROW) {
		rc = store_fail(s, "read sections");
		goto done;
	}
	for (i = 0; i < 3; i++) {
		if (!sqlite3_column_text(stmt, i)) {
			rc = JUAN_ENOMEM;
			goto done;
		}
		len += (size_t)sqlite3_column_bytes(stmt, i);
	}
	if (!(text = malloc(len + 1))) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	for (len = 0, i = 0; i < 3; i++) {
		part = (size_t)sqlite3_column_bytes(stmt, i);
		memcpy(text + len, sqlite3_column_text(stmt, i), part);
		len += part;
	}
	text[len] = '\0';
	rc = doc_parse(text, len, &d);
	if (rc == JUAN_OK) {
		*out = d->sections;
		*n = d->nsections;
		d->sections = NULL;
		d->nsections = 0;
	}
done:
	sqlite3_reset(stmt);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "read sections: out of memory");
	doc_free(&d);
	free(text);
	return rc;
}

/* ---- lists ---------------------------------------------------------- */

/* A list_query resolved: the scheme's id and the main theme's id (0 when q
 * names none). */
struct query {
	const struct list_query *q;
	int64_t scheme;
	int64_t theme;
	bool filters; /* anything but the search filters */
	bool compiled; /* q->query or q->sort: listed through c */
	struct qsql c;
};

/* Parses and compiles r->q->query into r->c, the scheme it names into
 * r->scheme. */
static enum juan_status
compile_query(struct store *s, struct query *r)
{
	struct qlang parsed;
	struct qlang_error err;
	enum juan_status rc;

	rc = qlang_parse(r->q->query, &parsed, &err);
	if (rc != JUAN_OK) {
		store_set_error(s, "query: %s", err.message);
		return rc;
	}
	rc = qsql_build(s, &parsed, r->scheme, &r->c);
	qlang_free(&parsed);
	if (rc != JUAN_OK)
		return rc;
	if (r->c.scheme && r->q->scheme && r->c.scheme != r->scheme) {
		store_set_error(s, "query: its scheme: is not the scheme asked "
				"for");
		return JUAN_EINVAL;
	}
	if (r->c.scheme)
		r->scheme = r->c.scheme;
	return JUAN_OK;
}

static enum juan_status
resolve(struct store *s, const struct list_query *q, struct query *r)
{
	static const struct list_query all = {0};
	enum juan_status rc;
	enum tag_state st;

	memset(r, 0, sizeof(*r));
	r->q = q ? q : &all;
	q = r->q;
	rc = info_scheme(s, q->scheme, &r->scheme);
	r->compiled = (q->query && q->query[0]) || q->sort.key != SORT_DEFAULT;
	if (rc == JUAN_OK && r->compiled)
		rc = compile_query(s, r);
	if (rc == JUAN_OK && q->theme)
		rc = store_theme_find(s, r->scheme, q->theme, &r->theme);
	if (rc == JUAN_OK && q->state &&
	    (tag_state_parse(q->state, &st) != JUAN_OK ||
	     st == TAG_STATE_NONE_SET)) {
		store_set_error(s, "no state '%s' (states: none, unsure)",
				q->state);
		rc = JUAN_EINVAL;
	}
	r->filters = r->theme || q->untagged || q->todo || q->state;
	return rc;
}

/* Binds the filters of r to stmt (INFO_FILTER's parameters and ?9). */
static void
bind_query(sqlite3_stmt *stmt, const struct query *r)
{
	sqlite3_bind_int64(stmt, 1, r->theme);
	sqlite3_bind_int(stmt, 2, r->q->untagged);
	if (r->q->state)
		sqlite3_bind_text(stmt, 3, r->q->state, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 4, r->q->todo);
	sqlite3_bind_int64(stmt, 9, r->scheme);
}

/* Whether document id passes the filters of r. */
static enum juan_status
doc_matches(struct store *s, const struct query *r, int64_t id, bool *match)
{
	static const char sql[] =
		"SELECT d.id FROM documents d LEFT JOIN doc_tags dt"
		" ON dt.doc_id = d.id AND dt.scheme_id = ?9" INFO_FILTER
		" AND d.id = ?5";
	sqlite3_stmt *stmt;
	enum juan_status rc;
	int64_t found;

	*match = true;
	if (!r->filters)
		return JUAN_OK;
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	bind_query(stmt, r);
	sqlite3_bind_int64(stmt, 5, id);
	rc = store_lookup_int(s, stmt, &found, "read tags");
	*match = rc == JUAN_OK;
	return rc == JUAN_ENOTFOUND ? JUAN_OK : rc;
}

/* The search hits of r that pass its filters, in rank order. */
static enum juan_status
search_list(struct store *s, const struct query *r, int64_t **ids, size_t *n)
{
	enum juan_status rc;
	size_t i, kept = 0;
	bool match;

	*ids = NULL;
	*n = 0;
	rc = search_ids(s, r->q->search, ids, n);
	if (rc != JUAN_OK) {
		*ids = NULL;
		*n = 0;
		return rc;
	}
	for (i = 0; i < *n; i++) {
		rc = doc_matches(s, r, (*ids)[i], &match);
		if (rc != JUAN_OK) {
			free(*ids);
			*ids = NULL;
			*n = 0;
			return rc;
		}
		if (match)
			(*ids)[kept++] = (*ids)[i];
	}
	*n = kept;
	return JUAN_OK;
}

/* The statement that lists what r selects (without search) in id order,
 * with the document's id in column 0 and, when info is true, the columns
 * of INFO_COLUMNS, bound.  Listing everything and listing a main theme
 * have statements of their own: they are the browser's most frequent and
 * read an index only. */
static sqlite3_stmt *
list_stmt(struct store *s, const struct query *r, bool info)
{
	static const char ids_all[] = "SELECT id FROM documents ORDER BY id";
	static const char ids_theme[] =
		"SELECT doc_id FROM doc_tags WHERE scheme_id = ?9"
		" AND theme_id = ?1 ORDER BY doc_id";
	static const char ids_filter[] =
		"SELECT d.id FROM documents d LEFT JOIN doc_tags dt"
		" ON dt.doc_id = d.id AND dt.scheme_id = ?9" INFO_FILTER
		" ORDER BY d.id";
	static const char info_all[] = INFO_COLUMNS " ORDER BY d.id";
	static const char info_filter[] = INFO_COLUMNS INFO_FILTER
		" ORDER BY d.id";
	const char *sql;
	sqlite3_stmt *stmt;

	if (!r->filters)
		sql = info ? info_all : ids_all;
	else if (!info && r->theme && !r->q->untagged && !r->q->todo &&
		 !r->q->state)
		sql = ids_theme;
	else
		sql = info ? info_filter : ids_filter;
	stmt = store_stmt(s, sql);
	if (stmt)
		bind_query(stmt, r);
	return stmt;
}

/* ---- lists by query and sort ------------------------------------------ */

/* A sort order as index walks, one statement per part, whose ids are
 * concatenated: "empty values last, ties by id" as an ORDER BY (key = '',
 * key, id) would make SQLite read every row and sort them all, while a
 * walk of an index on the key gives the rows in order (key, id) — the
 * full list of 100,000 documents in a few milliseconds instead of
 * hundreds.  So the non-empty values are one range of the key's index and
 * the empty ones another, in id order; a theme's documents come from
 * doc_tags_theme, one theme after another in name order; each state is a
 * range of doc_tags_state.  The parts of a key are disjoint and together
 * hold every row (states: the CHECK on doc_tags.state).  Descending
 * reverses every walk and the order of the parts but the empty one, which
 * stays last.
 *
 * A list without filters and query (the browser's whole list) takes the
 * plain head: no doc_tags row looked up for each document where the part
 * does not need it, no documents row where doc_tags has it (every
 * doc_tags row has its document: a foreign key, ON DELETE CASCADE); and
 * its untagged part (rest) is every id the other parts did not list.  A
 * list with a query starts from the documents, as the query's terms
 * (date ranges...) usually select few through an index of their own, and
 * sorts those few: its heads join the documents first (CROSS JOIN keeps
 * SQLite from reordering), and a unary + keeps it from walking the key's
 * index instead. */
struct sort_part {
	const char *plain; /* head without filters: ... WHERE cond */
	const char *full;  /* head that the filters follow */
	const char *query; /* head that a query follows (NULL: full) */
	const char *cond;  /* what the part selects */
	const char *by[2]; /* its order, each column in the direction */
	bool rest; /* the documents the key's other parts do not hold */
};

/* Every document, with its tags in scheme ?9 as the filters expect. */
#define FROM_DOCS \
	"SELECT d.id FROM documents d LEFT JOIN doc_tags dt" \
	" ON dt.doc_id = d.id AND dt.scheme_id = ?9"
/* The documents with a doc_tags row in scheme ?9. */
#define FROM_TAGS \
	"SELECT d.id FROM doc_tags dt JOIN documents d ON d.id = dt.doc_id"
/* The documents with a main theme of scheme ?9, and the theme t. */
#define FROM_THEMES \
	"SELECT d.id FROM themes t JOIN doc_tags dt ON dt.scheme_id = ?9" \
	" AND dt.theme_id = t.id JOIN documents d ON d.id = dt.doc_id"
/* The same two, the documents first. */
#define QUERY_TAGS \
	"SELECT d.id FROM documents d CROSS JOIN doc_tags dt" \
	" ON dt.doc_id = d.id AND dt.scheme_id = ?9"
#define QUERY_THEMES QUERY_TAGS " CROSS JOIN themes t ON t.id = dt.theme_id"
#define PLAIN_DOCS "SELECT d.id FROM documents d"
#define PLAIN_TAGS "SELECT dt.doc_id FROM doc_tags dt"
#define PLAIN_THEMES \
	"SELECT dt.doc_id FROM themes t JOIN doc_tags dt" \
	" ON dt.scheme_id = ?9 AND dt.theme_id = t.id"
#define TEXT_KEY(k) \
	{ { PLAIN_DOCS, FROM_DOCS, NULL, k " > ''", { k, "d.id" }, false }, \
	  { PLAIN_DOCS, FROM_DOCS, NULL, k " = ''", { "d.id", NULL }, false } }
#define STATE(cond) \
	{ PLAIN_TAGS, FROM_TAGS, QUERY_TAGS, "dt.scheme_id = ?9 AND " cond, \
	  { "dt.doc_id", NULL }, false }

/* The parts of each key, ascending; the last is the empty values'. */
static const struct sort_part sort_parts[][4] = {
	[SORT_DEFAULT] = { { PLAIN_DOCS, FROM_DOCS, NULL, "1",
			     { "d.id", NULL }, false } },
	[SORT_ID] = { { PLAIN_DOCS, FROM_DOCS, NULL, "1", { "d.id", NULL },
			false } },
	[SORT_DATE] = TEXT_KEY("d.date"),
	[SORT_ISSUER] = TEXT_KEY("d.issuer"),
	[SORT_DOCNO] = TEXT_KEY("d.docno"),
	[SORT_TITLE] = TEXT_KEY("d.title"),
	[SORT_THEME] = {
		{ PLAIN_THEMES, FROM_THEMES, QUERY_THEMES,
		  "t.scheme_id = ?9 AND t.name > ''",
		  { "t.name", "dt.doc_id" }, false },
		{ FROM_DOCS, FROM_DOCS, NULL, "NOT EXISTS (SELECT 1 FROM themes t"
			     " WHERE t.id = dt.theme_id AND t.scheme_id = ?9"
			     " AND t.name > '')", { "d.id", NULL }, true },
	},
	[SORT_STATE] = {
		STATE("dt.state = '' AND dt.theme_id IS NOT NULL"),
		STATE("dt.state = 'unsure'"),
		STATE("dt.state = 'none'"),
		{ FROM_DOCS, FROM_DOCS, NULL, "coalesce(dt.state, '') = ''"
			     " AND dt.theme_id IS NULL", { "d.id", NULL }, true },
	},
};

/* The number of parts of key (0 for a key out of range). */
static size_t
sort_nparts(enum sort_key key)
{
	size_t n = 0;

	if ((unsigned)key >= sizeof(sort_parts) / sizeof(sort_parts[0]))
		return 0;
	while (n < 4 && sort_parts[key][n].full)
		n++;
	return n;
}

/* Whether r lists every document: no filter, no query. */
static bool
plain_list(const struct query *r)
{
	return !r->filters && strcmp(r->c.where, "1") == 0;
}

/* The statement of part p for r, in the direction desc (caller frees);
 * NULL when out of memory. */
static char *
part_sql(const struct query *r, const struct sort_part *p, bool desc)
{
	bool plain = plain_list(r), query = strcmp(r->c.where, "1") != 0;
	const char *dir = desc ? " DESC" : "";
	const char *sorted = query ? "+" : "";
	const char *head = plain ? p->plain :
			   query && p->query ? p->query : p->full;
	size_t len = strlen(head) + sizeof(INFO_FILTER) + strlen(p->cond) +
		     strlen(r->c.where) + strlen(p->by[0]) +
		     (p->by[1] ? strlen(p->by[1]) : 0) + 64;
	char *sql = malloc(len);

	if (!sql)
		return NULL;
	snprintf(sql, len, "%s%s%s%s%s ORDER BY %s%s%s%s%s%s%s", head,
		 plain ? " WHERE " : INFO_FILTER " AND ", p->cond,
		 plain ? "" : " AND ", plain ? "" : r->c.where, sorted,
		 p->by[0], dir, p->by[1] ? ", " : "", p->by[1] ? sorted : "",
		 p->by[1] ? p->by[1] : "", p->by[1] ? dir : "");
	return sql;
}

/* The ids of part p that r's query and filters select, in the direction
 * desc, appended to (*ids)[0..*n) (room *cap). */
static enum juan_status
query_part(struct store *s, const struct query *r, const struct sort_part *p,
	   bool desc, int64_t **ids, size_t *n, size_t *cap)
{
	char *sql = part_sql(r, p, desc);
	sqlite3_stmt *stmt = NULL;
	enum juan_status rc;
	int64_t *got = NULL, *grown;
	size_t ngot = 0;

	if (!sql) {
		store_set_error(s, "list documents: out of memory");
		return JUAN_ENOMEM;
	}
	if (sqlite3_prepare_v2(s->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		free(sql);
		return store_fail(s, "list documents");
	}
	free(sql);
	bind_query(stmt, r);
	qsql_bind(&r->c, stmt);
	rc = store_collect_ids(s, stmt, &got, &ngot, "list documents");
	sqlite3_finalize(stmt);
	if (rc != JUAN_OK || ngot == 0)
		return rc;
	grown = array_reserve(*ids, cap, *n + ngot, sizeof(**ids));
	if (!grown) {
		free(got);
		store_set_error(s, "list documents: out of memory");
		return JUAN_ENOMEM;
	}
	*ids = grown;
	memcpy(*ids + *n, got, ngot * sizeof(*got));
	*n += ngot;
	free(got);
	return JUAN_OK;
}

/* Appends to (*ids)[0..*n) (room *cap) every document's id that is not
 * in it yet, in id order (desc: backwards). */
static enum juan_status
rest_ids(struct store *s, bool desc, int64_t **ids, size_t *n, size_t *cap)
{
	static const char sql[] = "SELECT id FROM documents ORDER BY id";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc;
	int64_t *all = NULL, *grown, max;
	unsigned char *seen = NULL;
	size_t nall = 0, i, j;

	if (!stmt)
		return JUAN_EDB;
	rc = store_collect_ids(s, stmt, &all, &nall, "list documents");
	if (rc != JUAN_OK || nall == 0)
		return rc;
	max = all[nall - 1];
	seen = max >= 0 ? calloc((size_t)max / 8 + 1, 1) : NULL;
	grown = seen ? array_reserve(*ids, cap, *n + nall, sizeof(**ids)) :
		NULL;
	if (!grown) {
		free(seen);
		free(all);
		store_set_error(s, "list documents: out of memory");
		return JUAN_ENOMEM;
	}
	*ids = grown;
	for (i = 0; i < *n; i++)
		if ((*ids)[i] >= 0 && (*ids)[i] <= max)
			seen[(*ids)[i] / 8] |= 1u << ((*ids)[i] % 8);
	for (j = 0; j < nall; j++) {
		int64_t id = all[desc ? nall - 1 - j : j];

		if (id < 0 || !(seen[id / 8] & 1u << (id % 8)))
			(*ids)[(*n)++] = id;
	}
	free(seen);
	free(all);
	return JUAN_OK;
}

/* The ids r's query and filters select (not its search), in its sort
 * order (id order for the default), in *ids (caller frees). */
static enum juan_status
query_set(struct store *s, const struct query *r, int64_t **ids, size_t *n)
{
	const struct list_sort *sort = &r->q->sort;
	const struct sort_part *parts;
	enum juan_status rc = JUAN_OK;
	size_t nparts = sort_nparts(sort->key), i, cap = 0;

	*ids = NULL;
	*n = 0;
	parts = sort_parts[nparts ? sort->key : SORT_ID];
	if (!nparts)
		nparts = 1;
	for (i = 0; i < nparts && rc == JUAN_OK; i++) {
		/* descending: the parts with values backwards, the empty last */
		size_t k = sort->desc && i + 1 < nparts ? nparts - 2 - i : i;

		if (parts[k].rest && plain_list(r))
			rc = rest_ids(s, sort->desc, ids, n, &cap);
		else
			rc = query_part(s, r, &parts[k], sort->desc, ids, n,
					&cap);
	}
	if (rc != JUAN_OK) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* ids[0..n) sorted by id, for member(). */
static int64_t *
sorted_copy(const int64_t *ids, size_t n)
{
	int64_t *copy = malloc((n ? n : 1) * sizeof(*copy));

	if (copy && n) {
		memcpy(copy, ids, n * sizeof(*copy));
		qsort(copy, n, sizeof(*copy), id_cmp);
	}
	return copy;
}

static bool
member(const int64_t *sorted, size_t n, int64_t id)
{
	return n && bsearch(&id, sorted, n, sizeof(id), id_cmp) != NULL;
}

/* Keeps the ids of a[0..*na) that are in b[0..nb) (in a's order), then,
 * when rest is true, appends those of b that are not in a (in b's order):
 * a's storage must hold nb more. */
static enum juan_status
keep_in(int64_t *a, size_t *na, const int64_t *b, size_t nb, bool rest)
{
	int64_t *sa = sorted_copy(a, *na), *sb = sorted_copy(b, nb);
	size_t i, kept = 0, old = *na;

	if (!sa || !sb) {
		free(sa);
		free(sb);
		return JUAN_ENOMEM;
	}
	for (i = 0; i < old; i++)
		if (member(sb, nb, a[i]))
			a[kept++] = a[i];
	for (i = 0; rest && i < nb; i++)
		if (!member(sa, old, b[i]))
			a[kept++] = b[i];
	*na = kept;
	free(sa);
	free(sb);
	return JUAN_OK;
}

/* The relevance query: the list's search and the query's words. */
static char *
rank_words(const struct query *r)
{
	const char *a = r->q->search ? r->q->search : "";
	const char *b = r->c.words ? r->c.words : "";
	size_t len = strlen(a) + strlen(b) + 2;
	char *out = malloc(len);

	if (out)
		snprintf(out, len, "%s%s%s", a, a[0] && b[0] ? " " : "", b);
	return out;
}

/* What r selects when it has a query or a sort: the SQL set in its order;
 * by relevance (the search's order) when sorted by default and there are
 * words to rank by; the list's search (q->search) a filter. */
static enum juan_status
query_list(struct store *s, const struct query *r, int64_t **ids, size_t *n)
{
	int64_t *set = NULL, *hits = NULL, *grown;
	size_t nset = 0, nhits = 0;
	enum juan_status rc;
	char *words = rank_words(r);

	*ids = NULL;
	*n = 0;
	if (!words)
		return JUAN_ENOMEM;
	rc = query_set(s, r, &set, &nset);
	if (rc == JUAN_OK && words[0] && nset > 0)
		rc = search_ids(s, words, &hits, &nhits);
	if (rc != JUAN_OK || !words[0])
		goto done;
	if (r->q->sort.key == SORT_DEFAULT) {
		/* hits in rank order, then what the index order misses */
		grown = realloc(hits, (nhits + nset + 1) * sizeof(*hits));
		if (!grown) {
			rc = JUAN_ENOMEM;
			goto done;
		}
		hits = grown;
		rc = keep_in(hits, &nhits, set, nset, !r->q->search);
		free(set);
		set = hits;
		nset = nhits;
		hits = NULL;
	} else if (r->q->search) {
		rc = keep_in(set, &nset, hits, nhits, false);
	}
done:
	free(words);
	free(hits);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "list documents: out of memory");
	if (rc != JUAN_OK) {
		free(set);
		return rc;
	}
	*ids = set;
	*n = nset;
	return JUAN_OK;
}

/* The ids r selects, in list order. */
static enum juan_status
select_ids(struct store *s, const struct query *r, int64_t **ids, size_t *n)
{
	sqlite3_stmt *stmt;

	if (r->compiled)
		return query_list(s, r, ids, n);
	if (r->q->search)
		return search_list(s, r, ids, n);
	if (!(stmt = list_stmt(s, r, false)))
		return JUAN_EDB;
	return store_collect_ids(s, stmt, ids, n, "list documents");
}

enum juan_status
store_list_ids(struct store *s, const struct list_query *q, int64_t **ids,
	       size_t *n)
{
	enum juan_status rc;
	struct query r;

	*ids = NULL;
	*n = 0;
	rc = resolve(s, q, &r);
	if (rc == JUAN_OK)
		rc = select_ids(s, &r, ids, n);
	qsql_free(&r.c);
	return rc;
}

enum juan_status
store_query_ids(struct store *s, const char *query,
		const struct list_sort *sort, int64_t **ids, size_t *n)
{
	struct list_query q = {0};

	q.query = query;
	if (sort)
		q.sort = *sort;
	return store_list_ids(s, &q, ids, n);
}

/* Calls cb with the current row of stmt; *stop is its answer. */
static enum juan_status
call_row(struct store *s, sqlite3_stmt *stmt, doc_info_fn cb, void *ctx,
	 int *stop)
{
	struct doc_info info;

	row_info(stmt, &info);
	if (row_secondary(stmt, &info) != JUAN_OK) {
		store_set_error(s, "list documents: out of memory");
		return JUAN_ENOMEM;
	}
	*stop = cb(&info, ctx);
	free(info.secondary);
	return JUAN_OK;
}

/* Calls cb for each of ids[0..n) in that order. */
static enum juan_status
list_ids(struct store *s, const struct query *r, const int64_t *ids, size_t n,
	 doc_info_fn cb, void *ctx)
{
	static const char sql[] = INFO_COLUMNS " WHERE d.id = ?1";
	enum juan_status rc = JUAN_OK;
	size_t i;

	for (i = 0; i < n && rc == JUAN_OK; i++) {
		sqlite3_stmt *stmt = store_stmt(s, sql);
		int step, stop = 0;

		if (!stmt)
			return JUAN_EDB;
		sqlite3_bind_int64(stmt, 1, ids[i]);
		sqlite3_bind_int64(stmt, 9, r->scheme);
		step = sqlite3_step(stmt);
		if (step == SQLITE_ROW)
			rc = call_row(s, stmt, cb, ctx, &stop);
		else if (step != SQLITE_DONE)
			rc = store_fail(s, "list documents");
		sqlite3_reset(stmt);
		if (stop)
			break;
	}
	return rc;
}

enum juan_status
store_list(struct store *s, const struct list_query *q, doc_info_fn cb,
	   void *ctx)
{
	sqlite3_stmt *stmt;
	enum juan_status rc;
	struct query r;
	int64_t *ids = NULL;
	size_t n = 0;
	int step = SQLITE_DONE, stop = 0;

	rc = resolve(s, q, &r);
	if (rc == JUAN_OK && (r.compiled || r.q->search)) {
		rc = select_ids(s, &r, &ids, &n);
		if (rc == JUAN_OK)
			rc = list_ids(s, &r, ids, n, cb, ctx);
		free(ids);
		qsql_free(&r.c);
		return rc;
	}
	qsql_free(&r.c);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = list_stmt(s, &r, true)))
		return JUAN_EDB;
	while (rc == JUAN_OK && !stop &&
	       (step = sqlite3_step(stmt)) == SQLITE_ROW)
		rc = call_row(s, stmt, cb, ctx, &stop);
	if (rc == JUAN_OK && !stop && step != SQLITE_DONE)
		rc = store_fail(s, "list documents");
	sqlite3_reset(stmt);
	return rc;
}

enum juan_status
store_counts(struct store *s, long *total, long *tagged)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM documents),"
		" (SELECT count(*) FROM doc_tags WHERE scheme_id = ?9"
		"  AND theme_id IS NOT NULL)";
	sqlite3_stmt *stmt;
	enum juan_status rc;
	int64_t scheme;

	rc = info_scheme(s, 0, &scheme);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 9, scheme);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		*total = (long)sqlite3_column_int64(stmt, 0);
		*tagged = (long)sqlite3_column_int64(stmt, 1);
	} else {
		rc = store_fail(s, "count documents");
	}
	sqlite3_reset(stmt);
	return rc;
}
