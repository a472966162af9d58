/* Tests for tui/sample.c: finding the sample corpus. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "juan/browser/sample.h"

static void
test_env_wins(void **state)
{
	char buf[PATH_MAX];

	(void)state;
	setenv("JUAN_SAMPLE", "/tmp/../tmp", 1);
	assert_true(sample_find(NULL, buf, sizeof(buf)));
	assert_string_equal(buf, "/tmp");
	/* a JUAN_SAMPLE that names no directory finds nothing: it is not
	 * silently replaced by another corpus */
	setenv("JUAN_SAMPLE", "/nonexistent/juan-sample", 1);
	assert_false(sample_find(NULL, buf, sizeof(buf)));
	unsetenv("JUAN_SAMPLE");
}

static void
test_small_buffer(void **state)
{
	char buf[4];

	(void)state;
	setenv("JUAN_SAMPLE", "/tmp", 1);
	assert_false(sample_find(NULL, buf, sizeof(buf)));
	unsetenv("JUAN_SAMPLE");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env_wins),
		cmocka_unit_test(test_small_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
