/* doc: a document as its distinct features and their counts
 * (suggest_private.h). */
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "suggest_private.h"

struct collect {
	struct dict *d;
	bool add;
	int32_t *ids;
	size_t n, cap;
};

static int
collect(void *ctx, const char *name, size_t len)
{
	struct collect *c = ctx;
	int32_t id, *grown;
	int found = dict_id(c->d, name, len, c->add, &id);

	if (found <= 0)
		return found;
	grown = array_reserve(c->ids, &c->cap, c->n + 1, sizeof(*grown));
	if (!grown)
		return -1;
	c->ids = grown;
	c->ids[c->n++] = id;
	return 0;
}

/* Sorts the n ids of v ascending (they are not negative), by their bytes
 * from the lowest, through tmp (room for n): a document has some 2,000
 * tokens, and qsort() took a fifth of a retrain.  Returns where they are,
 * v or tmp. */
static int32_t *
radix_sort(int32_t *v, int32_t *tmp, size_t n)
{
	size_t count[256], i, at;
	int shift;
	int32_t *t;

	for (shift = 0; shift < 32; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[((uint32_t)v[i] >> shift) & 0xff]++;
		if (n == 0 || count[((uint32_t)v[0] >> shift) & 0xff] == n)
			continue; /* one value of this byte: already in order */
		for (i = 0, at = 0; i < 256; i++) {
			size_t c = count[i];

			count[i] = at;
			at += c;
		}
		for (i = 0; i < n; i++)
			tmp[count[((uint32_t)v[i] >> shift) & 0xff]++] = v[i];
		t = v;
		v = tmp;
		tmp = t;
	}
	return v;
}

/* Gives the array *p back all but its first n elements of size bytes
 * (when n is 0 it stays: freed with the rest). */
static void
shrink(void **p, size_t n, size_t size)
{
	void *smaller = n && *p ? realloc(*p, n * size) : NULL;

	if (smaller)
		*p = smaller;
}

enum juan_status
sdoc_from_text(struct dict *d, bool add, const struct feature_text *t,
	       struct sdoc *out)
{
	struct collect c = {d, add, NULL, 0, 0};
	size_t i, n = 0;
	int32_t *tmp = NULL, *sorted;

	memset(out, 0, sizeof(*out));
	if (features_extract(t, collect, &c) != 0)
		goto fail;
	if (c.n && !(tmp = malloc(c.n * sizeof(*tmp))))
		goto fail;
	sorted = radix_sort(c.ids, tmp, c.n);
	if (c.n && !(out->counts = malloc(c.n * sizeof(*out->counts))))
		goto fail;
	for (i = 0; i < c.n; i++) {
		if (n && c.ids[n - 1] == sorted[i]) {
			out->counts[n - 1] += 1;
			continue;
		}
		c.ids[n] = sorted[i];
		out->counts[n++] = 1;
	}
	free(tmp);
	tmp = NULL;
	out->ids = c.ids;
	out->n = n;
	/* a scheme's tagged documents are all held at once to train: keep
	 * only the distinct features, not the room every token took */
	shrink((void **)&out->ids, n, sizeof(*out->ids));
	shrink((void **)&out->counts, n, sizeof(*out->counts));
	if (!(out->topic = strdup(t->topic ? t->topic : "")))
		goto fail;
	return JUAN_OK;
fail:
	free(tmp);
	free(c.ids);
	out->ids = NULL;
	sdoc_clear(out);
	return JUAN_ENOMEM;
}

void
sdoc_clear(struct sdoc *doc)
{
	if (!doc)
		return;
	free(doc->ids);
	free(doc->counts);
	free(doc->topic);
	memset(doc, 0, sizeof(*doc));
}
