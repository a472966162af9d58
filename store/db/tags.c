/* tags: the theme of each document, and the history that records, undoes
 * and redoes every change of it.
 *
 * A change is a history row with op 'tag' and state 0.  Undo reverts the
 * latest row in state 0 and sets it to 1; redo re-applies the earliest row
 * in state 1 (the one undone last) and sets it back to 0; a new change sets
 * every row in state 1 to 2, so it can no longer be redone.  Undo and redo
 * add an audit row of their own.  Rows name themes, not ids, so that the
 * audit outlives a replaced theme set. */
#include <stdlib.h>
#include <string.h>

#include "store_private.h"

/* The name of document doc's theme, "" when it has none, in *name (caller
 * frees). */
static enum juan_status
current_theme(struct store *s, int64_t doc, char **name)
{
	static const char sql[] =
		"SELECT coalesce(t.name, '') FROM documents d"
		" LEFT JOIN doc_themes dt ON dt.doc_id = d.id"
		" LEFT JOIN themes t ON t.id = dt.theme_id WHERE d.id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	int step;

	*name = NULL;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		*name = store_column_dup(stmt, 0);
		if (!*name) {
			store_set_error(s, "tag: out of memory");
			rc = JUAN_ENOMEM;
		}
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "no document %lld", (long long)doc);
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "read theme");
	}
	sqlite3_reset(stmt);
	return rc;
}

enum juan_status
store_theme_id(struct store *s, const char *name, int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM themes WHERE name = ?1"
		" UNION ALL SELECT id FROM themes WHERE key = ?1 LIMIT 1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	rc = store_lookup_int(s, stmt, id, "find theme");
	if (rc == JUAN_ENOTFOUND)
		store_set_error(s, "no theme '%s'", name);
	return rc;
}

/* The name of theme id in *name (caller frees); "" for id 0. */
static enum juan_status
theme_name(struct store *s, int64_t id, char **name)
{
	static const char sql[] = "SELECT name FROM themes WHERE id = ?1";
	sqlite3_stmt *stmt;
	enum juan_status rc = JUAN_OK;
	int step;

	*name = NULL;
	if (id == 0) {
		*name = strdup("");
		goto check;
	}
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, id);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		*name = store_column_dup(stmt, 0);
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "no theme %lld", (long long)id);
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "read theme");
	}
	sqlite3_reset(stmt);
	if (rc != JUAN_OK)
		return rc;
check:
	if (!*name) {
		store_set_error(s, "tag: out of memory");
		return JUAN_ENOMEM;
	}
	return JUAN_OK;
}

/* Gives document doc the theme named name ("" removes its theme). */
static enum juan_status
apply(struct store *s, int64_t doc, const char *name)
{
	static const char sql_untag[] = "DELETE FROM doc_themes WHERE doc_id = ?1";
	static const char sql_tag[] =
		"INSERT INTO doc_themes(doc_id, theme_id)"
		" SELECT ?1, id FROM themes WHERE name = ?2"
		" ON CONFLICT(doc_id) DO UPDATE SET"
		" theme_id = excluded.theme_id, tagged_at = datetime('now')";
	sqlite3_stmt *stmt = store_stmt(s, name[0] ? sql_tag : sql_untag);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	if (name[0])
		sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	rc = store_run(s, stmt, "tag");
	if (rc == JUAN_OK && name[0] && sqlite3_changes(s->db) == 0) {
		store_set_error(s, "theme \"%s\" no longer exists", name);
		rc = JUAN_ECONFLICT;
	}
	return rc;
}

static enum juan_status
record(struct store *s, int64_t doc, const char *old, const char *new,
       const char *op)
{
	static const char sql[] =
		"INSERT INTO history(doc_id, old_theme, new_theme, op)"
		" VALUES(?1, ?2, ?3, ?4)";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	sqlite3_bind_text(stmt, 2, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, new, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, op, -1, SQLITE_STATIC);
	return store_run(s, stmt, "record history");
}

struct tag_ctx {
	int64_t doc;
	int64_t theme;
};

static enum juan_status
tag(struct store *s, void *ctx)
{
	static const char sql_forget[] =
		"UPDATE history SET state = 2 WHERE op = 'tag' AND state = 1";
	struct tag_ctx *c = ctx;
	char *old = NULL, *new = NULL;
	sqlite3_stmt *stmt;
	enum juan_status rc;

	rc = current_theme(s, c->doc, &old);
	if (rc == JUAN_OK)
		rc = theme_name(s, c->theme, &new);
	if (rc != JUAN_OK || strcmp(old, new) == 0)
		goto done;
	rc = apply(s, c->doc, new);
	if (rc != JUAN_OK)
		goto done;
	if (!(stmt = store_stmt(s, sql_forget))) {
		rc = JUAN_EDB;
		goto done;
	}
	rc = store_run(s, stmt, "record history");
	if (rc == JUAN_OK)
		rc = record(s, c->doc, old, new, "tag");
done:
	free(old);
	free(new);
	return rc;
}

enum juan_status
store_tag(struct store *s, int64_t doc, int64_t theme_id)
{
	struct tag_ctx c = {doc, theme_id};

	return store_write(s, tag, &c);
}

