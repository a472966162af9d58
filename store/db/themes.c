/* themes: theme sets from TSV, their keys, and the themes table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/sanitize.h"
#include "juan/text.h"
#include "juan/themes.h"
#include "store_private.h"

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
};

/* JUAN_EINVAL with why filled when field what of line line, f[0..len),
 * holds a control or bidi character: a theme's name is printed on
 * terminals and must not be able to drive one (sanitize.h). */
static enum juan_status
check_field(const char *f, size_t len, int line, const char *what,
	    char *why, size_t whysize)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		i += text_next(f + i, len - i, &cp);
		if (cp < 0x20 || sanitize_is_control(cp)) {
			snprintf(why, whysize, "line %d: the %s holds the "
				 "control character U+%04X", line, what,
				 (unsigned)cp);
			return JUAN_EINVAL;
		}
	}
	return JUAN_OK;
}

/* Splits line number line, [p, eol), into *out; JUAN_EINVAL with why
 * filled when it is malformed. */
static enum juan_status
split_line(const char *p, const char *eol, int line, struct theme_line *out,
	   char *why, size_t whysize)
{
	const char *f[3];
	size_t flen[3];
	int nf = 0;
	bool more = true;

	while (more) {
		if (nf == 3) {
			snprintf(why, whysize, "line %d: more than three "
				 "fields (key, name, description)", line);
			return JUAN_EINVAL;
		}
		more = next_field(&p, eol, &f[nf], &flen[nf]);
		nf++;
	}
	memset(out, 0, sizeof(*out));
	if (nf == 3) {
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
	if (check_field(out->name, out->name_len, line, "theme name", why,
			whysize) != JUAN_OK ||
	    check_field(out->desc, out->desc_len, line, "description", why,
			whysize) != JUAN_OK)
		return JUAN_EINVAL;
	return JUAN_OK;
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
		if (!t->name || !t->description)
			return JUAN_ENOMEM;
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

enum juan_status
store_themes(struct store *s, struct theme_set *out)
{
	static const char sql[] =
		"SELECT t.id, t.name, t.description, t.key, t.position,"
		" (SELECT count(*) FROM doc_themes dt WHERE dt.theme_id = t.id)"
		" FROM themes t ORDER BY t.position, t.id";
	sqlite3_stmt *stmt = store_stmt(s, sql);
	struct theme_set set = {0};
	size_t cap = 0;
	enum juan_status rc = JUAN_OK;
	int step;

	memset(out, 0, sizeof(*out));
	if (!stmt)
		return JUAN_EDB;
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct theme *t;
		const unsigned char *key;

		if (set.n == cap) {
			size_t ncap = cap ? 2 * cap : 32;
			struct theme *nt = realloc(set.themes,
						   ncap * sizeof(*nt));

			if (!nt) {
				rc = JUAN_ENOMEM;
				goto done;
			}
			set.themes = nt;
			cap = ncap;
		}
		t = &set.themes[set.n++];
		memset(t, 0, sizeof(*t));
		t->id = sqlite3_column_int64(stmt, 0);
		t->name = store_column_dup(stmt, 1);
		t->description = store_column_dup(stmt, 2);
		key = sqlite3_column_text(stmt, 3);
		t->key = key ? (char)key[0] : 0;
		t->position = sqlite3_column_int(stmt, 4);
		t->docs = sqlite3_column_int64(stmt, 5);
		if (!t->name || !t->description) {
			rc = JUAN_ENOMEM;
			goto done;
		}
	}
	if (step != SQLITE_DONE)
		rc = store_fail(s, "read themes");
done:
	sqlite3_reset(stmt);
	if (rc == JUAN_ENOMEM)
		store_set_error(s, "read themes: out of memory");
	if (rc != JUAN_OK) {
		theme_set_free(&set);
		return rc;
	}
	*out = set;
	return JUAN_OK;
}

struct load_ctx {
	const struct theme_set *set;
	bool replace;
	long lost;
};

/* Counts the documents whose theme has no namesake in the new set, and
 * when apply is true removes those themes and the documents' theme.  The
 * history records each such change, as one that cannot be undone (state
 * 2): the theme to go back to is gone. */
static enum juan_status
drop_missing(struct store *s, struct load_ctx *c, bool apply)
{
	static const char sql_list[] =
		"SELECT t.id, t.name,"
		" (SELECT count(*) FROM doc_themes dt WHERE dt.theme_id = t.id)"
		" FROM themes t";
	static const char sql_audit[] =
		"INSERT INTO history(doc_id, old_theme, new_theme, op, state)"
		" SELECT dt.doc_id, t.name, '', 'tag', 2 FROM doc_themes dt"
		" JOIN themes t ON t.id = dt.theme_id WHERE dt.theme_id = ?1";
	static const char sql_untag[] =
		"DELETE FROM doc_themes WHERE theme_id = ?1";
	static const char sql_delete[] = "DELETE FROM themes WHERE id = ?1";
	sqlite3_stmt *list = store_stmt(s, sql_list);
	sqlite3_stmt *untag, *del;
	int64_t *gone = NULL;
	size_t ngone = 0, cap = 0, i;
	enum juan_status rc = JUAN_OK;
	int step;

	if (!list)
		return JUAN_EDB;
	while ((step = sqlite3_step(list)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(list, 1);
		size_t len = (size_t)sqlite3_column_bytes(list, 1);

		if (find_name(c->set, name ? name : "", len))
			continue;
		c->lost += sqlite3_column_int64(list, 2);
		if (ngone == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			int64_t *ng = realloc(gone, ncap * sizeof(*ng));

			if (!ng) {
				rc = JUAN_ENOMEM;
				store_set_error(s, "load themes: out of memory");
				goto done;
			}
			gone = ng;
			cap = ncap;
		}
		gone[ngone++] = sqlite3_column_int64(list, 0);
	}
	sqlite3_reset(list);
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "read themes");
		goto done;
	}
	for (i = 0; apply && i < ngone && rc == JUAN_OK; i++) {
		untag = store_stmt(s, sql_audit);
		if (!untag) {
			rc = JUAN_EDB;
			break;
		}
		sqlite3_bind_int64(untag, 1, gone[i]);
		rc = store_run(s, untag, "record history");
		if (rc != JUAN_OK)
			break;
		untag = store_stmt(s, sql_untag);
		if (!untag) {
			rc = JUAN_EDB;
			break;
		}
		sqlite3_bind_int64(untag, 1, gone[i]);
		rc = store_run(s, untag, "remove theme from documents");
		if (rc != JUAN_OK)
			break;
		del = store_stmt(s, sql_delete);
		if (!del) {
			rc = JUAN_EDB;
			break;
		}
		sqlite3_bind_int64(del, 1, gone[i]);
		rc = store_run(s, del, "remove theme");
	}
done:
	sqlite3_reset(list);
	free(gone);
	return rc;
}

