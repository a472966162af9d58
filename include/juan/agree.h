/* agree: how far coders agree — the figures of `juan agree`, as pure
 * functions over an array.  No store, no SQL, no terminal: the caller reads
 * the codings, numbers its coders and its themes, and hands over one
 * matrix.
 *
 * The data.  struct agree_data is an items × coders matrix, row-major:
 * codes[i * coders + c] is the category coder c gave item i, a number in
 * [0, categories) (the caller's index into its list of themes), or
 * AGREE_MISSING when the coder did not code the item.  An item is counted
 * ("pairable") when at least two coders coded it; the others enter no
 * figure.  A document a coder looked at and left without a theme is
 * AGREE_MISSING, unless the scheme wants "no theme" counted as a decision:
 * then the caller gives it a category of its own.  Data where a coder may
 * give one item several themes are not nominal: code each theme as its own
 * two-category matrix (0 absent, 1 present) and ask for its figures.
 *
 * The figures (nominal data, unweighted):
 * - percent agreement: over the pairable items, the mean share of coder
 *   pairs of an item that agree (Fleiss's P-bar), and the share of items
 *   on which every coder agrees; with two coders the two are the same;
 * - Cohen's κ (1960) for one pair of coders, over the items both coded,
 *   from each coder's own marginals, and its confusion matrix;
 * - Fleiss' κ (1971).  Fleiss defined it for the same number m of ratings
 *   on every item.  Here an item may have any number m_i ≥ 2: P_i is the
 *   share of agreeing pairs among its m_i(m_i − 1) ordered pairs, P-bar the
 *   unweighted mean of P_i, and p_j the share of category j among all the
 *   ratings of pairable items.  With equal m_i this is Fleiss (1971)
 *   exactly; with unequal m_i it is the usual generalisation (the one
 *   Fleiss, Levin & Paik's and Gwet's books give), and `equal` says which
 *   case the data were, so that a report can say so;
 * - Krippendorff's α, nominal (Krippendorff 2011, "Computing
 *   Krippendorff's Alpha-Reliability"), from the coincidence matrix: it
 *   handles missing data natively and is the figure to report for more
 *   than two coders or incomplete codings;
 * - per category, one-vs-rest: every figure above can be asked for one
 *   category k (argument vs = k), on the data recoded "k" against "not k"
 *   (two categories; missing stays missing).  Fleiss' κ so recoded is
 *   Fleiss's own category κ_j.  vs = AGREE_ALL asks for all categories.
 *
 * Contracts every figure keeps (struct agree_figure):
 * - value is a number only when flag is AGREE_DEFINED; otherwise it is NaN
 *   and flag says why, so a caller prints "—" and the reason, never a crash
 *   and never a made-up 0 or 1;
 * - no items, one coder, or no item with two ratings (for a pair: no item
 *   both coded): AGREE_NO_ITEMS, items 0;
 * - every counted rating in one category (a single category, or a theme
 *   that one-vs-rest is always or never given): chance agreement is total,
 *   κ and α are 0/0: AGREE_NO_VARIATION, while percent agreement is
 *   defined (it is 1);
 * - all agree, over two or more categories: κ = α = 1 and percent 1.
 * Bad arguments (a code out of range, a coder or category index out of
 * range, a pair of one coder with itself, a NULL matrix that should hold
 * data, items × coders overflowing) return JUAN_EINVAL and leave the
 * outputs untouched; the functions that need scratch memory may return
 * JUAN_ENOMEM. */
#ifndef JUAN_AGREE_H
#define JUAN_AGREE_H

#include <stdbool.h>
#include <stddef.h>

#include "juan/status.h"

/* A coder did not code this item. */
#define AGREE_MISSING (-1)
/* The vs argument: all categories, not one against the rest. */
#define AGREE_ALL (-1)

/* Borrowed for the length of a call; the functions never keep it. */
struct agree_data {
	size_t items;
	size_t coders;
	size_t categories;
	const int *codes; /* items × coders, row-major */
};

enum agree_flag {
	AGREE_DEFINED,      /* value is the figure */
	AGREE_NO_ITEMS,     /* nothing to compare: value NaN */
	AGREE_NO_VARIATION, /* one category only, chance = 1: value NaN */
};

