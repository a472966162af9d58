/* fuzz_themes: libFuzzer target for the theme-file parser,
 * theme_set_parse().  Checks its contract (include/juan/themes.h): on
 * success every theme has a non-empty name with no control or bidi
 * character, a printable ASCII key, keys and names unique, positions in
 * order; on failure a reason. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/sanitize.h"
#include "juan/text.h"
#include "juan/themes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
clean(const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;

	while (i < len) {
		i += text_next(s + i, len - i, &cp);
		if (cp < 0x20 || sanitize_is_control(cp))
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct theme_set set = {0};
	char why[256] = "";
	size_t i, j;

	if (theme_set_parse((const char *)data, size, &set, why,
			    sizeof(why)) != JUAN_OK) {
		if (!why[0])
			abort();
		theme_set_free(&set);
		return 0;
	}
	for (i = 0; i < set.n; i++) {
		const struct theme *t = &set.themes[i];

		if (!t->name[0] || !clean(t->name) || !clean(t->description) ||
		    t->key < 0x21 || t->key > 0x7e || t->position != (int)i)
			abort();
		for (j = 0; j < i; j++)
			if (set.themes[j].key == t->key ||
			    strcmp(set.themes[j].name, t->name) == 0)
				abort();
	}
	theme_set_free(&set);
	return 0;
}