struct step_ctx {
	bool redo;
	int64_t doc;
};

/* The row undo (or redo) would take: its id in *row, its document in
 * c->doc and its themes in *old and *new (caller frees). */
static enum juan_status
next_row(struct store *s, struct step_ctx *c, int64_t *row, char **old,
	 char **new)
{
	static const char sql_undo[] =
		"SELECT id, doc_id, old_theme, new_theme FROM history"
		" WHERE op = 'tag' AND state = 0 ORDER BY id DESC LIMIT 1";
	static const char sql_redo[] =
		"SELECT id, doc_id, old_theme, new_theme FROM history"
		" WHERE op = 'tag' AND state = 1 ORDER BY id LIMIT 1";
	sqlite3_stmt *stmt = store_stmt(s, c->redo ? sql_redo : sql_undo);
	enum juan_status rc = JUAN_OK;
	int step;

	*old = *new = NULL;
	if (!stmt)
		return JUAN_EDB;
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		*row = sqlite3_column_int64(stmt, 0);
		c->doc = sqlite3_column_int64(stmt, 1);
		*old = store_column_dup(stmt, 2);
		*new = store_column_dup(stmt, 3);
		if (!*old || !*new) {
			store_set_error(s, "history: out of memory");
			rc = JUAN_ENOMEM;
		}
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "nothing to %s", c->redo ? "redo" : "undo");
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "read history");
	}
	sqlite3_reset(stmt);
	return rc;
}

static enum juan_status
set_state(struct store *s, int64_t row, int state)
{
	static const char sql[] = "UPDATE history SET state = ?2 WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, row);
	sqlite3_bind_int(stmt, 2, state);
	return store_run(s, stmt, "record history");
}

/* Undoes the latest change in state 0, or redoes the earliest in state 1.
 * A change that no longer fits — its document's theme is not the one it
 * left, or the theme to go back to was removed with the theme set — is
 * forgotten (state 2) and the next one is taken. */
static enum juan_status
undo_redo(struct store *s, void *ctx)
{
	struct step_ctx *c = ctx;
	char *old = NULL, *new = NULL, *now = NULL;
	enum juan_status rc;
	int64_t row = 0;

	for (;;) {
		rc = next_row(s, c, &row, &old, &new);
		if (rc == JUAN_OK)
			rc = current_theme(s, c->doc, &now);
		if (rc != JUAN_OK)
			goto done;
		rc = JUAN_ECONFLICT;
		if (strcmp(now, c->redo ? old : new) == 0)
			rc = apply(s, c->doc, c->redo ? new : old);
		if (rc != JUAN_ECONFLICT)
			break;
		rc = set_state(s, row, 2);
		if (rc != JUAN_OK)
			goto done;
		free(old);
		free(new);
		free(now);
		old = new = now = NULL;
	}
	if (rc == JUAN_OK)
		rc = set_state(s, row, c->redo ? 0 : 1);
	if (rc != JUAN_OK)
		goto done;
	if (c->redo)
		rc = record(s, c->doc, old, new, "redo");
	else
		rc = record(s, c->doc, new, old, "undo");
done:
	free(old);
	free(new);
	free(now);
	return rc;
}

enum juan_status
store_undo(struct store *s, int64_t *doc)
{
	struct step_ctx c = {false, 0};
	enum juan_status rc = store_write(s, undo_redo, &c);

	if (rc == JUAN_OK && doc)
		*doc = c.doc;
	return rc;
}

enum juan_status
store_redo(struct store *s, int64_t *doc)
{
	struct step_ctx c = {true, 0};
	enum juan_status rc = store_write(s, undo_redo, &c);

	if (rc == JUAN_OK && doc)
		*doc = c.doc;
	return rc;
}

enum juan_status
store_history(struct store *s, int64_t doc, history_fn cb, void *ctx)
{
	static const char sql_all[] =
		"SELECT id, doc_id, old_theme, new_theme, at, op FROM history"
		" ORDER BY id";
	static const char sql_doc[] =
		"SELECT id, doc_id, old_theme, new_theme, at, op FROM history"
		" WHERE doc_id = ?1 ORDER BY id";
	sqlite3_stmt *stmt = store_stmt(s, doc ? sql_doc : sql_all);
	enum juan_status rc = JUAN_OK;
	int step;

	if (!stmt)
		return JUAN_EDB;
	if (doc)
		sqlite3_bind_int64(stmt, 1, doc);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct history_entry e;

		e.id = sqlite3_column_int64(stmt, 0);
		e.doc = sqlite3_column_int64(stmt, 1);
		e.old_theme = (const char *)sqlite3_column_text(stmt, 2);
		e.new_theme = (const char *)sqlite3_column_text(stmt, 3);
		e.at = (const char *)sqlite3_column_text(stmt, 4);
		e.op = (const char *)sqlite3_column_text(stmt, 5);
		if (!e.old_theme || !e.new_theme || !e.at || !e.op) {
			store_set_error(s, "history: out of memory");
			rc = JUAN_ENOMEM;
			break;
		}
		if (cb(&e, ctx))
			break;
	}
	if (rc == JUAN_OK && step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_fail(s, "read history");
	sqlite3_reset(stmt);
	return rc;
}
