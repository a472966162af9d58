/* Tests for coding in the browser (tui/browser), run headless in script
 * mode on a store of its own: advance goes on after the document, review
 * states and their filters, secondary themes by `+`, a note typed with
 * CJK and Backspace, a second scheme switched to and back, the undo
 * message and the config's coder line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "juan/store.h"
#include "juan/text.h"
#include "juan/themes.h"
#include "juan/browser/app.h"
#include "juan/browser/keymap.h"
#include "util.h"

#define NDOCS 12

static int
setup(void **state)
{
	*state = fixture_notices("coding_ui", NDOCS);
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	return fixture_free(*state);
}

/* The ids of the documents in list order (by id). */
static int64_t
doc_at(struct fixture *f, size_t row)
{
	int64_t *ids = NULL, id;
	size_t n = 0;

	assert_int_equal(store_list_ids(f->s, NULL, &ids, &n), JUAN_OK);
	assert_true(row < n);
	id = ids[row];
	free(ids);
	return id;
}

/* Runs the browser on f's store with script; the last line of the screen
 * dumped at the end into last (when not NULL). */
static void
run(struct fixture *f, const char *script, char *last, size_t size)
{
	struct app_opts opts = { 0 };
	char keys[160], dump[160], line[1024], *all;
	FILE *fp;

	snprintf(keys, sizeof(keys), "%s/keys", f->dir);
	snprintf(dump, sizeof(dump), "%s/dump", f->dir);
	all = malloc(strlen(script) + 200);
	assert_non_null(all);
	sprintf(all, "%s:dump %s\n", script, dump);
	fp = fopen(keys, "w");
	assert_non_null(fp);
	fputs(all, fp);
	fclose(fp);
	free(all);
	opts.script = keys;
	opts.argv0 = "juan";
	assert_int_equal(app_run(f->s, &opts), 0);
	fp = fopen(dump, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp) != NULL)
		if (last != NULL)
			snprintf(last, size, "%s", line);
	fclose(fp);
}

/* The document the browser kept as selected. */
static int64_t
selected(struct fixture *f)
{
	char *v = NULL;
	int64_t id;

	assert_int_equal(store_setting_get(f->s, "tui.doc", &v), JUAN_OK);
	assert_non_null(v);
	id = strtoll(v, NULL, 10);
	free(v);
	return id;
}

static int64_t
theme_id(struct fixture *f, const char *name)
{
	int64_t id = 0;

	assert_int_equal(store_theme_find(f->s, 0, name, &id), JUAN_OK);
	return id;
}

/* Whether the screen dumped by the last run has a row holding each of
 * the texts, in that order within the row. */
static bool
row_with(struct fixture *f, const char *a, const char *b)
{
	char dump[160], line[1024], *at;
	bool found = false;
	FILE *fp;

	snprintf(dump, sizeof(dump), "%s/dump", f->dir);
	fp = fopen(dump, "r");
	assert_non_null(fp);
	while (!found && fgets(line, sizeof(line), fp) != NULL) {
		at = strstr(line, a);
		found = at != NULL && strstr(at + strlen(a), b) != NULL;
	}
	fclose(fp);
	return found;
}

/* Re-tagging row 6 goes on to row 9, the next that needs work after it:
 * not back to row 1, and not to row 7, untagged but reviewed (none
 * applies). */
static void
test_advance_after(void **state)
{
	struct fixture *f = *state;
	int64_t t = theme_id(f, "1");
	size_t i;

	for (i = 0; i < NDOCS; i++)
		if (i != 1 && i != 7 && i != 9)
			assert_int_equal(store_tag(f->s, 0, doc_at(f, i), t),
					 JUAN_OK);
	assert_int_equal(store_set_state(f->s, 0, doc_at(f, 7),
					 TAG_STATE_NONE), JUAN_OK);
	run(f, "j\nj\nj\nj\nj\nj\n2\n", NULL, 0);
	assert_int_equal(selected(f), doc_at(f, 9));
}

/* `.` and `!` set the states (the same key again clears), each counts as
 * reviewed, and the filter picker lists each state's documents. */
