/* sync_import: applying a changeset file (sync.h) to this store's codings
 * and coding_history — the file read and checked whole first, then, in
 * one transaction, the schemes and themes it names made and the
 * changeset applied with a conflict handler that keeps the newer row. */
#include "sync_format.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/file.h"
#include "juan/sync.h"
#include "store_private.h"

/* The longest name of a scheme, theme or coder a file may hold, in bytes
 * (a coder's is 64: store_set_coder()). */
#define SYNC_NAME_MAX 200

/* An import under way. */
struct job {
	struct store *s;
	const char *path;
	char *data;
	size_t len;
	struct sync_import_result *res;
	size_t ccap, kcap;   /* capacities of res->created, res->coders */
	char *uid;           /* the uid of the rows, while scanning */
	long changes[2];     /* conflicts replaced, kept: codings */
	long hchanges[2];    /* the same for coding_history */
	long common;         /* codings of documents this store has */
	int64_t want_codings; /* the rows the header says the file has */
	int64_t want_history;
};

/* Records "PATH: " and the formatted message as the store's error. */
static enum juan_status __attribute__((format(printf, 3, 4)))
bad(struct job *j, enum juan_status rc, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	store_set_error(j->s, "%s: %s", j->path, msg);
	return rc;
}

/* Column col of the row it is at (new values of an INSERT) as text, in
 * *text (borrowed; "" for NULL). */
static void
new_text(sqlite3_changeset_iter *it, int col, const char **text)
{
	sqlite3_value *v = NULL;
	const unsigned char *t = NULL;

	if (sqlite3changeset_new(it, col, &v) == SQLITE_OK && v)
		t = sqlite3_value_text(v);
	*text = t ? (const char *)t : "";
}

static int64_t
new_int(sqlite3_changeset_iter *it, int col)
{
	sqlite3_value *v = NULL;

	if (sqlite3changeset_new(it, col, &v) == SQLITE_OK && v)
		return sqlite3_value_int64(v);
	return 0;
}

/* Whether t is len lowercase hex digits. */
static bool
is_hex(const char *t, size_t len)
{
	if (strlen(t) != len)
		return false;
	for (; *t; t++)
		if (!((*t >= '0' && *t <= '9') || (*t >= 'a' && *t <= 'f')))
			return false;
	return true;
}

static bool
is_uid(const char *t)
{
	return is_hex(t, CODER_UID_LEN);
}

/* Adds name to the sorted set res->coders unless it is there. */
static enum juan_status
add_coder(struct job *j, const char *name)
{
	struct sync_import_result *r = j->res;
	size_t at = 0;
	char **v, *copy;
	int cmp = 1;

	while (at < r->ncoders && (cmp = strcmp(r->coders[at], name)) < 0)
		at++;
	if (at < r->ncoders && cmp == 0)
		return JUAN_OK;
	v = array_reserve(r->coders, &j->kcap, r->ncoders + 1, sizeof(*v));
	if (!v || !(copy = strdup(name)))
		return JUAN_ENOMEM;
	r->coders = v;
	memmove(v + at + 1, v + at, (r->ncoders - at) * sizeof(*v));
	v[at] = copy;
	r->ncoders++;
	return JUAN_OK;
}

/* Checks that the uid of a row is the one of every row before. */
static enum juan_status
check_uid(struct job *j, const char *uid, long row)
{
	if (!is_uid(uid))
		return bad(j, JUAN_EINVAL, "row %ld: \"%s\" is not a store id",
			   row, uid);
	if (!j->uid)
		return (j->uid = strdup(uid)) ? JUAN_OK : JUAN_ENOMEM;
	if (strcmp(j->uid, uid) != 0)
		return bad(j, JUAN_EINVAL, "row %ld: codings of two stores (%s, "
			   "%s) in one file", row, j->uid, uid);
	return JUAN_OK;
}

/* Whether t is a name fit to show or, with list, names separated by tabs
 * each fit to show. */
