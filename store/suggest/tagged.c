/* tagged: reading the tagged documents of a scheme for training and
 * evaluating, and what tells a saved model stale (suggest_private.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "db/store_private.h"
#include "suggest_private.h"

/* Characters of the body read: FEATURES_BODY_MAX bytes are at most this
 * many characters, and CJK text is three bytes a character. */
#define BODY_CHARS FEATURES_BODY_MAX

enum juan_status
tagged_fingerprint(struct store *s, int64_t scheme, long *tags, int64_t *last)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM doc_tags t JOIN themes th"
		"  ON th.id = t.theme_id WHERE t.scheme_id = ?1"
		"  AND NOT th.retired),"
		" (SELECT coalesce(max(h.id), 0) FROM history h"
		"  WHERE h.field = 'theme'"
		"  AND h.scheme = (SELECT name FROM schemes WHERE id = ?1))";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	int step;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	step = sqlite3_step(stmt);
	if (step != SQLITE_ROW) {
		enum juan_status rc = store_fail(s, "read the tags");

		sqlite3_reset(stmt);
		return rc;
	}
	*tags = (long)sqlite3_column_int64(stmt, 0);
	*last = sqlite3_column_int64(stmt, 1);
	sqlite3_reset(stmt);
	return JUAN_OK;
}

enum juan_status
tagged_read(struct store *s, int64_t scheme, struct dict *d, bool keep_text,
	    struct tagged *out)
{
	/* in the order they were tagged: the last history row of the
	 * document's theme in this scheme, then the time (a store migrated
	 * from schema 1 may lack rows) */
	static const char sql[] =
		"SELECT d.id, t.theme_id, d.title, d.issuer, d.topic,"
		" substr(d.body, 1, ?2) FROM doc_tags t"
		" JOIN documents d ON d.id = t.doc_id"
		" JOIN themes th ON th.id = t.theme_id"
		" WHERE t.scheme_id = ?1 AND NOT th.retired"
		" ORDER BY (SELECT max(h.id) FROM history h"
		"  WHERE h.doc_id = t.doc_id AND h.field = 'theme'"
		"  AND h.scheme = (SELECT name FROM schemes WHERE id = ?1)),"
		" t.tagged_at, t.doc_id";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	size_t cap = 0, tcap = 0;
	long tags;
	int step;

	memset(out, 0, sizeof(*out));
	if (!stmt)
		return JUAN_EDB;
	if ((rc = tagged_fingerprint(s, scheme, &tags, &out->last)) != JUAN_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_int(stmt, 2, BODY_CHARS);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct feature_text t = {
			(const char *)sqlite3_column_text(stmt, 2),
			(const char *)sqlite3_column_text(stmt, 3),
			(const char *)sqlite3_column_text(stmt, 4),
			(const char *)sqlite3_column_text(stmt, 5),
		};
		struct sdoc *grown = array_reserve(out->docs, &cap, out->n + 1,
						   sizeof(*grown));
		struct feature_text *tg = NULL;

		if (!grown) {
			rc = JUAN_ENOMEM;
			break;
		}
		out->docs = grown;
		if (keep_text) {
			tg = array_reserve(out->texts, &tcap, out->n + 1,
					   sizeof(*tg));
			if (!tg) {
				rc = JUAN_ENOMEM;
				break;
			}
			out->texts = tg;
			tg = &out->texts[out->n];
			memset(tg, 0, sizeof(*tg));
		}
		rc = sdoc_from_text(d, true, &t, &out->docs[out->n]);
		if (rc != JUAN_OK)
			break;
		out->docs[out->n].id = sqlite3_column_int64(stmt, 0);
		out->docs[out->n].theme = sqlite3_column_int64(stmt, 1);
		if (tg) {
			tg->title = store_column_dup(stmt, 2);
			tg->issuer = store_column_dup(stmt, 3);
			tg->topic = store_column_dup(stmt, 4);
			tg->body = store_column_dup(stmt, 5);
		}
		out->n++;
		if (tg && (!tg->title || !tg->issuer || !tg->topic ||
			   !tg->body)) {
			rc = JUAN_ENOMEM;
			break;
		}
	}
	if (rc == JUAN_OK && step != SQLITE_DONE)
		rc = store_fail(s, "read the tagged documents");
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "suggest: out of memory");
	sqlite3_reset(stmt);
	if (rc != JUAN_OK)
		tagged_free(out);
	return rc;
}

void
tagged_free(struct tagged *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->n; i++) {
		sdoc_clear(&t->docs[i]);
		if (t->texts) {
			free((char *)t->texts[i].title);
			free((char *)t->texts[i].issuer);
			free((char *)t->texts[i].topic);
			free((char *)t->texts[i].body);
		}
	}
	free(t->docs);
	free(t->texts);
	memset(t, 0, sizeof(*t));
}