static void
test_states_and_filters(void **state)
{
	struct fixture *f = *state;
	struct scheme_info *list = NULL;
	struct doc_info info = { 0 };
	char last[1024];
	size_t n = 0;

	/* none applies on row 0 (advances to row 1), unsure on row 1; the
	 * counts follow each change */
	run(f, ".\n!\n", last, sizeof(last));
	assert_non_null(strstr(last, "（未标注） → （未标注） (unsure) · "
			       "2/12 reviewed"));
	assert_int_equal(store_doc_info(f->s, doc_at(f, 0), &info), JUAN_OK);
	assert_int_equal(info.state, TAG_STATE_NONE);
	doc_info_clear(&info);
	assert_int_equal(store_doc_info(f->s, doc_at(f, 1), &info), JUAN_OK);
	assert_int_equal(info.state, TAG_STATE_UNSURE);
	doc_info_clear(&info);
	assert_int_equal(store_schemes(f->s, &list, &n), JUAN_OK);
	assert_int_equal(list[0].reviewed, 2);
	scheme_info_free(list, n);
	/* the header counts both as reviewed; the unsure filter lists one */
	run(f, "g\nf\n<Down>\n<Down>\n<Enter>\n", last, sizeof(last));
	assert_non_null(strstr(last, "1 documents"));
	/* C-l rereads the store and keeps the filter */
	run(f, "C-l\n", last, sizeof(last));
	assert_true(row_with(f, "1 of 12 documents · 2 reviewed · state:unsure", ""));
	/* needs work: the ten untouched and the unsure one */
	run(f, "<Esc>\nf\n<Enter>\n", last, sizeof(last));
	assert_non_null(strstr(last, "11 documents"));
	/* `!` again clears unsure */
	run(f, "<Esc>\ng\nj\n!\n", NULL, 0);
	assert_int_equal(store_doc_info(f->s, doc_at(f, 1), &info), JUAN_OK);
	assert_int_equal(info.state, TAG_STATE_NONE_SET);
	doc_info_clear(&info);
}

/* `+ 2` adds a secondary theme without advancing, `+ 2` again removes it;
 * `+ t` opens the picker for one. */
static void
test_secondary(void **state)
{
	struct fixture *f = *state;
	struct doc_info info = { 0 };
	int64_t doc = doc_at(f, 0);

	run(f, "1\nk\n+\n2\n+\nt\n3\n", NULL, 0);
	assert_int_equal(selected(f), doc);
	assert_int_equal(store_doc_info(f->s, doc, &info), JUAN_OK);
	assert_int_equal(info.theme_id, theme_id(f, "1"));
	assert_int_equal(info.nsecondary, 2);
	doc_info_clear(&info);
	run(f, "+\n2\n", NULL, 0);
	assert_int_equal(store_doc_info(f->s, doc, &info), JUAN_OK);
	assert_int_equal(info.nsecondary, 1);
	assert_int_equal(info.theme_id, theme_id(f, "1"));
	doc_info_clear(&info);
}

/* A note typed with CJK, edited with Backspace (a whole character each)
 * and the cursor keys; Esc cancels an edit. */
static void
test_note(void **state)
{
	struct fixture *f = *state;
	char *note = NULL;

	run(f, "'\n:type 需要复核义务教育\n<Backspace>\n<Backspace>\n"
	    ":type 学校\n<Home>\n<Right>\n<Right>\n<Del>\n:type 再\n<Enter>\n",
	    NULL, 0);
	assert_int_equal(store_note(f->s, doc_at(f, 0), &note), JUAN_OK);
	assert_string_equal(note, "需要再核义务学校");
	free(note);
	run(f, "'\n<Backspace>\n<Esc>\n", NULL, 0);
	assert_int_equal(store_note(f->s, doc_at(f, 0), &note), JUAN_OK);
	assert_string_equal(note, "需要再核义务学校");
	free(note);
}

/* A note wider than the status line: the cursor stays in view, the cut
 * side shown by an ellipsis, never a half character, within the width. */
static void
test_note_wide(void **state)
{
	struct fixture *f = *state;
	char script[2048] = "'\n:type ", last[1024];
	int i;

	for (i = 0; i < 30; i++)
		strcat(script, i % 10 == 9 ? "尾" : "义务教育");
	strcat(script, "\n");
	run(f, script, last, sizeof(last));
	last[strcspn(last, "\n")] = '\0';
	assert_non_null(strstr(last, "cancels): …"));
	assert_non_null(strstr(last, "义务教育尾"));
	assert_true(text_width(last, strlen(last)) <= 120);
	strcat(script, "<Home>\n");
	run(f, script, last, sizeof(last));
	last[strcspn(last, "\n")] = '\0';
	assert_non_null(strstr(last, "cancels): 义务教育义务教育"));
	/* the ellipsis is the last thing on the line: the right side is cut */
	while (strlen(last) > 0 && last[strlen(last) - 1] == ' ')
		last[strlen(last) - 1] = '\0';
	assert_true(strlen(last) > 3 &&
		    strcmp(last + strlen(last) - 3, "…") == 0);
	assert_true(text_width(last, strlen(last)) <= 120);
}

/* A second scheme: `>` switches to it (the keys tag in it), `>` back, and
 * every tag of the first is still there. */
