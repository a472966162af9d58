/* bench: the corpus generator and the measurements that bench/run.sh
 * reports.  Figures, not pass/fail.
 *
 *   bench gen SAMPLE_DIR OUT_DIR N BYTES   N documents of about BYTES each
 *   bench baseline CORPUS_DIR DB           the same bytes into a plain table
 *   bench measure DB                       search, list and export latency
 *   bench import DB CORPUS_DIR [SQL...]    import with settings: each SQL is
 *                                          run on the store before the
 *                                          import, or after it when it
 *                                          starts with '+'; BENCH_WORKERS
 *                                          sets the worker threads
 *   bench tags DB N CODER SALT             a store of N documents (hashes
 *                                          only, no text) each tagged by
 *                                          CODER, with its history, in SQL
 *   bench read CORPUS_DIR [REPS]           an import's reading work alone,
 *                                          on this thread: each file read,
 *                                          decoded, hashed, parsed and
 *                                          tokenized as a worker does it
 *
 * Every subcommand ends its output with its peak RSS. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "juan/export.h"
#include "juan/import.h"
#include "juan/search.h"
#include "juan/store.h"
#include "juan/themes.h"
#include "db/store_private.h"
#include "io/import_read.h"
#include "timing.h"

/* ---- helpers -------------------------------------------------------- */

static void
print_peak_rss(const char *what)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	printf("%-28s %8.1f MB\n", what, (double)ru.ru_maxrss / 1024.0);
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1))) {
		*len = fread(buf, 1, (size_t)size, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

struct names {
	char **v;
	size_t n;
};

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The "*.txt" files of dir, sorted, as full paths. */
static int
list_txt(const char *dir, struct names *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t cap = 0, len;
	char **grown;

	out->v = NULL;
	out->n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 256;
			grown = realloc(out->v, cap * sizeof(*grown));
			if (!grown)
				exit(1);
			out->v = grown;
		}
		out->v[out->n] = malloc(strlen(dir) + len + 2);
		if (!out->v[out->n])
			exit(1);
		sprintf(out->v[out->n], "%s/%s", dir, e->d_name);
		out->n++;
	}
	closedir(d);
	qsort(out->v, out->n, sizeof(*out->v), name_cmp);
	return 0;
}

static void
names_free(struct names *names)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
}

/* ---- gen ------------------------------------------------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t
rng(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x;
}

static size_t
pick(size_t n)
{
	return (size_t)(rng() % n);
}

struct sentences {
	char **v;
	size_t n;
	size_t cap;
};

static void
add_sentence(struct sentences *s, const char *p, size_t len)
{
	char **grown;

	while (len > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		len--;
	}
	if (len >= 3 && memcmp(p, "\u3000", 3) == 0) {
		p += 3;
		len -= 3;
	}
	if (len < 12) /* a few characters: headings, numbers, chrome */
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		grown = realloc(s->v, s->cap * sizeof(*grown));
		if (!grown)
			exit(1);
		s->v = grown;
	}
	s->v[s->n] = strndup(p, len);
	if (!s->v[s->n])
		exit(1);
	s->n++;
}

/* Splits text into sentences ending in 。！？ or a line end. */
static void
split_sentences(const char *text, struct sentences *out)
{
	static const char *const ends[] = { "。", "！", "？" };
	const char *start = text, *p = text;
	size_t i;

	while (*p) {
		if (*p == '\n') {
			add_sentence(out, start, (size_t)(p - start));
			start = ++p;
			continue;
		}
		for (i = 0; i < 3; i++) {
			if (strncmp(p, ends[i], 3) == 0)
				break;
		}
		if (i < 3) {
			p += 3;
			add_sentence(out, start, (size_t)(p - start));
			start = p;
			continue;
		}
		p++;
	}
	add_sentence(out, start, (size_t)(p - start));
}

static const char *const numerals[] = {
	"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五",
};

static const char *const issuers[] = {
	"上海市教育委员会", "北京市人民政府办公厅", "广东省财政厅",
	"江苏省发展和改革委员会", "浙江省科学技术厅", "四川省生态环境厅",
	"崇明区教育局", "宿城区人民政府", "国务院办公厅", "湖北省卫生健康委员会",
};