static bool
names_plain(const char *t, bool list)
{
	char name[SYNC_NAME_MAX + 1];
	size_t len;

	if (!list)
		return store_plain_text(t, SYNC_NAME_MAX);
	for (;;) {
		len = strcspn(t, "\t");
		if (len > SYNC_NAME_MAX)
			return false;
		memcpy(name, t, len);
		name[len] = '\0';
		if (!store_plain_text(name, SYNC_NAME_MAX))
			return false;
		if (t[len] == '\0')
			return true;
		t += len + 1;
	}
}

/* Checks the text columns of a coding: names fit to show, a document
 * hash, a state juan knows, a note fit to keep. */
static enum juan_status
check_coding(struct job *j, sqlite3_changeset_iter *it, long row)
{
	static const int names[] = { 1, 3, 4, 5, 6 };
	const char *t;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		new_text(it, names[i], &t);
		/* secondary (5) holds names separated by tabs */
		if (!names_plain(t, names[i] == 5))
			return bad(j, JUAN_EINVAL, "row %ld: a name that is not "
				   "plain text of at most %d bytes", row,
				   SYNC_NAME_MAX);
	}
	new_text(it, 2, &t);
	if (!is_hex(t, STORE_HASH_HEX - 1))
		return bad(j, JUAN_EINVAL, "row %ld: \"%s\" is not a document "
			   "hash", row, t);
	new_text(it, 6, &t);
	if (strcmp(t, "") != 0 && strcmp(t, "none") != 0 &&
	    strcmp(t, "unsure") != 0)
		return bad(j, JUAN_EINVAL, "row %ld: \"%s\" is not a state",
			   row, t);
	new_text(it, 7, &t);
	if (!store_plain_text(t, STORE_NOTE_MAX))
		return bad(j, JUAN_EINVAL, "row %ld: a note that is not plain "
			   "text of at most %d bytes", row, STORE_NOTE_MAX);
	new_text(it, 1, &t);
	return add_coder(j, t);
}

/* Reads the header row into res. */
static void
read_header(struct job *j, sqlite3_changeset_iter *it)
{
	const char *uid;

	j->want_codings = new_int(it, 8);
	j->want_history = new_int(it, 9);
	j->res->format = (int)new_int(it, 0);
	j->res->schema = (int)new_int(it, 1);
	j->res->docs = (long)new_int(it, 3);
	new_text(it, 2, &uid);
	snprintf(j->res->uid, sizeof(j->res->uid), "%s",
		 is_uid(uid) ? uid : "");
}

/* A SQLite varint at p[*at..len) (1 to 9 bytes, big-endian groups of 7
 * bits, the ninth byte whole) into *v; false when it runs past len. */
static bool
get_varint(const unsigned char *p, size_t len, size_t *at, uint64_t *v)
{
	*v = 0;
	for (int i = 0; i < 9; i++) {
		if (*at >= len)
			return false;
		if (i == 8) {
			*v = (*v << 8) | p[(*at)++];
			return true;
		}
		*v = (*v << 7) | (p[*at] & 0x7f);
		if (!(p[(*at)++] & 0x80))
			return true;
	}
	return true;
}

/* Walks the bytes of a changeset before SQLite reads them (SQLite's reader
 * does not stop on every truncated file): table headers ('T', the number
 * of columns, per column 0 or its place in the primary key, a name ending
 * in NUL) each
 * followed by INSERT records (op, indirect flag, one value per column: an
 * 8-byte integer or real, a text or blob with its varint length, or NULL),
 * every length inside the file.  The offset of the first bad byte in *bad;
 * false when there is one. */
