/* themes: theme sets from TSV — their fields, keys and parents.  What the
 * store keeps of them is scheme_load.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/text.h"
#include "juan/themes.h"

/* The field [*p, end) up to the next TAB or the end of the line, without
 * surrounding spaces; *p moves past the TAB.  Returns whether a TAB ended
 * it. */
static bool
next_field(const char **p, const char *end, const char **f, size_t *flen)
{
	const char *tab = memchr(*p, '\t', (size_t)(end - *p));
	const char *stop = tab ? tab : end;
	const char *a = *p;

	while (a < stop && (*a == ' ' || *a == '\r'))
		a++;
	while (stop > a && (stop[-1] == ' ' || stop[-1] == '\r'))
		stop--;
	*f = a;
	*flen = (size_t)(stop - a);
	*p = tab ? tab + 1 : end;
	return tab != NULL;
}

static const struct theme *
find_name(const struct theme_set *set, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strlen(set->themes[i].name) == len &&
		    memcmp(set->themes[i].name, name, len) == 0)
			return &set->themes[i];
	return NULL;
}

static const struct theme *
find_key(const struct theme_set *set, char key)
{
	size_t i;

	for (i = 0; key && i < set->n; i++)
		if (set->themes[i].key == key)
			return &set->themes[i];
	return NULL;
}

/* One theme line split into its fields; key is 0 when the line names none. */
struct theme_line {
	char key;
	const char *name;
	size_t name_len;
	const char *desc;
	size_t desc_len;
	const char *parent;
	size_t parent_len;
};

/* Splits a name "parent/child" (at its last '/') into out's name and
 * parent; JUAN_EINVAL when either side is empty. */
static enum juan_status
split_path(struct theme_line *out, int line, char *why, size_t whysize)
{
	const char *slash = NULL, *p;

	for (p = out->name; p < out->name + out->name_len; p++)
		if (*p == '/')
			slash = p;
	if (!slash)
		return JUAN_OK;
	if (out->parent_len > 0) {
		snprintf(why, whysize, "line %d: a parent both in the name "
			 "and in the fourth field", line);
		return JUAN_EINVAL;
	}
	out->parent = out->name;
	out->parent_len = (size_t)(slash - out->name);
	out->name_len -= out->parent_len + 1;
	out->name = slash + 1;
	if (out->parent_len == 0 || out->name_len == 0) {
		snprintf(why, whysize, "line %d: empty theme name in \"%.*s\"",
			 line, (int)(out->parent_len + 1 + out->name_len),
			 out->parent);
		return JUAN_EINVAL;
	}
	return JUAN_OK;
}

/* Splits line number line, [p, eol), into *out; JUAN_EINVAL with why
 * filled when it is malformed. */
static enum juan_status
split_line(const char *p, const char *eol, int line, struct theme_line *out,
	   char *why, size_t whysize)
{
	const char *f[4];
	size_t flen[4];
	int nf = 0, i;
	bool more = true;

	while (more) {
		if (nf == 4) {
			snprintf(why, whysize, "line %d: more than four "
				 "fields (key, name, description, parent)",
				 line);
			return JUAN_EINVAL;
		}
		more = next_field(&p, eol, &f[nf], &flen[nf]);
		nf++;
	}
	memset(out, 0, sizeof(*out));
	for (i = 0; i < nf; i++) {
		if (!text_is_plain(f[i], flen[i])) {
			snprintf(why, whysize, "line %d: not UTF-8 text, or a "
				 "control character in it", line);
			return JUAN_EINVAL;
		}
	}
	out->parent = "";
	if (nf == 4) {
		out->parent = f[3];
		out->parent_len = flen[3];
		nf = 3;
	}
	if (nf == 3 && flen[0] > 0) {
		if (flen[0] != 1 || (unsigned char)f[0][0] < 0x21 ||
		    (unsigned char)f[0][0] > 0x7e) {
			snprintf(why, whysize, "line %d: key \"%.*s\" is not "
				 "one printable ASCII character", line,
				 (int)flen[0], f[0]);
			return JUAN_EINVAL;
		}
		out->key = f[0][0];
	}
	out->name = f[nf == 3];
	out->name_len = flen[nf == 3];
	if (nf > 1) {
		out->desc = f[nf - 1];
		out->desc_len = flen[nf - 1];
	} else {
		out->desc = "";
	}
	if (out->name_len == 0) {
		snprintf(why, whysize, "line %d: empty theme name", line);
		return JUAN_EINVAL;
	}
	return split_path(out, line, why, whysize);
}

static enum juan_status
grow(struct theme_set *set, int **lines, size_t *cap)
{
	size_t ncap = *cap ? 2 * *cap : 32;
	struct theme *nt;
	int *nl;

	if (set->n < *cap)
		return JUAN_OK;
	nt = realloc(set->themes, ncap * sizeof(*nt));
	if (!nt)
		return JUAN_ENOMEM;
	set->themes = nt;
	nl = realloc(*lines, ncap * sizeof(*nl));
	if (!nl)
		return JUAN_ENOMEM;
	*lines = nl;
	*cap = ncap;
	return JUAN_OK;
}

/* Reads the themes of text into set, with the keys the lines name; lines[i]
 * is the line number of theme i. */
