/* keymap: the built-in bindings and colours, and the config file reader
 * that applies them as well as a user's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/array.h"
#include "juan/file.h"
#include "juan/path.h"
#include "juan/text.h"
#include "juan/browser/keymap.h"

/* The default bindings, applied by keymap_bind() like a `bind` line. */
static const struct {
	enum action action;
	const char *key;
} default_bindings[] = {
	{ ACT_MOVE_DOWN, "j" },      { ACT_MOVE_DOWN, "<Down>" },
	{ ACT_MOVE_UP, "k" },        { ACT_MOVE_UP, "<Up>" },
	{ ACT_MOVE_FIRST, "g" },     { ACT_MOVE_FIRST, "<Home>" },
	{ ACT_MOVE_LAST, "G" },      { ACT_MOVE_LAST, "<End>" },
	{ ACT_PAGE_DOWN, "<PgDn>" }, { ACT_PAGE_DOWN, "C-f" },
	{ ACT_PAGE_DOWN, "<Space>" },
	{ ACT_PAGE_UP, "<PgUp>" },   { ACT_PAGE_UP, "C-b" },
	{ ACT_PANE_NEXT, "<Tab>" },  { ACT_PANE_PREV, "<S-Tab>" },
	{ ACT_PANE_LEFT, "h" },      { ACT_PANE_LEFT, "<Left>" },
	{ ACT_PANE_RIGHT, "l" },     { ACT_PANE_RIGHT, "<Right>" },
	{ ACT_ENTER, "<Enter>" },
	{ ACT_FOLD_LESS, "-" },      { ACT_FOLD_MORE, "=" },
	{ ACT_TAG_PICK, "t" },
	{ ACT_TAG_CLEAR, "0" },      { ACT_TAG_CLEAR, "x" },
	{ ACT_UNDO, "u" },           { ACT_REDO, "C-r" },
	{ ACT_SECONDARY, "+" },      { ACT_STATE_NONE, "." },
	{ ACT_STATE_UNSURE, "!" },   { ACT_NOTE, "'" },
	{ ACT_SCHEME_NEXT, ">" },
	{ ACT_ADVANCE, "a" },
	{ ACT_SEARCH, "/" },
	{ ACT_HIT_NEXT, "n" },       { ACT_HIT_PREV, "N" },
	{ ACT_FILTER, "f" },         { ACT_CLEAR, "<Esc>" },
	{ ACT_EXPORT, "e" },         { ACT_STATS, "s" },
	{ ACT_HELP, "?" },           { ACT_REFRESH, "C-l" },
	{ ACT_IMPORT_SAMPLE, "i" },  { ACT_QUIT, "q" },
	{ ACT_WIDE_LIST, "|" },      { ACT_JUMP, ":" },
	{ ACT_MARK, "*" },           { ACT_MARK_ALL, "&" },
	{ ACT_MARK_CLEAR, "_" },
	{ ACT_SORT, "," },           { ACT_SORT_REVERSE, "<" },
	{ ACT_BULK, ";" },           { ACT_ADOPT, "@" },
	{ ACT_ACCEPT, "~" },
};

