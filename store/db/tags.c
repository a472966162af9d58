/* tags: each document's tags per scheme — a main theme, secondary themes,
 * a review state — its note, and the coder who changes them.
 *
 * Every change is one transaction that records one history row per value
 * it changes (history.c reads them back, undoes and redoes them).  The
 * values are read and written here through one pair of functions per
 * field, by name (tag_value_get(), tag_value_put()), so that a change and
 * its undo go through the same code. */
#include <stdlib.h>
#include <string.h>

#include "juan/sanitize.h"
#include "juan/text.h"
#include "juan/themes.h"
#include "store_private.h"

static const char *const state_names[] = { "", "none", "unsure" };

const char *
tag_state_name(enum tag_state st)
{
	if ((unsigned)st >= sizeof(state_names) / sizeof(state_names[0]))
		return "";
	return state_names[st];
}

enum juan_status
tag_state_parse(const char *name, enum tag_state *st)
{
	if (strcmp(name, "") == 0 || strcmp(name, "clear") == 0)
		*st = TAG_STATE_NONE_SET;
	else if (strcmp(name, "none") == 0)
		*st = TAG_STATE_NONE;
	else if (strcmp(name, "unsure") == 0)
		*st = TAG_STATE_UNSURE;
	else
		return JUAN_EINVAL;
	return JUAN_OK;
}

bool
store_plain_text(const char *text, size_t max)
{
	size_t len = strlen(text);

	return len <= max && sanitize_is_plain(text, len);
}

enum juan_status
store_set_coder(struct store *s, const char *coder)
{
	if (!coder)
		coder = "";
	if (!store_plain_text(coder, sizeof(s->coder) - 1)) {
		store_set_error(s, "coder \"%s\": not a name (at most %zu "
				"bytes of UTF-8 text, no control characters)",
				coder, sizeof(s->coder) - 1);
		return JUAN_EINVAL;
	}
	strcpy(s->coder, coder);
	return JUAN_OK;
}

const char *
store_coder(const struct store *s)
{
	return s->coder;
}

enum juan_status
store_scheme_resolve(struct store *s, int64_t scheme, int64_t *id)
{
	static const char sql_active[] =
		"SELECT id FROM schemes WHERE active AND NOT removed";
	static const char sql_check[] =
		"SELECT id FROM schemes WHERE id = ?1 AND NOT removed";
	sqlite3_stmt *stmt = store_stmt(s, scheme ? sql_check : sql_active);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	if (scheme)
		sqlite3_bind_int64(stmt, 1, scheme);
	rc = store_lookup_int(s, stmt, id, "find scheme");
	if (rc == JUAN_ENOTFOUND && scheme)
		store_set_error(s, "no scheme %lld", (long long)scheme);
	else if (rc == JUAN_ENOTFOUND)
		store_set_error(s, "the store has no active scheme (load one "
				"with `juan themes load FILE`)");
	return rc;
}

/* The text in column 0 of the one row stmt yields, in *out (caller frees;
 * "" when it yields none). */
static enum juan_status
lookup_text(struct store *s, sqlite3_stmt *stmt, char **out, const char *what)
{
	int step = sqlite3_step(stmt);
	enum juan_status rc = JUAN_OK;

	*out = NULL;
	if (step == SQLITE_ROW)
		*out = store_column_dup(stmt, 0);
	else if (step == SQLITE_DONE)
		*out = strdup("");
	else
		rc = store_fail(s, what);
	sqlite3_reset(stmt);
	if (rc == JUAN_OK && !*out) {
		store_set_error(s, "%s: out of memory", what);
		rc = JUAN_ENOMEM;
	}
	return rc;
}

/* The id of the theme called name in scheme (retired ones too); 0 when
 * there is none. */
static enum juan_status
theme_by_name(struct store *s, int64_t scheme, const char *name, int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM themes WHERE scheme_id = ?1 AND name = ?2";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc;

	*id = 0;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	rc = store_lookup_int(s, stmt, id, "find theme");
	return rc == JUAN_ENOTFOUND ? JUAN_OK : rc;
}

/* Upserts the doc_tags row of (doc, scheme) with the main theme (id 0:
 * none) or the state (main false) and drops the row when it holds
 * neither. */
