/* Tests of agree: the figures of published worked examples, the contracts
 * of the edge cases, and on seeded random data a second implementation
 * written here another way (every pair of ratings enumerated, where the
 * library counts categories per item and uses the coincidence formula). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <cmocka.h>

#include "juan/agree.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define M AGREE_MISSING

static void
assert_near(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.6f, want %.6f (± %g)", got, want, tol);
}

static void
assert_defined_near(struct agree_figure f, double want, double tol)
{
	assert_int_equal(f.flag, AGREE_DEFINED);
	assert_near(f.value, want, tol);
}

static void
assert_undefined(struct agree_figure f, enum agree_flag flag)
{
	assert_int_equal(f.flag, flag);
	assert_true(isnan(f.value));
}

/* Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 * Annenberg School for Communication, University of Pennsylvania,
 * https://repository.upenn.edu/asc_papers/43.  Section C, "Nominal data,
 * any number of observers, missing data": 4 observers × 12 units, values
 * 1–5 (here 0–4), "." missing; α = 0.743. */
static const int kripp_c[12 * 4] = {
	/* A  B  C  D */
	0, 0, M, 0,
	1, 1, 2, 1,
	2, 2, 2, 2,
	2, 2, 2, 2,
	1, 1, 1, 1,
	0, 1, 2, 3,
	3, 3, 3, 3,
	0, 0, 1, 0,
	1, 1, 1, 1,
	M, 4, 4, 4,
	M, M, 0, 0,
	M, 2, M, M,
};

/* The same paper, section A, "Binary data, two observers, no missing
 * data": α = 0.095. */
static const int kripp_a[10 * 2] = {
	0, 1,  1, 1,  0, 1,  0, 0,  0, 0,  0, 1,  0, 0,  0, 0,  1, 0,  0, 0,
};

/* Section B, "Nominal data, two observers, no missing data", values a–e
 * (here 0–4): α = 0.692. */
static const int kripp_b[12 * 2] = {
	0, 1,  0, 0,  1, 1,  1, 1,  3, 1,  2, 2,
	2, 2,  2, 2,  4, 4,  3, 3,  3, 3,  0, 3,
};

/* Wikipedia, "Krippendorff's alpha", section "A computational example":
 * 3 coders × 15 units, values 1–4 (here 0–3), α nominal = 0.691. */
static const int kripp_wp[15 * 3] = {
	M, 0, M,  M, M, M,  M, 1, 1,  M, 0, 0,  M, 2, 2,
	2, 2, 3,  3, 3, 3,  0, 2, M,  1, M, 1,  0, M, 0,
	0, M, 0,  2, M, 2,  2, M, 2,  M, M, M,  2, M, 3,
};

static void
test_krippendorff_examples(void **state)
{
	struct {
		const int *codes;
		size_t items, coders;
		double alpha;
	} ex[] = {
		{kripp_c, 12, 4, 0.743},
		{kripp_a, 10, 2, 0.095},
		{kripp_b, 12, 2, 0.692},
		{kripp_wp, 15, 3, 0.691},
	};
	struct agree_figure f;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(ex); i++) {
		struct agree_data d = {ex[i].items, ex[i].coders, 5,
				       ex[i].codes};

		assert_int_equal(agree_alpha(&d, AGREE_ALL, &f), JUAN_OK);
		assert_defined_near(f, ex[i].alpha, 0.0005);
	}
	/* Krippendorff's section C: unit 12 has one value and is not
	 * pairable, so 11 units count. */
	{
		struct agree_data d = {12, 4, 5, kripp_c};

		assert_int_equal(agree_alpha(&d, AGREE_ALL, &f), JUAN_OK);
		assert_int_equal(f.items, 11);
	}
}

/* A table of counts (items × k, each row a subject, each cell how many
 * raters chose the category) as a codes matrix of `raters` columns: as
 * Fleiss allows, the raters of one item need not be those of another. */
static int *
codes_from_counts(const int *counts, size_t items, size_t k, size_t raters)
{
	int *codes = malloc(items * raters * sizeof *codes);
	size_t i, j, c;
	int r;

	assert_non_null(codes);
	for (i = 0; i < items; i++) {
		c = 0;
		for (j = 0; j < k; j++)
			for (r = 0; r < counts[i * k + j]; r++)
				codes[i * raters + c++] = (int)j;
		while (c < raters)
			codes[i * raters + c++] = M;
	}
	return codes;
}

