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
	if (!grow(c))
		return JUAN_ENOMEM;
	*slot(c->slots, c->nslots, doc) = *out;
	c->n++;
	return JUAN_OK;
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

/* s->suggest_prepare: the saved model of scheme (an id) loaded, unless it
 * is loaded already and has not changed since. */
static enum juan_status
prepare(struct store *s, int64_t scheme)
{
	static const char sql[] =
		"SELECT version, tags, last FROM suggest_models"
		" WHERE scheme_id = ?1";
	struct sql_ctx *c = s->suggest_sql;
	sqlite3_stmt *stmt = store_stmt(s, sql);
	bool found = false;
	int version = 0, step;
	long tags = 0;
	int64_t last = 0;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		found = true;
		version = sqlite3_column_int(stmt, 0);
		tags = (long)sqlite3_column_int64(stmt, 1);
		last = sqlite3_column_int64(stmt, 2);
	}
	sqlite3_reset(stmt);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_fail(s, "read the suggestion model");
	if (c->g && c->scheme == scheme && c->found == found &&
	    c->version == version && c->tags == tags && c->last == last)
		return JUAN_OK;
	forget(c);
	c->scheme = scheme;
	c->found = found;
	c->version = version;
	c->tags = tags;
	c->last = last;
	return suggester_open(s, scheme, false, &c->g);
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