static const char *const kinds[] = {
	"的通知", "的实施意见", "工作要点", "行动计划", "的若干措施",
	"管理办法", "的指导意见", "实施方案",
};

/* A title from the start of a random sentence: up to 14 characters before
 * its first punctuation. */
static void
put_title(FILE *f, const struct sentences *s, long n)
{
	const char *p = s->v[pick(s->n)];
	int chars = 0;

	fputs("关于", f);
	while (*p && chars < 14 && (unsigned char)*p >= 0xE4 &&
	       (unsigned char)*p <= 0xE9) {
		fwrite(p, 1, 3, f);
		p += 3;
		chars++;
	}
	fprintf(f, "%s（第%ld号）\n", kinds[pick(8)], n + 1);
}

static int
gen_one(const char *path, const struct sentences *s, long n, size_t bytes)
{
	FILE *f = fopen(path, "w");
	const char *issuer = issuers[pick(10)];
	size_t target = bytes / 2 + pick(bytes), heading = 0, sub = 0;
	long written;
	int year = 2015 + (int)pick(10);

	if (!f)
		return -1;
	put_title(f, s, n);
	fprintf(f, "%s\n发文字号：%.6s〔%d〕%ld号\n成文日期：%d年%d月%d日\n\n",
		issuer, issuer, year, n + 1, year, 1 + (int)pick(12),
		1 + (int)pick(28));
	while ((written = ftell(f)) >= 0 && (size_t)written < target) {
		if (sub == 0 || pick(8) == 0) {
			if (sub == 0 || pick(3) == 0)
				fprintf(f, "%s、%s\n",
					numerals[heading++ % 15],
					s->v[pick(s->n)]);
			fprintf(f, "（%s）%s\n", numerals[sub++ % 15],
				s->v[pick(s->n)]);
		}
		fputs(s->v[pick(s->n)], f);
		fputs(s->v[pick(s->n)], f);
		if (pick(4) == 0)
			fprintf(f, "到%d年完成%d项。", year + 1 + (int)pick(5),
				(int)pick(1000));
		fputc('\n', f);
	}
	fprintf(f, "%s\n%d年%d月%d日\n", issuer, year, 1 + (int)pick(12),
		1 + (int)pick(28));
	return fclose(f) == 0 ? 0 : -1;
}

static int
cmd_gen(const char *sample_dir, const char *out_dir, long n, size_t bytes)
{
	struct sentences s = {0};
	struct names files;
	char path[4096];
	size_t i, len;
	char *text;
	long k;

	if (list_txt(sample_dir, &files) != 0 || files.n == 0) {
		fprintf(stderr, "bench: no *.txt in %s\n", sample_dir);
		return 1;
	}
	for (i = 0; i < files.n; i++) {
		text = read_file(files.v[i], &len);
		if (!text)
			return 1;
		split_sentences(text, &s);
		free(text);
	}
	names_free(&files);
	if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
		perror(out_dir);
		return 1;
	}
	for (k = 0; k < n; k++) {
		snprintf(path, sizeof(path), "%s/%06ld.txt", out_dir, k);
		if (gen_one(path, &s, k, bytes) != 0) {
			perror(path);
			return 1;
		}
	}
	for (i = 0; i < s.n; i++)
		free(s.v[i]);
	free(s.v);
	return 0;
}

/* ---- baseline ------------------------------------------------------- */

/* The corpus into a table with no index, one transaction per 500 files:
 * the floor that import is measured against. */
static int
cmd_baseline(const char *dir, const char *db_path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	struct names files;
	uint64_t total = 0;
	double t0, t;
	size_t i, len;
	char *text;
	int rc = 1;

	if (list_txt(dir, &files) != 0)
		return 1;
	if (sqlite3_open(db_path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL;"
			 "PRAGMA synchronous = NORMAL;"
			 "CREATE TABLE t(id INTEGER PRIMARY KEY, path TEXT,"
			 " body TEXT)", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO t(path, body) VALUES (?1, ?2)",
			       -1, &stmt, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: %s\n", sqlite3_errmsg(db));
		goto done;
	}
	t0 = now();
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (i = 0; i < files.n; i++) {
		text = read_file(files.v[i], &len);
		if (!text)
			goto done;
		total += len;
		sqlite3_bind_text(stmt, 1, files.v[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, text, (int)len, free);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			goto done;
		sqlite3_reset(stmt);
		if (i % 500 == 499)
			sqlite3_exec(db, "COMMIT; BEGIN", NULL, NULL, NULL);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	t = now() - t0;
	printf("%-28s %8.1f MB/s  (%zu docs, %.1f MB in %.2f s)\n",
	       "baseline insert, no index", (double)total / 1e6 / t, files.n,
	       (double)total / 1e6, t);
	rc = 0;
done:
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	names_free(&files);
	print_peak_rss("baseline peak RSS");
	return rc;
}

/* ---- measure -------------------------------------------------------- */

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

#define RUNS 7

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), dbl_cmp);
	return v[n / 2];
}

