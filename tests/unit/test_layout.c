/* Tests for tui/layout.c: pane geometry at many screen sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "juan/browser/layout.h"

static bool
overlap(struct rect a, struct rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h &&
	       b.y < a.y + a.h;
}

static bool
inside(struct rect r, int cols, int rows)
{
	return r.x >= 0 && r.y >= 0 && r.w > 0 && r.h > 0 &&
	       r.x + r.w <= cols && r.y + r.h <= rows;
}

/* Every size from the smallest to a large one: rectangles inside the screen,
 * none overlapping, every cell of the screen covered exactly once. */
static void
test_every_size_tiles_the_screen(void **state)
{
	struct layout l;
	struct rect all[7];
	int cols, rows, i, j, n, area;

	(void)state;
	for (cols = LAYOUT_MIN_COLS; cols <= 260; cols += 3) {
		for (rows = LAYOUT_MIN_ROWS; rows <= 90; rows += 7) {
			layout_compute(cols, rows, &l);
			assert_int_not_equal(l.mode, LAYOUT_TOO_SMALL);
			n = 0;
			all[n++] = l.header;
			all[n++] = l.status;
			for (i = 0; i < PANE_COUNT; i++)
				all[n++] = l.pane[i];
			for (i = 0; i < l.nborders; i++)
				all[n++] = l.border[i];
			area = 0;
			for (i = 0; i < n; i++) {
				assert_true(inside(all[i], cols, rows));
				area += all[i].w * all[i].h;
				for (j = i + 1; j < n; j++)
					assert_false(overlap(all[i], all[j]));
			}
			assert_int_equal(area, cols * rows);
		}
	}
}

static const struct {
	int cols, rows;
	enum layout_mode mode;
} modes[] = {
	{ 120, 40, LAYOUT_WIDE },
	{ 100, 24, LAYOUT_WIDE },
	{ 99, 24, LAYOUT_STACKED },
	{ 60, 20, LAYOUT_STACKED },
	{ 40, 10, LAYOUT_STACKED },
	{ 39, 20, LAYOUT_TOO_SMALL },
	{ 80, 9, LAYOUT_TOO_SMALL },
	{ 0, 0, LAYOUT_TOO_SMALL },
};

static void
test_modes(void **state)
{
	struct layout l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		layout_compute(modes[i].cols, modes[i].rows, &l);
		assert_int_equal(l.mode, modes[i].mode);
	}
}

static void
test_wide_is_side_by_side(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(120, 40, &l);
	assert_int_equal(l.pane[PANE_DOCS].x, 0);
	assert_true(l.pane[PANE_OUTLINE].x > l.pane[PANE_DOCS].x);
	assert_true(l.pane[PANE_DETAIL].x > l.pane[PANE_OUTLINE].x);
	assert_int_equal(l.pane[PANE_DOCS].h, 38);
	assert_int_equal(l.pane[PANE_DETAIL].h, 38);
	assert_int_equal(l.pane[PANE_DETAIL].x + l.pane[PANE_DETAIL].w, 120);
	/* the detail pane gets the most room: it holds the text */
	assert_true(l.pane[PANE_DETAIL].w > l.pane[PANE_OUTLINE].w);
}

static void
test_stacked_outline_above_detail(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(60, 20, &l);
	assert_int_equal(l.pane[PANE_OUTLINE].x, l.pane[PANE_DETAIL].x);
	assert_true(l.pane[PANE_OUTLINE].y < l.pane[PANE_DETAIL].y);
	assert_int_equal(l.border[1].h, 1);
}

static void
test_pane_at(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(120, 40, &l);
	assert_int_equal(layout_pane_at(&l, 5, 0), PANE_DOCS);
	assert_int_equal(layout_pane_at(&l, 5, l.pane[PANE_OUTLINE].x), PANE_OUTLINE);
	assert_int_equal(layout_pane_at(&l, 5, 119), PANE_DETAIL);
	assert_int_equal(layout_pane_at(&l, 0, 5), -1);
	assert_int_equal(layout_pane_at(&l, 5, l.border[0].x), -1);
}

/* The wide list: the documents pane covers the whole body, in both modes;
 * nothing else is placed, a click anywhere in the body lands on it. */
static void
test_wide_list_fills_the_body(void **state)
{
	static const int sizes[][2] = { { 80, 24 }, { 120, 40 }, { 200, 50 } };
	struct layout l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		layout_compute(sizes[i][0], sizes[i][1], &l);
		layout_wide_list(&l);
		assert_int_equal(l.pane[PANE_DOCS].x, 0);
		assert_int_equal(l.pane[PANE_DOCS].y, 1);
		assert_int_equal(l.pane[PANE_DOCS].w, sizes[i][0]);
		assert_int_equal(l.pane[PANE_DOCS].h, sizes[i][1] - 2);
		assert_int_equal(l.pane[PANE_OUTLINE].w * l.pane[PANE_OUTLINE].h, 0);
		assert_int_equal(l.pane[PANE_DETAIL].w * l.pane[PANE_DETAIL].h, 0);
		assert_int_equal(l.nborders, 0);
		assert_int_equal(layout_pane_at(&l, sizes[i][1] - 2,
						 sizes[i][0] - 1), PANE_DOCS);
	}
	layout_compute(30, 8, &l);
	layout_wide_list(&l);
	assert_int_equal(l.mode, LAYOUT_TOO_SMALL);
	assert_int_equal(l.pane[PANE_DOCS].w, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size_tiles_the_screen),
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_wide_is_side_by_side),
		cmocka_unit_test(test_stacked_outline_above_detail),
		cmocka_unit_test(test_pane_at),
		cmocka_unit_test(test_wide_list_fills_the_body),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