static enum juan_status
parse_lines(const char *text, size_t len, struct theme_set *set, int **lines,
	    char *why, size_t whysize)
{
	const char *p = text, *end = text + len;
	size_t cap = 0;
	int line = 0;
	enum juan_status rc;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p;
		const struct theme *dup;
		struct theme_line tl;
		struct theme *t;

		if (!eol)
			eol = end;
		p = eol < end ? eol + 1 : end;
		line++;
		if (*q == '#' || text_is_blank(q, (size_t)(eol - q)))
			continue;
		rc = split_line(q, eol, line, &tl, why, whysize);
		if (rc != JUAN_OK)
			return rc;
		dup = find_name(set, tl.name, tl.name_len);
		if (dup) {
			snprintf(why, whysize, "line %d: duplicate theme name "
				 "\"%.*s\" (first on line %d)", line,
				 (int)tl.name_len, tl.name,
				 (*lines)[dup->position]);
			return JUAN_EINVAL;
		}
		dup = find_key(set, tl.key);
		if (dup) {
			snprintf(why, whysize, "line %d: duplicate key \"%c\" "
				 "(first on line %d)", line, tl.key,
				 (*lines)[dup->position]);
			return JUAN_EINVAL;
		}
		rc = grow(set, lines, &cap);
		if (rc != JUAN_OK)
			return rc;
		t = &set->themes[set->n];
		memset(t, 0, sizeof(*t));
		t->position = (int)set->n;
		t->key = tl.key;
		(*lines)[set->n] = line;
		set->n++;
		t->name = strndup(tl.name, tl.name_len);
		t->description = strndup(tl.desc, tl.desc_len);
		t->parent = strndup(tl.parent, tl.parent_len);
		if (!t->name || !t->description || !t->parent)
			return JUAN_ENOMEM;
	}
	return JUAN_OK;
}

/* Every parent is a theme of the set, and no theme is its own ancestor. */
static enum juan_status
check_parents(const struct theme_set *set, const int *lines, char *why,
	      size_t whysize)
{
	const struct theme *t, *up;
	size_t i, steps;

	for (i = 0; i < set->n; i++) {
		t = &set->themes[i];
		if (!t->parent[0])
			continue;
		up = find_name(set, t->parent, strlen(t->parent));
		if (!up) {
			snprintf(why, whysize, "line %d: parent \"%s\" of \"%s\" "
				 "is not a theme of the file", lines[i],
				 t->parent, t->name);
			return JUAN_EINVAL;
		}
		for (steps = 0; up && steps <= set->n; steps++) {
			if (up == t) {
				snprintf(why, whysize, "line %d: \"%s\" is its "
					 "own ancestor (a cycle of parents)",
					 lines[i], t->name);
				return JUAN_EINVAL;
			}
			up = up->parent[0] ? find_name(set, up->parent,
						       strlen(up->parent))
					   : NULL;
		}
	}
	return JUAN_OK;
}

/* Gives each theme without a key the first free key of THEME_KEYS. */
static enum juan_status
assign_keys(struct theme_set *set, const int *lines, char *why,
	    size_t whysize)
{
	const char *next = THEME_KEYS;
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (set->themes[i].key)
			continue;
		while (*next && find_key(set, *next))
			next++;
		if (!*next) {
			snprintf(why, whysize, "line %d: more themes than keys "
				 "(%zu are free: give some themes a key of "
				 "their own)", lines[i], strlen(THEME_KEYS));
			return JUAN_EINVAL;
		}
		set->themes[i].key = *next++;
	}
	return JUAN_OK;
}

enum juan_status
theme_set_parse(const char *text, size_t len, struct theme_set *out,
		char *why, size_t whysize)
{
	struct theme_set set = {0};
	int *lines = NULL;
	enum juan_status rc;

	memset(out, 0, sizeof(*out));
	if (whysize)
		why[0] = '\0';
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	rc = parse_lines(text, len, &set, &lines, why, whysize);
	if (rc == JUAN_OK && set.n == 0) {
		snprintf(why, whysize, "no themes (one per line: name, TAB, "
			 "description)");
		rc = JUAN_EINVAL;
	}
	if (rc == JUAN_OK)
		rc = check_parents(&set, lines, why, whysize);
	if (rc == JUAN_OK)
		rc = assign_keys(&set, lines, why, whysize);
	if (rc == JUAN_ENOMEM)
		snprintf(why, whysize, "out of memory");
	free(lines);
	if (rc != JUAN_OK) {
		theme_set_free(&set);
		return rc;
	}
	*out = set;
	return JUAN_OK;
}

void
theme_set_free(struct theme_set *set)
{
	size_t i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++) {
		free(set->themes[i].name);
		free(set->themes[i].description);
		free(set->themes[i].parent);
	}
	free(set->themes);
	set->themes = NULL;
	set->n = 0;
}

const struct theme *
theme_set_find(const struct theme_set *set, const char *name_or_key)
{
	const struct theme *t;

	t = find_name(set, name_or_key, strlen(name_or_key));
	if (!t && name_or_key[0] && !name_or_key[1])
		t = find_key(set, name_or_key[0]);
	return t;
}
