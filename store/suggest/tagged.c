/* tagged: reading the tagged documents of a scheme for training and
 * evaluating, and what tells a saved model stale (suggest_private.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "db/store_private.h"
#include "suggest_private.h"


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

/* Called by each_tagged() with every tagged document: stmt's row (id,
 * theme, title, issuer, topic, body) and its text. */
typedef enum juan_status (*tagged_fn)(void *ctx, sqlite3_stmt *stmt,
				      const struct feature_text *t);

/* Calls fn for each tagged document of scheme in the order they were
 * tagged, until it fails; sets the store's error for JUAN_ENOMEM. */
static enum juan_status
each_tagged(struct store *s, int64_t scheme, tagged_fn fn, void *ctx)
{
	/* in the order they were tagged: the last history row of the
	 * document's theme in this scheme, then the time (a store migrated
	 * from schema 1 may lack rows) */
	static const char sql[] =
		"SELECT d.id, t.theme_id, d.title, d.issuer, d.topic,"
		" juan_text(d.body, ?2) FROM doc_tags t"
		" JOIN documents d ON d.id = t.doc_id"
		" JOIN themes th ON th.id = t.theme_id"
		" WHERE t.scheme_id = ?1 AND NOT th.retired"
		" ORDER BY (SELECT max(h.id) FROM history h"
		"  WHERE h.doc_id = t.doc_id AND h.field = 'theme'"
		"  AND h.scheme = (SELECT name FROM schemes WHERE id = ?1)),"
		" t.tagged_at, t.doc_id";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	int step;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_int(stmt, 2, FEATURES_BODY_MAX);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct feature_text t = {
			(const char *)sqlite3_column_text(stmt, 2),
			(const char *)sqlite3_column_text(stmt, 3),
			(const char *)sqlite3_column_text(stmt, 4),
			(const char *)sqlite3_column_text(stmt, 5),
		};

		if ((rc = fn(ctx, stmt, &t)) != JUAN_OK)
			break;
	}
	if (rc == JUAN_OK && step != SQLITE_DONE)
		rc = store_fail(s, "read the tagged documents");
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "suggest: out of memory");
	sqlite3_reset(stmt);
	return rc;
}

struct read_ctx {
	struct dict *d;
	bool keep_text;
	struct tagged *out;
	size_t cap, tcap;
};

static enum juan_status
read_one(void *ctx, sqlite3_stmt *stmt, const struct feature_text *t)
{
	struct read_ctx *c = ctx;
	struct tagged *out = c->out;
	struct sdoc *grown = array_reserve(out->docs, &c->cap, out->n + 1,
					   sizeof(*grown));
	struct feature_text *tg = NULL;
	enum juan_status rc;

	if (!grown)
		return JUAN_ENOMEM;
	out->docs = grown;
	if (c->keep_text) {
		tg = array_reserve(out->texts, &c->tcap, out->n + 1,
				   sizeof(*tg));
		if (!tg)
			return JUAN_ENOMEM;
		out->texts = tg;
		tg = &out->texts[out->n];
		memset(tg, 0, sizeof(*tg));
	}
	if ((rc = sdoc_from_text(c->d, true, t, &out->docs[out->n])) != JUAN_OK)
		return rc;
	out->docs[out->n].id = sqlite3_column_int64(stmt, 0);
	out->docs[out->n].theme = sqlite3_column_int64(stmt, 1);
	if (tg) {
		tg->title = store_column_dup(stmt, 2);
		tg->issuer = store_column_dup(stmt, 3);
		tg->topic = store_column_dup(stmt, 4);
		tg->body = store_column_dup(stmt, 5);
	}
	out->n++;
	if (tg && (!tg->title || !tg->issuer || !tg->topic || !tg->body))
		return JUAN_ENOMEM;
	return JUAN_OK;
}

enum juan_status
tagged_read(struct store *s, int64_t scheme, struct dict *d, bool keep_text,
	    struct tagged *out)
{
	struct read_ctx c = {d, keep_text, out, 0, 0};
	long tags;
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	rc = tagged_fingerprint(s, scheme, &tags, &out->last);
	if (rc == JUAN_OK)
		rc = each_tagged(s, scheme, read_one, &c);
	if (rc != JUAN_OK)
		tagged_free(out);
	return rc;
}

struct pass_ctx {
	struct dict *d; /* pass 1's; pass 2's is the vocabulary */
	struct trainer *t;
	bool rows;      /* pass 2 */
};

/* One document of a pass: its features drawn, counted or written as a
 * row, and dropped. */
static enum juan_status
pass_one(void *ctx, sqlite3_stmt *stmt, const struct feature_text *t)
{
	struct pass_ctx *c = ctx;
	struct sdoc doc;
	enum juan_status rc;

	if ((rc = sdoc_from_text(c->d, !c->rows, t, &doc)) != JUAN_OK)
		return rc;
	doc.id = sqlite3_column_int64(stmt, 0);
	doc.theme = sqlite3_column_int64(stmt, 1);
	rc = c->rows ? trainer_row_vocab(c->t, &doc) :
		       trainer_count(c->t, &doc);
	sdoc_clear(&doc);
	return rc;
}

/* The two passes of tagged_rows(), in the read transaction. */
static enum juan_status
passes(struct store *s, int64_t scheme, struct trainer *t, struct smodel *out)
{
	struct dict d = {0};
	struct pass_ctx c = {&d, t, false};
	long tags;
	enum juan_status rc = tagged_fingerprint(s, scheme, &tags, &out->last);

	trainer_init(t, &d);
	if (rc == JUAN_OK)
		rc = each_tagged(s, scheme, pass_one, &c);
	if (rc == JUAN_OK)
		rc = trainer_vocab(t, out);
	/* the names kept are in the vocabulary: the others' room goes to
	 * the rows */
	dict_free(&d);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "suggest: out of memory");
	if (rc != JUAN_OK || !trainer_classifies(t))
		return rc;
	c.d = &out->vocab;
	c.rows = true;
	rc = each_tagged(s, scheme, pass_one, &c);
	if (rc == JUAN_OK && t->rows != t->n)
		rc = JUAN_EINVAL;
	if (rc == JUAN_EINVAL)
		store_set_error(s, "suggest: the tags changed while the model "
			       "was trained");
	return rc;
}

enum juan_status
tagged_rows(struct store *s, int64_t scheme, struct trainer *t,
	    struct smodel *out)
{
	bool own = sqlite3_get_autocommit(s->db);
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	memset(t, 0, sizeof(*t));
	/* one snapshot for both passes, whatever is tagged meanwhile */
	if (own && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, "read the tagged documents");
	rc = passes(s, scheme, t, out);
	if (own && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) !=
		   SQLITE_OK) {
		if (rc == JUAN_OK)
			rc = store_fail(s, "read the tagged documents");
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	if (rc != JUAN_OK) {
		trainer_free(t);
		smodel_clear(out);
	}
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
