/* schemes: the theme sets of a store side by side — listing them with
 * their counts, finding one by name, the active one, removing one (its
 * tags into the history, so that undo brings them back). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_private.h"

void
scheme_info_free(struct scheme_info *list, size_t n)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < n; i++)
		free(list[i].name);
	free(list);
}

static enum juan_status
read_scheme(sqlite3_stmt *stmt, void *out)
{
	struct scheme_info *si = out;

	si->id = sqlite3_column_int64(stmt, 0);
	si->name = store_column_dup(stmt, 1);
	si->active = sqlite3_column_int(stmt, 2) != 0;
	si->themes = (long)sqlite3_column_int64(stmt, 3);
	si->retired = (long)sqlite3_column_int64(stmt, 4);
	si->tagged = (long)sqlite3_column_int64(stmt, 5);
	si->secondary = (long)sqlite3_column_int64(stmt, 6);
	si->none = (long)sqlite3_column_int64(stmt, 7);
	si->unsure = (long)sqlite3_column_int64(stmt, 8);
	si->reviewed = (long)sqlite3_column_int64(stmt, 9);
	return si->name ? JUAN_OK : JUAN_ENOMEM;
}

enum juan_status
store_schemes(struct store *s, struct scheme_info **out, size_t *n)
{
	static const char sql[] =
		"SELECT sc.id, sc.name, sc.active,"
		" (SELECT count(*) FROM themes t WHERE t.scheme_id = sc.id"
		"  AND NOT t.retired),"
		" (SELECT count(*) FROM themes t WHERE t.scheme_id = sc.id"
		"  AND t.retired),"
		" (SELECT count(*) FROM doc_tags dt WHERE dt.scheme_id = sc.id"
		"  AND dt.theme_id IS NOT NULL),"
		" (SELECT count(DISTINCT doc_id) FROM doc_secondary ds"
		"  WHERE ds.scheme_id = sc.id),"
		" (SELECT count(*) FROM doc_tags dt WHERE dt.scheme_id = sc.id"
		"  AND dt.state = 'none'),"
		" (SELECT count(*) FROM doc_tags dt WHERE dt.scheme_id = sc.id"
		"  AND dt.state = 'unsure'),"
		" (SELECT count(*) FROM doc_tags dt WHERE dt.scheme_id = sc.id)"
		" FROM schemes sc WHERE NOT sc.removed"
		" ORDER BY sc.active DESC, sc.name";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc;

	*out = NULL;
	*n = 0;
	if (!stmt)
		return JUAN_EDB;
	rc = store_collect_rows(s, stmt, (void **)out, n, sizeof(**out),
				read_scheme, "read schemes");
	if (rc != JUAN_OK) {
		scheme_info_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* Sets the error "no scheme 'name' (schemes: a, b)". */
static void
unknown_scheme(struct store *s, const char *name)
{
	static const char sql[] =
		"SELECT group_concat(name, ', ') FROM"
		" (SELECT name FROM schemes WHERE NOT removed ORDER BY name)";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	const char *list = NULL;

	if (stmt && sqlite3_step(stmt) == SQLITE_ROW)
		list = (const char *)sqlite3_column_text(stmt, 0);
	store_set_error(s, "no scheme '%s' (schemes: %s)", name,
			list ? list : "none");
	if (stmt)
		sqlite3_reset(stmt);
}

enum juan_status
store_scheme_id(struct store *s, const char *name, int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM schemes WHERE name = ?1 AND NOT removed";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	rc = store_lookup_int(s, stmt, id, "find scheme");
	if (rc == JUAN_ENOTFOUND)
		unknown_scheme(s, name);
	return rc;
}

enum juan_status
store_scheme_active(struct store *s, int64_t *id)
{
	return store_scheme_resolve(s, 0, id);
}

enum juan_status
store_scheme_name(struct store *s, int64_t id, char **name)
{
	static const char sql[] = "SELECT name FROM schemes WHERE id = ?1";
	sqlite3_stmt *stmt;
	enum juan_status rc;
	int step;

	*name = NULL;
	rc = store_scheme_resolve(s, id, &id);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, id);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW && !(*name = store_column_dup(stmt, 0))) {
		store_set_error(s, "read scheme: out of memory");
		rc = JUAN_ENOMEM;
	} else if (step != SQLITE_ROW) {
		rc = store_fail(s, "read scheme");
	}
	sqlite3_reset(stmt);
	return rc;
}

static enum juan_status
activate(struct store *s, void *ctx)
{
	static const char sql_off[] =
		"UPDATE schemes SET active = 0 WHERE active";
	static const char sql_on[] =
		"UPDATE schemes SET active = 1 WHERE id = ?1 AND NOT removed";
	const int64_t *id = ctx;
	sqlite3_stmt *stmt = store_stmt(s, sql_off);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	rc = store_run(s, stmt, "activate scheme");
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql_on)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, *id);
	rc = store_run(s, stmt, "activate scheme");
	if (rc == JUAN_OK && sqlite3_changes(s->db) == 0) {
		store_set_error(s, "no scheme %lld", (long long)*id);
		rc = JUAN_ENOTFOUND;
	}
	return rc;
}

