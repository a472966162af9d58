/* Tests of themes: TSV parsing, keys, and loading sets into a store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juan/store.h"
#include "juan/themes.h"
#include "util.h"

struct parse_case {
	const char *tsv;
	enum juan_status rc;
	const char *why;  /* a part of the message on failure */
	size_t n;         /* themes on success */
	const char *keys; /* their keys, in order */
};

static const struct parse_case parse_cases[] = {
	{"科技\t科技、知识产权\n教育\t学校与教师\n", JUAN_OK, NULL, 2, "12"},
	{"# 注释\n\n科技\t\n  \n教育\n", JUAN_OK, NULL, 2, "12"},
	{"科技\tCRLF 行\r\n教育\t学校\r\n", JUAN_OK, NULL, 2, "12"},
	{"\xEF\xBB\xBF" "3\t科技\t带 BOM\n教育\t\n", JUAN_OK, NULL, 2, "31"},
	/* an explicit key later in the file is taken before keys are handed
	 * out */
	{"综合\t\nb\t科技\t\n1\t教育\t\n卫生\t\n", JUAN_OK, NULL, 4, "2b13"},
	{"Z\t对外事务\t外交\n", JUAN_OK, NULL, 1, "Z"},
	{"科技\t\n科技\t重复\n", JUAN_EINVAL, "line 2: duplicate theme name "
	 "\"科技\" (first on line 1)", 0, NULL},
	{"# 头\n7\t科技\t\n\n7\t教育\t\n", JUAN_EINVAL, "line 4: duplicate "
	 "key \"7\" (first on line 2)", 0, NULL},
	/* any printable key: the browser, not the store, checks its bindings */
	{"j\t科技\t\n", JUAN_OK, NULL, 1, "j"},
	{"科技\t\n?\t教育\t\n", JUAN_OK, NULL, 2, "1?"},
	{"0\t教育\t\n", JUAN_OK, NULL, 1, "0"},
	{"ab\t教育\t学校\n", JUAN_EINVAL, "line 1: key \"ab\" is not one", 0,
	 NULL},
	{"科\t教育\t学校\n", JUAN_EINVAL, "is not one printable ASCII", 0,
	 NULL},
	{"1\t教育\t学校\t上级\t多余\n", JUAN_EINVAL, "line 1: more than four",
	 0, NULL},
	/* parents: a fourth field, or parent/child in the name */
	{"环境\t\n环境/大气\t\n\t水\t\t环境\n", JUAN_OK, NULL, 3, "123"},
	{"1\t教育\t学校\t上级\n", JUAN_EINVAL, "line 1: parent \"上级\" of "
	 "\"教育\" is not a theme of the file", 0, NULL},
	{"甲\t\n海洋/水\t\n", JUAN_EINVAL, "line 2: parent \"海洋\"", 0, NULL},
	{"\t甲\t\t乙\n\t乙\t\t丙\n\t丙\t\t甲\n", JUAN_EINVAL,
	 "line 1: \"甲\" is its own ancestor", 0, NULL},
	{"\t甲\t\t甲\n", JUAN_EINVAL, "its own ancestor", 0, NULL},
	{"甲/\t\n", JUAN_EINVAL, "line 1: empty theme name", 0, NULL},
	{"环境\t\n\t水\t\t环境\n环境/水\t\n", JUAN_EINVAL,
	 "line 3: duplicate theme name \"水\"", 0, NULL},
	/* text a terminal would take for commands, or no text at all */
	{"甲\t\n\xff\xfe\t\n", JUAN_EINVAL, "line 2: not UTF-8 text", 0, NULL},
	{"甲\x1b[31m\t\n", JUAN_EINVAL, "line 1: not UTF-8 text, or a control",
	 0, NULL},
	{"甲\t说明\xe2\x80\xae反\n", JUAN_EINVAL, "line 1: not UTF-8", 0,
	 NULL},
	{"\t学校\n", JUAN_EINVAL, "line 1: empty theme name", 0, NULL},
	{"# 只有注释\n\n", JUAN_EINVAL, "no themes", 0, NULL},
	{"", JUAN_EINVAL, "no themes", 0, NULL},
};

