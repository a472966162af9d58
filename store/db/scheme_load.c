/* scheme_load: the themes of each scheme in the store — reading them as a
 * tree with their counts, finding one by name or key, and loading a theme
 * set into a scheme in place (a theme is retired, never deleted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/themes.h"
#include "store_private.h"

/* Every (ancestor, descendant) pair of the themes of scheme ?1, each theme
 * its own ancestor too. */
#define SUBTREE \
	"WITH RECURSIVE sub(anc, id) AS (" \
	" SELECT id, id FROM themes WHERE scheme_id = ?1" \
	" UNION ALL SELECT sub.anc, t.id FROM themes t" \
	" JOIN sub ON t.parent_id = sub.id)," \
	" tree(id, depth, path) AS (" \
	" SELECT id, 0, printf('%d%08d', retired, position) FROM themes" \
	" WHERE scheme_id = ?1 AND parent_id IS NULL" \
	" UNION ALL SELECT t.id, tree.depth + 1," \
	" tree.path || '/' || printf('%d%08d', t.retired, t.position)" \
	" FROM themes t" \
	" JOIN tree ON t.parent_id = tree.id) "

/* The documents whose main theme in scheme ?1 is theme, or one under it
 * (SUBTREE's sub).  A theme's count of any tag adds the documents with it
 * as a secondary theme and not as their main one: counted apart, not as a
 * UNION, which built a table of every tagged document for each theme
 * (100 ms of the browser's first screen at 100,000 coded documents). */
#define MAIN_OF(theme) \
	"(SELECT count(*) FROM doc_tags dt WHERE dt.scheme_id = ?1" \
	" AND dt.theme_id = " theme ")"
#define MAIN_UNDER(theme) \
	"(SELECT count(*) FROM doc_tags dt JOIN sub ON dt.theme_id = sub.id" \
	" WHERE sub.anc = " theme " AND dt.scheme_id = ?1)"

static enum juan_status
read_theme(sqlite3_stmt *stmt, void *out)
{
	const unsigned char *key = sqlite3_column_text(stmt, 3);
	struct theme *t = out;

	t->id = sqlite3_column_int64(stmt, 0);
	t->name = store_column_dup(stmt, 1);
	t->description = store_column_dup(stmt, 2);
	t->key = key && !sqlite3_column_int(stmt, 5) ? (char)key[0] : 0;
	t->position = sqlite3_column_int(stmt, 4);
	t->retired = sqlite3_column_int(stmt, 5) != 0;
	t->parent_id = sqlite3_column_int64(stmt, 6);
	t->parent = store_column_dup(stmt, 7);
	t->depth = sqlite3_column_int(stmt, 8);
	t->docs = (long)sqlite3_column_int64(stmt, 9);
	t->any = (long)sqlite3_column_int64(stmt, 10);
	t->docs_tree = (long)sqlite3_column_int64(stmt, 11);
	t->any_tree = (long)sqlite3_column_int64(stmt, 12);
	return t->name && t->description && t->parent ? JUAN_OK : JUAN_ENOMEM;
}

/* The columns read_theme() reads before the counts, and the rows. */
#define THEME_COLUMNS \
	"SELECT t.id, t.name, t.description, t.key, t.position," \
	" t.retired, coalesce(t.parent_id, 0), coalesce(p.name, '')," \
	" tree.depth,"
#define THEME_ROWS \
	" FROM tree JOIN themes t ON t.id = tree.id" \
	" LEFT JOIN themes p ON p.id = t.parent_id ORDER BY tree.path"

/* The themes of scheme by sql (SUBTREE, THEME_COLUMNS, four counts,
 * THEME_ROWS) into *out. */
static enum juan_status
read_themes(struct store *s, int64_t scheme, const char *sql,
	    struct theme_set *out)
{
	sqlite3_stmt *stmt;
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	rc = store_scheme_resolve(s, scheme, &scheme);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	rc = store_collect_rows(s, stmt, (void **)&out->themes, &out->n,
				sizeof(*out->themes), read_theme,
				"read themes");
	if (rc != JUAN_OK)
		theme_set_free(out);
	return rc;
}

