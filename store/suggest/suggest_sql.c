/* suggest_sql: juan_suggested() and juan_confidence() on a connection,
 * with a cache of each document's top suggestion (suggest_sql.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "db/store_private.h"
#include "suggest_private.h"
#include "suggest_sql.h"

/* A document's top suggestion. */
struct top {
	int64_t doc;   /* 0: an empty slot */
	int64_t theme; /* 0: none */
	double confidence;
};

struct sql_ctx {
	struct store *s;
	struct suggester *g; /* the saved model of scheme, or NULL */
	int64_t scheme;
	/* what the saved model was when g was loaded */
	bool found;
	bool tops; /* with the answers kept for it, read into slots */
	int version;
	long tags;
	int64_t last;
	struct top *slots; /* open addressing by doc id */
	size_t nslots, n;
};

static void
forget(struct sql_ctx *c)
{
	suggester_free(&c->g);
	free(c->slots);
	c->slots = NULL;
	c->nslots = c->n = 0;
}

static void
destroy(void *p)
{
	struct sql_ctx *c = p;

	forget(c);
	free(c);
}

/* The slot of doc: its own, or the empty one where it goes. */
static struct top *
slot(struct top *slots, size_t nslots, int64_t doc)
{
	size_t i = (size_t)((uint64_t)doc * 0x9E3779B97F4A7C15u) & (nslots - 1);

	while (slots[i].doc != 0 && slots[i].doc != doc)
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

/* Makes room for one more entry; false when out of memory. */
static bool
grow(struct sql_ctx *c)
{
	struct top *bigger;
	size_t n = c->nslots ? c->nslots * 2 : 1024, i;

	if ((c->n + 1) * 2 <= c->nslots)
		return true;
	if (!(bigger = calloc(n, sizeof(*bigger))))
		return false;
	for (i = 0; i < c->nslots; i++)
		if (c->slots[i].doc)
			*slot(bigger, n, c->slots[i].doc) = c->slots[i];
	free(c->slots);
	c->slots = bigger;
	c->nslots = n;
	return true;
}

/* Adds t to c's answers. */
static enum juan_status
remember(struct sql_ctx *c, const struct top *t)
{
	struct top *at;

	if (!grow(c))
		return JUAN_ENOMEM;
	at = slot(c->slots, c->nslots, t->doc);
	c->n += at->doc == 0;
	*at = *t;
	return JUAN_OK;
}

/* Document doc's top suggestion, computed once per saved model. */
static enum juan_status
top_of(struct sql_ctx *c, int64_t doc, struct top *out)
{
	struct suggest_list l;
	struct top *t;
	enum juan_status rc;

	if (c->nslots && (t = slot(c->slots, c->nslots, doc))->doc == doc) {
		*out = *t;
		return JUAN_OK;
	}
	rc = suggest_doc(c->s, c->g, doc, 1, &l);
	if (rc != JUAN_OK)
		return rc;
	out->doc = doc;
	out->theme = l.n ? l.items[0].theme : 0;
	out->confidence = l.n ? l.items[0].confidence : 0;
	suggest_list_clear(&l);
	return remember(c, out);
}

/* The top suggestion of the document in argv[0] for the scheme in argv[1]
 * into *t; false when it failed (with the error given to ctx). */
static bool
sql_top(sqlite3_context *ctx, sqlite3_value **argv, struct top *t)
{
	struct sql_ctx *c = sqlite3_user_data(ctx);
	enum juan_status rc;

	if (!c->g || sqlite3_value_int64(argv[1]) != c->scheme) {
		sqlite3_result_error(ctx, "the suggestions of this scheme are "
				     "not ready", -1);
		return false;
	}
	rc = top_of(c, sqlite3_value_int64(argv[0]), t);
	if (rc == JUAN_ENOMEM)
		sqlite3_result_error_nomem(ctx);
	else if (rc != JUAN_OK)
		sqlite3_result_error(ctx, store_error(c->s), -1);
	return rc == JUAN_OK;
}

static void
sql_suggested(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct top t;

	(void)argc;
	if (!sql_top(ctx, argv, &t))
		return;
	if (t.theme)
		sqlite3_result_int64(ctx, t.theme);
	else
		sqlite3_result_null(ctx);
}

static void
sql_confidence(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct top t;

	(void)argc;
	if (!sql_top(ctx, argv, &t))
		return;
	if (t.theme)
		sqlite3_result_double(ctx, t.confidence);
	else
		sqlite3_result_null(ctx);
}

/* The answers kept in the store for scheme's saved model, into c. */
static enum juan_status
load_tops(struct store *s, struct sql_ctx *c, int64_t scheme)
{
	static const char sql[] =
		"SELECT doc_id, coalesce(theme_id, 0), confidence"
		" FROM suggest_tops WHERE scheme_id = ?1";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	struct top t;
	int step;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	while (rc == JUAN_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		t.doc = sqlite3_column_int64(stmt, 0);
		t.theme = sqlite3_column_int64(stmt, 1);
		t.confidence = sqlite3_column_double(stmt, 2);
		rc = remember(c, &t);
	}
	if (rc == JUAN_OK && step != SQLITE_DONE)
		rc = store_fail(s, "read the kept suggestions");
	sqlite3_reset(stmt);
	return rc;
}

/* s->suggest_prepare: the saved model of scheme (an id) loaded, with the
 * answers kept for it, unless it is loaded already and has not changed
 * since. */
static enum juan_status
prepare(struct store *s, int64_t scheme)
{
	static const char sql[] =
		"SELECT version, tags, last, tops FROM suggest_models"
		" WHERE scheme_id = ?1";
	struct sql_ctx *c = s->suggest_sql;
	sqlite3_stmt *stmt = store_stmt(s, sql);
	bool found = false, tops = false;
	int version = 0, step;
	long tags = 0;
	int64_t last = 0;
	enum juan_status rc;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		found = true;
		version = sqlite3_column_int(stmt, 0);
		tags = (long)sqlite3_column_int64(stmt, 1);
		last = sqlite3_column_int64(stmt, 2);
		tops = sqlite3_column_int(stmt, 3) != 0;
	}
	sqlite3_reset(stmt);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_fail(s, "read the suggestion model");
	if (c->g && c->scheme == scheme && c->found == found &&
	    c->version == version && c->tags == tags && c->last == last &&
	    (c->tops || !tops))
		return JUAN_OK;
	forget(c);
	c->scheme = scheme;
	c->found = found;
	c->version = version;
	c->tags = tags;
	c->last = last;
	c->tops = tops;
	rc = suggester_open(s, scheme, false, &c->g);
	if (rc == JUAN_OK && tops)
		rc = load_tops(s, c, scheme);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "suggest: out of memory");
	if (rc != JUAN_OK)
		forget(c);
	return rc;
}

