/* cmd_export: `juan export` — the tagged documents (or all of them) as CSV,
 * JSON Lines or Markdown, to stdout or to a file (file_write(): never over
 * the store). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/export.h"
#include "juan/store.h"

enum { OPT_FORMAT = 256, OPT_THEME, OPT_ALL, OPT_BOM, OPT_SCHEME,
       OPT_ALL_SCHEMES, OPT_HISTORY, OPT_SORT, OPT_CODERS };

static int
run(struct cmd *c, const struct cmd_args *a)
{
	struct export_opts eo = {.format = EXPORT_CSV};
	const char *path = cmd_args_get(a, 'o');
	const char *format = cmd_args_get(a, OPT_FORMAT);
	enum juan_status st;
	struct store *s;
	char *query = NULL;
	const char *coders;
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
	coders = cmd_args_get(a, OPT_CODERS);
	if (coders && strcmp(coders, "all") != 0)
		return cmd_usage("export", "--coders takes 'all' (every "
				 "coder's coding, one column per coder)");
	eo.coders = coders != NULL;
	if (eo.coders && (eo.history || eo.all_schemes ||
			  eo.format == EXPORT_MD))
		return cmd_usage("export", "--coders all is for the documents "
				 "of one scheme in csv or jsonl");
	if (eo.scheme && eo.all_schemes)
		return cmd_usage("export", "give --scheme or --all-schemes, "
				 "not both");
	if (eo.history && (eo.theme || eo.all))
		return cmd_usage("export", "--history writes every change: "
				 "not with --theme or --all");
	if (cmd_sort("export", cmd_args_get(a, OPT_SORT), &eo.sort) != CMD_OK)
		return CMD_USAGE;
	if (a->argc > 0 && (eo.history || eo.all_schemes))
		return cmd_usage("export", "a QUERY is not for --history or "
				 "--all-schemes");
	if (eo.sort.key && (eo.history || eo.all_schemes))
		return cmd_usage("export", "--sort is not for --history or "
				 "--all-schemes");
	if (a->argc > 0) {
		if (!(query = cmd_query_join(a, 0))) {
			cmd_error("%s", juan_strstatus(JUAN_ENOMEM));
			return CMD_FAIL;
		}
		eo.query = query;
		if (cmd_query_check("export", query, NULL) != CMD_OK) {
			free(query);
			return CMD_USAGE;
		}
	}
	if (eo.all && eo.theme)
		return cmd_usage("export", "give --theme or --all, not both");
	if (eo.bom && eo.format != EXPORT_CSV)
		return cmd_usage("export", "--bom is for --format csv only");
	s = cmd_store(c);
	if (!s) {
		free(query);
		return CMD_FAIL;
	}
	errno = 0;
	if (path)
		st = export_to_path(s, &eo, path, &count);
	else
		st = export_write(s, &eo, stdout, &count);
	free(query);
	if (st == JUAN_ENOTFOUND || st == JUAN_EINVAL) {
		cmd_error("%s", store_error(s));
		return CMD_USAGE;
	}
	if (st == JUAN_EIO && !path) {
		cmd_file_error("stdout", "cannot write%s%s", errno ? ": " : "",
			       errno ? strerror(errno) : "");
		return CMD_FAIL;
	}
	if (path && (st == JUAN_EIO || st == JUAN_EGUARDED)) {
		/* store_error() names path and says why */
		cmd_error("%s", store_error(s));
		return CMD_FAIL;
	}
	if (st != JUAN_OK) {
		cmd_store_error(s, st);
		return CMD_FAIL;
	}
	/* the summary would land in the export itself */
	if (path && strcmp(path, "/dev/stdout") != 0) {
		printf("exported %ld %s%s to ", count,
		       eo.history ? "change" : "document",
		       count == 1 ? "" : "s");
		cmd_put_name(path, stdout);
		putchar('\n');
	}
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
	{"output", 'o', "FILE",
	 "write FILE instead of stdout: a file (or a link's target) is\n"
	 "replaced atomically, a FIFO or device written into; never the\n"
	 "store or its -wal, -shm or -journal, by any name or link"},
	{"scheme", OPT_SCHEME, "NAME", "this scheme (default: the active one)"},
	{"all-schemes", OPT_ALL_SCHEMES, NULL,
	 "every scheme: a row per document and scheme"},
	{"history", OPT_HISTORY, NULL, "the change log instead of the documents"},
	{"coders", OPT_CODERS, "all",
	 "every other coder's coding too: a column per coder\n"
	 "(csv), an object per coder (jsonl)"},
	{"sort", OPT_SORT, "KEY[:desc]",
	 "order by id, date, issuer, docno, title, theme or\nstate"},
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.summary = "export as csv, jsonl or md",
	.usage = "[QUERY...] [--format csv|jsonl|md] [--theme NAME] [--all] "
		 "[--bom] [--scheme NAME|--all-schemes] [--history] "
		 "[--sort KEY[:desc]] [--coders all] [-o FILE]",
	.about = "Writes the documents with tags in the scheme (--all: every "
		 "document)\nwith the fields id, path, title, issuer, docno, "
		 "date, published,\ntopic, source, doctype, scheme, theme, "
		 "theme_key, theme_parent,\nsecondary, state, note, coder, "
		 "tagged_at; or, with --history, the\nchanges: change, at, "
		 "coder, id, title, scheme, field, old, new, op.  With a "
		 "QUERY (see\nQUERIES in juan(1)): the documents it lists, "
		 "tagged or not.  With --coders all,\nbesides this store's "
		 "(the settled) coding, every other coder's: a\ncolumn "
		 "coder:NAME per coder in CSV (the theme, [none], [unsure]),\n"
		 "a field coders in JSON Lines.\n",
	.options = options,
	.run = run,
};