static int
measure_search(struct store *s, const char *query)
{
	struct search_hit *hits;
	double t[RUNS], t_ids[RUNS], t0;
	int64_t *ids;
	size_t n, nids = 0;
	int i;

	for (i = 0; i < RUNS; i++) {
		t0 = now();
		if (search_run(s, query, 50, "[", "]", &hits, &n) != JUAN_OK) {
			fprintf(stderr, "bench: %s\n", store_error(s));
			return 1;
		}
		t[i] = now() - t0;
		search_hits_free(hits, n);
		t0 = now();
		if (search_ids(s, query, &ids, &nids) != JUAN_OK) {
			fprintf(stderr, "bench: %s\n", store_error(s));
			return 1;
		}
		t_ids[i] = now() - t0;
		free(ids);
	}
	printf("%-28s %8.2f ms top 50 %8.2f ms all %5zu ids  %s\n",
	       "search", median(t, RUNS) * 1e3, median(t_ids, RUNS) * 1e3,
	       nids, query);
	return 0;
}

static int
measure_list(struct store *s)
{
	struct list_query q = {0};
	struct doc_info info = {0};
	double t[RUNS], t0;
	int64_t *ids = NULL;
	size_t n = 0, k;
	int i;

	for (i = 0; i < RUNS; i++) {
		t0 = now();
		if (store_list_ids(s, &q, &ids, &n) != JUAN_OK)
			goto fail;
		for (k = n > 50 ? n - 50 : 0; k < n; k++) {
			if (store_doc_info(s, ids[k], &info) != JUAN_OK)
				goto fail;
			doc_info_clear(&info);
		}
		t[i] = now() - t0;
		free(ids);
		ids = NULL;
	}
	printf("%-28s %8.2f ms (%zu ids + last 50 rows)\n", "list end of corpus",
	       median(t, RUNS) * 1e3, n);
	return 0;
fail:
	free(ids);
	fprintf(stderr, "bench: %s\n", store_error(s));
	return 1;
}

/* Median and worst of v[0..n) in ms, as "median / max". */
static void
print_ops(const char *what, double *v, int n)
{
	double worst = 0;
	int i;

	for (i = 0; i < n; i++)
		worst = v[i] > worst ? v[i] : worst;
	printf("%-28s %8.2f ms median %6.2f ms max (%d, each one transaction)\n",
	       what, median(v, n) * 1e3, worst * 1e3, n);
}

static int
count_row(const struct doc_info *info, void *ctx)
{
	(*(size_t *)ctx) += info->nsecondary + 1;
	return 0;
}

/* Codes the corpus (every document a main theme, one in four a secondary
 * theme, one in ten unsure) in one transaction, times single changes as
 * the browser makes them, then the lists and statistics that show them. */
