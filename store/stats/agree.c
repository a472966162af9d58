/* agree: how far coders agree (see agree.h).
 *
 * Percent agreement, Fleiss' κ and Krippendorff's α all come from one pass
 * over the items (tally()): for each item with m ≥ 2 ratings, the count
 * n_j of each category gives its agreeing ordered pairs Σ n_j(n_j − 1), and
 * the counts summed over items give the marginals.  Fleiss's P_i is the
 * pairs over m(m − 1); Krippendorff's coincidence diagonal Σ o_cc is the
 * pairs over m − 1 (only the diagonal and the marginals matter for nominal
 * data: the off-diagonal sum is n − Σ o_cc).  Cohen's κ comes from the
 * confusion matrix of its pair. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/agree.h"

/* The counts of one pass over the pairable items, for one recoding. */
struct tally {
	size_t k;         /* categories after recoding */
	size_t *nc;       /* pairable ratings per category, k entries */
	size_t items;     /* items with two or more ratings */
	size_t n;         /* their ratings */
	size_t unanimous; /* items whose ratings are all one category */
	bool equal;       /* every pairable item had the same number */
	double p_sum;     /* Σ_i P_i, Fleiss's per-item agreement */
	double o_diag;    /* Σ_c o_cc, Krippendorff's coincidence diagonal */
};

static size_t
ncat(const struct agree_data *d, int vs)
{
	return vs == AGREE_ALL ? d->categories : 2;
}

static bool
vs_ok(const struct agree_data *d, int vs)
{
	return vs == AGREE_ALL || (vs >= 0 && (size_t)vs < d->categories);
}

/* Coder c's code for item i, recoded for vs: AGREE_MISSING or a category
 * in [0, ncat(d, vs)), 1 meaning "is vs" in one-vs-rest. */
static int
code_at(const struct agree_data *d, size_t i, size_t c, int vs)
{
	int v = d->codes[i * d->coders + c];

	if (v == AGREE_MISSING || vs == AGREE_ALL)
		return v;
	return v == vs;
}

static struct agree_figure
figure(double value, size_t items)
{
	struct agree_figure f = {value, AGREE_DEFINED, items};

	return f;
}

static struct agree_figure
undefined(enum agree_flag flag, size_t items)
{
	struct agree_figure f = {NAN, flag, items};

	return f;
}

enum juan_status
agree_check(const struct agree_data *d)
{
	size_t i, n;
	int v;

	if (d == NULL || d->categories > (size_t)INT_MAX)
		return JUAN_EINVAL;
	if (d->coders != 0 && d->items > SIZE_MAX / d->coders)
		return JUAN_EINVAL;
	n = d->items * d->coders;
	if (n == 0)
		return JUAN_OK;
	if (d->codes == NULL)
		return JUAN_EINVAL;
	for (i = 0; i < n; i++) {
		v = d->codes[i];
		if (v != AGREE_MISSING &&
		    (v < 0 || (size_t)v >= d->categories))
			return JUAN_EINVAL;
	}
	return JUAN_OK;
}

static void
tally_free(struct tally *t)
{
	free(t->nc);
	t->nc = NULL;
}

/* One pass over d recoded for vs into *t (free with tally_free() when it
 * returns JUAN_OK). */
static enum juan_status
tally(const struct agree_data *d, int vs, struct tally *t)
{
	size_t i, c, m, m0 = 0, pairs, *counts = NULL;
	enum juan_status rc;
	bool all;
	int v;

	memset(t, 0, sizeof *t);
	t->equal = true;
	rc = agree_check(d);
	if (rc != JUAN_OK)
		goto done;
	if (!vs_ok(d, vs)) {
		rc = JUAN_EINVAL;
		goto done;
	}
	t->k = ncat(d, vs);
	t->nc = calloc(t->k ? t->k : 1, sizeof *t->nc);
	counts = calloc(t->k ? t->k : 1, sizeof *counts);
	if (t->nc == NULL || counts == NULL) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	for (i = 0; i < d->items; i++) {
		m = 0;
		for (c = 0; c < d->coders; c++) {
			v = code_at(d, i, c, vs);
			if (v != AGREE_MISSING) {
				counts[v]++;
				m++;
			}
		}
		/* Each category once (its count is zeroed when used); the
		 * loop also leaves counts all zero for the next item. */
		pairs = 0;
		all = false;
		for (c = 0; c < d->coders; c++) {
			v = code_at(d, i, c, vs);
			if (v == AGREE_MISSING || counts[v] == 0)
				continue;
			if (m >= 2) {
				pairs += counts[v] * (counts[v] - 1);
				all = all || counts[v] == m;
				t->nc[v] += counts[v];
			}
			counts[v] = 0;
		}
		if (m < 2)
			continue;
		t->items++;
		t->n += m;
		t->unanimous += all;
		t->p_sum += (double)pairs / ((double)m * (double)(m - 1));
		t->o_diag += (double)pairs / (double)(m - 1);
		if (m0 == 0)
			m0 = m;
		else if (m != m0)
			t->equal = false;
	}
	rc = JUAN_OK;
done:
	free(counts);
	if (rc != JUAN_OK)
		tally_free(t);
	return rc;
}