static enum juan_status
put_tag_row(struct store *s, int64_t scheme, int64_t doc, bool main,
	    int64_t theme, const char *state)
{
	static const char sql_main[] =
		"INSERT INTO doc_tags(doc_id, scheme_id, theme_id, coder)"
		" VALUES(?1, ?2, ?3, ?4) ON CONFLICT(doc_id, scheme_id) DO UPDATE"
		" SET theme_id = excluded.theme_id, coder = excluded.coder,"
		" tagged_at = datetime('now')";
	static const char sql_state[] =
		"INSERT INTO doc_tags(doc_id, scheme_id, state, coder)"
		" VALUES(?1, ?2, ?3, ?4) ON CONFLICT(doc_id, scheme_id) DO UPDATE"
		" SET state = excluded.state, coder = excluded.coder,"
		" tagged_at = datetime('now')";
	static const char sql_empty[] =
		"DELETE FROM doc_tags WHERE doc_id = ?1 AND scheme_id = ?2"
		" AND theme_id IS NULL AND state = ''";
	sqlite3_stmt *stmt = store_stmt(s, main ? sql_main : sql_state);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	sqlite3_bind_int64(stmt, 2, scheme);
	if (!main)
		sqlite3_bind_text(stmt, 3, state, -1, SQLITE_STATIC);
	else if (theme)
		sqlite3_bind_int64(stmt, 3, theme);
	else
		sqlite3_bind_null(stmt, 3);
	sqlite3_bind_text(stmt, 4, s->coder, -1, SQLITE_STATIC);
	rc = store_run(s, stmt, "tag");
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql_empty)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	sqlite3_bind_int64(stmt, 2, scheme);
	return store_run(s, stmt, "tag");
}

enum juan_status
tag_value_get(struct store *s, const struct tag_value *v, char **out)
{
	static const char sql_theme[] =
		"SELECT t.name FROM doc_tags dt JOIN themes t ON t.id = dt.theme_id"
		" WHERE dt.doc_id = ?1 AND dt.scheme_id = ?2";
	static const char sql_state[] =
		"SELECT state FROM doc_tags WHERE doc_id = ?1 AND scheme_id = ?2";
	static const char sql_secondary[] =
		"SELECT t.name FROM doc_secondary ds JOIN themes t"
		" ON t.id = ds.theme_id WHERE ds.doc_id = ?1"
		" AND ds.scheme_id = ?2 AND t.name = ?3";
	static const char sql_note[] =
		"SELECT text FROM notes WHERE doc_id = ?1 AND ?2 = ?2";
	static const char sql_scheme[] =
		"SELECT name FROM schemes WHERE ?1 = ?1 AND id = ?2"
		" AND NOT removed";
	static const char *const sqls[] = {
		[TAG_FIELD_THEME] = sql_theme,
		[TAG_FIELD_SECONDARY] = sql_secondary,
		[TAG_FIELD_STATE] = sql_state,
		[TAG_FIELD_NOTE] = sql_note,
		[TAG_FIELD_SCHEME] = sql_scheme,
	};
	sqlite3_stmt *stmt = store_stmt(s, sqls[v->field]);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, v->doc);
	sqlite3_bind_int64(stmt, 2, v->scheme);
	if (v->field == TAG_FIELD_SECONDARY)
		sqlite3_bind_text(stmt, 3, v->theme, -1, SQLITE_STATIC);
	return lookup_text(s, stmt, out, "read tags");
}

/* Adds (value names the theme) or removes (value "": v->theme goes) a
 * secondary theme. */
