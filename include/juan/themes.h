/* themes: theme sets — reading them from TSV, giving each theme its key, and
 * keeping them in the store.
 *
 * A theme has a name (unique), a one-character key (unique in the set), a
 * description and a position.  A TSV line is `name<TAB>description` or
 * `key<TAB>name<TAB>description`; `#` starts a comment line; blank lines, a
 * UTF-8 BOM, CRs and spaces around fields are ignored; a name or a
 * description holding a control or bidi character (sanitize.h) is refused
 * with its line number.  Themes without
 * an explicit key get the first free key of THEME_KEYS, in file order: the
 * digits 1–9 first, then letters.  A file may name any printable ASCII key:
 * the store knows nothing of the browser, which checks the keys against its
 * own keymap and says which theme a binding hides. */
#ifndef JUAN_THEMES_H
#define JUAN_THEMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/status.h"

struct store;

/* Keys handed out in order to themes that do not name their own; none of
 * them is a default binding of the browser (tests/unit/test_theme_keys.c). */
#define THEME_KEYS "123456789bcdmoprvwyzABCDEFHIJKLMOPQRSTUVWXYZ"

struct theme {
	int64_t id;       /* 0 until stored */
	char *name;
	char *description;
	char key;
	int position;     /* 0-based order in the set */
	long docs;        /* documents with this theme (from the store) */
};

struct theme_set {
	struct theme *themes;
	size_t n;
};

/* Parses a theme set from TSV text[0..len).  On JUAN_EINVAL writes the
 * problem with its line number into why[0..whysize) (duplicate name or key,
 * a key that is not one printable ASCII character, no themes at all, more
 * themes than keys).  *out is freed with theme_set_free(). */
enum juan_status theme_set_parse(const char *text, size_t len,
				 struct theme_set *out, char *why,
				 size_t whysize);

/* Frees the themes of *set and zeroes it.  NULL-safe. */
void theme_set_free(struct theme_set *set);

/* The theme whose name is name_or_key, else whose key is its only
 * character; borrowed; NULL when none. */
const struct theme *theme_set_find(const struct theme_set *set,
				   const char *name_or_key);

/* The default set (gov-topics.tsv), built into the program: borrowed TSV. */
const char *themes_default_tsv(void);

/* The themes in the store, in position order, with their document counts. */
enum juan_status store_themes(struct store *s, struct theme_set *out);

/* Replaces the store's theme set with set.  Documents keep their theme when
 * a theme of the same name survives.  When others would lose their theme,
 * stores their number in *lost (may be NULL) and returns JUAN_ECONFLICT
 * without changing anything, unless replace is true: then they lose it, and
 * the history records each loss (one that store_undo() skips, as the theme
 * is gone).  JUAN_EINVAL for an empty set or a theme without a usable key. */
enum juan_status store_themes_load(struct store *s, const struct theme_set *set,
				   bool replace, long *lost);

#endif
