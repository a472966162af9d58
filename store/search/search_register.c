/* search_register: juan's extensions on a connection — the one place
 * that asks SQLite for its FTS5 API and hands it to the tokenizer and the
 * functions, and the scalar functions juan_genre(title) (doc_title_genre(),
 * for the query language's type:) and juan_doubts(head, body, tail) (the
 * parse's doubts, for the migration that stores them). */
#include <stdlib.h>
#include <string.h>

#include "juan/parse.h"

#include "search_private.h"

/* The FTS5 extension API of db in *api.  Returns an SQLite result code. */
static int
fts5_api_of(sqlite3 *db, fts5_api **api)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	*api = NULL;
	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(stmt, 1, (void *)api, "fts5_api_ptr", NULL);
	sqlite3_step(stmt);
	rc = sqlite3_finalize(stmt);
	if (rc == SQLITE_OK && !*api)
		rc = SQLITE_ERROR;
	return rc;
}

/* juan_genre(title): the genre word the title ends with, "" for none. */
static void
genre_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *title = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	sqlite3_result_text(ctx, doc_title_genre(title ? title : ""), -1,
			    SQLITE_STATIC);
}

/* juan_doubts(head, body, tail): why the parse of the text head || body ||
 * tail is unsure, as parse_doubts_join() writes it. */
static void
doubts_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct doc *d = NULL;
	size_t len = 0, part[3], i;
	char *text, *joined = NULL;

	(void)argc;
	for (i = 0; i < 3; i++) {
		sqlite3_value_text(argv[i]);
		part[i] = (size_t)sqlite3_value_bytes(argv[i]);
		len += part[i];
	}
	text = malloc(len + 1);
	if (text == NULL)
		goto done;
	len = 0;
	for (i = 0; i < 3; i++) {
		if (part[i] > 0)
			memcpy(text + len, sqlite3_value_text(argv[i]),
			       part[i]);
		len += part[i];
	}
	text[len] = '\0';
	if (doc_parse(text, len, &d) == JUAN_OK)
		joined = doc_doubts_joined(text, len, d, NULL);
done:
	if (joined != NULL)
		sqlite3_result_text(ctx, joined, -1, free);
	else
		sqlite3_result_error_nomem(ctx);
	doc_free(&d);
	free(text);
}

int
search_register(sqlite3 *db)
{
	fts5_api *api;
	int rc = fts5_api_of(db, &api);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_create_function(db, "juan_genre", 1,
				     SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				     genre_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "juan_doubts", 3,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     NULL, doubts_fn, NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = tokenize_fts5_register(api);
	if (rc != SQLITE_OK)
		return rc;
	return search_fts5_register(api);
}