static int
measure_coding(struct store *s)
{
	enum { OPS = 101 };
	struct list_query all = {0}, todo = {0}, unsure = {0};
	struct theme_set set = {0};
	struct scheme_info *schemes = NULL;
	double t[RUNS], ops[3][OPS], t0;
	int64_t *ids = NULL, *sub = NULL, th[3];
	size_t n = 0, nsub = 0, k, rows = 0, nschemes = 0;
	int i;

	if (store_list_ids(s, &all, &ids, &n) != JUAN_OK || n == 0 ||
	    store_themes(s, 0, &set) != JUAN_OK || set.n < 3)
		goto fail;
	t0 = now();
	if (store_begin(s) != JUAN_OK)
		goto fail;
	for (k = 0; k < n; k++) {
		if (store_tag(s, 0, ids[k], set.themes[k % set.n].id) != JUAN_OK ||
		    (k % 4 == 0 && store_secondary(s, 0, ids[k],
				set.themes[(k + 1) % set.n].id, true) != JUAN_OK) ||
		    (k % 10 == 0 && store_set_state(s, 0, ids[k],
				TAG_STATE_UNSURE) != JUAN_OK))
			goto fail;
	}
	if (store_commit(s) != JUAN_OK)
		goto fail;
	printf("%-28s %8.2f ms (%zu documents, one transaction)\n",
	       "code the corpus", (now() - t0) * 1e3, n);
	for (i = 0; i < 3; i++)
		th[i] = set.themes[i].id;
	for (i = 0; i < OPS; i++) {
		int64_t doc = ids[(size_t)i * (n / OPS)];

		t0 = now();
		if (store_tag(s, 0, doc, th[i % 2]) != JUAN_OK)
			goto fail;
		ops[0][i] = now() - t0;
		t0 = now();
		if (store_set_state(s, 0, doc, i % 2 ? TAG_STATE_UNSURE :
				    TAG_STATE_NONE_SET) != JUAN_OK)
			goto fail;
		ops[1][i] = now() - t0;
		t0 = now();
		if (store_secondary(s, 0, doc, th[2], i % 2) != JUAN_OK)
			goto fail;
		ops[2][i] = now() - t0;
	}
	print_ops("tag (main theme)", ops[0], OPS);
	print_ops("state", ops[1], OPS);
	print_ops("secondary theme", ops[2], OPS);
	for (i = 0; i < RUNS; i++) {
		t0 = now();
		rows = 0;
		if (store_list(s, &all, count_row, &rows) != JUAN_OK)
			goto fail;
		t[i] = now() - t0;
	}
	printf("%-28s %8.2f ms (%zu rows with theme, +N, state)\n",
	       "list all, coded", median(t, RUNS) * 1e3, n);
	todo.todo = true;
	unsure.state = "unsure";
	for (i = 0; i < RUNS; i++) {
		t0 = now();
		if (store_list_ids(s, &todo, &sub, &nsub) != JUAN_OK)
			goto fail;
		free(sub);
		sub = NULL;
		t[i] = now() - t0;
	}
	printf("%-28s %8.2f ms (%zu ids)\n", "list ids, needs work",
	       median(t, RUNS) * 1e3, nsub);
	for (i = 0; i < RUNS; i++) {
		t0 = now();
		if (store_list_ids(s, &unsure, &sub, &nsub) != JUAN_OK)
			goto fail;
		free(sub);
		sub = NULL;
		t[i] = now() - t0;
	}
	printf("%-28s %8.2f ms (%zu ids)\n", "list ids, state unsure",
	       median(t, RUNS) * 1e3, nsub);
	theme_set_free(&set);
	for (i = 0; i < RUNS; i++) {
		t0 = now();
		if (store_themes(s, 0, &set) != JUAN_OK)
			goto fail;
		theme_set_free(&set);
		t[i] = now() - t0;
	}
	printf("%-28s %8.2f ms (main and any, rolled up)\n",
	       "statistics (themes)", median(t, RUNS) * 1e3);
	for (i = 0; i < RUNS; i++) {
		t0 = now();
		if (store_schemes(s, &schemes, &nschemes) != JUAN_OK)
			goto fail;
		scheme_info_free(schemes, nschemes);
		t[i] = now() - t0;
	}
	printf("%-28s %8.2f ms\n", "statistics (schemes)",
	       median(t, RUNS) * 1e3);
	free(ids);
	return 0;
fail:
	store_rollback(s);
	theme_set_free(&set);
	free(ids);
	fprintf(stderr, "bench: %s\n", store_error(s));
	return 1;
}