static bool
walk(const unsigned char *p, size_t len, size_t *bad)
{
	size_t at = 0;
	uint64_t ncol = 0, n;

	while (at < len) {
		if (p[at] == 'T') {
			at++;
			if (!get_varint(p, len, &at, &ncol) || ncol == 0 ||
			    ncol > 64 || ncol > len - at)
				goto fail;
			for (uint64_t c = 0; c < ncol; c++, at++)
				if (p[at] > ncol)
					goto fail;
			while (at < len && p[at] >= 0x20 && p[at] < 0x7f)
				at++;
			if (at >= len || p[at++] != '\0')
				goto fail;
			continue;
		}
		if (ncol == 0 || p[at] != SQLITE_INSERT || len - at < 2 ||
		    p[at + 1] > 1)
			goto fail;
		at += 2;
		for (uint64_t c = 0; c < ncol; c++) {
			if (at >= len)
				goto fail;
			switch (p[at++]) {
			case SQLITE_INTEGER:
			case SQLITE_FLOAT:
				n = 8;
				break;
			case SQLITE_TEXT:
			case SQLITE_BLOB:
				if (!get_varint(p, len, &at, &n))
					goto fail;
				break;
			case SQLITE_NULL:
				n = 0;
				break;
			default:
				goto fail;
			}
			if (n > len - at)
				goto fail;
			at += n;
		}
	}
	return true;
fail:
	*bad = at;
	return false;
}

/* Reads the whole changeset: every change an INSERT into one of its three
 * tables with their number of columns, one header, one store's rows. */
