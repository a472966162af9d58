/* settle: the other coders' codings of a document, and adopting one as
 * this store's coding (see settle.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coding_sql.h"
#include "juan/coders.h"
#include "juan/settle.h"
#include "store_private.h"

/* Gives each coding of out its coder's display among the coders of
 * scheme (coders.h). */
static enum juan_status
label_codings(struct store *s, int64_t scheme, struct coding_list *out)
{
	struct coder_list coders;
	enum juan_status rc;
	size_t i, j;

	rc = coders_list(s, scheme, &coders);
	for (i = 0; rc == JUAN_OK && i < out->n; i++) {
		struct coding *c = &out->v[i];

		for (j = 0; j < coders.n; j++)
			if (strcmp(coders.v[j].uid, c->uid) == 0 &&
			    strcmp(coders.v[j].name, c->coder) == 0)
				break;
		c->label = strdup(j < coders.n ? coders.v[j].display :
				  c->coder);
		if (!c->label)
			rc = JUAN_ENOMEM;
	}
	coder_list_free(&coders);
	return rc;
}

static enum juan_status
read_coding(sqlite3_stmt *stmt, void *out)
{
	struct coding *c = out;

	c->uid = store_column_dup(stmt, 0);
	c->coder = store_column_dup(stmt, 1);
	c->theme = store_column_dup(stmt, 2);
	c->secondary = store_column_dup(stmt, 3);
	c->state = store_column_dup(stmt, 4);
	c->note = store_column_dup(stmt, 5);
	c->at = store_column_dup(stmt, 6);
	return c->uid && c->coder && c->theme && c->secondary && c->state &&
	       c->note && c->at ? JUAN_OK : JUAN_ENOMEM;
}

static int
label_cmp(const void *a, const void *b)
{
	const struct coding *x = a, *y = b;

	return strcmp(x->label, y->label);
}

enum juan_status
store_doc_codings(struct store *s, int64_t scheme, int64_t doc,
		  struct coding_list *out)
{
	static const char sql[] =
		"SELECT c.uid, c.coder, c.theme, c.secondary, c.state, c.note,"
		" c.at FROM documents d JOIN " CODING_OTHERS_OF_DOC("?1")
		" AND d.id = ?2";
	sqlite3_stmt *stmt;
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	rc = store_scheme_resolve(s, scheme, &scheme);
	if (rc != JUAN_OK)
		return rc;
	if (!(stmt = store_stmt(s, sql)))
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, scheme);
	sqlite3_bind_int64(stmt, 2, doc);
	rc = store_collect_rows(s, stmt, (void **)&out->v, &out->n,
				sizeof(*out->v), read_coding, "read codings");
	/* the coders are listed only for a document others coded: listing
	 * them reads every coding of the store (97 ms of each document
	 * opened at 100,000 coded documents) */
	if (rc == JUAN_OK && out->n > 0)
		rc = label_codings(s, scheme, out);
	if (rc == JUAN_OK && out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), label_cmp);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "codings: out of memory");
	return rc;
}

void
coding_list_free(struct coding_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].uid);
		free(l->v[i].coder);
		free(l->v[i].label);
		free(l->v[i].theme);
		free(l->v[i].secondary);
		free(l->v[i].state);
		free(l->v[i].note);
		free(l->v[i].at);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* ---- adopting ------------------------------------------------------------ */

struct adopt {
	int64_t scheme;
	int64_t doc;
	const char *uid;
	const char *coder;
	char *theme;  /* the coding's */
	char *state;
	long before;  /* s->recorded before the change */
};