static void
test_parse_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		const struct parse_case *c = &parse_cases[i];
		struct theme_set set;
		char why[256];
		enum juan_status rc;
		size_t k;

		rc = theme_set_parse(c->tsv, strlen(c->tsv), &set, why,
				     sizeof(why));
		if (rc != c->rc || (c->why && !strstr(why, c->why)))
			fail_msg("case %zu: status %d, why \"%s\"", i, rc,
				 why);
		if (rc != JUAN_OK) {
			assert_null(set.themes);
			assert_int_equal(set.n, 0);
			continue;
		}
		assert_int_equal(set.n, c->n);
		for (k = 0; k < set.n; k++) {
			assert_int_equal(set.themes[k].key, c->keys[k]);
			assert_int_equal(set.themes[k].position, (int)k);
			assert_int_equal(set.themes[k].id, 0);
		}
		theme_set_free(&set);
		assert_null(set.themes);
	}
}

static void
test_parse_fields(void **state)
{
	const char tsv[] = "科技、教育\t科技、教育、知识产权\n"
			   "y\t对外事务\t外交、对外交流\n";
	const char *bom = "\xEF\xBB\xBF" "科技\t\n";
	const char *tsv_parents;
	struct theme_set set;
	char why[256];

	(void)state;
	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_string_equal(set.themes[0].name, "科技、教育");
	assert_string_equal(set.themes[0].description, "科技、教育、知识产权");
	theme_set_free(&set);
	assert_int_equal(theme_set_parse(bom, strlen(bom), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_string_equal(set.themes[0].name, "科技");
	theme_set_free(&set);
	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_string_equal(set.themes[1].name, "对外事务");
	assert_string_equal(set.themes[1].description, "外交、对外交流");
	assert_int_equal(set.themes[1].key, 'y');
	assert_string_equal(set.themes[1].parent, "");
	theme_set_free(&set);
	tsv_parents = "环境\t\n环境/大气\t空气\nq\t水\t\t环境\n";
	assert_int_equal(theme_set_parse(tsv_parents, strlen(tsv_parents), &set,
					 why, sizeof(why)), JUAN_OK);
	assert_string_equal(set.themes[1].name, "大气");
	assert_string_equal(set.themes[1].parent, "环境");
	assert_string_equal(set.themes[1].description, "空气");
	assert_string_equal(set.themes[2].name, "水");
	assert_string_equal(set.themes[2].parent, "环境");
	assert_int_equal(set.themes[2].key, 'q');
	theme_set_free(&set);
}

static void
test_keys_run_out(void **state)
{
	size_t nkeys = strlen(THEME_KEYS);
	char *tsv = malloc((nkeys + 1) * 16);
	struct theme_set set;
	char why[256], expect[32];
	size_t i, len = 0;

	(void)state;
	for (i = 0; i < nkeys; i++)
		len += (size_t)sprintf(tsv + len, "主题%zu\t\n", i);
	assert_int_equal(theme_set_parse(tsv, len, &set, why, sizeof(why)),
			 JUAN_OK);
	assert_int_equal(set.n, nkeys);
	for (i = 0; i < nkeys; i++)
		assert_int_equal(set.themes[i].key, THEME_KEYS[i]);
	theme_set_free(&set);
	len += (size_t)sprintf(tsv + len, "多一个\t\n");
	assert_int_equal(theme_set_parse(tsv, len, &set, why, sizeof(why)),
			 JUAN_EINVAL);
	snprintf(expect, sizeof(expect), "line %zu: more themes", nkeys + 1);
	assert_non_null(strstr(why, expect));
	free(tsv);
}

static void
test_find(void **state)
{
	const char tsv[] = "科技\t\n2\t教育\t\n";
	struct theme_set set;
	char why[64];

	(void)state;
	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_ptr_equal(theme_set_find(&set, "科技"), &set.themes[0]);
	assert_ptr_equal(theme_set_find(&set, "2"), &set.themes[1]);
	assert_ptr_equal(theme_set_find(&set, "1"), &set.themes[0]);
	assert_null(theme_set_find(&set, "卫生"));
	assert_null(theme_set_find(&set, "3"));
	assert_null(theme_set_find(&set, ""));
	theme_set_free(&set);
}

static void
test_default_set(void **state)
{
	const char *tsv = themes_default_tsv();
	struct theme_set set;
	char why[256];

	(void)state;
	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_int_equal(set.n, 22);
	assert_string_equal(set.themes[0].name, "国务院组织机构");
	assert_int_equal(set.themes[0].key, '1');
	assert_int_equal(set.themes[9].key, 'b');
	assert_string_equal(set.themes[21].name, "其他");
	theme_set_free(&set);
}

/* ---- the store ------------------------------------------------------ */

static int
setup(void **state)
{
	*state = fixture_new("themes", "juan.db");
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

static void
parse_or_fail(const char *tsv, struct theme_set *set)
{
	char why[256];

	if (theme_set_parse(tsv, strlen(tsv), set, why, sizeof(why)) !=
	    JUAN_OK)
		fail_msg("%s", why);
}

/* A document tagged with the theme named name. */
static int64_t
tagged_doc(struct store *s, const char *path, const char *text,
	   const char *name)
{
	struct doc d = {0};
	struct theme_set set;
	const struct theme *t;
	int64_t id;

	d.body_len = strlen(text);
	d.meta.title = d.meta.issuer = d.meta.date = d.meta.docno = "";
	d.meta.published = d.meta.topic = d.meta.source = "";
	assert_int_equal(store_put(s, path, text, strlen(text), &d, NULL,
				   &id), JUAN_OK);
	assert_int_equal(store_themes(s, 0, &set), JUAN_OK);
	t = theme_set_find(&set, name);
	assert_non_null(t);
	assert_int_equal(store_tag(s, 0, id, t->id), JUAN_OK);
	theme_set_free(&set);
	return id;
}

static void
test_store_default(void **state)
{
	struct fixture *f = *state;
	struct theme_set set;

	assert_int_equal(store_themes(f->s, 0, &set), JUAN_OK);
	assert_int_equal(set.n, 22);
	assert_string_equal(set.themes[10].name, "科技、教育");
	assert_int_equal(set.themes[10].key, 'c');
	assert_true(set.themes[10].id > 0);
	assert_int_equal(set.themes[10].docs, 0);
	theme_set_free(&set);
}

static void
test_load_keeps_surviving(void **state)
{
	struct fixture *f = *state;
	struct theme_load_result res;
	struct theme_set set, now;
	struct doc_info info = {0};
	int64_t doc;

	doc = tagged_doc(f->s, "/a.txt", "关于做好2024年教育工作的通知",
			 "科技、教育");
	/* the same theme, now first and with another key; a key swap */
	parse_or_fail("科技、教育\t新的说明\n1\t其他\t\n", &set);
	assert_int_equal(store_themes_load(f->s, "gov-topics", &set, &res),
			 JUAN_OK);
	assert_false(res.created);
	assert_int_equal(res.kept, 2);
	assert_int_equal(res.added, 0);
	assert_int_equal(res.retired, 20);
	theme_set_free(&set);
	assert_int_equal(store_themes(f->s, 0, &now), JUAN_OK);
	assert_int_equal(now.n, 22);
	assert_string_equal(now.themes[0].name, "科技、教育");
	assert_string_equal(now.themes[0].description, "新的说明");
	assert_int_equal(now.themes[0].key, '2');
	assert_int_equal(now.themes[0].docs, 1);
	assert_false(now.themes[0].retired);
	assert_string_equal(now.themes[1].name, "其他");
	assert_int_equal(now.themes[1].key, '1');
	/* the others are retired: kept, without a key */
	assert_true(now.themes[2].retired);
	assert_int_equal(now.themes[2].key, 0);
	assert_int_equal(store_doc_info(f->s, doc, &info), JUAN_OK);
	assert_string_equal(info.theme_name, "科技、教育");
	assert_int_equal(info.theme_key, '2');
	assert_int_equal(info.theme_id, now.themes[0].id);
	doc_info_clear(&info);
	theme_set_free(&now);
}

static int
count_rows(const struct history_entry *e, void *ctx)
{
	(void)e;
	(*(int64_t *)ctx)++;
	return 0;
}

static void
test_load_retires_and_revives(void **state)
{
	struct fixture *f = *state;
	struct theme_load_result res;
	struct theme_set set, now;
	struct doc_info info = {0};
	const char *tsv = themes_default_tsv();
	int64_t a, b, c, hist_before = 0, total_rows = 0;
	long total, tagged;

	a = tagged_doc(f->s, "/a.txt", "关于印发义务教育课程方案的通知",
		       "科技、教育");
	b = tagged_doc(f->s, "/b.txt", "关于开展安全生产大检查的通知",
		       "市场监管、安全生产监管");
	c = tagged_doc(f->s, "/c.txt", "关于加强外事工作的意见", "对外事务");
	(void)b;
	assert_int_equal(store_history(f->s, NULL, count_rows, &hist_before),
			 JUAN_OK);
	parse_or_fail("义务教育\t\n高中教育\t\n对外事务\t\n", &set);
	assert_int_equal(store_themes_load(f->s, "gov-topics", &set, &res),
			 JUAN_OK);
	theme_set_free(&set);
	assert_int_equal(res.added, 2);
	assert_int_equal(res.kept, 1);
	assert_int_equal(res.retired, 21);
	/* every tag is still there; the retired ones say so */
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(tagged, 3);
	assert_int_equal(store_doc_info(f->s, a, &info), JUAN_OK);
	assert_string_equal(info.theme_name, "科技、教育");
	assert_true(info.theme_retired);
	assert_int_equal(info.theme_key, 'c');
	doc_info_clear(&info);
	assert_int_equal(store_doc_info(f->s, c, &info), JUAN_OK);
	assert_false(info.theme_retired);
	doc_info_clear(&info);
	/* a retired key is free for another theme */
	assert_int_equal(store_themes(f->s, 0, &now), JUAN_OK);
	assert_int_equal(now.n, 24);
	assert_string_equal(now.themes[0].name, "义务教育");
	assert_int_equal(now.themes[0].key, '1');
	theme_set_free(&now);
	/* loading the old set again revives them */
	parse_or_fail(tsv, &set);
	assert_int_equal(store_themes_load(f->s, "gov-topics", &set, &res),
			 JUAN_OK);
	theme_set_free(&set);
	assert_int_equal(res.revived, 21);
	assert_int_equal(res.kept, 1);
	assert_int_equal(res.retired, 2);
	assert_int_equal(store_doc_info(f->s, a, &info), JUAN_OK);
	assert_string_equal(info.theme_name, "科技、教育");
	assert_false(info.theme_retired);
	doc_info_clear(&info);
	/* and no load wrote to the history */
	assert_int_equal(store_history(f->s, NULL, count_rows, &total_rows),
			 JUAN_OK);
	assert_int_equal(total_rows, hist_before);
}

static void
test_load_rejects_bad_set(void **state)
{
	struct fixture *f = *state;
	struct theme_set empty = {0};
	struct theme_set set;

	assert_int_equal(store_themes_load(f->s, "gov-topics", &empty, NULL),
			 JUAN_EINVAL);
	parse_or_fail("科技\t\n", &set);
	set.themes[0].key = 0;
	assert_int_equal(store_themes_load(f->s, "gov-topics", &set, NULL),
			 JUAN_EINVAL);
	set.themes[0].key = 'x';
	assert_int_equal(store_themes_load(f->s, "", &set, NULL), JUAN_EINVAL);
	theme_set_free(&set);
	assert_int_equal(store_themes(f->s, 0, &set), JUAN_OK);
	assert_int_equal(set.n, 22);
	theme_set_free(&set);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_parse_fields),
		cmocka_unit_test(test_keys_run_out),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_default_set),
		cmocka_unit_test_setup_teardown(test_store_default, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_keeps_surviving,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_retires_and_revives,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_rejects_bad_set,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
