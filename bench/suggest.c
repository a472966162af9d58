/* bench-suggest: the figures of juan's suggestions that bench/suggest.sh
 * reports (issue 11).  Figures, not pass/fail.
 *
 *   bench-suggest gen DIR N        N labelled documents in DIR/NNNNNN.txt
 *                                  and their themes in DIR.labels
 *   bench-suggest curve DB LABELS MAX
 *                                  tags the imported documents in a random
 *                                  order; after 20, 50, 200, 1,000, 10,000
 *                                  tags (up to MAX) trains the model and
 *                                  scores it on 1,000 held-out documents
 *   bench-suggest latency DB       one document and a screen of 50; the
 *                                  query language's suggested: and
 *                                  confidence: over the whole store,
 *                                  before and after the top suggestions
 *                                  are kept (suggest_tops_save())
 *
 * The generated corpus: the 22 themes of gov-topics, each with words of
 * its own (bigrams of a slice of characters that overlaps its neighbours'
 * slices), sizes skewed as real catalogues are (theme t has weight
 * 1/(t+1)^1.2: a few large themes, many small), documents mostly made of
 * words every theme uses, with some of a neighbouring or a random theme,
 * and issuers that go with the theme three times out of five.  No 主题分类:
 * the classifier is measured, not the publisher's label. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "juan/qlang.h"
#include "juan/store.h"
#include "juan/suggest.h"
#include "juan/themes.h"
#include "timing.h"

#define THEMES 22
#define SLICE 60      /* characters of a theme */
#define STEP 40       /* a theme's slice starts STEP after its neighbour's */
#define WORDS 80      /* words of a theme */
#define COMMON 300    /* words every theme uses */
#define HELD_OUT 1000 /* documents scored, never tagged */
/* The words of a document of theme t: its own, a neighbour's (t - 1 or
 * t + 1), any theme's; the rest are common words. */
#define OWN 0.25
#define NEIGHBOUR 0.05
#define OTHER 0.03

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A number in [0, n). */
static size_t
pick(size_t n)
{
	return (size_t)(next() % n);
}

static double
unit(void)
{
	return (double)(next() >> 11) / (double)(1ull << 53);
}

/* ---- gen ------------------------------------------------------------ */

/* Appends CJK code point cp to f as UTF-8. */
static void
put_cp(FILE *f, unsigned cp)
{
	fputc(0xE0 | (cp >> 12), f);
	fputc(0x80 | ((cp >> 6) & 0x3F), f);
	fputc(0x80 | (cp & 0x3F), f);
}

static unsigned theme_words[THEMES][WORDS][2];
static unsigned common_words[COMMON][2];

static void
make_words(void)
{
	size_t t, w;

	for (t = 0; t < THEMES; t++)
		for (w = 0; w < WORDS; w++) {
			theme_words[t][w][0] = 0x4E00 + (unsigned)(t * STEP + pick(SLICE));
			theme_words[t][w][1] = 0x4E00 + (unsigned)(t * STEP + pick(SLICE));
		}
	for (w = 0; w < COMMON; w++) {
		common_words[w][0] = 0x6000 + (unsigned)pick(400);
		common_words[w][1] = 0x6000 + (unsigned)pick(400);
	}
}

static void
put_word(FILE *f, const unsigned w[2])
{
	put_cp(f, w[0]);
	put_cp(f, w[1]);
}

/* A word of document theme t: its own, a neighbour's, another's, or a
 * common one. */
static const unsigned *
word_of(size_t t)
{
	double r = unit();
	size_t o;

	if (r < OWN)
		return theme_words[t][pick(WORDS)];
	if (r < OWN + NEIGHBOUR) {
		o = t == 0 ? 1 : t == THEMES - 1 ? t - 1 : t + (pick(2) ? 1 : 0) - (pick(2) ? 1 : 0);
		return theme_words[o][pick(WORDS)];
	}
	if (r < OWN + NEIGHBOUR + OTHER)
		return theme_words[pick(THEMES)][pick(WORDS)];
	return common_words[pick(COMMON)];
}

