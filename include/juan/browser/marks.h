/* marks: the set of documents the user marked for a bulk action — a sorted
 * array of ids, so that drawing a row asks in O(log n) whether it is marked
 * and marking 100,000 listed documents is one sort.  Pure data, no curses,
 * no store. */
#ifndef JUAN_TUI_MARKS_H
#define JUAN_TUI_MARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct marks {
	int64_t *ids; /* ascending, no duplicates */
	size_t n;
	size_t cap;
};

/* Whether document id is marked.  m may be empty (zeroed). */
bool marks_has(const struct marks *m, int64_t id);

/* Marks id when it is not marked, unmarks it when it is; stores in *now
 * (may be NULL) whether it is marked afterwards.  JUAN_ENOMEM leaves m as
 * it was. */
enum juan_status marks_toggle(struct marks *m, int64_t id, bool *now);

/* Marks every id of ids[0..n) (any order, duplicates allowed) besides those
 * already marked.  JUAN_ENOMEM leaves m as it was. */
enum juan_status marks_add(struct marks *m, const int64_t *ids, size_t n);

/* Unmarks every document (keeps the memory). */
void marks_clear(struct marks *m);

/* Frees the array and zeroes m.  NULL-safe. */
void marks_free(struct marks *m);

#endif