/* ---- keeping the answers in the store --------------------------------- */

struct tops_ctx {
	const struct suggester *g;
	const struct top *tops;
	size_t n;
	bool saved;
};

static enum juan_status
save_tops(struct store *s, void *ctx)
{
	static const char sql_clear[] =
		"DELETE FROM suggest_tops WHERE scheme_id = ?1";
	static const char sql_add[] =
		"INSERT INTO suggest_tops(scheme_id, doc_id, theme_id, confidence)"
		" VALUES(?1, ?2, nullif(?3, 0), ?4)";
	static const char sql_mark[] =
		"UPDATE suggest_models SET tops = 1 WHERE scheme_id = ?1"
		" AND version = ?2 AND tags = ?3 AND last = ?4";
	struct tops_ctx *c = ctx;
	int64_t scheme = suggester_scheme(c->g);
	sqlite3_stmt *stmt = store_stmt(s, sql_clear);
	enum juan_status rc;
	size_t i;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	rc = store_run(s, stmt, "clear the kept suggestions");
	for (i = 0; rc == JUAN_OK && i < c->n; i++) {
		if (!(stmt = store_stmt(s, sql_add)))
			return JUAN_EDB;
		sqlite3_bind_int64(stmt, 1, scheme);
		sqlite3_bind_int64(stmt, 2, c->tops[i].doc);
		sqlite3_bind_int64(stmt, 3, c->tops[i].theme);
		sqlite3_bind_double(stmt, 4, c->tops[i].confidence);
		rc = store_run(s, stmt, "keep a suggestion");
	}
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql_mark)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_int(stmt, 2, FEATURES_VERSION);
	sqlite3_bind_int64(stmt, 3, c->g->model.tags);
	sqlite3_bind_int64(stmt, 4, c->g->model.last);
	rc = store_run(s, stmt, "mark the kept suggestions");
	c->saved = rc == JUAN_OK && sqlite3_changes(s->db) > 0;
	/* another model was saved meanwhile: keep nothing of this one */
	return rc == JUAN_OK && !c->saved ? JUAN_ENOTFOUND : rc;
}

