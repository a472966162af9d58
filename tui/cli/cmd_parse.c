/* cmd_parse: `juan parse --outline|--meta FILE` — the parse of one file, in
 * the TSV formats of store/OUTLINE.md, without opening the store. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/cli/cmd.h"
#include "juan/file.h"
#include "juan/decode.h"
#include "juan/parse.h"

static const char usage[] =
	"usage: juan parse --outline FILE\n"
	"       juan parse --meta FILE\n"
	"\n"
	"Prints how juan reads one file, without touching the store:\n"
	"  --outline  one line per heading: level<TAB>label<TAB>title\n"
	"  --meta     key<TAB>value lines for title, issuer, date, docno\n";

enum what { WHAT_NONE, WHAT_OUTLINE, WHAT_META };
enum { OPT_OUTLINE = 256, OPT_META };

int
cmd_parse(struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"outline", no_argument, NULL, OPT_OUTLINE},
		{"meta", no_argument, NULL, OPT_META},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum what what = WHAT_NONE;
	char *bytes = NULL, *text = NULL;
	size_t len, text_len;
	struct doc *d = NULL;
	char why[256] = "";
	enum juan_status st;
	const char *path;
	int opt, rc = CMD_FAIL, wrote;

	(void)c;
	while ((opt = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_OUTLINE:
		case OPT_META:
			if (what != WHAT_NONE)
				return cmd_usage("parse", "give one of "
						 "--outline and --meta");
			what = opt == OPT_OUTLINE ? WHAT_OUTLINE : WHAT_META;
			break;
		case 'h':
			fputs(usage, stdout);
			return CMD_OK;
		default:
			return cmd_bad_option("parse", opt, argv, opts);
		}
	}
	if (what == WHAT_NONE)
		return cmd_usage("parse", "give --outline or --meta");
	if (argc - optind != 1)
		return cmd_usage("parse", "give one FILE");
	path = argv[optind];
	if (file_read(path, &bytes, &len) != JUAN_OK) {
		cmd_error("%s: %s", path, strerror(errno));
		goto done;
	}
	st = decode_text(bytes, len, &text, &text_len, NULL, why, sizeof(why));
	if (st == JUAN_ENOTTEXT) {
		cmd_error("%s: not a text document (%s)", path, why);
		goto done;
	}
	if (st == JUAN_OK)
		st = doc_parse(text, text_len, &d);
	if (st != JUAN_OK) {
		cmd_error("%s: %s", path, juan_strstatus(st));
		goto done;
	}
	if (what == WHAT_OUTLINE)
		wrote = doc_print_outline(d, stdout);
	else
		wrote = doc_print_meta(d, stdout);
	if (wrote != 0) {
		cmd_error("stdout: %s", strerror(errno));
		goto done;
	}
	rc = CMD_OK;
done:
	doc_free(&d);
	free(text);
	free(bytes);
	return rc;
}