/* Wikipedia, "Fleiss' kappa", section "Worked example": 10 subjects, 14
 * raters, 5 categories; P-bar = 0.378, P_e = 0.213, κ = 0.210. */
static const int fleiss_wp[10 * 5] = {
	0, 0, 0, 0, 14,
	0, 2, 6, 4, 2,
	0, 0, 3, 5, 6,
	0, 3, 9, 2, 0,
	2, 2, 8, 1, 1,
	7, 7, 0, 0, 0,
	3, 2, 6, 3, 0,
	2, 5, 3, 2, 2,
	6, 5, 2, 1, 0,
	0, 2, 2, 3, 7,
};

static void
test_fleiss_example(void **state)
{
	int *codes = codes_from_counts(fleiss_wp, 10, 5, 14);
	struct agree_data d = {10, 14, 5, codes};
	struct agree_figure f, p, u;
	bool equal = false;

	(void)state;
	assert_int_equal(agree_fleiss(&d, AGREE_ALL, &f, &equal), JUAN_OK);
	assert_defined_near(f, 0.20993, 0.00001);
	assert_true(equal);
	assert_int_equal(f.items, 10);
	assert_int_equal(agree_percent(&d, AGREE_ALL, &p, &u), JUAN_OK);
	assert_defined_near(p, 0.378, 0.0005);
	/* Only subject 1 was unanimous. */
	assert_defined_near(u, 0.1, 1e-12);
	free(codes);
}

/* Two coders' items from a 2 × 2 table: yy both yes, yn A yes B no … */
static int *
codes_from_2x2(int yy, int yn, int ny, int nn, size_t *items)
{
	int cells[4][2] = {{1, 1}, {1, 0}, {0, 1}, {0, 0}};
	int n[4] = {yy, yn, ny, nn};
	int *codes;
	size_t i = 0, j;
	int r;

	*items = (size_t)(yy + yn + ny + nn);
	codes = malloc(*items * 2 * sizeof *codes);
	assert_non_null(codes);
	for (j = 0; j < 4; j++)
		for (r = 0; r < n[j]; r++, i++) {
			codes[2 * i] = cells[j][0];
			codes[2 * i + 1] = cells[j][1];
		}
	return codes;
}

/* Wikipedia, "Cohen's kappa": the 50 grant proposals read by two readers
 * (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no): p_o = 0.7, κ = 0.4; and
 * "Same percentages but different numbers": two tables of 100 with p_o =
 * 0.6 and κ = 0.1304 and 0.2593. */
static void
test_cohen_examples(void **state)
{
	struct {
		int yy, yn, ny, nn;
		double po, kappa;
	} ex[] = {
		{20, 5, 10, 15, 0.7, 0.4},
		{45, 15, 25, 15, 0.6, 0.1304},
		{25, 35, 5, 35, 0.6, 0.2593},
	};
	struct agree_figure k, po;
	size_t i, items, m[4], both;
	int *codes;

	(void)state;
	for (i = 0; i < ARRAY_LEN(ex); i++) {
		codes = codes_from_2x2(ex[i].yy, ex[i].yn, ex[i].ny, ex[i].nn,
				       &items);
		struct agree_data d = {items, 2, 2, codes};

		assert_int_equal(agree_cohen(&d, 0, 1, AGREE_ALL, &k, &po),
				 JUAN_OK);
		assert_defined_near(k, ex[i].kappa, 0.00005);
		assert_defined_near(po, ex[i].po, 1e-12);
		assert_int_equal(k.items, items);
		/* the confusion matrix is the table back: row = coder a */
		assert_int_equal(agree_confusion(&d, 0, 1, AGREE_ALL, m, &both),
				 JUAN_OK);
		assert_int_equal(both, items);
		assert_int_equal(m[1 * 2 + 1], ex[i].yy);
		assert_int_equal(m[1 * 2 + 0], ex[i].yn);
		assert_int_equal(m[0 * 2 + 1], ex[i].ny);
		assert_int_equal(m[0 * 2 + 0], ex[i].nn);
		/* κ is symmetric in its coders; the matrix transposes */
		assert_int_equal(agree_cohen(&d, 1, 0, AGREE_ALL, &k, NULL),
				 JUAN_OK);
		assert_defined_near(k, ex[i].kappa, 0.00005);
		assert_int_equal(agree_confusion(&d, 1, 0, AGREE_ALL, m, NULL),
				 JUAN_OK);
		assert_int_equal(m[1 * 2 + 0], ex[i].ny);
		free(codes);
	}
}