/* Reads the coding a adopts, and checks its theme is in use here. */
static enum juan_status
adopt_read(struct store *s, struct adopt *a)
{
	static const char sql[] =
		"SELECT c.theme, c.state, (SELECT retired FROM themes"
		" WHERE scheme_id = ?1 AND name = c.theme) FROM documents d JOIN "
		CODING_OTHERS_OF_DOC("?1") " AND d.id = ?2 AND c.uid = ?3"
		" AND c.coder = ?4";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	enum juan_status rc = JUAN_OK;
	int step;

	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, a->scheme);
	sqlite3_bind_int64(stmt, 2, a->doc);
	sqlite3_bind_text(stmt, 3, a->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, a->coder, -1, SQLITE_STATIC);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		a->theme = store_column_dup(stmt, 0);
		a->state = store_column_dup(stmt, 1);
		if (!a->theme || !a->state) {
			store_set_error(s, "adopt: out of memory");
			rc = JUAN_ENOMEM;
		} else if (a->theme[0] &&
			   (sqlite3_column_type(stmt, 2) == SQLITE_NULL ||
			    sqlite3_column_int(stmt, 2))) {
			store_set_error(s, "%s's theme \"%s\" is %s here",
					a->coder, a->theme,
					sqlite3_column_type(stmt, 2) ==
					SQLITE_NULL ? "not in the scheme" :
					"retired");
			rc = JUAN_EINVAL;
		} else if (strcmp(a->state, "") != 0 &&
			   strcmp(a->state, "none") != 0 &&
			   strcmp(a->state, "unsure") != 0) {
			store_set_error(s, "%s's coding has no state \"%s\"",
					a->coder, a->state);
			rc = JUAN_EINVAL;
		}
	} else if (step == SQLITE_DONE) {
		store_set_error(s, "document %lld has no coding by %s in this "
				"scheme", (long long)a->doc, a->coder);
		rc = JUAN_ENOTFOUND;
	} else {
		rc = store_fail(s, "read codings");
	}
	sqlite3_reset(stmt);
	return rc;
}

/* The change: the main theme, the theme off the secondary ones, the
 * state, and with the state none no secondary theme at all. */
static enum juan_status
adopt_change(struct store *s, void *ctx)
{
	struct adopt *a = ctx;
	struct tag_value v = {TAG_FIELD_THEME, a->scheme, a->doc, NULL};
	enum juan_status rc;

	rc = adopt_read(s, a);
	if (rc == JUAN_OK)
		rc = tag_change_begin(s);
	a->before = s->recorded;
	if (rc == JUAN_OK)
		rc = tag_change(s, &v, a->theme);
	v.field = TAG_FIELD_SECONDARY;
	v.theme = a->theme;
	if (rc == JUAN_OK && a->theme[0])
		rc = tag_change(s, &v, "");
	v.field = TAG_FIELD_STATE;
	if (rc == JUAN_OK)
		rc = tag_change(s, &v, a->state);
	if (rc == JUAN_OK && strcmp(a->state, "none") == 0)
		rc = tag_drop_secondaries(s, a->scheme, a->doc);
	return rc;
}

enum juan_status
store_adopt(struct store *s, int64_t scheme, int64_t doc, const char *uid,
	    const char *coder, bool *changed)
{
	static const char sql_doc[] = "SELECT id FROM documents WHERE id = ?1";
	struct adopt a = {scheme, doc, uid, coder, NULL, NULL, 0};
	sqlite3_stmt *stmt = store_stmt(s, sql_doc);
	enum juan_status rc;
	int64_t found;

	if (changed)
		*changed = false;
	if (!stmt)
		return JUAN_EDB;
	sqlite3_bind_int64(stmt, 1, doc);
	rc = store_lookup_int(s, stmt, &found, "find document");
	if (rc == JUAN_ENOTFOUND)
		store_set_error(s, "no document %lld", (long long)doc);
	if (rc == JUAN_OK)
		rc = store_scheme_resolve(s, scheme, &a.scheme);
	if (rc != JUAN_OK)
		return rc;
	snprintf(s->source, sizeof(s->source), "%s#%s", coder, uid);
	rc = store_write(s, adopt_change, &a);
	s->source[0] = '\0';
	if (rc == JUAN_OK && changed)
		*changed = s->recorded != a.before;
	free(a.theme);
	free(a.state);
	return rc;
}
