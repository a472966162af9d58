/* settings: the store's small key/value table, change detection, and what
 * the store remembers having told the user (its open directory). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store_private.h"

/* The setting that remembers the user was told the directory is open. */
#define SETTING_DIR_TOLD "told_dir_open"

enum juan_status
store_setting_get(struct store *s, const char *key, char **value)
{
	static const char sql[] = "SELECT value FROM settings WHERE key = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	int step;

	*value = NULL;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		*value = store_column_dup(stmt, 0);
		if (!*value) {
			store_set_error(s, "setting %s: out of memory", key);
			rc = JUAN_ENOMEM;
		}
	} else if (step != SQLITE_DONE) {
		rc = store_fail(s, "read setting");
	}
	sqlite3_reset(stmt);
	return rc;
}

struct setting {
	const char *key;
	const char *value;
};

static enum juan_status
set(struct store *s, void *ctx)
{
	static const char sql_set[] =
		"INSERT INTO settings(key, value) VALUES(?1, ?2)"
		" ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	static const char sql_unset[] = "DELETE FROM settings WHERE key = ?1";
	struct setting *c = ctx;
	sqlite3_stmt *stmt = store_stmt(s, c->value ? sql_set : sql_unset);
	int step;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_text(stmt, 1, c->key, -1, SQLITE_STATIC);
	if (c->value)
		sqlite3_bind_text(stmt, 2, c->value, -1, SQLITE_STATIC);
	step = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	return step == SQLITE_DONE ? JUAN_OK : store_fail(s, "write setting");
}

enum juan_status
store_setting_set(struct store *s, const char *key, const char *value)
{
	struct setting c = {key, value};

	return store_write(s, set, &c);
}

enum juan_status
store_data_version(struct store *s, int64_t *version)
{
	static const char sql[] = "PRAGMA data_version";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;

	if (!stmt)
		return JUAN_EDB;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*version = sqlite3_column_int64(stmt, 0);
	else
		rc = store_fail(s, "read data version");
	sqlite3_reset(stmt);
	return rc;
}

bool
store_dir_exposed(struct store *s, char *dir, size_t dirsize)
{
	const char *slash = strrchr(s->path, '/');
	char *told = NULL;
	struct stat st;
	int len;

	if (s->readonly || dirsize == 0)
		return false;
	if (!slash)
		len = snprintf(dir, dirsize, ".");
	else if (slash == s->path)
		len = snprintf(dir, dirsize, "/");
	else
		len = snprintf(dir, dirsize, "%.*s", (int)(slash - s->path),
			       s->path);
	if (len < 0 || (size_t)len >= dirsize || stat(dir, &st) != 0 ||
	    (st.st_mode & (S_IRWXG | S_IRWXO)) == 0)
		return false;
	if (store_setting_get(s, SETTING_DIR_TOLD, &told) != JUAN_OK || told) {
		free(told);
		return false;
	}
	return store_setting_set(s, SETTING_DIR_TOLD, "1") == JUAN_OK;
}
