/* history: reading the change log back, and undoing and redoing changes.
 *
 * A change is the history rows with op 'tag' that share a change number
 * (tags.c writes them).  Undo reverts the latest change whose rows are in
 * state 0 and sets them to 1; redo re-applies the earliest change in state
 * 1 (the one undone last) and sets it back to 0; a new change sets every
 * row in state 1 to 2, so it can no longer be redone.  A change fits when
 * every value it set still has the value it set (for redo: the value it
 * left); one that does not fit is set to state 2 and skipped.  Undo and
 * redo add audit rows of their own (op 'undo', 'redo'). */
#include <stdlib.h>
#include <string.h>

#include "store_private.h"

/* One row of a change, with the scheme's id resolved. */
struct row {
	int64_t id;
	struct tag_value v;
	char *scheme_name;
	char *theme; /* secondary rows: the theme's name */
	char *old;
	char *new;
};

struct step {
	bool redo;
	int64_t change;
	struct row *rows;
	size_t n;
};

static void
rows_clear(struct step *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		free(st->rows[i].scheme_name);
		free(st->rows[i].theme);
		free(st->rows[i].old);
		free(st->rows[i].new);
	}
	free(st->rows);
	st->rows = NULL;
	st->n = 0;
}

void
change_clear(struct change *c)
{
	if (!c)
		return;
	free(c->scheme);
	free(c->field);
	free(c->old);
	free(c->now);
	memset(c, 0, sizeof(*c));
}

static enum juan_status
parse_field(const char *name, enum tag_field *f)
{
	enum tag_field i;

	for (i = TAG_FIELD_THEME; i <= TAG_FIELD_SCHEME; i++) {
		if (strcmp(tag_field_name(i), name) == 0) {
			*f = i;
			return JUAN_OK;
		}
	}
	return JUAN_EINVAL;
}

static enum juan_status
read_row(sqlite3_stmt *stmt, void *out)
{
	struct row *r = out;

	r->id = sqlite3_column_int64(stmt, 0);
	r->v.doc = sqlite3_column_int64(stmt, 1);
	r->scheme_name = store_column_dup(stmt, 2);
	r->v.scheme = sqlite3_column_int64(stmt, 3);
	r->old = store_column_dup(stmt, 5);
	r->new = store_column_dup(stmt, 6);
	if (!r->scheme_name || !r->old || !r->new)
		return JUAN_ENOMEM;
	if (parse_field((const char *)sqlite3_column_text(stmt, 4),
			&r->v.field) != JUAN_OK)
		return JUAN_EINVAL;
	if (r->v.field == TAG_FIELD_SECONDARY) {
		r->theme = strdup(r->old[0] ? r->old : r->new);
		if (!r->theme)
			return JUAN_ENOMEM;
		r->v.theme = r->theme;
	}
	return JUAN_OK;
}

/* Reads the rows of st->change into st->rows. */
static enum juan_status
read_rows(struct store *s, struct step *st)
{
	static const char sql[] =
		"SELECT h.id, coalesce(h.doc_id, 0), h.scheme,"
		" coalesce(sc.id, 0), h.field, h.old, h.new FROM history h"
		" LEFT JOIN schemes sc ON sc.name = h.scheme"
		" WHERE h.change = ?1 AND h.op = 'tag' ORDER BY h.id";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, st->change);
	return store_collect_rows(s, stmt, (void **)&st->rows, &st->n,
				  sizeof(*st->rows), read_row, "read history");
}

/* The change undo (or redo) would take next, in st->change. */
static enum juan_status
next_change(struct store *s, struct step *st)
{
	static const char sql_undo[] =
		"SELECT max(change) FROM history WHERE op = 'tag' AND state = 0";
	static const char sql_redo[] =
		"SELECT min(change) FROM history WHERE op = 'tag' AND state = 1";
	sqlite3_stmt *stmt = store_stmt(s, st->redo ? sql_redo : sql_undo);
	int step;

	if (!stmt)
		return JUAN_EDB;
	step = sqlite3_step(stmt);
	st->change = step == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (step != SQLITE_ROW)
		return store_fail(s, "read history");
	if (st->change == 0) {
		store_set_error(s, "nothing to %s", st->redo ? "redo" : "undo");
		return JUAN_ENOTFOUND;
	}
	return JUAN_OK;
}

/* Whether every row of st still holds what it set (undo) or left (redo).
 * A row whose scheme is gone for good does not fit. */
static enum juan_status
fits(struct store *s, const struct step *st, bool *ok)
{
	enum juan_status rc = JUAN_OK;
	size_t i;
	char *now;

	*ok = true;
	for (i = 0; i < st->n && *ok && rc == JUAN_OK; i++) {
		const struct row *r = &st->rows[i];

		if (!r->v.scheme && r->v.field != TAG_FIELD_NOTE) {
			*ok = false;
			break;
		}
		now = NULL;
		rc = tag_value_get(s, &r->v, &now);
		if (rc == JUAN_OK)
			*ok = strcmp(now, st->redo ? r->old : r->new) == 0;
		free(now);
	}
	return rc;
}

static enum juan_status
set_change_state(struct store *s, int64_t change, int state)
{
	static const char sql[] =
		"UPDATE history SET state = ?2 WHERE change = ?1 AND op = 'tag'";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, change);
	sqlite3_bind_int(stmt, 2, state);
	return store_run(s, stmt, "record history");
}

