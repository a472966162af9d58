/* Tests of coders: this store's coders and other stores' coders of a
 * scheme, their counts (pending ones too) and how a name two stores share
 * is shown and found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "juan/coders.h"
#include "juan/store.h"
#include "juan/themes.h"
#include "util.h"

/* Another store's codings, written as a changeset import would write them:
 * two coders called 阿丽 (uids differing from the 5th digit), and 小明,
 * one of whose codings is of a document this store lacks and one of
 * another scheme. */
static const char other_codings[] =
	"INSERT INTO codings(uid, coder, hash, scheme, theme, at)"
	" SELECT 'abcd1111aaaaaaaa', '阿丽', hash, 'gov-topics', '综合政务',"
	"  '2026-01-01 00:00:00' FROM documents WHERE id <= 2;"
	"INSERT INTO codings(uid, coder, hash, scheme, state, at)"
	" SELECT 'abcd2222bbbbbbbb', '阿丽', hash, 'gov-topics', 'unsure',"
	"  '2026-01-01 00:00:00' FROM documents WHERE id = 1;"
	"INSERT INTO codings(uid, coder, hash, scheme, theme, at) VALUES"
	" ('0123456789abcdef', '小明', 'ff00', 'gov-topics', '综合政务', ''),"
	" ('0123456789abcdef', '小明', 'ff01', 'other', '综合政务', ''),"
	" ('0123456789abcdef', '小明', 'ff02', 'gov-topics', '', '');";

/* This store's uid shares "abc" with the others': a fixed one, so that
 * the prefixes shown are known. */
static const char self_uid[] =
	"UPDATE settings SET value = 'abc0ffffffffffff' WHERE key = 'store.uid'";


static const struct coder *
find(const struct coder_list *l, const char *text)
{
	size_t i;

	if (coder_list_find(l, text, &i) != JUAN_OK)
		return NULL;
	return &l->v[i];
}

static void
test_own_and_others(void **state)
{
	struct fixture *f = fixture_notices("coders", 3);
	struct coder_list l = { 0 };
	char uid[CODER_UID_SIZE];
	const struct coder *c;
	int64_t theme, other;

	(void)state;
	assert_non_null(f);
	assert_int_equal(coders_self_uid(f->s, uid), JUAN_OK);
	assert_int_equal(strlen(uid), CODER_UID_LEN);
	test_run_sql(f->path, self_uid);
	assert_int_equal(coders_self_uid(f->s, uid), JUAN_OK);
	assert_string_equal(uid, "abc0ffffffffffff");
	assert_int_equal(store_theme_find(f->s, 0, "综合政务", &theme), JUAN_OK);
	assert_int_equal(store_set_coder(f->s, "阿丽"), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, 1, theme), JUAN_OK);
	assert_int_equal(store_set_state(f->s, 0, 2, TAG_STATE_UNSURE), JUAN_OK);
	assert_int_equal(store_set_coder(f->s, "老王"), JUAN_OK);
	assert_int_equal(store_secondary(f->s, 0, 3, theme, true), JUAN_OK);
	/* a secondary theme added to 阿丽's coding leaves it hers */
	assert_int_equal(store_theme_find(f->s, 0, "国务院组织机构", &other),
			 JUAN_OK);
	assert_int_equal(store_secondary(f->s, 0, 1, other, true), JUAN_OK);

	/* Alone, 阿丽 is shown by name. */
	assert_int_equal(coders_list(f->s, 0, &l), JUAN_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].display, "老王");
	assert_string_equal(l.v[1].display, "阿丽");
	assert_true(l.v[1].is_self);
	assert_string_equal(l.v[1].uid, uid);
	assert_int_equal(l.v[1].count, 2);
	assert_int_equal(l.v[0].count, 1);
	coder_list_free(&l);
	assert_null(l.v);

	test_run_sql(f->path, other_codings);
	assert_int_equal(coders_list(f->s, 0, &l), JUAN_OK);
	assert_int_equal(l.n, 5);

	/* Three 阿丽 of three stores: the two others share "abcd", so that
	 * five digits tell them apart; this store's, "abc0…", four. */
	c = find(&l, "阿丽#abcd1");
	assert_non_null(c);
	assert_false(c->is_self);
	assert_int_equal(c->count, 2);
	assert_int_equal(c->pending, 0);
	assert_string_equal(c->display, "阿丽#abcd1");
	c = find(&l, "阿丽#abcd2");
	assert_non_null(c);
	assert_int_equal(c->count, 1);
	assert_int_equal(coder_list_find(&l, "阿丽", &(size_t){ 0 }),
			 JUAN_ECONFLICT);
	assert_int_equal(coder_list_find(&l, "阿丽#abcd", &(size_t){ 0 }),
			 JUAN_ECONFLICT);
	c = find(&l, "阿丽#");
	assert_null(c);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].is_self && strcmp(l.v[i].name, "阿丽") == 0)
			c = &l.v[i];
	assert_non_null(c);
	assert_string_equal(c->display, "阿丽#abc0");
	assert_ptr_equal(find(&l, "阿丽#abc0"), c);

	/* 小明: one coding here (pending: no such document), one of another
	 * scheme, and an untagged row, which is no coding. */
	c = find(&l, "小明");
	assert_non_null(c);
	assert_string_equal(c->display, "小明");
	assert_int_equal(c->count, 1);
	assert_int_equal(c->pending, 1);
	assert_int_equal(coder_list_find(&l, "nobody", &(size_t){ 0 }),
			 JUAN_ENOTFOUND);
	coder_list_free(&l);
	assert_int_equal(fixture_free(f), 0);
}

static void
test_unknown_scheme(void **state)
{
	struct fixture *f = fixture_new("coders", "juan.db");
	struct coder_list l = { 0 };

	(void)state;
	assert_non_null(f);
	assert_int_equal(coders_list(f->s, 999, &l), JUAN_ENOTFOUND);
	assert_int_equal(l.n, 0);
	coder_list_free(&l);
	coder_list_free(NULL);
	assert_int_equal(fixture_free(f), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_and_others),
		cmocka_unit_test(test_unknown_scheme),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
