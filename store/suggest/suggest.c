/* suggest: a scheme's saved model in the store — loading it, telling it
 * stale, retraining and saving it — and suggesting for one document
 * (suggest.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/themes.h"
#include "db/store_private.h"
#include "suggest_private.h"

/* The saved model of scheme into *m when it was built with this feature
 * version; *found false when there is none usable (none, another version,
 * unreadable). */
static enum juan_status
load_saved(struct store *s, int64_t scheme, struct smodel *m, bool *found)
{
	static const char sql[] =
		"SELECT version, model FROM suggest_models WHERE scheme_id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	int step;

	*found = false;
	memset(m, 0, sizeof(*m));
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW &&
	    sqlite3_column_int(stmt, 0) == FEATURES_VERSION) {
		rc = smodel_load(sqlite3_column_blob(stmt, 1),
				 (size_t)sqlite3_column_bytes(stmt, 1), m);
		*found = rc == JUAN_OK;
		if (rc == JUAN_EINVAL)
			rc = JUAN_OK; /* corrupt: retrained like a stale one */
	} else if (step != SQLITE_ROW && step != SQLITE_DONE) {
		rc = store_fail(s, "read the suggestion model");
	}
	sqlite3_reset(stmt);
	return rc;
}

struct save_ctx {
	int64_t scheme;
	const struct smodel *m;
	const unsigned char *buf;
	size_t len;
};

static enum juan_status
save_fn(struct store *s, void *ctx)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO suggest_models(scheme_id, version, tags,"
		" last, model) VALUES(?1, ?2, ?3, ?4, ?5)";
	struct save_ctx *c = ctx;
	sqlite3_stmt *stmt = store_stmt(s, sql);

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, c->scheme);
	sqlite3_bind_int(stmt, 2, FEATURES_VERSION);
	sqlite3_bind_int64(stmt, 3, c->m->tags);
	sqlite3_bind_int64(stmt, 4, c->m->last);
	sqlite3_bind_blob(stmt, 5, c->buf, (int)c->len, SQLITE_STATIC);
	return store_run(s, stmt, "save the suggestion model");
}

/* Trains scheme's model from its tags into *m and saves it. */
static enum juan_status
train_save(struct store *s, int64_t scheme, struct smodel *m)
{
	struct trainer t;
	struct save_ctx c = {scheme, m, NULL, 0};
	enum juan_status rc;

	rc = tagged_rows(s, scheme, &t, m);
	if (rc != JUAN_OK)
		goto done;
	rc = trainer_finish(&t, m);
	trainer_free(&t);
	if (rc == JUAN_OK)
		rc = smodel_save(m, (unsigned char **)&c.buf, &c.len);
	if (rc == JUAN_OK)
		rc = store_write(s, save_fn, &c);
done:
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "suggest: out of memory");
	free((void *)c.buf);
	if (rc != JUAN_OK)
		smodel_clear(m);
	return rc;
}

enum juan_status
suggest_train(struct store *s, int64_t scheme, long *tags)
{
	struct smodel m;
	enum juan_status rc = store_scheme_resolve(s, scheme, &scheme);

	if (rc == JUAN_OK)
		rc = train_save(s, scheme, &m);
	if (rc == JUAN_OK && tags)
		*tags = m.tags;
	smodel_clear(&m);
	return rc;
}

/* Whether m was trained on the tags scheme has now. */
static enum juan_status
fresh(struct store *s, int64_t scheme, const struct smodel *m, bool *ok)
{
	long tags;
	int64_t last;
	enum juan_status rc = tagged_fingerprint(s, scheme, &tags, &last);

	*ok = rc == JUAN_OK && tags == m->tags && last == m->last;
	return rc;
}

enum juan_status
suggester_fresh(struct store *s, const struct suggester *g, bool *ok)
{
	return fresh(s, g->scheme, &g->model, ok);
}

enum juan_status
suggest_model_stale(struct store *s, int64_t scheme, bool *stale)
{
	struct smodel m;
	bool found = false, ok = false;
	enum juan_status rc = store_scheme_resolve(s, scheme, &scheme);

	if (rc == JUAN_OK)
		rc = load_saved(s, scheme, &m, &found);
	if (rc == JUAN_OK && found)
		rc = fresh(s, scheme, &m, &ok);
	*stale = !ok;
	smodel_clear(&m);
	return rc;
}

enum juan_status
suggester_open(struct store *s, int64_t scheme, bool train,
	       struct suggester **out)
{
	struct suggester *g = calloc(1, sizeof(*g));
	bool found = false, ok = false;
	enum juan_status rc;

