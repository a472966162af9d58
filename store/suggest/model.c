/* model: a scheme's suggestion model — what each topic was tagged with,
 * and a LIBLINEAR logistic regression on TF-IDF weighted, L2-normalised
 * features — trained, applied, and written to and read from bytes
 * (suggest_private.h). */
#include <linear.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/themes.h"
#include "suggest_private.h"

/* The vocabulary's most frequent features kept, and a document's heaviest
 * ones: these bound the memory of a retrain (10,000 documents in 64 MB). */
#define VOCAB_MAX 30000
#define DOC_FEATURES_MAX 200
/* LIBLINEAR's cost of misclassification: high, since short normalised
 * vectors of few documents otherwise give flat probabilities. */
#define LIN_C 8.0
#define MODEL_MAGIC "JSG1"

static void
quiet(const char *s)
{
	(void)s;
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
train_topics(const struct sdoc *docs, const size_t *idx, size_t n,
	     struct smodel *out)
{
	struct pair *p = malloc((n ? n : 1) * sizeof(*p));
	size_t i, j, cap = 0, run;
	struct topic_map *grown, best;
	enum juan_status rc = JUAN_OK;

	if (!p)
		return JUAN_ENOMEM;
	for (i = 0; i < n; i++) {
		p[i].topic = docs[idx[i]].topic;
		p[i].theme = docs[idx[i]].theme;
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

/* ---- the classifier ----------------------------------------------------- */

static int
by_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

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

/* Writes doc's vector into x (room for DOC_FEATURES_MAX + 2 nodes): the
 * kept features (remap[id] >= 0) TF-IDF weighted, the heaviest
 * DOC_FEATURES_MAX of them, by index, L2-normalised, then the bias node
 * (index nfeat + 1) and the terminator.  remap NULL: doc's ids are vocab
 * ids already. */
static void
vectorize(const struct sdoc *doc, const int32_t *remap, const float *idf,
	  int nfeat, struct feature_node *x, struct feature_node *scratch)
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

static enum juan_status
train_classifier(const struct dict *dict, const struct sdoc *docs,
		 const size_t *idx, size_t n, struct smodel *out)
{
	int *df = NULL;
	int32_t *remap = NULL, v;
	struct cand *cand = NULL;
	struct feature_node *nodes = NULL, **x = NULL, *scratch = NULL;
	double *y = NULL;
	size_t i, j, ncand = 0, maxn = 0;
	int mindf = n >= 20 ? 2 : 1;
	enum juan_status rc = JUAN_ENOMEM;
	struct problem prob;
	struct parameter param;
	int64_t *classes = NULL, *hit;
	size_t nclass = 0;

	/* the classes: the distinct themes */
	if (!(classes = malloc((n ? n : 1) * sizeof(*classes))))
		goto done;
	for (i = 0; i < n; i++)
		classes[i] = docs[idx[i]].theme;
	qsort(classes, n, sizeof(*classes), by_int64);
	for (i = 0; i < n; i++)
		if (nclass == 0 || classes[nclass - 1] != classes[i])
			classes[nclass++] = classes[i];
	if (nclass < 2) {
		rc = JUAN_OK;
		goto done;
	}
	/* the vocabulary: the most frequent features */
	df = calloc(dict->n ? dict->n : 1, sizeof(*df));
	remap = malloc((dict->n ? dict->n : 1) * sizeof(*remap));
	cand = malloc((dict->n ? dict->n : 1) * sizeof(*cand));
	if (!df || !remap || !cand)
		goto done;
	for (i = 0; i < n; i++) {
		const struct sdoc *d = &docs[idx[i]];

		for (j = 0; j < d->n; j++)
			df[d->ids[j]]++;
		if (d->n > maxn)
			maxn = d->n;
	}
	for (i = 0; i < dict->n; i++) {
		remap[i] = -1;
		if (df[i] >= mindf)
			cand[ncand++] = (struct cand){(int32_t)i, df[i]};
	}
	if (ncand > VOCAB_MAX) {
		qsort(cand, ncand, sizeof(*cand), by_df_desc);
		ncand = VOCAB_MAX;
	}
	if (!(out->idf = malloc((ncand ? ncand : 1) * sizeof(*out->idf))))
		goto done;
	for (i = 0; i < ncand; i++) {
		const char *name = dict->names[cand[i].id];

		if (dict_id(&out->vocab, name, strlen(name), true, &v) < 0)
			goto done;
		remap[cand[i].id] = v;
		out->idf[v] = (float)(log((n + 1.0) / (cand[i].df + 1.0)) + 1.0);
	}
	/* the problem */
	nodes = malloc(n * (DOC_FEATURES_MAX + 2) * sizeof(*nodes));
	x = malloc(n * sizeof(*x));
	y = malloc(n * sizeof(*y));
	scratch = malloc((maxn ? maxn : 1) * sizeof(*scratch));
	if (!nodes || !x || !y || !scratch)
		goto done;
	for (i = 0; i < n; i++) {
		x[i] = nodes + i * (DOC_FEATURES_MAX + 2);
		vectorize(&docs[idx[i]], remap, out->idf, (int)ncand, x[i],
			  scratch);
		hit = bsearch(&docs[idx[i]].theme, classes, nclass,
			      sizeof(*classes), by_int64);
		y[i] = (double)(hit - classes);
	}
	prob = (struct problem){.l = (int)n, .n = (int)ncand + 1, .y = y,
				.x = x, .bias = 1};
	memset(&param, 0, sizeof(param));
	param.solver_type = L2R_LR_DUAL;
	param.C = LIN_C;
	param.eps = 0.1;
	param.p = 0.1;
	set_print_string_function(quiet);
	if (!(out->lin = train(&prob, &param)))
		goto done;
	out->classes = classes;
	out->nclass = (int)nclass;
	classes = NULL;
	rc = JUAN_OK;
done:
	free(classes);
	free(df);
	free(remap);
	free(cand);
	free(nodes);
	free(x);
	free(y);
	free(scratch);
	return rc;
}

enum juan_status
smodel_train(const struct dict *dict, const struct sdoc *docs,
	     const size_t *idx, size_t n, struct smodel *out)
{
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	out->tags = (long)n;
	rc = train_topics(docs, idx, n, out);
	if (rc == JUAN_OK)
		rc = train_classifier(dict, docs, idx, n, out);
	if (rc != JUAN_OK)
		smodel_clear(out);
	return rc;
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
	vectorize(doc, NULL, m->idf, m->lin->nr_feature, x, scratch);
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