/* The theme of a new document: t with weight 1/(t+1)^1.2. */
static size_t
skewed_theme(void)
{
	static double cum[THEMES];
	double r;
	size_t t;

	if (cum[THEMES - 1] == 0)
		for (t = 0; t < THEMES; t++)
			cum[t] = (t ? cum[t - 1] : 0) + 1.0 / pow((double)(t + 1), 1.2);
	r = unit() * cum[THEMES - 1];
	for (t = 0; t < THEMES - 1 && r > cum[t]; t++)
		;
	return t;
}

static const char *const genres[] = { "通知", "意见", "办法", "方案", "规定" };
static const char *const places[] = { "省", "市", "区", "县" };

/* One document of theme t into f. */
static void
write_doc(FILE *f, size_t t, long i)
{
	size_t n = 120 + pick(240), w, issuer_theme;

	/* the issuer: the theme's own three times out of five */
	issuer_theme = unit() < 0.6 ? t : pick(THEMES);
	put_cp(f, 0x4E00 + (unsigned)(issuer_theme * STEP + 7));
	put_cp(f, 0x4E00 + (unsigned)(issuer_theme * STEP + 11));
	fprintf(f, "%s%s局\n\n关于", places[(issuer_theme + (size_t)i) % 4],
		issuer_theme % 2 ? "工作" : "管理");
	put_word(f, word_of(t));
	put_word(f, theme_words[t][pick(WORDS)]);
	fprintf(f, "工作的%s\n\n", genres[pick(5)]);
	for (w = 0; w < n; w++) {
		put_word(f, word_of(t));
		if (w % 9 == 8)
			fputs(w % 27 == 26 ? "。\n" : "，", f);
	}
	fputs("。\n", f);
}

static int
cmd_gen(const char *dir, long n)
{
	char path[4096];
	FILE *f, *labels;
	size_t t;
	long i;

	if (mkdir(dir, 0755) != 0) {
		perror(dir);
		return 1;
	}
	snprintf(path, sizeof(path), "%s.labels", dir);
	if (!(labels = fopen(path, "w"))) {
		perror(path);
		return 1;
	}
	make_words();
	for (i = 0; i < n; i++) {
		t = skewed_theme();
		snprintf(path, sizeof(path), "%s/%06ld.txt", dir, i);
		if (!(f = fopen(path, "w"))) {
			perror(path);
			return 1;
		}
		write_doc(f, t, i);
		fclose(f);
		fprintf(labels, "%06ld.txt\t%zu\n", i, t);
	}
	fclose(labels);
	return 0;
}

/* ---- the store ------------------------------------------------------ */

struct labelled {
	int64_t *ids;   /* documents in a random order */
	int64_t *theme; /* the theme id of each */
	size_t n;
};

static struct store *
open_store(const char *db)
{
	struct store *s = NULL;
	char err[512];

	if (store_open(db, &s, err, sizeof(err)) != JUAN_OK) {
		fprintf(stderr, "bench-suggest: %s\n", err);
		exit(1);
	}
	return s;
}

/* The documents of s and their themes from the labels file (a file name
 * and a theme index, the index into the active scheme's themes), shuffled. */
static void
read_labels(struct store *s, const char *path, struct labelled *out)
{
	struct theme_set set = { 0 };
	struct list_query q = { 0 };
	struct doc_info info = { 0 };
	char line[256], *tab, **names;
	size_t nlines = 0, cap = 1024, i, j, *tidx, k, lo, hi;
	int64_t *ids = NULL, tmp;
	size_t nids = 0;
	FILE *f = fopen(path, "r");

	if (!f || store_themes(s, 0, &set) != JUAN_OK ||
	    store_list_ids(s, &q, &ids, &nids) != JUAN_OK) {
		fprintf(stderr, "bench-suggest: cannot read %s or the store\n", path);
		exit(1);
	}
	names = malloc(cap * sizeof(*names));
	tidx = malloc(cap * sizeof(*tidx));
	while (fgets(line, sizeof(line), f)) {
		if (!(tab = strchr(line, '\t')))
			continue;
		*tab = '\0';
		if (nlines == cap) {
			cap *= 2;
			names = realloc(names, cap * sizeof(*names));
			tidx = realloc(tidx, cap * sizeof(*tidx));
		}
		names[nlines] = strdup(line);
		tidx[nlines++] = (size_t)atol(tab + 1);
	}
	fclose(f);
	out->ids = malloc(nids * sizeof(*out->ids));
	out->theme = malloc(nids * sizeof(*out->theme));
	out->n = 0;
	for (i = 0; i < nids; i++) {
		const char *base;

		if (store_doc_info(s, ids[i], &info) != JUAN_OK)
			continue;
		base = strrchr(info.path, '/');
		base = base ? base + 1 : info.path;
		/* the labels are in file order, as the files are named */
		lo = 0;
		hi = nlines;
		while (lo < hi) {
			k = (lo + hi) / 2;
			if (strcmp(names[k], base) < 0)
				lo = k + 1;
			else
				hi = k;
		}
		if (lo < nlines && strcmp(names[lo], base) == 0 &&
		    tidx[lo] < set.n) {
			out->ids[out->n] = ids[i];
			out->theme[out->n++] = set.themes[tidx[lo]].id;
		}
		doc_info_clear(&info);
	}
	for (i = out->n; i > 1; i--) {
		j = pick(i);
		tmp = out->ids[i - 1];
		out->ids[i - 1] = out->ids[j];
		out->ids[j] = tmp;
		tmp = out->theme[i - 1];
		out->theme[i - 1] = out->theme[j];
		out->theme[j] = tmp;
	}
	for (i = 0; i < nlines; i++)
		free(names[i]);
	free(names);
	free(tidx);
	free(ids);
	theme_set_free(&set);
}

