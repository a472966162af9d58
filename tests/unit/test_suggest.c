/* test_suggest: the features the model reads (the samples' real titles and
 * topics), matching the 主题分类 to a theme, and suggestions from a store:
 * each source, and the bad input that makes one give way — no tags, one
 * theme tagged, a theme with a single document, a document without text,
 * a corrupt or stale saved model — and an accepted suggestion in the
 * history. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <linear.h>
#include <math.h>
#include <sqlite3.h>

#include "juan/features.h"
#include "juan/store.h"
#include "juan/suggest.h"
#include "juan/themes.h"
#include "db/store_private.h"
#include "suggest/suggest_private.h"
#include "util.h"

/* ---- features ---------------------------------------------------------- */

static void
test_genre(void **state)
{
	/* the samples' titles (tests/fixtures/expected, .meta) and others */
	static const struct {
		const char *title;
		const char *genre;
	} cases[] = {
		{"上海市崇明区教育局2024年工作要点", "工作要点"},
		{"中共舟山市委教育工作委员会 舟山市教育局2024年工作要点", "工作要点"},
		{"宿城区义务教育高质量发展三年(2019—2021)行动计划", "行动计划"},
		{"国务院关于加强环境保护重点工作的意见", "意见"},
		{"国务院关于环境保护税收入归属问题的通知", "通知"},
		{"优化营商环境条例", "条例"},
		{"关于印发《某某办法》的通知》", "通知"},
		{"市政府常务会议纪要", "纪要"},
		{"2024 annual report", ""},
		{"", ""},
	};
	size_t i, len;
	const char *start;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		len = features_genre(cases[i].title, &start);
		assert_int_equal(len, strlen(cases[i].genre));
		if (len)
			assert_memory_equal(start, cases[i].genre, len);
		else
			assert_null(start);
	}
	assert_int_equal(features_genre(NULL, &start), 0);
}

struct seen {
	char names[64][64];
	int counts[64];
	int n;
};

static int
note_feature(void *ctx, const char *name, size_t len)
{
	struct seen *s = ctx;
	int i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->names[i]) == len &&
		    memcmp(s->names[i], name, len) == 0)
			break;
	if (i == s->n) {
		assert_true(s->n < 64 && len < 64);
		memcpy(s->names[i], name, len);
		s->names[i][len] = '\0';
		s->n++;
	}
	s->counts[i]++;
	return 0;
}

static int
count_of(const struct seen *s, const char *name)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0)
			return s->counts[i];
	return 0;
}

static void
test_features(void **state)
{
	struct feature_text t = {
		"教育工作要点", "中共舟山市委教育工作委员会、舟山市教育局",
		"科技、教育、知识产权-教育", "教育局",
	};
	struct seen s = {0};

	(void)state;
	assert_int_equal(features_extract(&t, note_feature, &s), 0);
	/* the title's bigrams twice, the body's once; the index's tokens */
	assert_int_equal(count_of(&s, "教育"), 2 + 1);
	assert_int_equal(count_of(&s, "要点"), 2);
	assert_int_equal(count_of(&s, "点"), 2);
	assert_int_equal(count_of(&s, "育局"), 1);
	assert_int_equal(count_of(&s, "局"), 1);
	/* the metadata */
	assert_int_equal(count_of(&s, "@i:中共舟山市委教育工作委员会"), 1);
	assert_int_equal(count_of(&s, "@i:舟山市教育局"), 1);
	assert_int_equal(count_of(&s, "@g:工作要点"), 1);
	assert_int_equal(count_of(&s, "@p:科技、教育、知识产权-教育"), 1);
	assert_int_equal(count_of(&s, "@p:科技、教育、知识产权"), 1);
	assert_int_equal(features_topic_head("科技、教育、知识产权-教育"),
			 strlen("科技、教育、知识产权"));
	assert_int_equal(features_topic_head("综合政务－其他"),
			 strlen("综合政务"));
	assert_int_equal(features_topic_head("综合政务"), strlen("综合政务"));
}

