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
	{"1\t教育\t学校\t多余\n", JUAN_EINVAL, "line 1: more than three", 0,
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
	assert_int_equal(store_themes(s, &set), JUAN_OK);
	t = theme_set_find(&set, name);
	assert_non_null(t);
	assert_int_equal(store_tag(s, id, t->id), JUAN_OK);
	theme_set_free(&set);
	return id;
}

static void
test_store_default(void **state)
{
	struct fixture *f = *state;
	struct theme_set set;

	assert_int_equal(store_themes(f->s, &set), JUAN_OK);
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
	struct theme_set set, now;
	struct doc_info info = {0};
	int64_t doc;
	long lost = -1;

	doc = tagged_doc(f->s, "/a.txt", "关于做好2024年教育工作的通知",
			 "科技、教育");
	/* the same theme, now first and with another key; a key swap */
	parse_or_fail("科技、教育\t新的说明\n1\t其他\t\n", &set);
	assert_int_equal(store_themes_load(f->s, &set, false, &lost), JUAN_OK);
	assert_int_equal(lost, 0);
	theme_set_free(&set);
	assert_int_equal(store_themes(f->s, &now), JUAN_OK);
	assert_int_equal(now.n, 2);
	assert_string_equal(now.themes[0].name, "科技、教育");
	assert_string_equal(now.themes[0].description, "新的说明");
	assert_int_equal(now.themes[0].key, '2');
	assert_int_equal(now.themes[0].docs, 1);
	assert_string_equal(now.themes[1].name, "其他");
	assert_int_equal(now.themes[1].key, '1');
	assert_int_equal(store_doc_info(f->s, doc, &info), JUAN_OK);
	assert_string_equal(info.theme_name, "科技、教育");
	assert_int_equal(info.theme_key, '2');
	assert_int_equal(info.theme_id, now.themes[0].id);
	doc_info_clear(&info);
	theme_set_free(&now);
}

static int
last_change(const struct history_entry *e, void *ctx)
{
	char *change = ctx;

	snprintf(change, 128, "%s>%s", e->old_theme, e->new_theme);
	return 0;
}

static void
test_load_conflict(void **state)
{
	struct fixture *f = *state;
	struct theme_set set, now;
	struct doc_info info = {0};
	char change[128] = "";
	int64_t a, b, c, undone = 0;
	long lost = -1, total, tagged;

	a = tagged_doc(f->s, "/a.txt", "关于印发义务教育课程方案的通知",
		       "科技、教育");
	b = tagged_doc(f->s, "/b.txt", "关于开展安全生产大检查的通知",
		       "市场监管、安全生产监管");
	c = tagged_doc(f->s, "/c.txt", "关于加强外事工作的意见", "对外事务");
	parse_or_fail("义务教育\t\n高中教育\t\n对外事务\t\n", &set);

	assert_int_equal(store_themes_load(f->s, &set, false, &lost),
			 JUAN_ECONFLICT);
	assert_int_equal(lost, 2);
	assert_non_null(strstr(store_error(f->s), "2 documents"));
	assert_int_equal(store_themes(f->s, &now), JUAN_OK);
	assert_int_equal(now.n, 22);
	theme_set_free(&now);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(tagged, 3);

	lost = -1;
	assert_int_equal(store_themes_load(f->s, &set, true, &lost), JUAN_OK);
	assert_int_equal(lost, 2);
	theme_set_free(&set);
	assert_int_equal(store_themes(f->s, &now), JUAN_OK);
	assert_int_equal(now.n, 3);
	assert_int_equal(now.themes[2].docs, 1);
	theme_set_free(&now);
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(total, 3);
	assert_int_equal(tagged, 1);
	assert_int_equal(store_doc_info(f->s, a, &info), JUAN_OK);
	assert_int_equal(info.theme_id, 0);
	assert_string_equal(info.theme_name, "");
	doc_info_clear(&info);
	assert_int_equal(store_doc_info(f->s, b, &info), JUAN_OK);
	assert_int_equal(info.theme_key, 0);
	doc_info_clear(&info);
	/* the lost themes are in the history, and cannot be undone */
	assert_int_equal(store_history(f->s, a, last_change, &change),
			 JUAN_OK);
	assert_string_equal(change, "科技、教育>");
	assert_int_equal(store_undo(f->s, &undone), JUAN_OK);
	assert_int_equal(undone, c);
	assert_int_equal(store_doc_info(f->s, a, &info), JUAN_OK);
	assert_int_equal(info.theme_id, 0);
	doc_info_clear(&info);
}

static void
test_load_rejects_bad_set(void **state)
{
	struct fixture *f = *state;
	struct theme_set empty = {0};
	struct theme_set set;

	assert_int_equal(store_themes_load(f->s, &empty, true, NULL),
			 JUAN_EINVAL);
	parse_or_fail("科技\t\n", &set);
	set.themes[0].key = 0;
	assert_int_equal(store_themes_load(f->s, &set, true, NULL),
			 JUAN_EINVAL);
	theme_set_free(&set);
	assert_int_equal(store_themes(f->s, &set), JUAN_OK);
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
		cmocka_unit_test_setup_teardown(test_load_conflict, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_load_rejects_bad_set,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
