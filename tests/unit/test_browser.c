/* Tests for the browser as a whole (tui/browser), run headless in script
 * mode on a store of its own: a burst of keys does the work once, and a
 * theme whose key the user's config binds is named and still reachable. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "juan/store.h"
#include "juan/themes.h"
#include "juan/browser/app.h"
#include "util.h"

#define NDOCS 60

static int
setup(void **state)
{
	*state = fixture_notices("browser", NDOCS);
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Runs the browser on f's store with the script text; returns its exit
 * status, with what it counted in *read, *wrapped and *suggested. */
static int
run(struct fixture *f, const char *script, long *read, long *wrapped,
    long *suggested)
{
	struct app_opts opts = { 0 };
	char keys[128], stats[128];
	FILE *fp;
	int status;

	snprintf(keys, sizeof(keys), "%s/keys", f->dir);
	snprintf(stats, sizeof(stats), "%s/stats", f->dir);
	write_file(keys, script);
	setenv("JUAN_STATS", stats, 1);
	opts.script = keys;
	opts.argv0 = "juan";
	status = app_run(f->s, &opts);
	unsetenv("JUAN_STATS");
	fp = fopen(stats, "r");
	assert_non_null(fp);
	assert_int_equal(fscanf(fp, "documents read: %ld\nbodies wrapped: %ld\n"
				"suggestions computed: %ld", read, wrapped,
				suggested), 3);
	fclose(fp);
	return status;
}

/* 50 j in a burst select 50 documents in turn, and read, wrap and suggest
 * for only the one the cursor stops on: one for the first screen, one for
 * the burst. */
static void
test_burst_wraps_one_body(void **state)
{
	struct fixture *f = *state;
	char script[1024], dump[128], line[512];
	long read = 0, wrapped = 0, suggested = 0;
	bool shown = false;
	FILE *fp;
	int i;

	snprintf(dump, sizeof(dump), "%s/last.txt", f->dir);
	snprintf(script, sizeof(script), ":dump /dev/null\n");
	for (i = 0; i < 50; i++)
		strcat(script, "j\n");
	snprintf(script + strlen(script), sizeof(script) - strlen(script),
		 ":dump %s\n", dump);
	assert_int_equal(run(f, script, &read, &wrapped, &suggested), 0);
	assert_int_equal(wrapped, 2);
	assert_int_equal(read, 2);
	assert_int_equal(suggested, 2);
	/* the text pane shows the document the cursor stopped on */
	fp = fopen(dump, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strstr(line, "关于第50号事项的通知") != NULL)
			shown = true;
	fclose(fp);
	assert_true(shown);
}

/* `bind b help` in the config: the status line names the theme with key b
 * and the binding, `b` opens the help, and the picker still tags with b. */
static void
test_bound_theme_key_named(void **state)
{
	struct fixture *f = *state;
	struct theme_set set = { 0 };
	struct list_query q = { 0 };
	const struct theme *b;
	char path[160], dump[128], script[512], line[512], last[512] = "";
	int64_t *ids = NULL;
	size_t n = 0;
	long read, wrapped, suggested, total = 0, tagged = 0;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/config", f->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/config/juan", f->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/config/juan/config", f->dir);
	write_file(path, "bind b help\n");
	assert_int_equal(store_themes(f->s, 0, &set), JUAN_OK);
	b = theme_set_find(&set, "b");
	assert_non_null(b);
	snprintf(dump, sizeof(dump), "%s/start.txt", f->dir);
	snprintf(script, sizeof(script), ":dump %s\nt\nb\n", dump);
	assert_int_equal(run(f, script, &read, &wrapped, &suggested), 0);
	fp = fopen(dump, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL)
		snprintf(last, sizeof(last), "%s", line);
	fclose(fp);
	assert_non_null(strstr(last, b->name));
	assert_non_null(strstr(last, "key b is bound to help"));
	assert_int_equal(store_counts(f->s, &total, &tagged), JUAN_OK);
	assert_int_equal(tagged, 1);
	q.theme = b->name;
	assert_int_equal(store_list_ids(f->s, &q, &ids, &n), JUAN_OK);
	assert_int_equal(n, 1);
	free(ids);
	theme_set_free(&set);
	remove(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_burst_wraps_one_body,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_bound_theme_key_named,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