static int
measure_export(struct store *s)
{
	static const char *const names[] = { "csv", "jsonl", "md" };
	struct export_opts opts = { .all = true };
	FILE *null = fopen("/dev/null", "w");
	double t0;
	long count;
	int i;

	if (!null)
		return 1;
	for (i = 0; i < 3; i++) {
		export_format_parse(names[i], &opts.format);
		t0 = now();
		if (export_write(s, &opts, null, &count) != JUAN_OK) {
			fprintf(stderr, "bench: %s\n", store_error(s));
			fclose(null);
			return 1;
		}
		printf("export --all %-15s %8.2f ms (%ld rows)\n", names[i],
		       (now() - t0) * 1e3, count);
	}
	fclose(null);
	return 0;
}

/* The store at db_path, open; NULL after saying why. */
static struct store *
open_store(const char *db_path)
{
	struct store *s = NULL;
	char err[512];

	if (store_open(db_path, &s, err, sizeof(err)) != JUAN_OK)
		fprintf(stderr, "bench: %s\n", err);
	return s;
}

static int
cmd_measure(const char *db_path, char **queries, int nqueries)
{
	struct store *s = open_store(db_path);
	int i, rc = 0;

	if (!s)
		return 1;
	for (i = 0; i < nqueries && rc == 0; i++)
		rc = measure_search(s, queries[i]);
	if (rc == 0)
		rc = measure_list(s);
	if (rc == 0)
		rc = measure_coding(s);
	if (rc == 0)
		rc = measure_export(s);
	store_close(&s);
	print_peak_rss("measure peak RSS");
	return rc;
}

/* ---- the query language, sorting and bulk changes ------------------ */

static int
measure_query(struct store *s, const char *query)
{
	double t[RUNS], t0;
	int64_t *ids = NULL;
	size_t n = 0;
	int i;

	for (i = 0; i < RUNS; i++) {
		t0 = now();
		if (store_query_ids(s, query, NULL, &ids, &n) != JUAN_OK) {
			fprintf(stderr, "bench: %s\n", store_error(s));
			return 1;
		}
		t[i] = now() - t0;
		free(ids);
	}
	printf("%-28s %8.2f ms %6zu ids  %s\n", "query", median(t, RUNS) * 1e3,
	       n, query);
	return 0;
}

static int
measure_sort(struct store *s, const char *query)
{
	static const char *const keys[] = {
		"id", "id:desc", "date", "date:desc", "issuer", "issuer:desc",
		"docno", "docno:desc", "title", "title:desc", "theme",
		"theme:desc", "state", "state:desc",
	};
	struct list_sort sort;
	double t[RUNS], cpu[RUNS], t0, c0;
	int64_t *ids = NULL;
	size_t n = 0, k;
	int i;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		list_sort_parse(keys[k], &sort, NULL, 0);
		for (i = 0; i < RUNS; i++) {
			t0 = now();
			c0 = cpu_seconds();
			if (store_query_ids(s, query, &sort, &ids, &n) !=
			    JUAN_OK) {
				fprintf(stderr, "bench: %s\n", store_error(s));
				return 1;
			}
			cpu[i] = cpu_seconds() - c0;
			t[i] = now() - t0;
			free(ids);
		}
		printf("%-28s %8.2f ms (%6.2f ms CPU) %6zu ids  '%s'\n",
		       keys[k], median(t, RUNS) * 1e3,
		       median(cpu, RUNS) * 1e3, n, query);
	}
	return 0;
}

/* Tags the first limit documents with the first theme in one change, then
 * undoes it: each timed once (they write). */
static int
measure_bulk(struct store *s, size_t limit)
{
	struct theme_set set = {0};
	struct bulk_action a = {.op = BULK_THEME};
	int64_t *ids = NULL;
	size_t n = 0, changed = 0;
	double t0, t_tag, t_undo;
	int rc = 1;

	if (store_themes(s, 0, &set) != JUAN_OK || set.n == 0 ||
	    store_list_ids(s, NULL, &ids, &n) != JUAN_OK)
		goto done;
	a.theme = set.themes[set.n - 1].id;
	if (n > limit)
		n = limit;
	t0 = now();
	if (store_bulk(s, 0, ids, n, &a, false, NULL, &changed) != JUAN_OK)
		goto done;
	t_tag = now() - t0;
	t0 = now();
	if (store_undo(s, NULL) != JUAN_OK)
		goto done;
	t_undo = now() - t0;
	printf("%-28s %8.2f ms (%zu documents changed)   target <= 1 s\n",
	       "bulk tag", t_tag * 1e3, changed);
	printf("%-28s %8.2f ms                           target <= 1 s\n",
	       "its undo", t_undo * 1e3);
	rc = 0;
done:
	if (rc)
		fprintf(stderr, "bench: bulk: %s\n", store_error(s));
	theme_set_free(&set);
	free(ids);
	return rc;
}