/* Every figure of a report, as the contract says, for data with nothing to
 * compare, a single category, or full agreement. */
static void
test_contracts(void **state)
{
	static const int one_coder[3] = {0, 1, 2};
	static const int no_overlap[3 * 2] = {0, M, M, 1, 2, M};
	static const int one_cat[3 * 3] = {1, 1, 1, 1, M, 1, M, 1, 1};
	static const int all_agree[4 * 3] = {0, 0, 0, 1, 1, M, 2, 2, 2,
					     M, 0, 0};
	struct agree_data empty = {0, 3, 4, NULL};
	struct agree_data one = {3, 1, 3, one_coder};
	struct agree_data apart = {3, 2, 3, no_overlap};
	struct agree_data single = {3, 3, 2, one_cat};
	struct agree_data agree = {4, 3, 3, all_agree};
	struct agree_data *nothing[] = {&empty, &one, &apart};
	struct agree_report *r = NULL;
	size_t i, j;

	(void)state;
	for (i = 0; i < ARRAY_LEN(nothing); i++) {
		assert_int_equal(agree_report_new(nothing[i], &r), JUAN_OK);
		assert_undefined(r->percent, AGREE_NO_ITEMS);
		assert_undefined(r->unanimous, AGREE_NO_ITEMS);
		assert_undefined(r->fleiss, AGREE_NO_ITEMS);
		assert_undefined(r->alpha, AGREE_NO_ITEMS);
		assert_int_equal(r->alpha.items, 0);
		assert_int_equal(r->npairs, nothing[i]->coders *
					    (nothing[i]->coders - 1) / 2);
		for (j = 0; j < r->npairs; j++) {
			assert_undefined(r->pairs[j].kappa, AGREE_NO_ITEMS);
			assert_undefined(r->pairs[j].percent, AGREE_NO_ITEMS);
		}
		for (j = 0; j < r->ncategories; j++) {
			assert_undefined(r->themes[j].alpha, AGREE_NO_ITEMS);
			assert_int_equal(r->themes[j].ratings, 0);
		}
		agree_report_free(&r);
		assert_null(r);
	}

	/* One category: agreement is total, κ and α are 0/0. */
	assert_int_equal(agree_report_new(&single, &r), JUAN_OK);
	assert_defined_near(r->percent, 1, 0);
	assert_defined_near(r->unanimous, 1, 0);
	assert_undefined(r->fleiss, AGREE_NO_VARIATION);
	assert_undefined(r->alpha, AGREE_NO_VARIATION);
	assert_int_equal(r->alpha.items, 3);
	for (j = 0; j < r->npairs; j++) {
		assert_undefined(r->pairs[j].kappa, AGREE_NO_VARIATION);
		assert_defined_near(r->pairs[j].percent, 1, 0);
	}
	/* theme 0 is never given, theme 1 always: no variation either way */
	assert_undefined(r->themes[0].alpha, AGREE_NO_VARIATION);
	assert_undefined(r->themes[1].kappa, AGREE_NO_VARIATION);
	assert_int_equal(r->themes[0].ratings, 0);
	assert_int_equal(r->themes[1].ratings, 7);
	agree_report_free(&r);

	/* All agree over several categories: 1 everywhere. */
	assert_int_equal(agree_report_new(&agree, &r), JUAN_OK);
	assert_defined_near(r->percent, 1, 1e-12);
	assert_defined_near(r->fleiss, 1, 1e-12);
	assert_false(r->fleiss_equal); /* items of 3 and of 2 ratings */
	assert_defined_near(r->alpha, 1, 1e-12);
	for (j = 0; j < r->npairs; j++)
		assert_defined_near(r->pairs[j].kappa, 1, 1e-12);
	for (j = 0; j < r->ncategories; j++) {
		assert_defined_near(r->themes[j].alpha, 1, 1e-12);
		assert_defined_near(r->themes[j].kappa, 1, 1e-12);
	}
	agree_report_free(&r);
	agree_report_free(&r);
	agree_report_free(NULL);
}