/* ---- curve ---------------------------------------------------------- */

static int
cmd_curve(const char *db, const char *labels, long max)
{
	static const long steps[] = { 20, 50, 200, 1000, 10000 };
	struct store *s = open_store(db);
	struct suggester *g = NULL;
	struct suggest_list l;
	struct labelled lab;
	size_t tagged = 0, i, j, top1, top3, covered;
	double t0, c0, t_train, c_train;
	long trained = 0;

	read_labels(s, labels, &lab);
	if (lab.n <= HELD_OUT) {
		fprintf(stderr, "bench-suggest: %zu labelled documents, need more "
			"than %d\n", lab.n, HELD_OUT);
		return 1;
	}
	printf("%zu labelled documents, %d held out (never tagged)\n", lab.n,
	       HELD_OUT);
	printf("%-8s %10s %10s %10s %14s\n", "tags", "accuracy@1", "accuracy@3",
	       "suggested", "training");
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (steps[i] > max || (size_t)steps[i] > lab.n - HELD_OUT)
			break;
		for (; tagged < (size_t)steps[i]; tagged++)
			if (store_tag(s, 0, lab.ids[HELD_OUT + tagged],
				      lab.theme[HELD_OUT + tagged]) != JUAN_OK) {
				fprintf(stderr, "bench-suggest: %s\n", store_error(s));
				return 1;
			}
		t0 = now();
		c0 = cpu_seconds();
		if (suggest_train(s, 0, &trained) != JUAN_OK) {
			fprintf(stderr, "bench-suggest: %s\n", store_error(s));
			return 1;
		}
		t_train = now() - t0;
		c_train = cpu_seconds() - c0;
		if (suggester_open(s, 0, false, &g) != JUAN_OK)
			return 1;
		top1 = top3 = covered = 0;
		for (j = 0; j < HELD_OUT; j++) {
			if (suggest_doc(s, g, lab.ids[j], 3, &l) != JUAN_OK)
				return 1;
			covered += l.n > 0;
			top1 += l.n > 0 && l.items[0].theme == lab.theme[j];
			top3 += (l.n > 0 && l.items[0].theme == lab.theme[j]) ||
				(l.n > 1 && l.items[1].theme == lab.theme[j]) ||
				(l.n > 2 && l.items[2].theme == lab.theme[j]);
			suggest_list_clear(&l);
		}
		suggester_free(&g);
		printf("%-8ld %10.3f %10.3f %10.3f %7.2f s (%.2f s CPU)\n",
		       trained, top1 / (double)HELD_OUT, top3 / (double)HELD_OUT,
		       covered / (double)HELD_OUT, t_train, c_train);
	}
	store_close(&s);
	return 0;
}

/* ---- latency -------------------------------------------------------- */

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), dbl_cmp);
	return v[n / 2];
}

/* The time of a list query on a connection that has not asked it before
 * (cold: every untagged document suggested) and of the same query again
 * (warm: the answers kept), with the number of documents it lists. */