static enum juan_status
put_secondary(struct store *s, const struct tag_value *v, const char *value)
{
	static const char sql_add[] =
		"INSERT OR IGNORE INTO doc_secondary(doc_id, theme_id, scheme_id,"
		" coder) VALUES(?1, ?2, ?3, ?4)";
	static const char sql_remove[] =
		"DELETE FROM doc_secondary WHERE doc_id = ?1 AND theme_id = ?2"
		" AND ?3 = ?3 AND ?4 = ?4";
	sqlite3_stmt *stmt;
	enum juan_status rc;
	int64_t theme;

	rc = theme_by_name(s, v->scheme, value[0] ? value : v->theme, &theme);
	if (rc != JUAN_OK)
		return rc;
	if (!theme) {
		store_set_error(s, "theme \"%s\" is not in the scheme",
				value[0] ? value : v->theme);
		return JUAN_ECONFLICT;
	}
	if (!(stmt = store_stmt(s, value[0] ? sql_add : sql_remove)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, v->doc);
	sqlite3_bind_int64(stmt, 2, theme);
	sqlite3_bind_int64(stmt, 3, v->scheme);
	sqlite3_bind_text(stmt, 4, s->coder, -1, SQLITE_STATIC);
	return store_run(s, stmt, "tag");
}

static enum juan_status
put_note(struct store *s, int64_t doc, const char *text)
{
	static const char sql_set[] =
		"INSERT INTO notes(doc_id, text, coder) VALUES(?1, ?2, ?3)"
		" ON CONFLICT(doc_id) DO UPDATE SET text = excluded.text,"
		" coder = excluded.coder, updated_at = datetime('now')";
	static const char sql_clear[] =
		"DELETE FROM notes WHERE doc_id = ?1 AND ?2 = ?2 AND ?3 = ?3";
	sqlite3_stmt *stmt = store_stmt(s, text[0] ? sql_set : sql_clear);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	sqlite3_bind_text(stmt, 2, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, s->coder, -1, SQLITE_STATIC);
	return store_run(s, stmt, "write note");
}

static enum juan_status
put_scheme(struct store *s, int64_t scheme, bool present)
{
	static const char sql[] =
		"UPDATE schemes SET removed = ?2,"
		" active = CASE WHEN ?2 THEN 0 ELSE active END WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_int(stmt, 2, !present);
	return store_run(s, stmt, "write scheme");
}

enum juan_status
tag_value_put(struct store *s, const struct tag_value *v, const char *value)
{
	enum juan_status rc;
	int64_t theme = 0;

	switch (v->field) {
	case TAG_FIELD_THEME:
		if (value[0]) {
			rc = theme_by_name(s, v->scheme, value, &theme);
			if (rc != JUAN_OK)
				return rc;
			if (!theme) {
				store_set_error(s, "theme \"%s\" is not in the "
						"scheme", value);
				return JUAN_ECONFLICT;
			}
		}
		return put_tag_row(s, v->scheme, v->doc, true, theme, NULL);
	case TAG_FIELD_STATE:
		return put_tag_row(s, v->scheme, v->doc, false, 0, value);
	case TAG_FIELD_SECONDARY:
		return put_secondary(s, v, value);
	case TAG_FIELD_NOTE:
		return put_note(s, v->doc, value);
	case TAG_FIELD_SCHEME:
		return put_scheme(s, v->scheme, value[0] != '\0');
	}
	return JUAN_EINVAL;
}

const char *
tag_field_name(enum tag_field f)
{
	static const char *const names[] = {
		[TAG_FIELD_THEME] = "theme",
		[TAG_FIELD_SECONDARY] = "secondary",
		[TAG_FIELD_STATE] = "state",
		[TAG_FIELD_NOTE] = "note",
		[TAG_FIELD_SCHEME] = "scheme",
	};

	return names[f];
}

enum juan_status
tag_change_begin(struct store *s)
{
	static const char sql_forget[] =
		"UPDATE history SET state = 2 WHERE op = 'tag' AND state = 1";
	static const char sql_next[] =
		"SELECT coalesce(max(change), 0) + 1 FROM history";
	sqlite3_stmt *stmt = store_stmt(s, sql_forget);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	rc = store_run(s, stmt, "record history");
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql_next)))
		return JUAN_EDB;
	return store_lookup_int(s, stmt, &s->change, "record history");
}

enum juan_status
tag_record(struct store *s, const struct tag_value *v, const char *old,
	   const char *new, const char *op)
{
	static const char sql[] =
		"INSERT INTO history(change, doc_id, scheme, field, old, new,"
		" coder, op, accepted, source) VALUES(?1, ?2,"
		" coalesce((SELECT name FROM schemes WHERE id = ?3), ''), ?4, ?5,"
		" ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, s->change);
	if (v->doc)
		sqlite3_bind_int64(stmt, 2, v->doc);
	else
		sqlite3_bind_null(stmt, 2);
	sqlite3_bind_int64(stmt, 3, v->scheme);
	sqlite3_bind_text(stmt, 4, tag_field_name(v->field), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, new, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, s->coder, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, op, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 9, s->accepting && strcmp(op, "tag") == 0);
	sqlite3_bind_text(stmt, 10, strcmp(op, "tag") == 0 ? s->source : "",
			  -1, SQLITE_STATIC);
	if (store_run(s, stmt, "record history") != JUAN_OK)
		return JUAN_EDB;
	s->recorded++;
	return JUAN_OK;
}

