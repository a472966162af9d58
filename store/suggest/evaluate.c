/* evaluate: how good the suggestions of a scheme would have been — its
 * tags replayed in the order they were made, and 5-fold cross-validation
 * (suggest.h).  Changes nothing in the store. */
#include <stdlib.h>
#include <string.h>

#include "juan/themes.h"
#include "db/store_private.h"
#include "suggest_private.h"

#define FOLDS 5

/* doc's features as ids of m's vocabulary (names from dict) into *out. */
static enum juan_status
remap(const struct dict *dict, const struct smodel *m, const struct sdoc *doc,
      struct sdoc *out)
{
	size_t i, j, n = 0;
	int32_t id;
	float c;

	memset(out, 0, sizeof(*out));
	out->ids = malloc((doc->n ? doc->n : 1) * sizeof(*out->ids));
	out->counts = malloc((doc->n ? doc->n : 1) * sizeof(*out->counts));
	if (!out->ids || !out->counts) {
		sdoc_clear(out);
		return JUAN_ENOMEM;
	}
	for (i = 0; i < doc->n; i++) {
		const char *name = dict->names[doc->ids[i]];

		if (dict_id((struct dict *)&m->vocab, name, strlen(name), false,
			    &id) <= 0)
			continue;
		/* insertion by id: vectorize() wants them ascending */
		for (j = n; j > 0 && out->ids[j - 1] > id; j--) {
			out->ids[j] = out->ids[j - 1];
			out->counts[j] = out->counts[j - 1];
		}
		c = doc->counts[i];
		out->ids[j] = id;
		out->counts[j] = c;
		n++;
	}
	out->n = n;
	return JUAN_OK;
}

/* The picker's position of theme among the themes in use. */
static long
position(const struct theme_set *themes, int64_t theme)
{
	size_t i;
	long p = 0;

	for (i = 0; i < themes->n; i++) {
		if (themes->themes[i].retired)
			continue;
		if (themes->themes[i].id == theme)
			return p;
		p++;
	}
	return p;
}

/* Suggests for document i with model m and scores it into *sc. */
static enum juan_status
score_one(const struct dict *dict, const struct smodel *m,
	  const struct theme_set *themes, const struct tagged *t, size_t i,
	  struct suggest_score *sc)
{
	struct sdoc d;
	struct suggest_list l;
	enum juan_status rc = remap(dict, m, &t->docs[i], &d);
	size_t r;

	if (rc != JUAN_OK)
		return rc;
	rc = smodel_suggest(m, themes, &d, &t->texts[i], 3, &l);
	sdoc_clear(&d);
	if (rc != JUAN_OK)
		return rc;
	sc->docs++;
	sc->covered += l.n > 0;
	for (r = 0; r < l.n && l.items[r].theme != t->docs[i].theme; r++)
		;
	sc->top1 += r == 0 && l.n > 0;
	sc->top3 += r < l.n;
	/* the picker: open it, move to the theme, Enter — or one key */
	if (r == 0 && l.n > 0)
		sc->keys_saved += position(themes, t->docs[i].theme) + 1;
	suggest_list_clear(&l);
	return JUAN_OK;
}

static enum juan_status
replay(const struct dict *dict, const struct theme_set *themes,
       const struct tagged *t, const size_t *idx, struct suggest_score *sc)
{
	struct smodel m = {0};
	size_t i, next = 0;
	enum juan_status rc = JUAN_OK;

	for (i = 0; i < t->n && rc == JUAN_OK; i++) {
		if (i >= next) {
			smodel_clear(&m);
			rc = smodel_train(dict, t->docs, idx, i, &m);
			next = i + (i / 10 > 1 ? i / 10 : 1);
		}
		if (rc == JUAN_OK)
			rc = score_one(dict, &m, themes, t, i, sc);
	}
	smodel_clear(&m);
	return rc;
}

static enum juan_status
cross_validate(const struct dict *dict, const struct theme_set *themes,
	       const struct tagged *t, int folds, struct suggest_score *sc)
{
	size_t *train = malloc((t->n ? t->n : 1) * sizeof(*train));
	size_t i, n;
	struct smodel m = {0};
	enum juan_status rc = JUAN_OK;
	int f;

	if (!train)
		return JUAN_ENOMEM;
	/* fold of document i: its place in the tagging order, mod folds, so
	 * that each fold spans the whole history */
	for (f = 0; f < folds && rc == JUAN_OK; f++) {
		for (i = 0, n = 0; i < t->n; i++)
			if ((int)(i % folds) != f)
				train[n++] = i;
		rc = smodel_train(dict, t->docs, train, n, &m);
		for (i = f; i < t->n && rc == JUAN_OK; i += folds)
			rc = score_one(dict, &m, themes, t, i, sc);
		smodel_clear(&m);
	}
	free(train);
	return rc;
}

enum juan_status
suggest_evaluate(struct store *s, int64_t scheme, struct suggest_eval *out)
{
	struct theme_set themes = {0};
	struct dict dict = {0};
	struct tagged t = {0};
	size_t *idx = NULL, i;
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	rc = store_scheme_resolve(s, scheme, &scheme);
	if (rc == JUAN_OK)
		rc = store_theme_tree(s, scheme, &themes);
	if (rc == JUAN_OK)
		rc = tagged_read(s, scheme, &dict, true, &t);
	if (rc != JUAN_OK)
		goto done;
	out->tags = (long)t.n;
	out->folds = t.n >= FOLDS ? FOLDS : (int)t.n;
	if (!(idx = malloc((t.n ? t.n : 1) * sizeof(*idx)))) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	for (i = 0; i < t.n; i++)
		idx[i] = i;
	rc = replay(&dict, &themes, &t, idx, &out->replay);
	if (rc == JUAN_OK && out->folds >= 2)
		rc = cross_validate(&dict, &themes, &t, out->folds, &out->cv);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "suggest: out of memory");
done:
	free(idx);
	tagged_free(&t);
	dict_free(&dict);
	theme_set_free(&themes);
	return rc;
}
