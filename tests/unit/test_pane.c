/* Tests for tui/pane.c: cursor and scrolling of a pane, without a screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "juan/browser/pane.h"

static size_t nrows;
static int selected;

static size_t
rows(struct pane *p)
{
	(void)p;
	return nrows;
}

static void
draw_row(struct pane *p, int y, size_t row, bool cursor)
{
	(void)p;
	(void)y;
	(void)row;
	(void)cursor;
}

static void
select_row(struct pane *p)
{
	(void)p;
	selected++;
}

static const struct pane_ops ops = {
	.name = "test",
	.rows = rows,
	.draw_row = draw_row,
	.select = select_row,
};

static struct pane
make(bool has_cursor, size_t n, int h)
{
	struct pane p = { 0 };

	p.ops = &ops;
	p.has_cursor = has_cursor;
	p.h = h;
	p.w = 40;
	nrows = n;
	selected = 0;
	return p;
}

/* A list pane: the cursor stays on screen, the top follows it. */
static const struct {
	enum action a;
	size_t cursor, top;
} list_steps[] = {
	{ ACT_MOVE_DOWN, 1, 0 },
	{ ACT_MOVE_LAST, 99, 90 },
	{ ACT_MOVE_DOWN, 99, 90 },
	{ ACT_PAGE_UP, 90, 81 },
	{ ACT_MOVE_FIRST, 0, 0 },
	{ ACT_MOVE_UP, 0, 0 },
	{ ACT_PAGE_DOWN, 9, 9 },
	{ ACT_PAGE_DOWN, 18, 18 },
};

static void
test_list_moves(void **state)
{
	struct pane p = make(true, 100, 10);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(list_steps) / sizeof(list_steps[0]); i++) {
		assert_true(pane_handle(&p, list_steps[i].a));
		assert_int_equal(p.cursor, list_steps[i].cursor);
		assert_int_equal(p.top, list_steps[i].top);
		assert_true(p.cursor >= p.top && p.cursor < p.top + (size_t)p.h);
	}
	/* moves that go nowhere do not select again */
	assert_int_equal(selected, 6);
}

static void
test_text_scrolls(void **state)
{
	struct pane p = make(false, 25, 10);

	(void)state;
	pane_handle(&p, ACT_MOVE_DOWN);
	assert_int_equal(p.top, 1);
	pane_handle(&p, ACT_MOVE_LAST);
	assert_int_equal(p.top, 15); /* the last screenful, no blank below */
	pane_scroll_to(&p, 3);
	assert_int_equal(p.top, 3);
	pane_move(&p, -100);
	assert_int_equal(p.top, 0);
}

static void
test_empty_and_shrinking(void **state)
{
	struct pane p = make(true, 0, 10);

	(void)state;
	assert_true(pane_handle(&p, ACT_MOVE_DOWN));
	assert_int_equal(p.cursor, 0);
	nrows = 50;
	pane_goto(&p, 40);
	nrows = 5; /* the list got shorter (a search) */
	pane_clamp(&p);
	assert_int_equal(p.cursor, 4);
	assert_int_equal(p.top, 0);
	assert_false(pane_handle(&p, ACT_QUIT));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_moves),
		cmocka_unit_test(test_text_scrolls),
		cmocka_unit_test(test_empty_and_shrinking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
