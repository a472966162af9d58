/* Tests of sync: a store's codings exported as a changeset and imported
 * into another; the same file twice; an older and a newer file in both
 * orders; a file cut at every length; a store's own file; a store
 * whose table of codings has another shape. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "juan/coders.h"
#include "juan/file.h"
#include "juan/store.h"
#include "juan/sync.h"
#include "juan/themes.h"
#include "util.h"


/* The other coders' codings of the store at path, one line each. */
static char *
codings_of(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	size_t len = 0;
	char *out = calloc(1, 1);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT coder || '|' ||"
		" substr(hash, 1, 8) || '|' || scheme || '|' || theme || '|' ||"
		" state FROM codings ORDER BY 1", -1, &stmt, NULL), SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *row = (const char *)sqlite3_column_text(stmt, 0);

		out = realloc(out, len + strlen(row) + 2);
		assert_non_null(out);
		len += (size_t)sprintf(out + len, "%s\n", row);
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return out;
}

static void
tag(struct store *s, const char *coder, int64_t doc, const char *theme)
{
	int64_t id;

	assert_int_equal(store_set_coder(s, coder), JUAN_OK);
	assert_int_equal(store_theme_find(s, 0, theme, &id), JUAN_OK);
	assert_int_equal(store_tag(s, 0, doc, id), JUAN_OK);
}

static void
test_round_trip(void **state)
{
	struct fixture *a = fixture_notices("sync-a", 3);
	struct fixture *b = fixture_notices("sync-b", 3);
	struct sync_export_result ex;
	struct sync_import_result im;
	struct coder_list l = { 0 };
	char file[256];

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	tag(a->s, "甲", 1, "综合政务");
	tag(a->s, "甲", 2, "综合政务");
	assert_int_equal(store_set_state(a->s, 0, 3, TAG_STATE_UNSURE), JUAN_OK);
	snprintf(file, sizeof(file), "%s/a.jsync", a->dir);
	assert_int_equal(sync_export(a->s, file, NULL, &ex), JUAN_OK);
	assert_int_equal(ex.codings, 3);
	assert_int_equal(ex.history, 3);
	assert_int_equal(ex.last, 3);

	assert_int_equal(sync_import(b->s, file, &im), JUAN_OK);
	assert_false(im.own);
	assert_int_equal(im.codings, 3);
	assert_int_equal(im.added, 3);
	assert_int_equal(im.history_added, 3);
	assert_int_equal(im.pending, 0);
	assert_int_equal(im.ncoders, 1);
	assert_string_equal(im.coders[0], "甲");
	sync_import_result_clear(&im);
	assert_int_equal(coders_list(b->s, 0, &l), JUAN_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].display, "甲");
	assert_false(l.v[0].is_self);
	assert_int_equal(l.v[0].count, 3);
	coder_list_free(&l);

	/* The same file again changes nothing. */
	assert_int_equal(sync_import(b->s, file, &im), JUAN_OK);
	assert_int_equal(im.added, 0);
	assert_int_equal(im.replaced, 0);
	assert_int_equal(im.kept, 3);
	assert_int_equal(im.history_added, 0);
	sync_import_result_clear(&im);

	/* Its own file is skipped. */
	assert_int_equal(sync_import(a->s, file, &im), JUAN_OK);
	assert_true(im.own);
	sync_import_result_clear(&im);

	/* Nothing changed since: an empty export after the last one. */
	assert_int_equal(sync_export(a->s, file, NULL, &ex), JUAN_OK);
	assert_int_equal(ex.codings, 0);
	assert_int_equal(ex.first, 3);
	assert_int_equal(fixture_free(a), 0);
	assert_int_equal(fixture_free(b), 0);
}

static void
test_any_order(void **state)
{
	struct fixture *a = fixture_notices("sync-a", 2);
	struct fixture *b = fixture_notices("sync-b", 2);
	struct fixture *c = fixture_notices("sync-c", 2);
	struct sync_import_result im;
	char old[256], new[256], *in_b, *in_c;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	tag(a->s, "甲", 1, "综合政务");
	assert_int_equal(test_sql(a->path,
		"UPDATE history SET at = datetime(at, '-1 hour')"), 0);
	snprintf(old, sizeof(old), "%s/old.jsync", a->dir);
	snprintf(new, sizeof(new), "%s/new.jsync", a->dir);
	assert_int_equal(sync_export(a->s, old, NULL, NULL), JUAN_OK);
	tag(a->s, "甲", 1, "国务院组织机构");
	assert_int_equal(sync_export(a->s, new, NULL, NULL), JUAN_OK);

	assert_int_equal(sync_import(b->s, old, &im), JUAN_OK);
	sync_import_result_clear(&im);
	assert_int_equal(sync_import(b->s, new, &im), JUAN_OK);
	assert_int_equal(im.replaced, 1);
	sync_import_result_clear(&im);
	assert_int_equal(sync_import(c->s, new, &im), JUAN_OK);
	sync_import_result_clear(&im);
	assert_int_equal(sync_import(c->s, old, &im), JUAN_OK);
	assert_int_equal(im.kept, 1);
	assert_int_equal(im.replaced, 0);
	sync_import_result_clear(&im);
	in_b = codings_of(b->path);
	in_c = codings_of(c->path);
	assert_string_equal(in_b, in_c);
	assert_non_null(strstr(in_b, "|国务院组织机构|"));
	free(in_b);
	free(in_c);
	assert_int_equal(fixture_free(a), 0);
	assert_int_equal(fixture_free(b), 0);
	assert_int_equal(fixture_free(c), 0);
}