enum juan_status
store_themes(struct store *s, int64_t scheme, struct theme_set *out)
{
	static const char sql[] = SUBTREE THEME_COLUMNS
		" " MAIN_OF("t.id") ","
		" " MAIN_OF("t.id") " + (SELECT count(*) FROM doc_secondary ds"
		"  WHERE ds.theme_id = t.id AND NOT EXISTS (SELECT 1"
		"  FROM doc_tags dt WHERE dt.doc_id = ds.doc_id"
		"  AND dt.scheme_id = ?1 AND dt.theme_id = t.id)),"
		" " MAIN_UNDER("t.id") ","
		" " MAIN_UNDER("t.id") " + (SELECT count(DISTINCT ds.doc_id)"
		"  FROM doc_secondary ds JOIN sub ON ds.theme_id = sub.id"
		"  WHERE sub.anc = t.id AND NOT EXISTS (SELECT 1 FROM doc_tags dt"
		"  JOIN sub s2 ON dt.theme_id = s2.id WHERE dt.doc_id = ds.doc_id"
		"  AND dt.scheme_id = ?1 AND s2.anc = t.id))"
		THEME_ROWS;

	return read_themes(s, scheme, sql, out);
}

enum juan_status
store_theme_tree(struct store *s, int64_t scheme, struct theme_set *out)
{
	static const char sql[] = SUBTREE THEME_COLUMNS " 0, 0, 0, 0"
		THEME_ROWS;

	return read_themes(s, scheme, sql, out);
}

/* Sets the error "no theme 'name' in scheme (themes: 1 a, 2 b)". */
static void
unknown_theme(struct store *s, int64_t scheme, const char *name)
{
	static const char sql[] =
		"SELECT group_concat(key || ' ' || name, ', '),"
		" (SELECT name FROM schemes WHERE id = ?1) FROM"
		" (SELECT key, name FROM themes WHERE scheme_id = ?1"
		"  AND NOT retired ORDER BY position)";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	const char *list = NULL, *sname = NULL;

	if (stmt) {
		sqlite3_bind_int64(stmt, 1, scheme);
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			list = (const char *)sqlite3_column_text(stmt, 0);
			sname = (const char *)sqlite3_column_text(stmt, 1);
		}
	}
	store_set_error(s, "no theme '%s' in scheme %s (themes: %s)", name,
			sname ? sname : "?", list ? list : "none");
	if (stmt)
		sqlite3_reset(stmt);
}

enum juan_status
store_theme_find(struct store *s, int64_t scheme, const char *name,
		 int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM themes WHERE scheme_id = ?1 AND name = ?2"
		" UNION ALL SELECT id FROM themes WHERE scheme_id = ?1"
		" AND key = ?2 AND NOT retired LIMIT 1";
	sqlite3_stmt *stmt;
	enum juan_status rc;

	rc = store_scheme_resolve(s, scheme, &scheme);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	rc = store_lookup_int(s, stmt, id, "find theme");
	if (rc == JUAN_ENOTFOUND)
		unknown_theme(s, scheme, name);
	return rc;
}

struct load_ctx {
	const char *name;
	const struct theme_set *set;
	struct theme_load_result res;
};

/* The scheme called c->name in c->res.scheme: revived when it was
 * removed, created when there is none. */
static enum juan_status
find_or_create(struct store *s, struct load_ctx *c)
{
	static const char sql_find[] = "SELECT id FROM schemes WHERE name = ?1";
	static const char sql_revive[] =
		"UPDATE schemes SET removed = 0 WHERE id = ?1";
	static const char sql_new[] = "INSERT INTO schemes(name) VALUES(?1)";
	sqlite3_stmt *stmt = store_stmt(s, sql_find);
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, c->name, -1, SQLITE_STATIC);
	rc = store_lookup_int(s, stmt, &c->res.scheme, "find scheme");
	if (rc == JUAN_OK) {
		if (!(stmt = store_stmt(s, sql_revive)))
			return JUAN_EDB;
		sqlite3_bind_int64(stmt, 1, c->res.scheme);
		return store_run(s, stmt, "load themes");
	}
	if (rc != JUAN_ENOTFOUND)
		return rc;
	if (!(stmt = store_stmt(s, sql_new)))
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, c->name, -1, SQLITE_STATIC);
	rc = store_run(s, stmt, "create scheme");
	c->res.scheme = sqlite3_last_insert_rowid(s->db);
	c->res.created = true;
	return rc;
}

/* Counts what loading c->set will do to the themes already there. */
static enum juan_status
count_changes(struct store *s, struct load_ctx *c)
{
	static const char sql_one[] =
		"SELECT retired FROM themes WHERE scheme_id = ?1 AND name = ?2";
	static const char sql_used[] =
		"SELECT count(*) FROM themes WHERE scheme_id = ?1 AND NOT retired";
	sqlite3_stmt *stmt;
	enum juan_status rc = JUAN_OK;
	int64_t retired, used = 0;
	size_t i;

	for (i = 0; i < c->set->n && rc == JUAN_OK; i++) {
		if (!(stmt = store_stmt(s, sql_one)))
			return JUAN_EDB;
		sqlite3_bind_int64(stmt, 1, c->res.scheme);
		sqlite3_bind_text(stmt, 2, c->set->themes[i].name, -1,
				  SQLITE_STATIC);
		rc = store_lookup_int(s, stmt, &retired, "read themes");
		if (rc == JUAN_ENOTFOUND)
			c->res.added++;
		else if (rc == JUAN_OK && retired)
			c->res.revived++;
		else if (rc == JUAN_OK)
			c->res.kept++;
		if (rc == JUAN_ENOTFOUND)
			rc = JUAN_OK;
	}
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql_used)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->res.scheme);
	rc = store_lookup_int(s, stmt, &used, "read themes");
	c->res.retired = (long)used - c->res.kept;
	return rc;
}