enum juan_status
tag_change(struct store *s, const struct tag_value *v, const char *value)
{
	char *old = NULL;
	enum juan_status rc;

	rc = tag_value_get(s, v, &old);
	if (rc != JUAN_OK || strcmp(old, value) == 0)
		goto done;
	rc = tag_value_put(s, v, value);
	if (rc == JUAN_OK)
		rc = tag_record(s, v, old, value, "tag");
done:
	free(old);
	return rc;
}

/* ---- the public changes ------------------------------------------------ */

struct tag_ctx {
	int64_t scheme;
	int64_t doc;
	int64_t theme;
	bool add;
	enum tag_state state;
	const char *note;
	char *theme_name; /* of theme, from check_theme() */
	bool in_change;   /* part of a change begun already (store_bulk()) */
};

/* Begins c's change unless it is part of one already. */
static enum juan_status
change_begin(struct store *s, const struct tag_ctx *c)
{
	return c->in_change ? JUAN_OK : tag_change_begin(s);
}

/* Checks that c->doc exists, resolves c->scheme, and, when c->theme is
 * set, that it is a theme in use of that scheme; its name in
 * c->theme_name. */
static enum juan_status
check(struct store *s, struct tag_ctx *c)
{
	static const char sql_doc[] = "SELECT id FROM documents WHERE id = ?1";
	static const char sql_theme[] =
		"SELECT scheme_id, retired, name FROM themes WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql_doc);
	enum juan_status rc;
	int64_t found;
	int step;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->doc);
	rc = store_lookup_int(s, stmt, &found, "find document");
	if (rc == JUAN_ENOTFOUND)
		store_set_error(s, "no document %lld", (long long)c->doc);
	if (rc == JUAN_OK && c->scheme >= 0)
		rc = store_scheme_resolve(s, c->scheme, &c->scheme);
	if (rc != JUAN_OK || !c->theme)
		return rc;
	if (!(stmt = store_stmt(s, sql_theme)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->theme);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		c->theme_name = store_column_dup(stmt, 2);
		if (!c->theme_name)
			rc = JUAN_ENOMEM;
		else if (sqlite3_column_int64(stmt, 0) != c->scheme)
			rc = JUAN_EINVAL;
		else if (sqlite3_column_int(stmt, 1))
			rc = JUAN_EINVAL;
		if (rc == JUAN_EINVAL)
			store_set_error(s, "theme \"%s\" is %s", c->theme_name,
					sqlite3_column_int(stmt, 1) ?
					"retired" : "in another scheme");
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "no theme %lld", (long long)c->theme);
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "find theme");
	}
	sqlite3_reset(stmt);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "tag: out of memory");
	return rc;
}

/* Clears the state "none" of c's document: it has a theme now. */
static enum juan_status
clear_none(struct store *s, const struct tag_ctx *c)
{
	struct tag_value v = {TAG_FIELD_STATE, c->scheme, c->doc, NULL};
	enum juan_status rc;
	char *state = NULL;

	rc = tag_value_get(s, &v, &state);
	if (rc == JUAN_OK && strcmp(state, "none") == 0)
		rc = tag_change(s, &v, "");
	free(state);
	return rc;
}

static enum juan_status
tag(struct store *s, void *ctx)
{
	struct tag_ctx *c = ctx;
	struct tag_value v = {TAG_FIELD_THEME, c->scheme, c->doc, NULL};
	const char *name = c->theme_name ? c->theme_name : "";
	enum juan_status rc;

	rc = change_begin(s, c);
	if (rc == JUAN_OK)
		rc = tag_change(s, &v, name);
	if (rc != JUAN_OK || !name[0])
		return rc;
	v.field = TAG_FIELD_SECONDARY;
	v.theme = name;
	rc = tag_change(s, &v, "");
	if (rc == JUAN_OK)
		rc = clear_none(s, c);
	return rc;
}