static void
test_bad_input(void **state)
{
	static const int codes[2 * 2] = {0, 1, 1, 3};
	static const int good[2 * 2] = {0, 1, 1, M};
	struct agree_data out_of_range = {2, 2, 3, codes};
	struct agree_data negative = {2, 2, 3, (const int[]){0, -2, 1, 1}};
	struct agree_data null_codes = {2, 2, 3, NULL};
	struct agree_data overflow = {SIZE_MAX / 2, 3, 3, good};
	struct agree_data ok = {2, 2, 3, good};
	struct agree_figure f = {42, AGREE_DEFINED, 7};
	struct agree_report dummy, *r = &dummy;
	size_t m[9];

	(void)state;
	assert_int_equal(agree_check(NULL), JUAN_EINVAL);
	assert_int_equal(agree_check(&out_of_range), JUAN_EINVAL);
	assert_int_equal(agree_check(&negative), JUAN_EINVAL);
	assert_int_equal(agree_check(&null_codes), JUAN_EINVAL);
	assert_int_equal(agree_check(&overflow), JUAN_EINVAL);
	assert_int_equal(agree_check(&ok), JUAN_OK);
	assert_int_equal(agree_alpha(&out_of_range, AGREE_ALL, &f),
			 JUAN_EINVAL);
	assert_int_equal(agree_fleiss(&negative, AGREE_ALL, &f, NULL),
			 JUAN_EINVAL);
	assert_int_equal(agree_percent(&null_codes, AGREE_ALL, &f, NULL),
			 JUAN_EINVAL);
	assert_int_equal(agree_report_new(&out_of_range, &r), JUAN_EINVAL);
	assert_null(r);
	/* untouched on failure */
	assert_near(f.value, 42, 0);
	assert_int_equal(f.items, 7);
	/* vs out of range, pairs out of range or of one coder */
	assert_int_equal(agree_alpha(&ok, 3, &f), JUAN_EINVAL);
	assert_int_equal(agree_alpha(&ok, -2, &f), JUAN_EINVAL);
	assert_int_equal(agree_cohen(&ok, 0, 2, AGREE_ALL, &f, NULL),
			 JUAN_EINVAL);
	assert_int_equal(agree_cohen(&ok, 1, 1, AGREE_ALL, &f, NULL),
			 JUAN_EINVAL);
	assert_int_equal(agree_confusion(&ok, 0, 1, AGREE_ALL, NULL, NULL),
			 JUAN_EINVAL);
	assert_int_equal(agree_confusion(&ok, 0, 1, AGREE_ALL, m, NULL),
			 JUAN_OK);
	assert_near(f.value, 42, 0);
}

/* A small seeded generator, the same sequence on every libc. */
static uint64_t rng_state;

