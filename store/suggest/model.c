/* model: a scheme's suggestion model — what each topic was tagged with,
 * and a LIBLINEAR logistic regression on TF-IDF weighted, L2-normalised
 * features (trained by train.c) — a document's vector, suggesting, and
 * the model written to and read from bytes (suggest_private.h). */
#include <linear.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/themes.h"
#include "suggest_private.h"

#define MODEL_MAGIC "JSG1"

/* ---- the classifier ----------------------------------------------------- */

static int
by_value_desc(const void *a, const void *b)
{
	const struct feature_node *x = a, *y = b;

	return (x->value < y->value) - (x->value > y->value);
}

static int
by_index(const void *a, const void *b)
{
	const struct feature_node *x = a, *y = b;

	return (x->index > y->index) - (x->index < y->index);
}

void
smodel_vectorize(const struct sdoc *doc, const int32_t *remap,
		 const float *idf, int nfeat, struct feature_node *x,
		 struct feature_node *scratch)
{
	size_t i, k = 0;
	double norm = 0;

	for (i = 0; i < doc->n; i++) {
		int32_t v = remap ? remap[doc->ids[i]] : doc->ids[i];

		if (v < 0 || v >= nfeat)
			continue;
		scratch[k].index = v + 1;
		scratch[k].value = (1.0 + log(doc->counts[i])) * idf[v];
		k++;
	}
	if (k > DOC_FEATURES_MAX) {
		qsort(scratch, k, sizeof(*scratch), by_value_desc);
		k = DOC_FEATURES_MAX;
		qsort(scratch, k, sizeof(*scratch), by_index);
	}
	for (i = 0; i < k; i++)
		norm += scratch[i].value * scratch[i].value;
	norm = norm > 0 ? sqrt(norm) : 1;
	for (i = 0; i < k; i++) {
		x[i].index = scratch[i].index;
		x[i].value = scratch[i].value / norm;
	}
	x[k].index = nfeat + 1;
	x[k].value = 1;
	x[k + 1].index = -1;
	x[k + 1].value = 0;
}

void
smodel_clear(struct smodel *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->ntopics; i++)
		free(m->topics[i].topic);
	free(m->topics);
	dict_free(&m->vocab);
	free(m->idf);
	if (m->lin)
		free_and_destroy_model(&m->lin);
	free(m->classes);
	memset(m, 0, sizeof(*m));
}

/* ---- suggesting ---------------------------------------------------------- */

