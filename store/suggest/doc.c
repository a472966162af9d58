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

static int
by_id(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
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

	memset(out, 0, sizeof(*out));
	if (features_extract(t, collect, &c) != 0)
		goto fail;
	if (c.n)
		qsort(c.ids, c.n, sizeof(*c.ids), by_id);
	if (c.n && !(out->counts = malloc(c.n * sizeof(*out->counts))))
		goto fail;
	for (i = 0; i < c.n; i++) {
		if (n && c.ids[n - 1] == c.ids[i]) {
			out->counts[n - 1] += 1;
			continue;
		}
		c.ids[n] = c.ids[i];
		out->counts[n++] = 1;
	}
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