enum juan_status
suggest_tops_save(struct store *s, const struct suggester *g, bool *done)
{
	static const char sql_docs[] =
		"SELECT d.id FROM documents d LEFT JOIN doc_tags dt"
		" ON dt.doc_id = d.id AND dt.scheme_id = ?1"
		" WHERE dt.theme_id IS NULL ORDER BY d.id";
	static const char sql_state[] =
		"SELECT count(*) FROM suggest_models WHERE scheme_id = ?1"
		" AND version = ?2 AND tags = ?3 AND last = ?4 AND NOT tops";
	struct tops_ctx c = {g, NULL, 0, false};
	struct suggest_list l;
	struct top *tops = NULL;
	int64_t *ids = NULL, due = 0;
	size_t n = 0, i;
	sqlite3_stmt *stmt = store_stmt(s, sql_state);
	enum juan_status rc;

	if (done)
		*done = false;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, g->scheme);
	sqlite3_bind_int(stmt, 2, FEATURES_VERSION);
	sqlite3_bind_int64(stmt, 3, g->model.tags);
	sqlite3_bind_int64(stmt, 4, g->model.last);
	rc = store_lookup_int(s, stmt, &due, "read the suggestion model");
	if (rc != JUAN_OK || !due)
		return rc;
	if (!(stmt = store_stmt(s, sql_docs)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, g->scheme);
	rc = store_collect_ids(s, stmt, &ids, &n, "list the untagged documents");
	if (rc == JUAN_OK && n && !(tops = malloc(n * sizeof(*tops))))
		rc = JUAN_ENOMEM;
	for (i = 0; rc == JUAN_OK && i < n; i++) {
		rc = suggest_doc(s, g, ids[i], 1, &l);
		if (rc != JUAN_OK)
			break;
		tops[i].doc = ids[i];
		tops[i].theme = l.n ? l.items[0].theme : 0;
		tops[i].confidence = l.n ? l.items[0].confidence : 0;
		suggest_list_clear(&l);
	}
	c.tops = tops;
	c.n = n;
	if (rc == JUAN_OK)
		rc = store_write(s, save_tops, &c);
	if (rc == JUAN_ENOTFOUND)
		rc = JUAN_OK;
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "suggest: out of memory");
	if (done)
		*done = c.saved;
	free(tops);
	free(ids);
	return rc;
}

enum juan_status
suggest_sql_register(struct store *s)
{
	struct sql_ctx *c = calloc(1, sizeof(*c));
	int rc;

	if (!c) {
		store_set_error(s, "suggest: out of memory");
		return JUAN_ENOMEM;
	}
	c->s = s;
	rc = sqlite3_create_function_v2(s->db, "juan_suggested", 2,
					SQLITE_UTF8, c, sql_suggested, NULL,
					NULL, destroy);
	if (rc != SQLITE_OK)
		return store_fail(s, "register juan_suggested");
	s->suggest_sql = c;
	s->suggest_prepare = prepare;
	rc = sqlite3_create_function_v2(s->db, "juan_confidence", 2,
					SQLITE_UTF8, c, sql_confidence, NULL,
					NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, "register juan_confidence");
	return JUAN_OK;
}
