/* cmd_themes: `juan themes [--scheme NAME]` — a scheme's themes as a tree
 * with their keys and document counts — and `juan themes load FILE [--as
 * NAME]`, which adds a scheme or updates one in place. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juan/cli/cmd.h"
#include "juan/file.h"
#include "juan/store.h"
#include "juan/text.h"
#include "juan/themes.h"

#ifndef JUAN_DATADIR
#define JUAN_DATADIR "/usr/local/share/juan"
#endif

static const char about[] =
	"Without arguments, lists the themes of the active scheme (or of\n"
	"--scheme NAME) as a tree: key, name, documents with it as their\n"
	"main theme, and with it as main or secondary theme, children\n"
	"rolled up into their parents.  Retired themes have no key.\n"
	"`load` reads FILE, a TSV file of `name<TAB>description` or\n"
	"`key<TAB>name<TAB>description[<TAB>parent]` lines (# starts a\n"
	"comment; a name `parent/child` gives a parent too), into the scheme\n"
	"named after the file (or --as NAME): a new scheme, or the same\n"
	"scheme updated in place.  No tag is ever removed: a theme missing\n"
	"from FILE is retired (kept on its documents and in exports, hidden\n"
	"from keys), and loading it again revives it.  A FILE that does not\n"
	"exist and names no directory is looked for among the shipped sets:\n"
	"`juan themes load education`.\n";

enum { OPT_AS = 256, OPT_SCHEME };

static int
list_themes(struct store *s, int64_t scheme)
{
	struct theme_set set = {0};
	enum juan_status st;
	int namew = 4, w;
	char *name;
	size_t i;

	st = store_themes(s, scheme, &set);
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	for (i = 0; i < set.n; i++) {
		w = 2 * set.themes[i].depth +
		    text_width(set.themes[i].name, strlen(set.themes[i].name)) +
		    (set.themes[i].retired ? 10 : 0);
		if (w > namew)
			namew = w;
	}
	printf("key  %-*s  main   any\n", namew, "name");
	for (i = 0; i < set.n; i++) {
		const struct theme *t = &set.themes[i];

		name = cmd_flat(t->name);
		w = 2 * t->depth + text_width(name ? name : "",
					      name ? strlen(name) : 0) +
		    (t->retired ? 10 : 0);
		printf("%c    %*s%s%s%*s  %4ld  %4ld\n", t->key ? t->key : '-',
		       2 * t->depth, "", name ? name : "",
		       t->retired ? " (retired)" : "", namew - w, "",
		       t->docs_tree, t->any_tree);
		free(name);
	}
	theme_set_free(&set);
	return CMD_OK;
}

/* The shipped set called name ("education" or "education.tsv"): beside
 * the program in the source tree, else where `make install` put it.  Writes
 * its real path into buf[0..PATH_MAX); false when there is none. */
static bool
find_shipped(const char *name, char *buf)
{
	static const char *const beside[] = { "/../assets/themes",
					      "/../../assets/themes",
					      "/../share/juan/themes" };
	const char *ext = ".tsv";
	char exe[PATH_MAX], path[2 * PATH_MAX], *slash;
	size_t i, len = strlen(name);
	ssize_t n;

	if (strchr(name, '/') != NULL || len == 0)
		return false;
	if (len > 4 && strcmp(name + len - 4, ext) == 0)
		ext = "";
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	slash = strrchr(exe, '/');
	if (slash != NULL) {
		*slash = '\0';
		for (i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
			snprintf(path, sizeof(path), "%s%s/%s%s", exe,
				 beside[i], name, ext);
			if (realpath(path, buf) != NULL)
				return true;
		}
	}
	snprintf(path, sizeof(path), "%s/themes/%s%s", JUAN_DATADIR, name,
		 ext);
	return realpath(path, buf) != NULL;
}

/* The scheme name a theme file gives: its base name without ".tsv". */
static void
scheme_name_of(const char *path, char *buf, size_t size)
{
	const char *base = strrchr(path, '/');
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 4 && strcmp(base + len - 4, ".tsv") == 0)
		len -= 4;
	snprintf(buf, size, "%.*s", (int)len, base);
}

static int
load_themes(struct store *s, const char *path, const char *as)
{
	struct theme_set set = {0};
	char shipped[PATH_MAX];
	enum juan_status st;
	char why[256] = "";
	char *text = NULL;
	struct theme_load_result res;
	char name[256], *flat;
	size_t len;
	int rc = CMD_FAIL;

	if (file_read(path, &text, &len) != JUAN_OK) {
		if (errno != ENOENT || !find_shipped(path, shipped)) {
			cmd_error("%s: %s", path, strerror(errno));
			return CMD_FAIL;
		}
		path = shipped;
		if (file_read(path, &text, &len) != JUAN_OK) {
			cmd_error("%s: %s", path, strerror(errno));
			return CMD_FAIL;
		}
	}
	st = theme_set_parse(text, len, &set, why, sizeof(why));
	if (st != JUAN_OK) {
		cmd_error("%s: %s", path, *why ? why : juan_strstatus(st));
		goto done;
	}
	if (as)
		snprintf(name, sizeof(name), "%s", as);
	else
		scheme_name_of(path, name, sizeof(name));
	st = store_themes_load(s, name, &set, &res);
	if (st == JUAN_EINVAL) {
		cmd_error("%s: %s", path, store_error(s));
		goto done;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		goto done;
	}
	flat = cmd_flat(name);
	printf("%s scheme %s: %zu themes from %s", res.created ? "new" :
	       "updated", flat ? flat : "", set.n, path);
	free(flat);
	if (!res.created)
		printf(" (%ld new, %ld kept, %ld revived, %ld retired)",
		       res.added, res.kept, res.revived, res.retired);
	putchar('\n');
	rc = CMD_OK;
done:
	theme_set_free(&set);
	free(text);
	return rc;
}

static int
run(struct cmd *c, const struct cmd_args *a)
{
	const char *as = cmd_args_get(a, OPT_AS);
	const char *scheme = cmd_args_get(a, OPT_SCHEME);
	int nargs = a->argc, rc;
	struct store *s;
	int64_t id;

	if (nargs > 0 && strcmp(a->argv[0], "load") != 0)
		return cmd_usage("themes", "unknown action '%s' (only 'load')",
				 a->argv[0]);
	if (nargs > 0 && nargs != 2)
		return cmd_usage("themes", "give 'load' one FILE");
	if (nargs == 0 && as)
		return cmd_usage("themes", "--as goes with 'load FILE'");
	if (nargs > 0 && scheme)
		return cmd_usage("themes", "with 'load', name the scheme with "
				 "--as NAME");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (nargs > 0)
		return load_themes(s, a->argv[1], as);
	rc = cmd_scheme(s, scheme, &id);
	return rc == CMD_OK ? list_themes(s, id) : rc;
}

static const struct cmd_option options[] = {
	{"scheme", OPT_SCHEME, "NAME",
	 "list this scheme's themes (default: the active one)"},
	{"as", OPT_AS, "NAME",
	 "with load: the scheme's name (default: FILE's name\n"
	 "without .tsv)"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_themes_entry = {
	.name = "themes",
	.summary = "list a scheme's themes, or load a theme file",
	.usage = "[--scheme NAME]\nload FILE [--as NAME]",
	.about = about,
	.options = options,
	.run = run,
};