static void
test_scheme_switch(void **state)
{
	struct fixture *f = *state;
	const char *tsv = "小学\t\n中学\t\n";
	struct theme_set set = { 0 };
	struct doc_info info = { 0 };
	char why[256] = "", last[1024], *name = NULL;
	int64_t first = 0, second = 0;

	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_int_equal(store_themes_load(f->s, "zz-schools", &set, NULL),
			 JUAN_OK);
	theme_set_free(&set);
	assert_int_equal(store_scheme_active(f->s, &first), JUAN_OK);
	assert_int_equal(store_scheme_id(f->s, "zz-schools", &second), JUAN_OK);
	run(f, "1\n2\n>\ng\n2\n", last, sizeof(last));
	assert_int_equal(store_scheme_active(f->s, &second), JUAN_OK);
	assert_int_equal(store_scheme_name(f->s, 0, &name), JUAN_OK);
	assert_string_equal(name, "zz-schools");
	free(name);
	assert_int_equal(store_doc_info(f->s, doc_at(f, 0), &info), JUAN_OK);
	assert_string_equal(info.theme_name, "中学");
	doc_info_clear(&info);
	run(f, ">\n", last, sizeof(last));
	assert_non_null(strstr(last, "scheme "));
	assert_int_equal(store_scheme_active(f->s, &second), JUAN_OK);
	assert_int_equal(second, first);
	assert_int_equal(store_doc_info(f->s, doc_at(f, 0), &info), JUAN_OK);
	assert_int_equal(info.theme_id, theme_id(f, "1"));
	doc_info_clear(&info);
	assert_int_equal(store_doc_info(f->s, doc_at(f, 1), &info), JUAN_OK);
	assert_int_equal(info.theme_id, theme_id(f, "2"));
	doc_info_clear(&info);
}

/* A scheme with a tree: the picker shows children indented under their
 * parent and marks the document's main theme; the statistics roll the
 * child's documents up into the parent; a theme the scheme's file drops
 * is retired: out of the picker, shown as retired on its document. */
static void
test_tree_and_retired(void **state)
{
	struct fixture *f = *state;
	const char *tsv = "教育\t\n教育/基础教育\t\n科技\t\n";
	const char *less = "教育\t\n教育/基础教育\t\n";
	struct theme_set set = { 0 };
	char why[256] = "";
	int64_t id = 0;

	assert_int_equal(theme_set_parse(tsv, strlen(tsv), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_int_equal(store_themes_load(f->s, "tree", &set, NULL), JUAN_OK);
	theme_set_free(&set);
	assert_int_equal(store_scheme_id(f->s, "tree", &id), JUAN_OK);
	assert_int_equal(store_scheme_activate(f->s, id), JUAN_OK);
	/* 2 is 基础教育: the picker marks it, indented under 教育 */
	run(f, "2\n3\nk\nk\nt\n", NULL, 0);
	assert_true(row_with(f, "1   教育", ""));
	assert_true(row_with(f, "2 *   基础教育", ""));
	assert_false(row_with(f, "2 *   教育", ""));
	/* statistics: 教育 holds its child's document (main 1, any 1) */
	run(f, "<Esc>\ns\n", NULL, 0);
	assert_true(row_with(f, "1 教育", "     1      1"));
	assert_true(row_with(f, "3 科技", "     1      1"));
	/* 科技 leaves the file: retired, not in the picker, shown on its
	 * document */
	assert_int_equal(theme_set_parse(less, strlen(less), &set, why,
					 sizeof(why)), JUAN_OK);
	assert_int_equal(store_themes_load(f->s, "tree", &set, NULL), JUAN_OK);
	theme_set_free(&set);
	run(f, "<Esc>\ng\nj\n", NULL, 0);
	assert_true(row_with(f, "标注主题：科技（已停用 retired）", ""));
	run(f, "t\n", NULL, 0);
	assert_false(row_with(f, "3   科技", ""));
}

/* Undo names the document and both values. */
static void
test_undo_message(void **state)
{
	struct fixture *f = *state;
	char last[1024];

	run(f, "c\nu\n", last, sizeof(last));
	assert_non_null(strstr(last, "undone: 关于第0号事项的通知 科技、教育 → "
			       "（未标注）"));
	run(f, "C-r\n", last, sizeof(last));
	assert_non_null(strstr(last, "redone: 关于第0号事项的通知 （未标注） → "
			       "科技、教育"));
}

/* The config file may hold the coder's line (cmd_coder reads it). */
static void
test_config_coder_line(void **state)
{
	struct keymap km;
	char why[128] = "";
	const char *text = "coder 张三\nbind j help\n";

	(void)state;
	assert_int_equal(keymap_init(&km), JUAN_OK);
	assert_int_equal(keymap_read(&km, text, strlen(text), why, sizeof(why)),
			 JUAN_OK);
	assert_int_equal(keymap_lookup(&km, 'j'), ACT_HELP);
	assert_int_equal(keymap_read(&km, "coder\n", 6, why, sizeof(why)),
			 JUAN_EINVAL);
	assert_string_equal(why, "line 1: usage: coder NAME");
	keymap_free(&km);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_advance_after, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_states_and_filters, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_secondary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_wide, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scheme_switch, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_undo_message, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_tree_and_retired, setup,
						teardown),
		cmocka_unit_test(test_config_coder_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
