/* Tests for tui/keymap.c: key names, default bindings, config files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "juan/browser/keymap.h"

static const struct {
	const char *spec;
	bool ok;
	int key;
} keys[] = {
	{ "j", true, 'j' },
	{ "?", true, '?' },
	{ "高", true, 0x9AD8 },
	{ "C-r", true, 18 },
	{ "^R", true, 18 },
	{ "c-l", true, 12 },
	{ "<Enter>", true, '\n' },
	{ "<enter>", true, '\n' },
	{ "<S-Tab>", true, KEYC_BTAB },
	{ "<Esc>", true, 27 },
	{ "<PgDn>", true, KEYC_PGDN },
	{ "<Space>", true, ' ' },
	{ "", false, 0 },
	{ "jk", false, 0 },
	{ "高校", false, 0 },
	{ "<Nope>", false, 0 },
	{ "\xff", false, 0 },
};

static void
test_parse_key(void **state)
{
	size_t i;
	int key;

	(void)state;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		key = 0;
		assert_int_equal(keymap_parse_key(keys[i].spec, &key), keys[i].ok);
		if (keys[i].ok)
			assert_int_equal(key, keys[i].key);
	}
}

static void
test_key_name_round_trip(void **state)
{
	char buf[32];
	size_t i;
	int key;

	(void)state;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (!keys[i].ok)
			continue;
		keymap_key_name(keys[i].key, buf, sizeof(buf));
		assert_true(keymap_parse_key(buf, &key));
		assert_int_equal(key, keys[i].key);
	}
}

static void
test_defaults(void **state)
{
	struct keymap km;
	char buf[64];

	(void)state;
	assert_int_equal(keymap_init(&km), JUAN_OK);
	assert_int_equal(keymap_lookup(&km, 'j'), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(&km, KEYC_DOWN), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(&km, KEYC_CTRL('r')), ACT_REDO);
	assert_int_equal(keymap_lookup(&km, '0'), ACT_TAG_CLEAR);
	assert_int_equal(keymap_lookup(&km, 'q'), ACT_QUIT);
	/* theme keys stay free for the themes */
	assert_int_equal(keymap_lookup(&km, '1'), ACT_NONE);
	assert_int_equal(keymap_lookup(&km, 'b'), ACT_NONE);
	assert_string_equal(keymap_keys_for(&km, ACT_UNDO, buf, sizeof(buf)), "u");
	assert_string_equal(keymap_keys_for(&km, ACT_MOVE_DOWN, buf, sizeof(buf)),
			    "j <Down>");
	keymap_free(&km);
}

static void
test_config(void **state)
{
	static const char config[] =
		"# my keys\n"
		"bind J move-down\n"
		"bind j none\n"
		"\n"
		"bind C-x quit   # trailing comment\r\n"
		"color cursor white red\n"
		"color hit 0 214\n";
	struct keymap km;
	char err[64] = "";

	(void)state;
	assert_int_equal(keymap_init(&km), JUAN_OK);
	assert_int_equal(keymap_read(&km, config, strlen(config), err,
				     sizeof(err)), JUAN_OK);
	assert_int_equal(keymap_lookup(&km, 'J'), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(&km, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(&km, KEYC_CTRL('x')), ACT_QUIT);
	assert_int_equal(km.colors[EL_CURSOR].fg, 7);
	assert_int_equal(km.colors[EL_CURSOR].bg, 1);
	assert_int_equal(km.colors[EL_HIT].bg, 214);
	keymap_free(&km);
}

static const struct {
	const char *line;
	const char *err;
} bad[] = {
	{ "bind j\n", "line 1: usage: bind KEY ACTION" },
	{ "\nbind <Foo> quit\n", "line 2: unknown key" },
	{ "bind j fly\n", "line 1: unknown action" },
	{ "color nothing red blue\n", "line 1: unknown element or colour" },
	{ "color hit red 256\n", "line 1: unknown element or colour" },
	{ "set x 1\n", "line 1: unknown command (bind, color, coder)" },
};

static void
test_config_errors(void **state)
{
	struct keymap km;
	char err[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(keymap_init(&km), JUAN_OK);
		err[0] = '\0';
		assert_int_equal(keymap_read(&km, bad[i].line, strlen(bad[i].line),
					     err, sizeof(err)), JUAN_EINVAL);
		assert_string_equal(err, bad[i].err);
		keymap_free(&km);
	}
}

static void
test_every_action_has_name_and_help(void **state)
{
	int a;

	(void)state;
	for (a = 0; a < ACT_COUNT; a++) {
		assert_true(action_name(a)[0] != '\0');
		assert_true(action_help(a)[0] != '\0');
		assert_int_equal(action_find(action_name(a)), a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_key),
		cmocka_unit_test(test_key_name_round_trip),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test(test_every_action_has_name_and_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
