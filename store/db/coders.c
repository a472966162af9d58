/* coders: the coders of a scheme, this store's and other stores', each
 * told by (store uid, name) and shown by name, or name#PREFIX when two
 * stores have a coder of that name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/coders.h"
#include "store_private.h"

/* The shortest uid prefix shown after '#'. */
#define CODER_PREFIX_MIN 4

enum juan_status
coders_self_uid(struct store *s, char uid[CODER_UID_SIZE])
{
	char *value = NULL;
	enum juan_status rc;

	uid[0] = '\0';
	rc = store_setting_get(s, "store.uid", &value);
	if (rc != JUAN_OK)
		goto done;
	if (!value || strlen(value) != CODER_UID_LEN) {
		store_set_error(s, "the store has no uid (setting store.uid)");
		rc = JUAN_ENOTFOUND;
		goto done;
	}
	memcpy(uid, value, CODER_UID_SIZE);
done:
	free(value);
	return rc;
}

/* The row of one coder: uid, name, is_self, count and pending in the
 * scheme (0 when the coder coded only other schemes). */
static enum juan_status
read_coder(sqlite3_stmt *stmt, void *out)
{
	struct coder *c = out;
	const unsigned char *uid = sqlite3_column_text(stmt, 0);

	if (uid)
		snprintf(c->uid, sizeof(c->uid), "%s", (const char *)uid);
	c->is_self = sqlite3_column_int(stmt, 2) != 0;
	c->count = (long)sqlite3_column_int64(stmt, 3);
	c->pending = (long)sqlite3_column_int64(stmt, 4);
	c->name = store_column_dup(stmt, 1);
	return c->name ? JUAN_OK : JUAN_ENOMEM;
}

/* The prefix length that tells c's uid from every other coder of v[0..n)
 * with c's name; 0 when no other coder has it. */
static size_t
prefix_needed(const struct coder *v, size_t n, const struct coder *c)
{
	size_t len = 0;

	for (size_t j = 0; j < n; j++) {
		size_t same = 0;

		if (&v[j] == c || strcmp(v[j].name, c->name) != 0)
			continue;
		while (same < CODER_UID_LEN && v[j].uid[same] == c->uid[same])
			same++;
		if (same + 1 > len)
			len = same + 1;
	}
	if (len == 0)
		return 0;
	if (len < CODER_PREFIX_MIN)
		len = CODER_PREFIX_MIN;
	return len > CODER_UID_LEN ? CODER_UID_LEN : len;
}

/* Gives every coder of l its display, against all of l. */
static enum juan_status
make_displays(struct coder_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct coder *c = &l->v[i];
		const char *name = c->name[0] ? c->name : "(none)";
		size_t len = prefix_needed(l->v, l->n, c);
		int w;

		if (len == 0)
			c->display = strdup(name);
		else if ((w = snprintf(NULL, 0, "%s#%.*s", name, (int)len,
				       c->uid)) >= 0 &&
			 (c->display = malloc((size_t)w + 1)))
			snprintf(c->display, (size_t)w + 1, "%s#%.*s", name,
				 (int)len, c->uid);
		if (!c->display)
			return JUAN_ENOMEM;
	}
	return JUAN_OK;
}

/* Drops the coders of l without a coding in the scheme. */
static void
keep_counted(struct coder_list *l)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].count > 0) {
			l->v[kept++] = l->v[i];
			continue;
		}
		free(l->v[i].name);
		free(l->v[i].display);
	}
	l->n = kept;
}

enum juan_status
coders_list(struct store *s, int64_t scheme, struct coder_list *out)
{
	/* Every coder known, of any scheme, so that a collision is shown the
	 * same way whichever scheme is listed. */
	static const char sql[] =
		/* a coding of this store is its main theme's or state's
		 * coder's, else its secondary themes' (as sync.c exports
		 * it) */
		"WITH coded(doc, scheme) AS ("
		"  SELECT doc_id, scheme_id FROM doc_tags"
		"  UNION SELECT doc_id, scheme_id FROM doc_secondary),"
		" own(coder, doc, scheme) AS (SELECT coalesce("
		"   (SELECT coder FROM doc_tags WHERE doc_id = doc"
		"    AND scheme_id = scheme),"
		"   (SELECT max(coder) FROM doc_secondary WHERE doc_id = doc"
		"    AND scheme_id = scheme)), doc, scheme FROM coded)"
		" SELECT ?3, coder, 1,"
		"  count(DISTINCT CASE WHEN scheme = ?1 THEN doc END), 0"
		" FROM own GROUP BY coder"
		" UNION ALL"
		" SELECT c.uid, c.coder, 0, coalesce(sum(m), 0),"
		"  coalesce(sum(m AND NOT EXISTS (SELECT 1 FROM documents d"
		"   WHERE d.hash = c.hash)), 0)"
		" FROM (SELECT *, scheme = ?2 AND (theme <> '' OR state <> ''"
		"   OR secondary <> '') AS m FROM codings) c"
		" GROUP BY c.uid, c.coder"
		" ORDER BY 2, 1";
	char uid[CODER_UID_SIZE];
	char *name = NULL;
	sqlite3_stmt *stmt;
	enum juan_status rc;
	int64_t id;

	memset(out, 0, sizeof(*out));
	rc = store_scheme_resolve(s, scheme, &id);
	if (rc != JUAN_OK)
		goto done;
	rc = store_scheme_name(s, id, &name);
	if (rc != JUAN_OK)
		goto done;
	rc = coders_self_uid(s, uid);
	if (rc != JUAN_OK)
		goto done;
	if (!(stmt = store_stmt(s, sql))) {
		rc = JUAN_EDB;
		goto done;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, uid, -1, SQLITE_STATIC);
	rc = store_collect_rows(s, stmt, (void **)&out->v, &out->n,
				sizeof(*out->v), read_coder, "list coders");
	if (rc != JUAN_OK)
		goto done;
	rc = make_displays(out);
	if (rc != JUAN_OK) {
		store_set_error(s, "list coders: out of memory");
		goto done;
	}
	keep_counted(out);
done:
	free(name);
	return rc;
}

enum juan_status
coder_list_find(const struct coder_list *l, const char *text, size_t *index)
{
	const char *hash = strrchr(text, '#');
	size_t found = 0, at = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].display && strcmp(l->v[i].display, text) == 0) {
			*index = i;
			return JUAN_OK;
		}
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct coder *c = &l->v[i];
		bool match;

		if (hash)
			match = strlen(c->name) == (size_t)(hash - text) &&
				strncmp(c->name, text, (size_t)(hash - text)) == 0 &&
				hash[1] && strncmp(c->uid, hash + 1,
						   strlen(hash + 1)) == 0;
		else
			match = strcmp(c->name, text) == 0;
		if (match) {
			found++;
			at = i;
		}
	}
	if (found == 0)
		return JUAN_ENOTFOUND;
	if (found > 1)
		return JUAN_ECONFLICT;
	*index = at;
	return JUAN_OK;
}

void
coder_list_free(struct coder_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].display);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