static enum juan_status
secondary(struct store *s, void *ctx)
{
	struct tag_ctx *c = ctx;
	struct tag_value v = {TAG_FIELD_THEME, c->scheme, c->doc, NULL};
	enum juan_status rc;
	char *main = NULL;

	rc = tag_value_get(s, &v, &main);
	if (rc != JUAN_OK || strcmp(main, c->theme_name) == 0)
		goto done;
	rc = tag_change_begin(s);
	v.field = TAG_FIELD_SECONDARY;
	v.theme = c->theme_name;
	if (rc == JUAN_OK)
		rc = tag_change(s, &v, c->add ? c->theme_name : "");
	if (rc == JUAN_OK && c->add)
		rc = clear_none(s, c);
done:
	free(main);
	return rc;
}

/* The names of the secondary themes of document doc in scheme, in theme
 * order, in *names (caller frees each and the array), their number in
 * *n. */
static enum juan_status
secondary_names(struct store *s, int64_t scheme, int64_t doc, char ***names,
		size_t *n)
{
	static const char sql[] =
		"SELECT t.name FROM doc_secondary ds JOIN themes t"
		" ON t.id = ds.theme_id WHERE ds.doc_id = ?1 AND ds.scheme_id = ?2"
		" ORDER BY t.position";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	sqlite3_bind_int64(stmt, 2, scheme);
	return store_collect_texts(s, stmt, names, n, "read tags");
}

enum juan_status
tag_drop_secondaries(struct store *s, int64_t scheme, int64_t doc)
{
	struct tag_value v = {TAG_FIELD_SECONDARY, scheme, doc, NULL};
	enum juan_status rc;
	char **names = NULL;
	size_t n = 0, i;

	rc = secondary_names(s, scheme, doc, &names, &n);
	for (i = 0; i < n && rc == JUAN_OK; i++) {
		v.theme = names[i];
		rc = tag_change(s, &v, "");
	}
	store_texts_free(names, n);
	return rc;
}

static enum juan_status
set_state(struct store *s, void *ctx)
{
	struct tag_ctx *c = ctx;
	struct tag_value v = {TAG_FIELD_STATE, c->scheme, c->doc, NULL};
	enum juan_status rc;

	rc = change_begin(s, c);
	if (rc == JUAN_OK)
		rc = tag_change(s, &v, tag_state_name(c->state));
	if (rc != JUAN_OK || c->state != TAG_STATE_NONE)
		return rc;
	v.field = TAG_FIELD_THEME;
	rc = tag_change(s, &v, "");
	if (rc == JUAN_OK)
		rc = tag_drop_secondaries(s, c->scheme, c->doc);
	return rc;
}

static enum juan_status
set_note(struct store *s, void *ctx)
{
	struct tag_ctx *c = ctx;
	struct tag_value v = {TAG_FIELD_NOTE, 0, c->doc, NULL};
	enum juan_status rc;

	rc = tag_change_begin(s);
	if (rc == JUAN_OK)
		rc = tag_change(s, &v, c->note);
	return rc;
}

/* Runs fn for c after check(), in one transaction. */
static enum juan_status
run_change(struct store *s, struct tag_ctx *c,
	   enum juan_status (*fn)(struct store *, void *))
{
	enum juan_status rc = JUAN_OK;
	bool own = sqlite3_get_autocommit(s->db);

	if (own)
		rc = store_begin(s);
	if (rc == JUAN_OK)
		rc = check(s, c);
	if (rc == JUAN_OK)
		rc = fn(s, c);
	if (own && rc == JUAN_OK)
		rc = store_commit(s);
	if (own && rc != JUAN_OK)
		store_rollback(s);
	free(c->theme_name);
	c->theme_name = NULL;
	return rc;
}

enum juan_status
store_tag(struct store *s, int64_t scheme, int64_t doc, int64_t theme_id)
{
	struct tag_ctx c = {scheme, doc, theme_id, false, 0, NULL, NULL, false};

	return run_change(s, &c, tag);
}

enum juan_status
store_secondary(struct store *s, int64_t scheme, int64_t doc, int64_t theme_id,
		bool add)
{
	struct tag_ctx c = {scheme, doc, theme_id, add, 0, NULL, NULL, false};

	if (!theme_id) {
		store_set_error(s, "no secondary theme given");
		return JUAN_EINVAL;
	}
	return run_change(s, &c, secondary);
}