static unsigned
rng(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

/* The second implementation.  Works on the codes recoded for vs, by
 * enumerating pairs of ratings: ordered pairs of coders within an item
 * for the observed side, every ordered pair of distinct pairable ratings
 * in the whole data for Krippendorff's expected side. */
struct brute {
	size_t items;      /* pairable */
	double percent;    /* mean share of agreeing coder pairs */
	double unanimous;
	double fleiss;
	double alpha;
	bool varied;       /* two pairable ratings differ somewhere */
};

static int
recode(int v, int vs)
{
	return v == M || vs == AGREE_ALL ? v : v == vs;
}

static void
brute_force(const struct agree_data *d, int vs, struct brute *b)
{
	size_t i, c, e, m, n = 0, agree, all_pairs, k;
	int *values = malloc((d->items * d->coders + 1) * sizeof *values);
	double p_sum = 0, unanimous = 0, d_o = 0, d_e = 0, p_e = 0, share;
	int v, w;

	assert_non_null(values);
	memset(b, 0, sizeof *b);
	for (i = 0; i < d->items; i++) {
		m = 0;
		for (c = 0; c < d->coders; c++)
			m += d->codes[i * d->coders + c] != M;
		if (m < 2)
			continue;
		agree = 0;
		all_pairs = 0;
		for (c = 0; c < d->coders; c++) {
			v = recode(d->codes[i * d->coders + c], vs);
			if (v == M)
				continue;
			values[n++] = v;
			for (e = 0; e < d->coders; e++) {
				w = recode(d->codes[i * d->coders + e], vs);
				if (e == c || w == M)
					continue;
				all_pairs++;
				if (v == w)
					agree++;
				else
					d_o += 1.0 / (double)(m - 1);
			}
		}
		b->items++;
		p_sum += (double)agree / (double)all_pairs;
		unanimous += agree == all_pairs;
	}
	for (i = 0; i < n; i++)
		for (e = 0; e < n; e++)
			if (i != e && values[i] != values[e])
				d_e += 1;
	k = vs == AGREE_ALL ? d->categories : 2;
	for (c = 0; c < k; c++) {
		share = 0;
		for (i = 0; i < n; i++)
			share += values[i] == (int)c;
		share /= (double)n;
		p_e += share * share;
	}
	free(values);
	b->varied = d_e > 0;
	if (b->items == 0)
		return;
	b->percent = p_sum / (double)b->items;
	b->unanimous = unanimous / (double)b->items;
	if (!b->varied)
		return;
	/* D_o = d_o / n and D_e = d_e / (n (n − 1)) */
	b->alpha = 1 - (d_o / (double)n) /
		       (d_e / ((double)n * (double)(n - 1)));
	b->fleiss = (b->percent - p_e) / (1 - p_e);
}

/* Cohen's κ by its definition: p_o over the items both coded, p_e from
 * each coder's share of each category. */
static bool
brute_cohen(const struct agree_data *d, size_t a, size_t b, int vs,
	    double *kappa, size_t *n_out)
{
	size_t i, n = 0, k = vs == AGREE_ALL ? d->categories : 2;
	double po = 0, pe = 0, sa, sb;
	int x, y, cat;

	for (i = 0; i < d->items; i++) {
		x = recode(d->codes[i * d->coders + a], vs);
		y = recode(d->codes[i * d->coders + b], vs);
		if (x == M || y == M)
			continue;
		n++;
		po += x == y;
	}
	*n_out = n;
	if (n == 0)
		return false;
	for (cat = 0; cat < (int)k; cat++) {
		sa = sb = 0;
		for (i = 0; i < d->items; i++) {
			x = recode(d->codes[i * d->coders + a], vs);
			y = recode(d->codes[i * d->coders + b], vs);
			if (x == M || y == M)
				continue;
			sa += x == cat;
			sb += y == cat;
		}
		pe += (sa / (double)n) * (sb / (double)n);
	}
	po /= (double)n;
	if (pe >= 1 - 1e-12)
		return false;
	*kappa = (po - pe) / (1 - pe);
	return true;
}

static void
check_against_brute(const struct agree_data *d, int vs)
{
	struct agree_figure f, u, k;
	struct brute b;
	double kappa = 0;
	size_t a, c, n;
	bool defined;

	brute_force(d, vs, &b);
	assert_int_equal(agree_percent(d, vs, &f, &u), JUAN_OK);
	assert_int_equal(f.items, b.items);
	if (b.items == 0) {
		assert_undefined(f, AGREE_NO_ITEMS);
		assert_undefined(u, AGREE_NO_ITEMS);
	} else {
		assert_defined_near(f, b.percent, 1e-9);
		assert_defined_near(u, b.unanimous, 1e-9);
	}
	assert_int_equal(agree_alpha(d, vs, &f), JUAN_OK);
	assert_int_equal(agree_fleiss(d, vs, &k, NULL), JUAN_OK);
	if (b.items == 0) {
		assert_undefined(f, AGREE_NO_ITEMS);
		assert_undefined(k, AGREE_NO_ITEMS);
	} else if (!b.varied) {
		assert_undefined(f, AGREE_NO_VARIATION);
		assert_undefined(k, AGREE_NO_VARIATION);
	} else {
		assert_defined_near(f, b.alpha, 1e-9);
		assert_defined_near(k, b.fleiss, 1e-9);
	}
	for (a = 0; a < d->coders; a++)
		for (c = a + 1; c < d->coders; c++) {
			defined = brute_cohen(d, a, c, vs, &kappa, &n);
			assert_int_equal(agree_cohen(d, a, c, vs, &f, NULL),
					 JUAN_OK);
			assert_int_equal(f.items, n);
			if (defined)
				assert_defined_near(f, kappa, 1e-9);
			else
				assert_true(isnan(f.value) &&
					    f.flag != AGREE_DEFINED);
		}
}

/* Random data, seeded: the library against the second implementation, for
 * all categories and for each one against the rest; the report against
 * the single calls. */
static void
test_random_against_brute_force(void **state)
{
	struct agree_report *r;
	struct agree_figure f;
	unsigned round, missing;
	size_t i, j;
	int codes[40 * 6];

	(void)state;
	rng_state = 0x9E3779B97F4A7C15u;
	for (round = 0; round < 300; round++) {
		struct agree_data d = {1 + rng(40), 1 + rng(6), 1 + rng(5),
				       codes};

		missing = rng(4); /* in quarters: 0 to 75 % missing */
		for (i = 0; i < d.items * d.coders; i++)
			codes[i] = rng(4) < missing ? M
						    : (int)rng((unsigned)d.categories);
		check_against_brute(&d, AGREE_ALL);
		for (j = 0; j < d.categories; j++)
			check_against_brute(&d, (int)j);

		assert_int_equal(agree_report_new(&d, &r), JUAN_OK);
		assert_int_equal(agree_alpha(&d, AGREE_ALL, &f), JUAN_OK);
		assert_int_equal(r->alpha.flag, f.flag);
		assert_true(r->alpha.flag != AGREE_DEFINED ||
			    r->alpha.value == f.value);
		for (j = 0; j < r->npairs; j++) {
			assert_true(r->pairs[j].a < r->pairs[j].b);
			assert_int_equal(agree_cohen(&d, r->pairs[j].a,
						     r->pairs[j].b, AGREE_ALL,
						     &f, NULL), JUAN_OK);
			assert_int_equal(r->pairs[j].kappa.flag, f.flag);
		}
		for (j = 0; j < r->ncategories; j++) {
			assert_int_equal(agree_alpha(&d, (int)j, &f), JUAN_OK);
			assert_int_equal(r->themes[j].alpha.flag, f.flag);
			assert_true(f.flag != AGREE_DEFINED ||
				    r->themes[j].alpha.value == f.value);
		}
		agree_report_free(&r);
	}
}

/* On complete data (every coder codes every item) the two chance-corrected
 * figures differ only by Krippendorff's small-sample correction:
 * 1 − α = (1 − κ_Fleiss)(n − 1)/n, n the number of ratings. */
static void
test_alpha_fleiss_identity(void **state)
{
	struct agree_figure a, k;
	unsigned round;
	size_t i, n;
	int codes[30 * 5];
	bool equal;

	(void)state;
	rng_state = 12345;
	for (round = 0; round < 100; round++) {
		struct agree_data d = {1 + rng(30), 2 + rng(4), 2 + rng(4),
				       codes};

		for (i = 0; i < d.items * d.coders; i++)
			codes[i] = (int)rng((unsigned)d.categories);
		n = d.items * d.coders;
		assert_int_equal(agree_alpha(&d, AGREE_ALL, &a), JUAN_OK);
		assert_int_equal(agree_fleiss(&d, AGREE_ALL, &k, &equal),
				 JUAN_OK);
		assert_true(equal);
		if (a.flag != AGREE_DEFINED)
			continue;
		assert_near(1 - a.value,
			    (1 - k.value) * (double)(n - 1) / (double)n, 1e-9);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_krippendorff_examples),
		cmocka_unit_test(test_fleiss_example),
		cmocka_unit_test(test_cohen_examples),
		cmocka_unit_test(test_contracts),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_random_against_brute_force),
		cmocka_unit_test(test_alpha_fleiss_identity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