static enum juan_status
scan(struct job *j)
{
	sqlite3_changeset_iter *it = NULL;
	enum juan_status rc = JUAN_OK;
	long row = 0, headers = 0;
	int step, end;
	size_t at;

	if (j->len > INT_MAX)
		return bad(j, JUAN_EINVAL, "too large for a changeset");
	if (!walk((const unsigned char *)j->data, j->len, &at))
		return bad(j, JUAN_EINVAL, "damaged at byte %zu of %zu (truncated "
			   "or corrupt, or not a juan changeset): nothing "
			   "imported", at, j->len);
	if (sqlite3changeset_start(&it, (int)j->len, j->data) != SQLITE_OK)
		return bad(j, JUAN_EINVAL, "not a juan changeset");
	while (rc == JUAN_OK && (step = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *tab, *uid;
		int ncol, op, indirect;

		row++;
		sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
		if (op != SQLITE_INSERT)
			rc = bad(j, JUAN_EINVAL, "row %ld: not an insert: not a "
				 "juan changeset", row);
		else if (strcmp(tab, "header") == 0 && ncol == SYNC_HEADER_COLS) {
			headers++;
			read_header(j, it);
		} else if (strcmp(tab, "codings") == 0 &&
			   ncol == SYNC_CODINGS_COLS) {
			j->res->codings++;
			new_text(it, 0, &uid);
			rc = check_uid(j, uid, row);
			if (rc == JUAN_OK)
				rc = check_coding(j, it, row);
		} else if (strcmp(tab, "coding_history") == 0 &&
			   ncol == SYNC_HISTORY_COLS) {
			j->res->history++;
			new_text(it, 0, &uid);
			rc = check_uid(j, uid, row);
		} else {
			rc = bad(j, JUAN_EINVAL, "row %ld: table \"%s\" of %d "
				 "columns: not a juan changeset", row, tab, ncol);
		}
	}
	end = sqlite3changeset_finalize(it);
	if (rc != JUAN_OK)
		return rc == JUAN_ENOMEM ? bad(j, rc, "out of memory") : rc;
	if (step != SQLITE_DONE || end != SQLITE_OK)
		return bad(j, JUAN_EINVAL, "damaged after %ld rows (truncated or "
			   "corrupt): nothing imported", row);
	if (headers != 1 || !j->res->uid[0])
		return bad(j, JUAN_EINVAL, "no header: not a juan changeset");
	if (j->want_codings != j->res->codings ||
	    j->want_history != j->res->history)
		return bad(j, JUAN_EINVAL, "damaged: %ld codings and %ld "
			   "history rows where its header says %lld and %lld "
			   "(truncated?): nothing imported", j->res->codings,
			   j->res->history, (long long)j->want_codings,
			   (long long)j->want_history);
	if (j->uid && strcmp(j->uid, j->res->uid) != 0)
		return bad(j, JUAN_EINVAL, "its rows are of store %s, its header "
			   "of %s", j->uid, j->res->uid);
	return JUAN_OK;
}

/* Refuses a file this juan cannot read; says whether it is this store's. */
static enum juan_status
check_header(struct job *j)
{
	static const char sql[] = "PRAGMA user_version";
	sqlite3_stmt *stmt = store_stmt(j->s, sql);
	char self[CODER_UID_SIZE];
	enum juan_status rc;
	int64_t schema;

	if (!stmt)
		return JUAN_EDB;
	rc = store_lookup_int(j->s, stmt, &schema, "read schema version");
	if (rc != JUAN_OK)
		return rc;
	if (j->res->format > SYNC_FORMAT || j->res->format < 1)
		return bad(j, JUAN_ENEWER, "made by a newer juan (changeset "
			   "format %d; this juan reads format %d): update "
			   "juan to import it", j->res->format, SYNC_FORMAT);
	if (j->res->schema > schema)
		return bad(j, JUAN_ENEWER, "made by a newer juan (store schema "
			   "%d; this juan's is %lld): update juan to import it",
			   j->res->schema, (long long)schema);
	rc = coders_self_uid(j->s, self);
	if (rc == JUAN_OK)
		j->res->own = strcmp(self, j->res->uid) == 0;
	return rc;
}

/* Records a scheme (theme NULL) or theme the import created. */
static enum juan_status
note_created(struct job *j, const char *scheme, const char *theme)
{
	struct sync_import_result *r = j->res;
	struct sync_created *v;

	v = array_reserve(r->created, &j->ccap, r->ncreated + 1, sizeof(*v));
	if (!v)
		return JUAN_ENOMEM;
	r->created = v;
	v[r->ncreated].scheme = strdup(scheme);
	v[r->ncreated].theme = theme ? strdup(theme) : NULL;
	r->ncreated++;
	if (!v[r->ncreated - 1].scheme || (theme && !v[r->ncreated - 1].theme))
		return JUAN_ENOMEM;
	return JUAN_OK;
}

/* The id of the scheme called name (removed ones too), created (not
 * active, no themes) when there is none. */
static enum juan_status
need_scheme(struct job *j, const char *name, int64_t *id)
{
	static const char sql_find[] = "SELECT id FROM schemes WHERE name = ?1";
	static const char sql_make[] = "INSERT INTO schemes(name) VALUES(?1)";
	sqlite3_stmt *stmt = store_stmt(j->s, sql_find);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	rc = store_lookup_int(j->s, stmt, id, "find scheme");
	if (rc != JUAN_ENOTFOUND)
		return rc;
	if (!(stmt = store_stmt(j->s, sql_make)))
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	rc = store_run(j->s, stmt, "create scheme");
	if (rc != JUAN_OK)
		return rc;
	*id = sqlite3_last_insert_rowid(j->s->db);
	return note_created(j, name, NULL);
}

/* Makes sure scheme has a theme called name[0..len), creating it retired
 * (no key) when it has none. */
static enum juan_status
need_theme(struct job *j, int64_t scheme, const char *scheme_name,
	   const char *name, size_t len)
{
	static const char sql_find[] =
		"SELECT id FROM themes WHERE scheme_id = ?1 AND name = ?2";
	static const char sql_make[] =
		"INSERT INTO themes(scheme_id, name, key, position, retired)"
		" VALUES(?1, ?2, '', (SELECT coalesce(max(position), -1) + 1"
		" FROM themes WHERE scheme_id = ?1), 1)";
	sqlite3_stmt *stmt = store_stmt(j->s, sql_find);
	enum juan_status rc;
	int64_t id;
	char *copy;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_text(stmt, 2, name, (int)len, SQLITE_STATIC);
	rc = store_lookup_int(j->s, stmt, &id, "find theme");
	if (rc != JUAN_ENOTFOUND)
		return rc;
	if (!(stmt = store_stmt(j->s, sql_make)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_text(stmt, 2, name, (int)len, SQLITE_STATIC);
	rc = store_run(j->s, stmt, "create theme");
	if (rc != JUAN_OK)
		return rc;
	if (!(copy = strndup(name, len)))
		return JUAN_ENOMEM;
	rc = note_created(j, scheme_name, copy);
	free(copy);
	return rc;
}

/* Whether the store has the document with hash. */
static enum juan_status
have_doc(struct job *j, const char *hash, bool *have)
{
	static const char sql[] = "SELECT id FROM documents WHERE hash = ?1";
	sqlite3_stmt *stmt = store_stmt(j->s, sql);
	enum juan_status rc;
	int64_t id;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, hash, -1, SQLITE_STATIC);
	rc = store_lookup_int(j->s, stmt, &id, "find document");
	*have = rc == JUAN_OK;
	return rc == JUAN_ENOTFOUND ? JUAN_OK : rc;
}

/* For one coding: its scheme and themes made, its document looked for. */
static enum juan_status
prepare_coding(struct job *j, sqlite3_changeset_iter *it, char **last_scheme,
	       int64_t *scheme)
{
	const char *hash, *name, *theme, *secondary, *state, *note;
	enum juan_status rc = JUAN_OK;
	bool have;

	new_text(it, 2, &hash);
	new_text(it, 3, &name);
	new_text(it, 4, &theme);
	new_text(it, 5, &secondary);
	new_text(it, 6, &state);
	new_text(it, 7, &note);
	if (!theme[0] && !secondary[0] && !state[0] && !note[0])
		return JUAN_OK;
	rc = have_doc(j, hash, &have);
	if (rc != JUAN_OK)
		return rc;
	if (have)
		j->common++;
	else
		j->res->pending++;
	if (!name[0])
		return JUAN_OK;
	if (!*last_scheme || strcmp(*last_scheme, name) != 0) {
		free(*last_scheme);
		if (!(*last_scheme = strdup(name)))
			return JUAN_ENOMEM;
		rc = need_scheme(j, name, scheme);
		if (rc != JUAN_OK)
			return rc;
	}
	if (theme[0])
		rc = need_theme(j, *scheme, name, theme, strlen(theme));
	while (rc == JUAN_OK && *secondary) {
		size_t len = strcspn(secondary, "\t");

		if (len)
			rc = need_theme(j, *scheme, name, secondary, len);
		secondary += len + (secondary[len] == '\t');
	}
	return rc;
}

/* Walks the codings of the file: schemes and themes made, documents
 * counted. */
static enum juan_status
prepare(struct job *j)
{
	static const char sql_docs[] = "SELECT count(*) FROM documents";
	sqlite3_changeset_iter *it = NULL;
	sqlite3_stmt *stmt = store_stmt(j->s, sql_docs);
	enum juan_status rc = JUAN_OK;
	char *last_scheme = NULL;
	int64_t scheme = 0, docs = 0;

	if (!stmt)
		return JUAN_EDB;
	rc = store_lookup_int(j->s, stmt, &docs, "count documents");
	if (rc != JUAN_OK)
		return rc;
	if (sqlite3changeset_start(&it, (int)j->len, j->data) != SQLITE_OK)
		return bad(j, JUAN_EINVAL, "not a juan changeset");
	while (rc == JUAN_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, indirect;

		sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
		if (strcmp(tab, "codings") == 0)
			rc = prepare_coding(j, it, &last_scheme, &scheme);
	}
	sqlite3changeset_finalize(it);
	free(last_scheme);
	if (rc == JUAN_ENOMEM)
		return bad(j, rc, "out of memory");
	j->res->other_corpus = rc == JUAN_OK && docs > 0 && j->common == 0 &&
			       j->res->pending > 0;
	return rc;
}

static int
filter(void *ctx, const char *tab)
{
	(void)ctx;
	return strcmp(tab, "header") != 0;
}

/* Orders two values of a column: by text, NULL first. */
static int
value_cmp(sqlite3_value *a, sqlite3_value *b)
{
	const unsigned char *ta = a ? sqlite3_value_text(a) : NULL;
	const unsigned char *tb = b ? sqlite3_value_text(b) : NULL;

	if (!ta || !tb)
		return (ta != NULL) - (tb != NULL);
	return strcmp((const char *)ta, (const char *)tb);
}

/* A row already here with the key of an incoming one: the same values
 * stay (nothing changes); a newer `at` replaces it; an older one is
 * dropped; for equal times the greater row, column by column, wins. */
static int
conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	struct job *j = ctx;
	sqlite3_value *in, *here;
	const char *tab;
	int ncol, op, indirect, order = 0, at;
	long *count;

	sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
	if (type != SQLITE_CHANGESET_CONFLICT)
		return SQLITE_CHANGESET_ABORT;
	count = strcmp(tab, "codings") == 0 ? j->changes : j->hchanges;
	in = here = NULL;
	sqlite3changeset_new(it, SYNC_COL_AT, &in);
	sqlite3changeset_conflict(it, SYNC_COL_AT, &here);
	at = value_cmp(in, here);
	for (int c = 0; c < ncol && order == 0; c++) {
		in = here = NULL;
		sqlite3changeset_new(it, c, &in);
		sqlite3changeset_conflict(it, c, &here);
		order = value_cmp(in, here);
	}
	if (order == 0 || at < 0 || (at == 0 && order < 0)) {
		count[1]++;
		return SQLITE_CHANGESET_OMIT;
	}
	count[0]++;
	return SQLITE_CHANGESET_REPLACE;
}

/* Checks that the store's tables have the columns of the file's: SQLite
 * skips, without a word, the changes to a table of another shape. */
static enum juan_status
check_shape(struct job *j)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM pragma_table_info('codings')),"
		" (SELECT count(*) FROM pragma_table_info('coding_history'))";
	sqlite3_stmt *stmt = store_stmt(j->s, sql);
	int codings = 0, history = 0;

	if (!stmt)
		return JUAN_EDB;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		codings = sqlite3_column_int(stmt, 0);
		history = sqlite3_column_int(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (codings != SYNC_CODINGS_COLS || history != SYNC_HISTORY_COLS)
		return bad(j, JUAN_EDB, "this store's tables of codings have %d "
			   "and %d columns where the file's have %d and %d: "
			   "nothing imported", codings, history,
			   SYNC_CODINGS_COLS, SYNC_HISTORY_COLS);
	return JUAN_OK;
}