/* True when one category holds every pairable rating: chance agreement is
 * then 1 and κ and α are 0/0. */
static bool
tally_uniform(const struct tally *t)
{
	size_t j;

	for (j = 0; j < t->k; j++)
		if (t->nc[j] == t->n)
			return true;
	return false;
}

/* Σ_j n_j², in double: exact below 2^53. */
static double
tally_sum_sq(const struct tally *t)
{
	double s = 0;
	size_t j;

	for (j = 0; j < t->k; j++)
		s += (double)t->nc[j] * (double)t->nc[j];
	return s;
}

static struct agree_figure
percent_of(const struct tally *t)
{
	if (t->items == 0)
		return undefined(AGREE_NO_ITEMS, 0);
	return figure(t->p_sum / (double)t->items, t->items);
}

static struct agree_figure
unanimous_of(const struct tally *t)
{
	if (t->items == 0)
		return undefined(AGREE_NO_ITEMS, 0);
	return figure((double)t->unanimous / (double)t->items, t->items);
}

static struct agree_figure
fleiss_of(const struct tally *t)
{
	double p_bar, p_e, n = (double)t->n;

	if (t->items == 0)
		return undefined(AGREE_NO_ITEMS, 0);
	if (tally_uniform(t))
		return undefined(AGREE_NO_VARIATION, t->items);
	p_bar = t->p_sum / (double)t->items;
	p_e = tally_sum_sq(t) / (n * n);
	return figure((p_bar - p_e) / (1 - p_e), t->items);
}

/* α = 1 − D_o/D_e = 1 − (n − 1)(n − Σ o_cc) / (n² − Σ n_c²). */
static struct agree_figure
alpha_of(const struct tally *t)
{
	double n = (double)t->n;

	if (t->items == 0)
		return undefined(AGREE_NO_ITEMS, 0);
	if (tally_uniform(t))
		return undefined(AGREE_NO_VARIATION, t->items);
	return figure(1 - (n - 1) * (n - t->o_diag) / (n * n - tally_sum_sq(t)),
		      t->items);
}

/* Every tally-based figure of d recoded for vs. */
struct figures {
	struct agree_figure percent, unanimous, fleiss, alpha;
	bool equal;     /* as agree_fleiss's *equal */
	size_t ratings; /* one-vs-rest: pairable ratings that are vs */
};

static enum juan_status
figures_of(const struct agree_data *d, int vs, struct figures *f)
{
	struct tally t;
	enum juan_status rc;

	rc = tally(d, vs, &t);
	if (rc != JUAN_OK)
		return rc;
	f->percent = percent_of(&t);
	f->unanimous = unanimous_of(&t);
	f->fleiss = fleiss_of(&t);
	f->alpha = alpha_of(&t);
	f->equal = t.equal;
	f->ratings = vs == AGREE_ALL ? t.n : t.nc[1];
	tally_free(&t);
	return JUAN_OK;
}

enum juan_status
agree_percent(const struct agree_data *d, int vs,
	      struct agree_figure *pairwise, struct agree_figure *unanimous)
{
	struct figures f;
	enum juan_status rc;

	rc = figures_of(d, vs, &f);
	if (rc == JUAN_OK && pairwise != NULL)
		*pairwise = f.percent;
	if (rc == JUAN_OK && unanimous != NULL)
		*unanimous = f.unanimous;
	return rc;
}

enum juan_status
agree_fleiss(const struct agree_data *d, int vs, struct agree_figure *out,
	     bool *equal)
{
	struct figures f;
	enum juan_status rc;

	rc = out == NULL ? JUAN_EINVAL : figures_of(d, vs, &f);
	if (rc == JUAN_OK)
		*out = f.fleiss;
	if (rc == JUAN_OK && equal != NULL)
		*equal = f.equal;
	return rc;
}

enum juan_status
agree_alpha(const struct agree_data *d, int vs, struct agree_figure *out)
{
	struct figures f;
	enum juan_status rc;

	rc = out == NULL ? JUAN_EINVAL : figures_of(d, vs, &f);
	if (rc == JUAN_OK)
		*out = f.alpha;
	return rc;
}

