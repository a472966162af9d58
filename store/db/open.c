/* open: store_open() — a connection (store.c) with juan's FTS5 extensions
 * (the search module) and a migrated schema, seeded with the default theme
 * set when new (themes.c).  Above all three, so that none of them calls
 * another back. */
#include <stdio.h>
#include <string.h>

#include "juan/pack.h"
#include "juan/themes.h"
#include "search/search_private.h"
#include "suggest/suggest_sql.h"
#include "store_private.h"

/* Fills a new store with the theme set built into juan. */
static enum juan_status
seed_default_themes(struct store *s)
{
	struct theme_set set = {0};
	char why[256];
	enum juan_status rc;
	const char *tsv = themes_default_tsv();

	rc = theme_set_parse(tsv, strlen(tsv), &set, why, sizeof(why));
	if (rc != JUAN_OK) {
		store_set_error(s, "built-in theme set: %s", why);
		return rc;
	}
	rc = store_themes_load(s, "gov-topics", &set, NULL);
	theme_set_free(&set);
	return rc;
}

enum juan_status
store_open(const char *path, struct store **out, char *err, size_t errsize)
{
	struct store *s;
	enum juan_status rc;

	rc = store_connect(path, &s, err, errsize);
	if (rc != JUAN_OK)
		goto done;
	if (pack_register(s->db) != SQLITE_OK) {
		rc = store_fail(s, "register the text functions");
		goto done;
	}
	if (search_register(s->db) != SQLITE_OK) {
		rc = store_fail(s, "register full-text search");
		goto done;
	}
	rc = suggest_sql_register(s);
	if (rc == JUAN_OK)
		rc = store_migrate(s, seed_default_themes);
done:
	if (rc != JUAN_OK && s) {
		snprintf(err, errsize, "%s: %s", path, store_error(s));
		store_close(&s);
	}
	*out = s;
	return rc;
}
