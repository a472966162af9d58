/* Tests that theme keys and the browser's default key bindings (the real
 * table of tui/browser/keymap.c) never collide — the keys handed out to
 * themes and the keys of both shipped sets — and that the browser finds a
 * theme whose key its live keymap binds (app_theme_hidden). */
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
#include "juan/browser/ui.h"

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

/* A theme file may name a key that a binding uses (the store knows nothing
 * of the browser); the browser finds such a theme against its live keymap,
 * defaults and the user's lines alike. */
static void
test_bound_keys_found(void **state)
{
	struct app app;
	const struct theme *t;
	const char *tsv = "j\t教育\t教育事务\n科技\t\n";
	char why[256] = "";
	enum action a = ACT_NONE;
	size_t from = 0;

	(void)state;
	memset(&app, 0, sizeof(app));
	assert_int_equal(keymap_init(&app.keymap), JUAN_OK);
	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &app.themes, why,
					 sizeof(why)), JUAN_OK);
	t = app_theme_hidden(&app, &from, &a);
	assert_non_null(t);
	assert_string_equal(t->name, "教育");
	assert_int_equal(a, ACT_MOVE_DOWN);
	assert_null(app_theme_hidden(&app, &from, &a));
	/* the user's config: bind 1 help hides the second theme too */
	assert_int_equal(keymap_read(&app.keymap, "bind 1 help\n", 12, why,
				     sizeof(why)), JUAN_OK);
	from = 0;
	assert_non_null(app_theme_hidden(&app, &from, &a));
	t = app_theme_hidden(&app, &from, &a);
	assert_non_null(t);
	assert_string_equal(t->name, "科技");
	assert_int_equal(a, ACT_HELP);
	theme_set_free(&app.themes);
	keymap_free(&app.keymap);
}

/* The built-in set hides nothing under the default keymap. */
static void
test_default_set_hides_nothing(void **state)
{
	struct app app;
	char why[256] = "";
	enum action a;
	size_t from = 0;

	(void)state;
	memset(&app, 0, sizeof(app));
	assert_int_equal(keymap_init(&app.keymap), JUAN_OK);
	assert_int_equal(theme_set_parse(themes_default_tsv(),
					 strlen(themes_default_tsv()),
					 &app.themes, why, sizeof(why)),
			 JUAN_OK);
	assert_null(app_theme_hidden(&app, &from, &a));
	theme_set_free(&app.themes);
	keymap_free(&app.keymap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_theme_keys_unbound),
		cmocka_unit_test(test_shipped_sets),
		cmocka_unit_test(test_bound_keys_found),
		cmocka_unit_test(test_default_set_hides_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
