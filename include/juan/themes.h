/* themes: theme sets — reading them from TSV, giving each theme its key, and
 * keeping them in the store.
 *
 * A theme has a name (unique), a one-character key (unique in the set), a
 * description, a position and maybe a parent.  A TSV line is
 * `name<TAB>description`, `key<TAB>name<TAB>description` or
 * `key<TAB>name<TAB>description<TAB>parent` (an empty key: the next free
 * one); a name `parent/child` names
 * the parent too; `#` starts a comment line; blank lines, a UTF-8 BOM, CRs
 * and spaces around fields are ignored; a field that is not UTF-8 or holds a
 * control or bidi character (sanitize.h) is refused with its line number.
 * Themes without
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
	char *parent;     /* the parent theme's name; "" for a top theme */
	char key;
	int position;     /* 0-based order in the set */
	int depth;        /* 0 for a top theme, 1 for its children... */
	bool retired;     /* left the scheme's file: kept for its documents,
			   * hidden from keys and pickers */
	int64_t parent_id; /* from the store; 0 for a top theme */
	/* From the store: documents with this theme as their main theme, with
	 * it main or secondary, and the same with its descendants rolled in
	 * (each document counted once). */
	long docs;
	long any;
	long docs_tree;
	long any_tree;
};

struct theme_set {
	struct theme *themes;
	size_t n;
};

/* Parses a theme set from TSV text[0..len).  On JUAN_EINVAL writes the
 * problem with its line number into why[0..whysize) (duplicate name or key,
 * a key that is not one printable ASCII character, an empty name, a parent
 * that is not in the set, a cycle of parents, text that is not UTF-8 or
 * holds control characters, no themes at all, more themes than keys).  *out is freed with theme_set_free(). */
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

/* The themes of scheme (0: the active one), retired ones included, in
 * tree order — each parent followed by its children, the themes in use
 * before the retired ones among siblings — with their depth and document
 * counts. */
enum juan_status store_themes(struct store *s, int64_t scheme,
			      struct theme_set *out);

/* store_themes() without the counts (every count 0), for a caller that
 * needs the themes only: the counts read every tag of the scheme (45 ms
 * at 100,000 coded documents). */
enum juan_status store_theme_tree(struct store *s, int64_t scheme,
				  struct theme_set *out);

/* The theme of scheme (0: the active one) whose name is name, else the
 * theme in use whose key is name's only character, in *id.
 * JUAN_ENOTFOUND, with an error listing the scheme's themes, when none. */
enum juan_status store_theme_find(struct store *s, int64_t scheme,
				  const char *name, int64_t *id);

/* What store_themes_load() did. */
struct theme_load_result {
	int64_t scheme;  /* the scheme's id */
	bool created;    /* a new scheme */
	long added;      /* themes new to the scheme */
	long kept;       /* themes already in use, updated in place */
	long revived;    /* retired themes back in use */
	long retired;    /* themes missing from set, now retired */
};

/* Loads set as the scheme called name, in one transaction: creates the
 * scheme, or updates it in place (themes matched by name keep their ids
 * and documents; a theme missing from set is retired, never deleted; one
 * in set that was retired is revived).  A store without an active scheme
 * makes it the active one.  Never removes a tag.  res may be NULL.
 * JUAN_EINVAL for an empty set or name, a theme without a usable key, or a
 * parent that is not in set. */
enum juan_status store_themes_load(struct store *s, const char *name,
				   const struct theme_set *set,
				   struct theme_load_result *res);

#endif