static int
cmd_qlang(const char *db_path, char **queries, int nqueries)
{
	struct store *s = open_store(db_path);
	int i, rc = 0;

	if (!s)
		return 1;
	for (i = 0; i < nqueries && rc == 0; i++)
		rc = measure_query(s, queries[i]);
	if (rc == 0)
		rc = measure_sort(s, "");
	if (rc == 0 && nqueries > 0)
		rc = measure_sort(s, queries[0]);
	if (rc == 0)
		rc = measure_bulk(s, 10000);
	store_close(&s);
	return rc;
}

/* ---- import with settings ------------------------------------------ */

/* Runs each of sql[0..n) that starts with '+' (after) or not (before). */
static int
run_sql(struct store *s, char **sql, int n, int after)
{
	char *err = NULL;
	int i;

	for (i = 0; i < n; i++) {
		if ((sql[i][0] == '+') != after)
			continue;
		if (sqlite3_exec(s->db, sql[i] + after, NULL, NULL, &err) !=
		    SQLITE_OK) {
			fprintf(stderr, "bench: %s: %s\n", sql[i], err);
			sqlite3_free(err);
			return 1;
		}
	}
	return 0;
}

/* The corpus imported as juan does, with settings: wall and CPU time of
 * the import and of the SQL after it. */
static int
cmd_import(const char *db_path, const char *dir, char **sql, int nsql)
{
	struct import_counts counts = {0};
	struct import_ops ops = {0};
	const char *workers = getenv("BENCH_WORKERS");
	struct store *s = NULL;
	double t0, c0, t1, c1;
	char err[512];
	int rc = 1;

	if (store_open(db_path, &s, err, sizeof(err)) != JUAN_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	if (run_sql(s, sql, nsql, 0) != 0)
		goto done;
	t0 = now();
	c0 = cpu_seconds();
	if (workers)
		ops.workers = atoi(workers);
	if (import_paths(s, &dir, 1, &ops, &counts) != JUAN_OK) {
		fprintf(stderr, "bench: %s\n", store_error(s));
		goto done;
	}
	t1 = now();
	c1 = cpu_seconds();
	if (run_sql(s, sql, nsql, 1) != 0)
		goto done;
	printf("import %.2f s, %.2f s CPU; after it %.2f s, %.2f s CPU;"
	       " %ld documents\n", t1 - t0, c1 - c0, now() - t1,
	       cpu_seconds() - c1, counts.imported);
	rc = 0;
done:
	store_close(&s);
	print_peak_rss("import peak RSS");
	return rc;
}

/* ---- stores of many tags, for `juan sync` --------------------------- */

/* A new store at db_path with n documents that have only a hash (the same
 * n hashes in every store made so: the zero-padded numbers 1..n), each
 * given a main theme of the active scheme by coder (the theme chosen by
 * the document's number and salt) an hour ago, with its history row: what
 * n `juan tag` would leave, written in three statements. */
static int
cmd_tags(const char *db_path, long n, const char *coder, long salt)
{
	static const char fmt[] =
		"BEGIN;"
		"WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k"
		"  WHERE i < %ld)"
		" INSERT INTO documents(hash, path, title)"
		" SELECT printf('%%064d', i), 'doc' || i || '.txt', '文件' || i"
		" FROM k;"
		"WITH th AS (SELECT id, scheme_id, row_number() OVER"
		"  (ORDER BY position) - 1 AS k, count(*) OVER () AS n"
		"  FROM themes WHERE NOT retired AND scheme_id ="
		"  (SELECT id FROM schemes WHERE active))"
		" INSERT INTO doc_tags(doc_id, scheme_id, theme_id, coder, tagged_at)"
		" SELECT d.id, th.scheme_id, th.id, %Q, datetime('now', '-1 hour')"
		" FROM documents d JOIN th ON th.k = (d.id * 7 + %ld) %% th.n;"
		"INSERT INTO history(change, doc_id, scheme, field, old, new, coder,"
		" at, op) SELECT dt.doc_id, dt.doc_id, s.name, 'theme', '', t.name,"
		" dt.coder, dt.tagged_at, 'tag' FROM doc_tags dt"
		" JOIN schemes s ON s.id = dt.scheme_id"
		" JOIN themes t ON t.id = dt.theme_id;"
		"COMMIT;";
	struct store *s = NULL;
	char err[512], *sql, *msg = NULL;
	double t0 = now();
	int rc = 1;

	if (store_open(db_path, &s, err, sizeof(err)) != JUAN_OK) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	sql = sqlite3_mprintf(fmt, n, coder, salt);
	if (!sql || sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench: %s: %s\n", db_path,
			msg ? msg : "out of memory");
		goto done;
	}
	printf("%-28s %8.2f s  (%ld documents tagged by %s, in SQL)\n",
	       "a store of tags", now() - t0, n, coder);
	rc = 0;
done:
	sqlite3_free(msg);
	sqlite3_free(sql);
	store_close(&s);
	return rc;
}

