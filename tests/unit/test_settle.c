/* Tests of settle: the other coders' codings of a document, labelled, and
 * adopting one — its theme or its state none (which drops the secondary
 * themes), as one change that undo reverts whole, its history rows naming
 * the source; a theme this store lacks, an unknown coding, an adoption
 * that changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "juan/settle.h"
#include "juan/store.h"
#include "juan/themes.h"
#include "util.h"

/* Codings as a changeset import writes them: 小明 gave document 1 the
 * theme 国务院组织机构 and a note, document 2 the state none; 阿丽 gave
 * document 1 a theme this store's scheme does not have. */
static const char codings[] =
	"INSERT INTO codings(uid, coder, hash, scheme, theme, note)"
	" SELECT '0123456789abcdef', '小明', hash, 'gov-topics',"
	"  '国务院组织机构', '见第二条' FROM documents WHERE id = 1;"
	"INSERT INTO codings(uid, coder, hash, scheme, state)"
	" SELECT '0123456789abcdef', '小明', hash, 'gov-topics', 'none'"
	"  FROM documents WHERE id = 2;"
	"INSERT INTO codings(uid, coder, hash, scheme, theme)"
	" SELECT 'fedcba9876543210', '阿丽', hash, 'gov-topics', '天文'"
	"  FROM documents WHERE id = 1;";

/* The main theme's name and the state of document doc. */
static void
coding_of(struct store *s, int64_t doc, char *buf, size_t size)
{
	struct doc_info info = { 0 };

	assert_int_equal(store_doc_info(s, doc, &info), JUAN_OK);
	snprintf(buf, size, "%s|%s|%zu", info.theme_name,
		 tag_state_name(info.state), info.nsecondary);
	doc_info_clear(&info);
}

struct sources {
	char text[512];
	size_t len;
};

static int
collect_source(const struct history_entry *e, void *ctx)
{
	struct sources *src = ctx;

	if (strcmp(e->op, "tag") == 0 && src->len < sizeof(src->text))
		src->len += (size_t)snprintf(src->text + src->len,
					     sizeof(src->text) - src->len,
					     "%s:%s→%s@%s;", e->field,
					     e->old_value, e->new_value,
					     e->source);
	return 0;
}

static void
test_codings(void **state)
{
	struct fixture *f = fixture_notices("settle", 3);
	struct coding_list l = { 0 };

	(void)state;
	assert_non_null(f);
	assert_int_equal(test_sql(f->path, codings), 0);
	assert_int_equal(store_doc_codings(f->s, 0, 1, &l), JUAN_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].label, "小明");
	assert_string_equal(l.v[0].theme, "国务院组织机构");
	assert_string_equal(l.v[0].note, "见第二条");
	assert_string_equal(l.v[1].label, "阿丽");
	coding_list_free(&l);
	assert_int_equal(store_doc_codings(f->s, 0, 3, &l), JUAN_OK);
	assert_int_equal(l.n, 0);
	coding_list_free(&l);
	assert_int_equal(fixture_free(f), 0);
}

static void
test_adopt(void **state)
{
	struct fixture *f = fixture_notices("adopt", 3);
	struct sources src = { "", 0 };
	struct history_filter hf = { 0 };
	char now[256];
	bool changed = false;

	(void)state;
	assert_non_null(f);
	assert_int_equal(test_sql(f->path, codings), 0);
	assert_int_equal(store_set_coder(f->s, "老王"), JUAN_OK);
	assert_int_equal(store_tag(f->s, 0, 1, test_theme_id(f->s, "综合政务")),
			 JUAN_OK);
	assert_int_equal(store_secondary(f->s, 0, 1, test_theme_id(f->s, "国务院组织机构"),
					 true), JUAN_OK);
	assert_int_equal(store_set_state(f->s, 0, 1, TAG_STATE_UNSURE),
			 JUAN_OK);

	/* the theme: the secondary theme it was goes, the state follows */
	assert_int_equal(store_adopt(f->s, 0, 1, "0123456789abcdef", "小明",
				     &changed), JUAN_OK);
	assert_true(changed);
	coding_of(f->s, 1, now, sizeof(now));
	assert_string_equal(now, "国务院组织机构||0");
	hf.doc = 1;
	assert_int_equal(store_history(f->s, &hf, collect_source, &src),
			 JUAN_OK);
	assert_non_null(strstr(src.text, "theme:综合政务→国务院组织机构@小明#"
			       "0123456789abcdef;"));
	assert_non_null(strstr(src.text, "state:unsure→@小明#0123456789abcdef;"));
	assert_non_null(strstr(src.text, "theme:→综合政务@;"));

	/* again: nothing changes, nothing is recorded */
	assert_int_equal(store_adopt(f->s, 0, 1, "0123456789abcdef", "小明",
				     &changed), JUAN_OK);
	assert_false(changed);

	/* one undo reverts the whole adoption */
	assert_int_equal(store_undo(f->s, NULL), JUAN_OK);
	coding_of(f->s, 1, now, sizeof(now));
	assert_string_equal(now, "综合政务|unsure|1");

	/* the state none: the theme and the secondary themes go */
	assert_int_equal(store_tag(f->s, 0, 2, test_theme_id(f->s, "综合政务")),
			 JUAN_OK);
	assert_int_equal(store_secondary(f->s, 0, 2, test_theme_id(f->s, "国务院组织机构"),
					 true), JUAN_OK);
	assert_int_equal(store_adopt(f->s, 0, 2, "0123456789abcdef", "小明",
				     &changed), JUAN_OK);
	coding_of(f->s, 2, now, sizeof(now));
	assert_string_equal(now, "|none|0");
	assert_int_equal(store_undo(f->s, NULL), JUAN_OK);
	coding_of(f->s, 2, now, sizeof(now));
	assert_string_equal(now, "综合政务||1");

	/* a theme this scheme lacks; a coding that does not exist */
	assert_int_equal(store_adopt(f->s, 0, 1, "fedcba9876543210", "阿丽",
				     &changed), JUAN_EINVAL);
	assert_non_null(strstr(store_error(f->s), "天文"));
	coding_of(f->s, 1, now, sizeof(now));
	assert_string_equal(now, "综合政务|unsure|1");
	assert_int_equal(store_adopt(f->s, 0, 3, "0123456789abcdef", "小明",
				     &changed), JUAN_ENOTFOUND);
	assert_int_equal(store_adopt(f->s, 0, 99, "0123456789abcdef", "小明",
				     &changed), JUAN_ENOTFOUND);
	assert_int_equal(fixture_free(f), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codings),
		cmocka_unit_test(test_adopt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
