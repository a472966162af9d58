/* train: a scheme's model trained in two passes over its tagged documents
 * (suggest_private.h).  The first pass counts — each feature's document
 * frequency, each document's theme and topic, the room its row may take —
 * and the second writes each document's TF-IDF weighted, L2-normalised row
 * straight into the one array of LIBLINEAR's problem, so that a document's
 * features live only while it is read: retraining on 10,000 tagged
 * documents stays within 64 MB. */
#include <linear.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "suggest_private.h"

/* The vocabulary's most frequent features kept: with DOC_FEATURES_MAX,
 * this bounds the memory of a retrain. */
#define VOCAB_MAX 30000
/* LIBLINEAR's cost of misclassification: high, since short normalised
 * vectors of few documents otherwise give flat probabilities. */
#define LIN_C 8.0

static void
quiet(const char *s)
{
	(void)s;
}

void
trainer_init(struct trainer *t, const struct dict *dict)
{
	memset(t, 0, sizeof(*t));
	t->dict = dict;
}

void
trainer_free(struct trainer *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->n; i++)
		free(t->topics[i]);
	free(t->topics);
	free(t->themes);
	free(t->df);
	free(t->classes);
	free(t->remap);
	free(t->origin);
	free(t->pairs);
	free(t->ids);
	free(t->counts);
	free(t->nodes);
	free(t->x);
	free(t->y);
	free(t->scratch);
	memset(t, 0, sizeof(*t));
}

enum juan_status
trainer_count(struct trainer *t, const struct sdoc *doc)
{
	size_t i, dfcap = t->dfcap;
	int64_t *themes;
	char **topics;
	int *df;

	if (!(themes = array_reserve(t->themes, &t->themecap, t->n + 1,
				     sizeof(*themes))))
		return JUAN_ENOMEM;
	t->themes = themes;
	if (!(topics = array_reserve(t->topics, &t->topiccap, t->n + 1,
				     sizeof(*topics))))
		return JUAN_ENOMEM;
	t->topics = topics;
	/* the dictionary grew with this document: its new ids count from 0 */
	if (t->dict->n > dfcap) {
		if (!(df = array_reserve(t->df, &dfcap, t->dict->n,
					 sizeof(*df))))
			return JUAN_ENOMEM;
		memset(df + t->dfcap, 0, (dfcap - t->dfcap) * sizeof(*df));
		t->df = df;
		t->dfcap = dfcap;
	}
	if (!(t->topics[t->n] = strdup(doc->topic ? doc->topic : "")))
		return JUAN_ENOMEM;
	t->themes[t->n++] = doc->theme;
	for (i = 0; i < doc->n; i++)
		t->df[doc->ids[i]]++;
	t->room += (doc->n < DOC_FEATURES_MAX ? doc->n : DOC_FEATURES_MAX) + 2;
	if (doc->n > t->maxn)
		t->maxn = doc->n;
	return JUAN_OK;
}

static int
by_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

struct cand {
	int32_t id;
	int df;
};

static int
by_df_desc(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->df != y->df)
		return (x->df < y->df) - (x->df > y->df);
	return (x->id > y->id) - (x->id < y->id);
}

/* The classes: the distinct themes of the documents counted. */
static enum juan_status
pick_classes(struct trainer *t)
{
	size_t i, n = 0;

	if (!(t->classes = malloc((t->n ? t->n : 1) * sizeof(*t->classes))))
		return JUAN_ENOMEM;
	if (t->n)
		memcpy(t->classes, t->themes, t->n * sizeof(*t->classes));
	qsort(t->classes, t->n, sizeof(*t->classes), by_int64);
	for (i = 0; i < t->n; i++)
		if (n == 0 || t->classes[n - 1] != t->classes[i])
			t->classes[n++] = t->classes[i];
	t->nclass = (int)n;
	return JUAN_OK;
}

/* The vocabulary: the features of df >= 2 (of any df below 20 documents),
 * the VOCAB_MAX most frequent of them; their names and idf into out. */