static void
test_features_empty(void **state)
{
	struct feature_text t = {NULL, NULL, NULL, NULL};
	struct seen s = {0};

	(void)state;
	assert_int_equal(features_extract(&t, note_feature, &s), 0);
	assert_int_equal(s.n, 0);
}

/* ---- the 主题分类 --------------------------------------------------------- */

static void
parse_set(const char *tsv, struct theme_set *set)
{
	char why[256];

	assert_int_equal(theme_set_parse(tsv, strlen(tsv), set, why,
					 sizeof(why)), JUAN_OK);
}

static void
test_topic_match(void **state)
{
	static const struct {
		const char *topic;
		const char *theme; /* NULL: none */
	} gov[] = {
		/* the sample's own (assets/sample/000_…) */
		{"科技、教育、知识产权-教育", "科技、教育"},
		{"城乡建设、环境保护-环境监测、保护与治理", "城乡建设、环境保护"},
		{"财政、金融、审计", "财政、金融、审计"},
		{"综合政务-其他", "综合政务"},
		{"卫生、体育-卫生", "卫生、体育"},
		{"工业、交通-交通", "工业、交通"},
		{"规划计划", NULL},
		{"", NULL},
	}, edu[] = {
		{"科技、教育、知识产权-教育", NULL},
		{"教育-义务教育", "义务教育"},
	};
	struct theme_set set, eset;
	const char *tsv = themes_default_tsv();
	size_t i;
	long at;

	(void)state;
	parse_set(tsv, &set);
	for (i = 0; i < sizeof(gov) / sizeof(gov[0]); i++) {
		at = suggest_topic_match(gov[i].topic, &set);
		if (!gov[i].theme) {
			assert_int_equal(at, -1);
			continue;
		}
		assert_true(at >= 0);
		assert_string_equal(set.themes[at].name, gov[i].theme);
	}
	/* a retired theme never matches */
	set.themes[suggest_topic_match("综合政务-其他", &set)].retired = true;
	assert_int_equal(suggest_topic_match("综合政务", &set), -1);
	assert_int_equal(suggest_topic_match(NULL, &set), -1);
	theme_set_free(&set);
	parse_set("义务教育\t\n高中教育\t\n职业教育\t\n", &eset);
	for (i = 0; i < sizeof(edu) / sizeof(edu[0]); i++) {
		at = suggest_topic_match(edu[i].topic, &eset);
		if (!edu[i].theme)
			assert_int_equal(at, -1);
		else
			assert_string_equal(eset.themes[at].name, edu[i].theme);
	}
	theme_set_free(&eset);
}

/* ---- suggestions from a store -------------------------------------------- */

