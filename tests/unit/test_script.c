/* Tests for tui/script.c: the headless mode's script syntax. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "juan/browser/keymap.h"
#include "juan/browser/script.h"

static struct script *
from_text(const char *text)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct script *s = NULL;

	assert_non_null(f);
	assert_int_equal(script_from_file(f, &s), JUAN_OK);
	return s;
}

static void
test_events(void **state)
{
	static const char text[] =
		"# open the first document\n"
		"j\n"
		"\n"
		"<Enter>\n"
		":key C-r\n"
		":type 高校 a\n"
		":dump /tmp/screen.txt\n"
		":resize 60 20\n"
		":wait\n"
		":\n";
	static const int keys[] = { 'j', KEYC_ENTER, KEYC_CTRL('r'), 0x9AD8,
				    0x6821, ' ', 'a' };
	struct script *s = from_text(text);
	struct script_event ev;
	char err[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		assert_int_equal(script_next(s, &ev, err, sizeof(err)), JUAN_OK);
		assert_int_equal(ev.kind, SCRIPT_KEY);
		assert_int_equal(ev.key, keys[i]);
	}
	assert_int_equal(script_next(s, &ev, err, sizeof(err)), JUAN_OK);
	assert_int_equal(ev.kind, SCRIPT_DUMP);
	assert_string_equal(ev.path, "/tmp/screen.txt");
	assert_int_equal(script_next(s, &ev, err, sizeof(err)), JUAN_OK);
	assert_int_equal(ev.kind, SCRIPT_RESIZE);
	assert_int_equal(ev.cols, 60);
	assert_int_equal(ev.rows, 20);
	assert_int_equal(script_next(s, &ev, err, sizeof(err)), JUAN_OK);
	assert_int_equal(ev.kind, SCRIPT_WAIT);
	/* a lone ':' is the key ':' */
	assert_int_equal(script_next(s, &ev, err, sizeof(err)), JUAN_OK);
	assert_int_equal(ev.kind, SCRIPT_KEY);
	assert_int_equal(ev.key, ':');
	assert_int_equal(script_next(s, &ev, err, sizeof(err)), JUAN_OK);
	assert_int_equal(ev.kind, SCRIPT_END);
	script_close(&s);
	assert_null(s);
}

static const struct {
	const char *text;
	const char *err;
} bad[] = {
	{ "jj\n", "script line 1: unknown key" },
	{ "j\n:key\n", "script line 2: unknown key" },
	{ ":dump\n", "script line 1: :dump needs a path" },
	{ ":resize 60\n", "script line 1: usage: :resize COLS ROWS" },
	{ ":resize 0 20\n", "script line 1: usage: :resize COLS ROWS" },
	{ ":fly away\n", "script line 1: unknown command (:key :type :dump :resize :wait)" },
	{ ":wait 5\n", "script line 1: unknown command (:key :type :dump :resize :wait)" },
};

static void
test_errors(void **state)
{
	struct script_event ev;
	struct script *s;
	char err[80];
	enum juan_status rc;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		s = from_text(bad[i].text);
		do
			rc = script_next(s, &ev, err, sizeof(err));
		while (rc == JUAN_OK && ev.kind != SCRIPT_END);
		assert_int_equal(rc, JUAN_EINVAL);
		assert_string_equal(err, bad[i].err);
		script_close(&s);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
