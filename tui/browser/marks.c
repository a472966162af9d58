/* marks: a sorted set of document ids. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/browser/marks.h"

/* The index of the first id not below id. */
static size_t
lower_bound(const struct marks *m, int64_t id)
{
	size_t lo = 0, hi = m->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (m->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
marks_has(const struct marks *m, int64_t id)
{
	size_t i = lower_bound(m, id);

	return i < m->n && m->ids[i] == id;
}

enum juan_status
marks_toggle(struct marks *m, int64_t id, bool *now)
{
	size_t i = lower_bound(m, id);
	int64_t *v;

	if (i < m->n && m->ids[i] == id) {
		memmove(m->ids + i, m->ids + i + 1, (m->n - i - 1) * sizeof(*v));
		m->n--;
		if (now != NULL)
			*now = false;
		return JUAN_OK;
	}
	v = array_reserve(m->ids, &m->cap, m->n + 1, sizeof(*v));
	if (v == NULL)
		return JUAN_ENOMEM;
	m->ids = v;
	memmove(v + i + 1, v + i, (m->n - i) * sizeof(*v));
	v[i] = id;
	m->n++;
	if (now != NULL)
		*now = true;
	return JUAN_OK;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

enum juan_status
marks_add(struct marks *m, const int64_t *ids, size_t n)
{
	int64_t *v;
	size_t i, o;

	if (n > SIZE_MAX - m->n)
		return JUAN_ENOMEM;
	v = array_reserve(m->ids, &m->cap, m->n + n, sizeof(*v));
	if (v == NULL)
		return JUAN_ENOMEM;
	m->ids = v;
	if (n > 0)
		memcpy(v + m->n, ids, n * sizeof(*v));
	qsort(v, m->n + n, sizeof(*v), cmp_id);
	for (i = 0, o = 0; i < m->n + n; i++)
		if (o == 0 || v[o - 1] != v[i])
			v[o++] = v[i];
	m->n = o;
	return JUAN_OK;
}

void
marks_clear(struct marks *m)
{
	m->n = 0;
}

void
marks_free(struct marks *m)
{
	if (m == NULL)
		return;
	free(m->ids);
	*m = (struct marks){ 0 };
}