static void
time_query(const char *db, const char *query)
{
	struct store *s = open_store(db);
	struct list_query q = { 0 };
	int64_t *ids = NULL;
	size_t n = 0;
	double t0, c0, cold, cold_cpu, warm;

	q.query = query;
	t0 = now();
	c0 = cpu_seconds();
	if (store_list_ids(s, &q, &ids, &n) != JUAN_OK) {
		fprintf(stderr, "bench-suggest: %s: %s\n", query, store_error(s));
		exit(1);
	}
	cold = now() - t0;
	cold_cpu = cpu_seconds() - c0;
	free(ids);
	t0 = now();
	store_list_ids(s, &q, &ids, &n);
	warm = now() - t0;
	free(ids);
	printf("%-28s %8.0f ms cold (%.0f ms CPU), %6.1f ms warm, %zu listed\n",
	       query, cold * 1e3, cold_cpu * 1e3, warm * 1e3, n);
	store_close(&s);
}

static int
cmd_latency(const char *db)
{
	struct store *s = open_store(db);
	struct list_query q = { 0 };
	struct suggester *g = NULL;
	struct suggest_list l;
	struct theme_set set = { 0 };
	int64_t *ids = NULL;
	size_t n = 0, i, j, start;
	double one[200], screen[20], t0, c0, open_ms;
	char query[300];
	bool kept = false;

	if (store_list_ids(s, &q, &ids, &n) != JUAN_OK || n < 60)
		return 1;
	t0 = now();
	if (suggester_open(s, 0, false, &g) != JUAN_OK)
		return 1;
	open_ms = (now() - t0) * 1e3;
	printf("%zu documents, model of %ld tags (loaded in %.1f ms)\n", n,
	       suggester_trained(g), open_ms);
	for (i = 0; i < 200; i++) {
		int64_t id = ids[pick(n)];

		t0 = now();
		suggest_doc(s, g, id, 3, &l);
		one[i] = (now() - t0) * 1e3;
		suggest_list_clear(&l);
	}
	for (i = 0; i < 20; i++) {
		start = pick(n - 50);
		t0 = now();
		for (j = 0; j < 50; j++) {
			suggest_doc(s, g, ids[start + j], 1, &l);
			suggest_list_clear(&l);
		}
		screen[i] = (now() - t0) * 1e3;
	}
	printf("%-28s %8.2f ms (median of 200)   target <= 5 ms\n",
	       "one document", median(one, 200));
	printf("%-28s %8.2f ms (median of 20)\n", "a screen of 50",
	       median(screen, 20));
	suggester_free(&g);
	if (store_themes(s, 0, &set) != JUAN_OK)
		return 1;
	store_close(&s);
	free(ids);
	snprintf(query, sizeof(query), "suggested:%s", set.themes[0].name);
	time_query(db, query);
	time_query(db, "confidence:<0.5");
	/* what the browser's retraining keeps for these queries */
	s = open_store(db);
	if (suggester_open(s, 0, false, &g) != JUAN_OK)
		return 1;
	t0 = now();
	c0 = cpu_seconds();
	if (suggest_tops_save(s, g, &kept) != JUAN_OK) {
		fprintf(stderr, "bench-suggest: %s\n", store_error(s));
		return 1;
	}
	printf("%-28s %8.0f ms (%.0f ms CPU)%s\n", "keep every top suggestion",
	       (now() - t0) * 1e3, (cpu_seconds() - c0) * 1e3,
	       kept ? "" : " (kept already)");
	suggester_free(&g);
	store_close(&s);
	printf("with the top suggestions kept in the store:\n");
	snprintf(query, sizeof(query), "suggested:%s", set.themes[0].name);
	time_query(db, query);
	snprintf(query, sizeof(query), "suggested:%s>=0.9", set.themes[0].name);
	time_query(db, query);
	time_query(db, "confidence:<0.5");
	theme_set_free(&set);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "gen") == 0)
		return cmd_gen(argv[2], atol(argv[3]));
	if (argc == 5 && strcmp(argv[1], "curve") == 0)
		return cmd_curve(argv[2], argv[3], atol(argv[4]));
	if (argc == 3 && strcmp(argv[1], "latency") == 0)
		return cmd_latency(argv[2]);
	fprintf(stderr, "usage: bench-suggest gen DIR N | curve DB LABELS MAX | "
		"latency DB\n");
	return 2;
}
