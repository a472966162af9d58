/* Tests that theme keys and the browser's default key bindings (the real
 * table of tui/keymap.c) never collide: the keys handed out to themes, the
 * keys of both shipped sets, and the keys a theme file may name itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "juan/themes.h"
#include "juan/browser/keymap.h"

/* The shipped sets, relative to the repository (make test runs there). */
static const char *const shipped[] = {
	"assets/themes/gov-topics.tsv",
	"assets/themes/education.tsv",
};

static char *
read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;

	if (fp == NULL)
		fail_msg("%s: cannot open (run from the repository)", path);
	buf = malloc(1 << 16);
	assert_non_null(buf);
	*len = fread(buf, 1, 1 << 16, fp);
	assert_true(*len < 1 << 16);
	fclose(fp);
	return buf;
}

static void
assert_free_in(const struct keymap *km, char key, const char *what)
{
	if (keymap_lookup(km, (unsigned char)key) != ACT_NONE)
		fail_msg("%s: theme key '%c' is a default binding", what, key);
}

static void
test_theme_keys_unbound(void **state)
{
	struct keymap km;
	const char *k;

	(void)state;
	assert_int_equal(keymap_init(&km), JUAN_OK);
	for (k = THEME_KEYS; *k; k++)
		assert_free_in(&km, *k, "THEME_KEYS");
	keymap_free(&km);
}

static void
check_set(const struct keymap *km, const char *text, size_t len,
	  const char *what)
{
	struct theme_set set = {0};
	char why[256] = "";
	size_t i;

	if (theme_set_parse(text, len, &set, why, sizeof(why)) != JUAN_OK)
		fail_msg("%s: %s", what, why);
	assert_true(set.n > 0);
	for (i = 0; i < set.n; i++)
		assert_free_in(km, set.themes[i].key, what);
	theme_set_free(&set);
}

static void
test_shipped_sets(void **state)
{
	struct keymap km;
	size_t i, len;
	char *text;

	(void)state;
	assert_int_equal(keymap_init(&km), JUAN_OK);
	check_set(&km, themes_default_tsv(), strlen(themes_default_tsv()),
		  "the built-in set");
	for (i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
		text = read_all(shipped[i], &len);
		check_set(&km, text, len, shipped[i]);
		free(text);
	}
	keymap_free(&km);
}

/* A theme file naming a key that a default binding uses is refused. */
static void
test_bound_keys_refused(void **state)
{
	struct theme_set set = {0};
	struct keymap km;
	char line[64], why[256];
	size_t i, checked = 0;
	int key;

	(void)state;
	assert_int_equal(keymap_init(&km), JUAN_OK);
	for (i = 0; i < km.n; i++) {
		key = km.bindings[i].key;
		if (key < 0x21 || key > 0x7e || km.bindings[i].action == ACT_NONE)
			continue;
		snprintf(line, sizeof(line), "%c\t教育\t教育事务\n", key);
		why[0] = '\0';
		if (theme_set_parse(line, strlen(line), &set, why,
				    sizeof(why)) != JUAN_EINVAL) {
			theme_set_free(&set);
			fail_msg("a theme may take key '%c', bound to action "
				 "%d", key, (int)km.bindings[i].action);
		}
		assert_non_null(strstr(why, "reserved"));
		checked++;
	}
	assert_true(checked >= 20);
	keymap_free(&km);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_theme_keys_unbound),
		cmocka_unit_test(test_shipped_sets),
		cmocka_unit_test(test_bound_keys_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
