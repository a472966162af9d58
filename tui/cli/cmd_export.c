/* cmd_export: `juan export` — the tagged documents (or all of them) as CSV,
 * JSON Lines or Markdown, to stdout or atomically to a file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/export.h"
#include "juan/store.h"

static const char usage[] =
	"usage: juan export [--format csv|jsonl|md] [--theme NAME] [--all]\n"
	"                   [--bom] [-o FILE]\n"
	"\n"
	"Writes the tagged documents with the fields id, title, issuer,\n"
	"docno, date, theme, theme_key, tagged_at, path.\n"
	"  --format csv    RFC 4180 CSV in UTF-8 (default)\n"
	"  --format jsonl  one JSON object a line\n"
	"  --format md     a Markdown table per theme\n"
	"  --theme NAME    only this theme (name or key)\n"
	"  --all           untagged documents too (not with --theme)\n"
	"  --bom           start the CSV with a byte order mark (for Excel)\n"
	"  -o, --output FILE  write FILE atomically instead of stdout\n";

enum { OPT_FORMAT = 256, OPT_THEME, OPT_ALL, OPT_BOM };

int
cmd_export(struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"theme", required_argument, NULL, OPT_THEME},
		{"all", no_argument, NULL, OPT_ALL},
		{"bom", no_argument, NULL, OPT_BOM},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct export_opts eo = {.format = EXPORT_CSV};
	const char *path = NULL;
	enum juan_status st;
	struct store *s;
	long count = 0;
	int opt;

	while ((opt = getopt_long(argc, argv, ":o:h", opts, NULL)) !=
	       -1) {
		switch (opt) {
		case OPT_FORMAT:
			if (export_format_parse(optarg, &eo.format) != JUAN_OK)
				return cmd_usage("export", "unknown format "
						 "'%s' for --format (csv, "
						 "jsonl or md)", optarg);
			break;
		case OPT_THEME:
			eo.theme = optarg;
			break;
		case OPT_ALL:
			eo.all = true;
			break;
		case OPT_BOM:
			eo.bom = true;
			break;
		case 'o':
			if (!*optarg)
				return cmd_usage("export", "-o needs a file "
						 "name");
			path = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return CMD_OK;
		default:
			return cmd_bad_option("export", opt, argv, opts);
		}
	}
	if (optind < argc)
		return cmd_usage("export", "unexpected argument '%s'",
				 argv[optind]);
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
	if (st == JUAN_EIO) {
		cmd_error("%s: cannot write%s%s", path ? path : "stdout",
			  errno ? ": " : "", errno ? strerror(errno) : "");
		return CMD_FAIL;
	}
	if (st != JUAN_OK) {
		cmd_error("%s: %s", store_path(s), *store_error(s) ?
			  store_error(s) : juan_strstatus(st));
		return CMD_FAIL;
	}
	if (path)
		printf("exported %ld document%s to %s\n", count,
		       count == 1 ? "" : "s", path);
	return CMD_OK;
}
