/* cmd_export: `juan export` — the tagged documents (or all of them) as CSV,
 * JSON Lines or Markdown, to stdout or atomically to a file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/export.h"
#include "juan/store.h"

enum { OPT_FORMAT = 256, OPT_THEME, OPT_ALL, OPT_BOM, OPT_SCHEME,
       OPT_ALL_SCHEMES, OPT_HISTORY };

static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct export_opts eo = {.format = EXPORT_CSV};
	const char *path = cmd_args_get(a, 'o');
	const char *format = cmd_args_get(a, OPT_FORMAT);
	enum juan_status st;
	struct store *s;
	long count = 0;

	if (format && export_format_parse(format, &eo.format) != JUAN_OK)
		return cmd_usage("export", "unknown format '%s' for --format "
				 "(csv, jsonl or md)", format);
	if (path && !*path)
		return cmd_usage("export", "-o needs a file name");
	eo.theme = cmd_args_get(a, OPT_THEME);
	eo.all = cmd_args_count(a, OPT_ALL) > 0;
	eo.bom = cmd_args_count(a, OPT_BOM) > 0;
	eo.scheme = cmd_args_get(a, OPT_SCHEME);
	eo.all_schemes = cmd_args_count(a, OPT_ALL_SCHEMES) > 0;
	eo.history = cmd_args_count(a, OPT_HISTORY) > 0;
	if (eo.scheme && eo.all_schemes)
		return cmd_usage("export", "give --scheme or --all-schemes, "
				 "not both");
	if (eo.history && (eo.theme || eo.all))
		return cmd_usage("export", "--history writes every change: "
				 "not with --theme or --all");
	if (a->argc > 0)
		return cmd_usage("export", "unexpected argument '%s'",
				 a->argv[0]);
	if (eo.all && eo.theme)
		return cmd_usage("export", "give --theme or --all, not both");
	if (eo.bom && eo.format != EXPORT_CSV)
		return cmd_usage("export", "--bom is for --format csv only");
	s = cmd_store(c);
	if (!s)
		return CMD_FAIL;
	errno = 0;
	if (path)
		st = export_to_path(s, &eo, path, &count);
	else
		st = export_write(s, &eo, stdout, &count);
	if (st == JUAN_ENOTFOUND) {
		cmd_error("%s", store_error(s));
		return CMD_USAGE;
	}
	if (st == JUAN_EIO) {
		cmd_error("%s: cannot write%s%s", path ? path : "stdout",
			  errno ? ": " : "", errno ? strerror(errno) : "");
		return CMD_FAIL;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	if (path)
		printf("exported %ld %s%s to %s\n", count,
		       eo.history ? "change" : "document",
		       count == 1 ? "" : "s", path);
	return CMD_OK;
}

static const struct cmd_option options[] = {
	{"format", OPT_FORMAT, "csv|jsonl|md",
	 "csv: RFC 4180 CSV in UTF-8 (the default)\n"
	 "jsonl: one JSON object a line\n"
	 "md: a Markdown table per theme"},
	{"theme", OPT_THEME, "NAME", "only this theme (name or key)"},
	{"all", OPT_ALL, NULL, "untagged documents too (not with --theme)"},
	{"bom", OPT_BOM, NULL,
	 "start the CSV with a byte order mark (for Excel)"},
	{"output", 'o', "FILE", "write FILE atomically instead of stdout"},
	{"scheme", OPT_SCHEME, "NAME", "this scheme (default: the active one)"},
	{"all-schemes", OPT_ALL_SCHEMES, NULL,
	 "every scheme: a row per document and scheme"},
	{"history", OPT_HISTORY, NULL, "the change log instead of the documents"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.summary = "export as csv, jsonl or md",
	.usage = "[--format csv|jsonl|md] [--theme NAME] [--all] [--bom] "
		 "[--scheme NAME|--all-schemes] [--history] [-o FILE]",
	.about = "Writes the documents with tags in the scheme (--all: every "
		 "document)\nwith the fields id, path, title, issuer, docno, "
		 "date, published,\ntopic, source, doctype, scheme, theme, "
		 "theme_key, theme_parent,\nsecondary, state, note, coder, "
		 "tagged_at; or, with --history, the\nchanges: change, at, "
		 "coder, id, title, scheme, field, old, new, op.\n",
	.options = options,
	.run = run,
};