static enum juan_status
pick_vocab(struct trainer *t, struct smodel *out)
{
	size_t nd = t->dict->n, i, ncand = 0;
	int mindf = t->n >= 20 ? 2 : 1;
	struct cand *cand = malloc((nd ? nd : 1) * sizeof(*cand));
	enum juan_status rc = JUAN_ENOMEM;
	int32_t v;

	t->remap = malloc((nd ? nd : 1) * sizeof(*t->remap));
	if (!cand || !t->remap)
		goto done;
	for (i = 0; i < nd; i++) {
		t->remap[i] = -1;
		if (i < t->dfcap && t->df[i] >= mindf)
			cand[ncand++] = (struct cand){(int32_t)i, t->df[i]};
	}
	if (ncand > VOCAB_MAX) {
		qsort(cand, ncand, sizeof(*cand), by_df_desc);
		ncand = VOCAB_MAX;
	}
	out->idf = malloc((ncand ? ncand : 1) * sizeof(*out->idf));
	t->origin = malloc((ncand ? ncand : 1) * sizeof(*t->origin));
	if (!out->idf || !t->origin)
		goto done;
	for (i = 0; i < ncand; i++) {
		const char *name = t->dict->names[cand[i].id];

		if (dict_id(&out->vocab, name, strlen(name), true, &v) < 0)
			goto done;
		t->remap[cand[i].id] = v;
		t->origin[v] = cand[i].id;
		out->idf[v] = (float)(log((t->n + 1.0) / (cand[i].df + 1.0)) +
				      1.0);
	}
	t->nfeat = (int)ncand;
	t->idf = out->idf;
	rc = JUAN_OK;
done:
	free(cand);
	return rc;
}

enum juan_status
trainer_vocab(struct trainer *t, struct smodel *out)
{
	enum juan_status rc = pick_classes(t);

	if (rc != JUAN_OK || t->nclass < 2)
		return rc;
	if ((rc = pick_vocab(t, out)) != JUAN_OK)
		return rc;
	free(t->df);
	t->df = NULL;
	t->dfcap = 0;
	return JUAN_OK;
}

/* The room of pass 2, made at its first row: by then the caller may have
 * given back what pass 1 took. */
static enum juan_status
make_room(struct trainer *t)
{
	size_t maxn = t->maxn ? t->maxn : 1;

	t->nodes = malloc((t->room ? t->room : 1) * sizeof(*t->nodes));
	t->x = malloc((t->n ? t->n : 1) * sizeof(*t->x));
	t->y = malloc((t->n ? t->n : 1) * sizeof(*t->y));
	t->scratch = malloc(maxn * sizeof(*t->scratch));
	t->pairs = malloc(maxn * sizeof(*t->pairs));
	t->ids = malloc(maxn * sizeof(*t->ids));
	t->counts = malloc(maxn * sizeof(*t->counts));
	if (!t->nodes || !t->x || !t->y || !t->scratch || !t->pairs ||
	    !t->ids || !t->counts)
		return JUAN_ENOMEM;
	return JUAN_OK;
}

bool
trainer_classifies(const struct trainer *t)
{
	return t->nclass >= 2;
}

enum juan_status
trainer_row(struct trainer *t, const struct sdoc *doc)
{
	size_t need = (doc->n < DOC_FEATURES_MAX ? doc->n : DOC_FEATURES_MAX) +
		      2;
	struct feature_node *row;
	int64_t *hit;
	enum juan_status rc;

	if (!t->nodes && (rc = make_room(t)) != JUAN_OK)
		return rc;
	/* not the document counted in its place: the tags changed between
	 * the passes, or the caller read another document */
	if (t->rows >= t->n || doc->theme != t->themes[t->rows] ||
	    doc->n > t->maxn || need > t->room - t->used)
		return JUAN_EINVAL;
	row = t->nodes + t->used;
	smodel_vectorize(doc, t->remap, t->idf, t->nfeat, row, t->scratch);
	while (row->index != -1)
		row++;
	t->x[t->rows] = t->nodes + t->used;
	t->used = (size_t)(row + 1 - t->nodes);
	hit = bsearch(&doc->theme, t->classes, t->nclass, sizeof(*t->classes),
		      by_int64);
	t->y[t->rows++] = (double)(hit - t->classes);
	return JUAN_OK;
}