static int
setup(void **state)
{
	*state = fixture_new("suggest", "juan.db");
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

static int64_t
add_doc(struct store *s, const char *title, const char *topic,
	const char *body)
{
	static int serial;
	struct doc d = {0};
	char path[64], text[4096];
	int64_t id;

	snprintf(path, sizeof(path), "/doc/%d.txt", ++serial);
	/* unique texts, but the one without any text */
	if (*title || *body)
		snprintf(text, sizeof(text), "%s\n%s\n%d", title, body, serial);
	else
		text[0] = '\0';
	d.body_len = strlen(text);
	d.meta.title = (char *)title;
	d.meta.issuer = d.meta.date = d.meta.docno = "";
	d.meta.published = d.meta.source = "";
	d.meta.topic = (char *)topic;
	assert_int_equal(store_put(s, path, text, strlen(text), &d, NULL,
				   &id), JUAN_OK);
	return id;
}

/* The first suggestion for doc: its theme's name and source. */
static void
assert_first(struct store *s, int64_t doc, const char *name,
	     enum suggest_source src, const char *note)
{
	struct suggester *g = NULL;
	struct suggest_list l;

	assert_int_equal(suggester_open(s, 0, true, &g), JUAN_OK);
	assert_int_equal(suggest_doc(s, g, doc, 3, &l), JUAN_OK);
	if (!name) {
		assert_int_equal(l.n, 0);
	} else {
		assert_true(l.n >= 1);
		assert_string_equal(l.items[0].name, name);
		assert_int_equal(l.items[0].source, src);
		assert_true(l.items[0].confidence > 0 &&
			    l.items[0].confidence <= 1);
	}
	if (note)
		assert_non_null(strstr(l.note, note));
	suggest_list_clear(&l);
	suggester_free(&g);
}

static const char *const env_body =
	"加强生态环境保护，治理大气污染和水污染，推进污染防治攻坚。";
static const char *const edu_body =
	"办好人民满意的教育，推进义务教育优质均衡，加强教师队伍建设。";

static void
test_sources(void **state)
{
	struct fixture *f = *state;
	struct store *s = f->s;
	int64_t env[6], edu[6], doc, other;
	int i;

	for (i = 0; i < 6; i++) {
		env[i] = add_doc(s, "关于加强环境保护工作的意见", "", env_body);
		edu[i] = add_doc(s, "教育局工作要点", "", edu_body);
	}
	doc = add_doc(s, "关于治理大气污染的通知", "", env_body);
	other = add_doc(s, "关于义务教育的通知", "", edu_body);
	/* no tags: the themes' own words, and the note says so */
	assert_first(s, doc, "城乡建设、环境保护", SUGGEST_WORDS, "no tags");
	/* the 主题分类 first, whatever else */
	assert_first(s, add_doc(s, "某文件", "科技、教育、知识产权-教育", env_body),
		     "科技、教育", SUGGEST_TOPIC, NULL);
	/* one theme tagged: still the words, and why */
	assert_int_equal(store_tag(s, 0, env[0], test_theme_id(s, "城乡建设、环境保护")),
			 JUAN_OK);
	assert_first(s, other, "科技、教育", SUGGEST_WORDS, "one theme");
	/* two themes, one with a single document: the model */
	assert_int_equal(store_tag(s, 0, edu[0], test_theme_id(s, "科技、教育")), JUAN_OK);
	assert_first(s, other, "科技、教育", SUGGEST_MODEL, NULL);
	for (i = 1; i < 6; i++) {
		assert_int_equal(store_tag(s, 0, env[i],
					   test_theme_id(s, "城乡建设、环境保护")), JUAN_OK);
		assert_int_equal(store_tag(s, 0, edu[i], test_theme_id(s, "科技、教育")),
				 JUAN_OK);
	}
	assert_first(s, doc, "城乡建设、环境保护", SUGGEST_MODEL, NULL);
	assert_first(s, other, "科技、教育", SUGGEST_MODEL, NULL);
	/* a document without text: nothing, and why */
	assert_first(s, add_doc(s, "", "", ""), NULL, SUGGEST_MODEL, "no text");
	/* learned: documents with this topic were tagged so */
	for (i = 0; i < 3; i++)
		assert_int_equal(store_tag(s, 0, add_doc(s, "某件", "规划计划",
							 edu_body),
					   test_theme_id(s, "综合政务")), JUAN_OK);
	assert_first(s, add_doc(s, "某件", "规划计划", env_body), "综合政务",
		     SUGGEST_LEARNED, NULL);
}

static void
test_stale_and_corrupt(void **state)
{
	struct fixture *f = *state;
	struct store *s = f->s;
	struct suggester *g = NULL;
	sqlite3 *db;
	bool stale;
	long tags = 0;
	int64_t a, b;

	a = add_doc(s, "环境保护意见", "", env_body);
	b = add_doc(s, "教育工作要点", "", edu_body);
	assert_int_equal(suggest_model_stale(s, 0, &stale), JUAN_OK);
	assert_true(stale); /* none saved */
	assert_int_equal(store_tag(s, 0, a, test_theme_id(s, "城乡建设、环境保护")),
			 JUAN_OK);
	assert_int_equal(store_tag(s, 0, b, test_theme_id(s, "科技、教育")), JUAN_OK);
	assert_int_equal(suggest_train(s, 0, &tags), JUAN_OK);
	assert_int_equal(tags, 2);
	assert_int_equal(suggest_model_stale(s, 0, &stale), JUAN_OK);
	assert_false(stale);
	/* a tag changed: stale; not retrained when not asked */
	assert_int_equal(store_tag(s, 0, a, test_theme_id(s, "综合政务")), JUAN_OK);
	assert_int_equal(suggest_model_stale(s, 0, &stale), JUAN_OK);
	assert_true(stale);
	assert_int_equal(suggester_open(s, 0, false, &g), JUAN_OK);
	assert_true(suggester_stale(g));
	suggester_free(&g);
	assert_int_equal(suggester_open(s, 0, true, &g), JUAN_OK);
	assert_false(suggester_stale(g));
	assert_int_equal(suggester_trained(g), 2);
	suggester_free(&g);
	/* corrupt bytes and another feature version: retrained */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE suggest_models SET model ="
				      " x'4a5347310102'", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(suggest_model_stale(s, 0, &stale), JUAN_OK);
	assert_true(stale);
	assert_first(s, b, "科技、教育", SUGGEST_MODEL, NULL);
	assert_int_equal(sqlite3_exec(db, "UPDATE suggest_models SET version ="
				      " version + 1", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(suggest_model_stale(s, 0, &stale), JUAN_OK);
	assert_true(stale);
	assert_first(s, b, "科技、教育", SUGGEST_MODEL, NULL);
	assert_int_equal(suggest_model_stale(s, 0, &stale), JUAN_OK);
	assert_false(stale);
}

static int
find_accepted(const struct history_entry *e, void *ctx)
{
	int *n = ctx;

	if (e->accepted && strcmp(e->field, "theme") == 0)
		(*n)++;
	return 0;
}

static void
test_accept_and_evaluate(void **state)
{
	struct fixture *f = *state;
	struct store *s = f->s;
	struct suggest_eval e;
	int64_t doc;
	int accepted = 0, i;

	/* nothing tagged: nothing to evaluate, no crash */
	assert_int_equal(suggest_evaluate(s, 0, &e), JUAN_OK);
	assert_int_equal(e.tags, 0);
	assert_int_equal(e.replay.docs, 0);
	for (i = 0; i < 10; i++) {
		assert_int_equal(store_tag(s, 0, add_doc(s, "环境保护意见", "",
							 env_body),
					   test_theme_id(s, "城乡建设、环境保护")), JUAN_OK);
		assert_int_equal(store_tag(s, 0, add_doc(s, "教育工作要点", "",
							 edu_body),
					   test_theme_id(s, "科技、教育")), JUAN_OK);
	}
	assert_int_equal(suggest_evaluate(s, 0, &e), JUAN_OK);
	assert_int_equal(e.tags, 20);
	assert_int_equal(e.replay.docs, 20);
	assert_int_equal(e.folds, 5);
	assert_int_equal(e.cv.docs, 20);
	assert_true(e.cv.top1 >= 18);
	assert_true(e.replay.top1 >= 15);
	assert_true(e.replay.keys_saved > 0);
	doc = add_doc(s, "教育工作要点", "", edu_body);
	assert_int_equal(suggest_accept(s, 0, doc, test_theme_id(s, "科技、教育")),
			 JUAN_OK);
	assert_int_equal(store_history(s, NULL, find_accepted, &accepted),
			 JUAN_OK);
	assert_int_equal(accepted, 1);
}

/* The row the streamed training wrote for document i, against one worked
 * out straight from every tagged document held at once: the same features
 * (by name), the same TF-IDF weights, L2-normalised, then the bias. */
static void
assert_row(const struct trainer *t, const struct smodel *m,
	   const struct dict *dict, const struct tagged *tg, const int *df,
	   size_t i)
{
	const struct sdoc *d = &tg->docs[i];
	const struct feature_node *x = t->x[i];
	int mindf = tg->n >= 20 ? 2 : 1;
	double w[256], norm = 0;
	size_t j, k, kept = 0;
	int32_t v;

	assert_true(d->n <= 256);
	for (j = 0; j < d->n; j++) {
		float idf = (float)(log((tg->n + 1.0) / (df[d->ids[j]] + 1.0)) +
				    1.0);

		w[j] = df[d->ids[j]] >= mindf ?
			       (1.0 + log(d->counts[j])) * idf : 0;
		norm += w[j] * w[j];
		kept += w[j] > 0;
	}
	norm = sqrt(norm);
	for (k = 0; x[k].index != t->nfeat + 1; k++) {
		const char *name = m->vocab.names[x[k].index - 1];

		assert_int_equal(dict_id((struct dict *)dict, name,
					 strlen(name), false, &v), 1);
		for (j = 0; j < d->n && d->ids[j] != v; j++)
			;
		assert_true(j < d->n && w[j] > 0);
		assert_true(fabs(x[k].value - w[j] / norm) < 1e-12);
	}
	assert_int_equal(k, kept);
	assert_true(x[k].value == 1);
	assert_int_equal(x[k + 1].index, -1);
}

static void
test_streamed_rows(void **state)
{
	static const char *const words[] = {
		"水源", "森林", "湿地", "课程", "学位", "校园", "草原", "考试",
	};
	struct fixture *f = *state;
	struct store *s = f->s;
	int64_t scheme, env = test_theme_id(s, "城乡建设、环境保护"),
		edu = test_theme_id(s, "科技、教育");
	struct trainer t;
	struct smodel m, held;
	struct dict dict = {0};
	struct tagged tg;
	char body[512];
	unsigned char *a, *b;
	size_t i, j, alen, blen, *idx;
	int *df;

	/* 24 documents of two themes, each with words of its own (kept in
	 * two documents or more, dropped when in one) */
	for (i = 0; i < 24; i++) {
		snprintf(body, sizeof(body), "%s%s，第%zu次%s。",
			 i % 2 ? edu_body : env_body, words[i % 8], i,
			 words[(i * 5) % 8]);
		assert_int_equal(store_tag(s, 0, add_doc(s, i % 3 ? "工作意见" :
							 "实施方案", "", body),
					   i % 2 ? edu : env), JUAN_OK);
	}
	assert_int_equal(store_scheme_resolve(s, 0, &scheme), JUAN_OK);
	assert_int_equal(tagged_rows(s, scheme, &t, &m), JUAN_OK);
	assert_int_equal(tagged_read(s, scheme, &dict, false, &tg), JUAN_OK);
	assert_int_equal(t.rows, 24);
	assert_int_equal(t.n, 24);
	assert_true(t.used <= t.room);
	assert_non_null(df = calloc(dict.n, sizeof(*df)));
	for (i = 0; i < tg.n; i++)
		for (j = 0; j < tg.docs[i].n; j++)
			df[tg.docs[i].ids[j]]++;
	for (i = 0; i < tg.n; i++) {
		assert_row(&t, &m, &dict, &tg, df, i);
		/* the classes are the themes in id order */
		assert_true(t.y[i] == (tg.docs[i].theme == (env < edu ? env : edu) ?
				       0 : 1));
	}
	/* the in-memory build (juan suggest --evaluate) trains the same */
	assert_non_null(idx = malloc(tg.n * sizeof(*idx)));
	for (i = 0; i < tg.n; i++)
		idx[i] = i;
	/* LIBLINEAR's solver shuffles with rand(): each from its start */
	srand(1);
	assert_int_equal(trainer_finish(&t, &m), JUAN_OK);
	srand(1);
	assert_int_equal(smodel_train(&dict, tg.docs, idx, tg.n, &held),
			 JUAN_OK);
	held.last = m.last;
	assert_int_equal(smodel_save(&m, &a, &alen), JUAN_OK);
	assert_int_equal(smodel_save(&held, &b, &blen), JUAN_OK);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(a);
	free(b);
	free(idx);
	free(df);
	trainer_free(&t);
	smodel_clear(&m);
	smodel_clear(&held);
	tagged_free(&tg);
	dict_free(&dict);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_genre),
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_features_empty),
		cmocka_unit_test(test_topic_match),
		cmocka_unit_test_setup_teardown(test_sources, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_and_corrupt, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_accept_and_evaluate, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_streamed_rows, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