static enum juan_status
apply(struct store *s, void *ctx)
{
	struct job *j = ctx;
	enum juan_status rc = check_shape(j);
	int err;

	if (rc == JUAN_OK)
		rc = prepare(j);
	if (rc != JUAN_OK)
		return rc;
	err = sqlite3changeset_apply(s->db, (int)j->len, j->data, filter,
				     conflict, j);
	if (err != SQLITE_OK)
		return bad(j, JUAN_EDB, "could not apply it (%s): nothing "
			   "imported", sqlite3_errstr(err));
	j->res->replaced = j->changes[0];
	j->res->kept = j->changes[1];
	j->res->added = j->res->codings - j->changes[0] - j->changes[1];
	j->res->history_added = j->res->history - j->hchanges[0] -
				j->hchanges[1];
	return JUAN_OK;
}

enum juan_status
sync_import(struct store *s, const char *path, struct sync_import_result *res)
{
	struct job j = { .s = s, .path = path, .res = res };
	enum juan_status rc;

	memset(res, 0, sizeof(*res));
	rc = file_read(path, &j.data, &j.len);
	if (rc == JUAN_ENOTFOUND)
		rc = bad(&j, rc, "no such file");
	else if (rc == JUAN_EIO)
		rc = bad(&j, rc, "%s", strerror(errno));
	else if (rc == JUAN_ENOMEM)
		rc = bad(&j, rc, "out of memory");
	if (rc == JUAN_OK)
		rc = scan(&j);
	if (rc == JUAN_OK)
		rc = check_header(&j);
	if (rc == JUAN_OK && !res->own)
		rc = store_write(s, apply, &j);
	free(j.data);
	free(j.uid);
	return rc;
}

void
sync_import_result_clear(struct sync_import_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->ncreated; i++) {
		free(r->created[i].scheme);
		free(r->created[i].theme);
	}
	for (size_t i = 0; i < r->ncoders; i++)
		free(r->coders[i]);
	free(r->created);
	free(r->coders);
	memset(r, 0, sizeof(*r));
}