enum juan_status
agree_confusion(const struct agree_data *d, size_t a, size_t b, int vs,
		size_t *m, size_t *both)
{
	size_t i, k, n = 0;
	int x, y;

	if (agree_check(d) != JUAN_OK || !vs_ok(d, vs) || m == NULL ||
	    a >= d->coders || b >= d->coders || a == b)
		return JUAN_EINVAL;
	k = ncat(d, vs);
	memset(m, 0, k * k * sizeof *m);
	for (i = 0; i < d->items; i++) {
		x = code_at(d, i, a, vs);
		y = code_at(d, i, b, vs);
		if (x == AGREE_MISSING || y == AGREE_MISSING)
			continue;
		m[(size_t)x * k + (size_t)y]++;
		n++;
	}
	if (both != NULL)
		*both = n;
	return JUAN_OK;
}

/* κ = (n·Σ m_xx − Σ r_x c_x) / (n² − Σ r_x c_x), r and c the marginals of
 * a k × k confusion matrix m over n items. */
static void
cohen_of(const size_t *m, size_t k, size_t n, struct agree_figure *out,
	 struct agree_figure *po)
{
	double diag = 0, chance = 0, r, c, dn = (double)n;
	size_t x, y;

	for (x = 0; x < k; x++) {
		diag += (double)m[x * k + x];
		r = c = 0;
		for (y = 0; y < k; y++) {
			r += (double)m[x * k + y];
			c += (double)m[y * k + x];
		}
		chance += r * c;
	}
	if (po != NULL)
		*po = n == 0 ? undefined(AGREE_NO_ITEMS, 0)
			     : figure(diag / dn, n);
	if (n == 0)
		*out = undefined(AGREE_NO_ITEMS, 0);
	else if (chance == dn * dn) /* both coders used one same category */
		*out = undefined(AGREE_NO_VARIATION, n);
	else
		*out = figure((dn * diag - chance) / (dn * dn - chance), n);
}

enum juan_status
agree_cohen(const struct agree_data *d, size_t a, size_t b, int vs,
	    struct agree_figure *out, struct agree_figure *po)
{
	size_t k, n, *m = NULL;
	enum juan_status rc;

	if (out == NULL || d == NULL || !vs_ok(d, vs))
		return JUAN_EINVAL;
	k = ncat(d, vs);
	if (k > 0 && k > SIZE_MAX / sizeof *m / k)
		return JUAN_ENOMEM;
	m = calloc(k ? k * k : 1, sizeof *m);
	if (m == NULL)
		return JUAN_ENOMEM;
	rc = agree_confusion(d, a, b, vs, m, &n);
	if (rc != JUAN_OK)
		goto done;
	cohen_of(m, k, n, out, po);
done:
	free(m);
	return rc;
}

void
agree_report_free(struct agree_report **r)
{
	if (r == NULL || *r == NULL)
		return;
	free((*r)->pairs);
	free((*r)->themes);
	free(*r);
	*r = NULL;
}

enum juan_status
agree_report_new(const struct agree_data *d, struct agree_report **out)
{
	struct agree_report *r = NULL;
	struct agree_pair *p;
	struct figures f;
	enum juan_status rc;
	size_t a, b, j;

	if (out == NULL)
		return JUAN_EINVAL;
	*out = NULL;
	rc = figures_of(d, AGREE_ALL, &f);
	if (rc != JUAN_OK)
		return rc;
	r = calloc(1, sizeof *r);
	if (r == NULL) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	r->percent = f.percent;
	r->unanimous = f.unanimous;
	r->fleiss = f.fleiss;
	r->fleiss_equal = f.equal;
	r->alpha = f.alpha;

	if (d->coders > 1 && d->coders - 1 > SIZE_MAX / d->coders) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	r->npairs = d->coders > 1 ? d->coders * (d->coders - 1) / 2 : 0;
	r->ncategories = d->categories;
	r->pairs = calloc(r->npairs ? r->npairs : 1, sizeof *r->pairs);
	r->themes = calloc(r->ncategories ? r->ncategories : 1,
			   sizeof *r->themes);
	if (r->pairs == NULL || r->themes == NULL) {
		rc = JUAN_ENOMEM;
		goto done;
	}
	p = r->pairs;
	for (a = 0; a < d->coders; a++)
		for (b = a + 1; b < d->coders; b++, p++) {
			p->a = a;
			p->b = b;
			rc = agree_cohen(d, a, b, AGREE_ALL, &p->kappa,
					 &p->percent);
			if (rc != JUAN_OK)
				goto done;
		}
	for (j = 0; j < d->categories; j++) {
		rc = figures_of(d, (int)j, &f);
		if (rc != JUAN_OK)
			goto done;
		r->themes[j].alpha = f.alpha;
		r->themes[j].kappa = f.fleiss;
		r->themes[j].ratings = f.ratings;
	}
	rc = JUAN_OK;
done:
	if (rc == JUAN_OK)
		*out = r;
	else
		agree_report_free(&r);
	return rc;
}