/* Applies st: redo forwards, undo backwards; audit rows under a new
 * change number. */
static enum juan_status
apply(struct store *s, struct step *st)
{
	static const char sql_next[] =
		"SELECT coalesce(max(change), 0) + 1 FROM history";
	sqlite3_stmt *stmt = store_stmt(s, sql_next);
	enum juan_status rc;
	size_t k;

	if (!stmt)
		return JUAN_EDB;
	rc = store_lookup_int(s, stmt, &s->change, "record history");
	for (k = 0; k < st->n && rc == JUAN_OK; k++) {
		const struct row *r = &st->rows[st->redo ? k : st->n - 1 - k];
		const char *from = st->redo ? r->old : r->new;
		const char *to = st->redo ? r->new : r->old;

		rc = tag_value_put(s, &r->v, to);
		if (rc == JUAN_OK)
			rc = tag_record(s, &r->v, from, to,
					st->redo ? "redo" : "undo");
	}
	if (rc == JUAN_OK)
		rc = set_change_state(s, st->change, st->redo ? 0 : 1);
	return rc;
}

static enum juan_status
undo_redo(struct store *s, void *ctx)
{
	struct step *st = ctx;
	enum juan_status rc;
	bool ok = false;

	for (;;) {
		rows_clear(st);
		rc = next_change(s, st);
		if (rc == JUAN_OK)
			rc = read_rows(s, st);
		if (rc == JUAN_OK)
			rc = fits(s, st, &ok);
		if (rc != JUAN_OK || ok)
			break;
		rc = set_change_state(s, st->change, 2);
		if (rc != JUAN_OK)
			break;
	}
	if (rc == JUAN_OK)
		rc = apply(s, st);
	return rc;
}

/* Describes st's first row in *out. */
static enum juan_status
describe(struct store *s, const struct step *st, struct change *out)
{
	const struct row *r = &st->rows[0];

	memset(out, 0, sizeof(*out));
	out->doc = r->v.doc;
	out->rows = (long)st->n;
	out->scheme = strdup(r->scheme_name);
	out->field = strdup(tag_field_name(r->v.field));
	out->old = strdup(st->redo ? r->old : r->new);
	out->now = strdup(st->redo ? r->new : r->old);
	if (out->scheme && out->field && out->old && out->now)
		return JUAN_OK;
	change_clear(out);
	store_set_error(s, "history: out of memory");
	return JUAN_ENOMEM;
}

static enum juan_status
step(struct store *s, bool redo, struct change *out)
{
	struct step st = {redo, 0, NULL, 0};
	enum juan_status rc = store_write(s, undo_redo, &st);

	if (rc == JUAN_OK && out)
		rc = describe(s, &st, out);
	rows_clear(&st);
	return rc;
}

enum juan_status
store_undo(struct store *s, struct change *out)
{
	return step(s, false, out);
}

enum juan_status
store_redo(struct store *s, struct change *out)
{
	return step(s, true, out);
}

enum juan_status
store_history(struct store *s, const struct history_filter *f, history_fn cb,
	      void *ctx)
{
	static const char sql[] =
		"SELECT id, change, coalesce(doc_id, 0), scheme, field, old, new,"
		" coder, at, op, accepted, source FROM history"
		" WHERE (?1 = 0 OR doc_id = ?1) AND (?2 IS NULL OR coder = ?2)"
		" AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR scheme = ?4)"
		" ORDER BY id";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	struct history_filter none = {0};
	enum juan_status rc = JUAN_OK;
	int step;

	if (!stmt)
		return JUAN_EDB;
	if (!f)
		f = &none;
	sqlite3_bind_int64(stmt, 1, f->doc);
	if (f->coder)
		sqlite3_bind_text(stmt, 2, f->coder, -1, SQLITE_STATIC);
	if (f->since)
		sqlite3_bind_text(stmt, 3, f->since, -1, SQLITE_STATIC);
	if (f->scheme)
		sqlite3_bind_text(stmt, 4, f->scheme, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct history_entry e;

		e.id = sqlite3_column_int64(stmt, 0);
		e.change = sqlite3_column_int64(stmt, 1);
		e.doc = sqlite3_column_int64(stmt, 2);
		e.scheme = (const char *)sqlite3_column_text(stmt, 3);
		e.field = (const char *)sqlite3_column_text(stmt, 4);
		e.old_value = (const char *)sqlite3_column_text(stmt, 5);
		e.new_value = (const char *)sqlite3_column_text(stmt, 6);
		e.coder = (const char *)sqlite3_column_text(stmt, 7);
		e.at = (const char *)sqlite3_column_text(stmt, 8);
		e.op = (const char *)sqlite3_column_text(stmt, 9);
		e.accepted = sqlite3_column_int(stmt, 10) != 0;
		e.source = (const char *)sqlite3_column_text(stmt, 11);
		if (!e.scheme || !e.field || !e.old_value || !e.new_value ||
		    !e.coder || !e.at || !e.op || !e.source) {
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

enum juan_status
store_coders(struct store *s, char ***out, size_t *n)
{
	static const char sql[] =
		"SELECT DISTINCT coder FROM history WHERE coder <> ''"
		" ORDER BY coder";
	sqlite3_stmt *stmt = store_stmt(s, sql);

	*out = NULL;
	*n = 0;
	if (!stmt)
		return JUAN_EDB;
	return store_collect_texts(s, stmt, out, n, "read history");
}