/* Writes the new set: surviving themes (matched by name) are updated in
 * place so that their documents keep them, the others inserted.  Keys move
 * through a temporary value so that two themes may swap keys. */
static enum juan_status
write_set(struct store *s, const struct theme_set *set)
{
	static const char sql_park[] =
		"UPDATE themes SET key = '~' || id";
	static const char sql_upsert[] =
		"INSERT INTO themes(name, key, description, position)"
		" VALUES(?1, ?2, ?3, ?4)"
		" ON CONFLICT(name) DO UPDATE SET key = excluded.key,"
		" description = excluded.description,"
		" position = excluded.position";
	sqlite3_stmt *stmt = store_stmt(s, sql_park);
	enum juan_status rc;
	size_t i;

	if (!stmt)
		return JUAN_EDB;
	rc = store_run(s, stmt, "load themes");
	for (i = 0; i < set->n && rc == JUAN_OK; i++) {
		const struct theme *t = &set->themes[i];

		stmt = store_stmt(s, sql_upsert);
		if (!stmt)
			return JUAN_EDB;
		sqlite3_bind_text(stmt, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, &t->key, 1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, t->description, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 4, (int)i);
		rc = store_run(s, stmt, "load themes");
	}
	return rc;
}

static enum juan_status
load(struct store *s, void *ctx)
{
	struct load_ctx *c = ctx;
	enum juan_status rc;

	rc = drop_missing(s, c, false);
	if (rc != JUAN_OK)
		return rc;
	if (c->lost > 0 && !c->replace) {
		store_set_error(s, "%ld document%s would lose %s theme",
				c->lost, c->lost == 1 ? "" : "s",
				c->lost == 1 ? "its" : "their");
		return JUAN_ECONFLICT;
	}
	c->lost = 0;
	rc = drop_missing(s, c, true);
	if (rc != JUAN_OK)
		return rc;
	return write_set(s, c->set);
}

enum juan_status
store_themes_load(struct store *s, const struct theme_set *set, bool replace,
		  long *lost)
{
	struct load_ctx c = {set, replace, 0};
	enum juan_status rc;
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (!set->themes[i].key) {
			store_set_error(s, "theme \"%s\" has no usable key",
					set->themes[i].name);
			return JUAN_EINVAL;
		}
	}
	if (set->n == 0) {
		store_set_error(s, "an empty theme set");
		return JUAN_EINVAL;
	}
	rc = store_write(s, load, &c);
	if (lost)
		*lost = c.lost;
	return rc;
}