enum juan_status
store_set_state(struct store *s, int64_t scheme, int64_t doc,
		enum tag_state st)
{
	struct tag_ctx c = {scheme, doc, 0, false, st, NULL, NULL, false};

	if ((unsigned)st > TAG_STATE_UNSURE) {
		store_set_error(s, "no such state");
		return JUAN_EINVAL;
	}
	return run_change(s, &c, set_state);
}

enum juan_status
store_set_note(struct store *s, int64_t doc, const char *text)
{
	/* scheme -1: a note belongs to no scheme */
	struct tag_ctx c = {-1, doc, 0, false, 0, text ? text : "", NULL, false};

	if (!store_plain_text(c.note, STORE_NOTE_MAX)) {
		store_set_error(s, "a note is one paragraph of UTF-8 text, at "
				"most %d bytes, without control characters",
				STORE_NOTE_MAX);
		return JUAN_EINVAL;
	}
	return run_change(s, &c, set_note);
}

enum juan_status
store_note(struct store *s, int64_t doc, char **text)
{
	static const char sql[] = "SELECT text FROM notes WHERE doc_id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	*text = NULL;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	return lookup_text(s, stmt, text, "read note");
}

/* ---- many documents at once ------------------------------------------- */

struct bulk_ctx {
	struct tag_ctx c;
	const struct bulk_action *a;
	const int64_t *ids;
	size_t n;
	int64_t *changed;
	size_t nchanged;
};

static enum juan_status
bulk(struct store *s, void *ctx)
{
	struct bulk_ctx *b = ctx;
	enum juan_status rc;
	size_t i;
	long before;

	rc = tag_change_begin(s);
	for (i = 0; i < b->n && rc == JUAN_OK; i++) {
		b->c.doc = b->ids[i];
		if (b->a->op == BULK_ACCEPT && !(b->c.theme = b->a->themes[i]))
			continue;
		free(b->c.theme_name);
		b->c.theme_name = NULL;
		rc = check(s, &b->c);
		before = s->recorded;
		if (rc == JUAN_OK)
			rc = b->a->op == BULK_STATE ? set_state(s, &b->c) :
				tag(s, &b->c);
		if (rc == JUAN_OK && s->recorded != before)
			b->changed[b->nchanged++] = b->ids[i];
	}
	return rc;
}

enum juan_status
store_bulk(struct store *s, int64_t scheme, const int64_t *ids, size_t n,
	   const struct bulk_action *a, bool dry_run, int64_t **changed,
	   size_t *nchanged)
{
	struct bulk_ctx b = {{scheme, 0, 0, false, 0, NULL, NULL, true},
			     a, ids, n, NULL, 0};
	enum juan_status rc;

	if (changed)
		*changed = NULL;
	if (nchanged)
		*nchanged = 0;
	if (n == 0) {
		store_set_error(s, "no documents to change");
		return JUAN_ENOTFOUND;
	}
	if (a->op == BULK_THEME && !a->theme) {
		store_set_error(s, "no theme given");
		return JUAN_EINVAL;
	}
	if (a->op == BULK_STATE && (unsigned)a->state > TAG_STATE_UNSURE) {
		store_set_error(s, "no such state");
		return JUAN_EINVAL;
	}
	if (a->op == BULK_ACCEPT && !a->themes) {
		store_set_error(s, "no themes given");
		return JUAN_EINVAL;
	}
	b.c.theme = a->op == BULK_THEME ? a->theme : 0;
	b.c.state = a->state;
	if (!(b.changed = malloc(n * sizeof(*b.changed)))) {
		store_set_error(s, "tag: out of memory");
		return JUAN_ENOMEM;
	}
	if (!sqlite3_get_autocommit(s->db)) {
		store_set_error(s, "a bulk change runs in its own transaction");
		rc = JUAN_EINVAL;
		goto done;
	}
	rc = store_begin(s);
	s->accepting = a->op == BULK_ACCEPT;
	if (rc == JUAN_OK)
		rc = bulk(s, &b);
	s->accepting = false;
	if (rc == JUAN_OK && !dry_run)
		rc = store_commit(s);
	else
		store_rollback(s);
done:
	free(b.c.theme_name);
	if (rc == JUAN_OK && changed) {
		*changed = b.changed;
		b.changed = NULL;
	}
	if (rc == JUAN_OK && nchanged)
		*nchanged = b.nchanged;
	free(b.changed);
	return rc;
}
