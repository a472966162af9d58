/* cmd_themes: `juan themes` — the theme set with its keys and document
 * counts — and `juan themes load FILE [--replace]`. */
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

static const char usage[] =
	"usage: juan themes\n"
	"       juan themes load FILE [--replace]\n"
	"\n"
	"Without arguments, lists the themes: key, name, number of documents.\n"
	"`load` replaces the theme set with the one in FILE, a TSV file of\n"
	"`name<TAB>description` or `key<TAB>name<TAB>description` lines\n"
	"(# starts a comment).  Documents keep their theme when its name is in\n"
	"the new set; when some would lose it, load refuses unless --replace\n"
	"is given.  A FILE that does not exist and names no directory is\n"
	"looked for among the shipped sets: `juan themes load education`.\n";

enum { OPT_REPLACE = 256 };

static int
list_themes(struct store *s)
{
	struct theme_set set = {0};
	int namew = 4, w;
	size_t i;

	if (store_themes(s, &set) != JUAN_OK) {
		cmd_error("%s: %s", store_path(s), store_error(s));
		return CMD_FAIL;
	}
	for (i = 0; i < set.n; i++) {
		w = text_width(set.themes[i].name, strlen(set.themes[i].name));
		if (w > namew)
			namew = w;
	}
	printf("key  %-*s  docs\n", namew, "name");
	for (i = 0; i < set.n; i++) {
		w = text_width(set.themes[i].name, strlen(set.themes[i].name));
		printf("%c    %s%*s  %4ld\n", set.themes[i].key,
		       set.themes[i].name, namew - w, "", set.themes[i].docs);
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

static int
load_themes(struct store *s, const char *path, bool replace)
{
	struct theme_set set = {0};
	char shipped[PATH_MAX];
	enum juan_status st;
	char why[256] = "";
	char *text = NULL;
	long lost = 0;
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
	st = store_themes_load(s, &set, replace, &lost);
	if (st == JUAN_ECONFLICT) {
		cmd_error("%s: %ld document%s would lose %s theme; run again "
			  "with --replace to load it anyway", path, lost,
			  lost == 1 ? "" : "s", lost == 1 ? "its" : "their");
		goto done;
	}
	if (st != JUAN_OK) {
		cmd_error("%s: %s", store_path(s), store_error(s));
		goto done;
	}
	printf("loaded %zu themes from %s", set.n, path);
	if (lost > 0)
		printf("; %ld document%s lost %s theme", lost,
		       lost == 1 ? "" : "s", lost == 1 ? "its" : "their");
	putchar('\n');
	rc = CMD_OK;
done:
	theme_set_free(&set);
	free(text);
	return rc;
}

int
cmd_themes(struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"replace", no_argument, NULL, OPT_REPLACE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool replace = false;
	struct store *s;
	int opt, nargs;

	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_REPLACE:
			replace = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return CMD_OK;
		default:
			return cmd_bad_option("themes", opt, argv, opts);
		}
	}
	nargs = argc - optind;
	if (nargs > 0 && strcmp(argv[optind], "load") != 0)
		return cmd_usage("themes", "unknown action '%s' (only 'load')",
				 argv[optind]);
	if (nargs > 0 && nargs != 2)
		return cmd_usage("themes", "give 'load' one FILE");
	if (nargs == 0 && replace)
		return cmd_usage("themes", "--replace goes with 'load FILE'");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	if (nargs == 0)
		return list_themes(s);
	return load_themes(s, argv[optind + 1], replace);
}