/* The default colours, applied by the code of a `color` line. */
static const struct {
	enum element el;
	const char *fg;
	const char *bg;
} default_colors[] = {
	{ EL_HEADER, "white", "blue" },
	{ EL_STATUS, "black", "white" },
	{ EL_BORDER, "blue", "default" },
	{ EL_CURSOR, "black", "cyan" },
	{ EL_CURSOR_DIM, "default", "default" },
	{ EL_MARK, "yellow", "default" },
	{ EL_DATE, "cyan", "default" },
	{ EL_ISSUER, "green", "default" },
	{ EL_LABEL, "cyan", "default" },
	{ EL_TITLE, "yellow", "default" },
	{ EL_HEADING, "yellow", "default" },
	{ EL_CURRENT, "black", "yellow" },
	{ EL_HIT, "black", "green" },
	{ EL_OVERLAY, "default", "default" },
	{ EL_BAR, "cyan", "default" },
	{ EL_ERROR, "white", "red" },
};

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Enter", KEYC_ENTER },  { "Tab", KEYC_TAB },
	{ "S-Tab", KEYC_BTAB },   { "Esc", KEYC_ESC },
	{ "Space", ' ' },         { "Up", KEYC_UP },
	{ "Down", KEYC_DOWN },    { "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT },  { "Home", KEYC_HOME },
	{ "End", KEYC_END },      { "PgUp", KEYC_PGUP },
	{ "PgDn", KEYC_PGDN },    { "Backspace", KEYC_BACKSPACE },
	{ "Del", KEYC_DELETE },   { "Resize", KEYC_RESIZE },
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

bool
keymap_parse_key(const char *spec, int *key)
{
	size_t len = strlen(spec), i, used;
	uint32_t cp;

	if (len == 0)
		return false;
	if (spec[0] == '<' && len > 2 && spec[len - 1] == '>') {
		for (i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++) {
			if (strlen(key_names[i].name) == len - 2 &&
			    strncasecmp(key_names[i].name, spec + 1, len - 2) == 0) {
				*key = key_names[i].key;
				return true;
			}
		}
		return false;
	}
	if (len == 3 && (spec[0] == 'C' || spec[0] == 'c') && spec[1] == '-' &&
	    spec[2] >= '@' && spec[2] <= 'z') {
		*key = KEYC_CTRL(spec[2]);
		return true;
	}
	if (len == 2 && spec[0] == '^' && spec[1] >= '@' && spec[1] <= 'z') {
		*key = KEYC_CTRL(spec[1]);
		return true;
	}
	used = text_next(spec, len, &cp);
	if (used != len || cp == TEXT_REPLACEMENT || cp < 0x20)
		return false;
	*key = (int)cp;
	return true;
}

char *
keymap_key_name(int key, char *buf, size_t size)
{
	char utf8[5];
	size_t i, n;

	for (i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++) {
		if (key_names[i].key == key) {
			snprintf(buf, size, "<%s>", key_names[i].name);
			return buf;
		}
	}
	if (key > 0 && key < 0x20)
		snprintf(buf, size, "C-%c", key + 'a' - 1);
	else if (key >= 0x20 && key < 0x110000) {
		n = text_put((uint32_t)key, utf8);
		utf8[n] = '\0';
		snprintf(buf, size, "%s", utf8);
	} else
		snprintf(buf, size, "<%#x>", (unsigned)key);
	return buf;
}

enum juan_status
keymap_bind(struct keymap *km, int key, enum action action)
{
	struct binding *grown;
	size_t i;

	for (i = 0; i < km->n; i++) {
		if (km->bindings[i].key == key) {
			if (action == ACT_NONE)
				km->bindings[i] = km->bindings[--km->n];
			else
				km->bindings[i].action = action;
			return JUAN_OK;
		}
	}
	if (action == ACT_NONE)
		return JUAN_OK;
	grown = array_reserve(km->bindings, &km->cap, km->n + 1,
			      sizeof(*grown));
	if (grown == NULL)
		return JUAN_ENOMEM;
	km->bindings = grown;
	km->bindings[km->n].key = key;
	km->bindings[km->n].action = action;
	km->n++;
	return JUAN_OK;
}

static bool
parse_color(const char *name, int *out)
{
	char *end;
	long v;
	size_t i;

	if (strcmp(name, "default") == 0) {
		*out = -1;
		return true;
	}
	for (i = 0; i < sizeof(color_names) / sizeof(color_names[0]); i++) {
		if (strcmp(name, color_names[i]) == 0) {
			*out = (int)i;
			return true;
		}
	}
	errno = 0;
	v = strtol(name, &end, 10);
	if (errno != 0 || end == name || *end != '\0' || v < 0 || v > 255)
		return false;
	*out = (int)v;
	return true;
}

static bool
set_color(struct keymap *km, const char *element, const char *fg,
	  const char *bg)
{
	int el = element_find(element), f, b;

	if (el < 0 || !parse_color(fg, &f) || !parse_color(bg, &b))
		return false;
	km->colors[el].fg = f;
	km->colors[el].bg = b;
	km->colors[el].set = true;
	return true;
}

enum juan_status
keymap_init(struct keymap *km)
{
	enum juan_status rc;
	size_t i;
	int key;

	memset(km, 0, sizeof(*km));
	for (i = 0; i < EL_COUNT; i++) {
		km->colors[i].fg = -1;
		km->colors[i].bg = -1;
	}
	for (i = 0; i < sizeof(default_bindings) / sizeof(default_bindings[0]); i++) {
		if (!keymap_parse_key(default_bindings[i].key, &key))
			abort();
		rc = keymap_bind(km, key, default_bindings[i].action);
		if (rc != JUAN_OK) {
			keymap_free(km);
			return rc;
		}
	}
	for (i = 0; i < sizeof(default_colors) / sizeof(default_colors[0]); i++)
		if (!set_color(km, element_name(default_colors[i].el),
			       default_colors[i].fg, default_colors[i].bg))
			abort();
	return JUAN_OK;
}

void
keymap_free(struct keymap *km)
{
	if (km == NULL)
		return;
	free(km->bindings);
	memset(km, 0, sizeof(*km));
}

/* Splits line (modified) into at most max words; returns their number. */
static int
split_words(char *line, char **words, int max)
{
	int n = 0;
	char *p = line;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		if (n == max)
			return max + 1;
		words[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	return n;
}

/* Applies one config line; returns NULL or what is wrong with it. */
static const char *
apply_line(struct keymap *km, char *line)
{
	char *w[4];
	int n = split_words(line, w, 4), key;
	enum action a;

	if (n == 0)
		return NULL;
	if (strcmp(w[0], "bind") == 0) {
		if (n != 3)
			return "usage: bind KEY ACTION";
		if (!keymap_parse_key(w[1], &key))
			return "unknown key";
		a = action_find(w[2]);
		if (a == ACT_NONE && strcmp(w[2], "none") != 0)
			return "unknown action";
		return keymap_bind(km, key, a) == JUAN_OK ? NULL : "out of memory";
	}
	if (strcmp(w[0], "color") == 0) {
		if (n != 4)
			return "usage: color ELEMENT FG BG";
		return set_color(km, w[1], w[2], w[3]) ? NULL
		       : "unknown element or colour";
	}
	/* the coder's name is the command line's (cmd_coder) */
	if (strcmp(w[0], "coder") == 0)
		return n >= 2 ? NULL : "usage: coder NAME";
	return "unknown command (bind, color, coder)";
}

enum juan_status
keymap_read(struct keymap *km, const char *text, size_t len, char *err,
	    size_t errsize)
{
	enum juan_status rc = JUAN_OK;
	char line[512];
	const char *problem;
	size_t start = 0, end, n;
	int lineno = 0;

	while (start < len) {
		end = start;
		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		n = end - start;
		if (n >= sizeof(line)) {
			problem = "line too long";
		} else {
			memcpy(line, text + start, n);
			line[n] = '\0';
			if (n > 0 && line[n - 1] == '\r')
				line[n - 1] = '\0';
			problem = apply_line(km, line);
		}
		if (problem != NULL && rc == JUAN_OK) {
			snprintf(err, errsize, "line %d: %s", lineno, problem);
			rc = JUAN_EINVAL;
		}
		start = end + 1;
	}
	return rc;
}

enum juan_status
keymap_read_file(struct keymap *km, const char *path, char *err,
		 size_t errsize)
{
	enum juan_status rc;
	char *text;
	size_t len;

	rc = file_read(path, &text, &len);
	if (rc == JUAN_ENOTFOUND)
		return JUAN_OK;
	if (rc != JUAN_OK) {
		snprintf(err, errsize, "%s: %s", path,
			 rc == JUAN_EIO ? strerror(errno) : juan_strstatus(rc));
		return rc;
	}
	rc = keymap_read(km, text, len, err, errsize);
	free(text);
	return rc;
}

char *
keymap_config_path(void)
{
	return path_xdg("XDG_CONFIG_HOME", ".config", "juan/config");
}

enum action
keymap_lookup(const struct keymap *km, int key)
{
	size_t i;

	for (i = 0; i < km->n; i++)
		if (km->bindings[i].key == key)
			return km->bindings[i].action;
	return ACT_NONE;
}

char *
keymap_keys_for(const struct keymap *km, enum action action, char *buf,
		size_t size)
{
	char name[32];
	size_t i, used = 0;
	int w;

	buf[0] = '\0';
	for (i = 0; i < km->n && used < size; i++) {
		if (km->bindings[i].action != action)
			continue;
		keymap_key_name(km->bindings[i].key, name, sizeof(name));
		w = snprintf(buf + used, size - used, "%s%s", used ? " " : "",
			     name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}