struct bytes {
	const char *data;
	size_t len;
};

static enum juan_status
fill(FILE *out, void *ctx)
{
	const struct bytes *b = ctx;

	return fwrite(b->data, 1, b->len, out) == b->len ? JUAN_OK : JUAN_EIO;
}

/* A file cut at every length short of its own is refused, and the store
 * stays as it was. */
static void
test_every_cut(void **state)
{
	struct fixture *a = fixture_notices("sync-a", 2);
	struct fixture *b = fixture_notices("sync-b", 2);
	struct sync_import_result im;
	char file[256], cut[256], err[256];
	struct bytes part;
	char *data, *before, *after;
	size_t len;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	tag(a->s, "甲", 1, "综合政务");
	assert_int_equal(store_set_note(a->s, 2, "再看"), JUAN_OK);
	snprintf(file, sizeof(file), "%s/a.jsync", a->dir);
	snprintf(cut, sizeof(cut), "%s/cut.jsync", b->dir);
	assert_int_equal(sync_export(a->s, file, NULL, NULL), JUAN_OK);
	assert_int_equal(file_read(file, &data, &len), JUAN_OK);
	before = codings_of(b->path);
	for (size_t n = 0; n < len; n++) {
		part.data = data;
		part.len = n;
		assert_int_equal(file_write(cut, NULL, fill, &part, err,
					    sizeof(err)), JUAN_OK);
		assert_int_equal(sync_import(b->s, cut, &im), JUAN_EINVAL);
		assert_non_null(strstr(store_error(b->s), cut));
		sync_import_result_clear(&im);
	}
	after = codings_of(b->path);
	assert_string_equal(before, after);
	assert_int_equal(sync_import(b->s, file, &im), JUAN_OK);
	assert_int_equal(im.added, 2);
	sync_import_result_clear(&im);
	free(before);
	free(after);
	free(data);
	assert_int_equal(fixture_free(a), 0);
	assert_int_equal(fixture_free(b), 0);
}

/* A store whose table of codings has another shape (a later schema's)
 * refuses the file instead of letting SQLite skip its rows. */
static void
test_other_shape(void **state)
{
	struct fixture *a = fixture_notices("sync-a", 1);
	struct fixture *b = fixture_notices("sync-b", 1);
	struct sync_import_result im;
	char file[256];

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	tag(a->s, "甲", 1, "综合政务");
	snprintf(file, sizeof(file), "%s/a.jsync", a->dir);
	assert_int_equal(sync_export(a->s, file, NULL, NULL), JUAN_OK);
	assert_int_equal(test_sql(b->path,
		"ALTER TABLE codings ADD COLUMN extra TEXT"), 0);
	assert_int_equal(sync_import(b->s, file, &im), JUAN_EDB);
	assert_non_null(strstr(store_error(b->s), "have 10 and 10 columns "
			       "where the file's have 9 and 10"));
	sync_import_result_clear(&im);
	assert_int_equal(fixture_free(a), 0);
	assert_int_equal(fixture_free(b), 0);
}

/* A file whose secondary themes carry an escape sequence (written by a
 * store changed behind juan's back) is refused whole: a list of names is
 * checked name by name, not let through because it holds a tab. */
static void
test_escape_in_secondary(void **state)
{
	struct fixture *a = fixture_notices("sync-esc-a", 1);
	struct fixture *b = fixture_notices("sync-esc-b", 1);
	struct sync_import_result im = { 0 };
	char file[256], *got;
	int64_t id;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	tag(a->s, "甲", 1, "综合政务");
	assert_int_equal(store_theme_find(a->s, 0, "国务院组织机构", &id), JUAN_OK);
	assert_int_equal(store_secondary(a->s, 0, 1, id, true), JUAN_OK);
	assert_int_equal(store_theme_find(a->s, 0, "工业、交通", &id), JUAN_OK);
	assert_int_equal(store_secondary(a->s, 0, 1, id, true), JUAN_OK);
	assert_int_equal(test_sql(a->path, "UPDATE themes SET name = name ||"
		" char(27) || '[2J' WHERE name = '工业、交通'"), 0);
	snprintf(file, sizeof(file), "%s/a.jsync", a->dir);
	assert_int_equal(sync_export(a->s, file, NULL, NULL), JUAN_OK);
	assert_int_equal(sync_import(b->s, file, &im), JUAN_EINVAL);
	assert_non_null(strstr(store_error(b->s), "not plain text"));
	sync_import_result_clear(&im);
	got = codings_of(b->path);
	assert_string_equal(got, "");
	free(got);
	assert_int_equal(fixture_free(a), 0);
	assert_int_equal(fixture_free(b), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_any_order),
		cmocka_unit_test(test_every_cut),
		cmocka_unit_test(test_other_shape),
		cmocka_unit_test(test_escape_in_secondary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