static const struct topic_map *
find_topic(const struct smodel *m, const char *topic)
{
	size_t lo = 0, hi = m->ntopics, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(m->topics[mid].topic, topic);
		if (c == 0)
			return &m->topics[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Source 1: the topic, through what was learned or by name. */
static enum juan_status
from_topic(const struct smodel *m, const struct theme_set *themes,
	   const char *topic, size_t k, struct suggest_list *out)
{
	const struct topic_map *t = topic && *topic ? find_topic(m, topic) : NULL;
	char reason[64];
	long at;

	if (t && t->total >= 2) {
		if (2 * t->n < t->total)
			return JUAN_OK;
		snprintf(reason, sizeof(reason), "主题分类（已学 %d/%d）", t->n,
			 t->total);
		return suggest_push(out, k, themes, t->theme,
				    (t->n + 1.0) / (t->total + 2.0),
				    SUGGEST_LEARNED, reason);
	}
	if ((at = suggest_topic_match(topic, themes)) < 0)
		return JUAN_OK;
	return suggest_push(out, k, themes, themes->themes[at].id,
			    t && t->theme != themes->themes[at].id ? 0.6 : 0.9,
			    SUGGEST_TOPIC, "主题分类");
}

/* Source 2: the classifier. */
static enum juan_status
from_model(const struct smodel *m, const struct theme_set *themes,
	   const struct sdoc *doc, size_t k, struct suggest_list *out)
{
	struct feature_node *x = NULL, *scratch = NULL;
	double *prob = NULL;
	int *order = NULL, i, j, best;
	char reason[64];
	enum juan_status rc = JUAN_ENOMEM;
	int nclass = m->lin->nr_class;

	x = malloc((DOC_FEATURES_MAX + 2) * sizeof(*x));
	scratch = malloc((doc->n ? doc->n : 1) * sizeof(*scratch));
	prob = malloc(nclass * sizeof(*prob));
	order = malloc(nclass * sizeof(*order));
	if (!x || !scratch || !prob || !order)
		goto done;
	smodel_vectorize(doc, NULL, m->idf, m->lin->nr_feature, x, scratch);
	predict_probability(m->lin, x, prob);
	for (i = 0; i < nclass; i++)
		order[i] = i;
	snprintf(reason, sizeof(reason), "标注 %ld 篇", m->tags);
	rc = JUAN_OK;
	for (i = 0; i < nclass && out->n < k && rc == JUAN_OK; i++) {
		best = i;
		for (j = i + 1; j < nclass; j++)
			if (prob[order[j]] > prob[order[best]])
				best = j;
		j = order[i];
		order[i] = order[best];
		order[best] = j;
		j = m->lin->label[order[i]];
		if (j < 0 || j >= m->nclass)
			continue;
		rc = suggest_push(out, k, themes, m->classes[j],
				  prob[order[i]], SUGGEST_MODEL, reason);
	}
done:
	free(x);
	free(scratch);
	free(prob);
	free(order);
	return rc;
}

enum juan_status
smodel_suggest(const struct smodel *m, const struct theme_set *themes,
	       const struct sdoc *doc, const struct feature_text *t, size_t k,
	       struct suggest_list *out)
{
	enum juan_status rc;
	bool text = (t->title && *t->title) || (t->body && *t->body);

	memset(out, 0, sizeof(*out));
	if (k == 0)
		return JUAN_OK;
	rc = from_topic(m, themes, t->topic, k, out);
	if (rc != JUAN_OK)
		return rc;
	if (!text) {
		snprintf(out->note, sizeof(out->note), "%s",
			 "the document has no text to suggest from");
		return JUAN_OK;
	}
	if (m->lin)
		return from_model(m, themes, doc, k, out);
	if (m->tags == 0)
		snprintf(out->note, sizeof(out->note), "%s",
			 "no tags in this scheme yet: a weak guess from the "
			 "themes' words");
	else
		snprintf(out->note, sizeof(out->note), "%s",
			 "only one theme tagged so far: a weak guess from the "
			 "themes' words");
	return words_suggest(themes, t, k, out);
}

/* ---- bytes --------------------------------------------------------------- */

struct writer {
	unsigned char *buf;
	size_t len, cap;
	bool fail;
};

static void
put(struct writer *w, const void *p, size_t n)
{
	unsigned char *grown;

	if (w->fail)
		return;
	grown = array_reserve(w->buf, &w->cap, w->len + n, 1);
	if (!grown) {
		w->fail = true;
		return;
	}
	w->buf = grown;
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

static void
put_i64(struct writer *w, int64_t v)
{
	put(w, &v, sizeof(v));
}

static void
put_str(struct writer *w, const char *s)
{
	uint32_t n = (uint32_t)strlen(s);

	put(w, &n, sizeof(n));
	put(w, s, n);
}

/* The number of weights of a LIBLINEAR model: one vector for two classes,
 * one per class else, each of n entries (the features and the bias). */
static size_t
nweights(int nr_class, int n)
{
	return (size_t)n * (nr_class == 2 ? 1 : (size_t)nr_class);
}

enum juan_status
smodel_save(const struct smodel *m, unsigned char **buf, size_t *len)
{
	struct writer w = {0};
	size_t i, nw;
	float f;

	put(&w, MODEL_MAGIC, 4);
	put_i64(&w, m->tags);
	put_i64(&w, m->last);
	put_i64(&w, (int64_t)m->ntopics);
	for (i = 0; i < m->ntopics; i++) {
		put_str(&w, m->topics[i].topic);
		put_i64(&w, m->topics[i].theme);
		put_i64(&w, m->topics[i].n);
		put_i64(&w, m->topics[i].total);
	}
	put_i64(&w, m->lin ? m->nclass : 0);
	if (m->lin) {
		for (i = 0; i < (size_t)m->nclass; i++)
			put_i64(&w, m->classes[i]);
		put_i64(&w, m->lin->nr_class);
		for (i = 0; i < (size_t)m->lin->nr_class; i++)
			put_i64(&w, m->lin->label[i]);
		put_i64(&w, (int64_t)m->vocab.n);
		for (i = 0; i < m->vocab.n; i++) {
			put_str(&w, m->vocab.names[i]);
			put(&w, &m->idf[i], sizeof(float));
		}
		nw = nweights(m->lin->nr_class, m->lin->nr_feature + 1);
		for (i = 0; i < nw; i++) {
			f = (float)m->lin->w[i];
			put(&w, &f, sizeof(f));
		}
	}
	if (w.fail) {
		free(w.buf);
		return JUAN_ENOMEM;
	}
	*buf = w.buf;
	*len = w.len;
	return JUAN_OK;
}

struct reader {
	const unsigned char *p;
	size_t left;
	bool bad;
};

static void
get(struct reader *r, void *out, size_t n)
{
	if (r->bad || r->left < n) {
		r->bad = true;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
	r->left -= n;
}

static int64_t
get_i64(struct reader *r, int64_t max)
{
	int64_t v;

	get(r, &v, sizeof(v));
	if (v < 0 || v > max)
		r->bad = true;
	return r->bad ? 0 : v;
}

/* A string of at most left bytes; caller frees; NULL when bad. */
static char *
get_str(struct reader *r)
{
	uint32_t n;
	char *s;

	get(r, &n, sizeof(n));
	if (r->bad || n > r->left || !(s = malloc(n + 1))) {
		r->bad = true;
		return NULL;
	}
	get(r, s, n);
	s[n] = '\0';
	return s;
}

static enum juan_status
load_classifier(struct reader *r, int64_t nclass, struct smodel *out)
{
	int64_t i, nr_class, nvocab;
	size_t nw;
	char *name;
	int32_t id;
	float f;
	struct model *lin;

	if (!(out->classes = calloc(nclass, sizeof(*out->classes))))
		return JUAN_ENOMEM;
	out->nclass = (int)nclass;
	for (i = 0; i < nclass; i++)
		out->classes[i] = get_i64(r, INT64_MAX);
	nr_class = get_i64(r, nclass);
	if (r->bad || nr_class < 2)
		return JUAN_EINVAL;
	if (!(lin = calloc(1, sizeof(*lin))))
		return JUAN_ENOMEM;
	out->lin = lin;
	lin->param.solver_type = L2R_LR;
	lin->bias = 1;
	lin->nr_class = (int)nr_class;
	if (!(lin->label = calloc(nr_class, sizeof(*lin->label))))
		return JUAN_ENOMEM;
	for (i = 0; i < nr_class; i++)
		lin->label[i] = (int)get_i64(r, nclass - 1);
	nvocab = get_i64(r, (int64_t)r->left / 8);
	if (r->bad || !(out->idf = malloc((nvocab ? nvocab : 1) * sizeof(float))))
		return r->bad ? JUAN_EINVAL : JUAN_ENOMEM;
	for (i = 0; i < nvocab && !r->bad; i++) {
		if (!(name = get_str(r)))
			break;
		if (dict_id(&out->vocab, name, strlen(name), true, &id) < 0) {
			free(name);
			return JUAN_ENOMEM;
		}
		free(name);
		if (id != i)
			r->bad = true; /* a name twice */
		get(r, &out->idf[i], sizeof(float));
	}
	/* as train() leaves it: nr_feature without the bias */
	lin->nr_feature = (int)nvocab;
	nw = nweights((int)nr_class, (int)nvocab + 1);
	if (r->bad || r->left != nw * sizeof(float))
		return JUAN_EINVAL;
	if (!(lin->w = malloc(nw * sizeof(*lin->w))))
		return JUAN_ENOMEM;
	for (i = 0; i < (int64_t)nw; i++) {
		get(r, &f, sizeof(f));
		lin->w[i] = f;
	}
	return JUAN_OK;
}

enum juan_status
smodel_load(const unsigned char *buf, size_t len, struct smodel *out)
{
	struct reader r = {buf, len, false};
	char magic[4];
	int64_t i, n, nclass;
	enum juan_status rc = JUAN_OK;
	struct topic_map *t;

	memset(out, 0, sizeof(*out));
	get(&r, magic, 4);
	if (r.bad || memcmp(magic, MODEL_MAGIC, 4) != 0)
		return JUAN_EINVAL;
	out->tags = (long)get_i64(&r, INT32_MAX);
	out->last = get_i64(&r, INT64_MAX);
	n = get_i64(&r, (int64_t)r.left / 28);
	if (!r.bad && n && !(out->topics = calloc(n, sizeof(*out->topics))))
		rc = JUAN_ENOMEM;
	for (i = 0; i < n && rc == JUAN_OK && !r.bad; i++) {
		t = &out->topics[out->ntopics++];
		t->topic = get_str(&r);
		t->theme = get_i64(&r, INT64_MAX);
		t->n = (int)get_i64(&r, INT32_MAX);
		t->total = (int)get_i64(&r, INT32_MAX);
		if (i > 0 && t->topic && out->topics[i - 1].topic &&
		    strcmp(out->topics[i - 1].topic, t->topic) >= 0)
			r.bad = true; /* find_topic() needs them sorted */
	}
	nclass = get_i64(&r, INT32_MAX);
	if (rc == JUAN_OK && !r.bad && nclass > 0)
		rc = load_classifier(&r, nclass, out);
	else if (rc == JUAN_OK && !r.bad && r.left != 0)
		r.bad = true;
	if (rc == JUAN_OK && r.bad)
		rc = JUAN_EINVAL;
	if (rc != JUAN_OK)
		smodel_clear(out);
	return rc;
}
