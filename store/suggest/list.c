/* list: a list of suggestions — adding one, clearing it, naming sources
 * (suggest.h, suggest_private.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/themes.h"
#include "suggest_private.h"

const char *
suggest_source_name(enum suggest_source src)
{
	static const char *const names[] = {"topic", "learned", "model",
					    "words"};

	return (unsigned)src < 4 ? names[src] : "";
}

void
suggest_list_clear(struct suggest_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		free(l->items[i].name);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

enum juan_status
suggest_push(struct suggest_list *out, size_t k, const struct theme_set *themes,
	     int64_t theme, double confidence, enum suggest_source src,
	     const char *reason)
{
	const struct theme *t = NULL;
	struct suggestion *grown, *it;
	size_t i;

	if (out->n >= k)
		return JUAN_OK;
	for (i = 0; i < out->n; i++)
		if (out->items[i].theme == theme)
			return JUAN_OK;
	for (i = 0; i < themes->n && !t; i++)
		if (themes->themes[i].id == theme && !themes->themes[i].retired)
			t = &themes->themes[i];
	if (!t)
		return JUAN_OK;
	grown = realloc(out->items, (out->n + 1) * sizeof(*grown));
	if (!grown)
		return JUAN_ENOMEM;
	out->items = grown;
	it = &out->items[out->n];
	memset(it, 0, sizeof(*it));
	if (!(it->name = strdup(t->name)))
		return JUAN_ENOMEM;
	it->theme = theme;
	it->confidence = confidence;
	it->source = src;
	snprintf(it->reason, sizeof(it->reason), "%s", reason);
	out->n++;
	return JUAN_OK;
}