	*out = NULL;
	if (!g) {
		store_set_error(s, "suggest: out of memory");
		return JUAN_ENOMEM;
	}
	rc = store_scheme_resolve(s, scheme, &g->scheme);
	if (rc == JUAN_OK)
		rc = store_theme_tree(s, g->scheme, &g->themes);
	if (rc == JUAN_OK)
		rc = load_saved(s, g->scheme, &g->model, &found);
	if (rc == JUAN_OK && found)
		rc = fresh(s, g->scheme, &g->model, &ok);
	if (rc == JUAN_OK && !ok && train) {
		smodel_clear(&g->model);
		rc = train_save(s, g->scheme, &g->model);
		ok = rc == JUAN_OK;
	}
	g->stale = !ok;
	if (rc != JUAN_OK) {
		suggester_free(&g);
		return rc;
	}
	*out = g;
	return JUAN_OK;
}

void
suggester_free(struct suggester **g)
{
	if (!g || !*g)
		return;
	theme_set_free(&(*g)->themes);
	smodel_clear(&(*g)->model);
	free(*g);
	*g = NULL;
}

bool
suggester_stale(const struct suggester *g)
{
	return g->stale;
}

int64_t
suggester_scheme(const struct suggester *g)
{
	return g->scheme;
}

long
suggester_trained(const struct suggester *g)
{
	return g->model.tags;
}

enum juan_status
suggest_doc(struct store *s, const struct suggester *g, int64_t doc, size_t k,
	    struct suggest_list *out)
{
	static const char sql[] =
		"SELECT title, issuer, topic, juan_text(body, ?2)"
		" FROM documents WHERE id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	struct sdoc d;
	enum juan_status rc;
	int step;

	memset(out, 0, sizeof(*out));
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	sqlite3_bind_int(stmt, 2, FEATURES_BODY_MAX);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		struct feature_text t = {
			(const char *)sqlite3_column_text(stmt, 0),
			(const char *)sqlite3_column_text(stmt, 1),
			(const char *)sqlite3_column_text(stmt, 2),
			(const char *)sqlite3_column_text(stmt, 3),
		};

		/* the vocabulary is read, never grown: a const cast */
		rc = sdoc_from_text((struct dict *)&g->model.vocab, false, &t,
				    &d);
		if (rc == JUAN_OK)
			rc = smodel_suggest(&g->model, &g->themes, &d, &t, k,
					    out);
		sdoc_clear(&d);
		if (rc == JUAN_ENOMEM)
			store_set_error(s, "suggest: out of memory");
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "no document %lld", (long long)doc);
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "read the document");
	}
	sqlite3_reset(stmt);
	if (rc != JUAN_OK)
		suggest_list_clear(out);
	return rc;
}

enum juan_status
suggest_accept(struct store *s, int64_t scheme, int64_t doc, int64_t theme)
{
	enum juan_status rc;

	s->accepting = true;
	rc = store_tag(s, scheme, doc, theme);
	s->accepting = false;
	return rc;
}

/* Whether doc has a main theme in scheme, in *tagged. */
static enum juan_status
has_main(struct store *s, int64_t scheme, int64_t doc, bool *tagged)
{
	static const char sql[] =
		"SELECT count(*) FROM doc_tags WHERE doc_id = ?1"
		" AND scheme_id = ?2 AND theme_id IS NOT NULL";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	int64_t n = 0;
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	sqlite3_bind_int64(stmt, 2, scheme);
	rc = store_lookup_int(s, stmt, &n, "read the tags");
	*tagged = n > 0;
	return rc;
}

enum juan_status
suggest_accept_many(struct store *s, const struct suggester *g,
		    const int64_t *ids, size_t n, int64_t **changed,
		    size_t *nchanged)
{
	struct bulk_action a = {.op = BULK_ACCEPT};
	struct suggest_list l;
	int64_t *themes = NULL;
	enum juan_status rc = JUAN_OK;
	size_t i, left = 0;
	bool tagged;

	if (changed)
		*changed = NULL;
	*nchanged = 0;
	if (n && !(themes = calloc(n, sizeof(*themes)))) {
		store_set_error(s, "suggest: out of memory");
		return JUAN_ENOMEM;
	}
	for (i = 0; i < n && rc == JUAN_OK; i++) {
		rc = has_main(s, g->scheme, ids[i], &tagged);
		if (rc != JUAN_OK || tagged)
			continue;
		rc = suggest_doc(s, g, ids[i], 1, &l);
		if (rc == JUAN_OK && l.n) {
			themes[i] = l.items[0].theme;
			left++;
		}
		suggest_list_clear(&l);
	}
	if (rc == JUAN_OK && left == 0) {
		store_set_error(s, "no document to accept a suggestion for");
		rc = JUAN_ENOTFOUND;
	}
	a.themes = themes;
	if (rc == JUAN_OK)
		rc = store_bulk(s, g->scheme, ids, n, &a, false, changed,
				nchanged);
	free(themes);
	return rc;
}