static int
by_origin(const void *a, const void *b)
{
	const struct trainer_pair *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

enum juan_status
trainer_row_vocab(struct trainer *t, const struct sdoc *doc)
{
	struct sdoc d = *doc;
	size_t i;
	enum juan_status rc;

	if (!t->nodes && (rc = make_room(t)) != JUAN_OK)
		return rc;
	if (doc->n > t->maxn)
		return JUAN_EINVAL;
	/* back to the dictionary's ids, in its order: the row is then
	 * written from the very same features, in the same order, as
	 * trainer_row() writes it from the document's dictionary ids */
	for (i = 0; i < doc->n; i++) {
		if (doc->ids[i] < 0 || doc->ids[i] >= t->nfeat)
			return JUAN_EINVAL;
		t->pairs[i].id = t->origin[doc->ids[i]];
		t->pairs[i].count = doc->counts[i];
	}
	qsort(t->pairs, doc->n, sizeof(*t->pairs), by_origin);
	for (i = 0; i < doc->n; i++) {
		t->ids[i] = t->pairs[i].id;
		t->counts[i] = t->pairs[i].count;
	}
	d.ids = t->ids;
	d.counts = t->counts;
	return trainer_row(t, &d);
}

/* ---- the topic map ------------------------------------------------------ */

struct pair {
	const char *topic;
	int64_t theme;
};

static int
by_topic(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = strcmp(x->topic, y->topic);

	return c ? c : (x->theme > y->theme) - (x->theme < y->theme);
}

static enum juan_status
train_topics(const struct trainer *t, struct smodel *out)
{
	size_t n = t->n;
	struct pair *p = malloc((n ? n : 1) * sizeof(*p));
	size_t i, j, cap = 0, run;
	struct topic_map *grown, best;
	enum juan_status rc = JUAN_OK;

	if (!p)
		return JUAN_ENOMEM;
	for (i = 0; i < n; i++) {
		p[i].topic = t->topics[i];
		p[i].theme = t->themes[i];
	}
	qsort(p, n, sizeof(*p), by_topic);
	for (i = 0; i < n; i = j) {
		memset(&best, 0, sizeof(best));
		for (j = i; j < n && strcmp(p[j].topic, p[i].topic) == 0;
		     j += run) {
			for (run = 1; j + run < n && p[j + run].theme == p[j].theme &&
			     strcmp(p[j + run].topic, p[i].topic) == 0; run++)
				;
			if ((int)run > best.n) {
				best.n = (int)run;
				best.theme = p[j].theme;
			}
		}
		if (!p[i].topic[0])
			continue;
		best.total = (int)(j - i);
		grown = array_reserve(out->topics, &cap, out->ntopics + 1,
				      sizeof(*grown));
		if (!grown || !(best.topic = strdup(p[i].topic))) {
			rc = JUAN_ENOMEM;
			break;
		}
		out->topics = grown;
		out->topics[out->ntopics++] = best;
	}
	free(p);
	return rc;
}

enum juan_status
trainer_finish(struct trainer *t, struct smodel *out)
{
	struct problem prob;
	struct parameter param;
	enum juan_status rc;

	out->tags = (long)t->n;
	if ((rc = train_topics(t, out)) != JUAN_OK)
		return rc;
	if (!trainer_classifies(t))
		return JUAN_OK;
	if (t->rows != t->n)
		return JUAN_EINVAL;
	free(t->scratch);
	t->scratch = NULL;
	prob = (struct problem){.l = (int)t->n, .n = t->nfeat + 1, .y = t->y,
				.x = t->x, .bias = 1};
	memset(&param, 0, sizeof(param));
	param.solver_type = L2R_LR_DUAL;
	param.C = LIN_C;
	param.eps = 0.1;
	param.p = 0.1;
	set_print_string_function(quiet);
	if (!(out->lin = train(&prob, &param)))
		return JUAN_ENOMEM;
	out->classes = t->classes;
	out->nclass = t->nclass;
	t->classes = NULL;
	return JUAN_OK;
}

enum juan_status
smodel_train(const struct dict *dict, const struct sdoc *docs,
	     const size_t *idx, size_t n, struct smodel *out)
{
	struct trainer t;
	enum juan_status rc = JUAN_OK;
	size_t i;

	memset(out, 0, sizeof(*out));
	trainer_init(&t, dict);
	for (i = 0; i < n && rc == JUAN_OK; i++)
		rc = trainer_count(&t, &docs[idx[i]]);
	if (rc == JUAN_OK)
		rc = trainer_vocab(&t, out);
	for (i = 0; i < n && rc == JUAN_OK && trainer_classifies(&t); i++)
		rc = trainer_row(&t, &docs[idx[i]]);
	if (rc == JUAN_OK)
		rc = trainer_finish(&t, out);
	trainer_free(&t);
	if (rc != JUAN_OK)
		smodel_clear(out);
	return rc;
}
