/* Tests for tui/browser/marks.c: the set of marked documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "juan/browser/marks.h"

static void
assert_ids(const struct marks *m, const int64_t *want, size_t n)
{
	size_t i;

	assert_int_equal(m->n, n);
	for (i = 0; i < n; i++)
		assert_int_equal(m->ids[i], want[i]);
}

/* Toggling marks and unmarks, keeps the set sorted, says what it did. */
static void
test_toggle(void **state)
{
	struct marks m = { 0 };
	static const int64_t after[] = { 2, 5, 9 };
	static const int64_t removed[] = { 2, 9 };
	bool now = false;

	(void)state;
	assert_false(marks_has(&m, 5));
	assert_int_equal(marks_toggle(&m, 9, &now), JUAN_OK);
	assert_true(now);
	assert_int_equal(marks_toggle(&m, 2, NULL), JUAN_OK);
	assert_int_equal(marks_toggle(&m, 5, NULL), JUAN_OK);
	assert_ids(&m, after, 3);
	assert_true(marks_has(&m, 5));
	assert_int_equal(marks_toggle(&m, 5, &now), JUAN_OK);
	assert_false(now);
	assert_false(marks_has(&m, 5));
	assert_ids(&m, removed, 2);
	marks_free(&m);
	assert_null(m.ids);
	assert_int_equal(m.n, 0);
}

/* Marking a list (any order, repeats) adds what was not marked; clearing
 * empties the set. */
static void
test_add_and_clear(void **state)
{
	struct marks m = { 0 };
	static const int64_t listed[] = { 40, 3, 17, 3, 100000 };
	static const int64_t want[] = { 3, 17, 40, 99, 100000 };
	int64_t many[3000];
	size_t i;

	(void)state;
	assert_int_equal(marks_toggle(&m, 99, NULL), JUAN_OK);
	assert_int_equal(marks_toggle(&m, 17, NULL), JUAN_OK);
	assert_int_equal(marks_add(&m, listed, 5), JUAN_OK);
	assert_ids(&m, want, 5);
	assert_int_equal(marks_add(&m, NULL, 0), JUAN_OK);
	assert_ids(&m, want, 5);
	marks_clear(&m);
	assert_int_equal(m.n, 0);
	assert_false(marks_has(&m, 3));
	for (i = 0; i < 3000; i++)
		many[i] = (int64_t)(3000 - i);
	assert_int_equal(marks_add(&m, many, 3000), JUAN_OK);
	assert_int_equal(m.n, 3000);
	assert_true(marks_has(&m, 1));
	assert_true(marks_has(&m, 3000));
	assert_false(marks_has(&m, 3001));
	marks_free(&m);
	marks_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_toggle),
		cmocka_unit_test(test_add_and_clear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
