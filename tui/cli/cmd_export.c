/* cmd_export: `juan export` — the tagged documents (or all of them) as CSV,
 * JSON Lines or Markdown, to stdout or to a file (file_write(): never over
 * the store). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/export.h"
#include "juan/store.h"

enum { OPT_FORMAT = 256, OPT_THEME, OPT_ALL, OPT_BOM };

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
		cmd_no_theme(eo.theme);
		return CMD_FAIL;
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
		printf("exported %ld document%s to ", count,
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
	{NULL, 0, NULL, NULL},
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.summary = "export as csv, jsonl or md",
	.usage = "[--format csv|jsonl|md] [--theme NAME] [--all] [--bom] "
		 "[-o FILE]",
	.about = "Writes the tagged documents with the fields id, title, "
		 "issuer,\ndocno, date, theme, theme_key, tagged_at, path.\n",
	.options = options,
	.run = run,
};