struct agree_figure {
	double value;         /* NaN unless flag == AGREE_DEFINED */
	enum agree_flag flag;
	size_t items;         /* the items the figure was computed over */
};

/* JUAN_OK when d is well formed: codes is non-NULL unless items × coders is
 * 0, every code is AGREE_MISSING or in [0, categories), and items × coders
 * does not overflow, and categories is at most INT_MAX (codes are ints).
 * JUAN_EINVAL otherwise (d NULL included). */
enum juan_status agree_check(const struct agree_data *d);

/* Percent agreement over the items at least two coders coded: *pairwise
 * the mean share of agreeing coder pairs per item, *unanimous the share of
 * items on which all their coders agree (either pointer may be NULL).  vs
 * is AGREE_ALL or a category for one-vs-rest.  JUAN_OK, or JUAN_EINVAL. */
enum juan_status agree_percent(const struct agree_data *d, int vs,
			       struct agree_figure *pairwise,
			       struct agree_figure *unanimous);

/* The confusion matrix of coders a and b over the items both coded:
 * m[x * k + y] counts the items a coded x and b coded y, with k =
 * categories (or 2 for one-vs-rest, 1 = "is vs", 0 = "is not").  m is the
 * caller's, k × k entries, overwritten; *both (may be NULL) gets the number
 * of items both coded.  JUAN_OK, or JUAN_EINVAL (a or b out of range, a ==
 * b, m NULL). */
enum juan_status agree_confusion(const struct agree_data *d, size_t a,
				 size_t b, int vs, size_t *m, size_t *both);

/* Cohen's κ of coders a and b, over the items both coded, into *out; *po
 * (may be NULL) gets their percent agreement over the same items.
 * JUAN_OK, JUAN_EINVAL (as agree_confusion) or JUAN_ENOMEM. */
enum juan_status agree_cohen(const struct agree_data *d, size_t a, size_t b,
			     int vs, struct agree_figure *out,
			     struct agree_figure *po);

/* Fleiss' κ over the items at least two coders coded, into *out; *equal
 * (may be NULL) gets true when every such item had the same number of
 * ratings (Fleiss 1971 exactly), false when the generalisation to unequal
 * numbers was used (see the top of this file).  JUAN_OK, JUAN_EINVAL or
 * JUAN_ENOMEM. */
enum juan_status agree_fleiss(const struct agree_data *d, int vs,
			      struct agree_figure *out, bool *equal);

/* Krippendorff's α, nominal, into *out.  JUAN_OK, JUAN_EINVAL or
 * JUAN_ENOMEM. */
enum juan_status agree_alpha(const struct agree_data *d, int vs,
			     struct agree_figure *out);

/* One pair of coders, a < b. */
struct agree_pair {
	size_t a, b;
	struct agree_figure kappa;   /* Cohen's κ */
	struct agree_figure percent; /* share of the items both coded agreed */
};

/* One category against the rest. */
struct agree_theme {
	struct agree_figure alpha;  /* Krippendorff's α, "k" vs "not k" */
	struct agree_figure kappa;  /* Fleiss' κ_k */
	size_t ratings;             /* pairable ratings that gave category k */
};

/* Everything `juan agree` prints but the confusion matrices (ask
 * agree_confusion for the pair the user names). */
struct agree_report {
	struct agree_figure percent;   /* pairwise mean, as agree_percent */
	struct agree_figure unanimous;
	struct agree_figure fleiss;
	bool fleiss_equal;             /* as agree_fleiss's *equal */
	struct agree_figure alpha;
	size_t npairs;                 /* coders × (coders − 1) / 2 */
	struct agree_pair *pairs;      /* (0,1), (0,2) … (1,2) …, in order */
	size_t ncategories;
	struct agree_theme *themes;    /* one per category, in order */
};

/* Computes every figure of d into a new report in *out; caller frees it
 * with agree_report_free().  JUAN_OK; JUAN_EINVAL (d as agree_check) or
 * JUAN_ENOMEM, with *out NULL. */
enum juan_status agree_report_new(const struct agree_data *d,
				  struct agree_report **out);

/* Frees *r and sets it to NULL; NULL and *r NULL are fine. */
void agree_report_free(struct agree_report **r);

#endif