/* Retires every theme of the scheme, then brings back (or adds) those of
 * the set, with their keys, descriptions, positions and parents: keys are
 * unique among the themes in use only, so two themes may swap keys. */
static enum juan_status
write_set(struct store *s, struct load_ctx *c)
{
	static const char sql_retire[] =
		"UPDATE themes SET retired = 1 WHERE scheme_id = ?1";
	static const char sql_upsert[] =
		"INSERT INTO themes(scheme_id, name, key, description, position)"
		" VALUES(?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT(scheme_id, name) DO UPDATE SET key = excluded.key,"
		" description = excluded.description,"
		" position = excluded.position, parent_id = NULL, retired = 0";
	static const char sql_parent[] =
		"UPDATE themes SET parent_id = (SELECT id FROM themes"
		" WHERE scheme_id = ?1 AND name = ?3)"
		" WHERE scheme_id = ?1 AND name = ?2";
	const struct theme_set *set = c->set;
	sqlite3_stmt *stmt = store_stmt(s, sql_retire);
	enum juan_status rc;
	size_t i;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->res.scheme);
	rc = store_run(s, stmt, "load themes");
	for (i = 0; i < set->n && rc == JUAN_OK; i++) {
		const struct theme *t = &set->themes[i];

		if (!(stmt = store_stmt(s, sql_upsert)))
			return JUAN_EDB;
		sqlite3_bind_int64(stmt, 1, c->res.scheme);
		sqlite3_bind_text(stmt, 2, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, &t->key, 1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, t->description, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 5, (int)i);
		rc = store_run(s, stmt, "load themes");
	}
	for (i = 0; i < set->n && rc == JUAN_OK; i++) {
		const struct theme *t = &set->themes[i];

		if (!t->parent || !t->parent[0])
			continue;
		if (!(stmt = store_stmt(s, sql_parent)))
			return JUAN_EDB;
		sqlite3_bind_int64(stmt, 1, c->res.scheme);
		sqlite3_bind_text(stmt, 2, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, t->parent, -1, SQLITE_STATIC);
		rc = store_run(s, stmt, "load themes");
	}
	return rc;
}

static enum juan_status
load(struct store *s, void *ctx)
{
	static const char sql_activate[] =
		"UPDATE schemes SET active = 1 WHERE id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM schemes WHERE active)";
	struct load_ctx *c = ctx;
	sqlite3_stmt *stmt;
	enum juan_status rc;

	rc = find_or_create(s, c);
	if (rc == JUAN_OK)
		rc = count_changes(s, c);
	if (rc == JUAN_OK)
		rc = write_set(s, c);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql_activate)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->res.scheme);
	return store_run(s, stmt, "activate scheme");
}

/* JUAN_EINVAL, with the error set, when set cannot be a scheme. */
static enum juan_status
check_set(struct store *s, const char *name, const struct theme_set *set)
{
	size_t i;

	if (!name || !name[0] || !store_plain_text(name, 64)) {
		store_set_error(s, "a scheme needs a name: at most 64 bytes of "
				"UTF-8 text without control characters");
		return JUAN_EINVAL;
	}
	if (set->n == 0) {
		store_set_error(s, "an empty theme set");
		return JUAN_EINVAL;
	}
	for (i = 0; i < set->n; i++) {
		const struct theme *t = &set->themes[i];

		if (!t->key) {
			store_set_error(s, "theme \"%s\" has no usable key",
					t->name);
			return JUAN_EINVAL;
		}
		if (t->parent && t->parent[0] &&
		    !theme_set_find(set, t->parent)) {
			store_set_error(s, "theme \"%s\": no parent \"%s\"",
					t->name, t->parent);
			return JUAN_EINVAL;
		}
	}
	return JUAN_OK;
}

enum juan_status
store_themes_load(struct store *s, const char *name,
		  const struct theme_set *set, struct theme_load_result *res)
{
	struct load_ctx c = {name, set, {0}};
	enum juan_status rc;

	rc = check_set(s, name, set);
	if (rc == JUAN_OK)
		rc = store_write(s, load, &c);
	if (res)
		*res = c.res;
	return rc;
}