/* ---- read ----------------------------------------------------------- */

/* The reading threads' work (import_reader_read()) on every file of dir,
 * reps times, without a store: the CPU seconds it takes, the text it
 * yields, and how many files failed. */
static int
cmd_read(const char *dir, long reps)
{
	struct import_reader r;
	struct import_item *it;
	struct names names;
	uint64_t text = 0;
	size_t i, failed = 0;
	double t0, c0, cpu;
	long k;

	if (list_txt(dir, &names) != 0 || names.n == 0) {
		fprintf(stderr, "bench: %s: no *.txt files\n", dir);
		names_free(&names);
		return 1;
	}
	import_reader_open(&r, ":memory:", 64u << 20); /* no store: all parsed */
	t0 = now();
	c0 = cpu_seconds();
	for (k = 0; k < reps; k++) {
		for (i = 0; i < names.n; i++) {
			it = import_item_new(names.v[i], names.v[i], 0);
			if (!it)
				exit(1);
			import_reader_read(&r, it);
			text += it->text_len;
			failed += it->why != NULL;
			import_item_free(&it);
		}
	}
	cpu = cpu_seconds() - c0;
	printf("%-28s %8.2f s CPU, %.2f s wall  (%zu files x %ld, %.1f MB of "
	       "text, %.1f MB per CPU second, %zu failed)\n", "reading alone",
	       cpu, now() - t0, names.n, reps, (double)text / 1e6,
	       (double)text / 1e6 / cpu, failed);
	import_reader_close(&r);
	names_free(&names);
	print_peak_rss("peak RSS");
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 6 && strcmp(argv[1], "gen") == 0)
		return cmd_gen(argv[2], argv[3], atol(argv[4]),
			       (size_t)atol(argv[5]));
	if (argc == 4 && strcmp(argv[1], "baseline") == 0)
		return cmd_baseline(argv[2], argv[3]);
	if (argc >= 3 && strcmp(argv[1], "measure") == 0)
		return cmd_measure(argv[2], argv + 3, argc - 3);
	if (argc >= 3 && strcmp(argv[1], "qlang") == 0)
		return cmd_qlang(argv[2], argv + 3, argc - 3);
	if (argc >= 4 && strcmp(argv[1], "import") == 0)
		return cmd_import(argv[2], argv[3], argv + 4, argc - 4);
	if (argc == 6 && strcmp(argv[1], "tags") == 0)
		return cmd_tags(argv[2], atol(argv[3]), argv[4], atol(argv[5]));
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "read") == 0)
		return cmd_read(argv[2], argc == 4 ? atol(argv[3]) : 1);
	fprintf(stderr, "usage: bench gen SAMPLE_DIR OUT_DIR N BYTES\n"
			"       bench baseline CORPUS_DIR DB\n"
			"       bench measure DB QUERY...\n"
			"       bench qlang DB QUERY...  (writes: a bulk tag"
			" and its undo)\n"
			"       bench import DB CORPUS_DIR [[+]SQL...]\n"
			"       bench tags DB N CODER SALT\n"
			"       bench read CORPUS_DIR [REPS]\n");
	return 2;
}