enum juan_status
store_scheme_activate(struct store *s, int64_t id)
{
	return store_write(s, activate, &id);
}

struct remove_ctx {
	int64_t scheme;
	bool force;
	long tags;
};

/* A document's tag to remove: theme is the secondary theme's name. */
struct gone {
	int64_t doc;
	char *theme;
};

static void
gone_free(struct gone *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(g[i].theme);
	free(g);
}

static enum juan_status
read_gone(sqlite3_stmt *stmt, void *out)
{
	struct gone *g = out;

	g->doc = sqlite3_column_int64(stmt, 0);
	g->theme = store_column_dup(stmt, 1);
	return g->theme ? JUAN_OK : JUAN_ENOMEM;
}

/* Removes the main themes and states (doc_tags) or the secondary themes
 * (doc_secondary) of scheme c->scheme one by one, with a history row
 * each. */
static enum juan_status
remove_tags(struct store *s, struct remove_ctx *c, bool secondary)
{
	static const char sql_tags[] =
		"SELECT doc_id, '' FROM doc_tags WHERE scheme_id = ?1";
	static const char sql_secondary[] =
		"SELECT ds.doc_id, t.name FROM doc_secondary ds JOIN themes t"
		" ON t.id = ds.theme_id WHERE ds.scheme_id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, secondary ? sql_secondary : sql_tags);
	struct tag_value v = {TAG_FIELD_SECONDARY, c->scheme, 0, NULL};
	struct gone *list = NULL;
	size_t n = 0, i;
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->scheme);
	rc = store_collect_rows(s, stmt, (void **)&list, &n, sizeof(*list),
				read_gone, "read tags");
	for (i = 0; i < n && rc == JUAN_OK; i++) {
		v.doc = list[i].doc;
		v.theme = list[i].theme;
		if (secondary) {
			rc = tag_change(s, &v, "");
			continue;
		}
		v.field = TAG_FIELD_THEME;
		rc = tag_change(s, &v, "");
		v.field = TAG_FIELD_STATE;
		if (rc == JUAN_OK)
			rc = tag_change(s, &v, "");
	}
	gone_free(list, n);
	return rc;
}

static enum juan_status
remove_scheme(struct store *s, void *ctx)
{
	static const char sql_count[] =
		"SELECT (SELECT count(*) FROM doc_tags WHERE scheme_id = ?1)"
		" + (SELECT count(*) FROM doc_secondary WHERE scheme_id = ?1)";
	static const char sql_next[] =
		"SELECT id FROM schemes WHERE NOT removed ORDER BY name LIMIT 1";
	struct remove_ctx *c = ctx;
	struct tag_value v = {TAG_FIELD_SCHEME, c->scheme, 0, NULL};
	sqlite3_stmt *stmt = store_stmt(s, sql_count);
	enum juan_status rc;
	int64_t tags = 0, active = 0, next;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->scheme);
	rc = store_lookup_int(s, stmt, &tags, "count tags");
	if (rc != JUAN_OK)
		return rc;
	c->tags = (long)tags;
	if (tags > 0 && !c->force) {
		store_set_error(s, "%ld document tag%s would go", c->tags,
				c->tags == 1 ? "" : "s");
		return JUAN_ECONFLICT;
	}
	rc = store_scheme_resolve(s, 0, &active);
	if (rc == JUAN_ENOTFOUND)
		rc = JUAN_OK;
	if (rc == JUAN_OK)
		rc = tag_change_begin(s);
	if (rc == JUAN_OK)
		rc = tag_change(s, &v, "");
	if (rc == JUAN_OK)
		rc = remove_tags(s, c, true);
	if (rc == JUAN_OK)
		rc = remove_tags(s, c, false);
	if (rc != JUAN_OK || active != c->scheme)
		return rc;
	if (!(stmt = store_stmt(s, sql_next)))
		return JUAN_EDB;
	rc = store_lookup_int(s, stmt, &next, "read schemes");
	if (rc == JUAN_ENOTFOUND)
		return JUAN_OK;
	if (rc == JUAN_OK)
		rc = activate(s, &next);
	return rc;
}

enum juan_status
store_scheme_remove(struct store *s, int64_t id, bool force, long *tags)
{
	struct remove_ctx c = {id, force, 0};
	enum juan_status rc;

	rc = store_scheme_resolve(s, id, &c.scheme);
	if (rc == JUAN_OK)
		rc = store_write(s, remove_scheme, &c);
	if (tags)
		*tags = c.tags;
	return rc;
}
